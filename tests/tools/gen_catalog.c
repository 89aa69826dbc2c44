/* gen_catalog.c - deterministic synthetic catalogs for benchmarks: skewed venues, years and topics. */
/*
 * gen_catalog [-s SEED] [--venues FILE] [--topics FILE] [--keywords K] [--unknown-venues PCT] [-o FILE] N
 *
 * Writes a catalog of N papers in the format lit_catalog_load reads. The same N and
 * seed always give the same bytes (own PRNG, no rand(), no clock). The skew is that of
 * real lists: Zipf-distributed venues (ids from venues.yaml, some aliases, some unknown
 * venues), more papers every year from 2000 to 2024, topics peaking at different years,
 * system names for ~60% of papers, LaTeX-special and non-ASCII characters in titles,
 * links, 1-3 sources, and ~2% near-duplicate titles (for dedupe timing).
 *
 * --keywords K gives the shape of per-conference data converted to a catalog: K keyword
 * topics that no topics.yaml knows, Zipf-distributed, in place of the taxonomy; with
 * --unknown-venues PCT that share of papers is at venues the table does not know.
 */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "topics.h"
#include "venues.h"

/* ---- PRNG: splitmix64, fixed seed ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static size_t below(size_t n) { return n ? (size_t)(((unsigned __int128)rnd() * n) >> 64) : 0; }
static double unit(void) { return (double)(rnd() >> 11) * (1.0 / 9007199254740992.0); }
static int chance(double p) { return unit() < p; }
#define PICK(arr) (arr[below(sizeof arr / sizeof arr[0])])

/* ---- weighted choice: cumulative weights, binary search ---- */

typedef struct wtab { double *cum; size_t n; } wtab;

static void wtab_init(wtab *t, const double *w, size_t n)
{
    t->cum = lit_xmalloc((n ? n : 1) * sizeof *t->cum);
    t->n = n;
    double s = 0;
    for (size_t i = 0; i < n; i++) t->cum[i] = (s += w[i]);
}

static size_t wtab_pick(const wtab *t)
{
    double u = unit() * t->cum[t->n - 1];
    size_t lo = 0, hi = t->n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->cum[mid] > u) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

/* ---- built-in vocabularies (used when the data files are missing) ---- */

static const char *const builtin_venues[] = {
    "arXiv", "NeurIPS", "OSDI", "ICML", "SOSP", "NSDI", "EuroSys", "ATC", "MLSys", "ICLR", "SC",
    "ASPLOS", "SIGCOMM", "ISCA", "MICRO", "HPCA", "PPoPP", "VLDB", "SIGMOD", "SoCC", "AAAI",
    "CVPR", "KDD", "IPDPS", "HPDC", "FAST", "Middleware", "ICS", "TPDS", "CoNEXT", "INFOCOM",
    "MobiSys", "MobiCom", "HotOS", "HotCloud", "HotNets", "ICDE", "IJCAI", "JMLR", "ICCV",
    "ECCV", "ACL", "EMNLP", "NAACL", "PLDI", "CGO", "PACT", "DAC", "CF", "TOCS", "CACM",
    "EuroMLSys", "HotMobile", "NetAI", "OFC", "HPCC", "HotCarbon", "SIGCOMM-W", "NeurIPS-W", "ICML-W",
};
static const char *const builtin_topics[] = {
    "distributed-training", "data-parallelism", "model-parallelism", "pipeline-parallelism",
    "communication", "optical-interconnects", "scheduling", "workload-analysis", "serverless",
    "inference", "compilers", "memory", "dynamic-networks", "debugging", "classic-ml",
    "ml-for-systems", "compression", "hyperparameter-tuning", "federated-learning", "misc",
    "performance-modeling", "hpc", "recommendation",
};

static const char *const syl1[] = {
    "Pipe", "Byte", "Gav", "Tiresi", "Hor", "Zero", "Mega", "Deep", "Flex", "Tensor", "Ray", "Gan",
    "Orion", "Ali", "Spot", "Clock", "Para", "Hive", "Flux", "Nim", "Orca", "Vel", "Astra", "Blink",
    "Cyc", "Dyn", "Echo", "Fast", "Giga", "Hydra", "Kube", "Lumi", "Mist", "Nova", "Octo", "Pollux",
    "Quasar", "Rhea", "Sia", "Tetris", "Uni", "Vortex", "Wave", "Xeno", "Yarn", "Zeus", "Alpa", "Bam",
};
static const char *const syl2[] = {
    "Dream", "Scheduler", "el", "as", "ovod", "Flow", "Pipe", "Serve", "Tune", "Shard", "Mesh", "Opt",
    "X", "Lite", "Net", "Store", "Cache", "Mind", "", "", "", "Fusion", "Sched", "Cast", "Train", "Graph",
};
static const char *const syl3[] = {
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Kit", "Lab", "Hub", "Bolt", "Rix",
    "Core", "Link", "Ion", "Arc", "Verse", "Spark", "Loom", "Dash", "Grid", "Jet", "Pilot", "Forge", "Lens",
    "Quill", "Tide", "Nest", "Vale", "Crux", "Beam", "Sync", "Plex", "Wing", "Zen", "Orb", "Rune",
};
static const char *const adjs[] = {
    "Efficient", "Scalable", "Elastic", "Fast", "Adaptive", "Fault-Tolerant", "Heterogeneity-Aware",
    "Communication-Efficient", "Memory-Efficient", "Low-Latency", "Cost-Effective", "Practical",
    "Automatic", "Decentralized", "Predictable", "Fair", "Resilient", "Energy-Efficient", "Robust",
};
static const char *const nouns[] = {
    "Pipeline Parallelism", "Gradient Compression", "Cluster Scheduling", "Model Serving",
    "Parameter Synchronization", "Collective Communication", "Tensor Fusion", "Kernel Tuning",
    "Checkpointing", "Data Loading", "Resource Allocation", "Operator Placement", "Job Packing",
    "Memory Management", "Graph Partitioning", "Embedding Caching", "Straggler Mitigation",
    "Hyperparameter Search", "Request Batching", "Activation Recomputation", "All-Reduce",
};
static const char *const domains[] = {
    "Deep Learning", "DNN Training", "Large Language Models", "GPU Clusters", "Recommendation Models",
    "Distributed Training", "Inference Serving", "Mixture-of-Experts", "Federated Learning",
    "Graph Neural Networks", "Edge Devices", "Multi-Tenant Clusters", "Transformers",
};
/* Endings that make titles distinct, as real titles are (most combinations occur once). */
static const char *const methods[] = {
    "", "", "", "", " at Scale", " on Shared GPUs", " via Speculation", " with Learned Cost Models",
    " on Commodity Hardware", " in the Cloud", " with Zero Redundancy", " across Data Centers",
    " on Preemptible Instances", " with Formal Guarantees", " using Reinforcement Learning", " on TPUs",
    " with Programmable Switches", " over RDMA", " for the Long Tail", " without Accuracy Loss",
    " on Heterogeneous Accelerators", " in Production", " with Bounded Staleness", " on Edge Clusters",
    " via Online Profiling", " through Co-Design", " with Tail-Latency SLOs", " under Memory Pressure",
    " on Disaggregated Memory", " using Model Statistics", " with Spot Instances", " for Multiple Tenants",
};
static const char *const hardware[] = {
    "", "", "", "", "", "", "", "", " and Beyond", ": An Empirical Study", ": A Case Study",
    ": Design and Evaluation", ": Challenges and Opportunities", " (Extended Abstract)", ": A Measurement Study",
    ": Theory and Practice",
};
/* Rare pieces with characters that LaTeX, YAML, CSV and spreadsheets must escape. */
static const char *const specials[] = {
    " & Beyond", " at 100% Utilization", " for $5 per Hour", " in C#", " with all_reduce",
    " over {Key, Value} Stores", " in ~10 Lines", " with 2^k Workers", " for A\\B Testing",
    " — a Retrospective", " at μs Scale", " in Zürich", " for Café-Scale Clusters",
    " with \"Exactly-Once\" Semantics", ": Lessons from 深度学习 Clusters", " (Naïve Baselines Considered)",
    " #1", " under 50% Load & Failures", " with <10 ms Tails", " with x_{i}^{2} Loss", " = Speed",
};
static const char *const first_names[] = {
    "Deepak", "Aaron", "Wei", "Yanping", "José", "Jürgen", "Ana", "Priya", "Chen", "Olga",
    "Mohammad", "Siddharth", "Zoë", "Kai", "Hiroshi", "Fatima", "Luca", "Søren", "明", "Ngozi",
};
static const char *const last_names[] = {
    "Narayanan", "Harlap", "Xiao", "Huang", "García", "Müller", "Silva", "Patel", "Li", "Ivanova",
    "Alizadeh", "Jain", "Dupont", "Zhang", "Tanaka", "Haddad", "Rossi", "Kierkegaard", "王", "Okafor",
};
static const char *const orgs[] = {"msr-fiddle", "alibaba", "petuum", "hpcaitech", "uw-mad", "sjtu-epcc", "microsoft", "google-research"};
static const char *const notes[] = {"read this first", "good related work", "skim", "compare with the baseline"};

/* ---- the output buffer ---- */

typedef struct out { FILE *fp; char *buf; size_t len; } out;
#define OUT_CAP (1 << 20)

static void flush(out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->fp) != o->len) {
        perror("gen_catalog: write");
        exit(3);
    }
    o->len = 0;
}

static void put(out *o, const char *s, size_t n)
{
    if (o->len + n > OUT_CAP) flush(o);
    if (n > OUT_CAP) {
        fwrite(s, 1, n, o->fp);
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

static void putnum(out *o, unsigned long v)
{
    char tmp[24];
    int i = sizeof tmp;
    do tmp[--i] = (char)('0' + v % 10); while ((v /= 10) && i > 0);
    put(o, tmp + i, sizeof tmp - (size_t)i);
}

/* A double-quoted YAML scalar: only \ and " need escaping (no control characters here). */
static void putq(out *o, const char *s)
{
    put(o, "\"", 1);
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, "\\\"");
        put(o, p, n);
        p += n;
        if (*p) {
            char e[2] = {'\\', *p++};
            put(o, e, 2);
        }
    }
    put(o, "\"", 1);
}

/* Plain when a YAML reader keeps it a string (letters, digits, space, - . _), else quoted. */
static void putv(out *o, const char *s)
{
    int plain = *s && strchr("-. ", *s) == NULL;
    int typed = 1;
    for (const char *p = s; *p && plain; p++) {
        unsigned char c = (unsigned char)*p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr(" -._", c)))
            plain = 0;
        if (!strchr("0123456789+-._:eExXoObB", c)) typed = 0;
    }
    if (plain && !typed && s[strlen(s) - 1] != ' ') puts_(o, s);
    else putq(o, s);
}

/* ---- the model ---- */

typedef struct vocab {
    const char **venues; size_t n_venues;     /* in Zipf rank order, unknown ones mixed into the tail */
    const char **alias;                       /* an alias of each venue, or NULL */
    const char **topics; size_t n_topics;
    const char **section;                     /* a section heading meaning each topic */
    const char **lists; size_t n_lists;
} vocab;

#define YEAR0 2000
#define NYEARS 25
#define N_UNKNOWN_VENUES 40
#define N_LISTS 60
#define RECENT 8192

static void load_vocab(vocab *v, lit_venues *vs, lit_topics *ts, const char *vpath, const char *tpath,
                       lit_arena *a)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    d.quiet = 1;
    size_t nk = 0;
    const char **known = NULL, **alias = NULL;
    if (vpath && lit_venues_load(vs, vpath, &d) == 0 && vs->n) {
        nk = vs->n;
        known = lit_xcalloc(nk, sizeof *known);
        alias = lit_xcalloc(nk, sizeof *alias);
        for (size_t i = 0; i < nk; i++) {
            known[i] = vs->v[i].id;
            alias[i] = vs->v[i].n_aliases ? vs->v[i].aliases[0] : NULL;
        }
    } else {
        nk = sizeof builtin_venues / sizeof builtin_venues[0];
        known = lit_xcalloc(nk, sizeof *known);
        alias = lit_xcalloc(nk, sizeof *alias);
        memcpy(known, builtin_venues, sizeof builtin_venues);
    }
    /* Rank order: the built-in list is roughly by popularity in ML-systems lists;
     * venues it lacks follow in file order. */
    size_t *rank = lit_xcalloc(nk, sizeof *rank);
    const size_t nb = sizeof builtin_venues / sizeof builtin_venues[0];
    for (size_t i = 0; i < nk; i++) {
        rank[i] = nb + i;
        for (size_t j = 0; j < nb; j++)
            if (strcmp(known[i], builtin_venues[j]) == 0) rank[i] = j;
    }
    for (size_t i = 1; i < nk; i++) /* insertion sort: stable, 60 entries */
        for (size_t j = i; j > 0 && rank[j - 1] > rank[j]; j--) {
            size_t r = rank[j]; rank[j] = rank[j - 1]; rank[j - 1] = r;
            const char *t = known[j]; known[j] = known[j - 1]; known[j - 1] = t;
            t = alias[j]; alias[j] = alias[j - 1]; alias[j - 1] = t;
        }
    free(rank);
    /* Unknown venues (workshops nobody has added yet) interleave with the tail. */
    v->n_venues = nk + N_UNKNOWN_VENUES;
    v->venues = lit_xcalloc(v->n_venues, sizeof *v->venues);
    v->alias = lit_xcalloc(v->n_venues, sizeof *v->alias);
    size_t k = 0, u = 0;
    for (size_t i = 0; i < v->n_venues; i++) {
        int unknown = k >= nk || (i >= nk / 3 && u < N_UNKNOWN_VENUES && i % 3 == 0);
        if (unknown) {
            static const char *const stem[] = {"WS", "Symp", "IW", "Conf", "HotX", "Trans"};
            v->venues[i] = lit_arena_printf(a, "%s%s%02zu", stem[u % 6], u % 2 ? "-ML" : "Sys", u);
            u++;
        } else {
            v->venues[i] = known[k];
            v->alias[i] = alias[k];
            k++;
        }
    }
    v->n_venues = k + u;
    free(known);
    free(alias);

    if (tpath && lit_topics_load(ts, tpath, &d) == 0 && ts->n) {
        v->n_topics = ts->n;
        v->topics = lit_xcalloc(ts->n, sizeof *v->topics);
        v->section = lit_xcalloc(ts->n, sizeof *v->section);
        for (size_t i = 0; i < ts->n; i++) {
            v->topics[i] = ts->t[i].id;
            v->section[i] = ts->t[i].n_aliases ? ts->t[i].aliases[below(ts->t[i].n_aliases)] : ts->t[i].label;
        }
    } else {
        v->n_topics = sizeof builtin_topics / sizeof builtin_topics[0];
        v->topics = lit_xcalloc(v->n_topics, sizeof *v->topics);
        v->section = lit_xcalloc(v->n_topics, sizeof *v->section);
        for (size_t i = 0; i < v->n_topics; i++) {
            v->topics[i] = builtin_topics[i];
            v->section[i] = builtin_topics[i];
        }
    }
    v->n_lists = N_LISTS;
    v->lists = lit_xcalloc(N_LISTS, sizeof *v->lists);
    for (size_t i = 0; i < N_LISTS; i++)
        v->lists[i] = i % 4 == 3 ? lit_arena_printf(a, "awesome-%02zu.md", i)
                                 : lit_arena_printf(a, "%03zu_%08llx.txt", i, (unsigned long long)(rnd() >> 32));
}

static void lower_alnum(lit_buf *b, const char *s, size_t max)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < max; p++) {
        if (*p >= 'A' && *p <= 'Z') { lit_buf_addc(b, (char)(*p - 'A' + 'a')); n++; }
        else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) { lit_buf_addc(b, (char)*p); n++; }
    }
}

static void make_title(lit_buf *t, const char *shortname)
{
    lit_buf_reset(t);
    if (shortname) lit_buf_printf(t, "%s: ", shortname);
    switch (below(4)) {
    case 0: lit_buf_printf(t, "%s %s for %s", PICK(adjs), PICK(nouns), PICK(domains)); break;
    case 1: lit_buf_printf(t, "Towards %s %s in %s", PICK(adjs), PICK(nouns), PICK(domains)); break;
    case 2: lit_buf_printf(t, "%s %s with %s", PICK(adjs), PICK(domains), PICK(nouns)); break;
    default: lit_buf_printf(t, "Rethinking %s for %s", PICK(nouns), PICK(domains)); break;
    }
    lit_buf_adds(t, PICK(methods));
    lit_buf_adds(t, PICK(hardware));
    if (chance(0.08)) lit_buf_adds(t, PICK(specials));
}

/* A near-duplicate of an earlier title: what two lists make of the same paper. */
static void vary_title(lit_buf *t, const char *orig)
{
    lit_buf_reset(t);
    const char *colon = strstr(orig, ": ");
    switch (below(4)) {
    case 0: /* "(Short) Rest" or the rest alone */
        if (colon) {
            if (chance(0.5)) lit_buf_printf(t, "(%.*s) %s", (int)(colon - orig), orig, colon + 2);
            else lit_buf_adds(t, colon + 2);
            break;
        }
        /* fall through */
    case 1: /* case and punctuation */
        for (const char *p = orig; *p; p++) {
            char c = *p;
            if (c >= 'A' && c <= 'Z' && chance(0.5)) c = (char)(c - 'A' + 'a');
            if (c == '-') c = ' ';
            lit_buf_addc(t, c);
        }
        break;
    case 2: lit_buf_printf(t, "%s (Extended Version)", orig); break;
    default: lit_buf_printf(t, "%s.", orig); break;
    }
}

/* K keyword topic ids ("graph-neural-networks-17"), in Zipf rank order. */
static void keyword_topics(vocab *v, size_t k, lit_arena *a)
{
    static const char *const w1[] = {"graph", "neural", "sparse", "federated", "contrastive", "robust", "causal",
                                     "diffusion", "few-shot", "multimodal", "adversarial", "efficient", "online"};
    static const char *const w2[] = {"learning", "networks", "inference", "optimization", "retrieval", "attention",
                                     "segmentation", "reasoning", "generation", "detection", "compression"};
    free(v->topics);
    free(v->section);
    v->n_topics = k;
    v->topics = lit_xcalloc(k, sizeof *v->topics);
    v->section = lit_xcalloc(k, sizeof *v->section);
    for (size_t i = 0; i < k; i++) {
        const char *a1 = w1[i % 13], *a2 = w2[(i / 13) % 11];
        v->topics[i] = i < 143 ? lit_arena_printf(a, "%s-%s", a1, a2) : lit_arena_printf(a, "%s-%s-%zu", a1, a2, i / 143);
        v->section[i] = v->topics[i];
    }
}

int main(int argc, char **argv)
{
    uint64_t seed = 20240601;
    size_t keywords = 0;
    double unknown_share = 0;
    const char *vpath = "data/venues.yaml", *tpath = "data/topics.yaml", *opath = "-";
    static const struct option longopts[] = {
        {"seed", required_argument, 0, 's'}, {"venues", required_argument, 0, 'V'},
        {"topics", required_argument, 0, 'T'}, {"output", required_argument, 0, 'o'},
        {"keywords", required_argument, 0, 'K'}, {"unknown-venues", required_argument, 0, 'U'}, {0, 0, 0, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "s:o:", longopts, NULL)) != -1) {
        switch (opt) {
        case 's': seed = strtoull(optarg, NULL, 10); break;
        case 'V': vpath = optarg; break;
        case 'T': tpath = optarg; break;
        case 'o': opath = optarg; break;
        case 'K': keywords = strtoul(optarg, NULL, 10); break;
        case 'U': unknown_share = strtod(optarg, NULL) / 100; break;
        default:
            fprintf(stderr, "usage: gen_catalog [-s SEED] [--venues FILE] [--topics FILE] [--keywords K] [--unknown-venues PCT] [-o FILE] N\n");
            return 2;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "usage: gen_catalog [-s SEED] [--venues FILE] [--topics FILE] [--keywords K] [--unknown-venues PCT] [-o FILE] N\n");
        return 2;
    }
    char *end;
    unsigned long long n = strtoull(argv[optind], &end, 10);
    if (*end == 'k' || *end == 'K') { n *= 1000; end++; }
    else if (*end == 'm' || *end == 'M') { n *= 1000000; end++; }
    if (*end || n > 100000000ULL) {
        fprintf(stderr, "gen_catalog: bad size '%s' (a count such as 500, 10k, 1M)\n", argv[optind]);
        return 2;
    }
    rng_state = seed;

    lit_arena arena = {0};
    lit_venues vs = {0};
    lit_topics ts = {0};
    vocab v = {0};
    load_vocab(&v, &vs, &ts, vpath, tpath, &arena);
    if (keywords) keyword_topics(&v, keywords, &arena);

    /* Venues: Zipf with s = 1.1 over the rank order. */
    double *w = lit_xcalloc(v.n_venues + NYEARS + v.n_topics, sizeof *w);
    wtab venue_t, year_t, list_t;
    for (size_t i = 0; i < v.n_venues; i++) w[i] = 1.0 / pow((double)(i + 1), 1.1);
    wtab_init(&venue_t, w, v.n_venues);
    /* Years: about 17% more papers every year. */
    for (size_t y = 0; y < NYEARS; y++) w[y] = exp(0.16 * (double)y);
    wtab_init(&year_t, w, NYEARS);
    for (size_t i = 0; i < v.n_lists; i++) w[i] = 1.0 / pow((double)(i + 1), 0.8);
    wtab_init(&list_t, w, v.n_lists);
    /* Topics: each peaks at its own year with its own spread and weight. */
    wtab topic_t[NYEARS];
    double *peak = lit_xcalloc(v.n_topics, sizeof *peak), *spread = lit_xcalloc(v.n_topics, sizeof *spread);
    double *base = lit_xcalloc(v.n_topics, sizeof *base);
    for (size_t t = 0; t < v.n_topics; t++) {
        peak[t] = 2003.0 + 21.0 * (double)t / (double)(v.n_topics > 1 ? v.n_topics - 1 : 1) + 4 * (unit() - 0.5);
        spread[t] = 2.5 + 4.0 * unit();
        base[t] = keywords ? 1.0 / pow((double)(t + 1), 0.9) : 0.3 + unit();
    }
    for (size_t y = 0; y < NYEARS; y++) {
        for (size_t t = 0; t < v.n_topics; t++) {
            double dy = (double)(YEAR0 + y) - peak[t];
            /* keywords keep their Zipf weight in every year (a flat floor would make
             * thousands of them equally rare); a section topic rises and falls */
            double g = exp(-dy * dy / (2 * spread[t] * spread[t]));
            w[t] = keywords ? base[t] * (g + 0.2) : base[t] * g + 0.01;
        }
        wtab_init(&topic_t[y], w, v.n_topics);
    }

    out o = {stdout, lit_xmalloc(OUT_CAP), 0};
    if (strcmp(opath, "-") != 0 && !(o.fp = fopen(opath, "wb"))) {
        perror(opath);
        return 3;
    }
    puts_(&o, "# synthetic catalog written by tests/tools/gen_catalog (benchmarks only)\npapers:\n");

    lit_buf title = LIT_BUF_INIT, key = LIT_BUF_INIT, sname = LIT_BUF_INIT;
    char **recent = lit_xcalloc(RECENT, sizeof *recent);
    int *recent_v = lit_xcalloc(RECENT, sizeof *recent_v), *recent_y = lit_xcalloc(RECENT, sizeof *recent_y);
    size_t n_recent = 0;
    for (unsigned long long i = 0; i < n; i++) {
        int vi = chance(0.04) ? -1 : (int)wtab_pick(&venue_t);
        int year = chance(0.03) ? 0 : YEAR0 + (int)wtab_pick(&year_t);
        int dup = n_recent > 16 && chance(0.02);
        const char *shortname = NULL;
        lit_buf_reset(&sname);
        if (dup) {
            size_t r = below(n_recent < RECENT ? n_recent : RECENT);
            vary_title(&title, recent[r]);
            /* the preprint of a published paper, or the same paper in another list */
            if (chance(0.5)) { vi = 0; year = recent_y[r] > YEAR0 ? recent_y[r] - 1 : recent_y[r]; }
            else { vi = recent_v[r]; year = recent_y[r]; }
            const char *colon = strstr(lit_buf_str(&title), ": ");
            if (colon && colon - lit_buf_str(&title) < 40) {
                lit_buf_add(&sname, lit_buf_str(&title), (size_t)(colon - lit_buf_str(&title)));
                shortname = lit_buf_str(&sname);
            }
        } else {
            if (chance(0.6)) {
                /* about 100,000 distinct names: system names rarely repeat */
                lit_buf_printf(&sname, "%s%s%s", PICK(syl1), PICK(syl2), PICK(syl3));
                if (chance(0.25)) lit_buf_printf(&sname, "-%d", 2 + (int)below(8));
                else if (chance(0.03)) lit_buf_adds(&sname, "++");
                shortname = lit_buf_str(&sname);
            }
            make_title(&title, shortname);
            size_t slot = n_recent % RECENT;
            free(recent[slot]);
            recent[slot] = lit_xstrdup(lit_buf_str(&title));
            recent_v[slot] = vi;
            recent_y[slot] = year;
            n_recent++;
        }
        const char *venue = vi >= 0 ? v.venues[vi] : NULL;
        if (venue && v.alias[vi] && chance(0.05)) venue = v.alias[vi];
        char unknown_venue[48];
        if (venue && unknown_share > 0 && chance(unknown_share)) {   /* a long Zipf tail of venues nobody added */
            snprintf(unknown_venue, sizeof unknown_venue, "%s Workshop %u", PICK(syl1), (unsigned)(below(40) * below(40)));
            venue = unknown_venue;
        }

        lit_buf_reset(&key);
        lower_alnum(&key, shortname ? shortname : lit_buf_str(&title), 12);
        lit_buf_addc(&key, '-');
        if (venue) lower_alnum(&key, venue, 12);
        if (year) lit_buf_printf(&key, "%02d", year % 100);
        lit_buf_printf(&key, "-%llx", i);

        puts_(&o, "- key: ");
        puts_(&o, lit_buf_str(&key));
        puts_(&o, "\n  title: ");
        putq(&o, lit_buf_str(&title));
        if (shortname) {
            puts_(&o, "\n  short: ");
            putv(&o, shortname);
        }
        if (chance(0.1)) {
            puts_(&o, "\n  authors: [");
            size_t na = 1 + below(5);
            for (size_t a = 0; a < na; a++) {
                if (a) puts_(&o, ", ");
                lit_buf_reset(&title);
                lit_buf_printf(&title, "%s %s", PICK(first_names), PICK(last_names));
                putv(&o, lit_buf_str(&title));
            }
            puts_(&o, "]");
        }
        if (venue) {
            puts_(&o, "\n  venue: ");
            putv(&o, venue);
        }
        int is_arxiv = venue && strcmp(venue, "arXiv") == 0;
        char arxiv_id[32] = "";
        if (year) {
            puts_(&o, "\n  year: ");
            putnum(&o, (unsigned long)year);
            if (is_arxiv && year >= 2007)
                snprintf(arxiv_id, sizeof arxiv_id, "%02d%02d.%05u", year % 100, 1 + (int)below(12), (unsigned)below(20000));
            if (arxiv_id[0] && chance(0.5)) puts_(&o, "\n  year_inferred: true");
        }
        if (chance(0.05)) {
            puts_(&o, "\n  doi: \"10.1145/");
            putnum(&o, 3300000 + below(99999));
            puts_(&o, ".");
            putnum(&o, below(9999999));
            puts_(&o, "\"");
        }
        if (arxiv_id[0]) {
            puts_(&o, "\n  arxiv: \"");
            puts_(&o, arxiv_id);
            puts_(&o, "\"");
        }
        size_t t0 = 0;
        if (!chance(0.02)) {
            size_t nt = chance(0.6) ? 1 : chance(0.75) ? 2 : 3;
            const wtab *tt = &topic_t[year ? year - YEAR0 : 18];
            size_t picked[3];
            puts_(&o, "\n  topics: [");
            for (size_t k = 0; k < nt; k++) {
                size_t t = wtab_pick(tt), tries = 0;
                for (size_t j = 0; j < k; j++)
                    if (picked[j] == t && tries++ < 8) { t = wtab_pick(tt); j = (size_t)-1; }
                picked[k] = t;
                if (k) puts_(&o, ", ");
                if (chance(0.003)) {
                    puts_(&o, "unsorted-");
                    putnum(&o, below(5));
                } else {
                    puts_(&o, v.topics[t]);
                }
            }
            puts_(&o, "]");
            t0 = picked[0];
        }
        /* links */
        int lp = chance(0.75), lc = chance(0.3), ls = chance(0.08), lt = chance(0.04);
        if (lp || lc || ls || lt) {
            puts_(&o, "\n  links: {");
            const char *sep = "";
            if (lp) {
                puts_(&o, "paper: \"");
                if (arxiv_id[0]) {
                    puts_(&o, "https://arxiv.org/abs/");
                    puts_(&o, arxiv_id);
                } else {
                    puts_(&o, "https://example.org/papers/");
                    puts_(&o, lit_buf_str(&key));
                    puts_(&o, chance(0.1) ? ".pdf?dl=1&v=2" : ".pdf");
                }
                puts_(&o, "\"");
                sep = ", ";
            }
            if (lc) {
                puts_(&o, sep);
                puts_(&o, "code: \"https://github.com/");
                puts_(&o, PICK(orgs));
                puts_(&o, "/");
                lit_buf_reset(&title);
                lower_alnum(&title, shortname ? shortname : "project", 24);
                puts_(&o, lit_buf_str(&title));
                puts_(&o, "\"");
                sep = ", ";
            }
            if (ls) {
                puts_(&o, sep);
                puts_(&o, "slides: \"https://example.org/slides/");
                putnum(&o, i);
                puts_(&o, "%20final.pdf\"");
                sep = ", ";
            }
            if (lt) {
                puts_(&o, sep);
                puts_(&o, "talk: \"https://www.youtube.com/watch?v=");
                for (int c = 0; c < 11; c++) {
                    char ch = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"[below(64)];
                    put(&o, &ch, 1);
                }
                puts_(&o, "\"");
            }
            puts_(&o, "}");
        }
        size_t ns = chance(0.75) ? 1 : chance(0.8) ? 2 : 3;
        puts_(&o, "\n  sources:");
        for (size_t k = 0; k < ns; k++) {
            puts_(&o, "\n  - {list: ");
            puts_(&o, v.lists[wtab_pick(&list_t)]);
            puts_(&o, ", line: ");
            putnum(&o, 1 + below(3000));
            if (chance(0.5)) {
                puts_(&o, ", section: ");
                putv(&o, v.section[t0]);
            }
            puts_(&o, "}");
        }
        if (chance(0.01)) {
            puts_(&o, "\n  notes: ");
            putq(&o, PICK(notes));
            puts_(&o, "\n  status: done");
        }
        puts_(&o, "\n");
    }
    flush(&o);
    int rc = 0;
    if (o.fp != stdout ? fclose(o.fp) != 0 : fflush(stdout) != 0) {
        perror(opath);
        rc = 3;
    }
    for (size_t i = 0; i < RECENT; i++) free(recent[i]);
    free(recent); free(recent_v); free(recent_y);
    for (size_t y = 0; y < NYEARS; y++) free(topic_t[y].cum);
    free(venue_t.cum); free(year_t.cum); free(list_t.cum);
    free(w); free(peak); free(spread); free(base); free(o.buf);
    free(v.venues); free(v.alias); free(v.topics); free(v.section); free(v.lists);
    lit_buf_free(&title); lit_buf_free(&key); lit_buf_free(&sname);
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    lit_arena_free(&arena);
    return rc;
}
