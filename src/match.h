/* match.h - whether a record is a paper: the one set of matching rules that dedupe, resolve
 * and latex --bib share (normalised titles, DOIs, arXiv ids, author surnames, years), and an
 * index over a set of records that answers, for one paper, match, ambiguous or none. */
#ifndef LIT_MATCH_H
#define LIT_MATCH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "catalog.h"
#include "venues.h"

/* ---------- the parts of the rules ---------- */

/* Normalised title for matching: NFKC, Unicode case folding, marks stripped, every run
 * of non-letters/digits one space, a leading article dropped. Returns a malloc'd string. */
char *lit_title_norm(const char *title);
/* The same after dropping a system-name prefix ("ByteScheduler: A Generic ..." ->
 * "generic ..."); NULL when the title has no such prefix. malloc'd. */
char *lit_title_norm_stripped(const char *title);
/* Words that say nothing about a title ("a", "of", "towards", ...): n bytes of w, any case. */
bool lit_title_stop_word(const char *w, size_t n);
/* How alike two normalised titles are, 0-100: 100 for the same text, else one minus the
 * edit distance over the longer length of their letters and digits (spaces ignored), so
 * that a typo or a British spelling costs a point or two and other words cost many.
 * Titles with few content words in common score under 50 without the edit distance. */
int lit_title_score(const char *norm_a, const char *norm_b);
/* Whether two normalised titles share a content word (three letters or more, not a stop word). */
bool lit_titles_share_word(const char *norm_a, const char *norm_b);

/* A DOI or arXiv id in the form two of them compare in: a DOI without its resolver
 * prefix ("https://doi.org/", "doi:"), case-folded; an arXiv id without "arXiv:" and its
 * version ("1811.06965v5" -> "1811.06965"). malloc'd; NULL for NULL. */
char *lit_doi_key(const char *doi);
char *lit_arxiv_key(const char *arxiv);
/* arXiv's own DOIs (10.48550/arXiv.ID) name the preprint, not a published version. */
bool lit_doi_is_arxiv(const char *doi);
/* The arXiv id such a DOI names ("10.48550/arXiv.1909.08053" -> "1909.08053"), malloc'd; else NULL. */
char *lit_arxiv_of_doi(const char *doi);

/* Whether the two author lists share a person: a family name of one ("Deepak Narayanan",
 * "Narayanan, D.", "Wei Wang 0002": DBLP's homonym number is no name) among the name
 * words of the other, compared case- and accent-folded. False when either has none. */
bool lit_authors_share(const lit_paper *a, const lit_paper *b);
/* The family name of a display name, folded ("Deepak Narayanan" -> "narayanan", "von
 * Neumann, Jr" -> "neumann"). malloc'd; "" when there is none. */
char *lit_name_surname(const char *name);

/* How a citation names the authors: "Narayanan", "Narayanan and Harlap", "Narayanan et
 * al." (family names as written, without DBLP's homonym numbers); nothing when none. */
void lit_authors_short(const lit_paper *p, lit_buf *b);

/* ---------- one paper against its candidate records ---------- */

/* What judging needs besides the papers: the venue table (may be NULL), and the venue of
 * each name already met (a judge meets the same few thousand venue names again and again).
 * Free with lit_match_ctx_free. */
typedef struct lit_match_ctx lit_match_ctx;
lit_match_ctx *lit_match_ctx_new(const lit_venues *vs);
void lit_match_ctx_free(lit_match_ctx *mx);
/* The venue table's id of a paper's venue (a record's may be the text a .bib or DBLP gives:
 * "Commun. ACM", "SIGMOD Conference", "Proceedings of the 27th ACM Symposium ..."), or the
 * name as written when the table does not know it; NULL for none or text that names no
 * venue. The string lives as long as mx or the table. */
const char *lit_match_venue(lit_match_ctx *mx, const lit_catalog *c, const lit_paper *p);
/* Whether a paper's venue is a preprint server (arXiv, CoRR) by the venue table, or by
 * name when the table does not know it; a paper without a venue but with an arXiv id is a
 * preprint too. */
bool lit_match_preprint(lit_match_ctx *mx, const lit_catalog *c, const lit_paper *p);

#define LIT_MATCH_THRESHOLD 90   /* a similar title is a candidate from this score up */
#define LIT_MATCH_MARGIN 5       /* ... and is taken only this far ahead of the next */

typedef enum lit_verdict { LIT_VERDICT_NONE, LIT_VERDICT_MATCH, LIT_VERDICT_AMBIGUOUS } lit_verdict;

/* A record that may be the paper, with what the rules found. */
typedef struct lit_cand {
    uint32_t rec;          /* index of the record in its catalog */
    int score;             /* 0-100: same identifier or title 100, else lit_title_score */
    const char *how;       /* static text: "same DOI", "same title", "similar title", ... */
    const char *refused;   /* static text: why it cannot be the paper; NULL if it can */
    bool venue_agrees;     /* the same peer-reviewed venue as the paper states */
    bool venue_differs;    /* another peer-reviewed venue than the paper states */
    bool year_exact;       /* the year the paper states */
    bool preprint;         /* an arXiv/CoRR record */
    bool duplicate;        /* the record taken again (a bibliography that holds the paper twice) */
    bool own;              /* its key is the paper's: of equal records, the one taken before */
} lit_cand;

typedef struct lit_decision {
    lit_verdict verdict;
    const lit_catalog *rc;  /* the records' catalog */
    lit_cand *c;            /* every candidate, taken one first, refused ones last */
    size_t n, cap;
    long preprint;          /* MATCH: index into c of the same paper's preprint record, whose
                               arXiv id the published one lacks, or -1 */
    const char *why;        /* static text: why the first won, or why none could */
} lit_decision;

/* Judges records rec[0..n) of rc as paper p of pc. A candidate is refused when an identifier disagrees (another DOI, another arXiv
 * id), when a shared DOI or arXiv id comes with titles that share no word, or with two
 * reviewed venues and titles scoring under 50 (a copied identifier), when both name authors and none is shared, when the years are further
 * apart than one (a preprint may come up to two years before its published version),
 * a title of no content word, a short one (under 16 letters or 3 content words) without
 * the same year and the same venue or an author, and a similar title when it scores under
 * LIT_MATCH_THRESHOLD, is shorter than 25 letters or either has no year. Of the others
 * the best is taken when it is alone, when
 * the rest are only its preprint (the published record gives venue and year; the
 * preprint's arXiv id is kept) or its duplicates (the same title, year and venue), when
 * it scores LIT_MATCH_MARGIN more than the next, or
 * when the paper's venue or year tells it from the next; otherwise the paper is
 * ambiguous. out is reset; free with lit_decision_free. */
void lit_match_judge(lit_match_ctx *mx, const lit_catalog *pc, const lit_paper *p, const lit_catalog *rc,
                     const uint32_t *rec, size_t n, lit_decision *out);
void lit_decision_free(lit_decision *dec);
/* The record taken (MATCH), else NULL. */
const lit_paper *lit_decision_record(const lit_decision *dec);

/* ---------- an index over a set of records ---------- */

/* Built once over the records of rc (a user's bibliography, a scratch catalog of
 * imported files), then asked for any number of papers. rc must outlive it. */
typedef struct lit_matcher lit_matcher;

lit_matcher *lit_matcher_new(const lit_catalog *rc, const lit_venues *vs);
/* The records that may be p: the same DOI, arXiv id or normalised title (with or without
 * a system-name prefix on either side), then up to max records that share the most of
 * its rarer title words. *out is malloc'd (free it); returns the count. */
size_t lit_matcher_candidates(const lit_matcher *m, const lit_paper *p, size_t max, uint32_t **out);
/* lit_matcher_candidates, then lit_match_judge: the decision for paper p of pc. */
void lit_matcher_decide(const lit_matcher *m, const lit_catalog *pc, const lit_paper *p, lit_decision *out);
void lit_matcher_free(lit_matcher *m);

#endif
