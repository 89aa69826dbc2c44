/* test_cite_keys.c - the keys the tables cite against a user's .bib: found by the matching
 * rules or by key, renamed when the key is another paper's, the missing ones written
 * under the same keys; and paths for \bibliography from an output folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "cite_keys.h"

static lit_paper *add(lit_db *db, const char *key, const char *title, const char *short_name, int year)
{
    lit_catalog *c = &db->cat;
    lit_paper *p = lit_catalog_add(c);
    p->key = lit_arena_strdup(&c->arena, key);
    p->title = lit_arena_strdup(&c->arena, title);
    p->short_name = lit_arena_strdup(&c->arena, short_name);
    p->year = (int16_t)year;
    p->venue = -1;
    p->line = (long)c->n_papers;
    p->col = 3;
    return p;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

int main(void)
{
    char dir[] = "/tmp/test_cite_keysXXXXXX";
    if (!mkdtemp(dir)) return 1;
    char bib[256], sub[256], other[256];
    snprintf(bib, sizeof bib, "%s/mine.bib", dir);
    snprintf(sub, sizeof sub, "%s/paper", dir);
    snprintf(other, sizeof other, "%s/refs", dir);
    mkdir(sub, 0700);
    mkdir(other, 0700);
    write_file(bib,
               "@inproceedings{DBLP:conf/sosp/NarayananHPSDGG19,\n"
               "  author = {Deepak Narayanan and Aaron Harlap},\n"
               "  title = {PipeDream: generalized pipeline parallelism for {DNN} training},\n"
               "  booktitle = {SOSP}, year = {2019}}\n"
               "@inproceedings{alpa-osdi22, title = {Alpa}, year = {2022}}\n"
               "@article{gpipe-neurips19, title = {Deep Residual Learning for Image Recognition},\n"
               "  author = {He, Kaiming}, journal = {CVPR}, year = {2016}}\n"
               "@misc{notitle, howpublished = {somewhere}}\n");

    lit_db db;
    memset(&db, 0, sizeof db);
    lit_catalog_init(&db.cat);
    db.cat.path = "mem.yaml";
    add(&db, "pipedream-sosp19", "PipeDream: Generalized Pipeline Parallelism for DNN Training", "PipeDream", 2019);
    add(&db, "alpa-osdi22", "Alpa: Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning",
        "Alpa", 2022);
    add(&db, "gpipe-neurips19", "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism",
        "GPipe", 2019);
    add(&db, "GPIPE-NEURIPS19A", "Another GPipe", NULL, 2019);   /* takes the first new key (any case) */
    add(&db, "orca-osdi22", "Orca: A Distributed Serving System for Transformer-Based Generative Models", "Orca", 2022);

    FILE *ef = tmpfile();
    lit_diag d;
    lit_diag_init(&d, ef);
    const char *bibs[] = {bib};
    uint32_t sel[] = {0, 1, 2, 4};
    lit_citemap *m = lit_citemap_new(&db, sel, 4, bibs, 1, &d);
    CHECK(m != NULL);
    if (m) {
        CHECK_STR(lit_citemap_key(m, 0), "DBLP:conf/sosp/NarayananHPSDGG19");   /* by title and year */
        CHECK_STR(lit_citemap_key(m, 1), "alpa-osdi22");      /* by key: "Alpa" is words of its name */
        CHECK_STR(lit_citemap_key(m, 2), "gpipe-neurips19b"); /* the key of another paper: renamed */
        CHECK_STR(lit_citemap_key(m, 4), "orca-osdi22");      /* not there: the catalog key */
        CHECK_INT(lit_citemap_n_found(m), 2);
        CHECK_INT(lit_citemap_n_missing(m), 2);
        CHECK_INT(lit_citemap_n_renamed(m), 1);
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len);
        CHECK_INT(lit_citemap_write_missing(m, mem, &d), 0);
        fclose(mem);
        CHECK(strstr(text, "{gpipe-neurips19b,") != NULL);
        CHECK(strstr(text, "{orca-osdi22,") != NULL);
        CHECK(strstr(text, "{gpipe-neurips19,") == NULL && strstr(text, "alpa") == NULL);
        free(text);
        lit_buf w = LIT_BUF_INIT;
        lit_citemap_files(m, &w);
        CHECK_STR(lit_buf_str(&w), bib);
        lit_buf_free(&w);
        lit_citemap_free(m);
    }
    /* the same renames whatever is selected */
    uint32_t one[] = {2};
    m = lit_citemap_new(&db, one, 1, bibs, 1, &d);
    CHECK(m && strcmp(lit_citemap_key(m, 2), "gpipe-neurips19b") == 0);
    lit_citemap_free(m);
    /* a file that is not there: an error, no map */
    const char *none[] = {"/nonexistent/x.bib"};
    CHECK(lit_citemap_new(&db, sel, 4, none, 1, &d) == NULL);
    fclose(ef);

    /* \bibliography names a file from the output's folder */
    lit_buf p = LIT_BUF_INIT;
    lit_path_from(sub, bib, true, &p);
    CHECK_STR(lit_buf_str(&p), "../mine");
    lit_buf_reset(&p);
    lit_path_from(dir, bib, false, &p);
    CHECK_STR(lit_buf_str(&p), "mine.bib");
    lit_buf_reset(&p);
    char deep[300];
    snprintf(deep, sizeof deep, "%s/refs/../refs", dir);
    lit_path_from(deep, bib, true, &p);
    CHECK_STR(lit_buf_str(&p), "../mine");
    lit_buf_reset(&p);
    lit_path_from("/", bib, true, &p);   /* from the root: the path without its first slash */
    CHECK(p.len && lit_buf_str(&p)[0] != '/');
    lit_buf_free(&p);

    unlink(bib);
    rmdir(sub);
    rmdir(other);
    rmdir(dir);
    lit_db_free(&db);
    return CHECK_DONE();
}
