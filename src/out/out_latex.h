/* out_latex.h - LaTeX tables (topics, venue-year, taxonomy, catalog) from the statistics. */
#ifndef LIT_OUT_LATEX_H
#define LIT_OUT_LATEX_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "diag.h"
#include "stats.h"

/* How rows are grouped (--group-by); each table accepts the ones lit_latex_group_ok says. */
typedef enum lit_latex_group {
    LIT_LATEX_GROUP_DEFAULT,  /* the table's own default: see lit_latex_write */
    LIT_LATEX_GROUP_NONE,
    LIT_LATEX_GROUP_PARENT,   /* by the root of the (first) topic */
    LIT_LATEX_GROUP_TOPIC,    /* by the first topic */
    LIT_LATEX_GROUP_AREA,     /* venue-year: by venue area */
    LIT_LATEX_GROUP_YEAR      /* catalog: by year */
} lit_latex_group;

typedef struct lit_latex_opts {
    bool standalone;          /* a whole document instead of a fragment for \input */
    const char *caption;      /* plain text (escaped like titles); NULL = the table's default */
    const char *label;        /* \label name; NULL = "tab:TABLE"; must pass lit_tex_key_ok */
    lit_latex_group group;
    size_t max_cites;         /* topics: longest citation list before "and N more"; 0 = all */
    const struct lit_citemap *cites;  /* the user's .bib files (cite_keys.h): a paper they hold
                                 is cited by its key there; NULL = the catalog keys */
    const char *const *bibs;  /* standalone: the .bib files as \bibliography names them, to
                                 resolve the citations with bibtex; none = citations print keys */
    size_t n_bibs;
    const char *extra_bib;    /* standalone with cites: the name of the .bib of the papers
                                 the files lack, written by the document (filecontents*) */
    bool links;               /* catalog: titles link to the paper (\href; needs hyperref) */
    bool wide;                /* floats as table* (both columns of a two-column paper) */
    const char *cite_cmd;     /* the citation command without backslash: NULL = "cite";
                                 citep (natbib), parencite or autocite (biblatex), ... */
    size_t top;               /* keep the N topics (topics rows, taxonomy columns) or venues
                                 (venue-year rows) with the most papers (--top); 0 = every
                                 topic, the venues that fit a page, the columns that fit */
    const char *const *facets;  /* taxonomy: fields of the papers whose values are the columns
                                   (--facets, a spec's facets:); none = the topics */
    size_t n_facets;
} lit_latex_opts;

#define LIT_LATEX_MAX_CITES 20

/* Defaults: fragment, default caption/label/grouping, max_cites LIT_LATEX_MAX_CITES. */
void lit_latex_opts_init(lit_latex_opts *o);

/* The table names, NULL-terminated: topics, venue-year, taxonomy, catalog. */
extern const char *const lit_latex_tables[];
bool lit_latex_table_ok(const char *table);
/* True for a usable citation command name: 1 to 32 ASCII letters. */
bool lit_latex_cite_ok(const char *cmd);
/* Parses a --group-by value ("none", "parent", "topic", "area", "year"); -1 if unknown. */
int lit_latex_group_parse(const char *name);
/* Whether table accepts grouping g: topics none|parent, venue-year none|area,
 * taxonomy none|parent|topic, catalog none|parent|topic|year. */
bool lit_latex_group_ok(const char *table, lit_latex_group g);

/* Renders table into out (appended). Without standalone the text is a fragment whose first
 * lines are comments naming the packages it needs; with it, a complete article that
 * compiles alone. Every catalog string is escaped (lit_tex_escape); a paper with characters
 * pdflatex cannot typeset or a key \cite cannot take gets one warning at its catalog line.
 * Defaults: topics grouped by parent topic (when the taxonomy has parents), venue-year
 * ungrouped, taxonomy rows grouped by parent topic, catalog by year past 40 papers. What a
 * table leaves out at scale (venue-year: the venues past a page, summed in one row;
 * taxonomy: the columns that do not fit; any table: past --top) gets one warning and a
 * note under the table; more than 40 topics without a parent are listed by initial.
 * Returns 0, or -1 after an error (unknown table, bad label). */
int lit_latex_render(lit_buf *out, const char *table, const lit_stats *s,
                     const lit_latex_opts *o, lit_diag *d);
/* Renders and writes to path ("-" = stdout) through outfile.h. */
int lit_latex_write(const char *table, const lit_stats *s, const lit_latex_opts *o,
                    const char *path, lit_diag *d);

#endif
