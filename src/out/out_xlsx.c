/* out_xlsx.c - the reading-group spreadsheet (libxlsxwriter): the workbook, its Papers and New sheets;
 * the statistics sheets are in xlsx_stats.c, cells, links and formats in xlsx_cells.c. */
#include "out_xlsx.h"
#include "xlsx_priv.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "outfile.h"

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

const char *lit_xw_find_link(const lit_paper *p, const char *kind, const char *kind2)
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

/* The value of key in the paper's `reading:` mapping, or NULL. */
static const lit_node *reading_value(const lit_paper *p, const char *key)
{
    const lit_node *m = lit_paper_extra(p, "reading", LIT_NODE_MAP);
    for (size_t j = 0; m && j < m->n; j++) {
        const lit_node *k = &m->items[2 * j];
        if (k->kind == LIT_NODE_SCALAR && k->str && strcmp(k->str, key) == 0) return &m->items[2 * j + 1];
    }
    return NULL;
}

/* A hand-added reading-group field (status, presenter, date, notes): at the top of the
 * entry, or inside a `reading:` mapping. NULL when absent. */
static const char *extra(const lit_paper *p, const char *key, lit_buf *b, const char *sep)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (strcmp(p->extras[i].key, key) == 0) return node_text(&p->extras[i].value, b, sep);
    const lit_node *v = reading_value(p, key);
    return v ? node_text(v, b, sep) : NULL;
}

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
    r->paper_url = lit_xw_find_link(p, "paper", "pdf");
    if (!r->paper_url && (p->doi || p->arxiv)) {
        lit_buf_reset(&x->url);
        if (p->doi) lit_buf_printf(&x->url, "https://doi.org/%s", p->doi);
        else lit_buf_printf(&x->url, "https://arxiv.org/abs/%s", p->arxiv);
        r->paper_url = lit_buf_str(&x->url);
    }
    r->code = lit_xw_find_link(p, "code", NULL);
    r->slides = lit_xw_find_link(p, "slides", NULL);
    r->talk = lit_xw_find_link(p, "talk", "video");
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
        w[c] = lit_xw_text_width(paper_cols[c].head, 0, 100) + 3;   /* bold, and the filter button */
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
        w[c] = lit_xw_text_width(cell[c], w[c], paper_cols[c].cap);
        if (paper_cols[c].wrap) {
            int l = lit_xw_text_lines(cell[c], paper_cols[c].cap);
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

/* ---- the reading group's own columns ----
 * Columns a group added to the Papers sheet come back as fields of a paper's `reading:`
 * mapping (litsurvey import of the workbook); they are written again after the Key, in the
 * order the catalog first names them, each value as a number, a date or text. */
#define MAX_OWN_COLS 64

static bool reading_field(const char *k)
{
    return !strcmp(k, "status") || !strcmp(k, "presenter") || !strcmp(k, "date") || !strcmp(k, "notes");
}

/* The names of the group's own columns among the selected papers (up to MAX_OWN_COLS). */
static size_t own_columns(xw *x, const char **names)
{
    size_t n = 0;
    bool told = false;
    for (size_t i = 0; i < x->s->n_papers; i++) {
        const lit_node *m = lit_paper_extra(&x->cat->papers[x->s->sel[i]], "reading", LIT_NODE_MAP);
        for (size_t j = 0; m && j < m->n; j++) {
            const char *k = m->items[2 * j].kind == LIT_NODE_SCALAR ? m->items[2 * j].str : NULL;
            if (!k || reading_field(k)) continue;
            size_t q = 0;
            while (q < n && strcmp(names[q], k)) q++;
            if (q < n) continue;
            if (n == MAX_OWN_COLS) {
                if (!told) lit_warn(x->d, NULL, 0, 0, "sheet '%s': more than %d columns of a group's own: '%s' and "
                                    "those after it are left out", SH_PAPERS, MAX_OWN_COLS, k);
                told = true;
                continue;
            }
            names[n++] = k;
        }
    }
    return n;
}

/* One of the group's own cells: a number or a YYYY-MM-DD date as such, else text. */
static void put_own(xw *x, lxw_row_t row, lxw_col_t col, const lit_paper *p, const char *name)
{
    const lit_node *n = reading_value(p, name);
    const char *v = n ? node_text(n, &x->notes, ", ") : NULL;
    if (!v || !*v) return;
    char *end;
    double num = strtod(v, &end);
    lxw_datetime dt;
    if (!*end && end != v && isfinite(num) && !isspace((unsigned char)*v)) put_num(x, x->ws_papers, row, col, num, x->f_top);
    else if (parse_date(v, &dt)) chk(x, worksheet_write_datetime(x->ws_papers, row, col, &dt, x->f_date));
    else lit_xw_put_str(x, x->ws_papers, row, col, v, x->f_wrap, p, name);
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
    for (int c = 0; c < N_COLS; c++) lit_xw_put_str(x, ws, 0, (lxw_col_t)c, paper_cols[c].head, x->f_head, NULL, NULL);
    const char *own[MAX_OWN_COLS];
    size_t n_own = own_columns(x, own);
    for (size_t k = 0; k < n_own; k++) {
        lit_xw_put_str(x, ws, 0, (lxw_col_t)(N_COLS + k), own[k], x->f_head, NULL, NULL);
        double w = lit_xw_text_width(own[k], 0, 100) + 3;
        chk(x, worksheet_set_column(ws, (lxw_col_t)(N_COLS + k), (lxw_col_t)(N_COLS + k), w < 12 ? 12 : w > 30 ? 30 : w,
                                    x->f_wrap));
    }
    lxw_col_t last_col = (lxw_col_t)(N_COLS - 1 + n_own);
    worksheet_freeze_panes(ws, 1, 1);   /* the header row and the titles stay in view */
    chk(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(n ? n : 1), last_col));

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
        /* a title links by a HYPERLINK formula where Excel's formulas can hold it:
         * LibreOffice wraps no cell with a hyperlink, and the formula needs none */
        bool title_formula = p->title && *p->title && urls[0] && lit_xw_formula_fits(x, urls[0]) && lit_xw_formula_fits(x, p->title);
        for (int k = 0; k < 4; k++) {
            bool too_long = false;
            ok[k] = urls[k] && linkable(urls[k], &too_long);
            if (too_long)
                lit_warn_many(x->d, "links longer than Excel allows", x->cat->path, p->line, 0,
                              "paper '%s': %s longer than Excel's %d characters; written as text", p->key,
                              url_what[k], EXCEL_MAX_URL);
            want += ok[k] && !(k == 0 && title_formula);
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

        lit_xw_put_str(x, ws, row, C_KEY, p->key, x->f_top, p, "key");
        lit_xw_put_str(x, ws, row, C_SHORT, p->short_name, x->f_top, p, "short name");
        if (title_formula && ok[0]) lit_xw_put_title_formula(x, ws, row, r.paper_url, p->title);
        else if (p->title && *p->title)
            lit_xw_put_link(x, ws, row, C_TITLE, r.paper_url, p->title, linking && ok[0], x->f_link_wrap, x->f_wrap, p,
                     "title");
        lit_xw_put_str(x, ws, row, C_AUTHORS, r.authors, x->f_wrap, p, "authors");
        lit_xw_put_str(x, ws, row, C_VENUE, r.venue, x->f_top, p, "venue");
        if (p->year > 0) put_num(x, ws, row, C_YEAR, p->year, x->f_top);
        lit_xw_put_str(x, ws, row, C_TOPICS, r.topics, x->f_wrap, p, "topics");
        for (int k = 1; k < 4; k++)
            if (urls[k])
                lit_xw_put_link(x, ws, row, (lxw_col_t)(C_CODE + k - 1), urls[k], r.shown[k], linking && ok[k], x->f_link,
                         x->f_top, p, url_what[k]);
        if (r.n_lists) put_num(x, ws, row, C_LISTS, (double)r.n_lists, x->f_top);
        if (r.status) {
            if (!is_status(r.status))
                lit_warn_many(x->d, "papers with an unknown status", x->cat->path, p->line, 0,
                              "paper '%s': status '%s' is not one of to read, reading, done, skip", p->key,
                              r.status);
            lit_xw_put_str(x, ws, row, C_STATUS, r.status, x->f_top, p, "status");
        }
        lit_xw_put_str(x, ws, row, C_PRESENTER, r.presenter, x->f_top, p, "presenter");
        if (r.date) {
            lxw_datetime dt;
            if (parse_date(r.date, &dt)) {
                chk(x, worksheet_write_datetime(ws, row, C_DATE, &dt, x->f_date));
            } else {
                lit_warn_many(x->d, "papers with a date not YYYY-MM-DD", x->cat->path, p->line, 0,
                              "paper '%s': date '%s' is not YYYY-MM-DD; kept as text", p->key, r.date);
                lit_xw_put_str(x, ws, row, C_DATE, r.date, x->f_top, p, "date");
            }
        }
        lit_xw_put_str(x, ws, row, C_NOTES, r.notes, x->f_wrap, p, "notes");
        for (size_t k = 0; k < n_own; k++) put_own(x, row, (lxw_col_t)(N_COLS + k), p, own[k]);
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
        chk(x, worksheet_conditional_format_range(ws, 1, 0, (lxw_row_t)n, last_col, &band));
    }
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
    long long v = lit_source_date_epoch();
    return v > 0 ? (time_t)v : (time_t)FIXED_CREATED;   /* 0 would mean "now" to libxlsxwriter */
}

/* Writes the whole workbook to file (a temporary the caller renames). */
/* One row of the New sheet. */
static void new_row(xw *x, size_t row, const char *change, const lit_catalog *c, const lit_paper *p, const char *what)
{
    lxw_worksheet *ws = x->ws_new;
    lit_xw_put_str(x, ws, (lxw_row_t)row, 0, change, NULL, NULL, NULL);
    lit_xw_put_str(x, ws, (lxw_row_t)row, 1, p->key, NULL, p, "key");
    lit_xw_put_str(x, ws, (lxw_row_t)row, 2, p->title, x->f_wrap, p, "title");
    lit_xw_put_str(x, ws, (lxw_row_t)row, 3, lit_catalog_venue(c, p->venue), NULL, p, "venue");
    if (p->year) put_num(x, ws, (lxw_row_t)row, 4, p->year, NULL);
    lit_xw_put_str(x, ws, (lxw_row_t)row, 5, what, x->f_wrap, p, "changes");
}

/* New: the papers added, then changed, then removed since a git revision of the catalog. */
static void sheet_new(xw *x)
{
    const lit_diff *df = x->news;
    static const char *const heads[] = {"Change", "Key", "Title", "Venue", "Year", "What changed"};
    static const double widths[6] = {10, 24, 70, 12, 7, 50};
    lit_xw_header_row(x, x->ws_new, heads, 6, widths);
    size_t rows = lit_xw_fit_rows(x, SH_NEW, df->n_added + df->n_changed + df->n_removed, 1), row = 1;
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
    lit_xw_make_formats(x);
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
    x->n_vrows = lit_xw_fit_rows(x, SH_VENUES, s->n_venues, 1);
    x->n_trows = lit_xw_fit_rows(x, SH_TOPICS, s->n_topics, 1);

    /* Each sheet is written top to bottom, as constant-memory mode needs. */
    lit_xw_sheet_chart_data(x);   /* first: the trend charts need its rows */
    lit_xw_sheet_summary(x);
    sheet_papers(x);
    lit_xw_sheet_venues(x);
    lit_xw_sheet_years(x);
    lit_xw_sheet_topics(x);
    lit_xw_sheet_topic_year(x);
    lit_xw_sheet_venue_year(x);
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
