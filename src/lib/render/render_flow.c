/*
 * render_flow.c — the walk behind render_text and render_markdown (see
 * render_flow.h).
 *
 * One pre-order walk over the article roots. Every element that is
 * descended into gets a frame on a heap stack saying what its end tag must
 * do (close a block, pop a quote, write a fence...), so nesting depth costs
 * heap, never C stack. Frames also carry the index of the nearest list,
 * table and row, so a list item finds its numbering in O(1) however much
 * div soup sits between them.
 */
#include "render_flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    FRAME_INLINE, FRAME_BLOCK, FRAME_LIST, FRAME_ITEM, FRAME_QUOTE, FRAME_PRE,
    FRAME_HEADING, FRAME_CAPTION, FRAME_TABLE, FRAME_ROW, FRAME_CELL,
    FRAME_MARKUP, FRAME_CODE,
    FRAME_FLATTENED,       /* a block inside a flattened element: a space each side */
} frame_kind;

typedef struct {
    uint8_t kind;
    uint8_t flag;          /* list: ordered; table: a GFM pipe table */
    uint8_t in_item;       /* inside a list item */
    uint32_t count;        /* list: next number; table: rows; row: cells */
    int32_t list, table, row;   /* nearest enclosing frame index, or -1 */
    const char *open;      /* Markdown markup around the content */
    const char *close;
    char *owned[2];        /* allocated markup, freed with the frame */
    uint8_t flattens;      /* markup around blocks: they are laid out inline */
    uint8_t link;          /* markup: a link's "[...](...)" */
} frame;

typedef struct {
    const rm_render_input *in;
    const uint8_t *scan;
    const render_flow_markup *md;   /* NULL: plain text */
    int markdown;
    int code;              /* inside inline code: literal text */
    int markup;            /* open inline markup (emphasis, links, code) */
    int links;             /* open links: a link inside one writes its text only */
    int flattened;         /* open markup around blocks (see flatten) */
    hashset targets;       /* ids that article links point at */
    render_buf out;
    render_lines w;
    render_stack frames;
} flow;

/* Markdown ATX heading openers, h1..h6. */
static const char *const heading_markers[] = {"# ", "## ", "### ", "#### ", "##### ", "###### "};

static frame *frame_at(const flow *f, int32_t index)
{
    return index < 0 ? NULL : (frame *)f->frames.items + index;
}

static int in_pipe_table(const flow *f)
{
    const frame *top = render_stack_top(&f->frames);
    const frame *table = top ? frame_at(f, top->table) : NULL;
    return table && table->flag;
}

/* ---- text ---- */

/* Text keeps U+00A0 as a plain (uncollapsible) space. */
static void put_plain(flow *f, const char *s, size_t n)
{
    for (;;) {
        const char *nbsp = NULL;
        for (size_t i = 0; i + 1 < n; i++)
            if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
                nbsp = s + i;
                break;
            }
        if (!nbsp) {
            render_lines_write(&f->w, s, n);
            return;
        }
        render_lines_write(&f->w, s, (size_t)(nbsp - s));
        render_lines_write(&f->w, " ", 1);
        n -= (size_t)(nbsp - s) + 2;
        s = nbsp + 2;
    }
}

/* Code in a pipe table is literal except for "|", which GFM reads as a
 * cell edge even there. */
static void put_code_in_cell(flow *f, const char *s, size_t n)
{
    for (const char *bar; (bar = memchr(s, '|', n)); ) {
        render_lines_write(&f->w, s, (size_t)(bar - s));
        render_lines_write(&f->w, "\\|", 2);
        n -= (size_t)(bar - s) + 1;
        s = bar + 1;
    }
    render_lines_write(&f->w, s, n);
}

static void put_word(flow *f, const char *s, size_t n)
{
    if (!f->markdown)
        put_plain(f, s, n);
    else if (f->w.verbatim || (f->code && !in_pipe_table(f)))
        render_lines_write(&f->w, s, n);
    else if (f->code)
        put_code_in_cell(f, s, n);
    else
        f->md->write_text(&f->w, s, n, in_pipe_table(f));
}

/* Plain text from its first word on, once the line is open: between the
 * words nothing is owed but one space. White-space runs become one space
 * and U+00A0 a space in one pass over the bytes (render_copy_collapsed
 * copies up to each 0xC2); white space at the end stays owed, as for any
 * text. */
static void put_plain_rest(flow *f, const char *s)
{
    render_buf *out = f->w.out;
    size_t n = strlen(s);
    /* every byte writes at most one (a space run one space, U+00A0 one) */
    if (render_buf_reserve(out, n))
        return;
    char *d = out->data + out->len;
    int space = 0;
    for (size_t i = 0;;) {
        unsigned char c = render_copy_collapsed(&d, s, n, &i, &space, RENDER_BYTE_NBSP_LEAD);
        if (!c)
            break;
        if (space)
            *d++ = ' ';
        space = 0;
        if ((unsigned char)s[i + 1] == 0xA0) {   /* U+00A0 */
            *d++ = ' ';
            i += 2;
        } else {
            *d++ = (char)c;
            i++;
        }
    }
    out->len = (size_t)(d - out->data);
    out->data[out->len] = '\0';
    if (space)
        render_lines_space(&f->w);
}

/* White space runs collapse to one owed space, as a browser shows them. */
static void put_text(flow *f, const char *s)
{
    if (!f->markdown) {
        if (render_is_space(*s))
            render_lines_space(&f->w);
        while (render_is_space(*s))
            s++;
        if (!*s)
            return;
        render_lines_open(&f->w);
        put_plain_rest(f, s);
        return;
    }
    while (*s) {
        size_t n = 0;
        if (render_is_space(*s)) {
            while (render_is_space(s[n]))
                n++;
            render_lines_space(&f->w);
        } else {
            while (s[n] && !render_is_space(s[n]))
                n++;
            put_word(f, s, n);
        }
        s += n;
    }
}

static void put_verbatim(flow *f, const char *s)
{
    while (*s) {
        size_t n = strcspn(s, "\n");
        put_word(f, s, n);
        if (s[n] == '\n') {
            render_lines_newline(&f->w);
            n++;
        }
        s += n;
    }
}

static void put_line_break(flow *f)
{
    if (f->w.verbatim) {
        render_lines_newline(&f->w);
    } else if (f->w.inline_only) {
        render_lines_space(&f->w);
    } else {
        /* A second <br> in a row makes a blank line, not more; not inside
         * Markdown inline markup, which a blank line would cut in two. */
        int blank = f->w.owed_newlines && !(f->markdown && f->markup);
        render_lines_break(&f->w, blank ? 2 : 1);
        f->w.hard_break = f->markdown;
    }
}

/* ---- Markdown leaves ---- */

static int put_link_text(flow *f, const char *text, const char *url)
{
    char *dest = f->md->destination(url);
    if (!dest)
        return -1;
    render_lines_puts(&f->w, "[");
    put_text(f, text);
    render_lines_puts(&f->w, "](");
    render_lines_puts(&f->w, dest);
    render_lines_puts(&f->w, ")");
    free(dest);
    return 0;
}

/* A link of its own, or only its text inside a link: links do not nest
 * ("[[a](u)](u)" is no link), as in the reader HTML. */
static int put_own_link(flow *f, const char *text, const char *url)
{
    if (f->links) {
        put_text(f, text);
        return 0;
    }
    return put_link_text(f, text, url);
}

static int put_image(flow *f, int32_t id)
{
    char *url;
    if (render_image_url(f->in, id, &url))
        return -1;
    if (!url)
        return 0;
    const char *alt = dom_attr(f->in->dom, id, "alt");
    const char *src = render_image_src(f->in, url);
    int rc;
    if (src) {
        render_lines_puts(&f->w, "!");
        rc = put_link_text(f, alt ? alt : "", src);
    } else {   /* missing: a link to where the image was */
        rc = put_own_link(f, alt && *alt ? alt : "image", url);
    }
    free(url);
    return rc;
}

static int put_media(flow *f, int32_t id)
{
    char *url;
    if (render_media_url(f->in, id, &url))
        return -1;
    if (!url)
        return 0;
    const char *title = render_media_title(f->in->dom, id);
    render_lines_break(&f->w, 2);
    int rc = put_own_link(f, title, url);
    render_lines_break(&f->w, 2);
    free(url);
    return rc;
}

/* ---- elements ---- */

static void open_list(flow *f, frame *fr, int32_t index, int32_t id, GumboTag tag)
{
    fr->kind = FRAME_LIST;
    fr->list = index;
    fr->flag = tag == GUMBO_TAG_OL;
    const char *start = fr->flag ? dom_attr(f->in->dom, id, "start") : NULL;
    long n = start ? strtol(start, NULL, 10) : 1;
    fr->count = n >= 0 && n < 1000000000 ? (uint32_t)n : 1;
    render_lines_break(&f->w, fr->in_item ? 1 : 2);
}

static int open_item(flow *f, frame *fr)
{
    char marker[24] = "- ";
    frame *list = frame_at(f, fr->list);
    if (list && list->flag)
        snprintf(marker, sizeof marker, "%u. ", (unsigned)list->count++);
    fr->kind = FRAME_ITEM;
    fr->in_item = 1;
    render_lines_break(&f->w, 1);
    return render_lines_push_item(&f->w, marker);
}

static int open_pre(flow *f, frame *fr, int32_t id)
{
    if (f->w.verbatim || f->w.inline_only)
        return 0;   /* already literal, or in a one-line cell or heading */
    fr->kind = FRAME_PRE;
    render_lines_break(&f->w, 2);
    if (f->markdown) {
        fr->owned[0] = f->md->code_fence(f->in, f->scan, id, 3);
        if (!fr->owned[0])
            return -1;
        render_lines_puts(&f->w, fr->owned[0]);
        render_lines_newline(&f->w);
    }
    f->w.verbatim++;
    return 0;
}

static void close_pre(flow *f, frame *fr)
{
    render_lines_end_verbatim(&f->w);
    if (f->markdown) {
        render_lines_break(&f->w, 1);
        render_lines_write(&f->w, fr->owned[0], strspn(fr->owned[0], "`"));
    }
    render_lines_break(&f->w, 2);
}

/* Rows are lines; outside a pipe table Markdown would join lines into one
 * paragraph, so there they are paragraphs. */
static unsigned row_separation(const flow *f)
{
    return f->markdown && !in_pipe_table(f) ? 2 : 1;
}

static void open_row(flow *f, frame *fr, int32_t index)
{
    fr->kind = FRAME_ROW;
    fr->row = index;
    render_lines_break(&f->w, row_separation(f));
    if (in_pipe_table(f))
        render_lines_puts(&f->w, "|");
}

static void close_row(flow *f, frame *fr)
{
    frame *table = frame_at(f, fr->table);
    if (table && table->flag && table->count++ == 0) {
        render_lines_break(&f->w, 1);
        render_lines_puts(&f->w, "|");
        for (uint32_t i = 0; i < fr->count; i++)
            render_lines_puts(&f->w, " --- |");
    }
    render_lines_break(&f->w, row_separation(f));
}

/* Cells: " | " between them in text; "| a | b |" in a pipe table. */
static void open_cell(flow *f, frame *fr)
{
    frame *row = frame_at(f, fr->row);
    uint32_t index = row ? row->count++ : 0;
    fr->kind = FRAME_CELL;
    f->w.owed_space = 0;
    if (!f->markdown && index > 0)
        render_lines_puts(&f->w, render_lines_at_line_start(&f->w) ? "|" : " |");
    render_lines_space(&f->w);
    f->w.inline_only++;
}

static void close_cell(flow *f)
{
    f->w.inline_only--;
    if (in_pipe_table(f)) {
        f->w.owed_space = 0;
        render_lines_puts(&f->w, " |");
    }
}

static void open_inline_only(flow *f, frame *fr, frame_kind kind, const char *open)
{
    fr->kind = kind;
    /* A heading inside a one-line context (a cell, another heading) is
     * mid-line: its "#" would be literal. */
    if (kind == FRAME_HEADING && f->w.inline_only)
        open = NULL;
    render_lines_break(&f->w, 2);
    if (f->markdown && open) {
        fr->open = open;
        render_lines_defer(&f->w, open);
    }
    f->w.inline_only++;
}

/* The "](destination)" that closes a link, into fr->owned[0]: 1 when the
 * element links somewhere, 0 when not, -1 when out of memory. */
static int link_closer(flow *f, frame *fr, int32_t id)
{
    char *url;
    if (render_link_url(f->in, id, &url))
        return -1;
    if (!url)
        return 0;
    char *dest = f->md->destination(url);
    size_t len = dest ? strlen(dest) + 4 : 0;
    fr->owned[0] = dest ? malloc(len) : NULL;
    if (fr->owned[0])
        snprintf(fr->owned[0], len, "](%s)", dest);
    free(url);
    free(dest);
    return fr->owned[0] ? 1 : -1;
}

/* A link or emphasis around blocks (a card: an <a> holding a picture, a
 * heading and a paragraph; a <b> around two paragraphs) is one inline
 * element in the reader HTML, which lays the blocks inside out as one run
 * of words. Markdown cannot wrap blocks in "[...]" or "**" at all, so it
 * does the same: the blocks inside become spaces, and the link or
 * emphasis is written once around the whole run, as the HTML shows it. */
static void flatten(flow *f, frame *fr, int32_t id)
{
    if (!(f->scan[id] & RENDER_HAS_BLOCK))
        return;
    fr->flattens = 1;
    f->flattened++;
    f->w.inline_only++;
}

static int open_link(flow *f, frame *fr, int32_t id)
{
    int rc = link_closer(f, fr, id);
    if (rc <= 0)
        return rc;
    fr->kind = FRAME_MARKUP;
    fr->open = "[";
    fr->close = fr->owned[0];
    fr->link = 1;
    f->markup++;
    f->links++;
    if (render_lines_prev_char(&f->w) == '!')
        render_lines_escape_previous(&f->w);   /* "!" + "[" would make an image */
    render_lines_defer(&f->w, fr->open);
    flatten(f, fr, id);
    return 0;
}

/* Inline code: a backtick fence longer than any run inside, padded with
 * spaces when the content has backticks (CommonMark §6.1). */
static int open_code(flow *f, frame *fr, int32_t id)
{
    if ((render_lines_prev_char(&f->w) == '`' && f->w.deferred.len == 0) ||
        f->md->needs_html(f->in, f->scan, id)) {
        /* Right after another code span the backticks would merge into
         * one run, and a code span cannot hold links or emphasis: this one
         * is inline HTML, its text escaped as text. */
        fr->kind = FRAME_MARKUP;
        fr->open = "<code>";
        fr->close = "</code>";
        render_lines_defer(&f->w, fr->open);
        f->markup++;
        return 0;
    }
    char *fence = f->md->code_fence(f->in, f->scan, id, 1);
    if (!fence)
        return -1;
    size_t len = strlen(fence);
    const char *pad = len > 1 ? " " : "";
    fr->owned[0] = malloc(len + 2);
    fr->owned[1] = malloc(len + 2);
    if (fr->owned[0] && fr->owned[1]) {
        snprintf(fr->owned[0], len + 2, "%s%s", fence, pad);
        snprintf(fr->owned[1], len + 2, "%s%s", pad, fence);
    }
    free(fence);
    if (!fr->owned[0] || !fr->owned[1])
        return -1;
    fr->kind = FRAME_CODE;
    fr->open = fr->owned[0];
    fr->close = fr->owned[1];
    render_lines_defer(&f->w, fr->open);
    f->code++;
    f->markup++;
    return 0;
}

static int is_code_tag(GumboTag tag)
{
    return tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP ||
           tag == GUMBO_TAG_TT;
}

/* Markdown inline markup, where it can apply: not in literal text; around
 * blocks, the blocks are flattened into one run (see flatten), except in
 * code, which stays a span of one block; and a code span cannot hold a
 * line break (CommonMark reads a backslash or two spaces there literally),
 * so code around blocks or <br> is written as text. */
static int open_markdown_inline(flow *f, frame *fr, int32_t id, GumboTag tag)
{
    if (f->code || f->w.verbatim)
        return 0;
    if (tag == GUMBO_TAG_A)
        return open_link(f, fr, id);
    if (is_code_tag(tag))
        return f->scan[id] & (RENDER_HAS_BLOCK | RENDER_HAS_BREAK) ? 0 : open_code(f, fr, id);
    const char *open, *close;
    if (f->md->inline_markup(f->in, f->scan, id, render_lines_prev_char(&f->w),
                             f->w.deferred.len > 0, &open, &close)) {
        fr->kind = FRAME_MARKUP;
        fr->open = open;
        fr->close = close;
        render_lines_defer(&f->w, open);
        f->markup++;
        flatten(f, fr, id);
    }
    return 0;
}

static int open_element(flow *f, frame *fr, int32_t index, int32_t id, GumboTag tag)
{
    if (f->w.verbatim && tag == GUMBO_TAG_SPAN && !render_lines_at_line_start(&f->w) &&
        render_is_code_line(f->in->dom, id))
        render_lines_newline(&f->w);
    if (render_is_caption_part(f->in->dom, id))
        render_lines_space(&f->w);
    if (f->flattened && render_class(f->in->dom, id) == RENDER_BLOCK) {
        fr->kind = FRAME_FLATTENED;
        render_lines_space(&f->w);
        return 0;
    }
    switch (tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR:
        open_list(f, fr, index, id, tag);
        return 0;
    case GUMBO_TAG_LI:
        return open_item(f, fr);
    case GUMBO_TAG_BLOCKQUOTE:
        fr->kind = FRAME_QUOTE;
        render_lines_break(&f->w, 2);
        return render_lines_push_quote(&f->w);
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        return open_pre(f, fr, id);
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        open_inline_only(f, fr, FRAME_HEADING, heading_markers[tag - GUMBO_TAG_H1]);
        return 0;
    case GUMBO_TAG_FIGCAPTION: {
        const char *open = NULL, *close = NULL;
        if (f->markdown && !f->md->inline_markup(f->in, f->scan, id, ' ', 0, &open, &close))
            open = close = NULL;
        open_inline_only(f, fr, FRAME_CAPTION, open);
        fr->close = close;
        return 0;
    }
    case GUMBO_TAG_TABLE:
        fr->kind = FRAME_TABLE;
        fr->table = index;
        fr->flag = f->markdown && f->md->table_is_simple(f->in, f->scan, id);
        render_lines_break(&f->w, 2);
        return 0;
    case GUMBO_TAG_TR:
        open_row(f, fr, index);
        return 0;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        open_cell(f, fr);
        return 0;
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
        return 0;
    default:
        break;
    }
    if (render_class(f->in->dom, id) == RENDER_BLOCK) {
        fr->kind = FRAME_BLOCK;
        render_lines_break(&f->w, 2);
        return 0;
    }
    return f->markdown ? open_markdown_inline(f, fr, id, tag) : 0;
}

/* Elements without children of interest: written whole, never descended. */
static int put_leaf(flow *f, int32_t id, GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_BR:
        put_line_break(f);
        return 0;
    case GUMBO_TAG_IMG:
        return f->markdown ? put_image(f, id) : 0;
    case GUMBO_TAG_HR:
        render_lines_break(&f->w, 2);
        if (f->markdown && !f->w.inline_only) {
            render_lines_puts(&f->w, "---");
            render_lines_break(&f->w, 2);
        }
        return 0;
    default:
        return f->markdown ? put_media(f, id) : 0;   /* iframe, video, audio */
    }
}

static int is_leaf(const rm_dom *dom, int32_t id, GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_HR ||
           render_class(dom, id) == RENDER_MEDIA;
}

/* An element the markup cannot express (a table with spans, pre with
 * links) as an HTML block: its own lines, under the prefixes of the lists
 * and quotes around it. Blank lines are dropped outside pre (one would end
 * the HTML block); inside pre they are kept (a <pre> block ends only at
 * </pre>). */
static int put_html_block(flow *f, int32_t id, int keep_blank_lines)
{
    char *html = f->md->as_html(f->in, id);
    if (!html)
        return -1;
    render_lines_break(&f->w, 2);
    f->w.verbatim++;
    for (const char *line = html; *line;) {
        size_t n = strcspn(line, "\n");
        size_t lead = 0;
        while (lead < n && render_is_space(line[lead]))
            lead++;
        if (lead < n || keep_blank_lines) {
            render_lines_write(&f->w, line, n);
            render_lines_newline(&f->w);
        }
        line += n + (line[n] == '\n');
    }
    render_lines_end_verbatim(&f->w);
    render_lines_break(&f->w, 2);
    free(html);
    return 0;
}

/* Where an in-article link points (a footnote), the Markdown keeps the
 * target's id as an empty HTML anchor. */
static int put_anchor(flow *f, int32_t id)
{
    const char *kept = render_kept_id(f->in->dom, &f->targets, id);
    if (!kept || f->w.verbatim || f->code)
        return 0;
    char *anchor = f->md->anchor(kept);
    if (!anchor)
        return -1;
    render_lines_puts(&f->w, anchor);
    free(anchor);
    return 0;
}

static int enter(void *ctx, int32_t id)
{
    flow *f = ctx;
    const rm_dom *dom = f->in->dom;
    if (dom->nodes[id].type == RM_NODE_TEXT) {
        if (f->w.verbatim)
            put_verbatim(f, dom_text(dom, id));
        else
            put_text(f, dom_text(dom, id));
        return 0;
    }
    GumboTag tag = dom->nodes[id].tag;
    if (is_leaf(dom, id, tag))
        return put_leaf(f, id, tag) ? -1 : 0;
    if (f->markdown && !f->w.inline_only && !f->w.verbatim && !f->code &&
        render_class(dom, id) == RENDER_BLOCK && f->md->needs_html(f->in, f->scan, id))
        return put_html_block(f, id, tag != GUMBO_TAG_TABLE) ? -1 : 0;
    const frame *parent = render_stack_top(&f->frames);
    frame inherited = {.list = -1, .table = -1, .row = -1};
    if (parent) {
        inherited.list = parent->list;
        inherited.table = parent->table;
        inherited.row = parent->row;
        inherited.in_item = parent->in_item;
    }
    frame *fr = render_stack_push(&f->frames);
    if (!fr)
        return -1;
    *fr = inherited;
    int32_t index = (int32_t)f->frames.count - 1;
    /* A link's anchor goes before it (an <a> inside link text would close
     * the link in HTML); any other element's after its block marker. */
    int link = tag == GUMBO_TAG_A;
    if (f->markdown && link && put_anchor(f, id))
        return -1;
    if (open_element(f, fr, index, id, tag))
        return -1;
    if (f->markdown && !link && put_anchor(f, id))
        return -1;
    return 1;
}

static void leave(void *ctx, int32_t id)
{
    (void)id;
    flow *f = ctx;
    frame *fr = render_stack_top(&f->frames);
    switch ((frame_kind)fr->kind) {
    case FRAME_INLINE:
        break;
    case FRAME_FLATTENED:
        render_lines_space(&f->w);
        break;
    case FRAME_BLOCK: case FRAME_TABLE:
        render_lines_break(&f->w, 2);
        break;
    case FRAME_LIST:
        render_lines_break(&f->w, fr->in_item ? 1 : 2);
        break;
    case FRAME_ITEM:
        render_lines_pop(&f->w);
        render_lines_break(&f->w, 1);
        break;
    case FRAME_QUOTE:
        render_lines_pop(&f->w);
        render_lines_break(&f->w, 2);
        break;
    case FRAME_PRE:
        close_pre(f, fr);
        break;
    case FRAME_HEADING: case FRAME_CAPTION:
        /* "# Part #": a trailing "#" would be read as the closing
         * sequence of the heading. */
        if (fr->open && fr->kind == FRAME_HEADING && render_lines_prev_char(&f->w) == '#')
            render_lines_escape_previous(&f->w);
        if (fr->open)
            render_lines_close(&f->w, fr->open, fr->kind == FRAME_CAPTION ? fr->close : "");
        f->w.inline_only--;
        render_lines_break(&f->w, 2);
        break;
    case FRAME_ROW:
        close_row(f, fr);
        break;
    case FRAME_CELL:
        close_cell(f);
        break;
    case FRAME_CODE:
        f->code--;
        /* fall through */
    case FRAME_MARKUP:
        f->markup--;
        f->links -= fr->link;
        if (fr->flattens) {
            f->flattened--;
            f->w.inline_only--;
        }
        render_lines_close(&f->w, fr->open, fr->close);
        break;
    }
    free(fr->owned[0]);
    free(fr->owned[1]);
    render_stack_pop(&f->frames);
}

char *render_flow(const rm_render_input *in, const render_flow_markup *markup,
                  render_buf *verbatim_starts)
{
    flow f = {.in = in, .md = markup, .markdown = markup != NULL};
    f.frames.size = sizeof(frame);
    uint8_t *scan = in->scan ? NULL : render_scan(in);
    if (!in->scan && !scan)
        return NULL;
    f.scan = in->scan ? in->scan : scan;
    render_lines_init(&f.w, &f.out);
    f.w.verbatim_starts = verbatim_starts;
    int rc = f.markdown ? render_targets(in, f.scan, &f.targets) : 0;
    if (rc == 0)
        rc = render_walk(in, f.scan, enter, leave, &f);
    hashset_free(&f.targets);
    for (frame *fr; (fr = render_stack_top(&f.frames)); render_stack_pop(&f.frames)) {
        free(fr->owned[0]);
        free(fr->owned[1]);
    }
    render_stack_free(&f.frames);
    render_lines_free(&f.w);
    free(scan);
    if (rc) {
        render_buf_free(&f.out);
        return NULL;
    }
    return render_buf_finish(&f.out);
}
