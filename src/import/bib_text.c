/* bib_text.c - BibTeX field text: LaTeX to UTF-8 (accents, specials, ligatures) and author
 * lists split into names ("Last, First and others"). Private to the BibTeX importer. */
#include "bib_text.h"
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "buf.h"

/* ---- LaTeX to UTF-8 ---- */

static void put_cp(lit_buf *b, int32_t cp)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, u);
    lit_buf_add(b, u, (size_t)k);
}

typedef struct tex_name { const char *name; int32_t cp; } tex_name;

/* Control words that stand for one character. */
static const tex_name letters[] = {
    {"ss", 0xDF}, {"SS", 0x1E9E}, {"ae", 0xE6}, {"AE", 0xC6}, {"oe", 0x153}, {"OE", 0x152},
    {"o", 0xF8}, {"O", 0xD8}, {"aa", 0xE5}, {"AA", 0xC5}, {"l", 0x142}, {"L", 0x141},
    {"i", 'i'}, {"j", 'j'}, {"dh", 0xF0}, {"DH", 0xD0}, {"th", 0xFE}, {"TH", 0xDE},
    {"ng", 0x14B}, {"NG", 0x14A}, {"dj", 0x111}, {"DJ", 0x110},
    {"textendash", 0x2013}, {"textemdash", 0x2014}, {"ldots", 0x2026}, {"dots", 0x2026},
    {"textellipsis", 0x2026}, {"textquoteleft", 0x2018}, {"textquoteright", 0x2019},
    {"textquotedblleft", 0x201C}, {"textquotedblright", 0x201D}, {"S", 0xA7}, {"P", 0xB6},
    {"copyright", 0xA9}, {"textcopyright", 0xA9}, {"pounds", 0xA3}, {"texteuro", 0x20AC},
    {"euro", 0x20AC}, {"textregistered", 0xAE}, {"texttrademark", 0x2122},
    {"textbackslash", '\\'}, {"textasciitilde", '~'}, {"textasciicircum", '^'},
    {"textless", '<'}, {"textgreater", '>'}, {"textbar", '|'}, {"textbraceleft", '{'},
    {"textbraceright", '}'}, {"textunderscore", '_'}, {"textdegree", 0xB0},
    {"textbullet", 0x2022}, {"dag", 0x2020}, {"ddag", 0x2021}, {"guillemotleft", 0xAB},
    {"guillemotright", 0xBB}, {"guilsinglleft", 0x2039}, {"guilsinglright", 0x203A},
    {"textcent", 0xA2}, {"textyen", 0xA5}, {"textperthousand", 0x2030},
    {"textvisiblespace", 0x2423}, {"quad", ' '}, {"qquad", ' '},
    /* math */
    {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3F5},
    {"varepsilon", 0x3B5}, {"zeta", 0x3B6}, {"eta", 0x3B7}, {"theta", 0x3B8}, {"vartheta", 0x3D1},
    {"iota", 0x3B9}, {"kappa", 0x3BA}, {"lambda", 0x3BB}, {"mu", 0x3BC}, {"nu", 0x3BD},
    {"xi", 0x3BE}, {"pi", 0x3C0}, {"varpi", 0x3D6}, {"rho", 0x3C1}, {"varrho", 0x3F1},
    {"sigma", 0x3C3}, {"varsigma", 0x3C2}, {"tau", 0x3C4}, {"upsilon", 0x3C5}, {"phi", 0x3D5},
    {"varphi", 0x3C6}, {"chi", 0x3C7}, {"psi", 0x3C8}, {"omega", 0x3C9}, {"Gamma", 0x393},
    {"Delta", 0x394}, {"Theta", 0x398}, {"Lambda", 0x39B}, {"Xi", 0x39E}, {"Pi", 0x3A0},
    {"Sigma", 0x3A3}, {"Upsilon", 0x3A5}, {"Phi", 0x3A6}, {"Psi", 0x3A8}, {"Omega", 0x3A9},
    {"ell", 0x2113}, {"times", 0xD7}, {"div", 0xF7}, {"pm", 0xB1}, {"mp", 0x2213},
    {"cdot", 0xB7}, {"leq", 0x2264}, {"le", 0x2264}, {"geq", 0x2265}, {"ge", 0x2265},
    {"neq", 0x2260}, {"ne", 0x2260}, {"approx", 0x2248}, {"sim", 0x223C}, {"infty", 0x221E},
    {"rightarrow", 0x2192}, {"to", 0x2192}, {"leftarrow", 0x2190}, {"Rightarrow", 0x21D2},
    {"leftrightarrow", 0x2194}, {"circ", 0x2218}, {"neg", 0xAC}, {"in", 0x2208},
    {"sum", 0x2211}, {"prod", 0x220F}, {"partial", 0x2202}, {"nabla", 0x2207},
    {"forall", 0x2200}, {"exists", 0x2203}, {"emptyset", 0x2205}, {"ast", 0x2217},
    {"surd", 0x221A}, {"ll", 0x226A}, {"gg", 0x226B}, {"cap", 0x2229}, {"cup", 0x222A},
    {"subset", 0x2282}, {"subseteq", 0x2286}, {"oplus", 0x2295}, {"otimes", 0x2297},
    {"textmu", 0xB5}, {"textperiodcentered", 0xB7},
    /* logos */
    {"LaTeX", -1}, {"TeX", -2}, {"BibTeX", -3}, {"LaTeXe", -4},
    {NULL, 0}};

typedef struct tex_acc { char sym; const char *word; int32_t mark; } tex_acc;
static const tex_acc accent_cmds[] = {
    {'`', NULL, 0x300}, {'\'', NULL, 0x301}, {'^', NULL, 0x302}, {'~', NULL, 0x303},
    {'=', NULL, 0x304}, {'.', NULL, 0x307}, {'"', NULL, 0x308},
    {0, "u", 0x306}, {0, "r", 0x30A}, {0, "H", 0x30B}, {0, "v", 0x30C}, {0, "d", 0x323},
    {0, "c", 0x327}, {0, "k", 0x328}, {0, "b", 0x331}, {0, "t", 0x361}, {0, NULL, 0}};

static int32_t letter_cp(const char *name, size_t n)
{
    for (int k = 0; letters[k].name; k++)
        if (strlen(letters[k].name) == n && memcmp(letters[k].name, name, n) == 0) return letters[k].cp;
    return 0;
}

/* The character an accent applies to, at s[*i]: a letter, \i, \o, ... (braces and blanks
 * before it skipped). Returns 0 when there is none (\"{}). */
static int32_t accent_base(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == '{' || s[*i] == ' ')) (*i)++;
    if (*i >= n || s[*i] == '}') return 0;
    if (s[*i] == '\\') {
        size_t st = *i + 1, e = st;
        while (e < n && isalpha((unsigned char)s[e])) e++;
        int32_t cp = e > st ? letter_cp(s + st, e - st) : 0;
        if (cp > 0) { *i = e; return cp; }
        return 0;
    }
    int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i, (utf8proc_ssize_t)(n - *i), &cp);
    if (k <= 0) { (*i)++; return 0; }
    *i += (size_t)k;
    return cp;
}

/* Appends the UTF-8 text of a LaTeX value: braces dropped, accents composed, specials
 * and ligatures (-- --- `` '') turned into their characters, unknown commands dropped
 * with their arguments kept, runs of white space made one space (trimmed, NFC). */
char *lit_bib_tex_to_utf8(const char *s, size_t n)
{
    static bool special[256];   /* bytes that end a run of ordinary text */
    if (!special['\\']) {
        for (const char *q = "{}$~-`'!?\\"; *q; q++) special[(unsigned char)*q] = true;
        for (int q = 0; q <= ' '; q++) special[q] = true;
        special[0x7F] = true;
    }
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '{' || c == '}' || c == '$') { i++; continue; }
        if (c <= ' ' || c == 0x7F || c == '~') { lit_buf_addc(&b, ' '); i++; continue; }  /* controls too */
        if (c == '-') {
            if (i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') { put_cp(&b, 0x2014); i += 3; }
            else if (i + 1 < n && s[i + 1] == '-') { put_cp(&b, 0x2013); i += 2; }
            else { lit_buf_addc(&b, '-'); i++; }
            continue;
        }
        if (c == '`') {
            if (i + 1 < n && s[i + 1] == '`') { put_cp(&b, 0x201C); i += 2; }
            else { put_cp(&b, 0x2018); i++; }
            continue;
        }
        if (c == '\'' && i + 1 < n && s[i + 1] == '\'') { put_cp(&b, 0x201D); i += 2; continue; }
        if (c == '!' && i + 1 < n && s[i + 1] == '`') { put_cp(&b, 0xA1); i += 2; continue; }
        if (c == '?' && i + 1 < n && s[i + 1] == '`') { put_cp(&b, 0xBF); i += 2; continue; }
        if (c != '\\') {   /* a run of ordinary characters at once */
            size_t st = i++;
            while (i < n && !special[(unsigned char)s[i]]) i++;
            lit_buf_add(&b, s + st, i - st);
            continue;
        }
        /* a control sequence */
        i++;
        if (i >= n) break;
        size_t st = i;
        bool word = isalpha((unsigned char)s[i]);
        if (word) while (i < n && isalpha((unsigned char)s[i])) i++;
        else i++;
        size_t cn = i - st;
        const char *cs = s + st;
        int32_t mark = 0;
        for (int k = 0; accent_cmds[k].mark; k++) {
            const tex_acc *a = &accent_cmds[k];
            if ((!word && a->sym && cn == 1 && cs[0] == a->sym) ||
                (word && a->word && strlen(a->word) == cn && memcmp(a->word, cs, cn) == 0))
                mark = a->mark;
        }
        if (mark) {
            int32_t base = accent_base(s, n, &i);
            if (base) {
                if (base == 0x131) base = 'i';
                put_cp(&b, base);
                put_cp(&b, mark);
            }
            continue;
        }
        if (!word) {
            if (strchr("&%$#_{}", cs[0])) lit_buf_addc(&b, cs[0]);
            else if (cs[0] == ' ' || cs[0] == ',' || cs[0] == ';' || cs[0] == ':' || cs[0] == '\\' ||
                     cs[0] == '\n') lit_buf_addc(&b, ' ');
            else if (cs[0] == '|') put_cp(&b, 0x2016);
            /* \- \/ \! and others: nothing */
            continue;
        }
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;  /* TeX eats them */
        int32_t cp = letter_cp(cs, cn);
        if (cp > 0) put_cp(&b, cp);
        else if (cp < 0) lit_buf_adds(&b, cp == -1 ? "LaTeX" : cp == -2 ? "TeX" : cp == -3 ? "BibTeX" : "LaTeX2e");
        else if (((cn == 15 && memcmp(cs, "textsuperscript", 15) == 0) ||
                  (cn == 13 && memcmp(cs, "textsubscript", 13) == 0)) && i < n && s[i] == '{') {
            /* digits and signs have Unicode super/subscripts: Tux\textsuperscript{2} is Tux² */
            static const char from[] = "0123456789+-=()";
            static const int32_t sup[] = {0x2070, 0xB9, 0xB2, 0xB3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078,
                                          0x2079, 0x207A, 0x207B, 0x207C, 0x207D, 0x207E};
            size_t e = i + 1;
            while (e < n && s[e] && strchr(from, s[e])) e++;
            if (e < n && s[e] == '}' && e > i + 1) {
                for (size_t q = i + 1; q < e; q++) {
                    size_t ix = (size_t)(strchr(from, s[q]) - from);
                    put_cp(&b, cn == 15 ? sup[ix] : 0x2080 + (int32_t)ix);
                }
                i = e + 1;
            }
        }
        else if (cn == 3 && memcmp(cs, "url", 3) == 0) { /* keep the argument */ }
        else if ((cn == 4 && memcmp(cs, "href", 4) == 0) && i < n && s[i] == '{') {
            long depth = 0;   /* drop the URL, keep the text */
            for (; i < n; i++) {
                if (s[i] == '{') depth++;
                else if (s[i] == '}' && --depth == 0) { i++; break; }
            }
        }
        /* other commands (\emph, \textbf, \em, \relax, ...) vanish, their arguments stay */
    }
    /* collapse white space, trim */
    lit_buf o = LIT_BUF_INIT;
    lit_buf_add(&o, "", 0);
    bool sp = false;
    for (size_t k = 0; k < b.len;) {
        if (b.data[k] == ' ') { sp = o.len > 0; k++; continue; }
        if (sp) lit_buf_addc(&o, ' ');
        sp = false;
        size_t st = k;
        while (k < b.len && b.data[k] != ' ') k++;
        lit_buf_add(&o, b.data + st, k - st);
    }
    lit_buf_free(&b);
    bool ascii = true;   /* composing is the expensive part: only when there is anything to compose */
    for (size_t k = 0; k < o.len && ascii; k++) ascii = (unsigned char)o.data[k] < 0x80;
    if (ascii) return o.data;   /* never NULL: "" was added first */
    /* Only --lenient lets invalid bytes this far (a bad @string outside any skipped
     * entry): they become U+FFFD so that the catalog is always valid UTF-8. */
    lit_buf v = LIT_BUF_INIT;
    lit_buf_add(&v, "", 0);
    for (size_t k = 0; k < o.len;) {
        int32_t cp;
        utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)o.data + k, (utf8proc_ssize_t)(o.len - k), &cp);
        if (m <= 0 || cp == 0) { lit_buf_adds(&v, "\xEF\xBF\xBD"); k++; continue; }
        lit_buf_add(&v, o.data + k, (size_t)m);
        k += (size_t)m;
    }
    lit_buf_free(&o);
    char *r = (char *)utf8proc_NFC((const utf8proc_uint8_t *)lit_buf_str(&v));
    if (!r) return v.data;
    lit_buf_free(&v);
    return r;
}

/* ---- names ---- */

typedef struct word { const char *s; size_t n; bool comma_after; } word;

/* The case of a name word as BibTeX sees it: 1 lower, 2 upper, 0 none (braces and
 * non-letters skipped, a special character {\"o} has the case of its letter). */
static int word_case(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalpha(c)) return islower(c) ? 1 : 2;
        if (c == '{') {
            if (i + 1 < n && s[i + 1] == '\\') {
                size_t j = i + 2, st = j;
                while (j < n && isalpha((unsigned char)s[j])) j++;
                if (j > st && letter_cp(s + st, j - st) > 0 && (j - st) <= 2)
                    return islower((unsigned char)s[st]) ? 1 : 2;   /* {\ss} {\O} */
                if (j == st) j++;      /* \" and the like */
                while (j < n && !isalpha((unsigned char)s[j]) && s[j] != '}') j++;
                if (j < n && s[j] == '\\') j++;
                if (j < n && isalpha((unsigned char)s[j])) return islower((unsigned char)s[j]) ? 1 : 2;
                return 0;
            }
            long depth = 0;   /* a braced group is caseless: skip it */
            for (; i < n; i++) {
                if (s[i] == '{') depth++;
                else if (s[i] == '}' && --depth == 0) break;
            }
            continue;
        }
        if (c >= 0x80) {
            int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k > 0) {
                if (utf8proc_islower(cp)) return 1;
                if (utf8proc_isupper(cp)) return 2;
                i += (size_t)k - 1;
            }
        }
    }
    return 0;
}

static void add_words(lit_buf *b, const word *w, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        char *u = lit_bib_tex_to_utf8(w[k].s, w[k].n);
        if (*u) {
            if (b->len && b->data[b->len - 1] != ' ') lit_buf_addc(b, ' ');
            lit_buf_adds(b, u);
        }
        free(u);
    }
}

/* One BibTeX name ("First von Last", "von Last, First", "von Last, Jr, First") as the
 * display string "First von Last, Jr". NULL for an empty name or "others". */
static char *split_name(const char *s, size_t n)
{
    word *w = NULL;
    size_t nw = 0, cap = 0, i = 0;
    while (i < n) {
        while (i < n && (isspace((unsigned char)s[i]) || s[i] == '~' || s[i] == ',')) {
            if (s[i] == ',' && nw) w[nw - 1].comma_after = true;
            i++;
        }
        if (i >= n) break;
        size_t st = i;
        long depth = 0;
        while (i < n && (depth > 0 || !(isspace((unsigned char)s[i]) || s[i] == '~' || s[i] == ','))) {
            if (s[i] == '{') depth++;
            else if (s[i] == '}') depth--;
            else if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '~' || s[i + 1] == ',')) i++;   /* Jo\~ao: an accent */
            i++;
        }
        LIT_GROW(w, cap, nw + 1);
        w[nw++] = (word){s + st, i - st, false};
    }
    if (nw == 0 || (nw == 1 && w[0].n == 6 && strncmp(w[0].s, "others", 6) == 0)) { free(w); return NULL; }
    /* parts separated by commas */
    size_t cut[3], nc = 0;
    for (size_t k = 0; k + 1 < nw && nc < 2; k++) if (w[k].comma_after) cut[nc++] = k + 1;
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    size_t f0, f1, v0, v1, l0, l1, j0 = 0, j1 = 0;
    if (nc == 0) {
        l1 = nw;
        size_t vs = nw, ve = nw;
        for (size_t k = 0; k + 1 < nw; k++)
            if (word_case(w[k].s, w[k].n) == 1) { if (vs == nw) vs = k; ve = k + 1; }
        if (vs < nw) { f0 = 0; f1 = vs; v0 = vs; v1 = ve; l0 = ve; }
        else { f0 = 0; f1 = nw - 1; v0 = v1 = nw - 1; l0 = nw - 1; }
    } else {
        size_t last_end = cut[0];
        v0 = 0; v1 = 0;
        if (word_case(w[0].s, w[0].n) == 1)
            for (size_t k = 0; k + 1 < last_end; k++) if (word_case(w[k].s, w[k].n) == 1) v1 = k + 1;
        l0 = v1; l1 = last_end;
        if (nc == 1) { f0 = cut[0]; f1 = nw; }
        else { j0 = cut[0]; j1 = cut[1]; f0 = cut[1]; f1 = nw; }
    }
    add_words(&b, w, f0, f1);
    add_words(&b, w, v0, v1);
    add_words(&b, w, l0, l1);
    if (j1 > j0) {
        lit_buf jr = LIT_BUF_INIT;
        add_words(&jr, w, j0, j1);
        if (jr.len) { lit_buf_adds(&b, ", "); lit_buf_adds(&b, jr.data); }
        lit_buf_free(&jr);
    }
    free(w);
    char *r = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    if (!*r) { free(r); return NULL; }
    return r;
}

/* Splits an author list on " and " outside braces; display names into the arena. */
void lit_bib_split_authors(lit_arena *a, const char *s, size_t n, const char ***out, uint32_t *nout, bool *etal)
{
    const char **v = NULL;
    size_t nv = 0, cap = 0, st = 0;
    long depth = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n;
        if (!end) {
            if (s[i] == '{') depth++;
            else if (s[i] == '}') depth--;
            end = depth == 0 && i > 0 && isspace((unsigned char)s[i - 1]) && i + 3 < n &&
                  (s[i] == 'a' || s[i] == 'A') && (s[i + 1] == 'n' || s[i + 1] == 'N') &&
                  (s[i + 2] == 'd' || s[i + 2] == 'D') && isspace((unsigned char)s[i + 3]);
        }
        if (!end) continue;
        char *name = split_name(s + st, i - st);
        if (!name) {  /* "and others": the names given are the first of more */
            size_t b = st, e = i;
            while (b < e && isspace((unsigned char)s[b])) b++;
            while (e > b && isspace((unsigned char)s[e - 1])) e--;
            if (e - b == 6 && !strncmp(s + b, "others", 6)) *etal = true;
        }
        if (name) {
            LIT_GROW(v, cap, nv + 1);
            v[nv++] = lit_arena_strdup(a, name);
            free(name);
        }
        st = i + 3;
        i += 2;
    }
    *out = nv ? lit_arena_alloc(a, nv * sizeof **out) : NULL;
    if (nv) memcpy(*out, v, nv * sizeof *v);
    *nout = (uint32_t)nv;
    free(v);
}
