/*
 * wordset.c — see wordset.h.
 */
#include "wordset.h"

#include <assert.h>
#include <string.h>

static uint64_t length_bit(size_t len)
{
    return UINT64_C(1) << (len < WORDSET_LONG ? len : WORDSET_LONG);
}

void wordset_init(wordset *set, const char *const *words, size_t count)
{
    assert(count <= WORDSET_MAX);
    set->words = words;
    set->count = count;
    set->lengths = 0;
    set->longest = 0;
    for (size_t i = 0; i < count; i++) {
        set->length_of[i] = (uint32_t)strlen(words[i]);
        set->lengths |= length_bit(set->length_of[i]);
        if (set->length_of[i] > set->longest)
            set->longest = set->length_of[i];
    }
}

size_t wordset_find(const wordset *set, const char *text, size_t len)
{
    if (!(set->lengths & length_bit(len)))
        return set->count;
    for (size_t i = 0; i < set->count; i++)
        if (set->length_of[i] == len && memcmp(text, set->words[i], len) == 0)
            return i;
    return set->count;
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

size_t wordset_find_nocase(const wordset *set, const char *text, size_t len)
{
    if (!(set->lengths & length_bit(len)))
        return set->count;
    for (size_t i = 0; i < set->count; i++) {
        if (set->length_of[i] != len)
            continue;
        const unsigned char *a = (const unsigned char *)text, *b = (const unsigned char *)set->words[i];
        size_t k = 0;
        while (k < len && lower(a[k]) == lower(b[k]))
            k++;
        if (k == len)
            return i;
    }
    return set->count;
}
