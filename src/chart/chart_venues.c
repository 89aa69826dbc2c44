/* chart_venues.c - papers per venue: horizontal bars, largest first; the rest in a line under
 * them ("and 23 other venues: 37 papers"), not as a bar that would dwarf the others. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int lit_chart_venues(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    /* the venues every output names (lit_stats_choose), then the rest in one line */
    const lit_choice *vc = &s->venue_choice;
    size_t shown = vc->n, n_other_venues = vc->of - vc->n, other = 0;
    lit_count *rows = lit_xcalloc(vc->of + 1, sizeof *rows);
    for (size_t i = 0; i < vc->of; i++) {
        rows[i] = s->venues[vc->row[i]];
        if (i >= shown) other += rows[i].count;
    }
    char n_buf[32], tie[160];
    lit_cx_note(cx, "n = %s papers", lit_num_str(n_buf, s->n_papers));
    if (*lit_choice_note(vc, "venues", tie, sizeof tie)) lit_cx_note(cx, "%s", tie);
    if (s->n_no_venue) lit_cx_omit_count(cx, s->n_no_venue, "without a venue");
    lit_cx_place_note(cx);
    lit_cx_warn_folded(cx, "venues chart", "venues", vc->of, shown);
    char other_label[64];
    size_t n = shown;
    if (n_other_venues) {
        snprintf(other_label, sizeof other_label, "%s other venue%s", lit_num_str(n_buf, n_other_venues),
                 n_other_venues == 1 ? "" : "s");
        rows[n++] = (lit_count){-1, other_label, other, 0, NULL};
    }
    if (cx->csv) {
        lit_csv_str(cx, "venue"); lit_csv_str(cx, "papers"); lit_csv_str(cx, "share_percent");
        lit_csv_end(cx);
        for (size_t i = 0; i < n; i++) {
            lit_csv_str(cx, i == shown ? "(other)" : rows[i].name);
            lit_csv_num(cx, (double)rows[i].count);
            lit_csv_num(cx, round(lit_share(rows[i].count, s->n_papers) * 10) / 10);
            lit_csv_end(cx);
        }
    }
    if (shown == 0) {
        lit_cx_text(cx, LIT_F_LABEL, vc->of ? "no venue has more papers than the others" : "no papers with a venue",
                    (cx->px0 + cx->px1) / 2, (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        free(rows);
        return 0;
    }

    /* the other venues: a muted line under the bars, not a bar */
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    double plot_h = cx->py1 - cx->py0;
    char footer[96] = "";
    if (n_other_venues)
        snprintf(footer, sizeof footer, "and %s: %s paper%s", other_label, lit_num_str(n_buf, other),
                 other == 1 ? "" : "s");
    double foot_h = *footer ? lh * 1.5 : 0;
    size_t nb = shown;
    double slot = (plot_h - foot_h) / (double)nb;
    /* a bar at least 1.15 lines of its type: smaller type where the style's page is short */
    int f = LIT_F_BODY;
    if (lit_cx_line_h(cx, f) * 1.15 > slot) f = LIT_F_NOTE;
    if (lit_cx_line_h(cx, f) * 1.15 > slot) f = LIT_F_SMALL;
    double fh = lit_cx_line_h(cx, f);
    /* labels: up to 40% of the width, wrapped to two lines, then ellipsized */
    double maxw = (cx->px1 - cx->px0) * 0.4, lw = 0;
    int lines = slot >= fh * 2.2 ? 2 : 1;
    for (size_t i = 0; i < nb; i++) {
        double w = lit_cx_box_w(cx, f, rows[i].name, maxw, lines);
        if (w > lw) lw = w;
    }
    size_t maxc = 0;
    for (size_t i = 0; i < nb; i++)
        if (rows[i].count > maxc) maxc = rows[i].count;
    char buf[32];
    lit_num_str(buf, maxc);
    double cw = lit_cx_text_w(cx, f, buf) + fh * 0.4;
    double gap = fh * 0.5;
    double bx0 = cx->px0 + lw + gap, bx1 = cx->px1 - cw;
    double bar_w = bx1 - bx0;
    if (bar_w < fh) bar_w = fh;
    double bh = fmin(slot * 0.72, fh * 1.6);
    lit_rgb bar = lit_style_series_color(st, 4);
    lit_cx_plot_box(cx, "venues", bx0, cx->py0, bx1, cx->py0 + slot * (double)nb);
    for (size_t i = 0; i < nb; i++) {
        double yc = cx->py0 + slot * ((double)i + 0.5);
        double len = maxc ? bar_w * (double)rows[i].count / (double)maxc : 0;
        lit_cx_rect(cx, bx0, yc - bh / 2, len, bh, bar);
        lit_cx_text_box(cx, f, rows[i].name, bx0 - gap, yc, maxw, lines, true, st->foreground, true);
        lit_num_str(buf, rows[i].count);
        lit_cx_text(cx, f, buf, bx0 + len + fh * 0.25, yc, 0, 0.5, st->foreground);
    }
    if (*footer) {
        /* from the bars' baseline when it fits there, else from the labels' edge */
        double fw = lit_cx_text_w(cx, LIT_F_BODY, footer);
        double fx = bx0 + lh * 0.25 + fw <= cx->px1 ? bx0 + lh * 0.25 : cx->px0;
        lit_cx_text_box(cx, LIT_F_BODY, footer, fx, cx->py1 - foot_h / 2, cx->px1 - fx, 1, false, st->muted, true);
    }
    /* the baseline the bars grow from */
    cairo_move_to(cx->cr, bx0, cx->py0);
    cairo_line_to(cx->cr, bx0, cx->py0 + slot * (double)nb);
    lit_cx_color(cx, st->foreground);
    cairo_set_line_width(cx->cr, st->grid_width > 0 ? st->grid_width : 0.5);
    cairo_stroke(cx->cr);
    free(rows);
    return 0;
}
