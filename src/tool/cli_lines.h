/*
 * cli_lines.h — the lines of a --jsonl stream, read within a size limit.
 *
 * A line is measured while it is read, so one that is too large is never
 * held in memory: a 2 GB line under the default --max-size costs what the
 * limit allows, not 2 GB. Its size is counted as its page will weigh once
 * the JSON escapes are decoded ("\n" is one byte, "\u00e9" at most three),
 * so a page just under --max-size whose quotes and newlines the JSON
 * escapes is not refused for the escaping.
 */
#ifndef RM_CLI_LINES_H
#define RM_CLI_LINES_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    CLI_LINE_END,         /* end of input (or a read error: ferror) */
    CLI_LINE_OK,          /* *line holds the line, without its "\n" */
    CLI_LINE_TOO_LARGE,   /* read to its end and dropped; *line is NULL */
} cli_line_status;

/* Read the next line of `f` into *line (malloc'd, NUL-terminated; NUL bytes
 * inside are kept and counted in *len). A line whose decoded size passes
 * `limit` (0: no limit) is CLI_LINE_TOO_LARGE. CLI_LINE_OK with *line NULL
 * means out of memory. */
cli_line_status cli_read_line(FILE *f, size_t limit, char **line, size_t *len);

#endif
