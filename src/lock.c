/* lock.c - one writer at a time: flock on a lock file beside the file, with a bounded wait. */
#include "lock.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "arena.h"
#include "outfile.h"

/* ".NAME.lock" beside what target's links lead to; NULL for a stream, a device or a FIFO. */
static char *lock_name(const char *target)
{
    struct stat st;
    char *t = strcmp(target, "-") ? lit_path_target(target) : NULL;
    if (!t || !strncmp(t, "/dev/", 5) || !strncmp(t, "/proc/", 6) ||
        (stat(t, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
        free(t);
        return NULL;
    }
    size_t n = strlen(t);
    while (n > 1 && t[n - 1] == '/') t[--n] = '\0';   /* a folder named "reports/demo/" */
    const char *slash = strrchr(t, '/');
    size_t dir = slash ? (size_t)(slash - t) + 1 : 0;
    char *p = lit_xmalloc(n + 8);
    snprintf(p, n + 8, "%.*s.%s.lock", (int)dir, t, t + dir);
    free(t);
    return p;
}

/* The process the lock file names (its holder writes its id there), or 0. */
static long holder(int fd)
{
    char buf[24];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = '\0';
    return atol(buf);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int lit_lock_take(lit_lock *l, const char *target, lit_diag *d)
{
    l->path = lock_name(target);
    l->fd = -1;
    if (!l->path) return 0;
    const char *env = getenv("LITSURVEY_LOCK_WAIT");
    double wait = env && *env ? atof(env) : LIT_LOCK_WAIT, deadline = now() + wait;
    int said = 0;
    for (;;) {
        /* a folder we cannot write to gets no lock file: the write fails there with its own message */
        if ((l->fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) < 0) break;
        if (flock(l->fd, LOCK_EX | LOCK_NB) == 0) {
            /* the holder before us may have removed the file as it let go: ours must be the one there */
            struct stat a, b;
            if (fstat(l->fd, &a) == 0 && stat(l->path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
                char id[24];
                int n = snprintf(id, sizeof id, "%ld\n", (long)getpid());
                if (ftruncate(l->fd, 0) == 0 && pwrite(l->fd, id, (size_t)n, 0) != n) {
                    /* the id only names the holder in a waiting message */
                }
                lit_outfile_remove_on_signal(l->path, true);
                return 0;
            }
        } else if (errno != EWOULDBLOCK) {
            lit_warn(d, NULL, 0, 0, "cannot lock '%s' (%s): another litsurvey writing it at the same time could lose changes",
                     target, strerror(errno));
            close(l->fd);
            break;
        } else {
            char who[40] = "";
            long pid = holder(l->fd);
            if (pid) snprintf(who, sizeof who, " (process %ld)", pid);
            if (!said++ && !d->quiet) fprintf(stderr, "litsurvey: waiting for the lock on '%s' held by another litsurvey%s\n", target, who);
            if (now() >= deadline) {
                close(l->fd);
                free(l->path);
                l->path = NULL;
                l->fd = -1;
                return lit_io_error(d, target, "cannot lock: another litsurvey%s still holds it after %g s; try again "
                                    "when it is done", who, wait);
            }
        }
        close(l->fd);
        struct timespec pause = {0, 50 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    free(l->path);
    l->path = NULL;
    l->fd = -1;
    return 0;
}

void lit_lock_release(lit_lock *l)
{
    if (!l->path) return;
    lit_outfile_remove_on_signal(l->path, false);
    unlink(l->path);   /* while still held: a waiter that gets the removed file sees so and tries again */
    close(l->fd);
    free(l->path);
    l->path = NULL;
    l->fd = -1;
}
