/*
 * test_url.c — RFC 3986 reference resolution (the §5.4 examples, as the
 * WHATWG URL Standard reads them for http), special-scheme rules, and the
 * URL safety filter for reader HTML.
 */
#include "url.h"
#include "testutil.h"

typedef struct {
    const char *ref, *expected;
} example;

/* RFC 3986 §5.4, base "http://a/b/c/d;p?q". */
static const char rfc_base[] = "http://a/b/c/d;p?q";

static const example normal_examples[] = {   /* §5.4.1 */
    {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
    {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g/"} /* URL Standard: "/" path */,
    {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
    {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"},
    {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
    {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
    {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"}, {"./", "http://a/b/c/"},
    {"..", "http://a/b/"}, {"../", "http://a/b/"}, {"../g", "http://a/b/g"},
    {"../..", "http://a/"}, {"../../", "http://a/"}, {"../../g", "http://a/g"},
};

static const example abnormal_examples[] = {   /* §5.4.2, strict parser */
    {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"},
    {"/./g", "http://a/g"}, {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."},
    {".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."}, {"..g", "http://a/b/c/..g"},
    {"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"},
    {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"},
    {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
    {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
    {"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
    {"http:g", "http://a/b/c/g"},   /* the URL Standard: relative to an http base */
};

static void check_examples(const example *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        char *got = url_resolve(rfc_base, list[i].ref);
        ck_assert_msg(got && !strcmp(got, list[i].expected), "\"%s\" resolved to \"%s\", want \"%s\"",
                      list[i].ref, got ? got : "(null)", list[i].expected);
        free(got);
    }
}

START_TEST(rfc3986_normal_examples)
{
    check_examples(normal_examples, sizeof normal_examples / sizeof normal_examples[0]);
}
END_TEST

START_TEST(rfc3986_abnormal_examples)
{
    check_examples(abnormal_examples, sizeof abnormal_examples / sizeof abnormal_examples[0]);
}
END_TEST

static void check_resolve(const char *base, const char *ref, const char *expected)
{
    char *got = url_resolve(base, ref);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, expected);
    free(got);
}

START_TEST(page_style_references)
{
    check_resolve("https://example.org", "img/a.png", "https://example.org/img/a.png");
    check_resolve("https://example.org/blog/post.html", "//cdn.example.net/x.js",
                  "https://cdn.example.net/x.js");
    check_resolve("https://example.org/blog/post.html?page=2", "#comments",
                  "https://example.org/blog/post.html?page=2#comments");
    check_resolve("https://example.org/blog/post.html", "?page=3",
                  "https://example.org/blog/post.html?page=3");
    check_resolve("https://example.org/blog/post.html", "https://other.example/a/../b",
                  "https://other.example/b");
    check_resolve("https://example.org/a/", "mailto:someone@example.org",
                  "mailto:someone@example.org");
}
END_TEST

START_TEST(references_are_cleaned_like_browsers_do)
{
    check_resolve("https://example.org/a/b", "  ../c\n/d\t ", "https://example.org/c/d");
}
END_TEST

START_TEST(whatwg_special_schemes)
{
    const char *base = "https://site.example/p/q";
    check_resolve(base, "https:\\\\example.com\\x", "https://example.com/x");
    check_resolve(base, "\\\\cdn.example\\a\\b.png", "https://cdn.example/a/b.png");
    check_resolve(base, "a\\b?c\\d#e\\f", "https://site.example/p/a/b?c\\d#e\\f");
    check_resolve(base, "https:x", "https://site.example/p/x");
    check_resolve(base, "http:/other.example/y", "http://other.example/y");
    check_resolve(base, "http:///other.example", "http://other.example/");
    check_resolve(base, "HTTP://Other.EXAMPLE:80/Path", "http://other.example/Path");
    check_resolve(base, "https://x.example:443", "https://x.example/");
    check_resolve(base, "https://x.example:8443/a", "https://x.example:8443/a");
    check_resolve(base, "ht\ntp://ex\tample.com/a", "http://example.com/a");
    check_resolve(base, "tel:+44 20 7946 0000", "tel:+44 20 7946 0000");
    check_resolve(base, "mailto:a@b.example", "mailto:a@b.example");
    check_resolve(base, "urn:isbn:0451450523\\x", "urn:isbn:0451450523\\x");   /* not special */
    check_resolve("HTTPS://Site.Example", "a", "https://site.example/a");
}
END_TEST

START_TEST(null_arguments)
{
    check_resolve(NULL, "../x", "../x");
    check_resolve("http://a/b", NULL, "http://a/b");
    ck_assert_ptr_null(url_resolve(NULL, NULL));
}
END_TEST

/* --- safety --------------------------------------------------------- */

static const char *const safe_urls[] = {
    "http://example.org/", "HTTPS://example.org/a?b#c", "mailto:a@example.org", "tel:+4420",
    "ftp://files.example.org/x", "/relative/path", "relative.html", "../up",
    "?q=1", "#section", "//example.org/scheme-relative", "",
    "java script:alert(1)",   /* not a scheme: a harmless relative path */
};

static const char *const unsafe_urls[] = {
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", " \x01javascript:alert(1)", "javascript\r:alert(1)",
    "jav\x01" "ascript:alert(1)", "vbscript:msgbox", "VBScript:msgbox",
    "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
    "data:image/png;base64,iVBOR",   /* images only */
    "about:blank", "chrome://settings", "blob:https://x/1",
};

START_TEST(safe_urls_pass)
{
    for (size_t i = 0; i < sizeof safe_urls / sizeof safe_urls[0]; i++)
        ck_assert_msg(url_is_safe(safe_urls[i], 0), "\"%s\" should be safe", safe_urls[i]);
}
END_TEST

START_TEST(unsafe_urls_rejected)
{
    for (size_t i = 0; i < sizeof unsafe_urls / sizeof unsafe_urls[0]; i++)
        ck_assert_msg(!url_is_safe(unsafe_urls[i], 0), "\"%s\" should be unsafe", unsafe_urls[i]);
    ck_assert(!url_is_safe(NULL, 0));
}
END_TEST

START_TEST(data_images)
{
    ck_assert(url_is_safe("data:image/png;base64,iVBORw0KGgo=", 1));
    ck_assert(url_is_safe("DATA:Image/JPEG;base64,/9j/", 1));
    ck_assert(!url_is_safe("data:image/svg+xml;base64,PHN2Zz4=", 1));
    ck_assert(!url_is_safe("data:IMAGE/SVG+XML,<svg onload=alert(1)>", 1));
    ck_assert(!url_is_safe("data:text/html;base64,PHNjcmlwdD4=", 1));
    ck_assert(!url_is_safe("javascript:alert(1)", 1));
}
END_TEST

static Suite *url_suite(void)
{
    Suite *s = suite_create("url");
    TCase *resolve = tcase_create("resolve");
    tcase_add_test(resolve, rfc3986_normal_examples);
    tcase_add_test(resolve, rfc3986_abnormal_examples);
    tcase_add_test(resolve, page_style_references);
    tcase_add_test(resolve, references_are_cleaned_like_browsers_do);
    tcase_add_test(resolve, whatwg_special_schemes);
    tcase_add_test(resolve, null_arguments);
    suite_add_tcase(s, resolve);
    TCase *safety = tcase_create("safety");
    tcase_add_test(safety, safe_urls_pass);
    tcase_add_test(safety, unsafe_urls_rejected);
    tcase_add_test(safety, data_images);
    suite_add_tcase(s, safety);
    return s;
}

RM_TEST_MAIN(url_suite)
