/*
 * wordcount.c — words by Unicode word breaks (UAX #29, libunistring).
 *
 * Every article's text is counted, so this runs over every byte the reader
 * shows. libunistring's u8_wordbreaks costs about as much per byte as the
 * Gumbo parse; most text is ASCII, where the rules that can join two
 * letters or digits into one word are few and local. The text is cut into
 * pieces at whitespace followed by an ASCII character, where UAX #29 always
 * breaks and no rule looks across; ASCII pieces are counted directly by
 * those rules, the others by libunistring. The counts are the same as
 * libunistring's over the whole text (tests/unit/test_wordcount.c compares
 * them).
 */
#include "wordcount.h"

#include "ascii.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

static bool is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* UAX #29 breaks before every one of these, and no rule reads past them. */
static bool is_cut_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* Does UAX #29 keep the ASCII letters or digits at `prev` and `next`
 * together across the punctuation between them (gap = next - prev - 1)?
 * WB5, WB8-10: adjacent letters and digits; WB13a/b: underscores
 * (ExtendNumLet); WB6/7: one MidLetter or MidNumLet (: . ') between
 * letters; WB11/12: one MidNum or MidNumLet (, ; . ') between digits. */
static bool ascii_joined(const unsigned char *prev, const unsigned char *next)
{
    size_t gap = (size_t)(next - prev - 1);
    if (gap == 0)
        return true;
    const unsigned char *p = prev + 1;
    while (p < next && *p == '_')
        p++;
    if (p == next)
        return true;
    if (gap != 1)
        return false;
    unsigned char mid = prev[1];
    if (is_ascii_letter(*prev) && is_ascii_letter(*next))
        return mid == ':' || mid == '.' || mid == '\'';
    if (is_ascii_digit(*prev) && is_ascii_digit(*next))
        return mid == ',' || mid == ';' || mid == '.' || mid == '\'';
    return false;
}

/* ASCII letters and digits by byte: count_ascii asks it of every byte of
 * the article's text. */
#define ALNUM(c) [c] = true
static const bool ascii_alnum[256] = {
    ALNUM('0'), ALNUM('1'), ALNUM('2'), ALNUM('3'), ALNUM('4'), ALNUM('5'), ALNUM('6'),
    ALNUM('7'), ALNUM('8'), ALNUM('9'),
    ALNUM('a'), ALNUM('b'), ALNUM('c'), ALNUM('d'), ALNUM('e'), ALNUM('f'), ALNUM('g'),
    ALNUM('h'), ALNUM('i'), ALNUM('j'), ALNUM('k'), ALNUM('l'), ALNUM('m'), ALNUM('n'),
    ALNUM('o'), ALNUM('p'), ALNUM('q'), ALNUM('r'), ALNUM('s'), ALNUM('t'), ALNUM('u'),
    ALNUM('v'), ALNUM('w'), ALNUM('x'), ALNUM('y'), ALNUM('z'),
    ALNUM('A'), ALNUM('B'), ALNUM('C'), ALNUM('D'), ALNUM('E'), ALNUM('F'), ALNUM('G'),
    ALNUM('H'), ALNUM('I'), ALNUM('J'), ALNUM('K'), ALNUM('L'), ALNUM('M'), ALNUM('N'),
    ALNUM('O'), ALNUM('P'), ALNUM('Q'), ALNUM('R'), ALNUM('S'), ALNUM('T'), ALNUM('U'),
    ALNUM('V'), ALNUM('W'), ALNUM('X'), ALNUM('Y'), ALNUM('Z'),
};
#undef ALNUM

static size_t count_ascii(const unsigned char *s, size_t len)
{
    size_t words = 0;
    const unsigned char *last = NULL;   /* the previous letter or digit */
    const unsigned char *p = s, *end = s + len;
    for (;;) {
        while (p < end && !ascii_alnum[*p])
            p++;
        if (p == end)
            return words;
        /* a run of letters and digits: one word, unless the gap before
         * it joins it to the previous run; within it nothing need be asked */
        if (!last || !ascii_joined(last, p))
            words++;
        while (p < end && ascii_alnum[*p])
            p++;
        last = p - 1;
    }
}

static bool is_cjk(ucs4_t uc)
{
    return uc_is_property_ideographic(uc) || (uc >= 0x3040 && uc <= 0x30FF) ||
           (uc >= 0x0E00 && uc <= 0x0E7F);
}

/* libunistring over one piece; `breaks` holds at least `len` bytes. */
static size_t count_unicode(const uint8_t *s, size_t len, char *breaks, size_t *cjk_chars)
{
    u8_wordbreaks(s, len, breaks);
    size_t words = 0;
    bool counted = false;
    for (size_t i = 0; i < len;) {
        ucs4_t uc;
        int n = u8_mbtouc(&uc, s + i, len - i);
        if (breaks[i])
            counted = false;
        if (!counted && (uc_is_alpha(uc) || uc_is_digit(uc))) {
            words++;
            counted = true;
        }
        if (is_cjk(uc))
            (*cjk_chars)++;
        i += n > 0 ? (size_t)n : 1;
    }
    return words;
}

/* The end of the piece that starts at `start`: after the white space that
 * precedes an ASCII character (or the end of the text). */
static size_t piece_end(const unsigned char *s, size_t len, size_t start)
{
    size_t i = start;
    for (;;) {
        while (i < len && !is_cut_space(s[i]))
            i++;
        while (i < len && is_cut_space(s[i]))
            i++;
        if (i >= len || s[i] < 0x80)
            return i;
    }
}

/* Does a piece start at s[i + 1] (white space at i, an ASCII character
 * other than white space after it)? */
static bool cut_after(const unsigned char *s, size_t len, size_t i)
{
    return is_cut_space(s[i]) && i + 1 < len && s[i + 1] < 0x80 && !is_cut_space(s[i + 1]);
}

size_t words_count(const char *text, size_t *cjk_chars)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), words = 0;
    char *breaks = NULL;
    *cjk_chars = 0;
    /* ASCII pieces in a row are counted together (the rules break at the
     * white space between them anyway): [start, cut) is such a run, and
     * cut the start of the piece being read. */
    size_t start = 0, cut = 0;
    if (ascii_prefix(s, len) == len)
        return count_ascii(s, len);   /* all ASCII: one run */
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80) {
            if (cut_after(s, len, i))
                cut = i + 1;
            continue;
        }
        words += count_ascii(s + start, cut - start);
        size_t end = piece_end(s, len, cut);
        if (!breaks && !(breaks = malloc(len))) {
            *cjk_chars = 0;
            return 0;
        }
        words += count_unicode(s + cut, end - cut, breaks, cjk_chars);
        start = cut = end;
        i = end - 1;
    }
    words += count_ascii(s + start, len - start);
    free(breaks);
    return words;
}
