/* dedupe.c - duplicate papers: normalised titles (utf8proc), system names, identifiers; blocking, merge with provenance, stable keys. */
#include "dedupe.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "keys.h"

#define BLOCK_WINDOW 8     /* each paper is compared with at most this many earlier block members */
#define MIN_TITLE_KEY 12   /* shorter normalised titles match only at the same venue and year */


/* ---------- venue classes ---------- */

enum { V_NONE, V_PREPRINT, V_REVIEWED };

static int venue_class(const lit_catalog *c, const lit_venues *vs, const lit_paper *p)
{
    const char *v = lit_catalog_venue(c, p->venue);
    if (!v) return V_NONE;
    const lit_venue *ve = vs ? lit_venues_find(vs, v) : NULL;
    if (ve) return lit_venue_is_reviewed(ve) ? V_REVIEWED : V_PREPRINT;
    return strcasecmp(v, "arxiv") == 0 || strcasecmp(v, "corr") == 0 ? V_PREPRINT : V_REVIEWED;
}

/* ---------- blocking ---------- */

typedef struct bkey { uint64_t h; const char *s; uint32_t idx; uint8_t kind; } bkey;

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int bkey_cmp(const void *x, const void *y)
{
    const bkey *a = x, *b = y;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    if (a->h != b->h) return a->h < b->h ? -1 : 1;
    int c = strcmp(a->s, b->s);
    if (c) return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}


/* A system name for comparing: normalised like titles, spaces dropped ("{TVM}" = "TVM",
 * "$P^3$" = "P3", "APNET" = "APNet", "Tux²" = "Tux2"). malloc'd. */
static char *short_key(const char *s)
{
    char *k = lit_title_norm(s), *o = k;
    for (const char *p = k; *p; p++) if (*p != ' ') *o++ = *p;
    *o = 0;
    return k;
}

static bool same_short(const char *a, const char *b)
{
    char *fa = short_key(a), *fb = short_key(b);
    bool r = strcmp(fa, fb) == 0;
    free(fa); free(fb);
    return r;
}

/* A thesis: its BibTeX type, or a venue that says so ("Master's thesis, MIT"). */
static bool is_thesis(const lit_catalog *c, const lit_paper *p)
{
    for (uint32_t i = 0; i < p->n_extras; i++)
        if (!strcmp(p->extras[i].key, "bibtype") && p->extras[i].value.kind == LIT_NODE_SCALAR && p->extras[i].value.str &&
            strstr(p->extras[i].value.str, "thesis"))
            return true;
    const char *v = lit_catalog_venue(c, p->venue);
    if (!v) return false;
    char *f = lit_title_norm(v);
    bool t = strstr(f, "thesis") || strstr(f, "dissertation");
    free(f);
    return t;
}

/* Whether two papers that share a key (of kind reason) can be the same; why says what
 * conflicts. ka, kb: their system names' short_key (NULL without one), made once per paper. */
static bool compatible(const lit_catalog *c, const lit_venues *vs, const lit_paper *a, const lit_paper *b,
                       int reason, const char *ka, const char *kb, const char **why)
{
    /* the same place in one list, the title starting the same way: one entry, edited (its
     * year or venue fixed); import -m then reports what changed */
    if (reason == LIT_MATCH_SOURCE) return true;
    int ca = venue_class(c, vs, a), cb = venue_class(c, vs, b);
    if (is_thesis(c, a) != is_thesis(c, b)) {   /* a master's thesis and the paper with its title */
        *why = "a thesis and a paper are two documents";
        return false;
    }
    /* the same DOI or arXiv id is one paper whatever two lists call it ("DeepSpeed" and
     * "ZeRO"); a copied identifier shows in titles that share no word (checked by the caller) */
    if (ka && kb && strcmp(ka, kb) != 0 && reason != LIT_MATCH_DOI && reason != LIT_MATCH_ARXIV) {
        *why = "different system names";
        return false;
    }
    if (a->n_authors && b->n_authors && !lit_authors_share(a, b)) {   /* the matching rule resolve keeps */
        *why = "no author in common";
        return false;
    }
    if (ca == V_REVIEWED && cb == V_REVIEWED && a->venue != b->venue &&
        strcmp(lit_catalog_venue(c, a->venue), lit_catalog_venue(c, b->venue)) != 0) {
        *why = "different peer-reviewed venues";
        return false;
    }
    if (a->year && b->year && a->year != b->year) {
        int d = a->year - b->year;
        int ad = d < 0 ? -d : d;
        bool ok;
        if (ca == V_REVIEWED && cb == V_REVIEWED) ok = false;
        else if (ca == V_PREPRINT && cb == V_REVIEWED) ok = d >= -3 && d <= 1;
        else if (cb == V_PREPRINT && ca == V_REVIEWED) ok = -d >= -3 && -d <= 1;
        else ok = ad <= 2;
        if (a->year_inferred || b->year_inferred) ok = ok || ad <= 3;
        if (!ok) { *why = "years too far apart"; return false; }
    }
    return true;
}

/* ---------- title agreement (what a shared system name needs) ---------- */

static bool same_start(const char *a, const char *b);

/* Distinct content words (3+ letters, no stop word) of normalised s; *n of them. malloc'd
 * array of pointers into s, which is cut into words. */
static char **content_words(char *s, size_t *n)
{
    char **w = lit_xmalloc((strlen(s) / 2 + 2) * sizeof *w);
    *n = 0;
    for (char *tok = strtok(s, " "); tok; tok = strtok(NULL, " ")) {
        size_t l = strlen(tok);
        bool dup = l < 3 || lit_title_stop_word(tok, l);
        for (size_t i = 0; i < *n && !dup; i++) dup = !strcmp(w[i], tok);
        if (!dup) w[(*n)++] = tok;
    }
    return w;
}

/* Whether two thirds of the content words of the shorter title (at least three) are in
 * the other: "Optimizing the Network Topology for Distributed DNN Training" and "Co-optimizing
 * Network Topology and Parallelization Strategy for Distributed Training Jobs". */
static bool words_overlap(const char *a, const char *b)
{
    char *ca = lit_xstrdup(a), *cb = lit_xstrdup(b);
    size_t na, nb, shared = 0;
    char **wa = content_words(ca, &na), **wb = content_words(cb, &nb);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) if (!strcmp(wa[i], wb[j])) { shared++; break; }
    size_t fewer = na < nb ? na : nb;
    free(wa); free(wb); free(ca); free(cb);
    return shared >= 3 && 3 * shared >= 2 * fewer;
}

/* Whether the titles (normalised) have a content word in common. */
static bool share_word(const char *a, const char *b)
{
    char *ca = lit_xstrdup(a), *cb = lit_xstrdup(b);
    size_t na, nb;
    bool shared = false;
    char **wa = content_words(ca, &na), **wb = content_words(cb, &nb);
    for (size_t i = 0; i < na && !shared; i++)
        for (size_t j = 0; j < nb && !shared; j++) shared = !strcmp(wa[i], wb[j]);
    free(wa); free(wb); free(ca); free(cb);
    return shared;
}

/* s without its spaces, in place. */
static char *compact(char *s)
{
    char *o = s;
    for (const char *p = s; *p; p++) if (*p != ' ') *o++ = *p;
    *o = 0;
    return s;
}

/* Edit distance of a and b, or more than max when it is (bounded: rows of b's length). */
static size_t edit_distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > max) return max + 1;
    size_t *row = lit_xmalloc((lb + 1) * sizeof *row);
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v) v = up + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            diag = up;
            row[j] = v;
            if (v < best) best = v;
        }
        if (best > max) { free(row); return max + 1; }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

/* Whether title starts "NAME: " with NAME the system name short. */
static bool title_names(const char *title, const char *short_name)
{
    const char *colon = title && short_name ? strstr(title, ": ") : NULL;
    if (!colon || colon == title || colon - title > 64) return false;
    char buf[72];
    snprintf(buf, sizeof buf, "%.*s", (int)(colon - title), title);
    return same_short(buf, short_name);
}

/* Whether the titles of a and b (normalised na, nb; sa, sb without a system-name prefix,
 * or NULL) can be one paper's: one is the system name alone, they start with the same
 * three words or one starts the other (a shortened title), they share two thirds of their
 * words (a renamed version), they differ by a typo (edit distance of a tenth), or only one names
 * the system ("BytePS: ...") and the other names none (a list's label for that paper). */
static bool titles_agree(const lit_paper *a, const lit_paper *b, const char *na, const char *nb, const char *sa,
                         const char *sb)
{
    if (same_start(sa ? sa : na, sb ? sb : nb) || words_overlap(sa ? sa : na, sb ? sb : nb)) return true;
    char *ka = compact(lit_xstrdup(sa ? sa : na)), *kb = compact(lit_xstrdup(sb ? sb : nb));
    char *name = short_key(a->short_name ? a->short_name : b->short_name ? b->short_name : "");
    char *ta = compact(lit_xstrdup(na)), *tb = compact(lit_xstrdup(nb));
    size_t la = strlen(ka), lb = strlen(kb), lmax = la > lb ? la : lb, lmin = la < lb ? la : lb;
    bool agree = !*ka || !*kb || !strcmp(ta, name) || !strcmp(tb, name) ||
                 (lmin >= 10 && !strncmp(ka, kb, lmin)) || edit_distance(ka, kb, lmax / 10) <= lmax / 10;
    if (!agree && (sa == NULL) != (sb == NULL)) {
        const lit_paper *named = sa ? a : b, *other = sa ? b : a;
        agree = title_names(named->title, named->short_name ? named->short_name : other->short_name);
    }
    free(ka); free(kb); free(name); free(ta); free(tb);
    return agree;
}

/* Normalised titles that start with the same three words, or one the start of the other. */
static bool same_start(const char *a, const char *b)
{
    size_t i = 0, words = 0;
    while (a[i] && a[i] == b[i]) { if (a[i] == ' ') words++; i++; }
    return (!a[i] || !b[i]) ? i > 0 : words >= 3;
}

/* Imported from BibTeX (it has the entry type the importer keeps). */
static bool from_bib(const lit_paper *p)
{
    for (uint32_t i = 0; i < p->n_extras; i++) if (!strcmp(p->extras[i].key, "bibtype")) return true;
    return false;
}

/* The same family name for both first authors ("D. Narayanan", "Deepak Narayanan"). */
static bool same_first_author(const lit_paper *a, const lit_paper *b)
{
    if (!a->n_authors || !b->n_authors) return false;
    char *fa = lit_name_surname(a->authors[0]), *fb = lit_name_surname(b->authors[0]);
    bool r = *fa && strcmp(fa, fb) == 0;
    free(fa); free(fb);
    return r;
}


/* An entry of a bibliography (.bib, CSL-JSON, RIS) rather than of a list: BibTeX's type,
 * a key (lists give none; an existing catalog's papers are not asked), or its file. */
static bool from_bib_file(const lit_paper *p);

static bool is_record(const lit_paper *p)
{
    if (p->key && *p->key) return true;
    return from_bib_file(p);
}

/* Imported from a bibliography: BibTeX's type, or a source that is a .bib, CSL-JSON or RIS file. */
static bool from_bib_file(const lit_paper *p)
{
    if (from_bib(p)) return true;
    const char *l = lit_paper_first_list(p), *dot = l ? strrchr(l, '.') : NULL;
    return dot && (!strcasecmp(dot, ".bib") || !strcasecmp(dot, ".json") || !strcasecmp(dot, ".ris"));
}

static void add_match(lit_dedupe *dd, const lit_catalog *c, uint32_t a, uint32_t b, int reason, bool unsure,
                      const char *why)
{
    if (a > b) { uint32_t t = a; a = b; b = t; }
    LIT_GROW(dd->m, dd->cap, dd->n + 1);
    lit_match *m = &dd->m[dd->n++];
    memset(m, 0, sizeof *m);
    m->a = a; m->b = b; m->reason = reason; m->unsure = unsure; m->why = why;
    const lit_paper *pa = &c->papers[a], *pb = &c->papers[b];
    /* a paper read from a catalog file is shown at its place there; a new one at its list's */
    m->a_list = pa->line > 0 && c->path ? c->path : lit_paper_first_list(pa) ? lit_paper_first_list(pa) : c->path;
    m->b_list = pb->line > 0 && c->path ? c->path : lit_paper_first_list(pb) ? lit_paper_first_list(pb) : c->path;
    m->a_line = pa->line > 0 && c->path ? pa->line : lit_paper_first_line(pa);
    m->b_line = pb->line > 0 && c->path ? pb->line : lit_paper_first_line(pb);
    m->a_title = pa->title;
    m->b_title = pb->title;
}

static int match_cmp(const void *x, const void *y)
{
    const lit_match *a = x, *b = y;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    if (a->unsure != b->unsure) return a->unsure ? 1 : -1;
    return a->reason - b->reason;
}

void lit_dedupe_find(const lit_catalog *c, const lit_venues *vs, lit_dedupe *dd)
{
    memset(dd, 0, sizeof *dd);
    size_t n = c->n_papers, nk = 0, cap = 0;
    bkey *k = NULL;
    char **owned = NULL;
    size_t n_owned = 0, cap_owned = 0;
    /* each title is normalised once: pairs compare these, not the titles */
    const char **norm = lit_xcalloc(n + 1, sizeof *norm), **strip = lit_xcalloc(n + 1, sizeof *strip);
    const char **skey = lit_xcalloc(n + 1, sizeof *skey);   /* and each system name */
#define KEEP(str) (LIT_GROW(owned, cap_owned, n_owned + 1), owned[n_owned++] = (str))
    for (size_t i = 0; i < n; i++) {
        const lit_paper *p = &c->papers[i];
        char *t1 = lit_title_norm(p->title), *t2 = lit_title_norm_stripped(p->title);
        KEEP(t1);
        norm[i] = t1;
        LIT_GROW(k, cap, nk + 5);
        if (*t1) k[nk++] = (bkey){fnv(t1), t1, (uint32_t)i, LIT_MATCH_TITLE};
        if (t2) {
            KEEP(t2);
            strip[i] = t2;
            if (strlen(t2) >= MIN_TITLE_KEY && strcmp(t1, t2)) k[nk++] = (bkey){fnv(t2), t2, (uint32_t)i, LIT_MATCH_TITLE};
        }
        if (p->arxiv) {
            char *a = lit_arxiv_key(p->arxiv);
            KEEP(a);
            k[nk++] = (bkey){fnv(a), a, (uint32_t)i, LIT_MATCH_ARXIV};
        }
        if (p->doi) {
            char *d = lit_doi_key(p->doi);
            KEEP(d);
            k[nk++] = (bkey){fnv(d), d, (uint32_t)i, LIT_MATCH_DOI};
        }
        for (uint32_t q = 0; q < p->n_sources; q++) {
            const lit_source *src = &p->sources[q];
            if (!src->list || src->line <= 0) continue;
            char *sk = lit_xmalloc(strlen(src->list) + 32);
            sprintf(sk, "%s|%ld", src->list, src->line);
            KEEP(sk);
            LIT_GROW(k, cap, nk + 1);
            k[nk++] = (bkey){fnv(sk), sk, (uint32_t)i, LIT_MATCH_SOURCE};
        }
        LIT_GROW(k, cap, nk + 1);
        if (p->short_name) {
            char *sk = short_key(p->short_name);
            KEEP(sk);
            skey[i] = sk;
        }
        if (p->short_name && p->venue >= 0 && p->year) {
            char *s = lit_xmalloc(strlen(skey[i]) + 64 + strlen(lit_catalog_venue(c, p->venue)));
            sprintf(s, "%s|%s|%d", skey[i], lit_catalog_venue(c, p->venue), p->year);
            KEEP(s);
            k[nk++] = (bkey){fnv(s), s, (uint32_t)i, LIT_MATCH_SYSTEM};
        }
    }
    if (nk) qsort(k, nk, sizeof *k, bkey_cmp);
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && k[j].kind == k[i].kind && k[j].h == k[i].h && !strcmp(k[j].s, k[i].s)) j++;
        for (size_t x = i + 1; x < j; x++)
            for (size_t y = x > i + BLOCK_WINDOW ? x - BLOCK_WINDOW : i; y < x; y++) {
                const lit_paper *a = &c->papers[k[y].idx], *b = &c->papers[k[x].idx];
                if (k[y].idx == k[x].idx) continue;
                const char *why = NULL;
                if (k[i].kind == LIT_MATCH_SOURCE && !same_start(norm[k[y].idx], norm[k[x].idx])) continue;
                bool ok = compatible(c, vs, a, b, k[i].kind, skey[k[y].idx], skey[k[x].idx], &why);
                /* a shared system name is no evidence when the titles say two papers */
                if (ok && k[i].kind == LIT_MATCH_SYSTEM && !titles_agree(a, b, norm[k[y].idx], norm[k[x].idx],
                                                                         strip[k[y].idx], strip[k[x].idx])) {
                    ok = false;
                    why = "the titles disagree";
                }
                /* two .bib entries (a book and an article alike in title): only the same
                 * title, year and first author, or a shared DOI or arXiv id, is evidence */
                if (ok && k[i].kind != LIT_MATCH_DOI && k[i].kind != LIT_MATCH_ARXIV && from_bib(a) && from_bib(b) &&
                    !(strcmp(norm[k[y].idx], norm[k[x].idx]) == 0 && a->year == b->year && same_first_author(a, b))) {
                    ok = false;
                    why = "two BibTeX entries without the same title, year and first author";
                }
                /* lists copy identifiers: a DOI or arXiv id shared by titles that share no word */
                if (ok && (k[i].kind == LIT_MATCH_DOI || k[i].kind == LIT_MATCH_ARXIV) && *norm[k[y].idx] &&
                    *norm[k[x].idx] && !share_word(norm[k[y].idx], norm[k[x].idx])) {
                    ok = false;
                    why = "the titles share no word";
                }
                if (ok && k[i].kind == LIT_MATCH_TITLE && strlen(k[i].s) < MIN_TITLE_KEY &&
                    (a->venue != b->venue || a->year != b->year)) continue;
                add_match(dd, c, k[y].idx, k[x].idx, k[i].kind, !ok, why);
            }
        i = j;
    }
    /* one line per pair: the strongest reason; a pair that merged is not also unsure */
    if (dd->n) qsort(dd->m, dd->n, sizeof *dd->m, match_cmp);
    size_t w = 0;
    for (size_t i = 0; i < dd->n; i++) {
        if (w && dd->m[w - 1].a == dd->m[i].a && dd->m[w - 1].b == dd->m[i].b) continue;
        dd->m[w++] = dd->m[i];
    }
    dd->n = w;
    for (size_t i = 0; i < dd->n; i++) {
        if (dd->m[i].unsure) dd->n_unsure++;
        else dd->n_merged++;
    }
    for (size_t i = 0; i < n_owned; i++) free(owned[i]);
    free(owned);
    free(norm);
    free(strip);
    free(skey);
    free(k);
#undef KEEP
}

/* ---------- union-find ---------- */

static uint32_t uf_find(uint32_t *par, uint32_t x)
{
    while (par[x] != x) { par[x] = par[par[x]]; x = par[x]; }
    return x;
}

static void uf_union(uint32_t *par, uint32_t a, uint32_t b)
{
    a = uf_find(par, a);
    b = uf_find(par, b);
    if (a == b) return;
    if (a < b) par[b] = a; else par[a] = b;  /* the smaller index is the root: deterministic */
}

/* ---------- merge ---------- */

typedef struct mctx {
    const lit_catalog *c;
    const lit_venues *vs;
    size_t n_fixed;
} mctx;

static const mctx *g_ctx;  /* for qsort comparators; merge is not reentrant */

/* Best first: existing paper, reviewed venue, stated year, earlier year, source place. */
static int rank_cmp(const void *x, const void *y)
{
    uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
    const mctx *m = g_ctx;
    const lit_paper *a = &m->c->papers[i], *b = &m->c->papers[j];
    bool fa = i < m->n_fixed, fb = j < m->n_fixed;
    if (fa != fb) return fa ? -1 : 1;
    int ca = venue_class(m->c, m->vs, a), cb = venue_class(m->c, m->vs, b);
    if (ca != cb) return ca > cb ? -1 : 1;
    int ya = a->year ? (a->year_inferred ? 1 : 2) : 0, yb = b->year ? (b->year_inferred ? 1 : 2) : 0;
    if (ya != yb) return ya > yb ? -1 : 1;
    if (a->year != b->year) return a->year < b->year ? -1 : 1;
    int r = lit_paper_place_cmp(a, b);
    if (r) return r;
    return i < j ? -1 : i > j;
}

static double upper_ratio(const char *s)
{
    size_t up = 0, al = 0;
    for (; *s; s++) {
        if (isalpha((unsigned char)*s)) { al++; if (isupper((unsigned char)*s)) up++; }
    }
    return al ? (double)up / (double)al : 0;
}

typedef struct counted { const char *s; size_t i; } counted;

static int counted_cmp(const void *a, const void *b)
{
    return strcmp(((const counted *)a)->s, ((const counted *)b)->s);
}

/* counts[i] = how many of strs equal strs[i]: sorted runs, so a big group stays n log n. */
static void count_equal(const char *const *strs, size_t n, long *counts)
{
    counted *v = lit_xmalloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++) v[i] = (counted){strs[i], i};
    qsort(v, n, sizeof *v, counted_cmp);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && !strcmp(v[j].s, v[i].s); j++) {}
        for (size_t k = i; k < j; k++) counts[v[k].i] = (long)(j - i);
    }
    free(v);
}

/* The title most members agree on (by stripped normalised form, then exact form), then
 * the one in fewer capitals, then the longer, then by rank. */
static const lit_paper *pick_title(const lit_catalog *c, const uint32_t *mem, size_t n)
{
    char **norm = lit_xcalloc(n, sizeof *norm);
    const char **title = lit_xcalloc(n, sizeof *title);
    long *n_norm = lit_xcalloc(n, sizeof *n_norm), *n_title = lit_xcalloc(n, sizeof *n_title);
    for (size_t i = 0; i < n; i++) {
        const char *t = c->papers[mem[i]].title;
        char *s = lit_title_norm_stripped(t);
        norm[i] = s ? s : lit_title_norm(t);
        title[i] = t ? t : "";
    }
    count_equal((const char *const *)norm, n, n_norm);
    count_equal(title, n, n_title);
    size_t best = 0;
    long best_v1 = -1, best_v2 = -1;
    for (size_t i = 0; i < n; i++) {
        const char *ti = title[i];
        long v1 = n_norm[i], v2 = n_title[i];
        bool better = false;
        if (v1 != best_v1) better = v1 > best_v1;
        else if (v2 != best_v2) better = v2 > best_v2;
        else {
            /* not shouting (mostly capitals), then title case over sentence case, then longer */
            const char *tb = c->papers[mem[best]].title ? c->papers[mem[best]].title : "";
            double ui = upper_ratio(ti), ub = upper_ratio(tb);
            bool si = ui > 0.6, sb = ub > 0.6;
            bool same = !strcmp(norm[i], norm[best]);
            if (si != sb) better = !si;
            else if (same && ui != ub) better = ui > ub;
            else better = strlen(ti) > strlen(tb);
        }
        if (better) { best = i; best_v1 = v1; best_v2 = v2; }
    }
    for (size_t i = 0; i < n; i++) free(norm[i]);
    free(norm);
    free(title);
    free(n_norm);
    free(n_title);
    return &c->papers[mem[best]];
}

static int topic_order(const lit_catalog *c, const lit_topics *ts, int32_t t)
{
    int i = ts ? lit_topics_find(ts, lit_catalog_topic(c, t)) : -1;
    /* topics an import made sort by id: their index is the order the files came in */
    return i >= 0 && (size_t)i < ts->n_loaded ? i : 1 << 20;
}

static const lit_topics *g_ts;
static const lit_catalog *g_cat;
static int topic_cmp(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    int oa = topic_order(g_cat, g_ts, a), ob = topic_order(g_cat, g_ts, b);
    if (oa != ob) return oa < ob ? -1 : 1;
    return strcmp(lit_catalog_topic(g_cat, a), lit_catalog_topic(g_cat, b));
}

static int source_cmp(const void *x, const void *y)
{
    const lit_source *a = x, *b = y;
    int r = strcmp(a->list ? a->list : "", b->list ? b->list : "");
    if (r) return r;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    return strcmp(a->section ? a->section : "", b->section ? b->section : "");
}

/* A field two members have: the first's, with what the second adds when both are
 * mappings (keys it lacks: the bib fields of two entries) or sequences (items it lacks). */
static void union_node(lit_arena *ar, lit_node *into, const lit_node *from)
{
    if (into->kind != from->kind || into->kind == LIT_NODE_SCALAR) return;
    size_t w = into->kind == LIT_NODE_MAP ? 2 : 1;
    lit_node *items = lit_arena_alloc(ar, (into->n + from->n + 1) * w * sizeof *items);
    memcpy(items, into->items, into->n * w * sizeof *items);
    size_t n = into->n;
    for (size_t i = 0; i < from->n; i++) {
        const lit_node *k = &from->items[i * w];
        bool have = k->kind != LIT_NODE_SCALAR;
        for (size_t j = 0; j < n && !have; j++)
            have = items[j * w].kind == LIT_NODE_SCALAR && !strcmp(items[j * w].str, k->str);
        if (!have) memcpy(&items[n++ * w], k, w * sizeof *items);
    }
    into->items = items;
    into->n = n;
}

static void change(lit_dedupe *dd, const lit_paper *p, const lit_paper *q, const char *field, const char *old,
                   const char *new_)
{
    LIT_GROW(dd->changes, dd->cap_changes, dd->n_changes + 1);
    dd->changes[dd->n_changes++] = (lit_change){p->key, field, old, new_, q->n_sources ? q->sources[0].list : NULL,
                                                q->n_sources ? q->sources[0].line : 0};
}

/* What the best new entry q says of an existing paper out otherwise: title, venue, year,
 * a link's URL; noted in dd, and taken with dd->update. */
static void compare_new(lit_catalog *c, lit_paper *out, const lit_paper *q, lit_dedupe *dd)
{
    if (q->title && out->title && strcmp(q->title, out->title) != 0) {
        change(dd, out, q, "title", out->title, q->title);
        if (dd->update) { out->title = q->title; out->short_name = q->short_name; }
    }
    if (q->venue >= 0 && q->venue != out->venue) {
        change(dd, out, q, "venue", out->venue >= 0 ? lit_catalog_venue(c, out->venue) : NULL,
               lit_catalog_venue(c, q->venue));
        if (dd->update) out->venue = q->venue;
    }
    if (q->year && !q->year_inferred && q->year != out->year) {
        char *y = lit_arena_alloc(&c->arena, 16), *was = out->year ? lit_arena_alloc(&c->arena, 16) : NULL;
        snprintf(y, 16, "%d", q->year);
        if (was) snprintf(was, 16, "%d", out->year);
        change(dd, out, q, "year", was, y);
        if (dd->update) { out->year = q->year; out->year_inferred = false; }
    }
    for (uint32_t k = 0; k < q->n_links; k++)
        for (uint32_t i = 0; i < out->n_links; i++) {
            if (strcmp(out->links[i].kind, q->links[k].kind) || !strcmp(out->links[i].url, q->links[k].url)) continue;
            char *f = lit_arena_alloc(&c->arena, strlen(q->links[k].kind) + 6);
            sprintf(f, "link %s", q->links[k].kind);
            change(dd, out, q, f, out->links[i].url, q->links[k].url);
            if (dd->update) out->links[i].url = q->links[k].url;
        }
}

typedef struct topic_at { int32_t t; size_t at; } topic_at;

static int topic_at_cmp(const void *x, const void *y)
{
    const topic_at *a = x, *b = y;
    if (a->t != b->t) return a->t < b->t ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

static int at_cmp(const void *x, const void *y)
{
    const topic_at *a = x, *b = y;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* Each topic of t[0..n) once; in taxonomy order (topic_cmp), or else in the order they
 * first come (an existing paper's topics stay as the user wrote them). Returns the count. */
static size_t unique_topics(int32_t *t, size_t n, bool by_taxonomy)
{
    topic_at *v = lit_xmalloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++) v[i] = (topic_at){t[i], i};
    qsort(v, n, sizeof *v, topic_at_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || v[u - 1].t != v[i].t) v[u++] = v[i];
    qsort(v, u, sizeof *v, at_cmp);
    for (size_t i = 0; i < u; i++) t[i] = v[i].t;
    free(v);
    if (by_taxonomy) qsort(t, u, sizeof *t, topic_cmp);
    return u;
}

static bool is_text_link(const char *kind) { return !strcmp(kind, "paper") || !strcmp(kind, "pdf"); }

/* Builds the merged paper of members mem[0..n) (sorted best first) into out. */
static void merge_group(lit_catalog *c, const lit_topics *ts, const uint32_t *mem, size_t n, size_t n_fixed,
                        const lit_venues *vs, lit_paper *out, lit_dedupe *dd)
{
    const lit_paper *best = &c->papers[mem[0]];
    bool fixed = mem[0] < n_fixed;
    *out = *best;
    if (n == 1) return;
    lit_arena *ar = &c->arena;
    /* an entry of the user's bibliography (.bib, CSL-JSON, RIS) is what they cite: its title
     * as written, authors, identifiers, links, type and key win over a list's wording; a
     * list's label names the system (venue and year still go by rank) */
    size_t rec = fixed ? n : 0;
    while (rec < n && !is_record(&c->papers[mem[rec]])) rec++;
    const lit_paper *record = rec < n ? &c->papers[mem[rec]] : NULL;
    uint32_t *ord = lit_xmalloc((n + 1) * sizeof *ord);   /* mem with the record first */
    ord[0] = mem[rec < n ? rec : 0];
    for (size_t i = 0, k = 1; i < n; i++) if (i != (rec < n ? rec : 0)) ord[k++] = mem[i];
    if (record) out->title = record->title;
    else if (!fixed) out->title = pick_title(c, mem, n)->title;
    /* the system name most members give; ties by rank (counted in sorted runs: 10,000
     * copies of one paper are one sort, not 10,000 x 10,000 comparisons) */
    if (!fixed || !out->short_name) {
        const char *sn = NULL;
        char **keys = lit_xmalloc((n + 1) * sizeof *keys);
        size_t *who = lit_xmalloc((n + 1) * sizeof *who), m = 0;
        for (int pass = record ? 0 : 1; pass < 2 && m == 0; pass++)   /* with a record: the lists' labels */
            for (size_t i = 0; i < n; i++)
                if (c->papers[mem[i]].short_name && (pass || !is_record(&c->papers[mem[i]]))) {
                    keys[m] = short_key(c->papers[mem[i]].short_name);
                    who[m++] = i;
                }
        long *votes = lit_xmalloc((m + 1) * sizeof *votes), most = 0;
        count_equal((const char *const *)keys, m, votes);
        for (size_t k = 0; k < m; k++) {
            if (votes[k] > most) { most = votes[k]; sn = c->papers[mem[who[k]]].short_name; }
            free(keys[k]);
        }
        free(keys); free(who); free(votes);
        out->short_name = sn;
        /* spelt as the chosen title spells it ("PRETZEL: ..." gives PRETZEL) */
        const char *colon = sn && out->title ? strstr(out->title, ": ") : NULL;
        if (colon) {
            char *pre = lit_xmalloc((size_t)(colon - out->title) + 1);
            memcpy(pre, out->title, (size_t)(colon - out->title));
            pre[colon - out->title] = 0;
            if (same_short(pre, sn)) out->short_name = lit_arena_strdup(ar, pre);
            free(pre);
        }
    }
    /* venue and year from the best ranked member with a venue (rank puts reviewed first) */
    if (out->venue < 0 || !out->year) {
        for (size_t i = 0; i < n; i++) {
            const lit_paper *p = &c->papers[mem[i]];
            if (out->venue < 0 && p->venue >= 0) {
                out->venue = p->venue;
                if (!out->year && p->year) { out->year = p->year; out->year_inferred = p->year_inferred; }
            }
        }
        for (size_t i = 0; i < n && !out->year; i++) {
            const lit_paper *p = &c->papers[mem[i]];
            if (p->year && !p->year_inferred) { out->year = p->year; out->year_inferred = false; }
        }
        for (size_t i = 0; i < n && !out->year; i++) {
            const lit_paper *p = &c->papers[mem[i]];
            if (p->year) { out->year = p->year; out->year_inferred = p->year_inferred; }
        }
    }
    /* an existing paper keeps its venue unless a new listing has a better kind of venue
     * (peer-reviewed beats arXiv beats none): the importer's rule, applied to old data */
    if (fixed) {
        for (size_t i = 1; i < n; i++) {
            const lit_paper *p = &c->papers[mem[i]];
            if (mem[i] < n_fixed) continue;
            if (venue_class(c, vs, p) > venue_class(c, vs, out)) {
                out->venue = p->venue;
                if (p->year) { out->year = p->year; out->year_inferred = p->year_inferred; }
            }
            break;  /* members are ranked: the first new one is the best */
        }
    }
    if (record) {
        if (record->n_authors) {
            out->authors = record->authors;
            out->n_authors = record->n_authors;
            out->authors_etal = record->authors_etal;
        }
        out->doi = record->doi;
        out->arxiv = record->arxiv ? record->arxiv : out->arxiv;
        out->key = record->key;
    }
    for (size_t i = 0; i < n; i++) {
        const lit_paper *p = &c->papers[ord[i]];
        /* a list that names every author beats one that names the first ("X et al.") */
        if (p->n_authors && (!out->n_authors || (out->authors_etal && !p->authors_etal))) {
            out->authors = p->authors;
            out->n_authors = p->n_authors;
            out->authors_etal = p->authors_etal;
        }
        if (!out->doi && p->doi) out->doi = p->doi;
        if (!out->arxiv && p->arxiv) out->arxiv = p->arxiv;
        if (!out->key && p->key) out->key = p->key;
    }
    /* lists: union; links one per kind by rank; sources and topics sorted */
    size_t nl = 0, nt = 0, ns = 0, ne = 0;
    for (size_t i = 0; i < n; i++) {
        const lit_paper *p = &c->papers[ord[i]];
        nl += p->n_links; nt += p->n_topics; ns += p->n_sources; ne += p->n_extras;
    }
    lit_link *links = lit_arena_alloc(ar, (nl + 1) * sizeof *links);
    int32_t *topics = lit_arena_alloc(ar, (nt + 1) * sizeof *topics);
    lit_source *sources = lit_arena_alloc(ar, (ns + 1) * sizeof *sources);
    lit_extra *extras = lit_arena_alloc(ar, (ne + 2) * sizeof *extras);
    size_t xl = 0, xt = 0, xs = 0, xe = 0;
    /* an existing paper a bibliography gave (-m) is its record too: links as at its import */
    const lit_paper *rp = record ? record : fixed && from_bib_file(best) ? best : NULL;
    bool where_known = rp && rp->doi, record_paper = false;
    for (uint32_t k = 0; rp && k < rp->n_links; k++) {
        where_known |= is_text_link(rp->links[k].kind);
        record_paper |= !strcmp(rp->links[k].kind, "paper");
    }
    for (size_t i = 0; i < n; i++) {
        const lit_paper *p = &c->papers[ord[i]];
        for (uint32_t k = 0; k < p->n_links; k++) {   /* one per kind: a handful */
            bool dup = false;
            for (size_t q = 0; q < xl && !dup; q++) dup = !strcmp(links[q].kind, p->links[k].kind);
            /* where the record says where the paper is (a DOI, its URL), a list's link to
             * the text (often the arXiv copy, whose id is kept) is not the paper's URL */
            if (!dup && rp && p != rp && where_known && is_text_link(p->links[k].kind) &&
                (!strcmp(p->links[k].kind, "paper") || !record_paper))   /* bib's url: paper, else pdf */
                dup = true;
            if (!dup) links[xl++] = p->links[k];
        }
        for (uint32_t k = 0; k < p->n_topics; k++) topics[xt++] = p->topics[k];
        for (uint32_t k = 0; k < p->n_sources; k++) sources[xs++] = p->sources[k];
        for (uint32_t k = 0; k < p->n_extras; k++) {
            size_t q = 0;
            while (q < xe && strcmp(extras[q].key, p->extras[k].key)) q++;
            if (q == xe) extras[xe++] = p->extras[k];
            else union_node(ar, &extras[q].value, &p->extras[k].value);
        }
    }
    /* every key a member had stays citable (litsurvey bib writes each): the others as aliases */
    lit_node *al = lit_arena_alloc(ar, (n + 1) * sizeof *al);
    size_t na = 0;
    for (size_t i = 0; i < n; i++) {
        const char *k = c->papers[ord[i]].key;
        if (k && out->key && strcmp(k, out->key)) al[na++] = (lit_node){LIT_NODE_SCALAR, k, false, NULL, 0};
    }
    if (na) {
        lit_node seq = {LIT_NODE_SEQ, NULL, false, al, na};
        size_t q = 0;
        while (q < xe && strcmp(extras[q].key, "aliases")) q++;
        if (q == xe) extras[xe++] = (lit_extra){"aliases", seq};
        else union_node(ar, &extras[q].value, &seq);
    }
    g_ts = ts;
    g_cat = c;
    xt = unique_topics(topics, xt, !fixed);
    qsort(sources, xs, sizeof *sources, source_cmp);   /* sorted, then each place once */
    size_t us = 0;
    for (size_t k = 0; k < xs; k++)
        if (!us || source_cmp(&sources[us - 1], &sources[k])) sources[us++] = sources[k];
    xs = us;
    if (!fixed) {  /* link order: by kind, so the saved map does not depend on input order */
        for (size_t a = 1; a < xl; a++)
            for (size_t b = a; b > 0 && strcmp(links[b - 1].kind, links[b].kind) > 0; b--) {
                lit_link t = links[b]; links[b] = links[b - 1]; links[b - 1] = t;
            }
    }
    out->links = links; out->n_links = (uint32_t)xl;
    out->topics = topics; out->n_topics = (uint32_t)xt;
    out->sources = sources; out->n_sources = (uint32_t)xs;
    out->extras = extras; out->n_extras = (uint32_t)xe;
    if (fixed) {   /* members are ranked: the existing paper first, then the best new entry */
        size_t i = 1;
        while (i < n && mem[i] < n_fixed) i++;
        if (i < n) compare_new(c, out, &c->papers[mem[i]], dd);
    }
    free(ord);
}

static int u32_cmp(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

void lit_dedupe_merge(lit_catalog *c, size_t n_fixed, const lit_venues *vs, const lit_topics *ts, lit_dedupe *dd)
{
    size_t n = c->n_papers;
    if (n_fixed > n) n_fixed = n;
    uint32_t *par = lit_xmalloc((n + 1) * sizeof *par);
    for (size_t i = 0; i < n; i++) par[i] = (uint32_t)i;
    /* new papers among themselves first; then each group joins at most one existing paper */
    for (size_t i = 0; i < dd->n; i++) {
        lit_match *m = &dd->m[i];
        if (m->unsure || m->a < n_fixed) continue;
        uf_union(par, m->a, m->b);
    }
    uint32_t *fixed_of = lit_xmalloc((n + 1) * sizeof *fixed_of);
    for (size_t i = 0; i < n; i++) fixed_of[i] = UINT32_MAX;
    for (size_t i = 0; i < dd->n; i++) {
        lit_match *m = &dd->m[i];
        if (m->unsure || m->a >= n_fixed) continue;
        if (m->b < n_fixed) {  /* two existing papers: the catalog keeps them apart */
            m->unsure = true;
            m->why = "both already in the catalog";
            continue;
        }
        uint32_t r = uf_find(par, m->b);
        uint32_t cur = fixed_of[r];
        if (cur == UINT32_MAX || strcmp(c->papers[m->a].key ? c->papers[m->a].key : "",
                                        c->papers[cur].key ? c->papers[cur].key : "") < 0)
            fixed_of[r] = m->a;
    }
    for (size_t i = n_fixed; i < n; i++) {
        uint32_t r = uf_find(par, (uint32_t)i);
        if (r == i && fixed_of[r] != UINT32_MAX) {
            uint32_t f = fixed_of[r];
            par[r] = f;  /* f is its own root: existing papers never joined anything */
        }
    }
    /* members of each group, grouped by root */
    uint32_t *order = lit_xmalloc((n + 1) * sizeof *order);
    uint32_t *root = lit_xmalloc((n + 1) * sizeof *root);
    for (size_t i = 0; i < n; i++) root[i] = uf_find(par, (uint32_t)i);
    /* counting sort by root keeps indices ascending inside each group */
    size_t *start = lit_xcalloc(n + 1, sizeof *start);
    for (size_t i = 0; i < n; i++) start[root[i] + 1]++;
    for (size_t i = 0; i < n; i++) start[i + 1] += start[i];
    size_t *fill = lit_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, start, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < n; i++) order[fill[root[i]]++] = (uint32_t)i;
    mctx m = {c, vs, n_fixed};
    g_ctx = &m;
    lit_paper *out = lit_xcalloc(n + 1, sizeof *out);
    uint32_t *new_of = lit_xmalloc((n + 1) * sizeof *new_of);
    size_t no = 0;
    dd->n_groups = 0;
    for (size_t r = 0; r < n; r++) {
        size_t a = start[r], b = start[r + 1];
        if (a == b) continue;
        qsort(order + a, b - a, sizeof *order, rank_cmp);
        merge_group(c, ts, order + a, b - a, n_fixed, vs, &out[no], dd);
        for (size_t k = a; k < b; k++) new_of[order[k]] = (uint32_t)no;
        if (b - a > 1) dd->n_groups++;
        no++;
    }
    free(c->papers);
    c->papers = out;
    c->n_papers = no;
    c->cap_papers = n + 1;
    lit_keys_assign(c, n_fixed);  /* existing papers are their own groups, the first n_fixed of the output */
    for (size_t i = 0; i < dd->n; i++) {
        lit_match *mm = &dd->m[i];
        if (!mm->unsure && new_of[mm->a] == new_of[mm->b]) mm->key = c->papers[new_of[mm->a]].key;
        else if (!mm->unsure) { mm->unsure = true; mm->why = "matches another existing paper"; }
    }
    dd->n_merged = dd->n_unsure = 0;
    for (size_t i = 0; i < dd->n; i++) { if (dd->m[i].unsure) dd->n_unsure++; else dd->n_merged++; }
    lit_catalog_sort(c);
    (void)u32_cmp;
    free(par); free(fixed_of); free(order); free(root); free(start); free(fill); free(new_of);
    g_ctx = NULL;
}

/* ---------- keys ---------- */

void lit_assign_keys(lit_catalog *c) { lit_keys_assign(c, 0); }

/* ---------- report ---------- */

static const char *reason_text(int r)
{
    switch (r) {
    case LIT_MATCH_ARXIV: return "same arXiv id";
    case LIT_MATCH_DOI: return "same DOI";
    case LIT_MATCH_TITLE: return "same normalised title";
    case LIT_MATCH_SOURCE: return "listed at the same place with a title that starts the same";
    default: return "same system name at the same venue and year";
    }
}

void lit_dedupe_print(const lit_dedupe *dd, bool merges, FILE *out)
{
    for (size_t i = 0; i < dd->n; i++) {
        const lit_match *m = &dd->m[i];
        if (!m->unsure && !merges) continue;
        if (m->unsure)
            lit_diag_print(out, "unsure, kept apart: %s:%ld \"%s\" and %s:%ld \"%s\": %s, but %s\n",
                           m->a_list ? m->a_list : "-", m->a_line, m->a_title ? m->a_title : "",
                           m->b_list ? m->b_list : "-", m->b_line, m->b_title ? m->b_title : "",
                           reason_text(m->reason), m->why ? m->why : "conflicting fields");
        else if (!m->key)  /* found, not merged: `check` reports likely duplicates */
            lit_diag_print(out, "likely duplicates: %s:%ld \"%s\" and %s:%ld \"%s\": %s\n",
                           m->a_list ? m->a_list : "-", m->a_line, m->a_title ? m->a_title : "",
                           m->b_list ? m->b_list : "-", m->b_line, m->b_title ? m->b_title : "", reason_text(m->reason));
        else
            lit_diag_print(out, "merged into '%s': %s:%ld \"%s\" and %s:%ld \"%s\": %s\n", m->key,
                           m->a_list ? m->a_list : "-", m->a_line, m->a_title ? m->a_title : "",
                           m->b_list ? m->b_list : "-", m->b_line, m->b_title ? m->b_title : "", reason_text(m->reason));
    }
}

void lit_dedupe_free(lit_dedupe *dd)
{
    free(dd->m);
    free(dd->changes);
    memset(dd, 0, sizeof *dd);
}
