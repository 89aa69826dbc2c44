/* robust_import.c - runs one importer over one file, for the bad-input tests while
 * `litsurvey import` is not there: robust_import bib|list FILE [VENUES TOPICS].
 * BibTeX is read with --strict (all or nothing), as the .expect files name its first error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import.h"
#include "input.h"
#include "outfile.h"

/* Weak, so that the tool links in a tree that has no Markdown importer yet. */
#pragma weak lit_import_list

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 5) {
        fprintf(stderr, "usage: robust_import bib|list FILE [VENUES TOPICS]\n");
        return 2;
    }
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_venues vs;
    lit_topics ts;
    memset(&vs, 0, sizeof vs);
    memset(&ts, 0, sizeof ts);
    lit_import_opts o = {0};
    if (argc == 5) {
        if (lit_venues_load(&vs, argv[3], &d) != 0 || lit_topics_load(&ts, argv[4], &d) != 0) return 1;
        o.venues = &vs;
        o.topics = &ts;
    }
    char *data = NULL;
    size_t len = 0;
    int rc = lit_read_file(argv[2], &data, &len, &d) != 0 ? 3 : 0;
    lit_catalog c;
    lit_catalog_init(&c);
    if (rc == 0 && strcmp(argv[1], "bib") != 0 && !lit_import_list) {
        fprintf(stderr, "robust_import: no Markdown importer in this build\n");
        rc = 77;
    }
    o.strict = strcmp(argv[1], "bib") == 0;   /* the .expect files name the first error */
    if (rc == 0) {
        int r = strcmp(argv[1], "bib") == 0 ? lit_import_bib(&c, argv[2], data, len, &o, &d)
                                            : lit_import_list(&c, argv[2], data, len, &o, &d);
        rc = r != 0 ? 1 : 0;
        if (rc == 0) printf("%zu papers\n", c.n_papers);
    }
    lit_catalog_free(&c);
    free(data);
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return rc;
}
