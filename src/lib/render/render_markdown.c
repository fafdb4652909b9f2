/*
 * render_markdown.c — CommonMark (with GFM tables and strikethrough) from
 * the article subtrees.
 *
 * The layout is render_flow's, shared with plain text; this file holds the
 * Markdown-only decisions, handed to the walk as a table of hooks: which
 * inline elements get markup, how text is escaped so it reads literally,
 * fences that survive backticks inside code, when a table can be a pipe
 * table (else it is written as an HTML table), link destinations that stay
 * one token, and anchors for footnote targets.
 *
 * The aim is a round trip: what a CommonMark/GFM reader (cmark-gfm) makes
 * of the Markdown has the words, links and emphasis of the reader HTML.
 * Where a "*" or "**" would not be read as emphasis (CommonMark's
 * flanking rules: next to punctuation inside a word, or touching the
 * previous emphasis), the element is written as inline HTML instead, as
 * are <sup> and <sub>, which Markdown has no syntax for.
 */
#include "render_flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

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
    case '~':   /* GFM strikethrough takes single tildes too */
        return 1;
    case '&':   /* would read as an entity reference */
        return next == '#' || is_word_byte(next);
    case '|':
        return in_table;
    default:
        return 0;
    }
}

/* Digits the current line opens with so far, when it holds nothing else
 * (0 at the start of a line), or -1: a "." or ")" after 1 to 9 of them
 * would open an ordered list, even when the number came from another
 * element ("<span>1</span>. Total"). */
static long line_digits(const render_lines *w)
{
    if (render_lines_at_line_start(w))
        return 0;
    size_t len;
    const char *line = render_lines_current(w, &len);
    if (!line || len > 9)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (line[i] < '0' || line[i] > '9')
            return -1;
    return (long)len;
}

static void markdown_write_text(render_lines *w, const char *s, size_t n, int in_table)
{
    size_t run = 0;   /* start of the bytes not yet written */
    long digits = line_digits(w);
    for (size_t i = 0; i < n; i++) {
        char prev = i > 0 ? s[i - 1] : render_lines_prev_char(w);
        int escape = (digits == 0 && starts_block(s[i])) ||
                     (digits >= 1 && digits <= 9 && (s[i] == '.' || s[i] == ')')) ||
                     needs_escape(s, n, i, prev, in_table);
        digits = digits >= 0 && s[i] >= '0' && s[i] <= '9' ? digits + 1 : -1;
        if (!escape)
            continue;
        render_lines_write(w, s + run, i - run);
        render_lines_write(w, "\\", 1);
        run = i;
    }
    render_lines_write(w, s + run, n - run);
}

/* ---- inline markup ---- */

/* Markdown delimiters where they can apply, and the HTML that always
 * does. <sup>/<sub> have no Markdown form. */
static const struct {
    GumboTag tag;
    const char *markdown;     /* NULL: inline HTML only */
    const char *html_open;
    const char *html_close;
} inline_markup[] = {
    {GUMBO_TAG_STRONG, "**", "<strong>", "</strong>"}, {GUMBO_TAG_B, "**", "<b>", "</b>"},
    {GUMBO_TAG_EM, "*", "<em>", "</em>"},              {GUMBO_TAG_I, "*", "<i>", "</i>"},
    {GUMBO_TAG_CITE, "*", "<cite>", "</cite>"},        {GUMBO_TAG_VAR, "*", "<var>", "</var>"},
    {GUMBO_TAG_DFN, "*", "<dfn>", "</dfn>"},
    {GUMBO_TAG_S, "~~", "<s>", "</s>"},                {GUMBO_TAG_DEL, "~~", "<del>", "</del>"},
    {GUMBO_TAG_STRIKE, "~~", "<s>", "</s>"},
    {GUMBO_TAG_SUP, NULL, "<sup>", "</sup>"},          {GUMBO_TAG_SUB, NULL, "<sub>", "</sub>"},
    /* A caption is set apart in emphasis. */
    {GUMBO_TAG_FIGCAPTION, "_", "<em>", "</em>"},
};

/* Elements whose Markdown starts or ends with punctuation ("[", "!",
 * "`", "*", "<"), whatever text they hold. (A <br> is not one: at the
 * edge of emphasis its line break falls outside the delimiters, which
 * touch the words, as white space does.) */
static int renders_markup(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_IMG: case GUMBO_TAG_CODE: case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_TT:
        return 1;
    case GUMBO_TAG_FIGCAPTION:
        return 0;
    default:
        for (size_t i = 0; i < sizeof inline_markup / sizeof inline_markup[0]; i++)
            if (inline_markup[i].tag == tag)
                return 1;
        return 0;
    }
}

/* Does element n write markup of its own? An image does; emphasis, links
 * and code with nothing to show write nothing (their openers wait for
 * content that never comes). */
static int writes_markup(const rm_dom *dom, const uint8_t *scan, int32_t n)
{
    GumboTag tag = dom->nodes[n].tag;
    return renders_markup(tag) && (tag == GUMBO_TAG_IMG || (scan[n] & RENDER_HAS_CONTENT));
}

/* CommonMark's Unicode whitespace and punctuation (cmark-gfm: general
 * categories Zs and P; ASCII punctuation in full). */
static int is_md_space(ucs4_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           (c >= 0x80 && uc_is_general_category(c, UC_CATEGORY_Zs));
}

static int is_md_punct(ucs4_t c)
{
    if (c < 0x80)
        return c > ' ' && c < 0x7F && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    return uc_is_general_category(c, UC_CATEGORY_P);
}

static ucs4_t first_code_point(const char *s)
{
    ucs4_t c;
    return u8_mbtouc(&c, (const uint8_t *)s, strlen(s)) > 0 ? c : ' ';
}

static ucs4_t last_code_point(const char *s, size_t n)
{
    const uint8_t *start = (const uint8_t *)s;
    ucs4_t c;
    return u8_prev(&c, start + n, start) ? c : ' ';
}

/* Nodes looked at around one element before guessing: bounds the cost on
 * pathological markup. */
#define EDGE_LOOKAHEAD 64

/* The first visible character of an element's content ('*' for markup),
 * or 0 when it has none. */
static ucs4_t first_content_char(const rm_render_input *in, const uint8_t *scan, int32_t id)
{
    const rm_dom *dom = in->dom;
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t n = id + 1, seen = 0; n < end && seen < EDGE_LOOKAHEAD; n++, seen++) {
        if (scan[n] & RENDER_SKIP) {
            n += (int32_t)dom->nodes[n].size - 1;
        } else if (dom->nodes[n].type == RM_NODE_ELEMENT) {
            if (writes_markup(dom, scan, n))
                return '*';
        } else {
            const char *t = dom_text(dom, n);
            while (t && render_is_space(*t))
                t++;
            if (t && *t)
                return first_code_point(t);
        }
    }
    return 'a';
}

/* Is node n inside a skipped or markup-rendering element below `top`? */
static int hidden_or_marked(const rm_dom *dom, const uint8_t *scan, int32_t n, int32_t top,
                            int *marked)
{
    for (int32_t p = dom->nodes[n].parent; p != RM_NONE && p != top; p = dom->nodes[p].parent) {
        if (scan[p] & RENDER_SKIP)
            return 1;
        if (renders_markup(dom->nodes[p].tag))
            *marked = 1;
    }
    return 0;
}

/* The last visible character of an element's content ('*' for markup). */
static ucs4_t last_content_char(const rm_render_input *in, const uint8_t *scan, int32_t id)
{
    const rm_dom *dom = in->dom;
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t n = end - 1, seen = 0; n > id && seen < EDGE_LOOKAHEAD; n--, seen++) {
        int marked = 0;
        if ((scan[n] & RENDER_SKIP) || hidden_or_marked(dom, scan, n, id, &marked))
            continue;
        if (dom->nodes[n].type == RM_NODE_ELEMENT) {
            if (writes_markup(dom, scan, n))
                return '*';
            continue;
        }
        const char *t = dom_text(dom, n);
        size_t len = t ? strlen(t) : 0;
        while (len && render_is_space(t[len - 1]))
            len--;
        if (len)
            return marked ? '*' : last_code_point(t, len);
    }
    return 'a';
}

/* The character right after an element: a newline at a block edge, '*'
 * for markup, a space for white space. */
static ucs4_t char_after(const rm_render_input *in, const uint8_t *scan, int32_t id)
{
    const rm_dom *dom = in->dom;
    int32_t n = id + (int32_t)dom->nodes[id].size;
    for (int32_t p = dom->nodes[id].parent; p != RM_NONE && n >= p + (int32_t)dom->nodes[p].size;
         p = dom->nodes[p].parent)
        if (render_class(dom, p) == RENDER_BLOCK)
            return '\n';
    for (int seen = 0; n < dom->count && seen < EDGE_LOOKAHEAD; n++, seen++) {
        if (scan[n] & RENDER_SKIP) {
            n += (int32_t)dom->nodes[n].size - 1;
        } else if (dom->nodes[n].type == RM_NODE_ELEMENT) {
            if (render_class(dom, n) != RENDER_INLINE || dom->nodes[n].tag == GUMBO_TAG_BR)
                return '\n';
            if (writes_markup(dom, scan, n))
                return '*';
        } else {
            const char *t = dom_text(dom, n);
            if (t && *t)
                return render_is_space(*t) ? ' ' : first_code_point(t);
        }
    }
    return '\n';
}

/* Would `delim` around the element be read as emphasis? CommonMark: the
 * opener must be left-flanking, the closer right-flanking, and the opener
 * must not touch the closer of the emphasis before (they would merge). */
static int delimiter_applies(const rm_render_input *in, const uint8_t *scan, int32_t id,
                             char prev_byte, int after_opener, char delim)
{
    if (prev_byte == delim && !after_opener)
        return 0;
    ucs4_t prev = (unsigned char)prev_byte >= 0x80 ? 'a' : (ucs4_t)prev_byte;
    ucs4_t first = first_content_char(in, scan, id);
    ucs4_t last = last_content_char(in, scan, id);
    ucs4_t next = char_after(in, scan, id);
    int left = !is_md_space(first) &&
               (!is_md_punct(first) || is_md_space(prev) || is_md_punct(prev));
    int right = !is_md_space(last) &&
                (!is_md_punct(last) || is_md_space(next) || is_md_punct(next));
    return left && right && next != (ucs4_t)delim;
}

static const char *markdown_of(GumboTag tag)
{
    for (size_t i = 0; i < sizeof inline_markup / sizeof inline_markup[0]; i++)
        if (inline_markup[i].tag == tag)
            return inline_markup[i].markdown;
    return NULL;
}

/* Is the element inside another inline element with the same Markdown
 * (within its block)? */
static int inside_same_markup(const rm_render_input *in, int32_t id, const char *md)
{
    const rm_dom *dom = in->dom;
    for (int32_t p = dom->nodes[id].parent; p != RM_NONE && render_class(dom, p) == RENDER_INLINE;
         p = dom->nodes[p].parent) {
        const char *outer = markdown_of(dom->nodes[p].tag);
        if (outer && strcmp(outer, md) == 0)
            return 1;
    }
    return 0;
}

static int markdown_inline(const rm_render_input *in, const uint8_t *scan, int32_t id,
                           char prev, int after_opener, const char **open, const char **close)
{
    GumboTag tag = in->dom->nodes[id].tag;
    for (size_t i = 0; i < sizeof inline_markup / sizeof inline_markup[0]; i++) {
        if (inline_markup[i].tag != tag)
            continue;
        const char *md = inline_markup[i].markdown;
        if (md && inside_same_markup(in, id, md))
            return 0;   /* <i><em>x</em></i> is italic once; "**" would be bold */
        if (md && delimiter_applies(in, scan, id, prev, after_opener, md[0])) {
            *open = *close = md;
        } else {
            *open = inline_markup[i].html_open;
            *close = inline_markup[i].html_close;
        }
        return 1;
    }
    return 0;
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

static char *markdown_code_fence(const rm_render_input *in, const uint8_t *scan, int32_t id,
                                 size_t min)
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
static int markdown_table_is_simple(const rm_render_input *in, const uint8_t *scan,
                                    int32_t table)
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

/* Would "&" at s read as a character reference ("&amp;", "&#38;",
 * "&#x26;")? CommonMark decodes those in link destinations too. */
static int starts_reference(const char *s)
{
    size_t i = 1;
    if (s[i] == '#')
        i += (s[i + 1] | 0x20) == 'x' ? 2 : 1;
    size_t name = strspn(s + i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    return name > 0 && s[i + name] == ';';
}

/* A destination that stays one token and reads back as the URL: bytes
 * that would end or break it are percent-encoded, and an "&" that would
 * read as a character reference is written as one ("a=1&amp;b" is what
 * the page linked to, not "a=1&b"). Not with a backslash: cmark-gfm
 * decodes references after removing escapes, so "\&amp;" reads "&". */
static char *markdown_destination(const char *url)
{
    static const char *const hex = "0123456789ABCDEF";
    size_t len = strlen(url);
    char *dest = malloc(len * 5 + 1);
    if (!dest)
        return NULL;
    char *d = dest;
    for (const unsigned char *u = (const unsigned char *)url; *u; u++) {
        if (*u == '&' && starts_reference((const char *)u)) {
            memcpy(d, "&amp;", 5);
            d += 5;
        } else if (*u <= ' ' || strchr("()<>\\|", *u)) {
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

/* ---- tables GFM cannot hold, and anchors ---- */

static char *as_html(const rm_render_input *in, int32_t id)
{
    rm_render_input one = *in;
    one.roots = &id;
    one.root_count = 1;
    one.scan = NULL;   /* made for other roots */
    return render_html(&one);
}

/* Does the subtree hold a rendered element with this tag (and, for links,
 * an href)? */
static int holds(const rm_render_input *in, const uint8_t *scan, int32_t id, GumboTag tag)
{
    const rm_dom *dom = in->dom;
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t n = id + 1; n < end; n++) {
        if (scan[n] & RENDER_SKIP)
            n += (int32_t)dom->nodes[n].size - 1;
        else if (dom->nodes[n].type == RM_NODE_ELEMENT && dom->nodes[n].tag == tag &&
                 (tag != GUMBO_TAG_A || dom_attr(dom, n, "href")))
            return 1;
    }
    return 0;
}

/* Does the subtree hold a link or emphasis, which code cannot show? */
static int holds_markup(const rm_render_input *in, const uint8_t *scan, int32_t id)
{
    if (holds(in, scan, id, GUMBO_TAG_A))
        return 1;
    for (size_t i = 0; i < sizeof inline_markup / sizeof inline_markup[0]; i++)
        if (holds(in, scan, id, inline_markup[i].tag))
            return 1;
    return 0;
}

/* Markdown code (blocks and spans) is literal: a pre or code that holds
 * links or emphasis is kept as HTML, as is a table GFM cannot hold. */
static int needs_html(const rm_render_input *in, const uint8_t *scan, int32_t id)
{
    switch (in->dom->nodes[id].tag) {
    case GUMBO_TAG_TABLE:
        return !markdown_table_is_simple(in, scan, id);
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
    case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TT:
        return holds_markup(in, scan, id);
    default:
        return 0;
    }
}

static char *anchor(const char *id)
{
    size_t cap = strlen(id) * 6 + 16, n = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    n += (size_t)snprintf(s, cap, "<a id=\"");
    for (; *id; id++) {
        const char *esc = *id == '"' ? "&quot;" : *id == '&' ? "&amp;" : *id == '<' ? "&lt;" : NULL;
        if (esc)
            n += (size_t)snprintf(s + n, cap - n, "%s", esc);
        else
            s[n++] = *id;
    }
    snprintf(s + n, cap - n, "\"></a>");
    return s;
}

static const render_flow_markup markdown = {
    .write_text = markdown_write_text,
    .inline_markup = markdown_inline,
    .code_fence = markdown_code_fence,
    .table_is_simple = markdown_table_is_simple,
    .needs_html = needs_html,
    .as_html = as_html,
    .destination = markdown_destination,
    .anchor = anchor,
};

char *render_markdown(const rm_render_input *in)
{
    return render_flow(in, &markdown, NULL);
}
