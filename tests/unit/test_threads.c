/*
 * test_threads.c — how a thread is assembled from its parts on small
 * hand-written pages: an opening post that outweighs its replies, the
 * replies in a list of their own below it. The page says it is a forum
 * (generator, path); its posts are the opening post and every reply.
 */
#include "page_checks.h"

/* A discussion package's layout: the opening post in a box of its own,
 * then a "Comments" list of replies, each signed with a <time>. */
#define OPENING_POST                                                                          \
    "<div class=\"MessageList Discussion\"><div id=\"Discussion_7\" class=\"Item "            \
    "ItemDiscussion\"><div class=\"DiscussionHeader\"><a href=\"/profile/linc\">linc</a> "    \
    "<time datetime=\"2025-03-01T10:00:00Z\">March 2025</time></div>"                        \
    "<div class=\"Message userContent\">"                                                     \
    "<p>After nine years we are closing the open source edition of the forum package. The "  \
    "last release stays available, but no further security fixes will be published, and "   \
    "the plugin directory will be archived at the end of the quarter.</p>"                   \
    "<p>Sites that run it should plan a move: the export tool writes every discussion, "     \
    "member and attachment to a single archive that the other packages can import, and "     \
    "the redirects keep old links working for search engines and bookmarks.</p>"             \
    "<p>Thank you to everyone who sent patches, translations and bug reports over the "      \
    "years; the project would not have lasted this long without you.</p></div></div></div>"

#define REPLY(n, author, text)                                                                \
    "<li class=\"Item ItemComment\" id=\"Comment_" n "\"><div class=\"Comment\">"            \
    "<div class=\"CommentHeader\"><a href=\"/profile/" author "\">" author "</a> "           \
    "<a href=\"/discussion/comment/" n "/#Comment_" n "\"><time datetime=\"2025-03-0"        \
    n "T19:40:00Z\">March 2025</time></a></div>"                                              \
    "<div class=\"Message userContent\"><p>" text "</p></div></div></li>"

START_TEST(replies_below_a_longer_opening_post_stay)
{
    const char *html =
        "<html><head><title>Closing the open source edition</title>"
        "<meta name=\"generator\" content=\"Vanilla 3.3\"></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/categories\">Categories</a></nav>"
        "<div id=\"Content\"><h1>Closing the open source edition</h1>"
        OPENING_POST
        "<div class=\"CommentsWrap\"><h2 class=\"CommentHeading\">Comments</h2>"
        "<ul class=\"MessageList DataList Comments\">"
        REPLY("4", "kay", "Really sad, but I think we all saw it coming. Good luck with the next thing.")
        REPLY("5", "mcrouse", "We are still evaluating the options and will share more as soon as we can.")
        REPLY("6", "linc", "My post was strictly factual: nothing was announced to the community.")
        "</ul></div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_uint_eq(a->page_items, 3);
    assert_has(a, "After nine years we are closing");
    assert_has(a, "Really sad, but I think we all saw it coming.");
    assert_has(a, "We are still evaluating the options");
    assert_has(a, "My post was strictly factual");
    rm_article_free(a);
}
END_TEST

/* A short post that carries its own share menu (hidden until a click,
 * removed as a menu) is no share bar once that menu is gone: the share
 * links a box holds count only while they are still on the page. */
#define SHARED_POST(n, author, text)                                                           \
    "<article id=\"elComment_" n "\" class=\"cPost ipsComment\"><aside class=\"cAuthorPane\">"   \
    "<strong><a href=\"/profile/" n "-" author "/\">" author "</a></strong></aside>"           \
    "<div class=\"ipsComment_content\"><div class=\"ipsComment_meta\"><a href=\"/topic/9/"   \
    "?do=findComment&amp;comment=" n "\">Posted <time datetime=\"2025-08-26T04:33:04Z\">"     \
    "August 26</time></a><ul class=\"share-menu\">"                                                \
    "<li><a href=\"https://www.facebook.com/sharer/sharer.php?u=/c" n "\">Facebook</a></li>" \
    "<li><a href=\"https://twitter.com/share?url=/c" n "\">X</a></li>"                       \
    "<li><a href=\"https://www.reddit.com/submit?url=/c" n "\">Reddit</a></li></ul></div>"   \
    "<div class=\"cPost_contentWrap\"><p>" text "</p></div></div></article>"

START_TEST(short_posts_with_share_menus_stay)
{
    const char *html =
        "<html><head><title>Best camera for photography</title>"
        "<meta name=\"generator\" content=\"Invision Community\"></head><body>"
        "<h1>Best camera for photography</h1><div data-role=\"commentFeed\">"
        SHARED_POST("31", "joe", "I am in the market for the best camera for photography, "
                    "and I would like some advice before pulling the trigger. My priorities are "
                    "image quality, reliability and a body that is pleasant to carry all day. "
                    "After reading reviews, two models stand out: a mirrorless full-frame body "
                    "with fast autofocus and stabilisation, and a rangefinder with a quiet "
                    "shutter and a simple, refined design. I will mostly shoot portraits, "
                    "cityscapes and everyday life. Which would you recommend? Any personal "
                    "experience would be greatly appreciated.")
        SHARED_POST("45", "steve", "First, there is no best. Next, budget comes into play: "
                    "put together a wish list and rent both for a weekend before you buy.")
        SHARED_POST("57", "ning", "The best camera is the one you have with you.")
        SHARED_POST("72", "frozen", "Does an AI really need a camera?")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "pulling the trigger");
    assert_has(a, "there is no best");
    assert_has(a, "The best camera is the one you have with you.");
    assert_has(a, "Does an AI really need a camera?");
    assert_lacks(a, "Reddit");
    rm_article_free(a);
}
END_TEST

/* A theme that draws the opening post apart, in a card of its own above
 * the box of replies, anchors it like them ("js-post-101" before a box of
 * "js-post-102" ...): it is the thread's first post, kept with the replies. */
#define NESTED_REPLY(n, author, text)                                                          \
    "<article class=\"js-post nested-message\" id=\"js-post-" n "\" itemscope "             \
    "itemprop=\"comment\" itemtype=\"https://schema.org/Comment\"><div class=\"user\">"     \
    "<a href=\"/members/" author "." n "/\">" author "</a> <time datetime=\"2023-08-06\">"   \
    "Aug 6, 2023</time></div><div class=\"bbWrapper\">" text "</div></article>"

START_TEST(opening_post_apart_from_replies_stays)
{
    const char *html =
        "<html><head><title>Beginner woodworking projects</title></head><body>"
        "<div class=\"p-body\"><h1>Beginner woodworking projects</h1>"
        "<div class=\"thread-start\"><div class=\"MessageCard js-post\" id=\"js-post-101\">"
        "<div class=\"user\"><a href=\"/members/schotrirl.7/\">Schotrirl</a></div>"
        "<div class=\"bbWrapper\">New here and keen to get into the hobby properly. Any good "
        "beginner projects?</div></div></div>"
        "<div class=\"block\"><div class=\"block-container\"><div class=\"block-body\">"
        NESTED_REPLY("102", "frank", "Start with a workbench: every later project needs one, and "
                     "it forgives the mistakes, the gaps and the wobbles a first build always has. "
                     "Buy a good square first, then a sharp chisel, and take your time.")
        NESTED_REPLY("103", "agnostic", "A cutting board teaches you glue-ups, flattening and "
                     "finishing on something small, cheap and quick, and it makes a welcome "
                     "present afterwards, for family, friends or neighbours.")
        NESTED_REPLY("104", "fishin", "Build a simple step stool from one board: it teaches "
                     "measuring, marking, square cuts and screws, and the plans, with drawings, "
                     "cut lists and photos, are free on many sites.")
        NESTED_REPLY("105", "bob", "Shop furniture first: a sharpening station, a wall rack for "
                     "clamps, a sawhorse pair. Each one is practice, each one is useful, and "
                     "nobody minds if the joints are ugly.")
        "</div></div></div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "keen to get into the hobby properly");
    assert_has(a, "Start with a workbench");
    assert_has(a, "A cutting board teaches you glue-ups");
    assert_has(a, "Shop furniture first");
    rm_article_free(a);
}
END_TEST

/* The member cell beside a post (name, title, join date and message count
 * behind icons, a location link) goes with conditional cleaning, but the
 * poster's name in it stays: a profile link the markup calls the name (in
 * a heading here). */
#define MEMBER_CELL_POST(n, author, text)                                                      \
    "<article class=\"message message--post\" id=\"js-post-" n "\"><div class=\"message-user\">" \
    "<h4 class=\"message-name\"><a href=\"/members/" author "." n "/\">" author "</a></h4>"    \
    "<span>32,904</span> <span>2,110</span> <a href=\"/misc/location-info?location=CT\">"      \
    "Connecticut</a> <a href=\"/help/badges\">12 badges</a></div>"                           \
    "<div class=\"message-main\"><a href=\"/threads/giygas.9/post-" n "\">"                    \
    "<time datetime=\"2025-03-27\">Mar 27, 2025</time></a><div class=\"bbWrapper\">" text     \
    "</div></div></article>"

START_TEST(poster_names_stay_when_their_cell_goes)
{
    const char *html =
        "<html><head><title>Go fight Giygas</title><meta name=\"generator\" content=\"XenForo\">"
        "</head><body><h1>Go fight Giygas</h1>"
        "<div class=\"block-body\">"
        MEMBER_CELL_POST("11", "Poltergust", "Do I unlock latent psychic powers throughout my "
                         "journey? Because if not then I would rather just leave Earth to its fate.")
        MEMBER_CELL_POST("12", "BassForever", "We are done for, all of us, and my friends would "
                         "be the first to run, long before the final battle even started.")
        MEMBER_CELL_POST("13", "CaveGhost", "You should find out as you go along, and with a "
                         "baseball bat and a frying pan you are better armed than you think.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Poltergust");
    assert_has(a, "BassForever");
    assert_has(a, "CaveGhost");
    assert_has(a, "We are done for");
    assert_lacks(a, "Connecticut");
    rm_article_free(a);
}
END_TEST

/* A board's own member fields, as label/value rows under the poster's
 * name ("Member Type", "Native Language", "Home Country"), are facts about
 * the member, not the post: they go, the name and the post stay. */
#define FIELDS_POST(n, author, country, text)                                                  \
    "<article class=\"message\" id=\"js-post-" n "\"><div class=\"message-user\">"          \
    "<a href=\"/members/" author "." n "/\">" author "</a><div class=\"extras\">"             \
    "<dl class=\"pairs\"><dt>Member Type</dt><dd>Student or Learner</dd></dl>"               \
    "<dl class=\"pairs\"><dt>Home Country</dt><dd>" country "</dd></dl></div></div>"         \
    "<div class=\"message-main\"><time datetime=\"2010-02-20\">Feb 20, 2010</time>"          \
    "<div class=\"bbWrapper\"><p>" text "</p></div></div></article>"

START_TEST(member_fields_beside_posts_go)
{
    const char *html =
        "<html><head><title>Car rental or car rent?</title>"
        "<meta name=\"generator\" content=\"XenForo\"></head><body>"
        "<h1>Car rental or car rent?</h1><div class=\"block-body\">"
        FIELDS_POST("1", "tomas", "Spain", "Which is right for the name of a course: an English "
                    "course in car rental, or an English course in car rent?")
        FIELDS_POST("2", "raton", "Portugal", "I would rather say an English course for car "
                    "rental staff, since the course is for the people who do the renting.")
        FIELDS_POST("3", "bananow", "Germany", "Car rental is the usual name of the business, "
                    "and car hire in Britain; nobody says car rent for it.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "tomas");
    assert_has(a, "Which is right for the name of a course");
    assert_has(a, "nobody says car rent for it");
    assert_lacks(a, "Member Type");
    assert_lacks(a, "Student or Learner");
    assert_lacks(a, "Portugal");
    rm_article_free(a);
}
END_TEST

/* A three-post thread with a box of statistics after its opening post. */
#define ROADMAP_THREAD(stats)                                                                 \
    "<html><head><title>Roadmap discussion</title>"                                          \
    "<meta name=\"generator\" content=\"Invision Community\"></head><body>"                  \
    "<h1>Roadmap discussion</h1><div class=\"feed\">"                                        \
    REPLY("1", "paul", "Is there a public roadmap for the next releases? I would like to "   \
          "know whether the member areas get the overhaul that was announced.")              \
    stats                                                                                     \
    REPLY("2", "ann", "There is no public roadmap, but the team posts what ships in the "    \
          "release notes every month, and the member areas are on the list.")                \
    REPLY("3", "kay", "The overhaul was announced for the spring release; watch the "        \
          "announcements forum, where the beta opens first.")                                \
    "</div></body></html>"

/* The roadmap thread read as a forum, its question and answer kept: what
 * every test of its furniture asks first. */
static rm_article *extract_roadmap(const char *html)
{
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Is there a public roadmap");
    assert_has(a, "There is no public roadmap");
    return a;
}

/* The statistics a forum shows over a thread (replies, views, when it was
 * created and last answered) are about the thread, not said in it. */
START_TEST(thread_statistics_go)
{
    const char *html = ROADMAP_THREAD(
        "<div class=\"cTopicOverview\"><ul class=\"stats\"><li><span>Replies</span> "
        "<span>154</span></li><li><span>Views</span> <span>26.2k</span></li><li><span>Created"
        "</span> <span>1 yr</span></li><li><span>Last Reply</span> <span>Sep 26</span></li>"
        "</ul></div>");
    rm_article *a = extract_roadmap(html);
    assert_lacks(a, "26.2k");
    assert_lacks(a, "Last Reply");
    rm_article_free(a);
}
END_TEST

/* A Q&A site's line of the same by the question (when it was asked and
 * last modified, how often viewed) goes too. */
START_TEST(question_statistics_go)
{
    const char *html = ROADMAP_THREAD(
        "<div class=\"d-flex\"><div class=\"flex--item\"><span>Asked</span> <time "
        "datetime=\"2019-03-26\">6 years, 9 months ago</time></div>\n<div class=\"flex--item\">"
        "<span>Viewed</span> 3k times</div></div>");
    rm_article *a = extract_roadmap(html);
    assert_lacks(a, "3k times");
    assert_lacks(a, "9 months ago");
    rm_article_free(a);
}
END_TEST

/* The boxes of a thread's overview rank its members and posts ("Top
 * Posters In This Topic", "Most Popular Posts" with an excerpt of each):
 * they go whole, headings and excerpts, and the posts stay. */
START_TEST(thread_overview_boxes_go)
{
    const char *html = ROADMAP_THREAD(
        "<div class=\"overview\"><div class=\"overview-item\"><h4>Top Posters In This Topic"
        "</h4><ul><li><a href=\"/profile/paul\">paul</a> <span>56 posts</span></li><li><a "
        "href=\"/profile/ann\">ann</a> <span>29 posts</span></li></ul></div>"
        "<div class=\"overview-item\"><h4>Most Popular Posts</h4><ul><li><h5>kay</h5><p><a "
        "href=\"/discussion/comment/3/#Comment_3\">March 2025</a></p><div>The overhaul was "
        "announced for the spring release; watch the announcements forum, where the be"
        "</div></li></ul></div></div>");
    rm_article *a = extract_roadmap(html);
    assert_has(a, "where the beta opens first");
    assert_lacks(a, "Top Posters");
    assert_lacks(a, "Most Popular Posts");
    assert_lacks(a, "where the be\n");
    rm_article_free(a);
}
END_TEST

/* The notice a board shows a reader who is not signed in goes; a member
 * who writes of having read as a guest before signing up stays. */
START_TEST(guest_notices_go)
{
    const char *html = ROADMAP_THREAD(
        "<div class=\"notice\">You're browsing the boards as a guest. <a href=\"/register\">"
        "Sign Up</a> for free (or <a href=\"/login\">Log In</a> if you already have an "
        "account) to be able to post messages and view media in posts.</div>"
        REPLY("4", "lee", "I read this forum as a guest for years before I decided to sign "
              "up, and the roadmap threads were the reason I did."));
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Is there a public roadmap");
    assert_has(a, "I read this forum as a guest for years");
    assert_lacks(a, "browsing the boards as a guest");
    rm_article_free(a);
}
END_TEST

/* Where the reply form would be, a thread tells a reader who is not signed
 * in that they cannot answer: a prompt, not part of the thread. */
START_TEST(sign_in_to_answer_line_goes)
{
    const char *html =
        "<html><head><title>Closing the open source edition</title>"
        "<meta name=\"generator\" content=\"Vanilla 3.3\"></head><body>"
        "<div id=\"Content\"><h1>Closing the open source edition</h1>"
        OPENING_POST
        "<div class=\"CommentsWrap\"><ul class=\"MessageList DataList Comments\">"
        REPLY("4", "kay", "Really sad, but I think we all saw it coming. Good luck with the next thing.")
        REPLY("5", "mcrouse", "We are still evaluating the options and will share more as soon as we can.")
        "</ul><h2 class=\"bottom-notice\">You must <a href=\"/users/login\">log in</a> to "
        "answer this question.</h2></div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "We are still evaluating the options");
    assert_lacks(a, "to answer this question");
    rm_article_free(a);
}
END_TEST

/* Forum software draws a post's header twice: a bar the style sheet shows
 * on phones only, and the desktop's author pane. The reader sees the
 * poster's name and the date once. */
#define PHONE_POST(n, author, text)                                                           \
    "<article class=\"ipsComment\" id=\"elComment_" n "\">"                                     \
    "<div class=\"cAuthorPane_mobile ipsResponsive_showPhone\"><a href=\"/profile/" author    \
    "/\">" author "</a> <a href=\"/topic/7/#findComment-" n "\">Posted on the "              \
    "<time datetime=\"2025-08-26T01:05:36Z\">twenty-sixth of August</time></a></div>"         \
    "<aside class=\"cAuthorPane\"><h3><a href=\"/profile/" author "/\">" author "</a></h3>"   \
    "</aside><div class=\"ipsComment_content\"><div class=\"ipsComment_meta\">"                \
    "<a href=\"/topic/7/#findComment-" n "\">Posted <time datetime=\"2025-08-26T01:05:36Z\">"  \
    "August 26</time></a></div><div class=\"ipsType_richText\"><p>" text "</p></div></div>"     \
    "</article>"

START_TEST(phone_copy_of_post_header_goes)
{
    const char *html =
        "<html><head><title>Which camera for travel?</title>"
        "<meta name=\"generator\" content=\"Invision Community\"></head><body>"
        "<h1>Which camera for travel?</h1><div class=\"cTopic\">"
        PHONE_POST("1", "joeroot", "My priorities are image quality, reliability and a design that "
                   "lasts; I travel light and would rather carry one body and two lenses.")
        PHONE_POST("2", "ann", "A used rangefinder with a fast fifty covers most of what you "
                   "describe, and the bodies hold their value if you change your mind.")
        PHONE_POST("3", "kay", "Look at the weather sealing before anything else if you travel "
                   "in the rain, because repairs abroad are slow and expensive.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My priorities are image quality");
    assert_has(a, "Look at the weather sealing");
    assert_has(a, "August 26");
    assert_lacks(a, "twenty-sixth of August");
    rm_article_free(a);
}
END_TEST

/* A threaded discussion nests each reply inside the post it answers: a
 * reply is a post of its own, however short beside its toolbar, and so is
 * a post whose replies outweigh what it says. */
#define TREE_POST(n, author, text, kids, replies)                                             \
    "<div class=\"comment thing\" id=\"t1_" n "\"><div class=\"entry\"><p class=\"tagline\">"    \
    "<a href=\"javascript:void(0)\" class=\"expand\">[-]</a><a href=\"/user/" author "\">"       \
    author "</a> <time datetime=\"2026-03-04T19:34:47Z\">17 hours ago</time> "                   \
    "<a href=\"javascript:void(0)\">(" kids " children)</a></p><form class=\"usertext\">"         \
    "<input type=\"hidden\" name=\"thing_id\" value=\"" n "\"><div class=\"md\"><p>" text        \
    "</p></div></form><ul class=\"flat-list buttons\"><li><a href=\"/r/science/comments/1/x/"   \
    n "/\">permalink</a></li><li><a href=\"javascript:void(0)\">embed</a></li><li><a "            \
    "href=\"javascript:void(0)\">save</a></li><li><a href=\"#" n "\">parent</a></li></ul></div>"   \
    "<div class=\"child\">" replies "</div></div>"

START_TEST(nested_replies_stay)
{
    const char *html =
        "<html><head><title>Hair follicles grown in the lab</title>"
        "<meta name=\"generator\" content=\"Discourse\"></head><body>"
        "<h1>Hair follicles grown in the lab</h1><div class=\"sitetable nestedlisting\">"
        TREE_POST("a1", "ragnar", "Might this also be a cure for tinnitus if new cilia can be "
                  "made to grow in the inner ear?", "3",
                  TREE_POST("b1", "baron", "Oh I dream of a day of silence.", "1",
                            TREE_POST("c1", "zissoo", "Now you hear the ringing in your ear too.",
                                      "0", ""))
                  TREE_POST("b2", "floris", "Those are very different cells, I think.", "0", ""))
        TREE_POST("a2", "pen", "I will wear mouse hair if that is what it takes, honestly, and "
                  "I would not even mind the whiskers that come with it.", "1",
                  TREE_POST("b3", "shareddit", "We are all just mice, in the end.", "0", ""))
        TREE_POST("a3", "murandus", "Before we get ahead of ourselves, this research was carried "
                  "out in mice, and human tests are still pending for years to come.", "0", "")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Might this also be a cure for tinnitus");
    assert_has(a, "I will wear mouse hair");
    assert_has(a, "Oh I dream of a day of silence.");
    assert_has(a, "Now you hear the ringing in your ear too.");
    assert_has(a, "We are all just mice, in the end.");
    assert_has(a, "Before we get ahead of ourselves");
    rm_article_free(a);
}
END_TEST

/* The toolbar under each post, laid out as a list of one-word controls,
 * is what a reader may do with the post, not what it says. */
START_TEST(post_toolbar_lists_go)
{
    const char *html =
        "<html><head><title>Hair follicles grown in the lab</title>"
        "<meta name=\"generator\" content=\"Discourse\"></head><body>"
        "<h1>Hair follicles grown in the lab</h1><div class=\"sitetable nestedlisting\">"
        TREE_POST("a1", "ragnar", "Might this also be a cure for tinnitus if new cilia can be "
                  "made to grow in the inner ear?", "0", "")
        TREE_POST("a2", "pen", "I will wear mouse hair if that is what it takes, honestly, and "
                  "I would not even mind the whiskers that come with it.", "0", "")
        TREE_POST("a3", "murandus", "Before we get ahead of ourselves, this research was carried "
                  "out in mice, and human tests are still pending for years to come.", "0", "")
        "</div><ul class=\"links\"><li><a href=\"/r/science/\">science</a></li>"
        "<li><a href=\"/r/science/top/\">top</a></li></ul></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Might this also be a cure for tinnitus");
    assert_has(a, "Before we get ahead of ourselves");
    assert_lacks(a, "permalink");
    assert_lacks(a, "embed");
    rm_article_free(a);
}
END_TEST

/* A control drawn as a span a script answers ("Report inappropriate
 * content") under each post, and the heading that counts the answers,
 * are the thread's furniture, not what was said. */
#define ANSWER(n, author, text)                                                               \
    "<div class=\"answer\" id=\"answer-" n "\"><div class=\"post-text\"><p>" text "</p></div>"     \
    "<div class=\"user-info\"><a href=\"/users/" n "/" author "\">" author "</a> answered "       \
    "<time datetime=\"2012-06-29T10:00:00Z\">Jun 29, 2012</time></div><div class=\"tools\">"     \
    "<span class=\"taLnk\">Report inappropriate content</span></div></div>"

START_TEST(thread_furniture_goes)
{
    const char *html =
        "<html><head><title>Focus the file pane from the keyboard</title>"
        "<meta name=\"generator\" content=\"Discourse\"></head><body>"
        "<h1>Focus the file pane from the keyboard</h1><div id=\"answers\">"
        ANSWER("1", "pup", "I want to set the explorer window's focus to the files pane; what is "
               "the most efficient way to do that with the keyboard alone?")
        "<div id=\"answers-header\"><h2>3 Answers</h2></div>"
        ANSWER("2", "iglvzx", "You can use a hotkey script to move the keyboard focus to the "
               "file pane, bound to Win+Space in this example.")
        ANSWER("3", "edward", "Try Ctrl+Tab, which moves through the property tabs and lands "
               "on the file list after the address bar.")
        ANSWER("4", "rasha", "Ctrl+E followed by Escape works in every version since seven, "
               "and needs nothing installed.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "I want to set the explorer window's focus");
    assert_has(a, "Ctrl+E followed by Escape");
    assert_lacks(a, "3 Answers");
    assert_lacks(a, "Report inappropriate content");
    rm_article_free(a);
}
END_TEST

/* An older board signs its posts by microdata only: the poster's cell is
 * a schema.org Person item whose name (itemprop=name) links to the
 * member's profile, the date a span. That link signs the post as
 * rel=author would, and the linked name in its heading is the poster's,
 * no teaser's headline. */
#define PERSON_POST(n, author, text)                                                          \
    "<li id=\"post-" n "\" class=\"message\"><div class=\"messageUserInfo\" itemscope "         \
    "itemtype=\"http://data-vocabulary.org/Person\"><h3 class=\"userText\"><a href=\""          \
    "https://www.example.com/members/" author "." n "/\" class=\"username\" itemprop=\"name\">"  \
    author "</a></h3></div><div class=\"messageInfo\"><blockquote class=\"messageText\">" text   \
    "</blockquote><div class=\"messageMeta\"><span class=\"DateTime\">May 11, 2024</span>"       \
    "</div></div></li>"

START_TEST(microdata_profile_links_sign_posts)
{
    const char *html =
        "<html><head><title>Do forums still have a role?</title>"
        "<meta property=\"og:type\" content=\"article\"></head><body>"
        "<h1>Do forums still have a role?</h1><ol class=\"messageList\">"
        PERSON_POST("1", "ajay", "Do forums still have a role in the age of social media? What "
                    "is unique about their structure that keeps them a destination?")
        PERSON_POST("2", "spartan", "Forums keep knowledge searchable for years, while a social "
                    "feed buries yesterday's answer under today's noise.")
        PERSON_POST("3", "margo", "Niche communities still gather on forums because the threads "
                    "stay on topic and the members know each other.")
        "</ol></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Do forums still have a role in the age");
    assert_has(a, "Niche communities still gather");
    assert_has(a, "spartan");
    rm_article_free(a);
}
END_TEST

/* Invision 5's post: the author cell is an <aside> (name, group, post
 * count), drawn again as a header bar with the date. Asides go, but the
 * poster's name in one stays, once per post. */
#define ASIDE_POST(n, author, text)                                                            \
    "<article class=\"ipsEntry ipsEntry--post\" id=\"elComment_" n "\">"                     \
    "<aside class=\"ipsEntry__author-column\"><h3 class=\"ipsEntry__username\">"             \
    "<a href=\"/profile/" n "-" author "/\">" author "</a></h3>"                              \
    "<div class=\"ipsEntry__group\">Members</div><ul class=\"ipsEntry__authorStats\">"        \
    "<li><a href=\"/profile/" n "/content/\">2.8k posts</a></li><li>8.2k Reputation</li>"     \
    "</ul></aside><aside class=\"ipsEntry__header\"><h3 class=\"ipsEntry__username\">"        \
    "<a href=\"/profile/" n "-" author "/\">" author "</a></h3><p><time "                     \
    "datetime=\"2024-06-14T13:22:54Z\">June 14, 2024</time></p></aside>"                     \
    "<div class=\"ipsEntry__content\"><div class=\"ipsRichText\"><p>" text "</p></div></div>" \
    "</article>"

START_TEST(poster_names_in_author_asides_stay)
{
    const char *html =
        "<html><head><title>If the forum comes to an end</title>"
        "<meta property=\"og:type\" content=\"website\"></head><body>"
        "<nav><a href=\"/\">Home</a></nav><main><h1>If the forum comes to an end</h1>"
        "<section class=\"cTopic\">"
        ASIDE_POST("1", "ColdJ", "I have been getting gateway errors since the announcement, so "
                   "in case the forum is shut down I would like to thank all of you for it.")
        ASIDE_POST("2", "Lisias", "I doubt that the forum is getting shuttered, considering the "
                   "first game still sells well; a month's notice would be enough for backups.")
        ASIDE_POST("3", "Caerfinon", "I will echo the sentiment: this has been, and will hopefully "
                   "stay for years, a great place to talk about rockets with friends.")
        "</section></main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "I doubt that the forum is getting shuttered");
    assert_has(a, "Lisias");
    assert_lacks(a, "Reputation");
    const char *first = strstr(a->text, "ColdJ");
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_null(strstr(first + 1, "ColdJ"));
    rm_article_free(a);
}
END_TEST

/* Invision 5 writes each post's date twice inside its <time>, a long and
 * a short rendering of which the style sheet shows one: the long one
 * stays, the short one ("1 yr") goes. */
START_TEST(short_copy_of_a_date_goes)
{
    const char *html =
        "<html><head><title>New UI 2024</title>"
        "<meta property=\"og:type\" content=\"website\"></head><body>"
        "<main><h1>New UI 2024</h1><section class=\"cTopic\">"
        ASIDE_POST("1", "ColdJ", "<time datetime=\"2024-06-14T13:22:54Z\" class=\"ipsTime\">"
                   "<span class=\"ipsTime__long\">June 14, 2024</span><span "
                   "class=\"ipsTime__short\">1 yr</span></time> I have been getting gateway "
                   "errors since the new interface went live, and the editor is slower.")
        ASIDE_POST("2", "Lisias", "The new interface is fine on a phone, but on a wide screen "
                   "the posts use a third of the width and the sidebar takes the rest.")
        ASIDE_POST("3", "Caerfinon", "I will echo the sentiment: the old layout showed more of "
                   "a thread at once, and the search no longer finds quoted text.")
        "</section></main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "June 14, 2024");
    assert_has(a, "I have been getting gateway errors");
    assert_lacks(a, "1 yr");
    rm_article_free(a);
}
END_TEST

/* The rule tests below ask the same of a thread: it is read as a forum
 * and keeps two phrases, the one the rule saves and a reply's. */
static void assert_thread_keeps(const char *html, const char *saved, const char *reply)
{
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, saved);
    assert_has(a, reply);
    rm_article_free(a);
}

/* A reply that quotes a post of another thread: forum software draws the
 * quote as an <aside> around the quoted text in a <blockquote>, under a
 * title bar linking to where it was said. The quote is what the reply
 * answers, not a sidebar. */
#define QUOTING_POST(n, author, quote, text)                                                  \
    "<div class=\"topic-post\" id=\"post_" n "\"><div class=\"topic-meta-data\"><a href=\""     \
    "/u/" author "\">" author "</a> <time datetime=\"2024-06-02T15:24:00Z\">June 2</time></div>" \
    "<div class=\"cooked\">" quote "<p>" text "</p></div></div>"

#define OTHER_TOPIC_QUOTE                                                                     \
    "<aside class=\"quote no-group\"><div class=\"title\"><a href=\"/t/portfolio-review/102\">"   \
    "Portfolio review through May</a></div><blockquote><p>I merely try to think about what the "  \
    "company can reasonably earn over the next few years, and what multiple the market would "   \
    "pay for those earnings then.</p></blockquote></aside>"

START_TEST(quotes_drawn_as_asides_stay)
{
    const char *html =
        "<html><head><title>My take on valuation</title>"
        "<meta name=\"generator\" content=\"Discourse 3.2\"></head><body>"
        "<h1>My take on valuation</h1><div class=\"post-stream\">"
        QUOTING_POST("1", "paul", OTHER_TOPIC_QUOTE, "Continuing the discussion from the "
                     "portfolio review: how do you all decide what a company is worth before "
                     "you buy it, and do you write the numbers down?")
        QUOTING_POST("2", "ryan", "", "I look at the revenue growth first and then at the "
                     "margins, because the multiple follows from both of them in the end.")
        QUOTING_POST("3", "maria", "", "Cash flow is what I trust; earnings can be dressed up "
                     "in many ways, but the cash either arrives or it does not.")
        "</div></body></html>";
    assert_thread_keeps(html, "I merely try to think about what the company can reasonably earn",
                        "Cash flow is what I trust");
}
END_TEST

/* An opening post that microdata marks as the text of a
 * DiscussionForumPosting stays, though it is mostly links to the threads
 * it continues: the poster wrote them. So does the box around it that
 * adds only the poster's name. */
#define MARKED_POSTER(n, author)                                                              \
    "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><a href=\""      \
    "/member.php?u=" n "\"><span itemprop=\"name\">" author "</span></a></div>"

#define MARKED_REPLY(n, author, text)                                                         \
    "<div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"               \
    "<div class=\"thread-post\"><div id=\"post" n "\">" MARKED_POSTER(n, author)                 \
    "<div id=\"post-content" n "\"><div itemprop=\"text\">" text "</div></div></div></div></div>"

START_TEST(microdata_post_text_of_links_stays)
{
    const char *html =
        "<html><head><title>Election discussion</title></head><body><div class=\"page\">"
        "<div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">"
        "<div class=\"op-wrap\"><div class=\"thread-post\">"
        "<h1 itemprop=\"headline\">Election discussion</h1><div id=\"post1\">"
        MARKED_POSTER("1", "fez")
        "<div id=\"post-content1\"><div itemprop=\"text\">The vote is set for July; this is "
        "the thread for the campaign.<br><a href=\"/t/1\">Conservative campaign and manifesto "
        "thread</a><br><a href=\"/t/2\">Labour campaign and manifesto thread</a><br><a "
        "href=\"/t/3\">Liberal Democrat campaign and manifesto thread</a><br><a href=\"/t/4\">"
        "Green campaign and manifesto thread</a><br><a href=\"/t/5\">Seat prediction "
        "competition thread</a></div></div></div></div></div>"
        MARKED_REPLY("2", "andrew", "It is certainly much sooner than expected; I wonder whether "
                     "the news about inflation was the trigger for this hasty announcement.")
        MARKED_REPLY("3", "erin", "Things can only get better, as the song says, though the "
                     "weather on the day of the announcement did not help anyone at all.")
        MARKED_REPLY("4", "rakas", "The best time would have been the autumn, with a few more "
                     "months of growth and falling inflation readings behind them.")
        "</div></div></body></html>";
    assert_thread_keeps(html, "Labour campaign and manifesto thread",
                        "It is certainly much sooner than expected");
}
END_TEST

/* The wrapper inside a post's marked text ("bbWrapper"), holding all of
 * it, is the post's text too, however linky: a reply that lists brands. */
#define WRAPPED_POST(n, author, text)                                                         \
    "<article class=\"message message--post\" itemscope itemtype=\"https://schema.org/Comment\">" \
    "<div class=\"message-user\"><a href=\"/members/" author "." n "/\" itemprop=\"author\">"    \
    author "</a></div><header class=\"message-attribution\"><a href=\"/threads/x.1/post-" n      \
    "\"><time datetime=\"2023-10-28T20:00:00Z\">Oct 28, 2023</time></a></header>"               \
    "<div class=\"message-content\"><article class=\"message-body\"><div itemprop=\"text\">"    \
    "<div class=\"bbWrapper\">" text "</div></div></article></div></article>"

START_TEST(wrapper_of_marked_post_text_stays)
{
    const char *html =
        "<html><head><title>Why not book with agencies</title>"
        "<meta name=\"generator\" content=\"XenForo\"></head><body>"
        "<h1>Why not book with agencies</h1><div class=\"block-body\">"
        WRAPPED_POST("1", "ann", "I booked a flight through an agency last spring and when the "
                     "airline changed the schedule nobody would help me. The agency said to call "
                     "the airline, and the airline said to call the agency, for three weeks.")
        WRAPPED_POST("2", "lat", "<h2>Please be aware that one holding company owns the "
                     "following brands: <a href=\"https://example.com/a\">Booking</a>, <a "
                     "href=\"https://example.com/b\">Priceline</a>, <a href=\"https://example.com/"
                     "c\">Agoda</a>, <a href=\"https://example.com/d\">Rentalcars</a>, <a href=\""
                     "https://example.com/e\">Kayak</a> and <a href=\"https://example.com/f\">"
                     "OpenTable</a></h2>")
        WRAPPED_POST("3", "kim", "Same here with a hotel: the room was sold twice and the agency "
                     "refunded me only after I disputed the charge with my bank, which took two "
                     "months.")
        "</div></body></html>";
    assert_thread_keeps(html, "Rentalcars", "the room was sold twice");
}
END_TEST

/* A short post whose body is under 90% of the post beside the poster's
 * name, title, date and number still says every sentence of the post:
 * it is the post's body, though a third of it is links. */
#define TITLED_POST(n, author, title, text)                                                   \
    "<article class=\"message message--post\"><div class=\"message-user\"><h4><a href=\""       \
    "/members/" n "/\">" author "</a></h4><h5 class=\"userTitle\">" title "</h5></div>"          \
    "<header class=\"message-attribution\"><a href=\"/threads/x.1/post-" n "\"><time datetime=\"" \
    "2024-09-21T07:25:00Z\">Sep 21, 2024</time></a> <a href=\"/threads/x.1/post-" n "\">#" n     \
    "</a></header><div class=\"message-content\"><article class=\"message-body\">"              \
    "<div class=\"bbWrapper\">" text "</div></article></div></article>"

START_TEST(short_linky_post_body_stays)
{
    const char *html =
        "<html><head><title>Discussion of our tablet review</title>"
        "<meta name=\"generator\" content=\"XenForo\"></head><body>"
        "<h1>Discussion of our tablet review</h1><div class=\"block-body\">"
        TITLED_POST("1", "Chris Hall", "Reviews Editor, Staff member", "Read the <a href=\""
                    "/review/tablet-2024\">Tablet Pro (2024) Review</a>. Is this year's model "
                    "simply the best tablet there is? <a href=\"/user-reviews/tablet/write\">"
                    "Write your own review</a>")
        TITLED_POST("2", "sam", "Member", "Bang on the money except the asking price, which is "
                    "more than my first car cost me when I was a student many years ago.")
        TITLED_POST("3", "jo", "Member", "Great tablet. I thought the keyboard was too expensive, "
                    "so I bought a cheaper one that works well enough for me on the train.")
        "</div></body></html>";
    assert_thread_keeps(html, "simply the best tablet there is?", "Bang on the money");
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, replies_below_a_longer_opening_post_stay);
    tcase_add_test(tc, short_posts_with_share_menus_stay);
    tcase_add_test(tc, opening_post_apart_from_replies_stays);
    tcase_add_test(tc, poster_names_stay_when_their_cell_goes);
    tcase_add_test(tc, member_fields_beside_posts_go);
    tcase_add_test(tc, thread_statistics_go);
    tcase_add_test(tc, question_statistics_go);
    tcase_add_test(tc, thread_overview_boxes_go);
    tcase_add_test(tc, guest_notices_go);
    tcase_add_test(tc, sign_in_to_answer_line_goes);
    tcase_add_test(tc, phone_copy_of_post_header_goes);
    tcase_add_test(tc, nested_replies_stay);
    tcase_add_test(tc, post_toolbar_lists_go);
    tcase_add_test(tc, thread_furniture_goes);
    tcase_add_test(tc, microdata_profile_links_sign_posts);
    tcase_add_test(tc, poster_names_in_author_asides_stay);
    tcase_add_test(tc, short_copy_of_a_date_goes);
    tcase_add_test(tc, quotes_drawn_as_asides_stay);
    tcase_add_test(tc, microdata_post_text_of_links_stays);
    tcase_add_test(tc, wrapper_of_marked_post_text_stays);
    tcase_add_test(tc, short_linky_post_body_stays);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(threads_suite)
