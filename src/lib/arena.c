/*
 * arena.c — the region allocator behind Gumbo's tree (see arena.h).
 *
 * Gumbo 0.10.1 makes one allocation per node, string and vector (a 1 MB
 * page leaves about 100 000 blocks, most of them under 128 bytes), frees
 * its temporaries as it goes (every tag's name and attribute buffers,
 * every string it regrows), and gumbo_destroy_output walks the whole tree
 * to free it again. Here the tree lives in 64 KiB slabs, each holding
 * blocks of one size class, carved from chunks that grow from 256 KiB to
 * 4 MiB, each mapped just below the last so that they lie end to end,
 * and it goes in one release. Chunks are mapped from the system,
 * not taken from malloc's heap: released, they go back whole, and a run
 * over many pages does not leave the heap fragmented by aligned chunks.
 *
 * Blocks carry no header: a slab is aligned to its size, so the slab a
 * block belongs to, and with it the block's class, is found by masking
 * the block's address. A per-block header (or malloc's own) costs 8 to 16
 * bytes on blocks whose median size is 8, a third of the tree's memory.
 * A freed block goes on its class's free list for the next allocation of
 * that class. Blocks over 16 KiB (long text, big child vectors) get a
 * region of their own, freed when Gumbo frees them.
 *
 * Blocks are 8-byte aligned, which is all Gumbo's structures need (their
 * members are pointers, sizes and ints; checked below). One arena per
 * extraction: no shared state.
 *
 * Every page of fresh memory costs a fault when first written (about 2 us
 * on this VM), and a 10 MB page's tree has tens of thousands of pages. A cache (an
 * rm_workspace's) keeps the chunks of one tree for the next, up to its
 * limit, so that a caller making many extractions writes into memory
 * that is already there. Within a call, the released tree's chunks go back
 * to the cache (the call's own, without a workspace) whatever its limit,
 * and the call's large per-node arrays and tables take them
 * (arena_cache_calloc): those are written into memory the tree already
 * faulted in, instead of into fresh mappings (glibc maps arrays that
 * large afresh, or grows its heap and trims it back, at every call). The
 * call trims the cache (arena_cache_trim) to the limit and the arrays'
 * bytes once the tree is released, and to the limit once they are placed
 * and again once they are freed, so that what waits there does not lie
 * idle beside memory the call takes from malloc. (Transparent huge pages for the largest chunks
 * cut the faults by a fifth, but on this VM a fresh huge page costs more
 * than the 512 small ones it replaces: a single extraction got slower.)
 *
 * Under AddressSanitizer the arena tells it which bytes are handed out:
 * unused slab space, a block's slack past the size asked for, a large
 * block's tail and freed blocks are poisoned, so the sanitizer builds
 * (make check-asan, the fuzzers) catch reads past a block or after its
 * free as they would with malloc (all but an overrun into the very next
 * block of the slab).
 */
#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS */
#include "arena.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0   /* where the system has no such flag, a plain hint */
#endif

#define SLAB_SHIFT 16
#define SLAB_BYTES ((size_t)1 << SLAB_SHIFT)
#define FIRST_CHUNK (4 * SLAB_BYTES)
#define MAX_CHUNK ((size_t)4 << 20)
#define SMALL_MAX ((size_t)16 << 10)   /* larger blocks get their own region */
#define LARGE_CLASS ((size_t)-1)
#define ALIGN 8

#if defined(__SANITIZE_ADDRESS__)
#define RM_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RM_ARENA_ASAN 1
#endif
#endif
#ifdef RM_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

_Static_assert(_Alignof(GumboNode) <= ALIGN && _Alignof(GumboAttribute) <= ALIGN &&
                   _Alignof(void *) <= ALIGN && _Alignof(size_t) <= ALIGN,
               "Gumbo's structures need more than the arena's alignment");

/* The first bytes of every slab, and of every large block's region. */
struct arena_slab {
    arena_slab *prev, *next;   /* the chunk list (a chunk's first slab) or the large list */
    size_t klass;              /* size class of the slab's blocks, or LARGE_CLASS */
    size_t bytes;              /* a chunk's or a large block's whole mapping */
};

_Static_assert(sizeof(arena_slab) % ALIGN == 0, "blocks after a slab header stay aligned");

static arena_slab *slab_of(void *block)
{
    return (arena_slab *)((uintptr_t)block & ~(uintptr_t)(SLAB_BYTES - 1));
}

#define MAP_FLAGS (MAP_PRIVATE | MAP_ANONYMOUS)
#define MAP_PROT (PROT_READ | PROT_WRITE)

/* `bytes` mapped at exactly `want`, or MAP_FAILED when that room is taken. */
static char *map_at(char *want, size_t bytes)
{
    char *p = mmap(want, bytes, MAP_PROT, MAP_FLAGS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED && p != want) {   /* a system that took the address for a hint */
        munmap(p, bytes);
        return MAP_FAILED;
    }
    return p;
}

/* `bytes` mapped anywhere at a SLAB_BYTES boundary: a slab more is
 * mapped, and the misaligned head and the rest of the tail unmapped. */
static char *map_trimmed(size_t bytes)
{
    char *p = mmap(NULL, bytes + SLAB_BYTES, MAP_PROT, MAP_FLAGS, -1, 0);
    if (p == MAP_FAILED)
        return p;
    size_t head = (SLAB_BYTES - ((uintptr_t)p & (SLAB_BYTES - 1))) & (SLAB_BYTES - 1);
    if (head)
        munmap(p, head);
    if (SLAB_BYTES - head)
        munmap(p + head + bytes, SLAB_BYTES - head);
    return p + head;
}

/* A SLAB_BYTES-aligned mapping of `bytes` (a multiple of SLAB_BYTES),
 * placed to end at `below` (SLAB_BYTES-aligned, or NULL: anywhere) when
 * that room is free. An arena asks for each new chunk below its last
 * one: its chunks then lie end to end, and once released they join into
 * one kept chunk that the call's largest per-node arrays fit in (a 100 MB
 * page's statistics take 300 MB apiece, far past one chunk). Elsewhere
 * the system's placement is taken when it is aligned, as it is below an
 * aligned mapping, and trimmed to alignment when not (which leaves a gap
 * to the next mapping down). */
static arena_slab *map_aligned(size_t bytes, char *below)
{
    if (bytes > SIZE_MAX - SLAB_BYTES)
        return NULL;
    char *p = below && (uintptr_t)below > bytes ? map_at(below - bytes, bytes) : MAP_FAILED;
    if (p == MAP_FAILED)
        p = mmap(NULL, bytes, MAP_PROT, MAP_FLAGS, -1, 0);
    if (p != MAP_FAILED && ((uintptr_t)p & (SLAB_BYTES - 1))) {
        munmap(p, bytes);
        p = map_trimmed(bytes);
    }
    if (p == MAP_FAILED)
        return NULL;
    arena_slab *s = (arena_slab *)p;
    s->bytes = bytes;
    return s;
}

/* Give a mapping back; its bytes are addressable again first, for
 * whatever is mapped there next. */
static void unmap(arena_slab *s)
{
    size_t bytes = s->bytes;
    UNPOISON(s, bytes);
    munmap(s, bytes);
}

/* Take the kept chunk that ends where `chunk` starts, or starts where it
 * ends, out of the cache, or return NULL. */
static arena_slab *take_neighbour(arena_cache *c, const arena_slab *chunk)
{
    for (arena_slab **at = &c->chunks; *at; at = &(*at)->next) {
        arena_slab *kept = *at;
        if ((char *)kept + kept->bytes != (const char *)chunk &&
            (const char *)chunk + chunk->bytes != (char *)kept)
            continue;
        *at = kept->next;
        c->bytes -= kept->bytes;
        return kept;
    }
    return NULL;
}

/* Keep a chunk in the cache, which stays sorted smallest first, or unmap
 * it without one; a kept chunk is poisoned but for its header. Kept
 * chunks that touch are joined: pieces split off for arrays become whole
 * again, so the next call's larger arrays find room.
 * The limit applies when the call trims the cache (arena_cache_trim):
 * until then a released tree's chunks serve the call's later arrays. */
static void give_back(arena_cache *c, arena_slab *chunk)
{
    if (!c) {
        unmap(chunk);
        return;
    }
    for (arena_slab *next; (next = take_neighbour(c, chunk));) {
        size_t bytes = chunk->bytes + next->bytes;
        chunk = next < chunk ? next : chunk;
        chunk->bytes = bytes;
    }
    POISON(chunk + 1, chunk->bytes - sizeof *chunk);
    arena_slab **at = &c->chunks;
    while (*at && (*at)->bytes < chunk->bytes)
        at = &(*at)->next;
    chunk->next = *at;
    *at = chunk;
    c->bytes += chunk->bytes;
}

/* The smallest kept chunk of at least `bytes`, taken out of the cache, or
 * NULL. */
static arena_slab *take_kept(arena_cache *c, size_t bytes)
{
    arena_slab **at = &c->chunks;
    while (*at && (*at)->bytes < bytes)
        at = &(*at)->next;
    arena_slab *chunk = *at;
    if (!chunk)
        return NULL;
    *at = chunk->next;
    c->bytes -= chunk->bytes;
    UNPOISON(chunk, chunk->bytes);
    return chunk;
}

/* Keep the slabs of `chunk` past its first `bytes` as a chunk of their
 * own: in steady use every kept chunk is a large one, and an array of a
 * few slabs would otherwise hold a whole one. */
static void split(arena_cache *c, arena_slab *chunk, size_t bytes)
{
    if (chunk->bytes == bytes)
        return;
    arena_slab *tail = (arena_slab *)((char *)chunk + bytes);
    tail->bytes = chunk->bytes - bytes;
    chunk->bytes = bytes;
    give_back(c, tail);
}

/* n > 0; one instruction where the compiler has one (GCC and Clang). */
static size_t floor_log2(size_t n)
{
    return (size_t)(63 - __builtin_clzll((unsigned long long)n));
}

/* 8-byte steps up to 128 bytes (classes 1..16), then four classes per
 * doubling, so a block wastes at most a fifth of its size. */
static size_t class_of(size_t size)
{
    if (size <= 128)
        return size <= ALIGN ? 1 : (size + ALIGN - 1) / ALIGN;
    size_t shift = floor_log2(size - 1);          /* 7 .. 13 */
    size_t quarter = ((size - 1) >> (shift - 2)) - 4;   /* 0 .. 3 */
    return 17 + (shift - 7) * 4 + quarter;
}

static size_t class_bytes(size_t k)
{
    if (k <= 16)
        return k * ALIGN;
    size_t j = k - 17;
    return (5 + j % 4) << (7 + j / 4 - 2);
}

__attribute__((noinline)) static void *alloc_large(arena *a, size_t size)
{
    if (size > SIZE_MAX - sizeof(arena_slab) - SLAB_BYTES)
        return NULL;
    size_t bytes = (sizeof(arena_slab) + size + SLAB_BYTES - 1) & ~(SLAB_BYTES - 1);
    arena_slab *s = map_aligned(bytes, NULL);
    if (!s)
        return NULL;
    s->klass = LARGE_CLASS;
    POISON((char *)(s + 1) + size, bytes - sizeof *s - size);
    s->prev = NULL;
    s->next = a->large;
    if (a->large)
        a->large->prev = s;
    a->large = s;
    return s + 1;
}

/* The next chunk: the cache's first (its smallest), else a new one of the
 * size the arena has grown to. */
static arena_slab *next_chunk(arena *a)
{
    arena_cache *c = a->cache;
    if (!c || !c->chunks) {
        arena_slab *chunk = map_aligned(a->next_chunk ? a->next_chunk : FIRST_CHUNK, a->floor);
        if (chunk)
            a->floor = (char *)chunk;
        return chunk;
    }
    arena_slab *chunk = c->chunks;
    c->chunks = chunk->next;
    c->bytes -= chunk->bytes;
    UNPOISON(chunk, chunk->bytes);
    return chunk;
}

/* A fresh slab for class k, from the newest chunk or a new one. */
static int new_slab(arena *a, size_t k)
{
    if (a->spare == a->spare_end) {
        arena_slab *chunk = next_chunk(a);
        if (!chunk)
            return -1;
        size_t bytes = chunk->bytes;
        chunk->next = a->chunks;
        a->chunks = chunk;
        a->spare = (char *)chunk;
        a->spare_end = a->spare + bytes;
        a->next_chunk = bytes * 2 > MAX_CHUNK ? MAX_CHUNK : bytes * 2;
    }
    arena_slab *s = (arena_slab *)a->spare;
    a->spare += SLAB_BYTES;
    s->klass = k;
    a->at[k] = (char *)(s + 1);
    a->end[k] = (char *)s + SLAB_BYTES;
    POISON(a->at[k], (size_t)(a->end[k] - a->at[k]));
    return 0;
}

/* A block of class k from a fresh slab. Apart, and never inlined, as is
 * alloc_large: arena_alloc, called for every block Gumbo makes (about
 * 1.3 million on a megabyte of misnested formatting), then calls nothing
 * but in its tail and saves no registers on its common path. */
__attribute__((noinline)) static void *alloc_in_new_slab(arena *a, size_t k, size_t size)
{
    if (new_slab(a, k))
        return NULL;
    void *block = a->at[k];
    a->at[k] += class_bytes(k);
    UNPOISON(block, size);
    return block;
}

void *arena_alloc(void *userdata, size_t size)
{
    arena *a = userdata;
    if (size > SMALL_MAX)
        return alloc_large(a, size);
    size_t k = class_of(size);
    if (a->free[k]) {
        void *block = a->free[k];
        UNPOISON(block, sizeof(void *));
        a->free[k] = *(void **)block;
        POISON(block, sizeof(void *));
        UNPOISON(block, size);
        return block;
    }
    size_t bytes = class_bytes(k);
    if ((size_t)(a->end[k] - a->at[k]) < bytes)
        return alloc_in_new_slab(a, k, size);
    void *block = a->at[k];
    a->at[k] += bytes;
    UNPOISON(block, size);
    return block;
}

void arena_dealloc(void *userdata, void *ptr)
{
    arena *a = userdata;
    if (!ptr)
        return;
    arena_slab *s = slab_of(ptr);
    if (s->klass != LARGE_CLASS) {   /* kept for the next block of its class */
        POISON(ptr, class_bytes(s->klass));
        UNPOISON(ptr, sizeof(void *));
        *(void **)ptr = a->free[s->klass];
        POISON(ptr, sizeof(void *));
        a->free[s->klass] = ptr;
        return;
    }
    if (s->prev)
        s->prev->next = s->next;
    else
        a->large = s->next;
    if (s->next)
        s->next->prev = s->prev;
    unmap(s);
}

/* Chunks and large blocks' regions alike go back to the cache, where
 * those that touch join. */
void arena_release(arena *a)
{
    for (arena_slab *c = a->chunks, *next; c; c = next) {
        next = c->next;
        give_back(a->cache, c);
    }
    for (arena_slab *l = a->large, *next; l; l = next) {
        next = l->next;
        give_back(a->cache, l);
    }
    *a = (arena){.cache = a->cache};
}

/* Arrays this small come from malloc, whose heap holds them without a
 * fault on every call; a cache's chunks start at 64 KiB. */
#define CACHE_BLOCK_MIN SLAB_BYTES

static bool block_from_cache(const arena_cache *c, size_t bytes)
{
    return c && bytes >= CACHE_BLOCK_MIN;
}

/* The slabs a block of `bytes` from the cache takes, its header included. */
static size_t block_slabs_bytes(size_t bytes)
{
    return (sizeof(arena_slab) + bytes + SLAB_BYTES - 1) & ~(SLAB_BYTES - 1);
}

size_t arena_cache_bytes(size_t count, size_t size)
{
    size_t bytes = count * size;
    return bytes < CACHE_BLOCK_MIN ? 0 : block_slabs_bytes(bytes);
}

/* A block for `count` items of `size` bytes: zeroed when `zero`. */
static void *cache_block(arena_cache *c, size_t count, size_t size, bool zero)
{
    if (size && count > (SIZE_MAX - sizeof(arena_slab) - SLAB_BYTES) / size)
        return NULL;
    size_t bytes = count * size;
    if (!block_from_cache(c, bytes))
        return zero ? calloc(count, size) : malloc(bytes);
    size_t need = block_slabs_bytes(bytes);
    arena_slab *s = take_kept(c, need);
    if (s) {
        split(c, s, need);
        if (zero)
            memset(s + 1, 0, bytes);   /* a fresh mapping is zero already */
    } else if (!(s = map_aligned(need, NULL))) {
        return NULL;
    }
    s->klass = LARGE_CLASS;
    POISON((char *)(s + 1) + bytes, s->bytes - sizeof *s - bytes);
    return s + 1;
}

void *arena_cache_calloc(arena_cache *c, size_t count, size_t size)
{
    return cache_block(c, count, size, true);
}

void *arena_cache_malloc(arena_cache *c, size_t count, size_t size)
{
    return cache_block(c, count, size, false);
}

void arena_cache_free(arena_cache *c, void *block, size_t count, size_t size)
{
    if (!block)
        return;
    if (!block_from_cache(c, count * size)) {
        free(block);
        return;
    }
    give_back(c, (arena_slab *)block - 1);
}

void arena_cache_trim(arena_cache *c, size_t spare)
{
    if (!c)
        return;
    /* the largest first, as the tree grows into its largest chunks (the
     * one past the limit cut to fit); the list is turned round to walk it
     * from its end */
    arena_slab *largest_first = NULL;
    for (arena_slab *chunk = c->chunks, *next; chunk; chunk = next) {
        next = chunk->next;
        chunk->next = largest_first;
        largest_first = chunk;
    }
    c->chunks = NULL;
    size_t budget = spare > SIZE_MAX - c->limit ? SIZE_MAX : c->limit + spare;
    size_t kept = 0;
    for (arena_slab *chunk = largest_first, *next; chunk; chunk = next) {
        next = chunk->next;
        size_t room = (budget - kept) & ~(SLAB_BYTES - 1);
        if (room == 0) {
            unmap(chunk);
            continue;
        }
        if (chunk->bytes > room) {   /* its first slabs stay */
            char *tail = (char *)chunk + room;
            UNPOISON(tail, chunk->bytes - room);
            munmap(tail, chunk->bytes - room);
            chunk->bytes = room;
        }
        chunk->next = c->chunks;   /* smallest first again */
        c->chunks = chunk;
        kept += chunk->bytes;
    }
    c->bytes = kept;
}

void arena_cache_empty(arena_cache *c)
{
    for (arena_slab *chunk = c->chunks, *next; chunk; chunk = next) {
        next = chunk->next;
        unmap(chunk);
    }
    c->chunks = NULL;
    c->bytes = 0;
}
