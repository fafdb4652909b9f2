/*
 * test_cli.c — the real `readmode` command: exit codes, output shapes, bulk
 * output, JSON-lines streaming, and clean failure on hostile input (empty,
 * binary, invalid UTF-8, malformed markup, a 200 MB file, a missing file).
 */
#include "testutil.h"

#include "tmpdir.h"

#include <cJSON.h>
#include <sys/wait.h>

/* Enough prose for a page to count as an article. */
#define PAD_TEXT                                                                         \
    "The ferry timetable changes on Monday, when the winter schedule starts and the "  \
    "last crossing of the evening moves forward by forty minutes, a change the "       \
    "operator says reflects the smaller number of passengers after October. Commuters" \
    " who rely on the late boat have asked for a review, and the council has agreed "   \
    "to raise the matter at its next meeting, although it has no power over the "      \
    "schedule itself."

static char *scratch;

static void setup(void) { scratch = tu_mkdtemp("cli"); }

static void teardown(void)
{
    tu_rmtree(scratch);
    scratch = NULL;
}

typedef struct {
    int status;
    char *out;
    char *err;
} run_result;

/* Run `readmode ARGS` through the shell with stdin from `input` (a path or
 * NULL for /dev/null); capture stdout, stderr and the exit status. */
static run_result run(const char *args, const char *input)
{
    char cmd[20000], out_path[1024], err_path[1024];
    snprintf(out_path, sizeof out_path, "%s/stdout", scratch);
    snprintf(err_path, sizeof err_path, "%s/stderr", scratch);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s <'%s' >'%s' 2>'%s'", scratch,
             tu_env("RM_BINARY", "build/readmode"), args, input ? input : "/dev/null", out_path,
             err_path);
    int rc = system(cmd);
    run_result r = {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, tu_read_file(out_path, NULL),
                    tu_read_file(err_path, NULL)};
    ck_assert_ptr_nonnull(r.out);
    ck_assert_ptr_nonnull(r.err);
    return r;
}

static void done(run_result *r)
{
    free(r->out);
    free(r->err);
}

static char *example(void)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/examples/tide-mill.html", tu_env("RM_ROOT", "."));
    return path;
}

static char *scratch_file(const char *name, const char *content)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    ck_assert_int_eq(tu_write_file(path, content), 0);
    return path;
}

START_TEST(text_output_and_exit_zero)
{
    char args[4200];
    snprintf(args, sizeof args, "'%s'", example());
    run_result r = run(args, NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strncmp(r.out, "The Tide Mill That Still Grinds Flour\n\n", 39) == 0, "%s", r.out);
    ck_assert_ptr_null(strstr(r.out, "Leave a Reply"));
    ck_assert_str_eq(r.err, "");
    done(&r);
}
END_TEST

START_TEST(stdin_is_the_default_input)
{
    run_result r = run("-f json", example());
    ck_assert_int_eq(r.status, 0);
    cJSON *j = cJSON_Parse(r.out);
    ck_assert_ptr_nonnull(j);
    ck_assert_str_eq(cJSON_GetObjectItem(j, "byline")->valuestring, "Maren Holt");
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(j, "readerable")));
    cJSON *removed = cJSON_GetObjectItem(j, "removed");
    ck_assert_int_eq(cJSON_GetObjectItem(removed, "comments")->valueint, 1);
    ck_assert_int_eq(cJSON_GetObjectItem(removed, "adblock")->valueint, 1);
    cJSON_Delete(j);
    done(&r);
}
END_TEST

START_TEST(markdown_html_and_width)
{
    run_result r = run("-f markdown -", example());
    ck_assert_int_eq(r.status, 0);
    ck_assert(strncmp(r.out, "# The Tide Mill", 15) == 0);
    ck_assert_ptr_nonnull(strstr(r.out, "## Visiting"));
    done(&r);
    r = run("-f html -", example());
    ck_assert_ptr_nonnull(strstr(r.out, "<!DOCTYPE html>"));
    ck_assert_ptr_nonnull(strstr(r.out, "<html lang=\"en-GB\">"));
    ck_assert_ptr_null(strstr(r.out, "<script"));
    ck_assert_ptr_null(strstr(r.out, "javascript:"));
    done(&r);
    r = run("--width 40 -", example());
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n"))
        ck_assert_msg(strlen(line) <= 40 * 3, "line too long: %s", line);
    done(&r);
}
END_TEST

START_TEST(probe_answers_with_exit_status)
{
    run_result r = run("--probe -", example());
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "");
    done(&r);
    r = run("--probe -", scratch_file("nav.html", "<html><body><nav><a href=/>Home</a></nav></body></html>"));
    ck_assert_int_eq(r.status, 1);
    done(&r);
}
END_TEST

START_TEST(no_article_exits_one_with_best_text)
{
    run_result r = run("-", scratch_file("short.html", "<html><title>Hi</title><body><p>Just a line.</p></body></html>"));
    ck_assert_int_eq(r.status, 1);
    ck_assert_ptr_nonnull(strstr(r.out, "Just a line."));
    ck_assert_ptr_nonnull(strstr(r.err, "no article found"));
    done(&r);
}
END_TEST

START_TEST(bulk_output_directory)
{
    char args[8400];
    char *second = strdup(scratch_file("second.html", "<html><body><article><p>" PAD_TEXT "</p></article></body></html>"));
    snprintf(args, sizeof args, "-f markdown -o out '%s' '%s'", example(), second);
    char out_dir[4096];
    snprintf(out_dir, sizeof out_dir, "%s/out", scratch);
    mkdir(out_dir, 0700);
    run_result r = run(args, NULL);
    ck_assert_int_le(r.status, 1);
    char path[4200];
    snprintf(path, sizeof path, "%s/tide-mill.md", out_dir);
    char *md = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(md);
    ck_assert(strncmp(md, "# The Tide Mill", 15) == 0);
    snprintf(path, sizeof path, "%s/second.md", out_dir);
    char *md2 = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(md2);
    snprintf(path, sizeof path, "%s/tide-mill.md.part", out_dir);
    ck_assert_int_ne(access(path, F_OK), 0);
    free(md);
    free(md2);
    free(second);
    done(&r);
}
END_TEST

START_TEST(jsonl_stream)
{
    const char *lines =
        "{\"id\": 7, \"url\": \"https://a.example/p\", \"html\": \"<html><body><article><p>" PAD_TEXT
        "</p><a href='x.html'>x</a></article></body></html>\"}\n"
        "not json\n"
        "{\"id\": \"b\", \"html\": 42}\n";
    run_result r = run("--jsonl", scratch_file("in.jsonl", lines));
    ck_assert_int_eq(r.status, 1);
    char *line2 = strchr(r.out, '\n');
    ck_assert_ptr_nonnull(line2);
    *line2++ = '\0';
    cJSON *a = cJSON_Parse(r.out);
    ck_assert_int_eq(cJSON_GetObjectItem(a, "id")->valueint, 7);
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(a, "ok")));
    const char *html = cJSON_GetObjectItem(cJSON_GetObjectItem(a, "article"), "html")->valuestring;
    ck_assert_ptr_nonnull(strstr(html, "https://a.example/x.html"));
    char *line3 = strchr(line2, '\n');
    *line3++ = '\0';
    cJSON *b = cJSON_Parse(line2);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(b, "error"), "code")->valuestring, "bad_json");
    cJSON *c = cJSON_Parse(line3);
    ck_assert_str_eq(cJSON_GetObjectItem(c, "id")->valuestring, "b");
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(c, "error"), "code")->valuestring, "bad_request");
    cJSON_Delete(a);
    cJSON_Delete(b);
    cJSON_Delete(c);
    done(&r);
}
END_TEST

/* --jsonl reads lines as strictly as the host reads frames. */
START_TEST(jsonl_strict)
{
    static const char lines[] =
        "{\"id\":1,\"html\":\"<p>kept \\u0000 lost?</p>\"}\n"
        "{\"id\":2,\"html\":\"<p>x</p>\"}\0{\"id\":3,\"html\":\"<p>y</p>\"}\n"
        "{\"id\":4,\"html\":\"<p>x</p>\",\"url\":7}\n"
        "{\"id\":5,\"html\":\"<p>x</p>\"} {\"id\":6}\n"
        "{\"id\":7,\"html\":\"<p>caf\xff</p>\"}\n"
        "{\"id\":8,\"html\":\"<p>kept\\uzzzz lost</p>\"}\n";
    static const char *const expected[][2] = {
        {"bad_request", "\"html\" holds a NUL character"},
        {"bad_json", "after the JSON value"},
        {"bad_request", "\"url\" must be a string"},
        {"bad_json", "after the JSON value"},
        {"bad_utf8", "not valid UTF-8"},
        {"bad_json", "\\u escape without four hex digits"},
    };
    char path[4096];
    snprintf(path, sizeof path, "%s/strict.jsonl", scratch);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(lines, 1, sizeof lines - 1, f);
    fclose(f);
    run_result r = run("--jsonl", path);
    ck_assert_int_eq(r.status, 1);
    char *line = r.out;
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
        char *next = strchr(line, '\n');
        ck_assert_msg(next != NULL, "only %zu reply lines: %s", i, r.out);
        *next = '\0';
        cJSON *reply = cJSON_Parse(line);
        ck_assert_ptr_nonnull(reply);
        ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(reply, "ok")));
        cJSON *err = cJSON_GetObjectItem(reply, "error");
        ck_assert_str_eq(cJSON_GetObjectItem(err, "code")->valuestring, expected[i][0]);
        ck_assert_msg(strstr(cJSON_GetObjectItem(err, "message")->valuestring, expected[i][1]),
                      "line %zu: %s", i, line);
        cJSON_Delete(reply);
        line = next + 1;
    }
    ck_assert_str_eq(line, "");
    done(&r);
}
END_TEST

START_TEST(input_errors_exit_three)
{
    run_result r = run("missing.html", NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert_ptr_nonnull(strstr(r.err, "readmode: missing.html: No such file or directory"));
    done(&r);
    r = run("-", scratch_file("empty.html", ""));
    ck_assert_int_eq(r.status, 3);
    ck_assert_ptr_nonnull(strstr(r.err, "empty or not HTML"));
    done(&r);
    char png[4096];
    snprintf(png, sizeof png, "%s/image.png", scratch);
    FILE *f = fopen(png, "wb");
    fwrite("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 1, 16, f);
    fclose(f);
    r = run("-", png);
    ck_assert_int_eq(r.status, 3);
    done(&r);
    r = run(".", NULL);
    ck_assert_int_eq(r.status, 3);
    done(&r);
}
END_TEST

START_TEST(huge_file_is_refused_without_reading)
{
    char big[4096];
    snprintf(big, sizeof big, "%s/big.html", scratch);
    FILE *f = fopen(big, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, 200L << 20, SEEK_SET), 0);   /* sparse 200 MB */
    fputc('x', f);
    fclose(f);
    run_result r = run("big.html", NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert_ptr_nonnull(strstr(r.err, "exceeds --max-size"));
    done(&r);
    r = run("--max-size 100 -", example());   /* a pipe is cut off too */
    ck_assert_int_eq(r.status, 3);
    done(&r);
}
END_TEST

START_TEST(malformed_and_invalid_utf8_input)
{
    run_result r = run("-", scratch_file("soup.html",
        "<table><tr><td><p><b><i>unclosed <div></table></i>\xff\xfe bad \xc3 bytes "
        "<<>><!-- never closed <script>"));
    ck_assert_int_le(r.status, 1);
    done(&r);
    r = run("-f json -", scratch_file("bad.html", "<p>caf\xe9 \xff au lait</p>"));
    ck_assert_int_le(r.status, 1);
    cJSON *j = cJSON_Parse(r.out);
    ck_assert_ptr_nonnull(j);   /* output is valid UTF-8 JSON */
    cJSON_Delete(j);
    done(&r);
}
END_TEST

START_TEST(usage_error_exits_two)
{
    run_result r = run("--format pdf", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "readmode: unknown format 'pdf'"));
    done(&r);
    r = run("--help", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Exit status"));
    done(&r);
    r = run("--version", NULL);
    ck_assert(strncmp(r.out, "readmode ", 9) == 0);
    done(&r);
}
END_TEST

static Suite *cli_binary_suite(void)
{
    Suite *s = suite_create("cli-binary");
    TCase *tc = tcase_create("command");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, text_output_and_exit_zero);
    tcase_add_test(tc, stdin_is_the_default_input);
    tcase_add_test(tc, markdown_html_and_width);
    tcase_add_test(tc, probe_answers_with_exit_status);
    tcase_add_test(tc, no_article_exits_one_with_best_text);
    tcase_add_test(tc, bulk_output_directory);
    tcase_add_test(tc, jsonl_stream);
    tcase_add_test(tc, jsonl_strict);
    tcase_add_test(tc, input_errors_exit_three);
    tcase_add_test(tc, huge_file_is_refused_without_reading);
    tcase_add_test(tc, malformed_and_invalid_utf8_input);
    tcase_add_test(tc, usage_error_exits_two);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(cli_binary_suite)
