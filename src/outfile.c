/* outfile.c - all-or-nothing output files: a temporary beside the target, renamed when complete. */
#include "outfile.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "arena.h"

/* Temporaries still open, so that SIGINT/SIGTERM can remove them. */
#define MAX_PENDING 64
static char *volatile pending[MAX_PENDING];
static int handlers_set;

/* A build folder in progress and the files already renamed into it, so that an
 * interrupted build leaves nothing behind either. */
#define MAX_DONE 256
static char *volatile scratch;
static char *volatile done[MAX_DONE];
static volatile pid_t helper;

static void on_signal(int sig)
{
    if (helper > 0) {
        kill(helper, sig);
        waitpid(helper, NULL, 0);   /* its own handler removes its temporaries */
    }
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i]) unlink(pending[i]);
    for (int i = 0; i < MAX_DONE; i++)
        if (done[i]) unlink(done[i]);
    if (scratch) rmdir(scratch);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void track(char *tmp)
{
    if (!handlers_set) {
        handlers_set = 1;
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        signal(SIGHUP, on_signal);
    }
    if (!tmp) return;
    for (int i = 0; i < MAX_PENDING; i++)
        if (!pending[i]) { pending[i] = tmp; return; }
}

void lit_outfile_scratch_dir(const char *dir)
{
    for (int i = 0; i < MAX_DONE; i++) {
        char *p = done[i];
        done[i] = NULL;
        free(p);
    }
    char *old = scratch;
    scratch = dir ? lit_xstrdup(dir) : NULL;
    free(old);
    if (dir) track(NULL);
}

void lit_outfile_scratch_helper(pid_t pid)
{
    helper = pid;
}

void lit_outfile_scratch_add(const char *path)
{
    for (int i = 0; i < MAX_DONE; i++)
        if (!done[i]) { done[i] = lit_xstrdup(path); return; }
}

static void untrack(const char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i] == tmp) pending[i] = NULL;
}

int lit_outfile_open(lit_outfile *o, const char *path, lit_diag *d)
{
    o->path = path;
    o->tmp = o->target = NULL;
    o->fp = NULL;
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return lit_io_error(d, path, "cannot write: is a folder");
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device or a pipe (/dev/stdout): nothing to replace, write straight to it. */
        if (!(o->fp = fopen(path, "wb"))) return lit_io_error(d, path, "cannot write: %s", strerror(errno));
        return 0;
    }
    /* A link keeps pointing where it did: the file it names is replaced. */
    char *real = realpath(path, NULL);
    if (real && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        o->target = real;
    } else {
        free(real);
        o->target = lit_xstrdup(path);
    }
    /* Same folder as the target so that rename() is atomic. */
    const char *t = o->target;
    size_t n = strlen(t);
    o->tmp = lit_xmalloc(n + 16);
    const char *slash = strrchr(t, '/');
    size_t dir = slash ? (size_t)(slash - t) + 1 : 0;
    memcpy(o->tmp, t, dir);
    snprintf(o->tmp + dir, n + 16 - dir, ".%s.XXXXXX", t + dir);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        free(o->target);
        o->tmp = o->target = NULL;
        return lit_io_error(d, path, "cannot write: %s", strerror(e));
    }
    /* mkstemp makes 0600; outputs are ordinary files, so honour the umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    track(o->tmp);
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        close(fd);
        lit_outfile_abort(o);
        return lit_io_error(d, path, "cannot write: %s", strerror(errno));
    }
    return 0;
}

void lit_outfile_close_fp(lit_outfile *o)
{
    if (o->fp && o->fp != stdout) fclose(o->fp);
    o->fp = NULL;
}

int lit_outfile_commit(lit_outfile *o, lit_diag *d)
{
    if (o->fp == stdout) {
        o->fp = NULL;
        if (fflush(stdout) != 0) return lit_io_error(d, "<stdout>", "write failed: %s", strerror(errno));
        return 0;
    }
    int failed = 0;
    if (o->fp) {
        failed = ferror(o->fp) | fflush(o->fp);
        if (!failed) failed = fsync(fileno(o->fp)) != 0 && errno != EINVAL;
        failed |= fclose(o->fp) != 0;
        o->fp = NULL;
    }
    if (!o->tmp) return failed ? lit_io_error(d, o->path, "cannot write: %s", strerror(errno)) : 0;
    if (failed || rename(o->tmp, o->target) != 0) {
        int e = errno;
        lit_outfile_abort(o);
        return lit_io_error(d, o->path, "cannot write: %s", strerror(e));
    }
    untrack(o->tmp);
    free(o->tmp);
    free(o->target);
    o->tmp = o->target = NULL;
    size_t n = scratch ? strlen(scratch) : 0;
    if (n && strncmp(o->path, scratch, n) == 0 && o->path[n] == '/') lit_outfile_scratch_add(o->path);
    return 0;
}

void lit_outfile_abort(lit_outfile *o)
{
    lit_outfile_close_fp(o);
    if (o->tmp) {
        unlink(o->tmp);
        untrack(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->target);
    o->target = NULL;
}

int lit_write_file(const char *path, const char *data, size_t len, lit_diag *d)
{
    lit_outfile o;
    if (lit_outfile_open(&o, path, d) != 0) return -1;
    if (len && fwrite(data, 1, len, o.fp) != len) {
        lit_outfile_abort(&o);
        return lit_io_error(d, path, "cannot write: %s", strerror(errno));
    }
    return lit_outfile_commit(&o, d);
}

int lit_read_file(const char *path, char **data, size_t *len, lit_diag *d)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return lit_io_error(d, path, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *p = lit_xmalloc(cap);
    size_t got;
    while ((got = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) lit_grow((void **)&p, &cap, cap * 2, 1);
    }
    int err = ferror(f);
    if (f != stdin) fclose(f);
    if (err) {
        free(p);
        return lit_io_error(d, path, "cannot read");
    }
    p[n] = '\0';
    *data = p;
    *len = n;
    return 0;
}
