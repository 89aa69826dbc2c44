/* test_stats.c - venue/topic tables, filters and statistics on the core fixture. */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "check.h"
#include "stats.h"

static size_t row(const lit_count *rows, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0) return rows[i].count;
    return (size_t)-1;
}

/* Loads a catalog written as YAML text into db with the seed tables; returns 0 or -1. */
static int load_text(lit_db *db, const char *yaml, char **path)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    *path = check_write_tmp("c.yaml", yaml);
    return *path ? lit_db_load(db, *path, "data/venues.yaml", "data/topics.yaml", &d) : -1;
}

/* What every output names: the k largest, a tie at the cut named whole or not at all. */
static void check_choices(void)
{
    const size_t c[] = {9, 7, 6, 6, 6, 2};
    lit_choice ch = {0};
    char note[160];
    CHECK_INT(lit_choose_count(c, 6, 2, 4, &ch), 2);   /* 7 | 6: a clean cut */
    CHECK_INT(ch.tie_n, 0);
    CHECK_STR(lit_choice_note(&ch, "venues", note, sizeof note), "");
    CHECK_INT(lit_choose_count(c, 6, 3, 5, &ch), 5);   /* three tie at 6 for the third place: all in */
    CHECK(ch.tie_in && ch.tie_n == 3 && ch.tie_count == 6);
    CHECK_STR(lit_choice_note(&ch, "venues", note, sizeof note), "3 venues tie at 6 papers: all shown");
    CHECK_INT(lit_choose_count(c, 6, 3, 4, &ch), 2);   /* five would pass the limit of four: none of them */
    CHECK(!ch.tie_in && ch.tie_n == 3);
    CHECK_STR(lit_choice_note(&ch, "topics", note, sizeof note), "3 topics tie at 6 papers: none shown");
    CHECK_INT(lit_choose_count(c, 6, 10, 12, &ch), 6);
    const size_t same[] = {1, 1, 1, 1};
    CHECK_INT(lit_choose_count(same, 4, 2, 3, &ch), 0);
    CHECK_STR(lit_choice_note(&ch, "venues", note, sizeof note), "4 venues tie at 1 paper: none shown");
}

/* The year axis: a broken run of early years folds into one column; a last year with
 * fewer than half the papers of the one before, or the year of the data, is partial. */
static void check_year_axis(void)
{
    lit_buf y = LIT_BUF_INIT;
    lit_buf_adds(&y, "papers:\n- {key: gauss, title: Theoria motus, year: 1809, topics: [misc]}\n"
                     "- {key: legendre, title: Nouvelles methodes, year: 1806, topics: [misc]}\n");
    for (int i = 0; i < 200; i++)
        lit_buf_printf(&y, "- {key: p%d, title: Paper %d, venue: OSDI, year: %d, topics: [%s]}\n", i, i,
                       2015 + i % 10 - (i % 10 == 9 && i % 3 ? 1 : 0), i % 2 ? "scheduling" : "inference");
    lit_db db;
    char *path;
    unsetenv("SOURCE_DATE_EPOCH");
    if (load_text(&db, lit_buf_str(&y), &path) != 0) { CHECK(!"year catalog loads"); return; }
    lit_buf_free(&y);
    lit_stats s;
    CHECK(lit_stats_compute(&s, &db, NULL, NULL) == 0);
    CHECK_INT(s.year_min, 1806);
    CHECK_INT(s.year_first, 2015);
    CHECK_INT(s.n_earlier_cols, 1);
    CHECK_INT(s.n_earlier, 2);
    CHECK_INT(s.n_cols, 11);
    char b[32];
    CHECK_STR(lit_stats_col_label(&s, 0, b, sizeof b), "to 2014");
    CHECK_STR(lit_stats_col_label(&s, 1, b, sizeof b), "2015");
    CHECK_INT(lit_stats_col(&s, 1809), 0);
    CHECK_INT(lit_stats_col(&s, 2024), 10);
    size_t cols[16];
    lit_stats_to_cols(&s, s.per_year, cols);
    CHECK_INT(cols[0], 2);
    CHECK(s.last_partial && !s.partial_by_date);   /* 2024: 6 papers after 2023's 26 */
    lit_stats_free(&s);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);   /* 2023: the data is from before 2024 */
    lit_filter to2023 = {.year_max = 2023};
    CHECK(lit_stats_compute(&s, &db, &to2023, NULL) == 0);
    CHECK(s.last_partial && s.partial_by_date);
    lit_stats_free(&s);
    unsetenv("SOURCE_DATE_EPOCH");
    lit_filter recent = {.year_min = 2015, .year_max = 2022};
    CHECK(lit_stats_compute(&s, &db, &recent, NULL) == 0);
    CHECK(s.n_earlier_cols == 0 && s.n_cols == 8 && !s.last_partial);
    lit_stats_free(&s);
    /* without SOURCE_DATE_EPOCH the data's date is when the catalog file last changed */
    CHECK(db.cat.mtime > 0);
    db.cat.mtime = 1654041600;   /* 2022-06-01 */
    CHECK(lit_stats_compute(&s, &db, &recent, NULL) == 0);
    CHECK(s.last_partial && s.partial_by_date);
    lit_stats_free(&s);
    lit_db_free(&db);
    check_remove_tmp(path);
}

/* A topic nearly every paper is in tells no papers apart: the charts name the others. */
static void check_umbrella(void)
{
    lit_buf y = LIT_BUF_INIT;
    lit_buf_adds(&y, "papers:\n");
    for (int i = 0; i < 40; i++)
        lit_buf_printf(&y, "- {key: p%d, title: Paper %d, year: 2020, topics: [fuzzing, %s]}\n", i, i,
                       i % 4 == 0 ? "kernel" : i % 4 == 1 ? "smart-contracts" : "directed");
    lit_db db;
    char *path;
    if (load_text(&db, lit_buf_str(&y), &path) != 0) { CHECK(!"umbrella catalog loads"); return; }
    lit_buf_free(&y);
    lit_stats s;
    CHECK(lit_stats_compute(&s, &db, NULL, NULL) == 0);
    CHECK(s.topic_umbrella >= 0 && strcmp(s.topics[s.topic_umbrella].name, "fuzzing") == 0);
    CHECK_INT(s.topic_choice.n, 3);
    CHECK_INT(s.topic_pos[s.topic_umbrella], -1);
    CHECK_STR(s.topics[s.topic_choice.row[0]].name, "directed");
    lit_stats_free(&s);
    lit_db_free(&db);
    check_remove_tmp(path);
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_db db;
    CHECK(lit_db_load(&db, "tests/fixtures/core/catalog.yaml", NULL, NULL, &d) == 0);

    /* tables: ids, aliases ignoring case and punctuation, parents */
    CHECK(lit_venues_find(&db.venues, "neural-ps") == lit_venues_find(&db.venues, "NeurIPS"));
    CHECK_STR(lit_venues_find(&db.venues, "nips")->id, "NeurIPS");
    CHECK(lit_venues_find(&db.venues, "SOSP") == NULL);
    CHECK_INT(lit_venues_find(&db.venues, "arxiv")->kind, LIT_VENUE_PREPRINT);
    CHECK(!lit_venue_is_reviewed(lit_venues_find(&db.venues, "arXiv")));
    CHECK_INT(lit_topics_find(&db.topics, "Model Parallelism"), 1);
    CHECK_INT(lit_topics_find(&db.topics, "Pipeline parallelism"), 1);
    CHECK_INT(db.topics.t[1].parent_ix, 0);
    char *k = lit_alias_key("Euro-Sys '18");
    CHECK_STR(k, "eurosys18");
    free(k);

    /* unfiltered */
    lit_stats s;
    CHECK(lit_stats_compute(&s, &db, NULL, &d) == 0);
    CHECK_INT(s.n_papers, 5);
    CHECK_INT(s.n_no_year, 1);
    CHECK_INT(s.n_no_venue, 1);
    CHECK_INT(s.n_no_topic, 1);
    CHECK_INT(s.n_year_inferred, 1);
    CHECK_INT(s.year_min, 2018);
    CHECK_INT(s.n_years, 2);
    CHECK_INT(s.per_year[0], 1);
    CHECK_INT(s.per_year[1], 3);
    CHECK_STR(s.venues[0].name, "OSDI"); /* most papers first */
    CHECK_INT(s.venues[0].count, 2);
    CHECK_INT(row(s.venues, s.n_venues, "NeurIPS"), 1);
    CHECK_INT(s.n_topics, 3);
    CHECK_STR(s.topics[0].name, "Distributed training"); /* taxonomy order */
    CHECK_INT(s.topics[0].order, 0);
    CHECK_INT(row(s.topics, s.n_topics, "Pipeline parallelism"), 2);
    CHECK_INT(row(s.topics, s.n_topics, "Cluster scheduling"), 2);
    /* topic x year: scheduling has one 2018 and one 2019 paper */
    CHECK_INT(s.topic_year[2 * s.n_years + 0], 1);
    CHECK_INT(s.topic_year[2 * s.n_years + 1], 1);
    CHECK_INT(s.venue_year[0 * s.n_years + 0] + s.venue_year[0 * s.n_years + 1], 2);
    CHECK_INT(s.n_lists, 2);
    CHECK_INT(s.per_nlists[0], 3);
    CHECK_INT(s.per_nlists[1], 1);
    CHECK_INT(s.per_nlists[2], 1);
    CHECK_INT(row(s.kinds, s.n_kinds, "preprint"), 1);
    CHECK_INT(row(s.areas, s.n_areas, "systems"), 2);
    size_t other;
    CHECK_INT(lit_stats_top(s.venues, s.n_venues, 1, &other), 1);
    CHECK_INT(other, 2);
    lit_stats_free(&s);

    /* filters: years, venue alias, topic with descendants */
    lit_filter f = {0};
    CHECK(lit_filter_parse_years(&f, "2019") == 0 && f.year_min == 2019 && f.year_max == 2019);
    CHECK(lit_stats_compute(&s, &db, &f, &d) == 0);
    CHECK_INT(s.n_papers, 3);
    lit_stats_free(&s);
    CHECK(lit_filter_parse_years(&f, "2016-") == 0 && f.year_min == 2016 && f.year_max == 0);
    CHECK(lit_filter_parse_years(&f, "-2018") == 0 && f.year_max == 2018);
    CHECK(lit_filter_parse_years(&f, "2020-2010") != 0);
    CHECK(lit_filter_parse_years(&f, "20x") != 0);
    CHECK(lit_filter_parse_years(&f, "") != 0);
    lit_filter g = {0};
    const char *venues[] = {"nips"};
    g.venues = venues;
    g.n_venues = 1;
    CHECK(lit_stats_compute(&s, &db, &g, &d) == 0);
    CHECK_INT(s.n_papers, 1);
    lit_stats_free(&s);
    lit_filter h = {0};
    const char *topics[] = {"training"};
    h.topics = topics;
    h.n_topics = 1;
    CHECK(lit_stats_compute(&s, &db, &h, &d) == 0);
    CHECK_INT(s.n_papers, 3); /* training itself and its child pipeline-parallelism */
    lit_stats_free(&s);
    FILE *null = fopen("/dev/null", "w");
    lit_diag quiet;
    lit_diag_init(&quiet, null);
    const char *bad[] = {"NoSuchVenue"};
    g.venues = bad;
    CHECK(lit_stats_compute(&s, &db, &g, &quiet) != 0 && quiet.errors == 1);
    fclose(null);
    lit_db_free(&db);
    check_choices();
    check_year_axis();
    check_umbrella();
    return CHECK_DONE();
}
