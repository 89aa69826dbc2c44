/* report.h - report specs (reports/NAME.yaml): parse, validate, build everything into NAME/. */
#ifndef LIT_REPORT_H
#define LIT_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "diag.h"
#include "stats.h"

/* With bibs: the papers the user's files lack, beside the tables. */
#define LIT_REPORT_EXTRA_BIB "extra.bib"

typedef struct lit_report {
    lit_arena arena;
    const char *path;        /* the spec file */
    const char *dir;         /* its folder; relative paths in the spec start here */
    const char *name;        /* NAME: the spec's file name without .yaml */
    const char *out_dir;     /* DIR/NAME: where everything goes */
    const char *title;
    const char *catalog;     /* resolved against dir */
    long catalog_line, catalog_col;
    const char *style;       /* a style name of styles/ or a path */
    long style_line, style_col;
    lit_filter filter;
    const char **charts; size_t n_charts;
    const char **formats; size_t n_formats;
    const char **tables; size_t n_tables;
    const char *spreadsheet, *bib, *pdf, *latex;  /* output names inside out_dir; NULL = none */
    const char *markdown;    /* the list as a README (with the PNG charts), or NULL */
    const char *new_since;   /* a git revision of the catalog: a "New since" page and sheet, or NULL */
    long new_since_line, new_since_col;
    const char **bibs;       /* bibs: the user's .bib files (resolved against dir): the tables cite
                                their keys, extra.bib holds the papers they lack */
    size_t n_bibs;
    long bibs_line, bibs_col;
    const char **facets;     /* facets: fields of the papers whose values are the taxonomy's columns */
    size_t n_facets;
    size_t top;              /* chart option: bars/series/rows before "other" (0 = what fits) */
    const char *pdf_page;    /* report.pdf pages: "a4" (default), "letter" or "slides" (the style's page) */
    bool strict;             /* build --strict: a problem `check` finds fails the build */
    /* Every file the build writes (the manifest lists them), with the place in the spec
     * that asks for it and what it is, for messages ("chart 'venues' in pdf"). */
    struct lit_report_out { const char *name, *what; long line, col; } *outs;
    size_t n_outs;
} lit_report;

/* Reads and checks a spec: unknown keys, wrong types, unknown chart kinds, tables or
 * formats, output names that would leave the output folder (.., absolute paths,
 * folders) and two outputs of one name (latex: topics.tex with tables: [topics]) are
 * errors at their FILE:LINE:COL. Free with lit_report_free. */
int lit_report_load(lit_report *r, const char *path, lit_diag *d);
/* The same over len bytes of data (for the fuzzer); path names the spec and its folder. */
int lit_report_load_mem(lit_report *r, const char *path, const char *data, size_t len, lit_diag *d);
void lit_report_free(lit_report *r);

/* Builds every output of the spec into a fresh folder beside out_dir, then swaps it
 * into place (outdir.h): a failed build leaves the earlier output as it was, and the
 * files in out_dir that no build wrote are kept. An input (catalog, its venue and topic
 * tables, the style) inside out_dir, or an output over a file no build wrote, is an error
 * at the spec's line before anything is written. progress prints one line per output on
 * stderr. Returns 0 or an exit code (1 data, 3 I/O). */
int lit_report_build(const lit_report *r, bool progress, lit_diag *d);

/* The multi-page PDF (report_pdf.c): a title page with the key figures, the counting
 * policy and what check found (k, may be NULL), contents, one chart per page with its
 * caption and numbers, the topics and venue-year tables, the papers by topic; A4 or
 * Letter portrait, or with pdf_page "slides" a handout of the style's 16:9 pages. */
struct lit_style;
struct lit_check;
struct lit_diff;
/* news (NULL: none) adds a page of the papers added and changed since r->new_since. */
int lit_report_pdf(const lit_report *r, const lit_stats *s, const struct lit_style *st,
                   const struct lit_check *k, const struct lit_diff *news, const char *path, lit_diag *d);

#endif
