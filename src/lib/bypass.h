/*
 * bypass.h — text bypass: runs of page text and attribute values handed
 * past Gumbo.
 *
 * Gumbo 0.10.1 reads text one code point at a time (decoding, a token per
 * character, the tree builder's checks per character, appending it to the
 * node's buffer): 60 to 100 instructions a character, most of a parse on
 * pages of prose; an attribute value costs it nearly as much a character.
 * The text between two tags is mostly words that no rule of Gumbo's tree
 * building looks at one by one, and few values are read by any. So the
 * pre-scan writes such a run as a placeholder, one or two private-use code
 * points that spell the run's number, keeps the run's bytes where they lie
 * in the scanned markup, and the index puts them back wherever a
 * placeholder turns up in a text or value Gumbo built (bypass_expand).
 *
 * A run is bypassed only where Gumbo would read its bytes as exactly
 * these characters (bypass_run_allowed), and only on pages where every
 * supplementary private-use code point in Gumbo's texts is ours
 * (bypass_page_allowed). Its white space at both ends stays in the markup:
 * Gumbo's tree building decides on white space (the newline after <pre>,
 * white space in tables and in <head>), and on a run's first and last
 * non-space characters, which a placeholder stands in for as any other
 * non-space characters would.
 */
#ifndef RM_BYPASS_H
#define RM_BYPASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A bypassed run: `len` bytes from `start` of the scanned markup. */
typedef struct {
    uint32_t start;
    uint32_t len;
} bypass_run;

/* The runs of one page, numbered in the order they were written. */
typedef struct {
    const char *source;       /* the scanned markup they lie in (not owned) */
    const bypass_run *runs;   /* NULL when none */
    size_t count;
} bypass_table;

/* The shortest and the longest placeholder, in bytes. */
#define BYPASS_PLACEHOLDER_MIN 4
#define BYPASS_PLACEHOLDER_MAX 8

/* May runs of this page be bypassed? Not when the page holds code points
 * of the supplementary private-use planes (ours could not be told from
 * them), or a numeric character reference that could stand for one, nor
 * when it is too large for a run's 32-bit offsets. */
bool bypass_page_allowed(const char *html, size_t len);

/* Would Gumbo, in text, read the bytes [from, to) of `html` as exactly
 * these characters, and can nothing around them end in them? */
bool bypass_run_allowed(const char *html, size_t from, size_t to);

/* Runs numbered below this have a placeholder of one code point: those
 * of a private-use plane but its last two (bypass.c). */
#define BYPASS_ONE_CODE_POINT 65534u

/* The placeholder of run `number` into `out`; returns its length (4 or 8). */
size_t bypass_placeholder(size_t number, char out[BYPASS_PLACEHOLDER_MAX]);
/* The length the placeholder of run `number` will have. Inline: the
 * pre-scan asks it of every run of text it meets. */
static inline size_t bypass_placeholder_len(size_t number)
{
    return number < BYPASS_ONE_CODE_POINT ? BYPASS_PLACEHOLDER_MIN : BYPASS_PLACEHOLDER_MAX;
}

/* The length of `text` (len bytes of Gumbo's valid UTF-8) once its
 * placeholders are replaced by their runs. */
size_t bypass_expanded_len(const bypass_table *t, const char *text, size_t len);
/* Write `text` with its placeholders replaced into `out` (room for
 * bypass_expanded_len bytes); returns the end of what was written. */
char *bypass_expand(const bypass_table *t, const char *text, size_t len, char *out);
/* When `text` is one placeholder and nothing else (most bypassed texts
 * and every bypassed value are), its run; else NULL. Cheaper than
 * measuring and expanding it. */
const bypass_run *bypass_whole(const bypass_table *t, const char *text, size_t len);

#endif
