/* main.c - the command table: finds the command and hands it its arguments. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "outfile.h"
#include "version.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv, lit_diag *d);
    const char *summary;
} commands[] = {
    {"import", lit_cmd_import, "paper lists (.md/.txt) and BibTeX -> catalog"},
    {"resolve", lit_cmd_resolve, "authors, DOI, pages and venue from your bibliography and DBLP"},
    {"check", lit_cmd_check, "problems: unknown venues and topics, missing years, duplicates"},
    {"stats", lit_cmd_stats, "counts by venue, year, topic, topic-year, venue-year"},
    {"chart", lit_cmd_chart, "a chart as PDF, SVG or PNG"},
    {"xlsx", lit_cmd_xlsx, "a spreadsheet for a reading group"},
    {"latex", lit_cmd_latex, "LaTeX tables for a related-work section"},
    {"bib", lit_cmd_bib, "the catalog as BibTeX or CSL-JSON"},
    {"markdown", lit_cmd_markdown, "the catalog as a README-ready awesome-list"},
    {"diff", lit_cmd_diff, "papers added, removed and changed between two catalogs"},
    {"build", lit_cmd_build, "everything a report spec names, into its folder"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: litsurvey COMMAND [options]\n\n"
                 "litsurvey turns paper lists into charts, spreadsheets and LaTeX tables.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'litsurvey COMMAND --help' describes a command; --version prints the version.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return LIT_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("litsurvey %s\n", LIT_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) != 0) continue;
        lit_diag d;
        lit_diag_init(&d, stderr);
        lit_input_guard();   /* no output of a command replaces one of its inputs */
        int rc = commands[i].run(argc - 1, argv + 1, &d);
        lit_diag_flush(&d);
        return rc;
    }
    lit_diag_print(stderr, "litsurvey: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return LIT_EXIT_USAGE;
}
