/* cmd_chart.c - `litsurvey chart`: not built yet (its issue fills it in). */
#include "cli.h"

int lit_cmd_chart(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    fprintf(stderr, "litsurvey chart: not implemented yet\n");
    return LIT_EXIT_USAGE;
}
