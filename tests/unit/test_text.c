/* test_text.c - what text may hold: UTF-8 decoding, the faults and their names, cleaning
 * an input file with located warnings, and escaping for messages. */
#include "check.h"
#include "text.h"

static int kind_of(const char *s)
{
    return lit_text_check(s, strlen(s), NULL);
}

int main(void)
{
    /* what text may hold, and the first fault with its place */
    static const struct { const char *s; int kind; size_t off; unsigned cp; } cases[] = {
        {"plain ASCII, tab\t, newline\n, CR\r", LIT_TEXT_OK, 0, 0},
        {"accents \xC3\xA9, CJK \xE4\xB8\xAD, emoji \xF0\x9F\x98\x80, U+FFFD \xEF\xBF\xBD", LIT_TEXT_OK, 0, 0},
        {"a\x1b[31m", LIT_TEXT_CONTROL, 1, 0x1B},
        {"bell\x07", LIT_TEXT_CONTROL, 4, 0x07},
        {"del\x7f", LIT_TEXT_CONTROL, 3, 0x7F},
        {"csi \xC2\x9B", LIT_TEXT_CONTROL, 4, 0x9B},
        {"nel \xC2\x85", LIT_TEXT_CONTROL, 4, 0x85},
        {"x\xEF\xBF\xBE", LIT_TEXT_NONCHAR, 1, 0xFFFE},
        {"x\xEF\xBF\xBF", LIT_TEXT_NONCHAR, 1, 0xFFFF},
        {"x\xEF\xB7\x90", LIT_TEXT_NONCHAR, 1, 0xFDD0},
        {"x\xEF\xB7\xAF", LIT_TEXT_NONCHAR, 1, 0xFDEF},
        {"x\xF0\x9F\xBF\xBE", LIT_TEXT_NONCHAR, 1, 0x1FFFE},
        {"x\xF4\x8F\xBF\xBF", LIT_TEXT_NONCHAR, 1, 0x10FFFF},
        {"\xEF\xB7\xB0 U+FDF0 is a character", LIT_TEXT_OK, 0, 0},
        {"bad \xFF", LIT_TEXT_INVALID, 4, 0xFF},
        {"overlong \xC0\xAF", LIT_TEXT_INVALID, 9, 0xC0},
        {"surrogate \xED\xA0\x80", LIT_TEXT_INVALID, 10, 0xED},
        {"cut \xE4\xB8", LIT_TEXT_INVALID, 4, 0xE4},
        {"past U+10FFFF \xF4\x90\x80\x80", LIT_TEXT_INVALID, 14, 0xF4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        lit_text_fault f;
        CHECK_INT(lit_text_check(cases[i].s, strlen(cases[i].s), &f), cases[i].kind);
        if (cases[i].kind) {
            CHECK_INT(f.off, cases[i].off);
            CHECK_INT(f.cp, cases[i].cp);
        }
    }
    lit_text_fault f;
    CHECK_INT(lit_text_check("a\0b", 3, &f), LIT_TEXT_NUL);   /* a NUL inside the length */
    char what[48];
    CHECK_STR(lit_text_fault_str(&f, what), "NUL byte");
    lit_text_check("x\xEF\xBF\xBE", 4, &f);
    CHECK_STR(lit_text_fault_str(&f, what), "noncharacter U+FFFE");
    lit_text_check("x\x1b", 2, &f);
    CHECK_STR(lit_text_fault_str(&f, what), "control character U+001B");
    lit_text_check("x\xFF", 2, &f);
    CHECK_STR(lit_text_fault_str(&f, what), "invalid UTF-8 (byte 0xFF)");
    CHECK(lit_text_cp_ok(0xFFFD) && lit_text_cp_ok(0x1F600) && !lit_text_cp_ok(0x2FFFF) && !lit_text_cp_ok(0));

    /* an imported file: noncharacters and C1 controls become U+FFFD, each with a warning at
     * its line and column; C0 controls, DEL, NUL and invalid UTF-8 stay for the importer */
    char *buf = NULL;
    size_t blen = 0;
    FILE *out = open_memstream(&buf, &blen);
    lit_diag d;
    lit_diag_init(&d, out);
    const char in[] = "# List\n- a\xEF\xBF\xBE title\xC2\x9B" "2J\n- \xFF keep\x1b\n";
    char *data = malloc(sizeof in);
    memcpy(data, in, sizeof in);
    size_t len = sizeof in - 1;
    CHECK_INT(lit_text_clean_input("l.md", &data, &len, &d), 2);
    CHECK(len == strlen(data));
    CHECK_STR(data, "# List\n- a\xEF\xBF\xBD title\xEF\xBF\xBD" "2J\n- \xFF keep\x1b\n");
    fflush(out);
    CHECK(strstr(buf, "l.md:2:4: warning: noncharacter U+FFFE replaced by U+FFFD\n") != NULL);
    CHECK(strstr(buf, "l.md:2:13: warning: control character U+009B replaced by U+FFFD\n") != NULL);
    CHECK_INT(kind_of(data), LIT_TEXT_INVALID);   /* the importer reports it */
    size_t same = len;
    CHECK_INT(lit_text_clean_input("l.md", &data, &len, &d), 0);   /* clean: untouched */
    CHECK_INT(len, same);
    free(data);
    fclose(out);
    free(buf);

    /* a decoded escape: a copy with U+FFFD, or the string itself */
    lit_arena a = {0};
    const char *ok = "fine";
    CHECK(lit_text_clean(&a, ok, &f) == ok && f.kind == LIT_TEXT_OK);
    CHECK(lit_text_clean(&a, NULL, NULL) == NULL);
    CHECK_STR(lit_text_clean(&a, "a\x07" "b\xEF\xB7\x90", &f), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK_INT(f.cp, 7);
    lit_arena_free(&a);

    /* text to draw: cut at a character boundary with an ellipsis; the longest word */
    lit_buf cut = LIT_BUF_INIT;
    const char *shortt = "short";
    CHECK(lit_text_drawn(shortt, 10, &cut) == shortt);
    CHECK_STR(lit_text_drawn("caf\xC3\xA9s", 4, &cut), "caf\xE2\x80\xA6");   /* not half of the \xC3\xA9 */
    CHECK_STR(lit_text_drawn("abcdef", 3, &cut), "abc\xE2\x80\xA6");
    lit_buf_free(&cut);
    CHECK_INT(lit_text_longest_word("a bb\tccc\ndd"), 3);
    CHECK_INT(lit_text_longest_word("\xC3\xA9\xC3\xA9\xC3\xA9 x"), 3);   /* characters, not bytes */

    /* escaped for a terminal: nothing that moves the cursor or starts a line */
    lit_buf b = LIT_BUF_INIT;
    const char msg[] = "t\x1b[2Jx\r\n\tok \xC2\x9B y \xEF\xBF\xBE \xFF caf\xC3\xA9";
    lit_text_add_escaped(&b, msg, sizeof msg - 1, false);
    CHECK_STR(lit_buf_str(&b), "t\\x1b[2Jx\\r\\n\\tok \\u009b y \\ufffe \\xff caf\xC3\xA9");
    lit_buf_reset(&b);
    lit_text_add_escaped(&b, "two\nlines\x1b", 10, true);
    CHECK_STR(lit_buf_str(&b), "two\nlines\\x1b");
    lit_buf_free(&b);
    return CHECK_DONE();
}
