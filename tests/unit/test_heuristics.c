/*
 * test_heuristics.c — the knowledge tables: class weights, unlikely
 * patterns, token-aware clutter markers, phrases and comment headings.
 */
#include "testutil.h"

#include "heuristics.h"

#include <strings.h>

START_TEST(class_weight_follows_readability)
{
    ck_assert_int_eq(heur_class_weight("entry-content "), 25);
    ck_assert_int_eq(heur_class_weight("sidebar widget "), -25);
    ck_assert_int_eq(heur_class_weight("post-body comment-count "), 0);
    ck_assert_int_eq(heur_class_weight(" hid"), -25);
    ck_assert_int_eq(heur_class_weight("hidden-xs "), -25);
    ck_assert_int_eq(heur_class_weight(""), 0);
    ck_assert_int_eq(heur_class_weight(NULL), 0);
    /* a heading's scroll utilities name no scroller */
    ck_assert_int_lt(heur_class_weight("scroll-mt-20 "), 0);
    ck_assert_int_eq(heur_heading_class_weight("scroll-mt-20 "), 0);
    ck_assert_int_eq(heur_heading_class_weight("scroll-margin-top title "), 0);
    ck_assert_int_lt(heur_heading_class_weight("scroller-title "), 0);
    ck_assert_int_lt(heur_heading_class_weight("scroll-pane "), 0);
}
END_TEST

static unsigned byline_unlikely(const char *sig) { return heur_sig_byline_unlikely(sig, strlen(sig)); }

START_TEST(unlikely_unless_maybe)
{
    ck_assert_uint_eq(byline_unlikely("sidebar "), HEUR_SIG_UNLIKELY);
    ck_assert_uint_eq(byline_unlikely(" comments"), HEUR_SIG_UNLIKELY);
    ck_assert_uint_eq(byline_unlikely("sidebar-and-content "), 0);
    ck_assert_uint_eq(byline_unlikely("article-body "), 0);
    /* byline markers in the same pass, wherever they stand */
    ck_assert_uint_eq(byline_unlikely("post-byline "), HEUR_SIG_BYLINE);
    ck_assert_uint_eq(byline_unlikely("sidebar author-box"), HEUR_SIG_BYLINE | HEUR_SIG_UNLIKELY);
    ck_assert_uint_eq(byline_unlikely("main sidebar dateline"), HEUR_SIG_BYLINE);
    ck_assert_uint_eq(byline_unlikely("sidebar byline"), HEUR_SIG_BYLINE | HEUR_SIG_UNLIKELY);
    ck_assert_uint_eq(heur_sig_byline_unlikely("sidebar byline", 7), HEUR_SIG_UNLIKELY);   /* its first 7 bytes */
    ck_assert(heur_is_unlikely_role("navigation"));
    ck_assert(heur_is_unlikely_role("dialog"));
    ck_assert(!heur_is_unlikely_role("main"));
    ck_assert(!heur_is_unlikely_role(NULL));
}
END_TEST

START_TEST(markers_match_whole_tokens)
{
    bool strong;
    ck_assert_int_eq(heur_marker_kind("comment-list", NULL, &strong), RM_REMOVED_COMMENTS);
    ck_assert(!strong);
    ck_assert_int_eq(heur_marker_kind("post_comments", NULL, &strong), RM_REMOVED_COMMENTS);
    ck_assert_int_eq(heur_marker_kind("commentary", NULL, &strong), RM_KIND_NONE);
    ck_assert_int_eq(heur_marker_kind("shareholder-letter", NULL, &strong), RM_KIND_NONE);
    ck_assert_int_eq(heur_marker_kind("loaded", NULL, &strong), RM_KIND_NONE);
    ck_assert_int_eq(heur_marker_kind(NULL, "disqus_thread", &strong), RM_REMOVED_COMMENTS);
    ck_assert(strong);
    ck_assert_int_eq(heur_marker_kind("x", "onetrust-consent-sdk", &strong), RM_REMOVED_CONSENT);
    ck_assert(strong);
    ck_assert_int_eq(heur_marker_kind("author-box", NULL, &strong), RM_REMOVED_FOOTER);
    ck_assert_int_eq(heur_marker_kind("tie-popup is-fixed-popup", "x", &strong), RM_REMOVED_ADBLOCK);
    ck_assert_int_eq(heur_marker_kind("jp-relatedposts", NULL, &strong), RM_REMOVED_RELATED);
    ck_assert_int_eq(heur_marker_kind("Sharedaddy sd-sharing", NULL, &strong), RM_REMOVED_SHARE);
    ck_assert_int_eq(heur_marker_kind("twitter-tweet", NULL, &strong), RM_REMOVED_SHARE);
    ck_assert(strong);
    ck_assert_int_eq(heur_marker_kind("instagram-media", NULL, &strong), RM_REMOVED_SHARE);
    ck_assert_int_eq(heur_marker_kind("tweet-text", NULL, &strong), RM_KIND_NONE);
}
END_TEST

static rm_removed_kind phrase(const char *s)
{
    return heur_phrase_kind(s, strlen(s));
}

START_TEST(phrases_in_several_languages)
{
    ck_assert_int_eq(phrase("adblock detected"), RM_REMOVED_ADBLOCK);
    ck_assert_int_eq(phrase("please consider whitelisting us"), RM_REMOVED_ADBLOCK);
    ck_assert_int_eq(phrase("schreibe einen kommentar"), RM_REMOVED_COMMENTS);
    ck_assert_int_eq(phrase("à lire aussi"), RM_REMOVED_RELATED);
    ck_assert_int_eq(phrase("関連記事"), RM_REMOVED_RELATED);
    ck_assert_int_eq(phrase("wir verwenden cookies auf dieser website"), RM_REMOVED_CONSENT);
    ck_assert_int_eq(phrase("仅限订阅"), RM_REMOVED_PROMPT);
    ck_assert_int_eq(phrase("the council met on tuesday"), RM_KIND_NONE);
    ck_assert_int_eq(phrase(""), RM_KIND_NONE);
}
END_TEST

static bool comment_heading(const char *s)
{
    return heur_is_comment_heading(s, strlen(s));
}

START_TEST(comment_count_headings)
{
    ck_assert(comment_heading("12 comments"));
    ck_assert(comment_heading("3 thoughts on “how to automate backups”"));
    ck_assert(comment_heading("2 kommentare"));
    ck_assert(!comment_heading("comments are closed"));
    ck_assert(!comment_heading("12 ways to cook rice"));
}
END_TEST

START_TEST(share_and_video_urls)
{
    ck_assert(heur_is_share_url("https://www.facebook.com/sharer/sharer.php?u=x"));
    ck_assert(heur_is_share_url("https://twitter.com/intent/tweet?url=x"));
    ck_assert(heur_is_share_url("mailto:?subject=Read%20this"));
    ck_assert(!heur_is_share_url("https://twitter.com/someone"));
    ck_assert(!heur_is_share_url(NULL));
    ck_assert(heur_is_video_url("https://www.youtube.com/embed/abc"));
    ck_assert(heur_is_video_url("https://player.vimeo.com/video/1"));
    ck_assert(!heur_is_video_url("https://ads.example/frame"));
}
END_TEST

START_TEST(tag_tables)
{
    ck_assert(heur_is_block_tag(GUMBO_TAG_P));
    ck_assert(!heur_is_block_tag(GUMBO_TAG_SPAN));
    ck_assert(heur_is_scored_tag(GUMBO_TAG_TD));
    ck_assert(!heur_is_scored_tag(GUMBO_TAG_DIV));
    ck_assert(heur_is_never_content(GUMBO_TAG_SCRIPT));
    ck_assert_int_eq(heur_tag_prior(GUMBO_TAG_DIV), 5);
    ck_assert_int_eq(heur_tag_prior(GUMBO_TAG_H2), -5);
    ck_assert_int_eq(heur_tag_prior(GUMBO_TAG_SPAN), 0);
    /* beyond the tables: unknown tags and the end marker are in no set */
    ck_assert(!heur_is_block_tag(GUMBO_TAG_UNKNOWN));
    ck_assert(!heur_is_never_content(GUMBO_TAG_LAST));
    ck_assert_int_eq(heur_tag_prior(GUMBO_TAG_LAST), 0);
    ck_assert(heur_is_never_content(GUMBO_TAG_MENU));   /* the table's last entry */
    ck_assert(heur_is_block_tag(GUMBO_TAG_HR));
}
END_TEST


static bool control(const char *s) { return heur_is_page_control(s, strlen(s)); }
static rm_removed_kind note(const char *s) { return heur_note_kind(s, strlen(s)); }

START_TEST(page_controls_and_notes)
{
    ck_assert(control("[edit]"));
    ck_assert(control("edit source"));
    ck_assert(control("jump to navigation"));
    ck_assert(control("skip to main content"));
    ck_assert(!control("editors' picks"));
    ck_assert(!control("the editor"));
    ck_assert_int_eq(note("this post may contain affiliate links."), RM_REMOVED_ADS);
    ck_assert_int_eq(note("as an amazon associate i earn from qualifying purchases."), RM_REMOVED_ADS);
    ck_assert_int_eq(note("published in the print edition of the may issue."), RM_REMOVED_FOOTER);
    ck_assert_int_eq(note("the affiliate programme was wound up in 2019, the council said."), RM_KIND_NONE);
    ck_assert(control("back to top"));
    ck_assert(control("[ nach oben ]"));
    ck_assert(control("check price at amazon"));
    ck_assert(!control("price checks"));
    ck_assert_int_eq(note("want more? sign up for our newsletter, the crossing."), RM_REMOVED_PROMPT);
    ck_assert_int_eq(note("sign in to add this item to your wishlist"), RM_REMOVED_PROMPT);
    ck_assert_int_eq(note("already have an account? log in"), RM_REMOVED_PROMPT);
    ck_assert_int_eq(note("you will not need to sign in to anything."), RM_KIND_NONE);
}
END_TEST

/* The phrase tables are searched by a window that jumps over the text
 * (heuristics.c): a phrase must be found wherever it starts, right up to
 * the end of the text, and a phrase cut short never. */
static const struct {
    const char *phrase;
    rm_removed_kind kind;
    bool note;   /* heur_note_kind's tables, else heur_phrase_kind's */
} placed[] = {
    {"affiliate link", RM_REMOVED_ADS, true},
    {"join our mailing list", RM_REMOVED_PROMPT, true},
    {"this thread has been locked", RM_REMOVED_FOOTER, true},
    {"something went wrong", RM_REMOVED_PROMPT, true},
    {"adblock detected", RM_REMOVED_ADBLOCK, false},
};

START_TEST(phrases_found_at_every_offset)
{
    /* filler made of the phrases' own letters and pairs */
    static const char filler[] = "this link has our list, been detected; lock it. mailing join ";
    for (size_t k = 0; k < sizeof placed / sizeof placed[0]; k++) {
        size_t n = strlen(placed[k].phrase);
        for (size_t at = 0; at < sizeof filler - 1; at++) {
            char text[256];
            memcpy(text, filler, at);
            memcpy(text + at, placed[k].phrase, n);
            size_t whole = at + n, cut = whole - 1;
            rm_removed_kind found = placed[k].note ? heur_note_kind(text, whole)
                                                   : heur_phrase_kind(text, whole);
            ck_assert_msg(found == placed[k].kind, "\"%s\" at %zu", placed[k].phrase, at);
            found = placed[k].note ? heur_note_kind(text, cut) : heur_phrase_kind(text, cut);
            ck_assert_msg(found == RM_KIND_NONE, "\"%s\" cut at %zu", placed[k].phrase, at);
        }
    }
}
END_TEST

START_TEST(placeholders_and_class_names)
{
    ck_assert(heur_is_placeholder("loading...", 10));
    ck_assert(heur_is_placeholder("showing 1-24 of 291 results", 27));
    ck_assert(!heur_is_placeholder("item 12 of the list, short.", 27));
    ck_assert(!heur_is_placeholder("", 0));
    ck_assert(heur_is_placeholder("no products in the cart.", 24));
    ck_assert(heur_is_placeholder("your bag is empty", 17));
    ck_assert(!heur_is_placeholder("your cart is empty of clutter", 29));
    ck_assert_uint_eq(heur_class_name_facts("sr-only", 7, false), HEUR_CLASS_SCREEN_READER);
    ck_assert_uint_eq(heur_class_name_facts("Tab-Pane", 8, false), HEUR_CLASS_TAB_PANEL);
    ck_assert_uint_eq(heur_class_name_facts("comment-1", 9, false), 0);
    ck_assert_uint_eq(heur_class_name_facts("D-None", 6, false), HEUR_CLASS_HIDING);
    ck_assert_uint_eq(heur_class_name_facts("hidden", 6, false), HEUR_CLASS_HIDING);
    ck_assert_uint_eq(heur_class_name_facts("md:block", 8, true), HEUR_CLASS_SHOWS);
    ck_assert_uint_eq(heur_class_name_facts("d-lg-flex", 9, false), HEUR_CLASS_SHOWS);
    ck_assert(heur_is_tab_panel("box tab-pane active"));
    ck_assert(!heur_is_tab_panel("tab-pane-x"));
}
END_TEST

/* heur_class_list_facts reads a whole list as heur_class_name_facts reads
 * it name by name, or sets HEUR_CLASS_CHECK where it cannot (a name that
 * starts with "d-", is "fixed" or holds "fallback-image", in any case). */
START_TEST(class_list_read_at_once_as_name_by_name)
{
    static const char *const parts[] = {
        "sr-only", "SR-Only", "hidden", "Hide", "md:block", "d-none", "D-Flex", "d-n", "tab-pane",
        "x", "fixed", "Fixed", "fallback-image", "wikifallback-imagex", "visually-hidden", "a:b",
    };
    static const char *const gaps[] = {" ", "\t", "\n", "  ", "-"};
    unsigned seed = 3;
    for (int round = 0; round < 5000; round++) {
        char list[256];
        size_t n = 0;
        unsigned count = (seed = seed * 1103515245u + 12345u) >> 16 & 7;
        list[0] = '\0';
        for (unsigned k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", k ? gaps[(seed >> 8) % 5] : "",
                                  parts[(seed >> 16) % (sizeof parts / sizeof parts[0])]);
        }
        unsigned want = 0;
        bool check = false;
        for (const char *p = list; *p;) {
            size_t len = strcspn(p, " \t\n");
            if (len) {
                want |= heur_class_name_facts(p, len, memchr(p, ':', len) != NULL);
                check = check || strncasecmp(p, "d-", 2) == 0 || (len == 5 && strncasecmp(p, "fixed", 5) == 0);
                for (size_t k = 0; k + 14 <= len; k++)
                    check = check || strncasecmp(p + k, "fallback-image", 14) == 0;
            }
            p += len + (p[len] != '\0');
        }
        unsigned got = heur_class_list_facts(list, n);
        unsigned facts = HEUR_CLASS_SCREEN_READER | HEUR_CLASS_TAB_PANEL | HEUR_CLASS_HIDING | HEUR_CLASS_SHOWS;
        ck_assert_msg(((got & HEUR_CLASS_CHECK) != 0) == check, "\"%s\"", list);
        if (!check)
            ck_assert_msg((got & facts) == want, "\"%s\": %x, not %x", list, got & facts, want);
    }
}
END_TEST

START_TEST(profile_links_and_member_titles)
{
    const char *yes[] = {
        "/members/ann.12/", "https://forum.example/u/ann", "/users/12/ann-lee",
        "https://www.example.com/profile/Ann-Lee", "./memberlist.php?mode=viewprofile&u=2",
        "member.php?u=12", "https://old.example.com/user/ann",
    };
    const char *no[] = {
        "/members/", "/threads/fans.1/post-12", "https://example.com/u/", "/user",
        "memberlist.php", "/about/users-guide", "#p12", NULL,
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        ck_assert_msg(heur_is_profile_link(yes[i]), "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        ck_assert_msg(!heur_is_profile_link(no[i]), "%s", no[i] ? no[i] : "(null)");
    ck_assert(heur_is_member_title_marker("userTitle message-userTitle"));
    ck_assert(heur_is_member_title_marker("userBanner message-userBanner"));
    ck_assert(heur_is_member_title_marker("profile-rank"));
    ck_assert(!heur_is_member_title_marker("no-profile-rank has-avatar"));
    ck_assert(!heur_is_member_title_marker("title"));
    ck_assert(heur_is_machine_summary_marker("block xfa-block", "ai-summary-block"));
    ck_assert(heur_is_machine_summary_marker("gpt_summaries", NULL));
    ck_assert(heur_is_machine_summary_marker("llm-tldr", NULL));
    ck_assert(!heur_is_machine_summary_marker("gpt-ad-slot", "gpt-ad-leaderboard"));
    ck_assert(!heur_is_machine_summary_marker("summary", "thread-summary"));
    ck_assert(!heur_is_machine_summary_marker(NULL, NULL));
    ck_assert_uint_eq(heur_reply_prefix("re: quiet fans", 14), 4);
    ck_assert_uint_eq(heur_reply_prefix(" aw:  leise lüfter", 19), 6);
    ck_assert_uint_eq(heur_reply_prefix("reply: quiet fans", 17), 0);
    ck_assert_uint_eq(heur_reply_prefix("re:", 3), 0);
    ck_assert(heur_is_avatar_marker("avatar-u781584-m"));
    ck_assert(!heur_is_avatar_marker("message-body"));
    ck_assert(heur_is_phone_only_marker("cAuthorPane_mobile ipsResponsive_showPhone"));
    ck_assert(heur_is_phone_only_marker("author visible-xs"));
    ck_assert(!heur_is_phone_only_marker("ipsResponsive_hidePhone"));
    ck_assert(!heur_is_phone_only_marker("mobile-only-menu"));
    ck_assert(heur_is_rendering_marker("ipsTime__short", "short"));
    ck_assert(heur_is_rendering_marker("date date--long", "long"));
    ck_assert(!heur_is_rendering_marker("ipsTime__short", "long"));
    ck_assert(!heur_is_rendering_marker("shortlist short", "short"));
    ck_assert(heur_is_post_control("permalink", 9));
    ck_assert(heur_is_post_control(" report inappropriate content ", 30));
    ck_assert(!heur_is_post_control("reply to ann's question", 23));
    ck_assert(!heur_is_post_control("save 20%", 8));
    ck_assert(heur_is_post_control("view forum posts", 16));
    const char *heads[] = {"11 answers", "1 answer", "20 replies to this topic", "1,204 comments",
                           "featured replies", "recommended posts", " 4 replies: "};
    const char *not_heads[] = {"answers", "11 answers later", "reply", "the 3 answers i liked",
                               "4 replies to ann", "related posts"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        ck_assert_msg(heur_is_thread_heading(heads[i], strlen(heads[i])), "%s", heads[i]);
    for (size_t i = 0; i < sizeof not_heads / sizeof not_heads[0]; i++)
        ck_assert_msg(!heur_is_thread_heading(not_heads[i], strlen(not_heads[i])), "%s", not_heads[i]);
    const char *notes[] = {
        "last edited: jul 9, 2022", "last edited by ann; feb 17, 2026 at 9:17 am",
        "edited june 19, 2024 by coldj", "2 weeks later...", "3 months later...",
    };
    const char *not_notes[] = {
        "edited for a typo.", "edited", "the edited version is better", "2 weeks ago",
        "weeks later", "my last edit fixed it",
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
        ck_assert_msg(heur_is_edit_note(notes[i], strlen(notes[i])), "%s", notes[i]);
    for (size_t i = 0; i < sizeof not_notes / sizeof not_notes[0]; i++)
        ck_assert_msg(!heur_is_edit_note(not_notes[i], strlen(not_notes[i])), "%s", not_notes[i]);
}
END_TEST

START_TEST(member_stat_rows)
{
    const char *yes[] = {"joined: mar 2019", "posts: 1,204", " 1,204 posts", "87 messages",
                         "registered 2012", "location: berlin", "518 helpful votes"};
    const char *no[] = {"my posts keep vanishing", "2 may 2025", "reply", "join us"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        ck_assert_msg(heur_starts_with_member_stat(yes[i], strlen(yes[i])), "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        ck_assert_msg(!heur_starts_with_member_stat(no[i], strlen(no[i])), "%s", no[i]);
}
END_TEST

/* A shop's result counts and grid toolbar are page controls; a heading
 * that names the products is not. */
START_TEST(shop_toolbar_lines_are_placeholders)
{
    static const char *const controls[] = {
        "items 1-24 of 123", "1–30 of 143 products", "(143 products)", "loaded 143 results",
        "showing 70 results", "view as grid list", "show 24 per page",
        "sort by set descending direction", "7 min read",
    };
    for (size_t k = 0; k < sizeof controls / sizeof controls[0]; k++)
        ck_assert_msg(heur_is_placeholder(controls[k], strlen(controls[k])), "%s", controls[k]);
    ck_assert(!heur_is_placeholder("products (143)", 14));
    ck_assert(!heur_is_placeholder("trail running shoes", 19));
    ck_assert(heur_count_prices("was $12 now $9", 5) == 2);
    ck_assert(heur_count_prices("12,99 \xE2\x82\xAC", 5) == 1);
    ck_assert(heur_is_price_tag("$520.00", 7));
    ck_assert(!heur_is_price_tag("Free shipping on orders $40 or more", 35));
    /* dashes, quotes and spaces open with a sign's bytes: prices beside them */
    ck_assert(heur_count_prices("\xE2\x80\x94\xC2\xA3 12\xE2\x80\xA6", 5) == 1);   /* —£ 12… */
    ck_assert(heur_count_prices("7 \xE2\x82\xAC \xE2\x82\xB9" "5", 5) == 2);  /* 7 € ₹5 */
    ck_assert(heur_count_prices("\xC2\xA0\xC2\xA9\xE2\x80\x94\xE2\x80\xA6 $ x", 5) == 0);
    ck_assert(heur_count_prices("$", 5) == 0);
}
END_TEST

static Suite *heuristics_suite(void)
{
    Suite *s = suite_create("heuristics");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, class_weight_follows_readability);
    tcase_add_test(tc, unlikely_unless_maybe);
    tcase_add_test(tc, markers_match_whole_tokens);
    tcase_add_test(tc, phrases_in_several_languages);
    tcase_add_test(tc, comment_count_headings);
    tcase_add_test(tc, share_and_video_urls);
    tcase_add_test(tc, tag_tables);
    tcase_add_test(tc, page_controls_and_notes);
    tcase_add_test(tc, member_stat_rows);
    tcase_add_test(tc, profile_links_and_member_titles);
    tcase_add_test(tc, shop_toolbar_lines_are_placeholders);
    tcase_add_test(tc, phrases_found_at_every_offset);
    tcase_add_test(tc, placeholders_and_class_names);
    tcase_add_test(tc, class_list_read_at_once_as_name_by_name);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(heuristics_suite)
