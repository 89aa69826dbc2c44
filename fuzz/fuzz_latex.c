/* fuzz_latex.c - libFuzzer target for the LaTeX writer: the input as text through
 * lit_tex_escape, and as a catalog through every table; the output must stay ASCII with
 * balanced braces and environments, whatever the titles hold. */
#include "fuzz.h"
#include "catalog.h"
#include "latex_text.h"
#include "out_latex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ASCII without control characters (but newlines), braces balanced outside control
 * symbols, no ^^ (TeX would read it as a character code). */
static void check_tex(const char *s, int lines)
{
    int depth = 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c > 0x7E || (c < 0x20 && !(lines && c == '\n'))) abort();
        if (c == '^' && p[1] == '^') abort();
        if (c == '%' && lines) {            /* a comment line of the fragment's header */
            while (p[1] && p[1] != '\n') p++;
            continue;
        }
        if (c == '\\' && p[1]) { p++; continue; }
        if (c == '{') depth++;
        if (c == '}' && --depth < 0) abort();
    }
    if (depth != 0) abort();
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lit_venues vs;
    static lit_topics ts;
    static int loaded;
    lit_diag d;
    fuzz_diag(&d);
    if (!loaded) {
        loaded = 1;
        if (lit_venues_load(&vs, FUZZ_ROOT "/tests/fixtures/latex/venues.yaml", &d) != 0) abort();
        if (lit_topics_load(&ts, FUZZ_ROOT "/tests/fixtures/latex/topics.yaml", &d) != 0) abort();
    }
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    lit_buf b = LIT_BUF_INIT;
    lit_tex_escape(&b, text, NULL);
    check_tex(lit_buf_str(&b), 0);
    lit_buf_reset(&b);
    lit_tex_url(&b, text);
    check_tex(lit_buf_str(&b), 0);
    free(text);

    lit_db db;
    memset(&db, 0, sizeof db);
    lit_catalog_init(&db.cat);
    if (lit_catalog_load_mem(&db.cat, "fuzz.yaml", (const char *)data, size, &d) == 0) {
        db.venues = vs;      /* shared, not owned: only the catalog is freed */
        db.topics = ts;
        lit_stats s;
        if (lit_stats_compute(&s, &db, NULL, &d) != 0) abort();
        for (int t = 0; lit_latex_tables[t]; t++) {
            for (int sa = 0; sa < 2; sa++) {
                lit_latex_opts o;
                lit_latex_opts_init(&o);
                o.standalone = sa;
                o.links = sa;
                o.group = t == 1 ? LIT_LATEX_GROUP_AREA : t == 3 ? LIT_LATEX_GROUP_TOPIC : LIT_LATEX_GROUP_DEFAULT;
                lit_buf_reset(&b);
                if (lit_latex_render(&b, lit_latex_tables[t], &s, &o, &d) != 0) abort();
                check_tex(lit_buf_str(&b), 1);
                if (count(b.data, "\\begin{") != count(b.data, "\\end{")) abort();
            }
        }
        lit_stats_free(&s);
    }
    lit_catalog_free(&db.cat);
    lit_buf_free(&b);
    return 0;
}
