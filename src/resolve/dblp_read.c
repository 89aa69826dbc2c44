/* dblp_read.c - the DBLP dump read: decompressed by zlib, cut at record boundaries into pieces that threads parse side by side, records handed over in dump order. */
/*
 * libxml2's reader takes most of an index build (about 70,000 instructions a record),
 * and one thread of it would read the full dump in about three minutes. The dump is a
 * flat list of records, each starting on its own line (<article ..., <inproceedings ...),
 * so it can be cut there: a piece is the dump's own header (the XML declaration and the
 * DOCTYPE that loads the DTD) and a few MB of records, closed with </dblp>. Pieces are
 * parsed by worker threads; the calling thread takes their records and messages in dump
 * order, so the index and the messages do not depend on how many threads there are.
 * Lines and columns of messages are the dump's.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <libxml/parser.h>
#include "arena.h"
#include "buf.h"
#include "dblp_priv.h"

#define PIECE (4u << 20)            /* dump bytes per piece */
#define MAX_RECORD (256u << 20)     /* no record start in this many bytes: an error */
#define MAX_HEADER (1u << 20)       /* where <dblp> must have started */
#define NSLOT 8
#define MAX_WORKERS 4

enum { FREE, INPUT, BUSY, DONE };

typedef struct slot {
    int state;
    lit_buf doc;
    dblp_place pl;
    dblp_batch b;
} slot;

/* The dump being cut: what is read and not yet handed out, and where it is. */
typedef struct cutter {
    const char *path;
    gzFile gz;
    lit_buf buf;              /* pending dump bytes */
    long line, col;           /* where buf starts in the dump */
    lit_buf header;           /* the dump up to and including <dblp ...> */
    long header_lines;        /* newlines in it */
    bool first_done, eof, failed;
    char msg[600];            /* why it failed */
    int msg_kind;
    long msg_line;
} cutter;

typedef struct shared {
    cutter cut;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    slot s[NSLOT];
    size_t produced, parse_next;  /* pieces handed out, and taken by workers */
    bool cut_done, stop;
} shared;

/* ---- cutting ---- */

static bool record_start(const char *p, const char *end)
{
    static const char *const names[] = {"article", "inproceedings", "proceedings", "book", "incollection",
                                        "phdthesis", "mastersthesis", "www", "person", "data"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t n = strlen(names[i]);
        if ((size_t)(end - p) > n + 1 && memcmp(p + 1, names[i], n) == 0 &&
            (p[1 + n] == ' ' || p[1 + n] == '>' || p[1 + n] == '\t' || p[1 + n] == '\n' || p[1 + n] == '\r'))
            return true;
    }
    return false;
}

/* The last record start in buf after min (a '<' that begins a line or follows a '>'),
 * or 0. */
static size_t find_cut(const char *buf, size_t len, size_t min)
{
    if (len < 64) return 0;
    for (size_t i = len - 64; i > min; i--)
        if (buf[i] == '<' && (buf[i - 1] == '\n' || buf[i - 1] == '>') && record_start(buf + i, buf + len)) return i;
    return 0;
}

/* Reads up to want more bytes; false at the end or on an error (c->failed). */
static bool fill(cutter *c, size_t want)
{
    if (c->eof) return false;
    size_t old = c->buf.len;
    LIT_GROW(c->buf.data, c->buf.cap, old + want + 1);
    int n = gzread(c->gz, c->buf.data + old, (unsigned)want);
    if (n < 0) {
        int zerr = 0;
        const char *m = gzerror(c->gz, &zerr);
        snprintf(c->msg, sizeof c->msg, "cannot read '%s': %s", c->path, zerr == Z_ERRNO ? strerror(errno) : m);
        c->msg_kind = M_IO_ERROR;
        c->msg_line = 0;
        c->failed = c->eof = true;
        return false;
    }
    c->buf.len = old + (size_t)n;
    c->buf.data[c->buf.len] = 0;
    if (n == 0) c->eof = true;
    return n > 0;
}

/* The end of DBLP's header (just after the <dblp> start tag) in the first bytes, or 0. */
static size_t header_end(const char *s, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++) {
        if (s[i] != '<' || memcmp(s + i + 1, "dblp", 4) != 0 || (s[i + 5] != '>' && s[i + 5] != ' ' && s[i + 5] != '\n'))
            continue;
        const char *gt = memchr(s + i, '>', n - i);
        return gt ? (size_t)(gt - s) + 1 : 0;
    }
    return 0;
}

static long count_lines(const char *s, size_t n)
{
    long k = 0;
    for (const char *p = s, *e = s + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) k++;
    return k;
}

/* The next piece into doc and pl: false when there is none (the end, or c->failed). */
static bool next_piece(cutter *c, lit_buf *doc, dblp_place *pl)
{
    if (c->failed || (c->eof && c->buf.len == 0 && c->first_done)) return false;
    size_t hdr = 0;
    if (!c->first_done) {   /* DBLP's header: kept for the pieces after the first */
        while (!(hdr = header_end(c->buf.data ? c->buf.data : "", c->buf.len)) && c->buf.len < MAX_HEADER &&
               fill(c, 1u << 16)) {}
        if (c->failed) return false;
        if (hdr) {
            lit_buf_add(&c->header, c->buf.data, hdr);
            c->header_lines = count_lines(c->buf.data, hdr);
        }
    }
    size_t cut = 0, scanned = hdr;   /* no record start before scanned (but its last bytes) */
    while (!c->eof) {
        if (c->buf.len >= PIECE) {
            if ((cut = find_cut(c->buf.data, c->buf.len, scanned > hdr + 64 ? scanned - 64 : hdr)) != 0) break;
            scanned = c->buf.len > 64 ? c->buf.len - 64 : 0;
        }
        if (c->buf.len >= MAX_RECORD) {
            snprintf(c->msg, sizeof c->msg, "no record starts in %u MB from here: not a DBLP dump, or a record that long",
                     MAX_RECORD >> 20);
            c->msg_kind = M_ERROR;
            c->msg_line = c->line;
            c->failed = true;
            return false;
        }
        fill(c, c->buf.len < PIECE ? PIECE - c->buf.len + 4096 : PIECE);
        if (c->failed) return false;
    }
    if (c->eof) cut = c->buf.len;   /* the rest: the last piece */
    bool last = cut == c->buf.len;
    lit_buf_reset(doc);
    memset(pl, 0, sizeof *pl);
    pl->path = c->path;
    if (!c->first_done || !c->header.len) {
        pl->first_piece = !c->first_done;
        pl->first_doc_line = 1;
        pl->line_shift = c->line - 1;
        pl->col_shift = c->col - 1;
    } else {
        lit_buf_add(doc, c->header.data, c->header.len);
        lit_buf_addc(doc, '\n');
        pl->first_doc_line = c->header_lines + 2;
        pl->line_shift = c->line - pl->first_doc_line;
        pl->col_shift = c->col - 1;
    }
    lit_buf_add(doc, c->buf.data, cut);
    if (!last) lit_buf_adds(doc, "\n</dblp>\n");
    /* where the rest starts */
    long nl = count_lines(c->buf.data, cut);
    const char *lastnl = NULL;
    for (size_t i = cut; i > 0 && !lastnl; i--) if (c->buf.data[i - 1] == '\n') lastnl = c->buf.data + i - 1;
    c->line += nl;
    c->col = lastnl ? (long)(c->buf.data + cut - lastnl) : c->col + (long)cut;
    memmove(c->buf.data, c->buf.data + cut, c->buf.len - cut);
    c->buf.len -= cut;
    c->first_done = true;
    return true;
}

/* ---- threads ---- */

static void *cut_thread(void *ctx)
{
    shared *sh = ctx;
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        slot *s = &sh->s[sh->produced % NSLOT];
        while (s->state != FREE && !sh->stop) pthread_cond_wait(&sh->cv, &sh->mu);
        bool stop = sh->stop;
        pthread_mutex_unlock(&sh->mu);
        bool more = !stop && next_piece(&sh->cut, &s->doc, &s->pl);
        pthread_mutex_lock(&sh->mu);
        if (more) {
            s->state = INPUT;
            sh->produced++;
        } else sh->cut_done = true;
        pthread_cond_broadcast(&sh->cv);
        pthread_mutex_unlock(&sh->mu);
        if (!more) return NULL;
    }
}

static void *parse_thread(void *ctx)
{
    shared *sh = ctx;
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        while (!sh->stop && sh->parse_next == sh->produced && !sh->cut_done) pthread_cond_wait(&sh->cv, &sh->mu);
        if (sh->stop || sh->parse_next == sh->produced) {
            pthread_mutex_unlock(&sh->mu);
            return NULL;
        }
        slot *s = &sh->s[sh->parse_next++ % NSLOT];
        s->state = BUSY;
        pthread_mutex_unlock(&sh->mu);
        lit_dblp_parse_doc(s->doc.data, s->doc.len, &s->pl, &s->b);
        pthread_mutex_lock(&sh->mu);
        s->state = DONE;
        pthread_cond_broadcast(&sh->cv);
        pthread_mutex_unlock(&sh->mu);
    }
}

/* ---- in dump order ---- */

static void say(const char *path, const dblp_msg *m, lit_diag *d)
{
    const char *file = m->file ? m->file : path;
    if (m->kind == M_ERROR || m->kind == M_IO_ERROR) {
        lit_error(d, file, m->line, m->col, "%s", m->text);
        if (m->kind == M_IO_ERROR) d->io_errors++;
    } else
        lit_warn_many(d, m->kind == M_WARN_SKIP ? "DBLP records skipped" : "XML problems in the dump", file, m->line,
                      m->col, "%s", m->text);
}

/* Hands a parsed piece's records to fn and says its messages. Returns nonzero to stop. */
static int deliver(const char *path, dblp_batch *b, dblp_rec_fn fn, void *ctx, lit_diag *d, const char ***authors,
                   size_t *cap_authors)
{
    for (size_t i = 0; i < b->nm; i++) say(path, &b->m[i], d);
    for (size_t i = 0; i < b->nm; i++) { free(b->m[i].file); free(b->m[i].text); }
    b->nm = 0;
    for (size_t i = 0; i < b->n; i++) {
        const dblp_brec *o = &b->r[i];
        const char *str[O_N];
        for (int k = 0; k < O_N; k++) str[k] = o->off[k] == SIZE_MAX ? NULL : b->text.data + o->off[k];
        LIT_GROW(*authors, *cap_authors, o->n_authors + 1);
        const char *a = b->text.data + o->authors;
        for (size_t k = 0; k < o->n_authors; k++) { (*authors)[k] = a; a += strlen(a) + 1; }
        dblp_rec r = {o->type, str[O_KEY], str[O_TITLE], *authors, o->n_authors, o->year, {0},
                      str[O_DOI], str[O_ARXIV], str[O_EE], str[O_CROSSREF], o->line, o->col};
        for (int f = 0; f < F_N; f++) r.f[f] = str[O_F + f];
        if (fn(ctx, &r) != 0) return 1;
    }
    return b->fatal;
}

/* The DTD the dump names, beside it: its absence would make every accented name an
 * error of its own, so it is one error up front. */
static int check_dtd(const char *xml_path, lit_diag *d)
{
    const char *slash = strrchr(xml_path, '/');
    lit_buf p = LIT_BUF_INIT;
    if (slash) lit_buf_add(&p, xml_path, (size_t)(slash - xml_path + 1));
    lit_buf_adds(&p, "dblp.dtd");
    int rc = 0;
    if (access(p.data, R_OK) != 0)
        rc = lit_io_error(d, xml_path, "cannot read '%s' (%s): the dump's character entities are defined there; "
                          "put the dblp.dtd that came with the dump beside it", p.data, strerror(errno));
    lit_buf_free(&p);
    return rc;
}

/* Parsing threads: one per core (at most MAX_WORKERS), or LITSURVEY_THREADS. */
static int workers(void)
{
    const char *env = getenv("LITSURVEY_THREADS");
    long n = env && *env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (int)n;
}

int lit_dblp_read(const char *xml_path, dblp_rec_fn fn, void *ctx, lit_diag *d)
{
    int errors0 = d->errors;
    gzFile gz = gzopen(xml_path, "rb");
    if (!gz) return lit_io_error(d, xml_path, "cannot open '%s': %s", xml_path, errno ? strerror(errno) : "out of memory");
    gzbuffer(gz, 1 << 17);
    if (check_dtd(xml_path, d) != 0) { gzclose(gz); return -1; }
    xmlInitParser();
    shared *sh = lit_xcalloc(1, sizeof *sh);
    sh->cut = (cutter){.path = xml_path, .gz = gz, .line = 1, .col = 1};
    pthread_mutex_init(&sh->mu, NULL);
    pthread_cond_init(&sh->cv, NULL);
    pthread_t th[MAX_WORKERS + 1];
    int nth = 0, nw = workers();
    if (nw > 1 && pthread_create(&th[nth], NULL, cut_thread, sh) == 0) nth++;
    for (int i = 0; nth && i < nw; i++)
        if (pthread_create(&th[nth], NULL, parse_thread, sh) == 0) nth++;
    const char **authors = NULL;
    size_t cap_authors = 0;
    int stop = 0;
    if (nth < 2 || nw == 1) {   /* one thread: one piece at a time here */
        if (nth) { pthread_mutex_lock(&sh->mu); sh->stop = true; pthread_cond_broadcast(&sh->cv); pthread_mutex_unlock(&sh->mu); }
        while (nth) pthread_join(th[--nth], NULL);
        slot *s = &sh->s[0];
        while (!stop && next_piece(&sh->cut, &s->doc, &s->pl)) {
            lit_dblp_parse_doc(s->doc.data, s->doc.len, &s->pl, &s->b);
            stop = deliver(xml_path, &s->b, fn, ctx, d, &authors, &cap_authors);
        }
    } else {
        for (size_t k = 0; !stop; k++) {
            slot *s = &sh->s[k % NSLOT];
            pthread_mutex_lock(&sh->mu);
            while (!(k < sh->produced && s->state == DONE) && !(sh->cut_done && k >= sh->produced))
                pthread_cond_wait(&sh->cv, &sh->mu);
            bool have = k < sh->produced;
            pthread_mutex_unlock(&sh->mu);
            if (!have) break;
            stop = deliver(xml_path, &s->b, fn, ctx, d, &authors, &cap_authors);
            pthread_mutex_lock(&sh->mu);
            s->state = FREE;
            if (stop) sh->stop = true;
            pthread_cond_broadcast(&sh->cv);
            pthread_mutex_unlock(&sh->mu);
        }
        pthread_mutex_lock(&sh->mu);
        sh->stop = true;
        pthread_cond_broadcast(&sh->cv);
        pthread_mutex_unlock(&sh->mu);
        while (nth) pthread_join(th[--nth], NULL);
    }
    if (!stop && sh->cut.failed) {   /* after the records before it */
        lit_error(d, xml_path, sh->cut.msg_line, 0, "%s", sh->cut.msg);
        if (sh->cut.msg_kind == M_IO_ERROR) d->io_errors++;
    }
    for (int i = 0; i < NSLOT; i++) {
        lit_buf_free(&sh->s[i].doc);
        lit_dblp_batch_free(&sh->s[i].b);
    }
    lit_buf_free(&sh->cut.buf);
    lit_buf_free(&sh->cut.header);
    pthread_mutex_destroy(&sh->mu);
    pthread_cond_destroy(&sh->cv);
    gzclose(gz);
    free(sh);
    free(authors);
    return d->errors > errors0 || stop ? -1 : 0;
}
