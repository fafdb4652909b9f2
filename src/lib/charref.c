/*
 * charref.c — character references written as their characters (see
 * charref.h).
 *
 * Gumbo decodes a reference in several hundred instructions (a longest
 * match over its table of names, then the character pushed back into its
 * input), where a character written as it is costs it a few dozen: on a
 * page dense with references ("&quot;", "&nbsp;", "&#8217;") decoding was
 * a third of the parse. The pre-scan hands Gumbo the characters instead,
 * for the references whose reading is certain:
 *   - complete references only, ending in ';': a name of the table below
 *     (HTML 4's entities, which every HTML parser knows, and "apos", with
 *     the values of the HTML Standard's table that Gumbo 0.10 uses), or a
 *     decimal or hexadecimal number;
 *   - that stand for a character Gumbo keeps as it is when read as raw
 *     UTF-8: U+00A0 and above, not a surrogate or a noncharacter (numbers
 *     such as &#0; or &#150; are replaced, and stay for Gumbo to replace);
 *   - or for one of the few ASCII characters that mean nothing where they
 *     land: '>' and the quote not closing the value; '&' only before a byte
 *     that cannot start a reference (HTML Standard §13.2.5.72: anything
 *     but an ASCII letter, digit or '#'); '<' in text only where no tag,
 *     comment or end tag can start (§13.2.5.6: not before a letter, '!',
 *     '/' or '?'; in an attribute value '<' is plain).
 * Letters, digits, '#' and ';' are never written: next to a reference left
 * as written they could change how far it reaches ("&not&#105;n" is not
 * "&notin"). As nothing written is a letter, digit or '#', a character
 * written after a reference left alone ends it where the reference after
 * it ended it before. tests/unit/test_prescan.c parses every name, and the
 * neighbourhoods above, both ways and compares Gumbo's trees.
 */
#include "charref.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* HTML 4.01's 252 entities and "apos", with
 * the characters of the HTML Standard's named character references (which
 * differ from HTML 4 for "lang" and "rang"). */
static const struct {
    char name[9];
    uint32_t cp;
} named[] = {
    {"AElig", 0xC6}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Agrave", 0xC0}, {"Alpha", 0x391},
    {"Aring", 0xC5}, {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Beta", 0x392}, {"Ccedil", 0xC7},
    {"Chi", 0x3A7}, {"Dagger", 0x2021}, {"Delta", 0x394}, {"ETH", 0xD0}, {"Eacute", 0xC9},
    {"Ecirc", 0xCA}, {"Egrave", 0xC8}, {"Epsilon", 0x395}, {"Eta", 0x397}, {"Euml", 0xCB},
    {"Gamma", 0x393}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Igrave", 0xCC}, {"Iota", 0x399},
    {"Iuml", 0xCF}, {"Kappa", 0x39A}, {"Lambda", 0x39B}, {"Mu", 0x39C}, {"Ntilde", 0xD1},
    {"Nu", 0x39D}, {"OElig", 0x152}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Ograve", 0xD2},
    {"Omega", 0x3A9}, {"Omicron", 0x39F}, {"Oslash", 0xD8}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
    {"Phi", 0x3A6}, {"Pi", 0x3A0}, {"Prime", 0x2033}, {"Psi", 0x3A8}, {"Rho", 0x3A1},
    {"Scaron", 0x160}, {"Sigma", 0x3A3}, {"THORN", 0xDE}, {"Tau", 0x3A4}, {"Theta", 0x398},
    {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Ugrave", 0xD9}, {"Upsilon", 0x3A5}, {"Uuml", 0xDC},
    {"Xi", 0x39E}, {"Yacute", 0xDD}, {"Yuml", 0x178}, {"Zeta", 0x396}, {"aacute", 0xE1},
    {"acirc", 0xE2}, {"acute", 0xB4}, {"aelig", 0xE6}, {"agrave", 0xE0}, {"alefsym", 0x2135},
    {"alpha", 0x3B1}, {"amp", 0x26}, {"and", 0x2227}, {"ang", 0x2220}, {"apos", 0x27},
    {"aring", 0xE5}, {"asymp", 0x2248}, {"atilde", 0xE3}, {"auml", 0xE4}, {"bdquo", 0x201E},
    {"beta", 0x3B2}, {"brvbar", 0xA6}, {"bull", 0x2022}, {"cap", 0x2229}, {"ccedil", 0xE7},
    {"cedil", 0xB8}, {"cent", 0xA2}, {"chi", 0x3C7}, {"circ", 0x2C6}, {"clubs", 0x2663},
    {"cong", 0x2245}, {"copy", 0xA9}, {"crarr", 0x21B5}, {"cup", 0x222A}, {"curren", 0xA4},
    {"dArr", 0x21D3}, {"dagger", 0x2020}, {"darr", 0x2193}, {"deg", 0xB0}, {"delta", 0x3B4},
    {"diams", 0x2666}, {"divide", 0xF7}, {"eacute", 0xE9}, {"ecirc", 0xEA}, {"egrave", 0xE8},
    {"empty", 0x2205}, {"emsp", 0x2003}, {"ensp", 0x2002}, {"epsilon", 0x3B5}, {"equiv", 0x2261},
    {"eta", 0x3B7}, {"eth", 0xF0}, {"euml", 0xEB}, {"euro", 0x20AC}, {"exist", 0x2203},
    {"fnof", 0x192}, {"forall", 0x2200}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
    {"frasl", 0x2044}, {"gamma", 0x3B3}, {"ge", 0x2265}, {"gt", 0x3E}, {"hArr", 0x21D4},
    {"harr", 0x2194}, {"hearts", 0x2665}, {"hellip", 0x2026}, {"iacute", 0xED}, {"icirc", 0xEE},
    {"iexcl", 0xA1}, {"igrave", 0xEC}, {"image", 0x2111}, {"infin", 0x221E}, {"int", 0x222B},
    {"iota", 0x3B9}, {"iquest", 0xBF}, {"isin", 0x2208}, {"iuml", 0xEF}, {"kappa", 0x3BA},
    {"lArr", 0x21D0}, {"lambda", 0x3BB}, {"lang", 0x27E8}, {"laquo", 0xAB}, {"larr", 0x2190},
    {"lceil", 0x2308}, {"ldquo", 0x201C}, {"le", 0x2264}, {"lfloor", 0x230A}, {"lowast", 0x2217},
    {"loz", 0x25CA}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x3C},
    {"macr", 0xAF}, {"mdash", 0x2014}, {"micro", 0xB5}, {"middot", 0xB7}, {"minus", 0x2212},
    {"mu", 0x3BC}, {"nabla", 0x2207}, {"nbsp", 0xA0}, {"ndash", 0x2013}, {"ne", 0x2260},
    {"ni", 0x220B}, {"not", 0xAC}, {"notin", 0x2209}, {"nsub", 0x2284}, {"ntilde", 0xF1},
    {"nu", 0x3BD}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"oelig", 0x153}, {"ograve", 0xF2},
    {"oline", 0x203E}, {"omega", 0x3C9}, {"omicron", 0x3BF}, {"oplus", 0x2295}, {"or", 0x2228},
    {"ordf", 0xAA}, {"ordm", 0xBA}, {"oslash", 0xF8}, {"otilde", 0xF5}, {"otimes", 0x2297},
    {"ouml", 0xF6}, {"para", 0xB6}, {"part", 0x2202}, {"permil", 0x2030}, {"perp", 0x22A5},
    {"phi", 0x3C6}, {"pi", 0x3C0}, {"piv", 0x3D6}, {"plusmn", 0xB1}, {"pound", 0xA3},
    {"prime", 0x2032}, {"prod", 0x220F}, {"prop", 0x221D}, {"psi", 0x3C8}, {"quot", 0x22},
    {"rArr", 0x21D2}, {"radic", 0x221A}, {"rang", 0x27E9}, {"raquo", 0xBB}, {"rarr", 0x2192},
    {"rceil", 0x2309}, {"rdquo", 0x201D}, {"real", 0x211C}, {"reg", 0xAE}, {"rfloor", 0x230B},
    {"rho", 0x3C1}, {"rlm", 0x200F}, {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"scaron", 0x161}, {"sdot", 0x22C5}, {"sect", 0xA7}, {"shy", 0xAD}, {"sigma", 0x3C3},
    {"sigmaf", 0x3C2}, {"sim", 0x223C}, {"spades", 0x2660}, {"sub", 0x2282}, {"sube", 0x2286},
    {"sum", 0x2211}, {"sup", 0x2283}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3},
    {"supe", 0x2287}, {"szlig", 0xDF}, {"tau", 0x3C4}, {"there4", 0x2234}, {"theta", 0x3B8},
    {"thetasym", 0x3D1}, {"thinsp", 0x2009}, {"thorn", 0xFE}, {"tilde", 0x2DC}, {"times", 0xD7},
    {"trade", 0x2122}, {"uArr", 0x21D1}, {"uacute", 0xFA}, {"uarr", 0x2191}, {"ucirc", 0xFB},
    {"ugrave", 0xF9}, {"uml", 0xA8}, {"upsih", 0x3D2}, {"upsilon", 0x3C5}, {"uuml", 0xFC},
    {"weierp", 0x2118}, {"xi", 0x3BE}, {"yacute", 0xFD}, {"yen", 0xA5}, {"yuml", 0xFF},
    {"zeta", 0x3B6}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

#define LONGEST_NAME 8

/* A name of up to eight bytes as one number, a byte at a time. */
static uint64_t name_key(const char *s, size_t n)
{
    uint64_t key = 0;
    for (size_t i = 0; i < n; i++)
        key = key << 8 | (unsigned char)s[i];
    return key;
}

/* The names by key in an open-addressed table, filled on first use: a
 * look-up is a multiplication and a comparison or two. */
#define SLOTS 512   /* a power of two, twice the names */
static struct {
    uint64_t key;   /* 0: empty */
    uint32_t cp;
} slots[SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;
static atomic_bool slots_filled;

static size_t slot_of(uint64_t key)
{
    return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 55);   /* the top 9 bits */
}

static void fill_slots(void)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        uint64_t key = name_key(named[i].name, strlen(named[i].name));
        size_t at = slot_of(key);
        while (slots[at].key)
            at = (at + 1) & (SLOTS - 1);
        slots[at].key = key;
        slots[at].cp = named[i].cp;
    }
    atomic_store_explicit(&slots_filled, true, memory_order_release);
}

/* The character of the name whose key is given, or 0. */
static uint32_t named_char(uint64_t key)
{
    if (!atomic_load_explicit(&slots_filled, memory_order_acquire))
        pthread_once(&slots_once, fill_slots);
    for (size_t at = slot_of(key); slots[at].key; at = (at + 1) & (SLOTS - 1))
        if (slots[at].key == key)
            return slots[at].cp;
    return 0;
}

/* ASCII letters and digits: the bytes of names, and those that would
 * carry a reference on. A table, as every byte of every name asks. */
#define A_(c) [c] = true
static const bool alnum[256] = {
    A_('0'), A_('1'), A_('2'), A_('3'), A_('4'), A_('5'), A_('6'), A_('7'), A_('8'), A_('9'),
    A_('A'), A_('B'), A_('C'), A_('D'), A_('E'), A_('F'), A_('G'), A_('H'), A_('I'), A_('J'), A_('K'), A_('L'), A_('M'),
    A_('N'), A_('O'), A_('P'), A_('Q'), A_('R'), A_('S'), A_('T'), A_('U'), A_('V'), A_('W'), A_('X'), A_('Y'), A_('Z'),
    A_('a'), A_('b'), A_('c'), A_('d'), A_('e'), A_('f'), A_('g'), A_('h'), A_('i'), A_('j'), A_('k'), A_('l'), A_('m'),
    A_('n'), A_('o'), A_('p'), A_('q'), A_('r'), A_('s'), A_('t'), A_('u'), A_('v'), A_('w'), A_('x'), A_('y'), A_('z'),
};
#undef A_

/* The value of c as a digit of the base (10 or 16), or -1. */
static int digit(unsigned char c, unsigned base)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The number of "&#...;" at s (n bytes), with its length in *len; 0 for
 * anything else. Eight digits at most (leading zeros included): larger
 * numbers are no character anyway. */
static uint32_t numeric_char(const char *s, size_t n, size_t *len)
{
    unsigned base = n > 2 && (s[2] | 0x20) == 'x' ? 16 : 10;
    size_t first = base == 16 ? 3 : 2, i = first;
    uint32_t cp = 0;
    for (int d; i < n && i - first < 8 && (d = digit((unsigned char)s[i], base)) >= 0; i++)
        cp = cp * base + (uint32_t)d;
    if (i == first || i >= n || s[i] != ';')
        return 0;
    *len = i + 1;
    return cp;
}

/* The character of the complete reference at s, with its length; 0 when
 * it is not one this file reads. */
static uint32_t reference_char(const char *s, size_t n, size_t *len)
{
    if (n < 4)
        return 0;
    if (s[1] == '#')
        return numeric_char(s, n, len);
    size_t i = 1;
    uint64_t key = 0;
    for (; i < n && i <= LONGEST_NAME && alnum[(unsigned char)s[i]]; i++)
        key = key << 8 | (unsigned char)s[i];
    if (i == 1 || i >= n || s[i] != ';')
        return 0;
    *len = i + 1;
    return named_char(key);
}

/* Read by Gumbo as itself when written as UTF-8 (no replacement). */
static bool plain_char(uint32_t cp)
{
    return cp >= 0xA0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) &&
           (cp < 0xFDD0 || cp > 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
}

static size_t utf8(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* May the ASCII character c be written for the reference, `next` being
 * the byte after it (0 at the end of the text or value)? */
/* HTML white space, which ends no reference and starts none. */
static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* How far back a letter or digit looks for what it could carry on: past
 * the longest name or number any parser reads as one, it refuses. */
#define LOOKBACK 40

/* The byte `back` places (1 = the last) before the reference, or -1 when
 * nothing is written before it. */
static int byte_before(const charref_before *b, size_t back)
{
    if (back <= b->pending_len)
        return (unsigned char)b->pending[b->pending_len - back];
    back -= b->pending_len;
    return back <= b->written_len ? (unsigned char)b->written[b->written_len - back] : -1;
}

/* May a letter or digit follow `before`? Not where it would carry on a
 * reference or start a tag: the bytes before it, back over letters,
 * digits and '#', must not reach an '&' or a '<' (nor a '/', '!' or '?'
 * that one could follow). */
static bool letter_may_follow(const charref_before *before)
{
    for (size_t back = 1; back <= LOOKBACK; back++) {
        int c = byte_before(before, back);
        if (c < 0)
            return true;
        if (alnum[c] || c == '#')
            continue;
        return c != '&' && c != '<' && c != '/' && c != '!' && c != '?';
    }
    return false;
}

/* May the ASCII character c be written for the reference, `next` being
 * the byte after it (0 at the end of the text or value)? In text, '&' and
 * '<' want a byte after them in the same text: at its end a tag follows,
 * which the pre-scan may cut out (nesting too deep), and the text after
 * it would be what comes next. */
static bool plain_ascii(uint32_t c, unsigned char next, charref_place place,
                        const charref_before *before)
{
    if (alnum[c])
        return letter_may_follow(before);
    switch (c) {
    case '>':
        return true;
    case '"':
        return place != CHARREF_DOUBLE_QUOTED;
    case '\'':
        return place != CHARREF_SINGLE_QUOTED;
    case '&':
        if (place == CHARREF_TEXT)
            return is_space(next) || next == '&';
        return !alnum[next] && next != '#';
    case '<':
        if (place != CHARREF_TEXT)
            return true;
        return next && !((next | 0x20) >= 'a' && (next | 0x20) <= 'z') && next != '!' &&
               next != '/' && next != '?';
    default:
        return false;
    }
}

size_t charref_as_char(const char *s, size_t n, charref_place place, const charref_before *before,
                       char out[4], size_t *ref_len)
{
    size_t len = 0;
    uint32_t cp = reference_char(s, n, &len);
    if (!cp)
        return 0;
    if (cp < 0x80 ? !plain_ascii(cp, len < n ? (unsigned char)s[len] : 0, place, before)
                  : !plain_char(cp))
        return 0;
    *ref_len = len;
    return utf8(cp, out);
}
