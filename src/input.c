/* input.c - reading input files with a bound (--max-input), so that no input fills memory. */
#include "input.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "arena.h"
#include "outfile.h"

static size_t limit = LIT_INPUT_LIMIT_DEFAULT;

size_t lit_input_limit(void) { return limit; }
void lit_input_set_limit(size_t bytes) { limit = bytes; }

int lit_input_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno || *s == '-') return -1;
    static const char units[] = "kmgt";
    const char *u = *end ? strchr(units, *end | 0x20) : NULL;
    if (u) end++;
    if (*end && strcasecmp(end, "b") && !(u && !strcasecmp(end, "ib"))) return -1;   /* 64, 64B, 64M, 64MB, 64MiB */
    for (int k = u ? (int)(u - units) + 1 : 0; k > 0; k--) {
        if (v > (~0ULL >> 10)) return -1;
        v <<= 10;
    }
    if (!v || v > (unsigned long long)(size_t)-1 / 2) return -1;
    *out = (size_t)v;
    return 0;
}

/* 1073741824 -> "1 GiB", 2147483648 -> "2 GiB", 1500000 -> "1.4 MiB". */
static const char *human(char buf[32], unsigned long long b)
{
    static const char *const unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int k = 0;
    double v = (double)b;
    while (v >= 1024 && k < 4) { v /= 1024; k++; }
    if (k == 0 || v == (double)(unsigned long long)v) snprintf(buf, 32, "%llu %s", (unsigned long long)v, unit[k]);
    else snprintf(buf, 32, "%.1f %s", v, unit[k]);
    return buf;
}

int lit_input_too_large(lit_diag *d, const char *name, unsigned long long size)
{
    char lim[32], got[32];
    if (size)
        return lit_io_error(d, name, "%s is larger than the input limit of %s (--max-input SIZE raises it)",
                            human(got, size), human(lim, limit));
    return lit_io_error(d, name, "more than the input limit of %s without an end: stopped reading there "
                        "(--max-input SIZE raises it)", human(lim, limit));
}

int lit_read_fd(int fd, const char *name, char **data, size_t *len, lit_diag *d)
{
    struct stat sb;
    size_t cap = limit < (1 << 16) ? limit + 2 : 1 << 16, n = 0;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
        if ((unsigned long long)sb.st_size > limit) return lit_input_too_large(d, name, (unsigned long long)sb.st_size);
        cap = (size_t)sb.st_size + 2;   /* room to see that it ends there */
    }
    char *p = lit_xmalloc(cap);
    for (;;) {
        if (n + 1 == cap) {   /* a stream, or a file that grew: up to the limit and one byte */
            size_t want = cap >= limit / 2 ? limit + 2 : cap * 2;
            p = lit_xrealloc(p, want);
            cap = want;
        }
        size_t room = cap - n - 1;
        ssize_t got = read(fd, p + n, room < limit + 1 - n ? room : limit + 1 - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int e = errno;
            free(p);
            return lit_io_error(d, name, "cannot read: %s", strerror(e));
        }
        if (got == 0) break;
        n += (size_t)got;
        if (n > limit) {
            free(p);
            return lit_input_too_large(d, name, 0);
        }
    }
    p[n] = '\0';
    *data = p;
    *len = n;
    return 0;
}

int lit_read_file(const char *path, char **data, size_t *len, lit_diag *d)
{
    if (strcmp(path, "-") == 0) return lit_read_fd(0, "<stdin>", data, len, d);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return lit_io_error(d, path, "cannot open: %s", strerror(errno));
    lit_input_note(path);   /* no output of the command may replace it (outfile.h) */
    int rc = lit_read_fd(fd, path, data, len, d);
    close(fd);
    return rc;
}
