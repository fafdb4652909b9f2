/*
 * test_index.c — index pages (collections and listings), on small
 * hand-written pages: the filter panel of a faceted search is navigation
 * (by its name, its ticked choices counted as options, or unnamed as a
 * box of check boxes beside the grid), while a filter-named
 * wrapper around the results is not; a carousel or a sidebar beside the
 * grid is the shop's furniture; a form inside
 * each card of a grid (a "Want to read" or "Add to cart" control) takes
 * only itself away, not the card it sits in; a page of cards with no
 * article body beside them is an index even when its metadata is signed,
 * and a generic name on the box around such a grid does not make it
 * clutter; a linked tile that shows a price tag is a card even without a
 * heading or a visible picture; cards spread over a front page's sections
 * make an index together; a card says each of its lines once, and the
 * controls alike in every card go; a grid is kept beside a buying guide
 * longer than it; the closed panels of an FAQ's disclosure buttons are text,
 * and so are the buttons' labels when they sit in a heading; a teaser's
 * summary linked again for the eye (aria-hidden, out of the tab order) is
 * shown; a card drawn as a figure keeps its lines; a category's heading
 * and introduction above the grid stay, in front of the cards.
 */
#include "page_checks.h"

static bool has(const rm_article *a, const char *needle)
{
    return strstr(a->text, needle) != NULL;
}

/* A product card: linked name, price, a line of summary. */
#define PRODUCT(n)                                                                      \
    "<li class=\"product\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>" \
    "<h3><a href=\"/p/" #n "\">Trail shoe model " #n "</a></h3><span class=\"price\">$" #n "9.00</span>" \
    "<p>Light, grippy and made for long days on rough ground.</p></li>"

#define PRODUCTS PRODUCT(1) PRODUCT(2) PRODUCT(3) PRODUCT(4) PRODUCT(5) PRODUCT(6) PRODUCT(7)

/* The grid of PRODUCTS is all there, first card to last. */
static void assert_all_cards(const rm_article *a)
{
    ck_assert_msg(has(a, "Trail shoe model 1") && has(a, "Trail shoe model 7"), "cards lost:\n%s",
                  a->text);
}

#define FACET_GROUP(name, a, b, c)                                                      \
    "<div class=\"filter-group\"><h4>" name "</h4><ul>"                                  \
    "<li><label><input type=\"checkbox\"> " a " (12)</label></li>"                       \
    "<li><label><input type=\"checkbox\"> " b " (7)</label></li>"                        \
    "<li><label><input type=\"checkbox\"> " c " (3)</label></li></ul></div>"

START_TEST(facet_panel_is_navigation)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<aside class=\"facets\">" FACET_GROUP("Brand", "Altra", "Hoka", "Salomon")
        FACET_GROUP("Colour", "Black", "Orange", "Teal") FACET_GROUP("Size", "EU 40", "EU 42", "EU 44")
        "</aside><ul class=\"product-grid\">" PRODUCTS "</ul></main></body></html>";
    rm_article *a = extract(html);
    assert_all_cards(a);
    ck_assert_msg(!has(a, "Salomon") && !has(a, "Orange (7)"), "filters kept:\n%s", a->text);
    ck_assert_uint_ge(a->removed[RM_REMOVED_NAVIGATION], 1);
    rm_article_free(a);
}
END_TEST

/* CSS modules write the name in camel case: "ProductList_filtersDesktop". */
START_TEST(camel_case_facet_panel_is_navigation)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<div class=\"ProductList_filtersDesktop__x1\">"
        "<a href=\"?b=1\">Altra (12)</a><a href=\"?b=2\">Hoka (7)</a><a href=\"?b=3\">Salomon (3)</a>"
        "<a href=\"?p=1\">$50 to $75 (25)</a><a href=\"?p=2\">$75 to $100 (36)</a></div>"
        "<ul class=\"ProductList_grid__x2\">" PRODUCTS "</ul></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "Trail shoe model 4"), "cards lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Salomon") && !has(a, "$75 to $100"), "filters kept:\n%s", a->text);
    ck_assert_uint_ge(a->removed[RM_REMOVED_NAVIGATION], 1);
    rm_article_free(a);
}
END_TEST

/* A filter group drawn with hashed class names: check boxes and their
 * labels, nothing a name rule knows. */
#define CHOICE_GROUP(name, a, b, c)                                                     \
    "<fieldset class=\"g_x9Qa\"><legend>" name "</legend>"                                \
    "<input type=\"checkbox\" id=\"" a "\"><label for=\"" a "\">" a "</label>"              \
    "<input type=\"checkbox\" id=\"" b "\"><label for=\"" b "\">" b "</label>"              \
    "<input type=\"radio\" id=\"" c "\"><label for=\"" c "\">" c "</label></fieldset>"

/* The panel of check boxes beside a grid of cards is its filters, named
 * or not; the same check boxes on a page with no grid to filter (a page
 * whose content is its selector) stay. */
START_TEST(unnamed_choice_panel_beside_cards_is_navigation)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<div class=\"c_81Hq\">" CHOICE_GROUP("Cushioning", "Plush", "Balanced", "Firm")
        CHOICE_GROUP("Terrain", "Mud and snow", "Rocky ground", "Packed dirt")
        "</div><ul class=\"c_1kT2\">" PRODUCTS "</ul></main></body></html>";
    rm_article *a = extract(html);
    assert_all_cards(a);
    ck_assert_msg(!has(a, "Rocky ground") && !has(a, "Balanced"), "filters kept:\n%s", a->text);
    ck_assert_uint_ge(a->removed[RM_REMOVED_NAVIGATION], 1);
    rm_article_free(a);
    html = "<html><head><title>Pick your areas</title></head><body><main><h1>Pick your areas</h1>"
           "<p>Choose the fields of research to count, then press Rank.</p>"
           "<div class=\"c_81Hq\">" CHOICE_GROUP("Systems", "Databases", "Networks", "Security")
           CHOICE_GROUP("Theory", "Algorithms", "Cryptography", "Logic") "</div></main></body></html>";
    a = extract(html);
    ck_assert_msg(has(a, "Cryptography") && has(a, "Networks"), "selector lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A news section's teaser: linked headline, date, a summary of several
 * sentences and a captioned picture, longer than a shop's tile. */
#define LONG_TEASER(n, date)                                                            \
    "<article class=\"item\"><h2><a href=\"/story/" #n "\">Story number " #n " of the week</a></h2>" \
    date "<p>Scientists followed a group of teenagers for twenty years and found that "    \
    "sleep got shorter each year, across every group they looked at. The study asked "    \
    "about phones, homework, sport and part-time jobs, and none of them explained the "   \
    "change alone. The authors say schools that start later see the smallest drop, and "  \
    "they want districts to test later starts before drawing firm conclusions. Parents "  \
    "who took part describe mornings that begin in the dark and evenings that never "     \
    "seem to end, and teachers report more pupils nodding off in the first lesson.</p>"  \
    "<figure><img src=\"/i/" #n ".jpg\" alt=\"\"><figcaption>A student asleep over a pile " \
    "of books in a school library, late in the afternoon. Photo: Picture Desk / "         \
    "Archive Images</figcaption></figure></article>"
#define DATED(n) LONG_TEASER(n, "<time datetime=\"2026-03-0" #n "\">March " #n ", 2026</time>")
#define UNDATED(n) LONG_TEASER(n, "")

/* Six or more such teasers make a listing; the same entries with no date
 * of their own are a ranked article's sections. */
START_TEST(long_dated_teasers_make_a_listing)
{
    const char *html =
        "<html><head><title>Science</title></head><body><main><h1>Science</h1><div class=\"river\">"
        DATED(1) DATED(2) DATED(3) DATED(4) DATED(5) DATED(6) DATED(7) "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    ck_assert_msg(has(a, "Story number 1 of") && has(a, "Story number 7 of"), "cards lost:\n%s",
                  a->text);
    rm_article_free(a);
    html = "<html><head><title>Science</title></head><body><main><h1>Science</h1><div class=\"river\">"
           UNDATED(1) UNDATED(2) UNDATED(3) UNDATED(4) UNDATED(5) UNDATED(6) UNDATED(7)
           "</div></main></body></html>";
    a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* A shop's tile whose first line is the maker, the shop itself. */
#define MAKER_TILE(n)                                                                   \
    "<div class=\"tile\"><a href=\"/products/w" #n "\"><img src=\"/i/w" #n ".jpg\" alt=\"\">"   \
    "<div class=\"wrap\"><p>Northfield Wallet</p><p>Colour number " #n "</p>"             \
    "<p>Aluminium | Anodized</p><p>$7" #n "</p></div></a></div>"

/* The metadata names the shop as the page's author; the tiles' line
 * naming it is each item's maker, not a byline to clean away. */
START_TEST(card_line_naming_the_author_stays)
{
    const char *html =
        "<html><head><title>Wallets</title><meta name=\"author\" content=\"Northfield Wallet\">"
        "</head><body><main><h1>Wallets</h1><div class=\"list\">" MAKER_TILE(1) MAKER_TILE(2)
        MAKER_TILE(3) MAKER_TILE(4) MAKER_TILE(5) MAKER_TILE(6) MAKER_TILE(7)
        "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    unsigned makers = 0;
    for (const char *p = a->text; (p = strstr(p, "Northfield Wallet")) != NULL; p++)
        makers++;
    ck_assert_msg(makers == 7 && has(a, "Colour number 7"), "maker lines lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A wrapper named after filtering that holds the results is not the
 * panel; nor is a filter-named block of prose. */
START_TEST(filter_named_results_and_prose_stay)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<div class=\"filters-and-results\"><ul class=\"grid\">" PRODUCTS "</ul></div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_all_cards(a);
    rm_article_free(a);
    html = "<html><head><title>Water filters</title></head><body><article><h1>Water filters</h1>"
           "<div class=\"filter-guide\"><p>Choosing a <a href=\"/f\">filter</a> starts with the "
           "water you have. Hard water wants a softener first, while well water wants a test. "
           "Read the <a href=\"/c\">certificates</a> and the <a href=\"/l\">lab results</a>.</p>"
           "<p>Cartridges last about six months. Change them sooner when the flow slows down, "
           "and never leave a wet cartridge in a warm cupboard.</p></div></article></body></html>";
    a = extract(html);
    ck_assert_msg(has(a, "Hard water wants a softener") && has(a, "Cartridges last"),
                  "prose lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A row of a ranked list: title, author, rating, and a small form to
 * shelve the book. */
#define BOOK(n)                                                                         \
    "<tr><td>" #n "</td><td><a href=\"/b/" #n "\"><img src=\"/c/" #n ".jpg\" alt=\"\"></a></td>" \
    "<td><a class=\"title\" href=\"/b/" #n "\"><span>Book title number " #n \
    "</span></a><br><span>by <a href=\"/a/" #n "\">Author " #n "</a></span><br>"         \
    "<span>4.2 avg rating, 1,204 ratings</span>"                                          \
    "<form action=\"/shelf\"><input type=\"hidden\" name=\"id\" value=\"" #n "\">"        \
    "<button>Want to read</button></form></td></tr>"

START_TEST(form_in_each_card_keeps_the_card)
{
    const char *html =
        "<html><head><title>Best books</title></head><body><h1>Best books</h1>"
        "<p>The best books ever, as voted on by the readers of this site.</p>"
        "<table class=\"list\"><tbody>" BOOK(1) BOOK(2) BOOK(3) BOOK(4) BOOK(5) BOOK(6) BOOK(7)
        "</tbody></table></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "Book title number 1") && has(a, "Book title number 7"),
                  "rows lost:\n%s", a->text);
    ck_assert_msg(has(a, "Author 3"), "row text lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Want to read"), "form kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A sign-up form with its pitch beside an article still goes whole. */
START_TEST(signup_box_outside_cards_goes_whole)
{
    const char *html =
        "<html><head><title>Rain</title></head><body><article><h1>Rain</h1>"
        "<p>The rain came late this year, and the farmers in the valley waited for weeks "
        "before the first storm finally broke over the hills and filled the dry channels.</p>"
        "<p>By the end of the month the reservoirs were half full again, and the water board "
        "lifted the restrictions that had been in place since the spring.</p></article>"
        "<div class=\"box\"><h3>Get the Morning Letter</h3><p>Our best stories, every day.</p>"
        "<form action=\"/s\"><input type=\"email\" name=\"e\"><button>Sign me up</button></form>"
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "reservoirs were half full"), "article lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Morning Letter") && !has(a, "best stories, every day"),
                  "prompt kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A teaser card of a section front: linked headline, one line. */
#define TEASER(n)                                                                       \
    "<div class=\"teaser\"><h3><a href=\"/story/" #n "\">Headline number " #n " about the " \
    "harbour</a></h3><p>A short summary of story number " #n ", in a line or two.</p>"        \
    "<span>By Staff Writer</span></div>"

/* A topic page whose metadata names an author and a date (the newest
 * story's) is still an index when its cards are all there is to read. */
START_TEST(signed_index_of_cards_is_a_listing)
{
    const char *html =
        "<html><head><title>Harbour news</title><meta name=\"author\" content=\"Staff Writer\">"
        "<meta property=\"article:published_time\" content=\"2025-12-01T08:00:00Z\"></head>"
        "<body><h1>Harbour</h1><div class=\"river\">" TEASER(1) TEASER(2) TEASER(3) TEASER(4)
        TEASER(5) TEASER(6) TEASER(7) TEASER(8) "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    ck_assert_msg(has(a, "Headline number 1") && has(a, "Headline number 8"), "cards lost:\n%s",
                  a->text);
    rm_article_free(a);
}
END_TEST

/* A signed story with a grid of teasers under it stays an article. */
START_TEST(signed_story_with_cards_stays_an_article)
{
    const char *html =
        "<html><head><title>Harbour reopens</title><meta name=\"author\" content=\"Ann Lee\">"
        "<meta property=\"article:published_time\" content=\"2025-12-01T08:00:00Z\"></head>"
        "<body><article><h1>Harbour reopens</h1>"
        "<p>The harbour reopened on Monday after three months of repairs to the sea wall, and "
        "the first ferry left on time with a full deck of cars and foot passengers.</p>"
        "<p>The council said the work came in under budget, and that the old crane would stay "
        "as a landmark rather than be scrapped, after a petition signed by two thousand people.</p>"
        "<p>Fishermen, who had moored in the next bay all summer, said they were glad to be back, "
        "though the new berths cost more than the old ones and the ice house is still shut.</p>"
        "<p>The harbour master said that night sailings would resume in the spring, once the new "
        "lights at the pier head have been tested by the coastguard.</p></article>"
        "<div class=\"more\">" TEASER(1) TEASER(2) TEASER(3) TEASER(4) TEASER(5) TEASER(6)
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    ck_assert_msg(has(a, "sea wall"), "story lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A tile of a shop's grid: a linked name and a price, nothing else. */
#define TILE(n)                                                                         \
    "<div class=\"tile\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"     \
    "<a href=\"/p/" #n "\">Seamless training t-shirt " #n "</a><span>$3" #n "</span></div>"

/* A generic name on the box around an index page's grid ("pagination"
 * in a CSS-module class) does not make the grid navigation. */
START_TEST(weakly_named_box_around_index_cards_stays)
{
    const char *html =
        "<html><head><title>T-shirts</title></head><body><main><h1>T-shirts</h1>"
        "<p>Training tops for the gym, cut to move with you and made from fabric that dries "
        "fast.</p><div class=\"filtering-and-pagination_product-column__x1\"><div class=\"grid\">"
        TILE(1) TILE(2) TILE(3) TILE(4) TILE(5) TILE(6) TILE(7) TILE(8)
        "</div></div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_msg(has(a, "Seamless training t-shirt 1") && has(a, "Seamless training t-shirt 8"),
                  "cards lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* The FAQ under a category: each answer is a panel that its question's
 * button opens (aria-expanded, aria-controls), hidden until the click.
 * The answers are the page's text, in every rendering; a box hidden
 * with no control to open it stays hidden. */
#define FAQ(n, q, a)                                                                    \
    "<h3><button aria-expanded=\"false\" aria-controls=\"faq-" #n "\">" q "</button></h3>" \
    "<div id=\"faq-" #n "\" class=\"faq-panel closed\" aria-hidden=\"true\"><p>" a "</p></div>"

START_TEST(disclosed_panels_are_shown)
{
    const char *html =
        "<html><head><title>Sleeping bags</title></head><body><main><h1>Sleeping bags</h1>"
        "<p>Our sleeping bags keep you warm from the summer campsite to the winter summit, and "
        "each one is rated for the coldest night it was built for.</p>"
        "<section class=\"faq\"><h2>Questions</h2>"
        FAQ(1, "What does the temperature rating mean?",
            "The lower limit is the coldest night a sleeper in a warm layer stays comfortable.")
        FAQ(2, "Down or synthetic?",
            "Down packs smaller and weighs less; synthetic fill stays warm when it gets wet.")
        "</section><div class=\"promo\" hidden><p>Members save twenty percent this weekend only.</p></div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "coldest night a sleeper") && has(a, "stays warm when it gets wet"),
                  "answers lost:\n%s", a->text);
    ck_assert_msg(has(a, "What does the temperature rating mean?") && has(a, "Down or synthetic?"),
                  "questions lost:\n%s", a->text);
    ck_assert_msg(a->html && strstr(a->html, "coldest night a sleeper"), "answer not in HTML");
    ck_assert_msg(a->markdown && strstr(a->markdown, "stays warm when it gets wet"),
                  "answer not in Markdown");
    ck_assert_msg(!has(a, "Members save"), "hidden box shown:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A disclosure button outside a heading is a control ("Show filters"),
 * whatever it opens. */
START_TEST(disclosure_button_outside_heading_stays_a_control)
{
    const char *html =
        "<html><head><title>Sleeping bags</title></head><body><main><h1>Sleeping bags</h1>"
        "<p>Our sleeping bags keep you warm from the summer campsite to the winter summit, and "
        "each one is rated for the coldest night it was built for.</p>"
        "<button aria-expanded=\"false\" aria-controls=\"more\">Show the full story</button>"
        "<div id=\"more\" hidden><p>We started sewing quilts in a garage in 1978, and the first "
        "bag we sold is still in use on the same mountain where it was tested.</p></div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "sewing quilts in a garage"), "panel lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Show the full story"), "control kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A carousel beside an index page's grid (promotions, "Shop by
 * category") is the shop's furniture; on an article a carousel stays. */
START_TEST(carousel_beside_index_grid_goes)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<div class=\"promo-carousel\"><div class=\"slide\"><h3>Winter sale</h3><p>Up to half off "
        "jackets and boots this week only, in every one of our stores.</p></div>"
        "<div class=\"slide\"><h3>Members club</h3><p>Join the club for free returns on every "
        "order and early access to new colours.</p></div></div>"
        "<ul class=\"product-grid\">" PRODUCTS "</ul></main></body></html>";
    rm_article *a = extract(html);
    assert_all_cards(a);
    ck_assert_msg(!has(a, "Winter sale") && !has(a, "free returns"), "carousel kept:\n%s", a->text);
    rm_article_free(a);
    html = "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
           "<p>The harbour reopened on Monday after three months of repairs to the sea wall, and "
           "the first ferry left on time with a full deck of cars and foot passengers.</p>"
           "<div class=\"carousel\"><figure><img src=\"/a.jpg\" alt=\"\"><figcaption>The new "
           "pier head at dawn.</figcaption></figure><p>Fishermen say the new berths are deeper, "
           "so boats can come in at low tide for the first time in years.</p></div>"
           "<p>The council said the work came in under budget, and that the old crane would stay "
           "as a landmark rather than be scrapped, after a petition signed by many people.</p>"
           "</article></body></html>";
    a = extract(html);
    ck_assert_msg(has(a, "come in at low tide"), "article carousel lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A filter panel named so whose options are check boxes with their labels
 * in plain boxes (no list items, no links), each label a long name: its
 * ticked choices are its options. */
#define TICK(name)                                                                      \
    "<div class=\"check\"><input type=\"checkbox\" id=\"" name "\"><label for=\"" name "\">" \
    name " and everything for it (4)</label></div>"

START_TEST(ticked_facet_panel_is_navigation)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<div class=\"row\"><div id=\"facets\"><form><button type=\"button\">Best used for</button>"
        TICK("Rocky mountain trails") TICK("Muddy forest tracks") TICK("Snowy winter paths")
        "<button type=\"button\">Terrain</button>" TICK("Sandy desert routes")
        TICK("Wet coastal paths") TICK("Gravel country roads") "</form></div>"
        "<ul class=\"product-grid\">" PRODUCTS "</ul></div></main></body></html>";
    rm_article *a = extract(html);
    assert_all_cards(a);
    ck_assert_msg(!has(a, "Muddy forest") && !has(a, "Terrain"), "filters kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A sidebar beside an index page's grid (a theme's widgets: categories,
 * "Log in", "Register") is furniture, named so or an <aside>. */
#define WIDGETS                                                                         \
    "<h4>Log in</h4><p><a href=\"/login\">Click here to log in to your account</a></p>"      \
    "<h4>Register</h4><p><a href=\"/join\">Click here to register as a new customer</a></p>"

START_TEST(sidebar_beside_index_grid_goes)
{
    const char *html =
        "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
        "<ul class=\"product-grid\">" PRODUCTS "</ul><aside>" WIDGETS "</aside></main></body></html>";
    rm_article *a = extract(html);
    assert_all_cards(a);
    ck_assert_msg(!has(a, "Click here to log in") && !has(a, "Register"), "aside kept:\n%s", a->text);
    rm_article_free(a);
    html = "<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>"
           "<ul class=\"product-grid\">" PRODUCTS "</ul><div class=\"shop-sidebar\">" WIDGETS
           "</div></main></body></html>";
    a = extract(html);
    ck_assert_msg(has(a, "Trail shoe model 7"), "cards lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Click here to log in"), "sidebar kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A shop's tile as many platforms draw it: one link around the whole tile,
 * the name in a plain div, the picture a placeholder hidden from the
 * screen until a script fills it, and the price. */
#define PLAIN_TILE(n)                                                                   \
    "<div class=\"product-tile\"><a href=\"/p/" #n "\"><div class=\"image\">"             \
    "<img src=\"data:image/gif;base64,R0lGOD\" aria-hidden=\"true\" alt=\"\"></div>"         \
    "<div class=\"product-name\">Sterling silver ear stud " #n "</div>"                    \
    "<div class=\"material\">Sterling silver</div><span class=\"price\">$" #n "90.00</span>"  \
    "</a></div>"

/* A price shown as a tag of its own makes a linked tile a card; a price in
 * a sentence (a promotion bar's slides) does not. */
START_TEST(priced_tiles_without_headings_are_cards)
{
    const char *html =
        "<html><head><title>Ear studs</title></head><body><main><h1>Ear studs</h1>"
        "<p>Small, light and made to be worn every day, in silver and in gold.</p>"
        "<div class=\"grid\">" PLAIN_TILE(1) PLAIN_TILE(2) PLAIN_TILE(3) PLAIN_TILE(4)
        PLAIN_TILE(5) PLAIN_TILE(6) PLAIN_TILE(7) PLAIN_TILE(8) "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_uint_eq(a->page_items, 8);
    ck_assert_msg(has(a, "ear stud 1") && has(a, "ear stud 8"), "cards lost:\n%s", a->text);
    rm_article_free(a);
    html = "<html><head><title>Terms</title></head><body><div class=\"promo\">"
           "<a href=\"/s\">Free shipping on orders $40 or more, see our shipping page</a>"
           "<a href=\"/s\">Free shipping on orders $60 CAD or more, see our shipping page</a>"
           "<a href=\"/s\">Free shipping on orders $80 AUD or more, see our shipping page</a>"
           "<a href=\"/s\">Free shipping on orders $90 NZD or more, see our shipping page</a>"
           "<a href=\"/s\">Free shipping on orders $70 SGD or more, see our shipping page</a>"
           "<a href=\"/s\">Free shipping on orders $50 HKD or more, see our shipping page</a>"
           "</div><h1>Promotion terms</h1><p>The discount applies to three to five items bought "
           "together, excluding taxes and delivery, and cannot be combined with other offers.</p>"
           "</body></html>";
    a = extract(html);
    ck_assert_uint_eq(a->page_items, 0);
    ck_assert_msg(has(a, "cannot be combined"), "terms lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* The same tiles with the price in two text runs, the currency sign and
 * the number ("$<!-- -->190.00", as React writes an expression beside a
 * literal): still a price tag, so still cards. */
#define SPLIT_PRICE_TILE(n)                                                             \
    "<div class=\"product-tile\"><a href=\"/p/" #n "\"><div class=\"image\">"             \
    "<img src=\"data:image/gif;base64,R0lGOD\" aria-hidden=\"true\" alt=\"\"></div>"         \
    "<div class=\"product-name\">Sterling silver ear stud " #n "</div>"                    \
    "<div class=\"material\">Sterling silver</div><span class=\"price\">$<!-- -->" #n     \
    "90.00</span></a></div>"

START_TEST(split_priced_tiles_are_cards)
{
    const char *html =
        "<html><head><title>Ear studs</title></head><body><main><h1>Ear studs</h1>"
        "<p>Small, light and made to be worn every day, in silver and in gold.</p>"
        "<div class=\"grid\">" SPLIT_PRICE_TILE(1) SPLIT_PRICE_TILE(2) SPLIT_PRICE_TILE(3)
        SPLIT_PRICE_TILE(4) SPLIT_PRICE_TILE(5) SPLIT_PRICE_TILE(6) SPLIT_PRICE_TILE(7)
        SPLIT_PRICE_TILE(8) "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_uint_eq(a->page_items, 8);
    ck_assert_msg(has(a, "ear stud 1") && has(a, "ear stud 8"), "cards lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A front page: sections of a few teasers each, none holding half the
 * page's text, beside a menu that no <nav> marks. */
#define SECTION(name, a, b, c, d)                                                       \
    "<section><h2>" name "</h2><div class=\"row\">" TEASER(a) TEASER(b) TEASER(c) TEASER(d) \
    "</div><a href=\"/more\">More " name "</a></section>"
#define MENU_ITEM(x) "<li><a href=\"/" x "\">" x " and everything about " x "</a></li>"
#define MENU                                                                            \
    "<div class=\"menu\"><ul>" MENU_ITEM("World") MENU_ITEM("Business") MENU_ITEM("Science")  \
    MENU_ITEM("Culture") MENU_ITEM("Sport") MENU_ITEM("Travel") MENU_ITEM("Food")            \
    MENU_ITEM("Weather") MENU_ITEM("Opinion") MENU_ITEM("Podcasts") "</ul></div>"

/* Cards spread over several grids are an index together, signed or not;
 * the same grids under a story's paragraphs stay its related links. */
START_TEST(cards_spread_over_sections_are_an_index)
{
    const char *html =
        "<html><head><title>The Harbour Times</title><meta name=\"author\" content=\"Staff\">"
        "<meta property=\"article:published_time\" content=\"2025-12-01T08:00:00Z\"></head>"
        "<body>" MENU "<main>" SECTION("Harbour", 1, 2, 3, 4) SECTION("Latest", 5, 6, 7, 8)
        SECTION("Opinion", 9, 10, 11, 12) "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    ck_assert_uint_eq(a->page_items, 12);
    ck_assert_msg(has(a, "Headline number 1 ") && has(a, "Headline number 7 ") &&
                  has(a, "Headline number 12 "), "cards lost:\n%s", a->text);
    rm_article_free(a);
    /* A lead story's paragraphs on top, which the cards outweigh. */
    html = "<html><head><title>The Harbour Times</title><meta name=\"author\" content=\"Ann Lee\">"
           "</head><body>" MENU "<main>"
           "<div class=\"lead\"><h2><a href=\"/lead\">Storm closes the harbour</a></h2>"
           "<p>The harbour closed on Sunday night as the storm brought waves over the sea wall "
           "for the first time in a decade, and the ferries stayed in port until the morning.</p>"
           "<p>The council opened the school hall for the families of the lower town, and the "
           "coastguard asked people to keep away from the front until the wind drops.</p>"
           "<p>Engineers will inspect the new crane and the pier head on Tuesday, before the "
           "port reopens to fishing boats and the first freight of the week.</p>"
           "<p>Insurers said claims from the lower town would be handled first, and the bakery "
           "on the quay, flooded to the counter, hopes to open again by the weekend.</p></div>"
           SECTION("Harbour", 1, 2, 3, 4) SECTION("Latest", 5, 6, 7, 8)
           SECTION("Opinion", 9, 10, 11, 12) SECTION("Sport", 13, 14, 15, 16)
           SECTION("Culture", 17, 18, 19, 20) "</main></body></html>";
    a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    ck_assert_msg(has(a, "Headline number 2 ") && has(a, "Headline number 19 "),
                  "cards lost:\n%s", a->text);
    rm_article_free(a);
    html = "<html><head><title>Harbour reopens</title><meta name=\"author\" content=\"Ann Lee\">"
           "<meta property=\"article:published_time\" content=\"2025-12-01T08:00:00Z\"></head>"
           "<body>" MENU "<main><article><h1>Harbour reopens</h1>"
           "<p>The harbour reopened on Monday after three months of repairs to the sea wall, and "
           "the first ferry left on time with a full deck of cars and foot passengers.</p>"
           "<p>The council said the work came in under budget, and that the old crane would stay "
           "as a landmark rather than be scrapped, after a petition signed by many people.</p>"
           "<p>Fishermen, who had moored in the next bay all summer, said they were glad to be "
           "back, though the new berths cost more and the ice house is still shut.</p>"
           "<p>The harbour master said that night sailings would resume in the spring, once the "
           "new lights at the pier head have been tested by the coastguard.</p></article>"
           SECTION("Harbour", 1, 2, 3, 4) SECTION("Latest", 5, 6, 7, 8)
           SECTION("Opinion", 9, 10, 11, 12) "</main></body></html>";
    a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    ck_assert_msg(has(a, "sea wall") && !has(a, "Headline number 7 "), "story or links:\n%s",
                  a->text);
    rm_article_free(a);
}
END_TEST

/* An event card laid out twice, for wide screens and for phones. */
#define EVENT(n)                                                                        \
    "<li class=\"event\"><div class=\"wide\"><h3><a href=\"/e/" #n "\">Meetup on compilers "   \
    #n "</a></h3><p>Wed, Mar " #n ", 6:00 PM</p><p>Free</p><p>Lakeside, Chicago, Illinois</p>" \
    "</div><div class=\"narrow\"><a href=\"/e/" #n "\">Meetup on compilers " #n "</a>"        \
    "<p>Free</p></div></li>"

/* Inside one card of an index, a line said twice is said once; across
 * cards each keeps its own, and the separators between a line's parts
 * stay. */
START_TEST(card_says_each_line_once)
{
    const char *html =
        "<html><head><title>Events</title></head><body><main><h1>Events online</h1>"
        "<ul class=\"events\">" EVENT(1) EVENT(2) EVENT(3) EVENT(4) EVENT(5) EVENT(6) EVENT(7)
        "</ul></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    const char *first = strstr(a->text, "Meetup on compilers 3");
    ck_assert_msg(first && !strstr(first + 1, "Meetup on compilers 3"), "title twice:\n%s",
                  a->text);
    const char *free_line = strstr(a->text, "Free");
    ck_assert_msg(free_line && strstr(free_line + 1, "Free"), "a card lost its own line:\n%s",
                  a->text);
    const char *card7 = strstr(a->text, "Meetup on compilers 7");
    ck_assert_msg(card7 && strstr(card7, "Free") && !strstr(strstr(card7, "Free") + 1, "Free"),
                  "last card:\n%s", a->text);
    assert_has(a, "Lakeside, Chicago, Illinois");
    rm_article_free(a);
}
END_TEST

/* A story card with its controls: a second link to the story, a button. */
#define STORY(n)                                                                        \
    "<article class=\"card\"><h3><a href=\"/s/" #n "\">Ferry timetable change number " #n     \
    "</a></h3><p>What changes on the crossing this winter, route by route.</p>"             \
    "<a href=\"/region/north\">North Coast</a> <a href=\"/s/" #n "\">Read the story</a>"      \
    "<button>Save for later</button><label><input type=\"checkbox\">Add to compare</label>"  \
    "<a href=\"/s/" #n "#comments\">Comments</a></article>"

/* What most cards say alike on a button or on a second link to their own
 * item is their control; a link elsewhere, alike in every card, stays. */
START_TEST(controls_alike_in_every_card_go)
{
    const char *html =
        "<html><head><title>Ferries</title></head><body><main><h1>Ferry news</h1>"
        "<div class=\"cards\">" STORY(1) STORY(2) STORY(3) STORY(4) STORY(5) STORY(6) STORY(7)
        "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    assert_has(a, "Ferry timetable change number 7");
    assert_has(a, "North Coast");
    assert_lacks(a, "Read the story");
    assert_lacks(a, "Save for later");
    assert_lacks(a, "Add to compare");
    assert_lacks(a, "Comments");
    rm_article_free(a);
}
END_TEST

/* A story card, and `extra` after its summary. */
#define PLAIN_STORY(n, extra)                                                           \
    "<article class=\"card\"><h3><a href=\"/s/" #n "\">Ferry timetable change number " #n     \
    "</a></h3><p>What changes on the crossing this winter, route by route.</p>" extra       \
    "</article>"
#define FIRST_COMMENT(n) "<a href=\"/s/" #n "#comments\">Be the first to comment</a>"

/* A control that only some of the cards show (those no one has commented
 * on yet) is the cards' control all the same, once four cards and two in
 * five show it. */
START_TEST(control_on_some_cards_goes)
{
    const char *html =
        "<html><head><title>Ferries</title></head><body><main><h1>Ferry news</h1><div class=\"cards\">"
        PLAIN_STORY(1, FIRST_COMMENT(1)) PLAIN_STORY(2, "") PLAIN_STORY(3, FIRST_COMMENT(3))
        PLAIN_STORY(4, "") PLAIN_STORY(5, FIRST_COMMENT(5)) PLAIN_STORY(6, "")
        PLAIN_STORY(7, FIRST_COMMENT(7)) PLAIN_STORY(8, "") PLAIN_STORY(9, "") PLAIN_STORY(10, "")
        "</div></main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Ferry timetable change number 10");
    assert_lacks(a, "Be the first to comment");
    rm_article_free(a);
}
END_TEST

/* A category page with a buying guide beside its grid: the guide's text
 * outweighs the cards, and the cards are the page's content all the
 * same. */
START_TEST(grid_kept_beside_a_longer_guide)
{
    const char *html =
        "<html><head><title>Ear studs</title><meta property=\"og:type\" content=\"product.group\">"
        "</head><body><main><h1>Ear studs</h1><div class=\"guide\"><h2>How to choose</h2>"
        "<p>Studs sit close to the lobe and suit every day: a plain ball or a small stone for "
        "the office, something larger and sculpted for an evening out, always in a metal that "
        "your skin does not mind wearing from morning to night.</p>"
        "<p>Silver darkens in the air and comes back with a soft cloth; gold keeps its colour "
        "but costs more, and plated pieces wear through in time where the posts rub.</p>"
        "<p>Butterfly backs are the easiest to put on; screw backs stay put for sleeping and "
        "sport, and are the safer choice for children and for stones of any value.</p></div>"
        "<div class=\"grid\">" PLAIN_TILE(1) PLAIN_TILE(2) PLAIN_TILE(3) PLAIN_TILE(4)
        PLAIN_TILE(5) PLAIN_TILE(6) PLAIN_TILE(7) PLAIN_TILE(8) "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    assert_has(a, "screw backs");
    ck_assert_msg(has(a, "ear stud 1") && has(a, "ear stud 8"), "cards lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A topic page's teaser links its picture and its summary again for the
 * eye, out of the tab order and hidden from screen readers, leaving the
 * headline the one link announced: the summary is shown, so it is the
 * card's text; an aria-hidden icon or label that is no such link stays
 * hidden. */
#define RIVER_TEASER(n)                                                                 \
    "<article class=\"river\"><a href=\"/story/" #n "\" aria-hidden=\"true\" tabindex=\"-1\">"  \
    "<img src=\"/i/" #n ".jpg\" alt=\"\"></a><h2><a href=\"/story/" #n "\">Headphones story " #n  \
    " of the week</a></h2><p><a href=\"/story/" #n "\" aria-hidden=\"true\" tabindex=\"-1\">"      \
    "Summary " #n ": the new pair folds flat and lasts two days on a charge.</a></p>"      \
    "<span aria-hidden=\"true\">Icon label " #n "</span></article>"

START_TEST(redundant_summary_links_are_shown)
{
    const char *html =
        "<html><head><title>Headphones</title></head><body><main><h1>Headphones</h1>"
        "<section>" RIVER_TEASER(1) RIVER_TEASER(2) RIVER_TEASER(3) RIVER_TEASER(4)
        RIVER_TEASER(5) RIVER_TEASER(6) RIVER_TEASER(7) "</section></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "Headphones story 1") && has(a, "Headphones story 7"), "cards lost:\n%s",
                  a->text);
    assert_has(a, "Summary 1: the new pair folds flat");
    assert_has(a, "Summary 7: the new pair folds flat");
    assert_lacks(a, "Icon label");
    rm_article_free(a);
}
END_TEST

/* A link stretched over a section's heading as an overlay repeats the
 * heading's own words for the eye: the heading says them once. */
START_TEST(overlay_link_repeating_its_heading_stays_hidden)
{
    const char *html =
        "<html><head><title>Cookers</title></head><body><main><h1>Cookers</h1>"
        "<section><h2><a href=\"/air\" aria-hidden=\"true\" tabindex=\"-1\"><span>Quiet air "
        "purifiers</span></a>Quiet air purifiers</h2><p>Helps remove dust, smoke and pollen from "
        "a room of any size, quietly enough to leave running through the night.</p></section>"
        "<section><h2>Pressure cookers</h2><p>Dinner in a third of the time, with a lid that "
        "locks until the pressure is down and a pot that goes in the dishwasher.</p></section>"
        "</main></body></html>";
    rm_article *a = extract(html);
    const char *first = strstr(a->text, "Quiet air purifiers");
    ck_assert_msg(first && !strstr(first + 1, "Quiet air purifiers"), "heading not said once:\n%s",
                  a->text);
    rm_article_free(a);
}
END_TEST

/* A shop may draw each card as a <figure> around its linked picture, its
 * name, its kind and its price: in the grid of an index page the figure is
 * the card, and its lines are the item's, not a picture's credits. */
#define FIGURE_CARD(n)                                                                  \
    "<div class=\"product-card\"><figure><a href=\"/t/shoe-" #n "\"><img src=\"/i/" #n ".png\" " \
    "alt=\"\"></a><div class=\"info\"><a href=\"/t/shoe-" #n "\">Road shoe model " #n "</a>"      \
    "<div class=\"subtitle\">Cushioned road running shoe " #n "</div><div class=\"price\">$1" #n \
    "0</div></div></figure></div>"

START_TEST(figure_cards_keep_their_lines)
{
    const char *html =
        "<html><head><title>Running shoes</title></head><body><main><h1>Running shoes</h1>"
        "<div class=\"grid\">" FIGURE_CARD(1) FIGURE_CARD(2) FIGURE_CARD(3) FIGURE_CARD(4)
        FIGURE_CARD(5) FIGURE_CARD(6) FIGURE_CARD(7) "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    assert_has(a, "Cushioned road running shoe 1");
    assert_has(a, "Cushioned road running shoe 7");
    assert_has(a, "$170");
    rm_article_free(a);
}
END_TEST

/* A category page opens with a hero box: a picture, the heading and a
 * line about what the category holds, apart from the grid that is chosen.
 * The introduction is the page's own prose and goes in front of the
 * cards; a cookie dialog's heading and text before it, and a promotion
 * under the next heading, are no introduction. */
START_TEST(category_intro_above_grid_stays)
{
    const char *html =
        "<html><head><title>Ear studs</title><meta property=\"og:type\" content=\"product.group\">"
        "</head><body><div role=\"dialog\" class=\"notice\"><h1>About this site</h1><p>We keep "
        "a note of what you looked at so that the shop can show you more of it later.</p></div>"
        "<div class=\"hero\"><img src=\"/i/hero.jpg\" alt=\"\"><h1>Ear studs</h1>"
        "<div class=\"description\"><p>Small, light and made to be worn every day: studs in "
        "silver and gold, plain or set with a stone.</p></div></div>"
        "<div class=\"band\"><h2>Engraving</h2><p>Every order this month is engraved for free "
        "with up to twelve letters of your choosing.</p></div><main><div class=\"grid\">" PLAIN_TILE(1) PLAIN_TILE(2) PLAIN_TILE(3) PLAIN_TILE(4)
        PLAIN_TILE(5) PLAIN_TILE(6) PLAIN_TILE(7) PLAIN_TILE(8) "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_msg(has(a, "ear stud 1") && has(a, "ear stud 8"), "cards lost:\n%s", a->text);
    assert_has(a, "Small, light and made to be worn every day");
    const char *intro = strstr(a->text, "Small, light"), *card = strstr(a->text, "ear stud 1");
    ck_assert_msg(intro && card && intro < card, "intro not before the cards:\n%s", a->text);
    assert_lacks(a, "We keep a note");
    assert_lacks(a, "engraved for free");
    rm_article_free(a);
}
END_TEST

static Suite *index_suite(void)
{
    Suite *s = suite_create("index");
    TCase *tc = tcase_create("index");
    tcase_add_test(tc, facet_panel_is_navigation);
    tcase_add_test(tc, camel_case_facet_panel_is_navigation);
    tcase_add_test(tc, unnamed_choice_panel_beside_cards_is_navigation);
    tcase_add_test(tc, long_dated_teasers_make_a_listing);
    tcase_add_test(tc, card_line_naming_the_author_stays);
    tcase_add_test(tc, filter_named_results_and_prose_stay);
    tcase_add_test(tc, form_in_each_card_keeps_the_card);
    tcase_add_test(tc, signup_box_outside_cards_goes_whole);
    tcase_add_test(tc, signed_index_of_cards_is_a_listing);
    tcase_add_test(tc, signed_story_with_cards_stays_an_article);
    tcase_add_test(tc, weakly_named_box_around_index_cards_stays);
    tcase_add_test(tc, carousel_beside_index_grid_goes);
    tcase_add_test(tc, priced_tiles_without_headings_are_cards);
    tcase_add_test(tc, cards_spread_over_sections_are_an_index);
    tcase_add_test(tc, card_says_each_line_once);
    tcase_add_test(tc, controls_alike_in_every_card_go);
    tcase_add_test(tc, control_on_some_cards_goes);
    tcase_add_test(tc, grid_kept_beside_a_longer_guide);
    tcase_add_test(tc, disclosed_panels_are_shown);
    tcase_add_test(tc, disclosure_button_outside_heading_stays_a_control);
    tcase_add_test(tc, redundant_summary_links_are_shown);
    tcase_add_test(tc, overlay_link_repeating_its_heading_stays_hidden);
    tcase_add_test(tc, figure_cards_keep_their_lines);
    tcase_add_test(tc, split_priced_tiles_are_cards);
    tcase_add_test(tc, category_intro_above_grid_stays);
    tcase_add_test(tc, ticked_facet_panel_is_navigation);
    tcase_add_test(tc, sidebar_beside_index_grid_goes);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(index_suite)
