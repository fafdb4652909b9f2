/*
 * prescan.h — one linear pass over the markup before Gumbo parses it.
 *
 * It bounds what would make parsing super-linear, as browsers bound it:
 *   - element nesting deeper than `max_depth` is flattened (Gumbo's tree
 *     construction is quadratic in depth; Chromium caps it at 512);
 *   - an element keeps its first `max_attributes` attributes (Gumbo checks
 *     each attribute against the ones before it) and an attribute value its
 *     first `max_attribute_bytes` bytes;
 * and, with `strip`, it leaves out what no extraction rule reads, so that
 * Gumbo does not spend most of its time on it: script contents (JSON-LD
 * kept, the metadata reads it), style sheets (where they lie is handed
 * over in `styles` instead), inline <svg> drawings, <template> contents,
 * comment text, event-handler attributes and data-* attributes nobody
 * reads, and all but the first character of text that is only white
 * space (the markup's indentation).
 * From the scripts it goes over it keeps where React's streaming renderer
 * moves its late segments (`moves`), and React's boundary comments stay.
 * Elements stay, empty, so the tree keeps its shape.
 * With `bypass_text`, the words of text between tags and most quoted
 * attribute values reach Gumbo as short placeholders instead, and their
 * bytes stay where they lie (`runs`), for the index to put back
 * (bypass.h): Gumbo's time goes on every character.
 */
#ifndef RM_PRESCAN_H
#define RM_PRESCAN_H

#include "bypass.h"
#include "encoding.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    unsigned max_depth;          /* 0: no cap */
    unsigned max_attributes;     /* per element; 0: no cap */
    size_t max_attribute_bytes;  /* per value; 0: no cap */
    bool strip;                  /* leave out what no rule reads */
    bool check_text;             /* check the bytes as UTF-8 text as they are
                                    read (encoding.h), and stop at the first
                                    that is not: then `text` says so and the
                                    rest of the output is to be discarded */
    bool bypass_text;            /* hand runs of text and attribute values
                                    past Gumbo as placeholders (bypass.h) */
} prescan_limits;

/* White space left out of the text: `cut` characters after the one kept
 * at offset `at` of the rewritten markup. Lengths of raw text (what
 * Readability's byline test measures) add them back. */
typedef struct {
    size_t at;
    size_t cut;
} prescan_gap;

/* Where a piece of the scanned markup lies: `len` bytes from `start`. */
typedef struct {
    size_t start;
    size_t len;
} prescan_span;

typedef struct {
    char *html;      /* the rewritten markup, NUL-terminated; NULL when the
                        input needed no change */
    size_t len;
    prescan_span *styles;  /* the text of every HTML <style> element in the
                              scanned markup (not in `html`), in document
                              order, as written: no copy of a style sheet is
                              made, as its reader stops early (a sheet may be
                              most of a page); NULL when none */
    size_t style_count;
    prescan_gap *gaps;   /* by offset; NULL when none */
    size_t gap_count;
    char *moves;         /* React's streamed segments and where its scripts
                            move them: pairs of NUL-terminated ids, segment
                            then placeholder ("S:1", "B:0"); NULL when none */
    size_t move_count;   /* pairs in moves */
    encoding_check text; /* with limits->check_text: the check of the bytes */
    bypass_run *runs;    /* with limits->bypass_text: the runs of text
                            written as placeholders, in the scanned markup
                            (`run_source`, which must outlive the copying
                            of the texts: dom_copy_content); NULL when none */
    size_t run_count;
    const char *run_source;
} prescan_output;

/* Scan `len` bytes of UTF-8 HTML. Returns 0 with *out filled (free it with
 * prescan_free), or -1 when out of memory. */
int prescan(const char *html, size_t len, const prescan_limits *limits, prescan_output *out);
void prescan_free(prescan_output *out);

/* Is an attribute of this (lower-case) name ever read by the extractor?
 * Event handlers and data-* attributes outside a short list are not. */
bool prescan_attribute_read(const char *name, size_t len);

#endif
