/* test_topics.c - topics.yaml: ids, labels, short labels, parents, aliases, and located errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "topics.h"
#include "venues.h"

/* Loads text as topics.yaml into ts; returns the status and the first line of the
 * messages in msg, from the file name on. ts is loaded only when the status is 0. */
static int load_text(const char *text, char *msg, size_t cap, lit_topics *ts)
{
    char *path = check_write_tmp("t.yaml", text);
    if (!path) return -99;
    char *buf = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    lit_diag d;
    lit_diag_init(&d, err);
    int rc = lit_topics_load(ts, path, &d);
    fclose(err);
    const char *m = buf ? buf : "";
    const char *base = strstr(m, "t.yaml");
    snprintf(msg, cap, "%s", base ? base : m);
    char *nl = strchr(msg, '\n');
    if (nl) *nl = 0;
    free(buf);
    if (rc != 0) lit_topics_free(ts);
    check_remove_tmp(path);
    return rc;
}

/* Loads text expecting an error that starts with want. */
static int fails_with(const char *text, const char *want)
{
    char msg[512];
    lit_topics ts;
    int rc = load_text(text, msg, sizeof msg, &ts);
    if (rc == 0) lit_topics_free(&ts);
    int ok = rc != 0 && strncmp(msg, want, strlen(want)) == 0;
    if (!ok) printf("#   got (%d): %s\n#   expected: %s\n", rc, msg, want);
    return ok;
}

/* The topic id a heading matches in ts, or "-". */
static const char *match(const lit_topics *ts, const char *heading)
{
    int t = lit_topics_match(ts, heading);
    return t >= 0 ? ts->t[t].id : "-";
}

/* Section headings to topics: each rule of topics.h on a small taxonomy, then an import. */
static int test_headings(void)
{
    char msg[512];
    lit_topics ts;
    if (load_text("topics:\n"
                  "  - id: sched\n"
                  "    label: Cluster scheduling\n"
                  "    aliases: [Resource Schedule]\n"
                  "  - id: training\n"
                  "    label: Distributed training\n"
                  "  - id: model-par\n"
                  "    label: Model parallelism\n"
                  "    parent: training\n"
                  "  - id: inference\n"
                  "    label: Serving and inference\n"
                  "    aliases: [Inference]\n"
                  "  - id: memory\n"
                  "    label: Memory Management\n"
                  "  - id: recsys\n"
                  "    label: Recommendation\n"
                  "  - id: compression\n"
                  "    aliases: [Quantization]\n"
                  "  - id: misc\n"
                  "    aliases: [Others]\n"
                  "  - id: debugging\n"
                  "    label: Testing and debugging\n"
                  "  - id: classic\n"
                  "    aliases: [Traditional ML]\n",
                  msg, sizeof msg, &ts) != 0) {
        CHECK(!"the taxonomy loads");
        return 1;
    }
    /* by name, ignoring case and punctuation */
    CHECK_STR(match(&ts, "RESOURCE-SCHEDULE"), "sched");
    /* rules 1-2: emoji, case, punctuation; rule 3: section numbers */
    CHECK_STR(match(&ts, "\xf0\x9f\x93\x96 2.1 resource/schedule"), "sched");
    /* rule 4: stop words (connectives, list words, qualifiers) */
    CHECK_STR(match(&ts, "Inference System"), "inference");
    CHECK_STR(match(&ts, "Papers on LLM Inference"), "inference");
    /* rule 5: plurals, -ing, -ion, -e, doubled consonants */
    CHECK_STR(match(&ts, "Resource scheduling"), "sched");
    CHECK_STR(match(&ts, "Quantizing"), "compression");
    CHECK_STR(match(&ts, "Debugging & Testing"), "debugging");
    CHECK_STR(match(&ts, "Distributed Trainings"), "training");
    /* rule 6: word order, '&' and 'and' */
    CHECK_STR(match(&ts, "Scheduling of Resources"), "sched");
    CHECK_STR(match(&ts, "Training, Distributed"), "training");
    /* weak words may be added; other words may not */
    CHECK_STR(match(&ts, "GPU Memory Management & Optimization"), "memory");
    CHECK_STR(match(&ts, "Efficient Inference"), "inference");
    CHECK_STR(match(&ts, "Index Recommendation"), "-");
    CHECK_STR(match(&ts, "Multi-Modal Inference"), "-");
    /* names of a topic and its ancestors cover the heading: the deepest wins */
    CHECK_STR(match(&ts, "Training (Model Parallelism)"), "model-par");
    /* topics side by side: no match */
    CHECK_STR(match(&ts, "Quantized Inference"), "-");
    /* a heading of stop words only, or too many words, is no match */
    CHECK_STR(match(&ts, "ML Systems"), "-");
    /* a name keeps its qualifiers: "Traditional" is not "Traditional ML" */
    CHECK_STR(match(&ts, "Traditional"), "-");
    CHECK_STR(match(&ts, "Traditional ML Systems"), "classic");
    CHECK_STR(match(&ts, "a b c d e f g h i j k l m n o p q r s t u v w x y z Inference"), "-");

    lit_venues vs;
    lit_diag d;
    lit_diag_init(&d, stderr);
    CHECK(lit_venues_load(&vs, "data/venues.yaml", &d) == 0);
    static const char *const never[] = {"Contents", "Table of Contents", "Contributing", "License",
        "Acknowledgements", "Citation", "Related Repos", "Papers", "Paper List", "2023", "OSDI 2022",
        "OSDI'22", "MLSys", "General", "CCS 2024", "Others 2020", "Fuzzing in \xe2\x80\x99" "20", "Recent Papers (from most recent to oldest)", "\xf0\x9f\x93\x96"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
        char what[128];
        snprintf(what, sizeof what, "'%s' is never a topic", never[i]);
        check_(lit_heading_never_topic(&vs, never[i]), what, __FILE__, __LINE__);
    }
    CHECK(!lit_heading_never_topic(&vs, "Surveys"));
    CHECK(!lit_heading_never_topic(&vs, "Data formats"));
    CHECK(!lit_heading_never_topic(&vs, "3D Parallelism"));

    /* an import: loose matches, new topics under their parent's topic, catch-alls, titles */
    lit_topic_import ti;
    lit_topic_import_init(&ti, &ts, &vs);
    const char *h1[] = {"Awesome Systems Papers", "Data Processing", "1.1 Data formats"};
    int t = lit_topic_import_paper(&ti, h1, 3, 0, h1[0]);
    CHECK(t >= 0);
    if (t >= 0) {
        CHECK_STR(ts.t[t].id, "data-formats");
        CHECK_STR(ts.t[t].label, "Data formats");
        CHECK_STR(ts.t[t].parent, "data-processing");
        CHECK_INT(ts.t[ts.t[t].parent_ix].parent_ix, -1);
    }
    const char *h2[] = {"Awesome Systems Papers", "Data Processing", "Others"};
    t = lit_topic_import_paper(&ti, h2, 3, 0, h2[0]);
    CHECK_STR(t >= 0 ? ts.t[t].id : "-", "data-processing");
    const char *h3[] = {"Others"};
    t = lit_topic_import_paper(&ti, h3, 1, -1, NULL);
    CHECK_STR(t >= 0 ? ts.t[t].id : "-", "misc");
    const char *h4[] = {"Inference System", "OSDI 2022"};
    t = lit_topic_import_paper(&ti, h4, 2, -1, NULL);
    CHECK_STR(t >= 0 ? ts.t[t].id : "-", "inference");
    /* the same heading elsewhere: the same topic; an id already taken gets a number */
    t = lit_topic_import_paper(&ti, h1 + 2, 1, -1, NULL);
    CHECK_STR(t >= 0 ? ts.t[t].id : "-", "data-formats");
    const char *h5[] = {"Data-Formats!"};
    CHECK_INT(lit_topic_import_paper(&ti, h5, 1, -1, NULL), lit_topics_find(&ts, "data-formats"));
    const char *h6[] = {"Scheduling Heterogeneous Clusters of Accelerators for Training Jobs",
                        "Scheduling Heterogeneous Clusters of Accelerators for Inference Jobs"};
    lit_topic_import_paper(&ti, h6, 1, -1, NULL);
    t = lit_topic_import_paper(&ti, h6 + 1, 1, -1, NULL);
    CHECK_STR(t >= 0 ? ts.t[t].id : "-", "scheduling-heterogeneous-clusters-of-accelerator-2");
    /* a title: a topic only when no heading gives one, without its list words */
    const char *h7[] = {"Awesome GUI Agent Paper List", "Recent Papers"};
    t = lit_topic_import_paper(&ti, h7, 2, 0, h7[0]);
    CHECK_STR(t >= 0 ? ts.t[t].label : "-", "GUI Agent");
    const char *h8[] = {"Awesome GUI Agent Paper List", "Browsers"};
    t = lit_topic_import_paper(&ti, h8, 2, 0, h8[0]);
    CHECK(t >= 0 && ts.t[t].parent_ix < 0);
    /* a heading shaped like a paper's title is no new topic: its parent's topic */
    const char *h10[] = {"Sensing", "Neo: A Learned Query Optimizer"};
    t = lit_topic_import_paper(&ti, h10, 2, -1, NULL);
    CHECK_STR(t >= 0 ? ts.t[t].id : "-", "sensing");
    const char *h11[] = {"How Good Are Query Optimizers, Really?"};
    CHECK_INT(lit_topic_import_paper(&ti, h11, 1, -1, NULL), -1);
    const char *h12[] = {"Awesome-Cloud-Resource-Management-Papers", "2021"};
    t = lit_topic_import_paper(&ti, h12, 2, 0, h12[0]);
    CHECK_STR(t >= 0 ? ts.t[t].label : "-", "Cloud Resource Management");
    /* a title that says nothing: no topic */
    const char *h9[] = {"Awesome LLM Systems Papers", "2023"};
    CHECK_INT(lit_topic_import_paper(&ti, h9, 2, 0, h9[0]), -1);
    size_t loose = 0, made = 0;
    for (size_t i = 0; i < ti.n_notes; i++) {
        loose += ti.notes[i].how == 'l';
        made += ti.notes[i].how == 'n';
    }
    CHECK_INT(loose, 1);   /* Inference System */
    CHECK_INT(made, 6);    /* Data Processing, Data formats, the two long ones, Browsers, Sensing */
    lit_topic_import_free(&ti);
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return CHECK_DONE();
}

int main(void)
{
    char msg[512];
    lit_topics ts;

    /* short is optional; the label defaults to the id */
    CHECK(load_text("topics:\n"
                    "  - id: sched\n"
                    "    label: Cluster scheduling and resource management\n"
                    "    short: Cluster scheduling\n"
                    "    aliases: [Resource Schedule]\n"
                    "  - id: gpu\n"
                    "    parent: sched\n"
                    "  - id: serving\n"
                    "    short: \"Serving\"\n",
                    msg, sizeof msg, &ts) == 0);
    CHECK_INT(ts.n, 3);
    CHECK_STR(ts.t[0].label, "Cluster scheduling and resource management");
    CHECK_STR(ts.t[0].short_label, "Cluster scheduling");
    CHECK(ts.t[1].short_label == NULL);
    CHECK_STR(ts.t[1].label, "gpu");
    CHECK_INT(ts.t[1].parent_ix, 0);
    CHECK_STR(ts.t[2].short_label, "Serving");
    CHECK_STR(ts.t[2].label, "serving");
    /* a short label names its topic, like the label and the aliases */
    CHECK_INT(lit_topics_find(&ts, "cluster-scheduling"), 0);
    CHECK_INT(lit_topics_find(&ts, "Resource schedule"), 0);
    CHECK_INT(lit_topics_find(&ts, "SERVING"), 2);
    lit_topics_free(&ts);

    /* a short label that is also an alias of its own topic is fine */
    CHECK(load_text("topics:\n  - id: comm\n    label: Communication and networking\n"
                    "    short: Communication\n    aliases: [Communication]\n", msg, sizeof msg, &ts) == 0);
    lit_topics_free(&ts);

    /* errors are located at the value: FILE:LINE:COL */
    CHECK(fails_with("topics:\n  - id: a\n    short: \"\"\n",
                     "t.yaml:3:12: error: 'short' is empty (leave it out when the label is short enough)"));
    CHECK(fails_with("topics:\n  - id: a\n    short:\n    label: A\n", "t.yaml:3:11: error: 'short' is empty"));
    CHECK(fails_with("topics:\n  - id: a\n    short: ~\n", "t.yaml:3:12: error: 'short' is empty"));
    CHECK(fails_with("topics:\n  - id: a\n    short: [A, B]\n", "t.yaml:3:12: error: expected a string, found a list"));
    CHECK(fails_with("topics:\n  - id: a\n    short: {x: 1}\n", "t.yaml:3:12: error: expected a string, found a mapping"));
    CHECK(fails_with("topics:\n  - id: a\n    short: A\n    short: B\n", "t.yaml:4:5: error: "));
    /* a short label must name its own topic only (the chart rows would be ambiguous) */
    CHECK(fails_with("topics:\n  - id: a\n    label: Alpha\n  - id: b\n    label: Beta\n    short: alpha\n",
                     "t.yaml:4:5: error: 'alpha' already names topic 'a'"));
    CHECK(fails_with("topics:\n  - id: a\n    short: One\n  - id: b\n    short: one\n",
                     "t.yaml:4:5: error: 'one' already names topic 'a'"));
    CHECK(fails_with("topics:\n  - id: a\n    short: \"--\"\n", "t.yaml:2:5: error: '--' has no letters or digits"));
    /* unknown keys are still errors (at their value, as before); the message lists short */
    CHECK(fails_with("topics:\n  - id: a\n    shortname: A\n",
                     "t.yaml:3:16: error: unknown key 'shortname' (id, label, short, parent, aliases)"));

    /* the shipped taxonomy: short labels where labels are long, each shorter than its
     * label and naming its own topic; labels and short labels all tell topics apart */
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (lit_topics_load(&ts, "data/topics.yaml", &d) != 0) {
        CHECK(!"data/topics.yaml loads (run from the project root)");
        return CHECK_DONE();
    }
    int sched = lit_topics_find(&ts, "scheduling");
    CHECK(sched >= 0);
    if (sched >= 0) CHECK_STR(ts.t[sched].short_label, "Cluster scheduling");
    size_t n_short = 0, same = 0;
    for (size_t i = 0; i < ts.n; i++) {
        const lit_topic *t = &ts.t[i];
        if (strlen(t->label) > 24) {
            char what[128];
            snprintf(what, sizeof what, "'%s' has a short label", t->label);
            check_(t->short_label != NULL, what, __FILE__, __LINE__);
        }
        if (!t->short_label) continue;
        n_short++;
        CHECK(strlen(t->short_label) < strlen(t->label));
        CHECK_INT(lit_topics_find(&ts, t->short_label), (long long)i);
        for (size_t j = 0; j < ts.n; j++)
            if (j != i && (strcmp(t->short_label, ts.t[j].label) == 0 ||
                           (ts.t[j].short_label && strcmp(t->short_label, ts.t[j].short_label) == 0))) {
                printf("#   '%s' is also topic '%s'\n", t->short_label, ts.t[j].id);
                same++;
            }
    }
    CHECK_INT(same, 0);
    CHECK(n_short >= 8);
    lit_topics_free(&ts);
    return test_headings() || CHECK_DONE();
}
