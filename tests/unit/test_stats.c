/* test_stats.c - venue/topic tables, filters and statistics on the core fixture. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "stats.h"

static size_t row(const lit_count *rows, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0) return rows[i].count;
    return (size_t)-1;
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
    return CHECK_DONE();
}
