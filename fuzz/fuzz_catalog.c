/* fuzz_catalog.c - libFuzzer target for the catalog loader (lit_catalog_load_mem); what
 * loads must also save and load back with the same papers (the saver's escaping). */
#include "fuzz.h"
#include "catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lit_diag d;
    fuzz_diag(&d);
    lit_catalog c;
    lit_catalog_init(&c);
    int rc = lit_catalog_load_mem(&c, "fuzz.yaml", (const char *)data, size, &d);
    if (rc != 0 && d.errors == 0) abort();   /* a failure must say why */
    if (rc == 0) {
        const char *path = fuzz_file((const uint8_t *)"", 0, "-saved.yaml");
        if (lit_catalog_save(&c, path, &d) != 0) abort();
        lit_catalog back;
        lit_catalog_init(&back);
        if (lit_catalog_load(&back, path, &d) != 0) abort();          /* saved, but unreadable */
        if (back.n_papers != c.n_papers) abort();
        for (size_t i = 0; i < c.n_papers; i++) {
            const lit_paper *p = &c.papers[i], *q = &back.papers[i];
            if (strcmp(p->key, q->key) != 0 || strcmp(p->title, q->title) != 0 || p->year != q->year ||
                p->n_extras != q->n_extras || p->n_authors != q->n_authors || p->n_sources != q->n_sources)
                abort();                                                /* the round trip lost something */
        }
        lit_catalog_free(&back);
    }
    lit_catalog_free(&c);
    return 0;
}
