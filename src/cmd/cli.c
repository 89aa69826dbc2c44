/* cli.c - options shared by every command: catalog and tables, filters, quiet. */
#include "cli.h"
#include "buf.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void lit_cli_init(lit_cli *c)
{
    memset(c, 0, sizeof *c);
    c->catalog = "data/catalog.yaml";
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
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "litsurvey %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'litsurvey %s --help'.\n", cmd);
    va_end(ap);
    return LIT_EXIT_USAGE;
}

int lit_cli_option(lit_cli *c, int opt, const char *arg, lit_diag *d)
{
    switch (opt) {
    case 'c': c->catalog = arg; return 1;
    case 'q': c->quiet = d->quiet = true; return 1;
    case LIT_OPT_VENUES: c->venues_file = arg; return 1;
    case LIT_OPT_TOPICS: c->topics_file = arg; return 1;
    case LIT_OPT_YEARS:
        if (lit_filter_parse_years(&c->filter, arg) != 0) {
            fprintf(stderr, "litsurvey: invalid --years '%s' (expected 2016-2023, 2019, 2016- or -2020)\n", arg);
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
    if (lit_db_load(db, c->catalog, c->venues_file, c->topics_file, d) != 0)
        return d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (s) warn_unknown_topics(db, d);   /* check (no statistics) reports each paper */
    if (s && lit_stats_compute(s, db, &c->filter, d) != 0) return LIT_EXIT_USAGE;
    return 0;
}
