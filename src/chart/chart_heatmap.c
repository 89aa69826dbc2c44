/* chart_heatmap.c - topic x year and venue x year matrices: sequential colours, counts, colour key. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row: its label (short_label where that does not fit, NULL: none), counts per year. */
typedef struct hrow { const char *label, *short_label; const size_t *v; size_t total; bool other; } hrow;

static void draw_matrix(lit_cx *cx, hrow *rows, size_t n, const char *what)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    size_t ny = s->n_years;
    if (cx->csv) {
        lit_csv_str(cx, what);
        for (size_t y = 0; y < ny; y++) lit_csv_num(cx, s->year_min + (double)y);
        lit_csv_str(cx, "total");
        lit_csv_end(cx);
        for (size_t r = 0; r < n; r++) {
            lit_csv_str(cx, rows[r].other ? "(other)" : rows[r].label);
            for (size_t y = 0; y < ny; y++) lit_csv_num(cx, (double)rows[r].v[y]);
            lit_csv_num(cx, (double)rows[r].total);
            lit_csv_end(cx);
        }
    }
    if (n == 0 || ny == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        return;
    }
    /* The colour scale spans the named rows; an "other" row, which sums many, gets a grey
     * scale of its own so that it does not wash the named rows out. */
    size_t maxc = 0, max_other = 0, max_all = 0, maxt = 0;
    for (size_t r = 0; r < n; r++) {
        for (size_t y = 0; y < ny; y++) {
            size_t v = rows[r].v[y];
            if (rows[r].other && v > max_other) max_other = v;
            if (!rows[r].other && v > maxc) maxc = v;
            if (v > max_all) max_all = v;
        }
        if (rows[r].total > maxt) maxt = rows[r].total;
    }
    if (!maxc) maxc = max_all;
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    char buf[32];
    lit_num_str(buf, maxt);
    double tot_w = lit_cx_text_w(cx, LIT_F_BODY, buf) + lh * 0.4;
    double key_w = lit_cx_color_key_w(cx, maxc) + lh * 0.6;
    double maxlw = (cx->px1 - cx->px0) * 0.4, lw = 0;
    for (size_t r = 0; r < n; r++) {
        /* from here on the label drawn (the CSV above has the full ones) */
        rows[r].label = lit_cx_fit_label(cx, LIT_F_BODY, rows[r].label, rows[r].short_label, maxlw, 1);
        double w = lit_cx_box_w(cx, LIT_F_BODY, rows[r].label, maxlw, 1);
        if (w > lw) lw = w;
    }
    double gx0 = cx->px0 + lw + lh * 0.4, gx1 = cx->px1 - key_w - tot_w;
    double cw = (gx1 - gx0) / (double)ny;
    double yl_h = lit_cx_year_labels(cx, s->year_min, ny, gx0, cw, 0, true, false);
    double gy0 = cx->py0 + lh * 1.3, gy1 = cx->py1 - yl_h - lh * 0.3;   /* "total" header; years under */
    double ch = (gy1 - gy0) / (double)n;
    if (ch > lh * 2.2) { ch = lh * 2.2; gy1 = gy0 + ch * (double)n; }
    /* counts in the body font, else the note font, else none */
    snprintf(buf, sizeof buf, "%zu", max_all);
    int cf = -1;
    for (int f = LIT_F_BODY; f <= LIT_F_SMALL; f++) {
        if (f == LIT_F_TITLE || f == LIT_F_LABEL) continue;
        double w, h;
        lit_cx_measure(cx, f, buf, &w, &h);
        if (w <= cw * 0.9 && h <= ch * 1.05) { cf = f; break; }
    }
    double pad = fmin(cw, ch) > 6 ? 0.6 : 0;   /* a hairline of background between cells */
    for (size_t r = 0; r < n; r++) {
        double yc = gy0 + ch * ((double)r + 0.5);
        lit_cx_text_box(cx, LIT_F_BODY, rows[r].label, gx0 - lh * 0.4, yc, maxlw, 1, true,
                        rows[r].other ? st->muted : st->foreground, true);
        for (size_t y = 0; y < ny; y++) {
            size_t c = rows[r].v[y];
            lit_rgb f = !rows[r].other || !c ? lit_cx_heat(cx, c, maxc)
                      : lit_rgb_mix(st->empty_color, st->muted, 0.15 + 0.6 * (double)c / (double)max_other);
            double x = gx0 + cw * (double)y;
            lit_cx_rect(cx, x + pad / 2, gy0 + ch * (double)r + pad / 2, cw - pad, ch - pad, f);
            if (c && cf >= 0) {
                snprintf(buf, sizeof buf, "%zu", c);
                lit_cx_text(cx, cf, buf, x + cw / 2, yc, 0.5, 0.5, lit_contrast_text(f));
            }
        }
        lit_num_str(buf, rows[r].total);
        lit_cx_text(cx, LIT_F_BODY, buf, gx1 + tot_w - lh * 0.1, yc, 1, 0.5, st->muted);
    }
    lit_cx_text(cx, LIT_F_NOTE, "total", gx1 + tot_w - lh * 0.1, gy0 - lh * 0.2, 1, 1, st->muted);
    lit_cx_year_labels(cx, s->year_min, ny, gx0, cw, gy1 + lh * 0.2, true, true);
    double kh = fmin(gy1 - gy0, lh * 12);
    lit_cx_color_key(cx, gx1 + tot_w + lh * 0.6, gy0, gy0 + kh, maxc);
}

static const hrow *g_rows;
static int larger_first(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (g_rows[a].total != g_rows[b].total) return g_rows[a].total > g_rows[b].total ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Keeps the keep rows with the most papers (of equal ones the earlier), in their order:
 * one sort, so that 100,000 topics are not 100,000 passes. */
static void keep_largest(hrow *rows, size_t n, size_t keep)
{
    size_t *ix = lit_xmalloc((n + 1) * sizeof *ix);
    unsigned char *in = lit_xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) ix[i] = i;
    g_rows = rows;
    qsort(ix, n, sizeof *ix, larger_first);
    for (size_t k = 0; k < keep && k < n; k++) in[ix[k]] = 1;
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (in[i]) rows[w++] = rows[i];
    free(ix);
    free(in);
}

/* How many rows fit at one body line each (with a little air). */
static size_t rows_fit(lit_cx *cx)
{
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    double h = cx->py1 - cx->py0 - lh * 4;
    return (size_t)fmax(1, floor(h / (lh * 1.08)));
}

/* The rows of a count x year matrix (row-major, n_years columns) that have papers. */
static size_t matrix_rows(const lit_stats *s, const lit_count *names, size_t n_names,
                          const size_t *m, hrow *rows)
{
    size_t n = 0, ny = s->n_years;
    for (size_t r = 0; r < n_names; r++) {
        if (names[r].id < 0) continue;   /* "(no venue)" and the like */
        size_t tot = 0;
        for (size_t y = 0; y < ny; y++) tot += m[r * ny + y];
        if (tot) rows[n++] = (hrow){names[r].name, names[r].short_name, &m[r * ny], tot, false};
    }
    return n;
}

static void note_common(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    char a[32];
    lit_cx_note(cx, "n = %s papers", lit_num_str(a, s->n_papers));
    if (s->n_no_year) lit_cx_omit_count(cx, s->n_no_year, "without a year");
}

int lit_chart_topic_heatmap(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    size_t ny = s->n_years;
    hrow *rows = lit_xcalloc(s->n_topics + 1, sizeof *rows);
    size_t n = matrix_rows(s, s->topics, s->n_topics, s->topic_year, rows);
    note_common(cx);
    if (s->n_no_topic) lit_cx_omit_count(cx, s->n_no_topic, "without a topic");
    lit_cx_note(cx, "a paper counts in each of its topics");
    /* rows that fit once the note (with a possible "other" part) is placed */
    double py1 = cx->py1;
    cx->py1 -= lit_cx_note_h(cx, "; 99 of 9,999 topics shown, covering 99% of papers; "
                                 "other: papers in any of 9,999 smaller topics, each once");
    size_t want = rows_fit(cx);
    if (cx->o->top && cx->o->top < want) want = cx->o->top;
    cx->py1 = py1;
    size_t *other = NULL;
    char label[64];
    if (n > want) {
        /* keep the largest topics, still in taxonomy order (stable: later rows drop first),
         * and one "other" row for the rest */
        size_t keep = want > 1 ? want - 1 : 1;
        keep_largest(rows, n, keep);
        unsigned char *kept = lit_xcalloc(s->n_topics + 1, 1);
        for (size_t r = 0; r < keep; r++) kept[(size_t)(rows[r].v - s->topic_year) / ny] = 1;   /* its topic */
        /* papers in any of the smaller topics, each once */
        other = lit_xcalloc(ny + 1, sizeof *other);
        int *trow = lit_cx_topic_rows(cx);
        size_t tot = 0;
        for (size_t k = 0; k < s->n_papers; k++) {
            const lit_paper *p = &s->db->cat.papers[s->sel[k]];
            bool in = false;
            for (uint32_t j = 0; j < p->n_topics && !in; j++) {
                int r = p->topics[j] >= 0 ? trow[p->topics[j]] : -1;
                in = r >= 0 && !kept[r];
            }
            if (in && p->year) { other[p->year - s->year_min]++; tot++; }
        }
        free(trow);
        lit_cx_note_topics_shown(cx, kept, false);
        free(kept);
        size_t n_rest = n - keep;
        char a[32];
        lit_num_str(a, n_rest);
        snprintf(label, sizeof label, "%s other topics", a);
        lit_cx_note(cx, "other: papers in any of %s smaller topics, each once", a);
        n = keep;
        rows[n++] = (hrow){label, NULL, other, tot, true};
    }
    lit_cx_place_note(cx);
    draw_matrix(cx, rows, n, "topic");
    free(other);
    free(rows);
    return 0;
}

int lit_chart_venue_heatmap(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    size_t ny = s->n_years;
    hrow *rows = lit_xcalloc(s->n_venues + 1, sizeof *rows);
    size_t n = matrix_rows(s, s->venues, s->n_venues, s->venue_year, rows);
    note_common(cx);
    if (s->n_no_venue) lit_cx_omit_count(cx, s->n_no_venue, "without a venue");
    lit_cx_place_note(cx);
    size_t want = rows_fit(cx);
    if (cx->o->top && cx->o->top < want) want = cx->o->top;
    size_t *other = NULL;
    char label[64];
    if (n > want) {
        size_t keep = want > 1 ? want - 1 : 1;
        other = lit_xcalloc(ny ? ny : 1, sizeof *other);
        size_t tot = 0;
        for (size_t r = keep; r < n; r++)
            for (size_t y = 0; y < ny; y++) { other[y] += rows[r].v[y]; tot += rows[r].v[y]; }
        char a[32];
        snprintf(label, sizeof label, "%s other venues", lit_num_str(a, n - keep));
        lit_cx_warn_folded(cx, "venue heatmap", "venues", n, keep);
        n = keep;
        rows[n++] = (hrow){label, NULL, other, tot, true};
    }
    draw_matrix(cx, rows, n, "venue");
    free(other);
    free(rows);
    return 0;
}
