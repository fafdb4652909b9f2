/*
 * arena.h — a region allocator for Gumbo's tree (GumboOptions.allocator
 * and .deallocator): blocks are carved out of large chunks and released all
 * at once, instead of one malloc and one free per node, string and vector;
 * a block Gumbo frees early (its tokenizer's temporaries) is reused. An
 * arena may draw on a cache of chunks kept from earlier trees (an
 * rm_workspace's), so that a long-running caller does not fault the same
 * memory in again on every page.
 */
#ifndef RM_ARENA_H
#define RM_ARENA_H

#include <stddef.h>

typedef struct arena_slab arena_slab;

/* Chunks kept between arenas, at most `limit` bytes of them; zero-
 * initialised plus a limit before first use, one thread at a time. */
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
    arena_cache *cache;          /* where chunks come from and go back to; NULL: none */
} arena;

/* GumboAllocatorFunction / GumboDeallocatorFunction, userdata = the arena
 * (zero-initialised, and its cache set, before the first call). */
void *arena_alloc(void *userdata, size_t size);
void arena_dealloc(void *userdata, void *ptr);
/* Free everything the arena handed out; its chunks go back to its cache up
 * to the cache's limit, the rest to the system. The arena (still on its
 * cache) can be used again. */
void arena_release(arena *a);
/* Give every chunk a cache holds back to the system. */
void arena_cache_empty(arena_cache *c);

#endif
