/* import_file.c - which importer reads a file: BibTeX, CSL-JSON or RIS by extension or first bytes, a workbook, else a paper list. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "import.h"
#include "import_ref.h"
#include "input.h"
#include "text.h"

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n >= e && strcasecmp(path + n - e, ext) == 0;
}

/* Where the text starts: past blanks and a UTF-8 byte-order mark. */
static size_t text_start(const char *data, size_t len)
{
    size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
    return i;
}

/* CSL-JSON: .json, or text starting with '[' and '{', or '{' and '"' (a plain list may
 * start with "[NSDI '19] Title"). */
static bool is_csl(const char *path, const char *data, size_t len)
{
    if (has_ext(path, ".json")) return true;
    size_t i = text_start(data, len);
    if (i >= len || (data[i] != '[' && data[i] != '{')) return false;
    char want = data[i] == '[' ? '{' : '"';
    size_t j = i + 1 + text_start(data + i + 1, len - i - 1);
    return j < len && (data[j] == want || (data[i] == '[' && data[j] == ']'));
}

/* RIS: .ris, or text starting with a "TY  - " tag. */
static bool is_ris(const char *path, const char *data, size_t len)
{
    size_t i = text_start(data, len);
    return has_ext(path, ".ris") || (len - i >= 6 && !memcmp(data + i, "TY  -", 5));
}

static bool is_bib(const char *path, const char *data, size_t len)
{
    if (has_ext(path, ".bib")) return true;
    /* content sniffing: a file whose first non-blank character starts "@type{" */
    size_t i = text_start(data, len);
    if (i >= len || data[i] != '@') return false;
    size_t j = i + 1;
    while (j < len && ((data[j] >= 'a' && data[j] <= 'z') || (data[j] >= 'A' && data[j] <= 'Z'))) j++;
    while (j < len && (data[j] == ' ' || data[j] == '\t')) j++;
    return j > i + 1 && j < len && (data[j] == '{' || data[j] == '(');
}

/* Formats people keep lists in that the importers do not read: an error that says what
 * they read, rather than a list read from markup or binary bytes. */
static const char *const unread_exts[] = {
    ".org", ".html", ".htm", ".xhtml", ".xml", ".xls", ".ods", ".csv", ".tsv", ".docx", ".doc",
    ".odt", ".rtf", ".pdf", ".epub", ".tex", ".pptx", ".key", ".numbers", ".pages",
};

const char *lit_import_unread(const char *path)
{
    for (size_t i = 0; i < sizeof unread_exts / sizeof *unread_exts; i++)
        if (has_ext(path, unread_exts[i])) return unread_exts[i];
    return NULL;
}

bool lit_import_is_workbook(const char *path)
{
    if (has_ext(path, ".xlsx") || has_ext(path, ".xlsm")) return true;
    if (lit_import_unread(path)) return false;   /* an .ods or .docx is a zip file too */
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;
    char m[4] = {0};
    bool zip = f && fread(m, 1, 4, f) == 4 && !memcmp(m, "PK\3\4", 4);
    if (f) fclose(f);
    return zip;
}

lit_file_kind lit_import_kind(const char *path, const char *data, size_t len)
{
    return is_bib(path, data, len) ? LIT_FILE_BIB : is_csl(path, data, len) ? LIT_FILE_CSL
           : is_ris(path, data, len) ? LIT_FILE_RIS : LIT_FILE_LIST;
}

int lit_import_read(const char *path, char **data, size_t *len, lit_diag *d)
{
    if (lit_read_file(path, data, len, d) != 0) return -1;
    lit_text_clean_input(path, data, len, d);
    return 0;
}

int lit_import_file(lit_catalog *cat, const char *path, const char *data, size_t len, const lit_import_opts *o,
                    lit_diag *d)
{
    switch (lit_import_kind(path, data, len)) {
    case LIT_FILE_BIB: return lit_import_bib(cat, path, data, len, o, d);
    case LIT_FILE_CSL: return lit_import_csl(cat, path, data, len, o, d);
    case LIT_FILE_RIS: return lit_import_ris(cat, path, data, len, o, d);
    default: return lit_import_list(cat, path, data, len, o, d);
    }
}
