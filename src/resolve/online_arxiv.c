/* online_arxiv.c - arXiv's API answers (an Atom feed of entries, arXiv's own elements in their
 * namespace) read into preprint records with libxml2. */
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "online_priv.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define ARXIV_NS "http://arxiv.org/schemas/atom"

static bool is(const xmlNode *n, const char *ns, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
           !strcmp((const char *)n->name, name);
}

/* The text of n's first child element ns:name, cleaned into t; NULL when none. */
static const char *child_text(const xmlNode *n, const char *ns, const char *name, lit_arena *t)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, ns, name)) {
            xmlChar *s = xmlNodeGetContent(c);
            const char *r = online_text(t, (const char *)s, 0);
            xmlFree(s);
            return r;
        }
    return NULL;
}

static void entry(const xmlNode *e, lit_arena *t, lit_catalog *rc)
{
    online_rec r = {0};
    const char *id = child_text(e, ATOM_NS, "id", t), *abs = id ? strstr(id, "arxiv.org/abs/") : NULL;
    r.title = child_text(e, ATOM_NS, "title", t);
    if (!abs || !r.title) return;
    r.key = r.arxiv = abs + 14;   /* the version is dropped when the record is made */
    for (const xmlNode *c = e->children; c; c = c->next)
        if (is(c, ATOM_NS, "author")) online_rec_author(&r, child_text(c, ATOM_NS, "name", t));
    const char *published = child_text(e, ATOM_NS, "published", t);   /* the first version's date */
    r.year = published ? atoi(published) : 0;
    r.doi = child_text(e, ARXIV_NS, "doi", t);   /* the published version's, as its authors give it */
    r.venue = "arXiv";
    online_rec_add(rc, &r);
    /* the record's key is its id without version, as the matcher and provenance name it */
    lit_paper *p = &rc->papers[rc->n_papers - 1];
    if (p->arxiv) p->key = p->arxiv;
}

int online_read_arxiv(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err)
{
    (void)status;
    if (len > (size_t)0x7fffffff) { lit_buf_adds(err, "answer too large"); return -1; }
    xmlDoc *doc = xmlReadMemory(body, (int)len, "arxiv.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        lit_buf_printf(err, "malformed XML at line %d: %s", e ? e->line : 0, e && e->message ? e->message : "unreadable\n");
        if (err->len && err->data[err->len - 1] == '\n') err->data[--err->len] = 0;   /* libxml2's messages end in one */
        return -1;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    int n = -1;
    if (!root || !is(root, ATOM_NS, "feed")) lit_buf_adds(err, "not an arXiv answer (no Atom feed)");
    else {
        lit_arena t = {0};
        size_t before = rc->n_papers;
        n = 0;
        for (const xmlNode *c = root->children; c; c = c->next) {
            if (!is(c, ATOM_NS, "entry")) continue;
            const char *id = child_text(c, ATOM_NS, "id", &t);
            if (id && strstr(id, "/api/errors")) {   /* arXiv answers a bad query with an entry saying so */
                const char *why = child_text(c, ATOM_NS, "summary", &t);
                lit_buf_printf(err, "arXiv says: %s", why ? why : "error");
                n = -1;
                break;
            }
            entry(c, &t, rc);
        }
        if (n == 0) n = (int)(rc->n_papers - before);
        else rc->n_papers = before;
        lit_arena_free(&t);
    }
    xmlFreeDoc(doc);
    return n;
}
