/* stats.h - filters and statistics: computed once from the catalog, read by every renderer. */
#ifndef LIT_STATS_H
#define LIT_STATS_H
#include <stddef.h>
#include <stdint.h>
#include "db.h"

/* Applied before counting. Years 0 = open end. Venue and topic names go through
 * the alias tables (and a topic selects its descendants too). */
typedef struct lit_filter {
    int year_min, year_max;
    const char **venues; size_t n_venues;
    const char **topics; size_t n_topics;
} lit_filter;

/* Parses "2016-2023", "2016-", "-2020" or "2019". Returns -1 on a malformed range. */
int lit_filter_parse_years(lit_filter *f, const char *arg);

/* One row of a count table. */
typedef struct lit_count {
    int32_t id;         /* venue or topic index in the catalog's string table; -1 = none */
    const char *name;   /* what to print: venue id, topic label, "(no venue)" */
    size_t count;
    int order;          /* topics: position in topics.yaml (unknown topics after, by
                           name); use it to pick the topic's colour. venues: rank */
    const char *short_name;   /* topics: the taxonomy's short label, for where name does
                                 not fit (charts); NULL when there is none */
} lit_count;

typedef struct lit_stats {
    const lit_db *db;
    size_t n_total;         /* papers in the catalog */
    size_t n_papers;        /* papers that pass the filter */
    uint32_t *sel;          /* their indices into db->cat.papers, in catalog order */
    size_t n_no_year, n_no_venue, n_no_topic, n_year_inferred;

    int year_min, year_max; /* range of known years among selected papers; 0 if none */
    size_t n_years;         /* year_max - year_min + 1, or 0 */
    size_t *per_year;       /* [n_years] */

    lit_count *venues;      /* venues with papers, count descending, then id */
    size_t n_venues;
    lit_count *topics;      /* topics with papers, in taxonomy order */
    size_t n_topics;
    size_t *topic_rank;     /* [n_topics]: 0 for the most papers, ties in taxonomy order
                               (the charts' colour order) */
    size_t *topic_year;     /* [n_topics * n_years], row = topic */
    size_t *venue_year;     /* [n_venues * n_years], row = venue */

    lit_count *kinds;       /* per venue kind (conference, journal, ...; "unknown") */
    size_t n_kinds;
    lit_count *areas;       /* per venue area */
    size_t n_areas;

    size_t n_lists;         /* distinct source lists */
    size_t *per_nlists;     /* [max_nlists + 1]: papers listed in k lists */
    size_t max_nlists;
} lit_stats;

/* Computes everything in one pass over the selected papers. Unknown filter venues or
 * topics are reported as errors. Free with lit_stats_free. */
int lit_stats_compute(lit_stats *s, const lit_db *db, const lit_filter *f, lit_diag *d);
void lit_stats_free(lit_stats *s);

/* Top-n rows of a count table (n = 0: all); *other gets the sum of the rest. */
size_t lit_stats_top(const lit_count *rows, size_t n_rows, size_t n, size_t *other);
/* Share of count in total as a percentage (0 when total is 0). */
double lit_share(size_t count, size_t total);

#endif
