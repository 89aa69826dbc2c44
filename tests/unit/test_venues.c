/* test_venues.c - the venue-name rules of src/venues.c (one check per rule, on a small table),
 * text that is no venue, and the venues and aliases data/venues.yaml must cover. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "venues.h"

static lit_venues vs, data;

static const char *match(const lit_venues *t, const char *text)
{
    const lit_venue *v = lit_venues_match(t, text);
    return v ? v->id : NULL;
}

static void test_rules(void)
{
    /* 1. id, alias or full name, ignoring case and punctuation */
    CHECK_STR(match(&vs, "Euro-Sys"), "EuroSys");
    CHECK_STR(match(&vs, "european conference on computer systems"), "EuroSys");
    /* 2. an acronym in parentheses, its year dropped */
    CHECK_STR(match(&vs, "Proceedings of the Thirty-Second AAAI Conference on Artificial Intelligence (AAAI-18)"), "AAAI");
    CHECK_STR(match(&vs, "Proc. of the 13th Symposium on Something Else (NSDI '19)"), "NSDI");
    /* 3. the full name with proceedings words, ordinals, years, volumes and groups dropped */
    CHECK_STR(match(&vs, "Proceedings of the 17th USENIX Symposium on Networked Systems Design and Implementation"), "NSDI");
    CHECK_STR(match(&vs, "Proceedings of the Twenty-Fourth ACM SIGOPS Symposium on Operating Systems Principles"), "SOSP");
    CHECK_STR(match(&vs, "Proceedings of the 2019 USENIX Conference on Usenix Annual Technical Conference"), "ATC");
    CHECK_STR(match(&vs, "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)"), "ACL");
    CHECK_STR(match(&vs, "Proceedings of the 9th International Symposium on Haskell"), "Haskell");        /* word order */
    CHECK_STR(match(&vs, "Knowledge and Data Engineering, IEEE Transactions on"), "TKDE");             /* backwards */
    CHECK_STR(match(&vs, "Findings of the Association for Computational Linguistics: EMNLP 2020"), "Findings");
    CHECK_STR(match(&vs, "Proceedings of the IEEE, special issue on Program Generation"), "PIEEE");   /* before a comma */
    /* 4. an acronym-like word; two venues named is none */
    CHECK_STR(match(&vs, "SOSP '19: the best one"), "SOSP");
    CHECK_STR(match(&vs, "Proc. EuroSys 2020, Heraklion"), "EuroSys");
    CHECK_STR(match(&vs, "OSDI, SOSP, NSDI and EuroSys"), NULL);
    /* workshops: only a workshop venue, or X's workshop venue, or nothing */
    CHECK_STR(match(&vs, "Proceedings of the Workshop on Hot Topics in Operating Systems"), "HotOS");
    CHECK_STR(match(&vs, "Workshop on ML for Systems at NeurIPS 2019"), "NeurIPS-W");
    CHECK_STR(match(&vs, "NeurIPS 2019 Workshop on Systems for ML"), "NeurIPS-W");
    CHECK_STR(match(&vs, "NAIC @ SIGCOMM'24"), "SIGCOMM-W");
    CHECK_STR(match(&vs, "Proceedings of the 1st Workshop on Machine Learning and Systems co-located with EuroSys 2021"), NULL);
    CHECK_STR(match(&vs, "ACM SIGOPS Workshop on Operating Systems Principles"), NULL);
    CHECK_STR(match(&vs, "Ant Colony Optimization and Swarm Intelligence, 4th International Workshop, ANTS 2004"), "ANTS");
    /* no venue at all */
    CHECK_STR(match(&vs, "Journal of Nothing"), NULL);
    CHECK_STR(match(&vs, "Feb"), NULL);
    CHECK_STR(match(&vs, ""), NULL);
}

static void test_text_ok(void)
{
    CHECK(!lit_venue_text_ok("Feb"));
    CHECK(!lit_venue_text_ok("February 2023"));
    CHECK(!lit_venue_text_ok("12 Sept."));
    CHECK(!lit_venue_text_ok("2019"));
    CHECK(!lit_venue_text_ok("https://github.com/vllm-project/vllm"));
    CHECK(!lit_venue_text_ok("\\url{http://example.org}"));
    CHECK(!lit_venue_text_ok("  "));
    CHECK(lit_venue_text_ok("OSDI"));
    CHECK(lit_venue_text_ok("Mar. Ecol. Prog. Ser."));
    CHECK(lit_venue_text_ok("MayConf"));
}

static void test_name_key(void)
{
    char *k = lit_venue_name_key("Proceedings of the 17th USENIX Symposium on Networked Systems Design and Implementation");
    CHECK_STR(k, "design implementation networked symposium systems ");
    free(k);
    k = lit_venue_name_key("The Semantic Web \xE2\x80\x93 ISWC 2015 (Part II)");   /* an en dash is a separator */
    CHECK_STR(k, "iswc semantic web ");
    free(k);
}

/* The venues the issues name, in data/venues.yaml, with the aliases real lists and .bib use. */
static void test_data(void)
{
    static const char *const named[][2] = {
        {"NIPS", "NeurIPS"}, {"NeuralPS", "NeurIPS"}, {"Advances in Neural Information Processing Systems 32", "NeurIPS"},
        {"Proc. VLDB Endow.", "VLDB"}, {"PVLDB", "VLDB"}, {"IEEE Trans. Pattern Anal. Mach. Intell.", "TPAMI"},
        {"ACM Comput. Surv.", "CSUR"}, {"IEEE Trans. Parallel Distrib. Syst.", "TPDS"}, {"ACM Trans. Comput. Syst.", "TOCS"},
        {"J. Mach. Learn. Res.", "JMLR"}, {"Transactions on Machine Learning Research", "TMLR"}, {"Commun. ACM", "CACM"},
        {"Int. J. Comput. Vis.", "IJCV"}, {"ACM Trans. Graph.", "TOG"}, {"IEEE/ACM Trans. Netw.", "ToN"},
        {"IEEE Trans. Computers", "TC"}, {"IEEE Trans. Software Eng.", "TSE"}, {"ACM Trans. Softw. Eng. Methodol.", "TOSEM"},
        {"2023 IEEE International Conference on Robotics and Automation (ICRA)", "ICRA"}, {"IROS", "IROS"},
        {"Robotics: Science and Systems XV", "RSS"}, {"Conference on Robot Learning", "CoRL"},
        {"AAAI", "AAAI"}, {"IJCAI", "IJCAI"}, {"AISTATS", "AISTATS"}, {"ICAPS", "ICAPS"}, {"UAI", "UAI"},
        {"PLDI", "PLDI"}, {"POPL", "POPL"}, {"OOPSLA", "OOPSLA"}, {"CGO", "CGO"},
        {"HotOS", "HotOS"}, {"HotNets", "HotNets"}, {"HotCloud", "HotCloud"}, {"HotStorage", "HotStorage"},
        {"APNET", "APNet"}, {"EuroMLSys", "EuroMLSys"}, {"arXiv", "arXiv"}, {"bioRxiv", "bioRxiv"},
        {"OpenReview", "OpenReview"}, {"IEEE Symposium on Security and Privacy (SP)", "S&P"},
        {"31st USENIX Security Symposium (USENIX Security 22)", "USENIX-Security"},
        {"Proceedings of the 2019 ACM SIGOPS 27th Symposium on Operating Systems Principles", "SOSP"},
        {"Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP)", "EMNLP"},
        {"Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR"},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
        const char *got = match(&data, named[i][0]);
        CHECK_STR(got, named[i][1]);
        if (!got || strcmp(got, named[i][1])) printf("#   for: %s\n", named[i][0]);
    }
    /* every CSRankings area has its venues, with a kind and an area */
    static const char *const areas[] = {
        "AAAI", "IJCAI", "CVPR", "ECCV", "ICCV", "ICLR", "ICML", "NeurIPS", "KDD", "ACL", "EMNLP", "NAACL", "SIGIR",
        "WWW", "ASPLOS", "ISCA", "MICRO", "HPCA", "SIGCOMM", "NSDI", "CCS", "S&P", "USENIX-Security", "NDSS", "SIGMOD",
        "VLDB", "ICDE", "PODS", "SC", "HPDC", "ICS", "MobiCom", "MobiSys", "SenSys", "IMC", "SIGMETRICS", "SOSP",
        "OSDI", "EuroSys", "FAST", "ATC", "PLDI", "POPL", "ICFP", "OOPSLA", "FSE", "ICSE", "ASE", "ISSTA", "FOCS",
        "SODA", "STOC", "CRYPTO", "EUROCRYPT", "CAV", "LICS", "SIGGRAPH", "SIGGRAPH-Asia", "CHI", "UbiComp", "UIST",
        "ICRA", "IROS", "RSS", "ISMB", "RECOMB", "EC", "WINE", "DAC", "ICCAD", "EMSOFT", "RTAS", "RTSS", "VIS", "CSCW"};
    for (size_t i = 0; i < sizeof areas / sizeof *areas; i++) {
        const lit_venue *v = lit_venues_find(&data, areas[i]);
        CHECK(v != NULL && v->area && strcmp(v->area, "other") != 0);
        if (!v) printf("#   missing: %s\n", areas[i]);
    }
}

int main(void)
{
    lit_diag d;
    lit_diag_init(&d, stderr);
    if (lit_venues_load(&vs, "tests/fixtures/venues/venues.yaml", &d) != 0 ||
        lit_venues_load(&data, "data/venues.yaml", &d) != 0) {
        printf("not ok - venue tables load\n");
        return 1;
    }
    test_rules();
    test_text_ok();
    test_name_key();
    test_data();
    lit_venues_free(&vs);
    lit_venues_free(&data);
    return CHECK_DONE();
}
