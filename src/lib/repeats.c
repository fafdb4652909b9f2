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
 * test pages of repeated filler hold). Returns -1 when out of memory. */
static int judge_block(rm_engine *e, int32_t id, seen_blocks *seen)
{
    size_t len;
    char buf[REPEAT_MAX_BYTES + 1];   /* every block meets this: no allocation */
    char *text = engine_fold_into(e, id, e->drop, REPEAT_MAX_BYTES, buf, &len);
    if (!text)
        return -1;
    uint64_t h = hashset_hash(text, len);
    if (text != buf)
        free(text);
    if (len < REPEAT_MIN_BYTES)
        return 0;
    uint64_t parent = (uint64_t)(uint32_t)e->dom.nodes[id].parent;
    uint64_t here = (h ^ (parent * 0x9E3779B97F4A7C15ull)) | 1;
    if (hashset_has(&seen->text, h) && !hashset_has(&seen->placed, here) && !in_tab_panel(e, id)) {
        engine_drop_subtree(e, id, DROP_CLEANED);
        return 0;
    }
    return hashset_add(&seen->text, h) || hashset_add(&seen->placed, here) ? -1 : 0;
}

int clean_repeated_blocks(rm_engine *e, const int32_t *roots, size_t n)
{
    if (e->page_type == RM_PAGE_DOCUMENTATION)
        return 0;
    seen_blocks seen = {{0}, {0}};
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        int32_t end = engine_end(e, roots[k]);
        for (int32_t i = engine_kept(e, roots[k], end); i < end && rc == 0;
             i = engine_kept(e, i + 1, end)) {
            if (e->flags[i] & (NF_IN_CODE | NF_DATA_TABLE) || !is_leaf_block(e, i))
                continue;
            rc = judge_block(e, i, &seen);
            i = engine_end(e, i) - 1;   /* a block's inside is its text */
        }
    }
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

static bool is_word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((unsigned)((c | 0x20) - 'a') < 26u);
}

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
    while (*t) {
        while (*t && !is_word_byte(*t))
            t++;
        if (!*t)
            break;
        uint64_t h = 1469598103934665603ull;
        for (; *t && is_word_byte(*t); t++)
            h = (h ^ (unsigned char)(*t >= 'A' && *t <= 'Z' ? *t + ('a' - 'A') : *t)) * 1099511628211ull;
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
