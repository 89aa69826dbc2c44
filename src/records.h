/* records.h - one table of the record fields and item types that BibTeX, CSL-JSON and RIS
 * name differently, so that every importer keeps them in one place (a paper's `bibtype`
 * and its `bib` map of BibTeX fields) and every writer reads them from there. */
#ifndef LIT_RECORDS_H
#define LIT_RECORDS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "venues.h"

/* A record field: its BibTeX name (the key in the bib map), its CSL-JSON variable, the
 * RIS tags it is read from, and the BibTeX types biblatex's data model allows it in
 * (" article book ... "; NULL: every type). Names lists hold "Given Family" names. */
typedef struct lit_rec_field {
    const char *bib, *csl, *ris, *ris2;
    const char *types;
    bool names;
} lit_rec_field;

/* The table, in the order the fields are written; lit_rec_n_fields rows, at most
 * LIT_REC_MAX_FIELDS (the size of the importers' arrays of them). */
#define LIT_REC_MAX_FIELDS 16
extern const lit_rec_field lit_rec_fields[];
extern const size_t lit_rec_n_fields;

/* The row of the field with this BibTeX name (or the type's own name for the publisher:
 * school, institution), or NULL. */
const lit_rec_field *lit_rec_field_of_bib(const char *bib);
/* The BibTeX name under which a type keeps the field: the publisher of a thesis is its
 * school, of a report its institution; the others keep their name. */
const char *lit_rec_bib_name(const lit_rec_field *f, const char *bibtype);
/* Does biblatex's data model allow field f (a row) in an entry of this type? */
bool lit_rec_allowed(const lit_rec_field *f, const char *bibtype);

/* May a field of this name (any BibTeX field) be written in an entry of this type? Not
 * a record field the type has no place for (a publisher in an article, pages in a misc);
 * a thesis's or report's publisher as school or institution. Other fields: yes. */
bool lit_rec_writes(const char *name, const char *bibtype);

/* Item types: the BibTeX type of a CSL type, of a RIS TY, and the CSL type of a BibTeX
 * type (NULL when the table does not know it). A thesis's genre says master's or PhD. */
const char *lit_rec_type_of_csl(const char *csl, const char *genre);
const char *lit_rec_type_of_ris(const char *ty, const char *genre);
const char *lit_rec_csl_of_type(const char *bibtype);
/* The BibTeX field a container's name goes in for this type (journal, booktitle,
 * howpublished), or NULL (books, theses, reports have none). */
const char *lit_rec_container_field(const char *bibtype);

/* Is a paper's own type (bibtype) still its type at a venue of this kind? Yes, unless a
 * merge of n_sources listings joined it with one at another kind of venue (an arXiv misc
 * that is an OSDI paper): then the venue decides. Books, theses and the like keep theirs. */
bool lit_rec_type_fits(const char *bibtype, lit_venue_kind k, uint32_t n_sources);

/* Text as a bib map holds it: LaTeX source with the ten specials escaped, non-ASCII kept
 * (the writers escape it); for pages, a range's hyphen or en dash as BibTeX's "--". In a. */
const char *lit_rec_tex(lit_arena *a, const char *s, bool pages);

/* The first valid ISSN (checksum) of a list such as "0001-0782, 1557-7317", as
 * NNNN-NNNC, into out (10 bytes); likewise the first valid ISBN-10/13 (out 18 bytes,
 * as written, without spaces). false when there is none. */
bool lit_rec_issn(const char *s, char out[10]);
bool lit_rec_isbn(const char *s, char out[18]);

/* Month m (1-12) by its English name ("April"), as a .bib's month macro expands; else NULL. */
const char *lit_rec_month_name(int m);
/* A month as a .bib or CSL gives it ("April", "apr", "4") as 1-12, or 0. */
int lit_rec_month(const char *v);

#endif
