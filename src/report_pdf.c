/* report_pdf.c - the one-file report: a title page with the key figures, then every chart. */
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include "chart.h"
#include "report.h"
#include "style.h"
#include "surface.h"

static void set_rgb(cairo_t *cr, lit_rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

/* Lays out text with its top-left (align 0), centre (0.5) or right (1) at x, y, wrapped
 * to width w when w > 0; draws it when draw is set; returns its height. */
static double text_at(cairo_t *cr, const lit_style *st, const char *s, double size, int bold, double x, double y,
                      double w, double align, lit_rgb c, int draw)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *f = pango_font_description_from_string(st->font);
    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    if (w > 0) {
        pango_layout_set_width(l, (int)(w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD);
        pango_layout_set_alignment(l, align > 0.75 ? PANGO_ALIGN_RIGHT : align > 0.25 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    }
    pango_layout_set_text(l, s, -1);
    int pw, ph;
    pango_layout_get_pixel_size(l, &pw, &ph);
    if (draw) {
        set_rgb(cr, c);
        cairo_move_to(cr, x - (w > 0 ? 0 : align * pw), y);
        pango_cairo_show_layout(cr, l);
    }
    g_object_unref(l);
    pango_font_description_free(f);
    return ph;
}

static double text(cairo_t *cr, const lit_style *st, const char *s, double size, int bold, double x, double y,
                   double w, double align, lit_rgb c)
{
    return text_at(cr, st, s, size, bold, x, y, w, align, c, 1);
}

static void footer(cairo_t *cr, const lit_style *st, const lit_report *r, int page, int pages)
{
    char buf[64];
    double m = st->width * 0.04, size = st->note_size; /* footer_h() is this line's height */
    snprintf(buf, sizeof buf, "%d / %d", page, pages);
    text(cr, st, buf, size, 0, st->width - m, st->height - m - size * 1.3, 0, 1, st->muted);
    text(cr, st, r->title, size, 0, m, st->height - m - size * 1.3, 0, 0, st->muted);
}

static double footer_h(const lit_style *st) { return st->note_size * 1.3 + st->width * 0.04; }

/* One key figure: a big number over its label; returns its height. */
static double figure(cairo_t *cr, const lit_style *st, const char *num, const char *label, double x, double y,
                     double w, int draw)
{
    double h = text_at(cr, st, num, st->title_size * 1.8, 1, x + w / 2, y, 0, 0.5, lit_style_series_color(st, 0), draw);
    return h + text_at(cr, st, label, st->label_size, 0, x, y + h, w, 0.5, st->foreground, draw);
}

/* Title on top, what the counts leave out at the bottom, the key figures between. */
static void title_page(cairo_t *cr, const lit_report *r, const lit_stats *s, const lit_style *st)
{
    double W = st->width, H = st->height, m = W * 0.07, tw = W - 2 * m;
    set_rgb(cr, st->background);
    cairo_paint(cr);
    double y = H * 0.09;
    y += text(cr, st, r->title, st->title_size * 1.5, 1, m, y, tw, 0, st->foreground) + st->title_size * 0.4;
    char sub[256];
    if (s->n_years)
        snprintf(sub, sizeof sub, "%zu papers from %d to %d", s->n_papers, s->year_min, s->year_max);
    else
        snprintf(sub, sizeof sub, "%zu papers", s->n_papers);
    y += text(cr, st, sub, st->label_size * 1.2, 0, m, y, tw, 0, st->muted);

    char lines[3][512];
    int n = snprintf(lines[0], sizeof lines[0], "Busiest venues: ");
    for (size_t i = 0; i < s->n_venues && i < 5 && n < (int)sizeof lines[0] - 64; i++)
        n += snprintf(lines[0] + n, sizeof lines[0] - (size_t)n, "%s%s (%zu)", i ? ", " : "", s->venues[i].name,
                      s->venues[i].count);
    size_t best = 0;
    for (size_t i = 1; i < s->n_topics; i++)
        if (s->topics[i].count > s->topics[best].count) best = i;
    snprintf(lines[1], sizeof lines[1], "Largest topic: %s (%zu papers)", s->n_topics ? s->topics[best].name : "none",
             s->n_topics ? s->topics[best].count : (size_t)0);
    snprintf(lines[2], sizeof lines[2],
             "%zu without a year, %zu without a venue, %zu without a topic; %zu of the catalog's %zu papers pass the filters.",
             s->n_no_year, s->n_no_venue, s->n_no_topic, s->n_papers, s->n_total);
    double sizes[3] = {st->font_size, st->font_size, st->note_size}, gap = st->font_size * 0.4;
    double bottom = H - footer_h(st) - st->font_size, hs[3], total = 0;
    for (int i = 0; i < 3; i++) total += (hs[i] = text_at(cr, st, lines[i], sizes[i], 0, m, 0, tw, 0, st->foreground, 0)) + gap;
    double yb = bottom - total;
    for (int i = 0; i < 3; i++) {
        text(cr, st, lines[i], sizes[i], 0, m, yb, tw, 0, i == 2 ? st->muted : st->foreground);
        yb += hs[i] + gap;
    }

    char num[4][32];
    snprintf(num[0], sizeof num[0], "%zu", s->n_papers);
    snprintf(num[1], sizeof num[1], "%zu", s->n_venues);
    snprintf(num[2], sizeof num[2], "%zu", s->n_topics);
    snprintf(num[3], sizeof num[3], "%zu", s->n_lists);
    const char *labels[4] = {"papers", "venues", "topics", "lists merged"};
    double cw = tw / 4, fh = figure(cr, st, num[0], labels[0], 0, 0, cw, 0);
    double fy = y + (bottom - total - y - fh) / 2;
    for (int i = 0; i < 4; i++) figure(cr, st, num[i], labels[i], m + i * cw, fy, cw, 1);
}

int lit_report_pdf(const lit_report *r, const lit_stats *s, const struct lit_style *st, const char *path, lit_diag *d)
{
    lit_surface sf;
    if (lit_surface_open(&sf, path, st->width, st->height, st->png_dpi, r->title, d) != 0) return -1;
    int pages = 1 + (int)r->n_charts, rc = 0;
    title_page(sf.cr, r, s, st);
    footer(sf.cr, st, r, 1, pages);
    lit_chart_opts co = {0};
    co.top = r->top;
    for (size_t i = 0; rc == 0 && i < r->n_charts; i++) {
        rc = lit_surface_next_page(&sf, st->width, st->height, d);
        if (rc != 0) break;
        /* the chart fills the page above the footer line */
        double foot = footer_h(st) + st->note_size;
        cairo_save(sf.cr);
        set_rgb(sf.cr, st->background);
        cairo_paint(sf.cr);
        rc = lit_chart_draw(sf.cr, st->width, st->height - foot, r->charts[i], s, st, &co, d);
        cairo_restore(sf.cr);
        footer(sf.cr, st, r, (int)i + 2, pages);
    }
    if (rc != 0) {
        lit_surface_abort(&sf);
        return -1;
    }
    return lit_surface_close(&sf, d);
}
