/* gen_shapes.c - the adversarial inputs of issue 23 (section 4) at any size, for make bench. */
/*
 * gen_shapes SHAPE N FILE
 *
 *   copies  N   a Markdown list of N copies of one entry (dedupe merges them into one paper)
 *   title   N   a catalog of N papers whose titles are 40,000 characters without a space
 *               (report.pdf lays them out)
 *   links   N   a Markdown list with one line of N MB of links between two real entries
 *   chain   N   a catalog of N topics, each the parent of the next, every parent listed
 *               before its child, and a paper in every tenth topic
 *   ris     N   a RIS file of N "TY  - JOUR" lines (N entries, none closed, none titled)
 *
 * The same arguments always give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fputs("usage: gen_shapes copies|title|links|chain|ris N FILE\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc != 4) return usage();
    const char *shape = argv[1];
    char *end;
    long n = strtol(argv[2], &end, 10);
    if (*end || n < 1) return usage();
    FILE *f = fopen(argv[3], "w");
    if (!f) {
        perror(argv[3]);
        return 1;
    }
    if (!strcmp(shape, "copies")) {
        fputs("# Copies\n\n## Scheduling\n\n", f);
        for (long i = 0; i < n; i++)
            fputs("- [OSDI'20] Gavel: Heterogeneity-Aware Cluster Scheduling Policies for Deep Learning Workloads "
                  "[[paper]](https://www.usenix.org/conference/osdi20/presentation/narayanan-deepak)\n", f);
    } else if (!strcmp(shape, "title")) {
        fputs("papers:\n", f);
        for (long i = 0; i < n; i++) {
            fprintf(f, "- key: p%ld-osdi20\n  title: ", i);
            for (int k = 0; k < 4000; k++) fputs("Abcdefghij", f);
            fprintf(f, "%ld\n  venue: OSDI\n  year: 2020\n  topics: [scheduling]\n", i);
        }
    } else if (!strcmp(shape, "links")) {
        fputs("# Links\n\n- [OSDI'20] A Real Paper Before the Long Line\n- ", f);
        for (long i = 0, bytes = 0; bytes < n * 1000000; i++) bytes += fprintf(f, "[a](https://x.org/%07ld) ", i);
        fputs("\n- [SOSP'19] A Real Paper After the Long Line\n", f);
    } else if (!strcmp(shape, "chain")) {
        fputs("papers:\n", f);
        for (long i = 0; i < n; i += 10)
            fprintf(f, "- key: p%ld\n  title: Paper number %ld on things\n  venue: OSDI\n  year: %ld\n  topics: [t%ld]\n", i,
                    i, 2000 + i % 20, i);
        fputs("topics:\n", f);
        for (long i = 0; i < n; i++) {
            fprintf(f, "- id: t%ld\n  label: Topic %ld\n", i, i);
            if (i) fprintf(f, "  parent: t%ld\n", i - 1);
        }
    } else if (!strcmp(shape, "ris")) {
        for (long i = 0; i < n; i++) fputs("TY  - JOUR\n", f);
    } else {
        fclose(f);
        return usage();
    }
    if (fclose(f) != 0) {
        perror(argv[3]);
        return 1;
    }
    return 0;
}
