/* online_json.c - the JSON answers of Crossref (/works), DBLP's publication search and OpenAlex
 * (/works) read into records, in the shapes the services send (see tests/fixtures/online/README.md). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>
#include "dblp_priv.h"   /* lit_dblp_strip_homonym, lit_dblp_strip_title_stop: DBLP's names and titles as the dump gives them */
#include "match.h"
#include "online_priv.h"

/* ---------- jansson, with the checks every answer needs ---------- */

static json_t *load(const char *body, size_t len, const char *service, lit_buf *err)
{
    json_error_t e;
    json_t *j = json_loadb(body, len, 0, &e);
    if (!j) lit_buf_printf(err, "malformed JSON at line %d, column %d: %s", e.line, e.column, e.text);
    else if (!json_is_object(j)) {
        lit_buf_printf(err, "not %s answer (a JSON %s, not an object)", service, json_is_array(j) ? "array" : "value");
        json_decref(j);
        j = NULL;
    }
    return j;
}

/* o's member k as a string; a number is its text (DBLP writes years as strings, others as numbers). */
static const char *str(json_t *o, const char *k, char num[32])
{
    json_t *v = json_is_object(o) ? json_object_get(o, k) : NULL;
    if (json_is_string(v)) return json_string_value(v);
    if (num && json_is_integer(v)) {
        snprintf(num, 32, "%lld", (long long)json_integer_value(v));
        return num;
    }
    return NULL;
}

/* The first string of v when it is an array of strings, v itself when a string. */
static const char *first_str(json_t *v)
{
    if (json_is_array(v)) v = json_array_get(v, 0);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* v as an array of n items: itself, or a one-item view of a single object (DBLP sends one
 * hit, author or ee without the array). */
static json_t *item(json_t *v, size_t i)
{
    return json_is_array(v) ? json_array_get(v, i) : i == 0 ? v : NULL;
}
static size_t items(json_t *v) { return json_is_array(v) ? json_array_size(v) : v ? 1 : 0; }

static int year_of(const char *s) { return s ? atoi(s) : 0; }

/* ---------- Crossref ---------- */

/* The year of a Crossref date field ({"date-parts": [[2019, 10, 27]]}), 0 when absent or null. */
static int crossref_year(json_t *w, const char *field)
{
    json_t *y = json_array_get(json_array_get(json_object_get(json_object_get(w, field), "date-parts"), 0), 0);
    return json_is_integer(y) ? (int)json_integer_value(y) : 0;
}

static void crossref_work(json_t *w, lit_arena *t, lit_catalog *rc)
{
    online_rec r = {0};
    const char *title = online_text(t, first_str(json_object_get(w, "title")), TEXT_ENTITIES | TEXT_TAGS);
    const char *sub = online_text(t, first_str(json_object_get(w, "subtitle")), TEXT_ENTITIES | TEXT_TAGS);
    r.key = r.doi = str(w, "DOI", NULL);
    if (!title || !r.key) return;
    if (sub && !strstr(title, sub)) {   /* Crossref may keep "Gandiva: Introspective ..." as title and subtitle */
        title = lit_arena_printf(t, "%s: %s", title, sub);
    }
    r.title = title;
    json_t *au = json_object_get(w, "author");
    for (size_t i = 0; i < items(au); i++) {
        json_t *a = item(au, i);
        const char *given = str(a, "given", NULL), *family = str(a, "family", NULL), *name = str(a, "name", NULL);
        lit_buf b = LIT_BUF_INIT;
        if (family) lit_buf_printf(&b, "%s%s%s", given ? given : "", given ? " " : "", family);
        else if (name) lit_buf_adds(&b, name);
        online_rec_author(&r, online_text(t, b.data, TEXT_ENTITIES));
        lit_buf_free(&b);
    }
    static const char *const dates[] = {"issued", "published-print", "published-online", "published"};
    for (size_t k = 0; k < sizeof dates / sizeof *dates && !r.year; k++) r.year = crossref_year(w, dates[k]);
    const char *container = online_text(t, first_str(json_object_get(w, "container-title")), TEXT_ENTITIES | TEXT_TAGS);
    if (online_rec_crossref_type(&r, str(w, "type", NULL), container))   /* a preprint: its server is its venue */
        r.venue = online_text(t, str(item(json_object_get(w, "institution"), 0), "name", NULL), TEXT_ENTITIES);
    else r.venue = container;
    r.bib[OB_PAGES] = str(w, "page", NULL);
    r.bib[OB_VOLUME] = str(w, "volume", NULL);
    r.bib[OB_NUMBER] = str(w, "issue", NULL);
    r.bib[OB_PUBLISHER] = online_text(t, str(w, "publisher", NULL), TEXT_ENTITIES);
    online_rec_add(rc, &r);
}

int online_read_crossref(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err)
{
    if (status == 404) return 0;   /* works/DOI of a DOI Crossref does not have: an answer, no record */
    json_t *j = load(body, len, "a Crossref", err);
    if (!j) return -1;
    const char *st = str(j, "status", NULL), *type = str(j, "message-type", NULL);
    json_t *m = json_object_get(j, "message");
    int n = -1;
    if (!st || !type || !json_is_object(m)) lit_buf_adds(err, "not a Crossref answer (no status, message-type and message)");
    else if (strcmp(st, "ok")) lit_buf_printf(err, "Crossref says '%s' (%s)", st, type);
    else if (!strcmp(type, "work") || !strcmp(type, "work-list")) {
        lit_arena t = {0};
        size_t before = rc->n_papers;
        if (!strcmp(type, "work")) crossref_work(m, &t, rc);
        else
            for (size_t i = 0; i < json_array_size(json_object_get(m, "items")); i++)
                crossref_work(json_array_get(json_object_get(m, "items"), i), &t, rc);
        n = (int)(rc->n_papers - before);
        lit_arena_free(&t);
    } else lit_buf_printf(err, "a Crossref answer of another kind ('%s')", type);
    json_decref(j);
    return n;
}

/* ---------- DBLP ---------- */

/* DBLP's kinds of publication (its search's "type") as BibTeX types, with their venue field. */
static const struct { const char *dblp, *bibtype; int venue_field; } dblp_types[] = {
    {"Conference and Workshop Papers", "inproceedings", OB_BOOKTITLE},
    {"Journal Articles", "article", OB_JOURNAL},
    {"Informal and Other Publications", "article", OB_JOURNAL},   /* CoRR, as the dump has it */
    {"Informal Publications", "article", OB_JOURNAL},
    {"Parts in Books or Collections", "incollection", OB_BOOKTITLE},
    {"Books and Theses", "book", -1},
    {"Editorship", "proceedings", -1},
};

static void dblp_hit(json_t *info, lit_arena *t, lit_catalog *rc)
{
    online_rec r = {0};
    char *title = (char *)online_text(t, str(info, "title", NULL), TEXT_ENTITIES);
    r.key = str(info, "key", NULL);
    if (!title || !r.key) return;
    lit_dblp_strip_title_stop(title);
    r.title = title;
    json_t *au = json_object_get(json_object_get(info, "authors"), "author");
    for (size_t i = 0; i < items(au); i++) {
        json_t *a = item(au, i);   /* "Name", or {"@pid": ..., "text": "Name 0001"} */
        char *name = (char *)online_text(t, json_is_string(a) ? json_string_value(a) : str(a, "text", NULL), TEXT_ENTITIES);
        if (name) lit_dblp_strip_homonym(name);
        online_rec_author(&r, name);
    }
    r.year = year_of(str(info, "year", NULL));
    r.venue = online_text(t, first_str(json_object_get(info, "venue")), TEXT_ENTITIES);
    r.doi = str(info, "doi", NULL);
    json_t *ee = json_object_get(info, "ee");
    for (size_t i = 0; i < items(ee) && !r.arxiv; i++) {
        const char *u = json_is_string(item(ee, i)) ? json_string_value(item(ee, i)) : NULL;
        if (u && strstr(u, "arxiv.org/")) r.arxiv = u;
        if (u && !r.doi && !strncasecmp(u, "https://doi.org/", 16)) r.doi = u;
    }
    const char *vol = str(info, "volume", NULL);
    if (!r.arxiv && r.venue && !strcmp(r.venue, "CoRR") && vol && !strncmp(vol, "abs/", 4)) r.arxiv = vol + 4;
    const char *type = str(info, "type", NULL);
    for (size_t k = 0; type && k < sizeof dblp_types / sizeof *dblp_types; k++)
        if (!strcmp(type, dblp_types[k].dblp)) {
            r.type = dblp_types[k].bibtype;
            if (dblp_types[k].venue_field >= 0) r.bib[dblp_types[k].venue_field] = r.venue;
        }
    r.bib[OB_VOLUME] = vol;
    r.bib[OB_NUMBER] = str(info, "number", NULL);
    r.bib[OB_PAGES] = str(info, "pages", NULL);
    r.bib[OB_PUBLISHER] = online_text(t, str(info, "publisher", NULL), TEXT_ENTITIES);
    online_rec_add(rc, &r);
}

int online_read_dblp(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err)
{
    (void)status;
    json_t *j = load(body, len, "a DBLP", err);
    if (!j) return -1;
    json_t *res = json_object_get(j, "result"), *hits = json_object_get(res, "hits");
    const char *code = str(json_object_get(res, "status"), "@code", NULL);
    int n = -1;
    if (!json_is_object(hits) || !code) lit_buf_adds(err, "not a DBLP search answer (no result.status and result.hits)");
    else if (strcmp(code, "200")) lit_buf_printf(err, "DBLP says '%s'", code);
    else {
        lit_arena t = {0};
        size_t before = rc->n_papers;
        json_t *hit = json_object_get(hits, "hit");
        for (size_t i = 0; i < items(hit); i++) dblp_hit(json_object_get(item(hit, i), "info"), &t, rc);
        n = (int)(rc->n_papers - before);
        lit_arena_free(&t);
    }
    json_decref(j);
    return n;
}

/* ---------- OpenAlex ---------- */

static void openalex_work(json_t *w, lit_arena *t, lit_catalog *rc)
{
    online_rec r = {0};
    const char *id = str(w, "id", NULL), *title = str(w, "title", NULL);
    if (!title) title = str(w, "display_name", NULL);
    r.title = online_text(t, title, TEXT_ENTITIES | TEXT_TAGS);
    if (!id || !r.title) return;
    const char *slash = strrchr(id, '/');
    r.key = slash ? slash + 1 : id;   /* https://openalex.org/W2741809807 -> W2741809807 */
    char num[32];
    r.year = year_of(str(w, "publication_year", num));
    r.doi = str(w, "doi", NULL);
    if (r.doi && strstr(r.doi, "10.48550/")) {   /* arXiv's own DOI names the preprint */
        char *a = lit_arxiv_of_doi(strstr(r.doi, "10.48550/"));
        r.arxiv = lit_arena_strdup(t, a);
        r.doi = NULL;
        free(a);
    }
    json_t *au = json_object_get(w, "authorships");
    for (size_t i = 0; i < json_array_size(au); i++)
        online_rec_author(&r, online_text(t, str(json_object_get(json_array_get(au, i), "author"), "display_name", NULL),
                                          TEXT_ENTITIES));
    json_t *src = json_object_get(json_object_get(w, "primary_location"), "source");
    const char *venue = online_text(t, str(src, "display_name", NULL), TEXT_ENTITIES);
    if (venue && !strncasecmp(venue, "arXiv", 5)) venue = "arXiv";   /* "arXiv (Cornell University)" */
    json_t *locs = json_object_get(w, "locations");
    for (size_t i = 0; i < json_array_size(locs) && !r.arxiv; i++) {
        const char *u = str(json_array_get(locs, i), "landing_page_url", NULL);
        if (u && strstr(u, "arxiv.org/abs/")) r.arxiv = u;
    }
    const char *type = str(w, "type_crossref", NULL);
    bool preprint = type ? online_rec_crossref_type(&r, type, venue) : (type = str(w, "type", NULL)) && !strcmp(type, "preprint");
    r.venue = preprint && r.arxiv ? "arXiv" : venue;
    json_t *bib = json_object_get(w, "biblio");
    const char *fp = str(bib, "first_page", NULL), *lp = str(bib, "last_page", NULL);
    lit_buf pages = LIT_BUF_INIT;
    if (fp) lit_buf_printf(&pages, "%s%s%s", fp, lp && strcmp(fp, lp) ? "-" : "", lp && strcmp(fp, lp) ? lp : "");
    r.bib[OB_PAGES] = pages.len ? lit_arena_strdup(t, pages.data) : NULL;
    lit_buf_free(&pages);
    r.bib[OB_VOLUME] = str(bib, "volume", NULL);
    r.bib[OB_NUMBER] = str(bib, "issue", NULL);
    r.bib[OB_PUBLISHER] = online_text(t, str(src, "host_organization_name", NULL), TEXT_ENTITIES);
    online_rec_add(rc, &r);
}

int online_read_openalex(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err)
{
    (void)status;
    json_t *j = load(body, len, "an OpenAlex", err);
    if (!j) return -1;
    json_t *results = json_object_get(j, "results");
    int n = -1;
    if (!json_is_array(results) && !str(j, "id", NULL)) lit_buf_adds(err, "not an OpenAlex answer (no results, no work)");
    else {
        lit_arena t = {0};
        size_t before = rc->n_papers;
        if (!json_is_array(results)) openalex_work(j, &t, rc);
        for (size_t i = 0; i < json_array_size(results); i++) openalex_work(json_array_get(results, i), &t, rc);
        n = (int)(rc->n_papers - before);
        lit_arena_free(&t);
    }
    json_decref(j);
    return n;
}
