/*
 * cli_lines.c — bounded line reading for --jsonl (see cli_lines.h).
 *
 * Bytes are taken with getc_unlocked under one lock of the stream per
 * line: only the pool's reader thread reads standard input.
 */
#include "cli_lines.h"

#include <stdlib.h>

/* The size a line's bytes decode to, counted as they come: a JSON escape
 * counts as the UTF-8 it stands for ("\n" one byte, "\u00e9" two, each
 * half of a surrogate pair two). Raw bytes are at most six per counted
 * byte ("\u003c"), which bounds what a line within the limit can hold. */
typedef struct {
    size_t decoded;
    int escape;           /* after a backslash */
    int hex_left;         /* digits of "\uXXXX" still to come */
    unsigned code;        /* its value so far */
} line_measure;

#define RAW_PER_DECODED 6

static unsigned hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 0;
}

static size_t utf8_length(unsigned code)
{
    if (code < 0x80)
        return 1;
    if (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))
        return 2;   /* two halves of a pair make one four-byte character */
    return 3;
}

static void measure(line_measure *m, int c)
{
    if (m->hex_left) {
        m->code = m->code << 4 | hex_value(c);
        if (--m->hex_left == 0)
            m->decoded += utf8_length(m->code);
    } else if (m->escape) {
        m->escape = 0;
        if (c == 'u') {
            m->hex_left = 4;
            m->code = 0;
        } else {
            m->decoded++;
        }
    } else if (c == '\\') {
        m->escape = 1;
    } else {
        m->decoded++;
    }
}

/* Room for `need` bytes in *buf, doubling, but not past `ceiling` (0: none)
 * while need stays within it. */
static int grow(char **buf, size_t *cap, size_t need, size_t ceiling)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 4096;
    if (n < need)
        n = need;
    if (ceiling && n > ceiling && need <= ceiling)
        n = ceiling;
    char *grown = realloc(*buf, n);
    if (!grown)
        return -1;
    *buf = grown;
    *cap = n;
    return 0;
}

static void skip_to_newline(FILE *f)
{
    for (int c; (c = getc_unlocked(f)) != EOF && c != '\n';)
        ;
}

cli_line_status cli_read_line(FILE *f, size_t limit, char **line, size_t *len)
{
    size_t ceiling = limit ? limit * RAW_PER_DECODED + 2 : 0;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    line_measure m = {0};
    int c, too_large = 0, failed = 0;
    flockfile(f);
    while ((c = getc_unlocked(f)) != EOF && c != '\n') {
        measure(&m, c);
        too_large = limit && m.decoded > limit;
        failed = !too_large && grow(&buf, &cap, n + 2, ceiling);
        if (too_large || failed) {
            skip_to_newline(f);
            break;
        }
        buf[n++] = (char)c;
    }
    funlockfile(f);
    *line = NULL;
    *len = 0;
    if (too_large || failed || (c == EOF && n == 0)) {
        free(buf);
        return too_large ? CLI_LINE_TOO_LARGE : failed ? CLI_LINE_OK : CLI_LINE_END;
    }
    if (!buf && !(buf = malloc(1)))
        return CLI_LINE_OK;
    buf[n] = '\0';
    *line = buf;
    *len = n;
    return CLI_LINE_OK;
}
