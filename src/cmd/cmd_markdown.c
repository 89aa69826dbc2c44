/* cmd_markdown.c - `litsurvey markdown`: the catalog as a README-ready list, or into the
 * marked region of an existing README. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "out_markdown.h"
#include "input.h"
#include "outfile.h"

static const char usage_text[] =
    "usage: litsurvey markdown [-o FILE.md | --in-place README.md] [options]\n"
    "\n"
    "Writes the selected papers as an awesome-list: a table of contents, a heading per\n"
    "group and one entry per paper, newest first:\n"
    "  - [OSDI'20] **Gavel**: Heterogeneity-Aware ... [[paper]](https://...) [[code]](...)\n"
    "Grouped by topic (the default), `litsurvey import` of the list gives the same papers\n"
    "back (titles, system names, authors, venues, years, topics and links).\n"
    "\n"
    "  -o, --output FILE    where to write (default: standard output)\n"
    "  -i, --in-place FILE  replace the lines between '" LIT_MD_BEGIN "' and\n"
    "                       '" LIT_MD_END "' in FILE; the rest stays byte for byte\n"
    "      --group-by HOW   topic (default; taxonomy order, nested by parent), venue,\n"
    "                       year or venue-year\n"
    "      --sort ORDER     newest (default), oldest or title\n"
    "      --table          a table per group instead of a list\n"
    "      --no-toc         no table of contents\n"
    "      --charts DIR     embed the chart PNGs found in DIR (as the README links them)\n"
    LIT_COMMON_HELP;

int lit_cmd_markdown(int argc, char **argv, lit_diag *d)
{
    enum { OPT_GROUP = LIT_OPT_FIRST_CMD, OPT_SORT, OPT_TABLE, OPT_NO_TOC, OPT_CHARTS };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"in-place", required_argument, 0, 'i'},
        {"group-by", required_argument, 0, OPT_GROUP}, {"sort", required_argument, 0, OPT_SORT},
        {"table", no_argument, 0, OPT_TABLE}, {"no-toc", no_argument, 0, OPT_NO_TOC},
        {"charts", required_argument, 0, OPT_CHARTS}, LIT_COMMON_LONGOPTS, {0, 0, 0, 0}};
    static const char *const groups[] = {"topic", "venue", "year", "venue-year", NULL};
    static const char *const sorts[] = {"newest", "oldest", "title", NULL};
    lit_md_opts mo;
    memset(&mo, 0, sizeof mo);
    lit_cli cli;
    lit_cli_init(&cli);
    const char *out = NULL, *inplace = NULL;
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "o:i:" LIT_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        int handled = lit_cli_option(&cli, opt, optarg, d);
        if (handled < 0) { rc = LIT_EXIT_USAGE; goto out; }
        if (handled) continue;
        int k = 0;
        switch (opt) {
        case 'o': out = optarg; break;
        case 'i': inplace = optarg; break;
        case OPT_GROUP:
            while (groups[k] && strcmp(groups[k], optarg)) k++;
            if (!groups[k]) { rc = lit_usage_error("markdown", "unknown --group-by '%s' (topic, venue, year, venue-year)", optarg); goto out; }
            mo.group = (lit_md_group)k;
            break;
        case OPT_SORT:
            while (sorts[k] && strcmp(sorts[k], optarg)) k++;
            if (!sorts[k]) { rc = lit_usage_error("markdown", "unknown --sort '%s' (newest, oldest, title)", optarg); goto out; }
            mo.sort = (lit_md_sort)k;
            break;
        case OPT_TABLE: mo.table = true; break;
        case OPT_NO_TOC: mo.no_toc = true; break;
        case OPT_CHARTS: mo.charts = optarg; break;
        case 'h': fputs(usage_text, stdout); goto out;
        default: rc = lit_usage_error("markdown", "unknown option"); goto out;
        }
    }
    if (optind < argc) { rc = lit_usage_error("markdown", "unexpected argument '%s'", argv[optind]); goto out; }
    if (out && inplace) { rc = lit_usage_error("markdown", "-o and --in-place exclude each other"); goto out; }

    char *readme = NULL;
    size_t len = 0;
    if (inplace && lit_read_file(inplace, &readme, &len, d) != 0) { rc = LIT_EXIT_IO; goto out; }
    if (inplace) lit_input_release(inplace);   /* rewriting it is the point */
    lit_db db;
    lit_stats s;
    if ((rc = lit_cli_load(&cli, &db, &s, d)) != 0) {
        lit_db_free(&db);
        free(readme);
        goto out;
    }
    lit_buf body = LIT_BUF_INIT, whole = LIT_BUF_INIT;
    lit_md_write(&body, &db, &s, &mo);
    if ((rc = lit_check_outputs("markdown", &out, 1)) != 0) {
        /* said; nothing written */
    } else if (inplace) {
        if (lit_md_splice(&whole, inplace, readme, len, lit_buf_str(&body), d) != 0) rc = LIT_EXIT_DATA;
        else if (lit_write_file(inplace, whole.data, whole.len, d) != 0) rc = LIT_EXIT_IO;
    } else if (lit_write_file(out ? out : "-", lit_buf_str(&body), body.len, d) != 0) {
        rc = LIT_EXIT_IO;
    }
    lit_buf_free(&body);
    lit_buf_free(&whole);
    free(readme);
    lit_stats_free(&s);
    lit_db_free(&db);
out:
    lit_cli_free(&cli);
    return rc;
}
