/* latex_venue_year.c - the venue-year table: papers per venue and year, with totals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "latex_priv.h"
#include "latex_text.h"

/* ---- venue-year: counts with totals ---- */

static void count_cell(ctx *c, size_t v, bool zero)
{
    if (v || zero) lit_buf_printf(c->b, " & %zu", v);
    else lit_buf_adds(c->b, " &");
}

static size_t digits(size_t v)
{
    size_t n = 1;
    while (v >= 10) { v /= 10; n++; }
    return n;
}

/* Sum of a row's years from index a to b (inclusive). */
static size_t year_sum(const size_t *row, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t y = a; y <= b; y++) n += row[y];
    return n;
}

/* One row of counts: the year columns (the first one sums the years up to it), n/a when
 * shown, then the total; zero cells are empty unless zero. */
static void count_row(ctx *c, const size_t *row, const unsigned char *keep, size_t first, size_t ny,
                      bool has_noyear, size_t no_year, size_t total, bool zero)
{
    for (size_t y = first; y < ny; y++)
        if (keep[y]) count_cell(c, y == first ? year_sum(row, 0, first) : row[y], zero);
    if (has_noyear) count_cell(c, no_year, zero);
    lit_buf_printf(c->b, " & %zu\\\\\n", total);
}

/* Papers per venue (rows) and year (columns), with the papers without a year (n/a) and
 * without a venue, and totals, so that rows and columns add up. Past 7 years the year
 * labels turn; past 17 the type gets smaller and empty years go; when the columns are
 * still wider than a 345pt article column the oldest years share the first column
 * ("-2010"). Past a page of venues it is a longtable. */
void lit_lx_table_venue_year(ctx *c)
{
    const lit_stats *s = c->s;
    const lit_catalog *cat = &c->db->cat;
    size_t ny = s->n_years, nv = s->n_venues;
    /* papers with a venue but no year, and papers without a venue, so that rows add up */
    size_t *no_year = lit_xcalloc(nv + 1, sizeof *no_year);
    size_t *nov = lit_xcalloc(ny + 1, sizeof *nov), nov_noyear = 0;
    bool has_noyear = false;
    for (size_t v = 0; v < nv; v++) {
        size_t sum = year_sum(s->venue_year + v * ny, 0, ny ? ny - 1 : 0) * (ny > 0);
        no_year[v] = s->venues[v].count > sum ? s->venues[v].count - sum : 0;
        if (no_year[v]) has_noyear = true;
    }
    /* area groups in the order of s->areas (most papers first) */
    bool grouped = c->o->group == LIT_LATEX_GROUP_AREA;
    item *rows = lit_xmalloc((nv + 1) * sizeof *rows);
    const char **area = lit_xcalloc(nv + 1, sizeof *area);
    for (size_t v = 0; v < nv; v++) {
        const lit_venue *ve = lit_venues_find(&c->db->venues, s->venues[v].name);
        area[v] = ve && ve->area ? ve->area : "unknown";
        long g = 0;
        if (grouped) {
            g = (long)s->n_areas;
            for (size_t a = 0; a < s->n_areas; a++)
                if (strcmp(s->areas[a].name, area[v]) == 0) { g = (long)a; break; }
        }
        rows[v] = (item){g, (int)v + 1, "", "", (uint32_t)v};
    }
    /* past a page (or --top), the venues with the most papers (s->venues is in count
     * order) and one row that sums the others, as the venue chart does */
    size_t shown = c->o->top && c->o->top < nv ? c->o->top : nv, n_groups = 0;
    size_t *at = lit_xcalloc(nv + 2, sizeof *at);     /* at[k]: groups among the first k */
    unsigned char *seen = lit_xcalloc(s->n_areas + 2, 1);
    for (size_t k = 0; k < nv; k++) at[k + 1] = at[k] + (grouped && !seen[rows[k].group]++);
    /* a heading and its space are 2 rows; the head, the no-venue row and the total 3 or 4 */
    size_t fixed_rows = 3 + (s->n_no_venue > 0);
    if (!c->o->top && nv + 2 * at[nv] + fixed_rows > FLOAT_MAX_ROWS)
        while (shown > 0 && shown + 1 + 2 * at[shown] + fixed_rows > FLOAT_MAX_ROWS) shown--;
    /* never through a tie: the venues with as many papers as the first one summed are summed
     * too, as every chart names a tie whole or not at all */
    bool tie = false;
    while (shown > 0 && shown < nv && s->venues[shown - 1].count == s->venues[shown].count) shown--, tie = true;
    n_groups = at[shown];
    free(seen);
    free(at);
    size_t longest = 5;                               /* "Total" */
    for (size_t v = 0; v < shown; v++)
        if (strlen(s->venues[v].name) > longest) longest = strlen(s->venues[v].name);
    size_t *oth = lit_xcalloc(ny + 1, sizeof *oth), oth_noyear = 0, oth_count = 0;
    char other[64], a[32], b[32];
    snprintf(other, sizeof other, "%s other venue%s", lit_num_str(a, nv - shown), nv - shown == 1 ? "" : "s");
    for (size_t v = shown; v < nv; v++) {
        for (size_t y = 0; y < ny; y++) oth[y] += s->venue_year[v * ny + y];
        oth_noyear += no_year[v];
        oth_count += s->venues[v].count;
    }
    if (shown < nv && strlen(other) > longest) longest = strlen(other);
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &cat->papers[s->sel[i]];
        if (p->venue >= 0) continue;
        if (p->year >= s->year_min && p->year <= s->year_max && p->year) nov[p->year - s->year_min]++;
        else { nov_noyear++; has_noyear = true; }
    }
    /* a long range (one stray old year) keeps only the years that have papers */
    unsigned char *keep = lit_xmalloc(ny + 1);
    size_t ns = 0;
    for (size_t y = 0; y < ny; y++) {
        keep[y] = ny <= YEARS_SMALL || s->per_year[y] > 0;
        ns += keep[y];
    }
    bool rotate = ns > YEARS_FLAT, small = ns > YEARS_SMALL;
    /* the width of the columns at 0.5em a digit: the widest number of a column is its
     * total; the first year column takes the older years while they do not fit */
    double em = small ? 8 : 10, sep = rotate ? 3 : 4;
    double fixed = longest * 0.5 * em + digits(s->n_papers) * 0.5 * em + 2 * sep;
    if (has_noyear) fixed += (rotate ? 0.9 * em : 1.5 * em) + 2 * sep;
    size_t first = 0;
    while (ny && keep[first] == 0) first++;
    for (;;) {
        double w = fixed;
        for (size_t y = first; y < ny; y++)
            if (keep[y]) {
                size_t n = y == first ? year_sum(s->per_year, 0, first) : s->per_year[y];
                double label = rotate ? 0.9 * em : (y == first && first ? 5 : 4) * 0.5 * em;
                double num = digits(n) * 0.5 * em;
                w += (num > label ? num : label) + 2 * sep;
            }
        size_t left = 0;
        for (size_t y = first + 1; y < ny; y++) left += keep[y];
        if (w <= 345 || left < 4) break;
        do first++; while (!keep[first]);
    }
    ns = 0;
    for (size_t y = first; y < ny; y++) ns += keep[y];
    size_t ncols = 1 + ns + (has_noyear ? 1 : 0) + 1;
    if (rotate) c->pkgs |= PKG_GRAPHICX;

    /* stable: within a group keep the count order of s->venues (year field holds it) */
    qsort(rows, shown, sizeof *rows, lit_lx_cmp_item);
    bool longt = lit_lx_too_long(c, shown + (shown < nv) + 2 * n_groups + fixed_rows, 0, "venue-year");
    lit_buf note = LIT_BUF_INIT;
    if (shown < nv) {
        lit_buf_printf(&note, "The %zu venues with the most papers are shown; the %s (%s papers, %d\\%%) "
                       "are summed in one row%s; \\texttt{litsurvey latex venue-year -{}-top N} shows more.", shown,
                       other, lit_num_str(b, oth_count), lit_lx_percent(oth_count, s->n_papers),
                       tie ? ", with all the venues that tie at the cut" : "");
        lit_warn(c->d, NULL, 0, 0, "the venue-year table shows the %zu of %s venues with the most papers and "
                 "sums the other %s in one row (%s)", shown, lit_num_str(b, nv), a,
                 c->o->top ? "--top" : "more do not fit a page; --top N shows more");
    }

    lit_buf head = LIT_BUF_INIT, spec = LIT_BUF_INIT;
    lit_buf_printf(&spec, "@{}l*{%zu}{r}r@{}", ncols - 2);
    lit_buf_adds(&head, "Venue");
    for (size_t y = first; y < ny; y++) {
        if (!keep[y]) continue;
        const char *upto = y == first && first ? "--" : "";   /* the older years too */
        if (rotate) lit_buf_printf(&head, " & \\rotatebox{90}{%s%d}", upto, s->year_min + (int)y);
        else lit_buf_printf(&head, " & %s%d", upto, s->year_min + (int)y);
    }
    if (has_noyear) lit_buf_adds(&head, rotate ? " & \\rotatebox{90}{n/a}" : " & n/a");
    lit_buf_adds(&head, " & Total\\\\\n");
    const char *setup = small ? "\\footnotesize\n" : "";
    if (longt) {
        lit_buf_printf(c->b, "\\begingroup\n%s\\setlength{\\tabcolsep}{%dpt}\n", setup, (int)sep);
        lit_lx_longtable_open(c, spec.data, ncols, head.data, "Papers per venue and year.", "venue-year");
    } else {
        lit_lx_float_open(c);
        lit_buf_printf(c->b, "%s\\setlength{\\tabcolsep}{%dpt}\n", setup, (int)sep);
        lit_lx_caption(c, "Papers per venue and year.", "venue-year");
        lit_buf_printf(c->b, "\n\\begin{tabular}{%s}\n\\toprule\n%s\\midrule\n", spec.data, head.data);
    }
    long last = -1;
    for (size_t k = 0; k < shown; k++) {
        size_t v = rows[k].pi;
        if (grouped && rows[k].group != last) {
            lit_lx_group_heading(c, ncols, area[v], last == -1);
            last = rows[k].group;
        }
        lit_lx_text(c, s->venues[v].name, NULL, "a venue name");
        count_row(c, s->venue_year + v * ny, keep, first, ny, has_noyear, no_year[v], s->venues[v].count, false);
    }
    if (shown < nv) {
        lit_buf_adds(c->b, "\\addlinespace\n\\textit{");
        lit_buf_adds(c->b, other);
        lit_buf_adds(c->b, "}");
        count_row(c, oth, keep, first, ny, has_noyear, oth_noyear, oth_count, false);
    }
    if (s->n_no_venue) {
        if (grouped || nv) lit_buf_adds(c->b, "\\addlinespace\n");
        lit_buf_adds(c->b, "\\textit{no venue}");
        count_row(c, nov, keep, first, ny, has_noyear, nov_noyear, s->n_no_venue, false);
    }
    size_t total = 0;
    for (size_t v = 0; v < nv; v++) total += s->venues[v].count;
    lit_buf_adds(c->b, "\\midrule\nTotal");
    count_row(c, s->per_year, keep, first, ny, has_noyear, s->n_no_year, total + s->n_no_venue, true);
    lit_lx_table_close(c, longt, true, "tabular", &note);
    lit_buf_free(&note);
    free(oth);
    lit_buf_free(&head);
    lit_buf_free(&spec);
    free(keep);
    free(rows);
    free(area);
    free(no_year);
    free(nov);
}
