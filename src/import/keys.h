/* keys.h - citation keys a person can type: a bibliography's own key kept, else one made
 * the way Better BibTeX makes them (authorYEARword, or shortYEARvenue without authors). */
#ifndef LIT_KEYS_H
#define LIT_KEYS_H
#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "catalog.h"
#include "diag.h"

/* Whether a reference manager's item id is a key someone typed and cites ("Smith2019",
 * "ITEM-1", "narayanan:pipedream"): letters, digits and : - _ only, starting with a letter,
 * with a digit or one of : - _ in it (a bare word could be any English word), and not a
 * Zotero item key (eight capitals and digits). URLs and numbers are not. */
bool lit_key_looks_typed(const char *id);

/* The key a paper without one is given, before clashes are told apart:
 *   authors known:  first author's family name folded to ASCII, year, first significant
 *                   title word ("narayanan2019pipedream"; no year: "narayananpipedream");
 *   no authors:     system name (or first significant title word), year, venue
 *                   ("pipedream2019sosp", "pipedream2019", "pipedreamsosp");
 *   only a title word: two of them ("introductiondeep"), so a key is never a plain word.
 * Lower-case ASCII letters and digits; appended to b. */
void lit_key_stem(const lit_catalog *c, const lit_paper *p, lit_buf *b);

/* Gives every paper of c without a key one (lit_key_stem); a key given twice (two .bib
 * files) stays with the first by place and the others get new ones, the first n_keep
 * papers (the existing catalog's) keeping theirs before any. Clashes get a, b, c, ...
 * appended ("smith2020deepa"), in an order that depends only on the papers' contents. */
void lit_keys_assign(lit_catalog *c, size_t n_keep);

/* Whether key can be a catalog's and a .bib's key: no space, control character or any of
 * , { } " ' % # ~ \ (what \cite{} and BibTeX cannot take); UTF-8 letters are allowed
 * (biber takes them). */
bool lit_key_citable(const char *key);
/* Whether key has a byte outside ASCII ("张三2020"): biber takes such keys, bibtex not. */
bool lit_key_non_ascii(const char *key);
/* One warning, at the first such paper's source, when papers [from, n) of c have keys
 * with non-ASCII letters: they are kept (biber cites them), bibtex cannot. Returns how many. */
size_t lit_keys_warn_non_ascii(const lit_catalog *c, size_t from, lit_diag *d);

#endif
