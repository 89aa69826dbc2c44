/* input.h - reading input files with a bound: every file litsurvey reads (lists, .bib,
 * CSL-JSON, RIS, catalogs, specs, styles, tables, a README to update, git's output) is
 * read through here or checked against the same limit, so that /dev/zero, a pipe that
 * never ends or a 2 GB sparse file is refused with its name instead of filling memory. */
#ifndef LIT_INPUT_H
#define LIT_INPUT_H
#include <stddef.h>
#include "diag.h"

/* The default limit per input file: 1 GiB (a catalog of a million papers is 378 MB). */
#define LIT_INPUT_LIMIT_DEFAULT ((size_t)1 << 30)

/* The limit in bytes (--max-input); one for the whole run. */
size_t lit_input_limit(void);
void lit_input_set_limit(size_t bytes);
/* "64M", "1G", "500k", "1048576" (K, M, G, T are powers of 1024; a trailing B or iB is
 * allowed): bytes into *out; -1 when s is no size or 0. */
int lit_input_parse_size(const char *s, size_t *out);
/* Reports that name holds more than the limit (size: its size when known, else 0);
 * an I/O error (exit 3). Returns -1. */
int lit_input_too_large(lit_diag *d, const char *name, unsigned long long size);

/* Reads all of fd (a regular file is refused by its size before anything is read; a
 * stream is read up to the limit and then refused) into a NUL-terminated malloc'd buffer.
 * name names it in messages. Returns 0, or -1 after reporting. */
int lit_read_fd(int fd, const char *name, char **data, size_t *len, lit_diag *d);
/* Reads a whole file ("-" = stdin) the same way. */
int lit_read_file(const char *path, char **data, size_t *len, lit_diag *d);

#endif
