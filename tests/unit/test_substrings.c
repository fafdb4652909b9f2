/*
 * test_substrings.c — the automaton of substrings.h: each table's bit
 * when one of its entries is in the text, entries inside, across and at
 * the edges of others (the failure links), whole words framed by spaces
 * with the edges read as spaces, aliased bytes, the early stop, and a
 * brute-force comparison with strstr over random texts.
 */
#include "testutil.h"

#include "substrings.h"

static const char *const colours[] = {"red", "ed", "reddish", "green"};
static const char *const animals[] = {"cat", "at", "dog", "catalog"};

static substrings *built(void)
{
    static substrings m;
    substrings_init(&m);
    ck_assert_int_eq(substrings_add(&m, colours, 4, 1), 0);
    ck_assert_int_eq(substrings_add(&m, animals, 4, 2), 0);
    ck_assert_int_eq(substrings_add_framed(&m, " ", "ox", " ", 4), 0);
    substrings_alias(&m, '\t', ' ');
    substrings_finish(&m);
    return &m;
}

static unsigned scan(const substrings *m, const char *s)
{
    return substrings_scan(m, s, strlen(s), 7);
}

START_TEST(tables_found_by_their_bits)
{
    const substrings *m = built();
    ck_assert_uint_eq(scan(m, "a reddish cat"), 3);
    ck_assert_uint_eq(scan(m, "bed"), 1);         /* "ed", no prefix of it */
    ck_assert_uint_eq(scan(m, "rededog"), 3);      /* after a failed "reddish" */
    ck_assert_uint_eq(scan(m, "catalo"), 2);       /* "cat" and "at" inside */
    ck_assert_uint_eq(scan(m, "gree"), 0);
    ck_assert_uint_eq(scan(m, ""), 0);
    ck_assert_uint_eq(scan(m, "RED"), 0);          /* bytes as they are */
    ck_assert_uint_eq(substrings_scan(m, "redcat", 3, 7), 1);   /* len, not the NUL */
}
END_TEST

START_TEST(framed_words_and_the_edges)
{
    const substrings *m = built();
    ck_assert_uint_eq(scan(m, "an ox here"), 4);
    ck_assert_uint_eq(scan(m, "an\tox\there"), 4);   /* tabs read as spaces */
    ck_assert_uint_eq(scan(m, "box"), 0);
    ck_assert_uint_eq(scan(m, "ox"), 0);             /* no space at the edges */
    ck_assert_uint_eq(substrings_scan_words(m, "ox", 2), 4);
    ck_assert_uint_eq(substrings_scan_words(m, "an ox", 5), 4);
    ck_assert_uint_eq(substrings_scan_words(m, "oxen", 4), 0);
    ck_assert_uint_eq(substrings_scan_words(m, "", 0), 0);
}
END_TEST

START_TEST(the_scan_stops_when_enough_is_found)
{
    const substrings *m = built();
    /* both bits asked for: found by "cat", the rest never read */
    ck_assert_uint_eq(substrings_scan(m, "red cat dog ox ", 15, 3), 3);
    ck_assert_uint_eq(substrings_scan(m, "red cat ox ", 11, 4), 7);
}
END_TEST

START_TEST(bounds_are_refused)
{
    static substrings m;
    substrings_init(&m);
    const char *const empty[] = {""};
    ck_assert_int_eq(substrings_add(&m, empty, 1, 1), -1);
    char many[SUBSTRINGS_CLASSES + 2];
    for (int i = 0; i < SUBSTRINGS_CLASSES + 1; i++)
        many[i] = (char)('!' + i);
    many[SUBSTRINGS_CLASSES + 1] = '\0';
    const char *const wide[] = {many};
    ck_assert_int_eq(substrings_add(&m, wide, 1, 1), -1);   /* too many distinct bytes */
}
END_TEST

START_TEST(same_as_strstr)
{
    const substrings *m = built();
    unsigned seed = 1;
    char text[40];
    for (int round = 0; round < 20000; round++) {
        size_t len = (seed = seed * 1103515245u + 12345u) >> 16 & 31;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = "redishgcatolox \t"[(seed >> 16) % 16];
        }
        text[len] = '\0';
        unsigned want = 0;
        for (int k = 0; k < 4; k++) {
            want |= strstr(text, colours[k]) ? 1u : 0u;
            want |= strstr(text, animals[k]) ? 2u : 0u;
        }
        for (const char *p = text; *p; p++)
            if ((*p == ' ' || *p == '\t') && p[1] == 'o' && p[2] == 'x' && (p[3] == ' ' || p[3] == '\t'))
                want |= 4;
        ck_assert_msg(substrings_scan(m, text, len, 8) == want, "\"%s\"", text);
    }
}
END_TEST

/* Long texts are read in pieces split at spaces (two halves for
 * substrings_scan, four for substrings_scan_words): the same bits as one
 * run over the text framed by spaces, wherever the entries fall. */
START_TEST(long_texts_read_in_pieces_find_the_same)
{
    const substrings *m = built();
    unsigned seed = 7;
    static char framed[2560];
    for (int round = 0; round < 4000; round++) {
        size_t len = 128 + ((seed = seed * 1103515245u + 12345u) >> 16) % 2300;
        framed[0] = ' ';
        for (size_t i = 1; i <= len; i++) {
            seed = seed * 1103515245u + 12345u;
            /* mostly filler, so that an entry's bit depends on one place */
            framed[i] = (seed >> 16) % 8 ? "uvwyz \tq"[(seed >> 20) % 8] : "redishgcatolox \t"[(seed >> 20) % 16];
        }
        framed[len + 1] = ' ';
        framed[len + 2] = '\0';
        unsigned want = substrings_scan(m, framed, len + 2, 8);
        ck_assert_uint_eq(substrings_scan_words(m, framed + 1, len), want);
        /* and the plain scan of the text against strstr */
        framed[len + 1] = '\0';
        const char *text = framed + 1;
        unsigned plain = 0;
        for (int k = 0; k < 4; k++) {
            plain |= strstr(text, colours[k]) ? 1u : 0u;
            plain |= strstr(text, animals[k]) ? 2u : 0u;
        }
        for (const char *p = text; *p; p++)
            if ((*p == ' ' || *p == '\t') && p[1] == 'o' && p[2] == 'x' && (p[3] == ' ' || p[3] == '\t'))
                plain |= 4;
        ck_assert_uint_eq(substrings_scan(m, text, len, 8), plain);
        /* stopping early: what was asked for is found all the same */
        for (unsigned enough = 1; enough < 8; enough++)
            ck_assert_uint_eq(substrings_scan(m, text, len, enough) & enough, plain & enough);
    }
    /* the whole word "ox" in every place of a list of words: first, last,
     * either side of every cut */
    static const size_t counts[] = {43, 44, 45, 46, 86, 87, 88, 89, 342, 343, 344, 345};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++)
        for (size_t k = 0, words = counts[c]; k < words; k++) {
            char list[1100] = "";
            for (size_t w = 0; w < words; w++)
                strcat(list, w == k ? (w ? " ox" : "ox") : (w ? " qq" : "qq"));
            ck_assert_msg(substrings_scan_words(m, list, strlen(list)) == 4, "word %zu of %zu", k, words);
            /* without the frame, not at the edges */
            unsigned inside = k > 0 && k + 1 < words ? 4 : 0;
            ck_assert_msg(substrings_scan(m, list, strlen(list), 8) == inside, "plain, word %zu of %zu",
                          k, words);
        }
}
END_TEST

/* A long text with too few spaces for four pieces is read in two or
 * three (or one): the whole word "ox" is found wherever it stands. */
START_TEST(texts_with_few_spaces_find_the_same)
{
    const substrings *m = built();
    char text[400];
    for (size_t at = 0; at + 2 <= 300; at += 7)
        for (size_t other = 0; other < 300; other += 37) {
            memset(text, 'q', 300);
            text[300] = '\0';
            text[other] = ' ';   /* a second space somewhere, or the same */
            if (at > 0)
                text[at - 1] = ' ';
            memcpy(text + at, "ox", 2);
            if (at + 2 < 300)
                text[at + 2] = ' ';
            ck_assert_msg(substrings_scan_words(m, text, 300) == 4, "ox at %zu, space at %zu", at, other);
            text[at] = 'q';   /* "qx": no word */
            ck_assert_msg(substrings_scan_words(m, text, 300) == 0, "qx at %zu, space at %zu", at, other);
        }
}
END_TEST

/* An entry with a space inside could run over the split: such an
 * automaton reads every text in one run. */
START_TEST(entries_with_inner_spaces_are_not_split)
{
    static substrings m;
    substrings_init(&m);
    const char *const pair[] = {"x y"};
    ck_assert_int_eq(substrings_add(&m, pair, 1, 1), 0);
    substrings_finish(&m);
    char text[601];
    memset(text, 'q', 600);
    text[600] = '\0';
    memcpy(text + 299, "x y", 3);   /* the space at the middle */
    ck_assert_uint_eq(substrings_scan_words(&m, text, 600), 1);
}
END_TEST

static Suite *substrings_suite(void)
{
    Suite *s = suite_create("substrings");
    TCase *tc = tcase_create("automaton");
    tcase_add_test(tc, tables_found_by_their_bits);
    tcase_add_test(tc, framed_words_and_the_edges);
    tcase_add_test(tc, the_scan_stops_when_enough_is_found);
    tcase_add_test(tc, bounds_are_refused);
    tcase_add_test(tc, same_as_strstr);
    tcase_add_test(tc, long_texts_read_in_pieces_find_the_same);
    tcase_add_test(tc, texts_with_few_spaces_find_the_same);
    tcase_add_test(tc, entries_with_inner_spaces_are_not_split);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(substrings_suite)
