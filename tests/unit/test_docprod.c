/*
 * test_docprod.c — the rules for documentation and product pages, and for
 * boilerplate that leaks into any page, each on a small hand-written page:
 * what the rule keeps and what it removes.
 */
#include "testutil.h"

#include "readmode.h"

static rm_article *extract(const char *html)
{
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), NULL, &a);
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(a->text);
    return a;
}

static void assert_has(const rm_article *a, const char *want)
{
    ck_assert_msg(strstr(a->text, want), "missing \"%s\" in:\n%s", want, a->text);
}

static void assert_lacks(const rm_article *a, const char *junk)
{
    ck_assert_msg(!strstr(a->text, junk), "kept \"%s\" in:\n%s", junk, a->text);
}

/* ---- tab and accordion panels --------------------------------------------------------------- */

#define TABBED_PAGE(panel_attrs)                                                           \
    "<html><head><title>Send a message</title></head><body><main><h1>Send a message</h1>" \
    "<p>This quickstart shows how to send a message with each of our helper libraries, " \
    "and what to install first, so that the first message leaves within minutes.</p>"     \
    "<div role=\"tablist\"><button role=\"tab\">Python</button>"                         \
    "<button role=\"tab\">Node</button></div>"                                           \
    "<div role=\"tabpanel\"><p>Install Python and the helper library with pip, then run " \
    "the script from a terminal in the folder you made.</p></div>"                        \
    "<div " panel_attrs "><p>Install Node and the helper library with npm, then run the " \
    "script from a terminal in the folder you made.</p></div>"                           \
    "<p>Once the message arrives, reply to it and watch the webhook fire on your server, " \
    "which proves that the whole loop works.</p>"                                         \
    "<p hidden>A hidden note that is no panel at all.</p></main></body></html>"

START_TEST(closed_tab_panels_are_content)
{
    static const char *const panels[] = {
        "role=\"tabpanel\" hidden",
        "role=\"tabpanel\" style=\"display:none\"",
        "role=\"tabpanel\" aria-hidden=\"true\"",
        "class=\"tab-pane fade\" style=\"display: none\"",
        "class=\"woocommerce-Tabs-panel\" hidden",
        "class=\"accordion-content\" hidden",
    };
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++) {
        char html[4096];
        snprintf(html, sizeof html, TABBED_PAGE("%s"), panels[i]);
        rm_article *a = extract(html);
        assert_has(a, "Install Python");
        assert_has(a, "Install Node");
        assert_lacks(a, "hidden note");
        rm_article_free(a);
    }
}
END_TEST

START_TEST(hidden_boxes_that_are_no_panels_stay_hidden)
{
    rm_article *a = extract(TABBED_PAGE("class=\"tab-list\" hidden"));
    assert_has(a, "Install Python");
    assert_lacks(a, "Install Node");
    rm_article_free(a);
}
END_TEST

/* ---- documentation pages -------------------------------------------------------------------- */

#define MANUAL_SECTION(id, heading, words)                                                  \
    "<section id=\"" id "\"><h2>" heading "<a class=\"headerlink\" href=\"#" id "\">¶</a></h2>" \
    "<p>" words "</p></section>"

START_TEST(section_ids_spelling_their_heading_name_nothing)
{
    const char *html =
        "<html><head><title>Submitting patches</title></head><body><div class=\"document\">"
        "<h1>Submitting patches</h1>"
        MANUAL_SECTION("describe-your-changes", "Describe your changes",
                       "Describe your problem, whether it is a one-line bug fix or five "
                       "thousand lines of a new feature, and say why the change is worth it.")
        MANUAL_SECTION("respond-to-review-comments", "Respond to review comments",
                       "Your patch will almost certainly get comments from reviewers on ways "
                       "in which it can be improved, and you must respond to those comments.")
        MANUAL_SECTION("comments", "Comments",
                       "Great post, thanks! I tried this last week, it worked, and I will "
                       "share it with my team at work tomorrow.")
        "</div></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Describe your problem");
    assert_has(a, "you must respond to those comments");
    assert_lacks(a, "Great post");
    rm_article_free(a);
}
END_TEST

/* ---- product pages ------------------------------------------------------------------------ */

#define PRODUCT_LD(products)                                                               \
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","          \
    "\"@type\":\"ProductGroup\",\"name\":\"Trail pack\",\"hasVariant\":[" products "]}"   \
    "</script>"
#define VARIANT(colour) "{\"@type\":\"Product\",\"name\":\"Trail pack " colour "\"}"

#define PRODUCT_PAGE(head, extra)                                                          \
    "<html><head><title>Trail pack</title>" head "</head><body><main><h1>Trail pack</h1>"  \
    "<p>A light daypack for long walks, with a padded back panel, two side pockets for " \
    "bottles and a lid that opens wide, so that the things you need are at hand.</p>"     \
    "<p>The fabric is recycled nylon, coated against rain, and the straps adjust to fit " \
    "most torsos without a tool, even while you walk.</p>" extra                           \
    "<button>Add to cart</button> <span>$79.00</span></main></body></html>"

START_TEST(variants_of_a_product_group_are_one_product)
{
    rm_article *a = extract(PRODUCT_PAGE(PRODUCT_LD(VARIANT("red") "," VARIANT("blue") ","
                                                    VARIANT("green") "," VARIANT("black")), ""));
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

START_TEST(many_products_outside_a_group_are_a_catalogue)
{
    const char *ld = "<script type=\"application/ld+json\">[" VARIANT("red") "," VARIANT("blue") ","
                     VARIANT("green") "," VARIANT("black") "]</script>";
    char html[4096];
    snprintf(html, sizeof html, PRODUCT_PAGE("%s", ""), ld);
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    rm_article_free(a);
}
END_TEST

static Suite *docprod_suite(void)
{
    Suite *s = suite_create("docprod");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, closed_tab_panels_are_content);
    tcase_add_test(tc, hidden_boxes_that_are_no_panels_stay_hidden);
    tcase_add_test(tc, section_ids_spelling_their_heading_name_nothing);
    tcase_add_test(tc, variants_of_a_product_group_are_one_product);
    tcase_add_test(tc, many_products_outside_a_group_are_a_catalogue);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(docprod_suite)
