/*
 * arena.c — the region allocator behind Gumbo's tree (see arena.h).
 *
 * Gumbo 0.10.1 makes one allocation per node, string and vector, frees its
 * temporaries as it goes (every tag's name and attribute buffers, every
 * string it regrows), and gumbo_destroy_output walks the whole tree to free
 * it again. Here small blocks are carved from chunks that grow from 64 KiB
 * to 4 MiB; a freed small block goes on the free list of its size class
 * (multiples of 16 bytes up to 512, then powers of two) for the next
 * allocation of that class, and the tree goes in one release. Blocks of
 * 32 KiB and more (long text, big vectors) get their own malloc and are
 * freed when Gumbo frees them. Each block carries a 16-byte header saying
 * which kind it is. One arena per extraction: no shared state.
 */
#include "arena.h"

#include <stdlib.h>

#define FIRST_CHUNK ((size_t)64 << 10)
#define MAX_CHUNK ((size_t)4 << 20)
#define LARGE ((size_t)32 << 10)   /* blocks from this size get their own malloc */

struct arena_chunk {
    arena_chunk *next;
    size_t pad;
};

/* Every block starts with a header: its own malloc, or its size class. */
typedef struct {
    arena_large *large;   /* NULL: carved from a chunk */
    size_t klass;
} header;

struct arena_large {
    arena_large *prev, *next;
    header h;
};

static void *alloc_large(arena *a, size_t size)
{
    arena_large *l = malloc(sizeof *l + size);
    if (!l)
        return NULL;
    l->prev = NULL;
    l->next = a->large;
    if (a->large)
        a->large->prev = l;
    a->large = l;
    l->h.large = l;
    return l + 1;
}

/* Size classes: 16-byte steps up to 512 bytes (Gumbo's nodes, vectors and
 * short strings), then powers of two below LARGE. */
static size_t class_of(size_t size)
{
    if (size <= 512)
        return size <= 16 ? 1 : (size + 15) / 16;
    size_t k = 32, bytes = 512;
    while (bytes < size) {
        bytes *= 2;
        k++;
    }
    return k;
}

static size_t class_bytes(size_t k)
{
    return k <= 32 ? k * 16 : (size_t)512 << (k - 32);
}

void *arena_alloc(void *userdata, size_t size)
{
    arena *a = userdata;
    if (size >= LARGE)
        return alloc_large(a, size);
    size_t k = class_of(size);
    if (a->free[k]) {
        void *block = a->free[k];
        a->free[k] = *(void **)block;
        return block;
    }
    size_t need = sizeof(header) + class_bytes(k);
    if ((size_t)(a->end - a->at) < need) {
        size_t chunk = a->next_chunk ? a->next_chunk : FIRST_CHUNK;
        arena_chunk *c = malloc(sizeof *c + chunk);
        if (!c)
            return NULL;
        c->next = a->chunks;
        a->chunks = c;
        a->at = (char *)(c + 1);
        a->end = a->at + chunk;
        a->next_chunk = chunk * 2 > MAX_CHUNK ? MAX_CHUNK : chunk * 2;
    }
    header *h = (header *)a->at;
    h->large = NULL;
    h->klass = k;
    a->at += need;
    return h + 1;
}

void arena_dealloc(void *userdata, void *ptr)
{
    arena *a = userdata;
    if (!ptr)
        return;
    const header *h = (const header *)ptr - 1;
    arena_large *l = h->large;
    if (!l) {   /* kept for the next block of its class */
        *(void **)ptr = a->free[h->klass];
        a->free[h->klass] = ptr;
        return;
    }
    if (l->prev)
        l->prev->next = l->next;
    else
        a->large = l->next;
    if (l->next)
        l->next->prev = l->prev;
    free(l);
}

void arena_release(arena *a)
{
    for (arena_chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    for (arena_large *l = a->large, *next; l; l = next) {
        next = l->next;
        free(l);
    }
    *a = (arena){0};
}
