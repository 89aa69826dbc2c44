/* md_entry.c - one list entry's text read as a paper: tags, title, system name, authors;
 * decorations and link labels that are not the title go. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "md_entry.h"

/* A link label of at most two words is an auxiliary link ([Paper], [Code], [BytePS]);
 * a longer label is text of the entry (usually the title). */
bool lit_md_label_is_aux(const char *label)
{
    char *l = lit_xstrdup(label);
    lit_md_strip_marks(l);
    lit_md_collapse_ws(l);
    size_t ln = strlen(l);
    if (ln >= 2 && l[0] == '[' && l[ln - 1] == ']' && lit_md_match_close(l, 0) == ln - 1) {  /* [[Paper]](url) */
        l[ln - 1] = 0;
        memmove(l, l + 1, ln - 1);
    }
    bool aux = lit_md_label_kind(l) || lit_md_count_words(l) <= 2 || strstr(l, "://") || lit_md_starts_ci(l, "www.");
    size_t n = strlen(l);
    /* "[OSDI '14] Title" style labels and anything with a bracket carry entry text */
    if (strchr(l, '[') || n == 0) aux = n == 0;
    free(l);
    return aux;
}

void lit_md_entry_free(entry *e)
{
    free(e->title); free(e->short_name); free(e->label);
    lit_md_names_free(&e->au);
    memset(e, 0, sizeof *e);
}

bool lit_md_paperish_link(const rlink *l)
{
    return !strcmp(l->kind, "paper") || !strcmp(l->kind, "pdf");
}

/* Words a list puts before a title that name no system ("[Oral]", "New:", "Code -"). */
static bool label_word(const char *w, size_t n)
{
    static const char *const k[] = {"oral", "spotlight", "new", "hot", "best", "paper", "code", "pdf", "slides",
                                    "video", "blog", "talk", "preprint", "draft", "book", "thesis", "important",
                                    "classic", "highlight", "award", "link", "website", "project", "dataset",
                                    "benchmark", "library", "tool", "note", "notes", "github", "official",
                                    "recommended", "update", "updated", "open", "chapter", "article", "report"};
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (strlen(k[i]) == n && !strncasecmp(k[i], w, n)) return true;
    return lit_md_kind_word(w, n);
}

/* Whether the n bytes of w can be a system name a list puts before a title: one word
 * that starts with a letter or digit, not a label word; strict (before a comma, where a
 * surname stands: "Goodfellow, [Title](url)") also needs the shape of a name: capitals
 * inside ("ZeRO", "vLLM", not "LeCun" or "McMahan": a surname's particle), all capitals
 * or a digit ("GPT-3"). */
static bool name_shaped(const char *w, size_t n, bool strict)
{
    if (!n || n > 30 || !isalnum((unsigned char)w[0]) || label_word(w, n)) return false;
    size_t up = 0, al = 0, digit = 0, inner = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch == ' ' || IS_MARK(ch)) return false;
        if (isalpha(ch)) al++;
        if (isdigit(ch)) digit++;
        if (isupper(ch)) {
            up++;
            if (i && islower((unsigned char)w[i - 1])) {
                bool particle = (i == 2 && (!strncmp(w, "Mc", 2) || !strncmp(w, "Le", 2) || !strncmp(w, "La", 2) ||
                                            !strncmp(w, "De", 2) || !strncmp(w, "Di", 2) || !strncmp(w, "Du", 2))) ||
                                (i == 3 && (!strncmp(w, "Mac", 3) || !strncmp(w, "Van", 3) || !strncmp(w, "Von", 3)));
                if (!particle) inner++;
            }
        }
    }
    if (!al) return false;
    if (!strict) return isupper((unsigned char)w[0]) || up || digit;
    return inner || digit || (up == al && al >= 2);
}

/* A dash between a list's label and the title (" - ", " – ", " — ") at s: its length, or 0. */
static size_t label_dash(const char *s)
{
    if (s[0] != ' ') return 0;
    if (s[1] == '-' && s[2] == ' ') return 3;
    if ((unsigned char)s[1] == 0xE2 && (unsigned char)s[2] == 0x80 &&
        ((unsigned char)s[3] == 0x93 || (unsigned char)s[3] == 0x94) && s[4] == ' ')
        return 5;
    return 0;
}

/* A list's label before a delimited title: "PipeDream: [Title](url)", "ZeRO, *Title*",
 * "Alpa - [Title](url)": the system name, not title text. Taken out of s into e. */
static void take_label(char *s, entry *e)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ' && s[n] != ',' && s[n] != ':' && !IS_MARK(s[n])) n++;
    size_t k = n, dash = label_dash(s + n);
    bool comma = s[n] == ',';
    if (dash) k += dash;
    else if ((s[n] == ':' || comma) && s[n + 1] == ' ') k += 2;
    else return;
    if ((s[k] != M_EM_OPEN && s[k] != M_LINK_OPEN) || !name_shaped(s, n, comma)) return;
    if (s[n] == ':' && s[k] == M_EM_OPEN) return;   /* "Name: **Title**": read_named_bold's */
    if (!e->short_name) e->short_name = lit_md_strndup(s, n);
    lit_md_remove_range(s, 0, k);
}

/* "(Gavel) Title", "PipeDream: Title" or "Alpa - Title": the system name the list gives
 * (after a dash it is no part of the title, and taken out of it). */
static char *take_short(char *title)
{
    if (title[0] == '(') {
        char *close = strchr(title, ')');
        if (close && close - title > 1 && close - title <= 40 && close[1] == ' ') {
            char *name = lit_md_strndup(title + 1, (size_t)(close - title - 1));
            lit_md_collapse_ws(name);
            if (lit_md_count_words(name) <= 2 && lit_md_has_letter(name)) {
                lit_md_remove_range(title, 0, (size_t)(close - title) + 2);
                return name;
            }
            free(name);
        }
        return NULL;
    }
    size_t w = strcspn(title, " "), dash = label_dash(title + w);
    if (dash && name_shaped(title, w, false) && lit_md_count_words(title + w + dash) >= 2) {
        char *name = lit_md_strndup(title, w);
        lit_md_remove_range(title, 0, w + dash);
        return name;
    }
    char *colon = strstr(title, ": ");
    if (!colon || colon == title || colon - title > 40 || lit_md_count_words(colon + 2) < 2) return NULL;
    char *name = lit_md_strndup(title, (size_t)(colon - title));
    size_t words = lit_md_count_words(name);
    bool ok = false;
    if (words == 1) ok = !strchr(name, ',') && lit_md_has_letter(name) && !lit_md_kind_word(name, strlen(name));
    else if (words == 2) {  /* "PCC Vivace": an acronym first */
        size_t up = 0, al = 0, i = 0;
        for (; name[i] && name[i] != ' '; i++) { if (isupper((unsigned char)name[i])) up++; if (isalpha((unsigned char)name[i])) al++; }
        ok = al >= 2 && up == al;
    }
    if (ok) return name;
    free(name);
    return NULL;
}

/* whole: the title is an emphasised run or a link's label, so a bracket at its end is
 * part of it ("*... in [Brackets]*") */
static void clean_title(char *s, bool whole)
{
    lit_md_strip_marks(s);
    lit_md_collapse_ws(s);
    size_t n = strlen(s);
    for (int k = 0; k < 2; k++) {
        while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == '-' ||
                     s[n - 1] == '|' || s[n - 1] == ' ' || (s[n - 1] == '/' && n > 1 && s[n - 2] == ' ')))   /* "[pdf] / [code]" */
            s[--n] = 0;
        /* a note in square brackets at the end: "[Vision]", and the document types of
         * GB/T 7714 references ("[J]", "[C]", "[J/OL]") */
        size_t o = n > 2 && s[n - 1] == ']' && !whole ? lit_md_match_open(s, n - 1) : (size_t)-1;
        if (o == (size_t)-1 || o == 0 || n - o > 24 || lit_md_count_words(s + o) > 3) break;
        s[o] = 0;
        n = o;
    }
    size_t lead = 0;
    while (s[lead] == '-' || s[lead] == ':' || s[lead] == ' ' || s[lead] == '|' || s[lead] == ',' || s[lead] == ';') lead++;
    if (lead) lit_md_remove_range(s, 0, lead);
    n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') { s[n - 1] = 0; lit_md_remove_range(s, 0, 1); }
    n = strlen(s);   /* "[Title]" of a link whose "(url)" is broken */
    if (n >= 2 && s[0] == '[' && lit_md_match_close(s, 0) == n - 1) { s[n - 1] = 0; lit_md_remove_range(s, 0, 1); }
    n = strlen(s);
    if (n >= 6 && !memcmp(s, "\xE2\x80\x9C", 3) && !memcmp(s + n - 3, "\xE2\x80\x9D", 3)) { s[n - 3] = 0; lit_md_remove_range(s, 0, 3); }
}

/* A course's schedule before the title link: "January 15. Reading: [Title](url) by ..."
 * (a name before a colon, "Gavel: [Title](url)", stays: it is the system's; so do the
 * authors, "Ada Lovelace, Alan Turing: [Title](url)") */
static void drop_schedule(char *s)
{
    char *l = strchr(s, M_LINK_OPEN);
    if (!l || l == s || memchr(s, M_AUX_OPEN, (size_t)(l - s))) return;
    size_t n = (size_t)(l - s);
    while (n && s[n - 1] == ' ') n--;
    if (!n || s[n - 1] != ':') return;
    char *pre = lit_md_strndup(s, n);
    bool schedule = lit_md_count_words(pre) > 3 || strstr(pre, ". ");
    for (const char *p = pre; *p && !schedule; p += strspn(p, " :,")) {   /* "February 6: Reading:" */
        size_t w = strcspn(p, " :,");
        schedule = lit_md_month_word(p, w) || (w >= 7 && lit_md_starts_ci(p, "reading"));
        p += w;
    }
    if (schedule) {   /* "Ada Lovelace, Alan Turing: [Title](url)": the authors */
        names nm;
        pre[n - 1] = 0;
        schedule = lit_md_split_names(pre, 0, &nm) < 2 && !nm.etal;
        lit_md_names_free(&nm);
    }
    free(pre);
    if (schedule) lit_md_remove_range(s, 0, (size_t)(l - s));
}

/* A year in parentheses that ends the title, where names after it cut the entry ("Title
 * (2016), *Masoud S. Nosrati et al, Arxiv.*"): the year, no part of the title; so is a
 * note that names the paper ("Title (GROVER paper)"): its system name. */
static void trailing_year(const lit_venues *vs, char *title, entry *e)
{
    size_t n = lit_md_trim_end(title);
    if (!n || title[n - 1] != ')') return;
    size_t o = n - 1;
    while (o && title[o] != '(') o--;
    if (title[o] != '(' || !o) return;
    char *in = lit_md_strndup(title + o + 1, n - o - 2);
    tag t;
    char vb[128];
    size_t w = strcspn(in, " ");
    if (lit_md_parse_tag(vs, in, &t, TAG_STRICT, vb, sizeof vb) && t.year && !t.venue) {
        title[o] = 0;
        if (!e->tag.year) {
            e->tag.year = t.year;
            e->tagged = true;
        }
    } else if (w && !strcmp(in + w, " paper") && lit_md_count_words(title) > 3) {   /* "(GROVER paper)": its name */
        title[o] = 0;
        if (!e->short_name) e->short_name = lit_md_strndup(in, w);
    }
    free(in);
}

/* A leading emphasised label before the entry: "**Book chapter:** Riese, F. M. (2020).
 * **Title**. ...", "**Title:** U-Net: ...". */
static void drop_field_label(char *s)
{
    size_t i = 0;
    while (s[i] == ' ') i++;
    if (s[i] != M_EM_OPEN) return;
    size_t c = lit_md_mark_close(s + i);
    if (c == (size_t)-1 || c < 2 || s[i + c - 1] != ':') return;
    char *label = lit_md_strndup(s + i + 1, c - 2);
    bool short_label = lit_md_count_words(label) <= 3 && !strchr(label, ':');
    free(label);
    const char *after = s + i + c + 1;
    if (short_label && lit_md_has_letter(after)) lit_md_remove_range(s, 0, (size_t)(after - s));
}

/* The venue a short link label after the title names ("[Science Robotics](url)",
 * "[[Nature Genetics paper](url)]"), or NULL. */
static const char *venue_of_labels(const lit_venues *vs, const char *s)
{
    const char *id = NULL, *o = s;
    while (*o == ' ' || (IS_MARK(*o) && *o != M_AUX_OPEN)) o++;
    if (*o == M_AUX_OPEN) o++;   /* a label first is a name: "[ISMIR resources](url) - ..." */
    for (; (o = strchr(o, M_AUX_OPEN)) != NULL; o++) {
        const char *c = strchr(o, M_AUX_CLOSE);
        if (!c) break;
        char *in = lit_md_strndup(o + 1, (size_t)(c - o - 1));
        const char *v = lit_md_venue_label(vs, in);
        free(in);
        if (v && (!id || (lit_md_preprint(vs, id) && !lit_md_preprint(vs, v)))) id = v;
    }
    return id;
}

/* Removes every short link label still in s (they are not title text). */
static void drop_aux(char *s)
{
    for (char *o; (o = strchr(s, M_AUX_OPEN)) != NULL;) {
        char *c = strchr(o, M_AUX_CLOSE);
        lit_md_remove_range(s, (size_t)(o - s), c ? (size_t)(c - s) + 1 : strlen(s));
    }
}

/* A short link label at the start of the entry is part of the title before a colon
 * ("[SLA2](url): Sparse-Linear ..."), and the title itself when nothing but a separator
 * follows ("[Mistral 7B](url) - Mistral AI"); elsewhere it is a tag or nothing. */
static void resolve_leading_aux(char *s)
{
    size_t i = 0;
    while (s[i] == ' ' || (IS_MARK(s[i]) && s[i] != M_AUX_OPEN)) i++;
    if (s[i] != M_AUX_OPEN) return;
    char *c = strchr(s + i, M_AUX_CLOSE);
    if (!c) return;
    size_t ci = (size_t)(c - s), a = ci + 1;
    while (s[a] == ' ') a++;
    bool colon = s[a] == ':' || (ci > i + 1 && s[ci - 1] == ':');
    if (colon) {
        lit_md_remove_range(s, ci + 1, a);  /* "[Lumos](url) : Title" */
        lit_md_remove_range(s, ci, ci + 1);
        lit_md_remove_range(s, i, i + 1);
        return;
    }
    char *rest = lit_xstrdup(s + ci + 1);
    drop_aux(rest);
    lit_md_strip_marks(rest);
    lit_md_collapse_ws(rest);
    bool sep = !*rest || rest[0] == '-' || rest[0] == '|' || rest[0] == ',' || rest[0] == '(' || rest[0] == '.' ||
               lit_md_starts_ci(rest, "by ") ||
               !strncmp(rest, "\xE2\x80\x93", 3) || !strncmp(rest, "\xE2\x80\x94", 3) || !strncmp(rest, "\xE2\x80\xA2", 3);
    free(rest);
    if (sep) { s[i] = M_LINK_OPEN; s[ci] = M_LINK_CLOSE; }
}

/* A word naming a link kind right before a link ("code [Tiresias](url) paper [Title](url)",
 * "Paper: [Title](url)") labels that link; it is not text. */
static void drop_link_words(char *s)
{
    for (size_t i = 0; s[i];) {
        size_t j = i;
        while (s[j] && s[j] != ' ' && !IS_MARK(s[j])) j++;
        size_t k = j;
        while (s[k] == ' ') k++;
        if (j > i && (s[k] == M_LINK_OPEN || s[k] == M_AUX_OPEN) && (i == 0 || s[i - 1] == ' ' || IS_MARK(s[i - 1]))) {
            char w[16];
            size_t n = j - i < sizeof w ? j - i : sizeof w - 1;
            memcpy(w, s + i, n);
            w[n] = 0;
            if (n && w[n - 1] == ':') w[n - 1] = 0;
            if (*w && lit_md_kind_from_label(w)) { lit_md_remove_range(s, i, k); continue; }
        }
        i = s[j] ? j + 1 : j;
    }
}

/* Whether s[i] is inside an emphasised run or a link label that starts before it with
 * other text ("*Names in [Brackets]*" is one title; "**[Vision]**" is a note). */
static bool inside_run(const char *s, size_t i)
{
    int depth = 0;
    size_t open = 0;
    for (size_t k = 0; k < i; k++) {
        if (s[k] == M_EM_OPEN || s[k] == M_LINK_OPEN) { if (!depth++) open = k; }
        else if ((s[k] == M_EM_CLOSE || s[k] == M_LINK_CLOSE) && depth) depth--;
    }
    if (!depth) return false;
    size_t k = open + 1;
    while (k < i && (s[k] == ' ' || IS_MARK(s[k]))) k++;
    return k < i;
}

/* Bracket groups that are notes, wherever they are: "(@Affiliation)", "[also in 2.1]",
 * "(see ...)", and a parenthesised affiliation at the end. */
static void drop_note_groups(char *s, bool org)
{
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '(' && s[i] != '[') continue;
        size_t j = lit_md_match_close(s, i);
        if (j == (size_t)-1) continue;
        size_t a = i + 1;
        while (s[a] == ' ' || IS_MARK(s[a])) a++;
        bool note = lit_md_note_start(s + a) > 0;
        size_t e = j + 1;
        while (s[e] == ' ' || IS_MARK(s[e])) e++;
        if (org && !note && !s[e] && i > 0 && !inside_run(s, i)) {  /* at the end: "(Tsinghua University)", "(Best Paper)", "[Vision]" */
            char *g = lit_md_strndup(s + a, j - a);
            note = s[i] == '[' ? lit_md_count_words(g) <= 4 : lit_md_has_org_word(g, strlen(g));
            if (!note) note = lit_md_award(g);
            free(g);
        }
        if (note) { lit_md_remove_range(s, i, j + 1); i = (size_t)-1; }
    }
}

/* A leading "[Label]" that is not a tag ("[Survey :mag:]", "[NITRO]"): dropped when a
 * title follows it; one that names a system ("[Alpa] Title") is the entry's short name. */
static bool drop_leading_label(char *s, entry *e)
{
    size_t i = 0;
    while (s[i] == ' ' || IS_MARK(s[i])) i++;
    if (s[i] != '[') return false;
    size_t j = lit_md_match_close(s, i);
    if (j == (size_t)-1 || j - i > 60) return false;
    char *in = lit_md_strndup(s + i + 1, j - i - 1);
    bool label = lit_md_count_words(in) <= 6 && !strchr(in, M_LINK_OPEN);
    if (!label || lit_md_count_words(s + j + 1) < 2 || !lit_md_has_letter(s + j + 1)) { free(in); return false; }
    if (!e->short_name && name_shaped(in, strlen(in), false)) e->short_name = in, in = NULL;
    free(in);
    lit_md_remove_range(s, i, j + 1);
    return true;
}

/* A trailing "| Affiliation" (after any "| VENUE'YY" was taken as a tag); a bar inside
 * emphasis is the title's. */
static void drop_affiliation(char *s)
{
    size_t n = lit_md_trim_end(s), cut = (size_t)-1;
    int depth = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == M_EM_OPEN || s[i] == '(' || s[i] == '[') depth++;
        else if (s[i] == M_EM_CLOSE && depth) depth--;
        else if ((s[i] == ')' || s[i] == ']') && depth) depth--;
        else if (!depth && s[i] == '|' && s[i + 1] == ' ' && i) cut = s[i - 1] == ' ' ? i - 1 : i;
    }
    if (cut != (size_t)-1 && lit_md_count_words(s + cut + 2) <= 8 && lit_md_count_words(s) > lit_md_count_words(s + cut + 2) + 1)
        s[cut] = 0;
}

/* Takes what a tag found that the entry lacks (its venue, its year). */
static void take_tag(entry *e, const tag *t, const char *vb)
{
    if (!e->tag.venue && t->venue) {
        if (t->venue == vb) {
            snprintf(e->vraw, sizeof e->vraw, "%s", vb);
            e->tag.venue = e->vraw;
        } else {
            e->tag.venue = t->venue;
        }
    }
    if (!e->tag.year && t->year) e->tag.year = t->year;
    e->tag.unknown = false;
    e->tagged = true;
}

/* The year a reference gives after its authors: "(1984)", "(2017, March)", "1992." at p;
 * *len gets its length. 0 when there is none. */
static int ref_year(const char *p, size_t *len)
{
    size_t i = p[0] == '(';
    if (!isdigit((unsigned char)p[i]) || !isdigit((unsigned char)p[i + 1]) || !isdigit((unsigned char)p[i + 2]) ||
        !isdigit((unsigned char)p[i + 3]) || isdigit((unsigned char)p[i + 4]))
        return 0;
    int y = atoi(p + i);
    if (y < 1800 || y > 2100) return 0;
    if (i) {
        size_t c = lit_md_match_close(p, 0);
        if (c == (size_t)-1 || c > 30) return 0;
        *len = c + 1;
    } else {
        if (p[4] && p[4] != '.' && p[4] != ',' && p[4] != ' ') return 0;
        *len = 4;
    }
    return y;
}

/* Whether p is "(2010), " and names that end the entry (or meet its links or emphasis):
 * "Title (2010), Y. Boureau [[pdf]](url)" is title, year and authors, as after a bold title;
 * "Proceedings (2019) of ..." and "Title (2016)" are not. */
static bool year_then_names(const char *p)
{
    size_t yl;
    if (!ref_year(p, &yl) || yl != 6 || strncmp(p + 6, ", ", 2)) return false;
    names nm;
    size_t used = lit_md_take_names(p + 8, 1, &nm);
    lit_md_names_free(&nm);
    if (!used) return false;
    const char *after = p + 8 + used;
    after += strspn(after, " .,;");
    return !*after || IS_MARK(*after);
}

/* The venue a reference states after its title and authors, when no tag gave one:
 *   "IEEE Journal of Selected Topics in Signal Processing, 2017" (the year was a tag)
 *   "In Proceedings of the SIGCHI Conference on Human Factors in Computing Systems (CHI '92),
 *    Penny Bauersfeld (Eds.). ACM, 119-125"     the shortest lead the venue table knows
 *   "American Psychologist, 39(10), 1123-1134"   a name the table does not know, kept as
 *                                                written when the entry has a year */
static void venue_of_ref(const lit_venues *vs, const char *text, entry *e)
{
    char *v = lit_xstrdup(text);
    lit_md_strip_marks(v);
    lit_md_collapse_ws(v);
    char *s = v + lit_md_skip_separators(v);
    if (lit_md_starts_ci(s, "in ")) s += 3;
    if (lit_md_starts_ci(s, "in: ")) s += 4;
    const char *id = NULL;
    tag t;
    char vb[128];
    size_t n = strlen(s), first = n;   /* first: end of the first part, for a name kept as written */
    for (size_t k = 1; k <= n && !id; k++) {
        bool end = k == n || (s[k] == ',' && s[k + 1] == ' ') || (s[k] == '.' && s[k + 1] == ' ') ||
                   (s[k] == ' ' && s[k + 1] == '(') || s[k] == ';';
        if (!end) continue;
        if (first == n && s[k] != ' ') first = k;
        if (s[k] == ' ' && s[k + 1] == '(') {   /* "(CHI '92)" after the name: take it too */
            size_t c = lit_md_match_close(s, k + 1);
            if (c != (size_t)-1) k = c + 1;
        }
        char *pre = lit_md_strndup(s, k);
        id = lit_md_venue(vs, pre);
        if (lit_md_parse_tag(vs, pre, &t, true, vb, sizeof vb) && t.venue && t.venue != vb) {   /* "CHI '23" */
            if (!id) id = t.venue;
            if (!e->tag.year) e->tag.year = t.year;
        }
        free(pre);
        if (k >= 160) break;
    }
    for (const char *y = s; !e->tag.year && (y = strchr(y, '(')) != NULL; y++) {   /* MLA: "Nucleic acids research 46.D1 (2017): D726" */
        size_t yl;
        int yr = ref_year(y, &yl);
        if (yr) e->tag.year = yr, e->tagged = true;
    }
    if (!id && e->tag.year && first < n + 1) {
        s[first] = 0;
        for (char *sp; (sp = strrchr(s, ' ')) && strpbrk(sp, "0123456789");) *sp = 0;   /* volume, issue: "46.D1" */
        size_t m = lit_md_trim_end(s);
        s[m] = 0;
        id = lit_md_venue(vs, s);
        /* a journal's name: short ("Nucleic acids research"), in Title Case or with a venue's
         * word; not a sentence of comment ("Great paper on associating keywords with ...") */
        size_t w = lit_md_count_words(s);
        if (!id && w <= 10 && strlen(s) < sizeof e->vraw && lit_venue_text_ok(s) &&
            (w <= 4 || lit_md_title_case(s) || lit_md_venue_words(s)) && !strstr(s, " et al") &&
            isupper((unsigned char)s[0]) && !strpbrk(s, "0123456789:;()[]\"")) {
            snprintf(e->vraw, sizeof e->vraw, "%s", s);
            id = e->vraw;
        }
    }
    if (id) {
        e->tag.venue = id;
        e->tag.unknown = false;
        e->tagged = true;
    }
    free(v);
}

/* "Lovelace: **Engines of *Thought* for Programs**" (after its tag "[2019 ICSE]"): the
 * bold run is the title, the name before the colon the system's. */
static bool read_named_bold(const char *s, entry *e, char **title, char **rest)
{
    const char *c = strstr(s, ": ");
    if (!c || c == s || c - s > 40 || memchr(s, M_EM_OPEN, (size_t)(c - s)) || memchr(s, M_LINK_OPEN, (size_t)(c - s)))
        return false;
    const char *r = c + 2;
    while (*r == ' ') r++;
    size_t close = *r == M_EM_OPEN ? lit_md_mark_close(r) : (size_t)-1;
    char *name = lit_md_strndup(s, (size_t)(c - s));
    lit_md_collapse_ws(name);
    if (close == (size_t)-1 || lit_md_count_words(name) > 3 || !lit_md_has_letter(name)) {
        free(name);
        return false;
    }
    char *ti = lit_md_strndup(r + 1, close - 1);
    lit_md_strip_marks(ti);
    lit_md_collapse_ws(ti);
    if (lit_md_count_words(ti) < 2) {
        free(ti);
        free(name);
        return false;
    }
    if (lit_md_kind_from_label(name) || lit_md_kind_word(name, strlen(name))) {   /* "Paper: **Title**" */
        free(name);
    } else {
        free(e->short_name);
        e->short_name = name;
    }
    e->title_delimited = true;
    *title = ti;
    *rest = lit_xstrdup(r + close + 1);
    return true;
}

/* The first double-quoted run of s outside brackets ('"', '“'): the offsets of its opening
 * quote, of its text and of its end and closing quote. False when there is none. */
static bool quoted_run(const char *s, size_t *open, size_t *from, size_t *to, size_t *close)
{
    int depth = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '(' || s[i] == '[') depth++;
        else if ((s[i] == ')' || s[i] == ']') && depth) depth--;
        if (depth) continue;
        size_t ql = s[i] == '"' ? 1 : !strncmp(s + i, "\xE2\x80\x9C", 3) ? 3 : 0;
        if (!ql) continue;
        const char *e = s[i] == '"' ? strchr(s + i + 1, '"') : strstr(s + i + 3, "\xE2\x80\x9D");
        if (!e) return false;
        *open = i;
        *from = i + ql;
        *to = (size_t)(e - s);
        *close = *to + (s[i] == '"' ? 1 : 3);
        return true;
    }
    return false;
}

/* A title in quotes, the names, a label or a system name before it and the venue after:
 *   'Mitchell, Alex L., et al. "EBI Metagenomics in 2017: ..." Nucleic acids research (2017)'
 *   'Ranjan et al., "Relational Transformer," **ICLR 2026**'
 *   '**Gavel**: "Heterogeneity-Aware Cluster Scheduling", *OSDI, Nov 2020*'
 *   'Article "Are GANs Created Equal? A Large-Scale Study"'
 * Sets *title and *rest (malloc'd) and, from before the quotes, the authors, year or name. */
static bool read_quoted(const char *s, entry *e, char **title, char **rest)
{
    size_t open, from, to, close;
    if (!quoted_run(s, &open, &from, &to, &close)) return false;
    /* a quote that starts a longer title: '**"Better Be Computer or I'm Dumb": A Large-Scale ...**' */
    const char *after = s + close;
    while (*after == ' ' || *after == M_EM_CLOSE) after++;
    char last = to > from ? s[to - 1] : 0;
    if (*after == ':' || (isalnum((unsigned char)*after) && last != '.' && last != ',' && last != '?' && last != '!'))
        return false;
    char *ti = lit_md_strndup(s + from, to - from), *pre = lit_md_strndup(s, open);
    lit_md_strip_marks(ti);
    lit_md_collapse_ws(ti);
    size_t tn = strlen(ti);
    while (tn && (ti[tn - 1] == ',' || ti[tn - 1] == '.' || ti[tn - 1] == ' ')) ti[--tn] = 0;
    lit_md_strip_marks(pre);
    lit_md_collapse_ws(pre);
    size_t pn = strlen(pre);
    while (pn && (pre[pn - 1] == ',' || pre[pn - 1] == '.' || pre[pn - 1] == ' ')) pre[--pn] = 0;
    names nm;
    memset(&nm, 0, sizeof nm);
    size_t yl = 0, used = pn ? lit_md_take_names(pre, 2, &nm) : 0;
    int year = 0;
    if (used) {   /* names, then perhaps "(1984)"; one word alone is a label ("Article") unless a year follows */
        const char *p = pre + used + strspn(pre + used, " .,");
        year = *p ? ref_year(p, &yl) : 0;
        bool word = nm.n == 1 && !nm.etal && !strchr(nm.v[0], ' ');
        if ((*p && (!year || p[yl + strspn(p + yl, " .,")])) || (word && !year)) used = 0, lit_md_names_free(&nm);
    }
    bool label = !pn || used || (pre[pn - 1] == ':' && lit_md_count_words(pre) <= 3) || lit_md_count_words(pre) <= 1;
    if (lit_md_count_words(ti) < 2 || !label) {
        lit_md_names_free(&nm);
        free(ti);
        free(pre);
        return false;
    }
    if (used && year && nm.n == 2 && !nm.etal && !strchr(nm.v[0], ' ') && !strchr(nm.v[1], ' ') && !strchr(pre, '&')) {
        /* "Bush, Vannevar (1945). "As We May Think"": one author, family name first */
        char *full = lit_xmalloc(strlen(nm.v[0]) + strlen(nm.v[1]) + 2);
        sprintf(full, "%s %s", nm.v[1], nm.v[0]);
        lit_md_names_free(&nm);
        nm.v[0] = full;
        nm.n = 1;
    }
    if (used) {
        lit_md_names_free(&e->au);
        e->au = nm;
        e->au_stated = true;
    } else if (pn && pre[pn - 1] == ':' && !e->short_name) {   /* "**Gavel**: ..." */
        pre[pn - 1] = 0;
        e->short_name = lit_xstrdup(pre);
    }
    if (year && !e->tag.year) e->tag.year = year, e->tagged = true;
    e->title_delimited = true;
    *title = ti;
    *rest = lit_xstrdup(s + close);
    free(pre);
    return true;
}

/* An emphasised run of three words or more after the first sentence of p: a reference's
 * title in bold after its journal. NULL when there is none. */
static const char *later_em(const char *p)
{
    /* after a short sentence only (a journal's name: "Scientific American."), outside brackets */
    size_t before = strcspn(p, "\x01");
    char *lead = lit_md_strndup(p, before);
    bool short_lead = lit_md_count_words(lead) <= 4 && !strchr(lead, ':') && !strchr(lead, '(');
    free(lead);
    if (!short_lead) return NULL;
    for (const char *q = p; (q = strchr(q, M_EM_OPEN)) != NULL; q++) {
        size_t c = lit_md_mark_close(q);
        if (c == (size_t)-1) return NULL;
        char *run = lit_md_strndup(q + 1, c - 1);
        bool ok = lit_md_count_words(run) >= 3 && q[1] != M_CODE;
        free(run);
        if (ok) return q;
        q += c;
    }
    return NULL;
}

/* A reference that starts with its authors: "Names. Year. **Title**. Venue", "Names (Year).
 * Title. Venue", "Names. Title. Venue" (two names or more, or a year: "A. Title. B" is no
 * reference), "Surname, **Title**". On success the authors and year are in e, and *title and
 * *rest (malloc'd) hold the title and what follows it. */
static bool read_reference(const char *s, entry *e, char **title, char **rest)
{
    if (IS_MARK(s[0]) || s[0] == '[' || s[0] == '(') return false;
    names nm;
    size_t used = lit_md_take_names(s, 2, &nm);
    if (!used) return false;
    if (s[used] == ':' && nm.n < 2 && !nm.etal && !strchr(nm.v[0], ' ')) {   /* "ColBERT: [Title](url)" names a system */
        lit_md_names_free(&nm);
        return false;
    }
    const char *p = s + used;
    while (*p == ' ' || *p == '.' || *p == ',') p++;
    size_t yl = 0;
    int year = ref_year(p, &yl);
    p += yl;
    while (*p == ' ' || *p == '.' || *p == ',' || *p == ':') p++;
    const char *tb = NULL, *te = NULL, *after = NULL, *close_em = NULL;
    bool delimited = *p == M_EM_OPEN || *p == M_LINK_OPEN;
    if (delimited) {
        size_t c = lit_md_mark_close(p);
        if (c != (size_t)-1) { tb = p + 1; te = p + c; after = te + 1; }
    } else if ((nm.n >= 2 || nm.etal || year) && (close_em = later_em(p)) != NULL) {
        /* "Weiser, M. (1991). Scientific American. **The Computer for the 21st Century**." */
        tb = close_em + 1;
        te = close_em + lit_md_mark_close(close_em);
        after = te + 1;
        delimited = true;
    } else if (nm.n >= 2 || nm.etal || year) {
        size_t depth = 0, k = 0;
        for (; p[k]; k++) {
            if (p[k] == '(' || p[k] == '[') depth++;
            else if ((p[k] == ')' || p[k] == ']') && depth) depth--;
            else if (!depth && (p[k] == '.' || p[k] == '?' || p[k] == '!') && (p[k + 1] == ' ' || !p[k + 1])) break;
        }
        tb = p;
        te = p + k + (p[k] == '?' || p[k] == '!');
        after = p[k] ? p + k + 1 : p + k;
    }
    /* "Akerlof (1970) Market for Lemons": one family name needs the year or a delimited title */
    bool single = nm.n == 1 && !nm.etal && !strchr(nm.v[0], ' ');
    if (!tb || te <= tb || (single && !delimited && !(yl && *(s + used + lit_md_skip_separators(s + used)) == '(')) ||
        (!delimited && (nm.n < 2 && !nm.etal && !year))) {
        lit_md_names_free(&nm);
        return false;
    }
    char *ti = lit_md_strndup(tb, (size_t)(te - tb));
    if (lit_md_count_words(ti) < 2) {
        free(ti);
        lit_md_names_free(&nm);
        return false;
    }
    lit_md_names_free(&e->au);
    e->au = nm;
    e->au_stated = true;
    if (year && !e->tag.year) {
        e->tag.year = year;
        e->tagged = true;
    }
    e->title_delimited = delimited;
    e->link_title = *p == M_LINK_OPEN;
    *title = ti;
    if (close_em) {   /* the journal's name before the bold title is the venue */
        lit_buf r = LIT_BUF_INIT;
        lit_buf_add(&r, p, (size_t)(close_em - p));
        lit_buf_adds(&r, after);
        *rest = lit_xstrdup(lit_buf_str(&r));
        lit_buf_free(&r);
    } else {
        *rest = lit_xstrdup(after);
    }
    return true;
}

/* A group at the end that cites the paper: "（Khattab et al., 2020, SIGIR, **ColBERT**）",
 * "(Santhanam, 2022, NAACL)": authors, year, venue and the system name; cut from s. */
static void take_cite_group(const lit_venues *vs, char *s, entry *e)
{
    size_t n = lit_md_trim_end(s);
    if (e->au.n || n < 2 || s[n - 1] != ')') return;
    size_t o = lit_md_match_open(s, n - 1);
    if (o == (size_t)-1 || o == 0) return;
    char *in = lit_md_strndup(s + o + 1, n - o - 2);
    names nm;
    size_t used = lit_md_take_names(in, 2, &nm), yl;
    const char *rest = in + used + strspn(in + used, " ,");
    if (!used || in[used] != ',' || !ref_year(rest, &yl)) {
        lit_md_names_free(&nm);
        free(in);
        return;
    }
    char *r = lit_xstrdup(rest), *sn = NULL;
    for (char *m; (m = strchr(r, M_EM_OPEN)) != NULL;) {   /* "**ColBERT**": the system name */
        size_t c = lit_md_mark_close(m);
        size_t end = c == (size_t)-1 ? strlen(m) : c + 1;
        if (!sn) sn = lit_md_strndup(m + 1, end > 1 ? end - 1 - (c != (size_t)-1) : 0);
        lit_md_remove_range(r, (size_t)(m - r), (size_t)(m - r) + end);
    }
    tag t;
    char vb[128];
    if (lit_md_parse_tag(vs, r, &t, TAG_LOOSE, vb, sizeof vb) && !t.unknown) {
        e->au = nm;
        take_tag(e, &t, vb);
        if (sn && !e->short_name && lit_md_count_words(sn) <= 2) { lit_md_collapse_ws(sn); e->short_name = sn; sn = NULL; }
        lit_md_remove_range(s, o, n);
    } else {
        lit_md_names_free(&nm);
    }
    free(sn);
    free(r);
    free(in);
}

/* "A nice review: **The Emerging Landscape of Spatial Profiling** (Moffit et al. 2022). More
 * prose": an emphasised title with its author-year citation right after it is the paper;
 * the text around them only describes it. s becomes the emphasised title alone. */
static void take_cited_run(const lit_venues *vs, char *s, entry *e)
{
    if (e->au.n) return;
    int in_link = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == M_LINK_OPEN || s[i] == M_LINK_CLOSE) in_link += s[i] == M_LINK_OPEN ? 1 : -1;
        if (s[i] != M_EM_OPEN || in_link > 0) continue;
        size_t c = lit_md_mark_close(s + i);
        if (c == (size_t)-1) return;
        size_t g = i + c + 1;
        while (s[g] == ' ' || s[g] == M_EM_CLOSE) g++;
        size_t gc = s[g] == '(' ? lit_md_match_close(s + g, 0) : (size_t)-1;
        if (gc == (size_t)-1 || gc > 80) { i += c; continue; }
        char *in = lit_md_strndup(s + g + 1, gc - 1), *ti = lit_md_strndup(s + i + 1, c - 1);
        lit_md_collapse_ws(in);
        lit_md_strip_marks(ti);
        lit_md_collapse_ws(ti);
        /* "(Svensson 2020)", "(Kivioja et al 2011)", "(Chari and Pachter, 2023)", not
         * "(ICML 2020)" or "(Google 2020)" */
        names nm;
        memset(&nm, 0, sizeof nm);
        char *sp = strrchr(in, ' ');
        size_t yl;
        int year = sp ? ref_year(sp + 1, &yl) : 0;
        tag t;
        char vb[128];
        bool cite = year && !sp[1 + yl] && lit_md_count_words(ti) >= 3 &&
                    !(lit_md_parse_tag(vs, in, &t, TAG_LOOSE, vb, sizeof vb) && t.venue && t.venue != vb);
        if (cite) {
            *sp = 0;
            size_t k = strlen(in);
            while (k && (in[k - 1] == ',' || in[k - 1] == ' ')) in[--k] = 0;
            cite = lit_md_split_names(in, 2, &nm) && (nm.n > 1 || nm.etal || !lit_md_has_org_word(in, k));
        }
        free(in);
        free(ti);
        if (!cite) { lit_md_names_free(&nm); i += c; continue; }
        e->au = nm;
        e->au_stated = true;
        if (!e->tag.year) e->tag.year = year;
        e->tagged = true;
        memmove(s, s + i, c + 1);
        s[c + 1] = 0;
        return;
    }
}

/* What follows the title: its authors ("by A and B", "A, B. Venue, 2019"), and the
 * venue after them when no tag gave one. */
static void read_tail(const lit_venues *vs, char *rest, entry *e)
{
    char *r = rest + lit_md_skip_separators(rest);
    size_t al = lit_md_author_field(r);
    r += al + (al ? lit_md_skip_separators(r + al) : 0);
    bool by = al || lit_md_starts_ci(r, "by ");   /* a label says these are names */
    if (by && !al) r += 3;
    for (char *b; (b = strstr(r, "\xE2\x80\xA2")) || (b = strstr(r, "\xC2\xB7"));)  /* "Hoque • [Code](...)" */
        memset(b, ' ', (unsigned char)b[0] == 0xE2 ? 3 : 2);
    /* tags between the title and the names: "**Title**(2018), K Lee et al.",
     * "**Title** (2022), ICML'22, A and B" */
    for (;;) {
        while (*r == ' ' || *r == ',' || *r == '.' || IS_MARK(*r)) r++;
        tag t;
        char vb[128];
        size_t len = 0;
        if (*r == '(' || *r == '[') {
            size_t c = lit_md_match_close(r, 0);
            if (c == (size_t)-1) break;
            char *in = lit_md_strndup(r + 1, c - 1);
            if (lit_md_parse_tag(vs, in, &t, false, vb, sizeof vb) && !t.unknown) len = c + 1;
            free(in);
        } else {   /* up to ", ", ". " or a note: "**Title**. IEEE S&P 2023. `note`" */
            size_t c = 0;
            while (r[c] && !IS_MARK(r[c]) && !((r[c] == ',' || r[c] == '.') && (r[c + 1] == ' ' || !r[c + 1]))) c++;
            char *in = lit_md_strndup(r, c);
            /* a sentence of its own states a venue even when the table lacks it ("USENIX Securiy 2022.") */
            int how = r[c] == ',' ? TAG_STRICT : TAG_STATED;
            if (c < 80 && lit_md_parse_tag(vs, in, &t, how, vb, sizeof vb) && t.venue && t.year) len = c;
            free(in);
        }
        if (!len) break;
        take_tag(e, &t, vb);
        r += len;
    }
    if (e->au.n) return;
    /* one full name is the author after a title that its emphasis or link delimits; one
     * family name too when a year follows it ("[Title](url) - Pearl (1995)") */
    size_t used = lit_md_take_names(r, by || e->title_delimited ? 2 : e->one_author, &e->au), yl;
    int year = ref_year(r + used + strspn(r + used, " ,"), &yl);
    bool year_after = year ||   /* or the year was a tag */
                      (!r[used + lit_md_skip_separators(r + used)] && e->tag.year && !e->tag.venue);
    /* a code span holds keywords, not names: "**Title**. NDSS 2023. `Backdoor Forensics`" */
    bool in_code = r > rest && r[-1] == M_CODE;
    if (used && !by && e->au.n == 1 && !e->au.etal &&
        (in_code || (!strchr(e->au.v[0], ' ') && (!year_after || lit_md_has_org_word(e->au.v[0], strlen(e->au.v[0])))))) {
        lit_md_names_free(&e->au);
        used = 0;
    }
    e->au_stated = used && (al || e->title_delimited);
    if (used && year && !e->tag.year) e->tag.year = year, e->tagged = true;   /* "by Eisenstein et al 2010." */
    if (used && (!e->tag.venue || e->tag.unknown)) venue_of_ref(vs, r + used, e);
}

bool lit_md_read_byline(const lit_venues *vs, const char *text, entry *e)
{
    char *s = lit_xstrdup(text);
    lit_md_fold_fullwidth(s);
    lit_md_strip_emoji(s);
    size_t al = lit_md_author_field(s + lit_md_skip_separators(s));
    if (al) lit_md_remove_range(s, 0, lit_md_skip_separators(s) + al);
    if (al && lit_md_one_inverted(s, &e->au)) {   /* "Authors: Zhang, Haoran" */
        e->au_stated = true;
        free(s);
        return true;
    }
    tag t;
    char vb[128];
    if (lit_md_take_trailing_tag(vs, s, &t, vb, sizeof vb) && !t.unknown) take_tag(e, &t, vb);
    e->title_delimited = true;   /* one full name is a byline here */
    read_tail(vs, s, e);
    free(s);
    return e->au.n || e->tagged;
}

/* A short link label first that is a tag: "[arXiv 2025.10](url), ActiveUMI: ..." gives the
 * tag and leaves the title after it. */
static void take_leading_aux_tag(const lit_venues *vs, char *s, entry *e)
{
    size_t i = 0;
    while (s[i] == ' ' || (IS_MARK(s[i]) && s[i] != M_AUX_OPEN)) i++;
    if (s[i] != M_AUX_OPEN) return;
    char *c = strchr(s + i, M_AUX_CLOSE);
    if (!c) return;
    char *in = lit_md_strndup(s + i + 1, (size_t)(c - s) - i - 1);
    tag t;
    char vb[128];
    int date = lit_md_date_label(vs, in);
    if (date) memset(&t, 0, sizeof t), t.ok = true, t.year = date;
    if (date || (lit_md_parse_tag(vs, in, &t, TAG_LOOSE, vb, sizeof vb) && t.year && t.venue && !t.unknown)) {
        take_tag(e, &t, vb);
        e->lead_tag = true;
        size_t end = (size_t)(c - s) + 1;
        while (s[end] == ' ' || s[end] == ',' || s[end] == ';' || s[end] == ':') end++;   /* ", Title" */
        lit_md_remove_range(s, i, end);
    }
    free(in);
}

/* "[[Code Shaping]]: ..." (a wiki link, Obsidian's and Jekyll's): its text. */
static void unwrap_wikilinks(char *s)
{
    for (char *o; (o = strstr(s, "[[")) != NULL;) {
        char *c = strstr(o + 2, "]]");
        if (!c || memchr(o + 2, '[', (size_t)(c - o - 2)) || memchr(o + 2, ']', (size_t)(c - o - 2)) || c[2] == '(') break;
        lit_md_remove_range(s, (size_t)(c - s), (size_t)(c - s) + 2);
        lit_md_remove_range(s, (size_t)(o - s), (size_t)(o - s) + 2);
    }
}

/* Interprets one entry's text (with markers) and links. ctx_* come from the headings. */
void lit_md_interpret(const lit_venues *vs, const char *text, rlink *links, size_t n_links, entry *e)
{
    char *s = lit_xstrdup(text);
    lit_md_fold_fullwidth(s);
    lit_md_drop_empty_groups(s);
    e->links = links;
    e->n_links = n_links;
    tag t;
    char vb[128];
    lit_md_strip_emoji(s);
    unwrap_wikilinks(s);
    for (char *q; (q = strstr(s, " \xC2\xB7 ")) != NULL;) memcpy(q, " | ", 3), lit_md_remove_range(s, (size_t)(q - s) + 3, (size_t)(q - s) + 4);   /* "2021 · [Title](url) · KDD" */
    drop_note_groups(s, false);
    size_t who = lit_md_presenter(s + lit_md_skip_separators(s));
    if (who) lit_md_remove_range(s, 0, lit_md_skip_separators(s) + who);
    drop_field_label(s);
    /* leading tags, and labels in brackets before them or the title ("[Survey] [TPDS'23]") */
    for (int k = 0; k < 4; k++) {
        if (lit_md_take_leading_tag(vs, s, &t, vb, sizeof vb)) {
            if (!t.unknown && !e->tagged) {
                e->tag = t;
                e->tagged = e->lead_tag = true;
                memcpy(e->vraw, vb, sizeof vb);
                if (t.venue == vb) e->tag.venue = e->vraw;
            }
            continue;
        }
        if (!drop_leading_label(s, e)) break;
    }
    drop_link_words(s);
    take_leading_aux_tag(vs, s, e);   /* "[arXiv 2025.10](url), Title": a tag, not the title */
    resolve_leading_aux(s);
    if (!e->tagged && lit_md_aux_tag(vs, s, &t, vb, sizeof vb)) {
        e->tag = t;
        e->tagged = true;
        memcpy(e->vraw, vb, sizeof vb);
        if (t.venue == vb) e->tag.venue = e->vraw;
    }
    const char *label_venue = venue_of_labels(vs, s);
    drop_aux(s);
    take_cited_run(vs, s, e);
    take_cite_group(vs, s, e);
    for (int k = 0; k < 2; k++) {
        lit_md_drop_empty_groups(s);
        if (!lit_md_take_trailing_tag(vs, s, &t, vb, sizeof vb)) break;
        /* an arXiv tag is where the paper can be read: a venue stated before it wins
         * ("*COLT*, 2019 (arXiv, 2017)" is COLT 2019) */
        bool better = t.venue && !lit_md_preprint(vs, t.venue) && e->tag.venue && lit_md_preprint(vs, e->tag.venue);
        if (!e->tagged || (!e->tag.venue && !e->tag.year) || better) {
            e->tag = t;
            memcpy(e->vraw, vb, sizeof vb);
            if (t.venue == vb) e->tag.venue = e->vraw;
        } else if (!t.unknown) {
            take_tag(e, &t, vb);   /* "2021 | [Title](url) | KDD": the year first, the venue last */
        }
        e->tagged = true;
    }
    /* a link named for its venue states it, over a preprint's: "[arXiv 2022.03](url), Title,
     * [Science Robotics](url)" */
    if (label_venue && (!e->tag.venue || e->tag.unknown ||
                        (lit_md_preprint(vs, e->tag.venue) && !lit_md_preprint(vs, label_venue)))) {
        e->tag.venue = label_venue;
        e->tag.unknown = false;
    }
    drop_affiliation(s);
    drop_note_groups(s, true);  /* after the tags: "(Google, OSDI 2020)" is a tag */
    lit_md_drop_empty_groups(s);
    /* "Hamid Pirahesh, Joseph M. Hellerstein. Title. SIGMOD 1992": a reference that starts
     * with its authors; the title is the sentence (or the emphasised run) after them */
    char *title = NULL, *rest = NULL;
    size_t i = 0;
    while (s[i] == ' ') i++;
    drop_schedule(s + i);
    take_label(s + i, e);
    bool ref = read_named_bold(s + i, e, &title, &rest) || read_quoted(s + i, e, &title, &rest) ||
               read_reference(s + i, e, &title, &rest);
    bool title_run = ref && e->title_delimited;   /* an emphasised, quoted or linked title */
    if (ref && (!e->tag.venue || e->tag.unknown)) venue_of_ref(vs, rest, e);
    /* the title: a leading emphasised run or title link, else text up to an author list */
    if (!ref && (s[i] == M_EM_OPEN || s[i] == M_LINK_OPEN)) {
        char closer = s[i] == M_EM_OPEN ? M_EM_CLOSE : M_LINK_CLOSE;
        char *c = strchr(s + i + 1, closer);
        const char *after = c ? c + 1 : NULL;
        while (after && (*after == ' ' || IS_MARK(*after))) after++;
        /* "**Gavel**: Heterogeneity-Aware ..." is one title with a bold name */
        if (c && !(after && *after == ':')) {
            e->link_title = s[i] == M_LINK_OPEN;
            e->title_delimited = true;
            title = lit_md_strndup(s + i + 1, (size_t)(c - s - i - 1));
            rest = lit_xstrdup(c + 1);
            title_run = true;
        }
    }
    if (!title) {
        size_t n = strlen(s), cut = n, depth = 0;
        for (size_t k = 1; k < n && cut == n; k++) {
            char c = s[k];
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && depth) depth--;
            if (depth) continue;
            size_t skip = 0;
            bool by = false;
            if (c == ' ' && lit_md_author_field(s + k + 1)) {   /* "Title Authors: A, B" (a line below) */
                cut = k;
                rest = lit_xstrdup(s + k + 1);
                break;
            }
            if (c == ' ' && s[k + 1] == '(' && year_then_names(s + k + 1)) {   /* read_tail takes the year, then one name or more */
                cut = k;
                rest = lit_xstrdup(s + k + 1);
                e->one_author = true;
                break;
            }
            if ((c == '.' || c == ',' || c == ';') && s[k + 1] == ' ') skip = 2;
            else if (c == ' ' && (s[k + 1] == '-' || s[k + 1] == '|') && s[k + 2] == ' ') skip = 3;
            else if (c == ' ' && lit_md_starts_ci(s + k, " by ")) { skip = 4; by = true; }
            else if (c == ' ' && (unsigned char)s[k + 1] == 0xE2 && (unsigned char)s[k + 2] == 0x80 &&
                     ((unsigned char)s[k + 3] == 0x93 || (unsigned char)s[k + 3] == 0x94) && s[k + 4] == ' ') skip = 5;
            if (!skip) continue;
            /* one full name too when a sentence of the venue follows it or the tag ended the
             * entry: "Title. Ada Lovelace. Master's thesis, MIT, 2019." */
            names nm;
            /* "Title, *Juntang Zhuang, Arxiv.*": one name that an emphasised tail starts */
            bool em = s[k + skip] == M_EM_OPEN;
            size_t used = lit_md_take_names(s + k + skip, by ? 2 : (c == '.' && e->tagged) || em ? 1 : 0, &nm);
            bool one = used && !by && nm.n == 1 && !nm.etal;
            const char *after = s + k + skip + used;
            bool em_tail = em && *after == ',';
            after += strspn(after, ". ");
            if (used && (!one || em_tail || ((!*after || isupper((unsigned char)*after)) && (after[-1] == ' ' || !*after)))) {
                cut = k;
                rest = lit_xstrdup(s + k + (by ? 1 : skip));
                e->one_author = one;
            }
            lit_md_names_free(&nm);
        }
        title = lit_md_strndup(s, cut);
    }
    if (rest) {
        if (!ref) read_tail(vs, rest, e);
        free(rest);
    }
    trailing_year(vs, title, e);
    /* the whole text without links is the label a section or category line would use */
    e->label = lit_xstrdup(s);
    clean_title(e->label, false);
    clean_title(title, title_run);
    char *sn = take_short(title);
    if (sn) {
        clean_title(title, title_run);
        free(e->short_name);   /* the title's own name beats a group's ("**ColBERT**") */
        e->short_name = sn;
    }
    e->title = title;
    free(s);
}

/* The text of a topic bullet as a section name, or NULL when its text is a link. */
char *lit_md_section_label(const char *text)
{
    char *s = lit_xstrdup(text);
    drop_aux(s);
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '(') continue;
        size_t j = i + 1;
        while (s[j] == ' ') j++;
        if (s[j] != M_LINK_OPEN) continue;
        char *c = strchr(s + j, M_LINK_CLOSE);
        if (!c) continue;
        size_t k = (size_t)(c - s) + 1;
        while (s[k] == ' ') k++;
        if (s[k] == ')') { lit_md_remove_range(s, i, k + 1); i = (size_t)-1; }
    }
    lit_md_drop_empty_groups(s);
    if (strchr(s, M_LINK_OPEN)) { free(s); return NULL; }
    lit_md_strip_marks(s);
    lit_md_collapse_ws(s);
    size_t n = strlen(s);
    while (n && (s[n - 1] == ':' || s[n - 1] == ' ')) s[--n] = 0;
    return s;
}
