/* cmd_check.c - `litsurvey check`: problems in a catalog, each at its place. */
#include <string.h>
#include "cli.h"
#include "dedupe.h"

static const char usage_text[] =
    "usage: litsurvey check [--duplicates] [options]\n\n"
    "Loads the catalog and its venue and topic tables and reports, each at its line:\n"
    "  errors   (exit 1): venues and topics that the tables do not know, venues and\n"
    "           topics written as an alias instead of their id;\n"
    "  notes    (exit 0): papers without a year, a venue or a topic.\n"
    "Invalid YAML, wrong types and duplicate keys stop the load with an error.\n"
    "  -d, --duplicates  also list likely duplicate papers (same normalised title, arXiv\n"
    "                    id, DOI, or system name at the same venue and year) and the\n"
    "                    pairs that look alike but conflict; duplicates are errors\n\n"
    LIT_COMMON_HELP;

int lit_cmd_check(int argc, char **argv, lit_diag *d)
{
    static const struct option longopts[] = {
        {"duplicates", no_argument, 0, 'd'}, LIT_COMMON_LONGOPTS, {0, 0, 0, 0}};
    bool duplicates = false;
    lit_cli cli;
    lit_cli_init(&cli);
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "d" LIT_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        int handled = lit_cli_option(&cli, opt, optarg, d);
        if (handled < 0) { rc = LIT_EXIT_USAGE; goto out; }
        if (handled) continue;
        if (opt == 'd') { duplicates = true; continue; }
        if (opt == 'h') { fputs(usage_text, stdout); goto out; }
        rc = lit_usage_error("check", "unknown option");
        goto out;
    }
    if (optind < argc) { rc = lit_usage_error("check", "unexpected argument '%s'", argv[optind]); goto out; }
    lit_db db;
    if ((rc = lit_cli_load(&cli, &db, NULL, d)) != 0) {
        lit_db_free(&db);
        goto out;
    }
    const lit_catalog *c = &db.cat;
    const char *file = c->path;
    size_t problems = 0, notes = 0;
    for (size_t i = 0; i < c->n_papers; i++) {
        const lit_paper *p = &c->papers[i];
        const char *venue = lit_catalog_venue(c, p->venue);
        if (venue) {
            const lit_venue *v = lit_venues_find(&db.venues, venue);
            if (!v) {
                lit_error(d, file, p->line, p->col, "'%s': unknown venue '%s' (add it to %s)", p->key, venue, db.venues.path);
                problems++;
            } else if (strcmp(v->id, venue) != 0) {
                lit_error(d, file, p->line, p->col, "'%s': venue '%s' is an alias: write '%s'", p->key, venue, v->id);
                problems++;
            }
        } else {
            lit_note_at(d, file, p->line, p->col, "'%s' has no venue", p->key);
            notes++;
        }
        if (!p->year) {
            lit_note_at(d, file, p->line, p->col, "'%s' has no year", p->key);
            notes++;
        }
        if (!p->n_topics) {
            lit_note_at(d, file, p->line, p->col, "'%s' has no topic", p->key);
            notes++;
        }
        for (uint32_t k = 0; k < p->n_topics; k++) {
            const char *t = lit_catalog_topic(c, p->topics[k]);
            int ti = lit_topics_find(&db.topics, t);
            if (ti < 0) {
                lit_error(d, file, p->line, p->col, "'%s': unknown topic '%s' (add it to %s)", p->key, t, db.topics.path);
                problems++;
            } else if (strcmp(db.topics.t[ti].id, t) != 0) {
                lit_error(d, file, p->line, p->col, "'%s': topic '%s' is an alias: write '%s'", p->key, t, db.topics.t[ti].id);
                problems++;
            }
        }
    }
    if (duplicates) {
        lit_dedupe dd = {0};
        lit_dedupe_find(c, &db.venues, &dd);
        lit_dedupe_print(&dd, true, stderr);
        problems += dd.n_merged;
        lit_dedupe_free(&dd);
    }
    if (!d->quiet || problems)
        fprintf(stderr, "%s: %zu papers, %zu problems, %zu notes\n", file, c->n_papers, problems, notes);
    rc = problems ? LIT_EXIT_DATA : 0;
    lit_db_free(&db);
out:
    lit_cli_free(&cli);
    return rc;
}
