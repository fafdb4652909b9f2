/*
 * nesting.h — cap the element nesting depth of markup before parsing.
 *
 * Gumbo's tree construction is quadratic in nesting depth (100 000 nested
 * <div>s take about 30 s), while browsers cap the depth of the tree they
 * build (Chromium at 512: deeper elements are attached to the element at
 * the cap). nesting_limit does the same to the markup in one linear scan,
 * so that the extractor sees what a browser would show.
 */
#ifndef RM_NESTING_H
#define RM_NESTING_H

#include <stddef.h>

/* Scan `len` bytes of UTF-8 HTML. When no element would sit deeper than
 * `max_depth` (counting the implied <html> and <body>; elements that hold
 * no elements, like <img> or <script>, may sit one deeper), returns 1 and sets
 * *out to NULL: use the input as it is. Otherwise returns 0 and sets *out
 * (malloc'd, NUL-terminated) and *out_len to a copy in which the start tags
 * beyond the cap and their end tags are removed: their content stays, one
 * level up. Returns -1 when out of memory. */
int nesting_limit(const char *html, size_t len, unsigned max_depth, char **out, size_t *out_len);

#endif
