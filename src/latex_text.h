/* latex_text.h - UTF-8 text to LaTeX source that pdflatex typesets: specials escaped, non-ASCII as macros. */
#ifndef LIT_LATEX_TEXT_H
#define LIT_LATEX_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* What escaped text needs from the preamble (bits of lit_tex_info.needs). Text that
 * needs none of them compiles with any encoding; OT1 (LaTeX's default) is enough. */
enum {
    LIT_TEX_NEED_T1 = 1,      /* \usepackage[T1]{fontenc}: ogonek, eth, thorn, eng, guillemets */
    LIT_TEX_NEED_TS1 = 2      /* \usepackage{textcomp}: euro, yen, registered (kernel has it since 2020) */
};

/* Accumulates over several calls: clear it (= {0}) before the first. */
typedef struct lit_tex_info {
    unsigned needs;           /* LIT_TEX_NEED_* bits */
    size_t n_replaced;        /* characters pdflatex cannot typeset, written as '?' */
    int32_t first_bad;        /* code point of the first of them (-1 for invalid UTF-8) */
} lit_tex_info;

/* Appends the LaTeX form of UTF-8 text s to b. The output is ASCII only and safe in any
 * context that takes text (a table cell, a macro argument, a BibTeX field): the ten
 * specials and < > | [ ] are escaped, braces stay balanced, straight double quotes become
 * `` and '', dashes, typographic quotes, NBSP and thin spaces their TeX forms; letters with
 * accents become accent macros ({\'{e}}, {\r{A}}) through the Unicode decomposition,
 * special letters their macros ({\ss}, {\o}), Greek and math symbols math mode ($\mu$),
 * super- and subscripts \textsuperscript{}/\textsubscript{}. Runs of white space and
 * control characters become one space; leading and trailing space is dropped. Anything
 * else (CJK, emoji, invalid UTF-8) becomes '?' and is counted in info (may be NULL). */
void lit_tex_escape(lit_buf *b, const char *s, lit_tex_info *info);

/* Appends url for use as the argument of \url{} or \href{} (hyperref or url.sty), also
 * inside another command's argument (tabularx, \caption): bytes outside the URL character
 * set (space, non-ASCII, quotes, braces, backslash, ^, `, |, <, >) are percent-encoded,
 * and % and # are written as \% and \#. */
void lit_tex_url(lit_buf *b, const char *url);

/* True when key can go into \cite{} (also inside a table) and a BibTeX entry as it is:
 * non-empty printable ASCII without space , { } " ' % # ~ \ and without "^^". */
bool lit_tex_key_ok(const char *key);
/* Whether key can be cited: 1 as lit_tex_key_ok, 2 when it also holds UTF-8 letters or
 * digits (a Chinese thesis's key): biber and biblatex cite it, bibtex cannot; 0 when not. */
int lit_cite_key_ok(const char *key);

/* Writes "U+XXXX" (or "invalid UTF-8" for -1) into buf (16 bytes) for messages. */
const char *lit_tex_cp_name(int32_t cp, char buf[16]);

#endif
