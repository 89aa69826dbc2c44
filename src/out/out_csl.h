/* out_csl.h - the catalog as CSL-JSON, for pandoc --citeproc, Zotero and Mendeley. */
#ifndef LIT_OUT_CSL_H
#define LIT_OUT_CSL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "catalog.h"
#include "diag.h"
#include "venues.h"

/* Writes the papers cat->papers[sel[i]], i < n_sel, as a CSL-JSON array: id = the catalog
 * key, type by venue kind (paper-conference, article-journal, article for preprints),
 * title, title-short (system name), author (given, family, particles and suffix split),
 * container-title (the venue's full name) and -short (its id), issued, DOI, URL, arXiv
 * id as number "arXiv:ID", topics as keyword. `litsurvey import` reads it back.
 * Returns 0, or -1 after an I/O error. */
int lit_csl_write(FILE *fp, const lit_catalog *cat, const lit_venues *vs, const uint32_t *sel,
                  size_t n_sel, lit_diag *d);

#endif
