/* test_dedupe.c - normalised titles, matching by blocking, merge rules, order independence, keys. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "dedupe.h"

static lit_venues vs;
static lit_topics ts;

static lit_paper *add(lit_catalog *c, const char *title, const char *short_name, const char *venue, int year,
                      const char *list, long line)
{
    lit_paper *p = lit_catalog_add(c);
    p->title = lit_arena_strdup(&c->arena, title);
    p->short_name = lit_arena_strdup(&c->arena, short_name);
    if (venue) p->venue = lit_catalog_venue_id(c, venue);
    p->year = (int16_t)year;
    p->sources = lit_arena_alloc(&c->arena, sizeof *p->sources);
    p->sources[0].list = lit_arena_strdup(&c->arena, list);
    p->sources[0].line = line;
    p->n_sources = 1;
    return p;
}

static const lit_paper *by_key(const lit_catalog *c, const char *key)
{
    long i = lit_catalog_find(c, key);
    return i >= 0 ? &c->papers[i] : NULL;
}

static void merge(lit_catalog *c, size_t n_fixed, lit_dedupe *dd)
{
    lit_dedupe_find(c, &vs, dd);
    lit_dedupe_merge(c, n_fixed, &vs, &ts, dd);
}

/* An ASCII title takes a path without utf8proc; it must give what utf8proc's gives. A
 * final non-ASCII letter sends the same title down utf8proc's path: the result is the
 * ASCII one and that letter, folded. */
static void test_norm_ascii(void)
{
    static const char *const t[] = {
        "PipeDream: generalized pipeline parallelism for DNN training",
        "The New AI: General & Sound & Relevant for Physics", "3D Simulation: the Key to A.I.",
        "An \\emph{Emphasised} {TVM} title with $P^3$ and x_1 in it, really",
        "A   Survey   -- of\tthings\r\n(Extended Abstract)", "Fully Persistent B+-trees, and so on",
        "The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks",
        "a \\'{e}t\\\"e {\\AA}ngstr{\\\"o}m ~ 100% [sic] <b> #1 @home |x| `q' \"y\" ;:,./?!*()=",
        "\x01\x7f control bytes are not letters", "Sy{S}ML and Py{T}orch for x^2_i in B\\\"{u}rger", "The  ", "Z", "",
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        char *fast = lit_title_norm(t[i]);
        size_t n = strlen(t[i]);
        char *slow_in = malloc(n + 4);
        memcpy(slow_in, t[i], n);
        memcpy(slow_in + n, " \xC3\x89", 4);   /* " É" */
        char *slow = lit_title_norm(slow_in);
        char *want = malloc(strlen(fast) + 3);
        snprintf(want, strlen(fast) + 3, "%s%se", fast, *fast ? " " : "");
        /* the article is dropped only from titles long enough: compare without it */
        const char *w = want, *g = slow;
        for (int a = 0; a < 3; a++) {
            static const char *const art[] = {"a ", "an ", "the "};
            size_t k = strlen(art[a]);
            if (!strncmp(g, art[a], k) && strncmp(w, art[a], k)) g += k;
        }
        CHECK_STR(g, w);
        free(fast);
        free(slow_in);
        free(slow);
        free(want);
    }
}

static void test_norm(void)
{
    struct { const char *in, *norm, *stripped; } t[] = {
        {"ByteScheduler: A Generic Communication Scheduler for Distributed DNN Training",
         "bytescheduler a generic communication scheduler for distributed dnn training",
         "generic communication scheduler for distributed dnn training"},
        {"A Generic Communication Scheduler for Distributed DNN Training",
         "generic communication scheduler for distributed dnn training", NULL},
        {"  The   Lottery Ticket Hypothesis!!  ", "lottery ticket hypothesis", NULL},
        {"Tux\xC2\xB2: Distributed Graph Computation for Machine Learning",
         "tux2 distributed graph computation for machine learning", "distributed graph computation for machine learning"},
        {"\xC3\x84rger \xEF\xAC\x81les \xCE\xBCLayer Stra\xC3\x9F" "e", "arger files \xCE\xBClayer strasse", NULL},
        {"Multi-Resource Interleaving for Deep Learning Training", "multi resource interleaving for deep learning training", NULL},
        {"Operator Fusion in XLA: Analysis and Evaluation", "operator fusion in xla analysis and evaluation", NULL},
        {"GPU/CPU \xE2\x80\x9C" "Clusters\xE2\x80\x9D", "gpu cpu clusters", NULL},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        char *n = lit_title_norm(t[i].in), *s = lit_title_norm_stripped(t[i].in);
        CHECK_STR(n, t[i].norm);
        CHECK_STR(s, t[i].stripped);
        free(n);
        free(s);
    }
}

/* The hard cases of the seeds: a leading system name or article, a nickname prefix, a
 * project tagline under the system's name at the same venue and year. */
static void test_hard_cases(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    add(&c, "A Generic Communication Scheduler for Distributed DNN Training Acceleration", NULL, "SOSP", 2019, "000.txt", 27);
    add(&c, "ByteScheduler: A Generic Communication Scheduler for Distributed DNN Training Acceleration", "ByteScheduler", "SOSP", 2019, "001.txt", 85);
    add(&c, "Generic Communication Scheduler for Distributed DNN Training Acceleration", NULL, "SOSP", 2019, "004.txt", 61);
    add(&c, "A Unified Architecture for Accelerating Distributed DNN Training in Heterogeneous GPU/CPU Clusters", "BytePS", "OSDI", 2020, "003.txt", 34);
    add(&c, "BytePS: A High Performance and Generic Framework for Distributed DNN Training", "BytePS", "OSDI", 2020, "001.txt", 12);
    add(&c, "A Unified Architecture for Accelerating Distributed DNN Training in Heterogeneous GPU/CPU Clusters", NULL, "OSDI", 2020, "004.txt", 15);
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, 2);
    CHECK_INT(dd.n_unsure, 0);
    const lit_paper *bs = by_key(&c, "bytescheduler2019sosp"), *bp = by_key(&c, "byteps2020osdi");
    CHECK(bs != NULL);
    CHECK(bp != NULL);
    if (bs && bp) {
        /* three spellings, one each: the longest (the one naming the system) */
        CHECK_STR(bs->title, "ByteScheduler: A Generic Communication Scheduler for Distributed DNN Training Acceleration");
        CHECK_STR(bs->short_name, "ByteScheduler");
        CHECK_INT(bs->n_sources, 3);
        CHECK_STR(bs->sources[0].list, "000.txt");  /* sources sorted by place */
        CHECK_STR(bs->sources[2].list, "004.txt");
        /* the paper title most lists give, not the tagline */
        CHECK_STR(bp->title, "A Unified Architecture for Accelerating Distributed DNN Training in Heterogeneous GPU/CPU Clusters");
        CHECK_INT(bp->n_sources, 3);
    }
    bool system_reason = false;
    for (size_t i = 0; i < dd.n; i++)
        if (dd.m[i].reason == LIT_MATCH_SYSTEM && !dd.m[i].unsure) system_reason = true;
    CHECK(system_reason);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* LaTeX markup and case of one title or system name are one paper: {TVM} = TVM, $P^3$ = P3,
 * APNET = APNet, \emph{X} = X. */
static void test_markup(void)
{
    char *n = lit_title_norm("{TVM}: An {A}utomated End-to-End Compiler");
    CHECK_STR(n, "tvm an automated end to end compiler");
    free(n);
    n = lit_title_norm("$P^3$: Priority-Based Parameter Propagation");
    CHECK_STR(n, "p3 priority based parameter propagation");
    free(n);
    n = lit_title_norm("\\emph{Quokka}: Fast \\& Simple");
    CHECK_STR(n, "quokka fast simple");
    free(n);
    lit_catalog c;
    lit_catalog_init(&c);
    add(&c, "{TVM}: An Automated End-to-End Optimizing Compiler for Deep Learning", "{TVM}", "OSDI", 2018, "a.bib", 1);
    add(&c, "TVM: An automated end-to-end optimizing compiler for deep learning", "TVM", "OSDI", 2018, "b.md", 1);
    add(&c, "$P^3$: Priority-Based Parameter Propagation for Distributed Training", "$P^3$", "MLSys", 2019, "a.bib", 2);
    add(&c, "P3: Priority-based parameter propagation for distributed training", "P3", "MLSys", 2019, "b.md", 2);
    add(&c, "Tiny Queues for Datacenter Fabrics", "APNET", "APNet", 2023, "a.md", 3);
    add(&c, "TINY QUEUES FOR DATACENTER FABRICS", "APNet", "APNet", 2023, "b.md", 3);
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, 3);
    CHECK_INT(dd.n_unsure, 0);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* A system name at the same venue and year merges only titles that agree; the rest are
 * listed as unsure. */
static void test_system_titles(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    /* four different papers a list labels with one tag */
    add(&c, "Blockwise Kernels for Long Sequences", "SP", "arXiv", 2023, "l.md", 1);
    add(&c, "Ring Scheduling with Blockwise Transformers for Near-Infinite Context", "SP", "arXiv", 2023, "l.md", 2);
    add(&c, "Striped Layouts: Faster Ring Scheduling for Causal Models", "SP", "arXiv", 2023, "l.md", 3);
    add(&c, "System Optimizations for Training Extreme Long Sequence Transformers", "SP", "arXiv", 2023, "l.md", 4);
    /* two papers that share a name */
    add(&c, "Kestrel: Probabilistic Performance Modeling for Distributed Training", "Kestrel", "arXiv", 2025, "l.md", 5);
    add(&c, "Kestrel: Unleashing GPU Sharing for Multi-Model Serving", "Kestrel", "arXiv", 2025, "l.md", 6);
    /* one paper: a shortened title, a typo, a renamed version, the name alone, a shared id */
    add(&c, "Heron: Efficient Fuzzing by Principled Search", "Heron", "S&P", 2018, "a.md", 1);
    add(&c, "Heron: Efficient Fuzzing", "Heron", "S&P", 2018, "b.md", 1);
    add(&c, "Plover: Differential Testing to Find CPU Bugs", "Plover", "S&P", 2021, "a.md", 2);
    add(&c, "Plover: Differential Testing to Find CPU Bug", "Plover", "S&P", 2021, "b.md", 2);
    add(&c, "Egret: Optimizing the Network Topology for Distributed DNN Training", "Egret", "NSDI", 2023, "a.md", 3);
    add(&c, "Egret: Co-optimizing Network Topology and Parallelization Strategy for Distributed Training Jobs", "Egret",
        "NSDI", 2023, "b.md", 3);
    add(&c, "Wren", "Wren", "OSDI", 2022, "a.md", 4);
    add(&c, "Wren: Serving Many Models on One Accelerator", "Wren", "OSDI", 2022, "b.md", 4);
    add(&c, "Crane: A Streaming Engine", "Crane", "arXiv", 2024, "a.md", 5)->arxiv = "2401.00001";
    add(&c, "Crane: Stream Processing at the Edge of the Network", "Crane", "arXiv", 2024, "b.md", 5)->arxiv = "2401.00001";
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, 6 + 5);
    size_t disagree = 0;
    for (size_t i = 0; i < dd.n; i++)
        if (dd.m[i].unsure && dd.m[i].reason == LIT_MATCH_SYSTEM && dd.m[i].why && !strcmp(dd.m[i].why, "the titles disagree"))
            disagree++;
    CHECK_INT(disagree, 6 + 1);
    CHECK_INT(dd.n_unsure, 7);
    const char *one[] = {"heron2018sp", "plover2021sp", "egret2023nsdi", "wren2022osdi", "crane2024arxiv"};
    for (size_t i = 0; i < 5; i++) {
        const lit_paper *p = by_key(&c, one[i]);
        CHECK(p != NULL && p->n_sources == 2);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    lit_dedupe_print(&dd, false, f);
    fclose(f);
    CHECK(strstr(buf, "unsure, kept apart: l.md:5 \"Kestrel: Probabilistic Performance Modeling for Distributed Training\" and "
                      "l.md:6 \"Kestrel: Unleashing GPU Sharing for Multi-Model Serving\": same system name at the same "
                      "venue and year, but the titles disagree\n") != NULL);
    free(buf);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

static void test_conflicts(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    /* peer-reviewed beats arXiv; the arXiv id of the preprint is kept */
    lit_paper *z = add(&c, "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", "ZeRO", "arXiv", 2019, "a.md", 1);
    z->arxiv = "1910.02054";
    z->year_inferred = true;
    add(&c, "ZeRO: memory optimizations toward training trillion parameter models", "ZeRO", "SC", 2020, "b.md", 1);
    /* a known year beats none */
    add(&c, "Optimus: An Efficient Dynamic Resource Scheduler for Deep Learning Clusters", "Optimus", NULL, 0, "a.md", 2);
    add(&c, "Optimus: An Efficient Dynamic Resource Scheduler for Deep Learning Clusters", "Optimus", "EuroSys", 2018, "b.md", 2);
    /* arXiv versions: the earliest year */
    add(&c, "Horovod: fast and easy distributed deep learning in TensorFlow", "Horovod", "arXiv", 2020, "a.md", 3);
    add(&c, "Horovod: fast and easy distributed deep learning in TensorFlow", "Horovod", "arXiv", 2018, "b.md", 3);
    /* the same title at two peer-reviewed venues: unsure, kept apart */
    add(&c, "Memory-Efficient Training of Large Models", NULL, "OSDI", 2020, "a.md", 4);
    add(&c, "Memory-efficient training of large models", NULL, "SOSP", 2019, "b.md", 4);
    /* the same tagline under two system names: unsure */
    add(&c, "Foo: Fast and Scalable Training of Large Language Models", "Foo", "NSDI", 2022, "a.md", 5);
    add(&c, "Bar: Fast and Scalable Training of Large Language Models", "Bar", "NSDI", 2022, "b.md", 5);
    /* the same arXiv id under two titles */
    add(&c, "Scaling Laws for Neural Language Models", NULL, "arXiv", 2020, "a.md", 6)->arxiv = "2001.08361";
    add(&c, "Scaling laws (Kaplan et al.)", NULL, "arXiv", 2020, "b.md", 6)->arxiv = "2001.08361";
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, 8);
    const lit_paper *p = by_key(&c, "zero2020sc");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(lit_catalog_venue(&c, p->venue), "SC");
        CHECK_INT(p->year, 2020);
        CHECK(!p->year_inferred);
        CHECK_STR(p->arxiv, "1910.02054");
        CHECK_STR(p->title, "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models");  /* title case */
    }
    p = by_key(&c, "optimus2018eurosys");
    CHECK(p && p->year == 2018 && p->n_sources == 2);
    p = by_key(&c, "horovod2018arxiv");
    CHECK(p && p->year == 2018);
    CHECK(by_key(&c, "memoryefficient2020osdi") != NULL);
    CHECK(by_key(&c, "memoryefficient2019sosp") != NULL);
    CHECK(by_key(&c, "foo2022nsdi") != NULL);
    CHECK(by_key(&c, "bar2022nsdi") != NULL);
    CHECK(by_key(&c, "scaling2020arxiv") != NULL);
    CHECK_INT(dd.n_unsure, 2);
    bool venues = false, names = false, arxiv = false;
    for (size_t i = 0; i < dd.n; i++) {
        const lit_match *m = &dd.m[i];
        if (m->unsure && m->why && strstr(m->why, "venues")) venues = true;
        if (m->unsure && m->why && strstr(m->why, "system names")) names = true;
        if (!m->unsure && m->reason == LIT_MATCH_ARXIV) arxiv = true;
    }
    CHECK(venues);
    CHECK(names);
    CHECK(arxiv);
    /* every merge and unsure pair can be printed with its places and reason */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    lit_dedupe_print(&dd, true, f);
    fclose(f);
    CHECK(strstr(buf, "merged into 'zero2020sc': a.md:1 \"ZeRO: Memory Optimizations") != NULL);
    CHECK(strstr(buf, "unsure, kept apart: a.md:4 \"Memory-Efficient Training of Large Models\" and b.md:4") != NULL);
    CHECK(strstr(buf, "same arXiv id") != NULL);
    free(buf);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* A text form of a merged catalog, to compare two merges. */
static char *dump(const lit_catalog *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    for (size_t i = 0; i < c->n_papers; i++) {
        const lit_paper *p = &c->papers[i];
        fprintf(f, "%s|%s|%s|%s|%d|", p->key, p->title, p->short_name ? p->short_name : "",
                lit_catalog_venue(c, p->venue) ? lit_catalog_venue(c, p->venue) : "", p->year);
        for (uint32_t k = 0; k < p->n_sources; k++) fprintf(f, "%s:%ld,", p->sources[k].list, p->sources[k].line);
        fputc('\n', f);
    }
    fclose(f);
    return buf;
}

static void fill(lit_catalog *c, const size_t *order, size_t n)
{
    static const struct { const char *t, *s, *v; int y; const char *l; long line; } P[] = {
        {"PipeDream: Generalized Pipeline Parallelism for DNN Training", "PipeDream", "SOSP", 2019, "a", 1},
        {"PipeDream: Generalized Pipeline Parallelism for DNN Training", "PipeDream", "SOSP", 2019, "b", 7},
        {"GPipe: Efficient Training of Giant Neural Networks", "GPipe", "arXiv", 2018, "a", 2},
        {"GPipe: Efficient Training of Giant Neural Networks", "GPipe", "NeurIPS", 2019, "c", 3},
        {"PRETZEL: Opening the Black Box of Machine Learning Prediction Serving Systems", "PRETZEL", "OSDI", 2018, "b", 1},
        {"Pretzel: Opening the Black Box of Machine Learning Prediction Serving Systems", "Pretzel", "OSDI", 2018, "c", 9},
        {"Efficient Large Model Training One", NULL, "SC", 2021, "a", 5},
        {"Efficient Large Model Training Two", NULL, "SC", 2021, "b", 5},
        {"Efficient Large Model Training Three", NULL, "SC", 2021, "c", 5},
        {"Large Scale Distributed Deep Networks", "DistBelief", NULL, 0, "a", 9},
        {"Large Scale Distributed Deep Networks", NULL, "NIPS", 2012, "b", 26},
    };
    for (size_t i = 0; i < n; i++) {
        size_t k = order[i];
        add(c, P[k].t, P[k].s, P[k].v, P[k].y, P[k].l, P[k].line);
    }
}

/* Lists copy identifiers, and a thesis shares its paper's title: neither merges. */
static void test_documents_apart(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    add(&c, "Scalable Graph Engines for Molecules", NULL, NULL, 2020, "a.md", 1)->doi = "10.1145/1234.5678";
    add(&c, "Quantum Error Correction Codes", NULL, NULL, 2021, "a.md", 2)->doi = "10.1145/1234.5678";
    /* the same DOI with titles that share a word is one paper (a shortened title) */
    add(&c, "Learned Index Structures", NULL, NULL, 2018, "a.md", 3)->doi = "10.1145/3183713.3196909";
    add(&c, "The Case for Learned Index Structures", NULL, "SIGMOD", 2018, "b.md", 3)->doi = "10.1145/3183713.3196909";
    add(&c, "Graph Neural Architectures for Chemistry", NULL, "Thesis", 2019, "a.md", 4);
    add(&c, "Graph Neural Architectures for Chemistry", NULL, "NeurIPS", 2020, "b.md", 4);
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, 5);
    bool doi = false, thesis = false;
    for (size_t i = 0; i < dd.n; i++) {
        const lit_match *m = &dd.m[i];
        doi |= m->unsure && m->reason == LIT_MATCH_DOI && m->why && strstr(m->why, "share no word");
        thesis |= m->unsure && m->why && strstr(m->why, "thesis");
    }
    CHECK(doi);
    CHECK(thesis);
    CHECK_INT(dd.n_unsure, 2);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

static void test_order_independence(void)
{
    const size_t n = 11;
    size_t fwd[11], rev[11], mix[11] = {5, 2, 9, 0, 7, 10, 3, 1, 8, 4, 6};
    for (size_t i = 0; i < n; i++) { fwd[i] = i; rev[i] = n - 1 - i; }
    char *out[3];
    const size_t *orders[3] = {fwd, rev, mix};
    for (int k = 0; k < 3; k++) {
        lit_catalog c;
        lit_catalog_init(&c);
        fill(&c, orders[k], n);
        lit_dedupe dd;
        merge(&c, 0, &dd);
        out[k] = dump(&c);
        lit_dedupe_free(&dd);
        lit_catalog_free(&c);
    }
    CHECK_STR(out[1], out[0]);
    CHECK_STR(out[2], out[0]);
    CHECK(strstr(out[0], "efficient2021sc|Efficient Large Model Training One|") != NULL);
    CHECK(strstr(out[0], "efficient2021sca|Efficient Large Model Training Three|") != NULL);
    CHECK(strstr(out[0], "efficient2021scb|Efficient Large Model Training Two|") != NULL);
    CHECK(strstr(out[0], "gpipe2019neurips|GPipe: Efficient Training of Giant Neural Networks|GPipe|NeurIPS|2019|a:2,c:3,") != NULL);
    CHECK(strstr(out[0], "distbelief2012nips|Large Scale Distributed Deep Networks|DistBelief|NIPS|2012|a:9,b:26,") != NULL);
    CHECK(strstr(out[0], "pretzel2018osdi|PRETZEL: Opening") != NULL);
    for (int k = 0; k < 3; k++) free(out[k]);
}

/* -m: existing papers keep key, title and extras; two existing papers are never merged. */
static void test_fixed(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    lit_paper *e = add(&c, "Gandiva: Introspective Cluster Scheduling (edited by hand)", "Gandiva", "OSDI", 2018, "old.md", 3);
    e->key = "my-gandiva";
    e->extras = lit_arena_alloc(&c.arena, sizeof *e->extras);
    e->extras[0].key = "notes";
    e->extras[0].value.kind = LIT_NODE_SCALAR;
    e->extras[0].value.str = "great paper";
    e->n_extras = 1;
    add(&c, "Twin Title For Two Existing Papers Here", NULL, "OSDI", 2020, "old.md", 4)->key = "twin-a";
    add(&c, "Twin Title For Two Existing Papers Here", NULL, "OSDI", 2020, "old.md", 5)->key = "twin-b";
    add(&c, "Gandiva: Introspective Cluster Scheduling (edited by hand)", "Gandiva", "OSDI", 2018, "new.md", 1);
    add(&c, "Gandiva: Introspective Cluster Scheduling for Deep Learning", "Gandiva", "OSDI", 2018, "new2.md", 8);
    add(&c, "Twin Title For Two Existing Papers Here", NULL, "OSDI", 2020, "new.md", 2);
    lit_dedupe dd;
    merge(&c, 3, &dd);
    CHECK_INT(c.n_papers, 3);
    const lit_paper *g = by_key(&c, "my-gandiva");
    CHECK(g != NULL);
    if (g) {
        CHECK_STR(g->title, "Gandiva: Introspective Cluster Scheduling (edited by hand)");
        CHECK_INT(g->n_extras, 1);
        CHECK_INT(g->n_sources, 3);
    }
    CHECK(by_key(&c, "twin-a") != NULL);
    CHECK(by_key(&c, "twin-b") != NULL);
    const lit_paper *ta = by_key(&c, "twin-a");
    CHECK(ta && ta->n_sources == 2);  /* the new listing joins the existing paper with the lower key */
    bool both = false;
    for (size_t i = 0; i < dd.n; i++)
        if (dd.m[i].unsure && dd.m[i].why && strstr(dd.m[i].why, "already in the catalog")) both = true;
    CHECK(both);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* Keys: system name or first significant word, venue, 2-digit year. */
static void test_keys(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    add(&c, "\xCE\xBCLayer: Low Latency On-Device Inference", "\xCE\xBCLayer", "EuroSys", 2019, "a", 1);
    add(&c, "The Lottery Ticket Hypothesis", NULL, "ICLR", 2019, "a", 2);
    add(&c, "Is Network the Bottleneck of Distributed Training?", NULL, "NetAI", 2020, "a", 3);
    add(&c, "Large Scale Distributed Deep Networks", "DistBelief", NULL, 0, "a", 4);
    add(&c, "AFS/CoDDL: Elastic Resource Sharing", "AFS/CoDDL", "NSDI", 2021, "a", 5);
    add(&c, "Something Without a Venue", NULL, NULL, 2017, "a", 6);
    add(&c, "A Workshop Paper on Things", NULL, "NeurIPS-W", 2016, "a", 7);
    lit_paper *k = add(&c, "Kept Key From BibTeX", NULL, "OSDI", 2020, "a.bib", 8);
    k->key = "Smith2020Kept";
    lit_assign_keys(&c);
    const char *want[] = {"mulayer2019eurosys", "lottery2019iclr", "network2020netai", "distbelief", "afscoddl2021nsdi",
                          "something2017", "workshop2016neuripsw", "Smith2020Kept"};
    for (size_t i = 0; i < c.n_papers; i++) CHECK_STR(c.papers[i].key, want[i]);
    lit_catalog_free(&c);
}

/* A key given twice (two .bib files, or a .bib and the existing catalog). */
static void test_key_clash(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    add(&c, "Second Paper On Other Things", NULL, "TPDS", 2021, "b.bib", 1)->key = "same";
    add(&c, "First Paper About Things", NULL, "TPDS", 2020, "a.bib", 1)->key = "same";
    lit_assign_keys(&c);
    CHECK_STR(c.papers[1].key, "same");           /* a.bib comes first by place */
    CHECK_STR(c.papers[0].key, "second2021tpds");
    lit_catalog_free(&c);
    /* three times: each later one is compared with the first, which keeps the key */
    lit_catalog_init(&c);
    add(&c, "Third Paper On Other Things", NULL, "TPDS", 2022, "c.bib", 1)->key = "same";
    add(&c, "Second Paper On Other Things", NULL, "TPDS", 2021, "b.bib", 1)->key = "same";
    add(&c, "First Paper About Things", NULL, "TPDS", 2020, "a.bib", 1)->key = "same";
    lit_assign_keys(&c);
    CHECK_STR(c.papers[2].key, "same");
    CHECK_STR(c.papers[1].key, "second2021tpds");
    CHECK_STR(c.papers[0].key, "third2022tpds");
    lit_catalog_free(&c);
    lit_catalog_init(&c);
    add(&c, "An Existing Paper in the Catalog", NULL, "OSDI", 2020, "z.md", 1)->key = "same";
    add(&c, "A New Paper From a BibTeX File", NULL, "OSDI", 2021, "a.bib", 1)->key = "same";
    lit_dedupe dd;
    merge(&c, 1, &dd);
    const lit_paper *e = by_key(&c, "same");
    CHECK(e != NULL && !strcmp(e->title, "An Existing Paper in the Catalog"));
    CHECK(by_key(&c, "new2021osdi") != NULL);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* Blocking: many papers, few comparisons; the merge count is exact. */
static void test_scale(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    char t[128];
    const size_t n = 60000;
    for (size_t i = 0; i < n; i++) {
        snprintf(t, sizeof t, "Paper %zu on Scalable Systems for Learning", i % (n / 2));
        add(&c, t, NULL, "OSDI", 2000 + (int)(i % 20), i < n / 2 ? "a" : "b", (long)i);
    }
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, n / 2);
    CHECK_INT(dd.n_merged, n / 2);
    CHECK_INT(dd.n_unsure, 0);
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* Before a merge (as `check` would run it on a loaded catalog): pairs at their catalog lines. */
static void test_report_only(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    c.path = "cat.yaml";
    add(&c, "Themis: Fair and Efficient GPU Cluster Scheduling", "Themis", "NSDI", 2020, "a.md", 1)->line = 3;
    add(&c, "Themis: fair and efficient GPU cluster scheduling", "Themis", "NSDI", 2020, "b.md", 9)->line = 12;
    lit_dedupe dd;
    lit_dedupe_find(&c, &vs, &dd);
    CHECK_INT(dd.n_merged, 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    lit_dedupe_print(&dd, true, f);
    fclose(f);
    CHECK_STR(buf, "likely duplicates: cat.yaml:3 \"Themis: Fair and Efficient GPU Cluster Scheduling\" and "
                   "cat.yaml:12 \"Themis: fair and efficient GPU cluster scheduling\": same normalised title\n");
    free(buf);
    CHECK_INT(c.n_papers, 2);  /* finding changes nothing */
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

/* A list entry and the user's bibliography entry of one paper: the bibliography's key,
 * title as written, authors, DOI and links win; the list's label names the system. The
 * same arXiv id is one paper under two lists' labels. */
static void test_record_wins(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    lit_paper *l = add(&c, "Memory Optimizations Toward Training Trillion Parameter Models", "DeepSpeed", "SC", 2020, "list.md", 3);
    l->arxiv = "1910.02054";
    l->links = lit_arena_alloc(&c.arena, 2 * sizeof *l->links);
    l->links[0] = (lit_link){"paper", "https://arxiv.org/abs/1910.02054"};
    l->links[1] = (lit_link){"code", "https://github.com/microsoft/DeepSpeed"};
    l->n_links = 2;
    lit_paper *r = add(&c, "{ZeRO}: Memory Optimizations Toward Training Trillion Parameter Models", NULL, "SC", 2020, "mine.bib", 12);
    r->key = "Rajbhandari:2020:ZeRO";
    r->doi = "10.1109/SC41405.2020.00024";
    static const char *names[] = {"Samyam Rajbhandari", "Jeff Rasley"};
    r->authors = names;
    r->n_authors = 2;
    add(&c, "ZeRO: memory optimizations toward training trillion parameter models", "ZeRO-Offload", NULL, 0, "other.md", 7)
        ->arxiv = "1910.02054v3";   /* another list's label, the same arXiv id */
    lit_dedupe dd;
    merge(&c, 0, &dd);
    CHECK_INT(c.n_papers, 1);
    const lit_paper *p = by_key(&c, "Rajbhandari:2020:ZeRO");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->title, "{ZeRO}: Memory Optimizations Toward Training Trillion Parameter Models");
        CHECK_INT(p->n_authors, 2);
        CHECK_STR(p->doi, "10.1109/SC41405.2020.00024");
        CHECK_STR(p->arxiv, "1910.02054");
        CHECK_INT(p->n_sources, 3);
        CHECK(p->short_name && strcmp(p->short_name, "DeepSpeed") == 0);   /* the better ranked list's label */
        bool arxiv_link = false, code = false;
        for (uint32_t i = 0; i < p->n_links; i++) {
            arxiv_link |= !strcmp(p->links[i].kind, "paper");
            code |= !strcmp(p->links[i].kind, "code");
        }
        CHECK(!arxiv_link && code);   /* the record's DOI is where the paper is; the code link stays */
    }
    lit_dedupe_free(&dd);
    lit_catalog_free(&c);
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (lit_venues_load(&vs, "data/venues.yaml", &d) != 0 || lit_topics_load(&ts, "data/topics.yaml", &d) != 0) {
        printf("not ok - cannot load data/venues.yaml and data/topics.yaml (run from the project root)\n");
        return 1;
    }
    test_norm();
    test_norm_ascii();
    test_hard_cases();
    test_markup();
    test_system_titles();
    test_conflicts();
    test_documents_apart();
    test_order_independence();
    test_fixed();
    test_keys();
    test_report_only();
    test_key_clash();
    test_record_wins();
    test_scale();
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return CHECK_DONE();
}
