/* topics.h - the topic taxonomy of data/topics.yaml: ids, labels, parents, section aliases. */
#ifndef LIT_TOPICS_H
#define LIT_TOPICS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
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
    size_t n, cap;         /* cap: t's capacity */
    size_t n_loaded;       /* topics from files (topics.yaml, a catalog's own); those an
                              import makes come after, in the order it met them */
    lit_alias_map names;   /* id, label, short label and aliases -> index into t */
} lit_topics;

int lit_topics_load(lit_topics *ts, const char *path, lit_diag *d);
void lit_topics_free(lit_topics *ts);
/* Index of the topic with this id, label, short label or alias (ignoring case, spaces and
 * punctuation), or -1. */
int lit_topics_find(const lit_topics *ts, const char *name);

/* Appends a topic (an import's new topic, or one a catalog defines) with its id and label
 * as names; a label that already names another topic is kept but not registered.
 * Returns its index, or -1 when the id already names a topic. */
int lit_topics_add(lit_topics *ts, const char *id, const char *label, int parent_ix);

/* Defines the catalog's own topics (its `topics:` list) after the taxonomy: an id the
 * taxonomy already names is skipped (the taxonomy wins); parents must name topics.
 * Errors are located in the catalog file. */
int lit_topics_add_defs(lit_topics *ts, const lit_catalog *c, lit_diag *d);

/* ---- section headings -> topics (topics_match.c) ----
 *
 * A heading names a topic exactly (lit_topics_find) or loosely: both sides are reduced to
 * word sets by these rules, in order:
 *   1. emoji and symbols are dropped, ASCII letters lower-cased;
 *   2. every other non-alphanumeric ASCII character separates words ("&", "/", "-", "(");
 *   3. words of digits only are dropped (section numbers "2.1", years);
 *   4. stop words are dropped: connectives (a, and, for, of, on, with, via, ...) and list
 *      words (awesome, paper, papers, list, recent, related, year, ...);
 *   5. words are stemmed: plural -s/-es/-ies, then -ing, -ation, -ion, -ism, -ed, -e
 *      (a doubled final consonant undone): "Scheduling" and "Schedule" are both "schedul";
 *   6. the words form a set: order and repeats do not count.
 * Some words are weak: qualifiers of every topic in a list of systems papers (LLM, ML,
 * DNN, AI, system) and generic ones (efficient, optimization, GPU, large, scale,
 * distributed, infrastructure, framework, design, general, ...). A topic matches when
 * some of its names (id, label, short label, aliases) have all their words in the heading
 * and, together with its ancestors' names that do, cover every word of the heading that
 * is not weak. So "Inference System" is Inference, "Resource scheduling" is "Resource
 * Schedule", "GPU Memory Management and Optimization" is "Memory Management", but "Index
 * Recommendation" is not "Recommendation" (index is not covered) and "Traditional" is not
 * "Traditional ML" (a name keeps its weak words). When several topics match, the one
 * below all the others wins; topics side by side are no match. */
int lit_topics_match(const lit_topics *ts, const char *heading);

struct lit_venues;
/* Whether a heading can never be a topic: it has no words but weak ones (the rules
 * above), outside parentheses too; it is a heading of a list's furniture (Contents,
 * Contributing, License, Acknowledgements, Citation, Related lists, Introduction, News,
 * References, General, ...); it states a year ("CCS 2024", "OSDI'22", "Others 2020": when,
 * not what); or it is a venue of vs ("USENIX Security", "S&P"). */
bool lit_heading_never_topic(const struct lit_venues *vs, const char *heading);

/* What an import made of one distinct section heading. */
typedef struct lit_heading_note {
    const char *heading;   /* cleaned: the label of a topic made from it */
    int topic;             /* index into the topics, or -1 */
    char how;              /* 'e' exact, 'l' loose, 'n' new topic, '?' not yet a topic,
                              '-' never a topic */
    int fallback;          /* a list title that names no topic: the topic its papers get
                              when no heading below it gives one (-1 until made) */
    size_t papers;         /* papers that got their topic from this heading */
} lit_heading_note;

/* Section headings to topics for one import: exact and loose matches, new topics. */
typedef struct lit_topic_import {
    lit_topics *ts;
    const struct lit_venues *vs;
    size_t first_new;      /* topics from this index on were made by the import */
    lit_heading_note *notes;
    size_t n_notes, cap_notes;
    lit_alias_map seen;    /* heading -> note index */
    struct lit_name_words *names;  /* word sets of the first_new topics' names */
} lit_topic_import;

void lit_topic_import_init(lit_topic_import *ti, lit_topics *ts, const struct lit_venues *vs);
void lit_topic_import_free(lit_topic_import *ti);
/* The topic of a paper listed under heads[0..n) (outermost first); title is the index of
 * the list's title among them, or -1; list_title the list's title, or NULL. The
 * innermost heading that can be a topic gives it: by name, loosely, or as a new topic
 * (id from the heading, label = the heading) under the topic of the headings above it;
 * a heading shaped like a paper's title (a name and a colon before the rest, a question,
 * more than 7 words) is no new topic.
 * A catch-all heading (Others, Misc) under one that gives a topic means that topic. A
 * list's title gives a topic by name, or when no heading does (then without its list
 * words: "Awesome GUI Agent Paper List" is "GUI Agent"); it is never a parent of new
 * topics. Returns the topic index or -1 and counts the paper in its note. */
int lit_topic_import_paper(lit_topic_import *ti, const char *const *heads, size_t n, int title,
                           const char *list_title);
/* Prints the headings that matched loosely or became topics, with their paper counts. */
void lit_topic_import_report(const lit_topic_import *ti, FILE *f);
/* Writes them as a topics.yaml fragment: the new topics that papers of c use (and their
 * parents) as entries, loose matches as entries with only an id and aliases (which add the
 * aliases to that topic). */
int lit_topic_import_write(const lit_topic_import *ti, const lit_catalog *c, const char *path, lit_diag *d);
/* Appends those new topics to the catalog's own topics (c->topic_defs). */
void lit_topic_import_defs(const lit_topic_import *ti, lit_catalog *c);

/* Normalises a name for alias lookup: ASCII letters lower-cased, digits kept,
 * everything else dropped ("Euro-Sys '18" -> "eurosys18"). Returns a malloc'd string. */
char *lit_alias_key(const char *s);

#endif
