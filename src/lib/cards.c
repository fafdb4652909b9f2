/*
 * cards.c — the cards of an index page say each thing once.
 *
 * A card of a shop's or a news site's grid often carries its title, date
 * or label twice: once in the layout for wide screens and once in the one
 * for phones, or once on the picture's overlay and once under it, one of
 * the two hidden by a media query that no extractor evaluates. Read in
 * document order the card says everything twice. repeats.c drops second
 * copies of blocks of a sentence or more anywhere in the article; inside
 * one card even a short line ("Free", a title, "Promoted") repeated is a
 * copy, since a card is a handful of distinct facts about one item. Only
 * on index pages (collections and listings), whose cards are the content,
 * and only within one card: across cards, "Free" or "Sterling silver" is
 * each item's own fact.
 *
 * Across cards, what every card says alike on a button or on a second
 * link to its own item ("Add to cart", "Compare", "Quick view", "Read
 * more") is the card's control, not a fact about its item: such a
 * control's text that two in five of the grid's cards show goes (some
 * show only on the cards they fit: "Be the first to review" on those no
 * one has reviewed). Plain text and
 * links elsewhere alike in every card stay (the material, "Free", a
 * region, a "Price:" label).
 */
#include "engine.h"
#include "hashset.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CONTROL_MIN_CARDS 4    /* a grid's worth of cards saying it */
#define CONTROL_CARD_SHARE 0.4 /* ...and two in five of the grid's cards:
                                   some controls show on part of the cards
                                   only ("Be the first to review" where no
                                   one has; measured on WCXB dev against
                                   0.6: collection +0.0006, listing
                                   +0.0002, two pages up, none down) */
#define CARD_TEXT_BYTES 512   /* a line of a card, case-folded; longer is
                                 compared by this prefix */

/* A line says something: two letters or digits at least (not the ", "
 * and " • " between a card's parts, which repeat by nature). Bytes of
 * other scripts count as letters. */
static bool says_something(const char *text, size_t len)
{
    size_t word = 0;
    for (size_t k = 0; k < len && word < 2; k++)
        word += isalnum((unsigned char)text[k]) || (unsigned char)text[k] >= 0x80;
    return word >= 2;
}

/* The hash of a text node's line, or 0 when it is no line to judge. */
static int line_hash(const rm_engine *e, int32_t i, uint64_t *h)
{
    char buf[CARD_TEXT_BYTES + 1];
    size_t len;
    *h = 0;
    if (e->dom.nodes[i].type != RM_NODE_TEXT || e->tchars[i] == 0)
        return 0;
    char *text = engine_fold_into(e, i, e->drop, CARD_TEXT_BYTES, buf, &len);
    if (!text)
        return -1;
    if (says_something(text, len))
        *h = hashset_hash(text, len) | 1;
    if (text != buf)
        free(text);
    return 0;
}

/* The card's own link: the first link in it, to its item's page. */
static const char *item_href(const rm_engine *e, int32_t card)
{
    int32_t end = engine_end(e, card);
    for (int32_t i = card; i < end; i++)
        if (e->dom.nodes[i].tag == GUMBO_TAG_A && dom_attr(&e->dom, i, "href"))
            return dom_attr(&e->dom, i, "href");
    return NULL;
}

/* Do two links lead to the same page (a fragment apart: "#reviews")? */
static bool same_page(const char *a, const char *b)
{
    size_t la = strcspn(a, "#"), lb = strcspn(b, "#");
    return la == lb && strncmp(a, b, la) == 0;
}

/* Is the text node `i` a control's label, all the text of a button, of a
 * form label ("Add to Compare" beside its check box), of a link to no page
 * ("#", a script), or of a second link to the card's own item ("Read
 * more", "View details", its reviews)? A link elsewhere (a region, a category, the
 * seller) is a fact about the item. */
static bool in_control(const rm_engine *e, int32_t i, int32_t card, const char *item)
{
    for (int32_t a = e->dom.nodes[i].parent; a != RM_NONE && a != card; a = e->dom.nodes[a].parent) {
        GumboTag t = e->dom.nodes[a].tag;
        if (t != GUMBO_TAG_A && t != GUMBO_TAG_BUTTON && t != GUMBO_TAG_LABEL)
            continue;
        if (e->raw[a].chars > e->tchars[i])
            return false;   /* a link around the card's facts, not a label */
        if (t != GUMBO_TAG_A)
            return true;
        const char *href = dom_attr(&e->dom, a, "href");
        return href && (href[0] == '#' || strncasecmp(href, "javascript:", 11) == 0 ||
                        (item && same_page(href, item)));
    }
    return false;
}

typedef struct {
    uint64_t *hashes;
    size_t count, cap;
} hash_list;

static int list_add(hash_list *l, uint64_t h)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        uint64_t *grown = realloc(l->hashes, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->hashes = grown;
        l->cap = cap;
    }
    l->hashes[l->count++] = h;
    return 0;
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* One card: drop its lines said before in it; list (once per card) the
 * controls' lines it keeps into `controls`, or, when `common` is given,
 * drop the controls' lines found there. Returns -1 when out of memory. */
static int judge_card(rm_engine *e, int32_t card, hash_list *controls, const hash_list *common)
{
    hashset seen = {0};
    int rc = 0;
    const char *item = item_href(e, card);
    int32_t end = engine_end(e, card);
    for (int32_t i = engine_kept(e, card, end); i < end && rc == 0; i = engine_kept(e, i + 1, end)) {
        uint64_t h;
        if ((rc = line_hash(e, i, &h)) != 0 || h == 0)
            continue;
        bool control = in_control(e, i, card, item);
        if (hashset_has(&seen, h) ||
            (common && control &&
             bsearch(&h, common->hashes, common->count, sizeof h, by_value))) {
            e->drop[i] = DROP_CLEANED;
            continue;
        }
        rc = hashset_add(&seen, h);
        if (rc == 0 && controls && control)
            rc = list_add(controls, h);
    }
    hashset_free(&seen);
    return rc;
}

/* The controls' lines that most cards show, sorted. */
static void keep_common(hash_list *l, size_t cards)
{
    if (l->count == 0)
        return;
    qsort(l->hashes, l->count, sizeof l->hashes[0], by_value);
    size_t need = (size_t)(CONTROL_CARD_SHARE * (double)cards + 0.999), kept = 0;
    if (need < CONTROL_MIN_CARDS)
        need = CONTROL_MIN_CARDS;
    for (size_t k = 0; k < l->count;) {
        size_t run = 1;
        while (k + run < l->count && l->hashes[k + run] == l->hashes[k])
            run++;
        if (run >= need)
            l->hashes[kept++] = l->hashes[k];
        k += run;
    }
    l->count = kept;
}

int clean_card_repeats(rm_engine *e)
{
    int32_t grid = e->cards;
    if ((e->page_type != RM_PAGE_COLLECTION && e->page_type != RM_PAGE_LISTING) ||
        grid == RM_NONE || e->drop[grid] != DROP_KEEP)
        return 0;
    hash_list controls = {NULL, 0, 0};
    size_t cards = 0;
    int rc = 0;
    for (int32_t c = e->dom.nodes[grid].first_child; c != RM_NONE && rc == 0;
         c = e->dom.nodes[c].next_sibling)
        if (e->dom.nodes[c].type == RM_NODE_ELEMENT && e->drop[c] == DROP_KEEP) {
            cards++;
            rc = judge_card(e, c, &controls, NULL);
        }
    if (rc == 0)
        keep_common(&controls, cards);
    for (int32_t c = e->dom.nodes[grid].first_child; c != RM_NONE && rc == 0 && controls.count;
         c = e->dom.nodes[c].next_sibling)
        if (e->dom.nodes[c].type == RM_NODE_ELEMENT && e->drop[c] == DROP_KEEP)
            rc = judge_card(e, c, NULL, &controls);
    free(controls.hashes);
    return rc;
}
