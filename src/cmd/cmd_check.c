/* cmd_check.c - `litsurvey check`: problems in a catalog, each at its place. */
#include <string.h>
#include "catalog_check.h"
#include "cli.h"
#include "dedupe.h"

static const char usage_text[] =
    "usage: litsurvey check [--duplicates] [options]\n\n"
    "Loads the catalog and its venue and topic tables and reports, each at its line:\n"
    "  errors   (exit 1): venues and topics that the tables do not know, venues and\n"
    "           topics written as an alias instead of their id;\n"
    "  notes    (exit 0): papers without a year, a venue or a topic.\n"
    "The closing paragraph also counts papers without authors and without a bibliographic\n"
    "record (neither imported from a .bib nor resolved: see litsurvey resolve).\n"
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
    lit_check k;
    lit_check_run(&k, &db, d, true);
    size_t problems = k.errors, notes = k.no_year + k.no_venue + k.no_topic;
    if (duplicates) {
        lit_dedupe dd = {0};
        lit_dedupe_find(c, &db.venues, &dd);
        lit_dedupe_print(&dd, true, stderr);
        problems += dd.n_merged;
        lit_dedupe_free(&dd);
    }
    if (!d->quiet || problems) {
        lit_buf b = LIT_BUF_INIT;
        lit_check_paragraph(&k, &b);
        lit_diag_print(stderr, "%s: %zu papers, %zu problems, %zu notes\n%s\n", file, c->n_papers, problems, notes,
                lit_buf_str(&b));
        lit_buf_free(&b);
    }
    lit_check_free(&k);
    rc = problems ? LIT_EXIT_DATA : 0;
    lit_db_free(&db);
out:
    lit_cli_free(&cli);
    return rc;
}
