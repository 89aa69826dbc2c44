/* test_outfile.c - all-or-nothing outputs: commit, abort, links, devices, folders. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "arena.h"
#include "input.h"
#include "outfile.h"

static char dir[] = "/tmp/test_outfile-XXXXXX";

static char *path(const char *name)
{
    static char buf[4][256];
    static int i;
    i = (i + 1) % 4;
    snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
    return buf[i];
}

static char *slurp(const char *p)
{
    char *data;
    size_t len;
    lit_diag d;
    lit_diag_init(&d, stderr);
    return lit_read_file(p, &data, &len, &d) == 0 ? data : lit_xstrdup("(unreadable)");
}

static size_t entries(void)
{
    /* this run's folder only: other work trees may run this test at the same time */
    size_t n = 0;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "ls -A '%s' 2>/dev/null | wc -l", dir);
    FILE *ls = popen(cmd, "r");
    if (ls && fscanf(ls, "%zu", &n) != 1) n = 0;
    if (ls) pclose(ls);
    return n;
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    FILE *null = fopen("/dev/null", "w");
    lit_diag d;
    lit_diag_init(&d, null);

    CHECK(lit_write_file(path("a.txt"), "old\n", 4, &d) == 0);
    char *s = slurp(path("a.txt"));
    CHECK_STR(s, "old\n");
    free(s);

    /* an aborted write leaves the old bytes and no temporary */
    lit_outfile o;
    CHECK(lit_outfile_open(&o, path("a.txt"), &d) == 0);
    fputs("half-written", o.fp);
    lit_outfile_abort(&o);
    s = slurp(path("a.txt"));
    CHECK_STR(s, "old\n");
    free(s);
    CHECK_INT(entries(), 1);

    /* a committed write replaces it whole */
    CHECK(lit_outfile_open(&o, path("a.txt"), &d) == 0);
    fputs("new\n", o.fp);
    CHECK(lit_outfile_commit(&o, &d) == 0);
    s = slurp(path("a.txt"));
    CHECK_STR(s, "new\n");
    free(s);
    struct stat st;
    CHECK(stat(path("a.txt"), &st) == 0 && (st.st_mode & 0444) == 0444);

    /* through a link: the file it names changes, the link stays a link */
    CHECK(symlink(path("a.txt"), path("link.txt")) == 0);
    CHECK(lit_write_file(path("link.txt"), "via link\n", 9, &d) == 0);
    CHECK(lstat(path("link.txt"), &st) == 0 && S_ISLNK(st.st_mode));
    s = slurp(path("a.txt"));
    CHECK_STR(s, "via link\n");
    free(s);

    /* a device is written directly, a folder is an error, a missing folder too */
    CHECK(lit_write_file("/dev/null", "x", 1, &d) == 0);
    CHECK(lit_write_file(dir, "x", 1, &d) != 0);
    CHECK(lit_write_file(path("no/such/file"), "x", 1, &d) != 0);
    CHECK(d.io_errors == 2);
    CHECK_INT(entries(), 2);

    /* a link to a file not made yet: the file is made, the link stays */
    CHECK(symlink("new.txt", path("dangling.txt")) == 0);
    CHECK(lit_write_file(path("dangling.txt"), "made\n", 5, &d) == 0);
    CHECK(lstat(path("dangling.txt"), &st) == 0 && S_ISLNK(st.st_mode));
    s = slurp(path("new.txt"));
    CHECK_STR(s, "made\n");
    free(s);
    /* links in a loop are an error, not a replaced link */
    CHECK(symlink("loop2", path("loop1")) == 0 && symlink("loop1", path("loop2")) == 0);
    CHECK(lit_write_file(path("loop1"), "x", 1, &d) != 0);
    CHECK(lstat(path("loop1"), &st) == 0 && S_ISLNK(st.st_mode));

    /* /dev/fd/N writes through the descriptor: a file opened to append keeps its start */
    FILE *app = fopen(path("app.txt"), "a");
    fputs("first\n", app);
    fflush(app);
    char fdname[32];
    snprintf(fdname, sizeof fdname, "/dev/fd/%d", fileno(app));
    CHECK(lit_write_file(fdname, "second\n", 7, &d) == 0);
    fclose(app);
    s = slurp(path("app.txt"));
    CHECK_STR(s, "first\nsecond\n");
    free(s);
    CHECK(lit_write_file("/dev/fd/999", "x", 1, &d) != 0);   /* not open */
    CHECK(lit_write_file("", "x", 1, &d) != 0);   /* no temporary made in the current folder */

    /* by name (for libxlsxwriter): a device gets a real temporary, copied on commit */
    CHECK(lit_outfile_open_named(&o, "/dev/null", &d) == 0);
    CHECK(o.tmp != NULL);
    char *tmp = lit_xstrdup(o.tmp);
    fputs("book", o.fp);
    CHECK(lit_outfile_commit(&o, &d) == 0);
    CHECK(access(tmp, F_OK) != 0);
    free(tmp);
    CHECK(lit_outfile_open_named(&o, "/dev/full", &d) == 0);
    tmp = lit_xstrdup(o.tmp);
    lit_outfile_close_fp(&o);   /* the library writes by name */
    FILE *lib = fopen(tmp, "wb");
    fputs("book", lib);
    fclose(lib);
    int before = d.io_errors;
    CHECK(lit_outfile_commit(&o, &d) != 0 && d.io_errors == before + 1);
    CHECK(access(tmp, F_OK) != 0);
    free(tmp);
    CHECK(lit_outfile_open_named(&o, path("named.txt"), &d) == 0);
    fputs("named\n", o.fp);
    CHECK(lit_outfile_commit(&o, &d) == 0);
    s = slurp(path("named.txt"));
    CHECK_STR(s, "named\n");
    free(s);
    CHECK_INT(entries(), 8);

    const char *made[] = {"dangling.txt", "new.txt", "loop1", "loop2", "app.txt", "named.txt"};
    for (size_t i = 0; i < sizeof made / sizeof *made; i++) unlink(path(made[i]));
    unlink(path("link.txt"));
    unlink(path("a.txt"));
    rmdir(dir);
    fclose(null);
    return CHECK_DONE();
}
