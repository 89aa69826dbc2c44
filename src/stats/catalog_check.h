/* catalog_check.h - what `litsurvey check` finds in a catalog, counted once for check, build and the report. */
#ifndef LIT_CATALOG_CHECK_H
#define LIT_CATALOG_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"

/* A name the tables do not know, with the papers that use it. */
typedef struct lit_check_name { const char *name; size_t papers; } lit_check_name;

typedef struct lit_check {
    size_t n_papers;
    size_t errors;                   /* problems, as check counts them (exit 1) */
    size_t bad_venue, bad_topic;     /* papers with an unknown venue / at least one unknown topic */
    size_t alias_venue, alias_topic; /* papers that write a venue / topic as an alias */
    size_t no_year, no_venue, no_topic;
    size_t no_authors;               /* papers without authors */
    size_t unresolved;               /* papers that are no bibliographic record: neither resolved
                                        (`resolved:`) nor imported from a .bib (`bibtype:`) */
    lit_check_name *venues, *topics; /* unknown names, most papers first (ties by name) */
    size_t n_venues, n_topics;
} lit_check;

/* Checks every paper of db against its venue and topic tables. With d, each problem is
 * reported at the paper's catalog line as an error, and with notes each missing field
 * as a note. */
void lit_check_run(lit_check *k, const lit_db *db, lit_diag *d, bool notes);
/* One paragraph a reader can take in: what the numbers rest on ("All 219 papers have
 * a known venue and topic; 3 have no year." or the unknown names with their counts). */
void lit_check_paragraph(const lit_check *k, lit_buf *b);
void lit_check_free(lit_check *k);

#endif
