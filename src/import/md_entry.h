/* md_entry.h - reading one entry of a paper list (Markdown or plain text): the text with the
 * markers the walk leaves in it, venue/year tags, authors, the title, and the rules as data.
 * Private to the list importer (import_md.c, md_*.c). */
#ifndef LIT_MD_ENTRY_H
#define LIT_MD_ENTRY_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "buf.h"
#include "venues.h"

/* Markers kept in the collected text so that the interpreter sees emphasis and link
 * labels after md4c has removed the syntax. Input control characters never reach here. */
#define M_EM_OPEN '\x01'
#define M_EM_CLOSE '\x02'
#define M_LINK_OPEN '\x03'
#define M_LINK_CLOSE '\x04'
/* the label of a short link that is not a link kind ([SLA2](url), [MLSys 2025](url)):
 * a system name, a short title or a tag, decided where the entry is interpreted */
#define M_AUX_OPEN '\x05'
#define M_AUX_CLOSE '\x06'
/* after M_EM_OPEN: the run is a code span ("`Backdoor Forensics`": a keyword, never a name) */
#define M_CODE '\x07'
#define IS_MARK(c) ((c) >= 1 && (c) <= 7)

#define MAX_TITLE 1000      /* longer "titles" are prose or garbage, not papers */

/* A link of an entry: kind ("paper", "code", ...; a string constant), url (malloc'd by
 * the walk), at: offset in the entry text, title: its label is entry text. */
typedef struct rlink { char *kind, *url; size_t at; bool title; } rlink;

/* A venue/year tag as read. */
typedef struct tag {
    bool ok, unknown;
    const char *venue;  /* canonical id, or the raw name when not in the table */
    int year;
} tag;

/* A list of names as read (malloc'd); etal: it ended "et al.", the authors are more. */
typedef struct names { char *v[64]; size_t n; bool etal; } names;

/* One entry as read by lit_md_interpret. */
typedef struct entry {
    bool paper;          /* looks like a paper */
    bool tagged;         /* had a venue/year tag (or (x)) */
    bool category;       /* could name a section (short text, no links) */
    char *title, *short_name, *label;
    tag tag;
    char vraw[128];
    names au;
    rlink *links; size_t n_links;  /* borrowed from the unit */
    size_t n_links_all;
    bool in_list, has_children;
    bool link_title;     /* the title is a link's label ("[OSDI'22] [Unity](url)") */
    bool lead_tag;       /* the tag stood before the title */
    bool title_delimited; /* the title was an emphasised run or a link label */
    bool one_author;     /* the title ended before one full name and a venue */
    bool au_stated;      /* the names stand where a paper's authors do: labelled "Authors:",
                            first in a reference, or after a delimited title */
} entry;

/* ---- md_text.c: text with markers; strings returned are malloc'd, s is edited in place ---- */
char *lit_md_strndup(const char *s, size_t n);
bool lit_md_starts_ci(const char *s, const char *p);
bool lit_md_contains_ci(const char *s, const char *p);
void lit_md_strip_marks(char *s);
void lit_md_collapse_ws(char *s);         /* whitespace runs -> one space, trimmed */
size_t lit_md_count_words(const char *s);
bool lit_md_has_letter(const char *s);
void lit_md_ascii_quotes(char *s);        /* typographic apostrophes and primes -> ' */
void lit_md_remove_range(char *s, size_t from, size_t to);
void lit_md_fold_fullwidth(char *s);      /* "（" -> "(" */
size_t lit_md_trim_end(const char *s);    /* length without trailing separators and markers */
void lit_md_strip_emoji(char *s);
void lit_md_strip_decorations(char *s);   /* emoji and ":star:" shortcodes; spaces collapsed */
bool lit_md_letter_at(const char *s);
/* Title Case: most words of four letters or more start with a capital ("Learning to Walk in
 * Minutes"), two such words at least. */
bool lit_md_title_case(const char *s);     /* the character at s is a letter (any script) */
size_t lit_md_separator(const char *s);   /* "-", "–", "|", "•" at s: its length, else 0 */
size_t lit_md_skip_separators(const char *s);
const char *lit_md_strnstr(const char *s, size_t n, const char *needle);   /* in n bytes of s */  /* length of the separators, marks, spaces, ".,:" at s */
void lit_md_put_utf8(lit_buf *b, long cp);
void lit_md_decode_entity(lit_buf *b, const char *s, size_t n);  /* "&amp;" (n bytes) into b */
size_t lit_md_match_close(const char *s, size_t open);  /* (size_t)-1 when unmatched */
size_t lit_md_match_open(const char *s, size_t close);
/* The marker closing the emphasis or link that opens at s[0] (nested ones skipped), or
 * (size_t)-1: "**Title with *inner* words**" is one run. */
size_t lit_md_mark_close(const char *s);
long lit_md_unbalanced_at(const char *s);  /* first bracket without a partner, or -1 */
void lit_md_drop_unmatched(char *s);
void lit_md_drop_empty_groups(char *s);

/* ---- md_rules.c: the rules as data ---- */
const char *lit_md_kind_from_url(const char *url);      /* never NULL ("web") */
const char *lit_md_kind_from_label(const char *label);  /* NULL: no link kind */
const char *lit_md_label_kind(const char *label);       /* also by the first word */
bool lit_md_not_paper_kind(const char *kind);           /* a title linking to code, a talk, ... */
bool lit_md_month_word(const char *w, size_t n);
bool lit_md_title_word(const char *w, size_t n);
bool lit_md_particle(const char *w, size_t n);          /* "van", "de": inside names */
bool lit_md_has_org_word(const char *s, size_t n);
size_t lit_md_note_start(const char *s);                /* "(@Org)", "(see ...)": a note */
bool lit_md_award(const char *s);                       /* "(Best Paper)", "(Oral)" */
size_t lit_md_field(const char *s);                     /* "Venue:" under a paper: its length */
size_t lit_md_author_field(const char *s);              /* "Authors:" before names: its length */
size_t lit_md_note_field(const char *s);    /* "Notes:", "Summary:" */
bool lit_md_course_code(const char *t);
size_t lit_md_presenter(const char *s);                 /* "Oscar presents: ": its length */
bool lit_md_fragment(const char *t);                      /* "Based on the" */
bool lit_md_criteria(const char *t);                      /* "+800 citations", "Before 2012" */
bool lit_md_not_paper_section(const char *heading);      /* "Blog Posts", "Talks", "Software" */
bool lit_md_contents_heading(const char *heading);       /* "Contents", "Table of Contents" */
bool lit_md_update_log(const char *s);                   /* "2022/03/14 - add ICLR, UAI" */
bool lit_md_event_title(const char *t);                  /* "Workshop on ...": an event */
bool lit_md_venue_title(const char *t);                  /* "Journal of ...": a venue */
bool lit_md_venue_words(const char *s);                  /* "journal", "J.", "proceedings" */
bool lit_md_prose(const char *t);                        /* "Our grouping follows ..." */
bool lit_md_status_word(const char *s);                  /* "preprint", "under review": no venue */
bool lit_md_abbrev_before(const char *s, size_t i);      /* the '.' at s[i] ends "J.", "Proc." */
bool lit_md_kind_word(const char *w, size_t n);        /* "SoK", "Survey": no system name */
char lit_md_column_role(const char *header);            /* 't' title, 'v' venue, 'y' year, 'a' authors */
/* A shields.io badge URL (n bytes) as its "label message" text ("DAC 2025") in out. */
bool lit_md_badge(const char *url, size_t n, char *out, size_t cap);

/* ---- md_tag.c: tags; vs may be NULL (no venue is known) ---- */
const char *lit_md_venue(const lit_venues *vs, const char *name);  /* canonical id or NULL */
bool lit_md_preprint(const lit_venues *vs, const char *venue);     /* arXiv, bioRxiv, ... */
/* The venue a link's label names ("[Nature Genetics paper](url)", "[Science Robotics](url)"),
 * or NULL. */
const char *lit_md_venue_label(const lit_venues *vs, const char *label);
/* The year of a link label that is a date ("2024.08", "website 2026.03"), or 0. */
int lit_md_date_label(const lit_venues *vs, const char *label);
/* How sure the text around says a tag is one: in brackets (LOOSE), without (STRICT: only a
 * known venue or a 4-digit year counts), emphasised alone at the end (STATED: a venue the
 * table does not know may be long, "*IEEE Transactions on Big Data 2017*"). */
enum { TAG_LOOSE = 0, TAG_STRICT = 1, TAG_STATED = 2 };
/* The inside of a tag, read as strict says. The raw venue is kept in vbuf (t->venue may
 * point into it). */
bool lit_md_parse_tag(const lit_venues *vs, const char *in, tag *t, int strict, char *vbuf, size_t vcap);
/* Leading "[OSDI '14]" and trailing "(OSDI20)" tags; removed from s on success. */
bool lit_md_take_leading_tag(const lit_venues *vs, char *s, tag *t, char *vb, size_t vcap);
bool lit_md_take_trailing_tag(const lit_venues *vs, char *s, tag *t, char *vb, size_t vcap);
bool lit_md_aux_tag(const lit_venues *vs, const char *s, tag *t, char *vb, size_t vcap);
bool lit_md_opens_tag(const lit_venues *vs, const char *s);

/* ---- md_authors.c ---- */
/* "A, B and C" (and the other forms of md_authors.c) into out; returns the count, 0 when
 * the whole text is not a name list. One name is a list with "et al.", or when one_ok is
 * 1 and it is a full name ("Matt Shannon"), or 2 ("by Shannon"). */
size_t lit_md_split_names(const char *in, int one_ok, names *out);
/* The longest name list s starts with, into out; returns its length in s (0: none). */
/* One name in BibTeX's order, all of s: "Dietterich, Thomas G." gives "Thomas G. Dietterich"
 * (where a label says it is the authors: "Zhang, Haoran" is no two family names). */
bool lit_md_one_inverted(const char *s, names *out);
size_t lit_md_take_names(const char *s, int one_ok, names *out);
void lit_md_names_free(names *nm);
bool lit_md_byline(const char *t, size_t n, size_t n_links);

/* ---- md_entry.c ---- */
/* Reads one entry's text (with markers) and links into e (lit_md_entry_free frees it). */
void lit_md_interpret(const lit_venues *vs, const char *text, rlink *links, size_t n_links, entry *e);
void lit_md_entry_free(entry *e);
bool lit_md_paperish_link(const rlink *l);
/* A byline under a title ("Ada Lovelace, Alan Turing. NeurIPS, 2021.", "Authors: A, B",
 * "Xiao, Wencong, et al. (*OSDI 2018*)"): its authors and tag into e. True when it had either. */
bool lit_md_read_byline(const lit_venues *vs, const char *text, entry *e);
bool lit_md_label_is_aux(const char *label);
char *lit_md_section_label(const char *text);   /* malloc'd, or NULL when a link */

#endif
