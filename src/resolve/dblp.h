/* dblp.h - the DBLP XML dump read streaming into an on-disk index that answers candidate queries fast. */
#ifndef LIT_DBLP_H
#define LIT_DBLP_H
#include <stddef.h>
#include <stdint.h>
#include "catalog.h"
#include "diag.h"

/* An open index (read-only, memory-mapped); one per thread: candidate queries use
 * scratch memory of the handle. The format is the project's own (dblp_priv.h): SQLite
 * with FTS5 was measured against it (README, "The DBLP index"). */
typedef struct lit_dblp_index lit_dblp_index;

/* Reads the DBLP dump xml_path (dblp.xml, or dblp.xml.gz; its DTD, which defines the
 * character entities such as &uuml;, must be beside it as the DOCTYPE names it) with
 * libxml2's streaming reader and writes the index idx_path atomically. Records kept:
 * article, inproceedings, proceedings, book, incollection, phdthesis, mastersthesis;
 * www (person pages), person and data records and publtype="withdrawn" ones are left
 * out. A record the index cannot hold (no key, no title, a field longer than 64 KiB)
 * is skipped with a located warning; a dump that is not well-formed XML is a located
 * error. The same dump gives the same bytes. Returns 0, or -1 with the error in d. */
int lit_dblp_index_build(const char *xml_path, const char *idx_path, lit_diag *d);

/* Opens an index written by lit_dblp_index_build. A file that is not one, of another
 * format version, truncated or inconsistent is an error (NULL), never a crash; a record
 * found damaged later is an error of the query that reads it. Close with
 * lit_dblp_index_close. */
lit_dblp_index *lit_dblp_index_open(const char *idx_path, lit_diag *d);

/* Appends to out (a scratch catalog) the records that may be paper p: the same DOI
 * (case-insensitive), the same arXiv id (without version), the same normalised title
 * (lit_title_norm; at most 32, the nearest p's year first), then up to max fuzzy
 * candidates: records that have at least 60% of the weight (idf) of the title's words,
 * found through its rarest words, ranked by that share, a year within one of p's and the
 * length of the title. Each record is appended once, in that order; a query reads a
 * bounded amount of the index whatever its size. Records are papers as
 * import_bib makes them of .bib entries: key = DBLP key (conf/sosp/NarayananHPSDGGZ19),
 * title (markup flattened, DBLP's final full stop dropped), authors (DBLP's homonym
 * digits dropped: "Wei Wang 0002" is "Wei Wang"), year, venue (the booktitle or the
 * journal as DBLP writes it: "SOSP", "Commun. ACM"), doi (from a doi.org <ee>), arxiv
 * (from an arXiv <ee> or CoRR's volume abs/XXXX.XXXXX), a paper link (the first other
 * <ee>), and extras bibtype (inproceedings, article, ...) and bib (pages as 12--34,
 * volume, number, month, publisher, series, booktitle or journal, school, isbn; what a
 * record lacks is taken from the proceedings or book its <crossref> names).
 * Returns the number of records appended, or -1 with an error in d (a damaged index). */
int lit_dblp_index_candidates(lit_dblp_index *ix, const lit_paper *p, size_t max, lit_catalog *out, lit_diag *d);

/* Appends the record with this DBLP key to out. Returns 1, 0 when there is none, or
 * -1 with an error in d. */
int lit_dblp_index_get(lit_dblp_index *ix, const char *key, lit_catalog *out, lit_diag *d);

/* Records in the index. */
size_t lit_dblp_index_count(const lit_dblp_index *ix);

void lit_dblp_index_close(lit_dblp_index *ix);

#endif
