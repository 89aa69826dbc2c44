/* xlsx_cells.c - the spreadsheet's cells: text fit for a cell, strings, links, sheet helpers, formats. */
#include "xlsx_priv.h"

#include <string.h>
#include <utf8proc.h>

/* ---- text ---------------------------------------------------------------------- */

/* "_x0041_" is how OOXML escapes characters: a literal one must be written "_x005F_x0041_". */
static bool is_xml_escape(const char *s)
{
    if (s[0] != '_' || s[1] != 'x') return false;
    for (int i = 2; i < 6; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
            return false;
    return s[6] == '_';
}

/* Text fit for a cell: valid UTF-8 without the control characters XML cannot carry, a
 * literal "_xHHHH_" protected, at most max characters (UTF-16 units, as Excel counts).
 * Returns s when it is fine as it is, else x->text's contents; *cut tells a cut. */
static const char *cell_text(xw *x, const char *s, size_t max, bool *cut)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    bool plain = n <= max;
    *cut = false;
    for (size_t i = 0; plain && i < n; i++)
        if (p[i] >= 0x80 || (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || (p[i] == '_' && is_xml_escape(s + i)))
            plain = false;
    if (plain) return s;
    lit_buf_reset(&x->text);
    size_t units = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { cp = 0xFFFD; k = 1; }
        else if (cp < 0x20 && cp != '\t' && cp != '\n') cp = ' ';
        else if (cp == 0xFFFE || cp == 0xFFFF) cp = 0xFFFD;   /* not XML characters either */
        bool esc = cp == '_' && is_xml_escape(s + i);
        size_t w = esc ? 7 : cp >= 0x10000 ? 2 : 1;
        if (units + w > max) { *cut = true; break; }
        units += w;
        if (esc) {
            lit_buf_adds(&x->text, "_x005F_");
        } else {
            utf8proc_uint8_t enc[4];
            lit_buf_add(&x->text, enc, (size_t)utf8proc_encode_char(cp, enc));
        }
        i += (size_t)k;
    }
    return lit_buf_str(&x->text);
}

/* Display width in characters of the default font, for column widths: wide (CJK)
 * characters count two, the widest line counts. Stops early at cap. */
double lit_xw_text_width(const char *s, double have, double cap)
{
    size_t n = strlen(s);
    if ((double)n <= have) return have;  /* a character takes at least a byte */
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    double w = 0, best = 0;
    for (size_t i = 0; i < n && best < cap;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { cp = 0xFFFD; k = 1; }
        if (cp == '\n') w = 0;
        else w += cp < 0x80 ? 1 : utf8proc_charwidth(cp);
        if (w > best) best = w;
        i += (size_t)k;
    }
    if (best > cap) best = cap;
    return best > have ? best : have;
}

/* Advance widths of printable ASCII in digit widths of the sheet's font, as LibreOffice
 * draws it where Calibri is missing (DejaVu Sans; Calibri's proportions are close): a
 * column is so many digits wide, and most letters are narrower than a digit. */
static const unsigned char ascii_w[95] = {   /* hundredths; from ' ' to '~' (measured with Pango) */
    49, 62, 72, 132, 100, 149, 122, 44, 61, 61, 79, 132, 49, 56, 49, 53, 100, 100, 100, 100, 100, 100, 100, 100,
    100, 100, 53, 53, 132, 132, 132, 84, 156, 111, 107, 109, 121, 99, 91, 121, 118, 46, 46, 102, 87, 135, 118, 124,
    94, 124, 109, 100, 93, 115, 107, 155, 107, 95, 107, 61, 53, 61, 132, 79, 79, 96, 100, 86, 100, 96, 54, 100,
    100, 44, 44, 91, 44, 153, 100, 96, 100, 100, 62, 81, 61, 100, 93, 128, 93, 93, 82, 100, 53, 100, 132,
};

static double char_w(utf8proc_int32_t cp)
{
    if (cp >= ' ' && cp <= '~') return ascii_w[cp - ' '] / 100.0;
    return cp < 0x80 ? 1 : utf8proc_charwidth(cp) > 1 ? 1.9 : 1;
}

/* Lines the text takes when wrapped at words in a column cap characters wide (the widest
 * a wrapping column gets; a narrower one means every cell fits on one line), measured in
 * the font's proportions, up to MAX_ROW_LINES: LibreOffice keeps rows at their stored
 * height, so the writer sets it, as many lines as the cell shows and no more. */
int lit_xw_text_lines(const char *s, double cap)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t n = strlen(s);
    int lines = 1;
    double line = 0, word = 0, room = cap + 1.71 - 0.7;   /* the column's width (libxlsxwriter adds 0.71) less
                                                           the cell's padding */
    for (size_t i = 0; i <= n && lines < MAX_ROW_LINES;) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t k = 1;
        if (i < n && (k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp)) <= 0) { cp = 0xFFFD; k = 1; }
        if (i == n || cp == ' ' || cp == '\n') {   /* a word ends: it goes on this line or the next */
            double sp = line > 0 ? char_w(' ') : 0;
            if (line > 0 && line + sp + word > room) { lines++; line = word; }
            else line += sp + word;
            while (line > room && lines < MAX_ROW_LINES) { lines++; line -= room; }   /* a word wider than the column */
            word = 0;
            if (cp == '\n' && i < n) { lines++; line = 0; }
        } else {
            word += char_w(cp);
        }
        i += (size_t)k;
    }
    return lines < MAX_ROW_LINES ? lines : MAX_ROW_LINES;
}

/* what names the cut text in the message; NULL for the writer's own labels, which only a
 * lowered test limit can cut, and which need no warning. */
static void warn_cut(xw *x, const lit_paper *p, const char *what, size_t max)
{
    static const char kind[] = "cells cut to Excel's limit";
    if (!what) return;
    if (p)
        lit_warn_many(x->d, kind, x->cat->path, p->line, 0, "paper '%s': %s cut to Excel's limit of %zu characters",
                      p->key, what, max);
    else
        lit_warn_many(x->d, kind, NULL, 0, 0, "%s cut to Excel's limit of %zu characters", what, max);
}

/* Every text goes through here: always a string cell, never a formula, whatever it starts with. */
void lit_xw_put_str(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f,
                    const lit_paper *p, const char *what)
{
    if (!s || !*s) return;
    bool cut;
    const char *t = cell_text(x, s, x->max_cell, &cut);
    if (cut) warn_cut(x, p, what, x->max_cell);
    chk(x, worksheet_write_string(ws, r, c, t, f));
}

/* A hyperlink if the sheet can still take one, else the text. Non-ASCII in the address
 * is percent-encoded (a URI, as the package's relationships need; browsers show it
 * decoded); the cell shows the text as it was. */
void lit_xw_put_link(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *url, const char *shown,
                     bool link, lxw_format *f_link, lxw_format *f_text, const lit_paper *p, const char *what)
{
    if (!link) {
        lit_xw_put_str(x, ws, r, c, shown, f_text, p, what);
        return;
    }
    const unsigned char *u = (const unsigned char *)url;
    while (*u && *u < 0x80) u++;
    if (*u) {
        lit_buf_reset(&x->iri);
        for (u = (const unsigned char *)url; *u; u++) {
            if (*u < 0x80) lit_buf_addc(&x->iri, (char)*u);
            else lit_buf_printf(&x->iri, "%%%02X", *u);
        }
        url = lit_buf_str(&x->iri);
    }
    bool cut;
    const char *t = cell_text(x, shown, x->max_cell, &cut);
    if (cut) warn_cut(x, p, what, x->max_cell);
    chk(x, worksheet_write_url_opt(ws, r, c, url, f_link, t, NULL));
}

/* Text a formula's string constant holds as it is: at most 255 characters (Excel's
 * limit; bytes, a safe count), none the cell would have to cut or escape, and nothing that
 * reads as a formula itself (=, +, -, @ first): such a title stays a plain string cell. */
bool lit_xw_formula_fits(xw *x, const char *s)
{
    bool cut;
    return strlen(s) <= 255 && !strchr("=+-@", *s) && strcmp(cell_text(x, s, x->max_cell, &cut), s) == 0 && !cut;
}

/* A string constant of a formula: in double quotes, a quote doubled. */
static void formula_text(lit_buf *b, const char *s)
{
    lit_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"') lit_buf_addc(b, '"');
        lit_buf_addc(b, *s);
    }
    lit_buf_addc(b, '"');
}

/* A linked title as =HYPERLINK(url, title) with the title as its stored result: it
 * wraps in LibreOffice as in Excel, and reads as the title wherever values are read
 * (sorting, filters, CSV). The title is inside a string constant: never a formula of its own. */
void lit_xw_put_title_formula(xw *x, lxw_worksheet *ws, lxw_row_t r, const char *url, const char *title)
{
    lit_buf f = LIT_BUF_INIT;
    lit_buf_adds(&f, "=HYPERLINK(");
    formula_text(&f, url);
    lit_buf_addc(&f, ',');
    formula_text(&f, title);
    lit_buf_addc(&f, ')');
    chk(x, worksheet_write_formula_str(ws, r, C_TITLE, lit_buf_str(&f), x->f_link_wrap, title));
    lit_buf_free(&f);
}


/* How many of n data rows (below header_rows) fit on a sheet; warns when not all. */
size_t lit_xw_fit_rows(xw *x, const char *sheet, size_t n, size_t header_rows)
{
    if (n + header_rows <= x->max_rows) return n;
    size_t k = x->max_rows - header_rows;
    lit_warn(x->d, NULL, 0, 0, "sheet '%s' holds %zu of %zu rows (Excel's limit is %zu rows)", sheet, k, n,
             x->max_rows);
    return k;
}

void lit_xw_header_row(xw *x, lxw_worksheet *ws, const char *const *heads, int n, const double *widths)
{
    for (int c = 0; c < n; c++) {
        lit_xw_put_str(x, ws, 0, (lxw_col_t)c, heads[c], x->f_head, NULL, NULL);
        chk(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
    }
    worksheet_freeze_panes(ws, 1, 0);
}

/* ---- formats ----------------------------------------------------------------- */

static lxw_format *fmt(xw *x)
{
    return need(workbook_add_format(x->wb));
}

lxw_format *lit_xw_fill_fmt(xw *x, lxw_color_t bg, lxw_color_t fg)
{
    lxw_format *f = fmt(x);
    format_set_bg_color(f, bg);
    if (fg != LXW_COLOR_UNSET) format_set_font_color(f, fg);
    return f;
}

static lxw_format *link_fmt(xw *x, bool wrap)
{
    lxw_format *f = fmt(x);
    format_set_font_color(f, LXW_COLOR_BLUE);
    format_set_underline(f, LXW_UNDERLINE_SINGLE);
    /* a wrapping link is not given the Hyperlink cell style: LibreOffice takes that style's
     * alignment, which does not wrap, and cuts the title; the link is the cell's either way */
    if (!wrap) format_set_hyperlink(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);   /* Papers rows read from their top line */
    if (wrap) format_set_text_wrap(f);
    return f;
}

void lit_xw_make_formats(xw *x)
{
    x->f_head = lit_xw_fill_fmt(x, 0xD9D9D9, LXW_COLOR_UNSET);
    format_set_bold(x->f_head);
    format_set_bottom(x->f_head, LXW_BORDER_THIN);
    format_set_align(x->f_head, LXW_ALIGN_VERTICAL_TOP);
    x->f_top = fmt(x);
    format_set_align(x->f_top, LXW_ALIGN_VERTICAL_TOP);
    x->f_wrap = fmt(x);
    format_set_text_wrap(x->f_wrap);
    format_set_align(x->f_wrap, LXW_ALIGN_VERTICAL_TOP);
    x->f_link = link_fmt(x, false);
    x->f_link_wrap = link_fmt(x, true);
    x->f_date = fmt(x);
    format_set_num_format(x->f_date, "yyyy-mm-dd");
    format_set_align(x->f_date, LXW_ALIGN_VERTICAL_TOP);
    x->f_pct = fmt(x);
    format_set_num_format(x->f_pct, "0.0%");
    x->f_title = fmt(x);
    format_set_bold(x->f_title);
    format_set_font_size(x->f_title, 16);
    x->f_bold = fmt(x);
    format_set_bold(x->f_bold);
    /* Conditional formats: Excel's own good / neutral / muted looks. */
    x->f_band = lit_xw_fill_fmt(x, 0xF2F2F2, LXW_COLOR_UNSET);
    x->f_done = lit_xw_fill_fmt(x, 0xC6EFCE, 0x006100);
    x->f_reading = lit_xw_fill_fmt(x, 0xFFEB9C, 0x9C5700);
    x->f_skip = lit_xw_fill_fmt(x, 0xEDEDED, 0x808080);
    x->f_count = fmt(x);
    format_set_num_format(x->f_count, "0;-0;;@");   /* zero shows as an empty cell */
    format_set_align(x->f_count, LXW_ALIGN_CENTER);
    x->f_swatch = lit_xcalloc(x->st->n_palette + 1, sizeof *x->f_swatch);
    for (size_t i = 0; i < x->st->n_palette; i++)
        x->f_swatch[i] = lit_xw_fill_fmt(x, rgb_color(x->st->palette[i]), LXW_COLOR_UNSET);
}
