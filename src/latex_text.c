/* latex_text.c - UTF-8 text to ASCII LaTeX: escaping, accent macros via utf8proc, math fallbacks. */
#include "latex_text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Characters with a fixed LaTeX form. Braced control words ({\ss}) end themselves, so
 * the next letter or space is never swallowed, and BibTeX sees them as special characters. */
typedef struct tex_sym { int32_t cp; const char *tex; unsigned needs; } tex_sym;

static const tex_sym symbols[] = { /* sorted by code point */
    {0x00A0, "~", 0}, {0x00A1, "!`", 0}, {0x00A2, "{\\textcent}", LIT_TEX_NEED_TS1},
    {0x00A3, "{\\pounds}", 0}, {0x00A4, "{\\textcurrency}", LIT_TEX_NEED_TS1},
    {0x00A5, "{\\textyen}", LIT_TEX_NEED_TS1}, {0x00A6, "{\\textbrokenbar}", LIT_TEX_NEED_TS1},
    {0x00A7, "{\\S}", 0}, {0x00A9, "{\\textcopyright}", 0}, {0x00AA, "\\textsuperscript{a}", 0},
    {0x00AB, "{\\guillemotleft}", LIT_TEX_NEED_T1}, {0x00AC, "$\\neg$", 0}, {0x00AD, "\\-", 0},
    {0x00AE, "{\\textregistered}", LIT_TEX_NEED_TS1}, {0x00AF, "{\\={}}", 0},
    {0x00B0, "$^{\\circ}$", 0}, {0x00B1, "$\\pm$", 0}, {0x00B4, "{\\'{}}", 0},
    {0x00B5, "$\\mu$", 0}, {0x00B6, "{\\P}", 0}, {0x00B7, "$\\cdot$", 0},
    {0x00B8, "{\\c{}}", 0}, {0x00BA, "\\textsuperscript{o}", 0},
    {0x00BB, "{\\guillemotright}", LIT_TEX_NEED_T1}, {0x00BF, "?`", 0},
    {0x00C6, "{\\AE}", 0}, {0x00D0, "{\\DH}", LIT_TEX_NEED_T1}, {0x00D7, "$\\times$", 0},
    {0x00D8, "{\\O}", 0}, {0x00DE, "{\\TH}", LIT_TEX_NEED_T1}, {0x00DF, "{\\ss}", 0},
    {0x00E6, "{\\ae}", 0}, {0x00F0, "{\\dh}", LIT_TEX_NEED_T1}, {0x00F7, "$\\div$", 0},
    {0x00F8, "{\\o}", 0}, {0x00FE, "{\\th}", LIT_TEX_NEED_T1},
    {0x0110, "{\\DJ}", LIT_TEX_NEED_T1}, {0x0111, "{\\dj}", LIT_TEX_NEED_T1},
    {0x0131, "{\\i}", 0}, {0x0141, "{\\L}", 0}, {0x0142, "{\\l}", 0},
    {0x014A, "{\\NG}", LIT_TEX_NEED_T1}, {0x014B, "{\\ng}", LIT_TEX_NEED_T1},
    {0x0152, "{\\OE}", 0}, {0x0153, "{\\oe}", 0}, {0x0237, "{\\j}", 0},
    {0x02C6, "{\\^{}}", 0}, {0x02C7, "{\\v{}}", 0}, {0x02DC, "{\\~{}}", 0},
    /* Greek: math italic; capitals that look Latin are Latin letters */
    {0x0391, "A", 0}, {0x0392, "B", 0}, {0x0393, "$\\Gamma$", 0}, {0x0394, "$\\Delta$", 0},
    {0x0395, "E", 0}, {0x0396, "Z", 0}, {0x0397, "H", 0}, {0x0398, "$\\Theta$", 0},
    {0x0399, "I", 0}, {0x039A, "K", 0}, {0x039B, "$\\Lambda$", 0}, {0x039C, "M", 0},
    {0x039D, "N", 0}, {0x039E, "$\\Xi$", 0}, {0x039F, "O", 0}, {0x03A0, "$\\Pi$", 0},
    {0x03A1, "P", 0}, {0x03A3, "$\\Sigma$", 0}, {0x03A4, "T", 0}, {0x03A5, "$\\Upsilon$", 0},
    {0x03A6, "$\\Phi$", 0}, {0x03A7, "X", 0}, {0x03A8, "$\\Psi$", 0}, {0x03A9, "$\\Omega$", 0},
    {0x03B1, "$\\alpha$", 0}, {0x03B2, "$\\beta$", 0}, {0x03B3, "$\\gamma$", 0},
    {0x03B4, "$\\delta$", 0}, {0x03B5, "$\\varepsilon$", 0}, {0x03B6, "$\\zeta$", 0},
    {0x03B7, "$\\eta$", 0}, {0x03B8, "$\\theta$", 0}, {0x03B9, "$\\iota$", 0},
    {0x03BA, "$\\kappa$", 0}, {0x03BB, "$\\lambda$", 0}, {0x03BC, "$\\mu$", 0},
    {0x03BD, "$\\nu$", 0}, {0x03BE, "$\\xi$", 0}, {0x03BF, "o", 0}, {0x03C0, "$\\pi$", 0},
    {0x03C1, "$\\rho$", 0}, {0x03C2, "$\\varsigma$", 0}, {0x03C3, "$\\sigma$", 0},
    {0x03C4, "$\\tau$", 0}, {0x03C5, "$\\upsilon$", 0}, {0x03C6, "$\\varphi$", 0},
    {0x03C7, "$\\chi$", 0}, {0x03C8, "$\\psi$", 0}, {0x03C9, "$\\omega$", 0},
    {0x03D1, "$\\vartheta$", 0}, {0x03D5, "$\\phi$", 0}, {0x03D6, "$\\varpi$", 0},
    {0x03F1, "$\\varrho$", 0}, {0x03F5, "$\\epsilon$", 0},
    /* spaces, dashes, quotes, punctuation */
    {0x2002, " ", 0}, {0x2003, "\\quad{}", 0}, {0x2004, " ", 0}, {0x2005, " ", 0},
    {0x2006, " ", 0}, {0x2007, "~", 0}, {0x2008, " ", 0}, {0x2009, "\\,", 0},
    {0x200A, "\\,", 0}, {0x200B, "", 0}, {0x200C, "", 0}, {0x200D, "", 0},
    {0x200E, "", 0}, {0x200F, "", 0}, {0x2010, "-", 0}, {0x2011, "\\mbox{-}", 0},
    {0x2012, "--", 0}, {0x2013, "--", 0}, {0x2014, "---", 0}, {0x2015, "---", 0},
    {0x2016, "$\\|$", 0}, {0x2018, "`", 0}, {0x2019, "'", 0}, {0x201A, ",", 0},
    {0x201B, "`", 0}, {0x201C, "``", 0}, {0x201D, "''", 0}, {0x201E, "``", 0},
    {0x201F, "``", 0}, {0x2020, "{\\dag}", 0}, {0x2021, "{\\ddag}", 0},
    {0x2022, "{\\textbullet}", 0}, {0x2024, ".", 0}, {0x2025, "..", 0},
    {0x2026, "{\\ldots}", 0}, {0x2027, "$\\cdot$", 0}, {0x2028, " ", 0}, {0x2029, " ", 0},
    {0x202F, "\\,", 0}, {0x2030, "{\\textperthousand}", LIT_TEX_NEED_TS1},
    {0x2032, "$'$", 0}, {0x2033, "$''$", 0}, {0x2039, "{\\guilsinglleft}", LIT_TEX_NEED_T1},
    {0x203A, "{\\guilsinglright}", LIT_TEX_NEED_T1}, {0x2044, "/", 0}, {0x205F, " ", 0},
    {0x2060, "", 0}, {0x20AC, "{\\texteuro}", LIT_TEX_NEED_TS1},
    {0x2113, "$\\ell$", 0}, {0x2122, "{\\texttrademark}", 0},
    {0x2190, "$\\leftarrow$", 0}, {0x2191, "$\\uparrow$", 0}, {0x2192, "$\\rightarrow$", 0},
    {0x2193, "$\\downarrow$", 0}, {0x2194, "$\\leftrightarrow$", 0},
    {0x21D0, "$\\Leftarrow$", 0}, {0x21D2, "$\\Rightarrow$", 0}, {0x21D4, "$\\Leftrightarrow$", 0},
    {0x2200, "$\\forall$", 0}, {0x2202, "$\\partial$", 0}, {0x2203, "$\\exists$", 0},
    {0x2205, "$\\emptyset$", 0}, {0x2207, "$\\nabla$", 0}, {0x2208, "$\\in$", 0},
    {0x2209, "$\\notin$", 0}, {0x220F, "$\\prod$", 0}, {0x2211, "$\\sum$", 0},
    {0x2212, "$-$", 0}, {0x2213, "$\\mp$", 0}, {0x2215, "/", 0}, {0x2217, "$\\ast$", 0},
    {0x2218, "$\\circ$", 0}, {0x2219, "$\\bullet$", 0}, {0x221A, "$\\surd$", 0},
    {0x221D, "$\\propto$", 0}, {0x221E, "$\\infty$", 0}, {0x2223, "$\\mid$", 0},
    {0x2225, "$\\parallel$", 0}, {0x2227, "$\\wedge$", 0}, {0x2228, "$\\vee$", 0},
    {0x2229, "$\\cap$", 0}, {0x222A, "$\\cup$", 0}, {0x222B, "$\\int$", 0},
    {0x223C, "$\\sim$", 0}, {0x2243, "$\\simeq$", 0}, {0x2245, "$\\cong$", 0},
    {0x2248, "$\\approx$", 0}, {0x2260, "$\\neq$", 0}, {0x2261, "$\\equiv$", 0},
    {0x2264, "$\\leq$", 0}, {0x2265, "$\\geq$", 0}, {0x226A, "$\\ll$", 0},
    {0x226B, "$\\gg$", 0}, {0x2282, "$\\subset$", 0}, {0x2283, "$\\supset$", 0},
    {0x2286, "$\\subseteq$", 0}, {0x2287, "$\\supseteq$", 0}, {0x2295, "$\\oplus$", 0},
    {0x2297, "$\\otimes$", 0}, {0x22C5, "$\\cdot$", 0}, {0x2423, "{\\textvisiblespace}", 0},
    {0x25CB, "$\\circ$", 0}, {0x25E6, "$\\circ$", 0}, {0x2713, "$\\surd$", 0},
    {0x3000, " ", 0}, {0xFEFF, "", 0},
};

/* Combining marks that have an accent macro. Above-accents turn i and j dotless. */
typedef struct tex_accent { int32_t cp; const char *cmd; bool above; unsigned needs; } tex_accent;
static const tex_accent accents[] = {
    {0x0300, "\\`", true, 0}, {0x0301, "\\'", true, 0}, {0x0302, "\\^", true, 0},
    {0x0303, "\\~", true, 0}, {0x0304, "\\=", true, 0}, {0x0306, "\\u", true, 0},
    {0x0307, "\\.", true, 0}, {0x0308, "\\\"", true, 0}, {0x030A, "\\r", true, 0},
    {0x030B, "\\H", true, 0}, {0x030C, "\\v", true, 0}, {0x0323, "\\d", false, 0},
    {0x0326, "\\c", false, 0}, /* comma below: cedilla is the closest OT1 has */
    {0x0327, "\\c", false, 0}, {0x0328, "\\k", false, LIT_TEX_NEED_T1},
    {0x0331, "\\b", false, 0},
};

static int cmp_sym(const void *k, const void *e)
{
    int32_t a = *(const int32_t *)k, b = ((const tex_sym *)e)->cp;
    return a < b ? -1 : a > b;
}

static const tex_sym *find_sym(int32_t cp)
{
    return bsearch(&cp, symbols, sizeof symbols / sizeof *symbols, sizeof *symbols, cmp_sym);
}

static const tex_accent *find_accent(int32_t cp)
{
    for (size_t i = 0; i < sizeof accents / sizeof *accents; i++)
        if (accents[i].cp == cp) return &accents[i];
    return NULL;
}

/* Escaping state across characters: quotes alternate, ligature breakers need the
 * previous output character. */
typedef struct esc {
    lit_buf *b;
    lit_tex_info *info;
    bool pending_space;   /* collapse runs; emitted before the next visible character */
    bool any;             /* something visible was written */
    char last;            /* last ASCII character of the source written ('\0' at start) */
} esc;

static void put(esc *e, const char *tex)
{
    if (!*tex) return;
    if (e->pending_space && e->any) lit_buf_addc(e->b, ' ');
    e->pending_space = false;
    e->any = true;
    lit_buf_adds(e->b, tex);
}

static void bad(esc *e, int32_t cp)
{
    if (e->info) {
        if (e->info->n_replaced++ == 0) e->info->first_bad = cp;
    }
    put(e, "?");
    e->last = '?';
}

/* The ASCII characters: the specials, the ones OT1 prints as other glyphs, ligature
 * starters. */
static void ascii(esc *e, char c, bool at_start)
{
    char one[2] = {c, 0};
    const char *t = one;
    switch (c) {
    case '\\': t = "{\\textbackslash}"; break;
    case '{': t = "{\\textbraceleft}"; break;
    case '}': t = "{\\textbraceright}"; break;
    case '&': t = "\\&"; break;
    case '%': t = "\\%"; break;
    case '$': t = "\\$"; break;
    case '#': t = "\\#"; break;
    case '_': t = "\\_"; break;
    case '~': t = "{\\textasciitilde}"; break;
    case '^': t = "{\\textasciicircum}"; break;
    case '<': t = "{\\textless}"; break;
    case '>': t = "{\\textgreater}"; break;
    case '|': t = "{\\textbar}"; break;
    case '[': t = "{[}"; break;  /* never an optional argument of \\ or \item */
    case ']': t = "{]}"; break;
    case '*': if (at_start) t = "{*}"; break;  /* never \\* after a row end */
    case '"': {
        char p = e->pending_space ? ' ' : e->last;
        t = (p == 0 || p == ' ' || p == '(' || p == '[' || p == '{' || p == '-' || p == '/')
            ? "``" : "''";
        break;
    }
    case '`':
        if (e->last == '?' || e->last == '!') t = "{}`";  /* ?` and !` are ligatures */
        break;
    case ',':
        if (e->last == ',' && !e->pending_space) t = "{},";
        break;
    default: break;
    }
    put(e, t);
    e->last = c;
}

static int emit_cp(esc *e, int32_t cp, bool at_start, int depth);

/* A letter with combining marks: nested accent macros, innermost mark first. */
static int emit_accented(esc *e, const int32_t *d, size_t n)
{
    if (n < 2 || d[0] >= 0x80 || !((d[0] | 0x20) >= 'a' && (d[0] | 0x20) <= 'z')) return -1;
    unsigned needs = 0;
    for (size_t i = 1; i < n; i++) {
        const tex_accent *a = find_accent(d[i]);
        if (!a) return -1;
        needs |= a->needs;
    }
    lit_buf t = LIT_BUF_INIT;
    const tex_accent *first = find_accent(d[1]);
    if ((d[0] == 'i' || d[0] == 'j') && first->above)
        lit_buf_adds(&t, d[0] == 'i' ? "{\\i}" : "{\\j}");
    else
        lit_buf_addc(&t, (char)d[0]);
    for (size_t i = 1; i < n; i++) {
        const tex_accent *a = find_accent(d[i]);
        lit_buf u = LIT_BUF_INIT;
        lit_buf_printf(&u, "{%s{%s}}", a->cmd, lit_buf_str(&t));
        lit_buf_free(&t);
        t = u;
    }
    put(e, lit_buf_str(&t));
    lit_buf_free(&t);
    if (e->info) e->info->needs |= needs;
    e->last = 'a';
    return 0;
}

static int decompose(int32_t cp, int opts, int32_t *d, size_t cap)
{
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, (utf8proc_ssize_t)cap, opts, &last);
    return n < 0 || (size_t)n > cap ? -1 : (int)n;
}

/* One non-ASCII code point: table, canonical decomposition, compatibility decomposition
 * (ligatures, full-width forms, super/subscripts), else unsupported. */
static int emit_cp(esc *e, int32_t cp, bool at_start, int depth)
{
    if (cp < 0x80) {
        if (cp < 0x20 || cp == 0x7F) { if (e->any) e->pending_space = true; e->last = ' '; return 0; }
        if (cp == ' ') { if (e->any) e->pending_space = true; e->last = ' '; return 0; }
        ascii(e, (char)cp, at_start);
        return 0;
    }
    if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0; /* C1, selectors */
    const tex_sym *s = find_sym(cp);
    if (s) {
        if (s->tex[0] == ' ') {
            if (e->any) e->pending_space = true;
            e->last = ' ';
            return 0;
        }
        put(e, s->tex);
        if (e->info) e->info->needs |= s->needs;
        size_t l = strlen(s->tex);
        e->last = l ? s->tex[l - 1] : e->last;
        return 0;
    }
    int32_t d[32];
    int n = decompose(cp, UTF8PROC_DECOMPOSE, d, 32);
    if (n >= 2 && emit_accented(e, d, (size_t)n) == 0) return 0;
    /* a special letter with accents (ǿ = ø + acute): the letter's macro under the accents;
     * a Greek letter keeps its math form without them (ά = $\alpha$) */
    if (n >= 2 && depth == 0) {
        const tex_sym *base = find_sym(d[0]);
        if (base && ((base->tex[0] >= 'A' && base->tex[0] <= 'Z') || (base->tex[0] >= 'a' && base->tex[0] <= 'z')) &&
            !base->tex[1]) {
            d[0] = base->tex[0];
            if (emit_accented(e, d, (size_t)n) == 0) return 0;
        }
        if (base && base->tex[0] == '$') {
            put(e, base->tex);
            e->last = '$';
            return 0;
        }
        bool ok = base && base->tex[0] == '{';
        for (int i = 1; ok && i < n; i++) ok = find_accent(d[i]) != NULL;
        if (ok) {
            lit_buf t = LIT_BUF_INIT;
            lit_buf_adds(&t, base->tex);
            for (int i = 1; i < n; i++) {
                lit_buf u = LIT_BUF_INIT;
                lit_buf_printf(&u, "{%s{%s}}", find_accent(d[i])->cmd, lit_buf_str(&t));
                lit_buf_free(&t);
                t = u;
            }
            put(e, lit_buf_str(&t));
            lit_buf_free(&t);
            if (e->info) e->info->needs |= base->needs;
            e->last = 'a';
            return 0;
        }
    }
    if (depth == 0) {
        const utf8proc_property_t *p = utf8proc_get_property(cp);
        int k = decompose(cp, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, d, 32);
        if (k >= 1 && !(k == 1 && d[0] == cp)) {
            int type = p->decomp_type;
            const char *wrap = type == UTF8PROC_DECOMP_TYPE_SUPER ? "\\textsuperscript{"
                             : type == UTF8PROC_DECOMP_TYPE_SUB ? "\\textsubscript{" : NULL;
            /* escape the decomposition separately so that it can be checked whole */
            lit_buf t = LIT_BUF_INIT;
            lit_tex_info sub = {0, 0, 0};
            esc e2 = {&t, &sub, false, false, e->last};
            for (int i = 0; i < k; i++) emit_cp(&e2, d[i], at_start && i == 0, depth + 1);
            if (sub.n_replaced == 0 && t.len > 0) {
                if (wrap) { put(e, wrap); lit_buf_adds(e->b, lit_buf_str(&t)); lit_buf_addc(e->b, '}'); }
                else put(e, lit_buf_str(&t));
                if (e->info) e->info->needs |= sub.needs;
                e->last = e2.last;
                lit_buf_free(&t);
                return 0;
            }
            lit_buf_free(&t);
        }
        /* a stray combining mark: drop it silently only if it is one we know */
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_MN && find_accent(cp)) return 0;
    }
    bad(e, cp);
    return -1;
}

/* ASCII that stands for itself anywhere (not ? ! , * " ` which start ligatures or
 * quotes, nor space, which collapses). */
static bool plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-' || c == '/' || c == '(' ||
           c == ')' || c == '\'' || c == '=' || c == '+' || c == '@' || c == ';';
}

void lit_tex_escape(lit_buf *b, const char *s, lit_tex_info *info)
{
    esc e = {b, info, false, false, 0};
    if (!s) return;
    size_t len = strlen(s), i = 0;
    lit_buf_add(b, "", 0);   /* b->data is never NULL afterwards, even for "" */
    while (i < len) {
        /* fast path: a run of characters that are their own LaTeX */
        size_t r = i;
        while (r < len && plain((unsigned char)s[r])) r++;
        /* a letter followed by a combining mark (U+0300..U+036F) takes the slow path */
        if (r > i && r < len && ((unsigned char)s[r] == 0xCC || (unsigned char)s[r] == 0xCD)) r--;
        if (r > i) {
            if (e.pending_space && e.any) lit_buf_addc(b, ' ');
            e.pending_space = false;
            e.any = true;
            lit_buf_add(b, s + i, r - i);
            e.last = s[r - 1];
            i = r;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) { bad(&e, -1); i++; continue; }
        i += (size_t)k;
        /* a letter followed by combining accents (e + U+0301): one accented letter */
        int32_t seq[8] = {cp};
        size_t n = 1, j = i;
        while (n < 8 && j < len) {
            int32_t m;
            utf8proc_ssize_t km = utf8proc_iterate((const utf8proc_uint8_t *)s + j,
                                                   (utf8proc_ssize_t)(len - j), &m);
            if (km <= 0 || !find_accent(m)) break;
            seq[n++] = m;
            j += (size_t)km;
        }
        if (n > 1 && emit_accented(&e, seq, n) == 0) { i = j; continue; }
        emit_cp(&e, cp, !e.any, 0);
    }
}

void lit_tex_url(lit_buf *b, const char *url)
{
    static const char hex[] = "0123456789ABCDEF";
    lit_buf_add(b, "", 0);
    for (const unsigned char *p = (const unsigned char *)url; p && *p; p++) {
        unsigned c = *p;
        if (c == '%') lit_buf_adds(b, "\\%");
        else if (c == '#') lit_buf_adds(b, "\\#");
        else if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}~", (int)c)) {
            /* ~ is active in an argument: %7E means the same to every server */
            lit_buf_adds(b, "\\%");
            lit_buf_addc(b, hex[c >> 4]);
            lit_buf_addc(b, hex[c & 15]);
        } else lit_buf_addc(b, (char)c);
    }
}

bool lit_tex_key_ok(const char *key)
{
    if (!key || !*key) return false;
    for (const char *p = key; *p; p++) {
        unsigned char c = (unsigned char)*p;
        /* printable ASCII; & $ _ ^ [ ] and the like are fine inside \cite's braces and in
         * BibTeX, except ^^ (TeX reads ^^41 as 'A') */
        if (c <= ' ' || c >= 0x7F || strchr(",{}\"'%#~\\", c) || (c == '^' && p[1] == '^'))
            return false;
    }
    return true;
}

int lit_cite_key_ok(const char *key)
{
    if (!key || !*key) return 0;
    int r = 1;
    for (const char *p = key; *p;) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            if (c <= ' ' || c == 0x7F || strchr(",{}\"'%#~\\", c) || (c == '^' && p[1] == '^')) return 0;
            p++;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
        if (k <= 0) return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO) return 0;   /* letters, marks, digits */
        r = 2;
        p += k;
    }
    return r;
}

const char *lit_tex_cp_name(int32_t cp, char buf[16])
{
    if (cp < 0) snprintf(buf, 16, "invalid UTF-8");
    else snprintf(buf, 16, "U+%04X", (unsigned)cp);
    return buf;
}
