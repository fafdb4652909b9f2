/*
 * wordset.h — exact look-up of a text in a short table of words.
 *
 * Several heuristics ask whether a whole text or class name is one of a
 * table's words ("advertisement", "loading...", "sr-only"), for every
 * element or short box of a page. Comparing with each entry (a strlen and
 * a memcmp apiece) cost more than the rest of the rule; a set indexed once
 * knows the lengths its words have and the bytes they open and end with,
 * so most texts are answered by a few bit tests and the rest are compared
 * only with the words of their length, which it keeps chained by length.
 */
#ifndef RM_WORDSET_H
#define RM_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WORDSET_MAX 128   /* words of one table (wordset_init asserts it) */
#define WORDSET_LONG 63   /* words of this length or more share one bit */

typedef struct {
    const char *const *words;
    size_t count;
    uint64_t lengths;                 /* bit min(len, WORDSET_LONG): a word of that length */
    uint8_t firsts[32];               /* bit per byte: some word opens with it,
                                         as written or lower-cased */
    uint8_t lasts[32];                /* the same for the bytes words end with */
    size_t longest;                   /* the longest word's length */
    uint32_t length_of[WORDSET_MAX];  /* each word's strlen */
    /* The words of one length in table order: the first, then each one's
     * next (-1: none); lengths from WORDSET_LONG on share one chain. */
    int16_t first_of_length[WORDSET_LONG + 1];
    int16_t next_of_length[WORDSET_MAX];
} wordset;

/* Index `count` (at most WORDSET_MAX) words; the table must outlive the set. */
void wordset_init(wordset *set, const char *const *words, size_t count);

/* Make `to` a filter of no words that wordset_may_hold lets through
 * every text that a or b may hold (`to` may be a or b): one test before
 * looking a text up in several sets. */
void wordset_union_filter(wordset *to, const wordset *a, const wordset *b);

/* The comparisons behind wordset_find and wordset_find_nocase, for a
 * text that wordset_may_hold lets through. */
size_t wordset_compare(const wordset *set, const char *text, size_t len);
size_t wordset_compare_nocase(const wordset *set, const char *text, size_t len);

static inline unsigned char wordset_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Can text[0..len) be one of the words, by its length and its first and
 * last bytes (`fold`: as lower-cased)? Inline: class names and short
 * boxes meet several sets each, and most are answered here. */
static inline bool wordset_may_hold(const wordset *set, const char *text, size_t len, bool fold)
{
    size_t slot = len < WORDSET_LONG ? len : WORDSET_LONG;
    if (!(set->lengths & (UINT64_C(1) << slot)))
        return false;
    if (len == 0)
        return true;
    unsigned char first = (unsigned char)text[0], last = (unsigned char)text[len - 1];
    if (fold) {
        first = wordset_lower(first);
        last = wordset_lower(last);
    }
    return ((set->firsts[first >> 3] >> (first & 7)) & 1) && ((set->lasts[last >> 3] >> (last & 7)) & 1);
}

/* The index of the first word equal to text[0..len), or set->count. */
static inline size_t wordset_find(const wordset *set, const char *text, size_t len)
{
    return wordset_may_hold(set, text, len, false) ? wordset_compare(set, text, len) : set->count;
}

/* The same, ASCII letters compared without case. */
static inline size_t wordset_find_nocase(const wordset *set, const char *text, size_t len)
{
    return wordset_may_hold(set, text, len, true) ? wordset_compare_nocase(set, text, len)
                                                 : set->count;
}

static inline bool wordset_has(const wordset *set, const char *text, size_t len)
{
    return wordset_find(set, text, len) < set->count;
}

#endif
