/* source_dblp.c - a DBLP index (dblp.h) as a record source: each paper's candidates decoded into a
 * scratch catalog that is emptied now and then, so that memory stays flat over any catalog. */
#include <stdlib.h>
#include "dblp.h"
#include "match.h"
#include "resolve.h"

#define DBLP_FUZZY 8          /* records sharing the title's rarest words, besides the exact ones */
#define SCRATCH_RECORDS 4096  /* decoded records kept before the scratch catalog starts again */

typedef struct dblp_src {
    lit_dblp_index *ix;
    lit_catalog scratch;
    uint32_t *rec;
    size_t cap;
} dblp_src;

static int dblp_candidates(lit_rsource *s, const lit_paper *p, const lit_catalog **rc, const uint32_t **rec,
                           size_t *n, lit_diag *d)
{
    dblp_src *x = s->impl;
    if (x->scratch.n_papers > SCRATCH_RECORDS) {   /* the records of earlier papers are done with */
        lit_catalog_free(&x->scratch);
        lit_catalog_init(&x->scratch);
    }
    size_t from = x->scratch.n_papers;
    /* arXiv's DOI (10.48550/arXiv.ID) is an arXiv id: DBLP's preprints carry it as one */
    lit_paper q = *p;
    char *arx = p->arxiv ? NULL : lit_arxiv_of_doi(p->doi);
    if (arx) q.arxiv = arx;
    int got = lit_dblp_index_candidates(x->ix, &q, DBLP_FUZZY, &x->scratch, d);
    free(arx);
    if (got < 0) return -1;
    LIT_GROW(x->rec, x->cap, (size_t)got + 1);
    for (int i = 0; i < got; i++) x->rec[i] = (uint32_t)(from + (size_t)i);
    *rc = &x->scratch;
    *rec = x->rec;
    *n = (size_t)got;
    return 0;
}

static void dblp_close(lit_rsource *s)
{
    dblp_src *x = s->impl;
    lit_dblp_index_close(x->ix);
    lit_catalog_free(&x->scratch);
    free(x->rec);
    free(x);
}

lit_rsource *lit_rsource_dblp(const char *idx_path, lit_diag *d)
{
    lit_dblp_index *ix = lit_dblp_index_open(idx_path, d);
    if (!ix) return NULL;
    dblp_src *x = lit_xcalloc(1, sizeof *x);
    x->ix = ix;
    lit_catalog_init(&x->scratch);
    lit_rsource *s = lit_xcalloc(1, sizeof *s);
    *s = (lit_rsource){.name = "DBLP", .tag = "dblp", .candidates = dblp_candidates, .close = dblp_close, .impl = x};
    return s;
}
