/* md_authors.c - the authors of list entries: names, name lists in the forms lists write
 * them ("A, B and C", "Last, First, et al.", "Last, F., & Last, F.", BibTeX's "Last, First
 * and Last, First"), where a name list ends, bylines. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "md_entry.h"

/* "J.", "J.-P.", "Jr.", the "-P." of "J. -P. Nadal": a word with a point that may stand
 * inside a name */
static bool initial(const char *w, size_t n)
{
    if (n == 3 && w[0] == '-') w++, n--;
    if (n >= 2 && n <= 4 && w[n - 1] == '.' && isupper((unsigned char)w[0])) return true;
    if (n < 6 || n > 8 || n % 2) return false;   /* "P.A.P.": initials run together */
    for (size_t i = 0; i < n; i += 2)
        if (!isupper((unsigned char)w[i]) || w[i + 1] != '.') return false;
    return true;
}

static bool name_word(const char *w, size_t n)
{
    if (!n || lit_md_title_word(w, n)) return false;
    if (n == 5 && !strncasecmp(w, "arxiv", 5)) return false;   /* "Juntang Zhuang, Arxiv." */
    if (initial(w, n)) return true;
    if (lit_md_particle(w, n)) return true;
    if (w[n - 1] == '.') return false;  /* "Hopper." ends a sentence: "Preprint" after it is no name */
    if ((n > 2 && !strncmp(w + n - 2, "'s", 2)) || (n > 4 && !strncmp(w + n - 4, "\xE2\x80\x99s", 4)))
        return false;   /* "Someone's talk": a possessive is no author */
    unsigned char c = (unsigned char)w[0];
    if (!(isupper(c) || (c >= 0x80 && lit_md_letter_at(w)))) return false;   /* "–" is no name */
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

/* "Leveraging", "Self-Training": a long -ing word starts titles, not names (a name may
 * end with one: "Alan Mainwaring"; "Hsiang-Ting" is a given name) */
static bool gerund(const char *w, size_t n)
{
    size_t last = 0;
    while (last < n && w[n - 1 - last] != '-') last++;
    return n >= 9 && last >= 6 && !strncmp(w + n - 3, "ing", 3);
}

/* A word in capitals: "BAHL" */
static bool caps_word(const char *w, size_t n)
{
    if (n < 2 || lit_md_title_word(w, n)) return false;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)w[i]) && w[i] != '-') return false;
    return true;
}

/* initials: Scholar's "AC" may start a name, only in a list of names ("A, B"); a name
 * with an initial may be in capitals ("LALIT R. BAHL", "S. E. LEVINSON") */
static bool name_item(const char *s, size_t n, bool initials)
{
    if (lit_md_has_org_word(s, n)) return false;   /* "Google Research", "Stanford University" */
    bool has_initial = false;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        has_initial |= j > i && initial(s + i, j - i);
        i = j;
    }
    size_t words = 0;
    bool last_ok = false;   /* the last word seen is a name word (initials never end a name) */
    bool caps = false, last_initial = false, first_ok = false, last_scholar = false;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        if (j > i) {
            bool cw = has_initial && !name_word(s + i, j - i) && caps_word(s + i, j - i);
            caps |= cw;
            last_initial = initial(s + i, j - i);
            last_ok = name_word(s + i, j - i) || cw;
            if (!words && gerund(s + i, j - i)) last_ok = false;
            last_scholar = initials && scholar_initials(s + i, j - i);
            if (!last_ok && !last_scholar) return false;
            if (!words) first_ok = last_ok;
            words++;
        }
        i = j;
    }
    /* "SIAM J." is a journal; PubMed's "Yu HT" ends in initials */
    return words >= 2 && words <= 4 && (last_ok || (words == 2 && first_ok && last_scholar)) && !(caps && last_initial);
}

/* Every word of s is an initial: the "S." and "T. W." of "Kiesler, S., & McGuire, T. W." */
static bool only_initials(const char *s)
{
    size_t words = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (!n) break;
        if (!initial(p, n)) return false;
        words++;
        p += n;
    }
    return words > 0;
}

/* One word, or a particle and a word ("van Dijk"): a family name before its comma. */
static bool family_word(const char *s)
{
    const char *sp = strrchr(s, ' ');
    if (!sp) return name_word(s, strlen(s));
    return lit_md_particle(s, strcspn(s, " ")) && sp == strchr(s, ' ') && name_word(sp + 1, strlen(sp + 1));
}

void lit_md_names_free(names *nm)
{
    for (size_t i = 0; i < nm->n; i++) free(nm->v[i]);
    nm->n = 0;
    nm->etal = false;
}

static void names_add(names *nm, const char *s, size_t n)
{
    if (nm->n < sizeof nm->v / sizeof *nm->v) nm->v[nm->n++] = lit_md_strndup(s, n);
}

/* One piece of an inverted list as "Given Family": "Family, Given" ("Mascio, Aurelie"), or
 * with plain a name as written ("Wu H", "Ada Lovelace"); NULL when it is neither. */
static char *inverted_piece(const char *p, size_t n, bool plain)
{
    const char *c = memchr(p, ',', n);
    char *full;
    bool ok;
    if (c && !memchr(c + 1, ',', n - (size_t)(c - p) - 1)) {
        char *last = lit_md_strndup(p, (size_t)(c - p)), *first = lit_md_strndup(c + 1, n - (size_t)(c - p) - 1);
        lit_md_collapse_ws(last);
        lit_md_collapse_ws(first);
        full = lit_xmalloc(strlen(first) + strlen(last) + 2);
        sprintf(full, "%s %s", first, last);
        ok = family_word(last) && *first;
        free(last);
        free(first);
    } else {
        full = lit_md_strndup(p, n);
        lit_md_collapse_ws(full);
        ok = plain && !c && strchr(full, ' ');
    }
    if (ok && name_item(full, strlen(full), true)) return full;
    free(full);
    return NULL;
}

/* Names between separators that are no name's part: "Last, First" pieces between " and "
 * (BibTeX's order: "Dai, Zhuyun and Callan, Jamie"), or between ';', where a piece may
 * also be a name as written ("Mascio, Aurelie; Kraljevic, Zeljko", PubMed's "Wu H;Wang M").
 * On failure nm holds no names (its etal stays). */
static bool inverted_list(const char *s, const char *sep, names *nm)
{
    bool ok = strstr(s, sep) != NULL;
    size_t sl = strlen(sep);
    for (const char *p = s; ok && *p;) {
        const char *e = strstr(p, sep);
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *full = inverted_piece(p, n, sep[0] == ';');
        if ((ok = full != NULL)) names_add(nm, full, strlen(full));
        free(full);
        p = e ? e + sl : p + n;
    }
    if (!ok || !nm->n) {
        bool etal = nm->etal;
        lit_md_names_free(nm);
        nm->etal = etal;
        return false;
    }
    return true;
}

bool lit_md_one_inverted(const char *in, names *out)
{
    memset(out, 0, sizeof *out);
    char *s = lit_xstrdup(in);
    lit_md_strip_marks(s);
    lit_md_collapse_ws(s);
    size_t n = strlen(s);   /* the closing point goes, an initial's stays ("Dietterich, Thomas G.") */
    while (n && (s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ' ' ||
                 (s[n - 1] == '.' && !(n >= 2 && isupper((unsigned char)s[n - 2]) && (n == 2 || s[n - 3] == ' ')))))
        s[--n] = 0;
    char *full = strstr(s, " and ") || strchr(s, '&') ? NULL : inverted_piece(s, n, false);
    if (full && strchr(s, ',')) names_add(out, full, strlen(full));
    free(full);
    free(s);
    return out->n == 1;
}

/* Joins "Family" and "Given" item pairs into "Given Family". */
static void pair_items(names *nm)
{
    size_t w = 0;
    for (size_t i = 0; i + 1 < nm->n; i += 2) {
        char *full = lit_xmalloc(strlen(nm->v[i]) + strlen(nm->v[i + 1]) + 2);
        sprintf(full, "%s %s", nm->v[i + 1], nm->v[i]);
        free(nm->v[i]);
        free(nm->v[i + 1]);
        nm->v[w++] = full;
    }
    nm->n = w;
}

/* Whether the items, as "Family, Given" at the start, are an MLA list: "Uritskiy, Gherman V.,
 * Jocelyne DiRuggiero", "Mikheenko, Alla, and Mikhail Kolmogorov", "Huang, Yanping, et al.". */
static bool mla_first(const names *nm)
{
    if (nm->n < 2) return false;
    const char *fam = nm->v[0], *given = nm->v[1], *lw = strrchr(given, ' ');
    lw = lw ? lw + 1 : given;
    bool given_ok = !strchr(given, ' ') || initial(lw, strlen(lw));
    if (nm->n == 2) return nm->etal && given_ok && lit_md_count_words(fam) <= 2;
    /* "Johnson, Lisa Kristine, Harriet Alexander": two given names after one family name */
    if (!given_ok && lit_md_count_words(given) == 2 && family_word(fam)) given_ok = true;
    if (!given_ok || !family_word(fam)) return false;
    for (size_t i = 2; i < nm->n; i++)
        if (!strchr(nm->v[i], ' ')) return false;
    return true;
}

size_t lit_md_split_names(const char *in, int one_ok, names *out)
{
    memset(out, 0, sizeof *out);
    char *s = lit_xstrdup(in);
    lit_md_strip_marks(s);
    lit_md_collapse_ws(s);
    for (size_t i = 1; s[i]; i++) {   /* affiliation marks: "Sajad Sotudeh1, Ross W. Filice2.", "Ilias Chalkidis*" */
        if (s[i] == '*' && (isalpha((unsigned char)s[i - 1]) || s[i - 1] == '*')) {
            lit_md_remove_range(s, i, i + 1);
            i--;
            continue;
        }
        size_t d = strspn(s + i, "0123456789");
        if (d && d <= 2 && islower((unsigned char)s[i - 1]) && strchr(",;. ", s[i + d]))
            lit_md_remove_range(s, i, i + d);
    }
    size_t n = strlen(s);
    /* the list's closing point goes, an initial's stays ("McGuire, T. W.") */
    while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ' ') &&
           !(s[n - 1] == '.' && n >= 2 && isupper((unsigned char)s[n - 2]) && (n == 2 || !isalpha((unsigned char)s[n - 3]))))
        s[--n] = 0;
    static const char *etal_words[] = {" et al", " et. al", " and others", " etc"};
    for (size_t k = 0; k < sizeof etal_words / sizeof *etal_words; k++) {
        size_t l = strlen(etal_words[k]);
        if (n > l && !strcmp(s + n - l, etal_words[k])) {  /* the final '.' is gone already */
            out->etal = true;
            s[n - l] = 0;
            n = strlen(s);
            while (n && (s[n - 1] == ' ' || s[n - 1] == ',')) s[--n] = 0;
            break;
        }
    }
    bool ok = n > 0;
    if (ok && !inverted_list(s, " and ", out) && !inverted_list(s, ";", out)) {
        bool etal = out->etal, list = strchr(s, ',') != NULL || etal || strstr(s, " and ") != NULL;
        lit_md_names_free(out);
        out->etal = etal;
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
            else if (!strncmp(q, "& ", 2)) q += 2;
            if (q > e) q = e;   /* ", and C": the separator itself starts with " and " */
            size_t len = (size_t)(e - q);
            while (len && q[len - 1] == ' ') len--;
            if (len) {
                char *item = lit_md_strndup(q, len);
                if (name_item(q, len, list) || (!memchr(q, ' ', len) && name_word(q, len) && !gerund(q, len)) ||
                    only_initials(item))
                    names_add(out, q, len);
                else
                    ok = false;
                free(item);
            }
            p = *e ? e + seplen : e;
        }
    }
    free(s);
    /* items that are not full names pair up as "Family, Given": initials after each family
     * name (APA: "Kiesler, S., Siegel, J., & McGuire, T. W."), or the first author
     * inverted (MLA); one-word items otherwise are family names ("Cinelli, Forney, Pearl") */
    size_t inits = 0;
    for (size_t i = 0; ok && i < out->n; i++) inits += only_initials(out->v[i]);
    if (ok && inits) {
        bool apa = out->n % 2 == 0;
        for (size_t i = 0; apa && i < out->n; i += 2) apa = family_word(out->v[i]) && only_initials(out->v[i + 1]);
        if (apa) pair_items(out);
        else ok = false;
    } else if (ok && mla_first(out)) {
        char *full = lit_xmalloc(strlen(out->v[0]) + strlen(out->v[1]) + 2);
        sprintf(full, "%s %s", out->v[1], out->v[0]);
        free(out->v[0]);
        free(out->v[1]);
        out->v[0] = full;
        memmove(out->v + 1, out->v + 2, (out->n - 2) * sizeof *out->v);
        out->n--;
    }
    /* "Social, and Biomedical Sciences": a family name alone before full names is a title's
     * words; so is one name that ends in a long -ing word ("by Speaker Clustering") */
    for (size_t i = 1; ok && !inits && out->n >= 2 && !strchr(out->v[0], ' ') && i < out->n; i++)
        if (strchr(out->v[i], ' ')) ok = false;
    if (ok && out->n == 1 && !out->etal) {
        const char *lw = strrchr(out->v[0], ' ');
        if (lw && gerund(lw + 1, strlen(lw + 1))) ok = false;
    }
    if (ok && out->n) {   /* "Jensen C S." ends the list: its point is the list's, not an initial's */
        char *l = out->v[out->n - 1], *dot = strchr(l, '.');
        if (dot && !dot[1]) *dot = 0;
    }
    if (!ok || out->n == 0 || (out->n < 2 && !out->etal && one_ok < (strchr(out->v[0], ' ') ? 1 : 2))) {
        lit_md_names_free(out);
        return 0;
    }
    return out->n;
}

/* Where a name list may end: at a sentence end ("Hopper. Preprint"), before a group
 * "(2019)", before ", 2019", at emphasis or a link, before a dash or bar, at a colon
 * before a delimited title ("Ada Lovelace, Alan Turing: [Title](url)"). */
static bool names_end(const char *s, size_t k)
{
    char c = s[k];
    if (!c || IS_MARK(c)) return true;
    if (c == ':' && s[k + 1] == ' ' && (s[k + 2] == M_LINK_OPEN || s[k + 2] == M_EM_OPEN)) return true;
    if (c == '.' && (s[k + 1] == ' ' || !s[k + 1] || IS_MARK(s[k + 1])))
        return true;   /* after an initial too: the longest list is tried first ("Grace B. Hopper") */
    if (c == ' ' && (s[k + 1] == '(' || s[k + 1] == '[')) return true;
    if (c == '(' && k && isalpha((unsigned char)s[k - 1]) && isdigit((unsigned char)s[k + 1])) return true;   /* "Yu HT(2021)" */
    if (c == ',' && s[k + 1] == ' ' && isdigit((unsigned char)s[k + 2])) return true;
    if (c == ',' && k >= 6 && (!strncmp(s + k - 6, " et al", 6) || (k >= 7 && !strncmp(s + k - 7, " et al.", 7))))
        return true;   /* "Jung Uk Kim et al, Arxiv." */
    if (c == ',' && s[k + 1] == ' ' && !strncasecmp(s + k + 2, "arxiv", 5)) return true;   /* "Juntang Zhuang, Arxiv." */
    if (c == ' ' && k >= 6 && !strncmp(s + k - 6, " et al", 6) && isdigit((unsigned char)s[k + 1]))
        return true;   /* "Eisenstein et al 2010" */
    if (c == ' ' && (s[k + 1] == '-' || s[k + 1] == '|') && s[k + 2] == ' ') return true;
    if (c == ' ' && (unsigned char)s[k + 1] == 0xE2 && (unsigned char)s[k + 2] == 0x80 &&
        ((unsigned char)s[k + 3] == 0x93 || (unsigned char)s[k + 3] == 0x94)) return true;
    return false;
}

size_t lit_md_take_names(const char *s, int one_ok, names *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(s);
    for (size_t k = n + 1; k-- > 1;) {
        if (!names_end(s, k)) continue;
        size_t len = k + (s[k] == '.');   /* "et al." keeps its point */
        char *pre = lit_md_strndup(s, len);
        size_t got = lit_md_split_names(pre, one_ok, out);
        free(pre);
        if (got) return len;
    }
    return 0;
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
    char *pre = lit_md_strndup(t, (size_t)(dot - t));
    names nm;
    size_t nn = lit_md_split_names(pre, false, &nm);
    lit_md_names_free(&nm);
    free(pre);
    return nn >= 2;
}
