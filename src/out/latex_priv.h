/* latex_priv.h - what the LaTeX table writers share: the writing context, the
 * packages and sizes, and the pieces out_latex.c makes for every table. */
#ifndef LIT_LATEX_PRIV_H
#define LIT_LATEX_PRIV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "diag.h"
#include "out_latex.h"
#include "stats.h"

/* Packages a table uses, named in the fragment's leading comment. */
enum { PKG_BOOKTABS = 1, PKG_ARRAY = 2, PKG_TABULARX = 4, PKG_LONGTABLE = 8, PKG_GRAPHICX = 16,
       PKG_AMSSYMB = 32, PKG_HYPERREF = 64 };

/* Ragged-right paragraph cells; \hspace{0pt} lets TeX hyphenate the first word too. */
#define RAGGED ">{\\raggedright\\arraybackslash\\hspace{0pt}}"
/* Dots from a paper's name to its check marks, spaced like a table of contents' (the
 * kern keeps the end of the paragraph from dropping them) */
#define LEADERS "\\leaders\\hbox to 0.8em{\\hss.\\hss}\\hfill\\kern0pt"
/* A float holds at most this many rows (or estimated lines of text, in a 345pt article
 * column): a longer table becomes a longtable across pages, which never drops a row. */
#define FLOAT_MAX_ROWS 40
#define FLOAT_MAX_LINES 36
/* Years as columns before the headers are rotated (about 28pt a column flat, 16pt
 * rotated, in a 345pt article column), and before the font gets smaller. */
#define YEARS_FLAT 7
#define YEARS_SMALL 17

typedef struct ctx {
    const lit_stats *s;
    const lit_db *db;
    const lit_latex_opts *o;
    lit_diag *d;
    lit_buf *b;               /* the table itself; the preamble is written around it */
    unsigned pkgs, needs;     /* PKG_* and LIT_TEX_NEED_* bits */
    unsigned char *warned;    /* per catalog paper: 1 = text warned, 2 = key warned */
    int32_t *row_of;          /* catalog topic index -> row of s->topics, or -1 */
    int *row_tax;             /* row -> index in db->topics, or -1 for a topic not in it */
    size_t n_clipped;         /* topics whose citation list was capped */
    const char **venue_id;    /* catalog venue index -> canonical id (or as written) */
    lit_buf scratch;          /* reused for paper names */
} ctx;

/* A paper as the tables list it: its group, year and name, in lit_lx_cmp_item order. */
typedef struct item { long group; int year; const char *name, *key; uint32_t pi; } item;

/* ---- out_latex.c: text, rows and papers in order, the pieces every table shares ---- */

int lit_lx_percent(size_t part, size_t whole);
void lit_lx_text(ctx *c, const char *s, const lit_paper *p, const char *what);
void lit_lx_entry(ctx *c, const lit_paper *p, bool narrow);
int lit_lx_root_of(const lit_topics *ts, int t);
long lit_lx_group_rank(const ctx *c, size_t r);
bool lit_lx_row_is_root(const ctx *c, size_t r);
const char *lit_lx_group_label(const ctx *c, size_t r);
size_t *lit_lx_ordered_rows(const ctx *c, bool grouped);
int lit_lx_cmp_item(const void *a, const void *b);
item lit_lx_make_item(const ctx *c, uint32_t pi, long group);
void lit_lx_caption(ctx *c, const char *dflt, const char *table);
void lit_lx_float_open(ctx *c);
void lit_lx_float_close(ctx *c);
void lit_lx_group_heading(ctx *c, size_t ncols, const char *label, bool first);
void lit_lx_table_note(ctx *c, const lit_buf *note);
/* Ends a table and puts its note under it: the longtable (and the group its font size is
 * set in, when grouped), or the float's env (tabular, tabularx) with its rule. */
void lit_lx_table_close(ctx *c, bool longt, bool grouped, const char *env, const lit_buf *note);
void lit_lx_longtable_open(ctx *c, const char *spec, size_t ncols, const char *head, const char *dflt_caption,
                           const char *table);
bool lit_lx_too_long(ctx *c, size_t rows, size_t lines, const char *table);
size_t lit_lx_papers_covered(const ctx *c, const unsigned char *shown);
void lit_lx_keep_largest(const ctx *c, unsigned char *keep, size_t n);

/* ---- one file each ---- */

void lit_lx_table_venue_year(ctx *c);   /* latex_venue_year.c */
void lit_lx_table_taxonomy(ctx *c);     /* latex_taxonomy.c */

#endif
