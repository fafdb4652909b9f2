/*
 * test_streamed.c — pages rendered by React's streaming server renderer,
 * on small hand-written pages: the suspended parts arrive hidden, as
 * <div hidden id="S:n"> after the rest, for a script to move into place.
 * When they hold the page's text (the visible page is a shell of
 * navigation and footer) they are the article; a streamed shelf of linked
 * teasers under a page that is there stays hidden.
 */
#include "page_checks.h"

#define SHELL_NAV                                                                        \
    "<header><nav><a href=\"/\">Home</a> <a href=\"/blog\">Blog</a> "                    \
    "<a href=\"/pricing\">Pricing</a> <a href=\"/docs\">Docs</a></nav></header>"

#define STORY_PARAGRAPHS                                                                 \
    "<p>Indexes are the first thing to look at when a query is slow, but they are not "  \
    "free: every index costs space on disk and time on every write, so the planner's "   \
    "choice should decide which ones stay.</p>"                                         \
    "<p>Start with the statistics view of the server, which counts how often each index " \
    "was scanned since the last reset, and drop the ones that nobody has used in a "     \
    "month, after checking the replicas as well.</p>"                                   \
    "<p>Then read the plans of the ten slowest statements, with their real row counts, " \
    "and look for sequential scans over large tables, sorts that spill to disk and "     \
    "estimates that are wrong by orders of magnitude.</p>"

START_TEST(a_streamed_article_in_a_shell_is_the_page)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><template id=\"B:0\"></template><p>Loading...</p></main>"
        "<footer><p>Copyright 2026 Example Inc.</p><a href=\"/privacy\">Privacy</a></footer>"
        "<div hidden id=\"S:0\"><article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "</article></div>"
        "<script>$RC(\"B:0\",\"S:0\")</script></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(strstr(a->text, "Indexes are the first thing"), "segment lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "slowest statements"), "segment lost: %s", a->text);
    ck_assert_msg(a->html && strstr(a->html, "slowest statements"), "html lost it: %s", a->html);
    ck_assert_msg(!strstr(a->text, "Pricing"), "shell kept: %s", a->text);
    ck_assert(a->readerable);
    rm_article_free(a);
}
END_TEST

START_TEST(a_streamed_shelf_of_links_under_a_page_stays_hidden)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS "</article>"
        "<template id=\"B:0\"></template></main>"
        "<div hidden id=\"S:0\"><h2>More from the blog</h2><ul>"
        "<li><a href=\"/a\">Partitioning a table of one billion rows without downtime</a></li>"
        "<li><a href=\"/b\">Why your connection pool is too large, and how to size it</a></li>"
        "<li><a href=\"/c\">Vacuum, explained with pictures for people in a hurry</a></li>"
        "<li><a href=\"/d\">Reading an execution plan from the inside out, step by step</a></li>"
        "</ul></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(strstr(a->text, "Indexes are the first thing"), "story lost: %s", a->text);
    ck_assert_msg(!strstr(a->text, "connection pool"), "shelf shown: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* Any other hidden box is hidden, whatever its id. */
START_TEST(only_streamed_segment_ids_count)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><p>Loading...</p></main>"
        "<div hidden id=\"S:draft\"><article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "</article></div></body></html>";
    rm_article *a = extract(html);
    /* Nothing visible reads as an article: the hidden text is the
     * fallback's (never empty), but the page is not readerable. */
    ck_assert(!a->readerable);
    rm_article_free(a);
}
END_TEST

static Suite *streamed_suite(void)
{
    Suite *s = suite_create("streamed");
    TCase *tc = tcase_create("segments");
    tcase_add_test(tc, a_streamed_article_in_a_shell_is_the_page);
    tcase_add_test(tc, a_streamed_shelf_of_links_under_a_page_stays_hidden);
    tcase_add_test(tc, only_streamed_segment_ids_count);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(streamed_suite)
