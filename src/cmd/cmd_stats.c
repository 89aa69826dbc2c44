/* cmd_stats.c - `litsurvey stats`: counts as text, CSV, JSON or Markdown. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "outfile.h"

/* A table of cells, rendered in each format; numeric columns are right-aligned
 * in text and unquoted in JSON. */
typedef struct table {
    size_t ncols, nrows;
    char **cells;          /* (nrows + 1) * ncols, header first */
    unsigned char *numeric;
    size_t cap;
} table;

static void cell(table *t, size_t row, size_t col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void cell(table *t, size_t row, size_t col, const char *fmt, ...)
{
    size_t need = (row + 1) * t->ncols;
    if (need > t->cap) {
        size_t old = t->cap;
        LIT_GROW(t->cells, t->cap, need);
        memset(t->cells + old, 0, (t->cap - old) * sizeof *t->cells);
    }
    if (row > t->nrows) t->nrows = row;
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(t->cells[row * t->ncols + col]);
    t->cells[row * t->ncols + col] = lit_xstrdup(buf);
}

static const char *at(const table *t, size_t row, size_t col)
{
    const char *s = t->cells[row * t->ncols + col];
    return s ? s : "";
}

static void table_free(table *t)
{
    for (size_t i = 0; i < (t->nrows + 1) * t->ncols; i++) free(t->cells[i]);
    free(t->cells);
    free(t->numeric);
}

/* Display width of UTF-8 text: code points, good enough for aligned columns. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

static void json_str(lit_buf *b, const char *s)
{
    lit_buf_addc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') lit_buf_printf(b, "\\%c", c);
        else if (c < 0x20) lit_buf_printf(b, "\\u%04x", c);
        else lit_buf_addc(b, (char)c);
    }
    lit_buf_addc(b, '"');
}

static void render(lit_buf *b, const table *t, const char *format, const char *by, const lit_stats *s)
{
    if (strcmp(format, "json") == 0) {
        lit_buf_adds(b, "{\"by\": ");
        json_str(b, by);
        lit_buf_printf(b, ", \"papers\": %zu, \"catalog\": %zu, \"without_year\": %zu, \"without_venue\": %zu, \"rows\": [",
                       s->n_papers, s->n_total, s->n_no_year, s->n_no_venue);
        for (size_t r = 1; r <= t->nrows; r++) {
            lit_buf_adds(b, r > 1 ? ",\n  {" : "\n  {");
            for (size_t c = 0; c < t->ncols; c++) {
                if (c) lit_buf_adds(b, ", ");
                json_str(b, at(t, 0, c));
                lit_buf_adds(b, ": ");
                const char *v = at(t, r, c);
                if (t->numeric[c] && !*v) lit_buf_adds(b, "null");
                else if (t->numeric[c] && strspn(v, "0123456789.") == strlen(v)) lit_buf_adds(b, v);
                else json_str(b, v);
            }
            lit_buf_addc(b, '}');
        }
        lit_buf_adds(b, "\n]}\n");
        return;
    }
    if (strcmp(format, "csv") == 0) {
        for (size_t r = 0; r <= t->nrows; r++) {
            for (size_t c = 0; c < t->ncols; c++) {
                if (c) lit_buf_addc(b, ',');
                lit_buf_add_csv(b, at(t, r, c));
            }
            lit_buf_adds(b, "\r\n");
        }
        return;
    }
    int md = strcmp(format, "md") == 0;
    size_t *w = lit_xcalloc(t->ncols, sizeof *w);
    for (size_t r = 0; r <= t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++)
            if (width(at(t, r, c)) > w[c]) w[c] = width(at(t, r, c));
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *v = at(t, r, c);
            size_t pad = w[c] - width(v);
            lit_buf_adds(b, md ? (c ? " | " : "| ") : (c ? "  " : ""));
            if (t->numeric[c]) for (size_t i = 0; i < pad; i++) lit_buf_addc(b, ' ');
            for (const char *p = v; *p; p++) {
                if (md && *p == '|') lit_buf_addc(b, '\\');
                lit_buf_addc(b, *p);
            }
            if (!t->numeric[c] && (md || c + 1 < t->ncols)) for (size_t i = 0; i < pad; i++) lit_buf_addc(b, ' ');
        }
        lit_buf_adds(b, md ? " |\n" : "\n");
        if (r == 0 && md) {
            for (size_t c = 0; c < t->ncols; c++) {
                lit_buf_adds(b, c ? " | " : "| ");
                for (size_t i = 0; i < w[c]; i++) lit_buf_addc(b, i + 1 == w[c] && t->numeric[c] ? ':' : '-');
            }
            lit_buf_adds(b, " |\n");
        }
    }
    free(w);
    if (!md) {
        lit_buf_printf(b, "\n%zu papers", s->n_papers);
        if (s->n_papers != s->n_total) lit_buf_printf(b, " (of %zu in the catalog)", s->n_total);
        lit_buf_printf(b, "; %zu without a year, %zu without a venue, %zu without a topic\n", s->n_no_year,
                       s->n_no_venue, s->n_no_topic);
    }
}

static void counts(table *t, const char *what, const lit_count *rows, size_t n, size_t none, size_t total)
{
    t->ncols = 3;
    t->numeric = lit_xcalloc(3, 1);
    t->numeric[1] = t->numeric[2] = 1;
    cell(t, 0, 0, "%s", what);
    cell(t, 0, 1, "papers");
    cell(t, 0, 2, "share");
    size_t r = 1;
    for (size_t i = 0; i < n; i++, r++) {
        cell(t, r, 0, "%s", rows[i].name);
        cell(t, r, 1, "%zu", rows[i].count);
        cell(t, r, 2, "%.1f", lit_share(rows[i].count, total));
    }
    if (none) {
        cell(t, r, 0, "(none)");
        cell(t, r, 1, "%zu", none);
        cell(t, r, 2, "%.1f", lit_share(none, total));
    }
}

static void matrix(table *t, const char *what, const lit_stats *s, const lit_count *rows, size_t n, const size_t *m)
{
    t->ncols = s->n_years + 2;
    t->numeric = lit_xcalloc(t->ncols, 1);
    memset(t->numeric + 1, 1, t->ncols - 1);
    cell(t, 0, 0, "%s", what);
    for (size_t y = 0; y < s->n_years; y++) cell(t, 0, y + 1, "%d", s->year_min + (int)y);
    cell(t, 0, t->ncols - 1, "total");
    for (size_t i = 0; i < n; i++) {
        size_t total = 0;
        cell(t, i + 1, 0, "%s", rows[i].name);
        for (size_t y = 0; y < s->n_years; y++) {
            cell(t, i + 1, y + 1, "%zu", m[i * s->n_years + y]);
            total += m[i * s->n_years + y];
        }
        cell(t, i + 1, t->ncols - 1, "%zu", total);
    }
}

static const char usage_text[] =
    "usage: litsurvey stats [--by venue|year|topic|topic-year|venue-year|kind|area|lists]\n"
    "                       [--format text|csv|json|md] [-o FILE] [--top N] [options]\n\n"
    "Counts papers of the catalog. Papers without a year, venue or topic are counted\n"
    "as '(none)', never dropped; a paper in two topics counts in both.\n\n"
    "  -b, --by WHAT        what to count by (default venue)\n"
    "  -f, --format FMT     text (default), csv, json or md\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "      --top N          only the N largest rows (venues), the rest as 'other'\n"
    LIT_COMMON_HELP;

int lit_cmd_stats(int argc, char **argv, lit_diag *d)
{
    enum { OPT_TOP = LIT_OPT_FIRST_CMD };
    static const struct option longopts[] = {
        {"by", required_argument, 0, 'b'}, {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'}, {"top", required_argument, 0, OPT_TOP},
        LIT_COMMON_LONGOPTS, {0, 0, 0, 0}};
    static const char *const bys[] = {"venue", "year", "topic", "topic-year", "venue-year", "kind", "area", "lists"};
    static const char *const formats[] = {"text", "csv", "json", "md"};
    lit_cli cli;
    lit_cli_init(&cli);
    const char *by = "venue", *format = "text", *out = "-";
    long top = 0;
    int opt, rc = 0;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "b:f:o:" LIT_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
        int handled = lit_cli_option(&cli, opt, optarg, d);
        if (handled < 0) { rc = LIT_EXIT_USAGE; goto out; }
        if (handled) continue;
        switch (opt) {
        case 'b': by = optarg; break;
        case 'f': format = optarg; break;
        case 'o': out = optarg; break;
        case OPT_TOP: {
            char *end;
            top = strtol(optarg, &end, 10);
            if (*end || top < 1) { rc = lit_usage_error("stats", "--top needs a positive number"); goto out; }
            break;
        }
        case 'h': fputs(usage_text, stdout); goto out;
        default: rc = lit_usage_error("stats", "unknown option"); goto out;
        }
    }
    size_t bi = 0, fi = 0;
    while (bi < 8 && strcmp(by, bys[bi]) != 0) bi++;
    while (fi < 4 && strcmp(format, formats[fi]) != 0) fi++;
    if (bi == 8) { rc = lit_usage_error("stats", "unknown --by '%s'", by); goto out; }
    if (fi == 4) { rc = lit_usage_error("stats", "unknown --format '%s'", format); goto out; }
    if (optind < argc) { rc = lit_usage_error("stats", "unexpected argument '%s'", argv[optind]); goto out; }

    lit_db db;
    lit_stats s;
    if ((rc = lit_cli_load(&cli, &db, &s, d)) != 0) {
        lit_db_free(&db);
        goto out;
    }
    table t = {0};
    size_t other = 0, n;
    switch (bi) {
    case 0:
        n = lit_stats_top(s.venues, s.n_venues, (size_t)top, &other);
        counts(&t, "venue", s.venues, n, s.n_no_venue, s.n_papers);
        if (other) {
            cell(&t, t.nrows + 1, 0, "other");
            cell(&t, t.nrows, 1, "%zu", other);
            cell(&t, t.nrows, 2, "%.1f", lit_share(other, s.n_papers));
        }
        break;
    case 1: {
        t.ncols = 3;
        t.numeric = lit_xcalloc(3, 1);
        t.numeric[0] = t.numeric[1] = t.numeric[2] = 1;
        cell(&t, 0, 0, "year");
        cell(&t, 0, 1, "papers");
        cell(&t, 0, 2, "cumulative");
        size_t cum = 0;
        for (size_t y = 0; y < s.n_years; y++) {
            cum += s.per_year[y];
            cell(&t, y + 1, 0, "%d", s.year_min + (int)y);
            cell(&t, y + 1, 1, "%zu", s.per_year[y]);
            cell(&t, y + 1, 2, "%zu", cum);
        }
        if (s.n_no_year) {
            cell(&t, s.n_years + 1, 0, "(none)");
            cell(&t, s.n_years + 1, 1, "%zu", s.n_no_year);
        }
        break;
    }
    case 2: counts(&t, "topic", s.topics, s.n_topics, s.n_no_topic, s.n_papers); break;
    case 3: matrix(&t, "topic", &s, s.topics, s.n_topics, s.topic_year); break;
    case 4: matrix(&t, "venue", &s, s.venues, s.n_venues, s.venue_year); break;
    case 5: counts(&t, "kind", s.kinds, s.n_kinds, s.n_no_venue, s.n_papers); break;
    case 6: counts(&t, "area", s.areas, s.n_areas, s.n_no_venue, s.n_papers); break;
    case 7:
        t.ncols = 2;
        t.numeric = lit_xcalloc(2, 1);
        t.numeric[0] = t.numeric[1] = 1;
        cell(&t, 0, 0, "lists");
        cell(&t, 0, 1, "papers");
        for (size_t k = 0; k <= s.max_nlists; k++) {
            cell(&t, k + 1, 0, "%zu", k);
            cell(&t, k + 1, 1, "%zu", s.per_nlists[k]);
        }
        break;
    }
    if (t.ncols && !t.cells) cell(&t, 0, 0, "%s", bys[bi]);
    lit_buf b = LIT_BUF_INIT;
    render(&b, &t, format, by, &s);
    if ((rc = lit_check_outputs("stats", &out, 1)) == 0 && lit_write_file(out, lit_buf_str(&b), b.len, d) != 0)
        rc = LIT_EXIT_IO;
    lit_buf_free(&b);
    table_free(&t);
    lit_stats_free(&s);
    lit_db_free(&db);
out:
    lit_cli_free(&cli);
    return rc;
}
