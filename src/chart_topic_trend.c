/* chart_topic_trend.c - topics over the years: stacked areas (or stacked bars), largest at the bottom. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct series {
    const char *label, *short_label;
    lit_rgb color;
    size_t *v;
    size_t total;
    int order;
} series;

static int by_total(const void *a, const void *b)
{
    const series *x = a, *y = b;
    if (x->total != y->total) return x->total < y->total ? 1 : -1;
    return x->order - y->order;
}

int lit_chart_topic_trend(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    size_t ny = s->n_years, nt = s->n_topics;
    series *sr = lit_xcalloc(nt + 1, sizeof *sr);
    size_t n = 0;
    for (size_t t = 0; t < nt; t++) {
        size_t tot = 0;
        for (size_t y = 0; y < ny; y++) tot += s->topic_year[t * ny + y];
        if (!tot) continue;
        sr[n] = (series){s->topics[t].name, s->topics[t].short_name,
                         lit_style_series_color(st, s->topics[t].order), &s->topic_year[t * ny], tot,
                         s->topics[t].order};
        n++;
    }
    qsort(sr, n, sizeof *sr, by_total);
    /* as many series as asked (8 by default) while the legend leaves the plot most of the
     * height, beside or under it */
    size_t want = cx->o->top ? cx->o->top : 8;
    if (want > n) want = n;
    {
        lit_legend_item *probe = lit_xcalloc(n + 1, sizeof *probe);
        for (size_t i = 0; i < n; i++) probe[i] = (lit_legend_item){sr[i].label, sr[i].color, false, sr[i].short_label};
        double pw = cx->px1 - cx->px0, ph = cx->py1 - cx->py0;
        for (; want > 3; want--) {
            size_t k = want < n ? want + 1 : want;
            if (want < n) probe[want] = (lit_legend_item){"Other topics", st->other_color, false, NULL};
            bool fits = (lit_cx_legend_col_w(cx, probe, k) <= pw * 0.34 &&
                         lit_cx_line_h(cx, LIT_F_BODY) * 1.15 * (double)k <= ph * 0.8) ||
                        lit_cx_legend_rows(cx, probe, k, 0, 0, pw, false) <= ph * 0.36;
            if (want < n) probe[want] = (lit_legend_item){sr[want].label, sr[want].color, false, sr[want].short_label};
            if (fits) break;
        }
        free(probe);
    }
    size_t *other = NULL;
    size_t n_rest = 0;
    if (n > want) {
        other = lit_xcalloc(ny ? ny : 1, sizeof *other);
        size_t tot = 0;
        for (size_t i = want; i < n; i++)
            for (size_t y = 0; y < ny; y++) { other[y] += sr[i].v[y]; tot += sr[i].v[y]; }
        n_rest = n - want;
        n = want;
        sr[n++] = (series){"Other topics", NULL, st->other_color, other, tot, 1 << 30};
    }
    lit_cx_note(cx, "n = %zu papers", s->n_papers);
    if (s->n_no_year) lit_cx_omit(cx, "%zu without a year", s->n_no_year);
    if (s->n_no_topic) lit_cx_omit(cx, "%zu without a topic", s->n_no_topic);
    lit_cx_note(cx, "a paper counts in each of its topics");
    if (n_rest) lit_cx_note(cx, "%zu smaller topics as other", n_rest);

    if (cx->csv) {
        lit_csv_str(cx, "year");
        for (size_t i = 0; i < n; i++) lit_csv_str(cx, sr[i].label);
        lit_csv_end(cx);
        for (size_t y = 0; y < ny; y++) {
            lit_csv_num(cx, s->year_min + (double)y);
            for (size_t i = 0; i < n; i++) lit_csv_num(cx, (double)sr[i].v[y]);
            lit_csv_end(cx);
        }
    }

    /* legend: top of the stack first, beside the plot if narrow enough, else under it */
    lit_legend_item *leg = lit_xcalloc(n + 1, sizeof *leg);
    for (size_t i = 0; i < n; i++) leg[i] = (lit_legend_item){sr[n - 1 - i].label, sr[n - 1 - i].color, false,
                                                     sr[n - 1 - i].short_label};
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    double legw = lit_cx_legend_col_w(cx, leg, n);
    bool right = legw <= (cx->px1 - cx->px0) * 0.34;
    double lx = 0;
    if (right) {
        cx->px1 -= legw;
        lx = cx->px1;
        cx->px1 -= lh;
    } else {
        double h = lit_cx_legend_rows(cx, leg, n, cx->px0, 0, cx->px1 - cx->px0, false);
        lit_cx_place_note(cx);
        lit_cx_legend_rows(cx, leg, n, cx->px0, cx->py1 - h, cx->px1 - cx->px0, true);
        cx->py1 -= h + lh * 0.4;
    }
    if (right) lit_cx_place_note(cx);

    if (ny == 0 || n == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year and a topic", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        free(leg); free(other); free(sr);
        return 0;
    }
    size_t maxc = 0;
    for (size_t y = 0; y < ny; y++) {
        size_t sum = 0;
        for (size_t i = 0; i < n; i++) sum += sr[i].v[y];
        if (sum > maxc) maxc = sum;
    }
    double step, top = lit_nice_top((double)maxc, 5, &step);
    double lab_h = lit_cx_line_h(cx, LIT_F_LABEL);
    double x0 = cx->px0 + lab_h * 1.2 + lit_cx_axis_w(cx, top, step), x1 = cx->px1;
    double y0 = cx->py0 + lh * 0.5, y1 = cx->py1 - lh * 1.4;
    double slot = (x1 - x0) / (double)ny;
    if (right) lit_cx_legend_col(cx, leg, n, lx, y0);
    double sx0 = cx->px0;
    cx->px0 = x0;
    lit_cx_value_axis(cx, x0, y0, y1, top, step, false, true, st->foreground);
    cx->px0 = sx0;
    lit_cx_text_up(cx, LIT_F_LABEL, "Papers", cx->px0 + lab_h / 2, (y0 + y1) / 2, st->foreground);

    double *base = lit_xcalloc(ny, sizeof *base);
    bool bars = cx->o->stacked == LIT_STACK_BARS || ny == 1;
    double k = (y1 - y0) / top;
    cairo_t *cr = cx->cr;
    for (size_t i = 0; i < n; i++) {
        if (bars) {
            for (size_t y = 0; y < ny; y++) {
                double h = (double)sr[i].v[y] * k;
                if (h > 0) lit_cx_rect(cx, x0 + slot * ((double)y + 0.12), y1 - base[y] - h, slot * 0.76, h, sr[i].color);
                base[y] += h;
            }
            continue;
        }
        /* area between the running base and base + this series, then its top edge */
        for (size_t y = 0; y < ny; y++) {
            double x = x0 + slot * ((double)y + 0.5), v = base[y] + (double)sr[i].v[y] * k;
            if (y == 0) cairo_move_to(cr, x, y1 - v);
            else cairo_line_to(cr, x, y1 - v);
        }
        for (size_t y = ny; y-- > 0;) cairo_line_to(cr, x0 + slot * ((double)y + 0.5), y1 - base[y]);
        cairo_close_path(cr);
        lit_cx_color(cx, sr[i].color);
        cairo_fill(cr);
        for (size_t y = 0; y < ny; y++) base[y] += (double)sr[i].v[y] * k;
    }
    /* thin separators in the background colour keep neighbouring layers apart */
    if (!bars) {
        memset(base, 0, ny * sizeof *base);
        for (size_t i = 0; i + 1 < n; i++) {
            for (size_t y = 0; y < ny; y++) {
                base[y] += (double)sr[i].v[y] * k;
                double x = x0 + slot * ((double)y + 0.5);
                if (y == 0) cairo_move_to(cr, x, y1 - base[y]);
                else cairo_line_to(cr, x, y1 - base[y]);
            }
            lit_cx_color(cx, st->background);
            cairo_set_line_width(cr, st->line_width * 0.4);
            cairo_stroke(cr);
        }
    }
    cairo_move_to(cr, x0, y1);
    cairo_line_to(cr, x1, y1);
    lit_cx_color(cx, st->foreground);
    cairo_set_line_width(cr, st->grid_width > 0 ? st->grid_width : 0.5);
    cairo_stroke(cr);
    lit_cx_year_labels(cx, s->year_min, ny, x0, slot, y1 + lh * 0.2, false, true);
    free(base); free(leg); free(other); free(sr);
    return 0;
}
