/* topics_match.c - section headings to topics: by name, loosely (word sets, see topics.h),
 * headings that are never topics, and new topics for the rest: a list's own taxonomy. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "buf.h"
#include "outfile.h"
#include "topics.h"
#include "venues.h"

#define MAX_WORDS 24
#define WORD_LEN 32

/* A heading or name as a sorted set of stemmed words; too many words: no loose match. */
typedef struct wordset { char w[MAX_WORDS][WORD_LEN]; int n; bool overflow; } wordset;

/* Rule 4: stop words. Connectives and list words are also cut from the ends of a list's
 * title to make a topic label of it. */
static const char *const connectives[] = {
    "a", "an", "the", "and", "or", "of", "for", "on", "in", "with", "to", "via", "by", "at", "from",
    "towards", "toward", "into", "vs", "versus", "using", "based", "their", "our", "my", "your", "this",
    "these", "some", "all", NULL,
};
static const char *const list_words[] = {
    "awesome", "paper", "papers", "list", "lists", "curated", "reading", "must", "read", "selected",
    "recent", "conference", "conferences", "accepted", "related", "year", "years", "before", "after",
    "since", "older", NULL,
};

/* Words a heading may add to a topic's name and still mean that topic: qualifiers of
 * every topic in a list of (ML) systems papers, and generic words. A name keeps them
 * ("Traditional ML" is not "Traditional"). */
static const char *const weak_words[] = {
    "llm", "llms", "lm", "lms", "ml", "dl", "dnn", "dnns", "ai", "genai", "system", "systems",
    "efficient", "efficiency", "optimization", "optimizing", "gpu", "gpus", "large", "scale", "scalable",
    "distributed", "infrastructure", "framework", "frameworks", "design", "general", "accelerating",
    "acceleration", "fast", "practical", "new", "modern", "advanced", "technique", "techniques", NULL,
};

/* Catch-all headings (the first word is one of these: "Others", "Other things", "Misc"):
 * below a heading that gives a topic they mean the rest of that topic. */
static const char *const catch_alls[] = {"other", "others", "misc", "miscellaneous", NULL};

/* Headings of a list's furniture, never topics (compared as word sets). */
static const char *const never_topics[] = {
    "Contents", "Table of Contents", "TOC", "Contributing", "How to Contribute", "Contributors",
    "License", "Licence", "Acknowledgements", "Acknowledgments", "Acknowledge", "Citation", "How to Cite",
    "Cite", "Related Lists", "Related Repos", "Related Repositories", "Related Projects",
    "Related Works", "See Also", "Introduction", "Overview", "About", "News",
    "Updates", "Changelog", "Star History", "Stargazers over time", "Contact", "Todo", "FAQ",
    "References", "General", "Without a topic", "Quick Links", "Catalog", "Notes", "Download", "Conferences",
    "Journals", "Workshops", "Preprints", NULL,
};

static bool in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list)) return true;
    return false;
}

static bool trimmable(const char *w) { return in_list(w, connectives) || in_list(w, list_words); }

static bool ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && !strcmp(w + n - k, suf);
}

/* Rule 5: strips suffixes while a stem of three letters or more remains. */
static void stem(char *w)
{
    size_t n = strlen(w);
    if (n <= 3) return;
    if (ends(w, n, "ies")) strcpy(w + n - 3, "y");
    else if (ends(w, n, "sses")) w[n - 2] = 0;
    else if (w[n - 1] == 's' && !strchr("siu", w[n - 2])) w[n - 1] = 0;
    static const char *const sufs[] = {"ing", "ation", "ion", "ism", "ed", "e"};
    for (bool again = true; again;) {
        again = false;
        n = strlen(w);
        for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++) {
            size_t k = strlen(sufs[i]);
            if (!ends(w, n, sufs[i]) || n - k < 3) continue;
            w[n - k] = 0;
            n -= k;
            /* "debugging" -> "debug", "modelling" -> "model" */
            if (k <= 3 && sufs[i][0] != 'e' && n >= 4 && w[n - 1] == w[n - 2] && !strchr("aeiousz", w[n - 1]))
                w[--n] = 0;
            again = sufs[i][0] != 'e';
            break;
        }
    }
}

static int cmp_word(const void *a, const void *b) { return strcmp(a, b); }

/* Rules 1-6: the word set of s; weak words go to weak when it is given. */
static void words_of(const char *s, wordset *ws, wordset *weak)
{
    memset(ws, 0, sizeof *ws);
    if (weak) memset(weak, 0, sizeof *weak);
    char w[WORD_LEN * 2];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s;; p++) {
        if (*p && (isalnum(*p) || *p >= 0x80)) {
            if (n < sizeof w - 1) w[n++] = (char)(*p < 0x80 ? tolower(*p) : *p);
            continue;
        }
        w[n] = 0;
        bool digits = n > 0 && strspn(w, "0123456789") == n;
        if (n && !digits && !trimmable(w)) {
            bool is_weak = in_list(w, weak_words);
            stem(w);
            wordset *to = is_weak && weak ? weak : ws;
            if (strlen(w) >= WORD_LEN || to->n == MAX_WORDS) ws->overflow = true;
            else memcpy(to->w[to->n++], w, strlen(w) + 1);
        }
        n = 0;
        if (!*p) break;
    }
    qsort(ws->w, (size_t)ws->n, WORD_LEN, cmp_word);
}

static bool has_word(const wordset *ws, const char *w)
{
    return bsearch(w, ws->w, (size_t)ws->n, WORD_LEN, cmp_word) != NULL;
}

/* Whether every word of a is in b. */
static bool subset(const wordset *a, const wordset *b)
{
    for (int i = 0; i < a->n; i++)
        if (!has_word(b, a->w[i])) return false;
    return true;
}

/* The word sets of the names (id, label, short label, aliases) of the first n topics:
 * those of topic t are ws[start[t]] to ws[start[t + 1]]. */
struct lit_name_words { wordset *ws; size_t *start; size_t n; };

static struct lit_name_words *name_words(const lit_topics *ts, size_t n)
{
    struct lit_name_words *nw = lit_xcalloc(1, sizeof *nw);
    nw->start = lit_xcalloc(n + 1, sizeof *nw->start);
    size_t total = 0;
    for (size_t t = 0; t < n; t++) total += 3 + ts->t[t].n_aliases;
    nw->ws = lit_xcalloc(total + 1, sizeof *nw->ws);
    nw->n = n;
    size_t k = 0;
    for (size_t t = 0; t < n; t++) {
        const lit_topic *x = &ts->t[t];
        nw->start[t] = k;
        for (size_t i = 0; i < 3 + x->n_aliases; i++) {
            const char *name = i == 0 ? x->id : i == 1 ? x->label : i == 2 ? x->short_label : x->aliases[i - 3];
            if (name) words_of(name, &nw->ws[k++], NULL);
        }
    }
    nw->start[n] = k;
    return nw;
}

static void name_words_free(struct lit_name_words *nw)
{
    if (!nw) return;
    free(nw->ws);
    free(nw->start);
    free(nw);
}

/* Marks the words of h that the names of topic t and of its ancestors cover, names whose
 * words are all in the heading (all); returns whether a name of t itself is one. */
static bool cover(const lit_topics *ts, const struct lit_name_words *nw, int t, const wordset *h,
                  const wordset *all, bool *covered)
{
    bool own = false;
    for (int a = t; a >= 0; a = ts->t[a].parent_ix) {
        if ((size_t)a >= nw->n) continue;
        for (size_t i = nw->start[a]; i < nw->start[a + 1]; i++) {
            const wordset *w = &nw->ws[i];
            if (!w->n || w->overflow || !subset(w, all)) continue;
            if (a == t) own = true;
            for (int k = 0; k < h->n; k++) covered[k] |= has_word(w, h->w[k]);
        }
    }
    return own;
}

/* Rule 1: the heading without emoji, symbols, joiners and variation selectors, without a
 * section number in front ("2.1 ", "3. ") or a colon at its end, spaces collapsed. */
static char *clean_heading(const char *s)
{
    lit_buf b = LIT_BUF_INIT;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0) { p++; continue; }
        utf8proc_category_t cat = utf8proc_category(cp);
        bool drop = cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SK || cat == UTF8PROC_CATEGORY_CO ||
                    cat == UTF8PROC_CATEGORY_CF || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x20E3 ||
                    (cp >= 0x1F3FB && cp <= 0x1F3FF);
        if (!drop) lit_buf_add(&b, (const char *)p, (size_t)k);
        p += k;
    }
    char *h = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    /* a section number: digits and dots (or a closing parenthesis), then a space */
    size_t i = strspn(h, "0123456789.");
    if (i && (h[i] == ' ' || h[i] == ')')) memmove(h, h + i + 1, strlen(h + i + 1) + 1);
    /* "[Network Stack]": a heading in brackets */
    size_t len = strlen(h);
    if (len > 2 && h[0] == '[' && h[len - 1] == ']' && !strchr(h + 1, '[')) {
        memmove(h, h + 1, len - 2);
        h[len - 2] = 0;
    }
    char *o = h;
    for (const char *q = h; *q; q++)
        if (!(*q == ' ' && (o == h || o[-1] == ' '))) *o++ = *q;
    *o = 0;
    while (o > h && (o[-1] == ' ' || o[-1] == ':')) *--o = 0;
    return h;
}

/* Whether the word set of heading is that of one of the names. */
static bool one_of(const char *heading, const char *const *names)
{
    wordset h;
    words_of(heading, &h, NULL);
    for (; *names; names++) {
        wordset n;
        words_of(*names, &n, NULL);
        if (n.n == h.n && subset(&n, &h)) return true;
    }
    return false;
}

static bool is_ancestor(const lit_topics *ts, int a, int t)
{
    for (int p = ts->t[t].parent_ix; p >= 0; p = ts->t[p].parent_ix)
        if (p == a) return true;
    return false;
}

/* The match among the topics of nw (an import matches loosely only the topics it started
 * with: the time stays linear in the headings). */
static int match_clean(const lit_topics *ts, const struct lit_name_words *nw, const char *heading)
{
    size_t n = nw->n;
    int ex = lit_topics_find(ts, heading);
    if (ex >= 0) return ex;
    wordset strong, weak, all;
    words_of(heading, &strong, &weak);
    if (strong.overflow || strong.n + weak.n == 0) return -1;
    all = strong;
    if (strong.n + weak.n > MAX_WORDS) return -1;
    for (int i = 0; i < weak.n; i++) memcpy(all.w[all.n++], weak.w[i], WORD_LEN);
    qsort(all.w, (size_t)all.n, WORD_LEN, cmp_word);
    int *hit = lit_xmalloc((n + 1) * sizeof *hit), n_hit = 0;
    for (size_t t = 0; t < n; t++) {
        bool covered[MAX_WORDS] = {0};
        if (!cover(ts, nw, (int)t, &strong, &all, covered)) continue;
        bool ok = true;
        for (int k = 0; k < strong.n; k++) ok &= covered[k];
        if (ok) hit[n_hit++] = (int)t;
    }
    /* the match below all the others; none when two are side by side */
    int best = n_hit ? hit[0] : -1;
    for (int i = 1; i < n_hit; i++)
        if (is_ancestor(ts, best, hit[i])) best = hit[i];
    for (int i = 0; i < n_hit && best >= 0; i++)
        if (hit[i] != best && !is_ancestor(ts, hit[i], best)) best = -1;
    free(hit);
    return best;
}

int lit_topics_match(const lit_topics *ts, const char *raw)
{
    if (!ts || !raw) return -1;
    char *heading = clean_heading(raw);
    struct lit_name_words *nw = name_words(ts, ts->n);
    int t = match_clean(ts, nw, heading);
    name_words_free(nw);
    free(heading);
    return t;
}

/* Whether a heading without the parts in parentheses is furniture (no words, or one of
 * never_topics): "Recent Papers (from most recent to oldest)". */
static bool furniture(const char *heading)
{
    char *s = lit_xstrdup(heading), *o = s;
    int depth = 0;
    for (const char *p = heading; *p; p++) {
        depth += *p == '(';
        if (!depth) *o++ = *p;
        depth -= *p == ')' && depth;
    }
    *o = 0;
    wordset h, weak;
    words_of(s, &h, &weak);
    bool f = (!h.n && !h.overflow) || one_of(s, never_topics);
    free(s);
    return f;
}

/* A year in a heading ("CCS 2024", "OSDI'22", "Others 2020"): it says when, not what. */
static bool has_year(const char *h)
{
    for (const char *p = h; *p; p++) {
        if (p > h && isalnum((unsigned char)p[-1])) continue;
        size_t n = strspn(p, "0123456789");
        if (n == 4 && !isalnum((unsigned char)p[4]) && ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')))
            return true;
        if (n == 2 && p > h && (p[-1] == '\'' || (p - h >= 3 && !strncmp(p - 3, "\xe2\x80\x99", 3))) && !isalnum((unsigned char)p[2]))
            return true;
    }
    return false;
}

/* A heading shaped like a paper's title, not a topic's: a name and a colon before the
 * rest ("Neo: A Learned Query Optimizer"), a question, or more than 7 words. */
static bool title_shaped(const char *h)
{
    size_t n = strlen(h);
    const char *colon = strstr(h, ": ");
    if (colon && colon > h && !memchr(h, ' ', (size_t)(colon - h))) return true;
    if (n && (h[n - 1] == '?' || h[n - 1] == '!')) return true;
    wordset s, weak;
    words_of(h, &s, &weak);
    return s.overflow || s.n + weak.n > 7;
}

static bool never_clean(const struct lit_venues *vs, const char *heading)
{
    if (furniture(heading) || has_year(heading)) return true;
    if (!vs) return false;
    /* a venue, with or without a year: "OSDI 2022", "OSDI'22", "USENIX Security", "S&P" */
    char *v = lit_xstrdup(heading), *o = v;
    for (const char *p = heading; *p; p++) {
        if (isdigit((unsigned char)*p) || *p == '\'') continue;
        *o++ = *p;
    }
    *o = 0;
    const lit_venue *w;
    bool venue = lit_venues_find(vs, v) != NULL || lit_venue_heading(vs, v, &w);   /* "ICML Workshop" */
    free(v);
    return venue;
}

bool lit_heading_never_topic(const struct lit_venues *vs, const char *raw)
{
    char *heading = clean_heading(raw);
    bool never = never_clean(vs, heading);
    free(heading);
    return never;
}

/* ---- an import's headings ---- */

void lit_topic_import_init(lit_topic_import *ti, lit_topics *ts, const struct lit_venues *vs)
{
    memset(ti, 0, sizeof *ti);
    ti->ts = ts;
    ti->vs = vs;
    ti->first_new = ts->n;
}

void lit_topic_import_free(lit_topic_import *ti)
{
    free(ti->notes);
    name_words_free(ti->names);
    lit_alias_map_free(&ti->seen);
    memset(ti, 0, sizeof *ti);
}

/* An id from a label: ASCII letters and digits lower-cased, runs of anything else one '-'
 * (UTF-8 kept), at most 48 bytes; "-2", "-3" ... when it names a topic already. */
static char *new_id(const lit_topics *ts, const char *label)
{
    char base[64];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)label; *p && n < 48; p++) {
        if (isalnum(*p) || *p >= 0x80) base[n++] = (char)(*p < 0x80 ? tolower(*p) : *p);
        else if (n && base[n - 1] != '-') base[n++] = '-';
    }
    while (n && base[n - 1] == '-') n--;
    /* never cut inside a UTF-8 sequence */
    while (n && ((unsigned char)base[n - 1] & 0xC0) == 0xC0) n--;
    base[n] = 0;
    if (!n) snprintf(base, sizeof base, "topic");
    char *id = lit_xmalloc(strlen(base) + 16);
    strcpy(id, base);
    for (int k = 2; lit_topics_find(ts, id) >= 0; k++) sprintf(id, "%s-%d", base, k);
    return id;
}

/* A list title without its list words at either end: "Awesome GUI Agent Paper List" ->
 * "GUI Agent". */
static char *title_label(const char *title)
{
    char *s = lit_xstrdup(title);
    for (bool again = true; again;) {
        again = false;
        size_t n = strlen(s), a = 0, b = n;
        while (a < n && strchr(" -_[]()", s[a])) a++;
        size_t e = a;
        while (e < n && !strchr(" -_[]()", s[e])) e++;
        while (b > 0 && strchr(" -_[]()", s[b - 1])) b--;
        size_t f = b;
        while (f > a && !strchr(" -_[]()", s[f - 1])) f--;
        char first[WORD_LEN * 2], last[WORD_LEN * 2];
        snprintf(first, sizeof first, "%.*s", (int)(e - a), s + a);
        snprintf(last, sizeof last, "%.*s", (int)(b - f), s + f);
        for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
        for (char *c = last; *c; c++) *c = (char)tolower((unsigned char)*c);
        size_t from = a, to = b;
        /* not qualifiers: "LLM" stays in the label */
        if (e < b && trimmable(first)) from = e, again = true;
        else if (f > a && trimmable(last)) to = f, again = true;
        memmove(s, s + from, to - from);
        s[to - from] = 0;
    }
    /* a repository's name: "Machine-Learning-System" is "Machine Learning System" */
    if (!strchr(s, ' '))
        for (char *c = s; *c; c++)
            if (*c == '-' || *c == '_') *c = ' ';
    return s;
}

/* The index in ti->notes of the note of heading raw, made when new; -1 for a heading that
 * is never remembered. Notes are named by index, never by pointer: they grow as headings
 * come, and a pointer held across a call that may add one would dangle. */
static long note_of(lit_topic_import *ti, const char *raw, bool title)
{
    char *h = clean_heading(raw);
    int32_t got = lit_alias_map_find(&ti->seen, h);
    if (got >= 0) {
        free(h);
        return got;
    }
    long at = (long)ti->n_notes;
    LIT_GROW(ti->notes, ti->cap_notes, ti->n_notes + 1);
    lit_heading_note *nt = &ti->notes[at];
    memset(nt, 0, sizeof *nt);
    nt->heading = lit_arena_strdup(&ti->ts->arena, h);
    nt->topic = nt->fallback = -1;
    nt->how = '-';
    int ex = lit_topics_find(ti->ts, h);
    if (ex < 0 && title) {
        /* a title names a topic by its subject: "Awesome Learned Database Papers" */
        char *label = title_label(h);
        ex = lit_topics_find(ti->ts, label);
        free(label);
    }
    if (ex >= 0) nt->topic = ex, nt->how = 'e';
    else if (!never_clean(ti->vs, h)) {
        if (!ti->names) ti->names = name_words(ti->ts, ti->first_new);
        nt->topic = match_clean(ti->ts, ti->names, h);
        nt->how = nt->topic >= 0 ? 'l' : title || title_shaped(h) ? '-' : '?';
    }
    /* a heading without letters or digits is not remembered: it is never a topic */
    if (lit_alias_map_add(&ti->seen, &ti->ts->arena, h, (int32_t)at) == (int32_t)at) ti->n_notes++;
    else at = -1;
    free(h);
    return at;
}

/* The index of the note that gives the topic of headings heads[0..k], or -1. Each
 * recursive call may add notes: read ti->notes[at] afresh after it. */
static long resolve(lit_topic_import *ti, const char *const *heads, int k, int title)
{
    for (; k >= 0; k--) {
        long at = note_of(ti, heads[k], k == title);
        if (at < 0 || ti->notes[at].how == '-') continue;
        char first[WORD_LEN] = "";
        sscanf(ti->notes[at].heading, "%31[A-Za-z]", first);
        for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (in_list(first, catch_alls)) {
            long up = resolve(ti, heads, k - 1, title);
            if (up >= 0) return up;
        }
        if (ti->notes[at].how == '?') {
            long up = resolve(ti, heads, k - 1, title);
            int parent = up >= 0 ? ti->notes[up].topic : -1;
            lit_heading_note *nt = &ti->notes[at];
            char *id = new_id(ti->ts, nt->heading);
            nt->topic = lit_topics_add(ti->ts, id, nt->heading, parent);
            nt->how = 'n';
            free(id);
        } else if (ti->notes[at].how == 'n' && ti->notes[at].topic >= 0) {
            /* met again: a parent only where every list agrees on it, so that the
             * catalog does not depend on the order of the files */
            long up = resolve(ti, heads, k - 1, title);
            lit_topic *t = &ti->ts->t[ti->notes[at].topic];
            if (t->parent_ix != (up >= 0 ? ti->notes[up].topic : -1)) t->parent_ix = -1, t->parent = NULL;
        }
        return at;
    }
    return -1;
}

int lit_topic_import_paper(lit_topic_import *ti, const char *const *heads, size_t n, int title, const char *list_title)
{
    long at = resolve(ti, heads, (int)n - 1, title);
    if (at >= 0) {
        ti->notes[at].papers++;
        return ti->notes[at].topic;
    }
    /* no heading gives a topic: the list's subject does */
    if (title >= 0 && (size_t)title < n) list_title = heads[title];
    at = list_title ? note_of(ti, list_title, true) : -1;
    if (at < 0) return -1;
    lit_heading_note *t = &ti->notes[at];
    if (t->fallback < 0) {
        char *label = title_label(t->heading);
        int m = t->topic;
        if (m < 0 && !lit_heading_never_topic(ti->vs, label)) {
            char *id = new_id(ti->ts, label);
            m = lit_topics_add(ti->ts, id, label, -1);
            free(id);
        }
        t->fallback = m;
        free(label);
    }
    if (t->fallback >= 0) t->papers++;
    return t->fallback;
}

static size_t count_how(const lit_topic_import *ti, char how)
{
    size_t n = 0;
    for (size_t i = 0; i < ti->n_notes; i++) n += ti->notes[i].how == how && ti->notes[i].papers;
    return n;
}

/* The topic a note's papers got: its own, or its title's. */
static int note_topic(const lit_heading_note *nt) { return nt->topic >= 0 ? nt->topic : nt->fallback; }

void lit_topic_import_report(const lit_topic_import *ti, FILE *f)
{
    size_t made = 0, loose = count_how(ti, 'l');
    for (size_t i = 0; i < ti->n_notes; i++)
        made += (ti->notes[i].papers || ti->notes[i].how == 'n') && note_topic(&ti->notes[i]) >= (int)ti->first_new;
    if (!made && !loose) return;
    lit_diag_print(f, "topics: %zu new from section headings, %zu headings matched loosely (--topics-out FILE writes them for topics.yaml):\n",
                   made, loose);
    for (size_t i = 0; i < ti->n_notes; i++) {
        const lit_heading_note *nt = &ti->notes[i];
        int t = note_topic(nt);
        if ((!nt->papers && nt->how != 'n') || t < 0) continue;
        const lit_topic *x = &ti->ts->t[t];
        if (nt->how == 'l')
            lit_diag_print(f, "  loose  \"%s\" -> %s (%zu paper%s)\n", nt->heading, x->id, nt->papers, nt->papers == 1 ? "" : "s");
        else if (t >= (int)ti->first_new)
            lit_diag_print(f, "  new    %s \"%s\"%s%s%s (%zu paper%s)\n", x->id, x->label, nt->how == 'n' ? "" : " from the list's title",
                           x->parent ? " under " : "", x->parent ? x->parent : "", nt->papers, nt->papers == 1 ? "" : "s");
    }
}

static void yaml_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* used[t - first_new]: whether topic t, made by the import, is a topic of a paper of c
 * or the ancestor of one. */
static bool *used_new(const lit_topic_import *ti, const lit_catalog *c)
{
    size_t n = ti->ts->n - ti->first_new;
    bool *used = lit_xcalloc(n + 1, sizeof *used);
    for (size_t i = 0; i < c->topics.n; i++) {
        for (int t = lit_topics_find(ti->ts, c->topics.names[i]); t >= (int)ti->first_new; t = ti->ts->t[t].parent_ix)
            used[t - (int)ti->first_new] = true;
    }
    return used;
}

static int cmp_def(const void *a, const void *b)
{
    return strcmp(((const lit_topic_def *)a)->id, ((const lit_topic_def *)b)->id);
}

void lit_topic_import_defs(const lit_topic_import *ti, lit_catalog *c)
{
    bool *used = used_new(ti, c);
    size_t from = c->n_topic_defs;
    for (size_t t = ti->first_new; t < ti->ts->n; t++) {
        if (!used[t - ti->first_new]) continue;
        const lit_topic *x = &ti->ts->t[t];
        LIT_GROW(c->topic_defs, c->cap_topic_defs, c->n_topic_defs + 1);
        lit_topic_def *def = &c->topic_defs[c->n_topic_defs++];
        memset(def, 0, sizeof *def);
        def->id = lit_arena_strdup(&c->arena, x->id);
        def->label = lit_arena_strdup(&c->arena, x->label);
        def->parent = lit_arena_strdup(&c->arena, x->parent);
    }
    /* by id, so that the catalog does not depend on the order of the input files */
    if (c->n_topic_defs > from) qsort(c->topic_defs + from, c->n_topic_defs - from, sizeof *c->topic_defs, cmp_def);
    free(used);
}

int lit_topic_import_write(const lit_topic_import *ti, const lit_catalog *c, const char *path, lit_diag *d)
{
    lit_outfile o;
    if (lit_outfile_open(&o, path, d) != 0) return -1;
    FILE *f = o.fp;
    fputs("# Section headings the taxonomy did not name (litsurvey import --topics-out). Append the\n"
          "# entries below to the `topics:` list of topics.yaml, edited as you like: an entry with\n"
          "# only an id and aliases adds them to that topic; the others are new topics.\n"
          "topics:\n", f);
    for (size_t i = 0; i < ti->n_notes; i++) {
        const lit_heading_note *nt = &ti->notes[i];
        if (nt->how != 'l' || !nt->papers) continue;
        fprintf(f, "  - id: %s\n    aliases: [", ti->ts->t[nt->topic].id);
        yaml_str(f, nt->heading);
        fprintf(f, "]   # %zu papers\n", nt->papers);
    }
    bool *used = used_new(ti, c);
    for (size_t t = ti->first_new; t < ti->ts->n; t++) {
        if (!used[t - ti->first_new]) continue;
        size_t papers = 0;
        for (size_t i = 0; i < ti->n_notes; i++) papers += note_topic(&ti->notes[i]) == (int)t ? ti->notes[i].papers : 0;
        const lit_topic *x = &ti->ts->t[t];
        fprintf(f, "  - id: %s\n    label: ", x->id);
        yaml_str(f, x->label);
        fprintf(f, "   # %zu papers\n", papers);
        if (x->parent) fprintf(f, "    parent: %s\n", x->parent);
    }
    free(used);
    return lit_outfile_commit(&o, d);
}
