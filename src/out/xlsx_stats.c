/* xlsx_stats.c - the spreadsheet's statistics sheets and their native charts. */
#include "xlsx_priv.h"

#include <stdio.h>

/* ---- statistics sheets ------------------------------------------------------- */

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
    size_t n = x->s->venue_choice.n;
    return bars_scale(x->n_vrows < n ? x->n_vrows : n);
}

static lxw_chart *chart_venues(xw *x)
{
    /* the venues every output names (lit_stats_choose: most papers first, as the sheet) */
    size_t n = 0;
    while (n < x->n_vrows && n < x->s->venue_choice.n && x->s->venues[x->venue_rows[n]].id >= 0) n++;
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

void lit_xw_sheet_venues(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_venues;
    static const char *const heads[] = {"Venue", "Name", "Kind", "Area", "Papers", "Share"};
    double widths[6] = {12, 30, 12, 14, 8, 8};
    for (size_t i = 0; i < x->n_vrows; i++) {
        const lit_count *v = &s->venues[x->venue_rows[i]];
        widths[0] = lit_xw_text_width(v->name ? v->name : "", widths[0], 30);
        const lit_venue *ve = v->id >= 0 ? lit_venues_find(&s->db->venues, v->name) : NULL;
        if (ve && ve->name) widths[1] = lit_xw_text_width(ve->name, widths[1], 70);
    }
    widths[0] += 1, widths[1] += 1;
    lit_xw_header_row(x, ws, heads, 6, widths);
    for (size_t i = 0; i < x->n_vrows; i++) {
        const lit_count *v = &s->venues[x->venue_rows[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        const lit_venue *ve = v->id >= 0 ? lit_venues_find(&s->db->venues, v->name) : NULL;
        lit_xw_put_str(x, ws, row, 0, v->name, NULL, NULL, "venue");
        if (ve) {
            lit_xw_put_str(x, ws, row, 1, ve->name, NULL, NULL, "venue name");
            lit_xw_put_str(x, ws, row, 2, lit_venue_kind_name(ve->kind), NULL, NULL, NULL);
            lit_xw_put_str(x, ws, row, 3, ve->area, NULL, NULL, "venue area");
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

void lit_xw_sheet_years(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_years;
    static const char *const heads[] = {"Year", "Papers", "Cumulative", "Share"};
    static const double widths[] = {9, 9, 12, 8};
    lit_xw_header_row(x, ws, heads, 4, widths);
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
    lit_xw_put_str(x, ws, (lxw_row_t)(n + 2), 0, "(no year)", NULL, NULL, NULL);
    put_num(x, ws, (lxw_row_t)(n + 2), 1, (double)s->n_no_year, NULL);
    place_chart(x, ws, 1, 5, chart_years(x, LXW_CHART_COLUMN), 1.5);
}

static double topics_scale(const xw *x)
{
    return bars_scale(x->n_trend);
}

/* The topics every output names (Chart data's second table), most papers first. */
static lxw_chart *chart_topics(xw *x)
{
    size_t n = x->n_trend, named = 0;
    if (!n) return NULL;
    for (size_t i = 0; i < x->s->n_topics; i++) named += x->s->topics[i].id >= 0 && x->s->topics[i].count;
    char title[96];
    if (n < named) snprintf(title, sizeof title, "Papers per topic (%zu of %zu topics)", n, named);
    else snprintf(title, sizeof title, "Papers per topic");
    lxw_chart *ch = new_chart(x, LXW_CHART_BAR, title, false);
    if (!ch) return NULL;
    lxw_chart_series *se = add_series(ch);
    lxw_row_t r0 = x->topics_row;
    chart_series_set_categories(se, SH_CHART_DATA, r0 + 1, 0, r0 + (lxw_row_t)n, 0);
    chart_series_set_values(se, SH_CHART_DATA, r0 + 1, 1, r0 + (lxw_row_t)n, 1);
    chart_series_set_name_range(se, SH_CHART_DATA, r0, 1);
    /* One colour per bar: the topic's. */
    lxw_chart_fill *fills = lit_xcalloc(n, sizeof *fills);
    lxw_chart_point *pts = lit_xcalloc(n, sizeof *pts);
    lxw_chart_point **pp = lit_xcalloc(n + 1, sizeof *pp);
    for (size_t i = 0; i < n; i++) {
        fills[i].color = topic_color(x, (size_t)x->trend_order[i]);
        pts[i].fill = &fills[i];
        pp[i] = &pts[i];
    }
    chk(x, chart_series_set_points(se, pp));   /* copies them */
    free(pp), free(pts), free(fills);
    chart_axis_set_reverse(ch->y_axis);   /* the largest topic on top, as in a ranking */
    chart_set_series_gap(ch, 50);
    return ch;
}

void lit_xw_sheet_topics(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_topics;
    static const char *const heads[] = {"Topic", "Id", "Parent", "Papers", "Share", "Colour"};
    double widths[6] = {14, 10, 14, 8, 8, 8};
    for (size_t i = 0; i < x->n_trows; i++) {
        const lit_count *t = &s->topics[x->topic_rows[i]];
        if (t->name) widths[0] = lit_xw_text_width(t->name, widths[0], 40);
        const char *id = lit_catalog_topic(x->cat, t->id);
        if (id) widths[1] = lit_xw_text_width(id, widths[1], 40);
    }
    widths[0] += 1, widths[1] += 1, widths[2] = widths[0];
    lit_xw_header_row(x, ws, heads, 6, widths);
    for (size_t i = 0; i < x->n_trows; i++) {
        const lit_count *t = &s->topics[x->topic_rows[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        const char *id = lit_catalog_topic(x->cat, t->id);
        lit_xw_put_str(x, ws, row, 0, t->name, NULL, NULL, "topic");
        lit_xw_put_str(x, ws, row, 1, id, NULL, NULL, "topic id");
        int ix = id ? lit_topics_find(&s->db->topics, id) : -1;
        if (ix >= 0 && s->db->topics.t[ix].parent_ix >= 0) {
            const lit_topic *par = &s->db->topics.t[s->db->topics.t[ix].parent_ix];
            lit_xw_put_str(x, ws, row, 2, par->label ? par->label : par->id, NULL, NULL, "topic parent");
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
                                    .value = 0, .format = lit_xw_fill_fmt(x, rgb_color(st->empty_color), LXW_COLOR_UNSET)};
    chk(x, worksheet_conditional_format_range(ws, 1, 1, last_row, last_col, &empty));
    size_t bands = max < HEAT_BANDS ? max : HEAT_BANDS;
    for (size_t b = 0; b < bands; b++) {
        size_t lo = 1 + b * max / bands, hi = (b + 1) * max / bands;
        lit_rgb c = lit_style_heat_color(st, (lo + hi) / 2, max);
        lxw_conditional_format band = {
            .type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN,
            .min_value = (double)lo, .max_value = (double)hi,
            .format = lit_xw_fill_fmt(x, rgb_color(c), lit_rgb_luminance(c) <= DARK_FILL ? LXW_COLOR_WHITE : LXW_COLOR_UNSET)};
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
    double w0 = lit_xw_text_width(corner, 0, 40) + 3;
    for (size_t i = 0; i < n_rows; i++) {
        const lit_count *c = topics ? &s->topics[rows[i]] : &s->venues[rows[i]];
        if (c->name) w0 = lit_xw_text_width(c->name, w0, 40);
    }
    chk(x, worksheet_set_column(ws, 0, 0, w0 + 1, NULL));
    if (ny) chk(x, worksheet_set_column(ws, 1, (lxw_col_t)ny, 6.5, NULL));
    chk(x, worksheet_set_column(ws, (lxw_col_t)(ny + 1), (lxw_col_t)(ny + 1), 8, NULL));
    lit_xw_put_str(x, ws, 0, 0, corner, x->f_head, NULL, NULL);
    for (size_t j = 0; j < ny; j++) put_num(x, ws, 0, (lxw_col_t)(j + 1), s->year_min + (double)j, x->f_head);
    lit_xw_put_str(x, ws, 0, (lxw_col_t)(ny + 1), "Total", x->f_head, NULL, NULL);
    worksheet_freeze_panes(ws, 1, 1);
    size_t max = 0;
    for (size_t i = 0; i < n_rows; i++) {
        const lit_count *c = topics ? &s->topics[rows[i]] : &s->venues[rows[i]];
        lxw_row_t row = (lxw_row_t)(i + 1);
        lit_xw_put_str(x, ws, row, 0, c->name, NULL, NULL, topics ? "topic" : "venue");
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
 * of its topics (lit_chart_trend_counts), the topics every output names (lit_stats_choose)
 * with a colour, largest at the bottom, and the rest summed as "Other topics" unless that
 * row would outgrow every named one; the years of the charts' axis ("to 2014" first when
 * early years are folded). Their rows live on the Chart data sheet, for Excel to draw from. */
void lit_xw_sheet_chart_data(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_cd;
    size_t nc = s->n_cols < EXCEL_MAX_COLS - 2 ? s->n_cols : EXCEL_MAX_COLS - 2;
    size_t *m = lit_chart_trend_counts(s);
    size_t n = 0;
    x->trend_order = lit_xcalloc(s->topic_choice.n + 1, sizeof *x->trend_order);
    for (size_t k = 0; k < s->topic_choice.n; k++)
        if (lit_chart_topic_slot(s, x->st, s->topic_choice.row[k]) >= 0) x->trend_order[n++] = (int)s->topic_choice.row[k];
    x->n_trend = n;
    double w0 = lit_xw_text_width("Other topics", 0, 40) + 1;
    for (size_t i = 0; i < n; i++) w0 = lit_xw_text_width(s->topics[x->trend_order[i]].name, w0, 40);
    chk(x, worksheet_set_column(ws, 0, 0, w0 + 1, NULL));
    lit_xw_put_str(x, ws, 0, 0, "Topic", x->f_head, NULL, NULL);
    char label[32];
    for (size_t j = 0; j < nc; j++) {
        if (j < s->n_earlier_cols) lit_xw_put_str(x, ws, 0, (lxw_col_t)(j + 1), lit_stats_col_label(s, j, label, sizeof label), x->f_head, NULL, NULL);
        else put_num(x, ws, 0, (lxw_col_t)(j + 1), lit_stats_col_year(s, j), x->f_head);
    }
    unsigned char *named = lit_xcalloc(s->n_topics + 1, 1);
    size_t max_named = 0;
    lxw_row_t row = 1;
    for (size_t i = 0; i < n; i++, row++) {
        const lit_count *t = &s->topics[x->trend_order[i]];
        named[x->trend_order[i]] = 1;
        lit_xw_put_str(x, ws, row, 0, t->name, NULL, NULL, "topic");
        const size_t *v = &m[(size_t)x->trend_order[i] * s->n_cols];
        size_t tot = 0;
        for (size_t j = 0; j < nc; j++) {
            put_num(x, ws, row, (lxw_col_t)(j + 1), (double)v[j], NULL);
            tot += v[j];
        }
        if (tot > max_named) max_named = tot;
    }
    size_t n_other = 0, *other = lit_xcalloc(nc + 1, sizeof *other);
    for (size_t t = 0; t < s->n_topics; t++)
        for (size_t j = 0; j < nc && !named[t]; j++) {
            other[j] += m[t * s->n_cols + j];
            n_other += m[t * s->n_cols + j];
        }
    x->trend_other = n_other > 0;
    if (x->trend_other) {
        lit_xw_put_str(x, ws, row, 0, "Other topics", NULL, NULL, NULL);
        for (size_t j = 0; j < nc; j++) put_num(x, ws, row, (lxw_col_t)(j + 1), (double)other[j], NULL);
        row++;
    }
    /* as the Cairo chart: an "other" row larger than every named topic is not drawn */
    x->trend_other_drawn = x->trend_other && n_other <= max_named;
    char note[240];
    snprintf(note, sizeof note, "The topic charts draw these rows: each paper once, under the largest of its topics; "
             "the %zu topics every chart names%s.", n,
             x->trend_other_drawn ? ", then the rest summed"
             : x->trend_other     ? " (the rest, summed in the last row, outgrows each of them and is not drawn)"
                                  : "");
    lit_xw_put_str(x, ws, row + 1, 0, note, NULL, NULL, NULL);
    /* the Topics chart's bars: the same topics, most papers first, each counting a paper
     * in each of its topics (as the Topics sheet and the topic heatmap) */
    x->topics_row = row + 3;
    lit_xw_put_str(x, ws, x->topics_row, 0, "Topic", x->f_head, NULL, NULL);
    lit_xw_put_str(x, ws, x->topics_row, 1, "Papers", x->f_head, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        const lit_count *t = &s->topics[x->trend_order[i]];
        lit_xw_put_str(x, ws, x->topics_row + 1 + (lxw_row_t)i, 0, t->name, NULL, NULL, "topic");
        put_num(x, ws, x->topics_row + 1 + (lxw_row_t)i, 1, (double)t->count, NULL);
    }
    snprintf(note, sizeof note, "The Topics chart draws these rows: the same topics, a paper counted in each of its topics.");
    lit_xw_put_str(x, ws, x->topics_row + 2 + (lxw_row_t)n, 0, note, NULL, NULL, NULL);
    free(other);
    free(named);
    free(m);
}

/* Topics stacked over the years, one colour per topic (column or area). */
static lxw_chart *chart_topic_trend(xw *x, uint8_t type)
{
    size_t n = x->n_trend + x->trend_other_drawn;
    size_t ny = x->s->n_cols;
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

void lit_xw_sheet_topic_year(xw *x)
{
    matrix(x, x->ws_ty, SH_TOPIC_YEAR, "Topic", x->topic_rows, x->n_trows, true, x->s->topic_year);
    place_chart(x, x->ws_ty, (lxw_row_t)(x->n_trows + 3), 0, chart_topic_trend(x, LXW_CHART_COLUMN_STACKED), 1.5);
}

void lit_xw_sheet_venue_year(xw *x)
{
    matrix(x, x->ws_vy, SH_VENUE_YEAR, "Venue", x->venue_rows, x->n_vrows, false, x->s->venue_year);
}

/* ---- summary ----------------------------------------------------------------- */

static void figure(xw *x, lxw_row_t *row, const char *label, double v)
{
    lit_xw_put_str(x, x->ws_summary, *row, 0, label, NULL, NULL, NULL);
    put_num(x, x->ws_summary, *row, 1, v, NULL);
    ++*row;
}

static void count_table(xw *x, lxw_row_t *row, const char *head, const lit_count *rows, size_t n)
{
    lxw_worksheet *ws = x->ws_summary;
    if (!n) return;
    ++*row;
    lit_xw_put_str(x, ws, *row, 0, head, x->f_head, NULL, NULL);
    lit_xw_put_str(x, ws, *row, 1, "Papers", x->f_head, NULL, NULL);
    ++*row;
    for (size_t i = 0; i < n && *row < x->max_rows; i++, ++*row) {
        lit_xw_put_str(x, ws, *row, 0, rows[i].name, NULL, NULL, NULL);
        put_num(x, ws, *row, 1, (double)rows[i].count, NULL);
    }
}

void lit_xw_sheet_summary(xw *x)
{
    const lit_stats *s = x->s;
    lxw_worksheet *ws = x->ws_summary;
    chk(x, worksheet_set_column(ws, 0, 0, 30, NULL));
    chk(x, worksheet_set_column(ws, 1, 1, 12, NULL));
    lxw_row_t row = 0;
    lit_xw_put_str(x, ws, row++, 0, x->title, x->f_title, NULL, "title");
    row++;
    figure(x, &row, "Papers", (double)s->n_papers);
    if (s->n_total != s->n_papers) figure(x, &row, "Papers in the catalog", (double)s->n_total);
    size_t n_venues = 0, n_topics = 0, in_many = 0;
    for (size_t i = 0; i < s->n_venues; i++) n_venues += s->venues[i].id >= 0;
    for (size_t i = 0; i < s->n_topics; i++) n_topics += s->topics[i].id >= 0;
    for (size_t k = 2; s->per_nlists && k <= s->max_nlists; k++) in_many += s->per_nlists[k];
    figure(x, &row, "Venues", (double)n_venues);
    figure(x, &row, "Topics", (double)n_topics);
    lit_xw_put_str(x, ws, row, 0, "Years covered", NULL, NULL, NULL);
    if (s->n_years) {
        char span[64];
        if (s->year_min == s->year_max) snprintf(span, sizeof span, "%d", s->year_min);
        else snprintf(span, sizeof span, "%d\xE2\x80\x93%d (%zu years)", s->year_min, s->year_max, s->n_years);
        lit_xw_put_str(x, ws, row, 1, span, NULL, NULL, NULL);
    } else {
        lit_xw_put_str(x, ws, row, 1, "none", NULL, NULL, NULL);
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
        with_code += lit_xw_find_link(p, "code", NULL) != NULL;
        with_talk += lit_xw_find_link(p, "slides", NULL) || lit_xw_find_link(p, "talk", "video");
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
