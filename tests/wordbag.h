/*
 * wordbag.h — multisets of words for the quality tests: words are Unicode
 * word-break segments holding a letter or digit, case-folded, so CJK text
 * counts per character and Latin text per word.
 */
#ifndef RM_WORDBAG_H
#define RM_WORDBAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwbrk.h>

typedef struct {
    char *word;
    int count;
} slot;

typedef struct {
    slot *slots;
    size_t cap, total;
} bag;

static inline uint64_t bag_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static inline slot *bag_find(bag *b, const char *w, size_t n)
{
    size_t i = bag_hash(w, n) & (b->cap - 1);
    while (b->slots[i].word && !(strlen(b->slots[i].word) == n && memcmp(b->slots[i].word, w, n) == 0))
        i = (i + 1) & (b->cap - 1);
    return &b->slots[i];
}

static inline void bag_add(bag *b, const char *w, size_t n)
{
    if (b->total * 2 >= b->cap) {
        bag grown = {calloc(b->cap * 2, sizeof(slot)), b->cap * 2, 0};
        for (size_t i = 0; i < b->cap; i++)
            if (b->slots[i].word) {
                *bag_find(&grown, b->slots[i].word, strlen(b->slots[i].word)) = b->slots[i];
                grown.total++;
            }
        free(b->slots);
        *b = grown;
    }
    slot *s = bag_find(b, w, n);
    if (!s->word) {
        s->word = strndup(w, n);
        b->total++;
    }
    s->count++;
}

static inline void bag_free(bag *b)
{
    for (size_t i = 0; i < b->cap; i++)
        free(b->slots[i].word);
    free(b->slots);
}

static inline size_t bag_fill(bag *b, const char *text)
{
    b->cap = 1024;
    b->total = 0;
    b->slots = calloc(b->cap, sizeof(slot));
    size_t folded_len = 0, words = 0;
    uint8_t *f = u8_casefold((const uint8_t *)text, strlen(text), NULL, UNINORM_NFC, NULL, &folded_len);
    if (!f || folded_len == 0) {
        free(f);
        return 0;
    }
    char *breaks = malloc(folded_len);
    u8_wordbreaks(f, folded_len, breaks);
    size_t start = 0;
    bool has_alnum = false;
    for (size_t i = 0; i <= folded_len;) {
        if (i == folded_len || (breaks[i] && i > start)) {
            if (has_alnum) {
                bag_add(b, (const char *)f + start, i - start);
                words++;
            }
            start = i;
            has_alnum = false;
            if (i == folded_len)
                break;
        }
        ucs4_t uc;
        int n = u8_mbtouc(&uc, f + i, folded_len - i);
        if (uc_is_alnum(uc))
            has_alnum = true;
        i += n > 0 ? (size_t)n : 1;
    }
    free(breaks);
    free(f);
    return words;
}

/* Multiset overlap of the words of `got` and `want`. */
static inline void bag_compare(const char *got, const char *want, size_t *n_got, size_t *n_want,
                               size_t *overlap)
{
    bag g, w;
    *n_got = bag_fill(&g, got);
    *n_want = bag_fill(&w, want);
    *overlap = 0;
    for (size_t i = 0; i < g.cap; i++) {
        if (!g.slots[i].word)
            continue;
        slot *s = bag_find(&w, g.slots[i].word, strlen(g.slots[i].word));
        if (s->word)
            *overlap += (size_t)(g.slots[i].count < s->count ? g.slots[i].count : s->count);
    }
    bag_free(&g);
    bag_free(&w);
}

static inline double word_f1(const char *got, const char *want)
{
    size_t ng, nw, overlap;
    bag_compare(got, want, &ng, &nw, &overlap);
    if (ng == 0 && nw == 0)
        return 1.0;
    if (ng == 0 || nw == 0 || overlap == 0)
        return 0.0;
    double p = (double)overlap / (double)ng, r = (double)overlap / (double)nw;
    return 2 * p * r / (p + r);
}

#endif
