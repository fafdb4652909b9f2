/*
 * engine.h — state shared by the extraction passes.
 *
 * extract.c drives the passes in this order:
 *   engine_prepare   per-node facts that never change: class/id signature,
 *                    hidden/never-content flags, text measurements, and the
 *                    "raw" subtree statistics of the visible page;
 *   clutter_classify page-level clutter (comments, nags, related, share,
 *                    consent, prompts, navigation, footers, ads) by markup,
 *                    structure and phrases; counted for rm_article.removed;
 *   score_select     Readability-style scoring on the current drop mask,
 *                    candidate choice and sibling merging → article roots;
 *   clean_article    cleaning inside the chosen roots (conditional cleaning,
 *                    title duplicates, bylines, empty blocks).
 * Every per-node array is indexed by the DOM's pre-order id.
 */
#ifndef RM_ENGINE_H
#define RM_ENGINE_H

#include "arena.h"
#include "dom.h"
#include "hashset.h"
#include "heuristics.h"
#include "phases.h"
#include "prescan.h"
#include <stdbool.h>
#include <stdint.h>

/* Static per-node flags (engine_prepare). */
enum {
    NF_NEVER = 1u << 0,       /* never content: script, style, form controls */
    NF_HIDDEN = 1u << 1,      /* hidden attribute, aria-hidden, display:none */
    NF_IN_LINK = 1u << 2,     /* inside <a href> */
    NF_HASH_LINK = 1u << 3,   /* inside <a href="#..."> */
    NF_IN_CODE = 1u << 4,     /* inside pre or code: no phrase rules */
    NF_IN_TABLE = 1u << 5,    /* inside a table */
    NF_HAS_H1 = 1u << 6,      /* subtree holds an <h1> */
    NF_HAS_BODY = 1u << 7,    /* subtree holds itemprop=articleBody */
    NF_FIXED = 1u << 8,       /* an overlay: position:fixed (inline, by a
                                 <style> rule or Tailwind's "fixed"), or a
                                 modal dialog */
    NF_REPLY = 1u << 9,       /* subtree holds a "Reply" link or button */
    NF_DATA_TABLE = 1u << 10, /* in a table of data, not of layout */
    NF_IN_FIGURE = 1u << 11,
    NF_HAS_DATE = 1u << 12,   /* subtree holds <time> or a[rel=author] */
    NF_HAS_TEXTAREA = 1u << 13, /* subtree holds a <textarea> */
    NF_IN_ARTICLE = 1u << 14, /* inside an <article> element */
    NF_HAS_HEADING = 1u << 15, /* subtree holds an h2-h6 */
    NF_IN_HEADING = 1u << 16, /* inside an h1-h6 */
    NF_HEADLINE = 1u << 17,   /* subtree holds a linked heading (a teaser) */
    NF_NOTE = 1u << 18,       /* a list item that in-page links point to (a
                                 footnote or reference) */
    NF_HAS_NOTES = 1u << 19,  /* subtree holds such list items */
    NF_HAS_CODE = 1u << 20,   /* subtree holds pre or code */
    NF_HAS_DATA = 1u << 21,   /* subtree holds a data table */
    NF_ROLE_HEADING = 1u << 22, /* role="heading": a heading made of a div */
    NF_IN_NOSCRIPT = 1u << 23, /* inside <noscript> */
    NF_DISCLOSED = 1u << 24,  /* a panel that a control on the page opens
                                 (aria-controls with aria-expanded): shown
                                 though the page hides it until the click */
    NF_DISCLOSER = 1u << 25,  /* the button in a heading that opens such a
                                 panel (WAI-ARIA's accordion): its label is
                                 the section's heading, not a control */
    NF_SLUG_ID = 1u << 26,    /* its id is a slug of its heading (engine_id_is_slug) */
    NF_STREAMED = 1u << 27,   /* a hidden streamed segment (engine.c) */
    NF_PERMALINK = 1u << 28,  /* subtree holds a link to a box around it
                                 ("viewtopic.php?p=12#p12" inside id="p12"):
                                 a forum post's own permalink */
    NF_IN_ID_BOX = 1u << 29,  /* inside an element that may have an id (its
                                 attribute bits say so), itself included:
                                 only there can a link be a permalink */
    NF_PRICE_TAG = 1u << 31,  /* subtree holds a price tag ("$520.00") */
};

/* Flags of one extraction attempt (Readability's retry ladder). */
enum {
    ATTEMPT_STRIP_UNLIKELY = 1u << 0,
    ATTEMPT_WEIGHT_CLASSES = 1u << 1,
    ATTEMPT_CLEAN_CONDITIONALLY = 1u << 2,
    ATTEMPT_ALL = 7u,
    /* Not a rung of the ladder: a page of sections (landing, service and
     * index pages) is cleaned by each block's own link density rather
     * than by Readability's article-shaped tests (clean.c). */
    ATTEMPT_SECTIONS = 1u << 3,
};

/* Drop-mask values: why a node is not part of the article. */
enum {
    DROP_KEEP = 0,
    DROP_STATIC,   /* never content or hidden */
    DROP_CLUTTER,  /* page-level clutter (kind[] says which) */
    DROP_UNLIKELY, /* Readability's unlikely candidates */
    DROP_CLEANED,  /* removed by cleaning inside the article */
};

/* The most classes the page's style sheets may name as fixed (bars,
 * banners, modal overlays: a site's sheets fix a few dozen). Past it a sheet
 * is generated or hostile, and a set that grows with the page falls out of
 * the cache: a 100 MB sheet of distinct fixed classes took 17.8x the time of
 * a 10 MB one. The rules read first count. */
#define ENGINE_FIXED_CLASSES_MAX 4096

typedef struct {
    rm_dom dom;
    const char *title;       /* article title, for duplicate headings */
    int32_t byline_node;     /* byline element to drop, or RM_NONE */
    const char *byline;      /* case-folded byline from metadata, or NULL */
    size_t byline_len;
    int32_t title_node;      /* first heading that repeats the title, or RM_NONE */
    rm_page_type page_type;  /* pagetype.c's verdict */
    bool signed_page;        /* the metadata names an author or a date */
    bool thread;             /* a forum or Q&A thread: its posts, their
                                authors and dates are the content */
    bool noscript_kept;      /* a <noscript> may be kept, having lost its
                                NF_NEVER (engine_prepare): the page is read
                                from its noscript blocks (a script's shell),
                                or has a disclosure button in a heading */
    int32_t main_region;     /* the page's declared main region: <main> or
                                role=main when unique, or RM_NONE (found
                                once by engine_prepare) */
    int32_t posts;           /* the box holding a thread's posts, or RM_NONE */
    int32_t cards;           /* the page's largest grid of cards, or RM_NONE */
    int32_t grids;           /* on an index page of several grids, the box
                                around them all, or RM_NONE */

    phase_clock *clock;      /* CPU time per phase, or NULL */
    arena_cache *memory;     /* where the large per-node arrays come from
                                (the call's chunks), or NULL: malloc */
    hashset fixed_classes;   /* classes a <style> rule makes fixed, at most
                                ENGINE_FIXED_CLASSES_MAX
                                (engine_read_style_sheets) */
    hashset link_targets;    /* ids that in-page links (#id) point to, kept
                                only on pages with an <li id> to ask of */
    int32_t *id_nodes;       /* the elements that have an id, in document
                                order: what a look-up by id reads instead of
                                the whole page */
    size_t id_count;
    hashset disclosed;       /* ids that disclosure controls open */
    uint8_t *disclosed_mask; /* per node: DISCLOSED_PANEL or DISCLOSED_LABEL
                                for the renderers (NULL when the page has
                                no such panel) */
    char *sig_buf;           /* lower-cased "class id" strings */
    uint32_t *sig_off;       /* per node offset into sig_buf; 0 = none */
    uint32_t *flags;         /* NF_* */
    uint32_t *tchars;        /* text nodes: collapsed code points */
    uint16_t *tcommas;       /* text nodes: commas */
    uint16_t *tsentences;    /* text nodes: sentence ends */
    uint8_t *own;            /* what the node itself adds to the statistics
                                (engine.c OWN_*; text nodes: the white space
                                at the edges of link text), read once so that
                                each engine_stats sweep stays in these arrays */
    rm_stats *raw;           /* visible page, no clutter removed */
    uint8_t *kind;           /* clutter root kind or RM_KIND_NONE */
    unsigned removed[RM_REMOVED_KIND_COUNT];

    uint8_t *drop;           /* DROP_* for the current attempt */
    uint32_t drop_calls;     /* engine_drop_subtree calls so far: while it
                                stays, no subtree was dropped through it */
    uint8_t *has_block;      /* current attempt: block descendant kept */
    rm_stats *st;            /* current attempt's statistics */
    uint8_t *st_mask;        /* the mask of the last engine_restat (NULL:
                                none yet, or no memory for it) ... */
    uint32_t st_drop_calls;  /* ... and drop_calls then: while it stays, no
                                subtree was dropped (nor its statistics
                                taken from st) since */
    float *score;            /* candidate scores */
    int32_t top_candidate;   /* best-scoring block before widening */
    uint8_t *scored;         /* score initialised */
} rm_engine;

/* Collect the classes the page's style sheets make fixed (at most
 * ENGINE_FIXED_CLASSES_MAX, the rules read first counting) from `sheets`,
 * the pre-scan's places of <style> texts in `markup`, the markup it
 * scanned: called while that markup lives, before engine_prepare. */
int engine_read_style_sheets(rm_engine *e, const char *markup, const prescan_span *sheets, size_t count);
int engine_prepare(rm_engine *e);
/* The bytes engine_prepare's per-node arrays take on the indexed page
 * (kept in step with the arrays it makes). */
size_t engine_array_bytes(const rm_engine *e);

/* Free the per-node arrays of the passes (statistics, scores, flags,
 * signatures): the renderers read only the index and `drop`, so the
 * arrays need not stay beside the rendered text (a page's peak memory). */
void engine_release_passes(rm_engine *e);
void engine_free(rm_engine *e);

/* Lower-cased "class id" of an element ("" when none). Inline: several
 * passes ask it of every element. */
static inline const char *engine_sig(const rm_engine *e, int32_t id)
{
    return e->sig_buf + e->sig_off[id];
}

/* heur_class_weight and the unlikely test of engine_sig(e, id), from the
 * patterns engine_prepare found in it (a class list is read once). */
static inline int engine_class_weight(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    return n->type == RM_NODE_ELEMENT ? heur_sig_weight(n->names) : 0;
}

static inline bool engine_is_unlikely(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    return n->type == RM_NODE_ELEMENT && heur_sig_unlikely(n->names);
}

/* Is the element's id a slug of its own heading's text (a heading, or a
 * section opening with one), naming nothing? False without an id; known
 * from engine_prepare on. */
bool engine_id_is_slug(const rm_engine *e, int32_t id);

/* Statistics over the nodes not dropped by `drop` (NULL: static drops). */
void engine_stats(const rm_engine *e, const uint8_t *drop, rm_stats *out);
/* e->st := engine_stats of e->drop. An attempt that starts again from a
 * mask the last call swept, with no subtree dropped since, finds them
 * there already: comparing the masks costs a byte per node, a sweep tens
 * of instructions per node. */
void engine_restat(rm_engine *e);

/* Link density of a subtree under the given stats. */
double engine_link_density(const rm_stats *s);
/* Whether text node `text` and the text run after it read as one price
 * tag ("$" then "14"). */
bool engine_split_price(const rm_engine *e, int32_t text);

/* Some thread software wraps each post's text in a form that carries the
 * post's id in hidden inputs (for editing in place): among a thread's
 * posts, a box holding no field a reader sees (an <input> that is not
 * hidden, a <select>, a <button>) is no sign-up or search form; a sign-in
 * box beside the posts still is one. */
bool engine_is_post_form(const rm_engine *e, int32_t id);

/* Case-folded, whitespace-collapsed text of a subtree (skipping dropped
 * nodes when drop is non-NULL), at most max_bytes; malloc'd or NULL. */
char *engine_folded_text(const rm_engine *e, int32_t id, const uint8_t *drop,
                         size_t max_bytes, size_t *len);
/* The same into `buf` (max_bytes + 1 bytes), for the many short texts the
 * passes read (no allocation): returns buf when the text is ASCII, else
 * the folded text malloc'd (free it when it is not buf), or NULL when out
 * of memory. */
char *engine_fold_into(const rm_engine *e, int32_t id, const uint8_t *drop, size_t max_bytes,
                       char *buf, size_t *len);

/* Is the fold of id's subtree (under `drop` as engine_fold_into reads it)
 * certain to be shorter than `min` bytes? Its text is ASCII and holds
 * fewer bytes: folding ASCII only lower-cases and collapses white space,
 * which never lengthens it. Most short boxes of a big page (a heading, a
 * list item, an edit link) are that short, and need no fold to be let
 * pass; a longer or non-ASCII one is folded (case folding may lengthen a
 * character). */
bool engine_folds_shorter_than(const rm_engine *e, int32_t id, const uint8_t *drop, size_t min);

/* One past the last node of id's subtree. */
static inline int32_t engine_end(const rm_engine *e, int32_t id)
{
    return id + (int32_t)e->dom.nodes[id].size;
}

/* Is `id` in the subtree of `box` (box itself included)? */
static inline bool engine_contains(const rm_engine *e, int32_t box, int32_t id)
{
    return box <= id && id < engine_end(e, box);
}

/* Does the element have a <br> among its children (text laid out in lines)? */
static inline bool engine_has_br_child(const rm_engine *e, int32_t id)
{
    for (int32_t c = e->dom.nodes[id].first_child; c != RM_NONE; c = e->dom.nodes[c].next_sibling)
        if (e->dom.nodes[c].tag == GUMBO_TAG_BR)
            return true;
    return false;
}

/* The first kept node at or after `from` in pre-order, skipping dropped
 * subtrees whole; `end` when there is none. Walks a subtree as
 *   for (i = engine_kept(e, root, end); i < end; i = engine_kept(e, i + 1, end))
 * and a node dropped inside the loop has its descendants skipped. */
static inline int32_t engine_kept(const rm_engine *e, int32_t from, int32_t end)
{
    while (from < end && e->drop[from] != DROP_KEEP)
        from += (int32_t)e->dom.nodes[from].size;
    return from < end ? from : end;
}

/* engine_kept under another mask than the current attempt's. */
static inline int32_t engine_kept_by(const uint8_t *drop, const rm_engine *e, int32_t from,
                                     int32_t end)
{
    while (from < end && drop[from] != DROP_KEEP)
        from += (int32_t)e->dom.nodes[from].size;
    return from < end ? from : end;
}

/* Mark the subtree of id in drop[] with value v (where still kept). */
void engine_drop_subtree(rm_engine *e, int32_t id, uint8_t v);

void clutter_classify(rm_engine *e);
/* About the most clutter_classify's tables hold of e->memory at once:
 * what the call keeps of the released tree's chunks for them. */
size_t clutter_table_bytes(const rm_engine *e);

/* Choose the article: returns the number of roots written to roots[]
 * (at most max_roots), 0 when the page has no body. */
size_t score_select(rm_engine *e, unsigned attempt, int32_t *roots, size_t max_roots);

/* On a thread whose replies nest inside the posts they answer, the box
 * holding the outermost posts of the reply tree around `choice`, or
 * RM_NONE (score.c). */
int32_t score_reply_tree(const rm_engine *e, int32_t choice);

void clean_article(rm_engine *e, unsigned attempt, const int32_t *roots, size_t n);

/* Copy of the article's drop mask for plain text: `mask` (dom.count bytes,
 * filled from e->drop) also drops the captions under pictures. */
void clean_captions_for_text(const rm_engine *e, const int32_t *roots, size_t n, uint8_t *mask);

/* Drop the second and later copies of a block of text under the roots
 * (repeats.c). Returns -1 when out of memory. */
int clean_repeated_blocks(rm_engine *e, const int32_t *roots, size_t n);

/* On a thread, drop a quote or a block of text whose words the thread
 * said before it: a reply quoting an earlier post, a post shown twice
 * (repeats.c). Returns -1 when out of memory. */
int clean_thread_repeats(rm_engine *e, const int32_t *roots, size_t n);

/* On an index page, drop the second copy of a line inside one card of the
 * grid (cards.c). Returns -1 when out of memory. */
int clean_card_repeats(rm_engine *e);

/* On an index, product or landing page, the page's <h1> and the short
 * paragraphs of prose between it and the chosen roots (its introduction),
 * kept by `mask`: written to out[] (the <h1> first, in document order),
 * their number returned; 0 when there is no such introduction (intro.c). */
size_t intro_blocks(const rm_engine *e, const uint8_t *mask, const int32_t *roots, size_t n,
                    int32_t *out, size_t max);

/* Drop the byline element and headings that repeat the title (`title` is
 * case-folded). */
void clean_title_and_byline(rm_engine *e, const char *title, size_t title_len);

/* Readability's isProbablyReaderable over the visible page. */
bool score_readerable(const rm_engine *e);

#endif
