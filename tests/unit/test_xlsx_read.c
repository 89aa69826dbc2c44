/* test_xlsx_read.c - the workbook reader on workbooks other programs wrote: files made by
 * real Excel (libxlsxwriter's reference files, fetched into ../realdata/anywhere/excel;
 * skipped when absent): shared strings, rich text, _xHHHH_ escapes, dates in both date
 * systems, times, hidden rows, inline strings; and the workbook litsurvey writes, whose
 * Papers headers must all be ones the sheet importer knows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "db.h"
#include "import.h"
#include "out_xlsx.h"
#include "stats.h"
#include "style.h"
#include "xlsx_read.h"

#define REAL "../realdata/anywhere/excel/"

/* The cells of one sheet as "A1=text" lines. */
typedef struct dump { char buf[1 << 16]; size_t n; int rows; } dump;

static int add_row(void *ctx, long r, const char *const *cells, size_t n)
{
    dump *d = ctx;
    char name[16];
    for (size_t c = 0; c < n; c++)
        if (cells[c] && d->n < sizeof d->buf - 200)
            d->n += (size_t)snprintf(d->buf + d->n, sizeof d->buf - d->n, "%s=%s\n", lit_xlsx_cell_name(name, c, r),
                                     cells[c]);
    d->rows++;
    return 0;
}

/* The dump of sheet i of path, or NULL when the file is not there (skipped). */
static const char *cells_of(const char *path, size_t i, dump *d)
{
    if (access(path, R_OK) != 0) return NULL;
    memset(d, 0, sizeof *d);
    lit_diag dg;
    lit_diag_init(&dg, stderr);
    lit_xlsx *x = lit_xlsx_open(path, &dg);
    CHECK(x != NULL);
    if (!x) return "";
    CHECK_INT(lit_xlsx_rows(x, i, add_row, d, &dg), 0);
    lit_xlsx_close(x);
    return d->buf;
}

static void has(const char *cells, const char *line)
{
    CHECK(strstr(cells, line) != NULL);
    if (!strstr(cells, line)) printf("#   missing %s#   in:\n%.600s\n", line, cells);
}

static void test_excel_files(void)
{
    static dump d;
    const char *c;
    if (!(c = cells_of(REAL "simple04.xlsx", 0, &d))) {
        printf("ok - # SKIP no Excel files in " REAL "\n");
        return;
    }
    has(c, "A1=12:00\n");              /* 0.5 in a time style (numFmtId 20) */
    has(c, "A2=2013-01-27\n");         /* serial 41301, numFmtId 14 */
    if ((c = cells_of(REAL "date_1904_01.xlsx", 0, &d))) {
        has(c, "A1=1900-01-01\n");     /* the 1900 system */
        has(c, "A3=1913-09-08\n");
        has(c, "A6=4637-11-26\n");
    }
    if ((c = cells_of(REAL "date_1904_02.xlsx", 0, &d))) {
        has(c, "A1=1904-01-01\n");     /* workbookPr date1904="1": serial 0 */
        has(c, "A3=1917-09-09\n");
    }
    if ((c = cells_of(REAL "rich_string01.xlsx", 0, &d))) has(c, "A3=abcdefg\n");   /* three runs, one text */
    if ((c = cells_of(REAL "shared_strings01.xlsx", 0, &d))) {
        has(c, "A10=\t\n");            /* a tab kept; _x0000_ .. _x0008_ dropped */
        CHECK(strstr(c, "A1=") == NULL);
        has(c, "A127=");
    }
    if ((c = cells_of(REAL "escapes05.xlsx", 0, &d))) has(c, "A1=Jump to A & B\n");
    if ((c = cells_of(REAL "autofilter02.xlsx", 0, &d))) {
        has(c, "A4=");                 /* a row the filter hides is read too */
        CHECK_INT(d.rows, 51);
    }
    if ((c = cells_of(REAL "optimize01.xlsx", 0, &d))) {
        has(c, "A1=Hello\n");          /* an inline string */
        has(c, "A2=123\n");
    }
}

/* The workbook litsurvey writes: read back, its Papers headers are all known (a header
 * the importer did not know would come back as a column of the group's own). */
static void test_own_workbook(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_db db;
    lit_stats s;
    lit_style st;
    CHECK(lit_db_load(&db, "data/catalog.yaml", NULL, NULL, &d) == 0);
    CHECK(lit_stats_compute(&s, &db, NULL, &d) == 0);
    CHECK(lit_style_load(&st, "talk", NULL, &d) == 0);
    char dir[] = "/tmp/test_xlsx_read.XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/s.xlsx", dir);
    CHECK(lit_xlsx_write(&s, &st, path, &d) == 0);
    lit_sheet_stats ss;
    CHECK_INT(lit_import_sheet(&db.cat, path, &ss, &d), 0);
    CHECK_STR(ss.sheet, "Papers");
    CHECK_INT(ss.rows, db.cat.n_papers);
    CHECK_INT(ss.fields, 0);   /* nothing edited, nothing changed: every column is known */
    CHECK_INT(ss.gone, 0);
    unlink(path);
    rmdir(dir);
    lit_style_free(&st);
    lit_stats_free(&s);
    lit_db_free(&db);
}

int main(void)
{
    test_excel_files();
    test_own_workbook();
    return check_failed_;
}
