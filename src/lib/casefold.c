/*
 * casefold.c — case folding to NFC (see casefold.h).
 *
 * The clutter passes fold every short box's text to match it against
 * phrase tables, and u8_casefold (case mapping, then two normalisation
 * passes) cost as much per character as the rest of the extraction. Most
 * text is ASCII plus a few Latin, Greek or Cyrillic letters, quotes,
 * dashes, symbols and emoji. For those characters the folded NFC form of
 * the whole text is the folded NFC form of each character in turn: each
 * folds on its own (no language, no context) to one character that is a
 * starter (combining class 0), and no two such starters compose (canonical
 * compositions of two starters exist only in Hangul and the Brahmic
 * scripts). A table holds each such character's fold, taken from
 * u8_casefold itself; a text with any other character goes to u8_casefold
 * whole.
 * tests/unit/test_casefold.c compares the two.
 */
#include "casefold.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* The table covers these spans of 256-character pages: Latin, Greek,
 * Cyrillic, Armenian, Hebrew (U+0000-U+05FF); punctuation, currency,
 * letterlike, arrows, mathematical and other symbols (U+2000-U+2BFF);
 * half- and full-width forms and the replacement character (U+FF00-U+FFFF);
 * emoji and pictographs (U+1F000-U+1FAFF). */
static const struct {
    unsigned from, to;
} spans[] = {{0x00, 0x05}, {0x20, 0x2B}, {0xFF, 0xFF}, {0x1F0, 0x1FA}};
#define PAGES 30   /* pages in the spans */

/* Each page is filled the first time a text needs it (a few thousand
 * u8_casefold calls for all of them would cost a one-page run more than
 * it saves), under one lock, then read without it. */
static ucs4_t folds[PAGES][256];   /* 0: not folded here */
static atomic_bool filled[PAGES];
static pthread_mutex_t fill_lock = PTHREAD_MUTEX_INITIALIZER;

#define LAST_PAGE 0x1FA   /* the spans' last page */

/* The index of each page up to LAST_PAGE, or -1 (index_pages). */
static int8_t page_index[LAST_PAGE + 1];
static pthread_once_t pages_indexed = PTHREAD_ONCE_INIT;
static atomic_bool pages_ready;

static void index_pages(void)
{
    memset(page_index, -1, sizeof page_index);
    int base = 0;
    for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++)
        for (unsigned page = spans[s].from; page <= spans[s].to; page++)
            page_index[page] = (int8_t)(base++);
}

/* Index of the page holding uc, or -1: a table by page number, as a text
 * with dashes, quotes and emoji asks for each such character. */
static inline int page_of(ucs4_t uc)
{
    unsigned page = uc >> 8;
    if (page <= spans[0].to)   /* Latin to Hebrew, most of what is met */
        return (int)page;
    if (page > LAST_PAGE)
        return -1;
    if (!atomic_load_explicit(&pages_ready, memory_order_acquire)) {
        pthread_once(&pages_indexed, index_pages);
        atomic_store_explicit(&pages_ready, true, memory_order_release);
    }
    return page_index[page];
}

/* A fold the table may hold: one starter, outside the scripts where two
 * starters compose (Hangul and the Brahmic scripts). */
static bool safe_fold(ucs4_t uc, ucs4_t fold)
{
    return uc_combining_class(uc) == 0 && uc_combining_class(fold) == 0 &&
           (fold < 0x0900 || (fold >= 0x2000 && fold < 0x2C00) || (fold >= 0xFF00 && fold < 0x10000) ||
            (fold >= 0x1F000 && fold < 0x1FB00));
}

static void fill_page(int index, ucs4_t first)
{
    for (ucs4_t uc = first; uc < first + 256; uc++) {
        uint8_t in[4];
        int n = u8_uctomb(in, uc, sizeof in);
        size_t len = 0;
        uint8_t *out = n > 0 ? u8_casefold(in, (size_t)n, NULL, UNINORM_NFC, NULL, &len) : NULL;
        ucs4_t fold;
        if (out && len > 0 && u8_mbtouc(&fold, out, len) == (int)len && safe_fold(uc, fold))
            folds[index][uc & 0xFF] = fold;
        free(out);
    }
}

/* Fill the page holding uc unless another thread did. */
__attribute__((noinline)) static void fill_page_once(int page, ucs4_t uc)
{
    pthread_mutex_lock(&fill_lock);
    if (!atomic_load_explicit(&filled[page], memory_order_relaxed)) {
        fill_page(page, uc & ~(ucs4_t)0xFF);
        atomic_store_explicit(&filled[page], true, memory_order_release);
    }
    pthread_mutex_unlock(&fill_lock);
}

/* The table's fold of uc, or 0. Inline: texts beyond ASCII ask it of
 * every such character. */
static inline ucs4_t table_fold(ucs4_t uc)
{
    int page = page_of(uc);
    if (page < 0)
        return 0;
    if (!atomic_load_explicit(&filled[page], memory_order_acquire))
        fill_page_once(page, uc);
    return folds[page][uc & 0xFF];
}

static char *casefold_slow(const char *s, size_t n, size_t *len)
{
    uint8_t *f = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFC, NULL, len);
    uint8_t *terminated = f ? realloc(f, *len + 1) : NULL;
    if (!terminated) {
        free(f);
        *len = 0;
        return NULL;
    }
    terminated[*len] = '\0';
    return (char *)terminated;
}

#define ASCII_HIGH 0x8080808080808080u
#define BYTES(b) (0x0101010101010101u * (b))

/* Eight ASCII bytes lower-cased at once: a byte's high bit, after adding
 * 0x80 - 'A', says it is 'A' or above, after adding 0x80 - 'Z' - 1 that
 * it is above 'Z' (no sum carries into the next byte: each is below 0x80). */
static uint64_t lower_ascii8(uint64_t w)
{
    uint64_t upper = (w + BYTES(0x80 - 'A')) & ~(w + BYTES(0x80 - 'Z' - 1)) & ASCII_HIGH;
    return w | upper >> 2;
}

/* A valid two-, three- or four-byte UTF-8 sequence at s (n bytes left):
 * its length, with its code point in *uc; 0 for anything else (invalid
 * bytes go to u8_mbtouc). Text beyond ASCII is mostly Latin, Greek and
 * Cyrillic letters, punctuation (two and three bytes) and emoji (four). */
static int decode_short(const unsigned char *s, size_t n, ucs4_t *uc)
{
    unsigned char c = s[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *uc = (ucs4_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
            return 0;   /* overlong, or past U+10FFFF */
        *uc = (ucs4_t)(c & 0x07) << 18 | (ucs4_t)(s[1] & 0x3F) << 12 | (ucs4_t)(s[2] & 0x3F) << 6 |
              (s[3] & 0x3F);
        return 4;
    }
    if (c < 0xE0 || c > 0xEF || n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
        return 0;   /* overlong, or a surrogate */
    *uc = (ucs4_t)(c & 0x0F) << 12 | (ucs4_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    return 3;
}

char *casefold_nfc(const char *s, size_t n, size_t *len)
{
    *len = 0;
    /* The fast path writes no more bytes than it reads: a table fold longer
     * than its character sends the text to u8_casefold. */
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    /* Most characters fold to themselves: copied at once here, each is
     * written again only once a fold has made the text shorter (o < i). */
    memcpy(out, s, n);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (n - i >= 8 && (memcpy(&w, s + i, 8), !(w & ASCII_HIGH))) {
            w = lower_ascii8(w);
            memcpy(out + o, &w, 8);
            o += 8;
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            i++;
            continue;
        }
        ucs4_t uc, fold;
        int k = decode_short((const unsigned char *)s + i, n - i, &uc);
        if (k > 0 && (fold = table_fold(uc)) == uc) {   /* folds to itself */
            for (int b = 0; o != i && b < k; b++)
                out[o + (size_t)b] = s[i + (size_t)b];
            o += (size_t)k;
            i += (size_t)k;
            continue;
        }
        if (k == 0) {
            k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
            /* u8_mbtouc reads invalid bytes as U+FFFD: only a real one is one */
            bool valid = k > 0 && (uc != 0xFFFD || (k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0));
            fold = valid ? table_fold(uc) : 0;
        }
        uint8_t enc[4];
        int m = fold ? u8_uctomb(enc, fold, sizeof enc) : -1;
        if (m <= 0 || m > k) {   /* not in the table, or longer than it was */
            free(out);
            return casefold_slow(s, n, len);
        }
        memcpy(out + o, enc, (size_t)m);
        o += (size_t)m;
        i += (size_t)k;
    }
    out[o] = '\0';
    *len = o;
    return out;
}
