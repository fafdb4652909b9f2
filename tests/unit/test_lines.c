/*
 * test_lines.c — reading --jsonl lines within a size limit: lines and their
 * lengths (NUL bytes kept), a line past the limit dropped while the next
 * one is read whole, and JSON escapes counted as what they decode to.
 */
#include "testutil.h"

#include "cli_lines.h"

static FILE *stream(const char *bytes, size_t len)
{
    FILE *f = fmemopen((void *)bytes, len, "r");
    ck_assert_ptr_nonnull(f);
    return f;
}

static void expect_line(FILE *f, size_t limit, const char *expected, size_t expected_len)
{
    char *line;
    size_t len;
    ck_assert_int_eq(cli_read_line(f, limit, &line, &len), CLI_LINE_OK);
    ck_assert_ptr_nonnull(line);
    ck_assert_uint_eq(len, expected_len);
    ck_assert(memcmp(line, expected, len) == 0 && line[len] == '\0');
    free(line);
}

static void expect_status(FILE *f, size_t limit, cli_line_status expected)
{
    char *line;
    size_t len;
    ck_assert_int_eq(cli_read_line(f, limit, &line, &len), expected);
    ck_assert_ptr_null(line);
}

START_TEST(lines_and_their_lengths)
{
    static const char bytes[] = "a\n\nb\0c\nlast";
    FILE *f = stream(bytes, sizeof bytes - 1);
    expect_line(f, 0, "a", 1);
    expect_line(f, 0, "", 0);
    expect_line(f, 0, "b\0c", 3);
    expect_line(f, 0, "last", 4);
    expect_status(f, 0, CLI_LINE_END);
    fclose(f);
}
END_TEST

START_TEST(a_line_past_the_limit_is_dropped)
{
    static const char bytes[] = "0123456789\n0123456789A\nnext\n0123456789ABC";
    FILE *f = stream(bytes, sizeof bytes - 1);
    expect_line(f, 10, "0123456789", 10);
    expect_status(f, 10, CLI_LINE_TOO_LARGE);
    expect_line(f, 10, "next", 4);
    expect_status(f, 10, CLI_LINE_TOO_LARGE);   /* the last line, without "\n" */
    expect_status(f, 10, CLI_LINE_END);
    fclose(f);
}
END_TEST

START_TEST(escapes_count_as_what_they_decode_to)
{
    /* Ten decoded bytes each: ten "\n", five "\u00e9" (two bytes of UTF-8),
     * ten "\u003c", two surrogate pairs and a "\"" and a "\\"; then one
     * more of each kind is too many. */
    static const char bytes[] =
        "\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\n"
        "\\u00e9\\u00E9\\u00e9\\u00e9\\u00e9\n"
        "\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\n"
        "\\ud83d\\ude00\\ud83d\\ude00\\\"\\\\\n"
        "\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\n"
        "\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9x\n"
        "\\u20ac\\u20ac\\u20ac\\u20ac\n"
        "ok\n";
    FILE *f = stream(bytes, sizeof bytes - 1);
    expect_line(f, 10, "\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n", 20);
    expect_line(f, 10, "\\u00e9\\u00E9\\u00e9\\u00e9\\u00e9", 30);
    expect_line(f, 10, "\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c\\u003c", 60);
    expect_line(f, 10, "\\ud83d\\ude00\\ud83d\\ude00\\\"\\\\", 28);
    expect_status(f, 10, CLI_LINE_TOO_LARGE);
    expect_status(f, 10, CLI_LINE_TOO_LARGE);
    expect_status(f, 10, CLI_LINE_TOO_LARGE);   /* "\u20ac" is three bytes */
    expect_line(f, 10, "ok", 2);
    fclose(f);
}
END_TEST

static Suite *lines_suite(void)
{
    Suite *s = suite_create("lines");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, lines_and_their_lengths);
    tcase_add_test(tc, a_line_past_the_limit_is_dropped);
    tcase_add_test(tc, escapes_count_as_what_they_decode_to);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(lines_suite)
