/* test_chart.c - the chart layer: ticks, kinds, formats, and every kind in every style laid out
 * with no text overlapping other text or leaving the page, and CSV numbers that add up. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cairo.h>

#include "check.h"
#include "chart.h"
#include "chart_priv.h"
#include "input.h"
#include "surface.h"

typedef struct box { char text[512]; bool cut; double x, y, w, h; } box;
static box boxes[4096];
static size_t n_boxes;

static void collect(void *arg, const char *text, bool cut, double x, double y, double w, double h)
{
    (void)arg;
    if (n_boxes >= sizeof boxes / sizeof boxes[0] || w <= 0 || h <= 0) return;
    box *b = &boxes[n_boxes++];
    snprintf(b->text, sizeof b->text, "%s", text);
    b->cut = cut;
    b->x = x; b->y = y; b->w = w; b->h = h;
}

/* Draws kind in style onto a recording surface; checks that no two pieces of text overlap
 * (ink boxes, 0.25 pt slack) and that all text is on the page. */
static void check_layout(const char *kind, const char *style, const lit_stats *s, const lit_chart_opts *o)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    char path[256];
    snprintf(path, sizeof path, "styles/%s.yaml", style);
    lit_style st;
    if (lit_style_load(&st, path, NULL, &d) < 0) { CHECK(!"style loads"); return; }
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(rec);
    n_boxes = 0;
    lit_chart_text_hook = collect;
    int rc = lit_chart_draw(cr, st.width, st.height, kind, s, &st, o, &d);
    lit_chart_text_hook = NULL;
    char what[128];
    snprintf(what, sizeof what, "%s/%s draws", kind, style);
    check_(rc == 0, what, __FILE__, __LINE__);
    snprintf(what, sizeof what, "%s/%s draws text", kind, style);
    check_(n_boxes >= (s->n_papers ? 4u : 2u), what, __FILE__, __LINE__);
    int overlaps = 0, outside = 0;
    const double e = 0.25;
    for (size_t i = 0; i < n_boxes; i++) {
        box *a = &boxes[i];
        if (a->x < -e || a->y < -e || a->x + a->w > st.width + e || a->y + a->h > st.height + e) {
            if (outside++ < 3)
                printf("#   %s/%s: '%s' leaves the page (%.1f,%.1f %.1fx%.1f)\n", kind, style, a->text,
                       a->x, a->y, a->w, a->h);
        }
        for (size_t j = i + 1; j < n_boxes; j++) {
            box *b = &boxes[j];
            if (a->x + e < b->x + b->w - e && b->x + e < a->x + a->w - e &&
                a->y + e < b->y + b->h - e && b->y + e < a->y + a->h - e) {
                if (overlaps++ < 3)
                    printf("#   %s/%s: '%s' overlaps '%s'\n", kind, style, a->text, b->text);
            }
        }
    }
    snprintf(what, sizeof what, "%s/%s: no text overlaps", kind, style);
    check_(overlaps == 0, what, __FILE__, __LINE__);
    snprintf(what, sizeof what, "%s/%s: all text on the page", kind, style);
    check_(outside == 0, what, __FILE__, __LINE__);
    cairo_destroy(cr);
    cairo_surface_destroy(rec);
    lit_style_free(&st);
}

static char *csv_in(const char *kind, const char *style, const lit_stats *s, const lit_chart_opts *o)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_style st;
    char spath[256];
    snprintf(spath, sizeof spath, "styles/%s.yaml", style);
    if (lit_style_load(&st, spath, NULL, &d) < 0) return NULL;
    char path[] = "/tmp/lit-test-chart-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) { lit_style_free(&st); return NULL; }
    close(fd);
    char *data = NULL;
    size_t len;
    if (lit_chart_write_data(kind, s, &st, o, path, &d) == 0) lit_read_file(path, &data, &len, &d);
    remove(path);
    lit_style_free(&st);
    return data;
}

static char *csv_of(const char *kind, const lit_stats *s, const lit_chart_opts *o)
{
    return csv_in(kind, "talk", s, o);
}

/* Topic labels drawn by the last check_layout: how many were cut with an ellipsis, how
 * many showed a topic's short label, how many its full label. */
typedef struct topic_labels { size_t cut, shorts, full; } topic_labels;

static topic_labels topic_labels_drawn(const lit_stats *s, bool say)
{
    topic_labels tl = {0, 0, 0};
    for (size_t i = 0; i < n_boxes; i++)
        for (size_t t = 0; t < s->n_topics; t++) {
            const lit_count *c = &s->topics[t];
            bool is_full = strcmp(boxes[i].text, c->name) == 0;
            bool is_short = c->short_name && strcmp(boxes[i].text, c->short_name) == 0;
            if (!is_full && !is_short) continue;
            if (boxes[i].cut) {
                tl.cut++;
                if (say) printf("#   '%s' is cut\n", boxes[i].text);
            } else if (is_short) tl.shorts++;
            else tl.full++;
            break;
        }
    return tl;
}

static bool drawn(const char *text)
{
    for (size_t i = 0; i < n_boxes; i++)
        if (strcmp(boxes[i].text, text) == 0 && !boxes[i].cut) return true;
    return false;
}

/* Some text drawn contains needle (the note is one piece of text). */
static bool drawn_part(const char *needle)
{
    for (size_t i = 0; i < n_boxes; i++)
        if (strstr(boxes[i].text, needle)) return true;
    return false;
}

/* The vertical span of the value axis: from the highest to the lowest number drawn that
 * is not a year (tick labels; topic-trend and years draw no other numbers when counts
 * do not fit). */
static double axis_span(void)
{
    double lo = 1e9, hi = -1e9;
    for (size_t i = 0; i < n_boxes; i++) {
        char *end;
        long v = strtol(boxes[i].text, &end, 10);
        if (end == boxes[i].text || *end || v >= 1800) continue;
        lo = fmin(lo, boxes[i].y);
        hi = fmax(hi, boxes[i].y);
    }
    return hi > lo ? hi - lo : 0;
}

/* topic-trend counts each paper once: every year's row of its CSV adds up to the papers of
 * that year with a topic (counted here from the catalog) */
static void check_trend_adds_up(const lit_stats *s, const char *style)
{
    lit_chart_opts o = {0};
    char *csv = csv_in("topic-trend", style, s, &o);
    CHECK(csv != NULL);
    if (!csv) return;
    /* without an "other" band the stack holds the named topics only, and the axis says so */
    const char *head_end = strchr(csv, '\n');
    bool all = head_end && strstr(csv, "(other)") && strstr(csv, "(other)") < head_end;
    if (!all) {
        check_layout("topic-trend", style, s, &o);
        CHECK(drawn_part("Papers in the ") && drawn_part("largest topics"));
    }
    size_t bad = 0, rows = 0;
    for (const char *line = strchr(csv, '\n'); line && line[1]; line = strchr(line, '\n')) {
        line++;
        char *p;
        long year = strtol(line, &p, 10);
        double sum = 0;
        while (*p == ',') sum += strtod(p + 1, &p);
        size_t want = 0;
        for (size_t k = 0; k < s->n_papers; k++) {
            const lit_paper *pp = &s->db->cat.papers[s->sel[k]];
            want += pp->year == year && pp->n_topics > 0;
        }
        bad += all ? fabs(sum - (double)want) > 1e-9 : sum > (double)want + 1e-9;
        rows++;
    }
    char what[96];
    snprintf(what, sizeof what, "topic-trend/%s: each year adds up to its papers%s (%zu years)", style,
             all ? "" : " or less", rows);
    check_(rows > 0 && bad == 0, what, __FILE__, __LINE__);
    free(csv);
}

/* Sum of the numeric column col over the rows after the header. */
static double column_sum(const char *csv, int col)
{
    double sum = 0;
    const char *line = strchr(csv, '\n');
    while (line && line[1]) {
        line++;
        const char *p = line;
        for (int c = 0; c < col && p; c++) {
            p = strchr(p, ',');
            if (p) p++;
        }
        if (p) sum += strtod(p, NULL);
        line = strchr(line, '\n');
    }
    return sum;
}

static size_t count_lines(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p++) n++;
    return n;
}

/* A catalog in the shape of per-conference keyword data: nine keywords of 12 papers each
 * and 300 keywords of one paper. The topic charts show the largest and say how much they
 * cover; the trend leaves out an "other" band that would dwarf them. */
static void check_keyword_shape(void)
{
    lit_buf y = LIT_BUF_INIT;
    lit_buf_adds(&y, "papers:\n");
    for (int i = 0; i < 9 * 12 + 300; i++) {
        int topic = i < 108 ? i / 12 : 9 + i - 108;
        lit_buf_printf(&y, "- {key: p%d, title: Paper %d, short: Sys%d, venue: OSDI, year: %d, topics: [kw-%d]}\n",
                       i, i, i, 2015 + i % 8, topic);
    }
    char *path = check_write_tmp("kw.yaml", lit_buf_str(&y));
    lit_buf_free(&y);
    lit_diag d;
    lit_diag_init(&d, stderr);
    d.quiet = true;
    lit_db db;
    lit_filter f = {0};
    lit_stats s;
    if (!path || lit_db_load(&db, path, "data/venues.yaml", "data/topics.yaml", &d) < 0) {
        CHECK(!"keyword catalog loads");
        return;
    }
    CHECK(lit_stats_compute(&s, &db, &f, &d) == 0);
    lit_chart_opts o = {0};
    check_layout("topic-trend", "talk", &s, &o);
    CHECK(drawn_part(" of 309 topics shown, covering "));
    /* the ninth keyword ties with the eighth at 12 papers: all nine are named */
    CHECK(drawn_part("9 of 309 topics shown, covering 26% of papers"));
    CHECK(drawn_part("300 papers of the smaller topics not drawn"));
    CHECK(drawn("Papers in the 9 largest topics"));

    CHECK(!drawn_part(" other topics"));   /* no legend entry, no band */
    char *csv = csv_in("topic-trend", "talk", &s, &o);
    CHECK(csv && !strstr(csv, "(other)"));
    free(csv);
    check_layout("topic-heatmap", "talk", &s, &o);
    CHECK(drawn_part("9 of 309 topics shown, covering 26% of papers") && !drawn("300 other topics"));
    CHECK(drawn_part("rows: the 9 largest topics; 300 smaller ones (300 papers) not drawn"));
    check_layout("timeline", "talk", &s, &o);
    CHECK(drawn_part(" of 309 topics shown, covering ") && drawn_part(" systems shown ("));
    CHECK(!drawn_part("topics kw-"));   /* hundreds left out: not named one by one */
    lit_stats_free(&s);
    /* every topic shown: no such note */
    const char *two[] = {"kw-0", "kw-1"};
    lit_filter few = {.topics = two, .n_topics = 2};
    CHECK(lit_stats_compute(&s, &db, &few, &d) == 0);
    check_layout("topic-trend", "talk", &s, &o);
    CHECK(!drawn_part("topics shown") && !drawn_part("not drawn"));
    check_layout("topic-heatmap", "talk", &s, &o);
    CHECK(!drawn_part("topics shown"));
    lit_stats_free(&s);
    lit_db_free(&db);
    check_remove_tmp(path);
}

/* Long labels from a real list (no short labels): a heatmap row wraps to two lines where
 * the rows have the room, and a label cut where they have not is named in full in the note. */
static void check_long_labels(void)
{
    static const char *const labels[] = {"Grammars \\\\ Semantic \\\\ Context-aware Fuzzing",
                                         "Fuzzing Deep Learning Compilers and Inference Engines", "Kernel Fuzzing"};
    lit_buf y = LIT_BUF_INIT;
    lit_buf_adds(&y, "papers:\n");
    for (int i = 0; i < 60; i++)
        lit_buf_printf(&y, "- {key: p%d, title: Paper %d, venue: OSDI, year: %d, topics: [t%d]}\n", i, i, 2016 + i % 8, i % 3);
    lit_buf_adds(&y, "topics:\n");
    for (int t = 0; t < 3; t++) lit_buf_printf(&y, "- {id: t%d, label: \"%s\"}\n", t, labels[t]);
    char *path = check_write_tmp("long.yaml", lit_buf_str(&y));
    lit_buf_free(&y);
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_db db;
    lit_stats s;
    lit_chart_opts o = {0};
    if (!path || lit_db_load(&db, path, "data/venues.yaml", "data/topics.yaml", &d) < 0 ||
        lit_stats_compute(&s, &db, NULL, &d) != 0) {
        CHECK(!"long-label catalog loads");
        return;
    }
    check_layout("topic-heatmap", "talk", &s, &o);
    topic_labels tl = topic_labels_drawn(&s, true);
    CHECK(tl.cut == 0 && tl.full == 3);   /* wrapped, not cut */
    CHECK(!drawn_part("in full:"));
    check_layout("topic-heatmap", "paper", &s, &o);
    tl = topic_labels_drawn(&s, false);
    CHECK(tl.cut == 0 || drawn_part("in full: "));   /* cut: then named in the note */
    lit_stats_free(&s);
    lit_db_free(&db);
    check_remove_tmp(path);
}

int main(void)
{
    /* nice ticks: 1, 2 or 5 times a power of ten (2.5 from 25 up), never below 1 */
    CHECK(lit_nice_step(0, 5) == 1);
    CHECK(lit_nice_step(19, 5) == 5);
    CHECK(lit_nice_step(100, 5) == 20);
    CHECK(lit_nice_step(7, 5) == 2);
    CHECK(lit_nice_step(1, 5) == 1);
    CHECK(lit_nice_step(1e6, 4) == 250000);
    CHECK(lit_nice_step(11, 5) == 5);                 /* not 2.5: counts have whole ticks */
    double step;
    CHECK(lit_nice_top(1050, 5, &step) == 1250 && step == 250);  /* the 30k topic trend */
    CHECK(lit_nice_top(19, 5, &step) == 20 && step == 5);
    CHECK(lit_nice_top(20, 5, &step) == 20);
    CHECK(lit_nice_top(21, 5, &step) == 25);
    CHECK(lit_nice_top(0, 5, &step) == 1);

    CHECK_INT(lit_chart_kind_find("venues"), 0);
    CHECK_INT(lit_chart_kind_find("timeline"), 5);
    CHECK_INT(lit_chart_kind_find("pie"), -1);
    CHECK_INT(lit_chart_kind_find(NULL), -1);
    CHECK_STR(lit_chart_default_title("years"), "Papers per year");
    CHECK(lit_chart_default_title("nope") == NULL);

    CHECK_INT(lit_format_of("a/b.pdf"), LIT_FMT_PDF);
    CHECK_INT(lit_format_of("x.SVG"), LIT_FMT_SVG);
    CHECK_INT(lit_format_of("x.png"), LIT_FMT_PNG);
    CHECK_INT(lit_format_of("x.jpg"), -1);
    CHECK_INT(lit_format_of("dir.pdf/x"), -1);
    CHECK_INT(lit_format_of("-"), -1);

    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    char date[32];
    lit_source_date(date);
    CHECK_STR(date, "2023-11-14T22:13:20Z");
    setenv("SOURCE_DATE_EPOCH", "garbage", 1);
    lit_source_date(date);
    CHECK_STR(date, "1970-01-01T00:00:00Z");

    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_db db;
    if (lit_db_load(&db, "tests/fixtures/charts/sample.yaml", NULL, NULL, &d) < 0) {
        CHECK(!"fixture catalog loads");
        return CHECK_DONE();
    }
    lit_filter f = {0};
    lit_stats s;
    CHECK(lit_stats_compute(&s, &db, &f, &d) == 0);

    static const char *const styles[] = {"talk", "paper", "paper-wide", "poster", "dark"};
    lit_chart_opts o = {0};
    for (int k = 0; lit_chart_kinds[k]; k++)
        for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
            check_layout(lit_chart_kinds[k], styles[i], &s, &o);
    lit_chart_opts bars = {.stacked = LIT_STACK_BARS, .cumulative = true, .top = 30};
    check_layout("topic-trend", "talk", &s, &bars);
    check_layout("years", "paper", &s, &bars);
    check_layout("venues", "talk", &s, &bars);      /* long venue names on show */
    check_layout("venue-heatmap", "paper", &s, &bars);

    /* topic colours: the largest topics take the palette in order, one colour each; the
     * others none (sample.yaml has 22 topics, the palettes 9 colours) */
    {
        lit_style st;
        CHECK(lit_style_load(&st, "styles/talk.yaml", NULL, &d) == 0);
        CHECK(s.n_topics > st.n_palette);
        size_t slotted = 0, clash = 0, misordered = 0;
        for (size_t t = 0; t < s.n_topics; t++) {
            int a = lit_chart_topic_slot(&s, &st, t);
            slotted += a >= 0;
            for (size_t u = 0; u < s.n_topics; u++) {
                int b = lit_chart_topic_slot(&s, &st, u);
                clash += u != t && a >= 0 && a == b;
                misordered += a >= 0 && (b < 0 || b > a) && s.topics[u].count > s.topics[t].count;
            }
        }
        CHECK_INT(slotted, s.topic_choice.n);
        CHECK(s.topic_choice.n <= st.n_palette);
        CHECK_INT(clash, 0);
        CHECK_INT(misordered, 0);
        /* the timeline draws rows only for topics with a colour */
        char *csv = csv_in("timeline", "talk", &s, &o);
        size_t yes = 0, uncoloured = 0;
        for (const char *line = csv; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
            const char *end = strchr(line, '\n');
            if (!end || end - line < 4 || strncmp(end - 4, ",yes", 4) != 0 || *line == '"') continue;
            yes++;
            size_t len = (size_t)(strchr(line, ',') - line);
            for (size_t t = 0; t < s.n_topics; t++)
                if (strlen(s.topics[t].name) == len && strncmp(s.topics[t].name, line, len) == 0)
                    uncoloured += lit_chart_topic_slot(&s, &st, t) < 0;
        }
        CHECK(yes >= 10);
        CHECK_INT(uncoloured, 0);
        free(csv);
        lit_style_free(&st);
    }
    check_trend_adds_up(&s, "talk");
    check_trend_adds_up(&s, "paper");
    /* what the charts leave out they say: the timeline names its missing topics, the
     * venues chart puts the other venues in a line of text, not a bar, the topic heatmap
     * has an "other" row */
    check_layout("timeline", "talk", &s, &o);
    CHECK(drawn_part("not shown: ") && drawn_part("topics Serverless ML (5), "));
    check_layout("venues", "talk", &s, &o);
    CHECK(drawn_part("other venues: ") && !drawn_part("other venues\n"));
    /* the topic heatmap's "other" row only where it is not the largest row */
    check_layout("topic-heatmap", "paper", &s, &o);
    CHECK(drawn_part("rows: the 8 largest topics; 14 smaller ones (") && !drawn_part(" other topics"));
    /* years --cumulative: a chart of its own, one axis, its own title */
    lit_chart_opts cum = {.cumulative = true};
    CHECK_STR(lit_chart_title("years", &cum), "Papers so far");
    CHECK_STR(lit_chart_title("years", &o), "Papers per year");
    check_layout("years", "talk", &s, &cum);
    CHECK(drawn("Papers so far") && !drawn("Total") && !drawn_part("axis)"));
    /* a paper's topic-trend keeps most of its height for the plot (it had 0.8 in) */
    check_layout("topic-trend", "paper", &s, &o);
    CHECK(axis_span() >= 1.2 * 72);
    check_layout("topic-trend", "talk", &s, &o);
    CHECK(axis_span() >= 4 * 72);

    /* the numbers behind the charts add up to what the statistics say */
    char *csv = csv_of("years", &s, &o);
    CHECK(csv && strncmp(csv, "year,papers\n", 12) == 0);
    if (csv) CHECK(fabs(column_sum(csv, 1) - (double)(s.n_papers - s.n_no_year)) < 1e-9);
    free(csv);
    csv = csv_of("venues", &s, &o);
    CHECK(csv && strstr(csv, "(other)"));
    if (csv) CHECK(fabs(column_sum(csv, 1) - (double)(s.n_papers - s.n_no_venue)) < 1e-9);
    free(csv);
    /* five venues asked: ATC and SOSP tie at 7 for the fifth place, and both are named */
    lit_stats_choose(&s, 5, 5);
    csv = csv_of("venues", &s, &o);
    CHECK(csv && count_lines(csv, "\n") == 8 && strstr(csv, "\nATC,") && strstr(csv, "\nSOSP,") &&
          strstr(csv, "\n(other),"));
    free(csv);
    lit_stats_choose(&s, 0, 0);
    csv = csv_of("timeline", &s, &o);
    CHECK(csv && count_lines(csv, ",yes\n") >= 10);
    CHECK(csv && count_lines(csv, "\n") == 1 + count_lines(csv, ",yes\n") + count_lines(csv, ",no\n"));
    free(csv);
    lit_chart_opts top3 = {.top = 3};
    csv = csv_of("timeline", &s, &top3);
    CHECK(csv && count_lines(csv, ",yes\n") == 3);
    free(csv);
    csv = csv_of("topic-heatmap", &s, &o);
    CHECK(csv && strncmp(csv, "topic,2012,", 11) == 0);
    free(csv);
    /* the same chart twice in one process (as a report does): the same bytes */
    {
        lit_style st;
        CHECK(lit_style_load(&st, "styles/paper.yaml", NULL, &d) == 0);
        static const char *const ext[] = {"svg", "pdf", "png"};
        for (int e = 0; e < 3; e++) {
            char p1[64], p2[64];
            snprintf(p1, sizeof p1, "/tmp/lit-test-chart-%d-1.%s", (int)getpid(), ext[e]);
            snprintf(p2, sizeof p2, "/tmp/lit-test-chart-%d-2.%s", (int)getpid(), ext[e]);
            CHECK(lit_chart_render("timeline", &s, &st, &o, p1, &d) == 0);
            CHECK(lit_chart_render("years", &s, &st, &o, p2, &d) == 0);
            CHECK(lit_chart_render("timeline", &s, &st, &o, p2, &d) == 0);
            char *a = NULL, *b = NULL;
            size_t la = 0, lb = 0;
            lit_read_file(p1, &a, &la, &d);
            lit_read_file(p2, &b, &lb, &d);
            char what[64];
            snprintf(what, sizeof what, "%s: same bytes on a second render", ext[e]);
            check_(a && b && la == lb && memcmp(a, b, la) == 0, what, __FILE__, __LINE__);
            free(a); free(b);
            remove(p1); remove(p2);
        }
        lit_style_free(&st);
    }
    lit_stats_free(&s);

    /* 2018: few venues, one with a long name, all shown */
    lit_filter y2018 = {.year_min = 2018, .year_max = 2018};
    CHECK(lit_stats_compute(&s, &db, &y2018, &d) == 0);
    csv = csv_of("venues", &s, &bars);
    CHECK(csv && !strstr(csv, "(other)") && strstr(csv, "International Workshop on Embedded"));
    free(csv);
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
        check_layout("venues", styles[i], &s, &bars);
        check_layout("venue-heatmap", styles[i], &s, &bars);
    }
    lit_stats_free(&s);

    /* nothing selected: every kind still draws, saying so */
    lit_filter none = {.year_min = 1900, .year_max = 1901};
    CHECK(lit_stats_compute(&s, &db, &none, &d) == 0);
    CHECK_INT(s.n_papers, 0);
    for (int k = 0; lit_chart_kinds[k]; k++) check_layout(lit_chart_kinds[k], "talk", &s, &o);
    lit_stats_free(&s);
    lit_db_free(&db);

    /* the seed catalog: long topic labels give way to their short labels (topics.yaml
     * 'short') where they do not fit, in every chart that names topics; none is cut */
    if (lit_db_load(&db, "data/catalog.yaml", NULL, NULL, &d) < 0) {
        CHECK(!"data/catalog.yaml loads (run from the project root)");
        return CHECK_DONE();
    }
    CHECK(lit_stats_compute(&s, &db, &f, &d) == 0);
    check_layout("topic-heatmap", "paper", &s, &o);
    topic_labels tl = topic_labels_drawn(&s, true);
    CHECK_INT(tl.cut, 0);
    CHECK(tl.shorts >= 5);
    CHECK(tl.full >= 3);                                 /* the labels that fit stay whole */
    CHECK(drawn("Cluster scheduling") && !drawn("Cluster scheduling and resource management"));
    CHECK(drawn("Model parallelism") && drawn("Communication") && drawn("Memory and storage"));
    CHECK(drawn("Distributed training") && drawn("Serving and inference"));
    static const char *const topic_kinds[] = {"topic-heatmap", "topic-trend", "timeline"};
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
            check_layout(topic_kinds[k], styles[i], &s, &o);
            char what[96];
            snprintf(what, sizeof what, "%s/%s: no topic label cut", topic_kinds[k], styles[i]);
            check_(topic_labels_drawn(&s, true).cut == 0, what, __FILE__, __LINE__);
        }
    /* a slide has room for most full labels: only the longest give way */
    check_layout("topic-heatmap", "talk", &s, &o);
    tl = topic_labels_drawn(&s, true);
    CHECK(tl.cut == 0 && tl.shorts >= 1 && tl.full > tl.shorts);
    CHECK(drawn("Communication and networking") && drawn("Cluster scheduling"));
    /* the numbers keep the full labels */
    csv = csv_in("topic-heatmap", "paper", &s, &o);
    CHECK(csv && strstr(csv, "\nCluster scheduling and resource management,") && !strstr(csv, "\nCluster scheduling,"));
    free(csv);
    lit_stats_free(&s);
    lit_db_free(&db);

    /* the same taxonomy without its short labels: the paper heatmap has to cut them */
    char *yaml = NULL;
    size_t len = 0;
    char tpath[64];
    snprintf(tpath, sizeof tpath, "/tmp/lit-test-chart-%d-topics.yaml", (int)getpid());
    if (lit_read_file("data/topics.yaml", &yaml, &len, &d) == 0) {
        FILE *fp = fopen(tpath, "w");
        for (char *line = yaml, *next; fp && line && *line; line = next) {
            next = strchr(line, '\n');
            if (next) *next++ = '\0';
            if (strncmp(line, "    short:", 10) != 0) fprintf(fp, "%s\n", line);
        }
        if (fp) fclose(fp);
        free(yaml);
    }
    if (lit_db_load(&db, "data/catalog.yaml", "data/venues.yaml", tpath, &d) == 0) {
        CHECK(lit_stats_compute(&s, &db, &f, &d) == 0);
        check_layout("topic-heatmap", "paper", &s, &o);
        tl = topic_labels_drawn(&s, false);
        CHECK(tl.shorts == 0 && tl.cut >= 5);
        lit_stats_free(&s);
        lit_db_free(&db);
    } else {
        CHECK(!"data/topics.yaml without short labels loads");
    }
    remove(tpath);
    check_keyword_shape();
    check_long_labels();
    return CHECK_DONE();
}
