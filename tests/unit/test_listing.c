/*
 * test_listing.c — listings told from articles, on small hand-written
 * pages: a page of link lists (an encyclopedia's "List of ..." page, one
 * list per letter) is a listing even when signed, and keeps its lists
 * though they are all links; an article with a list of related links
 * under its prose stays an article and loses that list.
 */
#include "page_checks.h"

#define NAME_ITEM(slug, name) "<li><a href=\"/wiki/" slug "\">" name " River</a></li>"
#define RIVER(name)                                                                     \
    "<li><a href=\"/wiki/" name "\">" name " River, which rises in the northern hills and " \
    "flows to the sea</a></li>"

#define LETTER(h, a, b, c, d, e, f)                                                     \
    "<h2 id=\"" h "\">" h "</h2><div class=\"div-col\">\n<ul>" RIVER(a) RIVER(b) RIVER(c)   \
    RIVER(d) RIVER(e) RIVER(f) "</ul>\n</div>"

/* Signed (an author and a generic schema.org Article), as wikis and CMSs
 * sign every page; its introduction alone is long enough to stand as an
 * article once link-density cleaning has taken the lists. */
#define INTRO                                                                            \
    "<p>This is an index of notable rivers of the world, ordered by their names. Rivers " \
    "that are only seasonal streams, canals and other artificial waterways are not "     \
    "included here, and neither are the tributaries that have no article of their own. " \
    "Lakes are listed elsewhere.</p>"
static const char name_lists_page[] =
    "<html><head><title>List of rivers</title>"
    "<meta name=\"author\" content=\"Wiki contributors\">"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
    "\"@type\":\"Article\",\"name\":\"List of rivers\"}</script></head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/random\">Random</a></li></ul></nav>"
    "<main><h1>List of rivers</h1>" INTRO INTRO
    LETTER("A", "Amazon", "Amur", "Arkansas", "Athabasca", "Avon", "Aare")
    LETTER("B", "Brahmaputra", "Bug", "Barwon", "Bann", "Blackwater", "Boyne")
    LETTER("C", "Congo", "Colorado", "Columbia", "Clyde", "Chao Phraya", "Churchill")
    LETTER("D", "Danube", "Dnieper", "Don", "Drava", "Douro", "Dee")
    LETTER("E", "Ebro", "Elbe", "Ems", "Eden", "Esk", "Euphrates")
    LETTER("G", "Ganges", "Garonne", "Gambia", "Glomma", "Gota", "Guadiana")
    LETTER("I", "Indus", "Inn", "Irrawaddy", "Isar", "Ishim", "Iguazu")
    LETTER("L", "Lena", "Loire", "Lech", "Limpopo", "Liffey", "Lune")
    LETTER("M", "Mekong", "Meuse", "Moselle", "Murray", "Mersey", "Main")
    LETTER("N", "Nile", "Niger", "Neva", "Narva", "Neckar", "Nene")
    LETTER("O", "Ob", "Oder", "Ohio", "Orange", "Orinoco", "Ouse")
    LETTER("R", "Rhine", "Rhone", "Rio Grande", "Ruhr", "Rufiji", "Ribble")
    LETTER("T", "Tagus", "Tay", "Tees", "Thames", "Tigris", "Tyne")
    LETTER("V", "Vistula", "Volga", "Vaal", "Var", "Vah", "Vardar")
    "</main><footer>Text is available under a licence.</footer></body></html>";

START_TEST(page_of_link_lists_is_a_listing)
{
    rm_article *a = extract(name_lists_page);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    rm_article_free(a);
}
END_TEST

START_TEST(link_lists_of_a_listing_are_kept)
{
    rm_article *a = extract(name_lists_page);
    assert_has(a, "Amazon");
    assert_has(a, "Athabasca");
    assert_has(a, "Chao Phraya");
    assert_has(a, "Douro");
    rm_article_free(a);
}
END_TEST

#define PROSE                                                                            \
    "<p>The committee met again on Thursday to review the proposal, and after a long "   \
    "discussion the members agreed that the plan needed more work before a vote.</p>"

START_TEST(article_with_related_links_stays_an_article)
{
    const char *html =
        "<html><head><title>Council delays vote</title></head><body><main><article>"
        "<h1>Council delays vote</h1>" PROSE PROSE PROSE PROSE PROSE PROSE
        "<div class=\"more-links\"><ul>" NAME_ITEM("a", "Budget talks resume")
        NAME_ITEM("b", "Mayor answers critics") NAME_ITEM("c", "New bridge opens")
        NAME_ITEM("d", "Parking fees rise") NAME_ITEM("e", "Library hours extended")
        NAME_ITEM("f", "School board elects chair") "</ul></div>"
        "</article></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_ARTICLE, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "members agreed");
    assert_lacks(a, "Parking fees rise");
    rm_article_free(a);
}
END_TEST

#define ENTRY(id, title)                                                                \
    "<article class=\"post-" id " post type-post entry\"><a href=\"/" id "/\">"           \
    "<img src=\"/i/" id ".jpg\" alt=\"\"></a><h2 class=\"entry-title\"><a href=\"/" id "/\">" \
    title "</a></h2></article>"

START_TEST(entries_numbered_by_id_make_a_listing)
{
    const char *html =
        "<html><head><title>Soup recipes</title></head><body>"
        "<div class=\"archive-description\"><h1>Soup recipes</h1>"
        "<p>Warm, simple soups for every season, from quick weeknight bowls to slow "
        "Sunday pots.</p><p>Most of them freeze well, so make a double batch and keep "
        "some for a busy week.</p></div><main class=\"content\">"
        ENTRY("30149", "Roasted tomato soup") ENTRY("30119", "Green lentil soup")
        ENTRY("30087", "Chicken noodle soup") ENTRY("29950", "Spiced carrot soup")
        ENTRY("29871", "Leek and potato soup") ENTRY("29802", "Black bean soup")
        ENTRY("29744", "Miso mushroom soup") "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "Roasted tomato soup");
    assert_has(a, "Miso mushroom soup");
    rm_article_free(a);
}
END_TEST

#define TEASER(n, title)                                                                \
    "<article class=\"crayons-story\"><h2><a href=\"/posts/" #n "\">" title "</a></h2>"    \
    "<time datetime=\"2026-03-0" #n "\">Mar " #n "</time><p>A short look at " title         \
    ", what we tried first, what broke along the way and what we would do "             \
    "differently next time, with the numbers we measured.</p></article>"

START_TEST(dated_feed_outweighing_its_welcome_text_is_a_listing)
{
    const char *html =
        "<html><head><title>Team blog</title><meta name=\"author\" content=\"The Team\">"
        "</head><body><main><h1>Team blog</h1>"
        "<p>Welcome to our blog, where the people who build the product write about how "
        "they work: the tools we use every day, the mistakes we made and fixed, the talks "
        "we gave and the things we learned from our users. New posts appear every week, "
        "written by engineers, designers and the support team, and every post is open "
        "for comments. If you would like to write a guest post, tell us what it is about "
        "and we will get back to you within a few days with our thoughts. Thank you for "
        "reading, and see you next week.</p>"
        "<div class=\"feed\">" TEASER(1, "Caching at the edge") TEASER(2, "Our on-call rota")
        TEASER(3, "Moving to a monorepo") TEASER(4, "Faster test runs")
        TEASER(5, "Designing empty states") TEASER(6, "A year of support tickets")
        TEASER(7, "Accessible colour themes") TEASER(8, "Retiring an old API")
        TEASER(9, "Hiring our first designer") TEASER(10, "Postmortem of an outage")
        "</div></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "Caching at the edge");
    assert_has(a, "Postmortem of an outage");
    rm_article_free(a);
}
END_TEST

#define PAPER(n, title, a1, a2)                                                         \
    "<dt><a name=\"item" #n "\">[" #n "]</a> <a href=\"/abs/2603.0" #n "\">arXiv:2603.0" #n  \
    "</a> [<a href=\"/pdf/2603.0" #n "\">pdf</a>, <a href=\"/format/2603.0" #n "\">other</a>]</dt>" \
    "<dd><div class=\"details\"><div class=\"list-title\">Title: " title "</div>"         \
    "<div class=\"list-authors\"><a href=\"/a/" a1 "\">" a1 "</a>, <a href=\"/a/" a2 "\">" \
    a2 "</a></div><div class=\"list-subjects\">Subjects: Artificial Intelligence "       \
    "(cs.AI)</div></div></dd>"

START_TEST(description_list_of_entries_is_a_listing_with_its_authors)
{
    const char *html =
        "<html><head><title>Artificial Intelligence recent submissions</title>"
        "<meta property=\"article:published_time\" content=\"2026-03-06\"></head><body>"
        "<div class=\"flex-wrap-footer\"><header><a href=\"/\">Preprints</a></header><main>"
        "<h1>Artificial Intelligence</h1><h2>Authors and titles for recent submissions</h2><dl>"
        PAPER(1, "Sparse attention sinks", "Ana Silva", "Bo Chen")
        PAPER(2, "Unbiased judges for language models", "Carl Berg", "Dana Ito")
        PAPER(3, "Common ground under asymmetry", "Eli Novak", "Fay Osei")
        PAPER(4, "Direct access in introspection", "Gus Lind", "Hana Sato")
        PAPER(5, "Stress testing judges", "Ivan Petrov", "Jane Moss")
        PAPER(6, "Legal interpretation and argument", "Kofi Mensah", "Lena Vogt")
        PAPER(7, "Planning with partial maps", "Mia Rossi", "Omar Haddad")
        PAPER(8, "Reward models that forget", "Pia Lund", "Quinn Hale")
        PAPER(9, "Agents that ask for help", "Rosa Diaz", "Sam Okoro")
        PAPER(10, "Proofs checked by machines", "Tara Singh", "Uma Rao")
        PAPER(11, "Tool use without tools", "Vera Kim", "Will Ode")
        PAPER(12, "Graphs of thought revisited", "Xia Wen", "Yara Nunes")
        PAPER(13, "Small models as teachers", "Zoe Hart", "Adam Roth")
        PAPER(14, "Benchmarks that leak", "Beth Lowe", "Cory Fenn")
        PAPER(15, "Calibrated refusals", "Dev Patel", "Nils Berg")
        "</dl></main><footer>About - Help - Contact</footer></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "Sparse attention sinks");
    assert_has(a, "Ana Silva");
    assert_has(a, "Nils Berg");
    rm_article_free(a);
}
END_TEST

/* A link aggregator's front page: a table whose rows are the entries
 * (rank, linked title, site), each followed by a row of metadata and an
 * empty spacer row; signed with a date as such pages are. */
#define SUBMISSION(n, title, site, user)                                                 \
    "<tr class=\"athing\"><td class=\"title\"><span class=\"rank\">" #n ".</span></td>"  \
    "<td class=\"title\"><a href=\"https://" site "/story\">" title "</a> (<a href=\"/from?site=" \
    site "\">" site "</a>)</td></tr><tr><td></td><td class=\"subtext\">3 points by "     \
    "<a href=\"/user?id=" user "\">" user "</a> <a href=\"/item?id=" #n "\">1 hour ago</a> | " \
    "<a href=\"/item?id=" #n "\">2 comments</a></td></tr><tr class=\"spacer\"></tr>"

START_TEST(table_of_linked_rows_is_a_listing_with_its_rows)
{
    const char *html =
        "<html><head><title>New links</title>"
        "<meta property=\"article:published_time\" content=\"2026-03-08\"></head><body>"
        "<center><table><tr><td><a href=\"/\">News</a> | <a href=\"/newest\">new</a></td></tr>"
        "<tr><td><table>"
        SUBMISSION(1, "What the river engineers learned", "example.com", "ada")
        SUBMISSION(2, "A compiler in a weekend", "blog.example.org", "bob")
        SUBMISSION(3, "Show: a tiny calendar app", "cal.example.net", "cy")
        SUBMISSION(4, "Why the old bridge still stands", "bridges.example", "dee")
        SUBMISSION(5, "Notes on caching at scale", "ops.example.com", "eve")
        SUBMISSION(6, "The history of the semicolon", "words.example", "fay")
        SUBMISSION(7, "Rewriting our build in a week", "build.example", "gus")
        SUBMISSION(8, "Ask: how do you keep notes?", "ask.example", "hal")
        "</table></td></tr><tr><td>Guidelines | FAQ | Contact</td></tr></table></center>"
        "</body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "What the river engineers learned");
    assert_has(a, "Ask: how do you keep notes?");
    rm_article_free(a);
}
END_TEST

/* On such a listing the row of short links under each entry ("3 points by
 * ada 1 hour ago | 2 comments") is the entry's furniture and goes; a table
 * of names, long and short ones mixed with no such pairing, keeps every
 * row. */
START_TEST(entry_metadata_rows_of_a_paired_table_go)
{
    const char *html =
        "<html><head><title>New links</title></head><body><table>"
        SUBMISSION(1, "What the river engineers learned", "example.com", "ada")
        SUBMISSION(2, "A compiler in a weekend, step by step", "blog.example.org", "bob")
        SUBMISSION(3, "Show: a tiny calendar app for teams", "cal.example.net", "cy")
        SUBMISSION(4, "Why the old bridge still stands today", "bridges.example", "dee")
        SUBMISSION(5, "Notes on caching at a very large scale", "ops.example.com", "eve")
        SUBMISSION(6, "The long history of the semicolon", "words.example", "fay")
        SUBMISSION(7, "Rewriting our whole build in a week", "build.example", "gus")
        SUBMISSION(8, "Ask: how do you keep your notes?", "ask.example", "hal")
        "</table></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "What the river engineers learned");
    assert_has(a, "The long history of the semicolon");
    assert_lacks(a, "3 points by");
    assert_lacks(a, "comments");
    rm_article_free(a);
}
END_TEST

#define LAUREATES(year, a, b, c)                                                         \
    "<tr><td>" #year "</td><td><a href=\"/wiki/" a "\">" a "</a></td><td><a href=\"/wiki/" b \
    "\">" b "</a></td><td><a href=\"/wiki/" c "\">" c "</a></td></tr>"

START_TEST(table_of_names_keeps_every_row)
{
    const char *html =
        "<html><head><title>List of laureates</title></head><body><table>"
        LAUREATES(1901, "Wilhelm Conrad Roentgen of Munich", "Jacobus van 't Hoff", "Emil Fischer")
        LAUREATES(1902, "Hendrik Lorentz", "Pieter Zeeman", "Theodor Mommsen")
        LAUREATES(1903, "Antoine Henri Becquerel of Paris", "Pierre Curie", "Marie Curie")
        LAUREATES(1904, "Lord Rayleigh", "William Ramsay", "Ivan Pavlov")
        LAUREATES(1905, "Philipp Lenard of Heidelberg", "Adolf von Baeyer", "Robert Koch")
        LAUREATES(1906, "J. J. Thomson", "Henri Moissan", "Camillo Golgi")
        LAUREATES(1907, "Albert A. Michelson of Chicago", "Eduard Buchner", "Alphonse Laveran")
        LAUREATES(1908, "Gabriel Lippmann", "Ernest Rutherford", "Paul Ehrlich")
        LAUREATES(1909, "Guglielmo Marconi of Bologna", "Wilhelm Ostwald", "Emil Kocher")
        LAUREATES(1910, "Johannes van der Waals", "Otto Wallach", "Albrecht Kossel")
        LAUREATES(1911, "Wilhelm Wien of Wuerzburg", "Marie Curie", "Allvar Gullstrand")
        LAUREATES(1912, "Gustaf Dalen", "Victor Grignard", "Alexis Carrel")
        LAUREATES(1913, "Heike Kamerlingh Onnes of Leiden", "Alfred Werner", "Charles Richet")
        LAUREATES(1914, "Max von Laue", "Theodore William Richards", "Robert Barany")
        LAUREATES(1915, "William Henry Bragg of London", "Richard Willstaetter", "Romain Rolland")
        LAUREATES(1916, "Verner von Heidenstam", "Carl Spitteler", "Henrik Pontoppidan")
        "</table></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->page_type == RM_PAGE_LISTING, "page type %s", rm_page_type_name(a->page_type));
    assert_has(a, "Pieter Zeeman");
    assert_has(a, "Ernest Rutherford");
    assert_has(a, "Otto Wallach");
    assert_has(a, "Alexis Carrel");
    rm_article_free(a);
}
END_TEST

static Suite *listing_suite(void)
{
    Suite *s = suite_create("listing");
    TCase *tc = tcase_create("listing");
    tcase_add_test(tc, page_of_link_lists_is_a_listing);
    tcase_add_test(tc, link_lists_of_a_listing_are_kept);
    tcase_add_test(tc, article_with_related_links_stays_an_article);
    tcase_add_test(tc, entries_numbered_by_id_make_a_listing);
    tcase_add_test(tc, dated_feed_outweighing_its_welcome_text_is_a_listing);
    tcase_add_test(tc, description_list_of_entries_is_a_listing_with_its_authors);
    tcase_add_test(tc, table_of_linked_rows_is_a_listing_with_its_rows);
    tcase_add_test(tc, entry_metadata_rows_of_a_paired_table_go);
    tcase_add_test(tc, table_of_names_keeps_every_row);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(listing_suite)
