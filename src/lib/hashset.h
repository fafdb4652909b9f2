/*
 * hashset.h — a set of 64-bit hashes (open addressing, linear probing),
 * for the few places the extractor needs "have I seen this string?" in
 * O(1): classes made fixed by a stylesheet, in-page link targets, word
 * pairs of a JSON-LD articleBody. Zero marks an empty slot, so hashes are
 * forced odd.
 */
#ifndef RM_HASHSET_H
#define RM_HASHSET_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t *slots;
    size_t mask;    /* capacity - 1; capacity is a power of two */
    size_t count;
} hashset;

static inline uint64_t hashset_mix(uint64_t h, uint64_t word)
{
    h ^= word * 0xBF58476D1CE4E5B9ull;
    return ((h << 31) | (h >> 33)) * 0x94D049BB133111EBull;
}

/* A hash of n bytes, never 0. Eight bytes a step (whole paragraphs are
 * hashed, repeats.c): each word multiplied, mixed in and the state
 * rotated, the length in the seed, and splitmix64's finish so that every
 * input bit reaches every output bit. Values live only in one process. */
static inline uint64_t hashset_hash(const void *data, size_t n)
{
    const unsigned char *s = data;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        h = hashset_mix(h, word);
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < n; k++)
        tail |= (uint64_t)s[i + k] << (8 * k);
    h = hashset_mix(h, tail);
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
    return h | 1;
}

static inline void hashset_free(hashset *set)
{
    free(set->slots);
    set->slots = NULL;
    set->mask = set->count = 0;
}

static inline bool hashset_has(const hashset *set, uint64_t h)
{
    if (!set->slots)
        return false;
    for (size_t i = h & set->mask; set->slots[i]; i = (i + 1) & set->mask)
        if (set->slots[i] == h)
            return true;
    return false;
}

static inline void hashset_put(uint64_t *slots, size_t mask, uint64_t h, size_t *count)
{
    size_t i = h & mask;
    while (slots[i] && slots[i] != h)
        i = (i + 1) & mask;
    if (!slots[i])
        (*count)++;
    slots[i] = h;
}

/* Add a hash; grows at half load. Returns 0, or -1 when out of memory. */
static inline int hashset_add(hashset *set, uint64_t h)
{
    if (!set->slots || (set->count + 1) * 2 > set->mask + 1) {
        size_t cap = set->slots ? (set->mask + 1) * 2 : 64;
        uint64_t *grown = calloc(cap, sizeof *grown);
        if (!grown)
            return -1;
        size_t count = 0;
        for (size_t i = 0; set->slots && i <= set->mask; i++)
            if (set->slots[i])
                hashset_put(grown, cap - 1, set->slots[i], &count);
        free(set->slots);
        set->slots = grown;
        set->mask = cap - 1;
        set->count = count;
    }
    hashset_put(set->slots, set->mask, h, &set->count);
    return 0;
}

#endif
