/* online_record.c - a record of an online service's answer made into a paper of a scratch
 * catalog: text cleaned, identifiers in the form the matcher compares, the entry type and the
 * bib fields as the DBLP index writes them. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dblp_priv.h"   /* lit_dblp_tex_value */
#include "import_ref.h"  /* lit_bib_find_arxiv */
#include "match.h"
#include "online_priv.h"

static const char *const bib_names[OB_N] = {"booktitle", "journal", "volume", "number", "pages", "publisher"};

/* Appends the UTF-8 encoding of code point cp. */
static void add_utf8(lit_buf *b, unsigned long cp)
{
    char u[4];
    if (cp < 0x80) lit_buf_addc(b, (char)cp);
    else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F));
        lit_buf_add(b, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F));
        lit_buf_add(b, u, 3);
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
        lit_buf_add(b, u, 4);
    }
}

/* The character reference at s ("&amp;", "&#39;", "&#x2019;"): its length, and its code point in *cp; 0 if none. */
static size_t entity(const char *s, unsigned long *cp)
{
    static const struct { const char *name; unsigned long cp; } named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    };
    const char *semi = strchr(s, ';');
    if (s[0] != '&' || !semi || semi - s > 10) return 0;
    size_t n = (size_t)(semi - s) + 1;
    if (s[1] == '#') {
        char *end;
        unsigned long v = s[2] == 'x' || s[2] == 'X' ? strtoul(s + 3, &end, 16) : strtoul(s + 2, &end, 10);
        if (end != semi || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return 0;
        *cp = v;
        return n;
    }
    for (size_t k = 0; k < sizeof named / sizeof *named; k++)
        if (strlen(named[k].name) == n - 2 && !memcmp(s + 1, named[k].name, n - 2)) {
            *cp = named[k].cp;
            return n;
        }
    return 0;
}

const char *online_text(lit_arena *a, const char *s, int how)
{
    if (!s) return NULL;
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    bool space = false;
    for (const char *p = s; *p;) {
        unsigned long cp;
        size_t n;
        if ((how & TEXT_TAGS) && *p == '<' && (isalpha((unsigned char)p[1]) || (p[1] == '/' && isalpha((unsigned char)p[2])))) {
            const char *gt = strchr(p, '>');
            if (gt) { p = gt + 1; continue; }
        }
        if (isspace((unsigned char)*p)) { space = true; p++; continue; }
        if (space && b.len) lit_buf_addc(&b, ' ');
        space = false;
        if ((how & TEXT_ENTITIES) && *p == '&' && (n = entity(p, &cp)) > 0) {
            if (cp == 0xA0) space = true;
            else add_utf8(&b, cp);
            p += n;
        } else lit_buf_addc(&b, *p++);
    }
    const char *r = b.len ? lit_arena_strdup(a, b.data) : NULL;
    lit_buf_free(&b);
    return r;
}

void online_rec_author(online_rec *r, const char *name)
{
    if (!name || !*name) return;
    LIT_GROW(r->authors, r->cap_authors, r->n_authors + 1);
    r->authors[r->n_authors++] = name;
}

/* Crossref's types (OpenAlex's type_crossref) as BibTeX entry types, with the field the
 * container's name goes in; a posted-content is a preprint, its container a server. */
static const struct { const char *crossref, *bibtype; int venue_field; } crossref_types[] = {
    {"journal-article", "article", OB_JOURNAL},
    {"proceedings-article", "inproceedings", OB_BOOKTITLE},
    {"book-chapter", "incollection", OB_BOOKTITLE},
    {"book-section", "incollection", OB_BOOKTITLE},
    {"book-part", "incollection", OB_BOOKTITLE},
    {"reference-entry", "incollection", OB_BOOKTITLE},
    {"book", "book", -1},
    {"monograph", "book", -1},
    {"edited-book", "book", -1},
    {"reference-book", "book", -1},
    {"dissertation", "phdthesis", -1},
    {"report", "techreport", -1},
    {"posted-content", NULL, -1},
};

bool online_rec_crossref_type(online_rec *r, const char *type, const char *container)
{
    for (size_t k = 0; type && k < sizeof crossref_types / sizeof *crossref_types; k++) {
        if (strcmp(type, crossref_types[k].crossref)) continue;
        r->type = crossref_types[k].bibtype;
        if (crossref_types[k].venue_field >= 0 && container) r->bib[crossref_types[k].venue_field] = container;
        return !r->type;
    }
    return false;
}

void online_rec_add(lit_catalog *rc, online_rec *r)
{
    lit_arena *a = &rc->arena;
    lit_paper *p = lit_catalog_add(rc);
    p->key = lit_arena_strdup(a, r->key);
    p->title = lit_arena_strdup(a, r->title);
    p->year = (int16_t)(r->year > 0 && r->year < 10000 ? r->year : 0);
    if (r->n_authors) {
        p->authors = lit_arena_alloc(a, r->n_authors * sizeof *p->authors);
        for (size_t i = 0; i < r->n_authors; i++) p->authors[i] = lit_arena_strdup(a, r->authors[i]);
        p->n_authors = (uint32_t)r->n_authors;
    }
    const char *doi = r->doi;   /* as written, without a resolver prefix (OpenAlex: https://doi.org/10...) */
    if (doi && (!strncasecmp(doi, "http", 4) || !strncasecmp(doi, "doi:", 4))) doi = strstr(doi, "10.");
    if (doi && *doi) p->doi = lit_arena_strdup(a, doi);
    char id[32];
    if (r->arxiv && lit_bib_find_arxiv(r->arxiv, id)) {
        char *k = lit_arxiv_key(id);
        p->arxiv = lit_arena_strdup(a, k);
        free(k);
    }
    if (r->venue) p->venue = lit_catalog_venue_id(rc, r->venue);
    size_t nb = 0;
    for (int f = 0; f < OB_N; f++) nb += r->bib[f] != NULL;
    p->extras = lit_arena_alloc(a, 2 * sizeof *p->extras);
    if (r->type) p->extras[p->n_extras++] = (lit_extra){"bibtype", {LIT_NODE_SCALAR, r->type, false, NULL, 0}};
    if (r->type && nb) {
        lit_node *items = lit_arena_alloc(a, 2 * nb * sizeof *items);
        size_t k = 0;
        for (int f = 0; f < OB_N; f++) {
            if (!r->bib[f]) continue;
            items[2 * k] = (lit_node){LIT_NODE_SCALAR, bib_names[f], false, NULL, 0};
            items[2 * k + 1] = (lit_node){LIT_NODE_SCALAR, lit_dblp_tex_value(a, r->bib[f], strlen(r->bib[f]), f == OB_PAGES),
                                          true, NULL, 0};
            k++;
        }
        p->extras[p->n_extras++] = (lit_extra){"bib", {LIT_NODE_MAP, NULL, false, items, nb}};
    }
    free(r->authors);
    r->authors = NULL;
    r->n_authors = r->cap_authors = 0;
}
