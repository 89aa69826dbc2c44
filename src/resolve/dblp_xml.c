/* dblp_xml.c - a piece of the DBLP XML dump parsed with libxml2's streaming reader: records with entities resolved, markup flattened, messages located. */
/*
 * DBLP's dump is ISO-8859-1 declared, ASCII in practice, with every other character an
 * entity that its DTD (dblp.dtd, beside the dump) defines: the reader loads that DTD
 * (XML_PARSE_DTDLOAD | XML_PARSE_NOENT) and never the network (XML_PARSE_NONET). The
 * reader builds one record's nodes at a time. This file parses one piece of the dump
 * (dblp_read.c cuts it and runs the pieces side by side).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/xmlreader.h>
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
    title[--n] = 0;
    while (n && title[n - 1] == ' ') title[--n] = 0;   /* "Stable Marriage ." */
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

/* ---- a piece of the dump parsed ---- */

typedef struct field_span { size_t off; int kind; } field_span;

typedef struct reader {
    const dblp_place *pl;
    dblp_batch *b;
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
} reader;

void lit_dblp_msg_add(dblp_batch *b, int kind, const char *file, long line, long col, const char *text)
{
    LIT_GROW(b->m, b->capm, b->nm + 1);
    b->m[b->nm++] = (dblp_msg){kind, line, col, file ? lit_xstrdup(file) : NULL, lit_xstrdup(text)};
    if (kind == M_ERROR || kind == M_IO_ERROR) b->fatal = true;
}

void lit_dblp_batch_free(dblp_batch *b)
{
    for (size_t i = 0; i < b->nm; i++) { free(b->m[i].file); free(b->m[i].text); }
    free(b->m);
    free(b->r);
    lit_buf_free(&b->text);
    memset(b, 0, sizeof *b);
}

/* A line and column of the piece as the dump's. */
static void place(const dblp_place *pl, long *line, long *col)
{
    if (*line <= 0) return;
    if (*line == pl->first_doc_line && *col > 0) *col += pl->col_shift;
    *line += pl->line_shift;
}

/* libxml2's messages, located: fatal ones (not well-formed XML) are errors; the others
 * (an undefined entity in a record) warnings. The DTD's own are about the DTD. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    reader *rd = ctx;
    if (!e || !e->message) return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '.')) msg[--n] = 0;
    if (isupper((unsigned char)msg[0]) && !isupper((unsigned char)msg[1])) msg[0] = (char)tolower((unsigned char)msg[0]);
    bool dump = !e->file || strcmp(e->file, rd->pl->path) == 0;
    long line = e->line, col = e->int2;
    if (dump) place(rd->pl, &line, &col);
    int kind = e->level == XML_ERR_FATAL ? M_ERROR : e->domain == XML_FROM_IO ? M_IO_ERROR : M_WARN_XML;
    lit_dblp_msg_add(rd->b, kind, dump ? NULL : e->file, line, col, msg);
}

/* The line of the element the reader is on (the parser itself may be further on). */
static long node_line(reader *rd)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(rd->r);
    long line = n ? xmlGetLineNo(n) : -1, col = 0;
    if (line <= 0) line = xmlTextReaderGetParserLineNumber(rd->r);
    place(rd->pl, &line, &col);
    return line;
}

static void rec_start(reader *rd, int type)
{
    rd->in_rec = true;
    rd->rec_bad = false;
    rd->bad_what = NULL;
    rd->type = type;
    rd->line = node_line(rd);
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

static size_t put_text(lit_buf *t, const char *s)
{
    if (!s) return SIZE_MAX;
    size_t at = t->len;
    lit_buf_add(t, s, strlen(s) + 1);
    return at;
}

/* The record read: its fields made a dblp_rec and added to the batch. */
static void rec_end(reader *rd)
{
    rd->in_rec = false;
    if (!rd->key[0] && !rd->rec_bad) { rd->rec_bad = true; rd->bad_what = "it has no key"; }
    dblp_rec rec;
    memset(&rec, 0, sizeof rec);
    rec.key = rd->key;
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
    if (!rd->rec_bad && (!rec.title || !*rec.title)) { rd->rec_bad = true; rd->bad_what = "it has no title"; }
    dblp_batch *b = rd->b;
    if (rd->rec_bad) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s '%s' skipped: %s", lit_dblp_type_names[rd->type],
                 rd->key[0] ? rd->key : "(no key)", rd->bad_what);
        lit_dblp_msg_add(b, M_WARN_SKIP, NULL, rd->line, rd->col, msg);
        return;
    }
    LIT_GROW(b->r, b->cap, b->n + 1);
    dblp_brec *o = &b->r[b->n++];
    o->type = rd->type;
    o->year = rec.year;
    o->line = rd->line;
    o->col = rd->col;
    const char *str[O_N] = {rec.key, rec.title, rec.doi, rec.arxiv, rec.ee, rec.crossref};
    for (int f = 0; f < F_N; f++) str[O_F + f] = rec.f[f];
    for (int k = 0; k < O_N; k++) o->off[k] = put_text(&b->text, str[k]);
    o->n_authors = na;
    o->authors = b->text.len;
    for (size_t k = 0; k < na; k++) put_text(&b->text, rd->authors[k]);
}

void lit_dblp_parse_doc(const char *doc, size_t len, const dblp_place *pl, dblp_batch *b)
{
    b->n = 0;
    lit_buf_reset(&b->text);
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.pl = pl;
    rd.b = b;
    rd.cur = E_SKIP;
    if (len > INT_MAX) {
        lit_dblp_msg_add(b, M_ERROR, NULL, pl->first_doc_line + pl->line_shift, 0, "a record longer than 2 GB");
        return;
    }
    rd.r = xmlReaderForMemory(doc, (int)len, pl->path, NULL,
                              XML_PARSE_DTDLOAD | XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_COMPACT |
                              XML_PARSE_BIG_LINES);
    if (!rd.r) {
        lit_dblp_msg_add(b, M_IO_ERROR, NULL, 0, 0, "cannot start the XML reader");
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(rd.r, on_xml_error, &rd);
    int rc = xmlTextReaderRead(rd.r);
    while (rc == 1) {
        bool skip = false;
        int t = xmlTextReaderNodeType(rd.r), depth = xmlTextReaderDepth(rd.r);
        if (t == XML_READER_TYPE_ELEMENT) {
            const char *name = (const char *)xmlTextReaderConstLocalName(rd.r);
            if (!name) name = "";
            if (depth == 0) {
                if (strcmp(name, "dblp") != 0) {
                    char msg[300];
                    snprintf(msg, sizeof msg, "not a DBLP dump: its root element is '%.200s', not 'dblp'", name);
                    lit_dblp_msg_add(b, M_ERROR, NULL, node_line(&rd), 0, msg);
                    break;
                }
                b->root_seen = true;
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
            else if (depth == 1 && rd.in_rec) rec_end(&rd);
        }
        rc = skip ? xmlTextReaderNext(rd.r) : xmlTextReaderRead(rd.r);
    }
    if (rc < 0 && !b->fatal) {   /* the reader stopped without saying why */
        long line = xmlTextReaderGetParserLineNumber(rd.r), col = 0;
        place(pl, &line, &col);
        lit_dblp_msg_add(b, M_ERROR, NULL, line, 0, "the XML reader stopped");
    }
    if (pl->first_piece && !b->root_seen && !b->fatal)
        lit_dblp_msg_add(b, M_ERROR, NULL, 0, 0, "not a DBLP dump: no 'dblp' element");
    xmlFreeTextReader(rd.r);
    lit_buf_free(&rd.text);
    free(rd.spans);
    free(rd.authors);
}
