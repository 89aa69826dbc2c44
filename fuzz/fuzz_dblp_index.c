/* fuzz_dblp_index.c - libFuzzer target for the DBLP index reader: any bytes as an index
 * file are refused at open or answer every query (candidates by DOI, arXiv id, title and
 * title words, a record by key) without a crash, a leak or a read outside the file. */
#include "fuzz.h"
#include "dblp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, ".idx");
    lit_diag d;
    fuzz_diag(&d);
    lit_dblp_index *ix = lit_dblp_index_open(path, &d);
    if (!ix) {
        if (d.errors == 0) abort();   /* a refusal says why */
        return 0;
    }
    static const char *const titles[] = {"PipeDream: generalized pipeline parallelism for DNN training",
                                         "The New AI: General & Sound & Relevant for Physics", "Godel machines",
                                         "Spectre attacks exploiting speculative execution", ""};
    lit_catalog c;
    lit_catalog_init(&c);
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        lit_paper q;
        memset(&q, 0, sizeof q);
        q.title = titles[i];
        q.doi = i == 1 ? "10.1109/TVCG.2010.63" : NULL;
        q.arxiv = i == 2 ? "1806.03377v2" : NULL;
        q.year = (int16_t)(2000 + i * 5);
        q.venue = -1;
        if (lit_dblp_index_candidates(ix, &q, 5, &c, &d) < 0 && d.errors == 0) abort();
    }
    if (lit_dblp_index_get(ix, "conf/sosp/NarayananHPSDGGZ19", &c, &d) < 0 && d.errors == 0) abort();
    lit_catalog_free(&c);
    lit_dblp_index_close(ix);
    return 0;
}
