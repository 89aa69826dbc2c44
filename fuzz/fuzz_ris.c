/* fuzz_ris.c - libFuzzer target for the RIS importer (lit_import_ris), with the
 * fixture venue and topic tables and in both strict and lenient mode. */
#include "fuzz.h"
#include "catalog.h"
#include "import_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(lit_import_ris, "fuzz.ris", data, size);
}
