/*
 * test_arena.c — the allocator behind Gumbo's tree: blocks of every size
 * class and past it are aligned, do not overlap and keep what is written
 * in them; a freed block comes back for the next block of its class; large
 * blocks are freed one by one; a released arena starts again; and a real
 * parse and walk of Gumbo's tree works on it.
 */
#include "testutil.h"

#include "arena.h"

#include <gumbo.h>
#include <stdint.h>

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
#endif

static Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_test(tc, blocks_are_aligned_and_disjoint);
    tcase_add_test(tc, freed_block_is_reused_by_its_class);
    tcase_add_test(tc, large_blocks_come_and_go);
    tcase_add_test(tc, released_arena_starts_again);
    tcase_add_test(tc, gumbo_tree_in_the_arena);
#if defined(__SANITIZE_ADDRESS__)
    tcase_add_test(tc, sanitizer_sees_the_blocks);
#endif
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(arena_suite)
