/* test_catalog_threads.c - loading a catalog on several threads gives what one thread gives, errors included. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "buf.h"
#include "catalog.h"
#include "input.h"
#include "outfile.h"

static char dir[] = "/tmp/test_catalog_threads-XXXXXX";
static char path[256];

static void write_text(const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

/* Loads path with `threads` threads; the canonical save (or the messages) into out. */
static int load_as(int threads, lit_buf *out, int *used, long **lines, size_t *n)
{
    char msg[4096] = "";
    FILE *mf = fmemopen(msg, sizeof msg - 1, "w");
    lit_diag d;
    lit_diag_init(&d, mf);
    lit_catalog c;
    lit_catalog_init(&c);
    int rc = lit_catalog_load_threads(&c, path, threads, &d);
    fclose(mf);
    lit_buf_reset(out);
    lit_buf_adds(out, msg);
    *used = c.load_threads;
    *n = c.n_papers;
    *lines = calloc(c.n_papers + 1, 2 * sizeof **lines);
    for (size_t i = 0; i < c.n_papers; i++) {
        (*lines)[2 * i] = c.papers[i].line;
        (*lines)[2 * i + 1] = c.papers[i].col;
    }
    if (rc == 0) {
        char saved[300];
        snprintf(saved, sizeof saved, "%s.saved", path);
        lit_diag_init(&d, stderr);
        if (lit_catalog_save(&c, saved, &d) == 0) {
            char *data;
            size_t len;
            if (lit_read_file(saved, &data, &len, &d) == 0) {
                lit_buf_add(out, data, len);
                free(data);
            }
            unlink(saved);
        }
    }
    lit_catalog_free(&c);
    return rc;
}

/* One thread and `threads` threads agree on status, messages, papers, lines and columns;
 * parallel says whether the threads must really have split the file. */
static void same(const char *name, const char *text, int threads, int parallel)
{
    write_text(text);
    lit_buf a = LIT_BUF_INIT, b = LIT_BUF_INIT;
    int ua, ub;
    long *la, *lb;
    size_t na, nb;
    int ra = load_as(1, &a, &ua, &la, &na);
    int rb = load_as(threads, &b, &ub, &lb, &nb);
    printf("# %s: status %d, %zu papers, %d threads\n", name, ra, na, ub);
    CHECK_INT(rb, ra);
    CHECK_STR(lit_buf_str(&b), lit_buf_str(&a));
    CHECK_INT(nb, na);
    CHECK(na == nb && memcmp(la, lb, 2 * na * sizeof *la) == 0);
    CHECK_INT(ua, 1);
    if (parallel) CHECK(ub > 1);
    else CHECK_INT(ub, 1);
    free(la);
    free(lb);
    lit_buf_free(&a);
    lit_buf_free(&b);
}

/* n papers in the canonical layout (indent = "" ) or the hand-written one ("  "). */
static void papers(lit_buf *t, size_t n, const char *indent, const char *nl)
{
    const char *in = *indent ? "    " : "  ";
    for (size_t i = 0; i < n; i++) {
        lit_buf_printf(t, "%s- key: p%zu%s", indent, i, nl);
        lit_buf_printf(t, "%stitle: \"Paper %zu: A \\\"Quoted\\\" Title — é & %%\"%s", in, i, nl);
        if (i % 3 == 0) lit_buf_printf(t, "%sshort: Sys%zu%s", in, i % 50, nl);
        lit_buf_printf(t, "%svenue: %s%s", in, i % 4 == 0 ? "OSDI" : i % 4 == 1 ? "NeurIPS" : i % 4 == 2 ? "arXiv" : "V" , nl);
        if (i % 4 == 3) lit_buf_printf(t, "%syear: %zu%s", in, 2000 + i % 25, nl);
        lit_buf_printf(t, "%stopics: [t%zu, t%zu]%s", in, i % 7, (i * 3) % 11, nl);
        lit_buf_printf(t, "%slinks: {paper: \"https://x.org/%zu\"}%s", in, i, nl);
        lit_buf_printf(t, "%ssources:%s%s  - {list: l%zu.txt, line: %zu, section: S}%s", in, nl, indent, i % 5, i + 1, nl);
        if (i % 10 == 0) lit_buf_printf(t, "%snotes:%s%s  a: [1, {b: c}]%s", in, nl, indent, nl);
    }
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/c.yaml", dir);
    lit_buf t = LIT_BUF_INIT;

    lit_buf_adds(&t, "# a comment\npapers:\n");
    papers(&t, 3000, "", "\n");
    same("canonical layout, 2 threads", lit_buf_str(&t), 2, 1);
    same("canonical layout, 8 threads", lit_buf_str(&t), 8, 1);

    lit_buf_reset(&t);
    lit_buf_adds(&t, "%YAML 1.1\n---\npapers:   # the list\n\n");
    papers(&t, 2000, "  ", "\n");
    same("indented layout, directive", lit_buf_str(&t), 3, 1);

    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\r\n");
    papers(&t, 2000, "", "\r\n");
    same("CRLF line ends", lit_buf_str(&t), 4, 1);

    /* A key repeated in the second half: the first thread's papers are fine, the join
     * finds it, one thread reports it at its place. */
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 2000, "", "\n");
    lit_buf_adds(&t, "- key: p10\n  title: again\n");
    same("key repeated across ranges", lit_buf_str(&t), 2, 0);

    /* Errors late in the file, early in the file, and a second document. */
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 2000, "", "\n");
    lit_buf_adds(&t, "- key: bad\n  title: [unclosed\n");
    same("syntax error at the end", lit_buf_str(&t), 2, 0);
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n- key: x\n  year: 3000\n  title: t\n");
    papers(&t, 2000, "", "\n");
    same("bad year at the start", lit_buf_str(&t), 2, 0);
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 2000, "", "\n");
    lit_buf_adds(&t, "other: 1\n");
    same("a key after the papers", lit_buf_str(&t), 2, 0);
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 2000, "", "\n");
    lit_buf_adds(&t, "...\n---\npapers: []\n");
    same("a second document", lit_buf_str(&t), 2, 0);

    /* A quoted title whose continuation lines look like papers: a cut there must not
     * split the title (the range before it would end inside the string). */
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 100, "", "\n");
    lit_buf_adds(&t, "- key: long\n  title: \"starts here\n");
    for (int i = 0; i < 6000; i++) lit_buf_printf(&t, "- key: fake%d\n  title: inside the string\n", i);
    lit_buf_adds(&t, "  ends here\"\n");
    for (int i = 0; i < 10; i++) lit_buf_printf(&t, "- key: after%d\n  title: t\n", i);
    same("a multi-line quoted title", lit_buf_str(&t), 2, 0);

    /* Nesting at the limit in a later range counts as deep as in the whole file. */
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 2000, "", "\n");
    lit_buf_adds(&t, "- key: deep\n  title: t\n  notes: ");
    for (int i = 0; i < 61; i++) lit_buf_adds(&t, "[");
    for (int i = 0; i < 61; i++) lit_buf_adds(&t, "]");
    lit_buf_adds(&t, "\n");
    same("nesting at the limit", lit_buf_str(&t), 2, 1);
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers:\n");
    papers(&t, 2000, "", "\n");
    lit_buf_adds(&t, "- key: deeper\n  title: t\n  notes: ");
    for (int i = 0; i < 62; i++) lit_buf_adds(&t, "[");
    for (int i = 0; i < 62; i++) lit_buf_adds(&t, "]");
    lit_buf_adds(&t, "\n");
    same("nesting over the limit", lit_buf_str(&t), 2, 0);

    /* Without a block list of papers there is nothing to cut: one thread. */
    lit_buf_reset(&t);
    lit_buf_adds(&t, "papers: [");
    for (int i = 0; i < 3000; i++) lit_buf_printf(&t, "%s{key: f%d, title: t}", i ? ", " : "", i);
    lit_buf_adds(&t, "]\n");
    same("a flow list", lit_buf_str(&t), 2, 0);

    lit_buf_free(&t);
    unlink(path);
    rmdir(dir);
    return CHECK_DONE();
}
