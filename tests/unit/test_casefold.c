/*
 * test_casefold.c — casefold_nfc against u8_casefold (no language, NFC):
 * every character of the blocks it folds itself, alone and between ASCII
 * letters; random strings mixing ASCII, those blocks and characters it
 * leaves to libunistring (combining marks, ß, dotted I, Hangul, Indic vowel
 * signs that compose, emoji); invalid UTF-8. And ascii.h's lower-casing
 * copy against the byte-by-byte definition.
 */
#include "testutil.h"

#include "ascii.h"
#include "casefold.h"

#include <stdint.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

static void same_as_libunistring(const char *s, size_t n)
{
    size_t len = 0, ref_len = 0;
    char *got = casefold_nfc(s, n, &len);
    uint8_t *ref = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFC, NULL, &ref_len);
    ck_assert_msg((got == NULL) == (ref == NULL), "\"%.*s\": NULL differs", (int)n, s);
    if (ref) {
        ck_assert_msg(len == ref_len && memcmp(got, ref, len) == 0 && got[len] == '\0',
                      "\"%.*s\": \"%s\", libunistring \"%.*s\"", (int)n, s, got, (int)ref_len, ref);
    }
    free(got);
    free(ref);
}

static size_t put(char *buf, size_t at, ucs4_t uc)
{
    int n = u8_uctomb((uint8_t *)buf + at, uc, 4);
    ck_assert_int_gt(n, 0);
    return at + (size_t)n;
}

START_TEST(every_character_of_the_blocks)
{
    static const ucs4_t ranges[][2] = {
        {0x00A0, 0x024F}, {0x0370, 0x052F}, {0x2000, 0x218F},
    };
    char buf[32];
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (ucs4_t uc = ranges[r][0]; uc <= ranges[r][1]; uc++) {
            if (uc_is_general_category(uc, UC_CATEGORY_Cn))
                continue;   /* unassigned */
            size_t n = put(buf, 0, uc);
            same_as_libunistring(buf, n);
            n = 0;
            buf[n++] = 'A';
            n = put(buf, n, uc);
            buf[n++] = 'b';
            n = put(buf, n, uc);
            n = put(buf, n, uc);
            buf[n++] = 'C';
            same_as_libunistring(buf, n);
        }
}
END_TEST

START_TEST(random_mixed_strings)
{
    static const ucs4_t alphabet[] = {
        'a', 'Z', ' ', '.', '1', 0x00A0, 0x00C5, 0x00DF, 0x00E9, 0x0130, 0x0149, 0x01F0,
        0x0301, 0x0345, 0x0390, 0x03A3, 0x03C2, 0x0410, 0x0451, 0x0483, 0x1E9E, 0x2019,
        0x2014, 0x2026, 0x20AC, 0x2122, 0x2160, 0x212B, 0xAC00, 0x1100, 0x1161, 0x0B47,
        0x0B3E, 0xFB01, 0x1F600,
    };
    char buf[512];
    unsigned seed = 99;
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        int count = (int)(seed >> 4) % 24;
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            n = put(buf, n, alphabet[(seed >> 16) % (sizeof alphabet / sizeof alphabet[0])]);
        }
        seed = seed * 1103515245u + 12345u;
        same_as_libunistring(buf, n);
    }
}
END_TEST

START_TEST(invalid_utf8_is_refused_as_libunistring_does)
{
    same_as_libunistring("ab\xC3", 3);
    same_as_libunistring("\xE2\x80", 2);
    same_as_libunistring("x\xFFy", 3);
    same_as_libunistring("", 0);
    same_as_libunistring("a\xED\xA0\x80" "b", 5);        /* a surrogate */
    same_as_libunistring("a\xE0\x80\x80" "b", 5);        /* overlong */
    same_as_libunistring("\xF4\x90\x80\x80", 4);       /* beyond U+10FFFF */
    same_as_libunistring("\xEF\xBF\xBD\xC3\x89", 5);   /* a real U+FFFD, then É */
    same_as_libunistring("a\xF0\x8F\xBF\xBF" "b", 6);     /* a four-byte overlong */
    same_as_libunistring("\xF0\x9F\x98", 3);             /* an emoji cut short */
    same_as_libunistring("\xF0\x9F\x98\x80\xC3\x89\xF0\x9F\x98\x80", 10);   /* emoji around É */
}
END_TEST

/* Every byte value at every offset of a run long enough for each of the
 * copy's loops (sixteen, eight and one byte at a time): only 'A'-'Z' change. */
START_TEST(ascii_lower_copy_changes_capitals_only)
{
    enum { RUN = 16 + 8 + 7 };
    for (unsigned b = 0; b < 256; b++) {
        for (size_t at = 0; at < RUN; at++) {
            char in[RUN], out[RUN];
            for (size_t k = 0; k < RUN; k++)
                in[k] = (char)(k == at ? b : 'a' + k % 26);
            ascii_lower_copy(out, in, RUN);
            unsigned want = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            ck_assert_uint_eq((unsigned char)out[at], want);
            for (size_t k = 0; k < RUN; k++)
                if (k != at)
                    ck_assert_int_eq(out[k], in[k]);
        }
    }
}
END_TEST

static Suite *casefold_suite(void)
{
    Suite *s = suite_create("casefold");
    TCase *tc = tcase_create("fold");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_character_of_the_blocks);
    tcase_add_test(tc, random_mixed_strings);
    tcase_add_test(tc, invalid_utf8_is_refused_as_libunistring_does);
    tcase_add_test(tc, ascii_lower_copy_changes_capitals_only);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(casefold_suite)
