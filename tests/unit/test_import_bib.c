/* test_import_bib.c - the BibTeX importer: macros, accents, names, venues, crossref, and located errors. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "import.h"
#include "input.h"
#include "outfile.h"

static lit_venues vs;
static lit_topics ts;
static char msgs[8192];   /* the diagnostics of the last import */

/* Imports src (named t.bib) into cat; returns the importer's result. mode: 0 the
 * default (bad entries skipped), 1 --lenient (invalid bytes too), STRICT all or nothing. */
enum { STRICT = 2 };
static int import_into(lit_catalog *cat, const char *src, size_t len, int mode)
{
    char *buf = NULL;
    size_t blen = 0;
    FILE *f = open_memstream(&buf, &blen);
    lit_diag d;
    lit_diag_init(&d, f);
    lit_import_opts o = {.venues = &vs, .topics = &ts, .lenient = mode == 1, .strict = mode == STRICT};
    int rc = lit_import_bib(cat, "dir/t.bib", src, len, &o, &d);
    fclose(f);
    snprintf(msgs, sizeof msgs, "%s", buf ? buf : "");
    free(buf);
    return rc;
}

static int import_str(lit_catalog *cat, const char *src, int mode)
{
    return import_into(cat, src, strlen(src), mode);
}

/* The title of a one-entry file whose title field is written as tex. */
static char title_buf[1024];
static const char *title_of(const char *tex)
{
    char src[1024];
    snprintf(src, sizeof src, "@misc{k, title = {%s}}", tex);
    lit_catalog c;
    lit_catalog_init(&c);
    snprintf(title_buf, sizeof title_buf, "%s",
             import_str(&c, src, false) == 0 && c.n_papers == 1 ? c.papers[0].title : "(failed)");
    lit_catalog_free(&c);
    return title_buf;
}

/* The display form of one BibTeX name. */
static char name_buf[1024];
static const char *name_of(const char *tex)
{
    char src[1024];
    snprintf(src, sizeof src, "@misc{k, title = {T}, author = {%s}}", tex);
    lit_catalog c;
    lit_catalog_init(&c);
    name_buf[0] = 0;
    if (import_str(&c, src, false) == 0 && c.n_papers == 1) {
        for (uint32_t i = 0; i < c.papers[0].n_authors; i++) {
            if (i) strcat(name_buf, " | ");
            strncat(name_buf, c.papers[0].authors[i], sizeof name_buf - strlen(name_buf) - 4);
        }
    } else snprintf(name_buf, sizeof name_buf, "(failed)");
    lit_catalog_free(&c);
    return name_buf;
}

/* The venue id a booktitle or journal lands on. */
static char venue_buf[256];
static const char *venue_of(const char *field, const char *tex)
{
    char src[1024];
    snprintf(src, sizeof src, "@inproceedings{k, title = {T}, %s = {%s}, year = 2020}", field, tex);
    lit_catalog c;
    lit_catalog_init(&c);
    const char *v = import_str(&c, src, false) == 0 ? lit_catalog_venue(&c, c.papers[0].venue) : "(failed)";
    snprintf(venue_buf, sizeof venue_buf, "%s", v ? v : "(none)");
    lit_catalog_free(&c);
    return venue_buf;
}

/* The first diagnostic line for a bad file, and whether the import failed. */
static char err_buf[1024];
static const char *error_of(const char *src, size_t len)
{
    lit_catalog c;
    lit_catalog_init(&c);
    int rc = import_into(&c, src, len ? len : strlen(src), STRICT);
    char *nl = strchr(msgs, '\n');
    if (nl) *nl = 0;
    snprintf(err_buf, sizeof err_buf, "%s%.900s", rc == 0 ? "(accepted) " : "", msgs);
    CHECK_INT(c.n_papers, 0);   /* nothing half-imported */
    lit_catalog_free(&c);
    return err_buf;
}

static const lit_paper *find(const lit_catalog *c, const char *key)
{
    long i = lit_catalog_find(c, key);
    return i < 0 ? NULL : &c->papers[i];
}

static void test_fixture(void)
{
    char *data;
    size_t len;
    lit_diag d;
    lit_diag_init(&d, stderr);
    CHECK(lit_read_file("tests/fixtures/bib/real.bib", &data, &len, &d) == 0);
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK(import_into(&c, data, len, false) == 0);
    CHECK_STR(msgs, "");
    CHECK_INT(c.n_papers, 11);   /* the @proceedings volume is not a paper */
    const lit_paper *p = find(&c, "pipedream-sosp19");
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->title, "PipeDream: Generalized Pipeline Parallelism for DNN Training");
        CHECK_STR(p->short_name, "PipeDream");
        CHECK_INT(p->n_authors, 8);
        CHECK_STR(p->authors[4], "Nikhil R. Devanur");
        CHECK_STR(lit_catalog_venue(&c, p->venue), "SOSP");   /* from an @string macro */
        CHECK_INT(p->year, 2019);
        CHECK_STR(p->doi, "10.1145/3341301.3359646");
        CHECK_INT(p->n_links, 1);
        CHECK_STR(p->links[0].kind, "paper");
        CHECK_INT(p->n_topics, 1);   /* keywords through the topic aliases ("Pipelining") */
        if (p->n_topics) CHECK_STR(lit_catalog_topic(&c, p->topics[0]), "pipeline-parallelism");
        CHECK_STR(p->sources[0].list, "dir/t.bib");   /* the path as given */
        CHECK_INT(p->sources[0].line, 11);
    }
    p = find(&c, "gandiva-osdi18");
    if (CHECK(p != NULL), p) {
        CHECK_STR(p->authors[0], "Wencong Xiao");   /* "Last, First" */
        CHECK_STR(lit_catalog_venue(&c, p->venue), "OSDI");   /* (OSDI 18) in a concatenation */
        CHECK_INT(p->year, 2018);
    }
    p = find(&c, "wei-tpds");
    if (CHECK(p != NULL), p) {
        CHECK_STR(p->title, "A Study of Über-Fast Naïve Schedulers & Café GPUs — Part 2");
        CHECK_INT(p->n_authors, 6);   /* "others" is not an author: it marks the list incomplete */
        CHECK(p->authors_etal);
        CHECK_STR(p->authors[0], "Jörg Müller");
        CHECK_STR(p->authors[1], "François Étienne");
        CHECK_STR(p->authors[2], "María de la Cruz, Jr");
        CHECK_STR(p->authors[3], "Ludwig van Beethoven");
        CHECK_STR(p->authors[4], "Øystein Grønli");
        CHECK_STR(p->authors[5], "Hans Straßer");
        CHECK_STR(lit_catalog_venue(&c, p->venue), "TPDS");
        CHECK_STR(p->doi, "10.1109/TPDS.2021.3094364");   /* URL prefix dropped */
    }
    p = find(&c, "megatron-arxiv");
    if (CHECK(p != NULL), p) {
        CHECK_STR(lit_catalog_venue(&c, p->venue), "arXiv");
        CHECK_STR(p->arxiv, "1909.08053");
        CHECK_INT(p->year, 2019);
        CHECK(p->year_inferred);
        CHECK_STR(p->short_name, "Megatron-LM");
    }
    p = find(&c, "gpipe-corr");
    if (CHECK(p != NULL), p) {
        CHECK_STR(lit_catalog_venue(&c, p->venue), "arXiv");   /* DBLP's CoRR */
        CHECK_STR(p->arxiv, "1811.06965");
        CHECK(!p->year_inferred);
    }
    p = find(&c, "bytescheduler-nsdi19");
    if (CHECK(p != NULL), p) {   /* crossref: booktitle and year from the @proceedings */
        CHECK_STR(lit_catalog_venue(&c, p->venue), "NSDI");
        CHECK_INT(p->year, 2019);
    }
    p = find(&c, "tiresias");
    if (CHECK(p != NULL), p) CHECK_STR(lit_catalog_venue(&c, p->venue), "NSDI");
    p = find(&c, "hotos-ml");
    if (CHECK(p != NULL), p) CHECK_STR(lit_catalog_venue(&c, p->venue), "HotOS");   /* by full name */
    p = find(&c, "unknown-venue");
    if (CHECK(p != NULL), p) CHECK_STR(lit_catalog_venue(&c, p->venue), "Some Workshop Nobody Lists");
    p = find(&c, "plain-tr");
    if (CHECK(p != NULL), p) {
        CHECK_STR(p->title, "μ-Batching with LaTeX and emphasis at 50% — “quoted”");
        CHECK_INT(p->venue, -1);
    }
    lit_catalog_free(&c);
    free(data);
}

static void test_text(void)
{
    CHECK_STR(title_of("{\\\"o}\\\"o\\\"{o}\\\" o"), "öööö");
    CHECK_STR(title_of("\\'e\\`e\\^e\\~n\\=a\\.z\\u{g}\\v{s}\\H{o}\\c{c}\\c c\\k{a}\\r{u}\\d{s}\\b{b}"),
              "éèêñāżğšőççąůṣḇ");
    CHECK_STR(title_of("{\\ss} {\\ae}{\\AE}{\\oe}{\\o}{\\O}{\\aa}{\\AA}{\\l}{\\L}"), "ß æÆœøØåÅłŁ");
    CHECK_STR(title_of("Na\\\"{\\i}ve {\\'\\i}"), "Naïve í");
    CHECK_STR(title_of("A \\& B, 5\\%, \\$3, \\#1, x\\_i, \\{x\\}"), "A & B, 5%, $3, #1, x_i, {x}");
    CHECK_STR(title_of("1--2 a---b ``q'' `s'"), "1–2 a—b “q” ‘s'");
    CHECK_STR(title_of("Part~2\\ and\\,more"), "Part 2 and more");
    CHECK_STR(title_of("{The}   {{Nested}}\n\t {B{r}aces}"), "The Nested Braces");
    CHECK_STR(title_of("\\emph{Em} \\textbf{bold} {\\em old} \\textsc{Sc}"), "Em bold old Sc");
    CHECK_STR(title_of("$O(n^2)$ $\\alpha$ $\\mu$s \\textmu"), "O(n^2) α μs µ");
    CHECK_STR(title_of("\\LaTeX{} and \\TeX"), "LaTeX and TeX");
    CHECK_STR(title_of("{\\textbraceleft}a{\\textbraceright} {\\textasciitilde} {\\textbackslash} {[}x{]}"),
              "{a} ~ \\ [x]");
    CHECK_STR(title_of("Already UTF-8: Über café 中文"), "Already UTF-8: Über café 中文");
    CHECK_STR(title_of("\\unknown{kept} text"), "kept text");
    CHECK_STR(title_of("Tux\\textsuperscript{2} H\\textsubscript{2}O x\\textsuperscript{th} CO\\textsubscript{(2)}"),
              "Tux² H₂O xth CO₍₂₎");
    CHECK_STR(title_of("\\href{http://x.org}{Link} \\url{http://y.org}"), "Link http://y.org");

    /* biblatex's subtitle (as Crossref's records give it) is the rest of the title */
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@inproceedings{harlap2018pipedream, title = {PipeDream}, year = {2019},\n"
                         "  subtitle = {generalized pipeline parallelism for DNN training}}", false) == 0);
    CHECK_STR(c.papers[0].title, "PipeDream: generalized pipeline parallelism for DNN training");
    CHECK_STR(c.papers[0].short_name, "PipeDream");
    CHECK(c.papers[0].n_extras == 1);   /* bibtype only: the subtitle is the title's now */
    lit_catalog_free(&c);
}

static void test_names(void)
{
    CHECK_STR(name_of("Donald E. Knuth"), "Donald E. Knuth");
    CHECK_STR(name_of("Knuth, Donald E."), "Donald E. Knuth");
    CHECK_STR(name_of("Ludwig van Beethoven"), "Ludwig van Beethoven");
    CHECK_STR(name_of("van Beethoven, Ludwig"), "Ludwig van Beethoven");
    CHECK_STR(name_of("de la Fontaine, Jr., Jean"), "Jean de la Fontaine, Jr.");
    CHECK_STR(name_of("Jean de la Fontaine"), "Jean de la Fontaine");
    CHECK_STR(name_of("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin"),
              "Charles Louis Xavier Joseph de la Vallée Poussin");
    CHECK_STR(name_of("{\\\"O}zsu, M. Tamer"), "M. Tamer Özsu");
    CHECK_STR(name_of("Jean-Paul Sartre"), "Jean-Paul Sartre");
    CHECK_STR(name_of("{Barnes and Noble, Inc.}"), "Barnes and Noble, Inc.");
    CHECK_STR(name_of("A. One and B. Two AND C. Three and others"), "A. One | B. Two | C. Three");
    CHECK_STR(name_of("Brand, {\\'{E}}mile and Xu,~Wei"), "Émile Brand | Wei Xu");
    CHECK_STR(name_of("Madonna"), "Madonna");
    CHECK_STR(name_of("Anderson and  and Bauer"), "Anderson | Bauer");
}

static void test_venues(void)
{
    CHECK_STR(venue_of("booktitle", "Proceedings of the 13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)"), "OSDI");
    CHECK_STR(venue_of("booktitle", "Proceedings of the 27th {ACM} Symposium on Operating Systems Principles"), "SOSP");
    CHECK_STR(venue_of("booktitle", "16th {USENIX} Symposium on Networked Systems Design and Implementation, {NSDI} 2019"), "NSDI");
    CHECK_STR(venue_of("booktitle", "Proceedings of the Fifteenth European Conference on Computer Systems (EuroSys '20)"), "EuroSys");
    CHECK_STR(venue_of("booktitle", "EuroSys"), "EuroSys");
    CHECK_STR(venue_of("booktitle", "Advances in Neural Information Processing Systems (NIPS)"), "NeurIPS");
    CHECK_STR(venue_of("booktitle", "Proceedings of Machine Learning and Systems"), "MLSys");
    CHECK_STR(venue_of("journal", "Proc. {VLDB} Endow."), "VLDB");
    CHECK_STR(venue_of("journal", "IEEE Trans. Parallel Distributed Syst. (TPDS)"), "TPDS");
    CHECK_STR(venue_of("journal", "arXiv preprint arXiv:2104.04473"), "arXiv");
    CHECK_STR(venue_of("journal", "Journal of Nothing"), "Journal of Nothing");

    lit_catalog c;
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@article{a, title={T}, journal={arXiv preprint arXiv:2104.04473}}\n"
                         "@misc{b, title={T}, eprint={cs/0112017}, archivePrefix={arXiv}}\n"
                         "@online{c, title={T}, url={https://arxiv.org/abs/2205.14135v2}, date={2022-05-27}}\n"
                         "@misc{d, title={T}, year={n.d.}}\n", false) == 0);
    CHECK_INT(c.n_papers, 4);
    if (c.n_papers == 4) {
        CHECK_STR(c.papers[0].arxiv, "2104.04473");
        CHECK_INT(c.papers[0].year, 2021);
        CHECK(c.papers[0].year_inferred);
        CHECK_STR(c.papers[1].arxiv, "cs/0112017");
        CHECK_INT(c.papers[1].year, 2001);
        CHECK_STR(c.papers[2].arxiv, "2205.14135");
        CHECK_INT(c.papers[2].year, 2022);   /* biblatex date */
        CHECK(!c.papers[2].year_inferred);
        CHECK_STR(lit_catalog_venue(&c, c.papers[2].venue), "arXiv");
        CHECK_INT(c.papers[3].year, 0);
    }
    CHECK_STR(msgs, "");   /* "n.d." is no year, not a bad one */
    lit_catalog_free(&c);

    /* years the catalog cannot hold are left out with a warning */
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@book{a, title={De revolutionibus}, year=1543}", false) == 0);
    CHECK_INT(c.papers[0].year, 0);
    CHECK(strstr(msgs, "t.bib:1:42: warning: year 1543 of 'a' is outside 1800-2100; left out") != NULL);
    lit_catalog_free(&c);
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@book{a, title={T}, year={soon}}", false) == 0);
    CHECK(strstr(msgs, "t.bib:1:26: warning: year 'soon' of 'a' is not a year; left out") != NULL);
    lit_catalog_free(&c);

    /* the system name: a short shorttitle wins over the word before the colon */
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@misc{a, title={A Unified Architecture}, shorttitle={{BytePS}}}\n"
                         "@misc{b, title={Deep Learning: A Review}, shorttitle={Deep learning in a long short title}}\n"
                         "@misc{c, title={{AFS/CoDDL}: Things}}\n@misc{d, title={A Title: Without a Name}}\n", false) == 0);
    if (c.n_papers == 4) {
        CHECK_STR(c.papers[0].short_name, "BytePS");
        CHECK_STR(c.papers[1].short_name, NULL);   /* a long shorttitle is no system name */
        CHECK_STR(c.papers[2].short_name, "AFS/CoDDL");
        CHECK_STR(c.papers[3].short_name, NULL);
    }
    lit_catalog_free(&c);

    /* url, doi and eprint are verbatim: no dashes or ties, line breaks and braces gone */
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@misc{a, title={T}, url = {http://x.org/~user/a--b/c\\_d\\%20\n   e{f}\\x/caf\xC3\xA9}, doi = {10.1/x--y~z}}", false) == 0);
    if (c.n_papers == 1) {
        CHECK_STR(c.papers[0].links[0].url, "http://x.org/~user/a--b/c_d%20efx/caf%C3%A9");
        CHECK_STR(c.papers[0].doi, "10.1/x--y~z");
    }
    lit_catalog_free(&c);
}

static void test_syntax(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    /* parentheses, quoted values with braces, numbers, concatenation, macros any case,
     * month macros, @comment/@preamble, comments and junk between entries, trailing comma */
    CHECK(import_str(&c,
        "\xEF\xBB\xBFJunk text with an e@mail and @ sign\n"
        "@Comment(anything {unbalanced here) @comment and more\n"
        "@preamble{\"\\newcommand{\\x}{y}\"}\n"
        "@string{ First = \"Alpha\" , second = {Beta} }\n"
        "@ARTICLE(key:with/odd.chars+1, TITLE = \"A {\"}quoted{\"} \" # FIRST # { and } # Second # \" {\\\"u}\",\n"
        "  Year = 2021, month = JAN # \"~1\", note = 42 # \"x\",\n"
        ")\n"
        "% a comment line @ between entries\n"
        "@misc { spaced ,\n  title = {S} }\n", false) == 0);
    CHECK_STR(msgs, "");
    CHECK_INT(c.n_papers, 2);
    if (c.n_papers == 2) {
        CHECK_STR(c.papers[0].key, "key:with/odd.chars+1");
        CHECK_STR(c.papers[0].title, "A \"quoted\" Alpha and Beta ü");
        CHECK_INT(c.papers[0].year, 2021);
        CHECK_STR(c.papers[1].key, "spaced");
        CHECK_INT(c.papers[1].sources[0].line, 9);
    }
    lit_catalog_free(&c);

    /* a duplicate field keeps the first, with a warning at the second */
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@misc{k,\n  title = {One},\n  title = {Two}}", false) == 0);
    CHECK_STR(c.papers[0].title, "One");
    CHECK(strstr(msgs, "t.bib:3:3: warning: duplicate field 'title'") != NULL);
    lit_catalog_free(&c);

    /* a crossref to a missing entry warns and keeps the paper */
    lit_catalog_init(&c);
    CHECK(import_str(&c, "@inproceedings{k, title = {T}, crossref = {nowhere}}", false) == 0);
    CHECK(strstr(msgs, "t.bib:1:43: warning: crossref 'nowhere' of 'k' is in none of the .bib files") != NULL);
    lit_catalog_free(&c);
}

static void test_errors(void)
{
    CHECK_STR(error_of("@article{k,\n  title = {Never {closed},\n  year = 2020\n", 0),
              "dir/t.bib:2:11: error: unbalanced braces: '{' is never closed");
    CHECK_STR(error_of("@article{a, title = {Open\n@article{b, title = {x}}\n", 0),
              "dir/t.bib:1:21: error: unbalanced braces: '{' is not closed before the next entry at line 2");
    CHECK_STR(error_of("@article{a, title = {x}\n@article{b, title = {x}}\n", 0),
              "dir/t.bib:2:1: error: entry 'a' is not closed before the next entry (missing '}')");
    CHECK_STR(error_of("@article{a, title = \"Open}\"}", 0),
              "dir/t.bib:1:26: error: unbalanced braces: '}' without '{' in a quoted value");
    CHECK_STR(error_of("@article{a, title = \"Open", 0),
              "dir/t.bib:1:21: error: unterminated string: '\"' is never closed");
    CHECK_STR(error_of("@article{title = {x}}", 0),
              "dir/t.bib:1:10: error: entry without a key: '@article' needs a citation key before its fields");
    CHECK_STR(error_of("@article{, title = {x}}", 0),
              "dir/t.bib:1:10: error: entry without a key: '@article' needs a citation key before its fields");
    CHECK_STR(error_of("@string{a = b}\n@misc{k, title = a}", 0), "dir/t.bib:1:13: error: undefined macro 'b'");
    CHECK_STR(error_of("@misc{k, title = {x} # nomacro}", 0), "dir/t.bib:1:24: error: undefined macro 'nomacro'");
    CHECK_STR(error_of("@string{loop = \"x\" # loop}", 0),
              "dir/t.bib:1:22: error: circular macro: 'loop' refers to itself");
    CHECK_STR(error_of("@string{a = b}\n@string{b = a}", 0), "dir/t.bib:1:13: error: undefined macro 'b'");
    CHECK_STR(error_of("@misc{k, title = {ok}}\n@misc{K, title = {dup}}", 0),
              "dir/t.bib:2:1: error: duplicate key 'K' (first at line 1)");
    CHECK_STR(error_of("@misc{k, title = {caf\xC3}}", 0), "dir/t.bib:1:22: error: invalid UTF-8 (byte 0xC3)");
    CHECK_STR(error_of("@misc{k, title = {a\0b}}", 23), "dir/t.bib:1:20: error: NUL byte in a BibTeX file");
    CHECK_STR(error_of("@misc{k title = {x}}", 0), "dir/t.bib:1:9: error: expected ',' after key 'k', found 't'");
    CHECK_STR(error_of("@misc{k, title {x}}", 0),
              "dir/t.bib:1:16: error: expected '=' after field name 'title', found '{'");
    CHECK_STR(error_of("@misc{k, title = }", 0), "dir/t.bib:1:18: error: expected a value for 'title', found '}'");
    CHECK_STR(error_of("@misc{k, title = {x} year = 1}", 0),
              "dir/t.bib:1:22: error: expected ',' or '}' after the value of 'title', found 'y'");
    CHECK_STR(error_of("@article k", 0), "dir/t.bib:1:10: error: expected '{' or '(' after '@article', found 'k'");
    CHECK_STR(error_of("@misc{k\\x, title={x}}", 0), "dir/t.bib:1:8: error: character '\\' in key 'k\\x' cannot be cited");
    {   /* a key with UTF-8 letters (a Chinese thesis's .bib) is kept as it is: biber cites it */
        lit_catalog c;
        lit_catalog_init(&c);
        const char *src = "@misc{m\xC3\xBCller, title={x}}\n@misc{\xE5\xBC\xA0\xE4\xB8\x89" "2020, title={y}}";
        CHECK_INT(import_into(&c, src, strlen(src), STRICT), 0);
        CHECK(find(&c, "m\xC3\xBCller") != NULL);
        CHECK(find(&c, "\xE5\xBC\xA0\xE4\xB8\x89" "2020") != NULL);
        lit_catalog_free(&c);
    }
    CHECK_STR(error_of("@misc{k, year = 2020}", 0), "dir/t.bib:1:1: error: entry 'k' has no title");
    CHECK_STR(error_of("% only comments\n@string{x = {y}}\n", 0), "dir/t.bib:1:1: error: no bibliography entries found");
    CHECK_STR(error_of("", 0), "dir/t.bib:1:1: error: no bibliography entries found");
    CHECK_STR(error_of("@misc{k, title = {x}", 0), "dir/t.bib:1:1: error: entry 'k' is never closed (missing '}')");
    CHECK_STR(error_of("@comment{never closed", 0), "dir/t.bib:1:9: error: unbalanced braces: '{' of @comment is never closed");
    /* columns count characters, not bytes */
    CHECK_STR(error_of("@misc{k, title = {ü}, x = y}", 0), "dir/t.bib:1:27: error: undefined macro 'y'");
}

static void test_all_or_nothing(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    lit_paper *p = lit_catalog_add(&c);
    p->key = "existing";
    CHECK(import_str(&c, "@misc{a, title={A}}\n@misc{b, title={B}", STRICT) < 0);
    CHECK_INT(c.n_papers, 1);
    CHECK_STR(c.papers[0].key, "existing");

    /* the default: each bad entry skipped with a warning, the good ones kept */
    char *data;
    size_t len;
    lit_diag d;
    lit_diag_init(&d, stderr);
    CHECK(lit_read_file("tests/fixtures/bib/adversarial.bib", &data, &len, &d) == 0);
    CHECK(import_into(&c, data, len, STRICT) < 0);
    CHECK(strstr(msgs, "t.bib:3:30: error: unbalanced braces") == msgs + 4);
    CHECK_INT(c.n_papers, 1);
    CHECK(import_into(&c, data, len, 0) == 0);
    CHECK_INT(c.n_papers, 5);
    if (c.n_papers == 5) {
        CHECK_STR(c.papers[1].key, "ok-first");
        CHECK_STR(c.papers[2].key, "no-key-follows");
        CHECK_STR(c.papers[3].key, "undef");
        CHECK_STR(c.papers[3].title, "undefinedmacro");   /* the macro's name, as bibtex */
        CHECK_STR(c.papers[4].key, "ok-second");
    }
    size_t nwarn = 0;
    for (const char *m = msgs; (m = strstr(m, "warning:")) != NULL; m++) nwarn++;
    CHECK_INT(nwarn, 6);
    CHECK(strstr(msgs, "t.bib:5:10: warning: entry without a key") != NULL);
    CHECK(strstr(msgs, "t.bib:6:16: warning: circular macro") != NULL);
    CHECK(strstr(msgs, "t.bib:7:25: warning: undefined macro 'undefinedmacro' (its name is kept as the text)") != NULL);
    CHECK(strstr(msgs, "t.bib:10:1: warning: duplicate key 'ok-first'") != NULL);
    free(data);

    /* lenient with invalid bytes: the entry holding them goes, the rest stays */
    c.n_papers = 0;
    CHECK(import_str(&c, "@misc{a, title={A\xFF}}\n@misc{b, title={B}}\n", true) == 0);
    CHECK_INT(c.n_papers, 1);
    CHECK(strstr(msgs, "t.bib:1:18: warning: invalid UTF-8") != NULL);
    /* ... and a bad @string is used as U+FFFD: the catalog never holds invalid UTF-8 */
    c.n_papers = 0;
    static const char bad_macro[] = "@string{s = \"x\xFFy\0z\"}\n@misc{a, title=s}\n";
    CHECK(import_into(&c, bad_macro, sizeof bad_macro - 1, true) == 0);
    CHECK(strstr(msgs, "t.bib:1:15: warning: invalid UTF-8 (byte 0xFF)") != NULL);
    if (c.n_papers == 1) CHECK_STR(c.papers[0].title, "x\xEF\xBF\xBDy z");   /* NUL: a control, so a space */
    c.n_papers = 0;
    CHECK(import_str(&c, "@misc{a, title={A}\n", true) < 0);
    CHECK(strstr(msgs, "no usable entries (1 skipped)") != NULL);
    lit_catalog_free(&c);
}

/* Hostile sizes: bounded time and memory, no stack overflow. */
static void test_bounds(void)
{
    clock_t t0 = clock();
    /* macro doubling: 2^60 bytes if it were allowed */
    char bomb[4096] = "@string{a = \"xxxxxxxxxxxxxxxx\"}\n";
    for (int i = 0; i < 60; i++) strcat(bomb, "@string{a = a # a}\n");
    strcat(bomb, "@misc{k, title = a}\n");
    const char *e = error_of(bomb, 0);
    CHECK(strstr(e, "error: value longer than") != NULL || strstr(e, "error: macro expansion too large") != NULL);

    /* a million opening braces */
    size_t n = 1000000;
    char *deep = malloc(n + 32);
    strcpy(deep, "@misc{k, title = ");
    memset(deep + 17, '{', n);
    deep[17 + n] = 0;
    e = error_of(deep, 0);
    CHECK(strstr(e, "dir/t.bib:1:18: error: unbalanced braces") == e);
    /* balanced but deep: accepted */
    memset(deep + 17, '{', n / 2);
    deep[17 + n / 2] = 'x';
    memset(deep + 18 + n / 2, '}', n / 2);
    strcpy(deep + 18 + n, "}");
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK(import_str(&c, deep, false) == 0);
    if (c.n_papers) CHECK_STR(c.papers[0].title, "x");
    lit_catalog_free(&c);
    free(deep);

    /* many entries, lenient, each one broken: linear, not quadratic */
    size_t k = 20000;
    char *many = malloc(k * 40 + 1), *q = many;
    for (size_t i = 0; i < k; i++) q += sprintf(q, "@misc{k%zu, title = {open\n", i);
    lit_catalog_init(&c);
    FILE *devnull = fopen("/dev/null", "w");
    lit_diag d;
    lit_diag_init(&d, devnull);
    lit_import_opts o = {.venues = &vs, .topics = &ts, .lenient = true};
    CHECK(lit_import_bib(&c, "many.bib", many, (size_t)(q - many), &o, &d) < 0);
    CHECK_INT(d.warnings, (long)k);
    fclose(devnull);
    lit_catalog_free(&c);
    free(many);
    /* 100,000 fields in one entry, and an entry inheriting them by crossref */
    size_t nfields = 100000;
    char *wide = malloc(nfields * 24 + 256);
    q = wide + sprintf(wide, "@misc{w, title = {W}");
    for (size_t i = 0; i < nfields; i++) q += sprintf(q, ", f%zu = {v}", i);
    q += sprintf(q, ", f7 = {dup}}\n@misc{x, title = {X}, crossref = {w}}\n");
    lit_catalog_init(&c);
    CHECK(import_str(&c, wide, false) == 0);
    CHECK_INT(c.n_papers, 2);
    CHECK(strstr(msgs, "warning: duplicate field 'f7' in 'w' ignored") != NULL);
    lit_catalog_free(&c);
    free(wide);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("# bounds cases took %.2f s\n", secs);
    CHECK(secs < 20);
}

/* Several files as one bibliography: macros in file order, crossrefs across files, a file
 * of @strings alone is no error; the fields without a catalog field are kept (bib). */
static void test_files(void)
{
    lit_catalog c;
    lit_catalog_init(&c);
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_bib *b = lit_bib_new();
    lit_import_opts o = {.venues = &vs, .topics = &ts, .bib = b};
    static const char strings[] = "@string{osdi = {OSDI}}\n";
    static const char papers[] = "% @misc{commented, title={No}}\n"
                                 "@inproceedings{p1, title = {One}, booktitle = osdi, year = 2020\n pages = {1--2}}\n"
                                 "@inproceedings{p2 title = {Two}, crossref = {vol}, note = {a\n   b}}\n";
    static const char volumes[] = "@proceedings{vol, title = {Proc. of Things}, year = 2021, publisher = {ACM}, doi = {10.1/vol}}\n";
    CHECK(lit_import_bib(&c, "strings.bib", strings, sizeof strings - 1, &o, &d) == 0);
    CHECK(lit_import_bib(&c, "papers.bib", papers, sizeof papers - 1, &o, &d) == 0);
    CHECK(lit_import_bib(&c, "volumes.bib", volumes, sizeof volumes - 1, &o, &d) == 0);
    CHECK_INT(c.n_papers, 0);   /* nothing before the end */
    CHECK(lit_bib_finish(b, &c, &o, &d) == 0);
    CHECK_INT(c.n_papers, 2);
    const lit_paper *p1 = find(&c, "p1"), *p2 = find(&c, "p2");
    CHECK(p1 && p2);
    if (p1 && p2) {
        CHECK_STR(lit_catalog_venue(&c, p1->venue), "OSDI");
        CHECK_INT(p1->year, 2020);
        CHECK_INT(p2->year, 2021);
        CHECK(p2->doi == NULL);   /* the volume's DOI is not the paper's */
        CHECK_STR(p2->sources[0].list, "papers.bib");
        CHECK_INT(p2->sources[0].line, 4);
        CHECK_INT(p2->n_extras, 2);
        if (p2->n_extras == 2) {
            CHECK_STR(p2->extras[0].key, "bibtype");
            CHECK_STR(p2->extras[0].value.str, "inproceedings");
            const lit_node *m = &p2->extras[1].value;
            CHECK_STR(p2->extras[1].key, "bib");
            CHECK_INT(m->n, 4);   /* note, then what the volume gave but the year: booktitle, publisher, doi */
            if (m->n == 4) {
                CHECK_STR(m->items[0].str, "note");
                CHECK_STR(m->items[1].str, "a b");
                CHECK_STR(m->items[2].str, "booktitle");
                CHECK_STR(m->items[3].str, "Proc. of Things");
                CHECK_STR(m->items[6].str, "doi");
            }
        }
    }
    lit_bib_free(b);
    lit_catalog_free(&c);
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
    test_fixture();
    test_text();
    test_names();
    test_venues();
    test_syntax();
    test_errors();
    test_all_or_nothing();
    test_files();
    test_bounds();
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return CHECK_DONE();
}
