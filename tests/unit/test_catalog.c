/* test_catalog.c - catalog load/save: round trips, kept fields, located errors. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "catalog.h"
#include "input.h"
#include "outfile.h"

static char errbuf[4096];

/* Loads text; returns the loader's status and leaves the messages in errbuf. */
static int load_text(lit_catalog *c, const char *text)
{
    FILE *f = fmemopen(errbuf, sizeof errbuf, "w");
    lit_diag d;
    lit_diag_init(&d, f);
    lit_catalog_init(c);
    int rc = lit_catalog_load_mem(c, "t.yaml", text, strlen(text), &d);
    fclose(f);
    return rc;
}

static int fails_with(const char *text, const char *msg)
{
    lit_catalog c;
    memset(errbuf, 0, sizeof errbuf);
    int rc = load_text(&c, text);
    lit_catalog_free(&c);
    int ok = rc != 0 && strstr(errbuf, msg) != NULL;
    if (!ok) printf("#   for: %s\n#   got: %s", text, errbuf);
    return ok;
}

static char *slurp(const char *path)
{
    char *data;
    size_t len;
    lit_diag d;
    lit_diag_init(&d, stderr);
    return lit_read_file(path, &data, &len, &d) == 0 ? data : NULL;
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK(lit_catalog_load(&c, "tests/fixtures/core/catalog.yaml", &d) == 0);
    CHECK_INT(c.n_papers, 5);
    const lit_paper *p = &c.papers[0];
    CHECK_STR(p->key, "pipedream-sosp19");
    CHECK_STR(p->short_name, "PipeDream");
    CHECK_INT(p->n_authors, 2);
    CHECK_STR(p->authors[1], "Aaron Harlap");
    CHECK_STR(lit_catalog_venue(&c, p->venue), "OSDI");
    CHECK_INT(p->year, 2019);
    CHECK_INT(p->n_links, 2);
    CHECK_STR(p->links[1].kind, "code");
    CHECK_INT(p->n_sources, 2);
    CHECK_INT(p->sources[0].line, 5);
    CHECK_STR(p->sources[0].section, "Model Parallelism");
    CHECK(p->sources[1].section == NULL);
    CHECK_INT(p->n_extras, 3);
    CHECK_STR(p->extras[0].key, "notes");
    CHECK_INT(p->extras[2].value.kind, LIT_NODE_MAP);
    CHECK_INT(p->line, 2);
    CHECK_INT(c.papers[2].year_inferred, 1);
    CHECK_STR(c.papers[2].arxiv, "1909.08053");
    CHECK_STR(c.papers[4].title, "null");
    CHECK_STR(c.papers[4].short_name, "true");
    CHECK_INT(c.papers[4].venue, -1);
    CHECK_INT(c.papers[4].year, 0);
    CHECK_INT(c.venues.n, 3);

    /* save, load, save: the same bytes; the same catalog */
    CHECK(lit_catalog_save(&c, "build/test-catalog-1.yaml", &d) == 0);
    lit_catalog c2;
    lit_catalog_init(&c2);
    CHECK(lit_catalog_load(&c2, "build/test-catalog-1.yaml", &d) == 0);
    CHECK(lit_catalog_save(&c2, "build/test-catalog-2.yaml", &d) == 0);
    char *a = slurp("build/test-catalog-1.yaml"), *b = slurp("build/test-catalog-2.yaml");
    CHECK(a && b && strcmp(a, b) == 0);
    CHECK(a && strstr(a, "short: \"true\"") != NULL);
    CHECK(a && strstr(a, "title: \"null\"") != NULL);
    CHECK(a && strstr(a, "status: done") != NULL);
    CHECK_INT(c2.n_papers, c.n_papers);
    CHECK_STR(c2.papers[0].extras[2].value.items[1].str, "Ana");
    CHECK_INT(c2.papers[1].n_topics, 2);
    CHECK_STR(lit_catalog_topic(&c2, c2.papers[1].topics[1]), "scheduling");
    free(a);
    free(b);
    remove("build/test-catalog-1.yaml");
    remove("build/test-catalog-2.yaml");
    lit_catalog_free(&c2);
    lit_catalog_free(&c);

    /* "authors_complete: false" (the list named the first authors, "X et al.") is kept */
    CHECK(load_text(&c, "papers:\n  - key: a\n    title: x\n    authors: [Ada Lovelace]\n    authors_complete: false\n"
                        "  - key: b\n    title: y\n    authors: [Alan Turing]\n    authors_complete: true\n") == 0);
    CHECK(c.n_papers == 2 && c.papers[0].authors_etal && !c.papers[1].authors_etal);
    CHECK(lit_catalog_save(&c, "build/test-catalog-3.yaml", &d) == 0);
    a = slurp("build/test-catalog-3.yaml");
    CHECK(a && strstr(a, "  authors: [Ada Lovelace]\n  authors_complete: false\n") != NULL);
    CHECK(a && strstr(a, "true") == NULL);
    free(a);
    remove("build/test-catalog-3.yaml");
    lit_catalog_free(&c);
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    authors_complete: maybe\n", "t.yaml:4:23: error"));

    /* located errors */
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    year: 3000\n", "t.yaml:4:11: error: 3000 is out of range"));
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    year: soon\n", "t.yaml:4:11: error: expected an integer"));
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    title: y\n", "t.yaml:4:5: error: duplicate key 'title'"));
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n  - key: a\n    title: y\n",
                     "t.yaml:4:5: error: duplicate paper key 'a' (first at line 2)"));
    CHECK(fails_with("papers:\n  - &x {key: a, title: x}\n  - *x\n", "t.yaml:3:5: error: YAML aliases are not supported"));
    CHECK(fails_with("papers:\n  - key: a\n    title: \"caf\xc3\"\n", "t.yaml:3:17: error: invalid trailing UTF-8 octet"));
    CHECK(fails_with("papers:\n  - key: a\n    title: [x]\n", "t.yaml:3:12: error: expected a string, found a list"));
    CHECK(fails_with("papers:\n  - key: a\n", "t.yaml:2:5: error: paper 'a' without 'title'"));
    CHECK(fails_with("papers:\n  - title: a\n", "t.yaml:2:5: error: paper without 'key'"));
    CHECK(fails_with("papers:\n  - key: a b\n    title: x\n", "invalid key 'a b'"));
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    sources: [{line: 3}]\n", "source without 'list'"));
    CHECK(fails_with("", "empty file"));
    CHECK(fails_with("papers: [\n", "t.yaml:2:1: error:"));
    CHECK(fails_with("paper: []\n", "t.yaml:1:1: error: unknown key 'paper'"));
    CHECK(fails_with("papers: []\n---\npapers: []\n", "second YAML document"));
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    links: {paper: [1]}\n", "expected a string"));
    CHECK(fails_with("papers:\n  - key: a\n    title: x\n    note: {a: 1, a: 2}\n", "duplicate key 'a'"));
    /* nesting far deeper than any catalog needs stops early, without recursion */
    {
        size_t depth = 200000;
        char *deep = malloc(depth * 2 + 64);
        strcpy(deep, "papers:\n  - key: a\n    title: x\n    x: ");
        size_t n = strlen(deep);
        memset(deep + n, '[', depth);
        memset(deep + n + depth, ']', depth);
        deep[n + 2 * depth] = '\0';
        CHECK(fails_with(deep, "nesting deeper than 64 levels"));
        free(deep);
    }
    {
        lit_catalog e;
        CHECK(load_text(&e, "papers:\n") == 0 && e.n_papers == 0);
        lit_catalog_free(&e);
    }
    return CHECK_DONE();
}
