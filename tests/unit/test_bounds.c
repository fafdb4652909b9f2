/*
 * test_bounds.c — hostile pages whose cost the pre-scan bounds: each one is
 * extracted in a child process under a CPU-time limit (RLIMIT_CPU) and an
 * address-space limit (RLIMIT_AS) that a linear extraction stays far below
 * and a quadratic one far exceeds. These are bounds, not speed tests: the
 * limits are 10-100 times what the extraction takes on this machine.
 * Under AddressSanitizer the pages are ten times smaller and only the CPU
 * limit applies (ASan reserves terabytes of address space).
 */
#include "readmode.h"
#include "shapes.h"
#include "testutil.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

#define MB ((size_t)1 << 20)

/* Extract `html` in a child limited to `cpu_seconds` of CPU and `memory_mb`
 * of address space; the child exits 0 when it got an article or the best
 * text without one. Returns the child's wait status. */
static int extract_bounded(const char *html, size_t len, unsigned cpu_seconds, size_t memory_mb)
{
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct rlimit cpu = {cpu_seconds, cpu_seconds};
        setrlimit(RLIMIT_CPU, &cpu);
        if (!SANITIZED) {
            struct rlimit memory = {(rlim_t)memory_mb * MB, (rlim_t)memory_mb * MB};
            setrlimit(RLIMIT_AS, &memory);
        }
        rm_options opt = rm_default_options;
        opt.max_input_bytes = 0;
        rm_article *a = NULL;
        rm_status st = rm_extract(html, len, &opt, &a);
        int ok = (st == RM_OK || st == RM_NO_ARTICLE) && a && a->text && a->html;
        rm_article_free(a);
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

static void check_bounded(const char *what, const char *html, size_t len, unsigned cpu_seconds,
                          size_t memory_mb)
{
    if (SANITIZED)
        cpu_seconds *= 5;
    int status = extract_bounded(html, len, cpu_seconds, memory_mb);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "%s (%.1f MB): not extracted within %u s of CPU and %zu MB (%s %d)", what,
                  (double)len / (double)MB, cpu_seconds, memory_mb,
                  WIFSIGNALED(status) ? "signal" : "exit status",
                  WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
}

static char *page_of(const char *shape_name, size_t bytes, size_t *len)
{
    const shape *s = shape_named(shape_name);
    ck_assert_ptr_nonnull(s);
    return shape_page(s, SANITIZED ? bytes / 10 : bytes, len);
}

/* Gumbo compares each attribute with all before it: 1 000 000 on one
 * element would take hours; the pre-scan keeps the first 128. */
START_TEST(million_attributes_on_one_element)
{
    size_t len;
    char *html = page_of("attributes", 9 * MB, &len);   /* " a123456=v": 1 000 000 */
    check_bounded("1 000 000 attributes", html, len, 20, 1024);
    free(html);
}
END_TEST

/* The same attribute a million times: a duplicate is still compared. */
START_TEST(million_duplicate_attributes)
{
    const size_t count = SANITIZED ? 100000 : 1000000;
    shape_buf b = {0};
    shape_open(&b);
    shape_puts(&b, "<p");
    for (size_t i = 0; i < count; i++)
        shape_puts(&b, " class=x");
    shape_puts(&b, ">x</p>");
    shape_close(&b);
    check_bounded("1 000 000 duplicate attributes", b.data, b.len, 20, 1024);
    free(b.data);
}
END_TEST

/* <b><p></b></p> repeated: the adoption agency on every </b>; readmode's
 * passes over the trees it makes must stay linear too. */
START_TEST(misnested_formatting_20_mb)
{
    size_t len;
    char *html = page_of("misnested", 20 * MB, &len);
    check_bounded("20 MB of misnested formatting", html, len, 120, 6144);
    free(html);
}
END_TEST

/* Unclosed tables inside cells, with text foster-parented out of them:
 * the nesting cap bounds the depth Gumbo would be quadratic in. */
START_TEST(nested_tables_10_mb)
{
    size_t len;
    char *html = page_of("tables", 10 * MB, &len);
    check_bounded("10 MB of nested tables", html, len, 60, 2048);
    free(html);
}
END_TEST

/* A 20 MB style sheet: handed to the clutter detector, never to Gumbo. */
START_TEST(style_sheet_20_mb)
{
    size_t len;
    char *html = page_of("style", 20 * MB, &len);
    check_bounded("a 20 MB <style>", html, len, 30, 2048);
    free(html);
}
END_TEST

/* Long class lists on every element: the marker scans read every token. */
START_TEST(class_lists_10_mb)
{
    size_t len;
    char *html = page_of("classes", 10 * MB, &len);
    check_bounded("10 MB of class lists", html, len, 30, 2048);
    free(html);
}
END_TEST

/* Edit and skip links: each one looks up the element it points to. */
START_TEST(skip_links_5_mb)
{
    size_t len;
    char *html = page_of("skip-links", 5 * MB, &len);
    check_bounded("5 MB of edit links", html, len, 30, 2048);
    free(html);
}
END_TEST

static Suite *bounds_suite(void)
{
    Suite *s = suite_create("bounds");
    TCase *tc = tcase_create("hostile");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, million_attributes_on_one_element);
    tcase_add_test(tc, million_duplicate_attributes);
    tcase_add_test(tc, misnested_formatting_20_mb);
    tcase_add_test(tc, nested_tables_10_mb);
    tcase_add_test(tc, style_sheet_20_mb);
    tcase_add_test(tc, class_lists_10_mb);
    tcase_add_test(tc, skip_links_5_mb);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(bounds_suite)
