/* chart.h - charts from the statistics: the kinds, their options, drawing to a file or a cairo_t. */
#ifndef LIT_CHART_H
#define LIT_CHART_H
#include <stdbool.h>
#include <stddef.h>
#include <cairo.h>
#include "buf.h"
#include "diag.h"
#include "stats.h"
#include "style.h"

enum lit_stack_mode { LIT_STACK_AREA = 0, LIT_STACK_BARS = 1 };

/* Options of `litsurvey chart` (and of a chart in a report spec). Zeroed = defaults. */
typedef struct lit_chart_opts {
    size_t top;         /* venues: bars before "other"; topic-trend: series before "other"
                           (at most the palette's colours);
                           heatmaps: rows; timeline: labelled systems. 0 = what fits */
    int stacked;        /* topic-trend: LIT_STACK_AREA (default) or LIT_STACK_BARS */
    bool cumulative;    /* years: the running total instead (a chart of its own) */
    const char *title;  /* NULL: the kind's title; "": no title */
    int format;         /* LIT_FMT_* of surface.h; 0: from the file's extension */
} lit_chart_opts;

/* Topic colours, one per topic in every chart of one set of statistics: the k-th largest
 * topic of the selection (most papers, then taxonomy order) takes the palette's k-th
 * colour. Topics past the palette get slot -1 and no colour of their own: the charts
 * fold them into "other", so no two topics ever share a colour. t indexes s->topics. */
int lit_chart_topic_slot(const lit_stats *s, const lit_style *st, size_t t);
/* The colour of that slot (the style's other colour for -1). */
lit_rgb lit_chart_topic_color(const lit_stats *s, const lit_style *st, size_t t);
/* What topic-trend counts: each selected paper once, under the largest of its topics,
 * as m[t * s->n_years + year - s->year_min] by row t of s->topics. malloc'd. */
size_t *lit_chart_trend_counts(const lit_stats *s);

/* The kind names, NULL-terminated: venues, years, topic-trend, topic-heatmap,
 * venue-heatmap, timeline. */
extern const char *const lit_chart_kinds[];
/* Index of kind in lit_chart_kinds, or -1. */
int lit_chart_kind_find(const char *kind);
/* The kind's default title ("Papers per venue"); NULL for an unknown kind. */
const char *lit_chart_default_title(const char *kind);
/* The title the chart shows with these options (o may be NULL): o->title, else the
 * kind's default ("Papers so far" for years --cumulative). */
const char *lit_chart_title(const char *kind, const lit_chart_opts *o);

/* Draws the chart onto cr in a width x height box at the current origin (user units =
 * points), background included. For multi-page reports: call between pages. Returns 0,
 * or -1 after an error (unknown kind). Uses Pango for all text. */
int lit_chart_draw(cairo_t *cr, double width, double height, const char *kind,
                   const lit_stats *s, const lit_style *st, const lit_chart_opts *o, lit_diag *d);

/* The height of the chart's title band at the top of its page (0 when the style or o
 * gives none): a page that shows the chart under a heading of its own clips it away, and
 * the chart keeps the layout of its files. */
double lit_chart_title_h(const char *kind, const lit_style *st, const lit_chart_opts *o);

/* Renders the chart to path at the style's page size; the format is o->format or comes
 * from the extension (.pdf, .svg, .png; see surface.h). Written through a temporary file.
 * Returns 0, or -1 (d->io_errors counts I/O failures). */
int lit_chart_render(const char *kind, const lit_stats *s, const lit_style *st,
                     const lit_chart_opts *o, const char *path, lit_diag *d);

/* Writes the numbers behind the chart as CSV ("-" = stdout): the same rows, order and
 * "other" buckets the chart shows (the timeline lists every system with shown=yes/no). */
int lit_chart_write_data(const char *kind, const lit_stats *s, const lit_style *st,
                         const lit_chart_opts *o, const char *path, lit_diag *d);
/* The same CSV appended to csv (the report prints the numbers under each chart). */
int lit_chart_data(const char *kind, const lit_stats *s, const lit_style *st, const lit_chart_opts *o,
                   lit_buf *csv, lit_diag *d);

#endif
