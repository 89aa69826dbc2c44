/* cmd_build.c - `litsurvey build`: not built yet (its issue fills it in). */
#include "cli.h"

int lit_cmd_build(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    fprintf(stderr, "litsurvey build: not implemented yet\n");
    return LIT_EXIT_USAGE;
}
