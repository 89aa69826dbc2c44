/* md_text.c - text helpers for list entries: the markers the walk leaves in the text, words, brackets, entities. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "md_entry.h"
#include "text.h"

char *lit_md_strndup(const char *s, size_t n)
{
    char *r = lit_xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

bool lit_md_starts_ci(const char *s, const char *p)
{
    for (; *p; s++, p++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*p)) return false;
    return true;
}

bool lit_md_contains_ci(const char *s, const char *p)
{
    for (; *s; s++)
        if (lit_md_starts_ci(s, p)) return true;
    return false;
}

void lit_md_strip_marks(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++)
        if (!IS_MARK(*r)) *w++ = *r;
    *w = 0;
}

/* Whitespace runs become one space; leading and trailing space goes. */
void lit_md_collapse_ws(char *s)
{
    char *w = s;
    bool space = true;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r' || *r == '\f' || *r == '\v') {
            if (!space) *w++ = ' ';
            space = true;
        } else {
            *w++ = *r;
            space = false;
        }
    }
    if (w > s && w[-1] == ' ') w--;
    *w = 0;
}

size_t lit_md_count_words(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ' || IS_MARK(*s);
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

bool lit_md_has_letter(const char *s)
{
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80) return true;
    return false;
}

/* Replaces typographic apostrophes and primes with '. */
void lit_md_ascii_quotes(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        unsigned char a = (unsigned char)r[0], b = a ? (unsigned char)r[1] : 0, c = b ? (unsigned char)r[2] : 0;
        if (a == 0xE2 && b == 0x80 && (c == 0x98 || c == 0x99 || c == 0xB2)) { *w++ = '\''; r += 3; }
        else if (a == 0xC2 && b == 0xB4) { *w++ = '\''; r += 2; }
        else if (a == '`') { *w++ = '\''; r++; }
        else *w++ = *r++;
    }
    *w = 0;
}

void lit_md_remove_range(char *s, size_t from, size_t to)
{
    memmove(s + from, s + to, strlen(s + to) + 1);
}

/* "（SIGMOD 2018）": full-width parentheses are parentheses. */
void lit_md_fold_fullwidth(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        if ((unsigned char)r[0] == 0xEF && (unsigned char)r[1] == 0xBC && ((unsigned char)r[2] == 0x88 || (unsigned char)r[2] == 0x89)) {
            *w++ = (unsigned char)r[2] == 0x88 ? '(' : ')';
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
}

size_t lit_md_trim_end(const char *s)
{
    size_t n = strlen(s);
    for (;;) {  /* "·" and "•" between links */
        while (n && s[n - 1] == ' ') n--;
        if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xB7) n -= 2;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] == 0xA2) n -= 3;
        else break;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' ||
                 s[n - 1] == '-' || s[n - 1] == '|' || s[n - 1] == M_EM_CLOSE || s[n - 1] == M_LINK_CLOSE ||
                 s[n - 1] == M_EM_OPEN || s[n - 1] == M_LINK_OPEN))
        n--;
    return n;
}

/* Emoji and pictographs ("🔥", "⭐️", ":mag:" is left to the label rule). */
void lit_md_strip_emoji(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)r, -1, &cp);
        if (k <= 0) { *w++ = *r++; continue; }
        bool emoji = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
                     (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2300 && cp <= 0x23FF) ||
                     (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x20E3;
        if (!emoji) memmove(w, r, (size_t)k), w += k;
        r += k;
    }
    *w = 0;
}

void lit_md_put_utf8(lit_buf *b, long cp)
{
    utf8proc_uint8_t tmp[4];
    if (cp <= 0 || cp > 0x10FFFF || !utf8proc_codepoint_valid((utf8proc_int32_t)cp) || !lit_text_cp_ok((uint32_t)cp))
        cp = 0xFFFD;   /* "&#27;", "&#xFFFE;": what text may not hold (text.h) */
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, tmp);
    lit_buf_add(b, tmp, (size_t)n);
}

void lit_md_decode_entity(lit_buf *b, const char *s, size_t n)
{
    static const struct { const char *name; long cp; } named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
        {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"mu", 0x3BC}, {"micro", 0xB5}, {"times", 0xD7},
        {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"eacute", 0xE9}, {"uuml", 0xFC},
        {"ouml", 0xF6}, {"auml", 0xE4}, {"szlig", 0xDF}, {"alpha", 0x3B1}, {"beta", 0x3B2},
        {"shy", 0}, {"zwj", 0}, {"zwnj", 0}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
    };
    if (n >= 4 && s[1] == '#') {
        long cp = 0;
        bool hex = s[2] == 'x' || s[2] == 'X';
        for (size_t i = hex ? 3 : 2; i + 1 < n && cp <= 0x10FFFF; i++)
            cp = cp * (hex ? 16 : 10) + (isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10));
        if (cp == 0x20 || cp == 0xA0 || cp == 0x09) lit_buf_addc(b, ' ');
        else lit_md_put_utf8(b, cp);
        return;
    }
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == n - 2 && memcmp(named[i].name, s + 1, n - 2) == 0) {
            if (named[i].cp == 0xA0) lit_buf_addc(b, ' ');
            else if (named[i].cp) lit_md_put_utf8(b, named[i].cp);
            return;
        }
    lit_buf_add(b, s, n);  /* unknown: keep as written */
}

/* Index of the bracket closing s[open], or (size_t)-1. */
size_t lit_md_match_close(const char *s, size_t open)
{
    char st[64];
    int n = 0;
    for (size_t i = open; s[i]; i++) {
        char c = s[i];
        if (c == '(' || c == '[') { if (n == 64) return (size_t)-1; st[n++] = c; }
        else if (c == ')' || c == ']') {
            if (!n || st[n - 1] != (c == ')' ? '(' : '[')) return (size_t)-1;
            if (--n == 0) return i;
        }
    }
    return (size_t)-1;
}

size_t lit_md_match_open(const char *s, size_t close)
{
    char st[64];
    int n = 0;
    for (size_t i = close + 1; i-- > 0;) {
        char c = s[i];
        if (c == ')' || c == ']') { if (n == 64) return (size_t)-1; st[n++] = c; }
        else if (c == '(' || c == '[') {
            if (!n || st[n - 1] != (c == '(' ? ')' : ']')) return (size_t)-1;
            if (--n == 0) return i;
        }
    }
    return (size_t)-1;
}

/* Offset of the first bracket that has no partner, or -1 when balanced. */
long lit_md_unbalanced_at(const char *s)
{
    size_t st[64];
    int n = 0;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '(' || c == '[') { if (n == 64) return (long)i; st[n++] = i; }
        else if (c == ')' || c == ']') {
            if (!n || s[st[n - 1]] != (c == ')' ? '(' : '[')) return (long)i;
            n--;
        }
    }
    return n ? (long)st[0] : -1;
}

/* Removes the brackets that have no partner, in one pass. */
void lit_md_drop_unmatched(char *s)
{
    size_t n = strlen(s), top = 0;
    size_t *st = lit_xmalloc((n + 1) * sizeof *st);
    char *gone = lit_xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '(' || c == '[') st[top++] = i;
        else if (c == ')' || c == ']') {
            if (top && s[st[top - 1]] == (c == ')' ? '(' : '[')) top--;
            else gone[i] = 1;
        }
    }
    while (top) gone[st[--top]] = 1;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) if (!gone[i]) s[w++] = s[i];
    s[w] = 0;
    free(st);
    free(gone);
}

/* Removes empty (), [], and marker pairs left behind by removed links. */
void lit_md_drop_empty_groups(char *s)
{
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; s[i]; i++) {
            char c = s[i], want = c == '(' ? ')' : c == '[' ? ']' : c == M_EM_OPEN ? M_EM_CLOSE :
                                  c == M_LINK_OPEN ? M_LINK_CLOSE : c == M_AUX_OPEN ? M_AUX_CLOSE : 0;
            if (!want) continue;
            size_t j = i + 1;
            while (s[j] == ' ' || (IS_MARK(s[j]) && s[j] != want)) {
                if (IS_MARK(s[j])) break;
                j++;
            }
            if (s[j] == want) { lit_md_remove_range(s, i, j + 1); again = true; break; }
        }
    }
}

bool lit_md_letter_at(const char *s)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
           c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}

/* Length of a dash or bullet that separates parts of an entry at s ("-", "–", "—", "•",
 * "·", "|"), 0 when none. */
size_t lit_md_separator(const char *s)
{
    static const char *seps[] = {"-", "|", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7"};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
        if (!strncmp(s, seps[i], strlen(seps[i]))) return strlen(seps[i]);
    return 0;
}

size_t lit_md_skip_separators(const char *s)
{
    size_t i = 0;
    for (size_t k;;) {
        if (s[i] == ' ' || s[i] == ',' || s[i] == '.' || s[i] == ':' || IS_MARK(s[i])) i++;
        else if ((k = lit_md_separator(s + i)) > 0) i += k;
        else return i;
    }
}

size_t lit_md_mark_close(const char *s)
{
    char open = s[0], close = open == M_EM_OPEN ? M_EM_CLOSE : open == M_LINK_OPEN ? M_LINK_CLOSE :
                              open == M_AUX_OPEN ? M_AUX_CLOSE : 0;
    int depth = 0;
    for (size_t i = 0; close && s[i]; i++) {
        if (s[i] == open) depth++;
        else if (s[i] == close && --depth == 0) return i;
    }
    return (size_t)-1;
}

const char *lit_md_strnstr(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (!memcmp(s + i, needle, k)) return s + i;
    return NULL;
}

void lit_md_strip_decorations(char *s)
{
    lit_md_strip_emoji(s);
    for (char *c = s; (c = strchr(c, ':')) != NULL;) {   /* ":star:", ":fire:" */
        size_t n = 1;
        while (islower((unsigned char)c[n]) || c[n] == '_' || c[n] == '+' || isdigit((unsigned char)c[n])) n++;
        if (c[n] == ':' && n > 1) lit_md_remove_range(s, (size_t)(c - s), (size_t)(c - s) + n + 1);
        else c++;
    }
    lit_md_collapse_ws(s);
}

bool lit_md_title_case(const char *s)
{
    size_t long_words = 0, upper = 0;
    for (const char *p = s; *p;) {
        while (*p && !isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '-' && *p != '/') p++;
        size_t letters = 0;
        for (const char *q = w; q < p; q++) letters += isalpha((unsigned char)*q) != 0;
        if (letters < 4) continue;
        long_words++;
        upper += isupper((unsigned char)*w) != 0;
    }
    return long_words >= 2 && upper * 10 >= long_words * 7;
}
