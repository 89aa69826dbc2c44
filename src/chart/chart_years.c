/* chart_years.c - papers per year as vertical bars, or (--cumulative) the running total. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The note every year-based chart shares: what is counted and what is left out. */
static void year_note(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    char n_buf[32];
    lit_cx_note(cx, "n = %s papers", lit_num_str(n_buf, s->n_papers));
    if (s->n_no_year) lit_cx_omit_count(cx, s->n_no_year, "without a year");
    if (s->n_year_inferred) lit_cx_note(cx, "%zu years taken from arXiv ids", s->n_year_inferred);
    lit_cx_note_years(cx);
}

int lit_chart_years(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    bool cum = cx->o->cumulative;
    year_note(cx);
    if (cum) lit_cx_note(cx, "each bar: the papers of that year and all before it");
    /* the bars: papers per year column, or (--cumulative, a chart of its own) the running total */
    size_t nc = s->n_cols;
    size_t *per = lit_xcalloc(nc + 1, sizeof *per), *v = lit_xcalloc(nc + 1, sizeof *v), total = 0;
    lit_stats_to_cols(s, s->per_year, per);
    if (cx->csv) {
        lit_csv_str(cx, "year"); lit_csv_str(cx, "papers");
        if (cum) lit_csv_str(cx, "cumulative");
        lit_csv_end(cx);
    }
    char buf[32];
    for (size_t i = 0; i < nc; i++) {
        total += per[i];
        v[i] = cum ? total : per[i];
        if (cx->csv) {
            lit_csv_str(cx, lit_stats_col_label(s, i, buf, sizeof buf));
            lit_csv_num(cx, (double)per[i]);
            if (cum) lit_csv_num(cx, (double)total);
            lit_csv_end(cx);
        }
    }
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    lit_cx_place_note(cx);
    if (nc == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        free(v); free(per);
        return 0;
    }
    size_t maxc = 0;
    for (size_t i = 0; i < nc; i++)
        if (v[i] > maxc) maxc = v[i];
    double step, top = lit_nice_top((double)maxc, 5, &step);

    /* room: axis title, tick labels, year labels under the plot, a line above for counts */
    double lab_h = lit_cx_line_h(cx, LIT_F_LABEL);
    double x0 = cx->px0 + lab_h * 1.2 + lit_cx_axis_w(cx, top, step), x1 = cx->px1;
    double y0 = cx->py0 + lh * 1.1, y1 = cx->py1 - lh * 1.4;
    double slot = (x1 - x0) / (double)nc;
    double save_x0 = cx->px0;
    cx->px0 = x0;
    lit_cx_value_axis(cx, x0, y0, y1, top, step, false, true, st->foreground);
    cx->px0 = save_x0;
    lit_cx_text_up(cx, LIT_F_LABEL, cum ? "Papers so far" : "Papers", cx->px0 + lab_h / 2, (y0 + y1) / 2,
                   st->foreground);

    lit_rgb bar = lit_style_series_color(st, 4);
    /* counts on the bars only when every one fits its slot */
    snprintf(buf, sizeof buf, "%zu", maxc);
    bool counts = lit_cx_text_w(cx, LIT_F_BODY, buf) < slot * 0.95;
    for (size_t i = 0; i < nc; i++) {
        double h = (double)v[i] / top * (y1 - y0);
        double bx = x0 + slot * (double)i + slot * 0.12;
        /* the folded early years and a partial last year are lighter: not like the others */
        bool odd = i < s->n_earlier_cols || (s->last_partial && i + 1 == nc);
        lit_cx_rect(cx, bx, y1 - h, slot * 0.76, h, odd ? lit_rgb_mix(bar, st->background, 0.55) : bar);
        double ytop = y1 - h - lh * 0.05;
        if (counts && v[i]) {
            snprintf(buf, sizeof buf, "%zu", v[i]);
            lit_cx_text(cx, LIT_F_BODY, buf, bx + slot * 0.38, ytop, 0.5, 1, st->foreground);
            ytop -= lh;
        }
        if (s->last_partial && i + 1 == nc) {
            /* over the bar, or inside its top when the bar reaches the top of the plot */
            double pw = lit_cx_text_w(cx, LIT_F_NOTE, "partial"), xc = fmin(bx + slot * 0.38, cx->px1 - pw / 2);
            if (ytop - lit_cx_line_h(cx, LIT_F_NOTE) >= cx->py0) lit_cx_text(cx, LIT_F_NOTE, "partial", xc, ytop, 0.5, 1, st->muted);
            else lit_cx_text(cx, LIT_F_NOTE, "partial", xc, y1 - h + lh * 0.1, 0.5, 0, st->foreground);
        }
    }
    cairo_move_to(cx->cr, x0, y1);
    cairo_line_to(cx->cr, x1, y1);
    lit_cx_color(cx, st->foreground);
    cairo_set_line_width(cx->cr, st->grid_width > 0 ? st->grid_width : 0.5);
    cairo_stroke(cx->cr);
    lit_cx_year_labels(cx, x0, slot, y1 + lh * 0.2, false, true);
    free(v); free(per);
    return 0;
}
