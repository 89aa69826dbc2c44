/* test_latex_text.c - UTF-8 to LaTeX escaping, keys and URLs: input and expected output side by side. */
#include <stdlib.h>
#include "check.h"
#include "latex_text.h"

typedef struct tcase { const char *in, *out; unsigned needs; size_t bad; } tcase;

static const tcase cases[] = {
    /* the ten specials, and the ASCII characters OT1 prints as something else */
    {"a & b % c $ d # e _ f", "a \\& b \\% c \\$ d \\# e \\_ f", 0, 0},
    {"{x}", "{\\textbraceleft}x{\\textbraceright}", 0, 0},
    {"~ ^ \\", "{\\textasciitilde} {\\textasciicircum} {\\textbackslash}", 0, 0},
    {"a<b>c|d", "a{\\textless}b{\\textgreater}c{\\textbar}d", 0, 0},
    /* injections stay text; braces stay balanced */
    {"\\input{/etc/passwd}", "{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright}", 0, 0},
    {"\\write18{rm -rf ~}", "{\\textbackslash}write18{\\textbraceleft}rm -rf {\\textasciitilde}{\\textbraceright}", 0, 0},
    {"}{", "{\\textbraceright}{\\textbraceleft}", 0, 0},
    /* never an optional argument or a star after \\ */
    {"[OSDI] x", "{[}OSDI{]} x", 0, 0},
    {"*Star a*b", "{*}Star a*b", 0, 0},
    /* ligatures that would change the text */
    {"why?`", "why?{}`", 0, 0},
    {"a,,b", "a,{},b", 0, 0},
    /* quotes and dashes */
    {"\"Big\" data", "``Big'' data", 0, 0},
    {"say \"hi\"", "say ``hi''", 0, 0},
    {"\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98s\xE2\x80\x99", "``q'' `s'", 0, 0},
    {"a\xE2\x80\x93" "b\xE2\x80\x94" "c", "a--b---c", 0, 0},
    {"wait\xE2\x80\xA6", "wait{\\ldots}", 0, 0},
    /* accents through the Unicode decomposition, precomposed or combining */
    {"Caf\xC3\xA9", "Caf{\\'{e}}", 0, 0},
    {"Cafe\xCC\x81", "Caf{\\'{e}}", 0, 0},
    {"\xC3\x9C" "ber na\xC3\xAF" "ve", "{\\\"{U}}ber na{\\\"{{\\i}}}ve", 0, 0},
    {"\xC3\x85str\xC3\xB6m", "{\\r{A}}str{\\\"{o}}m", 0, 0},
    {"Dvo\xC5\x99\xC3\xA1k Erd\xC5\x91s", "Dvo{\\v{r}}{\\'{a}}k Erd{\\H{o}}s", 0, 0},
    {"\xC3\xA7\xC3\xB1", "{\\c{c}}{\\~{n}}", 0, 0},
    {"Nguy\xE1\xBB\x85n", "Nguy{\\~{{\\^{e}}}}n", 0, 0},
    {"\xC4\x85", "{\\k{a}}", LIT_TEX_NEED_T1, 0},
    /* letters with their own macros */
    {"Stra\xC3\x9F" "e S\xC3\xB8ren \xC5\x81\xC3\xB3" "d\xC5\xBA", "Stra{\\ss}e S{\\o}ren {\\L}{\\'{o}}d{\\'{z}}", 0, 0},
    {"\xC3\xA6\xC5\x93\xC3\x86", "{\\ae}{\\oe}{\\AE}", 0, 0},
    {"\xC3\xBE\xC4\x91", "{\\th}{\\dj}", LIT_TEX_NEED_T1, 0},
    /* symbols: math mode, super/subscripts, text companion */
    {"\xCE\xBCs", "$\\mu$s", 0, 0},
    {"\xC2\xB5s", "$\\mu$s", 0, 0},
    {"x\xC2\xB2", "x\\textsuperscript{2}", 0, 0},
    {"H\xE2\x82\x82O", "H\\textsubscript{2}O", 0, 0},
    {"\xCE\xB1\xCE\x93", "$\\alpha$$\\Gamma$", 0, 0},
    {"a\xE2\x86\x92" "b \xE2\x89\xA4 \xE2\x88\x9E", "a$\\rightarrow$b $\\leq$ $\\infty$", 0, 0},
    {"2\xC3\x97" "3", "2$\\times$3", 0, 0},
    {"\xE2\x82\xAC" "5", "{\\texteuro}5", LIT_TEX_NEED_TS1, 0},
    {"\xC2\xA9 \xE2\x84\xA2", "{\\textcopyright} {\\texttrademark}", 0, 0},
    {"\xC2\xBD", "1/2", 0, 0},
    {"\xEF\xAC\x81nal \xEF\xBC\xA1", "final A", 0, 0},
    /* spaces */
    {"a\xC2\xA0" "b", "a~b", 0, 0},
    {"a\xE2\x80\x89" "b", "a\\,b", 0, 0},
    {"z\xE2\x80\x8Bw\xEF\xBB\xBF", "zw", 0, 0},
    {"  tabs\tand\nlines   ", "tabs and lines", 0, 0},
    {"", "", 0, 0},
    /* what pdflatex cannot typeset becomes '?', counted */
    {"\xE6\xB7\xB1\xE5\xBA\xA6 x", "?? x", 0, 2},
    {"\xF0\x9F\x98\x80", "?", 0, 1},
    {"\xD0\x9F\xD1\x80\xD0\xB8", "???", 0, 3},
    {"bad \xFF byte", "bad ? byte", 0, 1},
    {"trunc \xE2\x82", "trunc ??", 0, 2},
};

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        lit_buf b = LIT_BUF_INIT;
        lit_tex_info in = {0, 0, 0};
        lit_tex_escape(&b, cases[i].in, &in);
        CHECK_STR(lit_buf_str(&b), cases[i].out);
        CHECK_INT(in.needs, cases[i].needs);
        CHECK_INT(in.n_replaced, cases[i].bad);
        /* the output is ASCII without control characters */
        int ascii = 1;
        for (const char *p = lit_buf_str(&b); *p; p++)
            if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7E) ascii = 0;
        CHECK(ascii);
        lit_buf_free(&b);
    }

    /* the first unsupported code point is reported, and info accumulates */
    lit_buf b = LIT_BUF_INIT;
    lit_tex_info in = {0, 0, 0};
    lit_tex_escape(&b, "ok \xE4\xB8\xAD", &in);
    lit_tex_escape(&b, "\xC4\x85 \xF0\x9F\x98\x80", &in);
    CHECK_INT(in.first_bad, 0x4E2D);
    CHECK_INT(in.n_replaced, 2);
    CHECK_INT(in.needs, LIT_TEX_NEED_T1);
    lit_tex_escape(&b, NULL, NULL);  /* NULL text and info are fine */
    lit_buf_free(&b);
    char name[16];
    CHECK_STR(lit_tex_cp_name(0x4E2D, name), "U+4E2D");
    CHECK_STR(lit_tex_cp_name(-1, name), "invalid UTF-8");

    /* braces balanced over a long hostile string */
    lit_buf_reset(&b);
    lit_tex_escape(&b, "}}}{{ \\end{document} \\\\ \\csname x\\endcsname ^^41 %", NULL);
    int depth = 0, min = 0;
    const char *s = lit_buf_str(&b);
    for (const char *p = s; *p; p++) {
        if (*p == '\\' && p[1]) { p++; continue; }
        if (*p == '{') depth++;
        if (*p == '}' && --depth < min) min = depth;
    }
    CHECK_INT(depth, 0);
    CHECK_INT(min, 0);
    CHECK(strstr(s, "^^") == NULL);
    lit_buf_free(&b);

    /* random bytes (valid and invalid UTF-8 alike): ASCII out, braces balanced, no ^^ */
    unsigned long long x = 88172645463325252ULL;
    int all_ok = 1;
    for (int it = 0; it < 3000; it++) {
        char in_buf[64];
        size_t n = (size_t)(it % 63);
        for (size_t k = 0; k < n; k++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            /* mostly specials and multi-byte starts, some plain letters */
            static const char pool[] = "\\{}~^%$#&_[]*\"`'?!,<>| aZ\xC3\xA9\xCC\x81\xE2\x80\x94\xF0\x9F\x98\x80\xFF\x80";
            in_buf[k] = (x & 3) ? pool[(x >> 8) % (sizeof pool - 1)] : (char)(x >> 16);
            if (!in_buf[k]) in_buf[k] = 'x';
        }
        in_buf[n] = 0;
        lit_buf r = LIT_BUF_INIT;
        lit_tex_escape(&r, in_buf, NULL);
        int dep = 0, low = 0;
        for (const char *p = lit_buf_str(&r); *p; p++) {
            if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7E) all_ok = 0;
            if (*p == '\\' && p[1]) { p++; continue; }
            if (*p == '{') dep++;
            if (*p == '}' && --dep < low) low = dep;
            if (*p == '^' && p[1] == '^') all_ok = 0;
        }
        if (dep != 0 || low != 0) all_ok = 0;
        lit_buf_free(&r);
    }
    CHECK(all_ok);

    /* keys \cite takes as they are */
    CHECK(lit_tex_key_ok("pipedream-sosp19"));
    CHECK(lit_tex_key_ok("odd&key$^_(1)[x]!?*=;<>|`@:/+.-"));
    CHECK(!lit_tex_key_ok(""));
    /* UTF-8 letters and digits: biber's, not bibtex's; other non-ASCII never */
    CHECK_INT(lit_cite_key_ok("pipedream-sosp19"), 1);
    CHECK_INT(lit_cite_key_ok("\xE5\xBC\xA0\xE4\xB8\x89" "2020"), 2);          /* 张三2020 */
    CHECK_INT(lit_cite_key_ok("m\xC3\xBC" "ller2019"), 2);                           /* müller2019 */
    CHECK_INT(lit_cite_key_ok("a\xE2\x80\x94" "b"), 0);                             /* an em dash */
    CHECK_INT(lit_cite_key_ok("a\xFF"), 0);                                        /* invalid UTF-8 */
    CHECK_INT(lit_cite_key_ok("a b"), 0);
    CHECK_INT(lit_cite_key_ok(""), 0);
    CHECK(!lit_tex_key_ok(NULL));
    CHECK(!lit_tex_key_ok("a b"));
    CHECK(!lit_tex_key_ok("a,b"));
    CHECK(!lit_tex_key_ok("a{b"));
    CHECK(!lit_tex_key_ok("a%b"));
    CHECK(!lit_tex_key_ok("a\\b"));
    CHECK(!lit_tex_key_ok("a^^41"));
    CHECK(!lit_tex_key_ok("caf\xC3\xA9"));

    /* URLs for \url and \href, also inside another command's argument */
    lit_buf u = LIT_BUF_INIT;
    lit_tex_url(&u, "https://ex.org/a b/%7E~x?q=1&r=2#frag{}\\^|\xC3\xA9");
    CHECK_STR(lit_buf_str(&u), "https://ex.org/a\\%20b/\\%7E\\%7Ex?q=1&r=2\\#frag\\%7B\\%7D\\%5C\\%5E\\%7C\\%C3\\%A9");
    lit_buf_free(&u);
    return CHECK_DONE();
}
