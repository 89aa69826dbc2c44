/* test_online.c - the online services' answers read into records (the recorded answers in
 * tests/fixtures/online and shapes cut from them: one author as an object, an error feed,
 * malformed bodies), text cleaning, and the answers cache (kept, read back, damaged). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cache.h"
#include "check.h"
#include "online_priv.h"

#define DIR "tests/fixtures/online/"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)len + 1);
    *n = fread(s, 1, (size_t)len, f);
    s[*n] = 0;
    fclose(f);
    return s;
}

/* Reads file with read into c (emptied first); returns the count, err holds why when -1. */
static int read_file(online_read_fn read, const char *file, long status, lit_catalog *c, lit_buf *err)
{
    size_t n;
    char *s = slurp(file, &n);
    lit_catalog_free(c);
    lit_catalog_init(c);
    lit_buf_reset(err);
    int r = s ? read(s, n, status, c, err) : -2;
    free(s);
    return r;
}

static int read_text(online_read_fn read, const char *text, long status, lit_catalog *c, lit_buf *err)
{
    lit_catalog_free(c);
    lit_catalog_init(c);
    lit_buf_reset(err);
    return read(text, strlen(text), status, c, err);
}

static const char *bib(const lit_paper *p, const char *k)
{
    const lit_node *m = lit_paper_extra(p, "bib", LIT_NODE_MAP);
    for (size_t i = 0; m && i < m->n; i++) if (!strcmp(m->items[2 * i].str, k)) return m->items[2 * i + 1].str;
    return NULL;
}

static const char *bibtype(const lit_paper *p)
{
    const lit_node *t = lit_paper_extra(p, "bibtype", LIT_NODE_SCALAR);
    return t ? t->str : NULL;
}

static const lit_paper *by_key(const lit_catalog *c, const char *key)
{
    long i = lit_catalog_find(c, key);
    return i < 0 ? NULL : &c->papers[i];
}

static void test_arxiv(lit_catalog *c, lit_buf *err)
{
    CHECK_INT(read_file(online_read_arxiv, DIR "arxiv/1605.08386.xml", 200, c, err), 1);
    const lit_paper *p = &c->papers[0];
    CHECK_STR(p->key, "1605.08386");   /* the id without its version: what provenance names */
    CHECK_STR(p->arxiv, "1605.08386");
    CHECK_STR(p->title, "Heat-bath random walks with Markov bases");
    CHECK_INT(p->n_authors, 2);
    CHECK_STR(p->authors[1], "Tobias Windisch");
    CHECK_INT(p->year, 2016);
    CHECK_STR(lit_catalog_venue(c, p->venue), "arXiv");
    CHECK(bibtype(p) == NULL);   /* a preprint: bib writes it from its id */
    CHECK_INT(read_file(online_read_arxiv, DIR "arxiv/astro-ph-0601001.xml", 200, c, err), 1);
    CHECK_STR(c->papers[0].key, "astro-ph/0601001");
    CHECK_INT(c->papers[0].n_authors, 4);
    CHECK_INT(read_file(online_read_arxiv, DIR "arxiv/empty.xml", 200, c, err), 0);
    /* arXiv's answer to a malformed id (recorded by arxiv.py: id_list=abc), cut to its entry */
    CHECK_INT(read_text(online_read_arxiv,
                        "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                        "  <entry>\n    <id>https://arxiv.org/api/errors#incorrect_id_format_for_abc</id>\n"
                        "    <title>Error</title>\n    <summary>incorrect id format for abc</summary>\n"
                        "  </entry>\n</feed>\n", 400, c, err), -1);
    CHECK_STR(err->data, "arXiv says: incorrect id format for abc");
    CHECK_INT(read_text(online_read_arxiv, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>", 200, c, err), -1);
    CHECK(strncmp(lit_buf_str(err), "malformed XML at line 1: ", 25) == 0);
    CHECK_INT(read_text(online_read_arxiv, "<html><body>Service Unavailable</body></html>", 200, c, err), -1);
    CHECK_STR(err->data, "not an arXiv answer (no Atom feed)");
    CHECK_INT(c->n_papers, 0);
}

static void test_crossref(lit_catalog *c, lit_buf *err)
{
    CHECK_INT(read_file(online_read_crossref, DIR "crossref/icdcsw.2003.1203662.json", 200, c, err), 1);
    const lit_paper *p = &c->papers[0];
    CHECK_STR(p->key, "10.1109/icdcsw.2003.1203662");
    CHECK_STR(p->doi, "10.1109/icdcsw.2003.1203662");
    CHECK_STR(p->authors[0], "V. Arya");
    CHECK_INT(p->year, 0);   /* "issued": {"date-parts": [[null]]} and no other date */
    CHECK_STR(bibtype(p), "inproceedings");
    CHECK_STR(bib(p, "booktitle"), "23rd International Conference on Distributed Computing Systems Workshops, 2003. Proceedings.");
    CHECK_STR(bib(p, "pages"), "877--882");
    CHECK_STR(bib(p, "publisher"), "IEEE");
    CHECK_INT(read_file(online_read_crossref, DIR "crossref/journal.pone.0033693.json", 200, c, err), 1);
    CHECK_INT(c->papers[0].year, 2012);
    CHECK_STR(bib(&c->papers[0], "journal"), "PLoS ONE");
    CHECK_STR(bib(&c->papers[0], "number"), "3");
    CHECK_INT(read_file(online_read_crossref, DIR "crossref/query-boettiger.json", 200, c, err), 5);
    const lit_paper *pre = by_key(c, "10.1101/014852"), *pub = by_key(c, "10.1002/ece3.2314");
    CHECK(pre && pub);
    if (pre && pub) {
        CHECK(bibtype(pre) == NULL);   /* posted-content: a preprint, its server its venue */
        CHECK_STR(lit_catalog_venue(c, pre->venue), "bioRxiv");
        CHECK_STR(bibtype(pub), "article");
        CHECK_STR(pub->authors[0], "T. Alex Perkins");
        CHECK_INT(pub->year, 2016);
    }
    CHECK_INT(read_file(online_read_crossref, DIR "crossref/empty-list.json", 200, c, err), 0);
    CHECK_INT(read_file(online_read_crossref, DIR "crossref/notfound.txt", 404, c, err), 0);
    CHECK_INT(read_file(online_read_crossref, DIR "crossref/notfound.txt", 200, c, err), -1);
    CHECK(strncmp(lit_buf_str(err), "malformed JSON at line 1, column ", 33) == 0);
    CHECK_INT(read_text(online_read_crossref, "{\"status\":\"failed\",\"message-type\":\"validation-failure\",\"message\":{}}",
                        200, c, err), -1);
    CHECK_STR(err->data, "Crossref says 'failed' (validation-failure)");
    CHECK_INT(read_text(online_read_crossref, "[1, 2]", 200, c, err), -1);
    CHECK_STR(err->data, "not a Crossref answer (a JSON array, not an object)");
}

static void test_dblp(lit_catalog *c, lit_buf *err)
{
    CHECK_INT(read_file(online_read_dblp, DIR "dblp/test-star.json", 200, c, err), 4);
    const lit_paper *p = by_key(c, "conf/ats/ShinogiYHTY05");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->title, "A Test Cost Reduction Method by Test Response and Test Vector Overlapping for Full-Scan Test Architecture");
        CHECK_INT(p->n_authors, 5);
        CHECK_STR(p->doi, "10.1109/ATS.2005.17");
        CHECK_STR(bib(p, "booktitle"), "Asian Test Symposium");
    }
    bool apos = false;   /* DBLP's JSON writes an apostrophe as &apos; */
    for (size_t i = 0; i < c->n_papers; i++) apos |= strstr(c->papers[i].title, "l'injection") != NULL;
    CHECK(apos);
    CHECK_INT(read_file(online_read_dblp, DIR "dblp/basov-oleg.json", 200, c, err), 5);
    p = by_key(c, "conf/hci/RonzhinBMKMZ16");
    CHECK(p && p->n_authors == 6);
    if (p && p->n_authors == 6) {
        CHECK_STR(p->authors[3], "Alexey Karpov");   /* DBLP's homonym number is no part of a name */
        CHECK_STR(p->authors[5], "Milos Zelezný");
    }
    p = by_key(c, "journals/cai/BasovKS17");
    CHECK(p && !strcmp(bibtype(p), "article") && !strcmp(bib(p, "journal"), "Comput. Informatics") &&
          !strcmp(bib(p, "volume"), "36") && p->year == 2017);
    p = by_key(c, "conf/specom/BasovBN14");
    CHECK(p && !strcmp(p->title, "Human Resources Management in Conditions of Operators' Psychophysiological State Changes"));
    /* one hit, one author, two links: DBLP then sends an object, not an array (shapes of the answers above) */
    CHECK_INT(read_text(online_read_dblp,
                        "{\"result\":{\"query\":\"x\",\"status\":{\"@code\":\"200\",\"text\":\"OK\"},\"hits\":{\"@total\":\"1\","
                        "\"hit\":{\"@score\":\"5\",\"@id\":\"1\",\"info\":{\"authors\":{\"author\":{\"@pid\":\"28/2391\","
                        "\"text\":\"Tsuyoshi Shinogi\"}},\"title\":\"Deep Learning &amp; Scan Test.\",\"venue\":\"CoRR\","
                        "\"volume\":\"abs/1811.06965\",\"year\":\"2018\",\"type\":\"Informal and Other Publications\","
                        "\"key\":\"journals/corr/abs-1811-06965\",\"ee\":[\"https://arxiv.org/abs/1811.06965\"]}}}}}",
                        200, c, err), 1);
    CHECK_STR(c->papers[0].authors[0], "Tsuyoshi Shinogi");
    CHECK_STR(c->papers[0].title, "Deep Learning & Scan Test");
    CHECK_STR(c->papers[0].arxiv, "1811.06965");
    CHECK_INT(read_file(online_read_dblp, DIR "dblp/empty.json", 200, c, err), 0);
    CHECK_INT(read_text(online_read_dblp, "{\"result\":{\"status\":{\"@code\":\"500\"},\"hits\":{}}}", 200, c, err), -1);
    CHECK_STR(err->data, "DBLP says '500'");
    CHECK_INT(read_text(online_read_dblp, "{\"hits\":[]}", 200, c, err), -1);
    CHECK_STR(err->data, "not a DBLP search answer (no result.status and result.hits)");
}

static void test_openalex(lit_catalog *c, lit_buf *err)
{
    CHECK_INT(read_file(online_read_openalex, DIR "openalex/works-bibliometrix-oa.json", 200, c, err), 2);
    const lit_paper *p = by_key(c, "W2755950973");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->doi, "10.1016/j.joi.2017.08.007");   /* without OpenAlex's https://doi.org/ */
        CHECK_STR(p->title, "bibliometrix : An R-tool for comprehensive science mapping analysis");
        CHECK_INT(p->year, 2017);
        CHECK_STR(lit_catalog_venue(c, p->venue), "Journal of Informetrics");
        CHECK_STR(bibtype(p), "article");
        CHECK_STR(bib(p, "pages"), "959--975");
        CHECK_STR(bib(p, "publisher"), "Elsevier BV");
    }
    p = by_key(c, "W2741809807");
    CHECK(p && p->n_authors >= 3 && !strcmp(p->authors[0], "Heather Piwowar") && !strcmp(bib(p, "pages"), "e4375"));
    CHECK_INT(read_file(online_read_openalex, DIR "openalex/empty.json", 200, c, err), 0);
    /* a preprint on arXiv: OpenAlex names the repository "arXiv (Cornell University)" and the DOI arXiv's */
    CHECK_INT(read_text(online_read_openalex,
                        "{\"id\":\"https://openalex.org/W1\",\"doi\":\"https://doi.org/10.48550/arxiv.1811.06965\","
                        "\"title\":\"GPipe\",\"publication_year\":2018,\"type\":\"preprint\",\"type_crossref\":\"posted-content\","
                        "\"primary_location\":{\"source\":{\"display_name\":\"arXiv (Cornell University)\",\"type\":\"repository\"}},"
                        "\"authorships\":[{\"author\":{\"display_name\":\"Yanping Huang\"}}]}", 200, c, err), 1);
    CHECK_STR(c->papers[0].arxiv, "1811.06965");
    CHECK(c->papers[0].doi == NULL);
    CHECK_STR(lit_catalog_venue(c, c->papers[0].venue), "arXiv");
    CHECK_INT(read_text(online_read_openalex, "{\"error\":\"Invalid query parameters error.\"}", 400, c, err), -1);
    CHECK_STR(err->data, "not an OpenAlex answer (no results, no work)");
}

static void test_text(void)
{
    lit_arena a = {0};
    CHECK_STR(online_text(&a, "  Operators&apos;\n   State&#x2019;s &amp; &#233;t&lt;&gt; ", TEXT_ENTITIES),
              "Operators' State\xe2\x80\x99s & \xc3\xa9t<>");
    CHECK_STR(online_text(&a, "<scp>T</scp>reebase: an <i>R</i> package", TEXT_ENTITIES | TEXT_TAGS), "Treebase: an R package");
    CHECK_STR(online_text(&a, "a < b and c<d", TEXT_TAGS), "a < b and c<d");   /* no tag: kept */
    CHECK_STR(online_text(&a, "&bogus; &#0; &#xD800;", TEXT_ENTITIES), "&bogus; &#0; &#xD800;");
    CHECK(online_text(&a, " \n\t", 0) == NULL);
    lit_arena_free(&a);
}

static void test_cache(void)
{
    char dir[] = "/tmp/lit-cache-XXXXXX";
    if (!mkdtemp(dir)) { CHECK(0); return; }
    char *msgs = NULL;
    size_t mlen = 0;
    FILE *out = open_memstream(&msgs, &mlen);
    lit_diag d;
    lit_diag_init(&d, out);
    lit_cache *c = lit_cache_open(dir, 64, &d);
    CHECK(c != NULL);
    if (!c) return;
    char *body = NULL;
    size_t len = 0;
    long st = 0;
    CHECK_INT(lit_cache_get(c, "crossref", "/works/10.1/x", &body, &len, &st, &d), 0);
    lit_cache_put(c, "crossref", "/works/10.1/x", 404, "Resource not found.", 19, &d);
    CHECK_INT(lit_cache_get(c, "crossref", "/works/10.1/x", &body, &len, &st, &d), 1);
    CHECK(len == 19 && st == 404 && !strcmp(body, "Resource not found."));
    free(body);
    CHECK_INT(lit_cache_get(c, "dblp", "/works/10.1/x", &body, &len, &st, &d), 0);   /* another service's */
    lit_cache_put(c, "dblp", "?q=big", 200, "0123456789012345678901234567890123456789012345678901234567890123456789", 70,
                  &d);   /* over the limit: not kept */
    CHECK_INT(lit_cache_get(c, "dblp", "?q=big", &body, &len, &st, &d), 0);
    fflush(out);
    CHECK_INT(mlen, 0);
    /* the entry cut short: a warning, no answer */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "f=$(find %s/crossref -type f); head -c $(($(wc -c <$f) - 3)) $f >$f.cut && mv $f.cut $f", dir);
    CHECK(system(cmd) == 0);
    CHECK_INT(lit_cache_get(c, "crossref", "/works/10.1/x", &body, &len, &st, &d), 0);
    fflush(out);
    CHECK(strstr(msgs, "warning: damaged cache entry (it is truncated): not used") != NULL);
    lit_cache_close(c);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    fclose(out);
    free(msgs);
}

int main(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    lit_buf err = LIT_BUF_INIT;
    test_arxiv(&c, &err);
    test_crossref(&c, &err);
    test_dblp(&c, &err);
    test_openalex(&c, &err);
    test_text();
    test_cache();
    lit_catalog_free(&c);
    lit_buf_free(&err);
    return CHECK_DONE();
}
