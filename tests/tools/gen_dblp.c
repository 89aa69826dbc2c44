/* gen_dblp.c - a dump in DBLP's format drawn from the word and name frequencies of real DBLP records, with query catalogs of its titles, for the index benchmark. */
/*
 * gen_dblp [-m MODEL] [-s SEED] [-q N:CATALOG]... OUTDIR N
 *
 * Writes OUTDIR/dblp.xml.gz (gzip level 1) and OUTDIR/dblp.dtd as DBLP distributes them:
 * ISO-8859-1 declared, ASCII, every other character an entity (&uuml; from the DTD, or
 * &#NNN;), a DOCTYPE naming the DTD, N publication records (inproceedings, articles with
 * CoRR preprints among them, incollections, books, theses) with their <crossref>ed
 * proceedings, <ee> DOI and other links, homonym numbers (Wei Wang 0002), title markup,
 * and person pages (<www key="homepages/...">, about one per two publications, as in
 * DBLP). Authors are about half as many persons as records, some prolific, each with one
 * name. Titles are drawn token by token, and names given and family part, from
 * tests/tools/dblp_model.txt (counts of 2.9 million real DBLP records, made by
 * dblp_model.py), so the index sees DBLP's word frequencies; words past the model's
 * most frequent continue its Zipf curve (rarer words made of real rare words' halves).
 *
 * -q N:CATALOG writes a catalog of N papers that are records of the dump (with
 * replacement) as lists cite them: the title as DBLP has it (45%), recased and
 * repunctuated (15%), a word dropped (15%), with the DOI (10%), with the arXiv id of a
 * preprint (5%), and 10% titles of no record. Each has `expect: KEY` (the record it
 * came from, absent for the 10%), for measuring recall. The same arguments give the
 * same bytes.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include "buf.h"
#include "catalog.h"

/* ---- PRNG: splitmix64 ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static size_t below(size_t n) { return n ? (size_t)(((unsigned __int128)rnd() * n) >> 64) : 0; }
static double unit(void) { return (double)(rnd() >> 11) * (1.0 / 9007199254740992.0); }
static int chance(double p) { return unit() < p; }

/* ---- the model: counted strings, and for words and names a tail past them ---- */

typedef struct dist {
    char **s;
    double *cum;              /* cumulative counts of the listed strings */
    size_t n;
    double tail;              /* count of everything not listed (words: rarer ones) */
    char **tw;                /* real rare words, halves of which make the tail's words */
    size_t ntw;
    uint64_t salt;
} dist;

#define TAIL_WORDS 6000000.0

static void dist_add(dist *d, const char *s, double c)
{
    d->s = lit_xrealloc(d->s, (d->n + 1) * sizeof *d->s);
    d->cum = lit_xrealloc(d->cum, (d->n + 1) * sizeof *d->cum);
    d->s[d->n] = lit_xstrdup(s);
    d->cum[d->n] = (d->n ? d->cum[d->n - 1] : 0) + c;
    d->n++;
}

static size_t dist_index(const dist *d, double u)
{
    size_t lo = 0, hi = d->n - 1;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (d->cum[m] <= u) lo = m + 1;
        else hi = m;
    }
    return lo;
}

/* A draw: a listed string by its count, or (with the tail's share) a rarer word of
 * rank r past the listed ones, P(r) ~ 1/r (Zipf's law continued), made of the first
 * half of one real rare word and the second half of another. buf holds the result. */
static const char *dist_draw(const dist *d, char *buf, size_t cap)
{
    double total = (d->n ? d->cum[d->n - 1] : 0) + (d->ntw ? d->tail : 0);
    double u = unit() * total;
    if (!d->ntw || u < d->cum[d->n - 1]) return d->s[dist_index(d, u)];
    double k = (double)d->n;
    uint64_t r = (uint64_t)(k * exp(unit() * log((k + TAIL_WORDS) / k)));
    uint64_t h = mix(r ^ d->salt);
    const char *a = d->tw[h % d->ntw], *b = d->tw[(h >> 32) % d->ntw];
    size_t la = strlen(a), lb = strlen(b), ka = (la + 1) / 2, kb = lb / 2;
    snprintf(buf, cap, "%.*s%s", (int)ka, a, b + kb);
    return buf;
}


typedef struct model {
    dist types, titlelen, token, given, family, homonym, years;
    dist authors[8];          /* per type name, see auth_type */
    char *auth_type[8];
    size_t n_auth;
    dist venues[8];           /* per type */
    char *venue_type[8];
    size_t n_vt;
} model;

static dist *section(model *m, const char *name, bool *tail)
{
    *tail = false;
    size_t n = strlen(name);
    if (n > 5 && strcmp(name + n - 5, "-tail") == 0) {
        *tail = true;
        char base[64];
        snprintf(base, sizeof base, "%.*s", (int)(n - 5), name);
        return strcmp(base, "token") == 0 ? &m->token : strcmp(base, "given") == 0 ? &m->given
             : strcmp(base, "family") == 0 ? &m->family : NULL;
    }
    if (!strcmp(name, "type")) return &m->types;
    if (!strcmp(name, "titlelen")) return &m->titlelen;
    if (!strcmp(name, "token")) return &m->token;
    if (!strcmp(name, "given")) return &m->given;
    if (!strcmp(name, "family")) return &m->family;
    if (!strcmp(name, "homonym")) return &m->homonym;
    if (!strcmp(name, "year")) return &m->years;
    if (!strncmp(name, "authors-", 8) && m->n_auth < 8) {
        m->auth_type[m->n_auth] = lit_xstrdup(name + 8);
        return &m->authors[m->n_auth++];
    }
    return NULL;
}

static dist *venue_dist(model *m, const char *type)
{
    for (size_t i = 0; i < m->n_vt; i++) if (!strcmp(m->venue_type[i], type)) return &m->venues[i];
    if (m->n_vt == 8) return NULL;
    m->venue_type[m->n_vt] = lit_xstrdup(type);
    return &m->venues[m->n_vt++];
}

static int load_model(model *m, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "gen_dblp: cannot open '%s': %s\n", path, strerror(errno)); return -1; }
    char line[4096], name[64];
    dist *cur = NULL;
    bool tail = false, venues = false;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == '#' || !line[0]) continue;
        double total, distinct;
        if (line[0] == '[' && sscanf(line, "[%63[^]]] %lf %lf", name, &total, &distinct) == 3) {
            venues = strcmp(name, "venue") == 0;
            cur = venues ? NULL : section(m, name, &tail);
            if (cur && tail) cur->tail = total;
            if (cur) cur->salt = mix((uint64_t)(uintptr_t)cur ^ 77) & 0xFFFF;
            continue;
        }
        if (venues) {   /* count type prefix name */
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL, *t3 = t2 ? strchr(t2 + 1, '\t') : NULL;
            if (!t3) continue;
            *t1 = *t2 = *t3 = 0;
            dist *vd = venue_dist(m, t1 + 1);
            if (!vd) continue;
            lit_buf b = LIT_BUF_INIT;
            lit_buf_printf(&b, "%s\t%s", t2 + 1, t3 + 1);
            dist_add(vd, b.data, atof(line));
            lit_buf_free(&b);
            continue;
        }
        if (!cur) continue;
        if (tail) {
            cur->tw = lit_xrealloc(cur->tw, (cur->ntw + 1) * sizeof *cur->tw);
            cur->tw[cur->ntw++] = lit_xstrdup(line);
            continue;
        }
        char *tab = strchr(line, '\t');
        if (tab) dist_add(cur, tab + 1, atof(line));
    }
    fclose(f);
    if (!m->token.n || !m->given.n || !m->family.n || !m->titlelen.n || !m->years.n) {
        fprintf(stderr, "gen_dblp: '%s' is not a model (dblp_model.py writes one)\n", path);
        return -1;
    }
    m->token.salt = 1;
    m->given.salt = 2;
    m->family.salt = 3;
    return 0;
}

static const char *draw(const dist *d)
{
    static char buf[8][256];
    static int k;
    return dist_draw(d, buf[k++ & 7], sizeof buf[0]);
}

/* ---- XML text: ASCII, every other character an entity ---- */

static const char *const latin1[96] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};

static void xml_text(lit_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        if (c < 0x80) {
            if (c == '&') lit_buf_adds(b, "&amp;");
            else if (c == '<') lit_buf_adds(b, "&lt;");
            else if (c == '>') lit_buf_adds(b, "&gt;");
            else if (c >= 0x20) lit_buf_addc(b, (char)c);
            p++;
            continue;
        }
        unsigned cp = 0, k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        cp = k == 3 ? c & 7 : k == 2 ? c & 15 : c & 31;
        p++;
        for (unsigned i = 0; i < k && (*p & 0xC0) == 0x80; i++) cp = cp << 6 | (*p++ & 0x3F);
        if (!k) continue;   /* a stray continuation byte */
        if (cp >= 0xA0 && cp <= 0xFF) lit_buf_printf(b, "&%s;", latin1[cp - 0xA0]);
        else lit_buf_printf(b, "&#%u;", cp);
    }
}

static void write_dtd(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "gen_dblp: cannot write '%s'\n", path); exit(3); }
    fputs("<!-- dblp.dtd of a generated dump: DBLP's record elements and the ISO 8879 Latin 1 entities -->\n"
          "<!ELEMENT dblp (article|inproceedings|proceedings|book|incollection|phdthesis|mastersthesis|www|person|data)*>\n"
          "<!ENTITY % field \"author|editor|title|booktitle|pages|year|address|journal|volume|number|month|url|ee|"
          "cdrom|cite|publisher|note|crossref|isbn|series|school|chapter|publnr|stream|rel\">\n", f);
    static const char *const recs[] = {"article", "inproceedings", "proceedings", "book", "incollection",
                                       "phdthesis", "mastersthesis", "www", "data"};
    for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
        fprintf(f, "<!ELEMENT %s (%%field;)*>\n<!ATTLIST %s key CDATA #REQUIRED mdate CDATA #IMPLIED "
                   "publtype CDATA #IMPLIED cdate CDATA #IMPLIED>\n", recs[i], recs[i]);
    fputs("<!ELEMENT author (#PCDATA)>\n<!ATTLIST author orcid CDATA #IMPLIED>\n<!ELEMENT editor (#PCDATA)>\n"
          "<!ENTITY % titlecontents \"#PCDATA|sub|sup|i|tt|ref\">\n<!ELEMENT title (%titlecontents;)*>\n"
          "<!ELEMENT sup (%titlecontents;)*>\n<!ELEMENT sub (%titlecontents;)*>\n<!ELEMENT i (%titlecontents;)*>\n"
          "<!ELEMENT tt (%titlecontents;)*>\n<!ELEMENT ref (#PCDATA)>\n", f);
    static const char *const plain[] = {"booktitle", "pages", "year", "address", "journal", "volume", "number",
                                        "month", "url", "cdrom", "cite", "school", "publisher", "note",
                                        "crossref", "isbn", "series", "chapter", "publnr", "stream", "rel"};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) fprintf(f, "<!ELEMENT %s (#PCDATA)>\n", plain[i]);
    fputs("<!ELEMENT ee (#PCDATA)>\n<!ATTLIST ee type CDATA #IMPLIED>\n", f);
    for (int i = 0; i < 96; i++) fprintf(f, "<!ENTITY %-7s \"&#%d;\" >\n", latin1[i], 0xA0 + i);
    fclose(f);
}

/* ---- records ---- */

typedef struct query { uint64_t rec; char *path; size_t n; } query;

typedef struct gen {
    model m;
    gzFile gz;
    lit_buf out, t;
    /* proceedings written so far: a set of "prefix/year" */
    char **procs;
    size_t n_procs, cap_procs;
    uint64_t *proc_slots;
    size_t proc_mask;
    /* the picks of the query catalogs, sorted by record */
    uint64_t *picks;
    uint32_t *pick_cat;
    size_t n_picks, next_pick;
    lit_catalog *cats;
    size_t n_cats;
    uint64_t serial;
    uint64_t persons;         /* authors to draw from */
} gen;

static void flush(gen *g, bool all)
{
    if (g->out.len < (1u << 20) && !all) return;
    if (g->out.len && gzwrite(g->gz, g->out.data, (unsigned)g->out.len) != (int)g->out.len) {
        fprintf(stderr, "gen_dblp: write failed\n");
        exit(3);
    }
    lit_buf_reset(&g->out);
}

/* Has prefix/year's proceedings been written? Marks it when not. */
static bool proc_seen(gen *g, const char *key)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = key; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h |= 1;
    if (g->n_procs * 2 >= g->proc_mask) {
        size_t ns = g->proc_mask ? (g->proc_mask + 1) * 2 : 1024;
        uint64_t *slots = lit_xcalloc(ns, sizeof *slots);
        for (size_t i = 0; g->proc_slots && i <= g->proc_mask; i++) {
            if (!g->proc_slots[i]) continue;
            size_t j = g->proc_slots[i] & (ns - 1);
            while (slots[j]) j = (j + 1) & (ns - 1);
            slots[j] = g->proc_slots[i];
        }
        free(g->proc_slots);
        g->proc_slots = slots;
        g->proc_mask = ns - 1;
    }
    size_t j = h & g->proc_mask;
    for (; g->proc_slots[j]; j = (j + 1) & g->proc_mask)
        if (g->proc_slots[j] == h) return true;
    g->proc_slots[j] = h;
    g->n_procs++;
    return false;
}

static int draw_year(gen *g)
{
    /* DBLP has grown since the model's 2014: half of the records are of 2015-2025 */
    if (chance(0.5)) return 2015 + (int)(below(11) + below(11)) / 2 + (int)below(2) * 5 % 11 / 2;
    return atoi(draw(&g->m.years));
}

/* A person's name: given and family part drawn from the person's own seed, so that a
 * person has the same name in all their records; sometimes DBLP's homonym number. */
static void person_name(gen *g, uint64_t person, char *buf, size_t cap)
{
    uint64_t saved = rng_state;
    rng_state = mix(person * 0x9E3779B97F4A7C15ULL + 12345);
    const char *gv = draw(&g->m.given), *fm = draw(&g->m.family), *hn = draw(&g->m.homonym);
    if (strcmp(hn, "none") != 0) snprintf(buf, cap, "%s %s %s", gv, fm, hn);
    else snprintf(buf, cap, "%s %s", gv, fm);
    rng_state = saved;
}

/* An author: one of about half as many persons as records (DBLP has 3.6 million for 7.5
 * million publications), the prolific ones more often (P(person < x) = (x / P)^(2/3): the
 * first of 3.75 million has about a thousand papers, as DBLP's most prolific do). */
static void draw_name(gen *g, char *buf, size_t cap)
{
    double u = unit();
    person_name(g, (uint64_t)((double)g->persons * u * sqrt(u)), buf, cap);
}

static size_t draw_count(const dist *d)
{
    return (size_t)atoi(draw(d));
}

static const dist *authors_for(gen *g, const char *type)
{
    for (size_t i = 0; i < g->m.n_auth; i++) if (!strcmp(g->m.auth_type[i], type)) return &g->m.authors[i];
    return &g->m.authors[0];
}

/* A title: tokens drawn by frequency, the first capitalised; a few with markup. */
static void draw_title(gen *g, lit_buf *t, lit_buf *xml)
{
    size_t n = draw_count(&g->m.titlelen);
    if (n < 1) n = 1;
    lit_buf_reset(t);
    lit_buf_reset(xml);
    for (size_t i = 0; i < n; i++) {
        char w[256];
        snprintf(w, sizeof w, "%s", draw(&g->m.token));
        if (i == 0) w[0] = (char)toupper((unsigned char)w[0]);
        if (i) { lit_buf_addc(t, ' '); lit_buf_addc(xml, ' '); }
        lit_buf_adds(t, w);
        if (chance(0.002)) { lit_buf_adds(xml, "<i>"); xml_text(xml, w); lit_buf_adds(xml, "</i>"); }
        else if (chance(0.001) && strlen(w) > 1) {
            xml_text(xml, w);
            lit_buf_adds(xml, "<sub>2</sub>");
            lit_buf_addc(t, '2');
        } else xml_text(xml, w);
    }
    char last = t->len ? t->data[t->len - 1] : 0;
    if (last != '?' && last != '!' && last != '.') lit_buf_addc(xml, '.');
}

static void key_suffix(gen *g, lit_buf *b, const char *family, int year)
{
    for (const char *p = family; *p; p++) if (isalpha((unsigned char)*p)) lit_buf_addc(b, *p);
    uint64_t s = g->serial++;
    lit_buf_printf(b, "%02d", year % 100);
    do { lit_buf_addc(b, (char)('a' + s % 26)); s /= 26; } while (s);
}

static const char *const doi_prefix[] = {"10.1145", "10.1109", "10.1007", "10.1016", "10.18653", "10.1137",
                                         "10.1093", "10.1002", "10.5555", "10.14778"};

static void add_query(gen *g, size_t cat, const char *key, const char *title, int year, const char *venue,
                      const char *doi, const char *arxiv, uint64_t qno)
{
    lit_catalog *c = &g->cats[cat];
    lit_paper *p = lit_catalog_add(c);
    lit_arena *a = &c->arena;
    p->key = lit_arena_printf(a, "q%07llu", (unsigned long long)qno);
    double u = unit();
    lit_buf t = LIT_BUF_INIT;
    lit_buf_adds(&t, title);
    if (u < 0.10) {   /* a title of no record */
        lit_buf tx = LIT_BUF_INIT;
        draw_title(g, &t, &tx);
        lit_buf_free(&tx);
        key = NULL;
    } else if (u < 0.25) {   /* recased, repunctuated */
        for (size_t i = 0; i < t.len; i++) t.data[i] = (char)tolower((unsigned char)t.data[i]);
        char *colon = strchr(t.data, ':');
        if (colon) *colon = ',';
    } else if (u < 0.40) {   /* a word dropped */
        char *sp = strchr(t.data, ' ');
        size_t words = 1;
        for (char *q = t.data; *q; q++) words += *q == ' ';
        if (sp && words > 3) {
            size_t k = 1 + below(words - 1), at = 0;
            for (size_t i = 0; i < t.len && k; i++) if (t.data[i] == ' ' && --k == 0) at = i;
            size_t end = at + 1;
            while (end < t.len && t.data[end] != ' ') end++;
            memmove(t.data + at, t.data + end, t.len - end + 1);
            t.len -= end - at;
        }
    } else if (u < 0.50) {
        if (doi) p->doi = lit_arena_strdup(a, doi);
    } else if (u < 0.55) {
        if (arxiv) p->arxiv = lit_arena_strdup(a, arxiv);
    }
    p->title = lit_arena_strdup(a, t.data);
    lit_buf_free(&t);
    p->year = (int16_t)year;
    if (venue) p->venue = lit_catalog_venue_id(c, venue);
    if (key) {
        p->extras = lit_arena_alloc(a, sizeof *p->extras);
        p->extras[0] = (lit_extra){"expect", {LIT_NODE_SCALAR, lit_arena_strdup(a, key), true, NULL, 0}};
        p->n_extras = 1;
    }
}

/* One publication record (and its proceedings when first cited, and sometimes a
 * person page after it). */
static void record(gen *g, uint64_t i)
{
    lit_buf *o = &g->out;
    double u = unit();
    const char *type = u < 0.48 ? "inproceedings" : u < 0.85 ? "article" : u < 0.98 ? "corr"
                     : u < 0.988 ? "incollection" : u < 0.992 ? "book" : "phdthesis";
    bool corr = strcmp(type, "corr") == 0;
    if (corr) type = "article";
    int year = draw_year(g);
    if (corr && year < 2007) year = 2007 + (int)below(19);
    char names[64][256];
    size_t na = draw_count(authors_for(g, type));
    if (na > 64) na = 64;
    if (strcmp(type, "phdthesis") == 0 || strcmp(type, "incollection") == 0) na = na ? na : 1;
    for (size_t k = 0; k < na; k++) draw_name(g, names[k], sizeof names[k]);
    char family[256] = "Anonymous";
    if (na) {
        const char *sp = strrchr(names[0], ' ');
        if (sp && isdigit((unsigned char)sp[1])) {   /* the family name before the number */
            const char *e = sp;
            while (e > names[0] && e[-1] != ' ') e--;
            snprintf(family, sizeof family, "%.*s", (int)(sp - e), e);
        } else snprintf(family, sizeof family, "%s", sp ? sp + 1 : names[0]);
    }
    /* venue and key */
    char vbuf[512] = "", prefix[512] = "";
    const char *vt = strcmp(type, "incollection") == 0 || strcmp(type, "book") == 0 ? "incollection" : type;
    dist *vd = venue_dist(&g->m, vt);
    if (!corr && vd && vd->n) {
        snprintf(vbuf, sizeof vbuf, "%s", vd->s[dist_index(vd, unit() * vd->cum[vd->n - 1])]);
        char *tab = strchr(vbuf, '\t');
        *tab = 0;
        snprintf(prefix, sizeof prefix, "%s", vbuf);
        memmove(vbuf, tab + 1, strlen(tab + 1) + 1);
    }
    lit_buf key = LIT_BUF_INIT;
    char arxiv[32] = "";
    if (corr) {
        snprintf(arxiv, sizeof arxiv, "%02d%02d.%05u", year % 100, 1 + (int)below(12), (unsigned)(g->serial++ % 100000));
        lit_buf_printf(&key, "journals/corr/abs-%.4s-%s", arxiv, arxiv + 5);
    } else if (strcmp(type, "phdthesis") == 0) {
        lit_buf_adds(&key, "phd/");
        key_suffix(g, &key, family, year);
    } else {
        lit_buf_printf(&key, "%s/", *prefix ? prefix : "books/daglib");
        key_suffix(g, &key, family, year);
    }
    lit_buf title = LIT_BUF_INIT, txml = LIT_BUF_INIT;
    draw_title(g, &title, &txml);

    lit_buf_printf(o, "<%s mdate=\"20%02d-%02d-%02d\" key=\"%s\"%s>\n", type, 17 + (int)below(9), 1 + (int)below(12),
                   1 + (int)below(28), key.data, corr || chance(0.01) ? " publtype=\"informal\"" : "");
    for (size_t k = 0; k < na; k++) {
        lit_buf_adds(o, chance(0.1) ? "<author orcid=\"0000-0002-1825-0097\">" : "<author>");
        xml_text(o, names[k]);
        lit_buf_adds(o, "</author>\n");
    }
    lit_buf_adds(o, "<title>");
    lit_buf_add(o, txml.data, txml.len);
    lit_buf_adds(o, "</title>\n");
    char doi[128] = "";
    if (corr) {
        lit_buf_printf(o, "<year>%d</year>\n<volume>abs/%s</volume>\n<journal>CoRR</journal>\n", year, arxiv);
        snprintf(doi, sizeof doi, "10.48550/arXiv.%s", arxiv);
        lit_buf_printf(o, "<ee type=\"oa\">https://doi.org/%s</ee>\n", doi);
        lit_buf_printf(o, "<url>db/journals/corr/corr%.4s.html#abs-%.4s-%s</url>\n", arxiv, arxiv, arxiv + 5);
    } else {
        unsigned first = 1 + (unsigned)below(900), len = 1 + (unsigned)below(20);
        if (strcmp(type, "book") != 0 && strcmp(type, "phdthesis") != 0)
            lit_buf_printf(o, "<pages>%u-%u</pages>\n", first, first + len);
        lit_buf_printf(o, "<year>%d</year>\n", year);
        if (strcmp(type, "article") == 0) {
            lit_buf_printf(o, "<volume>%u</volume>\n<journal>", 1 + (unsigned)below(60));
            xml_text(o, vbuf);
            lit_buf_printf(o, "</journal>\n<number>%u</number>\n", 1 + (unsigned)below(12));
        } else if (*vbuf && strcmp(type, "book") != 0 && strcmp(type, "phdthesis") != 0) {
            lit_buf_adds(o, "<booktitle>");
            xml_text(o, vbuf);
            lit_buf_adds(o, "</booktitle>\n");
        }
        if (strcmp(type, "phdthesis") == 0) lit_buf_adds(o, "<school>Universit&auml;t Trier</school>\n");
        if (strcmp(type, "book") == 0) lit_buf_adds(o, "<publisher>Springer</publisher>\n");
        if (chance(0.8)) {
            snprintf(doi, sizeof doi, "%s/%llu.%llu", doi_prefix[mix(i) % 10], (unsigned long long)(1000000 + i),
                     (unsigned long long)(mix(i * 7) % 100000));
            lit_buf_printf(o, "<ee>https://doi.org/%s</ee>\n", doi);
        }
        if (chance(0.3)) lit_buf_printf(o, "<ee type=\"oa\">https://arxiv.org/abs/%02d%02u.%05u</ee>\n", year % 100,
                                        1 + (unsigned)below(12), (unsigned)below(100000));
        if (strcmp(type, "inproceedings") == 0 && *prefix)
            lit_buf_printf(o, "<crossref>%s/%d</crossref>\n", prefix, year);
        lit_buf_printf(o, "<url>db/%s/%d.html#%s</url>\n", *prefix ? prefix : "books", year, strrchr(key.data, '/') + 1);
    }
    lit_buf_printf(o, "</%s>\n", type);

    /* the proceedings, when first cited */
    if (strcmp(type, "inproceedings") == 0 && *prefix) {
        char pk[600];
        snprintf(pk, sizeof pk, "%s/%d", prefix, year);
        if (!proc_seen(g, pk)) {
            lit_buf_printf(o, "<proceedings mdate=\"2020-01-01\" key=\"%s\">\n", pk);
            char ed[256];
            draw_name(g, ed, sizeof ed);
            lit_buf_adds(o, "<editor>");
            xml_text(o, ed);
            lit_buf_adds(o, "</editor>\n<title>Proceedings of ");
            xml_text(o, vbuf);
            lit_buf_printf(o, " %d</title>\n<booktitle>", year);
            xml_text(o, vbuf);
            lit_buf_printf(o, "</booktitle>\n<publisher>%s</publisher>\n<year>%d</year>\n<isbn>978-1-4503-%04u-%u</isbn>\n"
                              "<url>db/%s/%d.html</url>\n</proceedings>\n",
                           chance(0.5) ? "ACM" : "IEEE", year, (unsigned)below(10000), (unsigned)below(10), prefix, year);
        }
    }
    /* a person page, as DBLP has about one per two publications */
    if (chance(0.47)) {
        char pn[256];
        draw_name(g, pn, sizeof pn);
        lit_buf_printf(o, "<www mdate=\"2020-01-01\" key=\"homepages/%u/%u\">\n<author>", (unsigned)below(400),
                       (unsigned)below(10000));
        xml_text(o, pn);
        lit_buf_adds(o, "</author>\n<title>Home Page</title>\n</www>\n");
    }
    /* the query catalogs that picked this record */
    while (g->next_pick < g->n_picks && g->picks[g->next_pick] == i) {
        add_query(g, g->pick_cat[g->next_pick], key.data, title.data, year, corr ? "CoRR" : *vbuf ? vbuf : NULL,
                  *doi ? doi : NULL, *arxiv ? arxiv : NULL, g->cats[g->pick_cat[g->next_pick]].n_papers);
        g->next_pick++;
    }
    lit_buf_free(&key);
    lit_buf_free(&title);
    lit_buf_free(&txml);
    flush(g, false);
}

typedef struct pick { uint64_t rec; uint32_t cat; } pick;

static int pick_cmp(const void *a, const void *b)
{
    const pick *x = a, *y = b;
    if (x->rec != y->rec) return x->rec < y->rec ? -1 : 1;
    return x->cat < y->cat ? -1 : x->cat > y->cat;
}

static uint64_t parse_count(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (*end == 'k' || *end == 'K') v *= 1e3;
    else if (*end == 'm' || *end == 'M') v *= 1e6;
    return (uint64_t)v;
}

int main(int argc, char **argv)
{
    const char *model_path = "tests/tools/dblp_model.txt";
    uint64_t seed = 1;
    query qs[8];
    size_t nq = 0;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "-m") && a + 1 < argc) model_path = argv[++a];
        else if (!strcmp(argv[a], "-s") && a + 1 < argc) seed = strtoull(argv[++a], NULL, 10);
        else if (!strcmp(argv[a], "-q") && a + 1 < argc && nq < 8) {
            char *colon = strchr(argv[++a], ':');
            if (!colon) break;
            *colon = 0;
            qs[nq++] = (query){0, colon + 1, parse_count(argv[a])};
        } else break;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: gen_dblp [-m MODEL] [-s SEED] [-q N:CATALOG]... OUTDIR N\n");
        return 2;
    }
    const char *dir = argv[a];
    uint64_t n = parse_count(argv[a + 1]);
    gen g;
    memset(&g, 0, sizeof g);
    if (load_model(&g.m, model_path) != 0) return 1;
    rng_state = seed * 0x2545F4914F6CDD1DULL;
    g.persons = n / 2 + 1;
    mkdir(dir, 0777);
    char path[4096];
    snprintf(path, sizeof path, "%s/dblp.dtd", dir);
    write_dtd(path);

    /* the query catalogs' records, drawn now so that the dump's draws do not depend on them */
    size_t total = 0;
    for (size_t q = 0; q < nq; q++) total += qs[q].n;
    pick *pk = lit_xmalloc((total ? total : 1) * sizeof *pk);
    size_t k = 0;
    for (size_t q = 0; q < nq; q++)
        for (size_t j = 0; j < qs[q].n; j++) pk[k++] = (pick){mix(seed * 1000003 + q * 7919 + j * 104729) % (n ? n : 1), (uint32_t)q};
    qsort(pk, total, sizeof *pk, pick_cmp);
    g.picks = lit_xmalloc((total ? total : 1) * sizeof *g.picks);
    g.pick_cat = lit_xmalloc((total ? total : 1) * sizeof *g.pick_cat);
    for (size_t j = 0; j < total; j++) { g.picks[j] = pk[j].rec; g.pick_cat[j] = pk[j].cat; }
    g.n_picks = total;
    free(pk);
    g.cats = lit_xcalloc(nq ? nq : 1, sizeof *g.cats);
    g.n_cats = nq;
    for (size_t q = 0; q < nq; q++) lit_catalog_init(&g.cats[q]);

    snprintf(path, sizeof path, "%s/dblp.xml.gz", dir);
    g.gz = gzopen(path, "wb1");
    if (!g.gz) { fprintf(stderr, "gen_dblp: cannot write '%s'\n", path); return 3; }
    gzbuffer(g.gz, 1 << 20);
    lit_buf_adds(&g.out, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n");
    for (uint64_t i = 0; i < n; i++) record(&g, i);
    lit_buf_adds(&g.out, "</dblp>\n");
    flush(&g, true);
    if (gzclose(g.gz) != Z_OK) { fprintf(stderr, "gen_dblp: write failed\n"); return 3; }
    lit_buf_free(&g.out);
    lit_diag d;
    lit_diag_init(&d, stderr);
    for (size_t q = 0; q < nq; q++)
        if (lit_catalog_save(&g.cats[q], qs[q].path, &d) != 0) return 3;
    return 0;
}
