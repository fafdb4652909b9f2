/*
 * test_bypass_corpus.c — the text bypass (bypass.h) changes nothing the
 * passes read, on real pages: every page of the shared corpora (Mozilla
 * Readability's test pages and the WCXB development set), decoded to UTF-8
 * as extraction decodes it, is indexed with and without the bypass, and the
 * two indexes must agree in every node, text, attribute and length of raw
 * text (index_diff.h). Prints how many runs went past Gumbo. Skips with a
 * message when the corpora are absent.
 */
#include "encoding.h"
#include "index_diff.h"
#include "testutil.h"

#include <dirent.h>

#define MAX_PAGES 4096

typedef struct {
    size_t pages, bypassing, runs;
} tally;

/* One page's bytes: decoded as extraction decodes them, indexed both ways. */
static void check_page(const char *name, const char *bytes, size_t len, tally *t)
{
    const char *text, *detected;
    size_t text_len;
    char *owned = NULL;
    ck_assert_msg(encoding_view_utf8(bytes, len, NULL, &text, &text_len, &owned, &detected) == 0,
                  "%s: cannot decode", name);
    char why[400];
    size_t runs = 0;
    const char *diff = bypass_difference(text, text_len, &runs, why, sizeof why);
    ck_assert_msg(diff == NULL, "%s: %s", name, diff ? diff : "");
    t->pages++;
    t->bypassing += runs > 0;
    t->runs += runs;
    free(owned);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names in `dir` (sorted) that end in `suffix`; their count. */
static size_t list(const char *dir, const char *suffix, char **names)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t count = 0, n = strlen(suffix);
    struct dirent *ent;
    while ((ent = readdir(d)) && count < MAX_PAGES) {
        size_t len = strlen(ent->d_name);
        if (ent->d_name[0] != '.' && len >= n && !strcmp(ent->d_name + len - n, suffix))
            names[count++] = strdup(ent->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, by_name);
    return count;
}

START_TEST(bypassed_text_changes_no_index)
{
    const char *shared = tu_env("RM_SHARED", "../shared");
    char readability[1200], wcxb[1200], path[2600];
    snprintf(readability, sizeof readability, "%s/corpus/readability", shared);
    snprintf(wcxb, sizeof wcxb, "%s/corpus/wcxb-dev/html", shared);
    char **names = malloc(MAX_PAGES * sizeof *names);
    tally t = {0, 0, 0};
    size_t count = list(readability, "", names);
    for (size_t i = 0; i < count; i++) {
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s/source.html", readability, names[i]);
        char *html = tu_read_file(path, &len);
        if (html)
            check_page(names[i], html, len, &t);
        free(html);
        free(names[i]);
    }
    count = list(wcxb, ".html.gz", names);
    for (size_t i = 0; i < count; i++) {
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", wcxb, names[i]);
        char *html = tu_gunzip(path, &len);
        ck_assert_msg(html != NULL, "%s: cannot decompress", path);
        check_page(names[i], html, len, &t);
        free(html);
        free(names[i]);
    }
    free(names);
    if (t.pages == 0) {
        printf("test_bypass_corpus: SKIPPED, no corpus pages under %s/corpus\n", shared);
        return;
    }
    printf("test_bypass_corpus: %zu pages indexed alike both ways; %zu of them bypassed "
           "%zu runs of text and attribute values\n",
           t.pages, t.bypassing, t.runs);
}
END_TEST

static Suite *bypass_corpus_suite(void)
{
    Suite *s = suite_create("bypass_corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, bypassed_text_changes_no_index);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(bypass_corpus_suite)
