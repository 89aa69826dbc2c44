/* md_rules.c - the rules of list entries as data: link kinds, months, title words, name
 * particles, organisation words, notes and awards, field names, course codes. */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "md_entry.h"

/* Whether w (n bytes) is one of the words of a table, ignoring case. */
static bool word_in(const char *const *words, size_t count, const char *w, size_t n)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], w, n)) return true;
    return false;
}
#define WORD_IN(t, w, n) word_in(t, sizeof t / sizeof *t, w, n)

/* What a link points at, by a piece of its URL; the first row that matches wins (a
 * GitHub link to slides is code). also: a second piece the URL must hold too. */
static const struct { const char *in, *also, *kind; } url_kinds[] = {
    {".ipynb", 0, "notebook"}, {"colab.research.google.com", 0, "notebook"}, {"nbviewer", 0, "notebook"},
    {"kaggle.com/code", 0, "notebook"},
    {"github.com", 0, "code"}, {"gitlab.com", 0, "code"}, {"bitbucket.org", 0, "code"},
    {"spotify.com/episode", 0, "talk"}, {"podcasts.apple.com", 0, "talk"}, {"soundcloud.com", 0, "talk"},
    {"medium.com", 0, "blog"}, {"towardsdatascience.com", 0, "blog"}, {"substack.com", 0, "blog"},
    {"youtube.com", 0, "talk"}, {"youtu.be", 0, "talk"}, {"vimeo.com", 0, "talk"}, {".mp4", 0, "talk"},
    {"/videos/", 0, "talk"},
    {"slides", 0, "slides"}, {"docs.google.com/presentation", 0, "slides"}, {".ppt", 0, "slides"},
    {"slideshare", 0, "slides"},
    {"arxiv.org/", 0, "paper"}, {"doi.org/", 0, "paper"}, {"dl.acm.org", 0, "paper"}, {"openreview.net", 0, "paper"},
    {"ieeexplore", 0, "paper"}, {"usenix.org/conference/", "/presentation/", "paper"}, {"proceedings.", 0, "paper"},
    {"papers.nips.cc", 0, "paper"}, {"aclanthology", 0, "paper"}, {"vldb.org/pvldb", 0, "paper"},
    {"link.springer", 0, "paper"}, {"computer.org/csdl", 0, "paper"}, {"sciencedirect.com", 0, "paper"},
    {"semanticscholar.org", 0, "paper"}, {"mlr.press", 0, "paper"}, {"jmlr.org/papers", 0, "paper"},
    {"ijcai.org/proceedings", 0, "paper"}, {"thecvf.com", 0, "paper"}, {"ojs.aaai.org", 0, "paper"},
    {"nature.com/articles", 0, "paper"}, {"hal.science", 0, "paper"},
    /* journals and archives of other fields: a "/doi/10..." path (ACM, Wiley, SAGE, Taylor &
     * Francis, Science, PNAS, SIAM), life sciences, economics, speech, cryptography, physics */
    {"/doi/", 0, "paper"}, {"researchgate.net/publication", 0, "paper"}, {"aclweb.org/anthology", 0, "paper"},
    {"biorxiv.org/content", 0, "paper"}, {"medrxiv.org/content", 0, "paper"}, {"pubmed.ncbi.nlm.nih.gov", 0, "paper"},
    {"ncbi.nlm.nih.gov/pmc", 0, "paper"}, {"academic.oup.com", 0, "paper"}, {"cell.com", 0, "paper"},
    {"journals.plos.org", 0, "paper"}, {"biomedcentral.com/articles", 0, "paper"}, {"elifesciences.org/articles", 0, "paper"},
    {"frontiersin.org/articles", 0, "paper"}, {"pnas.org/content", 0, "paper"}, {"sciencemag.org/content", 0, "paper"},
    {"jstor.org/stable", 0, "paper"}, {"ssrn.com", 0, "paper"}, {"nber.org/papers", 0, "paper"},
    {"isca-archive.org", 0, "paper"}, {"isca-speech.org/archive", 0, "paper"}, {"eprint.iacr.org", 0, "paper"},
    {"ndss-symposium.org/ndss-paper", 0, "paper"}, {"iopscience.iop.org/article", 0, "paper"},
    {"journals.aps.org", 0, "paper"}, {"quantum-journal.org/papers", 0, "paper"},
    /* medicine, astronomy, chemistry */
    {"pmc.ncbi.nlm.nih.gov/articles", 0, "paper"}, {"bmj.com/content", 0, "paper"}, {"jamanetwork.com/journals", 0, "paper"},
    {"annualreviews.org/content/journals", 0, "paper"}, {"direct.mit.edu", "/article", "paper"}, {"jmir.org/", 0, "paper"},
    {"ui.adsabs.harvard.edu/abs", 0, "paper"}, {"aanda.org/articles", 0, "paper"}, {"mdpi.com/", 0, "paper"},
    {"chemrxiv.org/engage", 0, "paper"},
    {".pdf?", 0, "pdf"}, {".pdf#", 0, "pdf"},
};

const char *lit_md_kind_from_url(const char *url)
{
    for (size_t i = 0; i < sizeof url_kinds / sizeof *url_kinds; i++)
        if (lit_md_contains_ci(url, url_kinds[i].in) && (!url_kinds[i].also || lit_md_contains_ci(url, url_kinds[i].also)))
            return url_kinds[i].kind;
    size_t n = strlen(url);
    return n > 4 && lit_md_starts_ci(url + n - 4, ".pdf") ? "pdf" : "web";
}

/* Link kinds that, as the title's link, say the entry is not a paper: a repository, a
 * talk or podcast, slides, a blog post, a notebook. */
bool lit_md_not_paper_kind(const char *kind)
{
    static const char *k[] = {"code", "talk", "slides", "blog", "notebook"};
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (!strcmp(kind, k[i])) return true;
    return false;
}

const char *lit_md_kind_from_label(const char *label)
{
    static const struct { const char *w, *k; } t[] = {
        {"paper", "paper"}, {"papers", "paper"}, {"publication", "paper"}, {"article", "paper"},
        {"arxiv", "paper"}, {"doi", "paper"}, {"acm", "paper"}, {"usenix", "paper"}, {"ieee", "paper"},
        {"openreview", "paper"}, {"proceedings", "paper"}, {"pub", "paper"}, {"preprint", "paper"},
        {"pdf", "pdf"}, {"code", "code"}, {"github", "code"}, {"gitlab", "code"}, {"source", "code"},
        {"src", "code"}, {"repo", "code"}, {"implementation", "code"}, {"slides", "slides"},
        {"slide", "slides"}, {"ppt", "slides"}, {"deck", "slides"}, {"talk", "talk"}, {"video", "talk"},
        {"youtube", "talk"}, {"presentation", "talk"}, {"recording", "talk"}, {"blog", "blog"},
        {"post", "blog"}, {"website", "web"}, {"homepage", "web"}, {"project", "web"}, {"page", "web"},
        {"site", "web"}, {"notes", "notes"}, {"note", "notes"}, {"summary", "notes"}, {"poster", "poster"},
        {"bibtex", "bibtex"}, {"bib", "bibtex"}, {"dataset", "data"}, {"data", "data"}, {"demo", "demo"},
    };
    char w[32];
    size_t n = 0;
    for (const char *s = label; *s && n < sizeof w - 1; s++)
        if (isalnum((unsigned char)*s)) w[n++] = (char)tolower((unsigned char)*s);
    w[n] = 0;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (strcmp(w, t[i].w) == 0) return t[i].k;
    return NULL;
}

/* The kind a link label names: "[Paper]", and "[code & model]", "[arxiv version]" by
 * their first word. */
const char *lit_md_label_kind(const char *label)
{
    const char *k = lit_md_kind_from_label(label);
    if (k || lit_md_count_words(label) > 3) return k;
    char first[32];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(label, " "), label);
    return lit_md_kind_from_label(first);
}

/* A month ("Feb", "Sept.", "October") dates a tag; it is never a venue. */
bool lit_md_month_word(const char *w, size_t n)
{
    static const char *m[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                              "january", "february", "march", "april", "june", "july", "august", "september",
                              "october", "november", "december"};
    if (n && w[n - 1] == '.') n--;
    return WORD_IN(m, w, n);
}

/* Words of titles that are never part of a person's name. */
bool lit_md_title_word(const char *w, size_t n)
{
    static const char *tw[] = {
        "Learning", "Deep", "Neural", "Network", "Networks", "System", "Systems", "Data", "Training", "Model",
        "Models", "Efficient", "Scalable", "Distributed", "Performance", "Optimization", "Optimizations",
        "Implications", "Analysis", "Design", "Hardware", "Software", "Cloud", "Memory", "Machine", "Inference",
        "Serving", "Scheduling", "Cluster", "Clusters", "Graph", "Graphs", "Parallel", "Parallelism", "Fast",
        "Large", "Scale", "Towards", "Toward", "Framework", "Frameworks", "Computing", "Computation", "Language",
        "Languages", "Architecture", "Applications", "Application", "Challenges", "Vision", "Survey", "Study",
        "Approach", "Accelerating", "Acceleration", "Algorithms", "Algorithm", "Using", "Via", "With", "For",
        "And", "Of", "The", "On", "In", "Characterization", "Evaluation", "Benchmark", "Benchmarks", "Storage",
        "Resource", "Resources", "Management", "Communication", "Compression", "Edge", "Mobile", "Video",
        "Transformer", "Transformers", "Generative", "Online", "Adaptive", "Dynamic", "Automatic", "Automated",
        "Testing", "Mining", "Caching", "Sharing", "Pruning", "Batching", "Sampling", "Tuning", "Fuzzing", "Routing",
        "Indexing", "Popular", "Guided", "Coverage", "Choices", "Query", "Queries", "Database", "Databases",
        /* awards and parts of venues, never in a name: "*CHI 2025, Best Paper Award*" */
        "Award", "Awards", "Paper", "Papers", "Honorable", "Mention", "Oral", "Spotlight", "Winner", "Prize",
        "Nominee", "Nomination", "Finalist", "Track", "Workshop", "Demo", "Poster", "Keynote", "Tutorial",
        "Journal", "Proceedings", "Transactions", "Conference", "Symposium", "Letters", "Review", "Reviews",
        "Communications", "Preprint", "Magazine", "Report", "Thesis", "Blog", "Bulletin", "Annals", "Advances",
    };
    return WORD_IN(tw, w, n);
}

/* Words that name an organisation: a trailing "(Tsinghua University)" or "| UCB" is an
 * affiliation, not part of the title. */
static bool org_word(const char *w, size_t n)
{
    static const char *o[] = {"university", "univ", "univ.", "institute", "inst.", "lab", "labs", "laboratory",
                              "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "research", "college", "school",
                              "academy", "etc", "google", "microsoft", "meta", "nvidia", "alibaba", "bytedance",
                              "huawei", "tencent", "baidu", "amazon", "apple", "ibm", "intel", "deepmind", "openai",
                              "anthropic", "mit", "cmu", "ucb", "stanford", "berkeley", "tsinghua", "pku", "sjtu"};
    return WORD_IN(o, w, n);
}

bool lit_md_has_org_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i])) i++;
        size_t j = i;
        while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '.')) j++;
        if (j > i && org_word(s + i, j - i)) return true;
        i = j;
    }
    return false;
}

/* Lower-case words inside a name ("Guido van Rossum"), as written: "Van" is a name. */
bool lit_md_particle(const char *w, size_t n)
{
    static const char *p[] = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "bin", "al"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (strlen(p[i]) == n && memcmp(p[i], w, n) == 0) return true;
    return false;
}

/* A bracket group that starts so is a note wherever it stands: "(@Affiliation)",
 * "[also in 2.1]", "(see ...)". Returns the length of the start, or 0. */
size_t lit_md_note_start(const char *s)
{
    static const char *notes[] = {"@", "also in", "also see", "see ", "cf."};
    for (size_t k = 0; k < sizeof notes / sizeof *notes; k++)
        if (lit_md_starts_ci(s, notes[k])) return strlen(notes[k]);
    return 0;
}

/* A group at the end of an entry that names an award: "(Best Paper)", "(Oral)". */
bool lit_md_award(const char *s)
{
    static const char *awards[] = {"best paper", "award", "oral", "spotlight", "highlight", "outstanding", "distinguished"};
    for (size_t k = 0; k < sizeof awards / sizeof *awards; k++)
        if (lit_md_contains_ci(s, awards[k])) return true;
    return false;
}

/* A sub-item under a paper that starts with a field name ("Venue: OSDI 2022") gives the
 * paper's venue and year. Returns the length of the field name, or 0. */
size_t lit_md_field(const char *s)
{
    static const char *fields[] = {"venue:", "conference:", "published in", "publication:", "published:",
                                   "publisher:", "in:", "year:", "date:"};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (lit_md_starts_ci(s, fields[k])) return strlen(fields[k]);
    return 0;
}

/* The role of a table column by its header: 't' the title, 'v' the venue, 'y' the year,
 * 'a' the authors, 0 none. part: the word may be part of the header ("Articles, Thesis and
 * Reports", "Pub. & Date"); the first row that fits wins. */
char lit_md_column_role(const char *h)
{
    static const struct { const char *w; bool part; char role; } cols[] = {
        {"title", true, 't'}, {"paper", false, 't'}, {"papers", false, 't'}, {"name", false, 't'},
        {"article", true, 't'},
        {"venue", true, 'v'}, {"conf", true, 'v'}, {"pub", true, 'v'}, {"where", false, 'v'}, {"journal", false, 'v'},
        {"year", true, 'y'}, {"date", false, 'y'},
        {"author", true, 'a'},
    };
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        if (cols[i].part ? lit_md_contains_ci(h, cols[i].w) : !strcmp(h, cols[i].w)) return cols[i].role;
    return 0;
}

/* A badge image stating a venue and year: "https://img.shields.io/badge/DAC-2025-green.svg"
 * (label, message, colour; "--" is a dash, "_" a space). Writes "DAC 2025" to out and
 * returns true; false when url is no such badge. */
bool lit_md_badge(const char *url, size_t n, char *out, size_t cap)
{
    static const char *hosts[] = {"img.shields.io/badge/", "badgen.net/badge/"};
    const char *p = NULL;
    for (size_t k = 0; k < sizeof hosts / sizeof *hosts && !p; k++) {
        const char *h = lit_md_strnstr(url, n, hosts[k]);
        if (h) p = h + strlen(hosts[k]);
    }
    if (!p || cap < 2) return false;
    const char *e = p;
    while (e < url + n && *e != '"' && *e != '\'' && *e != ' ' && *e != '>' && *e != '?' && *e != ')') e++;
    char parts[3][64];
    size_t np = 0, w = 0;
    for (const char *q = p; q < e && np < 3; q++) {
        if (*q == '-' && q + 1 < e && q[1] == '-') { if (w < 63) parts[np][w++] = '-'; q++; continue; }
        if (*q == '-' || *q == '/') { parts[np][w] = 0; np++; w = 0; continue; }
        if (*q == '.' && (!strncmp(q, ".svg", 4) || !strncmp(q, ".png", 4))) break;
        char c = *q == '_' ? ' ' : *q;
        if (*q == '%' && q + 2 < e && isxdigit((unsigned char)q[1]) && isxdigit((unsigned char)q[2])) {
            char hex[3] = {q[1], q[2], 0};
            c = (char)strtol(hex, NULL, 16);
            q += 2;
        }
        if (w < 63 && c >= ' ') parts[np][w++] = c;
    }
    if (np < 3) parts[np][w] = 0, np++;
    if (np < 2) return false;
    /* "label-message-colour", or "message-colour" */
    if (np == 3) snprintf(out, cap, "%s %s", parts[0], parts[1]);
    else snprintf(out, cap, "%s", parts[0]);
    return true;
}

/* A label before the names of a paper's authors: "Authors: A, B", "By: A". Returns its length. */
size_t lit_md_author_field(const char *s)
{
    static const char *fields[] = {"authors:", "author:", "author(s):", "by:", "authors :", "author :"};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (lit_md_starts_ci(s, fields[k])) return strlen(fields[k]);
    return 0;
}

/* A label before a note about a paper ("Notes: ...", "Summary: ..."): its length, else 0. */
size_t lit_md_note_field(const char *s)
{
    static const char *fields[] = {"notes:", "note:", "summary:", "abstract:", "description:", "keywords:", "tl;dr:",
                                   "tldr:", "comment:", "comments:", "key contributions:", "contributions:"};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (lit_md_starts_ci(s, fields[k])) return strlen(fields[k]);
    return 0;
}

/* Words before a colon that name the kind of paper, not a system: "SoK: ...", "Survey: ...". */
bool lit_md_kind_word(const char *w, size_t n)
{
    static const char *k[] = {"sok", "survey", "position", "tutorial", "keynote", "poster", "demo", "vision",
                              "review", "erratum", "correction", "retraction", "editorial", "perspective",
                              "commentary", "overview", "preface", "abstract", "extended"};
    return WORD_IN(k, w, n);
}

/* Whether the '.' at s[i] ends an abbreviation of a venue's name ("SIAM J. on Computing",
 * "Commun. ACM", "Proc. VLDB") rather than a sentence. */
bool lit_md_abbrev_before(const char *s, size_t i)
{
    static const char *ab[] = {"j", "proc", "trans", "commun", "conf", "int", "intl", "symp", "adv", "rev", "lett",
                               "sci", "comput", "syst", "appl", "eng", "res", "math", "phys", "stat", "theor", "inf",
                               "softw", "netw", "oper", "biol", "chem", "med", "natl", "acad", "assoc", "soc", "ann",
                               "annu", "bull", "vol", "no", "pp", "ed", "eds", "nat", "mach", "intell", "lang",
                               "process", "anal", "optim", "discrete", "numer", "signal", "geosci", "autom", "robot"};
    size_t b = i;
    while (b && isalpha((unsigned char)s[b - 1])) b--;
    return i > b && (b == 0 || s[b - 1] == ' ' || IS_MARK(s[b - 1])) && WORD_IN(ab, s + b, i - b);
}

/* A heading's words as a lower-case key: letters and single spaces, its decorations and
 * punctuation gone ("Books :closed_book:" -> "books", "🎙 Podcasts:" -> "podcasts"). */
static size_t heading_key(const char *heading, char *buf, size_t cap)
{
    char *h = lit_xstrdup(heading);
    lit_md_strip_decorations(h);
    size_t n = 0;
    for (const char *p = h; *p && n < cap - 1; p++)
        if (isalpha((unsigned char)*p) || (*p == ' ' && n && buf[n - 1] != ' ')) buf[n++] = (char)tolower((unsigned char)*p);
    free(h);
    while (n && buf[n - 1] == ' ') n--;
    buf[n] = 0;
    return n;
}

/* A table of contents' heading: "## Contents", "## Table of Contents", "## Content". It holds
 * no section: the headings below it are the list's. Its lines that link into the page are
 * no papers (md_walk.c); a line under it that is a paper is one. */
bool lit_md_contents_heading(const char *heading)
{
    static const char *w[] = {"contents", "table of contents", "content", "table of content", "toc"};
    char buf[64];
    size_t n = heading_key(heading, buf, sizeof buf);
    return WORD_IN(w, buf, n);
}

/* Sections whose entries are not papers: "## Blog Posts", "### Talks", "## Software". */
bool lit_md_not_paper_section(const char *heading)
{
    static const char *w[] = {
        "blog", "blogs", "blog posts", "posts", "podcast", "podcasts", "episodes", "talk", "talks", "video",
        "videos", "lecture", "lectures", "lecture notes", "slides", "course", "courses", "software", "library",
        "libraries", "implementations", "repositories", "repos", "open source projects", "open source software",
        "notebook", "notebooks", "demos", "book", "books", "newsletter", "newsletters", "people",
        "researchers", "labs", "research groups", "companies", "jobs", "events", "conferences", "venues",
        "workshops", "related lists", "other lists", "awesome lists", "news", "updates", "changelog",
        "contributing", "license", "acknowledgements", "acknowledgments", "citation", "contact",
    };
    char buf[64];
    size_t n = heading_key(heading, buf, sizeof buf);
    return WORD_IN(w, buf, n);
}

/* A line of a list's update log: a date, then what was done ("2022/03/14 - add ICLR, UAI",
 * "2021-11-02: added NeurIPS 2021", "[2023.05] Update"), or the page's own date stamp
 * ("*Last updated: December 16, 2025*"). */
bool lit_md_update_log(const char *s)
{
    static const char *verbs[] = {"add", "added", "adds", "adding", "update", "updated", "updates", "fix", "fixed",
                                  "remove", "removed", "new", "release", "released", "init", "create", "created",
                                  "reorganize", "reorganized", "merge", "merged", "include", "included", "upload",
                                  "uploaded", "move", "moved", "rename", "renamed"};
    while (*s == ' ' || *s == '[' || IS_MARK(*s)) s++;
    static const char *stamps[] = {"last updated", "last update", "last modified", "updated on", "updated:"};
    for (size_t k = 0; k < sizeof stamps / sizeof *stamps; k++)   /* "*Last updated: December 16, 2025*" */
        if (lit_md_starts_ci(s, stamps[k])) return true;
    size_t d = strspn(s, "0123456789");
    if (d != 4 || !strchr("./-", s[4])) return false;
    const char *p = s + 5;
    size_t parts = 1;
    for (; parts < 3 && isdigit((unsigned char)*p); parts++) {
        p += strspn(p, "0123456789");
        if (strchr("./-", *p) && isdigit((unsigned char)p[1])) p++;
    }
    while (*p == ' ' || *p == ']' || *p == ':' || *p == '-' || *p == ',' || IS_MARK(*p) || lit_md_separator(p))
        p += lit_md_separator(p) ? lit_md_separator(p) : 1;
    size_t n = 0;
    while (isalpha((unsigned char)p[n])) n++;
    return n && WORD_IN(verbs, p, n);
}

/* Text that stops on an article is a piece of a sentence, no title: "Based on the" (before
 * "[work here](url)"). */
/* The last word of t (its length in *n); t itself when it has one word. */
static const char *last_word(const char *t, size_t *n)
{
    size_t e = lit_md_trim_end(t), b = e;
    while (b && t[b - 1] != ' ') b--;
    *n = e - b;
    return t + b;
}

/* Whether s starts with a year (19xx, 20xx) that no other digit or letter follows. */
static bool year_at(const char *s)
{
    return strspn(s, "0123456789") == 4 && (!strncmp(s, "19", 2) || !strncmp(s, "20", 2)) && !isalnum((unsigned char)s[4]);
}

/* A threshold or a span that says how papers were chosen, no title of one: a count with its
 * sign ("+800 citations", "~50 papers", "< 6 months", "100+ stars"), a count of a unit
 * ("500 citations"), a span of years ("2012-2016", "Before 2012", "since 2018"). A title
 * may start with a number ("100,000 Podcasts: ...", "3D ShapeNets: ..."): a sign, a unit or a
 * span of years makes the criterion. */
bool lit_md_criteria(const char *t)
{
    static const char *units[] = {"citation", "citations", "cites", "cited", "star", "stars", "paper", "papers",
                                  "month", "months", "year", "years", "day", "days", "week", "weeks", "page", "pages"};
    static const char *spans[] = {"before", "after", "since", "until", "till", "prior", "from", "pre", "post"};
    while (*t == ' ' || *t == '"' || IS_MARK(*t)) t++;
    size_t words = lit_md_count_words(t);
    const char *p = t;
    static const char *signs[] = {"+", "~", "<", ">", "\u2264", "\u2265", "\u2248"};   /* <= >= ~= */
    for (size_t i = 0; i < sizeof signs / sizeof *signs; i++)
        if (!strncmp(p, signs[i], strlen(signs[i]))) { p += strlen(signs[i]); break; }
    bool sign = p > t;
    while (*p == ' ' || *p == '=') p++;
    size_t d = strspn(p, "0123456789,.");
    if (d && isdigit((unsigned char)*p)) {
        const char *q = p + d;
        if (sign || *q == '+') return words <= 8;   /* "+60 citations or \"More Papers from 2016\"" */
        if (year_at(p) && (q[0] == '-' || !strncmp(q, "\u2013", 3) || lit_md_starts_ci(q, " to ") || lit_md_starts_ci(q, " - "))) {
            q += q[0] == '-' ? 1 : q[0] == ' ' ? (q[1] == '-' ? 3 : 4) : 3;
            while (*q == ' ') q++;
            return year_at(q) && words <= 3;   /* "2012-2016", "2012 to 2016" */
        }
        while (*q == ' ') q++;
        size_t n = strspn(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        return n && words <= 3 && WORD_IN(units, q, n);   /* "500 citations" */
    }
    size_t n = strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (!n || words > 4 || !WORD_IN(spans, t, n)) return false;   /* "Before 2012", "From 2012 to 2016" */
    for (const char *q = t + n; *q; q++)
        if (isdigit((unsigned char)*q) && !isalnum((unsigned char)q[-1]) && year_at(q)) return true;
    return false;
}

bool lit_md_fragment(const char *t)
{
    static const char *w[] = {"the", "a", "an"};
    size_t n;
    const char *l = last_word(t, &n);
    return l > t && WORD_IN(w, l, n);
}

/* A title that names an event, not a paper: "DLRS 2022: Workshop on Deep Learning for ...",
 * "KDD 2021 Workshop on Industrial Recommendation Systems", "Call for Papers". */
bool lit_md_event_title(const char *t)
{
    static const char *ev[] = {"workshop on ", "workshop for ", "symposium on ", "conference on ", "summer school",
                               "winter school", "call for papers", "challenge on ", "competition on ", "seminar on ",
                               "meetup", "hackathon"};
    /* "AI4LEGAL Workshop", "Special issue of the ... journal on ...": a short name that ends
     * in the event's kind, or a journal's issue */
    static const char *ends[] = {"workshop", "symposium", "conference", "summit"};
    size_t n;
    const char *l = last_word(t, &n);
    if ((l > t && lit_md_count_words(t) <= 5 && WORD_IN(ends, l, n)) || lit_md_starts_ci(t, "special issue"))
        return true;
    size_t words = 0;   /* the event starts the title, after its name and year at most: "DLRS 2022: ..." */
    for (const char *p = t; *p && words <= 3; p++) {
        if (p != t && !(p[-1] == ' ' || p[-1] == ':')) continue;
        if (p != t) words++;
        for (size_t i = 0; i < sizeof ev / sizeof *ev; i++)
            if (lit_md_starts_ci(p, ev[i])) {
                /* a subtitle after it makes a paper ("Workshop on X: What We Learned") */
                return !strchr(p, ':');
            }
    }
    return false;
}

/* A title that names a venue, not a paper: "ACM Transactions on Recommender Systems",
 * "Journal of Machine Learning Research". */
bool lit_md_venue_title(const char *t)
{
    static const char *starts[] = {"journal of ", "transactions on ", "proceedings of ", "acm transactions ",
                                   "ieee transactions ", "ieee/acm transactions ", "international journal ",
                                   "annals of ", "communications of "};
    if (lit_md_count_words(t) > 9 || strchr(t, ':')) return false;
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        if (lit_md_starts_ci(t, starts[i])) return true;
    return false;
}

/* Whether s has a word only a venue's name has: "Journal of social robotics", "J. humanoid
 * robot", "Proc. of the symposium ...". */
bool lit_md_venue_words(const char *s)
{
    static const char *w[] = {"journal", "conference", "proceedings", "transactions", "symposium", "workshop",
                              "magazine", "letters", "j.", "trans.", "proc.", "conf.", "symp."};
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == ',') p++;
        size_t n = strcspn(p, " ,");
        if (n && WORD_IN(w, p, n)) return true;
        p += n;
    }
    return false;
}

/* The start of a sentence of prose, not a title: "Our grouping follows the one in [this
 * survey](...)", "We also recommend ...". */
bool lit_md_prose(const char *t)
{
    static const char *first[] = {"our", "we", "this", "these", "see", "here", "it", "they", "you", "i",
                                  "please", "if", "when", "there", "currently", "recently", "also", "feel",
                                  "check", "thanks", "contributions", "all", "most", "some", "each", "every"};
    size_t n = strcspn(t, " ,");
    return lit_md_count_words(t) >= 6 && WORD_IN(first, t, n) && !lit_md_title_case(t);
}

/* Words a list writes where a venue goes when there is none: "preprint", "under review". */
bool lit_md_status_word(const char *s)
{
    static const char *w[] = {"preprint", "pre-print", "under review", "in review", "in submission", "submitted",
                              "to appear", "in press", "accepted", "forthcoming", "working paper", "manuscript",
                              "draft", "tbd", "tba", "n/a", "unpublished"};
    char buf[32];
    size_t n = 0;
    for (const char *p = s; *p && n < sizeof buf - 1; p++)
        if (isalpha((unsigned char)*p) || *p == ' ' || *p == '-' || *p == '/') buf[n++] = (char)tolower((unsigned char)*p);
    while (n && buf[n - 1] == ' ') n--;
    return WORD_IN(w, buf, n);
}

/* A reading group's "Oscar presents: " before an entry: who presents it, no part of it.
 * Returns the length of the label (up to its ": "), or 0. */
size_t lit_md_presenter(const char *s)
{
    static const char *verbs[] = {"presents", "presented", "presenting", "presenter", "leads", "led", "discussant"};
    const char *c = strstr(s, ": ");
    if (!c || c - s > 48 || c == s) return 0;
    const char *w = c;
    while (w > s && w[-1] != ' ') w--;
    return WORD_IN(verbs, w, (size_t)(c - w)) ? (size_t)(c - s) + 2 : 0;
}

/* "CS 329S: Machine Learning Systems Design", "EECS 598: Systems for AI": a course. */
bool lit_md_course_code(const char *t)
{
    size_t i = 0;
    while (isupper((unsigned char)t[i])) i++;
    if (i < 2 || i > 5) return false;
    if (t[i] == ' ') i++;
    size_t d = i;
    while (isdigit((unsigned char)t[i])) i++;
    if (i - d != 3) return false;
    if (isupper((unsigned char)t[i])) i++;
    return t[i] == ':' || t[i] == ' ' || t[i] == '-' || !t[i];
}
