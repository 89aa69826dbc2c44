/* fuzz_report.c - libFuzzer target for the report spec parser (lit_report_load_mem):
 * whatever it accepts names outputs that stay inside the report's folder. */
#include "fuzz.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_name(const char *s)
{
    if (!s) return;
    if (!*s || s[0] == '/' || s[0] == '.' || strchr(s, '/') || strstr(s, "..")) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lit_diag d;
    fuzz_diag(&d);
    lit_report r;
    int rc = lit_report_load_mem(&r, "reports/fuzz.yaml", (const char *)data, size, &d);
    if (rc != 0 && d.errors == 0) abort();
    if (rc == 0) {
        check_name(r.spreadsheet);
        check_name(r.bib);
        check_name(r.pdf);
        check_name(r.latex);
    }
    lit_report_free(&r);
    return 0;
}
