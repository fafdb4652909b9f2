/*
 * test_index_chrome.c — the shop's and the search's furniture around an
 * index page's grid, on small hand-written pages: a box whose WAI-ARIA
 * role makes it navigation or a control (role="navigation", a listbox of
 * options, a toolbar) goes like a <nav>, while a role on the box around
 * the grid itself does not take the cards away; a card's badges and its
 * controls drawn as text go, its name and price stay; the count of
 * results over the grid goes, and so does the tool bar of search, sort
 * and view controls over it; a "Related searches" box under it goes.
 */
#include "page_checks.h"

/* A product card: linked name, price, a line of summary. */
#define PRODUCT(n)                                                                      \
    "<li class=\"product\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>" \
    "<h3><a href=\"/p/" #n "\">Trail shoe model " #n "</a></h3><span class=\"price\">$" #n "9.00</span>" \
    "<p>Light, grippy and made for long days on rough ground.</p></li>"

#define PRODUCTS PRODUCT(1) PRODUCT(2) PRODUCT(3) PRODUCT(4) PRODUCT(5) PRODUCT(6) PRODUCT(7)

/* The grid under the category's introduction, with `before` between them
 * in the same results box (where a shop draws its sort bar). */
#define PAGE(before, after)                                                             \
    "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"      \
    "<div class=\"c_r\"><p>Our trail shoes are tested on mud, rock and packed dirt by the " \
    "staff before they reach the shelves, and every pair comes with a year of repairs.</p>" \
    before "<ul class=\"c_1kT2\">" PRODUCTS "</ul>" after "</div></main></body></html>"

/* Under the grid, a box of links to other queries headed "Related
 * searches" is the shop's search furniture, not its products. */
START_TEST(related_searches_under_the_grid_go)
{
    rm_article *a = extract(PAGE(
        "",
        "<div class=\"c_q7\"><h2>Related searches</h2><ul>"
        "<li><a href=\"/s?q=1\">Waterproof trail shoes</a></li>"
        "<li><a href=\"/s?q=2\">Trail running socks</a></li>"
        "<li><a href=\"/s?q=3\">Gaiters</a></li></ul></div>"));
    assert_has(a, "Trail shoe model 1");
    assert_has(a, "Trail shoe model 7");
    assert_lacks(a, "Related searches");
    assert_lacks(a, "Trail running socks");
    rm_article_free(a);
}
END_TEST

/* A div with role="navigation" is a <nav>: a panel of links that no class
 * name gives away ("Refine by", its groups and their links). */
START_TEST(navigation_role_is_a_nav)
{
    rm_article *a = extract(PAGE(
        "<div class=\"c_x81\" role=\"navigation\"><h2>Refine by</h2><h3>Brand</h3>"
        "<a href=\"?b=1\">Altra</a> <a href=\"?b=2\">Hoka</a> <a href=\"?b=3\">Salomon</a>"
        "<h3>Terrain</h3><a href=\"?t=1\">Mud and snow</a> <a href=\"?t=2\">Rocky ground</a></div>",
        ""));
    assert_has(a, "Trail shoe model 1");
    assert_has(a, "Trail shoe model 7");
    assert_lacks(a, "Refine by");
    assert_lacks(a, "Rocky ground");
    ck_assert_uint_ge(a->removed[RM_REMOVED_NAVIGATION], 1);
    rm_article_free(a);
}
END_TEST

/* A custom drop-down (role="listbox" of role="option"s) and a toolbar
 * over the grid are controls, not text. */
START_TEST(listbox_and_toolbar_are_controls)
{
    rm_article *a = extract(PAGE(
        "<div class=\"c_t1\" role=\"toolbar\"><span>Sort order</span> <span>Grid view</span> "
        "<span>Compact view</span></div>"
        "<div class=\"c_l2\" role=\"listbox\"><div role=\"option\">Adhesive pads 34</div>"
        "<div role=\"option\">Batteries 47</div><div role=\"option\">Screens 120</div></div>",
        ""));
    assert_has(a, "Trail shoe model 4");
    assert_lacks(a, "Compact view");
    assert_lacks(a, "Batteries 47");
    rm_article_free(a);
}
END_TEST

/* The role is judged on the furniture, never on the grid: a listing
 * drawn as role="navigation" around its own cards keeps them. */
START_TEST(navigation_role_around_the_grid_stays)
{
    rm_article *a = extract(PAGE("<div role=\"navigation\">", "</div>"));
    assert_has(a, "Trail shoe model 1");
    assert_has(a, "Trail shoe model 7");
    rm_article_free(a);
}
END_TEST

/* A shop's tile: sticker, linked name, price and a control drawn as text. */
#define TILE(n, sticker, control)                                                       \
    "<li class=\"tile\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"   \
    "<span class=\"sticker\">" sticker "</span><h3><a href=\"/p/" #n "\">Trail shoe model " #n \
    "</a></h3><span class=\"price\">$" #n "9.00</span><div>" control "</div></li>"

/* A card's badges ("New", "Best seller", "Sale!") and its controls drawn
 * as text ("Quick shop", "+ Wishlist") are not facts about the item; its
 * name and price stay. Outside an index's cards the same word is text. */
START_TEST(card_badges_and_controls_go)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<ul class=\"grid\">" TILE(1, "New", "Quick shop") TILE(2, "Best seller", "Quick shop")
        TILE(3, "", "Quick shop") TILE(4, "Sale!", "Quick shop") TILE(5, "", "+ Wishlist")
        TILE(6, "", "+ Wishlist") TILE(7, "Top rated", "+ Wishlist") "</ul></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    assert_has(a, "Trail shoe model 1");
    assert_has(a, "$79.00");
    assert_lacks(a, "Best seller");
    assert_lacks(a, "Sale!");
    assert_lacks(a, "Top rated");
    assert_lacks(a, "Quick shop");
    assert_lacks(a, "Wishlist");
    rm_article_free(a);
    html = "<html><head><title>Shop news</title></head><body><article><h1>Shop news</h1>"
           "<p>The shop on the corner has been selling trail shoes for thirty years, and this "
           "spring it finally opened a second floor for hiking gear and maps.</p><p>Compare</p>"
           "<p>The owners say the old floor stays as it is, creaking boards and all.</p>"
           "</article></body></html>";
    a = extract(html);
    assert_has(a, "Compare");
    rm_article_free(a);
}
END_TEST

/* The count over the grid, alone in its block ("514 items", "400
 * Products", "664 Styles"), counts the results; it is not one of them. */
START_TEST(result_count_over_the_grid_goes)
{
    rm_article *a = extract(PAGE("<div class=\"c_n1\">514 items</div><div class=\"c_n2\">400 Products</div>"
                                 "<span class=\"c_n3\">664 Styles</span>",
                                 ""));
    assert_has(a, "Trail shoe model 1");
    assert_lacks(a, "514 items");
    assert_lacks(a, "400 Products");
    assert_lacks(a, "664 Styles");
    rm_article_free(a);
}
END_TEST

/* The tool bar over the grid: a search-within field and drop-downs for the
 * sort order and the page size, each with its short label and the choice
 * it shows, in a box of its own beside the grid. */
#define TOOL_BAR                                                                        \
    "<div class=\"c_t\"><div><label for=\"q\">Search within:</label><input id=\"q\" "       \
    "type=\"search\"><button>Go</button></div><div><span>Order:</span><select><option>Best " \
    "match</option><option>Price</option></select><span>Best match</span></div><div><span>"  \
    "View:</span><select><option>36</option><option>60</option></select><span>36</span>"   \
    "</div></div>"

START_TEST(control_bar_over_the_grid_goes)
{
    rm_article *a = extract(PAGE(TOOL_BAR, ""));
    assert_has(a, "Trail shoe model 1");
    assert_has(a, "Trail shoe model 7");
    assert_has(a, "tested on mud");
    assert_lacks(a, "Best match");
    assert_lacks(a, "View:");
    assert_lacks(a, "Search within");
    rm_article_free(a);
}
END_TEST

/* The same bar drawn by a script: its drop-downs are boxes in the tab
 * order (tabindex="0"), each showing its current choice. */
#define DRAWN_BAR                                                                       \
    "<div class=\"c_t\"><div><span>Show:</span><div tabindex=\"0\"><span>25</span></div>"   \
    "<span>per page</span></div><div><span>Popular filters:</span><div tabindex=\"0\">"      \
    "<span>Lens mount</span></div><div tabindex=\"0\"><span>Focal length</span></div>"      \
    "</div></div>"

START_TEST(drawn_control_bar_over_the_grid_goes)
{
    rm_article *a = extract(PAGE(DRAWN_BAR, ""));
    assert_has(a, "Trail shoe model 1");
    assert_has(a, "Trail shoe model 7");
    assert_has(a, "tested on mud");
    assert_lacks(a, "Popular filters");
    assert_lacks(a, "Lens mount");
    assert_lacks(a, "per page");
    rm_article_free(a);
}
END_TEST

static Suite *index_chrome_suite(void)
{
    Suite *s = suite_create("index_chrome");
    TCase *tc = tcase_create("index_chrome");
    tcase_add_test(tc, navigation_role_is_a_nav);
    tcase_add_test(tc, related_searches_under_the_grid_go);
    tcase_add_test(tc, listbox_and_toolbar_are_controls);
    tcase_add_test(tc, navigation_role_around_the_grid_stays);
    tcase_add_test(tc, card_badges_and_controls_go);
    tcase_add_test(tc, result_count_over_the_grid_goes);
    tcase_add_test(tc, control_bar_over_the_grid_goes);
    tcase_add_test(tc, drawn_control_bar_over_the_grid_goes);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(index_chrome_suite)
