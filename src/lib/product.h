/*
 * product.h — rules for product pages: where the shop put the product's
 * description, which the article scorer may pass over for the buy box.
 */
#ifndef RM_PRODUCT_H
#define RM_PRODUCT_H

#include "engine.h"

/* The element the page marks as its product's description (microdata
 * itemprop=description inside a Product item, or a class/id naming it)
 * holding the most text kept by `mask`, at least a paragraph's worth;
 * RM_NONE when there is none. Only meaningful on product pages. */
int32_t product_description_box(const rm_engine *e, const uint8_t *mask);

/* The tab or accordion set that the description `box` is one panel of
 * (its panels' common parent), or `box` itself when it is in none. */
int32_t product_panel_set(const rm_engine *e, const uint8_t *mask, int32_t box);

/* Is `id` inside a microdata item of a Product type (Product,
 * IndividualProduct, ProductModel, ProductGroup)? The nearest item
 * decides: a description inside an Offer or a Review is theirs. */
bool product_in_item(const rm_engine *e, int32_t id);

/* Text outside links that `mask` keeps under `box`. */
uint32_t product_kept_unlinked(const rm_engine *e, const uint8_t *mask, int32_t box);

/* Does the (case-folded) text show a price: a currency sign or code next
 * to a number ("$39.99", "49,99 €", "EUR 15.49")? */
bool product_shows_price(const char *text, size_t len);

/* Is the (case-folded) text, whole, a line of the shop's buy box rather
 * than of the product ("Out of stock", "Add to wishlist", "Shipping
 * calculated at checkout")? Counts are ignored ("Only 3 left in stock"). */
bool product_is_shop_line(const char *text, size_t len);

#endif
