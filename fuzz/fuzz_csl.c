/* fuzz_csl.c - libFuzzer target for the CSL-JSON importer (lit_import_csl), with the
 * fixture venue and topic tables and in both strict and lenient mode. */
#include "fuzz.h"
#include "catalog.h"
#include "import_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(lit_import_csl, "fuzz.json", data, size);
}
