/* import_csl.c - CSL-JSON (what Zotero, Mendeley and pandoc exchange) into catalog papers.
 * jansson parses and checks the JSON (syntax errors and invalid UTF-8 at their line and
 * column); a small scan of the same bytes finds where each item and field starts, which
 * jansson does not keep, so that a bad item is reported at its place. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "buf.h"
#include "import_ref.h"
#include "keys.h"

typedef struct csl {
    const char *path;
    const char *s;             /* the file's bytes */
    size_t n;
    size_t pc_off;             /* position cache: offsets come in increasing order */
    long pc_line, pc_col;
    lit_arena tmp;             /* strings of the item being read */
    lit_diag *d;
    const lit_import_opts *o;
} csl;

/* ---------- places ---------- */

static void pos_at(csl *c, size_t off, long *line, long *col)
{
    if (off < c->pc_off) { c->pc_off = 0; c->pc_line = 1; c->pc_col = 1; }
    for (size_t i = c->pc_off; i < off && i < c->n; i++) {
        unsigned char ch = (unsigned char)c->s[i];
        if (ch == '\n') { c->pc_line++; c->pc_col = 1; }
        else if ((ch & 0xC0) != 0x80) c->pc_col++;   /* columns count characters */
    }
    c->pc_off = off;
    *line = c->pc_line;
    *col = c->pc_col;
}

static void warn_at(csl *c, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn_at(csl *c, size_t off, const char *fmt, ...)
{
    long l, col;
    pos_at(c, off, &l, &col);
    va_list ap;
    va_start(ap, fmt);
    lit_vwarn(c->d, c->path, l, col, fmt, ap);
    va_end(ap);
}

static size_t ws(const csl *c, size_t i)
{
    while (i < c->n && (c->s[i] == ' ' || c->s[i] == '\t' || c->s[i] == '\n' || c->s[i] == '\r')) i++;
    return i;
}

/* The end of the JSON value at i (valid JSON: jansson has read it). */
static size_t skip_value(const csl *c, size_t i)
{
    if (i >= c->n) return i;
    if (c->s[i] == '"') {
        for (i++; i < c->n && c->s[i] != '"'; i++)
            if (c->s[i] == '\\') i++;
        return i + 1;
    }
    if (c->s[i] == '[' || c->s[i] == '{') {
        int depth = 0;
        for (; i < c->n; i++) {
            char ch = c->s[i];
            if (ch == '"') { i = skip_value(c, i) - 1; continue; }
            if (ch == '[' || ch == '{') depth++;
            else if ((ch == ']' || ch == '}') && --depth == 0) return i + 1;
        }
        return i;
    }
    while (i < c->n && !strchr(",]} \t\r\n", c->s[i])) i++;
    return i;
}

/* Where member `key` of the object at o starts (o itself when it is not found). */
static size_t key_at(const csl *c, size_t o, const char *key)
{
    size_t kl = strlen(key), i = ws(c, o + 1);
    while (i < c->n && c->s[i] == '"') {
        size_t end = skip_value(c, i);
        if (end - i == kl + 2 && memcmp(c->s + i + 1, key, kl) == 0) return i;
        i = ws(c, end);
        if (i < c->n && c->s[i] == ':') i = ws(c, skip_value(c, ws(c, i + 1)));
        if (i < c->n && c->s[i] == ',') i = ws(c, i + 1);
        else break;
    }
    return o;
}

/* ---------- fields ---------- */

/* A text field: a string, or a number written for one ("volume": 15). */
static const char *text(csl *c, json_t *it, const char *key, size_t off)
{
    json_t *v = json_object_get(it, key);
    if (!v || json_is_null(v)) return NULL;
    if (json_is_string(v)) return json_string_length(v) ? json_string_value(v) : NULL;
    if (json_is_integer(v)) return lit_arena_printf(&c->tmp, "%lld", (long long)json_integer_value(v));
    warn_at(c, key_at(c, off, key), "'%s' is not a text; left out", key);
    return NULL;
}

/* "Given Family", with the particles and suffix CSL keeps apart; or the literal name. */
static const char *name_of(csl *c, json_t *a)
{
    if (json_is_string(a)) return json_string_value(a);
    if (!json_is_object(a)) return NULL;
    json_t *lit = json_object_get(a, "literal");
    if (json_is_string(lit)) return json_string_value(lit);
    static const char *const parts[] = {"given", "dropping-particle", "non-dropping-particle", "family"};
    lit_buf b = LIT_BUF_INIT;
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
        json_t *p = json_object_get(a, parts[k]);
        if (!json_is_string(p) || !json_string_length(p)) continue;
        if (b.len) lit_buf_addc(&b, ' ');
        lit_buf_adds(&b, json_string_value(p));
    }
    json_t *suffix = json_object_get(a, "suffix");
    if (b.len && json_is_string(suffix) && json_string_length(suffix)) lit_buf_printf(&b, ", %s", json_string_value(suffix));
    const char *r = b.len ? lit_arena_strdup(&c->tmp, b.data) : NULL;
    lit_buf_free(&b);
    return r;
}

static void authors(csl *c, json_t *it, size_t off, lit_ref *r)
{
    json_t *a = json_object_get(it, "author");
    if (!a) return;
    if (!json_is_array(a)) {
        warn_at(c, key_at(c, off, "author"), "'author' is not a list of names; left out");
        return;
    }
    size_t n = json_array_size(a);
    if (n > LIT_REF_MAX_AUTHORS) n = LIT_REF_MAX_AUTHORS;
    r->authors = lit_arena_alloc(&c->tmp, (n + 1) * sizeof *r->authors);
    for (size_t i = 0; i < n; i++) {
        const char *name = name_of(c, json_array_get(a, i));
        if (name && *name) r->authors[r->n_authors++] = name;
    }
}

/* The month of "issued": date-parts' second part, or the one after the year of a text. */
static int month_of(json_t *it)
{
    json_t *v = json_object_get(it, "issued");
    json_t *dp = json_array_get(json_array_get(json_object_get(v, "date-parts"), 0), 1);
    long long m = json_is_integer(dp) ? json_integer_value(dp) : json_is_string(dp) ? atoll(json_string_value(dp)) : 0;
    if (!dp && json_is_object(v) && json_is_string(json_object_get(v, "raw"))) m = lit_ref_month(json_string_value(json_object_get(v, "raw")));
    if (!dp && json_is_string(v)) m = lit_ref_month(json_string_value(v));
    return m >= 1 && m <= 12 ? (int)m : 0;
}

/* The year of "issued": {"date-parts": [[2020, 5]]}, {"raw": "2020-05"}, or "2020". */
static int year_of(csl *c, json_t *it, size_t off)
{
    json_t *v = json_object_get(it, "issued");
    if (!v) return 0;
    long long y = 0;
    const char *t = NULL;
    if (json_is_object(v)) {
        json_t *dp = json_array_get(json_array_get(json_object_get(v, "date-parts"), 0), 0);
        if (json_is_integer(dp)) y = json_integer_value(dp);
        else if (json_is_string(dp)) t = json_string_value(dp);
        else if (json_is_string(json_object_get(v, "raw"))) t = json_string_value(json_object_get(v, "raw"));
        else if (json_is_string(json_object_get(v, "literal"))) t = json_string_value(json_object_get(v, "literal"));
    } else if (json_is_string(v)) {
        t = json_string_value(v);
    } else if (json_is_integer(v)) {
        y = json_integer_value(v);
    }
    if (!y) y = lit_ref_year(t);   /* the first run of four digits */
    if (!y && !t) return 0;
    if (y < 1800 || y > 2100) {
        warn_at(c, key_at(c, off, "issued"), "'issued' %s is not a year from 1800 to 2100; left out",
                y ? lit_arena_printf(&c->tmp, "%lld", y) : "");
        return 0;
    }
    return (int)y;
}

/* A text field that may be a list of texts ("ISSN": ["0001-0782", "1557-7317"]), joined
 * with ", ". */
static const char *list_text(csl *c, json_t *it, const char *key, size_t off)
{
    json_t *v = json_object_get(it, key);
    if (!json_is_array(v)) return text(c, it, key, off);
    lit_buf b = LIT_BUF_INIT;
    for (size_t i = 0; i < json_array_size(v); i++) {
        json_t *x = json_array_get(v, i);
        if (json_is_string(x) && json_string_length(x)) lit_buf_printf(&b, "%s%s", b.len ? ", " : "", json_string_value(x));
        else if (json_is_integer(x)) lit_buf_printf(&b, "%s%lld", b.len ? ", " : "", (long long)json_integer_value(x));
    }
    const char *r = b.len ? lit_arena_strdup(&c->tmp, b.data) : NULL;
    lit_buf_free(&b);
    return r;
}

/* A names field (editor) as "Given Family" names, one a line; NULL when there is none. */
static const char *names_of(csl *c, json_t *it, const char *key, size_t off)
{
    json_t *a = json_object_get(it, key);
    if (!a) return NULL;
    if (!json_is_array(a)) {
        warn_at(c, key_at(c, off, key), "'%s' is not a list of names; left out", key);
        return NULL;
    }
    lit_buf b = LIT_BUF_INIT;
    for (size_t i = 0; i < json_array_size(a) && i < LIT_REF_MAX_AUTHORS; i++) {
        const char *name = name_of(c, json_array_get(a, i));
        if (name && *name && !strchr(name, '\n')) lit_buf_printf(&b, "%s%s", b.len ? "\n" : "", name);
    }
    const char *r = b.len ? lit_arena_strdup(&c->tmp, b.data) : NULL;
    lit_buf_free(&b);
    return r;
}

/* The item's citation key: its "citation-key" (Better BibTeX writes the user's key there),
 * else an "id" that someone typed as a key (keys.h); a Zotero URL or a number is none. */
static const char *item_key(csl *c, json_t *it, size_t off)
{
    const char *k = text(c, it, "citation-key", off);
    json_t *id = json_object_get(it, "id");
    if (!k && json_is_string(id) && lit_key_looks_typed(json_string_value(id))) k = json_string_value(id);
    return k;
}

/* Reads one item into r. Returns NULL, or what is wrong with it (the item is then skipped). */
static const char *item(csl *c, json_t *it, size_t off, lit_ref *r)
{
    memset(r, 0, sizeof *r);
    if (!json_is_object(it)) return "item is not an object";
    json_t *t = json_object_get(it, "title");
    if (t && !json_is_string(t)) return "'title' is not a text";
    r->title = text(c, it, "title", off);
    if (!r->title) return "item has no title";
    r->key = item_key(c, it, off);
    r->short_title = text(c, it, "title-short", off);
    if (!r->short_title) r->short_title = text(c, it, "shortTitle", off);
    authors(c, it, off, r);
    /* the container's full name first: its short form only when the venue table knows
     * it and not the full one (lit_ref_add tries every name against the table first) */
    static const char *const venue_keys[] = {"container-title", "container-title-short", "event-title", "event",
                                             "collection-title"};
    for (size_t k = 0; k < sizeof venue_keys / sizeof *venue_keys && r->n_venues < LIT_REF_MAX_VENUES; k++) {
        const char *v = text(c, it, venue_keys[k], off);
        if (v) r->venues[r->n_venues++] = v;
    }
    r->year = year_of(c, it, off);
    r->month = r->year ? month_of(it) : 0;
    r->doi = text(c, it, "DOI", off);
    r->url = text(c, it, "URL", off);
    r->keywords = text(c, it, "keyword", off);
    static const char *const id_keys[] = {"number", "volume", "archive_location"};
    for (size_t k = 0; k < sizeof id_keys / sizeof *id_keys; k++) {
        const char *v = text(c, it, id_keys[k], off);
        if (v) r->ids[r->n_ids++] = v;
    }
    const char *type = text(c, it, "type", off);
    r->type = lit_rec_type_of_csl(type, text(c, it, "genre", off));
    r->csl_type = type;
    r->container = text(c, it, "container-title", off);
    for (size_t k = 0; k < lit_rec_n_fields; k++) {
        const lit_rec_field *f = &lit_rec_fields[k];
        r->fields[k] = f->names ? names_of(c, it, f->csl, off) : list_text(c, it, f->csl, off);
    }
    const char *pub = text(c, it, "publisher", off), *archive = text(c, it, "archive", off);
    r->preprint = (pub && lit_bib_is_arxiv_name(pub)) || (archive && lit_bib_is_arxiv_name(archive));
    return NULL;
}

int lit_import_csl(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d)
{
    csl c = {path, data, len, 0, 1, 1, {0}, d, o};
    size_t start = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;   /* a byte-order mark */
    json_error_t err;
    json_t *root = json_loadb(data + start, len - start, 0, &err);
    if (!root) return lit_error(d, path, err.line, err.column + (err.line == 1 && start), "%s", err.text);
    size_t first = ws(&c, start);
    json_t *items = root;
    if (json_is_object(root) && json_is_array(json_object_get(root, "items"))) {
        items = json_object_get(root, "items");
        first = ws(&c, key_at(&c, first, "items"));
        first = ws(&c, skip_value(&c, first) );
        first = ws(&c, first + 1);   /* past the ':' */
    }
    int rc = 0;
    size_t before = cat->n_papers;
    lit_ref_ctx rx = {cat, o, lit_list_name(path), path, d};
    if (json_is_object(items)) {   /* a file of one item */
        lit_ref r;
        const char *bad = item(&c, items, first, &r);
        long l, col;
        pos_at(&c, first, &l, &col);
        if (bad) rc = lit_error(d, path, l, col, "%s", bad);
        else lit_ref_add(&rx, &r, l);
    } else if (!json_is_array(items)) {
        long l, col;
        pos_at(&c, first, &l, &col);
        rc = lit_error(d, path, l, col, "expected a list of CSL-JSON items ([{...}, ...])");
    } else {
        size_t at = ws(&c, first + 1);
        for (size_t i = 0; i < json_array_size(items) && rc == 0; i++) {
            lit_ref r;
            const char *bad = item(&c, json_array_get(items, i), at, &r);
            long l, col;
            pos_at(&c, at, &l, &col);
            if (!bad) lit_ref_add(&rx, &r, l);
            else if (o && o->strict) rc = lit_error(d, path, l, col, "%s", bad);
            else lit_warn(d, path, l, col, "%s (item skipped)", bad);
            lit_arena_free(&c.tmp);
            at = ws(&c, skip_value(&c, at));
            if (at < len && data[at] == ',') at = ws(&c, at + 1);
        }
        if (rc == 0 && cat->n_papers == before) rc = lit_error(d, path, 1, 1, "no papers found in '%s'", rx.list);
    }
    if (rc != 0) cat->n_papers = before;
    lit_arena_free(&c.tmp);
    json_decref(root);
    return rc;
}
