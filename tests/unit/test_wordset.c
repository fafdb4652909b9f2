/*
 * test_wordset.c — the exact-match word tables (wordset.h): found and not
 * found by length and by content, the first of equal words, words of 63
 * bytes and more (which share one length bit), the empty word, case with
 * and without wordset_find_nocase, and a brute-force comparison with
 * strlen + memcmp over random texts.
 */
#include "testutil.h"

#include "wordset.h"

static const char *const words[] = {
    "ad", "loading...", "sort by", "ab", "loading...",
    "a word of exactly sixty-three bytes, which shares the long bit.",
    "a word of sixty-four bytes and more, which shares the long bit ok",
    "Sr-Only",
};
#define NWORDS (sizeof words / sizeof words[0])

static size_t find(const wordset *set, const char *text)
{
    return wordset_find(set, text, strlen(text));
}

START_TEST(finds_whole_words_only)
{
    wordset set;
    wordset_init(&set, words, NWORDS);
    ck_assert_uint_eq(find(&set, "ad"), 0);
    ck_assert_uint_eq(find(&set, "ab"), 3);
    ck_assert_uint_eq(find(&set, "sort by"), 2);
    ck_assert_uint_eq(find(&set, "loading..."), 1);   /* the first of two equal words */
    ck_assert_uint_eq(find(&set, "a"), NWORDS);       /* a prefix */
    ck_assert_uint_eq(find(&set, "add"), NWORDS);     /* a length no word has */
    ck_assert_uint_eq(find(&set, "ax"), NWORDS);      /* a length words have */
    ck_assert_uint_eq(find(&set, "sort bY"), NWORDS);
    ck_assert_uint_eq(find(&set, ""), NWORDS);
    ck_assert(wordset_has(&set, "sort by", 7));
    ck_assert(!wordset_has(&set, "sort by:", 8));
    ck_assert(wordset_has(&set, "sort by:", 7));      /* len, not the NUL, ends the text */
    ck_assert_uint_eq(set.longest, strlen(words[6]));
}
END_TEST

START_TEST(long_words_share_a_bit)
{
    wordset set;
    wordset_init(&set, words, NWORDS);
    ck_assert_uint_eq(strlen(words[5]), 63);
    ck_assert_uint_eq(find(&set, words[5]), 5);
    ck_assert_uint_eq(find(&set, words[6]), 6);
    char longer[200];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    ck_assert_uint_eq(find(&set, longer), NWORDS);   /* the long bit, no word of its length */
}
END_TEST

START_TEST(the_empty_word_and_the_empty_set)
{
    static const char *const with_empty[] = {"x", ""};
    wordset set;
    wordset_init(&set, with_empty, 2);
    ck_assert_uint_eq(wordset_find(&set, "", 0), 1);
    ck_assert_uint_eq(wordset_find(&set, "y", 1), 2);
    wordset none;
    wordset_init(&none, with_empty, 0);
    ck_assert_uint_eq(wordset_find(&none, "x", 1), 0);
    ck_assert_uint_eq(wordset_find_nocase(&none, "", 0), 0);
}
END_TEST

START_TEST(case_is_ignored_only_when_asked)
{
    wordset set;
    wordset_init(&set, words, NWORDS);
    ck_assert_uint_eq(find(&set, "sr-only"), NWORDS);
    ck_assert_uint_eq(wordset_find_nocase(&set, "sr-only", 7), 7);
    ck_assert_uint_eq(wordset_find_nocase(&set, "SR-ONLY", 7), 7);
    ck_assert_uint_eq(wordset_find_nocase(&set, "AD", 2), 0);
    ck_assert_uint_eq(wordset_find_nocase(&set, "Sort By", 7), 2);
    ck_assert_uint_eq(wordset_find_nocase(&set, "sr_only", 7), NWORDS);
    /* only ASCII letters fold: '@' and '`' differ by the case bit */
    static const char *const at[] = {"a@b"};
    wordset ats;
    wordset_init(&ats, at, 1);
    ck_assert_uint_eq(wordset_find_nocase(&ats, "a`b", 3), 1);
    ck_assert_uint_eq(wordset_find_nocase(&ats, "A@B", 3), 0);
}
END_TEST

/* The index answers what the comparison with every word answered. */
START_TEST(same_as_comparing_every_word)
{
    static const char *const table[] = {"a", "ab", "abc", "b", "ba", "cab", "abcabc", "c"};
    size_t n = sizeof table / sizeof table[0];
    wordset set;
    wordset_init(&set, table, n);
    srand(13);
    for (int round = 0; round < 20000; round++) {
        char text[8];
        size_t len = (size_t)(rand() % 8);
        for (size_t i = 0; i < len; i++)
            text[i] = "abc"[rand() % 3];
        size_t want = n;
        for (size_t i = 0; i < n && want == n; i++)
            if (strlen(table[i]) == len && memcmp(text, table[i], len) == 0)
                want = i;
        ck_assert_uint_eq(wordset_find(&set, text, len), want);
        ck_assert_uint_eq(wordset_find_nocase(&set, text, len), want);
    }
}
END_TEST

static Suite *wordset_suite(void)
{
    Suite *s = suite_create("wordset");
    TCase *tc = tcase_create("find");
    tcase_add_test(tc, finds_whole_words_only);
    tcase_add_test(tc, long_words_share_a_bit);
    tcase_add_test(tc, the_empty_word_and_the_empty_set);
    tcase_add_test(tc, case_is_ignored_only_when_asked);
    tcase_add_test(tc, same_as_comparing_every_word);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(wordset_suite)
