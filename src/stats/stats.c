/* stats.c - filters and statistics: one pass over the catalog, read by every renderer. */
#include "stats.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define YEAR_LO 1800
#define YEAR_HI 2100
#define NYEARS_ABS (YEAR_HI - YEAR_LO + 1)

int lit_filter_parse_years(lit_filter *f, const char *arg)
{
    const char *dash = strchr(arg, '-');
    char *end;
    long lo = 0, hi = 0;
    if (!*arg) return -1;
    if (dash != arg) {
        errno = 0;
        lo = strtol(arg, &end, 10);
        if (errno || end == arg || (*end != '-' && *end != '\0')) return -1;
    }
    if (!dash) hi = lo;
    else if (dash[1]) {
        errno = 0;
        hi = strtol(dash + 1, &end, 10);
        if (errno || *end != '\0' || end == dash + 1) return -1;
    }
    if ((lo && (lo < YEAR_LO || lo > YEAR_HI)) || (hi && (hi < YEAR_LO || hi > YEAR_HI)) || (lo && hi && lo > hi))
        return -1;
    f->year_min = (int)lo;
    f->year_max = (int)hi;
    return 0;
}

double lit_share(size_t count, size_t total) { return total ? 100.0 * (double)count / (double)total : 0.0; }

size_t lit_stats_top(const lit_count *rows, size_t n_rows, size_t n, size_t *other)
{
    size_t keep = n == 0 || n >= n_rows ? n_rows : n;
    size_t rest = 0;
    for (size_t i = keep; i < n_rows; i++) rest += rows[i].count;
    if (other) *other = rest;
    return keep;
}

/* Groups of names: catalog venue/topic indices mapped to one row per canonical name. */
typedef struct groups {
    lit_strtab names;      /* canonical group names */
    lit_arena arena;
    int32_t *of;           /* catalog index -> group */
    int32_t *rep;          /* group -> a catalog index */
    int *order;            /* group -> taxonomy order (topics) */
} groups;

static void groups_free(groups *g)
{
    lit_strtab_free(&g->names);
    lit_arena_free(&g->arena);
    free(g->of);
    free(g->rep);
    free(g->order);
}

static void group_venues(groups *g, const lit_db *db)
{
    const lit_strtab *cv = &db->cat.venues;
    g->of = lit_xcalloc(cv->n + 1, sizeof *g->of);
    g->rep = lit_xcalloc(cv->n + 1, sizeof *g->rep);
    for (size_t i = 0; i < cv->n; i++) {
        const lit_venue *v = lit_venues_find(&db->venues, cv->names[i]);
        int32_t gi = lit_strtab_intern(&g->names, &g->arena, v ? v->id : cv->names[i]);
        g->of[i] = gi;
        if ((size_t)gi == g->names.n - 1) g->rep[gi] = (int32_t)i;
    }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void group_topics(groups *g, const lit_db *db)
{
    const lit_strtab *ct = &db->cat.topics;
    g->of = lit_xcalloc(ct->n + 1, sizeof *g->of);
    g->rep = lit_xcalloc(ct->n + 1, sizeof *g->rep);
    g->order = lit_xcalloc(ct->n + 1, sizeof *g->order);
    for (size_t i = 0; i < ct->n; i++) {
        int t = lit_topics_find(&db->topics, ct->names[i]);
        int32_t gi = lit_strtab_intern(&g->names, &g->arena, t >= 0 ? db->topics.t[t].id : ct->names[i]);
        g->of[i] = gi;
        if ((size_t)gi == g->names.n - 1) {
            g->rep[gi] = (int32_t)i;
            g->order[gi] = t; /* -1 for now: unknown topics are ordered below */
        }
    }
    /* Unknown topics follow the taxonomy, by name. */
    const char **unknown = lit_xcalloc(g->names.n + 1, sizeof *unknown);
    size_t nu = 0;
    for (size_t gi = 0; gi < g->names.n; gi++)
        if (g->order[gi] < 0) unknown[nu++] = g->names.names[gi];
    qsort(unknown, nu, sizeof *unknown, cmp_str);
    for (size_t k = 0; k < nu; k++) g->order[lit_strtab_find(&g->names, unknown[k])] = (int)(db->topics.n + k);
    free(unknown);
}

/* The set of catalog topic indices a --topic filter selects (with descendants). */
static int topic_filter(const lit_db *db, const lit_filter *f, unsigned char *want, lit_diag *d)
{
    unsigned char *tax = lit_xcalloc(db->topics.n + 1, 1);
    int rc = 0;
    for (size_t i = 0; i < f->n_topics; i++) {
        int t = lit_topics_find(&db->topics, f->topics[i]);
        if (t >= 0) { tax[t] = 1; continue; }
        int32_t ct = lit_strtab_find(&db->cat.topics, f->topics[i]);
        if (ct >= 0) { want[ct] = 1; continue; }
        rc = lit_error(d, NULL, 0, 0, "unknown topic '%s' (see %s)", f->topics[i], db->topics.path);
    }
    /* sel: 1 when the topic or an ancestor is asked for, 2 when not; each topic settled
     * once (a chain of 100,000 subtopics is not walked once per topic) */
    const lit_topic *tt = db->topics.t;
    unsigned char *sel = lit_xcalloc(db->topics.n + 1, 1);
    for (size_t t = 0; t < db->topics.n; t++) {
        int a = (int)t;
        while (a >= 0 && !sel[a] && !tax[a]) a = tt[a].parent_ix;
        unsigned char v = a < 0 ? 2 : tax[a] ? 1 : sel[a];
        for (int b = (int)t; b >= 0 && b != a; b = tt[b].parent_ix) sel[b] = v;
        if (a >= 0) sel[a] = v;
    }
    for (size_t i = 0; i < db->cat.topics.n; i++) {
        int t = lit_topics_find(&db->topics, db->cat.topics.names[i]);
        if (t >= 0 && sel[t] == 1) want[i] = 1;
    }
    free(sel);
    free(tax);
    return rc;
}

static int venue_filter(const lit_db *db, const lit_filter *f, const groups *vg, unsigned char *want, lit_diag *d)
{
    int rc = 0;
    for (size_t i = 0; i < f->n_venues; i++) {
        const lit_venue *v = lit_venues_find(&db->venues, f->venues[i]);
        int32_t gi = lit_strtab_find(&vg->names, v ? v->id : f->venues[i]);
        if (gi >= 0) want[gi] = 1;
        else if (!v) rc = lit_error(d, NULL, 0, 0, "unknown venue '%s' (see %s)", f->venues[i], db->venues.path);
    }
    return rc;
}

static int cmp_count_desc(const void *a, const void *b)
{
    const lit_count *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return strcmp(x->name, y->name);
}

static int cmp_order(const void *a, const void *b)
{
    const lit_count *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

/* Distinct list names among a paper's sources. */
static size_t distinct_lists(const lit_paper *p)
{
    size_t n = 0;
    for (uint32_t i = 0; i < p->n_sources; i++) {
        uint32_t j = 0;
        while (j < i && strcmp(p->sources[j].list, p->sources[i].list) != 0) j++;
        if (j == i) n++;
    }
    return n;
}

typedef struct ranked { size_t count, row; } ranked;

static int by_count_then_row(const void *a, const void *b)
{
    const ranked *p = a, *q = b;
    if (p->count != q->count) return p->count > q->count ? -1 : 1;
    return (p->row > q->row) - (p->row < q->row);
}

/* Each row's place by papers, in n log n (thousands of keyword topics). */
static size_t *topic_ranks(const lit_count *rows, size_t n)
{
    ranked *r = lit_xcalloc(n + 1, sizeof *r);
    size_t *rank = lit_xcalloc(n + 1, sizeof *rank);
    for (size_t i = 0; i < n; i++) r[i] = (ranked){rows[i].count, i};
    qsort(r, n, sizeof *r, by_count_then_row);
    for (size_t k = 0; k < n; k++) rank[r[k].row] = k;
    free(r);
    return rank;
}

/* ---- the year axis ---- */

/* The year of the data (lit_catalog_date: SOURCE_DATE_EPOCH, else the catalog file's
 * modification time), or 0 when it has none. */
static int data_year(const lit_catalog *c)
{
    long long v = lit_catalog_date(c);
    if (v < 0) return 0;
    time_t t = (time_t)v;
    struct tm tm;
    return gmtime_r(&t, &tm) ? tm.tm_year + 1900 : 0;
}

static void year_axis(lit_stats *s)
{
    size_t ny = s->n_years, dated = 0;
    s->year_first = s->year_min;
    s->n_cols = ny;
    for (size_t i = 0; i < ny; i++) dated += s->per_year[i];
    /* fold the early years up to the last empty one while they hold at most 2% of the
     * dated papers: a broken run of early years, far from the rest; only when that
     * gives back at least a quarter of the axis */
    size_t cum = 0, first = 0;
    for (size_t i = 0; i + 1 < ny && cum * 50 <= dated; i++) {
        if (s->per_year[i] == 0) first = i + 1;
        cum += s->per_year[i];
    }
    if (first && first * 4 >= ny) {
        s->year_first = s->year_min + (int)first;
        s->n_earlier_cols = 1;
        for (size_t i = 0; i < first; i++) {
            s->n_earlier += s->per_year[i];
            if (s->per_year[i]) s->earlier_last = s->year_min + (int)i;
        }
        s->n_cols = 1 + ny - first;
    }
    if (ny >= 2 && s->per_year[ny - 1] * 2 < s->per_year[ny - 2]) s->last_partial = true;
    if (ny && data_year(&s->db->cat) == s->year_max) s->last_partial = s->partial_by_date = true;
}

size_t lit_stats_col(const lit_stats *s, int year)
{
    return year < s->year_first ? 0 : s->n_earlier_cols + (size_t)(year - s->year_first);
}

int lit_stats_col_year(const lit_stats *s, size_t col)
{
    return col < s->n_earlier_cols ? 0 : s->year_first + (int)(col - s->n_earlier_cols);
}

const char *lit_stats_col_label(const lit_stats *s, size_t col, char *buf, size_t n)
{
    if (col < s->n_earlier_cols) snprintf(buf, n, "to %d", s->year_first - 1);
    else snprintf(buf, n, "%d", lit_stats_col_year(s, col));
    return buf;
}

void lit_stats_to_cols(const lit_stats *s, const size_t *per_year, size_t *out)
{
    memset(out, 0, s->n_cols * sizeof *out);
    for (size_t i = 0; i < s->n_years; i++) out[lit_stats_col(s, s->year_min + (int)i)] += per_year[i];
}

/* ---- what every output names ---- */

size_t lit_choose_count(const size_t *counts, size_t n, size_t k, size_t kmax, lit_choice *c)
{
    c->of = n;
    c->tie_n = c->tie_count = 0;
    c->tie_in = false;
    if (k >= n) return c->n = n;
    if (k == 0 || counts[k - 1] != counts[k]) return c->n = k;
    size_t t = counts[k], lo = k, hi = k;
    while (lo > 0 && counts[lo - 1] == t) lo--;
    while (hi < n && counts[hi] == t) hi++;
    c->tie_n = hi - lo;
    c->tie_count = t;
    c->tie_in = hi <= (kmax > k ? kmax : k);
    return c->n = c->tie_in ? hi : lo;
}

const char *lit_choice_note(const lit_choice *c, const char *what, char *buf, size_t n)
{
    *buf = 0;
    if (!c->tie_n) return buf;
    size_t t = c->tie_count;
    snprintf(buf, n, "%zu %s tie at %zu paper%s: %s shown", c->tie_n, what, t, t == 1 ? "" : "s",
             c->tie_in ? "all" : "none");
    return buf;
}

/* Rows of a topic (or venue) table by rank, their counts beside. */
static void choose(lit_choice *c, size_t *rows, size_t n, const lit_count *tab, size_t k, size_t kmax)
{
    size_t *counts = lit_xcalloc(n + 1, sizeof *counts);
    for (size_t i = 0; i < n; i++) counts[i] = tab[rows[i]].count;
    free(c->row);
    c->row = rows;
    lit_choose_count(counts, n, k, kmax, c);
    free(counts);
}

void lit_stats_choose(lit_stats *s, size_t n_venues, size_t n_topics)
{
    size_t kv = n_venues ? n_venues : LIT_CHOOSE_VENUES, kt = n_topics ? n_topics : LIT_CHOOSE_TOPICS;
    /* venues: already most papers first */
    size_t *vrows = lit_xcalloc(s->n_venues + 1, sizeof *vrows), nv = 0;
    for (size_t i = 0; i < s->n_venues; i++)
        if (s->venues[i].id >= 0) vrows[nv++] = i;
    choose(&s->venue_choice, vrows, nv, s->venues, kv, kv > LIT_CHOOSE_VENUES_MAX ? kv : LIT_CHOOSE_VENUES_MAX);
    /* topics: by rank, without a topic nearly every paper is in (it tells none apart) */
    size_t with_topic = s->n_papers - s->n_no_topic, nt = 0;
    size_t *trows = lit_xcalloc(s->n_topics + 1, sizeof *trows);
    for (size_t i = 0; i < s->n_topics; i++) trows[s->topic_rank[i]] = i;
    s->topic_umbrella = -1;
    if (s->n_topics >= 3 && trows[0] < s->n_topics && s->topics[trows[0]].count * 10 >= with_topic * 9)
        s->topic_umbrella = (long)trows[0];
    for (size_t i = 0; i < s->n_topics; i++)
        if ((long)trows[i] != s->topic_umbrella) trows[nt++] = trows[i];
    size_t tmax = kt < LIT_CHOOSE_TOPICS_MAX ? LIT_CHOOSE_TOPICS_MAX : kt;
    choose(&s->topic_choice, trows, nt, s->topics, kt < tmax ? kt : tmax, tmax);
    free(s->topic_pos);
    s->topic_pos = lit_xmalloc((s->n_topics + 1) * sizeof *s->topic_pos);
    for (size_t i = 0; i < s->n_topics; i++) s->topic_pos[i] = -1;
    for (size_t i = 0; i < s->topic_choice.n; i++) s->topic_pos[s->topic_choice.row[i]] = (int)i;
}

int lit_stats_compute(lit_stats *s, const lit_db *db, const lit_filter *f, lit_diag *d)
{
    static const lit_filter none;
    if (!f) f = &none;
    memset(s, 0, sizeof *s);
    s->db = db;
    const lit_catalog *c = &db->cat;
    s->n_total = c->n_papers;
    groups vg = {0}, tg = {0};
    group_venues(&vg, db);
    group_topics(&tg, db);
    size_t nv = vg.names.n, nt = tg.names.n;
    unsigned char *want_topic = lit_xcalloc(c->topics.n + 1, 1);
    unsigned char *want_venue = lit_xcalloc(nv + 1, 1);
    int rc = 0;
    if (f->n_topics) rc |= topic_filter(db, f, want_topic, d);
    if (f->n_venues) rc |= venue_filter(db, f, &vg, want_venue, d);

    size_t *vcount = lit_xcalloc(nv + 1, sizeof *vcount), *tcount = lit_xcalloc(nt + 1, sizeof *tcount);
    size_t *year_abs = lit_xcalloc(NYEARS_ABS, sizeof *year_abs);
    size_t *ty_abs = lit_xcalloc((nt + 1) * NYEARS_ABS, sizeof *ty_abs);
    size_t *vy_abs = lit_xcalloc((nv + 1) * NYEARS_ABS, sizeof *vy_abs);
    /* Kind and area per venue row, so the loop below does no lookups. Areas are
     * few: a linear table of names that live in the venue table. */
    size_t kind_count[LIT_VENUE_OTHER + 2] = {0};
    int *gkind = lit_xcalloc(nv + 1, sizeof *gkind), *garea = lit_xcalloc(nv + 1, sizeof *garea);
    const char **area_name = lit_xcalloc(nv + 1, sizeof *area_name);
    size_t *area_count = lit_xcalloc(nv + 1, sizeof *area_count), n_area = 0;
    for (size_t g = 0; g < nv; g++) {
        const lit_venue *v = lit_venues_find(&db->venues, vg.names.names[g]);
        const char *area = v ? v->area : "unknown";
        gkind[g] = v ? (int)v->kind : LIT_VENUE_OTHER + 1;
        size_t a = 0;
        while (a < n_area && strcmp(area_name[a], area) != 0) a++;
        if (a == n_area) area_name[n_area++] = area;
        garea[g] = (int)a;
    }
    lit_strtab lists = {0};
    lit_arena tmp = {0};
    size_t nlists_cap = 0;
    s->sel = lit_xmalloc((c->n_papers + 1) * sizeof *s->sel);
    int ymin = YEAR_HI + 1, ymax = 0;

    for (size_t i = 0; rc == 0 && i < c->n_papers; i++) {
        const lit_paper *p = &c->papers[i];
        int32_t vgi = p->venue >= 0 ? vg.of[p->venue] : -1;
        if (f->year_min && (!p->year || p->year < f->year_min)) continue;
        if (f->year_max && (!p->year || p->year > f->year_max)) continue;
        if (f->n_venues && (vgi < 0 || !want_venue[vgi])) continue;
        if (f->n_topics) {
            uint32_t k = 0;
            while (k < p->n_topics && !want_topic[p->topics[k]]) k++;
            if (k == p->n_topics) continue;
        }
        s->sel[s->n_papers++] = (uint32_t)i;
        int yi = p->year ? p->year - YEAR_LO : -1;
        if (p->year) {
            year_abs[yi]++;
            if (p->year < ymin) ymin = p->year;
            if (p->year > ymax) ymax = p->year;
            if (p->year_inferred) s->n_year_inferred++;
        } else {
            s->n_no_year++;
        }
        if (vgi >= 0) {
            vcount[vgi]++;
            if (yi >= 0) vy_abs[(size_t)vgi * NYEARS_ABS + (size_t)yi]++;
            kind_count[gkind[vgi]]++;
            area_count[garea[vgi]]++;
        } else {
            s->n_no_venue++;
        }
        if (!p->n_topics) s->n_no_topic++;
        for (uint32_t k = 0; k < p->n_topics; k++) {
            int32_t g = tg.of[p->topics[k]];
            /* a paper counts once per topic even if listed twice under it */
            uint32_t j = 0;
            while (j < k && tg.of[p->topics[j]] != g) j++;
            if (j < k) continue;
            tcount[g]++;
            if (yi >= 0) ty_abs[(size_t)g * NYEARS_ABS + (size_t)yi]++;
        }
        for (uint32_t k = 0; k < p->n_sources; k++) lit_strtab_intern(&lists, &tmp, p->sources[k].list);
        size_t nl = distinct_lists(p);
        if (nl >= nlists_cap) {
            size_t old = nlists_cap;
            LIT_GROW(s->per_nlists, nlists_cap, nl + 1);
            memset(s->per_nlists + old, 0, (nlists_cap - old) * sizeof *s->per_nlists);
        }
        if (nl > s->max_nlists) s->max_nlists = nl;
        s->per_nlists[nl]++;
    }
    s->n_lists = lists.n;

    if (rc == 0) {
        if (ymax) {
            s->year_min = ymin;
            s->year_max = ymax;
            s->n_years = (size_t)(ymax - ymin + 1);
        }
        size_t ny = s->n_years, y0 = ymax ? (size_t)(ymin - YEAR_LO) : 0;
        s->per_year = lit_xcalloc(ny + 1, sizeof *s->per_year);
        memcpy(s->per_year, year_abs + y0, ny * sizeof *s->per_year);

        s->venues = lit_xcalloc(nv + 1, sizeof *s->venues);
        for (size_t g = 0; g < nv; g++)
            if (vcount[g]) s->venues[s->n_venues++] = (lit_count){vg.rep[g], NULL, vcount[g], (int)g, NULL};
        for (size_t k = 0; k < s->n_venues; k++) s->venues[k].name = c->venues.names[s->venues[k].id];
        /* names are the canonical ids: rows of aliases were merged into them */
        for (size_t k = 0; k < s->n_venues; k++) {
            const lit_venue *v = lit_venues_find(&db->venues, s->venues[k].name);
            if (v) s->venues[k].name = v->id;
        }
        qsort(s->venues, s->n_venues, sizeof *s->venues, cmp_count_desc);
        s->venue_year = lit_xcalloc(s->n_venues * ny + 1, sizeof *s->venue_year);
        for (size_t k = 0; k < s->n_venues; k++) {
            size_t g = (size_t)s->venues[k].order;
            memcpy(s->venue_year + k * ny, vy_abs + g * NYEARS_ABS + y0, ny * sizeof *s->venue_year);
            s->venues[k].order = (int)k;
        }

        s->topics = lit_xcalloc(nt + 1, sizeof *s->topics);
        for (size_t g = 0; g < nt; g++) {
            if (!tcount[g]) continue;
            int t = lit_topics_find(&db->topics, tg.names.names[g]);
            s->topics[s->n_topics++] = (lit_count){tg.rep[g], t >= 0 ? db->topics.t[t].label : c->topics.names[tg.rep[g]],
                                                   tcount[g], tg.order[g], t >= 0 ? db->topics.t[t].short_label : NULL};
        }
        qsort(s->topics, s->n_topics, sizeof *s->topics, cmp_order);
        s->topic_rank = topic_ranks(s->topics, s->n_topics);
        s->topic_year = lit_xcalloc(s->n_topics * ny + 1, sizeof *s->topic_year);
        for (size_t k = 0; k < s->n_topics; k++) {
            size_t g = (size_t)tg.of[s->topics[k].id];
            memcpy(s->topic_year + k * ny, ty_abs + g * NYEARS_ABS + y0, ny * sizeof *s->topic_year);
        }

        static const char *const kind_label[] = {"conference", "journal", "workshop", "preprint", "other", "unknown venue"};
        s->kinds = lit_xcalloc(LIT_VENUE_OTHER + 2, sizeof *s->kinds);
        for (int k = 0; k <= LIT_VENUE_OTHER + 1; k++)
            if (kind_count[k]) s->kinds[s->n_kinds++] = (lit_count){k, kind_label[k], kind_count[k], k, NULL};
        s->areas = lit_xcalloc(n_area + 1, sizeof *s->areas);
        for (size_t a = 0; a < n_area; a++)
            if (area_count[a]) s->areas[s->n_areas++] = (lit_count){(int32_t)a, area_name[a], area_count[a], (int)a, NULL};
        qsort(s->areas, s->n_areas, sizeof *s->areas, cmp_count_desc);
        if (!s->per_nlists) s->per_nlists = lit_xcalloc(1, sizeof *s->per_nlists);
        year_axis(s);
        lit_stats_choose(s, 0, 0);
    }

    free(want_topic); free(want_venue); free(vcount); free(tcount);
    free(year_abs); free(ty_abs); free(vy_abs);
    free(gkind); free(garea); free(area_name); free(area_count);
    lit_strtab_free(&lists);
    lit_arena_free(&tmp);
    groups_free(&vg);
    groups_free(&tg);
    if (rc != 0) lit_stats_free(s);
    return rc;
}

void lit_stats_free(lit_stats *s)
{
    free(s->venue_choice.row); free(s->topic_choice.row); free(s->topic_pos);
    free(s->sel); free(s->per_year); free(s->venues); free(s->topics); free(s->topic_rank);
    free(s->topic_year); free(s->venue_year); free(s->kinds); free(s->areas); free(s->per_nlists);
    const lit_db *db = s->db;
    memset(s, 0, sizeof *s);
    s->db = db;
}
