/*
 * test_docprod.c — the rules for documentation and product pages, and for
 * boilerplate that leaks into any page, each on a small hand-written page:
 * what the rule keeps and what it removes.
 */
#include "page_checks.h"

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

/* A tab set a page scripts without a kit's names: sibling boxes sharing a
 * class, one shown and the others display:none, each a panel of items. */
#define GUIDE_ITEM(n)                                                                      \
    "<li><h3>Walk number " n "</h3><p>Walk " n " loops the valley for the afternoon, "    \
    "with the river on one side, the old mill on the other and a bench at the top.</p></li>"
#define GUIDE_PANEL(attrs, season)                                                          \
    "<div " attrs "><ul>" GUIDE_ITEM(season " one") GUIDE_ITEM(season " two")              \
    GUIDE_ITEM(season " three") GUIDE_ITEM(season " four") GUIDE_ITEM(season " five")        \
    GUIDE_ITEM(season " six") GUIDE_ITEM(season " seven") GUIDE_ITEM(season " eight")        \
    GUIDE_ITEM(season " nine") GUIDE_ITEM(season " ten") "</ul></div>"
#define GUIDE_PAGE(third)                                                                   \
    "<html><head><title>Walks</title></head><body><main><h1>Walks</h1>"                     \
    "<div><span>Summer</span><span>Winter</span></div><div class=\"walks\">"               \
    GUIDE_PANEL("class=\"walks-panel summer\" style=\"display: block\"", "summer")          \
    GUIDE_PANEL("class=\"walks-panel winter\" style=\"display: none\"", "winter")           \
    third "</div></main></body></html>"

START_TEST(hidden_sibling_panels_of_a_tab_set_are_content)
{
    rm_article *a = extract(GUIDE_PAGE(
        "<div class=\"walks-panel\" style=\"display: none\"><p>A note to hide.</p></div>"));
    assert_has(a, "Walk number summer three");
    assert_has(a, "Walk number winter three");
    assert_lacks(a, "note to hide");
    rm_article_free(a);
    /* two alike boxes shown: rows of a layout, the hidden one unused */
    a = extract(GUIDE_PAGE(GUIDE_PANEL("class=\"walks-panel spring\"", "spring")));
    assert_has(a, "Walk number spring three");
    assert_lacks(a, "Walk number winter three");
    rm_article_free(a);
}
END_TEST

/* A list cut short for the eye: the items past a count carry a hiding
 * class that is their only difference from the shown ones. */
START_TEST(hidden_overflow_of_a_list_is_content)
{
    const char *html =
        "<html><head><title>Rivers</title></head><body><main><h1>Rivers of the valley</h1>"
        "<p>The valley is drained by many rivers, each with its own mills, bridges and "
        "paths along the banks, and walkers can follow most of them for a whole day.</p>"
        "<ul class=\"rivers\"><li class=\"river\">The Alder runs past the old tannery.</li>"
        "<li class=\"river\">The Birch runs under the stone bridge.</li>"
        "<li class=\"river hidden\">The Cedar runs beside the railway line.</li>"
        "<li class=\"river hidden\">The Dogwood runs into the lake at Elm.</li></ul>"
        "<p>Each river has a warden, who keeps the paths clear and the gates shut, and "
        "who answers questions from visitors in the summer months.</p>"
        "<div><p class=\"\">A wardens' rota follows the seasons.</p>"
        "<p class=\"hidden\">A draft line the editor hid.</p></div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "The Birch runs");
    assert_has(a, "The Cedar runs");
    assert_has(a, "The Dogwood runs");
    assert_lacks(a, "draft line");
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

#define SECT1(heading, body)                                                               \
    "<div class=\"sect1\"><h2>" heading "</h2><div class=\"sectionbody\">" body "</div></div>"
#define OPTION                                                                             \
    "<dt>--option</dt><dd><p>Stage files that have been modified and deleted, but leave new " \
    "files alone, as the index does by default, and say so.</p></dd>"

START_TEST(alike_sections_of_a_manual_are_one_article)
{
    /* The options section outscores the others many times over; the
     * name and the description are still the manual's text. */
    const char *html =
        "<html><head><title>frob-commit</title></head><body><div id=\"main\">"
        SECT1("NAME", "<p>frob-commit - record changes to the store</p>")
        SECT1("DESCRIPTION", "<p>Create a new record holding the current contents of the "
                             "index and a message that describes the change.</p>")
        SECT1("OPTIONS", "<div class=\"dlist\"><dl>" OPTION OPTION OPTION OPTION OPTION OPTION
                         OPTION OPTION "</dl></div>")
        "</div></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "record changes to the store");
    assert_has(a, "Create a new record");
    assert_has(a, "Stage files");
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

START_TEST(cross_sell_shelves_and_shop_furniture_go)
{
    const char *shelf_by_class =
        "<section class=\"up-sells upsells products\"><h2>Pick one more</h2><ul>"
        "<li><img src=\"a.jpg\"><h3>Hip belt</h3><span>$19.00</span></li>"
        "<li><img src=\"b.jpg\"><h3>Rain cover</h3><span>$24.00</span></li></ul></section>";
    const char *shelf_by_label =
        "<div><h2>Customers also bought</h2><ul>"
        "<li><a href=\"/p/1\"><img src=\"c.jpg\">Water bottle</a> $9.00</li>"
        "<li><a href=\"/p/2\"><img src=\"d.jpg\">Trail map</a> $12.00</li>"
        "<li><a href=\"/p/3\"><img src=\"e.jpg\">Head torch</a> $29.00</li></ul></div>";
    const char *policy =
        "<div class=\"pane\"><h3>Shipping &amp; Returns</h3><p>Orders ship within two working "
        "days. Returns are free within thirty days of delivery.</p></div>";
    const char *promo = "<p>Free shipping on orders over $75.</p>";
    const char *controls = "<a href=\"/cart?add=1\">Add to cart</a> <a href=\"/wish\">Add to wishlist</a>";
    char extra[4096], html[8192];
    snprintf(extra, sizeof extra, "%s%s%s%s%s", shelf_by_class, shelf_by_label, policy, promo, controls);
    snprintf(html, sizeof html, PRODUCT_PAGE("", "%s"), extra);
    rm_article *a = extract(html);
    assert_has(a, "A light daypack");
    assert_has(a, "recycled nylon");
    assert_lacks(a, "Hip belt");
    assert_lacks(a, "Trail map");
    assert_lacks(a, "Returns are free");
    assert_lacks(a, "Free shipping");
    assert_lacks(a, "Add to");
    rm_article_free(a);
}
END_TEST

START_TEST(policy_label_does_not_take_its_accordion)
{
    /* "Shipping & Returns" is one pane of an accordion beside the
     * specifications: the pane goes, the specifications stay. */
    const char *accordion =
        "<div class=\"accordion\"><h3>Shipping &amp; Returns</h3><p>Free returns within "
        "thirty days.</p><h3>Specifications</h3><p>Volume 25 litres, weight 900 g, back "
        "length 45 cm.</p></div>";
    char html[4096];
    snprintf(html, sizeof html, PRODUCT_PAGE("", "%s"), accordion);
    rm_article *a = extract(html);
    assert_has(a, "Volume 25 litres");
    rm_article_free(a);
}
END_TEST

START_TEST(documentation_page_controls_go)
{
    const char *html =
        "<html><head><title>Installation</title></head><body><main><h1>Installation</h1>"
        "<p>Install the package with your system's package manager, then check that the "
        "command runs by asking it for its version, as shown below.</p>"
        "<pre><code>apt-get install frobnicate\nfrobnicate --version</code></pre>"
        "<div class=\"admonition note\"><p class=\"admonition-title\">Note</p><p>Older "
        "releases need the compatibility package as well, which the same command installs "
        "when you name it.</p></div>"
        "<p><a href=\"https://example.org/repo/edit/main/docs/install.md\">Edit this page on "
        "GitHub</a> <a href=\"/_sources/install.txt\">View page source</a> "
        "<a href=\"https://example.org/repo/issues/new\">Report an issue</a></p>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "frobnicate --version");
    assert_has(a, "Note");
    assert_has(a, "compatibility package");
    assert_lacks(a, "Edit this page");
    assert_lacks(a, "View page source");
    assert_lacks(a, "Report an issue");
    rm_article_free(a);
}
END_TEST

/* ---- boilerplate on any page ---------------------------------------------------------------- */

#define STORY                                                                              \
    "<p>The council voted on Tuesday to keep the branch library open for another year, "  \
    "after a petition signed by more than two thousand residents asked it to.</p>"        \
    "<p>Staff will move the reading room upstairs, which frees the ground floor for the " \
    "weekly market, and the opening hours stay as they are.</p>"

START_TEST(trailing_headings_go_card_titles_stay)
{
    const char *story =
        "<html><head><title>Library stays open</title></head><body><article>"
        "<h1>Library stays open</h1>" STORY
        "<h2>What others are reading</h2><h3>Share your story</h3></article></body></html>";
    rm_article *a = extract(story);
    assert_has(a, "opening hours stay");
    assert_lacks(a, "What others are reading");
    assert_lacks(a, "Share your story");
    rm_article_free(a);

    const char *cards =
        "<html><head><title>Candles</title></head><body><main><h1>Candles</h1>" STORY
        "<ul><li><h3>Fig candle</h3></li><li><h3>Pear candle</h3></li></ul>"
        "<div><h3><a href=\"/c/3\">Plum candle</a></h3></div></main></body></html>";
    a = extract(cards);
    assert_has(a, "Pear candle");
    assert_has(a, "Plum candle");
    rm_article_free(a);
}
END_TEST

START_TEST(button_links_go_links_in_sentences_stay)
{
    const char *html =
        "<html><head><title>Library stays open</title></head><body><article>"
        "<h1>Library stays open</h1>" STORY
        "<p>Read <a class=\"btn\" href=\"/minutes\">the minutes</a> of the meeting for the "
        "full list of who voted which way, and why they did.</p>"
        "<div class=\"card\"><p>Want news like this every week?</p>"
        "<a class=\"button primary round\" href=\"/join\">Sign up now</a></div>"
        "<p><a class=\"wp-block-button__link\" href=\"/quote\">Get a quote</a></p>"
        "<div><a role=\"button\" href=\"/donate\">Support local news</a></div>"
        "</article></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "the minutes of the meeting");
    assert_lacks(a, "Sign up now");
    assert_lacks(a, "Get a quote");
    assert_lacks(a, "Support local news");
    rm_article_free(a);
}
END_TEST

START_TEST(customer_reviews_go_on_product_pages_only)
{
    const char *reviews =
        "<div class=\"pdp-section\"><h2>Customer Reviews (2)</h2>"
        "<div><h3>Great pack</h3><p>I carried it on a week of day hikes and it never rubbed, "
        "five stars from me.</p></div>"
        "<div><h3>Too small</h3><p>Nice fabric, but my jacket does not fit in beside lunch.</p></div>"
        "<h2>Care instructions</h2><p>Wipe the fabric clean with a damp cloth and let it dry "
        "in the shade.</p></div>";
    char html[8192];
    snprintf(html, sizeof html, PRODUCT_PAGE("<meta property=\"og:type\" content=\"product\">", "%s"),
             reviews);
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    assert_has(a, "recycled nylon");
    assert_lacks(a, "never rubbed");
    assert_lacks(a, "jacket does not fit");
    assert_has(a, "Wipe the fabric clean");
    rm_article_free(a);

    const char *story =
        "<html><head><title>Library stays open</title></head><body><article>"
        "<h1>Library stays open</h1>" STORY "<h2>Reviews</h2><p>Critics praised the new "
        "reading room, which one called the best quiet space in the county.</p>"
        "</article></body></html>";
    a = extract(story);
    assert_has(a, "best quiet space");
    rm_article_free(a);
}
END_TEST

START_TEST(on_page_toc_and_placeholders_go)
{
    const char *html =
        "<html><head><title>Installing the tools</title></head><body><main>"
        "<h1>Installing the tools</h1>"
        "<div class=\"box\"><p><strong>On this page</strong></p><ul>"
        "<li><a href=\"#requirements\">Requirements</a></li>"
        "<li><a href=\"#install\">Install the package</a></li>"
        "<li><a href=\"#check\">Check the installation</a></li></ul></div>"
        "<h2 id=\"requirements\">Requirements</h2><p>You need a recent compiler and about two "
        "hundred megabytes of disk space, on any of the supported systems.</p>"
        "<h2 id=\"install\">Install the package</h2><p>Run the installer and accept its "
        "defaults, unless you want the tools in a folder of your own choosing.</p>"
        "<div class=\"widget\">Loading...</div><p>Showing 1-10 of 214 results</p>"
        "<h2 id=\"check\">Check the installation</h2><p>Ask the tool for its version; it "
        "prints the number and the date of the build, and then exits.</p>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Requirements\n");
    assert_has(a, "Ask the tool for its version");
    assert_lacks(a, "On this page");
    assert_lacks(a, "Loading");
    assert_lacks(a, "Showing 1-10");
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
    tcase_add_test(tc, hidden_sibling_panels_of_a_tab_set_are_content);
    tcase_add_test(tc, hidden_overflow_of_a_list_is_content);
    tcase_add_test(tc, section_ids_spelling_their_heading_name_nothing);
    tcase_add_test(tc, alike_sections_of_a_manual_are_one_article);
    tcase_add_test(tc, variants_of_a_product_group_are_one_product);
    tcase_add_test(tc, many_products_outside_a_group_are_a_catalogue);
    tcase_add_test(tc, cross_sell_shelves_and_shop_furniture_go);
    tcase_add_test(tc, policy_label_does_not_take_its_accordion);
    tcase_add_test(tc, documentation_page_controls_go);
    tcase_add_test(tc, trailing_headings_go_card_titles_stay);
    tcase_add_test(tc, button_links_go_links_in_sentences_stay);
    tcase_add_test(tc, customer_reviews_go_on_product_pages_only);
    tcase_add_test(tc, on_page_toc_and_placeholders_go);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(docprod_suite)
