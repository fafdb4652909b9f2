/*
 * clean.c — clean up inside the chosen article.
 *
 * Readability.js's _prepArticle on the drop mask: remove embeds that are
 * not videos, asides, share widgets under 500 characters, headings whose
 * class says they are furniture, empty paragraphs, and — the rule that does
 * most of the work — "conditional cleaning" of forms, tables, lists and
 * divs that have few commas and look like boilerplate (more images than
 * text, more list items than paragraphs, form inputs, high link density,
 * stray embeds). Containers are judged innermost first, and a removal
 * subtracts its statistics from every ancestor so that outer containers
 * are judged on what is left, as in the mutating original.
 * The title's duplicate heading and the byline go before scoring
 * (clean_title_and_byline) because Readability removes them there too.
 */
#include "engine.h"
#include "pagetype.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unistr.h>

#define MIN_COMMAS_TO_KEEP 10
#define SHARE_MAX_CHARS 500
#define TITLE_SIMILARITY 0.75
#define BYLINE_MAX_CHARS 150
#define DATE_ROW_MAX_CHARS 80
#define LINK_ROW_MAX_CHARS 150
#define PHOTO_CAPTION_MAX_CHARS 300
#define BIO_MAX_CHARS 400
#define FIGURE_CREDIT_MAX_CHARS 80
#define LINK_ROW_DENSITY 0.8
#define MEMBER_PANEL_MAX_CHARS 300
#define CAPTION_MAX_CHARS 400
#define PROSE_BOX_MIN_CHARS 1000
#define PROSE_BOX_MIN_PARAGRAPHS 3
#define PROSE_BOX_MAX_LINK_DENSITY 0.2
#define CAPTION_BOX_LEVELS 3
#define CAPTION_MAX_LINK_DENSITY 0.5
#define CAPTION_MAX_SHARE 0.5

/* Removed outright inside the article (Readability's _clean lists).
 * Tables indexed by the tag: every kept element of the article is asked. */
static const bool removed_tags[GUMBO_TAG_LAST] = {
    [GUMBO_TAG_OBJECT] = true, [GUMBO_TAG_EMBED] = true, [GUMBO_TAG_FOOTER] = true,
    [GUMBO_TAG_LINK] = true, [GUMBO_TAG_ASIDE] = true, [GUMBO_TAG_INPUT] = true,
    [GUMBO_TAG_TEXTAREA] = true, [GUMBO_TAG_SELECT] = true, [GUMBO_TAG_BUTTON] = true,
};

/* Judged by the conditional-cleaning rules. */
static const bool conditional_tags[GUMBO_TAG_LAST] = {
    [GUMBO_TAG_FORM] = true, [GUMBO_TAG_FIELDSET] = true, [GUMBO_TAG_TABLE] = true,
    [GUMBO_TAG_UL] = true, [GUMBO_TAG_DIV] = true,
};

static const rm_node *node(const rm_engine *e, int32_t id) { return &e->dom.nodes[id]; }

/* Is t in `set`, a table of n entries indexed by the tag? */
static bool tag_in(GumboTag t, const bool *set, size_t n)
{
    return (size_t)t < n && set[t];
}

static void subtract_stats(rm_stats *to, const rm_stats *s)
{
    to->chars -= s->chars;
    to->link_chars -= s->link_chars;
    to->commas -= s->commas;
    to->sentences -= s->sentences;
    to->paragraphs -= s->paragraphs;
    to->list_items -= s->list_items;
    to->images -= s->images;
    to->inputs -= s->inputs;
    to->embeds -= s->embeds;
    to->headings -= s->headings;
    to->links -= s->links;
}

/* Remove a subtree and keep every ancestor's statistics true. */
static void remove_node(rm_engine *e, int32_t id)
{
    rm_stats gone = e->st[id];
    /* A removed player still tells its wrapper that it was a player box:
     * "Listen to the full conversation" around an iframe is the embed's
     * label, judged by the one-embed rule below. */
    gone.embeds = 0;
    engine_drop_subtree(e, id, DROP_CLEANED);
    for (int32_t a = node(e, id)->parent; a != RM_NONE; a = node(e, a)->parent)
        subtract_stats(&e->st[a], &gone);
}

static bool is_video_embed(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    if (t != GUMBO_TAG_IFRAME && t != GUMBO_TAG_OBJECT && t != GUMBO_TAG_EMBED)
        return false;
    return heur_is_video_url(dom_attr(&e->dom, id, "src")) ||
           heur_is_video_url(dom_attr(&e->dom, id, "data"));
}

/* The list-of-images exception: every item holds one child, an image. */
static bool is_image_list(const rm_engine *e, int32_t id)
{
    unsigned items = 0;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (node(e, c)->type != RM_NODE_ELEMENT || e->drop[c] != DROP_KEEP)
            continue;
        int kids = 0;
        for (int32_t g = node(e, c)->first_child; g != RM_NONE; g = node(e, g)->next_sibling)
            if (node(e, g)->type == RM_NODE_ELEMENT && e->drop[g] == DROP_KEEP)
                kids++;
        if (kids > 1)
            return false;
        items++;
    }
    return items > 0 && e->st[id].images == e->st[id].list_items;
}

/* A frame around a picture and its caption ("gallery__media"): Readability's
 * negative names include "media", but an unlinked image with a short
 * caption is the article's own photo, not an ad or a teaser. */
static bool is_photo_frame(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    return s->images > 0 && s->links == 0 && s->chars <= PHOTO_CAPTION_MAX_CHARS;
}

/* A box of several unlinked paragraphs with many commas that holds most
 * of the article is the article's own text whatever its class says:
 * Readability's negative names match substrings ("field--label-hidden"
 * holds "hidden"), and on CMS pages that removed the body of a list
 * article. A smaller box (one of many "widget" boxes of a page builder)
 * still goes; when that leaves too little, the attempt ladder retries
 * without class weights, as Readability does. */
static bool is_prose_box(const rm_engine *e, int32_t id, uint32_t article_chars)
{
    const rm_stats *s = &e->st[id];
    return s->chars >= PROSE_BOX_MIN_CHARS && s->chars * 2 >= article_chars &&
           s->paragraphs >= PROSE_BOX_MIN_PARAGRAPHS && s->commas >= MIN_COMMAS_TO_KEEP &&
           engine_link_density(s) < PROSE_BOX_MAX_LINK_DENSITY;
}

/* The items of a review or list article ("the best appliances of the
 * year") each sit in a box of their own, whose class a theme names
 * "product-widget" or "card" (Readability's negative words): a box that
 * holds prose (a paragraph with commas, hardly linked) beside two or more
 * siblings of the same class is one item of the article, not a widget,
 * and so are the boxes inside it. */
#define ITEM_MIN_CHARS 300
#define ITEM_MIN_COMMAS 2
#define ITEM_MAX_LINK_DENSITY 0.25
#define ITEM_MIN_ALIKE 2
#define ITEM_MAX_SIBLINGS 200

static bool is_alike_prose_item(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    int32_t parent = node(e, id)->parent;
    const char *cls = dom_attr(&e->dom, id, "class");
    if (!cls || !*cls || parent == RM_NONE || s->chars < ITEM_MIN_CHARS || s->paragraphs == 0 ||
        s->commas < ITEM_MIN_COMMAS || engine_link_density(s) > ITEM_MAX_LINK_DENSITY)
        return false;
    unsigned alike = 0, seen = 0;
    for (int32_t c = node(e, parent)->first_child; c != RM_NONE && seen < ITEM_MAX_SIBLINGS;
         c = node(e, c)->next_sibling) {
        if (c == id || node(e, c)->type != RM_NODE_ELEMENT)
            continue;
        seen++;
        const char *other = dom_attr(&e->dom, c, "class");
        if (other && strcmp(other, cls) == 0 && ++alike >= ITEM_MIN_ALIKE)
            return true;
    }
    return false;
}

/* The item's own inner boxes carry the same negative class words
 * ("product-widget__content") and are judged first: they stay with it. */
#define ITEM_BOX_LEVELS 4

static bool in_alike_prose_item(const rm_engine *e, int32_t id)
{
    int32_t a = id;
    for (int level = 0; a != RM_NONE && level < ITEM_BOX_LEVELS; level++, a = node(e, a)->parent)
        if (is_alike_prose_item(e, a))
            return true;
    return false;
}

/* Labelled rows: a recipe card's "Prep Time 15 mins" and "Servings: 6", a
 * specification's "Weight 2 kg". Each row is short, has no links, and is
 * a label (a few words) followed by a value, in their own elements or
 * text; two or more such rows together are data, as a table of data is,
 * however short and unlike prose each row is. Scans are bounded (a row
 * has a few parts, a box of rows a few dozen rows) so that wide lists
 * cost no more than a look at their first children. */
#define LABEL_MAX_CHARS 30
#define LABELLED_ROW_MAX_CHARS 80
#define ROW_MAX_PARTS 6
#define ROW_BOX_MAX_CHILDREN 24

/* A part of a row shows text when it holds more than white space: the
 * line breaks and indentation between a row's spans, and between the rows
 * of an indented template, count one collapsed space each and are no
 * label, no value and no other block beside the rows. */
static bool is_blank_text(const rm_engine *e, int32_t id)
{
    if (node(e, id)->type != RM_NODE_TEXT || e->tchars[id] > 1)
        return false;
    const char *t = dom_text(&e->dom, id);
    return !t || strspn(t, " \t\n\r\f") == strlen(t);
}

static bool shows_text(const rm_engine *e, int32_t id)
{
    return e->drop[id] == DROP_KEEP && e->st[id].chars > 0 && !is_blank_text(e, id);
}

/* A label names something in words: a row led by a number or a symbol
 * ("00 Minutes" of a countdown, "5 ★ 80%" of a rating chart, the "-" and
 * "+" of a quantity picker) is a widget's display, not data. */
#define LABEL_SCAN_NODES 64   /* a label is a few words in a span or two */

static bool has_letter(const rm_engine *e, int32_t id)
{
    int32_t end = engine_end(e, id);
    if (end - id > LABEL_SCAN_NODES)
        end = id + LABEL_SCAN_NODES;
    for (int32_t i = id; i < end; i++) {
        if (node(e, i)->type != RM_NODE_TEXT || e->drop[i] != DROP_KEEP)
            continue;
        const uint8_t *p = (const uint8_t *)dom_text(&e->dom, i);
        for (ucs4_t uc; p && *p; ) {
            int n = u8_strmbtouc(&uc, p);
            if (n <= 0)
                break;
            if (uc_is_alpha(uc))
                return true;
            p += n;
        }
    }
    return false;
}

/* Two parts saying the same ("Start Saving Now" for phones and again for
 * wide screens, one of them hidden by the style sheet) are one line
 * written twice, not a label and its value. */
static bool says_twice(const rm_engine *e, int32_t label)
{
    int32_t value = node(e, label)->next_sibling;
    while (value != RM_NONE && !shows_text(e, value))
        value = node(e, value)->next_sibling;
    if (value == RM_NONE || e->st[value].chars != e->st[label].chars)
        return false;
    char abuf[LABEL_MAX_CHARS * 4 + 1], bbuf[LABEL_MAX_CHARS * 4 + 1];
    size_t a_len, b_len;
    char *a = engine_fold_into(e, label, e->drop, LABEL_MAX_CHARS * 4, abuf, &a_len);
    char *b = engine_fold_into(e, value, e->drop, LABEL_MAX_CHARS * 4, bbuf, &b_len);
    bool same = a && b && a_len == b_len && memcmp(a, b, a_len) == 0;
    if (a != abuf)
        free(a);
    if (b != bbuf)
        free(b);
    return same;
}

/* Layout kits wrap a row in a box or two of its own (a stripe, a flex
 * line): the row is what the wrappers hold. */
#define ROW_WRAPPERS 3

static int32_t only_shown_child(const rm_engine *e, int32_t id)
{
    int32_t only = RM_NONE;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (!shows_text(e, c))
            continue;
        if (only != RM_NONE || node(e, c)->type != RM_NODE_ELEMENT)
            return RM_NONE;
        only = c;
    }
    return only;
}

static bool is_labelled_row(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (node(e, id)->type != RM_NODE_ELEMENT || s->chars == 0 ||
        s->chars > LABELLED_ROW_MAX_CHARS || s->links > 0 || s->inputs > 0)
        return false;
    for (int level = 0, inner; level < ROW_WRAPPERS && (inner = only_shown_child(e, id)) != RM_NONE; level++)
        id = inner;
    unsigned parts = 0;
    int32_t label = RM_NONE;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (!shows_text(e, c))
            continue;
        if (++parts > ROW_MAX_PARTS)
            return false;
        if (parts == 1)
            label = c;
    }
    return parts >= 2 && e->st[label].chars <= LABEL_MAX_CHARS && has_letter(e, label) &&
           !(parts == 2 && says_twice(e, label));
}

/* A small box whose children are two or more labelled rows and little
 * else. */
static bool is_row_box(const rm_engine *e, int32_t id)
{
    if (e->st[id].chars > ROW_BOX_MAX_CHILDREN * LABELLED_ROW_MAX_CHARS)
        return false;
    unsigned rows = 0, others = 0, seen = 0;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (!shows_text(e, c))
            continue;
        if (++seen > ROW_BOX_MAX_CHILDREN)
            return false;
        if (is_labelled_row(e, c))
            rows++;
        else
            others++;
    }
    return rows >= 2 && rows >= 2 * others;
}

static bool in_labelled_rows(const rm_engine *e, int32_t id)
{
    if (node(e, id)->type != RM_NODE_ELEMENT)
        return false;
    if (is_row_box(e, id))
        return true;
    /* A row, or a part of one (its label or value in a box of its own,
     * the wrappers a layout kit adds around it). */
    for (int level = 0; level <= ROW_WRAPPERS + 1 && id != RM_NONE; level++, id = node(e, id)->parent) {
        int32_t parent = node(e, id)->parent;
        if (parent != RM_NONE && is_labelled_row(e, id) && is_row_box(e, parent))
            return true;
    }
    return false;
}

/* On a page of sections a block is content by its own text statistics,
 * as jusText judges blocks: a stat ("65% faster"), a feature card with its
 * "Learn more" link or a testimonial is short and linky by Readability's
 * measure, yet mostly words a reader reads. Class names do not count
 * either: page builders name every block a "widget", Readability's
 * negative word. Furniture is the block that is mostly links (jusText's
 * high link density); navigation, footers and the like are gone already
 * as page clutter. */
#define SECTION_MAX_LINK_DENSITY 0.5

/* An on-page table of contents is a list of short links to the page's own
 * headings. Link density weighs in-page links lightly (a footnote mark in
 * a sentence is text), so such a list measures far under the bar above
 * while nearly all its text is links: a list whose every item is a link of
 * a heading's few words, nearly all of its text in links to the page
 * itself, is navigation. */
#define TOC_MIN_ITEMS 3
#define TOC_ITEM_MAX_CHARS 60          /* a heading's words, not a sentence */
#define TOC_MIN_IN_PAGE_SHARE 0.8      /* of its text in in-page links */

static bool is_table_of_contents(const rm_engine *e, int32_t id)
{
    GumboTag tag = node(e, id)->tag;
    const rm_stats *s = &e->st[id];
    if ((tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL) || s->list_items < TOC_MIN_ITEMS ||
        s->links < s->list_items || s->chars > TOC_ITEM_MAX_CHARS * s->links)
        return false;
    uint32_t in_page = 0, all = 0;
    int32_t end = engine_end(e, id);
    for (int32_t i = id + 1; i < end; i++) {
        if (node(e, i)->type != RM_NODE_TEXT || e->drop[i] != DROP_KEEP)
            continue;
        all += e->tchars[i];
        in_page += (e->flags[i] & NF_HASH_LINK) ? e->tchars[i] : 0;
    }
    return all > 0 && in_page >= TOC_MIN_IN_PAGE_SHARE * all;
}

/* A link whose text is an address ("https://…", "www.…", "viewtopic.php?t=12",
 * "https://nos.nl/sport/ ... dstrijden/" as phpBB shortens it): what a
 * poster pasted and the forum software made a link. Menus and link lists
 * show names, not addresses. */
#define ADDRESS_MIN_BYTES 8
#define ADDRESS_LABEL_MAX_BYTES 12

static bool is_pasted_address(const char *text)
{
    text += strspn(text, " \t\n\r\f");
    /* a one-word label before it, as forum software writes an address it
     * could not embed: "View: https://…" */
    size_t word = strcspn(text, " \t\n\r\f");
    if (word > 1 && word <= ADDRESS_LABEL_MAX_BYTES && text[word - 1] == ':' && text[word] != '\0')
        text += word + strspn(text + word, " \t\n\r\f");
    if (strncmp(text, "http://", 7) == 0 || strncmp(text, "https://", 8) == 0 ||
        strncmp(text, "www.", 4) == 0)
        return true;
    size_t n = strcspn(text, " \t\n\r\f");
    const char *rest = text + n + strspn(text + n, " \t\n\r\f");
    return *rest == '\0' && n >= ADDRESS_MIN_BYTES && memchr(text, '.', n) &&
           (memchr(text, '/', n) || memchr(text, '?', n));
}

/* Link density of a thread's box with pasted addresses counted as the
 * posts' words: a post citing its sources is no link farm. */
static double thread_link_density(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    double links = s->link_chars;
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id + 1, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_TEXT && (e->flags[i] & NF_IN_LINK) &&
            is_pasted_address(dom_text(&e->dom, i)))
            links -= e->tchars[i] * ((e->flags[i] & NF_HASH_LINK) ? 0.3 : 1.0);
    return s->chars && links > 0 ? links / s->chars : 0.0;
}

static bool section_is_furniture(const rm_engine *e, int32_t id)
{
    return engine_link_density(&e->st[id]) > SECTION_MAX_LINK_DENSITY ||
           is_table_of_contents(e, id);
}

/* A box that mostly wraps a code block: the block's frame, copy button
 * and caption. Judged as the code it wraps even when its class names are
 * Readability's negative words: utility-class frameworks write layout as
 * classes ("scroll-mt-2" is Tailwind's scroll margin, and holds "scroll"),
 * and the code block is a manual's content. */
#define CODE_BOX_SHARE 0.5

static bool is_code_block_box(const rm_engine *e, int32_t id)
{
    if (!(e->flags[id] & NF_HAS_CODE) || e->st[id].chars == 0)
        return false;
    uint32_t code = 0;
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->tag == GUMBO_TAG_PRE) {
            code += e->st[i].chars;
            i = engine_end(e, i) - 1;
        }
    return code >= CODE_BOX_SHARE * e->st[id].chars;
}

/* A thread is its posts: a post, or a wrapper holding all of a post's
 * text, is never judged whole (its avatar, icons and smileys are no
 * gallery, its quoted links no link farm), only its parts are. A post is
 * a child of the thread's box that says something of its own, as
 * pagetype.c finds them (a breadcrumb or a page bar beside the posts is
 * mostly links). Threaded discussions nest each reply inside the post it
 * answers (Reddit, Hacker News, Lemmy, Slashdot draw their comment trees
 * so): a box inside a post alike to it (pagetype_same_kind) is a post of
 * its own, and a post's text is its own, less the replies nested in it. */
#define WHOLE_POST_SHARE 0.9
#define POST_MIN_UNLINKED 60
#define POST_MAX_LINK_DENSITY 0.5

/* Does a post name its kind by a class? Posts told apart only by their
 * tag (a bare div) hold bare divs of their own that are no replies. */
static bool post_has_class(const rm_engine *e, int32_t post)
{
    const char *cls = dom_attr(&e->dom, post, "class");
    return cls && cls[strspn(cls, " \t\n")] != '\0';
}

/* The text of `post` less that of the replies nested in it. */
static uint32_t post_own_chars(const rm_engine *e, int32_t post, int32_t top)
{
    uint32_t nested = 0;
    int32_t end = engine_end(e, post);
    for (int32_t i = engine_kept(e, post + 1, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_ELEMENT && pagetype_same_kind(e, i, top)) {
            nested += e->st[i].chars;
            i = engine_end(e, i) - 1;
        }
    return e->st[post].chars - nested;
}

/* Does the box hold a reply nested in the post (the box of a post's
 * replies)? Judged whole, it would go with its short replies. */
static bool holds_reply(const rm_engine *e, int32_t id, int32_t top)
{
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id + 1, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_ELEMENT && pagetype_same_kind(e, i, top))
            return true;
    return false;
}

/* A short post's body may hold less than 90% of the post's text beside
 * the poster's name, rank, date and post number; it still says every
 * sentence of the post (none of those does) and half its text or more.
 * Only for a post with no replies nested in it, whose sentences are all
 * its own, and one named by a class and alike to the post beside it
 * (same tag and first class): a box of the thread that is no post (the
 * board's news above the posts) is judged as before. */
#define POST_BODY_SHARE 0.5

/* Is the post alike to the element after it, or, when it is the last, to
 * the one before it? Neighbours only: a thread of a thousand posts asks
 * each post once, not of every other post. */
static bool has_alike_neighbour(const rm_engine *e, int32_t post)
{
    for (int32_t c = node(e, post)->next_sibling; c != RM_NONE; c = node(e, c)->next_sibling)
        if (node(e, c)->type == RM_NODE_ELEMENT)
            return pagetype_same_kind(e, c, post);
    int32_t before = RM_NONE, first = node(e, node(e, post)->parent)->first_child;
    for (int32_t c = first; c != post; c = node(e, c)->next_sibling)
        if (node(e, c)->type == RM_NODE_ELEMENT)
            before = c;
    return before != RM_NONE && pagetype_same_kind(e, before, post);
}

static bool says_whole_post(const rm_engine *e, int32_t id, int32_t own, int32_t post,
                            uint32_t own_chars)
{
    const rm_stats *s = &e->st[id];
    return s->sentences > 0 && s->sentences == e->st[own].sentences &&
           own_chars == e->st[own].chars && s->chars >= POST_BODY_SHARE * own_chars &&
           has_alike_neighbour(e, post);
}

static bool holds_whole_post(const rm_engine *e, int32_t id)
{
    if (!e->thread || e->posts == RM_NONE || !engine_contains(e, e->posts, id) || id == e->posts)
        return false;
    int32_t post = id;
    while (node(e, post)->parent != e->posts)
        post = node(e, post)->parent;
    const rm_stats *s = &e->raw[post];
    if (s->chars - (uint32_t)s->link_chars < POST_MIN_UNLINKED ||
        engine_link_density(s) > POST_MAX_LINK_DENSITY)
        return false;
    /* the innermost post around id: a nested reply alike to the thread's
     * post, or that post */
    if (!post_has_class(e, post))
        return e->st[id].chars >= WHOLE_POST_SHARE * e->st[post].chars;
    int32_t own = post;
    for (int32_t a = id; a != post; a = node(e, a)->parent)
        if (pagetype_same_kind(e, a, post)) {
            own = a;
            break;
        }
    uint32_t own_chars = post_own_chars(e, own, post);
    return e->st[id].chars >= WHOLE_POST_SHARE * own_chars || holds_reply(e, id, post) ||
           says_whole_post(e, id, own, post, own_chars);
}

/* Readability takes a box of several pictures and few paragraphs for a
 * gallery. Feature blocks, figures rows and team cards are such boxes too
 * when their text is written in divs beside icons rather than in
 * paragraphs; but a gallery says little per picture (a caption, a credit),
 * and they say a sentence or more. A box with this much unlinked text per
 * picture is judged by the other rules (measured on the WCXB development
 * pages: service +0.002, product +0.002, collection +0.006, article
 * +0.0003, all +0.001). */
#define GALLERY_MAX_TEXT_PER_PICTURE 40

static bool says_more_than_captions(const rm_stats *s)
{
    double unlinked = (double)s->chars - (double)s->link_chars;
    return s->images > 0 && unlinked >= (double)GALLERY_MAX_TEXT_PER_PICTURE * s->images;
}

/* On an index page, a box that only wraps a list (a multi-column
 * "div-col" of names, a "links" panel around its <ul>) is judged as the
 * list it holds: Readability spares lists from its link-density test, and
 * on a page of link lists those lists are the content. */
static bool wraps_index_list(const rm_engine *e, int32_t id)
{
    if (e->page_type != RM_PAGE_LISTING && e->page_type != RM_PAGE_COLLECTION)
        return false;
    int32_t list = RM_NONE;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (e->drop[c] != DROP_KEEP)
            continue;
        if (node(e, c)->type == RM_NODE_TEXT) {
            const char *text = dom_text(&e->dom, c);
            if (text[strspn(text, " \t\n\r\f")] != '\0')
                return false;
            continue;
        }
        if (list != RM_NONE)
            return false;
        list = c;
    }
    return list != RM_NONE && (node(e, list)->tag == GUMBO_TAG_UL || node(e, list)->tag == GUMBO_TAG_OL);
}

/* On an index page, a line of a description list's entry (the authors
 * and subjects under an entry's title, each a link to a search) is part of
 * what the entry says of the item its term names: the entries are the
 * page's content, and their lines are not judged by link density. */
static bool in_index_description(const rm_engine *e, int32_t id)
{
    if (e->page_type != RM_PAGE_LISTING && e->page_type != RM_PAGE_COLLECTION)
        return false;
    for (int32_t a = node(e, id)->parent; a != RM_NONE; a = node(e, a)->parent) {
        GumboTag t = node(e, a)->tag;
        if (t == GUMBO_TAG_DD)
            return true;
        if (t == GUMBO_TAG_DL || t == GUMBO_TAG_BODY)
            return false;
    }
    return false;
}

/* The poster's name over a post: a short box of no sentence holding a link
 * to the member's profile with text (not only the avatar), a third of the
 * box's text or more (a box of values whose labels are icons is the
 * member's stats around the name, and goes as before). A thread says
 * who wrote each post, so conditional cleaning spares it as it spares the
 * date row, however linky; the member's title and stats go by their own
 * rules. */
#define POSTER_NAME_MAX_CHARS 100
#define POSTER_NAME_SHARE 3   /* the name is a third of the box or more */

static bool holds_poster_name(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > POSTER_NAME_MAX_CHARS || s->sentences > 0)
        return false;
    uint32_t name = 0;
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->tag == GUMBO_TAG_A && e->st[i].chars > 0 &&
            heur_is_profile_link(dom_attr(&e->dom, i, "href"))) {
            name += e->st[i].chars;
            i = engine_end(e, i) - 1;
        }
    return name > 0 && name * POSTER_NAME_SHARE >= s->chars;
}

/* A post's text as microdata marks it is what the poster wrote, were it
 * a list of links (an opening post that points to the threads it
 * continues, a reply listing brands); so is a box holding 90% of it, the
 * wrapper inside it ("bbWrapper") or a box around it that adds little
 * else (the poster's name). */
static bool in_post_text(const rm_engine *e, int32_t id)
{
    for (int32_t a = id; a != RM_NONE; a = node(e, a)->parent) {
        if (pagetype_is_post_text(e, a))
            return e->st[id].chars >= WHOLE_POST_SHARE * e->st[a].chars;
        if (node(e, a)->type == RM_NODE_ELEMENT && dom_attr(&e->dom, a, "itemscope"))
            return false;   /* the post's text is no item's own */
    }
    return false;
}

static bool wraps_post_text(const rm_engine *e, int32_t id)
{
    if (in_post_text(e, id))
        return true;
    while (!pagetype_is_post_text(e, id)) {
        int32_t inner = RM_NONE;
        for (int32_t c = node(e, id)->first_child; c != RM_NONE && inner == RM_NONE;
             c = node(e, c)->next_sibling)
            if (node(e, c)->type == RM_NODE_ELEMENT && e->drop[c] == DROP_KEEP &&
                e->st[c].chars >= WHOLE_POST_SHARE * e->st[id].chars)
                inner = c;
        if (inner == RM_NONE || e->st[id].chars == 0)
            return false;
        id = inner;
    }
    return true;
}

/* Readability's _cleanConditionally verdict for one container. */
static bool looks_like_boilerplate(const rm_engine *e, int32_t id, uint32_t article_chars,
                                   unsigned attempt)
{
    /* Data tables, code, and the footnotes or references that the text
     * links to are content whatever their statistics; so is a box inside
     * a heading ("h2 > div.field__item"), which is the heading's text. */
    if (e->flags[id] & (NF_DATA_TABLE | NF_IN_CODE | NF_HAS_NOTES | NF_IN_HEADING))
        return false;
    if (holds_whole_post(e, id) || in_index_description(e, id))
        return false;
    if (e->thread && wraps_post_text(e, id))
        return false;
    const rm_stats *s = &e->st[id];
    /* A post's signature line (author link, date) is linky and short, and
     * is what a thread shows of who wrote what. */
    if (e->thread && (e->flags[id] & NF_HAS_DATE) && s->chars <= BYLINE_MAX_CHARS)
        return false;
    if (holds_poster_name(e, id))
        return false;
    if (attempt & ATTEMPT_SECTIONS)
        return section_is_furniture(e, id);
    int weight = (attempt & ATTEMPT_WEIGHT_CLASSES) ? engine_class_weight(e, id) : 0;
    if (weight < 0)
        return !is_photo_frame(e, id) && !is_prose_box(e, id, article_chars) &&
               !in_alike_prose_item(e, id) && !is_code_block_box(e, id);
    /* The wrapper of a code block or a data table ("div.highlight") is
     * judged as what it wraps. */
    if (e->flags[id] & (NF_HAS_CODE | NF_HAS_DATA))
        return false;
    if (s->commas >= MIN_COMMAS_TO_KEEP)
        return false;
    GumboTag tag = node(e, id)->tag;
    bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || wraps_index_list(e, id);
    bool in_figure = (e->flags[id] & NF_IN_FIGURE) != 0;
    double p = s->paragraphs, img = s->images;
    double li = (double)s->list_items - 100.0;
    double ld = engine_link_density(s);
    if (e->thread && ld > 0.2)
        ld = thread_link_density(e, id);
    uint32_t len = s->chars;
    /* Pictures in a thread are the posters' (screenshots, smileys, post
     * icons), not a gallery standing in for text; and a post's form that
     * only carries its id in hidden inputs is no form a reader fills in. */
    bool gallery = img > 1 && p / img < 0.5 && !in_figure && !e->thread &&
                   !says_more_than_captions(s);
    bool remove = gallery ||
                  (!is_list && li > p) ||
                  (s->inputs > floor(p / 3) && !engine_is_post_form(e, id)) ||
                  (!is_list && s->headings == 0 && len < 25 && (img == 0 || img > 2) && !in_figure) ||
                  (!is_list && weight < 25 && ld > 0.2) ||
                  (weight >= 25 && ld > 0.5) ||
                  (s->embeds == 1 && len < 75) || s->embeds > 1;
    if (remove && is_list && is_image_list(e, id))
        return false;
    return remove;
}

/* Is the element inside a paragraph-like block (its text part of a
 * sentence) rather than directly in a container? */
static bool in_flow_text(const rm_engine *e, int32_t id)
{
    for (int32_t a = node(e, id)->parent; a != RM_NONE; a = node(e, a)->parent) {
        GumboTag t = node(e, a)->tag;
        if (t == GUMBO_TAG_P || t == GUMBO_TAG_LI || t == GUMBO_TAG_TD || t == GUMBO_TAG_DD ||
            t == GUMBO_TAG_BLOCKQUOTE || heur_is_heading_tag(t))
            return true;
        if (heur_is_block_tag(t) || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER)
            return false;
    }
    return false;
}

/* Does a short row carry the byline found in the metadata ("First-year
 * review · Helen Okafor · 29 October 2026")? */
static bool starts_with(const char *text, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(text, prefix, n) == 0;
}

/* Wire-service sign-offs name the author too, but readers keep them. */
static const char *const credit_lines[] = {"reporting by", "additional reporting", "editing by"};

static bool names_the_author(const rm_engine *e, int32_t id)
{
    if (!e->byline || e->byline_len == 0)
        return false;
    size_t len;
    char *text = engine_folded_text(e, id, e->drop, BYLINE_MAX_CHARS * 4, &len);
    bool hit = false;
    for (size_t at = 0; text && !hit && at + e->byline_len <= len; at++)
        hit = memcmp(text + at, e->byline, e->byline_len) == 0;
    for (size_t k = 0; text && hit && k < sizeof credit_lines / sizeof credit_lines[0]; k++)
        hit = !starts_with(text, len, credit_lines[k]);
    free(text);
    return hit;
}

/* "Jane Doe is a contributing writer...": a short paragraph that opens
 * with the author's name and a verb of description is the author's bio.
 * Author boxes often set the bio in a bare <div> of text (the
 * "author-description" under the name and photo): a div holding no block
 * element is a paragraph too. */
static const char *const bio_verbs[] = {" is ", " was ", " writes ", " covers ", " reports "};

static bool is_text_block(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    return t == GUMBO_TAG_P || (t == GUMBO_TAG_DIV && !e->has_block[id]);
}

#define BIO_OPENING_BYTES 256   /* the name and its verb fit (most bylines) */

/* Only the opening of a paragraph is compared with the byline and its
 * verbs, and every short paragraph of a signed page is asked: that much
 * is folded first. An ASCII fold of the text's first bytes is the start
 * of the whole text's fold, so when it is ASCII and long enough it
 * settles the question; otherwise the whole text is folded. */
static bool is_author_bio(const rm_engine *e, int32_t id)
{
    if (!e->byline || !is_text_block(e, id) || e->st[id].chars > BIO_MAX_CHARS)
        return false;
    size_t verb_bytes = 0;
    for (size_t k = 0; k < sizeof bio_verbs / sizeof bio_verbs[0]; k++)
        if (strlen(bio_verbs[k]) > verb_bytes)
            verb_bytes = strlen(bio_verbs[k]);
    size_t need = e->byline_len + verb_bytes, len = 0;
    char opening[BIO_OPENING_BYTES + 1];
    char *text = NULL;
    if (need < BIO_OPENING_BYTES) {
        text = engine_fold_into(e, id, e->drop, need + 1, opening, &len);
        if (text && (text != opening || len < need)) {
            if (text != opening)
                free(text);
            text = NULL;
        }
    }
    if (!text)
        text = engine_folded_text(e, id, e->drop, BIO_MAX_CHARS * 4, &len);
    bool bio = false;
    if (text && len >= e->byline_len && memcmp(text, e->byline, e->byline_len) == 0)
        for (size_t k = 0; !bio && k < sizeof bio_verbs / sizeof bio_verbs[0]; k++)
            bio = starts_with(text + e->byline_len, len - e->byline_len, bio_verbs[k]);
    if (text != opening)
        free(text);
    return bio;
}

/* Words inside a <figure> but outside its caption ("Image source, Getty
 * Images", "Purchase licensing rights") are credits and tools, not the
 * caption and not the article. */
static bool is_figure_credit(const rm_engine *e, int32_t id)
{
    GumboTag tag = node(e, id)->tag;
    if (!(e->flags[id] & NF_IN_FIGURE) || (e->flags[id] & NF_IN_TABLE) || e->st[id].chars == 0 ||
        e->st[id].chars > FIGURE_CREDIT_MAX_CHARS || e->st[id].images > 0 ||
        (tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_SMALL && tag != GUMBO_TAG_P &&
         tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_A && tag != GUMBO_TAG_CITE))
        return false;
    for (int32_t a = id; a != RM_NONE; a = node(e, a)->parent) {
        GumboTag t = node(e, a)->tag;
        if (t == GUMBO_TAG_FIGCAPTION)
            return false;
        if (t == GUMBO_TAG_FIGURE)
            return a != id && e->st[a].images > 0;   /* credits go with pictures */
    }
    return false;
}

/* A byline or dateline row inside the article ("By Ann Lee · 3 May 2025 ·
 * 4 comments"): short, named so or holding a <time> or rel=author link,
 * and not a sentence. The byline itself is reported as metadata. */
/* Is `id` inside a card of an index page's grid? A line there that names
 * the page's author is the card's maker ("Ridge Wallet" over each wallet
 * of a shop whose metadata names the shop as author), a fact about its
 * item, not the page's byline. A card's dated row ("3 days ago") still
 * goes, as on any page. */
static bool in_index_card(const rm_engine *e, int32_t id)
{
    if (e->page_type != RM_PAGE_COLLECTION && e->page_type != RM_PAGE_LISTING)
        return false;
    int32_t grid = e->grids != RM_NONE ? e->grids : e->cards;
    return grid != RM_NONE && id != grid && engine_contains(e, grid, id);
}

/* heur_is_byline_marker of the last element read with a class and no id:
 * the items of a list share their class, and one comparison answers for
 * the next of them. */
typedef struct {
    const char *cls;   /* NULL: none yet */
    bool byline;
} byline_memo;

static bool byline_marker(const rm_engine *e, byline_memo *m, int32_t id)
{
    const char *cls = dom_attr(&e->dom, id, "class"), *ident = dom_attr(&e->dom, id, "id");
    if (ident || !cls)
        return heur_is_byline_marker(cls, ident);
    if (!m->cls || cls[0] != m->cls[0] || strcmp(cls, m->cls) != 0) {
        m->byline = heur_is_byline_marker(cls, NULL);
        m->cls = cls;
    }
    return m->byline;
}

static bool is_byline_row(const rm_engine *e, byline_memo *memo, int32_t id)
{
    const rm_stats *s = &e->st[id];
    GumboTag t = node(e, id)->tag;
    /* A thread's posts are signed: author and date stay as short lines;
     * so are the entries of an index's description list. */
    if (e->thread || in_index_description(e, id))
        return false;
    /* the tag and flags first: on a big page an element's statistics are
     * a read from memory, and a heading or list item needs none */
    if (t == GUMBO_TAG_LI || heur_is_heading_tag(t) ||
        (e->flags[id] & (NF_HAS_CODE | NF_IN_CODE | NF_DATA_TABLE)) || s->chars == 0 ||
        s->chars > BYLINE_MAX_CHARS || s->commas > 2 || s->headings > 0)
        return false;
    /* "meta" names a recipe card's times and servings as well as a post's
     * date line: labelled rows are data. */
    if (byline_marker(e, memo, id))
        return !in_labelled_rows(e, id);
    /* A <time> standing on its own in a container is a dateline; inside a
     * paragraph it is part of a sentence. */
    if (t == GUMBO_TAG_TIME)
        return !in_flow_text(e, id);
    /* A dated row that is not prose; abbreviations ("4 Min. Lesezeit")
     * may look like a sentence end, so very short rows need none. */
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_DIV && t != GUMBO_TAG_SPAN)
        return false;
    if (e->flags[id] & NF_HAS_DATE)
        return s->sentences == 0 || s->chars <= DATE_ROW_MAX_CHARS;
    return s->sentences == 0 && !in_index_card(e, id) && names_the_author(e, id);
}

/* The member panel of a forum post ("Joined: Mar 2019 · Messages: 1,204 ·
 * Reaction score: 310"): two or more member-stat labels in a short box of
 * label rows, holding no paragraph and at most one sentence (a post that
 * mentions its author's join date is still the post; so is a short reply
 * of one sentence written without paragraphs beside its member's counts).
 * A box that holds a heading is the whole author cell, whose heading is
 * the poster's name: it stays, and the stat rows inside it are judged on
 * their own. */
static bool is_member_panel(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    GumboTag t = node(e, id)->tag;
    if (!e->thread || s->chars == 0 || s->chars > MEMBER_PANEL_MAX_CHARS || s->paragraphs > 0 ||
        s->sentences > 1 || s->headings > 0 || holds_whole_post(e, id) ||
        (t != GUMBO_TAG_DIV && t != GUMBO_TAG_DL && t != GUMBO_TAG_UL && t != GUMBO_TAG_ASIDE &&
         t != GUMBO_TAG_SECTION))
        return false;
    size_t len;
    char *text = engine_folded_text(e, id, e->drop, MEMBER_PANEL_MAX_CHARS * 4, &len);
    bool panel = text && heur_member_stat_labels(text, len) >= 2;
    free(text);
    return panel;
}

/* A post's signature (heur_is_signature_marker), on a thread only: short,
 * and with text of the article besides it (a box so named that holds all
 * there is would be the post itself). A signature may outweigh a short
 * reply, so the scorer's choice inside it does not save it. */
#define SIGNATURE_MAX_CHARS 1000
#define MIN_TEXT_BESIDE_SIGNATURE 25   /* Readability's shortest scored block */

static bool is_post_signature(const rm_engine *e, int32_t id, int32_t root)
{
    if (!e->thread || e->st[id].chars > SIGNATURE_MAX_CHARS ||
        e->st[root].chars < e->st[id].chars + MIN_TEXT_BESIDE_SIGNATURE)
        return false;
    return heur_is_signature_marker(dom_attr(&e->dom, id, "class"), dom_attr(&e->dom, id, "id"));
}

/* A summary of the thread a language model wrote (Discussion overview,
 * main points, areas of agreement), named so by class or id
 * (heur_is_machine_summary_marker): the board's account of the posts
 * stands beside them and repeats them. Threads only, and never a box
 * that holds a whole post. */
static bool is_machine_summary(const rm_engine *e, int32_t id)
{
    return e->thread && !holds_whole_post(e, id) &&
           heur_is_machine_summary_marker(dom_attr(&e->dom, id, "class"), dom_attr(&e->dom, id, "id"));
}

/* One row of a member panel standing alone ("Posts: 1,204", "Joined: Mar
 * 2019", "87 posts"), when the panel is laid out row by row rather than
 * in one box; a post's permalink number ("#12"); a vote or like count.
 * They tell about the thread's furniture, not what was written. Threads
 * only. */
#define MEMBER_ROW_MAX_CHARS 60

/* Does a short box's folded text (up to max_chars characters) pass a
 * phrase test of heuristics.c? */
static bool folded_text_is(const rm_engine *e, int32_t id, uint32_t max_chars,
                           bool (*test)(const char *text, size_t len))
{
    size_t len;
    char *text = engine_folded_text(e, id, e->drop, (size_t)max_chars * 4, &len);
    bool yes = text && test(text, len);
    free(text);
    return yes;
}

static bool is_member_row(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > MEMBER_ROW_MAX_CHARS || s->sentences > 0 ||
        s->paragraphs > 0 || heur_is_heading_tag(node(e, id)->tag))
        return false;
    return folded_text_is(e, id, MEMBER_ROW_MAX_CHARS, heur_starts_with_member_stat);
}

/* The title or rank badge under a poster's name ("Prominent Member",
 * "7+ Year Member"), named so by the forum software: the member's
 * standing, not what they wrote. Threads only, short boxes only. */
#define MEMBER_TITLE_MAX_CHARS 60

static bool is_member_title(const rm_engine *e, int32_t id)
{
    return e->thread && e->st[id].chars <= MEMBER_TITLE_MAX_CHARS && e->st[id].sentences == 0 &&
           heur_is_member_title_marker(dom_attr(&e->dom, id, "class"));
}

/* A post's toolbar laid out as a list ("permalink", "embed", "save",
 * "report", "reply"): two or more items, each one control
 * (heur_is_post_control). Lists are spared by conditional cleaning,
 * which would take the toolbar were it a box of links. Threads only. */
#define TOOLBAR_MAX_CHARS 120
#define TOOLBAR_ITEM_MAX_CHARS 30

/* One control standing alone under a post ("Report inappropriate
 * content", "Reply"), a link or a box (sites draw buttons as spans with a
 * script behind them), outside the post's paragraphs and headings. */
static bool is_post_control(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    GumboTag t = node(e, id)->tag;
    if (!e->thread || s->chars == 0 || s->chars > TOOLBAR_ITEM_MAX_CHARS || t == GUMBO_TAG_P ||
        heur_is_heading_tag(t) || (e->flags[id] & NF_IN_HEADING) || in_flow_text(e, id))
        return false;
    return folded_text_is(e, id, TOOLBAR_ITEM_MAX_CHARS, heur_is_post_control);
}

/* A link that runs a script ("javascript:…") on a thread: the software's
 * own control (old Reddit's "[–]" and "(11 children)" that fold a reply
 * tree), never a poster's words, since forum software strips script
 * links from what members write. */
static bool is_script_control(const rm_engine *e, int32_t id)
{
    if (!e->thread || node(e, id)->tag != GUMBO_TAG_A || e->st[id].chars > TOOLBAR_ITEM_MAX_CHARS)
        return false;
    const char *href = dom_attr(&e->dom, id, "href");
    if (!href)
        return false;
    href += strspn(href, " \t\n\r\f");
    return strncasecmp(href, "javascript:", 11) == 0;
}

static bool is_post_toolbar(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    if (!e->thread || (t != GUMBO_TAG_UL && t != GUMBO_TAG_OL) || e->st[id].chars == 0 ||
        e->st[id].chars > TOOLBAR_MAX_CHARS)
        return false;
    unsigned controls = 0;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (e->drop[c] != DROP_KEEP || node(e, c)->type != RM_NODE_ELEMENT || e->st[c].chars == 0)
            continue;
        if (node(e, c)->tag != GUMBO_TAG_LI ||
            !folded_text_is(e, c, TOOLBAR_ITEM_MAX_CHARS, heur_is_post_control))
            return false;
        controls++;
    }
    return controls >= 2;
}

/* A heading over a thread's replies that only counts them or names
 * their section (heur_is_thread_heading: "11 Answers", "Featured
 * Replies"), or a short box saying so. Threads only. */
#define THREAD_HEADING_MAX_CHARS 40

static bool is_thread_heading(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > THREAD_HEADING_MAX_CHARS || s->sentences > 0 ||
        (e->flags[id] & NF_IN_HEADING) || in_flow_text(e, id))
        return false;
    return folded_text_is(e, id, THREAD_HEADING_MAX_CHARS, heur_is_thread_heading);
}

/* A box of the thread's overview (heur_is_thread_overview_title: "Top
 * Posters In This Topic", "Most Popular Posts"): its first shown child is
 * a heading so titled. The member rankings and post excerpts under it go
 * with the heading, as the thread holds the posts whole. Threads only;
 * never a post itself, and under half the article's text: the overview
 * may sit among the posts, in a box of its own between two of them, and
 * the excerpts of its popular posts, alike, may be taken for the posts. */
#define OVERVIEW_TITLE_MAX_CHARS 40

static bool is_thread_overview_box(const rm_engine *e, int32_t id, int32_t root)
{
    GumboTag t = node(e, id)->tag;
    if (!e->thread || (t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION) ||
        node(e, id)->parent == e->posts || e->st[id].chars * 2 >= e->st[root].chars)
        return false;
    int32_t first = node(e, id)->first_child;
    while (first != RM_NONE && !shows_text(e, first))
        first = node(e, first)->next_sibling;
    return first != RM_NONE && node(e, first)->type == RM_NODE_ELEMENT &&
           heur_is_heading_tag(node(e, first)->tag) &&
           e->st[first].chars <= OVERVIEW_TITLE_MAX_CHARS &&
           folded_text_is(e, first, OVERVIEW_TITLE_MAX_CHARS, heur_is_thread_overview_title);
}

/* The notice a board sets over a thread for a reader who is not signed in
 * (heur_is_guest_notice): a short box standing on its own, outside the
 * posts or between them as a box of its own (most of a box unlike the
 * posts beside it), never part of a post (a member may write of being a
 * guest and signing up). Threads only. */
#define GUEST_NOTICE_MAX_CHARS 400
#define GUEST_NOTICE_SHARE 0.9

static bool stands_apart_from_posts(const rm_engine *e, int32_t id)
{
    if (e->posts == RM_NONE || !engine_contains(e, e->posts, id) || id == e->posts)
        return true;
    int32_t box = id;
    while (node(e, box)->parent != e->posts)
        box = node(e, box)->parent;
    if (e->st[id].chars < GUEST_NOTICE_SHARE * e->st[box].chars)
        return false;
    for (int32_t c = node(e, e->posts)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (c != box && node(e, c)->type == RM_NODE_ELEMENT && pagetype_same_kind(e, c, box))
            return false;
    return true;
}

static bool is_guest_notice(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > GUEST_NOTICE_MAX_CHARS || s->headings > 0 ||
        (e->flags[id] & NF_IN_CODE) || !stands_apart_from_posts(e, id))
        return false;
    return folded_text_is(e, id, GUEST_NOTICE_MAX_CHARS, heur_is_guest_notice);
}

/* The phone layout's copy of a post's header (heur_is_phone_only_marker:
 * the poster's name and the date again, in a bar the desktop layout
 * hides, beside the author pane it shows): the reader would see each of
 * them twice. A short box of no sentence, on a thread only; the desktop's
 * copy stays. */
#define PHONE_COPY_MAX_CHARS 200

static bool is_phone_copy(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    return e->thread && s->chars <= PHONE_COPY_MAX_CHARS && s->sentences == 0 && s->paragraphs == 0 &&
           heur_is_phone_only_marker(dom_attr(&e->dom, id, "class"));
}

/* A default avatar: the poster's initial drawn in a coloured box named
 * "avatar" where the member uploaded no picture ("B"). Threads only. */
#define AVATAR_INITIAL_MAX_CHARS 2

static bool is_avatar_initial(const rm_engine *e, int32_t id)
{
    return e->thread && e->st[id].chars > 0 && e->st[id].chars <= AVATAR_INITIAL_MAX_CHARS &&
           heur_is_avatar_marker(dom_attr(&e->dom, id, "class"));
}

/* The note under an edited post and the mark of a gap between posts
 * (heur_is_edit_note), standing on its own line. Threads only. */
#define EDIT_NOTE_MAX_CHARS 120

static bool is_edit_note(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > EDIT_NOTE_MAX_CHARS || s->paragraphs > 1 ||
        (e->flags[id] & (NF_IN_CODE | NF_IN_TABLE)))
        return false;
    return folded_text_is(e, id, EDIT_NOTE_MAX_CHARS, heur_is_edit_note);
}

/* The caption above a code block in a post ("Code: Select all",
 * heur_is_code_caption): the element right before the <pre>. Threads only. */
#define CODE_CAPTION_MAX_CHARS 40

static bool is_code_caption(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > CODE_CAPTION_MAX_CHARS || (e->flags[id] & NF_IN_CODE))
        return false;
    int32_t next = node(e, id)->next_sibling;
    while (next != RM_NONE && node(e, next)->type != RM_NODE_ELEMENT)
        next = node(e, next)->next_sibling;
    if (next == RM_NONE || node(e, next)->tag != GUMBO_TAG_PRE)
        return false;
    return folded_text_is(e, id, CODE_CAPTION_MAX_CHARS, heur_is_code_caption);
}

/* A member's profile laid out as a definition list (phpBB's "postprofile":
 * the term holds the avatar and the name linked to the profile, each
 * description a fact about the member: rank, post count, join date,
 * location, a board's own fields): the descriptions go, the name stays.
 * Threads only. */
static bool dt_holds_profile_link(const rm_engine *e, int32_t dt)
{
    int32_t end = engine_end(e, dt);
    for (int32_t i = dt + 1; i < end; i++)
        if (node(e, i)->tag == GUMBO_TAG_A && heur_is_profile_link(dom_attr(&e->dom, i, "href")))
            return true;
    return false;
}

static bool is_profile_fact(const rm_engine *e, int32_t id)
{
    if (!e->thread || node(e, id)->tag != GUMBO_TAG_DD)
        return false;
    int32_t dl = node(e, id)->parent;
    if (dl == RM_NONE || node(e, dl)->tag != GUMBO_TAG_DL)
        return false;
    for (int32_t c = node(e, dl)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (node(e, c)->tag == GUMBO_TAG_DT && dt_holds_profile_link(e, c))
            return true;
    return false;
}

/* A board's own member fields in the cell beside a post ("Member Type:
 * Student", "Native Language: Spanish", "Home Country: Spain"; the airline
 * and tier of a travel forum's member): a definition list of short rows
 * inside the member's cell, the short box of no sentence that holds the
 * poster's name (a link to the profile). The facts are the member's, not
 * the post's; the name stays by its own rule. Threads only. */
#define MEMBER_FIELDS_MAX_CHARS 200

static bool holds_profile_link(const rm_engine *e, int32_t box)
{
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->tag == GUMBO_TAG_A && heur_is_profile_link(dom_attr(&e->dom, i, "href")))
            return true;
    return false;
}

static bool is_member_fields(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || node(e, id)->tag != GUMBO_TAG_DL || s->chars == 0 ||
        s->chars > MEMBER_FIELDS_MAX_CHARS || s->sentences > 0 || holds_profile_link(e, id))
        return false;
    for (int32_t a = node(e, id)->parent; a != RM_NONE && a != e->posts; a = node(e, a)->parent) {
        const rm_stats *c = &e->st[a];
        if (c->sentences > 0 || c->paragraphs > 0 || c->chars > MEMBER_PANEL_MAX_CHARS)
            return false;
        if (holds_profile_link(e, a))
            return true;
    }
    return false;
}

/* The thread's statistics over its posts ("Replies 154 · Views 26.2k ·
 * Created 1 yr · Last Reply Sep 26", "Thread starter ann · Start date Oct
 * 8, 2024"): a short box of no sentence naming two or more of their labels
 * (heur_thread_stat_labels). Threads only. */
#define THREAD_STATS_MAX_CHARS 200

static bool has_two_thread_stats(const char *text, size_t len)
{
    return heur_thread_stat_labels(text, len) >= 2;
}

static bool is_thread_stats(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (!e->thread || s->chars == 0 || s->chars > THREAD_STATS_MAX_CHARS || s->sentences > 0 ||
        s->paragraphs > 0 || heur_is_heading_tag(node(e, id)->tag) ||
        (e->flags[id] & (NF_IN_CODE | NF_DATA_TABLE)))
        return false;
    return folded_text_is(e, id, THREAD_STATS_MAX_CHARS, has_two_thread_stats);
}

#define COUNTER_MAX_CHARS 8

/* A post's permalink number ("#12", a link) or a bare count beside a post
 * (votes, likes, "1,204"): digits and separators only. */
static bool is_post_number(const rm_engine *e, int32_t id)
{
    if (!e->thread || e->st[id].chars == 0 || e->st[id].chars > COUNTER_MAX_CHARS ||
        (e->flags[id] & (NF_IN_TABLE | NF_IN_CODE | NF_IN_HEADING)))
        return false;
    size_t len;
    char *text = engine_folded_text(e, id, e->drop, 32, &len);
    size_t i = 0;
    while (text && i < len && text[i] == ' ')
        i++;
    bool hash = text && i < len && text[i] == '#';
    if (hash && node(e, id)->tag != GUMBO_TAG_A)
        hash = false;
    size_t k = i + (hash ? 1 : 0);
    bool number = text && k < len && text[k] >= '0' && text[k] <= '9';
    for (; number && k < len; k++)
        number = (text[k] >= '0' && text[k] <= '9') || text[k] == ' ' || text[k] == ',' || text[k] == '.';
    free(text);
    return number;
}

/* A short paragraph made of two or more links and separators ("Download
 * the data | Print this page | Feedback"): page tools, not prose
 * (trafilatura's short-block link-density rule). */
static bool is_link_row(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id];
    return node(e, id)->tag == GUMBO_TAG_P && s->links >= 2 && s->chars < LINK_ROW_MAX_CHARS &&
           engine_link_density(s) > LINK_ROW_DENSITY;
}

/* A shop's card may be drawn as a <figure> around its linked picture, its
 * name, colours and price: in an index page's grid such a figure is the
 * card, and its words are the item's, not a picture's credit. */
static bool is_picture_credit(const rm_engine *e, int32_t id)
{
    return is_figure_credit(e, id) && !in_index_card(e, id);
}

/* A link aggregator lays out each entry of its listing as two table rows:
 * the entry (rank, linked title, site) and under it a row of short links
 * about it ("12 points by ada 1 hour ago | hide | past | 2 comments"):
 * the entry's furniture, as a card's counts and controls are. Told by the
 * pattern, not the words: nearly every row of the table (ENTRY_PAIR_SHARE)
 * is such a pair, the entry row holding a title-length link, the row under
 * it only short links. A table of names (laureates, a schedule) mixes
 * long and short names with no such alternation. Listings only. */
#define ENTRY_TITLE_MIN_CHARS 25   /* a title of a few words */
#define ENTRY_META_MAX_LINK 20     /* a user name, an age, "hide" */
#define ENTRY_META_MAX_CHARS 150   /* as BYLINE_MAX_CHARS */
#define ENTRY_PAIRS_MIN 5
#define ENTRY_PAIR_SHARE 0.8

/* The longest link text in a row. */
static uint32_t longest_link(const rm_engine *e, int32_t row)
{
    uint32_t most = 0;
    int32_t end = engine_end(e, row);
    for (int32_t i = engine_kept(e, row, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->tag == GUMBO_TAG_A && node(e, i)->type == RM_NODE_ELEMENT) {
            if (e->st[i].chars > most)
                most = e->st[i].chars;
            i = engine_end(e, i) - 1;
        }
    return most;
}

static bool is_meta_row_after(const rm_engine *e, int32_t row, int32_t entry)
{
    const rm_stats *s = &e->st[row];
    return entry != RM_NONE && s->links >= 2 && s->chars <= ENTRY_META_MAX_CHARS &&
           longest_link(e, entry) >= ENTRY_TITLE_MIN_CHARS &&
           longest_link(e, row) <= ENTRY_META_MAX_LINK;
}

/* The metadata rows of a table body laid out in pairs, removed once for
 * the whole table: one pass counts the pairs, the next removes them. */
static void remove_entry_meta_rows(rm_engine *e, int32_t body)
{
    if (e->page_type != RM_PAGE_LISTING)
        return;
    unsigned rows = 0, pairs = 0;
    for (int pass = 0; pass < 2; pass++) {
        int32_t prev = RM_NONE;
        for (int32_t c = node(e, body)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
            if (node(e, c)->tag != GUMBO_TAG_TR || e->drop[c] != DROP_KEEP || e->st[c].chars == 0)
                continue;
            rows += pass == 0;
            if (!is_meta_row_after(e, c, prev)) {
                prev = c;
                continue;
            }
            prev = RM_NONE;   /* a pair is two rows */
            if (pass == 0)
                pairs++;
            else
                remove_node(e, c);
        }
        if (pairs < ENTRY_PAIRS_MIN || 2.0 * pairs < ENTRY_PAIR_SHARE * rows)
            return;
    }
}

/* The poster's name in a box that conditional cleaning takes (the member
 * cell of a post: name, title, join date, post count, badges): a link to
 * the member's profile that the markup says is the name (inside a heading,
 * or itemprop=name, or rel=author), or that opens the box (its first
 * words: the cell leads with the name, its title and counts below). A
 * thread says who wrote each post. */
#define NAMED_BOX_MAX_CHARS 300

static int32_t poster_name_in(const rm_engine *e, int32_t box)
{
    if (!e->thread || e->st[box].chars > NAMED_BOX_MAX_CHARS || e->st[box].sentences > 0)
        return RM_NONE;
    bool first_words = true;
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (node(e, i)->type == RM_NODE_TEXT && !is_blank_text(e, i) && !(e->flags[i] & NF_IN_LINK))
            first_words = false;
        if (node(e, i)->tag != GUMBO_TAG_A || e->st[i].chars == 0 ||
            !heur_is_profile_link(dom_attr(&e->dom, i, "href"))) {
            if (node(e, i)->tag == GUMBO_TAG_A && e->st[i].chars > 0)
                first_words = false;
            continue;
        }
        const char *prop = dom_attr(&e->dom, i, "itemprop"), *rel = dom_attr(&e->dom, i, "rel");
        if (first_words || (e->flags[i] & NF_IN_HEADING) || (prop && strcmp(prop, "name") == 0) ||
            (rel && strstr(rel, "author")))
            return i;
        first_words = false;
    }
    return RM_NONE;
}

/* Remove all of `box` but the path down to `keep` and what it holds. */
static void remove_all_but(rm_engine *e, int32_t box, int32_t keep)
{
    for (int32_t at = box; at != keep;) {
        int32_t next = RM_NONE;
        for (int32_t c = node(e, at)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
            if (engine_contains(e, c, keep))
                next = c;
            else if (e->drop[c] == DROP_KEEP)
                remove_node(e, c);
        }
        at = next;
    }
}

/* A post's author cell drawn as an <aside> (Invision 5 puts the poster's
 * name, group and counts in one): an aside is removed outright, but on a
 * thread the poster's name in it stays as a short line, the rest goes.
 * Some layouts draw the cell twice (a desktop column and a header bar);
 * the second copy of the same name right after the first goes too. */
static bool same_name_before(const rm_engine *e, int32_t box, int32_t name)
{
    int32_t prev = RM_NONE;
    for (int32_t c = node(e, node(e, box)->parent)->first_child; c != box; c = node(e, c)->next_sibling)
        if (e->drop[c] == DROP_KEEP && node(e, c)->type == RM_NODE_ELEMENT)
            prev = c;
    if (prev == RM_NONE || e->st[prev].chars != e->st[name].chars)
        return false;
    size_t a_len, b_len;
    char *a = engine_folded_text(e, prev, e->drop, NAMED_BOX_MAX_CHARS * 4, &a_len);
    char *b = engine_folded_text(e, name, e->drop, NAMED_BOX_MAX_CHARS * 4, &b_len);
    bool same = a && b && a_len == b_len && memcmp(a, b, a_len) == 0;
    free(a);
    free(b);
    return same;
}

/* A reply's quote box: forum software draws a quoted post as an <aside>
 * holding a <blockquote> (the quote's title bar, then the quoted text).
 * It is what the reply answers, part of the post, not a sidebar; a quote
 * of a post the page already shows goes later, with the thread's other
 * repeats (repeats.c). */
static bool is_quote_box(const rm_engine *e, int32_t box)
{
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box + 1, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_ELEMENT && node(e, i)->tag == GUMBO_TAG_BLOCKQUOTE &&
            e->st[i].chars > 0)
            return true;
    return false;
}

/* Remove an aside, keeping a thread's poster name in it (see above). */
static void remove_aside(rm_engine *e, int32_t box)
{
    if (is_quote_box(e, box))
        return;
    int32_t name = poster_name_in(e, box);
    if (name == RM_NONE || same_name_before(e, box, name))
        remove_node(e, box);
    else
        remove_all_but(e, box, name);
}

/* The short rendering of a date inside a <time> that also holds the long
 * one (heur_is_rendering_marker): text without styles shows both ("June
 * 14, 20241 yr"); the long one, the date itself, stays. */
static bool is_short_date_copy(const rm_engine *e, int32_t id)
{
    int32_t parent = node(e, id)->parent;
    if (parent == RM_NONE || node(e, parent)->tag != GUMBO_TAG_TIME ||
        !heur_is_rendering_marker(dom_attr(&e->dom, id, "class"), "short"))
        return false;
    for (int32_t c = node(e, parent)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (c != id && node(e, c)->type == RM_NODE_ELEMENT && e->drop[c] == DROP_KEEP &&
            e->st[c].chars > 0 && heur_is_rendering_marker(dom_attr(&e->dom, c, "class"), "long"))
            return true;
    return false;
}

/* A thread's furniture around its posts (beside the poster's panel,
 * tested first as its name may stay): signature and fields, post numbers,
 * edit notes, toolbars and script links, the thread's own heading and
 * statistics. Each test is for threads only; asked once
 * whether the page is one, every element of other pages skips them all. */
static bool is_thread_furniture(const rm_engine *e, int32_t i, int32_t root)
{
    return is_post_signature(e, i, root) || is_machine_summary(e, i) || is_member_row(e, i) ||
           is_post_number(e, i) || is_member_title(e, i) || is_avatar_initial(e, i) ||
           is_edit_note(e, i) || is_code_caption(e, i) || is_phone_copy(e, i) ||
           is_post_toolbar(e, i) || is_post_control(e, i) || is_script_control(e, i) ||
           is_thread_heading(e, i) || is_thread_overview_box(e, i, root) || is_guest_notice(e, i) ||
           is_profile_fact(e, i) || is_member_fields(e, i) || is_thread_stats(e, i);
}

/* The elements that clean_article's later rules judge (conditional
 * cleaning's containers, paragraphs that may be left empty), in document
 * order as the first walk meets them, kept or not since: those rules read
 * the list instead of every node of the article again (on a big page, the
 * whole page twice over). Whoever reads it checks the node is still kept.
 * `complete` is false when memory ran out: the rules then walk the
 * article. */
typedef struct {
    int32_t *ids;
    size_t count, cap;
    bool complete;
} judged_list;

#define JUDGED_FIRST_CAP 64

static void note_judged(judged_list *l, int32_t id)
{
    if (!l->complete)
        return;
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : JUDGED_FIRST_CAP;
        int32_t *grown = realloc(l->ids, cap * sizeof *grown);
        if (!grown) {
            l->complete = false;
            return;
        }
        l->ids = grown;
        l->cap = cap;
    }
    l->ids[l->count++] = id;
}

static void clean_subtree_fixed(rm_engine *e, int32_t root, judged_list *judged)
{
    int32_t end = engine_end(e, root);
    byline_memo bylines = {NULL, false};
    judged->count = 0;
    for (int32_t i = engine_kept(e, root, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (node(e, i)->type != RM_NODE_ELEMENT)
            continue;
        GumboTag t = node(e, i)->tag;
        bool gone = false;
        if (t == GUMBO_TAG_P ||
            tag_in(t, conditional_tags, sizeof conditional_tags / sizeof conditional_tags[0]))
            note_judged(judged, i);
        if (t == GUMBO_TAG_ASIDE && i != root && e->thread) {
            remove_aside(e, i);
            continue;
        }
        if ((tag_in(t, removed_tags, sizeof removed_tags / sizeof removed_tags[0]) &&
             !(e->flags[i] & NF_DISCLOSER)) ||
            (t == GUMBO_TAG_IFRAME && !is_video_embed(e, i))) {
            gone = true;
        } else if (i != root &&
                   /* "share" is one of Readability's negative patterns: the
                    * signature holds it only when that bit was found (asked
                    * first: the node is at hand, its statistics may not be) */
                   (node(e, i)->names & HEUR_SIG_NEGATIVE) && e->st[i].chars < SHARE_MAX_CHARS &&
                   strstr(engine_sig(e, i), "share")) {
            gone = true;
        } else if ((t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2) &&
                   heur_heading_class_weight(engine_sig(e, i)) < 0) {
            gone = true;
        } else if (i != root && e->thread && is_member_panel(e, i)) {
            /* the panel goes, the poster's name leading it stays */
            int32_t name = poster_name_in(e, i);
            if (name != RM_NONE) {
                remove_all_but(e, i, name);
                continue;
            }
            gone = true;
        } else if (i != root && (is_byline_row(e, &bylines, i) || is_link_row(e, i) ||
                                 (e->thread && is_thread_furniture(e, i, root)) ||
                                 is_short_date_copy(e, i) || is_author_bio(e, i) ||
                                 is_picture_credit(e, i))) {
            gone = true;
        }
        if (gone)
            remove_node(e, i);
        else if (t == GUMBO_TAG_TBODY)
            remove_entry_meta_rows(e, i);
    }
}

/* The best-scoring block and the containers around it are the article;
 * their class names ("sidebar-grid", "content-hidden") do not matter. */
static bool holds_top_candidate(const rm_engine *e, int32_t id)
{
    return e->top_candidate != RM_NONE && engine_contains(e, id, e->top_candidate);
}

static void judge_container(rm_engine *e, int32_t i, uint32_t article_chars, unsigned attempt)
{
    if (e->drop[i] != DROP_KEEP || node(e, i)->type != RM_NODE_ELEMENT)
        return;
    if (!tag_in(node(e, i)->tag, conditional_tags, sizeof conditional_tags / sizeof conditional_tags[0]))
        return;
    if (holds_top_candidate(e, i) || !looks_like_boilerplate(e, i, article_chars, attempt) ||
        in_labelled_rows(e, i))
        return;
    int32_t name = poster_name_in(e, i);
    if (name != RM_NONE)
        remove_all_but(e, i, name);
    else
        remove_node(e, i);
}

static void clean_conditionally(rm_engine *e, int32_t root, unsigned attempt,
                                const judged_list *judged)
{
    /* The article's size before any removal: the measure of a prose box. */
    uint32_t article_chars = e->st[root].chars;
    /* Backwards: inner containers are judged before the ones around them.
     * Judging a node removes nodes of its own subtree only, which come
     * later in document order: the ones before it are as the first walk
     * left them. */
    if (judged->complete) {
        for (size_t k = judged->count; k-- > 0;)
            judge_container(e, judged->ids[k], article_chars, attempt);
        return;
    }
    for (int32_t i = root + (int32_t)node(e, root)->size - 1; i >= root; i--)
        judge_container(e, i, article_chars, attempt);
}

/* Paragraphs left with nothing in them. */
static void clear_if_empty(rm_engine *e, int32_t i)
{
    const rm_stats *s = &e->st[i];
    if (node(e, i)->tag == GUMBO_TAG_P && s->chars == 0 && s->images == 0 && s->embeds == 0)
        remove_node(e, i);
}

static void clean_empty_paragraphs(rm_engine *e, int32_t root, const judged_list *judged)
{
    if (judged->complete) {
        for (size_t k = 0; k < judged->count; k++)
            if (e->drop[judged->ids[k]] == DROP_KEEP)
                clear_if_empty(e, judged->ids[k]);
        return;
    }
    int32_t end = engine_end(e, root);
    for (int32_t i = engine_kept(e, root, end); i < end; i = engine_kept(e, i + 1, end))
        clear_if_empty(e, i);
}

/* The heading around text node `t`, or RM_NONE. A heading inside a list
 * item or a link, or holding a link, is a card's title (the last card of
 * a grid ends in one), not a section's. */
static int32_t heading_of(const rm_engine *e, int32_t t, int32_t root)
{
    for (int32_t a = node(e, t)->parent; a != RM_NONE && a >= root; a = node(e, a)->parent) {
        if (node(e, a)->tag == GUMBO_TAG_LI)
            return RM_NONE;
        if (heur_is_heading_tag(node(e, a)->tag) || (e->flags[a] & NF_ROLE_HEADING))
            return (e->flags[a] & (NF_IN_LINK | NF_HEADLINE | NF_IN_CODE)) || e->st[a].links > 0
                       ? RM_NONE : a;
    }
    return RM_NONE;
}

/* The last kept text of the roots, from `from` backwards: a text node
 * with something to read, or RM_NONE. */
static int32_t last_text(const rm_engine *e, int32_t from, int32_t root)
{
    for (int32_t i = from; i >= root; i--)
        if (node(e, i)->type == RM_NODE_TEXT && e->drop[i] == DROP_KEEP && e->tchars[i] > 0)
            return i;
    return RM_NONE;
}

/* A heading that nothing follows heads something that was removed (the
 * "What others are reading" over a dropped shelf, a "Share your story"
 * over its form, "Comments" over the thread): Trafilatura drops trailing
 * headings too. Twice at most, so that a heading over a heading goes;
 * never the article's only text. */
#define MAX_TRAILING_HEADINGS 2

static void clean_trailing_headings(rm_engine *e, const int32_t *roots, size_t n)
{
    int removed = 0;
    for (size_t k = n; k-- > 0;) {
        int32_t root = roots[k];
        for (;;) {
            int32_t t = last_text(e, engine_end(e, root) - 1, root);
            int32_t h = t == RM_NONE ? RM_NONE : heading_of(e, t, root);
            if (h == RM_NONE || h == root || removed++ == MAX_TRAILING_HEADINGS)
                return;
            if (last_text(e, h - 1, root) == RM_NONE && k == 0)
                return;
            remove_node(e, h);
            if (last_text(e, engine_end(e, root) - 1, root) == RM_NONE)
                break;   /* this root held only headings: look at the one before */
        }
    }
}

void clean_article(rm_engine *e, unsigned attempt, const int32_t *roots, size_t n)
{
    judged_list judged = {NULL, 0, 0, true};
    for (size_t k = 0; k < n; k++) {
        clean_subtree_fixed(e, roots[k], &judged);
        if (attempt & ATTEMPT_CLEAN_CONDITIONALLY)
            clean_conditionally(e, roots[k], attempt, &judged);
        clean_empty_paragraphs(e, roots[k], &judged);
    }
    free(judged.ids);
    clean_trailing_headings(e, roots, n);
}

/* ---- captions, for plain text ------------------------------------------- */

/* A figure that quotes, lists code or holds a table is captioned with its
 * source or title ("— Ada Lovelace", "Listing 2"), which reads as part of
 * the text; only a picture's caption needs the picture. */
static bool figure_of_text(const rm_engine *e, int32_t figure)
{
    if (e->flags[figure] & (NF_HAS_CODE | NF_HAS_DATA))
        return true;
    int32_t end = engine_end(e, figure);
    for (int32_t i = figure + 1; i < end; i++) {
        GumboTag t = node(e, i)->tag;
        if (node(e, i)->type == RM_NODE_ELEMENT &&
            (t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_PRE))
            return true;
    }
    return false;
}

/* Is `id` inside a box named as a captioned picture that holds an image
 * ("div.wp-caption > img + p.wp-caption-text"), within CAPTION_BOX_LEVELS?
 * Both names are needed: "caption" alone is also a type size in some
 * design kits ("caption-s"). */
static bool in_captioned_picture(const rm_engine *e, int32_t id)
{
    int32_t a = node(e, id)->parent;
    for (int level = 0; a != RM_NONE && level < CAPTION_BOX_LEVELS; level++, a = node(e, a)->parent)
        if (e->st[a].images > 0)
            return heur_is_caption_marker(dom_attr(&e->dom, a, "class"));
    return false;
}

/* A caption under a picture: a <figcaption> outside a figure of text, or
 * a short box classed as a caption beside an image. Trafilatura and
 * rs-trafilatura leave captions out of their text, and human-made ground
 * truth (WCXB) leaves them out of the article: plain text shows no
 * pictures, so a caption there is a stray line about nothing. The reader
 * HTML and Markdown keep them under their images. */
static bool is_picture_caption(const rm_engine *e, int32_t id)
{
    const rm_node *n = node(e, id);
    if (n->type != RM_NODE_ELEMENT || (e->flags[id] & (NF_IN_CODE | NF_IN_TABLE)))
        return false;
    /* Save a <figcaption>, a caption is named so by its class: a box that
     * cannot have one (its attribute bits say so) is none, told before
     * its statistics are read (from memory, on a big page). */
    if (n->tag != GUMBO_TAG_FIGCAPTION && !(n->has_attrs & DOM_ATTR_BIT("class")))
        return false;
    const rm_stats *s = &e->st[id];
    /* A linked caption is a card's title, not a picture's description. */
    if (engine_link_density(s) > CAPTION_MAX_LINK_DENSITY)
        return false;
    if (n->tag == GUMBO_TAG_FIGCAPTION) {
        int32_t a = n->parent;
        while (a != RM_NONE && node(e, a)->tag != GUMBO_TAG_FIGURE)
            a = node(e, a)->parent;
        return a == RM_NONE || !figure_of_text(e, a);
    }
    if (s->chars == 0 || s->chars > CAPTION_MAX_CHARS || s->images > 0 || s->headings > 0 ||
        heur_is_heading_tag(n->tag) || n->tag == GUMBO_TAG_CAPTION)
        return false;
    /* beside a picture first: most short boxes are not, and their class
     * list then need not be read */
    return ((e->flags[id] & NF_IN_FIGURE) || in_captioned_picture(e, id)) &&
           heur_is_caption_marker(dom_attr(&e->dom, id, "class"));
}

/* Characters of the captions in the roots; with `mask`, also drop them. */
static uint32_t captions_in_roots(const rm_engine *e, const int32_t *roots, size_t n, uint8_t *mask)
{
    uint32_t chars = 0;
    for (size_t k = 0; k < n; k++) {
        int32_t end = engine_end(e, roots[k]);
        for (int32_t i = roots[k] + 1; i < end; i++) {
            if (e->drop[i] != DROP_KEEP || !is_picture_caption(e, i))
                continue;
            chars += e->st[i].chars;
            int32_t stop = engine_end(e, i);
            for (int32_t j = i; mask && j < stop; j++)
                if (mask[j] == DROP_KEEP)
                    mask[j] = DROP_CLEANED;
            i = stop - 1;
        }
    }
    return chars;
}

void clean_captions_for_text(const rm_engine *e, const int32_t *roots, size_t n, uint8_t *mask)
{
    uint32_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += e->st[roots[k]].chars;
    /* In a photo essay the captions tell the story: they are the text. */
    uint32_t captions = captions_in_roots(e, roots, n, NULL);
    if (captions == 0 || captions > total * CAPTION_MAX_SHARE)
        return;
    captions_in_roots(e, roots, n, mask);
}

/* ---- title duplicates and bylines (before scoring) ---------------------- */

/* Readability's _textSimilarity: the share of b's words that are also in
 * a, measured in characters of the joined words. Words are runs of letters
 * and digits of any script. */
typedef struct {
    const char *s;
    size_t len;
} word;

static size_t split_words(const char *text, size_t len, word *out, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        while (i < len && !((unsigned char)text[i] >= 0x80 || (text[i] >= '0' && text[i] <= '9') ||
                            (text[i] >= 'a' && text[i] <= 'z') || text[i] == '_'))
            i++;
        size_t start = i;
        while (i < len && ((unsigned char)text[i] >= 0x80 || (text[i] >= '0' && text[i] <= '9') ||
                           (text[i] >= 'a' && text[i] <= 'z') || text[i] == '_'))
            i++;
        if (i > start)
            out[n++] = (word){text + start, i - start};
    }
    return n;
}

static bool has_word(const word *ws, size_t n, word w)
{
    for (size_t i = 0; i < n; i++)
        if (ws[i].len == w.len && memcmp(ws[i].s, w.s, w.len) == 0)
            return true;
    return false;
}

#define MAX_TITLE_WORDS 64

static double text_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
    word wa[MAX_TITLE_WORDS], wb[MAX_TITLE_WORDS];
    size_t na = split_words(a, alen, wa, MAX_TITLE_WORDS);
    size_t nb = split_words(b, blen, wb, MAX_TITLE_WORDS);
    if (na == 0 || nb == 0)
        return 0.0;
    size_t total = 0, unique = 0;
    for (size_t i = 0; i < nb; i++) {
        total += wb[i].len + (i > 0);
        if (!has_word(wa, na, wb[i]))
            unique += wb[i].len + (unique > 0);
    }
    return 1.0 - (double)unique / (double)total;
}

/* A reply's subject line on a thread ("Re: Quiet fans", heur_reply_prefix):
 * the thread's title again over every post that keeps the subject the
 * software filled in. The outermost box holding only that line goes, and
 * a subject the poster changed (its words not the title's) stays. */
#define REPLY_SUBJECT_SLACK 24

static bool is_reply_subject(const rm_engine *e, int32_t id, const char *folded_title,
                             size_t title_len)
{
    uint32_t chars = e->raw[id].chars;
    if (chars == 0 || chars > title_len + REPLY_SUBJECT_SLACK)
        return false;
    size_t len;
    char *text = engine_folded_text(e, id, e->drop, title_len + REPLY_SUBJECT_SLACK * 4, &len);
    size_t at = text ? heur_reply_prefix(text, len) : 0;
    bool subject = at > 0 && at < len &&
                   text_similarity(folded_title, title_len, text + at, len - at) > TITLE_SIMILARITY;
    free(text);
    return subject;
}

static void drop_reply_subjects(rm_engine *e, const char *folded_title, size_t title_len)
{
    int32_t body = e->dom.body;
    int32_t end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_ELEMENT && is_reply_subject(e, i, folded_title, title_len)) {
            engine_drop_subtree(e, i, DROP_CLEANED);
            i = engine_end(e, i) - 1;
        }
}

void clean_title_and_byline(rm_engine *e, const char *folded_title, size_t title_len)
{
    /* A byline found in a post of a thread or an entry of an index's
     * description list is that post's or entry's, and stays with it. */
    if (e->byline_node != RM_NONE && e->drop[e->byline_node] == DROP_KEEP && !e->thread &&
        !in_index_description(e, e->byline_node))
        engine_drop_subtree(e, e->byline_node, DROP_CLEANED);
    if (!folded_title || title_len == 0 || e->dom.body == RM_NONE)
        return;
    if (e->thread)
        drop_reply_subjects(e, folded_title, title_len);
    int32_t body = e->dom.body;
    int32_t end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end)) {
        GumboTag t = node(e, i)->tag;
        if (t != GUMBO_TAG_H1 && t != GUMBO_TAG_H2)
            continue;
        size_t len;
        char *text = engine_folded_text(e, i, e->drop, 1024, &len);
        if (!text)
            continue;
        /* Readability's test is one-sided; a short subheading made of title
         * words ("The thread") must also be most of the title's length. */
        if (text_similarity(folded_title, title_len, text, len) > TITLE_SIMILARITY &&
            len * 2 >= title_len) {
            engine_drop_subtree(e, i, DROP_CLEANED);
            if (e->title_node == RM_NONE)
                e->title_node = i;
        }
        free(text);
    }
}
