/*
 * test_service.c — service and landing pages on small hand-written pages:
 * an unsigned page of many headed sections of short text is a service page
 * even with a paragraph or two of prose (a story under the same headings
 * stays an article); a row of icons each beside a sentence of its own is
 * no gallery, while pictures with short captions still are; an
 * accordion's hidden panels that name their buttons (and are named by
 * them) are text, a panel only a toggle names stays hidden; an unsigned
 * page whose introduction holds two thirds of its text keeps the sections
 * beside it, a signed story the same shape keeps its body alone; a hero
 * box's line above the sections is the page's introduction.
 */
#include "page_checks.h"

#define PROSE                                                                            \
    "We have cleaned the windows of homes and offices in the city for twenty years, "   \
    "with our own trained staff, our own ladders and water-fed poles, and insurance "  \
    "that covers every visit."

/* One paragraph of prose (about a third of the text) and a heading over
 * every short block: too much prose for a page without a body, but the
 * headings come every hundred characters or so. */
static const char sectioned_page[] =
    "<html><head><title>Window cleaning</title></head><body><main>"
    "<h1>Window cleaning</h1><p>" PROSE "</p>"
    "<h2>Homes</h2><p>Inside and out, frames and sills included.</p>"
    "<h2>Offices</h2><p>Before opening hours, with insured staff.</p>"
    "<h2>Shop fronts</h2><p>Weekly rounds on every high street.</p>"
    "<h2>Conservatories</h2><p>Roofs and gutters, by hand.</p>"
    "<h2>Prices</h2><p>From 25 euros a visit, no contract.</p>"
    "<h2>Areas</h2><p>The city and the villages around it.</p>"
    "</main></body></html>";

START_TEST(headed_sections_make_a_service_page)
{
    rm_article *a = extract(sectioned_page);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    assert_has(a, "From 25 euros a visit");
    rm_article_free(a);
}
END_TEST

/* The same prose as a story: paragraphs under a heading or two. */
START_TEST(prose_under_few_headings_stays_an_article)
{
    const char *html =
        "<html><head><title>Window cleaning</title></head><body><main>"
        "<h1>Window cleaning</h1><p>" PROSE "</p><p>" PROSE "</p>"
        "<h2>Homes</h2><p>" PROSE "</p><p>Inside and out, frames and sills included.</p>"
        "<h2>Offices</h2><p>" PROSE "</p><p>Before opening hours, with insured staff.</p>"
        "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* An index or a shop has its own votes, even a weak one (a path word of
 * its URL): the sections rule only settles pages on which nothing but the
 * article's prior speaks. */
START_TEST(headed_sections_do_not_override_other_votes)
{
    rm_options opt = rm_default_options;
    opt.url = "https://example.com/shop/window-cleaning";
    rm_article *a = NULL;
    rm_status st = rm_extract(sectioned_page, strlen(sectioned_page), &opt, &a);
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    rm_article_free(a);
}
END_TEST

/* A story with a row of feature blocks in it: three icons, each beside a
 * sentence written in a div, and no paragraph; a gallery of captioned
 * photos below it. */
#define FEATURE(icon, text) "<div><img src=\"" icon ".svg\" alt=\"\"><div>" text "</div></div>"

static const char features_page[] =
    "<html><head><title>Window cleaning</title></head><body><article>"
    "<h1>Window cleaning</h1><p>" PROSE "</p><p>" PROSE "</p><p>" PROSE "</p>"
    "<div class=\"features\">"
    FEATURE("drop", "Only pure water: no detergent is left on the glass to streak")
    FEATURE("clock", "Visits booked to the hour, before your shop opens its doors")
    FEATURE("shield", "Every cleaner insured for work at height on any building")
    "</div>"
    "<div class=\"photos\"><img src=\"a.jpg\"><div>Before</div><img src=\"b.jpg\"><div>After</div>"
    "<img src=\"c.jpg\"><div>Our van</div></div>"
    "<p>" PROSE "</p></article></body></html>";

START_TEST(icons_beside_sentences_are_no_gallery)
{
    rm_article *a = extract(features_page);
    assert_has(a, "Only pure water");
    assert_has(a, "Every cleaner insured");
    rm_article_free(a);
}
END_TEST

START_TEST(captioned_photos_are_still_a_gallery)
{
    rm_article *a = extract(features_page);
    assert_lacks(a, "Our van");
    rm_article_free(a);
}
END_TEST

/* An accordion whose script keeps its state in a data attribute: each
 * button names its panel in aria-controls, each panel names its button in
 * aria-labelledby. */
#define ACCORDION_ITEM(n, question, answer)                                              \
    "<div><button id=\"q" #n "\" aria-controls=\"a" #n "\" data-expanded=\"false\">"         \
    question "</button><div id=\"a" #n "\" aria-labelledby=\"q" #n "\" hidden>"              \
    "<p>" answer "</p></div></div>"

static const char accordion_page[] =
    "<html><head><title>Design course</title></head><body><main>"
    "<h1>Design course</h1><p>" PROSE "</p>"
    "<h2>What you will learn</h2>"
    ACCORDION_ITEM(1, "Learn fast", "Build the skills and confidence you need to change careers in months.")
    ACCORDION_ITEM(2, "Work on briefs", "Real clients set the briefs, and you present your work to them.")
    "<button aria-controls=\"menu\" id=\"toggle\">Menu</button>"
    "<div id=\"menu\" hidden><p>A panel that only its toggle names, with words of its own.</p></div>"
    "</main></body></html>";

START_TEST(accordion_panels_named_both_ways_are_text)
{
    rm_article *a = extract(accordion_page);
    assert_has(a, "Build the skills and confidence");
    assert_has(a, "Real clients set the briefs");
    rm_article_free(a);
}
END_TEST

START_TEST(panel_named_one_way_stays_hidden)
{
    rm_article *a = extract(accordion_page);
    assert_lacks(a, "only its toggle names");
    rm_article_free(a);
}
END_TEST

/* An introduction of three paragraphs (two thirds of the text) beside two
 * sections of list items, which the scorer does not count: the scorer
 * chooses the introduction alone. */
#define INTRO_AND_SECTIONS                                                                \
    "<body><main><div class=\"intro\"><h1>Window cleaning</h1>"                         \
    "<p>" PROSE "</p><p>" PROSE "</p><p>" PROSE "</p></div>"                             \
    "<section><h2>Why us</h2><ul><li>Only pure water, no streaks left on the glass.</li>" \
    "<li>Visits booked to the hour, before you open.</li>"                               \
    "<li>Every cleaner insured for work at height.</li></ul></section>"                  \
    "<section><h2>Questions</h2><ul>"                                                    \
    "<li>Do you clean in the rain? Yes, pure water dries clean whatever the weather.</li>" \
    "<li>Do I need to be home? No, we only need access to the garden gate.</li>"         \
    "</ul></section></main></body></html>"

START_TEST(unsigned_page_keeps_sections_beside_its_intro)
{
    rm_article *a = extract("<html><head><title>Window cleaning</title></head>" INTRO_AND_SECTIONS);
    assert_has(a, "Only pure water");
    assert_has(a, "Do I need to be home?");
    rm_article_free(a);
}
END_TEST

START_TEST(signed_story_keeps_its_body_alone)
{
    rm_article *a = extract("<html><head><title>Window cleaning</title>"
                            "<meta name=\"author\" content=\"Ann Smith\">"
                            "<meta property=\"article:published_time\" content=\"2024-05-01\">"
                            "</head>" INTRO_AND_SECTIONS);
    assert_has(a, "We have cleaned the windows");
    assert_lacks(a, "Do I need to be home?");
    rm_article_free(a);
}
END_TEST

/* A landing page's feature cards: a linked heading over a short line,
 * each more than a fifth links. Readability's cleaning takes them as link
 * boxes though it keeps most of the page; on a page typed a service page
 * every block is judged by its own link density instead, and these stay. */
#define CARD(href, title, line) \
    "<div><h3><a href=\"" href "\">" title "</a></h3><p>" line "</p></div>"

START_TEST(feature_cards_stay_on_a_service_page)
{
    const char *html =
        "<html><head><title>Window cleaning</title></head><body><main>"
        "<h1>Window cleaning</h1><p>" PROSE "</p>"
        "<h2>Homes</h2><p>Inside and out, frames and sills included.</p>"
        "<h2>Offices</h2><p>Before opening hours, with insured staff.</p>"
        "<h2>Shop fronts</h2><p>Weekly rounds on every high street.</p>"
        "<h2>Conservatories</h2><p>Roofs and gutters, by hand.</p>"
        "<h2>Prices</h2><p>From 25 euros a visit, no contract.</p>"
        "<h2>Areas</h2><p>The city and the villages around it.</p>"
        "<h2>Gutters</h2><p>Cleared of leaves and moss each autumn.</p>"
        "<h2>Skylights</h2><p>Reached from inside or with poles.</p>"
        "<h2>Solar panels</h2><p>Washed with pure water, no soap.</p>"
        "<h2>Signs</h2><p>Shop signs and awnings brushed down.</p>"
        "<h2>Payment</h2><p>Pay by card or bank transfer after each visit.</p>"
        "<div class=\"features\">"
        CARD("/water", "Pure water", "No streaks left on the glass.")
        CARD("/insurance", "Insured", "Every climb is covered.")
        CARD("/booking", "On time", "Visits booked to the hour.")
        "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    assert_has(a, "Pay by card or bank transfer");
    assert_has(a, "Every climb is covered.");
    assert_has(a, "Visits booked to the hour.");
    rm_article_free(a);
}
END_TEST

/* The same page with a small promotion box where the cards were: the
 * sections cleaning would keep it (a third of it links), but a few
 * characters more are no sections the article's cleaning missed. */
START_TEST(small_promotion_box_goes_on_a_service_page)
{
    const char *html =
        "<html><head><title>Window cleaning</title></head><body><main>"
        "<h1>Window cleaning</h1><p>" PROSE "</p>"
        "<h2>Homes</h2><p>Inside and out, frames and sills included.</p>"
        "<h2>Offices</h2><p>Before opening hours, with insured staff.</p>"
        "<h2>Shop fronts</h2><p>Weekly rounds on every high street.</p>"
        "<h2>Conservatories</h2><p>Roofs and gutters, by hand.</p>"
        "<h2>Prices</h2><p>From 25 euros a visit, no contract.</p>"
        "<h2>Areas</h2><p>The city and the villages around it.</p>"
        "<h2>Gutters</h2><p>Cleared of leaves and moss each autumn.</p>"
        "<h2>Skylights</h2><p>Reached from inside or with poles.</p>"
        "<h2>Solar panels</h2><p>Washed with pure water, no soap.</p>"
        "<h2>Signs</h2><p>Shop signs and awnings brushed down.</p>"
        "<h2>Payment</h2><p>Pay by card or bank transfer after each visit.</p>"
        "<div class=\"promo\"><p>Free quotes.</p><a href=\"/quote\">Ask us</a></div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    assert_has(a, "Pay by card or bank transfer");
    assert_lacks(a, "Free quotes.");
    rm_article_free(a);
}
END_TEST

/* A landing page's hero box (a picture, the heading, a line of what the
 * firm does and a button) sits apart from the sections that are chosen:
 * its line is the page's own introduction and comes first. */
START_TEST(hero_introduction_stays_on_a_service_page)
{
    const char *html =
        "<html><head><title>Garden design | Greenfield</title></head><body>"
        "<div class=\"hero\"><img src=\"/i/hero.jpg\" alt=\"\"><h1>Garden design</h1><p>We plan, "
        "plant and look after gardens of every size, from a courtyard to an orchard.</p>"
        "<a class=\"button\" href=\"/quote\">Book a consultation</a></div><main>"
        "<section><h2>Planting plans</h2><p>A plan drawn for your soil, your light and the time "
        "you have to spend in the garden, with every plant named and placed so that something "
        "flowers in each month of the year.</p><a href=\"/plans\">Get started</a></section>"
        "<section><h2>Hard landscaping</h2><p>Paths, terraces and walls in local stone and "
        "reclaimed brick, laid by our own crew and built to drain well through the wettest "
        "winters without heaving or cracking.</p><a href=\"/landscaping\">Get started</a></section>"
        "<section><h2>Year-round care</h2><p>Monthly visits to prune, feed, mulch and divide, "
        "with a note after each visit of what was done and what the garden will need next.</p>"
        "<a href=\"/care\">Get started</a></section></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    assert_has(a, "Monthly visits to prune");
    const char *intro = strstr(a->text, "We plan, plant"), *first = strstr(a->text, "Planting plans");
    ck_assert_msg(intro && first && intro < first, "introduction lost or misplaced:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

static Suite *service_suite(void)
{
    Suite *s = suite_create("service");
    TCase *type = tcase_create("type");
    tcase_add_test(type, headed_sections_make_a_service_page);
    tcase_add_test(type, prose_under_few_headings_stays_an_article);
    tcase_add_test(type, headed_sections_do_not_override_other_votes);
    suite_add_tcase(s, type);
    TCase *clean = tcase_create("clean");
    tcase_add_test(clean, icons_beside_sentences_are_no_gallery);
    tcase_add_test(clean, captioned_photos_are_still_a_gallery);
    suite_add_tcase(s, clean);
    TCase *hidden = tcase_create("hidden");
    tcase_add_test(hidden, accordion_panels_named_both_ways_are_text);
    tcase_add_test(hidden, panel_named_one_way_stays_hidden);
    suite_add_tcase(s, hidden);
    TCase *sections = tcase_create("sections");
    tcase_add_test(sections, unsigned_page_keeps_sections_beside_its_intro);
    tcase_add_test(sections, signed_story_keeps_its_body_alone);
    tcase_add_test(sections, feature_cards_stay_on_a_service_page);
    tcase_add_test(sections, small_promotion_box_goes_on_a_service_page);
    tcase_add_test(sections, hero_introduction_stays_on_a_service_page);
    suite_add_tcase(s, sections);
    return s;
}

RM_TEST_MAIN(service_suite)
