/* diag.h - located errors and warnings (FILE:LINE:COL: error: ...) and exit codes. */
#ifndef LIT_DIAG_H
#define LIT_DIAG_H
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>

enum {
    LIT_EXIT_OK = 0,
    LIT_EXIT_DATA = 1,  /* bad input data */
    LIT_EXIT_USAGE = 2, /* bad command line */
    LIT_EXIT_IO = 3,    /* cannot read or write a file */
    LIT_EXIT_UNASKED = 4 /* resolve --online: papers left unresolved because a service could not
                            be asked (a network fault, or with --offline no answer in the cache) */
};

/* Where diagnostics go. Messages are written once, where the problem is known.
 * quiet suppresses warnings and notes, never errors. */
typedef struct lit_diag {
    FILE *out;        /* stderr unless a test captures it */
    int errors, warnings;
    bool quiet;
    int io_errors;    /* errors that were I/O failures, so main can pick exit 3 */
    const char *from, *as;   /* a file in folder from is named as in folder as (a report
                                folder being built, by the name it is given when done) */
    long skipped;     /* entries left out with a warning (lit_skip), for the summary */
    unsigned long long recent[64];   /* hashes of the last warnings printed: one said again
                                        (a chart in three formats) is printed once */
    unsigned n_recent;
    struct { const char *kind; long n; } many[16];  /* lit_warn_many's counts per kind */
} lit_diag;

/* Of a warning that can come once per paper, the first LIT_WARN_SHOWN of a kind are printed. */
#define LIT_WARN_SHOWN 10

void lit_diag_init(lit_diag *d, FILE *out);

/* file may be NULL (message without place); line/col 0 are left out.
 * All return -1 so that "return lit_error(...)" ends an error path in one line. */
int lit_error(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int lit_io_error(lit_diag *d, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void lit_warn(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* lit_warn for the importers' own located wrappers. */
void lit_vwarn(lit_diag *d, const char *file, long line, long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));
/* A bad entry left out: "FILE:LINE:COL: warning: ... (skipped)", counted in d->skipped. */
void lit_skip(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A warning that can come once per paper (a title pdflatex cannot typeset): the first
 * LIT_WARN_SHOWN of one kind are printed, the others counted; kind (a static string, one
 * per call site) names them in lit_diag_flush's closing line, e.g. "papers with characters
 * pdflatex cannot typeset". */
void lit_warn_many(lit_diag *d, const char *kind, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* lit_skip for an entry that can be bad many times over (a file of a million broken
 * entries): the first LIT_WARN_SHOWN of kind printed, all counted and skipped. */
void lit_skip_many(lit_diag *d, const char *kind, const char *file, long line, long col, const char *what);
/* Prints, per kind of lit_warn_many, how many warnings were counted and not printed. */
void lit_diag_flush(lit_diag *d);
/* Prints a report of several lines (a summary, the merges of an import) to out, with the
 * control characters of its values escaped as messages have them (line feeds kept). */
void lit_diag_print(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lit_note(lit_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A located note (FILE:LINE:COL: note: ...): information, not a problem. */
void lit_note_at(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
