/* test_keys.c - citation keys: ids that are keys, the keys made for papers without one
 * (a table of cases), clashes, keys kept as they are. */
#include <string.h>
#include "check.h"
#include "keys.h"

static lit_paper *add(lit_catalog *c, const char *title, const char *short_name, const char *author, const char *venue,
                      int year, long line)
{
    lit_paper *p = lit_catalog_add(c);
    p->title = lit_arena_strdup(&c->arena, title);
    p->short_name = short_name ? lit_arena_strdup(&c->arena, short_name) : NULL;
    if (author) {
        p->authors = lit_arena_alloc(&c->arena, sizeof *p->authors);
        p->authors[0] = lit_arena_strdup(&c->arena, author);
        p->n_authors = 1;
    }
    p->venue = venue ? lit_catalog_venue_id(c, venue) : -1;
    p->year = (int16_t)year;
    p->sources = lit_arena_alloc(&c->arena, sizeof *p->sources);
    p->sources[0] = (lit_source){"list.md", line, NULL};
    p->n_sources = 1;
    return p;
}

/* An id is kept as the key when someone typed it as one. */
static void test_looks_typed(void)
{
    static const struct { const char *id; bool key; } t[] = {
        {"narayanan2019pipedream", true}, {"Smith:2020:Deep", true}, {"ITEM-1", true}, {"doe_99", true},
        {"http://zotero.org/users/12345/items/ABCD2345", false}, {"12345/ABCD2345", false},
        {"ABCD2345", false},       /* a Zotero item key */
        {"12345", false}, {"2019smith", false}, {"attention", false}, {"Vaswani", false},
        {"smith 2019", false}, {"doi.org/10.1/x", false}, {"", false},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        bool got = lit_key_looks_typed(t[i].id);
        CHECK(got == t[i].key);
        if (got != t[i].key) printf("#   id: '%s'\n", t[i].id);
    }
    CHECK(!lit_key_looks_typed(NULL));
    CHECK(lit_key_citable("\xE5\xBC\xA0\xE4\xB8\x89" "2020"));   /* biber takes UTF-8 letters */
    CHECK(lit_key_non_ascii("\xE5\xBC\xA0\xE4\xB8\x89" "2020"));
    CHECK(!lit_key_non_ascii("zhang2020"));
    CHECK(!lit_key_citable("a b") && !lit_key_citable("a,b") && !lit_key_citable("a{b") && !lit_key_citable(""));
}

/* The key a paper without one gets: authorYEARword, else shortYEARvenue; fallbacks. */
static void test_stems(void)
{
    static const struct {
        const char *title, *short_name, *author, *venue;
        int year;
        const char *want;
    } t[] = {
        {"PipeDream: Generalized Pipeline Parallelism for DNN Training", "PipeDream", "Deepak Narayanan", "SOSP", 2019,
         "narayanan2019pipedream"},
        {"PipeDream: Generalized Pipeline Parallelism for DNN Training", "PipeDream", NULL, "SOSP", 2019, "pipedream2019sosp"},
        {"The Lottery Ticket Hypothesis", NULL, "Frankle, Jonathan", "ICLR", 2019, "frankle2019lottery"},
        {"Introduction", NULL, "J. M\xC3\xBCller", NULL, 0, "mullerintroduction"},       /* no year: author and word */
        {"We Need to Talk About Trees", NULL, "Ada Lovelace", "CSUR", 2018, "lovelace2018need"},   /* "we": too short */
        {"Methods", NULL, NULL, NULL, 2020, "methods2020"},
        {"Methods for Deep Learning Systems", NULL, NULL, NULL, 0, "methodsdeep"},   /* a word alone is no key */
        {"\xCE\xBCLayer: Low Latency On-Device Inference", "\xCE\xBCLayer", NULL, "EuroSys", 2019, "mulayer2019eurosys"},
        {"AFS/CoDDL: Elastic Resource Sharing", "AFS/CoDDL", NULL, "NSDI", 2021, "afscoddl2021nsdi"},
        {"A Workshop Paper on Things", NULL, NULL, "NeurIPS-W", 2016, "workshop2016neuripsw"},
        {"Large Scale Distributed Deep Networks", "DistBelief", NULL, NULL, 0, "distbelief"},
        {"Megatron-LM: Training Multi-Billion Parameter Models", "Megatron-LM", "Mohammad Shoeybi", NULL, 2019,
         "shoeybi2019megatronlm"},
        {"\xE5\x88\x86\xE5\xB8\x83\xE5\xBC\x8F\xE8\xAE\xAD\xE7\xBB\x83", NULL, "\xE5\xBC\xA0\xE4\xB8\x89", NULL, 2020, "paper2020"},
        {"Deep Learning", NULL, "Ian Goodfellow", "", 2016, "goodfellow2016deep"},
        {"2020 Report on Things", NULL, "Lee, K.", NULL, 2021, "lee2021report"},   /* a number is no word */
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        lit_catalog c;
        lit_catalog_init(&c);
        lit_paper *p = add(&c, t[i].title, t[i].short_name, t[i].author, t[i].venue && *t[i].venue ? t[i].venue : NULL,
                           t[i].year, 1);
        lit_buf b = LIT_BUF_INIT;
        lit_key_stem(&c, p, &b);
        CHECK_STR(lit_buf_str(&b), t[i].want);
        lit_buf_free(&b);
        lit_catalog_free(&c);
    }
}

/* Clashes get a, b, c as Better BibTeX gives them, compared ignoring case (BibTeX does);
 * kept keys stay, the existing catalog's first. */
static void test_assign(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    add(&c, "Deep Residual Learning", NULL, "Kaiming He", "CVPR", 2016, 3);
    add(&c, "Deep Networks With Stochastic Depth", NULL, "Gao Huang", "ECCV", 2016, 4);
    add(&c, "Deep Residual Learning Again", NULL, "Kaiming He", "CVPR", 2016, 1);
    add(&c, "Deep Residual Learning Three", NULL, "Kaiming He", "CVPR", 2016, 2);
    add(&c, "Identity Mappings", NULL, "Kaiming He", "ECCV", 2016, 5)->key = "He2016deep";   /* a .bib's key */
    lit_keys_assign(&c, 0);
    CHECK_STR(c.papers[4].key, "He2016deep");
    CHECK_STR(c.papers[0].key, "he2016deepa");   /* "he2016deep" is He2016deep to BibTeX */
    CHECK_STR(c.papers[2].key, "he2016deepb");   /* by title: "...Again" < "...Three" */
    CHECK_STR(c.papers[3].key, "he2016deepc");
    CHECK_STR(c.papers[1].key, "huang2016deep");
    lit_catalog_free(&c);

    /* an existing catalog's keys never change, not even one a new .bib gives again */
    lit_catalog_init(&c);
    add(&c, "Old Paper", NULL, NULL, "OSDI", 2014, 9)->key = "pipedream-sosp19";
    add(&c, "Other Old Paper", NULL, NULL, "OSDI", 2014, 9)->key = "Smith2020";
    add(&c, "New Paper From a Bib", NULL, "Ann Smith", "OSDI", 2020, 1)->key = "smith2020";
    add(&c, "Newer Paper", NULL, NULL, "NSDI", 2021, 2);
    lit_keys_assign(&c, 2);
    CHECK_STR(c.papers[0].key, "pipedream-sosp19");
    CHECK_STR(c.papers[1].key, "Smith2020");
    CHECK_STR(c.papers[2].key, "smith2020new");   /* its key taken: a new one */
    CHECK_STR(c.papers[3].key, "newer2021nsdi");
    lit_catalog_free(&c);

    /* past z: aa, ab, ... */
    lit_catalog_init(&c);
    char title[32];
    for (int i = 0; i < 28; i++) {
        snprintf(title, sizeof title, "Same Paper %02d", i);
        add(&c, title, NULL, NULL, "OSDI", 2020, i + 1);
    }
    lit_keys_assign(&c, 0);
    CHECK_STR(c.papers[0].key, "same2020osdi");
    CHECK_STR(c.papers[1].key, "same2020osdia");
    CHECK_STR(c.papers[26].key, "same2020osdiz");
    CHECK_STR(c.papers[27].key, "same2020osdiaa");
    lit_catalog_free(&c);
}

int main(void)
{
    test_looks_typed();
    test_stems();
    test_assign();
    return check_failed_;
}
