/* cmd_xlsx.c - `litsurvey xlsx`: not built yet (its issue fills it in). */
#include "cli.h"

int lit_cmd_xlsx(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    fprintf(stderr, "litsurvey xlsx: not implemented yet\n");
    return LIT_EXIT_USAGE;
}
