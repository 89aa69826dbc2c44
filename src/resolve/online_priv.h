/* online_priv.h - what the online sources share: a record as a service's answer gives it, made
 * into a paper of a scratch catalog the way the DBLP index makes its records, and the readers
 * of the four services' answers. */
#ifndef LIT_ONLINE_PRIV_H
#define LIT_ONLINE_PRIV_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "catalog.h"

/* The bib fields a record may give, in the order the bib map holds them. */
enum { OB_BOOKTITLE, OB_JOURNAL, OB_VOLUME, OB_NUMBER, OB_PAGES, OB_PUBLISHER, OB_N };

/* One record being read; strings are the reader's until online_rec_add copies them. */
typedef struct online_rec {
    const char *key;        /* the service's id: an arXiv id, a DOI, a DBLP key, an OpenAlex id */
    const char *title, *doi, *arxiv;
    const char *venue;      /* as the service names it ("CoRR", "Proceedings of ..."); NULL: none */
    const char *type;       /* the BibTeX entry type, NULL when none fits */
    const char *bib[OB_N];
    const char **authors;   /* "Given Family" */
    size_t n_authors, cap_authors;
    int year;               /* 0: none */
} online_rec;

/* How text from a service is cleaned: XML/HTML character references decoded (DBLP's JSON
 * writes "Operators&apos; State"), markup tags dropped (Crossref's JATS: "<scp>T</scp>reebase"),
 * always white space runs made one space and the ends trimmed. */
enum { TEXT_ENTITIES = 1, TEXT_TAGS = 2 };

/* s cleaned into a's memory; NULL for NULL, or for text that is empty when cleaned. */
const char *online_text(lit_arena *a, const char *s, int how);
void online_rec_author(online_rec *r, const char *name);
/* Sets r->type and, for its venue field (booktitle, journal), r->bib from a Crossref type
 * ("journal-article", "proceedings-article", "posted-content", ...; OpenAlex gives them as
 * type_crossref) and the container's name. Returns whether the type is a preprint's. */
bool online_rec_crossref_type(online_rec *r, const char *type, const char *container);
/* Appends r to rc as a paper: key, title, authors, year, DOI (no resolver prefix), arXiv id
 * (no version), venue, and the extras bibtype and bib (values as the DBLP index writes
 * them). Frees r's author array. */
void online_rec_add(lit_catalog *rc, online_rec *r);

/* The readers: each appends the records of one answer body (status is the HTTP status:
 * 404 is Crossref's "no such DOI") to rc and returns their number, or -1 with why the
 * body is not the service's answer in err ("malformed JSON at line 1, column 7: ..."). */
typedef int (*online_read_fn)(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err);
int online_read_arxiv(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err);
int online_read_crossref(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err);
int online_read_dblp(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err);
int online_read_openalex(const char *body, size_t len, long status, lit_catalog *rc, lit_buf *err);

#endif
