/*
 * test_interface.c — what the page's interface leaves in its HTML, on
 * small hand-written pages: boxes a utility class hides ("hide",
 * "d-none") are hidden unless another class shows them at some screen
 * width; the collapsing wrapper of an accordion panel opens with the
 * panel; template fields no script filled and an application's error
 * messages go.
 */
#include "page_checks.h"

#define HEAD "<!DOCTYPE html><html lang=\"en\"><head><title>Ridge pack 40L</title>" \
             "<meta property=\"og:type\" content=\"product\"></head><body>"
#define TAIL "</body></html>"

#define PROSE                                                                                \
    "<p>A light pack for long walks, with a padded back panel, two side pockets for "       \
    "bottles and a lid that opens wide, so that what you need is always at hand.</p>"      \
    "<p>The fabric is recycled nylon, coated against rain, and the straps adjust to fit "   \
    "most torsos without a tool, even while you walk, which is rarer than it sounds.</p>"

START_TEST(boxes_hidden_by_utility_classes_are_hidden)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE
        "<dl class=\"productView-info hide\"><dt>cat_thumb_Bone:</dt><dd>https://cdn.example"
        "/thumbs/bone.jpg</dd></dl><div class=\"d-none\">Template: {{price.total}}</div>"
        "<p class=\"hidden md:block\">Shown on wide screens: the pack fits carry-on limits.</p>"
        "<p class=\"d-none d-lg-block\">Also on wide screens: lifetime repairs.</p>"
        "</main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_lacks(a, "cat_thumb_Bone");
    assert_lacks(a, "{{price.total}}");
    assert_has(a, "Shown on wide screens");
    assert_has(a, "lifetime repairs");
    rm_article_free(a);
}
END_TEST

/* An accordion kit's collapsing wrapper (display:none) around the panel
 * that a button opens is the panel's: the description inside is text.
 * A hidden box that holds more than the panel stays hidden. */
START_TEST(collapsed_wrapper_of_a_disclosed_panel_opens_with_it)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE
        "<button aria-expanded=\"false\" aria-controls=\"panel-1\">Description</button>"
        "<div class=\"kit-collapse\" style=\"display:none;height:0px\"><style>.x{}</style>"
        "<div role=\"region\" id=\"panel-1\">The lid opens on three sides, and the back "
        "panel slides out for washing.</div></div>"
        "<button aria-expanded=\"false\" aria-controls=\"panel-2\">Sizes</button>"
        "<div style=\"display:none\"><p>Promo: ten percent off today.</p>"
        "<div id=\"panel-2\">One size fits torsos from 40 to 52 centimetres.</div></div>"
        "</main>" TAIL);
    assert_has(a, "The lid opens on three sides");
    assert_lacks(a, "ten percent off");
    rm_article_free(a);
}
END_TEST

START_TEST(unfilled_template_fields_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE "<div>{{priceAnchor.info.totalPrice}}</div>"
        "<span>%cardName%</span>"
        "<p>In a template, write {{name}} where the name goes.</p></main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_lacks(a, "priceAnchor");
    assert_lacks(a, "cardName");
    assert_has(a, "write {{name}} where");
    rm_article_free(a);
}
END_TEST

START_TEST(application_error_messages_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE "<p>Sorry, there was a problem.</p>"
        "<p>Unable to add item to List. Please try again.</p></main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_lacks(a, "there was a problem");
    assert_lacks(a, "Please try again");
    rm_article_free(a);
}
END_TEST

static Suite *interface_suite(void)
{
    Suite *s = suite_create("interface");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, boxes_hidden_by_utility_classes_are_hidden);
    tcase_add_test(tc, collapsed_wrapper_of_a_disclosed_panel_opens_with_it);
    tcase_add_test(tc, unfilled_template_fields_go);
    tcase_add_test(tc, application_error_messages_go);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(interface_suite)
