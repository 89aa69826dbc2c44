/* test_yread_keys.c - repeated keys are found in mappings of any size, in linear time. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "buf.h"
#include "catalog.h"

static char msg[4096];

static int load(const char *text)
{
    FILE *f = fmemopen(msg, sizeof msg - 1, "w");
    lit_diag d;
    lit_diag_init(&d, f);
    lit_catalog c;
    lit_catalog_init(&c);
    memset(msg, 0, sizeof msg);
    int rc = lit_catalog_load_mem(&c, "k.yaml", text, strlen(text), &d);
    fclose(f);
    lit_catalog_free(&c);
    return rc;
}

/* A paper with n keys of the given layout (extra fields, link kinds, keys of a nested
 * mapping), the key `dup` (when not NULL) repeated as the last one. */
static void paper(lit_buf *t, const char *what, size_t n, const char *dup)
{
    lit_buf_reset(t);
    lit_buf_adds(t, "papers:\n- key: a\n  title: b\n");
    const char *in = "  ";
    if (strcmp(what, "links") == 0) { lit_buf_adds(t, "  links:\n"); in = "    "; }
    if (strcmp(what, "nested") == 0) { lit_buf_adds(t, "  notes:\n"); in = "    "; }
    for (size_t i = 0; i < n; i++) lit_buf_printf(t, "%sx%zu: u\n", in, i);
    if (dup) lit_buf_printf(t, "%s%s: again\n", in, dup);
}

int main(void)
{
    static const char *const kinds[] = {"extras", "links", "nested"};
    lit_buf t = LIT_BUF_INIT;
    char want[64];
    for (size_t k = 0; k < 3; k++) {
        const size_t sizes[] = {3, 15, 16, 17, 100, 50000};
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            size_t n = sizes[i];
            paper(&t, kinds[k], n, NULL);
            CHECK_INT(load(lit_buf_str(&t)), 0);
            /* the first, a middle and the last key again: found wherever it was */
            const size_t at[] = {0, n / 2, n - 1};
            for (size_t j = 0; j < 3; j++) {
                char dup[32];
                snprintf(dup, sizeof dup, "x%zu", at[j]);
                paper(&t, kinds[k], n, dup);
                snprintf(want, sizeof want, "k.yaml:%zu:", n + 4 + (k > 0));
                CHECK(load(lit_buf_str(&t)) != 0 && strstr(msg, want) && strstr(msg, "duplicate key"));
                if (!strstr(msg, want)) printf("#   %s %zu keys, x%zu again: %s", kinds[k], n, at[j], msg);
            }
            /* a name that is a prefix of others is not a repeat */
            paper(&t, kinds[k], n, "x");
            CHECK_INT(load(lit_buf_str(&t)), 0);
        }
    }
    lit_buf_free(&t);
    return CHECK_DONE();
}
