/* outdir.c - a build's output folder: the manifest, the stage, the swap that keeps the user's files. */
#define _GNU_SOURCE   /* syscall(): glibc 2.36 has renameat2 only with _GNU_SOURCE, older ones not at all */
#include "outdir.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "arena.h"
#include "buf.h"
#include "input.h"
#include "outfile.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = lit_xmalloc(n);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* The folder of path and its last name, split at the last '/'. */
static void split(const char *path, char **parent, const char **base)
{
    const char *slash = strrchr(path, '/');
    *parent = slash ? lit_xstrdup(path) : lit_xstrdup(".");
    if (slash) (*parent)[slash == path ? 1 : slash - path] = '\0';
    *base = slash ? slash + 1 : path;
}

/* ---- the manifest ---- */

typedef struct names { char **v; size_t n, cap; } names;

static void names_free(names *m)
{
    for (size_t i = 0; i < m->n; i++) free(m->v[i]);
    free(m->v);
    memset(m, 0, sizeof *m);
}

/* The plain names the manifest of dir lists (none when it has no manifest). */
static void manifest_read(const char *dir, names *m)
{
    memset(m, 0, sizeof *m);
    char *path = join(dir, LIT_OUTDIR_MANIFEST);
    FILE *f = fopen(path, "r");
    free(path);
    if (!f) return;
    /* a manifest that is no file of ours (a link to /dev/zero, a huge file) is none: then
     * the build keeps every file of the folder, the safe side */
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) || (unsigned long long)sb.st_size > lit_input_limit()) {
        fclose(f);
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n') line[--len] = '\0';
        /* only plain names: an edited manifest cannot reach outside the folder */
        if (!len || line[0] == '#' || line[0] == '.' || strchr(line, '/')) continue;
        LIT_GROW(m->v, m->cap, m->n + 1);
        m->v[m->n++] = lit_xstrdup(line);
    }
    free(line);
    fclose(f);
}

static bool listed(const names *m, const char *name)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->v[i], name) == 0) return true;
    return false;
}

/* A build's own entry: the manifest, a name it lists, or a temporary of one
 * (".NAME.XXXXXX", as lit_outfile makes them). */
static bool ours(const names *m, const char *e)
{
    if (strcmp(e, LIT_OUTDIR_MANIFEST) == 0 || listed(m, e)) return true;
    size_t n = strlen(e);
    if (n < 9 || e[0] != '.' || e[n - 7] != '.') return false;
    char *base = lit_xmalloc(n - 7);
    memcpy(base, e + 1, n - 8);
    base[n - 8] = '\0';
    bool r = strcmp(base, LIT_OUTDIR_MANIFEST) == 0 || listed(m, base);
    free(base);
    return r;
}

bool lit_outdir_is_users(const char *dir, const char *name)
{
    struct stat st;
    char *p = join(dir, name);
    bool there = lstat(p, &st) == 0;
    free(p);
    if (!there) return false;
    names m;
    manifest_read(dir, &m);
    bool r = !listed(&m, name);
    names_free(&m);
    return r;
}

/* ---- removing ---- */

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)ftw;
    return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Removes a stage: what it holds is this build's outputs and second names (links) of files
 * that keep their first name in the output folder. Depth first, never following links. */
static void remove_tree(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Empties dir of what a build made (the entries m lists, m NULL below the top) and of the
 * entries that are the same file as keep's entry of that name, then removes it. Returns
 * how many entries it kept (a file found nowhere else: the folder stays), the first named
 * in *first. */
static size_t drop(const char *dir, const char *keep, const names *m, char **first)
{
    DIR *dd = opendir(dir);
    if (!dd) return 0;
    size_t kept = 0;
    struct dirent *de;
    while ((de = readdir(dd))) {
        const char *e = de->d_name;
        if (strcmp(e, ".") == 0 || strcmp(e, "..") == 0) continue;
        char *p = join(dir, e), *k = join(keep, e);
        struct stat a, b;
        bool gone;
        if (m && ours(m, e)) gone = unlink(p) == 0;
        else if (lstat(p, &a) != 0 || lstat(k, &b) != 0) gone = false;
        else if (S_ISDIR(a.st_mode) && S_ISDIR(b.st_mode)) gone = drop(p, k, NULL, first) == 0;
        else gone = a.st_dev == b.st_dev && a.st_ino == b.st_ino && unlink(p) == 0;
        if (!gone) {
            if (!*first) *first = lit_xstrdup(p);
            kept++;
        }
        free(p);
        free(k);
    }
    closedir(dd);
    if (!kept && rmdir(dir) != 0) kept = 1;
    return kept;
}

/* drop for a folder of an earlier build, saying what it keeps. */
static void drop_old(const char *old, const char *dir, lit_diag *d)
{
    names m;
    manifest_read(old, &m);
    char *first = NULL;
    if (drop(old, dir, &m, &first))
        lit_warn(d, NULL, 0, 0, "kept '%s' (an earlier build's folder): '%s' is in no other folder; move it where you want it",
                 old, first ? first : old);
    free(first);
    names_free(&m);
}

/* ---- leftovers of interrupted builds ---- */

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

void lit_outdir_clean(const char *dir, lit_diag *d)
{
    char *parent;
    const char *base;
    split(dir, &parent, &base);
    DIR *dd = opendir(parent);
    names left = {0};
    size_t bl = strlen(base);
    struct dirent *de;
    /* ".NAME.new-XXXXXX" and ".NAME.old-XXXXXX" (mkdtemp's six characters: no other spec's) */
    while (dd && (de = readdir(dd))) {
        const char *e = de->d_name;
        if (strlen(e) != bl + 12 || e[0] != '.' || strncmp(e + 1, base, bl) != 0 ||
            (strncmp(e + 1 + bl, ".new-", 5) != 0 && strncmp(e + 1 + bl, ".old-", 5) != 0))
            continue;
        LIT_GROW(left.v, left.cap, left.n + 1);
        left.v[left.n++] = join(parent, e);
    }
    if (dd) closedir(dd);
    if (left.n) qsort(left.v, left.n, sizeof *left.v, cmp_str);
    struct stat st;
    /* stopped between the fallback's two renames: the old folder is whole, it comes back first */
    for (size_t i = 0; i < left.n && lstat(dir, &st) != 0 && errno == ENOENT; i++)
        if (strstr(left.v[i] + strlen(parent), ".old-") && rename(left.v[i], dir) == 0) {
            lit_note(d, "'%s' restored from '%s', left by an interrupted build", dir, left.v[i]);
            free(left.v[i]);
            left.v[i] = NULL;
        }
    for (size_t i = 0; i < left.n; i++) {
        if (!left.v[i] || lstat(left.v[i], &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        /* a stage without a manifest is one made before litsurvey kept one, or killed before
         * it wrote its manifest: it holds only outputs (and links to files dir still has) */
        char *m = join(left.v[i], LIT_OUTDIR_MANIFEST);
        if (strstr(left.v[i] + strlen(parent), ".new-") && access(m, F_OK) != 0) remove_tree(left.v[i]);
        else drop_old(left.v[i], dir, d);
        free(m);
    }
    names_free(&left);
    free(parent);
}

/* ---- the stage and the swap ---- */

int lit_outdir_begin(lit_outdir *o, const char *dir, const char *const *names_, size_t n, lit_diag *d)
{
    memset(o, 0, sizeof *o);
    struct stat st;
    bool exists = lstat(dir, &st) == 0;
    if (exists && !S_ISDIR(st.st_mode))
        return lit_error(d, dir, 0, 0, "exists and is not a folder (a link or a file): not replacing it");
    char *parent;
    const char *base;
    split(dir, &parent, &base);
    lit_buf b = LIT_BUF_INIT;
    lit_buf_printf(&b, "%s/.%s.new-XXXXXX", parent, base);
    free(parent);
    o->stage = lit_xstrdup(lit_buf_str(&b));
    lit_outfile_hold_signals(true);   /* made and known to the signal handler in one step */
    if (!mkdtemp(o->stage)) {
        lit_outfile_hold_signals(false);
        lit_io_error(d, dir, "cannot create a folder beside it: %s", strerror(errno));
        free(o->stage);
        o->stage = NULL;
        lit_buf_free(&b);
        return -1;
    }
    lit_outfile_scratch_dir(o->stage);
    lit_outfile_hold_signals(false);
    chmod(o->stage, exists ? st.st_mode & 07777 : 0755);   /* the swap keeps the folder's permissions */
    o->dir = lit_xstrdup(dir);
    /* first, so that a stage left by a killed build says which of its files are outputs */
    lit_buf_reset(&b);
    lit_buf_adds(&b, "# litsurvey build: its outputs, which the next build replaces or removes; "
                     "it keeps every other file in this folder\n");
    for (size_t i = 0; i < n; i++) lit_buf_printf(&b, "%s\n", names_[i]);
    char *path = join(o->stage, LIT_OUTDIR_MANIFEST);
    int rc = lit_write_file(path, b.data, b.len, d);
    free(path);
    lit_buf_free(&b);
    if (rc != 0) lit_outdir_abort(o);
    return rc;
}

/* Gives dst a second name for every entry of src that m does not list (m NULL: every
 * entry); a folder becomes a new folder of links. */
static int link_tree(const char *src, const char *dst, const names *m, lit_diag *d)
{
    DIR *dd = opendir(src);
    if (!dd) return lit_io_error(d, src, "cannot read the folder: %s", strerror(errno));
    int rc = 0;
    struct dirent *de;
    while (rc == 0 && (de = readdir(dd))) {
        const char *e = de->d_name;
        if (strcmp(e, ".") == 0 || strcmp(e, "..") == 0 || (m && ours(m, e))) continue;
        char *s = join(src, e), *t = join(dst, e);
        struct stat st;
        if (lstat(s, &st) != 0) {
            /* gone since readdir: nothing to keep */
        } else if (S_ISDIR(st.st_mode)) {
            if (mkdir(t, 0700) != 0) rc = lit_io_error(d, s, "cannot keep it in the new folder: %s", strerror(errno));
            else if ((rc = link_tree(s, t, NULL, d)) == 0) chmod(t, st.st_mode & 07777);
        } else if (linkat(AT_FDCWD, s, AT_FDCWD, t, 0) != 0) {   /* 0: a symbolic link is linked, not followed */
            rc = lit_io_error(d, s, "cannot keep it in the new folder (a hard link): %s", strerror(errno));
        }
        free(s);
        free(t);
    }
    closedir(dd);
    return rc;
}

/* Puts the stage in dir's place: exchanged in one step, else (a file system without
 * RENAME_EXCHANGE) dir moved aside and the stage renamed in. *old gets where the earlier
 * folder is now (NULL: there was none). */
static int swap(lit_outdir *o, bool exists, char **old, lit_diag *d)
{
    *old = NULL;
    if (!exists) {
        if (rename(o->stage, o->dir) != 0) return lit_io_error(d, o->dir, "cannot write: %s", strerror(errno));
        return 0;
    }
    if (syscall(SYS_renameat2, AT_FDCWD, o->stage, AT_FDCWD, o->dir, RENAME_EXCHANGE) == 0) {
        *old = lit_xstrdup(o->stage);
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        return lit_io_error(d, o->dir, "cannot replace: %s", strerror(errno));
    char *parent;
    const char *base;
    split(o->dir, &parent, &base);
    lit_buf b = LIT_BUF_INIT;
    lit_buf_printf(&b, "%s/.%s.old-XXXXXX", parent, base);
    free(parent);
    *old = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    int rc = 0;
    if (!mkdtemp(*old) || rename(o->dir, *old) != 0) {
        rc = lit_io_error(d, o->dir, "cannot replace: %s", strerror(errno));
        rmdir(*old);
    } else if (rename(o->stage, o->dir) != 0) {
        rc = lit_io_error(d, o->dir, "cannot write: %s", strerror(errno));
        rename(*old, o->dir);   /* if even this fails, the next build brings it back */
    }
    if (rc != 0) {
        free(*old);
        *old = NULL;
    }
    return rc;
}

int lit_outdir_commit(lit_outdir *o, lit_diag *d)
{
    lit_outfile_hold_signals(true);
    struct stat st;
    bool exists = lstat(o->dir, &st) == 0;
    int rc = 0;
    if (exists) {
        names m;
        manifest_read(o->dir, &m);
        rc = link_tree(o->dir, o->stage, &m, d);
        names_free(&m);
    }
    char *old = NULL;
    if (rc == 0) rc = swap(o, exists, &old, d);
    if (rc != 0) remove_tree(o->stage);
    lit_outfile_scratch_dir(NULL);
    if (old) drop_old(old, o->dir, d);
    free(old);
    free(o->stage);
    free(o->dir);
    memset(o, 0, sizeof *o);
    lit_outfile_hold_signals(false);
    return rc;
}

void lit_outdir_abort(lit_outdir *o)
{
    if (o->stage) remove_tree(o->stage);
    lit_outfile_scratch_dir(NULL);
    free(o->stage);
    free(o->dir);
    memset(o, 0, sizeof *o);
}
