/* test_import_md.c - the list importer: entry forms (tags, years, links, names, authors), structure, and located errors. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "import.h"

static lit_venues vs;
static lit_topics ts;
static char msgs[8192];   /* the diagnostics of the last import */

enum mode { DEFAULT, STRICT, LENIENT };

static int import_as(lit_catalog *cat, const char *name, const char *src, size_t len, enum mode m)
{
    char *buf = NULL;
    size_t blen = 0;
    FILE *f = open_memstream(&buf, &blen);
    lit_diag d;
    lit_diag_init(&d, f);
    lit_import_opts o = {.venues = &vs, .topics = &ts, .strict = m == STRICT, .lenient = m == LENIENT};
    int rc = lit_import_list(cat, name, src, len, &o, &d);
    fclose(f);
    snprintf(msgs, sizeof msgs, "%s", buf ? buf : "");
    free(buf);
    return rc;
}

static int import_str(lit_catalog *cat, const char *src)
{
    return import_as(cat, "lists/t.md", src, strlen(src), DEFAULT);
}

static const char *link_of(const lit_paper *p, const char *kind)
{
    for (uint32_t i = 0; i < p->n_links; i++)
        if (!strcmp(p->links[i].kind, kind)) return p->links[i].url;
    return NULL;
}

/* One entry, one expected paper: the forms lists write titles, venues and years in. */
struct entry_case {
    const char *src;
    const char *title, *short_name, *venue;
    int year;
    bool inferred;
};

static const struct entry_case entries[] = {
    /* tag forms of real lists: a workshop the table lacks is kept as written, a note in the
     * tag or after it is not the venue, a month is not a venue, a date gives the year */
    {"- [NAIC @ SIGCOMM'24] [Eloquent: A More Robust Transmission Scheme for LLM Token Streaming](https://dl.acm.org/doi/10.1145/1)\n",
     "Eloquent: A More Robust Transmission Scheme for LLM Token Streaming", "Eloquent", "NAIC", 2024, false},
    {"- [CPAL'24 (PMLR)] [Jaxpruner: A Concise Library for Sparsity Research](https://proceedings.mlr.press/v234/lee24a.html)\n",
     "Jaxpruner: A Concise Library for Sparsity Research", "Jaxpruner", "CPAL", 2024, false},
    {"- Bao: Making Learned Query Optimization Practical (SIGMOD 2021 **Best Paper**!)\n",
     "Bao: Making Learned Query Optimization Practical", "Bao", "SIGMOD", 2021, false},
    {"1. **context2vec: Learning Generic Context Embedding with Bidirectional LSTM**. *Oren Melamud, Jacob Goldberger, Ido Dagan*. CoNLL 2016. [[pdf](https://www.aclweb.org/anthology/K16-1006.pdf)]\n",
     "context2vec: Learning Generic Context Embedding with Bidirectional LSTM", "context2vec", "CoNLL", 2016, false},
    {"- [Software Engineering for and with GUI Agents](https://arxiv.org/abs/2608.09278)\n  - \xF0\x9F\x93\x85 Date: August 10, 2025\n",
     "Software Engineering for and with GUI Agents", NULL, "arXiv", 2025, false},
    {"- RadixSpline: a single-pass learned index (aiDM2020)\n", "RadixSpline: a single-pass learned index", "RadixSpline", "aiDM", 2020, false},
    {"- [Ministral 3](https://e.org/m3) \xE2\x80\x93 Mistral AI (Jan 2026)\n", "Ministral 3", NULL, NULL, 2026, false},
    {"| Date | Title |\n| --- | --- |\n| 2023.05 | \xF0\x9F\x94\xA5[**RWKV**] RWKV: Reinventing RNNs for the Transformer Era(@Bo Peng etc) |\n",
     "RWKV: Reinventing RNNs for the Transformer Era", "RWKV", NULL, 2023, false},
    {"- [Sieve](https://e.org/s): Dynamic Expert-Aware PIM Acceleration for Mixture-of-Experts Models | Stanford\n",
     "Sieve: Dynamic Expert-Aware PIM Acceleration for Mixture-of-Experts Models", "Sieve", NULL, 0, false},
    {"- [OSDI '14] Scaling Distributed Machine Learning with the Parameter Server\n",
     "Scaling Distributed Machine Learning with the Parameter Server", NULL, "OSDI", 2014, false},
    {"- *AntMan: Dynamic Scaling on GPU Clusters for Deep Learning* (OSDI20)\n",
     "AntMan: Dynamic Scaling on GPU Clusters for Deep Learning", "AntMan", "OSDI", 2020, false},
    {"# x\nPipeDream: Generalized Pipeline Parallelism for DNN Training (*SOSP2019*) [[Paper]](https://e.org/p.pdf)\n",
     "PipeDream: Generalized Pipeline Parallelism for DNN Training", "PipeDream", "SOSP", 2019, false},
    {"- Low Latency RNN Inference with Cellular Batching (EUROSYS\xE2\x80\x99" "18)\n",
     "Low Latency RNN Inference with Cellular Batching", NULL, "EuroSys", 2018, false},
    {"- [SC '21'] Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines\n",
     "Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines", "Chimera", "SC", 2021, false},
    {"- [OSDI' 20] KungFu: Making Training in Distributed Machine Learning Adaptive\n",
     "KungFu: Making Training in Distributed Machine Learning Adaptive", "KungFu", "OSDI", 2020, false},
    {"- *(DistBelief) Large Scale Distributed Deep Networks* (x)\n",
     "Large Scale Distributed Deep Networks", "DistBelief", NULL, 0, false},
    {"- **[OSDI'22]** Looking Beyond GPUs for DNN Scheduling on Multi-Tenant Clusters\n",
     "Looking Beyond GPUs for DNN Scheduling on Multi-Tenant Clusters", NULL, "OSDI", 2022, false},
    {"- [NSDI 2023] Shockwave: Proactive, Fair, and Efficient Cluster Scheduling\n",
     "Shockwave: Proactive, Fair, and Efficient Cluster Scheduling", "Shockwave", "NSDI", 2023, false},
    {"- BML: A High-performance, Low-cost Gradient Synchronization Algorithm (NeuralPS\xE2\x80\x99" "18)\n",
     "BML: A High-performance, Low-cost Gradient Synchronization Algorithm", "BML", "NeurIPS", 2018, false},
    {"- \\[PVLDB '21] BAGUA: Scaling up Distributed Learning with System Relaxations\n",
     "BAGUA: Scaling up Distributed Learning with System Relaxations", "BAGUA", "VLDB", 2021, false},
    {"- TicTac: Accelerating Distributed Deep Learning with Communication Scheduling (SysML 2019)\n",
     "TicTac: Accelerating Distributed Deep Learning with Communication Scheduling", "TicTac", "MLSys", 2019, false},
    {"- *Megatron-LM: Training Multi-Billion Parameter Language Models* (arxiv20)\n",
     "Megatron-LM: Training Multi-Billion Parameter Language Models", "Megatron-LM", "arXiv", 2020, false},
    {"- \\[NIPS '17 MLSys workshop] TensorFlow-Serving: Flexible, High-Performance ML Serving\n",
     "TensorFlow-Serving: Flexible, High-Performance ML Serving", "TensorFlow-Serving", "NeurIPS-W", 2017, false},
    {"- \\[PPoPP '21] DAPPLE: A Pipelined Data Parallel Approach for Training Large Models&#x20;\n",
     "DAPPLE: A Pipelined Data Parallel Approach for Training Large Models", "DAPPLE", "PPoPP", 2021, false},
    {"- \\[OSDI '22] Achieving &mu;s-scale Preemption for GPU \\_ Inferences\n",
     "Achieving \xCE\xBCs-scale Preemption for GPU _ Inferences", NULL, "OSDI", 2022, false},
    {"- Operator Fusion in XLA: Analysis and Evaluation (arxiv23)\n",
     "Operator Fusion in XLA: Analysis and Evaluation", NULL, "arXiv", 2023, false},
    {"- Optimizing CNN Model Inference on CPUs (*ATC 2019*)\n",
     "Optimizing CNN Model Inference on CPUs", NULL, "ATC", 2019, false},
    {"- Lyra: Elastic Scheduling for Deep Learning Clusters **[EuroSys'23]**\n",
     "Lyra: Elastic Scheduling for Deep Learning Clusters", "Lyra", "EuroSys", 2023, false},
    {"- *Pollux: Co-adaptive Cluster Scheduling for Goodput-Optimized Deep Learning*, OSDI 2021\n",
     "Pollux: Co-adaptive Cluster Scheduling for Goodput-Optimized Deep Learning", "Pollux", "OSDI", 2021, false},
    {"# x\nGPipe: Efficient Training of Giant Neural Networks [[Paper]](https://arxiv.org/pdf/1811.06965.pdf)\n",
     "GPipe: Efficient Training of Giant Neural Networks", "GPipe", "arXiv", 2018, true},
    {"- HetPipe: Enabling Large DNN Training on (Whimpy) Heterogeneous GPU Clusters (ATC 2020)\n",
     "HetPipe: Enabling Large DNN Training on (Whimpy) Heterogeneous GPU Clusters", "HetPipe", "ATC", 2020, false},
    {"- PCC Vivace: Online-Learning Congestion Control (NSDI 2018)\n",
     "PCC Vivace: Online-Learning Congestion Control", "PCC Vivace", "NSDI", 2018, false},
    {"[NSDI '19] Tiresias: A GPU Cluster Manager for Distributed Deep Learning\n",
     "Tiresias: A GPU Cluster Manager for Distributed Deep Learning", "Tiresias", "NSDI", 2019, false},
    {"Gist: Efficient Data Encoding for Deep Neural Network Training (ISCA '18)\n",
     "Gist: Efficient Data Encoding for Deep Neural Network Training", "Gist", "ISCA", 2018, false},
    {"- [Tiresias: A GPU Cluster Manager for Distributed Deep Learning](https://e.org/t.pdf) `NSDI'19`\n",
     "Tiresias: A GPU Cluster Manager for Distributed Deep Learning", "Tiresias", "NSDI", 2019, false},
    {"# x\nAn Old Preprint of the Nineties [[Paper]](https://arxiv.org/abs/9912.00001)\n",
     "An Old Preprint of the Nineties", NULL, "arXiv", 1999, true},
    {"- [HotWeird 2031] A Paper at a Venue Nobody Lists\n",
     "A Paper at a Venue Nobody Lists", NULL, "HotWeird", 2031, false},
    /* a citation group keeps a venue the table lacks; a leading "[2009, PFA]" names a system */
    {"- [Dense Engines under Trust](https://example.org/t.pdf)\xEF\xBC\x88Hopper et al., 2022, TrustNLP\xEF\xBC\x89\n",
     "Dense Engines under Trust", NULL, "TrustNLP", 2022, false},
    {"- [2009, PFA] [Performance Factors of Engines](https://dl.acm.org/doi/10.5555/1)\n",
     "Performance Factors of Engines", NULL, NULL, 2009, false},
    /* a list's label before the title names the system and is no title text (nor an author) */
    {"- PipeDream: [Generalized Pipeline Parallelism for DNN Training](https://arxiv.org/abs/1806.03377) (SOSP 2019)\n",
     "Generalized Pipeline Parallelism for DNN Training", "PipeDream", "SOSP", 2019, false},
    {"- ZeRO, [Memory Optimizations Toward Training Trillion Parameter Models](https://e.org/z) SC 2020\n",
     "Memory Optimizations Toward Training Trillion Parameter Models", "ZeRO", "SC", 2020, false},
    {"- DeepSpeed: [ZeRO: Memory Optimizations Toward Training Trillion Parameter Models](https://e.org/z) (SC 2020)\n",
     "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", "ZeRO", "SC", 2020, false},
    {"- Alpa - Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning (OSDI 2022)\n",
     "Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning", "Alpa", "OSDI", 2022, false},
    {"- Alpa \xE2\x80\x93 Automating Inter- and Intra-Operator Parallelism (OSDI 2022)\n",
     "Automating Inter- and Intra-Operator Parallelism", "Alpa", "OSDI", 2022, false},
    {"- [Alpa] Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning (OSDI 2022)\n",
     "Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning", "Alpa", "OSDI", 2022, false},
    {"- [Oral] Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning (OSDI 2022)\n",
     "Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning", NULL, "OSDI", 2022, false},
    {"- LeCun, [Gradient-Based Learning Applied to Document Recognition](https://e.org/l) (1998)\n",   /* a surname */
     "Gradient-Based Learning Applied to Document Recognition", NULL, NULL, 1998, false},
};

static void test_entries(void)
{
    for (size_t i = 0; i < sizeof entries / sizeof *entries; i++) {
        const struct entry_case *e = &entries[i];
        lit_catalog c;
        lit_catalog_init(&c);
        int rc = import_str(&c, e->src);
        CHECK_INT(rc, 0);
        CHECK_INT(c.n_papers, 1);
        if (rc == 0 && c.n_papers == 1) {
            const lit_paper *p = &c.papers[0];
            CHECK_STR(p->title, e->title);
            CHECK_STR(p->short_name, e->short_name);
            CHECK_STR(lit_catalog_venue(&c, p->venue), e->venue);
            CHECK_INT(p->year, e->year);
            CHECK_INT(p->year_inferred, e->inferred);
            CHECK_STR(p->sources[0].list, "lists/t.md");   /* the path as given */
        } else {
            printf("#   input: %s#   messages: %s\n", e->src, msgs);
        }
        lit_catalog_free(&c);
    }
}

/* Structure: sections from headings, topic bullets and category lines; lines; what is not a paper. */
/* Authors wherever lists write them, and the venue and year around them: one entry, its
 * authors ("|" between names; "+" at the end: the list says "et al."), venue and year. */
struct author_case {
    const char *src, *title, *authors, *venue;
    int year;
};

static const struct author_case author_cases[] = {
    /* after a bold title, the names end at the venue */
    {"- **BERT: Pre-training of Deep Bidirectional Transformers**. Jacob Devlin, Ming-Wei Chang, Kenton Lee. ACL 2019.\n",
     "BERT: Pre-training of Deep Bidirectional Transformers", "Jacob Devlin|Ming-Wei Chang|Kenton Lee", "ACL", 2019},
    /* a name list never swallows the venue: "Hopper. Preprint" is a name and a venue */
    {"- **Compilers for Everyone**. Grace B. Hopper. *Preprint, May 2020.*\n",
     "Compilers for Everyone", "Grace B. Hopper", "Preprint", 2020},
    /* on a sub-item under the title */
    {"- [Analytical Engines at Scale](https://example.org/ae.pdf)\n  - Ada Lovelace, Alan Turing, and Grace Hopper. NeurIPS, 2021.\n",
     "Analytical Engines at Scale", "Ada Lovelace|Alan Turing|Grace Hopper", "NeurIPS", 2021},
    /* on a continuation line of the item */
    {"- **Quantum Error Correction at Scale**\n  Ada Lovelace and Alan Turing. *Nature*, 2021.\n",
     "Quantum Error Correction at Scale", "Ada Lovelace|Alan Turing", "Nature", 2021},
    /* an Authors: line after a numbered title */
    {"1. A Study of Graph Neural Networks for Molecules\n   Authors: Ada Lovelace, Alan Turing\n",
     "A Study of Graph Neural Networks for Molecules", "Ada Lovelace|Alan Turing", NULL, 0},
    /* after the title link; "X et al." is a first author of more */
    {"- [Robot Learning from Play](https://example.org/play.pdf), Lovelace et al., CoRL 2019\n",
     "Robot Learning from Play", "Lovelace+", "CoRL", 2019},
    {"- [Mining the Engine](https://example.org/m.pdf), Lovelace, Ada, et al.\n", "Mining the Engine", "Ada Lovelace+", NULL, 0},
    /* BibTeX order in italics */
    {"- **Deeper Text Understanding for IR**. *Dai, Zhuyun and Callan, Jamie.* SIGIR 2019.\n",
     "Deeper Text Understanding for IR", "Zhuyun Dai|Jamie Callan", "SIGIR", 2019},
    /* references that start with their authors: APA, ACM, author-year */
    {"- Kiesler, S., Siegel, J., & McGuire, T. W. (1984). **Social psychological aspects of computer-mediated communication**. "
     "Journal of Odd Results, 39(10), 1123-1134.\n",
     "Social psychological aspects of computer-mediated communication", "S. Kiesler|J. Siegel|T. W. McGuire", "Journal of Odd Results", 1984},
    {"- Jim Hollan and Scott Stornetta. 1992. **Beyond being there**. In Proceedings of the SIGCHI Conference on Human Factors "
     "in Computing Systems (CHI '92). ACM, 119-125.\n",
     "Beyond being there", "Jim Hollan|Scott Stornetta", "CHI", 1992},
    {"- Akerlof (1970) Market for Lemons\n", "Market for Lemons", "Akerlof", NULL, 1970},
    {"- [Causal Diagrams for Empirical Research](https://example.org/p.pdf) - Pearl (1995)\n",
     "Causal Diagrams for Empirical Research", "Pearl", NULL, 1995},
    /* the year between title and names; names in capitals with initials */
    {"- **A Maximum Likelihood Approach to Speech Recognition**(1983), LALIT R. BAHL et al. [[pdf]](https://example.org/a.pdf)\n",
     "A Maximum Likelihood Approach to Speech Recognition", "LALIT R. BAHL+", NULL, 1983},
    /* the same without the bold: title, year and names when "(YYYY), " meets names that end
     * the entry; other words after the year are the title's */
    {"- Learning Deep Engines for AI (2009), Y. Bengio. [[pdf]](https://example.org/b.pdf)\n",
     "Learning Deep Engines for AI", "Y. Bengio", NULL, 2009},
    {"- Mid-level Engines for Recognition (2010), Y. Boureau [[pdf]](https://example.org/m.pdf)\n",
     "Mid-level Engines for Recognition", "Y. Boureau", NULL, 2010},
    {"- Long short-term engines (1997), S. Hochreiter and J. Schmidhuber. [[pdf]](https://example.org/l.pdf)\n",
     "Long short-term engines", "S. Hochreiter|J. Schmidhuber", NULL, 1997},
    {"- Engines of the Mind (2016), K. He et al. [[pdf]](https://example.org/e.pdf)\n", "Engines of the Mind", "K. He+", NULL, 2016},
    {"- A Study of Difference Engines (2016), with notes after it [[pdf]](https://example.org/n.pdf)\n",
     "A Study of Difference Engines (2016), with notes after it", "", NULL, 0},
    {"- Engines of Old (1234), A. Nobody [[pdf]](https://example.org/o.pdf)\n", "Engines of Old (1234), A. Nobody", "", NULL, 0},
    /* a citation group at the end */
    {"- [Late Interaction over Encoders](https://example.org/c.pdf)（Khattab et al., 2020, SIGIR, **ColBERT**）\n",
     "Late Interaction over Encoders", "Khattab+", "SIGIR", 2020},
    /* stated venues: italic journal names by full name and abbreviation, an edition's
     * proceedings title, a venue before an arXiv tag, a badge, a name the table lacks */
    {"- **Info Theory Now**. *IEEE Transactions on Information Theory*, 2019\n", "Info Theory Now", "", "TIT", 2019},
    {"- **Hard Graphs**. *SIAM J. on Computing*, 2019 (arXiv, 2017)\n", "Hard Graphs", "", "SICOMP", 2019},
    {"- Ada Lovelace and Alan Turing. 2018. **Tangible Engines**. In Proceedings of the Twelfth International Conference on "
     "Tangible, Embedded, and Embodied Interaction (TEI '18). ACM, 1-8.\n", "Tangible Engines", "Ada Lovelace|Alan Turing", "TEI", 2018},
    {"+ [Pauli-Based Optimization for NISQ Devices](https://example.org/p.pdf) Zhaohui Yang et al "
     "<img src=\"https://img.shields.io/badge/DAC-2025-green.svg\">\n", "Pauli-Based Optimization for NISQ Devices", "Zhaohui Yang+", "DAC", 2025},
    {"- Billion-scale similarity search with GPUs. *IEEE Transactions on Big Stuff 2017.* [[Paper]](https://arxiv.org/pdf/1702.08734.pdf)\n",
     "Billion-scale similarity search with GPUs", "", "IEEE Transactions on Big Stuff", 2017},
    /* titles in quotes */
    {"- Ranjan et al., \"Relational Transformer,\" **ICLR 2026** [arXiv](https://arxiv.org/abs/2510.06377)\n",
     "Relational Transformer", "Ranjan+", "ICLR", 2026},
    {"- [Mitchell, Alex L., et al. \"EBI Metagenomics in 2017: enriching the analysis of microbial communities.\" "
     "Nucleic acids research 46.D1 (2017): D726-D735.](https://example.org/nar.pdf)\n",
     "EBI Metagenomics in 2017: enriching the analysis of microbial communities", "Alex L. Mitchell+", "NAR", 2017},
    /* no authors: a keyword in a code span, an organisation, a possessive */
    {"- **Forensics of Backdoor Attacks**. NDSS 2023. `Backdoor Forensics` [[pdf](https://example.org/b.pdf)]\n",
     "Forensics of Backdoor Attacks", "", "NDSS", 2023},
    {"- [Qwen Technical Report](https://example.org/qwen.pdf) - Google Research (2023)\n", "Qwen Technical Report", "", NULL, 2023},
    /* a hyphenated given name ending in "-ting" is no gerund; "J. -P." is one initial */
    {"- Ada Lovelace, Hsiang-Ting Chen, and Alan Turing. 2016. **Engine Mechanisms**. In Proceedings of the 29th Annual "
     "Symposium on User Interface Software and Technology (UIST '16). ACM, 1-8.\n",
     "Engine Mechanisms", "Ada Lovelace|Hsiang-Ting Chen|Alan Turing", "UIST", 2016},
    {"- [Engines of Society](https://doi.org/10.1140/x) by R. Conte, J. -P. Nadal & D. Helbing (2012)\n",
     "Engines of Society", "R. Conte|J. -P. Nadal|D. Helbing", NULL, 2012},
    /* an author-year citation after an emphasised title, the text around it a description */
    {"- A nice review: **Engines of the Cell** (Lovelace et al. 2022). Dated but clear.\n",
     "Engines of the Cell", "Lovelace+", NULL, 2022},
    /* one author, family name first, before the year and a quoted title */
    {"- Lovelace, Ada (1843). **\"Notes on the Engine,\"** Scientific Memoirs 3 (1843) pp. 666-731.\n",
     "Notes on the Engine", "Ada Lovelace", NULL, 1843},
    /* what the Markdown writer writes reads back: a title with commas before family names, a
     * two-word title link before ". Names" */
    {"- [2015] Engines for Statistics, Social, and Biomedical Sciences. Lovelace, Turing\n",
     "Engines for Statistics, Social, and Biomedical Sciences", "Lovelace|Turing", NULL, 2015},
    {"- [Fighting engines](https://example.org/f.pdf). Lovelace, Turing, Hopper (x)\n",
     "Fighting engines", "Lovelace|Turing|Hopper", NULL, 0},
    {"- [2024] End-to-End Engine Separation by Speaker Clustering [[paper]](https://example.org/e.pdf)\n",
     "End-to-End Engine Separation by Speaker Clustering", "", NULL, 2024},
    {"+ January 15. Reading: [Engines of Friendship](https://example.org/f.pdf) by Lovelace, Turing, and Hopper, 2009\n",
     "Engines of Friendship", "Lovelace|Turing|Hopper", NULL, 2009},
};

static void test_authors(void)
{
    for (size_t i = 0; i < sizeof author_cases / sizeof *author_cases; i++) {
        const struct author_case *ac = &author_cases[i];
        lit_catalog c;
        lit_catalog_init(&c);
        CHECK_INT(import_str(&c, ac->src), 0);
        CHECK_INT(c.n_papers, 1);
        if (c.n_papers != 1) { printf("#   for: %s", ac->src); lit_catalog_free(&c); continue; }
        const lit_paper *p = &c.papers[0];
        char got[512] = "";
        for (uint32_t k = 0; k < p->n_authors; k++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? "|" : "", p->authors[k]);
        if (p->authors_etal) strcat(got, "+");
        const char *venue = lit_catalog_venue(&c, p->venue);
        CHECK_STR(got, ac->authors);
        CHECK_STR(p->title, ac->title);
        CHECK_STR(venue, ac->venue);
        CHECK_INT(p->year, ac->year);
        if (strcmp(got, ac->authors) || strcmp(p->title, ac->title) || p->year != ac->year ||
            (venue ? !ac->venue || strcmp(venue, ac->venue) : ac->venue != NULL))
            printf("#   for: %s", ac->src);
        lit_catalog_free(&c);
    }
}

static void test_structure(void)
{
    const char *src =
        "---\n"
        "cover: x.webp\n"
        "---\n"
        "\n"
        "# Index\n"
        "\n"
        "### Workload Scheduling, Cluster Resource Management\n"
        "\n"
        "* [\\[OSDI '18\\] Gandiva: Introspective Cluster Scheduling for Deep Learning](g.md) ([pdf](https://e.org/osdi18-xiao.pdf))\n"
        "* Parallelism Paradigms & Strategies ([Overview by Someone](https://e.org/overview))\n"
        "  * [\\[NIPS '19\\] GPipe: Efficient Training of Giant Neural Networks](gpipe.md)\n"
        "* [Someone's overview of video analytics](https://e.notion.site/x)\n"
        "* A talk: [On the Utility of Gradient Compression](https://www.youtube.com/watch?v=x)\n"
        "  * \\[MLSys '21] Pufferfish: Communication-efficient Models At No Extra Cost\n"
        "\n"
        "## Network optimization\n"
        "Optimizing Network Performance for Distributed DNN Training\n"
        "on GPU Clusters: ImageNet/AlexNet Training in 1.5 Minutes [[Paper]](https://arxiv.org/pdf/1902.06855.pdf) "
        "[[Code]](https://github.com/e/x) [[Slides]](https://e.org/slides/x.pdf) [[Talk]](https://e.org/videos/x.mp4)\n"
        "\n"
        "All the papers above are about systems.\n";
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, src), 0);
    CHECK_INT(c.n_papers, 4);
    if (c.n_papers == 4) {
        const lit_paper *g = &c.papers[0], *gp = &c.papers[1], *pf = &c.papers[2], *on = &c.papers[3];
        CHECK_STR(g->title, "Gandiva: Introspective Cluster Scheduling for Deep Learning");
        CHECK_INT(g->sources[0].line, 9);
        CHECK_STR(g->sources[0].section, "Workload Scheduling, Cluster Resource Management");
        CHECK_STR(link_of(g, "pdf"), "https://e.org/osdi18-xiao.pdf");
        CHECK_INT(g->n_links, 1);  /* the relative note link is not kept */
        CHECK_INT(g->n_topics, 1);
        CHECK_STR(lit_catalog_topic(&c, g->topics[0]), "scheduling");
        CHECK_STR(gp->sources[0].section, "Parallelism Paradigms & Strategies");
        CHECK_STR(lit_catalog_topic(&c, gp->topics[0]), "model-parallelism");
        CHECK_INT(gp->sources[0].line, 11);
        CHECK_STR(lit_catalog_venue(&c, gp->venue), "NeurIPS");
        /* under a talk bullet the section stays the heading's */
        CHECK_STR(pf->sources[0].section, "Workload Scheduling, Cluster Resource Management");
        CHECK_STR(on->title, "Optimizing Network Performance for Distributed DNN Training on GPU Clusters: "
                             "ImageNet/AlexNet Training in 1.5 Minutes");
        CHECK_INT(on->sources[0].line, 17);
        CHECK_STR(on->sources[0].section, "Network optimization");
        CHECK_STR(link_of(on, "paper"), "https://arxiv.org/pdf/1902.06855.pdf");
        CHECK_STR(link_of(on, "code"), "https://github.com/e/x");
        CHECK_STR(link_of(on, "slides"), "https://e.org/slides/x.pdf");
        CHECK_STR(link_of(on, "talk"), "https://e.org/videos/x.mp4");
        CHECK_STR(on->arxiv, "1902.06855");
        CHECK_INT(on->year, 2019);
        CHECK(on->year_inferred);
    }
    lit_catalog_free(&c);

    /* plain text: [VENUE 'YY] lines under bare category lines */
    const char *plain =
        "[OSDI '20] Serving DNNs like Clockwork: Performance Predictability from the Bottom Up\n"
        "GPU Cluster Management\n"
        "[NSDI '19] Tiresias: A GPU Cluster Manager for Distributed Deep Learning\n"
        "\n"
        "Deep Learning Compiler\n"
        "[OSDI '18] TVM: An Automated End-to-End Optimizing Compiler for Deep Learning\n";
    lit_catalog_init(&c);
    CHECK_INT(import_as(&c, "./a/b/004.txt", plain, strlen(plain), DEFAULT), 0);
    CHECK_INT(c.n_papers, 3);
    if (c.n_papers == 3) {
        CHECK_STR(c.papers[0].sources[0].section, NULL);
        CHECK_STR(c.papers[1].sources[0].section, "GPU Cluster Management");
        CHECK_STR(lit_catalog_topic(&c, c.papers[1].topics[0]), "scheduling");
        CHECK_INT(c.papers[2].sources[0].line, 6);
        CHECK_STR(c.papers[2].sources[0].section, "Deep Learning Compiler");
        CHECK_STR(c.papers[2].sources[0].list, "a/b/004.txt");   /* as given, without "./" */
    }
    lit_catalog_free(&c);
}

/* Other dialects: tables, venue/year headings, authors after titles. */
static void test_dialects(void)
{
    const char *table =
        "| Title | Venue | Year | Code |\n"
        "|---|---|---|---|\n"
        "| [Orca: A Distributed Serving System](https://www.usenix.org/conference/osdi22/presentation/yu) | OSDI | 2022 | [x](https://github.com/e/orca) |\n"
        "| FlashAttention: Fast and Memory-Efficient Exact Attention | NeurIPS | '22 | |\n";
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, table), 0);
    CHECK_INT(c.n_papers, 2);
    if (c.n_papers == 2) {
        CHECK_STR(c.papers[0].title, "Orca: A Distributed Serving System");
        CHECK_STR(lit_catalog_venue(&c, c.papers[0].venue), "OSDI");
        CHECK_INT(c.papers[0].year, 2022);
        CHECK_STR(link_of(&c.papers[0], "code"), "https://github.com/e/orca");
        CHECK_STR(link_of(&c.papers[0], "paper"), "https://www.usenix.org/conference/osdi22/presentation/yu");
        CHECK_INT(c.papers[0].sources[0].line, 3);
        CHECK_STR(lit_catalog_venue(&c, c.papers[1].venue), "NeurIPS");
        CHECK_INT(c.papers[1].year, 2022);
    }
    lit_catalog_free(&c);

    const char *heads =
        "## OSDI 2022\n"
        "- Orca: A Distributed Serving System for Transformer-Based Generative Models\n"
        "## 2021\n"
        "### SOSP\n"
        "- Gradient Compression Supercharged High-Performance Data Parallel DNN Training\n"
        "- [NSDI 2023] Shockwave: Proactive, Fair, and Efficient Cluster Scheduling\n";
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, heads), 0);
    CHECK_INT(c.n_papers, 3);
    if (c.n_papers == 3) {
        CHECK_STR(lit_catalog_venue(&c, c.papers[0].venue), "OSDI");
        CHECK_INT(c.papers[0].year, 2022);
        CHECK_STR(lit_catalog_venue(&c, c.papers[1].venue), "SOSP");
        CHECK_INT(c.papers[1].year, 2021);
        CHECK_STR(lit_catalog_venue(&c, c.papers[2].venue), "NSDI");  /* its own tag wins */
        CHECK_INT(c.papers[2].year, 2023);
    }
    lit_catalog_free(&c);

    const char *authors =
        "- PipeDream: Generalized Pipeline Parallelism for DNN Training. Deepak Narayanan, Aaron Harlap, Amar Phanishayee. SOSP 2019.\n"
        "- *Gandiva: Introspective Cluster Scheduling for Deep Learning* by Wencong Xiao and Romil Bhardwaj (OSDI'18)\n"
        "- [ZeRO: Memory Optimizations Toward Training Trillion Parameter Models](https://arxiv.org/abs/1910.02054) - S. Rajbhandari, J. Rasley et al.\n"
        "- Deep Learning Inference in Facebook Data Centers: Characterization, Performance Optimizations and Hardware Implications (arXiv '18)\n";
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, authors), 0);
    CHECK_INT(c.n_papers, 4);
    if (c.n_papers == 4) {
        CHECK_STR(c.papers[0].title, "PipeDream: Generalized Pipeline Parallelism for DNN Training");
        CHECK_INT(c.papers[0].n_authors, 3);
        if (c.papers[0].n_authors == 3) CHECK_STR(c.papers[0].authors[2], "Amar Phanishayee");
        CHECK_STR(lit_catalog_venue(&c, c.papers[0].venue), "SOSP");
        CHECK_INT(c.papers[1].n_authors, 2);
        CHECK_STR(lit_catalog_venue(&c, c.papers[1].venue), "OSDI");
        CHECK_INT(c.papers[2].n_authors, 2);
        if (c.papers[2].n_authors == 2) CHECK_STR(c.papers[2].authors[0], "S. Rajbhandari");
        CHECK_INT(c.papers[2].year, 2019);
        CHECK(c.papers[2].year_inferred);
        /* a title with a comma list is not an author list */
        CHECK_INT(c.papers[3].n_authors, 0);
        CHECK_STR(c.papers[3].title, "Deep Learning Inference in Facebook Data Centers: Characterization, "
                                     "Performance Optimizations and Hardware Implications");
    }
    lit_catalog_free(&c);
}

/* Bad input: located errors, nothing added; --lenient skips with warnings. */
static void test_errors(void)
{
    struct { const char *src; size_t len; const char *msg; } bad[] = {
        {"- [OSDI '20] A Good Title Here\n- [OSDI 20] Bad \xFF byte\n", 0, "lists/t.md:2:17: error: invalid UTF-8"},
        {"- [OSDI '20] A Good Title\0 Here\n", 31, "lists/t.md:1:26: error: NUL byte"},
        {"# t\n\n- [OSDI '20] A Good Title Here\n- [NSDI '21 No Closing Bracket\n", 0, "lists/t.md:4:3: error: unbalanced '['"},
        {"# Just a heading\n\nSome prose.\n", 0, "lists/t.md:1:1: error: no papers found in 'lists/t.md'"},
        {"", 0, "lists/t.md:1:1: error: no papers found"},
        {"\x7f" "ELF\x02\x01\x01", 7, "lists/t.md:1:1: error: control character"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        lit_catalog c;
        lit_catalog_init(&c);
        size_t len = bad[i].len ? bad[i].len : strlen(bad[i].src);
        CHECK_INT(import_as(&c, "lists/t.md", bad[i].src, len, STRICT), -1);
        CHECK_INT(c.n_papers, 0);
        CHECK(strstr(msgs, bad[i].msg) != NULL);
        if (!strstr(msgs, bad[i].msg)) printf("#   messages: %s#   expected: %s\n", msgs, bad[i].msg);
        lit_catalog_free(&c);
    }
    lit_catalog c;
    lit_catalog_init(&c);
    const char *mixed = "# t\n\n- [OSDI '20] A Good Title Here\n- [NSDI '21 No Closing Bracket\n- [OSDI 20] Bad \xFF byte\n";
    CHECK_INT(import_as(&c, "t.md", mixed, strlen(mixed), LENIENT), 0);
    CHECK_INT(c.n_papers, 1);
    CHECK(strstr(msgs, "t.md:4:3: warning: unbalanced '[' in entry (skipped)") != NULL);
    CHECK(strstr(msgs, "t.md:5:17: warning: invalid UTF-8; line skipped") != NULL);
    lit_catalog_free(&c);
    /* by default a bad entry costs only itself: one warning, the rest imported */
    lit_catalog_init(&c);
    const char *one_bad = "# t\n\n- [OSDI '20] A Good Title Here\n- [NSDI '21 No Closing Bracket\n- [SOSP '19] Third Good Title\n";
    CHECK_INT(import_as(&c, "t.md", one_bad, strlen(one_bad), DEFAULT), 0);
    CHECK_INT(c.n_papers, 2);
    CHECK(strstr(msgs, "t.md:4:3: warning: unbalanced '[' in entry (skipped)\n") == msgs);
    lit_catalog_free(&c);
    /* a stray bracket in a line that is not a paper is no warning at all */
    lit_catalog_init(&c);
    const char *stray = "# t\n\n- [Contents](#contents) (see also\n- Notes: step 1) read it\n- [OSDI '20] A Good Title Here\n";
    CHECK_INT(import_as(&c, "t.md", stray, strlen(stray), STRICT), 0);
    CHECK_INT(c.n_papers, 1);
    CHECK_STR(msgs, "");
    lit_catalog_free(&c);
    /* a contents line is all one link into the page, even when its label is a date (the
     * contents `litsurvey markdown` writes for a list whose sections are dates) */
    lit_catalog_init(&c);
    const char *toc = "# t\n\n- [June 21, 2025](#june-21-2025)\n  - [Causal Inference](#causal-inference)\n\n"
                      "## June 21, 2025\n\n- [OSDI '20] A Good Title Here\n";
    CHECK_INT(import_as(&c, "t.md", toc, strlen(toc), STRICT), 0);
    CHECK_INT(c.n_papers, 1);
    CHECK_STR(c.papers[0].title, "A Good Title Here");
    lit_catalog_free(&c);
    /* a failed file takes its papers back, the catalog keeps what it had */
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, "- [OSDI '20] A Good Title Here\n"), 0);
    CHECK_INT(import_as(&c, "t.md", "- [OSDI '20] Another Good Title\n- [SOSP '19 Bad\n", 48, STRICT), -1);
    CHECK_INT(c.n_papers, 1);
    lit_catalog_free(&c);
}

/* A file that ends inside a link destination: md4c 0.4.8 reads the byte after the
 * input and, when it is ')', reported text of a wrapped size (a 4 GiB allocation). */
static void test_end_in_link(void)
{
    /* the link that lost its ')' is still the paper's link (its URL is read as one) */
    static const struct { const char *src; const char *msg; int rc, papers; } cases[] = {
        {"- [OSDI '14] Scaling Distributed Machine Learning [Paper](http://x.org/p)", "", 0, 1},
        {"Scaling Distributed Machine Learning [Paper](http://x.org/p)", "t.md:1:1: error: no papers found", -1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        lit_catalog c;
        lit_catalog_init(&c);
        /* the ')' is past the end of the input */
        CHECK_INT(import_as(&c, "lists/t.md", cases[i].src, strlen(cases[i].src) - 1, STRICT), cases[i].rc);
        CHECK_INT(c.n_papers, cases[i].papers);
        CHECK(strstr(msgs, cases[i].msg) != NULL);
        if (!strstr(msgs, cases[i].msg)) printf("#   messages: %s#   expected: %s\n", msgs, cases[i].msg);
        lit_catalog_free(&c);
    }
}

/* A list's criteria after a year ("**2014** : +400 citations", "Before 2012") are no papers;
 * a title that starts with a number is one. */
static void test_criteria(void)
{
    static const char *not_papers[] = {
        "+200 citations", "+60 citations or \"More Papers from 2016\"", "~50 papers", "< 6 months", "100+ stars",
        "\xE2\x89\xA5 300 citations", "500 citations", "2012-2016", "2012 to 2016", "Before 2012", "Prior to 2010", "From 2012 to 2016",
    };
    static const char *papers[] = {
        "100,000 Podcasts: A Spoken English Document Corpus", "3D ShapeNets: A Deep Representation for Volumetric Shapes",
        "1000 Layers of Residual Networks for Image Recognition", "Before Training: Data Selection for Vision Models",
        "2012-2016 Trends in Object Detection Benchmarks", "After 2012: What Deep Networks Changed in Vision",
    };
    size_t nn = sizeof not_papers / sizeof *not_papers, np = sizeof papers / sizeof *papers;
    for (size_t i = 0; i < nn + np; i++) {
        char src[256];
        bool paper = i >= nn;
        snprintf(src, sizeof src, "## Criteria\n\n- **2015** :  %s\n- [OSDI'22] Orca: A Distributed Serving System\n",
                 paper ? papers[i - nn] : not_papers[i]);
        lit_catalog c;
        lit_catalog_init(&c);
        CHECK_INT(import_str(&c, src), 0);
        if (c.n_papers != (paper ? 2u : 1u)) printf("# %s\n", src);
        CHECK_INT(c.n_papers, paper ? 2 : 1);
        if (paper && c.n_papers == 2) {
            CHECK_STR(c.papers[0].title, papers[i - nn]);
            CHECK_INT(c.papers[0].year, 2015);
        }
        lit_catalog_free(&c);
    }
}

/* "## Contents": its links into the page are no papers, and it holds no section: the
 * headings below it and their papers are read, with their own sections. */
static void test_contents(void)
{
    const char *src =
        "# Awesome Papers\n"
        "\n"
        "## Contents\n"
        "\n"
        "* [Optimization / Training](#optimization--training)\n"
        "* [Adam: A Method for Stochastic Optimization](#adam)\n"
        "\n"
        "*(More than Top 100)*\n"
        "\n"
        "* [Old Papers](#old-papers) : Before 2012\n"
        "\n"
        "* * *\n"
        "\n"
        "### Optimization / Training\n"
        "- **Adam: A method for stochastic optimization** (2014), D. Kingma and J. Ba [[pdf]](http://arxiv.org/pdf/1412.6980)\n"
        "\n"
        "#### Regularization\n"
        "- **Dropout: A simple way to prevent neural networks from overfitting** (2014), N. Srivastava et al. [[pdf]](http://jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf)\n"
        "\n"
        "## Old Papers\n"
        "- **Gradient-based learning applied to document recognition** (1998), Y. LeCun et al. [[pdf]](http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf)\n";
    lit_catalog c;
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, src), 0);
    CHECK_INT(c.n_papers, 3);
    if (c.n_papers == 3) {
        CHECK_STR(c.papers[0].title, "Adam: A method for stochastic optimization");
        CHECK_INT(c.papers[0].sources[0].line, 15);
        CHECK_STR(c.papers[0].sources[0].section, "Optimization / Training");
        CHECK_STR(c.papers[1].sources[0].section, "Regularization");
        CHECK_INT(c.papers[1].year, 2014);
        CHECK_STR(c.papers[2].sources[0].section, "Old Papers");
        CHECK_INT(c.papers[2].year, 1998);
    }
    lit_catalog_free(&c);
    /* under "## Table of Contents" a line that is no link into the page is read for what it
     * is: a course is no paper, a paper is one */
    const char *course = "## Table of Contents\n- [Training](#training)\n- Course: Deep Learning Systems Design and Practice\n"
                         "- [SOSP'23] Efficient Memory Management for Large Language Model Serving with PagedAttention\n\n"
                         "## Training\n- [OSDI'22] Orca: A Distributed Serving System for Transformer-Based Generative Models\n";
    lit_catalog_init(&c);
    CHECK_INT(import_str(&c, course), 0);
    CHECK_INT(c.n_papers, 2);
    if (c.n_papers == 2) {
        CHECK_STR(c.papers[0].title, "Efficient Memory Management for Large Language Model Serving with PagedAttention");
        CHECK_INT(c.papers[0].n_topics, 0);   /* "Table of Contents" is no topic */
        CHECK_STR(c.papers[1].sources[0].section, "Training");
    }
    lit_catalog_free(&c);
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (lit_venues_load(&vs, "data/venues.yaml", &d) != 0 || lit_topics_load(&ts, "data/topics.yaml", &d) != 0) {
        printf("not ok - cannot load data/venues.yaml and data/topics.yaml (run from the project root)\n");
        return 1;
    }
    test_entries();
    test_authors();
    test_structure();
    test_dialects();
    test_errors();
    test_end_in_link();
    test_criteria();
    test_contents();
    lit_venues_free(&vs);
    lit_topics_free(&ts);
    return CHECK_DONE();
}
