/* report.c - report specs: parse and check reports/NAME.yaml, build everything into NAME/. */
#include "report.h"
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "buf.h"
#include "chart.h"
#include "diff.h"
#include "out_bib.h"
#include "latex_text.h"
#include "out_latex.h"
#include "out_xlsx.h"
#include "catalog_check.h"
#include "out_markdown.h"
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

/* A list of names each of which must be in allowed (what names the list in messages). */
static int name_list(lit_yread *y, lit_arena *a, const char *const *allowed, const char *what,
                     const char ***out, size_t *n)
{
    /* one name alone is a list of one */
    int single = y->tok == LIT_Y_SCALAR && !lit_yread_is_null(y);
    if (!single && lit_yread_expect(y, LIT_Y_SEQ, "a list") != 0) return -1;
    const char **v = lit_arena_alloc(a, 32 * sizeof *v);
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
        v[(*n)++] = lit_arena_strndup(a, y->str, y->len);
        if (single) break;
    }
    if (!single && lit_yread_expect(y, LIT_Y_SEQ_END, "a name") != 0) return -1;
    *out = v;
    return 0;
}

static int parse(lit_report *r, lit_yread *y)
{
    lit_arena *a = &r->arena;
    lit_ykeys seen = {0};
    int rc = lit_yread_expect(y, LIT_Y_MAP, "a report spec (a mapping)");
    while (rc == 0 && lit_yread_next(y) == LIT_Y_SCALAR) {
        if ((rc = lit_yread_key_once(y, &seen)) != 0) break;
        char key[32];
        long kl = y->line, kc = y->col;
        snprintf(key, sizeof key, "%s", y->str);
        lit_yread_next(y);
        if (strcmp(key, "title") == 0) rc = lit_yread_str(y, a, &r->title);
        else if (strcmp(key, "style") == 0) rc = lit_yread_str(y, a, &r->style);
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
            rc = name_list(y, a, lit_chart_kinds, "chart kind", &r->charts, &r->n_charts);
        } else if (strcmp(key, "formats") == 0) {
            rc = name_list(y, a, formats, "format", &r->formats, &r->n_formats);
        } else if (strcmp(key, "tables") == 0) {
            rc = name_list(y, a, lit_latex_tables, "table", &r->tables, &r->n_tables);
        } else if (strcmp(key, "spreadsheet") == 0) rc = output_name(y, a, ".xlsx", &r->spreadsheet);
        else if (strcmp(key, "bib") == 0) rc = output_name(y, a, ".bib", &r->bib);
        else if (strcmp(key, "pdf") == 0) rc = output_name(y, a, ".pdf", &r->pdf);
        else if (strcmp(key, "latex") == 0) rc = output_name(y, a, ".tex", &r->latex);
        else if (strcmp(key, "pdf_page") == 0) {
            const char **v;
            size_t n;
            if (lit_yread_expect(y, LIT_Y_SCALAR, "a4, letter or slides") != 0) rc = -1;
            else if ((rc = name_list(y, a, pdf_pages, "pdf page", &v, &n)) == 0) r->pdf_page = v[0];
        } else if (strcmp(key, "markdown") == 0) {
            rc = output_name(y, a, ".md", &r->markdown);
        } else if (strcmp(key, "new_since") == 0) {
            r->new_since_line = y->line;
            r->new_since_col = y->col;
            if ((rc = lit_yread_str(y, a, &r->new_since)) == 0 && (!r->new_since[0] || r->new_since[0] == '-'))
                rc = lit_yread_error(y, "invalid git revision '%s'", r->new_since);
        } else if (strcmp(key, "top") == 0) {
            long v;
            if ((rc = lit_yread_long(y, 1, 1000, &v)) == 0) r->top = (size_t)v;
        } else {
            y->line = kl;
            y->col = kc;
            rc = lit_yread_error(y, "unknown key '%s' (title, catalog, style, years, venues, topics, charts, "
                                    "formats, spreadsheet, tables, latex, bib, pdf, pdf_page, markdown, new_since, top)", key);
        }
    }
    lit_ykeys_free(&seen);
    if (rc == 0) rc = lit_yread_expect(y, LIT_Y_MAP_END, "a key");
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
    if (!r->n_formats && r->n_charts) {
        r->formats = lit_arena_alloc(a, sizeof *r->formats);
        r->formats[0] = "pdf";
        r->n_formats = 1;
    }
    if (r->n_tables && !r->latex) r->latex = "survey.tex";
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

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)ftw;
    return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Removes a folder this build made (depth first, never following links). */
static void remove_tree(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

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
    if (r->bib) {
        size_t n = strlen(r->bib) - 4; /* without .bib, as \bibliography wants it */
        lit_buf_printf(&doc, "\\bibliographystyle{plain}\n\\bibliography{%.*s}\n", (int)n, r->bib);
    }
    lit_buf_adds(&doc, "\\end{document}\n");
    int rc = lit_write_file(out_path(b, path, r->latex), lit_buf_str(&doc), doc.len, b->d);
    lit_buf_free(&doc);
    return rc;
}

static int write_bib(const lit_stats *s, const char *path, lit_diag *d)
{
    lit_outfile o;
    if (lit_outfile_open(&o, path, d) != 0) return -1;
    if (lit_bib_write(o.fp, &s->db->cat, &s->db->venues, s->sel, s->n_papers, d) != 0) {
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
    for (size_t i = 0; rc == 0 && i < r->n_tables; i++) {
        /* the taxonomy's columns, as the charts' series; the other tables keep their rows */
        lo.top = strcmp(r->tables[i], "taxonomy") == 0 ? r->top : 0;
        lit_buf_reset(&name);
        lit_buf_printf(&name, "%s.tex", r->tables[i]);
        rc = lit_latex_write(r->tables[i], s, &lo, out_path(b, &path, lit_buf_str(&name)), d);
    }
    if (rc == 0 && r->latex) rc = write_latex_document(b, &path);
    if (rc == 0 && r->bib) rc = write_bib(s, out_path(b, &path, r->bib), d);
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
        } else {
            lit_outfile_scratch_add(xlsx);
        }
    }
    free(xlsx);
    lit_buf_free(&path);
    lit_buf_free(&name);
    return rc;
}

/* Replaces out_dir by the fresh folder: the old one is moved aside first and removed
 * only after the new one is in place. */
static int swap_in(const lit_report *r, const char *tmp, lit_diag *d)
{
    struct stat st;
    char *old = NULL;
    if (lstat(r->out_dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return lit_error(d, r->path, 0, 0, "'%s' exists and is not a folder (a link or a file): not replacing it",
                             r->out_dir);
        size_t n = strlen(r->dir) + strlen(r->name) + 32;
        old = lit_xmalloc(n);
        snprintf(old, n, "%s/.%s.old-XXXXXX", r->dir, r->name);
        if (!mkdtemp(old) || rename(r->out_dir, old) != 0) {
            int e = errno;
            free(old);
            return lit_io_error(d, r->out_dir, "cannot replace: %s", strerror(e));
        }
    }
    if (rename(tmp, r->out_dir) != 0) {
        int e = errno;
        if (old) rename(old, r->out_dir);
        free(old);
        return lit_io_error(d, r->out_dir, "cannot write: %s", strerror(e));
    }
    if (old) remove_tree(old);
    free(old);
    return 0;
}

int lit_report_build(const lit_report *r, bool progress, lit_diag *d)
{
    if (access(r->catalog, R_OK) != 0) {
        lit_error(d, r->path, r->catalog_line, r->catalog_col, "cannot open catalog '%s': %s", r->catalog,
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
            fprintf(stderr, "litsurvey: check: %s\n", lit_buf_str(&b));
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
    char *tmp = NULL;
    if (rc == 0) {
        size_t n = strlen(r->dir) + strlen(r->name) + 32;
        tmp = lit_xmalloc(n);
        snprintf(tmp, n, "%s/.%s.new-XXXXXX", r->dir, r->name);
        if (!mkdtemp(tmp)) rc = lit_io_error(d, r->dir, "cannot create a folder: %s", strerror(errno));
        else chmod(tmp, 0755);
    }
    if (rc == 0) {
        lit_outfile_scratch_dir(tmp);
        d->from = tmp;   /* messages name the outputs where they will be */
        d->as = r->out_dir;
        build b = {r, tmp, progress, 0, 0, d, r->new_since ? &news : NULL};
        b.steps = (int)(r->n_charts * (r->n_formats + 1) + r->n_tables) + !!r->spreadsheet + !!r->latex + !!r->bib +
                  !!r->pdf + !!r->markdown;
        rc = build_all(&b, &s, &st, &k);
        if (rc == 0) rc = swap_in(r, tmp, d);
        if (rc != 0) remove_tree(tmp);
        lit_outfile_scratch_dir(NULL);
        d->from = d->as = NULL;
    }
    free(tmp);
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
