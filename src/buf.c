/* buf.c - growable byte strings, always NUL-terminated. */
#include "buf.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"

void lit_buf_add(lit_buf *b, const void *data, size_t len)
{
    lit_grow((void **)&b->data, &b->cap, b->len + len + 1, 1);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void lit_buf_adds(lit_buf *b, const char *s) { lit_buf_add(b, s, strlen(s)); }
void lit_buf_addc(lit_buf *b, char c) { lit_buf_add(b, &c, 1); }

void lit_buf_vprintf(lit_buf *b, const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n <= 0) return;
    lit_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void lit_buf_printf(lit_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lit_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void lit_buf_reset(lit_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

const char *lit_buf_str(const lit_buf *b) { return b->data ? b->data : ""; }

void lit_buf_free(lit_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *lit_num_str(char buf[32], size_t v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%zu", v), o = 0;
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) buf[o++] = ',';
        buf[o++] = t[i];
    }
    buf[o] = 0;
    return buf;
}

/* Whether s is a number as a spreadsheet reads one ("-3", "2.5e3"): it stays one. */
static bool is_number(const char *s)
{
    char *end;
    (void)strtod(s, &end);
    return end != s && !*end && !strpbrk(s, "xXnNiI");   /* not hex, inf or nan */
}

void lit_buf_add_csv(lit_buf *b, const char *s)
{
    if (!s) s = "";
    /* a text a spreadsheet would read as a formula (OWASP's CSV injection: = + - @ tab CR
     * first) gets a leading apostrophe inside the quotes, so that it stays text */
    bool formula = *s && strchr("=+-@\t\r", *s) && strcmp(s, "-") && !is_number(s);
    bool q = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!q) {
        lit_buf_adds(b, s);
        return;
    }
    lit_buf_addc(b, '"');
    if (formula) lit_buf_addc(b, '\'');
    for (; *s; s++) {
        if (*s == '"') lit_buf_addc(b, '"');
        lit_buf_addc(b, *s);
    }
    lit_buf_addc(b, '"');
}
