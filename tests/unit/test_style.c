/* test_style.c - style files: the shipped styles, inheritance, colours, and located errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "style.h"

/* Loads text as a style; returns the status and the first line of the messages in msg. */
static int load_text(const char *text, char *msg, size_t cap, lit_style *st)
{
    char *path = check_write_tmp("s.yaml", text);
    if (!path) return -99;
    char *buf = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    lit_diag d;
    lit_diag_init(&d, err);
    int rc = lit_style_load(st, path, NULL, &d);
    fclose(err);
    /* drop the folder from the message so tests can compare it */
    const char *m = buf ? buf : "";
    const char *base = strstr(m, "s.yaml");
    snprintf(msg, cap, "%s", base ? base : m);
    char *nl = strchr(msg, '\n');
    if (nl) *nl = 0;
    free(buf);
    check_remove_tmp(path);
    return rc;
}

static int near(double a, double b) { return a - b < 1e-6 && b - a < 1e-6; }

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    lit_style st;

    /* the shipped styles */
    CHECK(lit_style_load(&st, "styles/talk.yaml", NULL, &d) == 0);
    CHECK_STR(st.name, "talk");
    CHECK(near(st.width / st.height, 16.0 / 9.0));
    CHECK(st.font_size >= 18);                    /* readable from the back of the room */
    CHECK(st.n_palette >= 8);
    lit_style_free(&st);

    CHECK(lit_style_load(&st, "styles/paper.yaml", NULL, &d) == 0);
    CHECK_STR(st.name, "paper");
    CHECK(st.width > 3.2 * 72 && st.width < 3.5 * 72);   /* one column of a two-column paper */
    CHECK(st.font_size >= 7 && st.font_size <= 9);       /* beside 10pt body text */
    CHECK(!st.show_title);
    CHECK(st.png_dpi >= 300);
    CHECK(st.n_palette >= 8);                            /* inherited from talk */
    lit_style_free(&st);

    CHECK(lit_style_load(&st, "styles/paper-wide.yaml", NULL, &d) == 0);
    CHECK(st.width > 6.5 * 72 && st.width < 7.2 * 72);   /* \textwidth */
    CHECK(st.font_size >= 7 && st.font_size <= 9);      /* inherited from paper */
    lit_style_free(&st);

    CHECK(lit_style_load(&st, "styles/dark.yaml", NULL, &d) == 0);
    CHECK(lit_rgb_luminance(st.background) < 0.05 && lit_rgb_luminance(st.foreground) > 0.7);
    lit_style_free(&st);

    CHECK(lit_style_load(&st, "styles/poster.yaml", NULL, &d) == 0);
    CHECK(st.font_size >= 28);
    lit_style_free(&st);

    /* every style has colours for the eight series topic-trend shows by default (topics
     * past the palette fold into "other", test_chart.c), none twice */
    {
        static const char *const all[] = {"talk", "paper", "paper-wide", "poster", "dark"};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
            char p[64];
            snprintf(p, sizeof p, "styles/%s.yaml", all[i]);
            CHECK(lit_style_load(&st, p, NULL, &d) == 0);
            CHECK(st.n_palette >= 8);
            int same = 0;
            for (size_t a = 0; a < st.n_palette; a++)
                for (size_t b = a + 1; b < st.n_palette; b++) {
                    char ha[7], hb[7];
                    lit_rgb_hex(st.palette[a], ha);
                    lit_rgb_hex(st.palette[b], hb);
                    same += strcmp(ha, hb) == 0;
                }
            CHECK_INT(same, 0);
            lit_style_free(&st);
        }
    }

    /* colours: one topic one colour, wrapping around the palette; the sequential scale */
    lit_style_default(&st);
    char hex[7];
    lit_rgb_hex(lit_style_series_color(&st, 0), hex);
    CHECK_STR(hex, "E69F00");                            /* Okabe-Ito orange */
    lit_rgb_hex(lit_style_series_color(&st, (int)st.n_palette), hex);
    CHECK_STR(hex, "E69F00");
    lit_rgb_hex(lit_style_series_color(&st, -1), hex);
    CHECK_STR(hex, "C8C8C8");                            /* "other", light: drawn muted */
    lit_rgb_hex(lit_style_seq_color(&st, 0), hex);
    CHECK_STR(hex, "440154");                            /* viridis ends */
    lit_rgb_hex(lit_style_seq_color(&st, 1), hex);
    CHECK_STR(hex, "FDE725");
    lit_rgb_hex(lit_style_seq_color(&st, 7), hex);       /* clamped */
    CHECK_STR(hex, "FDE725");
    CHECK(lit_rgb_luminance(lit_style_seq_color(&st, 0.2)) < lit_rgb_luminance(lit_style_seq_color(&st, 0.8)));
    lit_rgb_hex((lit_rgb){1.5, -1, 0.5}, hex);
    CHECK_STR(hex, "FF0080");
    lit_style_free(&st);

    /* a file: units, short colours, overrides of a base */
    char msg[512];
    CHECK(load_text("page: {width: 4in, height: 50mm, dpi: 200}\n"
                    "sizes: {body: 9}\ncolors: {background: \"#000\"}\n"
                    "palette: [\"#112233\", \"445566\"]\n", msg, sizeof msg, &st) == 0);
    CHECK(near(st.width, 288) && near(st.height, 50 / 25.4 * 72));
    CHECK(near(st.png_dpi, 200) && near(st.font_size, 9));
    CHECK(near(st.title_size, 28));                      /* built-in default kept */
    CHECK_INT(st.n_palette, 2);
    lit_rgb_hex(lit_style_series_color(&st, 3), hex);
    CHECK_STR(hex, "445566");
    CHECK(st.background.r == 0);
    lit_style_free(&st);

    /* errors are located: FILE:LINE:COL */
    CHECK(load_text("page:\n  width: 3furlong\n", msg, sizeof msg, &st) == -1);
    CHECK_STR(msg, "s.yaml:2:10: error: unknown unit 'furlong' (use pt, in, cm or mm)");
    CHECK(load_text("sizes: {body: 9}\ncolours: {}\n", msg, sizeof msg, &st) == -1);
    CHECK_STR(msg, "s.yaml:2:1: error: unknown key 'colours'");
    CHECK(load_text("colors:\n  grid: \"#12345\"\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:2:9: error: expected a colour", 36) == 0);
    CHECK(load_text("palette: []\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:1:10: error: need at least 1 colours", 40) == 0);
    CHECK(load_text("sizes: {body: 9, body: 10}\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:1:", 9) == 0);
    CHECK(load_text("grid: maybe\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:1:7: error:", 18) == 0);
    CHECK(load_text("sizes: {body: 9}\nbase: talk\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:2:1: error: 'base' must come first", 41) == 0);
    CHECK(load_text("base: nosuchstyle\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:1:7: error: unknown base style 'nosuchstyle'", 51) == 0);
    CHECK(load_text("base: s\n", msg, sizeof msg, &st) == -1);   /* s.yaml names itself */
    CHECK(strncmp(msg, "s.yaml:1:7: error: styles inherit too deeply", 44) == 0);
    CHECK(load_text("page: {width: 1e308}\n", msg, sizeof msg, &st) == -1);
    CHECK(load_text("page: {width: nan}\n", msg, sizeof msg, &st) == -1);
    CHECK(load_text("page: {margin: 10in}\n", msg, sizeof msg, &st) == -1);
    CHECK(load_text("- a list\n", msg, sizeof msg, &st) == -1);
    CHECK(strncmp(msg, "s.yaml:1:1: error:", 18) == 0);
    CHECK(load_text("page: {width: 3in\n", msg, sizeof msg, &st) == -1);   /* YAML syntax */
    CHECK(strncmp(msg, "s.yaml:", 7) == 0);

    /* an unknown name is a usage error, told apart from a bad file */
    lit_diag q;
    FILE *null = fopen("/dev/null", "w");
    lit_diag_init(&q, null);
    CHECK_INT(lit_style_load(&st, "no-such-style", NULL, &q), -2);
    CHECK_INT(lit_style_load(&st, "../etc/passwd", NULL, &q), -1);   /* a path: read as YAML */
    CHECK_INT(lit_style_load(&st, "bad name!", NULL, &q), -2);
    fclose(null);
    return CHECK_DONE();
}
