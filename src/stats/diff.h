/* diff.h - what changed between two catalogs: papers added, removed, and changed. */
#ifndef LIT_DIFF_H
#define LIT_DIFF_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "catalog.h"

/* A field of a paper in both catalogs that differs. */
typedef struct lit_change {
    uint32_t old_ix, new_ix;   /* the paper in each catalog */
    const char *field;         /* key, title, short, venue, year, topics, links */
    char *was, *now;           /* the values as text ("" for none); topics/links: +x -y in now */
} lit_change;

typedef struct lit_diff {
    const lit_catalog *old, *new_;
    const struct lit_topics *labels;   /* topics named by label, or NULL: by id */
    uint32_t *added;   size_t n_added;     /* indices into new_, in key order */
    uint32_t *removed; size_t n_removed;   /* indices into old */
    lit_change *changes; size_t n_changes, cap_changes;   /* by new key, then field */
    size_t n_changed;                       /* papers with at least one change */
} lit_diff;

/* Pairs the papers of the two catalogs by key, then (a paper whose key changed) by DOI,
 * arXiv id or normalised title, and lists what differs. With labels (may be NULL) a
 * topic that table knows is named by its label, as every other output names it. */
struct lit_topics;
void lit_diff_compute(lit_diff *df, const lit_catalog *old, const lit_catalog *new_, const struct lit_topics *labels);
void lit_diff_free(lit_diff *df);

enum lit_diff_format { LIT_DIFF_TEXT, LIT_DIFF_MD, LIT_DIFF_CSV };
/* old_name/new_name say what was compared (file names or REV:path) in text and Markdown. */
void lit_diff_write(lit_buf *out, const lit_diff *df, enum lit_diff_format f, const char *old_name,
                    const char *new_name);

/* Appends what changed in the paper of changes[k] ("venue arXiv -> OSDI; topics +x") and
 * returns the index of the next paper's first change. */
size_t lit_diff_paper_changes(lit_buf *b, const lit_diff *df, size_t k, bool md);

/* Reads path as it was at git revision rev (`git -C DIR show REV:./NAME`) into a
 * NUL-terminated malloc'd buffer. Returns 0, or -1 after an I/O error naming path. */
int lit_git_show(const char *rev, const char *path, char **data, size_t *len, lit_diag *d);

#endif
