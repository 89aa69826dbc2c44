/* chart_priv.h - the chart layer shared by chart_*.c: text, ticks, axes, legend, frame, CSV. */
#ifndef LIT_CHART_PRIV_H
#define LIT_CHART_PRIV_H
#include <pango/pangocairo.h>
#include "buf.h"
#include "chart.h"
#include "db.h"

#define LIT_PI 3.14159265358979323846

/* MARK: labels inside the plot (timeline names), between note and body size. */
enum lit_font { LIT_F_BODY, LIT_F_TITLE, LIT_F_LABEL, LIT_F_NOTE, LIT_F_SMALL, LIT_F_MARK, LIT_F_N };

/* Everything a chart kind draws with. The plot box (px0..px1, py0..py1) is what is left
 * after the title and the note; a kind shrinks it further for its axes and legend. */
typedef struct lit_cx {
    cairo_t *cr;
    const lit_style *st;
    const lit_stats *s;
    const lit_chart_opts *o;
    lit_diag *d;
    double w, h;
    PangoContext *pc;
    PangoLayout *lay;
    PangoFontDescription *font[LIT_F_N];
    double px0, py0, px1, py1;
    lit_buf note;       /* what the chart counts: drawn under the plot */
    lit_buf omit;       /* what it leaves out: "not shown: ..." after the note */
    lit_buf *csv;       /* non-NULL: the kind also writes the numbers it draws */
    int legend_font;    /* the legends' type: LIT_F_BODY, smaller where the plot needs the room */
    lit_buf *cut_sink;  /* non-NULL: legend layouts add the labels they cut ("a; b") */
    int legend_lines;   /* lines a legend label may take: 2, or 1 where the legend must be short */
} lit_cx;

/* Tests set this to see the data area each kind draws (bars, stacks, cells, lanes): x0,
 * y0, x1, y1 in chart points. */
extern void (*lit_chart_plot_hook)(void *arg, const char *kind, double x0, double y0, double x1, double y1);
extern void *lit_chart_plot_hook_arg;
void lit_cx_plot_box(lit_cx *cx, const char *kind, double x0, double y0, double x1, double y1);

/* Tests set this to see every piece of text drawn: its ink box in chart points; cut when
 * the box ended it with an ellipsis (text is then more than what shows). */
extern void (*lit_chart_text_hook)(void *arg, const char *text, bool cut, double x, double y, double w, double h);
extern void *lit_chart_text_hook_arg;

/* Text. ax/ay place the anchor: 0 = left/top, 0.5 = centre, 1 = right/bottom. */
void lit_cx_measure(lit_cx *cx, int font, const char *text, double *w, double *h);
double lit_cx_text_w(lit_cx *cx, int font, const char *text);
double lit_cx_line_h(lit_cx *cx, int font);
void lit_cx_text(lit_cx *cx, int font, const char *text, double x, double y, double ax, double ay,
                 lit_rgb c);
/* Text turned 90 degrees counter-clockwise, centred on (x, y). */
void lit_cx_text_up(lit_cx *cx, int font, const char *text, double x, double y, lit_rgb c);
/* Text wrapped to maxw in at most max_lines lines (ellipsis after), right-aligned when
 * align_right; drawn with its box vertically centred on y. Returns the box height. */
double lit_cx_text_box(lit_cx *cx, int font, const char *text, double x, double y, double maxw,
                       int max_lines, bool align_right, lit_rgb c, bool draw);
/* Width the text needs when wrapped to maxw in max_lines lines (the widest line). */
double lit_cx_box_w(lit_cx *cx, int font, const char *text, double maxw, int max_lines);
/* What to show of a label in a box of maxw and max_lines (as lit_cx_text_box lays it out):
 * the label when it fits, else short_label (NULL: none), which the box still ends with an
 * ellipsis when even it does not fit. Measure and draw with the same box. */
const char *lit_cx_fit_label(lit_cx *cx, int font, const char *label, const char *short_label, double maxw,
                             int max_lines);

/* Colours and shapes. */
void lit_cx_color(lit_cx *cx, lit_rgb c);
void lit_cx_rect(lit_cx *cx, double x, double y, double w, double h, lit_rgb c);
lit_rgb lit_rgb_mix(lit_rgb a, lit_rgb b, double t);
/* Black or white, whichever reads better on fill. */
lit_rgb lit_contrast_text(lit_rgb fill);

/* Nice ticks 0, step, 2*step, ... covering max with about target intervals; steps are
 * 1, 2 or 5 times a power of ten and at least 1 (counts). Returns the top tick. */
double lit_nice_step(double max, int target);
double lit_nice_top(double max, int target, double *step);

/* A vertical value axis 0..top with gridlines across the plot box (when grid); tick
 * labels left of x, or right of it when right_side. lit_cx_axis_w is the room they need. */
double lit_cx_axis_w(lit_cx *cx, double top, double step);
void lit_cx_value_axis(lit_cx *cx, double x, double y0, double y1, double top, double step,
                       bool right_side, bool grid, lit_rgb c);

/* Year labels under the year axis's columns (lit_stats n_cols: an "earlier" column first
 * when early years are folded), starting at x0, slot wide, tops at y, the same way in
 * every style: level labels where they fit (every year, or every other, '16, every 5th,
 * ...); with every (heatmaps) one label per column, turned when level ones do not fit.
 * A partial last year is labelled in the muted colour. Returns the height they take
 * (draw = false only measures). */
double lit_cx_year_labels(lit_cx *cx, double x0, double slot, double y, bool every, bool draw);
/* The year axis's notes: what the earlier column holds and that the last year is partial. */
void lit_cx_note_years(lit_cx *cx);
/* The note's part on a topic nearly every paper is in, left out of the topic charts. */
void lit_cx_note_umbrella(lit_cx *cx);

/* Legend of n swatches (or line samples): in a column beside the plot, or a grid under it. */
typedef struct lit_legend_item {
    const char *label;
    lit_rgb color;
    bool line;
    const char *short_label;   /* shown instead of label where it does not fit, or NULL */
} lit_legend_item;
/* The column: labels at most maxw wide with their swatches (short labels or two lines
 * where the label does not fit); its size, and drawing it with its top at y. */
void lit_cx_legend_col_size(lit_cx *cx, const lit_legend_item *it, size_t n, double maxw, double *w, double *h);
void lit_cx_legend_col(lit_cx *cx, const lit_legend_item *it, size_t n, double x, double y, double maxw);
/* A grid of equal columns, row by row, within width; the column count is the one that
 * gives the lowest legend, labels wrapping to two lines. Returns the height (draw = false
 * only measures). */
double lit_cx_legend_rows(lit_cx *cx, const lit_legend_item *it, size_t n, double x, double y,
                          double width, bool draw);

/* A vertical colour key for 0..max (sequential scale) at x, from y0 to y1; returns width. */
double lit_cx_color_key_w(lit_cx *cx, size_t max);
void lit_cx_color_key(lit_cx *cx, double x, double y0, double y1, size_t max);
/* Heatmap fill of count out of max (the empty colour for 0). */
lit_rgb lit_cx_heat(lit_cx *cx, size_t count, size_t max);

/* What the chart counts, for the note under it ("n = 219 papers"; parts joined with "; "). */
void lit_cx_note(lit_cx *cx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds to the "not shown: a, b" list that ends the note. */
void lit_cx_omit(lit_cx *cx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "1,212 without a venue": a count of what is not shown, with thousands separated. */
void lit_cx_omit_count(lit_cx *cx, size_t n, const char *what);
/* Draws the note at the bottom of the plot box (muted, at most a quarter of the chart's height) and takes its
 * room from the box: call once the note is complete, before laying out the plot. */
void lit_cx_place_note(lit_cx *cx);
/* The room the note would take with extra appended (for layouts that decide what to
 * drop before the note is final). */
double lit_cx_note_h(lit_cx *cx, const char *extra);

/* Whether the note with extra appended still fits its lines. */
bool lit_cx_note_fits(lit_cx *cx, const char *extra);

/* CSV cell helpers (quoted when needed); each row ends with lit_csv_end. */
void lit_csv_str(lit_cx *cx, const char *s);
void lit_csv_num(lit_cx *cx, double v);
void lit_csv_end(lit_cx *cx);

/* The kinds, one per file. Each lays out inside cx's plot box, fills cx->note, draws,
 * and appends CSV rows when cx->csv is set. Return 0 or -1. */
int lit_chart_venues(lit_cx *cx);
int lit_chart_years(lit_cx *cx);
int lit_chart_topic_trend(lit_cx *cx);
int lit_chart_topic_heatmap(lit_cx *cx);
int lit_chart_venue_heatmap(lit_cx *cx);
int lit_chart_timeline(lit_cx *cx);

/* Catalog topic index -> row of cx->s->topics (an alias maps to its topic's row), -1 for
 * none; malloc'd. */
int *lit_cx_topic_rows(lit_cx *cx);
/* The row of a paper's largest topic (lowest rank; never the umbrella topic), or -1:
 * where the charts that count each paper once (topic-trend, timeline) put it. */
int lit_cx_main_topic(const lit_stats *s, const lit_paper *p, const int *rows);

/* When a topic chart shows some of the topics (the others left out or folded into
 * "other"): "9 of 2,767 topics shown, covering 24% of papers" in the note.
 * shown[r] marks the stats topic rows drawn as their own; the papers are the selected ones
 * with a year and a topic (and a short name when systems, as the timeline counts them). */
void lit_cx_note_topics_shown(lit_cx *cx, const unsigned char *shown, bool systems);
/* Warns when a chart folds hundreds of rows into one "other" row (a scale limit the
 * reader should know about: the note under the chart says it too). */
void lit_cx_warn_folded(lit_cx *cx, const char *kind, const char *what, size_t total, size_t shown);

#endif
