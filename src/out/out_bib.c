/* out_bib.c - BibTeX writer: one entry per catalog paper, escaped for bibtex+pdflatex and biber. */
#include "out_bib.h"
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "bib_text.h"
#include "buf.h"
#include "latex_text.h"
#include "records.h"

/* Per-paper text state: what could not be written, for one warning. */
typedef struct wctx {
    lit_tex_info info;
} wctx;

/* lit_tex_escape, with accented i and j as {\'{i}} rather than {\'{{\i}}}: LaTeX puts
 * the dotless form in by itself (OT1 and T1), and biber turns \i into U+0131 inside
 * the accent, which biblatex's name hashing cannot take ("Missing \endcsname"). */
static void esc(lit_buf *b, const char *s, wctx *w)
{
    lit_buf t = LIT_BUF_INIT;
    lit_tex_escape(&t, s, &w->info);
    const char *q = lit_buf_str(&t);
    for (const char *hit; (hit = strstr(q, "{{\\")) != NULL;) {
        if ((hit[3] == 'i' || hit[3] == 'j') && hit[4] == '}' && hit[5] == '}') {
            lit_buf_add(b, q, (size_t)(hit - q));
            lit_buf_addc(b, '{');
            lit_buf_addc(b, hit[3]);
            lit_buf_addc(b, '}');
            q = hit + 6;
        } else {
            lit_buf_add(b, q, (size_t)(hit - q) + 3);
            q = hit + 3;
        }
    }
    lit_buf_adds(b, q);
    lit_buf_free(&t);
}

/* Escapes a piece of a word; straight double quotes become typographic ones by their
 * side of the word, since the pieces are escaped one by one. */
static void esc_piece(lit_buf *b, const char *s, size_t n, bool lead, wctx *w)
{
    lit_buf t = LIT_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') lit_buf_adds(&t, lead ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
        else lit_buf_addc(&t, s[i]);
    }
    esc(b, lit_buf_str(&t), w);
    lit_buf_free(&t);
}

/* Must the word keep its case? Styles such as plain lower every letter of a title but
 * its first; braces keep what that would break, and only that: acronyms (DNN, GPUs),
 * inner capitals (PipeDream, iPhone), letters with digits (T5, GPT3), and the paper's
 * system name. A capitalised word ("Facebook") is left to the style, as the issue asks:
 * braces on every capital would stop styles from setting sentence case at all. */
static bool needs_protect(const char *s, size_t n, const char *short_name)
{
    if (short_name && strlen(short_name) == n && memcmp(s, short_name, n) == 0) return true;
    size_t up = 0, digits = 0, i = 0;
    bool first_up = false;
    while (i < n) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { i++; continue; }
        if (utf8proc_isupper(cp)) { if (i == 0) first_up = true; up++; }
        if (cp >= '0' && cp <= '9') digits++;
        i += (size_t)k;
    }
    return up >= 2 || (up >= 1 && !first_up) || (up >= 1 && digits > 0);
}

static bool lead_char(char c) { return c == '(' || c == '[' || c == '"' || c == '\''; }
static bool trail_char(char c) { return c && strchr(")]:;,.!?\"'", c) != NULL; }

/* One hyphen-free part: leading punctuation, the core (braced when protected), trailing. */
static void put_part(lit_buf *b, const char *s, size_t n, const char *short_name, wctx *w)
{
    size_t a = 0, z = n;
    while (a < z && lead_char(s[a])) a++;
    while (z > a && trail_char(s[z - 1])) z--;
    esc_piece(b, s, a, true, w);
    if (z > a && needs_protect(s + a, z - a, short_name)) {
        lit_buf_addc(b, '{');
        esc_piece(b, s + a, z - a, true, w);
        lit_buf_addc(b, '}');
    } else {
        esc_piece(b, s + a, z - a, true, w);
    }
    esc_piece(b, s + z, n - z, false, w);
}

/* A title (or venue name) with the words that must keep their case in braces:
 * "{PipeDream}: Generalized Pipeline Parallelism for {DNN} Training". */
static void put_title(lit_buf *b, const char *title, const char *short_name, wctx *w)
{
    const char *p = title;
    bool first = true;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        const char *st = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') p++;
        size_t n = (size_t)(p - st);
        if (!first) lit_buf_addc(b, ' ');
        first = false;
        size_t core_end = n;
        while (core_end > 0 && trail_char(st[core_end - 1])) core_end--;
        if (short_name && core_end == strlen(short_name) && memcmp(st, short_name, core_end) == 0 && strchr(short_name, '-')) {
            put_part(b, st, n, short_name, w);   /* "Megatron-LM" whole */
            continue;
        }
        const char *q = st, *e = st + n;
        while (q < e) {
            const char *h = memchr(q, '-', (size_t)(e - q));
            if (!h) h = e;
            put_part(b, q, (size_t)(h - q), short_name, w);
            if (h < e) lit_buf_addc(b, '-');
            q = h < e ? h + 1 : e;
        }
    }
}

/* Is this word (UTF-8) lower case at its first letter, as BibTeX sees a "von" word? */
static bool lower_word(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) return false;
        if (utf8proc_islower(cp)) return true;
        if (utf8proc_isupper(cp)) return false;
        i += (size_t)k;
    }
    return false;
}

static bool jr_suffix(const char *s)
{
    static const char *const jr[] = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "V", "2nd", "3rd", NULL};
    for (int k = 0; jr[k]; k++) if (strcmp(s, jr[k]) == 0) return true;
    return false;
}

/* A display name "First von Last[, Jr]" as a BibTeX name. Names with "and" or other
 * commas (organisations) are braced whole; "Jr" names use "von Last, Jr, First". */
static void put_name(lit_buf *b, const char *name, wctx *w)
{
    const char *comma = strrchr(name, ',');
    bool has_and = false;
    for (const char *p = name; (p = strstr(p, "and")) != NULL; p += 3)
        if ((p == name || p[-1] == ' ') && (p[3] == ' ' || p[3] == 0)) has_and = true;
    if (has_and || (comma && (!jr_suffix(comma + 1 + (comma[1] == ' ')) || memchr(name, ',', (size_t)(comma - name))))) {
        lit_buf_addc(b, '{');
        esc(b, name, w);
        lit_buf_addc(b, '}');
        return;
    }
    if (!comma) { esc(b, name, w); return; }
    /* "First von Last, Jr": find the parts of the part before the comma */
    lit_buf main = LIT_BUF_INIT;
    lit_buf_add(&main, name, (size_t)(comma - name));
    const char *s = lit_buf_str(&main);
    const char *ws[64];
    size_t wn[64], nw = 0;
    for (const char *p = s; *p && nw < 64;) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *st = p;
        while (*p && *p != ' ') p++;
        ws[nw] = st; wn[nw++] = (size_t)(p - st);
    }
    if (nw == 0) { lit_buf_free(&main); esc(b, name, w); return; }
    size_t vs = nw, ve = nw;
    for (size_t k = 0; k + 1 < nw; k++)
        if (lower_word(ws[k], wn[k])) { if (vs == nw) vs = k; ve = k + 1; }
    size_t f1 = vs < nw ? vs : nw - 1, l0 = vs < nw ? vs : nw - 1;
    (void)ve;
    lit_buf t = LIT_BUF_INIT;
    lit_buf_add(&t, ws[l0], (size_t)(s + strlen(s) - ws[l0]));     /* von Last */
    esc(b, lit_buf_str(&t), w);
    lit_buf_adds(b, ", ");
    esc(b, comma + 1, w);
    if (f1 > 0) {
        lit_buf_adds(b, ", ");
        lit_buf_reset(&t);
        lit_buf_add(&t, ws[0], (size_t)(ws[f1 - 1] + wn[f1 - 1] - ws[0]));
        esc(b, lit_buf_str(&t), w);
    }
    lit_buf_free(&t);
    lit_buf_free(&main);
}

/* DOIs and URLs are verbatim in biblatex and go through \url in natbib styles: keep
 * them, but percent-encode what would unbalance or break the entry. */
static void put_verbatim(lit_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p <= 0x20 || *p >= 0x7F || *p == '{' || *p == '}' || *p == '\\') {
            lit_buf_addc(b, '%');
            lit_buf_addc(b, hex[*p >> 4]);
            lit_buf_addc(b, hex[*p & 15]);
        } else lit_buf_addc(b, (char)*p);
    }
}

static void field_start(lit_buf *b, const char *name)
{
    lit_buf_printf(b, ",\n  %-13s = {", name);
}

/* How a venue not in the table is probably published. */
static lit_venue_kind guess_kind(const char *name)
{
    static const char *const journal[] = {"journal", "transactions", "letters", "magazine", "review", NULL};
    static const char *const conf[] = {"proceedings", "conference", "symposium", "workshop", "proc.", NULL};
    lit_buf lower = LIT_BUF_INIT;
    lit_buf_add(&lower, "", 0);   /* data is never NULL, even for "" */
    for (const char *p = name; *p; p++) lit_buf_addc(&lower, (char)tolower((unsigned char)*p));
    lit_venue_kind k = LIT_VENUE_OTHER;
    for (int i = 0; journal[i] && k == LIT_VENUE_OTHER; i++) if (strstr(lower.data, journal[i])) k = LIT_VENUE_JOURNAL;
    for (int i = 0; conf[i] && k == LIT_VENUE_OTHER; i++) if (strstr(lower.data, conf[i])) k = LIT_VENUE_CONFERENCE;
    lit_buf_free(&lower);
    return k;
}

/* ---- what the import kept of a .bib entry: bibtype and the bib map of raw fields ---- */

/* The raw value of field name in the bib map, or NULL. */
static const char *raw(const lit_node *bib, const char *name)
{
    for (size_t i = 0; bib && i < bib->n; i++)
        if (strcasecmp(bib->items[2 * i].str, name) == 0 && bib->items[2 * i + 1].kind == LIT_NODE_SCALAR)
            return bib->items[2 * i + 1].str;
    return NULL;
}

static bool venue_field(const char *name)
{
    static const char *const f[] = {"booktitle", "journal", "journaltitle", "howpublished", NULL};
    for (int i = 0; f[i]; i++) if (strcasecmp(name, f[i]) == 0) return true;
    return false;
}

/* A raw value as it was imported (LaTeX already): only its non-ASCII characters become
 * macros, so that the file stays ASCII. */
static void put_raw(lit_buf *b, const char *s, wctx *w)
{
    while (*s) {
        const char *st = s;
        bool hi = (unsigned char)*s >= 0x80;
        while (*s && ((unsigned char)*s >= 0x80) == hi) s++;
        if (!hi) { lit_buf_add(b, st, (size_t)(s - st)); continue; }
        lit_buf t = LIT_BUF_INIT;
        lit_buf_add(&t, st, (size_t)(s - st));
        esc(b, lit_buf_str(&t), w);
        lit_buf_free(&t);
    }
}

/* month = {January} as the macro jan: biber wants a number or the macro. */
static const char *month_macro(const char *v)
{
    static const char *const mac[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 1; i <= 12; i++) if (strcmp(v, lit_rec_month_name(i)) == 0) return mac[i - 1];
    return NULL;
}

/* Does the bib map hold the paper's title as its .bib wrote it (braces and all)? Only
 * while it still says the catalog's title: an edit or a merge may have changed that. */
static bool own_title(const lit_node *bib, const char *title)
{
    const char *t = raw(bib, "title");
    if (!t || !title) return false;
    char *u = lit_bib_tex_to_utf8(t, strlen(t));
    bool same = u && strcmp(u, title) == 0;
    free(u);
    return same;
}

static int write_paper(lit_buf *b, const lit_catalog *cat, const lit_venues *vs, const lit_paper *p,
                       const char *key, lit_diag *d, unsigned *needs)
{
    wctx w = {{0, 0, 0}};
    const char *vid = lit_catalog_venue(cat, p->venue);
    const lit_venue *v = vid && vs ? lit_venues_find(vs, vid) : NULL;
    lit_venue_kind kind = v ? v->kind : vid ? guess_kind(vid) : LIT_VENUE_OTHER;
    const char *vname = v ? v->name : vid;
    bool arxiv_venue = kind == LIT_VENUE_PREPRINT || (vid && strcasecmp(vid, "arxiv") == 0);
    if (arxiv_venue) kind = LIT_VENUE_PREPRINT;

    /* the venue as it is written: "Proceedings of the USENIX Symposium on ... ({OSDI})" */
    lit_buf venue = LIT_BUF_INIT;
    if (vname && kind != LIT_VENUE_PREPRINT) {
        bool proc = (kind == LIT_VENUE_CONFERENCE || kind == LIT_VENUE_WORKSHOP) &&
                    strncasecmp(vname, "proceedings", 11) != 0 && v;
        if (proc) lit_buf_adds(&venue, "Proceedings of the ");
        put_title(&venue, vname, NULL, &w);   /* styles keep a venue's case */
        if (v && strcmp(v->id, v->name) != 0 && kind != LIT_VENUE_JOURNAL) {
            lit_buf_adds(&venue, " ({");
            esc(&venue, v->id, &w);
            lit_buf_adds(&venue, "})");
        }
    }
    const char *type, *vfield = NULL;
    /* @inproceedings and @article need an author and a year in every style (bibtex and
     * biber warn without them): papers that lack one are @misc, and the count is said */
    bool full = p->n_authors > 0 && p->year > 0;
    if ((kind == LIT_VENUE_CONFERENCE || kind == LIT_VENUE_WORKSHOP) && full) { type = "inproceedings"; vfield = "booktitle"; }
    else if (kind == LIT_VENUE_JOURNAL && full) { type = "article"; vfield = "journal"; }
    else { type = "misc"; vfield = venue.len ? "howpublished" : NULL; }
    /* an imported entry keeps its type and fields (bibtype, bib) when its venue agrees */
    const lit_node *bt = lit_paper_extra(p, "bibtype", LIT_NODE_SCALAR), *bib = lit_paper_extra(p, "bib", LIT_NODE_MAP);
    bool fits = bt && lit_tex_key_ok(bt->str) && lit_rec_type_fits(bt->str, v ? kind : LIT_VENUE_OTHER, p->n_sources);
    bool own_venue = false;
    for (size_t i = 0; fits && bib && i < bib->n; i++) own_venue |= venue_field(bib->items[2 * i].str);
    if (fits) type = bt->str;
    if (own_venue) vfield = NULL;

    lit_buf_printf(b, "@%s{%s", type, key);
    if (p->n_authors) {
        field_start(b, "author");
        for (uint32_t i = 0; i < p->n_authors; i++) {
            if (i) lit_buf_adds(b, " and ");
            put_name(b, p->authors[i], &w);
        }
        if (p->authors_etal) lit_buf_adds(b, " and others");  /* the list named only the first */
        lit_buf_addc(b, '}');
    }
    field_start(b, "title");
    if (own_title(bib, p->title)) put_raw(b, raw(bib, "title"), &w);   /* the .bib's own braces */
    else put_title(b, p->title ? p->title : "", p->short_name, &w);
    lit_buf_addc(b, '}');
    if (p->short_name && *p->short_name && !raw(bib, "shorttitle")) {
        /* the system name: biblatex's short title, and how it comes back on import */
        field_start(b, "shorttitle");
        lit_buf_addc(b, '{');
        esc(b, p->short_name, &w);
        lit_buf_addc(b, '}');
        lit_buf_addc(b, '}');
    }
    for (size_t i = 0; own_venue && i < bib->n; i++)   /* the imported venue, where ours would go */
        if (venue_field(bib->items[2 * i].str) && bib->items[2 * i + 1].kind == LIT_NODE_SCALAR) {
            field_start(b, bib->items[2 * i].str);
            put_raw(b, bib->items[2 * i + 1].str, &w);
            lit_buf_addc(b, '}');
        }
    if (vfield) {
        field_start(b, vfield);
        lit_buf_adds(b, lit_buf_str(&venue));
        lit_buf_addc(b, '}');
    } else if (kind == LIT_VENUE_PREPRINT && !own_venue) {
        vfield = "howpublished";
        field_start(b, "howpublished");
        if (p->arxiv) { lit_buf_adds(b, "arXiv preprint arXiv:"); put_verbatim(b, p->arxiv); }
        else esc(b, vid ? vid : "arXiv", &w);
        lit_buf_addc(b, '}');
    }
    /* an undated paper has no year field (natbib prints its own "n.d."; a fake year
     * would be sorted and cited as one) */
    bool raw_year = raw(bib, "year") || raw(bib, "date");   /* "2019a", or biblatex's date */
    if (!raw_year && p->year > 0) lit_buf_printf(b, ",\n  %-13s = {%d}", "year", p->year);
    if (p->doi) { field_start(b, "doi"); put_verbatim(b, p->doi); lit_buf_addc(b, '}'); }
    if (p->arxiv && !raw(bib, "eprint")) {
        field_start(b, "eprint"); put_verbatim(b, p->arxiv); lit_buf_addc(b, '}');
        if (!raw(bib, "archiveprefix") && !raw(bib, "eprinttype")) { field_start(b, "archivePrefix"); lit_buf_adds(b, "arXiv}"); }
    }
    const char *url = NULL;
    for (uint32_t i = 0; i < p->n_links && !url; i++)
        if (p->links[i].kind && strcmp(p->links[i].kind, "paper") == 0) url = p->links[i].url;
    for (uint32_t i = 0; i < p->n_links && !url; i++)
        if (p->links[i].kind && strcmp(p->links[i].kind, "pdf") == 0) url = p->links[i].url;
    if (url) { field_start(b, "url"); put_verbatim(b, url); lit_buf_addc(b, '}'); }
    /* the imported fields as they were, but those written above from the catalog (the
     * venue table's name for the venue wins over the imported one) */
    for (size_t i = 0; bib && i < bib->n; i++) {
        const char *name = bib->items[2 * i].str, *val = bib->items[2 * i + 1].str;
        if (!lit_tex_key_ok(name) || bib->items[2 * i + 1].kind != LIT_NODE_SCALAR ||
            !strcasecmp(name, "title") || !strcasecmp(name, "author") || (vfield && !strcasecmp(name, vfield)) ||
            (own_venue && venue_field(name)) || !strcasecmp(name, "key") ||
            (p->doi && !strcasecmp(name, "doi")) || (url && !strcasecmp(name, "url")))
            continue;
        /* a record field the written type has no place for (biblatex's data model) is
         * left out; an ISSN or ISBN is written when it is a valid one */
        const lit_rec_field *rf = lit_rec_field_of_bib(name);
        if (!lit_rec_writes(name, type)) continue;
        char id[18];
        if (rf && !strcmp(rf->bib, "issn")) { if (!lit_rec_issn(val, id)) continue; val = id; }
        if (rf && !strcmp(rf->bib, "isbn")) { if (!lit_rec_isbn(val, id)) continue; val = id; }
        const char *mac = strcasecmp(name, "month") == 0 ? month_macro(val) : NULL;
        if (mac) { lit_buf_printf(b, ",\n  %-13s = %s", name, mac); continue; }
        field_start(b, name);
        put_raw(b, val, &w);
        lit_buf_addc(b, '}');
    }
    if (p->n_topics && !raw(bib, "keywords")) {
        field_start(b, "keywords");
        for (uint32_t i = 0; i < p->n_topics; i++) {
            if (i) lit_buf_adds(b, ", ");
            esc(b, lit_catalog_topic(cat, p->topics[i]), &w);
        }
        lit_buf_addc(b, '}');
    }
    if (raw(bib, "key")) {   /* the imported sort key, where ours would go */
        field_start(b, "key");
        put_raw(b, raw(bib, "key"), &w);
        lit_buf_addc(b, '}');
    } else if (!p->n_authors) {
        /* plain, abbrv, alpha and natbib sort (and label) by author, else by key */
        field_start(b, "key");
        esc(b, p->short_name ? p->short_name : p->title ? p->title : p->key, &w);
        lit_buf_addc(b, '}');
    }
    lit_buf_adds(b, "\n}\n\n");
    lit_buf_free(&venue);
    if (w.info.n_replaced) {
        char nb[16];
        lit_warn_many(d, "papers with characters that have no LaTeX form", cat->path, p->line, p->col,
                      "paper '%s': %s%s has no LaTeX form; written as '?'", p->key,
                      lit_tex_cp_name(w.info.first_bad, nb), w.info.n_replaced > 1 ? " (and others)" : "");
    }
    *needs |= w.info.needs;
    return 0;
}

static char *lower_key(lit_arena *a, const char *key)
{
    char *lk = lit_arena_strdup(a, key ? key : "");
    for (char *q = lk; *q; q++) *q = (char)tolower((unsigned char)*q);
    return lk;
}

int lit_bib_write(FILE *fp, const lit_catalog *cat, const lit_venues *vs,
                  const uint32_t *sel, size_t n_sel, lit_diag *d)
{
    lit_buf body = LIT_BUF_INIT;
    lit_buf_add(&body, "", 0);
    unsigned needs = 0;
    int rc = 0;
    bool urls = false;
    /* BibTeX compares keys ignoring case: "Foo" and "foo" would be one entry */
    lit_strtab seen = {0};
    lit_arena tmp = {0};
    uint32_t *first = lit_xmalloc((n_sel ? n_sel : 1) * sizeof *first);
    size_t utf8_keys = 0;
    const char *utf8_key = NULL;
    for (size_t i = 0; i < n_sel && rc == 0; i++) {
        const lit_paper *p = &cat->papers[sel ? sel[i] : i];
        int kok = lit_cite_key_ok(p->key);
        if (kok == 2 && !utf8_keys++) utf8_key = p->key;
        if (!kok) {
            rc = lit_error(d, cat->path, p->line, p->col,
                           "key '%s' cannot be cited (no space , { } \" ' %% # ~ \\ or ^^)", p->key ? p->key : "");
            break;
        }
        char *lk = lower_key(&tmp, p->key);
        int32_t ix = lit_strtab_find(&seen, lk);
        if (ix >= 0) {
            rc = lit_error(d, cat->path, p->line, p->col, "keys '%s' and '%s' differ only in case; BibTeX takes them for one",
                           cat->papers[first[ix]].key, p->key);
            break;
        }
        first[lit_strtab_intern(&seen, &tmp, lk)] = sel ? sel[i] : (uint32_t)i;
    }
    for (size_t i = 0; i < n_sel && rc == 0; i++) {
        const lit_paper *p = &cat->papers[sel ? sel[i] : i];
        rc = write_paper(&body, cat, vs, p, p->key, d, &needs);
        /* the keys of entries merged into this paper: a copy each, so that \cite{} of any
         * of them resolves (one that is another paper's key, or not citable, is left out) */
        const lit_node *al = lit_paper_extra(p, "aliases", LIT_NODE_SEQ);
        for (size_t k = 0; al && k < al->n && rc == 0; k++) {
            const char *a = al->items[k].str;
            if (al->items[k].kind != LIT_NODE_SCALAR || !lit_cite_key_ok(a)) continue;
            char *la = lower_key(&tmp, a);
            if (lit_strtab_find(&seen, la) >= 0) continue;
            lit_strtab_intern(&seen, &tmp, la);
            rc = write_paper(&body, cat, vs, p, a, d, &needs);
        }
        for (uint32_t k = 0; k < p->n_links; k++) urls |= p->links[k].kind && strcmp(p->links[k].kind, "paper") == 0;
    }
    free(first);
    lit_strtab_free(&seen);
    lit_arena_free(&tmp);
    size_t no_author = 0;
    for (size_t i = 0; i < n_sel; i++) no_author += cat->papers[sel ? sel[i] : i].n_authors == 0;
    if (rc == 0 && no_author)
        lit_warn(d, NULL, 0, 0, "%zu of the %zu entries have no authors (their lists give none): written as @misc; "
                 "litsurvey resolve adds them from your bibliography or DBLP", no_author, n_sel);
    if (rc == 0 && utf8_keys)
        lit_warn(d, NULL, 0, 0, "%zu key%s non-ASCII letters ('%s'): biber cites %s, bibtex cannot "
                 "(use biblatex with biber, or give these entries ASCII keys)", utf8_keys, utf8_keys == 1 ? " has" : "s have",
                 utf8_key, utf8_keys == 1 ? "it" : "them");
    if (rc == 0) {
        fprintf(fp, "%% BibTeX entries written by litsurvey: %zu papers; the keys are the ones the\n"
                    "%% LaTeX tables cite. ASCII only (accents as LaTeX macros)%s.\n", n_sel,
                utf8_keys ? ", but for keys with non-ASCII letters, which need biber" : "");
        if (no_author)
            fprintf(fp, "%% %zu entries have no authors (the lists they come from give none), so they are misc entries.\n",
                    no_author);
        if (needs & LIT_TEX_NEED_T1)
            fprintf(fp, "%% Some entries need \\usepackage[T1]{fontenc} in the document.\n");
        if (urls)
            fprintf(fp, "%% URLs are written as they are: natbib styles need \\usepackage{url} (or hyperref).\n");
        if (needs & LIT_TEX_NEED_TS1)
            fprintf(fp, "%% Some entries need \\usepackage{textcomp} (LaTeX before 2020).\n");
        fputc('\n', fp);
        fwrite(body.data, 1, body.len, fp);
    }
    lit_buf_free(&body);
    return rc;
}
