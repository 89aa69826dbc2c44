/* test_palette.c - every style's categorical palette, its "other" colour and its background
 * stay apart for typical colour vision and under simulated deuteranopia, protanopia and
 * tritanopia (Machado, Oliveira & Fernandes 2009, severity 1), measured as CIEDE2000.
 *
 * The threshold: a CIEDE2000 difference of about 1 is just noticeable between two large
 * patches side by side; legend swatches, thin stacked areas and timeline pills are small
 * and apart, and need several times that. 10 is what the reference colour-blind-safe set,
 * Okabe-Ito, keeps at its worst pair (orange and reddish purple under tritanopia, 10.9), so
 * a palette that passes is at least as safe as it. Every entry counts, not just a few:
 * a chart may show every colour of its palette at once (past it, topics fold into "other"). */
#include <dirent.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "style.h"

#define MIN_DE 10.0

static const char *const vision[] = {"typical vision", "deuteranopia", "protanopia", "tritanopia"};

/* Machado et al. 2009, severity 1.0, applied to linear RGB. */
static const double cvd[4][9] = {
    {1, 0, 0, 0, 1, 0, 0, 0, 1},
    {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881},
    {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998},
    {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900},
};

static double to_linear(double v) { return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4); }

typedef struct lab { double l, a, b; } lab;

/* sRGB seen with vision k, as CIELAB (D65). The simulated colour is clipped to the gamut
 * (in linear light), as a screen would show it. */
static lab seen(lit_rgb c, int k)
{
    double in[3] = {to_linear(c.r), to_linear(c.g), to_linear(c.b)}, v[3];
    for (int i = 0; i < 3; i++) {
        v[i] = cvd[k][3 * i] * in[0] + cvd[k][3 * i + 1] * in[1] + cvd[k][3 * i + 2] * in[2];
        v[i] = fmin(fmax(v[i], 0), 1);
    }
    double xyz[3] = {(0.4124564 * v[0] + 0.3575761 * v[1] + 0.1804375 * v[2]) / 0.95047,
                     0.2126729 * v[0] + 0.7151522 * v[1] + 0.0721750 * v[2],
                     (0.0193339 * v[0] + 0.1191920 * v[1] + 0.9503041 * v[2]) / 1.08883};
    double f[3];
    for (int i = 0; i < 3; i++)
        f[i] = xyz[i] > 216.0 / 24389 ? cbrt(xyz[i]) : (24389.0 / 27 * xyz[i] + 16) / 116;
    return (lab){116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])};
}

/* CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1. */
static double ciede2000(lab x, lab y)
{
    const double pi = 3.14159265358979323846, deg = pi / 180, p25 = pow(25, 7);
    double cm = (hypot(x.a, x.b) + hypot(y.a, y.b)) / 2;
    double g = 0.5 * (1 - sqrt(pow(cm, 7) / (pow(cm, 7) + p25)));
    double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
    double c1 = hypot(a1, x.b), c2 = hypot(a2, y.b);
    double h1 = c1 == 0 ? 0 : atan2(x.b, a1), h2 = c2 == 0 ? 0 : atan2(y.b, a2);
    if (h1 < 0) h1 += 2 * pi;
    if (h2 < 0) h2 += 2 * pi;
    double dh = 0, hm = h1 + h2;
    if (c1 * c2 != 0) {
        dh = h2 - h1;
        if (dh > pi) dh -= 2 * pi;
        else if (dh < -pi) dh += 2 * pi;
        if (fabs(h1 - h2) > pi) hm += hm < 2 * pi ? 2 * pi : -2 * pi;
        hm /= 2;
    }
    double dl = y.l - x.l, dc = c2 - c1, dhh = 2 * sqrt(c1 * c2) * sin(dh / 2);
    double lm = (x.l + y.l) / 2 - 50, cpm = (c1 + c2) / 2;
    double t = 1 - 0.17 * cos(hm - 30 * deg) + 0.24 * cos(2 * hm) + 0.32 * cos(3 * hm + 6 * deg) -
               0.20 * cos(4 * hm - 63 * deg);
    double dtheta = 30 * deg * exp(-pow((hm / deg - 275) / 25, 2));
    double rt = -sin(2 * dtheta) * 2 * sqrt(pow(cpm, 7) / (pow(cpm, 7) + p25));
    double sl = 1 + 0.015 * lm * lm / sqrt(20 + lm * lm), sc = 1 + 0.045 * cpm, sh = 1 + 0.015 * cpm * t;
    double ql = dl / sl, qc = dc / sc, qh = dhh / sh;
    return sqrt(ql * ql + qc * qc + qh * qh + rt * qc * qh);
}

static double distance(lit_rgb x, lit_rgb y, int k) { return ciede2000(seen(x, k), seen(y, k)); }

static lit_rgb hex(unsigned v) { return (lit_rgb){(v >> 16) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0}; }

/* The palette, then "other", then the background: every pair at least MIN_DE apart in every
 * vision. Prints the pairs that are not. Returns how many. */
static int check_style(const lit_style *st, const char *name)
{
    size_t n = st->n_palette + 2;
    lit_rgb *c = calloc(n, sizeof *c);
    if (!c) return 1;
    memcpy(c, st->palette, st->n_palette * sizeof *c);
    c[n - 2] = st->other_color;
    c[n - 1] = st->background;
    int bad = 0;
    double worst = 1e9;
    for (int k = 0; k < 4; k++)
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++) {
                double d = distance(c[i], c[j], k);
                if (d < worst) worst = d;
                if (d >= MIN_DE) continue;
                char a[7], b[7];
                lit_rgb_hex(c[i], a);
                lit_rgb_hex(c[j], b);
                printf("#   %s: #%s and #%s are %.1f apart under %s\n", name, a, b, d, vision[k]);
                bad++;
            }
    printf("#   %s: %zu colours, closest pair %.1f apart\n", name, st->n_palette, worst);
    free(c);
    return bad;
}

int main(void)
{
    /* CIEDE2000 against Sharma et al.'s published test pairs 1, 7, 17 and 25 */
    CHECK(fabs(ciede2000((lab){50, 2.6772, -79.7751}, (lab){50, 0, -82.7485}) - 2.0425) < 1e-4);
    CHECK(fabs(ciede2000((lab){50, 0, 0}, (lab){50, -1, 2}) - 2.3669) < 1e-4);
    CHECK(fabs(ciede2000((lab){50, 2.5, 0}, (lab){73, 25, -18}) - 27.1492) < 1e-4);
    CHECK(fabs(ciede2000((lab){60.2574, -34.0099, 36.2677}, (lab){60.4626, -34.1751, 39.4387}) - 1.2644) < 1e-4);
    /* the simulation: white stays white, red and green draw together for the red-green
     * dichromats only, and a deuteranope cannot tell brick red from olive */
    CHECK(seen(hex(0xFFFFFF), 2).l > 99.9 && seen(hex(0xFFFFFF), 3).l > 99.9);
    CHECK(distance(hex(0xFF0000), hex(0x00FF00), 0) > 80 && distance(hex(0xFF0000), hex(0x00FF00), 3) > 70);
    CHECK(distance(hex(0xFF0000), hex(0x00FF00), 1) < 20 && distance(hex(0xFF0000), hex(0x00FF00), 2) < 45);
    CHECK(distance(hex(0xCC3311), hex(0x777700), 0) > 40 && distance(hex(0xCC3311), hex(0x777700), 1) < 3);
    /* the check fails where the old palette failed: reddish purple, teal and the grey of
     * "other" were one grey under deuteranopia */
    CHECK(distance(hex(0xCC79A7), hex(0xA0A0A0), 1) < MIN_DE);
    CHECK(distance(hex(0x44AA99), hex(0xA0A0A0), 1) < MIN_DE);

    lit_style st;
    lit_style_default(&st);
    CHECK_INT(check_style(&st, "built-in"), 0);
    lit_style_free(&st);
    DIR *dir = opendir("styles");
    CHECK(dir != NULL);
    int styles = 0;
    for (struct dirent *e; dir && (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0) continue;
        char path[300], what[400];
        snprintf(path, sizeof path, "styles/%s", e->d_name);
        lit_diag d;
        lit_diag_init(&d, stderr);
        if (lit_style_load(&st, path, NULL, &d) < 0) { CHECK(!"style loads"); continue; }
        snprintf(what, sizeof what, "%s: palette, other and background apart in every vision", path);
        check_(check_style(&st, path) == 0, what, __FILE__, __LINE__);
        lit_style_free(&st);
        styles++;
    }
    if (dir) closedir(dir);
    CHECK(styles >= 5);
    return CHECK_DONE();
}
