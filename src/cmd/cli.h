/* cli.h - options shared by every command (catalog, filters, quiet) and the command entry points. */
#ifndef LIT_CLI_H
#define LIT_CLI_H
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include "diag.h"
#include "stats.h"

/* The options every reading command accepts, in its getopt_long table:
 *   -c, --catalog FILE   (default data/catalog.yaml)
 *       --venues FILE, --topics FILE (default: beside the catalog)
 *       --years A-B, --venue A,B, --topic X,Y
 *   -q, --quiet          -h, --help */
typedef struct lit_cli {
    const char *catalog, *venues_file, *topics_file;
    lit_filter filter;
    bool quiet;
    char *venue_arg, *topic_arg;  /* owned copies the filter lists point into */
} lit_cli;

enum { LIT_OPT_VENUES = 0x100, LIT_OPT_TOPICS, LIT_OPT_YEARS, LIT_OPT_VENUE, LIT_OPT_TOPIC, LIT_OPT_MAX_INPUT,
       LIT_OPT_FIRST_CMD = 0x200 /* commands number their own long-only options from here */ };

#define LIT_COMMON_LONGOPTS \
    {"catalog", required_argument, 0, 'c'}, {"venues", required_argument, 0, LIT_OPT_VENUES}, \
    {"topics", required_argument, 0, LIT_OPT_TOPICS}, {"years", required_argument, 0, LIT_OPT_YEARS}, \
    {"venue", required_argument, 0, LIT_OPT_VENUE}, {"topic", required_argument, 0, LIT_OPT_TOPIC}, \
    {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, LIT_MAX_INPUT_LONGOPT
#define LIT_COMMON_SHORTOPTS "c:qh"
/* --max-input SIZE, which every command takes (input.h) */
#define LIT_MAX_INPUT_LONGOPT {"max-input", required_argument, 0, LIT_OPT_MAX_INPUT}
#define LIT_MAX_INPUT_HELP \
    "      --max-input SIZE refuse an input file larger than SIZE (default 1G; K, M, G)\n"
#define LIT_COMMON_HELP \
    "  -c, --catalog FILE   catalog to read (default data/catalog.yaml)\n" \
    "      --venues FILE    venue table (default: venues.yaml beside the catalog)\n" \
    "      --topics FILE    topic table (default: topics.yaml beside the catalog)\n" \
    "      --years A-B      only papers from these years (2016-2023, 2019, 2016-)\n" \
    "      --venue A,B      only papers from these venues (ids or aliases)\n" \
    "      --topic X,Y      only papers in these topics (and their subtopics)\n" \
    "  -q, --quiet          no warnings or progress\n" \
    LIT_MAX_INPUT_HELP \
    "  -h, --help           this help\n"

void lit_cli_init(lit_cli *c);
void lit_cli_free(lit_cli *c);
/* Handles one common option from getopt_long. Returns 1 if it was one, 0 if not
 * (the command handles it), -1 on a bad value (message printed: usage error). */
int lit_cli_option(lit_cli *c, int opt, const char *arg, lit_diag *d);
/* Loads the catalog and tables and computes the filtered statistics.
 * Returns 0, or an exit code (1 bad data, 3 I/O) after the messages. */
int lit_cli_load(lit_cli *c, lit_db *db, lit_stats *s, lit_diag *d);

/* Prints "litsurvey CMD: MSG" and a hint to --help; returns LIT_EXIT_USAGE. */
int lit_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* --max-input SIZE: sets the input limit, or a usage error (returned). */
int lit_cli_max_input(const char *cmd, const char *arg);
/* A text option (a title, a caption): a usage error (returned) when arg is not valid
 * text (see text.h: invalid UTF-8, control characters, noncharacters), else 0. */
int lit_cli_text(const char *cmd, const char *opt, const char *arg);
/* Refuses, before anything is written, an output of the command that is one of its
 * inputs (import x.md -o x.md: the same file, so ./x.md and links too) or another of
 * its outputs. outs holds n paths, NULL for an output not asked for. Returns 0 or
 * LIT_EXIT_USAGE after the message. */
int lit_check_outputs(const char *cmd, const char *const *outs, size_t n);
/* Splits "A,B,C" in place into a NULL-terminated malloc'd array; *n gets the count. */
const char **lit_split_commas(char *s, size_t *n);

/* Command entry points: argv[0] is the command name; return the exit code. */
int lit_cmd_import(int argc, char **argv, lit_diag *d);
int lit_cmd_resolve(int argc, char **argv, lit_diag *d);
int lit_cmd_check(int argc, char **argv, lit_diag *d);
int lit_cmd_stats(int argc, char **argv, lit_diag *d);
int lit_cmd_chart(int argc, char **argv, lit_diag *d);
int lit_cmd_xlsx(int argc, char **argv, lit_diag *d);
int lit_cmd_latex(int argc, char **argv, lit_diag *d);
int lit_cmd_bib(int argc, char **argv, lit_diag *d);
int lit_cmd_markdown(int argc, char **argv, lit_diag *d);
int lit_cmd_diff(int argc, char **argv, lit_diag *d);
int lit_cmd_build(int argc, char **argv, lit_diag *d);

#endif
