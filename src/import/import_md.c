/* import_md.c - paper lists in Markdown or plain text: checks the bytes, then md4c gives the
 * block structure (md_walk.c) or each line is an entry (plain text). */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "md_walk.h"

/* A file is plain text when no line uses Markdown block or link syntax. */
static bool looks_markdown(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        size_t a = i;
        while (a < e && (s[a] == ' ' || s[a] == '\t')) a++;
        if (a < e) {
            char c = s[a];
            if (c == '#' || c == '>' || c == '|') return true;
            if ((c == '-' || c == '*' || c == '+') && a + 1 < e && s[a + 1] == ' ') return true;
            size_t d = a;
            while (d < e && isdigit((unsigned char)s[d])) d++;
            if (d > a && d + 1 < e && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') return true;
            for (size_t k = a; k + 1 < e; k++)
                if ((s[k] == ']' && s[k + 1] == '(') || (s[k] == '*' && s[k + 1] == '*') ||
                    (s[k] == '\\' && ispunct((unsigned char)s[k + 1])) || (s[k] == '&' && s[k + 1] == '#'))
                    return true;
        }
        i = e + 1;
    }
    return false;
}

static int import_plain(imp *im, const char *s, size_t n, long line)
{
    unit u;
    memset(&u, 0, sizeof u);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; line++) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        lit_md_unit_reset(&u);
        lit_md_unit_mark_line(&u, line, 1);
        im->col = 1;
        /* bare URLs are links */
        for (size_t k = i; k < e;) {
            if ((e - k > 8 && !strncmp(s + k, "https://", 8)) || (e - k > 7 && !strncmp(s + k, "http://", 7))) {
                size_t j = k;
                while (j < e && s[j] != ' ' && s[j] != '\t') j++;
                while (j > k && strchr(".,;)]", s[j - 1])) j--;
                char *url = lit_md_strndup(s + k, j - k);
                lit_md_unit_add_link(&u, lit_md_kind_from_url(url), url, false);
                free(url);
                k = j;
            } else {
                lit_buf_addc(&u.text, s[k]);
                k++;
            }
        }
        rc = lit_md_handle(im, lit_buf_str(&u.text), u.links, u.n_links, line, 't', false);
        i = e + 1;
    }
    lit_md_unit_free(&u);
    return rc;
}

/* Checks bytes: NUL, control characters, invalid UTF-8. Strict: the first problem is an
 * error. Lenient: each bad line is blanked (in the copy) with a warning. */
/* Front matter is not part of the list: YAML between "---" lines (Jekyll, GitBook, Hugo)
 * or TOML between "+++" lines (Hugo). Returns where the list starts. */
static size_t front_matter(const char *buf, size_t len)
{
    static const char *fences[] = {"---", "+++"};
    for (size_t f = 0; f < sizeof fences / sizeof *fences; f++) {
        if (len < 4 || strncmp(buf, fences[f], 3) || (buf[3] != '\n' && buf[3] != '\r')) continue;
        for (size_t i = 3; i + 4 <= len; i++)
            if (buf[i] == '\n' && !strncmp(buf + i + 1, fences[f], 3) &&
                (i + 4 == len || buf[i + 4] == '\n' || buf[i + 4] == '\r'))
                return i + 4;
    }
    return 0;
}

/* The input is only copied when a byte or a line of it must be blanked. */
static char *own_copy(char **copy, const char *s, size_t n)
{
    if (!*copy) {
        *copy = lit_xmalloc(n + 1);
        memcpy(*copy, s, n);
        (*copy)[n] = 0;
    }
    return *copy;
}

static bool is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != '\n' && c != 0) || c == 0x7F;
}

/* A line longer than any entry could be (a 100 MB line of links) is left out before md4c
 * reads it (drop_long_lines): md4c would keep a mark for each of its millions of brackets. */
#define MAX_LINE (16 * MAX_ENTRY)
static int long_line(imp *im, long line, size_t len, bool *long_lines)
{
    *long_lines = true;
    if (im->o && im->o->strict)
        return lit_error(im->d, im->path, line, 1, "line of %zu bytes is too long for a paper list", len);
    lit_skip(im->d, im->path, line, 1, "line of %zu bytes is too long for a paper list", len);
    return 0;
}

/* s[0..*n) without the text of its lines longer than MAX_LINE (each keeps its line break,
 * so that every line keeps its number); the line offsets are made again for it. */
static char *drop_long_lines(imp *im, const char *s, size_t *n)
{
    lit_buf b = LIT_BUF_INIT;
    size_t cap = 0;
    im->n_nl = 0;
    for (size_t i = 0, ls = 0; i <= *n; i++) {
        if (i < *n && s[i] != '\n') continue;
        if (i - ls <= MAX_LINE) lit_buf_add(&b, s + ls, i - ls);
        if (i < *n) {
            LIT_GROW(im->nl, cap, im->n_nl + 1);
            im->nl[im->n_nl++] = b.len;
            lit_buf_addc(&b, '\n');
        }
        ls = i + 1;
    }
    *n = b.len;
    return b.data;
}

static int validate(imp *im, const char *s, size_t n, char **copy, bool *long_lines)
{
    /* a stray control character in a text file (pasted from a PDF) costs nothing but a
     * warning; more than one per KiB is a binary file */
    size_t n_ctl = 0;
    for (size_t i = 0; i < n; i++) n_ctl += is_control((unsigned char)s[i]);
    bool stray_ok = n_ctl * 1024 <= n && !(im->o && im->o->strict);
    long line = 1;
    size_t ls = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        const char *why = NULL;
        size_t step = 1;
        if (c == '\n') {
            if (i - ls > MAX_LINE && long_line(im, line, i - ls, long_lines) != 0) return -1;
            line++; ls = i + 1; i++;
            continue;
        }
        if (c == 0) why = "NUL byte (binary file?)";
        else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v') why = "control character (binary file?)";
        else if (c == 0x7F) why = "control character (binary file?)";
        else if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k < 0) why = "invalid UTF-8";
            else step = (size_t)k;
        }
        if (why && stray_ok && is_control(c)) {
            lit_warn(im->d, im->path, line, (long)(i - ls) + 1, "control character 0x%02X read as a space", c);
            own_copy(copy, s, n)[i++] = ' ';
            continue;
        }
        if (why) {
            long col = (long)(i - ls) + 1;
            if (!im->o || !im->o->lenient) return lit_error(im->d, im->path, line, col, "%s", why);
            lit_warn(im->d, im->path, line, col, "%s; line skipped", why);
            size_t e = i;
            while (e < n && s[e] != '\n') e++;
            memset(own_copy(copy, s, n) + ls, ' ', e - ls);
            i = e;
            continue;
        }
        i += step;
    }
    if (n - ls > MAX_LINE && long_line(im, line, n - ls, long_lines) != 0) return -1;
    return 0;
}

int lit_import_list(lit_catalog *cat, const char *path, const char *data, size_t len,
                    const lit_import_opts *o, lit_diag *d)
{
    if (len > (size_t)INT_MAX) return lit_error(d, path, 0, 0, "file too large");
    imp im;
    memset(&im, 0, sizeof im);
    im.cat = cat;
    im.path = path;
    im.list = lit_list_name(path);
    im.record = lit_catalog_begin_list(cat, im.list);
    im.o = o;
    im.vs = o ? o->venues : NULL;
    im.d = d;
    char *copy = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\n') { LIT_GROW(im.nl, cap, im.n_nl + 1); im.nl[im.n_nl++] = i; }
    bool long_lines = false;
    int rc = validate(&im, data, len, &copy, &long_lines);
    if (rc == 0 && long_lines) {
        char *shorter = drop_long_lines(&im, copy ? copy : data, &len);
        free(copy);
        copy = shorter;
    }
    /* md4c (0.4.8) reads the byte after a file that ends inside a link destination
     * ("[Paper](http://x.org/p" at the end) and, when that byte is ')', reports text
     * of a wrapped size. It parses a copy that ends with a newline and a NUL. */
    const char *buf = copy ? copy : data;
    size_t plen = len;
    if (rc == 0 && (len == 0 || buf[len - 1] != '\n')) {
        char *c = lit_xmalloc(len + 2);
        memcpy(c, buf, len);
        c[len] = '\n';
        c[len + 1] = 0;
        free(copy);
        buf = copy = c;
        plen = len + 1;
    }
    im.base = buf;
    im.len = len;
    size_t before = cat->n_papers;
    if (rc == 0) {
        size_t start = front_matter(buf, len);
        if (!looks_markdown(buf + start, len - start)) {
            rc = import_plain(&im, buf + start, len - start, lit_md_line_of(&im, buf + start));
        } else {
            /* a list with no tags and no paper links anywhere: its leaf items are the
             * papers (second pass, only when the first found none) */
            for (int pass = 0; pass < 2 && rc == 0 && cat->n_papers == before; pass++) {
                if (pass) lit_md_walk_reset(&im);
                im.loose = pass == 1;
                int r = lit_md_walk(&im, buf + start, plen - start);
                if (im.failed) rc = -1;
                else if (r) rc = lit_error(d, path, 1, 1, "cannot parse the Markdown");
            }
        }
    }
    if (rc == 0 && cat->n_papers == before)
        rc = lit_error(d, path, 1, 1, "no papers found in '%s'", im.list);
    /* a file whose list items mostly yield nothing says so, rather than a normal summary */
    if (rc == 0 && im.n_items >= 5 && im.n_item_papers * 2 < im.n_items)
        lit_warn(d, path, 0, 0, "%zu of %zu list items imported; the others were not read as papers%s",
                 im.n_item_papers, im.n_items, o && o->explain ? "" : ": see -v");
    /* on failure the papers of this file are taken back, and its record */
    if (rc != 0) cat->n_papers = before;
    lit_catalog_end_list(cat, im.list, rc == 0);
    lit_md_walk_free(&im);
    free(im.nl);
    free(copy);
    return rc;
}
