/*
 * test_extract.c — rm_extract end to end on small pages: the article is
 * found, and each kind of clutter goes whether it sits around the article
 * or inside it, with or without telling class names; statuses for bad input.
 */
#include "testutil.h"

#include <unistr.h>

#include "readmode.h"

/* Four paragraphs of prose, the article every page below shares. */
#define PROSE                                                                          \
    "<p>The harbour authority said on Tuesday that the northern breakwater, damaged in " \
    "last winter's storms, will be rebuilt by the end of next year, at a cost that "     \
    "engineers put at roughly twelve million euros.</p>"                                 \
    "<p>Fishermen, who have used the sheltered inner basin for generations, welcomed "   \
    "the decision, although several said the repairs should have started months ago, "  \
    "before the autumn gales arrived.</p>"                                               \
    "<p>The new design raises the crest of the wall by almost two metres and adds a "    \
    "layer of concrete armour units, which are meant to absorb the energy of the "       \
    "largest waves rather than reflect it back into the channel.</p>"                    \
    "<p>Work will begin in March, weather permitting, and the authority expects the "    \
    "outer quay to stay open to smaller vessels for most of the construction period.</p>"

#define PAGE(head, before, inside, after)                                              \
    "<!DOCTYPE html><html lang=\"en\"><head><title>Breakwater to be rebuilt | Coast "  \
    "News</title>" head "</head><body><header><nav><a href=\"/\">Home</a> <a "           \
    "href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>" before        \
    "<main><article><h1>Breakwater to be rebuilt</h1>" PROSE inside "</article>" after   \
    "</main><footer><p>Copyright Coast News. All rights reserved.</p></footer></body></html>"

static rm_article *extract(const char *html, rm_status *status)
{
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), NULL, &a);
    if (status)
        *status = st;
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(a->text);
    return a;
}

/* The shared page with extra markup before the article, inside it (after
 * the prose) and after it. */
static rm_article *extract_page(const char *before, const char *inside, const char *after)
{
    static char html[16384];
    snprintf(html, sizeof html, PAGE("", "%s", "%s", "%s"), before, inside, after);
    return extract(html, NULL);
}

static void assert_article(const rm_article *a)
{
    ck_assert_msg(strstr(a->text, "northern breakwater"), "first paragraph missing: %s", a->text);
    ck_assert_msg(strstr(a->text, "outer quay to stay open"), "last paragraph missing: %s", a->text);
    ck_assert_msg(!strstr(a->text, "All rights reserved"), "footer kept: %s", a->text);
    ck_assert_msg(!strstr(a->text, "Sport"), "navigation kept: %s", a->text);
}

static void assert_absent(const rm_article *a, const char *junk)
{
    ck_assert_msg(!strstr(a->text, junk), "'%s' leaked into: %s", junk, a->text);
}

START_TEST(finds_the_article)
{
    rm_status st;
    rm_article *a = extract(PAGE("", "", "", ""), &st);
    ck_assert_int_eq(st, RM_OK);
    assert_article(a);
    ck_assert(a->readerable);
    ck_assert_msg(!strstr(a->text, "Breakwater to be rebuilt"), "title heading kept in body");
    ck_assert_uint_gt(a->word_count, 100);
    ck_assert_uint_ge(a->reading_minutes, 1);
    ck_assert_uint_ge(a->removed[RM_REMOVED_NAVIGATION], 1);
    ck_assert_uint_ge(a->removed[RM_REMOVED_FOOTER], 1);
    rm_article_free(a);
}
END_TEST

/* A page in UTF-8 is pre-scanned and parsed where the caller's bytes lie
 * (no copy), and those bytes need not end in NUL: each case's markup is in
 * a buffer of exactly its length (ASan sees a read past it), once with
 * markup the pre-scan rewrites and once with markup it leaves alone. */
START_TEST(utf8_input_is_read_in_place)
{
    static const char *const pages[] = {
        PAGE("<script>var x = 1;</script><!-- a comment -->", "", "", ""),
        "<p>Caf\xC3\xA9 au lait, ",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        size_t len = strlen(pages[i]);
        char *exact = malloc(len);
        ck_assert_ptr_nonnull(exact);
        memcpy(exact, pages[i], len);
        rm_article *a = NULL;
        rm_status st = rm_extract(exact, len, NULL, &a);
        ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
        ck_assert_ptr_nonnull(a);
        if (i == 0)
            assert_article(a);
        rm_article_free(a);
        free(exact);
    }
}
END_TEST

/* A numeric reference whose digits overflow Gumbo's int (its low byte
 * alone landed in the text) reads as U+FFFD, in the title, the text and
 * a value, and every field stays UTF-8 (found by fuzz_extract). */
START_TEST(an_overflowing_reference_is_a_replacement_character)
{
#define HUGE_REF "&#82122222222222222222222227;"
    static const char html[] = "<p>Let" HUGE_REF "s be the ones to buck that trend, and read the "
                               "book before the film comes out this winter <img src=\"a.png\" alt=\"x"
                               HUGE_REF "\">, as the critics all say" HUGE_REF "</p>";
    static const char titled[] = "<title>A" HUGE_REF "B</title><p>text</p>";
#undef HUGE_REF
    const char *pages[] = {html, titled};
    for (size_t i = 0; i < 2; i++) {
        rm_options opt = rm_default_options;
        opt.formats = RM_FORMAT_TEXT | RM_FORMAT_HTML | RM_FORMAT_MARKDOWN;
        rm_article *a = NULL;
        rm_status st = rm_extract(pages[i], strlen(pages[i]), &opt, &a);
        ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
        const char *fields[] = {a->title, a->text, a->html, a->markdown, a->excerpt};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            ck_assert_msg(!fields[k] || !u8_check((const uint8_t *)fields[k], strlen(fields[k])),
                          "field %zu of page %zu is not UTF-8", k, i);
        ck_assert_ptr_nonnull(strstr(i == 0 ? a->text : a->title, "\xEF\xBF\xBD"));
        rm_article_free(a);
    }
}
END_TEST

/* A WordPress-shaped thread, but with neutral class names: found by its
 * repeated Reply links and the textarea form. */
START_TEST(removes_comment_thread_by_structure)
{
    const char *thread =
        "<div class=\"x1\"><h3>2 Responses</h3><ol class=\"x2\">"
        "<li><img src=\"a.png\"><b>Ann</b> <a href=\"#c1\">May 3</a><p>Great piece, I grew up "
        "near that harbour and remember the old wall well.</p><a href=\"?replytocom=1\">Reply</a></li>"
        "<li><img src=\"b.png\"><b>Bob</b> <a href=\"#c2\">May 4</a><p>Twelve million seems "
        "cheap for a job of this size, to be honest.</p><a href=\"?replytocom=2\">Reply</a></li>"
        "</ol><div class=\"x3\"><h3>Say something</h3><form action=\"/post\"><textarea "
        "name=\"c\"></textarea><input type=\"email\" name=\"e\"><button>Send</button></form></div></div>";
    rm_article *a = extract_page("", "", thread);
    assert_article(a);
    assert_absent(a, "grew up near that harbour");
    assert_absent(a, "Twelve million seems cheap");
    assert_absent(a, "Say something");
    ck_assert_uint_ge(a->removed[RM_REMOVED_COMMENTS], 1);
    rm_article_free(a);
}
END_TEST

START_TEST(removes_adblock_nag_inside_article)
{
    const char *nag = "<div class=\"notice-box\"><h4>Adblock Detected</h4><p>Please support us "
                      "by disabling your ad blocker.</p><a href=\"#\">Refresh</a></div>";
    rm_article *a = extract_page("", nag, "");
    assert_article(a);
    assert_absent(a, "Adblock Detected");
    assert_absent(a, "Please support us");
    ck_assert_uint_eq(a->removed[RM_REMOVED_ADBLOCK], 1);
    rm_article_free(a);
}
END_TEST

START_TEST(removes_related_block_and_inline_related_line)
{
    const char *related = "<section class=\"box\"><h2>You may also like</h2><ul>"
                          "<li><a href=\"/a\">Lighthouse keeper retires after forty years</a></li>"
                          "<li><a href=\"/b\">Ferry timetable changes for the winter</a></li>"
                          "<li><a href=\"/c\">Storm warning issued for the weekend</a></li></ul></section>";
    const char *inline_related = "<p><strong>Related:</strong> <a href=\"/d\">Council approves "
                                 "the new harbour budget</a></p>";
    rm_article *a = extract_page("", inline_related, related);
    assert_article(a);
    assert_absent(a, "Lighthouse keeper retires");
    assert_absent(a, "Council approves the new harbour budget");
    ck_assert_uint_ge(a->removed[RM_REMOVED_RELATED], 2);
    rm_article_free(a);
}
END_TEST

START_TEST(removes_share_bar_by_share_links)
{
    const char *share = "<div class=\"b7\"><span>Spread the word</span>"
                        "<a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">f</a>"
                        "<a href=\"https://twitter.com/intent/tweet?url=x\">t</a>"
                        "<a href=\"https://www.linkedin.com/sharing/share-offsite/?url=x\">in</a></div>";
    rm_article *a = extract_page("", share, "");
    assert_article(a);
    assert_absent(a, "Spread the word");
    ck_assert_uint_eq(a->removed[RM_REMOVED_SHARE], 1);
    rm_article_free(a);
}
END_TEST

START_TEST(removes_cookie_banner_and_newsletter_prompt)
{
    const char *banner = "<div id=\"bar\" style=\"position:fixed;bottom:0\"><p>We use cookies to "
                         "improve your experience.</p><button>Accept all</button></div>";
    const char *signup = "<div class=\"card\"><h3>Get the newsletter</h3><form><input "
                         "type=\"email\"><button>Subscribe</button></form></div>";
    rm_article *a = extract_page(banner, signup, "");
    assert_article(a);
    assert_absent(a, "We use cookies");
    assert_absent(a, "Get the newsletter");
    ck_assert_uint_ge(a->removed[RM_REMOVED_PROMPT] + a->removed[RM_REMOVED_CONSENT], 2);
    rm_article_free(a);
}
END_TEST

START_TEST(hidden_elements_are_not_text)
{
    const char *hidden = "<p hidden>Secret one.</p><p aria-hidden=\"true\">Secret two.</p>"
                         "<p style=\"display: none\">Secret three.</p>";
    rm_article *a = extract_page("", hidden, "");
    assert_article(a);
    assert_absent(a, "Secret");
    rm_article_free(a);
}
END_TEST

START_TEST(article_about_cookies_is_kept)
{
    /* Phrase rules fire on short boxes, never on prose that mentions them. */
    const char *prose = "<p>Regulators said that when a website says we use cookies it must also "
                        "offer a way to refuse them, and that a banner hiding the reject button "
                        "breaks the rules, according to the guidance published on Monday.</p>";
    rm_article *a = extract_page("", prose, "");
    ck_assert_msg(strstr(a->text, "breaks the rules"), "prose about cookies dropped");
    rm_article_free(a);
}
END_TEST

/* A comma-rich visitor-information block outscores the article's plain
 * divs; the JSON-LD articleBody says where the article really is. */
#define LD_SENTENCES                                                                   \
    "Dredging of the inner harbour began on Monday, the port authority said, and is "  \
    "expected to last about six weeks. The work will deepen the main channel by a "    \
    "metre so that larger ferries can dock at low tide. Residents near the quay have " \
    "been warned about noise from the pumps during the night shifts. The authority "   \
    "said the removed silt would be tested before it is moved to a licensed site inland."
#define LD_PAGE(body_key)                                                                     \
    "<html><head><title>Harbour dredging begins</title><script type=\"application/ld+json\">" \
    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"" body_key "\":\""     \
    LD_SENTENCES "\"}</script></head><body><div><div>"                                          \
    "<div>Dredging of the inner harbour began on Monday, the port authority said, and is "   \
    "expected to last about six weeks.</div><div>The work will deepen the main channel by a " \
    "metre so that larger ferries can dock at low tide.</div><div>Residents near the quay "   \
    "have been warned about noise from the pumps during the night shifts.</div><div>The "     \
    "authority said the removed silt would be tested before it is moved to a licensed site " \
    "inland.</div></div></div><div><p>Opening hours, holidays, fees, parking, tickets, maps, " \
    "contacts, lost property, accessibility, groups, schools, events, tours, shops, cafes, "  \
    "toilets, lockers, lifts, ramps, guides, and more, all listed here, with prices, times, " \
    "phone numbers, addresses, and notes, updated, checked, and confirmed.</p><p>Visitor "   \
    "information, directions, timetables, fares, discounts, passes, memberships, donations, " \
    "gifts, vouchers, newsletters, surveys, feedback, complaints, compliments, questions, "   \
    "answers, policies, terms, conditions, privacy, and safety notices, for residents.</p>"  \
    "</div></body></html>"

START_TEST(json_ld_article_body_points_at_the_article)
{
    rm_article *a = extract(LD_PAGE("articleBody"), NULL);
    ck_assert_msg(strstr(a->text, "Dredging of the inner harbour"), "article missed: %s", a->text);
    assert_absent(a, "Opening hours");
    rm_article_free(a);
    /* Without the witness the scorer alone picks the comma-rich block. */
    a = extract(LD_PAGE("description"), NULL);
    ck_assert_msg(strstr(a->text, "Opening hours"), "control page changed: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* Infinite scroll: the next story is appended as a longer sibling
 * <article>; the page's title names the first. */
START_TEST(the_titled_article_wins_over_an_appended_one)
{
    const char *html =
        "<html><head><title>Ferry suspended after engine fault | Coast News</title></head><body>"
        "<article><h1>Ferry suspended after engine fault</h1>" PROSE "</article>"
        "<div class=next>Next story</div>"
        "<article><h1>Bakery on Quay Street closes after ninety years</h1>" PROSE PROSE
        "<p>Customers queued around the corner on its final morning, some of them with "
        "photographs of their grandparents standing at the same counter decades ago.</p></article>"
        "</body></html>";
    rm_article *a = extract(html, NULL);
    ck_assert_msg(strstr(a->text, "northern breakwater"), "first article missing: %s", a->text);
    assert_absent(a, "Customers queued");
    rm_article_free(a);
}
END_TEST

START_TEST(a_row_naming_the_author_is_a_byline)
{
    const char *html =
        "<html><head><title>Breakwater to be rebuilt</title><meta name=author content=\"Helen Okafor\">"
        "</head><body><article><h1>Breakwater to be rebuilt</h1><p>Harbour news · Helen Okafor · "
        "29 October 2026</p>" PROSE "</article></body></html>";
    rm_article *a = extract(html, NULL);
    ck_assert_str_eq(a->byline, "Helen Okafor");
    assert_absent(a, "Helen Okafor");
    assert_article(a);
    rm_article_free(a);
}
END_TEST

/* Newsroom furniture around real text: ad labels, screen-reader-only
 * labels, photo credits, the author's bio, a component named only in a
 * data attribute, a copyright line between <br>s; a wire sign-off stays. */
START_TEST(newsroom_furniture_goes_wire_credit_stays)
{
    const char *html =
        "<html><head><title>Breakwater to be rebuilt</title><meta name=author content=\"Ann Lee\">"
        "</head><body><article><h1>Breakwater to be rebuilt</h1>"
        "<figure><div><img src=a.jpg><span>Image source, Getty Images</span></div>"
        "<figcaption><span class=visually-hidden>Image caption, </span>The old wall at dawn</figcaption></figure>"
        PROSE "<div>Advertisement</div>"
        "<div data-component=\"NewsletterSignup\"><h3>Morning briefing</h3><p>The news before seven.</p>"
        "<a href=/nl>Get it</a></div>"
        "<p>Reporting by Ann Lee; Editing by Tom Hart</p>"
        "<div>Fishermen were told on Friday.<br><br>Copyright 2026 Coast News. All rights reserved.</div>"
        "<p>Ann Lee covers the coast for Coast News, from ferries to fisheries.</p>"
        "</article></body></html>";
    rm_article *a = extract(html, NULL);
    assert_article(a);
    assert_absent(a, "Advertisement");
    assert_absent(a, "Image source");
    assert_absent(a, "Image caption");
    assert_absent(a, "Morning briefing");
    assert_absent(a, "All rights reserved");
    assert_absent(a, "covers the coast");
    /* The caption goes with its picture: in the reader HTML, not in the
     * plain text (test_article_text.c). */
    ck_assert_msg(strstr(a->html, "The old wall at dawn"), "caption lost: %s", a->html);
    assert_absent(a, "The old wall at dawn");
    ck_assert_msg(strstr(a->text, "Reporting by Ann Lee"), "wire credit lost: %s", a->text);
    ck_assert_msg(strstr(a->text, "Fishermen were told"), "br text lost: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* An author box often sets the bio in a bare <div> of text under the
 * name and photo (class names that say nothing): a div holding no block is
 * a paragraph, so the bio goes; a div of paragraphs that opens with the
 * author's name is article text and stays. */
START_TEST(author_bio_in_text_div_goes)
{
    const char *html =
        "<html><head><title>Ferry fares to rise</title><meta name=author content=\"Ann Lee\">"
        "</head><body><article><h1>Ferry fares to rise</h1>" PROSE
        "<div class=mt-4>Ann Lee is on the island this week."
        "<p>She rode the first ferry of the morning and spoke to the crew about the winter.</p></div>"
        "<div class=profile><img src=ann.jpg><div class=name>Ann Lee</div>"
        "<div class=text-sm>Ann Lee is a senior reporter who has followed the harbour for a decade.</div>"
        "</div></article></body></html>";
    rm_article *a = extract(html, NULL);
    assert_article(a);
    assert_absent(a, "senior reporter");
    ck_assert_msg(strstr(a->text, "on the island this week"), "article text lost: %s", a->text);
    rm_article_free(a);
}
END_TEST

/* A picture credit set as a line of its own ("Photo: ...", "Image by ...
 * via ...", in a paragraph or as the whole caption) goes; a caption that
 * describes the picture and a long sentence opening the same way stay. */
START_TEST(picture_credit_lines_go)
{
    const char *html =
        "<html><head><title>Harbour wall reopens</title></head><body><article>"
        "<h1>Harbour wall reopens</h1>" PROSE
        "<p>Photo: Getty Images</p>"
        "<figure><img src=a.jpg><figcaption>Image by Studio Brown via Coast Weddings</figcaption></figure>"
        "<figure><img src=b.jpg><figcaption>The rebuilt wall at high tide</figcaption></figure>"
        "<p>Photo by photo, the survey team recorded every stone of the old wall before the "
        "storms took it, and the archive is open to the public.</p>" PROSE
        "</article></body></html>";
    rm_article *a = extract(html, NULL);
    assert_article(a);
    assert_absent(a, "Getty Images");
    ck_assert_msg(!strstr(a->html, "Studio Brown"), "credit caption kept: %s", a->html);
    ck_assert_msg(strstr(a->html, "The rebuilt wall at high tide"), "caption lost: %s", a->html);
    ck_assert_msg(strstr(a->text, "the survey team recorded"), "sentence lost: %s", a->text);
    rm_article_free(a);
}
END_TEST

START_TEST(page_without_article)
{
    const char *html = "<html><body><nav><a href=\"/a\">A</a><a href=\"/b\">B</a></nav>"
                       "<p>Login</p></body></html>";
    rm_status st;
    rm_article *a = extract(html, &st);
    ck_assert_int_eq(st, RM_NO_ARTICLE);
    ck_assert(!a->readerable);
    rm_article_free(a);
}
END_TEST

START_TEST(bad_inputs_fail_cleanly)
{
    rm_article *a = (rm_article *)1;
    ck_assert_int_eq(rm_extract("", 0, NULL, &a), RM_BAD_INPUT);
    ck_assert_ptr_null(a);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    ck_assert_int_eq(rm_extract(png, sizeof png - 1, NULL, &a), RM_BAD_INPUT);
    rm_options opt = rm_default_options;
    opt.max_input_bytes = 10;
    ck_assert_int_eq(rm_extract("<p>more than ten bytes</p>", 26, &opt, &a), RM_TOO_LARGE);
    opt = rm_default_options;
    opt.charset = "no-such-charset";
    ck_assert_int_eq(rm_extract("<p>x</p>", 8, &opt, &a), RM_BAD_OPTION);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(rm_extract("<p>x</p>", 8, NULL, NULL), RM_BAD_OPTION);
}
END_TEST

START_TEST(deep_nesting_is_flattened)
{
    enum { DEPTH = 100000 };
    size_t cap = DEPTH * 11 + 1024;
    char *html = malloc(cap), *p = html;
    p += sprintf(p, "<html><body>");
    for (int i = 0; i < DEPTH; i++)
        p += sprintf(p, "<div>");
    p += sprintf(p, "%s", PROSE);
    for (int i = 0; i < DEPTH; i++)
        p += sprintf(p, "</div>");
    p += sprintf(p, "</body></html>");
    rm_article *a = extract(html, NULL);
    ck_assert_msg(strstr(a->text, "northern breakwater"), "deep text lost");
    rm_article_free(a);
    free(html);
}
END_TEST

START_TEST(counts_cjk_words)
{
    const char *html = "<html lang=\"zh\"><body><article><p>今天天气很好，我们一起去公园散步。"
                       "公园里有很多人，有的在跑步，有的在下棋，还有的在唱歌。</p></article></body></html>";
    rm_article *a = extract(html, NULL);
    ck_assert_uint_gt(a->word_count, 20);
    rm_article_free(a);
}
END_TEST

START_TEST(probe_only_decides_readerable)
{
    rm_options opt = rm_default_options;
    opt.probe_only = true;
    const char *html = PAGE("", "", "", "");
    rm_article *a = NULL;
    ck_assert_int_eq(rm_extract(html, strlen(html), &opt, &a), RM_OK);
    ck_assert(a->readerable);
    rm_article_free(a);
}
END_TEST

START_TEST(status_names_are_stable)
{
    ck_assert_str_eq(rm_status_code(RM_NO_ARTICLE), "no_article");
    ck_assert_str_eq(rm_status_code(RM_TOO_LARGE), "too_large");
    ck_assert_str_eq(rm_removed_kind_name(RM_REMOVED_ADBLOCK), "adblock");
    ck_assert_str_eq(rm_removed_kind_name(RM_REMOVED_KIND_COUNT), "unknown");
}
END_TEST

/* A recipe card's labelled rows ("Prep Time 15 mins", "Servings 6") are
 * data: short and unlike prose, in a box named "meta" like a date line,
 * yet kept, as a table of data would be. */
START_TEST(recipe_labelled_rows_are_kept)
{
    const char *html = PAGE("", "",
        "<div class=\"recipe-card\"><h2>Harbour fish stew</h2>"
        "<div class=\"recipe-meta\">"
        "<div class=\"recipe-row\"><span class=\"label\">Prep Time</span><span>15 mins</span></div>"
        "<div class=\"recipe-row\"><span class=\"label\">Cook Time</span><span>40 mins</span></div>"
        "<div class=\"recipe-row\"><span class=\"label\">Servings:</span> <span>6</span></div>"
        "</div><ul><li>500 g white fish</li><li>2 onions</li><li>1 tin of tomatoes</li></ul></div>",
        "");
    rm_article *a = extract(html, NULL);
    ck_assert_msg(strstr(a->text, "Prep Time") && strstr(a->text, "40 mins") &&
                  strstr(a->text, "Servings:"), "labelled rows lost:\n%s", a->text);
    ck_assert_msg(strstr(a->text, "twelve million euros"), "article lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* The same rows as templates write them, a line break and indentation
 * between the rows and between a row's label and value: that white space
 * is no part of a row and no block beside the rows. */
START_TEST(indented_labelled_rows_are_kept)
{
    const char *html = PAGE("", "",
        "<div class=\"specs\">\n"
        "  <div class=\"spec-row\">\n    <span class=\"name\">Case Size</span>\n"
        "    <span class=\"value\">44</span>\n  </div>\n"
        "  <div class=\"spec-row\">\n    <span class=\"name\">Water Resistance</span>\n"
        "    <span class=\"value\">5 BAR</span>\n  </div>\n"
        "  <div class=\"spec-row\">\n    <span class=\"name\">Glass</span>\n"
        "    <span class=\"value\">Mineral</span>\n  </div>\n"
        "</div>",
        "");
    rm_article *a = extract(html, NULL);
    ck_assert_msg(strstr(a->text, "Case Size") && strstr(a->text, "5 BAR") &&
                  strstr(a->text, "Mineral"), "labelled rows lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Rows as layout kits write them: each in a stripe and a flex line, its
 * label and its value in boxes of their own, which conditional cleaning
 * judges before the row (short, no commas) unless they count as the
 * row's parts. */
#define WRAPPED_ROW(label, value)                                                    \
    "<div class=\"stripe\"><div class=\"flex\"><div class=\"name\"><span>" label     \
    "</span></div><div class=\"value\">" value "</div></div></div>"

START_TEST(wrapped_labelled_rows_are_kept)
{
    const char *html = PAGE("", "",
        "<div class=\"dimensions\">" WRAPPED_ROW("Height", "3.2 m") WRAPPED_ROW("Length", "410 m")
        WRAPPED_ROW("Blocks", "1,200") "</div>",
        "");
    rm_article *a = extract(html, NULL);
    ck_assert_msg(strstr(a->text, "Height") && strstr(a->text, "3.2 m") &&
                  strstr(a->text, "410 m") && strstr(a->text, "1,200"),
                  "labelled rows lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A tooltip's body shows only while the pointer rests on its trigger:
 * by its class (the trigger's own words stay) or by role=tooltip. */
START_TEST(tooltip_bodies_are_hidden)
{
    const char *html = PAGE("", "",
        "<p>The new wall uses <span class=\"tooltip\">tetrapods<span class=\"tooltiptext\">"
        "Four-legged concrete blocks that interlock</span></span> on its seaward face.</p>"
        "<h4>Wave height <tool-tip class=\"tool-tip\"><div class=\"tool-tip__content\">"
        "The height from trough to crest of the largest waves</div></tool-tip></h4>"
        "<p>Designed for seven metres.</p>"
        "<div role=\"tooltip\" id=\"tip\">Measured at the harbour mouth buoy</div>",
        "");
    rm_article *a = extract(html, NULL);
    ck_assert_msg(strstr(a->text, "tetrapods") && strstr(a->text, "Wave height"),
                  "tooltip triggers lost:\n%s", a->text);
    ck_assert_msg(!strstr(a->text, "Four-legged") && !strstr(a->text, "trough to crest") &&
                  !strstr(a->text, "harbour mouth buoy"), "tooltip bodies shown:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* Rows led by a number are a widget's display (a sale's countdown), and
 * two parts saying the same are one line written for phones and again
 * for wide screens: neither is data, and both go as short boxes. */
START_TEST(countdown_and_doubled_lines_are_no_rows)
{
    const char *html = PAGE("", "",
        "<div class=\"countdown\">"
        "<div><span>00</span> <span>Minutes</span></div>"
        "<div><span>00</span> <span>Seconds</span></div></div>"
        "<div class=\"promo\">"
        "<div><span class=\"mobile\">Hold up!</span><span class=\"desktop\">Hold up!</span></div>"
        "<div><span class=\"mobile\">Save now</span><span class=\"desktop\">Save now</span></div>"
        "</div>",
        "");
    rm_article *a = extract(html, NULL);
    ck_assert_msg(!strstr(a->text, "Minutes") && !strstr(a->text, "Seconds"),
                  "countdown kept:\n%s", a->text);
    ck_assert_msg(!strstr(a->text, "Hold up!") && !strstr(a->text, "Save now"),
                  "doubled promo lines kept:\n%s", a->text);
    ck_assert_msg(strstr(a->text, "twelve million euros"), "article lost:\n%s", a->text);
    rm_article_free(a);
}
END_TEST

/* A heading placed by a scroll utility class ("scroll-mt-20": where it
 * lands when the page jumps to its anchor) is the article's; a heading of
 * a scroller widget still goes as Readability's negative class. */
START_TEST(scroll_utility_headings_stay)
{
    rm_article *a = extract_page("", "<h2 class=\"scroll-mt-20 font-bold\">Where the money goes</h2>"
                                     "<p>Most of the budget pays for the armour units and the crane "
                                     "barge that lays them, the rest for the survey work.</p>"
                                     "<h2 class=\"scroller-title\">Trending in the region</h2>"
                                     "<p>The authority will publish the contract terms once the "
                                     "tender closes at the end of the month.</p>",
                                 "");
    assert_article(a);
    ck_assert_msg(strstr(a->text, "Where the money goes"), "scroll-utility heading lost: %s", a->text);
    assert_absent(a, "Trending in the region");
    rm_article_free(a);
}
END_TEST

static Suite *extract_suite(void)
{
    Suite *s = suite_create("extract");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, finds_the_article);
    tcase_add_test(tc, scroll_utility_headings_stay);
    tcase_add_test(tc, removes_comment_thread_by_structure);
    tcase_add_test(tc, removes_adblock_nag_inside_article);
    tcase_add_test(tc, removes_related_block_and_inline_related_line);
    tcase_add_test(tc, removes_share_bar_by_share_links);
    tcase_add_test(tc, removes_cookie_banner_and_newsletter_prompt);
    tcase_add_test(tc, hidden_elements_are_not_text);
    tcase_add_test(tc, article_about_cookies_is_kept);
    tcase_add_test(tc, json_ld_article_body_points_at_the_article);
    tcase_add_test(tc, the_titled_article_wins_over_an_appended_one);
    tcase_add_test(tc, a_row_naming_the_author_is_a_byline);
    tcase_add_test(tc, newsroom_furniture_goes_wire_credit_stays);
    tcase_add_test(tc, recipe_labelled_rows_are_kept);
    tcase_add_test(tc, indented_labelled_rows_are_kept);
    tcase_add_test(tc, wrapped_labelled_rows_are_kept);
    tcase_add_test(tc, tooltip_bodies_are_hidden);
    tcase_add_test(tc, countdown_and_doubled_lines_are_no_rows);
    tcase_add_test(tc, author_bio_in_text_div_goes);
    tcase_add_test(tc, picture_credit_lines_go);
    tcase_add_test(tc, page_without_article);
    tcase_add_test(tc, bad_inputs_fail_cleanly);
    tcase_add_test(tc, deep_nesting_is_flattened);
    tcase_add_test(tc, counts_cjk_words);
    tcase_add_test(tc, probe_only_decides_readerable);
    tcase_add_test(tc, status_names_are_stable);
    tcase_add_test(tc, utf8_input_is_read_in_place);
    tcase_add_test(tc, an_overflowing_reference_is_a_replacement_character);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(extract_suite)
