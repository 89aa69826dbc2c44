/* yaml_parse.c - the benchmark baseline: reading a file, and libyaml's bare event parse of it. */
/*
 * yaml_parse FILE
 *
 * Prints, as key=value lines: the file's size, the time to read it into memory, the wall
 * and CPU time of libyaml's event parse (yaml_parser_set_input_file, every event fetched and deleted,
 * nothing kept), the number of events and the peak resident memory. This is the floor
 * for any YAML loader built on libyaml: `make bench` compares the catalog load with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <yaml.h>

static double cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: yaml_parse FILE\n");
        return 2;
    }
    const char *path = argv[1];

    /* Reading the bytes alone (the page cache is warm after the first run). */
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 3;
    }
    static char buf[1 << 20];
    size_t bytes = 0, got;
    double t0 = now();
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) bytes += got;
    double t_read = now() - t0;
    rewind(f);

    yaml_parser_t p;
    yaml_event_t ev;
    if (!yaml_parser_initialize(&p)) {
        fprintf(stderr, "yaml_parse: out of memory\n");
        return 1;
    }
    yaml_parser_set_input_file(&p, f);
    size_t events = 0, scalars = 0;
    int done = 0, rc = 0;
    t0 = now();
    double c0 = cpu();
    while (!done) {
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "%s:%zu:%zu: error: %s\n", path, p.problem_mark.line + 1, p.problem_mark.column + 1,
                    p.problem ? p.problem : "invalid YAML");
            rc = 1;
            break;
        }
        events++;
        if (ev.type == YAML_SCALAR_EVENT) scalars++;
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    double t_parse = now() - t0, c_parse = cpu() - c0;
    yaml_parser_delete(&p);
    fclose(f);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("file=%s\nbytes=%zu\nread_s=%.4f\nparse_s=%.4f\nparse_cpu_s=%.4f\nevents=%zu\nscalars=%zu\nparse_mb_s=%.1f\nmaxrss_kb=%ld\n",
           path, bytes, t_read, t_parse, c_parse, events, scalars, t_parse > 0 ? (double)bytes / 1e6 / t_parse : 0.0,
           ru.ru_maxrss);
    return rc;
}
