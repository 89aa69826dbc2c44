/* http.h - HTTP GETs for the online sources: several in flight where a service allows it, spaced
 * by its interval, asked again with exponential backoff and jitter after a 429 or a 5xx
 * (Retry-After honoured), bounded in time, size and redirects; any failure is one short text,
 * never a crash or a hang. Only http.c includes curl.h; nothing initialises curl before
 * lit_http_new. */
#ifndef LIT_HTTP_H
#define LIT_HTTP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "diag.h"

typedef struct lit_http_settings {
    const char *user_agent;
    double connect_timeout;  /* seconds to connect */
    double timeout;          /* seconds for a whole request, redirects included */
    size_t max_body;         /* bytes; a longer answer is a fault */
    long max_redirects;
    int retries;             /* asked again at most this many times after a 429 or 5xx */
    double backoff;          /* seconds before the first retry, doubled at each next one */
    double max_wait;         /* a Retry-After longer than this is a fault, not a wait */
    uint64_t seed;           /* of the jitter added to each wait */
    lit_diag *notes;         /* where retries are noted (-v), or NULL */
} lit_http_settings;

typedef struct lit_http lit_http;

/* Initialises libcurl and keeps a copy of s (its strings must outlive the client). NULL when
 * libcurl cannot start (reported in d). Free with lit_http_free. */
lit_http *lit_http_new(const lit_http_settings *s, lit_diag *d);
void lit_http_free(lit_http *h);

/* How a service may be asked: at most in_flight requests at a time, one started every
 * interval seconds at most; a request to be asked again holds every next one back until
 * it goes (as long as a 429's or 503's Retry-After asks). */
typedef struct lit_http_policy { int in_flight; double interval; } lit_http_policy;

typedef enum lit_http_kind {
    LIT_HTTP_ANSWER,       /* the server answered: status and body are set */
    LIT_HTTP_FAULT,        /* this request failed (answer over the size limit, cut short) */
    LIT_HTTP_HOST_FAULT    /* the service cannot be asked now (no network, DNS, TLS, refused,
                              timeout, redirect loop, an error status after the retries) */
} lit_http_kind;

typedef struct lit_http_answer {
    lit_http_kind kind;
    long status;             /* HTTP status of the final answer (0: none) */
    const char *body;        /* the body, NUL-terminated; valid during the callback */
    size_t len;
    const char *fault;       /* what went wrong ("cannot connect (connection refused)"), else NULL */
    const char *url;         /* the request's URL */
} lit_http_answer;

/* Called once per request as it ends; returning false gives the service up: no request
 * is started after it and those running are dropped without a call. */
typedef bool (*lit_http_fn)(void *ctx, size_t i, const lit_http_answer *a);

/* GETs urls[0..n) under policy p, calling fn for each as it ends (in any order). Returns
 * the number of requests sent, retries included. */
size_t lit_http_get_all(lit_http *h, const char *const *urls, size_t n, const lit_http_policy *p, lit_http_fn fn,
                        void *ctx);

#endif
