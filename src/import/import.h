/* import.h - importers: paper lists (Markdown/plain text) and BibTeX into catalog papers. */
#ifndef LIT_IMPORT_H
#define LIT_IMPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "catalog.h"
#include "topics.h"
#include "venues.h"

/* The state the .bib files of one import share: macros and entries (lit_bib_new). */
typedef struct lit_bib lit_bib;

typedef struct lit_import_opts {
    const lit_venues *venues;   /* venue aliases -> canonical ids */
    const lit_topics *topics;   /* section headings -> topic ids (BibTeX keywords) */
    lit_topic_import *sections; /* section headings -> topics for lists: loose matches and
                                   new topics (NULL: by name or loosely in topics only) */
    bool strict;                /* --strict: the first bad entry fails the whole import
                                   (default: it is skipped with a located warning) */
    bool lenient;               /* --lenient: also skip bad lines (invalid UTF-8) and files */
    bool explain;               /* -v: a note for each list item not read as a paper */
    lit_bib *bib;               /* NULL: each .bib file on its own; else lit_import_bib only
                                   reads into it and lit_bib_finish makes the papers */
} lit_import_opts;

/* The name a source gives its list: the path as given, relative to the current folder
 * ("counterfactuals/README.md"), without a leading "./": eleven lists called README.md
 * stay eleven lists. */
static inline const char *lit_list_name(const char *path)
{
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/') path++;
    }
    return path;
}

/* Each importer appends the papers of one file to cat, every paper with a source
 * {list: lit_list_name(path), line: 1-based line of the entry, section}.
 * data/len are the file's bytes, path names it in messages (FILE:LINE:COL).
 * Returns 0, or -1 after reporting (the caller then writes nothing). */
int lit_import_list(lit_catalog *cat, const char *path, const char *data, size_t len,
                    const lit_import_opts *o, lit_diag *d);
int lit_import_bib(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d);

/* What lit_import_sheet read back. */
typedef struct lit_sheet_stats {
    const char *sheet;        /* the sheet read (Papers, or the one with a Key column) */
    size_t rows, papers;      /* rows read into papers, and the papers they fill */
    size_t fields;            /* fields set or cleared */
    size_t gone, no_key;      /* rows whose key no paper has (reported), rows without key */
} lit_sheet_stats;

/* Reads a reading group's edits back from a workbook `litsurvey xlsx` wrote: for each row
 * of its Papers sheet (or the first sheet with a Key column), in any order, hidden or not,
 * the Status, Presenter, Date and Notes cells and every column the group added, into the
 * paper whose key (or alias) is in the row's Key cell, as fields of its `reading:`
 * mapping (a field at the top of the entry stays there); an empty cell clears the field.
 * A row whose key no paper has is reported with its values, a warning. Returns 0, or -1
 * after a located error (not a workbook, no Key column, a bound passed: xlsx_read.h). */
int lit_import_sheet(lit_catalog *cat, const char *path, lit_sheet_stats *st, lit_diag *d);

/* What a file holds, by its extension or its first bytes: .bib or "@type{", .json or
 * JSON objects (CSL-JSON), .ris or "TY  - ", else a paper list. */
typedef enum lit_file_kind { LIT_FILE_LIST, LIT_FILE_BIB, LIT_FILE_CSL, LIT_FILE_RIS } lit_file_kind;
lit_file_kind lit_import_kind(const char *path, const char *data, size_t len);
/* A workbook (.xlsx, .xlsm, or a zip file of no format lit_import_unread names): read back with lit_import_sheet, not as a list. */
bool lit_import_is_workbook(const char *path);
/* The extension of a format the importers do not read (".org", ".html", ".ods", ".pdf",
 * ...), or NULL. */
const char *lit_import_unread(const char *path);
/* Reads a file to import ("-" = stdin) within the input limit (input.h), its noncharacters
 * and C1 controls replaced by U+FFFD with a warning at their place (text.h): where the
 * text of someone else's file enters. Returns 0, or -1 after reporting. */
int lit_import_read(const char *path, char **data, size_t *len, lit_diag *d);
/* Appends the papers of one file with the importer of its kind (as lit_import_list). */
int lit_import_file(lit_catalog *cat, const char *path, const char *data, size_t len, const lit_import_opts *o,
                    lit_diag *d);

/* Several .bib files as one bibliography, as bibtex reads \bibliography{abbrv,papers,crossref}:
 * macros defined in a file hold in the files after it, crossrefs resolve across all of
 * them. lit_bib_finish appends the papers (after every file was read); a file with only
 * @strings or crossref targets is no error. Both return 0, or -1 after reporting. */
lit_bib *lit_bib_new(void);
int lit_bib_read(lit_bib *b, const char *path, const char *data, size_t len, const lit_import_opts *o, lit_diag *d);
int lit_bib_finish(lit_bib *b, lit_catalog *cat, const lit_import_opts *o, lit_diag *d);
void lit_bib_free(lit_bib *b);
/* Every entry key read into b, as written, skipped entries too (an entry bibtex sees even
 * when it makes no paper: a key that a written .bib must not repeat); not @string keys. */
size_t lit_bib_n_keys(const lit_bib *b);
const char *lit_bib_key(const lit_bib *b, size_t i);

#endif
