/*
 * test_replies.c — threads whose replies nest inside the post they answer
 * (a reply box inside each post, replies to replies inside that), with no
 * author, date or permalink markup: the page says it is a discussion
 * (schema.org DiscussionForumPosting, Comment items), and the whole tree
 * is its content, in order; comments under an article stay clutter.
 */
#include "page_checks.h"

/* Each reply says something of its own, and names its number so that a
 * test can check that every reply is kept and in order. */
#define SAYS(n, topic)                                                                       \
    "<p>Reply " n " here: for the " topic " we kept nightly copies on a spare disk and a "     \
    "weekly one offsite, and restores took a few minutes from either.</p>"

/* Posts as <article class="post">, each one's replies in a
 * <section class="replies"> inside it: a class that Readability's list
 * of unlikely names holds. */
#define POST(n, topic, replies)                                                              \
    "<article class=\"post\">" SAYS(n, topic) "<section class=\"replies\">" replies          \
    "</section></article>"
#define LEAF(n, topic) "<article class=\"post\">" SAYS(n, topic) "</article>"

#define TREE                                                                                 \
    POST("1", "file server", LEAF("2", "laptops") LEAF("3", "mail archive")                  \
         LEAF("4", "photo library"))                                                         \
    POST("5", "database", LEAF("6", "build machine") LEAF("7", "shared drive")               \
         LEAF("8", "old backups"))                                                           \
    POST("9", "print server", LEAF("10", "accounts folder") LEAF("11", "design files")       \
         LEAF("12", "phone contacts"))

#define QUESTION                                                                             \
    "<p>We are five people with two file servers and a lot of laptops. What do you use "     \
    "for nightly backups in a small office, without paying for each seat?</p>"

static void assert_every_reply_in_order(const rm_article *a, int n)
{
    const char *at = a->text;
    for (int k = 1; k <= n; k++) {
        char want[32];
        snprintf(want, sizeof want, "Reply %d here", k);
        const char *found = strstr(at, want);
        ck_assert_msg(found, "missing or out of order \"%s\" in:\n%s", want, a->text);
        at = found;
    }
}

/* The page is a thread, and its text holds the question and then
 * replies 1 to n in order. */
static void assert_whole_thread(const char *html, int n)
{
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "What do you use for nightly backups");
    assert_every_reply_in_order(a, n);
    rm_article_free(a);
}

/* Each post's box of replies is named like a sidebar, and no post is
 * signed: the boxes stay, every reply kept in order. */
START_TEST(reply_boxes_inside_posts_stay)
{
    const char *html =
        "<html><head><title>Backups for a small office</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Backups for a small office\"}"
        "</script></head><body><nav><a href=\"/\">Home</a> <a href=\"/forum\">Forum</a></nav>"
        "<main><h1>Backups for a small office</h1><article class=\"post\">" QUESTION
        "</article><div class=\"thread\">" TREE "</div></main>"
        "<footer><a href=\"/about\">About</a></footer></body></html>";
    assert_whole_thread(html, 12);
}
END_TEST

/* One chain of microdata Comments, each the only reply to the one
 * before and all of one length: the scorer settles on a post of the
 * chain, and the thread around it (the question, the replies above) is
 * taken with it. */
#define COMMENT(n, topic, rest)                                                              \
    "<div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"            \
    "<div itemprop=\"text\"><p>Reply " n " here: for the " topic " we kept nightly copies "    \
    "on a spare disk and a weekly one offsite and restores took a few minutes from either "  \
    "of them.</p><p>We also tried a cloud service for a month but the upload took all "      \
    "night on our line so we went back to disks which we swap on Fridays.</p></div>" rest     \
    "</div>"

START_TEST(a_chain_of_nested_comments_is_the_thread)
{
    const char *html =
        "<html><head><title>Backups for a small office</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/forum\">Forum</a></nav>"
        "<main itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">"
        "<h1 itemprop=\"headline\">Backups for a small office</h1>"
        "<div itemprop=\"text\">" QUESTION "</div>"
        COMMENT("1", "file server", COMMENT("2", "laptops", COMMENT("3", "mail archive",
        COMMENT("4", "photo library", COMMENT("5", "database", COMMENT("6", "build machine",
        COMMENT("7", "shared drive", COMMENT("8", "old backups", ""))))))))
        "</main><footer><a href=\"/about\">About</a></footer></body></html>";
    assert_whole_thread(html, 8);
}
END_TEST

/* The same tree of replies under a news story is its comment section,
 * and goes. */
START_TEST(nested_replies_under_an_article_stay_clutter)
{
    const char *html =
        "<html><head><title>Council opens the new library</title>"
        "<meta property=\"og:type\" content=\"article\">"
        "<meta property=\"article:published_time\" content=\"2024-03-02T10:00:00Z\">"
        "</head><body><main><article><h1>Council opens the new library</h1>"
        "<p>The council opened the new library on Saturday, two years after the old one "
        "closed for repairs, with a reading room twice the size and a floor of study desks "
        "that stays open until ten every weekday evening.</p>"
        "<p>The building cost eleven million, a third of it from a national fund, and the "
        "architects kept the old facade, the clock and the carved doors on the square.</p>"
        "<p>Children's readings start next week, the librarian said, and the archive of the "
        "town's newspapers will be on the shelves again by the summer.</p></article>"
        "<div id=\"comments\" class=\"comments\"><h2>Comments</h2>" TREE "</div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "The council opened the new library");
    assert_lacks(a, "Reply 1 here");
    assert_lacks(a, "Reply 6 here");
    rm_article_free(a);
}
END_TEST

/* Old Reddit's comment tree: over each reply a tagline with two script
 * links that fold the tree ("[–]" and "(2 children)"), and the replies
 * nested in the one they answer. The script links are the software's
 * controls and go; the author and the age stay with each reply. */
#define THING(n, who, kids, text, replies)                                                   \
    "<div class=\"thing comment\" id=\"thing_t1_" n "\"><div class=\"entry\"><p "              \
    "class=\"tagline\"><a href=\"javascript:void(0)\" class=\"expand\">[&ndash;]</a><a "        \
    "href=\"https://old.example/user/" who "\" class=\"author\">" who "</a> <time "             \
    "datetime=\"2026-03-04T19:34:47+00:00\">17 hours ago</time>&nbsp;<a "                     \
    "href=\"javascript:void(0)\" class=\"numchildren\">(" kids ")</a></p><div "                 \
    "class=\"usertext-body\"><div class=\"md\"><p>" text "</p></div></div></div><div "          \
    "class=\"child\"><div class=\"sitetable\">" replies "</div></div></div>"

START_TEST(script_links_over_replies_go)
{
    const char *html =
        "<html><head><title>Hair follicles grown in the lab</title>"
        "<meta name=\"generator\" content=\"reddit\"></head><body>"
        "<div class=\"content\"><div class=\"sitetable nestedlisting\">"
        THING("1", "ragnar", "2 children", "Might this also help with hearing loss, if the "
              "same cells in the inner ear could be made to grow again?",
              THING("2", "baron", "1 child", "Hair cells in the ear are a different kind of "
                    "cell, though the signals that start their growth are much alike.",
                    THING("3", "rich", "0 children", "That is the part I find most hopeful: "
                          "the same signals, tried in another tissue, in a few years.", ""))
              THING("4", "zisso", "0 children", "The mice grew hair for months, which is "
                    "longer than any earlier graft of this kind has lasted.", ""))
        THING("5", "pen", "0 children", "The hard part will be making enough of them for a "
              "whole scalp, not a patch the size of a coin on a mouse.", "")
        "</div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "help with hearing loss");
    assert_has(a, "the same signals, tried in another tissue");
    assert_has(a, "making enough of them");
    assert_has(a, "baron");
    assert_lacks(a, "children)");
    assert_lacks(a, "[\u2013]");
    rm_article_free(a);
}
END_TEST

static Suite *replies_suite(void)
{
    Suite *s = suite_create("replies");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, reply_boxes_inside_posts_stay);
    tcase_add_test(tc, a_chain_of_nested_comments_is_the_thread);
    tcase_add_test(tc, nested_replies_under_an_article_stay_clutter);
    tcase_add_test(tc, script_links_over_replies_go);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(replies_suite)
