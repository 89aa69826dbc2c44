/* test_buf.c - the growable buffer and numbers for people to read. */
#include "buf.h"
#include "check.h"

int main(void)
{
    lit_buf b = LIT_BUF_INIT;
    CHECK_STR(lit_buf_str(&b), "");
    lit_buf_printf(&b, "%d-%s", 7, "x");
    lit_buf_addc(&b, '!');
    CHECK_STR(lit_buf_str(&b), "7-x!");
    lit_buf_reset(&b);
    CHECK_STR(lit_buf_str(&b), "");
    lit_buf_free(&b);

    lit_buf c = LIT_BUF_INIT;
    lit_buf_add_csv(&c, "plain");
    lit_buf_addc(&c, '|');
    lit_buf_add_csv(&c, "a, \"b\"");
    lit_buf_addc(&c, '|');
    lit_buf_add_csv(&c, "=SUM(A1)");
    lit_buf_addc(&c, '|');
    lit_buf_add_csv(&c, "-");
    lit_buf_addc(&c, '|');
    lit_buf_add_csv(&c, NULL);
    CHECK_STR(lit_buf_str(&c), "plain|\"a, \"\"b\"\"\"|\"'=SUM(A1)\"|-|");
    /* OWASP CSV injection: every formula start stays text; numbers stay numbers */
    static const char *const cells[][2] = {
        {"+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\""}, {"-2+3", "\"'-2+3\""}, {"@SUM(1)", "\"'@SUM(1)\""},
        {"\t=1", "\"'\t=1\""}, {"\r=1", "\"'\r=1\""}, {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"-5", "-5"}, {"-0.25", "-0.25"}, {"+3", "+3"}, {"2019", "2019"}, {"-inf", "\"'-inf\""}, {"-0x10", "\"'-0x10\""},
        {"a=b", "a=b"}};
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        lit_buf_reset(&c);
        lit_buf_add_csv(&c, cells[i][0]);
        CHECK_STR(lit_buf_str(&c), cells[i][1]);
    }
    lit_buf_free(&c);

    char n[32];
    CHECK_STR(lit_num_str(n, 0), "0");
    CHECK_STR(lit_num_str(n, 999), "999");
    CHECK_STR(lit_num_str(n, 1000), "1,000");
    CHECK_STR(lit_num_str(n, 30000), "30,000");
    CHECK_STR(lit_num_str(n, 1234567), "1,234,567");
    CHECK_STR(lit_num_str(n, 18446744073709551615ULL), "18,446,744,073,709,551,615");
    return CHECK_DONE();
}
