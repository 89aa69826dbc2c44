/* venues.h - the venue table of data/venues.yaml: canonical ids, full names, kinds, aliases. */
#ifndef LIT_VENUES_H
#define LIT_VENUES_H
#include <stddef.h>
#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "topics.h"

typedef enum lit_venue_kind {
    LIT_VENUE_CONFERENCE, LIT_VENUE_JOURNAL, LIT_VENUE_WORKSHOP, LIT_VENUE_PREPRINT,
    LIT_VENUE_OTHER
} lit_venue_kind;

typedef struct lit_venue {
    const char *id;        /* canonical id as used in catalogs: OSDI, NeurIPS, arXiv */
    const char *name;      /* full name: USENIX Symposium on Operating Systems Design ... */
    const char *publisher; /* USENIX, ACM, IEEE, ... or NULL */
    lit_venue_kind kind;
    const char *area;      /* systems, ml, architecture, hpc, networking, databases, ... */
    const char **aliases;
    size_t n_aliases;
    long line;             /* where it is defined */
} lit_venue;

typedef struct lit_venues {
    lit_arena arena;
    const char *path;
    lit_venue *v;
    size_t n;
    lit_alias_map names;   /* id and aliases -> index into v */
} lit_venues;

/* Loads venues.yaml; ids and aliases must be unique (after normalising). */
int lit_venues_load(lit_venues *vs, const char *path, lit_diag *d);
void lit_venues_free(lit_venues *vs);
/* Finds a venue by id or alias, ignoring case, spaces and punctuation ("EUROSYS",
 * "Euro-Sys", "NeuralPS"). Returns NULL if unknown. */
const lit_venue *lit_venues_find(const lit_venues *vs, const char *name);
const char *lit_venue_kind_name(lit_venue_kind k);   /* "conference", ... */
/* True for venues whose papers are peer reviewed (conference, journal, workshop). */
int lit_venue_is_reviewed(const lit_venue *v);

#endif
