/* cmd_bib.c - `litsurvey bib`: the selected papers as a BibTeX file or as CSL-JSON. */
#include <stdlib.h>
#include <string.h>
#include "cite_keys.h"
#include "cli.h"
#include "out_bib.h"
#include "out_csl.h"
#include "outfile.h"

static const char usage_text[] =
    "usage: litsurvey bib [-o FILE.bib] [--format bibtex|csl-json] [--missing-from MINE.bib]... [options]\n"
    "\n"
    "Writes one BibTeX entry per selected paper, keyed by the catalog keys (the keys the\n"
    "LaTeX tables cite): @inproceedings, @article or @misc (arXiv, with eprint) by venue.\n"
    "With --format csl-json, the same papers as CSL-JSON items (ids = the keys) for pandoc\n"
    "--citeproc, Zotero or Mendeley.\n"
    "\n"
    "  -o, --output FILE    where to write (default: standard output)\n"
    "      --format FORMAT  bibtex (default) or csl-json\n"
    "      --missing-from MINE.bib\n"
    "                       only the papers your own .bib files lack (repeat for more\n"
    "                       files; same DOI, arXiv id, or title and year is the same\n"
    "                       paper), under the keys `litsurvey latex --bib MINE.bib` cites:\n"
    "                       \\bibliography{mine,extra} then has every key once. A catalog\n"
    "                       key that is another paper's key in your files is renamed\n"
    "                       (key -> keya) here and in the tables alike\n"
    "      --biblatex       accepted for old scripts: the file suits bibtex and biber alike\n"
    "                       (an undated paper has no year field)\n"
    LIT_COMMON_HELP;

int lit_cmd_bib(int argc, char **argv, lit_diag *d)
{
    enum { OPT_BIBLATEX = LIT_OPT_FIRST_CMD, OPT_FORMAT, OPT_MISSING };
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"biblatex", no_argument, 0, OPT_BIBLATEX},
        {"format", required_argument, 0, OPT_FORMAT}, {"missing-from", required_argument, 0, OPT_MISSING},
        LIT_COMMON_LONGOPTS, {0, 0, 0, 0}};
    lit_cli cli;
    lit_cli_init(&cli);
    const char *out = "-";
    bool csl = false;
    const char **mine = lit_xcalloc((size_t)argc + 1, sizeof *mine);
    size_t n_mine = 0;
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "o:" LIT_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        int handled = lit_cli_option(&cli, opt, optarg, d);
        if (handled < 0) { rc = LIT_EXIT_USAGE; goto out; }
        if (handled) continue;
        switch (opt) {
        case 'o': out = optarg; break;
        case OPT_BIBLATEX: break;
        case OPT_FORMAT:
            if (strcmp(optarg, "csl-json") == 0) csl = true;
            else if (strcmp(optarg, "bibtex") != 0) { rc = lit_usage_error("bib", "unknown --format '%s' (bibtex, csl-json)", optarg); goto out; }
            break;
        case OPT_MISSING: mine[n_mine++] = optarg; break;
        case 'h': fputs(usage_text, stdout); goto out;
        default: rc = lit_usage_error("bib", "unknown option"); goto out;
        }
    }
    if (optind < argc) { rc = lit_usage_error("bib", "unexpected argument '%s'", argv[optind]); goto out; }
    if (csl && n_mine) { rc = lit_usage_error("bib", "--missing-from writes BibTeX, not --format csl-json"); goto out; }

    lit_db db;
    lit_stats s;
    if ((rc = lit_cli_load(&cli, &db, &s, d)) != 0) {
        lit_db_free(&db);
        goto out;
    }
    lit_outfile of;
    lit_citemap *cites = NULL;
    if ((rc = lit_check_outputs("bib", &out, 1)) != 0) goto loaded;
    if (n_mine) {
        if (!(cites = lit_citemap_new(&db, s.sel, s.n_papers, mine, n_mine, d))) {
            rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
            goto loaded;
        }
        lit_citemap_warn(cites, NULL, d);
        lit_buf files = LIT_BUF_INIT;
        lit_citemap_files(cites, &files);
        lit_note(d, "%zu of %zu papers are in %s (cited by their keys there); %zu written", lit_citemap_n_found(cites),
                 s.n_papers, lit_buf_str(&files), lit_citemap_n_missing(cites));
        lit_buf_free(&files);
    }
    if (lit_outfile_open(&of, out, d) != 0) rc = LIT_EXIT_IO;
    else if ((cites ? lit_citemap_write_missing(cites, of.fp, d)
              : csl ? lit_csl_write(of.fp, &db.cat, &db.venues, s.sel, s.n_papers, d)
                  : lit_bib_write(of.fp, &db.cat, &db.venues, s.sel, s.n_papers, d)) != 0) {
        lit_outfile_abort(&of);
        rc = LIT_EXIT_DATA;
    } else if (lit_outfile_commit(&of, d) != 0) rc = LIT_EXIT_IO;
loaded:
    lit_citemap_free(cites);
    lit_stats_free(&s);
    lit_db_free(&db);
out:
    free(mine);
    lit_cli_free(&cli);
    return rc;
}
