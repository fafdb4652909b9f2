/*
 * render.h — turn the chosen article subtrees into text, Markdown or
 * sanitized reader HTML.
 *
 * The renderers read the flat DOM index (dom.h) and a per-node drop mask
 * produced by the cleaning pass; they never look at the page outside the
 * given roots. All three walk iteratively, so depth costs no C stack.
 */
#ifndef RM_RENDER_H
#define RM_RENDER_H

#include "dom.h"
#include "readmode.h"
#include <stdint.h>
#include <stddef.h>

typedef struct {
    const rm_dom *dom;
    const uint8_t *drop;      /* per node id: nonzero = skip node and subtree */
    const int32_t *roots;     /* article roots in document order */
    size_t root_count;
    const char *base_url;     /* absolute base for links and images, or NULL */
    const rm_image_resolver *images;  /* local copies of images, or NULL */
    const uint8_t *disclosed; /* per node id: DISCLOSED_PANEL = a closed panel
                                 that a control on the page opens, shown
                                 though its attributes hide it;
                                 DISCLOSED_LABEL = the button in a heading
                                 that opens one, shown as heading text;
                                 NULL: none */
    const uint8_t *scan;      /* render_scan of these roots and drop mask,
                                 made once for several renderers; NULL:
                                 each renderer makes its own */
} rm_render_input;

enum { DISCLOSED_PANEL = 1, DISCLOSED_LABEL = 2 };

/* Each returns a malloc'd NUL-terminated UTF-8 string (possibly ""), or NULL
 * when out of memory. */
char *render_text(const rm_render_input *in);
/* Text wrapped at `width` display columns; lines from pre are not wrapped. */
char *render_text_wrapped(const rm_render_input *in, unsigned width);
char *render_markdown(const rm_render_input *in);
char *render_html(const rm_render_input *in);

/* What the renderers know of each node of the roots' subtrees before they
 * write (render_common.h): one byte per node id, malloc'd; NULL when out
 * of memory. A caller rendering one input several ways makes it once and
 * hands it over in rm_render_input.scan. */
uint8_t *render_scan(const rm_render_input *in);

/* 1 when the roots hold text the renderers would show, 0 when they would
 * render nothing (all of it hidden, or chrome they never render); it reads
 * the roots only up to the first text shown. The extractor asks before it
 * settles on a choice. */
int render_shows_text(const rm_render_input *in);

#endif
