/* out_csl.c - CSL-JSON writer: one item per paper, built and escaped by jansson. */
#include "out_csl.h"
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <jansson.h>
#include "buf.h"

static void set_str(json_t *o, const char *k, const char *v)
{
    if (v && *v) json_object_set_new(o, k, json_string(v));
}

/* Lower-case words before the family name that CSL keeps apart ("van", "de la"). */
static bool particle(const char *w, size_t n)
{
    static const char *const ps[] = {"da", "de", "del", "della", "der", "den", "di", "du", "la", "le",
                                     "van", "von", "ter", "ten", "dos", "das", "zu", NULL};
    for (int i = 0; ps[i]; i++)
        if (strlen(ps[i]) == n && !memcmp(ps[i], w, n)) return true;
    return false;
}

static bool suffix(const char *s)
{
    static const char *const sx[] = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", NULL};
    for (int i = 0; sx[i]; i++)
        if (!strcmp(s, sx[i])) return true;
    return false;
}

/* "María de la Cruz, Jr" -> given María, particle "de la", family Cruz, suffix Jr;
 * one word or an organisation ("Barnes and Noble, Inc.") stays a literal name. */
static json_t *name(const char *full)
{
    json_t *o = json_object();
    lit_buf n = LIT_BUF_INIT;
    const char *comma = strstr(full, ", ");
    if (comma && !suffix(comma + 2)) comma = NULL;
    lit_buf_add(&n, full, comma ? (size_t)(comma - full) : strlen(full));
    const char *s = lit_buf_str(&n);
    const char *last = strrchr(s, ' ');
    if (!last || (strstr(full, ", ") && !comma)) {
        set_str(o, "literal", full);
        lit_buf_free(&n);
        return o;
    }
    /* the particles: lower-case words right before the family name */
    const char *pstart = last;
    for (;;) {
        const char *q = pstart;
        while (q > s && q[-1] != ' ') q--;
        if (q == s || !particle(q, (size_t)(pstart - q))) break;
        pstart = q - 1;
    }
    json_object_set_new(o, "family", json_string(last + 1));
    json_object_set_new(o, "given", json_stringn(s, (size_t)(pstart - s)));
    if (pstart < last) json_object_set_new(o, "non-dropping-particle", json_stringn(pstart + 1, (size_t)(last - pstart - 1)));
    if (comma) set_str(o, "suffix", comma + 2);
    lit_buf_free(&n);
    return o;
}

static const char *url_of(const lit_paper *p)
{
    static const char *const pref[] = {"paper", "pdf", NULL};
    for (int k = 0; pref[k]; k++)
        for (uint32_t i = 0; i < p->n_links; i++)
            if (!strcmp(p->links[i].kind, pref[k])) return p->links[i].url;
    return p->n_links ? p->links[0].url : NULL;
}

static json_t *item(const lit_catalog *cat, const lit_venues *vs, const lit_paper *p)
{
    json_t *o = json_object();
    const char *vid = lit_catalog_venue(cat, p->venue);
    const lit_venue *v = vid && vs ? lit_venues_find(vs, vid) : NULL;
    lit_venue_kind kind = v ? v->kind : vid ? LIT_VENUE_CONFERENCE : LIT_VENUE_OTHER;
    const char *type = kind == LIT_VENUE_CONFERENCE || kind == LIT_VENUE_WORKSHOP ? "paper-conference"
                     : kind == LIT_VENUE_JOURNAL ? "article-journal" : "article";
    set_str(o, "id", p->key);
    set_str(o, "type", type);
    set_str(o, "title", p->title);
    set_str(o, "title-short", p->short_name);
    if (p->n_authors) {
        json_t *a = json_array();
        for (uint32_t i = 0; i < p->n_authors; i++) json_array_append_new(a, name(p->authors[i]));
        json_object_set_new(o, "author", a);
    }
    if (kind == LIT_VENUE_PREPRINT) {
        set_str(o, "publisher", vid);
    } else if (vid) {
        set_str(o, "container-title", v && v->name ? v->name : vid);
        set_str(o, "container-title-short", vid);
        if (v) set_str(o, "publisher", v->publisher);
    }
    if (p->year) {
        json_t *dp = json_pack("{s:[[i]]}", "date-parts", (int)p->year);
        json_object_set_new(o, "issued", dp);
    }
    set_str(o, "DOI", p->doi);
    if (p->arxiv) json_object_set_new(o, "number", json_sprintf("arXiv:%s", p->arxiv));
    set_str(o, "URL", url_of(p));
    if (p->n_topics) {
        lit_buf k = LIT_BUF_INIT;
        for (uint32_t i = 0; i < p->n_topics; i++) lit_buf_printf(&k, "%s%s", i ? ", " : "", lit_catalog_topic(cat, p->topics[i]));
        set_str(o, "keyword", k.data);
        lit_buf_free(&k);
    }
    return o;
}

int lit_csl_write(FILE *fp, const lit_catalog *cat, const lit_venues *vs, const uint32_t *sel,
                  size_t n_sel, lit_diag *d)
{
    json_t *root = json_array();
    for (size_t i = 0; i < n_sel; i++) json_array_append_new(root, item(cat, vs, &cat->papers[sel ? sel[i] : i]));
    int rc = json_dumpf(root, fp, JSON_INDENT(2)) == 0 && fputc('\n', fp) != EOF ? 0 : -1;
    json_decref(root);
    if (rc) return lit_io_error(d, NULL, "cannot write the CSL-JSON: %s", strerror(errno));
    return 0;
}
