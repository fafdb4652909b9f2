/*
 * render_lines.h — the line layout shared by the text and Markdown
 * renderers: blocks separated by blank lines, collapsible spaces, and the
 * per-line prefixes of block quotes ("> ") and list items ("- ", "1. ",
 * then indentation under the marker on continuation lines).
 *
 * Separators and spaces are owed, not written, until the next content
 * arrives, so empty elements leave no blank lines and no trailing spaces.
 * Markdown's inline openers ("**", "[") are likewise deferred and vanish
 * when their element turns out to be empty.
 */
#ifndef RM_RENDER_LINES_H
#define RM_RENDER_LINES_H

#include "render_common.h"

typedef struct {
    render_buf *out;
    render_stack containers;  /* render_lines.c's container frames */
    size_t overflow;          /* containers nested past the visible limit */
    unsigned owed_newlines;   /* 1: line break, 2: blank line, more in pre */
    int owed_space;
    size_t blank_depth;       /* containers whose prefix owed blank lines carry */
    int line_open;            /* the current line has its prefix written */
    size_t line_start;        /* where the current line's content starts in out */
    int any_output;
    int inline_only;          /* > 0: block breaks become spaces (cells) */
    int verbatim;             /* > 0: inside pre */
    int hard_break;           /* Markdown: a <br> owes a "\" before its newline */
    render_buf deferred;      /* Markdown openers waiting for content */
    render_buf *verbatim_starts;  /* if set: offsets (size_t) of pre lines */
} render_lines;

void render_lines_init(render_lines *w, render_buf *out);
void render_lines_free(render_lines *w);

/* Containers: return 0, or -1 when out of memory. */
int render_lines_push_quote(render_lines *w);
int render_lines_push_item(render_lines *w, const char *marker);
void render_lines_pop(render_lines *w);

/* Owe a separation: 1 = new line, 2 = blank line; inside pre, a new line
 * unless one is already due. */
void render_lines_break(render_lines *w, unsigned newlines);
/* Collapsible white space. */
void render_lines_space(render_lines *w);
/* A newline inside pre; leaving pre forgets trailing ones. */
void render_lines_newline(render_lines *w);
void render_lines_end_verbatim(render_lines *w);
/* Content bytes, written after whatever is owed. */
void render_lines_write(render_lines *w, const char *s, size_t n);
void render_lines_puts(render_lines *w, const char *s);
/* Pay what is owed before content that the caller then appends to the
 * output itself (at least one byte). */
void render_lines_open(render_lines *w);

/* Markdown inline markup: `open` waits for content; closing drops it if
 * none came, else writes `close` right after the content. */
void render_lines_defer(render_lines *w, const char *open);
void render_lines_close(render_lines *w, const char *open, const char *close);

/* Put a backslash before the last character written, when it touches the
 * next content (Markdown: "!" before a link's "["). */
void render_lines_escape_previous(render_lines *w);

/* Would the next content start a line (for Markdown escaping)? */
int render_lines_at_line_start(const render_lines *w);
/* What the current line holds after its prefix, when the next content
 * would follow it directly (nothing owed or deferred); else NULL. */
const char *render_lines_current(const render_lines *w, size_t *len);
/* The character before the next content (a space if one is owed). */
char render_lines_prev_char(const render_lines *w);

#endif
