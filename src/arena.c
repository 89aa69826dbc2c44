/* arena.c - bump allocation for catalog strings and records, and abort-on-OOM malloc. */
#include "arena.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (256 * 1024)

struct lit_arena_block {
    lit_arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

static void oom(size_t size)
{
    fprintf(stderr, "litsurvey: out of memory (allocating %zu bytes)\n", size);
    abort();
}

void *lit_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) oom(size);
    return p;
}

void *lit_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *lit_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q) oom(size);
    return q;
}

char *lit_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(lit_xmalloc(n), s, n);
}

void lit_grow(void **p, size_t *cap, size_t need, size_t elem)
{
#ifdef LIT_GROW_MOVES
    /* The sanitizer build moves a small array at every call, as a full one moves when it
     * grows, so that a pointer into it held across a call that may grow it is a
     * use-after-free in every test, not only when the array happens to be full. */
    if (*p && need <= *cap && *cap * elem <= LIT_GROW_MOVES) {
        void *q = lit_xmalloc(*cap * elem);
        memcpy(q, *p, *cap * elem);
        free(*p);
        *p = q;
        return;
    }
#endif
    if (need <= *cap) return;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem) oom(SIZE_MAX);
        c *= 2;
    }
    *p = lit_xrealloc(*p, c * elem);
    *cap = c;
}

/* Bump allocation at the given alignment. Strings take alignment 1, so that a catalog's
 * millions of short strings are packed instead of each rounded up to 16 bytes. */
static void *bump(lit_arena *a, size_t size, size_t align)
{
    lit_arena_block *b = a->head;
    size_t off = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || off > b->size || b->size - off < size) {
        /* Big requests get a block of their own behind the current one, so the
         * current block's free space is not wasted. */
        size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
        lit_arena_block *nb = lit_xmalloc(sizeof *nb + bsize);
        nb->used = 0;
        nb->size = bsize;
        if (b && bsize != ARENA_BLOCK) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
        off = 0;
    }
    void *p = b->data + off;
    b->used = off + size;
    a->used_bytes += size;
    return p;
}

void *lit_arena_alloc(lit_arena *a, size_t size)
{
    void *p = bump(a, size, 16);
    memset(p, 0, size);
    return p;
}

char *lit_arena_strndup(lit_arena *a, const char *s, size_t n)
{
    char *p = bump(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *lit_arena_strdup(lit_arena *a, const char *s)
{
    return s ? lit_arena_strndup(a, s, strlen(s)) : NULL;
}

char *lit_arena_printf(lit_arena *a, const char *fmt, ...)
{
    if (!fmt) return lit_arena_strdup(a, "");  /* keeps GCC 12 with UBSan from seeing a NULL format */
    char probe[1];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = lit_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void lit_arena_adopt(lit_arena *a, lit_arena *from)
{
    if (!from->head) return;
    if (!a->head) {
        *a = *from;
    } else {
        /* from's blocks go behind a's current block, which stays the one allocated from */
        lit_arena_block *last = from->head;
        while (last->next) last = last->next;
        last->next = a->head->next;
        a->head->next = from->head;
        a->used_bytes += from->used_bytes;
    }
    from->head = NULL;
    from->used_bytes = 0;
}

void lit_arena_free(lit_arena *a)
{
    for (lit_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
    a->used_bytes = 0;
}
