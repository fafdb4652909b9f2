/*
 * dom.c — build the flat pre-order index over Gumbo's tree (see dom.h).
 *
 * One iterative walk: a heap stack of (node, next child) frames replaces
 * recursion, so the cost is O(nodes) time and no C stack per level.
 *
 * Streamed segments. React's streaming server renderer sends the parts of
 * a page that were not ready as <div hidden id="S:n"> at the end of the
 * body, and a script moves each one's content into its placeholder
 * (<template id="B:m">, replacing the fallback up to the boundary's
 * closing <!--/$-->, or <template id="P:m">). The index is built as the
 * page reads once those scripts ran: the segment's children take the
 * placeholder's place, so the article container holds its own content.
 * The pairs come from the scripts' calls (prescan_output.moves).
 *
 * Bypassed text. The pre-scan may have handed runs of text and attribute
 * values past Gumbo as placeholders (bypass.h). A text Gumbo built can
 * hold several of them between ordinary characters (Gumbo joins the text
 * on both sides of a tag it drops, and the text it moves out of a table),
 * so every text is copied with each placeholder replaced by its run's
 * bytes, a value that is one placeholder is copied as its run, and
 * lengths of text read off Gumbo's tree before that (a streamed segment's
 * link density) count the runs' bytes. The span before a text (dom_cut_space) stays in
 * the coordinates of the markup Gumbo parsed, as the pre-scan's gaps are.
 */
#include "dom.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

typedef struct {
    const GumboNode *g;
    const GumboVector *kids;   /* children_of(g), read once */
    int32_t id;            /* our id for g */
    unsigned next_child;   /* index into g's children still to visit */
    int32_t last_child;    /* id of the previously added child, for links */
    bool spliced;          /* a moved segment: its children go to `id` */
} frame;

/* A streamed segment found among the body's children, and where it goes. */
typedef struct {
    const char *place;     /* the placeholder's id */
    const GumboNode *g;    /* the segment element, or NULL if not there */
    bool placed;           /* moved, or passed where it stands */
} stream_move;

/* More pairs than this are left where they are: a page streams a few
 * dozen parts, and each placeholder is looked up among all the pairs. */
#define STREAM_MOVES_MAX 256

static const GumboVector *children_of(const GumboNode *g)
{
    if (g->type == GUMBO_NODE_DOCUMENT)
        return &g->v.document.children;
    if (g->type == GUMBO_NODE_ELEMENT)
        return &g->v.element.children;
    return NULL;   /* text, and <template> whose content is inert */
}

static int is_indexed(const GumboNode *g)
{
    switch (g->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
        return 1;
    default:
        return 0;
    }
}

static int grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 1024;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*buf, ncap * elem);
    if (!p)
        return -1;
    *buf = p;
    *cap = ncap;
    return 0;
}

#define CUSTOM_NAME_MAX 63

/* Capacities of the custom-name store while it is built. */
typedef struct {
    size_t ids, names, names_len;
} custom_caps;

/* The name of custom element `id` from its tag's markup. */
static int copy_custom_name(rm_dom *dom, custom_caps *caps, int32_t id, GumboStringPiece piece)
{
    gumbo_tag_from_original_text(&piece);
    size_t len = piece.length < CUSTOM_NAME_MAX ? piece.length : CUSTOM_NAME_MAX;
    size_t ids_cap = caps->ids;
    if (grow((void **)&dom->custom_ids, &ids_cap, dom->custom_count + 1, sizeof *dom->custom_ids) ||
        grow((void **)&dom->custom_offsets, &caps->ids, dom->custom_count + 1,
             sizeof *dom->custom_offsets) ||
        grow((void **)&dom->custom_names, &caps->names, caps->names_len + len + 1, 1))
        return -1;
    char *name = dom->custom_names + caps->names_len;
    for (size_t i = 0; i < len; i++) {
        char c = piece.data[i];
        name[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    name[len] = '\0';
    dom->custom_ids[dom->custom_count] = id;
    dom->custom_offsets[dom->custom_count++] = (uint32_t)caps->names_len;
    caps->names_len += len + 1;
    return 0;
}

/* Copy the source name of custom element `id` (Gumbo's original tag). The
 * name is read off the tag's markup, which after an ignored "</>" begins
 * there and runs into the attribute values: placeholders in it (bypass.h)
 * are put back first. */
static int add_custom_name(rm_dom *dom, custom_caps *caps, int32_t id, const GumboNode *g)
{
    GumboStringPiece piece = g->v.element.original_tag;
    char *expanded = NULL;
    if (dom->runs.count && piece.data && memchr(piece.data, 0xF4, piece.length)) {
        size_t len = bypass_expanded_len(&dom->runs, piece.data, piece.length);
        if (!(expanded = malloc(len)))
            return -1;
        bypass_expand(&dom->runs, piece.data, piece.length, expanded);
        piece = (GumboStringPiece){expanded, len};
    }
    int rc = copy_custom_name(dom, caps, id, piece);
    free(expanded);
    return rc;
}

/* The store of texts and attribute strings: chunks that never move, so
 * the strings' addresses hold while more are added. */
struct dom_chunk {
    dom_chunk *next;
    size_t used, cap;
    char data[];
};

#define CHUNK_BYTES ((size_t)64 << 10)

/* store_alloc past the current chunk: a fresh one. A string bigger than
 * a chunk gets one of its own, exactly its size, behind the current one,
 * whose free space stays in use (the first string of all heads the
 * store in its own: store_alloc checks the room left, never assumes it). */
__attribute__((noinline)) static char *store_alloc_chunk(rm_dom *dom, size_t n)
{
    dom_chunk *c = dom->store;
    size_t cap = n > CHUNK_BYTES - sizeof *c ? n : CHUNK_BYTES - sizeof *c;
    dom_chunk *fresh = malloc(sizeof *fresh + cap);
    if (!fresh)
        return NULL;
    fresh->cap = cap;
    fresh->used = n;
    if (c && n > CHUNK_BYTES - sizeof *c) {
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        dom->store = fresh;
    }
    return fresh->data;
}

/* `n` bytes from the store, aligned to `align` (a power of two), or NULL.
 * Inline, every text and attribute string comes here. */
static inline char *store_alloc(rm_dom *dom, size_t n, size_t align)
{
    dom_chunk *c = dom->store;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    /* a chunk exactly as big as its one string may end unaligned */
    if (!c || at > c->cap || n > c->cap - at)
        return store_alloc_chunk(dom, n);
    c->used = at + n;
    return c->data + at;
}

static const char *store_bytes(rm_dom *dom, const char *s, size_t n)
{
    char *copy = store_alloc(dom, n, 1);
    return copy ? memcpy(copy, s, n) : NULL;
}

/* Attribute names are copied once each: a page repeats a handful of
 * names ("class", "href", "id") on every element, and the passes read an
 * element's names to find the one they ask for. A copy per attribute,
 * spread through the store between the texts, missed the cache on every
 * element of a big page; one shared copy stays in it. Short values are
 * shared the same way: a list's items, a menu's links and a grid's cards
 * repeat their class lists, which several passes read (10 MB of sibling
 * divs: the whole extraction's last-level misses 10.9 M -> 9.7 M).
 * The copies are kept in small tables by a hash of the string: a string
 * whose slot another holds is copied again (not shared, still correct). */
#define SHARED_NAMES 64
#define SHARED_VALUES 256
#define SHARED_MAX 32   /* longer strings are seldom repeated */

typedef struct {
    const char *copy;   /* NULL: an empty slot */
    size_t len;
} shared_slot;

typedef struct {
    shared_slot names[SHARED_NAMES];
    shared_slot values[SHARED_VALUES];
} shared_strings;

/* memcmp(a, b, n) == 0 without a call, for the short strings shared
 * below (two calls an element cost more than comparing their bytes). */
static bool equal_bytes(const char *a, const char *b, size_t n)
{
    for (; n >= sizeof(uint64_t); a += sizeof(uint64_t), b += sizeof(uint64_t), n -= sizeof(uint64_t)) {
        uint64_t x, y;
        memcpy(&x, a, sizeof x);
        memcpy(&y, b, sizeof y);
        if (x != y)
            return false;
    }
    for (; n; n--)
        if (*a++ != *b++)
            return false;
    return true;
}

/* The copy of s (len bytes and its NUL) in `slots` (a power of two of
 * them), made if needed. */
static const char *shared_copy(rm_dom *dom, shared_slot *slots, size_t count, const char *s,
                               size_t len)
{
    if (len > SHARED_MAX)
        return store_bytes(dom, s, len + 1);
    /* the length and three of its bytes tell most strings of a page apart */
    unsigned h = len ? (unsigned)len * 7u + (unsigned char)s[0] * 3u + (unsigned char)s[len - 1] : 0;
    if (len > 2)
        h = h * 31u + (unsigned char)s[len / 2];
    shared_slot *slot = &slots[h & (count - 1)];
    if (slot->copy && slot->len == len && equal_bytes(slot->copy, s, len))
        return slot->copy;
    const char *copy = store_bytes(dom, s, len + 1);
    if (copy)
        *slot = (shared_slot){copy, len};
    return copy;
}

/* Gumbo 0.10.1 sums a numeric character reference's digits in an int
 * and checks the sum only against the largest code point: one that
 * overflows to a negative number ("&#82122222222222222222222227;")
 * passes, and its text gets that number's low byte alone, which is not
 * UTF-8. Every other byte of Gumbo's texts and values is valid UTF-8 (the
 * markup is, and the runs are checked), so a copy that fails the check
 * is made again with each invalid sequence as U+FFFD, as the standard
 * reads such a reference (malloc'd; NULL when out of memory). */
static char *valid_utf8(const char *s, size_t len, size_t *out_len)
{
    char *out = malloc(3 * len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        ucs4_t uc;
        int n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);   /* U+FFFD when invalid */
        o += u8_uctomb((uint8_t *)o, uc, 4);
        i += (size_t)n;
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* Gumbo's text or value `s` (len bytes), or its repair when it is not
 * valid UTF-8 (*repaired then owns it; NULL: out of memory). A page with
 * runs past Gumbo holds no such reference: the bypass is off on a page
 * with a numeric reference that large (bypass_page_allowed), so only the
 * others are checked. */
static const char *as_utf8(const rm_dom *dom, const char *s, size_t *len, char **repaired)
{
    *repaired = NULL;
    if (dom->runs.count || !u8_check((const uint8_t *)s, *len))
        return s;
    *repaired = valid_utf8(s, *len, len);
    return *repaired;
}

/* A text with its span in the markup (see dom_cut_space) just before it,
 * the runs of text the pre-scan handed past Gumbo put back in. */
static const char *store_text(rm_dom *dom, const GumboText *t)
{
    /* a text that is one placeholder alone (most bypassed texts) ends
     * right after its four bytes (Gumbo's text is valid UTF-8: a lead
     * byte has its three continuation bytes): no need to measure it */
    bool lone = dom->runs.count && (unsigned char)t->text[0] == 0xF4 && !t->text[BYPASS_PLACEHOLDER_MIN];
    size_t len = lone ? BYPASS_PLACEHOLDER_MIN : strlen(t->text);
    char *repaired = NULL;
    const char *text_of_gumbo = lone ? t->text : as_utf8(dom, t->text, &len, &repaired);
    if (!text_of_gumbo)
        return NULL;
    /* a text shorter than a placeholder holds none: most white space */
    bool runs = dom->runs.count && len >= BYPASS_PLACEHOLDER_MIN;
    const bypass_run *whole = runs ? bypass_whole(&dom->runs, text_of_gumbo, len) : NULL;
    size_t full = whole ? whole->len : runs ? bypass_expanded_len(&dom->runs, text_of_gumbo, len) : len;
    char *copy = store_alloc(dom, 2 * sizeof(uint32_t) + full + 1, _Alignof(uint32_t));
    if (!copy) {
        free(repaired);
        return NULL;
    }
    uint32_t span[2] = {(uint32_t)t->start_pos.offset, (uint32_t)t->original_text.length};
    memcpy(copy, span, sizeof span);
    char *text = copy + sizeof span;
    if (whole)
        memcpy(text, dom->runs.source + whole->start, full);
    else if (full == len)
        memcpy(text, text_of_gumbo, len);
    else
        bypass_expand(&dom->runs, text_of_gumbo, len, text);
    text[full] = '\0';
    if (repaired)   /* (a call saved on each of a page's texts) */
        free(repaired);
    return text;
}

/* An attribute value, through `shared` (see shared_copy) when short. A
 * value the pre-scan handed past Gumbo is all one placeholder (bypass.h),
 * so its first byte tells: its run's bytes are copied instead. */
static const char *copy_value(rm_dom *dom, shared_strings *shared, const char *value)
{
    size_t len = strlen(value);
    if (!dom->runs.count || (unsigned char)value[0] < 0xF3) {
        char *repaired;
        const char *valid = as_utf8(dom, value, &len, &repaired);
        const char *copy = valid ? shared_copy(dom, shared->values, SHARED_VALUES, valid, len) : NULL;
        if (repaired)
            free(repaired);
        return copy;
    }
    const bypass_run *whole = bypass_whole(&dom->runs, value, len);
    size_t full = whole ? whole->len : bypass_expanded_len(&dom->runs, value, len);
    char buf[SHARED_MAX + 1];
    char *copy = full <= SHARED_MAX ? buf : store_alloc(dom, full + 1, 1);
    if (!copy)
        return NULL;
    if (whole)
        memcpy(copy, dom->runs.source + whole->start, full);
    else
        bypass_expand(&dom->runs, value, len, copy);
    copy[full] = '\0';
    return copy == buf ? shared_copy(dom, shared->values, SHARED_VALUES, buf, full) : copy;
}

/* Copy the attributes of element g into the index (through `shared`,
 * see shared_copy). */
static int add_attributes(rm_dom *dom, size_t *cap, shared_strings *shared, rm_node *n,
                          const GumboElement *el)
{
    size_t count = el->attributes.length < UINT16_MAX ? el->attributes.length : UINT16_MAX;
    size_t first = dom->attr_total;
    if (first + count > UINT32_MAX ||
        grow((void **)&dom->attrs, cap, first + count, sizeof *dom->attrs))
        return -1;
    n->attr_first = (uint32_t)first;
    n->attr_count = (uint16_t)count;
    for (size_t i = 0; i < count; i++) {
        const GumboAttribute *a = el->attributes.data[i];
        rm_attr *to = &dom->attrs[first + i];
        size_t len = strlen(a->name);
        if (!(to->name = shared_copy(dom, shared->names, SHARED_NAMES, a->name, len)) ||
            !(to->value = copy_value(dom, shared, a->value)))
            return -1;
        n->has_attrs |= len ? dom_attr_bit(a->name, len) : 0xFF;
    }
    dom->attr_total = first + count;
    return 0;
}

/* A node of the tree walk: its Gumbo node is noted for dom_copy_content.
 * Inlined into the walk, which adds every node, and written whole at
 * once rather than cleared and then filled. */
static inline __attribute__((always_inline)) int32_t add_node(rm_dom *dom, size_t *cap,
                                                               const GumboNode *g, int32_t parent,
                                                               uint32_t depth)
{
    if (grow((void **)&dom->nodes, cap, (size_t)dom->count + 1, sizeof(rm_node)))
        return RM_NONE;
    int32_t id = dom->count++;
    bool element = g->type == GUMBO_NODE_ELEMENT;
    dom->nodes[id] = (rm_node){
        .g = g,
        .parent = parent,
        .first_child = RM_NONE,
        .next_sibling = RM_NONE,
        .size = 1,
        .depth = depth,
        .tag = element ? (uint16_t)g->v.element.tag : GUMBO_TAG_UNKNOWN,
        .type = element                             ? RM_NODE_ELEMENT
                : g->type == GUMBO_NODE_DOCUMENT ? RM_NODE_DOCUMENT
                                                 : RM_NODE_TEXT,
    };
    return id;
}

/* Replace node n's Gumbo pointer by copies of what the passes read. */
static int copy_content(rm_dom *dom, size_t *attrs_cap, shared_strings *shared, rm_node *n)
{
    const GumboNode *g = n->g;
    if (n->type == RM_NODE_TEXT)
        return (n->text = store_text(dom, &g->v.text)) ? 0 : -1;
    n->text = NULL;
    if (n->type != RM_NODE_ELEMENT)
        return 0;
    n->ns = (uint8_t)g->v.element.tag_namespace;
    return add_attributes(dom, attrs_cap, shared, n, &g->v.element);
}

static const char *element_id(const GumboNode *g)
{
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE)
        return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, "id");
    return a ? a->value : NULL;
}

/* The ids the two streaming renderers give what they send late: React's
 * segments ("S:1", placed at a <template id="B:0">) and Marko's fragments
 * ("afR1", placed where the element "afRph1" stands, its loading
 * indicator replaced; prescan.c). Only such ids are looked up. */
static bool may_be_segment_id(const char *id)
{
    return id && ((id[0] == 'S' && id[1] == ':') || (id[0] == 'a' && id[1] == 'f'));
}

static bool may_be_place(const GumboNode *g)
{
    if (g->type == GUMBO_NODE_TEMPLATE)
        return true;
    const char *id = g->type == GUMBO_NODE_ELEMENT ? element_id(g) : NULL;
    return id && id[0] == 'a' && id[1] == 'f';
}

static const GumboNode *body_of(const GumboOutput *output)
{
    const GumboVector *kids = &output->root->v.element.children;
    for (unsigned i = 0; i < kids->length; i++) {
        const GumboNode *k = kids->data[i];
        if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BODY)
            return k;
    }
    return NULL;
}

/* A segment whose text is a third or more link text is a shelf of
 * teasers (yesterday's top items, more stories, category links) streamed
 * under a page that is already there: it stays where it is, hidden, as
 * readmode reads streamed segments that no script places. A teaser card
 * is a linked title over a line or two of text (0.35 to 0.5 of it links);
 * prose with links in it stays under a quarter (Readability takes a
 * sibling paragraph as content below 0.25). Text is counted in bytes, in
 * a walk along Gumbo's parent links. */
#define SEGMENT_MAX_LINK_DENSITY 0.3

static const GumboVector *walk_children(const GumboNode *g)
{
    return g->type == GUMBO_NODE_ELEMENT ? &g->v.element.children : NULL;
}

static bool is_link_shelf(const bypass_table *runs, const GumboNode *segment)
{
    size_t text = 0, linked = 0, links_open = 0;
    const GumboNode *g = segment;
    for (;;) {
        const GumboVector *kids = walk_children(g);
        if (g->type == GUMBO_NODE_TEXT) {
            const char *t = g->v.text.text;
            size_t n = runs->count ? bypass_expanded_len(runs, t, strlen(t)) : strlen(t);
            text += n;
            linked += links_open ? n : 0;
        }
        if (kids && kids->length) {   /* down */
            links_open += g->v.element.tag == GUMBO_TAG_A;
            g = kids->data[0];
            continue;
        }
        /* up until a next sibling */
        while (g != segment) {
            const GumboNode *up = g->parent;
            const GumboVector *siblings = walk_children(up);
            size_t next = g->index_within_parent + 1;
            if (next < siblings->length) {
                g = siblings->data[next];
                break;
            }
            g = up;
            links_open -= g->v.element.tag == GUMBO_TAG_A;
        }
        if (g == segment)
            return text > 0 && (double)linked >= SEGMENT_MAX_LINK_DENSITY * (double)text;
    }
}

/* The moves the scripts asked for, each with its segment when that is a
 * child of the body, where React writes them. Returns how many pairs (0
 * when none or out of memory: nothing moves). One pass over the body's
 * children: only ids React gives segments ("S:") are looked up. */
static size_t find_moves(const GumboOutput *output, const prescan_output *pre,
                         const bypass_table *runs, stream_move **out)
{
    *out = NULL;
    const GumboNode *body = pre && pre->move_count ? body_of(output) : NULL;
    if (!body)
        return 0;
    size_t count = pre->move_count < STREAM_MOVES_MAX ? pre->move_count : STREAM_MOVES_MAX;
    stream_move *moves = calloc(count, sizeof *moves);
    const char **segments = calloc(count, sizeof *segments);
    if (!moves || !segments) {
        free(moves);
        free(segments);
        return 0;
    }
    const char *p = pre->moves;
    for (size_t i = 0; i < count; i++) {
        segments[i] = p;
        moves[i].place = p + strlen(p) + 1;
        p = moves[i].place + strlen(moves[i].place) + 1;
    }
    const GumboVector *kids = &body->v.element.children;
    for (unsigned k = 0; k < kids->length; k++) {
        const char *id = element_id(kids->data[k]);
        if (!may_be_segment_id(id) || is_link_shelf(runs, kids->data[k]))
            continue;
        /* one segment, one place: the first call naming it */
        for (size_t i = 0; i < count; i++)
            if (!strcmp(segments[i], id)) {
                moves[i].g = moves[i].g ? moves[i].g : kids->data[k];
                break;
            }
    }
    free(segments);
    *out = moves;
    return count;
}

static stream_move *move_for_placeholder(stream_move *moves, size_t count, const GumboNode *g)
{
    if (!may_be_place(g))
        return NULL;
    const char *id = element_id(g);
    for (size_t i = 0; id && i < count; i++)
        if (moves[i].g && !moves[i].placed && !strcmp(moves[i].place, id))
            return &moves[i];
    return NULL;
}

/* A segment passed where it stands is placed: no later placeholder may
 * pull it in again (a segment holding its own placeholder). */
static bool is_moved_segment(stream_move *moves, size_t count, const GumboNode *g)
{
    for (size_t i = 0; i < count; i++) {
        if (moves[i].g != g)
            continue;
        bool moved = moves[i].placed;
        moves[i].placed = true;
        return moved;
    }
    return false;
}

static const char *comment_text(const GumboNode *g)
{
    return g->type == GUMBO_NODE_COMMENT ? g->v.text.text : NULL;
}

/* After a boundary's placeholder (<!--$?--><template id="B:m">), the
 * fallback runs to the boundary's <!--/$-->: where the walk resumes, past
 * the fallback, or `next` when the marks are not there. */
static unsigned past_fallback(const GumboVector *kids, unsigned next)
{
    const char *open = next >= 2 ? comment_text(kids->data[next - 2]) : NULL;
    if (!open || strcmp(open, "$?"))
        return next;
    unsigned nested = 0;
    for (unsigned i = next; i < kids->length; i++) {
        const char *mark = comment_text(kids->data[i]);
        if (!mark)
            continue;
        if (!strcmp(mark, "/$")) {
            if (nested == 0)
                return i;
            nested--;
        } else if (!strcmp(mark, "$") || !strcmp(mark, "$?") || !strcmp(mark, "$!")) {
            nested++;
        }
    }
    return next;
}

/* The arrays grew by doubling: what they hold stays for the whole
 * extraction, the slack need not. */
static void shrink_to_fit(rm_dom *dom)
{
    rm_node *nodes = realloc(dom->nodes, (size_t)dom->count * sizeof *nodes);
    dom->nodes = nodes ? nodes : dom->nodes;
    if (dom->attr_total) {
        rm_attr *attrs = realloc(dom->attrs, dom->attr_total * sizeof *attrs);
        dom->attrs = attrs ? attrs : dom->attrs;
    }
}

int dom_index_tree(rm_dom *dom, const GumboOutput *output, const prescan_output *pre)
{
    memset(dom, 0, sizeof *dom);
    dom->html = dom->head = dom->body = RM_NONE;
    size_t stack_cap = 0, cap = 0;
    custom_caps caps = {0, 0, 0};
    frame *stack = NULL;
    size_t top = 0, spliced = 0;
    if (pre && pre->run_count)
        dom->runs = (bypass_table){pre->run_source, pre->runs, pre->run_count};
    stream_move *moves;
    size_t move_count = find_moves(output, pre, &dom->runs, &moves);
    const GumboNode *body = move_count ? body_of(output) : NULL;

    if (grow((void **)&stack, &stack_cap, 1, sizeof(frame)))
        goto oom;
    int32_t root = add_node(dom, &cap, output->document, RM_NONE, 0);
    if (root == RM_NONE)
        goto oom;
    stack[top++] = (frame){output->document, children_of(output->document), root, 0, RM_NONE, false};

    while (top > 0) {
        frame *f = &stack[top - 1];
        const GumboVector *kids = f->kids;
        if (!kids || f->next_child >= kids->length) {
            if (f->spliced) {   /* the segment's children end; its host goes on */
                stack[top - 2].last_child = f->last_child;
                spliced--;
            } else {   /* subtree complete: its size is everything added since */
                dom->nodes[f->id].size = (uint32_t)(dom->count - f->id);
            }
            top--;
            continue;
        }
        const GumboNode *child = kids->data[f->next_child++];
        if (move_count) {
            stream_move *m = move_for_placeholder(moves, move_count, child);
            if (m) {
                m->placed = true;
                f->next_child = past_fallback(kids, f->next_child);
                frame segment = {m->g, children_of(m->g), f->id, 0, f->last_child, true};
                if (grow((void **)&stack, &stack_cap, top + 1, sizeof(frame)))
                    goto oom;
                stack[top++] = segment;
                spliced++;
                continue;
            }
            if (f->g == body && is_moved_segment(moves, move_count, child))
                continue;
        }
        if (!is_indexed(child))
            continue;
        int32_t parent = f->id;
        int32_t prev = f->last_child;
        int32_t id = add_node(dom, &cap, child, parent, (uint32_t)(top - spliced));
        if (id == RM_NONE)
            goto oom;
        if (prev == RM_NONE)
            dom->nodes[parent].first_child = id;
        else
            dom->nodes[prev].next_sibling = id;
        stack[top - 1].last_child = id;
        if (child->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = child->v.element.tag;
            if (t == GUMBO_TAG_UNKNOWN && add_custom_name(dom, &caps, id, child))
                goto oom;
            if (t == GUMBO_TAG_HTML && dom->html == RM_NONE)
                dom->html = id;
            else if (t == GUMBO_TAG_HEAD && dom->head == RM_NONE)
                dom->head = id;
            else if (t == GUMBO_TAG_BODY && dom->body == RM_NONE)
                dom->body = id;
            if (grow((void **)&stack, &stack_cap, top + 1, sizeof(frame)))
                goto oom;
            stack[top++] = (frame){child, &child->v.element.children, id, 0, RM_NONE, false};
        }
    }
    free(stack);
    free(moves);
    return 0;
oom:
    free(stack);
    free(moves);
    dom_free(dom);
    return -1;
}

int dom_copy_content(rm_dom *dom)
{
    size_t attrs_cap = 0;
    shared_strings shared = {{{NULL, 0}}, {{NULL, 0}}};
    for (int32_t i = 0; i < dom->count; i++) {
        if (copy_content(dom, &attrs_cap, &shared, &dom->nodes[i])) {
            dom_free(dom);
            return -1;
        }
    }
    dom->runs = (bypass_table){NULL, NULL, 0};   /* not needed past here */
    shrink_to_fit(dom);
    return 0;
}

int dom_build(rm_dom *dom, const GumboOutput *output, const prescan_output *pre)
{
    return dom_index_tree(dom, output, pre) ? -1 : dom_copy_content(dom);
}

void dom_free(rm_dom *dom)
{
    for (dom_chunk *c = dom->store, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(dom->attrs);
    free(dom->nodes);
    free(dom->custom_ids);
    free(dom->custom_offsets);
    free(dom->custom_names);
    memset(dom, 0, sizeof *dom);
    dom->html = dom->head = dom->body = RM_NONE;
}

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* strcasecmp(a, b) == 0 in the C locale, without a library call for the
 * few bytes of an attribute name. */
static bool same_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x != y && ascii_lower(x) != ascii_lower(y))
            return false;
        if (!x)
            return true;
    }
}

const char *dom_attr_scan(const rm_dom *dom, int32_t id, const char *name)
{
    /* gumbo_get_attribute with a cheap first test: every pass looks up
     * several names on every element. x | 0x20 folds ASCII letters' case
     * and keeps equal characters equal, so no match is skipped. */
    const rm_node *n = &dom->nodes[id];
    const rm_attr *a = dom->attrs + n->attr_first;
    char first = (char)(name[0] | 0x20);
    for (unsigned i = 0; i < n->attr_count; i++)
        if ((char)(a[i].name[0] | 0x20) == first && same_name(a[i].name, name))
            return a[i].value;
    return NULL;
}

void dom_attrs_lookup(const rm_dom *dom, int32_t id, const char *const *names, size_t count,
                      const char **values)
{
    for (size_t k = 0; k < count; k++)
        values[k] = NULL;
    const rm_node *n = &dom->nodes[id];
    uint8_t wanted = 0;
    for (size_t k = 0; k < count; k++)
        wanted |= dom_attr_bit(names[k], strlen(names[k]));
    if (n->type != RM_NODE_ELEMENT || !(n->has_attrs & wanted))
        return;
    const rm_attr *a = dom->attrs + n->attr_first;
    for (unsigned i = 0; i < n->attr_count; i++) {
        char first = (char)(a[i].name[0] | 0x20);
        for (size_t k = 0; k < count; k++)
            if (!values[k] && (char)(names[k][0] | 0x20) == first &&
                same_name(a[i].name, names[k]))
                values[k] = a[i].value;
    }
}

dom_cut dom_cut_space(const rm_dom *dom, int32_t id)
{
    dom_cut cut = {0, 0, 0};
    if (!dom->gap_count || dom->nodes[id].type != RM_NODE_TEXT)
        return cut;
    uint32_t span[2];   /* stored before the text (store_text) */
    memcpy(span, dom->nodes[id].text - sizeof span, sizeof span);
    size_t from = span[0], to = from + span[1];
    size_t lo = 0, hi = dom->gap_count;
    while (lo < hi) {   /* the first gap at or after the node */
        size_t mid = lo + (hi - lo) / 2;
        if (dom->gaps[mid].at < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < dom->gap_count && dom->gaps[lo].at < to; lo++) {
        uint32_t n = (uint32_t)dom->gaps[lo].cut;
        cut.all += n;
        cut.lead += dom->gaps[lo].at == from ? n : 0;
        cut.trail += dom->gaps[lo].at + 1 == to ? n : 0;
    }
    return cut;
}

const char *dom_tag_name(const rm_dom *dom, int32_t id, char buf[64])
{
    const rm_node *n = &dom->nodes[id];
    if (n->type != RM_NODE_ELEMENT)
        return "";
    if (n->tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname(n->tag);
    size_t lo = 0, hi = dom->custom_count;   /* ids ascend: binary search */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dom->custom_ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == dom->custom_count || dom->custom_ids[lo] != id)
        return "";
    strcpy(buf, dom->custom_names + dom->custom_offsets[lo]);
    return buf;
}
