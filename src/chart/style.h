/* style.h - chart styles from styles/NAME.yaml: page size, fonts, colours, palettes. */
#ifndef LIT_STYLE_H
#define LIT_STYLE_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "diag.h"

typedef struct lit_rgb { double r, g, b; } lit_rgb;   /* components 0..1 */

typedef struct lit_style {
    lit_arena arena;
    const char *name, *path;
    double width, height;      /* page size in points (1/72 inch) */
    double png_dpi;            /* raster resolution for PNG output */
    const char *font;          /* Pango family list, e.g. "DejaVu Sans" */
    double font_size;          /* body text (tick labels, legend), points */
    double title_size, label_size, note_size;
    lit_rgb background, foreground, grid_color, muted;
    double line_width, grid_width;
    bool grid;
    lit_rgb *palette;          /* categorical, colour-blind safe; topic with
                                  lit_count.order k uses palette[k % n_palette] */
    size_t n_palette;
    lit_rgb *sequential;       /* colour stops for heatmaps, low to high */
    size_t n_sequential;
    /* The implementer of style.c may add fields below this line. */
    const char *description;   /* one line saying what the style is for */
    double margin;             /* blank border around the chart, points */
    bool show_title, show_note;/* paper figures leave the title to the caption */
    lit_rgb other_color;       /* the "other" bucket and series without a colour */
    lit_rgb empty_color;       /* heatmap cells with no papers */
    const char *margin_file;   /* where the margin was set (NULL: built in), for messages */
    long margin_line, margin_col;
} lit_style;

/* Loads a style by name (looked up in styles/ beside the catalog, then the
 * installed share folder) or by path when name contains a '/' or ends in .yaml.
 * Keys a file leaves out keep the built-in (talk) values; `base: NAME` first loads
 * another style. Returns 0, -1 after a located error in a file, or -2 when there is
 * no style of that name (a usage error). Free with lit_style_free even on error. */
int lit_style_load(lit_style *st, const char *name_or_path, const char *near, lit_diag *d);
void lit_style_free(lit_style *st);
/* The colour of series/topic number order (stable: topics use lit_count.order). */
lit_rgb lit_style_series_color(const lit_style *st, int order);
/* Sequential scale at t in [0, 1]. */
lit_rgb lit_style_seq_color(const lit_style *st, double t);
/* A heatmap cell's colour: the empty colour for 0, else the sequential scale from a
 * little above its bottom (1) to its top (max); charts and spreadsheet share it. */
lit_rgb lit_style_heat_color(const lit_style *st, size_t count, size_t max);
/* "RRGGBB" hex of a colour (for spreadsheets); buf has room for 7 bytes. */
void lit_rgb_hex(lit_rgb c, char buf[7]);
/* The built-in talk style without reading a file (for tests and fallbacks). */
void lit_style_default(lit_style *st);
/* WCAG relative luminance in [0, 1] (picks dark or light text on a fill). */
double lit_rgb_luminance(lit_rgb c);

#endif
