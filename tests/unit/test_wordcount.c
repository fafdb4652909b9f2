/*
 * test_wordcount.c — the word count against libunistring's word breaks over
 * the whole text (the definition words_count keeps while it counts ASCII
 * pieces itself): known cases, every short string over an alphabet of the
 * characters the rules treat apart, and long random strings mixing ASCII
 * with marks, joiners, regional indicators, kana, Hebrew and ideographs.
 */
#include "testutil.h"

#include "wordcount.h"

#include <stdbool.h>
#include <stdint.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

/* The definition: a word-break segment holding a letter or digit counts. */
static size_t reference_count(const char *text, size_t *cjk_chars)
{
    size_t len = strlen(text), words = 0;
    *cjk_chars = 0;
    if (len == 0)
        return 0;
    char *breaks = malloc(len);
    ck_assert_ptr_nonnull(breaks);
    u8_wordbreaks((const uint8_t *)text, len, breaks);
    bool counted = false;
    for (size_t i = 0; i < len;) {
        ucs4_t uc;
        int n = u8_mbtouc(&uc, (const uint8_t *)text + i, len - i);
        if (breaks[i])
            counted = false;
        if (!counted && (uc_is_alpha(uc) || uc_is_digit(uc))) {
            words++;
            counted = true;
        }
        if (uc_is_property_ideographic(uc) || (uc >= 0x3040 && uc <= 0x30FF) ||
            (uc >= 0x0E00 && uc <= 0x0E7F))
            (*cjk_chars)++;
        i += n > 0 ? (size_t)n : 1;
    }
    free(breaks);
    return words;
}

static void same_as_reference(const char *text)
{
    size_t cjk, ref_cjk;
    size_t words = words_count(text, &cjk);
    size_t ref = reference_count(text, &ref_cjk);
    ck_assert_msg(words == ref && cjk == ref_cjk, "\"%s\": %zu words %zu cjk, libunistring %zu %zu",
                  text, words, cjk, ref, ref_cjk);
}

START_TEST(known_counts)
{
    static const struct {
        const char *text;
        size_t words;
    } cases[] = {
        {"", 0},
        {"   ", 0},
        {"one two  three", 3},
        {"don't e.g. a:b 3.14 1,000,000 a_b_1 x__y", 7},
        {"a.1 1.a a,b 1:2 a..b", 10},
        {"caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9", 3},
        {"\xc3\xa9t\xc3\xa9\xe2\x80\x94" "d\xc3\xa9j\xc3\xa0 \xc2\xa9 2024\xe2\x80\xa6 l'\xc3\xa9t\xc3\xa9 \xc3\x9f.a",
         5},
        {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e text", 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t cjk;
        ck_assert_uint_eq(words_count(cases[i].text, &cjk), cases[i].words);
        same_as_reference(cases[i].text);
    }
}
END_TEST

/* Characters the word-break rules treat apart, ASCII and not. */
static const char *const alphabet[] = {
    "a", "Z", "7", " ", "\n", "\t", "\r", ".", ",", ";", ":", "'", "\"", "_", "-", "/",
    "\xcc\x81",         /* U+0301 combining acute (Extend) */
    "\xc2\xad",         /* U+00AD soft hyphen (Format) */
    "\xe2\x80\x8d",     /* U+200D zero-width joiner */
    "\xc2\xa0",         /* U+00A0 no-break space */
    "\xe2\x80\x99",     /* U+2019 right single quote (MidNumLet) */
    "\xc3\xa9",         /* U+00E9 letter */
    "\xe3\x82\xab",     /* U+30AB katakana */
    "\xd7\x90",         /* U+05D0 Hebrew letter */
    "\xe4\xb8\xad",     /* U+4E2D ideograph */
    "\xe0\xb8\x81",     /* U+0E01 Thai */
    "\xf0\x9f\x87\xab", /* U+1F1EB regional indicator */
    "\xf0\x9f\x98\x80", /* U+1F600 emoji */
    "\xe3\x80\x80",     /* U+3000 ideographic space */
    "\xc2\xa9",         /* U+00A9 copyright sign (Other) */
    "\xe2\x80\x94",     /* U+2014 em dash (Other) */
    "\xc2\xb7",         /* U+00B7 middle dot (MidLetter) */
    "\xcb\x82",         /* U+02C2 modifier letter (ALetter, no letter) */
    "\xcd\xbe",         /* U+037E Greek question mark (MidNum) */
};
#define ALPHABET (sizeof alphabet / sizeof alphabet[0])

START_TEST(every_short_string)
{
    char text[64];
    for (size_t a = 0; a < ALPHABET; a++)
        for (size_t b = 0; b < ALPHABET; b++)
            for (size_t c = 0; c < ALPHABET; c++)
                for (size_t d = 0; d < ALPHABET; d++) {
                    snprintf(text, sizeof text, "%s%s%s%s", alphabet[a], alphabet[b], alphabet[c],
                             alphabet[d]);
                    same_as_reference(text);
                }
}
END_TEST

START_TEST(long_random_strings)
{
    unsigned seed = 12345;
    char text[4096];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        /* mostly ASCII, as pages are, in some rounds none */
        unsigned ascii_only = round % 3 == 0;
        for (;;) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % (ascii_only ? 16 : ALPHABET);
            size_t n = strlen(alphabet[r]);
            if (len + n + 1 > sizeof text || (seed >> 8) % 97 == 0)
                break;
            memcpy(text + len, alphabet[r], n);
            len += n;
        }
        text[len] = '\0';
        same_as_reference(text);
    }
}
END_TEST

static Suite *wordcount_suite(void)
{
    Suite *s = suite_create("wordcount");
    TCase *tc = tcase_create("count");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, known_counts);
    tcase_add_test(tc, every_short_string);
    tcase_add_test(tc, long_random_strings);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(wordcount_suite)
