/*
 * test_index_grid.c — the grid of an index page is its content even
 * where the page's markup says otherwise, on small hand-written pages: a
 * card's add-to-cart form is the card's control, not a sign-up prompt
 * whose box goes whole; the shop's empty cart drawer is no part of it; a
 * line that three or more cards share stays on each of them; a sale's old
 * and new prices, aria-hidden in <del> and <ins>, show.
 */
#include "page_checks.h"

/* A category page: its heading, an introduction, then `grid`. */
#define CATEGORY(grid)                                                                   \
    "<html><head><title>Camp stoves</title></head><body><main><h1>Camp stoves</h1>"       \
    "<p>Every stove here has boiled water on our test bench in wind and cold, and each "  \
    "comes with the spare parts you are most likely to need on a long trip.</p>"         \
    grid "</main></body></html>"

/* A card with its own add-to-cart form: a short form, as a newsletter's
 * is, but the box around it is the item (its name and price), not a
 * pitch; only the form goes. */
#define CART_CARD(n)                                                                     \
    "<div class=\"k\"><div><a href=\"/p/" #n "\">Camp stove model " #n "</a></div>"        \
    "<div>$" #n "9.00</div><form method=\"post\" action=\"/cart/add\">"                   \
    "<input type=\"hidden\" name=\"id\" value=\"" #n "\"><button>Add to cart</button></form></div>"

START_TEST(add_to_cart_form_leaves_its_card)
{
    rm_article *a = extract(CATEGORY("<section>" CART_CARD(1) "</section><p>Stoves ship the next "
                                     "working day from our own warehouse, fuel canisters excepted.</p>"));
    assert_has(a, "Camp stove model 1");
    assert_has(a, "$19.00");
    rm_article_free(a);
}
END_TEST

/* The shop's cart drawer, sent empty with every page, says so in a line
 * of its own; the products and their prices stay. */
START_TEST(empty_cart_line_goes)
{
    rm_article *a = extract(CATEGORY("<div class=\"drawer\"><p>No products in the cart.</p></div>"
                                     "<section>" CART_CARD(1) "</section><p>Stoves ship the next "
                                     "working day from our own warehouse, fuel canisters excepted.</p>"));
    assert_has(a, "Camp stove model 1");
    assert_lacks(a, "No products in the cart");
    rm_article_free(a);
}
END_TEST

/* A small category: four products, each a picture, a linked name, a line
 * of description and a price. */
#define SHOP_CARD(n)                                                                     \
    "<li class=\"product\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"  \
    "<h3><a href=\"/p/" #n "\">Trail stove " #n "</a></h3><p>Burns white gas and kerosene, "   \
    "packs into its own pot, weighs three hundred grams.</p><span>$" #n "9.00</span></li>"

/* A slider's tile of an item seen before: a thumbnail, its name (the
 * item's number and `more` words) and a price. */
#define SEEN_CARD(n, more)                                                               \
    "<li class=\"tile\"><a href=\"/s/" #n "\"><img src=\"/j/" #n ".jpg\" alt=\"\"></a>"     \
    "<a href=\"/s/" #n "\">Seen item " #n more "</a><span>$" #n ".50</span></li>"

/* The four products are the page's items, whatever the slider. */
static void assert_four_stoves(const rm_article *a)
{
    ck_assert_uint_eq(a->page_items, 4);
    assert_has(a, "Trail stove 1");
    assert_has(a, "Trail stove 4");
}

/* A page that declares itself a collection: its four products, then
 * the `slider` of items seen before. */
#define STOVE_CATEGORY(slider)                                                            \
    "<html><head><title>Trail stoves</title><script type=\"application/ld+json\">"           \
    "{\"@context\":\"https://schema.org\",\"@type\":\"CollectionPage\"}</script></head>"      \
    "<body><main><h1>Trail stoves</h1><ul class=\"products\">" SHOP_CARD(1) SHOP_CARD(2)       \
    SHOP_CARD(3) SHOP_CARD(4) "</ul><section><h2>Recently viewed</h2>"                     \
    "<ul class=\"recent-slider\">" slider "</ul></section></main></body></html>"

/* Four products are too few to say an index alone, but on a page that
 * declares itself one they are its grid, not the slider of six items seen
 * before beside them, which goes as the shop's furniture. */
START_TEST(short_grid_beats_a_slider)
{
    rm_article *a = extract(STOVE_CATEGORY(SEEN_CARD(1, "") SEEN_CARD(2, "") SEEN_CARD(3, "")
                                           SEEN_CARD(4, "") SEEN_CARD(5, "") SEEN_CARD(6, "")));
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    assert_four_stoves(a);
    assert_lacks(a, "Seen item");
    rm_article_free(a);
}
END_TEST

/* Names long enough that five tiles outweigh the four products. */
#define LONG_NAME ", the titanium windscreen and heat reflector set for canister and liquid fuel " \
                  "stoves, with its stuff sack"

/* Cards in a slider are a shelf beside the grid, however much they say. */
START_TEST(slider_is_no_short_grid)
{
    rm_article *a = extract(STOVE_CATEGORY(SEEN_CARD(1, LONG_NAME) SEEN_CARD(2, LONG_NAME)
                                           SEEN_CARD(3, LONG_NAME) SEEN_CARD(4, LONG_NAME)
                                           SEEN_CARD(5, LONG_NAME)));
    assert_four_stoves(a);
    rm_article_free(a);
}
END_TEST

/* A product line's cards: linked name, price, and the line's summary,
 * the same words on every card. */
#define LINE_CARD(n)                                                                     \
    "<li class=\"card\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"     \
    "<h3><a href=\"/p/" #n "\">Ridge stove model " #n "</a></h3><span class=\"price\">$" #n   \
    "9.00</span><p>Ridge system: one burner head that takes every pot support and wind "   \
    "shield of the range</p></li>"

/* A line that three or more cards of the grid share is each card's own,
 * not a copy of the first card's: it stays on every card. */
START_TEST(line_shared_by_cards_stays_on_each)
{
    rm_article *a = extract(CATEGORY("<ul class=\"grid\">" LINE_CARD(1) LINE_CARD(2) LINE_CARD(3)
                                     LINE_CARD(4) LINE_CARD(5) LINE_CARD(6) LINE_CARD(7) "</ul>"));
    ck_assert_int_eq(a->page_type, RM_PAGE_COLLECTION);
    assert_has(a, "Ridge stove model 7");
    ck_assert_uint_eq(occurrences(a->text, "one burner head"), 7);
    rm_article_free(a);
}
END_TEST

/* A card on sale as shop plug-ins draw it: the old price struck through
 * in a <del>, the new one in an <ins>, both aria-hidden, with the same
 * prices in words for screen readers only. */
#define SALE_CARD(n)                                                                     \
    "<li class=\"product\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"   \
    "<h3><a href=\"/p/" #n "\">Camp stove model " #n "</a></h3><span class=\"price\">"         \
    "<del aria-hidden=\"true\">$" #n                                                          \
    "4.95</del> <span class=\"screen-reader-text\">Original price was: $" #n "4.95.</span>"  \
    "<ins aria-hidden=\"true\">$" #n "2.50</ins><span class=\"screen-reader-text\">Current "   \
    "price is: $" #n "2.50.</span></span><p>Folds into its own pot, lights in the wind "                   \
    "and simmers on the lowest flame of any stove we sell.</p></li>"

/* The struck-through and the new price are what the eye sees: aria-hidden
 * on them only spares a screen reader the second reading. */
START_TEST(sale_prices_hidden_from_screen_readers_show)
{
    rm_article *a = extract(CATEGORY("<ul class=\"products\">" SALE_CARD(1) SALE_CARD(2) SALE_CARD(3)
                                     SALE_CARD(4) SALE_CARD(5) SALE_CARD(6) SALE_CARD(7) "</ul>"));
    assert_has(a, "Camp stove model 7");
    assert_has(a, "$14.95");
    assert_has(a, "$12.50");
    assert_has(a, "$32.50");
    rm_article_free(a);
}
END_TEST

static Suite *index_grid_suite(void)
{
    Suite *s = suite_create("index_grid");
    TCase *tc = tcase_create("index_grid");
    tcase_add_test(tc, add_to_cart_form_leaves_its_card);
    tcase_add_test(tc, empty_cart_line_goes);
    tcase_add_test(tc, short_grid_beats_a_slider);
    tcase_add_test(tc, slider_is_no_short_grid);
    tcase_add_test(tc, line_shared_by_cards_stays_on_each);
    tcase_add_test(tc, sale_prices_hidden_from_screen_readers_show);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(index_grid_suite)
