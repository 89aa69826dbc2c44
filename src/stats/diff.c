/* diff.c - papers added, removed and changed between two catalogs. */
#include "diff.h"
#include "topics.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include "input.h"
#include "out_markdown.h"

/* Lower-case letters and digits of a title: "PipeDream: ..." and "Pipedream - ..." pair. */
static char *title_key(const char *t)
{
    char *k = lit_xmalloc(strlen(t) + 1), *w = k;
    for (; *t; t++)
        if (isalnum((unsigned char)*t) || (unsigned char)*t >= 0x80) *w++ = (char)tolower((unsigned char)*t);
    *w = 0;
    return k;
}

/* Index in c of a paper not yet paired that matches p by DOI, arXiv id or title, or -1. */
static long find_other(const lit_catalog *c, const bool *paired, const lit_paper *p)
{
    char *tk = title_key(p->title);
    long hit = -1;
    for (size_t i = 0; i < c->n_papers && hit < 0; i++) {
        const lit_paper *q = &c->papers[i];
        if (paired[i]) continue;
        char *qk = title_key(q->title);
        if ((p->doi && q->doi && !strcasecmp(p->doi, q->doi)) || (p->arxiv && q->arxiv && !strcmp(p->arxiv, q->arxiv)) ||
            (*tk && !strcmp(tk, qk)))
            hit = (long)i;
        free(qk);
    }
    free(tk);
    return hit;
}

static void add_change(lit_diff *df, uint32_t o, uint32_t n, const char *field, lit_buf *was, lit_buf *now)
{
    LIT_GROW(df->changes, df->cap_changes, df->n_changes + 1);
    df->changes[df->n_changes++] = (lit_change){o, n, field, lit_xstrdup(lit_buf_str(was)), lit_xstrdup(lit_buf_str(now))};
}

static bool same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Set difference as "+x -y" of two string lists. */
static void set_delta(lit_buf *b, const char **x, size_t nx, const char **y, size_t ny)
{
    for (size_t i = 0; i < ny; i++) {
        bool in = false;
        for (size_t j = 0; j < nx && !in; j++) in = !strcmp(y[i], x[j]);
        if (!in) lit_buf_printf(b, "%s+%s", b->len ? " " : "", y[i]);
    }
    for (size_t j = 0; j < nx; j++) {
        bool in = false;
        for (size_t i = 0; i < ny && !in; i++) in = !strcmp(y[i], x[j]);
        if (!in) lit_buf_printf(b, "%s-%s", b->len ? " " : "", x[j]);
    }
}

static const char **topic_names(const lit_diff *df, const lit_catalog *c, const lit_paper *p)
{
    const char **v = lit_xmalloc((p->n_topics + 1) * sizeof *v);
    for (uint32_t i = 0; i < p->n_topics; i++) {
        v[i] = lit_catalog_topic(c, p->topics[i]);
        int t = df->labels && v[i] ? lit_topics_find(df->labels, v[i]) : -1;
        if (t >= 0 && df->labels->t[t].label) v[i] = df->labels->t[t].label;
    }
    return v;
}

static void compare(lit_diff *df, uint32_t oi, uint32_t ni)
{
    const lit_paper *a = &df->old->papers[oi], *b = &df->new_->papers[ni];
    size_t before = df->n_changes;
    lit_buf was = LIT_BUF_INIT, now = LIT_BUF_INIT;
#define TEXT_FIELD(name, x, y)                                                      \
    if (!same(x, y)) {                                                              \
        lit_buf_reset(&was); lit_buf_reset(&now);                                   \
        lit_buf_adds(&was, x ? x : ""); lit_buf_adds(&now, y ? y : "");             \
        add_change(df, oi, ni, name, &was, &now);                                   \
    }
    TEXT_FIELD("key", a->key, b->key)
    TEXT_FIELD("title", a->title, b->title)
    TEXT_FIELD("short", a->short_name, b->short_name)
    TEXT_FIELD("venue", lit_catalog_venue(df->old, a->venue), lit_catalog_venue(df->new_, b->venue))
#undef TEXT_FIELD
    if (a->year != b->year) {
        lit_buf_reset(&was); lit_buf_reset(&now);
        if (a->year) lit_buf_printf(&was, "%d", a->year);
        if (b->year) lit_buf_printf(&now, "%d", b->year);
        add_change(df, oi, ni, "year", &was, &now);
    }
    const char **ta = topic_names(df, df->old, a), **tb = topic_names(df, df->new_, b);
    lit_buf_reset(&was); lit_buf_reset(&now);
    set_delta(&now, ta, a->n_topics, tb, b->n_topics);
    if (now.len) add_change(df, oi, ni, "topics", &was, &now);
    free(ta);
    free(tb);
    /* links: a kind added, removed, or pointing elsewhere */
    lit_buf_reset(&now);
    for (uint32_t i = 0; i < b->n_links; i++) {
        const char *old_url = NULL;
        for (uint32_t j = 0; j < a->n_links; j++)
            if (!strcmp(a->links[j].kind, b->links[i].kind)) old_url = a->links[j].url;
        if (!old_url) lit_buf_printf(&now, "%s+%s", now.len ? " " : "", b->links[i].kind);
        else if (strcmp(old_url, b->links[i].url)) lit_buf_printf(&now, "%s~%s", now.len ? " " : "", b->links[i].kind);
    }
    for (uint32_t j = 0; j < a->n_links; j++) {
        bool kept = false;
        for (uint32_t i = 0; i < b->n_links && !kept; i++) kept = !strcmp(a->links[j].kind, b->links[i].kind);
        if (!kept) lit_buf_printf(&now, "%s-%s", now.len ? " " : "", a->links[j].kind);
    }
    lit_buf_reset(&was);
    if (now.len) add_change(df, oi, ni, "links", &was, &now);
    lit_buf_free(&was);
    lit_buf_free(&now);
    if (df->n_changes > before) df->n_changed++;
}

void lit_diff_compute(lit_diff *df, const lit_catalog *old, const lit_catalog *new_, const struct lit_topics *labels)
{
    memset(df, 0, sizeof *df);
    df->old = old;
    df->new_ = new_;
    df->labels = labels;
    bool *po = lit_xcalloc(old->n_papers + 1, sizeof *po), *pn = lit_xcalloc(new_->n_papers + 1, sizeof *pn);
    uint32_t *pair = lit_xmalloc((new_->n_papers + 1) * sizeof *pair);
    /* by key: both catalogs are sorted by key when saved, but may not be (hand edits) */
    lit_strtab keys = {0};
    lit_arena scratch = {0};
    int32_t *at = lit_xmalloc((old->n_papers + 1) * sizeof *at);
    for (size_t i = 0; i < old->n_papers; i++)
        at[lit_strtab_intern(&keys, &scratch, old->papers[i].key ? old->papers[i].key : "")] = (int32_t)i;
    for (size_t i = 0; i < new_->n_papers; i++) {
        int32_t k = lit_strtab_find(&keys, new_->papers[i].key ? new_->papers[i].key : "");
        pair[i] = UINT32_MAX;
        if (k >= 0 && !po[at[k]]) { pair[i] = (uint32_t)at[k]; po[at[k]] = pn[i] = true; }
    }
    for (size_t i = 0; i < new_->n_papers; i++) {
        if (pn[i]) continue;
        long o = find_other(old, po, &new_->papers[i]);
        if (o >= 0) { pair[i] = (uint32_t)o; po[o] = pn[i] = true; }
    }
    df->added = lit_xmalloc((new_->n_papers + 1) * sizeof *df->added);
    df->removed = lit_xmalloc((old->n_papers + 1) * sizeof *df->removed);
    for (size_t i = 0; i < new_->n_papers; i++) {
        if (!pn[i]) df->added[df->n_added++] = (uint32_t)i;
        else compare(df, pair[i], (uint32_t)i);
    }
    for (size_t i = 0; i < old->n_papers; i++)
        if (!po[i]) df->removed[df->n_removed++] = (uint32_t)i;
    free(at);
    lit_strtab_free(&keys);
    lit_arena_free(&scratch);
    free(pair);
    free(po);
    free(pn);
}

void lit_diff_free(lit_diff *df)
{
    for (size_t i = 0; i < df->n_changes; i++) { free(df->changes[i].was); free(df->changes[i].now); }
    free(df->changes);
    free(df->added);
    free(df->removed);
    memset(df, 0, sizeof *df);
}

/* ---------- output ---------- */

static void csv_row(lit_buf *b, const char *what, const lit_paper *p, const char *field, const char *was, const char *now)
{
    const char *cells[] = {what, p->key ? p->key : "", field, was, now, p->title};
    for (size_t i = 0; i < 6; i++) {
        if (i) lit_buf_addc(b, ',');
        lit_buf_add_csv(b, cells[i]);
    }
    lit_buf_addc(b, '\n');
}

/* "[OSDI 2020] Title" for text output. */
static void line_text(lit_buf *b, const lit_catalog *c, const lit_paper *p)
{
    const char *v = lit_catalog_venue(c, p->venue);
    lit_buf_printf(b, "%s  [%s", p->key ? p->key : "", v ? v : "?");
    if (p->year) lit_buf_printf(b, " %d", p->year);
    lit_buf_printf(b, "] %s\n", p->title);
}

size_t lit_diff_paper_changes(lit_buf *b, const lit_diff *df, size_t k, bool md)
{
    uint32_t ni = df->changes[k].new_ix;
    for (bool first = true; k < df->n_changes && df->changes[k].new_ix == ni; k++, first = false) {
        const lit_change *ch = &df->changes[k];
        lit_buf_adds(b, first ? "" : "; ");
        lit_buf_printf(b, "%s ", ch->field);
        if (!strcmp(ch->field, "topics") || !strcmp(ch->field, "links")) {
            lit_buf_adds(b, ch->now);
            continue;
        }
        if (md) lit_md_escape(b, *ch->was ? ch->was : "(none)");
        else lit_buf_adds(b, *ch->was ? ch->was : "(none)");
        lit_buf_adds(b, md ? " → " : " -> ");
        if (md) lit_md_escape(b, *ch->now ? ch->now : "(none)");
        else lit_buf_adds(b, *ch->now ? ch->now : "(none)");
    }
    return k;
}

void lit_diff_write(lit_buf *out, const lit_diff *df, enum lit_diff_format f, const char *old_name,
                    const char *new_name)
{
    const lit_catalog *o = df->old, *n = df->new_;
    if (f == LIT_DIFF_CSV) {
        lit_buf_adds(out, "change,key,field,old,new,title\n");
        for (size_t i = 0; i < df->n_added; i++) csv_row(out, "added", &n->papers[df->added[i]], "", "", "");
        for (size_t i = 0; i < df->n_removed; i++) csv_row(out, "removed", &o->papers[df->removed[i]], "", "", "");
        for (size_t i = 0; i < df->n_changes; i++) {
            const lit_change *ch = &df->changes[i];
            csv_row(out, "changed", &n->papers[ch->new_ix], ch->field, ch->was, ch->now);
        }
        return;
    }
    bool md = f == LIT_DIFF_MD;
    if (md) {
        lit_buf_adds(out, "## What is new\n\n");
        lit_buf_printf(out, "%zu added, %zu removed, %zu changed since `", df->n_added, df->n_removed, df->n_changed);
        lit_buf_adds(out, old_name);
        lit_buf_adds(out, "` (");
        lit_buf_printf(out, "%zu papers, now %zu).\n\n", o->n_papers, n->n_papers);
    } else {
        lit_buf_printf(out, "%s -> %s: %zu added, %zu removed, %zu changed (%zu -> %zu papers)\n", old_name, new_name,
                       df->n_added, df->n_removed, df->n_changed, o->n_papers, n->n_papers);
    }
    const struct { const char *title; const uint32_t *ix; size_t n; const lit_catalog *c; char mark; } parts[] = {
        {"Added", df->added, df->n_added, n, '+'}, {"Removed", df->removed, df->n_removed, o, '-'}};
    for (size_t s = 0; s < 2; s++) {
        if (!parts[s].n) continue;
        if (md) lit_buf_printf(out, "### %s (%zu)\n\n", parts[s].title, parts[s].n);
        else lit_buf_printf(out, "\n%s (%zu):\n", parts[s].title, parts[s].n);
        for (size_t i = 0; i < parts[s].n; i++) {
            const lit_paper *p = &parts[s].c->papers[parts[s].ix[i]];
            if (md) lit_md_entry(out, parts[s].c, p);
            else { lit_buf_printf(out, "  %c ", parts[s].mark); line_text(out, parts[s].c, p); }
        }
        if (md) lit_buf_addc(out, '\n');
    }
    if (df->n_changes) {
        if (md) lit_buf_printf(out, "### Changed (%zu)\n\n", df->n_changed);
        else lit_buf_printf(out, "\nChanged (%zu):\n", df->n_changed);
        for (size_t k = 0; k < df->n_changes;) {
            const lit_paper *p = &n->papers[df->changes[k].new_ix];
            if (md) {
                lit_buf_adds(out, "- ");
                lit_md_escape(out, p->title);
                lit_buf_adds(out, " (`");
                lit_buf_adds(out, p->key ? p->key : "");
                lit_buf_adds(out, "`): ");
            } else {
                lit_buf_printf(out, "  ~ %s: ", p->key ? p->key : "");
            }
            k = lit_diff_paper_changes(out, df, k, md);
            lit_buf_addc(out, '\n');
        }
    }
}

/* ---------- git ---------- */

/* What git's message says went wrong, in litsurvey's words (git's own text is not shown:
 * it names paths relative to the folder git ran in). */
static const char *git_failure(const char *err, const char *rev, char *buf, size_t n)
{
    if (strstr(err, "not a git repository")) return "its folder is not in a git repository";
    if (strstr(err, "exists on disk, but not in") || strstr(err, "does not exist in")) {
        snprintf(buf, n, "git has no such file at revision '%s' (it was not committed then)", rev);
        return buf;
    }
    if (strstr(err, "unknown revision") || strstr(err, "bad revision") || strstr(err, "invalid object name") ||
        strstr(err, "ambiguous argument")) {
        snprintf(buf, n, "git knows no revision '%s'", rev);
        return buf;
    }
    if (strstr(err, "cannot change to")) return "its folder does not exist";
    return "git show failed";
}

/* The bytes of path at git revision rev: `git -C DIR show REV:./NAME`, git's messages
 * read from a pipe of their own. */
int lit_git_show(const char *rev, const char *path, char **data, size_t *len, lit_diag *d)
{
    const char *slash = strrchr(path, '/');
    char *dir = lit_xstrdup(slash ? path : ".");
    if (slash) dir[slash == path ? 1 : slash - path] = 0;
    size_t sl = strlen(rev) + strlen(path) + 4;
    char *spec = lit_xmalloc(sl);
    snprintf(spec, sl, "%s:./%s", rev, slash ? slash + 1 : path);
    int fd[2], efd[2] = {-1, -1};
    int rc = -1;
    if (access(dir, X_OK) != 0) {
        lit_io_error(d, path, "cannot read it at revision '%s': its folder '%s' does not exist", rev, dir);
        goto out;
    }
    if (pipe(fd) != 0 || pipe(efd) != 0) {
        lit_io_error(d, path, "cannot start git: %s", strerror(errno));
        goto out;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        close(efd[0]);
        dup2(fd[1], 1);
        dup2(efd[1], 2);
        close(fd[1]);
        close(efd[1]);
        execlp("git", "git", "-C", dir, "show", spec, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    close(efd[1]);
    char *b = NULL;
    size_t n = 0;
    int read_rc = pid > 0 ? lit_read_fd(fd[0], spec, &b, &n, d) : 0;   /* bounded like any input */
    close(fd[0]);   /* git stops (SIGPIPE) when the limit stopped the reading */
    /* git's message is short; it writes it after the failed read, so a full stdout pipe cannot block it */
    lit_buf err = LIT_BUF_INIT;
    char chunk[4096];
    ssize_t got;
    while (pid > 0 && ((got = read(efd[0], chunk, sizeof chunk)) > 0 || (got < 0 && errno == EINTR)))
        if (got > 0 && err.len < 4096) lit_buf_add(&err, chunk, (size_t)got);
    close(efd[0]);
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    char why[256];
    if (read_rc == 0 && (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0))
        read_rc = lit_io_error(d, path, "cannot read it at revision '%s': %s", rev,
                               pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127
                                   ? "could not run git"
                                   : git_failure(lit_buf_str(&err), rev, why, sizeof why));
    lit_buf_free(&err);
    if (read_rc != 0) {
        free(b);
        goto out;
    }
    *data = b;
    *len = n;
    rc = 0;
out:
    free(dir);
    free(spec);
    return rc;
}
