/*
 * wordcount.c — words by Unicode word breaks (UAX #29, libunistring).
 *
 * Every article's text is counted, so this runs over every byte the reader
 * shows. libunistring's u8_wordbreaks costs about as much per byte as the
 * Gumbo parse; most text is ASCII, where the rules that can join two
 * letters or digits into one word are few and local. The text is cut into
 * pieces at whitespace followed by an ASCII character, where UAX #29 always
 * breaks and no rule looks across; pieces of simple characters (ASCII, and
 * beyond it the letters that join as ASCII letters do and the symbols and
 * punctuation that break as ASCII punctuation does: accented prose, dashes,
 * ellipses) are counted directly by those rules, the others by
 * libunistring. The counts are the same as libunistring's over the whole
 * text (tests/unit/test_wordcount.c compares them).
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
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* UAX #29 breaks before every one of these, and no rule reads past them. */
static bool is_cut_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* What one character between two letters or digits can be to UAX #29:
 * MidLetter (: ·), MidNum (, ;), MidNumLet or Single_Quote (. ' ’), which
 * for any letter but Hebrew (never counted here) act alike. */
enum { MID_NONE, MID_LETTER, MID_NUM, MID_NUMLET };

static int ascii_mid(unsigned char c)
{
    switch (c) {
    case ':': return MID_LETTER;
    case ',': case ';': return MID_NUM;
    case '.': case '\'': return MID_NUMLET;
    default: return MID_NONE;
    }
}

/* Are two letters or digits with one such character between them one
 * word? `prev` and `next` say what they are: 'a' a letter, '0' a digit.
 * WB6/7: MidLetter or MidNumLet between letters; WB11/12: MidNum or
 * MidNumLet between digits. */
static bool joined_across(int prev, int mid, int next)
{
    if (prev == 'a' && next == 'a')
        return mid == MID_LETTER || mid == MID_NUMLET;
    if (prev == '0' && next == '0')
        return mid == MID_NUM || mid == MID_NUMLET;
    return false;
}

/* Is the gap between two letters or digits nothing or underscores only?
 * WB5, WB8-10: adjacent letters and digits; WB13a/b: underscores
 * (ExtendNumLet). */
static bool joined_directly(const unsigned char *gap, const unsigned char *end)
{
    while (gap < end && *gap == '_')
        gap++;
    return gap == end;
}

/* Does UAX #29 keep the two together across the ASCII [gap, end)? Any
 * other character in the gap parts them. */
static bool joined(int prev, const unsigned char *gap, const unsigned char *end, int next)
{
    if (end - gap != 1)
        return joined_directly(gap, end);
    return *gap == '_' || joined_across(prev, ascii_mid(*gap), next);
}

/* ASCII letters and digits: the table makes the test one look-up, as
 * count_ascii asks it of every byte. */
#define ALNUM_(c) [c] = 1
static const uint8_t ascii_alnum[256] = {
    ALNUM_('0'), ALNUM_('1'), ALNUM_('2'), ALNUM_('3'), ALNUM_('4'), ALNUM_('5'), ALNUM_('6'),
    ALNUM_('7'), ALNUM_('8'), ALNUM_('9'),
    ALNUM_('A'), ALNUM_('B'), ALNUM_('C'), ALNUM_('D'), ALNUM_('E'), ALNUM_('F'), ALNUM_('G'),
    ALNUM_('H'), ALNUM_('I'), ALNUM_('J'), ALNUM_('K'), ALNUM_('L'), ALNUM_('M'), ALNUM_('N'),
    ALNUM_('O'), ALNUM_('P'), ALNUM_('Q'), ALNUM_('R'), ALNUM_('S'), ALNUM_('T'), ALNUM_('U'),
    ALNUM_('V'), ALNUM_('W'), ALNUM_('X'), ALNUM_('Y'), ALNUM_('Z'),
    ALNUM_('a'), ALNUM_('b'), ALNUM_('c'), ALNUM_('d'), ALNUM_('e'), ALNUM_('f'), ALNUM_('g'),
    ALNUM_('h'), ALNUM_('i'), ALNUM_('j'), ALNUM_('k'), ALNUM_('l'), ALNUM_('m'), ALNUM_('n'),
    ALNUM_('o'), ALNUM_('p'), ALNUM_('q'), ALNUM_('r'), ALNUM_('s'), ALNUM_('t'), ALNUM_('u'),
    ALNUM_('v'), ALNUM_('w'), ALNUM_('x'), ALNUM_('y'), ALNUM_('z'),
};
#undef ALNUM_

static int ascii_kind(unsigned char c)
{
    return !ascii_alnum[c] ? 0 : c <= '9' ? '0' : 'a';
}

/* Characters that may join two runs of letters and digits into one word
 * (joined: the underscore, and the MidLetter, MidNum and MidNumLet ones);
 * a run after any other character starts a word. */
static bool may_join(unsigned char c)
{
    return c == '_' || ascii_mid(c) != MID_NONE;
}

/* Does the run of letters and digits at s[p] (p > 0, after a character
 * that may join) make one word with the run before it? False when there
 * is none. The gap is read back to that run: each gap once, as only the
 * run after it asks. */
static bool joins_previous(const unsigned char *s, size_t p)
{
    size_t gap = p;
    while (gap > 0 && !ascii_alnum[s[gap - 1]])
        gap--;
    if (gap == 0)
        return false;
    return joined(ascii_kind(s[gap - 1]), s + gap, s + p, ascii_kind(s[p]));
}

/* Does the run starting at s[p] (s[p - 1] no letter or digit) start a
 * word? */
static bool starts_word(const unsigned char *s, size_t p)
{
    return p == 0 || !may_join(s[p - 1]) || !joins_previous(s, p);
}

/* Run by run: inside a run of letters and digits no rule can break, so
 * only a run's first character asks whether it starts a word. The runs'
 * starts are found sixteen bytes at a time where SSE2 is (every x86-64
 * has it), a letter or digit after none; the rest byte by byte. */
static size_t count_ascii(const unsigned char *s, size_t len)
{
    size_t words = 0, i = 0;
#ifdef __SSE2__
    unsigned carry = 0;   /* 1: the byte before the block is a letter or digit */
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i digit = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8('0')), v),
                                      _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('9')), v));
        __m128i letter = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(folded, _mm_set1_epi8('a')), folded),
                                       _mm_cmpeq_epi8(_mm_min_epu8(folded, _mm_set1_epi8('z')), folded));
        unsigned alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, letter));
        unsigned starts = alnum & ~((alnum << 1) | carry);
        carry = (alnum >> 15) & 1u;
        for (; starts; starts &= starts - 1)
            words += starts_word(s, i + (unsigned)__builtin_ctz(starts));
    }
#endif
    for (; i < len; i++)
        if (ascii_alnum[s[i]] && (i == 0 || !ascii_alnum[s[i - 1]]))
            words += starts_word(s, i);
    return words;
}

static bool is_cjk(ucs4_t uc)
{
    return uc_is_property_ideographic(uc) || (uc >= 0x3040 && uc <= 0x30FF) ||
           (uc >= 0x0E00 && uc <= 0x0E7F);
}

/* Characters beyond ASCII that the ASCII rules count as well: a letter of
 * word-break class ALetter joins as an ASCII letter does (WB5-WB13b name
 * only the class), and a character of class Other that is no letter or
 * digit has a break on both sides (WB999), as ASCII punctuation has. CJK
 * is counted apart. Marks, joiners and format characters (WB4 glues them
 * to what precedes), kana, Hebrew, other digits, mid-word punctuation,
 * quotes and regional indicators are not simple. */
enum { NOT_SIMPLE, SIMPLE_LETTER, SIMPLE_OTHER, SIMPLE_MID_LETTER, SIMPLE_MID_NUM,
       SIMPLE_MID_NUMLET };

static int simple_class(ucs4_t uc)
{
    if (is_cjk(uc))
        return NOT_SIMPLE;
    int wbp = uc_wordbreak_property(uc);
    bool alpha = uc_is_alpha(uc);
    if (wbp == WBP_ALETTER)
        return alpha ? SIMPLE_LETTER : NOT_SIMPLE;
    if (alpha || uc_is_digit(uc))
        return NOT_SIMPLE;
    switch (wbp) {
    case WBP_OTHER: return SIMPLE_OTHER;
    case WBP_MIDLETTER: return SIMPLE_MID_LETTER;
    case WBP_MIDNUM: return SIMPLE_MID_NUM;
    case WBP_MIDNUMLET: return SIMPLE_MID_NUMLET;
    default: return NOT_SIMPLE;
    }
}

/* The classes of the code points met last: prose repeats its few accented
 * letters and dashes. A slot per low byte keeps Latin-1's letters
 * (U+0080-00FF) apart from the dashes and quotes of U+2000-206F, which
 * text mixes (with 64 slots "é" and "©" took turns, each missing every
 * time). Slot 0 holds 0, an ASCII code point, never asked. */
#define CLASS_CACHE 256
typedef struct {
    ucs4_t cp[CLASS_CACHE];
    uint8_t cls[CLASS_CACHE];
} class_cache;

static int cached_class(class_cache *cache, ucs4_t uc)
{
    size_t slot = uc % CLASS_CACHE;
    if (cache->cp[slot] != uc) {
        cache->cp[slot] = uc;
        cache->cls[slot] = (uint8_t)simple_class(uc);
    }
    return cache->cls[slot];
}

/* Length of the simple character at s (not ASCII), or 0. */
static size_t simple_length(const unsigned char *s, size_t len, class_cache *cache)
{
    ucs4_t uc;
    int n = u8_mbtoucr(&uc, s, len);
    return n > 0 && cached_class(cache, uc) != NOT_SIMPLE ? (size_t)n : 0;
}

/* joined over a gap that may hold simple characters beyond ASCII: one
 * mid-word character of any script counts as an ASCII one would. */
static bool joined_simple(int prev, const unsigned char *gap, const unsigned char *end, int next,
                          class_cache *cache)
{
    if (gap == end || *gap < 0x80)
        return joined(prev, gap, end, next);
    ucs4_t uc;
    int k = u8_mbtoucr(&uc, gap, (size_t)(end - gap));
    if (k != end - gap)
        return false;   /* more than one character */
    switch (cached_class(cache, uc)) {
    case SIMPLE_MID_LETTER: return joined_across(prev, MID_LETTER, next);
    case SIMPLE_MID_NUM: return joined_across(prev, MID_NUM, next);
    case SIMPLE_MID_NUMLET: return joined_across(prev, MID_NUMLET, next);
    default: return false;
    }
}

/* count_ascii over simple characters: a letter beyond ASCII stands where
 * an ASCII letter would, a mid-word character where its ASCII kin would,
 * any other where ASCII punctuation would. */
static size_t count_simple(const unsigned char *s, size_t len, class_cache *cache)
{
    size_t words = 0, last_end = 0;
    int last = 0;   /* the previous letter or digit: 'a', '0', or 0 for none */
    for (size_t i = 0; i < len;) {
        int kind;
        size_t end;   /* of the letters and digits from i on */
        if (s[i] < 0x80) {
            if (!ascii_alnum[s[i]]) {
                i++;
                continue;
            }
            kind = ascii_kind(s[i]);
            for (end = i + 1; end < len && ascii_alnum[s[end]]; end++)
                ;   /* a run of them: joined throughout */
        } else {
            ucs4_t uc;
            int k = u8_mbtoucr(&uc, s + i, len - i);
            end = i + (k > 0 ? (size_t)k : 1);
            kind = k > 0 && cached_class(cache, uc) == SIMPLE_LETTER ? 'a' : 0;
            if (!kind) {
                i = end;
                continue;
            }
        }
        if (!last || !joined_simple(last, s + last_end, s + i, kind, cache))
            words++;
        last = s[end - 1] < 0x80 ? ascii_kind(s[end - 1]) : 'a';
        last_end = end;
        i = end;
    }
    return words;
}

/* libunistring over one piece; `breaks` holds at least `len` bytes. */
static size_t count_unicode(const uint8_t *s, size_t len, char *breaks, size_t *cjk_chars)
{
    u8_wordbreaks(s, len, breaks);
    size_t words = 0;
    bool counted = false;
    for (size_t i = 0; i < len;) {
        if (breaks[i])
            counted = false;
        if (s[i] < 0x80) {   /* ASCII: a table look-up, never CJK */
            if (!counted && ascii_alnum[s[i]]) {
                words++;
                counted = true;
            }
            i++;
            continue;
        }
        ucs4_t uc;
        int n = u8_mbtouc(&uc, s + i, len - i);
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

/* Where the piece holding s[i] starts: after the last white space in
 * [start, i) that an ASCII character other than white space follows, or
 * at `start`. Asked only when a character that is not simple turns up. */
static size_t piece_start(const unsigned char *s, size_t start, size_t i)
{
    for (size_t c = i; c > start + 1; c--)
        if (is_cut_space(s[c - 2]) && s[c - 1] < 0x80 && !is_cut_space(s[c - 1]))
            return c - 1;
    return start;
}

size_t words_count(const char *text, size_t *cjk_chars)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), words = 0;
    char *breaks = NULL;
    *cjk_chars = 0;
    if (ascii_prefix(s, len) == len)
        return count_ascii(s, len);   /* all ASCII: one run */
    /* Pieces of simple characters in a row are counted together (the rules
     * break at the white space between them anyway): [start, i) is such a
     * run. ASCII is passed over eight bytes at a time. */
    class_cache cache = {{0}, {0}};
    size_t start = 0;
    for (size_t i = 0;;) {
        i += ascii_prefix(s + i, len - i);
        if (i >= len)
            break;
        size_t simple = simple_length(s + i, len - i, &cache);
        if (simple) {
            i += simple;
            continue;
        }
        size_t cut = piece_start(s, start, i);
        words += count_simple(s + start, cut - start, &cache);
        size_t end = piece_end(s, len, cut);
        if (!breaks && !(breaks = malloc(len))) {
            *cjk_chars = 0;
            return 0;
        }
        words += count_unicode(s + cut, end - cut, breaks, cjk_chars);
        start = i = end;
    }
    words += count_simple(s + start, len - start, &cache);
    free(breaks);
    return words;
}
