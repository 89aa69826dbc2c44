/* fuzz_text.c - libFuzzer target for where text enters and leaves (issue 23, section 3):
 * the input pass of import, the escaping of messages, the cleaning of decoded escapes and
 * the Markdown list entry, each with the property it promises checked on every input. */
#include <strings.h>
#include "fuzz.h"
#include "catalog.h"
#include "out_markdown.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* No noncharacter and no control character (but tab, LF, CR; LF too when !newlines). */
static void only_text(const char *s, size_t n, bool c0_left, bool newlines)
{
    lit_text_fault f;
    for (size_t at = 0; at < n && lit_text_check(s + at, n - at, &f); at += f.off + f.len) {
        if (c0_left && (f.kind == LIT_TEXT_INVALID || f.cp < 0x80)) continue;   /* the importer's */
        abort();
    }
    if (!newlines && memchr(s, '\n', n)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lit_diag d;
    fuzz_diag(&d);
    /* import's input pass: what it leaves is for the importers' own rules only */
    char *in = malloc(size + 1);
    memcpy(in, data, size);
    in[size] = 0;
    size_t len = size;
    lit_text_clean_input("fuzz.md", &in, &len, &d);
    only_text(in, len, true, true);
    free(in);

    /* messages: nothing a terminal acts on */
    lit_buf b = LIT_BUF_INIT;
    lit_text_add_escaped(&b, (const char *)data, size, false);
    for (size_t i = 0; i < b.len; i++)
        if ((unsigned char)b.data[i] < 0x20 || (unsigned char)b.data[i] == 0x7F) abort();
    only_text(b.data ? b.data : "", b.len, false, false);

    /* a decoded escape, and the Markdown entry of a paper with this title and link */
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = 0;
    lit_catalog cat;
    lit_catalog_init(&cat);
    const char *title = lit_text_clean(&cat.arena, s, NULL);
    only_text(title, strlen(title), false, true);
    lit_paper *p = lit_catalog_add(&cat);
    p->key = "k";
    p->title = *title ? title : "t";
    p->short_name = size > 3 ? title + strlen(title) / 2 : NULL;
    lit_link link = {"code", s};
    p->links = &link;
    p->n_links = 1;
    lit_buf_reset(&b);
    lit_md_entry(&b, &cat, p);
    if (!b.len || b.data[b.len - 1] != '\n') abort();
    only_text(b.data, b.len - 1, false, false);   /* one line */
    for (const char *q = b.data; (q = strstr(q, "](")); q++)   /* no link a browser would run */
        if (q[-1] != '\\' && (!strncasecmp(q + 2, "javascript:", 11) || !strncasecmp(q + 2, "data:", 5))) abort();
    lit_buf_free(&b);
    lit_catalog_free(&cat);
    free(s);
    return 0;
}
