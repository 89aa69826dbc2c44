/* records.c - the record fields and item types of BibTeX, CSL-JSON and RIS in one table. */
#include "records.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"

/* The types are those biblatex's data model (blx-dm.def) allows each field in, by the
 * BibTeX names (biber maps inproceedings/conference, techreport, phdthesis to its own). */
#define VOLUMES " article book inbook incollection inproceedings conference proceedings "
#define BOOKISH " book inbook incollection inproceedings conference proceedings "
const lit_rec_field lit_rec_fields[] = {
    {"editor", "editor", "A2", "ED", BOOKISH " article misc ", true},
    {"volume", "volume", "VL", NULL, VOLUMES, false},
    {"number", "issue", "IS", NULL, VOLUMES " techreport report ", false},
    {"pages", "page", "SP", NULL, VOLUMES " techreport report phdthesis mastersthesis thesis ", false},
    {"issn", "ISSN", "SN", NULL, " article periodical ", false},
    {"isbn", "ISBN", "SN", NULL, BOOKISH, false},
    {"publisher", "publisher", "PB", NULL, BOOKISH " techreport report phdthesis mastersthesis thesis ", false},
    {"language", "language", "LA", NULL, NULL, false},
    {"abstract", "abstract", "AB", "N2", NULL, false},
};
const size_t lit_rec_n_fields = sizeof lit_rec_fields / sizeof *lit_rec_fields;
_Static_assert(sizeof lit_rec_fields / sizeof *lit_rec_fields <= LIT_REC_MAX_FIELDS, "LIT_REC_MAX_FIELDS is too small");

/* Types: CSL, RIS, BibTeX. The first row of a BibTeX type gives its CSL type back. */
static const struct { const char *csl, *ris, *bib; } types[] = {
    {"article-journal", "JOUR", "article"},
    {"paper-conference", "CONF", "inproceedings"},
    {"paper-conference", "CPAPER", "inproceedings"},
    {"paper-conference", NULL, "conference"},
    {"book", "BOOK", "book"},
    {"book", "EDBOOK", "book"},
    {"book", NULL, "proceedings"},
    {"chapter", "CHAP", "incollection"},
    {"chapter", NULL, "inbook"},
    {"thesis", "THES", "phdthesis"},
    {"thesis", NULL, "mastersthesis"},
    {"thesis", NULL, "thesis"},
    {"report", "RPRT", "techreport"},
    {"report", NULL, "report"},
    {"article", "UNPB", "misc"},    /* CSL's article: a preprint, as Zotero exports one */
    {"article", "GEN", "misc"},
    {"article-magazine", "MGZN", "article"},
    {"article-newspaper", "NEWS", "article"},
    {"article-journal", "EJOUR", "article"},
    {"entry-encyclopedia", "ENCYC", "incollection"},
    {"entry-dictionary", "DICT", "incollection"},
    {"webpage", "ELEC", "misc"},
    {"webpage", "WEB", "misc"},
    {"dataset", "DATA", "misc"},
    {"software", "COMP", "misc"},
    {"manuscript", "MANSCPT", "misc"},   /* bibtex's unpublished wants a note */
    {"patent", "PAT", "misc"},
    {"document", NULL, "misc"},
    /* biblatex's own types, as a .bib may have them */
    {"webpage", NULL, "online"},
    {"manuscript", NULL, "unpublished"},
    {"pamphlet", NULL, "booklet"},
    {"book", NULL, "manual"},
    {"patent", NULL, "patent"},
    {"software", NULL, "software"},
    {"dataset", NULL, "dataset"},
    {"book", NULL, "collection"},
};
#define N_TYPES (sizeof types / sizeof *types)

static bool word_in(const char *list, const char *w)
{
    char t[40];
    if (strlen(w) + 3 > sizeof t) return false;
    snprintf(t, sizeof t, " %s ", w);
    for (char *q = t; *q; q++) *q = (char)tolower((unsigned char)*q);
    return strstr(list, t) != NULL;
}

const lit_rec_field *lit_rec_field_of_bib(const char *bib)
{
    if (!strcasecmp(bib, "school") || !strcasecmp(bib, "institution")) bib = "publisher";
    for (size_t i = 0; i < lit_rec_n_fields; i++)
        if (!strcasecmp(lit_rec_fields[i].bib, bib)) return &lit_rec_fields[i];
    return NULL;
}

const char *lit_rec_bib_name(const lit_rec_field *f, const char *bibtype)
{
    if (strcmp(f->bib, "publisher") || !bibtype) return f->bib;
    if (strstr(bibtype, "thesis")) return "school";
    if (!strcasecmp(bibtype, "techreport") || !strcasecmp(bibtype, "report")) return "institution";
    return f->bib;
}

bool lit_rec_allowed(const lit_rec_field *f, const char *bibtype)
{
    return !f->types || (bibtype && word_in(f->types, bibtype));
}

static bool has_ci(const char *s, const char *w)
{
    for (size_t n = strlen(w); *s; s++) if (!strncasecmp(s, w, n)) return true;
    return false;
}

bool lit_rec_writes(const char *name, const char *bibtype)
{
    const lit_rec_field *f = lit_rec_field_of_bib(name);
    if (!f) return true;
    if (!lit_rec_allowed(f, bibtype)) return false;
    if (strcmp(f->bib, "publisher")) return true;
    bool own = strcmp(lit_rec_bib_name(f, bibtype), "publisher") != 0;   /* school, institution */
    return own ? strcasecmp(name, "publisher") != 0 : strcasecmp(name, "publisher") == 0;
}

/* A thesis is a PhD's unless its genre says master's. */
static const char *thesis_kind(const char *bib, const char *genre)
{
    if (bib && !strcmp(bib, "phdthesis") && genre && (has_ci(genre, "master") || has_ci(genre, "msc") ||
                                                     has_ci(genre, "m.sc")))
        return "mastersthesis";
    return bib;
}

const char *lit_rec_type_of_csl(const char *csl, const char *genre)
{
    for (size_t i = 0; csl && i < N_TYPES; i++)
        if (!strcmp(types[i].csl, csl)) return thesis_kind(types[i].bib, genre);
    return NULL;
}

const char *lit_rec_type_of_ris(const char *ty, const char *genre)
{
    for (size_t i = 0; ty && i < N_TYPES; i++)
        if (types[i].ris && !strcasecmp(types[i].ris, ty)) return thesis_kind(types[i].bib, genre);
    return NULL;
}

const char *lit_rec_csl_of_type(const char *bibtype)
{
    for (size_t i = 0; bibtype && i < N_TYPES; i++)
        if (!strcasecmp(types[i].bib, bibtype)) return types[i].csl;
    return NULL;
}

const char *lit_rec_container_field(const char *bibtype)
{
    if (!bibtype) return NULL;
    if (!strcasecmp(bibtype, "article")) return "journal";
    if (word_in(" inproceedings conference incollection inbook ", bibtype)) return "booktitle";
    if (!strcasecmp(bibtype, "misc")) return "howpublished";
    return NULL;
}

bool lit_rec_type_fits(const char *t, lit_venue_kind k, uint32_t n_sources)
{
    static const char *const conf[] = {"inproceedings", "conference", NULL};
    static const char *const journal[] = {"article", NULL};
    static const char *const preprint[] = {"article", "misc", "unpublished", "online", "techreport", "report", NULL};
    static const char *const movable[] = {"inproceedings", "conference", "article", "misc", "unpublished", "online",
                                          "techreport", "report", NULL};
    const char *const *ok = k == LIT_VENUE_CONFERENCE || k == LIT_VENUE_WORKSHOP ? conf
                          : k == LIT_VENUE_JOURNAL ? journal : k == LIT_VENUE_PREPRINT ? preprint : NULL;
    bool moves = false;
    for (int i = 0; movable[i]; i++) moves |= strcmp(t, movable[i]) == 0;
    if (!ok || !moves || n_sources <= 1) return true;
    for (int i = 0; ok[i]; i++) if (strcmp(t, ok[i]) == 0) return true;
    return false;
}

const char *lit_rec_tex(lit_arena *a, const char *s, bool pages)
{
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool en = pages && !strncmp(s + i, "\xE2\x80\x93", 3);   /* an en dash */
        if (en || (pages && c == '-' && (i == 0 || s[i - 1] != '-') && s[i + 1] != '-')) {
            lit_buf_adds(&b, "--");
            i += en ? 2 : 0;
        } else if (strchr("&%$#_{}", c)) { lit_buf_addc(&b, '\\'); lit_buf_addc(&b, c); }
        else if (c == '~') lit_buf_adds(&b, "\\textasciitilde{}");
        else if (c == '^') lit_buf_adds(&b, "\\textasciicircum{}");
        else if (c == '\\') lit_buf_adds(&b, "\\textbackslash{}");
        else lit_buf_addc(&b, c);
    }
    const char *r = lit_arena_strdup(a, b.data);
    lit_buf_free(&b);
    return r;
}

bool lit_rec_issn(const char *s, char out[10])
{
    for (const char *p = s; p && *p; p++) {
        char d[8];
        size_t k = 0;
        const char *q = p;
        while (k < 8 && *q) {
            if (isdigit((unsigned char)*q) || (k == 7 && (*q == 'X' || *q == 'x'))) d[k++] = (char)toupper((unsigned char)*q);
            else if (!(*q == '-' && k == 4)) break;
            q++;
        }
        if (k != 8 || isalnum((unsigned char)*q) || (p != s && isalnum((unsigned char)p[-1]))) continue;
        int sum = 0;
        for (int i = 0; i < 7; i++) sum += (d[i] - '0') * (8 - i);
        int c = (11 - sum % 11) % 11;
        if ((c == 10 ? 'X' : '0' + c) != d[7]) continue;
        snprintf(out, 10, "%.4s-%.4s", d, d + 4);
        return true;
    }
    return false;
}

bool lit_rec_isbn(const char *s, char out[18])
{
    for (const char *p = s; p && *p; p++) {
        if (!isdigit((unsigned char)*p) || (p != s && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))) continue;
        char d[13];
        size_t k = 0, len = 0;
        const char *q = p;
        while (*q && k < 13 && len < 17) {
            if (isdigit((unsigned char)*q) || (k == 9 && (*q == 'X' || *q == 'x'))) d[k++] = (char)toupper((unsigned char)*q);
            else if (*q != '-' && *q != ' ') break;
            q++;
            len++;
        }
        while (len && (q[-1] == '-' || q[-1] == ' ')) { q--; len--; }
        if (k == 10 && !isalnum((unsigned char)*q)) {
            int sum = 0;
            for (int i = 0; i < 10; i++) sum += (d[i] == 'X' ? 10 : d[i] - '0') * (10 - i);
            if (sum % 11) continue;
        } else if (k == 13 && !isalnum((unsigned char)*q) && d[12] != 'X') {
            int sum = 0;
            for (int i = 0; i < 13; i++) sum += (d[i] - '0') * (i % 2 ? 3 : 1);
            if (sum % 10) continue;
        } else continue;
        size_t o = 0;
        for (const char *r = p; r < q && o < 17; r++) if (*r != ' ') out[o++] = *r;
        out[o] = 0;
        return true;
    }
    return false;
}

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

const char *lit_rec_month_name(int m) { return m >= 1 && m <= 12 ? month_names[m - 1] : NULL; }

int lit_rec_month(const char *v)
{
    if (!v) return 0;
    if (isdigit((unsigned char)*v)) { int n = atoi(v); return n >= 1 && n <= 12 ? n : 0; }
    for (int i = 0; i < 12; i++) if (!strncasecmp(v, month_names[i], 3)) return i + 1;
    return 0;
}
