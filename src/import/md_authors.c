/* md_authors.c - the authors of list entries: names, name lists, bylines. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "md_entry.h"

static bool name_word(const char *w, size_t n)
{
    if (lit_md_title_word(w, n)) return false;
    if (!n) return false;
    if (n <= 4 && w[n - 1] == '.' && isupper((unsigned char)w[0])) return true;  /* initial: J. or J.-P. */
    if (lit_md_particle(w, n)) return true;
    unsigned char c = (unsigned char)w[0];
    if (!(isupper(c) || c >= 0x80)) return false;
    size_t upper = 0, alpha = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (isupper(ch)) upper++;
        if (isalpha(ch)) alpha++;
        if (!(isalpha(ch) || ch >= 0x80 || ch == '-' || ch == '\'' || ch == '.')) return false;
    }
    return !(upper == alpha && alpha >= 2);  /* GPU, DNN: acronyms are not names */
}

/* Initials without points, as Google Scholar writes them: the "AC" of "AC Müller". */
static bool scholar_initials(const char *w, size_t n)
{
    if (n < 2 || n > 3) return false;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)w[i])) return false;
    return true;
}

/* initials: Scholar's "AC" may start a name, only in a list of names ("A, B") */
static bool name_item(const char *s, size_t n, bool initials)
{
    size_t words = 0;
    bool last_ok = false;   /* the last word seen is a name word (initials never end a name) */
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        if (j > i) {
            last_ok = name_word(s + i, j - i);
            if (!last_ok && !(initials && scholar_initials(s + i, j - i))) return false;
            words++;
        }
        i = j;
    }
    return words >= 2 && words <= 4 && last_ok;
}

/* Splits "A, B and C" into names when every item looks like a name. Returns the
 * count (0 if it is not a name list); names are malloc'd into out (up to max). */
size_t lit_md_split_names(const char *in, bool by, char **out, size_t max)
{
    char *s = lit_xstrdup(in);
    lit_md_strip_marks(s);
    lit_md_collapse_ws(s);
    size_t n = strlen(s);
    while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';')) s[--n] = 0;
    bool etal = false;
    if (n > 6 && !strcmp(s + n - 6, " et al")) {  /* the final '.' is gone already */
        etal = true;
        s[n - 6] = 0;
        n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == ',')) s[--n] = 0;
    }
    size_t count = 0;
    bool ok = n > 0, list = strchr(s, ',') != NULL;
    for (char *p = s; ok && *p;) {
        char *e = p;
        size_t seplen = 0;
        for (; *e; e++) {
            if (*e == ',' || *e == ';') { seplen = 1; break; }
            if (!strncmp(e, " and ", 5)) { seplen = 5; break; }
            if (!strncmp(e, " & ", 3)) { seplen = 3; break; }
        }
        char *q = p;
        while (*q == ' ') q++;
        if (lit_md_starts_ci(q, "and ")) q += 4;
        if (q > e) q = e;   /* ", and C": the separator itself starts with " and " */
        size_t len = (size_t)(e - q);
        while (len && q[len - 1] == ' ') len--;
        if (len) {
            if (!name_item(q, len, list) && !(memchr(q, ' ', len) == NULL && name_word(q, len))) ok = false;
            else if (count < max) out[count++] = lit_md_strndup(q, len);
        }
        p = *e ? e + seplen : e;
    }
    free(s);
    /* one-word items are "Last, First" pairs: "Huang, Yanping, et al." */
    size_t single = 0;
    for (size_t i = 0; ok && i < count; i++) if (!strchr(out[i], ' ')) single++;
    if (ok && single) {
        if (single != count || count % 2) ok = false;
        else {
            for (size_t i = 0; i < count; i += 2) {
                char *full = lit_xmalloc(strlen(out[i]) + strlen(out[i + 1]) + 2);
                sprintf(full, "%s %s", out[i + 1], out[i]);
                free(out[i]);
                free(out[i + 1]);
                out[i / 2] = full;
            }
            count /= 2;
        }
    }
    if (!ok || count == 0 || (count < 2 && !etal && !by)) {
        for (size_t i = 0; i < count; i++) free(out[i]);
        return 0;
    }
    return count;
}

/* Leading authors ending at ". " (the longest such prefix that is a list of at
 * least two names, or ends "et al"): moved to e->authors and cut from s. */
bool lit_md_take_leading_authors(char *s, entry *e)
{
    if (e->n_authors) return false;
    size_t best = 0;
    char *names[64];
    for (size_t k = 1; s[k]; k++) {
        if (!(s[k] == '.' && s[k + 1] == ' ') || IS_MARK(s[0])) continue;
        char *pre = lit_md_strndup(s, k + 1);  /* "et al." keeps its point */
        size_t nn = lit_md_split_names(pre, false, names, 64);
        bool many = nn >= 2 || (nn && strstr(pre, "et al"));
        for (size_t q = 0; q < nn; q++) free(names[q]);
        free(pre);
        if (many) best = k;
        else if (best) break;
    }
    if (!best || lit_md_count_words(s + best + 1) < 3) return false;
    char *pre = lit_md_strndup(s, best + 1);
    e->n_authors = lit_md_split_names(pre, false, e->authors, 64);
    free(pre);
    lit_md_remove_range(s, 0, best + 2);
    return true;
}

/* Whether a one-line paragraph is the byline of the bold-only paragraph before it, which
 * then is a paper's title, not a category line:
 *   "*Authors. ICDE 2008.* [[paper](url)]"        emphasised, with a link
 *   "*F. P. Palermo. IBM Research RJ 730, 1970*"   emphasised, ending in a year, no link
 *   "Y Zhang, A Floratou. ICDE 2023 [[paper](url)]" two or more names first, with a link
 * ("OSDI 2020, [Title](url)" after "**Microservices**" is an entry of that category). */
bool lit_md_byline(const char *t, size_t n, size_t n_links)
{
    if (!n || memchr(t, '\n', n)) return false;
    if (t[0] == M_EM_OPEN) {
        if (n_links) return true;
        size_t e = n;
        while (e && (t[e - 1] == ' ' || t[e - 1] == '.' || t[e - 1] == M_EM_CLOSE)) e--;
        if (e < 5 || isdigit((unsigned char)t[e - 5])) return false;
        for (size_t k = e - 4; k < e; k++)
            if (!isdigit((unsigned char)t[k])) return false;
        int y = atoi(t + e - 4);
        return y >= 1800 && y <= 2100;
    }
    const char *dot = strstr(t, ". ");
    if (!n_links || !dot || memchr(t, M_LINK_OPEN, (size_t)(dot - t)) || memchr(t, M_AUX_OPEN, (size_t)(dot - t)))
        return false;
    char *pre = lit_md_strndup(t, (size_t)(dot - t)), *names[64];
    size_t nn = lit_md_split_names(pre, false, names, 64);
    for (size_t q = 0; q < nn; q++) free(names[q]);
    free(pre);
    return nn >= 2;
}
