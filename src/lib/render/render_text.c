/*
 * render_text.c — the article as plain text, and re-wrapping of that text.
 *
 * render_text lays the blocks out through render_flow: one blank line
 * between blocks, "- " and "1. " list items with nested lists indented
 * under their parent's text, "> " before quoted lines, pre verbatim, table
 * rows one per line with cells joined by " | ".
 *
 * Wrapping at render time (render_text_wrapped, rm_options.wrap_width)
 * knows which lines came from pre and leaves them as they are: code is
 * never re-flowed. rm_text_wrap, given only the finished text, cannot tell,
 * so it treats every line alike: a line that fits is kept as it is; a longer one
 * is broken at Unicode line-break opportunities (UAX #14 via libunistring,
 * measured in display columns, so CJK counts two per ideograph; a word
 * wider than the line overflows rather than being cut) and its continuation
 * lines repeat the quote markers and indent under the leading spaces and
 * list marker. Code in pre thus only changes when it overflows, and keeps
 * its indentation when it does.
 */
#include "render_flow.h"
#include "readmode.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <uniwidth.h>

char *render_text(const rm_render_input *in)
{
    return render_flow(in, NULL, NULL);
}

char *render_text_wrapped(const rm_render_input *in, unsigned width)
{
    render_buf starts = {0};
    char *text = render_flow(in, NULL, &starts);
    char *wrapped = text && !starts.failed ? render_text_rewrap(text, width, &starts) : NULL;
    free(text);
    render_buf_free(&starts);
    return wrapped;
}

/* Length of the leading "> " markers (">" alone on a blank quote line). */
static size_t quote_length(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && line[i] == '>') {
        i++;
        if (i < len && line[i] == ' ')
            i++;
    }
    return i;
}

/* Length of a "- " or "12. " list marker at the start of s. */
static size_t marker_length(const char *s, size_t len)
{
    if (len >= 2 && s[0] == '-' && s[1] == ' ')
        return 2;
    size_t i = 0;
    while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i + 1 < len && s[i] == '.' && s[i + 1] == ' ' ? i + 2 : 0;
}

static void put_without_trailing_spaces(render_buf *out, const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    render_buf_put(out, s, n);
}

/* Greedy filling over the UAX #14 break opportunities. Spaces before a
 * break do not count toward the width (u8_width_linebreaks would count
 * them, leaving lines one column short). */
static void fill_lines(render_buf *out, const char *body, size_t blen, const char *breaks,
                       int avail, const char *line, size_t quote, size_t indent)
{
    size_t start = 0;   /* first byte of the output line */
    size_t taken = 0;   /* end of the last piece put on the line */
    int columns = 0;    /* width of [start, taken), trailing spaces included */
    for (size_t i = 1; i <= blen; i++) {
        if (i < blen && breaks[i] != UC_BREAK_POSSIBLE)
            continue;
        size_t visible = i;
        while (visible > taken && body[visible - 1] == ' ')
            visible--;
        int piece = u8_width((const uint8_t *)body + taken, visible - taken, "UTF-8");
        if (taken > start && columns + piece > avail) {
            put_without_trailing_spaces(out, body + start, taken - start);
            render_buf_putc(out, '\n');
            render_buf_put(out, line, quote);
            for (size_t k = quote; k < indent; k++)
                render_buf_putc(out, ' ');
            start = taken;
            columns = 0;
        }
        columns += u8_width((const uint8_t *)body + taken, i - taken, "UTF-8");
        taken = i;
    }
    render_buf_put(out, body + start, blen - start);
}

static int wrap_line(render_buf *out, const char *line, size_t len, unsigned width,
                     char **breaks, size_t *breaks_cap)
{
    if ((size_t)u8_width((const uint8_t *)line, len, "UTF-8") <= width) {
        render_buf_put(out, line, len);
        return 0;
    }
    size_t quote = quote_length(line, len);
    size_t indent = quote;
    while (indent < len && line[indent] == ' ')
        indent++;
    indent += marker_length(line + indent, len - indent);
    /* The prefix is ASCII: its bytes are its columns. */
    int avail = width > indent ? (int)(width - indent) : 1;
    const char *body = line + indent;
    size_t blen = len - indent;
    if (blen > *breaks_cap) {
        char *grown = realloc(*breaks, blen);
        if (!grown)
            return -1;
        *breaks = grown;
        *breaks_cap = blen;
    }
    u8_possible_linebreaks((const uint8_t *)body, blen, "UTF-8", *breaks);
    render_buf_put(out, line, indent);
    fill_lines(out, body, blen, *breaks, avail, line, quote, indent);
    return 0;
}

/* Is the line at `offset` one of the recorded pre lines? `next` walks the
 * sorted offsets along with the text. */
static int is_verbatim_line(const render_buf *starts, size_t *next, size_t offset)
{
    size_t count = starts ? starts->len / sizeof(size_t) : 0;
    size_t at;
    while (*next < count) {
        memcpy(&at, starts->data + *next * sizeof at, sizeof at);
        if (at > offset)
            return 0;
        ++*next;
        if (at == offset)
            return 1;
    }
    return 0;
}

char *render_text_rewrap(const char *text, unsigned width, const render_buf *verbatim_starts)
{
    render_buf out = {0};
    char *breaks = NULL;
    size_t breaks_cap = 0, next_start = 0;
    const char *line = text;
    for (;;) {
        size_t len = strcspn(line, "\n");
        if (width == 0 || is_verbatim_line(verbatim_starts, &next_start, (size_t)(line - text)))
            render_buf_put(&out, line, len);
        else if (wrap_line(&out, line, len, width, &breaks, &breaks_cap))
            out.failed = 1;
        if (!line[len])
            break;
        render_buf_putc(&out, '\n');
        line += len + 1;
    }
    free(breaks);
    return render_buf_finish(&out);
}

char *rm_text_wrap(const char *text, unsigned width)
{
    return render_text_rewrap(text, width, NULL);
}
