/* out_markdown.c - the catalog as an awesome-list: headings per group, one entry per paper,
 * written in the shape the list importer reads exactly (tag, bold system name, authors,
 * [[kind]](url) links), so that import of the list gives the same papers back. */
#include "out_markdown.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "chart.h"
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

static void title_part(lit_buf *b, const lit_paper *p)
{
    size_t sn = p->short_name ? strlen(p->short_name) : 0;
    if (sn && strncmp(p->title, p->short_name, sn) == 0 && strncmp(p->title + sn, ": ", 2) == 0) {
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

static int venue_cmp(const lit_paper *a, const lit_paper *b)
{
    const char *va = lit_catalog_venue(g_cat, a->venue), *vb = lit_catalog_venue(g_cat, b->venue);
    if (!va || !vb) return (va == NULL) - (vb == NULL);
    return strcmp(va, vb);
}

static int paper_cmp(const void *x, const void *y)
{
    const lit_paper *a = &g_cat->papers[*(const uint32_t *)x], *b = &g_cat->papers[*(const uint32_t *)y];
    int r = 0;
    if (g_sort != LIT_MD_TITLE && a->year != b->year) {
        if (!a->year || !b->year) return a->year ? -1 : 1;   /* undated last */
        r = g_sort == LIT_MD_NEWEST ? b->year - a->year : a->year - b->year;
    }
    if (!r && g_sort != LIT_MD_TITLE) r = venue_cmp(a, b);
    if (!r) r = strcmp(a->title, b->title);
    if (!r) r = strcmp(a->key ? a->key : "", b->key ? b->key : "");
    return r;
}

/* ---------- groups ---------- */

typedef struct group {
    char *heading;       /* escaped heading text */
    int depth;           /* 0 = top level */
    uint32_t *papers;
    size_t n, cap;
} group;

typedef struct writer {
    const lit_db *db;
    const lit_md_opts *o;
    group *g;
    size_t n, cap;
} writer;

static group *add_group(writer *w, const char *text, int depth)
{
    LIT_GROW(w->g, w->cap, w->n + 1);
    group *g = &w->g[w->n++];
    memset(g, 0, sizeof *g);
    lit_buf h = LIT_BUF_INIT;
    esc(&h, text);
    g->heading = lit_xstrdup(lit_buf_str(&h));
    lit_buf_free(&h);
    g->depth = depth;
    return g;
}

static void group_add(group *g, uint32_t i)
{
    LIT_GROW(g->papers, g->cap, g->n + 1);
    g->papers[g->n++] = i;
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
            /* a topic written twice lists the paper once (papers come one at a time, so
             * an earlier listing is the group's last) */
            if (n_members[g] && members[g][n_members[g] - 1] == s->sel[k]) continue;
            LIT_GROW(members[g], caps[g], n_members[g] + 1);
            members[g][n_members[g]++] = s->sel[k];
            placed++;
        }
        if (!placed) {
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
        group *g = add_group(w, ts->t[t].label, depth[t]);
        for (size_t q = 0; q < n_members[t]; q++) group_add(g, members[t][q]);
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
        group *gr = add_group(w, cat->topics.names[unknown[u]], 0);
        for (size_t k = 0; k < n_members[g]; k++) group_add(gr, members[g][k]);
    }
    free(unknown);
    if (n_members[ng - 1]) {
        group *gr = add_group(w, "Without a topic", 0);   /* furniture to the importer: no topic */
        for (size_t k = 0; k < n_members[ng - 1]; k++) group_add(gr, members[ng - 1][k]);
    }
    for (size_t g = 0; g < ng; g++) free(members[g]);
    free(members);
    free(n_members);
    free(caps);
    free(total);
    free(gix);
}

static int year_desc(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    if (!a || !b) return (a == 0) - (b == 0);
    return g_sort == LIT_MD_OLDEST ? a - b : b - a;
}

/* Year groups (depth) of the papers in sel, newest first unless sorted oldest first. */
static void by_year(writer *w, const uint32_t *sel, size_t n, int depth)
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
        group *g = add_group(w, h, depth);
        for (size_t k = 0; k < n; k++) {
            const lit_paper *p = &cat->papers[sel[k]];
            if ((p->year_inferred ? 0 : p->year) == years[q]) group_add(g, sel[k]);
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
        group *g = add_group(w, name, 0);
        if (years) by_year(w, in, n, 1);
        else for (size_t k = 0; k < n; k++) group_add(g, in[k]);
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

/* same[i]: how many groups before i have i's heading (sorted runs, not all pairs). */
static size_t *repeats(const group *gs, size_t n)
{
    size_t *ix = lit_xmalloc((n + 1) * sizeof *ix), *same = lit_xmalloc((n + 1) * sizeof *same);
    for (size_t i = 0; i < n; i++) ix[i] = i;
    g_groups = gs;
    qsort(ix, n, sizeof *ix, heading_cmp);
    for (size_t k = 0; k < n; k++)
        same[ix[k]] = k && !strcmp(gs[ix[k]].heading, gs[ix[k - 1]].heading) ? same[ix[k - 1]] + 1 : 0;
    free(ix);
    return same;
}

/* GitHub's heading anchors: lower case, spaces to '-', punctuation dropped; a repeated
 * anchor gets -1, -2, ... (same: how many earlier headings are the same) */
static void anchor(lit_buf *b, const char *text, size_t same)
{
    lit_buf a = LIT_BUF_INIT;
    lit_buf_add(&a, "", 0);
    for (const char *s = text; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\') continue;
        if (c >= 'A' && c <= 'Z') lit_buf_addc(&a, (char)(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c >= 0x80)
            lit_buf_addc(&a, (char)c);
        else if (c == ' ') lit_buf_addc(&a, '-');
    }
    lit_buf_adds(b, lit_buf_str(&a));
    if (same) lit_buf_printf(b, "-%zu", same);
    lit_buf_free(&a);
}

void lit_md_write(lit_buf *out, const lit_db *db, const lit_stats *s, const lit_md_opts *o)
{
    static const lit_md_opts defaults;
    if (!o) o = &defaults;
    writer w = {db, o, NULL, 0, 0};
    g_cat = &db->cat;
    g_sort = o->sort;
    switch (o->group) {
    case LIT_MD_TOPIC: by_topic(&w, s); break;
    case LIT_MD_VENUE: by_venue(&w, s, false); break;
    case LIT_MD_VENUE_YEAR: by_venue(&w, s, true); break;
    case LIT_MD_YEAR: by_year(&w, s->sel, s->n_papers, 0); break;
    }
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
    if (!o->no_toc && w.n) {
        size_t *same = repeats(w.g, w.n);
        for (size_t i = 0; i < w.n; i++) {   /* nested as deep as the headings go (######) */
            lit_buf_printf(out, "%*s- [%s](#", 2 * (w.g[i].depth > 4 ? 4 : w.g[i].depth), "", w.g[i].heading);
            anchor(out, w.g[i].heading, same[i]);
            lit_buf_adds(out, ")\n");
        }
        free(same);
        lit_buf_addc(out, '\n');
    }
    for (size_t i = 0; i < w.n; i++) {
        group *g = &w.g[i];
        int level = 2 + g->depth > 6 ? 6 : 2 + g->depth;
        lit_buf_printf(out, "%.*s %s\n\n", level, "######", g->heading);
        if (g->n) qsort(g->papers, g->n, sizeof *g->papers, paper_cmp);
        if (g->n && o->table) table_head(out);
        for (size_t k = 0; k < g->n; k++) {
            const lit_paper *p = &db->cat.papers[g->papers[k]];
            if (o->table) table_row(out, &db->cat, p);
            else lit_md_entry(out, &db->cat, p);
        }
        if (g->n) lit_buf_addc(out, '\n');
        free(g->papers);
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
