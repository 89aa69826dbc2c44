/* cmd_diff.c - `litsurvey diff OLD NEW`: papers added, removed and changed. */
#include "cli.h"
int lit_cmd_diff(int argc, char **argv, lit_diag *d)
{
    (void)argc; (void)argv; (void)d;
    return lit_usage_error("diff", "not yet");
}
