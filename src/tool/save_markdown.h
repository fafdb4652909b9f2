/*
 * save_markdown.h — a saved Markdown article back as reader HTML, for the
 * reader view (cmark-gfm), its NAME.assets/ images inside as data: URIs.
 */
#ifndef RM_SAVE_MARKDOWN_H
#define RM_SAVE_MARKDOWN_H

#include "readmode.h"
#include <stddef.h>

/* The Markdown `body` of the saved file `path` (whose images are in its
 * folder's NAME.assets/) as an article with html and text, rendered
 * through the reader allow-list. NULL when out of memory. */
rm_article *save_markdown_article(const char *path, const char *body, size_t len);

#endif
