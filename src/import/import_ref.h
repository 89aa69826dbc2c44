/* import_ref.h - what the reference-manager importers (CSL-JSON, RIS) share: one record
 * of the fields they read, made into a catalog paper the way the BibTeX importer does. */
#ifndef LIT_IMPORT_REF_H
#define LIT_IMPORT_REF_H
#include <stdbool.h>
#include <stddef.h>
#include "import.h"
#include "records.h"

#define LIT_REF_MAX_VENUES 6
#define LIT_REF_MAX_AUTHORS 1000

/* One entry as read; the strings belong to the reader and are copied by lit_ref_add. */
typedef struct lit_ref {
    const char *key;               /* citation key when the file has a citable one, else NULL */
    const char *title, *short_title;
    const char **authors;          /* "Given Family" */
    size_t n_authors;
    const char *venues[LIT_REF_MAX_VENUES];  /* names of the venue, most specific first */
    size_t n_venues;
    int year;                      /* 0: none */
    int month;                     /* 1-12 when the date has one, else 0 */
    const char *doi, *url, *keywords;
    const char *ids[4];            /* texts that may hold an arXiv id (number, volume, archive ids) */
    size_t n_ids;
    bool preprint;                 /* the entry says it is a preprint (publisher or archive arXiv) */
    const char *type;              /* the item's own type as a BibTeX type (records.h), or NULL */
    const char *csl_type;          /* the CSL type when that BibTeX type does not give it back */
    const char *container;         /* the container's name as written (journal, proceedings) */
    const char *fields[LIT_REC_MAX_FIELDS];   /* plain text of the record fields, by lit_rec_fields row;
                                      names fields: names joined by "\n" */
} lit_ref;

typedef struct lit_ref_ctx {
    lit_catalog *cat;
    const lit_import_opts *o;
    const char *list;              /* lit_list_name of the file, for sources */
    const char *path;              /* the file as messages name it */
    lit_diag *d;
} lit_ref_ctx;

/* Appends the paper of r, listed at line: venue through the venue table (a name it does
 * not know is kept for `check` to report), an arXiv id from the URL, DOI or ids (and the
 * year from it when there is none), topics from the keywords; the type and the record
 * fields (volume, pages, ...) into the extras bibtype and bib, as the BibTeX importer
 * keeps them. A control character or
 * noncharacter (a JSON escape makes them) becomes U+FFFD, with a warning. */
void lit_ref_add(lit_ref_ctx *c, const lit_ref *r, long line);
/* The first run of exactly four digits in s ("2010/11/19/", "2020-05"), or 0. */
int lit_ref_year(const char *s);
/* The month after that year ("2010/11/19/", "2020-05"): 1-12, or 0. */
int lit_ref_month(const char *s);

/* From import_bib.c: arXiv ids, their year, and names that mean arXiv. */
bool lit_bib_find_arxiv(const char *s, char out[32]);
int lit_bib_arxiv_year(const char *id);
bool lit_bib_is_arxiv_name(const char *s);

int lit_import_csl(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d);
int lit_import_ris(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d);

#endif
