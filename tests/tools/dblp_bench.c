/* dblp_bench.c - times the DBLP index: its build from a dump, and candidate queries for every paper of a catalog. */
/*
 * dblp_bench build DUMP INDEX          builds the index (time it from outside: /usr/bin/time -v)
 * dblp_bench query INDEX CATALOG [MAX] candidates (MAX fuzzy ones, default 5) for each paper;
 *     prints the queries, the time of all of them (catalog loading and index opening apart),
 *     per query, the slowest, the candidates per query, and the recall: of the papers that
 *     name the record they were made from (`expect: KEY`, as gen_dblp writes them), how
 *     many got it among their candidates, and how many first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "catalog.h"
#include "dblp.h"

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }

static const char *expected(const lit_paper *p)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (!strcmp(p->extras[i].key, "expect") && p->extras[i].value.kind == LIT_NODE_SCALAR) return p->extras[i].value.str;
    return NULL;
}

int main(int argc, char **argv)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (argc == 4 && !strcmp(argv[1], "build")) {
        double t = now();
        int rc = lit_dblp_index_build(argv[2], argv[3], &d);
        lit_diag_flush(&d);
        printf("build: %.2f s\n", now() - t);
        return rc ? 1 : 0;
    }
    if ((argc != 4 && argc != 5) || strcmp(argv[1], "query") != 0) {
        fprintf(stderr, "usage: dblp_bench build DUMP INDEX | dblp_bench query INDEX CATALOG [MAX]\n");
        return 2;
    }
    size_t max = argc == 5 ? (size_t)atoi(argv[4]) : 5;
    lit_catalog cat;
    lit_catalog_init(&cat);
    if (lit_catalog_load(&cat, argv[3], &d) != 0) return 1;
    double t0 = now();
    lit_dblp_index *ix = lit_dblp_index_open(argv[2], &d);
    if (!ix) return 1;
    double t_open = now() - t0;
    size_t cands = 0, with_expect = 0, found = 0, first = 0;
    double worst = 0, total = 0, cpu0 = clock_s(CLOCK_PROCESS_CPUTIME_ID), cpu = 0;
    lit_catalog out;
    lit_catalog_init(&out);
    for (size_t i = 0; i < cat.n_papers; i++) {
        const lit_paper *p = &cat.papers[i];
        if (out.n_papers > 10000) {   /* scratch, as a resolver keeps it */
            lit_catalog_free(&out);
            lit_catalog_init(&out);
        }
        size_t n0 = out.n_papers;
        double t = now(), c = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        int n = lit_dblp_index_candidates(ix, p, max, &out, &d);
        double dt = now() - t;
        cpu += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c;
        total += dt;
        if (dt > worst) worst = dt;
        if (n < 0) return 1;
        cands += (size_t)n;
        const char *want = expected(p);
        if (!want) continue;
        with_expect++;
        for (size_t k = n0; k < out.n_papers; k++)
            if (!strcmp(out.papers[k].key, want)) { found++; first += k == n0; break; }
    }
    (void)cpu0;
    printf("queries: %zu against %zu records; open %.3f s; candidates %.3f s wall, %.3f s CPU (%.1f us per query, slowest %.0f us); "
           "%.2f candidates per query; recall %.2f%% (%zu of %zu), first %.2f%%\n",
           cat.n_papers, lit_dblp_index_count(ix), t_open, total, cpu, cat.n_papers ? 1e6 * total / (double)cat.n_papers : 0,
           1e6 * worst, cat.n_papers ? (double)cands / (double)cat.n_papers : 0,
           with_expect ? 100.0 * (double)found / (double)with_expect : 0, found, with_expect,
           with_expect ? 100.0 * (double)first / (double)with_expect : 0);
    lit_catalog_free(&out);
    lit_catalog_free(&cat);
    lit_dblp_index_close(ix);
    return 0;
}
