/* fuzz.h - shared helpers for the libFuzzer targets: a silent diagnostics sink,
 * the fixture venue/topic tables, and a scratch file for loaders that read by path. */
#ifndef LIT_FUZZ_H
#define LIT_FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "diag.h"
#include "import.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

/* Messages go to /dev/null: the fuzzer looks for crashes, leaks and hangs, not text.
 * Set FUZZ_VERBOSE=1 to see them when reproducing a finding. */
static inline void fuzz_diag(lit_diag *d)
{
    static FILE *sink;
    if (!sink) sink = getenv("FUZZ_VERBOSE") ? stderr : fopen("/dev/null", "w");
    lit_diag_init(d, sink ? sink : stderr);
}

/* The importers' venue and topic tables, loaded once from the test fixtures so that
 * the alias paths are exercised too. */
static inline const lit_import_opts *fuzz_import_opts(void)
{
    static lit_venues vs;
    static lit_topics ts;
    static lit_import_opts o;
    static int done;
    if (!done) {
        lit_diag d;
        fuzz_diag(&d);
        done = 1;
        if (lit_venues_load(&vs, FUZZ_ROOT "/tests/fixtures/core/venues.yaml", &d) == 0) o.venues = &vs;
        if (lit_topics_load(&ts, FUZZ_ROOT "/tests/fixtures/core/topics.yaml", &d) == 0) o.topics = &ts;
    }
    return &o;
}

/* Writes the input to a private scratch file and returns its path (for loaders that
 * only take a path). One file per process, rewritten for every input. */
static char fuzz_path_buf[256];
static inline void fuzz_file_remove(void) { unlink(fuzz_path_buf); }
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    char *path = fuzz_path_buf;
    if (!path[0]) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(path, sizeof fuzz_path_buf, "%s/litfuzz-%ld%s", dir, (long)getpid(), suffix);
        atexit(fuzz_file_remove);
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    fclose(f);
    return path;
}

/* One importer run on the input, strict, by default and lenient: a failure must say why.
 * The importer gets an unterminated copy so that a read past the end shows under ASan. */
typedef int (*fuzz_importer)(lit_catalog *, const char *, const char *, size_t, const lit_import_opts *,
                             lit_diag *);
static inline int fuzz_import(fuzz_importer import, const char *name, const uint8_t *data, size_t size)
{
    char *buf = malloc(size ? size : 1);
    memcpy(buf, data, size);
    lit_import_opts o = *fuzz_import_opts();
    for (int mode = 0; mode < 3; mode++) {
        lit_diag d;
        fuzz_diag(&d);
        o.strict = mode == 0;
        o.lenient = mode == 2;
        lit_catalog c;
        lit_catalog_init(&c);
        int rc = import(&c, name, buf, size, &o, &d);
        if (rc != 0 && d.errors == 0) abort();
        lit_catalog_free(&c);
    }
    free(buf);
    return 0;
}

#endif
