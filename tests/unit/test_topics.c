/* test_topics.c - topics.yaml: ids, labels, short labels, parents, aliases, and located errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "topics.h"

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
    return CHECK_DONE();
}
