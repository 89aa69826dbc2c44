/* report_pdf.c - the one-file report: title page with what the numbers rest on, contents,
 * one chart per page with its caption and numbers, the tables, the papers by topic. */
#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
#define LIST_MAX 2000             /* papers listed by topic, shared out among the topics; the spreadsheet
                                     and catalog.tex hold them all */
#define LIST_MIN 1                /* papers every topic lists at least */
#define TOPIC_SYSTEMS 12          /* system names per topic in the topics table */
#define TOPIC_ROWS 60             /* topics in the topics table (about two pages): the largest */
#define MAX_TOC 64
#define LISTS_NAMED 30            /* source lists named on the title page */

typedef struct page_size { const char *name; double w, h; } page_size;
static const page_size page_sizes[] = {{"a4", 595.28, 841.89}, {"letter", 612, 792}};

typedef struct toc_entry { char title[160]; int page; double y; } toc_entry;

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
    int outline;                /* the outline entry of the current section (its children go under it) */
    int tab_topics, tab_venues; /* the numbers of the topics and venue-year tables, 0 when not in it */
    int fig_venues, fig_venue_heatmap; /* the figures that draw the venue-year table's venues, or 0 */
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

/* ---- links and the outline (cairo's tag API, PDF only) ---- */

/* A link around what is drawn until link_end: to a page and height of this document
 * (page > 0), or to uri. Only in the drawing pass. */
static void link_begin(rp *p, int page, double y, const char *uri)
{
    if (!p->draw) return;
    lit_buf a = LIT_BUF_INIT;
    if (page > 0) {
        lit_buf_printf(&a, "page=%d pos=[0 %.1f]", page, y);
    } else {
        lit_buf_adds(&a, "uri='");
        for (const char *c = uri; *c; c++) {   /* quoted as cairo's attribute strings are */
            if (*c == '\'' || *c == '\\') lit_buf_addc(&a, '\\');
            lit_buf_addc(&a, *c);
        }
        lit_buf_addc(&a, '\'');
    }
    cairo_tag_begin(p->cr, CAIRO_TAG_LINK, lit_buf_str(&a));
    lit_buf_free(&a);
}

static void link_end(rp *p)
{
    if (p->draw) cairo_tag_end(p->cr, CAIRO_TAG_LINK);
}

/* An entry of the PDF's outline (bookmarks) for the current page and height, under parent. */
static int outline_entry(rp *p, int parent, const char *title)
{
    if (!p->draw) return 0;
    char at[64];
    snprintf(at, sizeof at, "page=%d pos=[0 %.1f]", p->page, p->y);
    return (int)cairo_pdf_surface_add_outline(p->sf->surf, parent, title, at, 0);
}

/* The contents entry whose title starts with "Figure N." or "Table N." (ref is "Figure N"). */
static const toc_entry *toc_find(const rp *p, const char *ref, size_t len)
{
    for (size_t i = 0; i < p->n_toc; i++)
        if (strncmp(p->toc[i].title, ref, len) == 0 && p->toc[i].title[len] == '.') return &p->toc[i];
    return NULL;
}

/* A paragraph whose "Figure N" and "Table N" are links to them (a link rectangle over
 * each, on every line it spans). */
static void para_refs(rp *p, const char *s, double size, lit_rgb c)
{
    double h;
    PangoLayout *l = layout_of(p, s, size, false, p->cw, 0, false, &h);
    need(p, h);
    show(p, l, MARGIN, p->y, c);
    for (const char *q = s; p->draw && (q = strpbrk(q, "FT")); q++) {
        size_t w = strncmp(q, "Figure ", 7) == 0 ? 7 : strncmp(q, "Table ", 6) == 0 ? 6 : 0;
        if (!w || (q > s && q[-1] != ' ' && q[-1] != '(') || q[w] < '0' || q[w] > '9') continue;
        size_t len = w;
        while (q[len] >= '0' && q[len] <= '9') len++;
        const toc_entry *e = toc_find(p, q, len);
        if (!e) continue;
        PangoRectangle a, b;
        pango_layout_index_to_pos(l, (int)(q - s), &a);
        pango_layout_index_to_pos(l, (int)(q - s + (long)len - 1), &b);
        double x0 = (double)a.x / PANGO_SCALE, y0 = (double)a.y / PANGO_SCALE, ht = (double)a.height / PANGO_SCALE;
        double x1 = (double)(b.x + b.width) / PANGO_SCALE;
        if (b.y != a.y) x1 = p->cw;   /* the reference goes on on the next line: its first part */
        char at[160];
        snprintf(at, sizeof at, "rect=[%.2f %.2f %.2f %.2f] page=%d pos=[0 %.1f]", MARGIN + x0, p->y + y0, x1 - x0, ht,
                 e->page, e->y);
        cairo_tag_begin(p->cr, CAIRO_TAG_LINK, at);
        cairo_tag_end(p->cr, CAIRO_TAG_LINK);
    }
    g_object_unref(l);
    p->y += h + size * 0.5;
}

/* A section heading on a new page, entered in the contents when listed. */
static void section(rp *p, const char *title, bool listed)
{
    new_page(p);
    if (listed && p->n_seen < MAX_TOC) {
        toc_entry *e = &p->seen[p->n_seen++];
        snprintf(e->title, sizeof e->title, "%s", title);
        e->page = p->page;
        e->y = p->y;
    }
    p->outline = outline_entry(p, CAIRO_PDF_OUTLINE_ROOT, title);
    p->y += text_box(p, title, PT_H1, true, MARGIN, p->y, p->cw, 0, false, p->st->foreground) + PT_H1 * 0.6;
}

/* ---- tables ---- */

/* A table of cells[n_rows][n_cols] (row 0 the header): numeric columns right-aligned,
 * the column rest takes the width the others leave (wrapped when wrap, else cut with
 * "…" like every other text column); the type shrinks until the numbers fit. Rows that
 * do not fit go on the next page under the header again, unless max_rows cuts the
 * table (then the rest is counted). indent[i] (may be NULL) indents row i's first cell. */
static void table_part(rp *p, char **cells, size_t n_rows, size_t n_cols, const int *indent, size_t max_rows,
                       size_t rest, bool wrap)
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

/* A table as table_part draws it, in several parts one under the other when its columns
 * do not fit the page even in the smallest type (a venue x year table of thirty years):
 * each part repeats the first column and the column rest, and takes as many of the other
 * columns, in their order, as fit. Nothing ever prints over its neighbour. */
static void table(rp *p, char **cells, size_t n_rows, size_t n_cols, const int *indent, size_t max_rows, size_t rest,
                  bool wrap)
{
    if (n_rows == 0 || n_cols < 3) {
        table_part(p, cells, n_rows, n_cols, indent, max_rows, rest, wrap);
        return;
    }
    size_t shown = max_rows && n_rows - 1 > max_rows ? max_rows : n_rows - 1;
    double fs = PT_TABLE_MIN, gap = fs * 0.9, *w = lit_xcalloc(n_cols, sizeof *w), fixed = 0;
    for (size_t c = 0; c < n_cols; c++) {
        for (size_t r = 0; r <= shown; r++) w[c] = fmax(w[c], text_w(p, cells[r * n_cols + c], fs, r == 0));
        if (c != rest) fixed += fmin(w[c], p->cw * 0.4) + gap;
    }
    if (fixed + p->cw * 0.25 <= p->cw) {
        free(w);
        table_part(p, cells, n_rows, n_cols, indent, max_rows, rest, wrap);
        return;
    }
    /* as few parts as fit, the columns shared out evenly, so that the parts look alike */
    double keep = (rest != 0 ? fmin(w[0], p->cw * 0.4) + gap : 0) + p->cw * 0.25, data = 0, widest = 0;
    size_t n_data = 0;
    for (size_t c = 1; c < n_cols; c++)
        if (c != rest) data += w[c] + gap, widest = fmax(widest, w[c] + gap), n_data++;
    size_t parts = (size_t)ceil(data / fmax(p->cw - keep - widest, widest));
    if (parts < 2) parts = 2;
    size_t per = (n_data + parts - 1) / parts;
    size_t *cols = lit_xcalloc(n_cols, sizeof *cols);
    char **part = lit_xcalloc(n_rows * n_cols, sizeof *part);
    for (size_t c = 1; c < n_cols;) {
        size_t nc = 0;
        cols[nc++] = 0;
        if (rest != 0) cols[nc++] = rest;
        size_t base = nc;
        for (; c < n_cols && nc < base + per; c++)
            if (c != rest) cols[nc++] = c;
        size_t prest = 0;
        for (size_t k = 0; k < nc; k++)
            if (cols[k] == rest) prest = k;
        for (size_t r = 0; r < n_rows; r++)
            for (size_t k = 0; k < nc; k++) part[r * nc + k] = cells[r * n_cols + cols[k]];
        table_part(p, part, n_rows, nc, indent, max_rows, prest, wrap);
    }
    free(part);
    free(cols);
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
    {"venues", "Papers per venue; each paper counts once. The venues every chart names; the others are summed in the "
               "line under the bars."},
    {"years", "Papers per year of publication; each paper counts once. Papers without a year are not shown."},
    {"topic-trend", "Papers per topic and year; each paper counts once, under the largest of its topics. The axis "
                    "says what a stack holds: every paper with a topic, or the papers of the named topics only."},
    {"topic-heatmap", "Papers per topic and year. A paper in two topics counts in both rows; an \"other\" row, "
                      "where there is one, counts each paper of the smaller topics once."},
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
    /* the chart as its files draw it (the same layout, so the same numbers as its CSV),
     * at its style's proportions scaled to the text width; the figure's heading is its
     * title, so the chart's own title band is clipped away */
    lit_chart_opts co = {0};
    co.top = p->r->top;
    double th = lit_chart_title_h(kind, st, &co), body_h = st->height - th;
    double scale = p->cw / st->width, ch = body_h * scale;
    if (ch > (p->bottom - MARGIN) * 0.5) {
        scale = (p->bottom - MARGIN) * 0.5 / body_h;
        ch = body_h * scale;
    }
    if (p->draw) {
        cairo_save(p->cr);
        cairo_translate(p->cr, MARGIN + (p->cw - st->width * scale) / 2, p->y);
        cairo_scale(p->cr, scale, scale);
        cairo_rectangle(p->cr, 0, 0, st->width, body_h);
        cairo_clip(p->cr);
        cairo_translate(p->cr, 0, -th);
        if (draw_chart(p, st->width, st->height, kind, &co) != 0 && p->rc == 0) p->rc = -1;
        cairo_restore(p->cr);
    }
    p->y += ch + PT_BODY;
    lit_buf cap = LIT_BUF_INIT;
    lit_buf_adds(&cap, chart_counts(kind));
    /* where the tables give what the figure draws */
    bool topical = strncmp(kind, "topic", 5) == 0 || strcmp(kind, "timeline") == 0;
    if (topical && p->tab_topics) lit_buf_printf(&cap, " Table %d lists every topic with its systems.", p->tab_topics);
    if (strncmp(kind, "venue", 5) == 0 && p->tab_venues)
        lit_buf_printf(&cap, " Table %d gives the same venues' papers per year.", p->tab_venues);
    para_refs(p, lit_buf_str(&cap), PT_BODY, st->foreground);
    lit_buf_free(&cap);

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

/* The taxonomy index of a topic row, or -1 for a topic the tables do not know. */
static int topic_tax(const lit_stats *s, const lit_count *c)
{
    return c->id < 0 ? -1 : lit_topics_find(&s->db->topics, lit_catalog_topic(&s->db->cat, c->id));
}

static bool is_ancestor(const lit_topics *ts, int a, int t)
{
    for (int k = 0; t >= 0 && k < 64; k++, t = ts->t[t].parent_ix)
        if (ts->t[t].parent_ix == a) return true;
    return false;
}

/* Indents of topic rows in table order: a row nests under the rows above it that are
 * its real ancestors in the taxonomy, never under an unrelated topic above it (a topic
 * without a parent, or whose parent is not in the table, starts at the margin). */
static void topic_indents(const lit_stats *s, const size_t *order, size_t n, int *indent)
{
    const lit_topics *ts = &s->db->topics;
    int stack[64], depth[64];
    size_t top = 0;
    for (size_t j = 0; j < n; j++) {
        int t = topic_tax(s, &s->topics[order[j]]);
        while (top && (t < 0 || !is_ancestor(ts, stack[top - 1], t))) top--;
        indent[j] = top ? depth[top - 1] + 1 : 0;
        if (t >= 0 && top < 64) {
            stack[top] = t;
            depth[top++] = indent[j];
        }
    }
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
    /* the largest (s->topic_rank; a tie at the cut whole or not at all), in taxonomy order */
    size_t nt = s->n_topics, *order = lit_xmalloc((nt + 1) * sizeof *order), keep = 0;
    size_t *by_rank = lit_xcalloc(nt + 1, sizeof *by_rank), *counts = lit_xcalloc(nt + 1, sizeof *counts);
    for (size_t i = 0; i < nt; i++) by_rank[s->topic_rank[i]] = i;
    for (size_t k = 0; k < nt; k++) counts[k] = s->topics[by_rank[k]].count;
    lit_choice ch;
    size_t n_keep = lit_choose_count(counts, nt, TOPIC_ROWS, TOPIC_ROWS + TOPIC_ROWS / 4, &ch);
    for (size_t i = 0; i < nt; i++)
        if (s->topic_rank[i] < n_keep) order[keep++] = i;
    free(by_rank), free(counts);
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
        char tie[160];
        lit_buf_printf(&b, " The %s largest of %s topics are shown", lit_num_str(a, keep), lit_num_str(c, nt));
        if (*lit_choice_note(&ch, "topics", tie, sizeof tie)) lit_buf_printf(&b, " (%s)", tie);
        lit_buf_printf(&b, ", covering %s of the %s papers with a topic (%zu%%); the spreadsheet's topic sheets and "
                           "litsurvey stats --by topic list every one.",
                       lit_num_str(d, covered), lit_num_str(e, with_topic), with_topic ? covered * 100 / with_topic : 0);
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
    }
    topic_indents(s, order, keep, indent + 1);
    table(p, cells, keep + 1, cols, indent, 0, 2, true);
    for (size_t j = 0; j < keep; j++) lit_buf_free(&sys[j]);
    free(sys), free(num), free(indent), free(cells), free(order);
}

/* The venue x year counts: the venues every chart names (lit_stats_choose), then one
 * "Other venues" row that sums the rest, so that rows and columns add up; the years of
 * the charts' axis. A table too wide for the page goes on in parts (table()). */
static void venue_year_table(rp *p, int number)
{
    const lit_stats *s = p->s;
    char title[160];
    snprintf(title, sizeof title, "Table %d. Papers per venue and year", number);
    section(p, title, true);
    const lit_choice *vc = &s->venue_choice;
    size_t nc = s->n_cols, cols = nc + 2, rest = vc->of - vc->n, rows = 1 + vc->n + (rest > 0);
    if (!nc) {
        para(p, "No paper has a year.", PT_BODY, false, p->st->muted);
        return;
    }
    lit_buf b = LIT_BUF_INIT;
    char tie[160], a[32], c2[32];
    lit_buf_printf(&b, "Papers per venue and year: the %zu venues every chart names", vc->n);
    if (p->fig_venue_heatmap) lit_buf_printf(&b, " (Figure %d draws the same counts)", p->fig_venue_heatmap);
    else if (p->fig_venues) lit_buf_printf(&b, " (as in Figure %d)", p->fig_venues);
    if (*lit_choice_note(vc, "venues", tie, sizeof tie)) lit_buf_printf(&b, " (%s)", tie);
    if (rest) lit_buf_printf(&b, "; the other %s venues are summed in the last row", lit_num_str(a, rest));
    if (s->n_no_venue) lit_buf_printf(&b, "; %s papers without a venue are not counted", lit_num_str(c2, s->n_no_venue));
    lit_buf_adds(&b, ".");
    para_refs(p, lit_buf_str(&b), PT_BODY, p->st->foreground);
    lit_buf_free(&b);
    char **cells = lit_xcalloc(rows * cols, sizeof *cells);
    char (*num)[24] = lit_xcalloc(rows * cols, sizeof *num);
    size_t *col = lit_xcalloc(nc + 1, sizeof *col), *other = lit_xcalloc(nc + 1, sizeof *other);
    cells[0] = "Venue";
    for (size_t y = 0; y < nc; y++) cells[1 + y] = (char *)lit_stats_col_label(s, y, num[1 + y], sizeof num[0]);
    cells[cols - 1] = "Total";
    for (size_t k = 0; k < vc->of; k++) {
        size_t v = vc->row[k], r = k + 1;
        lit_stats_to_cols(s, &s->venue_year[v * s->n_years], col);
        size_t tot = 0;
        for (size_t y = 0; y < nc; y++) {
            tot += col[y];
            if (k >= vc->n) other[y] += col[y];
            else snprintf(num[r * cols + 1 + y], sizeof num[0], "%zu", col[y]);
        }
        if (k >= vc->n) continue;
        cells[r * cols] = (char *)s->venues[v].name;
        snprintf(num[r * cols + cols - 1], sizeof num[0], "%zu", tot);
    }
    if (rest) {
        size_t r = rows - 1, tot = 0;
        cells[r * cols] = "Other venues";
        for (size_t y = 0; y < nc; y++) {
            snprintf(num[r * cols + 1 + y], sizeof num[0], "%zu", other[y]);
            tot += other[y];
        }
        snprintf(num[r * cols + cols - 1], sizeof num[0], "%zu", tot);
    }
    for (size_t r = 1; r < rows; r++)
        for (size_t c = 1; c < cols; c++) cells[r * cols + c] = num[r * cols + c];
    table(p, cells, rows, cols, NULL, 0, 0, false);
    free(col), free(other), free(num), free(cells);
}

#define ENTRY_TITLE_MAX 1000   /* bytes of a title in a list entry: a long one is cut with "…" */

/* Text wrapped to w at x on the current line (a new page when it does not fit here),
 * linked to uri when it has one; returns its height. */
static double flow_link(rp *p, const char *s, double size, double x, double w, const char *uri, lit_rgb c)
{
    double h;
    PangoLayout *l = layout_of(p, s, size, false, w, 0, false, &h);
    need(p, h);
    if (uri && *uri) link_begin(p, 0, 0, uri);
    show(p, l, x, p->y, c);
    if (uri && *uri) link_end(p);
    g_object_unref(l);
    return h;
}

/* Every topic with its papers (taxonomy order), newest first: each topic lists at most
 * its share of LIST_MAX lines (at least LIST_MIN) and says how many more it has, so that
 * the list covers every topic. A title with a web address links to it; each topic is a
 * bookmark under the section's. */
static void paper_list(rp *p, const buckets *bk)
{
    const lit_stats *s = p->s;
    section(p, "Papers by topic", true);
    int parent = p->outline;
    size_t n_lists = 0;
    for (size_t r = 0; r < bk->n; r++) n_lists += bk->len[r] > 0;
    size_t cap = n_lists ? LIST_MAX / n_lists : LIST_MAX;
    if (cap < LIST_MIN) cap = LIST_MIN;
    char head[256];
    snprintf(head, sizeof head, "Each topic's papers, newest first; a paper in two topics is listed in both. A topic "
             "lists at most %zu; the spreadsheet and the catalog table hold every paper.", cap);
    para(p, head, PT_BODY, false, p->st->muted);
    lit_buf line = LIT_BUF_INIT, url = LIT_BUF_INIT, cut = LIT_BUF_INIT;
    for (size_t r = 0; r < bk->n; r++) {
        if (!bk->len[r]) continue;
        const char *name = r < s->n_topics ? s->topics[r].name : "(no topic)";
        snprintf(head, sizeof head, "%s (%zu)", name, bk->len[r]);
        need(p, PT_BODY * 3.5);
        outline_entry(p, parent, name);
        p->y += text_box(p, head, PT_BODY, true, MARGIN, p->y, p->cw, 0, false, p->st->foreground) + PT_BODY * 0.2;
        size_t listed = 0;
        for (size_t k = bk->len[r]; k-- > 0 && listed < cap; listed++) {
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
            lit_buf_reset(&url);
            lit_paper_url(&url, q);
            p->y += flow_link(p, lit_buf_str(&line), PT_SMALL, MARGIN + PT_SMALL, p->cw - PT_SMALL, lit_buf_str(&url),
                              p->st->foreground) + PT_SMALL * 0.25;
        }
        if (listed < bk->len[r]) {
            char more[64], nb[32];
            snprintf(more, sizeof more, "and %s more", lit_num_str(nb, bk->len[r] - listed));
            p->y += flow(p, more, PT_SMALL, false, MARGIN + PT_SMALL, p->cw - PT_SMALL, p->st->muted) + PT_SMALL * 0.25;
        }
        p->y += PT_SMALL * 0.5;
    }
    lit_buf_free(&line);
    lit_buf_free(&url);
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
    lit_buf line = LIT_BUF_INIT, url = LIT_BUF_INIT, cut = LIT_BUF_INIT;
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
        lit_buf_reset(&url);
        lit_paper_url(&url, q);
        p->y += flow_link(p, lit_buf_str(&line), PT_SMALL, MARGIN, p->cw, lit_buf_str(&url), p->st->foreground) +
                PT_SMALL * 0.25;
    }
    if (listed < total) {
        snprintf(head, sizeof head, "The first %zu of %zu are listed; the spreadsheet's New sheet lists every one.",
                 listed, total);
        para(p, head, PT_BODY, false, p->st->muted);
    }
    lit_buf_free(&line);
    lit_buf_free(&url);
    lit_buf_free(&cut);
}

/* WCAG's contrast ratio of two colours (1 to 21). */
static double contrast(lit_rgb a, lit_rgb b)
{
    double la = lit_rgb_luminance(a), lb = lit_rgb_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* c moved toward the foreground until it reads on the page at 4.5:1 or more (WCAG AA):
 * the cover's big numbers keep their hue and stay legible in print and on a projector. */
static lit_rgb readable(const lit_style *st, lit_rgb c)
{
    lit_rgb f = st->foreground;
    for (int i = 0; i < 40 && contrast(c, st->background) < 4.5; i++)
        c = (lit_rgb){c.r + (f.r - c.r) * 0.08, c.g + (f.g - c.g) * 0.08, c.b + (f.b - c.b) * 0.08};
    return c;
}

/* The date of the data the report shows (lit_catalog_date: SOURCE_DATE_EPOCH, else when
 * the catalog file last changed), never the day of the build, so that the same catalog
 * gives the same report: " · as of 7 December 2025", or "" for a catalog read from stdin. */
static void report_date(const lit_catalog *c, char *buf, size_t n)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December"};
    long long v = lit_catalog_date(c);
    time_t t = (time_t)v;
    struct tm tm;
    if (v < 0 || !gmtime_r(&t, &tm)) { *buf = 0; return; }
    snprintf(buf, n, " \xC2\xB7 as of %d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
}

typedef struct list_count { const char *name; size_t papers; } list_count;

static int by_papers_then_name(const void *a, const void *b)
{
    const list_count *x = a, *y = b;
    if (x->papers != y->papers) return x->papers < y->papers ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* "Built from 5 lists: a.md (120 papers), b.bib (95), ..." with the papers of the report
 * each list names, most first; past LISTS_NAMED of them, how many more. */
static void lists_line(const lit_stats *s, lit_buf *b)
{
    list_count *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < s->n_papers; i++) {
        const lit_paper *q = &s->db->cat.papers[s->sel[i]];
        for (uint32_t k = 0; k < q->n_sources; k++) {
            const char *name = q->sources[k].list;
            uint32_t j = 0;   /* a paper counts once per list */
            while (j < k && strcmp(q->sources[j].list, name) != 0) j++;
            if (j < k || !name) continue;
            size_t m = 0;
            while (m < n && strcmp(v[m].name, name) != 0) m++;
            if (m == n) {
                LIT_GROW(v, cap, n + 1);
                v[n++] = (list_count){name, 0};
            }
            v[m].papers++;
        }
    }
    if (n) qsort(v, n, sizeof *v, by_papers_then_name);
    char a[32];
    lit_buf_printf(b, "Built from %s list%s", lit_num_str(a, n), n == 1 ? "" : "s");
    for (size_t i = 0; i < n && i < LISTS_NAMED; i++)
        lit_buf_printf(b, "%s%s (%s%s)", i ? ", " : ": ", v[i].name, lit_num_str(a, v[i].papers), i ? "" : " papers");
    if (n > LISTS_NAMED) lit_buf_printf(b, " and %s more", lit_num_str(a, n - LISTS_NAMED));
    lit_buf_adds(b, ".");
    free(v);
}

static void title_page(rp *p)
{
    const lit_stats *s = p->s;
    const lit_style *st = p->st;
    p->y = MARGIN * 1.5;
    p->y += text_box(p, p->r->title, PT_TITLE, true, MARGIN, p->y, p->cw, 0, false, st->foreground) + PT_TITLE * 0.4;
    char num[4][32], sub[256], date[64];
    lit_num_str(num[0], s->n_papers);
    report_date(&s->db->cat, date, sizeof date);
    if (s->n_years) snprintf(sub, sizeof sub, "%s papers from %d to %d%s", num[0], s->year_min, s->year_max, date);
    else snprintf(sub, sizeof sub, "%s papers%s", num[0], date);
    p->y += text_box(p, sub, PT_H2, false, MARGIN, p->y, p->cw, 0, false, readable(st, st->muted)) + PT_TITLE;

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
                            readable(st, lit_style_series_color(st, 0)));
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
    lit_buf_adds(&b, ". ");
    lists_line(s, &b);
    lit_buf_printf(&b, " The venue and year charts count every paper once, and so does the topic trend, under "
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
        link_begin(p, e->page, e->y, NULL);   /* the entry, its dots' room and its page: one link */
        text_box(p, e->title, PT_BODY, false, MARGIN, p->y, p->cw - 40, 0, true, p->st->foreground);
        text_box(p, pg, PT_BODY, false, MARGIN, p->y, p->cw, 1, true, p->st->foreground);
        link_end(p);
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
    /* the tables' numbers are known before the figures that refer to them */
    bool topics = has_table(p->r, "topics") || !p->r->n_tables, venues = has_table(p->r, "venue-year");
    p->tab_topics = topics ? 1 : 0;
    p->tab_venues = venues ? p->tab_topics + 1 : 0;
    p->fig_venues = p->fig_venue_heatmap = 0;
    for (size_t i = 0; i < p->r->n_charts; i++) {
        if (strcmp(p->r->charts[i], "venues") == 0) p->fig_venues = (int)i + 1;
        if (strcmp(p->r->charts[i], "venue-heatmap") == 0) p->fig_venue_heatmap = (int)i + 1;
    }
    for (size_t i = 0; i < p->r->n_charts; i++) figure_page(p, i, ++fig);
    buckets bk;
    buckets_fill(&bk, p->s);
    if (topics) topics_table(p, &bk, ++tab);
    if (venues) venue_year_table(p, ++tab);
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
    /* each chart as its files draw it, scaled into the room above the footer */
    double k = (st->height - MARGIN * 0.8) / st->height;
    for (size_t i = 0; p->rc == 0 && i < p->r->n_charts; i++) {
        p->rc = lit_surface_next_page(p->sf, st->width, st->height, p->d);
        if (p->rc != 0) break;
        p->page++;
        paint_page(p);
        p->outline = outline_entry(p, CAIRO_PDF_OUTLINE_ROOT, lit_chart_title(p->r->charts[i], &co));
        cairo_save(p->cr);
        cairo_translate(p->cr, st->width * (1 - k) / 2, 0);
        cairo_scale(p->cr, k, k);
        p->rc = draw_chart(p, st->width, st->height, p->r->charts[i], &co);
        cairo_restore(p->cr);
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
