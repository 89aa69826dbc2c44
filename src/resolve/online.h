/* online.h - `resolve --online`: arXiv (by arXiv id), Crossref (by DOI, else by a bibliographic
 * query), DBLP's publication search and OpenAlex (by title) as record sources, asked in that
 * order and only for the papers no source before has matched with a published record; every
 * answer kept in a cache on disk, so that a second run asks nothing and works offline. */
#ifndef LIT_ONLINE_H
#define LIT_ONLINE_H
#include <stdbool.h>
#include <stddef.h>
#include "resolve.h"

typedef struct lit_online_opts {
    const char *cache_dir;   /* NULL: $XDG_CACHE_HOME/litsurvey, else ~/.cache/litsurvey */
    const char *mailto;      /* contact for the polite pools; NULL: $LITSURVEY_MAILTO, if set */
    bool offline;            /* answers from the cache only: no network, curl never started */
    bool refresh;            /* ask again what the cache holds (and keep the new answers) */
    bool verbose;            /* note retries */
    bool progress;           /* a progress line (the caller checks for a terminal) */
    const lit_venues *vs;
} lit_online_opts;

typedef struct lit_online lit_online;

/* Reads the settings (base URLs, intervals, timeouts: LITSURVEY_* variables, see the
 * README), opens the cache and, unless offline, starts libcurl. NULL after reporting:
 * a bad setting (d->io_errors unset) or a cache folder that cannot be made. */
lit_online *lit_online_new(const lit_online_opts *o, lit_diag *d);
/* The services as sources, in the order they are asked; out must hold LIT_ONLINE_SOURCES.
 * Close them (lit_rsource_close) before lit_online_free. */
#define LIT_ONLINE_SOURCES 4
void lit_online_sources(lit_online *on, lit_rsource **out);
/* After lit_resolve (each service that failed has had its one warning, when the answers were
 * fetched): notes the requests sent and the answers the cache gave, and returns how many
 * papers stay unresolved because an answer was missing (a fault, or with offline an answer
 * the cache lacks), with a warning saying so. */
size_t lit_online_report(lit_online *on, const lit_catalog *c, lit_diag *d);
void lit_online_free(lit_online *on);

#endif
