/* catalog_check.c - the checks of `litsurvey check`: unknown or alias venues and topics, missing fields. */
#include "catalog_check.h"
#include <stdlib.h>
#include <string.h>

#define PARAGRAPH_NAMES 5   /* unknown names a paragraph lists before "and N more" */

static int by_papers(const void *a, const void *b)
{
    const lit_check_name *p = a, *q = b;
    if (p->papers != q->papers) return p->papers > q->papers ? -1 : 1;
    return strcmp(p->name, q->name);
}

/* The names with a count, most papers first. */
static lit_check_name *names_of(const lit_strtab *t, const size_t *count, size_t *n)
{
    lit_check_name *v = lit_xcalloc(t->n + 1, sizeof *v);
    *n = 0;
    for (size_t i = 0; i < t->n; i++)
        if (count[i]) v[(*n)++] = (lit_check_name){t->names[i], count[i]};
    qsort(v, *n, sizeof *v, by_papers);
    return v;
}

void lit_check_run(lit_check *k, const lit_db *db, lit_diag *d, bool notes)
{
    lit_diag *nd = notes ? d : NULL;
    memset(k, 0, sizeof *k);
    const lit_catalog *c = &db->cat;
    const char *file = c->path;
    size_t *venue_n = lit_xcalloc(c->venues.n + 1, sizeof *venue_n);
    size_t *topic_n = lit_xcalloc(c->topics.n + 1, sizeof *topic_n);
    k->n_papers = c->n_papers;
    for (size_t i = 0; i < c->n_papers; i++) {
        const lit_paper *p = &c->papers[i];
        const char *venue = lit_catalog_venue(c, p->venue);
        if (venue) {
            const lit_venue *v = lit_venues_find(&db->venues, venue);
            if (!v) {
                if (d) lit_error(d, file, p->line, p->col, "'%s': unknown venue '%s' (add it to %s)", p->key, venue,
                                 db->venues.path);
                k->bad_venue++, venue_n[p->venue]++;
            } else if (strcmp(v->id, venue) != 0) {
                if (d) lit_error(d, file, p->line, p->col, "'%s': venue '%s' is an alias: write '%s'", p->key, venue, v->id);
                k->alias_venue++;
            }
        } else {
            if (nd) lit_note_at(d, file, p->line, p->col, "'%s' has no venue", p->key);
            k->no_venue++;
        }
        if (!p->year) {
            if (nd) lit_note_at(d, file, p->line, p->col, "'%s' has no year", p->key);
            k->no_year++;
        }
        if (!p->n_topics) {
            if (nd) lit_note_at(d, file, p->line, p->col, "'%s' has no topic", p->key);
            k->no_topic++;
        }
        k->no_authors += p->n_authors == 0;
        bool record = false;
        for (uint32_t j = 0; j < p->n_extras && !record; j++)
            record = !strcmp(p->extras[j].key, "resolved") || !strcmp(p->extras[j].key, "bibtype");
        k->unresolved += !record;
        bool bad = false, alias = false;
        for (uint32_t j = 0; j < p->n_topics; j++) {
            const char *t = lit_catalog_topic(c, p->topics[j]);
            int ti = lit_topics_find(&db->topics, t);
            if (ti < 0) {
                if (d) lit_error(d, file, p->line, p->col, "'%s': unknown topic '%s' (add it to %s)", p->key, t,
                                 db->topics.path);
                k->errors++, bad = true, topic_n[p->topics[j]]++;
            } else if (strcmp(db->topics.t[ti].id, t) != 0) {
                if (d) lit_error(d, file, p->line, p->col, "'%s': topic '%s' is an alias: write '%s'", p->key, t,
                                 db->topics.t[ti].id);
                k->errors++, alias = true;
            }
        }
        k->bad_topic += bad, k->alias_topic += alias;
    }
    k->errors += k->bad_venue + k->alias_venue;
    k->venues = names_of(&c->venues, venue_n, &k->n_venues);
    k->topics = names_of(&c->topics, topic_n, &k->n_topics);
    free(venue_n);
    free(topic_n);
}

static void list_names(lit_buf *b, const lit_check_name *v, size_t n)
{
    char nb[32];
    for (size_t i = 0; i < n && i < PARAGRAPH_NAMES; i++)
        lit_buf_printf(b, "%s%s (%s)", i ? ", " : "", v[i].name, lit_num_str(nb, v[i].papers));
    if (n > PARAGRAPH_NAMES) lit_buf_printf(b, " and %s more", lit_num_str(nb, n - PARAGRAPH_NAMES));
}

static void missing(lit_buf *b, size_t n, const char *what, bool *first)
{
    if (!n) return;
    char nb[32];
    lit_buf_printf(b, "%s%s: %s", *first ? "" : "; ", what, lit_num_str(nb, n));
    *first = false;
}

void lit_check_paragraph(const lit_check *k, lit_buf *b)
{
    char nb[2][32];
    if (!k->bad_venue && !k->bad_topic && !k->alias_venue && !k->alias_topic) {
        if (k->n_papers == 1) lit_buf_adds(b, "The catalog's one paper has a venue and topics the tables know.");
        else lit_buf_printf(b, "All %s papers of the catalog have venues and topics the tables know.",
                            lit_num_str(nb[0], k->n_papers));
    } else {
        lit_buf_printf(b, "Of the catalog's %s paper%s, ", lit_num_str(nb[0], k->n_papers), k->n_papers == 1 ? "" : "s");
        if (k->bad_venue) {
            lit_buf_printf(b, "%s %s at %s venue%s the venue table does not know: ", lit_num_str(nb[0], k->bad_venue),
                           k->bad_venue == 1 ? "is" : "are", lit_num_str(nb[1], k->n_venues), k->n_venues == 1 ? "" : "s");
            list_names(b, k->venues, k->n_venues);
            lit_buf_adds(b, k->bad_topic ? "; " : ".");
        }
        if (k->bad_topic) {
            lit_buf_printf(b, "%s %s topics the topic table does not know: ", lit_num_str(nb[0], k->bad_topic),
                           k->bad_topic == 1 ? "has" : "have");
            list_names(b, k->topics, k->n_topics);
            lit_buf_adds(b, ".");
        }
        if (k->alias_venue || k->alias_topic)
            lit_buf_printf(b, "%sPapers that write an alias for the id: %s for the venue, %s for a topic.",
                           k->bad_venue || k->bad_topic ? " " : "", lit_num_str(nb[0], k->alias_venue),
                           lit_num_str(nb[1], k->alias_topic));
        lit_buf_printf(b, " Statistics count unknown venues and topics under the names as written.");
    }
    bool first = true;
    size_t len = b->len;
    lit_buf_adds(b, " Papers ");
    missing(b, k->no_year, "without a year", &first);
    missing(b, k->no_venue, "without a venue", &first);
    missing(b, k->no_topic, "without a topic", &first);
    if (first) {
        b->len = len;
        lit_buf_adds(b, " Every paper has a year, a venue and a topic.");
    } else {
        lit_buf_adds(b, " (litsurvey check lists them).");
    }
    /* what a citation needs: authors, and a record behind the list's words */
    first = true;
    len = b->len;
    lit_buf_adds(b, " Papers ");
    missing(b, k->no_authors, "without authors", &first);
    missing(b, k->unresolved, "without a bibliographic record", &first);
    if (first) b->len = len;
    else lit_buf_adds(b, " (litsurvey resolve fills them from your bibliography and DBLP).");
}

void lit_check_free(lit_check *k)
{
    free(k->venues);
    free(k->topics);
    memset(k, 0, sizeof *k);
}
