/*
 * ascii.h — the length of an ASCII run, and ASCII lower-casing, eight
 * bytes at a time: most of a page's bytes are ASCII, and several passes
 * read all of them (class lists run to kilobytes on some pages).
 */
#ifndef RM_ASCII_H
#define RM_ASCII_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Copy n bytes from `in` to `out` with ASCII capitals lower-cased (other
 * bytes, UTF-8 included, unchanged). Per byte of a word: below 0x80, at
 * least 'A' and not above 'Z' makes a capital, whose 0x20 bit is set.
 * Sixteen bytes at a time first where SSE2 is (every x86-64): a byte
 * minus 'A', compared signed with 26 - 0x80 after flipping bit 7, is
 * below it for the capitals only. */
static inline void ascii_lower_copy(char *out, const char *in, size_t n)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
    size_t i = 0;
#ifdef __SSE2__
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(in + i));
        __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8((char)('A' + 0x80)));
        __m128i capital = _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(26 - 0x80)));
        v = _mm_or_si128(v, _mm_and_si128(capital, _mm_set1_epi8(0x20)));
        _mm_storeu_si128((__m128i *)(void *)(out + i), v);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        memcpy(&word, in + i, 8);
        uint64_t low7 = word & ~high;
        uint64_t at_least_a = low7 + ones * (0x80 - 'A');
        uint64_t above_z = low7 + ones * (0x7f - 'Z');
        uint64_t capital = at_least_a & ~above_z & ~word & high;
        word |= capital >> 2;
        memcpy(out + i, &word, 8);
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
}

#endif
