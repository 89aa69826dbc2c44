/* out_xlsx.c - the reading-group spreadsheet (libxlsxwriter): Papers, statistics sheets, native charts. */
#include "out_xlsx.h"
#include "diff.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "outfile.h"

#define EXCEL_MAX_ROWS 1048576
#define EXCEL_MAX_COLS 16384
#define EXCEL_MAX_CELL 32767
#define EXCEL_MAX_URL 2079          /* Excel 2010 and later */
#define CHART_MAX_BARS 20           /* bars in a venue chart */
#define CHART_MAX_SERIES 32         /* bars in a topic chart */
#define TREND_TOP 8                 /* topics in a trend chart before "Other topics", as the Cairo one */
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

static const struct {
    const char *head;
    double min, cap;   /* width in characters: at least min (room to type), at most cap (then wrap or clip) */
    bool wrap;
} paper_cols[N_COLS] = {
    [C_TITLE] = {"Title", 20, 60, true},      [C_STATUS] = {"Status", 10, 10, false},
    [C_PRESENTER] = {"Presenter", 12, 20, false}, [C_DATE] = {"Date", 11, 11, false},
    [C_NOTES] = {"Notes", 24, 50, true},      [C_VENUE] = {"Venue", 0, 16, false},
    [C_YEAR] = {"Year", 0, 6, false},         [C_TOPICS] = {"Topics", 12, 30, true},
    [C_SHORT] = {"Short name", 0, 24, false}, [C_AUTHORS] = {"Authors", 0, 30, true},
    [C_CODE] = {"Code", 0, 7, false},         [C_SLIDES] = {"Slides", 0, 7, false},
    [C_TALK] = {"Talk", 0, 7, false},         [C_LISTS] = {"Lists", 0, 6, false},
    [C_KEY] = {"Key", 0, 32, false},
};

/* The status drop-down, in the order a paper goes through it. */
static char *status_values[] = {"to read", "reading", "done", "skip", NULL};

/* Sheet names; charts refer to them. */
static const char SH_SUMMARY[] = "Summary", SH_PAPERS[] = "Papers", SH_VENUES[] = "Venues",
                  SH_YEARS[] = "Years", SH_TOPICS[] = "Topics", SH_TOPIC_YEAR[] = "Topic x Year",
                  SH_VENUE_YEAR[] = "Venue x Year", SH_CHART_DATA[] = "Chart data", SH_NEW[] = "New";

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

static void chk(xw *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR) x->err = e;
}

static lxw_color_t rgb_color(lit_rgb c)
{
    char hex[7];
    lit_rgb_hex(c, hex);   /* the same rounding as every other output of the style */
    lxw_color_t v = (lxw_color_t)strtoul(hex, NULL, 16);
    return v ? v : LXW_COLOR_BLACK;   /* 0 means "unset" to libxlsxwriter */
}

/* Palette entry order (single-series bars, BAR_COLOR) as a colour. */
static lxw_color_t palette_color(const xw *x, int order)
{
    return rgb_color(lit_style_series_color(x->st, order));
}

/* The colour the Cairo charts give row t of s->topics (by size; "other" past the palette). */
static lxw_color_t topic_color(const xw *x, size_t t)
{
    return rgb_color(lit_chart_topic_color(x->s, x->st, t));
}

/* ---- text ---------------------------------------------------------------------- */

/* "_x0041_" is how OOXML escapes characters: a literal one must be written "_x005F_x0041_". */
static bool is_xml_escape(const char *s)
{
    if (s[0] != '_' || s[1] != 'x') return false;
    for (int i = 2; i < 6; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
            return false;
    return s[6] == '_';
}

/* Text fit for a cell: valid UTF-8 without the control characters XML cannot carry, a
 * literal "_xHHHH_" protected, at most max characters (UTF-16 units, as Excel counts).
 * Returns s when it is fine as it is, else x->text's contents; *cut tells a cut. */
static const char *cell_text(xw *x, const char *s, size_t max, bool *cut)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    bool plain = n <= max;
    *cut = false;
    for (size_t i = 0; plain && i < n; i++)
        if (p[i] >= 0x80 || (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || (p[i] == '_' && is_xml_escape(s + i)))
            plain = false;
    if (plain) return s;
    lit_buf_reset(&x->text);
    size_t units = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { cp = 0xFFFD; k = 1; }
        else if (cp < 0x20 && cp != '\t' && cp != '\n') cp = ' ';
        else if (cp == 0xFFFE || cp == 0xFFFF) cp = 0xFFFD;   /* not XML characters either */
        bool esc = cp == '_' && is_xml_escape(s + i);
        size_t w = esc ? 7 : cp >= 0x10000 ? 2 : 1;
        if (units + w > max) { *cut = true; break; }
        units += w;
        if (esc) {
            lit_buf_adds(&x->text, "_x005F_");
        } else {
            utf8proc_uint8_t enc[4];
            lit_buf_add(&x->text, enc, (size_t)utf8proc_encode_char(cp, enc));
        }
        i += (size_t)k;
    }
    return lit_buf_str(&x->text);
}

/* Display width in characters of the default font, for column widths: wide (CJK)
 * characters count two, the widest line counts. Stops early at cap. */
static double text_width(const char *s, double have, double cap)
{
    size_t n = strlen(s);
    if ((double)n <= have) return have;  /* a character takes at least a byte */
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    double w = 0, best = 0;
    for (size_t i = 0; i < n && best < cap;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { cp = 0xFFFD; k = 1; }
        if (cp == '\n') w = 0;
        else w += cp < 0x80 ? 1 : utf8proc_charwidth(cp);
        if (w > best) best = w;
        i += (size_t)k;
    }
    if (best > cap) best = cap;
    return best > have ? best : have;
}

/* Lines the text takes when wrapped at words in a column cap characters wide (the widest
 * a wrapping column gets; a narrower one means every cell fits on one line), up to
 * MAX_ROW_LINES: LibreOffice keeps rows at their stored height, so the writer sets it. */
static int text_lines(const char *s, double cap)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t n = strlen(s);
    int lines = 1;
    double line = 0, word = 0;
    for (size_t i = 0; i <= n && lines < MAX_ROW_LINES;) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t k = 1;
        if (i < n && (k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp)) <= 0) { cp = 0xFFFD; k = 1; }
        if (i == n || cp == ' ' || cp == '\n') {   /* a word ends: it goes on this line or the next */
            if (line > 0 && line + 1 + word > cap) { lines++; line = word; }
            else line += (line > 0) + word;
            while (line > cap && lines < MAX_ROW_LINES) { lines++; line -= cap; }   /* a word wider than the column */
            word = 0;
            if (cp == '\n' && i < n) { lines++; line = 0; }
        } else {
            word += cp < 0x80 ? 1 : utf8proc_charwidth(cp);
        }
        i += (size_t)k;
    }
    return lines < MAX_ROW_LINES ? lines : MAX_ROW_LINES;
}

/* what names the cut text in the message; NULL for the writer's own labels, which only a
 * lowered test limit can cut, and which need no warning. */
static void warn_cut(xw *x, const lit_paper *p, const char *what, size_t max)
{
    static const char kind[] = "cells cut to Excel's limit";
    if (!what) return;
    if (p)
        lit_warn_many(x->d, kind, x->cat->path, p->line, 0, "paper '%s': %s cut to Excel's limit of %zu characters",
                      p->key, what, max);
    else
        lit_warn_many(x->d, kind, NULL, 0, 0, "%s cut to Excel's limit of %zu characters", what, max);
}

/* Every text goes through here: always a string cell, never a formula, whatever it starts with. */
static void put_str(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f,
                    const lit_paper *p, const char *what)
{
    if (!s || !*s) return;
    bool cut;
    const char *t = cell_text(x, s, x->max_cell, &cut);
    if (cut) warn_cut(x, p, what, x->max_cell);
    chk(x, worksheet_write_string(ws, r, c, t, f));
}

static void put_num(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
    chk(x, worksheet_write_number(ws, r, c, v, f));
}

/* ---- the papers -------------------------------------------------------------- */

/* Links a spreadsheet can open: web and mail addresses of a length Excel accepts
 * (libxlsxwriter percent-escapes some characters, so count them three times). */
static bool linkable(const char *url, bool *too_long)
{
    *too_long = false;
    if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0 &&
        strncasecmp(url, "ftp://", 6) != 0 && strncasecmp(url, "mailto:", 7) != 0)
        return false;
    size_t len = 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) return false;
        len += *p >= 0x80 || strchr(" \"<>[]`^{}%", *p) ? 3 : 1;
    }
    if (len > EXCEL_MAX_URL) { *too_long = true; return false; }
    return true;
}

static const char *find_link(const lit_paper *p, const char *kind, const char *kind2)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *k = pass ? kind2 : kind;
        if (!k) break;
        for (uint32_t i = 0; i < p->n_links; i++)
            if (p->links[i].kind && p->links[i].url && *p->links[i].url && strcasecmp(p->links[i].kind, k) == 0)
                return p->links[i].url;
    }
    return NULL;
}

/* A node as text: a scalar, or a list of scalars joined with sep; NULL otherwise. */
static const char *node_text(const lit_node *v, lit_buf *b, const char *sep)
{
    if (v->kind == LIT_NODE_SCALAR) return v->str;
    if (v->kind != LIT_NODE_SEQ) return NULL;
    lit_buf_reset(b);
    for (size_t j = 0; j < v->n; j++) {
        if (v->items[j].kind != LIT_NODE_SCALAR || !v->items[j].str) continue;
        if (b->len) lit_buf_adds(b, sep);
        lit_buf_adds(b, v->items[j].str);
    }
    return b->len ? lit_buf_str(b) : NULL;
}

/* A hand-added reading-group field (status, presenter, date, notes): at the top of the
 * entry, or inside a `reading:` mapping. NULL when absent. */
static const char *extra(const lit_paper *p, const char *key, lit_buf *b, const char *sep)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (strcmp(p->extras[i].key, key) == 0) return node_text(&p->extras[i].value, b, sep);
    for (uint32_t i = 0; i < p->n_extras; i++) {
        const lit_node *m = &p->extras[i].value;
        if (strcmp(p->extras[i].key, "reading") != 0 || m->kind != LIT_NODE_MAP) continue;
        for (size_t j = 0; j < m->n; j++) {
            const lit_node *k = &m->items[2 * j];
            if (k->kind == LIT_NODE_SCALAR && k->str && strcmp(k->str, key) == 0)
                return node_text(&m->items[2 * j + 1], b, sep);
        }
    }
    return NULL;
}

static lxw_format *fill_fmt(xw *x, lxw_color_t bg, lxw_color_t fg);

/* What one row of the Papers sheet shows, gathered once for measuring and for writing. */
typedef struct prow {
    const char *authors, *venue, *topics, *paper_url, *code, *slides, *talk;
    const char *shown[4];     /* text of the paper, code, slides and talk cells (set by sheet_papers) */
    const char *status, *presenter, *date, *notes;
    size_t n_lists;
} prow;

static void paper_row(xw *x, const lit_paper *p, prow *r)
{
    lit_buf_reset(&x->authors);
    for (uint32_t i = 0; i < p->n_authors; i++) {
        if (!p->authors[i]) continue;
        if (x->authors.len) lit_buf_adds(&x->authors, ", ");
        lit_buf_adds(&x->authors, p->authors[i]);
    }
    if (x->authors.len && p->authors_etal) lit_buf_adds(&x->authors, " et al.");
    r->authors = x->authors.len ? lit_buf_str(&x->authors) : NULL;
    r->venue = lit_catalog_venue(x->cat, p->venue);
    lit_buf_reset(&x->topics);
    for (uint32_t i = 0; i < p->n_topics; i++) {
        int32_t t = p->topics[i];
        const char *label = t >= 0 && (size_t)t < x->cat->topics.n ? x->topic_label[t] : NULL;
        if (!label) continue;
        if (x->topics.len) lit_buf_adds(&x->topics, ", ");
        lit_buf_adds(&x->topics, label);
    }
    r->topics = x->topics.len ? lit_buf_str(&x->topics) : NULL;
    r->paper_url = find_link(p, "paper", "pdf");
    if (!r->paper_url && (p->doi || p->arxiv)) {
        lit_buf_reset(&x->url);
        if (p->doi) lit_buf_printf(&x->url, "https://doi.org/%s", p->doi);
        else lit_buf_printf(&x->url, "https://arxiv.org/abs/%s", p->arxiv);
        r->paper_url = lit_buf_str(&x->url);
    }
    r->code = find_link(p, "code", NULL);
    r->slides = find_link(p, "slides", NULL);
    r->talk = find_link(p, "talk", "video");
    r->status = extra(p, "status", &x->status, ", ");
    r->presenter = extra(p, "presenter", &x->presenter, ", ");
    r->date = extra(p, "date", &x->date, ", ");
    r->notes = extra(p, "notes", &x->notes, "\n");
    r->n_lists = 0;
    for (uint32_t i = 0; i < p->n_sources; i++) {
        const char *l = p->sources[i].list;
        uint32_t j = 0;
        while (j < i && !(l && p->sources[j].list && strcmp(p->sources[j].list, l) == 0)) j++;
        if (j == i && l) r->n_lists++;
    }
}

/* "2024-03-05" (a time after it is ignored) into a date; false if it is not one. */
static bool parse_date(const char *s, lxw_datetime *dt)
{
    int y, m, dd, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &dd, &n) != 3 || n != 10) return false;
    if (s[n] && s[n] != 'T' && s[n] != ' ') return false;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1]) return false;
    if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
    *dt = (lxw_datetime){.year = y, .month = m, .day = dd};
    return true;
}

static bool is_status(const char *s)
{
    for (int i = 0; status_values[i]; i++)
        if (strcmp(s, status_values[i]) == 0) return true;
    return false;
}

/* Column widths that fit the text (libxlsxwriter 1.1.4 has no autofit), measured as the
 * rows are written: the sheet's columns are only written out when the workbook closes. */
static void widths_init(double w[N_COLS])
{
    for (int c = 0; c < N_COLS; c++) {
        w[c] = text_width(paper_cols[c].head, 0, 100) + 3;   /* bold, and the filter button */
        if (w[c] < paper_cols[c].min) w[c] = paper_cols[c].min;
    }
}

/* The cells of a row that have text to measure, by column. */
static void row_cells(const lit_paper *p, const prow *r, const char *cell[N_COLS])
{
    for (int c = 0; c < N_COLS; c++) cell[c] = NULL;
    cell[C_KEY] = p->key;              cell[C_SHORT] = p->short_name;  cell[C_TITLE] = p->title;
    cell[C_AUTHORS] = r->authors;      cell[C_VENUE] = r->venue;       cell[C_TOPICS] = r->topics;
    cell[C_CODE] = r->shown[1];        cell[C_SLIDES] = r->shown[2];   cell[C_TALK] = r->shown[3];
    cell[C_STATUS] = r->status;        cell[C_PRESENTER] = r->presenter; cell[C_NOTES] = r->notes;
}

/* Widens the columns to this row's text; returns the lines its tallest wrapped cell takes. */
static int widths_add(double w[N_COLS], const lit_paper *p, const prow *r)
{
    const char *cell[N_COLS];
    row_cells(p, r, cell);
    int lines = 1;
    for (int c = 0; c < N_COLS; c++) {
        if (!cell[c]) continue;
        w[c] = text_width(cell[c], w[c], paper_cols[c].cap);
        if (paper_cols[c].wrap) {
            int l = text_lines(cell[c], paper_cols[c].cap);
            if (l > lines) lines = l;
        }
    }
    return lines;
}

static void widths_set(xw *x, const double w[N_COLS])
{
    for (int c = 0; c < N_COLS; c++) {
        double width = w[c] + 1;  /* a little air on either side */
        if (width > paper_cols[c].cap + 1) width = paper_cols[c].cap + 1;
        if (width < paper_cols[c].min) width = paper_cols[c].min;
        chk(x, worksheet_set_column(x->ws_papers, (lxw_col_t)c, (lxw_col_t)c, width,
                                    paper_cols[c].wrap ? x->f_wrap : NULL));
    }
}

/* A hyperlink if the sheet can still take one, else the text. Non-ASCII in the address
 * is percent-encoded (a URI, as the package's relationships need; browsers show it
 * decoded); the cell shows the text as it was. */
static void put_link(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *url, const char *shown,
                     bool link, lxw_format *f_link, lxw_format *f_text, const lit_paper *p, const char *what)
{
    if (!link) {
        put_str(x, ws, r, c, shown, f_text, p, what);
        return;
    }
    const unsigned char *u = (const unsigned char *)url;
    while (*u && *u < 0x80) u++;
    if (*u) {
        lit_buf_reset(&x->iri);
        for (u = (const unsigned char *)url; *u; u++) {
            if (*u < 0x80) lit_buf_addc(&x->iri, (char)*u);
            else lit_buf_printf(&x->iri, "%%%02X", *u);
        }
        url = lit_buf_str(&x->iri);
    }
    bool cut;
    const char *t = cell_text(x, shown, x->max_cell, &cut);
    if (cut) warn_cut(x, p, what, x->max_cell);
    chk(x, worksheet_write_url_opt(ws, r, c, url, f_link, t, NULL));
}

/* The Papers rows in reading order: by topic in taxonomy order (a paper under its first
 * topic; unknown topics after the known ones, no topic last), then year, then key. */
typedef struct prank { const char *key; uint32_t paper; int32_t topic; int16_t year; } prank;

static int by_rank(const void *a, const void *b)
{
    const prank *p = a, *q = b;
    if (p->topic != q->topic) return p->topic < q->topic ? -1 : 1;
    if (p->year != q->year) return p->year < q->year ? -1 : 1;
    return strcmp(p->key, q->key);
}

static uint32_t *papers_order(xw *x, size_t n)
{
    const lit_catalog *c = x->cat;
    const lit_topics *ts = &x->s->db->topics;
    int32_t *rank = lit_xmalloc((c->topics.n + 1) * sizeof *rank);   /* catalog topic -> taxonomy place */
    for (size_t t = 0; t < c->topics.n; t++) {
        int k = lit_topics_find(ts, c->topics.names[t]);
        rank[t] = k >= 0 ? k : (int32_t)(ts->n + t);
    }
    prank *r = lit_xmalloc((n + 1) * sizeof *r);
    for (size_t i = 0; i < n; i++) {
        const lit_paper *p = &c->papers[x->s->sel[i]];
        int32_t best = INT32_MAX;
        for (uint32_t k = 0; k < p->n_topics; k++)
            if (p->topics[k] >= 0 && rank[p->topics[k]] < best) best = rank[p->topics[k]];
        r[i] = (prank){p->key, x->s->sel[i], best, p->year > 0 ? p->year : INT16_MAX};
    }
    qsort(r, n, sizeof *r, by_rank);
    uint32_t *order = lit_xmalloc((n + 1) * sizeof *order);
    for (size_t i = 0; i < n; i++) order[i] = r[i].paper;
    free(r);
    free(rank);
    return order;
}

static void sheet_papers(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_papers;
    size_t n = s->n_papers;
    if (n > x->max_rows - 1) {
        lit_warn(x->d, NULL, 0, 0, "sheet '%s' holds %zu of the %zu papers (Excel's limit is %zu rows); "
                 "the rest are left out", SH_PAPERS, x->max_rows - 1, n, x->max_rows);
        n = x->max_rows - 1;
    }
    double widths[N_COLS];
    widths_init(widths);
    chk(x, worksheet_repeat_rows(ws, 0, 0));   /* the header on every printed page */
    for (int c = 0; c < N_COLS; c++) put_str(x, ws, 0, (lxw_col_t)c, paper_cols[c].head, x->f_head, NULL, NULL);
    worksheet_freeze_panes(ws, 1, 1);   /* the header row and the titles stay in view */
    chk(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(n ? n : 1), N_COLS - 1));

    size_t n_links = 0;
    bool linking = true;
    uint32_t *order = papers_order(x, n);
    for (size_t i = 0; i < n; i++) {
        const lit_paper *p = &x->cat->papers[order[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        prow r;
        paper_row(x, p, &r);
        const char *urls[4] = {r.paper_url, r.code, r.slides, r.talk};
        static const char *const url_what[4] = {"paper link", "code link", "slides link", "talk link"};
        bool ok[4];
        size_t want = 0;
        for (int k = 0; k < 4; k++) {
            bool too_long = false;
            ok[k] = urls[k] && linkable(urls[k], &too_long);
            if (too_long)
                lit_warn_many(x->d, "links longer than Excel allows", x->cat->path, p->line, 0,
                              "paper '%s': %s longer than Excel's %d characters; written as text", p->key,
                              url_what[k], EXCEL_MAX_URL);
            want += ok[k];
        }
        /* Whole rows only, so that the point where links stop is clear. */
        if (linking && n_links + want > x->max_links) {
            linking = false;
            lit_warn(x->d, NULL, 0, 0, "sheet '%s': more than %zu hyperlinks, which Excel cannot hold; "
                     "links from row %zu on are written as text", SH_PAPERS, x->max_links, i + 2);
        }
        if (linking) n_links += want;
        /* a linked code/slides/talk cell shows its kind; one left as text shows the address */
        static const char *const kind_shown[4] = {NULL, "code", "slides", "talk"};
        for (int k = 0; k < 4; k++) r.shown[k] = linking && ok[k] && k ? kind_shown[k] : urls[k];
        int lines = widths_add(widths, p, &r);
        if (lines > 1) chk(x, worksheet_set_row(ws, row, ROW_LINE_PT * lines, NULL));

        put_str(x, ws, row, C_KEY, p->key, x->f_top, p, "key");
        put_str(x, ws, row, C_SHORT, p->short_name, x->f_top, p, "short name");
        if (p->title && *p->title)
            put_link(x, ws, row, C_TITLE, r.paper_url, p->title, linking && ok[0], x->f_link_wrap, x->f_wrap, p,
                     "title");
        put_str(x, ws, row, C_AUTHORS, r.authors, x->f_wrap, p, "authors");
        put_str(x, ws, row, C_VENUE, r.venue, x->f_top, p, "venue");
        if (p->year > 0) put_num(x, ws, row, C_YEAR, p->year, x->f_top);
        put_str(x, ws, row, C_TOPICS, r.topics, x->f_wrap, p, "topics");
        for (int k = 1; k < 4; k++)
            if (urls[k])
                put_link(x, ws, row, (lxw_col_t)(C_CODE + k - 1), urls[k], r.shown[k], linking && ok[k], x->f_link,
                         x->f_top, p, url_what[k]);
        if (r.n_lists) put_num(x, ws, row, C_LISTS, (double)r.n_lists, x->f_top);
        if (r.status) {
            if (!is_status(r.status))
                lit_warn_many(x->d, "papers with an unknown status", x->cat->path, p->line, 0,
                              "paper '%s': status '%s' is not one of to read, reading, done, skip", p->key,
                              r.status);
            put_str(x, ws, row, C_STATUS, r.status, x->f_top, p, "status");
        }
        put_str(x, ws, row, C_PRESENTER, r.presenter, x->f_top, p, "presenter");
        if (r.date) {
            lxw_datetime dt;
            if (parse_date(r.date, &dt)) {
                chk(x, worksheet_write_datetime(ws, row, C_DATE, &dt, x->f_date));
            } else {
                lit_warn_many(x->d, "papers with a date not YYYY-MM-DD", x->cat->path, p->line, 0,
                              "paper '%s': date '%s' is not YYYY-MM-DD; kept as text", p->key, r.date);
                put_str(x, ws, row, C_DATE, r.date, x->f_top, p, "date");
            }
        }
        put_str(x, ws, row, C_NOTES, r.notes, x->f_wrap, p, "notes");
    }
    free(order);
    widths_set(x, widths);
    chk(x, worksheet_print_area(ws, 0, 0, (lxw_row_t)(n ? n : 1), PRINT_LAST_COL));
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);

    /* Drop-downs and date checks reach below the papers, where a group adds its own. */
    lxw_row_t last = (lxw_row_t)(n + EXTRA_ROWS < x->max_rows - 1 ? n + EXTRA_ROWS : x->max_rows - 1);
    lxw_data_validation status = {
        .validate = LXW_VALIDATION_TYPE_LIST, .value_list = status_values,
        .input_title = "Status", .input_message = "to read, reading, done or skip",
        .error_type = LXW_VALIDATION_ERROR_TYPE_WARNING, .error_title = "Status",
        .error_message = "Pick one of: to read, reading, done, skip"};
    chk(x, worksheet_data_validation_range(ws, 1, C_STATUS, last, C_STATUS, &status));
    lxw_data_validation date = {
        .validate = LXW_VALIDATION_TYPE_DATE, .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
        .minimum_datetime = {.year = 1970, .month = 1, .day = 1},
        .maximum_datetime = {.year = 2199, .month = 12, .day = 31},
        .input_title = "Date", .input_message = "When the paper is presented (YYYY-MM-DD)",
        .error_title = "Date", .error_message = "Enter a date such as 2024-03-05"};
    chk(x, worksheet_data_validation_range(ws, 1, C_DATE, last, C_DATE, &date));

    /* Status colours first: the first rule has priority over the banding below. */
    static const char *const st_val[3] = {"\"done\"", "\"reading\"", "\"skip\""};
    lxw_format *st_fmt[3] = {x->f_done, x->f_reading, x->f_skip};
    for (int k = 0; k < 3; k++) {
        lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
                                     .value_string = (char *)st_val[k], .format = st_fmt[k]};
        chk(x, worksheet_conditional_format_range(ws, 1, C_STATUS, last, C_STATUS, &cf));
    }
    if (n) {
        lxw_conditional_format band = {.type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = "=MOD(ROW(),2)=0",
                                       .format = x->f_band};
        chk(x, worksheet_conditional_format_range(ws, 1, 0, (lxw_row_t)n, N_COLS - 1, &band));
    }
}

/* ---- statistics sheets ------------------------------------------------------- */

/* How many of n data rows (below header_rows) fit on a sheet; warns when not all. */
static size_t fit_rows(xw *x, const char *sheet, size_t n, size_t header_rows)
{
    if (n + header_rows <= x->max_rows) return n;
    size_t k = x->max_rows - header_rows;
    lit_warn(x->d, NULL, 0, 0, "sheet '%s' holds %zu of %zu rows (Excel's limit is %zu rows)", sheet, k, n,
             x->max_rows);
    return k;
}

static void header_row(xw *x, lxw_worksheet *ws, const char *const *heads, int n, const double *widths)
{
    for (int c = 0; c < n; c++) {
        put_str(x, ws, 0, (lxw_col_t)c, heads[c], x->f_head, NULL, NULL);
        chk(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
    }
    worksheet_freeze_panes(ws, 1, 0);
}

/* libxlsxwriter returns NULL for a format or a series only when memory runs out, which
 * aborts here as everywhere (the next call would dereference it). */
static void *need(void *p)
{
    if (!p) {
        fputs("litsurvey: out of memory\n", stderr);
        abort();
    }
    return p;
}

static lxw_chart_series *add_series(lxw_chart *ch)
{
    return need(chart_add_series(ch, NULL, NULL));
}

static lxw_chart *new_chart(xw *x, uint8_t type, const char *title, bool legend)
{
    lxw_chart *ch = workbook_add_chart(x->wb, type);
    if (!ch) {
        chk(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    chart_title_set_name(ch, title);
    if (!legend) chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    else chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
    /* The style's background, text and grid colours, as in the Cairo charts (a dark
     * style gives dark charts). */
    const lit_style *st = x->st;
    lxw_chart_fill bg = {.color = rgb_color(st->background)};
    chart_chartarea_set_fill(ch, &bg);
    chart_plotarea_set_fill(ch, &bg);
    lxw_chart_font text = {.color = rgb_color(st->foreground)}, head = {.color = text.color, .bold = LXW_TRUE};
    chart_title_set_name_font(ch, &head);
    chart_legend_set_font(ch, &text);
    chart_axis_set_num_font(ch->x_axis, &text);
    chart_axis_set_num_font(ch->y_axis, &text);
    lxw_chart_line axis = {.color = rgb_color(st->muted)}, grid = {.color = rgb_color(st->grid_color)};
    chart_axis_set_line(ch->x_axis, &axis);
    chart_axis_set_line(ch->y_axis, &axis);
    /* the value axis carries the grid: horizontal for bars, vertical otherwise */
    chart_axis_major_gridlines_set_line(type == LXW_CHART_BAR ? ch->x_axis : ch->y_axis, &grid);
    return ch;
}

/* Height for a bar chart of n bars: room for every label. */
static double bars_scale(size_t n)
{
    double px = 90 + 20 * (double)n;
    return px > 432 ? px / 288 : 1.5;
}

static void series_color(lxw_chart_series *se, lxw_color_t c, bool line)
{
    if (line) {
        lxw_chart_line l = {.color = c, .width = 2.25};
        chart_series_set_line(se, &l);
    } else {
        lxw_chart_fill f = {.color = c};
        chart_series_set_fill(se, &f);
    }
}

/* Charts are 720 px wide (1.5 times Excel's default), y_scale times 288 px high. */
static void place_chart(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, lxw_chart *ch, double y_scale)
{
    if (!ch) return;
    lxw_chart_options o = {.x_scale = 1.5, .y_scale = y_scale, .object_position = LXW_OBJECT_MOVE_DONT_SIZE};
    chk(x, worksheet_insert_chart_opt(ws, r, c, ch, &o));
}

/* Venues, most papers first (the chart's order), "(no venue)" last. */
static double venues_scale(const xw *x)
{
    return bars_scale(x->n_vrows < CHART_MAX_BARS ? x->n_vrows : CHART_MAX_BARS);
}

static lxw_chart *chart_venues(xw *x)
{
    size_t n = 0;
    while (n < x->n_vrows && n < CHART_MAX_BARS && x->s->venues[x->venue_rows[n]].id >= 0) n++;
    if (!n) return NULL;
    const char *title = n < x->n_vrows ? "Papers per venue (top venues)" : "Papers per venue";
    lxw_chart *ch = new_chart(x, LXW_CHART_BAR, title, false);
    if (!ch) return NULL;
    lxw_chart_series *se = add_series(ch);
    chart_series_set_categories(se, SH_VENUES, 1, 0, (lxw_row_t)n, 0);
    chart_series_set_values(se, SH_VENUES, 1, 4, (lxw_row_t)n, 4);
    chart_series_set_name_range(se, SH_VENUES, 0, 4);
    series_color(se, palette_color(x, BAR_COLOR), false);
    chart_axis_set_reverse(ch->y_axis);   /* the biggest venue on top, as in a ranking */
    chart_set_series_gap(ch, 50);
    return ch;
}

static void sheet_venues(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_venues;
    static const char *const heads[] = {"Venue", "Name", "Kind", "Area", "Papers", "Share"};
    double widths[6] = {12, 30, 12, 14, 8, 8};
    for (size_t i = 0; i < x->n_vrows; i++) {
        const lit_count *v = &s->venues[x->venue_rows[i]];
        widths[0] = text_width(v->name ? v->name : "", widths[0], 30);
        const lit_venue *ve = v->id >= 0 ? lit_venues_find(&s->db->venues, v->name) : NULL;
        if (ve && ve->name) widths[1] = text_width(ve->name, widths[1], 70);
    }
    widths[0] += 1, widths[1] += 1;
    header_row(x, ws, heads, 6, widths);
    for (size_t i = 0; i < x->n_vrows; i++) {
        const lit_count *v = &s->venues[x->venue_rows[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        const lit_venue *ve = v->id >= 0 ? lit_venues_find(&s->db->venues, v->name) : NULL;
        put_str(x, ws, row, 0, v->name, NULL, NULL, "venue");
        if (ve) {
            put_str(x, ws, row, 1, ve->name, NULL, NULL, "venue name");
            put_str(x, ws, row, 2, lit_venue_kind_name(ve->kind), NULL, NULL, NULL);
            put_str(x, ws, row, 3, ve->area, NULL, NULL, "venue area");
        }
        put_num(x, ws, row, 4, (double)v->count, NULL);
        put_num(x, ws, row, 5, lit_share(v->count, s->n_papers) / 100.0, x->f_pct);
    }
    if (x->n_vrows) chk(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)x->n_vrows, 5));
    place_chart(x, ws, 1, 7, chart_venues(x), venues_scale(x));
}

static lxw_chart *chart_years(xw *x, uint8_t type)
{
    if (!x->s->n_years) return NULL;
    lxw_chart *ch = new_chart(x, type, "Papers per year", false);
    if (!ch) return NULL;
    lxw_chart_series *se = add_series(ch);
    chart_series_set_categories(se, SH_YEARS, 1, 0, (lxw_row_t)x->s->n_years, 0);
    chart_series_set_values(se, SH_YEARS, 1, 1, (lxw_row_t)x->s->n_years, 1);
    chart_series_set_name_range(se, SH_YEARS, 0, 1);
    series_color(se, palette_color(x, BAR_COLOR), type == LXW_CHART_LINE);
    if (type == LXW_CHART_LINE) chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
    return ch;
}

static void sheet_years(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_years;
    static const char *const heads[] = {"Year", "Papers", "Cumulative", "Share"};
    static const double widths[] = {9, 9, 12, 8};
    header_row(x, ws, heads, 4, widths);
    size_t n = s->n_years, total = 0;   /* years are a short range: stats bounds them */
    for (size_t i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)(i + 1);
        total += s->per_year[i];
        put_num(x, ws, row, 0, s->year_min + (double)i, NULL);
        put_num(x, ws, row, 1, (double)s->per_year[i], NULL);
        put_num(x, ws, row, 2, (double)total, NULL);
        put_num(x, ws, row, 3, lit_share(s->per_year[i], s->n_papers) / 100.0, x->f_pct);
    }
    /* Unknown years below the table, out of the chart's range. */
    put_str(x, ws, (lxw_row_t)(n + 2), 0, "(no year)", NULL, NULL, NULL);
    put_num(x, ws, (lxw_row_t)(n + 2), 1, (double)s->n_no_year, NULL);
    place_chart(x, ws, 1, 5, chart_years(x, LXW_CHART_COLUMN), 1.5);
}

static double topics_scale(const xw *x)
{
    return bars_scale(x->n_trows < CHART_MAX_SERIES ? x->n_trows : CHART_MAX_SERIES);
}

static lxw_chart *chart_topics(xw *x)
{
    size_t n = x->n_trows < CHART_MAX_SERIES ? x->n_trows : CHART_MAX_SERIES;
    if (!n) return NULL;
    lxw_chart *ch = new_chart(x, LXW_CHART_BAR, n < x->n_trows ? "Papers per topic (top topics)" : "Papers per topic",
                              false);
    if (!ch) return NULL;
    lxw_chart_series *se = add_series(ch);
    chart_series_set_categories(se, SH_TOPICS, 1, 0, (lxw_row_t)n, 0);
    chart_series_set_values(se, SH_TOPICS, 1, 3, (lxw_row_t)n, 3);
    chart_series_set_name_range(se, SH_TOPICS, 0, 3);
    /* One colour per bar: the topic's. */
    lxw_chart_fill *fills = lit_xcalloc(n, sizeof *fills);
    lxw_chart_point *pts = lit_xcalloc(n, sizeof *pts);
    lxw_chart_point **pp = lit_xcalloc(n + 1, sizeof *pp);
    for (size_t i = 0; i < n; i++) {
        const lit_count *t = &x->s->topics[x->topic_rows[i]];
        fills[i].color = t->id >= 0 ? topic_color(x, x->topic_rows[i]) : rgb_color(x->st->other_color);
        pts[i].fill = &fills[i];
        pp[i] = &pts[i];
    }
    chk(x, chart_series_set_points(se, pp));   /* copies them */
    free(pp), free(pts), free(fills);
    chart_axis_set_reverse(ch->y_axis);   /* taxonomy order from the top */
    chart_set_series_gap(ch, 50);
    return ch;
}

static void sheet_topics(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_topics;
    static const char *const heads[] = {"Topic", "Id", "Parent", "Papers", "Share", "Colour"};
    double widths[6] = {14, 10, 14, 8, 8, 8};
    for (size_t i = 0; i < x->n_trows; i++) {
        const lit_count *t = &s->topics[x->topic_rows[i]];
        if (t->name) widths[0] = text_width(t->name, widths[0], 40);
        const char *id = lit_catalog_topic(x->cat, t->id);
        if (id) widths[1] = text_width(id, widths[1], 40);
    }
    widths[0] += 1, widths[1] += 1, widths[2] = widths[0];
    header_row(x, ws, heads, 6, widths);
    for (size_t i = 0; i < x->n_trows; i++) {
        const lit_count *t = &s->topics[x->topic_rows[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        const char *id = lit_catalog_topic(x->cat, t->id);
        put_str(x, ws, row, 0, t->name, NULL, NULL, "topic");
        put_str(x, ws, row, 1, id, NULL, NULL, "topic id");
        int ix = id ? lit_topics_find(&s->db->topics, id) : -1;
        if (ix >= 0 && s->db->topics.t[ix].parent_ix >= 0) {
            const lit_topic *par = &s->db->topics.t[s->db->topics.t[ix].parent_ix];
            put_str(x, ws, row, 2, par->label ? par->label : par->id, NULL, NULL, "topic parent");
        }
        put_num(x, ws, row, 3, (double)t->count, NULL);
        put_num(x, ws, row, 4, lit_share(t->count, s->n_papers) / 100.0, x->f_pct);
        /* A swatch of the topic's colour in the charts. */
        int slot = t->id >= 0 ? lit_chart_topic_slot(s, x->st, x->topic_rows[i]) : -1;
        if (slot >= 0) chk(x, worksheet_write_blank(ws, row, 5, x->f_swatch[slot]));
    }
    place_chart(x, ws, 1, 7, chart_topics(x), topics_scale(x));
}

/* The Cairo heatmap's colours (lit_style_heat_color) as one cell rule per count, or per
 * band of counts past HEAT_BANDS: Excel's colour scales blend their stops in RGB, which
 * turns viridis brown. Numbers are white where the fill is dark (the charts' WCAG rule);
 * zeros are hidden by the cells' number format, as in the charts. */
#define HEAT_BANDS 16
#define DARK_FILL 0.179
static void heat_rules(xw *x, lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col, size_t max)
{
    const lit_style *st = x->st;
    lxw_conditional_format empty = {.type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
                                    .value = 0, .format = fill_fmt(x, rgb_color(st->empty_color), LXW_COLOR_UNSET)};
    chk(x, worksheet_conditional_format_range(ws, 1, 1, last_row, last_col, &empty));
    size_t bands = max < HEAT_BANDS ? max : HEAT_BANDS;
    for (size_t b = 0; b < bands; b++) {
        size_t lo = 1 + b * max / bands, hi = (b + 1) * max / bands;
        lit_rgb c = lit_style_heat_color(st, (lo + hi) / 2, max);
        lxw_conditional_format band = {
            .type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN,
            .min_value = (double)lo, .max_value = (double)hi,
            .format = fill_fmt(x, rgb_color(c), lit_rgb_luminance(c) <= DARK_FILL ? LXW_COLOR_WHITE : LXW_COLOR_UNSET)};
        chk(x, worksheet_conditional_format_range(ws, 1, 1, last_row, last_col, &band));
    }
}

/* A count matrix (rows x years) with totals and a colour scale like the Cairo heatmap. */
static void matrix(xw *x, lxw_worksheet *ws, const char *sheet, const char *corner, const size_t *rows,
                   size_t n_rows, bool topics, const size_t *cells)
{
    const lit_stats *s = x->s;
    size_t ny = s->n_years;
    if (ny + 2 > EXCEL_MAX_COLS) {
        lit_warn(x->d, NULL, 0, 0, "sheet '%s' holds the first %d of %zu years (Excel's limit is %d columns)",
                 sheet, EXCEL_MAX_COLS - 2, ny, EXCEL_MAX_COLS);
        ny = EXCEL_MAX_COLS - 2;
    }
    double w0 = text_width(corner, 0, 40) + 3;
    for (size_t i = 0; i < n_rows; i++) {
        const lit_count *c = topics ? &s->topics[rows[i]] : &s->venues[rows[i]];
        if (c->name) w0 = text_width(c->name, w0, 40);
    }
    chk(x, worksheet_set_column(ws, 0, 0, w0 + 1, NULL));
    if (ny) chk(x, worksheet_set_column(ws, 1, (lxw_col_t)ny, 6.5, NULL));
    chk(x, worksheet_set_column(ws, (lxw_col_t)(ny + 1), (lxw_col_t)(ny + 1), 8, NULL));
    put_str(x, ws, 0, 0, corner, x->f_head, NULL, NULL);
    for (size_t j = 0; j < ny; j++) put_num(x, ws, 0, (lxw_col_t)(j + 1), s->year_min + (double)j, x->f_head);
    put_str(x, ws, 0, (lxw_col_t)(ny + 1), "Total", x->f_head, NULL, NULL);
    worksheet_freeze_panes(ws, 1, 1);
    size_t max = 0;
    for (size_t i = 0; i < n_rows; i++) {
        const lit_count *c = topics ? &s->topics[rows[i]] : &s->venues[rows[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        put_str(x, ws, row, 0, c->name, NULL, NULL, topics ? "topic" : "venue");
        for (size_t j = 0; j < ny; j++) {
            size_t v = cells[rows[i] * s->n_years + j];
            if (v > max) max = v;
            put_num(x, ws, row, (lxw_col_t)(j + 1), (double)v, x->f_count);
        }
        put_num(x, ws, row, (lxw_col_t)(ny + 1), (double)c->count, x->f_bold);
    }
    if (n_rows && ny) heat_rules(x, ws, (lxw_row_t)n_rows, (lxw_col_t)ny, max);
}

/* The topic-trend charts plot what the Cairo one does: each paper once, under the largest
 * of its topics (lit_chart_trend_counts), the TREND_TOP largest topics at the bottom, the
 * rest summed as "Other topics" in the style's other colour. Their rows live on the Chart data sheet, for Excel to draw from. */
typedef struct trend_row { size_t ix, total; int order; } trend_row;

static int by_total(const void *a, const void *b)
{
    const trend_row *p = a, *q = b;
    if (p->total != q->total) return p->total < q->total ? 1 : -1;
    return (p->order > q->order) - (p->order < q->order);
}

static void sheet_chart_data(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_cd;
    size_t ny = s->n_years < EXCEL_MAX_COLS - 2 ? s->n_years : EXCEL_MAX_COLS - 2;
    /* the Cairo chart's counts: each paper once, under the largest of its topics; the
     * topics in its order (by size, ties in taxonomy order) */
    size_t *m = lit_chart_trend_counts(s);
    trend_row *tr = lit_xcalloc(x->n_trows + 1, sizeof *tr);
    size_t n = 0;
    for (size_t i = 0; i < x->n_trows; i++) {
        size_t t = x->topic_rows[i];
        if (s->topics[t].id >= 0) tr[n++] = (trend_row){t, s->topics[t].count, (int)t};
    }
    qsort(tr, n, sizeof *tr, by_total);
    x->n_trend = n > TREND_TOP ? TREND_TOP : n;
    x->trend_other = n > TREND_TOP;
    x->trend_order = lit_xcalloc(x->n_trend + 1, sizeof *x->trend_order);

    double w0 = text_width("Other topics", 0, 40) + 1;
    for (size_t i = 0; i < x->n_trend; i++) {
        const char *name = s->topics[tr[i].ix].name;
        if (name) w0 = text_width(name, w0, 40);
    }
    chk(x, worksheet_set_column(ws, 0, 0, w0 + 1, NULL));
    put_str(x, ws, 0, 0, "Topic", x->f_head, NULL, NULL);
    for (size_t j = 0; j < ny; j++) put_num(x, ws, 0, (lxw_col_t)(j + 1), s->year_min + (double)j, x->f_head);
    lxw_row_t row = 1;
    for (size_t i = 0; i < x->n_trend; i++, row++) {
        const lit_count *t = &s->topics[tr[i].ix];
        x->trend_order[i] = t->id >= 0 ? (int)tr[i].ix : -1;
        put_str(x, ws, row, 0, t->name, NULL, NULL, "topic");
        const size_t *v = &m[tr[i].ix * s->n_years];
        for (size_t j = 0; j < ny; j++) put_num(x, ws, row, (lxw_col_t)(j + 1), (double)v[j], NULL);
    }
    size_t n_shown = 0, n_other = 0;   /* papers under the shown topics and under the rest */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < ny; j++) {
            size_t v = m[tr[i].ix * s->n_years + j];
            if (i < TREND_TOP) n_shown += v;
            else n_other += v;
        }
    if (x->trend_other) {
        put_str(x, ws, row, 0, "Other topics", NULL, NULL, NULL);
        for (size_t j = 0; j < ny; j++) {
            size_t sum = 0;
            for (size_t i = TREND_TOP; i < n; i++) sum += m[tr[i].ix * s->n_years + j];
            put_num(x, ws, row, (lxw_col_t)(j + 1), (double)sum, NULL);
        }
        row++;
    }
    /* as the Cairo chart: an "other" larger than the shown topics together is not drawn */
    x->trend_other_drawn = x->trend_other && n_other <= n_shown;
    char note[200];
    snprintf(note, sizeof note, "The topic charts draw these rows: each paper once, under the largest of its topics; "
             "the %d largest topics%s.", TREND_TOP,
             x->trend_other_drawn ? ", then the rest summed"
             : x->trend_other     ? " (the rest, summed in the last row, is more than they together and is not drawn)"
                                  : "");
    put_str(x, ws, row + 1, 0, note, NULL, NULL, NULL);
    free(tr);
    free(m);
}

/* Topics stacked over the years, one colour per topic (column or area). */
static lxw_chart *chart_topic_trend(xw *x, uint8_t type)
{
    size_t n = x->n_trend + x->trend_other_drawn;
    size_t ny = x->s->n_years;
    if (!n || !ny || ny + 2 > EXCEL_MAX_COLS) return NULL;
    lxw_chart *ch = new_chart(x, type, "Papers per topic and year", true);
    if (!ch) return NULL;
    for (size_t i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)(i + 1);
        lxw_chart_series *se = add_series(ch);
        chart_series_set_categories(se, SH_CHART_DATA, 0, 1, 0, (lxw_col_t)ny);
        chart_series_set_values(se, SH_CHART_DATA, row, 1, row, (lxw_col_t)ny);
        chart_series_set_name_range(se, SH_CHART_DATA, row, 0);
        series_color(se, i < x->n_trend && x->trend_order[i] >= 0 ? topic_color(x, (size_t)x->trend_order[i])
                                                               : rgb_color(x->st->other_color), false);
    }
    if (type == LXW_CHART_COLUMN_STACKED) chart_set_series_gap(ch, 40);
    return ch;
}

static void sheet_topic_year(xw *x)
{
    matrix(x, x->ws_ty, SH_TOPIC_YEAR, "Topic", x->topic_rows, x->n_trows, true, x->s->topic_year);
    place_chart(x, x->ws_ty, (lxw_row_t)(x->n_trows + 3), 0, chart_topic_trend(x, LXW_CHART_COLUMN_STACKED), 1.5);
}

static void sheet_venue_year(xw *x)
{
    matrix(x, x->ws_vy, SH_VENUE_YEAR, "Venue", x->venue_rows, x->n_vrows, false, x->s->venue_year);
}

/* ---- summary ----------------------------------------------------------------- */

static void figure(xw *x, lxw_row_t *row, const char *label, double v)
{
    put_str(x, x->ws_summary, *row, 0, label, NULL, NULL, NULL);
    put_num(x, x->ws_summary, *row, 1, v, NULL);
    ++*row;
}

static void count_table(xw *x, lxw_row_t *row, const char *head, const lit_count *rows, size_t n)
{
    lxw_worksheet *ws = x->ws_summary;
    if (!n) return;
    ++*row;
    put_str(x, ws, *row, 0, head, x->f_head, NULL, NULL);
    put_str(x, ws, *row, 1, "Papers", x->f_head, NULL, NULL);
    ++*row;
    for (size_t i = 0; i < n && *row < x->max_rows; i++, ++*row) {
        put_str(x, ws, *row, 0, rows[i].name, NULL, NULL, NULL);
        put_num(x, ws, *row, 1, (double)rows[i].count, NULL);
    }
}

static void sheet_summary(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_summary;
    chk(x, worksheet_set_column(ws, 0, 0, 30, NULL));
    chk(x, worksheet_set_column(ws, 1, 1, 12, NULL));
    lxw_row_t row = 0;
    put_str(x, ws, row++, 0, x->title, x->f_title, NULL, "title");
    row++;
    figure(x, &row, "Papers", (double)s->n_papers);
    if (s->n_total != s->n_papers) figure(x, &row, "Papers in the catalog", (double)s->n_total);
    size_t n_venues = 0, n_topics = 0, in_many = 0;
    for (size_t i = 0; i < s->n_venues; i++) n_venues += s->venues[i].id >= 0;
    for (size_t i = 0; i < s->n_topics; i++) n_topics += s->topics[i].id >= 0;
    for (size_t k = 2; s->per_nlists && k <= s->max_nlists; k++) in_many += s->per_nlists[k];
    figure(x, &row, "Venues", (double)n_venues);
    figure(x, &row, "Topics", (double)n_topics);
    put_str(x, ws, row, 0, "Years covered", NULL, NULL, NULL);
    if (s->n_years) {
        char span[64];
        if (s->year_min == s->year_max) snprintf(span, sizeof span, "%d", s->year_min);
        else snprintf(span, sizeof span, "%d\xE2\x80\x93%d (%zu years)", s->year_min, s->year_max, s->n_years);
        put_str(x, ws, row, 1, span, NULL, NULL, NULL);
    } else {
        put_str(x, ws, row, 1, "none", NULL, NULL, NULL);
    }
    row++;
    figure(x, &row, "Lists merged", (double)s->n_lists);
    figure(x, &row, "Papers in two or more lists", (double)in_many);
    figure(x, &row, "Papers without a year", (double)s->n_no_year);
    figure(x, &row, "Papers without a venue", (double)s->n_no_venue);
    figure(x, &row, "Papers without a topic", (double)s->n_no_topic);
    if (s->n_year_inferred) figure(x, &row, "Years taken from arXiv ids", (double)s->n_year_inferred);
    size_t with_code = 0, with_talk = 0;
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *p = &x->cat->papers[s->sel[i]];
        with_code += find_link(p, "code", NULL) != NULL;
        with_talk += find_link(p, "slides", NULL) || find_link(p, "talk", "video");
    }
    figure(x, &row, "Papers with code", (double)with_code);
    figure(x, &row, "Papers with slides or a talk", (double)with_talk);
    count_table(x, &row, "Venue kind", s->kinds, s->n_kinds);
    count_table(x, &row, "Area", s->areas, s->n_areas);

    /* The charts, two abreast, beside the figures; the second pair below the taller of
     * the first (rows are 20 px). */
    double venues = venues_scale(x), top = venues > 1.5 ? venues : 1.5;
    lxw_row_t next = (lxw_row_t)(1 + top * 288 / 20 + 2);
    place_chart(x, ws, 1, 3, chart_years(x, LXW_CHART_LINE), 1.5);
    place_chart(x, ws, 1, 15, chart_venues(x), venues);
    place_chart(x, ws, next, 3, chart_topic_trend(x, LXW_CHART_AREA_STACKED), 1.5);
    place_chart(x, ws, next, 15, chart_topics(x), topics_scale(x));
}

/* ---- workbook ---------------------------------------------------------------- */

static lxw_format *fmt(xw *x)
{
    return need(workbook_add_format(x->wb));
}

static lxw_format *fill_fmt(xw *x, lxw_color_t bg, lxw_color_t fg)
{
    lxw_format *f = fmt(x);
    format_set_bg_color(f, bg);
    if (fg != LXW_COLOR_UNSET) format_set_font_color(f, fg);
    return f;
}

static lxw_format *link_fmt(xw *x, bool wrap)
{
    lxw_format *f = fmt(x);
    format_set_font_color(f, LXW_COLOR_BLUE);
    format_set_underline(f, LXW_UNDERLINE_SINGLE);
    format_set_hyperlink(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);   /* Papers rows read from their top line */
    if (wrap) format_set_text_wrap(f);
    return f;
}

static void make_formats(xw *x)
{
    x->f_head = fill_fmt(x, 0xD9D9D9, LXW_COLOR_UNSET);
    format_set_bold(x->f_head);
    format_set_bottom(x->f_head, LXW_BORDER_THIN);
    format_set_align(x->f_head, LXW_ALIGN_VERTICAL_TOP);
    x->f_top = fmt(x);
    format_set_align(x->f_top, LXW_ALIGN_VERTICAL_TOP);
    x->f_wrap = fmt(x);
    format_set_text_wrap(x->f_wrap);
    format_set_align(x->f_wrap, LXW_ALIGN_VERTICAL_TOP);
    x->f_link = link_fmt(x, false);
    x->f_link_wrap = link_fmt(x, true);
    x->f_date = fmt(x);
    format_set_num_format(x->f_date, "yyyy-mm-dd");
    format_set_align(x->f_date, LXW_ALIGN_VERTICAL_TOP);
    x->f_pct = fmt(x);
    format_set_num_format(x->f_pct, "0.0%");
    x->f_title = fmt(x);
    format_set_bold(x->f_title);
    format_set_font_size(x->f_title, 16);
    x->f_bold = fmt(x);
    format_set_bold(x->f_bold);
    /* Conditional formats: Excel's own good / neutral / muted looks. */
    x->f_band = fill_fmt(x, 0xF2F2F2, LXW_COLOR_UNSET);
    x->f_done = fill_fmt(x, 0xC6EFCE, 0x006100);
    x->f_reading = fill_fmt(x, 0xFFEB9C, 0x9C5700);
    x->f_skip = fill_fmt(x, 0xEDEDED, 0x808080);
    x->f_count = fmt(x);
    format_set_num_format(x->f_count, "0;-0;;@");   /* zero shows as an empty cell */
    format_set_align(x->f_count, LXW_ALIGN_CENTER);
    x->f_swatch = lit_xcalloc(x->st->n_palette + 1, sizeof *x->f_swatch);
    for (size_t i = 0; i < x->st->n_palette; i++)
        x->f_swatch[i] = fill_fmt(x, rgb_color(x->st->palette[i]), LXW_COLOR_UNSET);
}

/* Rows of a count table in sheet order: the named ones, then the "(no venue)"/"(no topic)"
 * row, so that charts take a contiguous range. rank (or NULL: the statistics' order) puts
 * them by papers, most first: for topics past what a chart holds, so that the chart, which
 * draws the sheet's first rows, shows the largest (venues come in that order already). */
static size_t *sheet_order(const lit_count *rows, size_t n, const size_t *rank)
{
    size_t *ix = lit_xcalloc(n + 1, sizeof *ix), k = 0;
    if (rank) {
        size_t *by_rank = lit_xcalloc(n + 1, sizeof *by_rank);
        for (size_t i = 0; i < n; i++) by_rank[rank[i]] = i;
        for (size_t j = 0; j < n; j++)
            if (rows[by_rank[j]].id >= 0) ix[k++] = by_rank[j];
        free(by_rank);
    } else {
        for (size_t i = 0; i < n; i++)
            if (rows[i].id >= 0) ix[k++] = i;
    }
    for (size_t i = 0; i < n; i++)
        if (rows[i].id < 0) ix[k++] = i;
    return ix;
}

static time_t created_time(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        long long v = strtoll(e, &end, 10);
        /* 0 would mean "now" to libxlsxwriter. */
        if (!*end && !errno && v > 0 && v < 253402300800LL) return (time_t)v;
    }
    return (time_t)FIXED_CREATED;
}

/* Writes the whole workbook to file (a temporary the caller renames). */
/* One row of the New sheet. */
static void new_row(xw *x, size_t row, const char *change, const lit_catalog *c, const lit_paper *p, const char *what)
{
    lxw_worksheet *ws = x->ws_new;
    put_str(x, ws, (lxw_row_t)row, 0, change, NULL, NULL, NULL);
    put_str(x, ws, (lxw_row_t)row, 1, p->key, NULL, p, "key");
    put_str(x, ws, (lxw_row_t)row, 2, p->title, x->f_wrap, p, "title");
    put_str(x, ws, (lxw_row_t)row, 3, lit_catalog_venue(c, p->venue), NULL, p, "venue");
    if (p->year) put_num(x, ws, (lxw_row_t)row, 4, p->year, NULL);
    put_str(x, ws, (lxw_row_t)row, 5, what, x->f_wrap, p, "changes");
}

/* New: the papers added, then changed, then removed since a git revision of the catalog. */
static void sheet_new(xw *x)
{
    const lit_diff *df = x->news;
    static const char *const heads[] = {"Change", "Key", "Title", "Venue", "Year", "What changed"};
    static const double widths[6] = {10, 24, 70, 12, 7, 50};
    header_row(x, x->ws_new, heads, 6, widths);
    size_t rows = fit_rows(x, SH_NEW, df->n_added + df->n_changed + df->n_removed, 1), row = 1;
    for (size_t i = 0; i < df->n_added && row <= rows; i++)
        new_row(x, row++, "added", df->new_, &df->new_->papers[df->added[i]], NULL);
    lit_buf what = LIT_BUF_INIT;
    for (size_t k = 0; k < df->n_changes && row <= rows;) {
        const lit_paper *p = &df->new_->papers[df->changes[k].new_ix];
        lit_buf_reset(&what);
        k = lit_diff_paper_changes(&what, df, k, false);
        new_row(x, row++, "changed", df->new_, p, lit_buf_str(&what));
    }
    lit_buf_free(&what);
    for (size_t i = 0; i < df->n_removed && row <= rows; i++)
        new_row(x, row++, "removed", df->old, &df->old->papers[df->removed[i]], NULL);
    if (row > 1) chk(x, worksheet_autofilter(x->ws_new, 0, 0, (lxw_row_t)(row - 1), 5));
}

static int write_book(xw *x, const char *file, const char *shown, int constant_memory)
{
    const lit_stats *s = x->s;
    /* libxlsxwriter's own temporaries (one per sheet in constant-memory mode) go beside
     * the output, which has room for it, rather than in a /tmp that may be in memory. */
    char *dir = lit_xstrdup(file), *slash = strrchr(dir, '/');
    if (slash) slash[slash == dir] = '\0';   /* "/x.xlsx" keeps "/" */
    lxw_workbook_options wo = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE,
                               .tmpdir = slash ? dir : NULL};
    x->wb = workbook_new_opt(file, &wo);
    free(dir);   /* workbook_new_opt copies it */
    if (!x->wb) return lit_io_error(x->d, shown, "cannot create the workbook");
    lxw_doc_properties props = {
        .title = (char *)x->title,
        .subject = "Papers, venues, topics and years of a literature survey",
        .comments = "Written by litsurvey",
        .created = created_time(),
    };
    chk(x, workbook_set_properties(x->wb, &props));
    make_formats(x);
    x->ws_summary = workbook_add_worksheet(x->wb, SH_SUMMARY);
    x->ws_papers = workbook_add_worksheet(x->wb, SH_PAPERS);
    x->ws_venues = workbook_add_worksheet(x->wb, SH_VENUES);
    x->ws_years = workbook_add_worksheet(x->wb, SH_YEARS);
    x->ws_topics = workbook_add_worksheet(x->wb, SH_TOPICS);
    x->ws_ty = workbook_add_worksheet(x->wb, SH_TOPIC_YEAR);
    x->ws_vy = workbook_add_worksheet(x->wb, SH_VENUE_YEAR);
    x->ws_cd = workbook_add_worksheet(x->wb, SH_CHART_DATA);
    if (x->news) x->ws_new = workbook_add_worksheet(x->wb, SH_NEW);
    if ((x->news && !x->ws_new) || !x->ws_summary || !x->ws_papers || !x->ws_venues || !x->ws_years || !x->ws_topics || !x->ws_ty ||
        !x->ws_vy || !x->ws_cd) {
        lxw_workbook_free(x->wb);
        return lit_io_error(x->d, shown, "cannot create the workbook's sheets (temporary files: %s)",
                            strerror(errno));
    }
    /* Printed: landscape, every column on the page width (charts included). */
    lxw_worksheet *all[] = {x->ws_summary, x->ws_papers, x->ws_venues, x->ws_years, x->ws_topics, x->ws_ty, x->ws_vy,
                             x->ws_cd};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        worksheet_set_landscape(all[i]);
        worksheet_fit_to_pages(all[i], 1, 0);
    }
    x->venue_rows = sheet_order(s->venues, s->n_venues, NULL);
    size_t named = 0;
    for (size_t i = 0; i < s->n_topics; i++) named += s->topics[i].id >= 0;
    x->topic_rows = sheet_order(s->topics, s->n_topics, named > CHART_MAX_SERIES ? s->topic_rank : NULL);
    x->n_vrows = fit_rows(x, SH_VENUES, s->n_venues, 1);
    x->n_trows = fit_rows(x, SH_TOPICS, s->n_topics, 1);

    /* Each sheet is written top to bottom, as constant-memory mode needs. */
    sheet_chart_data(x);   /* first: the trend charts need its rows */
    sheet_summary(x);
    sheet_papers(x);
    sheet_venues(x);
    sheet_years(x);
    sheet_topics(x);
    sheet_topic_year(x);
    sheet_venue_year(x);
    if (x->news) {
        sheet_new(x);
        worksheet_set_landscape(x->ws_new);
        worksheet_fit_to_pages(x->ws_new, 1, 0);
    }
    worksheet_activate(x->ws_papers);   /* where a reading group works */

    lxw_error e = workbook_close(x->wb);   /* frees the workbook whatever happens */
    x->wb = NULL;
    if (x->err != LXW_NO_ERROR) return lit_io_error(x->d, shown, "cannot write the workbook: %s", lxw_strerror(x->err));
    if (e != LXW_NO_ERROR) return lit_io_error(x->d, shown, "cannot write: %s", lxw_strerror(e));
    return 0;
}

int lit_xlsx_write_opts(const lit_stats *s, const lit_style *st, const char *path, const lit_xlsx_opts *o,
                        lit_diag *d)
{
    lit_xlsx_opts def = LIT_XLSX_OPTS_INIT;
    if (!o) o = &def;
    xw x = {.s = s, .st = st, .cat = &s->db->cat, .d = d, .news = o->news, .news_since = o->news_since};
    x.title = o->title && *o->title ? o->title : "Literature survey";
    x.max_rows = o->max_rows >= 2 && o->max_rows < EXCEL_MAX_ROWS ? o->max_rows : EXCEL_MAX_ROWS;
    x.max_links = o->max_links && o->max_links < LXW_MAX_NUMBER_URLS ? o->max_links : LXW_MAX_NUMBER_URLS;
    x.max_cell = o->max_cell && o->max_cell < EXCEL_MAX_CELL ? o->max_cell : EXCEL_MAX_CELL;
    int cm = o->constant_memory >= 0 ? o->constant_memory : s->n_papers > LIT_XLSX_BIG;

    /* Labels of the catalog's topic ids, looked up once. */
    x.topic_label = lit_xcalloc(x.cat->topics.n + 1, sizeof *x.topic_label);
    for (size_t i = 0; i < x.cat->topics.n; i++) {
        int t = lit_topics_find(&s->db->topics, x.cat->topics.names[i]);
        x.topic_label[i] = t >= 0 && s->db->topics.t[t].label ? s->db->topics.t[t].label : x.cat->topics.names[i];
    }

    /* libxlsxwriter writes by file name: always into a temporary (removed on a signal
     * too), renamed into place or copied to stdout, a device or a pipe. */
    lit_outfile of;
    int rc = lit_outfile_open_named(&of, path, d);
    if (rc == 0) {
        lit_outfile_close_fp(&of);
        rc = write_book(&x, of.tmp, lit_outfile_name(&of), cm);
        if (rc == 0) rc = lit_outfile_commit(&of, d);
        else lit_outfile_abort(&of);
    }
    free(x.topic_label);
    free(x.venue_rows);
    free(x.topic_rows);
    free(x.f_swatch);
    free(x.trend_order);
    lit_buf_free(&x.text);
    lit_buf_free(&x.topics);
    lit_buf_free(&x.authors);
    lit_buf_free(&x.status);
    lit_buf_free(&x.presenter);
    lit_buf_free(&x.date);
    lit_buf_free(&x.notes);
    lit_buf_free(&x.url);
    lit_buf_free(&x.iri);
    return rc;
}

int lit_xlsx_write(const lit_stats *s, const lit_style *st, const char *path, lit_diag *d)
{
    return lit_xlsx_write_opts(s, st, path, NULL, d);
}
