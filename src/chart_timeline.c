/* chart_timeline.c - systems by topic (rows) and year (x), short names placed in lanes so none collide. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sys {
    const char *name, *key;
    int year;
    int row;          /* index into the stats' topics */
    unsigned lists;   /* how many source lists name it: the priority */
    int lane;         /* -1 = not shown */
    double x0, x1;    /* label box */
} sys;

static int by_priority(const void *a, const void *b)
{
    const sys *x = a, *y = b;
    if (x->lists != y->lists) return x->lists < y->lists ? 1 : -1;
    if (x->year != y->year) return x->year - y->year;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->key, y->key);
}

static int by_row_year(const void *a, const void *b)
{
    const sys *x = a, *y = b;
    if (x->row != y->row) return x->row - y->row;
    if (x->year != y->year) return x->year - y->year;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->key, y->key);
}

/* Lanes: for each row, the label boxes placed in each of its lanes. */
typedef struct span { double x0, x1; } span;
typedef struct lane { span *v; size_t n, cap; } lane;

static bool lane_free(const lane *l, double x0, double x1)
{
    for (size_t i = 0; i < l->n; i++)
        if (x0 < l->v[i].x1 && l->v[i].x0 < x1) return false;
    return true;
}

int lit_chart_timeline(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    const lit_catalog *cat = &s->db->cat;
    /* catalog topic id -> row of the stats' topic table */
    int *row_of = lit_xmalloc((cat->topics.n + 1) * sizeof *row_of);
    for (size_t i = 0; i <= cat->topics.n; i++) row_of[i] = -1;
    for (size_t t = 0; t < s->n_topics; t++)
        if (s->topics[t].id >= 0 && (size_t)s->topics[t].id < cat->topics.n) row_of[s->topics[t].id] = (int)t;
    sys *v = lit_xcalloc(s->n_papers + 1, sizeof *v);
    size_t n = 0, n_named = 0;
    for (size_t k = 0; k < s->n_papers; k++) {
        const lit_paper *p = &cat->papers[s->sel[k]];
        if (!p->short_name || !*p->short_name) continue;
        n_named++;
        int row = -1;
        for (uint32_t t = 0; t < p->n_topics && row < 0; t++)
            if (p->topics[t] >= 0 && (size_t)p->topics[t] < cat->topics.n) row = row_of[p->topics[t]];
        if (row < 0 || p->year <= 0) continue;
        v[n++] = (sys){p->short_name, p->key, p->year, row, p->n_sources, -1, 0, 0};
    }
    free(row_of);

    /* rows: topics with systems, in taxonomy order */
    size_t nt = s->n_topics;
    size_t *cnt = lit_xcalloc(nt + 1, sizeof *cnt);
    for (size_t i = 0; i < n; i++) cnt[v[i].row]++;
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    double lane_h = lh * 1.3;

    lit_cx_note(cx, "%zu systems (papers with a short name, a year and a topic)", n);
    if (n_named > n) lit_cx_note(cx, "%zu more without a year or topic", n_named - n);
    double py1 = cx->py1;
    cx->py1 -= lit_cx_note_h(cx, "; showing 999 of 999, most-listed first; each in its first topic");
    double avail = cx->py1 - cx->py0 - lh * 1.6;
    cx->py1 = py1;
    size_t budget = (size_t)fmax(1, floor(avail / lane_h));

    int *rows = lit_xcalloc(nt + 1, sizeof *rows);
    size_t nr = 0;
    for (size_t t = 0; t < nt; t++)
        if (cnt[t]) rows[nr++] = (int)t;
    size_t max_rows = budget;
    while (nr > max_rows) {   /* drop the topic with the fewest systems (the last of equals) */
        size_t lo = 0;
        for (size_t i = 1; i < nr; i++)
            if (cnt[rows[i]] <= cnt[rows[lo]]) lo = i;
        memmove(&rows[lo], &rows[lo + 1], (nr - lo - 1) * sizeof *rows);
        nr--;
    }
    int *pos = lit_xmalloc((nt + 1) * sizeof *pos);   /* stats topic -> displayed row or -1 */
    for (size_t t = 0; t <= nt; t++) pos[t] = -1;
    for (size_t r = 0; r < nr; r++) pos[rows[r]] = (int)r;

    /* x layout: row labels on the left, years across */
    double maxlw = (cx->px1 - cx->px0) * 0.2, lw = 0;
    for (size_t r = 0; r < nr; r++) {
        double w = lit_cx_box_w(cx, LIT_F_BODY, s->topics[rows[r]].name, maxlw, 2);
        if (w > lw) lw = w;
    }
    int ymin = s->year_min, ymax = s->year_max;
    size_t ny = s->n_years ? s->n_years : 1;
    double gx0 = cx->px0 + lw + lh * 0.8, gx1 = cx->px1;
    double slot = (gx1 - gx0) / (double)ny;
    double pad = lh * 0.3, sep = lh * 0.35;

    /* greedy lanes: most-listed systems first, each into the first lane of its row where its
     * Pango-measured label fits, opening a lane while the page has height left */
    qsort(v, n, sizeof *v, by_priority);
    lane **lanes = lit_xcalloc(nr + 1, sizeof *lanes);
    size_t *nl = lit_xcalloc(nr + 1, sizeof *nl);
    size_t used = nr, shown = 0, misses = 0;
    size_t limit = cx->o->top ? cx->o->top : (size_t)-1;
    for (size_t i = 0; i < n && shown < limit; i++) {
        int r = pos[v[i].row];
        if (r < 0 || misses > 20000) continue;
        double w = lit_cx_text_w(cx, LIT_F_BODY, v[i].name) + 2 * pad;
        double xc = gx0 + slot * ((double)(v[i].year - ymin) + 0.5);
        double x0 = xc - w / 2, x1 = xc + w / 2;
        if (x0 < gx0) { x1 += gx0 - x0; x0 = gx0; }
        if (x1 > gx1) { x0 -= x1 - gx1; x1 = gx1; }
        size_t l;
        for (l = 0; l < nl[r]; l++)
            if (lane_free(&lanes[r][l], x0 - sep / 2, x1 + sep / 2)) break;
        if (l == nl[r]) {
            if (nl[r] > 0 && used >= budget) { misses++; continue; }
            lanes[r] = lit_xrealloc(lanes[r], (nl[r] + 1) * sizeof **lanes);
            memset(&lanes[r][nl[r]], 0, sizeof **lanes);
            nl[r]++;
            if (nl[r] > 1) used++;
        }
        lane *ln = &lanes[r][l];
        LIT_GROW(ln->v, ln->cap, ln->n + 1);
        ln->v[ln->n++] = (span){x0 - sep / 2, x1 + sep / 2};
        v[i].lane = (int)l;
        v[i].x0 = x0;
        v[i].x1 = x1;
        shown++;
    }
    if (shown < n)
        lit_cx_note(cx, "showing %zu of %zu, most-listed first", shown, n);
    lit_cx_note(cx, "each in its first topic");
    lit_cx_place_note(cx);

    qsort(v, n, sizeof *v, by_row_year);
    if (cx->csv) {
        lit_csv_str(cx, "topic"); lit_csv_str(cx, "year"); lit_csv_str(cx, "system");
        lit_csv_str(cx, "key"); lit_csv_str(cx, "lists"); lit_csv_str(cx, "shown");
        lit_csv_end(cx);
        for (size_t i = 0; i < n; i++) {
            lit_csv_str(cx, s->topics[v[i].row].name);
            lit_csv_num(cx, v[i].year);
            lit_csv_str(cx, v[i].name);
            lit_csv_str(cx, v[i].key);
            lit_csv_num(cx, v[i].lists);
            lit_csv_str(cx, v[i].lane >= 0 ? "yes" : "no");
            lit_csv_end(cx);
        }
    }

    if (nr == 0 || s->n_years == 0) {
        lit_cx_text(cx, LIT_F_LABEL, "no systems with a short name, a year and a topic",
                    (cx->px0 + cx->px1) / 2, (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
    } else {
        double gy0 = cx->py0, gy1 = cx->py1 - lh * 1.4;
        /* spare height goes between the rows, up to half a lane each */
        size_t lanes_total = 0;
        for (size_t r = 0; r < nr; r++) lanes_total += nl[r] ? nl[r] : 1;
        double spare = (gy1 - gy0) - lane_h * (double)lanes_total;
        double gap = fmin(fmax(spare / (double)nr, 0), lane_h * 0.6);
        double *ry = lit_xcalloc(nr + 1, sizeof *ry);
        double y = gy0;
        for (size_t r = 0; r < nr; r++) {
            ry[r] = y;
            y += lane_h * (double)(nl[r] ? nl[r] : 1) + gap;
        }
        ry[nr] = y;
        /* bands and year lines */
        for (size_t r = 0; r < nr; r++) {
            lit_rgb c = lit_style_series_color(st, s->topics[rows[r]].order);
            lit_cx_rect(cx, gx0, ry[r], gx1 - gx0, ry[r + 1] - ry[r] - gap * 0.3,
                        lit_rgb_mix(st->background, c, 0.12));
            double rh = ry[r + 1] - ry[r] - gap * 0.3;
            lit_cx_text_box(cx, LIT_F_BODY, s->topics[rows[r]].name, gx0 - lh * 0.4,
                            ry[r] + rh / 2, maxlw, rh >= lh * 2.2 ? 2 : 1, true, st->foreground, true);
        }
        if (st->grid)
            for (size_t i = 1; i < ny; i++) {
                double x = gx0 + slot * (double)i;
                cairo_move_to(cx->cr, x, gy0);
                cairo_line_to(cx->cr, x, y - gap * 0.3);
                lit_cx_color(cx, st->grid_color);
                cairo_set_line_width(cx->cr, st->grid_width);
                cairo_stroke(cx->cr);
            }
        /* labels as rounded pills in the topic's colour */
        for (size_t i = 0; i < n; i++) {
            if (v[i].lane < 0) continue;
            int r = pos[v[i].row];
            lit_rgb c = lit_style_series_color(st, s->topics[v[i].row].order);
            double yc = ry[r] + lane_h * ((double)v[i].lane + 0.5);
            double h = lh * 1.1, rad = h * 0.3, x0 = v[i].x0, x1 = v[i].x1;
            cairo_new_sub_path(cx->cr);
            cairo_arc(cx->cr, x1 - rad, yc - h / 2 + rad, rad, -LIT_PI / 2, 0);
            cairo_arc(cx->cr, x1 - rad, yc + h / 2 - rad, rad, 0, LIT_PI / 2);
            cairo_arc(cx->cr, x0 + rad, yc + h / 2 - rad, rad, LIT_PI / 2, LIT_PI);
            cairo_arc(cx->cr, x0 + rad, yc - h / 2 + rad, rad, LIT_PI, 3 * LIT_PI / 2);
            cairo_close_path(cx->cr);
            lit_cx_color(cx, c);
            cairo_fill(cx->cr);
            lit_cx_text(cx, LIT_F_BODY, v[i].name, (x0 + x1) / 2, yc, 0.5, 0.5, lit_contrast_text(c));
        }
        (void)ymax;
        lit_cx_year_labels(cx, ymin, s->n_years, gx0, slot, y - gap * 0.3 + lh * 0.2, false);
        free(ry);
    }
    for (size_t r = 0; r < nr; r++) {
        for (size_t l = 0; l < nl[r]; l++) free(lanes[r][l].v);
        free(lanes[r]);
    }
    free(lanes); free(nl); free(pos); free(rows); free(cnt); free(v);
    return 0;
}
