/* test_resolve.c - lit_resolve with a source of records in memory: what a match fills, what it
 * keeps, the user's key (and when it is not taken), two papers of one record, provenance that a
 * second run leaves as it is, and the summary line. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "resolve.h"

static lit_venues vs;

/* A source over a catalog in memory: every record is a candidate (the judge sorts them out). */
typedef struct memsrc { lit_catalog cat; uint32_t rec[32]; } memsrc;

static int mem_candidates(lit_rsource *s, const lit_paper *p, const lit_catalog **rc, const uint32_t **rec, size_t *n,
                          lit_diag *d)
{
    (void)p; (void)d;
    memsrc *m = s->impl;
    for (size_t i = 0; i < m->cat.n_papers; i++) m->rec[i] = (uint32_t)i;
    *rc = &m->cat;
    *rec = m->rec;
    *n = m->cat.n_papers;
    return 0;
}

static void mem_close(lit_rsource *s) { (void)s; }

static lit_paper *add(lit_catalog *c, const char *key, const char *title, const char *venue, int year, const char *author)
{
    lit_paper *p = lit_catalog_add(c);
    p->key = lit_arena_strdup(&c->arena, key);
    p->title = lit_arena_strdup(&c->arena, title);
    if (venue) p->venue = lit_catalog_venue_id(c, venue);
    p->year = (int16_t)year;
    if (author) {
        p->authors = lit_arena_alloc(&c->arena, sizeof *p->authors);
        p->authors[0] = lit_arena_strdup(&c->arena, author);
        p->n_authors = 1;
    }
    p->sources = lit_arena_alloc(&c->arena, sizeof *p->sources);
    p->sources[0] = (lit_source){"mine.bib", 1, NULL};
    p->n_sources = 1;
    return p;
}

static const lit_paper *by_key(const lit_catalog *c, const char *key)
{
    long i = lit_catalog_find(c, key);
    return i >= 0 ? &c->papers[i] : NULL;
}

static const char *resolved_id(const lit_paper *p)
{
    const lit_node *r = lit_paper_extra(p, "resolved", LIT_NODE_MAP);
    for (size_t i = 0; r && i < r->n; i++)
        if (!strcmp(r->items[2 * i].str, "id")) return r->items[2 * i + 1].str;
    return NULL;
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (lit_venues_load(&vs, "data/venues.yaml", &d) != 0) return 1;
    memsrc m;
    lit_catalog_init(&m.cat);
    lit_rsource src = {.user = true, .candidates = mem_candidates, .close = mem_close, .impl = &m};
    lit_rsource *srcs[] = {&src};
    /* the user's records, as the books' bibliographies have them */
    add(&m.cat, "gpipe2019", "GPipe: Efficient training of giant neural networks using pipeline parallelism", "NeurIPS", 2019,
        "Yanping Huang");
    add(&m.cat, "gu2019tiresias", "Tiresias: A GPU Cluster Manager for Distributed Deep Learning.", "NSDI", 2019,
        "Juncheng Gu");
    add(&m.cat, "xiao2018gandiva", "Gandiva: Introspective Cluster Scheduling for Deep Learning", "OSDI", 2018, "Wencong Xiao");

    lit_catalog c;
    lit_catalog_init(&c);
    lit_paper *p = add(&c, "gpipe-arxiv18", "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism",
                       "arXiv", 2018, NULL);
    p->arxiv = "1811.06965";
    p->year_inferred = true;
    add(&c, "tiresias-osdi19", "Tiresias: A GPU Cluster Manager for Distributed Deep Learning", "OSDI", 2019, NULL);
    /* the record's key is another paper's: this one keeps its own */
    add(&c, "gandiva-osdi18", "Gandiva: Introspective Cluster Scheduling for Deep Learning", "OSDI", 2018, NULL);
    add(&c, "xiao2018gandiva", "Something else entirely about compilers", "PLDI", 2021, NULL);
    /* a duplicate the lists left apart: the same record, not the same key twice */
    add(&c, "gandiva-listed", "Gandiva: Introspective Cluster Scheduling for Deep Learning", "OSDI", 2018, NULL);
    lit_catalog_sort(&c);

    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    lit_resolve_opts o = {.vs = &vs, .verbose = true, .out = out};
    lit_resolve_stats st;
    CHECK(lit_resolve(&c, srcs, 1, &o, &st, &d) == 0);
    fclose(out);
    CHECK_INT(st.resolved, 4);
    CHECK_INT(st.not_found, 1);
    CHECK_INT(st.keys, 2);
    CHECK_INT(st.same_record, 1);
    CHECK_INT(st.conflicts, 1);

    /* the published version gives venue and year; the arXiv id stays */
    const lit_paper *g = by_key(&c, "gpipe2019");
    CHECK(g && g->year == 2019 && !g->year_inferred && !strcmp(lit_catalog_venue(&c, g->venue), "NeurIPS"));
    CHECK(g && g->arxiv && !strcmp(g->arxiv, "1811.06965"));
    const lit_node *al = g ? lit_paper_extra(g, "aliases", LIT_NODE_SEQ) : NULL;
    CHECK(al && al->n == 1 && !strcmp(al->items[0].str, "gpipe-arxiv18"));
    /* the list's venue stays against the record's, and says so */
    const lit_paper *t = by_key(&c, "gu2019tiresias");
    CHECK(t && !strcmp(lit_catalog_venue(&c, t->venue), "OSDI") && t->n_authors == 1);
    CHECK(strstr(buf, "note: 'tiresias-osdi19': venue 'OSDI' kept; mine.bib gu2019tiresias says 'NSDI'") != NULL);
    /* another paper has the record's key: no key taken, the record still resolves the paper */
    const lit_paper *ga = by_key(&c, "gandiva-listed");
    CHECK(ga && ga->n_authors == 1);
    CHECK(strstr(buf, "note: 'gandiva-listed' keeps its key: the record's key 'xiao2018gandiva' is another paper's\n"));
    CHECK(strstr(buf, "note: 'gandiva-osdi18' is the record mine.bib xiao2018gandiva that 'gandiva-listed' took too: "
                      "likely duplicates (litsurvey check --duplicates)\n"));
    CHECK(strncmp(buf, "note: ", 6) == 0);   /* papers made in memory have no place to name */
    CHECK(by_key(&c, "gandiva-osdi18") != NULL);
    CHECK_STR(resolved_id(by_key(&c, "gandiva-osdi18")), "xiao2018gandiva");

    lit_buf b = LIT_BUF_INIT;
    lit_resolve_summary(&st, false, &b);
    CHECK_STR(lit_buf_str(&b), "resolved 4 of 5 papers: 4 mine.bib; 1 not found; 0 ambiguous; 1 statement of the lists "
                               "kept against a record (see -v); 1 paper sharing a record with another (see -v); 2 keys "
                               "taken from your bibliography; 4 papers changed");
    lit_buf_free(&b);
    lit_resolve_stats_free(&st);

    /* a second run: nothing changes, provenance included */
    o.verbose = false;
    CHECK(lit_resolve(&c, srcs, 1, &o, &st, &d) == 0);
    CHECK_INT(st.changed, 0);
    CHECK_INT(st.resolved, 4);
    lit_resolve_stats_free(&st);

    free(buf);
    lit_catalog_free(&c);
    lit_catalog_free(&m.cat);
    lit_venues_free(&vs);
    return CHECK_DONE();
}
