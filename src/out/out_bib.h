/* out_bib.h - the catalog as a BibTeX file whose keys are the catalog keys (the ones the LaTeX tables cite). */
#ifndef LIT_OUT_BIB_H
#define LIT_OUT_BIB_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "catalog.h"
#include "diag.h"
#include "venues.h"

/* Options of the writer; zero is the default. */
typedef struct lit_bib_opts {
    bool biblatex;   /* for biber: an undated paper gets no year instead of "n.d." (which
                        natbib and apalike need, and biber warns about) */
} lit_bib_opts;

/* Writes one entry per paper cat->papers[sel[i]], i < n_sel (sel NULL: the first n_sel
 * papers) to fp: @inproceedings, @article or @misc by the kind of the paper's venue in
 * vs (may be NULL), booktitle/journal from the venue's full name, titles with acronyms
 * and system names braced, authors joined with "and", year, doi, arXiv eprint, url,
 * topics as keywords. A paper without authors (or year) is written as @misc with a sort
 * key, so that the standard styles run without warnings. Text is ASCII LaTeX
 * (lit_tex_escape); characters without a LaTeX form become '?' with a warning naming
 * the paper. Returns 0, or -1 after an error (a key that cannot be cited). */
int lit_bib_write(FILE *fp, const lit_catalog *cat, const lit_venues *vs,
                  const uint32_t *sel, size_t n_sel, lit_diag *d);
int lit_bib_write_opts(FILE *fp, const lit_catalog *cat, const lit_venues *vs,
                       const uint32_t *sel, size_t n_sel, const lit_bib_opts *o, lit_diag *d);

#endif
