/* cache.c - the online answers on disk (cache.h): DIR/SERVICE/XX/HASH, a header of lines then the
 * body; checked whole on reading. */
#include "cache.h"
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "arena.h"
#include "buf.h"
#include "outfile.h"

#define MAGIC "litsurvey cache 1\n"
#define HEADER_MAX 8192   /* an entry is its header (the query and a few numbers) and its body */

struct lit_cache {
    char *dir;
    size_t max_body;
    bool warned_write;
};

static uint64_t fnv(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

static uint64_t fnv0(void) { return 0xcbf29ce484222325ULL; }

char *lit_cache_default_dir(void)
{
    const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    lit_buf b = LIT_BUF_INIT;
    if (x && x[0] == '/') lit_buf_printf(&b, "%s/litsurvey", x);   /* the spec: a relative one is ignored */
    else if (home && *home) lit_buf_printf(&b, "%s/.cache/litsurvey", home);
    else return NULL;
    return b.data;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    char *p = lit_xstrdup(path);
    int rc = 0;
    for (char *s = p + 1; rc == 0; s++) {
        if (*s != '/' && *s) continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) rc = -1;
        *s = c;
        if (!c) break;
    }
    free(p);
    return rc;
}

lit_cache *lit_cache_open(const char *dir, size_t max_body, lit_diag *d)
{
    struct stat st;
    if (make_dirs(dir) != 0 || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        lit_io_error(d, dir, "cannot make the cache folder: %s", strerror(errno ? errno : ENOTDIR));
        return NULL;
    }
    lit_cache *c = lit_xcalloc(1, sizeof *c);
    c->dir = lit_xstrdup(dir);
    c->max_body = max_body;
    return c;
}

void lit_cache_close(lit_cache *c)
{
    if (!c) return;
    free(c->dir);
    free(c);
}

/* DIR/SVC/XX/HASH; with dir_only, DIR/SVC/XX. */
static char *entry_path(const lit_cache *c, const char *svc, const char *query, bool dir_only)
{
    uint64_t h = fnv(query, strlen(query), fnv(svc, strlen(svc) + 1, fnv0()));
    lit_buf b = LIT_BUF_INIT;
    lit_buf_printf(&b, "%s/%s/%02x", c->dir, svc, (unsigned)(h >> 56));
    if (!dir_only) lit_buf_printf(&b, "/%016llx", (unsigned long long)h);
    return b.data;
}

/* The value of header line "name: value" at *p (advanced past it), NUL-terminated in place. */
static char *field(char **p, char *end, const char *name)
{
    size_t n = strlen(name);
    char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || (size_t)(nl - *p) < n + 2 || memcmp(*p, name, n) || (*p)[n] != ':' || (*p)[n + 1] != ' ') return NULL;
    char *v = *p + n + 2;
    *nl = 0;
    *p = nl + 1;
    return v;
}

int lit_cache_get(lit_cache *c, const char *svc, const char *query, char **body, size_t *len, long *status,
                  lit_diag *d)
{
    char *path = entry_path(c, svc, query, false);
    FILE *f = fopen(path, "rb");
    if (!f) { free(path); return 0; }
    const char *bad = NULL;
    char *data = NULL;
    struct stat st;
    size_t n = 0;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) bad = "not a file";
    else if ((uint64_t)st.st_size > c->max_body + HEADER_MAX) bad = "larger than any answer kept";
    else {
        data = lit_xmalloc((size_t)st.st_size + 1);
        n = fread(data, 1, (size_t)st.st_size, f);
        data[n] = 0;
        if (n != (size_t)st.st_size) bad = "cannot be read whole";
    }
    fclose(f);
    int rc = 0;
    if (!bad) {
        char *p = data, *end = data + n, *q, *st_s, *len_s, *sum_s;
        bool have_header = n >= sizeof MAGIC - 1 && !memcmp(p, MAGIC, sizeof MAGIC - 1);
        if (have_header) p += sizeof MAGIC - 1;
        if (!have_header || !field(&p, end, "service") || !(q = field(&p, end, "query")) || !field(&p, end, "date") ||
            !(st_s = field(&p, end, "status")) || !(len_s = field(&p, end, "length")) ||
            !(sum_s = field(&p, end, "fnv64")) || p >= end || *p++ != '\n')
            bad = "its header is damaged";
        else if (strcmp(q, query)) rc = 0;   /* another query with the same hash: not this one's answer */
        else {
            char *e1, *e2, *e3;
            long stv = strtol(st_s, &e1, 10);
            unsigned long long lv = strtoull(len_s, &e2, 10), sv = strtoull(sum_s, &e3, 16);
            size_t have = (size_t)(end - p);
            if (*e1 || *e2 || *e3 || stv < 100 || stv > 599) bad = "its header is damaged";
            else if (lv != have) bad = lv > have ? "it is truncated" : "it has bytes after its body";
            else if (fnv(p, have, fnv0()) != sv) bad = "its checksum does not match its body";
            else {
                *body = lit_xmalloc(have + 1);
                memcpy(*body, p, have);
                (*body)[have] = 0;
                *len = have;
                *status = stv;
                rc = 1;
            }
        }
    }
    if (bad) lit_warn(d, path, 0, 0, "damaged cache entry (%s): not used", bad);
    free(data);
    free(path);
    return rc;
}

void lit_cache_put(lit_cache *c, const char *svc, const char *query, long status, const char *body, size_t len,
                   lit_diag *d)
{
    if (strchr(query, '\n') || len > c->max_body) return;
    char *dir = entry_path(c, svc, query, true), *path = entry_path(c, svc, query, false);
    lit_buf tmp = LIT_BUF_INIT;
    lit_buf_printf(&tmp, "%s/.new-XXXXXX", dir);
    int fd = -1;
    const char *what = NULL;
    if (make_dirs(dir) != 0) what = "cannot make its folder";
    else if ((fd = mkstemp(tmp.data)) < 0) what = "cannot make a file";
    if (!what) {
        lit_outfile_remove_on_signal(tmp.data, true);
        char date[32];
        time_t t = time(NULL);
        struct tm tm;
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
        FILE *f = fdopen(fd, "wb");
        if (!f) close(fd);
        bool ok = f && fprintf(f, "%sservice: %s\nquery: %s\ndate: %s\nstatus: %ld\nlength: %zu\nfnv64: %016llx\n\n", MAGIC,
                               svc, query, date, status, len, (unsigned long long)fnv(body, len, fnv0())) > 0 &&
                  fwrite(body, 1, len, f) == len;
        if (f && fclose(f) != 0) ok = false;
        if (!ok || rename(tmp.data, path) != 0) {
            what = "cannot write it";
            unlink(tmp.data);
        }
        lit_outfile_remove_on_signal(tmp.data, false);
    }
    if (what && !c->warned_write) {
        c->warned_write = true;
        lit_warn(d, path, 0, 0, "cannot keep the answer in the cache (%s: %s); the run goes on without it", what,
                 strerror(errno));
    }
    lit_buf_free(&tmp);
    free(dir);
    free(path);
}
