/* catalog_yaml.c - catalog load (straight from libyaml events into the arena) and save. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#include "catalog.h"
#include "input.h"
#include "outfile.h"
#include "yread.h"

/* Names seen in one mapping, to refuse repeats: a linear scan while they are few, a hash
 * of their indices beyond (a paper with 100,000 extra keys must not take n^2 time). The
 * names are the first member of each element of an array (lit_extra.key, lit_link.kind). */
typedef struct nameset { uint32_t *slots; size_t nslots, n; } nameset;
#define NAME_AT(base, stride, i) (*(const char *const *)(const void *)((const char *)(base) + (i) * (stride)))

static size_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* Whether s is among the n names at base. */
static int nameset_has(nameset *ns, const void *base, size_t stride, size_t n, const char *s)
{
    if (n < 16) {
        for (size_t i = 0; i < n; i++)
            if (strcmp(NAME_AT(base, stride, i), s) == 0) return 1;
        return 0;
    }
    if (n * 2 >= ns->nslots) {
        size_t want = ns->nslots ? ns->nslots : 64;
        while (n * 2 >= want) want *= 2;
        free(ns->slots);
        ns->slots = lit_xcalloc(want, sizeof *ns->slots);
        ns->nslots = want;
        ns->n = 0;
    }
    size_t mask = ns->nslots - 1;
    for (; ns->n < n; ns->n++) {
        size_t j = name_hash(NAME_AT(base, stride, ns->n)) & mask;
        while (ns->slots[j]) j = (j + 1) & mask;
        ns->slots[j] = (uint32_t)ns->n + 1;
    }
    for (size_t j = name_hash(s) & mask; ns->slots[j]; j = (j + 1) & mask)
        if (strcmp(NAME_AT(base, stride, ns->slots[j] - 1), s) == 0) return 1;
    return 0;
}

static void nameset_reset(nameset *ns)
{
    if (ns->n) memset(ns->slots, 0, ns->nslots * sizeof *ns->slots);
    ns->n = 0;
}

/* The papers' keys, to refuse a repeated one: a hash of paper indices whose slots keep
 * the upper half of each key's hash, so that a probe rarely touches another key's text
 * and growing never rehashes a string. (The key is not copied again.) */
typedef struct keyset { uint64_t *slots; size_t nslots, n; } keyset;

static uint64_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a, then a final mix for the upper half */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h ^ (h >> 29) * 0xbf58476d1ce4e5b9ULL;
}

/* Index of the paper with key among the set, or -1. */
static long keyset_find(const keyset *ks, const lit_paper *papers, const char *key, uint64_t h)
{
    if (!ks->nslots) return -1;
    size_t mask = ks->nslots - 1;
    for (size_t j = (size_t)h & mask; ks->slots[j]; j = (j + 1) & mask)
        if ((ks->slots[j] >> 32) == (h >> 32) && strcmp(papers[(uint32_t)ks->slots[j] - 1].key, key) == 0)
            return (long)(uint32_t)ks->slots[j] - 1;
    return -1;
}

/* Adds paper i; returns -1, or the index of an earlier paper with the same key. */
static long keyset_add(keyset *ks, const lit_paper *papers, size_t i)
{
    uint64_t h = key_hash(papers[i].key);
    long dup = keyset_find(ks, papers, papers[i].key, h);
    if (dup >= 0) return dup;
    if ((ks->n + 1) * 2 > ks->nslots) {
        size_t want = ks->nslots ? ks->nslots * 2 : 1024;
        uint64_t *ns = lit_xcalloc(want, sizeof *ns);
        for (size_t j = 0; j < ks->nslots; j++) {
            if (!ks->slots[j]) continue;
            /* the slot keeps only the upper half: rebuild the index bits from the key */
            uint64_t hj = key_hash(papers[(uint32_t)ks->slots[j] - 1].key);
            size_t k = (size_t)hj & (want - 1);
            while (ns[k]) k = (k + 1) & (want - 1);
            ns[k] = ks->slots[j];
        }
        free(ks->slots);
        ks->slots = ns;
        ks->nslots = want;
    }
    size_t mask = ks->nslots - 1, j = (size_t)h & mask;
    while (ks->slots[j]) j = (j + 1) & mask;
    ks->slots[j] = (h >> 32) << 32 | (uint64_t)(i + 1);
    ks->n++;
    return -1;
}

/* Scratch arrays reused for every paper; copied into the arena at its end. */
typedef struct scratch {
    nameset extra_keys, link_kinds;
    const char **authors; size_t n_authors, cap_authors;
    int32_t *topics; size_t n_topics, cap_topics;
    lit_link *links; size_t n_links, cap_links;
    lit_source *sources; size_t n_sources, cap_sources;
    lit_extra *extras; size_t n_extras, cap_extras;
} scratch;

static void *arena_copy(lit_arena *a, const void *src, size_t n, size_t elem)
{
    if (!n) return NULL;
    return memcpy(lit_arena_alloc(a, n * elem), src, n * elem);
}

/* Optional string: null means absent. */
static int opt_str(lit_yread *r, lit_arena *a, const char **out)
{
    if (lit_yread_is_null(r)) {
        *out = NULL;
        return 0;
    }
    return lit_yread_str(r, a, out);
}

static int read_node(lit_yread *r, lit_arena *a, lit_node *n)
{
    memset(n, 0, sizeof *n);
    if (r->tok == LIT_Y_SCALAR) {
        n->kind = LIT_NODE_SCALAR;
        n->quoted = !r->plain;
        n->str = lit_arena_strndup(a, r->str, r->len);
        return 0;
    }
    if (r->tok != LIT_Y_SEQ && r->tok != LIT_Y_MAP) return lit_yread_expect(r, LIT_Y_SCALAR, "a value");
    int end = r->tok == LIT_Y_SEQ ? LIT_Y_SEQ_END : LIT_Y_MAP_END;
    n->kind = r->tok == LIT_Y_SEQ ? LIT_NODE_SEQ : LIT_NODE_MAP;
    lit_node *items = NULL;
    size_t cnt = 0, cap = 0;
    int rc = 0;
    lit_ykeys keys = {0};
    while (lit_yread_next(r) != end) {
        if (r->tok == LIT_Y_ERROR) { rc = -1; break; }
        if (n->kind == LIT_NODE_MAP && (cnt % 2) == 0 && lit_yread_key_once(r, &keys) != 0) { rc = -1; break; }
        LIT_GROW(items, cap, cnt + 1);
        if (read_node(r, a, &items[cnt++]) != 0) { rc = -1; break; }
    }
    lit_ykeys_free(&keys);
    n->items = arena_copy(a, items, cnt, sizeof *items);
    n->n = n->kind == LIT_NODE_MAP ? cnt / 2 : cnt;
    free(items);
    return rc;
}

static int valid_key(const char *k)
{
    if (!*k) return 0;
    for (const unsigned char *s = (const unsigned char *)k; *s; s++)
        if (*s <= ' ' || *s == 0x7f || strchr(",{}\"'%#~\\", *s)) return 0;   /* UTF-8 letters: biber's keys */
    return 1;
}

static int read_links(lit_yread *r, lit_catalog *c, scratch *s)
{
    if (lit_yread_is_null(r)) return 0;
    if (lit_yread_expect(r, LIT_Y_MAP, "a mapping of link kinds to URLs") != 0) return -1;
    nameset_reset(&s->link_kinds);
    while (lit_yread_next(r) == LIT_Y_SCALAR) {
        if (nameset_has(&s->link_kinds, s->links, sizeof *s->links, s->n_links, r->str))
            return lit_yread_error(r, "duplicate key '%s'", r->str);
        LIT_GROW(s->links, s->cap_links, s->n_links + 1);
        lit_link *l = &s->links[s->n_links++];
        l->kind = lit_arena_strndup(&c->arena, r->str, r->len);
        lit_yread_next(r);
        if (lit_yread_str(r, &c->arena, &l->url) != 0) return -1;
    }
    return lit_yread_expect(r, LIT_Y_MAP_END, "a link kind");
}

static int read_sources(lit_yread *r, lit_catalog *c, scratch *s)
{
    if (lit_yread_is_null(r)) return 0;
    if (lit_yread_expect(r, LIT_Y_SEQ, "a list of sources") != 0) return -1;
    while (lit_yread_next(r) == LIT_Y_MAP) {
        LIT_GROW(s->sources, s->cap_sources, s->n_sources + 1);
        lit_source *src = &s->sources[s->n_sources++];
        memset(src, 0, sizeof *src);
        unsigned seen = 0;
        long line = r->line, col = r->col;
        while (lit_yread_next(r) == LIT_Y_SCALAR) {
            unsigned bit = strcmp(r->str, "list") == 0 ? 1 : strcmp(r->str, "line") == 0 ? 2
                         : strcmp(r->str, "section") == 0 ? 4 : 0;
            if (!bit) return lit_yread_error(r, "unknown key '%s' in a source (list, line, section)", r->str);
            if (seen & bit) return lit_yread_error(r, "duplicate key '%s'", r->str);
            seen |= bit;
            lit_yread_next(r);
            int rc = bit == 1 ? lit_yread_str(r, &c->arena, &src->list)
                   : bit == 2 ? lit_yread_long(r, 1, 1L << 40, &src->line)
                   : opt_str(r, &c->arena, &src->section);
            if (rc != 0) return -1;
        }
        if (lit_yread_expect(r, LIT_Y_MAP_END, "a key") != 0) return -1;
        if (!(seen & 1)) return lit_error(r->diag, r->file, line, col, "source without 'list'");
    }
    return lit_yread_expect(r, LIT_Y_SEQ_END, "a source mapping");
}

enum {
    F_KEY = 1 << 0, F_TITLE = 1 << 1, F_SHORT = 1 << 2, F_AUTHORS = 1 << 3, F_VENUE = 1 << 4,
    F_YEAR = 1 << 5, F_YEAR_INF = 1 << 6, F_TOPICS = 1 << 7, F_LINKS = 1 << 8,
    F_SOURCES = 1 << 9, F_DOI = 1 << 10, F_ARXIV = 1 << 11, F_AUTHORS_COMPLETE = 1 << 12
};

static unsigned field_of(const char *k)
{
    /* by first letter, then one comparison: this runs for every field of every paper */
    switch (k[0]) {
    case 'k': return strcmp(k, "key") == 0 ? F_KEY : 0;
    case 't': return strcmp(k, "title") == 0 ? F_TITLE : strcmp(k, "topics") == 0 ? F_TOPICS : 0;
    case 's': return strcmp(k, "sources") == 0 ? F_SOURCES : strcmp(k, "short") == 0 ? F_SHORT : 0;
    case 'a': return strcmp(k, "authors") == 0 ? F_AUTHORS : strcmp(k, "arxiv") == 0 ? F_ARXIV :
                     strcmp(k, "authors_complete") == 0 ? F_AUTHORS_COMPLETE : 0;
    case 'v': return strcmp(k, "venue") == 0 ? F_VENUE : 0;
    case 'y': return strcmp(k, "year") == 0 ? F_YEAR : strcmp(k, "year_inferred") == 0 ? F_YEAR_INF : 0;
    case 'l': return strcmp(k, "links") == 0 ? F_LINKS : 0;
    case 'd': return strcmp(k, "doi") == 0 ? F_DOI : 0;
    default: return 0;
    }
}

static int read_field(lit_yread *r, lit_catalog *c, lit_paper *p, scratch *s, unsigned f)
{
    lit_arena *a = &c->arena;
    const char *str;
    long v;
    switch (f) {
    case F_KEY:
        if (lit_yread_str(r, a, &p->key) != 0) return -1;
        if (!valid_key(p->key))
            return lit_yread_error(r, "invalid key '%s': no spaces, quotes, commas, braces or %%#~\\", p->key);
        return 0;
    case F_TITLE:
        if (lit_yread_str(r, a, &p->title) != 0) return -1;
        return *p->title ? 0 : lit_yread_error(r, "empty title");
    case F_SHORT: return opt_str(r, a, &p->short_name);
    case F_DOI: return opt_str(r, a, &p->doi);
    case F_ARXIV: return opt_str(r, a, &p->arxiv);
    case F_VENUE:
        if (opt_str(r, a, &str) != 0) return -1;
        p->venue = str && *str ? lit_catalog_venue_id(c, str) : -1;
        return 0;
    case F_YEAR:
        if (lit_yread_is_null(r)) return 0;
        if (lit_yread_long(r, 1800, 2100, &v) != 0) return -1;
        p->year = (int16_t)v;
        return 0;
    case F_YEAR_INF: return lit_yread_bool(r, &p->year_inferred);
    case F_AUTHORS_COMPLETE: {
        bool complete = true;
        if (lit_yread_bool(r, &complete) != 0) return -1;
        p->authors_etal = !complete;
        return 0;
    }
    case F_AUTHORS:
    case F_TOPICS: {
        if (lit_yread_is_null(r)) return 0;
        if (lit_yread_expect(r, LIT_Y_SEQ, f == F_AUTHORS ? "a list of authors" : "a list of topic ids") != 0)
            return -1;
        while (lit_yread_next(r) == LIT_Y_SCALAR) {
            if (f == F_AUTHORS) {
                LIT_GROW(s->authors, s->cap_authors, s->n_authors + 1);
                s->authors[s->n_authors++] = lit_arena_strndup(a, r->str, r->len);
            } else {
                LIT_GROW(s->topics, s->cap_topics, s->n_topics + 1);
                s->topics[s->n_topics++] = lit_catalog_topic_id(c, r->str);
            }
        }
        return lit_yread_expect(r, LIT_Y_SEQ_END, "a string");
    }
    case F_LINKS: return read_links(r, c, s);
    case F_SOURCES: return read_sources(r, c, s);
    }
    return -1;
}

static int read_paper(lit_yread *r, lit_catalog *c, keyset *keys, scratch *s)
{
    lit_paper *p = lit_catalog_add(c);
    p->line = r->line;
    p->col = r->col;
    s->n_authors = s->n_topics = s->n_links = s->n_sources = s->n_extras = 0;
    nameset_reset(&s->extra_keys);
    unsigned seen = 0;
    if (lit_yread_expect(r, LIT_Y_MAP, "a paper (a mapping with key and title)") != 0) return -1;
    while (lit_yread_next(r) == LIT_Y_SCALAR) {
        unsigned f = field_of(r->str);
        if (f) {
            if (seen & f) return lit_yread_error(r, "duplicate key '%s'", r->str);
            seen |= f;
            lit_yread_next(r);
            if (read_field(r, c, p, s, f) != 0) return -1;
            continue;
        }
        if (nameset_has(&s->extra_keys, s->extras, sizeof *s->extras, s->n_extras, r->str))
            return lit_yread_error(r, "duplicate key '%s'", r->str);
        LIT_GROW(s->extras, s->cap_extras, s->n_extras + 1);
        lit_extra *x = &s->extras[s->n_extras++];
        x->key = lit_arena_strndup(&c->arena, r->str, r->len);
        lit_yread_next(r);
        if (read_node(r, &c->arena, &x->value) != 0) return -1;
    }
    if (lit_yread_expect(r, LIT_Y_MAP_END, "a field name") != 0) return -1;
    if (!(seen & F_KEY)) return lit_error(r->diag, r->file, p->line, p->col, "paper without 'key'");
    if (!(seen & F_TITLE)) return lit_error(r->diag, r->file, p->line, p->col, "paper '%s' without 'title'", p->key);
    long k = keyset_add(keys, c->papers, c->n_papers - 1);
    if (k >= 0) {
        const lit_paper *first = &c->papers[k];
        return lit_error(r->diag, r->file, p->line, p->col, "duplicate paper key '%s' (first at line %ld)",
                         p->key, first->line);
    }
    lit_arena *a = &c->arena;
    p->authors = arena_copy(a, s->authors, s->n_authors, sizeof *s->authors);
    p->topics = arena_copy(a, s->topics, s->n_topics, sizeof *s->topics);
    p->links = arena_copy(a, s->links, s->n_links, sizeof *s->links);
    p->sources = arena_copy(a, s->sources, s->n_sources, sizeof *s->sources);
    p->extras = arena_copy(a, s->extras, s->n_extras, sizeof *s->extras);
    p->n_authors = (uint32_t)s->n_authors;
    p->n_topics = (uint32_t)s->n_topics;
    p->n_links = (uint32_t)s->n_links;
    p->n_sources = (uint32_t)s->n_sources;
    p->n_extras = (uint32_t)s->n_extras;
    return 0;
}

/* The papers of a sequence whose start is current, up to its end. */
static int load_papers(lit_catalog *c, lit_yread *r, keyset *keys, scratch *s)
{
    while (lit_yread_next(r) != LIT_Y_SEQ_END)
        if (r->tok == LIT_Y_ERROR || read_paper(r, c, keys, s) != 0) return -1;
    return 0;
}

static void scratch_free(scratch *s)
{
    free(s->authors); free(s->topics); free(s->links); free(s->sources); free(s->extras);
    free(s->extra_keys.slots); free(s->link_kinds.slots);
}

/* The catalog's own topics: a list of {id, label, parent}, as in topics.yaml. */
static int load_topic_defs(lit_catalog *c, lit_yread *r)
{
    if (lit_yread_expect(r, LIT_Y_SEQ, "a list of topics") != 0) return -1;
    while (lit_yread_next(r) != LIT_Y_SEQ_END) {
        if (lit_yread_expect(r, LIT_Y_MAP, "a topic (a mapping with id, label, parent)") != 0) return -1;
        LIT_GROW(c->topic_defs, c->cap_topic_defs, c->n_topic_defs + 1);
        lit_topic_def *t = &c->topic_defs[c->n_topic_defs++];
        memset(t, 0, sizeof *t);
        t->line = r->line;
        t->col = r->col;
        unsigned seen = 0;
        while (lit_yread_next(r) == LIT_Y_SCALAR) {
            unsigned bit = strcmp(r->str, "id") == 0 ? 1 : strcmp(r->str, "label") == 0 ? 2
                         : strcmp(r->str, "parent") == 0 ? 4 : 0;
            if (!bit) return lit_yread_error(r, "unknown key '%s' in a topic (id, label, parent)", r->str);
            if (seen & bit) return lit_yread_error(r, "duplicate key '%s'", r->str);
            seen |= bit;
            lit_yread_next(r);
            if (lit_yread_str(r, &c->arena, bit == 1 ? &t->id : bit == 2 ? &t->label : &t->parent) != 0) return -1;
        }
        if (lit_yread_expect(r, LIT_Y_MAP_END, "a key") != 0) return -1;
        if (!t->id || !*t->id) return lit_error(r->diag, r->file, t->line, t->col, "topic without 'id'");
    }
    return 0;
}

/* The imported lists: {file, sections: [{heading, level, topic, line}, ...]}, by file. */
static int load_lists(lit_catalog *c, lit_yread *r)
{
    if (lit_yread_expect(r, LIT_Y_SEQ, "a list of lists (file, sections)") != 0) return -1;
    while (lit_yread_next(r) != LIT_Y_SEQ_END) {
        if (lit_yread_expect(r, LIT_Y_MAP, "a list (a mapping with file and sections)") != 0) return -1;
        long line = r->line, col = r->col;
        lit_list l = {0};
        unsigned seen = 0;
        int rc = 0;
        while (rc == 0 && lit_yread_next(r) == LIT_Y_SCALAR) {
            unsigned bit = strcmp(r->str, "file") == 0 ? 1 : strcmp(r->str, "sections") == 0 ? 2 : 0;
            if (!bit) rc = lit_yread_error(r, "unknown key '%s' in a list (file, sections)", r->str);
            else if (seen & bit) rc = lit_yread_error(r, "duplicate key '%s'", r->str);
            seen |= bit;
            lit_yread_next(r);
            if (rc == 0 && bit == 1) rc = lit_yread_str(r, &c->arena, &l.file);
            if (rc != 0 || bit != 2 || lit_yread_is_null(r)) continue;
            rc = lit_yread_expect(r, LIT_Y_SEQ, "a list of sections");
            while (rc == 0 && lit_yread_next(r) == LIT_Y_MAP) {
                lit_section sec = {NULL, NULL, 2, 0};
                unsigned got = 0;
                long sl = r->line, sc = r->col;
                while (rc == 0 && lit_yread_next(r) == LIT_Y_SCALAR) {
                    unsigned b = strcmp(r->str, "heading") == 0 ? 1 : strcmp(r->str, "level") == 0 ? 2
                               : strcmp(r->str, "topic") == 0 ? 4 : strcmp(r->str, "line") == 0 ? 8 : 0;
                    if (!b) rc = lit_yread_error(r, "unknown key '%s' in a section (heading, level, topic, line)", r->str);
                    else if (got & b) rc = lit_yread_error(r, "duplicate key '%s'", r->str);
                    got |= b;
                    lit_yread_next(r);
                    long v = 0;
                    if (rc == 0) rc = b == 1 ? lit_yread_str(r, &c->arena, &sec.heading)
                                    : b == 2 ? lit_yread_long(r, 1, 6, &v)
                                    : b == 4 ? opt_str(r, &c->arena, &sec.topic)
                                    : lit_yread_long(r, 1, 1L << 40, &sec.line);
                    if (b == 2) sec.level = (int)v;
                }
                if (rc == 0) rc = lit_yread_expect(r, LIT_Y_MAP_END, "a key");
                if (rc == 0 && !sec.heading) rc = lit_error(r->diag, r->file, sl, sc, "section without 'heading'");
                if (rc == 0) {
                    LIT_GROW(l.sections, l.cap_sections, l.n_sections + 1);
                    l.sections[l.n_sections++] = sec;
                }
            }
            if (rc == 0) rc = lit_yread_expect(r, LIT_Y_SEQ_END, "a section mapping");
        }
        if (rc == 0) rc = lit_yread_expect(r, LIT_Y_MAP_END, "a key");
        if (rc == 0 && !l.file) rc = lit_error(r->diag, r->file, line, col, "list without 'file'");
        if (rc == 0 && lit_catalog_find_list(c, l.file)) rc = lit_error(r->diag, r->file, line, col, "list '%s' twice", l.file);
        if (rc != 0) {
            free(l.sections);
            return -1;
        }
        lit_list *into = lit_catalog_begin_list(c, l.file);
        lit_catalog_end_list(c, l.file, true);
        into->sections = l.sections;
        into->n_sections = l.n_sections;
        into->cap_sections = l.cap_sections;
    }
    return 0;
}

/* A whole catalog document; keys gets every paper key. */
static int load_doc(lit_catalog *c, lit_yread *r, keyset *keys)
{
    scratch s = {0};
    int rc = -1;
    int seen[3] = {0};   /* papers, topics, lists */
    if (r->tok == LIT_Y_ERROR) goto out;
    if (lit_yread_expect(r, LIT_Y_MAP, "a mapping with 'papers'") != 0) goto out;
    while (lit_yread_next(r) == LIT_Y_SCALAR) {
        int which = strcmp(r->str, "papers") == 0 ? 0 : strcmp(r->str, "topics") == 0 ? 1
                  : strcmp(r->str, "lists") == 0 ? 2 : -1;
        if (which < 0) {
            lit_yread_error(r, "unknown key '%s' (a catalog has 'papers', 'topics' and 'lists')", r->str);
            goto out;
        }
        if (seen[which]++) {
            lit_yread_error(r, "duplicate key '%s'", r->str);
            goto out;
        }
        lit_yread_next(r);
        if (lit_yread_is_null(r)) continue;
        if (which == 1) {
            if (load_topic_defs(c, r) != 0) goto out;
            continue;
        }
        if (which == 2) {
            if (load_lists(c, r) != 0) goto out;
            continue;
        }
        if (lit_yread_expect(r, LIT_Y_SEQ, "a list of papers") != 0) goto out;
        if (load_papers(c, r, keys, &s) != 0) goto out;
    }
    if (lit_yread_expect(r, LIT_Y_MAP_END, "'papers' or 'topics'") != 0) goto out;
    if ((seen[1] || seen[2]) && !seen[0]) {
        lit_yread_error(r, "topics but no 'papers': a topics.yaml, not a catalog?");
        goto out;
    }
    lit_yread_next(r);
    rc = lit_yread_finish(r);
out:
    scratch_free(&s);
    return rc;
}

static int load(lit_catalog *c, lit_yread *r)
{
    keyset keys = {0};
    int rc = load_doc(c, r, &keys);
    free(keys.slots);
    return rc;
}

/* ---- loading on several cores ----
 *
 * A big catalog is cut into byte ranges at lines that start a paper ("- " at the column
 * of the first paper), and each range is parsed by its own thread: the first as the
 * document it begins, the others as a bare sequence of papers. This is exact: a line
 * that starts with "- " at that column ends every block node deeper than the papers
 * list, and a cut inside anything else (a quoted scalar, a flow collection) leaves the
 * range before it ending inside that node, which libyaml reports as an error. So when
 * every range parses, their papers are the file's papers, in order; they are then joined
 * (line numbers shifted, venue and topic ids re-interned, arenas adopted) and checked for
 * keys repeated across ranges. On any error, or a repeated key, the file is loaded again
 * by one thread, which reports the error as it always has: the threads report nothing. */

#define PAR_MIN_RANGE (4 << 20)   /* bytes per thread below which one thread is as fast */
#define PAR_MAX 8

typedef struct range {
    lit_catalog cat;            /* the range's papers */
    keyset keys;
    const char *name;
    int fd;
    long long start, end;
    long lines;                 /* line breaks in the range, as libyaml counts them */
    lit_diag d;                 /* silent */
    int rc;
} range;

static void *load_range(void *arg)
{
    range *g = arg;
    lit_yread r;
    g->rc = -1;
    if (lit_yread_open_range(&r, g->name, g->fd, g->start, g->end, &g->d) == 0) {
        if (g->start == 0) {
            g->rc = load_doc(&g->cat, &r, &g->keys);
        } else {
            scratch s = {0};
            r.depth++;  /* as deep as the papers list is in the whole document */
            if (lit_yread_expect(&r, LIT_Y_SEQ, "a list of papers") == 0 && load_papers(&g->cat, &r, &g->keys, &s) == 0 &&
                lit_yread_next(&r) == LIT_Y_END)
                g->rc = lit_yread_finish(&r);
            scratch_free(&s);
        }
        /* at the stream's end the mark is on the line after the range */
        g->lines = r.line - 1;
    }
    lit_yread_close(&r);
    return NULL;
}

static const char *find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    for (const char *p = hay, *end = hay + n; (size_t)(end - p) >= m; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
        if (!p) return NULL;
        if (memcmp(p, needle, m) == 0) return p;
    }
    return NULL;
}

/* Whether the text before the "papers:" line is only blank lines, comments, directives
 * and a document start: then that line holds the root mapping's first key. */
static int only_preamble(const char *s, const char *end)
{
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) return 0;
        if (!(*s == '#' || *s == '%' || *s == '\n' || (*s == '\r' && s[1] == '\n') ||
              (strncmp(s, "---", 3) == 0 && (s[3] == '\n' || s[3] == '\r'))))
            return 0;
        s = nl + 1;
    }
    return 1;
}

/* Chooses up to `want` ranges: cuts[0] = 0 < cuts[1] < ... < cuts[*n] = size. */
static void find_cuts(int fd, long long size, int want, long long *cuts, int *n)
{
    enum { HEAD = 64 * 1024, WINDOW = 1 << 20 };
    char *buf = lit_xmalloc(WINDOW + 1);
    *n = 1;
    cuts[0] = 0;
    /* the first paper's line, after a "papers:" line, gives the prefix of every paper line */
    ssize_t got = pread(fd, buf, HEAD, 0);
    char prefix[24];
    size_t plen = 0;
    long long first = size;
    if (got > 0) {
        buf[got] = '\0';
        const char *p = strncmp(buf, "papers:", 7) == 0 ? buf : strstr(buf, "\npapers:");
        if (p && p != buf) p++;
        if (p && !only_preamble(buf, p)) p = NULL;
        /* "papers:" alone on its line (a comment may follow) */
        if (p) p += 7 + strspn(p + 7, " ");
        if (p && *p != '\n' && *p != '#' && *p != '\r') p = NULL;
        if (p) p = strchr(p, '\n');
        while (p && (p[1] == '\n' || p[1] == '#' || p[1] == '\r')) p = strchr(p + 1, '\n');
        size_t sp = p ? strspn(p + 1, " ") : 0;
        if (p && sp < 16 && p[1 + sp] == '-' && p[2 + sp] == ' ') {
            prefix[0] = '\n';
            memset(prefix + 1, ' ', sp);
            memcpy(prefix + 1 + sp, "- ", 2);
            plen = sp + 3;
            first = p - buf + 1;
        }
    }
    /* the catalog's own topics follow its papers: the last range would not be a bare
     * list of papers, so such a file (rare, and small: imported lists) takes one thread */
    if (plen && size > first) {
        long long tail = size - HEAD > first ? size - HEAD : first;
        got = pread(fd, buf, (size_t)(size - tail), (off_t)tail);
        if (got > 0 && (find_bytes(buf, (size_t)got, "\ntopics:", 8) || find_bytes(buf, (size_t)got, "\nlists:", 7)))
            plen = 0;
    }
    for (int k = 1; plen && k < want; k++) {
        long long at = size / want * k;
        if (at <= first) continue;
        got = pread(fd, buf, WINDOW, (off_t)at);
        if (got <= 0) break;
        const char *hit = find_bytes(buf, (size_t)got, prefix, plen);
        if (!hit) continue;
        long long cut = at + (hit - buf) + 1;  /* the line after the newline */
        if (cut <= first || cut >= size) continue;
        cuts[(*n)++] = cut;
        first = cut;
    }
    cuts[*n] = size;
    free(buf);
}

/* Moves the papers of range g (loaded into a catalog of its own) to the end of c. */
static void join(lit_catalog *c, lit_catalog *gc, long line_offset)
{
    int32_t *vmap = lit_xmalloc((gc->venues.n + 1) * sizeof *vmap);
    int32_t *tmap = lit_xmalloc((gc->topics.n + 1) * sizeof *tmap);
    for (size_t i = 0; i < gc->venues.n; i++) vmap[i] = lit_catalog_venue_id(c, gc->venues.names[i]);
    for (size_t i = 0; i < gc->topics.n; i++) tmap[i] = lit_catalog_topic_id(c, gc->topics.names[i]);
    LIT_GROW(c->papers, c->cap_papers, c->n_papers + gc->n_papers);
    for (size_t i = 0; i < gc->n_papers; i++) {
        lit_paper *p = &c->papers[c->n_papers++];
        *p = gc->papers[i];
        p->line += line_offset;
        if (p->venue >= 0) p->venue = vmap[p->venue];
        for (uint32_t t = 0; t < p->n_topics; t++) p->topics[t] = tmap[p->topics[t]];
    }
    lit_arena_adopt(&c->arena, &gc->arena);
    free(vmap);
    free(tmap);
}

/* Loads with up to `want` threads. Returns 1, having changed nothing, when it did not
 * (no cuts, an error or a repeated key): the caller then loads with one thread. */
static int load_parallel(lit_catalog *c, const char *path, int want)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 1;
    struct stat sb;
    long long cuts[PAR_MAX + 1];
    int n = 1;
    /* over the input limit: the one-thread load says so */
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size <= lit_input_limit())
        find_cuts(fd, (long long)sb.st_size, want > PAR_MAX ? PAR_MAX : want, cuts, &n);
    FILE *null = n > 1 ? fopen("/dev/null", "w") : NULL;
    if (!null) {
        close(fd);
        return 1;
    }
    range g[PAR_MAX];
    pthread_t tid[PAR_MAX];
    int started[PAR_MAX] = {0};
    for (int k = 0; k < n; k++) {
        memset(&g[k], 0, sizeof g[k]);
        lit_catalog_init(&g[k].cat);
        g[k].name = path;
        g[k].fd = fd;
        g[k].start = cuts[k];
        g[k].end = cuts[k + 1];
        lit_diag_init(&g[k].d, null);
        g[k].d.quiet = true;
    }
    for (int k = 1; k < n; k++) started[k] = pthread_create(&tid[k], NULL, load_range, &g[k]) == 0;
    load_range(&g[0]);
    int ok = g[0].rc == 0;
    for (int k = 1; k < n; k++) {
        if (started[k]) pthread_join(tid[k], NULL);
        else load_range(&g[k]);
        ok = ok && g[k].rc == 0;
    }
    /* topics or lists before the papers (hand-written): the one-thread load keeps them */
    if (g[0].cat.n_topic_defs || g[0].cat.n_lists) ok = 0;
    /* a key repeated across ranges: the one-thread load reports it in file order */
    for (int k = 1; ok && k < n; k++)
        for (size_t i = 0; ok && i < g[k].cat.n_papers; i++)
            for (int j = 0; ok && j < k; j++)
                if (keyset_find(&g[j].keys, g[j].cat.papers, g[k].cat.papers[i].key,
                                key_hash(g[k].cat.papers[i].key)) >= 0)
                    ok = 0;
    if (ok) {
        int k = 0;
        if (c->n_papers == 0 && c->venues.n == 0 && c->topics.n == 0) {
            /* an empty catalog takes the first range's arrays as they are: no copy */
            lit_catalog *g0 = &g[0].cat;
            lit_strtab_free(&c->venues);
            lit_strtab_free(&c->topics);
            free(c->papers);
            c->papers = g0->papers;
            c->n_papers = g0->n_papers;
            c->cap_papers = g0->cap_papers;
            c->venues = g0->venues;
            c->topics = g0->topics;
            lit_arena_adopt(&c->arena, &g0->arena);
            g0->papers = NULL;
            g0->n_papers = g0->cap_papers = 0;
            memset(&g0->venues, 0, sizeof g0->venues);
            memset(&g0->topics, 0, sizeof g0->topics);
            k = 1;
        }
        for (long offset = k ? g[0].lines : 0; k < n; k++) {
            join(c, &g[k].cat, offset);
            offset += g[k].lines;
        }
    }
    for (int k = 0; k < n; k++) {
        free(g[k].keys.slots);
        lit_catalog_free(&g[k].cat);
    }
    fclose(null);
    close(fd);
    if (ok) c->load_threads = n;
    return ok ? 0 : 1;
}

/* Threads for a file: LITSURVEY_THREADS when set, else one per core but at most one
 * per PAR_MIN_RANGE bytes. */
static int threads_for(const char *path)
{
    const char *env = getenv("LITSURVEY_THREADS");
    struct stat sb;
    if (strcmp(path, "-") == 0 || stat(path, &sb) != 0) return 1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    long by_size = (long)(sb.st_size / PAR_MIN_RANGE);
    long n = cores < by_size ? cores : by_size;
    if (env && *env) n = atol(env);
    return n < 1 ? 1 : n > PAR_MAX ? PAR_MAX : (int)n;
}

int lit_catalog_load_threads(lit_catalog *c, const char *path, int threads, lit_diag *d)
{
    c->path = lit_arena_strdup(&c->arena, path);
    lit_input_note(path);
    struct stat sb;   /* the data's date (lit_catalog_date) */
    if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) c->mtime = (long long)sb.st_mtime;
    if (threads > 1 && strcmp(path, "-") != 0 && load_parallel(c, path, threads) == 0) return 0;
    c->load_threads = 1;
    lit_yread r;
    int rc = lit_yread_open(&r, path, d);
    if (rc == 0) rc = load(c, &r);
    lit_yread_close(&r);
    return rc;
}

int lit_catalog_load(lit_catalog *c, const char *path, lit_diag *d)
{
    return lit_catalog_load_threads(c, path, threads_for(path), d);
}

int lit_catalog_load_mem(lit_catalog *c, const char *name, const char *data, size_t len, lit_diag *d)
{
    lit_yread r;
    c->path = lit_arena_strdup(&c->arena, name);
    int rc = lit_yread_open_mem(&r, name, data, len, d);
    if (rc == 0) rc = load(c, &r);
    lit_yread_close(&r);
    return rc;
}

/* ---- saving ---- */

typedef struct emitter { yaml_emitter_t e; int failed; FILE *fp; int write_errno; } emitter;

static void emit(emitter *em, yaml_event_t *ev)
{
    /* After a failed write the rest is dropped; libyaml owns an event only once emitted. */
    if (em->failed) yaml_event_delete(ev);
    else if (!yaml_emitter_emit(&em->e, ev)) em->failed = 1;
}

static int strcasecmp_ascii(const char *a, const char *b)
{
    for (; *a && tolower((unsigned char)*a) == tolower((unsigned char)*b); a++, b++) {}
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

/* Plain text that a YAML reader would take for something else (null, a bool, a
 * number) is quoted, so that every string reads back as the same string. */
static int looks_typed(const char *s)
{
    static const char *const words[] = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcasecmp_ascii(s, words[i]) == 0) return 1;
    if (!*s) return 1;
    for (const char *p = s; *p; p++)
        if (!strchr("0123456789+-._:eExXoObB", *p)) return 0;
    return 1;
}

static void scalar(emitter *em, const char *s, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (style == YAML_ANY_SCALAR_STYLE && looks_typed(s)) style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, style);
    emit(em, &ev);
}

static void number(emitter *em, long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    scalar(em, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void seq_start(emitter *em, int flow)
{
    yaml_event_t ev;
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    emit(em, &ev);
}

static void map_start(emitter *em, int flow)
{
    yaml_event_t ev;
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    emit(em, &ev);
}

static void seq_end(emitter *em) { yaml_event_t ev; yaml_sequence_end_event_initialize(&ev); emit(em, &ev); }
static void map_end(emitter *em) { yaml_event_t ev; yaml_mapping_end_event_initialize(&ev); emit(em, &ev); }

static void node(emitter *em, const lit_node *n)
{
    switch (n->kind) {
    case LIT_NODE_SCALAR:
        scalar(em, n->str, n->quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
        break;
    case LIT_NODE_SEQ:
        seq_start(em, 0);
        for (size_t i = 0; i < n->n; i++) node(em, &n->items[i]);
        seq_end(em);
        break;
    case LIT_NODE_MAP:
        map_start(em, 0);
        for (size_t i = 0; i < 2 * n->n; i++) node(em, &n->items[i]);
        map_end(em);
        break;
    }
}

static void key_str(emitter *em, const char *k, const char *v)
{
    if (!v) return;
    scalar(em, k, YAML_PLAIN_SCALAR_STYLE);
    scalar(em, v, YAML_ANY_SCALAR_STYLE);
}

static void paper(emitter *em, const lit_catalog *c, const lit_paper *p)
{
    map_start(em, 0);
    key_str(em, "key", p->key);
    scalar(em, "title", YAML_PLAIN_SCALAR_STYLE);
    scalar(em, p->title ? p->title : "", YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    key_str(em, "short", p->short_name);
    if (p->n_authors) {
        scalar(em, "authors", YAML_PLAIN_SCALAR_STYLE);
        seq_start(em, 1);
        for (uint32_t i = 0; i < p->n_authors; i++) scalar(em, p->authors[i], YAML_ANY_SCALAR_STYLE);
        seq_end(em);
        if (p->authors_etal) {
            scalar(em, "authors_complete", YAML_PLAIN_SCALAR_STYLE);
            scalar(em, "false", YAML_PLAIN_SCALAR_STYLE);
        }
    }
    key_str(em, "venue", lit_catalog_venue(c, p->venue));
    if (p->year) {
        scalar(em, "year", YAML_PLAIN_SCALAR_STYLE);
        number(em, p->year);
    }
    if (p->year_inferred) {
        scalar(em, "year_inferred", YAML_PLAIN_SCALAR_STYLE);
        scalar(em, "true", YAML_PLAIN_SCALAR_STYLE);
    }
    key_str(em, "doi", p->doi);
    key_str(em, "arxiv", p->arxiv);
    if (p->n_topics) {
        scalar(em, "topics", YAML_PLAIN_SCALAR_STYLE);
        seq_start(em, 1);
        for (uint32_t i = 0; i < p->n_topics; i++) scalar(em, lit_catalog_topic(c, p->topics[i]), YAML_ANY_SCALAR_STYLE);
        seq_end(em);
    }
    if (p->n_links) {
        scalar(em, "links", YAML_PLAIN_SCALAR_STYLE);
        map_start(em, 1);
        for (uint32_t i = 0; i < p->n_links; i++) key_str(em, p->links[i].kind, p->links[i].url);
        map_end(em);
    }
    if (p->n_sources) {
        scalar(em, "sources", YAML_PLAIN_SCALAR_STYLE);
        seq_start(em, 0);
        for (uint32_t i = 0; i < p->n_sources; i++) {
            const lit_source *s = &p->sources[i];
            map_start(em, 1);
            key_str(em, "list", s->list);
            if (s->line) {
                scalar(em, "line", YAML_PLAIN_SCALAR_STYLE);
                number(em, s->line);
            }
            key_str(em, "section", s->section);
            map_end(em);
        }
        seq_end(em);
    }
    for (uint32_t i = 0; i < p->n_extras; i++) {
        scalar(em, p->extras[i].key, YAML_ANY_SCALAR_STYLE);
        node(em, &p->extras[i].value);
    }
    map_end(em);
}

static int write_handler(void *data, unsigned char *buf, size_t size)
{
    emitter *em = data;
    if (fwrite(buf, 1, size, em->fp) == size) return 1;
    em->write_errno = errno ? errno : EIO;   /* libyaml says only "write error" */
    return 0;
}

int lit_catalog_save(const lit_catalog *c, const char *path, lit_diag *d)
{
    lit_outfile o;
    if (lit_outfile_open(&o, path, d) != 0) return -1;
    emitter em = {.fp = o.fp};
    yaml_emitter_initialize(&em.e);
    yaml_emitter_set_output(&em.e, write_handler, &em);
    yaml_emitter_set_unicode(&em.e, 1);
    yaml_emitter_set_width(&em.e, -1);
    yaml_emitter_set_indent(&em.e, 2);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(&em, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(&em, &ev);
    map_start(&em, 0);
    scalar(&em, "papers", YAML_PLAIN_SCALAR_STYLE);
    seq_start(&em, 0);
    for (size_t i = 0; i < c->n_papers; i++) paper(&em, c, &c->papers[i]);
    seq_end(&em);
    if (c->n_topic_defs) {
        scalar(&em, "topics", YAML_PLAIN_SCALAR_STYLE);
        seq_start(&em, 0);
        for (size_t i = 0; i < c->n_topic_defs; i++) {
            map_start(&em, 0);
            key_str(&em, "id", c->topic_defs[i].id);
            key_str(&em, "label", c->topic_defs[i].label);
            key_str(&em, "parent", c->topic_defs[i].parent);
            map_end(&em);
        }
        seq_end(&em);
    }
    if (c->n_lists) {
        scalar(&em, "lists", YAML_PLAIN_SCALAR_STYLE);
        seq_start(&em, 0);
        for (size_t i = 0; i < c->n_lists; i++) {
            const lit_list *l = &c->lists[i];
            map_start(&em, 0);
            key_str(&em, "file", l->file);
            scalar(&em, "sections", YAML_PLAIN_SCALAR_STYLE);
            seq_start(&em, l->n_sections == 0);
            for (size_t k = 0; k < l->n_sections; k++) {
                const lit_section *sec = &l->sections[k];
                map_start(&em, 1);
                scalar(&em, "heading", YAML_PLAIN_SCALAR_STYLE);
                scalar(&em, sec->heading, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
                scalar(&em, "level", YAML_PLAIN_SCALAR_STYLE);
                number(&em, sec->level);
                key_str(&em, "topic", sec->topic);
                if (sec->line) {
                    scalar(&em, "line", YAML_PLAIN_SCALAR_STYLE);
                    number(&em, sec->line);
                }
                map_end(&em);
            }
            seq_end(&em);
            map_end(&em);
        }
        seq_end(&em);
    }
    map_end(&em);
    yaml_document_end_event_initialize(&ev, 1);
    emit(&em, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(&em, &ev);
    if (!em.failed && !yaml_emitter_flush(&em.e)) em.failed = 1;
    int failed = em.failed;
    yaml_emitter_delete(&em.e);
    if (failed) {
        lit_outfile_abort(&o);
        return lit_io_error(d, lit_outfile_name(&o), "cannot write the catalog: %s",
                            strerror(em.write_errno ? em.write_errno : EIO));
    }
    return lit_outfile_commit(&o, d);
}
