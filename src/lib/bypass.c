/*
 * bypass.c — placeholders for page text that Gumbo need not read (see
 * bypass.h).
 *
 * The placeholders. Run n below 65,534 is the code point U+100000 + n
 * (plane 16); a larger one is U+F0000 + n / 65,534 - 1 (plane 15) followed
 * by U+100000 + n % 65,534, so a plane-15 code point is always the first
 * half of a pair and the code stays prefix-free. Both planes are private
 * use: text never means anything by them, Gumbo reads them as ordinary
 * characters in every tokenizer state, and its tree building treats them
 * as any other non-space character. Each plane's last two code points
 * (U+xFFFE, U+xFFFF) are left out: Gumbo replaces noncharacters.
 *
 * What Gumbo would not read as the bytes stand (utf8.c and the tokenizer
 * of Gumbo 0.10.1): invalid UTF-8 and the code points it replaces (C0
 * controls but tab, line feed and form feed; DEL and the C1 controls;
 * U+FDD0-U+FDEF and every U+xFFFE and U+xFFFF), NUL, a carriage return (a
 * line break to Gumbo), '&' (a character reference). '<' never occurs in
 * a run. A run holding "-->", "--!>" or "]]>", or starting with '>' after
 * one of those, is left alone as well: were the pre-scan ever wrong about
 * being in text, a placeholder would swallow the end of a comment or
 * CDATA section.
 */
#include "bypass.h"

#include <string.h>

#define PLANE_15 0xF0000u
#define PLANE_16 0x100000u
/* Code points of a plane a placeholder may use (not U+xFFFE, U+xFFFF). */
#define PLANE_USABLE BYPASS_ONE_CODE_POINT

/* What a byte of a run is to the check, a table look-up a byte: read as
 * that character (printable ASCII, tab, line feed, form feed), never
 * bypassed (the rest of ASCII: controls, carriage return, DEL, '&' that
 * starts a reference, '<' that starts markup), a '>' to look behind, or
 * the lead or a continuation of a multi-byte character. */
enum { AS_IS, NEVER, CLOSER, MULTI };
#define N NEVER
#define M MULTI
#define M16 M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M
static const unsigned char byte_kind[256] = {
    N, N, N, N, N, N, N, N, N, 0, 0, N, 0, N, N, N,   /* 0x00 */
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N,   /* 0x10 */
    0, 0, 0, 0, 0, 0, N, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 0x20: '&' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, N, 0, CLOSER, 0,   /* 0x30: '<', '>' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 0x50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, N,   /* 0x70: DEL */
    M16, M16, M16, M16, M16, M16, M16, M16,           /* 0x80-0xFF */
};
#undef N
#undef M
#undef M16

/* The code point of the UTF-8 sequence at p (before end), or 0 when the
 * bytes are not valid UTF-8 (overlong, a surrogate, beyond U+10FFFF, cut
 * short); its length in *len. */
static uint32_t decode(const unsigned char *p, const unsigned char *end, size_t *len)
{
    static const uint32_t min_of[5] = {0, 0, 0x80, 0x800, 0x10000};
    unsigned char c = p[0];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (!n || c > 0xF4 || (size_t)(end - p) < n)
        return 0;
    uint32_t cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    if (cp < min_of[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *len = n;
    return cp;
}

/* Does Gumbo replace the (non-ASCII) code point (utf8.c's invalid code
 * points)? */
static bool replaced(uint32_t cp)
{
    return cp <= 0x9F || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* Does the '>' at p close "-->", "--!>" or "]]>" (html: where the
 * markup starts)? */
static bool ends_comment_or_cdata(const unsigned char *html, const unsigned char *p)
{
    size_t before = (size_t)(p - html);
    if (before >= 2 && ((p[-1] == '-' && p[-2] == '-') || (p[-1] == ']' && p[-2] == ']')))
        return true;
    return before >= 3 && p[-1] == '!' && p[-2] == '-' && p[-3] == '-';
}

/* The bytes from *p up to `stop` one by one (a character past ASCII may
 * run on past it, to `end` at most): false at one a run cannot hold.
 * Inlined: most runs are short and come here alone. */
static inline __attribute__((always_inline)) bool run_part_allowed(const unsigned char *h, const unsigned char **at,
                             const unsigned char *stop, const unsigned char *end)
{
    const unsigned char *p = *at;
    while (p < stop) {
        unsigned kind = byte_kind[*p];
        if (kind == AS_IS) {
            p++;
            continue;
        }
        if (kind == NEVER || (kind == CLOSER && ends_comment_or_cdata(h, p)))
            return false;
        if (kind == CLOSER) {
            p++;
            continue;
        }
        size_t len;
        uint32_t cp = decode(p, end, &len);
        if (!cp || replaced(cp))
            return false;
        p += len;
    }
    *at = p;
    return true;
}

/* Does a byte of w lie below `limit` (at most 0x80)? Subtracting borrows
 * into a byte's top bit only there, or above such a byte, so the answer
 * is exact. */
static uint64_t any_below(uint64_t w, unsigned limit)
{
    const uint64_t ones = 0x0101010101010101u;
    return (w - ones * limit) & ~w & ones * 0x80;
}

/* Are the eight bytes at p all printable ASCII other than '&', '<' and
 * '>', which a run reads as they are without a further look? Prose is
 * long stretches of them, tested here eight at a time: a top bit set by
 * the byte or by adding one (0x7F, DEL), a byte below a space, one equal
 * to '&', or to '>' once bit 1 is set ('<' and '>'). */
static bool plain_word(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101u;
    uint64_t w;
    memcpy(&w, p, sizeof w);
    uint64_t bad = ((w | (w + ones)) & ones * 0x80) | any_below(w, ' ') |
                   any_below(w ^ ones * '&', 1) | any_below((w | ones * 2) ^ ones * '>', 1);
    return bad == 0;
}

/* A run of this many bytes or more (prose) is read eight bytes at a time
 * where it is plain; a shorter one (a link's label, a heading's number)
 * a byte at a time, where the tests of eight would cost more than they
 * save. */
#define LONG_RUN 16

/* bypass_run_allowed on a long run: apart, so that a short one's check
 * stays small. */
__attribute__((noinline)) static bool long_run_allowed(const unsigned char *h,
                                                       const unsigned char *p,
                                                       const unsigned char *end)
{
    while (p < end) {
        while (end - p >= 8 && plain_word(p))
            p += 8;
        /* then the next eight bytes (or the rest) one by one */
        const unsigned char *careful = end - p > 8 ? p + 8 : end;
        if (!run_part_allowed(h, &p, careful, end))
            return false;
    }
    return true;
}

bool bypass_run_allowed(const char *html, size_t from, size_t to)
{
    const unsigned char *h = (const unsigned char *)html, *p = h + from, *end = h + to;
    if (to - from >= LONG_RUN)
        return long_run_allowed(h, p, end);
    return run_part_allowed(h, &p, end, end);
}

/* A numeric character reference's digits at p (after "&#"): could Gumbo
 * read a supplementary private-use code point from them? Gumbo's sum does
 * not stop at the largest code point (it may wrap around): a number that
 * large counts as one. */
static bool may_spell_private_plane(const char *p, const char *end)
{
    unsigned base = 10;
    if (p < end && (*p == 'x' || *p == 'X')) {
        base = 16;
        p++;
    }
    uint32_t value = 0;
    for (; p < end; p++) {
        unsigned c = (unsigned char)*p, lower = c | 0x20u;
        unsigned digit = c >= '0' && c <= '9'                       ? c - '0'
                         : base == 16 && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10u
                                                                      : 16u;
        if (digit >= base)
            break;
        value = value * base + digit;
        if (value >= PLANE_15)
            return true;
    }
    return false;
}

bool bypass_page_allowed(const char *html, size_t len)
{
    if (len >= UINT32_MAX || memchr(html, 0xF3, len) || memchr(html, 0xF4, len))
        return false;
    /* found by their '#', which most pages hold far fewer of than '&' (a
     * link's query string has one in every "&amp;") */
    const char *end = html + len;
    for (const char *hash = html; (hash = memchr(hash, '#', (size_t)(end - hash))) != NULL; hash++)
        if (hash > html && hash[-1] == '&' && may_spell_private_plane(hash + 1, end))
            return false;
    return true;
}

/* U+F0000 + x or U+100000 + x (x below PLANE_USABLE) as UTF-8. */
static void put_code_point(uint32_t cp, char *out)
{
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
}

size_t bypass_placeholder(size_t number, char out[BYPASS_PLACEHOLDER_MAX])
{
    if (number < PLANE_USABLE) {
        put_code_point(PLANE_16 + (uint32_t)number, out);
        return 4;
    }
    put_code_point(PLANE_15 + (uint32_t)(number / PLANE_USABLE - 1), out);
    put_code_point(PLANE_16 + (uint32_t)(number % PLANE_USABLE), out + 4);
    return 8;
}

/* The offset within its plane of the 4-byte code point at p. */
static uint32_t plane_offset(const unsigned char *p)
{
    return ((uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3Fu)) &
           0xFFFFu;
}

/* A placeholder ending in the plane-16 code point at `low` (its lead byte,
 * 0xF4, found in text that begins at `text`): where it starts, and the
 * number of its run in *number. Only the pre-scan wrote such code points
 * (bypass_page_allowed), and in Gumbo's valid UTF-8 a 0xF3 four bytes
 * before is the lead of its first half. */
static const unsigned char *placeholder_at(const unsigned char *text, const unsigned char *low,
                                           size_t *number)
{
    *number = plane_offset(low);
    if (low - text >= 4 && low[-4] == 0xF3) {
        *number += ((size_t)plane_offset(low - 4) + 1) * PLANE_USABLE;
        return low - 4;
    }
    return low;
}

/* The next placeholder of a known run in [p, end): where it starts (NULL
 * when there is none), with its run and where it ends. */
static const unsigned char *next_placeholder(const bypass_table *t, const unsigned char *text,
                                             const unsigned char *p, const unsigned char *end,
                                             const bypass_run **run, const unsigned char **after)
{
    const unsigned char *low;
    while ((low = memchr(p, 0xF4, (size_t)(end - p))) != NULL && end - low >= 4) {
        size_t number;
        const unsigned char *start = placeholder_at(text, low, &number);
        p = low + 4;
        if (number < t->count) {
            *run = &t->runs[number];
            *after = p;
            return start;
        }
    }
    return NULL;
}

size_t bypass_expanded_len(const bypass_table *t, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text, *p = s, *end = s + len, *start, *after;
    const bypass_run *run;
    size_t total = len;
    while ((start = next_placeholder(t, s, p, end, &run, &after)) != NULL) {
        total += run->len - (size_t)(after - start);
        p = after;
    }
    return total;
}

char *bypass_expand(const bypass_table *t, const char *text, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)text, *p = s, *end = s + len, *start, *after;
    const bypass_run *run;
    while ((start = next_placeholder(t, s, p, end, &run, &after)) != NULL) {
        memcpy(out, p, (size_t)(start - p));
        out += start - p;
        memcpy(out, t->source + run->start, run->len);
        out += run->len;
        p = after;
    }
    memcpy(out, p, (size_t)(end - p));
    return out + (end - p);
}

const bypass_run *bypass_whole(const bypass_table *t, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if ((len != 4 || s[0] != 0xF4) && (len != 8 || s[0] != 0xF3 || s[4] != 0xF4))
        return NULL;
    size_t number;
    placeholder_at(s, s + len - 4, &number);
    return number < t->count ? &t->runs[number] : NULL;
}
