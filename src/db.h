/* db.h - what every command reads: the catalog with its venue and topic tables. */
#ifndef LIT_DB_H
#define LIT_DB_H
#include "catalog.h"
#include "topics.h"
#include "venues.h"

typedef struct lit_db {
    lit_catalog cat;
    lit_venues venues;
    lit_topics topics;
} lit_db;

/* Loads the catalog, then venues.yaml and topics.yaml: from the paths given, else
 * beside the catalog, else from the installed share/litsurvey/data. */
int lit_db_load(lit_db *db, const char *catalog, const char *venues, const char *topics,
                lit_diag *d);
/* Finds the file NAME in the data folder beside dir_of or the installed one;
 * returns a malloc'd path or NULL. Also used for styles/ ("styles", "talk.yaml"). */
char *lit_find_data(const char *dir_of, const char *sub, const char *name);
void lit_db_free(lit_db *db);

#endif
