/* fuzz_dblp_xml.c - libFuzzer target for the DBLP dump reader and index writer: any bytes
 * as dblp.xml (the fixture's dblp.dtd beside it) give an index or a located error, and
 * an index that was written opens and answers. */
#include <sys/stat.h>
#include "fuzz.h"
#include "dblp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];

static void cleanup(void)
{
    char p[300];
    static const char *const names[] = {"dblp.xml", "dblp.dtd", "dblp.idx"};
    for (size_t i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s/%s", dir, names[i]); unlink(p); }
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char xml[300], idx[300];
    if (!dir[0]) {   /* a folder of our own with the DTD the fixture dumps use */
        snprintf(dir, sizeof dir, "%s/litfuzz-dblp-%ld", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
        mkdir(dir, 0700);
        atexit(cleanup);
        char dtd[300];
        snprintf(dtd, sizeof dtd, "%s/dblp.dtd", dir);
        FILE *in = fopen(FUZZ_ROOT "/tests/fixtures/dblp/dblp.dtd", "rb"), *out = fopen(dtd, "wb");
        if (!in || !out) abort();
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
        fclose(in);
        fclose(out);
        setenv("LITSURVEY_THREADS", "1", 1);   /* one thread: the fuzzer's speed */
    }
    snprintf(xml, sizeof xml, "%s/dblp.xml", dir);
    snprintf(idx, sizeof idx, "%s/dblp.idx", dir);
    FILE *f = fopen(xml, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    fclose(f);
    lit_diag d;
    fuzz_diag(&d);
    if (lit_dblp_index_build(xml, idx, &d) != 0) {
        if (d.errors == 0) abort();   /* a failure says why */
        return 0;
    }
    lit_dblp_index *ix = lit_dblp_index_open(idx, &d);
    if (!ix) abort();   /* what was written opens */
    lit_catalog c;
    lit_catalog_init(&c);
    lit_paper q;
    memset(&q, 0, sizeof q);
    q.title = "The New AI: General & Sound & Relevant for Physics";
    q.venue = -1;
    if (lit_dblp_index_candidates(ix, &q, 5, &c, &d) < 0) abort();
    lit_catalog_free(&c);
    lit_dblp_index_close(ix);
    return 0;
}
