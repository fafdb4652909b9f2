/*
 * encoding.h — detect a page's character encoding and convert it to UTF-8.
 *
 * Browsers accept pages in many encodings; Gumbo parses only UTF-8. This
 * module follows the HTML encoding sniffing order (BOM, then a <meta charset>
 * or http-equiv Content-Type in the first 1024 bytes, then a UTF-8 validity
 * check, then detection from the bytes with uchardet, then windows-1252)
 * and converts with libunistring, replacing
 * invalid sequences with U+FFFD.
 */
#ifndef RM_ENCODING_H
#define RM_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* Convert `len` bytes to UTF-8. `forced` (may be NULL) overrides detection.
 * On success returns 0, sets *out (malloc'd, NUL-terminated, valid UTF-8)
 * and *out_len, and *detected to a static name of the source encoding.
 * Returns -1 when `forced` names an unknown encoding, -2 when out of memory. */
int encoding_to_utf8(const char *bytes, size_t len, const char *forced,
                     char **out, size_t *out_len, const char **detected);

/* encoding_to_utf8 without the copy when the bytes already are the text
 * (valid UTF-8 without NUL and in NFC; a BOM is skipped): then *text points
 * into `bytes` (or static storage) and *owned is NULL. Otherwise *owned is
 * the malloc'd, NUL-terminated text and *text the same. A borrowed text is
 * not NUL-terminated: read it by *text_len. Same return codes. */
int encoding_view_utf8(const char *bytes, size_t len, const char *forced, const char **text,
                       size_t *text_len, char **owned, const char **detected);

/* The check of a page read piece by piece, in order, alongside a pass
 * that reads it anyway (the pre-scan): are its bytes valid UTF-8 without
 * NUL? Then, in most cases, they are the text as they are. Each piece is
 * checked right after the pass has read it, while it is in the cache: a
 * separate pass over a page larger than the cache would read it from
 * memory a second time (a 100 MB page took 1.6 times as long per byte as
 * a 10 MB one). */
typedef struct {
    size_t checked;    /* [0, checked): valid UTF-8 without NUL */
    bool non_ascii;    /* a byte above 0x7F seen */
    bool unstable;     /* a code point NFC might change seen */
    bool invalid;      /* invalid UTF-8 or a NUL seen: the check stopped */
} encoding_check;

/* May the page's bytes be checked so (no encoding forced, no byte order
 * mark)? Otherwise decode it with encoding_view_utf8 first. */
bool encoding_check_applies(const char *bytes, size_t len, const char *forced);

/* Check bytes [c->checked, to) of the `len` bytes at `bytes`; a character
 * that `to` cuts in two is left for the next call (to == len: the end).
 * Returns false once the bytes are known not to be valid text. */
bool encoding_check_through(encoding_check *c, const char *bytes, size_t to, size_t len);

/* For bytes checked to the end: 0 when the text is the bytes themselves
 * (*owned NULL; only text with a code point NFC might change goes
 * through the normaliser) or, for text not in NFC, the normalised copy in *owned
 * (*owned_len bytes, NUL-terminated); 1 when they must be decoded with
 * encoding_view_utf8 after all (a NUL or invalid UTF-8, or plain ASCII
 * that a <meta> gives a stateful encoding); -2 when out of memory. */
int encoding_checked_text(const char *bytes, size_t len, const encoding_check *c, char **owned,
                          size_t *owned_len);

/* Does this look like binary data rather than text (NUL bytes outside a
 * UTF-16 BOM'd document, many control characters)? */
int encoding_looks_binary(const char *bytes, size_t len);

#endif
