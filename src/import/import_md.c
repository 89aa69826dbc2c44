/* import_md.c - paper lists in Markdown or plain text: md4c gives the block structure, the entry text is interpreted here. */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <md4c.h>
#include <utf8proc.h>
#include "buf.h"
#include "import.h"
#include "text.h"

/* Markers kept in the collected text so that the interpreter sees emphasis and link
 * labels after md4c has removed the syntax. Input control characters never reach here. */
#define M_EM_OPEN '\x01'
#define M_EM_CLOSE '\x02'
#define M_LINK_OPEN '\x03'
#define M_LINK_CLOSE '\x04'
/* the label of a short link that is not a link kind ([SLA2](url), [MLSys 2025](url)):
 * a system name, a short title or a tag, decided where the entry is interpreted */
#define M_AUX_OPEN '\x05'
#define M_AUX_CLOSE '\x06'
#define IS_MARK(c) ((c) >= 1 && (c) <= 6)

#define MAX_TITLE 1000      /* longer "titles" are prose or garbage, not papers */
#define MAX_ENTRY 65536     /* an entry's text with its authors and link labels */
#define SECTION_CATEGORY 7  /* a bare category line sits below every heading level */
#define SECTION_BULLET 100  /* a topic bullet with nested items: 100 + list depth */

typedef struct rlink { char *kind, *url; size_t at; bool title; } rlink;

/* One block's collected text with its links and the source line of each text line. */
typedef struct lmark { size_t off; long line, col; } lmark;
typedef struct unit {
    lit_buf text;
    rlink *links; size_t n_links, cap_links;
    lmark *lines; size_t n_lines, cap_lines;
    size_t dropped;     /* bytes not kept once an item outgrew MAX_ENTRY */
    bool line_done;     /* the current text line has its source line */
    size_t line_start;  /* offset where the current text line began */
} unit;

typedef struct section {
    int level;
    char *text;
    const char *venue;  /* venue/year the heading gives ("## OSDI 2022"), or NULL/0 */
    int year;
} section;

typedef struct li_state { bool pushed, done, paper; } li_state;  /* paper: the item was one */

typedef struct table_state {
    bool in_head;
    int col;
    char *head[32];     /* lower-cased header names */
    int n_head;
    unit cells[32];
    int n_cells;
    long row_line;
} table_state;

typedef struct imp {
    lit_catalog *cat;
    const char *path, *list;
    const char *base; size_t len;
    size_t *nl; size_t n_nl;        /* offsets of '\n' for line lookup */
    bool long_lines;                /* validate found lines too long to hold a paper */
    const lit_import_opts *o;
    lit_diag *d;
    section *sec; size_t n_sec, cap_sec;
    li_state *li; size_t n_li, cap_li;
    unit cur;
    int list_depth, skip_depth, img_depth, quote_depth;
    bool in_heading, in_table, in_cell;
    int heading_level;
    size_t link_start[16]; int n_link_open; char *link_href[16];
    table_state tab;
    size_t n_papers;
    int failed;
    long col;           /* column where the entry being handled starts */
    size_t dropped;     /* bytes of that entry not kept (too long to be a paper) */
    bool loose;         /* untagged leaf list items are papers (a list without tags) */
    char stray;         /* the entry being handled had this unmatched bracket */
    lit_buf pend;       /* a bold-only paragraph: a category line, or the title of the
                           paragraph of authors and venue that follows it */
    long pend_line, pend_col;
    const char *title;  /* the list's title (find_title), or NULL */
    long title_end;     /* line where the title's part ends, 0 until known */
} imp;

typedef struct tag {
    bool ok, unknown;
    const char *venue;  /* canonical id, or the raw name when not in the table */
    int year;
} tag;

/* ---------- small string helpers ---------- */

static char *xstrndup(const char *s, size_t n)
{
    char *r = lit_xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

static bool starts_ci(const char *s, const char *p)
{
    for (; *p; s++, p++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*p)) return false;
    return true;
}

static bool contains_ci(const char *s, const char *p)
{
    for (; *s; s++)
        if (starts_ci(s, p)) return true;
    return false;
}

static void strip_marks(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++)
        if (!IS_MARK(*r)) *w++ = *r;
    *w = 0;
}

/* Whitespace runs become one space; leading and trailing space goes. */
static void collapse_ws(char *s)
{
    char *w = s;
    bool space = true;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r' || *r == '\f' || *r == '\v') {
            if (!space) *w++ = ' ';
            space = true;
        } else {
            *w++ = *r;
            space = false;
        }
    }
    if (w > s && w[-1] == ' ') w--;
    *w = 0;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ' || IS_MARK(*s);
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

static bool has_letter(const char *s)
{
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80) return true;
    return false;
}

/* Replaces typographic apostrophes and primes with '. */
static void ascii_quotes(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        unsigned char a = (unsigned char)r[0], b = a ? (unsigned char)r[1] : 0, c = b ? (unsigned char)r[2] : 0;
        if (a == 0xE2 && b == 0x80 && (c == 0x98 || c == 0x99 || c == 0xB2)) { *w++ = '\''; r += 3; }
        else if (a == 0xC2 && b == 0xB4) { *w++ = '\''; r += 2; }
        else if (a == '`') { *w++ = '\''; r++; }
        else *w++ = *r++;
    }
    *w = 0;
}

static void remove_range(char *s, size_t from, size_t to)
{
    memmove(s + from, s + to, strlen(s + to) + 1);
}

/* "（SIGMOD 2018）": full-width parentheses are parentheses. */
static void fold_fullwidth(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        if ((unsigned char)r[0] == 0xEF && (unsigned char)r[1] == 0xBC && ((unsigned char)r[2] == 0x88 || (unsigned char)r[2] == 0x89)) {
            *w++ = (unsigned char)r[2] == 0x88 ? '(' : ')';
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
}

/* ---------- lines and places ---------- */

static long line_of(const imp *im, const char *p)
{
    if (p < im->base || p > im->base + im->len) return 0;
    size_t off = (size_t)(p - im->base), lo = 0, hi = im->n_nl;
    while (lo < hi) {  /* number of newlines before off */
        size_t mid = (lo + hi) / 2;
        if (im->nl[mid] < off) lo = mid + 1; else hi = mid;
    }
    return (long)lo + 1;
}

/* ---------- units ---------- */

static void unit_reset(unit *u)
{
    lit_buf_reset(&u->text);
    for (size_t i = 0; i < u->n_links; i++) { free(u->links[i].url); }
    u->n_links = 0;
    u->n_lines = 0;
    u->dropped = 0;
    u->line_done = false;
    u->line_start = 0;
}

static void unit_free(unit *u)
{
    unit_reset(u);
    lit_buf_free(&u->text);
    free(u->links);
    free(u->lines);
    memset(u, 0, sizeof *u);
}

/* Called with each piece of text that comes from the source: the first piece of a
 * text line gives that line's source line. */
static void unit_mark_line(unit *u, long line, long col)
{
    if (u->line_done) return;
    LIT_GROW(u->lines, u->cap_lines, u->n_lines + 1);
    u->lines[u->n_lines].off = u->line_start;
    u->lines[u->n_lines].col = col;
    u->lines[u->n_lines++].line = line;
    u->line_done = true;
}

static void unit_newline(unit *u)
{
    lit_buf_addc(&u->text, '\n');
    u->line_done = false;
    u->line_start = u->text.len;
}

/* Source line of text offset off; *cursor (start 0) makes a forward scan linear. */
static long unit_line_at(const unit *u, size_t off, size_t *cursor, long *col)
{
    size_t i = cursor ? *cursor : 0;
    while (i + 1 < u->n_lines && u->lines[i + 1].off <= off) i++;
    if (cursor) *cursor = i;
    if (col) *col = u->n_lines ? u->lines[i].col : 0;
    return u->n_lines ? u->lines[i].line : 0;
}

/* ---------- links ---------- */

static bool is_relative(const char *url)
{
    return !strstr(url, "://") && !starts_ci(url, "www.");
}

static const char *kind_from_url(const char *url)
{
    if (contains_ci(url, "github.com") || contains_ci(url, "gitlab.com") || contains_ci(url, "bitbucket.org"))
        return "code";
    if (contains_ci(url, "youtube.com") || contains_ci(url, "youtu.be") || contains_ci(url, "vimeo.com") ||
        contains_ci(url, ".mp4") || contains_ci(url, "/videos/"))
        return "talk";
    if (contains_ci(url, "slides") || contains_ci(url, "docs.google.com/presentation") || contains_ci(url, ".ppt") || contains_ci(url, "slideshare"))
        return "slides";
    if (contains_ci(url, "arxiv.org/") || contains_ci(url, "doi.org/") || contains_ci(url, "dl.acm.org") ||
        contains_ci(url, "openreview.net") || contains_ci(url, "ieeexplore") || (contains_ci(url, "usenix.org/conference/") && contains_ci(url, "/presentation/")) ||
        contains_ci(url, "proceedings.") || contains_ci(url, "papers.nips.cc") || contains_ci(url, "aclanthology") ||
        contains_ci(url, "vldb.org/pvldb") || contains_ci(url, "link.springer") || contains_ci(url, "computer.org/csdl") ||
        contains_ci(url, "sciencedirect.com") || contains_ci(url, "semanticscholar.org") || contains_ci(url, "mlr.press") ||
        contains_ci(url, "jmlr.org/papers") || contains_ci(url, "ijcai.org/proceedings") || contains_ci(url, "thecvf.com") ||
        contains_ci(url, "ojs.aaai.org") || contains_ci(url, "nature.com/articles") || contains_ci(url, "hal.science"))
        return "paper";
    size_t n = strlen(url);
    if ((n > 4 && starts_ci(url + n - 4, ".pdf")) || contains_ci(url, ".pdf?") || contains_ci(url, ".pdf#"))
        return "pdf";
    return "web";
}

static const char *kind_from_label(const char *label)
{
    static const struct { const char *w, *k; } t[] = {
        {"paper", "paper"}, {"papers", "paper"}, {"publication", "paper"}, {"article", "paper"},
        {"arxiv", "paper"}, {"doi", "paper"}, {"acm", "paper"}, {"usenix", "paper"}, {"ieee", "paper"},
        {"openreview", "paper"}, {"proceedings", "paper"}, {"pub", "paper"}, {"preprint", "paper"},
        {"pdf", "pdf"}, {"code", "code"}, {"github", "code"}, {"gitlab", "code"}, {"source", "code"},
        {"src", "code"}, {"repo", "code"}, {"implementation", "code"}, {"slides", "slides"},
        {"slide", "slides"}, {"ppt", "slides"}, {"deck", "slides"}, {"talk", "talk"}, {"video", "talk"},
        {"youtube", "talk"}, {"presentation", "talk"}, {"recording", "talk"}, {"blog", "blog"},
        {"post", "blog"}, {"website", "web"}, {"homepage", "web"}, {"project", "web"}, {"page", "web"},
        {"site", "web"}, {"notes", "notes"}, {"note", "notes"}, {"summary", "notes"}, {"poster", "poster"},
        {"bibtex", "bibtex"}, {"bib", "bibtex"}, {"dataset", "data"}, {"data", "data"}, {"demo", "demo"},
    };
    char w[32];
    size_t n = 0;
    for (const char *s = label; *s && n < sizeof w - 1; s++)
        if (isalnum((unsigned char)*s)) w[n++] = (char)tolower((unsigned char)*s);
    w[n] = 0;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (strcmp(w, t[i].w) == 0) return t[i].k;
    return NULL;
}

static size_t match_close(const char *s, size_t open);

/* The kind a link label names: "[Paper]", and "[code & model]", "[arxiv version]" by
 * their first word. */
static const char *label_kind(const char *label)
{
    const char *k = kind_from_label(label);
    if (k || count_words(label) > 3) return k;
    char first[32];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(label, " "), label);
    return kind_from_label(first);
}

/* A link label of at most two words is an auxiliary link ([Paper], [Code], [BytePS]);
 * a longer label is text of the entry (usually the title). */
static bool label_is_aux(const char *label)
{
    char *l = lit_xstrdup(label);
    strip_marks(l);
    collapse_ws(l);
    size_t ln = strlen(l);
    if (ln >= 2 && l[0] == '[' && l[ln - 1] == ']' && match_close(l, 0) == ln - 1) {  /* [[Paper]](url) */
        l[ln - 1] = 0;
        memmove(l, l + 1, ln - 1);
    }
    bool aux = label_kind(l) || count_words(l) <= 2 || strstr(l, "://") || starts_ci(l, "www.");
    size_t n = strlen(l);
    /* "[OSDI '14] Title" style labels and anything with a bracket carry entry text */
    if (strchr(l, '[') || n == 0) aux = n == 0;
    free(l);
    return aux;
}

static void unit_add_link(unit *u, const char *kind, const char *url, bool title)
{
    LIT_GROW(u->links, u->cap_links, u->n_links + 1);
    rlink *l = &u->links[u->n_links++];
    l->kind = (char *)kind;
    l->url = lit_xstrdup(url);
    l->at = u->text.len;
    l->title = title;
}

/* ---------- entities ---------- */

static void put_utf8(lit_buf *b, long cp)
{
    utf8proc_uint8_t tmp[4];
    if (cp <= 0 || cp > 0x10FFFF || !utf8proc_codepoint_valid((utf8proc_int32_t)cp) || !lit_text_cp_ok((uint32_t)cp))
        cp = 0xFFFD;   /* "&#27;", "&#xFFFE;": what text may not hold (text.h) */
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, tmp);
    lit_buf_add(b, tmp, (size_t)n);
}

static void decode_entity(lit_buf *b, const char *s, size_t n)
{
    static const struct { const char *name; long cp; } named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
        {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"mu", 0x3BC}, {"micro", 0xB5}, {"times", 0xD7},
        {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"eacute", 0xE9}, {"uuml", 0xFC},
        {"ouml", 0xF6}, {"auml", 0xE4}, {"szlig", 0xDF}, {"alpha", 0x3B1}, {"beta", 0x3B2},
        {"shy", 0}, {"zwj", 0}, {"zwnj", 0}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
    };
    if (n >= 4 && s[1] == '#') {
        long cp = 0;
        bool hex = s[2] == 'x' || s[2] == 'X';
        for (size_t i = hex ? 3 : 2; i + 1 < n && cp <= 0x10FFFF; i++)
            cp = cp * (hex ? 16 : 10) + (isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10));
        if (cp == 0x20 || cp == 0xA0 || cp == 0x09) lit_buf_addc(b, ' ');
        else put_utf8(b, cp);
        return;
    }
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == n - 2 && memcmp(named[i].name, s + 1, n - 2) == 0) {
            if (named[i].cp == 0xA0) lit_buf_addc(b, ' ');
            else if (named[i].cp) put_utf8(b, named[i].cp);
            return;
        }
    lit_buf_add(b, s, n);  /* unknown: keep as written */
}

static char *attr_str(const MD_ATTRIBUTE *a)
{
    lit_buf b = LIT_BUF_INIT;
    if (!a->substr_offsets) return lit_xstrdup("");
    for (int i = 0; a->substr_offsets[i] < a->size; i++) {
        const char *s = a->text + a->substr_offsets[i];
        size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
        if (a->substr_types[i] == MD_TEXT_ENTITY) decode_entity(&b, s, n);
        else if (a->substr_types[i] == MD_TEXT_NORMAL) lit_buf_add(&b, s, n);
    }
    char *r = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return r;
}

/* ---------- tags: [OSDI '14], (EUROSYS’18), (*SOSP2019*), (x) ---------- */

static const char *venue_lookup(const imp *im, const char *name)
{
    if (!im->o || !im->o->venues) return NULL;
    const lit_venue *v = lit_venues_match(im->o->venues, name);
    return v ? v->id : NULL;
}

static int expand_year(int y, int digits)
{
    if (digits == 4) return y;
    return y < 70 ? 2000 + y : 1900 + y;
}

static bool venue_char(char c)
{
    return isalpha((unsigned char)c) || c == '-' || c == '&' || c == '/' || c == '.' || c == '+' ||
           (unsigned char)c >= 0x80;
}

/* Parses the inside of a tag. strict: only a known venue or a 4-digit year counts
 * (used where no brackets say "this is a tag"). The raw venue is kept in vbuf. */
/* A month ("Feb", "Sept.", "October") dates a tag; it is never a venue. */
static bool month_word(const char *w, size_t n)
{
    static const char *m[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                              "january", "february", "march", "april", "june", "july", "august", "september",
                              "october", "november", "december"};
    if (n && w[n - 1] == '.') n--;
    for (size_t i = 0; i < sizeof m / sizeof *m; i++)
        if (strlen(m[i]) == n && !strncasecmp(m[i], w, n)) return true;
    return false;
}

/* The year of a date or identifier token: "2023.05", "2024-06", "2024/06" (a date) or
 * "2302.01234" (an arXiv id). 0 when the token is neither. */
static int dated_year(const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && isdigit((unsigned char)w[d])) d++;
    if (d != 4 || n < 6 || (w[4] != '.' && w[4] != '-' && w[4] != '/')) return 0;
    size_t e = 5;
    while (e < n && isdigit((unsigned char)w[e])) e++;
    if (e == n && (e - 5 == 1 || e - 5 == 2)) {
        int y = atoi(w);
        return y >= 1950 && y <= 2099 ? y : 0;
    }
    if (w[4] == '.' && (e - 5 == 4 || e - 5 == 5) && (e == n || w[e] == 'v'))
        return 2000 + (w[0] - '0') * 10 + (w[1] - '0');
    return 0;
}

static bool parse_tag_words(const imp *im, char *s, tag *t, bool strict, char *vbuf, size_t vcap);

/* Parses the inside of a tag. strict: only a known venue or a 4-digit year counts
 * (used where no brackets say "this is a tag"). The raw venue is kept in vbuf.
 * Besides "VENUE 'YY" it reads the forms lists add to a tag (one rule each):
 * a note in parentheses ("NeurIPS'24 (Spotlight)"), a workshop at a venue
 * ("NAIC @ SIGCOMM'24": the workshop is the venue), a note after a comma
 * ("ICDE 2022, best demo award") or after a known venue and year ("SIGMOD 2021 Best Paper"). */
static bool parse_tag(const imp *im, const char *in, tag *t, bool strict, char *vbuf, size_t vcap)
{
    memset(t, 0, sizeof *t);
    size_t n = strlen(in);
    if (n == 0 || n > 120) return false;
    char buf[128];
    memcpy(buf, in, n + 1);
    strip_marks(buf);
    ascii_quotes(buf);
    for (char *o; (o = strchr(buf, '(')) != NULL;) {  /* a note in parentheses */
        char *c = strchr(o, ')');
        if (!c || o == buf) break;
        remove_range(buf, (size_t)(o - buf), (size_t)(c - buf) + 1);
    }
    collapse_ws(buf);
    for (n = strlen(buf); n && (buf[n - 1] == '.' || buf[n - 1] == ',' || buf[n - 1] == ';' || buf[n - 1] == '!'); n--)
        buf[n - 1] = 0;
    char *s = buf;
    if (starts_ci(s, "in ")) s += 3;
    char *pages = strstr(s, ": ");  /* "SIGMOD 2022: 94-107": pages after the year */
    if (pages && isdigit((unsigned char)pages[2])) *pages = 0;
    if (!strict && (!strcmp(s, "x") || !strcmp(s, "X") || !strcmp(s, "?") || !strcmp(s, "-") ||
                    !strcasecmp(s, "n/a") || !strcasecmp(s, "tbd") || !strcasecmp(s, "unknown"))) {
        t->ok = t->unknown = true;
        return true;
    }
    char *at = strchr(s, '@');
    if (at && at > s) {  /* "NAIC @ SIGCOMM'24", "aiDM@SIGMOD 2018" */
        *at = 0;
        char *main_venue = at + 1;
        while (*main_venue == ' ') main_venue++;
        char ws[128];
        snprintf(ws, sizeof ws, "%s", s);
        collapse_ws(ws);
        tag w;
        char wb[128];
        bool wy = parse_tag_words(im, ws, &w, false, wb, sizeof wb);  /* "MLArchSys'24 @ ISCA'24" */
        if (!parse_tag_words(im, main_venue, t, false, vbuf, vcap) || !t->year) return false;
        if (wy && w.venue) snprintf(vbuf, vcap, "%s", w.venue == wb ? wb : w.venue);
        else if (count_words(ws) <= 5 && has_letter(ws)) snprintf(vbuf, vcap, "%s", ws);
        else return false;
        const char *vid = venue_lookup(im, vbuf);
        t->venue = vid ? vid : vbuf;
        return true;
    }
    char copy[128];
    snprintf(copy, sizeof copy, "%s", s);
    bool full = parse_tag_words(im, s, t, strict, vbuf, vcap);
    if (full && (!t->venue || venue_lookup(im, t->venue))) return true;
    char *comma = strchr(copy, ',');
    if (comma) {  /* "ICDE 2022, best demo award" */
        *comma = 0;
        if (parse_tag_words(im, copy, t, strict, vbuf, vcap) && t->year) return true;
        *comma = ',';
    }
    /* "SIGMOD 2021 Best Paper", "VLDB 2021 from Guoliang Li": a known venue and a year first */
    size_t words = 0;
    for (char *q = copy; *q; q++) {
        if (*q != ' ') continue;
        *q = 0;
        if (++words > 3) break;
        if (parse_tag_words(im, copy, t, true, vbuf, vcap) && t->year && t->venue) return true;
        *q = ' ';
    }
    if (full) {  /* "ICCV2025 Highlight" was read as a venue the table lacks: kept as written */
        snprintf(copy, sizeof copy, "%s", s);
        return parse_tag_words(im, copy, t, strict, vbuf, vcap);
    }
    memset(t, 0, sizeof *t);
    return false;
}

/* The words of a tag: venue tokens and one year. */
static bool parse_tag_words(const imp *im, char *s, tag *t, bool strict, char *vbuf, size_t vcap)
{
    memset(t, 0, sizeof *t);
    vbuf[0] = 0;
    size_t vlen = 0, nvtok = 0;
    int year = 0, year_digits = 0;
    bool prev_apos = false, after_month = false;
    for (char *tok = s; *tok;) {
        char *end = tok;
        while (*end && *end != ' ' && *end != ',') end++;
        char save = *end;
        *end = 0;
        size_t tl = strlen(tok);
        bool lead = tl && tok[0] == '\'', trail = tl && tok[tl - 1] == '\'';
        char *core = tok + lead;
        size_t cl = tl - lead - (trail && tl > (size_t)lead ? 1 : 0);
        bool digits = cl > 0;
        for (size_t i = 0; i < cl; i++) if (!isdigit((unsigned char)core[i])) digits = false;
        size_t nd = 0;  /* trailing digits of a word like OSDI20 or EUROSYS'18 */
        while (nd < cl && isdigit((unsigned char)core[cl - 1 - nd])) nd++;
        int dy = dated_year(core, cl);
        if (dy) {
            if (year) return false;
            year = dy; year_digits = 4;
            goto next;
        }
        if (month_word(core, cl)) { after_month = true; goto next; }
        if (digits && cl <= 2 && after_month) { after_month = false; goto next; }  /* "August 10, 2026" */
        after_month = false;
        if (digits && cl <= 2 && save) {  /* the day of "21 Jul 2025" */
            const char *nx = end + 1;
            while (*nx == ' ' || *nx == ',') nx++;
            if (month_word(nx, strcspn(nx, " ,"))) goto next;
        }
        if (digits) {
            int v = atoi(core);  /* stops at a trailing apostrophe */
            if (cl == 4 && v >= 1950 && v <= 2099) { if (year) return false; year = v; year_digits = 4; }
            else if (cl == 2 && (lead || trail || prev_apos || nvtok)) { if (year) return false; year = v; year_digits = 2; }
            else return false;
        } else if ((nd == 2 || nd == 4) && cl > nd + 1) {
            size_t vl = cl - nd;
            int v = atoi(core + vl);
            if (core[vl - 1] == '\'') vl--;
            if (nd == 4 && (v < 1950 || v > 2099)) return false;
            if (year) return false;
            for (size_t i = 0; i < vl; i++) if (!venue_char(core[i])) return false;
            year = v; year_digits = (int)nd;
            if (vlen + vl + 2 >= vcap) return false;
            if (vlen) vbuf[vlen++] = ' ';
            memcpy(vbuf + vlen, core, vl); vlen += vl; vbuf[vlen] = 0;
            nvtok++;
        } else {
            size_t vl = cl;
            for (size_t i = 0; i < vl; i++) if (!venue_char(core[i])) return false;
            if (!vl) { prev_apos = trail || lead; goto next; }
            if (vlen + vl + 2 >= vcap) return false;
            if (vlen) vbuf[vlen++] = ' ';
            memcpy(vbuf + vlen, core, vl); vlen += vl; vbuf[vlen] = 0;
            nvtok++;
        }
        prev_apos = trail;
    next:
        *end = save;
        tok = end;
        while (*tok == ' ' || *tok == ',') tok++;
    }
    if (nvtok > 5 || (!nvtok && !year)) return false;
    const char *vid = NULL;
    if (nvtok) {
        vid = venue_lookup(im, vbuf);   /* "X workshop" is X's workshop venue: lit_venues_match */
        if (!vid) {
            size_t caps = 0;  /* "CoNLL 2016", "Euro-Par 2022": a name with capitals and a full year */
            for (const char *q = vbuf; *q; q++) caps += isupper((unsigned char)*q) != 0;
            if (strict && !(nvtok == 1 && year_digits == 4 && caps >= 2)) return false;
            if (!year || nvtok > 3) return false;
            if (lit_venue_text_ok(vbuf)) {   /* "(Feb 2023)" is a date, not a venue */
                /* "aiDM", "aiXiv": a capital somewhere; "(W'21)" is a term, not a venue */
                if (!caps || strlen(vbuf) < 2) return false;
                vid = vbuf;
            }
        }
    } else if (strict && year_digits != 4) {
        return false;
    }
    t->ok = true;
    t->venue = vid;
    t->year = year ? expand_year(year, year_digits) : 0;
    return true;
}

/* ---------- bracket matching over text with markers ---------- */

/* Index of the bracket closing s[open], or (size_t)-1. */
static size_t match_close(const char *s, size_t open)
{
    char st[64];
    int n = 0;
    for (size_t i = open; s[i]; i++) {
        char c = s[i];
        if (c == '(' || c == '[') { if (n == 64) return (size_t)-1; st[n++] = c; }
        else if (c == ')' || c == ']') {
            if (!n || st[n - 1] != (c == ')' ? '(' : '[')) return (size_t)-1;
            if (--n == 0) return i;
        }
    }
    return (size_t)-1;
}

static size_t match_open(const char *s, size_t close)
{
    char st[64];
    int n = 0;
    for (size_t i = close + 1; i-- > 0;) {
        char c = s[i];
        if (c == ')' || c == ']') { if (n == 64) return (size_t)-1; st[n++] = c; }
        else if (c == '(' || c == '[') {
            if (!n || st[n - 1] != (c == '(' ? ')' : ']')) return (size_t)-1;
            if (--n == 0) return i;
        }
    }
    return (size_t)-1;
}

/* Offset of the first bracket that has no partner, or -1 when balanced. */
static long unbalanced_at(const char *s)
{
    size_t st[64];
    int n = 0;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '(' || c == '[') { if (n == 64) return (long)i; st[n++] = i; }
        else if (c == ')' || c == ']') {
            if (!n || s[st[n - 1]] != (c == ')' ? '(' : '[')) return (long)i;
            n--;
        }
    }
    return n ? (long)st[0] : -1;
}

/* Removes the brackets that have no partner, in one pass. */
static void drop_unmatched(char *s)
{
    size_t n = strlen(s), top = 0;
    size_t *st = lit_xmalloc((n + 1) * sizeof *st);
    char *gone = lit_xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '(' || c == '[') st[top++] = i;
        else if (c == ')' || c == ']') {
            if (top && s[st[top - 1]] == (c == ')' ? '(' : '[')) top--;
            else gone[i] = 1;
        }
    }
    while (top) gone[st[--top]] = 1;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) if (!gone[i]) s[w++] = s[i];
    s[w] = 0;
    free(st);
    free(gone);
}

/* Removes empty (), [], and marker pairs left behind by removed links. */
static void drop_empty_groups(char *s)
{
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; s[i]; i++) {
            char c = s[i], want = c == '(' ? ')' : c == '[' ? ']' : c == M_EM_OPEN ? M_EM_CLOSE :
                                  c == M_LINK_OPEN ? M_LINK_CLOSE : c == M_AUX_OPEN ? M_AUX_CLOSE : 0;
            if (!want) continue;
            size_t j = i + 1;
            while (s[j] == ' ' || (IS_MARK(s[j]) && s[j] != want)) {
                if (IS_MARK(s[j])) break;
                j++;
            }
            if (s[j] == want) { remove_range(s, i, j + 1); again = true; break; }
        }
    }
}

/* ---------- authors ---------- */

/* Words of titles that are never part of a person's name. */
static bool title_word(const char *w, size_t n)
{
    static const char *tw[] = {
        "Learning", "Deep", "Neural", "Network", "Networks", "System", "Systems", "Data", "Training", "Model",
        "Models", "Efficient", "Scalable", "Distributed", "Performance", "Optimization", "Optimizations",
        "Implications", "Analysis", "Design", "Hardware", "Software", "Cloud", "Memory", "Machine", "Inference",
        "Serving", "Scheduling", "Cluster", "Clusters", "Graph", "Graphs", "Parallel", "Parallelism", "Fast",
        "Large", "Scale", "Towards", "Toward", "Framework", "Frameworks", "Computing", "Computation", "Language",
        "Languages", "Architecture", "Applications", "Application", "Challenges", "Vision", "Survey", "Study",
        "Approach", "Accelerating", "Acceleration", "Algorithms", "Algorithm", "Using", "Via", "With", "For",
        "And", "Of", "The", "On", "In", "Characterization", "Evaluation", "Benchmark", "Benchmarks", "Storage",
        "Resource", "Resources", "Management", "Communication", "Compression", "Edge", "Mobile", "Video",
        "Transformer", "Transformers", "Generative", "Online", "Adaptive", "Dynamic", "Automatic", "Automated",
        "Testing", "Mining", "Caching", "Sharing", "Pruning", "Batching", "Sampling", "Tuning", "Fuzzing", "Routing",
        "Indexing", "Popular", "Guided", "Coverage", "Choices", "Query", "Queries", "Database", "Databases",
    };
    if (n >= 9 && !strncmp(w + n - 3, "ing", 3)) return true;  /* "Leveraging", "Exploiting": not a given name */
    for (size_t i = 0; i < sizeof tw / sizeof *tw; i++)
        if (strlen(tw[i]) == n && !strncasecmp(tw[i], w, n)) return true;
    return false;
}

static bool name_word(const char *w, size_t n)
{
    if (title_word(w, n)) return false;
    static const char *particles[] = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "bin", "al"};
    if (!n) return false;
    if (n <= 4 && w[n - 1] == '.' && isupper((unsigned char)w[0])) return true;  /* initial: J. or J.-P. */
    for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
        if (strlen(particles[i]) == n && memcmp(particles[i], w, n) == 0) return true;
    unsigned char c = (unsigned char)w[0];
    if (!(isupper(c) || c >= 0x80)) return false;
    size_t upper = 0, alpha = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (isupper(ch)) upper++;
        if (isalpha(ch)) alpha++;
        if (!(isalpha(ch) || ch >= 0x80 || ch == '-' || ch == '\'' || ch == '.')) return false;
    }
    return !(upper == alpha && alpha >= 2);  /* GPU, DNN: acronyms are not names */
}

/* Initials without points, as Google Scholar writes them: the "AC" of "AC Müller". */
static bool scholar_initials(const char *w, size_t n)
{
    if (n < 2 || n > 3) return false;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)w[i])) return false;
    return true;
}

/* initials: Scholar's "AC" may start a name, only in a list of names ("A, B") */
static bool name_item(const char *s, size_t n, bool initials)
{
    size_t words = 0;
    bool last_ok = false;   /* the last word seen is a name word (initials never end a name) */
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        if (j > i) {
            last_ok = name_word(s + i, j - i);
            if (!last_ok && !(initials && scholar_initials(s + i, j - i))) return false;
            words++;
        }
        i = j;
    }
    return words >= 2 && words <= 4 && last_ok;
}

/* Splits "A, B and C" into names when every item looks like a name. Returns the
 * count (0 if it is not a name list); names are malloc'd into out (up to max). */
static size_t split_names(const char *in, bool by, char **out, size_t max)
{
    char *s = lit_xstrdup(in);
    strip_marks(s);
    collapse_ws(s);
    size_t n = strlen(s);
    while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';')) s[--n] = 0;
    bool etal = false;
    if (n > 6 && !strcmp(s + n - 6, " et al")) {  /* the final '.' is gone already */
        etal = true;
        s[n - 6] = 0;
        n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == ',')) s[--n] = 0;
    }
    size_t count = 0;
    bool ok = n > 0, list = strchr(s, ',') != NULL;
    for (char *p = s; ok && *p;) {
        char *e = p;
        size_t seplen = 0;
        for (; *e; e++) {
            if (*e == ',' || *e == ';') { seplen = 1; break; }
            if (!strncmp(e, " and ", 5)) { seplen = 5; break; }
            if (!strncmp(e, " & ", 3)) { seplen = 3; break; }
        }
        char *q = p;
        while (*q == ' ') q++;
        if (starts_ci(q, "and ")) q += 4;
        if (q > e) q = e;   /* ", and C": the separator itself starts with " and " */
        size_t len = (size_t)(e - q);
        while (len && q[len - 1] == ' ') len--;
        if (len) {
            if (!name_item(q, len, list) && !(memchr(q, ' ', len) == NULL && name_word(q, len))) ok = false;
            else if (count < max) out[count++] = xstrndup(q, len);
        }
        p = *e ? e + seplen : e;
    }
    free(s);
    /* one-word items are "Last, First" pairs: "Huang, Yanping, et al." */
    size_t single = 0;
    for (size_t i = 0; ok && i < count; i++) if (!strchr(out[i], ' ')) single++;
    if (ok && single) {
        if (single != count || count % 2) ok = false;
        else {
            for (size_t i = 0; i < count; i += 2) {
                char *full = lit_xmalloc(strlen(out[i]) + strlen(out[i + 1]) + 2);
                sprintf(full, "%s %s", out[i + 1], out[i]);
                free(out[i]);
                free(out[i + 1]);
                out[i / 2] = full;
            }
            count /= 2;
        }
    }
    if (!ok || count == 0 || (count < 2 && !etal && !by)) {
        for (size_t i = 0; i < count; i++) free(out[i]);
        return 0;
    }
    return count;
}

/* ---------- the interpreter of one entry ---------- */

typedef struct entry {
    bool paper;          /* looks like a paper */
    bool tagged;         /* had a venue/year tag (or (x)) */
    bool category;       /* could name a section (short text, no links) */
    char *title, *short_name, *label;
    tag tag;
    char vraw[128];
    char *authors[64];
    size_t n_authors;
    rlink *links; size_t n_links;  /* borrowed from the unit */
    size_t n_links_all;
    bool in_list, has_children;
    bool link_title;     /* the title is a link's label ("[OSDI'22] [Unity](url)") */
    bool lead_tag;       /* the tag stood before the title */
} entry;

static void entry_free(entry *e)
{
    free(e->title); free(e->short_name); free(e->label);
    for (size_t i = 0; i < e->n_authors; i++) free(e->authors[i]);
    memset(e, 0, sizeof *e);
}

static bool paperish_link(const rlink *l)
{
    return !strcmp(l->kind, "paper") || !strcmp(l->kind, "pdf");
}

/* Leading "[OSDI '14]" (markers skipped). Removes it on success. */
static bool take_leading_tag(const imp *im, char *s, tag *t, char *vb, size_t vcap)
{
    size_t i = 0;
    while (s[i] == ' ' || IS_MARK(s[i])) i++;
    size_t d = i;
    while (isdigit((unsigned char)s[d])) d++;
    if ((d - i == 2 || d - i == 4) && s[d] == '-') {  /* "20-NSDI-AccelTCP: ...": year, venue, title joined by '-' */
        size_t v = d + 1, ve = v;
        while (s[ve] && s[ve] != '-' && s[ve] != ' ' && ve - v < 20) ve++;
        if (ve > v && s[ve] == '-' && s[ve + 1] && s[ve + 1] != ' ') {
            char in[40];
            snprintf(in, sizeof in, "%.*s '%.*s", (int)(ve - v), s + v, (int)(d - i), s + i);
            if (d - i == 4) snprintf(in, sizeof in, "%.*s %.*s", (int)(ve - v), s + v, (int)(d - i), s + i);
            if (parse_tag(im, in, t, true, vb, vcap) && t->year && t->venue) {
                remove_range(s, i, ve + 1);
                return true;
            }
        }
    }
    if (s[i] != '[' && s[i] != '(' && !IS_MARK(s[i])) {
        /* "OSDI 2020, [Title](url)": a venue and year before a comma and the title */
        const char *comma = strchr(s + i, ',');
        if (comma && comma - (s + i) <= 40) {
            const char *a = comma + 1;
            while (*a == ' ') a++;
            if (*a == M_LINK_OPEN || *a == M_EM_OPEN) {
                char *in = xstrndup(s + i, (size_t)(comma - (s + i)));
                bool ok = !memchr(in, M_LINK_OPEN, strlen(in)) && parse_tag(im, in, t, false, vb, vcap) && t->year;
                free(in);
                if (ok) remove_range(s, i, (size_t)(a - s));
                return ok;
            }
        }
    }
    if (s[i] != '[' && s[i] != '(') {
        /* "**OSDI'22** Title": a leading emphasised tag */
        if (i > 0 && s[i - 1] == M_EM_OPEN) {
            char *close = strchr(s + i, M_EM_CLOSE);
            if (!close || close - (s + i) > 60) return false;
            char *in = xstrndup(s + i, (size_t)(close - (s + i)));
            bool ok = parse_tag(im, in, t, true, vb, vcap) && t->year;  /* "`CC` **Label**" is no tag */
            free(in);
            if (ok) remove_range(s, i - 1, (size_t)(close - s) + 1);
            return ok;
        }
        return false;
    }
    size_t j = match_close(s, i);
    if (j == (size_t)-1) return false;
    char *in = xstrndup(s + i + 1, j - i - 1);
    bool ok = parse_tag(im, in, t, false, vb, vcap);
    free(in);
    if (ok) remove_range(s, i, j + 1);
    return ok;
}

static size_t trim_end(const char *s)
{
    size_t n = strlen(s);
    for (;;) {  /* "·" and "•" between links */
        while (n && s[n - 1] == ' ') n--;
        if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xB7) n -= 2;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] == 0xA2) n -= 3;
        else break;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' ||
                 s[n - 1] == '-' || s[n - 1] == '|' || s[n - 1] == M_EM_CLOSE || s[n - 1] == M_LINK_CLOSE ||
                 s[n - 1] == M_EM_OPEN || s[n - 1] == M_LINK_OPEN))
        n--;
    return n;
}

/* Trailing "(OSDI20)", "[SC '21']", "*OSDI 2022*", ", OSDI 2022". Removes it on success. */
static bool take_trailing_tag(const imp *im, char *s, tag *t, char *vb, size_t vcap)
{
    size_t n = trim_end(s);
    if (!n) return false;
    /* the last bracket group, or the one before it: "Title. ACL 2019. (**ERNIE (Tsinghua)**)"
     * and "| EuroSys' 25 (Best Paper)" have a note after the tag */
    for (int g = 0; g < 3 && n && (s[n - 1] == ')' || s[n - 1] == ']'); g++) {
        size_t o = match_open(s, n - 1);
        if (o == (size_t)-1) return false;
        char *in = xstrndup(s + o + 1, n - 2 - o);
        bool ok = parse_tag(im, in, t, false, vb, vcap);
        free(in);
        if (ok) { remove_range(s, o, n); return true; }
        while (o && (s[o - 1] == ' ' || s[o - 1] == '.' || s[o - 1] == ',' || IS_MARK(s[o - 1]))) o--;
        n = o;
    }
    if (!n) return false;
    /* an emphasised or separated last segment: "Title. *OSDI 2022*", "Title, NSDI 2023" */
    size_t best = (size_t)-1, blen = 0, prev = (size_t)-1, plen = 0;
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '(' || c == '[') depth++;
        else if ((c == ')' || c == ']') && depth) depth--;
        if (depth) continue;
        size_t len = 0;
        if (c == M_EM_OPEN) len = 1;
        else if ((c == ',' || c == '.' || c == ';') && s[i + 1] == ' ') len = 2;
        else if (c == ' ' && (s[i + 1] == '-' || s[i + 1] == '|') && s[i + 2] == ' ') len = 3;
        else if (c == '|' && i && s[i - 1] != ' ' && s[i + 1] == ' ') len = 2;  /* "Title| OSDI' 24" */
        else if (c == ' ' && (unsigned char)s[i + 1] == 0xE2 && (unsigned char)s[i + 2] == 0x80 &&
                 ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) && s[i + 4] == ' ') len = 5;
        size_t at = i;
        if (!len && c == M_EM_CLOSE && s[i + 1] == ' ') at = i + 1, len = 1;  /* "**Title** ASPLOS 2019" */
        if (!len) continue;
        prev = best, plen = blen;
        best = at, blen = len;
    }
    if (best == (size_t)-1 || best == 0 || best + blen >= n) return false;
    char *in = xstrndup(s + best + blen, n - best - blen);
    bool ok = count_words(in) <= 6 && parse_tag(im, in, t, true, vb, vcap);
    free(in);
    if (ok && !t->venue && s[best] == ',' && prev != (size_t)-1 && prev) {
        /* "Authors. SIGMOD, 2022": the venue is the segment before the year */
        tag t2;
        char vb2[128];
        in = xstrndup(s + prev + plen, n - prev - plen);
        if (count_words(in) <= 6 && parse_tag(im, in, &t2, true, vb2, sizeof vb2) && t2.venue) {
            *t = t2;
            memcpy(vb, vb2, vcap < sizeof vb2 ? vcap : sizeof vb2);
            if (t2.venue == vb2) t->venue = vb;
            best = prev;
        }
        free(in);
    }
    if (ok) remove_range(s, best, n);
    return ok;
}

/* "(Gavel) Title" or "PipeDream: Title": the system name the list gives. */
static char *take_short(char *title)
{
    if (title[0] == '(') {
        char *close = strchr(title, ')');
        if (close && close - title > 1 && close - title <= 40 && close[1] == ' ') {
            char *name = xstrndup(title + 1, (size_t)(close - title - 1));
            collapse_ws(name);
            if (count_words(name) <= 2 && has_letter(name)) {
                remove_range(title, 0, (size_t)(close - title) + 2);
                return name;
            }
            free(name);
        }
        return NULL;
    }
    char *colon = strstr(title, ": ");
    if (!colon || colon == title || colon - title > 40 || count_words(colon + 2) < 2) return NULL;
    char *name = xstrndup(title, (size_t)(colon - title));
    size_t words = count_words(name);
    bool ok = false;
    if (words == 1) ok = !strchr(name, ',') && has_letter(name);
    else if (words == 2) {  /* "PCC Vivace": an acronym first */
        size_t up = 0, al = 0, i = 0;
        for (; name[i] && name[i] != ' '; i++) { if (isupper((unsigned char)name[i])) up++; if (isalpha((unsigned char)name[i])) al++; }
        ok = al >= 2 && up == al;
    }
    if (ok) return name;
    free(name);
    return NULL;
}

static void clean_title(char *s)
{
    strip_marks(s);
    collapse_ws(s);
    size_t n = strlen(s);
    for (int k = 0; k < 2; k++) {
        while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == '-' ||
                     s[n - 1] == '|' || s[n - 1] == ' '))
            s[--n] = 0;
        /* a note in square brackets at the end: "[Vision]", and the document types of
         * GB/T 7714 references ("[J]", "[C]", "[J/OL]") */
        size_t o = n > 2 && s[n - 1] == ']' ? match_open(s, n - 1) : (size_t)-1;
        if (o == (size_t)-1 || o == 0 || n - o > 24 || count_words(s + o) > 3) break;
        s[o] = 0;
        n = o;
    }
    size_t lead = 0;
    while (s[lead] == '-' || s[lead] == ':' || s[lead] == ' ' || s[lead] == '|') lead++;
    if (lead) remove_range(s, 0, lead);
    n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') { s[n - 1] = 0; remove_range(s, 0, 1); }
    n = strlen(s);
    if (n >= 6 && !memcmp(s, "\xE2\x80\x9C", 3) && !memcmp(s + n - 3, "\xE2\x80\x9D", 3)) { s[n - 3] = 0; remove_range(s, 0, 3); }
}

/* ---------- short link labels ---------- */

/* Removes every short link label still in s (they are not title text). */
static void drop_aux(char *s)
{
    for (char *o; (o = strchr(s, M_AUX_OPEN)) != NULL;) {
        char *c = strchr(o, M_AUX_CLOSE);
        remove_range(s, (size_t)(o - s), c ? (size_t)(c - s) + 1 : strlen(s));
    }
}

/* A short link label at the start of the entry is part of the title before a colon
 * ("[SLA2](url): Sparse-Linear ..."), and the title itself when nothing but a separator
 * follows ("[Mistral 7B](url) - Mistral AI"); elsewhere it is a tag or nothing. */
static void resolve_leading_aux(char *s)
{
    size_t i = 0;
    while (s[i] == ' ' || (IS_MARK(s[i]) && s[i] != M_AUX_OPEN)) i++;
    if (s[i] != M_AUX_OPEN) return;
    char *c = strchr(s + i, M_AUX_CLOSE);
    if (!c) return;
    size_t ci = (size_t)(c - s), a = ci + 1;
    while (s[a] == ' ') a++;
    bool colon = s[a] == ':' || (ci > i + 1 && s[ci - 1] == ':');
    if (colon) {
        remove_range(s, ci + 1, a);  /* "[Lumos](url) : Title" */
        remove_range(s, ci, ci + 1);
        remove_range(s, i, i + 1);
        return;
    }
    char *rest = lit_xstrdup(s + ci + 1);
    drop_aux(rest);
    strip_marks(rest);
    collapse_ws(rest);
    bool sep = !*rest || rest[0] == '-' || rest[0] == '|' || rest[0] == ',' || rest[0] == '(' ||
               !strncmp(rest, "\xE2\x80\x93", 3) || !strncmp(rest, "\xE2\x80\x94", 3) || !strncmp(rest, "\xE2\x80\xA2", 3);
    free(rest);
    if (sep) { s[i] = M_LINK_OPEN; s[ci] = M_LINK_CLOSE; }
}

/* A word naming a link kind right before a link ("code [Tiresias](url) paper [Title](url)",
 * "Paper: [Title](url)") labels that link; it is not text. */
static void drop_link_words(char *s)
{
    for (size_t i = 0; s[i];) {
        size_t j = i;
        while (s[j] && s[j] != ' ' && !IS_MARK(s[j])) j++;
        size_t k = j;
        while (s[k] == ' ') k++;
        if (j > i && (s[k] == M_LINK_OPEN || s[k] == M_AUX_OPEN) && (i == 0 || s[i - 1] == ' ' || IS_MARK(s[i - 1]))) {
            char w[16];
            size_t n = j - i < sizeof w ? j - i : sizeof w - 1;
            memcpy(w, s + i, n);
            w[n] = 0;
            if (n && w[n - 1] == ':') w[n - 1] = 0;
            if (*w && kind_from_label(w)) { remove_range(s, i, k); continue; }
        }
        i = s[j] ? j + 1 : j;
    }
}

/* A short link label that is a tag ("[ICCV 2025](url)", "([SOSP 2023](notes.md))"). */
static bool aux_tag(const imp *im, const char *s, tag *t, char *vb, size_t vcap)
{
    for (const char *o = s; (o = strchr(o, M_AUX_OPEN)) != NULL; o++) {
        const char *c = strchr(o, M_AUX_CLOSE);
        if (!c) break;
        char *in = xstrndup(o + 1, (size_t)(c - o - 1));
        bool ok = parse_tag(im, in, t, false, vb, vcap) && t->year && !t->unknown;
        free(in);
        if (ok) return true;
    }
    return false;
}

/* ---------- decorations: text around a title that is not the title ---------- */

/* Emoji and pictographs ("🔥", "⭐️", ":mag:" is left to the label rule). */
static void strip_emoji(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)r, -1, &cp);
        if (k <= 0) { *w++ = *r++; continue; }
        bool emoji = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
                     (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2300 && cp <= 0x23FF) ||
                     (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x20E3;
        if (!emoji) memmove(w, r, (size_t)k), w += k;
        r += k;
    }
    *w = 0;
}

/* Words that name an organisation: a trailing "(Tsinghua University)" or "| UCB" is an
 * affiliation, not part of the title. */
static bool org_word(const char *w, size_t n)
{
    static const char *o[] = {"university", "univ", "univ.", "institute", "inst.", "lab", "labs", "laboratory",
                              "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "research", "college", "school",
                              "academy", "etc", "google", "microsoft", "meta", "nvidia", "alibaba", "bytedance",
                              "huawei", "tencent", "baidu", "amazon", "apple", "ibm", "intel", "deepmind", "openai",
                              "anthropic", "mit", "cmu", "ucb", "stanford", "berkeley", "tsinghua", "pku", "sjtu"};
    for (size_t i = 0; i < sizeof o / sizeof *o; i++)
        if (strlen(o[i]) == n && !strncasecmp(o[i], w, n)) return true;
    return false;
}

static bool has_org_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i])) i++;
        size_t j = i;
        while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '.')) j++;
        if (j > i && org_word(s + i, j - i)) return true;
        i = j;
    }
    return false;
}

/* Bracket groups that are notes, wherever they are: "(@Affiliation)", "[also in 2.1]",
 * "(see ...)", and a parenthesised affiliation at the end. */
static void drop_note_groups(char *s, bool org)
{
    static const char *notes[] = {"@", "also in", "also see", "see ", "cf."};
    static const char *awards[] = {"best paper", "award", "oral", "spotlight", "highlight", "outstanding", "distinguished"};
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '(' && s[i] != '[') continue;
        size_t j = match_close(s, i);
        if (j == (size_t)-1) continue;
        size_t a = i + 1;
        while (s[a] == ' ' || IS_MARK(s[a])) a++;
        bool note = false;
        for (size_t k = 0; k < sizeof notes / sizeof *notes && !note; k++) note = starts_ci(s + a, notes[k]);
        size_t e = j + 1;
        while (s[e] == ' ' || IS_MARK(s[e])) e++;
        if (org && !note && !s[e] && i > 0) {  /* at the end: "(Tsinghua University)", "(Best Paper)", "[Vision]" */
            char *g = xstrndup(s + a, j - a);
            note = s[i] == '[' ? count_words(g) <= 4 : has_org_word(g, strlen(g));
            for (size_t k = 0; k < sizeof awards / sizeof *awards && !note; k++) note = contains_ci(g, awards[k]);
            free(g);
        }
        if (note) { remove_range(s, i, j + 1); i = (size_t)-1; }
    }
}

/* A leading "[Label]" that is not a tag ("[Survey :mag:]", "[NITRO]"): dropped when a
 * title follows it. */
static bool drop_leading_label(char *s)
{
    size_t i = 0;
    while (s[i] == ' ' || IS_MARK(s[i])) i++;
    if (s[i] != '[') return false;
    size_t j = match_close(s, i);
    if (j == (size_t)-1 || j - i > 60) return false;
    char *in = xstrndup(s + i + 1, j - i - 1);
    bool label = count_words(in) <= 6 && !strchr(in, M_LINK_OPEN);
    free(in);
    if (!label || count_words(s + j + 1) < 2 || !has_letter(s + j + 1)) return false;
    remove_range(s, i, j + 1);
    return true;
}

/* A trailing "| Affiliation" (after any "| VENUE'YY" was taken as a tag). */
static void drop_affiliation(char *s)
{
    size_t n = trim_end(s), cut = (size_t)-1;
    int depth = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '(' || s[i] == '[') depth++;
        else if ((s[i] == ')' || s[i] == ']') && depth) depth--;
        else if (!depth && s[i] == '|' && s[i + 1] == ' ' && i) cut = s[i - 1] == ' ' ? i - 1 : i;
    }
    if (cut != (size_t)-1 && count_words(s + cut + 2) <= 8 && count_words(s) > count_words(s + cut + 2) + 1)
        s[cut] = 0;
}

/* Leading authors ending at ". " (the longest such prefix that is a list of at
 * least two names, or ends "et al"): moved to e->authors and cut from s. */
static bool take_leading_authors(char *s, entry *e)
{
    if (e->n_authors) return false;
    size_t best = 0;
    char *names[64];
    for (size_t k = 1; s[k]; k++) {
        if (!(s[k] == '.' && s[k + 1] == ' ') || IS_MARK(s[0])) continue;
        char *pre = xstrndup(s, k + 1);  /* "et al." keeps its point */
        size_t nn = split_names(pre, false, names, 64);
        bool many = nn >= 2 || (nn && strstr(pre, "et al"));
        for (size_t q = 0; q < nn; q++) free(names[q]);
        free(pre);
        if (many) best = k;
        else if (best) break;
    }
    if (!best || count_words(s + best + 1) < 3) return false;
    char *pre = xstrndup(s, best + 1);
    e->n_authors = split_names(pre, false, e->authors, 64);
    free(pre);
    remove_range(s, 0, best + 2);
    return true;
}

/* Interprets one entry's text (with markers) and links. ctx_* come from the headings. */
static void interpret(const imp *im, const char *text, rlink *links, size_t n_links, entry *e)
{
    char *s = lit_xstrdup(text);
    fold_fullwidth(s);
    drop_empty_groups(s);
    e->links = links;
    e->n_links = n_links;
    tag t;
    char vb[128];
    strip_emoji(s);
    drop_note_groups(s, false);
    /* leading tags, and labels in brackets before them or the title ("[Survey] [TPDS'23]") */
    for (int k = 0; k < 4; k++) {
        if (take_leading_tag(im, s, &t, vb, sizeof vb)) {
            if (!t.unknown && !e->tagged) {
                e->tag = t;
                e->tagged = e->lead_tag = true;
                memcpy(e->vraw, vb, sizeof vb);
                if (t.venue == vb) e->tag.venue = e->vraw;
            }
            continue;
        }
        if (!drop_leading_label(s)) break;
    }
    drop_link_words(s);
    resolve_leading_aux(s);
    if (!e->tagged && aux_tag(im, s, &t, vb, sizeof vb)) {
        e->tag = t;
        e->tagged = true;
        memcpy(e->vraw, vb, sizeof vb);
        if (t.venue == vb) e->tag.venue = e->vraw;
    }
    drop_aux(s);
    for (int k = 0; k < 2; k++) {
        drop_empty_groups(s);
        if (!take_trailing_tag(im, s, &t, vb, sizeof vb)) break;
        if (!e->tagged || (!e->tag.venue && !e->tag.year)) {
            e->tag = t;
            memcpy(e->vraw, vb, sizeof vb);
            if (t.venue == vb) e->tag.venue = e->vraw;
        }
        e->tagged = true;
    }
    drop_affiliation(s);
    drop_note_groups(s, true);  /* after the tags: "(Google, OSDI 2020)" is a tag */
    drop_empty_groups(s);
    /* "Hamid Pirahesh, Joseph M. Hellerstein. Title. SIGMOD 1992": a reference that starts
     * with its authors; the title is the sentence after them */
    bool ref = take_leading_authors(s, e);
    /* the title: a leading emphasised run or title link, else text up to an author list */
    size_t i = 0;
    while (s[i] == ' ') i++;
    char *title = NULL, *rest = NULL;
    if (s[i] == M_EM_OPEN || s[i] == M_LINK_OPEN) {
        char closer = s[i] == M_EM_OPEN ? M_EM_CLOSE : M_LINK_CLOSE;
        char *c = strchr(s + i + 1, closer);
        const char *after = c ? c + 1 : NULL;
        while (after && (*after == ' ' || IS_MARK(*after))) after++;
        /* "**Gavel**: Heterogeneity-Aware ..." is one title with a bold name */
        if (c && !(after && *after == ':')) {
            e->link_title = s[i] == M_LINK_OPEN;
            title = xstrndup(s + i + 1, (size_t)(c - s - i - 1));
            rest = lit_xstrdup(c + 1);
        }
    }
    if (!title) {
        size_t n = strlen(s), cut = n, depth = 0;
        for (size_t k = 1; k < n && cut == n; k++) {
            char c = s[k];
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && depth) depth--;
            if (depth) continue;
            size_t skip = 0;
            bool by = false;
            if (ref && c == '.' && s[k + 1] == ' ') { cut = k; rest = NULL; break; }
            if ((c == '.' || c == ',' || c == ';') && s[k + 1] == ' ') skip = 2;
            else if (c == ' ' && (s[k + 1] == '-' || s[k + 1] == '|') && s[k + 2] == ' ') skip = 3;
            else if (c == ' ' && starts_ci(s + k, " by ")) { skip = 4; by = true; }
            else if (c == ' ' && (unsigned char)s[k + 1] == 0xE2 && (unsigned char)s[k + 2] == 0x80 &&
                     ((unsigned char)s[k + 3] == 0x93 || (unsigned char)s[k + 3] == 0x94) && s[k + 4] == ' ') skip = 5;
            if (!skip) continue;
            char *names[64];
            size_t nn = split_names(s + k + skip, by, names, 64);
            if (nn) {
                for (size_t q = 0; q < nn; q++) free(names[q]);
                cut = k;
                rest = lit_xstrdup(s + k + (by ? 1 : skip));
            }
        }
        title = xstrndup(s, cut);
    }
    if (rest) {
        char *r = rest;
        while (*r == ' ' || *r == ',' || *r == '.' || *r == '-' || *r == ':' || *r == '|' || IS_MARK(*r)) r++;
        bool by = starts_ci(r, "by ");
        if (by) r += 3;
        for (char *b; (b = strstr(r, "\xE2\x80\xA2")) || (b = strstr(r, "\xC2\xB7"));)  /* "Hoque • [Code](...)" */
            memset(b, ' ', (unsigned char)b[0] == 0xE2 ? 3 : 2);
        if (!e->n_authors) e->n_authors = split_names(r, by, e->authors, 64);
        free(rest);
    }
    /* the whole text without links is the label a section or category line would use */
    e->label = lit_xstrdup(s);
    clean_title(e->label);
    clean_title(title);
    e->short_name = take_short(title);
    if (e->short_name) clean_title(title);
    e->title = title;
    free(s);
}

/* ---------- sections ---------- */

static void push_section(imp *im, int level, const char *text)
{
    while (im->n_sec && im->sec[im->n_sec - 1].level >= level) free(im->sec[--im->n_sec].text);
    LIT_GROW(im->sec, im->cap_sec, im->n_sec + 1);
    section *s = &im->sec[im->n_sec++];
    memset(s, 0, sizeof *s);
    s->level = level;
    s->text = lit_xstrdup(text);
    tag t;
    char vb[128];
    if (parse_tag(im, text, &t, true, vb, sizeof vb)) {
        s->venue = t.venue && venue_lookup(im, t.venue) ? venue_lookup(im, t.venue) : NULL;
        s->year = t.year;
        /* without a year a heading names a venue only as an acronym ("OSDI", "EuroSys"):
         * "Models" and "Security" are topics */
        size_t caps = 0;
        for (const char *q = text; *q; q++) caps += isupper((unsigned char)*q) != 0;
        if (!t.year && caps < 2) s->venue = NULL;
    }
}

static void pop_sections(imp *im, int level)
{
    while (im->n_sec && im->sec[im->n_sec - 1].level >= level) free(im->sec[--im->n_sec].text);
}

/* ---------- adding a paper ---------- */

static bool arxiv_id(const char *url, char *id, size_t cap)
{
    const char *p = strstr(url, "arxiv.org/abs/");
    if (!p) p = strstr(url, "arxiv.org/pdf/");
    if (!p) return false;
    p += 14;
    size_t n = 0;
    while (n < cap - 1 && (isdigit((unsigned char)p[n]) || (n == 4 && p[n] == '.'))) { id[n] = p[n]; n++; }
    id[n] = 0;
    return n >= 9 && id[4] == '.';
}

static bool doi_of(const char *url, char *id, size_t cap)
{
    const char *p = strstr(url, "doi.org/10.");
    if (p) p += 8;
    else if ((p = strstr(url, "dl.acm.org/doi/")) != NULL) {
        p += 15;
        if (!strncmp(p, "pdf/", 4)) p += 4;
        else if (!strncmp(p, "abs/", 4)) p += 4;
        if (strncmp(p, "10.", 3)) return false;
    } else return false;
    size_t n = 0;
    while (n < cap - 1 && p[n] && p[n] != '?' && p[n] != '#' && p[n] != ' ') { id[n] = p[n]; n++; }
    id[n] = 0;
    return n > 4 && strchr(id, '/');
}

static const char *cat_str(imp *im, const char *s) { return lit_arena_strdup(&im->cat->arena, s); }

/* When the file's first heading is a '# ' one, it is the list's title: im->title gets its
 * text (link and emphasis syntax dropped) and im->title_end the line of the next '# '
 * heading, where the title's part of the file ends. */
static void find_title(imp *im)
{
    const char *s = im->base;
    size_t n = im->len;
    bool fence = false;
    im->title_end = LONG_MAX;
    long line = 1;
    for (size_t i = 0; i < n; line++) {
        size_t a = i, e = i;
        while (e < n && s[e] != '\n') e++;
        while (a < e && a < i + 3 && s[a] == ' ') a++;
        size_t h = a;
        while (h < e && s[h] == '#') h++;
        if (a + 3 <= e && (!strncmp(s + a, "```", 3) || !strncmp(s + a, "~~~", 3))) fence = !fence;
        else if (!fence && h > a && h < e && (s[h] == ' ' || s[h] == '\t')) {
            if (im->title) { if (h - a == 1) { im->title_end = line; return; } }
            else if (h - a > 1) return;
            else {
                /* "# Awesome-LLM [![Awesome](badge.svg)](https://awesome.re)": "Awesome-LLM" */
                lit_buf b = LIT_BUF_INIT;
                for (size_t k = h; k < e; k++) {
                    if (s[k] == ']' && k + 1 < e && s[k + 1] == '(') {
                        while (k < e && s[k] != ')') k++;
                    } else if (s[k] == '!' && k + 1 < e && s[k + 1] == '[') {
                        int depth = 0;
                        for (k++; k < e && (s[k] != ']' || --depth > 0); k++) depth += s[k] == '[';
                        if (k + 1 < e && s[k + 1] == '(') while (k < e && s[k] != ')') k++;
                    } else if (!strchr("[]*_`#", s[k])) lit_buf_addc(&b, s[k]);
                }
                im->title = cat_str(im, lit_buf_str(&b));
                lit_buf_free(&b);
            }
        }
        i = e + 1;
    }
}

/* The topic id of a paper under the current sections: through the import's headings
 * (loose matches, new topics) when it has them, else by name or loosely in the taxonomy. */
static const char *section_topic(imp *im, long line)
{
    if (!im->o || !im->n_sec) return NULL;
    lit_topic_import *ti = im->o->sections;
    if (!ti) {
        for (size_t k = im->n_sec; k-- > 0;) {
            int t = lit_topics_match(im->o->topics, im->sec[k].text);
            if (t >= 0) return im->o->topics->t[t].id;
        }
        return NULL;
    }
    if (!im->title_end) find_title(im);
    const char **heads = lit_xmalloc(im->n_sec * sizeof *heads);
    for (size_t k = 0; k < im->n_sec; k++) heads[k] = im->sec[k].text;
    bool under_title = im->title && im->sec[0].level == 1 && line < im->title_end;
    int t = lit_topic_import_paper(ti, heads, im->n_sec, under_title ? 0 : -1, im->title);
    free(heads);
    return t >= 0 ? ti->ts->t[t].id : NULL;
}

static void add_paper(imp *im, entry *e, long line)
{
    lit_catalog *c = im->cat;
    lit_paper *p = lit_catalog_add(c);
    p->title = cat_str(im, e->title);
    p->short_name = e->short_name ? cat_str(im, e->short_name) : NULL;
    if (e->n_authors) {
        p->authors = lit_arena_alloc(&c->arena, e->n_authors * sizeof *p->authors);
        for (size_t i = 0; i < e->n_authors; i++) p->authors[i] = cat_str(im, e->authors[i]);
        p->n_authors = (uint32_t)e->n_authors;
    }
    const char *venue = e->tag.venue;
    int year = e->tag.year;
    for (size_t k = im->n_sec; k-- > 0 && (!venue || !year);) {
        if (!venue && im->sec[k].venue) venue = im->sec[k].venue;
        if (!year && im->sec[k].year) year = im->sec[k].year;
    }
    /* links: one per kind, first wins; an arXiv or DOI link gives an identifier */
    p->links = lit_arena_alloc(&c->arena, (e->n_links + 1) * sizeof *p->links);
    char id[64];
    for (size_t i = 0; i < e->n_links; i++) {
        const rlink *l = &e->links[i];
        if (!p->arxiv && arxiv_id(l->url, id, sizeof id)) p->arxiv = cat_str(im, id);
        if (!p->doi && doi_of(l->url, id, sizeof id)) p->doi = cat_str(im, id);
        bool dup = false;
        for (uint32_t j = 0; j < p->n_links; j++) if (!strcmp(p->links[j].kind, l->kind)) dup = true;
        if (dup) continue;
        p->links[p->n_links].kind = cat_str(im, l->kind);
        p->links[p->n_links].url = cat_str(im, l->url);
        p->n_links++;
    }
    if (!year && p->arxiv) {
        /* YYMM.NNNNN ids began in 2007; 91-99 can only be the 1990s */
        int yy = (p->arxiv[0] - '0') * 10 + (p->arxiv[1] - '0');
        year = yy >= 91 ? 1900 + yy : 2000 + yy;
        p->year_inferred = true;
    }
    if (!venue && p->arxiv) venue = "arXiv";   /* a paper linked only at arXiv is a preprint there */
    if (venue) p->venue = lit_catalog_venue_id(c, venue);
    p->year = (int16_t)year;
    const char *sect = im->n_sec ? im->sec[im->n_sec - 1].text : NULL;
    const char *topic = section_topic(im, line);
    if (topic) {
        p->topics = lit_arena_alloc(&c->arena, sizeof *p->topics);
        p->topics[0] = lit_catalog_topic_id(c, topic);
        p->n_topics = 1;
    }
    p->sources = lit_arena_alloc(&c->arena, sizeof *p->sources);
    p->sources[0].list = cat_str(im, im->list);
    p->sources[0].line = line > 0 ? line : 1;
    p->sources[0].section = sect ? cat_str(im, sect) : NULL;
    p->n_sources = 1;
    im->n_papers++;
}

/* The text of a topic bullet as a section name, or NULL when its text is a link. */
static char *section_label(const char *text)
{
    char *s = lit_xstrdup(text);
    drop_aux(s);
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '(') continue;
        size_t j = i + 1;
        while (s[j] == ' ') j++;
        if (s[j] != M_LINK_OPEN) continue;
        char *c = strchr(s + j, M_LINK_CLOSE);
        if (!c) continue;
        size_t k = (size_t)(c - s) + 1;
        while (s[k] == ' ') k++;
        if (s[k] == ')') { remove_range(s, i, k + 1); i = (size_t)-1; }
    }
    drop_empty_groups(s);
    if (strchr(s, M_LINK_OPEN)) { free(s); return NULL; }
    strip_marks(s);
    collapse_ws(s);
    size_t n = strlen(s);
    while (n && (s[n - 1] == ':' || s[n - 1] == ' ')) s[--n] = 0;
    return s;
}

/* Whether a stray "[" or "(" opens a tag that was never closed: "[NSDI '21 Title". */
static bool opens_tag(const imp *im, const char *s)
{
    if (*s != '[' && *s != '(') return false;
    while (*s == '[' || *s == '(') s++;  /* "[[[[[OSDI '18] Title" */
    char in[64];
    size_t n = 0;
    tag t;
    char vb[128];
    for (int words = 0; words < 3 && s[n] && n < sizeof in - 1;) {
        in[n] = s[n];
        n++;
        if (s[n] == ' ' || s[n] == ']' || s[n] == ')' || !s[n]) {
            in[n] = 0;
            words++;
            if (parse_tag(im, in, &t, false, vb, sizeof vb) && t.year) return true;
            if (s[n] == ']' || s[n] == ')') break;
        }
    }
    return false;
}

/* A sub-item of a paper's item: a field of that paper ("Venue: OSDI 2022" gives the venue
 * and year it lacks) or a note about it (authors, a summary, "Journal version of ..."),
 * unless it starts like an entry of its own (a tag, a link, emphasis). Returns 1 when it
 * was taken as a field or a note. */
static int note_under_paper(imp *im, const char *text, const char *plain)
{
    static const char *fields[] = {"venue:", "conference:", "published in", "publication:", "published:",
                                   "publisher:", "in:", "year:", "date:"};
    char *f = lit_xstrdup(plain);
    strip_emoji(f);
    collapse_ws(f);
    lit_paper *p = im->cat->n_papers ? &im->cat->papers[im->cat->n_papers - 1] : NULL;
    tag t;
    char vb[128];
    bool field = false, ok = false;
    for (size_t k = 0; k < sizeof fields / sizeof *fields && !field; k++)
        if (starts_ci(f, fields[k])) {
            field = true;
            ok = parse_tag(im, f + strlen(fields[k]), &t, false, vb, sizeof vb) && !t.unknown;
        }
    size_t i = 0;
    while (text[i] == ' ') i++;
    bool note = field || !(IS_MARK(text[i]) || text[i] == '[' || text[i] == '(');
    if (note && !field) {  /* "Xiao, Wencong, et al. (*OSDI 2018*)" */
        char *g = lit_xstrdup(text);
        ok = take_trailing_tag(im, g, &t, vb, sizeof vb) && !t.unknown;
        free(g);
    }
    if (note && ok && p) {
        if ((p->venue < 0 || p->year_inferred) && t.venue) p->venue = lit_catalog_venue_id(im->cat, t.venue);
        if ((!p->year || p->year_inferred) && t.year) { p->year = (int16_t)t.year; p->year_inferred = false; }
    }
    free(f);
    return note;
}

/* "CS 329S: Machine Learning Systems Design", "EECS 598: Systems for AI": a course. */
static bool course_code(const char *t)
{
    size_t i = 0;
    while (isupper((unsigned char)t[i])) i++;
    if (i < 2 || i > 5) return false;
    if (t[i] == ' ') i++;
    size_t d = i;
    while (isdigit((unsigned char)t[i])) i++;
    if (i - d != 3) return false;
    if (isupper((unsigned char)t[i])) i++;
    return t[i] == ':' || t[i] == ' ' || t[i] == '-' || !t[i];
}

/* An entry that cannot be read: under --strict the import fails, else only this entry
 * is left out with a warning (once: the loose second pass meets the same entries). */
static int bad_entry(imp *im, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad_entry(imp *im, long line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (im->o && im->o->strict) return lit_error(im->d, im->path, line, im->col, "%s", msg);
    if (!im->loose) lit_skip(im->d, im->path, line, im->col, "%s", msg);
    return 0;
}

/* Decides what one entry is and acts on it. kind: 'p' paragraph line group, 'l' list
 * item, 'h' heading, 't' plain-text line. Returns -1 on a strict-mode error. */
static int handle(imp *im, const char *text, rlink *links, size_t n_links, long line, char kind, bool children)
{
    /* far longer than any title with its authors and links: prose or garbage */
    size_t tlen = strlen(text) + im->dropped;
    if (tlen > MAX_ENTRY) return bad_entry(im, line, "entry of %zu bytes is too long for a paper", tlen);
    char *plain = lit_xstrdup(text);
    strip_marks(plain);
    collapse_ws(plain);
    if (!*plain || ((kind == 'c' || kind == 'p') && plain[0] == '|')) {  /* a table md4c did not see */
        free(plain);
        return 0;
    }
    fold_fullwidth(plain);
    if (kind == 'l' && im->n_li >= 2 && im->li[im->n_li - 2].paper) {  /* a note under a paper */
        int r = note_under_paper(im, text, plain);
        if (r) { free(plain); return 0; }
    }
    /* brackets must balance in list items, lines and rows (prose may have a stray one);
     * a line with a stray bracket is read without it, and is an error only if it then
     * reads as a paper (a table-of-contents or course line is just not a paper) */
    long ub = kind == 'p' || kind == 'h' ? (plain[0] == '[' ? unbalanced_at(plain) : -1) : unbalanced_at(plain);
    char stray = ub >= 0 ? plain[ub] : 0;
    bool broken_tag = stray && opens_tag(im, plain + ub);
    free(plain);
    if (broken_tag) return bad_entry(im, line, "unbalanced '%c' in entry", stray);
    if (stray && !im->stray) {
        char *fixed = lit_xstrdup(text);
        drop_unmatched(fixed);
        im->stray = stray;
        int rc = handle(im, fixed, links, n_links, line, kind, children);
        im->stray = 0;
        free(fixed);
        return rc;
    }
    entry e;
    memset(&e, 0, sizeof e);
    interpret(im, text, links, n_links, &e);
    bool aux_paper = false, title_link = false, other_link = false;
    const rlink *first_title = NULL;
    for (size_t i = 0; i < n_links; i++) {
        /* a second titled link is a work the description mentions ("based on [A Survey](arxiv)") */
        bool mentioned = links[i].title && first_title;
        if (links[i].title && !first_title) first_title = &links[i];
        if (links[i].title) title_link = true;
        if (paperish_link(&links[i]) && !mentioned) aux_paper = true;
        else other_link = true;
    }
    bool ctx = false;
    for (size_t k = 0; k < im->n_sec; k++) if (im->sec[k].venue || im->sec[k].year) ctx = true;
    size_t words = count_words(e.title);
    bool titleish = has_letter(e.title) && (words >= 2 || (e.tagged && e.link_title)) && strlen(e.title) <= MAX_TITLE;
    size_t tl = strlen(e.title);
    bool loose = im->loose && kind == 'l' && !children && !title_link && words >= 4 && words <= 30 &&
                 tl && e.title[tl - 1] != ':' && e.title[tl - 1] != '.' && e.title[tl - 1] != '?';
    bool paper = titleish && (e.tagged || aux_paper || kind == 'r' || loose ||
                 (ctx && (kind == 'l' || title_link) && words >= 3 && words <= 30));
    if (e.tagged && !e.tag.venue && !e.tag.year && !e.tag.unknown) paper = false;
    /* "[Some-Papers](github.com/...) - a list of ... (ACL 2022)": a project, not a paper */
    const rlink *tl_link = first_title ? first_title : n_links ? &links[0] : NULL;
    if (kind != 'r' && e.link_title && tl_link && !strcmp(tl_link->kind, "code") && !aux_paper && !e.lead_tag) paper = false;
    if (titleish && strlen(e.title) > MAX_TITLE) paper = false;
    if (course_code(e.title)) paper = false;
    if (kind == 'h' && !(e.tagged && words >= 3)) paper = false;
    int rc = 0;
    if (paper && im->stray) {
        rc = bad_entry(im, line, "unbalanced '%c' in entry", im->stray);
    } else if (paper) {
        add_paper(im, &e, line);
        if (kind == 'l' && im->n_li) im->li[im->n_li - 1].paper = true;
    } else if (kind == 'h') {
        char *h = lit_xstrdup(text);
        drop_empty_groups(h);
        strip_marks(h);
        collapse_ws(h);
        push_section(im, im->heading_level, h);
        free(h);
    } else if (children && kind == 'l') {
        /* a topic bullet with nested items names a subsection, unless its text is a link
         * (a talk, a course page); a link in parentheses is only a pointer */
        char *lab = section_label(text);
        if (lab && *lab && count_words(lab) <= 12) {
            push_section(im, SECTION_BULLET + im->list_depth, lab);
            if (im->n_li) im->li[im->n_li - 1].pushed = true;
        }
        free(lab);
    } else if ((kind == 't' || kind == 'c') && !n_links && !other_link && *e.label &&
               count_words(e.label) <= 10 && e.label[strlen(e.label) - 1] != '.') {
        push_section(im, SECTION_CATEGORY, e.label);
    }
    entry_free(&e);
    return rc;
}

/* Whether one line of a paragraph has a tag at its start (or anywhere: at_end). */
static bool line_tagged(const imp *im, const char *t, size_t from, size_t to, bool at_end)
{
    tag tg;
    char vb[128];
    char *g = xstrndup(t + from, to - from);
    bool r = take_leading_tag(im, g, &tg, vb, sizeof vb) && !tg.unknown;
    if (!r && at_end) r = take_trailing_tag(im, g, &tg, vb, sizeof vb);
    free(g);
    return r;
}

/* Whether one line is a tag and nothing else ("*(2021 OSDI)*" under a title). */
static bool tag_only(const imp *im, const char *t, size_t from, size_t to)
{
    tag tg;
    char vb[128];
    char *g = xstrndup(t + from, to - from);
    bool r = take_leading_tag(im, g, &tg, vb, sizeof vb) && !has_letter(g);
    free(g);
    return r;
}

/* A paragraph may hold several entries, one per line (plain "[NSDI '19] Title" lines),
 * or one entry over several lines (a long title wrapped). A line that starts with a
 * tag opens a new entry; an entry closes at the end of a line that has a tag or a link. */
/* Whether a one-line paragraph is the byline of the bold-only paragraph before it, which
 * then is a paper's title, not a category line:
 *   "*Authors. ICDE 2008.* [[paper](url)]"        emphasised, with a link
 *   "*F. P. Palermo. IBM Research RJ 730, 1970*"   emphasised, ending in a year, no link
 *   "Y Zhang, A Floratou. ICDE 2023 [[paper](url)]" two or more names first, with a link
 * ("OSDI 2020, [Title](url)" after "**Microservices**" is an entry of that category). */
static bool byline(const char *t, size_t n, size_t n_links)
{
    if (!n || memchr(t, '\n', n)) return false;
    if (t[0] == M_EM_OPEN) {
        if (n_links) return true;
        size_t e = n;
        while (e && (t[e - 1] == ' ' || t[e - 1] == '.' || t[e - 1] == M_EM_CLOSE)) e--;
        if (e < 5 || isdigit((unsigned char)t[e - 5])) return false;
        for (size_t k = e - 4; k < e; k++)
            if (!isdigit((unsigned char)t[k])) return false;
        int y = atoi(t + e - 4);
        return y >= 1800 && y <= 2100;
    }
    const char *dot = strstr(t, ". ");
    if (!n_links || !dot || memchr(t, M_LINK_OPEN, (size_t)(dot - t)) || memchr(t, M_AUX_OPEN, (size_t)(dot - t)))
        return false;
    char *pre = xstrndup(t, (size_t)(dot - t)), *names[64];
    size_t nn = split_names(pre, false, names, 64);
    for (size_t q = 0; q < nn; q++) free(names[q]);
    free(pre);
    return nn >= 2;
}

/* Hands on a held bold-only paragraph as the category line it is. */
static int flush_pend(imp *im)
{
    if (!im->pend.len) return 0;
    im->col = im->pend_col;
    int rc = handle(im, lit_buf_str(&im->pend), NULL, 0, im->pend_line, 'c', false);
    lit_buf_reset(&im->pend);
    return rc;
}

static int handle_paragraph(imp *im, unit *u)
{
    const char *t = lit_buf_str(&u->text);
    size_t n = u->text.len;
    size_t a0 = 0;
    while (t[a0] == ' ') a0++;
    if (im->pend.len) {
        /* "**Title**" then its byline: one entry */
        if (!byline(t + a0, n - a0, u->n_links)) {
            int rc = flush_pend(im);
            if (rc) return rc;
        } else {
            lit_buf_adds(&im->pend, ". ");
            lit_buf_adds(&im->pend, t + a0);
            im->col = im->pend_col;
            int rc = handle(im, lit_buf_str(&im->pend), u->links, u->n_links, im->pend_line, 'c', false);
            lit_buf_reset(&im->pend);
            return rc;
        }
    }
    if (!memchr(t, '\n', n)) {
        /* a paragraph that is all bold ("**Cluster Scheduling**:") is a category line,
         * unless the next paragraph gives its authors and venue (held until then) */
        size_t a = a0, b = n;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == ':')) b--;
        long line = unit_line_at(u, 0, NULL, &im->col);
        if (b > a + 1 && t[a] == M_EM_OPEN && t[b - 1] == M_EM_CLOSE && !memchr(t + a + 1, M_EM_CLOSE, b - a - 2)) {
            if (u->n_links) return handle(im, t, u->links, u->n_links, line, 'c', false);
            lit_buf_adds(&im->pend, t);
            im->pend_line = line;
            im->pend_col = im->col;
            return 0;
        }
        return handle(im, t, u->links, u->n_links, line, 'p', false);
    }
    size_t start = 0, lk = 0, lcur = 0;
    int rc = 0;
    while (start < n && rc == 0) {
        size_t end = start;
        while (t[end] == ' ') end++;
        if (t[end] == '|') {  /* a table row md4c did not see as one: not an entry */
            while (end < n && t[end] != '\n') end++;
            start = end + 1;
            continue;
        }
        end = start;
        for (;;) {
            while (end < n && t[end] != '\n') end++;
            bool has_link = false;
            for (size_t k = lk; k < u->n_links && u->links[k].at <= end; k++)
                if (u->links[k].at >= start) has_link = true;
            if (end >= n || has_link || line_tagged(im, t, start, end, true)) break;
            size_t ne = end + 1;
            while (ne < n && t[ne] != '\n') ne++;
            if (line_tagged(im, t, end + 1, ne, false) && !tag_only(im, t, end + 1, ne)) break;
            end++;  /* join the next line */
        }
        char *grp = xstrndup(t + start, end - start);
        for (char *q = grp; *q; q++) if (*q == '\n') *q = ' ';
        size_t first = lk;
        while (lk < u->n_links && u->links[lk].at <= end) lk++;
        rc = handle(im, grp, lk > first ? u->links + first : NULL, lk - first,
                    unit_line_at(u, start, &lcur, &im->col), 'c', false);
        free(grp);
        start = end + 1;
    }
    return rc;
}

/* ---------- md4c callbacks ---------- */

static unit *target(imp *im)
{
    if (im->in_table && im->in_cell && im->tab.col < 32) return &im->tab.cells[im->tab.col];
    return &im->cur;
}

/* Hands the collected text to the interpreter: kind 'h' heading, 'l' list item
 * (children: it has nested items), 'p' paragraph. */
static int flush_cur(imp *im, char kind, bool children)
{
    int rc = 0;
    if (im->cur.text.len || im->cur.dropped) {
        if (kind == 'p') {
            rc = handle_paragraph(im, &im->cur);
        } else {
            for (char *q = im->cur.text.data; q && *q; q++) if (*q == '\n') *q = ' ';
            im->dropped = im->cur.dropped;
            rc = handle(im, lit_buf_str(&im->cur.text), im->cur.links, im->cur.n_links,
                        unit_line_at(&im->cur, 0, NULL, &im->col), kind, children);
            im->dropped = 0;
        }
    }
    unit_reset(&im->cur);
    if (rc) im->failed = 1;
    return rc;
}

/* The open list item's entry is its first paragraph (or its own text); later
 * paragraphs are notes about it. */
static int flush_li(imp *im, bool children)
{
    li_state *l = &im->li[im->n_li - 1];
    if (l->done) { unit_reset(&im->cur); return 0; }
    if (!im->cur.text.len && !im->cur.dropped) return 0;
    l->done = true;
    return flush_cur(im, 'l', children);
}

static void table_row(imp *im)
{
    table_state *tb = &im->tab;
    int ti = -1, vi = -1, yi = -1, ai = -1;
    for (int i = 0; i < tb->n_head; i++) {
        const char *h = tb->head[i];
        if (ti < 0 && (contains_ci(h, "title") || !strcmp(h, "paper") || !strcmp(h, "papers") || !strcmp(h, "name")))
            ti = i;
        else if (vi < 0 && (contains_ci(h, "venue") || contains_ci(h, "conf") || contains_ci(h, "pub") ||
                            !strcmp(h, "where") || !strcmp(h, "journal")))
            vi = i;
        else if (yi < 0 && (contains_ci(h, "year") || !strcmp(h, "date")))
            yi = i;
        else if (ai < 0 && contains_ci(h, "author"))
            ai = i;
    }
    if (ti < 0 || ti >= tb->n_cells) return;
    for (int c = 0; c < tb->n_head && c < tb->n_cells; c++)  /* a Paper column without a link: a repository or a blog */
        if (c != ti && (!strcmp(tb->head[c], "paper") || !strcmp(tb->head[c], "pdf")) && !tb->cells[c].n_links) return;
    int same = 0;  /* the header row repeated inside the table */
    for (int c = 0; c < tb->n_cells && c < tb->n_head; c++) {
        char *h = lit_xstrdup(lit_buf_str(&tb->cells[c].text));
        strip_marks(h);
        collapse_ws(h);
        if (!strcasecmp(h, tb->head[c])) same++;
        free(h);
    }
    if (same * 2 > tb->n_head) return;
    /* the title cell is interpreted like any entry; the other cells add venue, year, links */
    lit_buf txt = LIT_BUF_INIT;
    unit *tc = &tb->cells[ti];
    lit_buf_adds(&txt, lit_buf_str(&tc->text));
    rlink *links = NULL;
    size_t nl = 0, cap = 0;
    for (int c = 0; c < tb->n_cells; c++) {
        for (size_t k = 0; k < tb->cells[c].n_links; k++) {
            LIT_GROW(links, cap, nl + 1);
            links[nl] = tb->cells[c].links[k];
            if (c != ti) {
                const char *kk = kind_from_label(tb->head[c]);
                if (kk && !links[nl].title) links[nl].kind = (char *)kk;
                links[nl].title = false;
            }
            links[nl].at = 0;
            nl++;
        }
    }
    char tagbuf[200] = "";
    if (vi >= 0 && vi < tb->n_cells) snprintf(tagbuf, sizeof tagbuf, "%s", lit_buf_str(&tb->cells[vi].text));
    if (yi >= 0 && yi < tb->n_cells) {
        size_t l = strlen(tagbuf);
        snprintf(tagbuf + l, sizeof tagbuf - l, " %s", lit_buf_str(&tb->cells[yi].text));
    }
    strip_marks(tagbuf);
    collapse_ws(tagbuf);
    if (*tagbuf && strlen(tagbuf) < 120) {
        lit_buf_adds(&txt, " (");
        lit_buf_adds(&txt, tagbuf);
        lit_buf_adds(&txt, ")");
    }
    if (ai >= 0 && ai < tb->n_cells && tb->cells[ai].text.len) {
        lit_buf_adds(&txt, ". ");
        lit_buf_adds(&txt, lit_buf_str(&tb->cells[ai].text));
    }
    im->dropped = 0;
    for (int c = 0; c < tb->n_cells; c++) im->dropped += tb->cells[c].dropped;
    int rc = handle(im, lit_buf_str(&txt), links, nl, tb->row_line ? tb->row_line : unit_line_at(tc, 0, NULL, &im->col), 'r', false);
    im->dropped = 0;
    if (rc) im->failed = 1;
    free(links);
    lit_buf_free(&txt);
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    if (im->failed) return 1;
    if (type != MD_BLOCK_P && type != MD_BLOCK_DOC && flush_pend(im)) { im->failed = 1; return 1; }
    switch (type) {
    case MD_BLOCK_CODE: case MD_BLOCK_HTML:
        if (im->n_li && flush_li(im, false)) return 1;
        im->skip_depth++;
        break;
    case MD_BLOCK_QUOTE: im->quote_depth++; break;
    case MD_BLOCK_UL: case MD_BLOCK_OL:
        if (im->n_li && flush_li(im, true)) return 1;
        im->list_depth++;
        break;
    case MD_BLOCK_LI:
        if (flush_cur(im, 'p', false)) return 1;
        LIT_GROW(im->li, im->cap_li, im->n_li + 1);
        im->li[im->n_li].pushed = im->li[im->n_li].done = im->li[im->n_li].paper = false;
        im->n_li++;
        break;
    case MD_BLOCK_P:
        if (im->n_li && im->cur.text.len && flush_li(im, false)) return 1;
        break;
    case MD_BLOCK_H:
        if (flush_cur(im, 'p', false)) return 1;
        im->in_heading = true;
        im->heading_level = ((MD_BLOCK_H_DETAIL *)detail)->level;
        pop_sections(im, im->heading_level);
        break;
    case MD_BLOCK_TABLE:
        if (flush_cur(im, 'p', false)) return 1;
        im->in_table = true;
        im->tab.n_head = 0;
        break;
    case MD_BLOCK_THEAD: im->tab.in_head = true; break;
    case MD_BLOCK_TBODY: im->tab.in_head = false; break;
    case MD_BLOCK_TR:
        im->tab.col = 0;
        im->tab.n_cells = 0;
        im->tab.row_line = 0;
        for (int i = 0; i < 32; i++) unit_reset(&im->tab.cells[i]);
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD: im->in_cell = true; break;
    default: break;
    }
    return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    (void)detail;
    if (im->failed) return 1;
    switch (type) {
    case MD_BLOCK_CODE: case MD_BLOCK_HTML: im->skip_depth--; unit_reset(&im->cur); break;
    case MD_BLOCK_QUOTE: im->quote_depth--; break;
    case MD_BLOCK_UL: case MD_BLOCK_OL: im->list_depth--; break;
    case MD_BLOCK_LI:
        if (im->n_li && flush_li(im, false)) return 1;
        unit_reset(&im->cur);
        if (im->n_li) {
            if (im->li[im->n_li - 1].pushed) pop_sections(im, SECTION_BULLET + im->list_depth);
            im->n_li--;
        }
        break;
    case MD_BLOCK_H:
        im->in_heading = false;
        if (flush_cur(im, 'h', false)) return 1;
        break;
    case MD_BLOCK_P:
        if (im->quote_depth || (im->n_li && im->li[im->n_li - 1].done)) { unit_reset(&im->cur); break; }
        if (im->n_li) { unit_newline(&im->cur); break; }  /* the item's entry: flushed with the item */
        if (flush_cur(im, 'p', false)) return 1;
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD:
        im->in_cell = false;
        if (im->tab.in_head && im->tab.n_head < 32) {
            char *h = lit_xstrdup(lit_buf_str(&im->tab.cells[im->tab.col < 32 ? im->tab.col : 31].text));
            strip_marks(h);
            collapse_ws(h);
            for (char *q = h; *q; q++) *q = (char)tolower((unsigned char)*q);
            im->tab.head[im->tab.n_head++] = h;
        }
        if (im->tab.col < 32) im->tab.n_cells = im->tab.col + 1;
        im->tab.col++;
        break;
    case MD_BLOCK_TR:
        if (!im->tab.in_head) table_row(im);
        if (im->failed) return 1;
        break;
    case MD_BLOCK_TABLE:
        im->in_table = false;
        for (int i = 0; i < im->tab.n_head; i++) free(im->tab.head[i]);
        im->tab.n_head = 0;
        break;
    default: break;
    }
    return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    unit *u = target(im);
    if (im->skip_depth) return 0;
    switch (type) {
    case MD_SPAN_EM: case MD_SPAN_STRONG: case MD_SPAN_CODE: lit_buf_addc(&u->text, M_EM_OPEN); break;
    case MD_SPAN_IMG: im->img_depth++; break;
    case MD_SPAN_A:
        if (im->n_link_open < 16) {
            im->link_start[im->n_link_open] = u->text.len;
            im->link_href[im->n_link_open] = attr_str(&((MD_SPAN_A_DETAIL *)detail)->href);
        }
        im->n_link_open++;
        lit_buf_addc(&u->text, M_LINK_OPEN);
        break;
    default: break;
    }
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    unit *u = target(im);
    (void)detail;
    if (im->skip_depth) return 0;
    switch (type) {
    case MD_SPAN_EM: case MD_SPAN_STRONG: case MD_SPAN_CODE: lit_buf_addc(&u->text, M_EM_CLOSE); break;
    case MD_SPAN_IMG: im->img_depth--; break;
    case MD_SPAN_A: {
        int k = --im->n_link_open;
        if (k >= 16) break;
        size_t st = im->link_start[k];
        char *href = im->link_href[k];
        if (st > u->text.len) st = u->text.len;
        if (u->dropped) {   /* an entry too long for a paper: its links are never read */
            free(href);
            break;
        }
        if (im->in_heading && href && href[0] == '#') {   /* "[(back to top)](#contents)": no part of the name */
            if (u->text.data) u->text.data[u->text.len = st] = 0;
            free(href);
            break;
        }
        char *label = xstrndup(u->text.data ? u->text.data + st + 1 : "", u->text.len > st ? u->text.len - st - 1 : 0);
        bool aux = label_is_aux(label);
        if (!aux && count_words(label) <= 6) {  /* "[Findings of ACL 2022](url)" is a tag */
            tag t;
            char vb[128];
            aux = parse_tag(im, label, &t, false, vb, sizeof vb) && t.year && t.venue;
        }
        const char *kind = NULL;
        if (!is_relative(href) && !starts_ci(href, "mailto:")) {
            kind = aux ? label_kind(label) : NULL;  /* letters only: "[Paper]" is "paper" */
            if (!kind || !strcmp(kind, "web")) {
                const char *uk = kind_from_url(href);
                if (!kind || strcmp(uk, "web")) kind = uk;
            }
            if (!aux && !strcmp(kind, "pdf")) kind = "paper";
        }
        if (aux && u->text.data && st < u->text.len && *label && !label_kind(label) && strlen(label) <= 80) {
            u->text.data[st] = M_AUX_OPEN;
            lit_buf_addc(&u->text, M_AUX_CLOSE);
        } else if (aux) {
            if (u->text.data) {
                u->text.len = st;
                u->text.data[st] = 0;
            }
        } else {
            lit_buf_addc(&u->text, M_LINK_CLOSE);
        }
        if (kind) {
            size_t at = u->text.len;
            unit_add_link(u, kind, href, !aux);
            u->links[u->n_links - 1].at = aux ? at : st;
        }
        free(label);
        free(href);
        break;
    }
    default: break;
    }
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
    imp *im = ud;
    if (im->skip_depth || im->img_depth) return 0;
    if (size > im->len) return -1;   /* md4c's mistake (see lit_import_list): no text is longer than the file */
    unit *u = target(im);
    if (text >= im->base && text < im->base + im->len) {
        long line = line_of(im, text);
        size_t ls = line >= 2 ? im->nl[line - 2] + 1 : 0;
        long col = (long)((size_t)(text - im->base) - ls) + 1;
        unit_mark_line(u, line, col);
        if (im->in_table && !im->tab.row_line) { im->tab.row_line = line; im->col = col; }
    }
    /* an item, heading or cell longer than any paper is only measured, not kept */
    if ((im->n_li || im->in_heading || im->in_cell) && u->text.len + size > MAX_ENTRY) {
        u->dropped += size;
        return 0;
    }
    switch (type) {
    case MD_TEXT_NORMAL: case MD_TEXT_CODE: lit_buf_add(&u->text, text, size); break;
    case MD_TEXT_ENTITY: decode_entity(&u->text, text, size); break;
    case MD_TEXT_SOFTBR: case MD_TEXT_BR: unit_newline(u); break;
    case MD_TEXT_NULLCHAR: put_utf8(&u->text, 0xFFFD); break;
    default: break;  /* inline HTML and math carry no title text */
    }
    return 0;
}

/* ---------- plain text ---------- */

/* A file is plain text when no line uses Markdown block or link syntax. */
static bool looks_markdown(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        size_t a = i;
        while (a < e && (s[a] == ' ' || s[a] == '\t')) a++;
        if (a < e) {
            char c = s[a];
            if (c == '#' || c == '>' || c == '|') return true;
            if ((c == '-' || c == '*' || c == '+') && a + 1 < e && s[a + 1] == ' ') return true;
            size_t d = a;
            while (d < e && isdigit((unsigned char)s[d])) d++;
            if (d > a && d + 1 < e && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') return true;
            for (size_t k = a; k + 1 < e; k++)
                if ((s[k] == ']' && s[k + 1] == '(') || (s[k] == '*' && s[k + 1] == '*') ||
                    (s[k] == '\\' && ispunct((unsigned char)s[k + 1])) || (s[k] == '&' && s[k + 1] == '#'))
                    return true;
        }
        i = e + 1;
    }
    return false;
}

static int import_plain(imp *im, const char *s, size_t n, long line)
{
    unit u;
    memset(&u, 0, sizeof u);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; line++) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        unit_reset(&u);
        unit_mark_line(&u, line, 1);
        im->col = 1;
        /* bare URLs are links */
        for (size_t k = i; k < e;) {
            if ((e - k > 8 && !strncmp(s + k, "https://", 8)) || (e - k > 7 && !strncmp(s + k, "http://", 7))) {
                size_t j = k;
                while (j < e && s[j] != ' ' && s[j] != '\t') j++;
                while (j > k && strchr(".,;)]", s[j - 1])) j--;
                char *url = xstrndup(s + k, j - k);
                unit_add_link(&u, kind_from_url(url), url, false);
                free(url);
                k = j;
            } else {
                lit_buf_addc(&u.text, s[k]);
                k++;
            }
        }
        rc = handle(im, lit_buf_str(&u.text), u.links, u.n_links, line, 't', false);
        i = e + 1;
    }
    unit_free(&u);
    return rc;
}

/* ---------- validation ---------- */

/* Checks bytes: NUL, control characters, invalid UTF-8. Strict: the first problem is an
 * error. Lenient: each bad line is blanked (in the copy) with a warning. */
/* The input is only copied when a byte or a line of it must be blanked. */
static char *own_copy(char **copy, const char *s, size_t n)
{
    if (!*copy) {
        *copy = lit_xmalloc(n + 1);
        memcpy(*copy, s, n);
        (*copy)[n] = 0;
    }
    return *copy;
}

static bool is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != '\n' && c != 0) || c == 0x7F;
}

/* A line longer than any entry could be (a 100 MB line of links) is left out before md4c
 * reads it (drop_long_lines): md4c would keep a mark for each of its millions of brackets. */
#define MAX_LINE (16 * MAX_ENTRY)
static int long_line(imp *im, long line, size_t len)
{
    im->col = 1;
    im->long_lines = true;
    return bad_entry(im, line, "line of %zu bytes is too long for a paper list", len);
}

/* s[0..*n) without the text of its lines longer than MAX_LINE (each keeps its line break,
 * so that every line keeps its number); the line offsets are made again for it. */
static char *drop_long_lines(imp *im, const char *s, size_t *n)
{
    lit_buf b = LIT_BUF_INIT;
    size_t cap = 0;
    im->n_nl = 0;
    for (size_t i = 0, ls = 0; i <= *n; i++) {
        if (i < *n && s[i] != '\n') continue;
        if (i - ls <= MAX_LINE) lit_buf_add(&b, s + ls, i - ls);
        if (i < *n) {
            LIT_GROW(im->nl, cap, im->n_nl + 1);
            im->nl[im->n_nl++] = b.len;
            lit_buf_addc(&b, '\n');
        }
        ls = i + 1;
    }
    *n = b.len;
    return b.data;
}

static int validate(imp *im, const char *s, size_t n, char **copy)
{
    /* a stray control character in a text file (pasted from a PDF) costs nothing but a
     * warning; more than one per KiB is a binary file */
    size_t n_ctl = 0;
    for (size_t i = 0; i < n; i++) n_ctl += is_control((unsigned char)s[i]);
    bool stray_ok = n_ctl * 1024 <= n && !(im->o && im->o->strict);
    long line = 1;
    size_t ls = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        const char *why = NULL;
        size_t step = 1;
        if (c == '\n') {
            if (i - ls > MAX_LINE && long_line(im, line, i - ls) != 0) return -1;
            line++; ls = i + 1; i++;
            continue;
        }
        if (c == 0) why = "NUL byte (binary file?)";
        else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v') why = "control character (binary file?)";
        else if (c == 0x7F) why = "control character (binary file?)";
        else if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k < 0) why = "invalid UTF-8";
            else step = (size_t)k;
        }
        if (why && stray_ok && is_control(c)) {
            lit_warn(im->d, im->path, line, (long)(i - ls) + 1, "control character 0x%02X read as a space", c);
            own_copy(copy, s, n)[i++] = ' ';
            continue;
        }
        if (why) {
            long col = (long)(i - ls) + 1;
            if (!im->o || !im->o->lenient) return lit_error(im->d, im->path, line, col, "%s", why);
            lit_warn(im->d, im->path, line, col, "%s; line skipped", why);
            size_t e = i;
            while (e < n && s[e] != '\n') e++;
            memset(own_copy(copy, s, n) + ls, ' ', e - ls);
            i = e;
            continue;
        }
        i += step;
    }
    if (n - ls > MAX_LINE && long_line(im, line, n - ls) != 0) return -1;
    return 0;
}

/* ---------- entry point ---------- */

/* Forgets the state of a finished or aborted parse. */
static void reset_parse(imp *im)
{
    for (size_t i = 0; i < (size_t)im->n_link_open && i < 16; i++) free(im->link_href[i]);
    im->n_link_open = 0;
    unit_reset(&im->cur);
    lit_buf_reset(&im->pend);
    for (int i = 0; i < 32; i++) unit_reset(&im->tab.cells[i]);
    for (int i = 0; i < im->tab.n_head; i++) free(im->tab.head[i]);
    im->tab.n_head = 0;
    pop_sections(im, 0);
    im->n_li = 0;
    im->list_depth = im->skip_depth = im->img_depth = im->quote_depth = 0;
    im->in_heading = im->in_table = im->in_cell = false;
    im->failed = 0;
}

int lit_import_list(lit_catalog *cat, const char *path, const char *data, size_t len,
                    const lit_import_opts *o, lit_diag *d)
{
    if (len > (size_t)INT_MAX) return lit_error(d, path, 0, 0, "file too large");
    imp im;
    memset(&im, 0, sizeof im);
    im.cat = cat;
    im.path = path;
    const char *slash = strrchr(path, '/');
    im.list = slash ? slash + 1 : path;
    im.o = o;
    im.d = d;
    char *copy = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\n') { LIT_GROW(im.nl, cap, im.n_nl + 1); im.nl[im.n_nl++] = i; }
    int rc = validate(&im, data, len, &copy);
    if (rc == 0 && im.long_lines) {
        char *shorter = drop_long_lines(&im, copy ? copy : data, &len);
        free(copy);
        copy = shorter;
    }
    /* md4c (0.4.8) reads the byte after a file that ends inside a link destination
     * ("[Paper](http://x.org/p" at the end) and, when that byte is ')', reports text
     * of a wrapped size. It parses a copy that ends with a newline and a NUL. */
    const char *buf = copy ? copy : data;
    size_t plen = len;
    if (rc == 0 && (len == 0 || buf[len - 1] != '\n')) {
        char *c = lit_xmalloc(len + 2);
        memcpy(c, buf, len);
        c[len] = '\n';
        c[len + 1] = 0;
        free(copy);
        buf = copy = c;
        plen = len + 1;
    }
    im.base = buf;
    im.len = len;
    size_t before = cat->n_papers;
    if (rc == 0) {
        /* YAML front matter (GitBook) is not part of the list */
        size_t start = 0;
        if (len >= 4 && !strncmp(buf, "---\n", 4)) {
            for (size_t i = 3; i + 4 <= len && !start; i++)
                if (!memcmp(buf + i, "\n---", 4) && (i + 4 == len || buf[i + 4] == '\n')) start = i + 4;
        }
        if (!looks_markdown(buf + start, len - start)) {
            rc = import_plain(&im, buf + start, len - start, line_of(&im, buf + start));
        } else {
            MD_PARSER p;
            memset(&p, 0, sizeof p);
            p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                      MD_FLAG_PERMISSIVEWWWAUTOLINKS;
            p.enter_block = enter_block;
            p.leave_block = leave_block;
            p.enter_span = enter_span;
            p.leave_span = leave_span;
            p.text = on_text;
            /* a list with no tags and no paper links anywhere: its leaf items are the
             * papers (second pass, only when the first found none) */
            for (int pass = 0; pass < 2 && rc == 0 && cat->n_papers == before; pass++) {
                if (pass) reset_parse(&im);
                im.loose = pass == 1;
                int r = md_parse(buf + start, (MD_SIZE)(plen - start), &p, &im);
                if (!im.failed && !r) im.failed = flush_cur(&im, 'p', false) || flush_pend(&im) ? 1 : 0;
                if (im.failed) rc = -1;
                else if (r) rc = lit_error(d, path, 1, 1, "cannot parse the Markdown");
            }
        }
    }
    if (rc == 0 && cat->n_papers == before)
        rc = lit_error(d, path, 1, 1, "no papers found in '%s'", im.list);
    /* on failure the papers of this file are taken back */
    if (rc != 0) cat->n_papers = before;
    for (size_t i = 0; i < (size_t)im.n_link_open && i < 16; i++) free(im.link_href[i]);
    unit_free(&im.cur);
    lit_buf_free(&im.pend);
    for (int i = 0; i < 32; i++) unit_free(&im.tab.cells[i]);
    for (int i = 0; i < im.tab.n_head; i++) free(im.tab.head[i]);
    pop_sections(&im, 0);
    free(im.sec);
    free(im.li);
    free(im.nl);
    free(copy);
    return rc;
}
