/* bench_stages.c - times each pipeline stage in one process: wall time and peak memory per stage. */
/*
 * bench_stages [--venues FILE] [--topics FILE] [--style NAME] [--stages LIST] [-o DIR] CATALOG
 *
 * Runs load, stats, charts (four kinds, PDF and SVG), xlsx and LaTeX (topics and
 * venue-year tables) on CATALOG, one after the other, writing the outputs into DIR
 * (default: a fresh folder under /tmp, removed at the end); then dedupe (find the
 * duplicate pairs and merge them), last because merging changes the catalog. --stages
 * picks some of them (load always runs; charts, xlsx and latex need stats). For each
 * stage it prints one tab-separated line:
 *
 *     STAGE  SECONDS  CPU_SECONDS  PEAK_KB  NOTE
 *
 * SECONDS is wall time (CLOCK_MONOTONIC), CPU_SECONDS user + system time of all threads;
 * PEAK_KB is the highest resident set size during the stage (VmHWM, reset before each
 * stage through /proc/self/clear_refs; where that cannot be reset, the process's peak so
 * far). A stage whose module is not in the build prints "n/a" and the reason instead of
 * numbers. The line "total" sums the build's stages (load, stats, charts, xlsx, latex:
 * not dedupe, which belongs to import) and gives the process's peak (getrusage
 * ru_maxrss). Diagnostics go to stderr.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "chart.h"
#include "db.h"
#include "out_latex.h"
#include "out_xlsx.h"
#include "stats.h"
#include "style.h"
#if defined(__has_include)
#if __has_include("dedupe.h")
#define HAVE_DEDUPE_H 1
#include "dedupe.h"
#endif
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int hwm_resettable;

/* Starts a stage's memory window: the kernel's high-water mark drops to the current RSS. */
static void hwm_reset(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f) return;
    hwm_resettable = fputs("5", f) >= 0;
    if (fclose(f) != 0) hwm_resettable = 0;
}

static long hwm_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) v = atol(line + 6);
    if (f) fclose(f);
    if (v < 0) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        v = ru.ru_maxrss;
    }
    return v;
}

static double cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static double total, total_cpu;
static const char *only;   /* --stages */

static int wanted(const char *name)
{
    if (!only) return 1;
    size_t n = strlen(name);
    for (const char *p = only; (p = strstr(p, name)); p += n)
        if ((p == only || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) return 1;
    return 0;
}

typedef struct stage { const char *name; double t0, c0; } stage;

static stage stage_start(const char *name)
{
    hwm_reset();
    stage s = {name, now(), cpu()};
    return s;
}

static void stage_end(stage s, int rc, const char *note)
{
    double dt = now() - s.t0, dc = cpu() - s.c0;
    if (strcmp(s.name, "dedupe") != 0) {
        total += dt;
        total_cpu += dc;
    }
    printf("%s\t%.4f\t%.4f\t%ld\t%s%s\n", s.name, dt, dc, hwm_kb(), rc == 0 ? "" : "FAILED ", note ? note : "");
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const char *venues = NULL, *topics = NULL, *style = "talk", *outdir = NULL;
    static const struct option longopts[] = {
        {"venues", required_argument, 0, 'V'}, {"topics", required_argument, 0, 'T'},
        {"stages", required_argument, 0, 'S'},
        {"style", required_argument, 0, 's'}, {"output", required_argument, 0, 'o'}, {0, 0, 0, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'V': venues = optarg; break;
        case 'T': topics = optarg; break;
        case 's': style = optarg; break;
        case 'S': only = optarg; break;
        case 'o': outdir = optarg; break;
        default: goto usage;
        }
    }
    if (optind + 1 != argc) {
    usage:
        fprintf(stderr, "usage: bench_stages [--venues FILE] [--topics FILE] [--style NAME] [--stages LIST] [-o DIR] CATALOG\n");
        return 2;
    }
    const char *catalog = argv[optind];
    char tmpdir[] = "/tmp/bench_stages-XXXXXX";
    if (!outdir) {
        if (!mkdtemp(tmpdir)) {
            perror("mkdtemp");
            return 3;
        }
        outdir = tmpdir;
    } else if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
        perror(outdir);
        return 3;
    }
    lit_diag d;
    lit_diag_init(&d, stderr);
    char path[4096];
    int failed = 0;

    lit_db db;
    stage st = stage_start("load");
    int rc = lit_db_load(&db, catalog, venues, topics, &d);
    char note[160];
    snprintf(note, sizeof note, "parsed by %d thread%s", db.cat.load_threads, db.cat.load_threads == 1 ? "" : "s");
    stage_end(st, rc, note);
    if (rc != 0) {
        lit_db_free(&db);
        return 1;
    }
    printf("# papers\t%zu\n", db.cat.n_papers);

    lit_stats s;
    memset(&s, 0, sizeof s);
    int have_stats = 0;
    if (wanted("stats") || wanted("charts") || wanted("xlsx") || wanted("latex")) {
        st = stage_start("stats");
        rc = lit_stats_compute(&s, &db, NULL, &d);
        stage_end(st, rc, NULL);
        if (rc != 0) {
            lit_db_free(&db);
            return 1;
        }
        have_stats = 1;
    }

    lit_style sty;
    memset(&sty, 0, sizeof sty);
    static const char *const kinds[] = {"venues", "years", "topic-trend", "topic-heatmap"};
    static const char *const exts[] = {"pdf", "svg"};
    rc = have_stats ? lit_style_load(&sty, style, catalog, &d) : 0;
    if (rc != 0) lit_style_default(&sty);
    if (have_stats && wanted("charts")) {
    st = stage_start("charts");
    rc = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++) {
            lit_chart_opts co = {0};
            snprintf(path, sizeof path, "%s/%s.%s", outdir, kinds[k], exts[e]);
            rc |= lit_chart_render(kinds[k], &s, &sty, &co, path, &d) != 0;
        }
    stage_end(st, rc, "4 charts x PDF+SVG");
    failed |= rc;
    }

    if (have_stats && wanted("xlsx")) {
        st = stage_start("xlsx");
        snprintf(path, sizeof path, "%s/survey.xlsx", outdir);
        rc = lit_xlsx_write(&s, &sty, path, &d);
        stage_end(st, rc, NULL);
        failed |= rc != 0;
    }

    static const char *const tables[] = {"topics", "venue-year"};
    if (have_stats && wanted("latex")) {
    st = stage_start("latex");
    rc = 0;
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        lit_latex_opts lo;
        lit_latex_opts_init(&lo);
        snprintf(path, sizeof path, "%s/%s.tex", outdir, tables[t]);
        rc |= lit_latex_write(tables[t], &s, &lo, path, &d) != 0;
    }
    stage_end(st, rc, "topics + venue-year tables");
    failed |= rc;
    }
    lit_style_free(&sty);
    if (have_stats) lit_stats_free(&s);

    if (wanted("dedupe")) {
#ifdef HAVE_DEDUPE_H
        lit_dedupe dd;
        memset(&dd, 0, sizeof dd);
        size_t before = db.cat.n_papers;
        st = stage_start("dedupe");
        lit_dedupe_find(&db.cat, &db.venues, &dd);
        lit_dedupe_merge(&db.cat, 0, &db.venues, &db.topics, &dd);
        snprintf(note, sizeof note, "%zu pairs merged, %zu unsure: %zu -> %zu papers", dd.n_merged, dd.n_unsure,
                 before, db.cat.n_papers);
        stage_end(st, 0, note);
        lit_dedupe_free(&dd);
#else
        printf("dedupe\tn/a\tn/a\tn/a\tnot built (src/import/dedupe.h has not landed)\n");
#endif
    }

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("total\t%.4f\t%.4f\t%ld\t%s\n", total, total_cpu, ru.ru_maxrss,
           hwm_resettable ? "load+stats+charts+xlsx+latex" : "(peaks are cumulative)");
    lit_db_free(&db);
    if (outdir == tmpdir) {
        static const char *const names[] = {"survey.xlsx", "topics.tex", "venue-year.tex"};
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++) {
                snprintf(path, sizeof path, "%s/%s.%s", outdir, kinds[k], exts[e]);
                unlink(path);
            }
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            snprintf(path, sizeof path, "%s/%s", outdir, names[i]);
            unlink(path);
        }
        rmdir(outdir);
    }
    return failed ? 1 : 0;
}
