/* surface.h - the one place that turns a file name into a PDF, SVG or PNG cairo surface. */
#ifndef LIT_SURFACE_H
#define LIT_SURFACE_H
#include <cairo.h>
#include "diag.h"
#include "outfile.h"

enum lit_format { LIT_FMT_PDF = 1, LIT_FMT_SVG, LIT_FMT_PNG };

/* The format called name ("pdf", "svg", "png"; case-insensitive), or -1. */
int lit_format_named(const char *name);
/* The format of path by its extension, or -1. */
int lit_format_of(const char *path);

/* A drawing target written through a temporary file. cr draws in points
 * (1/72 in) whatever the format; PNG is rasterised at dpi. */
typedef struct lit_surface {
    lit_outfile out;
    int format;
    cairo_surface_t *surf;
    cairo_t *cr;
    double width, height;   /* points */
    int px_w, px_h;         /* PNG pixels */
    double dpi;             /* PNG: its resolution, written into its pHYs chunk */
    void *svg;              /* SVG: the document, held to renumber cairo's ids */
    int write_errno;        /* why a write failed, 0 while none has */
} lit_surface;

/* Opens path for a width x height page in format (a LIT_FMT_*, or 0: from the path's
 * extension, .pdf, .svg or .png; "-" = stdout, which needs a format). title goes into the PDF metadata (may be NULL). The PDF creation
 * date is SOURCE_DATE_EPOCH, or 1970-01-01 when unset, so the bytes never depend on the
 * clock. Returns 0 or -1 (usage error for an unknown extension, I/O error otherwise). */
int lit_surface_open(lit_surface *sf, const char *path, int format, double width, double height, double dpi,
                     const char *title, lit_diag *d);
/* PDF only: ends the current page and starts another of the given size. */
int lit_surface_next_page(lit_surface *sf, double width, double height, lit_diag *d);
/* Finishes drawing, writes and renames into place; returns 0 or -1. Frees sf either way. */
int lit_surface_close(lit_surface *sf, lit_diag *d);
/* Drops everything; the target is untouched. */
void lit_surface_abort(lit_surface *sf);

/* The PDF date string for SOURCE_DATE_EPOCH ("1970-01-01T00:00:00Z" when unset/invalid). */
void lit_source_date(char buf[32]);

#endif
