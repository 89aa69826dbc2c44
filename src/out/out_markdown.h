/* out_markdown.h - the catalog as a README-ready awesome-list that `litsurvey import` reads back. */
#ifndef LIT_OUT_MARKDOWN_H
#define LIT_OUT_MARKDOWN_H
#include <stdbool.h>
#include "buf.h"
#include "stats.h"

typedef enum lit_md_group { LIT_MD_TOPIC, LIT_MD_VENUE, LIT_MD_YEAR, LIT_MD_VENUE_YEAR } lit_md_group;
typedef enum lit_md_sort { LIT_MD_NEWEST, LIT_MD_OLDEST, LIT_MD_TITLE } lit_md_sort;

/* Zeroed: by topic, newest first, with a table of contents, no charts, list entries. */
typedef struct lit_md_opts {
    lit_md_group group;
    lit_md_sort sort;
    bool no_toc;
    bool table;              /* entries as a Markdown table per group, not a list */
    const char *charts;      /* folder (as the README refers to it) whose KIND.png to embed */
    const char *charts_fs;   /* the same folder as this process finds it (NULL: charts) */
} lit_md_opts;

/* Appends the list of the selected papers s->sel to out: a table of contents, then one
 * heading per group (topics in taxonomy order, nested by parent; papers without topic
 * under "Without a topic", a heading the importer reads as none) and one entry per paper:
 *   - [OSDI'20] **Gavel**: Title. Author One, Author Two [[paper]](url) [[code]](url)
 * Grouped by topic, `litsurvey import` of the text gives back the papers' titles, system
 * names, authors, venues, years, topics and links. */
void lit_md_write(lit_buf *out, const lit_db *db, const lit_stats *s, const lit_md_opts *o);

/* Appends one entry line ("- [OSDI'20] **Gavel**: ... [[paper]](url)\n"): always one line,
 * links only to http(s), doi and relative addresses (javascript:, file:, data: and other
 * schemes are left out). */
void lit_md_entry(lit_buf *out, const lit_catalog *cat, const lit_paper *p);

/* Appends s with every character Markdown could read as syntax backslash-escaped, line
 * breaks and tabs as spaces, what would start a block at its start ("- ", "1. ") escaped,
 * control characters, noncharacters and invalid UTF-8 as U+FFFD. */
void lit_md_escape(lit_buf *b, const char *s);

/* The marked region of a README: text between the line holding LIT_MD_BEGIN and the
 * line holding LIT_MD_END is replaced by body; everything else stays byte for byte.
 * Returns 0, or -1 after a located error (a marker missing, twice, or out of order). */
#define LIT_MD_BEGIN "<!-- litsurvey:begin -->"
#define LIT_MD_END "<!-- litsurvey:end -->"
int lit_md_splice(lit_buf *out, const char *path, const char *readme, size_t len, const char *body,
                  lit_diag *d);

#endif
