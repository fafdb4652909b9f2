/*
 * heuristics.h — the extractor's knowledge as data: tag classes, class/id
 * patterns, clutter markers and phrase lists, with the matchers over them.
 *
 * Everything page-specific the extractor "knows" lives in heuristics.c as
 * commented tables; the passes in score.c and clean.c only ask questions.
 */
#ifndef RM_HEURISTICS_H
#define RM_HEURISTICS_H

#include "dom.h"
#include "readmode.h"
#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RM_KIND_NONE RM_REMOVED_KIND_COUNT

/* Tag classes (Readability.js and the HTML spec's categories). */
/* Does a class list open with a layout utility ("d-flex", "row",
 * "col-md-8", "gap-4"), which names no kind of box? */
bool heur_is_layout_class(const char *cls);
bool heur_is_block_tag(GumboTag tag);      /* turns a div into a container */
bool heur_is_scored_tag(GumboTag tag);     /* p, pre, td, section, h2-h6 */
bool heur_is_never_content(GumboTag tag);  /* script, style, head... */
int heur_tag_prior(GumboTag tag);          /* initial candidate score */
bool heur_is_heading_tag(GumboTag tag);    /* h1-h6 */

/* `sig` is the lower-cased "class id" string of an element. */
int heur_class_weight(const char *sig);    /* -50..+50 */
/* The class weight of a heading, not counting scroll utility classes
 * ("scroll-mt-20"), which place a heading and name no scroller. */
int heur_heading_class_weight(const char *sig);
/* heur_class_weight and Readability's unlikely-candidate test (an
 * unlikely pattern, and no "maybe" pattern to rescue the element) from the
 * patterns found in a signature, read once per element (engine.c):
 * HEUR_SIG_* bits. */
enum {
    HEUR_SIG_POSITIVE = 1u << 0,
    HEUR_SIG_NEGATIVE = 1u << 1,
    HEUR_SIG_UNLIKELY = 1u << 2,
    HEUR_SIG_MAYBE = 1u << 3,
    /* from the scans below: "hid" somewhere; for heur_sig_weight:
     * Readability's whole word "hid" (heur_has_hid_word) */
    HEUR_SIG_HID = 1u << 4,
    /* from the scans below: "hid" between white space or the edges,
     * which heur_has_hid_word (spaces only) then confirms */
    HEUR_SIG_HID_WORD = 1u << 5,
    HEUR_SIG_ALL = (1u << 6) - 1,
};
/* The HEUR_SIG_* patterns in s[0..len) (any case), one pass for all, as
 * the text stands in a signature between spaces or its edges. */
unsigned heur_sig_word_patterns(const char *s, size_t len);
bool heur_has_hid_word(const char *sig);
int heur_sig_weight(unsigned sig_bits);
bool heur_sig_unlikely(unsigned sig_bits);
bool heur_is_video_url(const char *url);
bool heur_is_share_url(const char *url);
bool heur_is_unlikely_role(const char *role);

/* Clutter kind named by an element's class/id/itemtype/data attributes
 * (whole-token matching), or RM_KIND_NONE. `strong` is set when the marker
 * is a vendor root that needs no other evidence. */
rm_removed_kind heur_marker_kind(const char *cls, const char *id, bool *strong);

/* Clutter kind named by a component name in a data attribute
 * (data-component, data-testid, data-qa ...), camelCase split. */
rm_removed_kind heur_component_kind(const char *value, bool *strong);

/* Does a short text (case-folded) say only "Advertisement"? */
bool heur_is_ad_label(const char *text, size_t len);

/* Does a class attribute hide its element from the screen (sr-only,
 * visually-hidden ...), leaving it to screen readers? */
bool heur_is_screen_reader_only(const char *cls);

/* Does a class attribute name the panel of a tab or accordion widget, whose
 * content the page hides until a click but is part of it? */
bool heur_is_tab_panel(const char *cls);
/* An aria-hidden element the eye still sees: a link out of the tab order
 * (tabindex "-1") saying something in words, a visible repeat of a link
 * beside it (a teaser's linked summary); or a <del> or <ins> (a sale's
 * struck-through and new price, said again in words for screen readers). */
bool heur_aria_hidden_is_shown(const rm_dom *dom, int32_t id, const char *tabindex);

/* What one class name (`len` bytes, no white space) says, as HEUR_CLASS_*
 * bits, for a pass that reads each class list once: the two tests above; a
 * utility class that hides the box ("hide", "d-none"); a class that shows
 * it at some screen width ("md:block", "d-lg-flex"), which undoes such a
 * hiding class in the same list ("hidden md:block"). */
enum {
    HEUR_CLASS_SCREEN_READER = 1u << 6,
    HEUR_CLASS_TAB_PANEL = 1u << 7,
    HEUR_CLASS_HIDING = 1u << 8,
    HEUR_CLASS_SHOWS = 1u << 9,
    /* heur_class_list_facts only: a name it cannot judge by itself
     * ("d-..." display classes, "fixed", "fallback-image": those tests
     * mind case), which the caller reads name by name */
    HEUR_CLASS_CHECK = 1u << 10,
};

/* Readability's byline markers ("byline", "author", ...) in a lower-cased
 * "class id" s[0..len), found in the pass that also makes its unlikely
 * test (the byline walk asks both of every element with a name):
 * HEUR_SIG_BYLINE, and HEUR_SIG_UNLIKELY where heur_sig_unlikely of its
 * patterns says so. */
enum { HEUR_SIG_BYLINE = 1u << 11 };
unsigned heur_sig_byline_unlikely(const char *sig, size_t len);
/* `colon`: the name holds a ':' (the caller's scan of the list knows it). */
unsigned heur_class_name_facts(const char *name, size_t len, bool colon);
/* The whole class list s[0..len) in one pass: the HEUR_CLASS_* facts of
 * all its names (exact unless HEUR_CLASS_CHECK is set) and the HEUR_SIG_*
 * patterns in it. */
unsigned heur_class_list_facts(const char *s, size_t len);
bool heur_is_streamed_segment_id(const char *id);   /* React's <div hidden id="S:1"> */

/* Does an element's class/id name it as a byline or dateline ("byline",
 * "post-meta", "entry-date", "author")? Whole tokens. */
bool heur_is_byline_marker(const char *cls, const char *id);

/* Does an element's class or id name it as a forum post's signature
 * ("signature", "message-signature", "ipsSignature"), not as a post that
 * carries one ("with-signature")? */
bool heur_is_signature_marker(const char *cls, const char *id);

/* Does an element's class or id name it as a summary a language model
 * wrote ("ai-summary-block", "gpt-summary", "llm_tldr")? */
bool heur_is_machine_summary_marker(const char *cls, const char *id);

/* Does a class attribute name its element as a picture's caption
 * ("wp-caption-text", "image-caption")? Whole tokens. */
bool heur_is_caption_marker(const char *cls);

/* Clutter kind announced by a short text (a heading, a label, the first
 * line of a box) in any of the supported languages, or RM_KIND_NONE.
 * `text` must be case-folded (u8_casefold) and whitespace-collapsed. */
rm_removed_kind heur_phrase_kind(const char *text, size_t len);

/* Is a very short text (case-folded) a page control: an "[edit]" link, a
 * "Jump to navigation" skip link? */
bool heur_is_page_control(const char *text, size_t len);
/* A whole link text that asks the reader to act ("Get started", "Sign up"). */
bool heur_is_call_to_action(const char *text, size_t len);
/* A short line that opens "Related:", "Also read:" ... before a link. */
bool heur_is_related_link_line(const char *text, size_t len);

/* Is a short case-folded text the heading of customer reviews ("8
 * Reviews", "Kundenbewertungen")? */
bool heur_is_review_heading(const char *text, size_t len);

/* Is a short case-folded line of a shop's card a badge or a control
 * ("New", "Best seller", "Quick shop", "+ Wishlist")? */
bool heur_is_card_chrome(const char *text, size_t len);

/* Does a short case-folded text only stand in for content ("Loading...")
 * or count and sort results ("Showing 24 of 291 results", "Sort by")? */
bool heur_is_placeholder(const char *text, size_t len);
/* Is a short case-folded text, whole, a template field no script filled
 * ("{{price.total}}", "${name}", "%cardName%")? */
/* Is a case-folded, NUL-terminated text (a <noscript> block's) only the
 * notice that the page needs scripts ("Please enable JavaScript to view this page")? */
#define HEUR_SCRIPT_NOTICE_BYTES 240   /* a sentence or two; a longer text says more */
bool heur_is_script_notice(const char *text, size_t len);
/* A UUID alone in its block: a script's key, not text for a reader. */
bool heur_is_machine_id(const char *text, size_t len);
bool heur_is_template_text(const char *text, size_t len);

/* Does a class name a link as a button (btn, button, cta)? */
/* Is the element named as the filter panel of a faceted search (a whole
 * class or id token: "facets", "filter-group", "refinements")? */
bool heur_is_facet_marker(const char *cls, const char *id);
bool heur_is_button_class(const char *cls);
/* Does a lower-cased class-and-id signature name a carousel ("slider",
 * "swiper", "carousel-peek-2", "slick-track")? */
bool heur_names_carousel(const char *sig);
/* Does it name a sidebar ("sidebar", "shop-sidebar", "sidebar_left")? */
bool heur_names_sidebar(const char *sig);
/* Does a form's action put an item in a shopping cart ("/cart/add")? */
bool heur_is_cart_action(const char *action);

/* Kind of a short note about the article (case-folded text): an affiliate
 * disclosure (ads), a print-edition line (footer), or RM_KIND_NONE. */
rm_removed_kind heur_note_kind(const char *text, size_t len);

/* How many distinct labels of a forum member panel ("joined", "messages",
 * "reaction score" ...) a short case-folded text holds. */
size_t heur_member_stat_labels(const char *text, size_t len);

/* How many labels of a thread's statistics ("Replies", "Views", "Thread
 * starter", "Start date", "Last reply" ...) a folded text names, as words. */
size_t heur_thread_stat_labels(const char *text, size_t len);

/* Does the folded text open with a member-stat label ("joined", "posts:"),
 * or with a count and one ("1,204 posts")? */
bool heur_starts_with_member_stat(const char *text, size_t len);

/* Does a link's href lead to a member's profile page (forum and Q&A
 * software: "/members/ann.12/", "/u/ann", "/users/12/ann", "/profile/ann",
 * "memberlist.php?mode=viewprofile&u=2", "user-37079.html")? */
bool heur_is_profile_link(const char *href);

/* Does a class attribute name a poster's title or rank badge under their
 * name ("userTitle", "userBanner", "profile-rank")? Whole class names. */
bool heur_is_member_title_marker(const char *cls);

/* Is a short folded text a heading a thread shows over its replies: their
 * count ("11 answers", "20 replies to this topic") or a section title
 * ("featured replies", "recommended posts")? The whole text, trimmed. */
bool heur_is_thread_heading(const char *text, size_t len);

/* Is a short folded text the title of a box of a thread's overview, about
 * its posters and posts rather than in them ("top posters in this topic",
 * "most popular posts")? The whole text, trimmed. */
bool heur_is_thread_overview_title(const char *text, size_t len);

/* Does a short folded text read as the notice a board shows a reader who
 * is not signed in ("You're browsing as a guest. Sign up for free ...")? */
bool heur_is_guest_notice(const char *text, size_t len);

/* Is a short folded text one control of a post's toolbar ("permalink",
 * "reply", "report", "quote")? The whole text, trimmed. */
bool heur_is_post_control(const char *text, size_t len);

/* Does a class attribute name a box shown on phones only
 * ("ipsResponsive_showPhone", "visible-xs", "mobile-only")? Whole class
 * names. */
bool heur_is_phone_only_marker(const char *cls);
bool heur_is_rendering_marker(const char *cls, const char *which);

/* Does a class attribute name a poster's avatar ("avatar avatar--m",
 * "avatar-u12-m")? Whole tokens, split at '-' and '_'. */
bool heur_is_avatar_marker(const char *cls);

/* Is a short folded text the note forum software puts under an edited post
 * ("last edited: jul 9, 2022", "edited june 19 by ann (see edit history)")
 * or its mark of a gap between two posts ("2 weeks later...")? */
bool heur_is_edit_note(const char *text, size_t len);
bool heur_is_code_caption(const char *text, size_t len);   /* "Code: Select all" */

/* If a folded text opens with the prefix mail and forum software put
 * before a reply's subject ("re: ", "aw: ", "sv: "), the length of that
 * prefix and the blanks after it; else 0. */
size_t heur_reply_prefix(const char *text, size_t len);

/* Does a short text (case-folded) read like a comment count heading,
 * e.g. "12 comments", "3 thoughts on ..."? */
bool heur_is_comment_heading(const char *text, size_t len);

/* How many prices (a currency sign and a number) a text holds, counting
 * up to `need`. */
unsigned heur_count_prices(const char *text, unsigned need);
/* Is a text node of `chars` collapsed characters a price tag of its own
 * ("$520.00"), not a sentence that names a price? */
bool heur_is_price_tag(const char *text, uint32_t chars);
/* Does a text node open with designers' filler ("Lorem ipsum ...")? */
bool heur_is_filler_text(const char *text);
/* Does a class/id signature (lower case) name a product's description
 * ("product-description", "product__description", "productDescription")? */
bool heur_names_product_description(const char *sig);

#endif
