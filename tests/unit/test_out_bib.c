/* test_out_bib.c - the BibTeX writer: entry types, protected titles, names, escapes; import round trip. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "import.h"
#include "out_bib.h"
#include "input.h"
#include "outfile.h"

static lit_venues vs;
static lit_topics ts;
static char msgs[4096];

/* Writes the catalog (sel NULL: all) and returns the malloc'd text; *rc gets the result. */
static char *write_bib(const lit_catalog *c, const uint32_t *sel, size_t n, int *rc)
{
    char *buf = NULL, *mbuf = NULL;
    size_t len = 0, mlen = 0;
    FILE *f = open_memstream(&buf, &len), *m = open_memstream(&mbuf, &mlen);
    lit_diag d;
    lit_diag_init(&d, m);
    *rc = lit_bib_write(f, c, &vs, sel, n, &d);
    fclose(f);
    fclose(m);
    snprintf(msgs, sizeof msgs, "%s", mbuf ? mbuf : "");
    free(mbuf);
    return buf;
}

static lit_paper *add(lit_catalog *c, const char *key, const char *title, const char *venue, int year)
{
    lit_paper *p = lit_catalog_add(c);
    p->key = key;
    p->title = title;
    p->venue = venue ? lit_catalog_venue_id(c, venue) : -1;
    p->year = (int16_t)year;
    return p;
}

/* The entry for key in text (up to its closing line), copied into a static buffer. */
static char entry_buf[4096];
static const char *entry(const char *text, const char *key)
{
    char head[256];
    snprintf(head, sizeof head, "{%s,", key);
    const char *s = text ? strstr(text, head) : NULL;
    if (!s) return "(missing)";
    while (s > text && *s != '@') s--;
    const char *e = strstr(s, "\n}\n");
    size_t n = e ? (size_t)(e - s) + 2 : strlen(s);
    if (n >= sizeof entry_buf) n = sizeof entry_buf - 1;
    memcpy(entry_buf, s, n);
    entry_buf[n] = 0;
    return entry_buf;
}

static void test_entries(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    static const char *pd_authors[] = {"Deepak Narayanan", "María de la Cruz, Jr", "Ludwig van Beethoven",
                                       "Barnes and Noble, Inc.", "Jörg Müller"};
    lit_paper *p = add(&c, "pipedream-sosp19", "PipeDream: Generalized Pipeline Parallelism for DNN Training", "SOSP", 2019);
    p->short_name = "PipeDream";
    p->authors = pd_authors;
    p->n_authors = 5;
    p->doi = "10.1145/3341301.3359646";
    static lit_link links[] = {{"code", "https://github.com/x/y"}, {"paper", "https://example.org/a b{c}%20"}};
    p->links = links;
    p->n_links = 2;
    static int32_t topics[1];
    topics[0] = lit_catalog_topic_id(&c, "pipeline-parallelism");
    p->topics = topics;
    p->n_topics = 1;

    static const char *one[] = {"A. Author"};
    p = add(&c, "tpds22", "Über-Fast Naïve Caf\xC3\xA9 — 50% & $5 #1 x_i {b} ~ ^ \\ \"q\"", "TPDS", 2022);
    p->authors = one;
    p->n_authors = 1;
    p = add(&c, "gavel-osdi20", "Heterogeneity-Aware Cluster Scheduling for I/O and GPUs with Gavel", "OSDI", 2020);
    p->short_name = "Gavel";
    p->authors = one;
    p->n_authors = 1;
    p = add(&c, "megatron-arxiv19", "Megatron-LM: Training Multi-Billion Parameter Language Models", "arXiv", 2019);
    p->short_name = "Megatron-LM";
    p->authors = one;
    p->n_authors = 1;
    p->arxiv = "1909.08053";
    add(&c, "noauthors", "Serving DNNs like Clockwork", "OSDI", 2020)->short_name = "Clockwork";
    p = add(&c, "workshop", "Stuck in a Rut", "HotOS", 2019);
    p->authors = one;
    p->n_authors = 1;
    p = add(&c, "unknown-journal", "On Things", "Journal of Things", 2001);
    p->authors = one;
    p->n_authors = 1;
    p->authors_etal = true;   /* "A. Author et al." */
    add(&c, "bare", "Nothing Else", NULL, 0);

    int rc;
    char *out = write_bib(&c, NULL, c.n_papers, &rc);
    CHECK_INT(rc, 0);
    /* entries without authors are counted once, and said to be @misc */
    CHECK_STR(msgs, "litsurvey: warning: 2 of the 8 entries have no authors (their lists give none): written as @misc; "
                    "litsurvey resolve adds them from your bibliography or DBLP\n");
    CHECK(strstr(out, "% 2 entries have no authors") != NULL && strchr(strstr(out, "% 2 entries"), 0x40) > strchr(strstr(out, "% 2 entries"), 0x0a));   /* no @ that bibtex would read as an entry */
    CHECK_STR(entry(out, "pipedream-sosp19"),
              "@inproceedings{pipedream-sosp19,\n"
              "  author        = {Deepak Narayanan and de la Cruz, Jr, Mar{\\'{i}}a and Ludwig van Beethoven and {Barnes and Noble, Inc.} and J{\\\"{o}}rg M{\\\"{u}}ller},\n"
              "  title         = {{PipeDream}: Generalized Pipeline Parallelism for {DNN} Training},\n"
              "  shorttitle    = {{PipeDream}},\n"
              "  booktitle     = {Proceedings of the {ACM} Symposium on Operating Systems Principles ({SOSP})},\n"
              "  year          = {2019},\n"
              "  doi           = {10.1145/3341301.3359646},\n"
              "  url           = {https://example.org/a%20b%7Bc%7D%20},\n"
              "  keywords      = {pipeline-parallelism}\n"
              "}");
    CHECK_STR(entry(out, "tpds22"),
              "@article{tpds22,\n"
              "  author        = {A. Author},\n"
              "  title         = {{\\\"{U}}ber-Fast Na{\\\"{i}}ve Caf{\\'{e}} --- 50\\% \\& \\$5 \\#1 x\\_i {\\textbraceleft}b{\\textbraceright} {\\textasciitilde} {\\textasciicircum} {\\textbackslash} ``q''},\n"
              "  journal       = {{IEEE} Transactions on Parallel and Distributed Systems},\n"
              "  year          = {2022}\n"
              "}");
    CHECK(strstr(entry(out, "gavel-osdi20"),
                 "title         = {Heterogeneity-Aware Cluster Scheduling for {I/O} and {GPUs} with {Gavel}}") != NULL);
    CHECK_STR(entry(out, "megatron-arxiv19"),
              "@misc{megatron-arxiv19,\n"
              "  author        = {A. Author},\n"
              "  title         = {{Megatron-LM}: Training Multi-Billion Parameter Language Models},\n"
              "  shorttitle    = {{Megatron-LM}},\n"
              "  howpublished  = {arXiv preprint arXiv:1909.08053},\n"
              "  year          = {2019},\n"
              "  eprint        = {1909.08053},\n"
              "  archivePrefix = {arXiv}\n"
              "}");
    CHECK_STR(entry(out, "noauthors"),
              "@misc{noauthors,\n"
              "  title         = {Serving {DNNs} like {Clockwork}},\n"
              "  shorttitle    = {{Clockwork}},\n"
              "  howpublished  = {Proceedings of the {USENIX} Symposium on Operating Systems Design and Implementation ({OSDI})},\n"
              "  year          = {2020},\n"
              "  key           = {Clockwork}\n"
              "}");
    CHECK(strstr(entry(out, "workshop"), "@inproceedings{workshop,") != NULL);
    CHECK(strstr(entry(out, "workshop"), "booktitle     = {Proceedings of the Workshop on Hot Topics in Operating Systems ({HotOS})}") != NULL);
    CHECK(strstr(entry(out, "unknown-journal"), "@article{unknown-journal,") != NULL);
    CHECK(strstr(entry(out, "unknown-journal"), "journal       = {Journal of Things}") != NULL);
    CHECK(strstr(entry(out, "unknown-journal"), "author        = {A. Author and others},") != NULL);
    CHECK_STR(entry(out, "bare"),
              "@misc{bare,\n"
              "  title         = {Nothing Else},\n"
              "  key           = {Nothing Else}\n"
              "}");
    CHECK(strncmp(out, "% BibTeX entries written by litsurvey: 8 papers", 47) == 0);
    for (const unsigned char *q = (const unsigned char *)out; *q; q++)
        if (*q >= 0x80) { CHECK(!"output is ASCII"); break; }
    free(out);

    /* a selection, in its order */
    uint32_t sel[] = {7, 0};
    out = write_bib(&c, sel, 2, &rc);
    CHECK(strstr(out, "2 papers") != NULL);
    CHECK(strstr(out, "@misc{bare,") < strstr(out, "@inproceedings{pipedream-sosp19,"));
    CHECK(strstr(out, "tpds22") == NULL);
    free(out);
    lit_catalog_free(&c);
}

static void test_problems(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    c.path = "cat.yaml";
    lit_paper *p = add(&c, "cjk", "Serving in 中文 with ogonek ą", NULL, 2020);
    p->line = 7;
    p->col = 5;
    int rc;
    char *out = write_bib(&c, NULL, c.n_papers, &rc);
    CHECK_INT(rc, 0);
    CHECK_STR(msgs, "cat.yaml:7:5: warning: paper 'cjk': U+4E2D (and others) has no LaTeX form; written as '?'\n"
                    "litsurvey: warning: 1 of the 1 entries have no authors (their lists give none): written as @misc; "
                    "litsurvey resolve adds them from your bibliography or DBLP\n");
    CHECK(strstr(out, "title         = {Serving in ?? with ogonek {\\k{a}}}") != NULL);
    CHECK(strstr(out, "need \\usepackage[T1]{fontenc}") != NULL);
    free(out);

    add(&c, "CJK", "Same key but for case", NULL, 2020)->line = 8;
    out = write_bib(&c, NULL, c.n_papers, &rc);
    CHECK_INT(rc, -1);
    CHECK(strstr(msgs, "cat.yaml:8: error: keys 'cjk' and 'CJK' differ only in case; BibTeX takes them for one") != NULL);
    free(out);
    c.n_papers--;

    add(&c, "bad key", "T", NULL, 2020)->line = 9;
    out = write_bib(&c, NULL, c.n_papers, &rc);
    CHECK_INT(rc, -1);
    CHECK(strstr(msgs, "cat.yaml:9: error: key 'bad key' cannot be cited (no space , { } \" ' % # ~ \\ or ^^)\n") != NULL);
    free(out);
    lit_catalog_free(&c);
}

/* .bib -> catalog -> .bib -> catalog: keys, titles, authors, venues, years, doi survive. */
static void test_round_trip(void)
{
    char *data;
    size_t len;
    lit_diag d;
    lit_diag_init(&d, stderr);
    CHECK(lit_read_file("tests/fixtures/bib/real.bib", &data, &len, &d) == 0);
    lit_import_opts o = {.venues = &vs, .topics = &ts};
    lit_catalog a, b;
    lit_catalog_init(&a);
    lit_catalog_init(&b);
    CHECK(lit_import_bib(&a, "real.bib", data, len, &o, &d) == 0);
    int rc;
    char *out = write_bib(&a, NULL, a.n_papers, &rc);
    CHECK_INT(rc, 0);
    CHECK(lit_import_bib(&b, "out.bib", out, strlen(out), &o, &d) == 0);
    CHECK_INT(b.n_papers, a.n_papers);
    for (size_t i = 0; i < a.n_papers && i < b.n_papers; i++) {
        const lit_paper *x = &a.papers[i], *y = &b.papers[i];
        CHECK_STR(y->key, x->key);
        CHECK_STR(y->title, x->title);
        CHECK_INT(y->n_authors, x->n_authors);
        for (uint32_t k = 0; k < x->n_authors && k < y->n_authors; k++) CHECK_STR(y->authors[k], x->authors[k]);
        CHECK_STR(lit_catalog_venue(&b, y->venue), lit_catalog_venue(&a, x->venue));
        CHECK_INT(y->year, x->year);
        CHECK_STR(y->doi, x->doi);
        CHECK_STR(y->arxiv, x->arxiv);
        CHECK_STR(y->short_name, x->short_name);
        CHECK_INT(y->n_topics, x->n_topics);
    }
    /* and the second export is the same bytes as the first */
    char *out2 = write_bib(&b, NULL, b.n_papers, &rc);
    CHECK_STR(out2, out);
    free(out);
    free(out2);
    free(data);
    lit_catalog_free(&a);
    lit_catalog_free(&b);
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (lit_venues_load(&vs, "tests/fixtures/bib/venues.yaml", &d) != 0 ||
        lit_topics_load(&ts, "tests/fixtures/bib/topics.yaml", &d) != 0) {
        CHECK(!"fixture tables load");
        return CHECK_DONE();
    }
    test_entries();
    test_problems();
    test_round_trip();
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return CHECK_DONE();
}
