/* import_ris.c - RIS into catalog papers (stub until the reader lands). */
#include "import_ref.h"
int lit_import_ris(lit_catalog *cat, const char *path, const char *data, size_t len,
                   const lit_import_opts *o, lit_diag *d)
{
    (void)cat; (void)data; (void)len; (void)o;
    return lit_error(d, path, 0, 0, "RIS import is not built yet");
}
