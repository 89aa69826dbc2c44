/* cli.c - options shared by every command: catalog and tables, filters, quiet. */
#include "cli.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "input.h"
#include "outfile.h"
#include "text.h"

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

int lit_cli_load(lit_cli *c, lit_db *db, lit_stats *s, lit_diag *d)
{
    if (lit_db_load(db, c->catalog, c->venues_file, c->topics_file, d) != 0)
        return d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (s && lit_stats_compute(s, db, &c->filter, d) != 0) return LIT_EXIT_USAGE;
    return 0;
}
