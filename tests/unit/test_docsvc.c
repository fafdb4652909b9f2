/*
 * test_docsvc.c — documentation and service pages on small hand-written
 * pages: what makes a page a manual (inline code in its prose, links to its
 * own source, a version picker) when it declares nothing, and that a signed
 * story naming a few functions stays a story.
 */
#include "page_checks.h"

#define PROSE                                                                           \
    "The loader reads the settings once at start-up and keeps them for the whole "     \
    "run, so a change to the file takes effect only after the next restart."

/* A paragraph of a manual: prose that names options and functions. */
#define MANUAL_PARAGRAPH(n)                                                              \
    "<p>Call <code>open_" #n "()</code> before <code>read_" #n "()</code>; the option " \
    "<code>--limit-" #n "</code> caps how much is read. " PROSE "</p>"

static const char manual_page[] =
    "<html><head><title>Reading files</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/guide\">Guide</a></nav>"
    "<main><h1>Reading files</h1>"
    MANUAL_PARAGRAPH(1) MANUAL_PARAGRAPH(2) MANUAL_PARAGRAPH(3) MANUAL_PARAGRAPH(4)
    "<h2>Limits</h2>" MANUAL_PARAGRAPH(5) "</main></body></html>";

START_TEST(inline_code_makes_a_manual)
{
    rm_article *a = extract(manual_page);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "documentation");
    assert_has(a, "open_3()");
    rm_article_free(a);
}
END_TEST

/* A dated, authored story that names two functions is still a story. */
START_TEST(signed_story_with_some_code_stays_an_article)
{
    const char *html =
        "<html><head><title>Why we rewrote the loader</title>"
        "<meta name=\"author\" content=\"Ann Lee\">"
        "<meta property=\"article:published_time\" content=\"2025-03-02\"></head><body>"
        "<article><h1>Why we rewrote the loader</h1><p>By Ann Lee, March 2, 2025</p>"
        "<p>We replaced <code>open()</code> with <code>map()</code>. " PROSE "</p>"
        "<p>" PROSE "</p><p>" PROSE "</p></article></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* Prose with no code at all, but the chrome of a documentation generator:
 * an "Edit this page" link and a version picker. */
START_TEST(source_link_and_version_picker_make_a_manual)
{
    const char *html =
        "<html><head><title>Installing</title></head><body>"
        "<div class=\"version-switcher\"><button>v2.4</button></div>"
        "<main><h1>Installing</h1><p>" PROSE "</p><p>" PROSE "</p>"
        "<p><a href=\"https://git.example.org/docs/edit/install.md\">Edit this page</a></p>"
        "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "documentation");
    assert_has(a, "The loader reads the settings");
    assert_lacks(a, "Edit this page");
    rm_article_free(a);
}
END_TEST

static Suite *docsvc_suite(void)
{
    Suite *s = suite_create("docsvc");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, inline_code_makes_a_manual);
    tcase_add_test(tc, signed_story_with_some_code_stays_an_article);
    tcase_add_test(tc, source_link_and_version_picker_make_a_manual);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(docsvc_suite)
