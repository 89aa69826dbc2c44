/* fuzz_import_many.c - libFuzzer target for one import of several files, as `litsurvey
 * import a.md b.bib ...` runs it: the files share the section-heading state, the .bib
 * bibliography and the new topics, then dedupe merges them. Single-file targets never
 * meet the state that several lists build up (a use-after-free in topics_match.c hid there).
 *
 * Input: files separated by NUL bytes (at most 16). A file's first byte may name its
 * importer: 'b' BibTeX, 'c' CSL-JSON, 'r' RIS, 'm' list; otherwise it is a list. */
#include "fuzz.h"
#include "catalog.h"
#include "dedupe.h"
#include "import.h"
#include "import_ref.h"

#define MAX_FILES 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lit_diag d;
    fuzz_diag(&d);
    /* the topic table grows with the headings of one import: a fresh one for every input */
    lit_venues vs;
    lit_topics ts;
    if (lit_venues_load(&vs, FUZZ_ROOT "/tests/fixtures/core/venues.yaml", &d) != 0) abort();
    if (lit_topics_load(&ts, FUZZ_ROOT "/tests/fixtures/core/topics.yaml", &d) != 0) abort();
    lit_catalog cat;
    lit_catalog_init(&cat);
    lit_topic_import heads;
    lit_topic_import_init(&heads, &ts, &vs);
    lit_bib *bib = lit_bib_new();
    lit_import_opts o = {.venues = &vs, .topics = &ts, .sections = &heads, .lenient = size % 2 == 0, .bib = bib};
    size_t at = 0;
    for (int f = 0; f < MAX_FILES && at <= size; f++) {
        const uint8_t *end = memchr(data + at, 0, size - at);
        size_t len = (end ? (size_t)(end - data) : size) - at;
        char kind = len ? (char)data[at] : 'm';
        size_t skip = len && strchr("bcrm", kind) ? 1 : 0;
        /* an unterminated copy: a read past the end shows under ASan */
        char *buf = malloc(len - skip ? len - skip : 1);
        memcpy(buf, data + at + skip, len - skip);
        char name[32];
        snprintf(name, sizeof name, "f%d.%s", f, kind == 'b' ? "bib" : kind == 'c' ? "json" : kind == 'r' ? "ris" : "md");
        size_t before = cat.n_papers;
        int rc = kind == 'b'   ? lit_import_bib(&cat, name, buf, len - skip, &o, &d)
                 : kind == 'c' ? lit_import_csl(&cat, name, buf, len - skip, &o, &d)
                 : kind == 'r' ? lit_import_ris(&cat, name, buf, len - skip, &o, &d)
                               : lit_import_list(&cat, name, buf, len - skip, &o, &d);
        free(buf);
        if (rc != 0) {
            if (d.errors == 0) abort();   /* a failure must say why */
            cat.n_papers = before;
        }
        if (!end) break;
        at += len + 1;
    }
    if (lit_bib_finish(bib, &cat, &o, &d) == 0 && cat.n_papers) {
        lit_dedupe dd;
        memset(&dd, 0, sizeof dd);
        lit_dedupe_find(&cat, &vs, &dd);
        lit_dedupe_merge(&cat, 0, &vs, &ts, &dd);
        lit_topic_import_defs(&heads, &cat);
        lit_dedupe_free(&dd);
    }
    lit_bib_free(bib);
    lit_topic_import_free(&heads);
    lit_catalog_free(&cat);
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return 0;
}
