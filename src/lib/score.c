/*
 * score.c — find the element that holds the article.
 *
 * This is Readability.js's _grabArticle on the flat DOM, without mutating
 * anything: paragraph-like blocks (p, pre, td, section, h2-h6, divs without
 * block children, and runs of inline content inside container divs) earn
 * points for length and commas, which flow to five levels of ancestors;
 * each candidate's total is scaled by (1 - link density); the best candidate
 * is widened to a common ancestor of close rivals or to a better-scoring
 * parent, then joined by siblings that look like more of the same article.
 * The page-level clutter pass has already taken comments, nags and related
 * blocks out of the drop mask, so they cannot win or feed a candidate.
 */
#include "engine.h"
#include "pagetype.h"

#include <math.h>
#include <string.h>

#define TOP_CANDIDATES 5
#define MIN_PARAGRAPH_CHARS 25
#define ANCESTOR_LEVELS 5
#define MIN_RIVALS 3
#define ENTRY_HEADER_MAX_CHARS 300
#define HEADING_WRAPPER_MAX_CHARS 120
#define UNLIKELY_MIN_PARAGRAPHS 3
#define UNLIKELY_MIN_TEXT_SHARE 0.8
#define SECTION_LEVELS 4      /* how far above the choice its section may sit */
#define MIN_ALIKE_SECTIONS 3

static bool kept(const rm_engine *e, int32_t id) { return e->drop[id] == DROP_KEEP; }

static const rm_node *node(const rm_engine *e, int32_t id) { return &e->dom.nodes[id]; }

static bool is_element(const rm_engine *e, int32_t id)
{
    return node(e, id)->type == RM_NODE_ELEMENT;
}

/* A div whose kept descendants include no block element reads as a <p>. */
static bool div_as_p(const rm_engine *e, int32_t id)
{
    return node(e, id)->tag == GUMBO_TAG_DIV && !e->has_block[id];
}

/* A table cell holding blocks (paragraphs, headings, tables) is a column
 * of a layout table, a container rather than a paragraph. */
static bool layout_cell(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    return (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && e->has_block[id];
}

/* One scoring of the page: the attempt's flags, and the span of ids given
 * a score. Outside the span scored[] stays clear, and score_select clears
 * the span when it is done (nothing else reads the scores), so that the
 * next attempt neither clears nor walks the whole page: on a big page the
 * candidates are a few boxes around the paragraphs. score[] is read only
 * where scored[] is set. */
typedef struct {
    unsigned attempt;
    int32_t first, last;   /* first > last: nothing scored yet */
} scoring;

static void init_candidate(rm_engine *e, scoring *run, int32_t id)
{
    if (e->scored[id])
        return;
    GumboTag tag = div_as_p(e, id) ? GUMBO_TAG_P : node(e, id)->tag;
    float s = (float)heur_tag_prior(tag);
    if (run->attempt & ATTEMPT_WEIGHT_CLASSES)
        s += (float)engine_class_weight(e, id);
    e->score[id] = s;
    e->scored[id] = 1;
    if (id < run->first)
        run->first = id;
    if (id > run->last)
        run->last = id;
}

/* Readability: 1 point, one per comma-separated segment, one per 100
 * characters (at most 3). */
static float paragraph_points(uint32_t chars, uint32_t commas)
{
    uint32_t per_100 = chars / 100;
    return 1.0f + (float)(commas + 1) + (float)(per_100 > 3 ? 3 : per_100);
}

/* Credit a paragraph's points to `first` and its ancestors: full, half,
 * then a third of the level each. The <html> element is never credited. */
static void credit_ancestors(rm_engine *e, scoring *run, int32_t first, float points)
{
    int32_t a = first;
    for (int level = 0; a != RM_NONE && level < ANCESTOR_LEVELS; level++) {
        int32_t parent = node(e, a)->parent;
        if (!is_element(e, a) || parent == RM_NONE || !is_element(e, parent))
            return;
        init_candidate(e, run, a);
        float divider = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
        e->score[a] += points / divider;
        a = parent;
    }
}

static void score_paragraph(rm_engine *e, scoring *run, int32_t id)
{
    const rm_stats *s = &e->st[id];
    if (s->chars < MIN_PARAGRAPH_CHARS)
        return;
    credit_ancestors(e, run, node(e, id)->parent, paragraph_points(s->chars, s->commas));
}

/* Inline runs directly inside a container div: Readability wraps each in a
 * <p>, whose parent is the div. */
static void score_inline_runs(rm_engine *e, scoring *run, int32_t div)
{
    uint32_t chars = 0, commas = 0;
    for (int32_t c = node(e, div)->first_child;; c = node(e, c)->next_sibling) {
        bool block = c != RM_NONE && is_element(e, c) && heur_is_block_tag(node(e, c)->tag);
        if (c == RM_NONE || block) {
            if (chars >= MIN_PARAGRAPH_CHARS)
                credit_ancestors(e, run, div, paragraph_points(chars, commas));
            chars = commas = 0;
            if (c == RM_NONE)
                return;
            continue;
        }
        if (!kept(e, c))
            continue;
        chars += e->st[c].chars;
        commas += e->st[c].commas;
    }
}

static void score_paragraphs(rm_engine *e, scoring *run, int32_t body)
{
    int32_t end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (!is_element(e, i))
            continue;
        GumboTag tag = node(e, i)->tag;
        if ((heur_is_scored_tag(tag) && !layout_cell(e, i)) || div_as_p(e, i))
            score_paragraph(e, run, i);
        else if (tag == GUMBO_TAG_DIV)
            score_inline_runs(e, run, i);
    }
}

/* A box that holds nearly all the page's unlinked text (clutter already
 * gone) and several paragraphs is the page's content, whatever its name: a
 * layout wrapper "sidebar-container" around the post and its sidebar, a
 * "contentWithSidebar" (Readability issue 564). Not on a thread, where
 * "comment" and "reply" boxes are the posts and one long reply can hold
 * most of the text without being the thread. A sidebar of prose beside a
 * short story holds more than half, but not nearly all. Needs e->st of the clutter-free
 * mask. */
static bool holds_most_of_the_text(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->st[id], *page = &e->st[e->dom.body];
    double own = (double)s->chars - s->link_chars, all = (double)page->chars - page->link_chars;
    return s->paragraphs >= UNLIKELY_MIN_PARAGRAPHS && own >= UNLIKELY_MIN_TEXT_SHARE * all;
}

/* On a thread whose replies nest inside the post they answer, the box of
 * a post's replies ("replies", "children", "comment-list") is no
 * sidebar: it holds, among its children or theirs, a box alike to the
 * post around it. Alike: the same schema.org item type (microdata
 * Comment in Comment), or the same tag and first class
 * (pagetype_same_kind) where a class or the tag (<article>, <li>) names
 * the kind: a bare div inside a bare div, or "d-flex" inside "d-flex",
 * is mere layout. The post sits
 * a level or two above its replies' box, the replies a level or two
 * below it. */
#define REPLY_BOX_LEVELS 3

static bool names_its_kind(const rm_engine *e, int32_t id)
{
    const char *cls = dom_attr(&e->dom, id, "class");
    GumboTag t = node(e, id)->tag;
    if (cls && cls[strspn(cls, " \t\n")] != '\0')
        return !heur_is_layout_class(cls);
    return t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_LI;
}

static bool same_post_kind(const rm_engine *e, int32_t a, int32_t b)
{
    const char *ta = dom_attr(&e->dom, a, "itemtype"), *tb = dom_attr(&e->dom, b, "itemtype");
    if (ta || tb)
        return ta && tb && strcmp(ta, tb) == 0;
    return names_its_kind(e, a) && pagetype_same_kind(e, a, b);
}

static bool alike_below(const rm_engine *e, int32_t box, int32_t post, int levels)
{
    for (int32_t c = node(e, box)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (is_element(e, c) &&
            (same_post_kind(e, c, post) || (levels > 1 && alike_below(e, c, post, levels - 1))))
            return true;
    return false;
}

static bool holds_nested_replies(const rm_engine *e, int32_t id)
{
    if (!e->thread)
        return false;
    int32_t a = node(e, id)->parent;
    for (int level = 0; level < REPLY_BOX_LEVELS - 1 && a != RM_NONE; level++, a = node(e, a)->parent)
        if (alike_below(e, id, a, REPLY_BOX_LEVELS - 1))
            return true;
    return false;
}

/* The reply tree around the choice: on a thread whose replies nest inside
 * the post they answer, with no run of signed posts that pagetype.c
 * could find (no dates, no permalinks, no author markup), the scorer
 * picks the chain of replies that scores most and leaves its siblings,
 * the replies to other posts and the opening post out. A box alike to a
 * box around it (a reply in its post), each saying something of its own,
 * marks the tree; the outermost such post's parent holds the replies.
 * An opening post drawn before that box, alike to the replies in it, is
 * the thread's too: the thread is then their parent. */
#define REPLY_MIN_OWN_CHARS 25

/* Reply `a` and post `b` around it each hold a sentence of their own:
 * utility-class layouts nest "d-flex" in "d-flex" around a name and a
 * date. */
static bool says_its_own(const rm_engine *e, int32_t a, int32_t b)
{
    const rm_stats *ra = &e->raw[a], *rb = &e->raw[b];
    return ra->sentences > 0 && rb->sentences > ra->sentences &&
           ra->chars >= REPLY_MIN_OWN_CHARS && rb->chars >= ra->chars + REPLY_MIN_OWN_CHARS;
}

static int32_t outermost_reply_box(const rm_engine *e, int32_t choice)
{
    int32_t body = e->dom.body;
    /* the choice may be the outermost post itself */
    int32_t top = alike_below(e, choice, choice, REPLY_BOX_LEVELS - 1) ? choice : RM_NONE;
    for (int32_t a = choice; a != RM_NONE && a != body; a = node(e, a)->parent) {
        int32_t b = node(e, a)->parent;
        for (int level = 0; level < REPLY_BOX_LEVELS && b != RM_NONE && b != body;
             level++, b = node(e, b)->parent)
            if (same_post_kind(e, a, b) && says_its_own(e, a, b)) {
                top = b;
                break;
            }
    }
    return top == RM_NONE ? RM_NONE : node(e, top)->parent;
}

static bool opens_the_replies(const rm_engine *e, int32_t box)
{
    int32_t parent = node(e, box)->parent;
    for (int32_t s = node(e, parent)->first_child; s != box; s = node(e, s)->next_sibling)
        if (is_element(e, s) && e->raw[s].chars >= REPLY_MIN_OWN_CHARS &&
            alike_below(e, box, s, 1))
            return true;
    return false;
}

int32_t score_reply_tree(const rm_engine *e, int32_t choice)
{
    if (!e->thread || choice == RM_NONE)
        return RM_NONE;
    int32_t box = outermost_reply_box(e, choice);
    int32_t replies = box == RM_NONE ? choice : box;
    int32_t parent = node(e, replies)->parent;
    if (parent != RM_NONE && parent != e->dom.body && opens_the_replies(e, replies))
        return parent;
    return box;
}

static bool is_unlikely(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    /* Without attributes an element has no role and no class or id to be
     * unlikely by (most elements of a big tree): its statistics stay
     * unread. Headings are labels, not blocks: "wprm-recipe-header" names
     * a recipe's "Ingredients", not a page header; so is a short wrapper
     * around one heading ("notion-header-block"). */
    if (!n->has_attrs || n->type != RM_NODE_ELEMENT || n->tag == GUMBO_TAG_BODY || n->tag == GUMBO_TAG_A ||
        heur_is_heading_tag(n->tag) || (e->flags[id] & NF_ROLE_HEADING) ||
        ((e->flags[id] & NF_HAS_HEADING) && e->raw[id].headings == 1 &&
         e->raw[id].chars <= HEADING_WRAPPER_MAX_CHARS && e->raw[id].links == 0) ||
        (e->flags[id] & (NF_IN_TABLE | NF_IN_CODE)))
        return false;
    if (heur_is_unlikely_role(dom_attr(&e->dom, id, "role")))
        return true;
    /* A short header of an entry inside an <article> holds that entry's
     * heading (live blogs, card-based posts), not the page's masthead. */
    if ((e->flags[id] & (NF_IN_ARTICLE | NF_HAS_HEADING)) == (NF_IN_ARTICLE | NF_HAS_HEADING) &&
        e->raw[id].chars <= ENTRY_HEADER_MAX_CHARS)
        return false;
    return engine_is_unlikely(e, id) && !(e->flags[id] & (NF_HAS_H1 | NF_HAS_BODY)) &&
           (e->thread || !holds_most_of_the_text(e, id)) && !holds_nested_replies(e, id);
}

/* Mark id's ancestors as holding a block, up to the first one marked
 * already (whose own ancestors are then marked too). */
static void mark_block_ancestors(rm_engine *e, int32_t id)
{
    for (int32_t p = node(e, id)->parent; p != RM_NONE && !e->has_block[p]; p = node(e, p)->parent)
        e->has_block[p] = 1;
}

/* Readability drops "unlikely" blocks (class/id like sidebar, comment,
 * footer, unless also like article, body, content...) before scoring,
 * when `strip` says so. A block holding the h1 or the articleBody is the
 * article, whatever its name says. The same walk of the kept page fills
 * has_block (a kept block element below) for the mask it leaves: a
 * dropped subtree is left before any of its nodes is marked, and drops
 * are whole subtrees, so a node is kept when its ancestors are (one walk
 * instead of two, and none over dropped subtrees). Returns whether it
 * dropped anything (the statistics then change). */
static bool strip_unlikely_and_mark_blocks(rm_engine *e, bool strip)
{
    bool dropped = false;
    int32_t body = e->dom.body, body_end = engine_end(e, body), end = e->dom.count;
    memset(e->has_block, 0, (size_t)e->dom.count);
    for (int32_t i = engine_kept(e, 0, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (strip && i > body && i < body_end && is_unlikely(e, i)) {
            engine_drop_subtree(e, i, DROP_UNLIKELY);
            dropped = true;
        } else if (is_element(e, i) && heur_is_block_tag(node(e, i)->tag)) {
            mark_block_ancestors(e, i);
        }
    }
    return dropped;
}

/* The candidates are kept nodes of the body (ancestors of kept
 * paragraphs), met here in document order. */
static size_t top_candidates(rm_engine *e, const scoring *run, int32_t top[TOP_CANDIDATES])
{
    size_t n = 0;
    for (int32_t i = run->first; i <= run->last; i++) {
        if (!e->scored[i])
            continue;
        e->score[i] *= (float)(1.0 - engine_link_density(&e->st[i]));
        size_t at = n;
        while (at > 0 && e->score[top[at - 1]] < e->score[i])
            at--;
        if (at >= TOP_CANDIDATES)
            continue;
        size_t last = n < TOP_CANDIDATES ? n : TOP_CANDIDATES - 1;
        memmove(&top[at + 1], &top[at], (last - at) * sizeof top[0]);
        top[at] = i;
        if (n < TOP_CANDIDATES)
            n++;
    }
    return n;
}

/* When three or more close rivals share an ancestor with the winner, the
 * article is that ancestor (e.g. paragraphs split over several divs). */
static int32_t common_ancestor_of_rivals(rm_engine *e, int32_t body, const int32_t *top, size_t n)
{
    int32_t best = top[0];
    size_t rivals = 0;
    for (size_t k = 1; k < n; k++)
        if (e->score[top[k]] / e->score[best] >= 0.75f)
            rivals++;
    if (rivals < MIN_RIVALS)
        return best;
    for (int32_t a = node(e, best)->parent; a != RM_NONE && a != body; a = node(e, a)->parent) {
        size_t containing = 0;
        for (size_t k = 1; k < n; k++)
            if (e->score[top[k]] / e->score[best] >= 0.75f && a != top[k] && engine_contains(e, a, top[k]))
                containing++;
        if (containing >= MIN_RIVALS)
            return a;
    }
    return best;
}

/* Climb to a parent that scores better, while scores stay above a third. */
static int32_t climb_to_better_parent(rm_engine *e, int32_t body, int32_t top)
{
    float last = e->score[top], threshold = last / 3.0f;
    for (int32_t p = node(e, top)->parent; p != RM_NONE && p != body; p = node(e, p)->parent) {
        if (!e->scored[p])
            continue;
        if (e->score[p] < threshold)
            break;
        if (e->score[p] > last)
            return p;
        last = e->score[p];
    }
    return top;
}

static int kept_element_children(const rm_engine *e, int32_t id)
{
    int n = 0;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (kept(e, c) && is_element(e, c))
            n++;
    return n;
}

static bool ends_sentence(const rm_engine *e, int32_t id)
{
    return e->st[id].sentences > 0;
}

/* ---- an article split over sibling containers ---------------------------
 * A CMS often keeps a story in several fields side by side: the intro in
 * one, the numbered items of a list article or the rest of the body in
 * another, each deep in wrappers. Readability's scores decay with depth, so
 * the intro field can win alone; Readability's own sibling merge and the
 * "article split across containers" failure (New Yorker, Spiegel) are the
 * known cases. Measured on prose rather than on scores: climb while a
 * parent holds much more unlinked, sentence-ending paragraph text than the
 * choice, and is itself not a link farm. */
#define PROSE_MIN_CHARS 80
#define PROSE_MAX_LINK_DENSITY 0.25
#define WIDEN_LEVELS 3
#define WIDEN_MIN_GAIN 1.5
#define WIDEN_MIN_EXTRA_CHARS 500
#define WIDEN_MAX_LINK_DENSITY 0.3

/* Characters of prose paragraphs (p, li, pre, text-only divs) in `box`.
 * `inner`, a kept child of box (or RM_NONE), was measured already: its
 * `inner_chars` are taken as they are, so that widening a box level by
 * level walks each node once, not once a level. */
static uint32_t prose_chars(const rm_engine *e, int32_t box, int32_t inner, uint32_t inner_chars)
{
    uint32_t total = 0;
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (i == inner) {
            total += inner_chars;
            i = engine_end(e, i) - 1;
            continue;
        }
        if (!is_element(e, i))
            continue;
        GumboTag t = node(e, i)->tag;
        if (t != GUMBO_TAG_P && t != GUMBO_TAG_LI && t != GUMBO_TAG_PRE && !div_as_p(e, i))
            continue;
        const rm_stats *s = &e->st[i];
        if (s->chars >= PROSE_MIN_CHARS && engine_link_density(s) < PROSE_MAX_LINK_DENSITY &&
            (s->sentences > 0 || t == GUMBO_TAG_PRE))
            total += s->chars;
        i = engine_end(e, i) - 1;
    }
    return total;
}

/* Does `box` hold an <article> apart from the one `choice` is in (the
 * next story of an endless page, a teaser)? */
static bool holds_other_article(const rm_engine *e, int32_t box, int32_t choice)
{
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->tag == GUMBO_TAG_ARTICLE && is_element(e, i) &&
            !engine_contains(e, i, choice) && !engine_contains(e, choice, i))
            return true;
    return false;
}

static int32_t widen_to_split_article(const rm_engine *e, int32_t body, int32_t best)
{
    uint32_t prose = 0, at_prose = 0;
    int32_t at = best;
    for (int level = 0; level < WIDEN_LEVELS; level++) {
        int32_t inner = at;
        at = node(e, at)->parent;
        if (at == RM_NONE || at == body || !is_element(e, at) ||
            engine_link_density(&e->st[at]) > WIDEN_MAX_LINK_DENSITY || holds_other_article(e, at, best))
            break;
        /* the choice's own prose, measured once there is a wider box to
         * weigh it against (a walk of the choice saved when there is none) */
        if (level == 0)
            prose = at_prose = prose_chars(e, best, RM_NONE, 0);
        uint32_t wider = prose_chars(e, at, inner, at_prose);
        at_prose = wider;
        if (wider >= prose + WIDEN_MIN_EXTRA_CHARS && wider >= (uint32_t)(prose * WIDEN_MIN_GAIN)) {
            best = at;
            prose = wider;
        }
    }
    return best;
}

/* Does the element open with a heading (its first element child is one)? */
static bool opens_with_heading(const rm_engine *e, int32_t id)
{
    int32_t c = node(e, id)->first_child;
    while (c != RM_NONE && !is_element(e, c))
        c = node(e, c)->next_sibling;
    return c != RM_NONE && heur_is_heading_tag(node(e, c)->tag);
}

/* Siblings of `id` of its tag and class that open with a heading, `id`
 * included when it does too. */
static int alike_sections(const rm_engine *e, int32_t id)
{
    const char *cls = dom_attr(&e->dom, id, "class");
    if (!cls || !*cls)
        return 0;
    int n = 0;
    for (int32_t s = node(e, node(e, id)->parent)->first_child; s != RM_NONE; s = node(e, s)->next_sibling) {
        const char *c = is_element(e, s) && kept(e, s) ? dom_attr(&e->dom, s, "class") : NULL;
        if (c && node(e, s)->tag == node(e, id)->tag && strcmp(c, cls) == 0 && opens_with_heading(e, s))
            n++;
    }
    return n;
}

/* A manual is written in sections of one kind, each under its heading
 * (AsciiDoc's div.sect1, Sphinx's section, Javadoc's blocks), and the
 * longest one (the options, the reference table) can outscore the rest
 * many times over: when the choice lies in one of three or more alike
 * sections that open with headings, the article is all of them, as
 * rs-trafilatura merges same-class chunks of a split body. */
static int32_t widen_to_sections(const rm_engine *e, int32_t body, int32_t best)
{
    int32_t a = best;
    for (int level = 0; level < SECTION_LEVELS && a != RM_NONE && node(e, a)->parent != body; level++) {
        if (opens_with_heading(e, a) && alike_sections(e, a) >= MIN_ALIKE_SECTIONS)
            return node(e, a)->parent;
        a = node(e, a)->parent;
    }
    return best;
}

/* Readability's sibling merge: returns how many roots were written. */
static size_t merge_siblings(rm_engine *e, int32_t top, int32_t *roots, size_t max)
{
    float threshold = fmaxf(10.0f, e->score[top] * 0.2f);
    const char *top_class = dom_attr(&e->dom, top, "class");
    size_t n = 0;
    int32_t parent = node(e, top)->parent;
    for (int32_t s = node(e, parent)->first_child; s != RM_NONE && n < max;
         s = node(e, s)->next_sibling) {
        if (!kept(e, s) || !is_element(e, s))
            continue;
        bool append = s == top;
        if (!append && e->scored[s]) {
            const char *cls = dom_attr(&e->dom, s, "class");
            float bonus = (top_class && *top_class && cls && strcmp(cls, top_class) == 0)
                              ? e->score[top] * 0.2f : 0.0f;
            append = e->score[s] + bonus >= threshold;
        }
        if (!append && (node(e, s)->tag == GUMBO_TAG_P || div_as_p(e, s))) {
            double ld = engine_link_density(&e->st[s]);
            uint32_t len = e->st[s].chars;
            append = (len > 80 && ld < 0.25) ||
                     (len < 80 && len > 0 && ld == 0.0 && ends_sentence(e, s));
        }
        if (append)
            roots[n++] = s;
    }
    return n;
}

static size_t choose_roots(rm_engine *e, scoring *run, int32_t *roots, size_t max_roots)
{
    int32_t body = e->dom.body;
    /* The statistics of the mask as it is, and again only when stripping
     * the unlikely candidates changed it (a sweep over every node each). */
    engine_restat(e);
    if (strip_unlikely_and_mark_blocks(e, run->attempt & ATTEMPT_STRIP_UNLIKELY))
        engine_restat(e);
    score_paragraphs(e, run, body);

    int32_t top[TOP_CANDIDATES];
    size_t n = top_candidates(e, run, top);
    e->top_candidate = RM_NONE;
    if (n == 0 || top[0] == body || e->score[top[0]] <= 0.0f) {
        roots[0] = body;
        return 1;
    }
    e->top_candidate = top[0];
    int32_t best = common_ancestor_of_rivals(e, body, top, n);
    init_candidate(e, run, best);
    best = climb_to_better_parent(e, body, best);
    while (node(e, best)->parent != body && node(e, best)->parent != RM_NONE &&
           kept_element_children(e, node(e, best)->parent) == 1)
        best = node(e, best)->parent;
    best = widen_to_sections(e, body, best);
    best = widen_to_split_article(e, body, best);
    init_candidate(e, run, best);
    if (best == body) {
        roots[0] = body;
        return 1;
    }
    return merge_siblings(e, best, roots, max_roots);
}

size_t score_select(rm_engine *e, unsigned attempt, int32_t *roots, size_t max_roots)
{
    if (e->dom.body == RM_NONE || max_roots == 0)
        return 0;
    scoring run = {.attempt = attempt, .first = e->dom.count, .last = -1};
    size_t n = choose_roots(e, &run, roots, max_roots);
    if (run.first <= run.last)
        memset(e->scored + run.first, 0, (size_t)(run.last - run.first + 1));
    return n;
}

/* Readability's isProbablyReaderable: enough long, visible, likely
 * paragraphs (p, pre, article, and divs of <br>-separated text), each
 * contributing sqrt(length - 140). */
bool score_readerable(const rm_engine *e)
{
    double total = 0.0;
    for (int32_t i = 0; i < e->dom.count; i++) {
        GumboTag t = node(e, i)->tag;
        if (!is_element(e, i) || e->drop[i] == DROP_STATIC)
            continue;
        if (t != GUMBO_TAG_P && t != GUMBO_TAG_PRE && t != GUMBO_TAG_ARTICLE &&
            !(t == GUMBO_TAG_DIV && engine_has_br_child(e, i)))
            continue;
        if (engine_is_unlikely(e, i))
            continue;
        uint32_t len = e->raw[i].chars;
        if (len < 140)
            continue;
        total += sqrt((double)(len - 140));
        if (total > 20.0)
            return true;
    }
    return false;
}
