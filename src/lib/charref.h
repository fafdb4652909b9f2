/*
 * charref.h — character references the pre-scan writes as the characters
 * they stand for, where Gumbo then reads exactly what it would have decoded.
 */
#ifndef RM_CHARREF_H
#define RM_CHARREF_H

#include <stddef.h>

/* Where a reference stands: in text (data), or in an attribute value
 * quoted with '"' or '\''. */
typedef enum {
    CHARREF_TEXT,
    CHARREF_DOUBLE_QUOTED,
    CHARREF_SINGLE_QUOTED,
} charref_place;

/* What Gumbo reads before a reference: the output written so far, then
 * the bytes still to be copied to it as they are (either may be empty). */
typedef struct {
    const char *written;
    size_t written_len;
    const char *pending;
    size_t pending_len;
} charref_before;

/* The reference at s (s[0] == '&'; n bytes to the end of the text or
 * value, where the markup or the closing quote follows): when Gumbo would
 * decode it to a character that, written as it is, reads the same to Gumbo
 * in that place and after `before`, its UTF-8 (never longer than the
 * reference) goes into `out` and the count of its bytes is returned, with
 * the reference's length in *ref_len; otherwise 0 (the reference stays as
 * written). */
size_t charref_as_char(const char *s, size_t n, charref_place place, const charref_before *before,
                       char out[4], size_t *ref_len);

#endif
