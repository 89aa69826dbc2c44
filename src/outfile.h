/* outfile.h - all-or-nothing output files: write a temporary beside the target, rename when done. */
#ifndef LIT_OUTFILE_H
#define LIT_OUTFILE_H
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include "diag.h"

/* A failed or interrupted run leaves an existing target byte-for-byte as it was and no
 * temporary behind (temporaries are also removed on SIGINT/SIGTERM). */
typedef struct lit_outfile {
    const char *path;   /* the target as given; "-" means stdout */
    char *tmp;          /* the temporary; NULL when written directly */
    char *target;       /* what the temporary is renamed to: path, or the file its links name */
    FILE *fp;           /* open for writing: the temporary, or the stream itself */
    FILE *stream;       /* lit_outfile_open_named to a stream: where commit copies the temporary */
} lit_outfile;

/* Opens fp: a temporary beside the target, or, for stdout ("-", /dev/stdout), another
 * open descriptor (/dev/fd/N), a device or a FIFO, the stream itself (written as it
 * goes: there is nothing to replace). A folder is an error. */
int lit_outfile_open(lit_outfile *o, const char *path, lit_diag *d);
/* For libraries that write by file name (libxlsxwriter): o->tmp is always a file, and
 * commit copies it to a stream target (its temporary is then in TMPDIR). Call
 * lit_outfile_close_fp before the library opens it. */
int lit_outfile_open_named(lit_outfile *o, const char *path, lit_diag *d);
void lit_outfile_close_fp(lit_outfile *o);
/* The target as messages name it ("<stdout>" for "-"). */
const char *lit_outfile_name(const lit_outfile *o);
/* Flushes, closes and renames into place; on any failure removes the temporary. */
int lit_outfile_commit(lit_outfile *o, lit_diag *d);
/* Removes the temporary; the target is untouched. Safe to call after commit. */
void lit_outfile_abort(lit_outfile *o);

/* Marks dir as a build folder in progress (NULL: done): on SIGINT/SIGTERM the files
 * committed into it are removed and the folder with them. */
void lit_outfile_scratch_dir(const char *dir);
/* Adds a file that another process completed in the build folder. */
void lit_outfile_scratch_add(const char *path);
/* A child process writing into the build folder (0: none): on SIGINT/SIGTERM it gets
 * the signal too and is waited for before the folder is removed. */
void lit_outfile_scratch_helper(pid_t pid);

/* A file SIGINT/SIGTERM/SIGHUP remove (a lock file), until called with remove false; the
 * caller keeps path alive meanwhile. */
void lit_outfile_remove_on_signal(char *path, bool remove);
/* Holds SIGINT, SIGTERM and SIGHUP back (true) until released (false): a step that must
 * not be cut in two (a build folder's swap) runs whole; a signal that came meanwhile acts
 * when released. */
void lit_outfile_hold_signals(bool hold);

/* The name the links from path lead to (path itself when it is no link); malloc'd, the
 * caller frees it; NULL on a loop. */
char *lit_path_target(const char *path);

/* Inputs: no output of a run replaces a file the run read. The readers (lit_read_file,
 * lit_yread_open, the catalog loader) note each regular file they open, by identity
 * (st_dev, st_ino: "./x.md" and links are the same file); lit_outfile_open refuses a
 * target that is one of them. The list lives as long as the process. */
void lit_input_guard(void);   /* turns the list on for the process (main does; tests may not) */
void lit_input_note(const char *path);
/* Drops path from the inputs: the one output meant to replace it (import -m CAT -o CAT,
 * markdown --in-place) may then. */
void lit_input_release(const char *path);
/* The input (as it was named when read) that path is, or NULL. */
const char *lit_input_named(const char *path);
/* Do a and b name one file: the same st_dev/st_ino, or for files not made yet the same
 * name once links and the folders are resolved? ("-" is never the same.) */
bool lit_same_target(const char *a, const char *b);

/* Writes len bytes to path atomically (convenience for small outputs). */
int lit_write_file(const char *path, const char *data, size_t len, lit_diag *d);

#endif
