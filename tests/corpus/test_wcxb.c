/*
 * test_wcxb.c — extraction quality on the WCXB development pages.
 *
 * For every $RM_SHARED/corpus/wcxb-dev/html/ID.html.gz (decompressed through
 * `gzip -dc`), extract the article and score its text against the human
 * ground truth in ground-truth/ID.json with the benchmark's own metric:
 * bag-of-words precision, recall and F1 over lower-cased \w+ tokens (letters,
 * digits and underscore of any script), per page, averaged over pages. Prints
 * the table per page type (the ground truth's _internal.page_type.primary),
 * how often the detected page_type agrees with it, and fails when a type's
 * mean F1 falls below its floor. Skips with a message when the corpus is
 * absent.
 *
 * The Web Content eXtraction Benchmark (WCXB) v1.0, Murrough Foley 2026,
 * CC-BY-4.0; only its development split is used here.
 *
 * Environment: RM_WCXB_STRIDE=N scores every Nth page (default 1; 7 under
 * AddressSanitizer, where the full set is slow), RM_WCXB_TYPE=T only pages
 * of type T, RM_WCXB_WORST=N lists the N worst pages, RM_WCXB_OUT=FILE
 * writes one "id type detected f1 precision recall" line per page.
 */
#include "testutil.h"

#include "readmode.h"

#include <cJSON.h>
#include <dirent.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#if defined(__SANITIZE_ADDRESS__)
#define DEFAULT_STRIDE 7
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DEFAULT_STRIDE 7
#endif
#endif
#ifndef DEFAULT_STRIDE
#define DEFAULT_STRIDE 1
#endif

#define MAX_PAGES 4096

/* Floors set a little under what the method reaches on the full set. A
 * stride sample holds a dozen or two pages of the smaller types, too few
 * for their means to be stable: there only the overall mean is judged,
 * with some slack. */
static const struct {
    const char *type;
    double floor;
} floors[] = {
    {"all", 0.891},
    {"article", 0.953},
    {"documentation", 0.945},
    {"service", 0.854},
    {"product", 0.765},
    {"collection", 0.752},
    {"listing", 0.766},
    {"forum", 0.851},
};
#define TYPE_COUNT (sizeof floors / sizeof floors[0])
#define SAMPLE_SLACK 0.03

typedef struct {
    char id[64];
    int type;          /* index into floors[] */
    const char *detected;
    double f1, precision, recall;
    bool empty;
} page_score;

/* ---- the benchmark's metric ------------------------------------------------- */

/* Python's \w on str: alphanumeric (letters, numbers of any script) or _. */
static bool word_char(ucs4_t c)
{
    return c == '_' || uc_is_general_category(c, UC_CATEGORY_L) ||
           uc_is_general_category(c, UC_CATEGORY_N);
}

typedef struct {
    char **v;
    size_t n, cap;
} tokens;

static void tokens_add(tokens *t, const char *s, size_t n)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n++] = strndup(s, n);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lower-cased \w+ tokens of a text, sorted. */
static void tokenize(const char *text, tokens *t)
{
    size_t len = strlen(text), cap = 64, n = 0;
    char *word = malloc(cap);
    for (size_t i = 0; i <= len;) {
        ucs4_t uc = 0;
        int k = i < len ? u8_mbtouc(&uc, (const uint8_t *)text + i, len - i) : 1;
        if (i < len && word_char(uc)) {
            uint8_t enc[6];
            int m = u8_uctomb(enc, uc_tolower(uc), sizeof enc);
            if (n + 8 > cap)
                word = realloc(word, cap *= 2);
            memcpy(word + n, enc, m > 0 ? (size_t)m : 0);
            n += m > 0 ? (size_t)m : 0;
        } else if (n > 0) {
            tokens_add(t, word, n);
            n = 0;
        }
        i += k > 0 ? (size_t)k : 1;
    }
    free(word);
    if (t->n)
        qsort(t->v, t->n, sizeof *t->v, by_string);
}

static void tokens_free(tokens *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
}

static void score_text(const char *pred, const char *ref, page_score *ps)
{
    tokens p = {0}, r = {0};
    tokenize(pred, &p);
    tokenize(ref, &r);
    size_t overlap = 0;
    for (size_t i = 0, j = 0; i < p.n && j < r.n;) {
        int c = strcmp(p.v[i], r.v[j]);
        if (c == 0)
            overlap++, i++, j++;
        else if (c < 0)
            i++;
        else
            j++;
    }
    ps->precision = ps->recall = ps->f1 = 0.0;
    if (r.n == 0) {
        ps->precision = ps->recall = ps->f1 = p.n == 0 ? 1.0 : 0.0;
    } else if (p.n > 0) {
        ps->precision = (double)overlap / (double)p.n;
        ps->recall = (double)overlap / (double)r.n;
        double s = ps->precision + ps->recall;
        ps->f1 = s > 0 ? 2 * ps->precision * ps->recall / s : 0.0;
    }
    tokens_free(&p);
    tokens_free(&r);
}

/* ---- pages ------------------------------------------------------------------ */

static int type_index(const char *name)
{
    if (name && strcmp(name, "category") == 0)
        name = "collection";   /* the scorer's alias */
    for (size_t k = 1; k < TYPE_COUNT; k++)
        if (name && strcmp(name, floors[k].type) == 0)
            return (int)k;
    return 1;   /* the scorer's default: article */
}

/* Ground truth of one page: main_content (malloc'd) and the type index. */
static char *ground_truth(const char *path, int *type)
{
    char *json = tu_read_file(path, NULL);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    free(json);
    if (!root)
        return NULL;
    const cJSON *gt = cJSON_GetObjectItemCaseSensitive(root, "ground_truth");
    const cJSON *main = cJSON_GetObjectItemCaseSensitive(gt, "main_content");
    const cJSON *internal = cJSON_GetObjectItemCaseSensitive(root, "_internal");
    const cJSON *pt = cJSON_GetObjectItemCaseSensitive(internal, "page_type");
    const cJSON *primary = cJSON_IsObject(pt) ? cJSON_GetObjectItemCaseSensitive(pt, "primary") : pt;
    *type = type_index(cJSON_IsString(primary) ? primary->valuestring : NULL);
    char *text = strdup(cJSON_IsString(main) ? main->valuestring : "");
    cJSON_Delete(root);
    return text;
}

static int by_f1(const void *a, const void *b)
{
    double d = ((const page_score *)a)->f1 - ((const page_score *)b)->f1;
    return d < 0 ? -1 : d > 0;
}

static void print_table(const page_score *s, size_t n, size_t stride)
{
    printf("test_wcxb: WCXB v1.0 dev split (Murrough Foley 2026, CC-BY-4.0), every %zu. page\n", stride);
    printf("  %-14s%6s%7s%7s%7s%7s%8s%8s\n", "type", "pages", "F1", "P", "R", "empty", "typed", "floor");
    for (size_t k = 0; k < TYPE_COUNT; k++) {
        double f = 0, p = 0, r = 0;
        size_t pages = 0, empty = 0, typed = 0;
        for (size_t i = 0; i < n; i++) {
            if (k > 0 && s[i].type != (int)k)
                continue;
            pages++;
            f += s[i].f1, p += s[i].precision, r += s[i].recall;
            empty += s[i].empty;
            typed += strcmp(s[i].detected, floors[s[i].type].type) == 0;
        }
        if (pages == 0)
            continue;
        printf("  %-14s%6zu%7.3f%7.3f%7.3f%7zu%7.0f%%%8.2f\n", floors[k].type, pages, f / (double)pages,
               p / (double)pages, r / (double)pages, empty, 100.0 * (double)typed / (double)pages,
               floors[k].floor);
    }
}

START_TEST(wcxb_word_f1)
{
    char dir[1024], path[1400];
    snprintf(dir, sizeof dir, "%s/corpus/wcxb-dev", tu_env("RM_SHARED", "../shared"));
    snprintf(path, sizeof path, "%s/ground-truth", dir);
    DIR *d = opendir(path);
    if (!d) {
        printf("test_wcxb: SKIPPED, corpus not found at %s\n", dir);
        return;
    }
    size_t stride = (size_t)atoi(tu_env("RM_WCXB_STRIDE", "0"));
    if (stride == 0)
        stride = DEFAULT_STRIDE;
    if (stride > 1)
        printf("test_wcxb: scoring every %zu. page only (RM_WCXB_STRIDE=1 for all)\n", stride);
    const char *only = getenv("RM_WCXB_TYPE");
    char **names = malloc(MAX_PAGES * sizeof *names);
    size_t count = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && count < MAX_PAGES)
        if (strstr(ent->d_name, ".json"))
            names[count++] = strndup(ent->d_name, strlen(ent->d_name) - 5);
    closedir(d);
    qsort(names, count, sizeof names[0], by_string);

    page_score *scores = calloc(count, sizeof *scores);
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        int type = 0;
        snprintf(path, sizeof path, "%s/ground-truth/%s.json", dir, names[i]);
        char *truth = ground_truth(path, &type);
        if (!truth || (only && strcmp(only, floors[type].type) != 0) || i % stride != 0) {
            free(truth);
            continue;
        }
        size_t len = 0;
        snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, names[i]);
        char *html = tu_gunzip(path, &len);
        ck_assert_msg(html != NULL, "%s: cannot decompress", path);
        rm_options opt = rm_default_options;
        opt.formats = RM_FORMAT_TEXT;
        rm_article *a = NULL;
        rm_status st = rm_extract(html, len, &opt, &a);
        ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE || st == RM_BAD_INPUT, "%s: status %s",
                      names[i], rm_status_code(st));
        page_score *ps = &scores[n++];
        snprintf(ps->id, sizeof ps->id, "%s", names[i]);
        ps->type = type;
        const char *text = a && a->text ? a->text : "";
        ps->empty = strspn(text, " \n\t") == strlen(text);
        ps->detected = rm_page_type_name(a ? a->page_type : RM_PAGE_ARTICLE);
        score_text(text, truth, ps);
        rm_article_free(a);
        free(html);
        free(truth);
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    ck_assert_msg(n > 0, "no pages in %s", dir);

    const char *out = getenv("RM_WCXB_OUT");
    FILE *f = out ? fopen(out, "w") : NULL;
    for (size_t i = 0; f && i < n; i++)
        fprintf(f, "%s %s %s %.4f %.4f %.4f\n", scores[i].id, floors[scores[i].type].type,
                scores[i].detected, scores[i].f1, scores[i].precision, scores[i].recall);
    if (f)
        fclose(f);
    print_table(scores, n, stride);
    bool sample = stride > 1 || only;
    double slack = sample ? SAMPLE_SLACK : 0.0;
    if (sample)
        printf("test_wcxb: a sample: only the %s floor is judged\n", only ? only : "overall");
    double means[TYPE_COUNT] = {0};
    size_t pages[TYPE_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        means[0] += scores[i].f1, pages[0]++;
        means[scores[i].type] += scores[i].f1, pages[scores[i].type]++;
    }
    size_t worst = (size_t)atoi(tu_env("RM_WCXB_WORST", "10"));
    qsort(scores, n, sizeof *scores, by_f1);
    for (size_t i = 0; i < n && i < worst; i++)
        printf("  worst %2zu: %.3f P %.3f R %.3f %s %s (detected %s)\n", i + 1, scores[i].f1,
               scores[i].precision, scores[i].recall, scores[i].id, floors[scores[i].type].type,
               scores[i].detected);
    free(scores);
    for (size_t k = 0; k < TYPE_COUNT; k++) {
        /* A type-only run judges that type, a stride sample the overall mean. */
        if (pages[k] == 0 || (only && k == 0) || (sample && !only && k > 0))
            continue;
        double mean = means[k] / (double)pages[k];
        ck_assert_msg(mean >= floors[k].floor - slack, "%s: mean F1 %.3f below floor %.2f",
                      floors[k].type, mean, floors[k].floor - slack);
    }
}
END_TEST

static Suite *wcxb_suite(void)
{
    Suite *s = suite_create("wcxb");
    TCase *tc = tcase_create("wcxb-dev");
    tcase_set_timeout(tc, 1200);
    tcase_add_test(tc, wcxb_word_f1);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(wcxb_suite)
