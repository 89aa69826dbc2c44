/* test_records.c - the record table of src/records.c: types across CSL, RIS and BibTeX,
 * the fields a type may hold, LaTeX values, ISSN and ISBN check digits. */
#include <string.h>
#include "check.h"
#include "records.h"

static void test_types(void)
{
    CHECK_STR(lit_rec_type_of_csl("article-journal", NULL), "article");
    CHECK_STR(lit_rec_type_of_csl("paper-conference", NULL), "inproceedings");
    CHECK_STR(lit_rec_type_of_csl("chapter", NULL), "incollection");
    CHECK_STR(lit_rec_type_of_csl("thesis", "PhD thesis"), "phdthesis");
    CHECK_STR(lit_rec_type_of_csl("thesis", "Master's thesis"), "mastersthesis");
    CHECK_STR(lit_rec_type_of_csl("report", NULL), "techreport");
    CHECK_STR(lit_rec_type_of_csl("webpage", NULL), "misc");
    CHECK(lit_rec_type_of_csl("no-such-type", NULL) == NULL);
    CHECK_STR(lit_rec_type_of_ris("JOUR", NULL), "article");
    CHECK_STR(lit_rec_type_of_ris("CPAPER", NULL), "inproceedings");
    CHECK_STR(lit_rec_type_of_ris("THES", "MSc thesis"), "mastersthesis");
    CHECK_STR(lit_rec_type_of_ris("RPRT", NULL), "techreport");
    /* back: the first row of a BibTeX type */
    CHECK_STR(lit_rec_csl_of_type("article"), "article-journal");
    CHECK_STR(lit_rec_csl_of_type("misc"), "article");
    CHECK_STR(lit_rec_csl_of_type("mastersthesis"), "thesis");
    CHECK_STR(lit_rec_container_field("article"), "journal");
    CHECK_STR(lit_rec_container_field("incollection"), "booktitle");
    CHECK(lit_rec_container_field("book") == NULL);
}

static void test_fields(void)
{
    CHECK(lit_rec_writes("volume", "article"));
    CHECK(!lit_rec_writes("publisher", "article"));   /* biblatex: no publisher in an article */
    CHECK(!lit_rec_writes("pages", "misc"));
    CHECK(lit_rec_writes("school", "phdthesis"));
    CHECK(lit_rec_writes("institution", "thesis"));
    CHECK(!lit_rec_writes("publisher", "phdthesis"));
    CHECK(lit_rec_writes("institution", "techreport"));
    CHECK(lit_rec_writes("publisher", "book"));
    CHECK(!lit_rec_writes("issn", "inproceedings"));
    CHECK(lit_rec_writes("editor", "article") && !lit_rec_writes("editor", "techreport"));
    CHECK(lit_rec_writes("abstract", "misc") && lit_rec_writes("language", "misc") && lit_rec_writes("note", "misc"));
    CHECK_STR(lit_rec_bib_name(lit_rec_field_of_bib("publisher"), "mastersthesis"), "school");
    CHECK_STR(lit_rec_field_of_bib("number")->csl, "issue");
}

static void test_values(void)
{
    lit_arena a = {0};
    CHECK_STR(lit_rec_tex(&a, "123-145", true), "123--145");
    CHECK_STR(lit_rec_tex(&a, "1\xE2\x80\x93" "15", true), "1--15");
    CHECK_STR(lit_rec_tex(&a, "12--34", true), "12--34");
    CHECK_STR(lit_rec_tex(&a, "50% & $5 #1 a_b {x} ~ ^ \\", false),
              "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
    CHECK_STR(lit_rec_tex(&a, "Caf\xC3\xA9", false), "Caf\xC3\xA9");   /* the writers escape non-ASCII */
    lit_arena_free(&a);
    char issn[10], isbn[18];
    CHECK(lit_rec_issn("0360-0300, 1557-7341", issn) && !strcmp(issn, "0360-0300"));
    CHECK(lit_rec_issn("1234-5678, 1557-7341", issn) && !strcmp(issn, "1557-7341"));   /* a wrong check digit */
    CHECK(!lit_rec_issn("1234-5678", issn));
    CHECK(lit_rec_isbn("978-0-262-03561-3", isbn) && !strcmp(isbn, "978-0-262-03561-3"));
    CHECK(lit_rec_isbn("ISBN 0262035618", isbn) && !strcmp(isbn, "0262035618"));
    CHECK(!lit_rec_isbn("978-0-262-03561-4", isbn));
}

int main(void)
{
    test_types();
    test_fields();
    test_values();
    return CHECK_DONE();
}
