/* venues.c - the venue table of data/venues.yaml: canonical ids, full names, kinds, aliases. */
#include "venues.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "topics.h"
#include "yread.h"

#define MIN_NAME_KEY 9   /* shorter name keys ("journal ", "micro ") say too little to match on */

static const char *const kind_names[] = {"conference", "journal", "workshop", "preprint", "other"};

const char *lit_venue_kind_name(lit_venue_kind k)
{
    return k <= LIT_VENUE_OTHER ? kind_names[k] : "other";
}

int lit_venue_is_reviewed(const lit_venue *v)
{
    return v && (v->kind == LIT_VENUE_CONFERENCE || v->kind == LIT_VENUE_JOURNAL || v->kind == LIT_VENUE_WORKSHOP);
}

/* Adds a name for venue ix; an alias of two venues is an error. */
static int add_key(lit_venues *vs, lit_yread *r, const char *name, int32_t ix)
{
    int32_t got = lit_alias_map_add(&vs->names, &vs->arena, name, ix);
    if (got == -2) return lit_yread_error(r, "'%s' has no letters or digits", name);
    if (got != ix) return lit_yread_error(r, "'%s' already names venue '%s'", name, vs->v[got].id);
    return 0;
}

static void add_name_key(lit_venues *vs, const char *name, int32_t ix)
{
    char *k = lit_venue_name_key(name);
    if (strlen(k) >= MIN_NAME_KEY) lit_alias_map_add(&vs->keys, &vs->arena, k, ix);
    free(k);
}

static bool same_str(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

/* Whether an overlay's entry says what the shipped one says. */
static bool same_venue(const lit_venue *a, const lit_venue *b)
{
    if (!same_str(a->name, b->name) || !same_str(a->publisher, b->publisher) || a->kind != b->kind ||
        !same_str(a->area, b->area) || a->n_aliases != b->n_aliases)
        return false;
    for (size_t i = 0; i < a->n_aliases; i++)
        if (strcmp(a->aliases[i], b->aliases[i]) != 0) return false;
    return true;
}

static int read_venue(lit_venues *vs, lit_yread *r, size_t *cap)
{
    LIT_GROW(vs->v, *cap, vs->n + 1);
    lit_venue *v = &vs->v[vs->n];
    memset(v, 0, sizeof *v);
    v->kind = LIT_VENUE_CONFERENCE;
    v->line = r->line;
    long col = r->col;
    lit_ykeys seen = {0};
    long alias_line = 0, alias_col = 0;
    int rc = lit_yread_expect(r, LIT_Y_MAP, "a venue (a mapping with id, name, kind, area, aliases)");
    while (rc == 0 && lit_yread_next(r) == LIT_Y_SCALAR) {
        if ((rc = lit_yread_key_once(r, &seen)) != 0) break;
        char key[32];
        snprintf(key, sizeof key, "%s", r->str);
        long kl = r->line, kc = r->col;
        lit_yread_next(r);
        if (strcmp(key, "id") == 0) rc = lit_yread_str(r, &vs->arena, &v->id);
        else if (strcmp(key, "name") == 0) rc = lit_yread_str(r, &vs->arena, &v->name);
        else if (strcmp(key, "publisher") == 0) rc = lit_yread_is_null(r) ? 0 : lit_yread_str(r, &vs->arena, &v->publisher);
        else if (strcmp(key, "area") == 0) rc = lit_yread_str(r, &vs->arena, &v->area);
        else if (strcmp(key, "aliases") == 0) {
            alias_line = r->line;
            alias_col = r->col;
            rc = lit_yread_str_list(r, &vs->arena, &v->aliases, &v->n_aliases);
        } else if (strcmp(key, "kind") == 0) {
            if ((rc = lit_yread_expect(r, LIT_Y_SCALAR, "a venue kind")) != 0) break;
            size_t k = 0;
            while (k <= LIT_VENUE_OTHER && strcmp(r->str, kind_names[k]) != 0) k++;
            if (k > LIT_VENUE_OTHER)
                rc = lit_yread_error(r, "unknown venue kind '%s' (conference, journal, workshop, preprint, other)", r->str);
            v->kind = (lit_venue_kind)k;
        } else {
            r->line = kl;
            r->col = kc;
            rc = lit_yread_error(r, "unknown key '%s' (id, name, publisher, kind, area, aliases)", key);
        }
    }
    lit_ykeys_free(&seen);
    if (rc == 0) rc = lit_yread_expect(r, LIT_Y_MAP_END, "a key");
    if (rc != 0) return -1;
    if (!v->id || !*v->id) return lit_error(r->diag, r->file, v->line, col, "venue without 'id'");
    if (!v->name) v->name = v->id;
    if (!v->area) v->area = "other";
    int32_t ix = (int32_t)vs->n;
    /* an overlay's entry with a shipped id replaces that venue in its place */
    int32_t same = vs->n_base ? lit_alias_map_find(&vs->names, v->id) : -1;
    bool replaces = same >= 0 && (size_t)same < vs->n_base && strcmp(vs->v[same].id, v->id) == 0;
    if (replaces) {
        ix = same;
        if (!same_venue(&vs->v[same], v)) lit_overlay_note(&vs->over, v->id, false);
        vs->v[same] = *v;
    } else if (vs->n_base) {
        lit_overlay_note(&vs->over, v->id, true);
    }
    long line = r->line, c2 = r->col;
    r->line = v->line;
    r->col = col;
    rc = add_key(vs, r, v->id, ix);
    r->line = alias_line ? alias_line : v->line;
    r->col = alias_line ? alias_col : col;
    for (size_t i = 0; rc == 0 && i < v->n_aliases; i++) rc = add_key(vs, r, v->aliases[i], ix);
    /* the full name and the name keys: the first venue that has one keeps it */
    if (rc == 0) lit_alias_map_add(&vs->names, &vs->arena, v->name, ix);
    for (size_t i = 0; rc == 0 && i <= v->n_aliases; i++) add_name_key(vs, i < v->n_aliases ? v->aliases[i] : v->name, ix);
    r->line = line;
    r->col = c2;
    if (rc == 0 && !replaces) vs->n++;
    return rc;
}

/* Each entry grows the table by one; cap is the array's capacity. */
typedef struct loading { lit_venues *t; size_t cap; } loading;

static int read_entry(lit_yread *r, void *ctx)
{
    loading *l = ctx;
    return read_venue(l->t, r, &l->cap);
}

int lit_venues_load(lit_venues *vs, const char *path, lit_diag *d)
{
    memset(vs, 0, sizeof *vs);
    vs->path = lit_arena_strdup(&vs->arena, path);
    loading l = {vs, 0};
    bool replace;   /* a table given or found on its own stands alone anyway */
    return lit_yread_doc_list(path, "venues", read_entry, &l, &replace, d);
}

int lit_venues_overlay(lit_venues *vs, const char *path, lit_diag *d)
{
    vs->over.path = lit_arena_strdup(&vs->arena, path);
    vs->n_base = vs->n;
    loading l = {vs, vs->n};
    bool replace;
    int rc = lit_yread_doc_list(path, "venues", read_entry, &l, &replace, d);
    vs->n_base = 0;
    return rc;
}

void lit_venues_free(lit_venues *vs)
{
    free(vs->v);
    lit_alias_map_free(&vs->names);
    lit_alias_map_free(&vs->keys);
    lit_overlay_free(&vs->over);
    lit_arena_free(&vs->arena);
    memset(vs, 0, sizeof *vs);
}

const lit_venue *lit_venues_find(const lit_venues *vs, const char *name)
{
    int32_t ix = vs && name ? lit_alias_map_find(&vs->names, name) : -1;
    return ix >= 0 ? &vs->v[ix] : NULL;
}

/* ---------- venue names: the rules that map a booktitle, journal or tag to a venue ----------
 *
 * 1. the text is an id, an alias or a full name (ignoring case, spaces and punctuation);
 * 2. an acronym in parentheses, its year dropped: "(OSDI 20)", "(AAAI-18)", "(ICAPS 2022)";
 * 3. the full name or an alias compared by its name key (lit_venue_name_key: the words in
 *    drop_words, ordinals in digits or words, numbers, months, SIG groups, roman numerals
 *    and parentheses dropped, the rest in sorted order: "Symposium on Haskell" = "Haskell
 *    Symposium", "Knowledge and Data Engineering, IEEE Transactions on" = "IEEE Transactions
 *    on Knowledge and Data Engineering"), for the whole text and for the text up to each
 *    ',' or ':' ("..., Austin, TX, USA"; "Findings of the ACL: EMNLP 2020");
 * 4. an acronym-like word of the text (two capitals or more), its year dropped: "SOSP '19";
 *    when two such words name different venues, the text names none.
 * Text with the word "workshop" or an "@" names a workshop: a conference X found by the
 * rules becomes the workshop venue "X-W" / "X workshop" when the table has one, else
 * nothing ("Workshop on ... co-located with X" is not X); a venue one of whose names says
 * "workshop" stays itself (ANTS was the "International Workshop on Ant Colony ..."). */

/* Words that name no particular venue. */
static const char *const drop_words[] = {
    "proceedings", "proc", "of", "the", "in", "on", "and", "for", "at", "a", "an", "to",
    "acm", "ieee", "usenix", "ifip", "siam", "cvf", "association", "annual", "international",
    "intl", "int", "l", "conference", "conf", "advances", "volume", "vol", "part", "long", "short",
    "papers", "paper", "main", "track", "edition", "record", NULL};
/* Ordinals and numbers in words: "Thirty-Second", "Seventeenth". */
static const char *const number_words[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "twenty", "thirty", "forty", "fifty", "sixty", NULL};
static const char *const month_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", NULL};

static bool in_list(const char *const *l, const char *w, size_t n)
{
    for (; *l; l++) if (strlen(*l) == n && strncasecmp(*l, w, n) == 0) return true;
    return false;
}

/* Bytes of a separator at s: ASCII punctuation or space, U+0080-U+00BF (nbsp, (R)),
 * U+2000-U+206F (dashes, quotes). 0 for a letter or digit. */
static size_t sep_len(const unsigned char *s)
{
    if (*s < 0x80) return isalnum(*s) ? 0 : 1;
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0xBF) return 2;
    if (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81) && s[2]) return 3;
    return 0;
}

/* Whether word w (n bytes) is dropped from name keys. */
static bool dropped_word(const char *w, size_t n)
{
    size_t d = 0, up = 0;
    while (d < n && isdigit((unsigned char)w[d])) d++;
    if (d == n) return true;                                   /* 2019, 32 */
    if (d && n - d == 2 && (in_list((const char *const[]){"st", "nd", "rd", "th", NULL}, w + d, 2)))
        return true;                                           /* 17th, 22Nd */
    for (size_t i = 0; i < n; i++) up += isupper((unsigned char)w[i]) != 0;
    if (up == n && n > 3 && strncmp(w, "SIG", 3) == 0) return true;   /* SIGOPS, SIGPLAN */
    if (up == n && n <= 4 && strspn(w, "IVX") == n) return true;      /* Part II, PPSN XV */
    return in_list(drop_words, w, n) || in_list(number_words, w, n) || in_list(month_words, w, n);
}

typedef struct word { const char *s; size_t n; } word;

static int word_cmp(const void *x, const void *y)
{
    const word *a = x, *b = y;
    int r = strncasecmp(a->s, b->s, a->n < b->n ? a->n : b->n);
    return r ? r : (a->n > b->n) - (a->n < b->n);
}

/* Appends the kept words of s..end to *w (growing it). */
static void key_words(word **w, size_t *n, size_t *cap, const char *s, const char *end)
{
    int depth = 0;
    for (const char *p = s; p < end;) {
        size_t k = sep_len((const unsigned char *)p);
        if (k) {
            depth += *p == '(' ? 1 : *p == ')' && depth ? -1 : 0;
            p += k;
            continue;
        }
        const char *st = p;
        while (p < end && !sep_len((const unsigned char *)p)) p++;
        if (depth || dropped_word(st, (size_t)(p - st))) continue;
        LIT_GROW(*w, *cap, *n + 1);
        (*w)[(*n)++] = (word){st, (size_t)(p - st)};
    }
}

char *lit_venue_name_key(const char *text)
{
    word *w = NULL;
    size_t n = 0, cap = 0;
    const char *end = text + strlen(text), *comma = strrchr(text, ',');
    /* "Knowledge and Data Engineering, IEEE Transactions on": the same words */
    if (comma && (size_t)(end - comma) > 4 && (strcasecmp(end - 3, " on") == 0 || strcasecmp(end - 3, " of") == 0)) {
        key_words(&w, &n, &cap, comma + 1, end);
        end = comma;
    }
    key_words(&w, &n, &cap, text, end);
    /* in sorted order: "Haskell Symposium" = "Symposium on Haskell" */
    if (n) qsort(w, n, sizeof *w, word_cmp);
    lit_buf b = LIT_BUF_INIT;
    lit_buf_add(&b, "", 0);
    for (size_t i = 0; i < n; i++) {
        if (i && word_cmp(&w[i], &w[i - 1]) == 0) continue;
        for (size_t k = 0; k < w[i].n; k++) lit_buf_addc(&b, (char)tolower((unsigned char)w[i].s[k]));
        lit_buf_addc(&b, ' ');
    }
    free(w);
    char *r = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return r;
}

/* Whether s has the word "workshop" or "workshops", in any case. */
static bool names_workshop(const char *s)
{
    for (const char *p = s; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *st = p;
        while (isalpha((unsigned char)*p)) p++;
        size_t n = (size_t)(p - st);
        if ((n == 8 || n == 9) && strncasecmp(st, "workshops", n) == 0) return true;
    }
    return false;
}

/* A venue found for text: itself, or for workshop text its workshop sibling (or NULL). */
static const lit_venue *accept(const lit_venues *vs, const lit_venue *v, bool workshop)
{
    if (!v || !workshop || v->kind == LIT_VENUE_WORKSHOP || names_workshop(v->name)) return v;
    for (size_t i = 0; i < v->n_aliases; i++)
        if (names_workshop(v->aliases[i])) return v;   /* "ANTS 2004, 4th International Workshop" */
    char buf[160];
    snprintf(buf, sizeof buf, "%s-W", v->id);
    const lit_venue *w = lit_venues_find(vs, buf);
    if (!w) {
        snprintf(buf, sizeof buf, "%s workshop", v->id);
        w = lit_venues_find(vs, buf);
    }
    return w && w->kind == LIT_VENUE_WORKSHOP ? w : NULL;
}

/* Looks up an acronym with its year dropped: "OSDI 20", "AAAI-18", "SOSP '19", "SC2005". */
static const lit_venue *find_acronym(const lit_venues *vs, const char *s, size_t n)
{
    char buf[128];
    if (n == 0 || n >= sizeof buf) return NULL;
    memcpy(buf, s, n);
    buf[n] = 0;
    const lit_venue *v = lit_venues_find(vs, buf);
    while (!v && n > 0 && (isdigit((unsigned char)buf[n - 1]) || strchr("'- ", buf[n - 1]))) {
        buf[--n] = 0;
        if (n && !isdigit((unsigned char)buf[n - 1]) && !strchr("'- ", buf[n - 1])) v = lit_venues_find(vs, buf);
    }
    return v;
}

static const lit_venue *find_key(const lit_venues *vs, const char *s, size_t n)
{
    char *t = lit_xmalloc(n + 1);
    memcpy(t, s, n);
    t[n] = 0;
    const lit_venue *v = lit_venues_find(vs, t);   /* "Proceedings of the IEEE, special issue" */
    char *k = v ? NULL : lit_venue_name_key(t);
    int32_t ix = k && strlen(k) >= MIN_NAME_KEY ? lit_alias_map_find(&vs->keys, k) : -1;
    free(k);
    free(t);
    return v ? v : ix >= 0 ? &vs->v[ix] : NULL;
}

const lit_venue *lit_venues_match(const lit_venues *vs, const char *s)
{
    if (!vs || !s || !lit_venue_text_ok(s)) return NULL;
    bool ws = names_workshop(s) || (strchr(s, '@') && !lit_venues_find(vs, s));   /* "L@S" is no workshop */
    const lit_venue *v = accept(vs, lit_venues_find(vs, s), ws);                 /* rule 1 */
    for (const char *par = strchr(s, '('); !v && par; par = strchr(par + 1, '(')) {   /* rule 2 */
        const char *e = strchr(par, ')');
        if (!e) break;
        v = accept(vs, find_acronym(vs, par + 1, (size_t)(e - par - 1)), ws);
    }
    if (!v) v = accept(vs, find_key(vs, s, strlen(s)), ws);                     /* rule 3 */
    for (const char *c = s + strcspn(s, ",:"); !v && *c; c += 1 + strcspn(c + 1, ",:"))
        v = accept(vs, find_key(vs, s, (size_t)(c - s)), ws);
    if (v) return v;
    for (const char *q = s; *q;) {                                                /* rule 4 */
        while (*q && !isalnum((unsigned char)*q)) q++;
        const char *st = q;
        size_t up = 0;
        while (*q && (isalnum((unsigned char)*q) || *q == '-' || *q == '&' || *q == '\''))
            up += isupper((unsigned char)*q++) != 0;
        const lit_venue *w = up >= 2 ? accept(vs, find_acronym(vs, st, (size_t)(q - st)), ws) : NULL;
        if (w && v && w != v) return NULL;   /* "OSDI, SOSP and NSDI" names no one venue */
        if (w) v = w;
    }
    return v;
}

bool lit_venue_text_ok(const char *s)
{
    if (!s) return false;
    while (isspace((unsigned char)*s)) s++;
    if (!*s || strstr(s, "://") || strncasecmp(s, "www.", 4) == 0 || strncmp(s, "\\url", 4) == 0) return false;
    /* a month, a day or a year alone: "Feb", "February 2023", "12 Feb." */
    for (const char *p = s; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *st = p;
        while (isalpha((unsigned char)*p)) p++;
        if (p > st && !in_list(month_words, st, (size_t)(p - st))) return true;
    }
    return false;
}

/* Words after a venue's id in a heading that name a part of the venue: "ICML Workshop",
 * "KDD (Companion Volume)", "ACL Findings", "CHI Late-Breaking Work". */
static const char *const part_words[] = {
    "workshop", "workshops", "companion", "volume", "findings", "demo", "demos", "demonstrations",
    "poster", "posters", "short", "papers", "industry", "track", "doctoral", "consortium", "extended",
    "abstracts", "late", "breaking", "work", "lbw", "adjunct", "satellite", "events", "main", "conference",
    "proceedings", "of", "the", "on", "and", NULL
};

/* An id or alias written as one: one word with two capitals or more ("EuroSys", not
 * "Models"), or words with a run of capitals ("USENIX Security", "IEEE S&P"); "Security
 * and Privacy" spelt out is a topic. */
static const lit_venue *heading_id(const lit_venues *vs, const char *s, size_t n)
{
    char *t = lit_xmalloc(n + 1);
    memcpy(t, s, n);
    t[n] = 0;
    const lit_venue *v = lit_venues_find(vs, t);
    size_t upper = 0;
    bool run = false;
    for (size_t i = 0; i < n; i++) {
        upper += isupper((unsigned char)t[i]) != 0;
        run |= i + 1 < n && isupper((unsigned char)t[i]) && isupper((unsigned char)t[i + 1]);
    }
    free(t);
    /* "Models" is a topic, "EuroSys" a venue */
    return upper >= 2 && (run || !memchr(s, ' ', n)) ? v : NULL;
}

int lit_venue_heading(const lit_venues *vs, const char *text, const lit_venue **v)
{
    *v = NULL;
    if (!vs || !text) return 0;
    char *s = lit_xstrdup(text), *o = s;
    for (const char *p = text; *p; p++)   /* years and their apostrophes go: "OSDI'22" */
        if (!isdigit((unsigned char)*p) && *p != '\'') *o++ = *p;
    *o = 0;
    size_t n = strlen(s);
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ':' || s[n - 1] == '-')) s[--n] = 0;
    int r = 0;
    if ((*v = heading_id(vs, s, n)) != NULL) r = 1;
    for (size_t k = n; !r && k-- > 1;) {   /* the longest id before part words only */
        if (s[k] != ' ' && s[k] != '(' && s[k] != '-') continue;
        const lit_venue *id = heading_id(vs, s, k);
        if (!id) continue;
        bool parts = true;
        size_t words = 0;
        for (const char *p = s + k; *p && parts;) {
            while (*p && !isalpha((unsigned char)*p)) p++;
            const char *st = p;
            while (isalpha((unsigned char)*p)) p++;
            if (p > st) parts = in_list(part_words, st, (size_t)(p - st)), words++;
        }
        if (parts && words) {
            *v = lit_venues_match(vs, s);   /* "ICML Workshop" is ICML's workshop when the table has one */
            r = 1;
        }
    }
    free(s);
    return r;
}
