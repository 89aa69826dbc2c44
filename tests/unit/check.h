/* check.h - the unit-test harness: each test_<module>.c is a program of CHECK()s.
 * Every CHECK prints "ok" or "not ok" with its place; tests/run.sh counts them. */
#ifndef LIT_CHECK_H
#define LIT_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_failed_;
#define CHECK(cond) check_((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_STR(a, b) check_str_((a), (b), #a, __FILE__, __LINE__)
#define CHECK_INT(a, b) check_int_((long long)(a), (long long)(b), #a, __FILE__, __LINE__)

static inline void check_(int ok, const char *what, const char *file, int line)
{
    printf("%s - %s:%d: %s\n", ok ? "ok" : "not ok", file, line, what);
    if (!ok) check_failed_ = 1;
}
static inline void check_str_(const char *a, const char *b, const char *what, const char *file, int line)
{
    int ok = (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
    check_(ok, what, file, line);
    if (!ok) printf("#   got:      %s\n#   expected: %s\n", a ? a : "(null)", b ? b : "(null)");
}
static inline void check_int_(long long a, long long b, const char *what, const char *file, int line)
{
    check_(a == b, what, file, line);
    if (a != b) printf("#   got: %lld, expected: %lld\n", a, b);
}
/* Writes text to NAME in a new temporary folder; returns its malloc'd path (NULL on failure). */
static inline char *check_write_tmp(const char *name, const char *text)
{
    char dir[] = "/tmp/lit-test-XXXXXX";
    if (!mkdtemp(dir)) return NULL;
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) { free(path); return NULL; }
    fputs(text, f);
    fclose(f);
    return path;
}
/* Removes what check_write_tmp made. */
static inline void check_remove_tmp(char *path)
{
    remove(path);
    char *slash = strrchr(path, '/');
    *slash = 0;
    rmdir(path);
    free(path);
}
/* main returns this so a crash and a failed check both show. */
#define CHECK_DONE() (check_failed_ ? 1 : 0)
#endif
