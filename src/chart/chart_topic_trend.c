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
 * chart's height under it). */
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
    bool ok_beside = beside.legend_h <= box_h && beside.plot_w >= box_w * 0.6 && beside.plot_h >= cx->h * 0.55;
    bool ok_below = below.plot_h >= cx->h * 0.55;
    if (!ok_beside && !ok_below) return false;
    *out = ok_beside && (!ok_below || beside.plot_w * beside.plot_h >= below.plot_w * below.plot_h) ? beside : below;
    return true;
}

/* The legend beside the plot or under it, in smaller type before the plot gives up room. */
static void legend_layout(lit_cx *cx, const lit_legend_item *leg, size_t nl, double box_h, trend_layout *lay)
{
    static const int fonts[] = {LIT_F_BODY, LIT_F_NOTE, LIT_F_SMALL};
    cx->legend_lines = 2;
    for (size_t f = 0; f < 3; f++) {
        cx->legend_font = fonts[f];
        if (fit_legend(cx, leg, nl, box_h, lay)) return;
    }
    /* the smallest type beside the plot, a line a label, in up to 40% of the width */
    cx->legend_lines = 1;
    *lay = (trend_layout){true, (cx->px1 - cx->px0) * 0.4, 0, 0, 0, 0};
    lit_cx_legend_col_size(cx, leg, nl, lay->legend_maxw, &lay->legend_w, &lay->legend_h);
}

int lit_chart_topic_trend(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    size_t nc = s->n_cols, nt = s->n_topics;
    /* each paper once, under its largest topic: m[row][column], the stack adds up to papers */
    size_t *m = lit_chart_trend_counts(s);
    /* series: the named topics (lit_stats_choose) with a colour, in size order; the rest
     * is "other" */
    series *sr = lit_xcalloc(nt + 2, sizeof *sr);
    size_t n = 0;
    for (size_t k = 0; k < s->topic_choice.n && k < st->n_palette; k++) {
        size_t t = s->topic_choice.row[k];
        sr[n++] = (series){s->topics[t].name, s->topics[t].short_name, st->palette[k], &m[t * nc]};
    }
    unsigned char *shown = lit_xcalloc(nt + 1, 1);
    for (size_t t = 0; t < nt; t++) shown[t] = lit_chart_topic_slot(s, st, t) >= 0;
    size_t *other = lit_xcalloc(nc + 1, sizeof *other), n_other = 0, max_named = 0, n_rest = 0, n_only_umbrella = 0;
    for (size_t t = 0; t < nt; t++) {
        size_t tot = 0;
        for (size_t y = 0; y < nc; y++) {
            tot += m[t * nc + y];
            if (!shown[t]) other[y] += m[t * nc + y];
        }
        if (shown[t] && tot > max_named) max_named = tot;
        if (!shown[t]) {
            n_other += tot;
            n_rest += tot > 0;
        }
    }
    if (s->topic_umbrella >= 0) {   /* papers whose only topic is the umbrella count nowhere */
        int *rows = lit_cx_topic_rows(cx);
        for (size_t k = 0; k < s->n_papers; k++) {
            const lit_paper *p = &s->db->cat.papers[s->sel[k]];
            n_only_umbrella += p->year && p->n_topics && lit_cx_main_topic(s, p, rows) < 0;
        }
        free(rows);
    }

    char n_buf[32];
    lit_cx_note(cx, "n = %s papers, each counted once, under its largest topic", lit_num_str(n_buf, s->n_papers));
    if (s->n_no_year) lit_cx_omit_count(cx, s->n_no_year, "without a year");
    if (s->n_no_topic) lit_cx_omit_count(cx, s->n_no_topic, "without a topic");
    lit_cx_note_umbrella(cx);
    if (n_only_umbrella) lit_cx_omit_count(cx, n_only_umbrella, "in no other topic");
    lit_cx_note_topics_shown(cx, shown, false);
    char tie[160];
    if (*lit_choice_note(&s->topic_choice, "topics", tie, sizeof tie)) lit_cx_note(cx, "%s", tie);
    /* "other" is never the largest element: when it would outgrow every named topic, it is
     * not drawn and the axis says the stack holds the named topics only */
    bool other_drawn = n_rest && n_other <= max_named;
    char axis[96] = "Papers";
    if (n_rest && !other_drawn) {
        /* papers, not topics: "8 of 22 topics shown" counts the topics already, and some
         * topics hold no paper as its largest one (22 - 8 = 14 topics, 12 with a paper) */
        lit_cx_note(cx, "%s papers of the smaller topics not drawn", lit_num_str(n_buf, n_other));
        snprintf(axis, sizeof axis, "Papers in the %zu largest topics", n);
    } else if (n_rest) {
        lit_cx_note(cx, "other: the %s paper%s of the smaller topics", lit_num_str(n_buf, n_other), n_other == 1 ? "" : "s");
    }
    lit_cx_note_years(cx);
    free(shown);
    char other_label[64];
    snprintf(other_label, sizeof other_label, "%s other topic%s", lit_num_str(n_buf, n_rest), n_rest == 1 ? "" : "s");
    size_t want = n;
    if (other_drawn) sr[n++] = (series){other_label, NULL, st->other_color, other};

    if (cx->csv) {
        char yb[32];
        lit_csv_str(cx, "year");
        for (size_t i = 0; i < n; i++) lit_csv_str(cx, i == want ? "(other)" : sr[i].label);
        lit_csv_end(cx);
        for (size_t y = 0; y < nc; y++) {
            lit_csv_str(cx, lit_stats_col_label(s, y, yb, sizeof yb));
            for (size_t i = 0; i < n; i++) lit_csv_num(cx, (double)sr[i].v[y]);
            lit_csv_end(cx);
        }
    }

    /* the legend: top of the stack first; beside the plot or under it, in smaller type
     * before the plot gives up room */
    lit_legend_item *leg = lit_xcalloc(n + 2, sizeof *leg);
    size_t nl = 0;
    for (size_t i = n; i-- > 0;) leg[nl++] = (lit_legend_item){sr[i].label, sr[i].color, false, sr[i].short_label};
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    trend_layout lay = {false, 0, 0, 0, 0, 0};
    /* a label the legend has to cut is named in full in the note: laid out once to find
     * them, and again in the room the longer note leaves */
    lit_buf cut = LIT_BUF_INIT;
    for (int pass = 0; pass < 2; pass++) {
        double box_h = cx->py1 - lit_cx_note_h(cx, NULL) - cx->py0;
        legend_layout(cx, leg, nl, box_h, &lay);
        if (pass || !nl) break;
        cx->cut_sink = &cut;
        if (lay.beside) lit_cx_legend_col_size(cx, leg, nl, lay.legend_maxw, &lay.legend_w, &lay.legend_h);
        else lit_cx_legend_rows(cx, leg, nl, 0, 0, cx->px1 - cx->px0, false);
        cx->cut_sink = NULL;
        if (!cut.len) break;
        lit_cx_note(cx, "in full: %s", lit_buf_str(&cut));
    }
    lit_buf_free(&cut);
    lit_cx_place_note(cx);
    double lx = 0;
    if (lay.beside) {
        lx = cx->px1 - lay.legend_w;
        cx->px1 = lx - lh;
    } else if (nl) {
        lit_cx_legend_rows(cx, leg, nl, cx->px0, cx->py1 - lay.legend_h, cx->px1 - cx->px0, true);
        cx->py1 -= lay.legend_h + lh * 0.4;
    }
    if (nc == 0 || n == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year and a topic", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        free(leg); free(other); free(sr); free(m);
        return 0;
    }
    size_t maxc = 0;
    for (size_t y = 0; y < nc; y++) {
        size_t sum = 0;
        for (size_t i = 0; i < n; i++) sum += sr[i].v[y];
        if (sum > maxc) maxc = sum;
    }
    double step, top = lit_nice_top((double)maxc, 5, &step);
    double lab_h = lit_cx_line_h(cx, LIT_F_LABEL);
    /* the axis title on one line where it fits the plot's height, else the note font */
    int axis_font = lit_cx_text_w(cx, LIT_F_LABEL, axis) <= (cx->py1 - cx->py0) * 0.9 ? LIT_F_LABEL : LIT_F_NOTE;
    double x0 = cx->px0 + lab_h * 1.2 + lit_cx_axis_w(cx, top, step), x1 = cx->px1;
    double y0 = cx->py0 + lh * (s->last_partial ? 1.1 : 0.5), y1 = cx->py1 - lh * 1.4;   /* room for "partial" */
    double slot = (x1 - x0) / (double)nc;
    if (lay.beside) lit_cx_legend_col(cx, leg, nl, lx, y0, lay.legend_maxw);
    double sx0 = cx->px0;
    cx->px0 = x0;
    lit_cx_value_axis(cx, x0, y0, y1, top, step, false, true, st->foreground);
    cx->px0 = sx0;
    lit_cx_text_up(cx, axis_font, axis, cx->px0 + lab_h / 2, (y0 + y1) / 2, st->foreground);
    lit_cx_plot_box(cx, "topic-trend", x0, y0, x1, y1);

    double *base = lit_xcalloc(nc, sizeof *base);
    bool bars = cx->o->stacked == LIT_STACK_BARS || nc == 1;
    /* the folded early years are a column of their own: a bar beside the areas */
    size_t a0 = bars ? 0 : s->n_earlier_cols;
    if (!bars && nc - a0 < 2) { bars = true; a0 = 0; }
    double k = (y1 - y0) / top;
    cairo_t *cr = cx->cr;
    for (size_t i = 0; i < n; i++) {
        for (size_t y = 0; y < (bars ? nc : a0); y++) {
            double h = (double)sr[i].v[y] * k;
            if (h > 0) lit_cx_rect(cx, x0 + slot * ((double)y + 0.12), y1 - base[y] - h, slot * 0.76, h, sr[i].color);
            base[y] += h;
        }
        if (bars) continue;
        /* area between the running base and base + this series */
        for (size_t y = a0; y < nc; y++) {
            double x = x0 + slot * ((double)y + 0.5), v = base[y] + (double)sr[i].v[y] * k;
            if (y == a0) cairo_move_to(cr, x, y1 - v);
            else cairo_line_to(cr, x, y1 - v);
        }
        for (size_t y = nc; y-- > a0;) cairo_line_to(cr, x0 + slot * ((double)y + 0.5), y1 - base[y]);
        cairo_close_path(cr);
        lit_cx_color(cx, sr[i].color);
        cairo_fill(cr);
        for (size_t y = a0; y < nc; y++) base[y] += (double)sr[i].v[y] * k;
    }
    /* thin separators in the background colour keep neighbouring layers apart */
    if (!bars) {
        memset(base, 0, nc * sizeof *base);
        for (size_t i = 0; i + 1 < n; i++) {
            for (size_t y = a0; y < nc; y++) {
                base[y] += (double)sr[i].v[y] * k;
                double x = x0 + slot * ((double)y + 0.5);
                if (y == a0) cairo_move_to(cr, x, y1 - base[y]);
                else cairo_line_to(cr, x, y1 - base[y]);
            }
            lit_cx_color(cx, st->background);
            cairo_set_line_width(cr, st->line_width * 0.4);
            cairo_stroke(cr);
        }
    }
    /* a partial last year: veiled, and said over its column */
    if (s->last_partial && nc > 1) {
        double xa = bars ? x0 + slot * ((double)nc - 1) : x0 + slot * ((double)nc - 1.5), xb = x0 + slot * (double)nc;
        cairo_rectangle(cr, xa, y0, xb - xa, y1 - y0);
        cairo_set_source_rgba(cr, st->background.r, st->background.g, st->background.b, 0.45);
        cairo_fill(cr);
        double pw = lit_cx_text_w(cx, LIT_F_NOTE, "partial");
        lit_cx_text(cx, LIT_F_NOTE, "partial", fmin(x0 + slot * ((double)nc - 0.5), x1 - pw / 2), y0, 0.5, 1, st->muted);
    }
    cairo_move_to(cr, x0, y1);
    cairo_line_to(cr, x1, y1);
    lit_cx_color(cx, st->foreground);
    cairo_set_line_width(cr, st->grid_width > 0 ? st->grid_width : 0.5);
    cairo_stroke(cr);
    lit_cx_year_labels(cx, x0, slot, y1 + lh * 0.2, false, true);
    free(base); free(leg); free(other); free(sr); free(m);
    return 0;
}
