/*
 * render_lines.c — line layout for the text and Markdown renderers (see
 * render_lines.h).
 *
 * Nesting deeper than MAX_VISIBLE_NESTING containers is flattened into the
 * deepest visible one: a 100 000-deep chain of quotes must not make every
 * line 200 000 columns wide (quadratic output).
 */
#include "render_lines.h"

#include <string.h>

#define MAX_VISIBLE_NESTING 32

typedef struct {
    char marker[24];      /* "> ", "- ", "12. " */
    uint8_t is_item;
    uint8_t marker_due;   /* the item's first line is still to come */
} container;

void render_lines_init(render_lines *w, render_buf *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->containers.size = sizeof(container);
    w->blank_depth = SIZE_MAX;
}

void render_lines_free(render_lines *w)
{
    render_stack_free(&w->containers);
    render_buf_free(&w->deferred);
}

static int push(render_lines *w, const char *marker, int is_item)
{
    if (w->containers.count >= MAX_VISIBLE_NESTING) {
        w->overflow++;
        return 0;
    }
    container *c = render_stack_push(&w->containers);
    if (!c)
        return -1;
    size_t len = strlen(marker);
    if (len >= sizeof c->marker)
        len = sizeof c->marker - 1;
    memcpy(c->marker, marker, len);
    c->is_item = (uint8_t)is_item;
    c->marker_due = (uint8_t)is_item;
    return 0;
}

int render_lines_push_quote(render_lines *w)
{
    return push(w, "> ", 0);
}

int render_lines_push_item(render_lines *w, const char *marker)
{
    return push(w, marker, 1);
}

void render_lines_pop(render_lines *w)
{
    if (w->overflow) {
        w->overflow--;
        return;
    }
    render_stack_pop(&w->containers);
    if (w->containers.count < w->blank_depth)
        w->blank_depth = w->containers.count;
}

/* Is an item's first line still to come? Then nothing may come between
 * its marker and its content. */
static int marker_due(const render_lines *w)
{
    const container *cs = w->containers.items;
    for (size_t i = w->containers.count; i > 0; i--)
        if (cs[i - 1].marker_due)
            return 1;
    return 0;
}

void render_lines_break(render_lines *w, unsigned newlines)
{
    /* A block edge after a <br>: the line ends anyway, and a "\" before
     * it would be read as a literal backslash. */
    w->hard_break = 0;
    if (w->inline_only) {
        render_lines_space(w);
        return;
    }
    if (w->verbatim) {
        /* Blocks inside pre (a code viewer's one <div> per line) sit on
         * lines of their own, as the browser shows them: a line break
         * where the line holds something, never a blank line. */
        if (!w->owed_newlines && w->line_open)
            w->owed_newlines = 1;
        return;
    }
    if (marker_due(w))
        return;   /* the item's own line break already stands */
    if (newlines > w->owed_newlines)
        w->owed_newlines = newlines;
    if (w->containers.count < w->blank_depth)
        w->blank_depth = w->containers.count;
}

void render_lines_space(render_lines *w)
{
    if (w->line_open && !w->owed_newlines)
        w->owed_space = 1;
}

void render_lines_newline(render_lines *w)
{
    w->owed_newlines++;
    w->owed_space = 0;
}

void render_lines_end_verbatim(render_lines *w)
{
    w->verbatim--;
    w->owed_newlines = 0;
}

/* The prefix of a line: every container's marker; items show theirs on
 * their first line and blanks of the same width after. A blank line only
 * carries the quotes, with no trailing space. */
static void put_prefix(render_lines *w, size_t depth, int blank_line)
{
    container *cs = w->containers.items;
    size_t start = w->out->len;
    for (size_t i = 0; i < depth && i < w->containers.count; i++) {
        container *c = &cs[i];
        if (!c->is_item) {
            render_buf_puts(w->out, c->marker);
        } else if (c->marker_due && !blank_line) {
            render_buf_puts(w->out, c->marker);
            c->marker_due = 0;
        } else {
            for (size_t k = strlen(c->marker); k > 0; k--)
                render_buf_putc(w->out, ' ');
        }
    }
    if (blank_line)
        while (w->out->len > start && w->out->data[w->out->len - 1] == ' ')
            w->out->data[--w->out->len] = '\0';
}

static void pay_owed(render_lines *w)
{
    if (w->owed_newlines && w->any_output) {
        if (w->hard_break && w->owed_newlines == 1)
            render_buf_putc(w->out, '\\');
        render_buf_putc(w->out, '\n');
        for (unsigned k = 1; k < w->owed_newlines; k++) {
            put_prefix(w, w->blank_depth, 1);
            render_buf_putc(w->out, '\n');
        }
        w->line_open = 0;
    } else if (w->owed_space && w->line_open) {
        render_buf_putc(w->out, ' ');
    }
    w->owed_newlines = 0;
    w->owed_space = 0;
    w->hard_break = 0;
    w->blank_depth = SIZE_MAX;
    if (!w->line_open) {
        if (w->verbatim && w->verbatim_starts) {
            size_t start = w->out->len;
            render_buf_put(w->verbatim_starts, (const char *)&start, sizeof start);
        }
        put_prefix(w, w->containers.count, 0);
        w->line_open = 1;
        w->line_start = w->out->len;
    }
    if (w->deferred.len) {
        render_buf_put(w->out, w->deferred.data, w->deferred.len);
        w->deferred.len = 0;
    }
}

void render_lines_write(render_lines *w, const char *s, size_t n)
{
    if (n == 0)
        return;
    pay_owed(w);
    render_buf_put(w->out, s, n);
    w->any_output = 1;
}

void render_lines_open(render_lines *w)
{
    pay_owed(w);
    w->any_output = 1;
}

void render_lines_puts(render_lines *w, const char *s)
{
    render_lines_write(w, s, strlen(s));
}

void render_lines_defer(render_lines *w, const char *open)
{
    render_buf_puts(&w->deferred, open);
    if (w->deferred.failed)
        w->out->failed = 1;
}

void render_lines_close(render_lines *w, const char *open, const char *close)
{
    size_t len = strlen(open);
    if (w->deferred.len >= len &&
        memcmp(w->deferred.data + w->deferred.len - len, open, len) == 0) {
        w->deferred.len -= len;
        return;
    }
    render_buf_puts(w->out, close);
}

int render_lines_at_line_start(const render_lines *w)
{
    return (w->owed_newlines || !w->line_open) && w->deferred.len == 0;
}

const char *render_lines_current(const render_lines *w, size_t *len)
{
    if (!w->line_open || w->owed_newlines || w->owed_space || w->deferred.len ||
        w->out->len < w->line_start)
        return NULL;
    *len = w->out->len - w->line_start;
    return w->out->data + w->line_start;
}

char render_lines_prev_char(const render_lines *w)
{
    if (w->deferred.len)
        return w->deferred.data[w->deferred.len - 1];
    if (w->owed_space || w->owed_newlines || !w->out->len)
        return ' ';
    return w->out->data[w->out->len - 1];
}

void render_lines_escape_previous(render_lines *w)
{
    render_buf *out = w->out;
    if (!out->len || w->deferred.len || w->owed_space || w->owed_newlines)
        return;
    char last = out->data[--out->len];
    render_buf_putc(out, '\\');
    render_buf_putc(out, last);
}
