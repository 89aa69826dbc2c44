/* topics.h - the topic taxonomy of data/topics.yaml: ids, labels, parents, section aliases. */
#ifndef LIT_TOPICS_H
#define LIT_TOPICS_H
#include <stddef.h>
#include "arena.h"
#include "catalog.h"
#include "diag.h"

/* Names normalised with lit_alias_key, each mapped to an index of a table. */
typedef struct lit_alias_map {
    lit_strtab keys;
    int32_t *ix;           /* keys index -> table index */
} lit_alias_map;

/* Maps name to ix. Returns ix, the other index when name already maps to another one,
 * or -2 when name has no letters or digits. */
int32_t lit_alias_map_add(lit_alias_map *m, lit_arena *a, const char *name, int32_t ix);
int32_t lit_alias_map_find(const lit_alias_map *m, const char *name);   /* -1 if absent */
void lit_alias_map_free(lit_alias_map *m);

typedef struct lit_topic {
    const char *id;        /* pipeline-parallelism */
    const char *label;     /* Pipeline parallelism */
    const char *short_label;   /* a shorter label for charts where the label does not fit
                                  ("Cluster scheduling"), or NULL */
    const char *parent;    /* id of the parent topic or NULL */
    int parent_ix;         /* index of the parent in the table, -1 for a root */
    const char **aliases;  /* section headings of real lists that mean this topic */
    size_t n_aliases;
    long line, col;        /* where the entry starts */
    long parent_line, parent_col;  /* where its parent is named */
} lit_topic;

typedef struct lit_topics {
    lit_arena arena;
    const char *path;
    lit_topic *t;          /* in file order: this order is the taxonomy order and
                              fixes each topic's colour */
    size_t n;
    lit_alias_map names;   /* id, label, short label and aliases -> index into t */
} lit_topics;

int lit_topics_load(lit_topics *ts, const char *path, lit_diag *d);
void lit_topics_free(lit_topics *ts);
/* Index of the topic with this id, label, short label or alias (ignoring case, spaces and
 * punctuation), or -1. */
int lit_topics_find(const lit_topics *ts, const char *name);

/* Normalises a name for alias lookup: ASCII letters lower-cased, digits kept,
 * everything else dropped ("Euro-Sys '18" -> "eurosys18"). Returns a malloc'd string. */
char *lit_alias_key(const char *s);

#endif
