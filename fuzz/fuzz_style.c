/* fuzz_style.c - libFuzzer target for the style loader (lit_style_load on a scratch file;
 * `base:` names resolve against the project's styles/). */
#include "fuzz.h"
#include "style.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lit_diag d;
    fuzz_diag(&d);
    const char *path = fuzz_file(data, size, "-style.yaml");
    lit_style st;
    int rc = lit_style_load(&st, path, FUZZ_ROOT "/data/catalog.yaml", &d);
    if (rc != 0 && d.errors == 0) abort();
    if (rc == 0 && (st.n_palette == 0 || !(st.width > 0) || !(st.height > 0))) abort();
    lit_style_free(&st);
    return 0;
}
