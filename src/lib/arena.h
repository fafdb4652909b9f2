/*
 * arena.h — a region allocator for Gumbo's parse tree (GumboOptions.allocator
 * and .deallocator): blocks are carved out of large chunks and released all
 * at once, instead of one malloc and one free per node, string and vector;
 * a block Gumbo frees early (its tokenizer's temporaries) is reused.
 */
#ifndef RM_ARENA_H
#define RM_ARENA_H

#include <stddef.h>

typedef struct arena_large arena_large;
typedef struct arena_chunk arena_chunk;

#define ARENA_CLASSES 40

typedef struct {
    arena_chunk *chunks;
    void *free[ARENA_CLASSES];   /* freed small blocks, by size class */
    char *at, *end;          /* free space in the newest chunk */
    size_t next_chunk;       /* size of the next chunk */
    arena_large *large;      /* blocks too big for a chunk, freed one by one */
} arena;

/* GumboAllocatorFunction / GumboDeallocatorFunction, userdata = the arena. */
void *arena_alloc(void *userdata, size_t size);
void arena_dealloc(void *userdata, void *ptr);
/* Free everything the arena handed out. */
void arena_release(arena *a);

#endif
