/* chart.c - the shared chart layer: Pango text, nice ticks, axes, legends, colour key, frame, CSV. */
#include "chart_priv.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "surface.h"
#include "text.h"

const char *const lit_chart_kinds[] = {
    "venues", "years", "topic-trend", "topic-heatmap", "venue-heatmap", "timeline", NULL,
};

static const char *const default_titles[] = {
    "Papers per venue", "Papers per year", "Topics over the years", "Papers per topic and year",
    "Papers per venue and year", "Systems by topic and year",
};

static int (*const kind_fn[])(lit_cx *) = {
    lit_chart_venues, lit_chart_years, lit_chart_topic_trend, lit_chart_topic_heatmap,
    lit_chart_venue_heatmap, lit_chart_timeline,
};

int lit_chart_kind_find(const char *kind)
{
    for (int i = 0; kind && lit_chart_kinds[i]; i++)
        if (strcmp(kind, lit_chart_kinds[i]) == 0) return i;
    return -1;
}

const char *lit_chart_default_title(const char *kind)
{
    int k = lit_chart_kind_find(kind);
    return k < 0 ? NULL : default_titles[k];
}

const char *lit_chart_title(const char *kind, const lit_chart_opts *o)
{
    int k = lit_chart_kind_find(kind);
    if (k < 0) return NULL;
    if (o && o->title) return o->title;
    return k == 1 && o && o->cumulative ? "Papers so far" : default_titles[k];
}

/* ---- topic colours ---- */

int lit_chart_topic_slot(const lit_stats *s, const lit_style *st, size_t t)
{
    if (t >= s->n_topics || !s->topic_pos) return -1;
    int k = s->topic_pos[t];
    return k >= 0 && (size_t)k < st->n_palette ? k : -1;
}

lit_rgb lit_chart_topic_color(const lit_stats *s, const lit_style *st, size_t t)
{
    return lit_style_series_color(st, lit_chart_topic_slot(s, st, t));
}

static int *topic_rows_of(const lit_stats *s)
{
    /* a row's id is a catalog index of its topic; the other catalog names of that topic
     * are aliases of a taxonomy topic (stats groups them by it) */
    const lit_db *db = s->db;
    size_t n = db->cat.topics.n;
    int *rows = lit_xmalloc((n + 1) * sizeof *rows), *tax_row = lit_xmalloc((db->topics.n + 1) * sizeof *tax_row);
    for (size_t i = 0; i < n; i++) rows[i] = -1;
    for (size_t t = 0; t < db->topics.n; t++) tax_row[t] = -1;
    for (size_t r = 0; r < s->n_topics; r++) {
        if (s->topics[r].id < 0 || (size_t)s->topics[r].id >= n) continue;
        rows[s->topics[r].id] = (int)r;
        int t = lit_topics_find(&db->topics, db->cat.topics.names[s->topics[r].id]);
        if (t >= 0) tax_row[t] = (int)r;
    }
    for (size_t i = 0; i < n; i++)
        if (rows[i] < 0) {
            int t = lit_topics_find(&db->topics, db->cat.topics.names[i]);
            if (t >= 0) rows[i] = tax_row[t];
        }
    free(tax_row);
    return rows;
}

int *lit_cx_topic_rows(lit_cx *cx) { return topic_rows_of(cx->s); }

size_t *lit_chart_trend_counts(const lit_stats *s)
{
    size_t nc = s->n_cols;
    size_t *m = lit_xcalloc(s->n_topics * nc + 1, sizeof *m);
    int *rows = topic_rows_of(s);
    for (size_t k = 0; k < s->n_papers; k++) {
        const lit_paper *p = &s->db->cat.papers[s->sel[k]];
        int r = lit_cx_main_topic(s, p, rows);
        if (p->year && r >= 0) m[(size_t)r * nc + lit_stats_col(s, p->year)]++;
    }
    free(rows);
    return m;
}

int lit_cx_main_topic(const lit_stats *s, const lit_paper *p, const int *rows)
{
    int best = -1;
    for (uint32_t k = 0; k < p->n_topics; k++) {
        int r = p->topics[k] >= 0 ? rows[p->topics[k]] : -1;
        if (r < 0 || r == s->topic_umbrella) continue;
        if (best < 0 || s->topic_rank[r] < s->topic_rank[best]) best = r;
    }
    return best;
}

/* ---- text ---- */

static void set_text(lit_cx *cx, int font, const char *text)
{
    pango_layout_set_font_description(cx->lay, cx->font[font]);
    pango_layout_set_width(cx->lay, -1);
    pango_layout_set_height(cx->lay, -1);
    pango_layout_set_ellipsize(cx->lay, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_alignment(cx->lay, PANGO_ALIGN_LEFT);
    lit_buf cut = LIT_BUF_INIT;   /* a 40,000-character label is measured again and again */
    pango_layout_set_text(cx->lay, lit_text_drawn(text, LIT_TEXT_DRAWN_MAX, &cut), -1);
    lit_buf_free(&cut);
}

static void logical(lit_cx *cx, double *x, double *y, double *w, double *h)
{
    PangoRectangle ink, log;
    pango_layout_get_extents(cx->lay, &ink, &log);
    if (x) *x = (double)log.x / PANGO_SCALE;
    if (y) *y = (double)log.y / PANGO_SCALE;
    if (w) *w = (double)log.width / PANGO_SCALE;
    if (h) *h = (double)log.height / PANGO_SCALE;
}

void lit_cx_measure(lit_cx *cx, int font, const char *text, double *w, double *h)
{
    set_text(cx, font, text);
    logical(cx, NULL, NULL, w, h);
}

double lit_cx_text_w(lit_cx *cx, int font, const char *text)
{
    double w;
    lit_cx_measure(cx, font, text, &w, NULL);
    return w;
}

double lit_cx_line_h(lit_cx *cx, int font)
{
    double h;
    lit_cx_measure(cx, font, "Ag", NULL, &h);
    return h;
}

void lit_cx_color(lit_cx *cx, lit_rgb c)
{
    cairo_set_source_rgb(cx->cr, c.r, c.g, c.b);
}

void (*lit_chart_text_hook)(void *arg, const char *text, bool cut, double x, double y, double w, double h);
void *lit_chart_text_hook_arg;
void (*lit_chart_plot_hook)(void *arg, const char *kind, double x0, double y0, double x1, double y1);
void *lit_chart_plot_hook_arg;

void lit_cx_plot_box(lit_cx *cx, const char *kind, double x0, double y0, double x1, double y1)
{
    (void)cx;
    if (lit_chart_plot_hook) lit_chart_plot_hook(lit_chart_plot_hook_arg, kind, x0, y0, x1, y1);
}

/* Reports the ink box of the current layout drawn at (x, y); turned: drawn at (x, y)
 * after a rotation by -90 degrees about (ox, oy). */
static void report(lit_cx *cx, double x, double y, bool turned, double ox, double oy)
{
    if (!lit_chart_text_hook) return;
    PangoRectangle ink;
    pango_layout_get_extents(cx->lay, &ink, NULL);
    double ix = x + (double)ink.x / PANGO_SCALE, iy = y + (double)ink.y / PANGO_SCALE;
    double iw = (double)ink.width / PANGO_SCALE, ih = (double)ink.height / PANGO_SCALE;
    const char *text = pango_layout_get_text(cx->lay);
    bool cut = pango_layout_is_ellipsized(cx->lay);
    if (turned)   /* (u, v) -> (ox + v, oy - u) */
        lit_chart_text_hook(lit_chart_text_hook_arg, text, cut, ox + iy, oy - (ix + iw), ih, iw);
    else
        lit_chart_text_hook(lit_chart_text_hook_arg, text, cut, ix, iy, iw, ih);
}

static void show(lit_cx *cx, double x, double y, lit_rgb c)
{
    report(cx, x, y, false, 0, 0);
    cairo_move_to(cx->cr, x, y);
    lit_cx_color(cx, c);
    pango_cairo_update_layout(cx->cr, cx->lay);
    pango_cairo_show_layout(cx->cr, cx->lay);
}

void lit_cx_text(lit_cx *cx, int font, const char *text, double x, double y, double ax, double ay,
                 lit_rgb c)
{
    double w, h;
    set_text(cx, font, text);
    logical(cx, NULL, NULL, &w, &h);
    show(cx, x - ax * w, y - ay * h, c);
}

void lit_cx_text_up(lit_cx *cx, int font, const char *text, double x, double y, lit_rgb c)
{
    double w, h;
    set_text(cx, font, text);
    logical(cx, NULL, NULL, &w, &h);
    report(cx, -w / 2, -h / 2, true, x, y);
    cairo_save(cx->cr);
    cairo_translate(cx->cr, x, y);
    cairo_rotate(cx->cr, -LIT_PI / 2);
    cairo_move_to(cx->cr, -w / 2, -h / 2);
    lit_cx_color(cx, c);
    pango_cairo_update_layout(cx->cr, cx->lay);
    pango_cairo_show_layout(cx->cr, cx->lay);
    cairo_restore(cx->cr);
    pango_cairo_update_layout(cx->cr, cx->lay);
}

static void set_box(lit_cx *cx, int font, const char *text, double maxw, int max_lines, bool right)
{
    set_text(cx, font, text);
    pango_layout_set_width(cx->lay, (int)(maxw * PANGO_SCALE));
    pango_layout_set_wrap(cx->lay, lit_text_longest_word(text) > LIT_TEXT_LONG_WORD ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    pango_layout_set_height(cx->lay, -max_lines);
    pango_layout_set_ellipsize(cx->lay, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(cx->lay, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

/* The widest line's logical width (a wrapped layout reports maxw as its width). */
static double widest_line(lit_cx *cx)
{
    double wmax = 0;
    PangoLayoutIter *it = pango_layout_get_iter(cx->lay);
    do {
        PangoRectangle log;
        pango_layout_iter_get_line_extents(it, NULL, &log);
        PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
        PangoRectangle lr;
        pango_layout_line_get_extents(ln, NULL, &lr);
        double w = (double)lr.width / PANGO_SCALE;
        if (w > wmax) wmax = w;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return wmax;
}

double lit_cx_box_w(lit_cx *cx, int font, const char *text, double maxw, int max_lines)
{
    set_box(cx, font, text, maxw, max_lines, false);
    return widest_line(cx);
}

const char *lit_cx_fit_label(lit_cx *cx, int font, const char *label, const char *short_label, double maxw,
                             int max_lines)
{
    if (!label || !short_label || !*short_label) return label;
    set_box(cx, font, label, maxw, max_lines, false);
    return pango_layout_is_ellipsized(cx->lay) ? short_label : label;
}

double lit_cx_text_box(lit_cx *cx, int font, const char *text, double x, double y, double maxw,
                       int max_lines, bool align_right, lit_rgb c, bool draw)
{
    set_box(cx, font, text, maxw, max_lines, align_right);
    double h;
    logical(cx, NULL, NULL, NULL, &h);
    if (draw) show(cx, align_right ? x - maxw : x, y - h / 2, c);
    return h;
}

/* ---- colours and shapes ---- */

void lit_cx_rect(lit_cx *cx, double x, double y, double w, double h, lit_rgb c)
{
    cairo_rectangle(cx->cr, x, y, w, h);
    lit_cx_color(cx, c);
    cairo_fill(cx->cr);
}

lit_rgb lit_rgb_mix(lit_rgb a, lit_rgb b, double t)
{
    return (lit_rgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

lit_rgb lit_contrast_text(lit_rgb fill)
{
    /* 0.179 is where black and white text have the same WCAG contrast on the fill. */
    return lit_rgb_luminance(fill) > 0.179 ? (lit_rgb){0, 0, 0} : (lit_rgb){1, 1, 1};
}

/* ---- ticks and axes ---- */

double lit_nice_step(double max, int target)
{
    if (!(max > 0) || target < 1) return 1;
    double raw = max / target;
    double p = pow(10, floor(log10(raw)));
    double f = raw / p;
    /* 2.5 only from 25 up: a count axis has whole ticks (25, 250: 1,050 tops at 1,250, not 1,500) */
    double m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && p >= 10 ? 2.5 : f <= 5 ? 5 : 10;
    double step = m * p;
    return step < 1 ? 1 : step;
}

double lit_nice_top(double max, int target, double *step)
{
    double s = lit_nice_step(max, target);
    double top = ceil(max / s - 1e-9) * s;
    if (top < s) top = s;
    if (step) *step = s;
    return top;
}

static void fmt_count(char *buf, size_t n, double v)
{
    if (v >= 10000 && fmod(v, 1000) == 0) snprintf(buf, n, "%.0fk", v / 1000);
    else snprintf(buf, n, "%.0f", v);
}

double lit_cx_axis_w(lit_cx *cx, double top, double step)
{
    double wmax = 0;
    char buf[32];
    int n = (int)lround(top / step);
    for (int i = 0; i <= n; i++) {
        fmt_count(buf, sizeof buf, step * i);
        double w = lit_cx_text_w(cx, LIT_F_BODY, buf);
        if (w > wmax) wmax = w;
    }
    return wmax + lit_cx_line_h(cx, LIT_F_BODY) * 0.4;
}

void lit_cx_value_axis(lit_cx *cx, double x, double y0, double y1, double top, double step,
                       bool right_side, bool grid, lit_rgb c)
{
    const lit_style *st = cx->st;
    double gap = lit_cx_line_h(cx, LIT_F_BODY) * 0.3;
    char buf[32];
    int n = (int)lround(top / step);
    for (int i = 0; i <= n; i++) {
        double v = step * i, y = y1 - v / top * (y1 - y0);
        if (grid && st->grid && v > 0) {
            cairo_move_to(cx->cr, cx->px0, y);
            cairo_line_to(cx->cr, cx->px1, y);
            lit_cx_color(cx, st->grid_color);
            cairo_set_line_width(cx->cr, st->grid_width);
            cairo_stroke(cx->cr);
        }
        fmt_count(buf, sizeof buf, v);
        lit_cx_text(cx, LIT_F_BODY, buf, right_side ? x + gap : x - gap, y, right_side ? 0 : 1, 0.5, c);
    }
}

/* Label of column i as year labels draw it: "2019", "’19", or "to 2014" ("to ’14"). */
static const char *col_label(lit_cx *cx, size_t i, bool shortened, char *buf, size_t n)
{
    const lit_stats *s = cx->s;
    int yr = lit_stats_col_year(s, i);
    bool earlier = i < s->n_earlier_cols;
    if (earlier) yr = s->year_first - 1;
    if (shortened) snprintf(buf, n, "%s\xE2\x80\x99%02d", earlier ? "to " : "", ((yr % 100) + 100) % 100);
    else snprintf(buf, n, "%s%d", earlier ? "to " : "", yr);
    return buf;
}

double lit_cx_year_labels(lit_cx *cx, double x0, double slot, double y, bool every, bool draw)
{
    /* level labels where they fit: every year in full, else (not every) every other year,
     * every year as '16, every 5th, 10th, ... year; the heatmaps (every) label each column
     * and turn the labels only when level ones do not fit. The "earlier" column of folded
     * years is always labelled ("to 2014"), and the years whose label it would touch not. */
    const lit_stats *s = cx->s;
    size_t n = s->n_cols;
    char buf[32];
    double lh = lit_cx_line_h(cx, LIT_F_BODY), gap = lh * 0.4;
    int last = s->year_max;
    snprintf(buf, sizeof buf, "%d", last);
    double wfull = lit_cx_text_w(cx, LIT_F_BODY, buf);
    snprintf(buf, sizeof buf, "\xE2\x80\x99%02d", last % 100);
    double wshort = lit_cx_text_w(cx, LIT_F_BODY, buf);
    double wearly = n && s->n_earlier_cols ? lit_cx_text_w(cx, LIT_F_BODY, col_label(cx, 0, false, buf, sizeof buf)) : 0;
    static const struct { int k; bool sh; } pref[] = {{1, false}, {2, false}, {1, true}, {5, false},
        {10, false}, {20, false}, {50, false}, {100, false}};
    int k = 100;
    bool shortened = false, turned = false;
    for (size_t i = 0; i < sizeof pref / sizeof pref[0]; i++) {
        if (every && (pref[i].sh || pref[i].k > 1)) break;
        double need = (pref[i].sh ? wshort : wfull) + gap;
        /* the earlier column's label may reach left, into the room before the first column */
        if (need <= pref[i].k * slot && (!every || wearly + gap <= slot / 2 + (x0 - cx->px0))) {
            k = pref[i].k;
            shortened = pref[i].sh;
            break;
        }
    }
    if (every && k != 1) {   /* turned, one per column, thinned only when even those do not fit */
        turned = true;
        k = 1;
        while (lh * 0.8 > k * slot && k < 100) k = k < 2 ? 2 : k < 5 ? 5 : k * 2;
    }
    if (draw) {
        double early_x1 = -1e9;
        for (size_t i = 0; i < n; i++) {
            bool earlier = i < s->n_earlier_cols;
            int yr = lit_stats_col_year(s, i);
            if (!earlier && yr % k) continue;
            col_label(cx, i, shortened, buf, sizeof buf);
            double w = lit_cx_text_w(cx, LIT_F_BODY, buf), xc = x0 + slot * ((double)i + 0.5);
            lit_rgb c = s->last_partial && i + 1 == n ? cx->st->muted : cx->st->foreground;
            if (turned) {
                lit_cx_text_up(cx, LIT_F_BODY, buf, xc, y + w / 2, c);
                continue;
            }
            /* a thinned label is wider than its slot: keep it inside the page margins */
            double lo = cx->st->margin + w / 2, hi = cx->w - cx->st->margin - w / 2;
            if (xc > hi) xc = hi;
            if (xc < lo) xc = lo;
            if (earlier && w > slot) xc = x0 + slot - w / 2 - gap / 2;   /* right-aligned in its column */
            if (earlier) early_x1 = xc + w / 2 + gap;
            else if (xc - w / 2 < early_x1) continue;
            lit_cx_text(cx, LIT_F_BODY, buf, xc, y, 0.5, 0, c);
        }
    }
    return turned ? fmax(wfull, wearly) : lh;
}

/* ---- legend ---- */

static void swatch(lit_cx *cx, const lit_legend_item *it, double x, double yc, double sz)
{
    if (it->line) {
        cairo_move_to(cx->cr, x, yc);
        cairo_line_to(cx->cr, x + sz, yc);
        lit_cx_color(cx, it->color);
        cairo_set_line_width(cx->cr, cx->st->line_width * 1.2);
        cairo_stroke(cx->cr);
    } else {
        lit_cx_rect(cx, x, yc - sz / 2, sz, sz, it->color);
    }
}

/* What a legend entry in a box maxw wide shows: its label on one line, else its short
 * label on one line, else whichever fits two lines (ellipsized past them). */
static const char *legend_label(lit_cx *cx, const lit_legend_item *it, double maxw)
{
    if (lit_cx_text_w(cx, cx->legend_font, it->label) <= maxw) return it->label;
    if (it->short_label && lit_cx_text_w(cx, cx->legend_font, it->short_label) <= maxw) return it->short_label;
    return lit_cx_fit_label(cx, cx->legend_font, it->label, it->short_label, maxw, cx->legend_lines);
}

/* Height of one legend entry with labels maxw wide (draw: also draws it at x, top y). */
static double legend_entry(lit_cx *cx, const lit_legend_item *it, double x, double y, double maxw, bool draw)
{
    double lh = lit_cx_line_h(cx, cx->legend_font);
    const char *label = legend_label(cx, it, maxw);
    double th = lit_cx_text_box(cx, cx->legend_font, label, 0, 0, maxw, cx->legend_lines, false, cx->st->foreground, false);
    if (cx->cut_sink && pango_layout_is_ellipsized(cx->lay) && !strstr(lit_buf_str(cx->cut_sink), it->label))
        lit_buf_printf(cx->cut_sink, "%s%s", cx->cut_sink->len ? "; " : "", it->label);
    if (draw) {
        /* top-aligned, so one-line and two-line labels of a row start level */
        lit_cx_text_box(cx, cx->legend_font, label, x + lh * 1.1, y + lh * 0.1 + th / 2, maxw, cx->legend_lines, false,
                        cx->st->foreground, true);
        swatch(cx, it, x, y + lh * 0.6, lh * 0.7);
    }
    return fmax(th, lh) + lh * 0.2;
}

void lit_cx_legend_col_size(lit_cx *cx, const lit_legend_item *it, size_t n, double maxw, double *w, double *h)
{
    double lh = lit_cx_line_h(cx, cx->legend_font), wmax = 0, hsum = 0;
    for (size_t i = 0; i < n; i++) {
        double tw = lit_cx_box_w(cx, cx->legend_font, legend_label(cx, &it[i], maxw - lh * 1.1), maxw - lh * 1.1, cx->legend_lines);
        if (tw > wmax) wmax = tw;
        hsum += legend_entry(cx, &it[i], 0, 0, maxw - lh * 1.1, false);
    }
    *w = n ? lh * 1.1 + wmax : 0;
    *h = hsum;
}

void lit_cx_legend_col(lit_cx *cx, const lit_legend_item *it, size_t n, double x, double y, double maxw)
{
    double lh = lit_cx_line_h(cx, cx->legend_font);
    for (size_t i = 0; i < n; i++) y += legend_entry(cx, &it[i], x, y, maxw - lh * 1.1, true);
}

/* Height of a legend grid of ncols columns colw wide; fills rowh[] when given. */
static double grid_h(lit_cx *cx, const lit_legend_item *it, size_t n, size_t ncols, double colw,
                     double *rowh)
{
    double lh = lit_cx_line_h(cx, cx->legend_font), h = 0;
    for (size_t r = 0; r * ncols < n; r++) {
        double rh = 0;
        for (size_t i = r * ncols; i < n && i < (r + 1) * ncols; i++)
            rh = fmax(rh, legend_entry(cx, &it[i], 0, 0, colw - lh * 1.1, false));
        if (rowh) rowh[r] = rh;
        h += rh;
    }
    return h;
}

double lit_cx_legend_rows(lit_cx *cx, const lit_legend_item *it, size_t n, double x, double y,
                          double width, bool draw)
{
    /* a grid of equal columns filled row by row; the column count that gives the lowest
     * legend (labels may wrap to two lines), columns no narrower than 30% of the width
     * unless the labels are that short anyway */
    if (n == 0) return 0;
    double lh = lit_cx_line_h(cx, cx->legend_font), gap = lh * 0.9, natural = 0;
    for (size_t i = 0; i < n; i++) {
        double w = lh * 1.1 + lit_cx_text_w(cx, cx->legend_font, it[i].label);
        if (w > natural) natural = w;
    }
    size_t best = 1;
    double best_h = 0;
    lit_buf *sink = cx->cut_sink;   /* the cut labels of the grid chosen, not of those tried */
    cx->cut_sink = NULL;
    for (size_t nc = 1; nc <= n && nc <= 6; nc++) {
        double colw = (width + gap) / (double)nc - gap;
        if (nc > 1 && colw < fmin(natural, width * 0.3)) break;
        double h = grid_h(cx, it, n, nc, fmin(colw, natural), NULL);
        if (nc == 1 || h < best_h - 0.01) { best = nc; best_h = h; }
    }
    double colw = best > 1 ? (width + gap) / (double)best - gap : fmin(width, natural);
    cx->cut_sink = sink;
    double *rowh = lit_xcalloc(n, sizeof *rowh);
    double h = grid_h(cx, it, n, best, colw, rowh);
    if (draw) {
        double yr = y;
        for (size_t i = 0; i < n; i++) {
            if (i % best == 0 && i) yr += rowh[i / best - 1];
            legend_entry(cx, &it[i], x + (double)(i % best) * (colw + gap), yr, colw - lh * 1.1, true);
        }
    }
    free(rowh);
    return h;
}

/* ---- heat colours and their key ---- */

lit_rgb lit_cx_heat(lit_cx *cx, size_t count, size_t max)
{
    return lit_style_heat_color(cx->st, count, max);
}

double lit_cx_color_key_w(lit_cx *cx, size_t max)
{
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    char buf[32];
    fmt_count(buf, sizeof buf, (double)max);
    double w = lh * 0.8 + lh * 0.3 + lit_cx_text_w(cx, LIT_F_BODY, buf);
    return fmax(w, lit_cx_text_w(cx, LIT_F_NOTE, "papers"));
}

void lit_cx_color_key(lit_cx *cx, double x, double y0, double y1, size_t max)
{
    double lh = lit_cx_line_h(cx, LIT_F_BODY), bw = lh * 0.8;
    if (max == 0) max = 1;
    /* drawn as bands, one per count when few, so the key matches the cells exactly */
    size_t steps = max <= 40 ? max : 40;
    double hstep = (y1 - y0) / (double)steps;
    for (size_t i = 0; i < steps; i++) {
        size_t c = max <= 40 ? i + 1 : 1 + (size_t)((double)(max - 1) * (double)i / (double)(steps - 1));
        double yb = y1 - hstep * (double)(i + 1);
        lit_cx_rect(cx, x, floor(yb * 4) / 4, bw, hstep + 0.5, lit_cx_heat(cx, c, max));
    }
    /* every count when there are few, else nice steps; the largest always */
    double step = max <= 8 ? 1 : lit_nice_step((double)max, 4);
    char buf[32];
    double last_y = -1e9, gap = lh * 0.95;
    /* the largest count, then the multiples of step below it */
    long k_hi = (long)floor(((double)max - 1) / step);
    for (long k = -1; k <= k_hi; k++) {
        double v = k < 0 ? (double)max : step * (double)(k_hi - k);
        if (v < 1) break;
        double y = max <= 40 ? y1 - (v - 0.5) * hstep : y1 - (v - 0.5) / (double)max * (y1 - y0);
        if (y < y0 + lh * 0.45) y = y0 + lh * 0.45;   /* the top label stays under the header */
        if (v != (double)max && y - last_y < gap) continue;
        fmt_count(buf, sizeof buf, v);
        lit_cx_text(cx, LIT_F_BODY, buf, x + bw + lh * 0.3, y, 0, 0.5, cx->st->foreground);
        last_y = y;
    }
    double y_one = max <= 40 ? y1 - 0.5 * hstep : y1 - 0.5 / (double)max * (y1 - y0);
    if (max > 1 && y_one - last_y >= gap)   /* the smallest count, when it has room */
        lit_cx_text(cx, LIT_F_BODY, "1", x + bw + lh * 0.3, y_one, 0, 0.5, cx->st->foreground);
    lit_cx_text(cx, LIT_F_NOTE, "papers", x, y0 - lh * 0.15, 0, 1, cx->st->muted);
}

/* ---- notes and CSV ---- */

void lit_cx_note_topics_shown(lit_cx *cx, const unsigned char *shown, bool systems)
{
    const lit_stats *s = cx->s;
    size_t k = 0, m = 0, covered = 0, of = 0;
    for (size_t r = 0; r < s->n_topics; r++) {
        m += s->topics[r].count > 0;
        k += s->topics[r].count > 0 && shown[r];
    }
    if (k == m) return;
    int *rows = topic_rows_of(s);
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &s->db->cat.papers[s->sel[i]];
        if (p->year <= 0 || (systems && (!p->short_name || !*p->short_name))) continue;
        bool any = false, in = false;
        for (uint32_t j = 0; j < p->n_topics; j++) {
            int r = p->topics[j] >= 0 ? rows[p->topics[j]] : -1;
            any |= r >= 0;
            in |= r >= 0 && shown[r];
        }
        of += any;
        covered += in;
    }
    free(rows);
    char a[32], b[32];
    /* rounded down, so that a share short of all never reads 100% */
    size_t pct = of ? covered * 100 / of : 0;
    lit_cx_note(cx, "%s of %s topics shown, covering %s%zu%% of %s", lit_num_str(a, k), lit_num_str(b, m),
                covered && !pct ? "<" : "", pct ? pct : covered > 0, systems ? "systems" : "papers");
}

void lit_cx_note_years(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    char a[32];
    if (s->n_earlier_cols)
        lit_cx_note(cx, "\"to %d\": %s papers from %d to %d", s->year_first - 1, lit_num_str(a, s->n_earlier),
                    s->year_min, s->earlier_last);
    if (s->last_partial)
        lit_cx_note(cx, "%d is partial (%s)", s->year_max,
                    s->partial_by_date ? "the data is from that year" : "under half the papers of the year before");
}

void lit_cx_note_umbrella(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    if (s->topic_umbrella < 0) return;
    char a[32];
    const lit_count *c = &s->topics[s->topic_umbrella];
    lit_cx_note(cx, "left out: %s, the topic of nearly every paper (%s)", c->name, lit_num_str(a, c->count));
}

static void add_part(lit_buf *b, const char *sep, const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    if (b->len) lit_buf_adds(b, sep);
    lit_buf_adds(b, buf);
}

void lit_cx_note(lit_cx *cx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_part(&cx->note, "; ", fmt, ap);
    va_end(ap);
}

void lit_cx_omit(lit_cx *cx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_part(&cx->omit, ", ", fmt, ap);
    va_end(ap);
}

void lit_cx_omit_count(lit_cx *cx, size_t n, const char *what)
{
    char nb[32];
    lit_cx_omit(cx, "%s %s", lit_num_str(nb, n), what);
}

/* A note names what is left out and may be long: it takes up to a quarter of the chart's
 * height (the plot keeps more than half), three lines at least and six at most. */
static int note_lines(lit_cx *cx)
{
    double k = floor(cx->h * 0.26 / lit_cx_line_h(cx, LIT_F_NOTE));
    return k < 3 ? 3 : k > 6 ? 6 : (int)k;
}

/* The whole note: what is counted, what is not shown, then the rest, then extra (what
 * matters most first: a note too long for its lines loses its end). */
static void note_text(lit_cx *cx, lit_buf *b, const char *extra)
{
    const char *note = lit_buf_str(&cx->note), *rest = strstr(note, "; ");
    size_t first = rest ? (size_t)(rest - note) : strlen(note);
    lit_buf_add(b, note, first);
    if (cx->omit.len) {
        lit_buf_adds(b, b->len ? "; not shown: " : "not shown: ");
        lit_buf_adds(b, lit_buf_str(&cx->omit));
    }
    if (rest) lit_buf_adds(b, b->len ? rest : rest + 2);
    if (extra) lit_buf_adds(b, extra);
}

void lit_cx_place_note(lit_cx *cx)
{
    if (!cx->st->show_note) return;
    lit_buf b = LIT_BUF_INIT;
    note_text(cx, &b, NULL);
    if (b.len) {
        double w = cx->px1 - cx->px0;
        double h = lit_cx_text_box(cx, LIT_F_NOTE, lit_buf_str(&b), cx->px0, 0, w, note_lines(cx), false,
                                   cx->st->muted, false);
        lit_cx_text_box(cx, LIT_F_NOTE, lit_buf_str(&b), cx->px0, cx->py1 - h / 2, w, note_lines(cx), false,
                        cx->st->muted, true);
        cx->py1 -= h + lit_cx_line_h(cx, LIT_F_NOTE) * 0.5;
    }
    lit_buf_free(&b);
}

double lit_cx_note_h(lit_cx *cx, const char *extra)
{
    if (!cx->st->show_note) return 0;
    lit_buf b = LIT_BUF_INIT;
    note_text(cx, &b, extra);
    double h = lit_cx_text_box(cx, LIT_F_NOTE, lit_buf_str(&b), cx->px0, 0, cx->px1 - cx->px0, note_lines(cx),
                               false, cx->st->muted, false);
    lit_buf_free(&b);
    return h + lit_cx_line_h(cx, LIT_F_NOTE) * 0.5;
}

bool lit_cx_note_fits(lit_cx *cx, const char *extra)
{
    if (!cx->st->show_note) return true;
    lit_buf b = LIT_BUF_INIT;
    note_text(cx, &b, extra);
    lit_cx_text_box(cx, LIT_F_NOTE, lit_buf_str(&b), cx->px0, 0, cx->px1 - cx->px0, note_lines(cx), false, cx->st->muted, false);
    lit_buf_free(&b);
    return !pango_layout_is_ellipsized(cx->lay);
}

void lit_csv_str(lit_cx *cx, const char *s)
{
    lit_buf *b = cx->csv;
    if (!b) return;
    if (b->len && b->data[b->len - 1] != '\n') lit_buf_addc(b, ',');
    lit_buf_add_csv(b, s);
}

void lit_csv_num(lit_cx *cx, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.10g", v);
    lit_csv_str(cx, buf);
}

void lit_csv_end(lit_cx *cx)
{
    if (cx->csv) lit_buf_addc(cx->csv, '\n');
}

/* ---- the frame: context, fonts, background, title ---- */

static void cx_init(lit_cx *cx, cairo_t *cr, double w, double h, const lit_stats *s,
                    const lit_style *st, const lit_chart_opts *o, lit_diag *d)
{
    memset(cx, 0, sizeof *cx);
    cx->cr = cr; cx->st = st; cx->s = s; cx->o = o; cx->d = d; cx->w = w; cx->h = h;
    cx->legend_font = LIT_F_BODY;
    cx->legend_lines = 2;
    /* One font map per process (Pango caches it); metrics unhinted so the layout is the
     * same on every surface and at every resolution. */
    PangoFontMap *fm = pango_cairo_font_map_get_default();
    cx->pc = pango_font_map_create_context(fm);
    pango_cairo_context_set_resolution(cx->pc, 72);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(cx->pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(cx->pc, FALSE);
    pango_cairo_update_context(cr, cx->pc);
    cx->lay = pango_layout_new(cx->pc);
    const double sizes[LIT_F_N] = {st->font_size, st->title_size, st->label_size, st->note_size,
                                   st->note_size * 0.9, fmax(st->note_size, st->font_size * 0.85)};
    for (int i = 0; i < LIT_F_N; i++) {
        cx->font[i] = pango_font_description_from_string(st->font && *st->font ? st->font : "Sans");
        pango_font_description_set_absolute_size(cx->font[i], sizes[i] * PANGO_SCALE);
        if (i == LIT_F_TITLE) pango_font_description_set_weight(cx->font[i], PANGO_WEIGHT_BOLD);
    }
}

static void cx_free(lit_cx *cx)
{
    for (int i = 0; i < LIT_F_N; i++)
        if (cx->font[i]) pango_font_description_free(cx->font[i]);
    if (cx->lay) g_object_unref(cx->lay);
    if (cx->pc) g_object_unref(cx->pc);
    lit_buf_free(&cx->note);
    lit_buf_free(&cx->omit);
}

/* The height the title takes at the top (drawn when draw), 0 without one. */
static double title_band(lit_cx *cx, int k, bool draw)
{
    const char *title = lit_chart_title(lit_chart_kinds[k], cx->o);
    if (!cx->st->show_title || !*title) return 0;
    double w = cx->w - 2 * cx->st->margin;
    double th = lit_cx_text_box(cx, LIT_F_TITLE, title, cx->st->margin, 0, w, 1, false, cx->st->foreground, false);
    if (draw)
        lit_cx_text_box(cx, LIT_F_TITLE, title, cx->st->margin, cx->st->margin + th / 2, w, 1, false, cx->st->foreground,
                        true);
    return th + lit_cx_line_h(cx, LIT_F_BODY) * 0.6;
}

double lit_chart_title_h(const char *kind, const lit_style *st, const lit_chart_opts *o)
{
    int k = lit_chart_kind_find(kind);
    if (k < 0) return 0;
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(rec);
    lit_chart_opts defaults = {0};
    lit_cx cx;
    cx_init(&cx, cr, st->width, st->height, NULL, st, o ? o : &defaults, NULL);
    double h = title_band(&cx, k, false);
    if (h > 0) h += st->margin;   /* the band starts at the page's top edge */
    cx_free(&cx);
    cairo_destroy(cr);
    cairo_surface_destroy(rec);
    return h;
}

static int draw_kind(lit_cx *cx, int k)
{
    const lit_style *st = cx->st;
    cairo_t *cr = cx->cr;
    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, cx->w, cx->h);
    cairo_clip(cr);
    lit_cx_rect(cx, 0, 0, cx->w, cx->h, st->background);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    double m = st->margin;
    cx->px0 = m; cx->py0 = m; cx->px1 = cx->w - m; cx->py1 = cx->h - m;
    cx->py0 += title_band(cx, k, true);
    int rc = kind_fn[k](cx);
    cairo_restore(cr);
    return rc;
}

int lit_chart_draw(cairo_t *cr, double width, double height, const char *kind,
                   const lit_stats *s, const lit_style *st, const lit_chart_opts *o, lit_diag *d)
{
    int k = lit_chart_kind_find(kind);
    if (k < 0) return lit_error(d, NULL, 0, 0, "unknown chart kind '%s'", kind ? kind : "");
    lit_chart_opts defaults = {0};
    lit_cx cx;
    cx_init(&cx, cr, width, height, s, st, o ? o : &defaults, d);
    int rc = draw_kind(&cx, k);
    cx_free(&cx);
    if (rc == 0 && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        rc = lit_error(d, NULL, 0, 0, "cannot draw chart '%s': %s", kind,
                       cairo_status_to_string(cairo_status(cr)));
    return rc;
}

int lit_chart_render(const char *kind, const lit_stats *s, const lit_style *st,
                     const lit_chart_opts *o, const char *path, lit_diag *d)
{
    if (lit_chart_kind_find(kind) < 0) return lit_error(d, NULL, 0, 0, "unknown chart kind '%s'", kind);
    lit_surface sf;
    const char *title = o && o->title && *o->title ? o->title : lit_chart_title(kind, o);
    if (lit_surface_open(&sf, path, o ? o->format : 0, st->width, st->height, st->png_dpi, title, d) < 0) return -1;
    if (lit_chart_draw(sf.cr, st->width, st->height, kind, s, st, o, d) < 0) {
        lit_surface_abort(&sf);
        return -1;
    }
    return lit_surface_close(&sf, d);
}

int lit_chart_data(const char *kind, const lit_stats *s, const lit_style *st, const lit_chart_opts *o, lit_buf *csv,
                   lit_diag *d)
{
    int k = lit_chart_kind_find(kind);
    if (k < 0) return lit_error(d, NULL, 0, 0, "unknown chart kind '%s'", kind);
    /* Lay the chart out on a recording surface so the CSV has exactly the rows drawn. */
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(rec);
    lit_chart_opts defaults = {0};
    lit_cx cx;
    cx_init(&cx, cr, st->width, st->height, s, st, o ? o : &defaults, d);
    cx.csv = csv;
    int rc = draw_kind(&cx, k);
    cx_free(&cx);
    cairo_destroy(cr);
    cairo_surface_destroy(rec);
    return rc;
}

int lit_chart_write_data(const char *kind, const lit_stats *s, const lit_style *st,
                         const lit_chart_opts *o, const char *path, lit_diag *d)
{
    lit_buf csv = LIT_BUF_INIT;
    int rc = lit_chart_data(kind, s, st, o, &csv, d);
    if (rc == 0) rc = lit_write_file(path, csv.data ? csv.data : "", csv.len, d);
    lit_buf_free(&csv);
    return rc;
}

void lit_cx_warn_folded(lit_cx *cx, const char *kind, const char *what, size_t total, size_t shown)
{
    char a[32], b[32];
    if (total - shown >= 100 && cx->d)
        lit_warn(cx->d, NULL, 0, 0, "%s: the %zu largest of %s %s are named and the other %s summed or left out, "
                 "as the note under the chart says (--top N sets how many)", kind, shown, lit_num_str(a, total), what,
                 lit_num_str(b, total - shown));
}
