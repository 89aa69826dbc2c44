/* dblp_xml.c - the DBLP XML dump read with libxml2's streaming reader (zlib for .gz): records with entities resolved, markup flattened. */
/*
 * DBLP's dump is ISO-8859-1 declared, ASCII in practice, with every other character an
 * entity that its DTD (dblp.dtd, beside the dump) defines: the reader loads that DTD
 * (XML_PARSE_DTDLOAD | XML_PARSE_NOENT) and never the network (XML_PARSE_NONET). The
 * reader builds one record's nodes at a time, so memory stays flat over 7.5 million
 * records; the dump is decompressed by zlib through the reader's I/O callbacks.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <libxml/xmlreader.h>
#include <zlib.h>
#include "buf.h"
#include "dblp_priv.h"
#include "import_ref.h"

const char *const lit_dblp_type_names[DBLP_N_TYPES] = {
    "article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis"};
const char *const lit_dblp_field_names[F_N] = {
    "booktitle", "journal", "volume", "number", "pages", "month", "publisher", "series", "school", "isbn"};

/* What a record's child element is to us. */
enum { E_SKIP = -1, E_AUTHOR = F_N, E_TITLE, E_YEAR, E_EE, E_CROSSREF };

static int element_kind(const char *name)
{
    static const struct { const char *name; int kind; } tab[] = {
        {"author", E_AUTHOR}, {"title", E_TITLE}, {"year", E_YEAR}, {"ee", E_EE}, {"crossref", E_CROSSREF},
        {"booktitle", F_BOOKTITLE}, {"journal", F_JOURNAL}, {"volume", F_VOLUME}, {"number", F_NUMBER},
        {"pages", F_PAGES}, {"month", F_MONTH}, {"publisher", F_PUBLISHER}, {"series", F_SERIES},
        {"school", F_SCHOOL}, {"isbn", F_ISBN}};
    for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
        if (strcmp(name, tab[i].name) == 0) return tab[i].kind;
    return E_SKIP;   /* editor, url, note, cite, cdrom, address, chapter, stream, ... */
}

static int record_type(const char *name)
{
    for (int t = 0; t < DBLP_N_TYPES; t++) if (strcmp(name, lit_dblp_type_names[t]) == 0) return t;
    return -1;
}

/* ---- small text rules ---- */

void lit_dblp_strip_homonym(char *name)
{
    size_t n = strlen(name);
    if (n > 5 && name[n - 5] == ' ' && isdigit((unsigned char)name[n - 4]) && isdigit((unsigned char)name[n - 3]) &&
        isdigit((unsigned char)name[n - 2]) && isdigit((unsigned char)name[n - 1]))
        name[n - 5] = 0;
}

void lit_dblp_strip_title_stop(char *title)
{
    size_t n = strlen(title);
    if (n < 2 || title[n - 1] != '.' || title[n - 2] == '.') return;   /* none, or an ellipsis */
    size_t w = n - 1;
    while (w > 0 && title[w - 1] != ' ') w--;
    if (memchr(title + w, '.', n - 1 - w)) return;   /* the last word is an abbreviation: A.I. */
    title[n - 1] = 0;
}

/* White space runs made one space, none at the ends; in place, returns the length. */
static size_t squeeze(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (o && s[o - 1] != ' ') s[o++] = ' ';
        } else s[o++] = (char)c;
    }
    while (o && s[o - 1] == ' ') o--;
    s[o] = 0;
    return o;
}

static bool has_prefix_ci(const char *s, const char *pre)
{
    return strncasecmp(s, pre, strlen(pre)) == 0;
}

/* The DOI of a doi.org link, or NULL. */
static const char *doi_of_link(const char *url)
{
    static const char *const pre[] = {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                      "http://dx.doi.org/", NULL};
    for (int i = 0; pre[i]; i++)
        if (has_prefix_ci(url, pre[i]) && url[strlen(pre[i])]) return url + strlen(pre[i]);
    return NULL;
}

/* An arXiv id from an <ee> (arxiv.org/abs/..., arXiv's DOI 10.48550/arXiv.ID). */
static bool arxiv_of_link(const char *url, const char *doi, char out[32])
{
    if (doi && has_prefix_ci(doi, "10.48550/arxiv.")) return lit_bib_find_arxiv(doi + 15, out);
    const char *a = strstr(url, "arxiv.org/");
    if (!a) return false;
    a += 10;
    if (strncmp(a, "abs/", 4) == 0 || strncmp(a, "pdf/", 4) == 0) a += 4;
    return lit_bib_find_arxiv(a, out);
}

/* ---- the reader ---- */

typedef struct field_span { size_t off; int kind; } field_span;

typedef struct reader {
    const char *path;
    lit_diag *d;
    gzFile gz;
    bool gz_failed;
    xmlTextReaderPtr r;
    /* the record being read */
    bool in_rec, rec_bad;
    int type;
    long line, col;
    lit_buf text;             /* every field's text, NUL-separated */
    field_span *spans;        /* one per field read, in order */
    size_t n_spans, cap_spans;
    int cur;                  /* kind of the field being read, E_SKIP when none */
    size_t cur_off;
    const char *bad_what;     /* why rec_bad */
    char key[1024];
    const char **authors;
    size_t cap_authors;
    long n_records, n_skipped;
} reader;

static int io_read(void *ctx, char *buf, int len)
{
    reader *rd = ctx;
    int n = gzread(rd->gz, buf, (unsigned)len);
    if (n < 0) rd->gz_failed = true;
    return n;
}

static int io_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* libxml2's messages, located: fatal ones (not well-formed XML) are errors; the others
 * (an undefined entity in a record) warnings. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    reader *rd = ctx;
    if (!e || !e->message) return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '.')) msg[--n] = 0;
    if (isupper((unsigned char)msg[0]) && !isupper((unsigned char)msg[1])) msg[0] = (char)tolower((unsigned char)msg[0]);
    const char *file = e->file ? e->file : rd->path;
    if (e->level == XML_ERR_FATAL || e->domain == XML_FROM_IO)
        lit_error(rd->d, file, e->line, e->int2, "%s", msg);
    else
        lit_warn_many(rd->d, "XML problems in the dump", file, e->line, e->int2, "%s", msg);
}

/* The line of the element the reader is on (the parser itself may be further on). */
static long node_line(xmlTextReaderPtr r)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(r);
    long line = n ? xmlGetLineNo(n) : -1;
    return line > 0 ? line : xmlTextReaderGetParserLineNumber(r);
}

static void rec_start(reader *rd, int type)
{
    rd->in_rec = true;
    rd->rec_bad = false;
    rd->bad_what = NULL;
    rd->type = type;
    rd->line = node_line(rd->r);
    rd->col = 0;
    lit_buf_reset(&rd->text);
    rd->n_spans = 0;
    rd->cur = E_SKIP;
}

/* Attributes of the record element: key (kept) and publtype (withdrawn ones are left
 * out). Returns false to skip the record. */
static bool rec_attributes(reader *rd)
{
    rd->key[0] = 0;
    bool keep = true;
    if (xmlTextReaderMoveToFirstAttribute(rd->r) == 1) {
        do {
            const char *an = (const char *)xmlTextReaderConstLocalName(rd->r);
            const char *av = (const char *)xmlTextReaderConstValue(rd->r);
            if (!an || !av) continue;
            if (strcmp(an, "key") == 0) {
                if (strlen(av) >= sizeof rd->key) { rd->rec_bad = true; rd->bad_what = "its key is too long"; }
                else snprintf(rd->key, sizeof rd->key, "%s", av);
            } else if (strcmp(an, "publtype") == 0 && strcmp(av, "withdrawn") == 0) {
                keep = false;
            }
        } while (xmlTextReaderMoveToNextAttribute(rd->r) == 1);
        xmlTextReaderMoveToElement(rd->r);
    }
    return keep;
}

static void field_end(reader *rd)
{
    if (rd->cur == E_SKIP) return;
    lit_buf_addc(&rd->text, 0);
    LIT_GROW(rd->spans, rd->cap_spans, rd->n_spans + 1);
    rd->spans[rd->n_spans++] = (field_span){rd->cur_off, rd->cur};
    rd->cur = E_SKIP;
}

static void field_text(reader *rd, const char *s)
{
    if (rd->cur == E_SKIP || !s) return;
    size_t n = strlen(s);
    if (rd->text.len - rd->cur_off + n > DBLP_MAX_FIELD) {
        if (!rd->rec_bad) rd->bad_what = "a field is longer than 65536 bytes";
        rd->rec_bad = true;
        return;
    }
    lit_buf_add(&rd->text, s, n);
}

/* The record read: its fields made a dblp_rec and handed over. Returns the callback's
 * result (nonzero stops). */
static int rec_end(reader *rd, dblp_rec_fn fn, void *ctx)
{
    rd->in_rec = false;
    if (!rd->key[0] && !rd->rec_bad) { rd->rec_bad = true; rd->bad_what = "it has no key"; }
    dblp_rec rec;
    memset(&rec, 0, sizeof rec);
    rec.type = rd->type;
    rec.key = rd->key;
    rec.line = rd->line;
    rec.col = rd->col;
    size_t na = 0;
    char arx[32] = "";
    for (size_t i = 0; i < rd->n_spans; i++) {
        char *s = rd->text.data + rd->spans[i].off;
        size_t n = squeeze(s, strlen(s));
        int k = rd->spans[i].kind;
        if (k == E_TITLE) {
            if (!rec.title) { lit_dblp_strip_title_stop(s); rec.title = s; }
            continue;
        }
        if (!n) continue;
        if (k == E_AUTHOR) {
            lit_dblp_strip_homonym(s);
            LIT_GROW(rd->authors, rd->cap_authors, na + 1);
            rd->authors[na++] = s;
        } else if (k == E_YEAR) {
            int y = atoi(s);
            rec.year = y >= 1800 && y <= 2100 ? y : 0;
        } else if (k == E_EE) {
            const char *doi = doi_of_link(s);
            if (!*arx) arxiv_of_link(s, doi, arx);
            if (doi && !rec.doi) rec.doi = doi;
            else if (!doi && !rec.ee) rec.ee = s;
        } else if (k == E_CROSSREF) {
            if (!rec.crossref) rec.crossref = s;
        } else if (k >= 0 && k < F_N && !rec.f[k]) {
            rec.f[k] = s;
        }
    }
    /* CoRR's records name the arXiv id in the volume: abs/1806.03377 */
    if (!*arx && rec.f[F_JOURNAL] && strcmp(rec.f[F_JOURNAL], "CoRR") == 0 && rec.f[F_VOLUME] &&
        strncmp(rec.f[F_VOLUME], "abs/", 4) == 0)
        lit_bib_find_arxiv(rec.f[F_VOLUME] + 4, arx);
    rec.arxiv = *arx ? arx : NULL;
    rec.authors = rd->authors;
    rec.n_authors = na;
    if (!rd->rec_bad && (!rec.title || !*rec.title)) { rd->rec_bad = true; rd->bad_what = "it has no title"; }
    if (rd->rec_bad) {
        lit_warn_many(rd->d, "DBLP records skipped", rd->path, rd->line, rd->col, "%s '%s' skipped: %s",
                      lit_dblp_type_names[rd->type], rd->key[0] ? rd->key : "(no key)", rd->bad_what);
        rd->n_skipped++;
        return 0;
    }
    rd->n_records++;
    return fn(ctx, &rec);
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

int lit_dblp_read(const char *xml_path, dblp_rec_fn fn, void *ctx, lit_diag *d)
{
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.path = xml_path;
    rd.d = d;
    rd.cur = E_SKIP;
    int errors0 = d->errors;
    rd.gz = gzopen(xml_path, "rb");
    if (!rd.gz) return lit_io_error(d, xml_path, "cannot open '%s': %s", xml_path, errno ? strerror(errno) : "out of memory");
    gzbuffer(rd.gz, 1 << 17);
    if (check_dtd(xml_path, d) != 0) { gzclose(rd.gz); return -1; }
    xmlInitParser();
    rd.r = xmlReaderForIO(io_read, io_close, &rd, xml_path, NULL,
                          XML_PARSE_DTDLOAD | XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_COMPACT |
                          XML_PARSE_BIG_LINES);
    if (!rd.r) { gzclose(rd.gz); return lit_io_error(d, xml_path, "cannot start the XML reader"); }
    xmlTextReaderSetStructuredErrorHandler(rd.r, on_xml_error, &rd);

    bool root = false;
    int stop = 0;
    int rc = xmlTextReaderRead(rd.r);
    while (rc == 1 && !stop) {
        bool skip = false;
        int t = xmlTextReaderNodeType(rd.r), depth = xmlTextReaderDepth(rd.r);
        if (t == XML_READER_TYPE_ELEMENT) {
            const char *name = (const char *)xmlTextReaderConstLocalName(rd.r);
            if (!name) name = "";
            if (depth == 0) {
                if (strcmp(name, "dblp") != 0) {
                    lit_error(d, xml_path, node_line(rd.r), 0, "not a DBLP dump: its root element is '%s', not 'dblp'", name);
                    break;
                }
                root = true;
            } else if (depth == 1) {
                int type = record_type(name);
                skip = true;
                if (type >= 0) {
                    rec_start(&rd, type);
                    if (rec_attributes(&rd) && !xmlTextReaderIsEmptyElement(rd.r)) skip = false;
                    else rd.in_rec = false;
                }
            } else if (depth == 2 && rd.in_rec) {
                int k = element_kind(name);
                if (k == E_SKIP) skip = true;
                else {
                    rd.cur = k;
                    rd.cur_off = rd.text.len;
                    if (xmlTextReaderIsEmptyElement(rd.r)) field_end(&rd);
                }
            }
        } else if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
                   t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            if (rd.in_rec && depth >= 3) field_text(&rd, (const char *)xmlTextReaderConstValue(rd.r));
        } else if (t == XML_READER_TYPE_END_ELEMENT) {
            if (depth == 2 && rd.in_rec) field_end(&rd);
            else if (depth == 1 && rd.in_rec) stop = rec_end(&rd, fn, ctx);
        }
        rc = skip ? xmlTextReaderNext(rd.r) : xmlTextReaderRead(rd.r);
    }
    if (rc == 1 && !root && !stop && d->errors == errors0)
        lit_error(d, xml_path, 0, 0, "not a DBLP dump: no 'dblp' element");
    if (rc == 0 && !root && d->errors == errors0)
        lit_error(d, xml_path, 0, 0, "not a DBLP dump: no 'dblp' element");
    if (rd.gz_failed) {
        int zerr = 0;
        const char *m = gzerror(rd.gz, &zerr);
        lit_io_error(d, xml_path, "cannot read '%s': %s", xml_path, zerr == Z_ERRNO ? strerror(errno) : m);
    }
    if (rc < 0 && d->errors == errors0)   /* the reader stopped without saying why */
        lit_error(d, xml_path, xmlTextReaderGetParserLineNumber(rd.r), 0, "the XML reader stopped");
    xmlFreeTextReader(rd.r);
    gzclose(rd.gz);
    lit_buf_free(&rd.text);
    free(rd.spans);
    free(rd.authors);
    return d->errors > errors0 || stop ? -1 : 0;
}
