/* chart_years.c - papers per year: vertical bars, optionally the running total on a right axis. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The note every year-based chart shares: what is counted and what is left out. */
static void year_note(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    lit_cx_note(cx, "n = %zu papers", s->n_papers);
    if (s->n_no_year) lit_cx_omit(cx, "%zu without a year", s->n_no_year);
    if (s->n_year_inferred) lit_cx_note(cx, "%zu years taken from arXiv ids", s->n_year_inferred);
}

int lit_chart_years(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    bool cum = cx->o->cumulative;
    year_note(cx);
    if (cx->csv) {
        lit_csv_str(cx, "year"); lit_csv_str(cx, "papers");
        if (cum) lit_csv_str(cx, "cumulative");
        lit_csv_end(cx);
    }
    size_t total = 0;
    for (size_t i = 0; i < s->n_years; i++) {
        total += s->per_year[i];
        if (cx->csv) {
            lit_csv_num(cx, s->year_min + (double)i);
            lit_csv_num(cx, (double)s->per_year[i]);
            if (cum) lit_csv_num(cx, (double)total);
            lit_csv_end(cx);
        }
    }
    lit_legend_item leg[2] = {{"Papers per year (left axis)", lit_style_series_color(st, 4), false, NULL},
                              {"Total so far (right axis)", lit_style_series_color(st, 5), true, NULL}};
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    if (cum && s->n_years) {
        double h = lit_cx_legend_rows(cx, leg, 2, cx->px0, 0, cx->px1 - cx->px0, false);
        lit_cx_legend_rows(cx, leg, 2, cx->px0, cx->py0, cx->px1 - cx->px0, true);
        cx->py0 += h + lh * 0.5;
    }
    lit_cx_place_note(cx);
    if (s->n_years == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        return 0;
    }
    size_t maxc = 0;
    for (size_t i = 0; i < s->n_years; i++)
        if (s->per_year[i] > maxc) maxc = s->per_year[i];
    double step, top = lit_nice_top((double)maxc, 5, &step);
    double cstep = 1, ctop = 1;
    if (cum) {   /* the right axis shares the left one's gridlines, with a finer choice of
                  * steps so that the line fills the height */
        double nl = round(top / step), raw = (double)total / nl;
        static const double m[] = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
        double p = raw > 1 ? pow(10, floor(log10(raw))) : 1;
        cstep = 10 * p;
        for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
            if (m[i] * p >= raw && fmod(m[i] * p, 1) == 0) { cstep = m[i] * p; break; }
        ctop = cstep * nl;
    }

    /* room: axis title, tick labels, year labels under the plot, a line above for counts */
    double lab_h = lit_cx_line_h(cx, LIT_F_LABEL);
    double x0 = cx->px0 + lab_h * 1.2 + lit_cx_axis_w(cx, top, step);
    double x1 = cx->px1 - (cum ? lit_cx_axis_w(cx, ctop, cstep) + lab_h * 1.2 : 0);
    double y0 = cx->py0 + lh * (cum ? 0.6 : 1.1), y1 = cx->py1 - lh * 1.4;  /* room for counts */
    double slot = (x1 - x0) / (double)s->n_years;
    double save_x0 = cx->px0, save_x1 = cx->px1;
    cx->px0 = x0; cx->px1 = x1;
    lit_cx_value_axis(cx, x0, y0, y1, top, step, false, true, st->foreground);
    if (cum) lit_cx_value_axis(cx, x1, y0, y1, ctop, cstep, true, false, st->foreground);
    cx->px0 = save_x0; cx->px1 = save_x1;
    lit_cx_text_up(cx, LIT_F_LABEL, "Papers", cx->px0 + lab_h / 2, (y0 + y1) / 2, st->foreground);
    if (cum) lit_cx_text_up(cx, LIT_F_LABEL, "Total", cx->px1 - lab_h / 2, (y0 + y1) / 2, st->foreground);

    lit_rgb bar = leg[0].color;
    char buf[32];
    /* counts on the bars only when every one fits its slot */
    snprintf(buf, sizeof buf, "%zu", maxc);
    bool counts = !cum && lit_cx_text_w(cx, LIT_F_BODY, buf) < slot * 0.95;
    for (size_t i = 0; i < s->n_years; i++) {
        double h = (double)s->per_year[i] / top * (y1 - y0);
        double bx = x0 + slot * (double)i + slot * 0.12;
        lit_cx_rect(cx, bx, y1 - h, slot * 0.76, h, bar);
        if (counts && s->per_year[i]) {
            snprintf(buf, sizeof buf, "%zu", s->per_year[i]);
            lit_cx_text(cx, LIT_F_BODY, buf, bx + slot * 0.38, y1 - h - lh * 0.05, 0.5, 1, st->foreground);
        }
    }
    cairo_move_to(cx->cr, x0, y1);
    cairo_line_to(cx->cr, x1, y1);
    lit_cx_color(cx, st->foreground);
    cairo_set_line_width(cx->cr, st->grid_width > 0 ? st->grid_width : 0.5);
    cairo_stroke(cx->cr);
    lit_cx_year_labels(cx, s->year_min, s->n_years, x0, slot, y1 + lh * 0.2, false, true);

    if (cum) {
        size_t run = 0;
        for (size_t i = 0; i < s->n_years; i++) {
            run += s->per_year[i];
            double x = x0 + slot * ((double)i + 0.5), y = y1 - (double)run / ctop * (y1 - y0);
            if (i == 0) cairo_move_to(cx->cr, x, y);
            else cairo_line_to(cx->cr, x, y);
        }
        lit_cx_color(cx, leg[1].color);
        cairo_set_line_width(cx->cr, st->line_width);
        cairo_stroke(cx->cr);
        run = 0;
        for (size_t i = 0; i < s->n_years; i++) {
            run += s->per_year[i];
            double x = x0 + slot * ((double)i + 0.5), y = y1 - (double)run / ctop * (y1 - y0);
            cairo_arc(cx->cr, x, y, st->line_width * 1.6, 0, 2 * LIT_PI);
            cairo_fill(cx->cr);
        }
    }
    return 0;
}
