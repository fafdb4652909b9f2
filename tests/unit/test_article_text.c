/*
 * test_article_text.c — what the plain text of a news or blog article
 * keeps and leaves out, on small hand-written pages: the rules measured on
 * human-made ground truth (captions, and the other in-article furniture
 * below), each with the case that must survive it.
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

static Suite *article_text_suite(void)
{
    Suite *s = suite_create("article_text");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, picture_captions_stay_out_of_the_text);
    tcase_add_test(tc, captions_of_quotes_code_and_cards_stay);
    tcase_add_test(tc, wrapped_text_leaves_captions_out_too);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(article_text_suite)
