/* cmd_xlsx.c - `litsurvey xlsx`: the reading-group spreadsheet of the (filtered) catalog. */
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "out_xlsx.h"
#include "style.h"

static const char usage_text[] =
    "usage: litsurvey xlsx -o FILE.xlsx [--style NAME] [options]\n\n"
    "Writes a workbook a reading group can work in: a Papers sheet (titles linked to the\n"
    "papers, code/slides/talk links, status drop-down, presenter, date, notes, filters),\n"
    "one sheet per statistic (venues, years, topics, topic x year, venue x year) with\n"
    "native Excel charts in the style's colours, and a Summary sheet.\n"
    "status, presenter, date and notes fields of a catalog entry fill its columns.\n\n"
    "  -o, --output FILE    the workbook to write ('-' writes it to stdout)\n"
    "      --style NAME     colours of the charts: talk (default), paper, poster, dark,\n"
    "                       or a style .yaml file\n"
    "      --title TEXT     workbook title (default \"Literature survey\")\n"
    "      --constant-memory  write row by row in constant memory (automatic above\n"
    "                       20000 papers; charts then carry no cached values)\n"
    LIT_COMMON_HELP;

enum { OPT_STYLE = LIT_OPT_FIRST_CMD, OPT_TITLE, OPT_CONSTANT_MEMORY };

int lit_cmd_xlsx(int argc, char **argv, lit_diag *d)
{
    static const struct option longopts[] = {
        LIT_COMMON_LONGOPTS,
        {"output", required_argument, 0, 'o'},
        {"style", required_argument, 0, OPT_STYLE},
        {"title", required_argument, 0, OPT_TITLE},
        {"constant-memory", no_argument, 0, OPT_CONSTANT_MEMORY},
        {0, 0, 0, 0}};
    lit_cli cli;
    lit_cli_init(&cli);
    lit_xlsx_opts xo = LIT_XLSX_OPTS_INIT;
    const char *out = NULL, *style = "talk";
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, LIT_COMMON_SHORTOPTS "o:", longopts, NULL)) != -1) {
        int handled = lit_cli_option(&cli, opt, optarg, d);
        if (handled < 0) { rc = LIT_EXIT_USAGE; goto out; }
        if (handled) continue;
        switch (opt) {
        case 'h': fputs(usage_text, stdout); goto out;
        case 'o': out = optarg; break;
        case OPT_STYLE: style = optarg; break;
        case OPT_TITLE:
            if ((rc = lit_cli_text("xlsx", "--title", optarg))) goto out;
            xo.title = optarg;
            break;
        case OPT_CONSTANT_MEMORY: xo.constant_memory = 1; break;
        default: rc = lit_usage_error("xlsx", "unknown option"); goto out;
        }
    }
    if (optind < argc) { rc = lit_usage_error("xlsx", "unexpected argument '%s'", argv[optind]); goto out; }
    if (!out || !*out) { rc = lit_usage_error("xlsx", "missing -o FILE.xlsx"); goto out; }
    size_t n = strlen(out);
    struct stat sb;   /* a device or a pipe has no name for Excel to refuse */
    bool file = strcmp(out, "-") != 0 && (stat(out, &sb) != 0 || S_ISREG(sb.st_mode));
    if (file && (n < 5 || strcasecmp(out + n - 5, ".xlsx") != 0))
        lit_warn(d, NULL, 0, 0, "'%s' does not end in .xlsx: Excel refuses to open workbooks named otherwise", out);
    if (strcmp(out, "-") == 0 && isatty(STDOUT_FILENO)) {
        rc = lit_usage_error("xlsx", "refusing to write a workbook to a terminal (redirect stdout or use -o FILE)");
        goto out;
    }

    lit_db db;
    lit_stats s;
    memset(&s, 0, sizeof s);
    if ((rc = lit_cli_load(&cli, &db, &s, d)) == 0) {
        lit_style st;
        int src = lit_style_load(&st, style, cli.catalog, d);
        if (src == -2) {
            rc = LIT_EXIT_USAGE;
        } else if (src != 0) {
            rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
        } else {
            if ((rc = lit_check_outputs("xlsx", &out, 1)) == 0 && lit_xlsx_write_opts(&s, &st, out, &xo, d) != 0)
                rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
            lit_style_free(&st);
        }
    }
    lit_stats_free(&s);
    lit_db_free(&db);
out:
    lit_cli_free(&cli);
    return rc;
}
