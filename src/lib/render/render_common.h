/*
 * render_common.h — what the text, Markdown and HTML renderers share: a
 * growable output buffer, the one table of how each tag renders, the
 * visibility scan, the iterative walk over the article roots, the text
 * writers' white-space-collapsing copy loop, and the resolution of link,
 * image and media URLs.
 */
#ifndef RM_RENDER_COMMON_H
#define RM_RENDER_COMMON_H

#include "hashset.h"
#include "render.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Growable NUL-terminated output. After an allocation failure every later
 * append is ignored and render_buf_finish returns NULL. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    int failed;
} render_buf;

/* render_buf_reserve when the room is not there yet. */
int render_buf_grow(render_buf *b, size_t extra);

/* Room for `extra` more bytes (and the NUL) at data + len, for a caller
 * that writes a run itself; 0, or -1 after an allocation failure.
 * Inline, as render_buf_putc: the writers ask for every few bytes. */
static inline int render_buf_reserve(render_buf *b, size_t extra)
{
    if (!b->failed && b->len + extra + 1 <= b->cap)
        return 0;
    return render_buf_grow(b, extra);
}

static inline void render_buf_put(render_buf *b, const char *s, size_t n)
{
    if (n == 0 || render_buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Inline, so that the length of a literal is known when compiled. */
static inline void render_buf_puts(render_buf *b, const char *s)
{
    render_buf_put(b, s, strlen(s));
}

static inline void render_buf_putc(render_buf *b, char c)
{
    if (render_buf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
/* The finished string (ownership passes to the caller), or NULL after an
 * allocation failure; the buffer is left empty either way. */
char *render_buf_finish(render_buf *b);
void render_buf_free(render_buf *b);

/* How a tag renders, from render_common.c's table. */
typedef enum {
    RENDER_INLINE = 0,  /* phrasing content, or unknown: rendered through */
    RENDER_BLOCK,       /* starts and ends a block */
    RENDER_NEVER,       /* never rendered with its subtree */
    RENDER_MEDIA,       /* iframe, video, audio: a link to the media at most */
} render_tag_class;

/* The class of every tag Gumbo knows; elements it does not know go to
 * render_class_unknown. Inline: every renderer asks it of every node. */
extern const uint8_t render_tag_classes[GUMBO_TAG_LAST];
render_tag_class render_class_unknown(const rm_dom *dom, int32_t id);

static inline render_tag_class render_class(const rm_dom *dom, int32_t id)
{
    const rm_node *n = &dom->nodes[id];
    if (n->type != RM_NODE_ELEMENT)
        return RENDER_INLINE;
    if (n->tag != GUMBO_TAG_UNKNOWN)
        return n->tag < GUMBO_TAG_LAST ? (render_tag_class)render_tag_classes[n->tag] : RENDER_INLINE;
    return render_class_unknown(dom, id);
}

/* 1 when `id` is an inline part of a figcaption glued to the element
 * before it (caption, then credit): the renderers put a space between.
 * Only a child of a figcaption can be one: that is asked inline. */
int render_caption_part_in_figcaption(const rm_dom *dom, int32_t id);

static inline int render_is_caption_part(const rm_dom *dom, int32_t id)
{
    const rm_node *n = &dom->nodes[id];
    return n->type == RM_NODE_ELEMENT && n->parent != RM_NONE &&
           dom->nodes[n->parent].tag == GUMBO_TAG_FIGCAPTION &&
           render_caption_part_in_figcaption(dom, id);
}

/* 1 when `id` is a <span class="line"> (asked only inside pre): syntax
 * highlighters (Shiki, and others after it) write each line of a code
 * block so and leave the line break to their style sheet, with no newline
 * between the spans. The renderers start a line at each. */
int render_is_code_line(const rm_dom *dom, int32_t id);

/* Per-node facts from render_scan, over the roots' subtrees only. */
enum {
    RENDER_SKIP = 1 << 0,       /* dropped, hidden or never rendered */
    RENDER_HAS_BLOCK = 1 << 1,  /* a rendered block element below */
    RENDER_HAS_CONTENT = 1 << 2,  /* rendered non-blank text or an image below */
    RENDER_HAS_IMAGE = 1 << 3,    /* a rendered <img> below */
    RENDER_NOSCRIPT_IMAGE = 1 << 4,  /* a skipped noscript holding an img */
    RENDER_HAS_TEXT = 1 << 5,     /* rendered non-blank text below */
    RENDER_HAS_BREAK = 1 << 6,    /* a rendered <br> below */
};

/* render_scan (render.h) gives these flags, one byte per node id. */

/* The walk calls enter for every node not marked RENDER_SKIP, in document
 * order across the roots. enter returns 1 to visit the children (leave is
 * then called after them), 0 to skip the children and leave, or -1 to stop
 * the walk, which then returns -1. */
typedef int (*render_enter_fn)(void *ctx, int32_t id);
typedef void (*render_leave_fn)(void *ctx, int32_t id);
int render_walk(const rm_render_input *in, const uint8_t *scan,
                render_enter_fn enter, render_leave_fn leave, void *ctx);

/* ASCII white space as HTML defines it; U+00A0 is not collapsible.
 * Inline: the renderers ask it of every character they write. */
static inline int render_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* What a text writer must stop at, per byte: the renderers copy the runs
 * between such bytes whole, with one table look-up per byte instead of a
 * chain of comparisons (prose is mostly runs). */
enum {
    RENDER_BYTE_SPACE = 1,      /* render_is_space */
    RENDER_BYTE_ESCAPE = 2,     /* & < > ": escaped in HTML */
    RENDER_BYTE_NBSP_LEAD = 4,  /* 0xC2, the first byte of U+00A0 */
    RENDER_BYTE_END = 8,        /* NUL: the end of a string */
};
extern const uint8_t render_byte_class[256];

/* Sixteen bytes of s that the copy loop below may take whole: no byte it
 * stops at (white space and NUL, all below ' ', and a byte of class
 * `stop`) and no space that is not single between two plain bytes (the
 * byte before the sixteen is a plain one the loop just copied, so only a
 * pair of spaces inside them, or one ending them, breaks it). Words of
 * prose are mostly this, and SSE2 (every x86-64 has it) tests all sixteen
 * at once; elsewhere the byte loop does it all. */
#define RENDER_BLOCK 16
#ifdef __SSE2__
static inline int render_plain_block(const char *s, uint8_t stop)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    /* v <= 0x1F, unsigned: tab, new line, CR, form feed, NUL (other
     * control bytes are rare enough to leave to the byte loop) */
    __m128i bad = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    if (stop & RENDER_BYTE_NBSP_LEAD)
        bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
    if (stop & RENDER_BYTE_ESCAPE)
        bad = _mm_or_si128(_mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('"')))),
                           _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))));
    if (_mm_movemask_epi8(bad))
        return 0;
    unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    return !(spaces & (spaces << 1)) && !(spaces & (1u << (RENDER_BLOCK - 1)));
}
#else
static inline int render_plain_block(const char *s, uint8_t stop)
{
    (void)s;
    (void)stop;
    return 0;
}
#endif

/* The loop both text writers share: copies s (of `len` bytes) from *i to
 * *d with each white-space run collapsed, until the NUL or a byte whose
 * class is in `stop` (RENDER_BYTE_NBSP_LEAD for plain text,
 * RENDER_BYTE_ESCAPE for HTML), which the caller writes its own way.
 * Returns that byte (0 at the end), with *i at it and *d past what was
 * written; *d must have room for a byte per byte read. A space run is only
 * owed (*space) until a byte follows it, so white space before a stop
 * stays owed for the caller to pay. Runs of plain bytes are copied as they
 * are scanned (prose is mostly this), sixteen at a time where
 * render_plain_block allows. Inline, so that a constant `stop` costs the hot loop nothing. */
static inline unsigned char render_copy_collapsed(char **d, const char *s, size_t len, size_t *i,
                                                  int *space, uint8_t stop)
{
    const uint8_t ends = (uint8_t)(RENDER_BYTE_SPACE | RENDER_BYTE_END | stop);
    char *to = *d;
    size_t at = *i;
    int owed = *space;
    unsigned char c;
    for (;;) {
        c = (unsigned char)s[at];
        uint8_t cls = render_byte_class[c];
        if (!(cls & ends)) {
            if (owed)
                *to++ = ' ';
            owed = 0;
            /* c is plain: a run from here, a block at a time where
             * render_plain_block allows, else byte by byte for a block */
            do {
                if (at + RENDER_BLOCK <= len && render_plain_block(s + at, stop)) {
                    memcpy(to, s + at, RENDER_BLOCK);
                    to += RENDER_BLOCK;
                    at += RENDER_BLOCK;
                    c = (unsigned char)s[at];
                    continue;
                }
                size_t block_end = at + RENDER_BLOCK;
                do {   /* the NUL ends the run */
                    *to++ = (char)c;
                    c = (unsigned char)s[++at];
                } while (at < block_end && !(render_byte_class[c] & ends));
            } while (!(render_byte_class[c] & ends));
            continue;
        }
        if (!(cls & RENDER_BYTE_SPACE))
            break;
        owed = 1;
        at++;
    }
    *d = to;
    *i = at;
    *space = owed;
    return c;
}

/* Absolute, safe URLs into *out (malloc'd), or *out = NULL when the node
 * has none worth keeping; a link to a place in the page ("#fn1") stays
 * a fragment, so footnotes work wherever the article is shown. Return 0, or -1 when out of memory. */
int render_link_url(const rm_render_input *in, int32_t id, char **out);
int render_image_url(const rm_render_input *in, int32_t id, char **out);
/* The src to write for the image at absolute `url`: the url itself, or
 * what in->images maps it to; NULL when the image is missing (the
 * renderers then write a link to `url` labelled with the alt text). */
const char *render_image_src(const rm_render_input *in, const char *url);
/* Media (RENDER_MEDIA) worth a link: iframes from video hosts, and
 * video/audio with a source. */
int render_media_url(const rm_render_input *in, int32_t id, char **out);
/* Text for a link to media: its title attribute, else "Video" / "Audio". */
const char *render_media_title(const rm_dom *dom, int32_t id);

/* Footnotes and other in-article links ("#fn1") need their targets' ids,
 * which the renderers otherwise drop: render_targets adds every fragment
 * an article link points at to the set (0, or -1 when out of memory);
 * render_kept_id gives the id of an element that is such a target. */
int render_targets(const rm_render_input *in, const uint8_t *scan, hashset *targets);
const char *render_kept_id(const rm_dom *dom, const hashset *targets, int32_t id);

/* Growable stack of fixed-size frames, for the renderers' walk state. */
typedef struct {
    void *items;
    size_t count;
    size_t cap;
    size_t size;
} render_stack;

/* Room for one more frame (doubling); 0, or -1 when out of memory. */
int render_stack_grow(render_stack *s);

/* Pointer to a new zeroed top frame, or NULL when out of memory. Inline,
 * with top and pop: the renderers push a frame for every element. */
static inline void *render_stack_push(render_stack *s)
{
    if (s->count == s->cap && render_stack_grow(s))
        return NULL;
    void *top = (char *)s->items + s->count++ * s->size;
    memset(top, 0, s->size);
    return top;
}

static inline void *render_stack_top(const render_stack *s)
{
    return s->count ? (char *)s->items + (s->count - 1) * s->size : NULL;
}

static inline void render_stack_pop(render_stack *s)
{
    if (s->count)
        s->count--;
}

void render_stack_free(render_stack *s);

#endif
