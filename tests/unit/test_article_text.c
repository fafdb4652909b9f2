/*
 * test_article_text.c — what the plain text of a news or blog article
 * keeps and leaves out, on small hand-written pages: the rules measured on
 * human-made ground truth: captions; list articles split over CMS fields
 * (the scorer's choice widened to the parent holding the prose, a prose box
 * kept despite a negative class name, headings made of divs); each with
 * the case that must survive it.
 */
#include "testutil.h"

#include "readmode.h"

/* Four paragraphs of prose shared by every page below. */
#define PROSE                                                                            \
    "<p>The river authority said on Monday that the old weir, damaged in the spring "     \
    "floods, will be replaced by a fish-friendly ramp before the end of next summer, at " \
    "a cost of about four million euros.</p>"                                             \
    "<p>Anglers, who have fished the pool below the weir for decades, welcomed the plan, " \
    "although several said that the work should have started last year, before the "     \
    "salmon run.</p>"                                                                     \
    "<p>The new ramp lowers the river in a series of shallow steps, so that fish can "    \
    "swim upstream at any water level, and it needs far less upkeep than the gates of "   \
    "the old structure.</p>"                                                              \
    "<p>Work will begin in October, weather permitting, and the towpath will stay open "  \
    "to walkers and cyclists for most of the construction period.</p>"

#define PAGE(inside)                                                                     \
    "<!DOCTYPE html><html lang=\"en\"><head><title>Weir to be replaced</title></head>"  \
    "<body><main><article><h1>Weir to be replaced</h1>" PROSE inside                     \
    "</article></main></body></html>"

/* A list article as a CMS stores it: the introduction in one field and
 * the items in another beside it, each a heading (a div inside the h2)
 * and a paragraph inside `open` and `close` wrappers. */
#define LIST_INTRO                                                                    \
    "<div class=\"field field--name-body text-formatted\"><p>"                        \
    "Every spring, the shed fills up with new promises: sharper blades, lighter "     \
    "handles, smarter hoses, and gadgets that claim to do the weeding for you. We "   \
    "spent the season testing them, in heavy clay, in sand, and in a small city "     \
    "yard, and these are the ones we would buy again. We dug, pruned, watered, "      \
    "raked, knelt, weeded, sowed and harvested, in rain, in wind, in a heatwave, at"  \
    " dawn, at dusk, on weekdays, on weekends, and, once, by torchlight, to see "     \
    "which tools held up, which broke, which rusted, and which we kept reaching "     \
    "for."                                                                            \
    "</p></div>"

#define LIST_ITEM(title, open, text, close)                                           \
    "<div class=\"field__item\"><div class=\"list-item\"><h2><div class=\"field__item\">" \
    title "</div></h2><div class=\"field field--name-copy\">" open "<p>" text "</p>" close \
    "</div></div></div>"

#define LIST_ITEMS(open, close)                                                       \
    LIST_ITEM("A hand trowel", open,                                                  \
              "The trowel has a forged steel blade, a beech handle, and a depth scale"\
              " stamped into the metal, so you can plant bulbs at the right depth "   \
              "without a ruler, which saves time, frustration and, in our case, a few"\
              " tulips."                                                              \
              , close)                                                                  \
    LIST_ITEM("A pair of secateurs", open,                                            \
              "These bypass secateurs cut cleanly through green stems up to two "     \
              "centimetres thick, lock shut with one thumb, and come apart for "      \
              "sharpening, cleaning and oiling, which is more than most pairs at this"\
              " price allow."                                                         \
              , close)                                                                  \
    LIST_ITEM("A watering can", open,                                                 \
              "The long spout reaches the back of a border without trampling it, the "\
              "rose gives a fine, even shower for seedlings, and the can balances "   \
              "well when full, so a morning round of pots no longer leaves your wrist"\
              " aching."                                                              \
              , close)                                                                  \
    LIST_ITEM("A kneeling pad", open,                                                 \
              "Thick, closed-cell foam keeps your knees dry on wet grass, wipes clean"\
              " in seconds, and is light enough to hang on a hook by the door, so it "\
              "is always at hand when the weeds come back, as they always do."        \
              , close)                                                                  \
    LIST_ITEM("A garden fork", open,                                                  \
              "Four square tines of hardened steel, a strapped socket and an ash "    \
              "shaft make this fork the one that survived our stony bed, where two "  \
              "cheaper forks bent, twisted, and, in one case, snapped at the neck."   \
              , close)                                                                  \
    LIST_ITEM("A hose reel", open,                                                    \
              "The reel winds thirty metres of hose back in with an even, steady "    \
              "turn, never kinks, and stands on a wide base, so it does not tip over "\
              "when you pull the hose around the corner of the house."                \
              , close)

static rm_article *extract(const char *html)
{
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), NULL, &a);
    ck_assert_msg(st == RM_OK, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a->text);
    ck_assert_ptr_nonnull(strstr(a->text, "fish-friendly ramp"));
    ck_assert_ptr_nonnull(strstr(a->text, "Work will begin in October"));
    return a;
}

START_TEST(picture_captions_stay_out_of_the_text)
{
    rm_article *a = extract(PAGE(
        "<figure><img src=\"weir.jpg\" alt=\"\"><figcaption>The old weir after the floods. "
        "Photo: River Authority</figcaption></figure>"
        "<div class=\"wp-caption\"><img src=\"ramp.jpg\" alt=\"\">"
        "<p class=\"wp-caption-text\">A drawing of the planned ramp</p></div>"));
    ck_assert_ptr_null(strstr(a->text, "after the floods"));
    ck_assert_ptr_null(strstr(a->text, "drawing of the planned ramp"));
    /* The reader HTML shows the pictures, and their captions with them. */
    ck_assert_ptr_nonnull(strstr(a->html, "after the floods"));
    ck_assert_ptr_nonnull(strstr(a->html, "drawing of the planned ramp"));
    rm_article_free(a);
}
END_TEST

START_TEST(captions_of_quotes_code_and_cards_stay)
{
    rm_article *a = extract(PAGE(
        "<figure><blockquote><p>Rivers were here long before the weirs.</p></blockquote>"
        "<figcaption>Ada Brook, ecologist</figcaption></figure>"
        "<figure><pre><code>ramp.steps = 12</code></pre><figcaption>Listing 1, the "
        "model</figcaption></figure>"
        "<figure><img src=\"salmon.jpg\" alt=\"\"><figcaption><a href=\"/salmon\">How the "
        "salmon came back to the river</a></figcaption></figure>"
        "<p class=\"caption-s\">Small print in a caption-sized type</p>"));
    ck_assert_ptr_nonnull(strstr(a->text, "Ada Brook, ecologist"));
    ck_assert_ptr_nonnull(strstr(a->text, "Listing 1, the model"));
    ck_assert_ptr_nonnull(strstr(a->text, "How the salmon came back"));
    ck_assert_ptr_nonnull(strstr(a->text, "Small print in a caption-sized type"));
    rm_article_free(a);
}
END_TEST

START_TEST(wrapped_text_leaves_captions_out_too)
{
    const char *html = PAGE("<figure><img src=\"weir.jpg\" alt=\"\"><figcaption>The old weir "
                            "after the floods</figcaption></figure>");
    rm_options opt = {.formats = RM_FORMAT_TEXT, .wrap_width = 60};
    rm_article *a = NULL;
    ck_assert_int_eq(rm_extract(html, strlen(html), &opt, &a), RM_OK);
    ck_assert_ptr_nonnull(strstr(a->text, "Anglers"));
    ck_assert_ptr_null(strstr(a->text, "after the floods"));
    rm_article_free(a);
}
END_TEST

static void assert_all_items(const rm_article *a)
{
    ck_assert_msg(strstr(a->text, "Every spring"), "introduction lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "A hand trowel"), "item heading lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "forged steel blade"), "first item lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "thirty metres of hose"), "last item lost: %s", a->text);
}

static rm_article *extract_list_article(const char *html)
{
    rm_article *a = NULL;
    ck_assert_int_eq(rm_extract(html, strlen(html), NULL, &a), RM_OK);
    return a;
}

/* The items' field is named "field--label-hidden" (its label is hidden,
 * not the field): a Readability negative name, but it holds most of the
 * article's prose, so conditional cleaning keeps it; the divs inside the
 * item headings are the headings' text. */
START_TEST(a_prose_box_survives_a_negative_class_name)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>The best garden tools</title></head>"
        "<body><main><div class=\"node\"><h1>The best garden tools</h1>" LIST_INTRO
        "<div class=\"field field--name-list-items field--label-hidden\">" LIST_ITEMS("", "")
        "</div></div></main></body></html>";
    rm_article *a = extract_list_article(html);
    assert_all_items(a);
    rm_article_free(a);
}
END_TEST

/* A dated, signed story without <main> whose items sit so deep in
 * wrappers that no score reaches their field: the scorer picks the
 * introduction, and the parent that holds far more prose is the article. */
START_TEST(an_article_split_over_sibling_fields_is_joined)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta name=\"author\" content=\"Ruth Fennel\">"
        "<meta property=\"article:published_time\" content=\"2026-05-02T08:00:00Z\">"
        "<title>The best garden tools</title></head><body><div class=\"page\"><div class=\"node\">"
        "<h1>The best garden tools</h1>" LIST_INTRO "<div class=\"field field--name-list-items\">"
        LIST_ITEMS("<div><div><div><div>", "</div></div></div></div>")
        "</div></div></div><footer><p>Copyright Garden Weekly.</p></footer></body></html>";
    rm_article *a = extract_list_article(html);
    assert_all_items(a);
    ck_assert_ptr_null(strstr(a->text, "Copyright"));
    rm_article_free(a);
}
END_TEST

/* A link-heavy neighbour (a list of related stories) is not more of the
 * article: widening stops at a parent that is a link farm. */
START_TEST(widening_stops_at_a_link_farm)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta name=\"author\" content=\"Ruth Fennel\">"
        "<title>The best garden tools</title></head><body><div class=\"page\"><div class=\"node\">"
        "<h1>The best garden tools</h1>" LIST_INTRO "</div><div class=\"more\"><ul>"
        "<li><a href=\"/a\">Ten bulbs to plant before the first frost, and where to put them</a></li>"
        "<li><a href=\"/b\">How to sharpen a spade, a hoe and a pair of shears at home</a></li>"
        "<li><a href=\"/c\">Our favourite seed catalogues, from heritage beans to giant leeks</a></li>"
        "<li><a href=\"/d\">What to do in the garden in May, week by week, bed by bed</a></li>"
        "</ul></div></div></body></html>";
    rm_article *a = extract_list_article(html);
    ck_assert_msg(strstr(a->text, "Every spring"), "introduction lost: %s", a->text);
    ck_assert_ptr_null(strstr(a->text, "seed catalogues"));
    rm_article_free(a);
}
END_TEST

/* A layout wrapper named "sidebar-container" around the post and its
 * sidebar (the h1 above it, outside): Readability strips it as an
 * unlikely block and, with enough prose left below it (the magazine's
 * "about" box), takes that instead. Holding most of the page's text, the
 * wrapper is the content; the real sidebar inside it still goes. */
START_TEST(a_wrapper_named_sidebar_holding_the_text_stays)
{
    const char *html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>The best garden tools</title></head>"
        "<body><h1>The best garden tools</h1><div class=\"sidebar-container\">"
        "<div class=\"post\">" LIST_INTRO LIST_ITEMS("", "")
        "<p>None of these tools is expensive, and all of them, looked after, will outlast the "
        "garden they were bought for: oil the blades, dry the handles, and hang them up.</p>"
        "<p>Next month we test wheelbarrows, from the classic single wheel to the two-wheeled "
        "kind that will not tip over on a slope, and the new electric ones, which climb a "
        "ramp with a full load of wet soil, though they cost as much as a small shed.</p></div>"
        "<div class=\"sidebar\"><h3>Popular</h3><ul><li><a href=\"/a\">Ten bulbs to plant before "
        "the frost</a></li><li><a href=\"/b\">How to sharpen a spade</a></li></ul></div>"
        "</div><div class=\"about\"><p>Garden Weekly has been published every Thursday since "
        "1952, first as a single printed sheet for allotment holders in the north of the city, "
        "and now, with a staff of eleven, as a magazine, a website and a weekly radio hour.</p>"
        "<p>Our testers are gardeners first: they grow vegetables, keep bees, prune orchards "
        "and, between them, have broken more spades than they care to count, which is why "
        "they know which ones last and which ones do not, season after season.</p>"
        "<p>Write to us with your own favourites, and tell us what broke first.</p></div></body></html>";
    rm_article *a = extract_list_article(html);
    assert_all_items(a);
    ck_assert_ptr_null(strstr(a->text, "sharpen a spade"));
    rm_article_free(a);
}
END_TEST

static Suite *article_text_suite(void)
{
    Suite *s = suite_create("article_text");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, picture_captions_stay_out_of_the_text);
    tcase_add_test(tc, captions_of_quotes_code_and_cards_stay);
    tcase_add_test(tc, wrapped_text_leaves_captions_out_too);
    tcase_add_test(tc, a_prose_box_survives_a_negative_class_name);
    tcase_add_test(tc, an_article_split_over_sibling_fields_is_joined);
    tcase_add_test(tc, widening_stops_at_a_link_farm);
    tcase_add_test(tc, a_wrapper_named_sidebar_holding_the_text_stays);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(article_text_suite)
