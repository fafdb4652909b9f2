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

/* Does this look like binary data rather than text (NUL bytes outside a
 * UTF-16 BOM'd document, many control characters)? */
int encoding_looks_binary(const char *bytes, size_t len);

#endif
