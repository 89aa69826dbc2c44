/* cmd_import.c - `litsurvey import`: not built yet (its issue fills it in). */
#include "cli.h"

int lit_cmd_import(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    fprintf(stderr, "litsurvey import: not implemented yet\n");
    return LIT_EXIT_USAGE;
}
