/* cache.h - the online answers kept on disk: one file per service and query, holding the query,
 * the date it was asked, the HTTP status and the body, written atomically; read back only when
 * whole (the length and a checksum agree), so that a damaged entry is a warning and a new
 * request, never a wrong record. */
#ifndef LIT_CACHE_H
#define LIT_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

typedef struct lit_cache lit_cache;

/* The folder the cache lives in when none is given: $XDG_CACHE_HOME/litsurvey, else
 * $HOME/.cache/litsurvey. malloc'd; NULL when neither variable is set. */
char *lit_cache_default_dir(void);

/* Opens (creates) the cache in dir; entries may hold bodies up to max_body bytes. NULL
 * after reporting when the folder cannot be made. Free with lit_cache_close. */
lit_cache *lit_cache_open(const char *dir, size_t max_body, lit_diag *d);
void lit_cache_close(lit_cache *c);

/* The answer kept for query of service svc: returns 1 with *body (malloc'd,
 * NUL-terminated), *len and *status set; 0 when there is none; a damaged entry is
 * reported (a warning) and is none. */
int lit_cache_get(lit_cache *c, const char *svc, const char *query, char **body, size_t *len, long *status,
                  lit_diag *d);
/* Keeps an answer, replacing any. A failure to write is a warning (once per run): the run
 * goes on without it. */
void lit_cache_put(lit_cache *c, const char *svc, const char *query, long status, const char *body, size_t len,
                   lit_diag *d);

#endif
