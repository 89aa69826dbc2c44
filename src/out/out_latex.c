/* out_latex.c - booktabs tables for a related-work section: the options, the pieces every
 * table shares, the topics and catalog tables, and the document around a table
 * (venue-year and taxonomy have files of their own). */
#include "out_latex.h"
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "cite_keys.h"
#include "latex_priv.h"
#include "latex_text.h"
#include "match.h"
#include "outfile.h"

const char *const lit_latex_tables[] = {"topics", "venue-year", "taxonomy", "catalog", NULL};

enum { T_TOPICS, T_VENUE_YEAR, T_TAXONOMY, T_CATALOG };

static const char *const pkg_names[] = {"booktabs", "array", "tabularx", "longtable", "graphicx", "amssymb",
                                        "hyperref"};

/* Characters a line of the topics table's Systems column holds (about 215pt at 10pt). */
#define SYSTEMS_LINE_CHARS 45
/* Systems in one row of the topics table: a longer list goes on in the next rows, so
 * that no row is taller than a page (a longtable breaks only between rows). */
#define CITES_PER_ROW 24

void lit_latex_opts_init(lit_latex_opts *o)
{
    memset(o, 0, sizeof *o);
    o->max_cites = LIT_LATEX_MAX_CITES;
}

static int table_index(const char *table)
{
    for (int i = 0; table && lit_latex_tables[i]; i++)
        if (strcmp(table, lit_latex_tables[i]) == 0) return i;
    return -1;
}

bool lit_latex_table_ok(const char *table) { return table_index(table) >= 0; }

bool lit_latex_cite_ok(const char *cmd)
{
    size_t n = 0;
    for (; cmd && cmd[n]; n++)
        if (!((cmd[n] >= 'a' && cmd[n] <= 'z') || (cmd[n] >= 'A' && cmd[n] <= 'Z'))) return false;
    return n > 0 && n <= 32;
}

int lit_latex_group_parse(const char *name)
{
    static const char *const names[] = {"none", "parent", "topic", "area", "year"};
    for (int i = 0; i < 5; i++)
        if (strcmp(name, names[i]) == 0) return LIT_LATEX_GROUP_NONE + i;
    return -1;
}

bool lit_latex_group_ok(const char *table, lit_latex_group g)
{
    int t = table_index(table);
    if (t < 0) return false;
    if (g == LIT_LATEX_GROUP_DEFAULT || g == LIT_LATEX_GROUP_NONE) return true;
    switch (t) {
    case T_TOPICS: return g == LIT_LATEX_GROUP_PARENT;
    case T_VENUE_YEAR: return g == LIT_LATEX_GROUP_AREA;
    case T_TAXONOMY: return g == LIT_LATEX_GROUP_PARENT || g == LIT_LATEX_GROUP_TOPIC;
    default: return g == LIT_LATEX_GROUP_PARENT || g == LIT_LATEX_GROUP_TOPIC || g == LIT_LATEX_GROUP_YEAR;
    }
}


/* Appends a number without printf's two passes (a million rows add up). */
static void add_num(lit_buf *b, size_t v)
{
    char t[24];
    size_t n = sizeof t;
    do { t[--n] = (char)('0' + v % 10); v /= 10; } while (v);
    lit_buf_add(b, t + n, sizeof t - n);
}

/* Share of part in whole as a whole percentage, for a note. */
int lit_lx_percent(size_t part, size_t whole) { return whole ? (int)(100.0 * (double)part / (double)whole + 0.5) : 0; }

/* One warning per paper, counting over the whole field even when a table shows only
 * its first words. */
static void warn_bad(ctx *c, const lit_tex_info *in, const lit_paper *p, const char *what)
{
    lit_tex_info all = *in;
    const char *field = strcmp(what, "title") == 0 ? p->title : strcmp(what, "short name") == 0 ? p->short_name : NULL;
    if (field) {
        lit_buf t = LIT_BUF_INIT;
        memset(&all, 0, sizeof all);
        lit_tex_escape(&t, field, &all);
        lit_buf_free(&t);
        if (!all.n_replaced) all = *in;
    }
    char cp[16];
    char more[64] = "";
    if (all.n_replaced > 1) snprintf(more, sizeof more, " and %zu more", all.n_replaced - 1);
    lit_warn_many(c->d, "papers with characters pdflatex cannot typeset", c->db->cat.path, p->line, p->col,
             "paper '%s': pdflatex cannot typeset %s%s in its %s; replaced by '?'",
             p->key ? p->key : "", lit_tex_cp_name(all.first_bad, cp), more, what);
}

/* Escaped text of a paper's field, or of a table label when p is NULL. */
void lit_lx_text(ctx *c, const char *s, const lit_paper *p, const char *what)
{
    lit_tex_info in = {0, 0, 0};
    lit_tex_escape(c->b, s, &in);
    c->needs |= in.needs;
    if (!in.n_replaced) return;
    if (p) {
        size_t pi = (size_t)(p - c->db->cat.papers);
        if (c->warned[pi] & 1) return;
        c->warned[pi] |= 1;
        warn_bad(c, &in, p, what);
    } else {
        char cp[16];
        lit_warn(c->d, NULL, 0, 0, "pdflatex cannot typeset %s in %s; replaced by '?'",
                 lit_tex_cp_name(in.first_bad, cp), what);
    }
}

/* Titles up to this many bytes are short enough to name a paper in a list of citations. */
#define SHORT_TITLE 40

/* The name a table shows for a paper: its system name, else the title up to a colon
 * (when short: "Megatron-LM: Training..."), else the whole title; in a list (list) the
 * whole title only when it is short, else nothing: the citation alone names the paper,
 * never the first words of a title cut off. Raw UTF-8 into t. */
static void paper_name(lit_buf *t, const lit_paper *p, bool list)
{
    lit_buf_add(t, "", 0);
    if (p->short_name && *p->short_name) { lit_buf_adds(t, p->short_name); return; }
    const char *title = p->title && *p->title ? p->title : NULL;
    if (!title) return;
    const char *colon = strchr(title, ':');
    if (colon && colon > title && colon - title <= SHORT_TITLE) { lit_buf_add(t, title, (size_t)(colon - title)); return; }
    if (!list || strlen(title) <= SHORT_TITLE) lit_buf_adds(t, title);
}

static void cite(ctx *c, const lit_paper *p)
{
    size_t pi = (size_t)(p - c->db->cat.papers);
    const char *key = c->o->cites ? lit_citemap_key(c->o->cites, (uint32_t)pi) : p->key;
    if (lit_cite_key_ok(key)) {
        lit_buf_addc(c->b, '\\');
        lit_buf_adds(c->b, c->o->cite_cmd ? c->o->cite_cmd : "cite");
        lit_buf_addc(c->b, '{');
        lit_buf_adds(c->b, key);
        lit_buf_addc(c->b, '}');
        return;
    }
    if (!(c->warned[pi] & 2)) {
        c->warned[pi] |= 2;
        lit_warn_many(c->d, "papers whose keys cannot be cited", c->db->cat.path, p->line, p->col,
                 "paper '%s': key cannot be cited (no space , { } \" ' %% # ~ \\ or ^^); printed as text",
                 p->key ? p->key : "");
    }
    lit_buf_adds(c->b, "[");
    lit_lx_text(c, p->key && *p->key ? p->key : "?", p, "key");
    lit_buf_adds(c->b, "]");
}

/* Lets TeX break a long name in a narrow column, in the escaped text from byte start of b
 * on, outside macro names: between CamelCase words ("Tiresi\-Mind\-Verse"), a discretionary
 * hyphen where a lower-case letter is followed by an upper-case one that starts a
 * lower-case word; after a slash ("CPU/\allowbreak{}GPU/\allowbreak{}FPGA"), which TeX never
 * breaks at. Names under 12 bytes fit any column and stay as they are. */
static void word_breaks(lit_buf *b, size_t start)
{
    if (b->len - start < 12) return;
    lit_buf tail = LIT_BUF_INIT;
    lit_buf_add(&tail, b->data + start, b->len - start);
    b->len = start;
    bool in_macro = false;
    for (size_t i = 0; i < tail.len; i++) {
        char ch = tail.data[i], prev = i ? tail.data[i - 1] : 0;
        if (in_macro && !(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z')) in_macro = false;
        char next = i + 1 < tail.len ? tail.data[i + 1] : 0;
        if (!in_macro && prev >= 'a' && prev <= 'z' && ch >= 'A' && ch <= 'Z' && next >= 'a' && next <= 'z')
            lit_buf_adds(b, "\\-");
        if (ch == '\\') in_macro = true;
        lit_buf_addc(b, ch);
        if (!in_macro && ch == '/' && next && next != '/' && next != ' ') lit_buf_adds(b, "\\allowbreak{}");
    }
    lit_buf_free(&tail);
}

/* Name~\cite{key}: how every table refers to a paper in a list (a short name or title,
 * else \cite{key} alone), and Name \cite{key} in a narrow column of its own (whole titles). */
void lit_lx_entry(ctx *c, const lit_paper *p, bool narrow)
{
    lit_buf_reset(&c->scratch);
    paper_name(&c->scratch, p, !narrow);
    if (!c->scratch.len) {   /* no name short enough: the citation alone */
        cite(c, p);
        return;
    }
    size_t start = c->b->len;
    lit_lx_text(c, lit_buf_str(&c->scratch), p, p->short_name ? "short name" : "title");
    if (narrow) word_breaks(c->b, start);
    /* in a narrow column a citation may start the next line rather than overflow */
    lit_buf_adds(c->b, narrow ? " " : "~");
    cite(c, p);
}

/* ---- topic rows, roots and groups ---- */

int lit_lx_root_of(const lit_topics *ts, int t)
{
    for (int k = 0; t >= 0 && ts->t[t].parent_ix >= 0 && k < 64; k++) t = ts->t[t].parent_ix;
    return t;
}

/* Maps catalog topic indices to the rows of s->topics the way stats.c grouped them:
 * by taxonomy entry when the topic is known, by name otherwise. */
static void map_topics(ctx *c)
{
    const lit_db *db = c->db;
    const lit_stats *s = c->s;
    size_t nct = db->cat.topics.n;
    int *tax_row = lit_xmalloc((db->topics.n + 1) * sizeof *tax_row);
    for (size_t t = 0; t < db->topics.n; t++) tax_row[t] = -1;
    c->row_tax = lit_xmalloc((s->n_topics + 1) * sizeof *c->row_tax);
    for (size_t r = 0; r < s->n_topics; r++) {
        int t = lit_topics_find(&db->topics, lit_catalog_topic(&db->cat, s->topics[r].id));
        c->row_tax[r] = t;
        if (t >= 0) tax_row[t] = (int)r;
    }
    c->row_of = lit_xmalloc((nct + 1) * sizeof *c->row_of);
    for (size_t i = 0; i < nct; i++) {
        const char *name = db->cat.topics.names[i];
        int t = lit_topics_find(&db->topics, name);
        c->row_of[i] = t >= 0 ? tax_row[t] : -1;
        for (size_t r = 0; t < 0 && r < s->n_topics; r++)
            if (c->row_tax[r] < 0 && strcmp(name, lit_catalog_topic(&db->cat, s->topics[r].id)) == 0)
                c->row_of[i] = (int32_t)r;
    }
    free(tax_row);
}

/* Rank of a row's group when rows are grouped by root topic: the root's taxonomy
 * position; a topic outside the taxonomy is its own group after all of them. */
long lit_lx_group_rank(const ctx *c, size_t r)
{
    int t = c->row_tax[r];
    if (t >= 0) return lit_lx_root_of(&c->db->topics, t);
    return (long)c->db->topics.n + c->s->topics[r].order;
}

bool lit_lx_row_is_root(const ctx *c, size_t r)
{
    int t = c->row_tax[r];
    return t < 0 || c->db->topics.t[t].parent_ix < 0;
}

const char *lit_lx_group_label(const ctx *c, size_t r)
{
    int t = c->row_tax[r];
    if (t >= 0) return c->db->topics.t[lit_lx_root_of(&c->db->topics, t)].label;
    return c->s->topics[r].name;
}

static bool any_parent(const ctx *c)
{
    for (size_t r = 0; r < c->s->n_topics; r++)
        if (!lit_lx_row_is_root(c, r)) return true;
    return false;
}

/* Topic rows in taxonomy order, each root followed by its descendants. */
typedef struct rowkey { long group; int child; int order; size_t r; } rowkey;
static int cmp_rowkey(const void *a, const void *b)
{
    const rowkey *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    if (x->child != y->child) return x->child - y->child;
    if (x->order != y->order) return x->order < y->order ? -1 : 1;
    return (x->r > y->r) - (x->r < y->r);
}

size_t *lit_lx_ordered_rows(const ctx *c, bool grouped)
{
    size_t n = c->s->n_topics;
    rowkey *k = lit_xmalloc((n + 1) * sizeof *k);
    for (size_t r = 0; r < n; r++)
        k[r] = (rowkey){grouped ? lit_lx_group_rank(c, r) : 0, grouped && !lit_lx_row_is_root(c, r),
                        c->s->topics[r].order, r};
    qsort(k, n, sizeof *k, cmp_rowkey);
    size_t *out = lit_xmalloc((n + 1) * sizeof *out);
    for (size_t i = 0; i < n; i++) out[i] = k[i].r;
    free(k);
    return out;
}

/* ---- papers in display order ---- */


int lit_lx_cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    int xy = x->year ? x->year : 100000, yy = y->year ? y->year : 100000;  /* unknown last */
    if (xy != yy) return xy < yy ? -1 : 1;
    int k = strcasecmp(x->name, y->name);
    if (k) return k;
    k = strcmp(x->key, y->key);
    return k ? k : (x->pi > y->pi) - (x->pi < y->pi);
}

/* Puts the k first of m items (in lit_lx_cmp_item order) at the front, sorted; the rest are
 * only counted. Linear for a short k: most items are not among the first k. */
static void first_sorted(item *it, size_t m, size_t k)
{
    if (k >= m) {
        qsort(it, m, sizeof *it, lit_lx_cmp_item);
        return;
    }
    qsort(it, k, sizeof *it, lit_lx_cmp_item);
    for (size_t i = k; i < m; i++) {
        if (lit_lx_cmp_item(&it[i], &it[k - 1]) >= 0) continue;
        item t = it[i];
        it[i] = it[k - 1];
        size_t j = k - 1;
        for (; j > 0 && lit_lx_cmp_item(&t, &it[j - 1]) < 0; j--) it[j] = it[j - 1];
        it[j] = t;
    }
}

item lit_lx_make_item(const ctx *c, uint32_t pi, long group)
{
    const lit_paper *p = &c->db->cat.papers[pi];
    const char *name = p->short_name && *p->short_name ? p->short_name
                     : p->title && *p->title ? p->title : p->key ? p->key : "";
    return (item){group, p->year, name, p->key ? p->key : "", pi};
}

/* The first topic of a paper that has a row, or -1. */
static int first_row(const ctx *c, const lit_paper *p)
{
    for (uint32_t k = 0; k < p->n_topics; k++)
        if (p->topics[k] >= 0 && c->row_of[p->topics[k]] >= 0) return c->row_of[p->topics[k]];
    return -1;
}

/* The row of a paper's k-th topic, or -1 if it has none or an earlier topic of the
 * paper (an alias of the same one) already had it: a paper counts once per row. */
static int32_t new_row(const ctx *c, const lit_paper *p, uint32_t k)
{
    int32_t r = p->topics[k] >= 0 ? c->row_of[p->topics[k]] : -1;
    for (uint32_t j = 0; r >= 0 && j < k; j++)
        if (p->topics[j] >= 0 && c->row_of[p->topics[j]] == r) return -1;
    return r;
}

/* ---- shared table pieces ---- */

void lit_lx_caption(ctx *c, const char *dflt, const char *table)
{
    lit_buf_adds(c->b, "\\caption{");
    lit_lx_text(c, c->o->caption ? c->o->caption : dflt, NULL, "the caption");
    lit_buf_printf(c->b, "}\\label{%s%s}", c->o->label ? "" : "tab:", c->o->label ? c->o->label : table);
}

/* table floats; table* spans both columns of a two-column paper (--wide) */
void lit_lx_float_open(ctx *c)
{
    lit_buf_adds(c->b, c->o->wide ? "\\begin{table*}[tbp]\n\\centering\n" : "\\begin{table}[tbp]\n\\centering\n");
}

void lit_lx_float_close(ctx *c) { lit_buf_adds(c->b, c->o->wide ? "\\end{table*}\n" : "\\end{table}\n"); }

void lit_lx_group_heading(ctx *c, size_t ncols, const char *label, bool first)
{
    if (!first) lit_buf_adds(c->b, "\\addlinespace\n");
    lit_buf_printf(c->b, "\\multicolumn{%zu}{@{}l}{\\textbf{", ncols);
    lit_lx_text(c, label, NULL, "a group heading");
    lit_buf_adds(c->b, "}}\\\\\n");
}

/* What a table left out, in small type under it (after the tabular in a float, after
 * a longtable), so that the reader of the PDF learns it, not only the terminal. note
 * is LaTeX already: numbers and fixed words. */
void lit_lx_table_note(ctx *c, const lit_buf *note)
{
    if (!note->len) return;
    lit_buf_printf(c->b, "\\par\\smallskip{\\footnotesize\\raggedright %s\\par}\n", note->data);
}

void lit_lx_table_close(ctx *c, bool longt, bool grouped, const char *env, const lit_buf *note)
{
    if (longt) {
        lit_buf_adds(c->b, "\\end{longtable}\n");
        lit_lx_table_note(c, note);
        if (grouped) lit_buf_adds(c->b, "\\endgroup\n");
    } else {
        lit_buf_printf(c->b, "\\bottomrule\n\\end{%s}\n", env);
        lit_lx_table_note(c, note);
        lit_lx_float_close(c);
    }
}

/* A longtable with its first head, repeated head and feet; head is the header rows.
 * Its widths are computed, never tabularx's X: xltabular keeps the whole body in
 * memory and exceeds TeX's at 10,000 papers. */
void lit_lx_longtable_open(ctx *c, const char *spec, size_t ncols, const char *head,
                           const char *dflt_caption, const char *table)
{
    c->pkgs |= PKG_LONGTABLE;
    lit_buf_printf(c->b, "\\begin{longtable}{%s}\n", spec);
    lit_lx_caption(c, dflt_caption, table);
    lit_buf_printf(c->b, "\\\\\n\\toprule\n%s\\midrule\n\\endfirsthead\n", head);
    lit_buf_printf(c->b, "\\multicolumn{%zu}{@{}l}{\\small\\itshape Table~\\thetable{} (continued)}\\\\\n"
                         "\\toprule\n%s\\midrule\n\\endhead\n", ncols, head);
    lit_buf_printf(c->b, "\\midrule\n\\multicolumn{%zu}{r@{}}{\\small\\itshape continued on the next page}\\\\\n"
                         "\\endfoot\n\\bottomrule\n\\endlastfoot\n", ncols);
}

/* Whether a table of rows rows (or lines estimated lines) goes across pages as a
 * longtable rather than in a float that would run off the page. */
bool lit_lx_too_long(ctx *c, size_t rows, size_t lines, const char *table)
{
    if (rows <= FLOAT_MAX_ROWS && lines <= FLOAT_MAX_LINES) return false;
    if (c->o->wide)
        lit_warn(c->d, NULL, 0, 0, "the %s table is longer than a page (%zu rows): it is a longtable "
                 "across pages, which --wide cannot make span two columns", table, rows);
    return true;
}

/* The papers of the selection with a topic in a row marked in shown[] (rows of s->topics). */
size_t lit_lx_papers_covered(const ctx *c, const unsigned char *shown)
{
    size_t covered = 0;
    for (size_t i = 0; i < c->s->n_papers; i++) {
        const lit_paper *p = &c->db->cat.papers[c->s->sel[i]];
        for (uint32_t k = 0; k < p->n_topics; k++)
            if (p->topics[k] >= 0 && c->row_of[p->topics[k]] >= 0 && shown[c->row_of[p->topics[k]]]) {
                covered++;
                break;
            }
    }
    return covered;
}

/* Marks in keep[] the n rows of s->topics with the most papers (taxonomy order among
 * equals, as the charts rank them). */
void lit_lx_keep_largest(const ctx *c, unsigned char *keep, size_t n)
{
    for (size_t r = 0; r < c->s->n_topics; r++) keep[r] = c->s->topic_rank[r] < n;
}

/* The initial a topic is listed under when a long flat list is split by letter: its
 * first letter without accents, upper case; digits, symbols and other scripts under "Other"
 * (sorted last). */
static int initial_of(const char *name)
{
    utf8proc_int32_t cp = 0;
    if (utf8proc_iterate((const utf8proc_uint8_t *)name, -1, &cp) <= 0) return 'Z' + 1;
    utf8proc_int32_t base[4];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, base, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                 UTF8PROC_CASEFOLD, &boundclass);
    if (n >= 1 && base[0] >= 'a' && base[0] <= 'z') return (int)base[0] - 'a' + 'A';
    return 'Z' + 1;
}

/* Topics in letter order: by initial, then by name without accents or case, then as written. */
typedef struct lettered { int initial; char *folded; const char *name; size_t r; } lettered;
static int cmp_lettered(const void *a, const void *b)
{
    const lettered *x = a, *y = b;
    if (x->initial != y->initial) return x->initial < y->initial ? -1 : 1;
    int k = strcmp(x->folded, y->folded);
    if (!k) k = strcmp(x->name, y->name);
    return k ? k : (x->r > y->r) - (x->r < y->r);
}

/* Sorts the n rows of s->topics in rows[] by initial and name; initial[r] = the initial. */
static void sort_by_initial(const lit_stats *s, size_t *rows, size_t n, int *initial)
{
    lettered *l = lit_xmalloc((n + 1) * sizeof *l);
    for (size_t i = 0; i < n; i++) {
        const char *name = s->topics[rows[i]].name;
        utf8proc_uint8_t *folded = NULL;
        if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded, UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE |
                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
            folded = (utf8proc_uint8_t *)lit_xstrdup(name);   /* not UTF-8: as written */
        initial[rows[i]] = initial_of(name);
        l[i] = (lettered){initial[rows[i]], (char *)folded, name, rows[i]};
    }
    qsort(l, n, sizeof *l, cmp_lettered);
    for (size_t i = 0; i < n; i++) {
        rows[i] = l[i].r;
        free(l[i].folded);
    }
    free(l);
}

/* ---- topics: one row per topic, its systems as citations ---- */

static void table_topics(ctx *c)
{
    const lit_stats *s = c->s;
    const lit_catalog *cat = &c->db->cat;
    bool grouped = c->o->group != LIT_LATEX_GROUP_NONE && any_parent(c);
    /* the papers of every row, one pass over the selection */
    size_t n = s->n_topics;
    size_t *cnt = lit_xcalloc(n + 1, sizeof *cnt), *start = lit_xcalloc(n + 2, sizeof *start);
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[s->sel[i]];
        for (uint32_t k = 0; k < p->n_topics; k++) {
            int32_t r = new_row(c, p, k);
            if (r >= 0) cnt[r]++;
        }
    }
    for (size_t r = 0; r < n; r++) start[r + 1] = start[r] + cnt[r];
    item *items = lit_xmalloc((start[n] + 1) * sizeof *items);
    memset(cnt, 0, (n + 1) * sizeof *cnt);
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[s->sel[i]];
        for (uint32_t k = 0; k < p->n_topics; k++) {
            int32_t r = new_row(c, p, k);
            if (r >= 0) items[start[r] + cnt[r]++] = lit_lx_make_item(c, s->sel[i], 0);
        }
    }

    /* the rows shown (--top: the largest topics) in table order; past a page of rows a
     * flat list (or the topics a taxonomy with parents does not know) by name under
     * initial letters, so that a reader finds a topic among thousands of keywords */
    unsigned char *shown = lit_xmalloc(n + 1);
    if (c->o->top && c->o->top < n) lit_lx_keep_largest(c, shown, c->o->top);
    else memset(shown, 1, n + 1);
    size_t *order = lit_lx_ordered_rows(c, grouped), m = 0, tail = 0;
    for (size_t i = 0; i < n; i++)
        if (shown[order[i]]) order[m++] = order[i];
    while (grouped && tail < m && c->row_tax[order[tail]] >= 0) tail++;
    bool letters = m - tail > FLOAT_MAX_ROWS;
    int *initial = lit_xcalloc(n + 1, sizeof *initial);
    if (letters) {
        sort_by_initial(s, order + tail, m - tail, initial);
        char t[32];
        if (!c->o->top)
            lit_warn(c->d, NULL, 0, 0, "the topics table lists %s topics%s by name under their initial letters "
                     "(more than %d); --top N keeps the N with the most papers", lit_num_str(t, m - tail),
                     grouped ? " outside the taxonomy" : " without a parent", FLOAT_MAX_ROWS);
    }

    /* each row's first systems in order, and the lines they take, to choose between a
     * float and a table across pages */
    size_t lines = 3;
    for (size_t i = 0; i < m; i++) {
        size_t r = order[i];
        item *it = items + start[r];
        size_t k_all = start[r + 1] - start[r], show = k_all, chars = 0;
        if (c->o->max_cites && k_all > c->o->max_cites) {
            show = c->o->max_cites;
            c->n_clipped++;
        }
        first_sorted(it, k_all, show);
        cnt[r] = show;
        for (size_t k = 0; k < show; k++) {
            lit_buf_reset(&c->scratch);
            paper_name(&c->scratch, &cat->papers[it[k].pi], true);
            chars += c->scratch.len + strlen(it[k].key) + 5;  /* "Name [key], " */
        }
        lines += 1 + chars / SYSTEMS_LINE_CHARS;
    }
    bool longt = lit_lx_too_long(c, m, lines, "topics");
    lit_buf note = LIT_BUF_INIT;
    if (m < n) {
        char a[32], b2[32], t[32];
        size_t covered = lit_lx_papers_covered(c, shown);
        lit_buf_printf(&note, "The %zu topics with the most papers are shown, of %s, covering %s of %s papers "
                       "(%d\\%%); \\texttt{litsurvey latex topics -{}-top N} shows more.", m, lit_num_str(t, n),
                       lit_num_str(a, covered), lit_num_str(b2, s->n_papers), lit_lx_percent(covered, s->n_papers));
        lit_warn(c->d, NULL, 0, 0, "the topics table shows the %zu of %s topics with the most papers (--top)", m, t);
    }

    c->pkgs |= PKG_ARRAY;
    static const char head[] = "Topic & Systems & Papers\\\\\n";
    if (longt)
        lit_lx_longtable_open(c, "@{}" RAGGED "p{0.25\\linewidth}" RAGGED "p{\\dimexpr0.75\\linewidth-3.5em-4\\tabcolsep\\relax}"
                       ">{\\raggedleft\\arraybackslash}p{3.5em}@{}", 3, head, "Surveyed systems by topic.", "topics");
    else {
        c->pkgs |= PKG_TABULARX;
        lit_lx_float_open(c);
        lit_lx_caption(c, "Surveyed systems by topic.", "topics");
        lit_buf_printf(c->b, "\n\\begin{tabularx}{\\linewidth}{@{}" RAGGED "p{0.25\\linewidth}" RAGGED "Xr@{}}\n"
                       "\\toprule\n%s\\midrule\n", head);
    }
    long last_group = -1;
    for (size_t i = 0; i < m; i++) {
        size_t r = order[i];
        bool root = lit_lx_row_is_root(c, r), by_letter = letters && i >= tail;
        if (by_letter) {
            if (i == tail || initial[r] != initial[order[i - 1]]) {
                char label[8];
                if (initial[r] <= 'Z') snprintf(label, sizeof label, "%c", initial[r]);
                else snprintf(label, sizeof label, "Other");
                lit_lx_group_heading(c, 3, label, i == 0);
            }
        } else if (grouped) {
            long g = lit_lx_group_rank(c, r);
            if (g != last_group && !root) lit_lx_group_heading(c, 3, lit_lx_group_label(c, r), last_group == -1);
            else if (g != last_group && last_group != -1) lit_buf_adds(c->b, "\\addlinespace\n");
            last_group = g;
        }
        if (grouped && !root && !by_letter) lit_buf_adds(c->b, "\\setlength{\\leftskip}{1em}");  /* wrapped lines too */
        if (grouped && root && !by_letter) lit_buf_adds(c->b, "\\textbf{");
        size_t start_label = c->b->len;
        lit_lx_text(c, s->topics[r].name, NULL, "a topic label");
        word_breaks(c->b, start_label);
        if (grouped && root && !by_letter) lit_buf_adds(c->b, "}");
        lit_buf_adds(c->b, " & ");
        item *it = items + start[r];
        size_t k_all = start[r + 1] - start[r], show = cnt[r];
        for (size_t k = 0; k < show; k++) {
            /* a long list goes on in the next row: the table may break between them */
            if (k == CITES_PER_ROW) lit_buf_printf(c->b, ", & %zu\\\\\n & ", s->topics[r].count);
            else if (k % CITES_PER_ROW == 0 && k) lit_buf_adds(c->b, ", &\\\\\n & ");
            else if (k) lit_buf_adds(c->b, ", ");
            lit_lx_entry(c, &cat->papers[it[k].pi], false);
        }
        if (show < k_all) lit_buf_printf(c->b, ", and %zu more", k_all - show);
        if (show > CITES_PER_ROW) lit_buf_adds(c->b, " &\\\\\n");
        else lit_buf_printf(c->b, " & %zu\\\\\n", s->topics[r].count);
    }
    lit_lx_table_close(c, longt, false, "tabularx", &note);
    lit_buf_free(&note);
    free(initial);
    free(shown);
    char clipped[32];
    if (c->n_clipped)
        lit_warn(c->d, NULL, 0, 0, "listed at most %zu systems in each of %s topic%s and counted the rest "
                 "as 'and N more' (--max-cites 0 lists all)", c->o->max_cites, lit_num_str(clipped, c->n_clipped),
                 c->n_clipped == 1 ? "" : "s");
    free(order);
    free(items);
    free(cnt);
    free(start);
}

/* ---- catalog: every paper, a longtable across pages ---- */

static void table_catalog(ctx *c)
{
    const lit_stats *s = c->s;
    const lit_catalog *cat = &c->db->cat;
    lit_latex_group g = c->o->group;
    /* past a page, headings by year: a reader finds their way in hundreds of pages */
    if (g == LIT_LATEX_GROUP_DEFAULT) g = s->n_papers > FLOAT_MAX_ROWS ? LIT_LATEX_GROUP_YEAR : LIT_LATEX_GROUP_NONE;
    size_t *cols = lit_lx_ordered_rows(c, g == LIT_LATEX_GROUP_PARENT);
    size_t nt = s->n_topics;
    long *rank = lit_xmalloc((nt + 1) * sizeof *rank);
    for (size_t k = 0; k < nt; k++) rank[cols[k]] = (long)k;
    item *rows = lit_xmalloc((s->n_papers + 1) * sizeof *rows);
    for (size_t i = 0; i < s->n_papers; i++) {
        int r = first_row(c, &cat->papers[s->sel[i]]);
        long grp = 0;
        if (g == LIT_LATEX_GROUP_PARENT) grp = r >= 0 ? lit_lx_group_rank(c, (size_t)r) : LONG_MAX;
        else if (g == LIT_LATEX_GROUP_TOPIC) grp = r >= 0 ? rank[r] : LONG_MAX;
        else if (g == LIT_LATEX_GROUP_YEAR) grp = cat->papers[s->sel[i]].year ? cat->papers[s->sel[i]].year : LONG_MAX;
        rows[i] = lit_lx_make_item(c, s->sel[i], grp);
    }
    qsort(rows, s->n_papers, sizeof *rows, lit_lx_cmp_item);

    c->pkgs |= PKG_ARRAY;
    lit_buf_adds(c->b, "\\begingroup\n\\setlength{\\tabcolsep}{4pt}\n");
    /* every width fixed, so that a long venue name wraps rather than widen the table */
    lit_lx_longtable_open(c, "@{}" RAGGED "p{0.21\\linewidth}" RAGGED "p{0.46\\linewidth}"
                   RAGGED "p{\\dimexpr0.33\\linewidth-2.2em-6\\tabcolsep\\relax}>{\\raggedleft\\arraybackslash}p{2.2em}@{}", 4,
                   "System & Title & Venue & Year\\\\\n", "Catalog of the surveyed papers.", "catalog");
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[rows[i].pi];
        if (g != LIT_LATEX_GROUP_NONE && (i == 0 || rows[i].group != rows[i - 1].group)) {
            int r = first_row(c, p);
            char year[16];
            snprintf(year, sizeof year, "%d", p->year);
            const char *label = g == LIT_LATEX_GROUP_YEAR ? (p->year ? year : "No year")
                              : r < 0 ? "No topic"
                              : g == LIT_LATEX_GROUP_PARENT ? lit_lx_group_label(c, (size_t)r) : s->topics[r].name;
            lit_lx_group_heading(c, 4, label, i == 0);
        }
        /* the title is in the next column: a paper without a system name shows only its citation */
        if (p->short_name && *p->short_name) lit_lx_entry(c, p, true);
        else cite(c, p);
        lit_buf_adds(c->b, " & ");
        lit_buf_reset(&c->scratch);
        if (c->o->links) lit_paper_url(&c->scratch, p);
        if (c->scratch.len) {
            c->pkgs |= PKG_HYPERREF;
            lit_buf_adds(c->b, "\\href{");
            lit_tex_url(c->b, c->scratch.data);
            lit_buf_adds(c->b, "}{");
        }
        lit_lx_text(c, p->title ? p->title : "", p, "title");
        if (c->scratch.len) lit_buf_addc(c->b, '}');
        if (p->n_authors) {   /* who wrote it, under the title: "Narayanan et al." */
            lit_buf_reset(&c->scratch);
            lit_authors_short(p, &c->scratch);
            lit_buf_adds(c->b, "\\newline{\\footnotesize ");
            lit_lx_text(c, lit_buf_str(&c->scratch), p, "authors");
            lit_buf_addc(c->b, '}');
        }
        lit_buf_adds(c->b, " & ");
        if (p->venue >= 0) lit_lx_text(c, c->venue_id[p->venue], p, "venue");
        lit_buf_adds(c->b, " & ");
        if (p->year) add_num(c->b, (size_t)p->year);
        lit_buf_adds(c->b, "\\\\\n");
    }
    lit_buf_adds(c->b, "\\end{longtable}\n\\endgroup\n");
    free(rows);
    free(rank);
    free(cols);
}

/* ---- the document around the table ---- */

static void package_lines(lit_buf *out, unsigned pkgs, unsigned needs, const char *prefix)
{
    if (needs & LIT_TEX_NEED_T1) lit_buf_printf(out, "%s\\usepackage[T1]{fontenc}\n", prefix);
    if (needs & LIT_TEX_NEED_TS1) lit_buf_printf(out, "%s\\usepackage{textcomp}\n", prefix);
    lit_buf_printf(out, "%s\\usepackage{", prefix);
    bool first = true;
    for (size_t i = 0; i < sizeof pkg_names / sizeof *pkg_names; i++)
        if (pkgs & (1u << i)) {
            lit_buf_printf(out, "%s%s", first ? "" : ",", pkg_names[i]);
            first = false;
        }
    lit_buf_adds(out, "}\n");
}

/* A \bibliography argument: the .bib name without its extension, plain characters only. */
static int bib_name(lit_buf *out, const char *bib, lit_diag *d)
{
    size_t n = strlen(bib);
    if (n > 4 && strcmp(bib + n - 4, ".bib") == 0) n -= 4;
    for (size_t i = 0; i < n; i++) {
        char ch = bib[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              strchr("-_./", ch)))
            return lit_error(d, NULL, 0, 0, "bib file name '%s' must be letters, digits and -_./ only", bib);
    }
    if (n == 0) return lit_error(d, NULL, 0, 0, "empty bib file name");
    lit_buf_add(out, bib, n);
    return 0;
}

/* The table into body, what goes before it into out, what follows into tail: the writer
 * sends the three to the file without joining them (a million-row body is not copied). */
static int render_parts(lit_buf *out, lit_buf *body_out, lit_buf *tail, const char *table, const lit_stats *s,
                        const lit_latex_opts *o, lit_diag *d)
{
    int t = table_index(table);
    if (t < 0) return lit_error(d, NULL, 0, 0, "unknown table '%s' (topics, venue-year, taxonomy, catalog)",
                                table ? table : "");
    lit_latex_opts dflt;
    if (!o) { lit_latex_opts_init(&dflt); o = &dflt; }
    if (o->label && !lit_tex_key_ok(o->label))
        return lit_error(d, NULL, 0, 0, "invalid label '%s' (no space , { } \" ' %% # ~ \\ or ^^)", o->label);
    if (o->cite_cmd && !lit_latex_cite_ok(o->cite_cmd))
        return lit_error(d, NULL, 0, 0, "citation command '%s' must be letters only", o->cite_cmd);
    if (!lit_latex_group_ok(table, o->group))
        return lit_error(d, NULL, 0, 0, "table '%s' cannot be grouped that way", table);
    lit_buf bib = LIT_BUF_INIT;
    const char *cmd = o->cite_cmd ? o->cite_cmd : "cite";
    bool natbib = strcmp(cmd, "cite") != 0 && strncmp(cmd, "cite", 4) == 0;  /* citep, citet, ... */
    if (o->standalone && o->n_bibs && strcmp(cmd, "cite") != 0 && !natbib)
        return lit_error(d, NULL, 0, 0, "a standalone document with --bib cites with \\cite or natbib's "
                         "\\cite... commands; '\\%s' needs biblatex: use the fragment", cmd);
    for (size_t i = 0; o->standalone && i < o->n_bibs; i++) {
        if (i) lit_buf_addc(&bib, ',');
        if (bib_name(&bib, o->bibs[i], d) != 0) { lit_buf_free(&bib); return -1; }
    }
    /* the papers the user's files lack, as a .bib the document writes when it compiles */
    lit_buf extra = LIT_BUF_INIT;
    if (bib.len && o->cites && lit_citemap_n_missing(o->cites)) {
        const char *name = o->extra_bib ? o->extra_bib : "litsurvey-extra";
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len);
        int wrc = mem ? lit_citemap_write_missing(o->cites, mem, d) : -1;
        if (mem) fclose(mem);
        if (wrc == 0) {
            lit_buf_printf(&extra, "%% The papers %s lacks, for \\bibliography (written when this compiles):\n"
                           "\\begin{filecontents*}[overwrite]{%s.bib}\n", o->bibs[0], name);
            lit_buf_add(&extra, text, len);
            lit_buf_adds(&extra, "\\end{filecontents*}\n");
            lit_buf_printf(&bib, ",%s", name);
        }
        free(text);
        if (wrc != 0) { lit_buf_free(&bib); lit_buf_free(&extra); return -1; }
    }

    ctx c = {s, s->db, o, d, body_out, PKG_BOOKTABS, 0, NULL, NULL, NULL, 0, NULL, LIT_BUF_INIT};
    c.warned = lit_xcalloc(s->db->cat.n_papers + 1, 1);
    const lit_strtab *cv = &s->db->cat.venues;
    c.venue_id = lit_xcalloc(cv->n + 1, sizeof *c.venue_id);
    for (size_t i = 0; i < cv->n; i++) {
        const lit_venue *ve = lit_venues_find(&s->db->venues, cv->names[i]);
        c.venue_id[i] = ve ? ve->id : cv->names[i];
    }
    map_topics(&c);
    switch (t) {
    case T_TOPICS: table_topics(&c); break;
    case T_VENUE_YEAR: lit_lx_table_venue_year(&c); break;
    case T_TAXONOMY: lit_lx_table_taxonomy(&c); break;
    default: table_catalog(&c); break;
    }

    if (!o->standalone) {
        lit_buf_printf(out, "%% litsurvey latex %s: %zu paper%s. For \\input; the preamble needs:\n",
                       table, s->n_papers, s->n_papers == 1 ? "" : "s");
        package_lines(out, c.pkgs, c.needs, "%   ");
        if (strcmp(cmd, "cite") != 0)
            lit_buf_printf(out, "%% Citations are \\%s{KEY}%s.\n", cmd, natbib ? " (natbib)" : "");
        if (o->cites) {
            lit_buf files = LIT_BUF_INIT;
            lit_citemap_files(o->cites, &files);
            lit_buf_printf(out, "%% Citations use the keys of %s where it holds the paper (%zu), else the catalog "
                           "keys (%zu):\n%% `litsurvey bib", lit_buf_str(&files), lit_citemap_n_found(o->cites),
                           lit_citemap_n_missing(o->cites));
            lit_citemap_options(o->cites, out);
            lit_buf_adds(out, " -o extra.bib` writes those.\n");
            lit_buf_free(&files);
        } else
            lit_buf_adds(out, "% Citations use the catalog keys: `litsurvey bib` writes the matching .bib.\n");
    } else {
        lit_buf_printf(out, "%% litsurvey latex %s --standalone: %zu paper%s.\n", table, s->n_papers,
                       s->n_papers == 1 ? "" : "s");
        lit_buf_add(out, lit_buf_str(&extra), extra.len);
        lit_buf_adds(out, "\\documentclass[a4paper]{article}\n");
        if (bib.len && natbib) lit_buf_adds(out, "\\usepackage[numbers]{natbib}\n");
        /* T1 in Latin Modern always: vector fonts, not the bitmap EC fonts that OT1
         * symbols such as \textbraceleft fall back to */
        package_lines(out, c.pkgs, c.needs | LIT_TEX_NEED_T1, "");
        lit_buf_adds(out, "\\usepackage{lmodern}\n");
        lit_buf_adds(out, "\\usepackage[margin=2cm]{geometry}\n");
        if (!bib.len) {
            lit_buf_adds(out, "% No .bib given (--bib): each citation prints its key.\n");
            if (strcmp(cmd, "cite") != 0) lit_buf_printf(out, "\\providecommand{\\%s}{}\n", cmd);
            /* a long key may break between any two characters rather than overflow its cell */
            lit_buf_adds(out, "\\usepackage{xurl}\n");
            lit_buf_printf(out, "\\renewcommand{\\%s}[1]{\\unskip\\unpenalty\\ "
                                "[\\expandafter\\path\\expandafter{\\detokenize{#1}}]}\n", cmd);
        }
        lit_buf_adds(out, "\\begin{document}\n");
        /* the table's float first, then the references */
        if (bib.len)
            lit_buf_printf(tail, "\\clearpage\n\\bibliographystyle{%s}\n\\bibliography{%s}\n",
                           natbib ? "plainnat" : "plain", bib.data);
        lit_buf_adds(tail, "\\end{document}\n");
    }
    lit_buf_free(&bib);
    lit_buf_free(&extra);
    free(c.warned);
    free(c.venue_id);
    lit_buf_free(&c.scratch);
    free(c.row_of);
    free(c.row_tax);
    return 0;
}

int lit_latex_render(lit_buf *out, const char *table, const lit_stats *s, const lit_latex_opts *o,
                     lit_diag *d)
{
    lit_buf body = LIT_BUF_INIT, tail = LIT_BUF_INIT;
    int rc = render_parts(out, &body, &tail, table, s, o, d);
    if (rc == 0) {
        lit_buf_add(out, lit_buf_str(&body), body.len);
        lit_buf_add(out, lit_buf_str(&tail), tail.len);
    }
    lit_buf_free(&body);
    lit_buf_free(&tail);
    return rc;
}

int lit_latex_write(const char *table, const lit_stats *s, const lit_latex_opts *o, const char *path,
                    lit_diag *d)
{
    lit_buf head = LIT_BUF_INIT, body = LIT_BUF_INIT, tail = LIT_BUF_INIT;
    int rc = render_parts(&head, &body, &tail, table, s, o, d);
    lit_outfile f;
    if (rc == 0) rc = lit_outfile_open(&f, path ? path : "-", d);
    if (rc == 0) {
        const lit_buf *part[] = {&head, &body, &tail};
        for (int i = 0; rc == 0 && i < 3; i++)
            if (part[i]->len && fwrite(part[i]->data, 1, part[i]->len, f.fp) != part[i]->len)
                rc = lit_io_error(d, lit_outfile_name(&f), "cannot write: %s", strerror(errno));
        if (rc == 0) rc = lit_outfile_commit(&f, d);
        else lit_outfile_abort(&f);
    }
    lit_buf_free(&head);
    lit_buf_free(&body);
    lit_buf_free(&tail);
    return rc;
}
