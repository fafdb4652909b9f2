/*
 * product.c — a product page's own description box.
 *
 * Shops lay a product page out as a buy box (price, options, delivery,
 * buttons) beside the description, and write the description as they
 * please: bullet lists of spans, a tab panel, short paragraphs. The
 * article scorer counts commas and paragraphs and may well prefer a
 * variant table or a block of delivery terms. The page itself says where
 * the description is: schema.org microdata (itemprop="description" on a
 * Product item) or the theme's class names, which every shop platform
 * forms from the two words ("product__description", "productView-
 * description", "woocommerce-product-details__short-description").
 */
#include "product.h"

#include "dom.h"
#include "heuristics.h"

#include <ctype.h>
#include <string.h>

#define DESCRIPTION_MIN_CHARS 200  /* a paragraph or a few bullet points: less
                                      is a tag line ("Regular fit - 5.3 oz") */

/* Is `id` inside a microdata item of a Product type (Product,
 * IndividualProduct, ProductModel, ProductGroup)? The nearest item
 * decides: a description inside an Offer or a Review is theirs. */
bool product_in_item(const rm_engine *e, int32_t id)
{
    for (int32_t a = e->dom.nodes[id].parent; a != RM_NONE; a = e->dom.nodes[a].parent) {
        if (e->dom.nodes[a].type != RM_NODE_ELEMENT || !dom_attr(&e->dom, a, "itemscope"))
            continue;
        const char *type = dom_attr(&e->dom, a, "itemtype");
        return type && strstr(type, "Product") != NULL;
    }
    return false;
}

static bool marks_description(const rm_engine *e, int32_t id)
{
    if (e->dom.nodes[id].type != RM_NODE_ELEMENT)
        return false;
    const char *prop = dom_attr(&e->dom, id, "itemprop");
    if (prop && strcmp(prop, "description") == 0 && product_in_item(e, id))
        return true;
    return heur_names_product_description(engine_sig(e, id));
}

uint32_t product_kept_unlinked(const rm_engine *e, const uint8_t *mask, int32_t box)
{
    uint32_t n = 0;
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept_by(mask, e, box, end); i < end; i = engine_kept_by(mask, e, i + 1, end))
        if (e->dom.nodes[i].type == RM_NODE_TEXT && !(e->flags[i] & NF_IN_LINK))
            n += e->tchars[i];
    return n;
}

int32_t product_description_box(const rm_engine *e, const uint8_t *mask)
{
    int32_t best = RM_NONE;
    uint32_t most = DESCRIPTION_MIN_CHARS - 1;
    for (int32_t i = engine_kept_by(mask, e, 0, e->dom.count); i < e->dom.count;
         i = engine_kept_by(mask, e, i + 1, e->dom.count)) {
        if (!marks_description(e, i))
            continue;
        uint32_t chars = product_kept_unlinked(e, mask, i);
        if (chars > most) {   /* ties: the outer box, met first */
            most = chars;
            best = i;
        }
    }
    return best;
}

/* A shop lays the product's information out as tabs or an accordion:
 * the description in one panel, the specifications, the care notes and
 * the shipping terms in the panels beside it, each panel a box of the
 * same kind (same tag, same first class) whose class names it a tab,
 * panel, accordion or collapse item. The description's panel set is the
 * product's text, not the one panel that happens to be open. Climbs at
 * most PANEL_CLIMB boxes from the description. */
#define PANEL_CLIMB 6
static const char *const panel_words[] = {"tab", "tabs", "panel", "pane", "accordion", "collapse"};

static size_t first_class_len(const char *sig)
{
    return strcspn(sig, " ");
}

static bool sig_names_panel(const char *sig)
{
    size_t end = first_class_len(sig);
    for (size_t at = 0; at < end;) {
        size_t n = strcspn(sig + at, " -_");
        if (at + n > end)
            n = end - at;
        for (size_t k = 0; k < sizeof panel_words / sizeof panel_words[0]; k++)
            if (n == strlen(panel_words[k]) && strncmp(sig + at, panel_words[k], n) == 0)
                return true;
        at += n + 1;
    }
    return false;
}

/* Does the parent of `panel` hold another box of its kind with text? */
static bool has_sibling_panel(const rm_engine *e, const uint8_t *mask, int32_t panel)
{
    const char *sig = engine_sig(e, panel);
    size_t len = first_class_len(sig);
    int32_t parent = e->dom.nodes[panel].parent;
    for (int32_t c = e->dom.nodes[parent].first_child; c != RM_NONE; c = e->dom.nodes[c].next_sibling) {
        if (c == panel || e->dom.nodes[c].type != RM_NODE_ELEMENT || mask[c] != DROP_KEEP ||
            e->dom.nodes[c].tag != e->dom.nodes[panel].tag)
            continue;
        const char *other = engine_sig(e, c);
        if (first_class_len(other) == len && strncmp(other, sig, len) == 0 &&
            product_kept_unlinked(e, mask, c) > 0)
            return true;
    }
    return false;
}

int32_t product_panel_set(const rm_engine *e, const uint8_t *mask, int32_t box)
{
    int32_t a = box;
    for (int k = 0; k < PANEL_CLIMB && a != RM_NONE && e->dom.nodes[a].parent != RM_NONE;
         k++, a = e->dom.nodes[a].parent) {
        if (e->dom.nodes[a].type != RM_NODE_ELEMENT || first_class_len(engine_sig(e, a)) == 0)
            continue;
        if (sig_names_panel(engine_sig(e, a)) && has_sibling_panel(e, mask, a))
            return e->dom.nodes[a].parent;
    }
    return box;
}

/* Currency signs and ISO 4217 codes of the currencies shops price in most;
 * case-folded, as the text they are looked for in. */
static const char *const currency_marks[] = {
    "$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xE2\x82\xB9", "usd", "eur", "gbp",
    "aud", "cad", "chf", "jpy", "inr", "aed", "sek", "nok", "dkk", "pln", "kr", "z\xC5\x82",
};

/* A digit at `p` (after one optional space) within [text, end). */
static bool digit_after(const char *p, const char *end)
{
    if (p < end && *p == ' ')
        p++;
    return p < end && isdigit((unsigned char)*p);
}

static bool digit_before(const char *text, const char *p)
{
    if (p > text && p[-1] == ' ')
        p--;
    return p > text && isdigit((unsigned char)p[-1]);
}

bool product_shows_price(const char *text, size_t len)
{
    const char *end = text + len;
    for (size_t k = 0; k < sizeof currency_marks / sizeof currency_marks[0]; k++) {
        const char *mark = currency_marks[k];
        size_t m = strlen(mark);
        bool letters = isalpha((unsigned char)mark[0]);
        for (const char *p = text; p + m <= end; p++) {
            if (memcmp(p, mark, m) != 0)
                continue;
            /* a code is a word of its own: "eur", not "europe" */
            if (letters && ((p > text && isalpha((unsigned char)p[-1])) ||
                            (p + m < end && isalpha((unsigned char)p[m]))))
                continue;
            if (digit_after(p + m, end) || digit_before(text, p))
                return true;
        }
    }
    return false;
}

/* Lines of a shop's buy box that say nothing about the product: stock
 * state, the buttons' words where a theme writes them as text, checkout
 * small print. Whole lines only, with digits left out; English and the
 * languages of the purchase phrases in pagetype.c. Collected from shop
 * platforms' default theme strings (Shopify, WooCommerce, Magento). */
static const char *const shop_lines[] = {
    "in stock", "out of stock", "sold out", "low in stock", "only left", "only left in stock",
    "in stock online", "in stock and ready to ship", "available", "unavailable",
    "add to cart", "add to bag", "add to basket", "add to wishlist", "add to wish list",
    "add to favorites", "add to favourites", "add to compare", "add to list", "buy now",
    "buy it now", "notify me", "notify me when available", "email me when available",
    "email me when back in stock", "follow the author", "shipping calculated at checkout",
    "taxes, discounts and shipping calculated at checkout", "tax included", "taxes included",
    "vat included", "incl. vat", "tax included. shipping calculated at checkout",
    "decrease quantity", "increase quantity", "quantity", "qty",
    "auf lager", "ausverkauft", "nicht auf lager", "en stock", "rupture de stock",
    "\xC3\xA9puis\xC3\xA9", "agotado", "sin stock", "esaurito", "disponibile", "op voorraad",
    "uitverkocht",
};

bool product_is_shop_line(const char *text, size_t len)
{
    char squeezed[64];
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (isdigit((unsigned char)c) || c == ':' || c == '!')
            continue;
        if (c == ' ' || c == '\t' || c == '\n') {
            space = n > 0;
            continue;
        }
        if (n + 2 >= sizeof squeezed)
            return false;   /* longer than any line of the table */
        if (space)
            squeezed[n++] = ' ';
        space = false;
        squeezed[n++] = c;
    }
    while (n > 0 && squeezed[n - 1] == '.')
        n--;
    for (size_t k = 0; k < sizeof shop_lines / sizeof shop_lines[0]; k++)
        if (strlen(shop_lines[k]) == n && memcmp(shop_lines[k], squeezed, n) == 0)
            return true;
    return false;
}
