/*
 * dom.h — a flat, read-only index over Gumbo's parse tree.
 *
 * Node 0 is the document; element and text nodes follow in pre-order.
 * Gumbo's tree is never mutated. Instead every element and text node gets a
 * pre-order id, and the passes of the extractor keep their per-node facts in
 * arrays indexed by that id: tree links, flags, subtree text statistics and
 * the keep/remove verdict. All walks use these links and explicit loops, not
 * recursion, so a 100 000-deep page cannot exhaust the C stack.
 *
 * The index holds everything the passes read of the tree (texts, attribute
 * names and values, namespaces), copied into its own compact store, so
 * Gumbo's tree can be freed as soon as the index is built: Gumbo's tree is
 * several times the index (a node is over 100 bytes, with source positions
 * and original text; 5.8 MB against 1.7 MB for a 1 MB Wikipedia page); the
 * passes' own per-node arrays are then allocated without the tree still
 * held, and they read texts and attributes from a few dense arrays instead
 * of nodes scattered over the tree's memory.
 *
 * Pre-order ids have a useful property: the subtree of node i is exactly the
 * id range [i, i + n[i].size).
 */
#ifndef RM_DOM_H
#define RM_DOM_H

#include "prescan.h"

#include <gumbo.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RM_NONE (-1)

typedef enum { RM_NODE_DOCUMENT, RM_NODE_ELEMENT, RM_NODE_TEXT } rm_node_type;

/* Subtree statistics, summed bottom-up once (dom_compute_stats). Text is
 * counted in Unicode code points after collapsing white space runs. */
typedef struct {
    uint32_t chars;         /* visible text */
    float link_chars;       /* text inside <a href> (weighted 0.3 for #frag) */
    uint32_t commas;        /* , ، 、 ， and friends */
    uint32_t sentences;     /* . ! ? 。 ！ ？ followed by space or end */
    uint32_t paragraphs;    /* <p> elements */
    uint32_t list_items;    /* <li> elements */
    uint32_t images;        /* <img>, <picture> */
    uint32_t inputs;        /* <input>, <select>, <textarea>, <button> */
    uint32_t embeds;        /* <iframe>, <object>, <embed>, <video> */
    uint32_t headings;      /* <h1>..<h6> */
    uint32_t links;         /* <a href> */
} rm_stats;

/* One attribute of an element: lower-case name and value, NUL-terminated. */
typedef struct {
    const char *name;
    const char *value;
} rm_attr;

typedef struct {
    union {
        const GumboNode *g;     /* between dom_index_tree and dom_copy_content */
        const char *text;       /* text node: its text, NUL-terminated */
        struct {                /* element: dom->attrs[attr_first ..
                                   attr_first + attr_count) */
            uint32_t attr_first;
            uint16_t attr_count;
            uint8_t ns;         /* a GumboNamespaceEnum */
            uint8_t names;      /* the extractor's: Readability's class and
                                   id patterns in the element's signature
                                   (engine.c, HEUR_SIG_*), 0 until read */
        };
    };
    int32_t parent;         /* RM_NONE for the root */
    int32_t first_child;
    int32_t next_sibling;
    uint32_t size;          /* nodes in the subtree, itself included */
    uint32_t depth;
    uint16_t tag;           /* a GumboTag; GUMBO_TAG_UNKNOWN for text and the
                               document (16 bits keep the node at 32 bytes) */
    uint8_t type;           /* rm_node_type */
    uint8_t has_attrs;      /* an element with attributes: one bit per
                               attribute name (dom_attr_bit), so that asking
                               for a name it cannot have stays in the index */
} rm_node;

_Static_assert(GUMBO_TAG_LAST <= UINT16_MAX, "a GumboTag fits rm_node.tag");
_Static_assert(sizeof(rm_node) <= 32, "a node stays within half a cache line");

typedef struct dom_chunk dom_chunk;

typedef struct {
    rm_node *nodes;
    int32_t count;
    rm_attr *attrs;         /* all elements' attributes, in node order */
    size_t attr_total;
    dom_chunk *store;       /* the texts and attribute strings */
    int32_t html;           /* <html> element id, or RM_NONE */
    int32_t head;           /* <head> id, or RM_NONE */
    int32_t body;           /* <body> id, or RM_NONE */
    /* Names of the elements Gumbo does not know (custom elements): Gumbo
     * keeps them only as pointers into the markup it parsed, so they are
     * copied here (lower-cased, at most 63 bytes) and the markup can be
     * freed once the index is built. Ids ascending; NUL-separated names. */
    int32_t *custom_ids;
    uint32_t *custom_offsets;
    char *custom_names;
    size_t custom_count;
    /* White space the pre-scan cut out of text nodes (not owned; NULL when
     * none), for the lengths of raw text: see dom_cut_space. */
    const prescan_gap *gaps;
    size_t gap_count;
    /* The runs of text the pre-scan handed past Gumbo (not owned; none
     * without the pre-scan's output): between dom_index_tree and
     * dom_copy_content, where the texts are copied with them put back. */
    bypass_table runs;
} rm_dom;

/* Build the index over a parsed document. Skips comments and <template>
 * contents. With the pre-scan's output (or NULL), React's streamed
 * segments are indexed where its scripts move them (see dom.c). Neither
 * Gumbo's tree nor the markup it parsed need outlive the index. An element
 * keeps at most UINT16_MAX attributes (the pre-scan caps them far lower).
 * Returns 0, or -1 when out of memory. */
int dom_build(rm_dom *dom, const GumboOutput *output, const prescan_output *pre);
/* dom_build in its two steps, so that the markup can be freed between
 * them: the first builds the tree links (and copies the custom elements'
 * names out of the markup), the second copies texts, attributes and
 * namespaces out of Gumbo's tree. Each returns 0, or -1 when out of memory
 * (the index freed). */
int dom_index_tree(rm_dom *dom, const GumboOutput *output, const prescan_output *pre);
int dom_copy_content(rm_dom *dom);
void dom_free(rm_dom *dom);

/* The bit of rm_node.has_attrs that an attribute name sets: one of eight,
 * from its first and last bytes and its length (x | 0x20 keeps names that
 * differ only in ASCII case together). On a big page Gumbo's attribute
 * lists are far apart in memory: most look-ups are for names an element
 * does not have, and its bits answer them without going there. */
static inline uint8_t dom_attr_bit(const char *name, size_t len)
{
    unsigned first = (unsigned char)name[0] | 0x20u, last = (unsigned char)name[len - 1] | 0x20u;
    return (uint8_t)(1u << ((first * 15u + last * 12u + (unsigned)len * 3u) >> 4 & 7u));
}

/* dom_attr_bit of a name written as a string literal. */
#define DOM_ATTR_BIT(name) dom_attr_bit(name, sizeof name - 1)

/* dom_attr_lookup on an element whose bits hold the name's (only elements
 * have bits): the list alone is read, the name not measured again. */
const char *dom_attr_scan(const rm_dom *dom, int32_t id, const char *name);
/* Attribute value of an element node, or NULL. Every pass asks for
 * several names on every element, and many elements have no attributes
 * or none of that name's bit: those are answered here without a call or
 * a look at Gumbo's node. Inline, the length of a constant name is known
 * when compiling. */
static inline const char *dom_attr(const rm_dom *dom, int32_t id, const char *name)
{
    return dom->nodes[id].has_attrs & dom_attr_bit(name, strlen(name)) ? dom_attr_scan(dom, id, name)
                                                                        : NULL;
}
/* The same on any node (only elements have bits: the others have none). */
static inline const char *dom_attr_lookup(const rm_dom *dom, int32_t id, const char *name)
{
    return dom_attr(dom, id, name);
}
/* dom_attr for `count` names at once, in one pass over the attributes
 * (a pass that asks an element for many names): values[k] is the value
 * of names[k], or NULL. */
void dom_attrs_lookup(const rm_dom *dom, int32_t id, const char *const *names, size_t count,
                      const char **values);
/* The attributes of node `id` (none for text and the document). */
static inline const rm_attr *dom_attr_list(const rm_dom *dom, int32_t id, size_t *count)
{
    const rm_node *n = &dom->nodes[id];
    *count = n->type == RM_NODE_ELEMENT ? n->attr_count : 0;
    return *count ? dom->attrs + n->attr_first : NULL;
}
/* Namespace of an element (GUMBO_NAMESPACE_HTML for other nodes). */
static inline GumboNamespaceEnum dom_namespace(const rm_dom *dom, int32_t id)
{
    const rm_node *n = &dom->nodes[id];
    return n->type == RM_NODE_ELEMENT ? (GumboNamespaceEnum)n->ns : GUMBO_NAMESPACE_HTML;
}
/* Text of a text node (NULL for elements). */
static inline const char *dom_text(const rm_dom *dom, int32_t id)
{
    const rm_node *n = &dom->nodes[id];
    return n->type == RM_NODE_TEXT ? n->text : NULL;
}

/* White space the pre-scan cut out of a text node, in characters: at its
 * start, in all, and at its end. Gumbo's tree holds the text without it;
 * lengths of raw text, as a browser's textContent has them, add it back. */
typedef struct {
    uint32_t lead, all, trail;
} dom_cut;
dom_cut dom_cut_space(const rm_dom *dom, int32_t id);

/* Tag name for any element, lower-case; custom elements give their source
 * name (into buf, which must hold 64 bytes). */
const char *dom_tag_name(const rm_dom *dom, int32_t id, char buf[64]);

#endif
