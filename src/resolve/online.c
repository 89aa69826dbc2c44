/* online.c - the online services as record sources (online.h): which papers each is asked about
 * and with what query, the answers from the cache or the network, the faults (one warning per
 * service), and which service's records the resolver sees for each paper. */
#include "online.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cache.h"
#include "http.h"
#include "import_ref.h"   /* lit_bib_find_arxiv */
#include "match.h"
#include "online_priv.h"
#include "version.h"

#define MAX_BODY ((size_t)4 << 20)   /* an answer larger than this is a fault (README: 4 MiB) */
#define FAULTS_IN_A_ROW 3            /* unusable answers in a row before a service is left out */
#define REF_PREFIX "record "         /* cache entries naming the query whose answer held a record */

/* ---------- the queries: the part of the URL after the service's base ---------- */

/* Appends s percent-encoded (RFC 3986 unreserved kept; keep: more bytes kept as they are). */
static void url_enc(lit_buf *b, const char *s, const char *keep)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (isalnum(*p) || strchr("-._~", *p) || (keep && strchr(keep, *p))) lit_buf_addc(b, (char)*p);
        else lit_buf_printf(b, "%%%02X", *p);
}

/* The paper's arXiv id (from its arxiv field or arXiv's DOI), well-formed, or NULL; malloc'd. */
static char *paper_arxiv(const lit_paper *p)
{
    char *k = p->arxiv ? lit_arxiv_key(p->arxiv) : lit_arxiv_of_doi(p->doi);
    char id[32];
    if (k && (!lit_bib_find_arxiv(k, id) || strcmp(id, k))) { free(k); k = NULL; }
    return k;
}

static bool query_arxiv(const lit_paper *p, const char *id, lit_buf *q)
{
    char *k = id ? lit_xstrdup(id) : paper_arxiv(p);
    if (k) {
        lit_buf_adds(q, "?id_list=");
        url_enc(q, k, NULL);
        lit_buf_adds(q, "&max_results=1");
    }
    free(k);
    return k != NULL;
}

/* Words of the title to search by: normalised (no punctuation a search syntax could take
 * for an operator), at most 40 words; NULL when it has fewer than 2 letters. malloc'd. */
static char *title_words(const lit_paper *p)
{
    char *t = p->title ? lit_title_norm(p->title) : NULL;
    size_t letters = 0, words = 1;
    for (char *c = t; c && *c; c++) {
        if (*c == ' ' && ++words > 40) { *c = 0; break; }
        letters += *c != ' ';
    }
    if (t && letters < 2) { free(t); t = NULL; }
    return t;
}

static bool query_crossref(const lit_paper *p, const char *id, lit_buf *q)
{
    const char *doi = id ? id : p->doi && !lit_doi_is_arxiv(p->doi) ? p->doi : NULL;
    char *k = doi ? lit_doi_key(doi) : NULL;   /* arXiv's DOIs are DataCite's, not Crossref's */
    if (k) {
        lit_buf_adds(q, "/works/");
        url_enc(q, k, "/");
        free(k);
        return true;
    }
    char *t = title_words(p);
    if (!t) return false;
    lit_buf_adds(q, "/works?query.bibliographic=");
    url_enc(q, t, NULL);
    if (p->n_authors) {
        char *s = lit_name_surname(p->authors[0]);
        if (*s) { lit_buf_adds(q, "%20"); url_enc(q, s, NULL); }
        free(s);
    }
    if (p->year) lit_buf_printf(q, "%%20%d", p->year);
    lit_buf_adds(q, "&rows=5&select=DOI,title,subtitle,author,container-title,issued,published-print,"
                    "published-online,type,page,volume,issue,publisher,institution");
    free(t);
    return true;
}

static bool query_dblp(const lit_paper *p, const char *id, lit_buf *q)
{
    (void)id;   /* DBLP's search finds records by their words, not their keys */
    char *t = title_words(p);
    if (t) {
        lit_buf_adds(q, "?q=");
        url_enc(q, t, NULL);
        lit_buf_adds(q, "&format=json&h=10");
    }
    free(t);
    return t != NULL;
}

static bool query_openalex(const lit_paper *p, const char *id, lit_buf *q)
{
    if (id) {
        lit_buf_adds(q, "/works/");
        url_enc(q, id, NULL);
        return true;
    }
    char *t = title_words(p);
    if (t) {
        lit_buf_adds(q, "/works?filter=title.search:");
        url_enc(q, t, NULL);
        lit_buf_adds(q, "&per_page=5&select=id,doi,title,display_name,publication_year,type,type_crossref,"
                        "authorships,primary_location,locations,biblio");
    }
    free(t);
    return t != NULL;
}

/* ---------- the services ---------- */

enum { S_ARXIV, S_CROSSREF, S_DBLP, S_OPENALEX, S_N };

/* What each service asks of its clients: arXiv one request at a time, 3 s apart (its API's
 * terms); Crossref's polite pool 3 at a time with a contact (1 without), 10 a second;
 * DBLP one at a time, 1 s apart (it answers 429 with Retry-After when pressed); OpenAlex 10
 * a second, a few at a time. The contact goes as ?mailto= to those whose polite pool takes it. */
static const struct service {
    const char *name, *tag, *env, *base;
    int in_flight, in_flight_polite;
    double interval;
    bool mailto_param;
    bool (*query)(const lit_paper *p, const char *id, lit_buf *q);
    online_read_fn read;
} services[S_N] = {
    {"arXiv", "arxiv", "ARXIV", "https://export.arxiv.org/api/query", 1, 1, 3.0, false, query_arxiv, online_read_arxiv},
    {"Crossref", "crossref", "CROSSREF", "https://api.crossref.org", 1, 3, 0.1, true, query_crossref,
     online_read_crossref},
    {"DBLP search", "dblp", "DBLP", "https://dblp.org/search/publ/api", 1, 1, 1.0, false, query_dblp, online_read_dblp},
    {"OpenAlex", "openalex", "OPENALEX", "https://api.openalex.org", 4, 4, 0.1, true, query_openalex,
     online_read_openalex},
};

/* What a service knows of each paper after the run. */
enum { P_NOT_ASKED, P_ANSWERED, P_UNANSWERED, P_QUEUED };

typedef struct svc {
    const struct service *sv;
    struct lit_online *on;
    int index;
    char *base;
    double interval;
    lit_catalog recs;        /* the records of every answer */
    uint32_t *first, *count; /* per paper: its answer's records */
    uint8_t *state;          /* per paper: P_* */
    bool *matched;           /* per paper: its answer matches (the resolver sees it only if it wins) */
    char **query;            /* per paper: what it was asked, while preparing */
    bool *fetched;           /* per paper: the answer came from the network this run */
    uint32_t *out;           /* the last candidates answer */
    size_t requests, from_cache, missing_in_cache, unanswered;
    char *fault, *fault_url; /* the first fault, where */
    size_t faults, in_a_row;
    bool given_up;
    lit_buf err;
} svc;

struct lit_online {
    lit_online_opts o;
    char *cache_dir, *mailto, *ua;
    lit_cache *cache;
    lit_http *http;
    lit_match_ctx *mx;
    svc s[S_N];
    const lit_catalog *cat;  /* the catalog prepared, NULL before */
    int8_t *winner;          /* per paper: the service whose records the resolver sees as a match, or -1 */
    lit_strtab unanswered;   /* keys of the papers a service could not answer (no source before
                                the services matched them, so their keys stay: the resolver sorts
                                the papers when done, indices would not) */
    lit_arena keys;
    lit_diag *d;
};

/* ---------- settings ---------- */

static int env_seconds(const char *name, double dflt, double *out, lit_diag *d)
{
    const char *v = getenv(name);
    *out = dflt;
    if (!v || !*v) return 0;
    char *end;
    double x = strtod(v, &end);
    if (*end || !(x >= 0) || x > 86400) return lit_error(d, NULL, 0, 0, "%s: not a number of seconds: '%s'", name, v);
    *out = x;
    return 0;
}

lit_online *lit_online_new(const lit_online_opts *o, lit_diag *d)
{
    lit_online *on = lit_xcalloc(1, sizeof *on);
    on->o = *o;
    on->d = d;
    const char *mail = o->mailto ? o->mailto : getenv("LITSURVEY_MAILTO");
    if (mail && *mail) on->mailto = lit_xstrdup(mail);
    lit_buf ua = LIT_BUF_INIT;
    lit_buf_printf(&ua, "litsurvey/%s (literature-survey tool%s%s)", LIT_VERSION, on->mailto ? "; mailto:" : "",
                   on->mailto ? on->mailto : "");
    on->ua = ua.data;
    int rc = 0;
    for (int k = 0; k < S_N; k++) {
        svc *x = &on->s[k];
        char name[64];
        x->sv = &services[k];
        x->on = on;
        x->index = k;
        snprintf(name, sizeof name, "LITSURVEY_%s_URL", services[k].env);
        const char *base = getenv(name);
        x->base = lit_xstrdup(base && *base ? base : services[k].base);
        snprintf(name, sizeof name, "LITSURVEY_%s_INTERVAL", services[k].env);
        rc |= env_seconds(name, services[k].interval, &x->interval, d);
        lit_catalog_init(&x->recs);
    }
    lit_http_settings hs = {.user_agent = on->ua, .max_body = MAX_BODY, .max_redirects = 5, .retries = 3,
                            .max_wait = 600, .notes = o->verbose ? d : NULL};
    double retries;
    rc |= env_seconds("LITSURVEY_TIMEOUT", 30, &hs.timeout, d);
    rc |= env_seconds("LITSURVEY_CONNECT_TIMEOUT", 10, &hs.connect_timeout, d);
    rc |= env_seconds("LITSURVEY_BACKOFF", 1, &hs.backoff, d);
    rc |= env_seconds("LITSURVEY_RETRIES", 3, &retries, d);
    hs.retries = (int)retries;
    const char *seed = getenv("LITSURVEY_SEED");   /* tests fix it; else each run jitters its own way */
    hs.seed = seed && *seed ? strtoull(seed, NULL, 10) : (uint64_t)time(NULL) * 2654435761u ^ (uint64_t)getpid();
    if (rc == 0) {
        char *dir = o->cache_dir ? lit_xstrdup(o->cache_dir) : lit_cache_default_dir();
        if (!dir) rc = lit_error(d, NULL, 0, 0, "no cache folder: set XDG_CACHE_HOME or HOME, or give --cache DIR");
        else if (!(on->cache = lit_cache_open(dir, MAX_BODY, d))) rc = -1;
        on->cache_dir = dir;
    }
    if (rc == 0 && !o->offline && !(on->http = lit_http_new(&hs, d))) rc = -1;
    if (rc == 0) on->mx = lit_match_ctx_new(o->vs);
    if (rc != 0) {
        lit_online_free(on);
        return NULL;
    }
    return on;
}

void lit_online_free(lit_online *on)
{
    if (!on) return;
    for (int k = 0; k < S_N; k++) {
        svc *x = &on->s[k];
        free(x->base);
        lit_catalog_free(&x->recs);
        free(x->first);
        free(x->count);
        free(x->state);
        free(x->matched);
        free(x->fetched);
        free(x->out);
        free(x->fault);
        free(x->fault_url);
        lit_buf_free(&x->err);
    }
    lit_http_free(on->http);
    lit_cache_close(on->cache);
    lit_match_ctx_free(on->mx);
    free(on->winner);
    lit_strtab_free(&on->unanswered);
    lit_arena_free(&on->keys);
    free(on->cache_dir);
    free(on->mailto);
    free(on->ua);
    free(on);
}

/* ---------- answers ---------- */

/* The first fault of a service is the one its warning names; a fault of the whole service,
 * or FAULTS_IN_A_ROW unusable answers, leaves it out for the rest of the run. */
static void fault(svc *x, const char *url, const char *what, bool host)
{
    x->faults++;
    if (!x->fault) {
        x->fault = lit_xstrdup(what);
        x->fault_url = lit_xstrdup(url);
    }
    if (host || ++x->in_a_row >= FAULTS_IN_A_ROW) x->given_up = true;
}

/* Reads an answer for paper i into the service's records; false (err set) when unusable. */
static bool take_answer(svc *x, size_t i, const char *body, size_t len, long status)
{
    size_t before = x->recs.n_papers;
    lit_buf_reset(&x->err);
    if (status == 404 && x->index != S_CROSSREF) {   /* only Crossref's works/DOI answers 404 for "none" */
        lit_buf_adds(&x->err, "HTTP 404 (is the service's base URL right?)");
        return false;
    }
    int n = x->sv->read(body, len, status, &x->recs, &x->err);
    if (n < 0) {
        x->recs.n_papers = before;   /* a half-read answer's records are not its records */
        return false;
    }
    x->first[i] = (uint32_t)before;
    x->count[i] = (uint32_t)n;
    x->state[i] = P_ANSWERED;
    return true;
}

typedef struct batch { svc *x; size_t *papers; char **urls; size_t n, done; } batch;

static void progress(const batch *b)
{
    if (b->x->on->o.progress)
        fprintf(stderr, "\rresolving %zu/%zu with %s ...\033[K", b->done, b->n, b->x->sv->name);
}

static bool on_answer(void *ctx, size_t k, const lit_http_answer *a)
{
    batch *b = ctx;
    svc *x = b->x;
    size_t i = b->papers[k];
    b->done++;
    progress(b);
    if (a->kind != LIT_HTTP_ANSWER) fault(x, a->url, a->fault, a->kind == LIT_HTTP_HOST_FAULT);
    else if (!take_answer(x, i, a->body, a->len, a->status)) fault(x, a->url, x->err.data, a->status == 404);
    else {
        x->in_a_row = 0;
        x->fetched[i] = true;
        lit_cache_put(x->on->cache, x->sv->tag, x->query[i], a->status, a->body, a->len, x->on->d);
    }
    return !x->given_up;
}

/* ---------- preparing: each service in turn ---------- */

static const char *provenance(const lit_paper *p, const char *what)
{
    const lit_node *m = lit_paper_extra(p, "resolved", LIT_NODE_MAP);
    for (size_t k = 0; m && k < m->n; k++)
        if (m->items[2 * k].kind == LIT_NODE_SCALAR && !strcmp(m->items[2 * k].str, what) &&
            m->items[2 * k + 1].kind == LIT_NODE_SCALAR)
            return m->items[2 * k + 1].str;
    return NULL;
}

static int service_of_tag(const char *tag)
{
    for (int k = 0; tag && k < S_N; k++) if (!strcmp(services[k].tag, tag)) return k;
    return -1;
}

/* What x asks about paper p: a paper an earlier run resolved with one of the services is
 * asked of that service only, with the query whose answer held its record (kept in the
 * cache beside the answers), so that a second run asks what the first asked. NULL: nothing. */
static char *query_of(svc *x, const lit_paper *p)
{
    const char *tag = provenance(p, "source"), *id = provenance(p, "id");
    int by = service_of_tag(tag);
    if (by >= 0 && by != x->index) return NULL;
    lit_buf q = LIT_BUF_INIT;
    if (by == x->index && id) {
        lit_buf key = LIT_BUF_INIT;
        lit_buf_printf(&key, REF_PREFIX "%s", id);
        char *body;
        size_t len;
        long st;
        if (lit_cache_get(x->on->cache, x->sv->tag, key.data, &body, &len, &st, x->on->d) == 1) {
            lit_buf_add(&q, body, len);
            free(body);
        }
        lit_buf_free(&key);
        if (!q.len && !x->sv->query(p, id, &q)) lit_buf_reset(&q);
    } else if (!x->sv->query(p, NULL, &q)) lit_buf_reset(&q);
    if (!q.len) lit_buf_free(&q);
    return q.data;
}

/* Asks x about the papers still missing, from the cache first. */
static void ask_service(svc *x, const lit_catalog *c, const bool *missing)
{
    lit_online *on = x->on;
    size_t n = c->n_papers;
    batch b = {.x = x, .papers = lit_xmalloc((n + 1) * sizeof *b.papers), .urls = lit_xmalloc((n + 1) * sizeof *b.urls)};
    for (size_t i = 0; i < n; i++) {
        if (!missing[i] || !(x->query[i] = query_of(x, &c->papers[i]))) continue;
        char *body;
        size_t len;
        long st;
        if (!on->o.refresh && lit_cache_get(on->cache, x->sv->tag, x->query[i], &body, &len, &st, on->d) == 1) {
            bool ok = take_answer(x, i, body, len, st);
            free(body);
            if (ok) { x->from_cache++; continue; }
            lit_warn(on->d, on->cache_dir, 0, 0, "%s: the cached answer to '%s' is unusable (%s): not used", x->sv->name,
                     x->query[i], x->err.data);
        }
        if (on->o.offline) {
            x->state[i] = P_UNANSWERED;
            x->missing_in_cache++;
            continue;
        }
        lit_buf u = LIT_BUF_INIT;
        lit_buf_printf(&u, "%s%s", x->base, x->query[i]);
        if (x->sv->mailto_param && on->mailto) {
            lit_buf_adds(&u, strchr(x->query[i], '?') ? "&mailto=" : "?mailto=");
            url_enc(&u, on->mailto, "@");
        }
        x->state[i] = P_QUEUED;
        b.papers[b.n] = i;
        b.urls[b.n++] = u.data;
    }
    if (b.n) {
        lit_http_policy pol = {on->mailto ? x->sv->in_flight_polite : x->sv->in_flight, x->interval};
        progress(&b);
        x->requests += lit_http_get_all(on->http, (const char *const *)b.urls, b.n, &pol, on_answer, &b);
        if (on->o.progress) fputs("\r\033[K", stderr);
    }
    for (size_t k = 0; k < b.n; k++) free(b.urls[k]);
    for (size_t i = 0; i < n; i++)
        if (x->state[i] == P_QUEUED) x->state[i] = P_UNANSWERED;   /* failed, or never sent after a fault */
    free(b.papers);
    free(b.urls);
}

/* One warning per service that failed: where it failed first, what, and what it left. */
static void warn_faults(svc *x, lit_diag *d)
{
    size_t left = 0;
    for (size_t i = 0; x->on->cat && i < x->on->cat->n_papers; i++) left += x->state[i] == P_UNANSWERED;
    x->unanswered = left - x->missing_in_cache;
    if (!x->fault) return;
    char more[48] = "";
    if (x->faults > 1) snprintf(more, sizeof more, " (and %zu more fault%s)", x->faults - 1, x->faults > 2 ? "s" : "");
    lit_warn(d, x->fault_url, 0, 0, "%s: %s%s; %zu paper%s not answered%s", x->sv->name, x->fault, more, x->unanswered,
             x->unanswered == 1 ? "" : "s", x->given_up ? ", the service left out for the rest of this run" : "");
}

static int online_prepare(lit_rsource *s, const lit_catalog *c, const bool *ask, lit_diag *d)
{
    svc *first = s->impl;
    lit_online *on = first->on;
    if (on->cat) return 0;   /* the first service's call prepares them all */
    on->cat = c;
    size_t n = c->n_papers;
    bool *missing = lit_xmalloc(n + 1);
    memcpy(missing, ask, n);
    on->winner = lit_xmalloc(n + 1);
    memset(on->winner, -1, n + 1);
    lit_decision dec = {0};
    for (int k = 0; k < S_N; k++) {
        svc *x = &on->s[k];
        x->first = lit_xcalloc(n + 1, sizeof *x->first);
        x->count = lit_xcalloc(n + 1, sizeof *x->count);
        x->state = lit_xcalloc(n + 1, sizeof *x->state);
        x->matched = lit_xcalloc(n + 1, sizeof *x->matched);
        x->fetched = lit_xcalloc(n + 1, sizeof *x->fetched);
        x->query = lit_xcalloc(n + 1, sizeof *x->query);
        ask_service(x, c, missing);
        warn_faults(x, d);
        /* judged as the resolver will judge them; a published record ends the search, a
         * preprint's lets the services after look for the published version */
        for (size_t i = 0; i < n; i++) {
            if (x->state[i] == P_UNANSWERED && c->papers[i].key)
                lit_strtab_intern(&on->unanswered, &on->keys, c->papers[i].key);
            if (x->state[i] != P_ANSWERED || !x->count[i]) continue;
            uint32_t *idx = lit_xmalloc(x->count[i] * sizeof *idx);
            for (uint32_t r = 0; r < x->count[i]; r++) idx[r] = x->first[i] + r;
            lit_match_judge(on->mx, c, &c->papers[i], &x->recs, idx, x->count[i], &dec);
            free(idx);
            if (dec.verdict != LIT_VERDICT_MATCH) continue;
            x->matched[i] = true;
            bool preprint = lit_match_preprint(on->mx, &x->recs, lit_decision_record(&dec));
            if (on->winner[i] < 0 || !preprint) on->winner[i] = (int8_t)k;
            if (!preprint) missing[i] = false;
        }
    }
    /* the query each winning record came from, so that the next run asks it again (only
     * answers fetched now: a cached one's reference is there already) */
    for (size_t i = 0; i < n; i++) {
        if (on->winner[i] < 0) continue;
        svc *x = &on->s[on->winner[i]];
        if (!x->fetched[i]) continue;
        uint32_t *idx = lit_xmalloc(x->count[i] * sizeof *idx);
        for (uint32_t r = 0; r < x->count[i]; r++) idx[r] = x->first[i] + r;
        lit_match_judge(on->mx, c, &c->papers[i], &x->recs, idx, x->count[i], &dec);
        free(idx);
        const lit_paper *rec = lit_decision_record(&dec);
        if (!rec || !rec->key) continue;
        lit_buf key = LIT_BUF_INIT;
        lit_buf_printf(&key, REF_PREFIX "%s", rec->key);
        lit_cache_put(on->cache, x->sv->tag, key.data, 200, x->query[i], strlen(x->query[i]), d);
        lit_buf_free(&key);
    }
    for (int k = 0; k < S_N; k++) {
        for (size_t i = 0; i < n; i++) free(on->s[k].query[i]);
        free(on->s[k].query);
        on->s[k].query = NULL;
    }
    lit_decision_free(&dec);
    free(missing);
    return 0;
}

/* ---------- the sources ---------- */

static int online_candidates(lit_rsource *s, const lit_paper *p, const lit_catalog **rc, const uint32_t **rec,
                             size_t *n, lit_diag *d)
{
    (void)d;
    svc *x = s->impl;
    const lit_catalog *c = x->on->cat;
    *rc = &x->recs;
    *rec = NULL;
    *n = 0;
    if (!c || p < c->papers || p >= c->papers + c->n_papers) return 0;
    size_t i = (size_t)(p - c->papers);
    /* a match another service beat (its published record over this preprint) is not shown */
    if (x->state[i] != P_ANSWERED || (x->matched[i] && x->on->winner[i] != x->index)) return 0;
    free(x->out);
    x->out = lit_xmalloc((x->count[i] + 1) * sizeof *x->out);
    for (uint32_t r = 0; r < x->count[i]; r++) x->out[r] = x->first[i] + r;
    *rec = x->out;
    *n = x->count[i];
    return 0;
}

static void online_close(lit_rsource *s) { (void)s; }   /* the services belong to lit_online */

void lit_online_sources(lit_online *on, lit_rsource **out)
{
    for (int k = 0; k < S_N; k++) {
        out[k] = lit_xcalloc(1, sizeof *out[k]);
        *out[k] = (lit_rsource){.name = services[k].name, .tag = services[k].tag, .candidates = online_candidates,
                                .prepare = online_prepare, .close = online_close, .impl = &on->s[k]};
    }
}

size_t lit_online_report(lit_online *on, const lit_catalog *c, lit_diag *d)
{
    lit_buf b = LIT_BUF_INIT;
    size_t requests = 0, cached = 0, missing = 0;
    for (int k = 0; k < S_N; k++) {
        svc *x = &on->s[k];
        requests += x->requests;
        cached += x->from_cache;
        missing += x->missing_in_cache;
        if (x->requests) lit_buf_printf(&b, "%s%s %zu", b.len ? ", " : " (", x->sv->name, x->requests);
    }
    if (b.len) lit_buf_addc(&b, ')');
    lit_note(d, "online: %zu request%s%s; %zu answer%s taken from the cache (%s)", requests, requests == 1 ? "" : "s",
             lit_buf_str(&b), cached, cached == 1 ? "" : "s", on->cache_dir);
    lit_buf_free(&b);
    /* papers still without a record that a service could not answer: what the exit code says */
    size_t left = 0;
    for (size_t i = 0; on->unanswered.n && i < c->n_papers; i++)
        left += c->papers[i].key && lit_strtab_find(&on->unanswered, c->papers[i].key) >= 0 &&
                !lit_paper_extra(&c->papers[i], "resolved", LIT_NODE_MAP);
    if (left && on->o.offline)
        lit_warn(d, NULL, 0, 0, "offline: %zu paper%s not resolved: %zu question%s have no answer in the cache", left,
                 left == 1 ? "" : "s", missing, missing == 1 ? "" : "s");
    else if (left)
        lit_warn(d, NULL, 0, 0, "%zu paper%s not resolved because a service could not be asked (see above); run "
                 "again later to ask them", left, left == 1 ? "" : "s");
    return left;
}
