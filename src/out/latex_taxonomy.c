/* latex_taxonomy.c - the taxonomy table: papers against topics (or facets), with check marks. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "latex_priv.h"
#include "latex_text.h"

/* ---- taxonomy: systems x topics with check marks ---- */

/* A column's label: the taxonomy's short label when it has one (charts use it too). */
static const char *col_label(const ctx *c, size_t r)
{
    const lit_count *t = &c->s->topics[r];
    return t->short_name && *t->short_name ? t->short_name : t->name;
}

/* One row per paper, one check column per topic. The columns are grouped by root topic
 * (a group's root in bold, a gap around groups of several columns) under one header row
 * of the topics' short labels: flat when they all fit across the text, else turned 90
 * degrees, which keeps a column as narrow as its check mark. Each row names the paper
 * by its system name or, without one, its whole title (never a cut one) in a column that
 * takes the width the checks leave. More topics than fit across the text: one column
 * per root topic when the roots fit, else the topics with the most papers (--top N
 * chooses how many); the rows are then the papers with a check, and a note says so. */

/* Type size in points for n check columns, and whether n turned columns (1.1em and
 * 2pt of separation each) leave 50pt for the names in a 345pt column. */
static double tax_pt(size_t n) { return n <= 16 ? 9 : n <= 24 ? 8 : 7; }
static bool tax_fits(size_t n) { return 1.1 * (double)n * tax_pt(n) + (double)n * 2 + 50 <= 345; }

/* The taxonomy's columns: a label, a group (the gaps fall between groups), and for each
 * row of s->topics the column its checks go to (NONE: not shown). */
#define NONE SIZE_MAX
typedef struct taxcols {
    size_t n;
    const char **label;
    long *group;
    bool *bold;
    size_t *of_row;
    bool facets;              /* the columns are values of the user's facets, not topics */
    const char **field, **value;   /* facets: column k checks papers whose field has value
                                      (NULL value: a field that is true) */
} taxcols;

static void taxcols_init(taxcols *tc, size_t nt)
{
    tc->n = 0;
    tc->label = lit_xmalloc((nt + 1) * sizeof *tc->label);
    tc->group = lit_xmalloc((nt + 1) * sizeof *tc->group);
    tc->bold = lit_xmalloc((nt + 1) * sizeof *tc->bold);
    tc->of_row = lit_xmalloc((nt + 1) * sizeof *tc->of_row);
    for (size_t r = 0; r < nt; r++) tc->of_row[r] = NONE;
    tc->facets = false;
    tc->field = tc->value = NULL;
}

static void taxcols_free(taxcols *tc)
{
    free(tc->label);
    free(tc->group);
    free(tc->bold);
    free(tc->of_row);
    free(tc->field);
    free(tc->value);
}

/* ---- facets: the user's own fields of the papers as columns ---- */

static bool is_true(const char *v)
{
    return !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "y") || !strcasecmp(v, "x");
}
static bool is_false(const char *v)
{
    return !*v || !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "n") || !strcmp(v, "-");
}

/* The values of paper p's field f: a scalar is one, a list its items; none when absent. */
static const lit_node *facet_values(const lit_paper *p, const char *f, size_t *n)
{
    for (uint32_t k = 0; k < p->n_extras; k++) {
        const lit_extra *e = &p->extras[k];
        if (strcmp(e->key, f) != 0) continue;
        *n = e->value.kind == LIT_NODE_SEQ ? e->value.n : e->value.kind == LIT_NODE_SCALAR;
        return e->value.kind == LIT_NODE_SEQ ? e->value.items : &e->value;
    }
    *n = 0;
    return NULL;
}

/* Whether paper p has value v (NULL: true) in its field f: a scalar, or an item of a list. */
static bool has_facet(const lit_paper *p, const char *f, const char *v)
{
    size_t n;
    const lit_node *items = facet_values(p, f, &n);
    for (size_t j = 0; j < n; j++) {
        const char *x = items[j].kind == LIT_NODE_SCALAR && items[j].str ? items[j].str : NULL;
        if (x && (v ? !is_true(x) && !is_false(x) && strcmp(x, v) == 0 : is_true(x))) return true;
    }
    return false;
}

static int cmp_str(const void *a, const void *b) { return strcasecmp(*(const char *const *)a, *(const char *const *)b); }

/* One column per value of each facet among the selected papers (a true/false field: one
 * column, its name), values in alphabetical order, a group per facet. */
static void facet_columns(ctx *c, taxcols *tc)
{
    const lit_catalog *cat = &c->db->cat;
    size_t cap = 0;
    tc->facets = true;
    for (size_t f = 0; f < c->o->n_facets; f++) {
        const char *field = c->o->facets[f];
        const char **vals = NULL;
        size_t nv = 0, capv = 0;
        bool any_true = false;
        for (size_t i = 0; i < c->s->n_papers; i++) {
            size_t n;
            const lit_node *items = facet_values(&cat->papers[c->s->sel[i]], field, &n);
            for (size_t j = 0; j < n; j++) {
                const char *x = items[j].kind == LIT_NODE_SCALAR && items[j].str ? items[j].str : NULL;
                if (!x || is_false(x)) continue;
                if (is_true(x)) { any_true = true; continue; }
                size_t q = 0;
                while (q < nv && strcmp(vals[q], x) != 0) q++;
                if (q < nv) continue;
                LIT_GROW(vals, capv, nv + 1);
                vals[nv++] = x;
            }
        }
        if (nv) qsort(vals, nv, sizeof *vals, cmp_str);
        size_t need = tc->n + nv + any_true + 1;
        if (need > cap) {
            cap = need * 2;
            tc->label = lit_xrealloc(tc->label, cap * sizeof *tc->label);
            tc->group = lit_xrealloc(tc->group, cap * sizeof *tc->group);
            tc->bold = lit_xrealloc(tc->bold, cap * sizeof *tc->bold);
            tc->field = lit_xrealloc(tc->field, cap * sizeof *tc->field);
            tc->value = lit_xrealloc(tc->value, cap * sizeof *tc->value);
        }
        for (size_t q = 0; q < nv + any_true; q++) {
            const char *v = q < (size_t)any_true ? NULL : vals[q - any_true];
            tc->label[tc->n] = v ? v : field;
            tc->group[tc->n] = (long)f;
            tc->bold[tc->n] = false;
            tc->field[tc->n] = field;
            tc->value[tc->n] = v;
            tc->n++;
        }
        if (!nv && !any_true)
            lit_warn(c->d, NULL, 0, 0, "no selected paper has the facet '%s' (a field of its entry): no column for it", field);
        free(vals);
    }
}

/* The checks of paper p, one per column. */
static void marks_of(const ctx *c, const taxcols *tc, const lit_paper *p, unsigned char *mark)
{
    memset(mark, 0, tc->n + 1);
    if (tc->facets) {
        for (size_t k = 0; k < tc->n; k++) mark[k] = has_facet(p, tc->field[k], tc->value[k]);
        return;
    }
    for (uint32_t k = 0; k < p->n_topics; k++) {
        int32_t r = p->topics[k] >= 0 ? c->row_of[p->topics[k]] : -1;
        if (r >= 0 && tc->of_row[r] != NONE) mark[tc->of_row[r]] = 1;
    }
}

/* The columns, and into note what the table leaves out. */
static void taxonomy_columns(ctx *c, taxcols *tc, lit_buf *note)
{
    const lit_stats *s = c->s;
    size_t nt = s->n_topics, fit = 0, n_roots = 0;
    while (fit < nt && tax_fits(fit + 1)) fit++;
    size_t *order = lit_lx_ordered_rows(c, true);
    for (size_t k = 0; k < nt; k++) n_roots += k == 0 || lit_lx_group_rank(c, order[k]) != lit_lx_group_rank(c, order[k - 1]);
    char a[32], b[32];
    taxcols_init(tc, nt);
    if (c->o->top ? nt > c->o->top : nt > fit && n_roots > fit) {
        /* the largest topics, in taxonomy order */
        size_t n = c->o->top ? c->o->top : fit;
        unsigned char *keep = lit_xmalloc(nt + 1);
        lit_lx_keep_largest(c, keep, n);
        for (size_t k = 0; k < nt; k++) {
            size_t r = order[k];
            if (!keep[r]) continue;
            tc->label[tc->n] = col_label(c, r);
            tc->group[tc->n] = lit_lx_group_rank(c, r);
            tc->of_row[r] = tc->n++;
        }
        free(keep);
        lit_buf_printf(note, "%zu of %s topics shown (the largest)", tc->n, lit_num_str(a, nt));
        lit_warn(c->d, NULL, 0, 0, "the taxonomy has %s topics, more than %s: it shows the %zu with the most "
                 "papers (--top N or --topic chooses others)", a,
                 c->o->top ? "--top asks for" : "fit across a 345pt column", tc->n);
    } else if (nt > fit) {
        /* one column per root: a check for a topic anywhere under it */
        for (size_t k = 0; k < nt; k++) {
            size_t r = order[k];
            if (k == 0 || lit_lx_group_rank(c, r) != lit_lx_group_rank(c, order[k - 1])) {
                int t = c->row_tax[r];
                const lit_topic *root = t >= 0 ? &c->db->topics.t[lit_lx_root_of(&c->db->topics, t)] : NULL;
                tc->label[tc->n] = !root ? col_label(c, r) : root->short_label && *root->short_label
                                 ? root->short_label : root->label;
                tc->group[tc->n] = (long)tc->n;
                tc->n++;
            }
            tc->of_row[r] = tc->n - 1;
        }
        lit_buf_printf(note, "The %s topics are shown as their %zu root topics: a check means a topic "
                       "under that root", lit_num_str(a, nt), tc->n);
        lit_warn(c->d, NULL, 0, 0, "the taxonomy has %s topics, more than fit across a 345pt column: it shows "
                 "one column per root topic (--top N shows the largest topics instead)", a);
    } else {
        for (size_t k = 0; k < nt; k++) {
            size_t r = order[k];
            tc->label[k] = col_label(c, r);
            tc->group[k] = lit_lx_group_rank(c, r);
            tc->of_row[r] = k;
        }
        tc->n = nt;
    }
    /* a group's root is bold when its children follow it */
    for (size_t k = 0; k < tc->n; k++) tc->bold[k] = false;
    for (size_t k = 0; k + 1 < nt; k++) {
        size_t r = order[k], next = order[k + 1];
        if (tc->of_row[r] != NONE && tc->of_row[next] == tc->of_row[r] + 1 && lit_lx_row_is_root(c, r) &&
            !lit_lx_row_is_root(c, next))
            tc->bold[tc->of_row[r]] = true;
    }
    if (note->len) {
        unsigned char *shown = lit_xmalloc(nt + 1);
        for (size_t r = 0; r < nt; r++) shown[r] = tc->of_row[r] != NONE;
        size_t covered = lit_lx_papers_covered(c, shown);
        free(shown);
        lit_buf_printf(note, ", covering %s of %s papers (%d\\%%); \\texttt{litsurvey latex taxonomy -{}-top N} "
                       "or \\texttt{-{}-topic} chooses others.", lit_num_str(a, covered), lit_num_str(b, s->n_papers),
                       lit_lx_percent(covered, s->n_papers));
    }
    free(order);
}

/* The first topic of a paper that has a column, as its row of s->topics, or -1. */
static int first_shown(const ctx *c, const taxcols *tc, const lit_paper *p)
{
    for (uint32_t k = 0; k < p->n_topics; k++) {
        int32_t r = p->topics[k] >= 0 ? c->row_of[p->topics[k]] : -1;
        if (r >= 0 && (tc->facets || tc->of_row[r] != NONE)) return r;
    }
    return -1;
}

/* No table: a comment in the fragment and a warning say why. */
static void omitted(ctx *c, const char *why)
{
    lit_buf_printf(c->b, "%% The taxonomy is omitted: %s.\n", why);
    lit_warn(c->d, NULL, 0, 0, "the taxonomy is omitted: %s", why);
}

/* ---- topics x venue kind (or year band): counts, when checks would say nothing ---- */

#define YEAR_BANDS 5

static const char *const kind_labels[] = {"Conference", "Journal", "Workshop", "Preprint", "Other", "Unknown"};
enum { KIND_UNKNOWN = LIT_VENUE_OTHER + 1, N_KINDS };

static int paper_kind(const ctx *c, const lit_paper *p)
{
    if (p->venue < 0) return p->arxiv ? LIT_VENUE_PREPRINT : KIND_UNKNOWN;
    const lit_venue *v = lit_venues_find(&c->db->venues, lit_catalog_venue(&c->db->cat, p->venue));
    return v ? (int)v->kind : KIND_UNKNOWN;
}

/* Rows: the topics in taxonomy order; columns: the venue kinds the papers have when
 * there are two or more, else bands of years (up to YEAR_BANDS, and "No year"); each
 * cell the papers of the topic in that column. */
static void crosstab(ctx *c, size_t multi)
{
    const lit_stats *s = c->s;
    const lit_catalog *cat = &c->db->cat;
    size_t nt = s->n_topics;
    size_t kind_n[N_KINDS] = {0}, n_kinds = 0;
    int ymin = 0, ymax = 0;   /* of the papers with a topic: the ones the rows count */
    bool no_year = false;
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[s->sel[i]];
        bool any = false;
        for (uint32_t k = 0; k < p->n_topics && !any; k++) any = p->topics[k] >= 0 && c->row_of[p->topics[k]] >= 0;
        if (!any) continue;
        kind_n[paper_kind(c, p)]++;
        if (!p->year) no_year = true;
        else {
            if (!ymin || p->year < ymin) ymin = p->year;
            if (p->year > ymax) ymax = p->year;
        }
    }
    for (int k = 0; k < N_KINDS; k++) n_kinds += kind_n[k] > 0;
    bool by_kind = n_kinds > 1;
    int y0 = ymin, width = 1, n_bands = 0;
    if (!by_kind && ymin) {
        int span = ymax - ymin + 1;
        width = (span + YEAR_BANDS - 1) / YEAR_BANDS;
        n_bands = (span + width - 1) / width;
    }
    size_t ncol = by_kind ? N_KINDS : (size_t)n_bands + no_year;
    if (!by_kind && n_bands + no_year < 2) {
        omitted(c, "nearly every paper is under one topic (a check matrix would say nothing), and the papers have "
                   "one venue kind and one year; --facets F names fields of the papers to compare them by");
        return;
    }
    /* counts[row * ncol + col] */
    size_t *count = lit_xcalloc(nt * ncol + 1, sizeof *count), *col_total = lit_xcalloc(ncol + 1, sizeof *col_total);
    unsigned char *seen = lit_xcalloc(nt + 1, 1);
    size_t with_topic = 0;
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[s->sel[i]];
        size_t col = by_kind ? (size_t)paper_kind(c, p) : p->year && ymin ? (size_t)((p->year - y0) / width) : (size_t)n_bands;
        bool any = false;
        for (uint32_t k = 0; k < p->n_topics; k++) {
            int32_t r = p->topics[k] >= 0 ? c->row_of[p->topics[k]] : -1;
            if (r < 0 || seen[r]) continue;
            seen[r] = 1;
            any = true;
            count[(size_t)r * ncol + col]++;
        }
        for (uint32_t k = 0; k < p->n_topics; k++)
            if (p->topics[k] >= 0 && c->row_of[p->topics[k]] >= 0) seen[c->row_of[p->topics[k]]] = 0;
        col_total[col] += any;   /* the last row: the papers the rows count */
        with_topic += any;
    }
    free(seen);
    /* the columns shown: the kinds that occur, every band */
    const char **label = lit_xmalloc((ncol + 1) * sizeof *label);
    size_t *shown = lit_xmalloc((ncol + 1) * sizeof *shown), nshown = 0;
    char (*band)[24] = lit_xmalloc((ncol + 1) * sizeof *band);
    for (size_t k = 0; k < ncol; k++) {
        if (by_kind) {
            if (!col_total[k]) continue;
            label[nshown] = kind_labels[k];
        } else if (k < (size_t)n_bands) {
            int a = y0 + (int)k * width, b = a + width - 1 > ymax ? ymax : a + width - 1;
            if (a == b) snprintf(band[k], sizeof band[k], "%d", a);
            else snprintf(band[k], sizeof band[k], "%d--%d", a, b);
            label[nshown] = band[k];
        } else label[nshown] = "No year";
        shown[nshown++] = k;
    }
    const char *what = by_kind ? "venue kind" : "year";
    lit_buf cap = LIT_BUF_INIT, head = LIT_BUF_INIT, spec = LIT_BUF_INIT, note = LIT_BUF_INIT;
    lit_buf_printf(&cap, "Surveyed papers by topic and %s.", what);
    size_t nlines = nt + 2;
    bool longt = lit_lx_too_long(c, nt + 1, nlines, "taxonomy");
    /* the topic takes what the counts leave (tabularx), a third of the line across pages */
    lit_buf_printf(&spec, "@{}%s*{%zu}{r}r@{}", longt ? RAGGED "p{0.3\\linewidth}" : RAGGED "X", nshown);
    lit_buf *body = c->b;
    c->b = &head;
    /* more than four labels beside the topics: turned, each column as narrow as its numbers */
    bool rotate = nshown > 4;
    if (rotate) c->pkgs |= PKG_GRAPHICX;
    lit_buf_adds(&head, "Topic");
    for (size_t k = 0; k <= nshown; k++) {
        lit_buf_adds(&head, rotate ? " & \\rotatebox{90}{" : " & {");
        lit_lx_text(c, k < nshown ? label[k] : "Papers", NULL, "a column label");
        lit_buf_addc(&head, '}');
    }
    lit_buf_adds(&head, "\\\\\n");
    c->b = body;
    if (multi) {
        char a[32];
        lit_buf_printf(&note, "All papers but %s are under one topic", lit_num_str(a, multi));
    } else lit_buf_adds(&note, "Every paper is under one topic");
    lit_buf_printf(&note, ", so a check matrix would hold one mark per row: the table counts each topic's papers by "
                   "%s instead (\\texttt{-{}-facets} compares them by fields of your own).", what);
    if (with_topic < s->n_papers) {
        char a[32], b[32];
        lit_buf_printf(&note, " %s of the %s papers have no topic.", lit_num_str(a, s->n_papers - with_topic),
                       lit_num_str(b, s->n_papers));
    }
    lit_warn(c->d, NULL, 0, 0, "%s paper%s under one topic: the taxonomy counts each topic's papers by %s "
             "instead of one check per row (--facets F compares them by fields of the papers)",
             multi ? "all but a few" : "every", multi ? "s are" : " is", what);
    c->pkgs |= PKG_ARRAY;
    size_t *order = lit_lx_ordered_rows(c, true);
    if (longt) lit_lx_longtable_open(c, spec.data, nshown + 2, lit_buf_str(&head), lit_buf_str(&cap), "taxonomy");
    else {
        lit_lx_float_open(c);
        lit_lx_caption(c, lit_buf_str(&cap), "taxonomy");
        c->pkgs |= PKG_TABULARX;
        lit_buf_printf(c->b, "\n\\begin{tabularx}{\\linewidth}{%s}\n\\toprule\n%s\\midrule\n", spec.data, lit_buf_str(&head));
    }
    for (size_t i = 0; i < nt; i++) {
        size_t r = order[i];
        /* a subtopic is indented under its root's row, when the root has one */
        if (!lit_lx_row_is_root(c, r) && i && lit_lx_group_rank(c, order[i - 1]) == lit_lx_group_rank(c, r))
            lit_buf_adds(c->b, "\\hspace{1em}");
        lit_lx_text(c, s->topics[r].name, NULL, "a topic label");
        for (size_t k = 0; k < nshown; k++) {
            size_t v = count[r * ncol + shown[k]];
            if (v) lit_buf_printf(c->b, " & %zu", v);
            else lit_buf_adds(c->b, " & ");
        }
        lit_buf_printf(c->b, " & %zu\\\\\n", s->topics[r].count);
    }
    lit_buf_adds(c->b, "\\midrule\nPapers with a topic");
    for (size_t k = 0; k < nshown; k++) lit_buf_printf(c->b, " & %zu", col_total[shown[k]]);
    lit_buf_printf(c->b, " & %zu\\\\\n", with_topic);
    lit_lx_table_close(c, longt, false, "tabularx", &note);
    free(order);
    free(count);
    free(col_total);
    free(label);
    free(shown);
    free(band);
    lit_buf_free(&cap);
    lit_buf_free(&head);
    lit_buf_free(&spec);
    lit_buf_free(&note);
}

void lit_lx_table_taxonomy(ctx *c)
{
    const lit_stats *s = c->s;
    const lit_catalog *cat = &c->db->cat;
    taxcols tc;
    lit_buf note = LIT_BUF_INIT;
    if (c->o->n_facets) {
        taxcols_init(&tc, s->n_topics);
        facet_columns(c, &tc);
    } else taxonomy_columns(c, &tc, &note);
    size_t nt = tc.n;
    lit_latex_group g = c->o->group == LIT_LATEX_GROUP_DEFAULT ? LIT_LATEX_GROUP_PARENT : c->o->group;
    if (tc.facets && !nt) {
        omitted(c, "no selected paper has a value in the facets it names");
        lit_buf_free(&note);
        taxcols_free(&tc);
        return;
    }

    /* rows: selected papers with a check, grouped by the root or the column (facets:
     * the topic) of their first topic; about 30 characters of a title to a line in the
     * name column */
    item *rows = lit_xmalloc((s->n_papers + 1) * sizeof *rows);
    unsigned char *mark = lit_xmalloc(nt + 1);
    size_t nr = 0, lines = 0, one_check = 0;
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[s->sel[i]];
        marks_of(c, &tc, p, mark);
        size_t checks = 0;
        for (size_t k = 0; k < nt; k++) checks += mark[k];
        if (!checks) continue;
        one_check += checks == 1;
        int r = first_shown(c, &tc, p);
        long grp = r < 0 ? LONG_MAX : g == LIT_LATEX_GROUP_PARENT ? lit_lx_group_rank(c, (size_t)r)
                 : g == LIT_LATEX_GROUP_TOPIC ? (tc.facets ? (long)r : (long)tc.of_row[r]) : 0;
        rows[nr] = lit_lx_make_item(c, s->sel[i], grp);
        lines += 1 + strlen(rows[nr].name) / 30;
        nr++;
    }
    /* a check in exactly one column on every row, or all but one in twenty (each paper
     * under one topic, as lists of one level of headings make them) says nothing a list
     * would not: count instead */
    if (!tc.facets && nt > 1 && nr && one_check * 20 >= nr * 19) {
        free(rows);
        free(mark);
        lit_buf_free(&note);
        taxcols_free(&tc);
        crosstab(c, nr - one_check);
        return;
    }
    qsort(rows, nr, sizeof *rows, lit_lx_cmp_item);
    size_t n_groups = 0;
    for (size_t i = 0; i < nr; i++)
        if (g != LIT_LATEX_GROUP_NONE && (i == 0 || rows[i].group != rows[i - 1].group)) n_groups++;
    bool longt = lit_lx_too_long(c, nr + n_groups, lines + 2 * n_groups, "taxonomy");
    size_t ncols = nt + 1;
    c->pkgs |= PKG_AMSSYMB | PKG_ARRAY;

    /* smaller type for many topics; flat labels (a column as wide as its label, up to
     * 7em, wrapped beyond) when they fit beside a 100pt name column of a 345pt article
     * column, else turned, in columns 1.1em wide */
    double pt = tax_pt(nt);
    const char *size = pt == 9 ? "\\small\n\\setlength{\\tabcolsep}{2pt}\n"
                     : pt == 8 ? "\\footnotesize\n\\setlength{\\tabcolsep}{1.5pt}\n"
                                : "\\scriptsize\n\\setlength{\\tabcolsep}{1pt}\n";
    double *width = lit_xmalloc((nt + 1) * sizeof *width), sum = 0;
    for (size_t k = 0; k < nt; k++) {
        double w = 0.5 * (double)strlen(tc.label[k]) + 0.5;
        width[k] = w < 7 ? w : 7;
        sum += width[k];
    }
    bool rotate = sum * pt + 100 > 345;
    if (rotate) {
        c->pkgs |= PKG_GRAPHICX;
        for (size_t k = 0; k < nt; k++) width[k] = 1.1;
        sum = 1.1 * (double)nt;
        if (!tax_fits(nt))   /* --top asked for more than fit */
            lit_warn(c->d, NULL, 0, 0, "the taxonomy has %zu topic columns, more than fit across a 345pt "
                     "column: choose fewer with --top or --topic, or use a wider page", nt);
    }

    /* the column spec, with a gap at each edge of a group of several columns; the name
     * column takes what the checks leave, its last line (with the citation) on the row's
     * baseline so that the leaders run to the check marks */
    lit_buf cells = LIT_BUF_INIT, spec = LIT_BUF_INIT, head = LIT_BUF_INIT;
    size_t gaps = 0;
    for (size_t k = 0, prev = 0; k < nt;) {
        size_t e = k;
        while (e < nt && tc.group[e] == tc.group[k]) e++;
        if (k && (e - k > 1 || prev > 1)) { lit_buf_adds(&cells, "@{\\hspace{6pt}}"); gaps++; }
        for (size_t j = k; j < e; j++) {
            size_t same = 1;   /* columns of one width as one *{n}{...} */
            while (j + same < e && width[j + same] == width[j]) same++;
            lit_buf_printf(&cells, "*{%zu}{>{\\centering\\arraybackslash}p{%.2fem}}", same, width[j]);
            j += same - 1;
        }
        prev = e - k;
        k = e;
    }
    lit_buf_printf(&spec, "@{}" RAGGED "b{\\dimexpr\\linewidth-%.2fem-%zu\\tabcolsep-%zupt\\relax}%s@{}",
                   sum, 2 * (nt - gaps), 6 * gaps, lit_buf_str(&cells));

    lit_buf *body = c->b;
    c->b = &head;
    lit_buf_adds(&head, "System");
    for (size_t k = 0; k < nt; k++) {
        lit_buf_adds(&head, rotate ? " & \\rotatebox{90}{" : " & {");
        if (tc.bold[k]) lit_buf_adds(&head, "\\textbf{");
        lit_lx_text(c, tc.label[k], NULL, "a topic label");
        lit_buf_adds(&head, tc.bold[k] ? "}}" : "}");
    }
    lit_buf_adds(&head, "\\\\\n");
    c->b = body;

    if (longt) {
        lit_buf_printf(c->b, "\\begingroup\n%s", size);
        lit_lx_longtable_open(c, spec.data, ncols, lit_buf_str(&head), "Taxonomy of the surveyed systems.", "taxonomy");
    } else {
        lit_lx_float_open(c);
        lit_buf_adds(c->b, size);
        lit_lx_caption(c, "Taxonomy of the surveyed systems.", "taxonomy");
        lit_buf_printf(c->b, "\n\\begin{tabular}{%s}\n\\toprule\n%s\\midrule\n", spec.data, lit_buf_str(&head));
    }
    for (size_t i = 0; i < nr; i++) {
        const lit_paper *p = &cat->papers[rows[i].pi];
        if (g != LIT_LATEX_GROUP_NONE && (i == 0 || rows[i].group != rows[i - 1].group)) {
            int r = first_shown(c, &tc, p);
            lit_lx_group_heading(c, ncols, r < 0 ? "No topic" : g == LIT_LATEX_GROUP_PARENT
                                 ? lit_lx_group_label(c, (size_t)r) : s->topics[r].name, i == 0);
        }
        lit_lx_entry(c, p, true);
        lit_buf_adds(c->b, LEADERS);
        marks_of(c, &tc, p, mark);
        for (size_t k = 0; k < nt; k++) lit_buf_adds(c->b, mark[k] ? " & \\checkmark" : " &");
        lit_buf_adds(c->b, "\\\\\n");
    }
    lit_lx_table_close(c, longt, true, "tabular", &note);
    free(mark);
    free(width);
    lit_buf_free(&cells);
    lit_buf_free(&spec);
    lit_buf_free(&head);
    lit_buf_free(&note);
    free(rows);
    taxcols_free(&tc);
}
