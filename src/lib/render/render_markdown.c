/*
 * render_markdown.c — CommonMark (with GFM tables and strikethrough) from
 * the article subtrees.
 *
 * The layout is render_flow's, shared with plain text; this file holds the
 * Markdown-only decisions: which inline elements get markup, how text is
 * escaped so it reads literally, fences that survive backticks inside code,
 * when a table can be a pipe table, and link destinations that stay one
 * token.
 */
#include "render_flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *render_markdown(const rm_render_input *in)
{
    return render_flow(in, RENDER_FLOW_MARKDOWN);
}

/* ---- escaping ---- */

static int is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* Characters that would start a block at the start of a line: ATX
 * headings, quotes, bullets, setext underlines, fences. */
static int starts_block(char c)
{
    return c && strchr("#>-+=~", c) != NULL;
}

/* Does s[i] need a backslash to be read literally? (CommonMark §2.4; only
 * ASCII punctuation can be escaped, and every escape here is one.) */
static int needs_escape(const char *s, size_t n, size_t i, char prev, int in_table)
{
    char c = s[i];
    char next = i + 1 < n ? s[i + 1] : ' ';
    switch (c) {
    case '\\': case '`': case '*': case '[': case ']': case '<':
        return 1;
    case '_':   /* intraword underscores never make emphasis */
        return !is_word_byte(prev) || !is_word_byte(next);
    case '~':
        return next == '~' || prev == '~';
    case '&':   /* would read as an entity reference */
        return next == '#' || is_word_byte(next);
    case '|':
        return in_table;
    default:
        return 0;
    }
}

/* "1." or "1)" at the start of a line would open an ordered list: the
 * length of the digit run, when it is followed by one of those. */
static size_t list_number_length(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i < n && (s[i] == '.' || s[i] == ')') ? i : 0;
}

void markdown_write_text(render_lines *w, const char *s, size_t n, int in_table)
{
    size_t run = 0;   /* start of the bytes not yet written */
    size_t i = 0;
    if (render_lines_at_line_start(w)) {
        size_t digits = list_number_length(s, n);
        if (digits || starts_block(s[0])) {
            render_lines_write(w, s, digits);
            render_lines_write(w, "\\", 1);
            run = i = digits;
            if (!digits)
                i = 1;   /* the escaped character itself */
        }
    }
    for (; i < n; i++) {
        char prev = i > 0 ? s[i - 1] : render_lines_prev_char(w);
        if (!needs_escape(s, n, i, prev, in_table))
            continue;
        render_lines_write(w, s + run, i - run);
        render_lines_write(w, "\\", 1);
        run = i;
    }
    render_lines_write(w, s + run, n - run);
}

/* ---- inline markup ---- */

static const struct {
    GumboTag tag;
    const char *markup;
} inline_markup[] = {
    {GUMBO_TAG_STRONG, "**"}, {GUMBO_TAG_B, "**"},
    {GUMBO_TAG_EM, "*"},      {GUMBO_TAG_I, "*"},
    {GUMBO_TAG_CITE, "*"},    {GUMBO_TAG_VAR, "*"},  {GUMBO_TAG_DFN, "*"},
    {GUMBO_TAG_S, "~~"},      {GUMBO_TAG_DEL, "~~"}, {GUMBO_TAG_STRIKE, "~~"},
};

const char *markdown_inline_markup(GumboTag tag)
{
    for (size_t i = 0; i < sizeof inline_markup / sizeof inline_markup[0]; i++)
        if (inline_markup[i].tag == tag)
            return inline_markup[i].markup;
    return NULL;
}

/* ---- code ---- */

static size_t longest_backtick_run(const rm_render_input *in, const uint8_t *scan, int32_t id)
{
    const rm_dom *dom = in->dom;
    int32_t end = id + (int32_t)dom->nodes[id].size;
    size_t longest = 0;
    while (id < end) {
        if (scan[id] & RENDER_SKIP) {
            id += (int32_t)dom->nodes[id].size;
            continue;
        }
        const char *t = dom_text(dom, id++);
        for (size_t run = 0; t && *t; t++) {
            run = *t == '`' ? run + 1 : 0;
            if (run > longest)
                longest = run;
        }
    }
    return longest;
}

/* "language-go" / "lang-go" on the pre or its first code child (the
 * convention of highlight.js, Prism and CommonMark renderers). */
static const char *language_of(const rm_dom *dom, int32_t pre, size_t *len)
{
    static const char *const prefixes[] = {"language-", "lang-"};
    int32_t code = dom->nodes[pre].first_child;
    while (code != RM_NONE && dom->nodes[code].type != RM_NODE_ELEMENT)
        code = dom->nodes[code].next_sibling;
    const char *classes[] = {dom_attr(dom, pre, "class"),
                             code != RM_NONE ? dom_attr(dom, code, "class") : NULL};
    for (size_t c = 0; c < 2; c++) {
        for (size_t p = 0; classes[c] && p < 2; p++) {
            const char *hit = strstr(classes[c], prefixes[p]);
            if (!hit || (hit != classes[c] && hit[-1] != ' '))
                continue;
            hit += strlen(prefixes[p]);
            *len = strspn(hit, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-_.#");
            if (*len && (!hit[*len] || render_is_space(hit[*len])))
                return hit;
        }
    }
    return NULL;
}

char *markdown_code_fence(const rm_render_input *in, const uint8_t *scan, int32_t id, size_t min)
{
    size_t len = longest_backtick_run(in, scan, id) + 1;
    if (len < min)
        len = min;
    size_t lang_len = 0;
    const char *lang = min > 1 ? language_of(in->dom, id, &lang_len) : NULL;
    char *fence = malloc(len + lang_len + 1);
    if (!fence)
        return NULL;
    memset(fence, '`', len);
    if (lang)
        memcpy(fence + len, lang, lang_len);
    fence[len + (lang ? lang_len : 0)] = '\0';
    return fence;
}

/* ---- tables ---- */

/* Blocks a pipe-table cell cannot hold on one line (pre can: in a cell it
 * is collapsed like any text). */
static int breaks_pipe_cell(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_HR: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return 1;
    default:
        return 0;
    }
}

static int spans(const rm_dom *dom, int32_t cell)
{
    static const char *const span_attrs[] = {"colspan", "rowspan"};
    for (size_t i = 0; i < 2; i++) {
        const char *v = dom_attr(dom, cell, span_attrs[i]);
        if (v && strtol(v, NULL, 10) > 1)
            return 1;
    }
    return 0;
}

/* Does a finished row (cells < 0: none yet) match the column count? */
static int row_fits(long *columns, long cells)
{
    if (cells < 0)
        return 1;
    if (*columns < 0)
        *columns = cells;
    return cells == *columns;
}

/* Stops at the first nested table, so the scans of nested tables cover
 * disjoint id ranges and the total work stays linear. */
int markdown_table_is_simple(const rm_render_input *in, const uint8_t *scan, int32_t table)
{
    const rm_dom *dom = in->dom;
    int32_t end = table + (int32_t)dom->nodes[table].size;
    long columns = -1, cells = -1;
    for (int32_t id = table + 1; id < end; id++) {
        if (scan[id] & RENDER_SKIP) {
            id += (int32_t)dom->nodes[id].size - 1;
            continue;
        }
        GumboTag tag = dom->nodes[id].tag;
        if (dom->nodes[id].type != RM_NODE_ELEMENT)
            continue;
        if (breaks_pipe_cell(tag))
            return 0;
        if (tag == GUMBO_TAG_TR) {
            if (!row_fits(&columns, cells))
                return 0;
            cells = 0;
        } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            if (spans(dom, id) || cells < 0)
                return 0;
            cells++;
        }
    }
    return row_fits(&columns, cells) && columns > 0;
}

/* ---- links ---- */

char *markdown_destination(const char *url)
{
    static const char *const hex = "0123456789ABCDEF";
    size_t len = strlen(url);
    char *dest = malloc(len * 3 + 1);
    if (!dest)
        return NULL;
    char *d = dest;
    for (const unsigned char *u = (const unsigned char *)url; *u; u++) {
        if (*u <= ' ' || strchr("()<>\\|", *u)) {
            *d++ = '%';
            *d++ = hex[*u >> 4];
            *d++ = hex[*u & 15];
        } else {
            *d++ = (char)*u;
        }
    }
    *d = '\0';
    return dest;
}
