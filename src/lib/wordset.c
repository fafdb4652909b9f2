/*
 * wordset.c — see wordset.h.
 */
#include "wordset.h"

#include <assert.h>
#include <string.h>

static size_t length_slot(size_t len)
{
    return len < WORDSET_LONG ? len : WORDSET_LONG;
}

static void add_bits(uint8_t *bits, unsigned char c)
{
    bits[c >> 3] |= (uint8_t)(1u << (c & 7));
    bits[wordset_lower(c) >> 3] |= (uint8_t)(1u << (wordset_lower(c) & 7));
}

void wordset_init(wordset *set, const char *const *words, size_t count)
{
    assert(count <= WORDSET_MAX);
    set->words = words;
    set->count = count;
    set->lengths = 0;
    set->longest = 0;
    memset(set->first_of_length, 0xff, sizeof set->first_of_length);
    memset(set->firsts, 0, sizeof set->firsts);
    memset(set->lasts, 0, sizeof set->lasts);
    /* backwards, so that each chain runs in table order */
    for (size_t i = count; i-- > 0;) {
        size_t len = strlen(words[i]), slot = length_slot(len);
        set->length_of[i] = (uint32_t)len;
        add_bits(set->firsts, (unsigned char)words[i][0]);
        add_bits(set->lasts, (unsigned char)words[i][len ? len - 1 : 0]);
        set->lengths |= UINT64_C(1) << slot;
        if (len > set->longest)
            set->longest = len;
        set->next_of_length[i] = set->first_of_length[slot];
        set->first_of_length[slot] = (int16_t)i;
    }
}

void wordset_union_filter(wordset *to, const wordset *a, const wordset *b)
{
    wordset u;
    memset(&u, 0, sizeof u);
    memset(u.first_of_length, 0xff, sizeof u.first_of_length);
    u.words = NULL;
    u.count = 0;
    u.lengths = a->lengths | b->lengths;
    for (size_t i = 0; i < sizeof u.firsts; i++) {
        u.firsts[i] = (uint8_t)(a->firsts[i] | b->firsts[i]);
        u.lasts[i] = (uint8_t)(a->lasts[i] | b->lasts[i]);
    }
    u.longest = a->longest > b->longest ? a->longest : b->longest;
    *to = u;
}

size_t wordset_compare(const wordset *set, const char *text, size_t len)
{
    size_t slot = length_slot(len);
    for (int i = set->first_of_length[slot]; i >= 0; i = set->next_of_length[i])
        if (set->length_of[i] == len && memcmp(text, set->words[i], len) == 0)
            return (size_t)i;
    return set->count;
}

size_t wordset_compare_nocase(const wordset *set, const char *text, size_t len)
{
    size_t slot = length_slot(len);
    const unsigned char *a = (const unsigned char *)text;
    for (int i = set->first_of_length[slot]; i >= 0; i = set->next_of_length[i]) {
        if (set->length_of[i] != len)
            continue;
        const unsigned char *b = (const unsigned char *)set->words[i];
        size_t k = 0;
        while (k < len && wordset_lower(a[k]) == wordset_lower(b[k]))
            k++;
        if (k == len)
            return (size_t)i;
    }
    return set->count;
}
