/*
 * extract.c — rm_extract: bytes in, article out.
 *
 * The pipeline, each stage its own module:
 *   encoding.c  bytes in any encoding → valid NFC UTF-8
 *   prescan.c   flatten nesting deeper than browsers build, cap attributes
 *               (Gumbo is quadratic in both), and leave out what no rule
 *               reads: script, style sheets (handed to the engine), SVG
 *   gumbo       HTML5 parse; dom.c indexes the tree without changing it
 *   metadata.c  title, byline, dates, language, canonical URL
 *   engine.c    per-node facts; clutter.c page clutter; score.c the article
 *               container; clean.c cleaning inside it
 *   render_*.c  text, Markdown and sanitized HTML of what is kept
 * Scoring follows Readability's retry ladder: when an attempt yields less
 * than 500 characters, retry without stripping "unlikely" blocks, then
 * without class weights, then without conditional cleaning, and keep the
 * longest result if every attempt is short.
 */
#include "readmode.h"

#include "arena.h"
#include "casefold.h"
#include "encoding.h"
#include "engine.h"
#include "ldcheck.h"
#include "metadata.h"
#include "pagetype.h"
#include "phases.h"
#include "prescan.h"
#include "product.h"
#include "render.h"
#include "wordcount.h"
#include "workspace.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#define MIN_ARTICLE_CHARS 500   /* Readability's charThreshold */
#define NO_ARTICLE_CHARS 250    /* below this there is no article at all
                                   (trafilatura's minimal extraction size) */
#define MAX_ROOTS 256
#define MIN_DENSE_CHARS 25      /* less than a paragraph: nothing was found
                                   (Readability's shortest scored block) */
#define SECTIONS_SHARE 0.5     /* a choice with less of the main region's
                                   text is one section of several */
#define STORY_SECTIONS_SHARE 0.35 /* the same without a declared main region
                                   on a signed page, whose wrapper may also
                                   hold a sidebar or a second copy of the
                                   story for small screens */
#define UNSIGNED_SECTIONS_SHARE 0.7 /* the same on a service page or an
                                   unsigned one: no byline or date, so no
                                   story told in one block; a landing page's
                                   hero and intro often hold over half its
                                   text yet are one section of several
                                   (measured on WCXB dev: 0.6 to 0.8 all
                                   raise service, 0.7 most: +0.006, "all"
                                   +0.0008, no type lower) */
#define REGION_LINK_DENSITY 0.35 /* a wrapper this linky is page furniture */
#define DENSE_SHARE 0.8         /* the densest region holds this much of the
                                   page's unlinked text */
#define WORDS_PER_MINUTE 230
#define PRODUCT_LD_WORDS 30     /* a JSON-LD Product description this long is
                                   a description, not a tag line */
#define PRODUCT_LD_SHARE 0.8    /* ...and replaces the visible body when it has
                                   at least this share of the body's words: the
                                   body then is mostly the buy box (price,
                                   options, buttons) around a short blurb */
#define PRODUCT_LD_PROBE 40     /* bytes of the description looked for in the
                                   body: found, the page already shows it */
#define DESCRIPTION_MIN_WORDS 30 /* a page description this long is prose,
                                   not a tag line, and may stand in for a
                                   body that a script draws */
#define CJK_CHARS_PER_MINUTE 500

const rm_options rm_default_options = {
    .url = NULL,
    .charset = NULL,
    .formats = RM_FORMAT_ALL,
    .max_input_bytes = (size_t)64 << 20,
    .max_depth = 512,
    .probe_only = false,
};

static const struct { const char *code, *message; } status_text[] = {
    [RM_OK] = {"ok", "ok"},
    [RM_NO_ARTICLE] = {"no_article", "no article found on this page"},
    [RM_BAD_INPUT] = {"bad_input", "input is empty or not HTML"},
    [RM_TOO_LARGE] = {"too_large", "input exceeds the size limit"},
    [RM_NO_MEMORY] = {"no_memory", "out of memory"},
    [RM_BAD_OPTION] = {"bad_option", "invalid option (unknown charset?)"},
};

const char *rm_status_code(rm_status status)
{
    return (unsigned)status <= RM_BAD_OPTION ? status_text[status].code : "internal";
}

const char *rm_status_message(rm_status status)
{
    return (unsigned)status <= RM_BAD_OPTION ? status_text[status].message : "internal error";
}

const char *rm_removed_kind_name(rm_removed_kind kind)
{
    static const char *const names[RM_REMOVED_KIND_COUNT] = {
        [RM_REMOVED_COMMENTS] = "comments",     [RM_REMOVED_ADBLOCK] = "adblock",
        [RM_REMOVED_RELATED] = "related",       [RM_REMOVED_SHARE] = "share",
        [RM_REMOVED_CONSENT] = "consent",       [RM_REMOVED_PROMPT] = "prompt",
        [RM_REMOVED_NAVIGATION] = "navigation", [RM_REMOVED_FOOTER] = "footer",
        [RM_REMOVED_ADS] = "ads",
    };
    return (unsigned)kind < RM_REMOVED_KIND_COUNT ? names[kind] : "unknown";
}

void rm_article_free(rm_article *a)
{
    if (!a)
        return;
    char *strings[] = {a->title, a->byline, a->site_name, a->published, a->lang,
                       a->dir,   a->excerpt, a->url,     a->text,      a->html,
                       a->markdown};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        free(strings[i]);
    free(a);
}

/* ---- the attempt ladder --------------------------------------------------- */

typedef struct {
    uint8_t *drop;
    int32_t roots[MAX_ROOTS];
    size_t root_count;
    uint32_t chars;
    bool fallback;      /* the densest region, not an article */
} attempt_result;

static uint32_t kept_chars(const rm_engine *e, const int32_t *roots, size_t n)
{
    uint32_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += e->st[roots[k]].chars;
    return total;
}

static bool layout_table_part(const rm_engine *e, int32_t id)
{
    switch (e->dom.nodes[id].tag) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        return !(e->flags[id] & NF_DATA_TABLE);
    default:
        return false;
    }
}

/* An article chosen inside a layout table (a page framed by a two-column
 * table) is its cells' content, not a table row: replace such roots by
 * their kept children, so that renderers see paragraphs, not cells. */
static void unwrap_layout_roots(const rm_engine *e, attempt_result *best)
{
    int32_t out[MAX_ROOTS];
    size_t n = 0;
    for (size_t k = 0; k < best->root_count; k++) {
        int32_t stack[MAX_ROOTS], top = 0;
        stack[top++] = best->roots[k];
        while (top > 0 && n < MAX_ROOTS) {
            int32_t r = stack[--top];
            if (!layout_table_part(e, r)) {
                out[n++] = r;
                continue;
            }
            /* Push children in reverse so they come out in document order. */
            int32_t kids[MAX_ROOTS], count = 0;
            for (int32_t c = e->dom.nodes[r].first_child; c != RM_NONE && count < MAX_ROOTS;
                 c = e->dom.nodes[c].next_sibling)
                if (e->drop[c] == DROP_KEEP)
                    kids[count++] = c;
            while (count > 0 && top < MAX_ROOTS)
                stack[top++] = kids[--count];
        }
    }
    memcpy(best->roots, out, n * sizeof out[0]);
    best->root_count = n;
}

/* On a page read from its <noscript> blocks (engine.c), renderers never
 * enter <noscript>: a root that holds such blocks is replaced by the
 * largest parts of it that hold none, in document order, with each
 * block's children standing for the block. `holds` marks, over the root's
 * id range, the nodes whose subtree holds a kept <noscript>. */
static size_t split_at_noscript(const rm_engine *e, int32_t root, uint8_t *holds, int32_t *out,
                                size_t n)
{
    int32_t end = engine_end(e, root);
    memset(holds, 0, (size_t)(end - root));
    for (int32_t i = end - 1; i >= root; i--) {
        if (e->drop[i] != DROP_KEEP)
            continue;
        if (e->dom.nodes[i].tag == GUMBO_TAG_NOSCRIPT)
            holds[i - root] = 1;
        int32_t parent = e->dom.nodes[i].parent;
        if (holds[i - root] && i != root && parent >= root)
            holds[parent - root] = 1;
    }
    for (int32_t i = root; i < end && n < MAX_ROOTS; i++) {
        if (e->drop[i] != DROP_KEEP) {
            i = engine_end(e, i) - 1;
            continue;
        }
        if (holds[i - root])
            continue;   /* descend: its parts are taken one by one */
        out[n++] = i;
        i = engine_end(e, i) - 1;
    }
    return n;
}

static int unwrap_noscript_roots(const rm_engine *e, attempt_result *best)
{
    if (!e->noscript_kept)
        return 0;   /* no <noscript> to find: the roots are not walked */
    int32_t out[MAX_ROOTS];
    size_t n = 0;
    uint8_t *holds = NULL;
    for (size_t k = 0; k < best->root_count && n < MAX_ROOTS; k++) {
        int32_t r = best->roots[k], end = engine_end(e, r);
        bool any = false;
        for (int32_t i = engine_kept(e, r, end); i < end && !any; i = engine_kept(e, i + 1, end))
            any = e->dom.nodes[i].tag == GUMBO_TAG_NOSCRIPT;
        if (!any) {
            out[n++] = r;
            continue;
        }
        if (!holds && !(holds = malloc((size_t)e->dom.count)))
            return -1;
        n = split_at_noscript(e, r, holds, out, n);
    }
    free(holds);
    memcpy(best->roots, out, n * sizeof out[0]);
    best->root_count = n;
    return 0;
}

/* Does `box` hold an <article> with its own <h1> besides `story`? */
static bool holds_other_story(const rm_engine *e, int32_t box, int32_t story)
{
    int32_t end = engine_end(e, box);
    for (int32_t i = box; i < end; i++) {
        if (i == story) {
            i = engine_end(e, story) - 1;
            continue;
        }
        if (e->dom.nodes[i].tag == GUMBO_TAG_ARTICLE && (e->flags[i] & NF_HAS_H1))
            return true;
    }
    return false;
}

/* The <article> that holds the page's title heading, when the scorer chose
 * text outside it: on infinite-scroll pages the next story is appended as
 * a sibling <article>, and may well be the longer one. */
static int32_t article_of_title(const rm_engine *e, const attempt_result *best)
{
    int32_t a = e->title_node;
    while (a != RM_NONE && e->dom.nodes[a].tag != GUMBO_TAG_ARTICLE)
        a = e->dom.nodes[a].parent;
    if (a == RM_NONE || best->root_count == 0 || e->raw[a].chars < MIN_ARTICLE_CHARS)
        return RM_NONE;
    for (size_t k = 0; k < best->root_count; k++) {
        int32_t r = best->roots[k];
        bool inside = engine_contains(e, a, r);
        bool wraps_only_it = engine_contains(e, r, a) && !holds_other_story(e, r, a);
        if (!inside && !wraps_only_it)
            return a;   /* some of the choice lies outside the titled story */
    }
    return RM_NONE;
}

/* Start again from the drop mask `base`, with statistics to match. */
static void restart_from(rm_engine *e, const uint8_t *base)
{
    memcpy(e->drop, base, (size_t)e->dom.count);
    engine_restat(e);
}

/* Clean `root` as the whole article under `attempt` flags and record it as
 * the choice. */
static void choose_root(rm_engine *e, int32_t root, unsigned attempt, attempt_result *best)
{
    e->top_candidate = root;
    clean_article(e, attempt, &root, 1);
    best->roots[0] = root;
    best->root_count = 1;
    best->chars = kept_chars(e, &root, 1);
    memcpy(best->drop, e->drop, (size_t)e->dom.count);
}

/* The nearest ancestor of `start` that holds every root of the choice;
 * `start` itself when only the body (or nothing) does. */
static int32_t ancestor_with_choice(const rm_engine *e, int32_t start,
                                    const attempt_result *best)
{
    int32_t root = start;
    for (size_t k = 0; k < best->root_count; k++)
        while (root != RM_NONE && !engine_contains(e, root, best->roots[k]))
            root = e->dom.nodes[root].parent;
    return root == RM_NONE || root == e->dom.body ? start : root;
}

/* A witness (the JSON-LD articleBody, the title's own <article>) disagrees
 * with the scorer: take the element it points at, cleaned like any
 * article, from the clutter-free mask `base`. */
static void take_witnessed(rm_engine *e, const uint8_t *base, int32_t root, attempt_result *best)
{
    const unsigned attempt = ATTEMPT_WEIGHT_CLASSES | ATTEMPT_CLEAN_CONDITIONALLY;
    restart_from(e, base);
    choose_root(e, root, attempt, best);
}

/* A thread is all its posts: the question the scorer found and the
 * replies beside it, from their common ancestor. Class weights are not
 * used there ("comment", "reply" name the posts themselves). */
static void take_thread(rm_engine *e, const uint8_t *base, int32_t posts, attempt_result *best)
{
    int32_t root = ancestor_with_choice(e, posts, best);
    restart_from(e, base);
    /* An opening post kept apart from the box of replies is the thread's too. */
    int32_t opening = posts == e->posts ? pagetype_opening_post(e, posts) : RM_NONE;
    while (opening != RM_NONE && root != RM_NONE && !engine_contains(e, root, opening))
        root = e->dom.nodes[root].parent;
    if (root == RM_NONE || root == e->dom.body)
        root = ancestor_with_choice(e, posts, best);
    choose_root(e, root, ATTEMPT_CLEAN_CONDITIONALLY, best);
}

/* Text outside links: what a reader reads rather than clicks. */
static double unlinked_chars(const rm_stats *s)
{
    return (double)s->chars - (double)s->link_chars;
}

/* Does the choice show any text once rendered? The scorer counts some
 * text the renderers never show (hidden by a class or the page's style
 * sheet, the chrome of custom elements); 1 or 0. */
static int choice_shows_text(const rm_engine *e, const attempt_result *best)
{
    rm_render_input in = {
        .dom = &e->dom,
        .drop = best->drop,
        .roots = best->roots,
        .root_count = best->root_count,
        .disclosed = e->disclosed_mask,
    };
    return render_shows_text(&in);
}

/* Never empty: when nothing reads as an article but the page shows text,
 * take the densest region, the smallest element that holds most of the
 * page's unlinked text, from `mask` (clutter removed, or when that leaves
 * nothing, only hidden parts). */
static bool take_densest(rm_engine *e, const uint8_t *mask, attempt_result *best)
{
    int32_t body = e->dom.body;
    memcpy(e->drop, mask, (size_t)e->dom.count);
    engine_restat(e);
    double total = unlinked_chars(&e->st[body]);
    if (total < MIN_DENSE_CHARS)
        return false;
    int32_t root = body, end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end))
        if (e->dom.nodes[i].type == RM_NODE_ELEMENT && e->st[i].chars < e->st[root].chars &&
            unlinked_chars(&e->st[i]) >= DENSE_SHARE * total)
            root = i;
    choose_root(e, root, 0, best);
    return best->chars > 0 && choice_shows_text(e, best) == 1;
}

static int fall_back_to_densest(rm_engine *e, const uint8_t *base, attempt_result *best)
{
    size_t n = (size_t)e->dom.count;
    attempt_result keep = *best;
    keep.drop = malloc(n);
    uint8_t *visible = malloc(n);
    if (!keep.drop || !visible) {
        free(keep.drop);
        free(visible);
        return -1;
    }
    memcpy(keep.drop, best->drop, n);
    for (size_t i = 0; i < n; i++)
        visible[i] = base[i] == DROP_STATIC ? DROP_STATIC : DROP_KEEP;
    bool found = take_densest(e, base, best) || take_densest(e, visible, best);
    if (!found) {
        /* Last, text the page hides until a script shows it (streamed
         * segments, collapsed panels): it is still the page's text. */
        memset(visible, DROP_KEEP, n);
        for (int32_t i = 0; i < e->dom.count; i++)
            if ((e->flags[i] & NF_NEVER) && visible[i] == DROP_KEEP)
                memset(visible + i, DROP_STATIC, e->dom.nodes[i].size);
        found = take_densest(e, visible, best);
    }
    if (found && best->chars > keep.chars) {
        best->fallback = true;
    } else {   /* nothing better: the scorer's choice stands */
        uint8_t *drop = best->drop;
        *best = keep;
        memcpy(drop, keep.drop, n);
        best->drop = drop;
    }
    memcpy(e->drop, best->drop, n);
    free(keep.drop);
    free(visible);
    return 0;
}

/* Pages of sections (landing, service, product and index pages) spread
 * their content over sibling containers; one best node holds a part. When
 * the choice holds under half of the main region's unlinked text, the
 * region's sections are the content. */
/* Without a declared main region: the highest wrapper of the choice that is
 * still mostly unlinked text once clutter is gone, <body> itself when the
 * page lays its sections out flat as the body's children (navigation and
 * footer are clutter and gone already). On a
 * signed article the choice must hold under STORY_SECTIONS_SHARE of it: a
 * dated, authored story is one block, and its wrapper may hold a sidebar
 * column. */
static int32_t content_region(const rm_engine *e, const attempt_result *best)
{
    int32_t region = best->roots[0];
    for (size_t k = 1; k < best->root_count; k++)
        while (region != RM_NONE && !engine_contains(e, region, best->roots[k]))
            region = e->dom.nodes[region].parent;
    while (region != RM_NONE && region != e->dom.body &&
           e->dom.nodes[region].parent != RM_NONE &&
           engine_link_density(&e->st[e->dom.nodes[region].parent]) < REGION_LINK_DENSITY)
        region = e->dom.nodes[region].parent;
    return region;
}

/* The share of the region a choice must hold to be the content alone.
 * Product and collection pages assemble theirs otherwise (the description
 * box, the card grid), which a wider region would override. */
static double sections_share(const rm_engine *e)
{
    if (e->page_type == RM_PAGE_SERVICE ||
        (!e->signed_page && e->page_type != RM_PAGE_PRODUCT && e->page_type != RM_PAGE_COLLECTION))
        return UNSIGNED_SECTIONS_SHARE;
    return SECTIONS_SHARE;
}

static void take_sections(rm_engine *e, const uint8_t *base, attempt_result *best)
{
    if (best->root_count == 0)
        return;
    restart_from(e, base);
    int32_t region = e->main_region;
    double share = sections_share(e);
    if (region == RM_NONE) {
        region = content_region(e, best);
        if (e->page_type == RM_PAGE_ARTICLE && e->signed_page)
            share = STORY_SECTIONS_SHARE;
    }
    bool inside = region != RM_NONE && e->drop[region] == DROP_KEEP;
    for (size_t k = 0; inside && k < best->root_count; k++)
        inside = engine_contains(e, region, best->roots[k]);
    if (!inside) {
        memcpy(e->drop, best->drop, (size_t)e->dom.count);
        return;
    }
    double chosen = 0;
    for (size_t k = 0; k < best->root_count; k++)
        chosen += unlinked_chars(&e->st[best->roots[k]]);
    if (chosen >= share * unlinked_chars(&e->st[region])) {
        memcpy(e->drop, best->drop, (size_t)e->dom.count);
        return;
    }
    choose_root(e, region, ATTEMPT_WEIGHT_CLASSES | ATTEMPT_CLEAN_CONDITIONALLY, best);
}

/* What a mask keeps under the roots of a choice: all text, the
 * text of paragraphs, and of paragraphs outside list items (a list of
 * paragraphs is a shelf of teasers or a gallery's captions more often than
 * the article). One walk over the roots' subtrees, no page-wide
 * statistics. */
typedef struct {
    uint32_t chars, prose, prose_outside_lists;
} kept_counts;

/* Does the choice's mask count `id` as kept, the text cleaning took
 * included? */
static bool kept_or_cleaned(const rm_engine *e, const uint8_t *drop, int32_t id)
{
    if (drop[id] == DROP_KEEP || drop[id] == DROP_CLEANED)
        return true;
    /* an "unlikely" block inside a removed box went with that box */
    if (drop[id] != DROP_UNLIKELY)
        return false;
    int32_t a = e->dom.nodes[id].parent;
    while (a != RM_NONE && drop[a] == DROP_UNLIKELY)
        a = e->dom.nodes[a].parent;
    return a != RM_NONE && drop[a] == DROP_CLEANED;
}

/* Where a walk is: the end of the paragraph and of the list item it is
 * in, and whether that paragraph is in a list item. */
typedef struct {
    int32_t para_end, item_end;
    bool listed;
} text_place;

static void enter_node(const rm_engine *e, text_place *at, int32_t i)
{
    if (e->dom.nodes[i].tag == GUMBO_TAG_LI && i >= at->item_end)
        at->item_end = engine_end(e, i);
    if (e->dom.nodes[i].tag == GUMBO_TAG_P && i >= at->para_end) {
        at->para_end = engine_end(e, i);
        at->listed = i < at->item_end;
    }
}

static void count_text(kept_counts *n, const text_place *at, int32_t i, uint32_t chars)
{
    n->chars += chars;
    if (i < at->para_end) {
        n->prose += chars;
        n->prose_outside_lists += at->listed ? 0 : chars;
    }
}

/* What the clutter-free mask `base` keeps under the roots (*before), what
 * the choice's mask keeps (*after), and what it keeps counting the text
 * cleaning took as kept too (*uncleaned). One walk of base's kept nodes
 * serves all three: the choice's mask is base with more drops, and what it
 * counts holds the parent of each node it counts (drops are whole
 * subtrees), so its nodes are among base's, met in the same order; the
 * paragraphs and list items around a node are looked up for each mask
 * apart. */
static void kept_text(const rm_engine *e, const uint8_t *base, const attempt_result *best,
                      kept_counts *before, kept_counts *after, kept_counts *uncleaned)
{
    kept_counts in_base = {0, 0, 0}, kept = {0, 0, 0}, wide = {0, 0, 0};
    for (size_t k = 0; k < best->root_count; k++) {
        int32_t end = engine_end(e, best->roots[k]);
        text_place at_base = {-1, -1, false}, at_choice = {-1, -1, false};
        int32_t uncounted_end = -1;   /* a subtree the choice's mask does not count */
        for (int32_t i = engine_kept_by(base, e, best->roots[k], end); i < end;
             i = engine_kept_by(base, e, i + 1, end)) {
            bool text = e->dom.nodes[i].type == RM_NODE_TEXT;
            enter_node(e, &at_base, i);
            if (text)
                count_text(&in_base, &at_base, i, e->tchars[i]);
            if (i < uncounted_end)
                continue;
            if (!kept_or_cleaned(e, best->drop, i)) {
                uncounted_end = engine_end(e, i);
                continue;
            }
            enter_node(e, &at_choice, i);
            if (!text)
                continue;
            if (best->drop[i] == DROP_KEEP)
                count_text(&kept, &at_choice, i, e->tchars[i]);
            count_text(&wide, &at_choice, i, e->tchars[i]);
        }
    }
    *before = in_base;
    *after = kept;
    *uncleaned = wide;
}

/* Readability's conditional cleaning is shaped for articles: a container
 * of prose loses its link lists and widgets, a small part of its text and
 * hardly any of its paragraphs. When it took most of the chosen text, or
 * more than a tenth of its paragraphs, the choice is no article but a
 * page of sections (features, stats, testimonials, FAQ: short blocks,
 * often linked, in builder markup whose every block is a "widget"), and
 * is cleaned again by each block's own link density (clean.c), the
 * result kept when it keeps more. Not on
 * threads, manuals and product pages, which have their own rules; not on
 * a signed story whose cleaning kept an article body and nearly all its
 * paragraphs (a sidebar of teasers beside a short story is what that
 * cleaning is for; a landing page signed by its CMS loses paragraphs of
 * prose in boxes named "widget" or "hidden"); nor when
 * nothing is left, where the densest region is the better answer.
 * A page typed a service or landing page is sections by its type: there
 * the block-by-block cleaning is always tried, whatever share the
 * article's cleaning kept (a feature grid, a stats row or the pricing
 * cards may be a small part of the page, yet each is short and linked by
 * Readability's measure; measured on WCXB dev: service +0.003, 16 pages
 * rose, 7 fell, the worst by 0.05). */
#define ARTICLE_CLEAN_KEEPS 0.5
#define STORY_PROSE_KEPT 0.9     /* an article's cleaning takes widgets and
                                    link lists, not its paragraphs: when it
                                    took over a tenth of them, it misjudged a
                                    page of sections (measured on WCXB dev:
                                    signed pages it took paragraphs from all
                                    read better as sections, and 74 pages of
                                    every type change, +0.001 overall) */
#define SECTIONS_MIN_GAIN 1.05   /* on a service page whose first cleaning
                                    fit, the share more the sections cleaning
                                    must keep (measured on WCXB dev: the same
                                    F1, boilerplate snippets found on 0.0007
                                    fewer of the pages) */
#define PROSE_TAKEN_MIN_CHARS 250 /* ...and at least this much of them (under
                                    it, a promo line in a <p> beside a body
                                    written in divs; trafilatura's minimal
                                    extraction size) */

/* Did the article's cleaning of the choice fit it (kept most of its text
 * and its paragraphs, or an article body on a signed story)? */
static bool article_cleaning_fits(const rm_engine *e, const uint8_t *base, const attempt_result *best)
{
    kept_counts before, after, uncleaned;
    kept_text(e, base, best, &before, &after, &uncleaned);
    /* The paragraphs the cleaning took; not the blocks beside them that
     * Readability set aside as unlikely before scoring (a "sidebar" of
     * teasers next to a short story). */
    uint32_t prose = after.prose_outside_lists;
    uint32_t uncleaned_prose = uncleaned.prose_outside_lists;
    bool took_prose = prose < STORY_PROSE_KEPT * uncleaned_prose &&
                      uncleaned_prose - prose >= PROSE_TAKEN_MIN_CHARS;
    return (after.chars >= ARTICLE_CLEAN_KEEPS * before.chars && !took_prose) ||
           (e->page_type == RM_PAGE_ARTICLE && e->signed_page && after.prose >= MIN_ARTICLE_CHARS &&
            !took_prose);
}

/* The choice cleaned as a page of sections from `base`: the characters it
 * keeps (the mask left in e->drop). */
static uint32_t sections_chars(rm_engine *e, const uint8_t *base, const attempt_result *best)
{
    restart_from(e, base);
    e->top_candidate = best->roots[0];
    clean_article(e, ATTEMPT_CLEAN_CONDITIONALLY | ATTEMPT_SECTIONS, best->roots, best->root_count);
    return kept_chars(e, best->roots, best->root_count);
}

static void clean_as_sections(rm_engine *e, const uint8_t *base, attempt_result *best)
{
    if (best->chars < MIN_DENSE_CHARS || e->thread || e->page_type == RM_PAGE_DOCUMENTATION)
        return;
    bool service = e->page_type == RM_PAGE_SERVICE;
    if (!service && article_cleaning_fits(e, base, best))
        return;
    uint32_t chars = sections_chars(e, base, best);
    /* A grid of linked teasers: no better. A service page is cleaned by
     * sections whether the article's cleaning fit or not; where it fit, a
     * few more characters are the calls to action and promotion boxes it
     * rightly took, so more is asked (SECTIONS_MIN_GAIN). Whether it fit
     * (a walk of the choice, reading base and the choice's mask, not
     * e->drop) is measured only where that decides. */
    bool within_gain = chars <= SECTIONS_MIN_GAIN * best->chars;
    if (chars <= best->chars || (service && within_gain && article_cleaning_fits(e, base, best))) {
        memcpy(e->drop, best->drop, (size_t)e->dom.count);
        return;
    }
    best->chars = chars;
    memcpy(best->drop, e->drop, (size_t)e->dom.count);
}

/* On an index page the repeated cards are the content: when the choice
 * holds less unlinked text than the card grid holds text, and the page is
 * a collection or listing or at least no signed article (nor a thread or a
 * manual, whose link grids are navigation), the content is
 * the common ancestor of the choice and the grid (its heading and
 * introduction with it), kept whole: card grids are linky by nature, so
 * conditional cleaning would take them. On a page typed a collection or
 * listing the grid is kept beside a choice of up to twice its text (a
 * category's buying guide or FAQ, which does not make the products less
 * the page's content; measured on WCXB dev: collection +0.001, listing
 * +0.001, service +0.001, one listing read as a collection -0.2). */
#define INDEX_CHOICE_RATIO 2.0
static bool take_cards(rm_engine *e, const uint8_t *base, attempt_result *best)
{
    int32_t cards = e->grids != RM_NONE ? e->grids : e->cards;
    bool index = e->page_type == RM_PAGE_COLLECTION || e->page_type == RM_PAGE_LISTING;
    if (cards == RM_NONE || base[cards] != DROP_KEEP || (!index && e->signed_page) ||
        e->page_type == RM_PAGE_FORUM || e->page_type == RM_PAGE_DOCUMENTATION)
        return false;
    double chosen = 0;
    for (size_t k = 0; k < best->root_count; k++)
        chosen += unlinked_chars(&e->st[best->roots[k]]);
    if (chosen >= (double)e->raw[cards].chars * (index ? INDEX_CHOICE_RATIO : 1.0))
        return false;
    /* A choice that is the whole body holds the grid already: the body is
     * kept whole, not the grid alone. */
    bool whole_body = best->root_count == 1 && best->roots[0] == e->dom.body;
    int32_t root = whole_body ? e->dom.body : ancestor_with_choice(e, cards, best);
    restart_from(e, base);
    choose_root(e, root, 0, best);
    return true;
}

/* A product page marks its description (product.c); the scorer may have
 * chosen the buy box or a variant table beside it, or kept the box but
 * cleaned most of it away (bullet lists of spans read as link lists).
 * Then the description is the article, cleaned like a witnessed one; with
 * the tabs or accordion panels beside it when it is one of them. */
#define DESCRIPTION_KEPT 0.5   /* the choice shows at least this share of it */

static void take_product_description(rm_engine *e, const uint8_t *base, attempt_result *best)
{
    if (e->page_type != RM_PAGE_PRODUCT || best->root_count == 0)
        return;
    int32_t box = product_description_box(e, base);
    if (box == RM_NONE)
        return;
    uint32_t shown = 0;
    for (size_t k = 0; k < best->root_count; k++)
        if (engine_contains(e, best->roots[k], box))
            shown = product_kept_unlinked(e, best->drop, box);
    if (shown >= DESCRIPTION_KEPT * product_kept_unlinked(e, base, box))
        return;
    take_witnessed(e, base, product_panel_set(e, base, box), best);
}

/* The heading and introduction of an index, product or landing page,
 * outside the choice, go in front of it (intro.c). */
static void take_intro(rm_engine *e, attempt_result *best)
{
    int32_t intro[MAX_ROOTS];
    size_t n = intro_blocks(e, e->drop, best->roots, best->root_count, intro,
                            MAX_ROOTS - best->root_count);
    if (n == 0)
        return;
    memmove(best->roots + n, best->roots, best->root_count * sizeof best->roots[0]);
    memcpy(best->roots, intro, n * sizeof intro[0]);
    best->root_count += n;
    best->chars += kept_chars(e, intro, n);
}

/* Run the ladder, then the articleBody cross-check; leaves the chosen
 * mask in e->drop. */
/* A choice made only of text the renderers never show would give an empty
 * body: the densest region that shows text replaces it. */
static int settle_on_shown_text(rm_engine *e, const uint8_t *base, attempt_result *best)
{
    if (choice_shows_text(e, best) || best->fallback || e->dom.body == RM_NONE)
        return 0;
    best->chars = 0;
    int rc = fall_back_to_densest(e, base, best);
    unwrap_layout_roots(e, best);
    return rc ? rc : unwrap_noscript_roots(e, best);
}

static int choose_article(rm_engine *e, const char *ld_body, attempt_result *best)
{
    static const unsigned ladder[] = {
        ATTEMPT_ALL,
        ATTEMPT_WEIGHT_CLASSES | ATTEMPT_CLEAN_CONDITIONALLY,
        ATTEMPT_CLEAN_CONDITIONALLY,
        0,
    };
    size_t n = (size_t)e->dom.count;
    uint8_t *base = malloc(n);
    best->drop = malloc(n);
    if (!base || !best->drop) {
        free(base);
        return -1;
    }
    memcpy(base, e->drop, n);
    best->chars = 0;
    best->root_count = 0;
    for (size_t k = 0; k < sizeof ladder / sizeof ladder[0]; k++) {
        memcpy(e->drop, base, n);
        int32_t roots[MAX_ROOTS];
        size_t count = score_select(e, ladder[k], roots, MAX_ROOTS);
        phase_lap(e->clock, PHASE_SCORE);
        clean_article(e, ladder[k], roots, count);
        phase_lap(e->clock, PHASE_CLEAN);
        uint32_t chars = kept_chars(e, roots, count);
        if (k == 0 || chars > best->chars) {
            best->chars = chars;
            best->root_count = count;
            memcpy(best->roots, roots, count * sizeof roots[0]);
            memcpy(best->drop, e->drop, n);
        }
        if (chars >= MIN_ARTICLE_CHARS)
            break;
    }
    memcpy(e->drop, best->drop, n);
    /* A thread's JSON-LD articleBody is its first post: the witness finds
     * the question, the scorer's choice may hold the replies too. */
    int32_t chosen = best->root_count ? ancestor_with_choice(e, best->roots[0], best) : RM_NONE;
    int32_t witnessed, tree;
    int rc = ldcheck_best_container(e, ld_body, best->roots, best->root_count, &witnessed);
    bool witnessed_taken = rc == 0 && witnessed != RM_NONE;
    if (witnessed_taken)
        take_witnessed(e, base, witnessed, best);
    else if (rc == 0 && (witnessed = article_of_title(e, best)) != RM_NONE) {
        take_witnessed(e, base, witnessed, best);
        witnessed_taken = true;
    }
    if (rc == 0 && e->thread && e->posts != RM_NONE)
        take_thread(e, base, e->posts, best);
    else if (rc == 0 && e->thread && witnessed_taken && chosen != RM_NONE)
        take_thread(e, base, chosen, best);
    else if (rc == 0 && (tree = score_reply_tree(e, chosen)) != RM_NONE)
        take_thread(e, base, tree, best);
    else if (rc == 0 && !witnessed_taken && !take_cards(e, base, best))
        take_sections(e, base, best);
    if (rc == 0)
        clean_as_sections(e, base, best);
    if (rc == 0)
        take_product_description(e, base, best);
    best->fallback = false;
    if (rc == 0 && best->chars < MIN_DENSE_CHARS && e->dom.body != RM_NONE)
        rc = fall_back_to_densest(e, base, best);
    unwrap_layout_roots(e, best);
    if (rc == 0)
        rc = unwrap_noscript_roots(e, best);
    if (rc == 0)
        rc = settle_on_shown_text(e, base, best);
    if (rc == 0)
        take_intro(e, best);
    free(base);
    phase_lap(e->clock, PHASE_SCORE);
    return rc;
}

/* ---- counting ------------------------------------------------------------- */

static unsigned reading_minutes(size_t words, size_t cjk_chars)
{
    double minutes = (double)(words - (cjk_chars < words ? cjk_chars : words)) / WORDS_PER_MINUTE +
                     (double)cjk_chars / CJK_CHARS_PER_MINUTE;
    unsigned m = (unsigned)(minutes + 0.5);
    return words > 0 && m == 0 ? 1 : m;
}

/* ---- assembly ------------------------------------------------------------- */

static void take_metadata(rm_article *a, rm_metadata *md)
{
    a->title = md->title;       md->title = NULL;
    a->byline = md->byline;     md->byline = NULL;
    a->site_name = md->site_name; md->site_name = NULL;
    a->published = md->published; md->published = NULL;
    a->lang = md->lang;         md->lang = NULL;
    a->dir = md->dir;           md->dir = NULL;
    a->excerpt = md->excerpt;   md->excerpt = NULL;
    a->url = md->url;           md->url = NULL;
}

/* Readability's excerpt fallback: the article's first paragraph. */
static char *first_paragraph(const char *text)
{
    const char *end = strstr(text, "\n\n");
    size_t len = end ? (size_t)(end - text) : strlen(text);
    char *p = malloc(len + 1);
    if (p) {
        memcpy(p, text, len);
        p[len] = '\0';
    }
    return p;
}

/* Case-folded, NUL-terminated copy (NULL for NULL or out of memory). */
static char *fold(const char *s, size_t *len)
{
    *len = 0;
    if (!s)
        return NULL;
    return casefold_nfc(s, strlen(s), len);
}

/* `s` as one HTML paragraph, with the markup characters escaped. */
static char *html_paragraph(const char *s)
{
    size_t n = strlen(s), cap = n * 6 + 8;
    char *out = malloc(cap), *w = out;
    if (!out)
        return NULL;
    w = memcpy(w, "<p>", 3) + 3;
    for (; *s; s++) {
        const char *rep = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '&' ? "&amp;" :
                          *s == '"' ? "&quot;" : NULL;
        if (rep) {
            size_t k = strlen(rep);
            w = (char *)memcpy(w, rep, k) + k;
        } else {
            *w++ = *s;
        }
    }
    memcpy(w, "</p>", 5);
    return out;
}

/* Runs of non-space bytes: a URL- or otherwise encoded description has
 * words to a word breaker but hardly any spaces. */
static size_t spaced_words(const char *s)
{
    size_t n = 0;
    for (bool in = false; *s; s++) {
        bool space = *s == ' ' || *s == '\n' || *s == '\t';
        n += !space && !in;
        in = !space;
    }
    return n;
}

static bool text_contains_folded(const char *text, const char *needle)
{
    size_t tlen, nlen;
    char *t = fold(text, &tlen);
    char *n = fold(needle, &nlen);
    bool found = t && n && strstr(t, n);
    free(t);
    free(n);
    return found;
}

/* `description` (plain text) as the whole body. Returns -1 when out of
 * memory. */
static int replace_body(rm_article *a, const char *description, size_t words, size_t cjk,
                        const rm_options *opt)
{
    char *text = strdup(description);
    char *html = (opt->formats & RM_FORMAT_HTML) ? html_paragraph(description) : NULL;
    char *markdown = (opt->formats & RM_FORMAT_MARKDOWN) ? strdup(description) : NULL;
    if (!text || ((opt->formats & RM_FORMAT_HTML) && !html) ||
        ((opt->formats & RM_FORMAT_MARKDOWN) && !markdown)) {
        free(text);
        free(html);
        free(markdown);
        return -1;
    }
    free(a->text);
    free(a->html);
    free(a->markdown);
    a->text = text;
    a->html = html;
    a->markdown = markdown;
    a->word_count = words;
    a->reading_minutes = reading_minutes(words, cjk);
    return 0;
}

/* Does the body already show `description` (its opening words)? */
static bool shows_description(const rm_article *a, const char *description)
{
    char probe[PRODUCT_LD_PROBE + 1];
    size_t plen = strlen(description) < PRODUCT_LD_PROBE ? strlen(description) : PRODUCT_LD_PROBE;
    while (plen > 0 && (description[plen] & 0xC0) == 0x80)
        plen--;   /* whole characters only */
    memcpy(probe, description, plen);
    probe[plen] = '\0';
    return a->text && text_contains_folded(a->text, probe);
}

/* Product pages publish their description in JSON-LD; when the visible
 * body holds little more than it, and not it, the description is the
 * better body (a short blurb among price, options and buttons, or a
 * description kept in a panel the page only shows on a click).
 * Returns -1 when out of memory. */
static int prefer_product_description(rm_article *a, const char *description,
                                      const rm_options *opt)
{
    if (a->page_type != RM_PAGE_PRODUCT || !description)
        return 0;
    size_t cjk;
    size_t words = words_count(description, &cjk);
    if (spaced_words(description) < PRODUCT_LD_WORDS || (double)words < PRODUCT_LD_SHARE * (double)a->word_count)
        return 0;
    if (shows_description(a, description))
        return 0;
    return replace_body(a, description, words, cjk, opt);
}

/* Never empty, for pages a script draws: a shell whose served HTML holds
 * a title, a breadcrumb and a <meta name=description> (forum software
 * that puts the first post there, help centres, single-page apps) shows
 * no body, but the description is the page's own words. When the body is
 * next to nothing (under trafilatura's minimal extraction size), the
 * description is prose, plain text (a JSON-LD description written in HTML
 * is a shop's or a CMS's field, not the page's words) and longer than the
 * body, and the body does not show it, the description is the body and
 * the page is not readerable. Returns 1 when taken, -1 when out of memory. */
static int prefer_page_description(rm_article *a, const char *description, uint32_t body_chars,
                                   const rm_options *opt)
{
    if (!description || body_chars >= NO_ARTICLE_CHARS || strchr(description, '<') ||
        spaced_words(description) < DESCRIPTION_MIN_WORDS)
        return 0;
    size_t cjk;
    size_t words = words_count(description, &cjk);
    if (words <= a->word_count || shows_description(a, description))
        return 0;
    return replace_body(a, description, words, cjk, opt) ? -1 : 1;
}

/* The drop mask for plain text: the article's, and the captions of its
 * pictures, which plain text (showing no pictures) leaves out
 * (clean_captions_for_text). Made while the per-node passes are alive. */
static uint8_t *text_mask(const rm_engine *e, const attempt_result *best)
{
    uint8_t *mask = malloc(e->dom.count ? (size_t)e->dom.count : 1);
    if (!mask)
        return NULL;
    memcpy(mask, e->drop, (size_t)e->dom.count);
    clean_captions_for_text(e, best->roots, best->root_count, mask);
    return mask;
}

/* The plain text, wrapped at `width` columns unless 0. */
static char *render_plain_text(const rm_render_input *in, unsigned width)
{
    return width ? render_text_wrapped(in, width) : render_text(in);
}

/* Does the text mask drop the same nodes of the roots as the article's? */
static bool same_drop(const rm_render_input *in, const uint8_t *text_drop)
{
    for (size_t k = 0; k < in->root_count; k++) {
        int32_t root = in->roots[k];
        if (root >= 0 && root < in->dom->count &&
            memcmp(in->drop + root, text_drop + root, in->dom->nodes[root].size) != 0)
            return false;
    }
    return true;
}

/* The renderings asked for. The renderers' scan of the roots is made once
 * and shared; plain text needs its own only when its mask differs (then
 * made and freed first, so that two are never held at once). */
static int render_article(rm_article *a, const rm_engine *e, const attempt_result *best,
                          const uint8_t *text_drop, const rm_options *opt)
{
    rm_render_input in = {
        .dom = &e->dom,
        .drop = e->drop,
        .roots = best->roots,
        .root_count = best->root_count,
        .base_url = a->url && opt->url == NULL ? a->url : opt->url,
        .disclosed = e->disclosed_mask,
    };
    rm_render_input text_in = in;
    text_in.drop = text_drop;
    bool shared = same_drop(&in, text_drop);
    uint8_t *scan = NULL;
    if (shared && !(scan = render_scan(&in)))
        return -1;
    in.scan = text_in.scan = scan;
    int rc = -1;
    if (!(a->text = render_plain_text(&text_in, 0)))
        goto out;
    phase_lap(e->clock, PHASE_TEXT);
    if (!scan && (opt->formats & (RM_FORMAT_HTML | RM_FORMAT_MARKDOWN)) &&
        !(in.scan = scan = render_scan(&in)))
        goto out;
    if ((opt->formats & RM_FORMAT_HTML) && !(a->html = render_html(&in)))
        goto out;
    phase_lap(e->clock, PHASE_HTML);
    if ((opt->formats & RM_FORMAT_MARKDOWN) && !(a->markdown = render_markdown(&in)))
        goto out;
    phase_lap(e->clock, PHASE_MARKDOWN);
    if (!shared) {   /* text (re-wrapped below) makes its own again */
        free(scan);
        scan = NULL;
    }
    if (!a->excerpt && !(a->excerpt = first_paragraph(a->text)))
        goto out;
    size_t cjk;
    a->word_count = words_count(a->text, &cjk);
    a->reading_minutes = reading_minutes(a->word_count, cjk);
    if (opt->wrap_width) {
        /* Rendered again rather than re-wrapped: only the walk knows which
         * lines are code, which must keep its line breaks. */
        char *wrapped = render_plain_text(&text_in, opt->wrap_width);
        if (!wrapped)
            goto out;
        free(a->text);
        a->text = wrapped;
    }
    rc = 0;
out:
    free(scan);
    return rc;
}

/* Page clutter; when what was removed as a comment section is in fact the
 * page's thread (pagetype.c), again with the page read as a thread, from
 * the drop mask clutter started with. Returns -1 when out of memory. */
static int classify_clutter(rm_engine *e, page_info *page)
{
    size_t n = (size_t)e->dom.count;
    uint8_t *before = malloc(n);
    if (!before)
        return -1;
    memcpy(before, e->drop, n);
    clutter_classify(e);
    unsigned posts;
    /* A product page's comment section is its buyers' reviews, however
     * long: the page stays the product's. */
    int32_t thread = e->page_type == RM_PAGE_PRODUCT ? RM_NONE : pagetype_thread_in_comments(e, &posts);
    if (thread != RM_NONE) {
        memcpy(e->drop, before, n);
        memset(e->kind, RM_KIND_NONE, n);
        memset(e->removed, 0, sizeof e->removed);
        page->type = RM_PAGE_FORUM;
        page->items_box = thread;
        page->items = posts;
        e->page_type = RM_PAGE_FORUM;
        e->thread = true;
        e->posts = thread;
        clutter_classify(e);
    }
    free(before);
    return 0;
}

/* Everything after metadata: clutter, the article, its renderings. */
static rm_status extract_article(rm_engine *e, const rm_options *opt, const rm_metadata *md,
                                 rm_article *a)
{
    if (engine_prepare(e))
        return RM_NO_MEMORY;
    a->readerable = score_readerable(e);
    phase_lap(e->clock, PHASE_PREPARE);
    if (opt->probe_only)
        return a->readerable ? RM_OK : RM_NO_ARTICLE;
    page_info page;
    e->signed_page = a->published || a->byline;
    pagetype_detect(e, opt->url ? opt->url : a->url, &page);
    a->page_type = page.type;
    a->page_items = page.items;
    e->page_type = page.type;
    e->thread = page.type == RM_PAGE_FORUM;
    e->posts = e->thread ? page.items_box : RM_NONE;
    e->cards = page.cards_box;
    e->grids = page.type == RM_PAGE_COLLECTION || page.type == RM_PAGE_LISTING ? page.grids_box
                                                                                : RM_NONE;
    int classified = classify_clutter(e, &page);
    /* what the per-node arrays and clutter's tables left of the tree's
     * chunks: past the limit, back to the system, not idle through the
     * rest of the call */
    arena_cache_trim(e->memory, 0);
    if (classified)
        return RM_NO_MEMORY;
    a->page_type = page.type;
    a->page_items = page.items;
    memcpy(a->removed, e->removed, sizeof a->removed);
    size_t title_len, byline_len;
    char *title = fold(a->title, &title_len);
    char *byline = fold(a->byline, &byline_len);
    e->byline = byline;
    e->byline_len = byline_len;
    clean_title_and_byline(e, title, title_len);
    free(title);
    phase_lap(e->clock, PHASE_CLUTTER);

    attempt_result best;
    if (choose_article(e, md->ld_body, &best)) {
        free(best.drop);
        free(byline);
        return RM_NO_MEMORY;
    }
    if (best.fallback)
        a->readerable = false;
    if (clean_thread_repeats(e, best.roots, best.root_count) ||
        clean_repeated_blocks(e, best.roots, best.root_count) || clean_card_repeats(e)) {
        free(best.drop);
        free(byline);
        return RM_NO_MEMORY;
    }
    /* The page's description, before the first paragraph stands in for a
     * missing one. */
    const char *description = a->excerpt;
    uint8_t *text_drop = text_mask(e, &best);
    engine_release_passes(e);
    /* the arrays' chunks, past the limit, back to the system before the
     * renderings take their memory from malloc */
    arena_cache_trim(e->memory, 0);
    int rc = text_drop ? render_article(a, e, &best, text_drop, opt) : -1;
    if (!rc)
        rc = prefer_product_description(a, md->product_description, opt);
    bool described = false;
    if (!rc && (rc = prefer_page_description(a, description, best.chars, opt)) == 1) {
        a->readerable = false;
        described = true;
        rc = 0;
    }
    free(text_drop);
    free(best.drop);
    free(byline);
    e->byline = NULL;
    if (rc)
        return RM_NO_MEMORY;
    return best.chars < NO_ARTICLE_CHARS && !described ? RM_NO_ARTICLE : RM_OK;
}

static rm_status extract_from_dom(rm_engine *e, const rm_options *opt, rm_article *a)
{
    rm_metadata md;
    if (metadata_collect(&e->dom, opt->url, &md))
        return RM_NO_MEMORY;
    phase_lap(e->clock, PHASE_METADATA);
    e->byline_node = md.byline_node;
    take_metadata(a, &md);
    rm_status st = extract_article(e, opt, &md, a);
    metadata_free(&md);
    return st;
}

/* Decode and pre-scan: *markup is what Gumbo is to parse, either in the
 * caller's bytes or in *owned (malloc'd; NULL when none). */
static rm_status decode_and_prescan(const void *bytes, size_t len, const rm_options *opt,
                                    phase_clock *clock, const char **markup, size_t *markup_len,
                                    char **owned, prescan_output *pre)
{
    prescan_limits limits = {
        .max_depth = opt->max_depth,
        .max_attributes = RM_MAX_ATTRIBUTES,
        .max_attribute_bytes = RM_MAX_ATTRIBUTE_BYTES,
        .strip = true,
        .check_text = encoding_check_applies(bytes, len, opt->charset),
        .bypass_text = true,
    };
    *owned = NULL;
    if (limits.check_text) {
        /* Most pages are UTF-8 (or ASCII) whose bytes are their text: the
         * pre-scan checks them as it reads them, so the page is streamed
         * once (on a page larger than the cache, a second pass reads it
         * from memory again), and only a page that turns out otherwise
         * is decoded first and scanned again. */
        size_t normal_len;
        if (prescan(bytes, len, &limits, pre))
            return RM_NO_MEMORY;
        int rc = encoding_checked_text(bytes, len, &pre->text, owned, &normal_len);
        if (rc == -2) {
            prescan_free(pre);
            return RM_NO_MEMORY;
        }
        phase_lap(clock, PHASE_PRESCAN);
        if (rc == 0 && !*owned) {
            *markup = bytes;
            *markup_len = len;
            return RM_OK;
        }
        prescan_free(pre);
        limits.check_text = false;
        if (rc == 0) {   /* not in NFC: scan the normalised text */
            *markup = *owned;
            *markup_len = normal_len;
        }
    }
    if (!*owned) {
        const char *detected;
        int rc = encoding_view_utf8(bytes, len, opt->charset, markup, markup_len, owned, &detected);
        if (rc == -1)
            return RM_BAD_OPTION;
        if (rc)
            return RM_NO_MEMORY;
    }
    phase_lap(clock, PHASE_DECODE);
    if (prescan(*markup, *markup_len, &limits, pre)) {
        free(*owned);
        *owned = NULL;
        return RM_NO_MEMORY;
    }
    phase_lap(clock, PHASE_PRESCAN);
    return RM_OK;
}

/* Decode, pre-scan and parse; Gumbo points into the caller's bytes or
 * into *buffer (NULL when the bytes needed no change), and `e` (unless
 * NULL) has read the page's style sheets where the pre-scan found them.
 * A page in UTF-8 is pre-scanned where it lies: at most one copy of the
 * markup is made (the pre-scanned one). A decoded page's markup stays in
 * *source (else NULL) while the runs of text handed past Gumbo lie in it:
 * free it once the index has copied the texts. */
static rm_status parse(const void *bytes, size_t len, const rm_options *opt, phase_clock *clock,
                       rm_engine *e, char **buffer, char **source, prescan_output *pre,
                       arena *tree, GumboOutput **output)
{
    *source = NULL;
    const char *utf8;
    char *owned;
    size_t utf8_len;
    rm_status st = decode_and_prescan(bytes, len, opt, clock, &utf8, &utf8_len, &owned, pre);
    if (st != RM_OK)
        return st;
    /* the sheets lie in the scanned markup, which goes next */
    if (e && engine_read_style_sheets(e, utf8, pre->styles, pre->style_count)) {
        free(owned);
        prescan_free(pre);
        return RM_NO_MEMORY;
    }
    if (pre->html) {
        if (pre->run_count && pre->run_source == owned)
            *source = owned;
        else
            free(owned);
        utf8 = owned = pre->html;
        utf8_len = pre->len;
        pre->html = NULL;
    }
    phase_lap(clock, PHASE_PRESCAN);
    GumboOptions gopt = kGumboDefaultOptions;
    gopt.max_errors = 0;   /* we never read parse errors; don't collect them */
    gopt.allocator = arena_alloc;
    gopt.deallocator = arena_dealloc;
    gopt.userdata = tree;
    *output = gumbo_parse_with_options(&gopt, utf8, utf8_len);
    if (!*output) {
        free(owned);
        free(*source);
        *source = NULL;
        prescan_free(pre);
        arena_release(tree);
        return RM_NO_MEMORY;
    }
    *buffer = owned;
    phase_lap(clock, PHASE_PARSE);
    return RM_OK;
}

/* Where the call's chunks come from and go back to: the caller's
 * workspace, else the call's own cache (`own`, which keeps nothing past
 * the call), so that the per-node arrays reuse the released tree's memory
 * either way. */
/* Clutter's tables on a page of several megabytes (past this) are given
 * room in the released tree's chunks; else they fault in fresh memory
 * (65 000 faults on 100 MB of wiki edit links). On smaller pages the room
 * would lie idle beside what metadata and page types allocate before
 * clutter runs, and raise the peak (the Mozilla pages' peak above the
 * corpus 11.3 -> 11.7 MB when every page had it), for few faults. */
#define CLUTTER_ROOM_MIN ((size_t)16 << 20)

static size_t clutter_room(const rm_engine *e)
{
    size_t tables = clutter_table_bytes(e);
    return tables > CLUTTER_ROOM_MIN ? tables : 0;
}

static arena_cache *call_cache(const rm_options *opt, arena_cache *own)
{
    *own = (arena_cache){.limit = 0};
    return opt->workspace ? &opt->workspace->memory : own;
}

rm_status rm_extract(const void *html, size_t len, const rm_options *options, rm_article **out)
{
    return extract_timed(html, len, options, out, NULL);
}

rm_status extract_timed(const void *html, size_t len, const rm_options *options,
                        rm_article **out, phase_clock *clock)
{
    if (!out)
        return RM_BAD_OPTION;
    *out = NULL;
    phase_start(clock);
    const rm_options *opt = options ? options : &rm_default_options;
    if (!html && len > 0)
        return RM_BAD_INPUT;
    if (opt->max_input_bytes && len > opt->max_input_bytes)
        return RM_TOO_LARGE;
    if (len == 0 || encoding_looks_binary(html, len))
        return RM_BAD_INPUT;

    char *buffer, *source;
    prescan_output pre;
    arena_cache own;
    arena tree = {.cache = call_cache(opt, &own)};   /* Gumbo's tree, released in one step */
    GumboOutput *output;
    rm_engine e = {0};
    e.clock = clock;
    e.memory = tree.cache;
    rm_status st = parse(html, len, opt, clock, &e, &buffer, &source, &pre, &tree, &output);
    if (st != RM_OK) {
        engine_free(&e);
        arena_cache_trim(tree.cache, 0);
        return st;
    }
    rm_article *a = calloc(1, sizeof *a);
    /* The index holds all the passes read of the markup and of Gumbo's
     * tree (its own copies): the markup goes before the texts and
     * attributes are copied, the tree before the per-node passes take
     * their memory, which keeps both out of the extraction's peak. */
    int built = a ? dom_index_tree(&e.dom, output, &pre) : -1;
    free(buffer);
    built = built ? built : dom_copy_content(&e.dom);
    free(source);   /* the bypassed runs are copied: their table goes too */
    free(pre.runs);
    pre.runs = NULL;
    pre.run_count = 0;
    arena_release(&tree);
    /* of the tree's chunks, what the limit keeps and what the per-node
     * arrays will take stay; the rest would lie idle through metadata */
    arena_cache_trim(tree.cache, engine_array_bytes(&e) + clutter_room(&e));
    e.dom.gaps = pre.gaps;
    e.dom.gap_count = pre.gap_count;
    if (built) {
        st = RM_NO_MEMORY;
    } else {
        phase_lap(clock, PHASE_INDEX);
        e.byline_node = RM_NONE;
        e.title_node = RM_NONE;
        e.posts = RM_NONE;
        e.cards = RM_NONE;
        e.grids = RM_NONE;
        st = extract_from_dom(&e, opt, a);
    }
    engine_free(&e);
    arena_cache_trim(tree.cache, 0);
    prescan_free(&pre);
    phase_lap(clock, PHASE_FINISH);
    if (st != RM_OK && st != RM_NO_ARTICLE) {
        rm_article_free(a);
        return st;
    }
    *out = a;
    return st;
}

/* ---- re-rendering a fragment --------------------------------------------- */

/* The renderings of `a` from the whole <body> of `e`'s page. */
static rm_status render_fragment(rm_article *a, const rm_engine *e, const rm_options *opt,
                                 const rm_image_resolver *images)
{
    if (e->dom.body == RM_NONE)
        return (a->text = strdup("")) ? RM_OK : RM_NO_MEMORY;
    int32_t root = e->dom.body;
    rm_render_input in = {.dom = &e->dom, .roots = &root, .root_count = 1,
                          .base_url = opt->url, .images = images};
    if (!(a->text = render_text(&in)) ||
        ((opt->formats & RM_FORMAT_HTML) && !(a->html = render_html(&in))) ||
        ((opt->formats & RM_FORMAT_MARKDOWN) && !(a->markdown = render_markdown(&in))))
        return RM_NO_MEMORY;
    size_t cjk;
    a->word_count = words_count(a->text, &cjk);
    a->reading_minutes = reading_minutes(a->word_count, cjk);
    return RM_OK;
}

rm_status rm_sanitize(const void *html, size_t len, const rm_options *options,
                      const rm_image_resolver *images, rm_article **out)
{
    if (!out)
        return RM_BAD_OPTION;
    *out = NULL;
    const rm_options *opt = options ? options : &rm_default_options;
    if (!html && len > 0)
        return RM_BAD_INPUT;
    if (opt->max_input_bytes && len > opt->max_input_bytes)
        return RM_TOO_LARGE;
    rm_article *a = calloc(1, sizeof *a);
    if (!a)
        return RM_NO_MEMORY;
    char *buffer = NULL, *source = NULL;
    prescan_output pre = {0};
    arena_cache own;
    arena tree = {.cache = call_cache(opt, &own)};
    GumboOutput *output = NULL;
    rm_status st =
        len ? parse(html, len, opt, NULL, NULL, &buffer, &source, &pre, &tree, &output) : RM_OK;
    rm_engine e = {0};
    e.dom.body = RM_NONE;
    if (st == RM_OK && output && dom_build(&e.dom, output, &pre))
        st = RM_NO_MEMORY;
    arena_release(&tree);   /* the index holds its own copies */
    arena_cache_trim(tree.cache, 0);
    free(buffer);
    free(source);
    if (st == RM_OK)
        st = render_fragment(a, &e, opt, images);
    engine_free(&e);
    prescan_free(&pre);
    if (st != RM_OK) {
        rm_article_free(a);
        return st;
    }
    *out = a;
    return RM_OK;
}
