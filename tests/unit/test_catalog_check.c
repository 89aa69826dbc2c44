/* test_catalog_check.c - what check counts: unknown and alias venues and topics, missing fields, the paragraph. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "catalog_check.h"

static void load(lit_db *db, const char *yaml, lit_diag *d)
{
    char *path = check_write_tmp("catalog.yaml", yaml);
    CHECK(lit_db_load(db, path, "data/venues.yaml", "data/topics.yaml", d) == 0);
    check_remove_tmp(path);
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    d.quiet = true;
    lit_db db;
    load(&db,
         "papers:\n"
         "  - {key: a, title: A, venue: FOO, year: 2020, topics: [nope]}\n"
         "  - {key: b, title: B, venue: FOO, topics: [nope, serving]}\n"
         "  - {key: c, title: C, venue: NIPS}\n"
         "  - {key: d, title: D, venue: BAR, year: 2021, topics: [inference]}\n"
         "  - {key: e, title: E, venue: OSDI, year: 2021, topics: [inference]}\n", &d);
    lit_check k;
    lit_check_run(&k, &db, NULL, false);
    CHECK_INT(k.n_papers, 5);
    CHECK_INT(k.bad_venue, 3);
    CHECK_INT(k.alias_venue, 1);
    CHECK_INT(k.bad_topic, 2);
    CHECK_INT(k.alias_topic, 1);
    CHECK_INT(k.errors, 3 + 1 + 2 + 1);   /* as `check` counts: each unknown or alias topic once */
    CHECK_INT(k.no_year, 2);
    CHECK_INT(k.no_venue, 0);
    CHECK_INT(k.no_topic, 1);
    CHECK_INT(k.n_venues, 2);
    CHECK_STR(k.venues[0].name, "FOO");   /* most papers first */
    CHECK_INT(k.venues[0].papers, 2);
    CHECK_STR(k.venues[1].name, "BAR");
    CHECK_INT(k.n_topics, 1);
    CHECK_STR(k.topics[0].name, "nope");
    lit_buf b = LIT_BUF_INIT;
    lit_check_paragraph(&k, &b);
    const char *p = lit_buf_str(&b);
    CHECK(strstr(p, "Of the catalog's 5 papers, 3 are at 2 venues the venue table does not know: FOO (2), BAR (1)") != NULL);
    CHECK(strstr(p, "2 have topics the topic table does not know: nope (2).") != NULL);
    CHECK(strstr(p, "Papers without a year: 2; without a topic: 1") != NULL);
    CHECK(strstr(p, "without a venue") == NULL);   /* none: not mentioned */
    lit_buf_free(&b);
    lit_check_free(&k);
    lit_db_free(&db);

    /* a clean catalog says so in one sentence per part */
    load(&db, "papers:\n  - {key: e, title: E, venue: OSDI, year: 2021, topics: [inference]}\n", &d);
    lit_check_run(&k, &db, NULL, false);
    CHECK_INT(k.errors, 0);
    lit_check_paragraph(&k, &b);
    CHECK_STR(lit_buf_str(&b), "The catalog's one paper has a venue and topics the tables know. "
                               "Every paper has a year, a venue and a topic. Papers without authors: 1; without a "
                               "bibliographic record: 1 (litsurvey resolve fills them from your bibliography and DBLP).");
    lit_buf_free(&b);
    lit_check_free(&k);
    lit_db_free(&db);

    /* a record behind a paper: resolved, or imported from a .bib */
    load(&db, "papers:\n  - {key: r, title: R, authors: [A B], resolved: {source: dblp, id: x, score: 100}}\n"
              "  - {key: b, title: B, authors: [C D], bibtype: article}\n  - {key: l, title: L}\n", &d);
    lit_check_run(&k, &db, NULL, false);
    CHECK_INT(k.no_authors, 1);
    CHECK_INT(k.unresolved, 1);
    lit_check_free(&k);
    lit_db_free(&db);
    return CHECK_DONE();
}
