/*
 * repeats.c — a second copy of a block of text inside the article goes.
 *
 * Pages ship some of their text twice: a desktop and a mobile layout of
 * the same section, one of them hidden by a media query that no
 * extractor evaluates; sliders that clone their slides; a reply that
 * quotes the post it answers. Read in document order, each copy doubles
 * the text. Trafilatura drops repeated text segments the same way (its
 * duplicate test). A block is an element of text without block children
 * (a paragraph, list item, heading, a div of text); only blocks of a
 * sentence or more count, since short lines ("Learn more", "Yes", a
 * price) repeat by nature. Never code, data table cells (a column repeats its
 * values), tab panels (each panel is the whole text again in another
 * language or for another platform, by design), nor manuals, where the
 * same parameter text under two entries is the manual's structure.
 *
 * A product page is built twice more often than any other: a layout for
 * phones (accordions) and one for desktops (tabs) of the same
 * description and specifications, the buy box again in a sticky bar,
 * each feature card again in a carousel's clones. There a copy goes from
 * a few words on ("Material: 100% cotton", a feature's title), tab
 * panels included, since the panels repeat the page, not another
 * language.
 * Rows of a data table count there too, as blocks of their own.
 * Measured on WCXB dev: product +0.009, 31 pages up, 6 down.
 *
 * On a collection or listing, the cards of the grid are different items:
 * a sentence three or more of them share is said of each (index_grid).
 *
 * On a thread, a reply's quote of an earlier post, and any block of text
 * the thread showed before (an "in reply to" excerpt, a collapsed and an
 * expanded copy of a post), is compared by its words rather than by its
 * exact text (clean_thread_repeats): forum software reflows what it
 * repeats (line breaks for paragraphs, a cut after a few lines, the
 * quoted author's name on top, other punctuation), so the copy and its
 * original seldom share a block of the same bytes. A quote is judged
 * whole, with its header.
 */
#include "engine.h"
#include "hashset.h"
#include "heuristics.h"

#include <stdlib.h>
#include <string.h>

#define REPEAT_MIN_BYTES 80      /* a sentence or more, case-folded bytes */
#define REPEAT_MAX_BYTES 4096    /* longer blocks compared by this prefix */
#define PRODUCT_REPEAT_MIN_BYTES 16   /* product pages: a label and its value */

/* Elements that hold a block of text. */
static const GumboTag text_block_tags[] = {
    GUMBO_TAG_P,  GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_H1, GUMBO_TAG_H2,
    GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_DIV,
    GUMBO_TAG_SECTION, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_BLOCKQUOTE,
};

static bool is_text_block_tag(GumboTag t)
{
    for (size_t i = 0; i < sizeof text_block_tags / sizeof text_block_tags[0]; i++)
        if (text_block_tags[i] == t)
            return true;
    return false;
}

/* A block of text: a text-block element none of whose kept children is a
 * block or a list item (those are the blocks, not it). */
static bool is_leaf_block(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    if (n->type != RM_NODE_ELEMENT || !is_text_block_tag(n->tag))
        return false;
    for (int32_t c = n->first_child; c != RM_NONE; c = e->dom.nodes[c].next_sibling) {
        GumboTag t = e->dom.nodes[c].tag;
        if (e->drop[c] == DROP_KEEP && e->dom.nodes[c].type == RM_NODE_ELEMENT &&
            (heur_is_block_tag(t) || t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT))
            return false;
    }
    return true;
}

/* Inside a tab or accordion panel? */
static bool in_tab_panel(const rm_engine *e, int32_t id)
{
    for (int32_t a = id; a != RM_NONE; a = e->dom.nodes[a].parent) {
        if (e->dom.nodes[a].type != RM_NODE_ELEMENT)
            continue;
        const char *role = dom_attr(&e->dom, a, "role");
        const char *cls = dom_attr(&e->dom, a, "class");
        if ((role && strcmp(role, "tabpanel") == 0) || (cls && heur_is_tab_panel(cls)))
            return true;
    }
    return false;
}

typedef struct {
    hashset text;     /* the blocks' texts seen so far */
    hashset placed;   /* the same, each with the parent it was seen under */
} seen_blocks;

/* Judge one leaf block: a text seen before under another parent is a
 * copy and goes. Under the same parent it stays: a paragraph repeated in
 * the flow of the text is what the author wrote (and what Readability's
 * test pages of repeated filler hold); on a product page a line shorter
 * than a sentence goes there too (carousels clone their slides side by
 * side). Returns -1 when out of memory. */
/* The hash of the block's case-folded text (its first REPEAT_MAX_BYTES),
 * and in *len that text's length; -1 when out of memory. */
static int block_hash(const rm_engine *e, int32_t id, uint64_t *h, size_t *len)
{
    char buf[REPEAT_MAX_BYTES + 1];   /* every block meets this: no allocation */
    char *text = engine_fold_into(e, id, e->drop, REPEAT_MAX_BYTES, buf, len);
    if (!text)
        return -1;
    *h = hashset_hash(text, *len);
    if (text != buf)
        free(text);
    return 0;
}

static int judge_block(rm_engine *e, int32_t id, seen_blocks *seen)
{
    bool product = e->page_type == RM_PAGE_PRODUCT;
    size_t min = product ? PRODUCT_REPEAT_MIN_BYTES : REPEAT_MIN_BYTES;
    if (engine_folds_shorter_than(e, id, e->drop, min))
        return 0;   /* as below, without the fold */
    size_t len;
    uint64_t h;
    if (block_hash(e, id, &h, &len))
        return -1;
    if (len < min)
        return 0;
    uint64_t parent = (uint64_t)(uint32_t)e->dom.nodes[id].parent;
    uint64_t here = (h ^ (parent * 0x9E3779B97F4A7C15ull)) | 1;
    bool short_copy = product && len < REPEAT_MIN_BYTES;   /* a clone slide, a badge */
    if (hashset_has(&seen->text, h) && (short_copy || !hashset_has(&seen->placed, here)) &&
        (product || !in_tab_panel(e, id))) {
        engine_drop_subtree(e, id, DROP_CLEANED);
        return 0;
    }
    return hashset_add(&seen->text, h) || hashset_add(&seen->placed, here) ? -1 : 0;
}

/* A row of a product's table of specifications: the table is often
 * there twice (a tab and an accordion), and a row ("Weight | 550 g") is
 * judged as a block of its own there. */
static bool is_product_spec_row(const rm_engine *e, int32_t id)
{
    return e->page_type == RM_PAGE_PRODUCT && e->dom.nodes[id].tag == GUMBO_TAG_TR &&
           (e->flags[id] & NF_DATA_TABLE) && !(e->flags[id] & NF_IN_CODE);
}

/* On a product page a copy may be a group of short lines, none long
 * enough to count alone: the buy box again ("Colour", "Moon Silver",
 * "Sold out", "$168.00"), the specifications again as label and value
 * boxes. A box of two or more children that show words, of at most
 * GROUP_MAX_CHARS, whose text was seen before as such a group, is a
 * copy. */
#define GROUP_MAX_CHARS 2000

/* Does the subtree keep a text of more than a character? */
static bool shows_words(const rm_engine *e, int32_t id)
{
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id, end); i < end; i = engine_kept(e, i + 1, end))
        if (e->dom.nodes[i].type == RM_NODE_TEXT && e->tchars[i] > 1)
            return true;
    return false;
}

static bool is_group(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    if (n->type != RM_NODE_ELEMENT || e->raw[id].chars > GROUP_MAX_CHARS ||
        (n->tag != GUMBO_TAG_DIV && n->tag != GUMBO_TAG_SECTION && n->tag != GUMBO_TAG_UL &&
         n->tag != GUMBO_TAG_OL && n->tag != GUMBO_TAG_DL))
        return false;
    int shown = 0;
    for (int32_t c = n->first_child; c != RM_NONE && shown < 2; c = e->dom.nodes[c].next_sibling)
        if (e->drop[c] == DROP_KEEP && (e->dom.nodes[c].type == RM_NODE_ELEMENT || e->tchars[c] > 1) &&
            shows_words(e, c))
            shown++;
    return shown >= 2;
}

static int clean_repeated_groups(rm_engine *e, const int32_t *roots, size_t n)
{
    seen_blocks seen = {{0}, {0}};
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        int32_t end = engine_end(e, roots[k]);
        for (int32_t i = engine_kept(e, roots[k], end); i < end && rc == 0;
             i = engine_kept(e, i + 1, end)) {
            if (e->flags[i] & (NF_IN_CODE | NF_DATA_TABLE) || !is_group(e, i))
                continue;
            rc = judge_block(e, i, &seen);
            if (e->drop[i] != DROP_KEEP)
                i = engine_end(e, i) - 1;
        }
    }
    hashset_free(&seen.text);
    hashset_free(&seen.placed);
    return rc;
}

/* The grid of cards of a collection or listing: its cards are different
 * items, and a line that three or more of them share (the product line's
 * summary, the organiser's blurb under each of its events) is said of
 * each, not a copy. A line shown twice is more often the same item shown
 * twice (a featured copy of a card), and goes as before; so does a card's
 * name, a heading or a link; the lines said twice inside one card are
 * cards.c's to judge. */
#define CARD_LINE_MIN_CARDS 3

static int32_t index_grid(const rm_engine *e)
{
    bool index = e->page_type == RM_PAGE_COLLECTION || e->page_type == RM_PAGE_LISTING;
    return index ? e->cards : RM_NONE;
}

/* A block of the grid that may be a line cards share: unlinked, no heading. */
static bool may_be_card_line(const rm_engine *e, int32_t grid, int32_t block)
{
    return grid != RM_NONE && block != grid && engine_contains(e, grid, block) &&
           e->raw[block].links == 0 && !heur_is_heading_tag(e->dom.nodes[block].tag);
}

/* The lines (as hashes) that CARD_LINE_MIN_CARDS or more blocks of the
 * grid show, into `shared`: each count kept as membership of a set per
 * count. */
static int find_shared_lines(const rm_engine *e, int32_t grid, hashset *shared)
{
    if (grid == RM_NONE)
        return 0;
    hashset seen[CARD_LINE_MIN_CARDS - 1] = {{0}};
    int rc = 0;
    int32_t end = engine_end(e, grid);
    for (int32_t i = engine_kept(e, grid, end); i < end && rc == 0; i = engine_kept(e, i + 1, end)) {
        if (e->flags[i] & (NF_IN_CODE | NF_DATA_TABLE) || !is_leaf_block(e, i) ||
            !may_be_card_line(e, grid, i))
            continue;
        int32_t block = i;
        i = engine_end(e, i) - 1;   /* a block's inside is its text */
        uint64_t h;
        size_t len;
        if (engine_folds_shorter_than(e, block, e->drop, REPEAT_MIN_BYTES) || (rc = block_hash(e, block, &h, &len)) != 0)
            continue;
        int k = 0;
        while (k < CARD_LINE_MIN_CARDS - 1 && hashset_has(&seen[k], h))
            k++;
        rc = hashset_add(k < CARD_LINE_MIN_CARDS - 1 ? &seen[k] : shared, h);
    }
    for (int k = 0; k < CARD_LINE_MIN_CARDS - 1; k++)
        hashset_free(&seen[k]);
    return rc ? -1 : 0;
}

/* Is `block` a line that cards share (find_shared_lines)? */
static bool card_line(const rm_engine *e, int32_t grid, const hashset *shared, int32_t block)
{
    uint64_t h;
    size_t len;
    return shared->count > 0 && may_be_card_line(e, grid, block) &&
           !engine_folds_shorter_than(e, block, e->drop, REPEAT_MIN_BYTES) && block_hash(e, block, &h, &len) == 0 &&
           hashset_has(shared, h);
}

int clean_repeated_blocks(rm_engine *e, const int32_t *roots, size_t n)
{
    if (e->page_type == RM_PAGE_PRODUCT && clean_repeated_groups(e, roots, n))
        return -1;
    if (e->page_type == RM_PAGE_DOCUMENTATION)
        return 0;
    int32_t grid = index_grid(e);
    hashset shared = {0};
    seen_blocks seen = {{0}, {0}};
    int rc = find_shared_lines(e, grid, &shared);
    for (size_t k = 0; k < n && rc == 0; k++) {
        int32_t end = engine_end(e, roots[k]);
        for (int32_t i = engine_kept(e, roots[k], end); i < end && rc == 0;
             i = engine_kept(e, i + 1, end)) {
            if (is_product_spec_row(e, i)) {
                rc = judge_block(e, i, &seen);
                i = engine_end(e, i) - 1;
                continue;
            }
            if (e->flags[i] & (NF_IN_CODE | NF_DATA_TABLE) || !is_leaf_block(e, i))
                continue;
            if (!card_line(e, grid, &shared, i))
                rc = judge_block(e, i, &seen);
            i = engine_end(e, i) - 1;   /* a block's inside is its text */
        }
    }
    hashset_free(&shared);
    hashset_free(&seen.text);
    hashset_free(&seen.placed);
    return rc;
}

/* ---- threads: text said before ------------------------------------------------ */

#define SHINGLE_WORDS 4          /* words per shingle: a phrase, not a common word */
#define QUOTE_MIN_SHINGLES 6     /* a sentence or more of text */
#define QUOTE_SEEN_SHARE 0.8     /* this much of a block said before: a copy
                                    (0.5 to 0.95 score alike on the WCXB
                                    development threads) */

/* Word shingles over a stream of text nodes: the hash of each run of
 * SHINGLE_WORDS consecutive words. A word is a run of ASCII letters and
 * digits or of non-ASCII bytes, compared lower-cased. */
typedef struct {
    uint64_t words[SHINGLE_WORDS];
    size_t count;   /* words read so far */
} shingler;

typedef struct {
    hashset *seen;   /* shingles of the text before */
    bool record;     /* add each shingle to `seen`; otherwise keep the new
                        ones in `fresh`, for the block's verdict */
    uint64_t *fresh;
    size_t fresh_count, fresh_cap;
    size_t total, known;
    int rc;
} shingle_sink;

static void keep_fresh(shingle_sink *sink, uint64_t h)
{
    if (sink->fresh_count == sink->fresh_cap) {
        size_t cap = sink->fresh_cap ? 2 * sink->fresh_cap : 64;
        uint64_t *grown = realloc(sink->fresh, cap * sizeof *grown);
        if (!grown) {
            sink->rc = -1;
            return;
        }
        sink->fresh = grown;
        sink->fresh_cap = cap;
    }
    sink->fresh[sink->fresh_count++] = h;
}

/* Each byte as a word compares it (ASCII letters lower-cased, digits and
 * non-ASCII bytes as they are), or 0 for a byte between words: one look-up
 * per byte of every thread's text. */
#define WORD_BYTE(c)                                                                          \
    ((unsigned char)((c) >= 0x80 || ((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') \
                         ? (c)                                                                \
                     : (c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A')                           \
                                                : 0))
#define WORD_BYTES4(c) WORD_BYTE(c), WORD_BYTE((c) + 1), WORD_BYTE((c) + 2), WORD_BYTE((c) + 3)
#define WORD_BYTES16(c) WORD_BYTES4(c), WORD_BYTES4((c) + 4), WORD_BYTES4((c) + 8), WORD_BYTES4((c) + 12)
static const unsigned char word_byte[256] = {
    WORD_BYTES16(0x00), WORD_BYTES16(0x10), WORD_BYTES16(0x20), WORD_BYTES16(0x30),
    WORD_BYTES16(0x40), WORD_BYTES16(0x50), WORD_BYTES16(0x60), WORD_BYTES16(0x70),
    WORD_BYTES16(0x80), WORD_BYTES16(0x90), WORD_BYTES16(0xA0), WORD_BYTES16(0xB0),
    WORD_BYTES16(0xC0), WORD_BYTES16(0xD0), WORD_BYTES16(0xE0), WORD_BYTES16(0xF0),
};

static void take_word(shingler *sh, uint64_t word, shingle_sink *sink)
{
    sh->words[sh->count % SHINGLE_WORDS] = word;
    if (++sh->count < SHINGLE_WORDS)
        return;
    uint64_t h = 1469598103934665603ull;
    for (size_t k = sh->count - SHINGLE_WORDS; k < sh->count; k++)
        h = (h ^ sh->words[k % SHINGLE_WORDS]) * 1099511628211ull;
    h |= 1;
    sink->total++;
    if (hashset_has(sink->seen, h))
        sink->known++;
    else if (!sink->record)
        keep_fresh(sink, h);
    else if (hashset_add(sink->seen, h))
        sink->rc = -1;
}

static void shingle_text(const char *text, shingler *sh, shingle_sink *sink)
{
    const unsigned char *t = (const unsigned char *)text;
    for (;;) {
        while (*t && !word_byte[*t])
            t++;
        if (!*t)
            break;
        uint64_t h = 1469598103934665603ull;
        for (unsigned char c; (c = word_byte[*t]) != 0; t++)
            h = (h ^ c) * 1099511628211ull;
        take_word(sh, h, sink);
    }
}

/* Shingle the kept text of `id`'s subtree. */
static void shingle_subtree(const rm_engine *e, int32_t id, shingler *sh, shingle_sink *sink)
{
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id, end); i < end && sink->rc == 0; i = engine_kept(e, i + 1, end))
        if (e->dom.nodes[i].type == RM_NODE_TEXT && !(e->flags[i] & NF_NEVER))
            shingle_text(e->dom.nodes[i].text, sh, sink);
}

/* Judge one quote or block against `seen`: mostly said before, it goes;
 * otherwise its new shingles join what was said. Returns -1 when out of
 * memory. */
static int judge_said_before(rm_engine *e, int32_t quote, hashset *seen)
{
    shingler sh = {{0}, 0};
    shingle_sink sink = {.seen = seen, .record = false};
    shingle_subtree(e, quote, &sh, &sink);
    if (sink.rc == 0 && sink.total >= QUOTE_MIN_SHINGLES &&
        sink.known >= QUOTE_SEEN_SHARE * (double)sink.total)
        engine_drop_subtree(e, quote, DROP_CLEANED);
    else
        for (size_t k = 0; k < sink.fresh_count && sink.rc == 0; k++)
            if (hashset_add(seen, sink.fresh[k]))
                sink.rc = -1;
    free(sink.fresh);
    return sink.rc;
}

/* A block to judge on a thread: a quote, or a leaf block of text outside
 * code and data tables. */
static bool is_judged_block(const rm_engine *e, int32_t id)
{
    const rm_node *node = &e->dom.nodes[id];
    if (node->type != RM_NODE_ELEMENT || (e->flags[id] & (NF_IN_CODE | NF_DATA_TABLE)))
        return false;
    return node->tag == GUMBO_TAG_BLOCKQUOTE || is_leaf_block(e, id);
}

int clean_thread_repeats(rm_engine *e, const int32_t *roots, size_t n)
{
    if (!e->thread)
        return 0;
    hashset seen = {0};
    shingler sh = {{0}, 0};
    shingle_sink sink = {.seen = &seen, .record = true};
    for (size_t k = 0; k < n && sink.rc == 0; k++) {
        int32_t end = engine_end(e, roots[k]);
        for (int32_t i = engine_kept(e, roots[k], end); i < end && sink.rc == 0;
             i = engine_kept(e, i + 1, end)) {
            const rm_node *node = &e->dom.nodes[i];
            if (is_judged_block(e, i)) {
                sink.rc = judge_said_before(e, i, &seen);
                sh.count = 0;   /* no shingle spans a block's edge */
                i = engine_end(e, i) - 1;
            } else if (node->type == RM_NODE_TEXT && !(e->flags[i] & NF_NEVER)) {
                shingle_text(node->text, &sh, &sink);
            }
        }
    }
    hashset_free(&seen);
    return sink.rc;
}
