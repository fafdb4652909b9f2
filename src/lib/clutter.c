/*
 * clutter.c — find page clutter before the article is scored.
 *
 * Comment threads longer than the article, ad-block nags inside it and
 * related-post grids beside it all mislead a text-mass scorer, so they are
 * taken out first, wherever they sit. Evidence is combined, never a class
 * name alone ("Evidence before removal" in
 * docs/architecture.md):
 *   - vendor roots (disqus_thread, sharedaddy, onetrust ...) suffice;
 *   - a generic class/id token (comment, share, related, cookie ...) needs
 *     the box to look like its kind: short, link-dense, or holding a form;
 *     a facet or filter panel must be made of short options;
 *   - structure without names: a form with a textarea, a short form with
 *     its pitch, repeated items with "Reply" links, groups of share-intent
 *     links, overlays (inline style, the page's own CSS, dialog roles),
 *     grids of alike teaser cards (unless the page is an index of them),
 *     edit-section and skip links;
 *   - phrases in eleven languages on a box's heading or label ("Leave a
 *     Reply", "You may also like", "Adblock Detected"), and short notes
 *     of their own (affiliate disclosures, print-edition lines).
 * No box that holds the page's <h1> or its itemprop=articleBody is ever
 * clutter: that is the article itself, whatever its wrapper is called.
 * Each clutter root is dropped with its subtree and counted once by kind.
 */
#include "engine.h"
#include "product.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How large a box of each kind can be before it is more likely content
 * (characters of visible text), and how linky a weak-marker box must be.
 * Sizes follow what these kinds look like on real pages: consent and nag boxes are a heading,
 * one or two short paragraphs and buttons; share bars are nearly textless;
 * Readability removes share-class nodes under 500 characters. */
static const struct {
    uint32_t max_chars;   /* weak marker: larger boxes are not this kind */
    float min_links;      /* weak marker: or at least this link density */
} kind_limits[RM_REMOVED_KIND_COUNT] = {
    [RM_REMOVED_COMMENTS] = {UINT32_MAX, 0.0f},
    [RM_REMOVED_ADBLOCK] = {1500, 0.0f},
    [RM_REMOVED_RELATED] = {600, 0.3f},
    [RM_REMOVED_SHARE] = {500, 0.5f},
    [RM_REMOVED_CONSENT] = {1500, 0.0f},
    [RM_REMOVED_PROMPT] = {800, 0.0f},
    [RM_REMOVED_NAVIGATION] = {300, 0.4f},
    [RM_REMOVED_FOOTER] = {1200, 0.0f},
    [RM_REMOVED_ADS] = {200, 0.0f},
};

/* Phrase-labelled boxes: the label must open the box, and the box must be
 * at most this large. Comment sections may be long; the others are small. */
static const uint32_t phrase_box_max_chars[RM_REMOVED_KIND_COUNT] = {
    [RM_REMOVED_COMMENTS] = UINT32_MAX,
    [RM_REMOVED_ADBLOCK] = 1200,
    [RM_REMOVED_RELATED] = 3000,
    [RM_REMOVED_SHARE] = 300,
    [RM_REMOVED_CONSENT] = 1200,
    [RM_REMOVED_PROMPT] = 600,
    [RM_REMOVED_NAVIGATION] = 3000,   /* an on-page table of contents, linky */
    [RM_REMOVED_FOOTER] = 600,
    [RM_REMOVED_ADS] = 600,
};

/* Data attributes that name a component of the page, as sites built from
 * components (React, Arc, Guardian's DCR) tag their markup for tests and
 * analytics: these survive when class names are hashed. */
#define MARKER_ATTR_COUNT 7
static const char *const marker_attrs[MARKER_ATTR_COUNT] = {
    "class", "id",
    /* the component names */
    "data-component", "data-testid", "data-qa", "data-module", "data-type",
};
#define FIRST_COMPONENT_ATTR 2

/* Elements that can label a box: headings and short bold or label lines. */
static const bool label_tags[GUMBO_TAG_LAST + 1] = {
    [GUMBO_TAG_H1] = 1, [GUMBO_TAG_H2] = 1, [GUMBO_TAG_H3] = 1, [GUMBO_TAG_H4] = 1,
    [GUMBO_TAG_H5] = 1, [GUMBO_TAG_H6] = 1, [GUMBO_TAG_STRONG] = 1, [GUMBO_TAG_B] = 1,
    [GUMBO_TAG_P] = 1, [GUMBO_TAG_SPAN] = 1, [GUMBO_TAG_LEGEND] = 1, [GUMBO_TAG_LABEL] = 1,
    [GUMBO_TAG_DIV] = 1,
};
#define MAX_LABEL_CHARS 80

#define MIN_SHARE_LINKS 3
#define MIN_TEASER_CARDS 3
#define THUMBNAIL_CARD_DENSITY 0.6
#define TEASER_MAX_CHARS 400   /* a headline and a line or two of summary */
#define TEASER_GRID (RM_KIND_NONE + 1)   /* provisional mark in kind[] */
#define MIN_PROSE_CHARS 140              /* Readability's readerable unit */
#define INDEX_PAGE_RATIO 3               /* teasers over 3x the prose: an index */
#define SHARE_BUTTON_MAX_CHARS 24
#define CONTROL_MAX_CHARS 40
#define NOTE_MAX_CHARS 300
#define SIGNUP_PITCH_MAX_CHARS 450   /* heading, pitch and small print */
#define MIN_REPLY_ITEMS 2
#define REPLY_FORM_MAX_CHARS 400 /* a reply form's labels and small print; the
                                    size of the sign-up forms above */
#define OVERLAY_TEXT_BYTES 400   /* the first words an overlay is named by */
#define MIN_TOC_LINKS 3
#define TOC_CHARS_PER_LINK 60   /* a heading's words, not a sentence */

static const rm_node *node(const rm_engine *e, int32_t id) { return &e->dom.nodes[id]; }

/* The has_attrs bits of those names (dom.h), for a test of each element
 * before its attribute list is read. */
#define MARKER_ATTR_BITS                                                                   \
    (DOM_ATTR_BIT("class") | DOM_ATTR_BIT("id") | DOM_ATTR_BIT("data-component") |         \
     DOM_ATTR_BIT("data-testid") | DOM_ATTR_BIT("data-qa") | DOM_ATTR_BIT("data-module") | \
     DOM_ATTR_BIT("data-type"))

static bool same_attr_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x != y && (x >= 'A' && x <= 'Z' ? x + ('a' - 'A') : x) != y)   /* `b` is lower case */
            return false;
        if (!x)
            return true;
    }
}

/* The marker attributes of an element in one pass over its attribute
 * list, the first of each name (as dom_attrs_lookup, whose names are
 * measured at every call: this pass asks every element). Returns whether
 * it has a component name (most elements have none to look up). */
static bool read_marker_attrs(const rm_engine *e, int32_t id, const char **values)
{
    bool components = false;
    for (size_t k = 0; k < MARKER_ATTR_COUNT; k++)
        values[k] = NULL;
    size_t count;
    const rm_attr *attrs = dom_attr_list(&e->dom, id, &count);
    for (size_t i = 0; i < count; i++) {
        const rm_attr *a = &attrs[i];
        size_t from = 0, to = 0;
        switch (a->name[0] | 0x20) {
        case 'c': from = 0, to = 1; break;
        case 'i': from = 1, to = 2; break;
        case 'd': from = FIRST_COMPONENT_ATTR, to = MARKER_ATTR_COUNT; break;
        default: continue;
        }
        for (size_t k = from; k < to; k++)
            if (!values[k] && same_attr_name(a->name, marker_attrs[k])) {
                values[k] = a->value;
                components |= k >= FIRST_COMPONENT_ATTR;
                break;
            }
    }
    return components;
}

static bool is_element(const rm_engine *e, int32_t id)
{
    return node(e, id)->type == RM_NODE_ELEMENT;
}

/* The article itself, or the page frame around it, is never clutter. */
static bool protected_box(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN)
        return true;
    return (e->flags[id] & (NF_HAS_H1 | NF_HAS_BODY)) != 0;
}

static void mark(rm_engine *e, int32_t id, rm_removed_kind kind)
{
    if (e->drop[id] != DROP_KEEP && e->drop[id] != DROP_STATIC)
        return;
    /* On a forum or Q&A page the "comments" are the thread itself; only
     * the reply form (a textarea, see classify_by_structure) goes, and a
     * box holding posts besides the reply form is the thread. */
    if (kind == RM_REMOVED_COMMENTS && e->thread &&
        (!(e->flags[id] & NF_HAS_TEXTAREA) || e->raw[id].chars > REPLY_FORM_MAX_CHARS))
        return;
    /* Hidden clutter (a nag waiting for its script) is counted too, but
     * only once: not when an ancestor is already clutter. */
    for (int32_t a = node(e, id)->parent; a != RM_NONE; a = node(e, a)->parent)
        if (e->kind[a] != RM_KIND_NONE)
            return;
    e->kind[id] = (uint8_t)kind;
    if (e->drop[id] == DROP_KEEP)
        engine_drop_subtree(e, id, DROP_CLUTTER);
}

static bool fits_kind(const rm_engine *e, int32_t id, rm_removed_kind kind)
{
    const rm_stats *s = &e->raw[id];
    if (s->chars <= kind_limits[kind].max_chars)
        return true;
    return kind_limits[kind].min_links > 0.0f &&
           engine_link_density(s) >= kind_limits[kind].min_links;
}

/* On an index page (a collection or listing) the grid of cards is the
 * content: a generic name on a box around it ("filtering-and-pagination
 * product-column", "menu-grid") does not make it clutter. */
static bool holds_index_cards(const rm_engine *e, int32_t id)
{
    return (e->page_type == RM_PAGE_COLLECTION || e->page_type == RM_PAGE_LISTING) &&
           e->cards != RM_NONE && engine_contains(e, id, e->cards);
}

/* Chunked manuals made with the DocBook XSL stylesheets (and their
 * descendants) print the same furniture on every page: a Prev/Up/Next
 * table in a box whose whole class is "navheader" or "navfooter", and,
 * on a chapter's or part's own page, a box of whole class "toc" that
 * lists the chapter's sections. The bars are navigation; that list is
 * what the chapter's page is (its body is a paragraph and the list).
 * Whole class names only, and the bars only as a table of links: a
 * shop's "navFooter" is its site footer, which the footer rules judge. */
static const char *const docbook_nav_classes[] = {"navheader", "navfooter"};
static const char *const docbook_division_classes[] = {
    "set", "book", "part", "reference", "chapter", "appendix", "preface",
};
#define DOCBOOK_NAV_MIN_LINKS 2   /* Prev and Next at least */

static bool class_is_one_of(const char *cls, const char *const *names, size_t n)
{
    for (size_t i = 0; cls && i < n; i++)
        if (cls[0] == names[i][0] && strcmp(cls, names[i]) == 0)   /* every class is asked */
            return true;
    return false;
}

static bool has_child_tag(const rm_engine *e, int32_t id, GumboTag tag)
{
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (node(e, c)->tag == tag)
            return true;
    return false;
}

static bool is_docbook_nav_bar(const rm_engine *e, int32_t id, const char *cls)
{
    return class_is_one_of(cls, docbook_nav_classes,
                           sizeof docbook_nav_classes / sizeof docbook_nav_classes[0]) &&
           has_child_tag(e, id, GUMBO_TAG_TABLE) &&
           e->raw[id].links >= DOCBOOK_NAV_MIN_LINKS;
}

/* The box and the list in it ("div.toc > dl.toc") both carry the name. */
static bool is_docbook_division_toc(const rm_engine *e, int32_t id, const char *cls)
{
    static const char *const toc[] = {"toc"};
    for (int depth = 0; depth < 2; depth++) {
        int32_t parent = node(e, id)->parent;
        if (!class_is_one_of(cls, toc, 1) || parent == RM_NONE)
            return false;
        if (class_is_one_of(dom_attr(&e->dom, parent, "class"), docbook_division_classes,
                            sizeof docbook_division_classes / sizeof docbook_division_classes[0]))
            return true;
        id = parent;
        cls = dom_attr(&e->dom, id, "class");
    }
    return false;
}

/* heur_marker_kind of the class lists read last (the items of a list or
 * grid share their class, and a post's parts repeat theirs post after
 * post): the index keeps one copy of each short value, so the same list
 * is most often the same pointer, and a few slots by pointer find it
 * again without a reading. An id is read on its own: heur_marker_kind
 * takes the id's kind first and the class list's only when the id names
 * none, so the class list's part is the same with any id. */
#define MARKER_MEMO_SLOTS 8

typedef struct {
    const char *cls;   /* NULL: empty */
    rm_removed_kind kind;
    bool strong;
} marker_slot;

typedef struct {
    marker_slot slots[MARKER_MEMO_SLOTS];
} marker_memo;

static rm_removed_kind marker_kind(marker_memo *m, const char *cls, const char *ident, bool *strong)
{
    *strong = false;
    rm_removed_kind kind = ident ? heur_marker_kind(NULL, ident, strong) : RM_KIND_NONE;
    if (kind != RM_KIND_NONE || !cls)
        return kind;
    marker_slot *slot = &m->slots[((uintptr_t)cls >> 3) % MARKER_MEMO_SLOTS];
    if (slot->cls != cls) {
        slot->kind = heur_marker_kind(cls, NULL, &slot->strong);
        slot->cls = cls;
    }
    *strong = slot->strong;
    return slot->kind;
}

/* Class/id markers, corroborated unless they are vendor roots. */
static void classify_by_marker(rm_engine *e, marker_memo *memo, int32_t id)
{
    if (!(node(e, id)->has_attrs & MARKER_ATTR_BITS))
        return;   /* no class, id or component name to go by */
    if (e->flags[id] & NF_IN_CODE)
        return;         /* "token comment" is syntax highlighting */
    bool strong;
    const char *values[MARKER_ATTR_COUNT];
    bool components = read_marker_attrs(e, id, values);
    const char *cls = values[0], *ident = values[1];
    if (engine_id_is_slug(e, id))
        ident = NULL;   /* a slug of the heading's text, see engine.c */
    if (is_docbook_division_toc(e, id, cls))
        return;
    if (is_docbook_nav_bar(e, id, cls) && !protected_box(e, id)) {
        mark(e, id, RM_REMOVED_NAVIGATION);
        return;
    }
    rm_removed_kind kind = marker_kind(memo, cls, ident, &strong);
    for (size_t k = FIRST_COMPONENT_ATTR; components && kind == RM_KIND_NONE && k < MARKER_ATTR_COUNT; k++)
        if (values[k])   /* a missing name says nothing */
            kind = heur_component_kind(values[k], &strong);
    if (kind == RM_KIND_NONE || protected_box(e, id) || (!strong && holds_index_cards(e, id)))
        return;
    /* Hidden boxes are dropped anyway; name them only on strong evidence
     * so that collapsed menus do not inflate the report. */
    if (e->drop[id] == DROP_STATIC && !strong)
        return;
    if (strong || fits_kind(e, id, kind))
        mark(e, id, kind);
}

/* An overlay says what it is in its first words ("Adblock detected", "We
 * use cookies"); one that does not is a prompt of some kind. */
static rm_removed_kind overlay_kind(const rm_engine *e, int32_t id)
{
    size_t len;
    char buf[OVERLAY_TEXT_BYTES + 1];
    char *text = engine_fold_into(e, id, NULL, OVERLAY_TEXT_BYTES, buf, &len);
    rm_removed_kind kind = text ? heur_phrase_kind(text, len) : RM_KIND_NONE;
    if (text != buf)
        free(text);
    return kind == RM_KIND_NONE ? RM_REMOVED_PROMPT : kind;
}

/* The page's grid of cards (pagetype.c), or a part of it: a form in a
 * card ("Add to cart", "Want to read", a rating) is the card's control,
 * not a sign-up prompt with its pitch. */
static bool in_card_grid(const rm_engine *e, int32_t id)
{
    return e->cards != RM_NONE && engine_contains(e, e->cards, id);
}

/* A sign-up form sits in a box with its pitch and small print ("Get the
 * Morning Record", "By signing up you agree..."): the box goes whole, as
 * long as what it holds besides the form is a heading and a paragraph or
 * two of short text. A form that adds an item to the cart has no pitch:
 * the box around it is the item's card (its name, picture and price),
 * even where no grid of cards was found, and only the form goes. */
static void grow_prompt_box(rm_engine *e, int32_t form)
{
    if (heur_is_cart_action(dom_attr(&e->dom, form, "action")))
        return;
    int32_t box = form;
    for (int32_t a = node(e, form)->parent; a != RM_NONE; a = node(e, a)->parent) {
        if (protected_box(e, a) || in_card_grid(e, a) || e->drop[a] != DROP_KEEP ||
            e->raw[a].paragraphs > 3 ||
            e->raw[a].chars - e->raw[form].chars > SIGNUP_PITCH_MAX_CHARS)
            break;
        box = a;
    }
    if (box == form)
        return;
    e->kind[form] = RM_KIND_NONE;
    mark(e, box, RM_REMOVED_PROMPT);
}

/* WAI-ARIA roles that make a box the page's furniture as surely as a
 * <nav> does: role="navigation" is a <nav> written as a div, and the
 * widget roles are controls a reader cannot use (a custom drop-down's
 * "listbox" of options, as shops draw their filter and sort menus; a
 * "menu" or "menubar"; a "toolbar"; the "search" landmark around a
 * search form). The roles of the ARIA 1.2 specification, compared whole. */
static const char *const furniture_roles[] = {
    "navigation", "menu", "menubar", "listbox", "toolbar", "search",
};

static bool has_furniture_role(const rm_engine *e, int32_t id)
{
    const char *role = dom_attr(&e->dom, id, "role");
    if (!role)
        return false;
    for (size_t k = 0; k < sizeof furniture_roles / sizeof furniture_roles[0]; k++)
        if (strcasecmp(role, furniture_roles[k]) == 0)
            return true;
    return false;
}

/* Structural kinds that need no names. */
static void classify_by_structure(rm_engine *e, int32_t id)
{
    if (protected_box(e, id))
        return;
    GumboTag t = node(e, id)->tag;
    const rm_stats *s = &e->raw[id];
    if (t == GUMBO_TAG_NAV) {
        mark(e, id, RM_REMOVED_NAVIGATION);
    } else if (t == GUMBO_TAG_FOOTER) {
        mark(e, id, RM_REMOVED_FOOTER);
    } else if (t == GUMBO_TAG_FORM && (e->flags[id] & NF_HAS_TEXTAREA)) {
        mark(e, id, RM_REMOVED_COMMENTS);   /* a textarea: a comment form */
    } else if (t == GUMBO_TAG_FORM && s->inputs > 0 && s->chars < 400 &&
               !engine_is_post_form(e, id)) {
        mark(e, id, RM_REMOVED_PROMPT);     /* a short form: sign-up, search */
        grow_prompt_box(e, id);
    } else if ((e->flags[id] & NF_FIXED) && s->chars < 1500) {
        mark(e, id, overlay_kind(e, id));
    } else if (t != GUMBO_TAG_FORM && node(e, id)->has_attrs && has_furniture_role(e, id) &&
               !holds_index_cards(e, id)) {
        mark(e, id, RM_REMOVED_NAVIGATION);   /* a form is judged as a form, above */
    }
}

/* The filter panel of a faceted search beside a shop's or a search's
 * results: named so (heur_is_facet_marker), and made of options, not
 * prose: many short pieces (list items, check boxes, links), hardly a
 * sentence among them. The results themselves are never in it. */
#define FACET_CHARS_PER_OPTION 60   /* "Sony (186)", "$50 to $75 (25)", with
                                       the group names and their controls */
#define FACET_MIN_OPTIONS 3

static bool is_choice(const rm_engine *e, int32_t id);

/* The check boxes and radio buttons in a box: rm_stats counts only the
 * fields one types into, and a filter panel's options are often ticked. */
static uint32_t count_choices(const rm_engine *e, int32_t box)
{
    uint32_t n = 0;
    for (int32_t i = box, end = engine_end(e, box); i < end; i++)
        n += is_choice(e, i);
    return n;
}

static void classify_facets(rm_engine *e, int32_t id)
{
    /* the panel is known by its class or id: an element with neither
     * (a link with only its address) needs no statistics read */
    if (!(node(e, id)->has_attrs & (DOM_ATTR_BIT("class") | DOM_ATTR_BIT("id"))) ||
        protected_box(e, id) ||
        (e->cards != RM_NONE && engine_contains(e, id, e->cards)))
        return;
    const rm_stats *s = &e->raw[id];
    uint32_t options = s->list_items + s->inputs + s->links;
    bool fits = options >= FACET_MIN_OPTIONS && s->chars <= FACET_CHARS_PER_OPTION * options;
    /* The choices counted below are nodes of the box: a box of fewer
     * nodes than the options it lacks cannot be a panel, and its names
     * need no reading (a wiki's headings and edit links, each with an id
     * or a link and one text). */
    if (!fits && options + node(e, id)->size < FACET_MIN_OPTIONS)
        return;
    if (s->chars == 0 || (fits && s->sentences * 4 > options) ||
        !heur_is_facet_marker(dom_attr(&e->dom, id, "class"), dom_attr(&e->dom, id, "id")))
        return;
    if (!fits)
        options += count_choices(e, id);
    if (options < FACET_MIN_OPTIONS || s->chars > FACET_CHARS_PER_OPTION * options ||
        s->sentences * 4 > options)
        return;
    mark(e, id, RM_REMOVED_NAVIGATION);
}

/* The same panel without a name a rule knows (hashed CSS-module classes,
 * a Drupal "search-container"): a box of check boxes and radio buttons,
 * each with its short label ("Free", "Within next week", "XL"), and
 * little else: no sentences, few links beside the choices. Shops and
 * course or job catalogues draw their filters so; an article or a
 * product's description is never a column of check boxes. Six choices
 * at least (two groups of three), as a filter panel offers many; never
 * half the page's text (a page whose content is its selector, the data
 * drawn by a script), and not on a product page, whose radio buttons are
 * the product's own sizes and colours. Filters filter something: the
 * page has a grid of cards (pagetype.c), and the panel is beside it, not
 * in it (a card's colour swatches are the item's facts). */
#define OPTION_PANEL_MIN_CHOICES 6
#define OPTION_CHARS_PER_CHOICE 40   /* "Harvard Graduate School of Design" and its
                                        group's heading */

static bool is_choice(const rm_engine *e, int32_t id)
{
    if (node(e, id)->tag != GUMBO_TAG_INPUT)
        return false;
    const char *type = dom_attr(&e->dom, id, "type");
    return type && (strcasecmp(type, "checkbox") == 0 || strcasecmp(type, "radio") == 0) &&
           !dom_attr(&e->dom, id, "disabled");   /* a task list's ticks, not a control */
}

static bool is_option_panel(const rm_engine *e, int32_t id, uint32_t choices)
{
    const rm_stats *s = &e->raw[id];
    return choices >= OPTION_PANEL_MIN_CHOICES && !protected_box(e, id) &&
           s->chars * 2 <= e->raw[e->dom.body].chars &&
           !engine_contains(e, id, e->cards) && !engine_contains(e, e->cards, id) &&
           s->links <= 2 * choices && s->sentences * 4 <= choices &&
           s->chars <= OPTION_CHARS_PER_CHOICE * choices;
}

/* Counts `counted` elements under every box of the body (one bottom-up
 * pass), then takes away, outermost first, each kept box that `is_panel`
 * judges by its count: a panel of choices or a bar of controls. */
static void mark_counted_panels(rm_engine *e, int32_t body, int32_t end,
                                bool (*counted)(const rm_engine *, int32_t),
                                bool (*is_panel)(const rm_engine *, int32_t, uint32_t))
{
    uint32_t *counts = arena_cache_calloc(e->memory, (size_t)e->dom.count, sizeof *counts);
    if (!counts)
        return;   /* a heuristic skipped, not an error: the panel stays */
    for (int32_t i = end - 1; i > body; i--) {
        counts[i] += counted(e, i);
        int32_t parent = node(e, i)->parent;
        if (parent != RM_NONE)
            counts[parent] += counts[i];
    }
    for (int32_t i = body + 1; i < end; i++) {
        if (!is_element(e, i) || e->drop[i] != DROP_KEEP || !is_panel(e, i, counts[i]))
            continue;
        mark(e, i, RM_REMOVED_NAVIGATION);
        i = engine_end(e, i) - 1;   /* the panel's parts are gone with it */
    }
    arena_cache_free(e->memory, counts, (size_t)e->dom.count, sizeof *counts);
}

static void classify_option_panels(rm_engine *e, int32_t body, int32_t end)
{
    if (e->page_type == RM_PAGE_PRODUCT || e->cards == RM_NONE)
        return;
    uint32_t total = 0;
    for (int32_t i = body + 1; i < end; i++)
        total += is_choice(e, i);
    if (total < OPTION_PANEL_MIN_CHOICES)
        return;
    mark_counted_panels(e, body, end, is_choice, is_option_panel);
}

/* The tool bar over an index page's grid: a search-within field, the
 * sort order and page size as drop-downs, the grid/list view buttons,
 * each with a short label ("Sort by:", "View:", "Show: 12 items") and
 * no sentence. A box of two or more such controls whose text is no more
 * than their labels, beside the grid and not in a card (a card's "Add to
 * cart" or quantity box), is the shop's furniture. */
#define CONTROL_BAR_MIN_CONTROLS 2
#define CONTROL_BAR_CHARS_PER_CONTROL 24   /* "Sort By: Best Selling", "Page 1/20" */

static bool is_bar_control(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    if (t == GUMBO_TAG_SELECT || t == GUMBO_TAG_BUTTON)
        return true;
    /* a drop-down a script draws: a box put in the tab order */
    const char *tab = (t == GUMBO_TAG_DIV || t == GUMBO_TAG_SPAN) && node(e, id)->has_attrs
                          ? dom_attr(&e->dom, id, "tabindex")
                          : NULL;
    if (tab && strcmp(tab, "0") == 0)
        return true;
    const char *type = t == GUMBO_TAG_INPUT ? dom_attr(&e->dom, id, "type") : NULL;
    return t == GUMBO_TAG_INPUT && (!type || strcasecmp(type, "hidden") != 0);
}

static bool is_control_bar(const rm_engine *e, int32_t id, uint32_t controls)
{
    const rm_stats *s = &e->raw[id];
    return controls >= CONTROL_BAR_MIN_CONTROLS && s->sentences == 0 &&
           s->chars <= CONTROL_BAR_CHARS_PER_CONTROL * controls && !protected_box(e, id) &&
           !engine_contains(e, id, e->cards) && !engine_contains(e, e->cards, id);
}

static void classify_control_bars(rm_engine *e, int32_t body, int32_t end)
{
    if ((e->page_type != RM_PAGE_COLLECTION && e->page_type != RM_PAGE_LISTING) ||
        e->cards == RM_NONE)
        return;
    mark_counted_panels(e, body, end, is_bar_control, is_control_bar);
}

/* On an index page the grid of cards is the content; a carousel beside
 * it (promotions, "Shop by category", recently viewed) is the shop's
 * furniture (heur_names_carousel), and so is a sidebar (a blog theme's
 * widgets: the category tree, "Log in", "Register", recent posts), which
 * Readability's unlikely-candidate pass no longer takes away once a short
 * index page has made it retry without that pass: an <aside> beside the
 * grid, or a box named for it (heur_names_sidebar). */
static rm_removed_kind index_furniture_kind(rm_engine *e, int32_t id)
{
    const char *sig = engine_sig(e, id);
    if (node(e, id)->tag == GUMBO_TAG_ASIDE || heur_names_sidebar(sig))
        return RM_REMOVED_NAVIGATION;
    return heur_names_carousel(sig) ? RM_REMOVED_RELATED : RM_KIND_NONE;
}

static void classify_index_furniture(rm_engine *e, int32_t id)
{
    if ((e->page_type != RM_PAGE_COLLECTION && e->page_type != RM_PAGE_LISTING) ||
        e->cards == RM_NONE || protected_box(e, id) || engine_contains(e, id, e->cards) ||
        engine_contains(e, e->cards, id))
        return;
    rm_removed_kind kind = index_furniture_kind(e, id);
    if (kind != RM_KIND_NONE)
        mark(e, id, kind);
}

/* A list of items where at least two carry their own "Reply" control. */
static void classify_reply_list(rm_engine *e, int32_t id)
{
    if (!(e->flags[id] & NF_REPLY) || protected_box(e, id))
        return;
    int items = 0;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (is_element(e, c) && (e->flags[c] & NF_REPLY))
            items++;
    if (items >= MIN_REPLY_ITEMS)
        mark(e, id, RM_REMOVED_COMMENTS);
}

/* Customer reviews are a product page's comment section: marked by
 * schema.org (itemtype Review, itemprop review) or named "review(s)" as a
 * whole class/id token. Only on product pages: elsewhere a review is the
 * article. */
static const char *const review_tokens[] = {"review", "reviews", "product-reviews", "customer-reviews"};

static bool names_reviews(const char *sig)
{
    for (const char *p = sig; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        for (size_t k = 0; k < sizeof review_tokens / sizeof review_tokens[0]; k++)
            if (n == strlen(review_tokens[k]) && strncmp(p, review_tokens[k], n) == 0)
                return true;
        p += n;
    }
    return false;
}

static void classify_reviews(rm_engine *e, int32_t id)
{
    if (e->page_type != RM_PAGE_PRODUCT || protected_box(e, id) || (e->flags[id] & NF_IN_CODE))
        return;
    const char *type = dom_attr(&e->dom, id, "itemtype");
    const char *prop = dom_attr(&e->dom, id, "itemprop");
    bool review = (type && strstr(type, "schema.org/Review")) || (prop && strcmp(prop, "review") == 0) ||
                  names_reviews(engine_sig(e, id));
    if (review)
        mark(e, id, RM_REMOVED_COMMENTS);
}

/* A maker's fine print under a product's features ("* Image simulated.",
 * "Testing conducted by ... using preproduction units", the terms of a
 * financing offer) is legal cover, not the description: themes name its
 * box so ("feature__disclaimer", "footnotes", "fine-print"). Only on
 * product pages: an article's footnotes are its sources. Words of the
 * class or id split at space, '-' and '_'. */
static const char *const fine_print_words[] = {
    "disclaimer", "disclaimers", "footnote", "footnotes", "fineprint", "legal",
};

static bool sig_has_word(const char *sig, const char *const *words, size_t count)
{
    for (const char *p = sig; *p;) {
        size_t n = strcspn(p, " -_");
        for (size_t k = 0; k < count; k++)
            if (n == strlen(words[k]) && strncmp(p, words[k], n) == 0)
                return true;
        p += n;
        p += *p != '\0';
    }
    return false;
}

static void classify_fine_print(rm_engine *e, int32_t id)
{
    if (e->page_type != RM_PAGE_PRODUCT || protected_box(e, id) || (e->flags[id] & NF_IN_CODE))
        return;
    if (sig_has_word(engine_sig(e, id), fine_print_words,
                     sizeof fine_print_words / sizeof fine_print_words[0]))
        mark(e, id, RM_REMOVED_FOOTER);
}

/* On a product page a run of alike items that each show a price is the
 * shop around the product: other products (cross-sell shelves, "Complete
 * the look"), the product's variants with their prices, or the one price
 * in a dozen currencies. The description never reads so. */
#define PRICED_ITEMS_MIN 3
#define PRICED_ITEM_MAX_CHARS 300   /* a name, a price, a badge or two */

static bool item_shows_price(const rm_engine *e, int32_t id)
{
    size_t len;
    char buf[PRICED_ITEM_MAX_CHARS * 4 + 1];
    char *text = engine_fold_into(e, id, NULL, sizeof buf - 1, buf, &len);
    bool priced = text && product_shows_price(text, len);
    if (text != buf)
        free(text);
    return priced;
}

static void classify_priced_shelf(rm_engine *e, int32_t id)
{
    if (e->page_type != RM_PAGE_PRODUCT || protected_box(e, id) || (e->flags[id] & NF_IN_CODE))
        return;
    int items = 0, priced = 0;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (!is_element(e, c) || e->drop[c] != DROP_KEEP || e->raw[c].chars == 0)
            continue;
        items++;
        if (e->raw[c].chars <= PRICED_ITEM_MAX_CHARS && item_shows_price(e, c))
            priced++;
    }
    /* The page's largest card grid (pagetype.c), or a part of it, may be
     * the page: an index of products read as one product's page. */
    bool grid = e->cards != RM_NONE && (engine_contains(e, id, e->cards) || engine_contains(e, e->cards, id));
    if (priced >= PRICED_ITEMS_MIN && priced * 3 >= items * 2 && !grid)
        mark(e, id, RM_REMOVED_RELATED);
}

/* Is the element a schema.org item of type `name` (microdata itemtype,
 * "https://schema.org/Answer" or "schema:Answer")? */
static bool item_of_type(const rm_engine *e, int32_t id, const char *name)
{
    const char *type = dom_attr(&e->dom, id, "itemtype");
    if (!type)
        return false;
    const char *slash = strrchr(type, '/'), *colon = strrchr(type, ':');
    const char *local = slash ? slash + 1 : colon ? colon + 1 : type;
    return strcmp(local, name) == 0;
}

/* On a question-and-answer page the posts are the question and its
 * answers; the remarks people attach to one of them (schema.org Comment
 * items inside a Question or Answer, "Commented Mar 26") are talk about
 * the post, not part of the thread, as the comments under an article are
 * not part of the article. */
static void classify_post_remarks(rm_engine *e, int32_t id)
{
    if (!e->thread || !item_of_type(e, id, "Comment"))
        return;
    for (int32_t a = node(e, id)->parent; a != RM_NONE; a = node(e, a)->parent)
        if (item_of_type(e, a, "Question") || item_of_type(e, a, "Answer")) {
            e->kind[id] = RM_REMOVED_COMMENTS;
            engine_drop_subtree(e, id, DROP_CLUTTER);
            return;
        }
}

/* Tag and first class token: what repeated cards have in common
 * ("cd cd--0", "cd cd--1" are both div.cd). */
static bool same_card_kind(const rm_engine *e, int32_t a, int32_t b)
{
    if (node(e, a)->tag != node(e, b)->tag)
        return false;
    const char *ca = dom_attr(&e->dom, a, "class"), *cb = dom_attr(&e->dom, b, "class");
    size_t la = ca ? strcspn(ca, " \t\n") : 0, lb = cb ? strcspn(cb, " \t\n") : 0;
    return la == lb && (la == 0 || memcmp(ca, cb, la) == 0);
}

/* A teaser card: short, led by a linked headline, or a thumbnail whose
 * link carries the title. */
static bool is_teaser_card(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->raw[id];
    if (node(e, id)->type != RM_NODE_ELEMENT || s->chars > TEASER_MAX_CHARS || protected_box(e, id))
        return false;
    return (e->flags[id] & NF_HEADLINE) ||
           (s->images > 0 && s->links > 0 && engine_link_density(s) >= THUMBNAIL_CARD_DENSITY);
}

/* A grid or list of teaser cards ("Top stories", "More from the site"):
 * several alike siblings, each a linked headline with a line or two of
 * summary. Their summaries add up to more text than a short article, so
 * the grid must go before scoring, names or no names. */
static bool classify_teaser_grid(rm_engine *e, int32_t id)
{
    if (protected_box(e, id))
        return false;
    int cards = 0, children = 0;
    int32_t first = RM_NONE;
    for (int32_t c = node(e, id)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (node(e, c)->type != RM_NODE_ELEMENT || e->drop[c] != DROP_KEEP)
            continue;
        children++;
        if (!is_teaser_card(e, c))
            continue;
        if (first == RM_NONE)
            first = c;
        if (same_card_kind(e, first, c))
            cards++;
    }
    if (cards < MIN_TEASER_CARDS || cards * 3 < children * 2)
        return false;
    e->kind[id] = TEASER_GRID;   /* decided in settle_teaser_grids */
    return true;
}

/* A box that is only headings besides `id` ("More photo essays" above the
 * cards) goes with it. */
static int32_t with_its_heading(const rm_engine *e, int32_t id)
{
    for (;;) {
        int32_t parent = node(e, id)->parent;
        if (parent == RM_NONE || protected_box(e, parent))
            return id;
        for (int32_t c = node(e, parent)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
            if (c != id && e->drop[c] == DROP_KEEP &&
                (node(e, c)->type == RM_NODE_ELEMENT ? !heur_is_heading_tag(node(e, c)->tag) : e->tchars[c] > 1))
                return id;
        id = parent;
    }
}

/* On an index page (a section front, search results) the teasers are the
 * page: grids go only when real prose remains outside them, at least a
 * third as much as the teasers hold. On a service page they never go: a
 * landing page's grid of linked cards is its services, features or
 * products, each card a heading and a line that link to its own page
 * (measured on the WCXB development pages: service 0.834 -> 0.835, seven
 * landing pages gain up to 0.11, three lose under 0.02). */
static void settle_teaser_grids(rm_engine *e, int32_t body)
{
    uint32_t prose = 0;
    int32_t end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (e->kind[i] == TEASER_GRID)
            i = engine_end(e, i) - 1;
        else if (node(e, i)->tag == GUMBO_TAG_P && e->raw[i].chars >= MIN_PROSE_CHARS &&
                 engine_link_density(&e->raw[i]) < 0.25)
            prose += e->raw[i].chars;
    }
    uint32_t teasers = 0;
    for (int32_t i = body; i < end; i++)
        if (e->kind[i] == TEASER_GRID)
            teasers += e->raw[i].chars;
    for (int32_t i = body; i < end; i++) {
        if (e->kind[i] != TEASER_GRID)
            continue;
        e->kind[i] = RM_KIND_NONE;
        if (e->page_type != RM_PAGE_SERVICE && prose >= MIN_PROSE_CHARS &&
            prose * INDEX_PAGE_RATIO >= teasers)
            mark(e, with_its_heading(e, i), RM_REMOVED_RELATED);
    }
}

static bool is_share_link(const rm_engine *e, int32_t i)
{
    return node(e, i)->tag == GUMBO_TAG_A && heur_is_share_url(dom_attr(&e->dom, i, "href"));
}

/* The last share link of [from, end), or `last` when there is none. */
static int32_t last_share_link(const rm_engine *e, int32_t from, int32_t end, int32_t last)
{
    for (int32_t i = end - 1; i >= from; i--)
        if (is_share_link(e, i))
            return i;
    return last;
}

/* Count share-intent links per subtree; mark the highest small box. The
 * links of a box already removed as clutter (a post's hidden "Share this
 * post" menu, taken as a menu) no longer count for the boxes around it:
 * else a short forum post holding such a menu went as a share bar. */
/* Until the walk (in reverse document order) meets its first share
 * link, every count is 0 and nothing needs adding up: the walk starts at
 * the last share link (`last`, found by clutter_classify's walk of the
 * body and last_share_link elsewhere), and a page without share links
 * (most) needs neither the counts nor the walks. */
static void classify_share_groups(rm_engine *e, int32_t last)
{
    if (last == RM_NONE)
        return;
    uint16_t *count = calloc((size_t)e->dom.count, sizeof *count);
    if (!count)
        return;
    for (int32_t i = last; i > 0; i--) {
        bool share = i == last || is_share_link(e, i);
        if (share)
            count[i]++;
        if (e->drop[i] == DROP_CLUTTER)
            continue;
        int32_t p = node(e, i)->parent;
        if (p != RM_NONE && count[i] < UINT16_MAX)
            count[p] = (uint16_t)(count[p] + count[i]);
    }
    for (int32_t i = 1; i < e->dom.count; i++) {
        bool group = count[i] >= MIN_SHARE_LINKS &&
                     e->raw[i].chars <= kind_limits[RM_REMOVED_SHARE].max_chars;
        /* A lone "Pin it" or "Tweet" link is a share button too. */
        bool button = count[i] == 1 && node(e, i)->tag == GUMBO_TAG_A &&
                      e->raw[i].chars <= SHARE_BUTTON_MAX_CHARS;
        if ((!group && !button) || protected_box(e, i))
            continue;
        mark(e, i, RM_REMOVED_SHARE);
        i += (int32_t)node(e, i)->size - 1;
    }
    free(count);
}

/* What the phrase passes (labels, notes, placeholders, interface lines)
 * test of a box before they read its text, copied once for them all
 * (find_text_boxes): each pass gathered these from the index, the
 * statistics and the flags, three arrays that on a 10 MB page are tens
 * of megabytes, so that each of the four passes missed the cache on
 * every box (10 MB of sibling divs: the whole extraction's last-level
 * misses 12.5 M before the list, 11.5 M with it). */
enum {
    BOX_IN_CODE = 1u << 0,     /* NF_IN_CODE: no phrase rules */
    BOX_PROTECTED = 1u << 1,   /* protected_box() */
    BOX_BR_LINE = 1u << 2,     /* a text node that is a line between <br>s (br_line) */
    BOX_LINKED = 1u << 3,      /* an element holding a link (raw statistics) */
};

typedef struct {
    int32_t id;
    uint32_t chars;     /* visible characters (raw statistics) */
    uint16_t tag;       /* GUMBO_TAG_UNKNOWN for a text node */
    uint8_t element;    /* an element, not a text node */
    uint8_t marks;      /* BOX_* */
} box_facts;

/* A line of text between <br>s: the paragraph of pages that have no <p>. */
static bool br_line(const rm_engine *e, int32_t id)
{
    if (node(e, id)->type != RM_NODE_TEXT)
        return false;
    /* A <br> right before is the node just before in pre-order, as a <br>
     * has no children: O(1) without a previous-sibling link. */
    int32_t next = node(e, id)->next_sibling;
    bool br_before = id > 0 && node(e, id - 1)->tag == GUMBO_TAG_BR &&
                     node(e, id - 1)->parent == node(e, id)->parent;
    return br_before || (next != RM_NONE && node(e, next)->tag == GUMBO_TAG_BR);
}

/* The visible characters of a node (raw statistics). A text node's are
 * its own count (engine_stats copies it): four bytes read where the whole
 * 44-byte record would be, and text nodes are most of a page's nodes. */
static uint32_t raw_chars(const rm_engine *e, int32_t id)
{
    return node(e, id)->type == RM_NODE_TEXT ? e->tchars[id] : e->raw[id].chars;
}

/* The neighbours br_line reads and the links of the box are read here,
 * in the walk in document order that makes the list, rather than by the
 * pass that asks, which would go back to the index and the statistics
 * for each box. */
static box_facts facts_of_box(const rm_engine *e, int32_t id, uint32_t chars)
{
    const rm_node *n = node(e, id);
    bool element = n->type == RM_NODE_ELEMENT;
    unsigned marks = ((e->flags[id] & NF_IN_CODE) ? BOX_IN_CODE : 0u) |
                     (protected_box(e, id) ? BOX_PROTECTED : 0u) |
                     (!element && br_line(e, id) ? BOX_BR_LINE : 0u) |
                     (element && e->raw[id].links > 0 ? BOX_LINKED : 0u);
    return (box_facts){id, chars, n->tag, element, (uint8_t)marks};
}

/* The nodes of [from, end) that the phrase and control passes read, in
 * document order, with their box_facts: the elements that hold visible
 * text (raw statistics), no more than the largest box a pass reads
 * (NOTE_MAX_CHARS), the lines of text between <br>s (the only text nodes
 * a pass reads: the note pass), and the links and spans the control pass
 * reads (with or without text). A page of hundreds of thousands of empty
 * elements (misnested formatting leaves them) would otherwise have each
 * pass read every node's statistics, and every pass would step over the
 * text nodes and the long boxes.
 * The list is made in clutter_classify's first walk, which reads these
 * nodes anyway, rather than in a walk of its own over the whole page
 * (on a big page each walk reads the index and the statistics from
 * memory anew). A node goes in when that walk leaves it kept. Drops only
 * grow and are subtree-wide (a node's own mark says whether a walk of the
 * kept subtrees would reach it), so every node kept when a pass reads the
 * list is in it; one dropped since (a sign-up box around it taken whole,
 * a share bar) is skipped by each pass's own test of its mark. */
typedef struct {
    box_facts *boxes;   /* NULL when out of memory: then every node of the range */
    int32_t from;
    size_t count;
    size_t room;        /* the nodes of the range: what `boxes` was made for */
} text_boxes;

static bool is_control_tag(GumboTag t)
{
    return t == GUMBO_TAG_A || t == GUMBO_TAG_SPAN;
}

static void open_text_boxes(const rm_engine *e, int32_t from, int32_t end, text_boxes *t)
{
    t->from = from;
    t->count = 0;
    t->room = from < end ? (size_t)(end - from) : 0;
    t->boxes = t->room ? arena_cache_malloc(e->memory, t->room, sizeof *t->boxes) : NULL;
}

/* A text node is asked first whether it is a line (its neighbours in the
 * index, read already), before its size is read. */
static void add_kept_box(const rm_engine *e, text_boxes *t, int32_t id)
{
    const rm_node *n = node(e, id);
    bool element = n->type == RM_NODE_ELEMENT;
    if (!element && !br_line(e, id))
        return;
    uint32_t chars = raw_chars(e, id);
    if (chars > NOTE_MAX_CHARS || (chars == 0 && !(element && is_control_tag(n->tag))))
        return;
    t->boxes[t->count++] = facts_of_box(e, id, chars);
}

/* Node `id` as the first walk leaves it (inline: most nodes of a page
 * of forms or hidden menus are dropped, and cost only this test). */
static inline void add_text_box(const rm_engine *e, text_boxes *t, int32_t id)
{
    if (t->boxes && e->drop[id] == DROP_KEEP)
        add_kept_box(e, t, id);
}

static void close_text_boxes(text_boxes *t)
{
    if (!t->boxes)
        t->count = t->room;
}

/* The k-th box (into `spare` when the list could not be made). */
static inline const box_facts *text_box(const rm_engine *e, const text_boxes *t, size_t k,
                                        box_facts *spare)
{
    if (t->boxes)
        return &t->boxes[k];
    int32_t id = t->from + (int32_t)k;
    *spare = facts_of_box(e, id, raw_chars(e, id));
    return spare;
}


/* ---- folded texts shared by the phrase passes ------------------------------
 * The label, note, placeholder and control passes each fold the text of
 * the short boxes they read, so a short box was folded up to four times.
 * A fold is kept (by the box's place in the list of text boxes, over one
 * text store) with the number of kept nodes in the box's subtree when it
 * was folded: drops only ever grow during these passes, so the same
 * count means no drop inside the box since, and the same text. The count
 * costs a walk over the box's nodes, the fold a walk over its bytes. No
 * cut differs between the passes: each reads only boxes of at most N
 * characters with room for 4 * N bytes, and their text (white space
 * collapsed) never holds more. The passes go through the boxes in
 * document order, so the kept folds are read in order too (a table keyed
 * by node, on a 10 MB page of short boxes, was 8 MB of scattered look-ups).
 * The store is bounded: past MEMO_TEXT_BYTES texts are folded each time
 * again. */
#define MEMO_TEXT_BYTES (4u << 20)

typedef struct {
    uint32_t kept;   /* kept nodes in its subtree when folded; 0: no fold kept */
    uint32_t drop_calls;   /* e->drop_calls when folded: the same, and no
                              box has been dropped since (no count needed) */
    uint32_t at, len;
} memo_entry;

typedef struct {
    memo_entry *entries;   /* one per text box; NULL (out of memory): none kept */
    size_t count;
    char *text;
    size_t len, cap;
    arena_cache *memory;   /* where the entries and the text live (the engine's) */
} fold_memo;

/* A folded text: in the caller's buffer, in the store, or malloc'd
 * (`owned`). */
typedef struct {
    const char *text;
    size_t len;
    char *owned;
} folded;

static uint32_t kept_nodes(const rm_engine *e, int32_t id)
{
    uint32_t n = 0;
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id, end); i < end; i = engine_kept(e, i + 1, end))
        n++;
    return n;
}

static const memo_entry *memo_find(const fold_memo *m, size_t box)
{
    return m->entries && box < m->count && m->entries[box].kept ? &m->entries[box] : NULL;
}

/* Keep a fold; when memory is short or the store full it is not kept. */
static void memo_put(fold_memo *m, size_t box, uint32_t kept, uint32_t drop_calls, const char *text,
                     size_t len)
{
    if (!m->entries || box >= m->count || m->len + len + 1 > MEMO_TEXT_BYTES)
        return;
    if (m->len + len + 1 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 4096;
        while (cap < m->len + len + 1)
            cap *= 2;
        char *grown = arena_cache_malloc(m->memory, cap, 1);
        if (!grown)
            return;
        if (m->len)
            memcpy(grown, m->text, m->len);
        arena_cache_free(m->memory, m->text, m->cap, 1);
        m->text = grown;
        m->cap = cap;
    }
    memcpy(m->text + m->len, text, len);
    m->text[m->len + len] = '\0';
    m->entries[box] = (memo_entry){kept, drop_calls, (uint32_t)m->len, (uint32_t)len};
    m->len += len + 1;
}

static void memo_free(fold_memo *m)
{
    arena_cache_free(m->memory, m->entries, m->count, sizeof *m->entries);
    arena_cache_free(m->memory, m->text, m->cap, 1);
}

/* The kept text of `id`, text box number `box`, case-folded
 * (engine_fold_into under the current drop mask, into `buf` of max_bytes + 1
 * bytes); false when out of memory. folded_free releases it. `keep`: a
 * later pass may read the box again, so the fold is kept for it. */
static bool fold_box(const rm_engine *e, fold_memo *m, int32_t id, size_t box, size_t max_bytes,
                     char *buf, bool keep, folded *out)
{
    const memo_entry *entry = memo_find(m, box);
    /* The clutter passes drop only through engine_drop_subtree: with no
     * call since the fold, it holds. Otherwise the count is needed to use
     * a fold, and to keep one. */
    bool unchanged = entry && entry->drop_calls == e->drop_calls;
    uint32_t kept = !unchanged && (entry || keep) ? kept_nodes(e, id) : 0;
    out->owned = NULL;
    if (unchanged || (entry && entry->kept == kept)) {
        out->text = m->text + entry->at;
        out->len = entry->len;
        return true;
    }
    char *text = engine_fold_into(e, id, e->drop, max_bytes, buf, &out->len);
    if (!text)
        return false;
    out->text = text;
    if (text != buf)
        out->owned = text;
    if (keep)
        memo_put(m, box, kept, e->drop_calls, text, out->len);
    return true;
}

/* Does a pass after the label pass read boxes of this tag? The note,
 * placeholder, interface-line and control passes never read a heading,
 * a <b>, a <legend> or a <label>: their folds are not kept (a page of
 * many short headings fills the store with them). */
static bool read_after_labels(GumboTag t)
{
    return !heur_is_heading_tag(t) && t != GUMBO_TAG_B && t != GUMBO_TAG_LEGEND &&
           t != GUMBO_TAG_LABEL;
}

static void folded_free(folded *f)
{
    free(f->owned);
}

static bool is_label_tag(GumboTag t)
{
    return (unsigned)t <= GUMBO_TAG_LAST && label_tags[t];
}

/* Does the kept text of `box` begin with the text of `label`? True when no
 * visible text precedes the label inside the box. */
static bool label_opens_box(const rm_engine *e, int32_t box, int32_t label)
{
    for (int32_t i = box + 1; i < label; i++)
        if (node(e, i)->type == RM_NODE_TEXT && e->drop[i] == DROP_KEEP && e->tchars[i] > 1)
            return false;
    return true;
}

/* The rank of a heading element (1 for h1 ... 6 for h6), 0 for others. */
static int heading_rank(const rm_engine *e, int32_t id)
{
    GumboTag t = node(e, id)->tag;
    return heur_is_heading_tag(t) ? (int)(t - GUMBO_TAG_H1) + 1 : 0;
}

/* The rank of the heading that is or holds `label`; a label that is no
 * heading counts as a rank-2 one. */
static int label_rank(const rm_engine *e, int32_t label)
{
    int32_t end = engine_end(e, label);
    for (int32_t i = label; i < end; i++)
        if (heading_rank(e, i))
            return heading_rank(e, i);
    for (int32_t a = node(e, label)->parent; a != RM_NONE; a = node(e, a)->parent)
        if (heading_rank(e, a))
            return heading_rank(e, a);
    return 2;
}

/* Does `box` hold a heading other than `label`'s of the same rank or
 * higher (a sibling section's title)? */
static bool holds_peer_heading(const rm_engine *e, int32_t box, int32_t label)
{
    int rank = label_rank(e, label);
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box, end); i < end; i = engine_kept(e, i + 1, end)) {
        int r = heading_rank(e, i);
        if (r && r <= rank && !engine_contains(e, i, label) && !engine_contains(e, label, i))
            return true;
    }
    return false;
}

/* A heading's section in a flat page: the siblings after it, up to the
 * next heading of its rank or higher. */
static void mark_section_after(rm_engine *e, int32_t heading)
{
    for (int32_t s = node(e, heading)->next_sibling; s != RM_NONE; s = node(e, s)->next_sibling) {
        if (!is_element(e, s))
            continue;
        if (heading_rank(e, s) && heading_rank(e, s) <= label_rank(e, heading))
            return;
        if (holds_peer_heading(e, s, heading) || protected_box(e, s))
            return;
        mark(e, s, RM_REMOVED_COMMENTS);
    }
}

/* A box opened by a phrase label ("Related Articles", "Adblock Detected",
 * "Leave a Reply"): climb from the label to the largest ancestor it still
 * opens, within the kind's size limit. */
/* How far back before a label follows_text looks (its previous sibling's
 * text is most often a node or two away). */
#define LABEL_LOOKBACK 8

/* Is there visible text between the start of label's parent and the label,
 * within LABEL_LOOKBACK nodes before it? Then the label opens no box
 * around it (label_opens_box); false when none was seen so near. */
static bool follows_text(const rm_engine *e, int32_t label)
{
    int32_t parent = node(e, label)->parent;
    for (int32_t i = label - 1; i > parent && i >= label - LABEL_LOOKBACK; i--)
        if (node(e, i)->type == RM_NODE_TEXT && e->drop[i] == DROP_KEEP && e->tchars[i] > 1)
            return true;
    return false;
}

static void classify_labelled_box(rm_engine *e, fold_memo *memo, const box_facts *b, size_t place)
{
    int32_t label = b->id;
    if (b->chars == 0 || b->chars > MAX_LABEL_CHARS || (b->marks & BOX_IN_CODE))
        return;
    /* A label other than a heading marks only a box it opens, never itself
     * alone (below): after text in its parent it opens none, whatever it
     * says, and its text need not be read (a list's short items). */
    if (!heur_is_heading_tag(b->tag) && follows_text(e, label))
        return;
    folded f;
    char buf[MAX_LABEL_CHARS * 4 + 1];
    if (!fold_box(e, memo, label, place, MAX_LABEL_CHARS * 4, buf, read_after_labels(b->tag), &f))
        return;
    const char *text = f.text;
    size_t len = f.len;
    rm_removed_kind kind = heur_phrase_kind(text, len);
    if (kind == RM_KIND_NONE && heur_is_comment_heading(text, len))
        kind = RM_REMOVED_COMMENTS;
    if (kind == RM_KIND_NONE && heur_is_ad_label(text, len))
        kind = RM_REMOVED_ADS;   /* a "Sponsored" card */
    /* A product page's customer reviews are its comment section. */
    bool reviews = kind == RM_KIND_NONE && e->page_type == RM_PAGE_PRODUCT &&
                   heur_is_review_heading(text, len);
    if (reviews)
        kind = RM_REMOVED_COMMENTS;
    folded_free(&f);
    if (kind == RM_KIND_NONE)
        return;
    int32_t box = RM_NONE;
    for (int32_t a = label; a != RM_NONE; a = node(e, a)->parent) {
        if (!is_element(e, a) || protected_box(e, a) || e->raw[a].chars > phrase_box_max_chars[kind] ||
            !label_opens_box(e, a, label))
            break;
        /* The reviews end where the next section of the page begins. */
        if (reviews && holds_peer_heading(e, a, label))
            break;
        /* A policy note ("Shipping & Returns") is one heading and its text:
         * a box with more headings is the accordion or tab set that holds
         * it beside the description and the specifications. */
        if (kind == RM_REMOVED_FOOTER && e->raw[a].headings > 1)
            break;
        box = a;
    }
    if (box == RM_NONE)
        return;
    /* A bold phrase that is not a heading labels nothing by itself. */
    if (box == label && !heur_is_heading_tag(node(e, label)->tag))
        return;
    if (reviews && box == label)
        mark_section_after(e, label);
    /* A related label must head links, not prose ("Related: the council's
     * earlier vote was ..."). */
    /* ... and a table of contents is links to the page's headings: in-page
     * links, which link density weighs lightly, so short text per link. */
    if (kind == RM_REMOVED_NAVIGATION && box != label && engine_link_density(&e->raw[box]) < 0.5 &&
        (e->raw[box].links < MIN_TOC_LINKS || e->raw[box].chars > TOC_CHARS_PER_LINK * e->raw[box].links))
        return;
    if (kind == RM_REMOVED_RELATED && box != label && engine_link_density(&e->raw[box]) < 0.3)
        return;
    if (kind == RM_REMOVED_NAVIGATION &&
        is_docbook_division_toc(e, box, dom_attr(&e->dom, box, "class")))
        return;   /* "Table of Contents" heads a chapter page's body */
    mark(e, box, kind);
}

/* Can the element be a skip link's own landing marker, by the page's
 * statistics alone (they do not change while clutter is classified)? */
static bool may_be_skip_target(const rm_engine *e, int32_t i)
{
    return e->raw[i].chars <= CONTROL_MAX_CHARS && e->raw[i].images == 0 &&
           e->raw[i].paragraphs <= 1 && e->raw[i].headings == 0;
}

/* Elements by their id: an open-addressing table of (hash of the id,
 * element), filled in document order with linear probing, so that the
 * elements of one hash are met in document order along its probe run.
 * Built once, on the first skip link, from the engine's list of elements
 * that have an id, so that a page of thousands of links costs one pass
 * over that list instead of a walk of the page per link. A page none of
 * whose elements with an id could be a landing marker (a wiki's edit
 * links point to headings) needs no table: whatever a link finds could
 * not be dropped. Whether one could is asked of each element with an id
 * as clutter_classify's first walk meets it (its statistics are read
 * there already; the list's own walk read them all again, scattered
 * through a big page), and of the few outside the body after it. */
typedef struct {
    uint32_t tag;    /* the hash's high half: the probe starts at its low bits */
    int32_t node;    /* RM_NONE: an empty slot */
} id_entry;

typedef struct {
    id_entry *slots;   /* NULL until built, and when there is nothing to find */
    size_t mask;       /* capacity - 1, a power of two */
    bool tried;
    bool wanted;       /* some element with an id may be a landing marker */
    size_t next;       /* the first walk's place in e->id_nodes */
} id_index;

/* The first element with an id at or after `from`: where the walk's
 * place in the list starts. */
static size_t first_id_from(const rm_engine *e, int32_t from)
{
    size_t k = 0;
    while (k < e->id_count && e->id_nodes[k] < from)
        k++;
    return k;
}

/* Element `id`, met by the first walk (in document order). */
static void note_landing_marker(const rm_engine *e, id_index *ids, int32_t id)
{
    if (ids->next < e->id_count && e->id_nodes[ids->next] == id) {
        ids->wanted = ids->wanted || may_be_skip_target(e, id);
        ids->next++;
    }
}

/* After the walk of [from, ...): the elements with an id outside it. */
static void note_other_landing_markers(const rm_engine *e, id_index *ids, int32_t from)
{
    for (size_t k = 0; k < e->id_count && !ids->wanted && e->id_nodes[k] < from; k++)
        ids->wanted = may_be_skip_target(e, e->id_nodes[k]);
    for (size_t k = ids->next; k < e->id_count && !ids->wanted; k++)
        ids->wanted = may_be_skip_target(e, e->id_nodes[k]);
}

static bool build_id_index(const rm_engine *e, id_index *ids)
{
    if (ids->tried)
        return ids->slots != NULL;
    ids->tried = true;
    if (!ids->wanted)
        return false;
    size_t cap = 16;
    while (cap < e->id_count * 2)
        cap *= 2;
    ids->slots = arena_cache_malloc(e->memory, cap, sizeof *ids->slots);
    if (!ids->slots)
        return false;   /* a heuristic skipped, not an error */
    for (size_t at = 0; at < cap; at++)
        ids->slots[at] = (id_entry){0, RM_NONE};
    ids->mask = cap - 1;
    for (size_t k = 0; k < e->id_count; k++) {
        int32_t i = e->id_nodes[k];
        const char *idattr = dom_attr(&e->dom, i, "id");
        uint64_t h = hashset_hash(idattr, strlen(idattr));
        size_t at = h & ids->mask;
        while (ids->slots[at].node != RM_NONE)
            at = (at + 1) & ids->mask;
        ids->slots[at] = (id_entry){(uint32_t)(h >> 32), i};
    }
    return true;
}

/* The first element in document order whose id is `id`, or RM_NONE
 * (also when no element with an id could be a landing marker). */
static int32_t element_by_id(const rm_engine *e, id_index *ids, const char *id)
{
    if (!build_id_index(e, ids))
        return RM_NONE;
    uint64_t h = hashset_hash(id, strlen(id));
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t at = h & ids->mask; ids->slots[at].node != RM_NONE; at = (at + 1) & ids->mask)
        if (ids->slots[at].tag == tag && strcmp(dom_attr(&e->dom, ids->slots[at].node, "id"), id) == 0)
            return ids->slots[at].node;
    return RM_NONE;
}

/* A skip link lands on a marker of its own ("after newsletter promotion"):
 * when the element it points to is just such a short line, it goes too. */
static void drop_skip_target(rm_engine *e, id_index *ids, int32_t link)
{
    const char *href = dom_attr(&e->dom, link, "href");
    if (!href || href[0] != '#' || !href[1])
        return;
    int32_t i = element_by_id(e, ids, href + 1);
    if (i != RM_NONE && may_be_skip_target(e, i) && !protected_box(e, i))
        engine_drop_subtree(e, i, DROP_CLUTTER);
}

/* Does the element sit inside a run of text (a sentence around it), rather
 * than between blocks? Its parent then has words of its own beside it. */
static bool in_running_text(const rm_engine *e, int32_t id)
{
    for (int32_t c = node(e, node(e, id)->parent)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (c != id && node(e, c)->type == RM_NODE_TEXT && e->tchars[c] > 1)
            return true;
    return false;
}

/* A call to action: a short link styled or marked as a button ("Get a
 * quote", "Start your free trial"), standing between blocks rather than
 * inside a sentence. A reader cannot press it, and a button element would
 * not be text at all. */
static bool is_button_link(const rm_engine *e, int32_t id, uint32_t chars)
{
    if (node(e, id)->tag != GUMBO_TAG_A || chars > CONTROL_MAX_CHARS ||
        (e->flags[id] & (NF_IN_CODE | NF_IN_HEADING)) || protected_box(e, id))
        return false;
    const char *role = dom_attr(&e->dom, id, "role");
    if (!(role && strcmp(role, "button") == 0) && !heur_is_button_class(dom_attr(&e->dom, id, "class")))
        return false;
    return !in_running_text(e, id);
}

/* Edit-section links and skip links: a link, or a span around one, whose
 * few words are a page control; and a bare call-to-action link between
 * blocks ("Get started", "Upvote"), which is one whatever its class. */
static void classify_control(rm_engine *e, fold_memo *memo, const box_facts *b, size_t place,
                             id_index *ids)
{
    int32_t id = b->id;
    uint32_t chars = b->chars;
    if (is_button_link(e, id, chars)) {
        engine_drop_subtree(e, id, DROP_CLUTTER);
        return;
    }
    if (chars == 0 || chars > CONTROL_MAX_CHARS || !(b->marks & BOX_LINKED) ||
        (b->marks & BOX_IN_CODE))
        return;
    folded f;
    char buf[CONTROL_MAX_CHARS * 4 + 1];
    if (!fold_box(e, memo, id, place, CONTROL_MAX_CHARS * 4, buf, false, &f))
        return;   /* the last pass: its folds are not kept */
    /* Dropped without being counted: twenty "[edit]" links are not twenty
     * pieces of navigation a reader would want reported. */
    if (heur_is_page_control(f.text, f.len)) {
        engine_drop_subtree(e, id, DROP_CLUTTER);
        drop_skip_target(e, ids, id);
    } else if (heur_is_call_to_action(f.text, f.len) && !in_running_text(e, id)) {
        engine_drop_subtree(e, id, DROP_CLUTTER);
    }
    folded_free(&f);
}

/* "This post may contain affiliate links", "Published in the print
 * edition of...": a short note of its own, a paragraph or a line, never a
 * sentence inside a longer paragraph. */
static void classify_note(rm_engine *e, fold_memo *memo, const box_facts *b, size_t place)
{
    int32_t id = b->id;
    GumboTag t = b->tag;
    if (b->chars == 0 || b->chars > NOTE_MAX_CHARS || (b->marks & (BOX_IN_CODE | BOX_PROTECTED)))
        return;
    /* A div of <br>-separated lines is judged line by line (br_line); a
     * caption that is only a picture credit ("Image by ... via ...") too. */
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_SPAN && t != GUMBO_TAG_A && t != GUMBO_TAG_FIGCAPTION &&
        !(b->marks & BOX_BR_LINE) &&
        !(t == GUMBO_TAG_DIV && e->raw[id].paragraphs == 0 && e->raw[id].headings == 0 &&
          !engine_has_br_child(e, id)))
        return;
    folded f;
    char buf[NOTE_MAX_CHARS * 4 + 1];
    /* the passes after this one read boxes of at most twice CONTROL_MAX_CHARS
     * (interface lines): the fold of a paragraph is not kept for them */
    bool keep = b->chars <= CONTROL_MAX_CHARS * 2;
    if (!fold_box(e, memo, id, place, NOTE_MAX_CHARS * 4, buf, keep, &f))
        return;
    rm_removed_kind kind = heur_note_kind(f.text, f.len);
    if (kind == RM_KIND_NONE && heur_is_ad_label(f.text, f.len))
        kind = RM_REMOVED_ADS;
    if (kind == RM_KIND_NONE && (b->marks & BOX_LINKED) && heur_is_related_link_line(f.text, f.len))
        kind = RM_REMOVED_RELATED;
    folded_free(&f);
    if (kind != RM_KIND_NONE)
        mark(e, id, kind);
}

/* A block that only stands in for content a script loads ("Loading...")
 * or counts and sorts the results above a list ("Showing 24 of 291
 * results", "Sort by"): dropped without being counted, as page controls. */
static void classify_placeholder(rm_engine *e, fold_memo *memo, const box_facts *b, size_t place)
{
    int32_t id = b->id;
    GumboTag t = b->tag;
    if (b->chars == 0 || b->chars > CONTROL_MAX_CHARS || (b->marks & (BOX_IN_CODE | BOX_PROTECTED)) ||
        (t != GUMBO_TAG_P && t != GUMBO_TAG_SPAN && t != GUMBO_TAG_DIV && t != GUMBO_TAG_LI))
        return;
    folded f;
    char buf[CONTROL_MAX_CHARS * 4 + 1];
    if (!fold_box(e, memo, id, place, CONTROL_MAX_CHARS * 4, buf, true, &f))
        return;
    if (heur_is_placeholder(f.text, f.len))
        engine_drop_subtree(e, id, DROP_CLUTTER);
    folded_free(&f);
}

/* Inside a card of an index page's own grid (a collection or listing),
 * where a line is one of the item's facts or the card's furniture. */
static bool in_index_card(const rm_engine *e, int32_t id)
{
    return (e->page_type == RM_PAGE_COLLECTION || e->page_type == RM_PAGE_LISTING) &&
           in_card_grid(e, id) && id != e->cards;
}

/* Lines of the interface, not the page: a template field no script
 * filled ("{{price.total}}"), a bare UUID (a script's key), and on a product page the buy box's own
 * lines ("Out of stock", "Add to wishlist", "Shipping calculated at
 * checkout", product.c). Dropped without being counted, as page
 * controls. */
static void classify_interface_line(rm_engine *e, fold_memo *memo, const box_facts *b, size_t place)
{
    int32_t id = b->id;
    GumboTag t = b->tag;
    if (b->chars == 0 || b->chars > CONTROL_MAX_CHARS * 2 || (b->marks & (BOX_IN_CODE | BOX_PROTECTED)) ||
        (t != GUMBO_TAG_P && t != GUMBO_TAG_SPAN && t != GUMBO_TAG_DIV && t != GUMBO_TAG_LI &&
         t != GUMBO_TAG_A && t != GUMBO_TAG_SMALL && t != GUMBO_TAG_STRONG))
        return;
    folded f;
    char buf[CONTROL_MAX_CHARS * 4 + 1];
    if (!fold_box(e, memo, id, place, CONTROL_MAX_CHARS * 4, buf, true, &f))
        return;
    if (heur_is_template_text(f.text, f.len) || heur_is_machine_id(f.text, f.len) ||
        (e->page_type == RM_PAGE_PRODUCT && product_is_shop_line(f.text, f.len)) ||
        (in_index_card(e, id) && heur_is_card_chrome(f.text, f.len)))
        engine_drop_subtree(e, id, DROP_CLUTTER);
    folded_free(&f);
}

/* On a product page, a template's filler text ("Lorem ipsum dolor sit
 * amet ...") left in a box of the shop's page builder is no one's
 * content; elsewhere it may be the text itself (test and demo pages). */
static void drop_filler(rm_engine *e, int32_t id)
{
    if (e->page_type == RM_PAGE_PRODUCT && node(e, id)->type == RM_NODE_TEXT && e->drop[id] == DROP_KEEP &&
        heur_is_filler_text(dom_text(&e->dom, id)))
        engine_drop_subtree(e, id, DROP_CLUTTER);
}


size_t clutter_table_bytes(const rm_engine *e)
{
    size_t nodes = (size_t)e->dom.count;
    /* the fold store grows with the short boxes folded, to its cap: room
     * for as many bytes as the entries take, so that a small page keeps
     * no idle megabytes for it */
    size_t store = nodes * sizeof(memo_entry) < MEMO_TEXT_BYTES ? nodes * sizeof(memo_entry)
                                                                : MEMO_TEXT_BYTES;
    /* (tables small enough for malloc take nothing of the cache; the id
     * table is left out: the call trims before engine_prepare finds the
     * ids, and few pages build it) */
    size_t boxes = arena_cache_bytes(nodes, sizeof(box_facts));
    size_t lists = boxes + arena_cache_bytes(nodes, sizeof(memo_entry)) + arena_cache_bytes(store, 1);
    /* mark_counted_panels, while the box list is made and before the fold memo */
    size_t counts = boxes + arena_cache_bytes(nodes, sizeof(uint32_t));
    return lists > counts ? lists : counts;
}

void clutter_classify(rm_engine *e)
{
    int32_t body = e->dom.body;
    if (body == RM_NONE)
        return;
    int32_t end = engine_end(e, body);
    marker_memo markers = {{{NULL, RM_KIND_NONE, false}}};
    bool grids = false;   /* a teaser grid awaits settle_teaser_grids */
    int32_t last_share = RM_NONE;
    text_boxes boxes;
    open_text_boxes(e, body + 1, end, &boxes);
    id_index ids = {NULL, 0, false, false, first_id_from(e, body + 1)};
    for (int32_t i = body + 1; i < end; i++) {
        if (!is_element(e, i)) {
            drop_filler(e, i);
            add_text_box(e, &boxes, i);
            continue;
        }
        note_landing_marker(e, &ids, i);
        if (is_share_link(e, i))
            last_share = i;
        /* the rules that go by a class, id or item type meet an element
         * without attributes in vain (most elements of a big tree) */
        bool named = node(e, i)->has_attrs != 0;
        if (named)
            classify_by_marker(e, &markers, i);
        if (e->drop[i] == DROP_KEEP)
            classify_by_structure(e, i);
        if (e->drop[i] == DROP_KEEP)
            classify_reply_list(e, i);
        if (e->drop[i] == DROP_KEEP)
            classify_facets(e, i);
        if (e->drop[i] == DROP_KEEP)
            classify_index_furniture(e, i);
        if (named && e->drop[i] == DROP_KEEP)
            classify_reviews(e, i);
        if (named && e->drop[i] == DROP_KEEP)
            classify_post_remarks(e, i);
        if (e->drop[i] == DROP_KEEP)
            classify_priced_shelf(e, i);
        if (named && e->drop[i] == DROP_KEEP)
            classify_fine_print(e, i);
        if (e->drop[i] == DROP_KEEP && e->raw[i].links >= MIN_TEASER_CARDS)
            grids |= classify_teaser_grid(e, i);
        add_text_box(e, &boxes, i);
    }
    close_text_boxes(&boxes);
    note_other_landing_markers(e, &ids, body + 1);
    if (grids)   /* three walks of the page, for nothing on most pages */
        settle_teaser_grids(e, body);
    classify_option_panels(e, body, end);
    classify_control_bars(e, body, end);
    /* share links outside the body's range: none on most pages (a
     * template's content in the head may hold one) */
    last_share = last_share_link(e, end, e->dom.count, last_share);
    if (last_share == RM_NONE)
        last_share = last_share_link(e, 1, body + 1, RM_NONE);
    classify_share_groups(e, last_share);
    fold_memo memo = {arena_cache_calloc(e->memory, boxes.count, sizeof(memo_entry)), boxes.count,
                      NULL, 0, 0, e->memory};
    box_facts spare;
    for (size_t k = 0; k < boxes.count; k++) {
        const box_facts *b = text_box(e, &boxes, k, &spare);
        if (b->element && is_label_tag(b->tag) && e->drop[b->id] == DROP_KEEP)
            classify_labelled_box(e, &memo, b, k);
    }
    for (size_t k = 0; k < boxes.count; k++) {
        const box_facts *b = text_box(e, &boxes, k, &spare);
        if (e->drop[b->id] == DROP_KEEP)
            classify_note(e, &memo, b, k);
    }
    for (size_t k = 0; k < boxes.count; k++) {
        const box_facts *b = text_box(e, &boxes, k, &spare);
        if (b->element && e->drop[b->id] == DROP_KEEP)
            classify_placeholder(e, &memo, b, k);
    }
    for (size_t k = 0; k < boxes.count; k++) {
        const box_facts *b = text_box(e, &boxes, k, &spare);
        if (b->element && e->drop[b->id] == DROP_KEEP)
            classify_interface_line(e, &memo, b, k);
    }
    for (size_t k = 0; k < boxes.count; k++) {
        const box_facts *b = text_box(e, &boxes, k, &spare);
        if (b->element && is_control_tag(b->tag) && e->drop[b->id] == DROP_KEEP)
            classify_control(e, &memo, b, k, &ids);
    }
    arena_cache_free(e->memory, ids.slots, ids.slots ? ids.mask + 1 : 0, sizeof *ids.slots);
    arena_cache_free(e->memory, boxes.boxes, boxes.room, sizeof *boxes.boxes);
    memo_free(&memo);
    for (int32_t i = 0; i < e->dom.count; i++)
        if (e->kind[i] != RM_KIND_NONE)
            e->removed[e->kind[i]]++;
}
