/* source_files.c - the user's own files as a record source: .bib (one bibliography), CSL-JSON and RIS
 * read with the importers into a scratch catalog, answered through a match index. */
#include <stdlib.h>
#include <string.h>
#include "import.h"
#include "import_ref.h"
#include "resolve.h"

#define FUZZY_CANDIDATES 8   /* records sharing the most title words, besides the exact ones */

typedef struct files {
    lit_catalog cat;
    lit_matcher *m;
    uint32_t *rec;   /* the last answer */
} files;

static int files_candidates(lit_rsource *s, const lit_paper *p, const lit_catalog **rc, const uint32_t **rec,
                            size_t *n, lit_diag *d)
{
    (void)d;
    files *f = s->impl;
    free(f->rec);
    *n = lit_matcher_candidates(f->m, p, FUZZY_CANDIDATES, &f->rec);
    *rc = &f->cat;
    *rec = f->rec;
    return 0;
}

static void files_close(lit_rsource *s)
{
    files *f = s->impl;
    lit_matcher_free(f->m);
    lit_catalog_free(&f->cat);
    free(f->rec);
    free(f);
}

lit_rsource *lit_rsource_files(const char *const *paths, size_t n, const lit_venues *vs, const lit_topics *ts,
                               lit_diag *d)
{
    files *f = lit_xcalloc(1, sizeof *f);
    lit_catalog_init(&f->cat);
    lit_bib *bib = lit_bib_new();
    lit_import_opts o = {.venues = vs, .topics = ts, .bib = bib};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *data = NULL;
        size_t len = 0;
        if (lit_import_read(paths[i], &data, &len, d) != 0) { rc = -1; break; }
        switch (lit_import_kind(paths[i], data, len)) {
        case LIT_FILE_BIB: rc = lit_bib_read(bib, paths[i], data, len, &o, d); break;
        case LIT_FILE_CSL: rc = lit_import_csl(&f->cat, paths[i], data, len, &o, d); break;
        case LIT_FILE_RIS: rc = lit_import_ris(&f->cat, paths[i], data, len, &o, d); break;
        default:
            rc = lit_error(d, paths[i], 0, 0, "not a bibliography (a .bib, CSL-JSON or RIS file)");
        }
        free(data);
    }
    if (rc == 0) rc = lit_bib_finish(bib, &f->cat, &o, d);
    lit_bib_free(bib);
    if (rc == 0 && !f->cat.n_papers) rc = lit_error(d, paths[0], 0, 0, "no entries to resolve against");
    lit_rsource *s = NULL;
    if (rc == 0) {
        f->m = lit_matcher_new(&f->cat, vs);
        s = lit_xcalloc(1, sizeof *s);
        *s = (lit_rsource){.user = true, .candidates = files_candidates, .close = files_close, .impl = f};
    } else {
        lit_catalog_free(&f->cat);
        free(f);
    }
    return s;
}

void lit_rsource_close(lit_rsource *s)
{
    if (!s) return;
    s->close(s);
    free(s);
}
