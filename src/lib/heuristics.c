/*
 * heuristics.c — tables behind heuristics.h.
 *
 * Sources:
 *  - Readability.js (mozilla/readability, Readability.js REGEXPS and
 *    _initializeNode): the scoring patterns and tag priors, kept as
 *    substring lists because the reference corpus was produced with them.
 *  - Clutter kinds (docs/architecture.md): vendor roots of comment systems,
 *    consent managers, ad-block nags, related-post and share widgets, and the
 *    phrases that label them in eleven languages.
 *  - Trafilatura's discard tokens, matched as whole tokens of a class name.
 */
#include "heuristics.h"

#include "substrings.h"
#include "wordset.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- substring tables, indexed by first byte ----------------------------- */

/* The class and id patterns meet every element and the phrase tables every
 * short box; a strstr or memchr per table entry cost more than the rest of
 * the passes that ask. The searched text is read once instead, and at each
 * position only the entries starting with that byte are compared. Each
 * table is indexed once (pthread_once) and read-only after. */
#define MAX_INDEXED 1024  /* entries of one table (checked where indexed) */
#define MIN_WINDOW 4       /* shortest entry that lets a table be skipped through */
#define MAX_WINDOW 64
#define SHIFT_SLOTS 4096  /* by a hash of three bytes (triple_slot) */

typedef struct {
    int16_t first[256];          /* first entry starting with the byte, or -1 */
    int16_t next[MAX_INDEXED];   /* the next entry with the same first byte */
    size_t empty;                /* the first empty entry (found anywhere), or n */
    uint8_t pairs[256][32];      /* bit set: some entry starts with these two
                                    bytes (one-byte entries: every second byte) */
    uint8_t triples[512];        /* bit triple_bit(): some entry may start with
                                    these three bytes */
    bool short_entries;          /* an entry under three bytes: no triple test */
    size_t window;               /* the shortest entry's length (at most
                                    MAX_WINDOW), 0 below MIN_WINDOW */
    uint8_t shift[SHIFT_SLOTS];  /* by the hash of three bytes that end a window:
                                    how far the window may move on (Wu-Manber) */
} string_index;

/* Tables whose every entry is long enough are searched Wu-Manber style: a
 * window of the shortest entry's length slides over the text, and the
 * three bytes that end it say how far no entry can start; only where none
 * can be skipped are the entries compared. Prose meets the phrase tables
 * in every short box, and most of it is skipped a window at a time. (Two
 * bytes were too few: the 264 clutter phrases end their opening window
 * with one in six pairs of letters and spaces, three with one in twenty.) */
static unsigned triple_slot(unsigned char a, unsigned char b, unsigned char c)
{
    return ((unsigned)a * 961u + (unsigned)b * 31u + (unsigned)c) & (SHIFT_SLOTS - 1);
}

static unsigned triple_bit(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return ((unsigned)u[0] * 961u + (unsigned)u[1] * 31u + (unsigned)u[2]) & 4095u;
}

/* Entry i of a table of strings, or of structs that start with one. */
static const char *entry_at(const void *table, size_t stride, size_t i)
{
    return *(const char *const *)(const void *)((const char *)table + i * stride);
}

/* The window and the shift table of a table (no window when some entry
 * is shorter than MIN_WINDOW). Three bytes that end at offset j of some
 * entry's opening window may move it at most window - 1 - j; three that
 * end none, window - 2 (the next window could begin with their last two);
 * colliding triples keep the smaller shift. */
static void index_windows(const void *table, size_t stride, size_t n, string_index *ix)
{
    size_t window = MAX_WINDOW;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(entry_at(table, stride, i));
        if (len < window)
            window = len;
    }
    ix->window = window >= MIN_WINDOW ? window : 0;
    if (!ix->window)
        return;
    memset(ix->shift, (int)(window - 2), sizeof ix->shift);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *entry = (const unsigned char *)entry_at(table, stride, i);
        for (size_t j = 2; j < window; j++) {
            uint8_t *slot = &ix->shift[triple_slot(entry[j - 2], entry[j - 1], entry[j])];
            if (*slot > window - 1 - j)
                *slot = (uint8_t)(window - 1 - j);
        }
    }
}

static void index_strings(const void *table, size_t stride, size_t n, string_index *ix)
{
    /* `ix` is in static storage, zero already: the pair and triple bits
     * are only set, so that the pages of rows no entry starts with are
     * never touched (a process's memory, thirteen indexes) */
    memset(ix->first, 0xff, sizeof ix->first);
    ix->short_entries = false;
    ix->empty = n;
    for (size_t i = n; i-- > 0;) {
        unsigned char c = (unsigned char)entry_at(table, stride, i)[0];
        if (!c) {
            ix->empty = i;
            continue;
        }
        ix->next[i] = ix->first[c];
        ix->first[c] = (int16_t)i;
        const char *entry = entry_at(table, stride, i);
        unsigned char second = (unsigned char)entry[1];
        if (second)
            ix->pairs[c][second >> 3] |= (uint8_t)(1u << (second & 7));
        else
            memset(ix->pairs[c], 0xff, sizeof ix->pairs[c]);
        if (!second || !entry[2])
            ix->short_entries = true;
        else
            ix->triples[triple_bit(entry) >> 3] |= (uint8_t)(1u << (triple_bit(entry) & 7));
    }
    index_windows(table, stride, n, ix);
}

/* Does `entry` (not empty) start at s, with `len` bytes left? */
static bool starts_at(const char *s, size_t len, const char *entry)
{
    size_t k = 1;
    while (entry[k] && k < len && s[k] == entry[k])
        k++;
    return !entry[k];
}

/* first_found through the shift table: every place an entry occurs is
 * the start of a window whose end the shifts never jump over. */
static size_t first_found_windowed(const void *table, size_t stride, size_t n,
                                   const string_index *ix, const char *s, size_t len)
{
    size_t best = n;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t end = ix->window - 1; end < len && best > 0;) {
        unsigned shift = ix->shift[triple_slot(u[end - 2], u[end - 1], u[end])];
        if (shift) {
            end += shift;
            continue;
        }
        size_t p = end + 1 - ix->window;
        for (int i = ix->first[u[p]]; i >= 0 && (size_t)i < best; i = ix->next[i])
            if (starts_at(s + p, len - p, entry_at(table, stride, (size_t)i))) {
                best = (size_t)i;
                break;
            }
        end++;
    }
    return best;
}

/* The first entry, in table order, found anywhere in s[0..len), or n. */
static size_t first_found(const void *table, size_t stride, size_t n, const string_index *ix,
                          const char *s, size_t len)
{
    if (ix->window)
        return first_found_windowed(table, stride, n, ix, s, len);
    size_t best = ix->empty < n ? ix->empty : n;
    for (size_t p = 0; p < len && best > 0; p++) {
        /* most positions start no entry's first two bytes */
        unsigned char c = (unsigned char)s[p], second = p + 1 < len ? (unsigned char)s[p + 1] : 0;
        if (!(ix->pairs[c][second >> 3] & (1u << (second & 7))))
            continue;
        if (!ix->short_entries && p + 2 < len &&
            !(ix->triples[triple_bit(s + p) >> 3] & (1u << (triple_bit(s + p) & 7))))
            continue;
        for (int i = ix->first[c]; i >= 0 && (size_t)i < best; i = ix->next[i])
            if (starts_at(s + p, len - p, entry_at(table, stride, (size_t)i))) {
                best = (size_t)i;
                break;
            }
    }
    return best;
}

#define OPENING_BYTES 64   /* 512 bits, by opening_bit() */

/* The indexes of this file's tables (defined after the tables). */
typedef struct {
    substrings class_patterns;   /* the four tables of class and id patterns,
                                    and what heur_class_list_facts reads */
    string_index share, phrases, notes, markers, pairs;
    string_index closed_thread, prompts, ui_messages;
    string_index notes_any;   /* the entries of the four phrase tables of
                                 heur_note_kind together (note_table_entries) */
    uint8_t placeholder_openings[32];   /* bit set: some placeholder opens with the byte */
    uint8_t placeholder_prefixes[512];  /* bit placeholder_prefix_bit(): some
                                           placeholder opens with these bytes */
    /* bit opening_bit(): some entry of the table opens with these two
     * bytes (most short lines open with none, and are turned away without
     * a comparison) */
    uint8_t credit_openings[OPENING_BYTES], prompt_openings[OPENING_BYTES],
        related_openings[OPENING_BYTES];
    size_t note_min_len;   /* no shorter line can be a note (heur_note_kind) */
    uint32_t byline_words, byline_pair_firsts, byline_pair_seconds;   /* letter_in() */
    wordset screen_reader, hiding, tab_panels, controls, calls_to_action, review_headings, placeholders, ad_labels;
    wordset class_name_sets;   /* a filter only (no words): the lengths and
                                  first and last bytes of the three sets
                                  heur_class_name_facts looks names up in */
} table_indexes;
static const table_indexes *indexes(void);

/* ---- tags ---------------------------------------------------------------- */

/* Tag sets as tables indexed by the tag: every pass asks of every element
 * (GUMBO_TAG_UNKNOWN and GUMBO_TAG_LAST are never members). */
#define TAG_SET(name) static const bool name[GUMBO_TAG_LAST + 1]

/* Readability's DIV_TO_P_ELEMS plus other flow containers: a div holding
 * one of these is a container, otherwise it is really a paragraph. */
TAG_SET(block_tags) = {
    [GUMBO_TAG_BLOCKQUOTE] = 1, [GUMBO_TAG_DL] = 1, [GUMBO_TAG_DIV] = 1, [GUMBO_TAG_IMG] = 1,
    [GUMBO_TAG_OL] = 1, [GUMBO_TAG_P] = 1, [GUMBO_TAG_PRE] = 1, [GUMBO_TAG_TABLE] = 1,
    [GUMBO_TAG_UL] = 1, [GUMBO_TAG_SECTION] = 1, [GUMBO_TAG_ARTICLE] = 1, [GUMBO_TAG_FIGURE] = 1,
    [GUMBO_TAG_H1] = 1, [GUMBO_TAG_H2] = 1, [GUMBO_TAG_H3] = 1, [GUMBO_TAG_H4] = 1,
    [GUMBO_TAG_H5] = 1, [GUMBO_TAG_H6] = 1, [GUMBO_TAG_HEADER] = 1, [GUMBO_TAG_FOOTER] = 1,
    [GUMBO_TAG_ASIDE] = 1, [GUMBO_TAG_NAV] = 1, [GUMBO_TAG_FORM] = 1, [GUMBO_TAG_MAIN] = 1,
    [GUMBO_TAG_HR] = 1,
};

/* Readability's DEFAULT_TAGS_TO_SCORE. */
TAG_SET(scored_tags) = {
    [GUMBO_TAG_SECTION] = 1, [GUMBO_TAG_H2] = 1, [GUMBO_TAG_H3] = 1, [GUMBO_TAG_H4] = 1,
    [GUMBO_TAG_H5] = 1, [GUMBO_TAG_H6] = 1, [GUMBO_TAG_P] = 1, [GUMBO_TAG_TD] = 1,
    [GUMBO_TAG_PRE] = 1,
};

/* Never article text, wherever they are. */
TAG_SET(never_content_tags) = {
    [GUMBO_TAG_SCRIPT] = 1, [GUMBO_TAG_STYLE] = 1, [GUMBO_TAG_NOSCRIPT] = 1,
    [GUMBO_TAG_TEMPLATE] = 1, [GUMBO_TAG_HEAD] = 1, [GUMBO_TAG_TITLE] = 1, [GUMBO_TAG_META] = 1,
    [GUMBO_TAG_LINK] = 1, [GUMBO_TAG_BASE] = 1, [GUMBO_TAG_INPUT] = 1, [GUMBO_TAG_TEXTAREA] = 1,
    [GUMBO_TAG_SELECT] = 1, [GUMBO_TAG_BUTTON] = 1, [GUMBO_TAG_OPTION] = 1,
    [GUMBO_TAG_OBJECT] = 1, [GUMBO_TAG_EMBED] = 1, [GUMBO_TAG_APPLET] = 1,
    [GUMBO_TAG_CANVAS] = 1, [GUMBO_TAG_MENU] = 1,
};

/* Readability's _initializeNode priors. */
static const int8_t tag_priors[GUMBO_TAG_LAST + 1] = {
    [GUMBO_TAG_DIV] = 5,        [GUMBO_TAG_PRE] = 3,      [GUMBO_TAG_TD] = 3,
    [GUMBO_TAG_BLOCKQUOTE] = 3, [GUMBO_TAG_ADDRESS] = -3, [GUMBO_TAG_OL] = -3,
    [GUMBO_TAG_UL] = -3,        [GUMBO_TAG_DL] = -3,      [GUMBO_TAG_DD] = -3,
    [GUMBO_TAG_DT] = -3,        [GUMBO_TAG_LI] = -3,      [GUMBO_TAG_FORM] = -3,
    [GUMBO_TAG_H1] = -5,        [GUMBO_TAG_H2] = -5,      [GUMBO_TAG_H3] = -5,
    [GUMBO_TAG_H4] = -5,        [GUMBO_TAG_H5] = -5,      [GUMBO_TAG_H6] = -5,
    [GUMBO_TAG_TH] = -5,
};

static bool tag_in(GumboTag tag, const bool *set)
{
    return (unsigned)tag <= GUMBO_TAG_LAST && set[tag];
}

bool heur_is_block_tag(GumboTag tag) { return tag_in(tag, block_tags); }
bool heur_is_scored_tag(GumboTag tag) { return tag_in(tag, scored_tags); }
bool heur_is_never_content(GumboTag tag) { return tag_in(tag, never_content_tags); }

bool heur_is_heading_tag(GumboTag tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;   /* consecutive in tag_enum.h */
}

int heur_tag_prior(GumboTag tag)
{
    return (unsigned)tag <= GUMBO_TAG_LAST ? tag_priors[tag] : 0;
}

/* ---- class / id patterns (Readability.js REGEXPS, as substrings) --------- */

/* Each table's bit in the automaton that reads them all (substrings.h). */
enum {
    CLASS_POSITIVE = HEUR_SIG_POSITIVE,
    CLASS_NEGATIVE = HEUR_SIG_NEGATIVE,
    CLASS_UNLIKELY = HEUR_SIG_UNLIKELY,
    CLASS_MAYBE = HEUR_SIG_MAYBE,
    CLASS_BYLINE = HEUR_SIG_BYLINE,
};

static const char *const positive_patterns[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
    "pagination", "post", "text", "blog", "story",
};

/* (clean.c's test for share boxes asks for "share" only where this table
 * matched: it stays here) */
static const char *const negative_patterns[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
    "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
    "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags", "widget",
};

static const char *const unlikely_patterns[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header",
    "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
    "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote",
};

/* okMaybeItsACandidate: rescues an "unlikely" element. */
static const char *const maybe_patterns[] = {
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
};

static const char *const unlikely_roles[] = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
    "dialog",
};

/* Video players whose embeds are worth keeping (Readability's "videos"
 * pattern, plus other common players); a host or any subdomain of it. */
static const char *const video_hosts[] = {
    "youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com",
    "dailymotion.com", "dai.ly", "twitch.tv", "ted.com", "wistia.com",
    "wistia.net", "streamable.com", "bilibili.com", "rumble.com", "loom.com",
    "v.qq.com", "archive.org", "upload.wikimedia.org",
};

/* Share intents (clutter kinds: share widgets). */
static const char *const share_urls[] = {
    "facebook.com/sharer", "facebook.com/share.php", "twitter.com/intent",
    "twitter.com/share", "x.com/intent", "linkedin.com/sharing",
    "linkedin.com/sharearticle", "linkedin.com/shareArticle",
    "pinterest.com/pin/create", "reddit.com/submit", "wa.me/",
    "api.whatsapp.com/send", "t.me/share", "telegram.me/share",
    "mailto:?", "bsky.app/intent", "news.ycombinator.com/submitlink",
    "tumblr.com/share", "vk.com/share", "getpocket.com/save", "?share=",
};

static bool contains_any(const char *s, const char *const *list, size_t n, const string_index *ix)
{
    if (!s || !*s)
        return false;
    return first_found(list, sizeof list[0], n, ix, s, strlen(s)) < n;
}

/* Readability's negative pattern also has "hid" as a whole word. */
bool heur_has_hid_word(const char *sig)
{
    for (const char *p = strstr(sig, "hid"); p; p = strstr(p + 1, "hid")) {
        bool start = p == sig || p[-1] == ' ';
        bool end = p[3] == '\0' || p[3] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

/* Which of the pattern tables (CLASS_*) have an entry in sig, read once
 * for all of them; the scan ends once every bit of `enough` is found. */
static unsigned class_patterns_in(const char *sig, unsigned enough)
{
    return substrings_scan(&indexes()->class_patterns, sig, strlen(sig), enough);
}

int heur_class_weight(const char *sig)
{
    if (!sig || !*sig)
        return 0;
    /* Readability weighs class and id separately; sig holds both, so a
     * pattern found in either counts once, which is what nearly every page
     * amounts to. */
    unsigned found = class_patterns_in(sig, CLASS_NEGATIVE | CLASS_POSITIVE);
    /* a scan that stopped early found the negative pattern: no "hid" needed */
    if ((found & HEUR_SIG_HID) && !heur_has_hid_word(sig))
        found &= ~(unsigned)HEUR_SIG_HID;
    return heur_sig_weight(found);
}

int heur_sig_weight(unsigned sig_bits)
{
    int weight = 0;
    if (sig_bits & (HEUR_SIG_NEGATIVE | HEUR_SIG_HID))
        weight -= 25;
    if (sig_bits & HEUR_SIG_POSITIVE)
        weight += 25;
    return weight;
}

bool heur_sig_unlikely(unsigned sig_bits)
{
    return (sig_bits & HEUR_SIG_UNLIKELY) && !(sig_bits & HEUR_SIG_MAYBE);
}

unsigned heur_class_list_facts(const char *s, size_t len)
{
    return substrings_scan_words(&indexes()->class_patterns, s, len);
}

unsigned heur_sig_word_patterns(const char *s, size_t len)
{
    return substrings_scan_words(&indexes()->class_patterns, s, len) & HEUR_SIG_ALL;
}

/* Scroll utilities: Tailwind's scroll margin and padding ("scroll-mt-20",
 * "scroll-px-4"), hand-written kits' "scroll-margin-top" and scroll-reveal
 * animations put a heading in place when the page jumps to its anchor or
 * scrolls it into view. They name no scroller widget, which is what
 * Readability's negative word "scroll" is after. */
static const char *const scroll_utility_names[] = {
    "scroll-margin", "scroll-padding", "scroll-reveal",
};

/* tok is one class name, NUL-terminated. */
static bool is_scroll_utility(const char *tok)
{
    for (size_t i = 0; i < COUNT(scroll_utility_names); i++)
        if (strstr(tok, scroll_utility_names[i]))
            return true;
    const char *p = strstr(tok, "scroll-");
    return p && (p[7] == 'm' || p[7] == 'p') && p[8] && strchr("-xytblrse", p[8]) != NULL;
}

/* Layout utilities that a class list may open with (Bootstrap's
 * "d-flex", "col-md-8", "row", "p-3"; Tailwind's "flex", "grid", "gap-4",
 * "w-full"; "container", "clearfix"): they say how a box is laid out, not
 * what it is, so two boxes that open with one are not alike for that. */
static const char *const layout_class_prefixes[] = {
    "d-", "flex", "grid", "col", "row", "gap-", "container", "clearfix", "w-", "p-", "m-",
};

bool heur_is_layout_class(const char *cls)
{
    if (!cls)
        return false;
    cls += strspn(cls, " \t\n");
    for (size_t i = 0; i < COUNT(layout_class_prefixes); i++)
        if (strncasecmp(cls, layout_class_prefixes[i], strlen(layout_class_prefixes[i])) == 0)
            return true;
    return false;
}

#define HEADING_SIG_MAX 1024

int heur_heading_class_weight(const char *sig)
{
    if (!sig || strlen(sig) >= HEADING_SIG_MAX)
        return heur_class_weight(sig);
    char kept[HEADING_SIG_MAX];
    strcpy(kept, sig);
    for (char *tok = kept; *tok;) {
        size_t len = strcspn(tok, " ");
        char after = tok[len];
        tok[len] = '\0';
        bool blank = is_scroll_utility(tok);
        tok[len] = after;
        if (blank)
            memset(tok, ' ', len);
        tok += len;
        tok += strspn(tok, " ");
    }
    return heur_class_weight(kept);
}

/* REGEXPS.byline, matched against "class id". */
static const char *const byline_patterns[] = {"byline", "author", "dateline", "writtenby", "p-author"};

unsigned heur_sig_byline_unlikely(const char *sig, size_t len)
{
    /* A scan that stops early has found a "maybe" pattern, which rescues
     * the element whatever else it holds, and a byline marker: both
     * answers are known. */
    unsigned found = substrings_scan(&indexes()->class_patterns, sig, len, CLASS_MAYBE | CLASS_BYLINE);
    return (found & CLASS_BYLINE) | (heur_sig_unlikely(found) ? HEUR_SIG_UNLIKELY : 0u);
}

bool heur_is_unlikely_role(const char *role)
{
    if (!role)
        return false;
    for (size_t i = 0; i < COUNT(unlikely_roles); i++)
        if (strcmp(role, unlikely_roles[i]) == 0)
            return true;
    return false;
}

bool heur_is_video_url(const char *url)
{
    const char *host = url ? strstr(url, "://") : NULL;
    if (!host)
        return false;
    host += 3;
    size_t len = strcspn(host, "/?#");
    const char *at = memchr(host, '@', len);
    if (at) {
        len -= (size_t)(at + 1 - host);
        host = at + 1;
    }
    const char *colon = memchr(host, ':', len);
    if (colon)
        len = (size_t)(colon - host);
    for (size_t i = 0; i < COUNT(video_hosts); i++) {
        size_t dlen = strlen(video_hosts[i]);
        if (len < dlen || strncasecmp(host + len - dlen, video_hosts[i], dlen) != 0)
            continue;
        if (len == dlen || host[len - dlen - 1] == '.')
            return true;
    }
    return false;
}

bool heur_is_share_url(const char *url)
{
    return contains_any(url, share_urls, COUNT(share_urls), &indexes()->share);
}

/* ---- clutter markers (whole tokens of class and id) ---------------------- */

typedef struct {
    const char *token;
    rm_removed_kind kind;
    bool strong;   /* a vendor root: enough evidence on its own */
} marker;

/* Tokens are the parts of a class or id split at space, '-' and '_', so
 * "comment" matches "comment-list" and "post_comments" but not
 * "commentary". Vendor roots: see "Clutter kinds" in docs/architecture.md. */
static const marker markers[] = {
    /* comments */
    {"comments", RM_REMOVED_COMMENTS, false},
    {"comment", RM_REMOVED_COMMENTS, false},
    {"commentlist", RM_REMOVED_COMMENTS, false},
    {"respond", RM_REMOVED_COMMENTS, false},
    {"disqus", RM_REMOVED_COMMENTS, true},
    {"dsq", RM_REMOVED_COMMENTS, true},
    {"wpdiscuz", RM_REMOVED_COMMENTS, true},
    {"wpdcom", RM_REMOVED_COMMENTS, true},
    {"commento", RM_REMOVED_COMMENTS, true},
    {"utterances", RM_REMOVED_COMMENTS, true},
    {"giscus", RM_REMOVED_COMMENTS, true},
    {"livefyre", RM_REMOVED_COMMENTS, true},
    {"coral", RM_REMOVED_COMMENTS, false},
    {"hyvor", RM_REMOVED_COMMENTS, true},
    {"viafoura", RM_REMOVED_COMMENTS, true},
    {"spotim", RM_REMOVED_COMMENTS, true},
    {"discussion", RM_REMOVED_COMMENTS, false},
    {"replies", RM_REMOVED_COMMENTS, false},
    /* ad-block nags */
    {"adblock", RM_REMOVED_ADBLOCK, true},
    {"adblocker", RM_REMOVED_ADBLOCK, true},
    {"fuckadblock", RM_REMOVED_ADBLOCK, true},
    {"blockadblock", RM_REMOVED_ADBLOCK, true},
    /* related / recommended */
    {"related", RM_REMOVED_RELATED, false},
    {"relatedposts", RM_REMOVED_RELATED, true},
    {"yarpp", RM_REMOVED_RELATED, true},
    {"crp", RM_REMOVED_RELATED, false},
    {"outbrain", RM_REMOVED_RELATED, true},
    {"taboola", RM_REMOVED_RELATED, true},
    {"recommended", RM_REMOVED_RELATED, false},
    {"recommendations", RM_REMOVED_RELATED, false},
    {"readnext", RM_REMOVED_RELATED, false},
    /* shops' cross-sell shelves (WooCommerce "upsells", "cross-sells",
     * Shopify and Magento "recently viewed", "also bought" blocks): these
     * words name nothing else */
    {"upsells", RM_REMOVED_RELATED, true},
    {"upsell", RM_REMOVED_RELATED, true},
    {"crosssells", RM_REMOVED_RELATED, true},
    {"crosssell", RM_REMOVED_RELATED, true},
    /* share bars */
    {"share", RM_REMOVED_SHARE, false},
    {"sharing", RM_REMOVED_SHARE, false},
    {"sharedaddy", RM_REMOVED_SHARE, true},
    {"social", RM_REMOVED_SHARE, false},
    {"a2a", RM_REMOVED_SHARE, false},
    {"addtoany", RM_REMOVED_SHARE, true},
    {"sharethis", RM_REMOVED_SHARE, true},
    {"shareaholic", RM_REMOVED_SHARE, true},
    /* third-party social posts embedded in the page: their words are
     * someone else's post, not the article */
    {"codepen", RM_REMOVED_SHARE, true},
    /* consent */
    {"cookie", RM_REMOVED_CONSENT, false},
    {"cookies", RM_REMOVED_CONSENT, false},
    {"consent", RM_REMOVED_CONSENT, false},
    {"gdpr", RM_REMOVED_CONSENT, false},
    {"onetrust", RM_REMOVED_CONSENT, true},
    {"cybotcookiebotdialog", RM_REMOVED_CONSENT, true},
    {"cookiebot", RM_REMOVED_CONSENT, true},
    {"didomi", RM_REMOVED_CONSENT, true},
    {"usercentrics", RM_REMOVED_CONSENT, true},
    {"cmplz", RM_REMOVED_CONSENT, true},
    {"cky", RM_REMOVED_CONSENT, false},
    {"truste", RM_REMOVED_CONSENT, true},
    {"iubenda", RM_REMOVED_CONSENT, true},
    {"borlabscookiebox", RM_REMOVED_CONSENT, true},
    /* newsletter, subscribe and paywall prompts */
    {"newsletter", RM_REMOVED_PROMPT, false},
    {"subscribe", RM_REMOVED_PROMPT, false},
    {"subscription", RM_REMOVED_PROMPT, false},
    {"signup", RM_REMOVED_PROMPT, false},
    {"paywall", RM_REMOVED_PROMPT, false},
    {"contributions", RM_REMOVED_PROMPT, false},   /* reader-revenue asks */
    {"formkit", RM_REMOVED_PROMPT, true},
    {"mailpoet", RM_REMOVED_PROMPT, true},
    {"upgrade", RM_REMOVED_PROMPT, false},
    /* navigation */
    {"breadcrumb", RM_REMOVED_NAVIGATION, false},
    {"breadcrumbs", RM_REMOVED_NAVIGATION, false},
    {"pagination", RM_REMOVED_NAVIGATION, false},
    {"navigation", RM_REMOVED_NAVIGATION, false},
    {"menu", RM_REMOVED_NAVIGATION, false},
    {"navbar", RM_REMOVED_NAVIGATION, false},
    {"tags", RM_REMOVED_NAVIGATION, false},
    {"toc", RM_REMOVED_NAVIGATION, false},
    {"noprint", RM_REMOVED_NAVIGATION, false},   /* screen-only furniture */
    /* footer furniture */
    {"footer", RM_REMOVED_FOOTER, false},
    /* ad slots */
    {"adsbygoogle", RM_REMOVED_ADS, true},
    {"advertisement", RM_REMOVED_ADS, false},
    {"advert", RM_REMOVED_ADS, false},
    {"ad", RM_REMOVED_ADS, false},
    {"ads", RM_REMOVED_ADS, false},
    {"sponsored", RM_REMOVED_ADS, false},
};

/* Two-token markers: "author box", "jp relatedposts", "mc embed" ... where
 * neither token alone is decisive. */
static const struct { const char *first, *second; rm_removed_kind kind; } marker_pairs[] = {
    {"author", "box", RM_REMOVED_FOOTER},
    {"author", "bio", RM_REMOVED_FOOTER},
    {"author", "info", RM_REMOVED_FOOTER},
    {"about", "author", RM_REMOVED_FOOTER},
    {"post", "navigation", RM_REMOVED_NAVIGATION},
    {"more", "from", RM_REMOVED_RELATED},
    {"read", "next", RM_REMOVED_RELATED},
    {"you", "may", RM_REMOVED_RELATED},
    {"jp", "relatedposts", RM_REMOVED_RELATED},
    {"up", "sells", RM_REMOVED_RELATED},
    {"cross", "sells", RM_REMOVED_RELATED},
    {"cross", "sell", RM_REMOVED_RELATED},
    {"related", "products", RM_REMOVED_RELATED},
    {"recently", "viewed", RM_REMOVED_RELATED},
    {"also", "bought", RM_REMOVED_RELATED},
    {"also", "viewed", RM_REMOVED_RELATED},
    {"frequently", "bought", RM_REMOVED_RELATED},
    {"mc", "embed", RM_REMOVED_PROMPT},
    {"qc", "cmp2", RM_REMOVED_CONSENT},
    {"sign", "up", RM_REMOVED_PROMPT},
    {"no", "print", RM_REMOVED_NAVIGATION},
    {"twitter", "tweet", RM_REMOVED_SHARE},
    {"instagram", "media", RM_REMOVED_SHARE},
    {"tiktok", "embed", RM_REMOVED_SHARE},
    {"cp", "embed", RM_REMOVED_SHARE},
    {"bluesky", "embed", RM_REMOVED_SHARE},
    {"reddit", "embed", RM_REMOVED_SHARE},
    {"print", "none", RM_REMOVED_NAVIGATION},
    {"fc", "ab", RM_REMOVED_ADBLOCK},
    {"tie", "popup", RM_REMOVED_ADBLOCK},
};

static bool token_char(char c)
{
    return c && c != ' ' && c != '-' && c != '_' && c != '\t' && c != '\n';
}

/* Iterate the tokens of s; returns the next token start or NULL. */
static const char *next_token(const char *s, size_t *len)
{
    while (*s && !token_char(*s))
        s++;
    if (!*s)
        return NULL;
    const char *start = s;
    while (token_char(*s))
        s++;
    *len = (size_t)(s - start);
    return start;
}

/* Every class token meets every marker: compare without strlen, so that a
 * mismatch costs one byte (a token never holds NUL, so a shorter word
 * fails at its terminator). */
static bool token_is(const char *tok, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        char c = tok[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return word[len] == '\0';
}

/* A token's first byte as the (lower-case) tables spell it. */
static unsigned char lower_first(const char *tok)
{
    unsigned char c = (unsigned char)tok[0];
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* A marker word right after "from" names what the element is kept out of,
 * not what it is: a heading "hide-from-toc" or "exclude-from-nav" is one
 * that the page's table of contents or menu leaves out. */
static bool excluded_from(const char *prev, size_t prev_len)
{
    return prev && token_is(prev, prev_len, "from");
}

/* Only the table entries that start with a token's first letter can match
 * it; they are met in table order (the first match wins, as before). */
static rm_removed_kind scan_markers(const char *s, bool *strong)
{
    if (!s)
        return RM_KIND_NONE;
    const table_indexes *ix = indexes();
    const char *prev = NULL;
    size_t prev_len = 0, len;
    for (const char *tok = next_token(s, &len); tok; tok = next_token(tok + len, &len)) {
        for (int i = prev ? ix->pairs.first[lower_first(prev)] : -1; i >= 0; i = ix->pairs.next[i])
            if (token_is(prev, prev_len, marker_pairs[i].first) &&
                token_is(tok, len, marker_pairs[i].second)) {
                *strong = true;
                return marker_pairs[i].kind;
            }
        for (int i = excluded_from(prev, prev_len) ? -1 : ix->markers.first[lower_first(tok)];
             i >= 0; i = ix->markers.next[i])
            if (token_is(tok, len, markers[i].token)) {
                *strong = markers[i].strong;
                return markers[i].kind;
            }
        prev = tok;
        prev_len = len;
    }
    return RM_KIND_NONE;
}

/* Component names in data attributes ("EmailSignup", "article-body-ad")
 * are written in camelCase as often as not: split them before matching. */
rm_removed_kind heur_component_kind(const char *value, bool *strong)
{
    bool ignored;
    if (!strong)
        strong = &ignored;
    *strong = false;
    if (!value)
        return RM_KIND_NONE;
    char split[256];
    size_t n = 0;
    for (const char *p = value; *p && n + 2 < sizeof split; p++) {
        if (*p >= 'A' && *p <= 'Z' && p > value && p[-1] >= 'a' && p[-1] <= 'z')
            split[n++] = '-';
        split[n++] = *p;
    }
    split[n] = '\0';
    return scan_markers(split, strong);
}

rm_removed_kind heur_marker_kind(const char *cls, const char *id, bool *strong)
{
    bool ignored;
    if (!strong)
        strong = &ignored;
    *strong = false;
    rm_removed_kind kind = scan_markers(id, strong);
    if (kind != RM_KIND_NONE)
        return kind;
    return scan_markers(cls, strong);
}

/* Bylines and datelines inside the article (rs-trafilatura's body-only
 * output drops byline and timestamp classes, as Trafilatura does). */
static const char *const byline_tokens[] = {
    "byline", "dateline", "author", "authors", "writtenby", "timestamp",
    "posted", "pubdate", "publish", "published", "meta", "kicker",
};
static const struct { const char *first, *second; } byline_pairs[] = {
    {"post", "meta"},    {"entry", "meta"}, {"article", "meta"}, {"story", "meta"},
    {"post", "info"},    {"entry", "date"}, {"post", "date"},    {"article", "date"},
    {"posted", "on"},    {"meta", "info"},      {"reading", "time"},
};

/* Bit c - 'a' set: some word opens with letter c; all bits set: some
 * word opens with another byte, and any may (index_byline_words). */
static bool letter_in(uint32_t letters, unsigned char c)
{
    unsigned k = (unsigned)c - 'a';
    return letters == UINT32_MAX || (k < 26 && ((letters >> k) & 1));
}

static bool scan_byline(const char *s)
{
    if (!s)
        return false;
    /* every element's class and id are asked: a token whose first letter
     * opens no word of the tables is compared with none */
    const table_indexes *ix = indexes();
    const char *prev = NULL;
    size_t prev_len = 0, len;
    for (const char *tok = next_token(s, &len); tok; tok = next_token(tok + len, &len)) {
        unsigned char first = lower_first(tok);
        for (size_t i = 0; letter_in(ix->byline_words, first) && i < COUNT(byline_tokens); i++)
            if (token_is(tok, len, byline_tokens[i]))
                return true;
        bool pair = prev && letter_in(ix->byline_pair_firsts, lower_first(prev)) &&
                    letter_in(ix->byline_pair_seconds, first);
        for (size_t i = 0; pair && i < COUNT(byline_pairs); i++)
            if (token_is(prev, prev_len, byline_pairs[i].first) &&
                token_is(tok, len, byline_pairs[i].second))
                return true;
        prev = tok;
        prev_len = len;
    }
    return false;
}

bool heur_is_byline_marker(const char *cls, const char *id)
{
    return scan_byline(cls) || scan_byline(id);
}

/* Is one of `words` a whole token of `cls` (split at '-' and '_')? */
static bool has_class_token(const char *cls, const char *const *words, size_t n)
{
    size_t len;
    for (const char *tok = cls ? next_token(cls, &len) : NULL; tok; tok = next_token(tok + len, &len))
        for (size_t i = 0; i < n; i++)
            if (token_is(tok, len, words[i]))
                return true;
    return false;
}

/* A forum post's signature: the lines its author appends to every post
 * (gear lists, slogans, links to their shop), which phpBB, vBulletin,
 * XenForo, Invision and Vanilla all mark by name ("signature",
 * "message-signature", "ipsSignature", "postsignature",
 * "DiscussionBoard-signature"); Stack Exchange's "post-signature" is the
 * asked/answered card with the author's reputation. A part of a class word,
 * split at '-' and '_', or the tail of one written together. A word opened
 * by a state ("with-signature", "has-signature") describes the post that
 * carries one, not the signature. */
static const char *const signature_words[] = {"signature", "sig", "usersig"};
static const char *const state_words[] = {"with", "has", "no", "show", "hide", "toggle"};

static bool ends_with_folded(const char *s, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len >= n && token_is(s + len - n, n, tail);
}

static bool word_names_signature(const char *word, size_t wlen)
{
    bool first = true;
    for (size_t at = 0; at < wlen;) {
        size_t len = 0;
        while (at + len < wlen && word[at + len] != '-' && word[at + len] != '_')
            len++;
        for (size_t i = 0; first && i < COUNT(state_words); i++)
            if (token_is(word + at, len, state_words[i]))
                return false;
        for (size_t i = 0; i < COUNT(signature_words); i++)
            if (token_is(word + at, len, signature_words[i]))
                return true;
        if (ends_with_folded(word + at, len, "signature"))
            return true;
        first = false;
        at += len + 1;
    }
    return false;
}

bool heur_is_signature_marker(const char *cls, const char *id)
{
    for (const char *s = cls; s && *s;) {
        size_t wlen = strcspn(s, " \t\n");
        if (wlen && word_names_signature(s, wlen))
            return true;
        s += wlen + (s[wlen] != '\0');
    }
    return id && word_names_signature(id, strlen(id));
}

/* A summary of the discussion that a language model wrote, which forum
 * add-ons and hosted boards now set above or below a thread ("Discussion
 * overview", "Main points raised"): the board's words about the posts,
 * not the posts. Class and id words name both halves, a word for the
 * machine ("ai-summary-block", "gpt-summary", "llm-tldr") and a word for
 * the summary; a word for the machine alone is too loose ("gpt-ad-slot"
 * is Google's ad tag). Tokens split at '-' and '_'; the summary word may
 * be any form of "summary" ("summarize", "summaries"). */
static const char *const machine_words[] = {"ai", "gpt", "chatgpt", "llm", "genai", "aisummary"};
static const char *const summary_words[] = {"tldr", "aisummary"};

static bool names_summary(const char *tok, size_t len)
{
    if (len >= 6 && token_is(tok, 6, "summar"))
        return true;
    for (size_t i = 0; i < COUNT(summary_words); i++)
        if (token_is(tok, len, summary_words[i]))
            return true;
    return false;
}

static bool names_machine_summary(const char *s)
{
    bool machine = false, summary = false;
    size_t len;
    for (const char *tok = s ? next_token(s, &len) : NULL; tok; tok = next_token(tok + len, &len)) {
        for (size_t i = 0; i < COUNT(machine_words); i++)
            machine = machine || token_is(tok, len, machine_words[i]);
        summary = summary || names_summary(tok, len);
    }
    return machine && summary;
}

bool heur_is_machine_summary_marker(const char *cls, const char *id)
{
    return names_machine_summary(cls) || names_machine_summary(id);
}

/* Caption boxes under pictures: HTML's <figcaption> aside, CMSs name them
 * by class (WordPress "wp-caption-text", Drupal and Bootstrap "caption",
 * news kits "image-caption", "media-caption"). Whole tokens. */
static const char *const caption_tokens[] = {"caption", "figcaption", "imagecaption"};

bool heur_is_caption_marker(const char *cls)
{
    return has_class_token(cls, caption_tokens, COUNT(caption_tokens));
}

/* Utility classes that hide text from the screen but not from screen
 * readers (Bootstrap, Tailwind, WordPress, BBC/Guardian kits): "Image
 * caption, ", "opens in a new tab", skip-link targets. A reader shows what
 * the page shows. */
static const char *const screen_reader_tokens[] = {
    "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden",
    "screenreader-only", "screen-reader-only", "a11y-hidden", "u-visually-hidden",
};

/* Is one of the space-separated class names of `cls` in `names` (whole
 * names, without case)? */
static bool has_class_name(const char *cls, const wordset *names)
{
    for (const char *p = cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        size_t n = (size_t)(p - start);
        if (n && wordset_find_nocase(names, start, n) < names->count)
            return true;
    }
    return false;
}

bool heur_is_screen_reader_only(const char *cls)
{
    return has_class_name(cls, &indexes()->screen_reader);
}

/* Utility classes that hide a box outright (display:none): jQuery-era
 * "hide" and "hidden", Bootstrap's "d-none", "is-hidden" of BEM kits. Not
 * when another class shows the box again at some width (Tailwind's
 * "hidden md:block", Bootstrap's "d-none d-lg-flex"): it is shown on a
 * desktop screen. Whole class names, without case. */
static const char *const hiding_tokens[] = {
    "hide", "hidden", "d-none", "is-hidden", "u-hidden", "display-none", "displaynone",
    /* The body of a tooltip, shown only while the pointer rests on its
     * trigger (an "i" icon beside a spec's label): W3Schools' "tooltiptext",
     * Bootstrap's "tooltip-inner", BEM kits' "tooltip__content". The
     * trigger ("tooltip") shows its own text and stays. */
    "tooltiptext", "tooltip-text", "tooltip-content", "tooltip__content", "tooltip-inner",
    "tooltip-body", "tooltip__body", "tooltip__text", "tool-tip__content", "tooltip_content",
};

/* Does one class name show the box at some width: a responsive variant
 * ("md:block", `colon`: the name holds a ':') or a Bootstrap display class
 * other than "d-none"? */
static bool shows_at_some_width(const char *name, size_t n, bool colon)
{
    return colon || (n > 2 && name[0] == 'd' && name[1] == '-' && strncmp(name, "d-none", n) != 0);
}

/* Class names of the panels of tabbed and accordion widgets: Bootstrap
 * ("tab-pane"), Foundation ("tabs-panel"), jQuery UI ("ui-tabs-panel"),
 * WooCommerce's product tabs ("woocommerce-tabs-panel"), BEM kits
 * ("tabs__panel"), and the docs generators' code tabs (Docusaurus
 * "tabitem", MkDocs Material "tabbed-block", Sphinx "sphinx-tabs-panel",
 * DocFX's zone pivots "has-pivot", one zone per language or platform).
 * A page ships every panel and hides all but the open one until a click:
 * the hidden ones hold the rest of the description, the specifications or
 * the same example in other languages, which a reader wants too. Whole
 * class names, compared without case. */
static const char *const tab_panel_classes[] = {
    "tab-pane", "tab-panel", "tabpanel", "tabs-panel", "tabs__panel", "tab__panel",
    "tab__content", "tabs__content", "ui-tabs-panel", "woocommerce-tabs-panel",
    "tabitem", "tabbed-block", "sphinx-tabs-panel", "accordion-panel",
    "accordion__panel", "accordion-content", "accordion__content", "has-pivot",
};

/* Does a node hold words of its own: a text node that is not blank, or
 * an element with one, a few levels down (a summary in a <span>), and no
 * picture (a linked thumbnail repeats the headline's link in pixels)? */
static bool holds_words(const rm_dom *dom, int32_t id, int depth)
{
    const rm_node *n = &dom->nodes[id];
    if (n->type == RM_NODE_TEXT)
        return n->text[strspn(n->text, " \t\r\n")] != '\0';
    if (n->type != RM_NODE_ELEMENT || depth == 0 || n->tag == GUMBO_TAG_IMG)
        return false;
    for (int32_t c = n->first_child; c != RM_NONE; c = dom->nodes[c].next_sibling)
        if (holds_words(dom, c, depth - 1))
            return true;
    return false;
}

/* The first words a node holds (its first text that is not blank, a few
 * levels down), or NULL. */
static const char *first_words(const rm_dom *dom, int32_t id, int depth)
{
    const rm_node *n = &dom->nodes[id];
    if (n->type == RM_NODE_TEXT)
        return n->text[strspn(n->text, " \t\r\n")] ? n->text : NULL;
    if (n->type != RM_NODE_ELEMENT || depth == 0)
        return NULL;
    for (int32_t c = n->first_child; c != RM_NONE; c = dom->nodes[c].next_sibling) {
        const char *w = first_words(dom, c, depth - 1);
        if (w)
            return w;
    }
    return NULL;
}

/* Do two texts say the same, white space around them aside? */
static bool same_words(const char *a, const char *b)
{
    a += strspn(a, " \t\r\n");
    b += strspn(b, " \t\r\n");
    size_t la = strlen(a), lb = strlen(b);
    while (la > 0 && strchr(" \t\r\n", a[la - 1]))
        la--;
    while (lb > 0 && strchr(" \t\r\n", b[lb - 1]))
        lb--;
    return la == lb && memcmp(a, b, la) == 0;
}

/* Are the link's words said again right beside it, as text of the same
 * parent (a link stretched over a card's heading as an overlay, its label
 * the heading's own text)? Then the repeat is the copy. */
static bool said_beside(const rm_dom *dom, int32_t link, int depth)
{
    const char *words = first_words(dom, link, depth);
    int32_t parent = dom->nodes[link].parent;
    if (!words || parent == RM_NONE || dom->nodes[parent].type != RM_NODE_ELEMENT)
        return false;
    for (int32_t c = dom->nodes[parent].first_child; c != RM_NONE; c = dom->nodes[c].next_sibling)
        if (c != link && dom->nodes[c].type == RM_NODE_TEXT &&
            same_words(dom->nodes[c].text, words))
            return true;
    return false;
}

/* aria-hidden="true" hides a box from screen readers, not from the eye.
 * On a link that tabindex="-1" also takes out of the tab order it marks a
 * repeat of a link beside it to the same place (WAI's advice for a card
 * that links its summary as well as its headline): when the repeat says
 * something in words (not a picture's link) that its parent does not say
 * again, the words are shown, so they are the page's. Other aria-hidden
 * boxes (icons, a linked thumbnail, copies for a script) stay hidden, as
 * Readability hides them. */
#define REDUNDANT_LINK_DEPTH 3   /* the link, a <span>, its text */

static bool is_redundant_link(const rm_dom *dom, int32_t id, const char *tabindex)
{
    return dom->nodes[id].type == RM_NODE_ELEMENT && dom->nodes[id].tag == GUMBO_TAG_A &&
           tabindex && strcmp(tabindex, "-1") == 0 &&
           holds_words(dom, id, REDUNDANT_LINK_DEPTH) && !said_beside(dom, id, REDUNDANT_LINK_DEPTH);
}

/* HTML's edit elements: shops strike a sale's old price through with
 * <del> and mark the new one with <ins>, both aria-hidden, and tell screen
 * readers the same prices in words ("Original price was: $30.00") in
 * screen-reader-only text. The eye sees the prices: aria-hidden there only
 * spares a listener the second reading. */
bool heur_aria_hidden_is_shown(const rm_dom *dom, int32_t id, const char *tabindex)
{
    GumboTag tag = dom->nodes[id].type == RM_NODE_ELEMENT ? dom->nodes[id].tag : GUMBO_TAG_UNKNOWN;
    return tag == GUMBO_TAG_DEL || tag == GUMBO_TAG_INS || is_redundant_link(dom, id, tabindex);
}

bool heur_is_tab_panel(const char *cls)
{
    return has_class_name(cls, &indexes()->tab_panels);
}

unsigned heur_class_name_facts(const char *name, size_t len, bool colon)
{
    const table_indexes *ix = indexes();
    unsigned facts = shows_at_some_width(name, len, colon) ? HEUR_CLASS_SHOWS : 0;
    /* most names are in none of the three sets: one filter says so */
    if (!wordset_may_hold(&ix->class_name_sets, name, len, true))
        return facts;
    if (wordset_find_nocase(&ix->screen_reader, name, len) < ix->screen_reader.count)
        facts |= HEUR_CLASS_SCREEN_READER;
    if (wordset_find_nocase(&ix->tab_panels, name, len) < ix->tab_panels.count)
        facts |= HEUR_CLASS_TAB_PANEL;
    if (wordset_find_nocase(&ix->hiding, name, len) < ix->hiding.count)
        facts |= HEUR_CLASS_HIDING;
    return facts;
}

/* The id React's streaming server renderer gives a suspended part of the
 * page that it sends hidden, after the rest, for a script to move into
 * place and show: "S:" and a number. */
bool heur_is_streamed_segment_id(const char *id)
{
    if (!id || id[0] != 'S' || id[1] != ':' || !id[2])
        return false;
    for (const char *p = id + 2; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* ---- phrases (clutter kinds: labels in eleven languages), case-folded ----------------------- */

typedef struct {
    const char *phrase;
    rm_removed_kind kind;
} phrase_entry;

/* Kind of the first table phrase, in table order, found anywhere in text. */
static rm_removed_kind find_phrase(const phrase_entry *table, size_t n, const string_index *ix,
                                   const char *text, size_t len)
{
    size_t i = first_found(table, sizeof table[0], n, ix, text, len);
    return i < n ? table[i].kind : RM_KIND_NONE;
}

static const phrase_entry phrases[] = {
    /* ad-block nags */
    {"adblock detected", RM_REMOVED_ADBLOCK},
    {"ad blocker detected", RM_REMOVED_ADBLOCK},
    {"ads blocker detected", RM_REMOVED_ADBLOCK},
    {"ad-blocker detected", RM_REMOVED_ADBLOCK},
    {"using an ad blocker", RM_REMOVED_ADBLOCK},
    {"using an adblocker", RM_REMOVED_ADBLOCK},
    {"disable your ad blocker", RM_REMOVED_ADBLOCK},
    {"disabling your ad blocker", RM_REMOVED_ADBLOCK},
    {"disabling your adblocker", RM_REMOVED_ADBLOCK},
    {"disable your adblocker", RM_REMOVED_ADBLOCK},
    {"whitelisting", RM_REMOVED_ADBLOCK},
    {"whitelist this website", RM_REMOVED_ADBLOCK},
    {"blocked because of ad blocker", RM_REMOVED_ADBLOCK},
    {"adblocker erkannt", RM_REMOVED_ADBLOCK},
    {"deaktiviere deinen adblocker", RM_REMOVED_ADBLOCK},
    {"bloqueur de publicité détecté", RM_REMOVED_ADBLOCK},
    {"désactiver votre bloqueur", RM_REMOVED_ADBLOCK},
    {"bloqueador de anuncios detectado", RM_REMOVED_ADBLOCK},
    {"adblock detectado", RM_REMOVED_ADBLOCK},
    {"adblock rilevato", RM_REMOVED_ADBLOCK},
    {"disattiva adblock", RM_REMOVED_ADBLOCK},
    {"bloqueador de anúncios detectado", RM_REMOVED_ADBLOCK},
    {"desative seu bloqueador", RM_REMOVED_ADBLOCK},
    {"adblocker gedetecteerd", RM_REMOVED_ADBLOCK},
    {"schakel je adblocker uit", RM_REMOVED_ADBLOCK},
    {"wykryto adblock", RM_REMOVED_ADBLOCK},
    {"wyłącz adblocka", RM_REMOVED_ADBLOCK},
    {"обнаружен блокировщик рекламы", RM_REMOVED_ADBLOCK},
    {"отключите adblock", RM_REMOVED_ADBLOCK},
    {"広告ブロッカーを検出", RM_REMOVED_ADBLOCK},
    {"広告ブロックを無効", RM_REMOVED_ADBLOCK},
    {"检测到广告拦截", RM_REMOVED_ADBLOCK},
    {"请关闭广告拦截", RM_REMOVED_ADBLOCK},
    /* comments */
    {"leave a reply", RM_REMOVED_COMMENTS},
    {"leave a comment", RM_REMOVED_COMMENTS},
    {"post a comment", RM_REMOVED_COMMENTS},
    {"add a comment", RM_REMOVED_COMMENTS},
    {"join the discussion", RM_REMOVED_COMMENTS},
    {"join the conversation", RM_REMOVED_COMMENTS},
    {"will not be published", RM_REMOVED_COMMENTS},
    {"to post a comment", RM_REMOVED_COMMENTS},
    {"schreibe einen kommentar", RM_REMOVED_COMMENTS},
    {"hinterlasse einen kommentar", RM_REMOVED_COMMENTS},
    {"wird nicht veröffentlicht", RM_REMOVED_COMMENTS},
    {"kommentare zu schreiben", RM_REMOVED_COMMENTS},
    {"laisser un commentaire", RM_REMOVED_COMMENTS},
    {"ne sera pas publiée", RM_REMOVED_COMMENTS},
    {"deja una respuesta", RM_REMOVED_COMMENTS},
    {"no será publicada", RM_REMOVED_COMMENTS},
    {"lascia un commento", RM_REMOVED_COMMENTS},
    {"non sarà pubblicato", RM_REMOVED_COMMENTS},
    {"deixe um comentário", RM_REMOVED_COMMENTS},
    {"deixe uma resposta", RM_REMOVED_COMMENTS},
    {"não será publicado", RM_REMOVED_COMMENTS},
    {"geef een reactie", RM_REMOVED_COMMENTS},
    {"wordt niet gepubliceerd", RM_REMOVED_COMMENTS},
    {"dodaj komentarz", RM_REMOVED_COMMENTS},
    {"nie zostanie opublikowany", RM_REMOVED_COMMENTS},
    {"добавить комментарий", RM_REMOVED_COMMENTS},
    {"не будет опубликован", RM_REMOVED_COMMENTS},
    {"コメントを残す", RM_REMOVED_COMMENTS},
    {"公開されることはありません", RM_REMOVED_COMMENTS},
    {"发表回复", RM_REMOVED_COMMENTS},
    {"发表评论", RM_REMOVED_COMMENTS},
    /* related */
    {"related articles", RM_REMOVED_RELATED},
    {"related posts", RM_REMOVED_RELATED},
    {"related stories", RM_REMOVED_RELATED},
    {"related reading", RM_REMOVED_RELATED},
    {"related:", RM_REMOVED_RELATED},
    {"you may also like", RM_REMOVED_RELATED},
    {"you might also like", RM_REMOVED_RELATED},
    {"read next", RM_REMOVED_RELATED},
    {"read more:", RM_REMOVED_RELATED},
    {"more stories", RM_REMOVED_RELATED},
    {"more from", RM_REMOVED_RELATED},
    {"recommended for you", RM_REMOVED_RELATED},
    {"check also", RM_REMOVED_RELATED},
    {"trending", RM_REMOVED_RELATED},
    {"most popular", RM_REMOVED_RELATED},
    {"more on this story", RM_REMOVED_RELATED},
    {"related internet links", RM_REMOVED_RELATED},
    {"related topics", RM_REMOVED_RELATED},
    {"related searches", RM_REMOVED_RELATED},   /* a shop's or a search's links to other queries */
    {"similar threads", RM_REMOVED_RELATED},   /* forum software's own */
    {"similar topics", RM_REMOVED_RELATED},
    {"suggested topics", RM_REMOVED_RELATED},
    {"related questions", RM_REMOVED_RELATED},
    {"explore more on these topics", RM_REMOVED_RELATED},
    {"most read", RM_REMOVED_RELATED},
    {"you may be interested in", RM_REMOVED_RELATED},
    {"posts you may enjoy", RM_REMOVED_RELATED},
    {"what others are reading", RM_REMOVED_RELATED},
    {"top stories", RM_REMOVED_RELATED},
    {"popular posts", RM_REMOVED_RELATED},
    {"ähnliche beiträge", RM_REMOVED_RELATED},
    {"lesen sie auch", RM_REMOVED_RELATED},
    {"das könnte sie auch interessieren", RM_REMOVED_RELATED},
    {"mehr zum thema", RM_REMOVED_RELATED},
    {"articles similaires", RM_REMOVED_RELATED},
    {"à lire aussi", RM_REMOVED_RELATED},
    {"lire aussi", RM_REMOVED_RELATED},
    {"artículos relacionados", RM_REMOVED_RELATED},
    {"lee también", RM_REMOVED_RELATED},
    {"articoli correlati", RM_REMOVED_RELATED},
    {"leggi anche", RM_REMOVED_RELATED},
    {"posts relacionados", RM_REMOVED_RELATED},
    {"leia também", RM_REMOVED_RELATED},
    {"veja também", RM_REMOVED_RELATED},
    {"lees ook", RM_REMOVED_RELATED},
    {"podobne wpisy", RM_REMOVED_RELATED},
    {"czytaj także", RM_REMOVED_RELATED},
    {"zobacz też", RM_REMOVED_RELATED},
    {"похожие записи", RM_REMOVED_RELATED},
    {"читайте также", RM_REMOVED_RELATED},
    {"関連記事", RM_REMOVED_RELATED},
    {"あわせて読みたい", RM_REMOVED_RELATED},
    {"相关文章", RM_REMOVED_RELATED},
    {"猜你喜欢", RM_REMOVED_RELATED},
    {"推荐阅读", RM_REMOVED_RELATED},
    /* shops' cross-sell and recently-viewed shelves on product pages */
    {"customers also bought", RM_REMOVED_RELATED},
    {"customers also viewed", RM_REMOVED_RELATED},
    {"customers who bought this", RM_REMOVED_RELATED},
    {"customers who viewed this", RM_REMOVED_RELATED},
    {"frequently bought together", RM_REMOVED_RELATED},
    {"people also bought", RM_REMOVED_RELATED},
    {"recently viewed", RM_REMOVED_RELATED},
    {"related products", RM_REMOVED_RELATED},
    {"related items", RM_REMOVED_RELATED},
    {"similar items", RM_REMOVED_RELATED},
    {"similar products", RM_REMOVED_RELATED},
    {"products related to this item", RM_REMOVED_RELATED},
    {"sponsored products", RM_REMOVED_RELATED},
    {"complete the look", RM_REMOVED_RELATED},
    {"complete the set", RM_REMOVED_RELATED},
    {"pairs well with", RM_REMOVED_RELATED},
    {"goes well with", RM_REMOVED_RELATED},
    {"kunden kauften auch", RM_REMOVED_RELATED},
    {"das könnte dir auch gefallen", RM_REMOVED_RELATED},
    {"ähnliche produkte", RM_REMOVED_RELATED},
    {"zuletzt angesehen", RM_REMOVED_RELATED},
    {"vous aimerez aussi", RM_REMOVED_RELATED},
    {"vous aimerez peut-être aussi", RM_REMOVED_RELATED},
    {"produits similaires", RM_REMOVED_RELATED},
    {"récemment consultés", RM_REMOVED_RELATED},
    {"ils vont bien ensemble", RM_REMOVED_RELATED},
    {"productos relacionados", RM_REMOVED_RELATED},
    {"también te puede gustar", RM_REMOVED_RELATED},
    {"vistos recientemente", RM_REMOVED_RELATED},
    {"prodotti correlati", RM_REMOVED_RELATED},
    {"potrebbe piacerti anche", RM_REMOVED_RELATED},
    {"visti di recente", RM_REMOVED_RELATED},
    {"produtos relacionados", RM_REMOVED_RELATED},
    {"você também pode gostar", RM_REMOVED_RELATED},
    {"vistos recentemente", RM_REMOVED_RELATED},
    {"gerelateerde producten", RM_REMOVED_RELATED},
    {"recent bekeken", RM_REMOVED_RELATED},
    {"podobne produkty", RM_REMOVED_RELATED},
    {"ostatnio oglądane", RM_REMOVED_RELATED},
    {"похожие товары", RM_REMOVED_RELATED},
    {"с этим товаром покупают", RM_REMOVED_RELATED},
    {"недавно просмотренные", RM_REMOVED_RELATED},
    {"関連商品", RM_REMOVED_RELATED},
    {"最近チェックした商品", RM_REMOVED_RELATED},
    {"相关商品", RM_REMOVED_RELATED},
    {"最近浏览", RM_REMOVED_RELATED},
    /* share */
    {"share this", RM_REMOVED_SHARE},
    {"share on", RM_REMOVED_SHARE},
    {"like this:", RM_REMOVED_SHARE},
    {"follow us on", RM_REMOVED_SHARE},
    {"print this page", RM_REMOVED_SHARE},
    {"teilen mit", RM_REMOVED_SHARE},
    {"partager", RM_REMOVED_SHARE},
    {"comparte esto", RM_REMOVED_SHARE},
    {"condividi", RM_REMOVED_SHARE},
    {"compartilhe isso", RM_REMOVED_SHARE},
    {"dit delen", RM_REMOVED_SHARE},
    {"udostępnij", RM_REMOVED_SHARE},
    {"поделиться", RM_REMOVED_SHARE},
    {"共享此文章", RM_REMOVED_SHARE},
    /* an on-page table of contents (documentation generators, long
     * guides): links to the page's own headings, not its text */
    {"table of contents", RM_REMOVED_NAVIGATION},
    {"on this page", RM_REMOVED_NAVIGATION},
    {"in this article", RM_REMOVED_NAVIGATION},
    {"jump to section", RM_REMOVED_NAVIGATION},
    {"inhaltsverzeichnis", RM_REMOVED_NAVIGATION},
    {"auf dieser seite", RM_REMOVED_NAVIGATION},
    {"table des matières", RM_REMOVED_NAVIGATION},
    {"sur cette page", RM_REMOVED_NAVIGATION},
    {"tabla de contenido", RM_REMOVED_NAVIGATION},
    {"en esta página", RM_REMOVED_NAVIGATION},
    {"indice dei contenuti", RM_REMOVED_NAVIGATION},
    {"in questa pagina", RM_REMOVED_NAVIGATION},
    {"índice de conteúdo", RM_REMOVED_NAVIGATION},
    {"nesta página", RM_REMOVED_NAVIGATION},
    {"inhoudsopgave", RM_REMOVED_NAVIGATION},
    {"op deze pagina", RM_REMOVED_NAVIGATION},
    {"spis treści", RM_REMOVED_NAVIGATION},
    {"на этой странице", RM_REMOVED_NAVIGATION},
    {"содержание", RM_REMOVED_NAVIGATION},
    {"目次", RM_REMOVED_NAVIGATION},
    {"このページの内容", RM_REMOVED_NAVIGATION},
    {"目录", RM_REMOVED_NAVIGATION},
    {"本页内容", RM_REMOVED_NAVIGATION},
    /* a shop's shipping and returns policy, the same on every product */
    {"shipping & returns", RM_REMOVED_FOOTER},
    {"shipping and returns", RM_REMOVED_FOOTER},
    {"delivery & returns", RM_REMOVED_FOOTER},
    {"delivery and returns", RM_REMOVED_FOOTER},
    {"returns & exchanges", RM_REMOVED_FOOTER},
    {"returns and exchanges", RM_REMOVED_FOOTER},
    {"versand & rückgabe", RM_REMOVED_FOOTER},
    {"versand und rückgabe", RM_REMOVED_FOOTER},
    {"livraison et retours", RM_REMOVED_FOOTER},
    {"envíos y devoluciones", RM_REMOVED_FOOTER},
    {"spedizione e resi", RM_REMOVED_FOOTER},
    {"envio e devoluções", RM_REMOVED_FOOTER},
    {"verzending en retour", RM_REMOVED_FOOTER},
    /* consent */
    {"we use cookies", RM_REMOVED_CONSENT},
    {"this website uses cookies", RM_REMOVED_CONSENT},
    {"this site uses cookies", RM_REMOVED_CONSENT},
    {"uses cookies to", RM_REMOVED_CONSENT},
    {"accept all cookies", RM_REMOVED_CONSENT},
    {"wir verwenden cookies", RM_REMOVED_CONSENT},
    {"nous utilisons des cookies", RM_REMOVED_CONSENT},
    {"utilizamos cookies", RM_REMOVED_CONSENT},
    {"utilizziamo i cookie", RM_REMOVED_CONSENT},
    {"wij gebruiken cookies", RM_REMOVED_CONSENT},
    {"używamy plików cookie", RM_REMOVED_CONSENT},
    {"мы используем файлы cookie", RM_REMOVED_CONSENT},
    {"cookieを使用", RM_REMOVED_CONSENT},
    {"我们使用cookie", RM_REMOVED_CONSENT},
    /* newsletter, subscribe, paywall */
    {"subscribe to our newsletter", RM_REMOVED_PROMPT},
    {"sign up for our newsletter", RM_REMOVED_PROMPT},
    {"sign up for", RM_REMOVED_PROMPT},
    {"sign up to", RM_REMOVED_PROMPT},
    {"you've read", RM_REMOVED_PROMPT},
    {"you’ve read", RM_REMOVED_PROMPT},
    {"small favour to ask", RM_REMOVED_PROMPT},
    {"please consider supporting", RM_REMOVED_PROMPT},
    {"subscribe to continue", RM_REMOVED_PROMPT},
    {"for subscribers only", RM_REMOVED_PROMPT},
    {"subscribe to get access", RM_REMOVED_PROMPT},
    {"funded by readers like you", RM_REMOVED_PROMPT},
    {"get the newsletter", RM_REMOVED_PROMPT},
    {"we're hiring", RM_REMOVED_PROMPT},
    {"we’re hiring", RM_REMOVED_PROMPT},
    {"we are hiring", RM_REMOVED_PROMPT},
    {"join our team", RM_REMOVED_PROMPT},
    {"tried this recipe", RM_REMOVED_PROMPT},
    {"was this helpful", RM_REMOVED_PROMPT},
    {"was this page helpful", RM_REMOVED_PROMPT},
    {"still have questions", RM_REMOVED_PROMPT},
    /* Stack Exchange's closing box under a question ("Start asking to get
     * answers" beside "Explore related questions"): the ask-a-question pitch
     * with the tag links, never part of the thread */
    {"start asking to get answers", RM_REMOVED_PROMPT},
    /* the line a thread shows a reader who is not signed in, where the
     * reply form would be (Stack Exchange, Lemmy, XenForo) */
    {"you must log in to answer", RM_REMOVED_PROMPT},
    {"you must log in or", RM_REMOVED_PROMPT},
    {"was this page useful", RM_REMOVED_PROMPT},
    {"was this article helpful", RM_REMOVED_PROMPT},
    {"jetzt abonnieren", RM_REMOVED_PROMPT},
    {"nur für abonnenten", RM_REMOVED_PROMPT},
    {"newsletter abonnieren", RM_REMOVED_PROMPT},
    {"réservé aux abonnés", RM_REMOVED_PROMPT},
    {"exclusivo para suscriptores", RM_REMOVED_PROMPT},
    {"riservato agli abbonati", RM_REMOVED_PROMPT},
    {"exclusivo para assinantes", RM_REMOVED_PROMPT},
    {"alleen voor abonnees", RM_REMOVED_PROMPT},
    {"tylko dla subskrybentów", RM_REMOVED_PROMPT},
    {"только подписчикам", RM_REMOVED_PROMPT},
    {"会員限定", RM_REMOVED_PROMPT},
    {"仅限订阅", RM_REMOVED_PROMPT},
    {"订阅后继续阅读", RM_REMOVED_PROMPT},
};

rm_removed_kind heur_phrase_kind(const char *text, size_t len)
{
    return find_phrase(phrases, COUNT(phrases), &indexes()->phrases, text, len);
}

/* Notes about the article rather than part of it, found in short
 * paragraphs of their own: affiliate and sponsorship disclosures
 * (clutter kinds: article furniture) and print-edition lines. */
static const phrase_entry note_phrases[] = {
    {"affiliate link", RM_REMOVED_ADS},
    {"as an amazon associate", RM_REMOVED_ADS},
    {"may earn a commission", RM_REMOVED_ADS},
    {"earn from qualifying purchases", RM_REMOVED_ADS},
    {"this post is sponsored", RM_REMOVED_ADS},
    {"sponsored content", RM_REMOVED_ADS},
    {"provisionslinks", RM_REMOVED_ADS},
    {"liens d'affiliation", RM_REMOVED_ADS},
    {"enlaces de afiliados", RM_REMOVED_ADS},
    {"link di affiliazione", RM_REMOVED_ADS},
    {"story continues below advertisement", RM_REMOVED_ADS},
    {"continue reading the main story", RM_REMOVED_ADS},
    /* shops' promotion and checkout lines beside the price */
    {"free shipping on orders", RM_REMOVED_PROMPT},
    {"free shipping over", RM_REMOVED_PROMPT},
    {"free shipping for orders", RM_REMOVED_PROMPT},
    {"free delivery on orders", RM_REMOVED_PROMPT},
    {"free delivery over", RM_REMOVED_PROMPT},
    {"shipping calculated at checkout", RM_REMOVED_PROMPT},
    {"calculated at checkout", RM_REMOVED_PROMPT},
    {"subscribe & save", RM_REMOVED_PROMPT},
    {"subscribe and save", RM_REMOVED_PROMPT},
    {"kostenloser versand ab", RM_REMOVED_PROMPT},
    {"livraison gratuite dès", RM_REMOVED_PROMPT},
    {"envío gratis a partir", RM_REMOVED_PROMPT},
    {"all rights reserved", RM_REMOVED_FOOTER},
    {"purchase licensing rights", RM_REMOVED_FOOTER},
    {"published in the print edition", RM_REMOVED_FOOTER},
    {"appears in print on", RM_REMOVED_FOOTER},
    {"a version of this article appears in print", RM_REMOVED_FOOTER},
    /* Chinese news: the editor-in-charge credit and the reprint disclaimer */
    {"责任编辑", RM_REMOVED_FOOTER},
    {"不代表本网立场", RM_REMOVED_FOOTER},
    {"仅代表作者", RM_REMOVED_FOOTER},
};

/* Newsletter, membership and paywall prompts set between the paragraphs
 * of a story or under it ("Want more? Sign up for our newsletter, The
 * Selection", "This story is funded by readers like you"): a line of its
 * own, under PROMPT_MAX_CHARS, that says one of these asks the reader to
 * sign up and never informs; a longer paragraph saying it is prose.
 * Case-folded, found anywhere in the line. */
#define PROMPT_MAX_CHARS 160

static const char *const prompt_phrases[] = {
    "sign up for our newsletter", "subscribe to our newsletter", "join our mailing list",
    "join our newsletter", "delivered to your inbox", "directly in your inbox",
    "directly to your inbox", "get the latest posts", "get the latest updates",
    "get updates from this writer", "unlock this article", "to read the rest of this story",
    "funded by readers like you", "if you liked this article", "leave a star rating",
    "add as a preferred source", "newsletter abonnieren", "abonnez-vous à notre newsletter",
    "suscríbete a nuestro boletín", "iscriviti alla nostra newsletter",
    "assine nossa newsletter",
};

/* What a web application says when a script fails or a request is
 * refused ("Sorry, there was a problem.", "Please try again later"),
 * left in the page for the script to show: a short line of its own that
 * says one of these is the interface talking, not the page's text.
 * Case-folded, found anywhere in the line. */
static const char *const ui_message_phrases[] = {
    "please try again", "try again later", "something went wrong", "there was a problem",
    "there was an error", "an error occurred", "an error has occurred", "please reload the page",
    "please refresh the page", "refresh your browser",
};

/* How account and follow prompts open: "Sign in to add this item to
 * your wishlist", "Already have an account? Log in", "Follow me on
 * Instagram". Only a short block that starts so is one (inside a
 * sentence, "log in to" is ordinary prose), case-folded. */
static const char *const prompt_openings[] = {
    "sign in to ", "log in to ", "login to ", "already have an account",
    "already a subscriber", "already a member", "don't have an account",
    "don’t have an account", "subscribe to get ", "subscribe to receive ",
    "sign up to get ", "sign up to receive ", "join the facebook group",
    "follow me on ", "stay connected with ", "you must log in to ", "you must be logged in to ",
    "you need to be logged in to ", "you must sign in to ",
    "melden sie sich an, um", "connectez-vous pour", "inicia sesión para",
    "accedi per",
};

/* Forum closing notices that a board prints under a thread once it is
 * locked (Discourse's "This topic was automatically closed after 30 days",
 * phpBB's and XenForo's locked-thread lines, "This discussion is now
 * closed" over a board's archived thread): case-folded, anywhere in a
 * short line. */
static const char *const closed_thread_phrases[] = {
    "this topic was automatically closed", "new replies are no longer allowed",
    "this thread has been locked", "this topic has been locked", "this thread is closed",
    "this topic is now closed", "not open for further replies", "this thread is now closed",
    "this discussion is now closed", "this discussion has been closed",
};

/* Short lines that credit rather than inform, told by how they open: the
 * mobile-app signature forum apps append to a post ("Sent from my iPhone
 * using Tapatalk"), the author line under a post ("Written by Ann
 * Lee") and the picture credit a news or blog theme sets as a line of its
 * own outside any <figure> ("Photo: Getty Images", "Image by Studio Brown
 * via ..."; the credit inside a figure is is_figure_credit's). Only a line
 * under CREDIT_MAX_CHARS: a longer one is a sentence. */
#define CREDIT_MAX_CHARS 80

static const phrase_entry credit_openings[] = {
    {"photo: ", RM_REMOVED_FOOTER},
    {"photo credit: ", RM_REMOVED_FOOTER},
    {"photo by ", RM_REMOVED_FOOTER},
    {"photograph: ", RM_REMOVED_FOOTER},
    {"image: ", RM_REMOVED_FOOTER},
    {"image credit: ", RM_REMOVED_FOOTER},
    {"image by ", RM_REMOVED_FOOTER},
    {"illustration: ", RM_REMOVED_FOOTER},
    {"sent from my ", RM_REMOVED_FOOTER},
    {"written by ", RM_REMOVED_FOOTER},
    {"geschrieben von ", RM_REMOVED_FOOTER},
    {"écrit par ", RM_REMOVED_FOOTER},
    {"escrito por ", RM_REMOVED_FOOTER},
    {"scritto da ", RM_REMOVED_FOOTER},
};

/* How a link to another story opens when a news or blog theme sets it
 * between the paragraphs ("Related: How the ferry was saved", "Also read:
 * ...", "Read more: ..."): the WCXB ground truth leaves these lines out as
 * related-content boilerplate. Case-folded; the caller asks only of a
 * short line that holds a link, and a bare label ("See also:") over a
 * list stays. */
static const char *const related_line_openings[] = {
    "related:", "related article:", "related story:", "related reading:", "also read:",
    "read also:", "read more:", "read next:", "see also:", "you might also like:",
    "suggested reading:", "lesen sie auch:", "mehr zum thema:", "à lire aussi :", "lire aussi :",
    "à lire aussi:", "lire aussi:", "leer también:", "lee también:", "leggi anche:", "leia também:",
    "leia mais:",
};

static unsigned opening_bit(const char *s)
{
    return ((unsigned char)s[0] * 31u + (unsigned char)s[1]) & 511u;
}

/* May a text of `len` bytes (not empty) open with an entry of the
 * table? A text of one byte is left to the comparisons. */
static bool may_open_with(const uint8_t *bits, const char *text, size_t len)
{
    if (len < 2)
        return len == 1;
    unsigned bit = opening_bit(text);
    return (bits[bit >> 3] >> (bit & 7)) & 1;
}

bool heur_is_related_link_line(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\n' || *text == '-'))
        text++, len--;
    if (!may_open_with(indexes()->related_openings, text, len))
        return false;
    for (size_t i = 0; i < COUNT(related_line_openings); i++) {
        if (related_line_openings[i][0] != text[0])
            continue;   /* most lines open with none of them */
        size_t n = strlen(related_line_openings[i]);
        if (len > n + 2 && memcmp(text, related_line_openings[i], n) == 0)
            return true;
    }
    return false;
}

/* The entries of heur_note_kind's four phrase tables in one table, for
 * one search that tells whether any of them is in a line at all: most
 * lines hold none, and need no search of each table. */
static const char *note_table_entries[COUNT(note_phrases) + COUNT(closed_thread_phrases) +
                                      COUNT(prompt_phrases) + COUNT(ui_message_phrases)];

static void gather_note_tables(void)
{
    size_t n = 0;
    for (size_t i = 0; i < COUNT(note_phrases); i++)
        note_table_entries[n++] = note_phrases[i].phrase;
    for (size_t i = 0; i < COUNT(closed_thread_phrases); i++)
        note_table_entries[n++] = closed_thread_phrases[i];
    for (size_t i = 0; i < COUNT(prompt_phrases); i++)
        note_table_entries[n++] = prompt_phrases[i];
    for (size_t i = 0; i < COUNT(ui_message_phrases); i++)
        note_table_entries[n++] = ui_message_phrases[i];
}

rm_removed_kind heur_note_kind(const char *text, size_t len)
{
    const table_indexes *ix = indexes();
    /* every short box meets these tables: a line shorter than every
     * entry ("[edit]", "Share") can match none of them */
    if (len < ix->note_min_len)
        return RM_KIND_NONE;
    /* A line short enough for every table: one search tells whether any
     * entry is in it at all (the trimmed line below is part of this one).
     * A longer one meets only the first table, searched as it is. */
    bool phrased = len > PROMPT_MAX_CHARS ||
                   first_found(note_table_entries, sizeof note_table_entries[0], COUNT(note_table_entries),
                               &ix->notes_any, text, len) < COUNT(note_table_entries);
    rm_removed_kind kind = phrased ? find_phrase(note_phrases, COUNT(note_phrases), &ix->notes, text, len)
                                   : RM_KIND_NONE;
    if (kind != RM_KIND_NONE)
        return kind;
    while (len > 0 && (*text == ' ' || *text == '\n'))
        text++, len--;
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n'))
        len--;
    if (len == 0)
        return RM_KIND_NONE;
    /* compare only the entries that open with the line's first byte, and
     * search the phrases through their indexes, not one strstr per entry */
    if (len <= CREDIT_MAX_CHARS && may_open_with(ix->credit_openings, text, len))
        for (size_t i = 0; i < COUNT(credit_openings); i++)
            if (credit_openings[i].phrase[0] == text[0]) {
                size_t n = strlen(credit_openings[i].phrase);
                if (len > n && memcmp(text, credit_openings[i].phrase, n) == 0)
                    return credit_openings[i].kind;
            }
    if (len > PROMPT_MAX_CHARS)
        return RM_KIND_NONE;
    if (phrased && first_found(closed_thread_phrases, sizeof closed_thread_phrases[0],
                    COUNT(closed_thread_phrases), &ix->closed_thread, text, len) <
        COUNT(closed_thread_phrases))
        return RM_REMOVED_FOOTER;
    if (phrased && first_found(prompt_phrases, sizeof prompt_phrases[0], COUNT(prompt_phrases), &ix->prompts,
                               text, len) < COUNT(prompt_phrases))
        return RM_REMOVED_PROMPT;
    for (size_t i = 0; may_open_with(ix->prompt_openings, text, len) && i < COUNT(prompt_openings); i++)
        if (prompt_openings[i][0] == text[0]) {
            size_t n = strlen(prompt_openings[i]);
            if (len >= n && memcmp(text, prompt_openings[i], n) == 0)
                return RM_REMOVED_PROMPT;
        }
    if (phrased && first_found(ui_message_phrases, sizeof ui_message_phrases[0], COUNT(ui_message_phrases),
                               &ix->ui_messages, text, len) < COUNT(ui_message_phrases))
        return RM_REMOVED_PROMPT;
    return RM_KIND_NONE;
}

/* A template field a script never filled: "{{price.total}}", "${name}",
 * "%cardName%", alone in its block (a sentence about templates is prose,
 * and code is never judged). */
bool heur_is_template_text(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\n'))
        text++, len--;
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n'))
        len--;
    if (len >= 4 && memcmp(text, "{{", 2) == 0 && memcmp(text + len - 2, "}}", 2) == 0)
        return true;
    bool spaced = memchr(text, ' ', len) != NULL;
    if (len >= 3 && !spaced && memcmp(text, "${", 2) == 0 && text[len - 1] == '}')
        return true;
    return len >= 3 && !spaced && text[0] == '%' && text[len - 1] == '%';
}

/* The notice a script-rendered page puts in <noscript> for a browser with
 * scripts off ("You need to enable JavaScript to run this app", "Bitte
 * aktivieren Sie JavaScript"): it names scripts and asks to turn them on,
 * or says they are off or needed. A browser that runs scripts never shows
 * it, and it says nothing about the page. Case-folded substrings; the
 * notice must name scripts and hold one of the asks. */
static const char *const script_names[] = {"javascript", "java script"};
static const char *const script_notice_asks[] = {
    "enable", "turn on", "switch on", "activate", "allow", "disabled", "turned off",
    "switched off", "required", "requires", "is needed", "need", "must be", "not supported",
    "does not support", "doesn't support",
    "aktivieren", "einschalten", "deaktiviert", "benötigt", "erforderlich",
    "activer", "activez", "désactivé", "nécessite", "requiert",
    "habilitar", "habilite", "activar", "active", "requiere", "necesita",
    "abilitare", "abilita", "attivare", "attiva", "richiede",
    "inschakelen", "ingeschakeld", "vereist", "ativar", "ative", "habilitado",
};

/* Does text[0, len) hold any of the n phrases of `set`? */
static bool holds_any(const char *text, size_t len, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(set[i]);
        for (size_t at = 0; at + m <= len; at++)
            if (memcmp(text + at, set[i], m) == 0)
                return true;
    }
    return false;
}

bool heur_is_script_notice(const char *text, size_t len)
{
    return len <= HEUR_SCRIPT_NOTICE_BYTES &&
           holds_any(text, len, script_names, COUNT(script_names)) &&
           holds_any(text, len, script_notice_asks, COUNT(script_notice_asks));
}

/* A UUID alone in its block ("2bf8403c-6590-4d73-8b16-95f6c3ecdef8"): a
 * key a script put in the page, never written for a reader. Shops pad
 * their "Sponsored" labels with runs of them, which a stylesheet hides. */
#define UUID_CHARS 36

bool heur_is_machine_id(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\n'))
        text++, len--;
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n'))
        len--;
    if (len != UUID_CHARS)
        return false;
    for (size_t i = 0; i < len; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isxdigit((unsigned char)text[i]))
            return false;
    }
    return true;
}

/* Page controls that are links or buttons of a word or two: edit-section
 * links of wikis, skip links for keyboard users (case-folded, brackets and
 * spaces around them ignored). */
static const char *const control_words[] = {
    "edit", "edit source", "edit section", "bearbeiten", "quelltext bearbeiten",
    "modifier", "modifier le code", "editar", "editar código", "modifica",
    "modifica wikitesto", "править", "編集", "编辑",
    /* documentation generators' page links (Sphinx, MkDocs, Docusaurus,
     * VitePress, GitBook): the page's source, not its text */
    "edit page", "view source", "view page source", "show source", "page source",
    "improve this page", "improve this doc", "suggest an edit", "suggest edits",
    "report an issue", "open an issue", "raise an issue",
    /* shops' purchase and wish-list links (buttons are never text anyway) */
    "add to cart", "add to bag", "add to basket", "add to wishlist", "add to wish list",
    "add to favorites", "add to favourites", "add to compare", "add to list", "buy now",
    "write a review", "leave a review", "notify me", "in den warenkorb",
    "ajouter au panier", "añadir al carrito", "aggiungi al carrello",
    /* links back to the top of a long page */
    "back to top", "scroll to top", "return to top", "top of page", "nach oben",
    "zurück nach oben", "haut de page", "retour en haut", "volver arriba", "torna su",
    "voltar ao topo", "naar boven",
};
static const char *const control_prefixes[] = {
    "jump to ", "skip to ", "skip past ", "zum inhalt springen", "aller au contenu", "saltar al contenido",
    "edit this page", "edit on github", "edit on gitlab", "edit in github",
    "view this page on github", "diese seite bearbeiten", "modifier cette page",
    "editar esta página",
    /* review sites' price buttons to a shop ("Check price at REI") */
    "check price at ", "check price on ", "see price at ", "see price on ",
    "compare prices at ", "preis prüfen bei ", "voir le prix sur ",
};

/* strchr("[]() |", c) without the call, NUL included as strchr finds
 * it: every short link's ends are tested ("[edit]"). */
static bool is_control_edge(unsigned char c)
{
    return c == '[' || c == ']' || c == '(' || c == ')' || c == ' ' || c == '|' || c == '\0';
}

bool heur_is_page_control(const char *text, size_t len)
{
    while (len > 0 && is_control_edge((unsigned char)text[len - 1]))
        len--;
    while (len > 0 && is_control_edge((unsigned char)*text))
        text++, len--;
    if (wordset_has(&indexes()->controls, text, len))
        return true;
    for (size_t i = 0; i < COUNT(control_prefixes); i++) {
        size_t plen = strlen(control_prefixes[i]);
        if (len >= plen && memcmp(text, control_prefixes[i], plen) == 0)
            return true;
    }
    return false;
}

/* Calls to action that landing pages, shops, blogs and forums set as a
 * bare link between blocks ("Get started", "Book a demo", "Sign up",
 * "Upvote", "Report inappropriate content"): whole link texts that the
 * human-made ground truth of the WCXB pages always leaves out, in English
 * and the other languages of the phrase lists. A word of a sentence is
 * never one (the caller asks only of links standing alone). Case-folded,
 * compared whole. */
static const char *const call_to_action_words[] = {
    "sign up", "sign up now", "sign up for free", "sign up free", "subscribe", "subscribe now",
    "register", "register now", "join now", "join for free", "get started", "get started now",
    "get started for free", "get started free", "start free trial", "start your free trial",
    "try it free", "try for free", "try it now", "book a demo", "request a demo", "get a demo",
    "schedule a demo", "book now", "book a call", "get a quote", "get a free quote",
    "request a quote", "contact us", "contact sales", "talk to sales", "talk to an expert",
    "learn more", "read more", "find out more", "shop now", "download now",
    "read full article", "read the full article", "continue reading",
    "upvote", "downvote", "report", "report inappropriate content", "report post",
    "reply", "reply with quote", "quote", "share", "like",
    "jetzt anmelden", "registrieren", "mehr erfahren", "kontakt", "s'inscrire", "en savoir plus",
    "contactez-nous", "regístrate", "más información", "contáctanos", "registrati",
    "scopri di più", "contattaci", "saiba mais", "cadastre-se", "fale conosco",
};

bool heur_is_call_to_action(const char *text, size_t len)
{
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '.' || text[len - 1] == '!' ||
                       text[len - 1] == '>'))
        len--;
    while (len > 0 && *text == ' ')
        text++, len--;
    return wordset_has(&indexes()->calls_to_action, text, len);
}

/* Headings over a product's customer reviews, in the eleven languages of
 * the phrase lists: compared whole, once counts, stars and brackets are
 * trimmed ("8 Reviews", "Customer Reviews (120)", "Ratings & Reviews"). */
static const char *const review_headings[] = {
    "reviews", "review", "customer reviews", "customer ratings", "ratings & reviews",
    "ratings and reviews", "reviews & ratings", "product reviews", "ratings", "reviews from customers",
    "bewertungen", "kundenbewertungen", "kundenrezensionen", "rezensionen",
    "avis", "avis clients", "avis des clients", "opiniones", "opiniones de clientes", "reseñas",
    "recensioni", "recensioni clienti", "avaliações", "avaliações de clientes",
    "beoordelingen", "reviews van klanten", "opinie", "opinie klientów", "recenzje",
    "отзывы", "отзывы покупателей", "レビュー", "カスタマーレビュー", "评价", "商品评价", "用户评价",
};

static bool trimmed_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' ||
           c == ':' || c == '.' || c == ',' || c == '#' || c == '|' || c == '-';
}

/* A heading that names the product before or after the word: "Beard Oil
 * Reviews", "Chair & Reviews", "Customer reviews for Team Fortress 2",
 * "Reviews of the Ridge Wallet". The nouns close the heading, or a
 * review heading opens it and a preposition follows; at most a short
 * title's words, so that a sentence about reviews is not taken for one. */
#define NAMED_REVIEW_HEADING_WORDS 10
static const char *const review_nouns[] = {" reviews", " ratings", " bewertungen", " rezensionen",
                                           " recensioni", " opiniones", " avaliações", " beoordelingen",
                                           " отзывы"};
static const char *const review_prepositions[] = {" for ", " of ", " on ", " about ", " für ", " zu ",
                                                  " pour ", " sur ", " de ", " para ", " per ",
                                                  " voor "};

static bool ends_with(const char *text, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len > n && memcmp(text + len - n, tail, n) == 0;
}

static bool names_product_reviews(const char *text, size_t len)
{
    size_t words = 1;
    for (size_t i = 0; i < len; i++)
        words += text[i] == ' ';
    if (words < 2 || words > NAMED_REVIEW_HEADING_WORDS)
        return false;
    for (size_t k = 0; k < COUNT(review_nouns); k++)
        if (ends_with(text, len, review_nouns[k]))
            return true;
    for (size_t k = 0; k < COUNT(review_prepositions); k++) {
        const char *prep = review_prepositions[k];
        size_t n = strlen(prep);
        for (size_t at = 1; at + n < len; at++)
            if (memcmp(text + at, prep, n) == 0 && wordset_has(&indexes()->review_headings, text, at))
                return true;
    }
    return false;
}

bool heur_is_review_heading(const char *text, size_t len)
{
    while (len > 0 && trimmed_char((unsigned char)*text))
        text++, len--;
    while (len > 0 && trimmed_char((unsigned char)text[len - 1]))
        len--;
    return wordset_has(&indexes()->review_headings, text, len) || names_product_reviews(text, len);
}

/* Texts that stand in for what a script has not loaded yet, and the
 * counters and sorters over a list of results: a whole block says only
 * this (case-folded, compared whole once digits are set aside). */
static const char *const placeholder_texts[] = {
    "loading", "loading...", "loading…", "please wait", "please wait...",
    "wird geladen...", "laden...", "chargement...", "chargement en cours...", "cargando...",
    "caricamento...", "carregando...", "ładowanie...", "загрузка...", "読み込み中...", "加载中...",
    "sort by", "sort by:", "sort", "filter", "filters", "filter & sort", "filter and sort",
    "showing of results", "showing - of results", "showing – of results",
    "showing of products", "showing - of products", "page of", "results",
    /* a shop's result count and grid toolbar: "Showing 70 results", "Loaded
     * 143 results" (a screen reader's live region), "1–30 of 143 products",
     * "(143 products)", Magento's "Items 1-24 of 123", "View as Grid List",
     * "Show 24 per page" and its sort control with the direction link's label */
    "showing results", "showing items", "loaded results", "- of products", "– of products",
    "- of items", "– of items", "items - of", "items – of", "( products)", "( items)",
    "( results)", "view as grid list", "view as list grid", "per page", "show per page",
    /* the count over a shop's grid, alone in its block: "514 items", "400 Products",
     * "664 Styles" (not "Products (143)": a tab of the results, named) */
    "items", "products", "styles",
    "items per page", "results per page", "sort by set descending direction",
    "sort by set ascending direction",
    /* a reading-time badge on a story's card or under its byline */
    "min read", "min. read", "mins read", "minute read", "minutes read",
    /* the drawer of a shop's cart, sent empty with every page (the default
     * strings of Shopify, WooCommerce and Magento themes) */
    "your cart is empty", "your cart is empty.", "your cart is currently empty.",
    "your bag is empty", "your bag is empty.", "your basket is empty", "your basket is empty.",
    "your shopping cart is empty.", "no products in the cart.", "you have no items in your shopping cart.",
};

/* The first PLACEHOLDER_PREFIX bytes of a squeezed text decide whether
 * it can still be a placeholder: every box of a sentence's length meets
 * the test, and most are turned away there instead of at their end. */
#define PLACEHOLDER_PREFIX 6

static unsigned placeholder_prefix_bit(const char *s)
{
    unsigned h = 0;
    for (size_t k = 0; k < PLACEHOLDER_PREFIX; k++)
        h = h * 31u + (unsigned char)s[k];
    return h & 4095u;
}

/* How a placeholder's text is squeezed: digits and commas set aside,
 * white space between words kept as one space, every other byte kept. */
enum { SQUEEZE_KEEP, SQUEEZE_DROP, SQUEEZE_SPACE };
static const uint8_t squeeze_class[256] = {
    ['0'] = SQUEEZE_DROP, ['1'] = SQUEEZE_DROP, ['2'] = SQUEEZE_DROP, ['3'] = SQUEEZE_DROP,
    ['4'] = SQUEEZE_DROP, ['5'] = SQUEEZE_DROP, ['6'] = SQUEEZE_DROP, ['7'] = SQUEEZE_DROP,
    ['8'] = SQUEEZE_DROP, ['9'] = SQUEEZE_DROP, [','] = SQUEEZE_DROP,
    [' '] = SQUEEZE_SPACE, ['\t'] = SQUEEZE_SPACE, ['\n'] = SQUEEZE_SPACE,
};

bool heur_is_placeholder(const char *text, size_t len)
{
    const table_indexes *ix = indexes();
    const wordset *placeholders = &ix->placeholders;
    char squeezed[64];
    const unsigned char *t = (const unsigned char *)text, *end = t + len;
    while (t < end && squeeze_class[*t] != SQUEEZE_KEEP)
        t++;
    if (t == end)
        return wordset_has(placeholders, squeezed, 0);
    /* most boxes open with a letter no placeholder opens with */
    if (!(ix->placeholder_openings[*t >> 3] & (1u << (*t & 7))))
        return false;
    /* the squeezed text only grows: past the longest text, none can match */
    size_t limit = placeholders->longest < sizeof squeezed - 1 ? placeholders->longest : sizeof squeezed - 1;
    size_t n = 0;
    bool space = false, prefix_known = false;
    for (; t < end; t++) {
        unsigned kind = squeeze_class[*t];
        if (kind != SQUEEZE_KEEP) {
            space |= kind == SQUEEZE_SPACE;   /* after a kept byte: between words */
            continue;
        }
        if (space)
            squeezed[n++] = ' ';   /* n <= limit < sizeof squeezed: in bounds */
        space = false;
        if (n >= limit)
            return false;
        squeezed[n++] = (char)*t;
        if (!prefix_known && n >= PLACEHOLDER_PREFIX) {
            unsigned bit = placeholder_prefix_bit(squeezed);
            if (!(ix->placeholder_prefixes[bit >> 3] & (1u << (bit & 7))))
                return false;
            prefix_known = true;
        }
    }
    return wordset_has(placeholders, squeezed, n);
}

/* A card's badges and controls on a shop's index page: the sticker over
 * the picture ("New", "Sale", "Best seller", "Top rated", "Back-order")
 * and the buttons drawn as text ("Quick shop", "+ Wishlist", "Compare",
 * "Calculate shipping", "See price in cart"). The card's facts are its
 * name, its variant and its price; the human-made ground truth of the
 * WCXB index pages leaves these lines out on every shop that shows them.
 * Case-folded, compared whole once "+", "!" and spaces at the ends are
 * set aside. */
static const char *const card_chrome_lines[] = {
    "new", "sale", "on sale", "new arrival", "new arrivals", "just in", "best seller",
    "bestseller", "best selling", "top rated", "top seller", "award winner", "staff pick",
    "back-order", "backorder", "pre-order", "preorder", "limited edition", "online only",
    "quick shop", "quick view", "quick add", "quick buy", "wishlist", "compare",
    "calculate shipping", "see price in cart", "show more", "more", "choose options",
    "select options", "view details",
};

static bool card_chrome_edge(unsigned char c)
{
    return c == ' ' || c == '+' || c == '!' || c == '\n' || c == '\t';
}

bool heur_is_card_chrome(const char *text, size_t len)
{
    while (len > 0 && card_chrome_edge((unsigned char)text[len - 1]))
        len--;
    while (len > 0 && card_chrome_edge((unsigned char)*text))
        text++, len--;
    for (size_t i = 0; i < COUNT(card_chrome_lines); i++)
        if (strlen(card_chrome_lines[i]) == len && memcmp(card_chrome_lines[i], text, len) == 0)
            return true;
    return false;
}

/* Class tokens of links styled as buttons (Bootstrap "btn", WordPress
 * "wp-block-button__link", Elementor "elementor-button", "cta"): a call to
 * action ("Sign up", "Get a quote", "Shop now"), which a reader cannot
 * press. Whole tokens of the class split at '-' and '_'. */
static const char *const button_tokens[] = {"btn", "button", "cta", "calltoaction"};

/* Faceted search: the panel of filters beside a shop's or a search's
 * results ("Brand", "Price", "Colour", each a list of options with
 * counts), as shop platforms and search pages name it. */
static const char *const facet_tokens[] = {
    "facet", "facets", "filter", "filters", "refinement", "refinements", "refine",
};

/* Does a token of `s` start with one of `words`, followed by nothing or
 * by a capital (the camel case of CSS modules: "filtersDesktop",
 * "FilterPanel")? */
static bool has_camel_token(const char *s, const char *const *words, size_t n)
{
    size_t len;
    for (const char *tok = s ? next_token(s, &len) : NULL; tok; tok = next_token(tok + len, &len))
        for (size_t i = 0; i < n; i++) {
            /* every class meets this test: most tokens fail at their first byte,
             * before a word is measured */
            if (lower_first(tok) != (unsigned char)words[i][0])
                continue;
            size_t w = strlen(words[i]);
            if (w <= len && token_is(tok, w, words[i]) &&
                (w == len || (tok[w] >= 'A' && tok[w] <= 'Z')))
                return true;
        }
    return false;
}

bool heur_is_facet_marker(const char *cls, const char *id)
{
    return has_camel_token(cls, facet_tokens, COUNT(facet_tokens)) ||
           has_camel_token(id, facet_tokens, COUNT(facet_tokens));
}

/* A form that puts an item in the shopper's cart: its action names the
 * cart (Shopify's "/cart/add", Magento's "checkout/cart/add",
 * WooCommerce's "?add-to-cart=", "/basket/add" of European shops),
 * compared as whole words of letters in any case. */
static const char *const cart_action_words[] = {
    "cart", "basket", "addtocart", "addtobasket",
};

bool heur_is_cart_action(const char *action)
{
    for (const char *p = action; p && *p;) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        for (size_t k = 0; k < COUNT(cart_action_words) && n > 0; k++)
            if (strlen(cart_action_words[k]) == n && strncasecmp(p, cart_action_words[k], n) == 0)
                return true;
        p += n;
    }
    return false;
}

bool heur_is_button_class(const char *cls)
{
    return has_class_token(cls, button_tokens, COUNT(button_tokens));
}

/* A line that says only "Advertisement" (clutter kinds: ad
 * labels), above an ad slot that is usually empty without scripts. */
static const char *const ad_labels[] = {
    "advertisement", "skip advertisement", "advertisements", "sponsored", "ad",
    "anzeige", "werbung", "publicidad", "publicité", "pubblicità", "publicidade",
    "advertentie", "reklama", "реклама", "広告", "スポンサーリンク", "广告", "推广",
};

/* strchr(" :-–|", c) without the call: the bytes of the en dash
 * (E2 80 93) one by one, and NUL as strchr finds it. Every label and
 * note is asked. */
static bool is_ad_label_tail(unsigned char c)
{
    return c == ' ' || c == ':' || c == '-' || c == '|' || c == 0xE2 || c == 0x80 || c == 0x93 ||
           c == '\0';
}

bool heur_is_ad_label(const char *text, size_t len)
{
    while (len > 0 && is_ad_label_tail((unsigned char)text[len - 1]))
        len--;
    return wordset_has(&indexes()->ad_labels, text, len);
}

/* Comment-count headings: a number, then one of these words near it. */
static const char *const comment_count_words[] = {
    "comment", "comments", "thoughts on", "responses", "response", "replies",
    "reply", "kommentare", "kommentar", "commentaires", "comentarios",
    "commenti", "comentários", "reacties", "komentarze", "комментари",
    "件のコメント", "条评论",
};

/* The member panel beside a forum post (XenForo, vBulletin, phpBB,
 * Discourse, Invision; travel forums count "518 helpful votes"): label/value
 * rows about the author, not the post. */
static const char *const member_stat_labels[] = {
    "joined", "join date", "messages", "posts:", "reaction score", "location:",
    "likes received", "member since", "registered", "trophy points", "points:",
    "reputation", "helpful votes",
};

size_t heur_member_stat_labels(const char *text, size_t len)
{
    size_t hits = 0;
    for (size_t i = 0; i < COUNT(member_stat_labels); i++) {
        size_t n = strlen(member_stat_labels[i]);
        for (size_t at = 0; at + n <= len; at++)
            if (memcmp(text + at, member_stat_labels[i], n) == 0) {
                hits++;
                break;
            }
    }
    return hits;
}

/* The statistics a forum shows over a thread (Invision's topic overview
 * "Replies 154 · Views 26.2k · Created 1 yr · Last Reply Sep 26", XenForo's
 * "Thread starter ann · Start date Oct 8, 2024", Discourse's "6.3K views 23
 * replies 14 participants last post by ...", vBulletin's "Started by",
 * Stack Exchange's "Asked 6 years ago · Modified 5 years ago · Viewed 3k
 * times"): about the thread, not said in it. Whole words of the folded
 * text. */
static const char *const thread_stat_labels[] = {
    "replies", "views", "created", "last reply", "thread starter", "start date",
    "started by", "last post", "participants", "asked", "modified", "viewed",
};

/* Not inside a longer word ("reviews"); a number may touch the label, as
 * the folded text of "<li>Replies 154</li><li>Views" reads "154views". */
static bool word_at(const char *text, size_t len, size_t at, size_t n)
{
    bool before = at == 0 || !isalpha((unsigned char)text[at - 1]);
    bool after = at + n == len || !isalpha((unsigned char)text[at + n]);
    return before && after;
}

size_t heur_thread_stat_labels(const char *text, size_t len)
{
    size_t hits = 0;
    for (size_t i = 0; i < COUNT(thread_stat_labels); i++) {
        size_t n = strlen(thread_stat_labels[i]);
        for (size_t at = 0; at + n <= len; at++)
            if (memcmp(text + at, thread_stat_labels[i], n) == 0 && word_at(text, len, at, n)) {
                hits++;
                break;
            }
    }
    return hits;
}

/* The path word every forum and Q&A package puts before a member's name or
 * number in the address of their profile (XenForo "/members/ann.12/",
 * Discourse "/u/ann", Stack Exchange "/users/12/ann", Invision, Vanilla,
 * Quora and TripAdvisor "/profile/ann", Reddit "/user/ann", vBulletin and
 * phpBB "member.php?u=12", "memberlist.php?mode=viewprofile&u=2"). The word
 * must be followed by the member, so "/members/" alone (the member list)
 * is no profile. */
static const char *const profile_path_words[] = {"members", "member", "u", "user", "users",
                                                 "profile", "profiles"};
static const char *const profile_scripts[] = {"member.php", "memberlist.php", "profile.php"};

/* Boards that write their profile pages as static files ("user-37079.html",
 * MyBB's search-engine friendly addresses): the path word, a hyphen and
 * the member's number as the last segment. */
static const char *const profile_file_prefixes[] = {"user-", "member-", "profile-"};

static bool is_profile_file(const char *seg, size_t len)
{
    for (size_t i = 0; i < COUNT(profile_file_prefixes); i++) {
        size_t plen = strlen(profile_file_prefixes[i]);
        if (len <= plen || strncasecmp(seg, profile_file_prefixes[i], plen) != 0)
            continue;
        size_t digits = strspn(seg + plen, "0123456789");
        const char *rest = seg + plen + digits;
        size_t rlen = len - plen - digits;
        return digits > 0 && (rlen == 0 || (rlen == 5 && strncasecmp(rest, ".html", 5) == 0));
    }
    return false;
}

static bool segment_is(const char *seg, size_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && strncasecmp(seg, words[i], len) == 0)
            return true;
    return false;
}

bool heur_is_profile_link(const char *href)
{
    if (!href)
        return false;
    /* Skip the scheme and host: the path starts at the first '/' after "//". */
    const char *p = strstr(href, "//");
    p = p ? strchr(p + 2, '/') : href;
    while (p && *p) {
        while (*p == '/')
            p++;
        size_t len = strcspn(p, "/?#");
        if (len == 0)
            return false;
        const char *next = p + len;
        if (segment_is(p, len, profile_scripts, COUNT(profile_scripts)))
            return *next == '?' && strchr(next, '=') != NULL;
        if (segment_is(p, len, profile_path_words, COUNT(profile_path_words)))
            return *next == '/' && next[1] != '\0' && next[1] != '?' && next[1] != '#';
        if (*next != '/')
            return is_profile_file(p, len);
        p = next;
    }
    return false;
}

/* One of two renderings of a date inside a <time>, a long one ("June 14,
 * 2024") and a short one ("1 yr"), of which the style sheet shows one by
 * the width of the screen: a class token ending in "-long" / "_long" or
 * "-short" / "_short" (Invision's "ipsTime__long" and "ipsTime__short",
 * themes' "date--short"). `which` is "long" or "short". */
bool heur_is_rendering_marker(const char *cls, const char *which)
{
    size_t wlen = strlen(which);
    for (const char *p = cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t n = strcspn(p, " \t\n");
        if (n > wlen && strncasecmp(p + n - wlen, which, wlen) == 0 &&
            (p[n - wlen - 1] == '-' || p[n - wlen - 1] == '_'))
            return true;
        p += n;
    }
    return false;
}

/* The title or rank a forum shows under a poster's name ("Prominent
 * Member", "Senator") and the banner beside it ("7+ Year Member"): XenForo
 * "userTitle" and "userBanner", vBulletin "usertitle", phpBB
 * "profile-rank", Invision and Discourse "user-title". Whole class names,
 * as "no-profile-rank" marks a post without one. */
static const char *const member_title_classes[] = {
    "usertitle", "user-title", "userbanner", "user-banner", "member-title", "profile-rank",
    "rankname",
};

bool heur_is_member_title_marker(const char *cls)
{
    for (const char *p = cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t n = strcspn(p, " \t\n");
        if (n && segment_is(p, n, member_title_classes, COUNT(member_title_classes)))
            return true;
        p += n;
    }
    return false;
}

/* A box a style sheet shows on phones only: the phone layout's copy of
 * what the desktop layout shows elsewhere (forum software draws the
 * poster's name and the post's date twice, once in a phone-only bar over
 * the post, once in the desktop's author pane). Whole class names of the
 * common CSS frameworks' responsive helpers: Invision's
 * "ipsResponsive_showPhone", Bootstrap 3's "visible-xs" and
 * "visible-phone", Foundation's "show-for-small-only", and the plain names
 * themes give them. */
static const char *const phone_only_classes[] = {
    "ipsresponsive_showphone", "visible-xs", "visible-phone", "show-for-small-only",
    "mobile-only", "only-mobile", "phone-only", "only-phone", "show-mobile", "show-on-mobile",
    "visible-mobile",
};

bool heur_is_phone_only_marker(const char *cls)
{
    for (const char *p = cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t n = strcspn(p, " \t\n");
        if (n && segment_is(p, n, phone_only_classes, COUNT(phone_only_classes)))
            return true;
        p += n;
    }
    return false;
}

/* The picture beside a poster's name, which forum software draws as the
 * member's initial when they uploaded none. */
static const char *const avatar_tokens[] = {"avatar", "avatars"};

bool heur_is_avatar_marker(const char *cls)
{
    return has_class_token(cls, avatar_tokens, COUNT(avatar_tokens));
}

/* The caption forum software writes above a code block (phpBB "Code: Select
 * all" with its select link, vBulletin and XenForo "Code:"), in the board
 * languages phpBB ships most: a button label, not part of the post. */
static const char *const code_captions[] = {
    "code:", "code: select all", "code: alles auswählen", "code: tout sélectionner",
    "código: seleccionar todo", "codice: seleziona tutto", "code: selecteer alles",
    "código: selecionar todos", "kod: zaznacz wszystko", "код: выделить всё",
    "код: выделить все",
};

bool heur_is_code_caption(const char *text, size_t len)
{
    while (len > 0 && *text == ' ') {
        text++;
        len--;
    }
    while (len > 0 && text[len - 1] == ' ')
        len--;
    for (size_t i = 0; i < COUNT(code_captions); i++)
        if (strlen(code_captions[i]) == len && memcmp(text, code_captions[i], len) == 0)
            return true;
    return false;
}

/* The prefix a reply's subject takes, from mail: forum packages that give
 * each post a subject (phpBB, vBulletin, SMF, Nairaland, TripAdvisor)
 * fill a reply's with the thread's title after it ("Re: Quiet fans"), and
 * in their board languages "AW:" (German), "SV:" (Scandinavian), "Odp:"
 * (Polish), "Antw:" (Dutch), "Vs:" (Finnish), "Res:" (Portuguese).
 * Folded text, the colon and a blank after the word. */
static const char *const reply_prefixes[] = {"re:", "aw:", "sv:", "odp:", "antw:", "vs:", "res:"};

size_t heur_reply_prefix(const char *text, size_t len)
{
    size_t at = 0;
    while (at < len && text[at] == ' ')
        at++;
    for (size_t i = 0; i < COUNT(reply_prefixes); i++) {
        size_t n = strlen(reply_prefixes[i]);
        if (len - at > n && memcmp(text + at, reply_prefixes[i], n) == 0 && text[at + n] == ' ') {
            at += n;
            while (at < len && text[at] == ' ')
                at++;
            return at;
        }
    }
    return 0;
}

/* The controls under a post, each a one-word link or button of its
 * toolbar (Reddit's "permalink · embed · save · report · reply", the
 * "Quote · Reply · Report" of phpBB, XenForo and Invision, Discourse's
 * "Share · Flag"), and the menu a forum opens under a poster's name
 * ("View Profile · View Forum Posts · Private Message"): what a reader may
 * do with the post or its author, not what the post says.
 * Folded text of one item, whole. */
static const char *const post_controls[] = {
    "permalink", "embed", "save", "report", "reply", "quote", "share", "parent", "flag",
    "edit", "delete", "bookmark", "like", "follow", "multiquote", "+quote", "context",
    "report post", "report abuse", "quote reply", "reply with quote", "give award",
    "report inappropriate content",
    /* the menu under a poster's name (vBulletin, phpBB) */
    "view profile", "view forum posts", "view forum threads", "view blog entries",
    "view articles", "private message", "send a private message", "visit homepage",
    "find latest posts", "find all posts", "find all threads", "add as contact",
};

bool heur_is_post_control(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '-' || *text == '|')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '|'))
        len--;
    for (size_t i = 0; i < COUNT(post_controls); i++)
        if (strlen(post_controls[i]) == len && memcmp(text, post_controls[i], len) == 0)
            return true;
    return false;
}

/* The headings a thread shows over its replies: their count ("11
 * Answers", "20 replies to this topic", "4 Comments") or the name of the
 * section they start (Invision's "Featured Replies" and "Recommended
 * Posts"). They head the posts the reader is reading, and say nothing. */
static const char *const reply_nouns[] = {
    "answer", "answers", "reply", "replies", "comment", "comments", "post", "posts",
    "response", "responses",
};
static const char *const reply_count_tails[] = {
    "", " to this topic", " to this question", " to this thread", " in this topic",
    " in this thread",
};
static const char *const thread_section_titles[] = {
    "featured replies", "recommended posts", "top posters in this topic", "popular days",
    "all replies", "all answers",
};

/* The boxes of a thread's overview that board software sets beside or
 * above the posts (Invision's "Top Posters In This Topic" with each
 * member's post count, "Most Popular Posts" with an excerpt of each,
 * "Popular Days"; other boards' "Top posters" and "Most liked posts"):
 * rankings of the thread's members and posts, and excerpts the thread
 * itself holds whole. */
static const char *const thread_overview_titles[] = {
    "top posters in this topic", "top posters", "most popular posts", "popular days",
    "most liked posts", "most liked replies",
};

/* A heading's text less the blanks around it and a closing colon. */
static void trim_heading(const char **text, size_t *len)
{
    while (*len > 0 && **text == ' ') {
        (*text)++;
        (*len)--;
    }
    while (*len > 0 && ((*text)[*len - 1] == ' ' || (*text)[*len - 1] == ':'))
        (*len)--;
}

static bool is_one_of(const char *text, size_t len, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(set[i]) == len && memcmp(text, set[i], len) == 0)
            return true;
    return false;
}

bool heur_is_thread_overview_title(const char *text, size_t len)
{
    trim_heading(&text, &len);
    return is_one_of(text, len, thread_overview_titles, COUNT(thread_overview_titles));
}

/* The notice a board sets over a thread for a reader who is not signed in
 * ("You're browsing the boards as a guest. Sign up for free (or log in)
 * to post messages", "It looks like you're new here. Register to join
 * the discussion"): it names the reader's state and asks them to make an
 * account, both. Folded text, anywhere in it. */
static const char *const guest_states[] = {
    "as a guest", "not logged in", "not signed in", "you're new here", "you’re new here",
};
static const char *const account_asks[] = {
    "sign up", "register", "log in", "sign in", "create an account",
};

bool heur_is_guest_notice(const char *text, size_t len)
{
    return holds_any(text, len, guest_states, COUNT(guest_states)) &&
           holds_any(text, len, account_asks, COUNT(account_asks));
}

bool heur_is_thread_heading(const char *text, size_t len)
{
    trim_heading(&text, &len);
    if (is_one_of(text, len, thread_section_titles, COUNT(thread_section_titles)))
        return true;
    size_t k = 0;
    while (k < len && ((text[k] >= '0' && text[k] <= '9') || text[k] == ',' || text[k] == '.'))
        k++;
    if (k == 0 || k >= len || text[k] != ' ')
        return false;
    const char *rest = text + k + 1;
    size_t rlen = len - k - 1;
    for (size_t n = 0; n < COUNT(reply_nouns); n++) {
        size_t nl = strlen(reply_nouns[n]);
        if (rlen < nl || memcmp(rest, reply_nouns[n], nl) != 0)
            continue;
        for (size_t t = 0; t < COUNT(reply_count_tails); t++) {
            size_t tl = strlen(reply_count_tails[t]);
            if (rlen == nl + tl && memcmp(rest + nl, reply_count_tails[t], tl) == 0)
                return true;
        }
    }
    return false;
}

/* The words forum packages use for an edited post (XenForo "Last edited:",
 * vBulletin "Last edited by ann; date", phpBB "Last edited by ann on date,
 * edited 1 time in total", FluxBB "Last edited by ann (date)", Invision
 * "Edited June 19 by ann") and for the time between two posts (Invision's
 * "2 weeks later..."): notes about the post, not what it says. */
static const char *const gap_units[] = {"day", "days", "week", "weeks", "month", "months",
                                        "year", "years"};

static bool has_prefix(const char *text, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(text, prefix, n) == 0;
}

bool heur_is_edit_note(const char *text, size_t len)
{
    while (len > 0 && *text == ' ') {
        text++;
        len--;
    }
    if (has_prefix(text, len, "last edited"))
        return true;
    if (has_prefix(text, len, "edited ")) {
        for (size_t i = 0; i + 4 <= len; i++)
            if (memcmp(text + i, " by ", 4) == 0)
                return true;
        return false;
    }
    size_t i = 0;
    while (i < len && text[i] >= '0' && text[i] <= '9')
        i++;
    if (i == 0 || i >= len || text[i] != ' ')
        return false;
    i++;
    for (size_t k = 0; k < COUNT(gap_units); k++) {
        size_t n = strlen(gap_units[k]);
        if (len - i >= n + 6 && memcmp(text + i, gap_units[k], n) == 0 &&
            memcmp(text + i + n, " later", 6) == 0)
            return true;
    }
    return false;
}

bool heur_starts_with_member_stat(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && text[i] == ' ')
        i++;
    /* "1,204 posts", "87 messages": a count before the label */
    size_t digits = i;
    while (i < len && ((text[i] >= '0' && text[i] <= '9') || text[i] == ',' || text[i] == '.'))
        i++;
    if (i > digits)
        while (i < len && text[i] == ' ')
            i++;
    for (size_t k = 0; k < COUNT(member_stat_labels); k++) {
        const char *label = member_stat_labels[k];
        size_t n = strlen(label);
        if (label[n - 1] == ':' && i > digits)
            n--;   /* "1,204 posts" has no colon */
        if (len - i >= n && memcmp(text + i, label, n) == 0)
            return true;
    }
    return false;
}

bool heur_is_comment_heading(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && text[i] == ' ')
        i++;
    bool digits = false;
    while (i < len && text[i] >= '0' && text[i] <= '9') {
        digits = true;
        i++;
    }
    if (!digits || len > 200)
        return false;
    while (i < len && text[i] == ' ')
        i++;
    for (size_t w = 0; w < COUNT(comment_count_words); w++) {
        size_t wl = strlen(comment_count_words[w]);
        if (len - i >= wl && memcmp(text + i, comment_count_words[w], wl) == 0)
            return true;
    }
    return false;
}

/* ---- prices ---------------------------------------------------------------- */

/* A price is a currency sign before a number ("$49", "£ 12") or the euro
 * sign after one ("12,99 €"): the signs of the currencies the phrase lists'
 * languages pay in, and the yen and rupee. */
static const char *const currency_signs[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xE2\x82\xB9"};
#define EURO_SIGN 1   /* currency_signs[EURO_SIGN] may follow its number */

/* The currency sign at p: its index in currency_signs, or -1. Every sign
 * starts with one of three bytes, so most bytes are told apart at once. */
static int currency_sign_at(const char *p)
{
    if (*p != '$' && *p != '\xE2' && *p != '\xC2')
        return -1;
    for (int k = 0; k < (int)(sizeof currency_signs / sizeof currency_signs[0]); k++) {
        const char *sign = currency_signs[k];
        size_t n = 0;
        while (sign[n] && p[n] == sign[n])
            n++;
        if (!sign[n])
            return k;
    }
    return -1;
}

/* The next byte at or after p that may open a currency sign, or NULL: a
 * table of its own (the NUL ends the scan), as strpbrk sets one up on
 * every call and the texts asked are short (dashes, non-breaking spaces
 * and quotes open with the same bytes, so text with them meets this scan
 * again after each). */
static const bool opens_sign[256] = {[0] = true, ['$'] = true, [0xE2] = true, [0xC2] = true};

static const char *next_sign_byte(const char *p)
{
    while (!opens_sign[(unsigned char)*p])
        p++;
    return *p ? p : NULL;
}

/* Is there a digit where a price around a sign at p would have one: up
 * to four bytes after it (a sign of three, a space), or two before (the
 * euro after its number)? Dashes and quotes open with a sign's bytes:
 * most such bytes have no digit near and need no comparison. */
static bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';   /* isdigit's digits, without its locale look-up */
}

static bool digit_near(const char *text, const char *p)
{
    if ((p > text && is_ascii_digit(p[-1])) || (p - 1 > text && is_ascii_digit(p[-2])))
        return true;
    for (int k = 1; k <= 4 && p[k]; k++)
        if (is_ascii_digit(p[k]))
            return true;
    return false;
}

unsigned heur_count_prices(const char *text, unsigned need)
{
    unsigned found = 0;
    for (const char *p = next_sign_byte(text); p && found < need; p = next_sign_byte(p + 1)) {
        if (!digit_near(text, p))
            continue;
        int k = currency_sign_at(p);
        if (k < 0)
            continue;
        size_t n = strlen(currency_signs[k]);
        const char *after = p + n + (p[n] == ' ');
        bool euro_after = k == EURO_SIGN && p > text && (isdigit((unsigned char)p[-1]) ||
                                                         (p - 1 > text && p[-1] == ' ' &&
                                                          isdigit((unsigned char)p[-2])));
        if (isdigit((unsigned char)*after) || euro_after)
            found++;
        p += n - 1;
    }
    return found;
}

/* A price tag: a short text of its own holding a price ("$520.00", "Was
 * £12 now £9"), as a shop lays out a product tile; not a price in a
 * sentence ("Free shipping on orders $40+"), as a promotion bar says it. */
#define PRICE_TAG_CHARS 24

bool heur_is_price_tag(const char *text, uint32_t chars)
{
    if (chars == 0 || chars > PRICE_TAG_CHARS || !next_sign_byte(text))
        return false;
    return heur_count_prices(text, 1) > 0;
}

/* Designers' filler: the "Lorem ipsum dolor sit amet" that a page
 * template ships until someone writes the text. */
bool heur_is_filler_text(const char *text)
{
    static const char filler[] = "lorem ipsum";
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
        text++;
    return strncasecmp(text, filler, sizeof filler - 1) == 0;
}

/* ---- the indexes ----------------------------------------------------------- */

#define INDEX(table, ix)                                                                      \
    do {                                                                                      \
        _Static_assert(COUNT(table) <= MAX_INDEXED, #table " has more than MAX_INDEXED entries"); \
        index_strings(table, sizeof(table)[0], COUNT(table), ix);                             \
    } while (0)

#define WORDS(table, set)                                                                     \
    do {                                                                                      \
        _Static_assert(COUNT(table) <= WORDSET_MAX, #table " has more than WORDSET_MAX words"); \
        wordset_init(set, table, COUNT(table));                                               \
    } while (0)

/* The automaton's bounds fit these tables; a table that outgrows them
 * aborts at the first page rather than losing its patterns silently. */
#define PATTERNS(table, bit)                                                                  \
    do {                                                                                      \
        if (substrings_add(&all_indexes.class_patterns, table, COUNT(table), bit))            \
            abort();                                                                          \
    } while (0)

static table_indexes all_indexes;
static pthread_once_t indexed = PTHREAD_ONCE_INIT;

#define WORD_BYTES 64   /* the longest class word indexed, and its NUL */

#define FRAMED(before, entry, after, bit)                                                     \
    do {                                                                                      \
        if (substrings_add_framed(&all_indexes.class_patterns, before, entry, after, bit))    \
            abort();                                                                          \
    } while (0)

/* What heur_class_list_facts reads of a class list besides the patterns:
 * the three word sets as whole words (framed by spaces: tabs and new
 * lines read as spaces, and the scan reads one before and after the
 * list), capitals as the lower-case words; a ':' (a responsive variant);
 * the names whose tests mind case, for the caller to read one by one. */
static void add_words(const char *const *words, size_t n, uint16_t bit)
{
    for (size_t i = 0; i < n; i++) {
        char lower[WORD_BYTES];
        size_t len = strlen(words[i]);
        if (len >= sizeof lower)
            abort();
        for (size_t k = 0; k <= len; k++)
            lower[k] = (char)wordset_lower((unsigned char)words[i][k]);
        FRAMED(" ", lower, " ", bit);
    }
}

static void index_class_names(void)
{
    substrings *m = &all_indexes.class_patterns;
    FRAMED("", "hid", "", HEUR_SIG_HID);
    FRAMED(" ", "hid", " ", HEUR_SIG_HID_WORD);
    add_words(screen_reader_tokens, COUNT(screen_reader_tokens), HEUR_CLASS_SCREEN_READER);
    add_words(tab_panel_classes, COUNT(tab_panel_classes), HEUR_CLASS_TAB_PANEL);
    add_words(hiding_tokens, COUNT(hiding_tokens), HEUR_CLASS_HIDING);
    FRAMED("", ":", "", HEUR_CLASS_SHOWS);
    FRAMED(" ", "d-", "", HEUR_CLASS_CHECK);
    FRAMED(" ", "fixed", " ", HEUR_CLASS_CHECK);
    FRAMED("", "fallback-image", "", HEUR_CLASS_CHECK);
    for (unsigned char c = 'A'; c <= 'Z'; c++)
        substrings_alias(m, c, (unsigned char)(c - 'A' + 'a'));
    substrings_alias(m, '\t', ' ');
    substrings_alias(m, '\n', ' ');
}

static void mark_openings(uint8_t *bits, const void *table, size_t stride, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *entry = entry_at(table, stride, i);
        if (!entry[0] || !entry[1]) {
            memset(bits, 0xff, OPENING_BYTES);   /* a one-byte entry opens any text */
            return;
        }
        unsigned bit = opening_bit(entry);
        bits[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    }
}

/* The shortest entry of a table, plus `more` (a table whose entries must
 * be followed by more text). */
static size_t shortest_entry(const void *table, size_t stride, size_t n, size_t more)
{
    size_t shortest = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(entry_at(table, stride, i)) + more;
        if (len < shortest)
            shortest = len;
    }
    return shortest;
}

/* The first letters of the byline words and pairs (letter_in). */
static uint32_t first_letter(const char *word)
{
    unsigned k = (unsigned char)word[0] - (unsigned)'a';
    return k < 26 ? UINT32_C(1) << k : UINT32_MAX;
}

static void index_byline_words(table_indexes *ix)
{
    for (size_t i = 0; i < COUNT(byline_tokens); i++)
        ix->byline_words |= first_letter(byline_tokens[i]);
    for (size_t i = 0; i < COUNT(byline_pairs); i++) {
        ix->byline_pair_firsts |= first_letter(byline_pairs[i].first);
        ix->byline_pair_seconds |= first_letter(byline_pairs[i].second);
    }
}

/* The first bytes of the openings, and the shortest line that any table
 * heur_note_kind reads can match (credits need a name after them). */
static void index_note_tables(table_indexes *ix)
{
    mark_openings(ix->credit_openings, credit_openings, sizeof credit_openings[0], COUNT(credit_openings));
    mark_openings(ix->prompt_openings, prompt_openings, sizeof prompt_openings[0], COUNT(prompt_openings));
    mark_openings(ix->related_openings, related_line_openings, sizeof related_line_openings[0],
                  COUNT(related_line_openings));
    size_t shortest[] = {
        shortest_entry(note_phrases, sizeof note_phrases[0], COUNT(note_phrases), 0),
        shortest_entry(credit_openings, sizeof credit_openings[0], COUNT(credit_openings), 1),
        shortest_entry(closed_thread_phrases, sizeof closed_thread_phrases[0], COUNT(closed_thread_phrases), 0),
        shortest_entry(prompt_phrases, sizeof prompt_phrases[0], COUNT(prompt_phrases), 0),
        shortest_entry(prompt_openings, sizeof prompt_openings[0], COUNT(prompt_openings), 0),
        shortest_entry(ui_message_phrases, sizeof ui_message_phrases[0], COUNT(ui_message_phrases), 0),
    };
    ix->note_min_len = SIZE_MAX;
    for (size_t i = 0; i < COUNT(shortest); i++)
        if (shortest[i] < ix->note_min_len)
            ix->note_min_len = shortest[i];
}

static void index_tables(void)
{
    substrings_init(&all_indexes.class_patterns);
    PATTERNS(positive_patterns, CLASS_POSITIVE);
    PATTERNS(negative_patterns, CLASS_NEGATIVE);
    PATTERNS(unlikely_patterns, CLASS_UNLIKELY);
    PATTERNS(maybe_patterns, CLASS_MAYBE);
    PATTERNS(byline_patterns, CLASS_BYLINE);
    index_class_names();
    substrings_finish(&all_indexes.class_patterns);
    INDEX(share_urls, &all_indexes.share);
    INDEX(phrases, &all_indexes.phrases);
    INDEX(note_phrases, &all_indexes.notes);
    INDEX(markers, &all_indexes.markers);
    INDEX(marker_pairs, &all_indexes.pairs);
    INDEX(closed_thread_phrases, &all_indexes.closed_thread);
    INDEX(prompt_phrases, &all_indexes.prompts);
    INDEX(ui_message_phrases, &all_indexes.ui_messages);
    gather_note_tables();
    INDEX(note_table_entries, &all_indexes.notes_any);
    WORDS(screen_reader_tokens, &all_indexes.screen_reader);
    WORDS(hiding_tokens, &all_indexes.hiding);
    WORDS(tab_panel_classes, &all_indexes.tab_panels);
    wordset_union_filter(&all_indexes.class_name_sets, &all_indexes.screen_reader, &all_indexes.hiding);
    wordset_union_filter(&all_indexes.class_name_sets, &all_indexes.class_name_sets, &all_indexes.tab_panels);
    WORDS(control_words, &all_indexes.controls);
    WORDS(call_to_action_words, &all_indexes.calls_to_action);
    WORDS(review_headings, &all_indexes.review_headings);
    WORDS(placeholder_texts, &all_indexes.placeholders);
    for (size_t i = 0; i < COUNT(placeholder_texts); i++) {
        unsigned char c = (unsigned char)placeholder_texts[i][0];
        all_indexes.placeholder_openings[c >> 3] |= (uint8_t)(1u << (c & 7));
        if (strlen(placeholder_texts[i]) >= PLACEHOLDER_PREFIX) {
            unsigned bit = placeholder_prefix_bit(placeholder_texts[i]);
            all_indexes.placeholder_prefixes[bit >> 3] |= (uint8_t)(1u << (bit & 7));
        }
    }
    WORDS(ad_labels, &all_indexes.ad_labels);
    index_note_tables(&all_indexes);
    index_byline_words(&all_indexes);
}

/* Set once the indexes are built: most look-ups (one per class name, per
 * element, per short box) then cost one load instead of a pthread_once
 * call. The release store follows every write of index_tables. */
static atomic_bool indexes_ready;

static const table_indexes *indexes(void)
{
    if (!atomic_load_explicit(&indexes_ready, memory_order_acquire)) {
        pthread_once(&indexed, index_tables);
        atomic_store_explicit(&indexes_ready, true, memory_order_release);
    }
    return &all_indexes;
}

/* ---- a product's description ------------------------------------------------ */

/* Shop themes name the box of a product's description after both words:
 * Shopify's "product__description", BigCommerce's
 * "productView-description", WooCommerce's
 * "woocommerce-product-details__short-description", Magento's
 * "product-description", Amazon's "productDescription". A class or id
 * token whose last word is "description" (or "desc") and an earlier word
 * starts with "product" names it; "product-description-tabs" or
 * "product-description-title" name a part beside it. Words split at "-"
 * and "_"; a run of words glued in lower case ("productdescription") is
 * one word that holds both; the short "desc" counts only right after the
 * product word ("product__desc", not "product-benefits__desc"). */
/* Start of the word before the one that starts at `start` in token `t`. */
static size_t previous_word(const char *t, size_t start)
{
    size_t w = start;
    while (w > 0 && (t[w - 1] == '-' || t[w - 1] == '_'))
        w--;
    while (w > 0 && t[w - 1] != '-' && t[w - 1] != '_')
        w--;
    return w;
}

static bool token_names_product_description(const char *t, size_t n)
{
    static const char *const lasts[] = {"description", "desc"};
    size_t start = n;
    while (start > 0 && t[start - 1] != '-' && t[start - 1] != '_')
        start--;
    const char *last = t + start;
    size_t last_len = n - start;
    for (size_t k = 0; k < sizeof lasts / sizeof lasts[0]; k++) {
        size_t m = strlen(lasts[k]);
        if (last_len < m || strncmp(last + last_len - m, lasts[k], m) != 0)
            continue;
        if (last_len == m + 7 && strncmp(last, "product", 7) == 0)
            return true;   /* "productdescription" */
        if (last_len != m)
            continue;
        /* "desc" abbreviates: only right after the product word */
        size_t from = k == 0 ? 0 : previous_word(t, start);
        for (size_t w = from; w < start; w++)
            if ((w == 0 || t[w - 1] == '-' || t[w - 1] == '_') && w + 7 <= start &&
                strncmp(t + w, "product", 7) == 0)
                return true;
    }
    return false;
}

bool heur_names_product_description(const char *sig)
{
    for (const char *p = sig; p && *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n > 0 && token_names_product_description(p, n))
            return true;
        p += n;
    }
    return false;
}

/* Does a signature hold one of `tokens` as a whole token (a token ends
 * at a space, '-' or '_': "slider__grid" and "carousel-peek-2" count)? */
static bool sig_has_token(const char *sig, const char *const *tokens, size_t count)
{
    for (const char *p = sig; p && *p;) {
        while (*p == ' ' || *p == '-' || *p == '_')
            p++;
        size_t n = strcspn(p, " -_");
        for (size_t k = 0; k < count; k++)
            if (n == strlen(tokens[k]) && strncmp(p, tokens[k], n) == 0)
                return true;
        p += n;
    }
    return false;
}

/* Carousels, named by their widget libraries (Slick's "slick", Swiper's
 * "swiper") or generically ("carousel", "slider"). */
static const char *const carousel_tokens[] = {"carousel", "slider", "swiper", "slick"};

bool heur_names_carousel(const char *sig)
{
    return sig_has_token(sig, carousel_tokens, sizeof carousel_tokens / sizeof carousel_tokens[0]);
}

/* A blog or shop theme's column of widgets (the category tree, "Log in",
 * recent posts) is named by the word itself. */
static const char *const sidebar_tokens[] = {"sidebar"};

bool heur_names_sidebar(const char *sig)
{
    return sig_has_token(sig, sidebar_tokens, sizeof sidebar_tokens / sizeof sidebar_tokens[0]);
}
