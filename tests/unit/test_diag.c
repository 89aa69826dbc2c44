/* test_diag.c - the compilers' message format, warnings said twice printed once, and
 * per-paper warnings capped with a closing count. */
#include "check.h"
#include "diag.h"

/* What d printed since the last call, from its memory stream. */
static const char *said(FILE *f, char **buf, size_t *len)
{
    fflush(f);
    return *len ? *buf : "";
}

int main(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    lit_diag d;
    lit_diag_init(&d, f);

    CHECK_INT(lit_error(&d, "a.yaml", 3, 7, "bad %s", "thing"), -1);
    CHECK_STR(said(f, &buf, &len), "a.yaml:3:7: error: bad thing\n");
    CHECK_INT(d.errors, 1);

    fclose(f);
    free(buf);
    buf = NULL;
    len = 0;
    f = open_memstream(&buf, &len);
    d.out = f;
    lit_warn(&d, "a.yaml", 4, 0, "odd");
    lit_warn(&d, "a.yaml", 4, 0, "odd");   /* said again: printed once, counted twice */
    lit_warn(&d, NULL, 0, 0, "loose");
    CHECK_STR(said(f, &buf, &len), "a.yaml:4: warning: odd\nlitsurvey: warning: loose\n");
    CHECK_INT(d.warnings, 3);

    /* per-paper warnings: the first LIT_WARN_SHOWN of a kind printed, all counted */
    static const char kind[] = "papers with odd titles";
    fclose(f);
    free(buf);
    buf = NULL;
    len = 0;
    f = open_memstream(&buf, &len);
    lit_diag_init(&d, f);
    for (int i = 1; i <= LIT_WARN_SHOWN + 5; i++) lit_warn_many(&d, kind, "c.yaml", i, 3, "paper %d: odd title", i);
    lit_warn_many(&d, "papers with odd keys", "c.yaml", 99, 3, "paper 99: odd key");
    said(f, &buf, &len);
    CHECK(strstr(buf, "c.yaml:10:3: warning: paper 10: odd title\n") != NULL);
    CHECK(strstr(buf, "paper 11:") == NULL);
    CHECK(strstr(buf, "c.yaml:99:3: warning: paper 99: odd key\n") != NULL);   /* a kind of its own */
    CHECK_INT(d.warnings, LIT_WARN_SHOWN + 6);
    lit_diag_flush(&d);
    said(f, &buf, &len);
    CHECK(strstr(buf, "litsurvey: warning: papers with odd titles: 15 warnings in all, the first 10 listed above\n") != NULL);
    CHECK(strstr(buf, "odd keys:") == NULL);   /* all of them were printed */
    size_t before = len;
    lit_diag_flush(&d);   /* said once */
    said(f, &buf, &len);
    CHECK_INT(len, before);

    /* quiet: counted, nothing printed */
    d.quiet = true;
    lit_warn_many(&d, kind, "c.yaml", 1, 1, "x");
    lit_diag_flush(&d);
    said(f, &buf, &len);
    CHECK_INT(len, before);

    /* skipped entries of one kind: the first LIT_WARN_SHOWN printed, every one counted */
    static const char bad_entry[] = "entry has no title";
    fclose(f);
    free(buf);
    buf = NULL;
    len = 0;
    f = open_memstream(&buf, &len);
    lit_diag_init(&d, f);
    for (int i = 1; i <= 1000; i++) lit_skip_many(&d, bad_entry, "x.ris", i, 1, bad_entry);
    lit_diag_flush(&d);
    said(f, &buf, &len);
    CHECK(strstr(buf, "x.ris:10:1: warning: entry has no title (skipped)\n") != NULL);
    CHECK(strstr(buf, "x.ris:11:1:") == NULL);
    CHECK(strstr(buf, "litsurvey: warning: entry has no title: 1000 warnings in all, the first 10 listed above\n") != NULL);
    CHECK_INT(d.skipped, 1000);
    CHECK_INT(d.warnings, 1000);

    /* a value from a file cannot reach the terminal as an escape or fake a message line */
    d.quiet = false;
    lit_error(&d, "c\x1b]0;x\x07.yaml", 2, 1, "unknown venue '%s'", "OSDI\x1b[2J\r\nfake.yaml:1:1: error: \xC2\x9Bx");
    said(f, &buf, &len);
    CHECK(strstr(buf, "c\\x1b]0;x\\x07.yaml:2:1: error: unknown venue 'OSDI\\x1b[2J\\r\\nfake.yaml:1:1: error: \\u009bx'\n") != NULL);
    fclose(f);
    free(buf);
    buf = NULL;
    len = 0;
    f = open_memstream(&buf, &len);
    lit_diag_print(f, "merged \"%s\"\nnext line\n", "a\x1b[1mb");
    CHECK_STR(said(f, &buf, &len), "merged \"a\\x1b[1mb\"\nnext line\n");
    fclose(f);
    free(buf);
    return CHECK_DONE();
}
