/* stats.h - filters and statistics: computed once from the catalog, read by every renderer. */
#ifndef LIT_STATS_H
#define LIT_STATS_H
#include <stddef.h>
#include <stdint.h>
#include "db.h"

/* A choice of the largest rows of a count table (lit_stats_choose): never a cut through
 * a tie. When rows at the cut share a count, all of them are named (if that stays within
 * the limit) or none of them; tie_count and tie_n say so. */
typedef struct lit_choice {
    size_t *row;            /* [n]: the rows named, most papers first */
    size_t n;
    size_t of;              /* rows it chose from */
    size_t tie_n;           /* rows sharing tie_count at the cut (0: the cut fell between counts) */
    size_t tie_count;
    bool tie_in;            /* those rows are named (else all folded into "other") */
} lit_choice;

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

    /* The year axis every chart and table draws: one column per year from year_first,
     * after one "earlier" column when outlying early years are folded (years far from
     * the rest: a sparse, broken run of early years that holds at most 2% of the dated
     * papers), so that a 1809 paper does not stretch every axis over two centuries. */
    int year_first;         /* the first year with a column of its own (year_min when nothing is folded) */
    size_t n_cols;          /* columns: n_earlier_cols + year_max - year_first + 1, or 0 */
    size_t n_earlier_cols;  /* 1 when years before year_first share the first column, else 0 */
    size_t n_earlier;       /* papers in that column */
    int earlier_last;       /* the last year with papers in it */
    /* The last year is plainly incomplete: the data's date (lit_catalog_date) is in it,
     * or it has fewer than half the papers of the year before. Charts mark it "partial". */
    bool last_partial;
    bool partial_by_date;   /* which of the two said so */

    /* What every output names (lit_stats_choose): the largest venues and topics, chosen
     * once for the whole build, so that the charts, tables, sheet and report agree. */
    lit_choice venue_choice;   /* rows 0..n-1 of venues */
    lit_choice topic_choice;   /* rows of topics, largest first */
    int *topic_pos;         /* [n_topics]: place in topic_choice (the colour slot), -1 = not named */
    long topic_umbrella;    /* row of a topic nearly every paper is in, left out of the
                               topic charts (it tells no papers apart), or -1 */
} lit_stats;

/* Computes everything in one pass over the selected papers. Unknown filter venues or
 * topics are reported as errors. Free with lit_stats_free. */
int lit_stats_compute(lit_stats *s, const lit_db *db, const lit_filter *f, lit_diag *d);
void lit_stats_free(lit_stats *s);

/* How many venues and topics the outputs name by default, and at most when a tie at the
 * cut is kept whole (topics: the palettes' nine colours). */
#define LIT_CHOOSE_VENUES 10
#define LIT_CHOOSE_VENUES_MAX 15
#define LIT_CHOOSE_TOPICS 8
#define LIT_CHOOSE_TOPICS_MAX 9

/* Chooses the venues and topics every output names: the n_venues and n_topics largest
 * (0: the defaults above; a spec's top: or --top N sets both), whole ties in or out.
 * lit_stats_compute calls it with the defaults; call again to change it. */
void lit_stats_choose(lit_stats *s, size_t n_venues, size_t n_topics);
/* One choice over counts sorted most first: the k largest, a tie at the cut kept whole
 * when that stays within kmax, else left out whole. Returns how many are named. */
size_t lit_choose_count(const size_t *counts, size_t n, size_t k, size_t kmax, lit_choice *c);
/* "3 venues tie at 6 papers: all shown" (or "none shown") for a note, or "" when the cut
 * fell cleanly between counts; what: "venues", "topics". Into buf (size n). */
const char *lit_choice_note(const lit_choice *c, const char *what, char *buf, size_t n);

/* The year axis: the column of year (the "earlier" column for folded years), and its
 * label ("2019", or "to 2014" for the earlier column). */
size_t lit_stats_col(const lit_stats *s, int year);
const char *lit_stats_col_label(const lit_stats *s, size_t col, char *buf, size_t n);
/* The year of a column (0 for the earlier column). */
int lit_stats_col_year(const lit_stats *s, size_t col);
/* A row of counts per year (n_years of them) summed into the n_cols columns of out. */
void lit_stats_to_cols(const lit_stats *s, const size_t *per_year, size_t *out);

/* Top-n rows of a count table (n = 0: all); *other gets the sum of the rest. */
size_t lit_stats_top(const lit_count *rows, size_t n_rows, size_t n, size_t *other);
/* Share of count in total as a percentage (0 when total is 0). */
double lit_share(size_t count, size_t total);

#endif
