/* resolve.h - resolve: matches every paper of a catalog against bibliographic records (the user's
 * files, a DBLP index) and fills what the paper lacks, with its provenance. */
#ifndef LIT_RESOLVE_H
#define LIT_RESOLVE_H
#include <stdbool.h>
#include <stdio.h>
#include "buf.h"
#include "catalog.h"
#include "match.h"
#include "topics.h"
#include "venues.h"

/* Where records come from. The resolver asks each source, in turn, for the records that
 * may be a paper and judges them with lit_match_judge: a file source and a DBLP index
 * look the same to it. */
typedef struct lit_rsource lit_rsource;
struct lit_rsource {
    const char *name;   /* "DBLP"; NULL: each record is named by its file (sources[0].list) */
    const char *tag;    /* provenance's source: "dblp"; NULL: the record's file name */
    bool user;          /* the user's own bibliography: a paper matched there takes its key */
    /* Sets *rc and *rec[0..*n) to the records that may be p; they stay valid until the
     * next call. Returns 0, or -1 after reporting (a damaged index). */
    int (*candidates)(lit_rsource *s, const lit_paper *p, const lit_catalog **rc, const uint32_t **rec,
                      size_t *n, lit_diag *d);
    /* May be NULL. Called once, in source order, before candidates is: ask[i] is true for
     * the papers of c that no earlier source matches, those it will be asked about, so
     * that a source whose answers come from elsewhere (the online services) can fetch
     * them together. Returns 0, or -1 after reporting. */
    int (*prepare)(lit_rsource *s, const lit_catalog *c, const bool *ask, lit_diag *d);
    void (*close)(lit_rsource *s);
    void *impl;
};

/* The user's files as one source: .bib files (one bibliography, as import reads them:
 * @string and crossref across files), CSL-JSON and RIS exports, read into a scratch
 * catalog with venues through vs. NULL after reporting (a file cannot be read, is not a
 * bibliography, or holds no entry). */
lit_rsource *lit_rsource_files(const char *const *paths, size_t n, const lit_venues *vs, const lit_topics *ts,
                               lit_diag *d);
/* A DBLP index written by `litsurvey resolve --index`. NULL after reporting. */
lit_rsource *lit_rsource_dblp(const char *idx_path, lit_diag *d);
void lit_rsource_close(lit_rsource *s);

typedef struct lit_resolve_opts {
    const lit_venues *vs;
    const char *explain;   /* key of a paper whose candidates to show, or NULL */
    bool verbose;          /* conflicts, ambiguous papers with their candidates, papers not found */
    FILE *out;             /* where explain and verbose text go */
} lit_resolve_opts;

/* Papers resolved by one source (a file, or DBLP). */
typedef struct lit_resolve_count { const char *name; size_t n; } lit_resolve_count;

typedef struct lit_resolve_stats {
    size_t papers, resolved, not_found, ambiguous;
    size_t changed;         /* papers given a field, a key or a provenance they did not have */
    size_t conflicts;       /* statements of the list a record contradicts (kept) */
    size_t keys;            /* papers that took the user's key */
    size_t same_record;     /* papers whose record an earlier paper took (likely duplicates) */
    lit_resolve_count *by;  /* per source, most first (ties by name) */
    size_t n_by, cap_by;
    bool explained;         /* the --explain paper was found */
} lit_resolve_stats;

/* Resolves every paper of c against the sources, in order (the first that matches
 * wins; ask the user's files first): fills authors, DOI, arXiv id, the year when absent,
 * the venue when absent or a preprint (the published record gives venue and year), and
 * the entry type with its bibliographic fields (pages, volume, publisher, ...) when the
 * venue agrees; keeps what the list states when a record contradicts it (a conflict,
 * counted and shown with verbose); records `resolved: {source, id, score}`; a paper
 * matched in the user's bibliography takes the record's key, its old key joining
 * `aliases:`. Resolving again with the same sources changes nothing. Returns 0, or -1
 * after reporting. Free st with lit_resolve_stats_free. */
int lit_resolve(lit_catalog *c, lit_rsource *const *src, size_t n_src, const lit_resolve_opts *o,
                lit_resolve_stats *st, lit_diag *d);
/* "resolved 201 of 219 papers: 187 DBLP, 14 refs.bib; 11 not found; 7 ambiguous (see -v)" */
void lit_resolve_summary(const lit_resolve_stats *st, bool verbose, lit_buf *b);
void lit_resolve_stats_free(lit_resolve_stats *st);

#endif
