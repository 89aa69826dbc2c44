/* catalog.c - the paper/catalog model: papers, interned venue and topic names, one arena. */
#include "catalog.h"
#include "buf.h"
#include <errno.h>
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
    for (size_t i = 0; i < c->n_lists; i++) {
        free(c->lists[i].sections);
        free(c->lists[i].aside);
    }
    free(c->lists);
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

/* ---- lists ---- */

/* Where file is, or would go, in the lists (kept in file name order). */
static size_t list_slot(const lit_catalog *c, const char *file, bool *found)
{
    size_t lo = 0, hi = c->n_lists;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(c->lists[mid].file, file);
        if (r == 0) { *found = true; return mid; }
        if (r < 0) lo = mid + 1;
        else hi = mid;
    }
    *found = false;
    return lo;
}

lit_list *lit_catalog_find_list(const lit_catalog *c, const char *file)
{
    bool found;
    size_t i = list_slot(c, file, &found);
    return found ? &c->lists[i] : NULL;
}

lit_list *lit_catalog_begin_list(lit_catalog *c, const char *file)
{
    bool found;
    size_t i = list_slot(c, file, &found);
    if (!found) {
        LIT_GROW(c->lists, c->cap_lists, c->n_lists + 1);
        memmove(c->lists + i + 1, c->lists + i, (c->n_lists - i) * sizeof *c->lists);
        c->n_lists++;
        memset(&c->lists[i], 0, sizeof c->lists[i]);
        c->lists[i].file = lit_arena_strdup(&c->arena, file);
        return &c->lists[i];
    }
    lit_list *l = &c->lists[i];
    l->aside = l->sections;
    l->n_aside = l->n_sections;
    l->had_aside = true;
    l->sections = NULL;
    l->n_sections = l->cap_sections = 0;
    return l;
}

void lit_catalog_end_list(lit_catalog *c, const char *file, bool ok)
{
    bool found;
    size_t i = list_slot(c, file, &found);
    if (!found) return;
    lit_list *l = &c->lists[i];
    if (!ok && l->had_aside) {
        free(l->sections);
        l->sections = l->aside;
        l->n_sections = l->cap_sections = l->n_aside;
    } else if (!ok) {   /* a file imported for the first time that failed: no record */
        free(l->sections);
        memmove(c->lists + i, c->lists + i + 1, (c->n_lists - i - 1) * sizeof *c->lists);
        c->n_lists--;
        return;
    } else {
        free(l->aside);
    }
    l->aside = NULL;
    l->n_aside = 0;
    l->had_aside = false;
}

size_t lit_list_add_section(lit_catalog *c, lit_list *l, const char *heading, int level, long line)
{
    LIT_GROW(l->sections, l->cap_sections, l->n_sections + 1);
    l->sections[l->n_sections] = (lit_section){lit_arena_strdup(&c->arena, heading), NULL, level, line};
    return l->n_sections++;
}

void lit_paper_url(lit_buf *u, const lit_paper *p)
{
    for (uint32_t i = 0; i < p->n_links; i++) {
        const char *url = p->links[i].url;
        if (p->links[i].kind && strcmp(p->links[i].kind, "paper") == 0 && url &&
            (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
            lit_buf_adds(u, url);
            return;
        }
    }
    if (p->doi && *p->doi) lit_buf_printf(u, "https://doi.org/%s", p->doi);
    else if (p->arxiv && *p->arxiv) lit_buf_printf(u, "https://arxiv.org/abs/%s", p->arxiv);
}

const lit_node *lit_paper_extra(const lit_paper *p, const char *key, enum lit_node_kind kind)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (strcmp(p->extras[i].key, key) == 0 && p->extras[i].value.kind == kind) return &p->extras[i].value;
    return NULL;
}

long long lit_source_date_epoch(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (!e || !*e) return -1;
    char *end;
    errno = 0;
    long long v = strtoll(e, &end, 10);
    return !*end && !errno && v >= 0 && v < 253402300800LL ? v : -1;   /* to 9999-12-31 */
}

long long lit_catalog_date(const lit_catalog *c)
{
    long long e = lit_source_date_epoch();
    return e >= 0 ? e : c->mtime > 0 ? c->mtime : -1;
}

const char *lit_paper_first_list(const lit_paper *p) { return p->n_sources ? p->sources[0].list : NULL; }
long lit_paper_first_line(const lit_paper *p) { return p->n_sources ? p->sources[0].line : p->line; }

int lit_paper_place_cmp(const lit_paper *a, const lit_paper *b)
{
    const char *la = lit_paper_first_list(a), *lb = lit_paper_first_list(b);
    int r = strcmp(la ? la : "", lb ? lb : "");
    if (r) return r;
    long x = lit_paper_first_line(a), y = lit_paper_first_line(b);
    if (x != y) return x < y ? -1 : 1;
    return strcmp(a->title ? a->title : "", b->title ? b->title : "");
}
