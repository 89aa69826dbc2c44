/* test_out_markdown.c - an entry of the Markdown list is one line a reader cannot take
 * for other syntax: line breaks, block starts, controls and unsafe link schemes. */
#include "check.h"
#include "out_markdown.h"

static const char *escaped(lit_buf *b, const char *s)
{
    lit_buf_reset(b);
    lit_md_escape(b, s);
    return lit_buf_str(b);
}

int main(void)
{
    lit_buf b = LIT_BUF_INIT;
    CHECK_STR(escaped(&b, "a\nb\r\nc\td"), "a b  c d");
    CHECK_STR(escaped(&b, "Real\n- [OSDI'20] Fake"), "Real - \\[OSDI'20\\] Fake");
    CHECK_STR(escaped(&b, "  - dash"), "\\- dash");
    CHECK_STR(escaped(&b, "+ plus"), "\\+ plus");
    CHECK_STR(escaped(&b, "=== setext"), "\\=== setext");
    CHECK_STR(escaped(&b, "12. twelve"), "12\\. twelve");
    CHECK_STR(escaped(&b, "3) three"), "3\\) three");
    CHECK_STR(escaped(&b, "2019 was a year. Fine"), "2019 was a year. Fine");
    CHECK_STR(escaped(&b, "> q # h <b> `c` *e* _u_ [l](x) & | ~ $ !"),
              "\\> q \\# h \\<b\\> \\`c\\` \\*e\\* \\_u\\_ \\[l\\](x) \\& \\| \\~ \\$ \\!");
    CHECK_STR(escaped(&b, "esc\x1b[2J c1\xC2\x9B nc\xEF\xBF\xBE bad\xFF"),
              "esc\xEF\xBF\xBD\\[2J c1\xEF\xBF\xBD nc\xEF\xBF\xBD bad\xEF\xBF\xBD");
    CHECK_STR(escaped(&b, "caf\xC3\xA9 \xE4\xB8\xAD"), "caf\xC3\xA9 \xE4\xB8\xAD");

    lit_catalog cat;
    lit_catalog_init(&cat);
    lit_paper *p = lit_catalog_add(&cat);
    p->key = "a";
    p->title = "Title\nwith a break";
    p->year = 2020;
    static lit_link links[] = {{"paper", "javascript:alert(1)"}, {"code", "https://github.com/x/y"},
                               {"slides", "FILE:///etc/passwd"}, {"talk", "docs/talk.mp4"},
                               {"video", "data:text/html,x"}, {"web", "doi:10.1/x"}};
    p->links = links;
    p->n_links = sizeof links / sizeof *links;
    p->doi = "10.1/y";
    lit_buf_reset(&b);
    lit_md_entry(&b, &cat, p);
    CHECK_STR(lit_buf_str(&b), "- [2020] Title with a break [[code]](https://github.com/x/y) [[talk]](docs/talk.mp4) "
                               "[[website]](doi:10.1/x) [[paper]](https://doi.org/10.1/y)\n");
    lit_catalog_free(&cat);
    lit_buf_free(&b);
    return CHECK_DONE();
}
