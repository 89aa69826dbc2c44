/* text.c - what text may hold: the one check of every string that enters, and escaping for messages. */
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"

size_t lit_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (!len || c > 0xF4 || n < len) return 0;
    uint32_t v = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};   /* shortest form only */
    if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

bool lit_text_cp_ok(uint32_t cp)
{
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    if (cp >= 0x7F && cp <= 0x9F) return false;              /* DEL, C1 */
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;          /* noncharacters */
    return (cp & 0xFFFE) != 0xFFFE;                           /* U+nFFFE, U+nFFFF */
}

static int kind_of(uint32_t cp)
{
    return cp == 0 ? LIT_TEXT_NUL : cp < 0xA0 ? LIT_TEXT_CONTROL : LIT_TEXT_NONCHAR;
}

int lit_text_check(const char *s, size_t n, lit_text_fault *f)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { i++; continue; }   /* printable ASCII: most of any text */
        uint32_t cp;
        size_t k = lit_utf8_decode(s + i, n - i, &cp);
        int kind = !k ? LIT_TEXT_INVALID : lit_text_cp_ok(cp) ? LIT_TEXT_OK : kind_of(cp);
        if (kind) {
            if (f) *f = (lit_text_fault){kind, i, k ? k : 1, k ? cp : c};
            return kind;
        }
        i += k;
    }
    if (f) *f = (lit_text_fault){LIT_TEXT_OK, n, 0, 0};
    return LIT_TEXT_OK;
}

const char *lit_text_fault_str(const lit_text_fault *f, char buf[48])
{
    switch (f->kind) {
    case LIT_TEXT_INVALID: snprintf(buf, 48, "invalid UTF-8 (byte 0x%02X)", (unsigned)f->cp); break;
    case LIT_TEXT_NUL: snprintf(buf, 48, "NUL byte"); break;
    case LIT_TEXT_CONTROL: snprintf(buf, 48, "control character U+%04X", (unsigned)f->cp); break;
    case LIT_TEXT_NONCHAR: snprintf(buf, 48, "noncharacter U+%04X", (unsigned)f->cp); break;
    default: snprintf(buf, 48, "valid text"); break;
    }
    return buf;
}

size_t lit_text_clean_input(const char *path, char **data, size_t *len, lit_diag *d)
{
    static const char kind[] = "characters replaced by U+FFFD";
    const char *s = *data;
    size_t n = *len, pos = 0, copied = 0, replaced = 0, line = 1, line_start = 0, counted = 0;
    lit_buf out = LIT_BUF_INIT;
    lit_text_fault f;
    while (pos < n && lit_text_check(s + pos, n - pos, &f)) {
        size_t at = pos + f.off;
        pos = at + f.len;
        if (f.kind == LIT_TEXT_INVALID || f.cp < 0x80) continue;   /* the importer's, by its format's rules */
        for (; counted < at; counted++)
            if (s[counted] == '\n') { line++; line_start = counted + 1; }
        char what[48];
        lit_warn_many(d, kind, path, (long)line, (long)(at - line_start + 1), "%s replaced by U+FFFD",
                      lit_text_fault_str(&f, what));
        lit_buf_add(&out, s + copied, at - copied);
        lit_buf_adds(&out, "\xEF\xBF\xBD");
        copied = pos;
        replaced++;
    }
    if (!replaced) return 0;
    lit_buf_add(&out, s + copied, n - copied);
    free(*data);
    *len = out.len;
    *data = out.data;
    return replaced;
}

const char *lit_text_clean(lit_arena *a, const char *s, lit_text_fault *first)
{
    lit_text_fault f;
    size_t n = s ? strlen(s) : 0;
    if (first) first->kind = LIT_TEXT_OK;
    if (!s || !lit_text_check(s, n, &f)) return s;
    if (first) *first = f;
    lit_buf b = LIT_BUF_INIT;
    size_t done = 0;
    do {
        lit_buf_add(&b, s + done, f.off);
        lit_buf_adds(&b, "\xEF\xBF\xBD");
        done += f.off + f.len;
    } while (done < n && lit_text_check(s + done, n - done, &f));
    lit_buf_add(&b, s + done, n - done);
    const char *r = lit_arena_strndup(a, b.data, b.len);
    lit_buf_free(&b);
    return r;
}

const char *lit_text_drawn(const char *s, size_t max, lit_buf *b)
{
    size_t n = strlen(s);
    if (n <= max) return s;
    while (max && ((unsigned char)s[max] & 0xC0) == 0x80) max--;   /* not inside a character */
    lit_buf_reset(b);
    lit_buf_add(b, s, max);
    lit_buf_adds(b, "\xE2\x80\xA6");
    return b->data;
}

size_t lit_text_longest_word(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n') run = 0;
        else if (((unsigned char)*s & 0xC0) != 0x80 && ++run > best) best = run;
    }
    return best;
}

void lit_text_add_escaped(lit_buf *b, const char *str, size_t n, bool keep_newlines)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t plain = 0;   /* start of the run copied as it is */
    for (size_t i = 0; i < n;) {
        if (s[i] >= 0x20 && s[i] < 0x7F) { i++; continue; }
        uint32_t cp;
        size_t k = lit_utf8_decode(str + i, n - i, &cp);
        bool esc = !k || cp < 0x20 || !lit_text_cp_ok(cp);
        if (k && cp == '\n' && keep_newlines) esc = false;
        if (!esc) { i += k; continue; }
        lit_buf_add(b, str + plain, i - plain);
        if (!k) lit_buf_printf(b, "\\x%02x", s[i]);
        else if (cp == '\n') lit_buf_adds(b, "\\n");
        else if (cp == '\t') lit_buf_adds(b, "\\t");
        else if (cp == '\r') lit_buf_adds(b, "\\r");
        else if (cp < 0x80) lit_buf_printf(b, "\\x%02x", (unsigned)cp);
        else lit_buf_printf(b, "\\u%04x", (unsigned)cp);
        i += k ? k : 1;
        plain = i;
    }
    lit_buf_add(b, str + plain, n - plain);
}
