/* md_walk.h - the walk over a list's blocks (md_walk.c) and what each entry it finds is
 * (md_paper.c): the state they share. Private to the list importer. */
#ifndef LIT_MD_WALK_H
#define LIT_MD_WALK_H
#include "import.h"
#include "md_entry.h"

#define MAX_ENTRY 65536     /* an entry's text with its authors and link labels */
#define SECTION_DETAILS 7   /* a <details><summary> section, below every heading */
#define SECTION_CATEGORY 8  /* a bare category line sits below every heading and details */
#define SECTION_BULLET 100  /* a topic bullet with nested items: 100 + list depth */

/* One block's collected text with its links and the source line of each text line. */
typedef struct lmark { size_t off; long line, col; } lmark;
typedef struct unit {
    lit_buf text;
    rlink *links; size_t n_links, cap_links;
    lmark *lines; size_t n_lines, cap_lines;
    size_t dropped;     /* bytes not kept once an item outgrew MAX_ENTRY */
    bool empty_link;    /* a paper link without a target: "[[pdf]]()" */
    bool anchor_link;   /* a link into the page: "[3.1 Matrix Factorization](#mf)" */
    size_t toc_end;     /* where a link into the page that starts the text ends (0: none) */
    bool line_done;     /* the current text line has its source line */
    size_t line_start;  /* offset where the current text line began */
} unit;

typedef struct section {
    int level;
    char *text;
    long line;          /* where the heading, topic bullet or category line is */
    int written;        /* its level as `litsurvey markdown` writes it (lit_section) */
    size_t recorded;    /* 1 + its index in the catalog's record of the list, 0 before */
    const char *venue;  /* venue/year the heading gives ("## OSDI 2022"), or NULL/0 */
    int year;
} section;

/* paper: the item was one; ordered: it is an item of a numbered list; intro: of a list a
 * sentence ending in ':' introduced ("... code examples for the following topics:") */
typedef struct li_state { bool pushed, done, paper, ordered, intro; } li_state;

typedef struct table_state {
    bool in_head;
    int col;
    char *head[32];     /* lower-cased header names */
    int n_head;
    unit cells[32];
    int n_cells;
    long row_line;
} table_state;

typedef struct imp {
    lit_catalog *cat;
    const char *path, *list;
    const char *base; size_t len;
    size_t *nl; size_t n_nl;        /* offsets of '\n' for line lookup */
    const lit_import_opts *o;
    const lit_venues *vs;           /* o's venue table, or NULL */
    lit_diag *d;
    section *sec; size_t n_sec, cap_sec;
    li_state *li; size_t n_li, cap_li;
    unit cur;
    int list_depth, skip_depth, img_depth, quote_depth;
    uint64_t ordered_lists;  /* bit d: the list at depth d is numbered */
    uint64_t intro_lists;    /* bit d: the list at depth d follows a sentence ending in ':' */
    bool colon_before;       /* the last paragraph was such a sentence */
    bool in_heading, in_table, in_cell;
    int heading_level;
    size_t link_start[16]; int n_link_open; char *link_href[16];
    table_state tab;
    size_t n_papers;
    size_t n_items, n_item_papers;   /* list items and table rows read, and those that were papers */
    int failed;
    long col;           /* column where the entry being handled starts */
    bool empty_link;    /* the entry being handled had an empty paper link */
    bool anchor_link;   /* ... or a link into the page (a table of contents) */
    bool toc_line;      /* ... that was all its text: a contents line, whatever its label */
    size_t dropped;     /* bytes of that entry not kept (too long to be a paper) */
    bool loose;         /* untagged leaf list items are papers (a list without tags) */
    bool paper_last;    /* the last entry handled was a paper: a field paragraph is its */
    char stray;         /* the entry being handled had this unmatched bracket */
    lit_buf pend;       /* a bold-only paragraph: a category line, or the title of the
                           paragraph of authors and venue that follows it */
    long pend_line, pend_col;
    const char *title;  /* the list's title (find_title), or NULL */
    lit_list *record;   /* the catalog's record of the list's sections */
    long title_end;     /* line where the title's part ends, 0 until known */
    size_t headings;    /* '#' headings met, for the list's title (the first, at level 1) */
    char row_venue[128]; /* a table row's venue cell that is no tag, kept as written ("" none) */
    int row_year;        /* its year cell when the venue cell is no tag (0 none) */
    bool in_html;        /* inside an HTML block: its text is kept in html */
    int html_links;      /* links opened by inline <a href> and not closed yet */
    unit hold;           /* a heading held until the next block says what it is (md_walk.c) */
    int hold_level;      /* its level, 0: none held */
    unit pub;            /* a publications page's paper: heading title, authors, venue lines */
    bool in_pub;
    lit_buf html;
    long html_line;      /* the source line where html's text starts */
} imp;


/* ---- md_walk.c ---- */
long lit_md_line_of(const imp *im, const char *p);   /* 1-based line of p in the file */
void lit_md_unit_reset(unit *u);
void lit_md_unit_free(unit *u);
void lit_md_unit_mark_line(unit *u, long line, long col);
void lit_md_unit_add_link(unit *u, const char *kind, const char *url, bool title);
/* Parses s (n bytes, ending in a newline) with md4c and hands every entry to lit_md_handle.
 * Returns md4c's result (nonzero: md4c failed); im->failed says an entry failed. */
int lit_md_walk(imp *im, const char *s, size_t n);
void lit_md_walk_reset(imp *im);   /* forgets a finished or aborted walk */
void lit_md_walk_free(imp *im);

/* ---- md_paper.c ---- */
/* Decides what one entry is and acts on it: kind 'p' paragraph, 'c' paragraph line group,
 * 'l' list item (children: it has nested items), 'h' heading, 'r' table row, 't' plain-text
 * line. Returns -1 on a strict-mode error. */
int lit_md_handle(imp *im, const char *text, rlink *links, size_t n_links, long line, char kind, bool children);
/* A line of fields after a paper's line in one paragraph ("*Publication:* Journal of
 * Biomedical Informatics\", "*Authors:* A; B\", "*Notes:* ..."): taken into that paper. */
void lit_md_field_line(imp *im, const char *text);
void lit_md_push_section(imp *im, int level, const char *text, long line);
void lit_md_pop_sections(imp *im, int level);

#endif
