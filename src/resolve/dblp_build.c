/* dblp_build.c - the DBLP index written: records encoded as the dump streams by, then the hash tables and the title-word postings. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "dblp.h"
#include "dblp_priv.h"
#include "dedupe.h"
#include "outfile.h"

/* ---- interned strings: a blob of NUL-terminated strings with an open-addressing index ---- */

typedef struct itab {
    lit_buf blob;
    uint32_t *off;            /* n+1 offsets into blob */
    size_t n, cap;
    uint64_t *slots;          /* id+1 in the low half, the hash's top half above; 0 = empty */
    size_t nslots;
    bool full;                /* the blob reached 4 GB: the index cannot hold it */
} itab;

static void itab_rehash(itab *t, size_t nslots)
{
    free(t->slots);
    t->slots = lit_xcalloc(nslots, sizeof *t->slots);
    t->nslots = nslots;
    for (size_t i = 0; i < t->n; i++) {
        uint64_t h = dblp_hash(t->blob.data + t->off[i], t->off[i + 1] - t->off[i] - 1);
        size_t j = h & (nslots - 1);
        while (t->slots[j]) j = (j + 1) & (nslots - 1);
        t->slots[j] = (h >> 32) << 32 | (uint64_t)(i + 1);
    }
}

/* The id of s (n bytes), added when new. The slot holds half the hash, so that a probe
 * reads the string only when it is very likely the one. Slots are filled up to 3/4:
 * the full DBLP has millions of names. */
static uint32_t itab_intern(itab *t, const char *s, size_t n, uint64_t h)
{
    if (!t->nslots) itab_rehash(t, 1024);
    size_t j = h & (t->nslots - 1);
    for (; t->slots[j]; j = (j + 1) & (t->nslots - 1)) {
        if (t->slots[j] >> 32 != h >> 32) continue;
        uint32_t id = (uint32_t)t->slots[j] - 1;
        if (t->off[id + 1] - t->off[id] - 1 == n && memcmp(t->blob.data + t->off[id], s, n) == 0) return id;
    }
    if (t->blob.len + n + 1 >= UINT32_MAX || t->n + 2 >= UINT32_MAX) { t->full = true; return 0; }
    if (t->n + 2 > t->cap) {
        t->cap = t->cap ? t->cap + t->cap / 2 : 1024;
        t->off = lit_xrealloc(t->off, t->cap * sizeof *t->off);
    }
    uint32_t id = (uint32_t)t->n;
    if (t->n == 0) t->off[0] = 0;
    lit_buf_add(&t->blob, s, n);
    lit_buf_addc(&t->blob, 0);
    t->off[++t->n] = (uint32_t)t->blob.len;
    t->slots[j] = (h >> 32) << 32 | (uint64_t)(id + 1);
    if (4 * t->n > 3 * t->nslots) itab_rehash(t, t->nslots * 2);
    return id;
}

/* Words of titles: only their hashes go into the index, so a word is its 64-bit hash
 * (two words with one hash, one in 2^64 per pair, would share their postings). */
typedef struct wtab {
    struct wslot { uint64_t h; uint32_t id; } *slots;   /* id+1, 0 = empty */
    uint64_t *hash;           /* per id */
    uint32_t *count;          /* titles with the word, per id */
    size_t n, cap, nslots;
} wtab;

static void wtab_grow(wtab *t)
{
    size_t ns = t->nslots ? 2 * t->nslots : 4096;
    struct wslot *slots = lit_xcalloc(ns, sizeof *slots);
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[i].id) continue;
        size_t j = t->slots[i].h & (ns - 1);
        while (slots[j].id) j = (j + 1) & (ns - 1);
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
}

static uint32_t wtab_id(wtab *t, uint64_t h)
{
    if (2 * (t->n + 1) > t->nslots) wtab_grow(t);
    size_t j = h & (t->nslots - 1);
    for (; t->slots[j].id; j = (j + 1) & (t->nslots - 1))
        if (t->slots[j].h == h) return t->slots[j].id - 1;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 4096;
        t->hash = lit_xrealloc(t->hash, t->cap * sizeof *t->hash);
        t->count = lit_xrealloc(t->count, t->cap * sizeof *t->count);
    }
    t->hash[t->n] = h;
    t->count[t->n] = 0;
    t->slots[j] = (struct wslot){h, (uint32_t)++t->n};
    return (uint32_t)(t->n - 1);
}

static void wtab_free(wtab *t)
{
    free(t->slots);
    free(t->hash);
    free(t->count);
    memset(t, 0, sizeof *t);
}

static void itab_free(itab *t)
{
    lit_buf_free(&t->blob);
    free(t->off);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* ---- hash-table entries ---- */

/* v: a record, or for words the word id; 12 bytes (a table of the full DBLP has 7.5M) */
typedef struct __attribute__((packed)) hent { uint64_t h; uint32_t v; } hent;
typedef struct hvec { hent *e; size_t n, cap; } hvec;

static void hvec_add(hvec *v, uint64_t h, uint64_t val)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap + v->cap / 2 : 4096;
        v->e = lit_xrealloc(v->e, v->cap * sizeof *v->e);
    }
    v->e[v->n++] = (hent){h, (uint32_t)val};
}

static bool hent_less(const hent *x, const hent *y)
{
    return x->h != y->h ? x->h < y->h : x->v < y->v;
}

/* Sorts by (hash, value): a counting pass on the hash's top 16 bits, then each bucket
 * (a few hundred entries for the full DBLP) by insertion; the hashes are uniform. */
static void hvec_sort(hvec *v)
{
    if (v->n < 2) return;
    size_t *cnt = lit_xcalloc(65537, sizeof *cnt);
    for (size_t i = 0; i < v->n; i++) cnt[(v->e[i].h >> 48) + 1]++;
    for (size_t b = 0; b < 65536; b++) cnt[b + 1] += cnt[b];
    hent *o = lit_xmalloc(v->n * sizeof *o);
    for (size_t i = 0; i < v->n; i++) o[cnt[v->e[i].h >> 48]++] = v->e[i];
    free(v->e);
    v->e = NULL;
    size_t lo = 0;
    for (size_t b = 0; b < 65536; b++) {   /* cnt[b] is now the end of bucket b */
        for (size_t i = lo + 1; i < cnt[b]; i++) {
            hent x = o[i];
            size_t k = i;
            while (k > lo && hent_less(&x, &o[k - 1])) { o[k] = o[k - 1]; k--; }
            o[k] = x;
        }
        lo = cnt[b];
    }
    v->e = o;
    v->cap = v->n;
    free(cnt);
}

/* ---- the build ---- */

typedef struct builder {
    lit_diag *d;
    const char *xml_path;
    lit_outfile out;
    bool write_failed;
    uint64_t rec_bytes;       /* RECORDS written so far */
    uint64_t *recoff;
    unsigned char *summary;   /* 4 bytes per record */
    uint64_t *sigs;           /* per record */
    size_t n, cap;
    itab strings, tokens;
    wtab words;
    lit_buf rec_words;        /* per record: its word ids, varint */
    hvec keys, titles, dois, arxivs;
    lit_buf rb;               /* the record being encoded */
    long stop_line;           /* the record the index could not hold, 0: none */
    uint32_t *tw;             /* a title's word ids, for dedup */
    size_t cap_tw;
} builder;

static void put_varint(lit_buf *b, uint64_t v)
{
    unsigned char t[10];
    size_t n = 0;
    do { t[n++] = (unsigned char)((v & 0x7F) | (v > 0x7F ? 0x80 : 0)); v >>= 7; } while (v);
    lit_buf_add(b, t, n);
}

static void put_str(lit_buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_varint(b, n);
    lit_buf_add(b, s ? s : "", n);
}

static uint32_t intern(builder *bd, const char *s)
{
    size_t n = strlen(s);
    return itab_intern(&bd->strings, s, n, dblp_hash(s, n));
}

static void write_bytes(builder *bd, const void *p, size_t n)
{
    if (n && !bd->write_failed && fwrite(p, 1, n, bd->out.fp) != n) bd->write_failed = true;
}

static uint32_t intern_n(itab *t, const char *s, size_t n)
{
    return itab_intern(t, s, n, dblp_hash(s, n));
}

/* s as a shared start (up to and including the char at cut, when there is one) and the
 * rest: conf/sosp/ + NarayananHPSDGGZ19, 10.1145/ + 3341301.3359646. */
static void put_split(builder *bd, const char *s, const char *cut)
{
    lit_buf *b = &bd->rb;
    if (!cut) { put_varint(b, 0); put_str(b, s); return; }
    put_varint(b, (uint64_t)intern_n(&bd->strings, s, (size_t)(cut - s) + 1) + 1);
    put_str(b, cut + 1);
}

/* A record as the index holds it (str = varint length, bytes; id = varint):
 *   u8 type, varint year, varint flags (R_* and a bit per field present),
 *   key: id+1 of its start up to the last '/' (0: none), str the rest,
 *   title: varint n, n x token id (the title is its tokens, one space between),
 *   varint n_authors, n x string id,
 *   [R_DOI] id+1 of its start up to the first '/', str the rest; [R_ARXIV] str;
 *   [R_EE] str; [R_CROSSREF] string id; then per field present, in field order, a
 *   string id (DBLP_FIELD_INTERNED) or a str. */
static void put_record(builder *bd, const dblp_rec *r)
{
    lit_buf *b = &bd->rb;
    lit_buf_reset(b);
    unsigned char type = (unsigned char)r->type;
    lit_buf_add(b, &type, 1);
    put_varint(b, (uint64_t)r->year);
    uint64_t flags = (r->doi ? R_DOI : 0) | (r->arxiv ? R_ARXIV : 0) | (r->ee ? R_EE : 0) | (r->crossref ? R_CROSSREF : 0);
    for (int f = 0; f < F_N; f++) if (r->f[f]) flags |= 1u << f;
    put_varint(b, flags);
    put_split(bd, r->key, strrchr(r->key, '/'));
    size_t nt = 0;
    for (const char *p = r->title; *p;) {   /* the words between single spaces */
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        LIT_GROW(bd->tw, bd->cap_tw, nt + 1);
        bd->tw[nt++] = intern_n(&bd->tokens, p, n);
        p += n + (e != NULL);
    }
    put_varint(b, nt);
    for (size_t i = 0; i < nt; i++) put_varint(b, bd->tw[i]);
    put_varint(b, r->n_authors);
    for (size_t i = 0; i < r->n_authors; i++) put_varint(b, intern(bd, r->authors[i]));
    if (r->doi) put_split(bd, r->doi, strchr(r->doi, '/'));
    if (r->arxiv) put_str(b, r->arxiv);
    if (r->ee) put_str(b, r->ee);
    if (r->crossref) put_varint(b, intern(bd, r->crossref));
    for (int f = 0; f < F_N; f++) {
        if (!r->f[f]) continue;
        if (DBLP_FIELD_INTERNED(f)) put_varint(b, intern(bd, r->f[f]));
        else put_str(b, r->f[f]);
    }
}

/* The distinct words of a normalised title, as word ids appended to rec_words, and
 * their bits in *sig; returns how many (at most DBLP_MAX_TITLE_WORDS). */
static unsigned add_title_words(builder *bd, const char *norm, uint64_t *sig)
{
    size_t nw = 0;
    *sig = 0;
    for (const char *p = norm; *p;) {
        while (*p == ' ') p++;
        const char *st = p;
        while (*p && *p != ' ') p++;
        if (p == st) break;
        uint64_t h = dblp_hash(st, (size_t)(p - st));
        uint32_t id = wtab_id(&bd->words, h);
        *sig |= dblp_sig_bits(h);
        bool seen = false;
        for (size_t i = 0; i < nw && !seen; i++) seen = bd->tw[i] == id;
        if (seen) continue;
        if (nw == DBLP_MAX_TITLE_WORDS) break;
        LIT_GROW(bd->tw, bd->cap_tw, nw + 1);
        bd->tw[nw++] = id;
    }
    for (size_t i = 0; i < nw; i++) {
        bd->words.count[bd->tw[i]]++;
        put_varint(&bd->rec_words, bd->tw[i]);
    }
    return (unsigned)nw;
}

/* Adds a record to the index. Returns -1 when the index cannot hold it (said by the
 * caller, at the end). */
static int index_record(builder *bd, const dblp_rec *r)
{
    if (bd->n >= UINT32_MAX - 1) {
        bd->stop_line = r->line;
        return -1;
    }
    size_t i = bd->n;
    if (i + 2 > bd->cap) {
        size_t cap = bd->cap ? bd->cap * 2 : 4096;
        bd->recoff = lit_xrealloc(bd->recoff, cap * sizeof *bd->recoff);
        bd->summary = lit_xrealloc(bd->summary, cap * 4);
        bd->sigs = lit_xrealloc(bd->sigs, cap * sizeof *bd->sigs);
        bd->cap = cap;
    }
    put_record(bd, r);
    bd->recoff[i] = bd->rec_bytes;
    write_bytes(bd, bd->rb.data, bd->rb.len);
    bd->rec_bytes += bd->rb.len;

    hvec_add(&bd->keys, dblp_hash(r->key, strlen(r->key)), i);
    char *norm = lit_title_norm(r->title);
    if (*norm) hvec_add(&bd->titles, dblp_hash(norm, strlen(norm)), i);
    unsigned nw = add_title_words(bd, norm, &bd->sigs[i]);
    free(norm);
    if (r->doi) {
        char k[512];
        lit_dblp_doi_key(r->doi, k, sizeof k);
        hvec_add(&bd->dois, dblp_hash(k, strlen(k)), i);
    }
    if (r->arxiv) hvec_add(&bd->arxivs, dblp_hash(r->arxiv, strlen(r->arxiv)), i);
    unsigned char *s = bd->summary + 4 * i;
    s[0] = (unsigned char)(r->year & 0xFF);
    s[1] = (unsigned char)(r->year >> 8);
    s[2] = (unsigned char)nw;
    s[3] = (unsigned char)r->type;
    bd->n++;
    return 0;
}

static int on_record(void *ctx, const dblp_rec *r)
{
    builder *bd = ctx;
    return index_record(bd, r);
}

/* Writes a hash table section of entries (sorted here): u32 bits, u32 entry size,
 * u64 count, the directory, the entries. words: entries are word ids whose postings
 * offsets and counts come from post_off and word_count. */
static void write_table(builder *bd, hvec *v, const uint64_t *post_off, const uint32_t *counts)
{
    hvec_sort(v);
    unsigned bits = dblp_dir_bits(v->n);
    size_t esize = post_off ? DBLP_WORD_ENTRY : DBLP_REC_ENTRY;
    unsigned char h[DBLP_TABLE_HDR];
    dblp_put32(h, bits);
    dblp_put32(h + 4, (uint32_t)esize);
    dblp_put64(h + 8, v->n);
    write_bytes(bd, h, sizeof h);
    size_t nd = ((size_t)1 << bits) + 1, k = 0;
    unsigned char *dir = lit_xmalloc(nd * 4);
    for (size_t s = 0; s < nd; s++) {
        while (k < v->n && (bits == 0 ? 0 : v->e[k].h >> (64 - bits)) < s) k++;
        dblp_put32(dir + 4 * s, (uint32_t)k);
    }
    dblp_put32(dir + 4 * (nd - 1), (uint32_t)v->n);
    write_bytes(bd, dir, nd * 4);
    free(dir);
    unsigned char buf[DBLP_WORD_ENTRY * 256];
    size_t fill = 0;
    for (size_t i = 0; i < v->n; i++) {
        unsigned char *e = buf + fill;
        dblp_put64(e, v->e[i].h);
        if (post_off) {
            dblp_put64(e + 8, post_off[v->e[i].v]);
            dblp_put32(e + 16, counts[v->e[i].v]);
        } else {
            dblp_put32(e + 8, (uint32_t)v->e[i].v);
        }
        fill += esize;
        if (fill + esize > sizeof buf) { write_bytes(bd, buf, fill); fill = 0; }
    }
    write_bytes(bd, buf, fill);
}

static uint64_t get_varint(const unsigned char **p)
{
    uint64_t v = 0;
    for (int s = 0;; s += 7) {
        unsigned char c = *(*p)++;
        v |= (uint64_t)(c & 0x7F) << s;
        if (!(c & 0x80)) return v;
    }
}

/* POSTINGS: per word, its records ascending as varint deltas (first: the record + 1
 * minus 0). Fills post_off (byte offset of each word's list). */
static void write_postings(builder *bd, uint64_t *post_off)
{
    size_t nw = bd->words.n;
    uint64_t *start = lit_xmalloc((nw + 1) * sizeof *start);
    uint64_t total = 0;
    for (size_t w = 0; w < nw; w++) { start[w] = total; total += bd->words.count[w]; }
    start[nw] = total;
    uint32_t *post = lit_xmalloc((total ? total : 1) * sizeof *post);
    uint64_t *fill = lit_xmalloc((nw ? nw : 1) * sizeof *fill);
    memcpy(fill, start, nw * sizeof *fill);
    const unsigned char *p = (const unsigned char *)bd->rec_words.data;
    for (size_t r = 0; r < bd->n; r++) {
        unsigned k = bd->summary[4 * r + 2];
        for (unsigned j = 0; j < k; j++) {
            uint64_t w = get_varint(&p);
            post[fill[w]++] = (uint32_t)r;
        }
    }
    free(fill);
    lit_buf_free(&bd->rec_words);
    lit_buf out = LIT_BUF_INIT;
    uint64_t written = 0;
    for (size_t w = 0; w < nw; w++) {
        post_off[w] = written + out.len;
        uint32_t prev = 0;
        for (uint64_t i = start[w]; i < start[w + 1]; i++) {
            put_varint(&out, (uint64_t)post[i] - prev);
            prev = post[i];
        }
        if (out.len > (1u << 20)) { write_bytes(bd, out.data, out.len); written += out.len; lit_buf_reset(&out); }
    }
    write_bytes(bd, out.data, out.len);
    lit_buf_free(&out);
    free(post);
    free(start);
}

static void builder_free(builder *bd)
{
    free(bd->recoff);
    free(bd->summary);
    free(bd->sigs);
    itab_free(&bd->strings);
    itab_free(&bd->tokens);
    wtab_free(&bd->words);
    lit_buf_free(&bd->rec_words);
    free(bd->keys.e);
    free(bd->titles.e);
    free(bd->dois.e);
    free(bd->arxivs.e);
    lit_buf_free(&bd->rb);
    free(bd->tw);
}

/* The n+1 u32 offsets of a string table (its blob is checked to be under 4 GB). */
static void write_offsets(builder *bd, const itab *t)
{
    unsigned char b[4];
    for (size_t i = 0; i <= t->n; i++) {
        dblp_put32(b, t->n ? (uint32_t)t->off[i] : 0);
        write_bytes(bd, b, 4);
    }
}

static uint64_t tell(builder *bd)
{
    long pos = ftell(bd->out.fp);
    if (pos < 0) bd->write_failed = true;
    return pos < 0 ? 0 : (uint64_t)pos;
}

int lit_dblp_index_build(const char *xml_path, const char *idx_path, lit_diag *d)
{
    if (strcmp(idx_path, "-") == 0) return lit_error(d, NULL, 0, 0, "the index must be a file, not standard output");
    builder bd;
    memset(&bd, 0, sizeof bd);
    bd.d = d;
    bd.xml_path = xml_path;
    if (lit_outfile_open(&bd.out, idx_path, d) != 0) return -1;
    unsigned char hdr[DBLP_HDR_SIZE];
    memset(hdr, 0, sizeof hdr);
    write_bytes(&bd, hdr, sizeof hdr);

    uint64_t sec[S_N][2];
    memset(sec, 0, sizeof sec);
    sec[S_RECORDS][0] = DBLP_HDR_SIZE;
    int rc = lit_dblp_read(xml_path, on_record, &bd, d);
    if (rc == 0 && (bd.strings.full || bd.tokens.full))
        rc = lit_error(d, xml_path, 0, 0, "more than 4 GB of names or title words: the index cannot hold them");
    if (bd.stop_line)
        rc = lit_error(d, xml_path, bd.stop_line, 0, "more than %u records: the index cannot hold them", UINT32_MAX - 2);
    if (rc == 0 && !bd.write_failed) {
        if (!bd.recoff) bd.recoff = lit_xmalloc(sizeof *bd.recoff);
        sec[S_RECORDS][1] = bd.rec_bytes;
        bd.recoff[bd.n] = bd.rec_bytes;
#define SECTION(s, body) do { sec[s][0] = tell(&bd); body; sec[s][1] = tell(&bd) - sec[s][0]; } while (0)
        SECTION(S_RECOFF, {
            unsigned char b[8];
            for (size_t i = 0; i <= bd.n; i++) { dblp_put64(b, bd.recoff[i]); write_bytes(&bd, b, 8); }
        });
        /* each part freed once written: the postings, last, need memory */
        free(bd.recoff);
        bd.recoff = NULL;
        SECTION(S_SUMMARY, write_bytes(&bd, bd.summary, 4 * bd.n));
        SECTION(S_SIGS, {
            unsigned char b[8];
            for (size_t i = 0; i < bd.n; i++) { dblp_put64(b, bd.sigs[i]); write_bytes(&bd, b, 8); }
        });
        free(bd.sigs);
        bd.sigs = NULL;
        SECTION(S_STROFF, write_offsets(&bd, &bd.strings));
        SECTION(S_STRINGS, write_bytes(&bd, bd.strings.blob.data, bd.strings.blob.len));
        size_t n_strings = bd.strings.n, n_tokens = bd.tokens.n;
        itab_free(&bd.strings);
        SECTION(S_TOKOFF, write_offsets(&bd, &bd.tokens));
        SECTION(S_TOKENS, write_bytes(&bd, bd.tokens.blob.data, bd.tokens.blob.len));
        itab_free(&bd.tokens);
        SECTION(S_KEYS, write_table(&bd, &bd.keys, NULL, NULL));
        free(bd.keys.e);
        bd.keys.e = NULL;
        SECTION(S_TITLES, write_table(&bd, &bd.titles, NULL, NULL));
        free(bd.titles.e);
        bd.titles.e = NULL;
        SECTION(S_DOIS, write_table(&bd, &bd.dois, NULL, NULL));
        free(bd.dois.e);
        bd.dois.e = NULL;
        SECTION(S_ARXIVS, write_table(&bd, &bd.arxivs, NULL, NULL));
        free(bd.arxivs.e);
        bd.arxivs.e = NULL;
        uint64_t *post_off = lit_xmalloc((bd.words.n + 1) * sizeof *post_off);
        uint64_t post_at = 0;
        /* POSTINGS go last; their offsets are needed by WORDS, so they are written to
         * their place first and WORDS after, both at known offsets */
        sec[S_POSTINGS][0] = post_at = tell(&bd);
        write_postings(&bd, post_off);
        sec[S_POSTINGS][1] = tell(&bd) - post_at;
        hvec wv = {0};
        for (size_t w = 0; w < bd.words.n; w++) hvec_add(&wv, bd.words.hash[w], w);
        free(bd.words.slots);   /* not needed to write the table: memory for it */
        bd.words.slots = NULL;
        SECTION(S_WORDS, write_table(&bd, &wv, post_off, bd.words.count));
        free(wv.e);
        free(post_off);
#undef SECTION
        uint64_t file_size = tell(&bd);
        memcpy(hdr + H_MAGIC, DBLP_MAGIC, 8);
        dblp_put32(hdr + H_VERSION, DBLP_VERSION);
        dblp_put32(hdr + H_HDRSIZE, DBLP_HDR_SIZE);
        dblp_put64(hdr + H_FILESIZE, file_size);
        dblp_put64(hdr + H_NRECORDS, bd.n);
        dblp_put64(hdr + H_NSTRINGS, n_strings);
        dblp_put64(hdr + H_NTOKENS, n_tokens);
        dblp_put64(hdr + H_NWORDS, bd.words.n);
        dblp_put64(hdr + H_NORM, lit_dblp_norm_probe());
        dblp_put32(hdr + H_NSECTIONS, S_N);
        for (int s = 0; s < S_N; s++) {
            dblp_put64(hdr + H_SECTIONS + 16 * s, sec[s][0]);
            dblp_put64(hdr + H_SECTIONS + 16 * s + 8, sec[s][1]);
        }
        dblp_put64(hdr + H_CHECKSUM, dblp_hash(hdr, H_CHECKSUM));
        if (fseek(bd.out.fp, 0, SEEK_SET) != 0) bd.write_failed = true;
        write_bytes(&bd, hdr, sizeof hdr);
    }
    if (rc == 0 && bd.write_failed) rc = lit_io_error(d, idx_path, "cannot write '%s': %s", idx_path, strerror(errno));
    if (rc == 0) rc = lit_outfile_commit(&bd.out, d);
    else lit_outfile_abort(&bd.out);
    builder_free(&bd);
    return rc;
}
