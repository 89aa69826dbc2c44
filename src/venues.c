/* venues.c - the venue table of data/venues.yaml: canonical ids, full names, kinds, aliases. */
#include "venues.h"
#include <stdlib.h>
#include <string.h>
#include "topics.h"
#include "yread.h"

static const char *const kind_names[] = {"conference", "journal", "workshop", "preprint", "other"};

const char *lit_venue_kind_name(lit_venue_kind k)
{
    return k <= LIT_VENUE_OTHER ? kind_names[k] : "other";
}

int lit_venue_is_reviewed(const lit_venue *v)
{
    return v && (v->kind == LIT_VENUE_CONFERENCE || v->kind == LIT_VENUE_JOURNAL || v->kind == LIT_VENUE_WORKSHOP);
}

/* Adds a name for venue ix; an alias of two venues is an error. */
static int add_key(lit_venues *vs, lit_yread *r, const char *name, int32_t ix)
{
    int32_t got = lit_alias_map_add(&vs->names, &vs->arena, name, ix);
    if (got == -2) return lit_yread_error(r, "'%s' has no letters or digits", name);
    if (got != ix) return lit_yread_error(r, "'%s' already names venue '%s'", name, vs->v[got].id);
    return 0;
}

static int read_venue(lit_venues *vs, lit_yread *r, size_t *cap)
{
    LIT_GROW(vs->v, *cap, vs->n + 1);
    lit_venue *v = &vs->v[vs->n];
    memset(v, 0, sizeof *v);
    v->kind = LIT_VENUE_CONFERENCE;
    v->line = r->line;
    long col = r->col;
    lit_ykeys seen = {0};
    long alias_line = 0, alias_col = 0;
    int rc = lit_yread_expect(r, LIT_Y_MAP, "a venue (a mapping with id, name, kind, area, aliases)");
    while (rc == 0 && lit_yread_next(r) == LIT_Y_SCALAR) {
        if ((rc = lit_yread_key_once(r, &seen)) != 0) break;
        char key[32];
        snprintf(key, sizeof key, "%s", r->str);
        long kl = r->line, kc = r->col;
        lit_yread_next(r);
        if (strcmp(key, "id") == 0) rc = lit_yread_str(r, &vs->arena, &v->id);
        else if (strcmp(key, "name") == 0) rc = lit_yread_str(r, &vs->arena, &v->name);
        else if (strcmp(key, "publisher") == 0) rc = lit_yread_is_null(r) ? 0 : lit_yread_str(r, &vs->arena, &v->publisher);
        else if (strcmp(key, "area") == 0) rc = lit_yread_str(r, &vs->arena, &v->area);
        else if (strcmp(key, "aliases") == 0) {
            alias_line = r->line;
            alias_col = r->col;
            rc = lit_yread_str_list(r, &vs->arena, &v->aliases, &v->n_aliases);
        } else if (strcmp(key, "kind") == 0) {
            if ((rc = lit_yread_expect(r, LIT_Y_SCALAR, "a venue kind")) != 0) break;
            size_t k = 0;
            while (k <= LIT_VENUE_OTHER && strcmp(r->str, kind_names[k]) != 0) k++;
            if (k > LIT_VENUE_OTHER)
                rc = lit_yread_error(r, "unknown venue kind '%s' (conference, journal, workshop, preprint, other)", r->str);
            v->kind = (lit_venue_kind)k;
        } else {
            r->line = kl;
            r->col = kc;
            rc = lit_yread_error(r, "unknown key '%s' (id, name, publisher, kind, area, aliases)", key);
        }
    }
    lit_ykeys_free(&seen);
    if (rc == 0) rc = lit_yread_expect(r, LIT_Y_MAP_END, "a key");
    if (rc != 0) return -1;
    if (!v->id || !*v->id) return lit_error(r->diag, r->file, v->line, col, "venue without 'id'");
    if (!v->name) v->name = v->id;
    if (!v->area) v->area = "other";
    int32_t ix = (int32_t)vs->n;
    long line = r->line, c2 = r->col;
    r->line = v->line;
    r->col = col;
    rc = add_key(vs, r, v->id, ix);
    r->line = alias_line ? alias_line : v->line;
    r->col = alias_line ? alias_col : col;
    for (size_t i = 0; rc == 0 && i < v->n_aliases; i++) rc = add_key(vs, r, v->aliases[i], ix);
    r->line = line;
    r->col = c2;
    if (rc == 0) vs->n++;
    return rc;
}

/* Each entry grows the table by one; cap is the array's capacity. */
typedef struct loading { lit_venues *t; size_t cap; } loading;

static int read_entry(lit_yread *r, void *ctx)
{
    loading *l = ctx;
    return read_venue(l->t, r, &l->cap);
}

int lit_venues_load(lit_venues *vs, const char *path, lit_diag *d)
{
    memset(vs, 0, sizeof *vs);
    vs->path = lit_arena_strdup(&vs->arena, path);
    loading l = {vs, 0};
    int rc = lit_yread_doc_list(path, "venues", read_entry, &l, d);
    return rc;
}

void lit_venues_free(lit_venues *vs)
{
    free(vs->v);
    lit_alias_map_free(&vs->names);
    lit_arena_free(&vs->arena);
    memset(vs, 0, sizeof *vs);
}

const lit_venue *lit_venues_find(const lit_venues *vs, const char *name)
{
    int32_t ix = vs && name ? lit_alias_map_find(&vs->names, name) : -1;
    return ix >= 0 ? &vs->v[ix] : NULL;
}
