/* report_pdf.c - the one-file report: title page with what the numbers rest on, contents,
 * one chart per page with its caption and numbers, the tables, the papers by topic. */
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "catalog_check.h"
#include "chart.h"
#include "diff.h"
#include "match.h"
#include "report.h"
#include "style.h"
#include "surface.h"
#include "text.h"

/* Type sizes of the printed pages (points), whatever the charts' style. */
#define PT_TITLE 22.0
#define PT_H1 15.0
#define PT_H2 11.5
#define PT_BODY 10.0
#define PT_SMALL 8.0
#define PT_TABLE 7.5
#define PT_TABLE_MIN 5.5
#define MARGIN 56.0               /* points: about 2 cm */
#define LIST_MAX 2000             /* papers listed by topic; the spreadsheet and catalog.tex hold them all */
#define TOPIC_SYSTEMS 12          /* system names per topic in the topics table */
#define TOPIC_ROWS 60             /* topics in the topics table (about two pages): the largest */
#define MAX_TOC 64

typedef struct page_size { const char *name; double w, h; } page_size;
static const page_size page_sizes[] = {{"a4", 595.28, 841.89}, {"letter", 612, 792}};

typedef struct toc_entry { char title[160]; int page; } toc_entry;

typedef struct rp {
    cairo_t *cr;
    lit_surface *sf;
    const lit_report *r;
    const lit_stats *s;
    const lit_style *st;
    const lit_check *k;
    const lit_diff *news;       /* since r->new_since, or NULL */
    lit_diag *d;
    double W, H, y, bottom;
    double cw;                  /* content width */
    int page, pages;
    bool draw;                  /* false: the first pass, which only counts pages */
    toc_entry toc[MAX_TOC];     /* the contents: the sections and their pages in the last pass */
    toc_entry seen[MAX_TOC];    /* the sections of this pass */
    size_t n_toc, n_seen;
    int rc;
} rp;

static void set_rgb(cairo_t *cr, lit_rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

/* s laid out in w (0: one unbounded line; align 0.5 centres, 1 right-aligns), wrapped, or
 * on one line cut with "…" when one_line; *h its height. The caller unrefs it. */
static PangoLayout *layout_of(rp *p, const char *s, double size, bool bold, double w, double align, bool one_line,
                              double *h)
{
    PangoLayout *l = pango_cairo_create_layout(p->cr);
    PangoFontDescription *f = pango_font_description_from_string(p->st->font);
    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    if (w > 0) pango_layout_set_width(l, (int)(w * PANGO_SCALE));
    if (one_line) pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    else pango_layout_set_wrap(l, lit_text_longest_word(s) > LIT_TEXT_LONG_WORD ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align > 0.75 ? PANGO_ALIGN_RIGHT : align > 0.25 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    lit_buf cut = LIT_BUF_INIT;   /* no line of the report shows more; an entry stays on its page */
    pango_layout_set_text(l, lit_text_drawn(s, LIT_TEXT_DRAWN_MAX, &cut), -1);
    lit_buf_free(&cut);
    int pw, ph;
    pango_layout_get_pixel_size(l, &pw, &ph);
    *h = ph;
    return l;
}

static void show(rp *p, PangoLayout *l, double x, double y, lit_rgb c)
{
    if (!p->draw) return;
    set_rgb(p->cr, c);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
}

/* Lays out text at x, y (top-left), wrapped to w; draws it in the second pass; returns its height. */
static double text_box(rp *p, const char *s, double size, bool bold, double x, double y, double w, double align,
                       bool one_line, lit_rgb c)
{
    double h;
    PangoLayout *l = layout_of(p, s, size, bold, w, align, one_line, &h);
    show(p, l, x, y, c);
    g_object_unref(l);
    return h;
}

/* Height of s wrapped to w, drawing nothing. */
static double text_h(rp *p, const char *s, double size, bool bold, double w)
{
    double h;
    g_object_unref(layout_of(p, s, size, bold, w, 0, false, &h));
    return h;
}

/* Width of s on one line. */
static double text_w(rp *p, const char *s, double size, bool bold)
{
    double h;
    PangoLayout *l = layout_of(p, s, size, bold, 0, 0, false, &h);
    int pw, ph;
    pango_layout_get_pixel_size(l, &pw, &ph);
    g_object_unref(l);
    return pw;
}

static void footer(rp *p)
{
    if (!p->draw) return;
    char buf[64];
    snprintf(buf, sizeof buf, "%d / %d", p->page, p->pages);
    double y = p->H - MARGIN * 0.6;
    text_box(p, p->r->title, PT_SMALL, false, MARGIN, y, p->cw * 0.8, 0, true, p->st->muted);
    text_box(p, buf, PT_SMALL, false, MARGIN, y, p->cw, 1, true, p->st->muted);
}

static void paint_page(rp *p)
{
    if (!p->draw) return;
    set_rgb(p->cr, p->st->background);
    cairo_paint(p->cr);
}

static void new_page(rp *p)
{
    footer(p);
    if (p->draw && p->rc == 0) p->rc = lit_surface_next_page(p->sf, p->W, p->H, p->d);
    p->page++;
    paint_page(p);
    p->y = MARGIN;
}

/* Room for h more points on this page, else a new one. */
static void need(rp *p, double h)
{
    if (p->y + h > p->bottom && p->y > MARGIN) new_page(p);
}

/* Text wrapped to w at x and the current line, on a new page when it does not fit here:
 * laid out once, for the room it needs and the drawing. Returns its height. */
static double flow(rp *p, const char *s, double size, bool bold, double x, double w, lit_rgb c)
{
    double h;
    PangoLayout *l = layout_of(p, s, size, bold, w, 0, false, &h);
    need(p, h);
    show(p, l, x, p->y, c);
    g_object_unref(l);
    return h;
}

static double para(rp *p, const char *s, double size, bool bold, lit_rgb c)
{
    double h = flow(p, s, size, bold, MARGIN, p->cw, c);
    p->y += h + size * 0.5;
    return h;
}

/* A section heading on a new page, entered in the contents when listed. */
static void section(rp *p, const char *title, bool listed)
{
    new_page(p);
    if (listed && p->n_seen < MAX_TOC) {
        toc_entry *e = &p->seen[p->n_seen++];
        snprintf(e->title, sizeof e->title, "%s", title);
        e->page = p->page;
    }
    p->y += text_box(p, title, PT_H1, true, MARGIN, p->y, p->cw, 0, false, p->st->foreground) + PT_H1 * 0.6;
}

/* ---- tables ---- */

/* A table of cells[n_rows][n_cols] (row 0 the header): numeric columns right-aligned,
 * the column rest takes the width the others leave (wrapped when wrap, else cut with
 * "…" like every other text column); the type shrinks until the numbers fit. Rows that
 * do not fit go on the next page under the header again, unless max_rows cuts the
 * table (then the rest is counted). indent[i] (may be NULL) indents row i's first cell. */
static void table(rp *p, char **cells, size_t n_rows, size_t n_cols, const int *indent, size_t max_rows, size_t rest,
                  bool wrap)
{
    if (n_rows == 0 || n_cols == 0) return;
    bool *num = lit_xcalloc(n_cols, sizeof *num);
    double *w = lit_xcalloc(n_cols, sizeof *w);
    for (size_t c = 0; c < n_cols; c++) {
        num[c] = c != rest;
        for (size_t r = 1; r < n_rows && num[c]; r++) {
            const char *v = cells[r * n_cols + c];
            char *end = NULL;
            if (*v) (void)strtod(v, &end);
            num[c] = !*v || *end == '\0';
        }
    }
    double fs = PT_TABLE, gap = 0;
    size_t shown = max_rows && n_rows - 1 > max_rows ? max_rows : n_rows - 1;
    for (;; fs -= 0.5) {
        double fixed = 0;
        gap = fs * 0.9;
        for (size_t c = 0; c < n_cols; c++) {
            if (c == rest) continue;
            w[c] = 0;
            for (size_t r = 0; r <= shown; r++) {   /* the rows drawn: a long CSV shows its first */
                double tw = text_w(p, cells[r * n_cols + c], fs, r == 0) + (c == 0 && indent ? indent[r] * fs : 0);
                if (tw > w[c]) w[c] = tw;
            }
            if (!num[c] && w[c] > p->cw * 0.4) w[c] = p->cw * 0.4;
            fixed += w[c] + gap;
        }
        w[rest] = p->cw - fixed;
        if (w[rest] >= p->cw * 0.25 || fs <= PT_TABLE_MIN) break;
    }
    double lh = fs * 1.45;
    need(p, lh * 3);
    for (size_t r = 0; r <= shown; r++) {
        bool head = r == 0;
        double h = lh;
        if (wrap && !head) {
            double th = text_h(p, cells[r * n_cols + rest], fs, false, w[rest]) + fs * 0.45;
            if (th > h) h = th;
        }
        if (!head && p->y + h > p->bottom) {
            new_page(p);
            r--;   /* the header again, then this row */
            head = true, h = lh;
        }
        size_t row = head ? 0 : r;
        double x = MARGIN;
        if (head && p->draw) {
            set_rgb(p->cr, p->st->grid_color);
            cairo_rectangle(p->cr, MARGIN, p->y + lh - 0.6, p->cw, 0.6);
            cairo_fill(p->cr);
        }
        for (size_t c = 0; c < n_cols; c++) {
            double ind = c == 0 && !head && indent ? indent[row] * fs : 0;
            text_box(p, cells[row * n_cols + c], fs, head, x + ind, p->y + fs * 0.2, w[c] - ind, num[c] ? 1 : 0,
                     !(wrap && c == rest) || head, p->st->foreground);
            x += w[c] + gap;
        }
        p->y += h;
    }
    if (shown < n_rows - 1) {
        char note[160];
        snprintf(note, sizeof note, "and %zu more rows.", n_rows - 1 - shown);
        p->y += fs * 0.3;
        p->y += text_box(p, note, fs, false, MARGIN, p->y, p->cw, 0, false, p->st->muted);
    }
    p->y += fs;
    free(num);
    free(w);
}

/* Splits our own CSV (fields quoted with "" where needed) into cells; returns rows. */
static size_t csv_cells(char *csv, char ***cells, size_t *n_cols)
{
    size_t n = 0, cap = 0, rows = 0, cols = 0, col = 0;
    char **v = NULL;
    char *q = csv;
    for (char *s = csv; *s;) {
        char *start = q;
        if (*s == '"') {
            if (s[1] == '\'' && s[2] && strchr("=+-@\t\r", s[2])) s++;   /* lit_buf_add_csv's mark of text */
            for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
                if (*s == '"') s++;
                *q++ = *s;
            }
            if (*s == '"') s++;
        } else {
            while (*s && *s != ',' && *s != '\n') *q++ = *s++;
        }
        char sep = *s;
        if (sep) s++;
        *q++ = '\0';
        LIT_GROW(v, cap, n + 1);
        v[n++] = start;
        col++;
        if (sep != ',') {
            if (rows == 0) cols = col;
            while (col < cols) {   /* a short row: empty cells */
                LIT_GROW(v, cap, n + 1);
                v[n++] = q - 1;
                col++;
            }
            n -= col - cols;
            rows++;
            col = 0;
        }
    }
    *cells = v;
    *n_cols = cols;
    return rows;
}

/* A CSV column name as a table heading: "share_percent" -> "Share percent". */
static void heading_case(char *s)
{
    if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 'a' + 'A');
    for (; *s; s++)
        if (*s == '_') *s = ' ';
}

/* The chart's CSV with years as columns (topic-trend writes one row per year). */
static char **transpose(char **cells, size_t *rows, size_t *cols)
{
    size_t R = *rows, C = *cols;
    char **t = lit_xmalloc(R * C * sizeof *t);
    for (size_t r = 0; r < R; r++)
        for (size_t c = 0; c < C; c++) t[c * R + r] = cells[r * C + c];
    *rows = C, *cols = R;
    return t;
}

/* ---- pages ---- */

typedef struct chart_text { const char *kind, *counts; } chart_text;
static const chart_text chart_texts[] = {
    {"venues", "Papers per venue; each paper counts once. Venues past the largest are summed as \"other\"."},
    {"years", "Papers per year of publication; each paper counts once. Papers without a year are not shown."},
    {"topic-trend", "Papers per topic and year; each paper counts once, under the largest of its topics, so a "
                    "year's stack adds up to its papers."},
    {"topic-heatmap", "Papers per topic and year. A paper in two topics counts in both rows; the \"other\" row "
                      "counts each paper of the smaller topics once."},
    {"venue-heatmap", "Papers per venue and year; each paper counts once."},
    {"timeline", "Systems (papers with a system name) placed by topic and year of publication."},
};

static const char *chart_counts(const char *kind)
{
    for (size_t i = 0; i < sizeof chart_texts / sizeof *chart_texts; i++)
        if (strcmp(chart_texts[i].kind, kind) == 0) return chart_texts[i].counts;
    return "";
}

/* A chart on a report page. Its warnings (venues that do not fit) were said when the
 * report's own chart files were drawn; the page's chart says in its note what it leaves out. */
static int draw_chart(rp *p, double w, double h, const char *kind, const lit_chart_opts *co)
{
    bool quiet = p->d->quiet;
    p->d->quiet = true;
    int rc = lit_chart_draw(p->cr, w, h, kind, p->s, p->st, co, p->d);
    p->d->quiet = quiet;
    return rc;
}

static void figure_page(rp *p, size_t i, int number)
{
    const char *kind = p->r->charts[i];
    const lit_style *st = p->st;
    char title[160];
    snprintf(title, sizeof title, "Figure %d. %s", number, lit_chart_default_title(kind));
    section(p, title, true);
    /* the chart at its style's proportions, scaled to the text width */
    double scale = p->cw / st->width, ch = st->height * scale;
    if (ch > (p->bottom - MARGIN) * 0.5) {
        scale = (p->bottom - MARGIN) * 0.5 / st->height;
        ch = st->height * scale;
    }
    lit_chart_opts co = {0};
    co.top = p->r->top;
    co.title = "";   /* the figure's heading is its title */
    if (p->draw) {
        cairo_save(p->cr);
        cairo_translate(p->cr, MARGIN + (p->cw - st->width * scale) / 2, p->y);
        cairo_scale(p->cr, scale, scale);
        if (draw_chart(p, st->width, st->height, kind, &co) != 0 && p->rc == 0) p->rc = -1;
        cairo_restore(p->cr);
    }
    p->y += ch + PT_BODY;
    para(p, chart_counts(kind), PT_BODY, false, st->foreground);

    lit_buf csv = LIT_BUF_INIT;
    if (lit_chart_data(kind, p->s, st, &co, &csv, NULL) == 0 && csv.len) {
        char **cells, corner[] = "Topic";
        size_t cols, rows = csv_cells(csv.data, &cells, &cols);
        char **t = NULL;
        if (rows > 1 && cols > 3 && strcmp(cells[0], "year") == 0) {
            t = transpose(cells, &rows, &cols);
            t[0] = corner;   /* rows are now the series */
        }
        for (size_t c = 0; c < cols; c++) heading_case((t ? t : cells)[c]);
        p->y += PT_SMALL * 0.5;
        char head[200];
        snprintf(head, sizeof head, "The numbers (all of them in %s.csv)", kind);
        p->y += text_box(p, head, PT_H2, true, MARGIN, p->y, p->cw, 0, false, st->foreground) + PT_SMALL * 0.5;
        size_t fit = (size_t)((p->bottom - p->y) / (PT_TABLE * 1.45)) ;
        table(p, t ? t : cells, rows, cols, NULL, fit > 3 ? fit - 3 : 1, 0, false);
        free(t);
        free(cells);
    }
    lit_buf_free(&csv);
}

/* Topic rows with their depth in the taxonomy, for indenting. */
static int topic_depth(const lit_stats *s, const lit_count *c)
{
    if (c->id < 0) return 0;
    const lit_topics *ts = &s->db->topics;
    int t = lit_topics_find(ts, lit_catalog_topic(&s->db->cat, c->id)), depth = 0;
    while (t >= 0 && ts->t[t].parent_ix >= 0 && depth < 8) t = ts->t[t].parent_ix, depth++;
    return depth;
}

/* The selected papers of each row of s->topics, oldest first (then by key); papers
 * without a topic go to the "(no topic)" row, or to an extra last row. */
typedef struct buckets { uint32_t **ix; size_t *len, n; } buckets;

static const lit_paper *bucket_paper(const lit_stats *s, uint32_t i) { return &s->db->cat.papers[i]; }

static const lit_stats *sort_stats;   /* qsort has no context argument in C11 */
static int by_year_key(const void *a, const void *b)
{
    const lit_paper *p = bucket_paper(sort_stats, *(const uint32_t *)a), *q = bucket_paper(sort_stats, *(const uint32_t *)b);
    if (p->year != q->year) return p->year < q->year ? -1 : 1;
    return strcmp(p->key, q->key);
}

static void buckets_fill(buckets *bk, const lit_stats *s)
{
    const lit_catalog *c = &s->db->cat;
    int *row = lit_xmalloc((c->topics.n + 1) * sizeof *row);   /* catalog topic -> row of s->topics */
    for (size_t i = 0; i <= c->topics.n; i++) row[i] = -1;
    size_t none = s->n_topics;
    for (size_t i = 0; i < s->n_topics; i++) {
        if (s->topics[i].id >= 0) row[s->topics[i].id] = (int)i;
        else none = i;
    }
    bk->n = s->n_topics + 1;
    bk->ix = lit_xcalloc(bk->n, sizeof *bk->ix);
    bk->len = lit_xcalloc(bk->n, sizeof *bk->len);
    size_t *cap = lit_xcalloc(bk->n, sizeof *cap);
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *q = &c->papers[s->sel[i]];
        bool any = false;
        for (uint32_t t = 0; t <= q->n_topics; t++) {
            int r = t < q->n_topics ? (q->topics[t] >= 0 ? row[q->topics[t]] : -1) : any ? -1 : (int)none;
            if (r < 0) continue;
            LIT_GROW(bk->ix[r], cap[r], bk->len[r] + 1);
            bk->ix[r][bk->len[r]++] = s->sel[i];
            any = true;
        }
    }
    sort_stats = s;
    for (size_t r = 0; r < bk->n; r++)
        if (bk->len[r] > 1) qsort(bk->ix[r], bk->len[r], sizeof *bk->ix[r], by_year_key);
    free(cap);
    free(row);
}

static void buckets_free(buckets *bk)
{
    for (size_t r = 0; r < bk->n; r++) free(bk->ix[r]);
    free(bk->ix);
    free(bk->len);
}

/* Of many topics (thousands of keywords) the TOPIC_ROWS largest, in taxonomy order; the
 * text above the table says how many it leaves out and how much the shown ones cover. */
static void topics_table(rp *p, const buckets *bk, int number)
{
    const lit_stats *s = p->s;
    char title[160];
    snprintf(title, sizeof title, "Table %d. Papers and systems by topic", number);
    section(p, title, true);
    /* the largest (s->topic_rank), in taxonomy order */
    size_t nt = s->n_topics, *order = lit_xmalloc((nt + 1) * sizeof *order), keep = 0;
    for (size_t i = 0; i < nt; i++)
        if (nt <= TOPIC_ROWS || s->topic_rank[i] < TOPIC_ROWS) order[keep++] = i;
    lit_buf b = LIT_BUF_INIT;
    lit_buf_adds(&b, "Each topic's papers and the systems among them, oldest first. A paper in two topics is listed in both.");
    if (keep < nt) {
        /* the papers of the shown rows and of every topic row, each paper once */
        unsigned char *mark = lit_xcalloc(s->db->cat.n_papers + 1, 1);
        size_t covered = 0, with_topic = 0;
        for (size_t j = 0; j < keep; j++)
            for (size_t k = 0; k < bk->len[order[j]]; k++) mark[bk->ix[order[j]][k]] |= 1;
        for (size_t r = 0; r < nt; r++)
            if (s->topics[r].id >= 0)
                for (size_t k = 0; k < bk->len[r]; k++) mark[bk->ix[r][k]] |= 2;
        for (size_t i = 0; i < s->db->cat.n_papers; i++) {
            covered += mark[i] & 1;
            with_topic += mark[i] >> 1;
        }
        free(mark);
        char a[32], c[32], d[32], e[32];
        lit_buf_printf(&b, " The %s largest of %s topics are shown, covering %s of the %s papers with a topic (%zu%%); "
                           "the spreadsheet's topic sheets and litsurvey stats --by topic list every one.",
                       lit_num_str(a, keep), lit_num_str(c, nt), lit_num_str(d, covered), lit_num_str(e, with_topic),
                       with_topic ? covered * 100 / with_topic : 0);
    }
    para(p, lit_buf_str(&b), PT_BODY, false, p->st->foreground);
    lit_buf_free(&b);
    size_t cols = 3;
    char **cells = lit_xcalloc((keep + 1) * cols, sizeof *cells);
    int *indent = lit_xcalloc(keep + 1, sizeof *indent);
    lit_buf *sys = lit_xcalloc(keep + 1, sizeof *sys);
    char (*num)[24] = lit_xcalloc(keep + 1, sizeof *num);
    cells[0] = "Topic", cells[1] = "Papers", cells[2] = "Systems";
    for (size_t j = 0, i; j < keep; j++) {
        i = order[j];
        size_t n_sys = 0;
        for (size_t k = 0; k < bk->len[i]; k++) {
            const lit_paper *q = bucket_paper(s, bk->ix[i][k]);
            if (q->short_name && n_sys++ < TOPIC_SYSTEMS)
                lit_buf_printf(&sys[j], "%s%s", sys[j].len ? ", " : "", q->short_name);
        }
        if (n_sys > TOPIC_SYSTEMS) lit_buf_printf(&sys[j], " and %zu more", n_sys - TOPIC_SYSTEMS);
        const lit_count *c = &s->topics[i];
        lit_num_str(num[j], c->count);
        cells[(j + 1) * cols] = (char *)c->name;
        cells[(j + 1) * cols + 1] = num[j];
        cells[(j + 1) * cols + 2] = sys[j].len ? (char *)lit_buf_str(&sys[j]) : "";
        indent[j + 1] = topic_depth(s, c);
    }
    table(p, cells, keep + 1, cols, indent, 0, 2, true);
    for (size_t j = 0; j < keep; j++) lit_buf_free(&sys[j]);
    free(sys), free(num), free(indent), free(cells), free(order);
}

/* The venue x year counts the venue heatmap draws (its venues, then "other venues"); the
 * earliest years fold into one "to YEAR" column until the venue names keep a third of the
 * width. */
static void venue_year_table(rp *p, int number)
{
    const lit_stats *s = p->s;
    char title[160];
    snprintf(title, sizeof title, "Table %d. Papers per venue and year", number);
    section(p, title, true);
    lit_buf csv = LIT_BUF_INIT;
    lit_chart_opts co = {0};
    co.top = 40;
    if (s->n_years && lit_chart_data("venue-heatmap", s, p->st, &co, &csv, NULL) == 0) {
        char **cells;
        size_t cols, rows = csv_cells(csv.data, &cells, &cols);
        for (size_t c = 0; c < cols; c++) heading_case(cells[c]);
        if (rows > 1 && strcmp(cells[(rows - 1) * cols], "(other)") == 0) cells[(rows - 1) * cols] = "Other venues";
        /* columns: venue, years..., total; a year column is as wide as its widest count */
        double gap = PT_TABLE * 0.9, fixed = 0, *w = lit_xcalloc(cols, sizeof *w);
        for (size_t c = 1; c < cols; c++) {
            for (size_t r = 0; r < rows; r++) {
                double tw = text_w(p, cells[r * cols + c], PT_TABLE, r == 0);
                if (tw > w[c]) w[c] = tw;
            }
            fixed += w[c] + gap;
        }
        size_t fold = 0;   /* year columns 1..fold become one */
        while (cols > 4 && fold + 3 < cols && fixed > p->cw * 0.67) {
            fold++;
            fixed -= w[fold] + gap;
            if (fold == 1) fixed += w[1] * 1.4 + gap;   /* the folded column: "to 2012", a larger sum */
        }
        if (fold > 1) {
            size_t nc = cols - fold + 1;
            char **t = lit_xcalloc(rows * nc, sizeof *t);
            char (*sum)[32] = lit_xcalloc(rows, sizeof *sum);
            for (size_t r = 0; r < rows; r++) {
                size_t v = 0;
                for (size_t c = 1; c <= fold; c++) v += strtoul(cells[r * cols + c], NULL, 10);
                if (r == 0) snprintf(sum[0], sizeof sum[0], "to %s", cells[fold]);
                else snprintf(sum[r], sizeof sum[r], "%zu", v);
                t[r * nc] = cells[r * cols];
                t[r * nc + 1] = sum[r];
                for (size_t c = fold + 1; c < cols; c++) t[r * nc + c - fold + 1] = cells[r * cols + c];
            }
            table(p, t, rows, nc, NULL, 0, 0, false);
            free(t);
            free(sum);
        } else {
            table(p, cells, rows, cols, NULL, 0, 0, false);
        }
        free(w);
        free(cells);
    } else {
        para(p, "No paper has a year.", PT_BODY, false, p->st->muted);
    }
    lit_buf_free(&csv);
}

/* Every paper under each of its topics (taxonomy order), newest first, up to LIST_MAX lines. */
#define ENTRY_TITLE_MAX 1000   /* bytes of a title in a list entry: a long one is cut with "…" */

static void paper_list(rp *p, const buckets *bk)
{
    const lit_stats *s = p->s;
    section(p, "Papers by topic", true);
    size_t listed = 0, entries = 0;
    lit_buf line = LIT_BUF_INIT, cut = LIT_BUF_INIT;
    for (size_t r = 0; r < bk->n; r++) {
        entries += bk->len[r];
        if (!bk->len[r] || listed >= LIST_MAX) continue;
        char head[256];
        snprintf(head, sizeof head, "%s (%zu)", r < s->n_topics ? s->topics[r].name : "(no topic)", bk->len[r]);
        need(p, PT_H2 * 3);
        p->y += text_box(p, head, PT_H2, true, MARGIN, p->y, p->cw, 0, false, p->st->foreground) + PT_H2 * 0.3;
        for (size_t k = bk->len[r]; k-- > 0 && listed < LIST_MAX; listed++) {
            const lit_paper *q = bucket_paper(s, bk->ix[r][k]);
            lit_buf_reset(&line);
            const char *venue = lit_catalog_venue(&s->db->cat, q->venue);
            if (q->year) lit_buf_printf(&line, "%d", q->year);
            if (venue) lit_buf_printf(&line, "%s%s", line.len ? " " : "", venue);
            if (line.len) lit_buf_adds(&line, ". ");
            if (q->short_name && q->title && strncmp(q->title, q->short_name, strlen(q->short_name)) != 0)
                lit_buf_printf(&line, "%s: ", q->short_name);
            lit_buf_adds(&line, q->title ? lit_text_drawn(q->title, ENTRY_TITLE_MAX, &cut) : q->key);   /* the key stays */
            if (q->n_authors) {   /* "(Narayanan et al.)" where the catalog knows the authors */
                lit_buf_adds(&line, " (");
                lit_authors_short(q, &line);
                lit_buf_addc(&line, ')');
            }
            lit_buf_printf(&line, " [%s]", q->key);
            p->y += flow(p, lit_buf_str(&line), PT_SMALL, false, MARGIN + PT_SMALL, p->cw - PT_SMALL, p->st->foreground) +
                    PT_SMALL * 0.25;
        }
        p->y += PT_SMALL * 0.6;
    }
    if (listed < entries) {
        char note[200];
        snprintf(note, sizeof note, "The first %zu of %zu entries are listed; the spreadsheet and the catalog table hold "
                 "every paper.", listed, entries);
        para(p, note, PT_BODY, false, p->st->muted);
    }
    lit_buf_free(&line);
    lit_buf_free(&cut);
}

/* "New since REV": the papers added, then changed with what changed, one line each. */
static void news_section(rp *p)
{
    const lit_diff *df = p->news;
    char head[200];
    snprintf(head, sizeof head, "New since %s", p->r->new_since);
    section(p, head, true);
    snprintf(head, sizeof head, "Since revision %s of the catalog: %zu added, %zu changed, %zu removed.",
             p->r->new_since, df->n_added, df->n_changed, df->n_removed);
    para(p, head, PT_BODY, false, p->st->foreground);
    lit_buf line = LIT_BUF_INIT, cut = LIT_BUF_INIT;
    size_t total = df->n_added + df->n_changed, listed = 0;
    for (size_t i = 0, k = 0; i < total && listed < LIST_MAX; i++, listed++) {
        bool added = i < df->n_added;
        const lit_paper *q = &df->new_->papers[added ? df->added[i] : df->changes[k].new_ix];
        const char *venue = lit_catalog_venue(df->new_, q->venue);
        lit_buf_reset(&line);
        lit_buf_printf(&line, "%s [%s", added ? "+" : "~", venue ? venue : "?");
        if (q->year) lit_buf_printf(&line, " %d", q->year);
        lit_buf_printf(&line, "] %s", lit_text_drawn(q->title, ENTRY_TITLE_MAX, &cut));
        if (!added) {
            lit_buf_adds(&line, " (");
            k = lit_diff_paper_changes(&line, df, k, false);
            lit_buf_addc(&line, ')');
        }
        p->y += flow(p, lit_buf_str(&line), PT_SMALL, false, MARGIN, p->cw, p->st->foreground) + PT_SMALL * 0.25;
    }
    if (listed < total) {
        snprintf(head, sizeof head, "The first %zu of %zu are listed; the spreadsheet's New sheet lists every one.",
                 listed, total);
        para(p, head, PT_BODY, false, p->st->muted);
    }
    lit_buf_free(&line);
    lit_buf_free(&cut);
}

static void title_page(rp *p)
{
    const lit_stats *s = p->s;
    const lit_style *st = p->st;
    p->y = MARGIN * 1.5;
    p->y += text_box(p, p->r->title, PT_TITLE, true, MARGIN, p->y, p->cw, 0, false, st->foreground) + PT_TITLE * 0.4;
    char num[4][32], sub[256];
    lit_num_str(num[0], s->n_papers);
    if (s->n_years) snprintf(sub, sizeof sub, "%s papers from %d to %d", num[0], s->year_min, s->year_max);
    else snprintf(sub, sizeof sub, "%s papers", num[0]);
    p->y += text_box(p, sub, PT_H2, false, MARGIN, p->y, p->cw, 0, false, st->muted) + PT_TITLE;

    /* the key figures, four abreast */
    size_t n_venues = 0, n_topics = 0;
    for (size_t i = 0; i < s->n_venues; i++) n_venues += s->venues[i].id >= 0;
    for (size_t i = 0; i < s->n_topics; i++) n_topics += s->topics[i].id >= 0;
    lit_num_str(num[1], n_venues);
    lit_num_str(num[2], n_topics);
    lit_num_str(num[3], s->n_lists);
    const char *labels[4] = {"papers", "venues", "topics", "lists merged"};
    double fw = p->cw / 4, fh = 0, pt = PT_TITLE * 1.5;
    for (int i = 0; i < 4; i++) {   /* one size for the four, the widest with air around it */
        double w = text_w(p, num[i], pt, true);
        if (w > fw * 0.9) pt *= fw * 0.9 / w;
    }
    for (int i = 0; i < 4; i++) {
        double h = text_box(p, num[i], pt, true, MARGIN + i * fw, p->y, fw, 0.5, false,
                            lit_style_series_color(st, 0));
        h += text_box(p, labels[i], PT_BODY, false, MARGIN + i * fw, p->y + h, fw, 0.5, false, st->foreground);
        if (h > fh) fh = h;
    }
    p->y += fh + PT_TITLE;

    para(p, "What the numbers rest on", PT_H2, true, st->foreground);
    lit_buf b = LIT_BUF_INIT;
    char nb[3][32];
    lit_buf_printf(&b, "The catalog holds %s papers", lit_num_str(nb[0], s->n_total));
    if (s->n_total != s->n_papers) {
        lit_buf_printf(&b, "; %s pass the report's filters", num[0]);
        if (p->r->filter.year_min || p->r->filter.year_max) {
            size_t no_year = p->k ? p->k->no_year : 0;
            if (no_year > s->n_no_year)
                lit_buf_printf(&b, " (the year filter leaves out the %zu papers without a year, among others)",
                               no_year - s->n_no_year);
        }
    }
    lit_buf_printf(&b, ". The venue and year charts count every paper once, and so does the topic trend, under "
                       "the largest of a paper's topics; the topic heatmap and the topic tables count a paper in each "
                       "of its topics. Each caption says which.");
    para(p, lit_buf_str(&b), PT_BODY, false, st->foreground);
    if (p->k) {
        lit_buf_reset(&b);
        lit_check_paragraph(p->k, &b);
        para(p, lit_buf_str(&b), PT_BODY, false, st->foreground);
    }
    lit_buf_reset(&b);
    lit_buf_printf(&b, "Of the papers shown: %s without a year, %s without a venue, %s without a topic",
                   lit_num_str(nb[0], s->n_no_year), lit_num_str(nb[1], s->n_no_venue), lit_num_str(nb[2], s->n_no_topic));
    if (s->n_year_inferred) lit_buf_printf(&b, "; %zu years taken from arXiv ids", s->n_year_inferred);
    lit_buf_adds(&b, ".");
    para(p, lit_buf_str(&b), PT_BODY, false, st->foreground);
    lit_buf_free(&b);
}

static void contents(rp *p)
{
    section(p, "Contents", false);
    for (size_t i = 0; i < p->n_toc; i++) {
        const toc_entry *e = &p->toc[i];
        char pg[16];
        snprintf(pg, sizeof pg, "%d", e->page);
        need(p, PT_BODY * 1.6);
        text_box(p, e->title, PT_BODY, false, MARGIN, p->y, p->cw - 40, 0, true, p->st->foreground);
        text_box(p, pg, PT_BODY, false, MARGIN, p->y, p->cw, 1, true, p->st->foreground);
        p->y += PT_BODY * 1.6;
    }
}

static bool has_table(const lit_report *r, const char *t)
{
    for (size_t i = 0; i < r->n_tables; i++)
        if (strcmp(r->tables[i], t) == 0) return true;
    return false;
}

/* One pass over the whole document: the first counts pages and places the contents'
 * entries, the second draws with both known. */
static void document(rp *p)
{
    p->page = 1, p->y = MARGIN, p->n_seen = 0;
    paint_page(p);
    title_page(p);
    contents(p);
    if (p->news) news_section(p);
    int fig = 0, tab = 0;
    for (size_t i = 0; i < p->r->n_charts; i++) figure_page(p, i, ++fig);
    buckets bk;
    buckets_fill(&bk, p->s);
    if (has_table(p->r, "topics") || !p->r->n_tables) topics_table(p, &bk, ++tab);
    if (has_table(p->r, "venue-year")) venue_year_table(p, ++tab);
    paper_list(p, &bk);
    buckets_free(&bk);
    footer(p);
}

/* The slides handout: the title page's figures and one chart per page, at the style's size. */
static int slides(rp *p)
{
    const lit_style *st = p->st;
    p->W = st->width, p->H = st->height, p->cw = p->W - 2 * MARGIN, p->bottom = p->H - MARGIN;
    p->pages = 1 + (int)p->r->n_charts;
    p->draw = true;
    p->page = 1;
    paint_page(p);
    title_page(p);
    footer(p);
    lit_chart_opts co = {0};
    co.top = p->r->top;
    for (size_t i = 0; p->rc == 0 && i < p->r->n_charts; i++) {
        p->rc = lit_surface_next_page(p->sf, st->width, st->height, p->d);
        if (p->rc != 0) break;
        p->page++;
        paint_page(p);
        p->rc = draw_chart(p, st->width, st->height - MARGIN, p->r->charts[i], &co);
        footer(p);
    }
    return p->rc;
}

int lit_report_pdf(const lit_report *r, const lit_stats *s, const struct lit_style *st, const struct lit_check *k,
                   const struct lit_diff *news, const char *path, lit_diag *d)
{
    rp *p = lit_xcalloc(1, sizeof *p);
    *p = (rp){.r = r, .s = s, .st = st, .k = k, .news = news, .d = d};
    bool as_slides = r->pdf_page && strcmp(r->pdf_page, "slides") == 0;
    const page_size *ps = &page_sizes[0];
    for (size_t i = 0; i < sizeof page_sizes / sizeof *page_sizes; i++)
        if (r->pdf_page && strcmp(r->pdf_page, page_sizes[i].name) == 0) ps = &page_sizes[i];
    p->W = as_slides ? st->width : ps->w, p->H = as_slides ? st->height : ps->h;
    lit_surface sf;
    if (lit_surface_open(&sf, path, LIT_FMT_PDF, p->W, p->H, st->png_dpi, r->title, d) != 0) {
        free(p);
        return -1;
    }
    p->sf = &sf, p->cr = sf.cr;
    int rc;
    if (as_slides) {
        rc = slides(p);
    } else {
        p->cw = p->W - 2 * MARGIN, p->bottom = p->H - MARGIN;
        document(p);                       /* pages and contents */
        p->pages = p->page, p->n_toc = p->n_seen;
        memcpy(p->toc, p->seen, sizeof p->toc);
        p->draw = true;
        document(p);
        rc = p->rc;
    }
    free(p);
    if (rc != 0) {
        lit_surface_abort(&sf);
        return -1;
    }
    return lit_surface_close(&sf, d);
}
