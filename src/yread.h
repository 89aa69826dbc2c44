/* yread.h - a pull reader over libyaml events with located errors; the only reader of YAML.
 *
 * Every YAML loader (catalog, venues, topics, styles, report specs) walks the document
 * with lit_yread_next and reports problems at the current event with lit_yread_error.
 * Aliases are refused (no billion laughs), nesting is limited, libyaml's errors
 * (invalid UTF-8, syntax) come out as FILE:LINE:COL with 1-based positions. */
#ifndef LIT_YREAD_H
#define LIT_YREAD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "arena.h"
#include "diag.h"

enum lit_ytok {
    LIT_Y_ERROR = -1,
    LIT_Y_END = 0,   /* end of the (single) document */
    LIT_Y_SCALAR,
    LIT_Y_SEQ,       /* start of a sequence */
    LIT_Y_SEQ_END,
    LIT_Y_MAP,       /* start of a mapping */
    LIT_Y_MAP_END
};

#define LIT_YREAD_MAX_DEPTH 64

typedef struct lit_yread {
    const char *file;     /* name used in messages */
    lit_diag *diag;
    int tok;              /* the current event, an enum lit_ytok */
    const char *str;      /* scalar value (NUL-terminated, valid until the next call) */
    size_t len;           /* its length in bytes */
    bool plain;           /* scalar was unquoted (so "null", "~", "12" have YAML meaning) */
    long line, col;       /* 1-based start of the current event */
    int depth;            /* open sequences + mappings */
    void *impl;           /* libyaml state, private */
} lit_yread;

/* Opens path ("-" for stdin) and reads up to the start of the document's root node;
 * the root's first event is then current. An empty file is an error. */
int lit_yread_open(lit_yread *r, const char *path, lit_diag *d);
/* The same over memory (not copied; must outlive the reader). */
int lit_yread_open_mem(lit_yread *r, const char *name, const char *data, size_t len, lit_diag *d);
/* The same over bytes start..end of an open file, read with pread (the descriptor stays
 * the caller's; several readers may share it). Messages name the file name. */
int lit_yread_open_range(lit_yread *r, const char *name, int fd, long long start, long long end, lit_diag *d);
void lit_yread_close(lit_yread *r);

/* Advances to the next event and returns its kind (LIT_Y_ERROR after reporting). */
int lit_yread_next(lit_yread *r);
/* Skips the node whose first event is current; the event after it becomes current. */
int lit_yread_skip(lit_yread *r);
/* After the root node: checks that nothing follows (a second document is an error). */
int lit_yread_finish(lit_yread *r);

/* Reads a whole file of the form "KEY: [item, ...]" (the table files), calling item with
 * each entry's first event current; item reads the entry through its last event. With
 * replace, the file may also hold "replace: BOOL" (a table that stands alone instead of
 * adding to the shipped one), stored there. item NULL reads only that flag. */
int lit_yread_doc_list(const char *path, const char *key, int (*item)(lit_yread *r, void *ctx), void *ctx,
                       bool *replace, lit_diag *d);

/* Reports at the current event's place; returns -1. */
int lit_yread_error(lit_yread *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Errors unless the current event is tok; what names the expected thing. */
int lit_yread_expect(lit_yread *r, int tok, const char *what);

/* Current scalar helpers (each errors with a place when the scalar does not fit). */
bool lit_yread_is_null(const lit_yread *r);                  /* plain ~, null, Null, NULL or empty */
int lit_yread_long(lit_yread *r, long min, long max, long *out);
int lit_yread_double(lit_yread *r, double min, double max, double *out);
int lit_yread_bool(lit_yread *r, bool *out);
/* Copies the current scalar into the arena (error if not a scalar). */
int lit_yread_str(lit_yread *r, lit_arena *a, const char **out);
/* A scalar or a sequence of scalars, into an arena array. */
int lit_yread_str_list(lit_yread *r, lit_arena *a, const char ***out, size_t *n);

/* Keys of one mapping seen so far, to refuse duplicates. Start zeroed, call
 * lit_yread_key_once with each key scalar current, lit_ykeys_free at the end. */
typedef struct lit_ykeys {
    char **k; size_t n, cap;
    uint32_t *slots; size_t nslots, hashed;  /* a hash of the keys once there are many */
} lit_ykeys;
int lit_yread_key_once(lit_yread *r, lit_ykeys *seen);
void lit_ykeys_free(lit_ykeys *seen);

#endif
