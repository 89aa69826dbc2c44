/* fuzz_md.c - libFuzzer target for the Markdown/plain-text list importer (lit_import_list), with the
 * fixture venue and topic tables and in both strict and lenient mode. */
#include "fuzz.h"
#include "catalog.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The importer takes bytes and a length; give it an unterminated copy so that a
     * read past the end shows up under ASan. */
    char *buf = malloc(size ? size : 1);
    memcpy(buf, data, size);
    lit_import_opts o = *fuzz_import_opts();
    for (int lenient = 0; lenient < 2; lenient++) {
        lit_diag d;
        fuzz_diag(&d);
        o.lenient = lenient;
        lit_catalog c;
        lit_catalog_init(&c);
        int rc = lit_import_list(&c, "fuzz.md", buf, size, &o, &d);
        if (rc != 0 && d.errors == 0) abort();
        lit_catalog_free(&c);
    }
    free(buf);
    return 0;
}
