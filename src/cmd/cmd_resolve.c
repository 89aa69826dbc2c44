/* cmd_resolve.c - `litsurvey resolve`: fills the catalog's papers from the user's bibliography and a
 * DBLP index, writes the catalog back; `--index` makes the DBLP index. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "import.h"
#include "outfile.h"
#include "resolve.h"

static const char usage_text[] =
    "usage: litsurvey resolve --from SOURCE... [-c CATALOG] [--dry-run] [--explain KEY] [-v]\n"
    "\n"
    "Matches every paper of the catalog against bibliographic records and fills what it\n"
    "lacks: authors, DOI, arXiv id, the year when absent, the venue when absent or only a\n"
    "preprint's (the published record gives venue and year), the entry type and its fields\n"
    "(pages, volume, number, publisher, ...). A match needs the same DOI or arXiv id, or the\n"
    "same normalised title with years at most one apart (a preprint up to two before its\n"
    "published version) and, where both name authors, an author in common; a similar title\n"
    "is taken only when it scores 90 of 100 and 5 more than any other candidate, else the\n"
    "paper is ambiguous and left as it is. What a list states and a record contradicts (a\n"
    "venue, a year) is kept and reported with -v. A paper matched in your own bibliography\n"
    "takes its key (the old key stays citable in aliases:). Each resolved paper records\n"
    "resolved: {source, id, score}. The catalog is written back only when complete;\n"
    "resolving again with the same sources changes nothing.\n"
    "\n"
    "      --from FILE      a source, repeatable: your .bib files (read as one bibliography,\n"
    "                       @string and crossref across files), CSL-JSON or RIS exports\n"
    "                       (Zotero, Mendeley); your files are asked before any other source\n"
    "  -n, --dry-run        report what would be resolved; write nothing\n"
    "      --explain KEY    show the paper's candidates, their scores and why one won\n"
    "  -v, --verbose        list conflicts kept, ambiguous papers with their candidates and\n"
    "                       the papers not found\n"
    "  -c, --catalog FILE   catalog to resolve and write back (default data/catalog.yaml)\n"
    "      --venues FILE    venue table (default: venues.yaml beside the catalog)\n"
    "      --topics FILE    topic table (default: topics.yaml beside the catalog)\n"
    "  -q, --quiet          no warnings or summary\n"
    "  -h, --help           this help\n";

int lit_cmd_resolve(int argc, char **argv, lit_diag *d)
{
    enum { OPT_FROM = LIT_OPT_FIRST_CMD, OPT_EXPLAIN };
    static const struct option longopts[] = {
        {"from", required_argument, 0, OPT_FROM}, {"dry-run", no_argument, 0, 'n'},
        {"explain", required_argument, 0, OPT_EXPLAIN}, {"verbose", no_argument, 0, 'v'},
        {"catalog", required_argument, 0, 'c'}, {"venues", required_argument, 0, LIT_OPT_VENUES},
        {"topics", required_argument, 0, LIT_OPT_TOPICS}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *catalog = "data/catalog.yaml", *venues = NULL, *topics = NULL, *explain = NULL;
    const char **files = lit_xcalloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    bool dry = false, verbose = false;
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "nvc:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_FROM: files[n_files++] = optarg; break;
        case 'n': dry = true; break;
        case OPT_EXPLAIN: explain = optarg; break;
        case 'v': verbose = true; break;
        case 'c': catalog = optarg; break;
        case LIT_OPT_VENUES: venues = optarg; break;
        case LIT_OPT_TOPICS: topics = optarg; break;
        case 'q': d->quiet = true; break;
        case 'h': fputs(usage_text, stdout); goto out;
        default: rc = lit_usage_error("resolve", "unknown option"); goto out;
        }
    }
    if (optind < argc) { rc = lit_usage_error("resolve", "unexpected argument '%s'", argv[optind]); goto out; }
    if (!n_files) { rc = lit_usage_error("resolve", "no sources (--from FILE)"); goto out; }

    /* the catalog is read here and written back below, whole, in one place */
    lit_db db;
    if (lit_db_load(&db, catalog, venues, topics, d) != 0) {
        rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
        lit_db_free(&db);
        goto out;
    }
    if (explain && lit_catalog_find(&db.cat, explain) < 0) {
        lit_error(d, catalog, 0, 0, "no paper with the key '%s' to explain", explain);
        rc = LIT_EXIT_DATA;
        lit_db_free(&db);
        goto out;
    }
    lit_rsource *src[1];
    size_t n_src = 0;
    src[0] = lit_rsource_files(files, n_files, &db.venues, &db.topics, d);
    if (!src[0]) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    else n_src = 1;
    lit_resolve_opts o = {.vs = &db.venues, .explain = explain, .verbose = verbose && !d->quiet, .out = stderr};
    lit_resolve_stats st;
    memset(&st, 0, sizeof st);
    if (rc == 0 && lit_resolve(&db.cat, src, n_src, &o, &st, d) != 0) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (rc == 0 && !dry && st.changed && lit_catalog_save(&db.cat, catalog, d) != 0) rc = LIT_EXIT_IO;
    if (rc == 0 && !d->quiet) {
        lit_buf b = LIT_BUF_INIT;
        lit_resolve_summary(&st, verbose, &b);
        fprintf(stderr, "%s: %s%s\n", catalog, lit_buf_str(&b), dry ? " (dry run: nothing written)" : "");
        lit_buf_free(&b);
    }
    lit_resolve_stats_free(&st);
    for (size_t i = 0; i < n_src; i++) lit_rsource_close(src[i]);
    lit_db_free(&db);
out:
    free(files);
    return rc;
}
