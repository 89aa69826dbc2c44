/* md_paper.c - what one entry of a list is (a paper, a section, a note or nothing) and the
 * catalog paper it adds, with the venue, year and topic its sections give. */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "md_walk.h"

void lit_md_push_section(imp *im, int level, const char *text, long line)
{
    while (im->n_sec && im->sec[im->n_sec - 1].level >= level) free(im->sec[--im->n_sec].text);
    /* "## Contents", its links, then "### Optimization": the table of contents ends at the
     * next heading of any level, which is no part of it */
    if (level <= 6 && im->n_sec && im->sec[im->n_sec - 1].level <= 6 && lit_md_contents_heading(im->sec[im->n_sec - 1].text))
        free(im->sec[--im->n_sec].text);
    LIT_GROW(im->sec, im->cap_sec, im->n_sec + 1);
    section *s = &im->sec[im->n_sec++];
    memset(s, 0, sizeof *s);
    s->level = level;
    s->line = line;
    s->text = lit_xstrdup(text);
    /* the list's own title ("# Information Retrieval (IR)") names no venue for its papers */
    bool title = level == 1 && !im->headings++;
    tag t;
    char vb[128];
    /* "🔥 2024 (10 models)": the year without its decoration and count */
    char *h = lit_xstrdup(text);
    lit_md_strip_decorations(h);
    size_t n = lit_md_trim_end(h);
    if (n && h[n - 1] == ')') {
        size_t o = lit_md_match_open(h, n - 1);
        size_t d = o != (size_t)-1 ? strspn(h + o + 1, "0123456789") : 0;
        if (d && d <= 3 && o > 0 && lit_md_count_words(h + o) <= 2) h[o] = 0;   /* not "(2024)" */
    }
    lit_md_collapse_ws(h);
    if (!title && lit_md_parse_tag(im->vs, h, &t, true, vb, sizeof vb) && t.year) {
        s->venue = t.venue ? lit_md_venue(im->vs, t.venue) : NULL;
        s->year = t.year;
    }
    free(h);
    /* without a year a heading names a venue as its id ("OSDI", "USENIX Security"), or a part
     * of one ("ICML Workshop", kept as written when the table lacks it); "Language Modeling"
     * and "Security and Privacy" are topics */
    const lit_venue *v;
    if (!title && !s->year && level < SECTION_BULLET && lit_venue_heading(im->vs, text, &v)) s->venue = v ? v->id : s->text;
}

void lit_md_pop_sections(imp *im, int level)
{
    while (im->n_sec && im->sec[im->n_sec - 1].level >= level) free(im->sec[--im->n_sec].text);
}

static bool arxiv_id(const char *url, char *id, size_t cap)
{
    const char *p = strstr(url, "arxiv.org/abs/");
    if (!p) p = strstr(url, "arxiv.org/pdf/");
    if (!p) return false;
    p += 14;
    size_t n = 0;
    while (n < cap - 1 && (isdigit((unsigned char)p[n]) || (n == 4 && p[n] == '.'))) { id[n] = p[n]; n++; }
    id[n] = 0;
    return n >= 9 && id[4] == '.';
}

/* The DOI of a link: "doi.org/10...", and a publisher's "/doi/[abs|full|pdf|epdf/]10..." path
 * (ACM, Wiley, SAGE, Taylor & Francis, Science, PNAS); its page's "/full/html" is no part of it. */
static bool doi_of(const char *url, char *id, size_t cap)
{
    const char *p = strstr(url, "doi.org/10.");
    if (p) p += 8;
    else if ((p = strstr(url, "/doi/")) != NULL && !strstr(url, "academic.oup.com")) {   /* OUP adds its article number */
        p += 5;
        static const char *views[] = {"pdf/", "abs/", "full/", "epdf/", "pdfdirect/", "book/"};
        for (size_t i = 0; i < sizeof views / sizeof *views; i++)
            if (!strncmp(p, views[i], strlen(views[i]))) { p += strlen(views[i]); break; }
        if (strncmp(p, "10.", 3)) return false;
    } else return false;
    size_t n = 0;
    while (n < cap - 1 && p[n] && p[n] != '?' && p[n] != '#' && p[n] != ' ') { id[n] = p[n]; n++; }
    id[n] = 0;
    if (p[n] && p[n] != '?' && p[n] != '#' && p[n] != ' ') return false;   /* longer than cap: not cut short */
    static const char *tails[] = {"/full/html", "/full", "/abstract", "/pdf", "/html"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        size_t t = strlen(tails[i]);
        if (n > t && !strcmp(id + n - t, tails[i])) id[n -= t] = 0;
    }
    return n > 4 && strchr(id, '/');
}

static const char *cat_str(imp *im, const char *s) { return lit_arena_strdup(&im->cat->arena, s); }

/* When the file's first heading is a '# ' one, it is the list's title: im->title gets its
 * text (link and emphasis syntax dropped) and im->title_end the line of the next '# '
 * heading, where the title's part of the file ends. */
static void find_title(imp *im)
{
    const char *s = im->base;
    size_t n = im->len;
    bool fence = false;
    im->title_end = LONG_MAX;
    long line = 1;
    for (size_t i = 0; i < n; line++) {
        size_t a = i, e = i;
        while (e < n && s[e] != '\n') e++;
        while (a < e && a < i + 3 && s[a] == ' ') a++;
        size_t h = a;
        while (h < e && s[h] == '#') h++;
        if (a + 3 <= e && (!strncmp(s + a, "```", 3) || !strncmp(s + a, "~~~", 3))) fence = !fence;
        else if (!fence && h > a && h < e && (s[h] == ' ' || s[h] == '\t')) {
            if (im->title) { if (h - a == 1) { im->title_end = line; return; } }
            else if (h - a > 1) return;
            else {
                /* "# Awesome-LLM [![Awesome](badge.svg)](https://awesome.re)": "Awesome-LLM" */
                lit_buf b = LIT_BUF_INIT;
                for (size_t k = h; k < e; k++) {
                    if (s[k] == ']' && k + 1 < e && s[k + 1] == '(') {
                        while (k < e && s[k] != ')') k++;
                    } else if (s[k] == '!' && k + 1 < e && s[k + 1] == '[') {
                        int depth = 0;
                        for (k++; k < e && (s[k] != ']' || --depth > 0); k++) depth += s[k] == '[';
                        if (k + 1 < e && s[k + 1] == '(') while (k < e && s[k] != ')') k++;
                    } else if (!strchr("[]*_`#", s[k])) lit_buf_addc(&b, s[k]);
                }
                im->title = cat_str(im, lit_buf_str(&b));
                lit_buf_free(&b);
            }
        }
        i = e + 1;
    }
}

/* The topic id of a paper under the current sections: through the import's headings
 * (loose matches, new topics) when it has them, else by name or loosely in the taxonomy. */
static const char *section_topic(imp *im, long line)
{
    if (!im->o || !im->n_sec) return NULL;
    lit_topic_import *ti = im->o->sections;
    if (!ti) {
        for (size_t k = im->n_sec; k-- > 0;) {
            int t = lit_topics_match(im->o->topics, im->sec[k].text);
            if (t >= 0) return im->o->topics->t[t].id;
        }
        return NULL;
    }
    if (!im->title_end) find_title(im);
    const char **heads = lit_xmalloc(im->n_sec * sizeof *heads);
    for (size_t k = 0; k < im->n_sec; k++) heads[k] = im->sec[k].text;
    bool under_title = im->title && im->sec[0].level == 1 && line < im->title_end;
    int t = lit_topic_import_paper(ti, heads, im->n_sec, under_title ? 0 : -1, im->title);
    free(heads);
    return t >= 0 ? ti->ts->t[t].id : NULL;
}

/* The catalog remembers the sections that hold papers, in the list's order, with their
 * headings as written and the topic a paper right under each got: `litsurvey markdown`
 * writes the list back so. A section is a heading one level below the one it is under
 * (a topic bullet or a category line too), a '# ' heading at the top the list's title. */
static void record_sections(imp *im, const char *topic)
{
    lit_list *l = im->record;
    for (size_t k = 0; k < im->n_sec; k++) {
        section *s = &im->sec[k];
        if (s->recorded) continue;
        int level = k ? im->sec[k - 1].written + 1 : s->level == 1 ? 1 : 2;
        s->written = level > 6 ? 6 : level;
        s->recorded = lit_list_add_section(im->cat, l, s->text, s->written, s->line) + 1;
    }
    if (im->n_sec && topic && !l->sections[im->sec[im->n_sec - 1].recorded - 1].topic)
        l->sections[im->sec[im->n_sec - 1].recorded - 1].topic = cat_str(im, topic);
}

static void add_paper(imp *im, entry *e, long line)
{
    lit_catalog *c = im->cat;
    lit_paper *p = lit_catalog_add(c);
    p->title = cat_str(im, e->title);
    p->short_name = e->short_name ? cat_str(im, e->short_name) : NULL;
    if (e->au.n) {
        p->authors = lit_arena_alloc(&c->arena, e->au.n * sizeof *p->authors);
        for (size_t i = 0; i < e->au.n; i++) p->authors[i] = cat_str(im, e->au.v[i]);
        p->n_authors = (uint32_t)e->au.n;
        p->authors_etal = e->au.etal;
    }
    const char *venue = e->tag.venue;
    int year = e->tag.year;
    for (size_t k = im->n_sec; k-- > 0 && (!venue || !year);) {
        if (!venue && im->sec[k].venue) venue = im->sec[k].venue;
        if (!year && im->sec[k].year) year = im->sec[k].year;
    }
    /* links: one per kind, first wins; an arXiv or DOI link gives an identifier */
    p->links = lit_arena_alloc(&c->arena, (e->n_links + 1) * sizeof *p->links);
    char id[64];
    for (size_t i = 0; i < e->n_links; i++) {
        const rlink *l = &e->links[i];
        if (!p->arxiv && arxiv_id(l->url, id, sizeof id)) p->arxiv = cat_str(im, id);
        if (!p->doi && doi_of(l->url, id, sizeof id)) p->doi = cat_str(im, id);
        bool dup = false;
        for (uint32_t j = 0; j < p->n_links; j++) if (!strcmp(p->links[j].kind, l->kind)) dup = true;
        if (dup) continue;
        p->links[p->n_links].kind = cat_str(im, l->kind);
        p->links[p->n_links].url = cat_str(im, l->url);
        p->n_links++;
    }
    if (!year && p->arxiv) {
        /* YYMM.NNNNN ids began in 2007; 91-99 can only be the 1990s */
        int yy = (p->arxiv[0] - '0') * 10 + (p->arxiv[1] - '0');
        year = yy >= 91 ? 1900 + yy : 2000 + yy;
        p->year_inferred = true;
    }
    if (!venue && p->arxiv) venue = "arXiv";   /* a paper linked only at arXiv is a preprint there */
    if (venue) p->venue = lit_catalog_venue_id(c, venue);
    p->year = (int16_t)year;
    const char *sect = im->n_sec ? im->sec[im->n_sec - 1].text : NULL;
    const char *topic = section_topic(im, line);
    if (im->record) record_sections(im, topic);
    if (topic) {
        p->topics = lit_arena_alloc(&c->arena, sizeof *p->topics);
        p->topics[0] = lit_catalog_topic_id(c, topic);
        p->n_topics = 1;
    }
    p->sources = lit_arena_alloc(&c->arena, sizeof *p->sources);
    p->sources[0].list = cat_str(im, im->list);
    p->sources[0].line = line > 0 ? line : 1;
    p->sources[0].section = sect ? cat_str(im, sect) : NULL;
    p->n_sources = 1;
    im->n_papers++;
}

/* A sub-item of a paper's item: a field of that paper ("Venue: OSDI 2022" gives the venue
 * and year it lacks) or a note about it (authors, a summary, "Journal version of ..."),
 * unless it starts like an entry of its own (a tag, a link, emphasis). Returns 1 when it
 * was taken as a field or a note. */
static int note_under_paper(imp *im, const char *text, const char *plain)
{
    char *f = lit_xstrdup(plain);
    lit_md_strip_emoji(f);
    lit_md_collapse_ws(f);
    lit_paper *p = im->cat->n_papers ? &im->cat->papers[im->cat->n_papers - 1] : NULL;
    tag t;
    char vb[128];
    size_t fl = lit_md_field(f);
    bool field = fl > 0, ok = field && lit_md_parse_tag(im->vs, f + fl, &t, false, vb, sizeof vb) && !t.unknown;
    size_t i = 0;
    while (text[i] == ' ') i++;
    bool author_field = lit_md_author_field(f) > 0;
    bool note = field || author_field || !(IS_MARK(text[i]) || text[i] == '[' || text[i] == '(');
    entry b;
    memset(&b, 0, sizeof b);
    /* a byline: "Ada Lovelace, Alan Turing. NeurIPS, 2021.", "*A, B*", "Xiao, Wencong, et al. (*OSDI 2018*)" */
    if (!field && lit_md_read_byline(im->vs, text, &b) && (note || b.au.n)) {
        note = true;
        ok = b.tag.venue || b.tag.year;
        t = b.tag;
        if (p && b.au.n && !p->n_authors) {
            p->authors = lit_arena_alloc(&im->cat->arena, b.au.n * sizeof *p->authors);
            for (size_t k = 0; k < b.au.n; k++) p->authors[k] = lit_arena_strdup(&im->cat->arena, b.au.v[k]);
            p->n_authors = (uint32_t)b.au.n;
            p->authors_etal = b.au.etal;
        }
    }
    if (note && ok && p) {
        if ((p->venue < 0 || p->year_inferred) && t.venue) p->venue = lit_catalog_venue_id(im->cat, t.venue);
        if ((!p->year || p->year_inferred) && t.year) { p->year = (int16_t)t.year; p->year_inferred = false; }
    } else if (field && p && p->venue < 0 && !lit_md_starts_ci(f, "year") && !lit_md_starts_ci(f, "date")) {
        /* "Publication: NPJ digital medicine": the venue as written when the table lacks it */
        const char *v = f + fl + lit_md_skip_separators(f + fl);
        const char *id = lit_md_venue(im->vs, v);
        if (id || (lit_md_has_letter(v) && lit_md_count_words(v) <= 16 && !strpbrk(v, "[]()") &&
                   !lit_md_kind_from_label(v)))
            p->venue = lit_catalog_venue_id(im->cat, id ? id : v);
    }
    lit_md_entry_free(&b);
    free(f);
    return note;
}

void lit_md_field_line(imp *im, const char *text)
{
    char *plain = lit_xstrdup(text);
    lit_md_strip_marks(plain);
    lit_md_collapse_ws(plain);
    if (!lit_md_note_field(plain)) note_under_paper(im, plain, plain);
    free(plain);
}

/* Whether the nearest section that says so is one whose entries are not papers ("Talks",
 * "Software"); a section named for papers ("Papers", "Publications") says they are. */
static bool not_paper_section(const imp *im)
{
    for (size_t k = im->n_sec; k-- > 0;) {
        const char *h = im->sec[k].text;
        if (lit_md_not_paper_section(h)) return true;
        if (lit_md_contains_ci(h, "paper") || lit_md_contains_ci(h, "publication") || lit_md_contains_ci(h, "reading"))
            return false;
    }
    return false;
}

/* A venue the table knows as peer reviewed. */
static bool reviewed(const imp *im, const char *venue)
{
    const lit_venue *v = venue && im->vs ? lit_venues_find(im->vs, venue) : NULL;
    return v && lit_venue_is_reviewed(v);
}

/* An entry that cannot be read: under --strict the import fails, else only this entry
 * is left out with a warning (once: the loose second pass meets the same entries). */
static int bad_entry(imp *im, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int bad_entry(imp *im, long line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (im->o && im->o->strict) return lit_error(im->d, im->path, line, im->col, "%s", msg);
    if (!im->loose) lit_skip(im->d, im->path, line, im->col, "%s", msg);
    return 0;
}

/* Decides what one entry is and acts on it. kind: 'p' paragraph line group, 'l' list
 * item, 'h' heading, 't' plain-text line. Returns -1 on a strict-mode error. */
int lit_md_handle(imp *im, const char *text, rlink *links, size_t n_links, long line, char kind, bool children)
{
    /* far longer than any title with its authors and links: prose or garbage */
    size_t tlen = strlen(text) + im->dropped;
    if (tlen > MAX_ENTRY) return bad_entry(im, line, "entry of %zu bytes is too long for a paper", tlen);
    char *plain = lit_xstrdup(text);
    lit_md_strip_marks(plain);
    lit_md_collapse_ws(plain);
    if (!*plain || ((kind == 'c' || kind == 'p') && plain[0] == '|')) {  /* a table md4c did not see */
        free(plain);
        return 0;
    }
    lit_md_fold_fullwidth(plain);
    if (kind == 'l' && im->n_li >= 2 && im->li[im->n_li - 2].paper) {  /* a note under a paper */
        int r = note_under_paper(im, text, plain);
        if (r) { free(plain); return 0; }
    }
    /* brackets must balance in list items, lines and rows (prose may have a stray one);
     * a line with a stray bracket is read without it, and is an error only if it then
     * reads as a paper (a table-of-contents or course line is just not a paper) */
    long ub = kind == 'p' || kind == 'h' ? (plain[0] == '[' ? lit_md_unbalanced_at(plain) : -1) : lit_md_unbalanced_at(plain);
    char stray = ub >= 0 ? plain[ub] : 0;
    bool broken_tag = stray && lit_md_opens_tag(im->vs, plain + ub);
    /* "[Title](https://arxiv.org/abs/1707.07435" without its ')': the link is whole (its URL
     * was read as one), the entry is not broken */
    const char *tail = ub >= 0 ? plain + ub + 1 : "";
    bool open_link = stray == '(' && ub > 0 && plain[ub - 1] == ']' && (!*tail || lit_md_starts_ci(tail, "http")) &&
                     !strchr(tail, ' ');
    free(plain);
    if (broken_tag) return bad_entry(im, line, "unbalanced '%c' in entry", stray);
    if (stray && !im->stray) {
        char *fixed = lit_xstrdup(text);
        lit_md_drop_unmatched(fixed);
        im->stray = open_link ? 0 : stray;
        int rc = lit_md_handle(im, fixed, links, n_links, line, kind, children);
        im->stray = 0;
        free(fixed);
        return rc;
    }
    entry e;
    memset(&e, 0, sizeof e);
    im->paper_last = false;
    lit_md_interpret(im->vs, text, links, n_links, &e);
    if (kind == 'r' && !e.tag.venue && im->row_venue[0]) {   /* a table's venue cell, kept as written */
        const char *id = lit_md_venue(im->vs, im->row_venue);
        snprintf(e.vraw, sizeof e.vraw, "%s", im->row_venue);
        e.tag.venue = id ? id : e.vraw;
        e.tagged = true;
    }
    if (kind == 'r' && !e.tag.year && im->row_year) e.tag.year = im->row_year, e.tagged = true;
    bool aux_paper = false, title_link = false, other_link = false;
    const rlink *first_title = NULL;
    for (size_t i = 0; i < n_links; i++) {
        /* a second titled link is a work the description mentions ("based on [A Survey](arxiv)") */
        bool mentioned = links[i].title && first_title;
        if (links[i].title && !first_title) first_title = &links[i];
        if (links[i].title) title_link = true;
        if (lit_md_paperish_link(&links[i]) && !mentioned) aux_paper = true;
        else other_link = true;
    }
    bool ctx = false;
    for (size_t k = 0; k < im->n_sec; k++) if (im->sec[k].venue || im->sec[k].year) ctx = true;
    size_t words = lit_md_count_words(e.title);
    bool titleish = lit_md_has_letter(e.title) && (words >= 2 || (e.tagged && e.link_title)) && strlen(e.title) <= MAX_TITLE;
    size_t tl = strlen(e.title);
    bool loose = im->loose && kind == 'l' && !children && !title_link && words >= 4 && words <= 30 &&
                 tl && e.title[tl - 1] != ':' && e.title[tl - 1] != '.' && e.title[tl - 1] != '?';
    /* authors where a paper's stand make a paper of a title without a link or tag */
    bool authored = e.au.n && e.au_stated && (isupper((unsigned char)e.title[0]) || isdigit((unsigned char)e.title[0]));
    /* a title in Title Case as a numbered item ("1. Learning to Walk in Minutes") or with only
     * a code link or an empty one ("Graph Networks for Molecules [[code]](github)", "[[pdf]]()") */
    bool leaf = kind == 'l' && !children && !title_link && words >= 3 && words <= 30 && tl &&
                !strchr(":.?", e.title[tl - 1]) && lit_md_title_case(e.title);
    bool code_only = n_links > 0;
    for (size_t i = 0; i < n_links; i++) code_only &= !strcmp(links[i].kind, "code");
    bool titled = leaf && ((im->n_li && im->li[im->n_li - 1].ordered && !im->li[im->n_li - 1].intro) || code_only ||
                           im->empty_link);
    bool paper = titleish && (e.tagged || aux_paper || kind == 'r' || loose || authored || titled ||
                 (ctx && (kind == 'l' || title_link) && words >= 3 && words <= 30));
    if (e.tagged && !e.tag.venue && !e.tag.year && !e.tag.unknown) paper = false;
    /* "[Some-Papers](github.com/...) - a list of ... (ACL 2022)": a project, not a paper */
    const rlink *tl_link = first_title ? first_title : n_links ? &links[0] : NULL;
    if ((im->anchor_link && !e.tagged && !aux_paper) || im->toc_line) paper = false;   /* a table of contents' line */
    /* what is not a paper whatever it carries: an update log's line, an event, a venue's
     * name, a sentence of prose, a title that is a name list ("Ada Lovelace, Alan Turing"),
     * without a link a criterion of the list ("**2014**: +400 citations", "Before 2012") */
    bool known = lit_md_update_log(text) || lit_md_event_title(e.title) || lit_md_venue_title(e.title) ||
                 lit_md_fragment(e.title) || (!n_links && lit_md_criteria(e.title)) ||
                 ((kind == 'p' || kind == 'c' || kind == 't') && lit_md_prose(e.title)) ||
                 (*e.title && im->vs && lit_venues_find(im->vs, e.title));
    if (!known && paper && !e.title_delimited && strchr(e.title, ',') && memchr(e.title, ' ', strcspn(e.title, ","))) {
        names nm;   /* full names only: "Production, Information Costs, and ..." is a title */
        known = lit_md_split_names(e.title, 0, &nm) >= 2;
        for (size_t k = 0; known && k < nm.n; k++) known = strchr(nm.v[k], ' ') != NULL;
        lit_md_names_free(&nm);
    }
    /* under "## Talks", "## Software", "## Blog Posts" only what states a peer-reviewed venue and
     * year is a paper */
    if (!known && not_paper_section(im) && !(paper && e.tag.year && reviewed(im, e.tag.venue))) known = true;
    /* a title linking to a talk, slides, a blog post, code or a notebook is that */
    if (!known && kind != 'r' && e.link_title && tl_link && lit_md_not_paper_kind(tl_link->kind) && !aux_paper &&
        !e.lead_tag)
        known = true;
    if (known) paper = false;
    if (titleish && strlen(e.title) > MAX_TITLE) paper = false;
    if (lit_md_course_code(e.title)) paper = false;
    if (kind == 'h' && !(e.tagged && words >= 3)) paper = false;
    /* list items and table rows: how many became papers, for the closing count; contents
     * lines are neither */
    if (((kind == 'l' && !children) || kind == 'r') && !im->anchor_link && !known && *e.label) {
        im->n_items++;
        im->n_item_papers += paper && !im->stray;
        if (!paper && im->o && im->o->explain)
            lit_note_at(im->d, im->path, line, im->col, "not read as a paper: '%.*s%s'", 70, e.label,
                        strlen(e.label) > 70 ? "..." : "");
    }
    int rc = 0;
    if (paper && im->stray) {
        rc = bad_entry(im, line, "unbalanced '%c' in entry", im->stray);
    } else if (paper) {
        add_paper(im, &e, line);
        im->paper_last = true;
        if (kind == 'l' && im->n_li) im->li[im->n_li - 1].paper = true;
    } else if (kind == 'h') {
        char *h = lit_xstrdup(text);
        lit_md_drop_empty_groups(h);
        lit_md_strip_marks(h);
        lit_md_collapse_ws(h);
        lit_md_push_section(im, im->heading_level, h, line);
        free(h);
    } else if (children && kind == 'l') {
        /* a topic bullet with nested items names a subsection, unless its text is a link
         * (a talk, a course page); a link in parentheses is only a pointer */
        char *lab = lit_md_section_label(text);
        if (lab && *lab && lit_md_count_words(lab) <= 12) {
            lit_md_push_section(im, SECTION_BULLET + im->list_depth, lab, line);
            if (im->n_li) im->li[im->n_li - 1].pushed = true;
        }
        free(lab);
    } else if ((kind == 't' || kind == 'c') && !n_links && !other_link && *e.label &&
               lit_md_count_words(e.label) <= 10 && e.label[strlen(e.label) - 1] != '.') {
        lit_md_push_section(im, SECTION_CATEGORY, e.label, line);
    }
    lit_md_entry_free(&e);
    return rc;
}
