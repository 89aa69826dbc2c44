/* import_bib.c - BibTeX (.bib) importer: parser with located errors, @string, crossref; entries to papers (field text in bib_text.c). */
/*
 * Why not libbtparse: it was evaluated first (Debian libbtparse-dev 0.89). On a value with a
 * NUL byte it fails an assert() and aborts the process; its errors carry a line but no
 * column and are printed to stderr by the library itself (no handler in the public API);
 * the macro table and the lexer are global state; it leaks the values of undefined macros;
 * and after an unbalanced brace it silently swallows the next entry. So this file has its
 * own small recursive-descent parser over the bytes in memory: every error has its
 * FILE:LINE:COL, the time is linear in the input (brace scanning is iterative, macros are
 * expanded once when defined, as in BibTeX, within a byte budget), and nothing is global.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "buf.h"
#include "bib_text.h"
#include "import.h"

#define MAX_VALUE ((size_t)1 << 20)   /* one field value after macro expansion */

typedef struct bfield {
    const char *name;      /* lower case */
    const char *val;       /* raw LaTeX after macro expansion and concatenation */
    size_t len;
    long line, col;        /* where the value starts, for messages */
    bool inherited;        /* from the crossref target */
} bfield;

typedef struct bentry {
    const char *type, *key;   /* type lower case; key as written */
    const char *path, *list;  /* its file (the files of one import share the entries) */
    long line, col;           /* the '@' */
    bfield *f;
    size_t nf, capf;
    bool skip;                /* a duplicate key: dropped */
    bool targeted;            /* another entry crossrefs it */
    bool indexed;             /* many fields: names hashed in idx (index = field index) */
    lit_strtab idx;
} bentry;

/* Fields in an entry before lookups go through a hash: an entry with 100,000 fields
 * (or a crossref to one) must not take n^2 comparisons. */
#define INDEX_FROM 16

/* What the .bib files of one import share, as bibtex's \bibliography{a,b,c} does: the
 * macros (in file order) and the entries, whose crossrefs are resolved once all are read. */
struct lit_bib {
    lit_arena tmp;            /* entries, fields, macro values */
    lit_strtab macros;        /* lower-case macro names */
    const char **mval;        /* values by macro index */
    size_t *mlen, mcap;
    bentry *e;
    size_t ne, cape;
    size_t n_bad;             /* entries skipped so far */
};

typedef struct parser {
    const char *path, *list;  /* list: file name without folder */
    const unsigned char *s;
    size_t n, i;
    lit_diag *d;
    bool strict, lenient;     /* lit_import_opts: all or nothing; also invalid bytes skipped */
    /* position cache: offsets are asked for mostly in increasing order */
    size_t pc_off;
    long pc_line, pc_col;
    lit_bib *b;
    const char *defining;     /* macro being defined, for the self-reference message */
    size_t budget;            /* bytes macro expansion may still produce */
    char msg[600];            /* the pending error */
    size_t msg_off;
} parser;

/* ---- positions and messages ---- */

static void pos_at(parser *p, size_t off, long *line, long *col)
{
    if (off > p->n) off = p->n;
    if (off < p->pc_off) {   /* back (an error at the entry's start): lines back, then its column */
        for (size_t i = off; i < p->pc_off; i++) p->pc_line -= p->s[i] == '\n';
        size_t ls = off;
        while (ls > 0 && p->s[ls - 1] != '\n') ls--;
        p->pc_off = ls;
        p->pc_col = 1;
    }
    for (size_t i = p->pc_off; i < off; i++) {
        unsigned char c = p->s[i];
        if (c == '\n') { p->pc_line++; p->pc_col = 1; }
        else if ((c & 0xC0) != 0x80) p->pc_col++;   /* columns count characters */
    }
    p->pc_off = off;
    *line = p->pc_line;
    *col = p->pc_col;
}

/* Records the error (the caller decides between error and warning); returns -1. */
static int perr(parser *p, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int perr(parser *p, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    p->msg_off = off;
    return -1;
}

static void report(parser *p, bool warn)
{
    long line, col;
    pos_at(p, p->msg_off, &line, &col);
    if (warn) lit_skip(p->d, p->path, line, col, "%s", p->msg);
    else lit_error(p->d, p->path, line, col, "%s", p->msg);
}

static void warn_at(parser *p, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn_at(parser *p, size_t off, const char *fmt, ...)
{
    long line, col;
    pos_at(p, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    lit_vwarn(p->d, p->path, line, col, fmt, ap);
    va_end(ap);
}

/* A short printable form of the text at off for messages: "end of file", 'x', ... */
static const char *what_at(parser *p, size_t off, char buf[32])
{
    if (off >= p->n) return "end of file";
    unsigned char c = p->s[off];
    if (c == '\n') return "end of line";
    if (c < 0x20 || c == 0x7F) { snprintf(buf, 32, "byte 0x%02X", c); return buf; }
    size_t k = 1;
    if (c >= 0x80) while (off + k < p->n && k < 4 && (p->s[off + k] & 0xC0) == 0x80) k++;
    snprintf(buf, 32, "'%.*s'", (int)k, (const char *)p->s + off);
    return buf;
}

/* Offset of the first NUL or invalid UTF-8 byte in [from, to), or (size_t)-1. */
static size_t bad_byte(const unsigned char *s, size_t from, size_t to, bool *nul)
{
    size_t i = from;
    while (i < to) {
        if (s[i] == 0) { *nul = true; return i; }
        if (s[i] < 0x80) { i++; continue; }
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(to - i), &cp);
        if (k <= 0) { *nul = false; return i; }
        i += (size_t)k;
    }
    return (size_t)-1;
}

/* ---- fields ---- */

static const bfield *field(const bentry *e, const char *name)
{
    if (e->indexed) {
        int32_t ix = lit_strtab_find(&e->idx, name);
        return ix < 0 ? NULL : &e->f[ix];
    }
    for (size_t k = 0; k < e->nf; k++) if (strcmp(e->f[k].name, name) == 0) return &e->f[k];
    return NULL;
}

/* Appends a field whose name the entry does not have yet. */
static void add_field(lit_arena *a, bentry *e, bfield f)
{
    LIT_GROW(e->f, e->capf, e->nf + 1);
    e->f[e->nf++] = f;
    if (!e->indexed && e->nf >= INDEX_FROM) {
        for (size_t k = 0; k < e->nf; k++) lit_strtab_intern(&e->idx, a, e->f[k].name);
        e->indexed = true;
    } else if (e->indexed) {
        lit_strtab_intern(&e->idx, a, f.name);
    }
}

/* ---- lexing ---- */

static bool is_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static void skip_ws(parser *p)
{
    while (p->i < p->n) {
        if (is_ws(p->s[p->i])) p->i++;
        else if (p->s[p->i] == '%') {    /* a comment line between tokens (biber allows it) */
            while (p->i < p->n && p->s[p->i] != '\n') p->i++;
        } else break;
    }
}

/* BibTeX name characters: anything printable but these. */
static bool is_name_char(int c)
{
    return c > 0x20 && c != 0x7F && !strchr("\"#%'(),={}@\\", c);
}

static size_t read_name(parser *p)
{
    size_t st = p->i;
    while (p->i < p->n && is_name_char(p->s[p->i])) p->i++;
    return p->i - st;
}

/* Does "name =" follow at p->i? Then a missing comma before it is recovered from. */
static bool field_follows(parser *p)
{
    size_t k = p->i;
    while (k < p->n && is_name_char(p->s[k])) k++;
    if (k == p->i) return false;
    while (k < p->n && is_ws(p->s[k])) k++;
    return k < p->n && p->s[k] == '=';
}

static char *lower_dup(lit_arena *a, const unsigned char *s, size_t n)
{
    char *r = lit_arena_strndup(a, (const char *)s, n);
    for (char *q = r; *q; q++) *q = (char)tolower((unsigned char)*q);
    return r;
}

/* Does a new entry ("@type{" or "@type(") start at off (just after a newline and blanks)?
 * Used to locate unbalanced braces: a value does not run on into the next entry. */
static bool entry_starts(parser *p, size_t off)
{
    while (off < p->n && (p->s[off] == ' ' || p->s[off] == '\t')) off++;
    if (off >= p->n || p->s[off] != '@') return false;
    off++;
    size_t st = off;
    while (off < p->n && isalpha(p->s[off])) off++;
    if (off == st) return false;
    while (off < p->n && (p->s[off] == ' ' || p->s[off] == '\t')) off++;
    return off < p->n && (p->s[off] == '{' || p->s[off] == '(');
}

static int add_bytes(parser *p, lit_buf *b, const void *data, size_t len, size_t off)
{
    if (b->len + len > MAX_VALUE)
        return perr(p, off, "value longer than %zu bytes", MAX_VALUE);
    lit_buf_add(b, data, len);
    return 0;
}

/* {...} starting at p->i; appends the content without the outer braces. */
static int braced(parser *p, lit_buf *b)
{
    size_t open = p->i, st = ++p->i;
    long depth = 1;
    while (p->i < p->n) {
        unsigned char c = p->s[p->i];
        if (c == '{') depth++;
        else if (c == '}' && --depth == 0) {
            int rc = add_bytes(p, b, p->s + st, p->i - st, st);
            p->i++;
            return rc;
        } else if (c == '\n' && entry_starts(p, p->i + 1)) {
            long l, cl;
            pos_at(p, p->i + 1, &l, &cl);
            return perr(p, open, "unbalanced braces: '{' is not closed before the next entry at line %ld", l);
        }
        p->i++;
    }
    return perr(p, open, "unbalanced braces: '{' is never closed");
}

/* "..." starting at p->i: ends at a '"' outside braces. */
static int quoted(parser *p, lit_buf *b)
{
    size_t open = p->i, st = ++p->i, lastopen = 0;
    long depth = 0;
    while (p->i < p->n) {
        unsigned char c = p->s[p->i];
        if (c == '{') { if (depth++ == 0) lastopen = p->i; }
        else if (c == '}') {
            if (depth == 0) return perr(p, p->i, "unbalanced braces: '}' without '{' in a quoted value");
            depth--;
        } else if (c == '"' && depth == 0) {
            int rc = add_bytes(p, b, p->s + st, p->i - st, st);
            p->i++;
            return rc;
        } else if (c == '\n' && entry_starts(p, p->i + 1)) {
            if (depth > 0) return perr(p, lastopen, "unbalanced braces: '{' is not closed before the next entry");
            return perr(p, open, "unterminated string: '\"' is not closed before the next entry");
        }
        p->i++;
    }
    if (depth > 0) return perr(p, lastopen, "unbalanced braces: '{' is never closed");
    return perr(p, open, "unterminated string: '\"' is never closed");
}

static void define_macro(lit_bib *p, const char *name, const char *val, size_t len)
{
    int32_t ix = lit_strtab_intern(&p->macros, &p->tmp, name);
    if ((size_t)ix >= p->mcap) {
        size_t cap = p->macros.cap > (size_t)ix ? p->macros.cap : (size_t)ix + 1;
        p->mval = lit_xrealloc(p->mval, cap * sizeof *p->mval);
        p->mlen = lit_xrealloc(p->mlen, cap * sizeof *p->mlen);
        p->mcap = cap;
    }
    p->mval[ix] = val;
    p->mlen[ix] = len;
}

/* value = part ('#' part)*; part = {..} | ".." | number | macro. what names the field. */
static int value(parser *p, lit_buf *b, const char *what)
{
    char wb[32];
    for (;;) {
        skip_ws(p);
        if (p->i >= p->n) return perr(p, p->i, "expected a value for '%s', found end of file", what);
        unsigned char c = p->s[p->i];
        int rc = 0;
        if (c == '{') rc = braced(p, b);
        else if (c == '"') rc = quoted(p, b);
        else if (isdigit(c)) {
            size_t st = p->i;
            while (p->i < p->n && isdigit(p->s[p->i])) p->i++;
            rc = add_bytes(p, b, p->s + st, p->i - st, st);
        } else if (is_name_char(c)) {
            size_t st = p->i, k = read_name(p);
            char *name = lower_dup(&p->b->tmp, p->s + st, k);
            int32_t ix = lit_strtab_find(&p->b->macros, name);
            if (ix < 0) {
                if (p->defining && strcmp(p->defining, name) == 0)
                    return perr(p, st, "circular macro: '%.*s' refers to itself", (int)k, (const char *)p->s + st);
                if (p->strict) return perr(p, st, "undefined macro '%.*s'", (int)k, (const char *)p->s + st);
                /* as bibtex: a warning, and (as the issue asks) the name stands for itself;
                 * defined so, it is reported once */
                warn_at(p, st, "undefined macro '%.*s' (its name is kept as the text)", (int)k, (const char *)p->s + st);
                define_macro(p->b, name, lit_arena_strndup(&p->b->tmp, (const char *)p->s + st, k), k);
                ix = lit_strtab_find(&p->b->macros, name);
            }
            if (p->b->mlen[ix] > p->budget)
                return perr(p, st, "macro expansion too large (more than the input allows)");
            p->budget -= p->b->mlen[ix];
            rc = add_bytes(p, b, p->b->mval[ix], p->b->mlen[ix], st);
        } else {
            return perr(p, p->i, "expected a value for '%s', found %s", what, what_at(p, p->i, wb));
        }
        if (rc) return rc;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == '#') { p->i++; continue; }
        return 0;
    }
}

/* Skips a balanced group for @comment. */
static int skip_group(parser *p)
{
    size_t open = p->i;
    unsigned char o = p->s[p->i], c = o == '{' ? '}' : ')';
    long depth = 0;
    for (; p->i < p->n; p->i++) {
        if (p->s[p->i] == o) depth++;
        else if (p->s[p->i] == c && --depth == 0) { p->i++; return 0; }
    }
    return perr(p, open, "unbalanced braces: '%c' of @comment is never closed", o);
}

static bool known_type(const char *t)
{
    static const char *const types[] = {
        "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
        "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport",
        "unpublished", "online", "report", "thesis", "string", "preamble", "comment",
        "collection", "mvproceedings", "mvbook", "periodical", "patent", "software", "dataset",
        "electronic", "www", NULL};
    for (int k = 0; types[k]; k++) if (strcmp(t, types[k]) == 0) return true;
    return false;
}

/* Key characters: everything that ends neither the key nor the entry; the ones that
 * would break \cite{} or the .bib we write are refused. */
static bool key_char(int c, int close)
{
    return c > 0x20 && c != 0x7F && c != ',' && c != close && c != '{' && c != '}' && c != '=';
}

/* One entry at p->s[p->i] == '@'. Returns 1 when it added an entry, 0 for @string and
 * the like (or text that is not an entry), -1 on error. */
static int entry(parser *p)
{
    char wb[32];
    size_t at = p->i++;
    skip_ws(p);
    size_t ts = p->i, tk = read_name(p);
    if (tk == 0) return 0;    /* a stray '@' in the text between entries, as BibTeX ignores it */
    char *type = lower_dup(&p->b->tmp, p->s + ts, tk);
    skip_ws(p);
    if (strcmp(type, "comment") == 0) {
        if (p->i < p->n && (p->s[p->i] == '{' || p->s[p->i] == '(')) return skip_group(p) < 0 ? -1 : 0;
        return 0;
    }
    if (p->i >= p->n || (p->s[p->i] != '{' && p->s[p->i] != '(')) {
        if (!known_type(type)) { p->i = ts; return 0; }   /* "@ foo" in prose */
        return perr(p, p->i, "expected '{' or '(' after '@%s', found %s", type, what_at(p, p->i, wb));
    }
    unsigned char close = p->s[p->i] == '{' ? '}' : ')';
    p->i++;
    lit_buf b = LIT_BUF_INIT;
    int rc = 0;
    if (strcmp(type, "preamble") == 0) {
        rc = value(p, &b, "@preamble");
        skip_ws(p);
        if (rc == 0 && (p->i >= p->n || p->s[p->i] != close))
            rc = perr(p, p->i, "expected '%c' to end @preamble, found %s", close, what_at(p, p->i, wb));
        p->i++;
        lit_buf_free(&b);
        return rc < 0 ? -1 : 0;
    }
    if (strcmp(type, "string") == 0) {
        for (;;) {
            skip_ws(p);
            if (p->i < p->n && p->s[p->i] == close) { p->i++; break; }
            size_t ns = p->i, nk = read_name(p);
            if (nk == 0) { rc = perr(p, p->i, "expected a macro name in @string, found %s", what_at(p, p->i, wb)); break; }
            if (isdigit(p->s[ns])) { rc = perr(p, ns, "macro name '%.*s' starts with a digit", (int)nk, (const char *)p->s + ns); break; }
            char *name = lower_dup(&p->b->tmp, p->s + ns, nk);
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != '=') {
                rc = perr(p, p->i, "expected '=' after macro name '%s', found %s", name, what_at(p, p->i, wb));
                break;
            }
            p->i++;
            lit_buf_reset(&b);
            p->defining = name;
            rc = value(p, &b, name);
            p->defining = NULL;
            if (rc) break;
            define_macro(p->b, name, lit_arena_strndup(&p->b->tmp, lit_buf_str(&b), b.len), b.len);
            skip_ws(p);
            if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
            if (p->i < p->n && p->s[p->i] == close) { p->i++; break; }
            rc = perr(p, p->i, "expected ',' or '%c' after the value of '%s', found %s", close, name, what_at(p, p->i, wb));
            break;
        }
        lit_buf_free(&b);
        return rc < 0 ? -1 : 0;
    }

    /* a regular entry: key, then fields */
    skip_ws(p);
    size_t ks = p->i;
    while (p->i < p->n && key_char(p->s[p->i], close)) p->i++;
    size_t kn = p->i - ks;
    skip_ws(p);
    if (kn == 0 || (p->i < p->n && p->s[p->i] == '='))
        return perr(p, kn ? ks : p->i, "entry without a key: '@%s' needs a citation key before its fields", type);
    for (size_t k = ks; k < ks + kn; k++)   /* what \cite{} and the catalog cannot take (UTF-8 letters: biber can) */
        if (p->s[k] == 0x7F || strchr("\"#%'\\~", p->s[k]))
            return perr(p, k, "character %s in key '%.*s' cannot be cited", what_at(p, k, wb), (int)kn, (const char *)p->s + ks);
    lit_bib *bb = p->b;
    LIT_GROW(bb->e, bb->cape, bb->ne + 1);
    bentry *e = &bb->e[bb->ne];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->key = lit_arena_strndup(&bb->tmp, (const char *)p->s + ks, kn);
    e->path = p->path;
    e->list = p->list;
    pos_at(p, at, &e->line, &e->col);
    if (p->i < p->n && p->s[p->i] == close) { p->i++; bb->ne++; return 1; }
    if (p->i >= p->n) return perr(p, at, "entry '%s' is never closed (missing '%c')", e->key, close);
    if (p->s[p->i] == ',') p->i++;
    else if (!p->strict && field_follows(p)) warn_at(p, p->i, "missing ',' after key '%s'", e->key);
    else return perr(p, p->i, "expected ',' after key '%s', found %s", e->key, what_at(p, p->i, wb));
    for (;;) {
        skip_ws(p);
        if (p->i >= p->n) { rc = perr(p, at, "entry '%s' is never closed (missing '%c')", e->key, close); break; }
        if (p->s[p->i] == close) { p->i++; break; }
        size_t ns = p->i, nk = read_name(p);
        if (nk == 0) {
            if (p->s[p->i] == '@')
                rc = perr(p, p->i, "entry '%s' is not closed before the next entry (missing '%c')", e->key, close);
            else rc = perr(p, p->i, "expected a field name in '%s', found %s", e->key, what_at(p, p->i, wb));
            break;
        }
        char *name = lower_dup(&bb->tmp, p->s + ns, nk);
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i] != '=') {
            rc = perr(p, p->i, "expected '=' after field name '%s', found %s", name, what_at(p, p->i, wb));
            break;
        }
        p->i++;
        skip_ws(p);
        size_t vs = p->i;
        lit_buf_reset(&b);
        if ((rc = value(p, &b, name)) != 0) break;
        if (field(e, name)) {
            long l, c;
            pos_at(p, ns, &l, &c);
            lit_warn(p->d, p->path, l, c, "duplicate field '%s' in '%s' ignored", name, e->key);
        } else {
            bfield f = {name, lit_arena_strndup(&bb->tmp, lit_buf_str(&b), b.len), b.len, 0, 0, false};
            pos_at(p, vs, &f.line, &f.col);
            add_field(&bb->tmp, e, f);
        }
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
        if (p->i < p->n && p->s[p->i] == close) { p->i++; break; }
        if (!p->strict && field_follows(p)) {   /* "title = {x} year = 2020": bibtex reads on */
            warn_at(p, p->i, "missing ',' after the value of '%s'", name);
            continue;
        }
        if (p->i >= p->n)
            rc = perr(p, at, "entry '%s' is never closed (missing '%c')", e->key, close);
        else if (p->s[p->i] == '@')
            rc = perr(p, p->i, "entry '%s' is not closed before the next entry (missing '%c')", e->key, close);
        else
            rc = perr(p, p->i, "expected ',' or '%c' after the value of '%s', found %s", close, name, what_at(p, p->i, wb));
        break;
    }
    lit_buf_free(&b);
    if (rc) { free(e->f); lit_strtab_free(&e->idx); return -1; }
    bb->ne++;
    return 1;
}

/* ---- entries to papers ---- */

/* The raw text of a field with the blanks around it trimmed, or NULL when absent/empty. */
static char *field_text(const bentry *e, const char *name)
{
    const bfield *f = field(e, name);
    if (!f) return NULL;
    char *u = lit_bib_tex_to_utf8(f->val, f->len);
    if (!*u) { free(u); return NULL; }
    return u;
}

/* A verbatim field (url, doi, eprint, as biblatex reads them): white space dropped (a
 * URL broken over lines), braces dropped, the escapes BibTeX users write for \url-less
 * styles undone (\_ \% \# \& \~ \$), non-ASCII bytes percent-encoded. */
static char *field_verbatim(const bentry *e, const char *name)
{
    const bfield *f = field(e, name);
    if (!f) return NULL;
    static const char hex[] = "0123456789ABCDEF";
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    const unsigned char *s = (const unsigned char *)f->val;
    for (size_t i = 0; i < f->len;) {
        unsigned char c = s[i];
        if (c <= ' ' || c == 0x7F || c == '{' || c == '}') { i++; continue; }
        if (c == '\\') {   /* no URL holds a backslash: keep only what it escapes */
            if (i + 1 < f->len && s[i + 1] && strchr("_%#&~$", s[i + 1])) lit_buf_addc(&b, (char)s[++i]);
            i++;
            continue;
        }
        if (c < 0x80) { lit_buf_addc(&b, (char)c); i++; continue; }
        lit_buf_addc(&b, '%');   /* an IRI's non-ASCII bytes, as its URI has them */
        lit_buf_addc(&b, hex[c >> 4]);
        lit_buf_addc(&b, hex[c & 15]);
        i++;
    }
    if (b.len == 0) { lit_buf_free(&b); return NULL; }
    return b.data;
}

static bool own_field(const bentry *e, const char *name)
{
    const bfield *f = field(e, name);
    return f && !f->inherited;
}

static char *own_verbatim(const bentry *e, const char *name)
{
    return own_field(e, name) ? field_verbatim(e, name) : NULL;
}

/* An arXiv identifier in s (1806.03377, cs/0112017, arXiv:1806.03377v2) without version,
 * into out (32 bytes). */
static bool find_arxiv(const char *s, char out[32])
{
    for (const char *p = s; p && *p; p++) {
        if (p != s && (isalnum((unsigned char)p[-1]) || p[-1] == '.')) continue;
        size_t a = 0;
        while (isdigit((unsigned char)p[a])) a++;
        if (a == 4 && p[4] == '.') {
            size_t b = 0;
            while (isdigit((unsigned char)p[5 + b])) b++;
            size_t v = 0;   /* a version suffix: v2 */
            if (p[5 + b] == 'v') while (isdigit((unsigned char)p[6 + b + v])) v++;
            size_t end = v ? 6 + b + v : 5 + b;
            if ((b == 4 || b == 5) && !isalnum((unsigned char)p[end]) && p[end] != '.') {
                snprintf(out, 32, "%.*s", (int)(5 + b), p);
                return true;
            }
        }
        if (isalpha((unsigned char)*p)) {   /* old style: archive(.XX)/YYMMNNN */
            size_t k = 0;
            while (isalpha((unsigned char)p[k]) || p[k] == '-' ) k++;
            if (p[k] == '.' && isalpha((unsigned char)p[k + 1]) && isalpha((unsigned char)p[k + 2])) k += 3;
            size_t d = 0;
            if (p[k] == '/') while (isdigit((unsigned char)p[k + 1 + d])) d++;
            if (p[k] == '/' && d == 7 && k < 20) {
                snprintf(out, 32, "%.*s", (int)(k + 8), p);
                return true;
            }
        }
    }
    return false;
}

/* The year of an arXiv id (YYMM.NNNNN or archive/YYMMNNN). */
static int arxiv_year(const char *id)
{
    const char *p = strchr(id, '/');
    p = p ? p + 1 : id;
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) return 0;
    int yy = (p[0] - '0') * 10 + (p[1] - '0');
    return yy >= 91 ? 1900 + yy : 2000 + yy;
}

static bool ieq_prefix(const char *s, const char *pre)
{
    size_t n = strlen(pre);
    return strncasecmp(s, pre, n) == 0;
}

static bool is_arxiv_name(const char *s)
{
    return s && (ieq_prefix(s, "arxiv") || strcasecmp(s, "corr") == 0 || strstr(s, "arXiv") ||
                 ieq_prefix(s, "corr "));
}

static const char *strip_doi(const char *s)
{
    static const char *const pre[] = {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                      "http://dx.doi.org/", "doi:", NULL};
    for (int k = 0; pre[k]; k++)
        if (ieq_prefix(s, pre[k])) { s += strlen(pre[k]); k = -1; }   /* and again */
    return s;
}

/* Types that are volumes rather than papers: the targets of crossrefs. */
static bool volume_type(const char *t)
{
    return strcmp(t, "proceedings") == 0 || strcmp(t, "mvproceedings") == 0 ||
           strcmp(t, "collection") == 0 || strcmp(t, "mvcollection") == 0 ||
           strcmp(t, "periodical") == 0 || strcmp(t, "xdata") == 0 || strcmp(t, "set") == 0;
}

/* A field's raw value as the catalog keeps it: white space runs made one space, as
 * bibtex reads them, so that every value is one line of YAML. */
static const char *squeeze(lit_arena *a, const char *s, size_t n)
{
    char *r = lit_arena_alloc(a, n + 1), *q = r;
    for (size_t i = 0; i < n; i++) {
        if (!is_ws((unsigned char)s[i])) { *q++ = s[i]; continue; }
        if (q > r && q[-1] != ' ') *q++ = ' ';
    }
    while (q > r && q[-1] == ' ') q--;
    *q = 0;
    return r;
}

/* Everything of the entry the catalog has no field for, so that `litsurvey bib` can
 * write it back: the type as `bibtype`, the other fields verbatim in a `bib` map. */
static void keep_fields(lit_arena *a, lit_paper *pp, const bentry *e, const char *const *owned, int n_owned)
{
    lit_node *items = lit_arena_alloc(a, (2 * e->nf + 1) * sizeof *items);
    size_t n = 0;
    for (size_t k = 0; k < e->nf; k++) {
        bool own = false;
        for (int j = 0; j < n_owned && !own; j++) own = strcmp(e->f[k].name, owned[j]) == 0;
        if (own) continue;
        items[2 * n] = (lit_node){LIT_NODE_SCALAR, lit_arena_strdup(a, e->f[k].name), false, NULL, 0};
        items[2 * n + 1] = (lit_node){LIT_NODE_SCALAR, squeeze(a, e->f[k].val, e->f[k].len), true, NULL, 0};
        n++;
    }
    pp->extras = lit_arena_alloc(a, 2 * sizeof *pp->extras);
    pp->extras[0] = (lit_extra){"bibtype", {LIT_NODE_SCALAR, lit_arena_strdup(a, e->type), false, NULL, 0}};
    pp->n_extras = 1;
    if (n) pp->extras[pp->n_extras++] = (lit_extra){"bib", {LIT_NODE_MAP, NULL, false, items, n}};
}

/* Makes the catalog paper of entry e. Returns -1 with the error recorded. */
static int to_paper(parser *p, lit_catalog *cat, const bentry *e, const lit_import_opts *o)
{
    lit_arena *a = &cat->arena;
    const bfield *tf = field(e, "title");
    char *title = tf ? lit_bib_tex_to_utf8(tf->val, tf->len) : NULL;
    if (!title || !*title) { free(title); return perr(p, 0, "entry '%s' has no title", e->key); }
    /* biblatex's subtitle is the rest of the title ("PipeDream" + "generalized pipeline
     * parallelism for DNN training"), as biblatex prints it: "Title: Subtitle" */
    const bfield *subtitle_f = field(e, "subtitle");
    char *subtitle = field_text(e, "subtitle");
    if (subtitle) {
        char *full = lit_xmalloc(strlen(title) + strlen(subtitle) + 3);
        sprintf(full, "%s: %s", title, subtitle);
        free(title);
        free(subtitle);
        title = full;
    }

    const char *venue_src = NULL;
    char *vtext = NULL;
    static const char *const vfields[] = {"booktitle", "journal", "journaltitle", "howpublished", NULL};
    for (int k = 0; vfields[k] && !vtext; k++)
        if ((vtext = field_text(e, vfields[k])) != NULL) venue_src = vfields[k];
    (void)venue_src;

    char arx[32] = "";
    /* identifiers only from the entry itself: a proceedings' DOI is not its papers' */
    char *eprint = own_verbatim(e, "eprint"), *apfx = field_text(e, "archiveprefix");
    char *etype = field_text(e, "eprinttype"), *url = own_verbatim(e, "url");
    if (eprint && ((apfx && strcasecmp(apfx, "arxiv") == 0) || (etype && strcasecmp(etype, "arxiv") == 0) ||
                   (!apfx && !etype && !strstr(eprint, "://"))))
        find_arxiv(eprint, arx);
    bool eprint_owned = *arx != 0;
    if (!*arx && vtext && is_arxiv_name(vtext)) {
        char *vol = field_text(e, "volume");
        if (!find_arxiv(vtext, arx) && vol) find_arxiv(vol, arx);
        free(vol);
    }
    if (!*arx && url && strstr(url, "arxiv.org/")) find_arxiv(strstr(url, "arxiv.org/"), arx);

    const lit_venues *vs = o ? o->venues : NULL;
    const lit_venue *v = NULL;
    const char *venue = NULL;
    if (vtext && !is_arxiv_name(vtext) && lit_venue_text_ok(vtext)) {
        v = lit_venues_match(vs, vtext);
        venue = v ? v->id : vtext;   /* unknown venues are kept for `check` to report */
    }
    if (!venue && (*arx || (vtext && is_arxiv_name(vtext)))) {
        const lit_venue *ax = vs ? lit_venues_find(vs, "arXiv") : NULL;
        venue = ax ? ax->id : "arXiv";
    }

    int year = 0;
    bool inferred = false;
    const bfield *yf = field(e, "year");
    if (!yf) yf = field(e, "date");
    if (yf) {
        for (size_t k = 0; k + 4 <= yf->len; k++) {
            const char *q = yf->val + k;
            if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
                isdigit((unsigned char)q[3]) && (k == 0 || !isdigit((unsigned char)q[-1])) &&
                (k + 4 == yf->len || !isdigit((unsigned char)q[4]))) {
                year = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
                break;
            }
        }
        char *yt = lit_bib_tex_to_utf8(yf->val, yf->len);
        bool none = !*yt || strcasecmp(yt, "n.d.") == 0 || strcasecmp(yt, "nd") == 0 ||
                    strcasecmp(yt, "n. d.") == 0 || strcasecmp(yt, "in press") == 0 ||
                    strcasecmp(yt, "forthcoming") == 0;   /* "no date": unknown, not wrong */
        free(yt);
        if (!none && (year < 1800 || year > 2100)) {   /* the catalog's range */
            long l = yf->line, c = yf->col;
            if (year) lit_warn(p->d, e->path, l, c, "year %d of '%s' is outside 1800-2100; left out", year, e->key);
            else lit_warn(p->d, e->path, l, c, "year '%.*s' of '%s' is not a year; left out",
                          (int)(yf->len > 40 ? 40 : yf->len), yf->val, e->key);
            year = 0;
        }
    }
    /* the year field is the catalog's year only when it is just that number */
    bool year_owned = year && yf == field(e, "year") && yf->len == 4 && !field(e, "date");
    if (!year && *arx) { year = arxiv_year(arx); inferred = year != 0; }

    char *doi = own_verbatim(e, "doi");
    if (!doi && url && (strstr(url, "doi.org/") != NULL)) doi = lit_xstrdup(strstr(url, "doi.org/") + 8);

    const char **authors = NULL;
    uint32_t n_authors = 0;
    bool etal = false;
    const bfield *af = field(e, "author");
    if (af) lit_bib_split_authors(a, af->val, af->len, &authors, &n_authors, &etal);

    /* a system name: a short shorttitle (what we write), else the single word before
     * the colon ("{PipeDream}: Generalized ...") */
    const char *short_name = NULL;
    char *st = field_text(e, "shorttitle");
    if (st && strlen(st) <= 40 && strcmp(st, title) != 0) {
        int words = 1;
        for (const char *q = st; *q; q++) words += *q == ' ';
        if (words <= 3) short_name = lit_arena_strdup(a, st);
    }
    bool short_owned = short_name != NULL;
    free(st);
    const char *colon = strstr(title, ": ");
    if (!short_name && colon && colon > title && (size_t)(colon - title) <= 40 && !memchr(title, ' ', (size_t)(colon - title))) {
        bool upper = false;
        for (const char *q = title; q < colon; q++) upper |= isupper((unsigned char)*q) != 0;
        if (upper) short_name = lit_arena_strndup(a, title, (size_t)(colon - title));
    }

    int32_t *topics = NULL;
    uint32_t n_topics = 0;
    char *kw = field_text(e, "keywords");
    if (kw && o && o->topics) {
        size_t cnt = 1;
        for (const char *q = kw; *q; q++) cnt += *q == ',' || *q == ';';
        topics = lit_arena_alloc(a, cnt * sizeof *topics);
        for (char *tok = kw, *next; tok; tok = next) {
            next = strpbrk(tok, ",;");
            if (next) *next++ = 0;
            int ix = lit_topics_find(o->topics, tok);
            if (ix < 0) continue;
            int32_t id = lit_catalog_topic_id(cat, o->topics->t[ix].id);
            bool have = false;
            for (uint32_t q = 0; q < n_topics; q++) have |= topics[q] == id;
            if (!have) topics[n_topics++] = id;
        }
    }

    lit_paper *pp = lit_catalog_add(cat);
    pp->key = lit_arena_strdup(a, e->key);
    pp->title = lit_arena_strdup(a, title);
    pp->short_name = short_name;
    pp->authors = authors;
    pp->n_authors = n_authors;
    pp->authors_etal = etal && n_authors;
    pp->topics = topics;
    pp->n_topics = n_topics;
    pp->venue = venue ? lit_catalog_venue_id(cat, venue) : -1;
    pp->year = (int16_t)year;
    pp->year_inferred = inferred;
    pp->doi = doi ? lit_arena_strdup(a, strip_doi(doi)) : NULL;
    pp->arxiv = *arx ? lit_arena_strdup(a, arx) : NULL;
    if (url) {
        pp->links = lit_arena_alloc(a, sizeof *pp->links);
        pp->links[0] = (lit_link){"paper", lit_arena_strdup(a, url)};
        pp->n_links = 1;
    }
    pp->sources = lit_arena_alloc(a, sizeof *pp->sources);
    pp->sources[0] = (lit_source){lit_arena_strdup(a, e->list), e->line, NULL};
    pp->n_sources = 1;
    /* the fields that have a catalog field of their own; crossref is resolved */
    /* a title with braces of its own ("{BERT}: ...") is kept as written too, so that
     * `litsurvey bib` writes the user's protection rather than its own guess */
    bool braced_title = tf && !subtitle_f && memchr(tf->val, '{', tf->len) && !tf->inherited;
    const char *owned[11] = {"title", "subtitle", "author", "crossref"};
    int n_owned = 4;
    if (braced_title) owned[0] = "crossref";
    if (year_owned) owned[n_owned++] = "year";
    if (pp->doi && own_field(e, "doi")) owned[n_owned++] = "doi";
    if (url) owned[n_owned++] = "url";
    if (eprint_owned) owned[n_owned++] = "eprint";
    /* what `litsurvey bib` writes with an arXiv eprint, so that a second export is the first */
    if (eprint_owned && apfx && strcasecmp(apfx, "arxiv") == 0) owned[n_owned++] = "archiveprefix";
    if (short_owned) owned[n_owned++] = "shorttitle";
    keep_fields(a, pp, e, owned, n_owned);
    free(title); free(vtext); free(eprint); free(apfx); free(etype); free(url); free(doi); free(kw);
    return 0;
}

/* Fields an entry takes from its crossref target when it lacks them (one level, as in
 * BibTeX); a volume's title is the paper's booktitle. */
static void inherit(lit_bib *b, bentry *e, const bentry *t)
{
    for (size_t k = 0; k < t->nf; k++) {
        const bfield *f = &t->f[k];
        const char *name = f->name;
        if (strcmp(name, "crossref") == 0 || strcmp(name, "key") == 0) continue;
        if (strcmp(name, "title") == 0) {
            if (!volume_type(t->type) || field(e, "booktitle")) continue;
            name = "booktitle";
        }
        if (field(e, name)) continue;
        add_field(&b->tmp, e, (bfield){lit_arena_strdup(&b->tmp, name), f->val, f->len, f->line, f->col, true});
    }
}

static void free_entry(bentry *e)
{
    free(e->f);
    lit_strtab_free(&e->idx);
}

lit_bib *lit_bib_new(void)
{
    lit_bib *b = lit_xcalloc(1, sizeof *b);
    static const char *const months[] = {"jan", "January", "feb", "February", "mar", "March",
        "apr", "April", "may", "May", "jun", "June", "jul", "July", "aug", "August",
        "sep", "September", "oct", "October", "nov", "November", "dec", "December", NULL};
    for (int k = 0; months[k]; k += 2) define_macro(b, months[k], months[k + 1], strlen(months[k + 1]));
    return b;
}

void lit_bib_free(lit_bib *b)
{
    if (!b) return;
    for (size_t k = 0; k < b->ne; k++) free_entry(&b->e[k]);
    free(b->e);
    free(b->mval);
    free(b->mlen);
    lit_strtab_free(&b->macros);
    lit_arena_free(&b->tmp);
    free(b);
}

/* Reads one file's macros and entries into b. Returns -1 after an error (strict, or
 * invalid bytes unless lenient); the file's entries are then dropped again. */
int lit_bib_read(lit_bib *b, const char *path, const char *data, size_t len, const lit_import_opts *o, lit_diag *d)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.b = b;
    /* the entries keep the names for their messages: copies that live as long as b */
    p.path = lit_arena_strdup(&b->tmp, path ? path : "-");
    p.list = lit_list_name(p.path);
    p.s = (const unsigned char *)data;
    p.n = len;
    p.d = d;
    p.lenient = o && o->lenient;
    p.strict = o && o->strict && !p.lenient;
    p.pc_line = p.pc_col = 1;
    p.budget = 8 * len + ((size_t)1 << 20);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) p.i = 3;

    bool nul = false;
    size_t bad = bad_byte(p.s, p.i, p.n, &nul);
    if (bad != (size_t)-1 && !p.lenient) {
        perr(&p, bad, nul ? "NUL byte in a BibTeX file" : "invalid UTF-8 (byte 0x%02X)", p.s[bad]);
        report(&p, false);
        return -1;
    }

    size_t ne0 = b->ne, prev_at = 0;
    bool comment_line = false;
    while (p.i < p.n) {
        const unsigned char *at = memchr(p.s + p.i, '@', p.n - p.i);
        if (!at) break;
        p.i = (size_t)(at - p.s);
        /* an '@' on a line that starts with '%' is commented out (biber skips such lines;
         * bibtex would read the entry): the line is looked at once, whatever its '@'s */
        if (!memchr(p.s + prev_at, '\n', p.i - prev_at) && prev_at) {
            if (comment_line) { p.i++; continue; }
        } else {
            size_t ls = p.i;
            while (ls > 0 && p.s[ls - 1] != '\n') ls--;
            while (ls < p.i && (p.s[ls] == ' ' || p.s[ls] == '\t')) ls++;
            comment_line = p.s[ls] == '%';
        }
        prev_at = p.i;
        if (comment_line) { p.i++; continue; }
        size_t st = p.i;
        int r = entry(&p);
        if (r == 0 && p.lenient && (bad = bad_byte(p.s, st, p.i, &nul)) != (size_t)-1) {
            long l, c;   /* a @string, @preamble or @comment: its text is used as U+FFFD */
            pos_at(&p, bad, &l, &c);
            lit_warn(d, p.path, l, c, nul ? "NUL byte" : "invalid UTF-8 (byte 0x%02X)", p.s[bad]);
        }
        if (r > 0 && p.lenient && (bad = bad_byte(p.s, st, p.i, &nul)) != (size_t)-1) {
            perr(&p, bad, nul ? "NUL byte" : "invalid UTF-8 (byte 0x%02X)", p.s[bad]);
            free_entry(&b->e[--b->ne]);
            r = -1;
        }
        if (r < 0) {
            if (p.strict) {
                report(&p, false);
                while (b->ne > ne0) free_entry(&b->e[--b->ne]);
                return -1;
            }
            report(&p, true);
            b->n_bad++;
            /* resume at the next line that starts an entry after this one's '@' */
            size_t k = st + 1;
            while (k < p.n && !(p.s[k - 1] == '\n' && entry_starts(&p, k))) k++;
            p.i = k;
            prev_at = 0;
        }
    }
    return 0;
}

/* Makes the papers of every entry read into b: duplicate keys (BibTeX compares them
 * ignoring case) are dropped, crossrefs resolved across all files. */
int lit_bib_finish(lit_bib *b, lit_catalog *cat, const lit_import_opts *o, lit_diag *d)
{
    parser p;   /* no text: the pending message */
    memset(&p, 0, sizeof p);
    p.b = b;
    p.d = d;
    p.strict = o && o->strict && !o->lenient;
    int rc = 0;
    lit_strtab keys = {0};
    size_t *first = NULL, capf = 0;
    for (size_t k = 0; rc == 0 && k < b->ne; k++) {
        bentry *e = &b->e[k];
        char *lk = lower_dup(&b->tmp, (const unsigned char *)e->key, strlen(e->key));
        int32_t ix = lit_strtab_find(&keys, lk);
        if (ix >= 0) {
            const bentry *f = &b->e[first[ix]];
            char where[64];
            snprintf(where, sizeof where, "line %ld", f->line);
            if (f->path != e->path) snprintf(where, sizeof where, "%.40s:%ld", f->list, f->line);
            if (p.strict) rc = lit_error(d, e->path, e->line, e->col, "duplicate key '%s' (first at %s)", e->key, where);
            else lit_skip(d, e->path, e->line, e->col, "duplicate key '%s' (first at %s)", e->key, where);
            e->skip = true;
            continue;
        }
        ix = lit_strtab_intern(&keys, &b->tmp, lk);
        LIT_GROW(first, capf, (size_t)ix + 1);
        first[ix] = k;
    }
    /* crossrefs: one level, from the targets' own fields (inherited ones are appended
     * after them, so the first own_nf[] fields of an entry are its own) */
    size_t *own_nf = lit_xmalloc((b->ne ? b->ne : 1) * sizeof *own_nf);
    for (size_t k = 0; k < b->ne; k++) own_nf[k] = b->e[k].nf;
    for (size_t k = 0; rc == 0 && k < b->ne; k++) {
        bentry *e = &b->e[k];
        const bfield *xf = field(e, "crossref");
        if (e->skip || !xf) continue;
        char *x = lit_bib_tex_to_utf8(xf->val, xf->len);
        for (char *q = x; *q; q++) *q = (char)tolower((unsigned char)*q);
        int32_t ix = lit_strtab_find(&keys, x);
        if (ix < 0) {
            lit_warn(d, e->path, xf->line, xf->col, "crossref '%s' of '%s' is in none of the .bib files", x, e->key);
        } else if (first[ix] != k) {
            b->e[first[ix]].targeted = true;
            bentry snap = b->e[first[ix]];
            snap.nf = own_nf[first[ix]];
            inherit(b, e, &snap);
        }
        free(x);
    }
    free(own_nf);
    size_t before = cat->n_papers;
    for (size_t k = 0; rc == 0 && k < b->ne; k++) {
        bentry *e = &b->e[k];
        /* a volume (@proceedings) that entries crossref gives them its fields; one that
         * none does is cited for itself, and is a paper of its own */
        if (e->skip || (volume_type(e->type) && (e->targeted || strcmp(e->type, "proceedings")))) continue;
        if (to_paper(&p, cat, e, o) < 0) {
            if (p.strict) { rc = lit_error(d, e->path, e->line, e->col, "%s", p.msg); break; }
            lit_skip(d, e->path, e->line, e->col, "%s", p.msg);
            b->n_bad++;
        }
    }
    if (rc) cat->n_papers = before;   /* all or nothing: strings stay in the arena, unused */
    free(first);
    lit_strtab_free(&keys);
    return rc;
}

int lit_import_bib(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d)
{
    if (o && o->bib) return lit_bib_read(o->bib, path, data, len, o, d);
    /* one file on its own: read, finish, and it must give papers */
    lit_bib *b = lit_bib_new();
    size_t before = cat->n_papers;
    int rc = lit_bib_read(b, path, data, len, o, d);
    if (rc == 0) rc = lit_bib_finish(b, cat, o, d);
    if (rc == 0 && cat->n_papers == before) {
        /* a whole-file problem: placed at its start, like an empty YAML file */
        if (b->n_bad) lit_error(d, path ? path : "-", 1, 1, "no usable entries (%zu skipped)", b->n_bad);
        else lit_error(d, path ? path : "-", 1, 1, "no bibliography entries found");
        rc = -1;
    }
    lit_bib_free(b);
    return rc;
}

size_t lit_bib_n_keys(const lit_bib *b) { return b ? b->ne : 0; }
const char *lit_bib_key(const lit_bib *b, size_t i) { return b->e[i].key; }

/* ---- shared with the CSL-JSON and RIS importers (import_ref.h) ---- */

bool lit_bib_find_arxiv(const char *s, char out[32]) { return find_arxiv(s, out); }
int lit_bib_arxiv_year(const char *id) { return arxiv_year(id); }
bool lit_bib_is_arxiv_name(const char *s) { return is_arxiv_name(s); }
