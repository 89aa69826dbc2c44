/* import_sheet.c - a reading group's edits back from the workbook `litsurvey xlsx` wrote:
 * the Status, Presenter, Date and Notes of each row of the Papers sheet, and every column
 * the group added, into the paper of the row's Key. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "import.h"
#include "xlsx_read.h"

/* The Papers sheet's headers (out_xlsx.c): the reading-group ones read back into the field
 * of that name, the key, and the ones litsurvey fills from the catalog (not read back).
 * tests/unit/test_import_sheet.c checks that a workbook litsurvey writes has only these. */
static const struct { const char *head, *field; } known[] = {
    {"Status", "status"}, {"Presenter", "presenter"}, {"Date", "date"}, {"Notes", "notes"}, {"Key", NULL},
    {"Title", NULL}, {"Venue", NULL}, {"Year", NULL}, {"Topics", NULL}, {"Short name", NULL}, {"Authors", NULL},
    {"Code", NULL}, {"Slides", NULL}, {"Talk", NULL}, {"Lists", NULL},
};
#define N_KNOWN (sizeof known / sizeof *known)
#define READING "reading"   /* the mapping a paper's sheet fields live in */

/* A column read back: the field it fills. */
typedef struct column { size_t col; const char *field; const char *head; } column;

typedef struct back {
    lit_catalog *cat;
    const char *path, *sheet;
    lit_sheet_stats *st;
    lit_diag *d;
    long header;              /* the header's row, 0 until found */
    size_t key_col;
    column *cols;
    size_t n_cols;
    long *row_of;             /* paper -> the row read into it (0: none) */
    lit_strtab keys;          /* keys and aliases of the papers */
    uint32_t *paper_of;       /* keys index -> paper */
    lit_arena tmp;
} back;

static bool blank(const char *s)
{
    if (!s) return true;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    return !*s;
}

/* The header row: the first row with a Key cell. */
static int find_header(back *b, long r, const char *const *cells, size_t n)
{
    size_t key = n;
    for (size_t c = 0; c < n && key == n; c++)
        if (cells[c] && !strcasecmp(cells[c], "Key")) key = c;
    if (key == n) return 0;
    b->header = r;
    b->key_col = key;
    b->cols = lit_xcalloc(n + 1, sizeof *b->cols);
    for (size_t c = 0; c < n; c++) {
        if (blank(cells[c]) || c == key) continue;
        size_t k = 0;
        while (k < N_KNOWN && strcasecmp(cells[c], known[k].head)) k++;
        if (k < N_KNOWN && !known[k].field) continue;   /* filled from the catalog */
        /* a reading-group column, or one the group added: read into the field it names */
        const char *head = lit_arena_strdup(&b->tmp, cells[c]);
        b->cols[b->n_cols++] = (column){c, k < N_KNOWN ? known[k].field : head, head};
    }
    return 0;
}

/* The text of a field of p (at the top of its entry, or in its `reading:` mapping), or
 * NULL; *node gets the node that holds it. */
static lit_node *field_of(lit_paper *p, const char *field, lit_node **map)
{
    *map = NULL;
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (!strcmp(p->extras[i].key, field)) return &p->extras[i].value;
    for (uint32_t i = 0; i < p->n_extras; i++) {
        lit_node *m = &p->extras[i].value;
        if (strcmp(p->extras[i].key, READING) != 0 || m->kind != LIT_NODE_MAP) continue;
        *map = m;
        for (size_t j = 0; j < m->n; j++)
            if (m->items[2 * j].kind == LIT_NODE_SCALAR && m->items[2 * j].str && !strcmp(m->items[2 * j].str, field))
                return &m->items[2 * j + 1];
    }
    return NULL;
}

/* A node's text as the sheet shows it: a scalar, or a list joined as the writer joins it. */
static bool same_text(const lit_node *v, const char *text)
{
    if (v->kind == LIT_NODE_SCALAR) return v->str && !strcmp(v->str, text);
    if (v->kind != LIT_NODE_SEQ) return false;
    lit_buf b = LIT_BUF_INIT;
    for (size_t j = 0; j < v->n; j++) {
        if (v->items[j].kind != LIT_NODE_SCALAR || !v->items[j].str) continue;
        if (b.len) lit_buf_adds(&b, ", ");
        lit_buf_adds(&b, v->items[j].str);
    }
    bool same = !strcmp(lit_buf_str(&b), text);
    lit_buf_free(&b);
    return same;
}

/* Whether text can be written as a plain YAML scalar and read back as it: then it is
 * ("done", "Ann Lee", 2024-03-05); else quoted, so that saving it again gives the same bytes. */
static bool plain_ok(const char *t)
{
    static const char *const typed[] = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
        if (!strcasecmp(t, typed[i])) return false;   /* a YAML 1.1 reader takes these for a boolean or null */
    if (!isalnum((unsigned char)t[0])) return false;
    for (const char *c = t; *c; c++)
        if (!isalnum((unsigned char)*c) && !strchr(" ._/-+", *c)) return false;
    return t[strlen(t) - 1] != ' ';
}

/* Drops the extra field whose value is v. */
static void drop_extra(lit_catalog *c, lit_paper *p, const lit_node *v)
{
    uint32_t k = 0;
    while (&p->extras[k].value != v) k++;
    lit_extra *e = lit_arena_alloc(&c->arena, (p->n_extras + 1) * sizeof *e);
    if (k) memcpy(e, p->extras, k * sizeof *e);
    if (p->n_extras - k - 1) memcpy(e + k, p->extras + k + 1, (p->n_extras - k - 1) * sizeof *e);
    p->extras = e;
    p->n_extras--;
}

/* Sets (text) or clears (NULL) a field of p; returns whether it changed. A field at the
 * top of the entry stays there; the others go in its `reading:` mapping, which goes when
 * it holds nothing more. */
static bool set_field(lit_catalog *c, lit_paper *p, const char *field, const char *text)
{
    lit_node *map, *v = field_of(p, field, &map);
    if (text && v && same_text(v, text)) return false;
    if (!text && !v) return false;
    lit_arena *a = &c->arena;
    lit_node val = {LIT_NODE_SCALAR, text ? lit_arena_strdup(a, text) : NULL, text && !plain_ok(text), NULL, 0};
    if (v && text) {
        *v = val;
        return true;
    }
    if (v && !map) {   /* a field at the top of the entry, cleared */
        drop_extra(c, p, v);
        return true;
    }
    if (!map) {   /* a new `reading:` mapping */
        lit_extra *e = lit_arena_alloc(a, (p->n_extras + 1) * sizeof *e);
        if (p->n_extras) memcpy(e, p->extras, p->n_extras * sizeof *e);
        e[p->n_extras] = (lit_extra){READING, {LIT_NODE_MAP, NULL, false, NULL, 0}};
        p->extras = e;
        map = &e[p->n_extras++].value;
    }
    size_t n = map->n, at = n, w = 0;
    for (size_t j = 0; j < n; j++)
        if (&map->items[2 * j + 1] == v) at = j;
    lit_node *items = lit_arena_alloc(a, (2 * n + 2) * sizeof *items);
    for (size_t j = 0; j < n; j++) {
        if (j == at) continue;   /* cleared */
        items[w++] = map->items[2 * j];
        items[w++] = map->items[2 * j + 1];
    }
    if (text) {
        items[w++] = (lit_node){LIT_NODE_SCALAR, lit_arena_strdup(a, field), false, NULL, 0};
        items[w++] = val;
    }
    map->items = items;
    map->n = w / 2;
    if (!map->n) drop_extra(c, p, map);
    return true;
}

/* "Status 'done', Presenter 'Ann'": a row's values, for a message. */
static void row_values(const back *b, const char *const *cells, size_t n, lit_buf *out)
{
    for (size_t k = 0; k < b->n_cols; k++) {
        const char *v = b->cols[k].col < n ? cells[b->cols[k].col] : NULL;
        if (blank(v)) continue;
        lit_buf_printf(out, "%s%s '%.60s%s'", out->len ? ", " : "", b->cols[k].head, v, strlen(v) > 60 ? "..." : "");
    }
}

static int on_row(void *ctx, long r, const char *const *cells, size_t n)
{
    back *b = ctx;
    if (!b->header) return find_header(b, r, cells, n);
    const char *key = b->key_col < n ? cells[b->key_col] : NULL;
    lit_buf vals = LIT_BUF_INIT;
    row_values(b, cells, n, &vals);
    char where[16];
    lit_xlsx_cell_name(where, b->key_col, r);
    int rc = 0;
    if (blank(key)) {
        if (vals.len) {   /* a row the group typed below the papers */
            lit_warn(b->d, b->path, 0, 0, "sheet '%s', row %ld has no key: not read back (%s)", b->sheet, r,
                     lit_buf_str(&vals));
            b->st->no_key++;
        }
        goto out;
    }
    int32_t k = lit_strtab_find(&b->keys, key);
    if (k < 0) {
        lit_warn(b->d, b->path, 0, 0, "sheet '%s', %s: no paper '%s' in the catalog: row %ld not read back%s%s%s", b->sheet,
                 where, key, r, vals.len ? " (" : "", lit_buf_str(&vals), vals.len ? ")" : "");
        b->st->gone++;
        goto out;
    }
    uint32_t pi = b->paper_of[k];
    lit_paper *p = &b->cat->papers[pi];
    if (b->row_of[pi])
        lit_warn(b->d, b->path, 0, 0, "sheet '%s', %s: paper '%s' has a row already (row %ld): the later row is read",
                 b->sheet, where, p->key, b->row_of[pi]);
    else b->st->papers++;
    b->row_of[pi] = r;
    b->st->rows++;
    for (size_t c = 0; c < b->n_cols; c++) {
        const char *v = b->cols[c].col < n ? cells[b->cols[c].col] : NULL;
        b->st->fields += set_field(b->cat, p, b->cols[c].field, blank(v) ? NULL : v);
    }
out:
    lit_buf_free(&vals);
    return rc;
}

static void add_key(back *b, const char *key, size_t paper, size_t *cap)
{
    if (!key || lit_strtab_find(&b->keys, key) >= 0) return;
    int32_t id = lit_strtab_intern(&b->keys, &b->tmp, key);
    LIT_GROW(b->paper_of, *cap, (size_t)id + 1);
    b->paper_of[id] = (uint32_t)paper;
}

/* A sheet's header row holds a Key cell: stop at the first row. */
static int has_key(void *ctx, long r, const char *const *cells, size_t n)
{
    (void)r;
    for (size_t c = 0; c < n; c++)
        if (cells[c] && !strcasecmp(cells[c], "Key")) *(bool *)ctx = true;
    return 1;
}

int lit_import_sheet(lit_catalog *cat, const char *path, lit_sheet_stats *st, lit_diag *d)
{
    memset(st, 0, sizeof *st);
    lit_xlsx *x = lit_xlsx_open(path, d);
    if (!x) return -1;
    /* the Papers sheet; else the first sheet whose first row has a Key column (a sheet
     * renamed, or saved alone from a CSV) */
    size_t i = 0, ns = lit_xlsx_sheets(x);
    while (i < ns && strcasecmp(lit_xlsx_sheet_name(x, i), "Papers")) i++;
    for (size_t k = 0; i == ns && k < ns; k++) {
        bool key = false;
        if (lit_xlsx_rows(x, k, has_key, &key, d) < 0) {
            lit_xlsx_close(x);
            return -1;
        }
        if (key) i = k;
    }
    if (i == ns) {
        lit_xlsx_close(x);
        return lit_error(d, path, 0, 0, "no sheet named Papers, nor one with a Key column: not a workbook "
                         "`litsurvey xlsx` wrote");
    }
    back b;
    memset(&b, 0, sizeof b);
    b.cat = cat;
    b.path = path;
    b.st = st;
    b.d = d;
    b.sheet = lit_xlsx_sheet_name(x, i);
    st->sheet = lit_arena_strdup(&cat->arena, b.sheet);
    b.row_of = lit_xcalloc(cat->n_papers + 1, sizeof *b.row_of);
    /* a row finds its paper by key, or by a key the paper had (aliases: merged entries) */
    size_t cap = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t p = 0; p < cat->n_papers; p++) {
            const lit_paper *q = &cat->papers[p];
            if (!pass) add_key(&b, q->key, p, &cap);
            for (uint32_t e = 0; pass && e < q->n_extras; e++) {
                const lit_node *al = &q->extras[e].value;
                if (strcmp(q->extras[e].key, "aliases") || al->kind != LIT_NODE_SEQ) continue;
                for (size_t j = 0; j < al->n; j++) add_key(&b, al->items[j].str, p, &cap);
            }
        }
    int rc = lit_xlsx_rows(x, i, on_row, &b, d);
    if (rc >= 0 && !b.header)
        rc = lit_error(d, path, 0, 0, "sheet '%s' has no Key column: not a sheet `litsurvey xlsx` wrote", b.sheet);
    free(b.cols);
    free(b.row_of);
    free(b.paper_of);
    lit_strtab_free(&b.keys);
    lit_arena_free(&b.tmp);
    lit_xlsx_close(x);
    return rc < 0 ? -1 : 0;
}
