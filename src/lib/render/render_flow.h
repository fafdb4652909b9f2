/*
 * render_flow.h — the one walk behind render_text and render_markdown.
 *
 * Both lay out the same blocks, lists, quotes, pre and tables through
 * render_lines. The walk knows nothing of Markdown: the Markdown renderer
 * passes in a table of hooks (escaping, inline markup, fences, tables,
 * link destinations); plain text passes none.
 */
#ifndef RM_RENDER_FLOW_H
#define RM_RENDER_FLOW_H

#include "render_lines.h"

/* What a markup language adds to the shared layout. */
typedef struct {
    /* Write text escaped so that it reads literally; in_table: inside a
     * pipe table (escape "|" too). */
    void (*write_text)(render_lines *w, const char *s, size_t n, int in_table);
    /* Opening and closing markup for an inline element, or 0 when it gets
     * none. `prev` is the character before it; `after_opener` says that
     * character is another element's opening markup. */
    int (*inline_markup)(const rm_render_input *in, const uint8_t *scan, int32_t id,
                         char prev, int after_opener, const char **open, const char **close);
    /* Backtick fence for code or pre (longer than any backtick run inside,
     * at least `min`; for pre the language follows); malloc'd. */
    char *(*code_fence)(const rm_render_input *in, const uint8_t *scan, int32_t id, size_t min);
    /* Can the table be written in the language's own table syntax? */
    int (*table_is_simple)(const rm_render_input *in, const uint8_t *scan, int32_t table);
    /* Must the element be written as a block of HTML (a table the
     * syntax cannot hold, preformatted text with links)? */
    int (*needs_html)(const rm_render_input *in, const uint8_t *scan, int32_t id);
    /* The element as HTML, one line per block; malloc'd, NULL when out of
     * memory. */
    char *(*as_html)(const rm_render_input *in, int32_t id);
    /* May a link hold this element's content even though it has blocks
     * (a picture wrapped in a div)? */
    int (*link_spans_blocks)(const rm_render_input *in, const uint8_t *scan, int32_t id);
    /* A link destination that stays one token; malloc'd. */
    char *(*destination)(const char *url);
    /* Markup that keeps an element's id (a footnote target); malloc'd. */
    char *(*anchor)(const char *id);
} render_flow_markup;

/* Lay out the roots: plain text when markup is NULL. When verbatim_starts
 * is given, the byte offset (size_t) of every line that comes from pre is
 * appended to it, so the text can be re-wrapped without touching code. */
char *render_flow(const rm_render_input *in, const render_flow_markup *markup,
                  render_buf *verbatim_starts);

/* Re-wrap text from render_flow at `width` columns, leaving the lines whose
 * offsets are in verbatim_starts (may be NULL) as they are. */
char *render_text_rewrap(const char *text, unsigned width, const render_buf *verbatim_starts);

#endif
