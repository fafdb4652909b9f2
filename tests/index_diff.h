/*
 * index_diff.h — the index of a page built with and without the text
 * bypass (bypass.h), and the first difference between the two: the unit
 * tests, the corpus test and the fuzzer hold the bypass to changing
 * nothing the passes can read.
 *
 * A page goes through the pre-scan as rm_extract runs it (every cap and
 * stripping, text taken as UTF-8 as it stands), Gumbo and dom_build; the
 * index keeps the pre-scan's gaps, as in extraction, so that the lengths
 * of raw text (dom_cut_space) are compared too.
 */
#ifndef RM_INDEX_DIFF_H
#define RM_INDEX_DIFF_H

#include "arena.h"
#include "dom.h"
#include "prescan.h"
#include "readmode.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    rm_dom dom;
    prescan_output pre;
} indexed_page;

/* Index `len` bytes of markup; with `bypass`, runs of text go past Gumbo.
 * Returns 0, or -1 when out of memory. */
static inline int index_page(const char *html, size_t len, bool bypass, indexed_page *page)
{
    const prescan_limits limits = {
        .max_depth = rm_default_options.max_depth,
        .max_attributes = RM_MAX_ATTRIBUTES,
        .max_attribute_bytes = RM_MAX_ATTRIBUTE_BYTES,
        .strip = true,
        .bypass_text = bypass,
    };
    memset(page, 0, sizeof *page);
    if (prescan(html, len, &limits, &page->pre))
        return -1;
    const char *markup = page->pre.html ? page->pre.html : html;
    size_t markup_len = page->pre.html ? page->pre.len : len;
    /* Gumbo's tree in an arena released in one step, as in extraction:
     * Gumbo 0.10.1 loses a few blocks on some broken markup */
    arena tree = {.cache = NULL};
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    options.allocator = arena_alloc;
    options.deallocator = arena_dealloc;
    options.userdata = &tree;
    GumboOutput *out = gumbo_parse_with_options(&options, markup, markup_len);
    int rc = out ? dom_build(&page->dom, out, &page->pre) : -1;
    arena_release(&tree);
    if (rc) {
        prescan_free(&page->pre);
        return -1;
    }
    page->dom.gaps = page->pre.gaps;
    page->dom.gap_count = page->pre.gap_count;
    return 0;
}

static inline void indexed_page_free(indexed_page *page)
{
    dom_free(&page->dom);
    prescan_free(&page->pre);
}

/* The first difference of node `i`'s attributes, or false. */
static inline bool attributes_differ(const rm_dom *a, const rm_dom *b, int32_t i, char *why,
                                     size_t n)
{
    size_t ca, cb;
    const rm_attr *la = dom_attr_list(a, i, &ca), *lb = dom_attr_list(b, i, &cb);
    if (ca != cb) {
        snprintf(why, n, "node %d: %zu attributes against %zu", (int)i, ca, cb);
        return true;
    }
    for (size_t k = 0; k < ca; k++)
        if (strcmp(la[k].name, lb[k].name) || strcmp(la[k].value, lb[k].value)) {
            snprintf(why, n, "node %d: attribute %s=\"%.60s\" against %s=\"%.60s\"", (int)i,
                     la[k].name, la[k].value, lb[k].name, lb[k].value);
            return true;
        }
    return false;
}

/* The first difference of node `i`, or false. */
static inline bool node_differs(const rm_dom *a, const rm_dom *b, int32_t i, char *why, size_t n)
{
    const rm_node *x = &a->nodes[i], *y = &b->nodes[i];
    if (x->type != y->type || x->tag != y->tag || x->parent != y->parent ||
        x->first_child != y->first_child || x->next_sibling != y->next_sibling ||
        x->size != y->size || x->depth != y->depth || x->has_attrs != y->has_attrs ||
        dom_namespace(a, i) != dom_namespace(b, i)) {
        snprintf(why, n, "node %d: type, tag, namespace or links differ", (int)i);
        return true;
    }
    char na[64], nb[64];
    if (strcmp(dom_tag_name(a, i, na), dom_tag_name(b, i, nb))) {
        snprintf(why, n, "node %d: <%s> against <%s>", (int)i, na, nb);
        return true;
    }
    if (attributes_differ(a, b, i, why, n))
        return true;
    const char *ta = dom_text(a, i), *tb = dom_text(b, i);
    if (ta && strcmp(ta, tb)) {
        snprintf(why, n, "node %d: text \"%.80s\" against \"%.80s\"", (int)i, ta, tb);
        return true;
    }
    dom_cut ka = dom_cut_space(a, i), kb = dom_cut_space(b, i);
    if (ka.lead != kb.lead || ka.all != kb.all || ka.trail != kb.trail) {
        snprintf(why, n, "node %d: white space cut %u/%u/%u against %u/%u/%u", (int)i, ka.lead,
                 ka.all, ka.trail, kb.lead, kb.all, kb.trail);
        return true;
    }
    return false;
}

/* Do the two indexes differ in anything the passes read? The first
 * difference goes into `why`. */
static inline bool indexes_differ(const rm_dom *a, const rm_dom *b, char *why, size_t n)
{
    if (a->count != b->count || a->html != b->html || a->head != b->head || a->body != b->body) {
        snprintf(why, n, "%d nodes against %d (or <html>, <head>, <body> elsewhere)",
                 (int)a->count, (int)b->count);
        return true;
    }
    for (int32_t i = 0; i < a->count; i++)
        if (node_differs(a, b, i, why, n))
            return true;
    return false;
}

/* Index the page both ways: NULL when the indexes agree, else the first
 * difference (in `why`). *runs (when not NULL) gets how many runs of text
 * went past Gumbo. */
static inline const char *bypass_difference(const char *html, size_t len, size_t *runs, char *why,
                                            size_t n)
{
    indexed_page plain, bypassed;
    if (index_page(html, len, false, &plain))
        return "out of memory";
    if (index_page(html, len, true, &bypassed)) {
        indexed_page_free(&plain);
        return "out of memory";
    }
    if (runs)
        *runs = bypassed.pre.run_count;
    bool differ = indexes_differ(&plain.dom, &bypassed.dom, why, n);
    indexed_page_free(&plain);
    indexed_page_free(&bypassed);
    return differ ? why : NULL;
}

#endif
