/* cmd_bib.c - `litsurvey bib`: not built yet (its issue fills it in). */
#include "cli.h"

int lit_cmd_bib(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    fprintf(stderr, "litsurvey bib: not implemented yet\n");
    return LIT_EXIT_USAGE;
}
