/* dedupe.h - duplicate papers: normalised titles, system names and identifiers matched by blocking, merged with provenance. */
#ifndef LIT_DEDUPE_H
#define LIT_DEDUPE_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "catalog.h"
#include "match.h"   /* lit_title_norm: the normalisation dedupe matches titles by */
#include "topics.h"
#include "venues.h"

enum lit_match_reason {
    LIT_MATCH_ARXIV,   /* same arXiv id */
    LIT_MATCH_DOI,     /* same DOI */
    LIT_MATCH_TITLE,   /* same normalised title (case, punctuation, article, system-name prefix) */
    LIT_MATCH_SYSTEM,  /* same system name at the same venue and year */
    LIT_MATCH_SOURCE   /* listed at the same place (list and line) with a title that starts
                          the same way: a re-import of a paper whose title was edited */
};

/* One pair of papers found to be the same (or possibly the same: unsure). The places
 * and titles are copied from the papers when found, so they outlive a merge. */
typedef struct lit_match {
    uint32_t a, b;            /* indices into the catalog when found, a < b */
    int reason;               /* enum lit_match_reason */
    bool unsure;              /* left apart: why says what conflicts */
    const char *why;          /* static text, NULL for a merge */
    const char *a_list, *b_list, *a_title, *b_title;
    long a_line, b_line;
    const char *key;          /* key of the merged paper (set by lit_dedupe_merge) */
} lit_match;

/* A field of an existing paper (import -m) that a newly imported entry states otherwise:
 * title, venue, year or the URL of a link ("link paper"). Strings belong to the catalog. */
typedef struct lit_change {
    const char *key, *field, *old, *new_;
    const char *list;         /* where the entry is (NULL for none) */
    long line;
} lit_change;

typedef struct lit_dedupe {
    lit_match *m;
    size_t n, cap;
    size_t n_merged, n_unsure;  /* pairs of each kind */
    size_t n_groups;            /* merged papers that came from more than one entry */
    bool update;                /* input: an existing paper takes the new entry's title,
                                   system name, venue, year and link URLs (import --update) */
    lit_change *changes;        /* what the new entries state otherwise, by paper */
    size_t n_changes, cap_changes;
} lit_dedupe;

/* Finds duplicate pairs among the papers of c in O(n log n): papers are grouped by
 * each match key (blocking) and only papers sharing a key are compared. vs (may be
 * NULL) tells peer-reviewed venues from preprints. Free with lit_dedupe_free. */
void lit_dedupe_find(const lit_catalog *c, const lit_venues *vs, lit_dedupe *dd);

/* Merges every group of matched papers into one paper whose sources list every place
 * it was seen, links and topics merged. Fields come from the best member: an existing
 * paper (the first n_fixed papers, from -m) keeps its key, title and hand edits (each
 * title, venue, year and link URL the best new entry states otherwise goes to
 * dd->changes; with dd->update the paper takes the entry's); then a
 * peer-reviewed venue beats arXiv, a stated year beats an inferred or missing one, and
 * ties go by source place, so the result does not depend on input order. Two existing
 * papers are never merged with each other. Papers without a key get one
 * (lit_assign_keys), and the catalog ends sorted by key. ts (may be NULL) orders topics. */
void lit_dedupe_merge(lit_catalog *c, size_t n_fixed, const lit_venues *vs, const lit_topics *ts,
                      lit_dedupe *dd);

/* Prints the merges (when merges is true) and the unsure pairs, one per line; before
 * lit_dedupe_merge a merge prints as "likely duplicates" (what `check` can report).
 * Papers loaded from a catalog file are named by their place in it. */
void lit_dedupe_print(const lit_dedupe *dd, bool merges, FILE *out);
void lit_dedupe_free(lit_dedupe *dd);

/* Gives every paper without a key one (lit_keys_assign of keys.h, nothing kept first). */
void lit_assign_keys(lit_catalog *c);

#endif
