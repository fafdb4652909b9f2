/*
 * test_boilerplate.c — the boilerplate lines that human-made ground truth
 * leaves out of articles and product pages, on small hand-written pages:
 * newsletter, account and follow prompts between or under the paragraphs,
 * "Back to top" links, second copies of a block (repeats.c), a consent
 * dialog open over an aria-hidden <main>, bare call-to-action links and
 * "Read full article" links,
 * credit lines and closed-thread notices under a post, "Related:" story
 * links between the paragraphs; and the other way round, the
 * alike item boxes of a review article that a theme names "widget" stay;
 * each with the prose that must survive it.
 */
#include "testutil.h"

#include "readmode.h"

/* Four paragraphs of prose shared by the stories below. */
#define STORY_PROSE                                                                      \
    "<p>The town council voted on Tuesday to reopen the old ferry crossing, closed since " \
    "the bridge was built in 1974, as a summer service for walkers and cyclists.</p>"      \
    "<p>Residents on both banks had asked for the crossing for years, and a petition with " \
    "more than three thousand names, many of them children's, was handed in last spring.</p>" \
    "<p>The ferry, a small electric boat with room for twelve people and their bicycles, "  \
    "will run every half hour from May to September, weather permitting.</p>"             \
    "<p>Tickets cost two euros, children under twelve travel free, and season passes will " \
    "be sold at the library and the tourist office from the first of April.</p>"

#define STORY(inside, after)                                                             \
    "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry to return</title></head>"       \
    "<body><main><article><h1>Ferry to return</h1>" STORY_PROSE inside after            \
    "</article></main></body></html>"

static rm_article *extract(const char *html)
{
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), NULL, &a);
    ck_assert_msg(st == RM_OK, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a->text);
    ck_assert_msg(strstr(a->text, "reopen the old ferry crossing"), "prose lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "season passes"), "prose lost: %s", a->text);
    return a;
}

START_TEST(newsletter_and_account_prompts_go)
{
    rm_article *a = extract(STORY(
        "<p>Want more local news? Sign up for our newsletter, The Crossing, every Friday.</p>"
        "<p>Sign in to save this story to your reading list.</p>",
        "<div class=\"wp-block-group\"><h3>Discover more from Riverside Post</h3>"
        "<p>Subscribe to get the latest posts sent to your email.</p></div>"
        "<p>Already have an account? <a href=\"/login\">Log in</a></p>"
        "<p><a href=\"#top\">Back to top</a></p>"));
    ck_assert_msg(!strstr(a->text, "Sign up for our newsletter"), "prompt kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Sign in to save"), "prompt kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Subscribe to get"), "prompt kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Already have an account"), "prompt kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Back to top"), "control kept: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* Boxes under a label: a donation appeal, a shelf of further reading. */
START_TEST(appeal_and_further_reading_boxes_go)
{
    rm_article *a = extract(STORY(
        "",
        "<div><h3>This story is funded by readers like you</h3><p>Our newsroom is free "
        "of charge and of advertising. Your donations keep it so.</p></div>"
        "<div><h3>You may be interested in</h3><ul>"
        "<li><a href=\"/a\">The bridge at fifty: a history</a></li>"
        "<li><a href=\"/b\">Cycling routes along the river</a></li>"
        "<li><a href=\"/c\">The library's summer programme</a></li></ul></div>"));
    ck_assert_msg(!strstr(a->text, "funded by readers"), "appeal kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Your donations"), "appeal kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Cycling routes"), "shelf kept: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* The same words inside the story's sentences are the story's. */
START_TEST(prompt_words_inside_prose_stay)
{
    rm_article *a = extract(STORY(
        "<p>Passengers will not need to sign in to anything: the council said that the "
        "ferry, unlike the town's bicycle scheme, will take cash and cards on board, and "
        "that its timetable will be delivered to your inbox only if you ask for it.</p>",
        ""));
    ck_assert_msg(strstr(a->text, "will not need to sign in to anything"), "prose lost: %s", a->text);
    rm_article_free(a);
}
END_TEST

static size_t occurrences(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *at = strstr(text, needle); at; at = strstr(at + 1, needle))
        n++;
    return n;
}

#define TIMETABLE                                                                        \
    "The first boat leaves the north bank at nine, the last one returns at seven, and "  \
    "on Sundays the ferry runs until nine in the evening."

/* A desktop and a mobile layout of the same section, each in its own
 * wrapper: the text once. */
START_TEST(a_layout_copy_of_a_block_goes)
{
    rm_article *a = extract(STORY(
        "<div class=\"hide-on-mobile\"><h2>Timetable</h2><p>" TIMETABLE "</p></div>"
        "<div class=\"show-on-mobile\"><h2>Timetable</h2><p>" TIMETABLE "</p></div>",
        ""));
    ck_assert_msg(occurrences(a->text, "The first boat leaves") == 1, "copies: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* What stays: a paragraph the author repeats in the flow of the text, the
 * same step in each panel of a tab set, short lines, and code. */
START_TEST(repeats_in_the_flow_panels_short_lines_and_code_stay)
{
    rm_article *a = extract(STORY(
        "<p>" TIMETABLE "</p><p>" TIMETABLE "</p>"
        "<div class=\"tab-pane\"><p>Install the app, then scan the code on the pier to buy "
        "a ticket before you board the ferry.</p></div>"
        "<div class=\"tab-pane\"><p>Install the app, then scan the code on the pier to buy "
        "a ticket before you board the ferry.</p></div>"
        "<div><p>Read the council's decision</p></div><div><p>Read the council's decision</p></div>"
        "<div><pre><code>ferry.schedule(every=30, first='09:00', last='19:00', sundays='21:00')</code></pre></div>"
        "<div><pre><code>ferry.schedule(every=30, first='09:00', last='19:00', sundays='21:00')</code></pre></div>",
        ""));
    ck_assert_msg(occurrences(a->text, "The first boat leaves") == 2, "flow: %s", a->text);
    ck_assert_msg(occurrences(a->text, "Install the app") == 2, "panels: %s", a->text);
    ck_assert_msg(occurrences(a->text, "Read the council") == 2, "short: %s", a->text);
    ck_assert_msg(occurrences(a->text, "ferry.schedule") == 2, "code: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* A docs page that ships one zone per language or platform (DocFX zone
 * pivots) repeats the steps common to all of them in each zone: each copy
 * stays, while prose copied under another layout's parent goes. */
START_TEST(repeats_in_pivot_zones_stay)
{
    rm_article *a = extract(STORY(
        "<div class=\"zone has-pivot\"><p>To get started right away, follow the quickstart "
        "for this language and come back to this page when it runs.</p></div>"
        "<div class=\"zone has-pivot\"><p>To get started right away, follow the quickstart "
        "for this language and come back to this page when it runs.</p></div>"
        "<div class=\"hide-on-mobile\"><p>" TIMETABLE "</p></div>"
        "<div class=\"show-on-mobile\"><p>" TIMETABLE "</p></div>",
        ""));
    ck_assert_msg(occurrences(a->text, "get started right away") == 2, "zones: %s", a->text);
    ck_assert_msg(occurrences(a->text, "The first boat leaves") == 1, "copy: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* A page saved while its consent dialog was open: the dialog pattern
 * hides the rest of the page from assistive technology (aria-hidden on
 * <main>), yet <main> is the content and the dialog is clutter. Any other
 * aria-hidden box stays hidden. */
START_TEST(main_hidden_behind_a_consent_dialog_is_content)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry to return</title></head><body>"
        "<main aria-hidden=\"true\"><article><h1>Ferry to return</h1>" STORY_PROSE
        "<div aria-hidden=\"true\"><p>Screen-reader-hidden decoration text that is "
        "not part of the story at all.</p></div></article></main>"
        "<section role=\"dialog\" class=\"consent-banner\"><p>We use cookies and other "
        "technologies that are essential to provide you our services, as described in our "
        "cookie notice.</p><button>Accept all</button></section></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(!strstr(a->text, "We use cookies"), "dialog kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "decoration text"), "hidden box shown: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* A review article whose items each sit in a "product-widget" box (a
 * Readability negative word), their text in inner boxes named alike. */
#define REVIEW_ITEM(name, text)                                                          \
    "<div class=\"c-product-widget c-product-widget--big\"><div class=\"c-product-widget__product\">" \
    "<div class=\"c-product-widget__name\">" name "</div>"                               \
    "<div class=\"c-product-widget__content\"><p>" text "</p><p>We tested the " name " for "  \
    "three months in a family kitchen, next to the two models it replaces, and measured what "   \
    "it uses, how long it takes, and how often it needs attention.</p></div></div>"       \
    "<div class=\"where-to-buy\"><a class=\"btn\" href=\"/buy\">Buy now</a></div></div>"

START_TEST(alike_item_boxes_of_a_review_article_stay)
{
    rm_article *a = extract(STORY(
        REVIEW_ITEM("Best dishwasher",
                    "It cleans even stubborn stains, dries plastics without a heated cycle, "
                    "and runs quietly enough, at 42 decibels, to use while the family sleeps.")
        REVIEW_ITEM("Best refrigerator",
                    "Steady temperatures, lots of usable storage, and a door dispenser that, "
                    "unlike most at this price, never dripped once in three months of tests.")
        REVIEW_ITEM("Best range",
                    "The induction hob boils water in under two minutes, the oven holds its "
                    "temperature within five degrees, and the knobs, for once, are real knobs."),
        "<div class=\"promo-widget\"><p>Handmade in our workshop, with white glove delivery, "
        "free setup, and a hundred nights to try it at home.</p></div>"));
    ck_assert_msg(strstr(a->text, "stubborn stains"), "item lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "never dripped"), "item lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "real knobs"), "item lost: %s", a->text);
    /* One box of its class is still a widget. */
    ck_assert_msg(!strstr(a->text, "white glove"), "widget kept: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* Bare call-to-action links between blocks go; the same word linked
 * inside a sentence stays. So does the link under a guide's teaser that
 * opens the whole guide ("Read full article", with the guide's title for
 * screen readers only), as "Read more" does; the teaser's words stay. */
START_TEST(bare_call_to_action_links_go)
{
    rm_article *a = extract(STORY(
        "<p>Readers can <a href=\"/r\">register</a> for the timetable by post.</p>"
        "<p><a href=\"/start\">Get started</a></p>"
        "<div><a href=\"/demo\">Book a demo</a></div>",
        "<p><a href=\"/vote\">Upvote</a></p>"
        "<h2>From our guides</h2><div><h3>How to choose a ferry pass</h3>"
        "<p>Season passes pay for themselves after nine crossings.</p>"
        "<p><a href=\"/guides/passes\">Read full article<span class=\"sr-only\">: How to "
        "choose a ferry pass</span></a></p>"
        "<p><a href=\"/guides/more\">Continue reading</a></p></div>"));
    ck_assert_msg(strstr(a->text, "can register for the timetable"), "prose link lost: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Get started"), "call to action kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Book a demo"), "call to action kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Upvote"), "vote control kept: %s", a->text);
    ck_assert_msg(strstr(a->text, "pay for themselves"), "teaser lost: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Read full article"), "control kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Continue reading"), "control kept: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* Credit lines and closing notices under a post: a mobile-app signature,
 * an author line, a locked-thread notice, a log-in prompt; a sentence that
 * opens with "Written by" stays. */
START_TEST(credit_lines_and_closing_notices_go)
{
    rm_article *a = extract(STORY(
        "<p>Sent from my iPhone using Tapatalk</p>"
        "<p>This topic was automatically closed after 30 days. New replies are no longer allowed.</p>"
        "<p>You must be logged in to post a comment.</p>"
        "<p>This discussion is now closed.</p>",
        "<p>Written by Ann Lee</p>"
        "<p>Written by a committee of residents over three winters, the plan sets out the "
        "timetable and the fares for the first two summers.</p>"));
    ck_assert_msg(!strstr(a->text, "Sent from my"), "signature kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "automatically closed"), "closing notice kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "is now closed"), "closing notice kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "must be logged in"), "prompt kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Written by Ann Lee"), "author line kept: %s", a->text);
    ck_assert_msg(strstr(a->text, "Written by a committee"), "prose lost: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* Links to other stories set between the paragraphs under "Related:" or
 * "Also read:" go; a bare "See also" label over a list stays with it. */
START_TEST(related_story_lines_go)
{
    rm_article *a = extract(STORY(
        "<p><strong>Related:</strong> <a href=\"/x\">How the old bridge was built</a></p>"
        "<p>Also read: <a href=\"/y\">Ten walks along the river</a></p>",
        "<h2>See also:</h2><ul><li>Timetables hang at both piers and in the library "
        "from the first of April.</li></ul>"));
    ck_assert_msg(!strstr(a->text, "old bridge was built"), "related line kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Ten walks"), "related line kept: %s", a->text);
    ck_assert_msg(strstr(a->text, "See also:"), "label lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "Timetables hang at both piers"), "list lost: %s", a->text);
    rm_article_free(a);
}
END_TEST

static Suite *boilerplate_suite(void)
{
    Suite *s = suite_create("boilerplate");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, newsletter_and_account_prompts_go);
    tcase_add_test(tc, prompt_words_inside_prose_stay);
    tcase_add_test(tc, appeal_and_further_reading_boxes_go);
    tcase_add_test(tc, a_layout_copy_of_a_block_goes);
    tcase_add_test(tc, repeats_in_the_flow_panels_short_lines_and_code_stay);
    tcase_add_test(tc, repeats_in_pivot_zones_stay);
    tcase_add_test(tc, main_hidden_behind_a_consent_dialog_is_content);
    tcase_add_test(tc, alike_item_boxes_of_a_review_article_stay);
    tcase_add_test(tc, bare_call_to_action_links_go);
    tcase_add_test(tc, credit_lines_and_closing_notices_go);
    tcase_add_test(tc, related_story_lines_go);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(boilerplate_suite)
