/*
 * test_arena.c — the allocator behind Gumbo's tree: blocks of every size
 * class and past it are aligned, do not overlap and keep what is written
 * in them; a freed block comes back for the next block of its class; large
 * blocks are freed one by one; a released arena starts again; and a real
 * parse and walk of Gumbo's tree works on it. With a cache (a workspace's),
 * a released arena's chunks serve the next one, no more of them kept than
 * the limit allows; and extractions through a workspace, one thread's or two at once, give what
 * extractions without one give.
 */
#include "testutil.h"

#include "arena.h"
#include "readmode.h"

#include <gumbo.h>
#include <pthread.h>
#include <stdint.h>

/* Fill an arena with `bytes` of 100-byte blocks (slab headers aside). */
static void fill(arena *a, size_t bytes)
{
    for (size_t i = 0; i < bytes / 104; i++) {
        char *p = arena_alloc(a, 100);
        ck_assert_ptr_nonnull(p);
        memset(p, 0xA5, 100);
    }
}

START_TEST(cache_serves_the_next_arena)
{
    arena_cache cache = {.limit = (size_t)64 << 20};
    arena a = {.cache = &cache};
    fill(&a, (size_t)1 << 20);   /* chunks of 256 KiB, 512 KiB and 1 MiB */
    arena_release(&a);
    ck_assert_ptr_eq(a.cache, &cache);
    ck_assert_uint_eq(cache.bytes, (size_t)(256 + 512 + 1024) << 10);
    fill(&a, (size_t)100 << 10);   /* a kept chunk again (those that lay end to end, joined) */
    ck_assert_uint_lt(cache.bytes, (size_t)(256 + 512 + 1024) << 10);
    arena_release(&a);
    ck_assert_uint_eq(cache.bytes, (size_t)(256 + 512 + 1024) << 10);
    arena_cache_empty(&cache);
    ck_assert_uint_eq(cache.bytes, 0);
    ck_assert_ptr_null(cache.chunks);
}
END_TEST

START_TEST(cache_keeps_no_more_than_its_limit)
{
    arena_cache cache = {.limit = (size_t)1 << 20};
    arena a = {.cache = &cache};
    fill(&a, (size_t)3 << 20);   /* 256 KiB, 512 KiB, 1 MiB, 2 MiB */
    arena_release(&a);
    /* all kept for the call's arrays until the trim */
    ck_assert_uint_eq(cache.bytes, (size_t)(256 + 512 + 1024 + 2048) << 10);
    arena_cache_trim(&cache, 0);
    /* the largest that fit: the 1 MiB chunk, then nothing more */
    ck_assert_uint_eq(cache.bytes, (size_t)1 << 20);
    fill(&a, (size_t)3 << 20);
    arena_release(&a);
    arena_cache_trim(&cache, 0);
    ck_assert_uint_le(cache.bytes, cache.limit);
    arena_cache_empty(&cache);
}
END_TEST

/* A large per-node array is written into a released tree's chunk, zeroed,
 * and the rest of the chunk stays kept; it goes back with its free. */
START_TEST(array_takes_a_released_chunk)
{
    arena_cache cache = {.limit = 0};
    arena a = {.cache = &cache};
    fill(&a, (size_t)3 << 20);   /* 256 KiB .. 2 MiB, every byte written */
    arena_release(&a);
    size_t kept = cache.bytes;
    size_t count = 150000;   /* 600 000 bytes: ten slabs of a kept chunk */
    uint32_t *array = arena_cache_calloc(&cache, count, sizeof *array);
    ck_assert_ptr_nonnull(array);
    size_t zero = 0;
    while (zero < count && array[zero] == 0)
        zero++;
    ck_assert_uint_eq(zero, count);
    array[count - 1] = 7;
    ck_assert_uint_eq(cache.bytes, kept - ((size_t)640 << 10));   /* ten slabs taken */
    /* the rest of that chunk stays kept on its own, for the next array */
    char *next = arena_cache_calloc(&cache, 300000, 1);
    ck_assert_ptr_nonnull(next);
    ck_assert_uint_eq(cache.bytes, kept - ((size_t)(640 + 320) << 10));
    ck_assert_int_eq(next[299999], 0);
    arena_cache_free(&cache, array, count, sizeof *array);
    arena_cache_free(&cache, next, 300000, 1);
    ck_assert_uint_eq(cache.bytes, kept);
    arena_cache_trim(&cache, 0);   /* a call without a workspace keeps nothing */
    ck_assert_uint_eq(cache.bytes, 0);
    ck_assert_ptr_null(cache.chunks);
}
END_TEST

/* Small arrays, and any without a cache, are malloc's; an array no kept
 * chunk holds gets a mapping of its own, kept when freed; a count too
 * large fails. */
START_TEST(array_elsewhere)
{
    arena_cache cache = {.limit = (size_t)64 << 20};
    char *small = arena_cache_calloc(&cache, 1000, 1);
    ck_assert_ptr_nonnull(small);
    ck_assert_uint_eq(cache.bytes, 0);
    arena_cache_free(&cache, small, 1000, 1);
    ck_assert_uint_eq(cache.bytes, 0);
    double *none = arena_cache_calloc(NULL, 100000, sizeof *none);
    ck_assert_ptr_nonnull(none);
    ck_assert(none[99999] == 0);
    arena_cache_free(NULL, none, 100000, sizeof *none);
    char *fresh = arena_cache_calloc(&cache, (size_t)3 << 20, 1);
    ck_assert_ptr_nonnull(fresh);
    ck_assert_int_eq(fresh[((size_t)3 << 20) - 1], 0);
    arena_cache_free(&cache, fresh, (size_t)3 << 20, 1);
    ck_assert_uint_ge(cache.bytes, (size_t)3 << 20);
    ck_assert_ptr_null(arena_cache_calloc(&cache, SIZE_MAX / 2, 4));
    arena_cache_free(&cache, NULL, 10, 10);
    arena_cache_empty(&cache);
}
END_TEST

/* Pieces split off a kept chunk join again when they come back, so a
 * later array as large as the whole finds it; a trim keeps the first
 * slabs of a chunk too large for the limit. */
START_TEST(kept_pieces_join_again)
{
    arena_cache cache = {.limit = (size_t)1 << 20};
    char *whole = arena_cache_malloc(&cache, (size_t)3 << 20, 1);   /* a new mapping */
    ck_assert_ptr_nonnull(whole);
    arena_cache_free(&cache, whole, (size_t)3 << 20, 1);
    size_t kept = cache.bytes;
    char *first = arena_cache_malloc(&cache, 300000, 1);
    char *second = arena_cache_malloc(&cache, 300000, 1);
    ck_assert_ptr_eq(first, whole);
    ck_assert_ptr_eq(second, whole + ((size_t)320 << 10));
    arena_cache_free(&cache, first, 300000, 1);
    arena_cache_free(&cache, second, 300000, 1);
    ck_assert_uint_eq(cache.bytes, kept);
    char *again = arena_cache_malloc(&cache, (size_t)5 << 19, 1);   /* more than the tail */
    ck_assert_ptr_eq(again, whole);
    arena_cache_free(&cache, again, (size_t)5 << 19, 1);
    arena_cache_trim(&cache, (size_t)1 << 20);   /* room for what the call takes next */
    ck_assert_uint_eq(cache.bytes, (size_t)2 << 20);
    arena_cache_trim(&cache, 0);
    ck_assert_uint_eq(cache.bytes, (size_t)1 << 20);   /* its first megabyte */
    ck_assert_ptr_eq(arena_cache_malloc(&cache, 900000, 1), whole);
    arena_cache_free(&cache, whole, 900000, 1);
    arena_cache_empty(&cache);
}
END_TEST

/* An arena maps each new chunk just below its last one, so a released
 * tree's chunks join into one kept chunk: an array larger than any one
 * chunk (they stop growing at 4 MiB) is written into the tree's memory
 * instead of a new mapping. A large block's region is kept with them. */
START_TEST(released_tree_holds_a_larger_array)
{
    arena_cache cache = {.limit = 0};
    arena a = {.cache = &cache};
    fill(&a, (size_t)24 << 20);   /* 256 KiB .. 4 MiB, then 4 MiB chunks */
    char *large = arena_alloc(&a, (size_t)1 << 20);
    ck_assert_ptr_nonnull(large);
    arena_release(&a);
    size_t kept = cache.bytes;
    ck_assert_uint_ge(kept, (size_t)25 << 20);
    size_t count = (size_t)16 << 20;
    char *array = arena_cache_malloc(&cache, count, 1);
    ck_assert_ptr_nonnull(array);
    array[0] = 1;
    array[count - 1] = 1;
    ck_assert_uint_le(cache.bytes, kept - count);   /* taken from the kept chunks */
    arena_cache_free(&cache, array, count, 1);
    ck_assert_uint_eq(cache.bytes, kept);
    arena_cache_trim(&cache, 0);
    ck_assert_uint_eq(cache.bytes, 0);
}
END_TEST

/* A page of `items` list items and an article around them. */
static char *page_of(size_t items, size_t *len)
{
    size_t cap = 256 + items * 96;
    char *html = malloc(cap);
    ck_assert_ptr_nonnull(html);
    size_t n = (size_t)snprintf(html, cap, "<title>Workspace</title><article><h1>Reuse</h1><ul>");
    for (size_t i = 0; i < items; i++)
        n += (size_t)snprintf(html + n, cap - n, "<li>Item %zu, a line long enough to count as prose.</li>",
                              i);
    n += (size_t)snprintf(html + n, cap - n, "</ul></article>");
    *len = n;
    return html;
}

static char *text_of(const char *html, size_t len, rm_workspace *workspace)
{
    rm_options opt = rm_default_options;
    opt.workspace = workspace;
    rm_article *a = NULL;
    rm_status st = rm_extract(html, len, &opt, &a);
    ck_assert(st == RM_OK || st == RM_NO_ARTICLE);
    char *text = strdup(a->text);
    rm_article_free(a);
    return text;
}

START_TEST(workspace_gives_the_same_article)
{
    size_t small_len, big_len;
    char *small = page_of(40, &small_len);
    char *big = page_of(8000, &big_len);   /* a tree past a 1 MiB limit */
    char *expected = text_of(small, small_len, NULL);
    rm_workspace *ws = rm_workspace_new((size_t)1 << 20);
    ck_assert_ptr_nonnull(ws);
    for (int round = 0; round < 3; round++) {
        char *got = text_of(small, small_len, ws);
        ck_assert_str_eq(got, expected);
        free(got);
        free(text_of(big, big_len, ws));
    }
    rm_workspace_free(ws);
    rm_workspace_free(NULL);
    free(expected);
    free(small);
    free(big);
}
END_TEST

typedef struct {
    const char *html;
    size_t len;
    const char *expected;
    int mismatches;
} worker_job;

/* One thread's extractions, each thread with its own workspace. */
static void *extract_repeatedly(void *arg)
{
    worker_job *job = arg;
    rm_workspace *ws = rm_workspace_new(0);
    for (int i = 0; i < 20; i++) {
        char *got = text_of(job->html, job->len, ws);
        job->mismatches += strcmp(got, job->expected) != 0;
        free(got);
    }
    rm_workspace_free(ws);
    return NULL;
}

START_TEST(workspaces_on_two_threads)
{
    size_t len;
    char *html = page_of(2000, &len);
    char *expected = text_of(html, len, NULL);
    worker_job jobs[2] = {{html, len, expected, 0}, {html, len, expected, 0}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, extract_repeatedly, &jobs[i]), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        ck_assert_int_eq(jobs[i].mismatches, 0);
    }
    free(expected);
    free(html);
}
END_TEST

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

#define BLOCKS 4000

/* Sizes that cross every class boundary: 1..300 byte by byte, then
 * pseudo-random sizes up to 64 KiB, beyond the slabs. */
static size_t size_for(size_t i)
{
    if (i < 300)
        return i + 1;
    return (size_t)((i * 2654435761u) % 65536u) + 1;
}

START_TEST(blocks_are_aligned_and_disjoint)
{
    arena a = {0};
    unsigned char *blocks[BLOCKS];
    for (size_t i = 0; i < BLOCKS; i++) {
        blocks[i] = arena_alloc(&a, size_for(i));
        ck_assert_ptr_nonnull(blocks[i]);
        ck_assert_uint_eq((uintptr_t)blocks[i] % 8, 0);
        memset(blocks[i], (int)(i % 251), size_for(i));
    }
    for (size_t i = 0; i < BLOCKS; i++) {
        size_t same = 0;
        while (same < size_for(i) && blocks[i][same] == i % 251)
            same++;
        ck_assert_uint_eq(same, size_for(i));
    }
    arena_release(&a);
}
END_TEST

START_TEST(freed_block_is_reused_by_its_class)
{
    arena a = {0};
    void *first = arena_alloc(&a, 40);
    void *other = arena_alloc(&a, 200);
    arena_dealloc(&a, first);
    ck_assert_ptr_eq(arena_alloc(&a, 33), first);     /* same 40-byte class */
    void *again = arena_alloc(&a, 40);
    ck_assert_ptr_ne(again, first);
    arena_dealloc(&a, other);
    ck_assert_ptr_ne(arena_alloc(&a, 40), other);      /* another class's block stays */
    ck_assert_ptr_eq(arena_alloc(&a, 210), other);  /* 200 and 210: one class */
    arena_dealloc(&a, NULL);
    arena_release(&a);
}
END_TEST

START_TEST(large_blocks_come_and_go)
{
    arena a = {0};
    char *big[8];
    for (size_t i = 0; i < 8; i++) {
        big[i] = arena_alloc(&a, ((size_t)20 << 10) << i);
        ck_assert_ptr_nonnull(big[i]);
        big[i][0] = 'a';
        big[i][(((size_t)20 << 10) << i) - 1] = 'z';
    }
    for (size_t i = 0; i < 8; i += 2)   /* the list stays whole when the middle goes */
        arena_dealloc(&a, big[i]);
    for (size_t i = 1; i < 8; i += 2)
        ck_assert_int_eq(big[i][(((size_t)20 << 10) << i) - 1], 'z');
    ck_assert_ptr_null(arena_alloc(&a, SIZE_MAX - 8));
    arena_release(&a);
    ck_assert_ptr_null(a.large);
}
END_TEST

START_TEST(released_arena_starts_again)
{
    arena a = {0};
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < 20000; i++) {   /* several chunks */
            char *p = arena_alloc(&a, 100);
            ck_assert_ptr_nonnull(p);
            p[99] = 1;
        }
        arena_release(&a);
        ck_assert_ptr_null(a.chunks);
    }
}
END_TEST

START_TEST(gumbo_tree_in_the_arena)
{
    arena a = {0};
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = arena_alloc;
    opt.deallocator = arena_dealloc;
    opt.userdata = &a;
    char html[20000];
    size_t len = 0;
    len += (size_t)snprintf(html + len, sizeof html - len, "<title>t</title><ul class=list>");
    while (len + 40 < sizeof html)
        len += (size_t)snprintf(html + len, sizeof html - len, "<li id=x data-a=b>item <b>b</b>");
    GumboOutput *out = gumbo_parse_with_options(&opt, html, len);
    ck_assert_ptr_nonnull(out);
    const GumboNode *body = out->root->v.element.children.data[1];
    ck_assert_int_eq(body->v.element.tag, GUMBO_TAG_BODY);
    const GumboNode *list = body->v.element.children.data[0];
    ck_assert_int_eq(list->v.element.tag, GUMBO_TAG_UL);
    ck_assert_uint_gt(list->v.element.children.length, 500);
    const GumboNode *item = list->v.element.children.data[list->v.element.children.length - 1];
    ck_assert_str_eq(gumbo_get_attribute(&item->v.element.attributes, "data-a")->value, "b");
    arena_release(&a);
}
END_TEST

#if defined(__SANITIZE_ADDRESS__)
/* Under AddressSanitizer (make check-asan) the arena poisons what it has
 * not handed out. */
START_TEST(sanitizer_sees_the_blocks)
{
    arena a = {0};
    char *p = arena_alloc(&a, 20);   /* a 24-byte block */
    ck_assert(!__asan_address_is_poisoned(p + 19));
    ck_assert(__asan_address_is_poisoned(p + 20));
    ck_assert(__asan_address_is_poisoned(p + 4096));   /* the slab's unused space */
    arena_dealloc(&a, p);
    ck_assert(__asan_address_is_poisoned(p));
    ck_assert_ptr_eq(arena_alloc(&a, 24), p);
    ck_assert(!__asan_address_is_poisoned(p + 23));
    char *big = arena_alloc(&a, 20000);
    ck_assert(!__asan_address_is_poisoned(big + 19999));
    ck_assert(__asan_address_is_poisoned(big + 20000));
    arena_release(&a);
}
END_TEST

/* A chunk kept in a cache is poisoned until an arena takes it again. */
START_TEST(sanitizer_sees_cached_chunks)
{
    arena_cache cache = {.limit = (size_t)1 << 20};
    arena a = {.cache = &cache};
    char *p = arena_alloc(&a, 20);
    arena_release(&a);
    ck_assert(__asan_address_is_poisoned(p));
    ck_assert_ptr_eq(arena_alloc(&a, 20), p);
    ck_assert(!__asan_address_is_poisoned(p + 19));
    arena_release(&a);
    arena_cache_empty(&cache);
}
END_TEST

/* A per-node array in a kept chunk is poisoned past its end, and all of it
 * once it is back in the cache. */
START_TEST(sanitizer_sees_the_arrays)
{
    arena_cache cache = {.limit = (size_t)4 << 20};
    arena a = {.cache = &cache};
    fill(&a, (size_t)1 << 20);
    arena_release(&a);
    char *array = arena_cache_calloc(&cache, 100000, 1);
    ck_assert(!__asan_address_is_poisoned(array + 99999));
    ck_assert(__asan_address_is_poisoned(array + 100000));
    arena_cache_free(&cache, array, 100000, 1);
    ck_assert(__asan_address_is_poisoned(array));
    arena_cache_empty(&cache);
}
END_TEST
#endif

static Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_set_timeout(tc, 60);   /* extractions, on a loaded machine */
    tcase_add_test(tc, blocks_are_aligned_and_disjoint);
    tcase_add_test(tc, freed_block_is_reused_by_its_class);
    tcase_add_test(tc, large_blocks_come_and_go);
    tcase_add_test(tc, released_arena_starts_again);
    tcase_add_test(tc, gumbo_tree_in_the_arena);
    tcase_add_test(tc, cache_serves_the_next_arena);
    tcase_add_test(tc, cache_keeps_no_more_than_its_limit);
    tcase_add_test(tc, array_takes_a_released_chunk);
    tcase_add_test(tc, array_elsewhere);
    tcase_add_test(tc, kept_pieces_join_again);
    tcase_add_test(tc, released_tree_holds_a_larger_array);
    tcase_add_test(tc, workspace_gives_the_same_article);
    tcase_add_test(tc, workspaces_on_two_threads);
#if defined(__SANITIZE_ADDRESS__)
    tcase_add_test(tc, sanitizer_sees_the_blocks);
    tcase_add_test(tc, sanitizer_sees_cached_chunks);
    tcase_add_test(tc, sanitizer_sees_the_arrays);
#endif
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(arena_suite)
