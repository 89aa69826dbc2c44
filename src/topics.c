/* topics.c - the topic taxonomy of data/topics.yaml: ids, labels, short labels, parents, section aliases. */
#include "topics.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "yread.h"

char *lit_alias_key(const char *s)
{
    char *k = lit_xmalloc(strlen(s) + 1), *o = k;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (isalnum(*p) && *p < 0x80) *o++ = (char)tolower(*p);
        else if (*p >= 0x80) *o++ = (char)*p;
    *o = '\0';
    return k;
}

int32_t lit_alias_map_add(lit_alias_map *m, lit_arena *a, const char *name, int32_t ix)
{
    char *k = lit_alias_key(name);
    int32_t slot = *k ? lit_strtab_find(&m->keys, k) : -1, rc = ix;
    if (!*k) rc = -2;
    else if (slot >= 0) rc = m->ix[slot];
    else {
        slot = lit_strtab_intern(&m->keys, a, k);
        m->ix = lit_xrealloc(m->ix, m->keys.cap * sizeof *m->ix);
        m->ix[slot] = ix;
    }
    free(k);
    return rc;
}

int32_t lit_alias_map_find(const lit_alias_map *m, const char *name)
{
    char *k = lit_alias_key(name);
    int32_t slot = lit_strtab_find(&m->keys, k);
    free(k);
    return slot >= 0 ? m->ix[slot] : -1;
}

void lit_alias_map_free(lit_alias_map *m)
{
    lit_strtab_free(&m->keys);
    free(m->ix);
    memset(m, 0, sizeof *m);
}

/* Adds a name for topic ix; a name of two topics is an error. */
static int add_key(lit_topics *ts, lit_yread *r, const char *name, int32_t ix)
{
    int32_t got = lit_alias_map_add(&ts->names, &ts->arena, name, ix);
    if (got == -2) return lit_yread_error(r, "'%s' has no letters or digits", name);
    if (got != ix) return lit_yread_error(r, "'%s' already names topic '%s'", name, ts->t[got].id);
    return 0;
}

static int read_topic(lit_yread *r, void *ctx)
{
    lit_topics *ts = ctx;
    LIT_GROW(ts->t, ts->cap, ts->n + 1);
    lit_topic *t = &ts->t[ts->n];
    memset(t, 0, sizeof *t);
    t->parent_ix = -1;
    t->line = r->line;
    long col = t->col = r->col;
    lit_ykeys seen = {0};
    int rc = lit_yread_expect(r, LIT_Y_MAP, "a topic (a mapping with id, label, short, parent, aliases)");
    while (rc == 0 && lit_yread_next(r) == LIT_Y_SCALAR) {
        if ((rc = lit_yread_key_once(r, &seen)) != 0) break;
        char key[32];
        snprintf(key, sizeof key, "%s", r->str);
        lit_yread_next(r);
        if (strcmp(key, "id") == 0) rc = lit_yread_str(r, &ts->arena, &t->id);
        else if (strcmp(key, "label") == 0) rc = lit_yread_str(r, &ts->arena, &t->label);
        else if (strcmp(key, "short") == 0) {
            /* absent means none; written but empty is a mistake worth a place */
            if (r->tok == LIT_Y_SCALAR && (r->len == 0 || lit_yread_is_null(r)))
                rc = lit_yread_error(r, "'short' is empty (leave it out when the label is short enough)");
            else rc = lit_yread_str(r, &ts->arena, &t->short_label);
        }
        else if (strcmp(key, "parent") == 0) {
            t->parent_line = r->line;
            t->parent_col = r->col;
            rc = lit_yread_is_null(r) ? 0 : lit_yread_str(r, &ts->arena, &t->parent);
        }
        else if (strcmp(key, "aliases") == 0) rc = lit_yread_str_list(r, &ts->arena, &t->aliases, &t->n_aliases);
        else rc = lit_yread_error(r, "unknown key '%s' (id, label, short, parent, aliases)", key);
    }
    lit_ykeys_free(&seen);
    if (rc == 0) rc = lit_yread_expect(r, LIT_Y_MAP_END, "a key");
    if (rc != 0) return -1;
    if (!t->id || !*t->id) return lit_error(r->diag, r->file, t->line, col, "topic without 'id'");
    /* an entry with only an id of an earlier topic and aliases adds them to that topic
     * (a fragment from `import --topics-out`, appended as it is) */
    int32_t earlier = lit_topics_find(ts, t->id);
    if (earlier >= 0 && !strcmp(ts->t[earlier].id, t->id) && !t->label && !t->short_label && !t->parent &&
        t->n_aliases) {
        lit_topic *e = &ts->t[earlier];
        const char **all = lit_arena_alloc(&ts->arena, (e->n_aliases + t->n_aliases) * sizeof *all);
        if (e->n_aliases) memcpy(all, e->aliases, e->n_aliases * sizeof *all);
        memcpy(all + e->n_aliases, t->aliases, t->n_aliases * sizeof *all);
        long line = r->line, c2 = r->col;
        r->line = t->line;
        r->col = col;
        for (size_t i = 0; rc == 0 && i < t->n_aliases; i++) rc = add_key(ts, r, t->aliases[i], earlier);
        r->line = line;
        r->col = c2;
        e->aliases = all;
        e->n_aliases += t->n_aliases;
        return rc;
    }
    if (!t->label) t->label = t->id;
    int32_t ix = (int32_t)ts->n;
    long line = r->line, c2 = r->col;
    r->line = t->line;
    r->col = col;
    rc = add_key(ts, r, t->id, ix);
    if (rc == 0) rc = add_key(ts, r, t->label, ix);
    if (rc == 0 && t->short_label) rc = add_key(ts, r, t->short_label, ix);
    for (size_t i = 0; rc == 0 && i < t->n_aliases; i++) rc = add_key(ts, r, t->aliases[i], ix);
    r->line = line;
    r->col = c2;
    if (rc == 0) ts->n++;
    return rc;
}

/* A topic on a cycle of parents (the first such cycle met in file order from `from`),
 * or -1. Each topic is walked once (a chain of 100,000 topics is 100,000 steps, not 5
 * billion): 1 marks the walk under way, 2 a topic whose parents end. */
static long first_in_cycle(const lit_topics *ts, size_t from)
{
    unsigned char *state = lit_xcalloc(ts->n + 1, 1);
    long bad = -1;
    for (size_t i = from; i < ts->n && bad < 0; i++) {
        int t = (int)i;
        while (t >= 0 && !state[t]) {
            state[t] = 1;
            t = ts->t[t].parent_ix;
        }
        if (t >= 0 && state[t] == 1) bad = t;   /* back on this walk: t is on a cycle */
        for (t = (int)i; t >= 0 && state[t] == 1; t = ts->t[t].parent_ix) state[t] = 2;
    }
    free(state);
    return bad;
}

/* Parents must name topics (by id); following them must end (no cycles). */
static int link_parents(lit_topics *ts, lit_diag *d)
{
    for (size_t i = 0; i < ts->n; i++) {
        lit_topic *t = &ts->t[i];
        if (!t->parent) continue;
        int j = lit_topics_find(ts, t->parent);   /* names are unique: the id's topic, if any */
        if (j < 0 || strcmp(ts->t[j].id, t->parent) != 0)
            return lit_error(d, ts->path, t->parent_line, t->parent_col, "topic '%s' has unknown parent '%s'", t->id,
                             t->parent);
        t->parent_ix = j;
    }
    long bad = first_in_cycle(ts, 0);
    if (bad >= 0)
        return lit_error(d, ts->path, ts->t[bad].parent_line, ts->t[bad].parent_col, "topic '%s' is its own ancestor",
                         ts->t[bad].id);
    return 0;
}

int lit_topics_load(lit_topics *ts, const char *path, lit_diag *d)
{
    memset(ts, 0, sizeof *ts);
    ts->path = lit_arena_strdup(&ts->arena, path);
    int rc = lit_yread_doc_list(path, "topics", read_topic, ts, d);
    if (rc == 0) rc = link_parents(ts, d);
    ts->n_loaded = ts->n;
    return rc;
}

int lit_topics_add(lit_topics *ts, const char *id, const char *label, int parent_ix)
{
    if (lit_topics_find(ts, id) >= 0) return -1;
    int32_t ix = (int32_t)ts->n;
    if (lit_alias_map_add(&ts->names, &ts->arena, id, ix) != ix) return -1;
    LIT_GROW(ts->t, ts->cap, ts->n + 1);
    lit_topic *t = &ts->t[ts->n++];
    memset(t, 0, sizeof *t);
    t->id = lit_arena_strdup(&ts->arena, id);
    t->label = lit_arena_strdup(&ts->arena, label ? label : id);
    t->parent_ix = parent_ix;
    t->parent = parent_ix >= 0 ? ts->t[parent_ix].id : NULL;
    lit_alias_map_add(&ts->names, &ts->arena, t->label, ix);
    return ix;
}

int lit_topics_add_defs(lit_topics *ts, const lit_catalog *c, lit_diag *d)
{
    size_t from = ts->n;
    const lit_topic_def **def = lit_xcalloc(c->n_topic_defs + 1, sizeof *def);
    for (size_t i = 0; i < c->n_topic_defs; i++)
        if (lit_topics_add(ts, c->topic_defs[i].id, c->topic_defs[i].label, -1) >= 0) def[ts->n - 1 - from] = &c->topic_defs[i];
    int rc = 0;
    for (size_t i = from; i < ts->n && rc == 0; i++) {
        const lit_topic_def *t = def[i - from];
        if (!t->parent) continue;
        int p = lit_topics_find(ts, t->parent);
        if (p < 0) rc = lit_error(d, c->path, t->line, t->col, "topic '%s' has unknown parent '%s'", t->id, t->parent);
        ts->t[i].parent_ix = p;
        ts->t[i].parent = p >= 0 ? ts->t[p].id : NULL;
    }
    long bad = rc == 0 ? first_in_cycle(ts, from) : -1;
    if (bad >= 0) {
        const lit_topic_def *t = def[bad - (long)from];
        rc = lit_error(d, c->path, t->line, t->col, "topic '%s' is its own ancestor", t->id);
    }
    free(def);
    ts->n_loaded = ts->n;
    return rc;
}

void lit_topics_free(lit_topics *ts)
{
    free(ts->t);
    lit_alias_map_free(&ts->names);
    lit_arena_free(&ts->arena);
    memset(ts, 0, sizeof *ts);
}

int lit_topics_find(const lit_topics *ts, const char *name)
{
    return ts && name ? lit_alias_map_find(&ts->names, name) : -1;
}
