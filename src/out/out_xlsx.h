/* out_xlsx.h - the reading-group spreadsheet: Papers, one sheet per statistic, native charts. */
#ifndef LIT_OUT_XLSX_H
#define LIT_OUT_XLSX_H
#include <stddef.h>
#include "diag.h"
#include "stats.h"
#include "style.h"

/* Papers above which the workbook is written row by row in constant memory (no shared
 * string table, no cached chart values: Excel and LibreOffice recompute them). */
#define LIT_XLSX_BIG 20000

typedef struct lit_xlsx_opts {
    const char *title;     /* workbook title property and Summary heading; NULL: "Literature survey" */
    int constant_memory;   /* -1: automatic (above LIT_XLSX_BIG papers), 0: never, 1: always */
    /* Excel's limits; 0 takes Excel's value. Tests lower them to reach them cheaply. */
    size_t max_rows;       /* rows per sheet (1,048,576) */
    size_t max_links;      /* hyperlinks per sheet (65,530 in libxlsxwriter 1.1.4) */
    size_t max_cell;       /* characters per cell (32,767) */
    const struct lit_diff *news;   /* a "New" sheet of the papers added, changed and removed
                                      since news_since (a git revision), or NULL */
    const char *news_since;
} lit_xlsx_opts;

#define LIT_XLSX_OPTS_INIT {NULL, -1, 0, 0, 0, NULL, NULL}

/* Writes the workbook of s (its papers and statistics), charts coloured by st, to path
 * through a temporary renamed into place ("-" writes the bytes to stdout). Sheets:
 * Summary (key figures, four charts), Papers (one row per selected paper, reading-group
 * columns filled from the entries' status/presenter/date/notes, at the top or under
 * `reading:`), Venues, Years, Topics, Topic x Year, Venue x Year (heatmaps), Chart data
 * (the rows the topic-trend charts draw). Every text is a string cell, never a formula.
 * Limits that Excel cannot hold (long cells, too many links or rows) are warnings, never
 * a corrupt file. The created date comes from SOURCE_DATE_EPOCH (else 2000-01-01), so
 * the same input gives the same bytes. Returns 0, or -1 after reporting (an I/O error
 * is counted in d->io_errors). */
int lit_xlsx_write(const lit_stats *s, const lit_style *st, const char *path, lit_diag *d);
int lit_xlsx_write_opts(const lit_stats *s, const lit_style *st, const char *path,
                        const lit_xlsx_opts *o, lit_diag *d);

#endif
