/*
 * test_svcforum.c — the rules for service and landing pages, forum and
 * Q&A threads, and pages whose body a script draws, each on a small
 * hand-written page: what the rule keeps and what it removes.
 */
#include "page_checks.h"

/* ---- pages of sections ---------------------------------------------------------------------- */

#define FEATURE(cls, name)                                                                   \
    "<div class=\"" cls "\"><h2>" name "</h2><p>" name " runs on its own every pay day and " \
    "tells each employee what changed since the last run, in plain words and on time.</p></div>"

/* A landing page signed by its CMS (a date and an author in the head),
 * whose feature blocks sit in boxes a page builder names "widget". */
#define SIGNED_LANDING(cls)                                                                   \
    "<html><head><title>Acme Payroll</title>"                                                 \
    "<meta property=\"article:published_time\" content=\"2024-01-02T10:00:00Z\">"             \
    "<meta name=\"author\" content=\"Acme Marketing\"></head><body>"                          \
    "<div class=\"page\"><h1>Payroll for growing teams</h1>"                                  \
    "<p>Acme Payroll pays your people in every state, files the taxes for you and keeps the " \
    "records an auditor asks for. Teams of five and teams of five thousand use the same "     \
    "tools, and nobody has to learn a new screen when the company grows. Setup takes an "     \
    "afternoon: import last year's payroll, invite your managers, and the first run is "      \
    "ready for review the next morning. Every change is logged, every report exports to a "   \
    "spreadsheet, and support answers in minutes, not days, whatever the time zone. "       \
    "Pricing is per employee and per month, with no fee for the setup.</p>"                \
    FEATURE(cls, "Automatic tax filing") FEATURE(cls, "Direct deposit")                       \
    FEATURE(cls, "Time off tracking") FEATURE(cls, "Benefits sync")                            \
    "</div></body></html>"

START_TEST(signed_landing_page_keeps_its_sections)
{
    rm_article *a = extract(SIGNED_LANDING("widget feature"));
    assert_has(a, "pays your people");
    assert_has(a, "Automatic tax filing runs on its own");
    assert_has(a, "Benefits sync runs on its own");
    rm_article_free(a);
}
END_TEST

#define TEASER(n)                                                                             \
    "<div><a href=\"/story/" n "\">Council votes on the new bridge in story " n "</a>"          \
    "<div>The vote was close and the mayor spoke for an hour before it and then the "            \
    "chamber emptied quickly.</div></div>"

START_TEST(signed_story_still_loses_its_teaser_widget)
{
    /* The cleaning took a teaser box bigger than the story but none of the
     * story's paragraphs: it judged right, and the story rule stands. */
    const char *html =
        "<html><head><title>Rain returns</title>"
        "<meta property=\"article:published_time\" content=\"2024-01-02T10:00:00Z\">"
        "<meta name=\"author\" content=\"Ann Lee\"></head><body><div class=\"page\">"
        "<h1>Rain returns</h1>"
        "<p>Rain returned to the valley on Tuesday after eleven dry weeks, filling the "
        "reservoir by a tenth in a single night and ending the hosepipe ban that had held "
        "since June. Farmers said the timing was late for the wheat but early enough for "
        "the second cut of hay, and the river board said the flow had doubled by noon.</p>"
        "<p>More rain is due on Friday, the forecasters said, though less than this week, "
        "and the board asked people to keep saving water until the reservoir is full.</p>"
        "<p>The ban on garden sprinklers ends at midnight, the board said in a statement, "
        "but car washes and pools stay on the list until the autumn survey is done.</p>"
        "<div class=\"widget\">" TEASER("1") TEASER("2") TEASER("3") TEASER("4") TEASER("5")
        TEASER("6") TEASER("7") TEASER("8") "</div></div></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Rain returned to the valley");
    assert_has(a, "More rain is due");
    assert_lacks(a, "Council votes");
    rm_article_free(a);
}
END_TEST

/* ---- pages a script draws -------------------------------------------------------------------- */

#define FIRST_POST                                                                            \
    "I am new to astronomy and want my first telescope for the garden. My budget is about "  \
    "five hundred dollars, I live under fairly dark skies, and I would like to see the "      \
    "planets and some galaxies. Is a refractor or a reflector better for a beginner, and "    \
    "which accessories should I buy first?"

#define SHELL(description, body)                                                              \
    "<html><head><title>Best first telescope? - Astronomy Forum</title>"                      \
    "<meta name=\"description\" content=\"" description "\"></head><body>"                   \
    "<nav><a href=\"/\">Forum</a> &gt; <a href=\"/c/gear\">Gear</a></nav>"                   \
    "<section id=\"main\">" body "</section><noscript>Please enable JavaScript.</noscript>"   \
    "</body></html>"

START_TEST(script_shell_reads_its_description)
{
    rm_article *a = NULL;
    const char *html = SHELL(FIRST_POST, "");
    ck_assert_int_eq(rm_extract(html, strlen(html), NULL, &a), RM_OK);
    assert_has(a, "I am new to astronomy");
    assert_has(a, "which accessories should I buy first?");
    ck_assert(!a->readerable);
    rm_article_free(a);
}
END_TEST

START_TEST(description_never_replaces_a_body)
{
    /* A tag line is no body... */
    rm_article *a = extract(SHELL("Telescopes, mounts and eyepieces.", ""));
    assert_lacks(a, "Telescopes, mounts");
    rm_article_free(a);
    /* ...and a page that shows its text keeps it. */
    a = extract(SHELL(FIRST_POST, "<article><h1>Best first telescope?</h1><p>Welcome to the "
                                  "gear forum. Before you post, read the buying guide, which "
                                  "answers most questions about mounts, eyepieces and budgets "
                                  "for a first telescope, and search the threads below. "
                                  "Questions about a used instrument go in the classifieds "
                                  "section, where sellers answer them.</p></article>"));
    assert_has(a, "Welcome to the gear forum");
    assert_lacks(a, "I am new to astronomy");
    rm_article_free(a);
}
END_TEST

/* ---- forum threads ------------------------------------------------------------------------- */

/* A post with its author line, its text and its author's signature, in a
 * box whose class is given. */
#define SIGNED_POST(post_class, sig_class, author, text, sig)                                 \
    "<div class=\"" post_class "\"><div class=\"post-meta\"><a href=\"/u/" author "\" "      \
    "rel=\"author\">" author "</a> <time datetime=\"2025-05-02\">2 May 2025</time></div>"     \
    "<div class=\"post-body\"><p>" text "</p></div><div class=\"" sig_class "\"><p>" sig     \
    "</p></div></div>"

#define THREAD(posts)                                                                         \
    "<html><head><title>Best way to store onions? - Kitchen Forum</title>"                    \
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","              \
    "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Best way to store onions?\"}"       \
    "</script></head><body><h1>Best way to store onions?</h1><div class=\"thread\">" posts   \
    "</div></body></html>"

START_TEST(forum_signatures_go_whatever_the_software)
{
    static const char *const signature_classes[] = {
        "signature", "message-signature js-signature", "ipsEntry__signature",
        "postsignature", "DiscussionBoard-signature",
    };
    for (size_t i = 0; i < sizeof signature_classes / sizeof *signature_classes; i++) {
        char html[4096];
        snprintf(html, sizeof html,
                 THREAD(SIGNED_POST("post", "%s", "kitchenmaven",
                                    "My onions keep sprouting after a week in the pantry, "
                                    "whatever I try: paper bags, a wire basket, the fridge.",
                                    "Gardener since 1998. Visit my seed shop for heirloom onions!")
                        SIGNED_POST("post", "%s", "greengrocer",
                                    "Keep them dry, dark and well ventilated, away from "
                                    "potatoes, which make onions sprout sooner.",
                                    "Opinions are my own. Greengrocer, third generation.")),
                 signature_classes[i], signature_classes[i]);
        rm_article *a = extract(html);
        ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
        assert_has(a, "My onions keep sprouting");
        assert_has(a, "make onions sprout sooner");
        assert_lacks(a, "heirloom onions");
        assert_lacks(a, "third generation");
        rm_article_free(a);
    }
}
END_TEST

START_TEST(forum_post_that_carries_a_signature_stays)
{
    /* "with-signature" says what the post holds; it is not the signature. */
    rm_article *a = extract(THREAD(
        SIGNED_POST("post with-signature", "signature", "kitchenmaven",
                    "My onions keep sprouting after a week in the pantry, whatever I try: "
                    "paper bags, a wire basket, the fridge.", "Gardener since 1998.")
        SIGNED_POST("post has-signature", "signature", "greengrocer",
                    "Keep them dry, dark and well ventilated, away from potatoes, which make "
                    "onions sprout sooner.", "Opinions are my own.")));
    assert_has(a, "My onions keep sprouting");
    assert_has(a, "make onions sprout sooner");
    assert_lacks(a, "Gardener since 1998");
    rm_article_free(a);
}
END_TEST

START_TEST(signature_boxes_off_threads_are_not_judged_so)
{
    /* On an article a box named "signature" is the letter's signature. */
    rm_article *a = extract(
        "<html><head><title>An open letter</title></head><body><article><h1>An open letter</h1>"
        "<p>To the council: the bridge on Mill Lane has been closed for two years, and the "
        "detour adds twenty minutes to every trip the school bus makes, twice a day, in all "
        "weathers. We ask you to reopen it before winter, or to say plainly why you cannot.</p>"
        "<p>Families on both sides of the river have waited long enough, and they deserve an "
        "answer, a date, and a plan that someone will be held to.</p>"
        "<div class=\"signature\"><p>Signed by the Mill Lane residents' association</p></div>"
        "</article></body></html>");
    assert_has(a, "Signed by the Mill Lane residents");
    rm_article_free(a);
}
END_TEST

/* A thread whose JSON-LD articleBody is its first post and whose replies
 * carry no date or "Reply" control the structure could find them by:
 * the witness points at the question, the replies beside it stay. */
#define PLAIN_POST(author, text)                                                              \
    "<div class=\"message\"><div class=\"who\">" author "</div><div class=\"body\"><p>" text \
    "</p></div></div>"

START_TEST(thread_witnessed_by_its_first_post_keeps_the_replies)
{
    const char *html =
        "<html><head><title>Cheap family meals?</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Cheap family meals?\","
        "\"articleBody\":\"Money is tight this month and I am running out of ideas. What do "
        "you cook for a family of five that costs little, fills everyone up and does not take "
        "all evening? We eat pasta twice a week already. The budget is sixty pounds a week for everything, the two youngest will not eat anything spicy, and my partner works late, so dinner has to wait well in the oven or reheat the next day for lunches.\"}</script></head><body>"
        "<h1>Cheap family meals?</h1><div class=\"thread\">"
        PLAIN_POST("longshot", "Money is tight this month and I am running out of ideas. What "
                   "do you cook for a family of five that costs little, fills everyone up and "
                   "does not take all evening? We eat pasta twice a week already. The budget is sixty pounds a week for everything, the two youngest will not eat anything spicy, and my partner works late, so dinner has to wait well in the oven or reheat the next day for lunches.")
        PLAIN_POST("keepingsanity", "A big tray of chicken thighs with peppers, onions and "
                   "whatever vegetables are going soft, roasted with paprika and served with "
                   "rice. It feeds us twice, the children love it, and the leftovers make a curry "
                   "on Wednesday, with a tin of tomatoes, a spoon of curry paste and frozen peas.")
        PLAIN_POST("folioquarto", "Lentil soup with a loaf of bread, a pot of chilli with more "
                   "beans than mince, and egg fried rice on Fridays, using up the leftovers "
                   "from the week. Soup, chilli and rice cost a few pounds each, feed everyone, "
                   "and keep in the freezer, so one big cooking day covers a week of dinners.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Money is tight this month");
    assert_has(a, "A big tray of chicken thighs");
    assert_has(a, "Lentil soup with a loaf");
    rm_article_free(a);
}
END_TEST

/* Posts that open with a heading linked to their own anchor ("#p2", as
 * phpBB writes "Re: title" over each post) are posts, not teasers led by
 * a linked headline. */
#define ANCHORED_POST(n, author, text)                                                        \
    "<div class=\"post\" id=\"p" n "\"><h3><a href=\"#p" n "\">Re: Storing onions</a></h3>"   \
    "<p class=\"info\"><a href=\"/u/" author "\">" author "</a> <time "                       \
    "datetime=\"2025-05-02\">2 May 2025</time></p><div class=\"content\"><p>" text           \
    "</p></div></div>"

START_TEST(posts_under_anchored_headings_are_a_thread)
{
    const char *html =
        "<html><head><title>Storing onions</title></head><body><h1>Storing onions</h1>"
        "<div class=\"topic\">"
        ANCHORED_POST("1", "kitchenmaven", "My onions keep sprouting after a week in the "
                      "pantry, whatever I try: paper bags, a wire basket, the fridge.")
        ANCHORED_POST("2", "greengrocer", "Keep them dry, dark and well ventilated, away from "
                      "potatoes, which give off moisture and make onions sprout sooner.")
        ANCHORED_POST("3", "slowcook", "Old tights work surprisingly well: drop an onion in, "
                      "tie a knot, add the next one, and hang the string in a cool cupboard.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_uint_eq(a->page_items, 3);
    assert_has(a, "My onions keep sprouting");
    assert_has(a, "Old tights work");
    rm_article_free(a);
}
END_TEST

/* A landing page laid out flat: its sections are children of <body> itself,
 * with no <main> and no wrapper. The scorer picks the feature list, the
 * one block of sentences; the stats, steps, plans and customers, lines too
 * short for it to score, are more than half of the page, and the body
 * (clutter removed) holds them all. */
#define STAT(figure, label) "<div class=\"stat\"><b>" figure "</b><span>" label "</span></div>"
#define FEATURE_ITEM(name, text) "<li class=\"feature\"><h4>" name "</h4><p>" text "</p></li>"

START_TEST(flat_landing_page_keeps_every_section)
{
    const char *html =
        "<html><head><title>Freedtask</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/pricing\">Pricing</a> <a href=\"/login\">Log in</a></nav>"
        "<div id=\"features\"><div class=\"row\"><div class=\"column\">"
        "<div class=\"section_inner\"><h2>Full of features</h2>"
        "<ul class=\"feature_list\">"
        FEATURE_ITEM("Passwords", "Share accounts for different services, no simpler and safer way")
        FEATURE_ITEM("Invoices", "Bill your clients from your time entries or create new items")
        FEATURE_ITEM("Project copy", "Duplicate projects and save hours creating the same again")
        FEATURE_ITEM("CRM", "Store your contacts and leads to keep in touch with customers")
        FEATURE_ITEM("Backups", "Get peace of mind by having all your data offline as well")
        FEATURE_ITEM("Widget board", "Create custom widgets for the numbers you need every day")
        FEATURE_ITEM("Issue tracker", "Track bugs and requests, from the first report to the fix")
        FEATURE_ITEM("Wiki", "Write down how your team works, so the next hire reads it")
        FEATURE_ITEM("Calendar", "See every deadline of every project on one shared month")
        FEATURE_ITEM("Files", "Keep the latest version of each document next to its task")
        FEATURE_ITEM("Mobile apps", "Check off tasks on the train and pick up at your desk")
        FEATURE_ITEM("Reports", "Find where the hours went and which projects run over")
        "</ul></div></div></div></div>"
        "<div class=\"section stats\"><h2>Results</h2>"
        STAT("97%", "active users") STAT("6 weeks", "to roll out") STAT("30%", "fewer meetings")
        STAT("3x", "faster onboarding") STAT("10,000+", "teams") STAT("24/7", "live support")
        STAT("99.9%", "uptime") STAT("40+", "integrations") STAT("2 min", "reply time")
        STAT("120", "countries") STAT("4.8", "average rating") STAT("1M+", "tasks a day")
        "</div><div class=\"section steps\"><h2>How it works</h2>"
        STAT("1", "Import projects") STAT("2", "Invite your team") STAT("3", "Plan a sprint")
        STAT("4", "Track the time") STAT("5", "Review the week") STAT("6", "Ship it")
        "</div><div class=\"section plans\"><h2>Plans</h2>"
        STAT("Free", "five people") STAT("Pro", "no limits") STAT("Business", "single sign-on")
        STAT("Enterprise", "a manager") STAT("$0", "per seat") STAT("$8", "per seat")
        STAT("$16", "per seat") STAT("Custom", "price") STAT("Storage", "unlimited")
        STAT("Import", "free") STAT("Nonprofits", "half price") STAT("Schools", "free")
        "</div><div class=\"section logos\"><h2>Trusted by</h2>"
        STAT("Acme", "since 2019") STAT("Globex", "since 2020") STAT("Initech", "since 2021")
        STAT("Umbrella", "since 2018") STAT("Hooli", "since 2022") STAT("Vandelay", "since 2017")
        STAT("Soylent", "since 2023") STAT("Stark", "since 2016") STAT("Wayne", "since 2015")
        STAT("Tyrell", "since 2014") STAT("Cyberdyne", "since 2013") STAT("Oscorp", "since 2012")
        STAT("Gringotts", "since 2011") STAT("Monsters", "since 2010") STAT("Aperture", "since 2009")
        STAT("Wonka", "since 2008") STAT("Duff", "since 2007") STAT("Nakatomi", "since 2006")
        STAT("Prestige", "since 2005") STAT("Gekko", "since 2004") STAT("Dunder", "since 2003")
        "</div>"
        "<footer><a href=\"/terms\">Terms</a> <a href=\"/privacy\">Privacy</a> Copyright Freedtask</footer>"
        "</body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Bill your clients");
    assert_has(a, "active users");
    assert_has(a, "Invite your team");
    assert_has(a, "single sign-on");
    assert_lacks(a, "Copyright Freedtask");
    assert_lacks(a, "Log in");
    rm_article_free(a);
}
END_TEST

/* A landing page read whole by the scorer (<body> is its choice) whose
 * feature cards conditional cleaning takes (icons) and whose reviews are
 * a grid of linked cards: the grid holds more than the cleaned choice,
 * but the choice is the whole page and holds the grid already, so the
 * page stays whole rather than shrinking to the grid. */
#define ICON_FEATURE(name)                                                                    \
    "<div class=\"item\"><img src=\"a.svg\" alt=\"\"><img src=\"b.svg\" alt=\"\">"          \
    "<img src=\"c.svg\" alt=\"\"><h3>" name "</h3><p>" name " for every deal you follow up.</p></div>"
#define REVIEW(name)                                                                          \
    "<div class=\"card\"><a href=\"/reviews/" name "\"><img src=\"" name ".jpg\" alt=\"\">"   \
    "<h4>" name "</h4><p>The simplest sales tool we have used, and the team took to it in a "  \
    "day.</p></a></div>"

START_TEST(whole_page_choice_is_not_cut_to_its_card_grid)
{
    const char *html =
        "<html><head><title>OneCRM</title></head><body>"
        "<section class=\"hero\"><h1>The action-focused CRM</h1><p>OneCRM turns every contact "
        "into a next action, so no deal goes cold and every follow-up happens on time.</p>"
        "</section><section class=\"features\"><h2>Features</h2>"
        ICON_FEATURE("Reminders") ICON_FEATURE("Pipelines") ICON_FEATURE("Web forms")
        ICON_FEATURE("Email sync") ICON_FEATURE("Reports") ICON_FEATURE("Mobile app")
        "</section><section class=\"reviews\"><h2>What customers say</h2><div class=\"grid\">"
        REVIEW("anna") REVIEW("bruce") REVIEW("carla") REVIEW("dev") REVIEW("erin")
        REVIEW("farid") "</div></section></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "OneCRM turns every contact");
    assert_has(a, "The simplest sales tool");
    rm_article_free(a);
}
END_TEST

/* A service page whose cleaning took a third of its text, all of it
 * paragraphs in boxes a page builder names "widget": under half, but
 * paragraphs of prose are what Readability's cleaning keeps, so the page
 * is cleaned again block by block and keeps them. */
#define PLAIN_BLOCK(name)                                                                     \
    "<div class=\"block\"><h2>" name "</h2><p>" name " is planned with you, priced before "   \
    "we start, and delivered by the same team from the first call to the last invoice.</p></div>"
#define WIDGET_BLOCK(name)                                                                    \
    "<div class=\"widget\"><h3>" name "</h3><p>" name " comes with a named engineer, a "      \
    "written plan and a report each month on what changed and why.</p></div>"

START_TEST(unsigned_page_keeps_paragraphs_its_cleaning_took)
{
    const char *html =
        "<html><head><title>Acme IT services</title></head><body><div class=\"page\">"
        "<h1>IT services for small offices</h1>"
        PLAIN_BLOCK("Network setup") PLAIN_BLOCK("Backups") PLAIN_BLOCK("Laptops")
        PLAIN_BLOCK("Security reviews") PLAIN_BLOCK("Help desk") PLAIN_BLOCK("Cloud moves")
        WIDGET_BLOCK("Managed support") WIDGET_BLOCK("Disaster recovery")
        WIDGET_BLOCK("Compliance audits")
        "</div></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Network setup is planned with you");
    assert_has(a, "Managed support comes with a named engineer");
    assert_has(a, "Compliance audits comes with a named engineer");
    rm_article_free(a);
}
END_TEST

/* The same page with its table of contents, a list of short links to its
 * own sections: cleaned block by block, the sections stay and the table
 * of contents goes, although in-page links count little towards link
 * density. */
START_TEST(sections_cleaning_drops_the_table_of_contents)
{
    const char *html =
        "<html><head><title>Acme IT services</title></head><body><div class=\"page\">"
        "<h1>IT services for small offices</h1>"
        "<ul><li><a href=\"#net\">Setting up your network</a></li>"
        "<li><a href=\"#backups\">Keeping your files safe</a></li>"
        "<li><a href=\"#laptops\">Looking after the laptops</a></li>"
        "<li><a href=\"#support\">Support when things break</a></li></ul>"
        PLAIN_BLOCK("Network setup") PLAIN_BLOCK("Backups") PLAIN_BLOCK("Laptops")
        PLAIN_BLOCK("Security reviews") PLAIN_BLOCK("Help desk") PLAIN_BLOCK("Cloud moves")
        WIDGET_BLOCK("Managed support") WIDGET_BLOCK("Disaster recovery")
        WIDGET_BLOCK("Compliance audits")
        "</div></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Network setup is planned with you");
    assert_has(a, "Compliance audits comes with a named engineer");
    assert_lacks(a, "Setting up your network");
    assert_lacks(a, "Looking after the laptops");
    rm_article_free(a);
}
END_TEST

START_TEST(signed_story_keeps_its_sidebar_aside)
{
    /* Paragraphs that Readability set aside before scoring (a block named
     * "sidebar" beside a short story) are not paragraphs its cleaning
     * took: the story rule stands. */
    const char *html =
        "<html><head><title>Library opens on Sundays</title>"
        "<meta property=\"article:published_time\" content=\"2024-01-02T10:00:00Z\">"
        "<meta name=\"author\" content=\"Ann Lee\"></head><body><div class=\"grid\">"
        "<div class=\"story\"><h1>Library opens on Sundays</h1>"
        "<p>From March the town library opens on Sundays from ten to four, the council "
        "decided on Tuesday, after a year in which visits on Saturdays doubled and the "
        "reading room was full by noon. Two new staff will be hired, and volunteers from "
        "the friends' association will run the children's corner on Sunday mornings.</p>"
        "<p>The longer hours cost about forty thousand a year, paid from the culture budget, "
        "and will be reviewed after twelve months, the mayor said. Readers who cannot come "
        "on weekdays welcomed the news, and the staff council agreed to the new rota.</p></div>"
        "<div class=\"sidebar\"><h2>Most read</h2>"
        "<p>The bridge repairs take longer than planned, and commuters face more weeks of "
        "detours through the next town while the buses run on a special timetable.</p>"
        "<p>Volunteers repair toasters, bicycles, clothes and toys for free at the monthly "
        "repair cafe, which now meets in the old school hall on the market square.</p>"
        "<p>Parents with bike trailers ask for a safer crossing at the school, where the "
        "lights change too fast for a child to get across the four lanes of traffic.</p>"
        "<p>The local paper has reported on the town and its villages since 1949 and now "
        "publishes a weekly newsletter with the council's decisions and the events.</p>"
        "</div></div></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "the town library opens on Sundays");
    assert_has(a, "reviewed after twelve months");
    assert_lacks(a, "repair cafe");
    rm_article_free(a);
}
END_TEST

static Suite *svcforum_suite(void)
{
    Suite *s = suite_create("svcforum");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, signed_landing_page_keeps_its_sections);
    tcase_add_test(tc, signed_story_still_loses_its_teaser_widget);
    tcase_add_test(tc, signed_story_keeps_its_sidebar_aside);
    tcase_add_test(tc, flat_landing_page_keeps_every_section);
    tcase_add_test(tc, whole_page_choice_is_not_cut_to_its_card_grid);
    tcase_add_test(tc, unsigned_page_keeps_paragraphs_its_cleaning_took);
    tcase_add_test(tc, sections_cleaning_drops_the_table_of_contents);
    tcase_add_test(tc, script_shell_reads_its_description);
    tcase_add_test(tc, description_never_replaces_a_body);
    tcase_add_test(tc, forum_signatures_go_whatever_the_software);
    tcase_add_test(tc, forum_post_that_carries_a_signature_stays);
    tcase_add_test(tc, signature_boxes_off_threads_are_not_judged_so);
    tcase_add_test(tc, thread_witnessed_by_its_first_post_keeps_the_replies);
    tcase_add_test(tc, posts_under_anchored_headings_are_a_thread);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(svcforum_suite)
