/* text.h - what text may hold: the one check of every string that enters (lists, catalogs, specs, options) and the escaping of what messages print.
 *
 * Text is UTF-8 without NUL, without control characters other than tab, line feed and
 * carriage return (no DEL, no C1 controls), and without Unicode noncharacters (U+FDD0 to
 * U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE, ...):
 * pango refuses those, XML (xlsx, SVG) cannot hold controls, a terminal runs escapes. */
#ifndef LIT_TEXT_H
#define LIT_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "buf.h"
#include "diag.h"

enum lit_text_kind {
    LIT_TEXT_OK = 0,
    LIT_TEXT_INVALID,   /* not UTF-8 (a stray byte, an overlong form, a surrogate) */
    LIT_TEXT_NUL,
    LIT_TEXT_CONTROL,   /* C0 but tab, line feed, carriage return; DEL; C1 */
    LIT_TEXT_NONCHAR    /* a Unicode noncharacter */
};

/* The first thing in a text that is not allowed. */
typedef struct lit_text_fault {
    int kind;           /* enum lit_text_kind */
    size_t off, len;    /* its bytes: off from the start, len of them (1 for invalid UTF-8) */
    uint32_t cp;        /* its code point (the byte for invalid UTF-8) */
} lit_text_fault;

/* Decodes the UTF-8 sequence at s (n > 0 bytes left) into *cp; returns its length, or 0
 * when s does not start a valid sequence (overlong forms and surrogates included). */
size_t lit_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Whether a code point may stand in text (see above). */
bool lit_text_cp_ok(uint32_t cp);
/* Checks s[0..n) from its start; returns the kind of its first fault (filled into f,
 * which may be NULL), LIT_TEXT_OK when there is none. */
int lit_text_check(const char *s, size_t n, lit_text_fault *f);
/* The fault for messages: "noncharacter U+FFFE", "control character U+001B", "NUL byte",
 * "invalid UTF-8 (byte 0xFF)"; returns buf (48 bytes). */
const char *lit_text_fault_str(const lit_text_fault *f, char buf[48]);

/* An input file as an importer gets it: every noncharacter and C1 control is replaced by
 * U+FFFD with a warning at its FILE:LINE:COL. NUL, the C0 controls, DEL and invalid UTF-8
 * are left for the importer, which handles them by its format's rules (a list reads a
 * stray one as a space and calls many a binary file, JSON refuses them, ...). *data is
 * replaced when anything changed (malloc'd, NUL-terminated); returns how many were. */
size_t lit_text_clean_input(const char *path, char **data, size_t *len, lit_diag *d);

/* A string from a decoded escape (a JSON "\u001b", an entity): s itself when it is valid
 * text (NULL stays NULL), else a copy in a with each fault replaced by U+FFFD; *first
 * (may be NULL) gets the first fault, kind LIT_TEXT_OK when there was none. */
const char *lit_text_clean(lit_arena *a, const char *s, lit_text_fault *first);

/* Text drawn with pango (charts, report.pdf) is cut to this many bytes with "…": no label
 * or line shows more, and pango's cost grows with the text it is given. */
#define LIT_TEXT_DRAWN_MAX 2000
/* s, or its first max bytes or fewer (whole UTF-8 sequences) and "…", into b; returns
 * the text to draw (s itself when it is short enough). */
const char *lit_text_drawn(const char *s, size_t max, lit_buf *b);
/* The most characters in a row without a blank (a word, or a URL): pango wraps a word
 * longer than its line in time that grows with the square of its length (a 40,000-
 * character title took 3.8 s), so text with a word longer than LIT_TEXT_LONG_WORD is
 * wrapped at any character instead. */
size_t lit_text_longest_word(const char *s);
#define LIT_TEXT_LONG_WORD 48

/* Appends s[0..n) with every control character, noncharacter and invalid byte written
 * as an escape (\n, \t, \x1b, \u009b, \ufffe, \xff for a byte that is not UTF-8), so that
 * text from files cannot move a terminal's cursor or fake a line of output. */
void lit_text_add_escaped(lit_buf *b, const char *s, size_t n, bool keep_newlines);

#endif
