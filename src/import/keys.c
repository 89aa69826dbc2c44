/* keys.c - citation keys a person can type: a bibliography's own key kept, else one made
 * the way Better BibTeX makes them (authorYEARword, or shortYEARvenue without authors). */
#include "keys.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "match.h"

#define KEY_PART_MAX 24   /* a name, a word or a venue longer than this is cut */

bool lit_key_looks_typed(const char *id)
{
    if (!id || !isalpha((unsigned char)id[0])) return false;
    bool mark = false;   /* a digit or a separator: no plain word */
    size_t n = 0, caps_digits = 0;
    for (const char *p = id; *p; p++, n++) {
        unsigned char ch = (unsigned char)*p;
        if (isdigit(ch) || ch == ':' || ch == '-' || ch == '_') mark = true;
        else if (!isalpha(ch)) return false;   /* "/", ".", space: a URL, a path, a sentence */
        if (isdigit(ch) || isupper(ch)) caps_digits++;
    }
    if (n == 8 && caps_digits == 8) return false;   /* Zotero's item key ("ABCD2345") */
    return mark && n <= 64;
}

bool lit_key_citable(const char *key)
{
    if (!key || !*key) return false;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        if (*p <= ' ' || *p == 0x7F || strchr(",{}\"'%#~\\", *p) || (*p == '^' && p[1] == '^')) return false;
    return true;
}

bool lit_key_non_ascii(const char *key)
{
    for (const char *p = key; p && *p; p++)
        if ((unsigned char)*p >= 0x80) return true;
    return false;
}

/* s folded to lower-case ASCII letters and digits ("Müller" -> "muller", "μLayer" ->
 * "mulayer", "Pouget-Abadie" -> "pougetabadie"), at most max of them, appended to b. */
static void fold_into(lit_buf *b, const char *s, size_t n, size_t max)
{
    char *w = lit_xmalloc(n + 1);
    memcpy(w, s, n);
    w[n] = 0;
    utf8proc_uint8_t *m = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)w, 0, &m, UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
                     UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0) {
        free(w);
        return;
    }
    size_t added = 0;
    for (const unsigned char *p = m; *p && added < max; p++) {
        if (p[0] == 0xCE && p[1] == 0xBC) { lit_buf_adds(b, "mu"); added += 2; p++; continue; }
        if (isalnum(*p)) { lit_buf_addc(b, (char)*p); added++; }
    }
    free(m);
    free(w);
}

static bool word_char(unsigned char ch)
{
    return ch >= 0x80 || isalnum(ch) || ch == '-' || ch == '\'' || ch == '{' || ch == '}' || ch == '\\';
}

/* The k-th (0-based) significant word of title, folded, appended to b: not a stop word,
 * not a number, three letters or more folded ("We", "AI" and "3D" are skipped).
 * Returns whether there was one. */
static bool title_word(const char *title, int k, lit_buf *b)
{
    for (const char *t = title ? title : ""; *t;) {
        while (*t && !word_char((unsigned char)*t)) t++;
        const char *e = t;
        while (*e && word_char((unsigned char)*e)) e++;
        if (e == t) break;
        lit_buf w = LIT_BUF_INIT;
        fold_into(&w, t, (size_t)(e - t), KEY_PART_MAX);
        bool digits = w.len && strspn(lit_buf_str(&w), "0123456789") == w.len;
        bool ok = w.len >= 3 && !digits && !lit_title_stop_word(lit_buf_str(&w), w.len);
        if (ok && k-- == 0) {
            lit_buf_adds(b, lit_buf_str(&w));
            lit_buf_free(&w);
            return true;
        }
        lit_buf_free(&w);
        t = e;
    }
    return false;
}

void lit_key_stem(const lit_catalog *c, const lit_paper *p, lit_buf *b)
{
    size_t start = b->len;
    const char *venue = lit_catalog_venue(c, p->venue);
    if (p->n_authors) {
        char *fam = lit_name_surname(p->authors[0]);
        fold_into(b, fam, strlen(fam), KEY_PART_MAX);
        free(fam);
    }
    if (b->len > start) {   /* authorYEARword */
        if (p->year) lit_buf_printf(b, "%d", p->year);
        if (!title_word(p->title, 0, b) && venue) fold_into(b, venue, strlen(venue), KEY_PART_MAX);
        return;
    }
    bool named = false;     /* shortYEARvenue */
    if (p->short_name) fold_into(b, p->short_name, strlen(p->short_name), KEY_PART_MAX);
    named = b->len > start;
    if (!named && !title_word(p->title, 0, b)) lit_buf_adds(b, "paper");
    if (p->year) lit_buf_printf(b, "%d", p->year);
    if (venue) fold_into(b, venue, strlen(venue), KEY_PART_MAX);
    /* a title word alone is a word ("introduction"): a second one makes it a key */
    if (!named && !p->year && !venue) title_word(p->title, 1, b);
}

/* ---------- assigning ---------- */

static const lit_catalog *g_cat;   /* for the qsort comparators: assigning is not reentrant */
static size_t g_keep;


typedef struct kreq { char *stem; char *norm; uint32_t idx; } kreq;

static int kreq_cmp(const void *x, const void *y)
{
    const kreq *a = x, *b = y;
    int r = strcmp(a->stem, b->stem);
    if (r) return r;
    r = strcmp(a->norm, b->norm);
    if (r) return r;
    return lit_paper_place_cmp(&g_cat->papers[a->idx], &g_cat->papers[b->idx]);
}

/* Kept keys by key (BibTeX ignores case), existing papers first, then by place. */
static int keyed_cmp(const void *x, const void *y)
{
    uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
    const lit_paper *a = &g_cat->papers[i], *b = &g_cat->papers[j];
    int r = strcasecmp(a->key, b->key);
    if (r) return r;
    if ((i < g_keep) != (j < g_keep)) return i < g_keep ? -1 : 1;
    r = lit_paper_place_cmp(a, b);
    return r ? r : (i < j ? -1 : i > j);
}

static char *lower(const char *s)
{
    char *l = lit_xstrdup(s);
    for (char *q = l; *q; q++) *q = (char)tolower((unsigned char)*q);
    return l;
}

/* stem, then for n > 0 the suffix a, b, ..., z, aa, ab, ... */
static void suffixed(lit_buf *b, const char *stem, size_t n)
{
    lit_buf_reset(b);
    lit_buf_adds(b, stem);
    char sfx[16];
    size_t k = sizeof sfx - 1;
    sfx[k] = 0;
    while (n > 0 && k > 0) {
        n--;
        sfx[--k] = (char)('a' + n % 26);
        n /= 26;
    }
    lit_buf_adds(b, sfx + k);
}

void lit_keys_assign(lit_catalog *c, size_t n_keep)
{
    g_cat = c;
    g_keep = n_keep;
    /* a key given twice (two .bib files, a .bib and the catalog): the first keeps it */
    uint32_t *keyed = lit_xmalloc((c->n_papers + 1) * sizeof *keyed);
    size_t nk = 0;
    for (size_t i = 0; i < c->n_papers; i++)
        if (c->papers[i].key && *c->papers[i].key) keyed[nk++] = (uint32_t)i;
    if (nk) qsort(keyed, nk, sizeof *keyed, keyed_cmp);
    for (size_t i = 1, first = 0; i < nk; i++) {
        if (strcasecmp(c->papers[keyed[i]].key, c->papers[keyed[first]].key)) first = i;
        else if (keyed[i] >= n_keep) c->papers[keyed[i]].key = NULL;   /* an existing key never changes */
    }
    free(keyed);
    lit_strtab taken;   /* lower case: BibTeX takes "Foo" and "foo" for one key */
    memset(&taken, 0, sizeof taken);
    lit_arena scratch;
    memset(&scratch, 0, sizeof scratch);
    size_t nr = 0;
    kreq *r = lit_xcalloc(c->n_papers + 1, sizeof *r);
    for (size_t i = 0; i < c->n_papers; i++) {
        lit_paper *p = &c->papers[i];
        if (p->key && *p->key) {
            char *l = lower(p->key);
            lit_strtab_intern(&taken, &scratch, l);
            free(l);
            continue;
        }
        lit_buf b = LIT_BUF_INIT;
        lit_key_stem(c, p, &b);
        r[nr].stem = lit_xstrdup(lit_buf_str(&b));
        r[nr].norm = lit_title_norm(p->title);
        r[nr].idx = (uint32_t)i;
        nr++;
        lit_buf_free(&b);
    }
    qsort(r, nr, sizeof *r, kreq_cmp);
    size_t s = 0;   /* next suffix to try within a run of equal stems: linear, not quadratic */
    lit_buf b = LIT_BUF_INIT;
    for (size_t i = 0; i < nr; i++) {
        if (i == 0 || strcmp(r[i].stem, r[i - 1].stem)) s = 0;
        for (suffixed(&b, r[i].stem, s); lit_strtab_find(&taken, lit_buf_str(&b)) >= 0;) suffixed(&b, r[i].stem, ++s);
        s++;
        lit_strtab_intern(&taken, &scratch, lit_buf_str(&b));
        c->papers[r[i].idx].key = lit_arena_strdup(&c->arena, lit_buf_str(&b));
    }
    lit_buf_free(&b);
    for (size_t i = 0; i < nr; i++) { free(r[i].stem); free(r[i].norm); }
    free(r);
    lit_strtab_free(&taken);
    lit_arena_free(&scratch);
    g_cat = NULL;
}

size_t lit_keys_warn_non_ascii(const lit_catalog *c, size_t from, lit_diag *d)
{
    size_t n = 0;
    const lit_paper *first = NULL;
    for (size_t i = from; i < c->n_papers; i++)
        if (lit_key_non_ascii(c->papers[i].key) && n++ == 0) first = &c->papers[i];
    if (n == 1)
        lit_warn(d, lit_paper_first_list(first), lit_paper_first_line(first), 0,
                 "key '%s' has non-ASCII letters: kept, biber cites it, bibtex cannot", first->key);
    else if (n)
        lit_warn(d, lit_paper_first_list(first), lit_paper_first_line(first), 0,
                 "%zu keys have non-ASCII letters (the first '%s'): kept, biber cites them, bibtex cannot", n, first->key);
    return n;
}
