/* catalog.h - the paper/catalog model: papers with interned venues and topics, one arena. */
#ifndef LIT_CATALOG_H
#define LIT_CATALOG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "diag.h"

/* A YAML value the catalog does not interpret (hand-added fields such as notes or
 * status); kept as it was so that saving never drops it. */
typedef struct lit_node lit_node;
enum lit_node_kind { LIT_NODE_SCALAR, LIT_NODE_SEQ, LIT_NODE_MAP };
struct lit_node {
    enum lit_node_kind kind;
    const char *str;   /* scalar text */
    bool quoted;       /* scalar was quoted in the source */
    lit_node *items;   /* SEQ: n values; MAP: n key/value pairs as 2n nodes (key, value, ...) */
    size_t n;
};

typedef struct lit_extra { const char *key; lit_node value; } lit_extra;

/* Where a paper was listed: the list's file name (no folder), 1-based line, section. */
typedef struct lit_source { const char *list; long line; const char *section; } lit_source;

/* A link with its kind: paper, code, slides, talk, pdf, video, ... */
typedef struct lit_link { const char *kind; const char *url; } lit_link;

typedef struct lit_paper {
    const char *key;          /* unique, stable citation key */
    const char *title;
    const char *short_name;   /* system name ("short:" in YAML) or NULL */
    const char **authors;     /* n_authors names, may be 0 */
    int32_t *topics;          /* indices into catalog->topics */
    lit_link *links;
    lit_source *sources;
    lit_extra *extras;        /* fields kept verbatim, in file order */
    const char *doi, *arxiv;  /* identifiers when known ("doi:", "arxiv:"), else NULL */
    uint32_t n_authors, n_topics, n_links, n_sources, n_extras;
    int32_t venue;            /* index into catalog->venues, or -1 when absent */
    int16_t year;             /* 0 when unknown */
    bool year_inferred;       /* year taken from an arXiv id, not stated ("year_inferred: true") */
    bool authors_etal;        /* the authors are the first few of more ("X et al.", bibtex "and
                                 others"): "authors_complete: false" */
    long line, col;           /* where the entry starts in the catalog file (0 if built in memory) */
} lit_paper;

/* A topic the catalog defines itself (its `topics:` list, after the papers): a section
 * heading the taxonomy does not name, made a topic by an import. */
typedef struct lit_topic_def { const char *id, *label, *parent; long line, col; } lit_topic_def;

/* A section of an imported list that holds papers (itself or below it): its heading as
 * written (emoji and all), its level as a heading of the list `litsurvey markdown` writes
 * back (1 for the list's '# ' title, else 2 at the top and one more per section it is
 * under), the topic a paper listed right under it got (NULL: none), and its line. */
typedef struct lit_section { const char *heading, *topic; int level; long line; } lit_section;

/* An imported Markdown or text list: its file (the path as given, as in sources) and its
 * sections in the list's order (the catalog's `lists:`). */
typedef struct lit_list {
    const char *file;
    lit_section *sections;    /* malloc'd */
    size_t n_sections, cap_sections;
    lit_section *aside;       /* an earlier import's record while the file is imported again */
    size_t n_aside;
    bool had_aside;
} lit_list;

/* Interned strings: each distinct name once, with a stable index. */
typedef struct lit_strtab {
    const char **names;       /* n names, in first-seen order */
    size_t n, cap;
    uint32_t *slots;          /* open-addressing hash: index+1, 0 = empty */
    size_t nslots;
} lit_strtab;

typedef struct lit_catalog {
    lit_arena arena;          /* owns every string and array of the catalog */
    const char *path;         /* file it was loaded from, for messages; NULL if none */
    lit_paper *papers;
    size_t n_papers, cap_papers;
    lit_strtab venues;        /* venue ids as written in the catalog */
    lit_strtab topics;        /* topic ids as written in the catalog */
    lit_topic_def *topic_defs;  /* the catalog's own topics, in file order */
    size_t n_topic_defs, cap_topic_defs;
    lit_list *lists;          /* the imported lists, by file name */
    size_t n_lists, cap_lists;
    int load_threads;         /* threads the last lit_catalog_load parsed it with (benchmarks, tests) */
    long long mtime;          /* modification time of the file it was loaded from; 0: none (stdin, memory) */
} lit_catalog;

void lit_catalog_init(lit_catalog *c);
void lit_catalog_free(lit_catalog *c);   /* frees everything the catalog owns */

/* Appends a zeroed paper (venue -1) and returns it; valid until the next append. */
lit_paper *lit_catalog_add(lit_catalog *c);
/* Interns a string in the catalog arena and returns its index. */
int32_t lit_catalog_venue_id(lit_catalog *c, const char *name);
int32_t lit_catalog_topic_id(lit_catalog *c, const char *name);
const char *lit_catalog_venue(const lit_catalog *c, int32_t id);  /* NULL for -1 */
const char *lit_catalog_topic(const lit_catalog *c, int32_t id);
/* Index of the paper with this key, or -1. Linear; for lookups in a loop build a map. */
long lit_catalog_find(const lit_catalog *c, const char *key);
/* Where a paper's title links to, appended to u: its paper link, else its DOI, else its
 * arXiv abstract; only web addresses (a javascript: or file: link is not followed).
 * Appends nothing when there is none. */
struct lit_buf;
void lit_paper_url(struct lit_buf *u, const lit_paper *p);
/* The value of a paper's extra field key when it is of this kind (bibtype: a scalar, bib:
 * a map, aliases: a sequence), else NULL. */
const lit_node *lit_paper_extra(const lit_paper *p, const char *key, enum lit_node_kind kind);
/* Where a paper was first listed: its first source's list and line, else (no source) no
 * list and its line in the catalog file. */
const char *lit_paper_first_list(const lit_paper *p);
long lit_paper_first_line(const lit_paper *p);
/* Orders papers by the place they were first listed, then by title. */
int lit_paper_place_cmp(const lit_paper *a, const lit_paper *b);
/* Sorts papers by key (the saved order). */
void lit_catalog_sort(lit_catalog *c);

/* The list record of file, or NULL. */
lit_list *lit_catalog_find_list(const lit_catalog *c, const char *file);
/* Starts the list record of file afresh for an import of it (a record an earlier import
 * left is put aside); lit_catalog_end_list then drops the old record, or when the import
 * of the file failed (ok false) puts it back. */
lit_list *lit_catalog_begin_list(lit_catalog *c, const char *file);
void lit_catalog_end_list(lit_catalog *c, const char *file, bool ok);
/* Appends a section to l (strings are copied into the catalog); returns its index. */
size_t lit_list_add_section(lit_catalog *c, lit_list *l, const char *heading, int level, long line);
/* SOURCE_DATE_EPOCH (seconds since 1970; by convention the sources' last change) when it
 * is set to a date before the year 10000, else -1. */
long long lit_source_date_epoch(void);
/* The date of the catalog's data, seconds since 1970: SOURCE_DATE_EPOCH when it is set,
 * else the modification time of the catalog file (when its papers last changed), else -1
 * (read from stdin or made in memory). Never the clock: the same file gives the same date. */
long long lit_catalog_date(const lit_catalog *c);

/* Reads a catalog file ("-" for stdin) with located errors: wrong types, duplicate
 * mapping keys, duplicate paper keys, out-of-range years, invalid UTF-8, aliases. */
int lit_catalog_load(lit_catalog *c, const char *path, lit_diag *d);
/* lit_catalog_load with this many threads (1: one; lit_catalog_load takes one per core
 * for big files, or LITSURVEY_THREADS). The result, errors included, is the same. */
int lit_catalog_load_threads(lit_catalog *c, const char *path, int threads, lit_diag *d);
int lit_catalog_load_mem(lit_catalog *c, const char *name, const char *data, size_t len, lit_diag *d);
/* Writes the catalog in its canonical form (papers in the order given) to path
 * ("-" for stdout), through a temporary file renamed into place. */
int lit_catalog_save(const lit_catalog *c, const char *path, lit_diag *d);

/* String table primitives (used by catalog, venues and topics). */
int32_t lit_strtab_intern(lit_strtab *t, lit_arena *a, const char *s);
int32_t lit_strtab_find(const lit_strtab *t, const char *s);  /* -1 if absent */
void lit_strtab_free(lit_strtab *t);

#endif
