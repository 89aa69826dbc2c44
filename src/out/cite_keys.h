/* cite_keys.h - the keys the tables cite when the user has a bibliography of their own
 * (latex --bib, bib --missing-from, a report's bibs:): a paper one of their .bib files
 * holds (match.h's rules) is cited by that entry's key, any other by its catalog key,
 * renamed where that is the key of another paper in their files; the others are what
 * --missing-from writes, so that \bibliography{mine,extra} has every key once. */
#ifndef LIT_CITE_KEYS_H
#define LIT_CITE_KEYS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "buf.h"
#include "db.h"
#include "diag.h"
#include "out_bib.h"

typedef struct lit_citemap lit_citemap;

/* Reads the user's .bib files (bibs[0..n_bibs), as one bibliography) and decides, for every
 * paper of db, the key it is cited by; sel[0..n_sel) are the papers the output shows (the
 * ones counted and written as missing). NULL after an error (a file that cannot be read,
 * no entries). */
lit_citemap *lit_citemap_new(const lit_db *db, const uint32_t *sel, size_t n_sel, const char *const *bibs,
                             size_t n_bibs, lit_diag *d);
void lit_citemap_free(lit_citemap *m);

/* The key paper pi of db is cited by. */
const char *lit_citemap_key(const lit_citemap *m, uint32_t pi);
/* Selected papers none of the files holds, and of them those whose key was renamed. */
size_t lit_citemap_n_missing(const lit_citemap *m);
size_t lit_citemap_n_renamed(const lit_citemap *m);
/* Selected papers one of the files holds. */
size_t lit_citemap_n_found(const lit_citemap *m);

/* The one warning about the papers the files lack ("N papers are not in mine.bib: ...";
 * nothing when none), with hint what writes them (NULL: no such warning), and one about renamed keys. */
void lit_citemap_warn(const lit_citemap *m, const char *hint, lit_diag *d);
/* "mine.bib" or "mine.bib or more.bib": the files, for messages. */
void lit_citemap_files(const lit_citemap *m, lit_buf *b);
/* " --missing-from mine.bib --missing-from more.bib": the options that name the files. */
void lit_citemap_options(const lit_citemap *m, lit_buf *b);

/* Writes the missing papers as BibTeX (out_bib.h), under the keys the tables cite, without
 * a merged entry's alias that is a key of the user's files. Returns 0 or -1. */
int lit_citemap_write_missing(const lit_citemap *m, FILE *fp, lit_diag *d);

/* file (a path from the current folder) as a path from folder dir, for \bibliography:
 * "../refs/mine" for dir "paper" and file "refs/mine.bib" (without .bib when strip_bib).
 * Absolute when either cannot be found. */
void lit_path_from(const char *dir, const char *file, bool strip_bib, lit_buf *out);

#endif
