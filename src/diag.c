/* diag.c - located errors and warnings in the compilers' format. */
#include "diag.h"
#include <stdarg.h>
#include <string.h>
#include "arena.h"
#include "buf.h"
#include "text.h"

void lit_diag_init(lit_diag *d, FILE *out)
{
    d->out = out ? out : stderr;
    d->errors = d->warnings = d->io_errors = 0;
    d->skipped = 0;
    memset(d->recent, 0, sizeof d->recent);
    d->n_recent = 0;
    memset(d->many, 0, sizeof d->many);
    d->quiet = false;
    d->from = d->as = NULL;
}

/* One message, one write: the file name and the text escaped (lit_text_add_escaped), so
 * that a value from a file cannot move the terminal's cursor or fake another line. */
static void emit(lit_diag *d, const char *file, long line, long col, const char *kind,
                 const char *fmt, va_list ap)
{
    FILE *out = d->out ? d->out : stderr;
    lit_buf msg = LIT_BUF_INIT, b = LIT_BUF_INIT;
    size_t n = file && d->from && d->as ? strlen(d->from) : 0;
    if (n && strncmp(file, d->from, n) == 0 && file[n] == '/') {
        lit_buf_adds(&msg, d->as);
        file += n;
    }
    if (file) {
        lit_buf_adds(&msg, file);
        if (line > 0) lit_buf_printf(&msg, ":%ld", line);
        if (line > 0 && col > 0) lit_buf_printf(&msg, ":%ld", col);
        lit_buf_adds(&msg, ": ");
    } else {
        lit_buf_adds(&msg, "litsurvey: ");
    }
    lit_buf_printf(&msg, "%s: ", kind);
    lit_buf_vprintf(&msg, fmt, ap);
    lit_text_add_escaped(&b, msg.data, msg.len, false);
    lit_buf_addc(&b, '\n');
    fwrite(b.data, 1, b.len, out);
    lit_buf_free(&msg);
    lit_buf_free(&b);
}

void lit_diag_print(FILE *out, const char *fmt, ...)
{
    lit_buf msg = LIT_BUF_INIT, b = LIT_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    lit_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (!msg.len) return;
    lit_text_add_escaped(&b, msg.data, msg.len, true);
    fwrite(b.data, 1, b.len, out ? out : stderr);
    lit_buf_free(&msg);
    lit_buf_free(&b);
}

static void emitf(lit_diag *d, const char *file, long line, long col, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void emitf(lit_diag *d, const char *file, long line, long col, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, col, kind, fmt, ap);
    va_end(ap);
}

int lit_error(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, col, "error", fmt, ap);
    va_end(ap);
    d->errors++;
    return -1;
}

int lit_io_error(lit_diag *d, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, 0, 0, "error", fmt, ap);
    va_end(ap);
    d->errors++;
    d->io_errors++;
    return -1;
}

/* FNV-1a of a warning's place and text (never 0, the empty slot). */
static unsigned long long warning_hash(const char *file, long line, long col, const char *msg)
{
    unsigned long long h = 14695981039346656037ULL;
    char place[48];
    snprintf(place, sizeof place, ":%ld:%ld:", line, col);
    const char *parts[3] = {file ? file : "", place, msg};
    for (int i = 0; i < 3; i++)
        for (const unsigned char *c = (const unsigned char *)parts[i]; *c; c++) h = (h ^ *c) * 1099511628211ULL;
    return h ? h : 1;
}

void lit_warn(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lit_vwarn(d, file, line, col, fmt, ap);
    va_end(ap);
}

void lit_vwarn(lit_diag *d, const char *file, long line, long col, const char *fmt, va_list ap)
{
    d->warnings++;
    if (d->quiet) return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    unsigned long long h = warning_hash(file, line, col, msg);
    size_t n = sizeof d->recent / sizeof *d->recent;
    for (size_t i = 0; i < n; i++)
        if (d->recent[i] == h) return;
    d->recent[d->n_recent++ % n] = h;
    emitf(d, file, line, col, "warning", "%s", msg);
}

/* Counts one more warning of kind; false when the first LIT_WARN_SHOWN were printed. */
static bool many_shown(lit_diag *d, const char *kind)
{
    size_t n = sizeof d->many / sizeof *d->many, k = 0;
    while (k < n && d->many[k].kind && d->many[k].kind != kind) k++;
    if (k == n) return true;
    d->many[k].kind = kind;
    return ++d->many[k].n <= LIT_WARN_SHOWN;
}

void lit_warn_many(lit_diag *d, const char *kind, const char *file, long line, long col, const char *fmt, ...)
{
    if (!many_shown(d, kind)) {
        d->warnings++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    lit_vwarn(d, file, line, col, fmt, ap);
    va_end(ap);
}

void lit_diag_flush(lit_diag *d)
{
    for (size_t k = 0; k < sizeof d->many / sizeof *d->many && d->many[k].kind; k++) {
        if (d->many[k].n > LIT_WARN_SHOWN && !d->quiet)
            emitf(d, NULL, 0, 0, "warning", "%s: %ld warnings in all, the first %d listed above", d->many[k].kind,
                  d->many[k].n, LIT_WARN_SHOWN);
        d->many[k].n = 0;
    }
}

void lit_skip_many(lit_diag *d, const char *kind, const char *file, long line, long col, const char *what)
{
    if (many_shown(d, kind)) {
        lit_skip(d, file, line, col, "%s", what);
        return;
    }
    d->warnings++;
    d->skipped++;
}

void lit_skip(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    d->warnings++;
    d->skipped++;
    if (d->quiet) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    emitf(d, file, line, col, "warning", "%s (skipped)", msg);
}

void lit_note(lit_diag *d, const char *fmt, ...)
{
    if (d->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    emit(d, NULL, 0, 0, "note", fmt, ap);
    va_end(ap);
}

void lit_note_at(lit_diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    if (d->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, col, "note", fmt, ap);
    va_end(ap);
}
