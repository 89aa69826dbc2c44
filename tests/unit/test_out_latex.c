/* test_out_latex.c - the LaTeX tables over a catalog built in memory: names, citations, caps, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "out_latex.h"

static lit_paper *add(lit_db *db, const char *key, const char *title, const char *short_name,
                      const char *venue, int year, const char *t1, const char *t2)
{
    lit_catalog *c = &db->cat;
    int32_t v = venue ? lit_catalog_venue_id(c, venue) : -1;
    int32_t a = t1 ? lit_catalog_topic_id(c, t1) : -1, b = t2 ? lit_catalog_topic_id(c, t2) : -1;
    lit_paper *p = lit_catalog_add(c);
    p->key = lit_arena_strdup(&c->arena, key);
    p->title = lit_arena_strdup(&c->arena, title);
    p->short_name = lit_arena_strdup(&c->arena, short_name);
    p->venue = v;
    p->year = (int16_t)year;
    p->n_topics = (uint32_t)(t1 != NULL) + (uint32_t)(t2 != NULL);
    p->topics = lit_arena_alloc(&c->arena, 2 * sizeof *p->topics);
    p->topics[0] = a;
    p->topics[1] = b;
    p->line = (long)c->n_papers + 1;
    p->col = 5;
    return p;
}

/* Renders table; the text goes to *out (malloc'd), diagnostics to *err. */
static int render(const lit_db *db, const char *table, const lit_latex_opts *o, char **out, char **err)
{
    lit_stats s;
    size_t errlen;
    FILE *ef = open_memstream(err, &errlen);
    lit_diag d;
    lit_diag_init(&d, ef);
    int rc = lit_stats_compute(&s, db, NULL, &d);
    lit_buf b = LIT_BUF_INIT;
    if (rc == 0) rc = lit_latex_render(&b, table, &s, o, &d);
    lit_stats_free(&s);
    fclose(ef);
    *out = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return rc;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

int main(void)
{
    lit_db db;
    memset(&db, 0, sizeof db);
    lit_catalog_init(&db.cat);
    db.cat.path = "mem.yaml";
    lit_latex_opts o;
    lit_latex_opts_init(&o);
    char *out, *err;

    /* an empty catalog: every table still renders, rules and environments balanced */
    for (int i = 0; lit_latex_tables[i]; i++) {
        CHECK_INT(render(&db, lit_latex_tables[i], &o, &out, &err), 0);
        CHECK(count(out, "\\begin{") == count(out, "\\end{"));
        CHECK(strstr(out, "\\toprule") != NULL);
        CHECK_STR(err, "");
        free(out);
        free(err);
    }

    add(&db, "p1", "PipeDream: Generalized Pipeline Parallelism", "PipeDream", "SOSP", 2019, "pipe", NULL);
    add(&db, "p2", "GPipe: Giant Networks", "GPipe", "NeurIPS", 2019, "pipe", NULL);
    add(&db, "p3", "Towards Efficient Model Serving at Scale", NULL, NULL, 0, "pipe", "serve");
    add(&db, "p4", "Megatron-LM: Training Multi-Billion Parameter Models", NULL, "arXiv", 2018, "serve", NULL);
    add(&db, "bad key", "\xE4\xB8\xAD\xE6\x96\x87 and \xC4\x85", "Bad", "SOSP", 2020, "pipe", "serve");

    /* topics: names, year order, one warning per paper although it is in two rows */
    CHECK_INT(render(&db, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "Megatron-LM~\\cite{p4}") != NULL);                    /* title before a colon */
    CHECK(strstr(out, "Towards Efficient Model Serving at Scale~\\cite{p3}") != NULL); /* short: whole */
    CHECK(strstr(out, "GPipe~\\cite{p2}, PipeDream~\\cite{p1}, Bad~[bad key]") != NULL); /* by year, then name */
    CHECK(strstr(out, "\\cite{bad key}") == NULL);
    CHECK(strstr(out, "fontenc") == NULL);        /* the title with an ogonek is not shown here */
    CHECK_INT(count(err, "paper 'bad key': key cannot be cited"), 1);
    CHECK(strstr(err, "mem.yaml:6:5: warning") != NULL);
    free(out);
    free(err);
    CHECK_INT(render(&db, "catalog", &o, &out, &err), 0);
    CHECK_INT(count(err, "paper 'bad key': pdflatex cannot typeset U+4E2D"), 1);
    CHECK(strstr(out, "?? and {\\k{a}} & SOSP & 2020\\\\") != NULL);
    CHECK(strstr(out, "%   \\usepackage[T1]{fontenc}\n") != NULL);           /* the ogonek needs T1 */
    free(out);
    free(err);

    /* --max-cites: the list is capped, the count is not, and the cap is reported */
    o.max_cites = 1;
    CHECK_INT(render(&db, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "GPipe~\\cite{p2}, and 3 more & 4\\\\") != NULL);
    CHECK(strstr(err, "listed at most 1 systems in each of 2 topics") != NULL);
    free(out);
    free(err);
    o.max_cites = 0;
    CHECK_INT(render(&db, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "more") == NULL);
    free(out);
    free(err);

    /* taxonomy: one check per topic a paper has */
    CHECK_INT(render(&db, "taxonomy", &o, &out, &err), 0);
#define LEADERS "\\leaders\\hbox to 0.8em{\\hss.\\hss}\\hfill\\kern0pt"
    CHECK(strstr(out, "Bad [bad key]" LEADERS " & \\checkmark & \\checkmark\\\\") != NULL);
    CHECK(strstr(out, "GPipe \\cite{p2}" LEADERS " & \\checkmark &\\\\") != NULL);
    free(out);
    free(err);

    /* venue-year: rows and columns add up to the papers */
    CHECK_INT(render(&db, "venue-year", &o, &out, &err), 0);
    CHECK(strstr(out, "SOSP & & 1 & 1 & & 2\\\\") != NULL);
    CHECK(strstr(out, "\\textit{no venue} & & & & 1 & 1\\\\") != NULL);
    CHECK(strstr(out, "Total & 1 & 2 & 1 & 1 & 5\\\\") != NULL);
    free(out);
    free(err);

    /* caption and label; standalone with and without a .bib */
    o.caption = "50% of {everything}";
    o.label = "tab:x_y";
    o.standalone = true;
    const char *const all_bib[] = {"refs/all.bib", "my refs.bib"};
    o.bibs = all_bib;
    o.n_bibs = 1;
    CHECK_INT(render(&db, "catalog", &o, &out, &err), 0);
    CHECK(strstr(out, "\\caption{50\\% of {\\textbraceleft}everything{\\textbraceright}}\\label{tab:x_y}") != NULL);
    CHECK(strstr(out, "\\documentclass") == out + strcspn(out, "\\"));
    CHECK(strstr(out, "\\bibliography{refs/all}\n\\end{document}\n") != NULL);
    free(out);
    free(err);
    o.n_bibs = 0;
    CHECK_INT(render(&db, "catalog", &o, &out, &err), 0);
    CHECK(strstr(out, "\\renewcommand{\\cite}") != NULL);
    CHECK(strstr(out, "\\bibliography") == NULL);
    free(out);
    free(err);

    /* errors */
    o.bibs = all_bib + 1;
    o.n_bibs = 1;
    CHECK_INT(render(&db, "catalog", &o, &out, &err), -1);
    CHECK(strstr(err, "bib file name 'my refs.bib'") != NULL);
    free(out);
    free(err);
    o.n_bibs = 0;
    o.label = "a b";
    CHECK_INT(render(&db, "topics", &o, &out, &err), -1);
    free(out);
    free(err);
    o.label = NULL;
    CHECK_INT(render(&db, "nope", &o, &out, &err), -1);
    CHECK(strstr(err, "unknown table 'nope'") != NULL);
    free(out);
    free(err);

    /* one stray old year: only the years with papers become columns */
    add(&db, "old", "An Old Paper", NULL, "SOSP", 1900, NULL, NULL);
    CHECK_INT(render(&db, "venue-year", &o, &out, &err), 0);
    CHECK(strstr(out, "Venue & 1900 & 2018 & 2019 & 2020 & n/a & Total\\") != NULL);
    CHECK(strstr(out, "1901") == NULL);
    CHECK(strstr(out, "Total & 1 & 1 & 2 & 1 & 1 & 6\\") != NULL);
    free(out);
    free(err);

    /* another citation command, and one that is not a command name */
    o.cite_cmd = "citep";
    CHECK_INT(render(&db, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "GPipe~\\citep{p2}") != NULL);
    CHECK(strstr(out, "\\cite{") == NULL);
    free(out);
    free(err);
    o.cite_cmd = "cite{x}";
    CHECK_INT(render(&db, "topics", &o, &out, &err), -1);
    free(out);
    free(err);
    o.cite_cmd = NULL;
    CHECK(lit_latex_cite_ok("autocite"));
    CHECK(!lit_latex_cite_ok(""));
    CHECK(!lit_latex_cite_ok("cite*"));

    CHECK_INT(lit_latex_group_parse("area"), LIT_LATEX_GROUP_AREA);
    CHECK_INT(lit_latex_group_parse("x"), -1);
    CHECK(lit_latex_group_ok("venue-year", LIT_LATEX_GROUP_AREA));
    CHECK(!lit_latex_group_ok("taxonomy", LIT_LATEX_GROUP_AREA));
    CHECK(!lit_latex_group_ok("topics", LIT_LATEX_GROUP_TOPIC));
    CHECK(lit_latex_group_ok("catalog", LIT_LATEX_GROUP_TOPIC));
    CHECK(!lit_latex_table_ok("Topics"));

    /* past a page: longtables; a long list of systems goes on in the next rows; years
     * that do not fit across the text share the first column (one paper in four also
     * under pipe: a check matrix that compares) */
    char key[32], name[32];
    for (int i = 0; i < 70; i++) {
        snprintf(key, sizeof key, "many%d", i);
        snprintf(name, sizeof name, "ManyPapersSystem%d", i);
        add(&db, key, "Many Papers", name, "SOSP", 1955 + i, "pp", i % 4 ? NULL : "pipe");
    }
    CHECK_INT(render(&db, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "\\begin{longtable}") != NULL && strstr(out, "begin{table}") == NULL);
    CHECK(strstr(out, "more") == NULL && strstr(out, ", & 70\\\\\n & ") != NULL);
    CHECK_INT((long)count(out, ", &\\\\\n & "), 1);           /* 70 systems: rows of 24, 24 and 22 */
    free(out);
    free(err);
    CHECK_INT(render(&db, "taxonomy", &o, &out, &err), 0);
    CHECK(strstr(out, "\\begin{longtable}") != NULL && strstr(out, "\\endhead") != NULL);
    free(out);
    free(err);
    CHECK_INT(render(&db, "venue-year", &o, &out, &err), 0);
    CHECK(strstr(out, "\\rotatebox{90}{--20") != NULL && strstr(out, "{1955}") == NULL);
    CHECK(strstr(out, "\\rotatebox{90}{2024}") != NULL);
    CHECK(strstr(out, "& 76\\\\\n\\bottomrule") != NULL);     /* the total still counts every paper */
    free(out);
    free(err);


    /* venue-year past a page: the venues with the most papers and one row for the others,
     * so the rows still add up; --top N keeps N; a warning and a note say so */
    lit_db big;
    memset(&big, 0, sizeof big);
    lit_catalog_init(&big.cat);
    big.cat.path = "big.yaml";
    for (int v = 0; v < 60; v++)              /* venue V<v> has 60 - v papers: 1,830 in all */
        for (int i = 0; i < 60 - v; i++) {
            char vn[16];
            snprintf(key, sizeof key, "v%di%d", v, i);
            snprintf(vn, sizeof vn, "V%02d", v);
            add(&big, key, "A Paper", NULL, vn, 2020, "t", NULL);
        }
    add(&big, "nov", "No Venue", NULL, NULL, 2020, "t", NULL);
    CHECK_INT(render(&big, "venue-year", &o, &out, &err), 0);
    CHECK(strstr(out, "begin{table}") != NULL && strstr(out, "longtable") == NULL);
    CHECK(strstr(out, "V34 & 26 & 26\\") != NULL && strstr(out, "V35 &") == NULL); /* 35 + 5 rows */
    CHECK(strstr(out, "\\textit{25 other venues} & 325 & 325\\") != NULL);         /* 25 + ... + 1 */
    CHECK(strstr(out, "\\textit{no venue} & 1 & 1\\\\\n\\midrule\nTotal & 1831 & 1831\\") != NULL);
    CHECK(strstr(out, "The 35 venues with the most papers are shown; the 25 other venues (325 papers, 18\\%)") != NULL);
    CHECK_INT(count(err, "warning: the venue-year table shows the 35 of 60 venues"), 1);
    free(out);
    free(err);
    o.top = 3;
    CHECK_INT(render(&big, "venue-year", &o, &out, &err), 0);
    CHECK(strstr(out, "V02 & 58 & 58\\") != NULL && strstr(out, "V03") == NULL);
    CHECK(strstr(out, "\\textit{57 other venues} & 1653 & 1653\\") != NULL);
    free(out);
    free(err);
    o.top = 60;                                        /* every venue: a longtable, no note */
    CHECK_INT(render(&big, "venue-year", &o, &out, &err), 0);
    CHECK(strstr(out, "\\begin{longtable}") != NULL && strstr(out, "V59 & 1 & 1\\") != NULL);
    CHECK(strstr(out, "other venue") == NULL);
    CHECK_STR(err, "");
    free(out);
    free(err);
    o.top = 0;

    /* topics past a page of rows: a flat list by name under initial letters (accents
     * stripped, case ignored; digits and other scripts under "Other", last) */
    static const char *const kw[] = {"beta", "Alpha", "\xC3\x89mile", "epsilon", "9lives", "zeta", "\xE4\xB8\xAD"};
    for (int i = 0; i < 42; i++) {
        char tn[32];
        snprintf(tn, sizeof tn, "%s-%02d", kw[i % 7], i);
        snprintf(key, sizeof key, "kw%d", i);
        add(&big, key, "Keyword Paper", "Kw", "V00", 2021, tn, NULL);
    }
    add(&big, "noyear", "Undated Paper", NULL, "V01", 0, "t", NULL);
    CHECK_INT(render(&big, "topics", &o, &out, &err), 0);
    const char *ha = strstr(out, "\\textbf{A}}"), *hb = strstr(out, "\\textbf{B}}"), *he = strstr(out, "\\textbf{E}}"),
               *ht = strstr(out, "\\textbf{T}}"), *hz = strstr(out, "\\textbf{Z}}"), *ho = strstr(out, "\\textbf{Other}}");
    CHECK(ha && hb && he && ht && hz && ho && ha < hb && hb < he && he < ht && ht < hz && hz < ho);
    const char *emile = strstr(out, "mile-02 &"), *eps = strstr(out, "epsilon-03 &");
    CHECK(emile && eps && he < emile && emile < eps && eps < ht);  /* É sorts as E, before "ep" */
    CHECK(strstr(ho, "9lives-04 &") != NULL && strstr(out, "\\textbf{9}") == NULL);
    CHECK_INT((long)count(out, "\\multicolumn{3}{@{}l}{\\textbf{"), 6);
    CHECK(strstr(out, "topics with the most papers") == NULL);
    free(out);
    free(err);
    o.top = 3;                                       /* the 3 largest: t, then two of one paper */
    CHECK_INT(render(&big, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "\\textbf{A}}") == NULL && strstr(out, "\nt & ") != NULL);
    CHECK_INT((long)count(out, "9lives-"), 2);                /* ties in name order */
    CHECK(strstr(out, "The 3 topics with the most papers are shown, of 43, covering 1,834 of 1,874 papers (98\\%)") != NULL);
    CHECK(strstr(err, "warning: the topics table shows the 3 of 43 topics with the most papers (--top)") != NULL);
    free(out);
    free(err);
    o.top = 0;

    /* the catalog past a page: a heading per year, the papers without one last */
    CHECK_INT(render(&big, "catalog", &o, &out, &err), 0);
    const char *y20 = strstr(out, "{\\textbf{2020}}"), *y21 = strstr(out, "{\\textbf{2021}}"),
               *ny = strstr(out, "{\\textbf{No year}}");
    CHECK(y20 && y21 && ny && y20 < y21 && y21 < ny && strstr(ny, "Undated Paper") != NULL);
    CHECK_INT((long)count(out, "\\multicolumn{4}{@{}l}{\\textbf{"), 3);
    free(out);
    free(err);
    o.group = LIT_LATEX_GROUP_NONE;
    CHECK_INT(render(&big, "catalog", &o, &out, &err), 0);
    CHECK(strstr(out, "\\textbf{2020}") == NULL);
    free(out);
    free(err);
    o.group = LIT_LATEX_GROUP_DEFAULT;
    CHECK(lit_latex_group_ok("catalog", LIT_LATEX_GROUP_YEAR));
    CHECK(!lit_latex_group_ok("taxonomy", LIT_LATEX_GROUP_YEAR));
    CHECK_INT(lit_latex_group_parse("year"), LIT_LATEX_GROUP_YEAR);

    /* a topic label of slashed words (a real list's heading) may break after each slash */
    add(&big, "slash", "Slashed", NULL, "V00", 2021, "CPU/Single GPU/FPGA/NPU/Mobile Inference", NULL);
    CHECK_INT(render(&big, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, "CPU/\\allowbreak{}Single GPU/\\allowbreak{}FPGA/\\allowbreak{}NPU/\\allowbreak{}Mobile Inference &") != NULL);
    free(out);
    free(err);

    /* a long title without a system name: the citation alone in a list, never its first
     * words cut off; the whole title in the taxonomy's name column */
    add(&big, "robust", "How Robust is Graph Neural Network Training to Noisy Labels", NULL, "V00", 2021, "t000", NULL);
    CHECK_INT(render(&big, "topics", &o, &out, &err), 0);
    CHECK(strstr(out, ", \\cite{robust}") != NULL || strstr(out, "& \\cite{robust}") != NULL);
    CHECK(strstr(out, "\\ldots") == NULL);
    free(out);
    free(err);

    /* every paper under one topic: the taxonomy counts instead of one check per row */
    lit_latex_opts_init(&o);
    lit_db one;
    memset(&one, 0, sizeof one);
    lit_catalog_init(&one.cat);
    add(&one, "a", "Alpha: A", "Alpha", "SOSP", 2019, "x", NULL);
    add(&one, "b", "Beta: B", "Beta", "arXiv", 2020, "y", NULL);
    add(&one, "c", "Gamma: C", "Gamma", "SOSP", 2021, "x", NULL);
    CHECK_INT(render(&one, "taxonomy", &o, &out, &err), 0);
    CHECK(strstr(out, "\\checkmark") == NULL);
    CHECK(strstr(out, "by topic and year") != NULL);   /* venues the empty table does not know: by year */
    CHECK(strstr(out, "Papers with a topic & 1 & 1 & 1 & 3\\\\") != NULL);
    CHECK(strstr(err, "every paper is under one topic") != NULL);
    free(out);
    free(err);
    /* a paper under two topics: the checks say something again */
    one.cat.papers[1].topics[1] = one.cat.papers[0].topics[0];
    one.cat.papers[1].n_topics = 2;
    CHECK_INT(render(&one, "taxonomy", &o, &out, &err), 0);
    CHECK_INT((long)count(out, "\\checkmark"), 4);
    free(out);
    free(err);
    /* --facets: the papers' own fields as columns */
    const char *const facets[] = {"gpu"};
    lit_extra *ex = lit_arena_alloc(&one.cat.arena, sizeof *ex);
    ex->key = "gpu";
    ex->value = (lit_node){LIT_NODE_SCALAR, "yes", false, NULL, 0};
    one.cat.papers[2].extras = ex;
    one.cat.papers[2].n_extras = 1;
    o.facets = facets;
    o.n_facets = 1;
    CHECK_INT(render(&one, "taxonomy", &o, &out, &err), 0);
    CHECK_INT((long)count(out, "\\checkmark"), 1);
    CHECK(strstr(out, "Gamma \\cite{c}") != NULL && strstr(out, "Alpha") == NULL);
    free(out);
    free(err);
    o.n_facets = 0;
    lit_db_free(&one);
    lit_db_free(&big);
    lit_db_free(&db);
    return CHECK_DONE();
}
