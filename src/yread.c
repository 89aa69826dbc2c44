/* yread.c - a pull reader over libyaml events with located errors; the only reader of YAML. */
#include "yread.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#include "input.h"
#include "outfile.h"
#include "text.h"

typedef struct yimpl {
    yaml_parser_t parser;
    yaml_event_t ev;
    int have_ev;
    int failed;      /* sticky: after an error every call returns LIT_Y_ERROR */
    FILE *fp;        /* owned when not stdin */
    const char *path;                /* to map a reader error's byte offset to a line */
    const char *mem; size_t mem_len; /* the same for input from memory */
    int fd; long long pos, end;      /* a byte range of a file (lit_yread_open_range) */
    size_t n_read;                   /* bytes read from fp, against the input limit */
    int too_large;                   /* the limit stopped the reading */
} yimpl;

/* Line and column (1-based, column in bytes) of a byte offset. */
static void offset_place(const yimpl *y, size_t off, long *line, long *col)
{
    *line = 1;
    *col = 1;
    FILE *f = NULL;
    if (!y->mem && (!y->path || !(f = fopen(y->path, "rb")))) return;
    for (size_t i = 0; i < off; i++) {
        int c = y->mem ? (i < y->mem_len ? (unsigned char)y->mem[i] : EOF) : getc(f);
        if (c == EOF) break;
        if (c == '\n') { ++*line; *col = 1; }
        else ++*col;
    }
    if (f) fclose(f);
}

static int parser_error(lit_yread *r)
{
    yimpl *y = r->impl;
    yaml_parser_t *p = &y->parser;
    y->failed = 1;
    r->tok = LIT_Y_ERROR;
    if (y->too_large) {
        lit_input_too_large(r->diag, r->file, 0);
        return LIT_Y_ERROR;
    }
    if (p->error == YAML_READER_ERROR) {
        /* Reader errors (invalid UTF-8, control characters) carry a byte offset. */
        long line, col;
        offset_place(y, p->problem_offset, &line, &col);
        lit_error(r->diag, r->file, line, col, "%s", p->problem ? p->problem : "cannot read input");
        return LIT_Y_ERROR;
    }
    if (p->error == YAML_MEMORY_ERROR) {
        fprintf(stderr, "litsurvey: out of memory while parsing YAML\n");
        abort();
    }
    lit_error(r->diag, r->file, (long)p->problem_mark.line + 1, (long)p->problem_mark.column + 1, "%s%s%s",
              p->problem ? p->problem : "invalid YAML", p->context ? " " : "", p->context ? p->context : "");
    return LIT_Y_ERROR;
}

static int start_doc(lit_yread *r)
{
    yimpl *y = r->impl;
    /* stream start, then document start (an empty stream has none) */
    for (int i = 0; i < 2; i++) {
        if (y->have_ev) yaml_event_delete(&y->ev);
        y->have_ev = 0;
        if (!yaml_parser_parse(&y->parser, &y->ev)) return parser_error(r);
        y->have_ev = 1;
        if (y->ev.type == YAML_STREAM_END_EVENT) {
            y->failed = 1;
            /* at the end mark: 1:1 for an empty file, after the comments otherwise */
            return lit_error(r->diag, r->file, (long)y->ev.start_mark.line + 1, (long)y->ev.start_mark.column + 1,
                             "empty file: expected a YAML document");
        }
    }
    return lit_yread_next(r) == LIT_Y_ERROR ? -1 : 0;
}

static void init(lit_yread *r, const char *name, lit_diag *d)
{
    memset(r, 0, sizeof *r);
    r->file = name;
    r->diag = d;
    yimpl *y = lit_xcalloc(1, sizeof *y);
    r->impl = y;
    if (!yaml_parser_initialize(&y->parser)) {
        fprintf(stderr, "litsurvey: out of memory\n");
        abort();
    }
}

/* libyaml's read handler for a file or stream: stops at the input limit. */
static int file_read(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
    yimpl *y = data;
    size_t got = fread(buf, 1, size, y->fp);
    if (!got && ferror(y->fp)) return 0;
    y->n_read += got;
    if (y->n_read > lit_input_limit()) {
        y->too_large = 1;
        return 0;
    }
    *size_read = got;
    return 1;
}

int lit_yread_open(lit_yread *r, const char *path, lit_diag *d)
{
    init(r, path, d);
    yimpl *y = r->impl;
    if (strcmp(path, "-") == 0) {
        r->file = "<stdin>";
        y->fp = stdin;
    } else if (!(y->fp = fopen(path, "rb"))) {
        y->failed = 1;
        return lit_io_error(d, path, "cannot open: %s", strerror(errno));
    }
    if (y->fp != stdin) y->path = path;
    lit_input_note(path);
    struct stat sb;   /* a file over the limit is refused before a byte of it is parsed */
    if (fstat(fileno(y->fp), &sb) == 0 && S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > lit_input_limit()) {
        y->failed = 1;
        return lit_input_too_large(d, r->file, (unsigned long long)sb.st_size);
    }
    yaml_parser_set_input(&y->parser, file_read, y);
    return start_doc(r);
}

int lit_yread_open_mem(lit_yread *r, const char *name, const char *data, size_t len, lit_diag *d)
{
    init(r, name, d);
    yimpl *y = r->impl;
    y->mem = data;
    y->mem_len = len;
    yaml_parser_set_input_string(&y->parser, (const unsigned char *)data, len);
    return start_doc(r);
}

/* libyaml's read handler for a byte range: pread, so that several readers can share one
 * descriptor and none of them holds the file in memory. */
static int range_read(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
    yimpl *y = data;
    long long left = y->end - y->pos;
    size_t want = left < (long long)size ? (size_t)left : size;
    ssize_t n;
    do n = want ? pread(y->fd, buf, want, (off_t)y->pos) : 0;
    while (n < 0 && errno == EINTR);
    if (n < 0) return 0;
    y->pos += n;
    *size_read = (size_t)n;
    return 1;
}

int lit_yread_open_range(lit_yread *r, const char *name, int fd, long long start, long long end, lit_diag *d)
{
    init(r, name, d);
    yimpl *y = r->impl;
    y->fd = fd;
    y->pos = start;
    y->end = end;
    yaml_parser_set_input(&y->parser, range_read, y);
    return start_doc(r);
}

void lit_yread_close(lit_yread *r)
{
    yimpl *y = r->impl;
    if (!y) return;
    if (y->have_ev) yaml_event_delete(&y->ev);
    yaml_parser_delete(&y->parser);
    if (y->fp && y->fp != stdin) fclose(y->fp);
    free(y);
    r->impl = NULL;
}

int lit_yread_next(lit_yread *r)
{
    yimpl *y = r->impl;
    if (y->failed) return r->tok = LIT_Y_ERROR;
    if (y->have_ev) yaml_event_delete(&y->ev);
    y->have_ev = 0;
    if (!yaml_parser_parse(&y->parser, &y->ev)) return parser_error(r);
    y->have_ev = 1;
    yaml_event_t *e = &y->ev;
    r->line = (long)e->start_mark.line + 1;
    r->col = (long)e->start_mark.column + 1;
    r->str = NULL;
    r->len = 0;
    r->plain = false;
    switch (e->type) {
    case YAML_SCALAR_EVENT:
        r->str = (const char *)e->data.scalar.value;
        r->len = e->data.scalar.length;
        r->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        /* libyaml's reader checks the raw bytes; escapes ("\x1b", "\uFFFE", "\0") and a raw
         * U+FDD0 or U+1FFFE get past it */
        lit_text_fault f;
        if (lit_text_check(r->str, r->len, &f)) {
            char what[48];
            lit_yread_error(r, "%s in text (not allowed)", lit_text_fault_str(&f, what));
            y->failed = 1;
            return r->tok = LIT_Y_ERROR;
        }
        return r->tok = LIT_Y_SCALAR;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (++r->depth > LIT_YREAD_MAX_DEPTH) {
            lit_yread_error(r, "nesting deeper than %d levels", LIT_YREAD_MAX_DEPTH);
            y->failed = 1;
            return r->tok = LIT_Y_ERROR;
        }
        return r->tok = e->type == YAML_SEQUENCE_START_EVENT ? LIT_Y_SEQ : LIT_Y_MAP;
    case YAML_SEQUENCE_END_EVENT:
        r->depth--;
        return r->tok = LIT_Y_SEQ_END;
    case YAML_MAPPING_END_EVENT:
        r->depth--;
        return r->tok = LIT_Y_MAP_END;
    case YAML_ALIAS_EVENT:
        lit_yread_error(r, "YAML aliases are not supported (write the value out)");
        y->failed = 1;
        return r->tok = LIT_Y_ERROR;
    default: /* document or stream end */
        return r->tok = LIT_Y_END;
    }
}

int lit_yread_skip(lit_yread *r)
{
    int depth = 0;
    do {
        switch (r->tok) {
        case LIT_Y_SEQ: case LIT_Y_MAP: depth++; break;
        case LIT_Y_SEQ_END: case LIT_Y_MAP_END: depth--; break;
        case LIT_Y_SCALAR: break;
        default: return -1;
        }
        if (lit_yread_next(r) == LIT_Y_ERROR) return -1;
    } while (depth > 0);
    return 0;
}

int lit_yread_finish(lit_yread *r)
{
    yimpl *y = r->impl;
    if (r->tok == LIT_Y_ERROR) return -1;
    if (r->tok != LIT_Y_END) return lit_yread_error(r, "unexpected content after the document");
    if (y->ev.type == YAML_DOCUMENT_END_EVENT) {
        if (lit_yread_next(r) == LIT_Y_ERROR) return -1;
        if (y->ev.type != YAML_STREAM_END_EVENT)
            return lit_yread_error(r, "a second YAML document is not allowed here");
    }
    return 0;
}

int lit_yread_doc_list(const char *path, const char *key, int (*item)(lit_yread *r, void *ctx), void *ctx,
                       lit_diag *d)
{
    lit_yread r;
    char what[64];
    int rc = lit_yread_open(&r, path, d);
    snprintf(what, sizeof what, "a mapping with '%s'", key);
    if (rc == 0) rc = lit_yread_expect(&r, LIT_Y_MAP, what);
    if (rc == 0) {
        lit_yread_next(&r);
        if (r.tok == LIT_Y_SCALAR && strcmp(r.str, key) == 0) {
            lit_yread_next(&r);
            snprintf(what, sizeof what, "a list of %s", key);
            rc = lit_yread_expect(&r, LIT_Y_SEQ, what);
            while (rc == 0 && lit_yread_next(&r) != LIT_Y_SEQ_END)
                rc = r.tok == LIT_Y_ERROR ? -1 : item(&r, ctx);
            if (rc == 0) lit_yread_next(&r);
        }
        snprintf(what, sizeof what, "only '%s'", key);
        if (rc == 0) rc = lit_yread_expect(&r, LIT_Y_MAP_END, what);
        if (rc == 0) lit_yread_next(&r);
        if (rc == 0) rc = lit_yread_finish(&r);
    }
    lit_yread_close(&r);
    return rc;
}

int lit_yread_error(lit_yread *r, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lit_error(r->diag, r->file, r->line, r->col, "%s", msg);
    ((yimpl *)r->impl)->failed = 1;
    return -1;
}

static const char *tok_name(int tok)
{
    switch (tok) {
    case LIT_Y_SCALAR: return "a scalar";
    case LIT_Y_SEQ: return "a list";
    case LIT_Y_MAP: return "a mapping";
    case LIT_Y_SEQ_END: return "the end of a list";
    case LIT_Y_MAP_END: return "the end of a mapping";
    default: return "the end of the document";
    }
}

int lit_yread_expect(lit_yread *r, int tok, const char *what)
{
    if (r->tok == LIT_Y_ERROR) return -1;
    if (r->tok == tok) return 0;
    return lit_yread_error(r, "expected %s, found %s", what, tok_name(r->tok));
}

bool lit_yread_is_null(const lit_yread *r)
{
    if (r->tok != LIT_Y_SCALAR || !r->plain || r->len > 4) return false;
    return r->len == 0 || strcmp(r->str, "~") == 0 || strcmp(r->str, "null") == 0 ||
           strcmp(r->str, "Null") == 0 || strcmp(r->str, "NULL") == 0;
}

/* A short, printable excerpt of the current scalar for messages. */
static const char *excerpt(const lit_yread *r, char buf[48])
{
    size_t n = r->len < 40 ? r->len : 40;
    memcpy(buf, r->str, n);
    strcpy(buf + n, r->len > 40 ? "..." : "");
    return buf;
}

int lit_yread_long(lit_yread *r, long min, long max, long *out)
{
    char ex[48];
    if (lit_yread_expect(r, LIT_Y_SCALAR, "an integer") != 0) return -1;
    char *end;
    errno = 0;
    long v = strtol(r->str, &end, 10);
    if (!r->plain || r->len == 0 || *end != '\0' || errno == ERANGE || r->str[0] == ' ')
        return lit_yread_error(r, "expected an integer, found '%s'", excerpt(r, ex));
    if (v < min || v > max)
        return lit_yread_error(r, "%ld is out of range (%ld to %ld)", v, min, max);
    *out = v;
    return 0;
}

int lit_yread_double(lit_yread *r, double min, double max, double *out)
{
    char ex[48];
    if (lit_yread_expect(r, LIT_Y_SCALAR, "a number") != 0) return -1;
    char *end;
    errno = 0;
    double v = strtod(r->str, &end);
    if (!r->plain || r->len == 0 || *end != '\0' || errno == ERANGE || !isfinite(v) || r->str[0] == ' ')
        return lit_yread_error(r, "expected a number, found '%s'", excerpt(r, ex));
    if (v < min || v > max) return lit_yread_error(r, "%g is out of range (%g to %g)", v, min, max);
    *out = v;
    return 0;
}

int lit_yread_bool(lit_yread *r, bool *out)
{
    char ex[48];
    if (lit_yread_expect(r, LIT_Y_SCALAR, "true or false") != 0) return -1;
    if (r->plain && (strcmp(r->str, "true") == 0 || strcmp(r->str, "True") == 0)) *out = true;
    else if (r->plain && (strcmp(r->str, "false") == 0 || strcmp(r->str, "False") == 0)) *out = false;
    else return lit_yread_error(r, "expected true or false, found '%s'", excerpt(r, ex));
    return 0;
}

int lit_yread_str(lit_yread *r, lit_arena *a, const char **out)
{
    if (lit_yread_expect(r, LIT_Y_SCALAR, "a string") != 0) return -1;
    *out = lit_arena_strndup(a, r->str, r->len);
    return 0;
}

int lit_yread_str_list(lit_yread *r, lit_arena *a, const char ***out, size_t *n)
{
    if (r->tok == LIT_Y_SCALAR) {
        const char **v = lit_arena_alloc(a, sizeof *v);
        v[0] = lit_arena_strndup(a, r->str, r->len);
        *out = v;
        *n = 1;
        return 0;
    }
    if (lit_yread_expect(r, LIT_Y_SEQ, "a string or a list of strings") != 0) return -1;
    const char **tmp = NULL;
    size_t cnt = 0, cap = 0;
    while (lit_yread_next(r) == LIT_Y_SCALAR) {
        LIT_GROW(tmp, cap, cnt + 1);
        tmp[cnt++] = lit_arena_strndup(a, r->str, r->len);
    }
    if (lit_yread_expect(r, LIT_Y_SEQ_END, "a string") != 0) {
        free(tmp);
        return -1;
    }
    const char **v = lit_arena_alloc(a, (cnt ? cnt : 1) * sizeof *v);
    if (cnt) memcpy(v, tmp, cnt * sizeof *v);
    free(tmp);
    *out = v;
    *n = cnt;
    return 0;
}

static size_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* A linear scan while a mapping has few keys; beyond, a hash of their indices, so that
 * a mapping with 100,000 keys takes linear time. */
int lit_yread_key_once(lit_yread *r, lit_ykeys *seen)
{
    if (lit_yread_expect(r, LIT_Y_SCALAR, "a key") != 0) return -1;
    if (seen->n < 16) {
        for (size_t i = 0; i < seen->n; i++)
            if (strcmp(seen->k[i], r->str) == 0) return lit_yread_error(r, "duplicate key '%s'", r->str);
    } else {
        if ((seen->n + 1) * 2 >= seen->nslots) {
            size_t want = seen->nslots ? seen->nslots : 64;
            while ((seen->n + 1) * 2 >= want) want *= 2;
            free(seen->slots);
            seen->slots = lit_xcalloc(want, sizeof *seen->slots);
            seen->nslots = want;
            seen->hashed = 0;
        }
        size_t mask = seen->nslots - 1;
        for (; seen->hashed < seen->n; seen->hashed++) {
            size_t j = key_hash(seen->k[seen->hashed]) & mask;
            while (seen->slots[j]) j = (j + 1) & mask;
            seen->slots[j] = (uint32_t)seen->hashed + 1;
        }
        for (size_t j = key_hash(r->str) & mask; seen->slots[j]; j = (j + 1) & mask)
            if (strcmp(seen->k[seen->slots[j] - 1], r->str) == 0) return lit_yread_error(r, "duplicate key '%s'", r->str);
    }
    LIT_GROW(seen->k, seen->cap, seen->n + 1);
    seen->k[seen->n++] = lit_xstrdup(r->str);
    return 0;
}

void lit_ykeys_free(lit_ykeys *seen)
{
    for (size_t i = 0; i < seen->n; i++) free(seen->k[i]);
    free(seen->k);
    free(seen->slots);
    memset(seen, 0, sizeof *seen);
}
