/* resolve.c - every paper of a catalog against its sources: the decision, the fields it fills, the
 * conflicts it keeps, the user's key and the provenance; explain and verbose reports. */
#include "resolve.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dblp_priv.h"   /* lit_dblp_strip_homonym: DBLP's names, in a .bib made from DBLP too */
#include "latex_text.h"

#define EXPLAIN_SHOWN 8   /* candidates --explain and -v list per source */
#define VERBOSE_SCORE 60  /* -v lists a paper's candidates from this score (--explain, all) */

/* The bibliographic fields a record gives a paper, by its entry type: those biblatex's data
 * model allows the type (bibtex's names for them), so that `litsurvey bib` stays clean under
 * biber --validate-datamodel; not notes, abstracts, keywords, numpages, a bibliography
 * manager's bookkeeping, nor a venue field of another type (a journal in an inproceedings). */
static const struct { const char *types, *fields; } bib_fields[] = {
    {" inproceedings conference incollection ", " booktitle editor volume number series pages publisher organization "
                                                 "address isbn eid chapter month "},
    {" article ", " journal journaltitle volume number issue pages eid issn series editor month "},
    {" book ", " publisher address edition editor volume number series isbn pages month "},
    {" techreport report ", " institution number type address pages month "},
    {" phdthesis mastersthesis thesis ", " school institution type address month "},
};

/* Whether field is one a record of this type gives. */
static bool bib_field(const char *type, const char *field)
{
    char t[64], f[64];
    snprintf(t, sizeof t, " %s ", type);
    snprintf(f, sizeof f, " %s ", field);
    for (char *q = t; *q; q++) *q = (char)tolower((unsigned char)*q);
    for (char *q = f; *q; q++) *q = (char)tolower((unsigned char)*q);
    for (size_t i = 0; i < sizeof bib_fields / sizeof *bib_fields; i++)
        if (strstr(bib_fields[i].types, t)) return strstr(bib_fields[i].fields, f) != NULL;
    return false;
}

static const char *const venue_fields[] = {"booktitle", "journal", "journaltitle", "howpublished", NULL};

static bool in_list(const char *const *l, const char *s)
{
    for (int i = 0; l[i]; i++) if (!strcasecmp(l[i], s)) return true;
    return false;
}

/* ---------- extras ---------- */

static lit_extra *extra(lit_paper *p, const char *key)
{
    for (uint32_t i = 0; i < p->n_extras; i++) if (!strcmp(p->extras[i].key, key)) return &p->extras[i];
    return NULL;
}

/* Sets extra key to v: replaced where it is, else appended. */
static void set_extra(lit_catalog *c, lit_paper *p, const char *key, lit_node v)
{
    lit_extra *x = extra(p, key);
    if (x) { x->value = v; return; }
    lit_extra *e = lit_arena_alloc(&c->arena, (p->n_extras + 1) * sizeof *e);
    if (p->n_extras) memcpy(e, p->extras, p->n_extras * sizeof *e);
    e[p->n_extras] = (lit_extra){lit_arena_strdup(&c->arena, key), v};
    p->extras = e;
    p->n_extras++;
}

static lit_node scalar(lit_arena *a, const char *s, bool quoted)
{
    return (lit_node){LIT_NODE_SCALAR, lit_arena_strdup(a, s), quoted, NULL, 0};
}

static const char *map_get(const lit_node *m, const char *k)
{
    for (size_t i = 0; m && m->kind == LIT_NODE_MAP && i < m->n; i++)
        if (m->items[2 * i].kind == LIT_NODE_SCALAR && !strcmp(m->items[2 * i].str, k) &&
            m->items[2 * i + 1].kind == LIT_NODE_SCALAR)
            return m->items[2 * i + 1].str;
    return NULL;
}

/* ---------- per run ---------- */

typedef struct run {
    lit_catalog *c;
    const lit_resolve_opts *o;
    lit_match_ctx *mx;     /* venue names looked up once for the whole run */
    lit_resolve_stats *st;
    lit_diag *d;
    lit_strtab keys;       /* every key and alias of the catalog, lower-cased (BibTeX ignores case) */
    lit_strtab taken;      /* records taken: "source|id" */
    long *taken_by;        /* index of the strtab entry -> paper index */
    size_t cap_taken;
    lit_arena scratch;
    lit_buf text;          /* verbose text, printed at the end */
} run;

static char *lower(const char *s)
{
    char *r = lit_xstrdup(s);
    for (char *q = r; *q; q++) *q = (char)tolower((unsigned char)*q);
    return r;
}

static void key_add(run *r, const char *k)
{
    char *l = lower(k);
    lit_strtab_intern(&r->keys, &r->scratch, l);
    free(l);
}

static bool key_taken(run *r, const char *k)
{
    char *l = lower(k);
    bool t = lit_strtab_find(&r->keys, l) >= 0;
    free(l);
    return t;
}

static void count_source(lit_resolve_stats *st, const char *name)
{
    for (size_t i = 0; i < st->n_by; i++)
        if (!strcmp(st->by[i].name, name)) { st->by[i].n++; return; }
    LIT_GROW(st->by, st->cap_by, st->n_by + 1);
    st->by[st->n_by++] = (lit_resolve_count){lit_xstrdup(name), 1};
}

/* How a source names a record's origin in the summary ("DBLP", "refs.bib"). */
static const char *origin(const lit_rsource *s, const lit_paper *r)
{
    return s->name ? s->name : r->n_sources && r->sources[0].list ? r->sources[0].list : "?";
}

/* The record's id in provenance: its key, else its line. buf holds it. */
static const char *record_id(const lit_paper *r, char buf[48])
{
    if (r->key) return r->key;
    snprintf(buf, 48, "line %ld", r->n_sources ? r->sources[0].line : 0);
    return buf;
}

static void describe(lit_buf *b, const lit_catalog *c, const lit_paper *p)
{
    lit_buf_printf(b, "\"%s\"", p->title ? p->title : "");
    const char *v = lit_catalog_venue(c, p->venue);
    if (v || p->year) {
        lit_buf_adds(b, " (");
        if (v) lit_buf_adds(b, v);
        if (p->year) lit_buf_printf(b, "%s%d", v ? " " : "", p->year);
        lit_buf_addc(b, ')');
    }
    if (p->n_authors) lit_buf_printf(b, " %s%s", p->authors[0], p->n_authors > 1 ? " et al." : "");
}

/* The candidates of one decision scoring min or more, best first, as --explain and -v show them. */
static void list_candidates(lit_buf *b, const lit_rsource *s, const lit_decision *dec, size_t max, int min)
{
    size_t shown = 0;
    for (size_t i = 0; i < dec->n && shown < max; i++) {
        const lit_cand *c = &dec->c[i];
        if (c->score < min) continue;
        shown++;
        const lit_paper *r = &dec->rc->papers[c->rec];
        char idb[48];
        bool taken = i == 0 && dec->verdict == LIT_VERDICT_MATCH;
        lit_buf_printf(b, "    %s %3d  %s %s: ", taken ? "->" : "  ", c->score, origin(s, r), record_id(r, idb));
        describe(b, dec->rc, r);
        lit_buf_printf(b, "; %s", c->how);
        if ((long)i == dec->preprint) lit_buf_adds(b, "; its preprint (arXiv id kept)");
        if (c->duplicate) lit_buf_adds(b, "; the same record again");
        if (c->refused) lit_buf_printf(b, "; refused: %s", c->refused);
        lit_buf_addc(b, '\n');
    }
    if (dec->n > shown) lit_buf_printf(b, "       ... and %zu more\n", dec->n - shown);
}

static const char *verdict_text(lit_verdict v)
{
    return v == LIT_VERDICT_MATCH ? "match" : v == LIT_VERDICT_AMBIGUOUS ? "ambiguous, not taken" : "none";
}

/* Where a note is, as diagnostics say it: FILE:LINE:COL, or nothing for a paper made in memory. */
static void place(run *r, const lit_paper *p, lit_buf *b)
{
    if (r->c->path && p->line > 0) lit_buf_printf(b, "%s:%ld:%ld: ", r->c->path, p->line, p->col ? p->col : 1);
}

/* ---------- filling a paper from its record ---------- */

static void conflict(run *r, const lit_paper *p, const char *field, const char *kept, const char *said,
                     const char *src, const char *id)
{
    r->st->conflicts++;
    if (!r->o->verbose) return;
    place(r, p, &r->text);
    lit_buf_printf(&r->text, "note: '%s': %s '%s' kept; %s %s says '%s'\n", p->key, field, kept, src, id, said);
}

/* A record's author as the catalog writes it: DBLP's homonym number ("Paul Barham 0001",
 * a .bib exported from DBLP) is no part of a name. */
static const char *clean_name(lit_arena *a, const char *n)
{
    char *c = lit_arena_strdup(a, n);
    lit_dblp_strip_homonym(c);
    return c;
}

/* "and others" written out as a name ("Tucker, Paul and et al.") is nobody. */
static bool person(const char *n)
{
    return strcasecmp(n, "et al.") && strcasecmp(n, "et al") && strcasecmp(n, "others");
}

/* Adds to the paper's bib map the record's bibliographic fields it lacks; with
 * replace_venue, the paper's own venue fields go first (the published record's
 * booktitle replaces an arXiv journal); without venue_text, the record's booktitle and
 * journal are left to the venue table. Returns whether the map changed. */
static bool merge_bib(lit_catalog *c, lit_paper *p, const char *type, const lit_node *rb, bool replace_venue,
                      bool venue_text)
{
    lit_arena *a = &c->arena;
    const lit_node *pb = lit_paper_extra(p, "bib", LIT_NODE_MAP);
    size_t have = pb ? pb->n : 0, add = rb ? rb->n : 0;
    lit_node *items = lit_arena_alloc(a, 2 * (have + add + 1) * sizeof *items);
    size_t n = 0;
    bool changed = false;
    for (size_t i = 0; i < have; i++) {
        const char *k = pb->items[2 * i].kind == LIT_NODE_SCALAR ? pb->items[2 * i].str : "";
        if (replace_venue && in_list(venue_fields, k)) { changed = true; continue; }
        items[2 * n] = pb->items[2 * i];
        items[2 * n + 1] = pb->items[2 * i + 1];
        n++;
    }
    for (size_t i = 0; i < add; i++) {
        const lit_node *k = &rb->items[2 * i], *v = &rb->items[2 * i + 1];
        if (k->kind != LIT_NODE_SCALAR || v->kind != LIT_NODE_SCALAR || !bib_field(type, k->str)) continue;
        if (!venue_text && in_list(venue_fields, k->str)) continue;
        bool dup = false;
        for (size_t j = 0; j < n && !dup; j++) dup = !strcasecmp(items[2 * j].str, k->str);
        if (dup) continue;
        items[2 * n] = scalar(a, k->str, false);
        items[2 * n + 1] = scalar(a, v->str, true);
        n++;
        changed = true;
    }
    if (changed) set_extra(c, p, "bib", (lit_node){LIT_NODE_MAP, NULL, false, items, n});
    return changed;
}

/* Fills p from record rec (and the arXiv id of its preprint pre, may be NULL). Returns
 * whether p changed. */
static bool fill(run *r, lit_paper *p, const lit_catalog *rc, const lit_paper *rec, const lit_paper *pre,
                 const lit_rsource *s, const char *src, const char *id)
{
    lit_catalog *c = r->c;
    lit_arena *a = &c->arena;
    const lit_venues *vs = r->o->vs;
    bool changed = false;
    if (!p->n_authors && rec->n_authors) {
        p->authors = lit_arena_alloc(a, rec->n_authors * sizeof *p->authors);
        for (uint32_t i = 0; i < rec->n_authors; i++)
            if (person(rec->authors[i])) p->authors[p->n_authors++] = clean_name(a, rec->authors[i]);
        changed = p->n_authors > 0;
    }
    /* the venue: taken when the paper has none or only a preprint's; a paper's own
     * peer-reviewed venue is kept, and the record's version-bound fields with it */
    const char *pv = lit_match_venue(r->mx, c, p), *rv = lit_match_venue(r->mx, rc, rec);
    bool p_pre = lit_match_preprint(r->mx, c, p), r_pre = lit_match_preprint(r->mx, rc, rec);
    bool take_venue = rv && (!pv || (p_pre && !r_pre));
    bool same_venue = rv && pv && (!strcmp(pv, rv) || (p_pre && r_pre));
    /* a preprint record of a published paper is the same paper, not a contradiction */
    if (!same_venue && !take_venue && pv && rv && !r_pre) conflict(r, p, "venue", pv, rv, src, id);
    bool version_ok = same_venue || take_venue || (!rv && !pv);
    if (take_venue) {
        p->venue = lit_catalog_venue_id(c, rv);
        if (rec->year && p->year != rec->year) { p->year = rec->year; changed = true; }
        p->year_inferred = false;
        changed = true;
    }
    if (!p->year && rec->year) { p->year = rec->year; p->year_inferred = false; changed = true; }
    else if (p->year_inferred && rec->year && !r_pre) { p->year = rec->year; p->year_inferred = false; changed = true; }
    else if (p->year && rec->year && p->year != rec->year && !(r_pre && !p_pre)) {
        char y1[16], y2[16];
        snprintf(y1, sizeof y1, "%d", p->year);
        snprintf(y2, sizeof y2, "%d", rec->year);
        conflict(r, p, "year", y1, y2, src, id);
        version_ok = false;
    }
    if (!p->doi && rec->doi && version_ok && !lit_doi_is_arxiv(rec->doi)) {
        p->doi = lit_arena_strdup(a, rec->doi);
        changed = true;
    }
    const char *arx = rec->arxiv ? rec->arxiv : pre ? pre->arxiv : NULL;
    if (!p->arxiv && arx) { p->arxiv = lit_arena_strdup(a, arx); changed = true; }
    /* the entry type and its fields, where the record is the paper's version: not a preprint's
     * (`bib` writes an arXiv paper from its id, not from "journal = {CoRR}, volume = {abs/...}") */
    const lit_node *rtn = lit_paper_extra(rec, "bibtype", LIT_NODE_SCALAR), *ptn = lit_paper_extra(p, "bibtype", LIT_NODE_SCALAR);
    const char *rt = rtn ? rtn->str : NULL, *pt = ptn ? ptn->str : NULL;
    if (version_ok && rt && !r_pre && (!pt || take_venue || !strcasecmp(pt, rt))) {
        if (!pt || strcasecmp(pt, rt)) {
            set_extra(c, p, "bibtype", scalar(a, rt, false));
            changed = true;
        }
        /* the user's own venue text is what their paper cites; DBLP's ("SOSP", "Commun. ACM")
         * is an abbreviation the venue table writes out, when it knows the venue */
        const char *rvt = lit_catalog_venue(rc, rec->venue);
        bool known = rvt && vs && (lit_venues_find(vs, rvt) || lit_venues_match(vs, rvt));
        changed |= merge_bib(c, p, rt, lit_paper_extra(rec, "bib", LIT_NODE_MAP), take_venue && pt != NULL, s->user || !known);
    }
    return changed;
}

/* A user's key for p: the record's, when it can be cited and no other paper has it. */
static bool take_key(run *r, lit_paper *p, const lit_paper *rec)
{
    lit_catalog *c = r->c;
    if (!rec->key || !strcmp(rec->key, p->key) || !lit_tex_key_ok(rec->key)) return false;
    if (key_taken(r, rec->key)) {
        /* its own alias (an earlier run, or the import) is no other paper's */
        const lit_extra *al = extra(p, "aliases");
        bool own = false;
        for (size_t i = 0; al && al->value.kind == LIT_NODE_SEQ && i < al->value.n && !own; i++)
            own = al->value.items[i].kind == LIT_NODE_SCALAR && !strcasecmp(al->value.items[i].str, rec->key);
        if (!own) {
            if (r->o->verbose) {
                place(r, p, &r->text);
                lit_buf_printf(&r->text, "note: '%s' keeps its key: the record's key '%s' is another paper's\n",
                               p->key, rec->key);
            }
            return false;
        }
    }
    /* aliases: the old key joins, the new one leaves */
    lit_extra *al = extra(p, "aliases");
    size_t n = al && al->value.kind == LIT_NODE_SEQ ? al->value.n : 0;
    lit_node *items = lit_arena_alloc(&c->arena, (n + 1) * sizeof *items);
    size_t k = 0;
    bool have_old = false;
    for (size_t i = 0; i < n; i++) {
        const lit_node *it = &al->value.items[i];
        if (it->kind == LIT_NODE_SCALAR && !strcmp(it->str, rec->key)) continue;
        have_old |= it->kind == LIT_NODE_SCALAR && !strcmp(it->str, p->key);
        items[k++] = *it;
    }
    if (!have_old) items[k++] = scalar(&c->arena, p->key, false);
    set_extra(c, p, "aliases", (lit_node){LIT_NODE_SEQ, NULL, false, items, k});
    p->key = lit_arena_strdup(&c->arena, rec->key);
    key_add(r, p->key);
    return true;
}

/* resolved: {source, id, score}; kept as it is when it names the same record. */
static bool provenance(run *r, lit_paper *p, const char *tag, const char *id, int score)
{
    lit_extra *x = extra(p, "resolved");
    if (x) {
        const char *s = map_get(&x->value, "source"), *i = map_get(&x->value, "id");
        if (s && i && !strcmp(s, tag) && !strcmp(i, id)) return false;
    }
    lit_arena *a = &r->c->arena;
    lit_node *items = lit_arena_alloc(a, 6 * sizeof *items);
    char sc[16];
    snprintf(sc, sizeof sc, "%d", score);
    items[0] = scalar(a, "source", false);
    items[1] = scalar(a, tag, false);
    items[2] = scalar(a, "id", false);
    items[3] = scalar(a, id, !id[strspn(id, "0123456789.")]);   /* an arXiv id, not a number */
    items[4] = scalar(a, "score", false);
    items[5] = scalar(a, sc, false);
    set_extra(r->c, p, "resolved", (lit_node){LIT_NODE_MAP, NULL, false, items, 3});
    return true;
}

/* ---------- one paper ---------- */

static int resolve_one(run *r, size_t pi, lit_rsource *const *src, size_t n_src)
{
    lit_paper *p = &r->c->papers[pi];
    bool explain = r->o->explain && p->key && !strcmp(r->o->explain, p->key);
    lit_buf ex = LIT_BUF_INIT;
    if (explain) {
        r->st->explained = true;
        lit_buf_printf(&ex, "'%s' ", p->key);
        describe(&ex, r->c, p);
        lit_buf_adds(&ex, ":\n");
    }
    lit_decision dec = {0};
    lit_buf cands = LIT_BUF_INIT;   /* for -v, the candidates that were not taken: listed as each source
                                      answers, since its records last only until its next call */
    bool ambiguous = false;
    const lit_rsource *won = NULL;
    int rc = 0;
    for (size_t s = 0; s < n_src && !won; s++) {
        const lit_catalog *rcat;
        const uint32_t *rec;
        size_t n;
        if (src[s]->candidates(src[s], p, &rcat, &rec, &n, r->d) != 0) { rc = -1; break; }
        lit_match_judge(r->mx, r->c, p, rcat, rec, n, &dec);
        const char *sname = src[s]->name ? src[s]->name : "your files";
        if (explain) {
            lit_buf_printf(&ex, "  %s: %s (%s)\n", sname, verdict_text(dec.verdict), dec.why);
            list_candidates(&ex, src[s], &dec, EXPLAIN_SHOWN, 0);
        }
        if (dec.verdict == LIT_VERDICT_MATCH) won = src[s];
        else if (r->o->verbose && dec.n && dec.c[0].score >= VERBOSE_SCORE) {
            lit_buf_printf(&cands, "  %s: %s (%s)\n", sname, verdict_text(dec.verdict), dec.why);
            list_candidates(&cands, src[s], &dec, EXPLAIN_SHOWN, VERBOSE_SCORE);
        }
        ambiguous |= dec.verdict == LIT_VERDICT_AMBIGUOUS;
    }
    if (won) {
        const lit_paper *rec = lit_decision_record(&dec);
        const lit_paper *pre = dec.preprint >= 0 ? &dec.rc->papers[dec.c[dec.preprint].rec] : NULL;
        char idb[48];
        const char *id = record_id(rec, idb), *name = origin(won, rec);
        const char *tag = won->tag ? won->tag : name;
        /* one record, one paper: a second paper matching it is a likely duplicate */
        char *rk = lit_xmalloc(strlen(tag) + strlen(id) + 2);
        sprintf(rk, "%s|%s", tag, id);
        int32_t t = lit_strtab_find(&r->taken, rk);
        bool second = t >= 0;
        if (!second) {
            t = lit_strtab_intern(&r->taken, &r->scratch, rk);
            LIT_GROW(r->taken_by, r->cap_taken, (size_t)t + 1);
            r->taken_by[t] = (long)pi;
        }
        free(rk);
        r->st->resolved++;
        count_source(r->st, name);
        bool changed = fill(r, p, dec.rc, rec, pre, won, name, id);
        if (second) {
            r->st->same_record++;
            if (r->o->verbose) {
                place(r, p, &r->text);
                lit_buf_printf(&r->text, "note: '%s' is the record %s %s that '%s' took too: likely duplicates "
                               "(litsurvey check --duplicates)\n", p->key, name, id, r->c->papers[r->taken_by[t]].key);
            }
        } else if (won->user && take_key(r, p, rec)) {
            r->st->keys++;
            changed = true;
        }
        changed |= provenance(r, p, tag, id, dec.c[0].score);
        r->st->changed += changed;
        if (explain)
            lit_buf_printf(&ex, "  taken: %s %s (%s)%s\n", name, id, dec.why, changed ? "" : "; the paper already has its fields");
    } else {
        if (ambiguous) r->st->ambiguous++;
        else r->st->not_found++;
        if (r->o->verbose) {
            place(r, p, &r->text);
            lit_buf_printf(&r->text, "note: '%s' %s: ", p->key, ambiguous ? "is ambiguous, not taken" : "not found");
            describe(&r->text, r->c, p);
            lit_buf_printf(&r->text, "\n%s", lit_buf_str(&cands));
        }
    }
    lit_decision_free(&dec);
    lit_buf_free(&cands);
    if (explain) fputs(lit_buf_str(&ex), r->o->out);
    lit_buf_free(&ex);
    return rc;
}

/* Calls each source's prepare with the papers no earlier source matches (judged as
 * resolve_one judges them: the papers are not changed until every source is prepared). */
static int prepare(run *r, lit_rsource *const *src, size_t n_src)
{
    size_t last = n_src;
    for (size_t s = 0; s < n_src; s++) if (src[s]->prepare) last = s;
    if (last == n_src) return 0;
    lit_catalog *c = r->c;
    bool *ask = lit_xmalloc(c->n_papers + 1);
    memset(ask, 1, c->n_papers + 1);
    lit_decision dec = {0};
    int rc = 0;
    for (size_t s = 0; s <= last && rc == 0; s++) {
        if (src[s]->prepare && (rc = src[s]->prepare(src[s], c, ask, r->d)) != 0) break;
        for (size_t i = 0; i < c->n_papers && s < last; i++) {
            const lit_catalog *rcat;
            const uint32_t *rec;
            size_t n;
            if (!ask[i]) continue;
            if ((rc = src[s]->candidates(src[s], &c->papers[i], &rcat, &rec, &n, r->d)) != 0) break;
            lit_match_judge(r->mx, c, &c->papers[i], rcat, rec, n, &dec);
            ask[i] = dec.verdict != LIT_VERDICT_MATCH;
        }
    }
    lit_decision_free(&dec);
    free(ask);
    return rc;
}

int lit_resolve(lit_catalog *c, lit_rsource *const *src, size_t n_src, const lit_resolve_opts *o,
                lit_resolve_stats *st, lit_diag *d)
{
    memset(st, 0, sizeof *st);
    run r = {.c = c, .o = o, .st = st, .d = d, .mx = lit_match_ctx_new(o->vs)};
    lit_buf_add(&r.text, "", 0);
    for (size_t i = 0; i < c->n_papers; i++) {
        const lit_paper *p = &c->papers[i];
        if (p->key) key_add(&r, p->key);
        for (uint32_t k = 0; k < p->n_extras; k++) {
            const lit_extra *x = &p->extras[k];
            if (strcmp(x->key, "aliases") || x->value.kind != LIT_NODE_SEQ) continue;
            for (size_t j = 0; j < x->value.n; j++)
                if (x->value.items[j].kind == LIT_NODE_SCALAR) key_add(&r, x->value.items[j].str);
        }
    }
    st->papers = c->n_papers;
    int rc = prepare(&r, src, n_src);
    for (size_t i = 0; i < c->n_papers && rc == 0; i++) rc = resolve_one(&r, i, src, n_src);
    lit_catalog_sort(c);   /* keys taken from the user's bibliography: the saved order */
    if (o->verbose) fputs(lit_buf_str(&r.text), o->out);
    lit_buf_free(&r.text);
    lit_strtab_free(&r.keys);
    lit_strtab_free(&r.taken);
    free(r.taken_by);
    lit_arena_free(&r.scratch);
    lit_match_ctx_free(r.mx);
    return rc;
}

static int count_cmp(const void *x, const void *y)
{
    const lit_resolve_count *a = x, *b = y;
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return strcmp(a->name, b->name);
}

void lit_resolve_summary(const lit_resolve_stats *st, bool verbose, lit_buf *b)
{
    char n1[32], n2[32];
    lit_buf_printf(b, "resolved %s of %s paper%s", lit_num_str(n1, st->resolved), lit_num_str(n2, st->papers),
                   st->papers == 1 ? "" : "s");
    lit_resolve_count *by = lit_xmalloc((st->n_by + 1) * sizeof *by);
    if (st->n_by) memcpy(by, st->by, st->n_by * sizeof *by);
    qsort(by, st->n_by, sizeof *by, count_cmp);
    for (size_t i = 0; i < st->n_by; i++) lit_buf_printf(b, "%s%s %s", i ? ", " : ": ", lit_num_str(n1, by[i].n), by[i].name);
    free(by);
    const char *see = verbose ? "" : " (see -v)";
    lit_buf_printf(b, "; %s not found; %s ambiguous%s", lit_num_str(n1, st->not_found), lit_num_str(n2, st->ambiguous),
                   st->ambiguous ? see : "");
    if (st->conflicts) lit_buf_printf(b, "; %s statement%s of the lists kept against a record%s", lit_num_str(n1, st->conflicts),
                                      st->conflicts == 1 ? "" : "s", see);
    if (st->same_record) lit_buf_printf(b, "; %s paper%s sharing a record with another%s", lit_num_str(n1, st->same_record),
                                        st->same_record == 1 ? "" : "s", see);
    if (st->keys) lit_buf_printf(b, "; %s key%s taken from your bibliography", lit_num_str(n1, st->keys),
                                 st->keys == 1 ? "" : "s");
    lit_buf_printf(b, "; %s paper%s changed", lit_num_str(n1, st->changed), st->changed == 1 ? "" : "s");
}

void lit_resolve_stats_free(lit_resolve_stats *st)
{
    for (size_t i = 0; i < st->n_by; i++) free((char *)st->by[i].name);
    free(st->by);
    memset(st, 0, sizeof *st);
}
