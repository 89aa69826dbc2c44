/* import_ris.c - RIS (Zotero, Mendeley, EndNote, publishers' "export citation") into
 * catalog papers. A file is lines "TY  - JOUR" ... "ER  - "; lines without a tag
 * continue the value above (wrapped abstracts). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "buf.h"
#include "import_ref.h"

/* The tags read, in the order their values are tried; others are skipped. */
static const char *const TITLE[] = {"TI", "T1", "CT", "BT", NULL};
static const char *const VENUE[] = {"J2", "JA", "T2", "C3", "JO", "JF", "BT", "T3", NULL};
static const char *const YEAR[] = {"PY", "Y1", "DA", NULL};
static const char *const URL[] = {"UR", "L2", "LK", "L1", NULL};
static const char *const AUTHOR[] = {"AU", "A1", NULL};
static const char *const CONTAINER[] = {"T2", "JF", "JO", "C3", "BT", NULL};

typedef struct field { char tag[3]; lit_buf val; long line; } field;

typedef struct ris {
    const char *path;
    lit_diag *d;
    const lit_import_opts *o;
    field *f;
    size_t n, cap;
    long ty_line;          /* where the open entry starts; 0 = none open */
    char ty[12];           /* its type (TY) */
    bool bad;              /* the open entry has an invalid line */
    int rc;
} ris;

static bool in(const char *tag, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(tag, *set)) return true;
    return false;
}

static const char *first(const ris *r, const char *const *set)
{
    for (; *set; set++)
        for (size_t i = 0; i < r->n; i++)
            if (!strcmp(r->f[i].tag, *set) && r->f[i].val.len) return r->f[i].val.data;
    return NULL;
}

/* A problem with the open entry: a warning saying what happens then ("left out"; NULL:
 * the entry is skipped, and counted), or with --strict the error that ends the import.
 * Of each kind (what, a literal) the first few are printed and the rest counted: a file
 * of a million broken entries is not two million lines on the terminal. */
static void problem(ris *r, long line, long col, const char *what, const char *then)
{
    if (r->o && r->o->strict) {
        if (!r->rc) r->rc = lit_error(r->d, r->path, line, col, "%s", what);
    } else {
        if (!then) lit_skip_many(r->d, what, r->path, line, col, what);
        else lit_warn_many(r->d, what, r->path, line, col, "%s (%s)", what, then);
    }
}

/* "Last, First" and "Last,First" -> "First Last" (a suffix stays after a comma). */
static char *author(const char *s)
{
    const char *c = strchr(s, ',');
    lit_buf b = LIT_BUF_INIT;
    if (!c) lit_buf_adds(&b, s);
    else {
        const char *given = c + 1, *c2 = strchr(given, ',');
        while (*given == ' ') given++;
        size_t gl = c2 ? (size_t)(c2 - given) : strlen(given);
        while (gl && given[gl - 1] == ' ') gl--;
        if (gl) { lit_buf_add(&b, given, gl); lit_buf_addc(&b, ' '); }
        lit_buf_add(&b, s, (size_t)(c - s));
        const char *sfx = c2 ? c2 + 1 : "";
        while (*sfx == ' ') sfx++;
        if (*sfx) lit_buf_printf(&b, ", %s", sfx);
    }
    char *res = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return res;
}

/* Is s an ISSN ("1234-567X") rather than an ISBN? */
static bool issn_shape(const char *s)
{
    size_t d = 0;
    for (; *s && *s != ',' && *s != ';'; s++) d += isdigit((unsigned char)*s) || *s == 'X' || *s == 'x';
    return d == 8;
}

/* The type and the record fields of the open entry (lit_rec_fields: VL, IS, SP-EP, SN,
 * PB, LA, AB/N2, A2/ED) into ref, their texts in fb[] (freed by the caller); a tag given
 * twice (two SN) is joined with ", ", names one a line. */
static void record(const ris *r, lit_ref *ref, lit_buf *fb)
{
    ref->type = lit_rec_type_of_ris(r->ty, first(r, (const char *const[]){"M3", NULL}));
    ref->container = NULL;
    for (const char *const *t = CONTAINER; *t && !ref->container; t++)
        for (size_t i = 0; i < r->n && !ref->container; i++)
            if (!strcmp(r->f[i].tag, *t) && r->f[i].val.len && strcmp(r->f[i].val.data, ref->title)) ref->container = r->f[i].val.data;
    bool book = ref->type && (!strcmp(ref->type, "book") || !strcmp(ref->type, "incollection"));
    for (size_t k = 0; k < lit_rec_n_fields; k++) {
        const lit_rec_field *f = &lit_rec_fields[k];
        fb[k] = (lit_buf)LIT_BUF_INIT;
        for (size_t i = 0; i < r->n; i++) {
            const char *t = r->f[i].tag, *v = r->f[i].val.data;
            if (!r->f[i].val.len || (strcmp(t, f->ris) && (!f->ris2 || strcmp(t, f->ris2)))) continue;
            if (!strcmp(t, "SN") && (issn_shape(v) && !book) != !strcmp(f->bib, "issn")) continue;
            if (f->names) {
                char *name = author(v);
                lit_buf_printf(&fb[k], "%s%s", fb[k].len ? "\n" : "", name);
                free(name);
            } else if (!strcmp(t, "SP")) {
                const char *ep = first(r, (const char *const[]){"EP", NULL});
                lit_buf_printf(&fb[k], "%s%s%s%s", fb[k].len ? ", " : "", v, ep && strcmp(ep, v) ? "-" : "",
                               ep && strcmp(ep, v) ? ep : "");
            } else if (!fb[k].len || strcmp(f->bib, "abstract")) {   /* one abstract: AB, else N2 */
                lit_buf_printf(&fb[k], "%s%s", fb[k].len ? ", " : "", v);
            }
        }
        ref->fields[k] = fb[k].len ? fb[k].data : NULL;
    }
}

/* Makes the paper of the open entry and closes it. */
static void close_entry(ris *r, lit_ref_ctx *rx)
{
    if (!r->ty_line) return;
    lit_ref ref;
    memset(&ref, 0, sizeof ref);
    ref.title = first(r, TITLE);
    if (r->bad) {
        /* already reported at the line */
    } else if (!ref.title) {
        problem(r, r->ty_line, 1, "entry has no title (TI or T1)", NULL);
    } else {
        const char *id = NULL;
        char **names = lit_xcalloc(r->n + 1, sizeof *names);
        ref.authors = (const char **)names;
        for (size_t i = 0; i < r->n; i++) {
            const char *t = r->f[i].tag, *v = r->f[i].val.data;
            if (!r->f[i].val.len) continue;
            if (in(t, AUTHOR) && ref.n_authors < LIT_REF_MAX_AUTHORS) names[ref.n_authors++] = author(v);
            else if (!strcmp(t, "ID") && !id) id = v;
            else if (!strcmp(t, "ST") && !ref.short_title) ref.short_title = v;
            else if ((!strcmp(t, "DO") || (!strcmp(t, "M3") && !strncmp(v, "10.", 3))) && !ref.doi) ref.doi = v;
            else if (!strcmp(t, "PB") && lit_bib_is_arxiv_name(v)) ref.preprint = true;
            else if ((!strcmp(t, "AN") || !strcmp(t, "M1") || !strcmp(t, "VL")) && ref.n_ids < 4) ref.ids[ref.n_ids++] = v;
        }
        for (const char *const *t = VENUE; *t && ref.n_venues < LIT_REF_MAX_VENUES; t++)
            for (size_t i = 0; i < r->n && ref.n_venues < LIT_REF_MAX_VENUES; i++)
                if (!strcmp(r->f[i].tag, *t) && r->f[i].val.len && r->f[i].val.data != ref.title)
                    ref.venues[ref.n_venues++] = r->f[i].val.data;
        ref.key = id;
        ref.url = first(r, URL);
        for (const char *const *t = YEAR; *t && !ref.year; t++)
            for (size_t i = 0; i < r->n && !ref.year; i++)
                if (!strcmp(r->f[i].tag, *t) && r->f[i].val.len) {
                    int y = lit_ref_year(r->f[i].val.data);
                    if (y >= 1800 && y <= 2100) {
                        ref.year = y;
                        ref.month = lit_ref_month(r->f[i].val.data);
                    } else if (y) {
                        problem(r, r->f[i].line, 7, "year outside 1800-2100", "left out");
                    }
                }
        for (size_t i = 0; i < r->n && ref.year && !ref.month; i++)
            if (!strcmp(r->f[i].tag, "DA") && lit_ref_year(r->f[i].val.data) == ref.year)
                ref.month = lit_ref_month(r->f[i].val.data);
        lit_buf fb[LIT_REC_MAX_FIELDS];
        record(r, &ref, fb);
        lit_buf kw = LIT_BUF_INIT;
        for (size_t i = 0; i < r->n; i++)
            if (!strcmp(r->f[i].tag, "KW") && r->f[i].val.len) lit_buf_printf(&kw, "%s\n", r->f[i].val.data);
        ref.keywords = kw.data;
        if (!r->rc) lit_ref_add(rx, &ref, r->ty_line);
        lit_buf_free(&kw);
        for (size_t k = 0; k < lit_rec_n_fields; k++) lit_buf_free(&fb[k]);
        for (size_t i = 0; i < ref.n_authors; i++) free(names[i]);
        free(names);
    }
    for (size_t i = 0; i < r->n; i++) lit_buf_free(&r->f[i].val);
    r->n = 0;
    r->ty_line = 0;
    r->bad = false;
}

/* "XX  - value": a tag is an upper-case letter and a letter or digit. */
static bool tag_line(const char *s, size_t n)
{
    return n >= 5 && isupper((unsigned char)s[0]) && (isupper((unsigned char)s[1]) || isdigit((unsigned char)s[1])) &&
           s[2] == ' ' && s[3] == ' ' && s[4] == '-' && (n == 5 || s[5] == ' ');
}

/* Column (in characters) of the first invalid UTF-8 or control byte, or 0. */
static long invalid_at(const char *s, size_t n)
{
    long col = 1;
    for (size_t i = 0; i < n; col++) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || (cp < 0x20 && cp != '\t') || cp == 0x7F) return col;
        i += (size_t)k;
    }
    return 0;
}

int lit_import_ris(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d)
{
    ris r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.d = d;
    r.o = o;
    lit_ref_ctx rx = {cat, o, lit_list_name(path), path, d};
    size_t before = cat->n_papers, i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    long line = 0;
    bool outside_told = false;
    while (i < len && !r.rc) {
        const char *s = data + i, *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + (nl != NULL);
        line++;
        if (n && s[n - 1] == '\r') n--;
        long bad = invalid_at(s, n);
        if (bad) {
            problem(&r, line, bad + (line == 1 && data[0] == '\xEF' ? 1 : 0), "invalid UTF-8 or a control character",
                    r.ty_line ? NULL : "line skipped");
            if (r.ty_line) r.bad = true;
            continue;
        }
        if (!tag_line(s, n)) {
            bool blank = true;
            for (size_t k = 0; k < n; k++) blank &= s[k] == ' ' || s[k] == '\t';
            if (blank) continue;
            if (r.ty_line && r.n) {   /* a wrapped value: the two pieces joined by one space */
                lit_buf *v = &r.f[r.n - 1].val;
                size_t a = 0, z = n;
                while (a < z && (s[a] == ' ' || s[a] == '\t')) a++;
                while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t')) z--;
                while (v->len && (v->data[v->len - 1] == ' ' || v->data[v->len - 1] == '\t')) v->data[--v->len] = 0;
                if (v->len) lit_buf_addc(v, ' ');
                lit_buf_add(v, s + a, z - a);
            } else if (!outside_told) {
                problem(&r, line, 1, "text outside an entry (entries start with 'TY  - ')", "skipped");
                outside_told = true;
            }
            continue;
        }
        char tag[3] = {s[0], s[1], 0};
        const char *v = s + 5 + (n > 5);
        size_t vn = n - (size_t)(v - s);
        while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t')) vn--;
        if (!strcmp(tag, "TY")) {
            if (r.ty_line) {
                problem(&r, r.ty_line, 1, "entry is not closed by 'ER  - ' before the next 'TY'", "read up to there");
                close_entry(&r, &rx);
            }
            r.ty_line = line;
            snprintf(r.ty, sizeof r.ty, "%.*s", (int)vn, v);
            outside_told = false;
            continue;
        }
        if (!r.ty_line) {
            if (!outside_told) problem(&r, line, 1, "tag outside an entry (entries start with 'TY  - ')", "skipped");
            outside_told = true;
            continue;
        }
        if (!strcmp(tag, "ER")) {
            close_entry(&r, &rx);
            continue;
        }
        LIT_GROW(r.f, r.cap, r.n + 1);
        field *f = &r.f[r.n++];
        memcpy(f->tag, tag, 3);
        f->val = (lit_buf)LIT_BUF_INIT;
        lit_buf_add(&f->val, v, vn);
        f->line = line;
    }
    if (r.ty_line && !r.rc) {
        problem(&r, r.ty_line, 1, "entry is not closed by 'ER  - ' at the end of the file", "read up to there");
        close_entry(&r, &rx);
    }
    for (size_t k = 0; k < r.n; k++) lit_buf_free(&r.f[k].val);
    free(r.f);
    if (!r.rc && cat->n_papers == before) r.rc = lit_error(d, path, 1, 1, "no papers found in '%s'", rx.list);
    if (r.rc) cat->n_papers = before;
    return r.rc;
}
