/*
 * test_pages.c — readmode's own hand-written quality pages.
 *
 * Each tests/pages/<name>/ holds page.html, expected.txt (what a perfect
 * reader shows: title, blank line, body) and junk.txt (snippets of clutter
 * that must not appear). Every page must pass the bar of the shared junk
 * fixtures: no junk snippet in the output, every expected line present
 * (white space normalised, a leading "- " optional), and at least 95% of the
 * output's words accounted for by expected.txt. The command's own text
 * output is checked, as a script would use it.
 */
#include "testutil.h"

#include "readmode.h"
#include "wordbag.h"

#include <dirent.h>

#define MIN_RECALL 0.95
#define MIN_PRECISION 0.95

/* Collapse white space runs to one space and trim, in place. */
static char *squeeze(char *s)
{
    char *out = s;
    bool space = true;
    for (const char *p = s; *p; p++) {
        bool ws = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (ws && space)
            continue;
        *out++ = ws ? ' ' : *p;
        space = ws;
    }
    if (out > s && out[-1] == ' ')
        out--;
    *out = '\0';
    return s;
}

/* The article as `readmode FILE` prints it: title, blank line, text. */
static char *reader_output(const char *html, size_t len)
{
    rm_article *a = NULL;
    rm_status st = rm_extract(html, len, NULL, &a);
    if (st != RM_OK && st != RM_NO_ARTICLE)
        return strdup("");
    size_t n = strlen(a->title ? a->title : "") + strlen(a->text) + 3;
    char *out = malloc(n);
    snprintf(out, n, "%s\n\n%s", a->title ? a->title : "", a->text);
    rm_article_free(a);
    return out;
}

typedef struct {
    int leaked, lines, missing;
    double precision;
} page_result;

static page_result score_page(const char *dir, const char *name)
{
    char path[2048];
    page_result r = {0, 0, 0, 0.0};
    snprintf(path, sizeof path, "%s/%s/page.html", dir, name);
    size_t len = 0;
    char *html = tu_read_file(path, &len);
    snprintf(path, sizeof path, "%s/%s/expected.txt", dir, name);
    char *expected = tu_read_file(path, NULL);
    snprintf(path, sizeof path, "%s/%s/junk.txt", dir, name);
    char *junk = tu_read_file(path, NULL);
    ck_assert_msg(html && expected && junk, "%s: page.html, expected.txt and junk.txt needed", name);

    char *output = reader_output(html, len);
    size_t n_out, n_exp, overlap;
    bag_compare(output, expected, &n_out, &n_exp, &overlap);
    r.precision = n_out ? (double)overlap / (double)n_out : 0.0;
    char *flat = squeeze(strdup(output));

    char *save = NULL;
    for (char *line = strtok_r(junk, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (*squeeze(line) && strstr(flat, line)) {
            printf("  %s: junk leaked: %s\n", name, line);
            r.leaked++;
        }
    }
    char *expected_copy = strdup(expected);
    for (char *line = strtok_r(expected_copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        squeeze(line);
        if (!*line)
            continue;
        const char *want = strncmp(line, "- ", 2) == 0 ? line + 2 : line;
        r.lines++;
        if (!strstr(flat, want)) {
            printf("  %s: missing: %.100s\n", name, want);
            r.missing++;
        }
    }
    free(expected_copy);
    free(flat);
    free(output);
    free(html);
    free(expected);
    free(junk);
    return r;
}

START_TEST(hand_written_pages)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/pages", tu_env("RM_ROOT", "."));
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "no %s", dir);
    int passed = 0, failed = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        page_result r = score_page(dir, ent->d_name);
        double recall = r.lines ? 1.0 - (double)r.missing / r.lines : 1.0;
        bool ok = r.leaked == 0 && recall >= MIN_RECALL && r.precision >= MIN_PRECISION;
        printf("%s  %-40s junk_leaked=%d recall=%.3f precision=%.3f\n", ok ? "PASS" : "FAIL",
               ent->d_name, r.leaked, recall, r.precision);
        ok ? passed++ : failed++;
    }
    closedir(d);
    printf("pages: %d passed, %d failed\n", passed, failed);
    ck_assert_msg(passed > 0, "no pages in %s", dir);
    ck_assert_int_eq(failed, 0);
}
END_TEST

static Suite *pages_suite(void)
{
    Suite *s = suite_create("pages");
    TCase *tc = tcase_create("hand-written");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, hand_written_pages);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(pages_suite)
