/* fuzz_tables.c - libFuzzer target for the venue and topic tables (lit_venues_load,
 * lit_topics_load on a scratch file); each input is read as both. */
#include "fuzz.h"
#include "topics.h"
#include "venues.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, "-table.yaml");
    lit_diag d;
    fuzz_diag(&d);
    lit_venues vs;
    if (lit_venues_load(&vs, path, &d) == 0) {
        for (size_t i = 0; i < vs.n; i++)
            if (lit_venues_find(&vs, vs.v[i].id) == NULL) abort();   /* every id finds itself */
    } else if (d.errors == 0) abort();
    lit_venues_free(&vs);
    fuzz_diag(&d);
    lit_topics ts;
    if (lit_topics_load(&ts, path, &d) == 0) {
        for (size_t i = 0; i < ts.n; i++)
            if (lit_topics_find(&ts, ts.t[i].id) < 0) abort();
    } else if (d.errors == 0) abort();
    lit_topics_free(&ts);
    return 0;
}
