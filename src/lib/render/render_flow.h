/*
 * render_flow.h — the one walk behind render_text and render_markdown.
 *
 * Both lay out the same blocks, lists, quotes, pre and tables through
 * render_lines; Markdown adds inline markup, escaping, fences, links and
 * images. The Markdown-only decisions live in render_markdown.c and are
 * declared here for the walk.
 */
#ifndef RM_RENDER_FLOW_H
#define RM_RENDER_FLOW_H

#include "render_lines.h"

typedef enum { RENDER_FLOW_TEXT, RENDER_FLOW_MARKDOWN } render_flow_format;

char *render_flow(const rm_render_input *in, render_flow_format format);

/* Markdown pieces (render_markdown.c). */

/* Write text escaped so that it reads literally; in_table also escapes
 * "|". */
void markdown_write_text(render_lines *w, const char *s, size_t n, int in_table);
/* Opening and closing markup for an inline element, or NULL. */
const char *markdown_inline_markup(GumboTag tag);
/* Backtick fence for the text of a code element or a pre block: longer than
 * any backtick run inside, at least `min` long; malloc'd, NULL when out of
 * memory. For pre, the info string (language) follows the fence. */
char *markdown_code_fence(const rm_render_input *in, const uint8_t *scan,
                          int32_t id, size_t min);
/* Can the table be a GFM pipe table: equal cell counts, no spans, no
 * nested tables or multi-line blocks in cells? */
int markdown_table_is_simple(const rm_render_input *in, const uint8_t *scan, int32_t table);
/* A link destination safe inside (...) and inside a table cell: spaces,
 * parentheses, angle brackets, backslashes and "|" percent-encoded.
 * malloc'd, NULL when out of memory. */
char *markdown_destination(const char *url);

#endif
