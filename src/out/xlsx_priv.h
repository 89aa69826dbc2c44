/* xlsx_priv.h - what the spreadsheet writer's files share: the writer's state, the Papers
 * sheet's columns, the sheet names and the cell, link and format helpers. Only the
 * writer's files (out_xlsx.c, xlsx_cells.c, xlsx_stats.c) include xlsxwriter.h. */
#ifndef LIT_XLSX_PRIV_H
#define LIT_XLSX_PRIV_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "chart.h"
#include "diff.h"
#include "out_xlsx.h"

#define EXCEL_MAX_ROWS 1048576
#define EXCEL_MAX_COLS 16384
#define EXCEL_MAX_CELL 32767
#define EXCEL_MAX_URL 2079          /* Excel 2010 and later */
#define CHART_MAX_SERIES 32         /* bars in a topic chart */
#define BAR_COLOR 4                 /* palette entry of single-series bars, as chart_venues.c/chart_years.c */
#define EXTRA_ROWS 200              /* rows below the papers that keep the drop-downs */
#define FIXED_CREATED 946684800     /* 2000-01-01, when SOURCE_DATE_EPOCH is not set */

/* The Papers sheet, left to right: what a reading group reads and fills in first, the
 * title frozen at the left; links are narrow cells named by their kind. The printed
 * page holds the columns up to Topics (PRINT_LAST_COL). */
enum { C_TITLE, C_STATUS, C_PRESENTER, C_DATE, C_NOTES, C_VENUE, C_YEAR, C_TOPICS, C_SHORT, C_AUTHORS,
       C_CODE, C_SLIDES, C_TALK, C_LISTS, C_KEY, N_COLS };
#define PRINT_LAST_COL C_TOPICS
#define ROW_LINE_PT 15.0   /* Calibri 11's row height per line of text */
#define MAX_ROW_LINES 8    /* taller rows are clipped: the cell still holds all of it */

/* Sheet names; charts refer to them. */
#define SH_SUMMARY "Summary"
#define SH_PAPERS "Papers"
#define SH_VENUES "Venues"
#define SH_YEARS "Years"
#define SH_TOPICS "Topics"
#define SH_TOPIC_YEAR "Topic x Year"
#define SH_VENUE_YEAR "Venue x Year"
#define SH_CHART_DATA "Chart data"
#define SH_NEW "New"

typedef struct xw {
    const lit_stats *s;
    const lit_style *st;
    const lit_catalog *cat;
    lit_diag *d;
    const char *title;
    size_t max_rows, max_links, max_cell;
    lxw_workbook *wb;
    lxw_worksheet *ws_summary, *ws_papers, *ws_venues, *ws_years, *ws_topics, *ws_ty, *ws_vy, *ws_cd;
    lxw_worksheet *ws_new;      /* papers added, changed and removed since news_since, or NULL */
    const lit_diff *news;
    const char *news_since;
    int *trend_order;           /* Chart data rows: each topic's row of s->topics (-1: none) */
    size_t n_trend;             /* topic rows on Chart data */
    bool trend_other;           /* and an "Other topics" row after them */
    bool trend_other_drawn;     /* charted too: not when it outweighs the shown topics */
    lxw_row_t topics_row;       /* Chart data: header row of the named topics' papers (the Topics chart) */
    lxw_error err;              /* first libxlsxwriter error: sticky, checked at the end */
    lit_buf text, authors, topics, status, presenter, date, notes, url, iri;   /* scratch */
    const char **topic_label;   /* catalog topic index -> label */
    size_t *venue_rows;         /* s->venues indices: known venues first, "(no venue)" last */
    size_t *topic_rows;         /* s->topics indices: known topics first */
    size_t n_vrows, n_trows;    /* rows that fit on their sheets */
    lxw_format *f_head, *f_top, *f_wrap, *f_link, *f_link_wrap, *f_date, *f_pct, *f_title, *f_bold;
    lxw_format *f_band, *f_done, *f_reading, *f_skip, *f_count;
    lxw_format **f_swatch;      /* one per palette colour */
} xw;

static inline void chk(xw *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR) x->err = e;
}

/* libxlsxwriter returns NULL for a format or a series only when memory runs out, which
 * aborts here as everywhere (the next call would dereference it). */
static inline void *need(void *p)
{
    if (!p) {
        fputs("litsurvey: out of memory\n", stderr);
        abort();
    }
    return p;
}

static inline void put_num(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
    chk(x, worksheet_write_number(ws, r, c, v, f));
}

static inline lxw_color_t rgb_color(lit_rgb c)
{
    char hex[7];
    lit_rgb_hex(c, hex);   /* the same rounding as every other output of the style */
    lxw_color_t v = (lxw_color_t)strtoul(hex, NULL, 16);
    return v ? v : LXW_COLOR_BLACK;   /* 0 means "unset" to libxlsxwriter */
}

/* Palette entry order (single-series bars, BAR_COLOR) as a colour. */
static inline lxw_color_t palette_color(const xw *x, int order)
{
    return rgb_color(lit_style_series_color(x->st, order));
}

/* The colour the Cairo charts give row t of s->topics (by size; "other" past the palette). */
static inline lxw_color_t topic_color(const xw *x, size_t t)
{
    return rgb_color(lit_chart_topic_color(x->s, x->st, t));
}

/* xlsx_cells.c: text fit for a cell, cells, links, sheet helpers, formats */
lxw_format *lit_xw_fill_fmt(xw *x, lxw_color_t bg, lxw_color_t fg);
size_t lit_xw_fit_rows(xw *x, const char *sheet, size_t n, size_t header_rows);
bool lit_xw_formula_fits(xw *x, const char *s);
void lit_xw_header_row(xw *x, lxw_worksheet *ws, const char *const *heads, int n, const double *widths);
void lit_xw_make_formats(xw *x);
void lit_xw_put_link(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *url, const char *shown,
                     bool link, lxw_format *f_link, lxw_format *f_text, const lit_paper *p, const char *what);
void lit_xw_put_str(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f,
                    const lit_paper *p, const char *what);
void lit_xw_put_title_formula(xw *x, lxw_worksheet *ws, lxw_row_t r, const char *url, const char *title);
int lit_xw_text_lines(const char *s, double cap);
double lit_xw_text_width(const char *s, double have, double cap);

/* xlsx_stats.c: the statistics sheets with their native charts, written top to bottom */
void lit_xw_sheet_chart_data(xw *x);
void lit_xw_sheet_summary(xw *x);
void lit_xw_sheet_topic_year(xw *x);
void lit_xw_sheet_topics(xw *x);
void lit_xw_sheet_venue_year(xw *x);
void lit_xw_sheet_venues(xw *x);
void lit_xw_sheet_years(xw *x);

/* out_xlsx.c */
const char *lit_xw_find_link(const lit_paper *p, const char *kind, const char *kind2);

#endif
