/*
 * test_index_grid.c — the grid of an index page is its content even
 * where the page's markup says otherwise, on small hand-written pages: a
 * card's add-to-cart form is the card's control, not a sign-up prompt
 * whose box goes whole; the shop's empty cart drawer is no part of it.
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

static Suite *index_grid_suite(void)
{
    Suite *s = suite_create("index_grid");
    TCase *tc = tcase_create("index_grid");
    tcase_add_test(tc, add_to_cart_form_leaves_its_card);
    tcase_add_test(tc, empty_cart_line_goes);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(index_grid_suite)
