/*
 * dom.c — build the flat pre-order index over Gumbo's tree (see dom.h).
 *
 * One iterative walk: a heap stack of (node, next child) frames replaces
 * recursion, so the cost is O(nodes) time and no C stack per level.
 */
#include "dom.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const GumboNode *g;
    int32_t id;            /* our id for g */
    unsigned next_child;   /* index into g's children still to visit */
    int32_t last_child;    /* id of the previously added child, for links */
} frame;

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

/* Copy the source name of custom element `id` (Gumbo's original tag). */
static int add_custom_name(rm_dom *dom, custom_caps *caps, int32_t id, const GumboNode *g)
{
    GumboStringPiece piece = g->v.element.original_tag;
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

static int32_t add_node(rm_dom *dom, size_t *cap, const GumboNode *g,
                        int32_t parent, uint32_t depth)
{
    if (grow((void **)&dom->nodes, cap, (size_t)dom->count + 1, sizeof(rm_node)))
        return RM_NONE;
    int32_t id = dom->count++;
    rm_node *n = &dom->nodes[id];
    n->g = g;
    n->parent = parent;
    n->first_child = RM_NONE;
    n->next_sibling = RM_NONE;
    n->size = 1;
    n->depth = depth;
    n->type = g->type == GUMBO_NODE_ELEMENT ? RM_NODE_ELEMENT
              : g->type == GUMBO_NODE_DOCUMENT ? RM_NODE_DOCUMENT : RM_NODE_TEXT;
    n->tag = g->type == GUMBO_NODE_ELEMENT ? g->v.element.tag : GUMBO_TAG_UNKNOWN;
    n->has_attrs = 0;
    if (g->type == GUMBO_NODE_ELEMENT)
        for (unsigned k = 0; k < g->v.element.attributes.length; k++) {
            const GumboAttribute *a = g->v.element.attributes.data[k];
            n->has_attrs |= dom_attr_bit(a->name[0]);
        }
    return id;
}

int dom_build(rm_dom *dom, const GumboOutput *output)
{
    memset(dom, 0, sizeof *dom);
    dom->html = dom->head = dom->body = RM_NONE;
    size_t cap = 0, stack_cap = 0;
    custom_caps caps = {0, 0, 0};
    frame *stack = NULL;
    size_t top = 0;

    if (grow((void **)&stack, &stack_cap, 1, sizeof(frame)))
        return -1;
    int32_t root = add_node(dom, &cap, output->document, RM_NONE, 0);
    if (root == RM_NONE)
        goto oom;
    stack[top++] = (frame){output->document, root, 0, RM_NONE};

    while (top > 0) {
        frame *f = &stack[top - 1];
        const GumboVector *kids = children_of(f->g);
        if (!kids || f->next_child >= kids->length) {
            /* Subtree complete: its size is everything added since. */
            dom->nodes[f->id].size = (uint32_t)(dom->count - f->id);
            top--;
            continue;
        }
        const GumboNode *child = kids->data[f->next_child++];
        if (!is_indexed(child))
            continue;
        int32_t parent = f->id;
        int32_t prev = f->last_child;
        int32_t id = add_node(dom, &cap, child, parent, (uint32_t)top);
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
            stack[top++] = (frame){child, id, 0, RM_NONE};
        }
    }
    free(stack);
    return 0;
oom:
    free(stack);
    dom_free(dom);
    return -1;
}

void dom_free(rm_dom *dom)
{
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

const char *dom_attr_lookup(const rm_dom *dom, int32_t id, const char *name)
{
    const rm_node *n = &dom->nodes[id];
    if (n->type != RM_NODE_ELEMENT)
        return NULL;
    /* gumbo_get_attribute with a cheap first test: every pass looks up
     * several names on every element. x | 0x20 folds ASCII letters' case
     * and keeps equal characters equal, so no match is skipped. */
    const GumboVector *attrs = &n->g->v.element.attributes;
    char first = (char)(name[0] | 0x20);
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *a = attrs->data[i];
        if ((char)(a->name[0] | 0x20) == first && same_name(a->name, name))
            return a->value;
    }
    return NULL;
}

void dom_attrs_lookup(const rm_dom *dom, int32_t id, const char *const *names, size_t count,
                      const char **values)
{
    for (size_t k = 0; k < count; k++)
        values[k] = NULL;
    const rm_node *n = &dom->nodes[id];
    if (n->type != RM_NODE_ELEMENT || !n->has_attrs)
        return;
    uint8_t asked = 0;
    for (size_t k = 0; k < count; k++)
        asked |= dom_attr_bit(names[k][0]);
    if (!(n->has_attrs & asked))
        return;
    const GumboVector *attrs = &n->g->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *a = attrs->data[i];
        char first = (char)(a->name[0] | 0x20);
        for (size_t k = 0; k < count; k++)
            if (!values[k] && (char)(names[k][0] | 0x20) == first && same_name(a->name, names[k]))
                values[k] = a->value;
    }
}

const char *dom_text(const rm_dom *dom, int32_t id)
{
    const rm_node *n = &dom->nodes[id];
    return n->type == RM_NODE_TEXT ? n->g->v.text.text : NULL;
}

dom_cut dom_cut_space(const rm_dom *dom, int32_t id)
{
    dom_cut cut = {0, 0, 0};
    if (!dom->gap_count || dom->nodes[id].type != RM_NODE_TEXT)
        return cut;
    const GumboText *t = &dom->nodes[id].g->v.text;
    size_t from = t->start_pos.offset, to = from + t->original_text.length;
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
