/* cmd_build.c - `litsurvey build SPEC`: everything a report spec names, into its folder. */
#include <unistd.h>
#include "cli.h"
#include "report.h"

static const char usage_text[] =
    "usage: litsurvey build [-q] [--strict] reports/NAME.yaml\n\n"
    "Builds everything the report spec names into the folder NAME beside it: the charts\n"
    "(and the numbers behind each as CSV), the spreadsheet, the LaTeX tables and a document\n"
    "that inputs them all, the .bib and the PDF report. Paths in the spec are relative to\n"
    "the spec's folder. The new folder replaces the old one only when every output is\n"
    "complete: a failed build leaves the earlier output as it was. A build replaces only\n"
    "what an earlier one wrote (NAME/.litsurvey-outputs lists it) and keeps your files.\n\n"
    "  -q, --quiet   no progress and no warnings\n"
    "      --strict  fail when `litsurvey check` finds a problem in the catalog (unknown\n"
    "                or alias venues and topics); they are listed at their lines\n"
    LIT_MAX_INPUT_HELP
    "  -h, --help    this help\n";

int lit_cmd_build(int argc, char **argv, lit_diag *d)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, 0, 'q'}, {"strict", no_argument, 0, 'S'}, {"help", no_argument, 0, 'h'},
        LIT_MAX_INPUT_LONGOPT, {0, 0, 0, 0}};
    int opt;
    bool strict = false;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        if (opt == 'q') d->quiet = true;
        else if (opt == 'S') strict = true;
        else if (opt == 'h') { fputs(usage_text, stdout); return 0; }
        else if (opt == LIT_OPT_MAX_INPUT) { if (lit_cli_max_input("build", optarg)) return LIT_EXIT_USAGE; }
        else return lit_usage_error("build", "unknown option");
    }
    if (optind != argc - 1) return lit_usage_error("build", "expects one report spec");
    lit_report r;
    int rc = lit_report_load(&r, argv[optind], d);
    r.strict = strict;
    if (rc == 0) rc = lit_report_build(&r, !d->quiet && isatty(2), d);
    else rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    lit_report_free(&r);
    return rc;
}
