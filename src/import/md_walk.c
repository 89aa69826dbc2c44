/* md_walk.c - the walk over md4c's blocks and spans: which text belongs to which entry
 * (list items, paragraphs and their lines, headings, table rows). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <md4c.h>
#include "md_walk.h"

long lit_md_line_of(const imp *im, const char *p)
{
    if (p < im->base || p > im->base + im->len) return 0;
    size_t off = (size_t)(p - im->base), lo = 0, hi = im->n_nl;
    while (lo < hi) {  /* number of newlines before off */
        size_t mid = (lo + hi) / 2;
        if (im->nl[mid] < off) lo = mid + 1; else hi = mid;
    }
    return (long)lo + 1;
}

void lit_md_unit_reset(unit *u)
{
    u->empty_link = u->anchor_link = false;
    u->toc_end = 0;
    lit_buf_reset(&u->text);
    for (size_t i = 0; i < u->n_links; i++) { free(u->links[i].url); }
    u->n_links = 0;
    u->n_lines = 0;
    u->dropped = 0;
    u->line_done = false;
    u->line_start = 0;
}

void lit_md_unit_free(unit *u)
{
    lit_md_unit_reset(u);
    lit_buf_free(&u->text);
    free(u->links);
    free(u->lines);
    memset(u, 0, sizeof *u);
}

/* Called with each piece of text that comes from the source: the first piece of a
 * text line gives that line's source line. */
void lit_md_unit_mark_line(unit *u, long line, long col)
{
    if (u->line_done) return;
    LIT_GROW(u->lines, u->cap_lines, u->n_lines + 1);
    u->lines[u->n_lines].off = u->line_start;
    u->lines[u->n_lines].col = col;
    u->lines[u->n_lines++].line = line;
    u->line_done = true;
}

static void unit_newline(unit *u)
{
    lit_buf_addc(&u->text, '\n');
    u->line_done = false;
    u->line_start = u->text.len;
}

/* Source line of text offset off; *cursor (start 0) makes a forward scan linear. */
static long unit_line_at(const unit *u, size_t off, size_t *cursor, long *col)
{
    size_t i = cursor ? *cursor : 0;
    while (i + 1 < u->n_lines && u->lines[i + 1].off <= off) i++;
    if (cursor) *cursor = i;
    if (col) *col = u->n_lines ? u->lines[i].col : 0;
    return u->n_lines ? u->lines[i].line : 0;
}

void lit_md_unit_add_link(unit *u, const char *kind, const char *url, bool title)
{
    LIT_GROW(u->links, u->cap_links, u->n_links + 1);
    rlink *l = &u->links[u->n_links++];
    l->kind = (char *)kind;
    l->url = lit_xstrdup(url);
    l->at = u->text.len;
    l->title = title;
}

static bool is_relative(const char *url)
{
    return !strstr(url, "://") && !lit_md_starts_ci(url, "www.");
}

static char *attr_str(const MD_ATTRIBUTE *a)
{
    lit_buf b = LIT_BUF_INIT;
    if (!a->substr_offsets) return lit_xstrdup("");
    for (int i = 0; a->substr_offsets[i] < a->size; i++) {
        const char *s = a->text + a->substr_offsets[i];
        size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
        if (a->substr_types[i] == MD_TEXT_ENTITY) lit_md_decode_entity(&b, s, n);
        else if (a->substr_types[i] == MD_TEXT_NORMAL) lit_buf_add(&b, s, n);
    }
    char *r = lit_xstrdup(lit_buf_str(&b));
    lit_buf_free(&b);
    return r;
}

/* Whether one line of a paragraph has a tag at its start (or anywhere: at_end). */
static bool line_tagged(const lit_venues *vs, const char *t, size_t from, size_t to, bool at_end)
{
    tag tg;
    char vb[128];
    char *g = lit_md_strndup(t + from, to - from);
    bool r = lit_md_take_leading_tag(vs, g, &tg, vb, sizeof vb) && !tg.unknown;
    if (!r && at_end) r = lit_md_take_trailing_tag(vs, g, &tg, vb, sizeof vb);
    free(g);
    return r;
}

/* Whether one line is a tag and nothing else ("*(2021 OSDI)*" under a title). */
static bool tag_only(const lit_venues *vs, const char *t, size_t from, size_t to)
{
    tag tg;
    char vb[128];
    char *g = lit_md_strndup(t + from, to - from);
    bool r = lit_md_take_leading_tag(vs, g, &tg, vb, sizeof vb) && !lit_md_has_letter(g);
    free(g);
    return r;
}

/* Hands on a held bold-only paragraph as the category line it is. */
static int flush_pend(imp *im)
{
    if (!im->pend.len) return 0;
    im->col = im->pend_col;
    int rc = lit_md_handle(im, lit_buf_str(&im->pend), NULL, 0, im->pend_line, 'c', false);
    lit_buf_reset(&im->pend);
    return rc;
}

/* Whether the line at t starts with a field of the paper above it ("*Authors:* ...",
 * "Publication: ...", "Notes: ..."). */
static bool field_line(const char *t)
{
    while (*t == ' ' || IS_MARK(*t)) t++;
    return lit_md_field(t) || lit_md_author_field(t) || lit_md_note_field(t);
}

/* A paragraph may hold several entries, one per line (plain "[NSDI '19] Title" lines),
 * or one entry over several lines (a long title wrapped). A line that starts with a
 * tag opens a new entry; an entry closes at the end of a line that has a tag or a link. */
static int handle_paragraph(imp *im, unit *u)
{
    const char *t = lit_buf_str(&u->text);
    size_t n = u->text.len;
    size_t a0 = 0;
    while (t[a0] == ' ') a0++;
    size_t te = lit_md_trim_end(t);   /* "... for the following topics:" introduces a list */
    im->colon_before = te && t[te - 1] == ':' && lit_md_count_words(t) >= 6;
    if (im->pend.len) {
        /* "**Title**" then its byline: one entry */
        if (!lit_md_byline(t + a0, n - a0, u->n_links)) {
            int rc = flush_pend(im);
            if (rc) return rc;
        } else {
            lit_buf_adds(&im->pend, ". ");
            lit_buf_adds(&im->pend, t + a0);
            im->col = im->pend_col;
            int rc = lit_md_handle(im, lit_buf_str(&im->pend), u->links, u->n_links, im->pend_line, 'c', false);
            lit_buf_reset(&im->pend);
            return rc;
        }
    }
    if (!memchr(t, '\n', n)) {
        /* a paragraph that is all bold ("**Cluster Scheduling**:") is a category line,
         * unless the next paragraph gives its authors and venue (held until then) */
        size_t a = a0, b = n;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == ':')) b--;
        long line = unit_line_at(u, 0, NULL, &im->col);
        if (b > a + 1 && t[a] == M_EM_OPEN && t[b - 1] == M_EM_CLOSE && !memchr(t + a + 1, M_EM_CLOSE, b - a - 2)) {
            if (u->n_links) return lit_md_handle(im, t, u->links, u->n_links, line, 'c', false);
            lit_buf_adds(&im->pend, t);
            im->pend_line = line;
            im->pend_col = im->col;
            return 0;
        }
        return lit_md_handle(im, t, u->links, u->n_links, line, 'p', false);
    }
    size_t start = 0, lk = 0, lcur = 0;
    int rc = 0;
    while (start < n && rc == 0) {
        size_t end = start;
        while (t[end] == ' ') end++;
        if (t[end] == '|') {  /* a table row md4c did not see as one: not an entry */
            while (end < n && t[end] != '\n') end++;
            start = end + 1;
            continue;
        }
        end = start;
        for (;;) {
            while (end < n && t[end] != '\n') end++;
            bool has_link = false;
            for (size_t k = lk; k < u->n_links && u->links[k].at <= end; k++)
                if (u->links[k].at >= start) has_link = true;
            if (end >= n || has_link || line_tagged(im->vs, t, start, end, true) || field_line(t + start) ||
                field_line(t + end + 1))
                break;
            size_t ne = end + 1;
            while (ne < n && t[ne] != '\n') ne++;
            if (line_tagged(im->vs, t, end + 1, ne, false) && !tag_only(im->vs, t, end + 1, ne)) break;
            end++;  /* join the next line */
        }
        char *grp = lit_md_strndup(t + start, end - start);
        for (char *q = grp; *q; q++) if (*q == '\n') *q = ' ';
        size_t first = lk;
        while (lk < u->n_links && u->links[lk].at <= end) lk++;
        long line = unit_line_at(u, start, &lcur, &im->col);
        if (lk == first && field_line(grp)) {   /* of the line above; never a category line */
            if (im->paper_last) lit_md_field_line(im, grp);
        } else {
            rc = lit_md_handle(im, grp, lk > first ? u->links + first : NULL, lk - first, line, 'c', false);
        }
        free(grp);
        start = end + 1;
    }
    return rc;
}

static unit *target(imp *im)
{
    if (im->in_table && im->in_cell && im->tab.col < 32) return &im->tab.cells[im->tab.col];
    return &im->cur;
}

/* Hands the collected text to the interpreter: kind 'h' heading, 'l' list item
 * (children: it has nested items), 'p' paragraph. */
static int flush_cur(imp *im, char kind, bool children)
{
    int rc = 0;
    if (im->cur.text.len || im->cur.dropped) {
        if (kind == 'p') {
            rc = handle_paragraph(im, &im->cur);
        } else {
            for (char *q = im->cur.text.data; q && *q; q++) if (*q == '\n') *q = ' ';
            im->dropped = im->cur.dropped;
            im->empty_link = im->cur.empty_link;
            im->anchor_link = im->cur.anchor_link;
            size_t te = im->cur.toc_end;
            im->toc_line = te && !im->cur.text.data[te + strspn(im->cur.text.data + te, " ")];
            im->anchor_link |= im->toc_line;
            rc = lit_md_handle(im, lit_buf_str(&im->cur.text), im->cur.links, im->cur.n_links,
                        unit_line_at(&im->cur, 0, NULL, &im->col), kind, children);
            im->dropped = 0;
            im->empty_link = im->anchor_link = im->toc_line = false;
        }
    }
    lit_md_unit_reset(&im->cur);
    if (rc) im->failed = 1;
    return rc;
}

/* The open list item's entry is its first paragraph (or its own text); later
 * paragraphs are notes about it. */
static int flush_li(imp *im, bool children)
{
    li_state *l = &im->li[im->n_li - 1];
    if (l->done) { lit_md_unit_reset(&im->cur); return 0; }
    if (!im->cur.text.len && !im->cur.dropped) return 0;
    l->done = true;
    return flush_cur(im, 'l', children);
}

static void table_row(imp *im)
{
    table_state *tb = &im->tab;
    int ti = -1, vi = -1, yi = -1, ai = -1;
    for (int i = 0; i < tb->n_head; i++) {
        char role = lit_md_column_role(tb->head[i]);
        int *col = role == 't' ? &ti : role == 'v' ? &vi : role == 'y' ? &yi : role == 'a' ? &ai : NULL;
        if (col && *col < 0) *col = i;
    }
    if (ti < 0 || ti >= tb->n_cells) return;
    for (int c = 0; c < tb->n_head && c < tb->n_cells; c++)  /* a Paper column without a link: a repository or a blog */
        if (c != ti && (!strcmp(tb->head[c], "paper") || !strcmp(tb->head[c], "pdf")) && !tb->cells[c].n_links) return;
    int same = 0;  /* the header row repeated inside the table */
    for (int c = 0; c < tb->n_cells && c < tb->n_head; c++) {
        char *h = lit_xstrdup(lit_buf_str(&tb->cells[c].text));
        lit_md_strip_marks(h);
        lit_md_collapse_ws(h);
        if (!strcasecmp(h, tb->head[c])) same++;
        free(h);
    }
    if (same * 2 > tb->n_head) return;
    /* the title cell is interpreted like any entry; the other cells add venue, year, links */
    lit_buf txt = LIT_BUF_INIT;
    unit *tc = &tb->cells[ti];
    /* a plain title cell is the title whole: "End-to-End Speech Separation by Speaker
     * Clustering" has no authors in it */
    const char *ct = lit_buf_str(&tc->text);
    bool plain = *ct && !strpbrk(ct, "\x01\x02\x03\x04\x05\x06\x07()[]\n");
    if (plain) lit_buf_addc(&txt, M_EM_OPEN);
    lit_buf_adds(&txt, ct);
    if (plain) lit_buf_addc(&txt, M_EM_CLOSE);
    rlink *links = NULL;
    size_t nl = 0, cap = 0;
    for (int c = 0; c < tb->n_cells; c++) {
        for (size_t k = 0; k < tb->cells[c].n_links; k++) {
            LIT_GROW(links, cap, nl + 1);
            links[nl] = tb->cells[c].links[k];
            if (c != ti) {
                const char *kk = lit_md_kind_from_label(tb->head[c]);
                if (kk && !links[nl].title) links[nl].kind = (char *)kk;
                links[nl].title = false;
            }
            links[nl].at = 0;
            nl++;
        }
    }
    char tagbuf[200] = "";
    if (vi >= 0 && vi < tb->n_cells) snprintf(tagbuf, sizeof tagbuf, "%s", lit_buf_str(&tb->cells[vi].text));
    if (yi >= 0 && yi < tb->n_cells) {
        size_t l = strlen(tagbuf);
        snprintf(tagbuf + l, sizeof tagbuf - l, " %s", lit_buf_str(&tb->cells[yi].text));
    }
    lit_md_strip_marks(tagbuf);
    lit_md_strip_decorations(tagbuf);   /* "ICLR Workshop :star:", "🔥" */
    tag tg;
    char vb[128];
    im->row_venue[0] = 0;
    im->row_year = 0;
    if (*tagbuf && strlen(tagbuf) < 120 && lit_md_parse_tag(im->vs, tagbuf, &tg, TAG_LOOSE, vb, sizeof vb) && !tg.unknown) {
        lit_buf_adds(&txt, " (");
        lit_buf_adds(&txt, tagbuf);
        lit_buf_adds(&txt, ")");
    } else if (*tagbuf) {
        /* cells that are no tag ("preprint", "ICLR Workshop"): the venue cell kept as written,
         * never a part of the title */
        if (vi >= 0 && vi < tb->n_cells) {
            snprintf(im->row_venue, sizeof im->row_venue, "%s", lit_buf_str(&tb->cells[vi].text));
            lit_md_strip_marks(im->row_venue);
            lit_md_strip_decorations(im->row_venue);
            if (!lit_venue_text_ok(im->row_venue) || lit_md_count_words(im->row_venue) > 8 ||
                lit_md_status_word(im->row_venue))   /* "preprint", "under review": no venue */
                im->row_venue[0] = 0;
        }
        if (yi >= 0 && yi < tb->n_cells) {
            char yb[64];
            snprintf(yb, sizeof yb, "%s", lit_buf_str(&tb->cells[yi].text));
            lit_md_strip_marks(yb);
            if (lit_md_parse_tag(im->vs, yb, &tg, TAG_LOOSE, vb, sizeof vb) && !tg.venue) im->row_year = tg.year;
        }
    }
    if (ai >= 0 && ai < tb->n_cells && tb->cells[ai].text.len) {
        lit_buf_adds(&txt, ". ");
        lit_buf_adds(&txt, lit_buf_str(&tb->cells[ai].text));
    }
    im->dropped = 0;
    for (int c = 0; c < tb->n_cells; c++) im->dropped += tb->cells[c].dropped;
    int rc = lit_md_handle(im, lit_buf_str(&txt), links, nl, tb->row_line ? tb->row_line : unit_line_at(tc, 0, NULL, &im->col), 'r', false);
    im->dropped = 0;
    if (rc) im->failed = 1;
    free(links);
    lit_buf_free(&txt);
}

/* A link starts (a Markdown link or an HTML <a href>): its label is collected from here;
 * href is malloc'd and taken. */
static void link_open(imp *im, unit *u, char *href)
{
    if (im->n_link_open < 16) {
        im->link_start[im->n_link_open] = u->text.len;
        im->link_href[im->n_link_open] = href;
    } else {
        free(href);
    }
    im->n_link_open++;
    lit_buf_addc(&u->text, M_LINK_OPEN);
}

/* The link ends: a short label is an auxiliary link ([Paper], [Code]) or a name, a longer
 * one entry text; its kind comes from the label or the URL. */
static void link_close(imp *im, unit *u)
{
    int k = --im->n_link_open;
    if (k >= 16) return;
    size_t st = im->link_start[k];
    char *href = im->link_href[k];
    if (st > u->text.len) st = u->text.len;
    if (u->dropped) {   /* an entry too long for a paper: its links are never read */
        free(href);
        return;
    }
    if (im->in_heading && href && href[0] == '#') {   /* "[(back to top)](#contents)": no part of the name */
        if (u->text.data) u->text.data[u->text.len = st] = 0;
        free(href);
        return;
    }
    /* "[June 21, 2025](#june-21-2025)" alone: a contents line, though its label is a date */
    bool toc = href && href[0] == '#' && href[1] && st == 0;
    char *label = lit_md_strndup(u->text.data ? u->text.data + st + 1 : "", u->text.len > st ? u->text.len - st - 1 : 0);
    bool aux = lit_md_label_is_aux(label), tag_label = false;
    if (lit_md_count_words(label) <= 6) {  /* "[Findings of ACL 2022](url)", "[arXiv 2025.10](url)": a tag */
        tag t;
        char vb[128];
        /* a venue the table does not know in one word only: "[CoNLL 2016](url)", not "[CSS at
         * Princeton 2012](url)" (a course) */
        tag_label = (lit_md_parse_tag(im->vs, label, &t, false, vb, sizeof vb) && t.year && t.venue && !t.unknown &&
                     (t.venue != vb || !strchr(vb, ' '))) ||
                    lit_md_date_label(im->vs, label);   /* "[2024.08](url), Title", "[website 2026.03](url)" */
        aux |= tag_label;
    }
    if (href && href[0] == '#' && !tag_label) u->anchor_link = true;   /* "[3.1 Matrix Factorization](#mf)": contents */
    const char *kind = NULL;
    const char *lk = aux ? lit_md_label_kind(label) : NULL;
    if (href && (!*href || !strcmp(href, "#")) && lk && (!strcmp(lk, "paper") || !strcmp(lk, "pdf")))
        u->empty_link = true;   /* "[[pdf]]()": a paper the list meant to link */
    if (!is_relative(href) && !lit_md_starts_ci(href, "mailto:")) {
        kind = aux ? lit_md_label_kind(label) : NULL;  /* letters only: "[Paper]" is "paper" */
        if (!kind || !strcmp(kind, "web")) {
            const char *uk = lit_md_kind_from_url(href);
            if (!kind || strcmp(uk, "web")) kind = uk;
        }
        if (!aux && !strcmp(kind, "pdf")) kind = "paper";
    }
    /* "[[Nature Genetics paper](url)]" names its venue: kept for the entry to read */
    bool venue_label = aux && !tag_label && lit_md_venue_label(im->vs, label);
    if (aux && u->text.data && st < u->text.len && *label && (tag_label || venue_label || !lit_md_label_kind(label)) &&
        strlen(label) <= 80) {
        u->text.data[st] = M_AUX_OPEN;
        lit_buf_addc(&u->text, M_AUX_CLOSE);
    } else if (aux) {
        if (u->text.data) {
            u->text.len = st;
            u->text.data[st] = 0;
        }
    } else {
        lit_buf_addc(&u->text, M_LINK_CLOSE);
    }
    if (kind) {
        size_t at = u->text.len;
        lit_md_unit_add_link(u, kind, href, !aux);
        u->links[u->n_links - 1].at = aux ? at : st;
    }
    if (toc) u->toc_end = u->text.len;
    free(label);
    free(href);
}

/* Inline HTML that is a link: "<a class="btn" href="paper.pdf">PDF</a>" as a Markdown link. */
static void html_link(imp *im, unit *u, const char *s, size_t n)
{
    if (n >= 4 && lit_md_starts_ci(s, "</a") && im->html_links > 0) {
        im->html_links--;
        link_close(im, u);
        return;
    }
    if (n < 3 || !lit_md_starts_ci(s, "<a ")) return;
    const char *h = s;
    while (h < s + n && !lit_md_starts_ci(h, "href=")) h++;
    if (h + 6 > s + n) return;
    h += 5;
    char q = *h == '"' || *h == '\'' ? *h++ : ' ';
    const char *e = h;
    while (e < s + n && *e != q && *e != '>' && !(q == ' ' && isspace((unsigned char)*e))) e++;
    if (e == h) return;
    link_open(im, u, lit_md_strndup(h, (size_t)(e - h)));
    im->html_links++;
}

/* An <a> the block left open closes with the block. */
static void close_html_links(imp *im)
{
    for (; im->html_links > 0; im->html_links--) link_close(im, target(im));
}

/* The links of an HTML block under a publications page's paper: its buttons
 * ('<a class="btn" href="paper.pdf">PDF</a>'). */
static void html_block_links(imp *im)
{
    const char *h = lit_buf_str(&im->html);
    for (const char *p = h; (p = strstr(p, "href=")) != NULL;) {
        p += 5;
        char q = *p == '"' || *p == '\'' ? *p++ : ' ';
        size_t n = strcspn(p, q == ' ' ? " >\n" : (q == '"' ? "\"\n" : "'\n"));
        char *url = lit_md_strndup(p, n);
        if (!is_relative(url)) lit_md_unit_add_link(&im->pub, lit_md_kind_from_url(url), url, false);
        free(url);
        p += n;
    }
}

/* An HTML block's <details> sections: "<details><summary>Causal Inference</summary>" opens a
 * section (its papers get that topic), "</details>" closes it. */
static void html_sections(imp *im)
{
    const char *h = lit_buf_str(&im->html);
    long line = im->html_line;
    for (const char *p = h; *p; p++) {
        if (*p == '\n') line++;
        if (*p != '<') continue;
        if (lit_md_starts_ci(p, "</details")) {
            lit_md_pop_sections(im, SECTION_DETAILS);
        } else if (lit_md_starts_ci(p, "<summary")) {
            const char *b = strchr(p, '>'), *e = b;
            while (e && *e && !lit_md_starts_ci(e, "</summary")) e++;
            if (!b || !*e) continue;
            lit_buf name = LIT_BUF_INIT;
            for (const char *q = b + 1; q < e; q++) {   /* the text without its tags: "<b>Market Design</b>" */
                if (*q == '<') { while (q < e && *q != '>') q++; continue; }
                lit_buf_addc(&name, *q);
            }
            char *s = lit_xstrdup(lit_buf_str(&name));
            lit_md_collapse_ws(s);
            if (*s && lit_md_count_words(s) <= 12) lit_md_push_section(im, SECTION_DETAILS, s, line);
            free(s);
            lit_buf_free(&name);
            p = e;
        }
    }
}

/* Appends unit from to to (text and links), after sep. */
static void unit_append(unit *to, const unit *from, const char *sep)
{
    if (to->text.len) lit_buf_adds(&to->text, sep);
    size_t base = to->text.len;
    if (!to->n_lines && from->n_lines) lit_md_unit_mark_line(to, from->lines[0].line, from->lines[0].col);
    lit_buf_adds(&to->text, lit_buf_str(&from->text));
    for (size_t i = 0; i < from->n_links; i++) {
        lit_md_unit_add_link(to, from->links[i].kind, from->links[i].url, from->links[i].title);
        to->links[to->n_links - 1].at = base + from->links[i].at;
    }
}

/* A publications page (Hugo Academic, Wowchemy, hand-written): "### Title" then "######
 * Ada Lovelace, Alan Turing" then paragraphs with the venue ("CHI '23 · **Best Paper**") and
 * buttons is one paper. A heading without links is held until the next block says whether
 * it is such a title (a heading of names follows) or a section. */
static int flush_hold(imp *im)
{
    if (!im->hold_level) return 0;
    int level = im->heading_level, rc = 0;
    im->heading_level = im->hold_level;
    im->hold_level = 0;
    unit keep = im->cur;
    im->cur = im->hold;
    rc = flush_cur(im, 'h', false);
    im->hold = im->cur;
    im->cur = keep;
    im->heading_level = level;
    return rc;
}

static int finish_pub(imp *im)
{
    if (!im->in_pub) return 0;
    im->in_pub = false;
    for (char *q = im->pub.text.data; q && *q; q++) if (*q == '\n') *q = ' ';
    for (char *q; im->pub.text.data && (q = strstr(im->pub.text.data, " \xC2\xB7 "));) {   /* "CHI '23 · Award" */
        q[0] = '.', q[1] = ' ', q[2] = ' ', q[3] = ' ';
    }
    int rc = lit_md_handle(im, lit_buf_str(&im->pub.text), im->pub.links, im->pub.n_links,
                           unit_line_at(&im->pub, 0, NULL, &im->col), 'c', false);
    lit_md_unit_reset(&im->pub);
    if (rc) im->failed = 1;
    return rc;
}

/* Whether the paragraph just read is a venue line and nothing else: "*CHI 2025, Best Paper
 * Award*", "UIST 2024", "NIME '22". */
static bool venue_line(imp *im)
{
    const char *s = lit_buf_str(&im->cur.text);
    if (memchr(s, '\n', im->cur.text.len) || im->cur.text.len > 160) return false;
    char *g = lit_xstrdup(s);
    lit_md_strip_marks(g);
    tag t;
    char vb[128];
    bool ok = lit_md_parse_tag(im->vs, g, &t, TAG_LOOSE, vb, sizeof vb) && t.year && t.venue && !t.unknown;
    free(g);
    return ok;
}

/* Whether the paragraph just read starts with a bare link to a paper ("#### Title (2014)"
 * then "http://ieeexplore.ieee.org/document/6907265" and perhaps a note); the rest of the
 * paragraph is dropped. */
static bool url_line(imp *im)
{
    const char *s = lit_buf_str(&im->cur.text);
    size_t n = strcspn(s, "\n");
    if (!im->cur.n_links || !lit_md_paperish_link(&im->cur.links[0]) || im->cur.links[0].at > n) return false;
    char *g = lit_md_strndup(s, n);
    lit_md_strip_marks(g);
    lit_md_collapse_ws(g);
    bool ok = !*g || (lit_md_starts_ci(g, "http") && !strchr(g, ' '));   /* a label that names its kind is gone */
    free(g);
    if (!ok) return false;
    if (im->cur.text.data) im->cur.text.data[im->cur.text.len = n] = 0;
    im->cur.n_links = 1;
    return true;
}

/* The heading just read, when one is held: a heading of names makes the held one a paper's
 * title. True when it did. */
static bool start_pub(imp *im)
{
    if (!im->hold_level || im->heading_level < 5 || im->cur.n_links) return false;
    /* two names or more, or "et al.": "###### Sparse Kernel" under "### Others" is a topic */
    names nm;
    bool ok = lit_md_split_names(lit_buf_str(&im->cur.text), 0, &nm) > 0 && lit_md_count_words(lit_buf_str(&im->hold.text)) >= 3;
    lit_md_names_free(&nm);
    if (!ok) return false;
    lit_md_unit_reset(&im->pub);
    lit_buf_addc(&im->pub.text, M_EM_OPEN);
    unit_append(&im->pub, &im->hold, "");
    lit_buf_addc(&im->pub.text, M_EM_CLOSE);
    unit_append(&im->pub, &im->cur, ". ");
    lit_md_unit_reset(&im->hold);
    lit_md_unit_reset(&im->cur);
    im->hold_level = 0;
    im->in_pub = true;
    return true;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    if (im->failed) return 1;
    /* a held heading waits for a heading of names or a paragraph that may be its venue */
    bool names_next = type == MD_BLOCK_H && ((MD_BLOCK_H_DETAIL *)detail)->level >= 5;
    if (!names_next && !(type == MD_BLOCK_P && !im->n_li) && flush_hold(im)) { im->failed = 1; return 1; }
    if (im->in_pub && type != MD_BLOCK_P && type != MD_BLOCK_HTML && finish_pub(im)) return 1;
    if (type != MD_BLOCK_P && type != MD_BLOCK_DOC && flush_pend(im)) { im->failed = 1; return 1; }
    switch (type) {
    case MD_BLOCK_CODE: case MD_BLOCK_HTML:
        if (im->n_li && flush_li(im, false)) return 1;
        im->skip_depth++;
        im->in_html = type == MD_BLOCK_HTML;
        lit_buf_reset(&im->html);
        break;
    case MD_BLOCK_QUOTE: im->quote_depth++; break;
    case MD_BLOCK_UL: case MD_BLOCK_OL:
        if (im->n_li && flush_li(im, true)) return 1;
        im->list_depth++;
        if (im->list_depth < 64) {
            uint64_t bit = (uint64_t)1 << im->list_depth;
            im->ordered_lists = type == MD_BLOCK_OL ? im->ordered_lists | bit : im->ordered_lists & ~bit;
            im->intro_lists = im->colon_before ? im->intro_lists | bit : im->intro_lists & ~bit;
        }
        im->colon_before = false;
        break;
    case MD_BLOCK_LI:
        if (flush_cur(im, 'p', false)) return 1;
        LIT_GROW(im->li, im->cap_li, im->n_li + 1);
        im->li[im->n_li].pushed = im->li[im->n_li].done = im->li[im->n_li].paper = false;
        im->li[im->n_li].ordered = im->list_depth < 64 && (im->ordered_lists >> im->list_depth & 1);
        im->li[im->n_li].intro = im->list_depth < 64 && (im->intro_lists >> im->list_depth & 1);
        im->n_li++;
        break;
    case MD_BLOCK_P:
        if (im->n_li && im->cur.text.len && flush_li(im, false)) return 1;
        break;
    case MD_BLOCK_H:
        if (flush_cur(im, 'p', false)) return 1;
        im->colon_before = false;
        im->in_heading = true;
        im->heading_level = ((MD_BLOCK_H_DETAIL *)detail)->level;
        lit_md_pop_sections(im, im->heading_level);
        break;
    case MD_BLOCK_TABLE:
        if (flush_cur(im, 'p', false)) return 1;
        im->in_table = true;
        im->tab.n_head = 0;
        break;
    case MD_BLOCK_THEAD: im->tab.in_head = true; break;
    case MD_BLOCK_TBODY: im->tab.in_head = false; break;
    case MD_BLOCK_TR:
        im->tab.col = 0;
        im->tab.n_cells = 0;
        im->tab.row_line = 0;
        for (int i = 0; i < 32; i++) lit_md_unit_reset(&im->tab.cells[i]);
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD: im->in_cell = true; break;
    default: break;
    }
    return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    (void)detail;
    if (im->failed) return 1;
    if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_TH || type == MD_BLOCK_TD || type == MD_BLOCK_LI)
        close_html_links(im);
    switch (type) {
    case MD_BLOCK_CODE: case MD_BLOCK_HTML:
        im->skip_depth--;
        lit_md_unit_reset(&im->cur);
        if (type == MD_BLOCK_HTML) html_sections(im);
        if (type == MD_BLOCK_HTML && im->in_pub) html_block_links(im);
        im->in_html = false;
        break;
    case MD_BLOCK_QUOTE: im->quote_depth--; break;
    case MD_BLOCK_UL: case MD_BLOCK_OL: im->list_depth--; break;
    case MD_BLOCK_LI:
        if (im->n_li && flush_li(im, false)) return 1;
        lit_md_unit_reset(&im->cur);
        if (im->n_li) {
            if (im->li[im->n_li - 1].pushed) lit_md_pop_sections(im, SECTION_BULLET + im->list_depth);
            im->n_li--;
        }
        break;
    case MD_BLOCK_H:
        im->in_heading = false;
        if (start_pub(im)) break;
        if (flush_hold(im)) return 1;
        if (im->heading_level <= 4 && !im->cur.n_links && !im->cur.dropped && im->cur.text.len) {
            lit_md_unit_reset(&im->hold);   /* what the next block says this heading is */
            unit_append(&im->hold, &im->cur, "");
            im->hold_level = im->heading_level;
            lit_md_unit_reset(&im->cur);
            break;
        }
        if (flush_cur(im, 'h', false)) return 1;
        break;
    case MD_BLOCK_P: {
        bool venue = false;
        if (im->hold_level && !im->n_li && lit_md_count_words(lit_buf_str(&im->hold.text)) >= 3 &&
            ((venue = venue_line(im)) || url_line(im))) {
            /* "### Title of a Paper" then "*CHI 2025*", or then its link: the heading is the
             * entry's text ("#### Title (2014)") */
            lit_md_unit_reset(&im->pub);
            if (venue) lit_buf_addc(&im->pub.text, M_EM_OPEN);
            unit_append(&im->pub, &im->hold, "");
            if (venue) lit_buf_addc(&im->pub.text, M_EM_CLOSE);
            lit_md_unit_reset(&im->hold);
            im->hold_level = 0;
            im->in_pub = true;
        } else if (flush_hold(im)) {
            return 1;
        }
        if (im->in_pub && !im->n_li && !im->quote_depth) {   /* the paper's venue and button lines */
            unit_append(&im->pub, &im->cur, ". ");
            lit_md_unit_reset(&im->cur);
            break;
        }
        if (im->quote_depth && !im->n_li && im->paper_last && !im->cur.n_links &&
            field_line(lit_buf_str(&im->cur.text))) {   /* "> #### ACL: [Title](url)" then ">> Authors: A, B" */
            lit_md_field_line(im, lit_buf_str(&im->cur.text));
            lit_md_unit_reset(&im->cur);
            break;
        }
        if (im->quote_depth || (im->n_li && im->li[im->n_li - 1].done)) { lit_md_unit_reset(&im->cur); break; }
        if (im->n_li) { unit_newline(&im->cur); break; }  /* the item's entry: flushed with the item */
        if (flush_cur(im, 'p', false)) return 1;
        break;
    }
    case MD_BLOCK_TH: case MD_BLOCK_TD:
        im->in_cell = false;
        if (im->tab.in_head && im->tab.n_head < 32) {
            char *h = lit_xstrdup(lit_buf_str(&im->tab.cells[im->tab.col < 32 ? im->tab.col : 31].text));
            lit_md_strip_marks(h);
            lit_md_collapse_ws(h);
            for (char *q = h; *q; q++) *q = (char)tolower((unsigned char)*q);
            im->tab.head[im->tab.n_head++] = h;
        }
        if (im->tab.col < 32) im->tab.n_cells = im->tab.col + 1;
        im->tab.col++;
        break;
    case MD_BLOCK_TR:
        if (!im->tab.in_head) table_row(im);
        if (im->failed) return 1;
        break;
    case MD_BLOCK_TABLE:
        im->in_table = false;
        for (int i = 0; i < im->tab.n_head; i++) free(im->tab.head[i]);
        im->tab.n_head = 0;
        break;
    default: break;
    }
    return 0;
}

/* Whether s holds a year: "2025" (19xx, 20xx) or "'24". */
static bool has_year(const char *s)
{
    for (const char *q = s; *q; q++) {
        if (q > s && isalnum((unsigned char)q[-1])) continue;
        if (strspn(q, "0123456789") == 4 && (!strncmp(q, "19", 2) || !strncmp(q, "20", 2)) && !isalpha((unsigned char)q[4]))
            return true;
        if (*q == '\'' && strspn(q + 1, "0123456789") == 2) return true;
    }
    return false;
}

/* A badge that states a venue and year becomes a short label of the entry, read as a tag
 * where the entry is interpreted ("DAC 2025"); other badges and images carry no text. */
static void add_badge(unit *u, const char *s, size_t n)
{
    char said[128];
    if (!lit_md_badge(s, n, said, sizeof said) || !has_year(said)) return;   /* a topic badge: "llm4db" */
    lit_buf_addc(&u->text, ' ');
    lit_buf_addc(&u->text, M_AUX_OPEN);
    lit_buf_adds(&u->text, said);
    lit_buf_addc(&u->text, M_AUX_CLOSE);
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    unit *u = target(im);
    if (im->skip_depth) return 0;
    switch (type) {
    case MD_SPAN_EM: case MD_SPAN_STRONG: lit_buf_addc(&u->text, M_EM_OPEN); break;
    case MD_SPAN_CODE: lit_buf_addc(&u->text, M_EM_OPEN); lit_buf_addc(&u->text, M_CODE); break;
    case MD_SPAN_IMG: {
        char *src = attr_str(&((MD_SPAN_IMG_DETAIL *)detail)->src);
        if (!im->img_depth) add_badge(u, src, strlen(src));   /* ![](https://img.shields.io/badge/...) */
        free(src);
        im->img_depth++;
        break;
    }
    case MD_SPAN_A: link_open(im, u, attr_str(&((MD_SPAN_A_DETAIL *)detail)->href)); break;
    default: break;
    }
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    imp *im = ud;
    unit *u = target(im);
    (void)detail;
    if (im->skip_depth) return 0;
    switch (type) {
    case MD_SPAN_EM: case MD_SPAN_STRONG: case MD_SPAN_CODE: lit_buf_addc(&u->text, M_EM_CLOSE); break;
    case MD_SPAN_IMG: im->img_depth--; break;
    case MD_SPAN_A: link_close(im, u); break;
    default: break;
    }
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
    imp *im = ud;
    if (size > im->len) return -1;   /* md4c's mistake (see lit_import_list): no text is longer than the file */
    if (im->in_html && im->html.len < MAX_ENTRY) {   /* for <details> */
        if (!im->html.len && text >= im->base && text < im->base + im->len) im->html_line = lit_md_line_of(im, text);
        lit_buf_add(&im->html, text, size);
    }
    if (im->skip_depth || im->img_depth) return 0;
    unit *u = target(im);
    if (text >= im->base && text < im->base + im->len) {
        long line = lit_md_line_of(im, text);
        size_t ls = line >= 2 ? im->nl[line - 2] + 1 : 0;
        long col = (long)((size_t)(text - im->base) - ls) + 1;
        lit_md_unit_mark_line(u, line, col);
        if (im->in_table && !im->tab.row_line) { im->tab.row_line = line; im->col = col; }
    }
    /* an item, heading or cell longer than any paper is only measured, not kept */
    if ((im->n_li || im->in_heading || im->in_cell) && u->text.len + size > MAX_ENTRY) {
        u->dropped += size;
        return 0;
    }
    switch (type) {
    case MD_TEXT_NORMAL: case MD_TEXT_CODE: lit_buf_add(&u->text, text, size); break;
    case MD_TEXT_ENTITY: lit_md_decode_entity(&u->text, text, size); break;
    case MD_TEXT_SOFTBR: case MD_TEXT_BR: unit_newline(u); break;
    case MD_TEXT_NULLCHAR: lit_md_put_utf8(&u->text, 0xFFFD); break;
    case MD_TEXT_HTML:   /* <img src="...badge/DAC-2025-green.svg">, <a href="...">PDF</a> */
        add_badge(u, text, size);
        html_link(im, u, text, size);
        break;
    default: break;  /* inline HTML and math carry no title text */
    }
    return 0;
}

/* Forgets the state of a finished or aborted parse. */
void lit_md_walk_reset(imp *im)
{
    im->n_items = im->n_item_papers = 0;
    im->html_links = 0;
    lit_md_unit_reset(&im->hold);
    lit_md_unit_reset(&im->pub);
    im->hold_level = 0;
    im->in_pub = false;
    lit_buf_reset(&im->html);
    im->in_html = false;
    for (size_t i = 0; i < (size_t)im->n_link_open && i < 16; i++) free(im->link_href[i]);
    im->n_link_open = 0;
    lit_md_unit_reset(&im->cur);
    lit_buf_reset(&im->pend);
    for (int i = 0; i < 32; i++) lit_md_unit_reset(&im->tab.cells[i]);
    for (int i = 0; i < im->tab.n_head; i++) free(im->tab.head[i]);
    im->tab.n_head = 0;
    lit_md_pop_sections(im, 0);
    im->n_li = 0;
    im->list_depth = im->skip_depth = im->img_depth = im->quote_depth = 0;
    im->in_heading = im->in_table = im->in_cell = false;
    im->failed = 0;
}

int lit_md_walk(imp *im, const char *s, size_t n)
{
    MD_PARSER p;
    memset(&p, 0, sizeof p);
    p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
              MD_FLAG_PERMISSIVEWWWAUTOLINKS;
    p.enter_block = enter_block;
    p.leave_block = leave_block;
    p.enter_span = enter_span;
    p.leave_span = leave_span;
    p.text = on_text;
    int r = md_parse(s, (MD_SIZE)n, &p, im);
    if (!im->failed && !r) im->failed = flush_cur(im, 'p', false) || flush_pend(im) || flush_hold(im) || finish_pub(im) ? 1 : 0;
    return r;
}

void lit_md_walk_free(imp *im)
{
    lit_buf_free(&im->html);
    lit_md_unit_free(&im->hold);
    lit_md_unit_free(&im->pub);
    for (size_t i = 0; i < (size_t)im->n_link_open && i < 16; i++) free(im->link_href[i]);
    lit_md_unit_free(&im->cur);
    lit_buf_free(&im->pend);
    for (int i = 0; i < 32; i++) lit_md_unit_free(&im->tab.cells[i]);
    for (int i = 0; i < im->tab.n_head; i++) free(im->tab.head[i]);
    lit_md_pop_sections(im, 0);
    free(im->sec);
    free(im->li);
}
