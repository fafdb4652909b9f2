/*
 * arena.h — a region allocator for Gumbo's parse tree (GumboOptions.allocator
 * and .deallocator): blocks are carved out of large chunks and released all
 * at once, instead of one malloc and one free per node, string and vector;
 * a block Gumbo frees early (its tokenizer's temporaries) is reused.
 */
#ifndef RM_ARENA_H
#define RM_ARENA_H

#include <stddef.h>

typedef struct arena_slab arena_slab;

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
} arena;

/* GumboAllocatorFunction / GumboDeallocatorFunction, userdata = the arena
 * (zero-initialised before the first call). */
void *arena_alloc(void *userdata, size_t size);
void arena_dealloc(void *userdata, void *ptr);
/* Free everything the arena handed out; the arena can be used again. */
void arena_release(arena *a);

#endif
