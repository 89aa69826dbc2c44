/* cite_keys.c - which key cites each paper when the user has .bib files of their own. */
#include "cite_keys.h"
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "import.h"
#include "match.h"

enum { NOT_SHOWN = 0, FOUND = 1, MISSING = 2 };

struct lit_citemap {
    const lit_db *db;
    lit_arena a;
    lit_catalog user;          /* the user's entries that make papers */
    lit_strtab ukeys;          /* every key of their files, lower case (bibtex ignores case) */
    const char **bibs;         /* the files, as given */
    size_t n_bibs;
    const char **key;          /* per catalog paper: the key it is cited by */
    unsigned char *state;      /* per catalog paper: NOT_SHOWN, FOUND, MISSING */
    bool *renamed;             /* per catalog paper: its key is another paper's in their files */
    uint32_t *missing;         /* selected papers not in the files, in selection order */
    size_t n_missing, n_found, n_renamed;
    const char *example_from, *example_to;   /* one renamed key, for the warning */
};

static char *lower(lit_arena *a, const char *s)
{
    char *l = lit_arena_strdup(a, s ? s : "");
    for (char *q = l; *q; q++) *q = (char)tolower((unsigned char)*q);
    return l;
}

/* Every key the written entries must not take: the user's, the catalog's and its aliases. */
static void catalog_keys(lit_citemap *m, lit_strtab *taken)
{
    const lit_catalog *cat = &m->db->cat;
    for (size_t i = 0; i < m->ukeys.n; i++) lit_strtab_intern(taken, &m->a, m->ukeys.names[i]);
    for (size_t i = 0; i < cat->n_papers; i++) {
        const lit_paper *p = &cat->papers[i];
        lit_strtab_intern(taken, &m->a, lower(&m->a, p->key));
        const lit_node *al = lit_paper_extra(p, "aliases", LIT_NODE_SEQ);
        for (size_t k = 0; al && k < al->n; k++)
            if (al->items[k].kind == LIT_NODE_SCALAR) lit_strtab_intern(taken, &m->a, lower(&m->a, al->items[k].str));
    }
}

/* A key no file and no catalog paper has: the key with a letter after it, as Better
 * BibTeX tells two papers of one author and year apart ("smith2020" -> "smith2020a"). */
static const char *fresh_key(lit_citemap *m, lit_strtab *taken, const char *key)
{
    for (int n = 0; n < 26 * 27; n++) {
        char suffix[4] = {0};
        if (n < 26) suffix[0] = (char)('a' + n);
        else { suffix[0] = (char)('a' + n / 26 - 1); suffix[1] = (char)('a' + n % 26); }
        char *k = lit_arena_printf(&m->a, "%s%s", key, suffix);
        char *lk = lower(&m->a, k);
        if (lit_strtab_find(taken, lk) >= 0) continue;
        lit_strtab_intern(taken, &m->a, lk);
        return k;
    }
    return lit_arena_printf(&m->a, "%s-litsurvey", key);   /* 702 papers of one key: not met */
}

/* Whether " a " is in " b " (normalised titles: words between single spaces). */
static bool words_in(const char *a, const char *b)
{
    if (!*a) return false;
    size_t n = strlen(a);
    for (const char *q = b; (q = strstr(q, a)) != NULL; q++)
        if ((q == b || q[-1] == ' ') && (q[n] == 0 || q[n] == ' ')) return true;
    return false;
}

/* Whether record ri of the user's files, which has the key (or an alias) of paper p, is
 * that paper: the matching rules take it, or its title is words of the paper's name and
 * title ("Alpa", "Parameter Server": a .bib that `litsurvey bib` wrote, or one shortened
 * by hand) with no identifier against it and the years at most one apart. Keys made of a
 * title's first word, venue and year ("efficient-sosp23") are met by other papers too. */
static bool same_by_key(lit_match_ctx *mx, const lit_catalog *cat, const lit_paper *p, const lit_catalog *user,
                        uint32_t ri)
{
    lit_decision dec = {0};
    lit_match_judge(mx, cat, p, user, &ri, 1, &dec);
    bool match = dec.verdict == LIT_VERDICT_MATCH;
    lit_decision_free(&dec);
    if (match) return true;
    const lit_paper *rec = &user->papers[ri];
    bool differ = false;
    char *a = lit_doi_key(p->doi), *b = lit_doi_key(rec->doi);
    differ |= a && b && strcmp(a, b) != 0;
    free(a);
    free(b);
    a = lit_arxiv_key(p->arxiv);
    b = lit_arxiv_key(rec->arxiv);
    differ |= a && b && strcmp(a, b) != 0;
    free(a);
    free(b);
    differ |= p->year && rec->year && abs(p->year - rec->year) > 1;
    if (differ || !rec->title) return false;
    lit_buf t = LIT_BUF_INIT;
    lit_buf_printf(&t, "%s %s", p->short_name ? p->short_name : "", p->title ? p->title : "");
    a = lit_title_norm(lit_buf_str(&t));
    b = lit_title_norm(rec->title);
    bool in = words_in(b, a);
    free(a);
    free(b);
    lit_buf_free(&t);
    return in;
}

/* The index of the user's record under key (any case), or -1. */
static long user_record(lit_citemap *m, const lit_strtab *ukey_rec, const uint32_t *rec_of, const char *key)
{
    int32_t ix = key ? lit_strtab_find(ukey_rec, lower(&m->a, key)) : -1;
    return ix >= 0 ? (long)rec_of[ix] : -1;
}

static int read_bibs(lit_citemap *m, const lit_db *db, lit_diag *d)
{
    lit_bib *bib = lit_bib_new();
    lit_import_opts o = {.venues = &db->venues, .topics = &db->topics, .bib = bib};
    int rc = 0;
    for (size_t i = 0; i < m->n_bibs && rc == 0; i++) {
        char *data = NULL;
        size_t len = 0;
        if (lit_import_read(m->bibs[i], &data, &len, d) != 0) { rc = -1; break; }
        rc = lit_bib_read(bib, m->bibs[i], data, len, &o, d);
        free(data);
    }
    if (rc == 0) rc = lit_bib_finish(bib, &m->user, &o, d);
    for (size_t i = 0; rc == 0 && i < lit_bib_n_keys(bib); i++)
        lit_strtab_intern(&m->ukeys, &m->a, lower(&m->a, lit_bib_key(bib, i)));
    lit_bib_free(bib);
    if (rc == 0 && !m->ukeys.n) rc = lit_error(d, m->bibs[0], 0, 0, "no BibTeX entries to cite from");
    return rc;
}

lit_citemap *lit_citemap_new(const lit_db *db, const uint32_t *sel, size_t n_sel, const char *const *bibs,
                             size_t n_bibs, lit_diag *d)
{
    if (!n_bibs) return NULL;
    lit_citemap *m = lit_xcalloc(1, sizeof *m);
    m->db = db;
    lit_catalog_init(&m->user);
    m->bibs = lit_arena_alloc(&m->a, n_bibs * sizeof *m->bibs);
    for (size_t i = 0; i < n_bibs; i++) m->bibs[i] = lit_arena_strdup(&m->a, bibs[i]);
    m->n_bibs = n_bibs;
    if (read_bibs(m, db, d) != 0) {
        lit_citemap_free(m);
        return NULL;
    }
    const lit_catalog *cat = &db->cat;
    size_t np = cat->n_papers;
    m->key = lit_xcalloc(np + 1, sizeof *m->key);
    m->state = lit_xcalloc(np + 1, 1);
    m->renamed = lit_xcalloc(np + 1, sizeof *m->renamed);
    m->missing = lit_xmalloc((n_sel + 1) * sizeof *m->missing);
    /* the selected papers, and every paper whose key is one of the files' (selected or
     * not, in catalog order): a key is renamed the same way whatever a command selects,
     * so that the tables and --missing-from agree */
    unsigned char *wanted = lit_xcalloc(np + 1, 1);
    for (size_t i = 0; i < n_sel; i++) wanted[sel ? sel[i] : i] = 1;
    lit_matcher *mt = m->user.n_papers ? lit_matcher_new(&m->user, &db->venues) : NULL;
    lit_strtab taken = {0};
    catalog_keys(m, &taken);
    /* the user's records by key */
    lit_strtab ukey_rec = {0};
    uint32_t *rec_of = lit_xmalloc((m->user.n_papers + 1) * sizeof *rec_of);
    for (size_t k = 0; k < m->user.n_papers; k++) {
        int32_t ix = lit_strtab_intern(&ukey_rec, &m->a, lower(&m->a, m->user.papers[k].key));
        if ((size_t)ix == ukey_rec.n - 1) rec_of[ix] = (uint32_t)k;
    }
    lit_match_ctx *mx = lit_match_ctx_new(&db->venues);
    lit_decision dec = {0};
    for (size_t i = 0; i < np; i++) {
        const lit_paper *p = &cat->papers[i];
        bool collides = lit_strtab_find(&m->ukeys, lower(&m->a, p->key)) >= 0;
        if (!wanted[i] && !collides) continue;
        /* a record under the paper's key or an alias of it, unless it is another paper;
         * else the one the matching rules find */
        const lit_paper *rec = NULL;
        long ri = user_record(m, &ukey_rec, rec_of, p->key);
        if (ri >= 0 && same_by_key(mx, cat, p, &m->user, (uint32_t)ri)) rec = &m->user.papers[ri];
        const lit_node *al = lit_paper_extra(p, "aliases", LIT_NODE_SEQ);
        for (size_t k = 0; !rec && al && k < al->n; k++) {
            if (al->items[k].kind != LIT_NODE_SCALAR) continue;
            ri = user_record(m, &ukey_rec, rec_of, al->items[k].str);
            if (ri >= 0 && same_by_key(mx, cat, p, &m->user, (uint32_t)ri)) rec = &m->user.papers[ri];
        }
        if (!rec && mt) {
            lit_matcher_decide(mt, cat, p, &dec);
            rec = lit_decision_record(&dec);
        }
        if (rec) {
            m->key[i] = rec->key;
            m->state[i] = FOUND;
        } else if (collides) {
            m->key[i] = fresh_key(m, &taken, p->key);
            m->renamed[i] = true;
            m->state[i] = MISSING;
        } else {
            m->key[i] = p->key;
            m->state[i] = MISSING;
        }
    }
    lit_decision_free(&dec);
    lit_matcher_free(mt);
    lit_strtab_free(&ukey_rec);
    free(rec_of);
    free(wanted);
    lit_match_ctx_free(mx);
    lit_strtab_free(&taken);
    /* what the selection shows: counted, and the missing ones in order */
    unsigned char *shown = lit_xcalloc(np + 1, 1);
    for (size_t i = 0; i < n_sel; i++) {
        uint32_t pi = sel ? sel[i] : (uint32_t)i;
        if (shown[pi]) continue;
        shown[pi] = 1;
        if (m->state[pi] == FOUND) { m->n_found++; continue; }
        m->missing[m->n_missing++] = pi;
        if (m->renamed[pi]) {
            if (!m->n_renamed) { m->example_from = cat->papers[pi].key; m->example_to = m->key[pi]; }
            m->n_renamed++;
        }
    }
    free(shown);
    return m;
}

void lit_citemap_free(lit_citemap *m)
{
    if (!m) return;
    lit_catalog_free(&m->user);
    lit_strtab_free(&m->ukeys);
    free(m->key);
    free(m->state);
    free(m->renamed);
    free(m->missing);
    lit_arena_free(&m->a);
    free(m);
}

const char *lit_citemap_key(const lit_citemap *m, uint32_t pi)
{
    return m->key[pi] ? m->key[pi] : m->db->cat.papers[pi].key;
}

size_t lit_citemap_n_missing(const lit_citemap *m) { return m->n_missing; }
size_t lit_citemap_n_renamed(const lit_citemap *m) { return m->n_renamed; }
size_t lit_citemap_n_found(const lit_citemap *m) { return m->n_found; }

void lit_citemap_files(const lit_citemap *m, lit_buf *b)
{
    for (size_t i = 0; i < m->n_bibs; i++)
        lit_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == m->n_bibs ? " or " : ", ", m->bibs[i]);
}

void lit_citemap_options(const lit_citemap *m, lit_buf *b)
{
    for (size_t i = 0; i < m->n_bibs; i++) lit_buf_printf(b, " --missing-from %s", m->bibs[i]);
}

void lit_citemap_warn(const lit_citemap *m, const char *hint, lit_diag *d)
{
    lit_buf files = LIT_BUF_INIT;
    lit_citemap_files(m, &files);
    if (m->n_missing && hint)
        lit_warn(d, NULL, 0, 0, "%zu paper%s %s not in %s: cited by %s catalog key%s; %s", m->n_missing,
                 m->n_missing == 1 ? "" : "s", m->n_missing == 1 ? "is" : "are", lit_buf_str(&files),
                 m->n_missing == 1 ? "its" : "their", m->n_missing == 1 ? "" : "s", hint);
    if (m->n_renamed)
        lit_warn(d, NULL, 0, 0, "%zu catalog key%s %s the key of another paper in %s: renamed where cited and in "
                 "the entries written for them ('%s' is cited as '%s')", m->n_renamed, m->n_renamed == 1 ? "" : "s",
                 m->n_renamed == 1 ? "is" : "are", lit_buf_str(&files), m->example_from, m->example_to);
    lit_buf_free(&files);
}

/* The paper as the writer sees it: the key it is cited by, and only the aliases no file
 * has (the new lists in a, which lives while the view is written). */
static lit_paper view_of(const lit_citemap *m, uint32_t pi, lit_arena *a)
{
    lit_paper v = m->db->cat.papers[pi];
    v.key = lit_citemap_key(m, pi);
    for (uint32_t k = 0; k < v.n_extras; k++) {
        if (strcmp(v.extras[k].key, "aliases") != 0 || v.extras[k].value.kind != LIT_NODE_SEQ) continue;
        const lit_node *al = &v.extras[k].value;
        lit_extra *ex = lit_arena_alloc(a, v.n_extras * sizeof *ex);
        memcpy(ex, v.extras, v.n_extras * sizeof *ex);
        lit_node *items = lit_arena_alloc(a, (al->n + 1) * sizeof *items);
        size_t n = 0;
        for (size_t j = 0; j < al->n; j++)
            if (al->items[j].kind != LIT_NODE_SCALAR || lit_strtab_find(&m->ukeys, lower(a, al->items[j].str)) < 0)
                items[n++] = al->items[j];
        ex[k].value.items = items;
        ex[k].value.n = n;
        v.extras = ex;
        break;
    }
    return v;
}

int lit_citemap_write_missing(const lit_citemap *m, FILE *fp, lit_diag *d)
{
    lit_arena a = {0};
    lit_catalog view = m->db->cat;        /* shares the strings; only the papers differ */
    view.papers = lit_xmalloc((m->n_missing + 1) * sizeof *view.papers);
    view.n_papers = view.cap_papers = m->n_missing;
    for (size_t i = 0; i < m->n_missing; i++) view.papers[i] = view_of(m, m->missing[i], &a);
    int rc = lit_bib_write(fp, &view, &m->db->venues, NULL, m->n_missing, d);
    free(view.papers);
    lit_arena_free(&a);
    return rc;
}

/* ---- paths for \bibliography ---- */

void lit_path_from(const char *dir, const char *file, bool strip_bib, lit_buf *out)
{
    char *rd = realpath(dir && *dir ? dir : ".", NULL), *rf = realpath(file, NULL);
    size_t start = out->len;
    if (rd && rf && strcmp(rd, "/") == 0) lit_buf_adds(out, rf + 1);
    else if (rd && rf) {
        size_t i = 0, last = 0;   /* last: the '/' after the folders both are in */
        for (; rd[i] && rd[i] == rf[i]; i++)
            if (rd[i] == '/') last = i;
        if (!rd[i] && rf[i] == '/') last = i;
        for (const char *q = rd + last; *q; q++)
            if (*q == '/') lit_buf_adds(out, "../");
        lit_buf_adds(out, rf + last + 1);
    } else lit_buf_adds(out, rf ? rf : file);
    if (strip_bib && out->len - start > 4 && strcmp(out->data + out->len - 4, ".bib") == 0) {
        out->len -= 4;
        out->data[out->len] = 0;
    }
    free(rd);
    free(rf);
}
