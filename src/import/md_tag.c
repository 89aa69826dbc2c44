/* md_tag.c - venue and year tags of list entries: [OSDI '14], (EUROSYS’18), (*SOSP2019*), (x). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "md_entry.h"

const char *lit_md_venue(const lit_venues *vs, const char *name)
{
    if (!vs) return NULL;
    const lit_venue *v = lit_venues_match(vs, name);
    return v ? v->id : NULL;
}

bool lit_md_preprint(const lit_venues *vs, const char *venue)
{
    const lit_venue *v = vs && venue ? lit_venues_find(vs, venue) : NULL;
    return v && v->kind == LIT_VENUE_PREPRINT;
}

const char *lit_md_venue_label(const lit_venues *vs, const char *label)
{
    if (!vs || lit_md_count_words(label) > 8) return NULL;
    char *s = lit_xstrdup(label);
    lit_md_strip_marks(s);
    lit_md_collapse_ws(s);
    char *w = strrchr(s, ' ');   /* "Nature Genetics paper", "bioRxiv preprint" */
    const char *k = w ? lit_md_kind_from_label(w + 1) : NULL;
    if (w && ((k && (!strcmp(k, "paper") || !strcmp(k, "pdf"))) || !strcasecmp(w + 1, "article") ||
              !strcasecmp(w + 1, "preprint")))
        *w = 0;
    const char *id = lit_md_kind_from_label(s) ? NULL : lit_md_venue(vs, s);
    free(s);
    const lit_venue *v = id ? lit_venues_find(vs, id) : NULL;
    return v && v->kind != LIT_VENUE_OTHER ? id : NULL;   /* "[Blog post](url)" is no venue */
}

int lit_md_date_label(const lit_venues *vs, const char *label)
{
    const char *p = label;
    size_t w = strcspn(p, " ");
    char first[32];
    snprintf(first, sizeof first, "%.*s", (int)(w < 31 ? w : 31), p);
    if (p[w] == ' ' && lit_md_kind_from_label(first)) p += w + 1;   /* "website 2026.03" */
    tag t;
    char vb[128];
    return lit_md_count_words(p) == 1 && lit_md_parse_tag(vs, p, &t, TAG_LOOSE, vb, sizeof vb) && !t.venue && !t.unknown ? t.year : 0;
}

static int expand_year(int y, int digits)
{
    if (digits == 4) return y;
    return y < 70 ? 2000 + y : 1900 + y;
}

static bool venue_char(char c)
{
    return isalpha((unsigned char)c) || c == '-' || c == '&' || c == '/' || c == '.' || c == '+' ||
           (unsigned char)c >= 0x80;
}

/* The year of a date or identifier token: "2023.05", "2024-06", "2024/06" (a date) or
 * "2302.01234" (an arXiv id). 0 when the token is neither. */
static int dated_year(const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && isdigit((unsigned char)w[d])) d++;
    if (d != 4 || n < 6 || (w[4] != '.' && w[4] != '-' && w[4] != '/')) return 0;
    size_t e = 5;
    while (e < n && isdigit((unsigned char)w[e])) e++;
    if (e == n && (e - 5 == 1 || e - 5 == 2)) {
        int y = atoi(w);
        return y >= 1950 && y <= 2099 ? y : 0;
    }
    if (w[4] == '.' && (e - 5 == 4 || e - 5 == 5) && (e == n || w[e] == 'v'))
        return 2000 + (w[0] - '0') * 10 + (w[1] - '0');
    return 0;
}

static bool parse_tag_words(const lit_venues *vs, char *s, tag *t, int strict, char *vbuf, size_t vcap);

/* Parses the inside of a tag. strict: only a known venue or a 4-digit year counts
 * (used where no brackets say "this is a tag"). The raw venue is kept in vbuf.
 * Besides "VENUE 'YY" it reads the forms lists add to a tag (one rule each):
 * a note in parentheses ("NeurIPS'24 (Spotlight)"), a workshop at a venue
 * ("NAIC @ SIGCOMM'24": the workshop is the venue), a note after a comma
 * ("ICDE 2022, best demo award") or after a known venue and year ("SIGMOD 2021 Best Paper"). */
bool lit_md_parse_tag(const lit_venues *vs, const char *in, tag *t, int strict, char *vbuf, size_t vcap)
{
    memset(t, 0, sizeof *t);
    size_t n = strlen(in);
    if (n == 0 || n > 120) return false;
    char buf[128];
    memcpy(buf, in, n + 1);
    lit_md_strip_marks(buf);
    lit_md_ascii_quotes(buf);
    for (char *o; (o = strchr(buf, '(')) != NULL;) {  /* a note in parentheses */
        char *c = strchr(o, ')');
        if (!c || o == buf) break;
        lit_md_remove_range(buf, (size_t)(o - buf), (size_t)(c - buf) + 1);
    }
    lit_md_collapse_ws(buf);
    for (n = strlen(buf); n && (buf[n - 1] == '.' || buf[n - 1] == ',' || buf[n - 1] == ';' || buf[n - 1] == '!'); n--)
        buf[n - 1] = 0;
    char *s = buf;
    if (lit_md_starts_ci(s, "in ")) s += 3;
    char *pages = strstr(s, ": ");  /* "SIGMOD 2022: 94-107": pages after the year */
    if (pages && isdigit((unsigned char)pages[2])) *pages = 0;
    if (!strict && (!strcmp(s, "x") || !strcmp(s, "X") || !strcmp(s, "?") || !strcmp(s, "-") ||
                    !strcasecmp(s, "n/a") || !strcasecmp(s, "tbd") || !strcasecmp(s, "unknown"))) {
        t->ok = t->unknown = true;
        return true;
    }
    char *at = strchr(s, '@');
    if (at && at > s) {  /* "NAIC @ SIGCOMM'24", "aiDM@SIGMOD 2018"; "L@S 2018" is one venue */
        size_t b = (size_t)(at - s), e = b;   /* the word with the '@' */
        while (b && s[b - 1] != ' ') b--;
        while (s[e] && s[e] != ' ' && s[e] != ',' && s[e] != '\'') e++;
        char word[64], whole[128];
        snprintf(word, sizeof word, "%.*s", (int)(e - b), s + b);
        const lit_venue *kv = e - b < sizeof word && vs ? lit_venues_find(vs, word) : NULL;
        /* the rest read without the word, to the first comma: "L@S 2018, DKT+" */
        snprintf(whole, sizeof whole, "%.*s%.*s", (int)b, s, (int)strcspn(s + e, ","), s + e);
        if (kv && parse_tag_words(vs, whole, t, false, vbuf, vcap) && t->year) {
            t->venue = kv->id;
            return true;
        }
        *at = 0;
        char *main_venue = at + 1;
        while (*main_venue == ' ') main_venue++;
        char ws[128];
        snprintf(ws, sizeof ws, "%s", s);
        lit_md_collapse_ws(ws);
        tag w;
        char wb[128];
        bool wy = parse_tag_words(vs, ws, &w, false, wb, sizeof wb);  /* "MLArchSys'24 @ ISCA'24" */
        if (!parse_tag_words(vs, main_venue, t, false, vbuf, vcap) || !t->year) return false;
        if (wy && w.venue) snprintf(vbuf, vcap, "%s", w.venue == wb ? wb : w.venue);
        else if (lit_md_count_words(ws) <= 5 && lit_md_has_letter(ws)) snprintf(vbuf, vcap, "%s", ws);
        else return false;
        const char *vid = lit_md_venue(vs, vbuf);
        t->venue = vid ? vid : vbuf;
        return true;
    }
    char copy[128];
    snprintf(copy, sizeof copy, "%s", s);
    bool full = parse_tag_words(vs, s, t, strict, vbuf, vcap);
    if (full && (!t->venue || lit_md_venue(vs, t->venue))) return true;
    char *comma = strchr(copy, ',');
    if (comma) {  /* "ICDE 2022, best demo award" (not "2022, ICTIR": a year alone keeps the rest) */
        *comma = 0;
        if (parse_tag_words(vs, copy, t, strict, vbuf, vcap) && t->year && (t->venue || !full)) return true;
        *comma = ',';
    }
    /* "SIGMOD 2021 Best Paper", "VLDB 2021 from Guoliang Li": a known venue and a year first */
    size_t words = 0;
    for (char *q = copy; *q; q++) {
        if (*q != ' ') continue;
        *q = 0;
        if (++words > 3) break;
        if (parse_tag_words(vs, copy, t, true, vbuf, vcap) && t->year && t->venue) return true;
        *q = ' ';
    }
    if (full) {  /* "ICCV2025 Highlight" was read as a venue the table lacks: kept as written */
        snprintf(copy, sizeof copy, "%s", s);
        return parse_tag_words(vs, copy, t, strict, vbuf, vcap);
    }
    memset(t, 0, sizeof *t);
    return false;
}

/* The words of a tag: venue tokens and one year. */
static bool parse_tag_words(const lit_venues *vs, char *s, tag *t, int strict, char *vbuf, size_t vcap)
{
    memset(t, 0, sizeof *t);
    vbuf[0] = 0;
    size_t vlen = 0, nvtok = 0;
    int year = 0, year_digits = 0;
    bool prev_apos = false, after_month = false;
    for (char *tok = s; *tok;) {
        char *end = tok;
        while (*end && *end != ' ' && *end != ',') end++;
        char save = *end;
        *end = 0;
        size_t tl = strlen(tok);
        bool lead = tl && tok[0] == '\'', trail = tl && tok[tl - 1] == '\'';
        char *core = tok + lead;
        size_t cl = tl - lead - (trail && tl > (size_t)lead ? 1 : 0);
        bool digits = cl > 0;
        for (size_t i = 0; i < cl; i++) if (!isdigit((unsigned char)core[i])) digits = false;
        size_t nd = 0;  /* trailing digits of a word like OSDI20 or EUROSYS'18 */
        while (nd < cl && isdigit((unsigned char)core[cl - 1 - nd])) nd++;
        int dy = dated_year(core, cl);
        if (dy) {
            if (year) return false;
            year = dy; year_digits = 4;
            goto next;
        }
        if (lit_md_month_word(core, cl)) { after_month = true; goto next; }
        if (digits && cl <= 2 && after_month) { after_month = false; goto next; }  /* "August 10, 2026" */
        after_month = false;
        if (digits && cl <= 2 && save) {  /* the day of "21 Jul 2025" */
            const char *nx = end + 1;
            while (*nx == ' ' || *nx == ',') nx++;
            if (lit_md_month_word(nx, strcspn(nx, " ,"))) goto next;
        }
        if (digits) {
            int v = atoi(core);  /* stops at a trailing apostrophe */
            if (cl == 4 && v >= 1950 && v <= 2099) { if (year) return false; year = v; year_digits = 4; }
            else if (cl == 2 && (lead || trail || prev_apos || nvtok)) { if (year) return false; year = v; year_digits = 2; }
            else return false;
        } else if ((nd == 2 || nd == 4) && cl > nd + 1) {
            size_t vl = cl - nd;
            int v = atoi(core + vl);
            if (core[vl - 1] == '\'') vl--;
            if (nd == 4 && (v < 1950 || v > 2099)) return false;
            if (year) return false;
            for (size_t i = 0; i < vl; i++) if (!venue_char(core[i])) return false;
            year = v; year_digits = (int)nd;
            if (vlen + vl + 2 >= vcap) return false;
            if (vlen) vbuf[vlen++] = ' ';
            memcpy(vbuf + vlen, core, vl); vlen += vl; vbuf[vlen] = 0;
            nvtok++;
        } else {
            size_t vl = cl;
            for (size_t i = 0; i < vl; i++) if (!venue_char(core[i])) return false;
            if (!vl) { prev_apos = trail || lead; goto next; }
            if (vlen + vl + 2 >= vcap) return false;
            if (vlen) vbuf[vlen++] = ' ';
            memcpy(vbuf + vlen, core, vl); vlen += vl; vbuf[vlen] = 0;
            nvtok++;
        }
        prev_apos = trail;
    next:
        *end = save;
        tok = end;
        while (*tok == ' ' || *tok == ',') tok++;
    }
    /* a stated venue (an emphasised "*IEEE Transactions on Big Data 2017*") may be long */
    size_t max_tok = strict == TAG_STATED && year_digits == 4 ? 10 : 5;
    if (nvtok > max_tok || (!nvtok && !year)) return false;
    const char *vid = NULL;
    size_t upper = 0;
    for (const char *q = vbuf; *q; q++) upper += isupper((unsigned char)*q) != 0;
    if (nvtok) {
        vid = lit_md_venue(vs, vbuf);   /* "X workshop" is X's workshop venue: lit_venues_match */
        /* without a year and without brackets a venue is written as one: "OSDI", not "visualization" */
        if (vid && strict == TAG_STRICT && !year && upper < 2) vid = NULL;
        if (!vid && nvtok && strict == TAG_STRICT && !year) return false;
        if (!vid) {
            size_t caps = 0;  /* "CoNLL 2016", "Euro-Par 2022": a name with capitals and a full year */
            for (const char *q = vbuf; *q; q++) caps += isupper((unsigned char)*q) != 0;
            if (strict == TAG_STRICT && !(nvtok == 1 && year_digits == 4 && caps >= 2)) return false;
            if (!year || nvtok > (strict == TAG_STATED || lit_md_venue_words(vbuf) ? max_tok : 3)) return false;
            if (lit_md_has_org_word(vbuf, strlen(vbuf))) return false;   /* "MIT, 2019": where, not a venue */
            if (strstr(vbuf, " et al")) return false;   /* "(Eisenstein et al 2010)": a citation */
            if (lit_venue_text_ok(vbuf)) {   /* "(Feb 2023)" is a date, not a venue */
                /* "aiDM", "aiXiv": two capitals; "(W'21)" is a term, "(Goldstein 2019)" a citation,
                 * neither a venue (an emphasised stated venue needs one: "*Microbiome 2018*") */
                if ((caps < (strict == TAG_STATED ? 1u : 2u) && !lit_md_venue_words(vbuf)) || strlen(vbuf) < 2) return false;
                vid = vbuf;
            }
        }
    } else if (strict && year_digits != 4) {
        return false;
    }
    t->ok = true;
    t->venue = vid;
    t->year = year ? expand_year(year, year_digits) : 0;
    return true;
}

/* Leading "[OSDI '14]" (markers skipped). Removes it on success. */
bool lit_md_take_leading_tag(const lit_venues *vs, char *s, tag *t, char *vb, size_t vcap)
{
    size_t i = 0;
    while (s[i] == ' ' || IS_MARK(s[i])) i++;
    size_t d = i;
    while (isdigit((unsigned char)s[d])) d++;
    if ((d - i == 2 || d - i == 4) && s[d] == '-') {  /* "20-NSDI-AccelTCP: ...": year, venue, title joined by '-' */
        size_t v = d + 1, ve = v;
        while (s[ve] && s[ve] != '-' && s[ve] != ' ' && ve - v < 20) ve++;
        if (ve > v && s[ve] == '-' && s[ve + 1] && s[ve + 1] != ' ') {
            char in[40];
            snprintf(in, sizeof in, "%.*s '%.*s", (int)(ve - v), s + v, (int)(d - i), s + i);
            if (d - i == 4) snprintf(in, sizeof in, "%.*s %.*s", (int)(ve - v), s + v, (int)(d - i), s + i);
            if (lit_md_parse_tag(vs, in, t, true, vb, vcap) && t->year && t->venue) {
                lit_md_remove_range(s, i, ve + 1);
                return true;
            }
        }
    }
    if (s[i] != '[' && s[i] != '(' && !IS_MARK(s[i])) {
        /* "OSDI 2020, [Title](url)", "2021 | [Title](url)": a venue and year before a comma or a
         * bar and the title */
        const char *comma = strchr(s + i, ','), *bar = strstr(s + i, " | "), *dash = strstr(s + i, " - ");
        if (bar && (!comma || bar < comma)) comma = bar;
        /* "IJRR - Automated detection of ...": a known venue alone before a dash */
        bool dashed = dash && (!comma || dash < comma) && i == 0 && !memchr(s, M_AUX_OPEN, (size_t)(dash - s));
        if (dashed) comma = dash;
        /* "ACL: [Title](url)": a known venue alone before a colon and a delimited title */
        const char *colon = dashed ? NULL : strstr(s + i, ": ");
        if (colon && (!comma || colon < comma) && i == 0 && colon - s <= 40 &&
            (colon[2] == M_LINK_OPEN || colon[2] == M_EM_OPEN)) {
            char head[48];
            snprintf(head, sizeof head, "%.*s", (int)(colon - s), s);
            tag pt;
            char pb[128];
            if (lit_md_parse_tag(vs, head, &pt, TAG_STRICT, pb, sizeof pb) && pt.venue && pt.venue != pb) {
                *t = pt;
                lit_md_remove_range(s, 0, (size_t)(colon - s) + 2);
                return true;
            }
        }
        if (comma && comma - (s + i) <= 40) {
            const char *a = comma + 1;
            while (*a == ' ' || *a == '|') a++;
            /* before a plain title only a known venue with its year: "arXiv 2025.06, General Motion ..." */
            bool plain = *a != M_LINK_OPEN && *a != M_EM_OPEN;
            char head[48];
            snprintf(head, sizeof head, "%.*s", (int)(comma - (s + i)), s + i);
            tag pt;
            char pb[128];
            bool known = (!plain && !dashed) ||
                         (!memchr(head, M_LINK_OPEN, strlen(head)) && !memchr(head, M_EM_CLOSE, strlen(head)) &&
                          lit_md_parse_tag(vs, head, &pt, TAG_STRICT, pb, sizeof pb) && (pt.year || dashed) && pt.venue &&
                          pt.venue != pb);
            if (known) {
                char *in = lit_md_strndup(s + i, (size_t)(comma - (s + i)));
                bool ok = !memchr(in, M_LINK_OPEN, strlen(in)) && lit_md_parse_tag(vs, in, t, false, vb, vcap) &&
                          (t->year || (dashed && t->venue));
                free(in);
                /* "[arXiv 2025.05](url), **Title**": the label's mark goes with it */
                if (ok) lit_md_remove_range(s, i && s[i - 1] == M_AUX_OPEN ? i - 1 : i, (size_t)(a - s));
                return ok;
            }
        }
    }
    if (s[i] != '[' && s[i] != '(') {
        /* "**OSDI'22** Title": a leading emphasised tag */
        if (i > 0 && s[i - 1] == M_EM_OPEN) {
            char *close = strchr(s + i, M_EM_CLOSE);
            if (!close || close - (s + i) > 60) return false;
            char *in = lit_md_strndup(s + i, (size_t)(close - (s + i)));
            bool ok = lit_md_parse_tag(vs, in, t, true, vb, vcap) && t->year;  /* "`CC` **Label**" is no tag */
            free(in);
            if (ok) lit_md_remove_range(s, i - 1, (size_t)(close - s) + 1);
            return ok;
        }
        return false;
    }
    size_t j = lit_md_match_close(s, i);
    if (j == (size_t)-1) return false;
    char *in = lit_md_strndup(s + i + 1, j - i - 1);
    bool ok = lit_md_parse_tag(vs, in, t, false, vb, vcap);
    /* "[2009, PFA]" before the title: a year, then a word the table does not know, the
     * system's name (a citation group's "(Li et al., 2022, TrustNLP)" keeps its venue) */
    const char *c = strchr(in, ',');
    if (ok && t->year && t->venue == vb && c && isdigit((unsigned char)in[0]) && lit_md_count_words(c + 1) == 1)
        t->venue = NULL;
    free(in);
    if (ok) lit_md_remove_range(s, i, j + 1);
    return ok;
}

/* Trailing "(OSDI20)", "[SC '21']", "*OSDI 2022*", ", OSDI 2022". Removes it on success. */
bool lit_md_take_trailing_tag(const lit_venues *vs, char *s, tag *t, char *vb, size_t vcap)
{
    size_t n = lit_md_trim_end(s);
    if (!n) return false;
    /* the last bracket group, or the one before it: "Title. ACL 2019. (**ERNIE (Tsinghua)**)"
     * and "| EuroSys' 25 (Best Paper)" have a note after the tag */
    for (int g = 0; g < 3 && n && (s[n - 1] == ')' || s[n - 1] == ']'); g++) {
        size_t o = lit_md_match_open(s, n - 1);
        if (o == (size_t)-1) return false;
        char *in = lit_md_strndup(s + o + 1, n - 2 - o);
        bool ok = lit_md_parse_tag(vs, in, t, false, vb, vcap);
        free(in);
        if (ok) { lit_md_remove_range(s, o, n); return true; }
        while (o && (s[o - 1] == ' ' || s[o - 1] == '.' || s[o - 1] == ',' || IS_MARK(s[o - 1]))) o--;
        n = o;
    }
    if (!n) return false;
    /* an emphasised or separated last segment: "Title. *OSDI 2022*", "Title, NSDI 2023" */
    size_t best = (size_t)-1, blen = 0, prev = (size_t)-1, plen = 0;
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '(' || c == '[') depth++;
        else if ((c == ')' || c == ']') && depth) depth--;
        if (depth) continue;
        size_t len = 0;
        if (c == M_EM_OPEN) len = 1;
        else if ((c == ',' || c == ';' || (c == '.' && !lit_md_abbrev_before(s, i))) && s[i + 1] == ' ') len = 2;
        else if (c == ' ' && (s[i + 1] == '-' || s[i + 1] == '|') && s[i + 2] == ' ') len = 3;
        else if (c == '|' && i && s[i - 1] != ' ' && s[i + 1] == ' ') len = 2;  /* "Title| OSDI' 24" */
        else if (c == ' ' && (unsigned char)s[i + 1] == 0xE2 && (unsigned char)s[i + 2] == 0x80 &&
                 ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) && s[i + 4] == ' ') len = 5;
        size_t at = i;
        if (!len && c == M_EM_CLOSE && s[i + 1] == ' ') at = i + 1, len = 1;  /* "**Title** ASPLOS 2019" */
        if (!len) continue;
        prev = best, plen = blen;
        best = at, blen = len;
    }
    if (best == (size_t)-1 || best == 0 || best + blen >= n) return false;
    char *in = lit_md_strndup(s + best + blen, n - best - blen);
    bool stated = s[best] == M_EM_OPEN && !strchr(in, M_EM_CLOSE);   /* "Title. *Venue Name 2017.*" */
    bool ok = lit_md_count_words(in) <= (stated ? 11 : 6) &&
              lit_md_parse_tag(vs, in, t, stated ? TAG_STATED : TAG_STRICT, vb, vcap);
    free(in);
    if (ok && !t->venue && s[best] == ',' && prev != (size_t)-1 && prev) {
        /* "Authors. SIGMOD, 2022": the venue is the segment before the year */
        tag t2;
        char vb2[128];
        in = lit_md_strndup(s + prev + plen, n - prev - plen);
        lit_md_strip_marks(in);   /* "*IEEE Transactions on Information Theory*, 2019" */
        if (lit_md_count_words(in) <= 9 && lit_md_parse_tag(vs, in, &t2, true, vb2, sizeof vb2) && t2.venue) {
            *t = t2;
            memcpy(vb, vb2, vcap < sizeof vb2 ? vcap : sizeof vb2);
            if (t2.venue == vb2) t->venue = vb;
            best = prev;
        }
        free(in);
    }
    if (ok) lit_md_remove_range(s, best, n);
    return ok;
}

/* A short link label that is a tag ("[ICCV 2025](url)", "([SOSP 2023](notes.md))"). */
bool lit_md_aux_tag(const lit_venues *vs, const char *s, tag *t, char *vb, size_t vcap)
{
    for (const char *o = s; (o = strchr(o, M_AUX_OPEN)) != NULL; o++) {
        const char *c = strchr(o, M_AUX_CLOSE);
        if (!c) break;
        char *in = lit_md_strndup(o + 1, (size_t)(c - o - 1));
        bool ok = lit_md_parse_tag(vs, in, t, false, vb, vcap) && t->year && !t->unknown;
        free(in);
        if (ok) return true;
    }
    return false;
}

/* Whether a stray "[" or "(" opens a tag that was never closed: "[NSDI '21 Title". */
bool lit_md_opens_tag(const lit_venues *vs, const char *s)
{
    if (*s != '[' && *s != '(') return false;
    while (*s == '[' || *s == '(') s++;  /* "[[[[[OSDI '18] Title" */
    char in[64];
    size_t n = 0;
    tag t;
    char vb[128];
    for (int words = 0; words < 3 && s[n] && n < sizeof in - 1;) {
        in[n] = s[n];
        n++;
        if (s[n] == ' ' || s[n] == ']' || s[n] == ')' || !s[n]) {
            in[n] = 0;
            words++;
            if (lit_md_parse_tag(vs, in, &t, false, vb, sizeof vb) && t.year) return true;
            if (s[n] == ']' || s[n] == ')') break;
        }
    }
    return false;
}
