/* cmd_latex.c - `litsurvey latex TABLE`: booktabs tables for a related-work section. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cite_keys.h"
#include "cli.h"
#include "latex_text.h"
#include "out_latex.h"

static const char usage_text[] =
    "usage: litsurvey latex TABLE [-o FILE.tex] [--bib MINE.bib]... [--standalone] [options]\n"
    "\n"
    "Writes a LaTeX table (booktabs) of the catalog. TABLE is one of:\n"
    "  topics       one row per topic: its systems as Name~\\cite{key}, by year, and a count\n"
    "  venue-year   papers per venue and year, with totals\n"
    "  taxonomy     systems x topics with check marks, columns grouped by parent topic\n"
    "  catalog      every paper (system, title, venue, year) as a longtable across pages\n"
    "Each is a float while it fits a page, a longtable across pages beyond.\n"    "The taxonomy's columns are --facets when given; when each paper has one topic (one\n"
    "check per row would say nothing) it counts the topics' papers by venue kind instead.\n"
    "\n"
    "Without --standalone the output is a fragment to \\input; its first lines name the\n"
    "packages the preamble needs. Citations use the catalog keys, the keys `litsurvey bib`\n"
    "writes; with --bib, the keys of your own .bib files where they hold the paper (same\n"
    "DOI, arXiv id, or title and year), so that \\bibliography{mine,extra} compiles with\n"
    "`litsurvey bib --missing-from mine.bib -o extra.bib` for the rest. A catalog key that\n"
    "is another paper's key in your files is renamed (key -> keya) here and there alike.\n"
    "A row names a paper by its system name or a short title, else by its citation alone.\n"
    "Every title and name is escaped: specials, accents and symbols come out as\n"
    "LaTeX macros; characters pdflatex cannot typeset become '?' with a warning.\n"
    "\n"
    "  -o, --output FILE    write to FILE (default: standard output)\n"
    "      --standalone     a complete article that compiles with pdflatex alone; the\n"
    "                       citations print their keys unless --bib is given\n"
    "      --bib FILE.bib   cite a paper FILE.bib holds by its key there (repeat for more\n"
    "                       files); one warning counts the papers it lacks. Standalone:\n"
    "                       \\bibliography names the files (from the output's folder)\n"
    "                       and OUTPUT-extra.bib, which the document writes itself\n"
    "                       (filecontents*) with the papers they lack; run bibtex\n"
    "      --caption TEXT   the caption (plain text, escaped)\n"
    "      --label NAME     the \\label (default tab:TABLE)\n"
    "      --group-by HOW   topics: parent (default) or none; venue-year: area or none\n"
    "                       (default); taxonomy: parent (default), topic or none;\n"
    "                       catalog: year (default past 40 papers), parent, topic or none\n"
    "      --max-cites N    topics: cite at most N systems per topic, then \"and K more\"\n"
    "                       (default 20; 0 = all)\n"
    "      --wide           table* instead of table: across both columns of a\n"
    "                       two-column paper (topics, venue-year, short taxonomies)\n"
    "      --cite-command C the citation command (default cite): citep for natbib,\n"
    "                       parencite or autocite for biblatex\n"
    "      --top N          keep the N topics (topics: rows; taxonomy: columns) or venues\n"
    "                       (venue-year: rows, the rest summed in one row) with the most\n"
    "                       papers; a note under the table says what was left out.\n"
    "                       Without it the topics table keeps every topic (more than 40\n"
    "                       without a parent: by name under initial letters), venue-year\n"
    "                       the venues that fit a page, the taxonomy the columns that fit\n"
    "                       across the text (its root topics when they fit, else the\n"
    "                       largest topics)\n"
    "      --facets F,G     taxonomy: the values of the papers' own fields F and G as the\n"
    "                       columns (a list field, or a true/false one), instead of the\n"
    "                       topics. Without it, when every paper is under one topic (a\n"
    "                       matrix of one check per row), the taxonomy counts each topic's\n"
    "                       papers by venue kind, else by year band\n"
    "      --links          catalog: titles link to the paper, its DOI or arXiv page\n"
    "                       (\\href: the preamble needs hyperref)\n"
    LIT_COMMON_HELP;

int lit_cmd_latex(int argc, char **argv, lit_diag *d)
{
    enum { OPT_STANDALONE = LIT_OPT_FIRST_CMD, OPT_CAPTION, OPT_LABEL, OPT_GROUP, OPT_MAX, OPT_BIB, OPT_LINKS, OPT_WIDE, OPT_CITE, OPT_TOP, OPT_FACETS };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"standalone", no_argument, 0, OPT_STANDALONE},
        {"caption", required_argument, 0, OPT_CAPTION}, {"label", required_argument, 0, OPT_LABEL},
        {"group-by", required_argument, 0, OPT_GROUP}, {"max-cites", required_argument, 0, OPT_MAX},
        {"bib", required_argument, 0, OPT_BIB}, {"links", no_argument, 0, OPT_LINKS},
        {"wide", no_argument, 0, OPT_WIDE}, {"cite-command", required_argument, 0, OPT_CITE},
        {"top", required_argument, 0, OPT_TOP}, {"facets", required_argument, 0, OPT_FACETS},
        LIT_COMMON_LONGOPTS, {0, 0, 0, 0}};
    lit_cli cli;
    lit_cli_init(&cli);
    lit_latex_opts o;
    lit_latex_opts_init(&o);
    const char *out = "-", *group_name = "";
    const char **bibs = lit_xcalloc((size_t)argc + 1, sizeof *bibs);
    size_t n_bibs = 0, n_facets = 0;
    lit_buf facet_text = LIT_BUF_INIT;   /* the --facets values, comma-separated */
    const char **facets = NULL;
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "o:" LIT_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        int handled = lit_cli_option(&cli, opt, optarg, d);
        if (handled < 0) { rc = LIT_EXIT_USAGE; goto out; }
        if (handled) continue;
        switch (opt) {
        case 'o': out = optarg; break;
        case OPT_STANDALONE: o.standalone = true; break;
        case OPT_CAPTION:
            if ((rc = lit_cli_text("latex", "--caption", optarg))) goto out;
            o.caption = optarg;
            break;
        case OPT_LABEL:
            if (!lit_tex_key_ok(optarg)) {
                rc = lit_usage_error("latex", "invalid --label '%s' (no space , { } \" ' %% # ~ \\ or ^^)", optarg);
                goto out;
            }
            o.label = optarg;
            break;
        case OPT_GROUP: {
            int g = lit_latex_group_parse(optarg);
            if (g < 0) { rc = lit_usage_error("latex", "unknown --group-by '%s' (parent, topic, area, year, none)", optarg); goto out; }
            o.group = (lit_latex_group)g;
            group_name = optarg;
            break;
        }
        case OPT_MAX:
        case OPT_TOP: {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || n < (opt == OPT_TOP)) {
                rc = opt == OPT_TOP ? lit_usage_error("latex", "--top needs a number from 1, not '%s'", optarg)
                                    : lit_usage_error("latex", "--max-cites needs a number (0 = all), not '%s'", optarg);
                goto out;
            }
            if (opt == OPT_TOP) o.top = (size_t)n;
            else o.max_cites = (size_t)n;
            break;
        }
        case OPT_BIB: bibs[n_bibs++] = optarg; break;
        case OPT_FACETS:
            if (!*optarg || strspn(optarg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-,") != strlen(optarg)) {
                rc = lit_usage_error("latex", "--facets '%s': field names (letters, digits, - and _), comma-separated", optarg);
                goto out;
            }
            lit_buf_printf(&facet_text, "%s%s", facet_text.len ? "," : "", optarg);
            break;
        case OPT_LINKS: o.links = true; break;
        case OPT_WIDE: o.wide = true; break;
        case OPT_CITE:
            if (!lit_latex_cite_ok(optarg)) {
                rc = lit_usage_error("latex", "--cite-command '%s': a command name, letters only (citep)", optarg);
                goto out;
            }
            o.cite_cmd = optarg;
            break;
        case 'h': fputs(usage_text, stdout); goto out;
        default: rc = lit_usage_error("latex", "unknown option"); goto out;
        }
    }
    if (optind >= argc) { rc = lit_usage_error("latex", "which table? (topics, venue-year, taxonomy, catalog)"); goto out; }
    const char *table = argv[optind++];
    if (!lit_latex_table_ok(table)) {
        rc = lit_usage_error("latex", "unknown table '%s' (topics, venue-year, taxonomy, catalog)", table);
        goto out;
    }
    if (optind < argc) { rc = lit_usage_error("latex", "unexpected argument '%s'", argv[optind]); goto out; }
    if (facet_text.len && strcmp(table, "taxonomy") != 0) {
        rc = lit_usage_error("latex", "--facets goes with the taxonomy table");
        goto out;
    }
    if (facet_text.len) {   /* split in place: the buffer outlives the table */
        facets = lit_xcalloc(facet_text.len + 1, sizeof *facets);
        for (char *q = facet_text.data, *e; q; q = e ? e + 1 : NULL) {
            if ((e = strchr(q, ','))) *e = 0;
            if (*q) facets[n_facets++] = q;
        }
        o.facets = facets;
        o.n_facets = n_facets;
    }
    if (!lit_latex_group_ok(table, o.group)) {
        rc = lit_usage_error("latex", "table '%s' cannot be grouped by '%s'", table,
                             group_name);
        goto out;
    }
    if (o.links && strcmp(table, "catalog") != 0) {
        rc = lit_usage_error("latex", "--links goes with the catalog table");
        goto out;
    }
    if (o.wide && strcmp(table, "catalog") == 0) {
        rc = lit_usage_error("latex", "--wide: the catalog is a longtable, which breaks across pages "
                                      "only in one-column text (use \\onecolumn around it)");
        goto out;
    }

    lit_db db;
    lit_stats s;
    if ((rc = lit_cli_load(&cli, &db, &s, d)) != 0) {
        lit_db_free(&db);
        goto out;
    }
    rc = lit_check_outputs("latex", &out, 1);
    lit_citemap *cites = NULL;
    lit_buf names = LIT_BUF_INIT, extra = LIT_BUF_INIT;
    const char **bib_names = NULL;
    if (rc == 0 && n_bibs) {
        if (!(cites = lit_citemap_new(&db, s.sel, s.n_papers, bibs, n_bibs, d))) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
        else {
            lit_buf hint = LIT_BUF_INIT;
            lit_buf_adds(&hint, "`litsurvey bib");
            lit_citemap_options(cites, &hint);
            lit_buf_adds(&hint, o.standalone ? " -o extra.bib` writes them (the document writes its own)"
                                             : " -o extra.bib` writes them");
            lit_citemap_warn(cites, lit_buf_str(&hint), d);
            lit_buf_free(&hint);
            o.cites = cites;
        }
    }
    if (rc == 0 && n_bibs && o.standalone) {
        /* \bibliography names the files from the document's folder; the extra .bib beside it */
        const char *slash = strcmp(out, "-") ? strrchr(out, '/') : NULL;
        char *dir = slash ? lit_xstrdup(out) : NULL;
        if (dir) dir[slash - out] = 0;
        size_t *at = lit_xmalloc(n_bibs * sizeof *at);
        for (size_t i = 0; i < n_bibs; i++) {
            at[i] = names.len;
            lit_path_from(dir ? dir : ".", bibs[i], false, &names);
            lit_buf_addc(&names, 0);
        }
        bib_names = lit_xmalloc(n_bibs * sizeof *bib_names);
        for (size_t i = 0; i < n_bibs; i++) bib_names[i] = names.data + at[i];
        free(at);
        const char *base = strcmp(out, "-") ? (slash ? slash + 1 : out) : "litsurvey";
        size_t bn = strlen(base);
        if (bn > 4 && strcmp(base + bn - 4, ".tex") == 0) bn -= 4;
        lit_buf_printf(&extra, "%.*s-extra", (int)bn, base);
        free(dir);
        o.bibs = bib_names;
        o.n_bibs = n_bibs;
        o.extra_bib = lit_buf_str(&extra);
    }
    if (rc == 0 && lit_latex_write(table, &s, &o, out, d) != 0)
        rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_USAGE;
    lit_citemap_free(cites);
    free(bib_names);
    lit_buf_free(&names);
    lit_buf_free(&extra);
    lit_stats_free(&s);
    lit_db_free(&db);
out:
    free(facets);
    free(bibs);
    lit_buf_free(&facet_text);
    lit_cli_free(&cli);
    return rc;
}
