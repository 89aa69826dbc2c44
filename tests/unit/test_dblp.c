/* test_dblp.c - the DBLP dump reader and index: entities, homonym digits, DOI/arXiv, crossref, candidates, damaged indexes, same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "buf.h"
#include "check.h"
#include "dblp.h"
#include "dblp_priv.h"

#define FIXTURE "tests/fixtures/dblp/dblp.xml"

static char tmpdir[] = "/tmp/lit-dblp-XXXXXX";
static char idx_path[256];

static char *tmp(const char *name)
{
    static char buf[4][300];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, 300, "%s/%s", tmpdir, name);
    return p;
}

/* Messages of one call, for checking what was said. */
static char msgs[65536];
static lit_diag diag_to_buf(void)
{
    static FILE *f;
    if (f) fclose(f);
    memset(msgs, 0, sizeof msgs);
    f = fmemopen(msgs, sizeof msgs - 1, "w");
    setvbuf(f, NULL, _IONBF, 0);
    lit_diag d;
    lit_diag_init(&d, f);
    return d;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    *len = fread(s, 1, (size_t)n, f);
    s[*len] = 0;
    fclose(f);
    return s;
}

static void spill(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static void copy_dtd(void)
{
    size_t n;
    char *s = slurp("tests/fixtures/dblp/dblp.dtd", &n);
    spill(tmp("dblp.dtd"), s, n);
    free(s);
}

static const lit_paper *get(lit_dblp_index *ix, lit_catalog *c, const char *key)
{
    lit_diag d = diag_to_buf();
    int rc = lit_dblp_index_get(ix, key, c, &d);
    return rc == 1 ? &c->papers[c->n_papers - 1] : NULL;
}

static const char *bib(const lit_paper *p, const char *field)
{
    for (uint32_t i = 0; i < p->n_extras; i++) {
        if (strcmp(p->extras[i].key, "bib") != 0) continue;
        const lit_node *m = &p->extras[i].value;
        for (size_t k = 0; k < m->n; k++)
            if (strcmp(m->items[2 * k].str, field) == 0) return m->items[2 * k + 1].str;
    }
    return NULL;
}

static const char *bibtype(const lit_paper *p)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (strcmp(p->extras[i].key, "bibtype") == 0) return p->extras[i].value.str;
    return NULL;
}

static void test_text_rules(void)
{
    struct { const char *in, *out; } names[] = {
        {"Wei Wang 0002", "Wei Wang"}, {"Di Xu 0001", "Di Xu"}, {"Markus Holzer 0001", "Markus Holzer"},
        {"Louis XIV", "Louis XIV"}, {"Agent 007", "Agent 007"}, {"0001", "0001"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char b[64];
        snprintf(b, sizeof b, "%s", names[i].in);
        lit_dblp_strip_homonym(b);
        CHECK_STR(b, names[i].out);
    }
    struct { const char *in, *out; } titles[] = {
        {"Jim Gray, astronomer.", "Jim Gray, astronomer"},
        {"3D Simulation: the Key to A.I.", "3D Simulation: the Key to A.I."},
        {"What Makes Characters Seem Life-Like?", "What Makes Characters Seem Life-Like?"},
        {"Fully Persistent B+-trees", "Fully Persistent B+-trees"},
        {"Wait for it...", "Wait for it..."}, {".", "."}, {"Stable Marriage .", "Stable Marriage"}};
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        char b[128];
        snprintf(b, sizeof b, "%s", titles[i].in);
        lit_dblp_strip_title_stop(b);
        CHECK_STR(b, titles[i].out);
    }
}

static void test_records(lit_dblp_index *ix)
{
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK_INT(lit_dblp_index_count(ix), 15);   /* 17 in the dump: www and withdrawn left out */
    const lit_paper *p = get(ix, &c, "series/cogtech/Schmidhuber07");
    CHECK(p != NULL);
    if (p) {
        /* entities from the DTD: &uuml; and &amp;; the final full stop dropped */
        CHECK_STR(p->title, "The New AI: General & Sound & Relevant for Physics");
        CHECK_INT(p->n_authors, 1);
        CHECK_STR(p->authors[0], "J\xC3\xBCrgen Schmidhuber");
        CHECK_INT(p->year, 2007);
        CHECK_STR(lit_catalog_venue(&c, p->venue), "Artificial General Intelligence");
        CHECK_STR(p->doi, "10.1007/978-3-540-68677-4_6");
        CHECK_STR(bibtype(p), "incollection");
        CHECK_STR(bib(p, "pages"), "175--198");
        /* from the book its crossref names, which comes after it in the dump */
        CHECK_STR(bib(p, "publisher"), "Springer");
        CHECK_STR(bib(p, "series"), "Cognitive Technologies");
        CHECK_STR(bib(p, "booktitle"), "Artificial General Intelligence");
        CHECK(bib(p, "isbn") == NULL);   /* the book's ISBN is not the chapter's */
    }
    p = get(ix, &c, "tr/meltdown/s18");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->title, "Spectre Attacks: Exploiting Speculative Execution");
        CHECK_INT(p->n_authors, 10);
        CHECK_STR(p->authors[7], "Thomas Prescher");   /* "Thomas Prescher 0002" */
        CHECK_STR(p->authors[8], "Michael Schwarz");
        CHECK(p->doi == NULL);
        CHECK(p->n_links == 1 && strcmp(p->links[0].url, "https://spectreattack.com/spectre.pdf") == 0);
    }
    p = get(ix, &c, "tr/gte/TR-0146-06-91-165");
    CHECK(p && strcmp(p->authors[1], "M. Tamer \xC3\x96zsu") == 0);
    CHECK(p && strcmp(bib(p, "month"), "June") == 0);
    p = get(ix, &c, "journals/tvcg/XuDN11");
    if (CHECK(p != NULL), p) {
        CHECK_STR(p->authors[0], "Di Xu");
        CHECK_STR(p->doi, "10.1109/TVCG.2010.63");
        CHECK_STR(bib(p, "volume"), "17");
        CHECK_STR(bib(p, "number"), "3");
        CHECK_STR(bib(p, "journal"), "IEEE Trans. Vis. Comput. Graph.");
        CHECK(p->n_links == 1 && strcmp(p->links[0].url, "http://doi.ieeecomputersociety.org/10.1109/TVCG.2010.63") == 0);
    }
    /* CoRR: the arXiv id from arXiv's DOI, or from an arxiv.org link */
    p = get(ix, &c, "journals/corr/abs-2508-04024");
    CHECK(p && strcmp(p->arxiv, "2508.04024") == 0 && strcmp(p->doi, "10.48550/arXiv.2508.04024") == 0);
    p = get(ix, &c, "journals/corr/abs-1806-03377");
    CHECK(p && strcmp(p->arxiv, "1806.03377") == 0 && p->doi == NULL);
    /* markup flattened */
    p = get(ix, &c, "tr/ibm/IWBS135");
    CHECK(p && strcmp(p->title, "Fully Persistent B+-trees") == 0);
    p = get(ix, &c, "series/class/Meyer-Waarden05");
    CHECK(p && strstr(p->title, "the \"Single Source\" Panel BehaviorScan") != NULL);
    p = get(ix, &c, "series/cogtech/Hoyes07");
    CHECK(p && strcmp(p->title, "3D Simulation: the Key to A.I.") == 0);
    /* proceedings: its own publisher; the paper takes it through its crossref */
    p = get(ix, &c, "conf/sosp/NarayananHPSDGGZ19");
    if (CHECK(p != NULL), p) {
        CHECK_STR(p->title, "PipeDream: generalized pipeline parallelism for DNN training");
        CHECK_STR(lit_catalog_venue(&c, p->venue), "SOSP");
        CHECK_STR(bib(p, "publisher"), "ACM");
        CHECK_STR(bibtype(p), "inproceedings");
    }
    p = get(ix, &c, "conf/sosp/2019");
    CHECK(p && strcmp(bibtype(p), "proceedings") == 0 && strcmp(bib(p, "isbn"), "978-1-4503-6873-5") == 0);
    /* a crossref to a volume the dump does not have */
    p = get(ix, &c, "conf/acl/ChangSRM23");
    CHECK(p && strcmp(bib(p, "booktitle"), "ACL (1)") == 0 && bib(p, "publisher") == NULL);
    CHECK(p && strcmp(p->links[0].url, "https://aclanthology.org/2023.acl-long.48") == 0);
    p = get(ix, &c, "ms/Klaas2007");
    CHECK(p && strcmp(bibtype(p), "mastersthesis") == 0 && strcmp(bib(p, "school"), "Diplomarbeit, LMU M\xC3\xBCnchen, Informatik") == 0);
    /* left out: a www page and a withdrawn article */
    CHECK(get(ix, &c, "www/org/w3/style-xsl") == NULL);
    CHECK(get(ix, &c, "journals/aada/W22") == NULL);
    lit_catalog_free(&c);
}

/* Keys of the candidates for a paper with these fields. */
static void cands(lit_dblp_index *ix, const char *title, const char *doi, const char *arxiv, int year, size_t max,
                  char *out, size_t cap)
{
    lit_catalog c;
    lit_catalog_init(&c);
    lit_paper q;
    memset(&q, 0, sizeof q);
    q.title = title;
    q.doi = doi;
    q.arxiv = arxiv;
    q.year = (int16_t)year;
    q.venue = -1;
    lit_diag d = diag_to_buf();
    int n = lit_dblp_index_candidates(ix, &q, max, &c, &d);
    out[0] = 0;
    if (n < 0) snprintf(out, cap, "error");
    for (size_t i = 0; i < c.n_papers; i++) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s%s", l ? " " : "", c.papers[i].key);
    }
    CHECK_INT(n, (long long)c.n_papers);
    lit_catalog_free(&c);
}

static void test_candidates(lit_dblp_index *ix)
{
    char got[1024];
    /* the same normalised title: case, punctuation, accents */
    cands(ix, "PipeDream: Generalized Pipeline Parallelism for DNN Training", NULL, NULL, 2019, 0, got, sizeof got);
    CHECK_STR(got, "conf/sosp/NarayananHPSDGGZ19");
    cands(ix, "Godel Machines - fully self-referential optimal universal self-improvers", NULL, NULL, 0, 0, got, sizeof got);
    CHECK_STR(got, "series/cogtech/Schmidhuber07a");
    /* DOI, any case; arXiv id with a version */
    cands(ix, NULL, "10.1109/tvcg.2010.63", NULL, 0, 5, got, sizeof got);
    CHECK_STR(got, "journals/tvcg/XuDN11");
    cands(ix, NULL, "https://doi.org/10.1145/3341301.3359646", NULL, 0, 5, got, sizeof got);
    CHECK_STR(got, "conf/sosp/NarayananHPSDGGZ19");
    cands(ix, NULL, NULL, "1806.03377v3", 0, 5, got, sizeof got);
    CHECK_STR(got, "journals/corr/abs-1806-03377");
    /* DOI first, then the title's record, each once */
    cands(ix, "Correction of clipped pixels in color images", "10.1109/TVCG.2010.63", NULL, 2011, 5, got, sizeof got);
    CHECK_STR(got, "journals/tvcg/XuDN11");
    /* fuzzy: a word missing, words added; the preprint under another title shares too
     * little (its arXiv id finds it) */
    cands(ix, "Godel machines: self-referential optimal universal self-improvers", NULL, NULL, 2007, 3, got, sizeof got);
    CHECK_STR(got, "series/cogtech/Schmidhuber07a");
    cands(ix, "PipeDream: Generalized Pipeline Parallelism for DNN Training", NULL, NULL, 2019, 3, got, sizeof got);
    CHECK_STR(got, "conf/sosp/NarayananHPSDGGZ19");
    cands(ix, "Spectre attacks exploiting speculative execution (extended)", NULL, NULL, 2018, 3, got, sizeof got);
    CHECK_STR(got, "tr/meltdown/s18");
    /* nothing shares enough: no candidate */
    cands(ix, "Social-Interactive Sports Monitor for Children", NULL, NULL, 2022, 5, got, sizeof got);
    CHECK_STR(got, "");
    cands(ix, "", NULL, NULL, 0, 5, got, sizeof got);
    CHECK_STR(got, "");
    /* max bounds the fuzzy ones */
    cands(ix, "Artificial General Intelligence", NULL, NULL, 2007, 0, got, sizeof got);
    CHECK_STR(got, "series/cogtech/354023733");
}

static void test_same_bytes(void)
{
    lit_diag d = diag_to_buf();
    CHECK(lit_dblp_index_build(FIXTURE, tmp("again.idx"), &d) == 0);
    size_t n1, n2;
    char *a = slurp(idx_path, &n1), *b = slurp(tmp("again.idx"), &n2);
    CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
    free(a);
    free(b);
}

/* A damaged index is refused at open, or its query fails; never a crash. */
static void test_damaged(void)
{
    size_t n;
    char *good = slurp(idx_path, &n);
    char *bad = malloc(n);
    lit_diag d;
    lit_dblp_index *ix;

    spill(tmp("trunc.idx"), good, n - 1);
    d = diag_to_buf();
    CHECK(lit_dblp_index_open(tmp("trunc.idx"), &d) == NULL);
    CHECK(strstr(msgs, "trunc.idx: error: damaged DBLP index: it is truncated") != NULL);

    spill(tmp("short.idx"), good, 100);
    d = diag_to_buf();
    CHECK(lit_dblp_index_open(tmp("short.idx"), &d) == NULL);
    CHECK(strstr(msgs, "not a DBLP index") != NULL);

    d = diag_to_buf();
    CHECK(lit_dblp_index_open(FIXTURE, &d) == NULL);
    CHECK(strstr(msgs, "dblp.xml: error: not a DBLP index") != NULL);

    d = diag_to_buf();
    CHECK(lit_dblp_index_open(tmp("missing.idx"), &d) == NULL);
    CHECK(strstr(msgs, "cannot open") != NULL && d.io_errors == 1);

    memcpy(bad, good, n);
    bad[H_NRECORDS] ^= 1;
    spill(tmp("hdr.idx"), bad, n);
    d = diag_to_buf();
    CHECK(lit_dblp_index_open(tmp("hdr.idx"), &d) == NULL);
    CHECK(strstr(msgs, "its header does not check") != NULL);

    memcpy(bad, good, n);   /* another format version, its checksum right */
    dblp_put32((unsigned char *)bad + H_VERSION, DBLP_VERSION + 1);
    dblp_put64((unsigned char *)bad + H_CHECKSUM, dblp_hash(bad, H_CHECKSUM));
    spill(tmp("ver.idx"), bad, n);
    d = diag_to_buf();
    CHECK(lit_dblp_index_open(tmp("ver.idx"), &d) == NULL);
    CHECK(strstr(msgs, "format version 2") != NULL);

    /* bytes past the header flipped, one at a time (every third; all of the sections'
     * first bytes): open refuses or every query answers */
    int refused = 0, failed = 0;
    for (size_t i = DBLP_HDR_SIZE; i < n; i += i < DBLP_HDR_SIZE + 2048 ? 1 : 3) {
        memcpy(bad, good, n);
        bad[i] ^= (char)0xA5;
        spill(tmp("flip.idx"), bad, n);
        d = diag_to_buf();
        ix = lit_dblp_index_open(tmp("flip.idx"), &d);
        if (!ix) { refused++; continue; }
        static const char *const titles[] = {"PipeDream: generalized pipeline parallelism for DNN training",
                                             "Godel machines", "The New AI: General & Sound", "Correction of Clipped Pixels"};
        lit_catalog c;
        lit_catalog_init(&c);
        for (size_t t = 0; t < 4; t++) {
            lit_paper q;
            memset(&q, 0, sizeof q);
            q.title = titles[t];
            q.doi = "10.1109/TVCG.2010.63";
            q.arxiv = "1806.03377";
            failed += lit_dblp_index_candidates(ix, &q, 5, &c, &d) < 0;
        }
        failed += lit_dblp_index_get(ix, "series/cogtech/Schmidhuber07", &c, &d) < 0;
        lit_catalog_free(&c);
        lit_dblp_index_close(ix);
    }
    printf("# flipped bytes: %d refused at open, %d query errors\n", refused, failed);
    CHECK(failed > 0);   /* damage inside records is found when they are read */
    free(good);
    free(bad);
}

static void build_bad(const char *name, const char *xml, size_t len, lit_diag *d, int *rc)
{
    spill(tmp(name), xml, len);
    *d = diag_to_buf();
    *rc = lit_dblp_index_build(tmp(name), tmp("bad.idx"), d);
}

/* Bad dumps: a located error, or a located warning per record; never a crash. */
static void test_bad_dumps(void)
{
    size_t n;
    char *good = slurp(FIXTURE, &n);
    lit_diag d;
    int rc;
    struct stat st;

    /* truncated inside a record */
    build_bad("trunc.xml", good, n / 2, &d, &rc);
    CHECK(rc == -1 && d.errors > 0);
    CHECK(strstr(msgs, "trunc.xml:") != NULL && strstr(msgs, ": error: ") != NULL);
    CHECK(stat(tmp("bad.idx"), &st) != 0);   /* nothing written */

    /* a control byte in a title */
    char *b = malloc(n + 1);
    memcpy(b, good, n);
    char *t = strstr(b, "Godel") ? strstr(b, "Godel") : strstr(b, "Machines:");
    t[2] = 0x01;
    build_bad("ctl.xml", b, n, &d, &rc);
    CHECK(rc == -1);
    CHECK(strstr(msgs, "ctl.xml:16:") != NULL);

    /* an entity the DTD does not define */
    memcpy(b, good, n);
    t = strstr(b, "J&uuml;rgen");
    memcpy(t, "J&uxml;", 7);
    build_bad("ent.xml", b, n, &d, &rc);
    CHECK(d.errors + d.warnings > 0 && strstr(msgs, "uxml") != NULL && strstr(msgs, "ent.xml:5:") != NULL);
    free(b);

    /* no DTD beside the dump */
    char dir2[] = "/tmp/lit-dblp2-XXXXXX";
    CHECK(mkdtemp(dir2) != NULL);
    char p2[300];
    snprintf(p2, sizeof p2, "%s/dblp.xml", dir2);
    spill(p2, good, n);
    d = diag_to_buf();
    CHECK(lit_dblp_index_build(p2, tmp("bad.idx"), &d) == -1);
    CHECK(strstr(msgs, "dblp.dtd") != NULL && strstr(msgs, "error: cannot read") != NULL);
    remove(p2);
    rmdir(dir2);

    /* not a dump */
    build_bad("other.xml", "<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n", 44, &d, &rc);
    CHECK(rc == -1 && strstr(msgs, "other.xml:2:") != NULL && strstr(msgs, "not a DBLP dump") != NULL);

    /* a title over 64 KiB: that record skipped with its place, the others kept */
    size_t big = 200 * 1024;
    char *x = malloc(n + big + 1);
    const char *at = strstr(good, "Towards a Transaction");
    size_t pre = (size_t)(at - good);
    memcpy(x, good, pre);
    memset(x + pre, 'a', big);
    memcpy(x + pre + big, at, n - pre);
    build_bad("long.xml", x, n + big, &d, &rc);
    CHECK(rc == 0);
    CHECK(strstr(msgs, "long.xml:") != NULL && strstr(msgs, "tr/gte/TR-0146-06-91-165") != NULL &&
          strstr(msgs, "skipped") != NULL);
    lit_diag d2 = diag_to_buf();
    lit_dblp_index *ix = lit_dblp_index_open(tmp("bad.idx"), &d2);
    CHECK(ix && lit_dblp_index_count(ix) == 14);
    lit_dblp_index_close(ix);
    free(x);

    /* a 100 MB title: libxml2's limit on a text node, a located error */
    big = 100u << 20;
    x = malloc(n + big + 1);
    memcpy(x, good, pre);
    memset(x + pre, 'a', big);
    memcpy(x + pre + big, at, n - pre);
    build_bad("huge.xml", x, n + big, &d, &rc);
    CHECK(rc == -1 && strstr(msgs, "huge.xml:") != NULL);
    remove(tmp("huge.xml"));
    free(x);
    free(good);
}

/* A dump of many pieces (the fixture's records again and again, their keys made
 * distinct): the same index with one thread or several, and an error's place the dump's. */
static void test_pieces(void)
{
    size_t n;
    char *fx = slurp(FIXTURE, &n);
    const char *body = strstr(fx, "<dblp>\n") + 7, *end = strstr(fx, "</dblp>");
    lit_buf x = LIT_BUF_INIT;
    lit_buf_add(&x, fx, (size_t)(body - fx));
    long bad_line;
    int copies = 0;
    for (; x.len < (13u << 20); copies++) {
        for (const char *p = body; p < end;) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t len = (size_t)(nl - p) + 1;
            const char *k = NULL;
            size_t kl = 0;
            for (const char *q = p; q + 10 <= p + len && !k; q++)
                if (!memcmp(q, "key=\"", 5)) k = q, kl = 5;
                else if (!memcmp(q, "<crossref>", 10)) k = q, kl = 10;
            if (k) {
                lit_buf_add(&x, p, (size_t)(k - p) + kl);
                lit_buf_printf(&x, "c%d/", copies);
                lit_buf_add(&x, k + kl, len - (size_t)(k - p) - kl);
            } else lit_buf_add(&x, p, len);
            p = nl + 1;
        }
    }
    lit_buf_adds(&x, "</dblp>\n");
    lit_diag d;
    spill(tmp("big.xml"), x.data, x.len);
    setenv("LITSURVEY_THREADS", "1", 1);
    d = diag_to_buf();
    CHECK(lit_dblp_index_build(tmp("big.xml"), tmp("big1.idx"), &d) == 0);
    setenv("LITSURVEY_THREADS", "3", 1);
    d = diag_to_buf();
    CHECK(lit_dblp_index_build(tmp("big.xml"), tmp("big3.idx"), &d) == 0);
    unsetenv("LITSURVEY_THREADS");
    size_t n1, n3;
    char *a = slurp(tmp("big1.idx"), &n1), *b = slurp(tmp("big3.idx"), &n3);
    CHECK(a && b && n1 == n3 && memcmp(a, b, n1) == 0);
    free(a);
    free(b);
    d = diag_to_buf();
    lit_dblp_index *ix = lit_dblp_index_open(tmp("big3.idx"), &d);
    CHECK(ix && lit_dblp_index_count(ix) == (size_t)copies * 15);
    lit_catalog c;
    lit_catalog_init(&c);
    char key[64];
    snprintf(key, sizeof key, "c%d/conf/sosp/NarayananHPSDGGZ19", copies - 1);
    const lit_paper *p = ix ? get(ix, &c, key) : NULL;
    CHECK(p != NULL);
    if (p) CHECK_STR(bib(p, "publisher"), "ACM");   /* its crossref, in the same copy */
    lit_catalog_free(&c);
    lit_dblp_index_close(ix);

    /* a tag broken in a late copy: its line, as the dump has it */
    int victim = copies - 2;
    char needle[64];
    snprintf(needle, sizeof needle, "key=\"c%d/tr/ibm/IWBS135\"", victim);
    char *at = strstr(x.data, needle);
    at = strstr(at, "<volume>");
    at[1] = '!';
    bad_line = 1;
    for (const char *q = x.data; q < at; q++) bad_line += *q == '\n';
    spill(tmp("big.xml"), x.data, x.len);
    d = diag_to_buf();
    CHECK(lit_dblp_index_build(tmp("big.xml"), tmp("big3.idx"), &d) == -1);
    char want[64];
    snprintf(want, sizeof want, "big.xml:%ld:", bad_line);
    CHECK(strstr(msgs, want) != NULL && strstr(msgs, ": error: ") != NULL);
    if (!strstr(msgs, want)) printf("# want %s in: %s\n", want, msgs);
    lit_buf_free(&x);
    free(fx);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) return 1;
    snprintf(idx_path, sizeof idx_path, "%s/dblp.idx", tmpdir);
    copy_dtd();
    test_text_rules();
    lit_diag d = diag_to_buf();
    CHECK(lit_dblp_index_build(FIXTURE, idx_path, &d) == 0);
    CHECK_INT(d.errors, 0);
    lit_dblp_index *ix = lit_dblp_index_open(idx_path, &d);
    CHECK(ix != NULL);
    if (ix) {
        test_records(ix);
        test_candidates(ix);
        lit_dblp_index_close(ix);
    }
    test_same_bytes();
    test_damaged();
    test_bad_dumps();
    test_pieces();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) return 1;
    return CHECK_DONE();
}
