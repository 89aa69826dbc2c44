/* lock.h - one writer at a time for a file that commands read, change and write back (the catalog). */
#ifndef LIT_LOCK_H
#define LIT_LOCK_H
#include "diag.h"

/* Held from before the file is read until after it is written, so that two runs at once
 * take turns instead of one losing the other's changes. The lock is flock(2) on a file
 * ".NAME.lock" beside the file the target's links lead to; it is removed on release, and
 * a lock left by a killed process is free again (the kernel drops its flock). */
typedef struct lit_lock {
    char *path;   /* the lock file; NULL when no lock is held */
    int fd;
} lit_lock;

/* How long lit_lock_take waits for another holder, in seconds (LITSURVEY_LOCK_WAIT
 * overrides it). */
#define LIT_LOCK_WAIT 60

/* Takes the lock for target. When another process holds it, says so once on stderr
 * ("waiting for the lock on 'TARGET' held by another litsurvey (process N)") and waits
 * up to LIT_LOCK_WAIT seconds, then fails with an error. A target that is no file to
 * replace ("-", a device) needs none: l is left empty. A file system without flock gets
 * a warning and no lock. Returns 0 or -1 after the message. l owns its path and
 * descriptor until lit_lock_release, which frees them (safe on an empty lock). */
int lit_lock_take(lit_lock *l, const char *target, lit_diag *d);
void lit_lock_release(lit_lock *l);

#endif
