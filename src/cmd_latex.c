/* cmd_latex.c - `litsurvey latex`: not built yet (its issue fills it in). */
#include "cli.h"

int lit_cmd_latex(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    fprintf(stderr, "litsurvey latex: not implemented yet\n");
    return LIT_EXIT_USAGE;
}
