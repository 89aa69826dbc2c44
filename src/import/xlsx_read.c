/* xlsx_read.c - the cells of a worksheet of an .xlsx workbook: the parts are inflated with
 * minizip and pushed through libxml2's SAX2 parser as they stream, no tree built, so memory
 * stays small whatever the sheet; every size has a bound. */
#include "xlsx_read.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <minizip/unzip.h>
#include <utf8proc.h>
#include "arena.h"
#include "buf.h"
#include "input.h"
#include "outfile.h"
#include "text.h"

#define RATIO_FROM (64L << 20)   /* inflated bytes before the ratio counts: real sheets compress 10-20x */
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct sheet { char *name, *part; } sheet;

struct lit_xlsx {
    char *path;
    unzFile zf;
    char **strings;           /* the shared strings */
    size_t n_strings, cap_strings, strings_bytes;
    bool *date_style;         /* cell style (cellXfs index) -> shows a date */
    size_t n_styles;
    bool date1904;
    sheet *sheets;
    size_t n_sheets, cap_sheets;
};

/* ---------- parts ---------- */

/* One SAX event as the handlers see it: an element's start (with its attributes, SAX2's
 * five pointers each: local name, prefix, URI, value, value end) or end, or text (which
 * may come in several pieces). An empty element is a start and an end. */
enum { EV_START, EV_END, EV_TEXT };
typedef struct xev {
    int type;
    const char *name;
    const xmlChar **attrs;
    int n_attrs;
    const char *text;
    size_t len;
} xev;

/* A handler returns 0 to go on, 1 to stop (done), -1 after an error it reported. */
typedef int (*node_fn)(lit_xlsx *x, const xev *e, void *ctx, lit_diag *d);

typedef struct parsing {
    lit_xlsx *x;
    node_fn fn;
    void *ctx;
    lit_diag *d;
    xmlParserCtxtPtr px;
    int rc;                   /* the first nonzero handler result */
    char err[256];            /* libxml2's first message, and its line */
    int err_line;
} parsing;

static void emit(parsing *p, const xev *e)
{
    if (p->rc) return;
    p->rc = p->fn(p->x, e, p->ctx, p->d);
    if (p->rc) xmlStopParser(p->px);
}

static void on_start(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int n_ns,
                     const xmlChar **ns, int n_attrs, int n_defaulted, const xmlChar **attrs)
{
    (void)prefix, (void)uri, (void)n_ns, (void)ns, (void)n_defaulted;
    xev e = {EV_START, (const char *)local, attrs, n_attrs, NULL, 0};
    emit(ud, &e);
}

static void on_end(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix, (void)uri;
    xev e = {EV_END, (const char *)local, NULL, 0, NULL, 0};
    emit(ud, &e);
}

static void on_text(void *ud, const xmlChar *ch, int len)
{
    xev e = {EV_TEXT, NULL, NULL, 0, (const char *)ch, (size_t)len};
    emit(ud, &e);
}

static void on_xml_error(void *ud, xmlErrorPtr e)
{
    parsing *p = ud;
    if (p->err[0] || !e || !e->message || e->level < XML_ERR_ERROR) return;
    snprintf(p->err, sizeof p->err, "%s", e->message);
    size_t n = strlen(p->err);
    while (n && (p->err[n - 1] == '\n' || p->err[n - 1] == ' ')) p->err[--n] = 0;
    p->err_line = e->line;
}

/* Streams the part name through fn. missing_ok: a part that is not there is no error
 * (returns 2). Returns 0, 1 when fn stopped, 2, or -1 after an error. */
static int parse_part(lit_xlsx *x, const char *name, bool missing_ok, node_fn fn, void *ctx, lit_diag *d)
{
    if (unzLocateFile(x->zf, name, 2) != UNZ_OK) {
        if (missing_ok) return 2;
        return lit_error(d, x->path, 0, 0, "no part '%s': not an .xlsx workbook", name);
    }
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK || unzOpenCurrentFile(x->zf) != UNZ_OK)
        return lit_error(d, x->path, 0, 0, "cannot read the part '%s' (a damaged zip?)", name);
    if (info.flag & 1) {
        unzCloseCurrentFile(x->zf);
        return lit_error(d, x->path, 0, 0, "the workbook is encrypted (save it without a password)");
    }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;   /* no entity declarations kept, no tree: SAX2 events only */
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = sax.ignorableWhitespace = sax.cdataBlock = on_text;
    sax.serror = on_xml_error;
    parsing p = {x, fn, ctx, d, NULL, 0, {0}, 0};
    p.px = xmlCreatePushParserCtxt(&sax, &p, NULL, 0, name);
    if (!p.px) {
        unzCloseCurrentFile(x->zf);
        return lit_error(d, x->path, 0, 0, "cannot read the part '%s'", name);
    }
    xmlCtxtUseOptions(p.px, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    char buf[1 << 16];
    unsigned long long n = 0, max = lit_input_limit() < (size_t)LIT_XLSX_MAX_PART ? lit_input_limit() : LIT_XLSX_MAX_PART;
    int got = 0, over = 0;
    while (!p.rc && (got = unzReadCurrentFile(x->zf, buf, sizeof buf)) > 0) {
        n += (unsigned long long)got;
        if (n > max) over = max < (unsigned long long)LIT_XLSX_MAX_PART ? 4 : 1;
        else if (n > (unsigned long long)RATIO_FROM && n / (info.compressed_size + 1) > LIT_XLSX_MAX_RATIO) over = 2;
        if (over || xmlParseChunk(p.px, buf, got, 0) != 0) break;
    }
    if (got < 0) over = 3;
    if (!p.rc && !over && !p.err[0]) xmlParseChunk(p.px, NULL, 0, 1);
    int rc = p.rc;
    if (rc >= 0 && over == 1)
        rc = lit_error(d, x->path, 0, 0, "the part '%s' is larger than %ld MiB inflated: not read", name,
                       LIT_XLSX_MAX_PART >> 20);
    else if (rc >= 0 && over == 2)
        rc = lit_error(d, x->path, 0, 0, "the part '%s' inflates more than %dx (a zip bomb?): not read", name,
                       LIT_XLSX_MAX_RATIO);
    else if (rc >= 0 && over == 3)
        rc = lit_error(d, x->path, 0, 0, "the part '%s' cannot be inflated (a damaged zip?)", name);
    else if (rc >= 0 && over == 4)
        rc = lit_io_error(d, x->path, "the part '%s' inflates to more than the input limit (--max-input SIZE raises "
                          "it): not read", name);
    else if (rc == 0 && (p.err[0] || !p.px->wellFormed))
        rc = lit_error(d, x->path, 0, 0, "the part '%s' is not well-formed XML (line %d: %s)", name, p.err_line,
                       p.err[0] ? p.err : "parse error");
    xmlFreeParserCtxt(p.px);
    unzCloseCurrentFile(x->zf);
    return rc;
}

static bool is_el(const xev *e, const char *local) { return e->type == EV_START && !strcmp(e->name, local); }
static bool is_end(const xev *e, const char *local) { return e->type == EV_END && !strcmp(e->name, local); }

/* An attribute (by local name; ns NULL: any namespace) as a malloc'd string, or NULL. */
static char *attr(const xev *e, const char *name, const char *ns)
{
    for (int i = 0; i < e->n_attrs; i++) {
        const xmlChar **a = e->attrs + 5 * i;
        if (strcmp((const char *)a[0], name) != 0) continue;
        if (ns ? !a[2] || strcmp((const char *)a[2], ns) : a[2] != NULL) continue;
        size_t n = (size_t)(a[4] - a[3]);
        char *v = lit_xmalloc(n + 1);
        memcpy(v, a[3], n);
        v[n] = 0;
        return v;
    }
    return NULL;
}

/* A part named relative to the folder of another: "worksheets/sheet1.xml" beside
 * "xl/workbook.xml", or from the root ("/xl/..."). malloc'd. */
static char *part_name(const char *from, const char *target)
{
    lit_buf b = LIT_BUF_INIT;
    if (target[0] == '/') lit_buf_adds(&b, target + 1);
    else {
        const char *slash = strrchr(from, '/');
        if (slash) lit_buf_add(&b, from, (size_t)(slash - from + 1));
        while (!strncmp(target, "./", 2)) target += 2;
        while (!strncmp(target, "../", 3)) {   /* up one folder */
            target += 3;
            size_t n = b.len ? b.len - 1 : 0;
            while (n && b.data[n - 1] != '/') n--;
            b.len = n;
        }
        lit_buf_adds(&b, target);
    }
    char *s = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return s;
}

/* ---------- relationships and the workbook ---------- */

typedef struct rel { char *id, *type, *target; } rel;
typedef struct rels { rel *r; size_t n, cap; } rels;

static int on_rel(lit_xlsx *x, const xev *e, void *ctx, lit_diag *d)
{
    (void)x, (void)d;
    rels *rs = ctx;
    if (!is_el(e, "Relationship")) return 0;
    char *t = attr(e, "Target", NULL);
    if (!t) return 0;
    LIT_GROW(rs->r, rs->cap, rs->n + 1);
    rs->r[rs->n++] = (rel){attr(e, "Id", NULL), attr(e, "Type", NULL), t};
    return 0;
}

static void rels_free(rels *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->r[i].id);
        free(rs->r[i].type);
        free(rs->r[i].target);
    }
    free(rs->r);
}

/* The target of the first relationship whose type ends in /kind (or whose id is id). */
static const char *rel_target(const rels *rs, const char *kind, const char *id)
{
    for (size_t i = 0; i < rs->n; i++) {
        if (id) {
            if (rs->r[i].id && !strcmp(rs->r[i].id, id)) return rs->r[i].target;
            continue;
        }
        const char *t = rs->r[i].type ? strrchr(rs->r[i].type, '/') : NULL;
        if (t && !strcmp(t + 1, kind)) return rs->r[i].target;
    }
    return NULL;
}

typedef struct wb_state { char **ids; size_t cap; } wb_state;

static int on_workbook(lit_xlsx *x, const xev *e, void *ctx, lit_diag *d)
{
    wb_state *w = ctx;
    (void)d;
    if (is_el(e, "workbookPr")) {
        char *v = attr(e, "date1904", NULL);
        x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
        free(v);
    } else if (is_el(e, "sheet")) {
        LIT_GROW(x->sheets, x->cap_sheets, x->n_sheets + 1);
        LIT_GROW(w->ids, w->cap, x->n_sheets + 1);
        char *name = attr(e, "name", NULL);
        x->sheets[x->n_sheets] = (sheet){name ? name : lit_xstrdup(""), NULL};
        w->ids[x->n_sheets++] = attr(e, "id", REL_NS);
    }
    return 0;
}

/* ---------- styles: which cell styles show dates ---------- */

typedef struct fmt { long id; bool date; } fmt;
typedef struct style_state { fmt *f; size_t n, cap; bool in_xfs; long *xf; size_t n_xf, cap_xf; } style_state;

/* Whether a number format shows a date or a time: a date or time letter outside quoted
 * text, escapes and [colours]; "General" and "0.00E+00" do not. */
static bool date_code(const char *c)
{
    for (; *c; c++) {
        if (*c == '"') { while (c[1] && c[1] != '"') c++; if (c[1]) c++; }
        else if (*c == '\\' && c[1]) c++;
        else if (*c == '[') { while (c[1] && c[1] != ']') c++; }
        else if (strchr("dmyhsDMYHS", *c)) return true;
        else if (*c == ';') return false;   /* the first section decides */
    }
    return false;
}

/* Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones). */
static bool date_builtin(long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static int on_styles(lit_xlsx *x, const xev *e, void *ctx, lit_diag *d)
{
    style_state *s = ctx;
    (void)x, (void)d;
    if (is_el(e, "numFmt")) {
        char *id = attr(e, "numFmtId", NULL), *code = attr(e, "formatCode", NULL);
        if (id && code) {
            LIT_GROW(s->f, s->cap, s->n + 1);
            s->f[s->n++] = (fmt){atol(id), date_code(code)};
        }
        free(id);
        free(code);
    } else if (is_el(e, "cellXfs")) {
        s->in_xfs = true;
    } else if (is_end(e, "cellXfs")) {
        s->in_xfs = false;
    } else if (s->in_xfs && is_el(e, "xf")) {
        char *id = attr(e, "numFmtId", NULL);
        LIT_GROW(s->xf, s->cap_xf, s->n_xf + 1);
        s->xf[s->n_xf++] = id ? atol(id) : 0;
        free(id);
    }
    return 0;
}

/* ---------- shared strings ---------- */

/* The code unit of an _xHHHH_ escape at s, or -1. */
static long escape_at(const char *s)
{
    unsigned v;
    int n = 0;
    if (s[0] == '_' && s[1] == 'x' && sscanf(s + 2, "%4x%n", &v, &n) == 1 && n == 4 && s[6] == '_' &&
        isxdigit((unsigned char)s[2]) && isxdigit((unsigned char)s[5]))
        return (long)v;
    return -1;
}

/* Appends text with Excel's _xHHHH_ escapes decoded ("_x000D_" is a carriage return,
 * dropped as the other control characters but tab and newline; "_x005F_" a '_'; a pair of
 * surrogates one character, a lone one U+FFFD). */
static void add_text(lit_buf *b, const char *s)
{
    for (; *s; s++) {
        long v = escape_at(s);
        if (v >= 0) {
            s += 6;
            if (v >= 0xD800 && v <= 0xDBFF) {
                long lo = escape_at(s + 1);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    s += 7;
                } else {
                    v = 0xFFFD;
                }
            } else if (v >= 0xDC00 && v <= 0xDFFF) {
                v = 0xFFFD;
            }
            if (v >= 0x20 || v == '\t' || v == '\n') {
                utf8proc_uint8_t u[4];
                lit_buf_add(b, (const char *)u, (size_t)utf8proc_encode_char((utf8proc_int32_t)v, u));
            }
        } else if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n') {
            lit_buf_addc(b, *s);
        }
    }
}

/* The text of an <si> or <is>: its <t> runs, phonetic runs (<rPh>) left out; a run's
 * text is decoded when it ends (it may come in pieces that split an escape). */
typedef struct runs { lit_buf b, raw; int in_t, in_rph; bool too_long; } runs;

static void runs_node(runs *r, const xev *e)
{
    if (is_el(e, "rPh")) r->in_rph++;
    else if (is_end(e, "rPh") && r->in_rph) r->in_rph--;
    else if (is_el(e, "t")) r->in_t++;
    else if (is_end(e, "t") && r->in_t) {
        r->in_t--;
        if (!r->in_rph) add_text(&r->b, lit_buf_str(&r->raw));
        lit_buf_reset(&r->raw);
    } else if (r->in_t && !r->in_rph && e->type == EV_TEXT) {
        if (r->raw.len + e->len > LIT_XLSX_MAX_CELL) r->too_long = true;
        else lit_buf_add(&r->raw, e->text, e->len);
    }
}

static void runs_reset(runs *r)
{
    lit_buf_reset(&r->b);
    lit_buf_reset(&r->raw);
    r->in_t = r->in_rph = 0;
    r->too_long = false;
}

typedef struct sst_state { runs r; bool in_si; } sst_state;

static int on_strings(lit_xlsx *x, const xev *e, void *ctx, lit_diag *d)
{
    sst_state *s = ctx;
    if (is_el(e, "si")) {
        s->in_si = true;
        runs_reset(&s->r);
        return 0;
    } else if (s->in_si && !is_end(e, "si")) {
        runs_node(&s->r, e);
        return 0;
    } else if (!is_end(e, "si")) {
        return 0;
    }
    s->in_si = false;
    x->strings_bytes += s->r.b.len + 1;
    if (x->strings_bytes > (size_t)LIT_XLSX_MAX_STRINGS)
        return lit_error(d, x->path, 0, 0, "the shared strings hold more than %ld MiB: not read",
                         LIT_XLSX_MAX_STRINGS >> 20);
    LIT_GROW(x->strings, x->cap_strings, x->n_strings + 1);
    x->strings[x->n_strings++] = lit_xstrdup(lit_buf_str(&s->r.b));
    return 0;
}

/* ---------- opening ---------- */

lit_xlsx *lit_xlsx_open(const char *path, lit_diag *d)
{
    /* a zip is read by seeking: a regular file within the input limit (input.h) */
    struct stat sb;
    if (stat(path, &sb) != 0) {
        lit_io_error(d, path, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        lit_io_error(d, path, "not a regular file: a workbook is read from a file");
        return NULL;
    }
    if ((unsigned long long)sb.st_size > lit_input_limit()) {
        lit_input_too_large(d, path, (unsigned long long)sb.st_size);
        return NULL;
    }
    lit_xlsx *x = lit_xcalloc(1, sizeof *x);
    x->path = lit_xstrdup(path);
    lit_input_note(path);   /* no output of this run may replace it */
    x->zf = unzOpen64(path);
    if (!x->zf) {
        FILE *f = fopen(path, "rb");
        if (!f) lit_io_error(d, path, "cannot open: %s", strerror(errno));
        else lit_error(d, path, 0, 0, "not an .xlsx workbook (not a zip file)");
        if (f) fclose(f);
        lit_xlsx_close(x);
        return NULL;
    }
    rels top = {0}, wr = {0};
    wb_state w = {0};
    style_state st = {0};
    sst_state ss = {{LIT_BUF_INIT, LIT_BUF_INIT, 0, 0, false}, false};
    char *book = NULL, *book_rels = NULL, *styles = NULL, *strings = NULL;
    int rc = parse_part(x, "_rels/.rels", false, on_rel, &top, d);
    if (rc >= 0) {
        const char *t = rel_target(&top, "officeDocument", NULL);
        book = part_name("", t ? t : "xl/workbook.xml");
        const char *slash = strrchr(book, '/');
        lit_buf b = LIT_BUF_INIT;
        lit_buf_printf(&b, "%.*s_rels/%s.rels", slash ? (int)(slash - book + 1) : 0, book, slash ? slash + 1 : book);
        book_rels = lit_xstrdup(lit_buf_str(&b));
        lit_buf_free(&b);
        rc = parse_part(x, book, false, on_workbook, &w, d);
    }
    if (rc >= 0) rc = parse_part(x, book_rels, false, on_rel, &wr, d);
    if (rc >= 0) {
        for (size_t i = 0; i < x->n_sheets; i++) {
            const char *t = w.ids[i] ? rel_target(&wr, NULL, w.ids[i]) : NULL;
            if (t) x->sheets[i].part = part_name(book, t);
        }
        const char *t = rel_target(&wr, "styles", NULL);
        if (t) styles = part_name(book, t);
        t = rel_target(&wr, "sharedStrings", NULL);
        if (t) strings = part_name(book, t);
        if (!x->n_sheets) rc = lit_error(d, path, 0, 0, "the workbook has no sheets");
    }
    if (rc >= 0 && styles) rc = parse_part(x, styles, true, on_styles, &st, d);
    if (rc >= 0 && strings) rc = parse_part(x, strings, true, on_strings, &ss, d);
    if (rc >= 0) {
        x->n_styles = st.n_xf;
        x->date_style = lit_xcalloc(st.n_xf + 1, sizeof *x->date_style);
        for (size_t i = 0; i < st.n_xf; i++) {
            bool date = date_builtin(st.xf[i]);
            for (size_t k = 0; k < st.n; k++)
                if (st.f[k].id == st.xf[i]) date = st.f[k].date;
            x->date_style[i] = date;
        }
    }
    for (size_t i = 0; i < x->n_sheets; i++) free(w.ids ? w.ids[i] : NULL);
    free(w.ids);
    free(st.f);
    free(st.xf);
    lit_buf_free(&ss.r.b);
    lit_buf_free(&ss.r.raw);
    rels_free(&top);
    rels_free(&wr);
    free(book);
    free(book_rels);
    free(styles);
    free(strings);
    if (rc < 0) {
        lit_xlsx_close(x);
        return NULL;
    }
    return x;
}

void lit_xlsx_close(lit_xlsx *x)
{
    if (!x) return;
    if (x->zf) unzClose(x->zf);
    for (size_t i = 0; i < x->n_strings; i++) free(x->strings[i]);
    free(x->strings);
    for (size_t i = 0; i < x->n_sheets; i++) {
        free(x->sheets[i].name);
        free(x->sheets[i].part);
    }
    free(x->sheets);
    free(x->date_style);
    free(x->path);
    free(x);
}

size_t lit_xlsx_sheets(const lit_xlsx *x) { return x->n_sheets; }
const char *lit_xlsx_sheet_name(const lit_xlsx *x, size_t i) { return i < x->n_sheets ? x->sheets[i].name : NULL; }

const char *lit_xlsx_cell_name(char buf[16], size_t col, long row)
{
    char letters[8];
    int n = 0;
    for (size_t c = col + 1; c && n < 7; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
    int k = 0;
    while (n) buf[k++] = letters[--n];
    snprintf(buf + k, (size_t)(16 - k), "%ld", row);
    return buf;
}

/* ---------- a sheet's rows ---------- */

/* A date from a serial number: days since 1899-12-30 (Excel's 1900 system, with its
 * 29 February 1900 for serial 60) or since 1904-01-01. */
static void serial_date(lit_buf *b, double v, bool date1904)
{
    double days = floor(v);
    long secs = lround((v - days) * 86400.0);
    if (secs >= 86400) { days += 1; secs -= 86400; }
    long n = (long)days;
    if (n == 0 && secs) {   /* a time of day alone */
        lit_buf_printf(b, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
        if (secs % 60) lit_buf_printf(b, ":%02ld", secs % 60);
        return;
    }
    if (!date1904 && n == 60) {
        lit_buf_adds(b, "1900-02-29");
    } else {
        /* days from 1970-01-01, then the civil date (Howard Hinnant's algorithm) */
        long z = date1904 ? n - 24107 : n < 60 ? n - 25568 : n - 25569;
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        long dd = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
        lit_buf_printf(b, "%04ld-%02ld-%02ld", y + (m <= 2), m, dd);
    }
    if (secs) {
        lit_buf_printf(b, " %02ld:%02ld", secs / 3600, secs / 60 % 60);
        if (secs % 60) lit_buf_printf(b, ":%02ld", secs % 60);
    }
}

/* The shortest text of a number that reads back as it. */
static void number_text(lit_buf *b, double v)
{
    char s[40];
    for (int p = 15; p <= 17; p++) {
        snprintf(s, sizeof s, "%.*g", p, v);
        if (strtod(s, NULL) == v) break;
    }
    lit_buf_adds(b, s);
}

typedef struct row_state {
    int (*row)(void *ctx, long r, const char *const *cells, size_t n);
    void *ctx;
    size_t sheet;
    long r;                   /* the current row */
    long col;                 /* the current cell's column, -1 between cells */
    char type[12];
    long style;
    bool in_v, in_is, too_long;
    runs is;
    lit_buf v;
    lit_buf *cells;           /* the row's cells by column */
    bool *set;
    size_t n, cap, max;
    const char **out;
    size_t cap_out;
} row_state;

/* "AB12" -> column 27 (0-based) and row 12; false when malformed. */
static bool cell_ref(const char *s, long *col, long *row)
{
    long c = 0, r = 0;
    const char *p = s;
    for (; isalpha((unsigned char)*p) && c <= LIT_XLSX_MAX_COLS; p++) c = c * 26 + (toupper((unsigned char)*p) - 'A' + 1);
    if (p == s || !isdigit((unsigned char)*p)) return false;
    for (; isdigit((unsigned char)*p) && r <= LIT_XLSX_MAX_ROWS; p++) r = r * 10 + (*p - '0');
    *col = c - 1;
    *row = r;
    return !*p || isdigit((unsigned char)*p);
}

static int flush_row(lit_xlsx *x, row_state *s)
{
    if (!s->max) return 0;
    LIT_GROW(s->out, s->cap_out, s->max + 1);
    for (size_t c = 0; c < s->max; c++) s->out[c] = s->set[c] && s->cells[c].len ? lit_buf_str(&s->cells[c]) : NULL;
    int stop = s->row(s->ctx, s->r, s->out, s->max);
    for (size_t c = 0; c < s->max; c++) {
        lit_buf_reset(&s->cells[c]);
        s->set[c] = false;
    }
    s->max = 0;
    (void)x;
    return stop ? 1 : 0;
}

/* A cell's text with what text may not hold (text.h: a C1 control, a noncharacter, raw or
 * from an _xHHHH_ escape) replaced by U+FFFD, with a warning at the cell. */
static void clean_cell(lit_xlsx *x, const row_state *s, lit_buf *b, lit_diag *d)
{
    lit_text_fault f;
    if (!b->len || !lit_text_check(b->data, b->len, &f)) return;
    lit_arena a = {0};
    const char *clean = lit_text_clean(&a, lit_buf_str(b), &f);
    char where[16], what[48];
    lit_warn_many(d, "characters replaced by U+FFFD", x->path, 0, 0, "sheet '%s', cell %s: %s replaced by U+FFFD",
                  x->sheets[s->sheet].name, lit_xlsx_cell_name(where, (size_t)s->col, s->r), lit_text_fault_str(&f, what));
    lit_buf_reset(b);
    lit_buf_adds(b, clean);
    lit_arena_free(&a);
}

/* The text of the cell that just ended, into its column. */
static int end_cell(lit_xlsx *x, row_state *s, lit_diag *d)
{
    char where[16];
    if ((size_t)s->col >= s->n) {
        size_t old = s->cap;
        LIT_GROW(s->cells, s->cap, (size_t)s->col + 1);
        s->set = lit_xrealloc(s->set, s->cap * sizeof *s->set);
        for (size_t c = old; c < s->cap; c++) {
            s->cells[c] = (lit_buf)LIT_BUF_INIT;
            s->set[c] = false;
        }
        s->n = s->cap;
    }
    lit_buf *b = &s->cells[s->col];
    lit_buf_reset(b);
    const char *v = lit_buf_str(&s->v), *t = s->type;
    if (!strcmp(t, "s")) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        if (end == v || *end || i >= x->n_strings)
            return lit_error(d, x->path, 0, 0, "sheet '%s', cell %s: shared string '%s' is not in the table",
                             x->sheets[s->sheet].name, lit_xlsx_cell_name(where, (size_t)s->col, s->r), v);
        lit_buf_adds(b, x->strings[i]);
    } else if (!strcmp(t, "inlineStr")) {
        lit_buf_adds(b, lit_buf_str(&s->is.b));
    } else if (!strcmp(t, "str") || !strcmp(t, "e")) {
        add_text(b, v);
    } else if (!strcmp(t, "b")) {
        if (s->v.len) lit_buf_adds(b, strcmp(v, "0") ? "TRUE" : "FALSE");
    } else if (!strcmp(t, "d")) {   /* an ISO 8601 date (strict files): the date, and a time that is not midnight */
        lit_buf_add(b, v, strlen(v) > 10 && strncmp(v + 10, "T00:00:00", 9) ? strlen(v) : strlen(v) > 10 ? 10 : strlen(v));
        if (b->len > 10 && b->data[10] == 'T') b->data[10] = ' ';
    } else if (s->v.len) {
        char *end;
        double n = strtod(v, &end);
        if (end == v || *end || !isfinite(n))
            return lit_error(d, x->path, 0, 0, "sheet '%s', cell %s: '%s' is not a number", x->sheets[s->sheet].name,
                             lit_xlsx_cell_name(where, (size_t)s->col, s->r), v);
        if (s->style >= 0 && (size_t)s->style < x->n_styles && x->date_style[s->style] && n >= 0 && n < 2958466)
            serial_date(b, n, x->date1904);
        else number_text(b, n);
    }
    clean_cell(x, s, b, d);
    s->set[s->col] = true;
    if ((size_t)s->col + 1 > s->max) s->max = (size_t)s->col + 1;
    return 0;
}

static int on_sheet(lit_xlsx *x, const xev *e, void *ctx, lit_diag *d)
{
    row_state *s = ctx;
    char where[16];
    if (s->in_is && !is_end(e, "is")) {
        runs_node(&s->is, e);
        return 0;
    }
    if (is_el(e, "row")) {
        char *r = attr(e, "r", NULL);
        long n = r ? atol(r) : s->r + 1;
        free(r);
        if (n < 1 || n > LIT_XLSX_MAX_ROWS)
            return lit_error(d, x->path, 0, 0, "sheet '%s': row %ld is past Excel's last row (%d)",
                             x->sheets[s->sheet].name, n, LIT_XLSX_MAX_ROWS);
        s->r = n;
        s->col = -1;
    } else if (is_end(e, "row")) {
        return flush_row(x, s);
    } else if (is_el(e, "c")) {
        char *r = attr(e, "r", NULL), *t = attr(e, "t", NULL), *st = attr(e, "s", NULL);
        long col = s->col + 1, row = s->r;
        bool ok = !r || cell_ref(r, &col, &row);
        snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
        s->style = st ? atol(st) : 0;
        free(r);
        free(t);
        free(st);
        if (!ok || col < 0 || col >= LIT_XLSX_MAX_COLS)
            return lit_error(d, x->path, 0, 0, "sheet '%s', row %ld: a cell past Excel's last column (%s)",
                             x->sheets[s->sheet].name, s->r, lit_xlsx_cell_name(where, (size_t)(col < 0 ? 0 : col), s->r));
        s->col = col;
        lit_buf_reset(&s->v);
        runs_reset(&s->is);
        s->too_long = false;
    } else if (is_end(e, "c")) {
        if (s->is.too_long || s->too_long)
            return lit_error(d, x->path, 0, 0, "sheet '%s', cell %s: more than %d bytes of text (Excel holds 32,767 "
                             "characters)", x->sheets[s->sheet].name, lit_xlsx_cell_name(where, (size_t)s->col, s->r),
                             LIT_XLSX_MAX_CELL);
        return end_cell(x, s, d);
    } else if (is_el(e, "v")) {
        s->in_v = true;
    } else if (is_end(e, "v")) {
        s->in_v = false;
    } else if (is_el(e, "is")) {
        s->in_is = true;
    } else if (is_end(e, "is")) {
        s->in_is = false;
    } else if (s->in_v && e->type == EV_TEXT) {
        if (s->v.len + e->len > LIT_XLSX_MAX_CELL) s->too_long = true;
        else lit_buf_add(&s->v, e->text, e->len);
    }
    return 0;
}

int lit_xlsx_rows(lit_xlsx *x, size_t i, int (*row)(void *ctx, long r, const char *const *cells, size_t n),
                  void *ctx, lit_diag *d)
{
    if (i >= x->n_sheets) return lit_error(d, x->path, 0, 0, "no sheet %zu", i + 1);
    if (!x->sheets[i].part)
        return lit_error(d, x->path, 0, 0, "sheet '%s' has no part in the workbook's relationships", x->sheets[i].name);
    row_state s;
    memset(&s, 0, sizeof s);
    s.row = row;
    s.ctx = ctx;
    s.sheet = i;
    s.col = -1;
    s.is.b = s.is.raw = s.v = (lit_buf)LIT_BUF_INIT;
    int rc = parse_part(x, x->sheets[i].part, false, on_sheet, &s, d);
    for (size_t c = 0; c < s.cap; c++) lit_buf_free(&s.cells[c]);
    free(s.cells);
    free(s.set);
    free(s.out);
    lit_buf_free(&s.is.b);
    lit_buf_free(&s.is.raw);
    lit_buf_free(&s.v);
    return rc;
}
