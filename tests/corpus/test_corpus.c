/*
 * test_corpus.c — extraction quality on Mozilla Readability's test pages.
 *
 * For every $RM_SHARED/corpus/readability/<page>/source.html, extract the
 * article and compare its text with the text of expected.html (what
 * Readability.js extracts) by word-level F1: words are Unicode word-break
 * segments holding a letter or digit, case-folded, compared as multisets.
 * Prints the mean, the ten worst pages and the agreement of `readerable`
 * with expected-metadata.json, and fails below the floors. Skips with a message when the corpus is absent.
 */
#include "testutil.h"

#include "readmode.h"
#include "wordbag.h"

#include <cJSON.h>
#include <dirent.h>
#include <gumbo.h>
#include <sys/stat.h>

/* Agreement with Readability.js was 0.991 before page types. Where a page's
 * <main> region (or, on unsigned pages, a plain wrapper) holds twice the
 * text of Readability's one chosen block, we now take its sections whole,
 * as the WCXB ground truth does; that costs about a point here (0.979).
 * Calls to action styled as buttons ("Subscribe", "Get the app") now go
 * where Readability keeps them, and sections whose id only spells their
 * heading are no longer taken for comment boxes: 0.9785. */
#define MEAN_F1_FLOOR 0.97
#define READERABLE_FLOOR 0.95   /* agreement with Readability's isProbablyReaderable */
#define MAX_PAGES 512

/* Does an element break the text flow (so its edges separate words)? */
static bool breaks_flow(const GumboNode *n)
{
    static const GumboTag inline_tags[] = {
        GUMBO_TAG_A, GUMBO_TAG_SPAN, GUMBO_TAG_B, GUMBO_TAG_STRONG, GUMBO_TAG_I, GUMBO_TAG_EM,
        GUMBO_TAG_U, GUMBO_TAG_S, GUMBO_TAG_SMALL, GUMBO_TAG_SUB, GUMBO_TAG_SUP, GUMBO_TAG_CODE,
        GUMBO_TAG_ABBR, GUMBO_TAG_CITE, GUMBO_TAG_Q, GUMBO_TAG_MARK, GUMBO_TAG_TIME, GUMBO_TAG_FONT,
        GUMBO_TAG_KBD, GUMBO_TAG_VAR, GUMBO_TAG_SAMP, GUMBO_TAG_DEL, GUMBO_TAG_INS, GUMBO_TAG_BDI,
        GUMBO_TAG_BDO, GUMBO_TAG_DFN, GUMBO_TAG_TT, GUMBO_TAG_BIG, GUMBO_TAG_STRIKE,
    };
    for (size_t i = 0; i < sizeof inline_tags / sizeof inline_tags[0]; i++)
        if (n->v.element.tag == inline_tags[i])
            return false;
    return true;
}

static void append(char **buf, size_t *len, size_t *cap, const char *text, size_t n)
{
    while (*len + n + 1 > *cap)
        *buf = realloc(*buf, *cap *= 2);
    memcpy(*buf + *len, text, n);
    *len += n;
    (*buf)[*len] = '\0';
}

/* All text of expected.html as a browser lays it out: inline elements join
 * their neighbours' words, block edges separate them. A NULL on the stack
 * marks the end of a block. */
static void append_text(const GumboNode *root, char **buf, size_t *len, size_t *cap)
{
    size_t top = 0, stack_cap = 4096;
    const GumboNode **stack = malloc(sizeof *stack * stack_cap);
    stack[top++] = root;
    while (top) {
        const GumboNode *n = stack[--top];
        if (!n) {
            append(buf, len, cap, " ", 1);
            continue;
        }
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            append(buf, len, cap, n->v.text.text, strlen(n->v.text.text));
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT)
            continue;
        const GumboVector *kids = n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children
                                                                : &n->v.document.children;
        if (n->type == GUMBO_NODE_ELEMENT &&
            (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE))
            continue;
        bool block = n->type == GUMBO_NODE_ELEMENT && breaks_flow(n);
        if (top + kids->length + 2 > stack_cap) {
            stack_cap = (top + kids->length + 2) * 2;
            stack = realloc(stack, sizeof *stack * stack_cap);
        }
        if (block) {
            append(buf, len, cap, " ", 1);
            stack[top++] = NULL;
        }
        for (unsigned i = kids->length; i-- > 0;)
            stack[top++] = kids->data[i];
    }
    free(stack);
}

static char *html_text(const char *html)
{
    GumboOutput *out = gumbo_parse(html);
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    buf[0] = '\0';
    append_text(out->root, &buf, &len, &cap);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return buf;
}

typedef struct {
    char name[128];
    double f1;
} page_score;

/* 1 when expected-metadata.json states readerable (and *agree is bumped
 * when ours matches), else 0. */
static size_t expected_readerable(const char *dir, const char *name, const rm_article *a, size_t *agree)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s/expected-metadata.json", dir, name);
    char *json = tu_read_file(path, NULL);
    cJSON *meta = json ? cJSON_Parse(json) : NULL;
    free(json);
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(meta, "readerable");
    size_t stated = cJSON_IsBool(r) ? 1 : 0;
    if (stated && a && (cJSON_IsTrue(r) == a->readerable))
        (*agree)++;
    cJSON_Delete(meta);
    return stated;
}

static int by_f1(const void *a, const void *b)
{
    double d = ((const page_score *)a)->f1 - ((const page_score *)b)->f1;
    return d < 0 ? -1 : d > 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(corpus_word_f1)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/corpus/readability", tu_env("RM_SHARED", "../shared"));
    DIR *d = opendir(dir);
    if (!d) {
        printf("test_corpus: SKIPPED, corpus not found at %s\n", dir);
        return;
    }
    char *names[MAX_PAGES];
    size_t count = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && count < MAX_PAGES)
        if (ent->d_name[0] != '.')
            names[count++] = strdup(ent->d_name);
    closedir(d);
    qsort(names, count, sizeof names[0], by_name);

    page_score *scores = calloc(count, sizeof *scores);
    size_t scored = 0, readerable_pages = 0, readerable_agree = 0;
    double sum = 0.0;
    for (size_t i = 0; i < count; i++) {
        char src[1400], want[1400];
        snprintf(src, sizeof src, "%s/%s/source.html", dir, names[i]);
        snprintf(want, sizeof want, "%s/%s/expected.html", dir, names[i]);
        size_t len;
        char *html = tu_read_file(src, &len);
        char *expected_html = tu_read_file(want, NULL);
        if (html && expected_html) {
            rm_options opt = rm_default_options;
            opt.url = "http://fakehost/test/page.html";
            opt.formats = RM_FORMAT_TEXT;
            rm_article *a = NULL;
            rm_status st = rm_extract(html, len, &opt, &a);
            ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "%s: status %s", names[i], rm_status_code(st));
            readerable_pages += expected_readerable(dir, names[i], a, &readerable_agree);
            char *expected = html_text(expected_html);
            page_score *ps = &scores[scored++];
            snprintf(ps->name, sizeof ps->name, "%s", names[i]);
            ps->f1 = word_f1(a && a->text ? a->text : "", expected);
            sum += ps->f1;
            free(expected);
            rm_article_free(a);
        }
        free(html);
        free(expected_html);
        free(names[i]);
    }
    ck_assert_msg(scored > 0, "no pages in %s", dir);
    qsort(scores, scored, sizeof *scores, by_f1);
    double mean = sum / (double)scored;
    printf("test_corpus: %zu pages, mean word F1 %.4f (floor %.2f)\n", scored, mean, MEAN_F1_FLOOR);
    for (size_t i = 0; i < scored && i < 10; i++)
        printf("  worst %2zu: %.3f %s\n", i + 1, scores[i].f1, scores[i].name);
    free(scores);
    double agreement = readerable_pages ? (double)readerable_agree / (double)readerable_pages : 1.0;
    printf("test_corpus: readerable agrees with Readability on %zu/%zu pages (floor %.2f)\n",
           readerable_agree, readerable_pages, READERABLE_FLOOR);
    ck_assert_msg(mean >= MEAN_F1_FLOOR, "mean word F1 %.4f below %.2f", mean, MEAN_F1_FLOOR);
    ck_assert_msg(agreement >= READERABLE_FLOOR, "readerable agreement %.3f below %.2f", agreement,
                  READERABLE_FLOOR);
}
END_TEST

static Suite *corpus_suite(void)
{
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("readability");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, corpus_word_f1);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(corpus_suite)
