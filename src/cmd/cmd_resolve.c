/* cmd_resolve.c - `litsurvey resolve`: fills the catalog's papers from the user's bibliography, a
 * DBLP index and, asked for, the online services; writes the catalog back; `--index` makes the
 * DBLP index. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dblp.h"
#include "dblp_priv.h"   /* DBLP_MAGIC: how an index file starts */
#include "import.h"
#include "lock.h"
#include "online.h"
#include "outfile.h"
#include "resolve.h"
#include <unistd.h>

static const char usage_text[] =
    "usage: litsurvey resolve [--from SOURCE...] [--online [--offline|--refresh] [--cache DIR]]\n"
    "                         [-c CATALOG] [--dry-run] [--explain KEY] [-v]\n"
    "       litsurvey resolve --index dblp.xml.gz -o dblp.idx\n"
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
    "                       (Zotero, Mendeley), or a DBLP index made with --index; your\n"
    "                       files are asked first, then DBLP\n"
    "      --online         then ask, for the papers still without a published record, in\n"
    "                       this order: arXiv (by arXiv id), Crossref (by DOI, else title,\n"
    "                       first author and year), DBLP's search and OpenAlex (by title);\n"
    "                       their answers go through the same rules. Without --online\n"
    "                       nothing is asked of the network\n"
    "      --cache DIR      where the answers are kept (default $XDG_CACHE_HOME/litsurvey,\n"
    "                       else ~/.cache/litsurvey): a second run asks nothing again\n"
    "      --offline        answers from the cache only (implies --online)\n"
    "      --refresh        ask again what the cache holds\n"
    "      --mailto ADDR    contact for Crossref's and OpenAlex's polite pools (default\n"
    "                       $LITSURVEY_MAILTO)\n"
    "      --index DUMP     read DBLP's XML dump (dblp.xml or dblp.xml.gz, with dblp.dtd\n"
    "                       beside it, as dblp.org distributes them) into an index (-o)\n"
    "  -o, --output IDX     the index --index writes\n"
    "  -n, --dry-run        report what would be resolved; write nothing\n"
    "      --explain KEY    show the paper's candidates, their scores and why one won\n"
    "  -v, --verbose        list conflicts kept, ambiguous papers with their candidates and\n"
    "                       the papers not found\n"
    "  -c, --catalog FILE   catalog to resolve and write back (default data/catalog.yaml)\n"
    "      --venues FILE    venue table (default: venues.yaml beside the catalog)\n"
    "      --topics FILE    topic table (default: topics.yaml beside the catalog)\n"
    "  -q, --quiet          no warnings or summary\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 done, 1 bad data, 2 usage, 3 I/O error, 4 done but some papers stay\n"
    "unresolved because an online service could not be asked (no network, a fault of the\n"
    "service: one warning each) or, with --offline, its answer is not in the cache; the\n"
    "catalog is written with what was resolved.\n";

enum { SOURCE_FILE, SOURCE_DBLP, SOURCE_NONE };

/* What a --from file is: a .bib, CSL-JSON or RIS file by its name or first bytes, a DBLP
 * index by its magic, else neither. A file that cannot be read is left to the file source,
 * for its message. */
static int source_kind(const char *path)
{
    char head[4096];
    size_t n = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return SOURCE_FILE;
    n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (lit_import_kind(path, head, n) != LIT_FILE_LIST) return SOURCE_FILE;
    return n >= sizeof DBLP_MAGIC - 1 && !memcmp(head, DBLP_MAGIC, sizeof DBLP_MAGIC - 1) ? SOURCE_DBLP : SOURCE_NONE;
}

int lit_cmd_resolve(int argc, char **argv, lit_diag *d)
{
    enum { OPT_FROM = LIT_OPT_FIRST_CMD, OPT_EXPLAIN, OPT_INDEX, OPT_ONLINE, OPT_OFFLINE, OPT_REFRESH, OPT_CACHE,
           OPT_MAILTO };
    static const struct option longopts[] = {
        {"from", required_argument, 0, OPT_FROM}, {"dry-run", no_argument, 0, 'n'},
        {"index", required_argument, 0, OPT_INDEX}, {"output", required_argument, 0, 'o'},
        {"explain", required_argument, 0, OPT_EXPLAIN}, {"verbose", no_argument, 0, 'v'},
        {"catalog", required_argument, 0, 'c'}, {"venues", required_argument, 0, LIT_OPT_VENUES},
        {"topics", required_argument, 0, LIT_OPT_TOPICS}, {"quiet", no_argument, 0, 'q'},
        {"online", no_argument, 0, OPT_ONLINE}, {"offline", no_argument, 0, OPT_OFFLINE},
        {"refresh", no_argument, 0, OPT_REFRESH}, {"cache", required_argument, 0, OPT_CACHE},
        {"mailto", required_argument, 0, OPT_MAILTO}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *catalog = "data/catalog.yaml", *venues = NULL, *topics = NULL, *explain = NULL;
    const char *dump = NULL, *out_idx = NULL;
    const char **files = lit_xcalloc((size_t)argc + 1, sizeof *files), **indexes = lit_xcalloc((size_t)argc + 1, sizeof *indexes);
    size_t n_files = 0, n_indexes = 0;
    bool dry = false, verbose = false, online = false;
    lit_online_opts oo = {0};
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "nvc:o:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_FROM:
            switch (source_kind(optarg)) {
            case SOURCE_FILE: files[n_files++] = optarg; break;
            case SOURCE_DBLP: indexes[n_indexes++] = optarg; break;
            default:
                lit_error(d, optarg, 0, 0, "not a bibliography (a .bib, CSL-JSON or RIS file) nor a DBLP index");
                rc = LIT_EXIT_DATA;
                goto out;
            }
            break;
        case OPT_INDEX: dump = optarg; break;
        case OPT_ONLINE: online = true; break;
        case OPT_OFFLINE: online = oo.offline = true; break;
        case OPT_REFRESH: oo.refresh = true; break;
        case OPT_CACHE: oo.cache_dir = optarg; break;
        case OPT_MAILTO: oo.mailto = optarg; break;
        case 'o': out_idx = optarg; break;
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
    if (dump || out_idx) {
        if (!dump || !out_idx) { rc = lit_usage_error("resolve", "--index DUMP needs -o INDEX, and -o goes with --index"); goto out; }
        if (n_files + n_indexes || online) { rc = lit_usage_error("resolve", "--index makes an index; resolve with --from in another run"); goto out; }
        if (lit_dblp_index_build(dump, out_idx, d) != 0) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
        goto out;
    }
    if (!n_files && !n_indexes && !online) { rc = lit_usage_error("resolve", "no sources (--from FILE, or --online)"); goto out; }
    if (!online && (oo.refresh || oo.cache_dir || oo.mailto)) {
        rc = lit_usage_error("resolve", "--refresh, --cache and --mailto go with --online");
        goto out;
    }
    if (oo.offline && oo.refresh) { rc = lit_usage_error("resolve", "--refresh asks the network; --offline does not"); goto out; }

    /* the catalog is read here and written back below, whole; the lock is held from before
     * the one to after the other, so that an import at the same time waits its turn */
    lit_lock lock;
    if (lit_lock_take(&lock, catalog, d) != 0) { rc = LIT_EXIT_IO; goto out; }
    lit_db db;
    if (lit_db_load(&db, catalog, venues, topics, d) != 0) {
        rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
        lit_db_free(&db);
        goto unlock;
    }
    lit_input_release(catalog);   /* resolve writes back the catalog it read, and no other input */
    if (explain && lit_catalog_find(&db.cat, explain) < 0) {
        lit_error(d, catalog, 0, 0, "no paper with the key '%s' to explain", explain);
        rc = LIT_EXIT_DATA;
        lit_db_free(&db);
        goto unlock;
    }
    /* the user's files first (their keys win), then the DBLP indexes in the order given, then
     * the online services */
    lit_rsource **src = lit_xcalloc(n_indexes + 2 + LIT_ONLINE_SOURCES, sizeof *src);
    size_t n_src = 0;
    lit_online *on = NULL;
    if (n_files && !(src[n_src++] = lit_rsource_files(files, n_files, &db.venues, &db.topics, d))) n_src--, rc = -1;
    for (size_t i = 0; i < n_indexes && rc == 0; i++)
        if (!(src[n_src++] = lit_rsource_dblp(indexes[i], d))) n_src--, rc = -1;
    if (rc) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (rc == 0 && online) {
        oo.vs = &db.venues;
        oo.verbose = verbose && !d->quiet;
        oo.progress = !d->quiet && isatty(fileno(stderr));
        if (!(on = lit_online_new(&oo, d))) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_USAGE;
        else {
            lit_online_sources(on, src + n_src);
            n_src += LIT_ONLINE_SOURCES;
        }
    }
    lit_resolve_opts o = {.vs = &db.venues, .explain = explain, .verbose = verbose && !d->quiet, .out = stderr};
    lit_resolve_stats st;
    memset(&st, 0, sizeof st);
    if (rc == 0 && lit_resolve(&db.cat, src, n_src, &o, &st, d) != 0) rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
    if (rc == 0 && !dry && st.changed && lit_catalog_save(&db.cat, catalog, d) != 0) rc = LIT_EXIT_IO;
    size_t unasked = rc == 0 && on ? lit_online_report(on, &db.cat, d) : 0;
    if (rc == 0 && !d->quiet) {
        lit_buf b = LIT_BUF_INIT;
        lit_resolve_summary(&st, verbose, &b);
        fprintf(stderr, "%s: %s%s\n", catalog, lit_buf_str(&b), dry ? " (dry run: nothing written)" : "");
        lit_buf_free(&b);
    }
    if (rc == 0 && unasked) rc = LIT_EXIT_UNASKED;
    lit_resolve_stats_free(&st);
    for (size_t i = 0; i < n_src; i++) lit_rsource_close(src[i]);
    free(src);
    lit_online_free(on);
    lit_db_free(&db);
unlock:
    lit_lock_release(&lock);
out:
    free(files);
    free(indexes);
    return rc;
}
