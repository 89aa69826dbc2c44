/* cmd_diff.c - `litsurvey diff OLD NEW` and `litsurvey diff --since REV [CATALOG]`: what is
 * new for the reading group, between two catalogs or a catalog and its version in git. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"
#include "diff.h"
#include "outfile.h"

static const char usage_text[] =
    "usage: litsurvey diff OLD NEW [--format text|md|csv] [-o FILE]\n"
    "       litsurvey diff --since REV [CATALOG] [--format text|md|csv] [-o FILE]\n"
    "\n"
    "Lists the papers added to, removed from and changed in (key, title, system name,\n"
    "venue, year, topics, links) the catalog NEW since OLD. With --since, OLD is CATALOG\n"
    "(default catalog.yaml, else data/catalog.yaml) as it was at the git revision REV.\n"
    "Papers are paired by key, then by DOI, arXiv id or title.\n"
    "\n"
    "  -o, --output FILE    where to write (default: standard output)\n"
    "      --format F       text (default), md (Markdown for a README or an issue) or csv\n"
    "      --since REV      compare with the catalog at this git revision (HEAD~1, v1.0, ...)\n"
    "  -c, --catalog FILE   the catalog for --since (default catalog.yaml, else\n"
    "                       data/catalog.yaml)\n"
    "  -q, --quiet          no warnings\n"
    LIT_MAX_INPUT_HELP
    "  -h, --help           this help\n";

int lit_cmd_diff(int argc, char **argv, lit_diag *d)
{
    enum { OPT_FORMAT = LIT_OPT_FIRST_CMD, OPT_SINCE };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, OPT_FORMAT},
        {"since", required_argument, 0, OPT_SINCE}, {"catalog", required_argument, 0, 'c'},
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, LIT_MAX_INPUT_LONGOPT, {0, 0, 0, 0}};
    static const char *const formats[] = {"text", "md", "csv", NULL};
    const char *out = "-", *since = NULL, *catalog = NULL;
    enum lit_diff_format fmt = LIT_DIFF_TEXT;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "o:c:qh", longopts, NULL)) != -1) {
        int k = 0;
        switch (opt) {
        case 'o': out = optarg; break;
        case 'c': catalog = optarg; break;
        case 'q': d->quiet = true; break;
        case OPT_SINCE:
            if (lit_cli_text("diff", "--since", optarg)) return LIT_EXIT_USAGE;
            since = optarg;
            break;
        case OPT_FORMAT:
            while (formats[k] && strcmp(formats[k], optarg)) k++;
            if (!formats[k]) return lit_usage_error("diff", "unknown --format '%s' (text, md, csv)", optarg);
            fmt = (enum lit_diff_format)k;
            break;
        case LIT_OPT_MAX_INPUT:
            if (lit_cli_max_input("diff", optarg)) return LIT_EXIT_USAGE;
            break;
        case 'h': fputs(usage_text, stdout); return 0;
        default: return lit_usage_error("diff", "unknown option");
        }
    }
    int nargs = argc - optind;
    if (since) {
        if (nargs > 1 || (nargs == 1 && catalog)) return lit_usage_error("diff", "--since takes one catalog");
        if (since[0] == '-' || !since[0]) return lit_usage_error("diff", "invalid revision '%s'", since);
        if (nargs == 1) catalog = argv[optind];
        if (!catalog && !(catalog = lit_default_catalog())) return lit_no_catalog(d);
        if (access(catalog, R_OK) != 0) return lit_io_error(d, catalog, "cannot open: %s", strerror(errno)), LIT_EXIT_IO;
    } else if (nargs != 2 || catalog) {
        return lit_usage_error("diff", "give two catalogs, OLD and NEW, or --since REV");
    }
    const char *new_path = since ? catalog : argv[optind + 1];
    lit_catalog old, new_;
    lit_catalog_init(&old);
    lit_catalog_init(&new_);
    char *old_name = NULL;
    int rc = 0;
    if (since) {
        char *data = NULL;
        size_t len = 0;
        size_t nl = strlen(since) + strlen(catalog) + 2;
        old_name = lit_xmalloc(nl);
        snprintf(old_name, nl, "%s:%s", since, catalog);
        if (lit_git_show(since, catalog, &data, &len, d) != 0) rc = LIT_EXIT_IO;
        else if (lit_catalog_load_mem(&old, old_name, data, len, d) != 0) rc = LIT_EXIT_DATA;
        free(data);
    } else {
        old_name = lit_xstrdup(argv[optind]);
        if (lit_catalog_load(&old, old_name, d) != 0) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    }
    if (rc == 0 && lit_catalog_load(&new_, new_path, d) != 0) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (rc == 0) {
        lit_diff df;
        /* the text and Markdown name topics as the other outputs do; the CSV keeps the ids */
        lit_topics labels = {0};
        char *tp = fmt == LIT_DIFF_CSV ? NULL : lit_find_data(new_path, "data", "topics.yaml");
        FILE *null = fopen("/dev/null", "w");   /* a table that does not load: the ids, silently */
        lit_diag quiet;
        lit_diag_init(&quiet, null);
        quiet.quiet = true;
        bool have = tp && null && lit_topics_load(&labels, tp, &quiet) == 0 &&
                    lit_topics_add_defs(&labels, &new_, &quiet) == 0;
        if (null) fclose(null);
        lit_diff_compute(&df, &old, &new_, have ? &labels : NULL);
        lit_buf b = LIT_BUF_INIT;
        lit_diff_write(&b, &df, fmt, old_name, new_path);
        if ((rc = lit_check_outputs("diff", &out, 1)) == 0 && lit_write_file(out, lit_buf_str(&b), b.len, d) != 0)
            rc = LIT_EXIT_IO;
        lit_buf_free(&b);
        lit_diff_free(&df);
        lit_topics_free(&labels);
        free(tp);
    }
    free(old_name);
    lit_catalog_free(&old);
    lit_catalog_free(&new_);
    return rc;
}
