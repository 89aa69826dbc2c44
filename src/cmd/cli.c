/* cli.c - options shared by every command: catalog and tables, filters, quiet. */
#include "cli.h"
#include "buf.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "input.h"
#include "outfile.h"
#include "text.h"

/* Where a command looks for its catalog when not given one: the current folder, then
 * its data/ folder (a clone of litsurvey). */
static const char *const default_catalogs[] = {"catalog.yaml", "data/catalog.yaml"};

const char *lit_default_catalog(void)
{
    for (size_t i = 0; i < sizeof default_catalogs / sizeof *default_catalogs; i++)
        if (access(default_catalogs[i], F_OK) == 0) return default_catalogs[i];
    return NULL;
}

int lit_no_catalog(lit_diag *d)
{
    char *cwd = getcwd(NULL, 0);
    lit_io_error(d, NULL, "no catalog here: neither '%s' nor '%s' is in '%s' (name one with -c CATALOG, or make "
                 "one with 'litsurvey import LIST.md -o catalog.yaml')", default_catalogs[0], default_catalogs[1],
                 cwd ? cwd : ".");
    free(cwd);
    return LIT_EXIT_IO;
}

void lit_cli_init(lit_cli *c)
{
    memset(c, 0, sizeof *c);
}

void lit_cli_free(lit_cli *c)
{
    free(c->venue_arg);
    free(c->topic_arg);
    free((void *)c->filter.venues);
    free((void *)c->filter.topics);
}

const char **lit_split_commas(char *s, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++) cap += *p == ',';
    const char **v = lit_xcalloc(cap + 1, sizeof *v);
    *n = 0;
    for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ","))
        if (*tok) v[(*n)++] = tok;
    return v;
}

int lit_usage_error(const char *cmd, const char *fmt, ...)
{
    lit_buf msg = LIT_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    lit_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    /* one line: what the user typed is shown escaped, as in every message */
    for (char *c = msg.data; c && *c; c++) if (*c == '\n') *c = ' ';
    lit_diag_print(stderr, "litsurvey %s: %s\nTry 'litsurvey %s --help'.\n", cmd, lit_buf_str(&msg), cmd);
    lit_buf_free(&msg);
    return LIT_EXIT_USAGE;
}

/* What is wrong with a text option's value, into msg; false when nothing is. */
static bool bad_text(const char *opt, const char *arg, char msg[128])
{
    lit_text_fault f;
    if (!lit_text_check(arg, strlen(arg), &f)) return false;
    char what[48];
    snprintf(msg, 128, "%s: %s at byte %zu (text may not hold it)", opt, lit_text_fault_str(&f, what), f.off + 1);
    return true;
}

int lit_cli_text(const char *cmd, const char *opt, const char *arg)
{
    char msg[128];
    return bad_text(opt, arg, msg) ? lit_usage_error(cmd, "%s", msg) : 0;
}

#define MAX_INPUT_WANTS "--max-input wants a size such as 64M or 2G, not '%s'"

int lit_cli_max_input(const char *cmd, const char *arg)
{
    size_t v;
    if (lit_input_parse_size(arg, &v) != 0) return lit_usage_error(cmd, MAX_INPUT_WANTS, arg);
    lit_input_set_limit(v);
    return 0;
}

int lit_check_outputs(const char *cmd, const char *const *outs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!outs[i]) continue;
        const char *in = lit_input_named(outs[i]);
        if (in) return lit_usage_error(cmd, "the output '%s' is the input '%s': refusing to write over it", outs[i], in);
        for (size_t j = 0; j < i; j++)
            if (outs[j] && lit_same_target(outs[i], outs[j]))
                return lit_usage_error(cmd, "'%s' and '%s' are one file: two outputs cannot share it", outs[j], outs[i]);
    }
    return 0;
}

int lit_cli_option(lit_cli *c, int opt, const char *arg, lit_diag *d)
{
    char msg[128];
    size_t limit;
    if (opt == LIT_OPT_MAX_INPUT) {
        if (lit_input_parse_size(arg, &limit) == 0) {
            lit_input_set_limit(limit);
            return 1;
        }
        lit_diag_print(stderr, "litsurvey: " MAX_INPUT_WANTS "\n", arg);
        return -1;
    }
    if ((opt == LIT_OPT_VENUE || opt == LIT_OPT_TOPIC) && bad_text(opt == LIT_OPT_VENUE ? "--venue" : "--topic", arg, msg)) {
        lit_diag_print(stderr, "litsurvey: %s\n", msg);
        return -1;
    }
    switch (opt) {
    case 'c': c->catalog = arg; return 1;
    case 'q': c->quiet = d->quiet = true; return 1;
    case LIT_OPT_VENUES: c->venues_file = arg; return 1;
    case LIT_OPT_TOPICS: c->topics_file = arg; return 1;
    case LIT_OPT_YEARS:
        if (lit_filter_parse_years(&c->filter, arg) != 0) {
            lit_diag_print(stderr, "litsurvey: invalid --years '%s' (expected 2016-2023, 2019, 2016- or -2020)\n", arg);
            return -1;
        }
        return 1;
    case LIT_OPT_VENUE:
        free(c->venue_arg);
        free((void *)c->filter.venues);
        c->venue_arg = lit_xstrdup(arg);
        c->filter.venues = lit_split_commas(c->venue_arg, &c->filter.n_venues);
        return 1;
    case LIT_OPT_TOPIC:
        free(c->topic_arg);
        free((void *)c->filter.topics);
        c->topic_arg = lit_xstrdup(arg);
        c->filter.topics = lit_split_commas(c->topic_arg, &c->filter.n_topics);
        return 1;
    }
    return 0;
}

/* One warning for the topics of the catalog that neither topics.yaml nor the catalog's
 * own topics list knows: every output names them by their id, having no label. */
static void warn_unknown_topics(const lit_db *db, lit_diag *d)
{
    const lit_catalog *c = &db->cat;
    size_t *n = lit_xcalloc(c->topics.n + 1, sizeof *n), unknown = 0;
    for (size_t i = 0; i < c->n_papers; i++)
        for (uint32_t k = 0; k < c->papers[i].n_topics; k++) {
            int32_t t = c->papers[i].topics[k];
            if (t >= 0 && lit_topics_find(&db->topics, c->topics.names[t]) < 0) n[t]++;
        }
    lit_buf b = LIT_BUF_INIT;
    for (size_t t = 0; t < c->topics.n; t++) unknown += n[t] > 0;
    for (size_t k = 0; k < 5 && k < unknown; k++) {   /* the ones with the most papers */
        size_t best = 0;
        for (size_t t = 1; t < c->topics.n; t++)
            if (n[t] > n[best]) best = t;
        lit_buf_printf(&b, "%s'%s' (%zu paper%s)", b.len ? ", " : "", c->topics.names[best], n[best],
                       n[best] == 1 ? "" : "s");
        n[best] = 0;
    }
    if (unknown > 5) lit_buf_printf(&b, " and %zu more", unknown - 5);
    if (unknown)
        lit_warn(d, c->path, 0, 0, "%zu topic%s that %s does not know: %s; they are named by their id (add them to "
                 "it; litsurvey check lists the papers)", unknown, unknown == 1 ? "" : "s", db->topics.path,
                 lit_buf_str(&b));
    lit_buf_free(&b);
    free(n);
}

int lit_cli_load(lit_cli *c, lit_db *db, lit_stats *s, lit_diag *d)
{
    if (!c->catalog && !(c->catalog = lit_default_catalog())) {
        memset(db, 0, sizeof *db);
        return lit_no_catalog(d);
    }
    if (lit_db_load(db, c->catalog, c->venues_file, c->topics_file, d) != 0)
        return d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (s) warn_unknown_topics(db, d);   /* check (no statistics) reports each paper */
    if (s && lit_stats_compute(s, db, &c->filter, d) != 0) return LIT_EXIT_USAGE;
    return 0;
}
