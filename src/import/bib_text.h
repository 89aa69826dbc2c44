/* bib_text.h - BibTeX field text: LaTeX to UTF-8 and author lists. Used by import_bib.c and by the CSL-JSON writer
 * (a paper's bib map holds LaTeX). */
#ifndef LIT_BIB_TEXT_H
#define LIT_BIB_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

/* The UTF-8 text of a LaTeX value: braces dropped, accents composed, specials and
 * ligatures (-- --- `` '') turned into their characters, unknown commands dropped with their
 * arguments kept, white space runs one space (trimmed, NFC). malloc'd; NULL when empty. */
char *lit_bib_tex_to_utf8(const char *s, size_t n);
/* Splits an author list on " and " outside braces into display names ("First von Last,
 * Jr") in the arena; "and others" sets *etal. */
void lit_bib_split_authors(lit_arena *a, const char *s, size_t n, const char ***out, uint32_t *nout, bool *etal);
#endif
