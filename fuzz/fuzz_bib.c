/* fuzz_bib.c - libFuzzer target for the BibTeX importer (lit_import_bib), with the
 * fixture venue and topic tables and in both strict and lenient mode. */
#include "fuzz.h"
#include "catalog.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(lit_import_bib, "fuzz.bib", data, size);
}
