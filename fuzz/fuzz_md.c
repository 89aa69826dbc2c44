/* fuzz_md.c - libFuzzer target for the Markdown/plain-text list importer (lit_import_list), with the
 * fixture venue and topic tables and in both strict and lenient mode. */
#include "fuzz.h"
#include "catalog.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(lit_import_list, "fuzz.md", data, size);
}
