/*
 * test_product.c — the product-page rules on small hand-written shop
 * pages: the description box the theme names is the article even when a
 * variant table outweighs it; shelves of priced items (cross-sells, the
 * price in other currencies) and buy-box lines ("Out of stock") go; a
 * purchase button beside a shelf of other products makes a product page,
 * buttons in every card a catalogue.
 */
#include "page_checks.h"

#define HEAD "<!DOCTYPE html><html lang=\"en\"><head><title>Ridge pack 40L</title>" \
             "<meta property=\"og:type\" content=\"product\"></head><body>"
#define TAIL "</body></html>"

/* The description, written as a shop theme writes it: bullet points of
 * spans, no paragraph a scorer counts. */
#define DESCRIPTION                                                                          \
    "<div class=\"product__description rte\"><ul>"                                          \
    "<li><span><strong>Material:</strong> rip-stop nylon that sheds rain and resists "      \
    "tears, with a rain cover in the bottom pocket for the wettest days</span></li>"       \
    "<li><span><strong>Comfort:</strong> a padded, ventilated back panel and shoulder "     \
    "straps that spread the load on a long day on the trail</span></li>"                   \
    "<li><span><strong>Pockets:</strong> one main compartment, a lid pocket, two hip-belt " \
    "pockets and two stretch side pockets for bottles</span></li></ul></div>"

/* A table of the product's variants, which Readability's scorer prefers
 * to the description: cells with commas. */
#define VARIANT_ROW(colour)                                                                  \
    "<tr><td>" colour ", 40 litres, SKU 40L-" colour ", in stock, ships in 2 days, " \
    "free returns within 30 days, one size, adjustable, unisex</td></tr>"
#define VARIANTS                                                                             \
    "<table class=\"quick-order\"><tbody>" VARIANT_ROW("Blue") VARIANT_ROW("Black")          \
    VARIANT_ROW("Khaki") VARIANT_ROW("Green") VARIANT_ROW("Purple") VARIANT_ROW("Red")        \
    VARIANT_ROW("Grey") VARIANT_ROW("Orange") "</tbody></table>"

START_TEST(named_description_box_is_the_article)
{
    rm_article *a = extract(HEAD "<main><h1>Ridge pack 40L</h1>" VARIANTS
                            "<button>Add to cart</button>" DESCRIPTION "</main>" TAIL);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    assert_has(a, "rip-stop nylon that sheds rain");
    assert_has(a, "two stretch side pockets");
    assert_lacks(a, "SKU 40L-Purple");
    rm_article_free(a);
}
END_TEST

/* Microdata says the same: itemprop=description on the Product item. */
START_TEST(microdata_description_is_the_article)
{
    rm_article *a = extract(
        HEAD "<main itemscope itemtype=\"https://schema.org/Product\"><h1 itemprop=\"name\">"
        "Ridge pack 40L</h1>" VARIANTS "<button>Add to cart</button>"
        "<div itemprop=\"description\"><ul>"
        "<li><span>Rip-stop nylon that sheds rain and resists tears, with a rain cover in "
        "the bottom pocket for the wettest days</span></li>"
        "<li><span>A padded, ventilated back panel and shoulder straps that spread the load "
        "on a long day on the trail</span></li></ul></div></main>" TAIL);
    assert_has(a, "Rip-stop nylon that sheds rain");
    assert_has(a, "ventilated back panel");
    rm_article_free(a);
}
END_TEST

/* A description the scorer already chose stays as chosen. */
START_TEST(description_in_the_choice_stays_with_it)
{
    rm_article *a = extract(HEAD "<main><h1>Ridge pack 40L</h1><button>Add to cart</button>"
                            "<article><p>The pack we would take on any long walk: light, "
                            "dry and comfortable, and big enough for a night out.</p>"
                            DESCRIPTION "</article></main>" TAIL);
    assert_has(a, "The pack we would take on any long walk");
    assert_has(a, "rip-stop nylon that sheds rain");
    rm_article_free(a);
}
END_TEST

#define PROSE                                                                                \
    "<p>A light pack for long walks, with a padded back panel, two side pockets for "       \
    "bottles and a lid that opens wide, so that what you need is always at hand.</p>"      \
    "<p>The fabric is recycled nylon, coated against rain, and the straps adjust to fit "   \
    "most torsos without a tool, even while you walk, which is rarer than it sounds.</p>"

#define SHELF_ITEM(name, price) \
    "<li><a href=\"/p/" name "\">" name "</a><span class=\"price\">" price "</span></li>"

START_TEST(priced_shelves_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE "<button>Add to cart</button>"
        "<div class=\"currency\"><ul>" SHELF_ITEM("GBP", "\xC2\xA3" "31.20") SHELF_ITEM("EUR", "36,90 \xE2\x82\xAC")
        SHELF_ITEM("USD", "$39.99") SHELF_ITEM("AED", "AED 146.80") "</ul></div>"
        "<h2>Complete the look</h2><ul>" SHELF_ITEM("Trail poles", "$49.00")
        SHELF_ITEM("Bottle", "$12.50") SHELF_ITEM("Rain cover", "$15.00")
        SHELF_ITEM("Headlamp", "$29.95") "</ul></main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_lacks(a, "Trail poles");
    assert_lacks(a, "Headlamp");
    assert_lacks(a, "AED 146.80");
    rm_article_free(a);
}
END_TEST

/* A list of the product's features that names a price or two stays. */
START_TEST(feature_lists_with_a_price_stay)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE "<button>Add to cart</button><ul>"
        "<li>Lifetime repairs: we mend any seam for free, postage paid both ways</li>"
        "<li>Rain cover included, worth $15 when sold on its own</li>"
        "<li>Hip belt with two zipped pockets, big enough for a phone</li>"
        "<li>Fits carry-on limits of most airlines</li></ul></main>" TAIL);
    assert_has(a, "Lifetime repairs");
    assert_has(a, "worth $15");
    rm_article_free(a);
}
END_TEST

START_TEST(buy_box_lines_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1><div class=\"buy\"><span>$39.99</span>"
        "<p>Only 3 left in stock!</p><p>Taxes, discounts and shipping calculated at "
        "checkout.</p><span>Add to wishlist</span><button>Add to cart</button></div>" PROSE
        "<p>If the colour you want is out of stock, ask us: we restock every month.</p>"
        "</main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_has(a, "If the colour you want is out of stock");
    assert_lacks(a, "left in stock");
    assert_lacks(a, "calculated at checkout");
    assert_lacks(a, "Add to wishlist");
    rm_article_free(a);
}
END_TEST

/* Six teaser cards: a grid, in pagetype.c's sense. */
#define CARD(n, button)                                                                      \
    "<div class=\"card\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"     \
    "<h3><a href=\"/p/" #n "\">Walking pack model " #n "</a></h3><span>$" #n "9.00</span>"    \
    button "</div>"
#define CARDS(button)                                                                        \
    "<div class=\"grid\">" CARD(1, button) CARD(2, button) CARD(3, button) CARD(4, button)  \
    CARD(5, button) CARD(6, button) CARD(7, button) "</div>"

START_TEST(buy_button_beside_a_shelf_is_a_product_page)
{
    rm_article *a = extract("<!DOCTYPE html><html><head><title>Ridge pack</title></head><body>"
                            "<main><h1>Ridge pack 40L</h1>" PROSE "<form><button>Add to cart"
                            "</button></form><h2>Customers also bought</h2>" CARDS("")
                            "</main>" TAIL);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

START_TEST(buy_buttons_in_every_card_are_a_catalogue)
{
    rm_article *a = extract("<!DOCTYPE html><html><head><title>Packs</title></head><body>"
                            "<main><h1>Walking packs</h1>"
                            CARDS("<button>Add to cart</button>") "</main>" TAIL);
    ck_assert_str_ne(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

/* ---- the product the headline names ---------------------------------------------------- */

/* A product page declares its product and, in the same data, the cards
 * of the shelves around it ("Similar items"); the <h1> names the page's
 * own (here with the brand added). Without the headline three declared
 * products read as a catalogue. */
#define LD_ITEM(name) "{\"@type\":\"Product\",\"name\":\"" name "\",\"offers\":{\"@type\":\"Offer\",\"price\":\"79\"}}"
#define SHELF_PAGE(h1)                                                                         \
    "<!DOCTYPE html><html><head><title>Shop</title><script type=\"application/ld+json\">["    \
    LD_ITEM("Ridge pack 40L") "," LD_ITEM("Hip belt") "," LD_ITEM("Rain cover") "]</script>" \
    "</head><body><main><h1>" h1 "</h1>"                                                       \
    "<p>A light daypack for long walks, with a padded back panel, two side pockets for "    \
    "bottles and a lid that opens wide, so that the things you need are at hand.</p>"        \
    "<span>$79.00</span></main></body></html>"

START_TEST(declared_product_named_by_the_headline_is_the_page)
{
    rm_article *a = extract(SHELF_PAGE("Trailworks Ridge Pack 40L"));
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
    a = extract(SHELF_PAGE("Packs and bags"));   /* a category's heading */
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    rm_article_free(a);
    /* microdata: the <h1> inside the Product item, beside product tiles */
    a = extract("<html><head><title>Shop</title></head><body><main>"
                "<div itemscope itemtype=\"https://schema.org/Product\"><h1>Ridge pack</h1>"
                "<p>A light daypack for long walks, with a padded back panel and two side "
                "pockets for bottles.</p><span>$79.00</span></div>"
                "<div itemscope itemtype=\"https://schema.org/Product\">Hip belt $19.00</div>"
                "<div itemscope itemtype=\"https://schema.org/Product\">Rain cover $24.00</div>"
                "</main></body></html>");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

/* Products declared inside the page's Product (the offers' itemOffered,
 * one per colour) are that product's, not a catalogue. */
START_TEST(products_inside_a_product_are_its_own)
{
    const char *ld =
        "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Daypack\","
        "\"offers\":[{\"@type\":\"Offer\",\"itemOffered\":{\"@type\":\"Product\",\"name\":\"Red\"}},"
        "{\"@type\":\"Offer\",\"itemOffered\":{\"@type\":\"Product\",\"name\":\"Blue\"}},"
        "{\"@type\":\"Offer\",\"itemOffered\":{\"@type\":\"Product\",\"name\":\"Grey\"}}]}</script>";
    char html[4096];
    snprintf(html, sizeof html,
             "<html><head><title>Daypack</title>%s</head><body><main><h1>Daypack</h1>"
             "<p>A light daypack for long walks, with a padded back panel, two side pockets "
             "for bottles and a lid that opens wide.</p><span>$79.00</span></main></body></html>",
             ld);
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

/* A site's own Open Graph namespace ("shop_sharing:product") names a
 * product as og:type "product" does. */
START_TEST(namespaced_og_product_is_a_product)
{
    rm_article *a = extract(
        "<html><head><title>Daypack</title><meta property=\"og:type\" "
        "content=\"shop_sharing:product\"></head><body><main><h1>Daypack</h1>"
        "<p>A light daypack for long walks, with a padded back panel, two side pockets for "
        "bottles and a lid that opens wide, so that the things you need are at hand.</p>"
        "</main></body></html>");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

/* Runs of UUIDs that a stylesheet hides around a "Sponsored" label are a
 * script's keys: they never reach the text. */
START_TEST(bare_uuids_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" DESCRIPTION
        "<div><span class=\"a\">S</span><span class=\"b\">2bf8403c-6590-4d73-8b16-95f6c3ecdef8</span>"
        "<span class=\"a\">p</span><span class=\"b\">84f535a2-9d93-4358-b5a8-c77d761c12e9</span></div>"
        "<p>Keys like 84f535a2-9d93-4358-b5a8-c77d761c12e9 in a sentence stay.</p>"
        "</main>" TAIL);
    assert_lacks(a, "2bf8403c-6590");
    assert_has(a, "Keys like 84f535a2-9d93-4358-b5a8-c77d761c12e9 in a sentence");
    rm_article_free(a);
}
END_TEST

/* The maker's fine print under the features ("* Image simulated.") goes
 * on a product page, in a box its theme names so; an article's
 * footnotes are its sources and stay. */
#define FINE_PRINT                                                                           \
    "<div class=\"feature-benefit__disclaimer\"><p>* Image simulated. Colour and model " \
    "availability may vary depending on country, region or carrier.</p></div>"

START_TEST(fine_print_goes_on_product_pages)
{
    rm_article *a = extract(HEAD "<main><h1>Ridge pack 40L</h1>" DESCRIPTION FINE_PRINT
                            "<button>Add to cart</button></main>" TAIL);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    assert_has(a, "rip-stop nylon that sheds rain");
    assert_lacks(a, "Image simulated");
    rm_article_free(a);
    a = extract("<html><head><title>Rain</title></head><body><article><h1>Rain</h1>"
                "<p>It rained for forty days, the longest spell on record, and the rivers rose "
                "over their banks in every county of the region, as the survey showed.</p>"
                "<p>The survey counted every flooded field and road, and the farmers who lost "
                "their crops were paid from a fund set up that spring by the council.</p>"
                "<div class=\"footnotes\"><p>1. Regional flood survey, published in the spring "
                "by the council.</p></div></article></body></html>");
    assert_has(a, "Regional flood survey");
    rm_article_free(a);
}
END_TEST

/* The headline written in spans of their own, brand and name with no
 * space between them, still names the declared product; the grid of
 * priced cards beside it, which holds most of the page's text, is then a
 * shelf of other products, not the page. */
#define SHELF_CARD(name, price)                                                              \
    "<li><a href=\"/p/" name "\"><img src=\"" name ".jpg\"><h3>" name " trail jacket in a " \
    "weatherproof shell</h3></a><span>Lightweight, packable and breathable, with taped "   \
    "seams, a hood that rolls into the collar, two hand pockets and a chest pocket, all "   \
    "closed by water-resistant zips.</span><span>$" price "</span></li>"

START_TEST(card_grid_beside_the_named_product_is_a_shelf)
{
    rm_article *a = extract(
        "<!DOCTYPE html><html><head><title>Shop</title><script type=\"application/ld+json\">"
        LD_ITEM("Ridge pack 40L") "</script></head><body><main>"
        "<h1><span>Trailworks</span><span>Ridge pack 40L</span></h1>"
        "<p>A light daypack for long walks, with a padded back panel, two side pockets for "
        "bottles and a lid that opens wide, so that the things you need are at hand.</p>"
        "<p>The fabric is recycled nylon, coated against rain, and the straps adjust to fit "
        "most torsos without a tool, even while you walk up a hill in the wind.</p>"
        "<p>The back panel is a moulded foam sheet with channels that let the air through, "
        "so that your shirt stays dry on a warm day, and the hip belt carries the load.</p>"
        "<p>Two compression straps on each side hold a tent or a mat, and a loop at the "
        "bottom takes an ice axe or walking poles when you need both hands free.</p>"
        "<span>$79.00</span><button>Add to cart</button>"
        "<h2>Jackets</h2><ul class=\"grid\">"
        SHELF_CARD("Alder", "119.00") SHELF_CARD("Birch", "129.00") SHELF_CARD("Cedar", "139.00")
        SHELF_CARD("Dogwood", "149.00") SHELF_CARD("Elm", "159.00") SHELF_CARD("Fir", "169.00")
        SHELF_CARD("Gum", "179.00") "</ul></main></body></html>");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    assert_has(a, "padded back panel");
    assert_lacks(a, "Cedar trail jacket");
    rm_article_free(a);
}
END_TEST

/* A product page's long run of buyers' comments, in a box named so and
 * holding most of the page's text, is its comment section: the page
 * stays a product page, not a forum thread taken for comments. */
#define BUYER_COMMENT(name, text)                                                           \
    "<div class=\"comment\"><a href=\"/u/" name "\">" name "</a> <time>1 May</time><p>"   \
    text "</p><a href=\"#\">Reply</a></div>"

START_TEST(buyer_comments_do_not_make_a_thread)
{
    rm_article *a = extract(
        HEAD "<h1>Ridge pack 40L</h1><p>A light daypack for long walks, with a padded back "
        "panel.</p><span>$79.00</span><button>Add to cart</button>"
        "<div id=\"comments\" class=\"comments\">"
        BUYER_COMMENT("ann", "Carried it on a week of day hikes in the hills and it never "
                             "rubbed once, even with a full water bladder inside.")
        BUYER_COMMENT("bob", "The lid pocket is smaller than it looks in the photos, but the "
                             "side pockets hold a big bottle each without trouble.")
        BUYER_COMMENT("cid", "Bought a second one for my partner after a month: the straps "
                             "adjust on the move and the fabric shrugged off a storm.")
        BUYER_COMMENT("dee", "Zips are stiff at first and loosen up after a few trips; the "
                             "rain cover in the bottom pocket is a nice touch for autumn.")
        "</div>" TAIL);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    assert_has(a, "padded back panel");
    assert_lacks(a, "never rubbed once");
    rm_article_free(a);
}
END_TEST

/* The specifications as a desktop tab and again as a phone's accordion,
 * a carousel's cloned slides, the table of specifications twice: each
 * line or row once, tab panel or not, sibling or not, however short. */
#define SPEC_LINES                                                                           \
    "<ul><li>Material: rip-stop nylon</li><li>Volume: 40 litres</li>"                        \
    "<li>Weight: 1.2 kg empty</li></ul>"

#define SPEC_TABLE                                                                           \
    "<table><tr><th>Back length</th><td>45 to 52 cm</td></tr><tr><th>Frame</th>"             \
    "<td>aluminium stay</td></tr><tr><th>Lid</th><td>removable, with two pockets</td></tr>"   \
    "</table>"

START_TEST(copies_of_the_product_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE "<div class=\"desktop\"><div class=\"tab-panel\">"
        "<h3>Specifications</h3>" SPEC_LINES "</div></div><div class=\"mobile\"><div class=\"accordion\">"
        "<h3>Specifications</h3>" SPEC_LINES "</div></div><div class=\"perks\">"
        "<div class=\"perk\">Free repairs for the life of the pack</div><div class=\"perk\">Free repairs for the life of the pack"
        "</div><div class=\"perk\">Free repairs for the life of the pack</div></div>" SPEC_TABLE "<div class=\"m\">"
        SPEC_TABLE "</div></main>" TAIL);
    assert_has(a, "Material: rip-stop nylon");
    ck_assert_int_eq(occurrences(a->text, "Free repairs for the life of the pack"), 1);
    ck_assert_int_eq(occurrences(a->text, "Back length"), 1);
    ck_assert_int_eq(occurrences(a->text, "Material: rip-stop nylon"), 1);
    ck_assert_int_eq(occurrences(a->text, "Weight: 1.2 kg empty"), 1);
    rm_article_free(a);
}
END_TEST

/* The buy box again in a sticky bar: a group of lines too short to count
 * alone, once. */
#define CHOICE "<div class=\"choice\"><div>Moss green</div><div>Size M</div><div>40 L</div></div>"

START_TEST(copied_groups_of_short_lines_go)
{
    rm_article *a = extract(HEAD "<main><h1>Ridge pack 40L</h1><div class=\"buy\">" CHOICE "</div>" PROSE
                            "<div class=\"sticky-bar\">" CHOICE "</div></main>" TAIL);
    assert_has(a, "recycled nylon");
    ck_assert_int_eq(occurrences(a->text, "Moss green"), 1);
    rm_article_free(a);
}
END_TEST

/* Review sections headed with the product's name, before or after the
 * word, are the buyers' comments all the same. */
#define REVIEW(who, what)                                                                    \
    "<div class=\"entry\"><p><b>" who "</b></p><p>" what "</p></div>"

START_TEST(reviews_headed_with_the_product_name_go)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE
        "<section><h2>Ridge Pack Reviews</h2>"
        REVIEW("Sam", "Took it across the Pyrenees in June and it never once rubbed my shoulders, "
               "even on the long climbs with three litres of water on board.")
        REVIEW("Alex", "The side pockets hold a litre bottle each, which is more than my old "
               "pack managed, and the lid opens wide enough for gloves.") "</section>"
        "<section><h2>Customer reviews for Ridge pack 40L</h2>"
        REVIEW("Kim", "Bought it for a week in Scotland; it stayed dry inside through two days "
               "of rain without the cover, which I had forgotten at home.") "</section>"
        "</main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_lacks(a, "Pyrenees");
    assert_lacks(a, "more than my old");
    assert_lacks(a, "week in Scotland");
    rm_article_free(a);
}
END_TEST

/* A template's filler left in a box ("Lorem ipsum ...") is no one's text:
 * it goes, and the page's own text is the article. */
START_TEST(designers_filler_goes)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" PROSE
        "<div class=\"dimensions\"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
        "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim "
        "veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo "
        "consequat, duis aute irure dolor in reprehenderit.</p></div></main>" TAIL);
    assert_has(a, "recycled nylon");
    assert_lacks(a, "Lorem ipsum");
    assert_lacks(a, "consectetur");
    rm_article_free(a);
}
END_TEST

/* The description is one panel of the product's tabs: the panels beside
 * it (specifications, care) are the product's text too. */
START_TEST(description_tabs_come_whole)
{
    rm_article *a = extract(
        HEAD "<main><h1>Ridge pack 40L</h1>" VARIANTS "<button>Add to cart</button>"
        "<div class=\"pdp-tabs\"><div class=\"pdp-tab-content active\">" DESCRIPTION "</div>"
        "<div class=\"pdp-tab-content\"><ul><li>Frame: aluminium stay</li>"
        "<li>Back length: 45 to 52 cm</li></ul></div>"
        "<div class=\"pdp-tab-content\"><p>Wash by hand in cold water and hang to dry.</p></div>"
        "</div></main>" TAIL);
    assert_has(a, "rip-stop nylon that sheds rain");
    assert_has(a, "Frame: aluminium stay");
    assert_has(a, "Wash by hand in cold water");
    assert_lacks(a, "SKU 40L-Purple");
    rm_article_free(a);
}
END_TEST

static Suite *product_suite(void)
{
    Suite *s = suite_create("product");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, named_description_box_is_the_article);
    tcase_add_test(tc, microdata_description_is_the_article);
    tcase_add_test(tc, description_in_the_choice_stays_with_it);
    tcase_add_test(tc, priced_shelves_go);
    tcase_add_test(tc, feature_lists_with_a_price_stay);
    tcase_add_test(tc, buy_box_lines_go);
    tcase_add_test(tc, buy_button_beside_a_shelf_is_a_product_page);
    tcase_add_test(tc, buy_buttons_in_every_card_are_a_catalogue);
    tcase_add_test(tc, declared_product_named_by_the_headline_is_the_page);
    tcase_add_test(tc, products_inside_a_product_are_its_own);
    tcase_add_test(tc, namespaced_og_product_is_a_product);
    tcase_add_test(tc, bare_uuids_go);
    tcase_add_test(tc, fine_print_goes_on_product_pages);
    tcase_add_test(tc, card_grid_beside_the_named_product_is_a_shelf);
    tcase_add_test(tc, buyer_comments_do_not_make_a_thread);
    tcase_add_test(tc, copies_of_the_product_go);
    tcase_add_test(tc, copied_groups_of_short_lines_go);
    tcase_add_test(tc, reviews_headed_with_the_product_name_go);
    tcase_add_test(tc, designers_filler_goes);
    tcase_add_test(tc, description_tabs_come_whole);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(product_suite)
