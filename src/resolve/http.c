/* http.c - HTTP GETs with libcurl's multi interface: the requests of one service, as many at a
 * time as it allows, spaced, retried and bounded (http.h). */
#include "http.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <curl/curl.h>
#include "arena.h"
#include "buf.h"

struct lit_http {
    lit_http_settings s;
    uint64_t rng;            /* xorshift64* state: the jitter is the same on every run with one seed */
};

/* ---------- time and jitter ---------- */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A number in [0, 1) from the seeded generator. */
static double jitter(lit_http *h)
{
    h->rng ^= h->rng >> 12;
    h->rng ^= h->rng << 25;
    h->rng ^= h->rng >> 27;
    return (double)((h->rng * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* ---------- one transfer ---------- */

typedef struct xfer {
    CURL *e;
    size_t i;                /* index of the URL */
    int tries;
    double not_before;       /* a retry waits until then */
    lit_buf body;
    bool over;               /* the body passed max_body */
    double retry_after;      /* seconds the server asked for (-1: none) */
    char err[CURL_ERROR_SIZE];
    char fault[CURL_ERROR_SIZE + 96];
    const lit_http_settings *s;
} xfer;

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
    xfer *x = ctx;
    if (x->body.len + n > x->s->max_body) { x->over = true; return 0; }   /* ends the transfer */
    lit_buf_add(&x->body, data, n);
    (void)size;
    return n;
}

/* Retry-After: seconds or an HTTP date; the last response's (a redirect's do not count). */
static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
    xfer *x = ctx;
    (void)size;
    if (n >= 5 && !strncmp(data, "HTTP/", 5)) x->retry_after = -1;
    static const char name[] = "retry-after:";
    if (n > sizeof name - 1 && !strncasecmp(data, name, sizeof name - 1)) {
        char v[64];
        size_t k = n - (sizeof name - 1);
        if (k >= sizeof v) k = sizeof v - 1;
        memcpy(v, data + sizeof name - 1, k);
        v[k] = 0;
        char *p = v, *end;
        while (*p == ' ' || *p == '\t') p++;
        long secs = strtol(p, &end, 10);
        if (end != p && (*end == 0 || isspace((unsigned char)*end))) x->retry_after = secs < 0 ? 0 : (double)secs;
        else {
            time_t t = curl_getdate(p, NULL);
            if (t != -1) x->retry_after = difftime(t, time(NULL)) < 0 ? 0 : difftime(t, time(NULL));
        }
    }
    return n;
}

static void setup(xfer *x, const char *url)
{
    const lit_http_settings *s = x->s;
    CURL *e = x->e;
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_USERAGENT, s->user_agent);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, s->max_redirects);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(s->connect_timeout * 1000));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(s->timeout * 1000));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->max_body);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");   /* what this libcurl decodes; the limit applies decoded */
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->err);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    curl_easy_setopt(e, CURLOPT_PRIVATE, x);
}

/* What a transfer error means: its text, whether asking again may help, whether the service
 * as a whole cannot be asked. */
static const struct { CURLcode code; const char *text; bool retry, host; } transfer_faults[] = {
    {CURLE_COULDNT_RESOLVE_HOST, "cannot resolve the host name (no network or no DNS)", false, true},
    {CURLE_COULDNT_RESOLVE_PROXY, "cannot resolve the proxy's host name", false, true},
    {CURLE_COULDNT_CONNECT, "cannot connect (connection refused or no route to the host)", false, true},
    {CURLE_OPERATION_TIMEDOUT, "no complete answer in time (a slow or stalled server)", false, true},
    {CURLE_TOO_MANY_REDIRECTS, "too many redirects (a redirect loop?)", false, true},
    {CURLE_UNSUPPORTED_PROTOCOL, "redirected to a protocol other than HTTP or HTTPS", false, true},
    {CURLE_URL_MALFORMAT, "a malformed URL (check the service's base URL)", false, true},
    {CURLE_SSL_CONNECT_ERROR, "TLS handshake failed", false, true},
    {CURLE_PEER_FAILED_VERIFICATION, "TLS: the server's certificate cannot be verified", false, true},
    {CURLE_SSL_CACERT_BADFILE, "TLS: cannot read the CA certificates", false, true},
    {CURLE_PARTIAL_FILE, "answer cut short", true, false},
    {CURLE_GOT_NOTHING, "empty reply from the server", true, false},
    {CURLE_RECV_ERROR, "connection broken while receiving", true, false},
    {CURLE_SEND_ERROR, "connection broken while sending", true, false},
    {CURLE_BAD_CONTENT_ENCODING, "an undecodable compressed answer", false, false},
};

enum { DONE, RETRY };

/* Classifies a finished transfer into a (or a retry after *wait seconds). */
static int classify(lit_http *h, xfer *x, CURLcode res, lit_http_answer *a, double *wait)
{
    const lit_http_settings *s = &h->s;
    long status = 0;
    curl_easy_getinfo(x->e, CURLINFO_RESPONSE_CODE, &status);
    memset(a, 0, sizeof *a);
    a->status = status;
    bool retry = false;
    if (res == CURLE_FILESIZE_EXCEEDED || (res == CURLE_WRITE_ERROR && x->over)) {
        snprintf(x->fault, sizeof x->fault, "answer over the %zu MiB limit", s->max_body >> 20);
        a->kind = LIT_HTTP_FAULT;
    } else if (res != CURLE_OK) {
        size_t k = 0, nk = sizeof transfer_faults / sizeof *transfer_faults;
        while (k < nk && transfer_faults[k].code != res) k++;
        const char *text = k < nk ? transfer_faults[k].text : curl_easy_strerror(res);
        if (res == CURLE_OPERATION_TIMEDOUT)
            snprintf(x->fault, sizeof x->fault, "no complete answer within %g s (a slow or stalled server)", s->timeout);
        else if (res == CURLE_TOO_MANY_REDIRECTS)
            snprintf(x->fault, sizeof x->fault, "more than %ld redirects (a redirect loop?)", s->max_redirects);
        else if (x->err[0] && (k == nk || strstr(text, "TLS")))
            snprintf(x->fault, sizeof x->fault, "%s: %s", text, x->err);
        else snprintf(x->fault, sizeof x->fault, "%s", text);
        a->kind = k < nk && !transfer_faults[k].host ? LIT_HTTP_FAULT : LIT_HTTP_HOST_FAULT;
        retry = k < nk && transfer_faults[k].retry;
    } else if ((status >= 200 && status < 300) || status == 404) {
        a->kind = LIT_HTTP_ANSWER;
        lit_buf_add(&x->body, "", 0);
        a->body = x->body.data;
        a->len = x->body.len;
        return DONE;
    } else {
        retry = status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
        snprintf(x->fault, sizeof x->fault, "HTTP %ld%s", status, status == 429 ? " (too many requests)" : "");
        a->kind = LIT_HTTP_HOST_FAULT;
    }
    if (retry && x->tries <= s->retries) {
        double base = s->backoff * (double)(1u << (x->tries - 1 < 16 ? x->tries - 1 : 16));
        double asked = x->retry_after;
        if (asked > s->max_wait) {
            snprintf(x->fault + strlen(x->fault), sizeof x->fault - strlen(x->fault),
                     "; it asks to wait %.0f s (more than %g s)", asked, s->max_wait);
            a->fault = x->fault;
            return DONE;
        }
        *wait = (asked > base ? asked : base) + base * jitter(h) / 2;
        return RETRY;
    }
    if (retry) snprintf(x->fault + strlen(x->fault), sizeof x->fault - strlen(x->fault), " (%d tries)", x->tries);
    a->fault = x->fault;
    return DONE;
}

/* ---------- the client ---------- */

lit_http *lit_http_new(const lit_http_settings *s, lit_diag *d)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        lit_error(d, NULL, 0, 0, "cannot start libcurl");
        return NULL;
    }
    lit_http *h = lit_xcalloc(1, sizeof *h);
    h->s = *s;
    h->rng = s->seed ? s->seed : 0x9E3779B97F4A7C15ULL;
    return h;
}

void lit_http_free(lit_http *h)
{
    if (!h) return;
    free(h);
    curl_global_cleanup();
}

static void start(CURLM *m, xfer *x, const char *url)
{
    lit_buf_reset(&x->body);
    x->over = false;
    x->retry_after = -1;
    x->err[0] = 0;
    x->tries++;
    setup(x, url);
    curl_multi_add_handle(m, x->e);
}

size_t lit_http_get_all(lit_http *h, const char *const *urls, size_t n, const lit_http_policy *p, lit_http_fn fn,
                        void *ctx)
{
    CURLM *m = curl_multi_init();
    xfer *xs = lit_xcalloc(n + 1, sizeof *xs);
    size_t *waiting = lit_xmalloc((n + 1) * sizeof *waiting);   /* retries, by index into xs */
    size_t n_waiting = 0, next = 0, running = 0, sent = 0;
    int in_flight = p->in_flight > 0 ? p->in_flight : 1;
    double next_start = 0;
    bool stop = false;
    for (size_t i = 0; i < n; i++) xs[i] = (xfer){.i = i, .s = &h->s, .retry_after = -1};
    while (!stop && (next < n || n_waiting || running)) {
        double t = now();
        /* start what may start: retries whose time came first, then new requests */
        while ((int)running < in_flight && t >= next_start) {
            size_t w = n_waiting, pick = n;
            for (size_t k = 0; k < n_waiting; k++)
                if (xs[waiting[k]].not_before <= t && (pick == n || xs[waiting[k]].not_before < xs[pick].not_before))
                    pick = waiting[k], w = k;
            if (pick == n && next < n) pick = next++;
            if (pick == n) break;
            if (w < n_waiting) waiting[w] = waiting[--n_waiting];
            if (!xs[pick].e) xs[pick].e = curl_easy_init();
            start(m, &xs[pick], urls[pick]);
            running++;
            sent++;
            next_start = t + p->interval;
        }
        int still;
        curl_multi_perform(m, &still);
        CURLMsg *msg;
        int left;
        while (!stop && (msg = curl_multi_info_read(m, &left))) {
            if (msg->msg != CURLMSG_DONE) continue;
            xfer *x;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&x);
            CURLcode res = msg->data.result;
            curl_multi_remove_handle(m, x->e);
            running--;
            lit_http_answer a;
            double wait = 0;
            if (classify(h, x, res, &a, &wait) == RETRY) {
                x->not_before = now() + wait;
                waiting[n_waiting++] = (size_t)(x - xs);
                /* the service is in trouble or asks everyone to slow down: the retry goes first */
                if (next_start < x->not_before) next_start = x->not_before;
                if (h->s.notes)
                    lit_note_at(h->s.notes, urls[x->i], 0, 0, "%s: asking again in %.2f s%s", x->fault, wait,
                                x->retry_after >= 0 ? " (as Retry-After asks)" : "");
                continue;
            }
            a.url = urls[x->i];
            stop = !fn(ctx, x->i, &a);
            lit_buf_free(&x->body);
            curl_easy_cleanup(x->e);
            x->e = NULL;
        }
        if (stop || !(next < n || n_waiting || running)) break;
        /* sleep until curl has something, a request may start, or a retry is due */
        double until = 1.0;
        t = now();
        if ((int)running < in_flight && (next < n || n_waiting)) {
            double due = next_start;
            if (next >= n) {
                due = 1e300;
                for (size_t k = 0; k < n_waiting; k++)
                    if (xs[waiting[k]].not_before < due) due = xs[waiting[k]].not_before;
                if (due < next_start) due = next_start;
            }
            if (due - t < until) until = due - t;
        }
        if (until < 0) until = 0;
        if (running || until > 0) curl_multi_poll(m, NULL, 0, (int)(until * 1000) + 1, NULL);
    }
    for (size_t i = 0; i < n; i++) {   /* dropped after a stop */
        if (xs[i].e) {
            curl_multi_remove_handle(m, xs[i].e);
            curl_easy_cleanup(xs[i].e);
        }
        lit_buf_free(&xs[i].body);
    }
    free(waiting);
    free(xs);
    curl_multi_cleanup(m);
    return sent;
}
