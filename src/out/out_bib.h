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

/* Writes one entry per paper cat->papers[sel[i]], i < n_sel (sel NULL: the first n_sel
 * papers) to fp: @inproceedings, @article or @misc by the kind of the paper's venue in
 * vs (may be NULL), or the paper's own type (bibtype) while it fits the venue;
 * booktitle/journal from the venue's full name, titles with acronyms and system names
 * braced (an imported title with its own braces as written), authors joined with "and",
 * year (none when unknown), doi, arXiv eprint, url, topics as keywords, and the record
 * fields of the bib map that biblatex's data model allows the type (records.h). A paper without authors (or year) is written as @misc with a sort
 * key, so that the standard styles run without warnings. Text is ASCII LaTeX
 * (lit_tex_escape); characters without a LaTeX form become '?' with a warning naming
 * the paper. Returns 0, or -1 after an error (a key that cannot be cited). */
int lit_bib_write(FILE *fp, const lit_catalog *cat, const lit_venues *vs,
                  const uint32_t *sel, size_t n_sel, lit_diag *d);

#endif
