/* outfile.c - all-or-nothing output files: a temporary beside the target, renamed when complete. */
#include "outfile.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "arena.h"
#include "buf.h"

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

/* The signals on_signal handles, held back while a step that must not be cut runs. */
void lit_outfile_hold_signals(bool hold)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static void untrack(const char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i] == tmp) pending[i] = NULL;
}

void lit_outfile_remove_on_signal(char *path, bool remove)
{
    if (remove) track(path);
    else untrack(path);
}

/* What the link p names (a relative link is taken from p's folder); NULL when p is no link. */
static char *link_step(const char *p)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(p, buf, sizeof buf - 1);
    if (n < 0) return NULL;
    buf[n] = '\0';
    const char *slash = strrchr(p, '/');
    size_t dir = buf[0] == '/' || !slash ? 0 : (size_t)(slash - p) + 1;
    char *q = lit_xmalloc(dir + (size_t)n + 1);
    memcpy(q, p, dir);
    memcpy(q + dir, buf, (size_t)n + 1);
    return q;
}

/* The descriptor a name stands for (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), or -1. */
static int fd_name(const char *p)
{
    static const char *const prefix[] = {"/dev/fd/", "/proc/self/fd/"};
    if (strcmp(p, "/dev/stdout") == 0) return STDOUT_FILENO;
    if (strcmp(p, "/dev/stderr") == 0) return STDERR_FILENO;
    for (size_t i = 0; i < sizeof prefix / sizeof *prefix; i++) {
        size_t n = strlen(prefix[i]);
        char *end;
        if (strncmp(p, prefix[i], n) != 0 || p[n] < '0' || p[n] > '9') continue;
        long v = strtol(p + n, &end, 10);
        if (!*end && v < 65536) return (int)v;
    }
    return -1;
}

/* Follows the links from path to the name they end at (possibly a file not made yet),
 * stopping at a name for a descriptor (*fd). NULL with errno set on a loop. */
static char *follow(const char *path, int *fd)
{
    char *p = lit_xstrdup(path), *next;
    for (int hops = 0; (*fd = fd_name(p)) < 0 && (next = link_step(p)); hops++) {
        free(p);
        p = next;
        if (hops == 40) {
            free(p);
            errno = ELOOP;
            return NULL;
        }
    }
    return p;
}

char *lit_path_target(const char *path)
{
    int fd;
    return follow(path, &fd);
}

/* ---- inputs: what this run read, so that no output replaces it ---- */

typedef struct input { dev_t dev; ino_t ino; char *path; } input;
static input *inputs;
static size_t n_inputs, cap_inputs;
static bool guarding;

void lit_input_guard(void)
{
    guarding = true;
}

void lit_input_note(const char *path)
{
    struct stat st;
    if (!guarding || strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return;
    for (size_t i = 0; i < n_inputs; i++)
        if (inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino) return;
    LIT_GROW(inputs, cap_inputs, n_inputs + 1);
    inputs[n_inputs++] = (input){st.st_dev, st.st_ino, lit_xstrdup(path)};
}

void lit_input_release(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return;
    for (size_t i = 0; i < n_inputs; i++)
        if (inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino) {   /* noted once */
            free(inputs[i].path);
            inputs[i] = inputs[--n_inputs];
            return;
        }
}

const char *lit_input_named(const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0) return NULL;
    for (size_t i = 0; i < n_inputs; i++)
        if (inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino) return inputs[i].path;
    return NULL;
}

/* path with its folder made absolute and free of links (the file itself may not exist). */
static char *resolved(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? lit_xstrdup(path) : lit_xstrdup(".");
    if (slash) dir[slash == path ? 1 : slash - path] = '\0';
    char *real = realpath(dir, NULL), *out = NULL;
    if (real) {
        lit_buf b = LIT_BUF_INIT;
        lit_buf_printf(&b, "%s/%s", real, slash ? slash + 1 : path);
        out = lit_xstrdup(lit_buf_str(&b));
        lit_buf_free(&b);
    }
    free(real);
    free(dir);
    return out;
}

bool lit_same_target(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, "-") == 0 || strcmp(b, "-") == 0) return false;   /* stdout may be written twice */
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    /* not made yet: the names the links lead to, their folders resolved */
    char *ta = lit_path_target(a), *tb = lit_path_target(b);
    bool same = false;
    if (ta && tb) {
        char *ra = resolved(ta), *rb = resolved(tb);
        same = ra && rb && strcmp(ra, rb) == 0;
        free(ra);
        free(rb);
    }
    free(ta);
    free(tb);
    return same;
}

/* Opens the descriptor fd names for writing: a copy of it, so that the shell's choices
 * (append, the position in the file) hold, and stdout itself for 1. */
static FILE *open_fd(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY) {
        errno = EBADF;
        return NULL;
    }
    if (fd == STDOUT_FILENO) return stdout;
    int dup_fd = dup(fd);
    FILE *f = dup_fd >= 0 ? fdopen(dup_fd, "wb") : NULL;
    if (!f && dup_fd >= 0) close(dup_fd);
    return f;
}

/* A temporary ".NAME.XXXXXX" beside base, open as o->fp; -1 with errno set. */
static int make_tmp(lit_outfile *o, const char *base)
{
    size_t n = strlen(base);
    o->tmp = lit_xmalloc(n + 16);
    const char *slash = strrchr(base, '/');
    size_t dir = slash ? (size_t)(slash - base) + 1 : 0;
    memcpy(o->tmp, base, dir);
    snprintf(o->tmp + dir, n + 16 - dir, ".%s.XXXXXX", base + dir);
    int fd = mkstemp(o->tmp);
    if (fd < 0) return -1;   /* abort frees o->tmp; there is nothing to remove */
    track(o->tmp);
    /* mkstemp makes 0600; outputs are ordinary files, so honour the umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (!(o->fp = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return 0;
}

const char *lit_outfile_name(const lit_outfile *o)
{
    return strcmp(o->path, "-") == 0 ? "<stdout>" : o->path;
}

/* Frees what o holds; the temporary is removed unless it was renamed into place. */
static void release(lit_outfile *o, bool renamed)
{
    lit_outfile_close_fp(o);
    if (o->stream && o->stream != stdout) fclose(o->stream);
    o->stream = NULL;
    if (o->tmp) {
        if (!renamed) unlink(o->tmp);
        untrack(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->target);
    o->target = NULL;
}

static int open_out(lit_outfile *o, const char *path, bool by_name, lit_diag *d)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!*path) return lit_io_error(d, NULL, "cannot write: an empty file name");
    int fd = STDOUT_FILENO;
    char *end = strcmp(path, "-") == 0 ? NULL : follow(path, &fd);
    if (!end && fd < 0) return lit_io_error(d, path, "cannot write: %s", strerror(errno));
    struct stat st;
    FILE *stream = NULL;
    if (fd >= 0) {
        stream = open_fd(fd);
    } else if (stat(end, &st) == 0 && S_ISDIR(st.st_mode)) {
        free(end);
        return lit_io_error(d, path, "cannot write: is a folder");
    } else if (stat(end, &st) == 0 && !S_ISREG(st.st_mode)) {
        stream = fopen(end, "wb");   /* a device or a FIFO: nothing to replace, written straight to it */
    } else if (lit_input_named(end)) {
        /* the commands refuse this before writing anything; this keeps every other writer honest */
        lit_io_error(d, path, "cannot write: it is an input of this run ('%s')", lit_input_named(end));
        free(end);
        return -1;
    } else {
        o->target = end;   /* a link keeps pointing where it did: the file it names is replaced */
        end = NULL;
    }
    free(end);
    if (!o->target && !stream) return lit_io_error(d, lit_outfile_name(o), "cannot write: %s", strerror(errno));
    if (stream && !by_name) {
        o->fp = stream;
        return 0;
    }
    /* The temporary goes in the target's folder so that rename() is atomic; one that
     * is copied to a stream goes in TMPDIR. */
    o->stream = stream;
    const char *tmpdir = getenv("TMPDIR");
    lit_buf base = LIT_BUF_INIT;
    if (stream) lit_buf_printf(&base, "%s/litsurvey-out", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int rc = make_tmp(o, stream ? lit_buf_str(&base) : o->target);
    lit_buf_free(&base);
    if (rc != 0) {
        int e = errno;
        release(o, false);
        return lit_io_error(d, lit_outfile_name(o), "cannot write: %s", strerror(e));
    }
    return 0;
}

int lit_outfile_open(lit_outfile *o, const char *path, lit_diag *d)
{
    return open_out(o, path, false, d);
}

int lit_outfile_open_named(lit_outfile *o, const char *path, lit_diag *d)
{
    return open_out(o, path, true, d);
}

void lit_outfile_close_fp(lit_outfile *o)
{
    if (o->fp && o->fp != stdout) fclose(o->fp);
    o->fp = NULL;
}

/* Flushes and closes f (stdout is only flushed); 0 or the errno of the failure. After a
 * failed write that emptied the buffer fflush succeeds: errno is still that write's. */
static int finish(FILE *f, bool sync)
{
    int failed = fflush(f) != 0 || ferror(f);
    if (!failed && sync && fsync(fileno(f)) != 0 && errno != EINVAL) failed = 1;
    int e = failed ? (errno ? errno : EIO) : 0;
    if (f != stdout && fclose(f) != 0 && !e) e = errno ? errno : EIO;
    return e;
}

/* Copies the finished temporary to the stream; 0 or an errno. */
static int copy_out(lit_outfile *o)
{
    FILE *in = fopen(o->tmp, "rb"), *out = o->stream;
    o->stream = NULL;
    int e = in ? 0 : errno;
    char buf[1 << 16];
    size_t n;
    while (!e && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) e = errno ? errno : EIO;
    if (!e && ferror(in)) e = EIO;
    if (in) fclose(in);
    int e2 = finish(out, false);
    return e ? e : e2;
}

int lit_outfile_commit(lit_outfile *o, lit_diag *d)
{
    int e = o->fp ? finish(o->fp, o->target != NULL) : 0;
    o->fp = NULL;
    if (!e && o->stream) e = copy_out(o);
    /* named for the signal handler before it exists: a signal right after the rename
     * must not leave the file behind in a build folder */
    size_t n = scratch ? strlen(scratch) : 0;
    if (!e && o->target && n && strncmp(o->path, scratch, n) == 0 && o->path[n] == '/') lit_outfile_scratch_add(o->path);
    if (!e && o->target && rename(o->tmp, o->target) != 0) e = errno;
    if (e) {
        release(o, false);
        return lit_io_error(d, lit_outfile_name(o), "cannot write: %s", strerror(e));
    }
    release(o, o->target != NULL);
    return 0;
}

void lit_outfile_abort(lit_outfile *o)
{
    release(o, false);
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
