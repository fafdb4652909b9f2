/*
 * ascii.h — the length of an ASCII run, found eight bytes at a time: most
 * of a page's bytes are ASCII, and several passes read all of them.
 */
#ifndef RM_ASCII_H
#define RM_ASCII_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline size_t ascii_prefix(const uint8_t *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        if (word & UINT64_C(0x8080808080808080))
            break;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

#endif
