/* venues.h - the venue table of data/venues.yaml: canonical ids, full names, kinds, aliases. */
#ifndef LIT_VENUES_H
#define LIT_VENUES_H
#include <stdbool.h>
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
    lit_alias_map names;   /* id, aliases and full name -> index into v */
    lit_alias_map keys;    /* lit_venue_name_key of each full name and alias -> index into v */
    size_t n_base;         /* venues of the shipped table, while an overlay loads */
    lit_overlay over;
} lit_venues;

/* Loads venues.yaml; ids and aliases must be unique (after normalising). */
int lit_venues_load(lit_venues *vs, const char *path, lit_diag *d);
/* Adds the venues of path to a loaded table (lit_overlay): new ids at the end, a shipped
 * id's entry replacing that venue. Errors are located in path. */
int lit_venues_overlay(lit_venues *vs, const char *path, lit_diag *d);
void lit_venues_free(lit_venues *vs);
/* Finds a venue by id or alias, ignoring case, spaces and punctuation ("EUROSYS",
 * "Euro-Sys", "NeuralPS"). Returns NULL if unknown. */
const lit_venue *lit_venues_find(const lit_venues *vs, const char *name);
/* Finds the venue that a booktitle, journal or list tag names, by the rules of venues.c
 * (listed there): the id, an alias or the full name, with proceedings words, ordinals,
 * years, volumes and publishers dropped; an acronym in parentheses or in the text.
 * Text that names a workshop ("Workshop on ... at X", "X @ Y") only matches a workshop.
 * NULL when no rule finds a venue of the table: the caller keeps the text as written. */
const lit_venue *lit_venues_match(const lit_venues *vs, const char *text);
/* Whether a heading names a venue: its id or an alias written as one ("OSDI", "USENIX
 * Security", years ignored), or that followed by words naming a part of it ("ICML Workshop",
 * "KDD (Companion Volume)"). Returns 1 with *v the venue (NULL: the part is not in the
 * table, keep the heading as written), else 0 ("Language Modeling" is a topic). */
int lit_venue_heading(const lit_venues *vs, const char *text, const lit_venue **v);
/* The words of a venue name that tell it apart, lower-cased, sorted, each followed by a
 * space ("Proceedings of the 17th USENIX Symposium on Networked Systems Design and
 * Implementation" -> "design implementation networked symposium systems "). malloc'd. */
char *lit_venue_name_key(const char *text);
/* False for text that names no venue: empty, a URL, a month ("Feb", "February 2023"),
 * a number. Such text is not kept as a venue. */
bool lit_venue_text_ok(const char *text);
const char *lit_venue_kind_name(lit_venue_kind k);   /* "conference", ... */
/* True for venues whose papers are peer reviewed (conference, journal, workshop). */
int lit_venue_is_reviewed(const lit_venue *v);

#endif
