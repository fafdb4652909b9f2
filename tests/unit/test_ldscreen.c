/*
 * test_ldscreen.c — the JSON-LD type screen of ldscreen.h: names found
 * anywhere in a text (across and at the end of the eight-byte words it
 * reads), escapes, lower case and UTF-8 bytes that are no capital, a
 * screen too full to trust, and a brute-force comparison with strstr over
 * random texts.
 */
#include "testutil.h"

#include "ldscreen.h"

static const char *const types[] = {"Product", "Offer", "NewsArticle", "Article"};

static ldscreen *screen(void)
{
    static ldscreen s;
    ldscreen_init(&s);
    ldscreen_add(&s, types, 2);
    ldscreen_add(&s, types + 2, 2);
    return &s;
}

START_TEST(names_are_found_wherever_they_stand)
{
    const ldscreen *s = screen();
    ck_assert(ldscreen_may_name(s, "{\"@type\":\"Product\"}"));
    ck_assert(ldscreen_may_name(s, "Offer"));                  /* shorter than a word */
    ck_assert(ldscreen_may_name(s, "{\"@type\":\"Offe\",\"x\":\"Offer\"}"));
    ck_assert(ldscreen_may_name(s, "1234567NewsArticle"));     /* across a word's end */
    ck_assert(ldscreen_may_name(s, "12345678901234Article"));  /* in the tail */
    ck_assert(ldscreen_may_name(s, "IndividualProductGroup"));
    ck_assert(!ldscreen_may_name(s, "{\"@type\":\"WebPage\",\"name\":\"Page 1\"}"));
    ck_assert(!ldscreen_may_name(s, "{\"@type\":\"product\",\"offer\":\"article\"}"));
    ck_assert(!ldscreen_may_name(s, "Produc"));
    ck_assert(!ldscreen_may_name(s, ""));
}
END_TEST

START_TEST(escapes_pass_and_other_bytes_do_not)
{
    const ldscreen *s = screen();
    ck_assert(ldscreen_may_name(s, "{\"@type\":\"\\u0050roduct\"}"));
    ck_assert(ldscreen_may_name(s, "\\u"));
    ck_assert(!ldscreen_may_name(s, "{\"a\":\"x\\ny\\\"z\"}"));   /* other escapes */
    /* UTF-8 bytes whose low seven bits spell a capital or a backslash */
    ck_assert(!ldscreen_may_name(s, "\xc3\x90\xc3\x9c\xc3\x8f\xe2\x80\x9c caf\xc3\xa9 na\xc3\xafve"));
    ck_assert(ldscreen_may_name(s, "caf\xc3\xa9\xc3\xa9\xc3\xa9 Offer"));
}
END_TEST

START_TEST(a_screen_it_cannot_hold_lets_everything_through)
{
    ldscreen s;
    ldscreen_init(&s);
    const char *const lower[] = {"product"};
    ldscreen_add(&s, lower, 1);
    ck_assert(ldscreen_may_name(&s, "{}"));
    ldscreen_init(&s);
    for (int k = 0; k < LDSCREEN_NAMES; k++)
        ldscreen_add(&s, types, 1);
    ck_assert(!ldscreen_may_name(&s, "{}"));
    ldscreen_add(&s, types, 1);   /* one past the bound */
    ck_assert(ldscreen_may_name(&s, "{}"));
}
END_TEST

static bool brute(const char *text)
{
    if (strstr(text, "\\u"))
        return true;
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
        if (strstr(text, types[k]))
            return true;
    return false;
}

START_TEST(same_as_strstr)
{
    static const char alphabet[] = "OPANfrxeiclot\\u\":{}\xc3\x8f ";
    const ldscreen *s = screen();
    unsigned seed = 12345;
    char text[64];
    for (int round = 0; round < 200000; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 16) % (sizeof text);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        /* plant a name now and then, so that both answers are common */
        seed = seed * 1103515245u + 12345u;
        const char *name = types[(seed >> 16) % 4];
        if ((seed >> 20) % 3 == 0 && len > strlen(name))
            memcpy(text + (seed >> 8) % (len - strlen(name) + 1), name, strlen(name));
        text[len] = '\0';
        ck_assert_msg(ldscreen_may_name(s, text) == brute(text), "text \"%s\"", text);
    }
}
END_TEST

static Suite *ldscreen_suite(void)
{
    Suite *s = suite_create("ldscreen");
    TCase *tc = tcase_create("screen");
    tcase_add_test(tc, names_are_found_wherever_they_stand);
    tcase_add_test(tc, escapes_pass_and_other_bytes_do_not);
    tcase_add_test(tc, a_screen_it_cannot_hold_lets_everything_through);
    tcase_add_test(tc, same_as_strstr);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(ldscreen_suite)
