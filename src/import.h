/* import.h - importers: paper lists (Markdown/plain text) and BibTeX into catalog papers. */
#ifndef LIT_IMPORT_H
#define LIT_IMPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "catalog.h"
#include "topics.h"
#include "venues.h"

typedef struct lit_import_opts {
    const lit_venues *venues;   /* venue aliases -> canonical ids */
    const lit_topics *topics;   /* section headings -> topic ids */
    bool strict;                /* --strict: the first bad entry fails the whole import
                                   (default: it is skipped with a located warning) */
    bool lenient;               /* --lenient: also skip bad lines (invalid UTF-8) and files */
} lit_import_opts;

/* Each importer appends the papers of one file to cat, every paper with a source
 * {list: file name without folder, line: 1-based line of the entry, section}.
 * data/len are the file's bytes, path names it in messages (FILE:LINE:COL).
 * Returns 0, or -1 after reporting (the caller then writes nothing). */
int lit_import_list(lit_catalog *cat, const char *path, const char *data, size_t len,
                    const lit_import_opts *o, lit_diag *d);
int lit_import_bib(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d);

#endif
