/* outdir.h - a build's output folder: written aside, swapped in whole, the user's own files kept. */
#ifndef LIT_OUTDIR_H
#define LIT_OUTDIR_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

/* The file in an output folder that lists the outputs the build wrote, one name a line.
 * A build replaces or removes only what the manifest of the earlier build lists: any
 * other entry of the folder is the user's and is kept. */
#define LIT_OUTDIR_MANIFEST ".litsurvey-outputs"

typedef struct lit_outdir {
    char *dir;     /* where the outputs end up: reports/NAME */
    char *stage;   /* where they are written first: .NAME.new-XXXXXX beside dir */
} lit_outdir;

/* Removes what interrupted builds of dir left beside it (.NAME.new-XXXXXX and
 * .NAME.old-XXXXXX): their outputs and their links to the user's files. When dir itself
 * is missing (a build stopped between the two renames of the fallback swap) the old
 * folder comes back as dir. A leftover holding a file found nowhere else is kept, with a
 * warning. Call it holding dir's lock (lit_lock_take). */
void lit_outdir_clean(const char *dir, lit_diag *d);
/* Does dir hold an entry name that no earlier build wrote (one its manifest does not
 * list)? Such a file is never replaced. */
bool lit_outdir_is_users(const char *dir, const char *name);
/* Makes the stage beside dir (refusing a dir that is a link or a file) and writes into
 * it the manifest of the n output names; SIGINT/SIGTERM from here on remove the stage.
 * Returns 0, or -1 after the message with o empty. */
int lit_outdir_begin(lit_outdir *o, const char *dir, const char *const *names, size_t n, lit_diag *d);
/* Gives the stage every entry of dir that dir's manifest does not list (hard links, a
 * folder as a new folder of links: the user's files keep one inode), then swaps the
 * stage and dir in one step (renameat2 RENAME_EXCHANGE; two renames where the file
 * system refuses it) and removes the old outputs. Signals wait until the swap is done.
 * On failure the stage is removed and dir is as it was. Frees what o holds. */
int lit_outdir_commit(lit_outdir *o, lit_diag *d);
/* Removes the stage; dir is untouched. Frees what o holds (safe on an empty o). */
void lit_outdir_abort(lit_outdir *o);

#endif
