/* db.c - loads what every command reads: the catalog and its venue and topic tables. */
#include "db.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"

#include "config.h" /* LIT_DATADIR: written by the Makefile from PREFIX */

char *lit_find_data(const char *dir_of, const char *sub, const char *name)
{
    lit_buf dir = LIT_BUF_INIT, path = LIT_BUF_INIT;
    const char *slash = dir_of ? strrchr(dir_of, '/') : NULL;
    if (slash) lit_buf_add(&dir, dir_of, (size_t)(slash - dir_of));
    else lit_buf_adds(&dir, ".");
    const char *d = lit_buf_str(&dir);
    /* beside the file, in SUB beside it, in SUB next to its folder, in SUB here, installed */
    const char *fmts[] = {"%s/%.0s%s", "%s/%s/%s", "%s/../%s/%s", NULL, NULL};
    char *found = NULL;
    for (int i = 0; i < 5 && !found; i++) {
        lit_buf_reset(&path);
        if (i < 3) lit_buf_printf(&path, fmts[i], d, sub, name);
        else if (i == 3) lit_buf_printf(&path, "%s/%s", sub, name);
        else lit_buf_printf(&path, "%s/%s/%s", LIT_DATADIR, sub, name);
        if (access(lit_buf_str(&path), R_OK) == 0) found = lit_xstrdup(lit_buf_str(&path));
    }
    lit_buf_free(&dir);
    lit_buf_free(&path);
    return found;
}

int lit_db_load(lit_db *db, const char *catalog, const char *venues, const char *topics, lit_diag *d)
{
    memset(db, 0, sizeof *db);
    lit_catalog_init(&db->cat);
    if (lit_catalog_load(&db->cat, catalog, d) != 0) return -1;
    char *vp = venues ? lit_xstrdup(venues) : lit_find_data(catalog, "data", "venues.yaml");
    char *tp = topics ? lit_xstrdup(topics) : lit_find_data(catalog, "data", "topics.yaml");
    int rc = 0;
    if (!vp) rc = lit_io_error(d, NULL, "cannot find venues.yaml beside '%s' (use --venues FILE)", catalog);
    else if (!tp) rc = lit_io_error(d, NULL, "cannot find topics.yaml beside '%s' (use --topics FILE)", catalog);
    if (rc == 0) rc = lit_venues_load(&db->venues, vp, d);
    if (rc == 0) rc = lit_topics_load(&db->topics, tp, d);
    /* the catalog's own topics (section headings an import made topics) follow */
    if (rc == 0) rc = lit_topics_add_defs(&db->topics, &db->cat, d);
    free(vp);
    free(tp);
    return rc;
}

void lit_db_free(lit_db *db)
{
    lit_catalog_free(&db->cat);
    lit_venues_free(&db->venues);
    lit_topics_free(&db->topics);
}
