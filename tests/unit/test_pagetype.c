/*
 * test_pagetype.c — page types and the extraction rules that depend on them,
 * on small hand-written pages: the detector reads schema.org types (JSON-LD
 * and microdata), og:type, URL path words and structure; a forum thread
 * keeps its posts with their authors and dates while comments under an
 * article stay clutter; pages of sections are taken whole from their main
 * region; a page whose scorer finds nothing still shows its densest text;
 * a script-rendered shell is read from its <noscript>; a product page that
 * shows less than its JSON-LD Product description reads that description.
 */
#include "testutil.h"

#include "article_json.h"
#include "readmode.h"

#define SENTENCES                                                                        \
    "The committee met again on Thursday to review the proposal, and after a long "     \
    "discussion the members agreed that the plan needed more work before a vote."

static rm_article *extract_url(const char *html, const char *url)
{
    rm_options opt = rm_default_options;
    opt.url = url;
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), &opt, &a);
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(a->text);
    return a;
}

static rm_article *extract(const char *html)
{
    return extract_url(html, NULL);
}

/* The page, read as if fetched from `url` (may be NULL), is typed `type`. */
static void assert_type_at(const char *html, const char *url, const char *type)
{
    rm_article *a = extract_url(html, url);
    const char *got = rm_page_type_name(a->page_type);
    ck_assert_msg(strcmp(got, type) == 0, "%s: typed %s, not %s", url ? url : "(no URL)", got, type);
    rm_article_free(a);
}

static bool has(const rm_article *a, const char *needle)
{
    return strstr(a->text, needle) != NULL;
}

/* The three snippets are in the text, in this order. */
static void assert_in_order(const rm_article *a, const char *first, const char *second,
                            const char *third)
{
    const char *p1 = strstr(a->text, first), *p2 = strstr(a->text, second);
    const char *p3 = strstr(a->text, third);
    ck_assert_msg(p1 && p2 && p3, "text missing:\n%s", a->text);
    ck_assert_msg(p1 < p2 && p2 < p3, "out of order:\n%s", a->text);
}

/* ---- names ----------------------------------------------------------------- */

START_TEST(type_names_are_stable)
{
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_ARTICLE), "article");
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_FORUM), "forum");
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_DOCUMENTATION), "documentation");
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_SERVICE), "service");
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_PRODUCT), "product");
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_COLLECTION), "collection");
    ck_assert_str_eq(rm_page_type_name(RM_PAGE_LISTING), "listing");
    ck_assert_str_eq(rm_page_type_name((rm_page_type)99), "article");
}
END_TEST

/* ---- forum threads ---------------------------------------------------------- */

#define POST(author, date, text)                                                        \
    "<div class=\"post\"><div class=\"post-meta\"><a href=\"/u/" author "\" rel=\"author\">" \
    author "</a> <time datetime=\"2025-05-02\">" date "</time></div>"                   \
    "<dl class=\"member\"><dt>Joined:</dt><dd>Mar 2019</dd><dt>Messages:</dt><dd>1,204</dd>" \
    "<dt>Reaction score:</dt><dd>310</dd></dl>"                                          \
    "<div class=\"post-body\"><p>" text "</p></div>"                                     \
    "<div class=\"post-actions\"><button>Like</button> <a href=\"#reply\">Reply</a></div>" \
    "<div class=\"signature\">Sent from my phone</div></div>"

static const char thread_page[] =
    "<html><head><title>Best way to store onions? - Kitchen Forum</title>"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
    "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Best way to store onions?\"}</script>"
    "</head><body><nav><a href=\"/\">Forum home</a> <a href=\"/new\">New posts</a></nav>"
    "<h1>Best way to store onions?</h1><div class=\"thread\">"
    POST("kitchenmaven", "2 May 2025", "My onions keep sprouting after a week in the pantry. "
         "I have tried paper bags, a wire basket and the fridge, and nothing seems to work.")
    POST("greengrocer", "2 May 2025", "Keep them dry, dark and well ventilated, away from "
         "potatoes, which give off moisture and gases that make onions sprout sooner.")
    POST("slowcook", "3 May 2025", "Old tights work surprisingly well: drop an onion in, tie "
         "a knot, add the next one, and hang the whole string in a cool cupboard.")
    "</div><form><textarea name=\"reply\"></textarea><button>Post reply</button></form>"
    "</body></html>";

START_TEST(forum_keeps_every_post_in_order)
{
    rm_article *a = extract(thread_page);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_uint_eq(a->page_items, 3);
    assert_in_order(a, "My onions keep sprouting", "Keep them dry", "Old tights work");
    rm_article_free(a);
}
END_TEST

START_TEST(forum_posts_are_signed_and_controls_go)
{
    rm_article *a = extract(thread_page);
    ck_assert_msg(has(a, "greengrocer") && has(a, "3 May 2025"), "author/date lines:\n%s", a->text);
    ck_assert_msg(!has(a, "Post reply") && !has(a, "Like"), "controls kept:\n%s", a->text);
    ck_assert_msg(!has(a, "Sent from my phone"), "signature kept:\n%s", a->text);
    ck_assert_msg(!has(a, "Reaction score"), "member panel kept:\n%s", a->text);
    ck_assert_msg(!has(a, "Forum home"), "navigation kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Posts anchored by a numbered id and linked from their date by number
 * rather than by fragment ("index.php?msg=4175" inside id="msg4175", as
 * SMF 2.1 does), with no <time> and no rel=author: still a thread, each
 * post in order. */
#define NUMBER_LINKED_POST(n, author, text)                                             \
    "<div class=\"windowbg\" id=\"msg" n "\"><div class=\"poster\"><h4><a href=\"/profile/" \
    author "\">" author "</a></h4></div><div class=\"postarea\"><div class=\"keyinfo\">"     \
    "<a href=\"https://example.org/community/index.php?msg=" n "\">June 04, 2024</a></div>"  \
    "<div class=\"post\"><div class=\"inner\">" text "</div></div></div></div>"

START_TEST(forum_posts_linked_by_number_are_a_thread)
{
    const char *html =
        "<html><head><title>Best way to store onions?</title></head><body>"
        "<div id=\"forumposts\">"
        NUMBER_LINKED_POST("4175", "kitchenmaven", "My onions keep sprouting after a week in "
                           "the pantry.<br><br>I have tried paper bags, a wire basket and the "
                           "fridge, and nothing seems to work.")
        NUMBER_LINKED_POST("4176", "greengrocer", "Keep them dry, dark and well ventilated, "
                           "away from potatoes, which give off moisture and gases.")
        NUMBER_LINKED_POST("4180", "slowcook", "Old tights work surprisingly well: drop an "
                           "onion in, tie a knot, add the next one, and hang them up.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_uint_eq(a->page_items, 3);
    assert_in_order(a, "My onions keep sprouting", "Keep them dry", "Old tights work");
    rm_article_free(a);
}
END_TEST

/* A paper's reference list numbers its entries with the paper's own number
 * ("b2-pan-2024-0015"), and each entry links to a DOI ending in it: not
 * posts, whose ids hold the post number only. */
#define REFERENCE(n, text)                                                               \
    "<li id=\"b" n "-pan-2024-0015\">" text " <a href=\"https://doi.org/10.20463/pan.2024.0015\">" \
    "doi</a></li>"

START_TEST(reference_list_is_no_thread)
{
    const char *html =
        "<html><head><title>Exercise and sleep</title></head><body><h1>Exercise and sleep</h1>"
        "<p>" SENTENCES "</p><h2>References</h2><ol>"
        REFERENCE("1", "Smith J, Lee K. Physical activity and sleep quality in older adults: a "
                       "cohort study of two thousand people. Sleep Med. 2021.")
        REFERENCE("2", "Brown A. Resistance training improves sleep onset latency in adults "
                       "with insomnia: a randomised trial. J Sleep Res. 2020.")
        REFERENCE("3", "Garcia M. Evening exercise does not impair sleep: a meta-analysis of "
                       "twenty-three controlled studies. Sports Med. 2019.")
        "</ol></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* A reply that quotes an earlier post repeats it, reflowed (line breaks
 * for paragraphs, the quoted author on top): the quote goes and the reply
 * stays. A quote of something the thread never said (a book, a manual)
 * is part of what the reply says and stays. */
#define QUOTING_POST(author, date, quote, text)                                         \
    "<div class=\"post\"><div class=\"post-meta\"><a href=\"/u/" author "\" rel=\"author\">" \
    author "</a> <time datetime=\"2025-05-02\">" date "</time></div>"                   \
    "<div class=\"post-body\"><blockquote class=\"quote\">" quote "</blockquote><p>" text \
    "</p></div></div>"

START_TEST(forum_quotes_of_earlier_posts_go)
{
    const char *html =
        "<html><head><title>Best way to store onions? - Kitchen Forum</title></head><body>"
        "<h1>Best way to store onions?</h1><div class=\"thread\">"
        POST("kitchenmaven", "2 May 2025", "My onions keep sprouting after a week in the "
             "pantry. I have tried paper bags, a wire basket and the fridge, and nothing "
             "seems to work.")
        QUOTING_POST("greengrocer", "2 May 2025", "<div>kitchenmaven said:</div>My onions keep "
                     "sprouting after a week in the pantry.<br>I have tried paper bags, a wire "
                     "basket and the fridge, and nothing seems to work.",
                     "Keep them dry, dark and well ventilated, away from potatoes, which give "
                     "off moisture and gases that make onions sprout sooner.")
        QUOTING_POST("slowcook", "3 May 2025", "Store onions in a cool, dry and airy place, "
                     "never in plastic, and apart from potatoes and other produce that "
                     "breathes out moisture.",
                     "That is what my old cookbook says, and it has worked for me for years "
                     "in a north-facing larder.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    const char *first = strstr(a->text, "My onions keep sprouting");
    ck_assert_msg(first && !strstr(first + 1, "My onions keep sprouting"),
                  "quote of the first post kept:\n%s", a->text);
    assert_in_order(a, "My onions keep sprouting", "Keep them dry", "never in plastic");
    ck_assert_msg(has(a, "old cookbook"), "reply lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A post shown twice (a reply's "in reply to" excerpt, a collapsed and an
 * expanded copy), reworded only in its punctuation and breaks: the later
 * copy goes, each post is read once. */
START_TEST(forum_repeated_post_text_goes)
{
    const char *html =
        "<html><head><title>Best way to store onions? - Kitchen Forum</title></head><body>"
        "<h1>Best way to store onions?</h1><div class=\"thread\">"
        POST("kitchenmaven", "2 May 2025", "My onions keep sprouting after a week in the "
             "pantry. I have tried paper bags, a wire basket and the fridge, and nothing "
             "seems to work.")
        "<div class=\"post\"><div class=\"post-meta\"><a href=\"/u/greengrocer\" "
        "rel=\"author\">greengrocer</a> <time datetime=\"2025-05-02\">2 May 2025</time></div>"
        "<div class=\"in-reply-to\">My onions keep sprouting after a week in the pantry - I "
        "have tried paper bags, a wire basket, and the fridge; nothing seems to work...</div>"
        "<div class=\"post-body\"><p>Keep them dry, dark and well ventilated, away from "
        "potatoes, which give off moisture and gases that make onions sprout sooner.</p></div></div>"
        POST("slowcook", "3 May 2025", "Old tights work surprisingly well: drop an onion in, "
             "tie a knot, add the next one, and hang the whole string in a cool cupboard.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_msg(!has(a, "pantry - I"), "second copy kept:\n%s", a->text);
    assert_in_order(a, "My onions keep sprouting", "Keep them dry", "Old tights work");
    rm_article_free(a);
}
END_TEST

/* A thread whose member details stand row by row beside the author, not in
 * one panel, and whose posts carry permalink numbers and vote counts: the
 * rows and the numbers go, the author and the post stay. */
#define NUMBERED_POST(n, author, text)                                                 \
    "<div class=\"post\"><div class=\"post-head\"><a href=\"/u/" author "\" rel=\"author\">" \
    author "</a> <span class=\"count\">1,204 posts</span> <time datetime=\"2025-05-02\">"  \
    "2 May 2025</time> <a href=\"#p" n "\">#" n "</a></div>"                                 \
    "<div class=\"post-row\">Joined: Mar 2019</div><div class=\"post-body\"><p>" text     \
    "</p></div><div class=\"votes\"><span>1" n "7</span></div></div>"

START_TEST(forum_member_rows_and_post_numbers_go)
{
    const char *html =
        "<html><head><title>Best way to store onions?</title>"
        "<script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\"}</script>"
        "</head><body><h1>Best way to store onions?</h1><div class=\"thread\">"
        NUMBERED_POST("1", "kitchenmaven", "My onions keep sprouting after a week in the "
                      "pantry, whatever I try: paper bags, a wire basket, the fridge.")
        NUMBERED_POST("2", "greengrocer", "Keep them dry, dark and well ventilated, away from "
                      "potatoes, which make onions sprout sooner.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_msg(has(a, "greengrocer") && has(a, "sprout sooner"), "post lost:\n%s", a->text);
    ck_assert_msg(!has(a, "1,204 posts") && !has(a, "Joined"), "member rows kept:\n%s", a->text);
    ck_assert_msg(!has(a, "#2") && !has(a, "127"), "post number or count kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Microdata alone (a Q&A page without JSON-LD): the question and the answers,
 * which sit in separate boxes, are all kept. */
START_TEST(qa_microdata_keeps_question_and_answers)
{
    const char *html =
        "<html><head><title>How do I descale a kettle?</title></head><body>"
        "<div id=\"content\"><h1>How do I descale a kettle?</h1>"
        "<div itemscope itemtype=\"https://schema.org/Question\"><p>Our water is very hard and "
        "the kettle is coated in white scale again, only a month after the last clean.</p></div>"
        "<div id=\"answers\">"
        "<div class=\"answer\" itemprop=\"suggestedAnswer\" itemscope itemtype=\"https://schema.org/Answer\">"
        "<p>Fill it halfway with equal parts water and white vinegar, boil, leave it for an "
        "hour, then rinse it out twice with fresh water before you use it.</p></div>"
        "<div class=\"answer\" itemprop=\"suggestedAnswer\" itemscope itemtype=\"https://schema.org/Answer\">"
        "<p>Citric acid does the same job without the smell: two spoonfuls in a full kettle, "
        "boil, wait twenty minutes, pour away and rinse.</p></div></div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_msg(has(a, "Our water is very hard") && has(a, "white vinegar") && has(a, "Citric acid"),
                  "thread incomplete:\n%s", a->text);
    rm_article_free(a);
}
END_TEST


/* schema.org nests the answers in the Question item (its suggestedAnswer
 * and acceptedAnswer properties), and that item often wraps the sidebar
 * too: the question is its `text` property, kept with the answers, in
 * order, and the sidebar beside them is not. The answers are long enough
 * for the scorer to choose inside them, as on real Q&A pages. */
#define ANSWER_DETAIL                                                                    \
    "<p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES "</p>"
#define SIGNED_ANSWER(prop, text)                                                        \
    "<div class=\"answer\" itemprop=\"" prop "\" itemscope itemtype=\"https://schema.org/Answer\">" \
    "<div class=\"answer-body\" itemprop=\"text\"><p>" text "</p>" ANSWER_DETAIL "</div>"     \
    "<div class=\"signed\">answered <time datetime=\"2024-05-02\">May 2, 2024</time> by "  \
    "<a href=\"/users/7\">kim</a></div></div>"

START_TEST(qa_question_item_holding_answers_keeps_the_question)
{
    const char *html =
        "<html itemscope itemtype=\"https://schema.org/QAPage\"><head><title>Why does my "
        "sourdough starter smell of nail varnish?</title></head><body>"
        "<div itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/Question\">"
        "<div class=\"inner\"><div id=\"main\"><div class=\"question\">"
        "<div class=\"question-body\" itemprop=\"text\"><p>My starter is two weeks old and "
        "bubbles well, but since yesterday it smells sharply of nail varnish remover. Is it "
        "spoiled, or is this a stage that passes on its own?</p></div></div>"
        "<div id=\"answers\"><h2>2 Answers</h2>"
        SIGNED_ANSWER("acceptedAnswer", "That smell is acetone-like esters from a hungry "
                      "starter: the yeast has run out of food. Feed it twice a day at a higher "
                      "ratio of fresh flour and water and it will be gone within two days.")
        SIGNED_ANSWER("suggestedAnswer", "Keep it somewhere a little cooler as well. A warm "
                      "kitchen speeds the culture up so that it exhausts each feed long before "
                      "the next one arrives, and the sharp smell returns.")
        "</div></div><div id=\"sidebar\"><h3>Hot questions</h3><ul>"
        "<li><a href=\"/q/1\">Can I freeze fresh pasta dough overnight?</a></li>"
        "<li><a href=\"/q/2\">What is the best oil for seasoning a cast iron pan?</a></li>"
        "<li><a href=\"/q/3\">How long does homemade stock keep in the fridge?</a></li>"
        "</ul></div></div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_in_order(a, "nail varnish remover", "hungry starter", "somewhere a little cooler");
    ck_assert_uint_eq(a->page_items, 3);
    ck_assert_msg(!has(a, "cast iron"), "sidebar kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Stack Exchange closes a question page with the ask-a-question pitch
 * ("Start asking to get answers") beside the question's tag links
 * ("Explore related questions"): the box goes whole, the thread stays. */
START_TEST(qa_closing_ask_box_goes)
{
    const char *html =
        "<html itemscope itemtype=\"https://schema.org/QAPage\"><head><title>Why does my "
        "sourdough starter smell of nail varnish?</title></head><body><div id=\"mainbar\">"
        "<div itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/Question\">"
        "<div class=\"question\"><div class=\"question-body\" itemprop=\"text\"><p>My starter "
        "is two weeks old and bubbles well, but since yesterday it smells sharply of nail "
        "varnish remover. Is it spoiled, or is this a stage that passes on its own?</p></div>"
        "</div><div id=\"answers\"><h2>2 Answers</h2>"
        SIGNED_ANSWER("acceptedAnswer", "That smell is acetone-like esters from a hungry "
                      "starter: the yeast has run out of food. Feed it twice a day at a higher "
                      "ratio of fresh flour and water and it will be gone within two days.")
        SIGNED_ANSWER("suggestedAnswer", "Keep it somewhere a little cooler as well. A warm "
                      "kitchen speeds the culture up so that it exhausts each feed long before "
                      "the next one arrives, and the sharp smell returns.")
        "</div><div class=\"js-bottom-notice d-flex\"><div class=\"flex--item\"><div "
        "class=\"d-flex fd-column\"><p class=\"fw-bold\">Start asking to get answers</p>"
        "<p>Find the answer to your question by asking.</p><a class=\"s-btn\" "
        "href=\"/questions/ask\">Ask question</a></div></div><div class=\"flex--item\"><div "
        "class=\"d-flex fd-column\"><p class=\"fw-bold\">Explore related questions</p><ul>"
        "<li><a href=\"/questions/tagged/sourdough\">sourdough</a></li><li><a "
        "href=\"/questions/tagged/fermentation\">fermentation</a></li></ul><p>See similar "
        "questions with these tags.</p></div></div></div></div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_in_order(a, "nail varnish remover", "hungry starter", "somewhere a little cooler");
    ck_assert_msg(!has(a, "Start asking"), "ask pitch kept:\n%s", a->text);
    ck_assert_msg(!has(a, "Explore related questions"), "tag box kept:\n%s", a->text);
    ck_assert_msg(!has(a, "See similar questions"), "tag box kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Remarks attached to a question or an answer (schema.org Comment items
 * inside them) are talk about the post: the question and answers stay,
 * the remarks go. */
START_TEST(qa_remarks_on_posts_go)
{
    const char *html =
        "<html><head><title>Why does bread go stale?</title></head><body>"
        "<div itemscope itemtype=\"https://schema.org/QAPage\"><h1>Why does bread go stale?</h1>"
        "<div itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/Question\">"
        "<p>A loaf is soft on the first day and hard by the third, even in a sealed bag, "
        "so it cannot just be drying out. What is going on inside it?</p>"
        "<ul class=\"remarks\"><li itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
        "<span itemprop=\"text\">Have you tried freezing it in slices instead?</span> "
        "<time>Commented May 2</time></li></ul></div>"
        "<div itemprop=\"acceptedAnswer\" itemscope itemtype=\"https://schema.org/Answer\">"
        "<p>Staling is mostly starch retrogradation: the gelatinised starch slowly "
        "recrystallises and squeezes water out, which firms the crumb even with no loss.</p>"
        "<ul class=\"remarks\"><li itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
        "<span itemprop=\"text\">Great explanation, and it matches what I see at home.</span> "
        "<time>Commented May 3</time></li></ul></div>"
        "<div itemprop=\"suggestedAnswer\" itemscope itemtype=\"https://schema.org/Answer\">"
        "<p>That is also why toasting revives it for a while: heat melts the starch "
        "crystals again, and the crumb softens until it cools down once more.</p></div>"
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_msg(has(a, "soft on the first day") && has(a, "retrogradation") &&
                  has(a, "toasting revives"), "posts lost:\n%s", a->text);
    ck_assert_msg(!has(a, "freezing it in slices") && !has(a, "Great explanation"),
                  "remarks kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Comments under an article remain clutter: the page is an article. */
START_TEST(article_comments_stay_clutter)
{
    const char *html =
        "<html><head><title>Council delays vote</title>"
        "<meta property=\"og:type\" content=\"article\"></head><body><article>"
        "<h1>Council delays vote</h1><p>" SENTENCES "</p><p>" SENTENCES " A second reading "
        "is expected next month, once the finance office has costed the changes.</p><p>"
        SENTENCES " Residents who spoke at the meeting asked for the plan to be published.</p>"
        "</article><section id=\"comments\" class=\"comments\"><h2>3 comments</h2>"
        "<div class=\"comment\"><a href=\"/u/a\" rel=\"author\">Ann</a> <time>1 May</time>"
        "<p>About time somebody looked at this properly, it has been years.</p>"
        "<a href=\"#\">Reply</a></div>"
        "<div class=\"comment\"><a href=\"/u/b\" rel=\"author\">Bob</a> <time>1 May</time>"
        "<p>I was at the meeting and it was far more heated than this suggests.</p>"
        "<a href=\"#\">Reply</a></div></section></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    ck_assert_uint_eq(a->page_items, 0);
    ck_assert_msg(has(a, "costed the changes"), "article lost:\n%s", a->text);
    ck_assert_msg(!has(a, "far more heated"), "comment kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST


/* A thread that declares nothing and wraps its posts in a box named like a
 * comment section: the box holds the bulk of the page's text and no
 * article body comes before it, so it is the thread, kept in order; the
 * reply form inside the box still goes. The posts carry no date and no
 * "Reply" link, so only the box tells that this is a thread. */
#define REPLY(author, text)                                                            \
    "<div class=\"comment\"><b>" author "</b> wrote:<p>" text "</p>"                    \
    "<a href=\"#permalink\">Permalink</a></div>"

#define BREAD_REPLIES                                                                   \
    REPLY("crumbshot", "Every loaf rises beautifully in the basket and then spreads flat " \
          "as soon as it hits the stone. My starter doubles in six hours, so what gives?") \
    REPLY("levain", "Sounds like over-proofing: shorten the final rise by an hour, or "  \
          "retard the dough in the fridge overnight so it holds its shape better.")      \
    REPLY("bannetonbob", "Check your hydration too. Anything over seventy-five percent is " \
          "hard to shape, and a slack dough will never hold up on a flat stone.")        \
    REPLY("crumbshot", "Dropped the water to seventy percent and proofed in the fridge, and " \
          "the last two loaves came out tall with an open crumb. Thank you both!")

static const char undeclared_thread[] =
    "<html><head><title>Sourdough keeps collapsing</title></head><body>"
    "<nav><a href=\"/\">Boards</a> <a href=\"/baking\">Baking</a></nav>"
    "<h1>Sourdough keeps collapsing</h1><div id=\"comments\" class=\"comments\">"
    BREAD_REPLIES
    "<form class=\"reply-form\"><textarea name=\"message\"></textarea>"
    "<button>Post reply</button></form></div></body></html>";

START_TEST(undeclared_thread_in_comment_box)
{
    rm_article *a = extract(undeclared_thread);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_uint_eq(a->page_items, 4);
    assert_in_order(a, "rises beautifully", "over-proofing", "open crumb");
    ck_assert_msg(!has(a, "Post reply"), "reply form kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* The same comment box under an article body stays clutter, however long
 * the discussion: prose before it makes the page an article. */
START_TEST(long_comments_under_article_stay_clutter)
{
    const char *html =
        "<html><head><title>Bread prices rise</title></head><body>"
        "<h1>Bread prices rise</h1><p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES
        "</p><p>" SENTENCES "</p><div id=\"comments\" class=\"comments\">"
        BREAD_REPLIES
        REPLY("levain", "Glad it worked. Keep notes on each bake, the flour changes from one "
              "bag to the next and the dough tells you more than any recipe does.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    ck_assert_msg(has(a, "The committee met again"), "article lost:\n%s", a->text);
    ck_assert_msg(!has(a, "over-proofing"), "comment kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* ---- other types ------------------------------------------------------------ */

START_TEST(product_from_schema_and_og_type)
{
    const char *html =
        "<html><head><title>Wool Runner</title><meta property=\"og:type\" content=\"product\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"Product\",\"name\":\"Wool Runner\",\"description\":\"A soft wool shoe.\","
        "\"offers\":{\"@type\":\"Offer\",\"price\":\"98\"}}]}</script></head><body>"
        "<h1>Wool Runner</h1><p>" SENTENCES "</p><button>Add to cart</button></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

/* Customer reviews are a product page's comments; the description stays. */
START_TEST(product_reviews_are_clutter)
{
    const char *html =
        "<html><head><title>Trail Lamp</title><meta property=\"og:type\" content=\"product\">"
        "</head><body><main><h1>Trail Lamp</h1><div class=\"description\"><p>A rechargeable "
        "lamp for camping and hiking, with three brightness levels, a red night mode and a "
        "battery that lasts up to forty hours on the lowest setting.</p><p>The lamp folds flat, "
        "weighs 180 grams and charges over USB-C in about three hours.</p></div>"
        "<section id=\"reviews\"><h2>Customer reviews</h2>"
        "<div itemprop=\"review\" itemscope itemtype=\"https://schema.org/Review\"><p>Bright "
        "enough to read by, and the battery really does last a whole long weekend away.</p></div>"
        "</section></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    ck_assert_msg(has(a, "rechargeable lamp") && has(a, "charges over USB-C"), "description lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Bright enough to read"), "review kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A product page whose visible body is a buy box around a short blurb takes
 * the longer description its JSON-LD Product publishes (markup stripped,
 * entities decoded); a page that shows more text, or shows the description
 * already, keeps its own body. */
#define LAMP_DESCRIPTION                                                                 \
    "&lt;p&gt;A rechargeable lamp for camping and hiking, with three brightness levels, "  \
    "a red night mode and a battery that lasts up to forty hours on the lowest "          \
    "setting.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Folds flat&lt;/li&gt;&lt;li&gt;Weighs 180 "    \
    "grams &amp; charges over USB-C in about three hours&lt;/li&gt;&lt;/ul&gt;"

static const char *lamp_page(char *buf, size_t cap, const char *type, const char *body)
{
    snprintf(buf, cap,
             "<html><head><title>Trail Lamp</title><script type=\"application/ld+json\">"
             "{\"@context\":\"https://schema.org\",\"@type\":\"%s\",\"name\":\"Trail Lamp\","
             "\"description\":\"" LAMP_DESCRIPTION "\",\"offers\":{\"@type\":\"Offer\","
             "\"price\":\"39\"}}</script></head><body><main><h1>Trail Lamp</h1>%s"
             "<p>$39.00</p><select><option>Red</option></select><button>Add to cart</button>"
             "</main></body></html>",
             type, body);
    return buf;
}

START_TEST(product_json_ld_description_when_page_shows_less)
{
    char buf[4096];
    rm_options opt = rm_default_options;
    opt.formats |= RM_FORMAT_HTML;
    const char *html = lamp_page(buf, sizeof buf, "Product",
                                 "<p>Bright, light, ready for the trail, and it folds flat.</p>");
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), &opt, &a);
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    ck_assert_msg(has(a, "rechargeable lamp for camping") && has(a, "grams & charges over USB-C"),
                  "description not used:\n%s", a->text);
    ck_assert_msg(!strchr(a->text, '<'), "markup left in the text:\n%s", a->text);
    ck_assert_msg(!has(a, "Add to cart"), "buy box kept:\n%s", a->text);
    ck_assert_ptr_nonnull(a->html);
    ck_assert_msg(strstr(a->html, "grams &amp; charges"), "html not escaped:\n%s", a->html);
    ck_assert_uint_gt(a->word_count, 30);
    rm_article_free(a);
}
END_TEST

START_TEST(product_json_ld_description_only_when_needed)
{
    char buf[4096];
    /* The page already shows the description. */
    rm_article *a = extract(lamp_page(buf, sizeof buf, "Product",
        "<p>A rechargeable lamp for camping and hiking, with three brightness levels, a red "
        "night mode and a battery that lasts up to forty hours on the lowest setting.</p>"
        "<p>Bright, light, ready for the trail.</p>"));
    ck_assert_msg(has(a, "Bright, light, ready"), "visible body replaced:\n%s", a->text);
    rm_article_free(a);
    /* The page shows much more text of its own. */
    a = extract(lamp_page(buf, sizeof buf, "Product",
        "<p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES "</p>"));
    ck_assert_msg(has(a, "committee met again") && !has(a, "rechargeable"),
                  "longer visible body replaced:\n%s", a->text);
    rm_article_free(a);
    /* An encoded description is data, not prose. */
    char encoded[4096];
    snprintf(encoded, sizeof encoded, "%s", lamp_page(buf, sizeof buf, "Product",
        "<p>Bright, light, ready for the trail, and it folds flat.</p>"));
    char *d = strstr(encoded, "&lt;p&gt;A rechargeable");
    ck_assert_ptr_nonnull(d);
    for (char *c = d; *c != '"'; c++)
        if (*c == ' ')
            memmove(c + 3, c + 1, strlen(c + 1) + 1), memcpy(c, "%20", 3);
    a = extract(encoded);
    ck_assert_msg(!has(a, "rechargeable"), "encoded description used:\n%s", a->text);
    rm_article_free(a);
    /* An article's description is a summary, never its body. */
    a = extract(lamp_page(buf, sizeof buf, "NewsArticle",
        "<p>Bright, light, ready for the trail, and it folds flat.</p>"));
    ck_assert_msg(!has(a, "rechargeable"), "article body replaced:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Many Product items are a catalogue, not one product. */
START_TEST(many_products_make_a_collection)
{
    const char *html =
        "<html><head><title>Sneakers</title><script type=\"application/ld+json\">"
        "{\"@type\":\"ItemList\",\"itemListElement\":[{\"@type\":\"Product\",\"name\":\"A\"},"
        "{\"@type\":\"Product\",\"name\":\"B\"},{\"@type\":\"Product\",\"name\":\"C\"},"
        "{\"@type\":\"Product\",\"name\":\"D\"}]}</script></head><body><h1>Sneakers</h1>"
        "<p>" SENTENCES "</p></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    rm_article_free(a);
}
END_TEST

/* schema.org's SomeProducts is "a placeholder for multiple similar
 * products of the same kind": a shop's product grid marked with it makes
 * the page a collection, though no card of it is found and the page
 * speaks in prose. */
START_TEST(some_products_make_a_collection)
{
    const char *html =
        "<html><head><title>Carry-on luggage</title></head><body><h1>Carry-on luggage</h1>"
        "<p>" SENTENCES "</p><div itemscope itemtype=\"http://schema.org/SomeProducts\">"
        "<span>Spinner 55</span> <span>Spinner 40</span></div></body></html>";
    assert_type_at(html, NULL, "collection");
}
END_TEST

START_TEST(tech_article_is_documentation)
{
    const char *html =
        "<html><head><title>Configuring the cache</title><script type=\"application/ld+json\">"
        "{\"@context\":\"https://schema.org\",\"@type\":\"TechArticle\"}</script></head><body>"
        "<h1>Configuring the cache</h1><p>" SENTENCES "</p><pre><code>cache.size = 512\n"
        "cache.ttl = 60</code></pre></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "documentation");
    ck_assert_msg(has(a, "cache.size = 512"), "code lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A page whose generator meta tag names forum software is part of a forum,
 * even when it is signed and shows only its first post (a thread the
 * browser would draw from a script); other generators say nothing. */
#define GENERATED_BY(generator)                                                           \
    "<html><head><title>Onions</title><meta name=\"generator\" content=\"" generator "\">" \
    "<meta property=\"article:published_time\" content=\"2024-05-02T10:00:00Z\"></head>"   \
    "<body><p>" SENTENCES "</p></body></html>"

START_TEST(forum_software_generator_votes)
{
    assert_type_at(GENERATED_BY("Discourse 3.4.0 - https://github.com/discourse"), NULL, "forum");
    assert_type_at(GENERATED_BY("vBulletin 4.2.5"), NULL, "forum");
    assert_type_at(GENERATED_BY("WordPress 6.5"), NULL, "article");
}
END_TEST

/* A page of prose that declares nothing: only its URL can say more. */
static const char plain_page[] =
    "<html><head><title>Onions</title></head><body><h1>Onions</h1><p>" SENTENCES
    "</p></body></html>";

START_TEST(url_path_words_vote)
{
    assert_type_at(plain_page, "https://example.org/forums/threads/onions.123/", "forum");
    assert_type_at(plain_page, "https://example.org/blog/onions", "article");
}
END_TEST

/* A site's manual on a host of its own ("docs.example.com") is
 * documentation, a page of prose though it is; the same path on the
 * site's main host, or a host merely named "docs", says nothing. */
START_TEST(docs_host_is_documentation)
{
    assert_type_at(plain_page, "https://docs.example.com/auth/sessions", "documentation");
    assert_type_at(plain_page, "https://forum.example.org/t/onions/123", "forum");
    assert_type_at(plain_page, "https://www.example.com/auth/sessions", "article");
    assert_type_at(plain_page, "http://docs/auth/sessions", "article");
}
END_TEST

/* A shop's browse tree ("/browse/shoes/mens/sneakers") holds its category
 * pages, as "/category/" and "/collections/" do. */
START_TEST(browse_path_is_a_collection)
{
    assert_type_at(plain_page, "https://shop.example/browse/shoes/mens/sneakers", "collection");
}
END_TEST

#define CARD(n)                                                                         \
    "<div class=\"card\"><h3><a href=\"/news/" #n "\">Headline number " #n " about the "  \
    "town</a></h3><p>A short summary of story " #n ".</p></div>"

START_TEST(card_grid_is_a_listing)
{
    const char *html =
        "<html><head><title>News</title></head><body><h1>News</h1><div class=\"grid\">"
        CARD(1) CARD(2) CARD(3) CARD(4) CARD(5) CARD(6) CARD(7) CARD(8)
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    ck_assert_uint_eq(a->page_items, 8);
    ck_assert_msg(has(a, "Headline number 1") && has(a, "Headline number 8"), "cards lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A page that declares itself a CollectionPage and shows its grid of
 * cards beside a longer guide still counts the cards as its items. */
START_TEST(declared_index_counts_its_cards)
{
    const char *html =
        "<html><head><title>Town news</title><script type=\"application/ld+json\">"
        "{\"@context\":\"https://schema.org\",\"@type\":\"CollectionPage\"}</script></head>"
        "<body><h1>Town news</h1><p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES
        "</p><p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES "</p><div class=\"grid\">"
        CARD(1) CARD(2) CARD(3) CARD(4) CARD(5) CARD(6) "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_uint_eq(a->page_items, 6);
    rm_article_free(a);
}
END_TEST


/* The same grid with a price on every card is a catalogue. */
#define PRICED_CARD(n)                                                                 \
    "<div class=\"card\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"   \
    "<h3><a href=\"/p/" #n "\">Wool socks, style " #n "</a></h3><p>Merino blend, sizes "     \
    "S to XL.</p><span class=\"price\">$1" #n ".00</span></div>"

START_TEST(priced_card_grid_is_a_collection)
{
    const char *html =
        "<html><head><title>Socks</title></head><body><h1>Socks</h1><div class=\"grid\">"
        PRICED_CARD(1) PRICED_CARD(2) PRICED_CARD(3) PRICED_CARD(4) PRICED_CARD(5)
        PRICED_CARD(6) PRICED_CARD(7) PRICED_CARD(8)
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_msg(has(a, "style 1") && has(a, "style 8"), "cards lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* The same catalogue as React renders it: the currency sign and the number
 * are separate text runs ("$<!-- -->19.00"), still one price each. */
#define SPLIT_PRICED_CARD(n)                                                           \
    "<div class=\"card\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"   \
    "<h3><a href=\"/p/" #n "\">Wool socks, style " #n "</a></h3><p>Merino blend, sizes "     \
    "S to XL.</p><span class=\"price\">$<!-- -->1" #n ".00</span></div>"

START_TEST(split_priced_card_grid_is_a_collection)
{
    const char *html =
        "<html><head><title>Socks</title></head><body><h1>Socks</h1><div class=\"grid\">"
        SPLIT_PRICED_CARD(1) SPLIT_PRICED_CARD(2) SPLIT_PRICED_CARD(3) SPLIT_PRICED_CARD(4)
        SPLIT_PRICED_CARD(5) SPLIT_PRICED_CARD(6) SPLIT_PRICED_CARD(7) SPLIT_PRICED_CARD(8)
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "collection");
    ck_assert_msg(has(a, "style 1") && has(a, "style 8"), "cards lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A product page's own buy box beside a shelf of other products, each
 * with its own button: the buttons in the shelf (the page's card grid)
 * buy the cards, and the one or two outside it, before the shelf and in
 * a sticky bar after it, make the page the product's. Four outside it
 * are a catalogue's. */
#define SHELF_CARD(n)                                                                  \
    "<div class=\"card\"><a href=\"/p/" #n "\"><img src=\"/i/" #n ".jpg\" alt=\"\"></a>"   \
    "<h3><a href=\"/p/" #n "\">Trail sock " #n "</a></h3><button>Add to cart</button></div>"
#define SHELF SHELF_CARD(1) SHELF_CARD(2) SHELF_CARD(3) SHELF_CARD(4) SHELF_CARD(5) SHELF_CARD(6)
#define SHOP_PAGE_HEAD                                                                  \
    "<html><head><title>Wool Runner</title></head><body><h1>Wool Runner</h1><p>" SENTENCES \
    "</p><p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES "</p>"

START_TEST(buy_box_beside_a_shelf_of_buttons_is_a_product)
{
    const char *html =
        SHOP_PAGE_HEAD
        "<button>Add to cart</button><div class=\"shelf\">" SHELF "</div>"
        "<div class=\"sticky\"><button>Add to cart</button></div></body></html>";
    assert_type_at(html, NULL, "product");
}
END_TEST

START_TEST(buttons_before_and_after_a_shelf_all_count)
{
    const char *html =
        SHOP_PAGE_HEAD
        "<button>Add to cart</button><button>Add to cart</button><div class=\"shelf\">" SHELF
        "</div><div class=\"sticky\"><button>Add to cart</button><button>Add to cart</button>"
        "</div></body></html>";
    assert_type_at(html, NULL, "collection");
}
END_TEST

START_TEST(page_type_in_json)
{
    rm_article *a = extract(thread_page);
    cJSON *json = rm_article_to_json(a);
    ck_assert_ptr_nonnull(json);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(json, "page_type");
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(json, "page_items");
    ck_assert(cJSON_IsString(type));
    ck_assert_str_eq(type->valuestring, "forum");
    ck_assert(cJSON_IsNumber(items));
    ck_assert_int_eq(items->valueint, 3);
    cJSON_Delete(json);
    rm_article_free(a);
}
END_TEST


/* Nobody signed it and its text is no prose: short blocks under headings,
 * mostly words, make a landing page; mostly links, an index. A signed
 * page of the same shape stays an article. */
static const char landing_page[] =
    "<html><head><title>Window cleaning</title></head><body><main>"
    "<h1>Window cleaning</h1><p>Streak-free windows, every month.</p>"
    "<h2>Homes</h2><p>Inside and out, frames and sills included.</p>"
    "<h2>Offices</h2><p>Before opening hours, with insured staff.</p>"
    "<h2>Prices</h2><p>From 25 euros a visit, no contract.</p>"
    "<a href=\"/quote\">Get a quote</a></main></body></html>";

START_TEST(unsigned_sections_are_a_service_page)
{
    rm_article *a = extract(landing_page);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    rm_article_free(a);
}
END_TEST

START_TEST(unsigned_link_lists_are_a_listing)
{
    const char *html =
        "<html><head><title>Archive</title></head><body><h1>Archive</h1>"
        "<h2>March</h2><ul><li><a href=\"/1\">Spring planting begins on the allotments</a></li>"
        "<li><a href=\"/2\">Council approves the new cycle lane</a></li></ul>"
        "<h2>February</h2><ul><li><a href=\"/3\">Library extends its opening hours</a></li>"
        "<li><a href=\"/4\">Flood defences finished ahead of time</a></li></ul>"
        "<h2>January</h2><ul><li><a href=\"/5\">Market square reopens after repairs</a></li></ul>"
        "</body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "listing");
    rm_article_free(a);
}
END_TEST

START_TEST(signed_sections_stay_an_article)
{
    char html[2048];
    snprintf(html, sizeof html, "%s", landing_page);
    char *head = strstr(html, "</head>");
    const char byline[] = "<meta name=\"author\" content=\"Ann Smith\">";
    memmove(head + strlen(byline), head, strlen(head) + 1);
    memcpy(head, byline, strlen(byline));
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* ---- sections, fallback, noscript ------------------------------------------ */

/* A landing page: hero, features and FAQ are sibling sections of <main>;
 * no one section holds half of the text, so all of them are kept. */
START_TEST(sections_are_assembled)
{
    const char *html =
        "<html><head><title>Garden design</title></head><body><nav><a href=\"/\">Home</a></nav>"
        "<main><section class=\"hero\"><h1>Garden design</h1><p>We plan, plant and look after "
        "gardens of every size, from a balcony to a country estate, all year round.</p></section>"
        "<section class=\"features\"><h2>What we do</h2><p>Planting plans drawn to your soil, "
        "light and budget, with plants chosen to flower from spring to late autumn.</p>"
        "<p>Hard landscaping, paths, terraces and walls, built by our own team.</p></section>"
        "<section class=\"faq\"><h2>Questions</h2><p>How long does a design take? Most plans "
        "are ready within three weeks of the first visit, and planting follows.</p></section>"
        "</main><footer><p>Garden Co. All rights reserved.</p></footer></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "balcony") && has(a, "Planting plans") && has(a, "three weeks"),
                  "sections missing:\n%s", a->text);
    ck_assert_msg(!has(a, "All rights reserved"), "footer kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST


/* A signed page without <main> whose wrapper holds a story and, beside it,
 * a list of offers with twice its text: the wrapper is the content, as the
 * story holds under a third of it. */
#define OFFER(name)                                                                    \
    "<li><b>" name "</b> Our " name " team works in small groups beside your own people "  \
    "from the first week to the last and hands over every tool and every document so "   \
    "the work goes on well after we leave.</li>"

START_TEST(signed_sections_without_main_are_assembled)
{
    const char *html =
        "<html><head><title>Consulting</title><meta name=\"author\" content=\"Ann Smith\">"
        "</head><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>"
        "<div class=\"page\"><div class=\"story\"><h1>Consulting</h1><p>" SENTENCES
        "</p><p>" SENTENCES "</p><p>" SENTENCES "</p><p>" SENTENCES "</p></div><ul>"
        OFFER("strategy") OFFER("operations") OFFER("technology") OFFER("people")
        OFFER("finance") OFFER("risk") OFFER("pricing") OFFER("supply chain")
        OFFER("tax") OFFER("audit") OFFER("data") OFFER("security")
        "</ul></div><footer><p>Consult Co. All rights reserved.</p></footer></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "The committee met again") && has(a, "Our strategy team") &&
                  has(a, "Our security team"), "sections missing:\n%s", a->text);
    ck_assert_msg(!has(a, "All rights reserved"), "footer kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A landing page from a page builder: every block is a "widget" (a
 * negative class word to Readability), the stats are a few words each and
 * the feature cards end in links. Readability's cleaning keeps the
 * opening paragraph and takes the rest, most of the text; the page is
 * cleaned again block by block, keeping what is mostly words and dropping
 * what is mostly links. */
#define WIDGET(inner) "<div class=\"elementor-widget elementor-widget-text\"><div class=\"elementor-widget-container\">" inner "</div></div>"

START_TEST(builder_sections_are_cleaned_by_their_own_links)
{
    const char *html =
        "<html><head><title>Payroll that runs itself</title></head><body>"
        "<div class=\"page-content\"><h1>Payroll that runs itself</h1>"
        "<p>Pay every employee on time, in every state, without spreadsheets. " SENTENCES
        " " SENTENCES " " SENTENCES "</p>"
        WIDGET("<div class=\"stat\"><strong>65%</strong> less time on payroll</div>")
        WIDGET("<div class=\"stat\"><strong>3x</strong> faster onboarding</div>")
        WIDGET("<div class=\"stat\"><strong>24/7</strong> support from people</div>")
        WIDGET("<h3>Automatic tax filing</h3><div>We file and pay federal, state and local "
               "taxes for you, and keep every form on record.</div><a href=\"/tax\">Learn more</a>")
        WIDGET("<h3>Benefits in one place</h3><div>Health, dental and retirement plans, "
               "deducted right from every paycheck.</div><a href=\"/benefits\">Learn more</a>")
        WIDGET("<h3>Time off that adds up</h3><div>Holidays and sick days accrue by your "
               "own policy, and show on every payslip.</div><a href=\"/time\">Learn more</a>")
        WIDGET("<h3>Reports for your accountant</h3><div>Ledger exports in the format your "
               "books already use, each month.</div><a href=\"/reports\">Learn more</a>")
        WIDGET("<blockquote>We closed our books two days sooner every month.</blockquote>"
               "<a href=\"/stories\">Read the story</a>")
        WIDGET("<ul><li><a href=\"/a\">Pricing</a></li><li><a href=\"/b\">Integrations</a></li>"
               "<li><a href=\"/c\">Partners</a></li><li><a href=\"/d\">Careers</a></li></ul>")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "without spreadsheets") && has(a, "less time on payroll") &&
                  has(a, "faster onboarding") && has(a, "file and pay federal") &&
                  has(a, "retirement plans") && has(a, "two days sooner"),
                  "sections lost:\n%s", a->text);
    ck_assert_msg(!has(a, "Integrations"), "link list kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A page made only of short linked items (nothing a scorer would take)
 * still has a body: the densest region, and readerable false. */
START_TEST(never_empty_when_text_is_visible)
{
    const char *html =
        "<html><head><title>Opening hours</title></head><body>"
        "<div class=\"sidebar\"><span>Mon-Fri 9-17</span><br><span>Sat 10-14</span><br>"
        "<span>Closed on Sundays</span></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "Closed on Sundays"), "empty body: '%s'", a->text);
    ck_assert(!a->readerable);
    rm_article_free(a);
}
END_TEST


/* A page that streams its content into a hidden segment for a script to
 * reveal, and shows nothing else: the segment is the body, rendered
 * although the page hides it. */
START_TEST(never_empty_when_text_waits_for_a_script)
{
    const char *html =
        "<html><head><title>Minutes</title></head><body><div id=\"root\">Loading…</div>"
        "<div hidden id=\"S:1\"><article><p>" SENTENCES "</p><p>" SENTENCES "</p></article></div>"
        "</body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "The committee met again"), "empty body: '%s'", a->text);
    ck_assert(!a->readerable);
    rm_article_free(a);
}
END_TEST

START_TEST(noscript_shell_is_read)
{
    const char *html =
        "<html><head><title>Thread</title></head><body><div id=\"app\">Loading…</div>"
        "<noscript><div class=\"post\"><p>" SENTENCES "</p><p>" SENTENCES "</p></div></noscript>"
        "</body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(has(a, "The committee met again"), "noscript content lost: '%s'", a->text);
    rm_article_free(a);
}
END_TEST


/* On a page read from its <noscript> blocks, text beside a block in the
 * same container stays: the container is split around the block, not
 * replaced by it. */
START_TEST(noscript_shell_keeps_text_beside_the_block)
{
    const char *html =
        "<html><head><title>Harbour board</title></head><body><main>"
        "<section><p>Welcome back: the harbour board publishes its minutes every month, "
        "and the agenda a week before each meeting.</p></section>"
        "<section><noscript><div class=\"item\"><p>" SENTENCES "</p></div>"
        "<div class=\"item\"><p>" SENTENCES "</p></div></noscript></section>"
        "<section><p>Questions about the minutes go to the board secretary by letter, "
        "or to the harbour office in person.</p></section>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_in_order(a, "publishes its minutes", "The committee met again", "board secretary");
    rm_article_free(a);
}
END_TEST

/* The shell of a single-page app whose only text is the <noscript> notice
 * asking for scripts: the notice is no content, so there is no article and
 * the body is empty rather than the notice. */
START_TEST(script_notice_alone_is_no_article)
{
    const char *html =
        "<html><head><title>Shop</title></head><body>"
        "<noscript>You need to enable JavaScript to run this app.</noscript>"
        "<div id=\"root\"></div><script>start()</script></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(a->text[0] == '\0', "notice taken for the page: '%s'", a->text);
    ck_assert(!a->readerable);
    rm_article_free(a);
}
END_TEST

/* Ordinary pages never read their <noscript> fallbacks. */
START_TEST(noscript_ignored_on_ordinary_pages)
{
    const char *html =
        "<html><head><title>Vote</title></head><body><article><h1>Vote</h1><p>" SENTENCES
        "</p><p>" SENTENCES "</p><noscript><p>Please enable JavaScript.</p></noscript>"
        "</article></body></html>";
    rm_article *a = extract(html);
    ck_assert_msg(!has(a, "enable JavaScript"), "noscript rendered:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

static Suite *pagetype_suite(void)
{
    Suite *s = suite_create("pagetype");
    TCase *tc = tcase_create("pagetype");
    tcase_add_test(tc, type_names_are_stable);
    tcase_add_test(tc, forum_keeps_every_post_in_order);
    tcase_add_test(tc, forum_posts_are_signed_and_controls_go);
    tcase_add_test(tc, forum_member_rows_and_post_numbers_go);
    tcase_add_test(tc, forum_posts_linked_by_number_are_a_thread);
    tcase_add_test(tc, reference_list_is_no_thread);
    tcase_add_test(tc, forum_quotes_of_earlier_posts_go);
    tcase_add_test(tc, forum_repeated_post_text_goes);
    tcase_add_test(tc, qa_microdata_keeps_question_and_answers);
    tcase_add_test(tc, qa_question_item_holding_answers_keeps_the_question);
    tcase_add_test(tc, qa_closing_ask_box_goes);
    tcase_add_test(tc, qa_remarks_on_posts_go);
    tcase_add_test(tc, article_comments_stay_clutter);
    tcase_add_test(tc, undeclared_thread_in_comment_box);
    tcase_add_test(tc, long_comments_under_article_stay_clutter);
    tcase_add_test(tc, product_from_schema_and_og_type);
    tcase_add_test(tc, product_reviews_are_clutter);
    tcase_add_test(tc, product_json_ld_description_when_page_shows_less);
    tcase_add_test(tc, product_json_ld_description_only_when_needed);
    tcase_add_test(tc, many_products_make_a_collection);
    tcase_add_test(tc, some_products_make_a_collection);
    tcase_add_test(tc, tech_article_is_documentation);
    tcase_add_test(tc, url_path_words_vote);
    tcase_add_test(tc, browse_path_is_a_collection);
    tcase_add_test(tc, docs_host_is_documentation);
    tcase_add_test(tc, forum_software_generator_votes);
    tcase_add_test(tc, card_grid_is_a_listing);
    tcase_add_test(tc, buy_box_beside_a_shelf_of_buttons_is_a_product);
    tcase_add_test(tc, buttons_before_and_after_a_shelf_all_count);
    tcase_add_test(tc, declared_index_counts_its_cards);
    tcase_add_test(tc, priced_card_grid_is_a_collection);
    tcase_add_test(tc, split_priced_card_grid_is_a_collection);
    tcase_add_test(tc, unsigned_sections_are_a_service_page);
    tcase_add_test(tc, unsigned_link_lists_are_a_listing);
    tcase_add_test(tc, signed_sections_stay_an_article);
    tcase_add_test(tc, page_type_in_json);
    tcase_add_test(tc, sections_are_assembled);
    tcase_add_test(tc, signed_sections_without_main_are_assembled);
    tcase_add_test(tc, builder_sections_are_cleaned_by_their_own_links);
    tcase_add_test(tc, never_empty_when_text_is_visible);
    tcase_add_test(tc, never_empty_when_text_waits_for_a_script);
    tcase_add_test(tc, noscript_shell_is_read);
    tcase_add_test(tc, noscript_shell_keeps_text_beside_the_block);
    tcase_add_test(tc, noscript_ignored_on_ordinary_pages);
    tcase_add_test(tc, script_notice_alone_is_no_article);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(pagetype_suite)
