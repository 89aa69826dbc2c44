/* out_markdown.c - the catalog as an awesome-list: headings per group, one entry per paper,
 * written in the shape the list importer reads exactly (tag, bold system name, authors,
 * [[kind]](url) links), so that import of the list gives the same papers back. */
#include "out_markdown.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <utf8proc.h>
#include "chart.h"
#include "outfile.h"
#include "text.h"

#define esc lit_md_escape

/* Characters Markdown (CommonMark, GitHub) could read as syntax: escaped with a
 * backslash, which every Markdown reader removes again. Text stays on its line (a line
 * break would start a new entry: tabs and line breaks become spaces), and what would
 * start a block where the text starts (blanks, "- ", "+ ", "1. ") is escaped or dropped.
 * Control characters, noncharacters and invalid UTF-8 become U+FFFD. */
void lit_md_escape(lit_buf *b, const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t digits = strspn(s, "0123456789");
    if (*s == '-' || *s == '+' || *s == '=') lit_buf_addc(b, '\\');
    else if (digits && digits < 10 && (s[digits] == '.' || s[digits] == ')')) {
        lit_buf_add(b, s, digits);
        lit_buf_addc(b, '\\');
        s += digits;
    }
    for (size_t n = strlen(s), i = 0; i < n;) {
        uint32_t cp;
        size_t k = lit_utf8_decode(s + i, n - i, &cp);
        if (!k || !lit_text_cp_ok(cp)) {
            lit_buf_adds(b, "\xEF\xBF\xBD");
        } else if (cp < 0x20) {   /* tab, line feed, carriage return */
            lit_buf_addc(b, ' ');
        } else {
            if (strchr("\\`*_[]<>&|~$#!", (int)cp) && cp < 0x80) lit_buf_addc(b, '\\');
            lit_buf_add(b, s + i, k);
        }
        i += k ? k : 1;
    }
}

/* A link destination: parentheses escaped; blanks, control characters, noncharacters and
 * invalid UTF-8 percent-encoded, so that it ends where it should and stays text. */
static void esc_url(lit_buf *b, const char *s)
{
    for (size_t n = strlen(s), i = 0; i < n;) {
        uint32_t cp;
        size_t k = lit_utf8_decode(s + i, n - i, &cp);
        if (!k || cp <= ' ' || !lit_text_cp_ok(cp)) {
            for (size_t j = 0; j < (k ? k : 1); j++) lit_buf_printf(b, "%%%02X", (unsigned char)s[i + j]);
        } else {
            if (strchr("()\\<>", (int)cp) && cp < 0x80) lit_buf_addc(b, '\\');
            lit_buf_add(b, s + i, k);
        }
        i += k ? k : 1;
    }
}

/* Links the list keeps: http(s), doi and relative ones (no scheme); never javascript:,
 * data:, file: or another scheme a reader's browser would act on. */
static bool link_ok(const char *url)
{
    size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    if (url[n] != ':') return true;   /* no scheme: relative ("docs/x.pdf", "#anchor", "//host/x") */
    return (n == 4 && !strncasecmp(url, "http", 4)) || (n == 5 && !strncasecmp(url, "https", 5)) ||
           (n == 3 && !strncasecmp(url, "doi", 3));
}

/* The tag the importer reads back: [OSDI'20], [OSDI 1965], [OSDI] or [2020] before the
 * title; a paper with neither gets "(x)" (unknown) after it. A year inferred from an
 * arXiv id is left out: the import infers it again. */
static void tag(lit_buf *b, const char *venue, int year)
{
    if (venue && year >= 1970 && year <= 2069) lit_buf_printf(b, "[%s'%02d]", venue, year % 100);
    else if (venue && year) lit_buf_printf(b, "[%s %d]", venue, year);
    else if (venue) lit_buf_printf(b, "[%s]", venue);
    else if (year) lit_buf_printf(b, "[%d]", year);
}

/* Link labels the importer maps back to the link's kind (web has no label of its own). */
static const char *link_label(const char *kind)
{
    return strcmp(kind, "web") == 0 ? "website" : kind;
}

/* Whether the importer could end a plain title early: at a separator it reads authors
 * after (". ", ", ", "; ", " - ", " | ", " by ", dashes), when the words that follow look
 * like names ("... Misled by Noisy Labels", "Prototypes, Criticisms, and Counterfactuals"),
 * or before a bracket at its end, which a list uses for notes ("[Vision]"). Such a title
 * is written in emphasis, which the importer takes whole. */
static bool title_at_risk(const char *t)
{
    size_t n = strlen(t);
    if (n && t[n - 1] == ']') return true;
    static const char *const seps[] = {". ", ", ", "; ", " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
        if (strstr(t, seps[i])) return true;
    for (const char *c = t; *c; c++)
        if (c[0] == ' ' && (c[1] | 0x20) == 'b' && (c[2] | 0x20) == 'y' && c[3] == ' ') return true;
    return false;
}

/* Whether the importer takes short as the system name of "short: ..." (md_entry.c's
 * take_short): one word, or two with an acronym first ("PCC Vivace"). */
static bool short_of_colon(const char *sn)
{
    const char *sp = strchr(sn, ' ');
    if (!sp) return !strchr(sn, ',');
    if (strchr(sp + 1, ' ')) return false;
    size_t up = 0, al = 0;
    for (const char *c = sn; c < sp; c++) {
        up += *c >= 'A' && *c <= 'Z';
        al += (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z');
    }
    return al >= 2 && up == al;
}

static void title_part(lit_buf *b, const lit_paper *p)
{
    size_t sn = p->short_name ? strlen(p->short_name) : 0;
    bool prefix = sn && strncmp(p->title, p->short_name, sn) == 0 && strncmp(p->title + sn, ": ", 2) == 0;
    if (title_at_risk(p->title) && (!sn || (prefix && short_of_colon(p->short_name)) || (!prefix && sn <= 40))) {
        lit_buf_addc(b, '*');   /* "*Gavel: ...*" and "*(Gavel) ...*" give the system name back too */
        if (sn && !prefix) {
            lit_buf_addc(b, '(');
            esc(b, p->short_name);
            lit_buf_adds(b, ") ");
        }
        esc(b, p->title);
        lit_buf_addc(b, '*');
    } else if (prefix) {
        lit_buf_adds(b, "**");
        esc(b, p->short_name);
        lit_buf_adds(b, "**");
        esc(b, p->title + sn);
    } else if (sn) {
        lit_buf_adds(b, "(**");
        esc(b, p->short_name);
        lit_buf_adds(b, "**) ");
        esc(b, p->title);
    } else {
        esc(b, p->title);
    }
}

static void authors_part(lit_buf *b, const lit_paper *p, const char *sep)
{
    for (uint32_t i = 0; i < p->n_authors; i++) {
        lit_buf_adds(b, i ? ", " : sep);
        esc(b, p->authors[i]);
    }
    if (p->n_authors && p->authors_etal) lit_buf_adds(b, " et al.");
}

/* How many links links_part writes. */
static uint32_t links_shown(const lit_paper *p, long skip)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->n_links; i++) n += (long)i != skip && link_ok(p->links[i].url);
    return n;
}

static void links_part(lit_buf *b, const lit_paper *p, const char *open, const char *close, const char *sep, long skip)
{
    for (uint32_t i = 0, n = 0; i < p->n_links; i++) {
        if ((long)i == skip || !link_ok(p->links[i].url)) continue;
        lit_buf_printf(b, "%s%s%s%s](", n++ ? sep : "", open, link_label(p->links[i].kind), close);
        esc_url(b, p->links[i].url);
        lit_buf_addc(b, ')');
    }
}

/* A paper without a paper or pdf link links its DOI or arXiv page, for the readers (the
 * import then keeps it as the paper link); a DOI no link holds is written as a "doi" link
 * beside the paper link (an arXiv paper link and the journal's DOI), so it is read back.
 * The kind of that link, or NULL for none. */
static const char *id_link_kind(const lit_paper *p)
{
    bool paper = false, doi_held = false;
    for (uint32_t i = 0; i < p->n_links; i++) {
        if (!link_ok(p->links[i].url)) continue;
        paper |= !strcmp(p->links[i].kind, "paper") || !strcmp(p->links[i].kind, "pdf");
        doi_held |= p->doi && strstr(p->links[i].url, p->doi);
    }
    if (paper) return p->doi && !doi_held ? "doi" : NULL;
    return p->doi || p->arxiv ? "paper" : NULL;
}

static void id_link(lit_buf *b, const lit_paper *p, const char *open, const char *close, const char *sep)
{
    const char *kind = id_link_kind(p);
    if (!kind) return;
    lit_buf_printf(b, "%s%s%s%s](", links_shown(p, -1) ? sep : "", open, kind, close);
    if (p->doi) {
        lit_buf_adds(b, "https://doi.org/");
        esc_url(b, p->doi);
    } else {
        lit_buf_adds(b, "https://arxiv.org/abs/");
        esc_url(b, p->arxiv);
    }
    lit_buf_addc(b, ')');
}

/* A title of one or two words is written as its paper link ("[OSDI'22] [Unity](url)"):
 * lists write such titles that way, and only that way does the importer read them as a
 * paper. Returns the link's index, or -1. */
static long title_link(const lit_paper *p)
{
    if (p->short_name || !p->title) return -1;
    int words = 1;
    for (const char *c = p->title; *c; c++) words += *c == ' ';
    if (words > 2) return -1;
    for (uint32_t i = 0; i < p->n_links; i++)
        if ((!strcmp(p->links[i].kind, "paper") || !strcmp(p->links[i].kind, "pdf")) && link_ok(p->links[i].url))
            return (long)i;
    return -1;
}

void lit_md_entry(lit_buf *b, const lit_catalog *cat, const lit_paper *p)
{
    const char *venue = lit_catalog_venue(cat, p->venue);
    int year = p->year_inferred ? 0 : p->year;
    lit_buf_adds(b, "- ");
    tag(b, venue, year);
    if (venue || year) lit_buf_addc(b, ' ');
    long tl = title_link(p);
    if (tl >= 0) {
        lit_buf_addc(b, '[');
        esc(b, p->title);
        lit_buf_adds(b, "](");
        esc_url(b, p->links[tl].url);
        lit_buf_addc(b, ')');
    } else {
        title_part(b, p);
    }
    authors_part(b, p, p->n_authors == 1 ? " by " : ". ");
    if (!venue && !year) lit_buf_adds(b, " (x)");
    if (links_shown(p, tl) || (tl < 0 && id_link_kind(p))) lit_buf_addc(b, ' ');
    links_part(b, p, "[[", "]", " ", tl);
    id_link(b, p, "[[", "]", " ");
    lit_buf_addc(b, '\n');
}

static void table_head(lit_buf *b)
{
    lit_buf_adds(b, "| Venue | Year | Title | Authors | Links |\n| --- | --- | --- | --- | --- |\n");
}

static void table_row(lit_buf *b, const lit_catalog *cat, const lit_paper *p)
{
    const char *v = lit_catalog_venue(cat, p->venue);
    lit_buf_adds(b, "| ");
    if (v) esc(b, v);
    lit_buf_adds(b, " | ");
    if (p->year && !p->year_inferred) lit_buf_printf(b, "%d", p->year);
    lit_buf_adds(b, " | ");
    title_part(b, p);
    lit_buf_adds(b, " | ");
    authors_part(b, p, "");
    lit_buf_adds(b, " | ");
    links_part(b, p, "[", "", " · ", -1);
    id_link(b, p, "[", "", " · ");
    lit_buf_adds(b, " |\n");
}

/* ---------- order ---------- */

static const lit_catalog *g_cat;
static lit_md_sort g_sort;

/* A paper in a group, with the line it was listed at there (0: none). */
typedef struct item { uint32_t paper; long line; } item;

static int venue_cmp(const lit_paper *a, const lit_paper *b)
{
    const char *va = lit_catalog_venue(g_cat, a->venue), *vb = lit_catalog_venue(g_cat, b->venue);
    if (!va || !vb) return (va == NULL) - (vb == NULL);
    return strcmp(va, vb);
}

static int item_cmp(const void *x, const void *y)
{
    const item *ia = x, *ib = y;
    const lit_paper *a = &g_cat->papers[ia->paper], *b = &g_cat->papers[ib->paper];
    int r = 0;
    if (g_sort == LIT_MD_LISTED && ia->line != ib->line) {
        if (!ia->line || !ib->line) return ia->line ? -1 : 1;   /* placed by topic: after the listed ones */
        return ia->line < ib->line ? -1 : 1;
    }
    if (g_sort != LIT_MD_TITLE && a->year != b->year) {
        if (!a->year || !b->year) return a->year ? -1 : 1;   /* undated last */
        r = g_sort == LIT_MD_OLDEST ? a->year - b->year : b->year - a->year;
    }
    if (!r && g_sort != LIT_MD_TITLE) r = venue_cmp(a, b);
    if (!r) r = strcmp(a->title, b->title);
    if (!r) r = strcmp(a->key ? a->key : "", b->key ? b->key : "");
    return r;
}

/* ---------- groups ---------- */

typedef struct group {
    char *heading;       /* escaped heading text; NULL: the papers go on without one */
    int level;           /* 1 for '#', 2 for '##', ... */
    item *items;
    size_t n, cap;
} group;

typedef struct writer {
    const lit_db *db;
    const lit_md_opts *o;
    group *g;
    size_t n, cap;
    /* by list: which topics of each selected paper its sections carry (cov[k][j] for its
     * j-th topic) and whether it has a section; the topic groups then hold the rest */
    bool **cov;
    bool *placed;
} writer;

static group *add_group(writer *w, const char *text, int level)
{
    LIT_GROW(w->g, w->cap, w->n + 1);
    group *g = &w->g[w->n++];
    memset(g, 0, sizeof *g);
    if (text) {
        lit_buf h = LIT_BUF_INIT;
        esc(&h, text);
        g->heading = lit_xstrdup(lit_buf_str(&h));
        lit_buf_free(&h);
    }
    g->level = level > 6 ? 6 : level;
    return g;
}

static void group_add(group *g, uint32_t i, long line)
{
    LIT_GROW(g->items, g->cap, g->n + 1);
    g->items[g->n++] = (item){i, line};
}

/* Every topic depth first in taxonomy order, each before its subtopics, into order (the
 * count is ts->n), with its depth. Child lists are made once and walked without
 * recursion: a chain of 100,000 topics is 100,000 steps and no deep stack. */
static void preorder(const lit_topics *ts, size_t *order, int *depth)
{
    const size_t none = (size_t)-1;
    size_t n = ts->n, root = none, k = 0;
    size_t *first = lit_xmalloc((n + 1) * sizeof *first), *next = lit_xmalloc((n + 1) * sizeof *next);
    for (size_t t = 0; t < n; t++) first[t] = none;
    for (size_t c = n; c-- > 0;) {   /* prepended from the last: lists in taxonomy order */
        int p = ts->t[c].parent_ix;
        size_t *head = p >= 0 ? &first[p] : &root;
        next[c] = *head;
        *head = c;
    }
    int d = 0;
    for (size_t t = root; t != none;) {
        order[k++] = t;
        depth[t] = d;
        if (first[t] != none) {
            t = first[t];
            d++;
            continue;
        }
        while (t != none && next[t] == none) {   /* up to the nearest topic with a next sibling */
            int p = ts->t[t].parent_ix;
            t = p >= 0 ? (size_t)p : none;
            d--;
        }
        if (t != none) t = next[t];
    }
    free(first);
    free(next);
}

static int topic_name_cmp(const void *x, const void *y)
{
    return strcmp(g_cat->topics.names[*(const size_t *)x], g_cat->topics.names[*(const size_t *)y]);
}

/* Topic groups of the selected papers (by list: of their topics no section carries). */
static void by_topic(writer *w, const lit_stats *s)
{
    const lit_catalog *cat = &w->db->cat;
    const lit_topics *ts = &w->db->topics;
    size_t nt = cat->topics.n, ng = ts->n + nt + 1;   /* table topics, unknown ones, none */
    int32_t *gix = lit_xmalloc((nt + 1) * sizeof *gix);
    for (size_t i = 0; i < nt; i++) {
        int t = lit_topics_find(ts, cat->topics.names[i]);
        gix[i] = t >= 0 ? t : (int32_t)(ts->n + i);
    }
    uint32_t **members = lit_xcalloc(ng, sizeof *members);
    size_t *n_members = lit_xcalloc(ng, sizeof *n_members), *caps = lit_xcalloc(ng, sizeof *caps);
    size_t *total = lit_xcalloc(ng, sizeof *total);
    for (size_t k = 0; k < s->n_papers; k++) {
        const lit_paper *p = &cat->papers[s->sel[k]];
        size_t placed = 0;
        for (uint32_t j = 0; j < p->n_topics; j++) {
            size_t g = (size_t)gix[p->topics[j]];
            if (w->cov && w->cov[k][j]) continue;
            /* a topic written twice lists the paper once (papers come one at a time, so
             * an earlier listing is the group's last) */
            if (n_members[g] && members[g][n_members[g] - 1] == s->sel[k]) continue;
            LIT_GROW(members[g], caps[g], n_members[g] + 1);
            members[g][n_members[g]++] = s->sel[k];
            placed++;
        }
        if (!placed && !p->n_topics && !(w->placed && w->placed[k])) {
            LIT_GROW(members[ng - 1], caps[ng - 1], n_members[ng - 1] + 1);
            members[ng - 1][n_members[ng - 1]++] = s->sel[k];
        }
    }
    /* a parent is shown when a subtopic has papers: totals summed up from the leaves */
    size_t *order = lit_xmalloc((ts->n + 1) * sizeof *order);
    int *depth = lit_xmalloc((ts->n + 1) * sizeof *depth);
    preorder(ts, order, depth);
    for (size_t t = 0; t < ts->n; t++) total[t] = n_members[t];
    for (size_t k = ts->n; k-- > 0;)
        if (ts->t[order[k]].parent_ix >= 0) total[ts->t[order[k]].parent_ix] += total[order[k]];
    for (size_t k = 0; k < ts->n; k++) {
        size_t t = order[k];
        if (!total[t]) continue;
        group *g = add_group(w, ts->t[t].label, 2 + depth[t]);
        for (size_t q = 0; q < n_members[t]; q++) group_add(g, members[t][q], 0);
    }
    free(order);
    free(depth);
    /* topics the table does not know: by name, as the statistics list them */
    size_t *unknown = lit_xmalloc((nt + 1) * sizeof *unknown), nu = 0;
    for (size_t i = 0; i < nt; i++)
        if (n_members[ts->n + i]) unknown[nu++] = i;
    qsort(unknown, nu, sizeof *unknown, topic_name_cmp);
    for (size_t u = 0; u < nu; u++) {
        size_t g = ts->n + unknown[u];
        group *gr = add_group(w, cat->topics.names[unknown[u]], 2);
        for (size_t k = 0; k < n_members[g]; k++) group_add(gr, members[g][k], 0);
    }
    free(unknown);
    if (n_members[ng - 1]) {
        group *gr = add_group(w, "Without a topic", 2);   /* furniture to the importer: no topic */
        for (size_t k = 0; k < n_members[ng - 1]; k++) group_add(gr, members[ng - 1][k], 0);
    }
    for (size_t g = 0; g < ng; g++) free(members[g]);
    free(members);
    free(n_members);
    free(caps);
    free(total);
    free(gix);
}

/* The section of list l a source names: of those with its heading, the last at or above
 * its line (the first when the list moved on since); -1 for a paper above every section,
 * -2 when the list has no such section. */
static long section_of(const lit_list *l, const lit_source *src)
{
    if (!src->section) return -1;
    long hit = -2, first = -2;
    for (size_t i = 0; i < l->n_sections; i++) {
        if (strcmp(l->sections[i].heading, src->section) != 0) continue;
        if (first < 0) first = (long)i;
        if (l->sections[i].line <= src->line) hit = (long)i;
    }
    return hit >= 0 ? hit : first;
}

/* By list: each list's papers above its first section, then its sections in order, each
 * paper under the sections it was listed in whose topic it still has; a section is
 * written when it or a section below it holds papers. The topics no section carries
 * follow by topic. */
static void by_list(writer *w, const lit_stats *s)
{
    const lit_catalog *cat = &w->db->cat;
    size_t *base = lit_xmalloc((cat->n_lists + 1) * sizeof *base), nn = 0;
    for (size_t l = 0; l < cat->n_lists; l++) {
        base[l] = nn;
        nn += cat->lists[l].n_sections + 1;   /* node base[l]: above the first section */
    }
    group *node = lit_xcalloc(nn + 1, sizeof *node);
    w->cov = lit_xcalloc(s->n_papers + 1, sizeof *w->cov);
    w->placed = lit_xcalloc(s->n_papers + 1, sizeof *w->placed);
    for (size_t k = 0; k < s->n_papers; k++) {
        const lit_paper *p = &cat->papers[s->sel[k]];
        w->cov[k] = lit_xcalloc(p->n_topics + 1, sizeof **w->cov);
        size_t done[16], nd = 0;   /* nodes this paper went to (a paper has few sources) */
        for (uint32_t q = 0; q < p->n_sources; q++) {
            const lit_list *l = p->sources[q].list ? lit_catalog_find_list(cat, p->sources[q].list) : NULL;
            long sec = l ? section_of(l, &p->sources[q]) : -2;
            if (sec < -1) continue;
            const char *topic = sec >= 0 ? l->sections[sec].topic : NULL;
            long j = -1;
            for (uint32_t t = 0; topic && t < p->n_topics && j < 0; t++)
                if (!strcmp(lit_catalog_topic(cat, p->topics[t]), topic)) j = t;
            if (topic && j < 0) continue;   /* the paper has left that topic */
            size_t id = base[l - cat->lists] + (size_t)(sec + 1), d = 0;
            while (d < nd && done[d] != id) d++;
            if (d < nd) continue;
            if (nd < sizeof done / sizeof *done) done[nd++] = id;
            group_add(&node[id], s->sel[k], p->sources[q].line);
            if (j >= 0) w->cov[k][j] = true;
            w->placed[k] = true;
        }
    }
    for (size_t l = 0; l < cat->n_lists; l++) {
        const lit_list *li = &cat->lists[l];
        group *n = &node[base[l]];
        /* a section is shown when it or one below it holds papers */
        bool *show = lit_xcalloc(li->n_sections + 1, sizeof *show);
        for (size_t i = li->n_sections; i-- > 0;) {
            if (!n[i + 1].n) continue;
            show[i] = true;
            for (size_t a = i, lv = (size_t)li->sections[i].level; a-- > 0;)
                if ((size_t)li->sections[a].level < lv) { show[a] = true; lv = (size_t)li->sections[a].level; }
        }
        bool here = w->o->in_place && lit_same_target(w->o->in_place, li->file);
        for (size_t i = 0; i <= li->n_sections; i++) {
            if (i && !show[i - 1]) continue;
            if (!i && !n[0].n) continue;
            const lit_section *sec = i ? &li->sections[i - 1] : NULL;
            /* in the README it came from, the sections above the region are there already */
            bool above = sec && here && sec->line < w->o->region_line;
            group *g = add_group(w, sec && !above ? sec->heading : NULL, sec ? sec->level : 2);
            g->items = n[i].items;
            g->n = n[i].n;
            g->cap = n[i].cap;
        }
        free(show);
    }
    by_topic(w, s);
    for (size_t k = 0; k < s->n_papers; k++) free(w->cov[k]);
    free(w->cov);
    free(w->placed);
    w->cov = NULL;
    w->placed = NULL;
    free(node);
    free(base);
}

static int year_desc(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    if (!a || !b) return (a == 0) - (b == 0);
    return g_sort == LIT_MD_OLDEST ? a - b : b - a;
}

/* Year groups (at level) of the papers in sel, newest first unless sorted oldest first. */
static void by_year(writer *w, const uint32_t *sel, size_t n, int level)
{
    const lit_catalog *cat = &w->db->cat;
    int *years = lit_xmalloc((n + 1) * sizeof *years);
    size_t ny = 0;
    for (size_t k = 0; k < n; k++) {
        const lit_paper *p = &cat->papers[sel[k]];
        int y = p->year_inferred ? 0 : p->year;
        bool have = false;
        for (size_t q = 0; q < ny && !have; q++) have = years[q] == y;
        if (!have) years[ny++] = y;
    }
    qsort(years, ny, sizeof *years, year_desc);
    for (size_t q = 0; q < ny; q++) {
        char h[32];
        if (years[q]) snprintf(h, sizeof h, "%d", years[q]);
        else snprintf(h, sizeof h, "Year unknown");
        group *g = add_group(w, h, level);
        for (size_t k = 0; k < n; k++) {
            const lit_paper *p = &cat->papers[sel[k]];
            if ((p->year_inferred ? 0 : p->year) == years[q]) group_add(g, sel[k], 0);
        }
    }
    free(years);
}

static void by_venue(writer *w, const lit_stats *s, bool years)
{
    const lit_catalog *cat = &w->db->cat;
    uint32_t *in = lit_xmalloc((s->n_papers + 1) * sizeof *in);
    for (size_t v = 0; v <= s->n_venues; v++) {   /* most papers first, then those without */
        int32_t id = v < s->n_venues ? s->venues[v].id : -1;
        if (v < s->n_venues && id < 0) continue;
        size_t n = 0;
        for (size_t k = 0; k < s->n_papers; k++)
            if (cat->papers[s->sel[k]].venue == id) in[n++] = s->sel[k];
        if (!n) continue;
        const char *name = id >= 0 ? lit_catalog_venue(cat, id) : "Venue unknown";
        group *g = add_group(w, name, 2);
        if (years) by_year(w, in, n, 3);
        else for (size_t k = 0; k < n; k++) group_add(g, in[k], 0);
    }
    free(in);
}

static const group *g_groups;
static int heading_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int r = strcmp(g_groups[a].heading, g_groups[b].heading);
    return r ? r : a < b ? -1 : a > b;
}

/* same[i]: how many groups before i have i's heading (sorted runs, not all pairs); groups
 * without a heading count for none. */
static size_t *repeats(const group *gs, size_t n)
{
    size_t *ix = lit_xmalloc((n + 1) * sizeof *ix), *same = lit_xcalloc(n + 1, sizeof *same), m = 0;
    for (size_t i = 0; i < n; i++)
        if (gs[i].heading) ix[m++] = i;
    g_groups = gs;
    qsort(ix, m, sizeof *ix, heading_cmp);
    for (size_t k = 0; k < m; k++)
        same[ix[k]] = k && !strcmp(gs[ix[k]].heading, gs[ix[k - 1]].heading) ? same[ix[k - 1]] + 1 : 0;
    free(ix);
    return same;
}

/* GitHub's heading anchors: lower case, spaces to '-', letters, digits, marks, '-' and
 * '_' kept, the rest (punctuation, emoji) dropped; a repeated anchor gets -1, -2, ...
 * (same: how many earlier headings are the same) */
static void anchor(lit_buf *b, const char *text, size_t same)
{
    lit_buf a = LIT_BUF_INIT;
    lit_buf_add(&a, "", 0);
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
    for (utf8proc_ssize_t n; *s; s += n) {
        utf8proc_int32_t c;
        n = utf8proc_iterate(s, -1, &c);
        if (n <= 0) { n = 1; continue; }
        utf8proc_category_t k = utf8proc_category(c);
        if (c == ' ') lit_buf_addc(&a, '-');
        else if (c == '-' || c == '_' || (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO)) {
            utf8proc_uint8_t u[4];
            lit_buf_add(&a, (const char *)u, (size_t)utf8proc_encode_char(utf8proc_tolower(c), u));
        }
    }
    lit_buf_adds(b, lit_buf_str(&a));
    if (same) lit_buf_printf(b, "-%zu", same);
    lit_buf_free(&a);
}

void lit_md_write(lit_buf *out, const lit_db *db, const lit_stats *s, const lit_md_opts *o)
{
    static const lit_md_opts defaults;
    if (!o) o = &defaults;
    writer w = {db, o, NULL, 0, 0, NULL, NULL};
    lit_md_group how = o->group;
    if (how == LIT_MD_GROUP_AUTO) how = db->cat.n_lists == 1 ? LIT_MD_LIST : LIT_MD_TOPIC;
    g_cat = &db->cat;
    g_sort = o->sort != LIT_MD_SORT_AUTO ? o->sort : how == LIT_MD_LIST ? LIT_MD_LISTED : LIT_MD_NEWEST;
    switch (how) {
    case LIT_MD_GROUP_AUTO: /* resolved above */
    case LIT_MD_LIST: by_list(&w, s); break;
    case LIT_MD_TOPIC: by_topic(&w, s); break;
    case LIT_MD_VENUE: by_venue(&w, s, false); break;
    case LIT_MD_VENUE_YEAR: by_venue(&w, s, true); break;
    case LIT_MD_YEAR: by_year(&w, s->sel, s->n_papers, 2); break;
    }
    /* a list's '# ' title comes first, the contents after it */
    size_t first = w.n && w.g[0].heading && w.g[0].level == 1 && !w.g[0].n;
    if (first) lit_buf_printf(out, "# %s\n\n", w.g[0].heading);
    lit_buf_printf(out, "%zu papers", s->n_papers);
    if (s->year_min) lit_buf_printf(out, " from %d to %d", s->year_min, s->year_max);
    lit_buf_adds(out, ", written by litsurvey from the catalog.\n\n");
    if (o->charts) {
        const char *fs = o->charts_fs ? o->charts_fs : o->charts;
        for (size_t k = 0; lit_chart_kinds[k]; k++) {
            lit_buf path = LIT_BUF_INIT;
            lit_buf_printf(&path, "%s/%s.png", fs, lit_chart_kinds[k]);
            if (access(lit_buf_str(&path), R_OK) == 0) {
                lit_buf_printf(out, "![%s](", lit_chart_default_title(lit_chart_kinds[k]));
                lit_buf_reset(&path);
                if (strcmp(o->charts, ".")) lit_buf_printf(&path, "%s/", o->charts);
                lit_buf_printf(&path, "%s.png", lit_chart_kinds[k]);
                esc_url(out, lit_buf_str(&path));
                lit_buf_adds(out, ")\n\n");   /* a paragraph each: one chart per row */
            }
            lit_buf_free(&path);
        }
    }
    if (!o->no_toc) {
        int top = 6;
        for (size_t i = first; i < w.n; i++)
            if (w.g[i].heading && w.g[i].level < top) top = w.g[i].level;
        size_t *same = repeats(w.g, w.n);
        bool any = false;
        for (size_t i = first; i < w.n; i++) {
            if (!w.g[i].heading) continue;
            lit_buf_printf(out, "%*s- [%s](#", 2 * (w.g[i].level - top), "", w.g[i].heading);
            anchor(out, w.g[i].heading, same[i]);
            lit_buf_adds(out, ")\n");
            any = true;
        }
        free(same);
        if (any) lit_buf_addc(out, '\n');
    }
    for (size_t i = 0; i < w.n; i++) {
        group *g = &w.g[i];
        if (g->heading && i >= first) lit_buf_printf(out, "%.*s %s\n\n", g->level, "######", g->heading);
        if (g->n) qsort(g->items, g->n, sizeof *g->items, item_cmp);
        if (g->n && o->table) table_head(out);
        for (size_t k = 0; k < g->n; k++) {
            const lit_paper *p = &db->cat.papers[g->items[k].paper];
            if (o->table) table_row(out, &db->cat, p);
            else lit_md_entry(out, &db->cat, p);
        }
        if (g->n) lit_buf_addc(out, '\n');
        free(g->items);
        free(g->heading);
    }
    free(w.g);
}

/* ---------- the marked region ---------- */

static const char *find_marker(const char *path, const char *s, size_t len, const char *m, lit_diag *d)
{
    const char *hit = NULL;
    size_t ml = strlen(m);
    for (const char *p = s; p + ml <= s + len; p++) {
        if (memcmp(p, m, ml) != 0) continue;
        long line = 1, col = 1;
        for (const char *q = s; q < p; q++) {
            if (*q == '\n') { line++; col = 1; }
            else col++;
        }
        if (hit) {
            lit_error(d, path, line, col, "a second '%s' marker (there must be one)", m);
            return NULL;
        }
        hit = p;
    }
    if (!hit) lit_error(d, path, 0, 0, "no '%s' marker: the region to replace is marked by lines '%s' and '%s'",
                        m, LIT_MD_BEGIN, LIT_MD_END);
    return hit;
}

int lit_md_splice(lit_buf *out, const char *path, const char *readme, size_t len, const char *body,
                  lit_diag *d)
{
    if (memchr(readme, 0, len)) return lit_error(d, path, 0, 0, "binary file (it holds a NUL byte)");
    const char *b = find_marker(path, readme, len, LIT_MD_BEGIN, d);
    if (!b) return -1;
    const char *e = find_marker(path, readme, len, LIT_MD_END, d);
    if (!e) return -1;
    const char *after_b = memchr(b, '\n', len - (size_t)(b - readme));
    const char *line_e = e;
    while (line_e > readme && line_e[-1] != '\n') line_e--;
    if (!after_b || after_b >= line_e) {
        long line = 1;
        for (const char *q = readme; q < e; q++) line += *q == '\n';
        return lit_error(d, path, line, (long)(e - line_e) + 1,
                         "'%s' must be on a line after '%s'", LIT_MD_END, LIT_MD_BEGIN);
    }
    after_b++;
    lit_buf_add(out, readme, (size_t)(after_b - readme));
    lit_buf_addc(out, '\n');
    lit_buf_adds(out, body);
    lit_buf_add(out, line_e, len - (size_t)(line_e - readme));
    return 0;
}

/* ---------- what the region loses ---------- */

/* The indent of a list item at s ("- ", "* ", "+ ", "1. ", "1) " after blanks), or -1. */
static long item_indent(const char *s, const char *end)
{
    const char *p = s;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    const char *m = p;
    while (p < end && *p >= '0' && *p <= '9') p++;
    if (p > m ? p + 1 < end && (*p == '.' || *p == ')') && p[1] == ' '
              : p + 1 < end && (*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
        return (long)(m - s);
    return -1;
}

static int long_cmp(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return a < b ? -1 : a > b;
}

/* Whether the text from s to e holds m. */
static bool line_has(const char *s, const char *e, const char *m)
{
    size_t ml = strlen(m);
    for (; s + ml <= e; s++)
        if (!memcmp(s, m, ml)) return true;
    return false;
}

/* Calls fn(line, its start, its end, ctx) for each line of s. */
static void each_line(const char *s, size_t len, void (*fn)(long, const char *, const char *, void *), void *ctx)
{
    long line = 1;
    for (const char *p = s, *end = s + len; p < end; line++) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        fn(line, p, e, ctx);
        p = e + 1;
    }
}

typedef struct dropping {
    const char *path;
    lit_diag *d;
    const long *at;           /* the lines of the list's papers, sorted */
    size_t n, k;
    const lit_list *l;        /* its sections (a topic bullet is one) */
    size_t sk;
    bool stale, in;
    long paper_indent;        /* the indent of the paper item above, -1 when none */
    size_t dropped;
} dropping;

static bool paper_line(dropping *g, long line)
{
    while (g->k < g->n && g->at[g->k] < line) g->k++;
    return g->k < g->n && g->at[g->k] == line;
}

/* Each paper's line still holds text, no heading: the file is as it was imported (a line
 * added or taken out above moves the last paper of a section onto a blank line). */
static void check_line(long line, const char *s, const char *e, void *ctx)
{
    dropping *g = ctx;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    if (paper_line(g, line) && (s == e || *s == '#')) g->stale = true;
}

static void drop_line(long line, const char *s, const char *e, void *ctx)
{
    dropping *g = ctx;
    long ind = item_indent(s, e);
    bool paper = paper_line(g, line);
    while (g->sk < g->l->n_sections && g->l->sections[g->sk].line < line) g->sk++;
    if (g->sk < g->l->n_sections && g->l->sections[g->sk].line == line) return;
    if (line_has(s, e, LIT_MD_BEGIN)) g->in = true;
    else if (line_has(s, e, LIT_MD_END)) g->in = false;
    if (ind < 0) {
        if (s < e && *s == '#') g->paper_indent = -1;   /* a heading ends the paper's sub-items */
        return;
    }
    if (paper || ind <= g->paper_indent) g->paper_indent = paper ? ind : -1;
    if (!g->in || paper || g->paper_indent >= 0) return;   /* a sub-item of a paper is its links */
    const char *t = s + ind;
    while (t < e && *t != ' ') t++;   /* past "-" or "12." */
    while (t < e && *t == ' ') t++;
    if (t < e && *t == '[' && line_has(t, e, "](#")) return;   /* contents: written again */
    lit_warn_many(g->d, "entries --in-place leaves out", g->path, line, ind + 1,
                  "'%.*s' is no paper of the catalog: --in-place leaves it out (keep it outside the litsurvey "
                  "markers)", (int)(e - t > 72 ? 72 : e - t), t);
    g->dropped++;
}

size_t lit_md_dropped(const lit_catalog *c, const char *path, const char *readme, size_t len, lit_diag *d)
{
    const lit_list *l = NULL;
    for (size_t i = 0; i < c->n_lists && !l; i++)
        if (lit_same_target(c->lists[i].file, path)) l = &c->lists[i];
    if (!l) return 0;
    long *at = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < c->n_papers; i++)
        for (uint32_t q = 0; q < c->papers[i].n_sources; q++) {
            const lit_source *src = &c->papers[i].sources[q];
            if (!src->list || strcmp(src->list, l->file) != 0) continue;
            LIT_GROW(at, cap, n + 1);
            at[n++] = src->line;
        }
    if (n) qsort(at, n, sizeof *at, long_cmp);
    dropping g = {path, d, at, n, 0, l, 0, false, false, -1, 0};
    each_line(readme, len, check_line, &g);
    if (!g.stale) {
        g.k = 0;
        each_line(readme, len, drop_line, &g);
    }
    free(at);
    return g.dropped;
}
