/* db.c - loads what every command reads: the catalog and its venue and topic tables. */
#include "db.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buf.h"
#include "outfile.h"
#include "yread.h"

/* Where the tables and styles ship, relative to the program's own folder: PREFIX/share/
 * litsurvey beside PREFIX/bin (make install, any PREFIX or DESTDIR), or the clone a binary
 * was built in (./litsurvey, build/rel/litsurvey, BUILDDIR/NAME/rel/litsurvey). */
static const char *const shipped_dirs[] = {"/../share/litsurvey", "", "/..", "/../..", "/../../.."};

char *lit_find_shipped(const char *sub, const char *name)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = 0;
    lit_buf path = LIT_BUF_INIT;
    char *found = NULL;
    for (size_t i = 0; i < sizeof shipped_dirs / sizeof *shipped_dirs && !found; i++) {
        lit_buf_reset(&path);
        lit_buf_printf(&path, "%s%s/%s/%s", exe, shipped_dirs[i], sub, name);
        if (access(lit_buf_str(&path), R_OK) == 0) found = realpath(lit_buf_str(&path), NULL);
    }
    lit_buf_free(&path);
    return found;
}

/* The folder of a file named by path ("." for a bare name); malloc'd. */
static char *folder_of(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!slash) return lit_xstrdup(".");
    char *dir = lit_xstrdup(path);
    dir[slash == path ? 1 : slash - path] = 0;
    return dir;
}

char *lit_find_data(const char *dir_of, const char *sub, const char *name)
{
    char *dir = folder_of(dir_of);
    lit_buf path = LIT_BUF_INIT;
    /* beside the file, in SUB beside it, in SUB next to its folder, in SUB here */
    const char *fmts[] = {"%s/%.0s%s", "%s/%s/%s", "%s/../%s/%s"};
    char *found = NULL;
    for (int i = 0; i < 4 && !found; i++) {
        lit_buf_reset(&path);
        if (i < 3) lit_buf_printf(&path, fmts[i], dir, sub, name);
        else lit_buf_printf(&path, "%s/%s", sub, name);
        if (access(lit_buf_str(&path), R_OK) == 0) found = lit_xstrdup(lit_buf_str(&path));
    }
    lit_buf_free(&path);
    free(dir);
    return found ? found : lit_find_shipped(sub, name);
}

/* Whether the table at path says `replace: true`. Read silently: an error in it is
 * reported when it is loaded. */
static bool stands_alone(const char *path, const char *key)
{
    FILE *null = fopen("/dev/null", "w");
    if (!null) return false;
    lit_diag quiet;
    lit_diag_init(&quiet, null);
    bool replace = false;
    int rc = lit_yread_doc_list(path, key, NULL, NULL, &replace, &quiet);
    fclose(null);
    return rc == 0 && replace;
}

/* One table: the path given, else the shipped one with the file of that name beside the
 * catalog added to it (or standing alone when it says `replace: true`). *over gets the
 * path of that file when it was added. Returns 0, or -1 after the message. */
static int table_paths(const char *catalog, const char *given, const char *name, char **base, char **over,
                       char **edit, lit_diag *d)
{
    *base = *over = NULL;
    if (given) {
        *base = lit_xstrdup(given);
        *edit = lit_xstrdup(given);
        return 0;
    }
    char *dir = folder_of(catalog);
    lit_buf b = LIT_BUF_INIT;
    if (strcmp(dir, ".") == 0) lit_buf_adds(&b, name);
    else lit_buf_printf(&b, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    free(dir);
    *edit = lit_xstrdup(lit_buf_str(&b));
    char *local = access(*edit, R_OK) == 0 ? lit_xstrdup(*edit) : NULL;
    lit_buf_free(&b);
    char *shipped = lit_find_shipped("data", name);
    if (local && (!shipped || lit_same_target(local, shipped) ||
                  stands_alone(local, strcmp(name, "venues.yaml") ? "topics" : "venues"))) {
        /* the shipped table itself (a clone's data/), or one that stands alone */
        free(shipped);
        *base = local;
        return 0;
    }
    if (!shipped) {
        free(local);
        lit_io_error(d, NULL, "cannot find the %s litsurvey ships (it belongs in the share/litsurvey/data folder "
                     "beside the program's bin folder: run make install), nor one beside '%s'", name, catalog);
        return -1;
    }
    *base = shipped;
    *over = local;
    return 0;
}

int lit_tables_load(lit_venues *vs, lit_topics *ts, const char *catalog, const char *venues, const char *topics,
                    lit_diag *d)
{
    memset(vs, 0, sizeof *vs);
    memset(ts, 0, sizeof *ts);
    char *vb = NULL, *vo = NULL, *ve = NULL, *tb = NULL, *to = NULL, *te = NULL;
    int rc = table_paths(catalog, venues, "venues.yaml", &vb, &vo, &ve, d);
    if (rc == 0) rc = table_paths(catalog, topics, "topics.yaml", &tb, &to, &te, d);
    if (rc == 0) rc = lit_venues_load(vs, vb, d);
    if (rc == 0 && vo) rc = lit_venues_overlay(vs, vo, d);
    if (rc == 0) rc = lit_topics_load(ts, tb, d);
    if (rc == 0 && to) rc = lit_topics_overlay(ts, to, d);
    if (rc == 0) {
        vs->over.edit = lit_arena_strdup(&vs->arena, ve);
        ts->over.edit = lit_arena_strdup(&ts->arena, te);
    }
    free(vb); free(vo); free(ve);
    free(tb); free(to); free(te);
    return rc;
}

static void overlay_line(lit_buf *b, const char *what, const char *path, size_t n, const lit_overlay *o)
{
    lit_buf_printf(b, "%s: %zu from %s", what, n, path);
    if (!o->path) {
        lit_buf_addc(b, '\n');
        return;
    }
    lit_buf_printf(b, ", extended by %s: %zu added", o->path, o->n_added);
    for (size_t i = 0; i < o->n_added && i < 8; i++) lit_buf_printf(b, "%s%s", i ? ", " : " (", o->added[i]);
    lit_buf_adds(b, o->n_added > 8 ? ", ...)" : o->n_added ? ")" : "");
    lit_buf_printf(b, ", %zu overridden", o->n_changed);
    for (size_t i = 0; i < o->n_changed && i < 8; i++) lit_buf_printf(b, "%s%s", i ? ", " : " (", o->changed[i]);
    lit_buf_adds(b, o->n_changed > 8 ? ", ...)\n" : o->n_changed ? ")\n" : "\n");
}

void lit_tables_describe(const lit_venues *vs, const lit_topics *ts, lit_buf *b)
{
    overlay_line(b, "venues", vs->path, vs->n, &vs->over);
    overlay_line(b, "topics", ts->path, ts->n_loaded, &ts->over);
}

int lit_db_load(lit_db *db, const char *catalog, const char *venues, const char *topics, lit_diag *d)
{
    memset(db, 0, sizeof *db);
    lit_catalog_init(&db->cat);
    if (lit_catalog_load(&db->cat, catalog, d) != 0) return -1;
    int rc = lit_tables_load(&db->venues, &db->topics, catalog, venues, topics, d);
    /* the catalog's own topics (section headings an import made topics) follow */
    if (rc == 0) rc = lit_topics_add_defs(&db->topics, &db->cat, d);
    return rc;
}

void lit_db_free(lit_db *db)
{
    lit_catalog_free(&db->cat);
    lit_venues_free(&db->venues);
    lit_topics_free(&db->topics);
}
