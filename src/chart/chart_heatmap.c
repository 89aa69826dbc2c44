/* chart_heatmap.c - topic x year and venue x year matrices: sequential colours, counts, colour key. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row: its label (short_label where that does not fit, NULL: none), counts per year
 * column (owned), their total. */
typedef struct hrow { const char *label, *short_label; size_t *v; size_t total; bool other; } hrow;

/* The type of the row labels and counts: the body's while a row is a line high, else smaller. */
static int row_font(lit_cx *cx, double ch)
{
    static const int fonts[] = {LIT_F_BODY, LIT_F_NOTE, LIT_F_SMALL};
    for (size_t i = 0; i < 3; i++)
        if (lit_cx_line_h(cx, fonts[i]) <= ch * 1.02) return fonts[i];
    return LIT_F_SMALL;
}

static void draw_matrix(lit_cx *cx, hrow *rows, size_t n, const char *what, const char *kind)
{
    const lit_stats *s = cx->s;
    const lit_style *st = cx->st;
    size_t nc = s->n_cols;
    char buf[32];
    if (cx->csv) {
        lit_csv_str(cx, what);
        for (size_t y = 0; y < nc; y++) lit_csv_str(cx, lit_stats_col_label(s, y, buf, sizeof buf));
        lit_csv_str(cx, "total");
        lit_csv_end(cx);
        for (size_t r = 0; r < n; r++) {
            lit_csv_str(cx, rows[r].other ? "(other)" : rows[r].label);
            for (size_t y = 0; y < nc; y++) lit_csv_num(cx, (double)rows[r].v[y]);
            lit_csv_num(cx, (double)rows[r].total);
            lit_csv_end(cx);
        }
    }
    if (n == 0 || nc == 0) {
        lit_cx_place_note(cx);
        lit_cx_text(cx, LIT_F_LABEL, "no papers with a year", (cx->px0 + cx->px1) / 2,
                    (cx->py0 + cx->py1) / 2, 0.5, 0.5, st->muted);
        return;
    }
    /* The colour scale spans the named rows; an "other" row, which sums many, gets a grey
     * scale of its own so that it does not wash the named rows out. */
    size_t maxc = 0, max_other = 0, max_all = 0, maxt = 0;
    for (size_t r = 0; r < n; r++) {
        for (size_t y = 0; y < nc; y++) {
            size_t v = rows[r].v[y];
            if (rows[r].other && v > max_other) max_other = v;
            if (!rows[r].other && v > maxc) maxc = v;
            if (v > max_all) max_all = v;
        }
        if (rows[r].total > maxt) maxt = rows[r].total;
    }
    if (!maxc) maxc = max_all;
    double lh = lit_cx_line_h(cx, LIT_F_BODY);
    lit_num_str(buf, maxt);
    double tot_w = lit_cx_text_w(cx, LIT_F_BODY, buf) + lh * 0.4;
    double key_w = lit_cx_color_key_w(cx, maxc) + lh * 0.6;
    double maxlw = (cx->px1 - cx->px0) * 0.4;
    /* the rows' height decides their type and whether a label may take two lines; a label
     * is cut only when neither its two lines nor its short label fit, and the note then
     * names it in full */
    double ch_est = (cx->py1 - lit_cx_note_h(cx, NULL) - cx->py0 - lh * 4) / (double)n;
    int rf = row_font(cx, fmin(ch_est, lh * 2.2));
    /* a label that fits no line of the rows' type: two lines of it where the row has the
     * height, else two lines of the note's type, else one line, cut */
    int *lfont = lit_xcalloc(n + 1, sizeof *lfont), *llines = lit_xcalloc(n + 1, sizeof *llines);
    double lw = 0;
    lit_buf cut = LIT_BUF_INIT;
    for (size_t r = 0; r < n; r++) {
        const char *full = rows[r].label;
        lfont[r] = rf, llines[r] = 1;
        const char *one = lit_cx_fit_label(cx, rf, full, rows[r].short_label, maxlw, 1);
        lit_cx_box_w(cx, rf, one, maxlw, 1);
        if (pango_layout_is_ellipsized(cx->lay)) {
            static const int smaller[] = {LIT_F_BODY, LIT_F_NOTE, LIT_F_SMALL};
            for (size_t f = 0; f < 3; f++) {
                if (lit_cx_line_h(cx, smaller[f]) > lit_cx_line_h(cx, rf) + 0.01 ||
                    ch_est < lit_cx_line_h(cx, smaller[f]) * 2.05)
                    continue;
                lfont[r] = smaller[f], llines[r] = 2;
                break;
            }
        }
        rows[r].label = llines[r] == 1 ? one : lit_cx_fit_label(cx, lfont[r], full, rows[r].short_label, maxlw, 2);
        double w = lit_cx_box_w(cx, lfont[r], rows[r].label, maxlw, llines[r]);
        if (pango_layout_is_ellipsized(cx->lay)) lit_buf_printf(&cut, "%s%s", cut.len ? "; " : "", full);
        if (w > lw) lw = w;
    }
    if (cut.len) lit_cx_note(cx, "in full: %s", lit_buf_str(&cut));
    lit_buf_free(&cut);
    lit_cx_place_note(cx);
    double gx0 = cx->px0 + lw + lh * 0.4, gx1 = cx->px1 - key_w - tot_w;
    double cw = (gx1 - gx0) / (double)nc;
    double yl_h = lit_cx_year_labels(cx, gx0, cw, 0, true, false);
    double gy0 = cx->py0 + lh * 1.3, gy1 = cx->py1 - yl_h - lh * 0.3;   /* "total" header; years under */
    double ch = (gy1 - gy0) / (double)n;
    if (ch > lh * 2.2) { ch = lh * 2.2; gy1 = gy0 + ch * (double)n; }
    lit_cx_plot_box(cx, kind, gx0, gy0, gx1, gy1);
    /* counts in the body font, else the note font, else none */
    snprintf(buf, sizeof buf, "%zu", max_all);
    int cf = -1;
    for (int f = LIT_F_BODY; f <= LIT_F_SMALL; f++) {
        if (f == LIT_F_TITLE || f == LIT_F_LABEL) continue;
        double w, h;
        lit_cx_measure(cx, f, buf, &w, &h);
        if (w <= cw * 0.9 && h <= ch * 1.05) { cf = f; break; }
    }
    double pad = fmin(cw, ch) > 6 ? 0.6 : 0;   /* a hairline of background between cells */
    for (size_t r = 0; r < n; r++) {
        double yc = gy0 + ch * ((double)r + 0.5);
        lit_cx_text_box(cx, lfont[r], rows[r].label, gx0 - lh * 0.4, yc, maxlw, llines[r], true,
                        rows[r].other ? st->muted : st->foreground, true);
        for (size_t y = 0; y < nc; y++) {
            size_t c = rows[r].v[y];
            lit_rgb f = !rows[r].other || !c ? lit_cx_heat(cx, c, maxc)
                      : lit_rgb_mix(st->empty_color, st->muted, 0.15 + 0.6 * (double)c / (double)max_other);
            double x = gx0 + cw * (double)y;
            lit_cx_rect(cx, x + pad / 2, gy0 + ch * (double)r + pad / 2, cw - pad, ch - pad, f);
            if (c && cf >= 0) {
                snprintf(buf, sizeof buf, "%zu", c);
                lit_cx_text(cx, cf, buf, x + cw / 2, yc, 0.5, 0.5, lit_contrast_text(f));
            }
        }
        lit_num_str(buf, rows[r].total);
        lit_cx_text(cx, rf, buf, gx1 + tot_w - lh * 0.1, yc, 1, 0.5, st->muted);
    }
    lit_cx_text(cx, LIT_F_NOTE, "total", gx1 + tot_w - lh * 0.1, gy0 - lh * 0.2, 1, 1, st->muted);
    lit_cx_year_labels(cx, gx0, cw, gy1 + lh * 0.2, true, true);
    double kh = fmin(gy1 - gy0, lh * 12);
    lit_cx_color_key(cx, gx1 + tot_w + lh * 0.6, gy0, gy0 + kh, maxc);
    free(lfont);
    free(llines);
}

/* A named row of a count x year matrix (row-major, n_years wide), in year columns. */
static hrow matrix_row(const lit_stats *s, const lit_count *c, const size_t *m)
{
    hrow h = {c->name, c->short_name, lit_xcalloc(s->n_cols + 1, sizeof *h.v), 0, false};
    lit_stats_to_cols(s, m, h.v);
    for (size_t y = 0; y < s->n_cols; y++) h.total += h.v[y];
    return h;
}

static void note_common(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    char a[32];
    lit_cx_note(cx, "n = %s papers", lit_num_str(a, s->n_papers));
    if (s->n_no_year) lit_cx_omit_count(cx, s->n_no_year, "without a year");
}

/* The "other" row goes only where it is not the largest: a row that sums hundreds of
 * small topics or venues would dwarf the named ones. Returns whether it is drawn; the
 * note says what the rows hold either way. */
static bool other_row(lit_cx *cx, hrow *rows, size_t *n, hrow other, size_t n_rest, const char *what)
{
    size_t max_named = 0;
    char a[32], b[32];
    for (size_t r = 0; r < *n; r++)
        if (rows[r].total > max_named) max_named = rows[r].total;
    if (!n_rest) { free(other.v); return false; }
    lit_num_str(a, n_rest);
    if (other.total > max_named) {
        lit_cx_note(cx, "rows: the %zu largest %s; %s smaller ones (%s papers) not drawn", *n, what, a,
                    lit_num_str(b, other.total));
        free(other.v);
        return false;
    }
    rows[(*n)++] = other;
    return true;
}

int lit_chart_topic_heatmap(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    size_t nt = s->n_topics, nc = s->n_cols;
    hrow *rows = lit_xcalloc(nt + 2, sizeof *rows);
    size_t n = 0, n_rest = 0;
    /* the named topics (lit_stats_choose), in taxonomy order */
    for (size_t t = 0; t < nt; t++)
        if (s->topic_pos[t] >= 0) rows[n++] = matrix_row(s, &s->topics[t], &s->topic_year[t * s->n_years]);
    for (size_t t = 0; t < nt; t++) n_rest += s->topic_pos[t] < 0 && (long)t != s->topic_umbrella && s->topics[t].count;
    note_common(cx);
    if (s->n_no_topic) lit_cx_omit_count(cx, s->n_no_topic, "without a topic");
    lit_cx_note(cx, "a paper counts in each of its topics");
    lit_cx_note_umbrella(cx);
    unsigned char *named = lit_xcalloc(nt + 1, 1);
    for (size_t t = 0; t < nt; t++) named[t] = s->topic_pos[t] >= 0;
    lit_cx_note_topics_shown(cx, named, false);
    char tie[160], label[64], a[32];
    if (*lit_choice_note(&s->topic_choice, "topics", tie, sizeof tie)) lit_cx_note(cx, "%s", tie);
    /* other: papers in any of the smaller topics (not the umbrella), each once */
    hrow other = {label, NULL, lit_xcalloc(nc + 1, sizeof *other.v), 0, true};
    int *trow = lit_cx_topic_rows(cx);
    for (size_t k = 0; k < s->n_papers && n_rest; k++) {
        const lit_paper *p = &s->db->cat.papers[s->sel[k]];
        bool in = false;
        for (uint32_t j = 0; j < p->n_topics && !in; j++) {
            int r = p->topics[j] >= 0 ? trow[p->topics[j]] : -1;
            in = r >= 0 && !named[r] && r != s->topic_umbrella;
        }
        if (in && p->year) { other.v[lit_stats_col(s, p->year)]++; other.total++; }
    }
    free(trow);
    free(named);
    snprintf(label, sizeof label, "%s other topics", lit_num_str(a, n_rest));
    size_t n_named = n;
    if (other_row(cx, rows, &n, other, n_rest, "topics"))
        lit_cx_note(cx, "other: papers in any of %s smaller topics, each once", a);
    lit_cx_warn_folded(cx, "topic heatmap", "topics", n_named + n_rest, n_named);
    lit_cx_note_years(cx);
    draw_matrix(cx, rows, n, "topic", "topic-heatmap");
    for (size_t r = 0; r < n; r++) free(rows[r].v);
    free(rows);
    return 0;
}

int lit_chart_venue_heatmap(lit_cx *cx)
{
    const lit_stats *s = cx->s;
    size_t nc = s->n_cols;
    const lit_choice *vc = &s->venue_choice;
    hrow *rows = lit_xcalloc(vc->n + 2, sizeof *rows);
    size_t n = 0;
    for (size_t k = 0; k < vc->n; k++) {
        size_t v = vc->row[k];
        rows[n++] = matrix_row(s, &s->venues[v], &s->venue_year[v * s->n_years]);
    }
    note_common(cx);
    if (s->n_no_venue) lit_cx_omit_count(cx, s->n_no_venue, "without a venue");
    char tie[160], label[64], a[32];
    if (*lit_choice_note(vc, "venues", tie, sizeof tie)) lit_cx_note(cx, "%s", tie);
    hrow other = {label, NULL, lit_xcalloc(nc + 1, sizeof *other.v), 0, true};
    size_t *col = lit_xcalloc(nc + 1, sizeof *col);
    for (size_t k = vc->n; k < vc->of; k++) {
        lit_stats_to_cols(s, &s->venue_year[vc->row[k] * s->n_years], col);
        for (size_t y = 0; y < nc; y++) { other.v[y] += col[y]; other.total += col[y]; }
    }
    free(col);
    size_t n_rest = vc->of - vc->n;
    snprintf(label, sizeof label, "%s other venues", lit_num_str(a, n_rest));
    other_row(cx, rows, &n, other, n_rest, "venues");
    lit_cx_warn_folded(cx, "venue heatmap", "venues", vc->of, vc->n);
    lit_cx_note_years(cx);
    draw_matrix(cx, rows, n, "venue", "venue-heatmap");
    for (size_t r = 0; r < n; r++) free(rows[r].v);
    free(rows);
    return 0;
}
