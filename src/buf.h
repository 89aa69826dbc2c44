/* buf.h - growable byte strings, always NUL-terminated. */
#ifndef LIT_BUF_H
#define LIT_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct lit_buf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len, cap;
} lit_buf;

#define LIT_BUF_INIT {0, 0, 0}
void lit_buf_add(lit_buf *b, const void *data, size_t len);
void lit_buf_adds(lit_buf *b, const char *s);
void lit_buf_addc(lit_buf *b, char c);
void lit_buf_printf(lit_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lit_buf_vprintf(lit_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void lit_buf_reset(lit_buf *b);            /* length 0, memory kept */
const char *lit_buf_str(const lit_buf *b); /* "" when empty */
void lit_buf_free(lit_buf *b);

/* s as one CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a text
 * starting with = + - @, tab or carriage return (a formula to a spreadsheet) is written
 * "'=..." so that it stays text; numbers ("-3") and "-" stay as they are. */
void lit_buf_add_csv(lit_buf *b, const char *s);
/* v with a comma between thousands ("30,000"), for text people read; returns buf. */
const char *lit_num_str(char buf[32], size_t v);

#endif
