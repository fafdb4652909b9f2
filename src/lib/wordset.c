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

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool in_bits(const uint8_t *bits, unsigned char c)
{
    return (bits[c >> 3] >> (c & 7)) & 1;
}

static void add_bits(uint8_t *bits, unsigned char c)
{
    bits[c >> 3] |= (uint8_t)(1u << (c & 7));
    bits[lower(c) >> 3] |= (uint8_t)(1u << (lower(c) & 7));
}

/* Can text[0..len) (len > 0) be a word, by its first and last bytes? */
static bool may_be_word(const wordset *set, unsigned char first, unsigned char last)
{
    return in_bits(set->firsts, first) && in_bits(set->lasts, last);
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

size_t wordset_find(const wordset *set, const char *text, size_t len)
{
    size_t slot = length_slot(len);
    if (!(set->lengths & (UINT64_C(1) << slot)) ||
        (len > 0 && !may_be_word(set, (unsigned char)text[0], (unsigned char)text[len - 1])))
        return set->count;
    for (int i = set->first_of_length[slot]; i >= 0; i = set->next_of_length[i])
        if (set->length_of[i] == len && memcmp(text, set->words[i], len) == 0)
            return (size_t)i;
    return set->count;
}

size_t wordset_find_nocase(const wordset *set, const char *text, size_t len)
{
    size_t slot = length_slot(len);
    if (!(set->lengths & (UINT64_C(1) << slot)) ||
        (len > 0 && !may_be_word(set, lower((unsigned char)text[0]),
                                 lower((unsigned char)text[len - 1]))))
        return set->count;
    const unsigned char *a = (const unsigned char *)text;
    for (int i = set->first_of_length[slot]; i >= 0; i = set->next_of_length[i]) {
        if (set->length_of[i] != len)
            continue;
        const unsigned char *b = (const unsigned char *)set->words[i];
        size_t k = 0;
        while (k < len && lower(a[k]) == lower(b[k]))
            k++;
        if (k == len)
            return (size_t)i;
    }
    return set->count;
}
