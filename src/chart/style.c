/* style.c - chart styles: built-in defaults overridden by styles/NAME.yaml (with `base:` inheritance). */
#include "style.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "db.h"
#include "yread.h"

/* Okabe-Ito without black (it is the text colour), then Paul Tol's indigo and wine: every
 * pair, "other" included, at least 10 CIEDE2000 apart under simulated deuteranopia,
 * protanopia and tritanopia (tests/unit/test_palette.c). Same as talk.yaml. */
static const lit_rgb default_palette[] = {
    {0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0}, /* orange */
    {0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0}, /* sky blue */
    {0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0}, /* bluish green */
    {0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0}, /* yellow */
    {0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0}, /* blue */
    {0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0}, /* vermillion */
    {0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0}, /* reddish purple */
    {0x33 / 255.0, 0x22 / 255.0, 0x88 / 255.0}, /* indigo */
    {0x88 / 255.0, 0x22 / 255.0, 0x55 / 255.0}, /* wine */
};

/* Viridis sampled at nine points: perceptually uniform and colour-blind safe. */
static const lit_rgb default_sequential[] = {
    {0x44 / 255.0, 0x01 / 255.0, 0x54 / 255.0}, {0x47 / 255.0, 0x2D / 255.0, 0x7B / 255.0},
    {0x3B / 255.0, 0x52 / 255.0, 0x8B / 255.0}, {0x2C / 255.0, 0x72 / 255.0, 0x8E / 255.0},
    {0x21 / 255.0, 0x91 / 255.0, 0x8C / 255.0}, {0x28 / 255.0, 0xAE / 255.0, 0x80 / 255.0},
    {0x5E / 255.0, 0xC9 / 255.0, 0x62 / 255.0}, {0xAD / 255.0, 0xDC / 255.0, 0x30 / 255.0},
    {0xFD / 255.0, 0xE7 / 255.0, 0x25 / 255.0},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_BASE_DEPTH 8

/* The talk style, so that a style file only states what differs. */
static void style_defaults(lit_style *st)
{
    st->name = "talk";
    st->width = 960;
    st->height = 540;
    st->png_dpi = 144;
    st->font = "DejaVu Sans";
    st->font_size = 18;
    st->title_size = 28;
    st->label_size = 20;
    st->note_size = 14;
    st->background = (lit_rgb){1, 1, 1};
    st->foreground = (lit_rgb){0.13, 0.13, 0.13};
    st->grid_color = (lit_rgb){0.86, 0.86, 0.86};
    st->muted = (lit_rgb){0.45, 0.45, 0.45};
    st->line_width = 2;
    st->grid_width = 1;
    st->grid = true;
    st->n_palette = NELEM(default_palette);
    st->palette = lit_arena_alloc(&st->arena, sizeof default_palette);
    memcpy(st->palette, default_palette, sizeof default_palette);
    st->n_sequential = NELEM(default_sequential);
    st->sequential = lit_arena_alloc(&st->arena, sizeof default_sequential);
    memcpy(st->sequential, default_sequential, sizeof default_sequential);
    st->margin = 24;
    st->show_title = true;
    st->show_note = true;
    st->other_color = (lit_rgb){0xC8 / 255.0, 0xC8 / 255.0, 0xC8 / 255.0};
    st->empty_color = (lit_rgb){0.95, 0.95, 0.95};
}

/* "3.3in", "8cm", "90mm", "240pt" or a bare number of points. */
static int read_length(lit_yread *r, double *out)
{
    if (r->tok != LIT_Y_SCALAR) return lit_yread_error(r, "expected a length such as 3.3in or 240pt");
    char *end;
    double v = strtod(r->str, &end);
    if (end == r->str || !isfinite(v)) return lit_yread_error(r, "expected a length such as 3.3in or 240pt, not '%s'", r->str);
    while (*end == ' ') end++;
    double k;
    if (*end == 0 || strcmp(end, "pt") == 0) k = 1;
    else if (strcmp(end, "in") == 0) k = 72;
    else if (strcmp(end, "cm") == 0) k = 72 / 2.54;
    else if (strcmp(end, "mm") == 0) k = 72 / 25.4;
    else return lit_yread_error(r, "unknown unit '%s' (use pt, in, cm or mm)", end);
    v *= k;
    if (v <= 0 || v > 14400) return lit_yread_error(r, "length '%s' out of range", r->str);
    *out = v;
    return 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* "#RRGGBB", "#RGB" (the # may be left out). */
static int parse_color(const char *s, lit_rgb *out)
{
    if (*s == '#') s++;
    size_t n = strlen(s);
    int v[6];
    if (n != 6 && n != 3) return -1;
    for (size_t i = 0; i < n; i++)
        if ((v[i] = hexval(s[i])) < 0) return -1;
    if (n == 3) {
        out->r = v[0] * 17 / 255.0; out->g = v[1] * 17 / 255.0; out->b = v[2] * 17 / 255.0;
    } else {
        out->r = (v[0] * 16 + v[1]) / 255.0; out->g = (v[2] * 16 + v[3]) / 255.0;
        out->b = (v[4] * 16 + v[5]) / 255.0;
    }
    return 0;
}

static int read_color(lit_yread *r, lit_rgb *out)
{
    if (r->tok != LIT_Y_SCALAR || parse_color(r->str, out) < 0)
        return lit_yread_error(r, "expected a colour such as \"#1f77b4\"%s%s%s",
                               r->tok == LIT_Y_SCALAR ? ", not '" : "",
                               r->tok == LIT_Y_SCALAR ? r->str : "", r->tok == LIT_Y_SCALAR ? "'" : "");
    return 0;
}

static int read_color_list(lit_yread *r, lit_arena *a, lit_rgb **out, size_t *n, size_t min)
{
    if (lit_yread_expect(r, LIT_Y_SEQ, "a list of colours") < 0) return -1;
    long line = r->line, col = r->col;
    lit_rgb *v = NULL;
    size_t nv = 0, cap = 0;
    int tok;
    while ((tok = lit_yread_next(r)) != LIT_Y_SEQ_END) {
        if (tok == LIT_Y_ERROR) { free(v); return -1; }
        LIT_GROW(v, cap, nv + 1);
        if (read_color(r, &v[nv]) < 0) { free(v); return -1; }
        nv++;
    }
    if (nv < min) {
        free(v);
        return lit_error(r->diag, r->file, line, col, "need at least %zu colours, got %zu", min, nv);
    }
    *out = lit_arena_alloc(a, nv * sizeof *v);
    memcpy(*out, v, nv * sizeof *v);
    *n = nv;
    free(v);
    return 0;
}

static int read_size(lit_yread *r, double *out)
{
    return lit_yread_double(r, 1, 400, out);
}

/* Reads a mapping of KEY: VALUE with fn called for each key (value current). */
typedef int (*key_fn)(lit_yread *r, lit_style *st, const char *key);

static int read_map(lit_yread *r, lit_style *st, key_fn fn)
{
    if (lit_yread_expect(r, LIT_Y_MAP, "a mapping") < 0) return -1;
    lit_ykeys seen = {0};
    int rc = 0, tok;
    while ((tok = lit_yread_next(r)) != LIT_Y_MAP_END) {
        if (tok == LIT_Y_ERROR) { rc = -1; break; }
        if (lit_yread_key_once(r, &seen) < 0) { rc = -1; break; }
        char *key = lit_xstrdup(r->str);
        long line = r->line, col = r->col;
        if (lit_yread_next(r) == LIT_Y_ERROR) { free(key); rc = -1; break; }
        int k = fn(r, st, key);
        if (k == 1) {
            lit_error(r->diag, r->file, line, col, "unknown key '%s'", key);
            k = -1;
        }
        free(key);
        if (k < 0) { rc = -1; break; }
    }
    lit_ykeys_free(&seen);
    return rc;
}

static int page_key(lit_yread *r, lit_style *st, const char *key)
{
    if (strcmp(key, "width") == 0) return read_length(r, &st->width);
    if (strcmp(key, "height") == 0) return read_length(r, &st->height);
    if (strcmp(key, "margin") == 0) {
        st->margin_file = lit_arena_strdup(&st->arena, r->file);
        st->margin_line = r->line;
        st->margin_col = r->col;
        return read_length(r, &st->margin);
    }
    if (strcmp(key, "dpi") == 0) return lit_yread_double(r, 18, 1200, &st->png_dpi);
    return 1;
}

static int sizes_key(lit_yread *r, lit_style *st, const char *key)
{
    if (strcmp(key, "body") == 0) return read_size(r, &st->font_size);
    if (strcmp(key, "title") == 0) return read_size(r, &st->title_size);
    if (strcmp(key, "label") == 0) return read_size(r, &st->label_size);
    if (strcmp(key, "note") == 0) return read_size(r, &st->note_size);
    return 1;
}

static int colors_key(lit_yread *r, lit_style *st, const char *key)
{
    if (strcmp(key, "background") == 0) return read_color(r, &st->background);
    if (strcmp(key, "foreground") == 0) return read_color(r, &st->foreground);
    if (strcmp(key, "grid") == 0) return read_color(r, &st->grid_color);
    if (strcmp(key, "muted") == 0) return read_color(r, &st->muted);
    if (strcmp(key, "other") == 0) return read_color(r, &st->other_color);
    if (strcmp(key, "empty") == 0) return read_color(r, &st->empty_color);
    return 1;
}

static int lines_key(lit_yread *r, lit_style *st, const char *key)
{
    if (strcmp(key, "width") == 0) return lit_yread_double(r, 0.05, 50, &st->line_width);
    if (strcmp(key, "grid") == 0) return lit_yread_double(r, 0, 50, &st->grid_width);
    return 1;
}

static int load_file(lit_style *st, const char *path, const char *near, int depth, lit_diag *d);

static int top_key(lit_yread *r, lit_style *st, const char *key)
{
    if (strcmp(key, "name") == 0) return lit_yread_str(r, &st->arena, &st->name);
    if (strcmp(key, "description") == 0) return lit_yread_str(r, &st->arena, &st->description);
    if (strcmp(key, "page") == 0) return read_map(r, st, page_key);
    if (strcmp(key, "font") == 0) return lit_yread_str(r, &st->arena, &st->font);
    if (strcmp(key, "sizes") == 0) return read_map(r, st, sizes_key);
    if (strcmp(key, "colors") == 0) return read_map(r, st, colors_key);
    if (strcmp(key, "lines") == 0) return read_map(r, st, lines_key);
    if (strcmp(key, "grid") == 0) return lit_yread_bool(r, &st->grid);
    if (strcmp(key, "title") == 0) return lit_yread_bool(r, &st->show_title);
    if (strcmp(key, "note") == 0) return lit_yread_bool(r, &st->show_note);
    if (strcmp(key, "palette") == 0) return read_color_list(r, &st->arena, &st->palette, &st->n_palette, 1);
    if (strcmp(key, "sequential") == 0)
        return read_color_list(r, &st->arena, &st->sequential, &st->n_sequential, 2);
    return 1;
}

static bool file_exists(const char *p)
{
    return access(p, R_OK) == 0;
}

/* Path of the style NAME: beside the spec or catalog near, in styles/ there or here, or
 * the one that ships with the program (lit_find_data). malloc'd or NULL. */
static char *find_style(const char *name, const char *near)
{
    char file[512];
    snprintf(file, sizeof file, "%s.yaml", name);
    return lit_find_data(near ? near : ".", "styles", file);
}

static bool is_path(const char *s)
{
    size_t n = strlen(s);
    return strchr(s, '/') || (n > 5 && strcmp(s + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(s + n - 4, ".yml") == 0);
}

static bool valid_name(const char *s)
{
    if (!*s || strlen(s) > 64) return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_'))
            return false;
    return true;
}

/* `base: NAME` first looks beside the file that names it. */
static int load_base(lit_yread *r, lit_style *st, const char *near, int depth)
{
    if (r->tok != LIT_Y_SCALAR || !valid_name(r->str))
        return lit_yread_error(r, "expected a style name after 'base'");
    if (depth >= MAX_BASE_DEPTH) return lit_yread_error(r, "styles inherit too deeply (a loop?)");
    char *path = NULL;
    const char *slash = strrchr(r->file, '/');
    size_t dl = slash ? (size_t)(slash - r->file) + 1 : 0;
    size_t n = dl + strlen(r->str) + 6;
    char *beside = lit_xmalloc(n);
    snprintf(beside, n, "%.*s%s.yaml", (int)dl, r->file, r->str);
    if (file_exists(beside)) path = beside;
    else { free(beside); path = find_style(r->str, near); }
    if (!path) return lit_yread_error(r, "unknown base style '%s'", r->str);
    const char *saved_name = st->name;
    int rc = load_file(st, path, near, depth + 1, r->diag);
    st->name = saved_name;
    free(path);
    return rc;
}

static int load_file(lit_style *st, const char *path, const char *near, int depth, lit_diag *d)
{
    lit_yread r;
    int rc = -1;
    if (lit_yread_open(&r, path, d) < 0) goto out;   /* close frees the reader even then */
    if (lit_yread_expect(&r, LIT_Y_MAP, "a mapping of style settings") < 0) goto out;
    lit_ykeys seen = {0};
    int tok;
    bool first = true;
    while ((tok = lit_yread_next(&r)) != LIT_Y_MAP_END) {
        if (tok == LIT_Y_ERROR || lit_yread_key_once(&r, &seen) < 0) goto out_keys;
        char *key = lit_xstrdup(r.str);
        long line = r.line, col = r.col;
        if (lit_yread_next(&r) == LIT_Y_ERROR) { free(key); goto out_keys; }
        int k;
        if (strcmp(key, "base") == 0) {
            k = first ? load_base(&r, st, near, depth)
                      : lit_error(d, r.file, line, col, "'base' must come first (it is loaded before the other keys)");
        } else {
            k = top_key(&r, st, key);
        }
        if (k == 1) k = lit_error(d, r.file, line, col, "unknown key '%s'", key);
        free(key);
        if (k < 0) goto out_keys;
        first = false;
    }
    if (lit_yread_next(&r) == LIT_Y_ERROR || lit_yread_finish(&r) < 0) goto out_keys;
    rc = 0;
out_keys:
    lit_ykeys_free(&seen);
out:
    lit_yread_close(&r);
    return rc;
}

int lit_style_load(lit_style *st, const char *name_or_path, const char *near, lit_diag *d)
{
    memset(st, 0, sizeof *st);
    style_defaults(st);
    char *path;
    if (is_path(name_or_path)) {
        path = lit_xstrdup(name_or_path);
    } else {
        path = valid_name(name_or_path) ? find_style(name_or_path, near) : NULL;
        if (!path) {
            lit_error(d, NULL, 0, 0, "unknown style '%s' (styles are talk, paper, paper-wide, poster, dark, or a .yaml file)",
                      name_or_path);
            lit_style_free(st);
            return -2;
        }
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t bl = strlen(base);
    if (bl > 5 && strcmp(base + bl - 5, ".yaml") == 0) bl -= 5;
    st->name = lit_arena_strndup(&st->arena, base, bl);
    st->path = lit_arena_strdup(&st->arena, path);
    int rc = load_file(st, path, near, 0, d);
    free(path);
    if (rc < 0) { lit_style_free(st); return -1; }
    if (st->margin * 2 >= st->width || st->margin * 2 >= st->height) {
        lit_error(d, st->margin_file ? st->margin_file : st->path, st->margin_line, st->margin_col,
                  "margin leaves no room on a %gx%gpt page", st->width, st->height);
        lit_style_free(st);
        return -1;
    }
    return 0;
}

void lit_style_default(lit_style *st)
{
    memset(st, 0, sizeof *st);
    style_defaults(st);
}

void lit_style_free(lit_style *st)
{
    lit_arena_free(&st->arena);
    memset(st, 0, sizeof *st);
}

lit_rgb lit_style_series_color(const lit_style *st, int order)
{
    if (!st->palette || st->n_palette == 0) return st->other_color;
    if (order < 0) return st->other_color;
    return st->palette[(size_t)order % st->n_palette];
}

lit_rgb lit_style_seq_color(const lit_style *st, double t)
{
    if (!st->sequential || st->n_sequential == 0) return st->foreground;
    if (!(t > 0)) t = 0;   /* also catches NaN */
    if (t > 1) t = 1;
    if (st->n_sequential == 1) return st->sequential[0];
    double x = t * (double)(st->n_sequential - 1);
    size_t i = (size_t)x;
    if (i >= st->n_sequential - 1) return st->sequential[st->n_sequential - 1];
    double f = x - (double)i;
    lit_rgb a = st->sequential[i], b = st->sequential[i + 1];
    return (lit_rgb){a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

lit_rgb lit_style_heat_color(const lit_style *st, size_t count, size_t max)
{
    if (count == 0 || max == 0) return st->empty_color;
    /* 1 paper starts a little above the bottom so it stands apart from empty cells */
    double t = max == 1 ? 1 : 0.08 + 0.92 * (double)(count - 1) / (double)(max - 1);
    return lit_style_seq_color(st, t);
}

static int byte_of(double v)
{
    if (!(v > 0)) return 0;
    if (v >= 1) return 255;
    return (int)lround(v * 255);
}

void lit_rgb_hex(lit_rgb c, char buf[7])
{
    snprintf(buf, 7, "%02X%02X%02X", byte_of(c.r), byte_of(c.g), byte_of(c.b));
}

double lit_rgb_luminance(lit_rgb c)
{
    /* WCAG relative luminance, for choosing text that stands out on a fill. */
    double v[3] = {c.r, c.g, c.b};
    for (int i = 0; i < 3; i++)
        v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
