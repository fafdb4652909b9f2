/*
 * test_streamed.c — pages rendered by React's streaming server renderer,
 * on small hand-written pages: the suspended parts arrive hidden, as
 * <div hidden id="S:n"> after the rest, for a script to move into place.
 * When they hold the page's text (the visible page is a shell of
 * navigation and footer) they are the article; a streamed shelf of linked
 * teasers under a page that is there stays hidden. When the page's scripts
 * say where a segment goes ($RC, $RR, $RS; Marko's $afR(n) for its hidden
 * fragments), its content is read in that place, as the browser shows it
 * once they ran. Likewise a <main> whose
 * content an age gate or lockdown script hides whole until it has decided
 * is read as it shows then, while what the content itself hides stays
 * hidden.
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

#define LATE_PARAGRAPH                                                                   \
    "<p>Then compare the plans of the heaviest nightly reports with those of last month, " \
    "and look for joins whose order changed when a table doubled in size.</p>"

#define CLOSING_PARAGRAPH                                                                \
    "<p>Last, measure again after each change, because the planner's choices shift as "  \
    "the data grows and yesterday's fix can be tomorrow's slow query.</p>"

/* Where the text lies in the article's plain text (-1: missing). */
static long position(const rm_article *a, const char *phrase)
{
    const char *at = strstr(a->text, phrase);
    return at ? (long)(at - a->text) : -1;
}

static void assert_in_order(const rm_article *a, const char *first, const char *second)
{
    long p1 = position(a, first), p2 = position(a, second);
    ck_assert_msg(p1 >= 0 && p2 > p1, "\"%s\" not before \"%s\" in:\n%s", first, second,
                  a->text);
}

/* The boundary's fallback goes, the segment takes its place inside the
 * article, between the paragraphs around it. */
START_TEST(a_segment_moves_into_its_boundary)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "<!--$?--><template id=\"B:0\"></template><p>Loading the rest...</p><!--/$-->"
        CLOSING_PARAGRAPH "</article></main>"
        "<footer><p>Copyright 2026 Example Inc.</p></footer>"
        "<div hidden id=\"S:0\">" LATE_PARAGRAPH "</div>"
        "<script>$RC=function(b,c,e){};$RC(\"B:0\",\"S:0\")</script></body></html>";
    rm_article *a = extract(html);
    assert_in_order(a, "orders of magnitude", "heaviest nightly reports");
    assert_in_order(a, "table doubled", "measure again");
    assert_lacks(a, "Loading the rest");
    ck_assert(a->readerable);
    rm_article_free(a);
}
END_TEST

/* Segment and boundary numbers differ: the script's calls pair them, and
 * $RS moves a segment to a <template id="P:n"> placeholder. */
START_TEST(the_scripts_calls_pair_segments_and_places)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "<!--$?--><template id=\"B:0\"></template><p>Loading...</p><!--/$-->"
        "<h2>Afterwards</h2><template id=\"P:5\"></template>"
        CLOSING_PARAGRAPH "</article></main>"
        "<div hidden id=\"S:0\"><p>The segment numbered zero is the second to arrive here, "
        "and its text belongs after the heading named Afterwards, above the last "
        "paragraph of the article.</p></div>"
        "<script>$RS(\"S:0\",\"P:5\")</script>"
        "<div hidden id=\"S:1\">" LATE_PARAGRAPH "</div>"
        "<script>$RC(\"B:0\",\"S:1\")</script></body></html>";
    rm_article *a = extract(html);
    assert_in_order(a, "orders of magnitude", "heaviest nightly reports");
    assert_in_order(a, "heaviest nightly reports", "Afterwards");
    assert_in_order(a, "Afterwards", "numbered zero");
    assert_in_order(a, "numbered zero", "measure again");
    rm_article_free(a);
}
END_TEST

/* A segment that holds its own placeholder is read once, where it is. */
START_TEST(a_segment_holding_its_own_place_is_read_once)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS "</article></main>"
        "<div hidden id=\"S:0\">" LATE_PARAGRAPH "<template id=\"B:0\"></template></div>"
        "<script>$RC(\"B:0\",\"S:0\");$RC(\"B:0\",\"S:0\")</script></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Indexes are the first thing");
    long at = position(a, "heaviest nightly reports");
    ck_assert_msg(at < 0 || !strstr(a->text + at + 1, "heaviest nightly reports"), "twice: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* A shelf of teaser cards (a linked title over a line of text) that a
 * script places under the article is still a shelf: it stays hidden. */
START_TEST(a_placed_shelf_of_teasers_stays_hidden)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "<!--$?--><template id=\"B:0\"></template><!--/$-->"
        CLOSING_PARAGRAPH "</article></main>"
        "<div hidden id=\"S:0\"><h2>Yesterday on the blog</h2><ol>"
        "<li><a href=\"/a\">Partitioning a billion rows</a><p>Without downtime, in steps.</p></li>"
        "<li><a href=\"/b\">Sizing a connection pool</a><p>Smaller than you think it is.</p></li>"
        "<li><a href=\"/c\">Vacuum, explained</a><p>With pictures, for people in a hurry.</p></li>"
        "</ol></div>"
        "<script>$RC(\"B:0\",\"S:0\")</script></body></html>";
    rm_article *a = extract(html);
    assert_in_order(a, "orders of magnitude", "measure again");
    assert_lacks(a, "connection pool");
    assert_lacks(a, "Yesterday on the blog");
    rm_article_free(a);
}
END_TEST

/* Marko's out-of-order rendering: the placeholder "afRphn" shows a
 * loading indicator until $afR(n) replaces it with the children of the
 * hidden fragment "afRn" sent after the rest. */
START_TEST(a_fragment_replaces_its_placeholder)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "<span id=\"afshopph3\"><div class=\"skeleton\">Loading the rest...</div></span>"
        CLOSING_PARAGRAPH "</article></main>"
        "<footer><p>Copyright 2026 Example Inc.</p></footer>"
        "<script>function $afshop(d,a){};$afshop(3)</script>"
        "<div id=\"afshop3\" style=\"display:none\">" LATE_PARAGRAPH "</div></body></html>";
    rm_article *a = extract(html);
    assert_in_order(a, "orders of magnitude", "heaviest nightly reports");
    assert_in_order(a, "table doubled", "measure again");
    assert_lacks(a, "Loading the rest");
    rm_article_free(a);
}
END_TEST

START_TEST(a_veiled_main_region_is_the_page)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><div class=\"lockdown-content\" style=\"display: none\">"
        "<article><h1>Query tuning</h1>" STORY_PARAGRAPHS
        "<div style=\"display:none\"><p>Price in euros: 19 EUR</p></div></article></div></main>"
        "<footer><p>Copyright 2026 Example Inc.</p><a href=\"/privacy\">Privacy</a></footer>"
        "</body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Indexes are the first thing");
    assert_has(a, "slowest statements");
    assert_lacks(a, "Price in euros");
    assert_lacks(a, "Copyright");
    rm_article_free(a);
}
END_TEST

/* A main region that shows its content keeps its hidden boxes hidden. */
START_TEST(a_hidden_box_in_a_shown_main_region_stays_hidden)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Query tuning</title></head><body>"
        SHELL_NAV "<main><article><h1>Query tuning</h1>" STORY_PARAGRAPHS "</article>"
        "<div style=\"display:none\"><p>Thanks for subscribing! Check your inbox to confirm "
        "your address and get the first issue of our weekly letter about databases, written "
        "by the team and sent every Friday morning to every reader who asked for it.</p>"
        "</div></main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Indexes are the first thing");
    assert_lacks(a, "Thanks for subscribing");
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
    TCase *moves = tcase_create("moves");
    tcase_add_test(moves, a_segment_moves_into_its_boundary);
    tcase_add_test(moves, the_scripts_calls_pair_segments_and_places);
    tcase_add_test(moves, a_segment_holding_its_own_place_is_read_once);
    tcase_add_test(moves, a_placed_shelf_of_teasers_stays_hidden);
    tcase_add_test(moves, a_fragment_replaces_its_placeholder);
    suite_add_tcase(s, moves);
    TCase *veils = tcase_create("veils");
    tcase_add_test(veils, a_veiled_main_region_is_the_page);
    tcase_add_test(veils, a_hidden_box_in_a_shown_main_region_stays_hidden);
    suite_add_tcase(s, veils);
    return s;
}

RM_TEST_MAIN(streamed_suite)
