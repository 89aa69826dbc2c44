/* xlsx_read.h - the cells of a worksheet of an .xlsx workbook (as Excel, LibreOffice or
 * litsurvey wrote it), read with minizip and libxml2's SAX2 push parser. Every size is
 * bounded: a part's inflated bytes (and its ratio to the compressed ones: a zip bomb),
 * the shared strings, a cell's text, rows and columns (Excel's own limits); passing one
 * is an error that says which. */
#ifndef LIT_XLSX_READ_H
#define LIT_XLSX_READ_H
#include <stddef.h>
#include "diag.h"

#define LIT_XLSX_MAX_PART (1024L << 20)       /* inflated bytes of one part */
#define LIT_XLSX_MAX_RATIO 200                /* inflated / compressed, past 64 MiB */
#define LIT_XLSX_MAX_STRINGS (256L << 20)     /* bytes of all shared strings */
#define LIT_XLSX_MAX_CELL 65536               /* bytes of a cell's text (Excel: 32,767 chars) */
#define LIT_XLSX_MAX_ROWS 1048576             /* Excel's rows and columns */
#define LIT_XLSX_MAX_COLS 16384

typedef struct lit_xlsx lit_xlsx;

/* Opens the workbook at path and reads its sheet list, shared strings, which cell
 * styles show dates, and its date system (1900 or 1904). NULL after a located error
 * (not a zip, not a workbook, a bound passed). lit_xlsx_close frees it. */
lit_xlsx *lit_xlsx_open(const char *path, lit_diag *d);
void lit_xlsx_close(lit_xlsx *x);
size_t lit_xlsx_sheets(const lit_xlsx *x);
const char *lit_xlsx_sheet_name(const lit_xlsx *x, size_t i);

/* Calls row(ctx, r, cells, n) for each row of sheet i that has a cell with text, in the
 * sheet's order (a sorted or filtered sheet: as it is stored; hidden rows too): r is the
 * 1-based row number, cells[c] the text of column c (0-based), NULL when empty, n one past
 * the last. A number is its shortest text ("3", "2.5"), a number in a date style the date
 * (2024-03-05, with " 14:30" when it has a time), a boolean TRUE or FALSE, an error as
 * shown (#N/A); _xHHHH_ escapes are decoded. row returns nonzero to stop. Returns 0, 1
 * when row stopped, or -1 after a located error. */
int lit_xlsx_rows(lit_xlsx *x, size_t i, int (*row)(void *ctx, long r, const char *const *cells, size_t n),
                  void *ctx, lit_diag *d);

/* "A1"-style name of a cell (col 0-based, row 1-based) into buf. */
const char *lit_xlsx_cell_name(char buf[16], size_t col, long row);

#endif
