/* db.h - what every command reads: the catalog with its venue and topic tables. */
#ifndef LIT_DB_H
#define LIT_DB_H
#include "buf.h"
#include "catalog.h"
#include "topics.h"
#include "venues.h"

typedef struct lit_db {
    lit_catalog cat;
    lit_venues venues;
    lit_topics topics;
} lit_db;

/* Loads the catalog, then its venue and topic tables (lit_tables_load). */
int lit_db_load(lit_db *db, const char *catalog, const char *venues, const char *topics,
                lit_diag *d);
/* The venue and topic tables for the catalog at path catalog: each the file given
 * (venues, topics: --venues, --topics; NULL for none), else the table litsurvey ships
 * (lit_find_shipped) with the venues.yaml / topics.yaml in the catalog's folder added to
 * it (lit_venues_overlay) -- or standing alone, when that file is the shipped one or
 * says `replace: true`. Returns 0, or -1 after the messages. */
int lit_tables_load(lit_venues *vs, lit_topics *ts, const char *catalog, const char *venues, const char *topics,
                    lit_diag *d);
/* One line per table for `check`: where it comes from and what the catalog's folder adds. */
void lit_tables_describe(const lit_venues *vs, const lit_topics *ts, lit_buf *b);
/* The file SUB/NAME that ships with the program, relative to its own folder: under
 * PREFIX/share/litsurvey when installed (any PREFIX, DESTDIR), or in the clone it was
 * built in. Returns a malloc'd absolute path or NULL. */
char *lit_find_shipped(const char *sub, const char *name);
/* Finds the file NAME beside dir_of, in SUB beside it or next to its folder, in SUB of
 * the current folder, else the shipped one; returns a malloc'd path or NULL. For styles
 * ("styles", "talk.yaml"). */
char *lit_find_data(const char *dir_of, const char *sub, const char *name);
void lit_db_free(lit_db *db);

#endif
