/* test_out_xlsx.c - the xlsx writer at Excel's limits (lowered to reach them cheaply), with text
 * no catalog file would hold (invalid UTF-8, control characters), empty, and unwritable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "db.h"
#include "out_xlsx.h"
#include "stats.h"
#include "style.h"

#define FIX "tests/fixtures/xlsx/"
static char errbuf[16384];
static char dir[] = "/tmp/test_out_xlsx.XXXXXX";
static int have_openpyxl;

/* Runs a Python check (argv[1] is the workbook) through openpyxl; passes when it exits 0. */
static int py(const char *xlsx, const char *code)
{
    if (!have_openpyxl) return 1;
    char script[256], out[256], cmd[1024];
    snprintf(script, sizeof script, "%s/check.py", dir);
    snprintf(out, sizeof out, "%s/check.out", dir);
    FILE *f = fopen(script, "w");
    if (!f) return 0;
    fprintf(f, "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n%s\n", code);
    fclose(f);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s >%s 2>&1", script, xlsx, out);
    int rc = system(cmd);
    if (rc != 0 && (f = fopen(out, "r"))) {   /* show why */
        char line[512];
        while (fgets(line, sizeof line, f)) printf("#   %s", line);
        fclose(f);
    }
    return rc == 0;
}

/* Writes s with opts into dir/name; the messages land in errbuf. */
static int write_book(const lit_stats *s, const lit_style *st, const char *name, const lit_xlsx_opts *o,
                      lit_diag *d, char *path, size_t n)
{
    snprintf(path, n, "%s/%s", dir, name);
    memset(errbuf, 0, sizeof errbuf);
    FILE *f = fmemopen(errbuf, sizeof errbuf - 1, "w");
    lit_diag_init(d, f);
    int rc = lit_xlsx_write_opts(s, st, path, o, d);
    fclose(f);
    return rc;
}

static void add_paper(lit_catalog *c, const char *key, const char *title, const char *short_name)
{
    lit_paper *p = lit_catalog_add(c);
    p->key = lit_arena_strdup(&c->arena, key);
    p->title = lit_arena_strdup(&c->arena, title);
    p->short_name = lit_arena_strdup(&c->arena, short_name);
    p->year = 2020;
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    have_openpyxl = system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") == 0;
    if (!have_openpyxl) printf("ok - # SKIP openpyxl checks: /usr/bin/python3 has no openpyxl\n");
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_db db;
    CHECK(lit_db_load(&db, FIX "catalog.yaml", FIX "venues.yaml", FIX "topics.yaml", &d) == 0);
    lit_stats s;
    CHECK(lit_stats_compute(&s, &db, NULL, &d) == 0);
    lit_style st;
    CHECK(lit_style_load(&st, "talk", FIX "catalog.yaml", &d) == 0);
    char path[512];

    /* Excel's limits, lowered: 4 rows, 5 links, 10 characters a cell. */
    lit_xlsx_opts o = LIT_XLSX_OPTS_INIT;
    o.max_rows = 4, o.max_links = 5, o.max_cell = 10;
    CHECK(write_book(&s, &st, "limits.xlsx", &o, &d, path, sizeof path) == 0);
    CHECK(strstr(errbuf, "holds 3 of the 7 papers") != NULL);
    CHECK(strstr(errbuf, "cut to Excel's limit of 10 characters") != NULL);
    CHECK(strstr(errbuf, "more than 5 hyperlinks") != NULL);
    CHECK(strstr(errbuf, "sheet 'Venues' holds 3 of 4 rows") != NULL);
    CHECK(strstr(errbuf, "catalog.yaml:") != NULL);   /* cut cells point at their paper */
    CHECK(py(path,
             "ws = wb['Papers']\n"
             "assert ws.max_row == 4, ws.max_row\n"
             "links = [c.coordinate for r in ws.iter_rows() for c in r if c.hyperlink]\n"
             "assert 0 < len(links) <= 5, links\n"
             "assert all(len(c.value) <= 10 for r in ws.iter_rows() for c in r if isinstance(c.value, str)), 'long cell'\n"
             "titles = {c.value: c.data_type for c in ws['A'][1:]}\n"
             "assert titles.get('=SUM(A1)') == 's' and '@x marks t' in titles, titles\n"));

    /* The same in constant-memory mode gives the same cells. */
    o.constant_memory = 1;
    CHECK(write_book(&s, &st, "limits-cm.xlsx", &o, &d, path, sizeof path) == 0);
    CHECK(py(path, "ws = wb['Papers']\nassert ws.max_row == 4 and '=SUM(A1)' in [c.value for c in ws['A']]\n"));

    /* A folder that does not exist: an I/O error, nothing written. */
    snprintf(path, sizeof path, "%s/no/such/x.xlsx", dir);
    FILE *f = fmemopen(errbuf, sizeof errbuf - 1, "w");
    lit_diag_init(&d, f);
    CHECK(lit_xlsx_write(&s, &st, path, &d) == -1);
    fclose(f);
    CHECK(d.io_errors >= 1);
    CHECK(access(path, F_OK) != 0);
    lit_stats_free(&s);

    /* Text no YAML file would carry (an importer bug, say): still a valid workbook. */
    lit_db mem;
    memset(&mem, 0, sizeof mem);
    lit_catalog_init(&mem.cat);
    CHECK(lit_venues_load(&mem.venues, FIX "venues.yaml", &d) == 0);
    CHECK(lit_topics_load(&mem.topics, FIX "topics.yaml", &d) == 0);
    add_paper(&mem.cat, "k1", "bad \xff byte", "\xEF\xBF\xBE");
    add_paper(&mem.cat, "k2", "ctl\x01\x1f chars\ttab", "ok");
    add_paper(&mem.cat, "k3", "cut \xF0\x9F", "_x0041_");
    CHECK(lit_stats_compute(&s, &mem, NULL, &d) == 0);
    lit_xlsx_opts def = LIT_XLSX_OPTS_INIT;
    CHECK(write_book(&s, &st, "text.xlsx", &def, &d, path, sizeof path) == 0);
    CHECK(py(path,
             "ws = wb['Papers']\n"
             "got = [(r[8].value, r[0].value) for r in ws.iter_rows(min_row=2)]\n"
             "want = [('\\ufffd', 'bad \\ufffd byte'), ('ok', 'ctl   chars\\ttab'), ('_x0041_', 'cut \\ufffd\\ufffd')]\n"
             "assert got == want, got\n"));

    /* Nothing selected: every sheet, no chart, no error. */
    lit_stats_free(&s);
    lit_catalog_free(&mem.cat);
    lit_catalog_init(&mem.cat);
    CHECK(lit_stats_compute(&s, &mem, NULL, &d) == 0);
    CHECK(write_book(&s, &st, "empty.xlsx", &def, &d, path, sizeof path) == 0);
    CHECK(py(path,
             "assert len(wb.sheetnames) == 8\n"
             "assert sum(len(ws._charts) for ws in wb) == 0\n"
             "assert wb['Summary']['B3'].value == 0\n"
             "assert wb['Papers'].max_row == 1\n"));
    lit_stats_free(&s);
    lit_db_free(&mem);

    lit_style_free(&st);
    lit_db_free(&db);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) printf("#   could not remove %s\n", dir);
    return CHECK_DONE();
}
