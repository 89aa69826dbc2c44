/* arena.h - bump allocation for catalog strings and records, and abort-on-OOM malloc. */
#ifndef LIT_ARENA_H
#define LIT_ARENA_H
#include <stddef.h>

/* A chain of blocks; everything allocated from an arena is freed at once by
 * lit_arena_free. Out of memory aborts with a message. */
typedef struct lit_arena_block lit_arena_block;
typedef struct lit_arena {
    lit_arena_block *head;
    size_t used_bytes; /* total handed out, for benchmarks */
} lit_arena;

void *lit_arena_alloc(lit_arena *a, size_t size);          /* 16-byte aligned, zeroed */
char *lit_arena_strndup(lit_arena *a, const char *s, size_t n);
char *lit_arena_strdup(lit_arena *a, const char *s);        /* NULL stays NULL */
char *lit_arena_printf(lit_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void lit_arena_free(lit_arena *a);
/* Moves everything allocated from `from` into a (freed with a); `from` ends empty. */
void lit_arena_adopt(lit_arena *a, lit_arena *from);

/* malloc family that aborts on failure; free with free(). */
#define LIT_NONNULL __attribute__((returns_nonnull))
void *lit_xmalloc(size_t size) LIT_NONNULL;
void *lit_xcalloc(size_t n, size_t size) LIT_NONNULL;
void *lit_xrealloc(void *p, size_t size) LIT_NONNULL;
char *lit_xstrdup(const char *s) LIT_NONNULL;
/* Grow *p (of *cap elements of elem bytes) so that it holds at least need elements. */
void lit_grow(void **p, size_t *cap, size_t need, size_t elem);
#define LIT_GROW(arr, cap, need) lit_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
