/* match.c - the matching rules (normalised titles, identifiers, surnames, years), the judge of one
 * paper's candidate records, and an index over a set of records. */
#include "match.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "buf.h"

#define MIN_FUZZY_LEN 25     /* letters and digits a similar (not equal) title needs */
#define MIN_TITLE_LEN 16     /* a shorter equal title ("Deep learning"), or one of fewer than */
#define MIN_TITLE_WORDS 3    /* three content words, needs the same year and venue or an author too */
#define RARE_WORD_SHARE 20   /* a title word in more than 1/20 of the records (and more than */
#define RARE_WORD_MIN 64     /* 64) does not find candidates: "learning" in a big bibliography */
#define RARE_WORD_MAX 256    /* nor one in more than 256, so that the work per paper stays bounded
                                and a big bibliography costs linear time, not quadratic */

static char *xstrndup(const char *s, size_t n)
{
    char *r = lit_xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

/* ---------- normalised titles ---------- */

static void drop_article(char *s)
{
    static const char *art[] = {"a ", "an ", "the "};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(art[i]);
        if (!strncmp(s, art[i], n) && strlen(s) > n + 8) { memmove(s, s + n, strlen(s + n) + 1); return; }
    }
}

/* lit_title_norm of an ASCII title, without utf8proc (ten times faster; a DBLP index
 * normalises millions): ASCII is its own NFKC, its case folding is tolower. */
static char *title_norm_ascii(const char *title)
{
    char *r = lit_xmalloc(strlen(title) + 1), *o = r;
    bool space = true;
    for (const unsigned char *p = (const unsigned char *)title; *p;) {
        unsigned char c = *p;
        if (c == '\\') {   /* a LaTeX command is markup: dropped */
            for (p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'); p++) {}
            continue;
        }
        p++;
        if (c == '{' || c == '}' || c == '$' || c == '^' || c == '_') continue;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { *o++ = (char)c; space = false; }
        else if (c >= 'A' && c <= 'Z') { *o++ = (char)(c - 'A' + 'a'); space = false; }
        else if (!space) { *o++ = ' '; space = true; }
    }
    if (o > r && o[-1] == ' ') o--;
    *o = 0;
    drop_article(r);
    return r;
}

char *lit_title_norm(const char *title)
{
    const char *q = title ? title : "";
    while (*q && !(*q & 0x80)) q++;
    if (!*q) return title_norm_ascii(title ? title : "");
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)(title ? title : ""), 0, &m,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    lit_buf b = LIT_BUF_INIT;
    if (n >= 0) {
        bool space = true;
        for (utf8proc_ssize_t i = 0; i < n;) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate(m + i, n - i, &cp);
            if (k <= 0) break;
            utf8proc_category_t cat = utf8proc_category(cp);
            if (cp == '\\') {   /* a LaTeX command (\emph, \textsc) is markup: dropped */
                for (i += k; i < n && ((m[i] >= 'a' && m[i] <= 'z') || (m[i] >= 'A' && m[i] <= 'Z')); i++) {}
                continue;
            }
            if (cp == '{' || cp == '}' || cp == '$' || cp == '^' || cp == '_') { i += k; continue; }   /* {TVM}, $P^3$ */
            bool keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                        (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
            if (keep) { lit_buf_add(&b, m + i, (size_t)k); space = false; }
            else if (!space) { lit_buf_addc(&b, ' '); space = true; }
            i += k;
        }
    }
    free(m);
    char *r = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    size_t l = strlen(r);
    if (l && r[l - 1] == ' ') r[l - 1] = 0;
    drop_article(r);
    return r;
}

static size_t words_in(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ';
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

char *lit_title_norm_stripped(const char *title)
{
    if (!title) return NULL;
    const char *colon = strstr(title, ": ");
    if (!colon || colon == title || words_in(title, (size_t)(colon - title)) > 3) return NULL;
    if (words_in(colon + 2, strlen(colon + 2)) < 3) return NULL;
    return lit_title_norm(colon + 2);
}

bool lit_title_stop_word(const char *w, size_t n)
{
#define SW(s) {s, sizeof s - 1}
    static const struct { const char *s; size_t n; } sw[] = {
        SW("a"), SW("an"), SW("the"), SW("on"), SW("in"), SW("of"), SW("for"), SW("to"), SW("towards"),
        SW("toward"), SW("is"), SW("are"), SW("how"), SW("why"), SW("what"), SW("when"), SW("do"),
        SW("does"), SW("can"), SW("and"), SW("with"), SW("via"), SW("from")};
#undef SW
    if (n > 7) return false;   /* longer than "towards": called for every word of every title */
    for (size_t i = 0; i < sizeof sw / sizeof *sw; i++)
        if (sw[i].n == n && !strncasecmp(sw[i].s, w, n)) return true;
    return false;
}

/* The distinct content words (three bytes or more, no stop word) of normalised s, as
 * offsets and lengths into s; returns the count. *w is malloc'd. */
typedef struct span { const char *s; size_t n; } span;

static size_t content_words(const char *s, span **w)
{
    size_t n = 0, cap = 0;
    *w = NULL;
    for (const char *p = s; *p;) {
        while (*p == ' ') p++;
        const char *st = p;
        while (*p && *p != ' ') p++;
        size_t l = (size_t)(p - st);
        if (l < 3 || lit_title_stop_word(st, l)) continue;
        bool dup = false;
        for (size_t i = 0; i < n && !dup; i++) dup = (*w)[i].n == l && !memcmp((*w)[i].s, st, l);
        if (dup) continue;
        LIT_GROW(*w, cap, n + 1);
        (*w)[n++] = (span){st, l};
    }
    return n;
}

/* Content words of a and b: *na, *nb, and how many of a's are in b. */
static size_t shared_words(const char *a, const char *b, size_t *na, size_t *nb)
{
    span *wa, *wb;
    *na = content_words(a, &wa);
    *nb = content_words(b, &wb);
    size_t shared = 0;
    for (size_t i = 0; i < *na; i++)
        for (size_t j = 0; j < *nb; j++)
            if (wa[i].n == wb[j].n && !memcmp(wa[i].s, wb[j].s, wa[i].n)) { shared++; break; }
    free(wa);
    free(wb);
    return shared;
}

bool lit_titles_share_word(const char *a, const char *b)
{
    size_t na, nb;
    return shared_words(a, b, &na, &nb) > 0;
}

/* A word that numbers a paper of a series: digits ("part 2", "v3", "gpt 2") or a roman
 * numeral ("part ii"). */
static bool number_word(const char *w, size_t n)
{
    bool roman = n <= 4;
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)w[i])) return true;
        roman &= w[i] == 'i' || w[i] == 'v' || w[i] == 'x';
    }
    return roman && !(n == 1 && w[0] == 'v');
}

/* Whether two normalised titles have the same number words in the same order ("Part I"
 * and "Part II", "YOLOv3" and "YOLOv4" are other papers, however alike the rest). */
static bool same_numbers(const char *a, const char *b)
{
    for (;;) {
        const char *wa = NULL, *wb = NULL;
        size_t na = 0, nb = 0;
        while (*a && !wa) {
            while (*a == ' ') a++;
            const char *st = a;
            while (*a && *a != ' ') a++;
            if (a > st && number_word(st, (size_t)(a - st))) { wa = st; na = (size_t)(a - st); }
        }
        while (*b && !wb) {
            while (*b == ' ') b++;
            const char *st = b;
            while (*b && *b != ' ') b++;
            if (b > st && number_word(st, (size_t)(b - st))) { wb = st; nb = (size_t)(b - st); }
        }
        if (!wa || !wb) return !wa && !wb;
        if (na != nb || memcmp(wa, wb, na)) return false;
    }
}

/* s without its spaces, malloc'd. */
static char *compact(const char *s, size_t *len)
{
    char *r = lit_xmalloc(strlen(s) + 1), *o = r;
    for (; *s; s++) if (*s != ' ') *o++ = *s;
    *o = 0;
    *len = (size_t)(o - r);
    return r;
}

/* Levenshtein distance of a and b (bytes), in one row. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t *row = lit_xmalloc((lb + 1) * sizeof *row);
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v) v = up + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            diag = up;
            row[j] = v;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

int lit_title_score(const char *a, const char *b)
{
    if (!strcmp(a, b)) return 100;
    size_t na, nb, shared = shared_words(a, b, &na, &nb);
    /* Dice of the content words: titles far apart are told without the edit distance */
    double dice = na + nb ? 2.0 * (double)shared / (double)(na + nb) : 0;
    size_t la, lb;
    char *ca = compact(a, &la), *cb = compact(b, &lb);
    size_t lmax = la > lb ? la : lb, lmin = la < lb ? la : lb;
    int score;
    if (dice < 0.5 || lmax == 0 || 10 * lmin < 6 * lmax || lmax > 2000)
        score = (int)(dice * 50 + 0.5);
    else
        score = (int)(100.0 * (1.0 - (double)edit_distance(ca, la, cb, lb) / (double)lmax));
    free(ca);
    free(cb);
    return score >= 100 ? 99 : score;   /* 100 is for equal titles */
}

/* ---------- identifiers ---------- */

char *lit_doi_key(const char *doi)
{
    if (!doi) return NULL;
    static const char *const pre[] = {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                      "http://dx.doi.org/", "doi.org/", "doi:", NULL};
    for (int k = 0; pre[k]; k++)
        if (strncasecmp(doi, pre[k], strlen(pre[k])) == 0) { doi += strlen(pre[k]); k = -1; }
    while (*doi == ' ') doi++;
    /* DOIs are case-insensitive (ASCII, as the DOI handbook says) */
    char *k = lit_xstrdup(doi);
    for (char *p = k; *p; p++) *p = (char)tolower((unsigned char)*p);
    size_t l = strlen(k);
    while (l && (k[l - 1] == ' ' || k[l - 1] == '.')) k[--l] = 0;
    return k;
}

char *lit_arxiv_key(const char *arxiv)
{
    if (!arxiv) return NULL;
    if (!strncasecmp(arxiv, "arxiv:", 6)) arxiv += 6;
    char *k = lit_xstrdup(arxiv);
    size_t l = strlen(k);
    size_t i = l;
    while (i > 0 && isdigit((unsigned char)k[i - 1])) i--;
    if (i > 1 && i < l && (k[i - 1] == 'v' || k[i - 1] == 'V') && isdigit((unsigned char)k[i - 2])) k[i - 1] = 0;
    for (char *p = k; *p; p++) *p = (char)tolower((unsigned char)*p);
    return k;
}

char *lit_arxiv_of_doi(const char *doi)
{
    char *k = lit_doi_key(doi), *id = NULL;
    if (k && !strncmp(k, "10.48550/arxiv.", 15) && k[15]) id = lit_arxiv_key(k + 15);
    free(k);
    return id;
}

bool lit_doi_is_arxiv(const char *doi)
{
    char *k = lit_doi_key(doi);
    bool r = k && !strncmp(k, "10.48550/", 9);
    free(k);
    return r;
}

/* ---------- names ---------- */

/* Folded (case, accents), letters and digits only, words split by blanks: "O'Neil" ->
 * "oneil", "Jean-Luc" -> "jeanluc", "Müller," -> "muller". A comma is kept as a word of its own. */
static char *fold_name(const char *s)
{
    utf8proc_uint8_t *m = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &m, UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
                     UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
        return lit_xstrdup("");
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    for (utf8proc_ssize_t i = 0; m[i];) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(m + i, -1, &cp);
        if (k <= 0) break;
        utf8proc_category_t cat = utf8proc_category(cp);
        bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                     (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (alnum) lit_buf_add(&b, m + i, (size_t)k);
        else if (cp == ',') lit_buf_adds(&b, " , ");
        else if (cp == ' ' || cp == '\t' || cp == '~' || cp == '.') lit_buf_addc(&b, ' ');
        i += k;
    }
    free(m);
    char *r = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return r;
}

static bool all_digits(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)w[i])) return false;
    return n > 0;
}

static bool jr_word(const char *w, size_t n)
{
    static const char *const jr[] = {"jr", "sr", "ii", "iii", "iv", NULL};
    for (int k = 0; jr[k]; k++) if (strlen(jr[k]) == n && !memcmp(w, jr[k], n)) return true;
    return false;
}

/* The words of a folded name (no commas, no DBLP numbers, no "jr", no initials). */
static size_t name_words(const char *f, span *w, size_t max, long *comma_at)
{
    size_t n = 0;
    *comma_at = -1;
    for (const char *p = f; *p && n < max;) {
        while (*p == ' ') p++;
        const char *st = p;
        while (*p && *p != ' ') p++;
        size_t l = (size_t)(p - st);
        if (!l) continue;
        if (l == 1 && *st == ',') { if (*comma_at < 0) *comma_at = (long)n; continue; }
        if (l < 2 || all_digits(st, l) || jr_word(st, l)) continue;
        w[n++] = (span){st, l};
    }
    return n;
}

char *lit_name_surname(const char *name)
{
    char *f = fold_name(name ? name : "");
    span w[32];
    long comma;
    size_t n = name_words(f, w, 32, &comma);
    /* "Last, First" and "First Last, Jr": the last word before the comma */
    size_t at = comma > 0 ? (size_t)comma - 1 : n ? n - 1 : 0;
    char *r = n ? xstrndup(w[at].s, w[at].n) : NULL;
    free(f);
    return r ? r : lit_xstrdup("");
}

/* Whether a surname of one of a's authors is a name word of one of b's. */
static bool surname_in(const lit_paper *a, const lit_paper *b)
{
    for (uint32_t i = 0; i < a->n_authors; i++) {
        char *s = lit_name_surname(a->authors[i]);
        bool hit = false;
        for (uint32_t j = 0; *s && j < b->n_authors && !hit; j++) {
            char *f = fold_name(b->authors[j]);
            span w[32];
            long comma;
            size_t n = name_words(f, w, 32, &comma);
            for (size_t k = 0; k < n && !hit; k++) hit = w[k].n == strlen(s) && !memcmp(w[k].s, s, w[k].n);
            free(f);
        }
        free(s);
        if (hit) return true;
    }
    return false;
}

bool lit_authors_share(const lit_paper *a, const lit_paper *b)
{
    return a->n_authors && b->n_authors && (surname_in(a, b) || surname_in(b, a));
}

/* The family name of a display name as written: the last word before a comma ("First von
 * Last, Jr"), leaving out DBLP's homonym number ("Wei Wang 0002"). */
static void family_name(const char *name, lit_buf *b)
{
    const char *end = strchr(name, ',');
    if (!end) end = name + strlen(name);
    while (end > name && end[-1] == ' ') end--;
    const char *st = end;
    while (st > name && st[-1] != ' ') st--;
    if (all_digits(st, (size_t)(end - st)) && st > name) {   /* a homonym number: the word before */
        end = st;
        while (end > name && end[-1] == ' ') end--;
        st = end;
        while (st > name && st[-1] != ' ') st--;
    }
    lit_buf_add(b, st, (size_t)(end - st));
}

void lit_authors_short(const lit_paper *p, lit_buf *b)
{
    if (!p->n_authors) return;
    family_name(p->authors[0], b);
    if (p->n_authors == 2) {
        lit_buf_adds(b, " and ");
        family_name(p->authors[1], b);
    } else if (p->n_authors > 2) {
        lit_buf_adds(b, " et al.");
    }
}

/* ---------- venues ---------- */

static bool preprint_name(const char *v)
{
    return !strcasecmp(v, "arxiv") || !strcasecmp(v, "corr") || !strncasecmp(v, "arxiv ", 6);
}

/* The venue of each name a judge meets, looked up once: the same few thousand names come
 * back for every paper, and the venue table's rules for a name it does not know directly
 * ("SIGMOD Conference", "Proc. VLDB Endow.") cost a good share of a judge. */
struct lit_match_ctx {
    const lit_venues *vs;
    lit_strtab names;
    struct known { const char *id; bool preprint, ok; } *known;
    size_t cap;
    lit_arena arena;
};

lit_match_ctx *lit_match_ctx_new(const lit_venues *vs)
{
    lit_match_ctx *mx = lit_xcalloc(1, sizeof *mx);
    mx->vs = vs;
    return mx;
}

void lit_match_ctx_free(lit_match_ctx *mx)
{
    if (!mx) return;
    lit_strtab_free(&mx->names);
    free(mx->known);
    lit_arena_free(&mx->arena);
    free(mx);
}

static const struct known *known_venue(lit_match_ctx *mx, const char *v)
{
    int32_t i = lit_strtab_find(&mx->names, v);
    if (i >= 0) return &mx->known[i];
    i = lit_strtab_intern(&mx->names, &mx->arena, v);
    LIT_GROW(mx->known, mx->cap, (size_t)i + 1);
    struct known *k = &mx->known[i];
    const char *name = mx->names.names[i];
    k->ok = lit_venue_text_ok(name);
    const lit_venue *found = mx->vs ? lit_venues_find(mx->vs, name) : NULL;
    const lit_venue *ve = found ? found : mx->vs && k->ok ? lit_venues_match(mx->vs, name) : NULL;
    k->id = !k->ok ? NULL : ve ? ve->id : name;
    k->preprint = found ? found->kind == LIT_VENUE_PREPRINT : preprint_name(name);
    return k;
}

const char *lit_match_venue(lit_match_ctx *mx, const lit_catalog *c, const lit_paper *p)
{
    const char *v = lit_catalog_venue(c, p->venue);
    return v ? known_venue(mx, v)->id : NULL;
}

bool lit_match_preprint(lit_match_ctx *mx, const lit_catalog *c, const lit_paper *p)
{
    const char *v = lit_catalog_venue(c, p->venue);
    return v ? known_venue(mx, v)->preprint : p->arxiv != NULL;
}

/* ---------- the judge ---------- */

typedef struct side {
    const lit_catalog *c;
    const lit_paper *p;
    char *norm, *strip, *doi, *arxiv;
    char *prefix;        /* the system name before the title's colon, normalised, or NULL */
    size_t words;        /* content words of the title */
    const char *venue;   /* venue id, or NULL */
    bool preprint;
} side;

static void side_init(side *s, const lit_catalog *c, const lit_paper *p, lit_match_ctx *mx)
{
    s->c = c;
    s->p = p;
    s->norm = lit_title_norm(p->title);
    s->strip = lit_title_norm_stripped(p->title);
    s->prefix = NULL;
    if (s->strip) {
        char *pre = xstrndup(p->title, (size_t)(strstr(p->title, ": ") - p->title));
        s->prefix = lit_title_norm(pre);
        free(pre);
    }
    s->doi = lit_doi_key(p->doi);
    s->arxiv = p->arxiv ? lit_arxiv_key(p->arxiv) : lit_arxiv_of_doi(p->doi);
    span *w;
    s->words = content_words(s->norm, &w);
    free(w);
    s->preprint = lit_match_preprint(mx, c, p);
    s->venue = s->preprint ? NULL : lit_match_venue(mx, c, p);   /* only a reviewed venue says which version */
}

static void side_free(side *s)
{
    free(s->norm); free(s->strip); free(s->doi); free(s->arxiv); free(s->prefix);
}

static size_t letters(const char *norm)
{
    size_t n = 0;
    for (; *norm; norm++) n += *norm != ' ';
    return n;
}

/* The years of a paper and a record can be one paper's: a year apart at most, or a
 * preprint up to two years before its published version. No year says nothing. */
static bool years_fit(const side *a, const side *b)
{
    int ya = a->p->year, yb = b->p->year;
    if (!ya || !yb) return true;
    int d = yb - ya;   /* how much later b is */
    if (a->preprint != b->preprint) {
        if (a->preprint) return d >= -1 && d <= 2;
        return d >= -2 && d <= 1;
    }
    return d >= -1 && d <= 1;
}

/* Whether normalised a is b with one word more, anywhere (a list that drops a word of the
 * title: "Efficient Training on GPU Clusters" for "Efficient Large Training on ..."), and b
 * keeps four content words or more. */
static bool one_word_more(const char *a, const char *b, size_t b_words)
{
    if (b_words < 4) return false;
    size_t la = strlen(a), lb = strlen(b), i = 0;
    if (la <= lb) return false;
    while (i < lb && a[i] == b[i]) i++;
    if (i == lb) return a[lb] == ' ' && !strchr(a + lb + 1, ' ');   /* the last word */
    /* a's word at the first difference is the extra one: a = b[0, w) + word + " " + b[w, ...) */
    size_t w = i;
    while (w > 0 && a[w - 1] != ' ') w--;
    const char *rest = strchr(a + w, ' ');
    return rest && !strcmp(rest + 1, b + w);
}

/* Fills c for record side r against paper side p. */
static void judge_one(const side *p, const side *r, lit_cand *c)
{
    c->venue_agrees = p->venue && r->venue && !strcmp(p->venue, r->venue);
    c->venue_differs = p->venue && r->venue && !c->venue_agrees;
    c->year_exact = p->p->year && p->p->year == r->p->year;
    c->preprint = r->preprint;
    c->own = p->p->key && r->p->key && !strcmp(p->p->key, r->p->key);
    bool same_doi = p->doi && r->doi && !strcmp(p->doi, r->doi);
    bool same_arxiv = p->arxiv && r->arxiv && !strcmp(p->arxiv, r->arxiv);
    /* the title first: explain shows the score even of a refused candidate */
    if (!strcmp(p->norm, r->norm)) { c->score = 100; c->how = "same title"; }
    else if (p->prefix && r->prefix && strcmp(p->prefix, r->prefix)) {
        c->score = lit_title_score(p->norm, r->norm);   /* the system names count: "MobileNetV2" is no "MobileNetV3" */
        c->how = "similar title";
    } else if ((p->strip && !strcmp(p->strip, r->norm)) || (r->strip && !strcmp(p->norm, r->strip))) {
        c->score = 100;
        c->how = "same title but for a system name before it";
    } else {
        int s1 = lit_title_score(p->strip ? p->strip : p->norm, r->strip ? r->strip : r->norm);
        int s2 = lit_title_score(p->norm, r->norm);
        c->score = s1 > s2 ? s1 : s2;
        c->how = "similar title";
    }
    bool title_equal = c->score == 100;
    bool one_word = !title_equal && (one_word_more(p->norm, r->norm, r->words) || one_word_more(r->norm, p->norm, p->words));
    if (one_word) c->how = "the same title but for one word";
    if (same_doi || same_arxiv) {
        c->how = same_doi ? "same DOI" : "same arXiv id";
        if (p->words && r->words && !lit_titles_share_word(p->norm, r->norm)) {
            c->refused = "its title shares no word with the paper's (an identifier copied wrongly?)";
            return;
        }
        /* two reviewed venues and titles of a word or two in common: two papers, one DOI
         * copied onto the other (as dedupe keeps them apart) */
        if (c->venue_differs && c->score < 50 && !one_word) {
            c->refused = "another venue and a title of little in common (an identifier copied wrongly?)";
            return;
        }
        c->score = 100;
    }
    bool by_id = same_doi || same_arxiv;
    if (p->doi && r->doi && !same_doi && !lit_doi_is_arxiv(p->doi) && !lit_doi_is_arxiv(r->doi))
        c->refused = "another DOI";
    else if (p->arxiv && r->arxiv && !same_arxiv)
        c->refused = "another arXiv id";
    else if (p->p->n_authors && r->p->n_authors && !lit_authors_share(p->p, r->p))
        c->refused = "no author in common";
    else if (by_id)
        return;
    else if (!p->words || !r->words)
        c->refused = "a title of no content word (\"The\", \"Preface\") says nothing by itself";
    else if (p->prefix && r->prefix && strcmp(p->prefix, r->prefix))
        c->refused = "another system name before the title";
    else if (!title_equal && c->score < LIT_MATCH_THRESHOLD && !one_word)
        c->refused = "title too different";
    else if (one_word && c->score < LIT_MATCH_THRESHOLD && !(c->year_exact && c->venue_agrees))
        c->refused = "a title one word apart needs the same year and venue";
    else if (!title_equal && !same_numbers(p->norm, r->norm))
        c->refused = "another number in the title (another part or version)";
    else if (!years_fit(p, r))
        c->refused = "years too far apart";
    else if (!title_equal && (letters(p->norm) < MIN_FUZZY_LEN || letters(r->norm) < MIN_FUZZY_LEN))
        c->refused = "title too short to match a similar one";
    else if (!title_equal && (!p->p->year || !r->p->year))
        c->refused = "no year to confirm a similar title";
    else if ((letters(p->norm) < MIN_TITLE_LEN || p->words < MIN_TITLE_WORDS) &&
             !(c->year_exact && (c->venue_agrees || lit_authors_share(p->p, r->p))))
        c->refused = "a short title needs the same year and the same venue or an author";
}

/* Two records of one paper in one bibliography (a book's chapters each citing it): the
 * same title, year and venue, no identifier apart, an author in common where both name them. */
static bool same_record(const lit_catalog *rc, const lit_paper *a, const lit_paper *b, lit_match_ctx *mx)
{
    side sa, sb;
    side_init(&sa, rc, a, mx);
    side_init(&sb, rc, b, mx);
    const char *va = lit_match_venue(mx, rc, a), *vb = lit_match_venue(mx, rc, b);
    bool same = !strcmp(sa.norm, sb.norm) && a->year == b->year && (va == vb || (va && vb && !strcmp(va, vb))) &&
                !(sa.doi && sb.doi && strcmp(sa.doi, sb.doi)) && !(sa.arxiv && sb.arxiv && strcmp(sa.arxiv, sb.arxiv)) &&
                (!a->n_authors || !b->n_authors || lit_authors_share(a, b));
    side_free(&sa);
    side_free(&sb);
    return same;
}

static int cand_cmp(const void *x, const void *y)
{
    const lit_cand *a = x, *b = y;
    if ((a->refused == NULL) != (b->refused == NULL)) return a->refused ? 1 : -1;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    if (a->venue_agrees != b->venue_agrees) return a->venue_agrees ? -1 : 1;
    if (a->venue_differs != b->venue_differs) return a->venue_differs ? 1 : -1;
    if (a->preprint != b->preprint) return a->preprint ? 1 : -1;   /* the published version gives venue and year */
    if (a->year_exact != b->year_exact) return a->year_exact ? -1 : 1;
    if (a->own != b->own) return a->own ? -1 : 1;
    return a->rec < b->rec ? -1 : a->rec > b->rec;
}

void lit_match_judge(lit_match_ctx *mx, const lit_catalog *pc, const lit_paper *p, const lit_catalog *rc,
                     const uint32_t *rec, size_t n, lit_decision *out)
{
    out->verdict = LIT_VERDICT_NONE;
    out->rc = rc;
    out->n = 0;
    out->preprint = -1;
    out->why = "no record with the same DOI, arXiv id or title";
    side ps;
    side_init(&ps, pc, p, mx);
    for (size_t i = 0; i < n; i++) {
        bool dup = false;
        for (size_t j = 0; j < out->n && !dup; j++) dup = out->c[j].rec == rec[i];
        if (dup) continue;
        side rs;
        side_init(&rs, rc, &rc->papers[rec[i]], mx);
        LIT_GROW(out->c, out->cap, out->n + 1);
        lit_cand *c = &out->c[out->n++];
        memset(c, 0, sizeof *c);
        c->rec = rec[i];
        judge_one(&ps, &rs, c);
        side_free(&rs);
    }
    if (out->n) qsort(out->c, out->n, sizeof *out->c, cand_cmp);
    if (!out->n || out->c[0].refused) {
        if (out->n) out->why = "every candidate refused";
        side_free(&ps);
        return;
    }
    const lit_cand *w = &out->c[0];
    const lit_paper *wp = &rc->papers[w->rec];
    char *wnorm = lit_title_norm(wp->title), *warx = lit_arxiv_key(wp->arxiv);
    const lit_cand *next = NULL;
    /* a fuzzy winner must stand clear of every other title, refused or not */
    for (size_t i = 1; i < out->n && !next; i++) {
        const lit_cand *c = &out->c[i];
        const lit_paper *cp = &rc->papers[c->rec];
        if (!w->preprint && c->preprint && !c->refused && out->preprint < 0) {
            /* the published paper's preprint: the same title or arXiv id */
            char *cn = lit_title_norm(cp->title), *ca = lit_arxiv_key(cp->arxiv);
            bool same = (!strcmp(cn, wnorm) || (ca && warx && !strcmp(ca, warx)) || (ca && ps.arxiv && !strcmp(ca, ps.arxiv))) &&
                        (!wp->n_authors || !cp->n_authors || lit_authors_share(wp, cp));   /* one work has one set of authors */
            free(cn);
            free(ca);
            if (same) { out->preprint = (long)i; continue; }
        }
        if (c->refused && (w->score == 100 || c->score < LIT_MATCH_THRESHOLD - LIT_MATCH_MARGIN)) continue;
        if (!c->refused && same_record(rc, wp, cp, mx)) { out->c[i].duplicate = true; continue; }
        next = c;
    }
    free(wnorm);
    free(warx);
    if (!next) {
        out->verdict = LIT_VERDICT_MATCH;
        out->why = out->preprint >= 0 ? "the published version of a preprint record" : "the only candidate";
    } else if (w->score - next->score >= LIT_MATCH_MARGIN) {
        out->verdict = LIT_VERDICT_MATCH;
        out->why = "a clear margin over the next candidate";
    } else if (!next->refused && ((w->venue_agrees && !next->venue_agrees) || (!w->venue_differs && next->venue_differs))) {
        out->verdict = LIT_VERDICT_MATCH;
        out->why = "the paper's venue tells it from the next candidate";
    } else if (!next->refused && w->year_exact && !next->year_exact && w->venue_agrees == next->venue_agrees &&
               w->venue_differs == next->venue_differs) {
        out->verdict = LIT_VERDICT_MATCH;
        out->why = "the paper's year tells it from the next candidate";
    } else {
        out->verdict = LIT_VERDICT_AMBIGUOUS;
        out->why = next->refused ? "a refused candidate has as close a title"
                                 : "two candidates as close, and the paper's venue and year do not tell them apart";
        out->preprint = -1;
    }
    side_free(&ps);
}

void lit_decision_free(lit_decision *dec)
{
    free(dec->c);
    memset(dec, 0, sizeof *dec);
}

const lit_paper *lit_decision_record(const lit_decision *dec)
{
    return dec->verdict == LIT_VERDICT_MATCH && dec->n ? &dec->rc->papers[dec->c[0].rec] : NULL;
}

/* ---------- the index ---------- */

typedef struct entry { const char *key; uint32_t rec; } entry;

/* key -> records: a sorted array; the strings belong to the matcher. */
typedef struct multimap { entry *e; size_t n, cap; } multimap;

struct lit_matcher {
    const lit_catalog *rc;
    lit_match_ctx *mx;
    multimap ids, titles, words;
    char **owned;
    size_t n_owned, cap_owned;
};

static const char *keep(lit_matcher *m, char *s)
{
    LIT_GROW(m->owned, m->cap_owned, m->n_owned + 1);
    return m->owned[m->n_owned++] = s;
}

static void mm_add(multimap *mm, const char *key, uint32_t rec)
{
    LIT_GROW(mm->e, mm->cap, mm->n + 1);
    mm->e[mm->n++] = (entry){key, rec};
}

static int entry_cmp(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    int r = strcmp(a->key, b->key);
    return r ? r : a->rec < b->rec ? -1 : a->rec > b->rec;
}

static void mm_sort(multimap *mm)
{
    if (mm->n) qsort(mm->e, mm->n, sizeof *mm->e, entry_cmp);
}

/* The records under key: *n of them from the returned entry. */
static const entry *mm_find(const multimap *mm, const char *key, size_t *n)
{
    size_t lo = 0, hi = mm->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(mm->e[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    size_t end = mm->n, from = lo;   /* the end of the run by bisection too: a common word's run is long */
    while (from < end) {
        size_t mid = from + (end - from) / 2;
        if (strcmp(mm->e[mid].key, key) <= 0) from = mid + 1;
        else end = mid;
    }
    *n = end - lo;
    return mm->e + lo;
}

/* "d:" DOI, "a:" arXiv id: one map for both. */
static char *id_key(char kind, const char *id)
{
    char *k = kind == 'd' ? lit_doi_key(id) : lit_arxiv_key(id);
    char *r = lit_xmalloc(strlen(k) + 3);
    sprintf(r, "%c:%s", kind, k);
    free(k);
    return r;
}

static void add_words(lit_matcher *m, const char *norm, uint32_t rec)
{
    span *w;
    size_t n = content_words(norm, &w);
    for (size_t i = 0; i < n; i++) mm_add(&m->words, keep(m, xstrndup(w[i].s, w[i].n)), rec);
    free(w);
}

lit_matcher *lit_matcher_new(const lit_catalog *rc, const lit_venues *vs)
{
    lit_matcher *m = lit_xcalloc(1, sizeof *m);
    m->rc = rc;
    m->mx = lit_match_ctx_new(vs);
    for (size_t i = 0; i < rc->n_papers; i++) {
        const lit_paper *p = &rc->papers[i];
        uint32_t r = (uint32_t)i;
        if (p->doi) mm_add(&m->ids, keep(m, id_key('d', p->doi)), r);
        if (p->arxiv) mm_add(&m->ids, keep(m, id_key('a', p->arxiv)), r);
        char *n = lit_title_norm(p->title), *s = lit_title_norm_stripped(p->title);
        if (*n) mm_add(&m->titles, keep(m, n), r);
        else free(n);
        if (s) mm_add(&m->titles, keep(m, s), r);
        add_words(m, n, r);
    }
    mm_sort(&m->ids);
    mm_sort(&m->titles);
    mm_sort(&m->words);
    return m;
}

void lit_matcher_free(lit_matcher *m)
{
    if (!m) return;
    lit_match_ctx_free(m->mx);
    for (size_t i = 0; i < m->n_owned; i++) free(m->owned[i]);
    free(m->owned);
    free(m->ids.e);
    free(m->titles.e);
    free(m->words.e);
    free(m);
}

typedef struct hits { uint32_t rec; uint32_t n; } hits;

static int hits_cmp(const void *x, const void *y)
{
    const hits *a = x, *b = y;
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return a->rec < b->rec ? -1 : a->rec > b->rec;
}

static int u32_cmp(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

static void add_found(uint32_t **out, size_t *n, size_t *cap, const entry *e, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        bool dup = false;
        for (size_t j = 0; j < *n && !dup; j++) dup = (*out)[j] == e[i].rec;
        if (dup) continue;
        LIT_GROW(*out, *cap, *n + 1);
        (*out)[(*n)++] = e[i].rec;
    }
}

size_t lit_matcher_candidates(const lit_matcher *m, const lit_paper *p, size_t max, uint32_t **out)
{
    size_t n = 0, cap = 0, k;
    *out = NULL;
    const entry *e;
    char *doi_arxiv = p->arxiv ? NULL : lit_arxiv_of_doi(p->doi);
    for (int kind = 0; kind < 2; kind++) {
        const char *id = kind ? (p->arxiv ? p->arxiv : doi_arxiv) : p->doi;
        if (!id) continue;
        char *key = id_key(kind ? 'a' : 'd', id);
        e = mm_find(&m->ids, key, &k);
        add_found(out, &n, &cap, e, k);
        free(key);
    }
    free(doi_arxiv);
    char *norm = lit_title_norm(p->title), *strip = lit_title_norm_stripped(p->title);
    e = mm_find(&m->titles, norm, &k);
    add_found(out, &n, &cap, e, k);
    if (strip) {
        e = mm_find(&m->titles, strip, &k);
        add_found(out, &n, &cap, e, k);
    }
    /* records sharing the most of the title's rarer words: a word in many records finds nothing */
    span *w;
    size_t nw = content_words(norm, &w), nh = 0, caph = 0;
    uint32_t *found = NULL;
    size_t limit = m->rc->n_papers / RARE_WORD_SHARE;
    if (limit < RARE_WORD_MIN) limit = RARE_WORD_MIN;
    if (limit > RARE_WORD_MAX) limit = RARE_WORD_MAX;
    for (size_t i = 0; i < nw; i++) {
        char *word = xstrndup(w[i].s, w[i].n);
        e = mm_find(&m->words, word, &k);
        free(word);
        if (k > limit) continue;
        LIT_GROW(found, caph, nh + k);
        for (size_t j = 0; j < k; j++) found[nh++] = e[j].rec;
    }
    free(w);
    if (nh) qsort(found, nh, sizeof *found, u32_cmp);
    hits *h = lit_xmalloc((nh + 1) * sizeof *h);
    size_t nr = 0;
    for (size_t i = 0; i < nh;) {
        size_t j = i;
        while (j < nh && found[j] == found[i]) j++;
        h[nr++] = (hits){found[i], (uint32_t)(j - i)};
        i = j;
    }
    if (nr) qsort(h, nr, sizeof *h, hits_cmp);
    for (size_t i = 0; i < nr && i < max; i++) {
        if (2 * h[i].n < nw) break;   /* fewer than half the words: not the same title */
        entry one = {NULL, h[i].rec};
        add_found(out, &n, &cap, &one, 1);
    }
    free(h);
    free(found);
    free(norm);
    free(strip);
    return n;
}

void lit_matcher_decide(const lit_matcher *m, const lit_catalog *pc, const lit_paper *p, lit_decision *out)
{
    uint32_t *rec;
    size_t n = lit_matcher_candidates(m, p, 8, &rec);
    lit_match_judge(m->mx, pc, p, m->rc, rec, n, out);
    free(rec);
}
