/* chart_topic_trend.c - topics over the years: stacked areas (or bars) of papers, each paper
 * once, under its first topic; the largest topics at the bottom, "other" muted at the top. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct series {
    const char *label, *short_label;
    lit_rgb color;
    const size_t *v;
} series;

/* Where the legend goes for k series and the plot box it leaves. */
typedef struct trend_layout { bool beside; double legend_maxw, legend_w, legend_h, plot_w, plot_h; } trend_layout;

/* The better of a legend column beside the plot and a grid under it for these items, or
 * false when neither leaves the plot enough room (60% of the width beside it, 55% of the
 * height under it). */
static bool fit_legend(lit_cx *cx, const lit_legend_item *it, size_t n, double box_h, trend_layout *out)
{
    double lh = lit_cx_line_h(cx, LIT_F_BODY), box_w = cx->px1 - cx->px0;
    double axis_h = lh * 1.9;   /* year labels under the plot, a little air over it */
    trend_layout beside = {true, box_w * 0.3, 0, 0, 0, 0}, below = {false, box_w, 0, 0, 0, 0};
    lit_cx_legend_col_size(cx, it, n, beside.legend_maxw, &beside.legend_w, &beside.legend_h);
    beside.plot_w = box_w - beside.legend_w - lh;
    beside.plot_h = box_h - axis_h;
    below.legend_h = lit_cx_legend_rows(cx, it, n, 0, 0, box_w, false);
    below.plot_w = box_w;
    below.plot_h = box_h - below.legend_h - lh * 0.4 - axis_h;
    bool ok_beside = beside.legend_h <= box_h && beside.plot_w >= box_w * 0.6;
    bool ok_below = below.plot_h >= (box_h - axis_h) * 0.55;
    if (!ok_beside && !ok_below) return false;
    *out = ok_beside && (!ok_below || beside.plot_w * beside.plot_h >= below.plot_w * below.plot_h) ? beside : below;
    return true;
}

int lit_chart_topic_trend(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    size_t ny = s->n_years, nt = s->n_topics;
    /* each paper once, under its largest topic: m[rank][year], the stack adds up to papers */
    size_t *m = lit_xcalloc(nt * ny + 1, sizeof *m);
    int *rows = lit_cx_topic_rows(cx);
    const size_t *rank = s->topic_rank;
    for (size_t k = 0; k < s->n_papers; k++) {
        const lit_paper *p = &s->db->cat.papers[s->sel[k]];
        int r = lit_cx_main_topic(p, rows, rank);
        if (p->year && r >= 0) m[rank[r] * ny + (size_t)(p->year - s->year_min)]++;
    }
    /* series: the topics with a colour of their own, in colour (size) order */
    series *sr = lit_xcalloc(nt + 2, sizeof *sr);
    size_t n = 0;
    for (size_t t = 0; t < nt; t++)
        if (rank[t] < st->n_palette)
            sr[rank[t]] = (series){s->topics[t].name, s->topics[t].short_name, st->palette[rank[t]], &m[rank[t] * ny]};
    n = nt < st->n_palette ? nt : st->n_palette;
    /* after[r]: topics from rank r on with dated papers (what "other" holds past r) */
    size_t *after = lit_xcalloc(nt + 2, sizeof *after);
    for (size_t t = 0; t < nt; t++) {
        size_t tot = 0;
        for (size_t y = 0; y < ny; y++) tot += s->topic_year[t * ny + y];
        after[rank[t]] += tot > 0;
    }
    for (size_t r = nt; r-- > 0;) after[r] += after[r + 1];
    free(rows);

    char n_buf[32];
    lit_cx_note(cx, "n = %s papers, each counted once, under the largest of its topics", lit_num_str(n_buf, s->n_papers));
    if (s->n_no_year) lit_cx_omit_count(cx, s->n_no_year, "without a year");
    if (s->n_no_topic) lit_cx_omit_count(cx, s->n_no_topic, "without a topic");
    /* as many series as asked (8 by default) and the legend leaves the plot room for */
    double box_h = cx->py1 - cx->py0 -
                   lit_cx_note_h(cx, "; 99 of 9,999 topics shown, covering 99% of papers; the other 9,999 are not drawn");
    size_t want = cx->o->top ? cx->o->top : 8;
    if (want > n) want = n;
    char other_label[64];
    lit_legend_item *leg = lit_xcalloc(n + 2, sizeof *leg);
    trend_layout lay = {false, 0, 0, 0, 0, 0};
    size_t nl = 0;
    for (;; want--) {
        size_t rest = after[want];
        snprintf(other_label, sizeof other_label, "%s other topic%s", lit_num_str(n_buf, rest), rest == 1 ? "" : "s");
        /* top of the stack first: "other", then the topics from the smallest shown */
        nl = 0;
        if (rest) leg[nl++] = (lit_legend_item){other_label, st->other_color, false, NULL};
        for (size_t i = want; i-- > 0;) leg[nl++] = (lit_legend_item){sr[i].label, sr[i].color, false, sr[i].short_label};
        if (fit_legend(cx, leg, nl, box_h, &lay) || want <= 1) break;
    }
    size_t n_rest = after[want];
    free(after);
    size_t *other = lit_xcalloc(ny + 1, sizeof *other), n_other = 0, n_shown = 0;
    for (size_t r = 0; r < nt; r++)
        for (size_t y = 0; y < ny; y++) {
            size_t v = m[r * ny + y];
            if (r < want) n_shown += v;
            else {
                other[y] += v;
                n_other += v;
            }
        }
    unsigned char *shown = lit_xcalloc(nt + 1, 1);
    for (size_t t = 0; t < nt; t++) shown[t] = rank[t] < want;
    lit_cx_note_topics_shown(cx, shown, false);
    free(shown);
    n = want;
    /* an "other" band larger than the shown topics together would flatten them to a
     * sliver at the bottom (thousands of keyword topics): then it is left out */
    if (n_rest && n_other > n_shown) {
        char a[32];
        lit_cx_note(cx, "the other %s are not drawn", lit_num_str(a, n_rest));
        memmove(leg, leg + 1, --nl * sizeof *leg);
        fit_legend(cx, leg, nl, box_h, &lay);
    } else if (n_rest) {
        lit_cx_note(cx, "other: %zu smaller topic%s", n_rest, n_rest == 1 ? "" : "s");
        sr[n++] = (series){other_label, NULL, st->other_color, other};
    }

    if (cx->csv) {
        lit_csv_str(cx, "year");
        for (size_t i = 0; i < n; i++) lit_csv_str(cx, i == want ? "(other)" : sr[i].label);
        lit_csv_end(cx);
        for (size_t y = 0; y < ny; y++) {
            lit_csv_num(cx, s->year_min + (double)y);
            for (size_t i = 0; i < n; i++) lit_csv_num(cx, (double)sr[i].v[y]);
            lit_csv_end(cx);
        }
    }

    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    lit_cx_place_note(cx);
    double lx = 0;
    if (lay.beside) {
        lx = cx->px1 - lay.legend_w;
        cx->px1 = lx - lh;
    } else if (nl) {
        lit_cx_legend_rows(cx, leg, nl, cx->px0, cx->py1 - lay.legend_h, cx->px1 - cx->px0, true);
        cx->py1 -= lay.legend_h + lh * 0.4;
    }
    if (ny == 0 || n == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year and a topic", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        free(leg); free(other); free(sr); free(m);
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
    if (lay.beside) lit_cx_legend_col(cx, leg, nl, lx, y0, lay.legend_maxw);
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
        /* area between the running base and base + this series */
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
    free(base); free(leg); free(other); free(sr); free(m);
    return 0;
}
