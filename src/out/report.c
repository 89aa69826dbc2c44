/* report.c - report specs: parse and check reports/NAME.yaml, build everything into NAME/. */
#include "report.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "buf.h"
#include "chart.h"
#include "diff.h"
#include "cite_keys.h"
#include "out_bib.h"
#include "latex_text.h"
#include "out_latex.h"
#include "out_xlsx.h"
#include "catalog_check.h"
#include "out_markdown.h"
#include "lock.h"
#include "outdir.h"
#include "outfile.h"
#include "style.h"
#include "yread.h"

/* ---- the spec ---- */

static const char *const formats[] = {"pdf", "svg", "png", NULL};
static const char *const pdf_pages[] = {"a4", "letter", "slides", NULL};

static int in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0) return 1;
    return 0;
}

/* An output name is a plain file name: nothing that could leave the output folder. */
static int output_name(lit_yread *y, lit_arena *a, const char *ext, const char **out)
{
    if (lit_yread_expect(y, LIT_Y_SCALAR, "a file name") != 0) return -1;
    const char *s = y->str;
    if (strlen(s) != y->len || !*s) return lit_yread_error(y, "invalid file name");
    if (s[0] == '/') return lit_yread_error(y, "'%s' is an absolute path: outputs stay in the report's folder", s);
    if (strstr(s, "..")) return lit_yread_error(y, "'%s' leaves the report's folder: use a plain file name", s);
    if (strchr(s, '/') || strchr(s, '\\')) return lit_yread_error(y, "'%s' names a folder: use a plain file name", s);
    if (s[0] == '.') return lit_yread_error(y, "'%s' is a hidden file: use a plain file name", s);
    size_t n = strlen(s), e = strlen(ext);
    if (n <= e || strcmp(s + n - e, ext) != 0) return lit_yread_error(y, "'%s' must end in %s", s, ext);
    *out = lit_arena_strndup(a, s, n);
    return 0;
}

/* A list of names each of which must be in allowed (what names the list in messages);
 * pos (may be NULL) gets each name's line and column. */
static int name_list(lit_yread *y, lit_arena *a, const char *const *allowed, const char *what,
                     const char ***out, size_t *n, long (**pos)[2])
{
    /* one name alone is a list of one */
    int single = y->tok == LIT_Y_SCALAR && !lit_yread_is_null(y);
    if (!single && lit_yread_expect(y, LIT_Y_SEQ, "a list") != 0) return -1;
    const char **v = lit_arena_alloc(a, 32 * sizeof *v);
    if (pos) *pos = lit_arena_alloc(a, 32 * sizeof **pos);
    *n = 0;
    while (single || lit_yread_next(y) == LIT_Y_SCALAR) {
        if (!in_list(allowed, y->str)) {
            lit_buf b = LIT_BUF_INIT;
            for (size_t i = 0; allowed[i]; i++) lit_buf_printf(&b, "%s%s", i ? ", " : "", allowed[i]);
            int rc = lit_yread_error(y, "unknown %s '%s' (%s)", what, y->str, lit_buf_str(&b));
            lit_buf_free(&b);
            return rc;
        }
        if (*n == 32) return lit_yread_error(y, "more than 32 entries");
        for (size_t i = 0; i < *n; i++)
            if (strcmp(v[i], y->str) == 0) return lit_yread_error(y, "'%s' is listed twice", y->str);
        if (pos) {
            (*pos)[*n][0] = y->line;
            (*pos)[*n][1] = y->col;
        }
        v[(*n)++] = lit_arena_strndup(a, y->str, y->len);
        if (single) break;
    }
    if (!single && lit_yread_expect(y, LIT_Y_SEQ_END, "a name") != 0) return -1;
    *out = v;
    return 0;
}

/* ---- the outputs: every file a spec makes, each once ---- */

/* Where the spec names its outputs, for messages. */
typedef struct spec_pos {
    long (*charts)[2], (*tables)[2];   /* each chart kind and table in its list */
    long tables_line, tables_col;      /* the tables key: the default survey.tex is its */
    struct lit_report_out one[8];      /* the single outputs (spreadsheet, bib, ...) */
    size_t n_one;
} spec_pos;

static void add_out(lit_report *r, const char *name, const char *what, long line, long col)
{
    r->outs[r->n_outs++] = (struct lit_report_out){name, what, line, col};
}

/* An output key with one file name (spreadsheet: survey.xlsx). */
static int one_output(lit_report *r, lit_yread *y, spec_pos *pos, const char *ext, const char *what, const char **out)
{
    long line = y->line, col = y->col;
    if (output_name(y, &r->arena, ext, out) != 0) return -1;
    pos->one[pos->n_one++] = (struct lit_report_out){*out, what, line, col};
    return 0;
}

/* Lists every file the spec makes; two of one name are an error at the later one. */
static int collect_outputs(lit_report *r, lit_yread *y, const spec_pos *pos)
{
    lit_arena *a = &r->arena;
    r->outs = lit_arena_alloc(a, (r->n_charts * (r->n_formats + 1) + r->n_tables + pos->n_one + 2) * sizeof *r->outs);
    for (size_t i = 0; i < r->n_charts; i++) {
        for (size_t f = 0; f < r->n_formats; f++)
            add_out(r, lit_arena_printf(a, "%s.%s", r->charts[i], r->formats[f]),
                    lit_arena_printf(a, "chart '%s' in %s", r->charts[i], r->formats[f]), pos->charts[i][0], pos->charts[i][1]);
        add_out(r, lit_arena_printf(a, "%s.csv", r->charts[i]), lit_arena_printf(a, "the numbers of chart '%s'", r->charts[i]),
                pos->charts[i][0], pos->charts[i][1]);
    }
    for (size_t i = 0; i < r->n_tables; i++)
        add_out(r, lit_arena_printf(a, "%s.tex", r->tables[i]), lit_arena_printf(a, "table '%s'", r->tables[i]),
                pos->tables[i][0], pos->tables[i][1]);
    for (size_t i = 0; i < pos->n_one; i++) r->outs[r->n_outs++] = pos->one[i];
    if (r->n_tables && !r->latex) {
        r->latex = "survey.tex";
        add_out(r, r->latex, "the LaTeX document (survey.tex unless 'latex' names it)", pos->tables_line, pos->tables_col);
    }
    if (r->n_bibs)
        add_out(r, LIT_REPORT_EXTRA_BIB, "the papers the files of 'bibs' lack", r->bibs_line, r->bibs_col);
    for (size_t i = 0; i < r->n_outs; i++)
        for (size_t j = 0; j < i; j++) {
            if (strcmp(r->outs[i].name, r->outs[j].name) != 0) continue;
            const struct lit_report_out *x = &r->outs[j], *z = &r->outs[i];
            bool x_first = x->line < z->line || (x->line == z->line && x->col <= z->col);
            const struct lit_report_out *early = x_first ? x : z, *late = x_first ? z : x;
            y->line = late->line;
            y->col = late->col;
            return lit_yread_error(y, "'%s' would be written twice: as %s (line %ld) and as %s; give one another name",
                                   late->name, early->what, early->line, late->what);
        }
    return 0;
}

static int parse(lit_report *r, lit_yread *y)
{
    lit_arena *a = &r->arena;
    spec_pos pos = {0};
    lit_ykeys seen = {0};
    int rc = lit_yread_expect(y, LIT_Y_MAP, "a report spec (a mapping)");
    while (rc == 0 && lit_yread_next(y) == LIT_Y_SCALAR) {
        if ((rc = lit_yread_key_once(y, &seen)) != 0) break;
        char key[32];
        long kl = y->line, kc = y->col;
        snprintf(key, sizeof key, "%s", y->str);
        lit_yread_next(y);
        if (strcmp(key, "title") == 0) rc = lit_yread_str(y, a, &r->title);
        else if (strcmp(key, "style") == 0) {
            r->style_line = y->line;
            r->style_col = y->col;
            rc = lit_yread_str(y, a, &r->style);
        }
        else if (strcmp(key, "catalog") == 0) {
            const char *c;
            r->catalog_line = y->line;
            r->catalog_col = y->col;
            if ((rc = lit_yread_str(y, a, &c)) == 0)
                r->catalog = c[0] == '/' ? c : lit_arena_printf(a, "%s/%s", r->dir, c);
        } else if (strcmp(key, "years") == 0) {
            if ((rc = lit_yread_expect(y, LIT_Y_SCALAR, "a year range like 2014-2024")) == 0 &&
                lit_filter_parse_years(&r->filter, y->str) != 0)
                rc = lit_yread_error(y, "invalid years '%s' (expected 2014-2024, 2019, 2016- or -2020)", y->str);
        } else if (strcmp(key, "venues") == 0) {
            rc = lit_yread_str_list(y, a, (const char ***)&r->filter.venues, &r->filter.n_venues);
        } else if (strcmp(key, "topics") == 0) {
            rc = lit_yread_str_list(y, a, (const char ***)&r->filter.topics, &r->filter.n_topics);
        } else if (strcmp(key, "charts") == 0) {
            rc = name_list(y, a, lit_chart_kinds, "chart kind", &r->charts, &r->n_charts, &pos.charts);
        } else if (strcmp(key, "formats") == 0) {
            rc = name_list(y, a, formats, "format", &r->formats, &r->n_formats, NULL);
        } else if (strcmp(key, "tables") == 0) {
            pos.tables_line = kl;
            pos.tables_col = kc;
            rc = name_list(y, a, lit_latex_tables, "table", &r->tables, &r->n_tables, &pos.tables);
        } else if (strcmp(key, "spreadsheet") == 0) rc = one_output(r, y, &pos, ".xlsx", "the spreadsheet", &r->spreadsheet);
        else if (strcmp(key, "bib") == 0) rc = one_output(r, y, &pos, ".bib", "the bibliography", &r->bib);
        else if (strcmp(key, "pdf") == 0) rc = one_output(r, y, &pos, ".pdf", "the PDF report", &r->pdf);
        else if (strcmp(key, "latex") == 0) rc = one_output(r, y, &pos, ".tex", "the LaTeX document", &r->latex);
        else if (strcmp(key, "pdf_page") == 0) {
            const char **v;
            size_t n;
            if (lit_yread_expect(y, LIT_Y_SCALAR, "a4, letter or slides") != 0) rc = -1;
            else if ((rc = name_list(y, a, pdf_pages, "pdf page", &v, &n, NULL)) == 0) r->pdf_page = v[0];
        } else if (strcmp(key, "markdown") == 0) {
            rc = one_output(r, y, &pos, ".md", "the Markdown list", &r->markdown);
        } else if (strcmp(key, "new_since") == 0) {
            r->new_since_line = y->line;
            r->new_since_col = y->col;
            if ((rc = lit_yread_str(y, a, &r->new_since)) == 0 && (!r->new_since[0] || r->new_since[0] == '-'))
                rc = lit_yread_error(y, "invalid git revision '%s'", r->new_since);
        } else if (strcmp(key, "facets") == 0) {
            rc = lit_yread_str_list(y, a, &r->facets, &r->n_facets);
        } else if (strcmp(key, "bibs") == 0) {
            r->bibs_line = y->line;
            r->bibs_col = y->col;
            if ((rc = lit_yread_str_list(y, a, &r->bibs, &r->n_bibs)) == 0)
                for (size_t i = 0; i < r->n_bibs; i++)
                    if (r->bibs[i][0] != '/') r->bibs[i] = lit_arena_printf(a, "%s/%s", r->dir, r->bibs[i]);
        } else if (strcmp(key, "top") == 0) {
            long v;
            if ((rc = lit_yread_long(y, 1, 1000, &v)) == 0) r->top = (size_t)v;
        } else {
            y->line = kl;
            y->col = kc;
            rc = lit_yread_error(y, "unknown key '%s' (title, catalog, style, years, venues, topics, charts, "
                                    "formats, spreadsheet, tables, latex, bib, bibs, facets, pdf, pdf_page, markdown, new_since, top)", key);
        }
    }
    lit_ykeys_free(&seen);
    if (rc == 0) rc = lit_yread_expect(y, LIT_Y_MAP_END, "a key");
    if (rc == 0 && !r->n_formats && r->n_charts) {
        r->formats = lit_arena_alloc(a, sizeof *r->formats);
        r->formats[0] = "pdf";
        r->n_formats = 1;
    }
    if (rc == 0) rc = collect_outputs(r, y, &pos);
    if (rc == 0) {
        lit_yread_next(y);
        rc = lit_yread_finish(y);
    }
    return rc;
}

/* data NULL: read the file at path; else parse data (len bytes) named path. */
static int load_spec(lit_report *r, const char *path, const char *data, size_t len, lit_diag *d)
{
    memset(r, 0, sizeof *r);
    lit_arena *a = &r->arena;
    r->path = lit_arena_strdup(a, path);
    const char *slash = strrchr(path, '/');
    r->dir = slash ? lit_arena_strndup(a, path, (size_t)(slash - path)) : ".";
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0) n -= 5;
    else if (n > 4 && strcmp(base + n - 4, ".yml") == 0) n -= 4;
    r->name = lit_arena_strndup(a, base, n);
    if (!*r->name || r->name[0] == '.')
        return lit_error(d, path, 0, 0, "a report spec needs a name like reports/NAME.yaml");
    r->out_dir = lit_arena_printf(a, "%s/%s", r->dir, r->name);
    lit_yread y;
    int rc = data ? lit_yread_open_mem(&y, path, data, len, d) : lit_yread_open(&y, path, d);
    if (rc == 0) rc = parse(r, &y);
    lit_yread_close(&y);
    if (rc != 0) return -1;
    if (!r->catalog) {
        r->catalog = lit_arena_printf(a, "%s/../data/catalog.yaml", r->dir);
    }
    if (!r->style) r->style = "talk";
    if (!r->title) r->title = "Literature survey";
    return 0;
}

int lit_report_load(lit_report *r, const char *path, lit_diag *d)
{
    return load_spec(r, path, NULL, 0, d);
}

int lit_report_load_mem(lit_report *r, const char *path, const char *data, size_t len, lit_diag *d)
{
    return load_spec(r, path, data ? data : "", len, d);
}

void lit_report_free(lit_report *r)
{
    lit_arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

/* ---- building ---- */

/* From this many papers the spreadsheet is written in a second process. */
#define LIT_REPORT_FORK_MIN 5000

typedef struct build {
    const lit_report *r;
    const char *tmp;      /* the fresh folder */
    bool progress;
    int step, steps;
    lit_diag *d;
    const lit_diff *news;  /* since r->new_since, or NULL */
} build;

static const char *out_path(build *b, lit_buf *buf, const char *name)
{
    lit_buf_reset(buf);
    lit_buf_printf(buf, "%s/%s", b->tmp, name);
    if (b->progress) fprintf(stderr, "[%d/%d] %s/%s\n", ++b->step, b->steps, b->r->out_dir, name);
    return lit_buf_str(buf);
}

/* The complete LaTeX document: every table fragment \input, and the bibliography. */
static int write_latex_document(build *b, lit_buf *path)
{
    const lit_report *r = b->r;
    lit_buf doc = LIT_BUF_INIT;
    lit_buf_adds(&doc, "% The survey's tables in one document: pdflatex, bibtex, pdflatex twice.\n"
                       "\\documentclass[10pt]{article}\n"
                       "\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n"
                       "\\usepackage[margin=2cm]{geometry}\n"
                       "\\usepackage{textcomp}\n\\usepackage{booktabs,array,tabularx,longtable,graphicx,amssymb}\n"
                       "\\usepackage{placeins}\n"
                       "\\usepackage[hidelinks]{hyperref}\n"
                       "\\begin{document}\n");
    lit_buf_adds(&doc, "\\title{");
    lit_tex_escape(&doc, r->title, NULL);
    lit_buf_adds(&doc, "}\n\\author{}\n\\date{}\n\\maketitle\n");
    /* a float stays before the next table: the tables come in the order the spec names */
    for (size_t i = 0; i < r->n_tables; i++) lit_buf_printf(&doc, "\\input{%s}\n\\FloatBarrier\n", r->tables[i]);
    if (r->n_bibs) {
        /* the user's files from the output folder (one below the spec's), then the rest */
        lit_buf_adds(&doc, "\\bibliographystyle{plain}\n\\bibliography{");
        for (size_t i = 0; i < r->n_bibs; i++) {
            lit_buf rel = LIT_BUF_INIT;
            lit_path_from(r->dir, r->bibs[i], true, &rel);
            lit_buf_printf(&doc, "%s%s,", rel.data[0] == '/' ? "" : "../", rel.data);
            lit_buf_free(&rel);
        }
        lit_buf_printf(&doc, "%.*s}\n", (int)strlen(LIT_REPORT_EXTRA_BIB) - 4, LIT_REPORT_EXTRA_BIB);
    } else if (r->bib) {
        size_t n = strlen(r->bib) - 4; /* without .bib, as \bibliography wants it */
        lit_buf_printf(&doc, "\\bibliographystyle{plain}\n\\bibliography{%.*s}\n", (int)n, r->bib);
    }
    lit_buf_adds(&doc, "\\end{document}\n");
    int rc = lit_write_file(out_path(b, path, r->latex), lit_buf_str(&doc), doc.len, b->d);
    lit_buf_free(&doc);
    return rc;
}

static int write_bib(const lit_stats *s, const lit_citemap *cites, const char *path, lit_diag *d)
{
    lit_outfile o;
    if (lit_outfile_open(&o, path, d) != 0) return -1;
    if ((cites ? lit_citemap_write_missing(cites, o.fp, d)
               : lit_bib_write(o.fp, &s->db->cat, &s->db->venues, s->sel, s->n_papers, d)) != 0) {
        lit_outfile_abort(&o);
        return -1;
    }
    return lit_outfile_commit(&o, d);
}

/* The list as a README beside the charts: a heading, the PNGs the build made, the papers. */
static int write_markdown(build *b, const lit_stats *s, lit_buf *path)
{
    lit_buf md = LIT_BUF_INIT;
    lit_buf_adds(&md, "# ");
    lit_md_escape(&md, b->r->title);
    lit_buf_adds(&md, "\n\n");
    lit_md_opts mo = {.charts = ".", .charts_fs = b->tmp};
    lit_md_write(&md, s->db, s, &mo);
    if (b->news) lit_diff_write(&md, b->news, LIT_DIFF_MD, b->r->new_since, b->r->catalog);
    int rc = lit_write_file(out_path(b, path, b->r->markdown), lit_buf_str(&md), md.len, b->d);
    lit_buf_free(&md);
    return rc;
}

static int build_all(build *b, const lit_stats *s, const lit_style *st, const lit_check *k)
{
    const lit_report *r = b->r;
    lit_diag *d = b->d;
    lit_buf path = LIT_BUF_INIT, name = LIT_BUF_INIT;
    lit_chart_opts co = {0};
    co.top = r->top;
    int rc = 0;
    /* A big spreadsheet is written by a child process beside everything else: the
     * bytes are the same, the second core does the work. */
    char *xlsx = r->spreadsheet ? lit_xstrdup(out_path(b, &path, r->spreadsheet)) : NULL;
    lit_xlsx_opts xo = LIT_XLSX_OPTS_INIT;
    xo.title = r->title;   /* the Summary sheet's heading and the workbook's title */
    xo.news = b->news;
    xo.news_since = r->new_since;
    pid_t child = -1;
    if (xlsx && s->n_papers >= LIT_REPORT_FORK_MIN) {
        lit_outfile_scratch_add(xlsx);   /* the child renames it into the build folder: named before it can be there */
        fflush(NULL);
        child = fork();
        if (child == 0) {
            lit_outfile_scratch_dir(NULL);   /* the folder is the parent's to clean up */
            int xrc = lit_xlsx_write_opts(s, st, xlsx, &xo, d);
            lit_diag_flush(d);
            fflush(NULL);
            _exit(xrc == 0 ? 0 : d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA);
        }
        lit_outfile_scratch_helper(child);
    }
    if (xlsx && child < 0) rc = lit_xlsx_write_opts(s, st, xlsx, &xo, d);
    for (size_t i = 0; rc == 0 && i < r->n_charts; i++) {
        for (size_t f = 0; rc == 0 && f < r->n_formats; f++) {
            lit_buf_reset(&name);
            lit_buf_printf(&name, "%s.%s", r->charts[i], r->formats[f]);
            rc = lit_chart_render(r->charts[i], s, st, &co, out_path(b, &path, lit_buf_str(&name)), d);
        }
        lit_buf_reset(&name);
        lit_buf_printf(&name, "%s.csv", r->charts[i]);
        if (rc == 0) rc = lit_chart_write_data(r->charts[i], s, st, &co, out_path(b, &path, lit_buf_str(&name)), d);
    }
    lit_latex_opts lo;
    lit_latex_opts_init(&lo);
    lit_citemap *cites = NULL;
    if (rc == 0 && r->n_bibs) {
        if (!(cites = lit_citemap_new(s->db, s->sel, s->n_papers, r->bibs, r->n_bibs, d))) rc = -1;
        else {
            lit_buf_printf(&name, "the report writes them to %s/%s", r->out_dir, LIT_REPORT_EXTRA_BIB);
            lit_citemap_warn(cites, lit_buf_str(&name), d);
        }
        lo.cites = cites;
    }
    for (size_t i = 0; rc == 0 && i < r->n_tables; i++) {
        /* the taxonomy's columns, as the charts' series; the other tables keep their rows */
        lo.top = strcmp(r->tables[i], "taxonomy") == 0 ? r->top : 0;
        lo.facets = strcmp(r->tables[i], "taxonomy") == 0 ? r->facets : NULL;
        lo.n_facets = lo.facets ? r->n_facets : 0;
        lit_buf_reset(&name);
        lit_buf_printf(&name, "%s.tex", r->tables[i]);
        rc = lit_latex_write(r->tables[i], s, &lo, out_path(b, &path, lit_buf_str(&name)), d);
    }
    if (rc == 0 && r->latex) rc = write_latex_document(b, &path);
    if (rc == 0 && r->bib) rc = write_bib(s, NULL, out_path(b, &path, r->bib), d);
    if (rc == 0 && cites) rc = write_bib(s, cites, out_path(b, &path, LIT_REPORT_EXTRA_BIB), d);
    lit_citemap_free(cites);
    if (rc == 0 && r->markdown) rc = write_markdown(b, s, &path);
    if (rc == 0 && r->pdf) rc = lit_report_pdf(r, s, st, k, b->news, out_path(b, &path, r->pdf), d);
    if (child > 0) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        lit_outfile_scratch_helper(0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            if (WIFEXITED(status) && WEXITSTATUS(status) == LIT_EXIT_IO) d->io_errors++;
            if (!WIFEXITED(status)) lit_error(d, xlsx, 0, 0, "the spreadsheet writer stopped (signal %d)", WTERMSIG(status));
            d->errors++;
            rc = -1;
        }
    }
    free(xlsx);
    lit_buf_free(&path);
    lit_buf_free(&name);
    return rc;
}

/* Inputs of the build inside its output folder: an error at the spec's line. */
static int inputs_outside(const lit_report *r, const lit_db *db, const lit_style *st, lit_diag *d)
{
    char *out = realpath(r->out_dir, NULL);
    if (!out) return 0;   /* no folder yet: nothing can be in it */
    const struct { const char *path, *what; long line, col; } in[] = {
        {r->catalog, "the catalog", r->catalog_line, r->catalog_col},
        {db->venues.path, "the venue table (found beside the catalog)", r->catalog_line, r->catalog_col},
        {db->topics.path, "the topic table (found beside the catalog)", r->catalog_line, r->catalog_col},
        {db->venues.over.path, "the venue table (found beside the catalog)", r->catalog_line, r->catalog_col},
        {db->topics.over.path, "the topic table (found beside the catalog)", r->catalog_line, r->catalog_col},
        {st->path, "the style", r->style_line, r->style_col},
    };
    int rc = 0;
    size_t n = strlen(out);
    for (size_t i = 0; rc == 0 && i < sizeof in / sizeof *in; i++) {
        char *p = in[i].path ? realpath(in[i].path, NULL) : NULL;
        if (p && strncmp(p, out, n) == 0 && p[n] == '/')
            rc = lit_error(d, r->path, in[i].line, in[i].col,
                           "%s '%s' is inside the output folder '%s': keep the build's inputs out of it", in[i].what,
                           in[i].path, r->out_dir);
        free(p);
    }
    free(out);
    return rc;
}

/* Outputs over files that no earlier build wrote: an error at the spec's line. */
static int outputs_free(const lit_report *r, lit_diag *d)
{
    for (size_t i = 0; i < r->n_outs; i++)
        if (lit_outdir_is_users(r->out_dir, r->outs[i].name))
            return lit_error(d, r->path, r->outs[i].line, r->outs[i].col,
                             "'%s/%s' is not an output of an earlier build (%s does not list it): not replacing it; "
                             "move it, or give %s another name",
                             r->out_dir, r->outs[i].name, LIT_OUTDIR_MANIFEST, r->outs[i].what);
    return 0;
}

int lit_report_build(const lit_report *r, bool progress, lit_diag *d)
{
    if (access(r->catalog, R_OK) != 0) {
        lit_error(d, r->path, r->catalog_line, r->catalog_col, "cannot open catalog '%s': %s", r->catalog,
                  strerror(errno));
        return LIT_EXIT_DATA;
    }
    for (size_t i = 0; i < r->n_bibs; i++)
        if (access(r->bibs[i], R_OK) != 0) {
            lit_error(d, r->path, r->bibs_line, r->bibs_col, "cannot open the bibliography '%s' (bibs): %s", r->bibs[i],
                      strerror(errno));
            return LIT_EXIT_DATA;
        }
    lit_db db;
    lit_stats s;
    lit_style st;
    memset(&st, 0, sizeof st);
    int rc = lit_db_load(&db, r->catalog, NULL, NULL, d);
    bool have_stats = false;
    lit_check k = {0};
    if (rc == 0) {
        /* what the numbers rest on: said before the build, and on the report's title page */
        lit_check_run(&k, &db, r->strict ? d : NULL, false);
        if (!d->quiet || (r->strict && k.errors)) {
            lit_buf b = LIT_BUF_INIT;
            lit_check_paragraph(&k, &b);
            lit_diag_print(stderr, "litsurvey: check: %s\n", lit_buf_str(&b));
            lit_buf_free(&b);
        }
        if (r->strict && k.errors)
            rc = lit_error(d, r->path, r->catalog_line, r->catalog_col, "--strict: check found %zu problems in '%s'",
                           k.errors, r->catalog);
    }
    if (rc == 0) {
        rc = lit_stats_compute(&s, &db, &r->filter, d);
        have_stats = rc == 0;
        /* the venues and topics every output of the build names, chosen once */
        if (rc == 0 && r->top) lit_stats_choose(&s, r->top, r->top);
    }
    if (rc == 0) rc = lit_style_load(&st, r->style, r->catalog, d);
    if (rc == 0) rc = inputs_outside(r, &db, &st, d);
    struct stat ost;
    if (rc == 0 && lstat(r->out_dir, &ost) == 0 && !S_ISDIR(ost.st_mode))
        rc = lit_error(d, r->path, 0, 0, "'%s' exists and is not a folder (a link or a file): not replacing it", r->out_dir);
    /* one build of a folder at a time: what is beside it then is an interrupted one's */
    lit_lock lock = {0};
    if (rc == 0) rc = lit_lock_take(&lock, r->out_dir, d);
    if (rc == 0) {
        lit_outdir_clean(r->out_dir, d);
        rc = outputs_free(r, d);
    }
    /* new_since: the catalog as git has it at that revision, against the current one */
    lit_catalog old;
    lit_catalog_init(&old);
    lit_diff news;
    memset(&news, 0, sizeof news);
    char *old_name = NULL;
    if (rc == 0 && r->new_since) {
        char *data = NULL;
        size_t len = 0, nl = strlen(r->new_since) + strlen(r->catalog) + 2;
        old_name = lit_xmalloc(nl);
        snprintf(old_name, nl, "%s:%s", r->new_since, r->catalog);
        if (lit_git_show(r->new_since, r->catalog, &data, &len, d) != 0)
            rc = lit_error(d, r->path, r->new_since_line, r->new_since_col, "new_since: cannot read the catalog at '%s'",
                           r->new_since);
        else if ((rc = lit_catalog_load_mem(&old, old_name, data, len, d)) == 0)
            lit_diff_compute(&news, &old, &db.cat, &db.topics);
        free(data);
    }
    lit_outdir od;
    if (rc == 0) {
        const char **names = lit_xmalloc((r->n_outs + 1) * sizeof *names);
        for (size_t i = 0; i < r->n_outs; i++) names[i] = r->outs[i].name;
        rc = lit_outdir_begin(&od, r->out_dir, names, r->n_outs, d);
        free(names);
    }
    if (rc == 0) {
        d->from = od.stage;   /* messages name the outputs where they will be */
        d->as = r->out_dir;
        build b = {r, od.stage, progress, 0, (int)r->n_outs, d, r->new_since ? &news : NULL};
        rc = build_all(&b, &s, &st, &k);
        d->from = d->as = NULL;
        if (rc == 0) rc = lit_outdir_commit(&od, d);
        else lit_outdir_abort(&od);
    }
    lit_lock_release(&lock);
    lit_diff_free(&news);
    lit_catalog_free(&old);
    free(old_name);
    lit_style_free(&st);
    lit_check_free(&k);
    if (have_stats) lit_stats_free(&s);
    lit_db_free(&db);
    if (rc == 0) return 0;
    return d->io_errors ? LIT_EXIT_IO : LIT_EXIT_DATA;
}
