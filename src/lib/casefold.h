/*
 * casefold.h — Unicode case folding to NFC, as libunistring's u8_casefold
 * (no language, UNINORM_NFC) gives it, faster on the text pages hold.
 */
#ifndef RM_CASEFOLD_H
#define RM_CASEFOLD_H

#include <stddef.h>

/* The case-folded NFC form of the valid UTF-8 s[0..n), malloc'd and
 * NUL-terminated, its length in *len. NULL when out of memory or when s is
 * not valid UTF-8 (as u8_casefold). */
char *casefold_nfc(const char *s, size_t n, size_t *len);

#endif
