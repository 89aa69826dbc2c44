/* dblp_index.c - the DBLP index read: opened and checked, records decoded into papers, candidates by identifier, title and rare title words. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buf.h"
#include "dblp.h"
#include "dblp_priv.h"
#include "dedupe.h"

/* Postings a fuzzy query reads at most (of its rarest words): the cost of a query is
 * bounded whatever the size of the index. */
#define FUZZY_POSTINGS 6000
/* Candidates whose other words are looked up in their signatures at most (each a random
 * read of the index): a title of common words only has thousands. */
#define FUZZY_CHECKS 1000
/* The share of a title's word weight a fuzzy candidate must have. */
#define FUZZY_SHARE 0.6f
/* Records with the same normalised title kept at most (those nearest the year first):
 * "Editorial" is the title of thousands. */
#define EXACT_MAX 32
/* Words of a query title considered. */
#define QUERY_WORDS 64

typedef struct table {
    unsigned bits;
    uint64_t n;
    const unsigned char *dir, *ent;
    size_t esize;
} table;

struct lit_dblp_index {
    char *path;
    unsigned char *map;
    size_t size;
    uint64_t n, n_strings, n_tokens, n_words;
    const unsigned char *sec[S_N];
    uint64_t sec_size[S_N];
    table keys, titles, dois, arxivs, words;
    uint32_t *ids;            /* the records a query found, in order */
    struct ranked *cand;      /* fuzzy candidates being weighed */
    size_t cap_cand;
    size_t n_ids, cap_ids;
};

/* ---- shared with the writer ---- */

uint64_t lit_dblp_norm_probe(void)
{
    static const char *const probe[] = {
        "The {TVM} Compiler: \xC3\x9Cn\xC3\xAF" "code \xE2\x80\x94 r\xC3\xA9sum\xC3\xA9, FOO-bar & $P^3$ \\emph{x}",
        "A \xEF\xAC\x81ne Stra\xC3\x9F" "e of 2\xC2\xBD \xCE\xA3 \xE6\x97\xA5\xE6\x9C\xAC", "An Old-Style title"};
    uint64_t h = 0;
    for (size_t i = 0; i < sizeof probe / sizeof *probe; i++) {
        char *n = lit_title_norm(probe[i]);
        h = h * 31 + dblp_hash(n, strlen(n));
        free(n);
    }
    return h;
}

void lit_dblp_doi_key(const char *doi, char *out, size_t cap)
{
    static const char *const pre[] = {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                      "http://dx.doi.org/", "doi:", NULL};
    for (int i = 0; pre[i]; i++)
        if (strncasecmp(doi, pre[i], strlen(pre[i])) == 0) { doi += strlen(pre[i]); break; }
    size_t n = 0;
    for (; doi[n] && n + 1 < cap; n++) out[n] = (char)tolower((unsigned char)doi[n]);
    out[n] = 0;
}

/* ---- opening ---- */

static int damaged(lit_dblp_index *ix, lit_diag *d, const char *what)
{
    return lit_error(d, ix->path, 0, 0, "damaged DBLP index: %s; build it again with 'litsurvey resolve --index'", what);
}

static bool table_init(table *t, const unsigned char *p, uint64_t size, size_t esize)
{
    if (size < DBLP_TABLE_HDR) return false;
    t->bits = dblp_get32(p);
    t->esize = dblp_get32(p + 4);
    t->n = dblp_get64(p + 8);
    if (t->bits > 24 || t->esize != esize || t->n > UINT32_MAX) return false;
    uint64_t nd = ((uint64_t)1 << t->bits) + 1;
    if (size != DBLP_TABLE_HDR + nd * 4 + t->n * esize) return false;
    t->dir = p + DBLP_TABLE_HDR;
    t->ent = t->dir + nd * 4;
    return true;
}

lit_dblp_index *lit_dblp_index_open(const char *idx_path, lit_diag *d)
{
    int fd = open(idx_path, O_RDONLY);
    if (fd < 0) { lit_io_error(d, idx_path, "cannot open '%s': %s", idx_path, strerror(errno)); return NULL; }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        lit_io_error(d, idx_path, "cannot read '%s': %s", idx_path, S_ISDIR(st.st_mode) ? "it is a folder" : "not a file");
        close(fd);
        return NULL;
    }
    lit_dblp_index *ix = lit_xcalloc(1, sizeof *ix);
    ix->path = lit_xstrdup(idx_path);
    ix->size = (size_t)st.st_size;
    const char *bad = NULL;
    unsigned char hdr[DBLP_HDR_SIZE];
    if (ix->size < DBLP_HDR_SIZE || pread(fd, hdr, sizeof hdr, 0) != (ssize_t)sizeof hdr || memcmp(hdr, DBLP_MAGIC, 8) != 0) {
        lit_error(d, idx_path, 0, 0, "not a DBLP index (build one with 'litsurvey resolve --index dblp.xml.gz -o %s')", idx_path);
        close(fd);
        lit_dblp_index_close(ix);
        return NULL;
    }
    if (dblp_get32(hdr + H_VERSION) != DBLP_VERSION) {
        lit_error(d, idx_path, 0, 0, "DBLP index of format version %u; this litsurvey reads version %d: build it again",
                  dblp_get32(hdr + H_VERSION), DBLP_VERSION);
        close(fd);
        lit_dblp_index_close(ix);
        return NULL;
    }
    if (dblp_get64(hdr + H_CHECKSUM) != dblp_hash(hdr, H_CHECKSUM) || dblp_get32(hdr + H_HDRSIZE) != DBLP_HDR_SIZE ||
        dblp_get32(hdr + H_NSECTIONS) != S_N)
        bad = "its header does not check";
    else if (dblp_get64(hdr + H_FILESIZE) != (uint64_t)st.st_size)
        bad = dblp_get64(hdr + H_FILESIZE) > (uint64_t)st.st_size ? "it is truncated" : "it has bytes past its end";
    if (!bad) {
        ix->map = mmap(NULL, ix->size, PROT_READ, MAP_SHARED, fd, 0);
        if (ix->map == MAP_FAILED) {
            ix->map = NULL;
            lit_io_error(d, idx_path, "cannot map '%s': %s", idx_path, strerror(errno));
            close(fd);
            lit_dblp_index_close(ix);
            return NULL;
        }
    }
    close(fd);
    if (!bad) {
        ix->n = dblp_get64(hdr + H_NRECORDS);
        ix->n_strings = dblp_get64(hdr + H_NSTRINGS);
        ix->n_tokens = dblp_get64(hdr + H_NTOKENS);
        ix->n_words = dblp_get64(hdr + H_NWORDS);
        uint64_t prev_end = DBLP_HDR_SIZE;
        for (int s = 0; s < S_N && !bad; s++) {
            uint64_t off = dblp_get64(hdr + H_SECTIONS + 16 * s), sz = dblp_get64(hdr + H_SECTIONS + 16 * s + 8);
            if (off < prev_end || off > ix->size || sz > ix->size - off) bad = "a section lies outside the file";
            else { ix->sec[s] = ix->map + off; ix->sec_size[s] = sz; prev_end = off + sz; }
        }
    }
    if (!bad) {
        if (ix->n >= UINT32_MAX || ix->sec_size[S_RECOFF] != (ix->n + 1) * 8 || ix->sec_size[S_SUMMARY] != ix->n * 4 ||
            ix->sec_size[S_SIGS] != ix->n * 8)
            bad = "its record tables disagree";
        else if (ix->n_strings >= UINT32_MAX || ix->sec_size[S_STROFF] != (ix->n_strings + 1) * 4 ||
                 ix->n_tokens >= UINT32_MAX || ix->sec_size[S_TOKOFF] != (ix->n_tokens + 1) * 4)
            bad = "its string table is inconsistent";
        else if (!table_init(&ix->keys, ix->sec[S_KEYS], ix->sec_size[S_KEYS], DBLP_REC_ENTRY) ||
                 !table_init(&ix->titles, ix->sec[S_TITLES], ix->sec_size[S_TITLES], DBLP_REC_ENTRY) ||
                 !table_init(&ix->dois, ix->sec[S_DOIS], ix->sec_size[S_DOIS], DBLP_REC_ENTRY) ||
                 !table_init(&ix->arxivs, ix->sec[S_ARXIVS], ix->sec_size[S_ARXIVS], DBLP_REC_ENTRY) ||
                 !table_init(&ix->words, ix->sec[S_WORDS], ix->sec_size[S_WORDS], DBLP_WORD_ENTRY) ||
                 ix->words.n != ix->n_words)
            bad = "a hash table is inconsistent";
        else if (dblp_get64(hdr + H_NORM) != lit_dblp_norm_probe()) {
            lit_error(d, idx_path, 0, 0, "DBLP index built with another title normalisation: build it again");
            lit_dblp_index_close(ix);
            return NULL;
        }
    }
    if (bad) {
        damaged(ix, d, bad);
        lit_dblp_index_close(ix);
        return NULL;
    }
    return ix;
}

void lit_dblp_index_close(lit_dblp_index *ix)
{
    if (!ix) return;
    if (ix->map) munmap(ix->map, ix->size);
    free(ix->path);
    free(ix->ids);
    free(ix->cand);
    free(ix);
}

size_t lit_dblp_index_count(const lit_dblp_index *ix)
{
    return ix ? (size_t)ix->n : 0;
}

/* ---- hash tables ---- */

/* Entries [*lo, *hi) of t with hash h. Returns -1 when the table is damaged. */
static int table_find(const table *t, uint64_t h, uint64_t *lo, uint64_t *hi)
{
    uint64_t slot = t->bits ? h >> (64 - t->bits) : 0;
    uint64_t a = dblp_get32(t->dir + 4 * slot), b = dblp_get32(t->dir + 4 * (slot + 1));
    if (a > b || b > t->n) return -1;
    while (a < b) {   /* first entry >= h */
        uint64_t m = a + (b - a) / 2;
        if (dblp_get64(t->ent + m * t->esize) < h) a = m + 1;
        else b = m;
    }
    uint64_t e = a;
    while (e < t->n && dblp_get64(t->ent + e * t->esize) == h) e++;
    *lo = a;
    *hi = e;
    return 0;
}

static uint32_t table_rec(const table *t, uint64_t i)
{
    return dblp_get32(t->ent + i * t->esize + 8);
}

/* ---- records ---- */

typedef struct cur { const unsigned char *p, *end; bool bad; } cur;

static uint64_t cur_varint(cur *c)
{
    uint64_t v = 0;
    for (int s = 0; s < 64; s += 7) {
        if (c->p >= c->end) break;
        unsigned char b = *c->p++;
        v |= (uint64_t)(b & 0x7F) << s;
        if (!(b & 0x80)) return v;
    }
    c->bad = true;
    return 0;
}

static const char *cur_str(cur *c, size_t *len)
{
    uint64_t n = cur_varint(c);
    if (c->bad || n > (uint64_t)(c->end - c->p)) { c->bad = true; *len = 0; return ""; }
    const char *s = (const char *)c->p;
    c->p += n;
    *len = (size_t)n;
    return s;
}

/* String id of a table (STRINGS or TOKENS by its offsets), NULL (and c->bad) when out
 * of range or not NUL-terminated. */
static const char *table_string(const lit_dblp_index *ix, int offs, uint64_t n, cur *c, uint64_t id)
{
    if (id >= n) { c->bad = true; return NULL; }
    const unsigned char *o = ix->sec[offs], *blob = ix->sec[offs + 1];
    uint64_t a = dblp_get32(o + 4 * id), b = dblp_get32(o + 4 * (id + 1));
    if (a >= b || b > ix->sec_size[offs + 1] || blob[b - 1] != 0) { c->bad = true; return NULL; }
    return (const char *)blob + a;
}

static const char *string_at(const lit_dblp_index *ix, cur *c, uint64_t id)
{
    return table_string(ix, S_STROFF, ix->n_strings, c, id);
}

/* A record decoded, its strings pointing into the map: a shared start (NUL-terminated,
 * or NULL) and a rest of a length; title tokens and authors as their varint ids. */
typedef struct split { const char *start, *rest; size_t n; } split;
typedef struct drec {
    int type, year;
    split key, doi;
    const char *arxiv, *ee;
    size_t arxiv_n, ee_n;
    uint64_t n_tokens, n_authors;
    const unsigned char *tokens, *authors;
    const char *crossref;           /* NUL-terminated (shared) */
    const char *f[F_N];             /* interned ones NUL-terminated; others f_n long */
    size_t f_n[F_N];
} drec;

static void cur_split(const lit_dblp_index *ix, cur *c, split *s)
{
    uint64_t id = cur_varint(c);
    s->start = id ? string_at(ix, c, id - 1) : NULL;
    s->rest = cur_str(c, &s->n);
}

/* n varint ids of a table, checked; returns where they start. */
static const unsigned char *cur_ids(const lit_dblp_index *ix, cur *c, int offs, uint64_t table_n, uint64_t n)
{
    if (n > (uint64_t)(c->end - c->p)) { c->bad = true; return c->p; }
    const unsigned char *at = c->p;
    for (uint64_t k = 0; k < n && !c->bad; k++) table_string(ix, offs, table_n, c, cur_varint(c));
    return at;
}

static int decode(const lit_dblp_index *ix, uint32_t i, drec *r)
{
    if (i >= ix->n) return -1;
    uint64_t a = dblp_get64(ix->sec[S_RECOFF] + 8 * (uint64_t)i), b = dblp_get64(ix->sec[S_RECOFF] + 8 * ((uint64_t)i + 1));
    if (a >= b || b > ix->sec_size[S_RECORDS]) return -1;
    cur c = {ix->sec[S_RECORDS] + a, ix->sec[S_RECORDS] + b, false};
    memset(r, 0, sizeof *r);
    r->type = *c.p++;
    uint64_t year = cur_varint(&c), flags = cur_varint(&c);
    if (r->type >= DBLP_N_TYPES || year > 2100 || flags >= R_ALL) return -1;
    r->year = (int)year;
    cur_split(ix, &c, &r->key);
    r->n_tokens = cur_varint(&c);
    r->tokens = cur_ids(ix, &c, S_TOKOFF, ix->n_tokens, r->n_tokens);
    r->n_authors = cur_varint(&c);
    r->authors = cur_ids(ix, &c, S_STROFF, ix->n_strings, r->n_authors);
    if (flags & R_DOI) cur_split(ix, &c, &r->doi);
    if (flags & R_ARXIV) r->arxiv = cur_str(&c, &r->arxiv_n);
    if (flags & R_EE) r->ee = cur_str(&c, &r->ee_n);
    if (flags & R_CROSSREF) r->crossref = string_at(ix, &c, cur_varint(&c));
    for (int f = 0; f < F_N && !c.bad; f++) {
        if (!(flags >> f & 1)) continue;
        if (DBLP_FIELD_INTERNED(f)) {
            r->f[f] = string_at(ix, &c, cur_varint(&c));
            r->f_n[f] = r->f[f] ? strlen(r->f[f]) : 0;
        } else {
            r->f[f] = cur_str(&c, &r->f_n[f]);
        }
    }
    return c.bad || c.p != c.end ? -1 : 0;
}

/* The whole of a split string, into the arena (or compared). */
static char *split_dup(lit_arena *a, const split *s)
{
    size_t k = s->start ? strlen(s->start) : 0;
    char *r = lit_arena_alloc(a, k + s->n + 1);
    memcpy(r, s->start ? s->start : "", k);
    memcpy(r + k, s->rest, s->n);
    return r;
}

static bool split_eq(const split *s, const char *str, size_t n)
{
    size_t k = s->start ? strlen(s->start) : 0;
    return k + s->n == n && memcmp(str, s->start ? s->start : "", k) == 0 && memcmp(str + k, s->rest, s->n) == 0;
}

/* The record with this DBLP key, or -1 (-2: damaged). */
static long find_key(const lit_dblp_index *ix, const char *key, size_t n)
{
    uint64_t lo, hi;
    if (table_find(&ix->keys, dblp_hash(key, n), &lo, &hi) != 0) return -2;
    for (uint64_t e = lo; e < hi; e++) {
        drec r;
        uint32_t i = table_rec(&ix->keys, e);
        if (decode(ix, i, &r) != 0) return -2;
        if (split_eq(&r.key, key, n)) return i;
    }
    return -1;
}

/* A field value as the bib map holds it: LaTeX source, so the ten specials escaped;
 * pages with BibTeX's en dash. */
const char *lit_dblp_tex_value(lit_arena *a, const char *s, size_t n, bool pages)
{
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (pages && c == '-' && (i == 0 || s[i - 1] != '-') && (i + 1 == n || s[i + 1] != '-')) lit_buf_adds(&b, "--");
        else if (strchr("&%$#_{}", c)) { lit_buf_addc(&b, '\\'); lit_buf_addc(&b, c); }
        else if (c == '~') lit_buf_adds(&b, "\\textasciitilde{}");
        else if (c == '^') lit_buf_adds(&b, "\\textasciicircum{}");
        else if (c == '\\') lit_buf_adds(&b, "\\textbackslash{}");
        else lit_buf_addc(&b, c);
    }
    char *r = lit_arena_strdup(a, b.data);
    lit_buf_free(&b);
    return r;
}

/* Record i appended to out as a paper. Returns 0 or -1 (damaged). */
static int append_paper(const lit_dblp_index *ix, uint32_t i, lit_catalog *out)
{
    drec r;
    if (decode(ix, i, &r) != 0) return -1;
    /* what the record lacks, from the proceedings or book it is part of */
    drec x;
    bool have_x = false;
    if (r.crossref) {
        long xi = find_key(ix, r.crossref, strlen(r.crossref));
        if (xi == -2) return -1;
        if (xi >= 0 && (uint32_t)xi != i && decode(ix, (uint32_t)xi, &x) == 0 &&
            (x.type == DBLP_PROCEEDINGS || x.type == DBLP_BOOK))
            have_x = true;
    }
    static const int inherit[] = {F_BOOKTITLE, F_VOLUME, F_PUBLISHER, F_SERIES};
    if (have_x)
        for (size_t k = 0; k < sizeof inherit / sizeof *inherit; k++) {
            int f = inherit[k];
            if (!r.f[f] && x.f[f]) { r.f[f] = x.f[f]; r.f_n[f] = x.f_n[f]; }
        }
    if (have_x && !r.year) r.year = x.year;

    lit_arena *a = &out->arena;
    lit_paper *p = lit_catalog_add(out);
    p->key = split_dup(a, &r.key);
    const unsigned char *end = ix->sec[S_RECORDS] + ix->sec_size[S_RECORDS];
    lit_buf t = LIT_BUF_INIT;
    lit_buf_add(&t, "", 0);
    cur c = {r.tokens, end, false};
    for (uint64_t k = 0; k < r.n_tokens; k++) {   /* checked by decode */
        if (k) lit_buf_addc(&t, ' ');
        lit_buf_adds(&t, table_string(ix, S_TOKOFF, ix->n_tokens, &c, cur_varint(&c)));
    }
    p->title = lit_arena_strdup(a, t.data);
    lit_buf_free(&t);
    p->year = (int16_t)r.year;
    if (r.n_authors) {
        p->authors = lit_arena_alloc(a, r.n_authors * sizeof *p->authors);
        c = (cur){r.authors, end, false};
        for (uint64_t k = 0; k < r.n_authors; k++) p->authors[k] = lit_arena_strdup(a, string_at(ix, &c, cur_varint(&c)));
        p->n_authors = (uint32_t)r.n_authors;
    }
    if (r.doi.n || r.doi.start) p->doi = split_dup(a, &r.doi);
    if (r.arxiv_n) p->arxiv = lit_arena_strndup(a, r.arxiv, r.arxiv_n);
    if (r.ee_n) {
        p->links = lit_arena_alloc(a, sizeof *p->links);
        p->links[0] = (lit_link){"paper", lit_arena_strndup(a, r.ee, r.ee_n)};
        p->n_links = 1;
    }
    const char *venue = r.f[F_BOOKTITLE] ? r.f[F_BOOKTITLE] : r.f[F_JOURNAL];
    if (venue) {
        int fv = r.f[F_BOOKTITLE] ? F_BOOKTITLE : F_JOURNAL;
        char *v = lit_arena_strndup(a, venue, r.f_n[fv]);
        p->venue = lit_catalog_venue_id(out, v);
    }
    size_t nb = 0;
    for (int f = 0; f < F_N; f++) nb += r.f[f] != NULL;
    p->extras = lit_arena_alloc(a, 2 * sizeof *p->extras);
    p->extras[0] = (lit_extra){"bibtype", {LIT_NODE_SCALAR, lit_dblp_type_names[r.type], false, NULL, 0}};
    p->n_extras = 1;
    if (nb) {
        lit_node *items = lit_arena_alloc(a, 2 * nb * sizeof *items);
        size_t k = 0;
        for (int f = 0; f < F_N; f++) {
            if (!r.f[f]) continue;
            items[2 * k] = (lit_node){LIT_NODE_SCALAR, lit_dblp_field_names[f], false, NULL, 0};
            items[2 * k + 1] = (lit_node){LIT_NODE_SCALAR, lit_dblp_tex_value(a, r.f[f], r.f_n[f], f == F_PAGES), true, NULL, 0};
            k++;
        }
        p->extras[p->n_extras++] = (lit_extra){"bib", {LIT_NODE_MAP, NULL, false, items, nb}};
    }
    return 0;
}

/* ---- candidates ---- */

static bool have_id(const lit_dblp_index *ix, uint32_t id)
{
    for (size_t i = 0; i < ix->n_ids; i++) if (ix->ids[i] == id) return true;
    return false;
}

static void add_id(lit_dblp_index *ix, uint32_t id)
{
    if (have_id(ix, id)) return;
    LIT_GROW(ix->ids, ix->cap_ids, ix->n_ids + 1);
    ix->ids[ix->n_ids++] = id;
}

static int summary_year(const lit_dblp_index *ix, uint32_t i)
{
    const unsigned char *s = ix->sec[S_SUMMARY] + 4 * (uint64_t)i;
    return s[0] | s[1] << 8;
}

typedef struct ranked { float score; uint32_t id; } ranked;


static int ranked_cmp(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Records of table t under hash h, at most cap of them, those nearest year first. */
static int add_exact(lit_dblp_index *ix, const table *t, uint64_t h, int year, size_t cap)
{
    uint64_t lo, hi;
    if (table_find(t, h, &lo, &hi) != 0) return -1;
    if (hi - lo <= cap) {
        for (uint64_t e = lo; e < hi; e++) {
            uint32_t id = table_rec(t, e);
            if (id >= ix->n) return -1;
            add_id(ix, id);
        }
        return 0;
    }
    size_t n = (size_t)(hi - lo);
    ranked *r = lit_xmalloc(n * sizeof *r);
    for (size_t k = 0; k < n; k++) {
        uint32_t id = table_rec(t, lo + k);
        if (id >= ix->n) { free(r); return -1; }
        int y = summary_year(ix, id);
        r[k] = (ranked){year && y ? -(float)abs(y - year) : -100.0f, id};
    }
    qsort(r, n, sizeof *r, ranked_cmp);
    for (size_t k = 0; k < cap; k++) add_id(ix, r[k].id);
    free(r);
    return 0;
}

/* Moves the k best of a[0..n) (by score, then record) to its front, in O(n). */
static void select_best(ranked *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        ranked pivot = a[lo + (hi - lo) / 2];
        size_t i = lo, j = hi - 1;
        while (i <= j) {   /* Hoare partition: better ones left */
            while (ranked_cmp(&a[i], &pivot) < 0) i++;
            while (ranked_cmp(&a[j], &pivot) > 0) j--;
            if (i <= j) {
                ranked t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j + 1;
        else if (k >= i) lo = i;
        else return;
    }
}

typedef struct qword { uint64_t hash, off, bits; uint32_t count; float w; } qword;

static int qword_cmp(const void *a, const void *b)
{
    const qword *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* A word's postings being read: the next record, and how many are left. */
typedef struct plist { cur c; uint64_t rec; uint32_t left; } plist;

static bool plist_next(plist *l, uint64_t n)
{
    if (!l->left) { l->rec = UINT64_MAX; return true; }
    l->left--;
    l->rec = (l->rec == UINT64_MAX ? 0 : l->rec) + cur_varint(&l->c);
    return !l->c.bad && l->rec < n;
}

/* Up to max records that share at least FUZZY_SHARE of the weight (idf) of the words
 * of the normalised title norm, best first (by that share, how near their length is,
 * and whether their year is within one). A record that reaches the share must have one
 * of the rarest words, those whose weight the others cannot make up for: the postings
 * of those are merged into the candidates; the postings of the next rarest words, as
 * FUZZY_POSTINGS allow, add to the candidates' weight and drop those that can no longer
 * reach the share; which of the words left a candidate has comes from its title
 * signature. Returns -1 when the index is damaged. */
static int add_fuzzy(lit_dblp_index *ix, const char *norm, int year, size_t max)
{
    qword qw[QUERY_WORDS];
    size_t nq = 0;
    float total = 0;
    for (const char *p = norm; *p && nq < QUERY_WORDS;) {
        while (*p == ' ') p++;
        const char *st = p;
        while (*p && *p != ' ') p++;
        if (p == st) break;
        uint64_t h = dblp_hash(st, (size_t)(p - st)), lo, hi;
        bool dup = false;
        for (size_t i = 0; i < nq && !dup; i++) dup = qw[i].hash == h;
        if (dup) continue;
        if (table_find(&ix->words, h, &lo, &hi) != 0) return -1;
        /* a word no record has weighs the most, and no record shares it */
        const unsigned char *e = lo < hi ? ix->words.ent + lo * DBLP_WORD_ENTRY : NULL;
        uint32_t count = e ? dblp_get32(e + 16) : 0;
        float w = logf((float)(ix->n + 1) / (float)(count + 1));
        qw[nq++] = (qword){h, e ? dblp_get64(e + 8) : 0, e ? dblp_sig_bits(h) : 0, count, w};
        total += w;
    }
    if (!nq || max == 0) return 0;
    size_t nwords = nq;
    qsort(qw, nq, sizeof *qw, qword_cmp);
    float need = FUZZY_SHARE * total, rest = 0;
    for (size_t j = 0; j < nq; j++) if (qw[j].bits) rest += qw[j].w;
    size_t j = 0, budget = FUZZY_POSTINGS;
    while (j < nq && !qw[j].bits) j++;
    /* the prefix lists, merged into the candidates */
    plist pl[QUERY_WORDS];
    float pw[QUERY_WORDS];
    size_t k = 0;
    const unsigned char *pb = ix->sec[S_POSTINGS], *pe = pb + ix->sec_size[S_POSTINGS];
    for (; j < nq && rest >= need && qw[j].count <= budget; j++) {
        if (qw[j].off > ix->sec_size[S_POSTINGS]) return -1;
        pl[k] = (plist){{pb + qw[j].off, pe, false}, UINT64_MAX, qw[j].count};
        pw[k++] = qw[j].w;
        if (!plist_next(&pl[k - 1], ix->n)) return -1;
        budget -= qw[j].count;
        rest -= qw[j].w;
    }
    if (!k) return 0;
    size_t nc = 0;
    for (;;) {
        uint64_t rec = UINT64_MAX;
        for (size_t m = 0; m < k; m++) if (pl[m].rec < rec) rec = pl[m].rec;
        if (rec == UINT64_MAX) break;
        float w = 0;
        for (size_t m = 0; m < k; m++)
            if (pl[m].rec == rec) {
                w += pw[m];
                if (!plist_next(&pl[m], ix->n)) return -1;
            }
        if (w + rest < need) continue;
        if (nc == ix->cap_cand) {
            ix->cap_cand = ix->cap_cand ? 2 * ix->cap_cand : 1024;
            ix->cand = lit_xrealloc(ix->cand, ix->cap_cand * sizeof *ix->cand);
        }
        ix->cand[nc++] = (ranked){w, (uint32_t)rec};
    }
    /* the next rarest lists: weight for the candidates they have; those that cannot
     * reach the share any more dropped */
    for (; j < nq && nc && qw[j].count <= budget; j++) {
        if (qw[j].off > ix->sec_size[S_POSTINGS]) return -1;
        plist l = {{pb + qw[j].off, pe, false}, UINT64_MAX, qw[j].count};
        size_t c = 0;
        while (l.left && c < nc) {
            if (!plist_next(&l, ix->n)) return -1;
            while (c < nc && ix->cand[c].id < l.rec) c++;
            if (c < nc && ix->cand[c].id == l.rec) ix->cand[c++].score += qw[j].w;
        }
        budget -= qw[j].count;
        rest -= qw[j].w;
        size_t o = 0;
        for (c = 0; c < nc; c++) if (ix->cand[c].score + rest >= need) ix->cand[o++] = ix->cand[c];
        nc = o;
    }
    if (rest > 0 && nc > FUZZY_CHECKS) {   /* common words: those with most of the rare ones */
        select_best(ix->cand, nc, FUZZY_CHECKS);
        nc = FUZZY_CHECKS;
    }
    ranked *best = lit_xmalloc((max + 1) * sizeof *best);
    size_t nb = 0;
    const unsigned char *sigs = ix->sec[S_SIGS];
    for (size_t c = 0; c < nc; c++) {
        uint32_t rec = ix->cand[c].id;
        float w = ix->cand[c].score;
        if (c + 8 < nc) {   /* signatures are read at random: ask for them early */
            __builtin_prefetch(sigs + 8 * (uint64_t)ix->cand[c + 8].id);
            __builtin_prefetch(ix->sec[S_SUMMARY] + 4 * (uint64_t)ix->cand[c + 8].id);
        }
        if (rest > 0) {   /* the words not read, from the signature */
            uint64_t sig = dblp_get64(sigs + 8 * (uint64_t)rec);
            for (size_t m = j; m < nq; m++) if (qw[m].bits && (sig & qw[m].bits) == qw[m].bits) w += qw[m].w;
        }
        if (w < need || have_id(ix, rec)) continue;
        const unsigned char *s = ix->sec[S_SUMMARY] + 4 * (uint64_t)rec;
        int ry = s[0] | s[1] << 8, rw = s[2];
        float len = rw > (int)nwords ? (float)nwords / (float)rw : rw ? (float)rw / (float)nwords : 0;
        ranked r = {w / total * (0.6f + 0.4f * len) + (year && ry && abs(ry - year) <= 1 ? 0.1f : 0), rec};
        if (nb == max && ranked_cmp(&r, &best[nb - 1]) >= 0) continue;
        size_t pos = nb < max ? nb++ : max - 1;
        while (pos > 0 && ranked_cmp(&r, &best[pos - 1]) < 0) { best[pos] = best[pos - 1]; pos--; }
        best[pos] = r;
    }
    for (size_t c = 0; c < nb; c++) add_id(ix, best[c].id);
    free(best);
    return 0;
}

/* Whether a record found from ids[from] on is of the year (within one). A record with
 * the paper's very title in its year leaves no room for one with another title, so the
 * fuzzy search (half of resolve's time) is not needed. */
static bool year_near(const lit_dblp_index *ix, size_t from, int year)
{
    for (size_t i = from; year && i < ix->n_ids; i++) {
        int y = summary_year(ix, ix->ids[i]);
        if (y && abs(y - year) <= 1) return true;
    }
    return false;
}

int lit_dblp_index_candidates(lit_dblp_index *ix, const lit_paper *p, size_t max, lit_catalog *out, lit_diag *d)
{
    ix->n_ids = 0;
    int bad = 0;
    if (p->doi && *p->doi) {
        char k[512];
        lit_dblp_doi_key(p->doi, k, sizeof k);
        bad |= add_exact(ix, &ix->dois, dblp_hash(k, strlen(k)), p->year, EXACT_MAX);
    }
    if (p->arxiv && *p->arxiv) {
        size_t n = strlen(p->arxiv);
        size_t v = n;   /* without its version: 1806.03377v2 */
        while (v > 0 && isdigit((unsigned char)p->arxiv[v - 1])) v--;
        if (v > 0 && v < n && p->arxiv[v - 1] == 'v') n = v - 1;
        bad |= add_exact(ix, &ix->arxivs, dblp_hash(p->arxiv, n), p->year, EXACT_MAX);
    }
    if (p->title && *p->title && !bad) {
        char *norm = lit_title_norm(p->title);
        if (*norm) {
            size_t before = ix->n_ids;
            bad |= add_exact(ix, &ix->titles, dblp_hash(norm, strlen(norm)), p->year, EXACT_MAX);
            if (!bad && !year_near(ix, before, p->year)) bad |= add_fuzzy(ix, norm, p->year, max);
        }
        free(norm);
    }
    if (bad) return damaged(ix, d, "a table entry points outside it");
    size_t n0 = out->n_papers;
    for (size_t i = 0; i < ix->n_ids; i++)
        if (append_paper(ix, ix->ids[i], out) != 0) return damaged(ix, d, "a record does not decode");
    return (int)(out->n_papers - n0);
}

int lit_dblp_index_get(lit_dblp_index *ix, const char *key, lit_catalog *out, lit_diag *d)
{
    long i = find_key(ix, key, strlen(key));
    if (i == -2) return damaged(ix, d, "a record does not decode");
    if (i < 0) return 0;
    if (append_paper(ix, (uint32_t)i, out) != 0) return damaged(ix, d, "a record does not decode");
    return 1;
}
