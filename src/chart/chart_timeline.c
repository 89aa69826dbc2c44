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
    int col;          /* year column */
} sys;

/* The order systems get a place in: named in most lists, then the most recent, then by name. */
static int by_priority(const void *a, const void *b)
{
    const sys *x = a, *y = b;
    if (x->lists != y->lists) return x->lists < y->lists ? 1 : -1;
    if (x->year != y->year) return x->year < y->year ? 1 : -1;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->key, y->key);
}

/* The CSV: the systems drawn first, in the order they got their place, then the rest. */
static int by_shown_priority(const void *a, const void *b)
{
    const sys *x = a, *y = b;
    if ((x->lane >= 0) != (y->lane >= 0)) return x->lane >= 0 ? -1 : 1;
    return by_priority(a, b);
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

/* Everything one placement attempt needs. */
typedef struct layout {
    sys *v;
    size_t n;
    const double *w;        /* label widths, padding included */
    double gx0, gx1, slot, sep;
    size_t budget, limit;   /* lanes on the page; labels at most */
    const unsigned char *min_lanes;   /* per stats topic: 2 when its name needs two lines */
    size_t nt;
} layout;

/* Greedy lanes for the rows in pos (stats topic -> row or -1): most-listed systems first,
 * each into the first lane of its row where its Pango-measured label fits, opening a lane
 * while the page has height left. Sets v[i].lane/x0/x1 and nl[row]; returns the number placed. */
static size_t place(const layout *L, const int *pos, size_t nr, size_t *nl, bool *fits)
{
    lane **lanes = lit_xcalloc(nr + 1, sizeof *lanes);
    size_t used = 0, shown = 0;
    memset(nl, 0, nr * sizeof *nl);
    /* every row starts with the lanes its name needs */
    for (size_t t = 0; t < L->nt; t++) {
        if (pos[t] < 0) continue;
        size_t r = (size_t)pos[t];
        nl[r] = L->min_lanes[t];
        lanes[r] = lit_xcalloc(nl[r], sizeof **lanes);
        used += nl[r];
    }
    *fits = used <= L->budget;
    for (size_t i = 0; i < L->n; i++) {
        sys *y = &L->v[i];
        y->lane = -1;
        int r = pos[y->row];
        if (r < 0 || shown >= L->limit) continue;
        double xc = L->gx0 + L->slot * ((double)y->col + 0.5);
        double x0 = xc - L->w[i] / 2, x1 = xc + L->w[i] / 2;
        if (x0 < L->gx0) { x1 += L->gx0 - x0; x0 = L->gx0; }
        if (x1 > L->gx1) { x0 -= x1 - L->gx1; x1 = L->gx1; }
        size_t l;
        for (l = 0; l < nl[r]; l++)
            if (lane_free(&lanes[r][l], x0 - L->sep / 2, x1 + L->sep / 2)) break;
        if (l == nl[r]) {
            if (used >= L->budget) continue;
            lanes[r] = lit_xrealloc(lanes[r], (nl[r] + 1) * sizeof **lanes);
            memset(&lanes[r][nl[r]], 0, sizeof **lanes);
            nl[r]++;
            used++;
        }
        lane *ln = &lanes[r][l];
        LIT_GROW(ln->v, ln->cap, ln->n + 1);
        ln->v[ln->n++] = (span){x0 - L->sep / 2, x1 + L->sep / 2};
        y->lane = (int)l;
        y->x0 = x0;
        y->x1 = x1;
        shown++;
    }
    for (size_t r = 0; r < nr; r++) {
        for (size_t l = 0; l < nl[r]; l++) free(lanes[r][l].v);
        free(lanes[r]);
    }
    free(lanes);
    return shown;
}

/* The r topics with the most systems, in taxonomy order, into rows[] and pos[]. */
static size_t pick_rows(const size_t *cnt, size_t nt, size_t r, int *rows, int *pos)
{
    size_t nr = 0;
    for (size_t t = 0; t < nt; t++)
        if (cnt[t]) rows[nr++] = (int)t;
    while (nr > r) {   /* drop the topic with the fewest systems (the last of equals) */
        size_t lo = 0;
        for (size_t i = 1; i < nr; i++)
            if (cnt[rows[i]] <= cnt[rows[lo]]) lo = i;
        memmove(&rows[lo], &rows[lo + 1], (nr - lo - 1) * sizeof *rows);
        nr--;
    }
    for (size_t t = 0; t <= nt; t++) pos[t] = -1;
    for (size_t i = 0; i < nr; i++) pos[rows[i]] = (int)i;
    return nr;
}

/* Names the topics with systems but no row in the note, most systems first, as many as
 * its lines hold ("and 3 more" after). */
static void omit_topics(lit_cx *cx, const size_t *all, const int *pos, size_t nt)
{
    size_t n_out = 0;
    for (size_t t = 0; t < nt; t++) n_out += all[t] && pos[t] < 0;
    if (!n_out) return;
    size_t *out = lit_xcalloc(n_out, sizeof *out), k = 0;
    for (size_t t = 0; t < nt; t++)
        if (all[t] && pos[t] < 0) out[k++] = t;
    for (size_t i = 1; i < n_out; i++)   /* by systems, then taxonomy order */
        for (size_t j = i; j > 0 && all[out[j]] > all[out[j - 1]]; j--) {
            size_t tmp = out[j]; out[j] = out[j - 1]; out[j - 1] = tmp;
        }
    lit_buf names = LIT_BUF_INIT, try = LIT_BUF_INIT;
    size_t named = 0;
    char tail[64];
    for (; named < n_out; named++) {
        const lit_count *c = &cx->s->topics[out[named]];
        lit_buf_reset(&try);
        lit_buf_printf(&try, "%s%s (%zu)", names.len ? ", " : "", c->short_name ? c->short_name : c->name,
                       all[out[named]]);
        lit_buf probe = LIT_BUF_INIT;
        lit_buf_adds(&probe, cx->omit.len ? ", topics " : "topics ");
        lit_buf_adds(&probe, lit_buf_str(&names));
        lit_buf_adds(&probe, lit_buf_str(&try));
        if (named + 1 < n_out) lit_buf_adds(&probe, " and 99 more");
        bool fits = lit_cx_note_fits(cx, lit_buf_str(&probe));
        lit_buf_free(&probe);
        if (!fits) break;
        lit_buf_adds(&names, lit_buf_str(&try));
    }
    if (named < n_out) {
        snprintf(tail, sizeof tail, "%s%zu more", named ? " and " : "", n_out - named);
        lit_buf_adds(&names, tail);
    }
    /* none of them by name: "8 of 22 topics shown" has said it already */
    if (named) lit_cx_omit(cx, "topics %s", lit_buf_str(&names));
    lit_buf_free(&names);
    lit_buf_free(&try);
    free(out);
}

int lit_chart_timeline(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    const lit_catalog *cat = &s->db->cat;
    int *row_of = lit_cx_topic_rows(cx);
    sys *v = lit_xcalloc(s->n_papers + 1, sizeof *v);
    size_t n = 0, no_year = 0, no_topic = 0;
    for (size_t k = 0; k < s->n_papers; k++) {
        const lit_paper *p = &cat->papers[s->sel[k]];
        if (!p->short_name || !*p->short_name) continue;
        int row = lit_cx_main_topic(s, p, row_of);   /* each system in its largest topic */
        no_year += p->year <= 0;
        no_topic += p->year > 0 && row < 0;
        if (row < 0 || p->year <= 0) continue;
        v[n++] = (sys){p->short_name, p->key, p->year, row, p->n_sources, -1, 0, 0, (int)lit_stats_col(s, p->year)};
    }
    free(row_of);

    /* rows: the named topics (lit_stats_choose) with systems, in taxonomy order; all[]
     * counts every topic's systems, for the note */
    size_t nt = s->n_topics;
    size_t *cnt = lit_xcalloc(nt + 1, sizeof *cnt), *all = lit_xcalloc(nt + 1, sizeof *all);
    for (size_t i = 0; i < n; i++) all[v[i].row]++;
    for (size_t t = 0; t < nt; t++) cnt[t] = lit_chart_topic_slot(s, st, t) >= 0 ? all[t] : 0;
    double lh = lit_cx_line_h(cx, LIT_F_BODY), mh = lit_cx_line_h(cx, LIT_F_MARK);
    double lane_h = mh * 1.3;

    char n_buf[32];
    double py1 = cx->py1;
    char full[600];   /* the note may take all its lines */
    memset(full, 'x', sizeof full - 1);
    full[sizeof full - 1] = 0;
    for (size_t i = 5; i < sizeof full - 1; i += 6) full[i] = ' ';
    cx->py1 -= lit_cx_note_h(cx, full);
    double avail = cx->py1 - cx->py0 - lh * 1.6;
    cx->py1 = py1;
    size_t budget = (size_t)fmax(1, floor(avail / lane_h));

    int *rows = lit_xcalloc(nt + 1, sizeof *rows);
    int *pos = lit_xmalloc((nt + 1) * sizeof *pos);   /* stats topic -> displayed row or -1 */
    size_t nr = pick_rows(cnt, nt, nt, rows, pos);

    /* row labels on the left: a topic whose name does not fit one line gets a row two
     * lanes high, while the rows fit the lanes the page has; past that the rows are one
     * lane high with one-line labels (short labels, cut only when even those do not fit:
     * the note then names them in full), and past that the topics with the fewest
     * systems go (the note names them) */
    double maxlw = (cx->px1 - cx->px0) * 0.28, lw = 0;
    unsigned char *min_lanes = lit_xcalloc(nt + 1, 1);
    const char **label = lit_xcalloc(nt + 1, sizeof *label);
    lit_buf cut = LIT_BUF_INIT;
    int label_lines = 2;
    for (;; label_lines = 1, maxlw = (cx->px1 - cx->px0) * 0.36) {   /* one line: a wider column */
        lw = 0;
        for (size_t t = 0; t < nt; t++) {
            label[t] = lit_cx_fit_label(cx, LIT_F_MARK, s->topics[t].name, s->topics[t].short_name, maxlw, label_lines);
            if (pos[t] >= 0) lw = fmax(lw, lit_cx_box_w(cx, LIT_F_MARK, label[t], maxlw, label_lines));
        }
        size_t need = 0;
        for (size_t t = 0; t < nt; t++) {
            min_lanes[t] = label_lines == 2 && lit_cx_text_w(cx, LIT_F_MARK, label[t]) > lw + 0.01 ? 2 : 1;
            if (pos[t] >= 0) need += min_lanes[t];
        }
        if (need <= budget || label_lines == 1) break;
    }
    if (nr > budget) nr = pick_rows(cnt, nt, budget, rows, pos);
    for (size_t t = 0; t < nt; t++) {
        if (pos[t] < 0) continue;
        lit_cx_box_w(cx, LIT_F_MARK, label[t], maxlw, label_lines);
        if (pango_layout_is_ellipsized(cx->lay)) lit_buf_printf(&cut, "%s%s", cut.len ? "; " : "", s->topics[t].name);
    }
    size_t nc = s->n_cols ? s->n_cols : 1;
    double gx0 = cx->px0 + lw + lh * 0.8, gx1 = cx->px1;
    double slot = (gx1 - gx0) / (double)nc;
    double pad = mh * 0.3;
    /* a pill is at most half the years' width: a longer name is cut to it (the
     * CSV has it whole), so that no label leaves the chart */
    double max_pill = (gx1 - gx0) / 2;

    /* systems of topics with a row first, by priority: the others never get a place */
    size_t n_row = 0;
    for (size_t i = 0; i < n; i++)
        if (pos[v[i].row] >= 0) { sys tmp = v[n_row]; v[n_row++] = v[i]; v[i] = tmp; }
    qsort(v, n_row, sizeof *v, by_priority);
    size_t cand = budget * nc * 3 + 64;   /* only the first of them can ever get a place */
    if (cand > n_row) cand = n_row;
    double *w = lit_xcalloc(cand + 1, sizeof *w);
    for (size_t i = 0; i < cand; i++) w[i] = fmin(lit_cx_text_w(cx, LIT_F_MARK, v[i].name) + 2 * pad, max_pill);
    layout L = {v, cand, w, gx0, gx1, slot, mh * 0.35, budget,
                cx->o->top ? cx->o->top : (size_t)-1, min_lanes, nt};
    size_t *nl = lit_xcalloc(nt + 1, sizeof *nl), shown = 0;
    bool fits;
    if (nr) shown = place(&L, pos, nr, nl, &fits);
    for (size_t i = cand; i < n; i++) v[i].lane = -1;
    if (shown < n)
        lit_cx_note(cx, "%zu of %s systems shown (papers with a system name, year and topic): most-listed first, "
                        "then newest; each in its largest topic", shown, lit_num_str(n_buf, n));
    else
        lit_cx_note(cx, "%s systems (papers with a system name, year and topic), each in its largest topic",
                    lit_num_str(n_buf, n));
    if (no_year) lit_cx_omit_count(cx, no_year, "without a year");
    if (no_topic) lit_cx_omit_count(cx, no_topic, s->topic_umbrella >= 0 ? "in no topic but the one left out" : "without a topic");
    lit_cx_note_umbrella(cx);
    /* the topics left out: how much the shown ones cover, and by name when not hundreds */
    size_t n_out = 0;
    unsigned char *shown_row = lit_xcalloc(nt + 1, 1);
    for (size_t t = 0; t < nt; t++) {
        shown_row[t] = pos[t] >= 0;
        n_out += all[t] && pos[t] < 0;
    }
    lit_cx_note_topics_shown(cx, shown_row, true);
    lit_cx_note_years(cx);
    if (cut.len) lit_cx_note(cx, "in full: %s", lit_buf_str(&cut));
    lit_buf_free(&cut);
    if (n_out <= 30) omit_topics(cx, all, pos, nt);
    free(shown_row);
    lit_cx_place_note(cx);

    /* the CSV: what is drawn first, in the order it got its place */
    qsort(v, n, sizeof *v, by_shown_priority);
    if (cx->csv) {
        char yb[32];
        lit_csv_str(cx, "topic"); lit_csv_str(cx, "year"); lit_csv_str(cx, "system");
        lit_csv_str(cx, "key"); lit_csv_str(cx, "lists"); lit_csv_str(cx, "shown");
        lit_csv_end(cx);
        for (size_t i = 0; i < n; i++) {
            lit_csv_str(cx, s->topics[v[i].row].name);
            snprintf(yb, sizeof yb, "%d", v[i].year);
            lit_csv_str(cx, yb);
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
        /* spare height first spreads the lanes (up to 1.5 times), then goes between rows */
        size_t lanes_total = 0;
        for (size_t r = 0; r < nr; r++) lanes_total += nl[r] ? nl[r] : 1;
        lane_h = fmax(lane_h, fmin(lane_h * 1.5, (gy1 - gy0) / ((double)lanes_total + 0.6 * (double)nr)));
        double spare = (gy1 - gy0) - lane_h * (double)lanes_total;
        double gap = fmin(fmax(spare / (double)nr, 0), lane_h * 0.6);
        double *ry = lit_xcalloc(nr + 1, sizeof *ry);
        double y = gy0;
        for (size_t r = 0; r < nr; r++) {
            ry[r] = y;
            y += lane_h * (double)(nl[r] ? nl[r] : 1) + gap;
        }
        ry[nr] = y;
        lit_cx_plot_box(cx, "timeline", gx0, gy0, gx1, y - gap * 0.3);
        /* bands and year lines */
        for (size_t r = 0; r < nr; r++) {
            lit_rgb c = lit_chart_topic_color(s, st, (size_t)rows[r]);
            lit_cx_rect(cx, gx0, ry[r], gx1 - gx0, ry[r + 1] - ry[r] - gap * 0.3,
                        lit_rgb_mix(st->background, c, 0.12));
            double rh = ry[r + 1] - ry[r] - gap * 0.3;
            /* a label of two lines has its two lanes; one of one line is as wide as lw */
            int lines = min_lanes[rows[r]] == 2 || rh >= mh * 2.1 ? label_lines : 1;
            const char *name = label[rows[r]];
            lit_cx_text_box(cx, LIT_F_MARK, name, gx0 - lh * 0.4, ry[r] + rh / 2, lw, lines, true,
                            st->foreground, true);
        }
        if (st->grid)
            for (size_t i = 1; i < nc; i++) {
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
            lit_rgb c = lit_chart_topic_color(s, st, (size_t)v[i].row);
            double band = ry[r + 1] - ry[r] - gap * 0.3, used_h = lane_h * (double)(nl[r] ? nl[r] : 1);
            double yc = ry[r] + (band - used_h) / 2 + lane_h * ((double)v[i].lane + 0.5);
            double h = mh * 1.1, rad = h * 0.3, x0 = v[i].x0, x1 = v[i].x1;
            cairo_new_sub_path(cx->cr);
            cairo_arc(cx->cr, x1 - rad, yc - h / 2 + rad, rad, -LIT_PI / 2, 0);
            cairo_arc(cx->cr, x1 - rad, yc + h / 2 - rad, rad, 0, LIT_PI / 2);
            cairo_arc(cx->cr, x0 + rad, yc + h / 2 - rad, rad, LIT_PI / 2, LIT_PI);
            cairo_arc(cx->cr, x0 + rad, yc - h / 2 + rad, rad, LIT_PI, 3 * LIT_PI / 2);
            cairo_close_path(cx->cr);
            lit_cx_color(cx, c);
            cairo_fill(cx->cr);
            if (lit_cx_text_w(cx, LIT_F_MARK, v[i].name) + 2 * pad <= x1 - x0 + 0.01)
                lit_cx_text(cx, LIT_F_MARK, v[i].name, (x0 + x1) / 2, yc, 0.5, 0.5, lit_contrast_text(c));
            else   /* cut to its pill */
                lit_cx_text_box(cx, LIT_F_MARK, v[i].name, x0 + pad, yc, x1 - x0 - 2 * pad, 1, false, lit_contrast_text(c), true);
        }
        lit_cx_year_labels(cx, gx0, slot, y - gap * 0.3 + lh * 0.2, false, true);
        free(ry);
    }
    free(w); free(nl); free(pos); free(rows); free(cnt); free(all); free(v); free(label); free(min_lanes);
    return 0;
}
