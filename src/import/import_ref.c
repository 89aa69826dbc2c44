/* import_ref.c - one reference-manager record (CSL-JSON, RIS) into a catalog paper, with
 * the BibTeX importer's venue mapping and arXiv rules. */
#include "import_ref.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "keys.h"
#include "latex_text.h"
#include "text.h"

static const char *strip_doi(const char *s)
{
    static const char *const pre[] = {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                      "http://dx.doi.org/", "doi:", NULL};
    for (int k = 0; pre[k]; k++)
        if (strncasecmp(s, pre[k], strlen(pre[k])) == 0) { s += strlen(pre[k]); k = -1; }
    return s;
}

static bool has_arxiv(const char *s)
{
    for (; *s; s++)
        if (strncasecmp(s, "arxiv", 5) == 0) return true;
    return false;
}

/* "PipeDream" of "PipeDream: Generalized ...": one word with a capital before the colon. */
static const char *short_name(lit_arena *a, const char *title, const char *st)
{
    if (st && *st && strlen(st) <= 40 && strcmp(st, title) != 0) {
        int words = 1;
        for (const char *q = st; *q; q++) words += *q == ' ';
        if (words <= 3) return lit_arena_strdup(a, st);
    }
    const char *colon = strstr(title, ": ");
    if (!colon || colon == title || colon - title > 40 || memchr(title, ' ', (size_t)(colon - title))) return NULL;
    for (const char *q = title; q < colon; q++)
        if (isupper((unsigned char)*q)) return lit_arena_strndup(a, title, (size_t)(colon - title));
    return NULL;
}

int lit_ref_year(const char *s)
{
    for (const char *q = s; q && *q; q++)
        if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
            isdigit((unsigned char)q[3]) && !isdigit((unsigned char)q[4]) && (q == s || !isdigit((unsigned char)q[-1])))
            return atoi(q);
    return 0;
}

int lit_ref_month(const char *s)
{
    for (const char *q = s; q && *q; q++)
        if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
            isdigit((unsigned char)q[3]) && !isdigit((unsigned char)q[4]) && (q == s || !isdigit((unsigned char)q[-1]))) {
            if ((q[4] != '-' && q[4] != '/') || !isdigit((unsigned char)q[5])) return 0;
            int m = atoi(q + 5);
            return m >= 1 && m <= 12 ? m : 0;
        }
    return 0;
}

/* s with what text may not hold replaced (text.h), and a warning at the entry's line. */
static const char *clean(lit_ref_ctx *c, const char *s, const char *field, long line)
{
    lit_text_fault f;
    const char *r = lit_text_clean(&c->cat->arena, s, &f);
    char what[48];
    if (f.kind && c->d)
        lit_warn_many(c->d, "characters replaced by U+FFFD", c->path, line, 0, "%s in the %s replaced by U+FFFD",
                      lit_text_fault_str(&f, what), field);
    return r;
}

/* "Given Family" names (one a line) as a BibTeX name list: " and " between them, a name
 * with a comma or an "and" of its own (an organisation) braced whole. */
static const char *name_list(lit_arena *a, const char *names)
{
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    for (const char *p = names; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        lit_buf one = LIT_BUF_INIT;
        lit_buf_add(&one, p, n);
        const char *t = lit_rec_tex(a, lit_buf_str(&one), false);
        bool whole = strchr(t, ',') || strstr(t, " and ");
        if (n) lit_buf_printf(&b, "%s%s%s%s", b.len ? " and " : "", whole ? "{" : "", t, whole ? "}" : "");
        lit_buf_free(&one);
        p += n + (e != NULL);
    }
    const char *r = b.len ? lit_arena_strdup(a, b.data) : NULL;
    lit_buf_free(&b);
    return r;
}

/* The item's type and record fields as the BibTeX importer keeps them: bibtype (and the
 * CSL type when bibtype does not say it), and a bib map of BibTeX fields, LaTeX source. */
static void keep_record(lit_ref_ctx *c, lit_paper *p, const lit_ref *r, long line)
{
    lit_arena *a = &c->cat->arena;
    lit_node *items = lit_arena_alloc(a, 2 * (lit_rec_n_fields + 2) * sizeof *items);
    size_t n = 0;
    const char *cf = lit_rec_container_field(r->type);
    if (cf && r->container && *r->container) {
        items[2 * n] = (lit_node){LIT_NODE_SCALAR, cf, false, NULL, 0};
        items[2 * n + 1] = (lit_node){LIT_NODE_SCALAR, lit_rec_tex(a, clean(c, r->container, "venue", line), false), true, NULL, 0};
        n++;
    }
    for (size_t i = 0; i < lit_rec_n_fields; i++) {
        const lit_rec_field *f = &lit_rec_fields[i];
        const char *v = r->fields[i] ? clean(c, r->fields[i], f->bib, line) : NULL;
        if (!v || !*v) continue;
        v = f->names ? name_list(a, v) : lit_rec_tex(a, v, !strcmp(f->bib, "pages"));
        if (!v) continue;
        items[2 * n] = (lit_node){LIT_NODE_SCALAR, lit_rec_bib_name(f, r->type), false, NULL, 0};
        items[2 * n + 1] = (lit_node){LIT_NODE_SCALAR, v, true, NULL, 0};
        n++;
    }
    if (lit_rec_month_name(r->month) && r->year) {   /* as a .bib's month macro expands */
        items[2 * n] = (lit_node){LIT_NODE_SCALAR, "month", false, NULL, 0};
        items[2 * n + 1] = (lit_node){LIT_NODE_SCALAR, lit_rec_month_name(r->month), true, NULL, 0};
        n++;
    }
    if (!r->type && !n) return;
    p->extras = lit_arena_alloc(a, 3 * sizeof *p->extras);
    if (r->type) p->extras[p->n_extras++] = (lit_extra){"bibtype", {LIT_NODE_SCALAR, r->type, false, NULL, 0}};
    if (r->type && r->csl_type && (!lit_rec_csl_of_type(r->type) || strcmp(lit_rec_csl_of_type(r->type), r->csl_type)))
        p->extras[p->n_extras++] = (lit_extra){"csltype", {LIT_NODE_SCALAR, lit_arena_strdup(a, r->csl_type), false, NULL, 0}};
    if (n) p->extras[p->n_extras++] = (lit_extra){"bib", {LIT_NODE_MAP, NULL, false, items, n}};
}

void lit_ref_add(lit_ref_ctx *c, const lit_ref *in, long line)
{
    lit_ref cr = *in, *r = &cr;
    cr.key = clean(c, cr.key, "key", line);
    cr.title = clean(c, cr.title, "title", line);
    cr.short_title = clean(c, cr.short_title, "short title", line);
    if (cr.n_authors) {
        const char **names = lit_arena_alloc(&c->cat->arena, cr.n_authors * sizeof *names);
        for (size_t i = 0; i < cr.n_authors; i++) names[i] = clean(c, cr.authors[i], "authors", line);
        cr.authors = names;
    }
    for (size_t i = 0; i < cr.n_venues; i++) cr.venues[i] = clean(c, cr.venues[i], "venue", line);
    cr.doi = clean(c, cr.doi, "DOI", line);
    cr.url = clean(c, cr.url, "URL", line);
    cr.keywords = clean(c, cr.keywords, "keywords", line);
    lit_catalog *cat = c->cat;
    lit_arena *a = &cat->arena;
    const lit_venues *vs = c->o ? c->o->venues : NULL;
    char arx[32] = "";
    const char *where[LIT_REF_MAX_VENUES + 7];
    size_t nw = 0;
    where[nw++] = r->url;
    where[nw++] = r->doi;
    for (size_t i = 0; i < r->n_ids; i++) where[nw++] = r->ids[i];
    for (size_t i = 0; i < r->n_venues; i++) where[nw++] = r->venues[i];
    for (size_t i = 0; i < nw && !*arx; i++) {
        /* an id counts where the text says arXiv, or in an id field that is little more */
        const char *s = where[i];
        bool id_field = i >= 2 && i < 2 + r->n_ids;
        if (s && (has_arxiv(s) || (id_field && (strstr(s, "abs/") || strlen(s) <= 16))))
            lit_bib_find_arxiv(s, arx);
    }
    const char *venue = NULL;
    bool arxiv_named = r->preprint;
    for (size_t i = 0; i < r->n_venues && !venue; i++) {
        if (lit_bib_is_arxiv_name(r->venues[i])) { arxiv_named = true; continue; }
        const lit_venue *v = vs && lit_venue_text_ok(r->venues[i]) ? lit_venues_match(vs, r->venues[i]) : NULL;
        if (v) venue = v->id;
    }
    for (size_t i = 0; i < r->n_venues && !venue && !arxiv_named; i++)   /* unknown: kept for `check` */
        if (lit_venue_text_ok(r->venues[i])) venue = r->venues[i];
    if (!venue && (arxiv_named || *arx)) {
        const lit_venue *ax = vs ? lit_venues_find(vs, "arXiv") : NULL;
        venue = ax ? ax->id : "arXiv";
    }

    lit_paper *p = lit_catalog_add(cat);
    /* a record number (RIS "ID  - 12") names the record, not a citation */
    bool number = r->key && strspn(r->key, "0123456789") == strlen(r->key);
    p->key = lit_key_citable(r->key) && !number ? lit_arena_strdup(a, r->key) : NULL;
    p->title = lit_arena_strdup(a, r->title);
    p->short_name = short_name(a, r->title, r->short_title);
    if (r->n_authors) {
        p->authors = lit_arena_alloc(a, r->n_authors * sizeof *p->authors);
        for (size_t i = 0; i < r->n_authors; i++) p->authors[i] = lit_arena_strdup(a, r->authors[i]);
        p->n_authors = (uint32_t)r->n_authors;
    }
    p->venue = venue ? lit_catalog_venue_id(cat, venue) : -1;
    p->year = (int16_t)r->year;
    if (!p->year && *arx) {
        p->year = (int16_t)lit_bib_arxiv_year(arx);
        p->year_inferred = p->year != 0;
    }
    if (r->doi && *r->doi && strncasecmp(strip_doi(r->doi), "10.48550/", 9) != 0)   /* arXiv's own DOIs */
        p->doi = lit_arena_strdup(a, strip_doi(r->doi));
    p->arxiv = *arx ? lit_arena_strdup(a, arx) : NULL;
    if (r->url && *r->url) {
        p->links = lit_arena_alloc(a, sizeof *p->links);
        p->links[0] = (lit_link){"paper", lit_arena_strdup(a, r->url)};
        p->n_links = 1;
    }
    if (r->keywords && c->o && c->o->topics) {
        char *kw = lit_xstrdup(r->keywords);
        size_t cnt = 1;
        for (const char *q = kw; *q; q++) cnt += *q == ',' || *q == ';' || *q == '\n';
        p->topics = lit_arena_alloc(a, cnt * sizeof *p->topics);
        for (char *tok = kw, *next; tok; tok = next) {
            next = strpbrk(tok, ",;\n");
            if (next) *next++ = 0;
            int ix = lit_topics_find(c->o->topics, tok);
            if (ix < 0) continue;
            int32_t id = lit_catalog_topic_id(cat, c->o->topics->t[ix].id);
            bool have = false;
            for (uint32_t q = 0; q < p->n_topics; q++) have |= p->topics[q] == id;
            if (!have) p->topics[p->n_topics++] = id;
        }
        free(kw);
    }
    p->sources = lit_arena_alloc(a, sizeof *p->sources);
    p->sources[0] = (lit_source){lit_arena_strdup(a, c->list), line > 0 ? line : 1, NULL};
    p->n_sources = 1;
    keep_record(c, p, r, line);
}
