/* out_csl.c - CSL-JSON writer: one item per paper, built and escaped by jansson. */
#include "out_csl.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>
#include "bib_text.h"
#include "buf.h"
#include "records.h"

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

/* The raw (LaTeX) value of field name in a paper's bib map, or NULL. */
static const char *raw(const lit_node *bib, const char *name)
{
    for (size_t i = 0; bib && i < bib->n; i++)
        if (!strcasecmp(bib->items[2 * i].str, name) && bib->items[2 * i + 1].kind == LIT_NODE_SCALAR)
            return bib->items[2 * i + 1].str;
    return NULL;
}

/* A bib map value as text: LaTeX to UTF-8; a page range's en dash as the hyphen that
 * Zotero writes (citeproc makes it a dash again). */
static void set_tex(json_t *o, const char *k, const char *tex, bool pages)
{
    if (!tex) return;
    char *u = lit_bib_tex_to_utf8(tex, strlen(tex));
    if (pages) {
        char *w = u;
        for (const char *q = u; *q; q++) {
            if (!strncmp(q, "\xE2\x80\x93", 3)) { *w++ = '-'; q += 2; }
            else *w++ = *q;
        }
        *w = 0;
    }
    set_str(o, k, u);
    free(u);
}


/* The record fields of the bib map (records.h) as CSL variables. */
static void record_fields(json_t *o, const lit_node *bib, const char *bibtype)
{
    for (size_t i = 0; i < lit_rec_n_fields; i++) {
        const lit_rec_field *f = &lit_rec_fields[i];
        const char *v = raw(bib, lit_rec_bib_name(f, bibtype));
        if (!v && !strcmp(f->bib, "publisher")) {   /* a thesis's school, a report's institution */
            v = raw(bib, "publisher");
            if (!v) v = raw(bib, "school");
            if (!v) v = raw(bib, "institution");
        }
        if (!v) continue;
        if (!f->names) { set_tex(o, f->csl, v, !strcmp(f->bib, "pages")); continue; }
        lit_arena a = {0};
        const char **names = NULL;
        uint32_t n = 0;
        bool etal = false;
        lit_bib_split_authors(&a, v, strlen(v), &names, &n, &etal);
        if (n) {
            json_t *arr = json_array();
            for (uint32_t k = 0; k < n; k++) json_array_append_new(arr, name(names[k]));
            json_object_set_new(o, f->csl, arr);
        }
        lit_arena_free(&a);
    }
}

/* The item's type: its own (the CSL type it was imported with, else its BibTeX type's)
 * while it fits the venue, else the venue's kind decides. */
static const char *type_of(const lit_paper *p, lit_venue_kind kind, bool known)
{
    const lit_node *bt = lit_paper_extra(p, "bibtype", LIT_NODE_SCALAR);
    const lit_node *ct = lit_paper_extra(p, "csltype", LIT_NODE_SCALAR);
    if (bt && lit_rec_type_fits(bt->str, known ? kind : LIT_VENUE_OTHER, p->n_sources)) {
        if (ct && *ct->str) return ct->str;
        if (lit_rec_csl_of_type(bt->str)) return lit_rec_csl_of_type(bt->str);
    }
    return kind == LIT_VENUE_CONFERENCE || kind == LIT_VENUE_WORKSHOP ? "paper-conference"
         : kind == LIT_VENUE_JOURNAL ? "article-journal" : "article";
}

static json_t *item(const lit_catalog *cat, const lit_venues *vs, const lit_paper *p)
{
    json_t *o = json_object();
    const char *vid = lit_catalog_venue(cat, p->venue);
    const lit_venue *v = vid && vs ? lit_venues_find(vs, vid) : NULL;
    lit_venue_kind kind = v ? v->kind : vid ? LIT_VENUE_CONFERENCE : LIT_VENUE_OTHER;
    const lit_node *bib = lit_paper_extra(p, "bib", LIT_NODE_MAP);
    const lit_node *bt = lit_paper_extra(p, "bibtype", LIT_NODE_SCALAR);
    set_str(o, "id", p->key);
    set_str(o, "citation-key", p->key);   /* Better BibTeX's field: the key comes back as the key, whatever its shape */
    set_str(o, "type", type_of(p, kind, v != NULL));
    set_str(o, "title", p->title);
    set_str(o, "title-short", p->short_name);
    if (p->n_authors) {
        json_t *a = json_array();
        for (uint32_t i = 0; i < p->n_authors; i++) json_array_append_new(a, name(p->authors[i]));
        json_object_set_new(o, "author", a);
    }
    record_fields(o, bib, bt ? bt->str : NULL);
    if (bt && !strcmp(bt->str, "phdthesis")) set_str(o, "genre", "PhD thesis");   /* the kind BibTeX's type says */
    if (bt && !strcmp(bt->str, "mastersthesis")) set_str(o, "genre", "Master's thesis");
    /* the container as the record names it (its journal or booktitle), else the venue table's name */
    const char *own = raw(bib, "journal");
    if (!own) own = raw(bib, "journaltitle");
    if (!own) own = raw(bib, "booktitle");
    if (kind == LIT_VENUE_PREPRINT) {
        if (!json_object_get(o, "publisher")) set_str(o, "publisher", vid);
        set_tex(o, "container-title", own, false);
    } else if (vid) {
        if (own) set_tex(o, "container-title", own, false);
        else set_str(o, "container-title", v && v->name ? v->name : vid);
        set_str(o, "container-title-short", vid);
        if (v && !json_object_get(o, "publisher")) set_str(o, "publisher", v->publisher);
    }
    if (p->year) {
        int m = lit_rec_month(raw(bib, "month"));
        json_t *dp = m ? json_pack("{s:[[i,i]]}", "date-parts", (int)p->year, m)
                       : json_pack("{s:[[i]]}", "date-parts", (int)p->year);
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
