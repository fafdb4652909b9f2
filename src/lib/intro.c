/*
 * intro.c — the introduction under a page's heading stays with its content.
 *
 * A shop's category page or a section front opens with its heading and a
 * line or two about what it holds ("With a Cuisinart bread maker you can
 * make your own loaves..."), set in a hero box or masthead apart from the
 * grid of cards or the buying guide that the scorer chose. That box holds
 * little text and a picture, so no scorer takes it, and the choice starts
 * below it; yet the introduction is the page's own prose, as a reader
 * sees it under the heading. The same holds for a landing page's hero
 * (the firm's line under its name) and a product page's summary above the
 * description. On those pages the page's <h1> and the plain paragraphs
 * between it and the chosen content, up to the next heading, are kept in
 * front of the choice, when they are few and short: much prose there is
 * content the scorer weighed and left, not an introduction.
 */
#include "engine.h"
#include "heuristics.h"

#define INTRO_MIN_CHARS 40       /* a sentence, not a label or a price */
#define INTRO_MAX_CHARS 2400     /* a few paragraphs in all */
#define INTRO_MAX_BLOCKS 8
#define INTRO_LINK_DENSITY 0.3   /* prose, not a row of links */

/* A block of prose: a paragraph, or a div holding only inline text. */
static bool is_prose_block(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    if (n->type != RM_NODE_ELEMENT)
        return false;
    if (n->tag != GUMBO_TAG_P && !(n->tag == GUMBO_TAG_DIV && !e->has_block[id]))
        return false;
    const rm_stats *s = &e->raw[id];
    return s->chars >= INTRO_MIN_CHARS && engine_link_density(s) < INTRO_LINK_DENSITY &&
           !(e->flags[id] & (NF_IN_CODE | NF_IN_TABLE));
}

/* Inside an overlay (a dialog, a fixed box): a cookie notice's heading
 * opens no content. */
static bool in_overlay(const rm_engine *e, int32_t id)
{
    for (int32_t a = id; a != RM_NONE; a = e->dom.nodes[a].parent)
        if (e->flags[a] & NF_FIXED)
            return true;
    return false;
}

/* The first <h1> before `before` that the mask keeps, or that was taken
 * out only for repeating the title (the heading still opens the page's
 * content); RM_NONE when there is none. */
static int32_t first_h1(const rm_engine *e, const uint8_t *mask, int32_t before)
{
    for (int32_t i = e->dom.body; i < before; i++) {
        if (mask[i] != DROP_KEEP && i != e->title_node) {
            i = engine_end(e, i) - 1;
            continue;
        }
        if (e->dom.nodes[i].tag == GUMBO_TAG_H1 && e->raw[i].chars > 0 && !in_overlay(e, i))
            return i;
    }
    return RM_NONE;
}

/* Pages whose content the scorer gathers from below a hero box: index,
 * product and landing pages. A story's standfirst, a thread's and a
 * manual's opening are the scorer's to weigh (on the WCXB development
 * pages, taking them so lowered articles from 0.9540 to 0.9531). */
static bool introduced(rm_page_type type)
{
    return type == RM_PAGE_COLLECTION || type == RM_PAGE_LISTING || type == RM_PAGE_PRODUCT ||
           type == RM_PAGE_SERVICE;
}

size_t intro_blocks(const rm_engine *e, const uint8_t *mask, const int32_t *roots, size_t n,
                    int32_t *out, size_t max)
{
    if (!introduced(e->page_type) || n == 0 || e->dom.body == RM_NONE ||
        max < INTRO_MAX_BLOCKS + 1)
        return 0;
    int32_t first = roots[0];   /* the choice's first node in the page */
    for (size_t k = 1; k < n; k++)
        if (roots[k] < first)
            first = roots[k];
    int32_t h1 = first_h1(e, mask, first);
    if (h1 == RM_NONE || engine_end(e, h1) > first)
        return 0;
    size_t count = 0;
    uint32_t chars = 0;
    size_t prose = 0;
    if (mask[h1] == DROP_KEEP)
        out[count++] = h1;
    for (int32_t i = engine_kept_by(mask, e, engine_end(e, h1), first); i < first;
         i = engine_kept_by(mask, e, i + 1, first)) {
        if (heur_is_heading_tag(e->dom.nodes[i].tag) || (e->flags[i] & NF_ROLE_HEADING))
            break;   /* the next section begins */
        if (!is_prose_block(e, i) || engine_end(e, i) > first)
            continue;
        chars += e->raw[i].chars;
        if (count > INTRO_MAX_BLOCKS || chars > INTRO_MAX_CHARS)
            return 0;
        prose++;
        out[count++] = i;
        i = engine_end(e, i) - 1;
    }
    return prose > 0 ? count : 0;
}
