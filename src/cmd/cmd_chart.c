/* cmd_chart.c - `litsurvey chart KIND -o FILE`: one chart from the catalog's statistics. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "cli.h"
#include "surface.h"

enum { OPT_STYLE = LIT_OPT_FIRST_CMD, OPT_DATA, OPT_TOP, OPT_STACKED, OPT_CUMULATIVE, OPT_TITLE, OPT_FORMAT };

static const char usage[] =
    "usage: litsurvey chart KIND -o FILE.pdf|svg|png [--format pdf|svg|png] [--stacked area|bars] [options]\n"
    "\n"
    "Draws one chart of the catalog. KIND is one of:\n"
    "  venues         papers per venue (horizontal bars, top N and other)\n"
    "  years          papers per year (bars; --cumulative adds the running total)\n"
    "  topic-trend    topics over the years (stacked areas; --stacked bars)\n"
    "  topic-heatmap  papers per topic and year\n"
    "  venue-heatmap  papers per venue and year\n"
    "  timeline       systems by topic and year, labelled with their short names\n"
    "\n"
    "  -o, --output FILE    the chart; the format comes from the extension\n"
    "      --format FMT     pdf, svg or png whatever the name (for -o -, /dev/stdout, a pipe)\n"
    "  -s, --style NAME     talk (default), paper, paper-wide, poster, dark, or a .yaml file\n"
    "      --data FILE.csv  also write the numbers behind the chart\n"
    "      --top N          venues and topics named before \"other\", a tie whole (timeline: labels)\n"
    "      --stacked MODE   topic-trend: area (default) or bars\n"
    "      --cumulative     years: add the running total\n"
    "      --title TEXT     replace the title (\"\" for none)\n"
    LIT_COMMON_HELP;

int lit_cmd_chart(int argc, char **argv, lit_diag *d)
{
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"style", required_argument, 0, 's'},
        {"data", required_argument, 0, OPT_DATA}, {"top", required_argument, 0, OPT_TOP},
        {"stacked", required_argument, 0, OPT_STACKED},
        {"cumulative", no_argument, 0, OPT_CUMULATIVE}, {"title", required_argument, 0, OPT_TITLE},
        {"format", required_argument, 0, OPT_FORMAT},
        LIT_COMMON_LONGOPTS, {0, 0, 0, 0}};
    lit_cli cli;
    lit_cli_init(&cli);
    lit_chart_opts o = {0};
    const char *out = NULL, *style = "talk", *data = NULL;
    int rc = LIT_EXIT_OK, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:s:" LIT_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        int c = lit_cli_option(&cli, opt, optarg, d);
        if (c < 0) { rc = LIT_EXIT_USAGE; goto done; }
        if (c > 0) continue;
        switch (opt) {
        case 'h': fputs(usage, stdout); goto done;
        case 'o': out = optarg; break;
        case 's': style = optarg; break;
        case OPT_DATA: data = optarg; break;
        case OPT_TOP: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 1 || v > 100000) {
                rc = lit_usage_error("chart", "--top wants a number from 1 to 100000, not '%s'", optarg);
                goto done;
            }
            o.top = (size_t)v;
            break;
        }
        case OPT_STACKED:
            if (strcmp(optarg, "area") == 0) o.stacked = LIT_STACK_AREA;
            else if (strcmp(optarg, "bars") == 0) o.stacked = LIT_STACK_BARS;
            else { rc = lit_usage_error("chart", "--stacked is area or bars, not '%s'", optarg); goto done; }
            break;
        case OPT_CUMULATIVE: o.cumulative = true; break;
        case OPT_TITLE:
            if ((rc = lit_cli_text("chart", "--title", optarg))) goto done;
            o.title = optarg;
            break;
        case OPT_FORMAT:
            if ((o.format = lit_format_named(optarg)) < 0) {
                rc = lit_usage_error("chart", "--format is pdf, svg or png, not '%s'", optarg);
                goto done;
            }
            break;
        default: rc = LIT_EXIT_USAGE; goto done;
        }
    }
    if (optind >= argc) { rc = lit_usage_error("chart", "which chart? (venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline)"); goto done; }
    const char *kind = argv[optind];
    if (optind + 1 < argc) { rc = lit_usage_error("chart", "one chart at a time ('%s' is extra)", argv[optind + 1]); goto done; }
    if (lit_chart_kind_find(kind) < 0) {
        rc = lit_usage_error("chart", "unknown chart '%s' (venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline)", kind);
        goto done;
    }
    if (!out) { rc = lit_usage_error("chart", "missing -o FILE.pdf|svg|png"); goto done; }
    if (!o.format && lit_format_of(out) < 0) {
        rc = lit_usage_error("chart", "cannot tell the format of '%s' (name it .pdf, .svg or .png, or give --format)", out);
        goto done;
    }
    if (strcmp(out, "-") == 0 && o.format != LIT_FMT_SVG && isatty(STDOUT_FILENO)) {
        rc = lit_usage_error("chart", "refusing to write a %s to a terminal (redirect stdout or use -o FILE)",
                             o.format == LIT_FMT_PNG ? "PNG" : "PDF");
        goto done;
    }
    d->quiet = cli.quiet;
    lit_style st;
    int src = lit_style_load(&st, style, cli.catalog, d);
    if (src < 0) { rc = src == -2 ? LIT_EXIT_USAGE : (d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA); goto done; }
    lit_db db;
    lit_stats s;
    rc = lit_cli_load(&cli, &db, &s, d);
    if (rc == 0 && (rc = lit_check_outputs("chart", (const char *[]){out, data}, 2)) != 0) lit_stats_free(&s);
    if (rc == 0) {
        if (o.top) lit_stats_choose(&s, o.top, o.top);   /* the venues and topics it names */
        if (lit_chart_render(kind, &s, &st, &o, out, d) < 0 ||
            (data && lit_chart_write_data(kind, &s, &st, &o, data, d) < 0))
            rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
        lit_stats_free(&s);
    }
    lit_db_free(&db);   /* also after a failed load: it may hold part of the catalog */
    lit_style_free(&st);
done:
    lit_cli_free(&cli);
    return rc;
}
