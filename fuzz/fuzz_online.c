/* fuzz_online.c - libFuzzer target for the readers of the online services' answers (arXiv's Atom,
 * Crossref's, DBLP's and OpenAlex's JSON): the first byte picks the reader (and a 404 status),
 * the rest is the body. Any bytes give records or a reason, never a crash. */
#include "fuzz.h"
#include "catalog.h"
#include "online_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const online_read_fn readers[] = {online_read_arxiv, online_read_crossref, online_read_dblp,
                                              online_read_openalex};
    if (size < 1) return 0;
    lit_catalog c;
    lit_catalog_init(&c);
    lit_buf err = LIT_BUF_INIT;
    int r = readers[data[0] & 3]((const char *)data + 1, size - 1, data[0] & 4 ? 404 : 200, &c, &err);
    if (r < 0 && !err.len) abort();   /* a refusal always says why */
    if (r >= 0 && (size_t)r > c.n_papers) abort();
    for (size_t i = 0; i < c.n_papers; i++)
        if (!c.papers[i].key || !c.papers[i].title) abort();
    lit_buf_free(&err);
    lit_catalog_free(&c);
    return 0;
}
