/*
 * arena.h — a region allocator for Gumbo's tree (GumboOptions.allocator
 * and .deallocator): blocks are carved out of large chunks and released all
 * at once, instead of one malloc and one free per node, string and vector;
 * a block Gumbo frees early (its tokenizer's temporaries) is reused. An
 * arena may draw on a cache of chunks kept from earlier trees (an
 * rm_workspace's), so that a long-running caller does not fault the same
 * memory in again on every page; once the tree is released, the call's
 * large per-node arrays take its chunks from the same cache.
 */
#ifndef RM_ARENA_H
#define RM_ARENA_H

#include <stddef.h>

typedef struct arena_slab arena_slab;

/* Chunks kept between arenas and for a call's large arrays: zero-
 * initialised plus a limit before first use, one thread at a time. A
 * released chunk is kept whatever the limit (a call's arrays take it
 * next); arena_cache_trim brings the cache down to its limit. */
typedef struct {
    arena_slab *chunks;          /* smallest first: the order an arena grows in */
    size_t bytes;
    size_t limit;
} arena_cache;

/* Size classes 1..44: 8-byte steps to 128 bytes, then four per doubling
 * to 16 KiB (class 0 is unused). */
#define ARENA_CLASSES 45

typedef struct {
    char *at[ARENA_CLASSES];     /* free space in each class's newest slab */
    char *end[ARENA_CLASSES];
    void *free[ARENA_CLASSES];   /* freed blocks, by size class */
    char *spare, *spare_end;     /* slabs of the newest chunk not yet in use */
    arena_slab *chunks;          /* every chunk, by its first slab */
    arena_slab *large;           /* blocks too big for a slab, freed one by one */
    size_t next_chunk;           /* size of the next chunk */
    char *floor;                 /* where the last chunk mapped starts: the
                                    next one is asked to end there */
    arena_cache *cache;          /* where chunks come from and go back to; NULL: none */
} arena;

/* GumboAllocatorFunction / GumboDeallocatorFunction, userdata = the arena
 * (zero-initialised, and its cache set, before the first call). */
void *arena_alloc(void *userdata, size_t size);
void arena_dealloc(void *userdata, void *ptr);
/* Free everything the arena handed out; its chunks and its large blocks'
 * regions go back to its cache (to the system without one). The arena (still on its cache) can be used
 * again. */
void arena_release(arena *a);
/* calloc, malloc and free for a call's per-node arrays and tables: one of
 * 64 KiB or more takes the smallest kept chunk that holds it (a released
 * tree's, already in memory) or a new mapping, and goes back to the
 * cache; a smaller one, or any without a cache, is malloc's.
 * arena_cache_free is passed the count and size the array was made with. */
void *arena_cache_calloc(arena_cache *c, size_t count, size_t size);
void *arena_cache_malloc(arena_cache *c, size_t count, size_t size);
void arena_cache_free(arena_cache *c, void *block, size_t count, size_t size);
/* What such an array takes of a cache's kept chunks, in bytes: 0 for one
 * small enough to be malloc's (count * size must not overflow). */
size_t arena_cache_bytes(size_t count, size_t size);
/* Give kept chunks back to the system until at most `limit` + `spare`
 * bytes are left (`spare`: what the call is about to take again): the
 * largest stay, the first too large for what room is left cut to fit. */
void arena_cache_trim(arena_cache *c, size_t spare);
/* Give every chunk a cache holds back to the system. */
void arena_cache_empty(arena_cache *c);

#endif
