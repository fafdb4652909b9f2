/*
 * test_cli.c — the real `readmode` command: exit codes, output shapes, bulk
 * output, JSON-lines streaming, and clean failure on hostile input (empty,
 * binary, invalid UTF-8, malformed markup, a 200 MB file, a missing file).
 */
/* wait4, for one child's peak memory (glibc and the BSDs have it). */
#define _DEFAULT_SOURCE

#include "testutil.h"

#include "tmpdir.h"

#include <cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

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
 * NULL for /dev/null); capture stdout, stderr and the exit status. ARGS may
 * redirect (">/dev/full"): its redirections win over the capture. */
static run_result run(const char *args, const char *input)
{
    char cmd[20000], out_path[1024], err_path[1024];
    snprintf(out_path, sizeof out_path, "%s/stdout", scratch);
    snprintf(err_path, sizeof err_path, "%s/stderr", scratch);
    snprintf(cmd, sizeof cmd, "cd '%s' && { '%s' %s; } <'%s' >'%s' 2>'%s'", scratch,
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

static void mkdir_in_scratch(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    ck_assert_int_eq(mkdir(path, 0700), 0);
}

static char *scratch_read(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    return tu_read_file(path, NULL);
}

static void copy_example(const char *name)
{
    char *html = tu_read_file(example(), NULL);
    ck_assert_ptr_nonnull(html);
    scratch_file(name, html);
    free(html);
}

/* Entries of a scratch folder, hidden ones included ("." and ".." not). */
static int count_entries(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    int n = tu_count_entries(path);
    ck_assert_int_ge(n, 0);
    return n;
}

/* Parse every line of out as a JSON object; returns the number of lines. */
static int json_lines(const char *out, cJSON **items, int max)
{
    int n = 0;
    for (const char *p = out; *p; n++) {
        const char *nl = strchr(p, '\n');
        ck_assert_msg(nl != NULL, "last line has no newline: %s", p);
        char *line = strndup(p, (size_t)(nl - p));
        cJSON *j = cJSON_Parse(line);
        ck_assert_msg(cJSON_IsObject(j), "not a JSON object: %s", line);
        free(line);
        if (n < max)
            items[n] = j;
        else
            cJSON_Delete(j);
        p = nl + 1;
    }
    return n;
}

static const char *record_file(cJSON *j)
{
    return cJSON_GetObjectItem(j, "file")->valuestring;
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
    /* DIR is created; inputs keep their relative paths under it. */
    mkdir_in_scratch("in");
    copy_example("in/tide-mill.html");
    scratch_file("in/second.html", "<html><body><article><p>" PAD_TEXT "</p></article></body></html>");
    run_result r = run("-f markdown -o out/md in/tide-mill.html in/second.html", NULL);
    ck_assert_int_eq(r.status, 0);
    char *md = scratch_read("out/md/in/tide-mill.md");
    ck_assert_ptr_nonnull(md);
    ck_assert(strncmp(md, "# The Tide Mill", 15) == 0);
    char *md2 = scratch_read("out/md/in/second.md");
    ck_assert_ptr_nonnull(md2);
    ck_assert_int_eq(count_entries("out/md/in"), 2);   /* no temporary file left */
    free(md);
    free(md2);
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
    ck_assert_int_eq(r.status, 0);   /* every record got its answer line */
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
    ck_assert_int_eq(r.status, 0);   /* every line got its answer */
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


#define ARTICLE_PAGE "<html><body><article><p>" PAD_TEXT "</p></article></body></html>"
#define SHORT_PAGE "<html><title>Hi</title><body><p>Just a line.</p></body></html>"

START_TEST(options_as_gnu_tools_take_them)
{
    copy_example("page.html");
    run_result r = run("-fmarkdown page.html", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strncmp(r.out, "# The Tide Mill", 15) == 0);
    done(&r);
    r = run("--format=markdown page.html", NULL);
    ck_assert(strncmp(r.out, "# The Tide Mill", 15) == 0);
    done(&r);
    r = run("page.html --form=md", NULL);   /* unambiguous prefix, option after file */
    ck_assert(strncmp(r.out, "# The Tide Mill", 15) == 0);
    done(&r);
    scratch_file("-q", ARTICLE_PAGE);
    r = run("-qj1 -fjson -- page.html -q", NULL);   /* bundled; "-q" after -- is a file */
    ck_assert_int_eq(r.status, 0);
    cJSON *items[2];
    ck_assert_int_eq(json_lines(r.out, items, 2), 2);
    ck_assert_str_eq(record_file(items[1]), "-q");
    ck_assert_str_eq(r.err, "");   /* -q: no summary */
    cJSON_Delete(items[0]);
    cJSON_Delete(items[1]);
    done(&r);
    r = run("-w", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "option '-w' needs a value"));
    done(&r);
}
END_TEST

START_TEST(exit_status_of_every_mode)
{
    scratch_file("good.html", ARTICLE_PAGE);
    scratch_file("short.html", SHORT_PAGE);
    scratch_file("empty.html", "");
    struct { const char *args; int status; } cases[] = {
        {"good.html", 0},
        {"short.html", 1},                       /* single page: no article */
        {"empty.html", 3},                       /* single page: not HTML */
        {"missing.html", 3},
        {"good.html short.html", 0},             /* bulk: outcomes are output */
        {"-f json good.html short.html empty.html", 0},
        {"good.html missing.html", 3},           /* bulk: unreadable input */
        {"-o out good.html short.html", 0},
        {"-o out good.html missing.html", 3},
        {"-o good.html/sub good.html", 4},       /* output folder impossible */
        {"good.html >/dev/full", 4},
        {"-f json good.html short.html >/dev/full", 4},
        {"--jsonl <in.jsonl >/dev/full", 4},
        {"--probe short.html", 1},
        {"--probe good.html short.html", 2},
        {"--bogus", 2},
    };
    scratch_file("in.jsonl", "{\"html\":\"<p>x</p>\"}\n");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_result r = run(cases[i].args, NULL);
        ck_assert_msg(r.status == cases[i].status, "readmode %s: exit %d, expected %d (%s)",
                      cases[i].args, r.status, cases[i].status, r.err);
        if (cases[i].status == 4)
            ck_assert_msg(strstr(r.err, "readmode: ") != NULL, "%s: no message", cases[i].args);
        done(&r);
    }
}
END_TEST

START_TEST(jsonl_no_article_and_bad_lines_exit_zero)
{
    const char *lines = "{\"id\":1,\"html\":\"<p>short</p>\"}\nnot json\n{\"id\":3,\"html\":\"\"}\n";
    run_result r = run("--jsonl", scratch_file("in.jsonl", lines));
    ck_assert_int_eq(r.status, 0);
    cJSON *items[3];
    ck_assert_int_eq(json_lines(r.out, items, 3), 3);
    for (int i = 0; i < 3; i++) {
        ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(items[i], "ok")));
        cJSON_Delete(items[i]);
    }
    ck_assert_ptr_nonnull(strstr(r.err, "readmode: 3 pages, 0 articles, 1 without article, 2 errors, "));
    done(&r);
}
END_TEST

START_TEST(output_names_never_collide)
{
    mkdir_in_scratch("a");
    mkdir_in_scratch("b");
    scratch_file("a/x.html", ARTICLE_PAGE);
    scratch_file("b/x.html", SHORT_PAGE);
    scratch_file("x.html", ARTICLE_PAGE);
    scratch_file("x.htm", SHORT_PAGE);
    run_result r = run("-q -o out a/x.html b/x.html x.html x.htm ./x.html ../x.html 2>/dev/null",
                       NULL);
    done(&r);
    const char *expected[] = {"out/a/x.txt", "out/b/x.txt", "out/x.txt", "out/x-2.txt",
                              "out/x-3.txt"};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        char *text = scratch_read(expected[i]);
        ck_assert_msg(text != NULL, "%s missing", expected[i]);
        free(text);
    }
    char *b = scratch_read("out/b/x.txt");
    ck_assert_ptr_nonnull(strstr(b, "Just a line."));   /* not overwritten by a/x.html */
    free(b);
    ck_assert_int_eq(count_entries("out"), 5);   /* a, b, x.txt, x-2.txt, x-3.txt: ../ failed */
}
END_TEST

START_TEST(no_truncated_file_when_the_disk_is_full)
{
    /* A 1 KiB file-size limit makes every write past it fail (EFBIG) the
     * way a full disk does (ENOSPC); the article is far longer. */
    copy_example("page.html");
    mkdir_in_scratch("out");
    run_result r = run("-o out page.html", NULL);
    ck_assert_int_eq(r.status, 0);
    done(&r);
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "cd '%s' && trap '' XFSZ && ulimit -f 1 && rm out/page.txt && "
             "'%s' -f html -o out page.html 2>err; echo $? >status",
             scratch, tu_env("RM_BINARY", "build/readmode"));
    ck_assert_int_eq(system(cmd), 0);
    char *status = scratch_read("status");
    ck_assert_str_eq(status, "4\n");
    free(status);
    ck_assert_int_eq(count_entries("out"), 0);
    char *err = scratch_read("err");
    ck_assert_ptr_nonnull(strstr(err, "out/page.html: File too large"));
    free(err);
}
END_TEST

START_TEST(recursive_folders_and_file_lists)
{
    mkdir_in_scratch("site");
    mkdir_in_scratch("site/sub");
    scratch_file("site/b.html", ARTICLE_PAGE);
    scratch_file("site/a.htm", ARTICLE_PAGE);
    scratch_file("site/notes.txt", "not a page");
    scratch_file("site/sub/c.XHTML", ARTICLE_PAGE);
    run_result r = run("-r -q -f json site", NULL);
    ck_assert_int_eq(r.status, 0);
    cJSON *items[4];
    ck_assert_int_eq(json_lines(r.out, items, 4), 3);
    ck_assert_str_eq(record_file(items[0]), "site/a.htm");
    ck_assert_str_eq(record_file(items[1]), "site/b.html");
    ck_assert_str_eq(record_file(items[2]), "site/sub/c.XHTML");
    for (int i = 0; i < 3; i++)
        cJSON_Delete(items[i]);
    done(&r);
    r = run("site", NULL);   /* a folder without -r */
    ck_assert_int_eq(r.status, 3);
    ck_assert_ptr_nonnull(strstr(r.err, "use -r"));
    done(&r);

    scratch_file("list.txt", "site/b.html\n\nsite/a.htm\n");
    r = run("-q -f json --files-from list.txt", NULL);
    ck_assert_int_eq(json_lines(r.out, items, 4), 2);
    ck_assert_str_eq(record_file(items[0]), "site/b.html");
    cJSON_Delete(items[0]);
    cJSON_Delete(items[1]);
    done(&r);
    char list0[4096];
    snprintf(list0, sizeof list0, "%s/list0", scratch);
    FILE *f = fopen(list0, "wb");
    fwrite("site/a.htm\0site/with\nnewline.html\0", 1, 35, f);
    fclose(f);
    scratch_file("site/with\nnewline.html", ARTICLE_PAGE);
    r = run("-q -0 -f json --files-from -", list0);
    ck_assert_int_eq(r.status, 0);
    ck_assert_int_eq(json_lines(r.out, items, 4), 2);
    ck_assert_str_eq(record_file(items[1]), "site/with\nnewline.html");
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(items[1], "ok")));
    cJSON_Delete(items[0]);
    cJSON_Delete(items[1]);
    done(&r);
}
END_TEST

START_TEST(several_json_pages_are_json_lines)
{
    copy_example("page.html");
    scratch_file("short.html", SHORT_PAGE);
    run_result r = run("-f json page.html short.html missing.html", NULL);
    ck_assert_int_eq(r.status, 3);
    cJSON *items[3];
    ck_assert_int_eq(json_lines(r.out, items, 3), 3);
    ck_assert_str_eq(record_file(items[0]), "page.html");
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(items[0], "ok")));
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(items[0], "article"), "byline")->valuestring,
                     "Maren Holt");
    cJSON *err1 = cJSON_GetObjectItem(items[1], "error");
    ck_assert_str_eq(cJSON_GetObjectItem(err1, "code")->valuestring, "no_article");
    ck_assert_ptr_nonnull(cJSON_GetObjectItem(items[1], "article"));   /* best text */
    cJSON *err2 = cJSON_GetObjectItem(items[2], "error");
    ck_assert_str_eq(cJSON_GetObjectItem(err2, "code")->valuestring, "unreadable");
    for (int i = 0; i < 3; i++)
        cJSON_Delete(items[i]);
    /* Summary on stderr, no progress line (stderr is not a terminal). */
    ck_assert_ptr_nonnull(strstr(r.err, "readmode: 3 pages, 1 articles, 1 without article, 1 errors, "));
    ck_assert_ptr_null(strchr(r.err, '\r'));
    done(&r);
}
END_TEST

START_TEST(jsonl_keeps_input_order_on_many_threads)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/many.jsonl", scratch);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 200; i++)   /* long and short pages mixed */
        fprintf(f, "{\"id\":%d,\"html\":\"<article><p>%s</p></article>\"}\n", i,
                i % 3 ? "short" : PAD_TEXT PAD_TEXT PAD_TEXT);
    fclose(f);
    run_result r = run("--jsonl -j 8", path);
    ck_assert_int_eq(r.status, 0);
    cJSON *items[200];
    ck_assert_int_eq(json_lines(r.out, items, 200), 200);
    for (int i = 0; i < 200; i++) {
        ck_assert_int_eq(cJSON_GetObjectItem(items[i], "id")->valueint, i);
        cJSON_Delete(items[i]);
    }
    done(&r);
}
END_TEST

START_TEST(progress_line_only_on_a_terminal)
{
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "p%d.html", i);
        scratch_file(name, ARTICLE_PAGE);
    }
    /* script(1) gives the command a terminal; its output is what the
     * terminal received. */
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "cd '%s' && script -qec \"'%s' -o out p0.html p1.html p2.html\" "
             "/dev/null >tty.txt 2>&1", scratch, tu_env("RM_BINARY", "build/readmode"));
    ck_assert_int_eq(system(cmd), 0);
    char *tty = scratch_read("tty.txt");
    ck_assert_ptr_nonnull(tty);
    ck_assert_msg(strstr(tty, "3/3 pages, ") && strstr(tty, "pages/s, 0 failed"), "%s", tty);
    ck_assert_ptr_nonnull(strstr(tty, "\r\033[K"));   /* redrawn in place, then cleared */
    ck_assert_ptr_nonnull(strstr(tty, "readmode: 3 pages, 3 articles, 0 without article, 0 errors, "));
    free(tty);
    snprintf(cmd, sizeof cmd, "cd '%s' && script -qec \"'%s' -q -o out p0.html p1.html\" "
             "/dev/null >tty.txt 2>&1", scratch, tu_env("RM_BINARY", "build/readmode"));
    ck_assert_int_eq(system(cmd), 0);
    tty = scratch_read("tty.txt");
    ck_assert_str_eq(tty, "");   /* --quiet: nothing */
    free(tty);
}
END_TEST

START_TEST(width_leaves_code_unwrapped)
{
    scratch_file("code.html", "<html><body><article><p>" PAD_TEXT "</p><pre><code>"
                 "printf(\"%s\", a_rather_long_function_name(with, several, arguments));"
                 "</code></pre></article></body></html>");
    run_result r = run("-w 30 code.html", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\nprintf(\"%s\", a_rather_long_function_name(with, several, arguments));\n"));
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n"))   /* prose is wrapped */
        ck_assert_msg(strlen(line) <= 30 || strncmp(line, "printf(", 7) == 0, "too long: %s", line);
    done(&r);
}
END_TEST

START_TEST(jsonl_record_names_its_charset)
{
    /* "caf\xe9" in windows-1251 is "cafй"; in the default guess it is not. */
    const char *lines =
        "{\"id\":1,\"charset\":\"windows-1251\",\"html\":\"<article><p>\\u00e9</p></article>\"}\n"
        "{\"id\":2,\"content_type\":\"text/html; charset=koi8-r\",\"html\":\"<article><p>x</p></article>\"}\n"
        "{\"id\":3,\"charset\":\"no-such-charset\",\"html\":\"<p>x</p>\"}\n";
    run_result r = run("--jsonl", scratch_file("cs.jsonl", lines));
    cJSON *items[3];
    ck_assert_int_eq(json_lines(r.out, items, 3), 3);
    cJSON *err = cJSON_GetObjectItem(items[2], "error");
    ck_assert_str_eq(cJSON_GetObjectItem(err, "code")->valuestring, "bad_option");
    ck_assert_ptr_nonnull(cJSON_GetObjectItem(items[0], "article"));
    for (int i = 0; i < 3; i++)
        cJSON_Delete(items[i]);
    done(&r);
}
END_TEST

/* ---- --jsonl: a line over --max-size is not held ---- */

/* Run `readmode --jsonl -j 1 --max-size 100000` on `lines`, with `junk`
 * bytes of page text inserted, in pieces, into the html string of a first
 * line; stdout goes to scratch/out.jsonl. Returns the peak RSS in KiB. */
static long jsonl_peak_rss(const char *second_line, size_t junk)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    char out[4096];
    snprintf(out, sizeof out, "%s/out.jsonl", scratch);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (o < 0 || dup2(fds[0], 0) < 0 || dup2(o, 1) < 0)
            _exit(126);
        close(fds[1]);
        execl(tu_env("RM_BINARY", "build/readmode"), "readmode", "--jsonl", "-j", "1",
              "--max-size", "100000", "-q", (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    FILE *in = fdopen(fds[1], "w");
    ck_assert_ptr_nonnull(in);
    if (junk) {
        static char piece[65536];
        memset(piece, 'w', sizeof piece);
        fputs("{\"id\":1,\"html\":\"<p>", in);
        for (size_t done = 0; done < junk; done += sizeof piece)
            ck_assert_uint_eq(fwrite(piece, 1, sizeof piece, in), sizeof piece);
        fputs("</p>\"}\n", in);
    }
    fputs(second_line, in);
    ck_assert_int_eq(fclose(in), 0);
    int status;
    struct rusage ru;
    ck_assert_int_eq(wait4(pid, &status, 0, &ru), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return ru.ru_maxrss;
}

START_TEST(jsonl_line_over_the_limit_is_not_held)
{
    char *html = tu_read_file(example(), NULL);
    ck_assert_ptr_nonnull(html);
    cJSON *req = cJSON_CreateObject();
    cJSON_AddNumberToObject(req, "id", 2);
    cJSON_AddStringToObject(req, "html", html);
    char *json = cJSON_PrintUnformatted(req);
    size_t n = strlen(json);
    char *line = malloc(n + 2);
    ck_assert_ptr_nonnull(line);
    memcpy(line, json, n);
    strcpy(line + n, "\n");
    long baseline = jsonl_peak_rss(line, 0);
    /* 64 MB of one line, a thousand times the limit. */
    long peak = jsonl_peak_rss(line, (size_t)64 << 20);
    ck_assert_msg(peak < baseline + 16 * 1024, "peak RSS %ld KiB with the long line, %ld without",
                  peak, baseline);
    char *out = scratch_read("out.jsonl");
    cJSON *items[2];
    ck_assert_int_eq(json_lines(out, items, 2), 2);
    cJSON *err = cJSON_GetObjectItem(items[0], "error");
    ck_assert_str_eq(cJSON_GetObjectItem(err, "code")->valuestring, "too_large");
    ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(err, "message")->valuestring,
                                 "--max-size (100000 bytes)"));
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(items[1], "ok")));
    ck_assert_int_eq(cJSON_GetObjectItem(items[1], "id")->valueint, 2);
    for (int i = 0; i < 2; i++)
        cJSON_Delete(items[i]);
    free(out);
    free(line);
    free(json);
    cJSON_Delete(req);
    free(html);
}
END_TEST

/* ---- a signal during -o DIR ---- */

#define BIG_PAGES 24

/* Pages big enough (about 1.3 MB, a 4 MB JSON output each) that writing an
 * output takes a while: a signal during the run often finds temporary
 * files open, and must leave none. */
static void write_big_pages(void)
{
    static const char para[] = "<p>" PAD_TEXT "</p>\n";
    size_t count = 3000, len = strlen(para);
    char *page = malloc(count * len + 200);
    ck_assert_ptr_nonnull(page);
    char *p = page + sprintf(page, "<html><head><title>Ferry</title></head><body><article>");
    for (size_t i = 0; i < count; i++, p += len)
        memcpy(p, para, len);
    strcpy(p, "</article></body></html>");
    mkdir_in_scratch("in");
    for (int i = 0; i < BIG_PAGES; i++) {
        char name[32];
        snprintf(name, sizeof name, "in/p%02d.html", i);
        scratch_file(name, page);
    }
    free(page);
}

/* Start readmode in the scratch folder as an interactive shell would:
 * every signal at its default action, none blocked. */
static pid_t spawn_readmode(char **argv)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        int null = open("/dev/null", O_RDWR);
        if (chdir(scratch) || null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 ||
            dup2(null, 2) < 0)
            _exit(126);
        execv(tu_env("RM_BINARY", "build/readmode"), argv);
        _exit(127);
    }
    return pid;
}

/* The entries of a scratch folder (0 when it does not exist yet) that are
 * not hidden. After the run (`after`), a hidden one (a temporary file)
 * fails the test, and so does a file that does not hold exactly
 * `expected`, when given. */
static int finished_outputs(const char *name, int after, const char *expected)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        ck_assert_msg(!after || e->d_name[0] != '.', "temporary file left: %s/%s", name,
                      e->d_name);
        if (e->d_name[0] == '.')
            continue;
        if (expected) {
            char file[512];
            snprintf(file, sizeof file, "%s/%s", name, e->d_name);
            char *got = scratch_read(file);
            ck_assert_msg(got && strcmp(got, expected) == 0, "%s is not complete", file);
            free(got);
        }
        n++;
    }
    closedir(d);
    return n;
}

START_TEST(a_signal_leaves_no_temporary_file)
{
    write_big_pages();
    run_result r = run("-f json -q -o ref in/p00.html", NULL);
    ck_assert_int_eq(r.status, 0);
    done(&r);
    char *expected = scratch_read("ref/in/p00.json");
    ck_assert_ptr_nonnull(expected);
    /* Each run finds a temporary file open only some of the time (the
     * unit test test_tempfiles holds one at the signal every time), hence
     * several runs. */
    static const struct { int sig; const char *jobs; } runs[] = {
        {SIGINT, "1"}, {SIGINT, "4"}, {SIGTERM, "1"}, {SIGTERM, "3"}, {SIGHUP, "2"}, {SIGHUP, "4"},
    };
    for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
        char out[4096];
        snprintf(out, sizeof out, "%s/out", scratch);
        tu_remove_tree(out);
        /* The rest of argv is NULL, its end included. */
        char *argv[9 + BIG_PAGES] = {"readmode", "-f", "json", "-q", "-j", (char *)runs[k].jobs,
                                     "-o", "out"};
        char names[BIG_PAGES][24];
        for (int i = 0; i < BIG_PAGES; i++) {
            snprintf(names[i], sizeof names[i], "in/p%02d.html", i);
            argv[8 + i] = names[i];
        }
        pid_t pid = spawn_readmode(argv);
        /* Mid-run: once the first output is there, and a little later. */
        for (int waited = 0; finished_outputs("out/in", 0, NULL) == 0; waited++) {
            ck_assert_msg(waited < 3000, "no output after 60 s");
            nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
        }
        nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
        ck_assert_int_eq(kill(pid, runs[k].sig), 0);
        int status;
        ck_assert_int_eq(waitpid(pid, &status, 0), pid);
        ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == runs[k].sig,
                      "status %#x, expected the end by signal %d", status, runs[k].sig);
        int finished = finished_outputs("out/in", 1, expected);
        ck_assert_msg(finished > 0 && finished < BIG_PAGES, "%d of %d outputs: not mid-run",
                      finished, BIG_PAGES);
        ck_assert_int_eq(finished_outputs("out", 1, NULL), 1);   /* only "in" */
    }
    free(expected);
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
    tcase_add_test(tc, options_as_gnu_tools_take_them);
    tcase_add_test(tc, exit_status_of_every_mode);
    tcase_add_test(tc, jsonl_no_article_and_bad_lines_exit_zero);
    tcase_add_test(tc, output_names_never_collide);
    tcase_add_test(tc, no_truncated_file_when_the_disk_is_full);
    tcase_add_test(tc, recursive_folders_and_file_lists);
    tcase_add_test(tc, several_json_pages_are_json_lines);
    tcase_add_test(tc, jsonl_keeps_input_order_on_many_threads);
    tcase_add_test(tc, jsonl_record_names_its_charset);
    tcase_add_test(tc, width_leaves_code_unwrapped);
    tcase_add_test(tc, progress_line_only_on_a_terminal);
    tcase_add_test(tc, a_signal_leaves_no_temporary_file);
    tcase_add_test(tc, jsonl_line_over_the_limit_is_not_held);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(cli_binary_suite)
