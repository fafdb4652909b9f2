/*
 * test_boards.c — threads of the older bulletin-board packages (phpBB,
 * FluxBB, vBulletin, SMF and their kind) on small hand-written pages: their
 * posts carry no <time>, no rel=author and no "Reply" control, only an
 * anchor and a link to it (their permalink), often in a post heading; the
 * thread's metadata is signed like a story's. They are threads all the
 * same, every post kept, while comments under a story stay clutter.
 */
#include "page_checks.h"

/* A board post: anchored by id, its heading and date linking to that
 * anchor, beside a member panel of label rows. */
#define BOARD_POST(n, author, date, text)                                                   \
    "<div id=\"p" n "\" class=\"post bg2\"><div class=\"inner\">"                            \
    "<dl class=\"postprofile\"><dt><a href=\"./memberlist.php?u=" n "\">" author "</a></dt>"  \
    "<dd><strong>Posts:</strong> <a href=\"./search.php?author=" n "\">1" n "4</a></dd>"     \
    "<dd><strong>Joined:</strong> Sun Dec 17, 2023 11:18 am</dd></dl>"                       \
    "<div class=\"postbody\"><h3><a href=\"./viewtopic.php?p=" n "#p" n "\">Re: Quiet "      \
    "fans</a></h3><p class=\"author\"><a href=\"./viewtopic.php?p=" n "#p" n "\">" date     \
    "</a> by <a href=\"./memberlist.php?u=" n "\">" author "</a></p>"                       \
    "<div class=\"content\">" text "</div></div></div></div>"

/* The same without its permalinks: a thread's first post often has none. */
#define FIRST_POST(n, author, text)                                                          \
    "<div id=\"p" n "\" class=\"post bg1\"><div class=\"inner\">"                            \
    "<dl class=\"postprofile\"><dt><a href=\"./memberlist.php?u=" n "\">" author "</a></dt>"  \
    "<dd><strong>Posts:</strong> 3</dd><dd><strong>Joined:</strong> Mon Jan 22, 2024</dd>"   \
    "</dl><div class=\"postbody\"><h3>Quiet fans</h3>"                                        \
    "<div class=\"content\">" text "</div></div></div></div>"

#define BOARD_HEAD                                                                           \
    "<html><head><title>Quiet fans</title>"                                                  \
    "<meta name=\"author\" content=\"fanless\">"                                             \
    "<meta property=\"article:published_time\" content=\"2024-01-22T10:00:00Z\">"            \
    "<meta property=\"og:type\" content=\"article\"></head><body>"                           \
    "<div id=\"wrap\"><h2 class=\"topic-title\"><a href=\"./viewtopic.php?t=9\">Quiet "       \
    "fans</a></h2><div id=\"page-body\">"

#define BOARD_FOOT "</div><p class=\"copyright\">Powered by a board</p></div></body></html>"

/* The question and the first two replies of the board's thread. */
#define BOARD_OPENING                                                                        \
    FIRST_POST("101", "fanless", "My case fans whine at idle, however I set the curve "      \
               "in the firmware. Is there a way to make them quiet?")                        \
    BOARD_POST("102", "ohm", "Tue Jan 23, 2024 6:13 am", "Set the minimum duty cycle "       \
               "to thirty percent; below that they stall and restart.")                      \
    BOARD_POST("103", "kelvin", "Tue Jan 23, 2024 11:45 am", "Swap them for larger "         \
               "ones: a bigger fan moves the same air turning slower.")

/* Signed like a story, with no <time> and no "Reply" control: the posts'
 * own permalinks make them a thread, and their short bodies stay although
 * their linked headings and dates make up much of each post. */
START_TEST(board_posts_with_permalinks_are_a_thread)
{
    const char *html =
        BOARD_HEAD
        BOARD_OPENING
        BOARD_POST("104", "fanless", "Mon Jan 29, 2024 2:28 pm", "The duty cycle did it, "
                   "thank you both. Silent at idle now.")
        BOARD_FOOT;
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    ck_assert_uint_eq(a->page_items, 4);
    assert_has(a, "My case fans whine at idle");
    assert_has(a, "Set the minimum duty cycle");
    assert_has(a, "Swap them for larger");
    assert_has(a, "The duty cycle did it");
    assert_has(a, "Tue Jan 23, 2024 6:13 am");
    assert_lacks(a, "Joined:");
    rm_article_free(a);
}
END_TEST

/* Each reply's subject, filled in by the software, is the thread's title
 * after "Re:": the title again over every post, it goes; a subject the
 * poster wrote themselves says something of its own and stays. */
START_TEST(reply_subjects_repeating_the_title_go)
{
    const char *html =
        BOARD_HEAD
        BOARD_OPENING
        "<div id=\"p104\" class=\"post bg2\"><div class=\"inner\"><div class=\"postbody\">"
        "<h3><a href=\"./viewtopic.php?p=104#p104\">Solved with a pump curve instead</a></h3>"
        "<p class=\"author\"><a href=\"./viewtopic.php?p=104#p104\">Mon Jan 29, 2024 2:28 pm"
        "</a> by <a href=\"./memberlist.php?u=101\">fanless</a></p><div class=\"content\">The "
        "duty cycle did it, thank you both. Silent at idle now.</div></div></div></div>"
        BOARD_FOOT;
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My case fans whine at idle");
    assert_has(a, "Set the minimum duty cycle");
    assert_has(a, "Swap them for larger");
    assert_has(a, "Solved with a pump curve instead");
    assert_lacks(a, "Re: Quiet fans");
    rm_article_free(a);
}
END_TEST

/* A linked heading makes a teaser card, unless it links to its own post:
 * the same posts headed by a link to another page are no thread. */
START_TEST(posts_linking_elsewhere_are_not_a_thread)
{
    const char *html =
        BOARD_HEAD
        "<div id=\"q1\" class=\"teaser\"><h3><a href=\"/t/1\">Quiet fans</a></h3><p>My case "
        "fans whine at idle, however I set the curve in the firmware settings.</p></div>"
        "<div id=\"q2\" class=\"teaser\"><h3><a href=\"/t/2\">Loud pumps</a></h3><p>The "
        "pump of my cooler rattles when it starts, and then it settles down again.</p></div>"
        "<div id=\"q3\" class=\"teaser\"><h3><a href=\"/t/3\">Coil whine</a></h3><p>My "
        "graphics card whines under load, most of all in menus with no frame cap.</p></div>"
        BOARD_FOOT;
    rm_article *a = extract(html);
    ck_assert_str_ne(rm_page_type_name(a->page_type), "forum");
    rm_article_free(a);
}
END_TEST

/* Comments anchored and permalinked like board posts, under a story that
 * holds most of the page's text: the story stays an article and the
 * comments clutter. */
#define STORY_PARAGRAPH                                                                      \
    "<p>Fans are loudest when they run slowest and stall, the engineers explained, and "    \
    "most motherboards let them drop far below the speed at which they turn smoothly; "     \
    "setting a floor for the duty cycle, and a gentle slope above it, fixes the noise.</p>"
#define COMMENT(n, text)                                                                     \
    "<li id=\"comment-" n "\" class=\"comment\"><p class=\"meta\"><a href=\"/quiet-fans/"    \
    "#comment-" n "\">22 January 2024</a></p><p>" text "</p></li>"

START_TEST(permalinked_comments_under_a_story_stay_clutter)
{
    const char *html =
        "<html><head><title>Why fans whine</title>"
        "<meta property=\"article:published_time\" content=\"2024-01-22T10:00:00Z\"></head>"
        "<body><article><h1>Why fans whine</h1><div class=\"entry\">"
        STORY_PARAGRAPH STORY_PARAGRAPH STORY_PARAGRAPH STORY_PARAGRAPH STORY_PARAGRAPH
        "</div></article><section id=\"comments\"><ol>"
        COMMENT("1", "Great explanation, my fans are silent now after changing the curve.")
        COMMENT("2", "Larger fans helped me more than any setting in the firmware did.")
        "</ol></section></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    assert_has(a, "Fans are loudest");
    assert_lacks(a, "Great explanation");
    rm_article_free(a);
}
END_TEST

/* A post that cites its sources as pasted addresses, and one with an
 * avatar, a post icon and smileys but no paragraph: Readability's
 * conditional cleaning takes the first for a link list and the second for
 * a gallery, but in a thread they are posts. A bar of links beside the
 * posts still goes. */
#define AVATAR "<img src=\"/a.png\" width=\"80\" height=\"80\">"
#define SMILEY "<img src=\"/smile.gif\" alt=\":)\">"

START_TEST(linky_and_pictured_posts_stay_in_a_thread)
{
    const char *html =
        BOARD_HEAD
        FIRST_POST("101", "fanless", "My case fans whine at idle, however I set the curve "
                   "in the firmware. Is there a way to make them quiet?")
        BOARD_POST("102", "ohm", "Tue Jan 23, 2024 6:13 am", "Fan tables: "
                   "<a href=\"https://example.org/fans/table-2024\">https://example.org/fans/"
                   " ... table-2024</a><br>Curves: <a href=\"https://example.org/curves\">"
                   "https://example.org/curves</a><br>Duty cycles help.")
        BOARD_POST("103", "kelvin", "Tue Jan 23, 2024 11:45 am", AVATAR SMILEY SMILEY
                   "Swap them for larger ones, a bigger fan turns slower.")
        "<div class=\"jumpbox\"><a href=\"/f/1\">Cooling</a> <a href=\"/f/2\">Power "
        "supplies</a> <a href=\"/f/3\">Cases and fans</a> <a href=\"/f/4\">Noise</a></div>"
        BOARD_FOOT;
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Fan tables:");
    assert_has(a, "Duty cycles help.");
    assert_has(a, "Swap them for larger ones");
    assert_lacks(a, "Power supplies");
    rm_article_free(a);
}
END_TEST

/* Some thread software wraps each post's text in a form that carries the
 * post's id in hidden inputs (for in-place editing): a hidden input is no
 * field a reader fills in, so the post is no short sign-up form. */
#define FORM_POST(n, author, text)                                                          \
    "<div class=\"comment\" id=\"thing_" n "\"><p class=\"tagline\"><a href=\"/user/"     \
    author "\">" author "</a> <time datetime=\"2024-01-23\">23 Jan 2024</time></p>"         \
    "<form class=\"usertext\" action=\"#\"><input type=\"hidden\" name=\"thing_id\" "     \
    "value=\"" n "\"><div class=\"md\"><p>" text "</p></div></form>"                        \
    "<ul class=\"buttons\"><li><a href=\"/c/" n "\">permalink</a></li><li><a href=\"#\">"  \
    "reply</a></li></ul></div>"

START_TEST(posts_in_forms_with_hidden_ids_stay)
{
    const char *html =
        "<html><head><title>Quiet fans</title></head><body><h1>Quiet fans</h1>"
        "<div class=\"side\"><p>Welcome to the quiet computing board, for fan curves, cases, "
        "coolers and everything else that hums, whines or rattles.</p></div>"
        "<div class=\"sitetable\">"
        FORM_POST("1", "fanless", "My case fans whine at idle, however I set the curve.")
        FORM_POST("2", "ohm", "Set the minimum duty cycle to thirty percent or so.")
        FORM_POST("3", "kelvin", "Swap them for larger ones: they turn slower for the air.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My case fans whine");
    assert_has(a, "Set the minimum duty cycle");
    assert_has(a, "Swap them for larger ones");
    rm_article_free(a);
}
END_TEST

/* A thread in the layout of today's packages (XenForo 2 here): each post
 * has a cell for its author — avatar (the member's initial when no picture
 * was uploaded), name linked to the profile, title and banner, stat rows —
 * and a cell for the date and text. The name stays as the post's short
 * author line (conditional cleaning would take the linky cell, and a
 * member panel holding the name would go whole); the initial, the title,
 * the banner, the stats and the note under an edited post go. */
#define CELL_POST(n, author, initial, text)                                                    \
    "<article class=\"message message--post\" data-author=\"" author "\" id=\"js-post-" n     \
    "\"><div class=\"message-inner\"><div class=\"message-cell message-cell--user\">"         \
    "<section class=\"message-user\"><div class=\"message-avatar\"><a href=\"/members/"      \
    author "." n "/\" class=\"avatar avatar--m avatar--default\"><span class=\"avatar-u" n   \
    "-m\" role=\"img\">" initial "</span></a></div><div class=\"message-userDetails\">"      \
    "<h4 class=\"message-name\"><a href=\"/members/" author "." n "/\" class=\"username\">"  \
    author "</a></h4><h5 class=\"userTitle message-userTitle\">Prominent Member</h5>"        \
    "<div class=\"userBanner message-userBanner\"><strong>7+ Year Member</strong></div>"     \
    "</div><div class=\"message-userExtras\"><dl class=\"pairs\"><dt>Joined</dt><dd>Jun 12, " \
    "2006</dd></dl><dl class=\"pairs\"><dt>Messages</dt><dd>2,287</dd></dl><dl "             \
    "class=\"pairs\"><dt>Reaction score</dt><dd>682</dd></dl></div></section></div>"         \
    "<div class=\"message-cell message-cell--main\"><header class=\"message-attribution\">" \
    "<ul><li><a href=\"/threads/fans.1/post-" n "\"><time datetime=\"2024-09-21T07:25:09\">" \
    "Sep 21, 2024</time></a></li></ul></header><div class=\"message-content\"><article "     \
    "class=\"message-body\"><div class=\"bbWrapper\">" text "</div></article><div "           \
    "class=\"message-lastEdit\">Last edited: Sep 26, 2024</div></div><footer>"                  \
    "<a href=\"/threads/fans.1/reply?quote=" n "\">Reply</a></footer></div></div></article>"

/* A three-post XenForo thread whose middle post a test chooses. */
#define FANS_THREAD(reply)                                                                        \
    "<html><head><title>Quiet fans</title><meta name=\"generator\" content=\"XenForo\">"        \
    "</head><body><h1>Quiet fans</h1><div class=\"block-body\">"                                \
    CELL_POST("101", "fanless", "F", "My case fans whine at idle, however I set the curve "      \
              "in the firmware, and the noise keeps me awake. Is there a way to make them quiet?") \
    reply                                                                                         \
    CELL_POST("103", "kelvin", "K", "Swap them for larger ones: a bigger fan turns slower "      \
              "for the same air, and a slower fan is a quieter fan in nearly every case.")         \
    "</div></body></html>"

START_TEST(poster_names_stay_and_their_titles_go)
{
    const char *html = FANS_THREAD(
        CELL_POST("102", "ohmlaw", "O", "Set the minimum duty cycle to thirty percent or so, "
                  "below that most fans stall and start again, which is the whine you hear.")
    );
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My case fans whine");
    assert_has(a, "Swap them for larger ones");
    assert_has(a, "fanless");
    assert_has(a, "ohmlaw");
    assert_has(a, "kelvin");
    assert_lacks(a, "Prominent Member");
    assert_lacks(a, "7+ Year Member");
    assert_lacks(a, "Reaction score");
    assert_lacks(a, "\nK\n");
    assert_lacks(a, "\nO\n");
    assert_lacks(a, "Last edited");
    rm_article_free(a);
}
END_TEST

/* A board's add-on sets a summary a language model wrote above the
 * posts, in a folded box its class names ("ai-summary"): the board's
 * account of the discussion, repeating the posts, goes; the posts stay. */
START_TEST(machine_summaries_over_threads_go)
{
    const char *html =
        "<html><head><title>Quiet fans</title><meta name=\"generator\" content=\"XenForo\">"
        "</head><body><h1>Quiet fans</h1><div class=\"p-body-main\">"
        "<div class=\"block\" id=\"ai-summary-block\"><details><summary>Click for summary"
        "</summary><div class=\"block-body\"><h2>Discussion overview</h2><p>The discussion "
        "revolves around quieting case fans that whine at idle, and participants explore "
        "firmware settings, duty cycles, and the size of the fans themselves.</p><h3>Main "
        "points raised</h3><ul><li>One participant suggests raising the minimum duty cycle, "
        "noting that fans stall below a certain speed.</li><li>Another participant recommends "
        "larger fans, which move the same air while turning more slowly.</li></ul></div>"
        "</details></div><div class=\"block-body\">"
        CELL_POST("101", "fanless", "F", "My case fans whine at idle, however I set the curve "
                  "in the firmware, and the noise keeps me awake. Is there a way to make them quiet?")
        CELL_POST("102", "ohmlaw", "O", "Set the minimum duty cycle to thirty percent or so, "
                  "below that most fans stall and start again, which is the whine you hear.")
        CELL_POST("103", "kelvin", "K", "Swap them for larger ones: a bigger fan turns slower "
                  "for the same air, and a slower fan is a quieter fan in nearly every case.")
        "</div></div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My case fans whine");
    assert_has(a, "Set the minimum duty cycle");
    assert_has(a, "Swap them for larger ones");
    assert_lacks(a, "Discussion overview");
    assert_lacks(a, "revolves around");
    assert_lacks(a, "One participant suggests");
    rm_article_free(a);
}
END_TEST

/* A post that shares a video: XenForo writes the address it could not
 * embed as a link "View: https://…", a label before the pasted address.
 * The address is the poster's words, and the short post stays. */
START_TEST(labelled_addresses_in_posts_stay)
{
    const char *html = FANS_THREAD(
        CELL_POST("102", "ohmlaw", "O", "Most fans of one size sound alike.<br><br>This might "
                  "help: <i><a href=\"https://youtu.be/-TiYwjxmcU8?si=21VlALqe8f0fJwdX\" "
                  "class=\"link link--external\">View: https://youtu.be/-TiYwjxmcU8?si="
                  "21VlALqe8f0fJwdX</a></i>")
    );
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My case fans whine");
    assert_has(a, "Most fans of one size sound alike.");
    assert_has(a, "Swap them for larger ones");
    rm_article_free(a);
}
END_TEST

/* A name box where the name is a small part of the text (vBulletin's
 * member menu: "View Profile", "View Forum Posts" under the name) is the
 * member's menu more than their name: it is not spared, and conditional
 * cleaning takes it as the link list it is. (The opening post's box holds
 * the scorer's choice and stays whatever its statistics.) */
#define MENU_POST(n, author, date, text)                                                       \
    "<li class=\"postbit postcontainer\" id=\"post_" n "\"><div class=\"postdetails\"><div "  \
    "class=\"posthead\"><span class=\"postdate\"><span class=\"date\">" date "</span></span> " \
    "<span class=\"nodecontrols\"><a name=\"post" n "\" href=\"showthread.php?t=1&amp;p=" n   \
    "#post" n "\" class=\"postcounter\">#1</a></span></div>\n<div class=\"userinfo\"><div "    \
    "class=\"username_container\"><div class=\"popupmenu memberaction\"><a class=\"username\" " \
    "href=\"member.php?u=" n "\"><strong>" author "</strong></a>\n<ul class=\"popupbody\"><li>" \
    "<a href=\"member.php?u=" n "\">View Profile</a></li><li><a href=\"search.php?do="         \
    "finduser&amp;userid=" n "\">View Forum Posts</a></li><li><a href=\"search.php?do="       \
    "finduser&amp;userid=" n "&amp;t=1\">View Forum Threads</a></li></ul></div>\n<span "      \
    "class=\"usertitle\">Junior Member</span></div></div></div>\n<div class=\"postbody\"><div " \
    "class=\"postrow\"><div class=\"content\"><blockquote class=\"postcontent\">" text         \
    "</blockquote></div></div></div></li>"

START_TEST(member_menus_beside_names_go)
{
    const char *html =
        "<html><head><title>Web hosting</title></head><body><h1>Web hosting</h1>"
        "<ol id=\"posts\" class=\"posts\">"
        MENU_POST("1001", "HOSTLAR", "11-29-2024, 09:03 AM", "What do you pay attention to if you are going to "
                  "buy a web hosting service? Is location important for you, or only the price and "
                  "the support?")
        MENU_POST("1002", "dfrag", "11-29-2024, 01:50 PM", "Confidence that the chosen supplier will provide good "
                  "service, minimum downtimes and good after sales support, then the location.")
        MENU_POST("1003", "webmon", "11-29-2024, 02:43 PM", "I order a month, build a small site on it and monitor it "
                  "every minute: that tells me what I care about most, which is reliability.")
        "</ol></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "Confidence that the chosen supplier");
    assert_has(a, "which is reliability");
    ck_assert_msg(occurrences(a->text, "View Forum Posts") <= 1, "member menus kept:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* MyBB's author cell: the avatar and the name, each linked to the
 * member's page as a static file ("user-37079.html"), over the member's
 * counts. The counts go as a member panel; the name that opens the cell
 * stays, though no heading or itemprop marks it. */
#define MYBB_POST(n, author, date, text)                                                      \
    "<div class=\"post\" id=\"pid" n "\"><div class=\"post_author\"><div "                    \
    "class=\"author_avatar\"><a href=\"user-" n ".html\"><img src=\"/a/" n ".png\" alt=\"\">"  \
    "</a></div>\n<div class=\"author_information\"><strong><span class=\"largetext\"><a "      \
    "href=\"https://board.example/user-" n ".html\">" author "</a></span></strong></div>\n"     \
    "<div class=\"author_statistics\">Posts: 96<br>Threads: 11<br>Joined: Feb 2011<br>"        \
    "Reputation: <a href=\"reputation.php?uid=" n "\">1</a></div></div>\n<div "                 \
    "class=\"post_content\"><div class=\"post_head\"><a href=\"thread-9-post-" n ".html#pid" n \
    "\">#" n "</a> <span class=\"post_date\">" date "</span></div><div class=\"post_body\">"    \
    text "</div></div></div>"

START_TEST(names_opening_member_cells_stay)
{
    const char *html =
        "<html><head><title>SMF or MyBB?</title><meta name=\"generator\" content=\"MyBB\">"
        "</head><body><h1>SMF or MyBB?</h1><div id=\"posts\">"
        MYBB_POST("126792", "StarredSkies", "2019-02-23, 09:14 PM", "I run a small board and "
                  "have been thinking of moving it. What are the main differences between the "
                  "two, and how hard is the move for a board of ten thousand posts?")
        MYBB_POST("37079", "vbgamer", "2019-02-24, 02:31 AM", "Why not try it out first on a "
                  "copy of the board, if you are able to: the converter keeps the posts, the "
                  "members and the attachments, and you can compare them side by side.")
        MYBB_POST("4521", "dragonexpert", "2019-02-25, 02:25 AM", "Permissions are the big "
                  "difference for me: each admin can be given only the parts of the panel "
                  "they need, and there is a warning system built in as well.")
        "</div></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "What are the main differences");
    assert_has(a, "Permissions are the big difference");
    assert_has(a, "StarredSkies");
    assert_has(a, "vbgamer");
    assert_has(a, "dragonexpert");
    assert_lacks(a, "Joined");
    assert_lacks(a, "Reputation");
    rm_article_free(a);
}
END_TEST

/* phpBB's member profile beside each post is a definition list: the term
 * holds the name linked to the profile, each description a fact about the
 * member (a rank, a board's own fields such as a founding date or a
 * motto), whatever its label. The facts go, the name stays. */
#define RANK_POST(n, author, date, text)                                                      \
    "<div id=\"p" n "\" class=\"post bg2\"><div class=\"inner\">"                            \
    "<dl class=\"postprofile\"><dt><a href=\"./memberlist.php?mode=viewprofile&amp;u=" n      \
    "\">" author "</a></dt><dd>Senator</dd><dd><strong>Founded:</strong> Dec 11, 2021</dd>"  \
    "<dd>Benevolent Republic</dd></dl>"                                                      \
    "<div class=\"postbody\"><h3><a href=\"#p" n "\">Re: Quiet fans</a></h3><p "            \
    "class=\"author\"><a href=\"./viewtopic.php?p=" n "#p" n "\">" date "</a></p>"           \
    "<div class=\"content\">" text "</div></div></div></div>"

START_TEST(profile_facts_beside_posts_go)
{
    const char *html =
        BOARD_HEAD
        RANK_POST("101", "fanless", "Mon Jan 22, 2024 9:02 am", "My case fans whine at idle, "
                  "however I set the curve in the firmware. Is there a way to make them quiet?")
        RANK_POST("102", "ohm", "Tue Jan 23, 2024 6:13 am", "Set the minimum duty cycle "
                  "to thirty percent; below that they stall and restart, which is the whine.")
        RANK_POST("103", "kelvin", "Tue Jan 23, 2024 11:45 am", "Swap them for larger "
                  "ones: a bigger fan moves the same air turning slower, and so more quietly.")
        BOARD_FOOT;
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "My case fans whine at idle");
    assert_has(a, "Swap them for larger ones");
    assert_has(a, "kelvin");
    assert_lacks(a, "Senator");
    assert_lacks(a, "Founded");
    assert_lacks(a, "Benevolent Republic");
    rm_article_free(a);
}
END_TEST

/* phpBB writes "Code: Select all" (its select-the-code link) above every
 * code block in a post: the caption goes, the code and the post stay. A
 * "Code:" line that is prose, not right before the block, stays. */
#define CODE_BOX(code)                                                                        \
    "<div class=\"codebox\"><p>Code: <a href=\"#\" onclick=\"selectCode(this); return "      \
    "false;\">Select all</a></p><pre><code>" code "</code></pre></div>"

START_TEST(code_captions_in_posts_go)
{
    const char *html =
        BOARD_HEAD
        BOARD_POST("101", "fanless", "Mon Jan 22, 2024 9:02 am", "My case fans whine at idle, "
                   "however I set the curve in the firmware. I added these lines:"
                   CODE_BOX("fan_min=20\nfan_curve=quiet") "Is there a way to make them quiet?")
        BOARD_POST("102", "ohm", "Tue Jan 23, 2024 6:13 am", "Set the minimum duty cycle "
                   "to thirty percent; below that they stall and restart, which is the whine:"
                   CODE_BOX("fan_min=30") "<p>Code: the settings above go in the firmware.</p>")
        BOARD_POST("103", "kelvin", "Tue Jan 23, 2024 11:45 am", "Swap them for larger "
                   "ones: a bigger fan moves the same air turning slower, and so more quietly.")
        BOARD_FOOT;
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "forum");
    assert_has(a, "fan_min=20");
    assert_has(a, "fan_min=30");
    assert_has(a, "Is there a way to make them quiet?");
    assert_has(a, "Code: the settings above go in the firmware.");
    assert_lacks(a, "Select all");
    rm_article_free(a);
}
END_TEST

static Suite *boards_suite(void)
{
    Suite *s = suite_create("boards");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, board_posts_with_permalinks_are_a_thread);
    tcase_add_test(tc, posts_linking_elsewhere_are_not_a_thread);
    tcase_add_test(tc, permalinked_comments_under_a_story_stay_clutter);
    tcase_add_test(tc, linky_and_pictured_posts_stay_in_a_thread);
    tcase_add_test(tc, posts_in_forms_with_hidden_ids_stay);
    tcase_add_test(tc, poster_names_stay_and_their_titles_go);
    tcase_add_test(tc, member_menus_beside_names_go);
    tcase_add_test(tc, names_opening_member_cells_stay);
    tcase_add_test(tc, labelled_addresses_in_posts_stay);
    tcase_add_test(tc, profile_facts_beside_posts_go);
    tcase_add_test(tc, code_captions_in_posts_go);
    tcase_add_test(tc, machine_summaries_over_threads_go);
    tcase_add_test(tc, reply_subjects_repeating_the_title_go);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(boards_suite)
