/* cmd_import.c - `litsurvey import`: paper lists and BibTeX files into one deduplicated catalog; a bad entry costs only itself, a bad file the whole import. */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "dedupe.h"
#include "keys.h"
#include "import.h"
#include "lock.h"
#include "outfile.h"

static const char usage_text[] =
    "usage: litsurvey import FILE... [-o CATALOG] [-m EXISTING] [options]\n\n"
    "Imports paper lists (Markdown or plain text, any other extension), BibTeX (.bib),\n"
    "CSL-JSON (.json: Zotero, Mendeley, pandoc) and RIS (.ris) files into one catalog.\n"
    "A workbook `litsurvey xlsx` wrote (.xlsx) gives back what a reading group edited\n"
    "(with -m): each row's Status, Presenter, Date, Notes and every column it added, by\n"
    "the row's Key, into that paper's `reading:` fields; a row whose key is gone is\n"
    "reported with its values.\n"
    "Duplicates are merged; every paper keeps where it was listed (sources). The .bib\n"
    "files are one bibliography, as in \\bibliography{a,b,c}: @strings hold in the files\n"
    "after theirs, crossrefs resolve across files. An entry that cannot be read is\n"
    "skipped with a warning; a file that cannot be read (binary, invalid UTF-8, no\n"
    "papers) is an error and nothing is written.\n\n"
    "  -o, --output FILE    catalog to write ('-' = stdout; default: EXISTING with -m,\n"
    "                       else stdout)\n"
    "  -m, --merge FILE     merge into this existing catalog: its papers keep their keys\n"
    "                       and hand edits (notes, topics, any extra field); a title,\n"
    "                       venue, year or link a list states otherwise is reported\n"
    "      --update         with -m: take the list's title, venue, year and links\n"
    "      --strict         fail on the first bad entry (default: skip it with a warning)\n"
    "      --lenient        also skip bad lines and files without papers with a warning\n"
    "  -v, --explain        print every merge with its reason, and each list item\n"
    "                       that was not read as a paper\n"
    "      --venues FILE    venue table (default: the shipped one, with a venues.yaml\n"
    "                       beside the output added to it)\n"
    "      --topics FILE    topic table (default: the shipped one, with a topics.yaml\n"
    "                       beside the output added to it)\n"
    "      --topics-out FILE  write the headings that became topics or matched loosely\n"
    "                       as topics.yaml entries, to fold into the taxonomy\n"
    LIT_MAX_INPUT_HELP
    "  -q, --quiet          no warnings or summary\n"
    "  -h, --help           this help\n";

enum { OPT_LENIENT = LIT_OPT_FIRST_CMD, OPT_STRICT, OPT_TOPICS_OUT, OPT_UPDATE };

typedef struct vcount { const char *name; long n; } vcount;

static int vcount_cmp(const void *x, const void *y)
{
    const vcount *a = x, *b = y;
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return strcmp(a->name, b->name);
}

#define UNKNOWN_SHOWN 20   /* venues listed without -v */

/* One block for the whole import, into out: the venues of papers from..n that the table
 * does not know (kept as written), most entries first, so that a user adds them to
 * venues.yaml in one edit. */
static void unknown_venues(const lit_catalog *c, size_t from, const lit_venues *vs, bool all, lit_buf *out)
{
    long *n = lit_xcalloc(c->venues.n + 1, sizeof *n);
    for (size_t i = from; i < c->n_papers; i++)
        if (c->papers[i].venue >= 0) n[c->papers[i].venue]++;
    vcount *u = lit_xmalloc((c->venues.n + 1) * sizeof *u);
    size_t nu = 0;
    long entries = 0;
    for (size_t k = 0; k < c->venues.n; k++)
        if (n[k] && !lit_venues_find(vs, c->venues.names[k])) {
            u[nu++] = (vcount){c->venues.names[k], n[k]};
            entries += n[k];
        }
    if (nu) {
        qsort(u, nu, sizeof *u, vcount_cmp);
        lit_buf_printf(out, "%zu venue%s not in %s%s%s, kept as written (%ld entr%s); add them as venues or aliases",
                nu, nu == 1 ? "" : "s", vs->path, vs->over.path ? " or " : "", vs->over.path ? vs->over.path : "",
                entries, entries == 1 ? "y" : "ies");
        if (vs->over.edit && strcmp(vs->over.edit, vs->path)) lit_buf_printf(out, " to %s", vs->over.edit);
        lit_buf_adds(out, ":\n");
        size_t shown = all || nu <= UNKNOWN_SHOWN + 1 ? nu : UNKNOWN_SHOWN;
        for (size_t k = 0; k < shown; k++) lit_buf_printf(out, "  %5ld  %s\n", u[k].n, u[k].name);
        if (shown < nu) lit_buf_printf(out, "  ... and %zu more (-v lists all)\n", nu - shown);
    }
    free(u);
    free(n);
}

static int change_cmp(const void *x, const void *y)
{
    const lit_change *a = x, *b = y;
    int r = strcmp(a->list ? a->list : "", b->list ? b->list : "");
    if (r) return r;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    return strcmp(a->field, b->field);
}

/* Each field of an existing paper that a list states otherwise, at the list's line. */
static void report_changes(lit_dedupe *dd, lit_diag *d)
{
    if (dd->n_changes) qsort(dd->changes, dd->n_changes, sizeof *dd->changes, change_cmp);
    for (size_t i = 0; i < dd->n_changes; i++) {
        const lit_change *ch = &dd->changes[i];
        lit_warn(d, ch->list, ch->line, 0, "'%s': %s '%s' here, '%s' in the catalog (%s)", ch->key, ch->field,
                 ch->new_, ch->old ? ch->old : "(none)", dd->update ? "updated" : "kept; --update takes this one");
    }
}

int lit_cmd_import(int argc, char **argv, lit_diag *d)
{
    static const struct option longopts[] = {
        {"output", required_argument, 0, 'o'}, {"merge", required_argument, 0, 'm'},
        {"lenient", no_argument, 0, OPT_LENIENT}, {"strict", no_argument, 0, OPT_STRICT}, {"explain", no_argument, 0, 'v'},
        {"venues", required_argument, 0, LIT_OPT_VENUES}, {"topics", required_argument, 0, LIT_OPT_TOPICS},
        {"topics-out", required_argument, 0, OPT_TOPICS_OUT}, {"update", no_argument, 0, OPT_UPDATE},
        LIT_MAX_INPUT_LONGOPT,
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *out = NULL, *existing = NULL, *venues_file = NULL, *topics_file = NULL, *topics_out = NULL;
    bool lenient = false, strict = false, explain = false, update = false;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "o:m:vqh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': out = optarg; break;
        case 'm': existing = optarg; break;
        case OPT_LENIENT: lenient = true; break;
        case OPT_STRICT: strict = true; break;
        case 'v': explain = true; break;
        case LIT_OPT_VENUES: venues_file = optarg; break;
        case LIT_OPT_TOPICS: topics_file = optarg; break;
        case OPT_TOPICS_OUT: topics_out = optarg; break;
        case OPT_UPDATE: update = true; break;
        case LIT_OPT_MAX_INPUT:
            if (lit_cli_max_input("import", optarg)) return LIT_EXIT_USAGE;
            break;
        case 'q': d->quiet = true; break;
        case 'h': fputs(usage_text, stdout); return 0;
        default: return lit_usage_error("import", "unknown option");
        }
    }
    if (optind >= argc) return lit_usage_error("import", "no input files");
    if (strict && lenient) return lit_usage_error("import", "--strict and --lenient exclude each other");
    if (update && !existing) return lit_usage_error("import", "--update takes a catalog to update: -m CATALOG");
    if (!out) out = existing ? existing : "-";

    int rc = 0;
    lit_venues vs;
    lit_topics ts;
    memset(&vs, 0, sizeof vs);
    memset(&ts, 0, sizeof ts);
    lit_catalog cat;
    lit_catalog_init(&cat);
    lit_dedupe dd;
    memset(&dd, 0, sizeof dd);
    lit_buf unknown = LIT_BUF_INIT, sheet_notes = LIT_BUF_INIT;
    lit_bib *bib = NULL;
    const char **sheets = lit_xcalloc((size_t)argc + 1, sizeof *sheets);
    lit_topic_import heads;
    memset(&heads, 0, sizeof heads);
    /* held from reading the catalog to writing it: two imports at once take turns */
    lit_lock lock;
    if (lit_lock_take(&lock, out, d) != 0) {
        free(sheets);
        return LIT_EXIT_IO;
    }
    /* the tables litsurvey ships, and those in the catalog's folder (stdout: this one) */
    const char *near = strcmp(out, "-") ? out : "catalog.yaml";
    if (lit_tables_load(&vs, &ts, near, venues_file, topics_file, d) != 0) goto fail;

    size_t n_fixed = 0;
    if (existing) {
        if (lit_catalog_load(&cat, existing, d) != 0 || lit_topics_add_defs(&ts, &cat, d) != 0) goto fail;
        n_fixed = cat.n_papers;
        if (lit_same_target(out, existing)) lit_input_release(existing);   /* merging into it is the point */
    }
    /* the .bib files share one bibliography: macros in argument order, crossrefs across files */
    bib = lit_bib_new();
    /* section headings the taxonomy does not name become topics of the catalog's own */
    lit_topic_import_init(&heads, &ts, &vs);
    lit_import_opts o = {.venues = &vs, .topics = &ts, .sections = &heads, .strict = strict, .lenient = lenient,
                         .explain = explain, .bib = bib};
    size_t n_files = 0, n_sheets = 0;
    for (int i = optind; i < argc; i++) {
        if (lit_import_is_workbook(argv[i])) {   /* read back after the lists, into the merged catalog */
            if (!existing) {
                rc = lit_usage_error("import", "'%s' is a workbook: it reads back into a catalog, -m CATALOG", argv[i]);
                goto done;
            }
            sheets[n_sheets++] = argv[i];
            continue;
        }
        char *data = NULL;
        size_t len = 0;
        const char *fmt = lit_import_unread(argv[i]);
        if (fmt) {
            lit_error(d, argv[i], 0, 0, "cannot read '%s' files: litsurvey imports Markdown or plain-text lists "
                      "(.md, .txt, .markdown, ...), BibTeX (.bib), CSL-JSON (.json) and RIS (.ris)", fmt);
            if (!lenient) goto fail;
            lit_warn(d, argv[i], 0, 0, "skipped");
            continue;
        }
        if (lit_import_read(argv[i], &data, &len, d) != 0) goto fail;
        size_t before = cat.n_papers;
        int r = lit_import_file(&cat, argv[i], data, len, &o, d);
        free(data);
        if (r != 0) {
            cat.n_papers = before;
            if (!lenient) goto fail;
            lit_warn(d, argv[i], 0, 0, "skipped");
            continue;
        }
        n_files++;
    }
    if (lit_bib_finish(bib, &cat, &o, d) != 0) goto fail;
    size_t n_entries = cat.n_papers - n_fixed;
    if (n_entries == 0 && !n_sheets) {
        lit_error(d, NULL, 0, 0, "no papers imported");
        goto fail;
    }
    unknown_venues(&cat, n_fixed, &vs, explain, &unknown);   /* counted before merges: entries */
    if (n_entries) {
        lit_dedupe_find(&cat, &vs, &dd);
        dd.update = update;
        lit_dedupe_merge(&cat, n_fixed, &vs, &ts, &dd);
        report_changes(&dd, d);
        lit_keys_warn_non_ascii(&cat, 0, d);
    }
    for (size_t k = 0; k < n_sheets; k++) {
        lit_sheet_stats st;
        if (lit_import_sheet(&cat, sheets[k], &st, d) != 0) goto fail;
        lit_buf_printf(&sheet_notes, "%s: read back %zu row%s of sheet '%s' into %zu paper%s: %zu field%s changed", sheets[k],
                       st.rows, st.rows == 1 ? "" : "s", st.sheet, st.papers, st.papers == 1 ? "" : "s", st.fields,
                       st.fields == 1 ? "" : "s");
        if (st.gone) lit_buf_printf(&sheet_notes, "; %zu row%s whose key no paper has (see warnings)", st.gone, st.gone == 1 ? "" : "s");
        if (st.no_key) lit_buf_printf(&sheet_notes, "; %zu row%s without a key", st.no_key, st.no_key == 1 ? "" : "s");
        lit_buf_addc(&sheet_notes, '\n');
    }
    if (explain) lit_dedupe_print(&dd, true, stderr);
    else if (!d->quiet && dd.n_unsure) lit_dedupe_print(&dd, false, stderr);
    lit_topic_import_defs(&heads, &cat);
    if (!d->quiet) lit_topic_import_report(&heads, stderr);
    if ((rc = lit_check_outputs("import", (const char *[]){out, topics_out}, 2)) != 0) goto done;
    if (topics_out && lit_topic_import_write(&heads, &cat, topics_out, d) != 0) goto fail;
    if (lit_catalog_save(&cat, out, d) != 0) goto fail;
    if (!d->quiet) fputs(lit_buf_str(&sheet_notes), stderr);
    /* existing papers are never merged with each other: the rest are this import's */
    size_t n_new = cat.n_papers - n_fixed;
    if (!d->quiet && n_entries) {
        size_t n_all = n_entries + (size_t)d->skipped;
        lit_diag_print(stderr, "%s: imported %zu paper%s from %zu entr%s in %zu file%s; %ld skipped, %zu merged, %zu pair%s left "
                "apart%s\n", out, n_new, n_new == 1 ? "" : "s", n_all, n_all == 1 ? "y" : "ies", n_files,
                n_files == 1 ? "" : "s", d->skipped, n_entries - n_new, dd.n_unsure, dd.n_unsure == 1 ? "" : "s",
                d->warnings ? " (see warnings)" : "");
    }
    if (!d->quiet) lit_diag_print(stderr, "%s", lit_buf_str(&unknown));
    goto done;
fail:
    rc = d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
done:
    free(sheets);
    lit_buf_free(&sheet_notes);
    lit_lock_release(&lock);
    lit_dedupe_free(&dd);
    lit_buf_free(&unknown);
    lit_bib_free(bib);
    lit_topic_import_free(&heads);
    lit_catalog_free(&cat);
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return rc;
}
