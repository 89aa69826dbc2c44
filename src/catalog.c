/* catalog.c - the paper/catalog model: papers, interned venue and topic names, one arena. */
#include "catalog.h"
#include <stdlib.h>
#include <string.h>

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void rehash(lit_strtab *t, size_t nslots)
{
    free(t->slots);
    t->slots = lit_xcalloc(nslots, sizeof *t->slots);
    t->nslots = nslots;
    for (size_t i = 0; i < t->n; i++) {
        size_t j = hash_str(t->names[i]) & (nslots - 1);
        while (t->slots[j]) j = (j + 1) & (nslots - 1);
        t->slots[j] = (uint32_t)i + 1;
    }
}

int32_t lit_strtab_find(const lit_strtab *t, const char *s)
{
    if (!t->nslots) return -1;
    for (size_t j = hash_str(s) & (t->nslots - 1); t->slots[j]; j = (j + 1) & (t->nslots - 1))
        if (strcmp(t->names[t->slots[j] - 1], s) == 0) return (int32_t)t->slots[j] - 1;
    return -1;
}

int32_t lit_strtab_intern(lit_strtab *t, lit_arena *a, const char *s)
{
    int32_t i = lit_strtab_find(t, s);
    if (i >= 0) return i;
    LIT_GROW(t->names, t->cap, t->n + 1);
    t->names[t->n] = lit_arena_strdup(a, s);
    t->n++;
    if (t->n * 2 > t->nslots) rehash(t, t->nslots ? t->nslots * 2 : 64);
    else {
        size_t j = hash_str(s) & (t->nslots - 1);
        while (t->slots[j]) j = (j + 1) & (t->nslots - 1);
        t->slots[j] = (uint32_t)t->n;
    }
    return (int32_t)t->n - 1;
}

void lit_strtab_free(lit_strtab *t)
{
    free(t->names);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

void lit_catalog_init(lit_catalog *c) { memset(c, 0, sizeof *c); }

void lit_catalog_free(lit_catalog *c)
{
    free(c->papers);
    free(c->topic_defs);
    lit_strtab_free(&c->venues);
    lit_strtab_free(&c->topics);
    lit_arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}

lit_paper *lit_catalog_add(lit_catalog *c)
{
    LIT_GROW(c->papers, c->cap_papers, c->n_papers + 1);
    lit_paper *p = &c->papers[c->n_papers++];
    memset(p, 0, sizeof *p);
    p->venue = -1;
    return p;
}

int32_t lit_catalog_venue_id(lit_catalog *c, const char *name)
{
    return lit_strtab_intern(&c->venues, &c->arena, name);
}

int32_t lit_catalog_topic_id(lit_catalog *c, const char *name)
{
    return lit_strtab_intern(&c->topics, &c->arena, name);
}

const char *lit_catalog_venue(const lit_catalog *c, int32_t id)
{
    return id >= 0 && (size_t)id < c->venues.n ? c->venues.names[id] : NULL;
}

const char *lit_catalog_topic(const lit_catalog *c, int32_t id)
{
    return id >= 0 && (size_t)id < c->topics.n ? c->topics.names[id] : NULL;
}

long lit_catalog_find(const lit_catalog *c, const char *key)
{
    for (size_t i = 0; i < c->n_papers; i++)
        if (strcmp(c->papers[i].key, key) == 0) return (long)i;
    return -1;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const lit_paper *)a)->key, ((const lit_paper *)b)->key);
}

void lit_catalog_sort(lit_catalog *c)
{
    if (c->n_papers > 1) qsort(c->papers, c->n_papers, sizeof *c->papers, by_key);
}

const lit_node *lit_paper_extra(const lit_paper *p, const char *key, enum lit_node_kind kind)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (strcmp(p->extras[i].key, key) == 0 && p->extras[i].value.kind == kind) return &p->extras[i].value;
    return NULL;
}
