/*
 * render_html.c — sanitized reader HTML from the article subtrees.
 *
 * An allowlist, not a blocklist: only the elements in html_rules are
 * written, each with only the attributes its rule names, and every URL is
 * resolved to an absolute, safe one (no javascript:, no event handlers, no
 * script, style, iframe, form, base or meta can come out, whatever the
 * input). Layout containers (div, section, span, unknown elements) are
 * unwrapped: their content is kept, their tag dropped; a div that holds
 * only inline content becomes a <p>, and loose inline content at the top
 * level is wrapped in a <p>, so the fragment is a clean run of blocks.
 *
 * The output is a fragment with one block per line. White space collapses
 * as a browser shows it; pre keeps its text.
 */
#include "render_common.h"

#include <stdlib.h>
#include <string.h>

typedef enum {
    LAYOUT_NONE = 0,   /* not allowed: unwrapped */
    LAYOUT_INLINE,     /* phrasing element */
    LAYOUT_BLOCK,      /* block: a line of its own */
    LAYOUT_CONTAINER,  /* block of blocks: start and end tags on lines of their own */
} layout;

typedef enum { ATTR_TEXT, ATTR_NUMBER } attr_kind;

typedef struct {
    const char *name;
    attr_kind kind;
} attr_rule;

typedef struct {
    uint8_t layout;
    uint8_t phrasing;     /* accepts only phrasing content */
    uint8_t keep_empty;   /* written even without content (table cells) */
    const attr_rule *attrs;
} html_rule;

/* Attributes that carry meaning in a reader view; a[href] and img[src]
 * are resolved URLs, handled apart. */
static const attr_rule cell_attrs[] = {{"colspan", ATTR_NUMBER}, {"rowspan", ATTR_NUMBER}, {0}};
static const attr_rule list_attrs[] = {{"start", ATTR_NUMBER}, {0}};
static const attr_rule time_attrs[] = {{"datetime", ATTR_TEXT}, {0}};
static const attr_rule abbr_attrs[] = {{"title", ATTR_TEXT}, {0}};

#define INLINE_ {LAYOUT_INLINE, 1, 0, NULL}
#define BLOCK_(phrasing) {LAYOUT_BLOCK, phrasing, 0, NULL}
#define CONTAINER_ {LAYOUT_CONTAINER, 0, 0, NULL}

/* The reader-HTML allowlist: text structure, emphasis, quotes, code,
 * tables, figures and disclosure widgets. */
static const html_rule html_rules[GUMBO_TAG_LAST] = {
    [GUMBO_TAG_P] = BLOCK_(1),           [GUMBO_TAG_H1] = BLOCK_(1),
    [GUMBO_TAG_H2] = BLOCK_(1),          [GUMBO_TAG_H3] = BLOCK_(1),
    [GUMBO_TAG_H4] = BLOCK_(1),          [GUMBO_TAG_H5] = BLOCK_(1),
    [GUMBO_TAG_H6] = BLOCK_(1),          [GUMBO_TAG_PRE] = BLOCK_(1),
    [GUMBO_TAG_UL] = CONTAINER_,         [GUMBO_TAG_OL] = {LAYOUT_CONTAINER, 0, 0, list_attrs},
    [GUMBO_TAG_LI] = BLOCK_(0),          [GUMBO_TAG_DL] = CONTAINER_,
    [GUMBO_TAG_DT] = BLOCK_(0),          [GUMBO_TAG_DD] = BLOCK_(0),
    [GUMBO_TAG_BLOCKQUOTE] = CONTAINER_, [GUMBO_TAG_FIGURE] = CONTAINER_,
    [GUMBO_TAG_FIGCAPTION] = BLOCK_(0),  [GUMBO_TAG_DETAILS] = CONTAINER_,
    [GUMBO_TAG_SUMMARY] = BLOCK_(1),     [GUMBO_TAG_TABLE] = CONTAINER_,
    [GUMBO_TAG_CAPTION] = BLOCK_(0),     [GUMBO_TAG_THEAD] = CONTAINER_,
    [GUMBO_TAG_TBODY] = CONTAINER_,      [GUMBO_TAG_TFOOT] = CONTAINER_,
    [GUMBO_TAG_TR] = CONTAINER_,
    [GUMBO_TAG_TD] = {LAYOUT_BLOCK, 0, 1, cell_attrs},
    [GUMBO_TAG_TH] = {LAYOUT_BLOCK, 0, 1, cell_attrs},
    [GUMBO_TAG_A] = INLINE_,             [GUMBO_TAG_Q] = INLINE_,
    [GUMBO_TAG_CODE] = INLINE_,          [GUMBO_TAG_KBD] = INLINE_,
    [GUMBO_TAG_SAMP] = INLINE_,          [GUMBO_TAG_VAR] = INLINE_,
    [GUMBO_TAG_EM] = INLINE_,            [GUMBO_TAG_STRONG] = INLINE_,
    [GUMBO_TAG_B] = INLINE_,             [GUMBO_TAG_I] = INLINE_,
    [GUMBO_TAG_U] = INLINE_,             [GUMBO_TAG_S] = INLINE_,
    [GUMBO_TAG_SUB] = INLINE_,           [GUMBO_TAG_SUP] = INLINE_,
    [GUMBO_TAG_SMALL] = INLINE_,         [GUMBO_TAG_MARK] = INLINE_,
    [GUMBO_TAG_ABBR] = {LAYOUT_INLINE, 1, 0, abbr_attrs},
    [GUMBO_TAG_CITE] = INLINE_,          [GUMBO_TAG_DFN] = INLINE_,
    [GUMBO_TAG_STRIKE] = INLINE_,
    [GUMBO_TAG_TIME] = {LAYOUT_INLINE, 1, 0, time_attrs},
    [GUMBO_TAG_DEL] = INLINE_,           [GUMBO_TAG_INS] = INLINE_,
};

typedef struct {
    const char *name;      /* written tag, or NULL when unwrapped */
    uint16_t tag;          /* of the written tag */
    uint8_t name_len;
    uint8_t layout;        /* of the written tag, or of the unwrapped one */
    uint8_t phrasing;
} hframe;

typedef struct {
    const rm_render_input *in;
    const uint8_t *scan;
    render_buf out;
    render_stack frames;
    size_t phrasing;       /* open written elements that take only phrasing */
    size_t written;        /* open written elements */
    size_t implicit_p;     /* 1 + the written depth of an open <p> that wraps
                              loose inline content, or 0 */
    int owed_space;
    int block_has_inline;  /* inline content since the last block boundary */
    int lost_break;        /* an unwritten block edge parted inline content */
    int verbatim;          /* inside pre */
    int pre_line_open;     /* text on the current line of a pre */
    int pre_break_owed;    /* a block ended that line: a newline before more */
    hashset targets;       /* ids that article links point at */
    int in_link;           /* inside a written <a> */
} html;

/* ---- escaping ---- */

/* The escape of a character in text; "" for a character that needs none. */
static const char *const entities[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
};
static const uint8_t entity_lengths[256] = {['&'] = 5, ['<'] = 4, ['>'] = 4, ['"'] = 6};

#define MAX_ENTITY 6   /* "&quot;" */

static void put_escaped(render_buf *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(render_byte_class[c] & RENDER_BYTE_ESCAPE))
            continue;
        render_buf_put(out, s + run, i - run);
        render_buf_put(out, entities[c], entity_lengths[c]);
        run = i + 1;
    }
    render_buf_put(out, s + run, n - run);
}

static void put_attr(render_buf *out, const char *name, const char *value)
{
    render_buf_putc(out, ' ');
    render_buf_puts(out, name);
    render_buf_puts(out, "=\"");
    put_escaped(out, value, strlen(value));
    render_buf_putc(out, '"');
}

static int is_number(const char *v)
{
    size_t digits = strspn(v, "0123456789");
    return digits > 0 && digits < 10 && v[digits] == '\0';
}

static void put_allowed_attrs(html *h, int32_t id, const attr_rule *rules)
{
    for (; rules && rules->name; rules++) {
        const char *v = dom_attr(h->in->dom, id, rules->name);
        if (v && (rules->kind == ATTR_TEXT || is_number(v)))
            put_attr(&h->out, rules->name, v);
    }
}

/* ---- blocks and inline flow ---- */

/* Close the implicit <p> when it is the innermost open element. */
static void close_implicit_p(html *h)
{
    if (h->implicit_p && h->implicit_p == h->written + 1) {
        render_buf_puts(&h->out, "</p>\n");
        h->implicit_p = 0;
    }
}

static void block_boundary(html *h)
{
    close_implicit_p(h);
    h->owed_space = 0;
    h->block_has_inline = 0;
    h->lost_break = 0;
}

/* Before inline content: pay a collapsed space owed since the previous
 * inline content, and wrap loose content in a <p> where nothing else would
 * set it apart: at the top level, and in a list item, cell or quote after
 * an unwritten block ended the run of words before it (a card whose link
 * is followed by a <div> holding the price: the browser shows the price
 * on a line of its own, and so must the reader view). */
static void begin_inline(html *h)
{
    if (!h->implicit_p && (h->written == 0 || h->lost_break)) {
        render_buf_puts(&h->out, "<p>");
        h->implicit_p = h->written + 1;
        h->block_has_inline = 0;
        h->owed_space = 0;
        h->lost_break = 0;
    }
    if (h->owed_space && h->block_has_inline)
        render_buf_putc(&h->out, ' ');
    h->owed_space = 0;
    h->block_has_inline = 1;
}

/* Text in pre, after the line break a block edge owes. */
static void put_verbatim(html *h, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (h->pre_break_owed)
        render_buf_putc(&h->out, '\n');
    h->pre_break_owed = 0;
    put_escaped(&h->out, s, n);
    h->pre_line_open = s[n - 1] != '\n';
}

/* Text from its first word on, once begin_inline has done all it does:
 * between the words nothing is owed but one space. White-space runs become
 * one space and the words are escaped in one pass over the bytes
 * (render_copy_collapsed copies up to each byte to escape); white space at
 * the end stays owed, as for any text. */
static void put_rest_of_text(html *h, const char *s)
{
    render_buf *out = &h->out;
    size_t n = strlen(s), i = 0;
    int space = 0;
    while (i < n) {
        /* every byte writes at most one byte (a space run one space), but
         * an entity: room for the rest and one entity, renewed when short */
        if (render_buf_reserve(out, n - i + MAX_ENTITY))
            return;
        char *d = out->data + out->len;
        const char *limit = out->data + out->cap - 1;
        for (;;) {
            unsigned char c = render_copy_collapsed(&d, s, n, &i, &space, RENDER_BYTE_ESCAPE);
            if (!c)
                break;
            if ((size_t)(limit - d) < n - i + MAX_ENTITY)
                break;   /* room again first */
            if (space)
                *d++ = ' ';
            space = 0;
            memcpy(d, entities[c], entity_lengths[c]);
            d += entity_lengths[c];
            i++;
        }
        out->len = (size_t)(d - out->data);
        out->data[out->len] = '\0';
    }
    h->owed_space = space;
}

static void put_text(html *h, const char *s)
{
    if (h->verbatim) {
        put_verbatim(h, s, strlen(s));
        return;
    }
    if (render_is_space(*s))
        h->owed_space = 1;
    while (render_is_space(*s))
        s++;
    if (!*s)
        return;
    begin_inline(h);
    put_rest_of_text(h, s);
}

static int in_phrasing(const html *h)
{
    return h->phrasing > 0 || h->implicit_p;
}

static void put_end_tag(render_buf *out, const char *name, size_t len)
{
    if (render_buf_reserve(out, len + 3))
        return;
    char *d = out->data + out->len;
    d[0] = '<';
    d[1] = '/';
    memcpy(d + 2, name, len);
    d[len + 2] = '>';
    out->len += len + 3;
    out->data[out->len] = '\0';
}

static void put_start_tag(html *h, const char *name)
{
    render_buf_putc(&h->out, '<');
    render_buf_puts(&h->out, name);
}

/* ---- leaves ---- */

static void put_missing_image(html *h, int32_t id, const char *url);

static int put_image(html *h, int32_t id)
{
    char *src;
    if (render_image_url(h->in, id, &src))
        return -1;
    if (!src)
        return 0;
    static const attr_rule image_attrs[] = {
        {"alt", ATTR_TEXT}, {"width", ATTR_NUMBER}, {"height", ATTR_NUMBER}, {0}};
    const char *local = render_image_src(h->in, src);
    begin_inline(h);
    if (local) {
        put_start_tag(h, "img");
        put_attr(&h->out, "src", local);
        put_allowed_attrs(h, id, image_attrs);
        render_buf_putc(&h->out, '>');
    } else {
        put_missing_image(h, id, src);
    }
    free(src);
    return 0;
}

static void put_link_start(html *h, const char *url, const char *id)
{
    put_start_tag(h, "a");
    if (id)
        put_attr(&h->out, "id", id);
    put_attr(&h->out, "href", url);
    put_attr(&h->out, "rel", "noopener noreferrer");
    render_buf_putc(&h->out, '>');
}

/* An image that is not available offline: its alt text, linked to where
 * it was unless a link already holds it (links do not nest). */
static void put_missing_image(html *h, int32_t id, const char *url)
{
    const char *alt = dom_attr(h->in->dom, id, "alt");
    if (!alt || !*alt)
        alt = "image";
    if (!h->in_link)
        put_link_start(h, url, NULL);
    put_escaped(&h->out, alt, strlen(alt));
    if (!h->in_link)
        render_buf_puts(&h->out, "</a>");
}

/* Video players and media files become a link to them; inside a link
 * (a card's thumbnail link wrapping its video) only the title is written,
 * as links do not nest. */
static int put_media(html *h, int32_t id)
{
    char *url;
    if (render_media_url(h->in, id, &url))
        return -1;
    if (!url)
        return 0;
    const char *title = render_media_title(h->in->dom, id);
    begin_inline(h);
    if (!h->in_link)
        put_link_start(h, url, NULL);
    put_escaped(&h->out, title, strlen(title));
    if (!h->in_link)
        render_buf_puts(&h->out, "</a>");
    free(url);
    return 0;
}

static int put_leaf(html *h, int32_t id, GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_BR:
        if (h->verbatim) {
            put_verbatim(h, "\n", 1);
        } else if (h->block_has_inline) {
            render_buf_puts(&h->out, "<br>\n");
            h->owed_space = 0;
        }
        return 0;
    case GUMBO_TAG_HR:
        close_implicit_p(h);
        if (!in_phrasing(h)) {
            block_boundary(h);
            render_buf_puts(&h->out, "<hr>\n");
        }
        return 0;
    case GUMBO_TAG_IMG:
        return put_image(h, id);
    default:
        return put_media(h, id);
    }
}

/* ---- elements ---- */

/* Open the element as `tag` (a div written as a paragraph: p). */
static int open_written(html *h, hframe *fr, int32_t id, GumboTag tag, const html_rule *rule)
{
    const char *name = gumbo_normalized_tagname(tag);
    if (rule->layout != LAYOUT_INLINE)
        block_boundary(h);
    else
        begin_inline(h);
    if (tag == GUMBO_TAG_A) {
        char *url;
        if (render_link_url(h->in, id, &url))
            return -1;
        if (!url)
            return 0;   /* no safe target: the text stays, the link goes */
        put_link_start(h, url, render_kept_id(h->in->dom, &h->targets, id));
        h->in_link++;
        free(url);
    } else {
        put_start_tag(h, name);
        const char *kept = render_kept_id(h->in->dom, &h->targets, id);
        if (kept)
            put_attr(&h->out, "id", kept);
        put_allowed_attrs(h, id, rule->attrs);
        render_buf_putc(&h->out, '>');
    }
    if (rule->layout == LAYOUT_CONTAINER)
        render_buf_putc(&h->out, '\n');
    if (tag == GUMBO_TAG_PRE) {
        render_buf_putc(&h->out, '\n');   /* the parser eats one leading newline */
        h->verbatim++;
        h->pre_line_open = h->pre_break_owed = 0;
    }
    fr->name = name;
    fr->tag = (uint16_t)tag;
    fr->name_len = (uint8_t)strlen(name);
    fr->phrasing = rule->phrasing;
    h->phrasing += rule->phrasing;
    h->written++;
    return 0;
}

/* A block that is not written still separates its words from its
 * neighbours', as the browser lays it out on lines of its own: a line
 * break in pre, a space inside other phrasing, a block boundary
 * elsewhere. When inline content came before the boundary and no written
 * element ends there, the next inline content gets a <p> (see
 * begin_inline). */
static void unwrapped_block_edge(html *h)
{
    if (h->verbatim) {
        h->pre_break_owed |= h->pre_line_open;
        h->pre_line_open = 0;
        return;
    }
    if (h->phrasing > 0) {
        h->owed_space = 1;
        return;
    }
    int lost = h->lost_break || (h->block_has_inline && !h->implicit_p);
    block_boundary(h);
    h->lost_break = lost;
}

/* What an element without content still holds: 2 a line break, 1 white
 * space, 0 nothing. */
enum { HOLDS_NOTHING, HOLDS_SPACE, HOLDS_BREAK };

static int empty_holds(const rm_dom *dom, const uint8_t *scan, int32_t id)
{
    int32_t end = id + (int32_t)dom->nodes[id].size;
    int holds = HOLDS_NOTHING;
    for (int32_t n = id + 1; n < end; n++) {
        if (scan[n] & RENDER_SKIP)
            n += (int32_t)dom->nodes[n].size - 1;
        else if (dom->nodes[n].type == RM_NODE_ELEMENT && dom->nodes[n].tag == GUMBO_TAG_BR)
            return HOLDS_BREAK;
        else if (dom->nodes[n].type == RM_NODE_TEXT && *dom_text(dom, n))
            holds = HOLDS_SPACE;
    }
    return holds;
}

/* Returns 1 to descend, 0 to skip the element, -1 when out of memory. */
static int open_element(html *h, hframe *fr, int32_t id)
{
    const rm_dom *dom = h->in->dom;
    GumboTag tag = dom->nodes[id].tag;
    const html_rule *rule = &html_rules[tag < GUMBO_TAG_LAST ? tag : GUMBO_TAG_UNKNOWN];
    static const html_rule paragraph = BLOCK_(1);
    int is_block = render_class(dom, id) == RENDER_BLOCK;
    uint8_t flags = h->scan[id];
    fr->layout = rule->layout ? rule->layout : is_block ? LAYOUT_BLOCK : LAYOUT_INLINE;
    if (rule->layout && !(flags & RENDER_HAS_CONTENT) && !rule->keep_empty) {
        /* An empty element adds nothing to a reader view, but what an
         * inline one holds still parts the words around it, as in the
         * browser: white space ("means<em> </em>more") or a line break
         * ("<strong><br></strong>"). */
        int holds = rule->layout == LAYOUT_INLINE ? empty_holds(dom, h->scan, id) : HOLDS_NOTHING;
        if (holds != HOLDS_BREAK) {
            if (holds == HOLDS_SPACE)
                h->owed_space = 1;
            return 0;
        }
    }
    if (render_is_caption_part(dom, id))
        h->owed_space = 1;
    if (fr->layout != LAYOUT_INLINE)
        close_implicit_p(h);
    if (rule->layout == LAYOUT_INLINE || (rule->layout && !in_phrasing(h)))
        return open_written(h, fr, id, tag, rule) ? -1 : 1;
    if (is_block && !in_phrasing(h) && !(flags & RENDER_HAS_BLOCK) && (flags & RENDER_HAS_CONTENT))
        return open_written(h, fr, id, GUMBO_TAG_P, &paragraph) ? -1 : 1;
    if (fr->layout != LAYOUT_INLINE)
        unwrapped_block_edge(h);
    return 1;
}

static int enter(void *ctx, int32_t id)
{
    html *h = ctx;
    const rm_dom *dom = h->in->dom;
    if (dom->nodes[id].type == RM_NODE_TEXT) {
        put_text(h, dom_text(dom, id));
        return 0;
    }
    GumboTag tag = dom->nodes[id].tag;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG ||
        render_class(dom, id) == RENDER_MEDIA)
        return put_leaf(h, id, tag) ? -1 : 0;
    if (h->verbatim && h->pre_line_open && render_is_code_line(dom, id)) {
        h->pre_break_owed = 1;   /* a code line starts a line of its own */
        h->pre_line_open = 0;
    }
    hframe *fr = render_stack_push(&h->frames);
    if (!fr)
        return -1;
    int rc = open_element(h, fr, id);
    if (rc == 0)
        render_stack_pop(&h->frames);
    return rc;
}

static void leave(void *ctx, int32_t id)
{
    (void)id;
    html *h = ctx;
    hframe *fr = render_stack_top(&h->frames);
    if (fr->name) {
        close_implicit_p(h);
        h->written--;
        h->phrasing -= fr->phrasing;
        if (fr->tag == GUMBO_TAG_PRE)
            h->verbatim--;
        if (fr->tag == GUMBO_TAG_A)
            h->in_link--;
        put_end_tag(&h->out, fr->name, fr->name_len);
        if (fr->layout != LAYOUT_INLINE) {
            render_buf_putc(&h->out, '\n');
            block_boundary(h);
        }
    } else if (fr->layout != LAYOUT_INLINE) {
        unwrapped_block_edge(h);
    }
    render_stack_pop(&h->frames);
}

char *render_html(const rm_render_input *in)
{
    html h = {.in = in};
    h.frames.size = sizeof(hframe);
    uint8_t *scan = in->scan ? NULL : render_scan(in);
    if (!in->scan && !scan)
        return NULL;
    h.scan = in->scan ? in->scan : scan;
    int rc = render_targets(in, h.scan, &h.targets);
    if (rc == 0)
        rc = render_walk(in, h.scan, enter, leave, &h);
    close_implicit_p(&h);
    hashset_free(&h.targets);
    render_stack_free(&h.frames);
    free(scan);
    if (rc) {
        render_buf_free(&h.out);
        return NULL;
    }
    return render_buf_finish(&h.out);
}
