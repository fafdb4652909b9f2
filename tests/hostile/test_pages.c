/*
 * test_pages.c — hostile pages through the real `readmode` command. Each
 * case ends with the right article or a clear error, within the memory
 * bound it states and the case timeout (generous: only a hang exceeds it).
 * Big inputs are generated at run time in a scratch folder.
 *
 * Shapes the pre-pass caps (a million attributes, 20 MB of misnested
 * formatting) and their costs belong to the nesting tests and `make bench`.
 */
#define _DEFAULT_SOURCE   /* wait4, for the child's peak memory */
#include "hostile.h"

#include <cJSON.h>
#include <unistr.h>

/* Enough prose for a page to count as an article. */
#define PROSE                                                                            \
    "The ferry timetable changes on Monday, when the winter schedule starts and the "  \
    "last crossing of the evening moves forward by forty minutes, a change the "       \
    "operator says reflects the smaller number of passengers after October. Commuters" \
    " who rely on the late boat have asked for a review, and the council has agreed "   \
    "to raise the matter at its next meeting, although it has no power over the "      \
    "schedule itself."
#define HEAD "<!DOCTYPE html><html><head><title>Ferry timetable</title></head><body>"
#define ARTICLE "<article><h1>Ferry timetable</h1><p>" PROSE "</p><p>" PROSE "</p></article>"

static char *scratch;

static void setup(void) { scratch = tu_mkdtemp("hostile"); }

static void teardown(void)
{
    tu_rmtree(scratch);
    scratch = NULL;
}

/* A scratch file being written piece by piece. */
static FILE *create(const char *name, char *path, size_t len)
{
    snprintf(path, len, "%s/%s", scratch, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    return f;
}

static void put_repeated(FILE *f, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        ck_assert_uint_eq(fwrite(s, 1, n, f), n);
}

static void close_file(FILE *f) { ck_assert_int_eq(fclose(f), 0); }

static char *page_file(const char *name, const char *content, size_t len)
{
    static char path[4200];
    FILE *f = create(name, path, sizeof path);
    ck_assert_uint_eq(fwrite(content, 1, len, f), len);
    close_file(f);
    return path;
}

#define PAGE(name, lit) page_file(name, lit, sizeof lit - 1)

static void assert_utf8(const hostile_run *r)
{
    ck_assert_msg(u8_check((const uint8_t *)r->out, r->out_len) == NULL,
                  "output is not valid UTF-8");
    ck_assert_msg(memchr(r->out, '\0', r->out_len) == NULL, "output holds a NUL byte");
}

/* The run found the article: exit 0 and the prose in the output. */
static void assert_article(const hostile_run *r)
{
    ck_assert_msg(r->status == 0, "exit %d, stderr: %s", r->status, r->err);
    ck_assert_msg(strstr(r->out, "The ferry timetable changes on Monday") != NULL,
                  "article text missing from: %.300s", r->out);
    assert_utf8(r);
}

/* ------------------------------------------------------------ size */

/* 1 000 000 nested <div>s: the nesting cap flattens them as browsers do. */
START_TEST(million_deep_nesting)
{
    char path[4200];
    FILE *f = create("deep.html", path, sizeof path);
    fputs(HEAD, f);
    put_repeated(f, "<div>", 1000000);
    fputs(ARTICLE, f);
    put_repeated(f, "</div>", 1000000);
    close_file(f);
    hostile_run r = hostile_exec(scratch, path, (const char *[]){"-", NULL});
    assert_article(&r);
    ck_assert_msg(r.peak_kb < 2L * 1024 * 1024, "peak %ld kB", r.peak_kb);
    fprintf(stderr, "million_deep_nesting: peak %ld MB\n", r.peak_kb / 1024);
    hostile_done(&r);
}
END_TEST

/* A real (not sparse) 200 MB page is refused by its size, from a file and
 * from a pipe, without being read whole. */
START_TEST(page_of_200mb_refused)
{
    char path[4200];
    FILE *f = create("big.html", path, sizeof path);
    fputs(HEAD "<article>", f);
    put_repeated(f, "<p>" PROSE "</p>\n", (200u << 20) / (sizeof PROSE + 8) + 1);
    close_file(f);
    hostile_run r = hostile_exec(scratch, NULL, (const char *[]){path, NULL});
    ck_assert_int_eq(r.status, 3);
    ck_assert_msg(strstr(r.err, "exceeds --max-size") != NULL, "stderr: %s", r.err);
    ck_assert_msg(r.peak_kb < 64 * 1024, "peak %ld kB for a refused file", r.peak_kb);
    hostile_done(&r);
    r = hostile_exec(scratch, path, (const char *[]){"-", NULL});
    ck_assert_int_eq(r.status, 3);
    ck_assert_msg(strstr(r.err, "exceeds --max-size") != NULL, "stderr: %s", r.err);
    /* Reading stops just past the 64 MiB limit. */
    ck_assert_msg(r.peak_kb < 256 * 1024, "peak %ld kB for a refused pipe", r.peak_kb);
    hostile_done(&r);
}
END_TEST

/* 100 MB of article with the size limit turned off: extracted whole. */
START_TEST(page_of_100mb_without_limit)
{
    char path[4200];
    FILE *f = create("100mb.html", path, sizeof path);
    fputs(HEAD "<article><h1>Ferry timetable</h1>", f);
    size_t paragraphs = (100u << 20) / (sizeof PROSE + 8);
    put_repeated(f, "<p>" PROSE "</p>\n", paragraphs);
    fputs("<p>The very last paragraph.</p></article></body></html>", f);
    close_file(f);
    hostile_run r = hostile_exec(scratch, NULL, (const char *[]){"--max-size", "0", path, NULL});
    assert_article(&r);
    ck_assert_msg(strstr(r.out, "The very last paragraph.") != NULL, "the end was lost");
    ck_assert_uint_gt(r.out_len, paragraphs * (sizeof PROSE - 1));
    ck_assert_msg(r.peak_kb < 12L * 1024 * 1024, "peak %ld kB", r.peak_kb);
    fprintf(stderr, "page_of_100mb_without_limit: peak %ld MB\n", r.peak_kb / 1024);
    hostile_done(&r);
}
END_TEST

/* 100 000 sibling comments under the article: dropped as one thread. */
START_TEST(hundred_thousand_comments)
{
    char path[4200];
    FILE *f = create("comments.html", path, sizeof path);
    fputs(HEAD ARTICLE "<section id=\"comments\" class=\"comments\"><h2>Comments</h2>"
               "<ol class=\"comment-list\">", f);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "<li class=\"comment\" id=\"comment-%d\"><div class=\"comment-author\">"
                   "reader%d</div><p>Comment number %d: I agree with this.</p></li>", i, i, i);
    fputs("</ol></section></body></html>", f);
    close_file(f);
    hostile_run r = hostile_exec(scratch, path, (const char *[]){"-f", "json", "-", NULL});
    ck_assert_int_eq(r.status, 0);
    cJSON *j = cJSON_Parse(r.out);
    ck_assert_ptr_nonnull(j);
    const char *text = cJSON_GetObjectItem(j, "text")->valuestring;
    ck_assert_ptr_nonnull(strstr(text, "The ferry timetable changes on Monday"));
    ck_assert_ptr_null(strstr(text, "Comment number"));
    ck_assert_int_ge(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "removed"), "comments")->valueint,
                     1);
    cJSON_Delete(j);
    hostile_done(&r);
}
END_TEST

/* ------------------------------------------------------------ markup */

/* Pages that end inside a construct: the article before it survives. */
START_TEST(unterminated_constructs)
{
    static const char *const tails[] = {
        "<!-- a comment that never closes <p>hidden</p>",
        "<![CDATA[ never closed ]] > <p>x",
        "<div class=\"never closed",
        "<div class='x' data-x=\"",
        "<script>var never = 'closed'; document.write('<p>",
        "<style>p { color: red",
        "<textarea>never closed <p>x</p>",
        "<svg><foreignObject><math><mi><table><tr><td><select><option>",
        "<a href=\"https://example.org/",
        "<p>&#x1F600",
        "<",
        "</",
        "<!",
        "<!DOCTYPE",
        "<?xml",
    };
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        char page[4096];
        int n = snprintf(page, sizeof page, "%s%s%s", HEAD, ARTICLE, tails[i]);
        char *path = page_file("tail.html", page, (size_t)n);
        hostile_run r = hostile_exec(scratch, path, (const char *[]){"-", NULL});
        ck_assert_msg(r.status == 0, "tail %zu: exit %d, %s", i, r.status, r.err);
        assert_article(&r);
        ck_assert_msg(strstr(r.out, "never") == NULL, "tail %zu leaked: %s", i, r.out);
        hostile_done(&r);
    }
}
END_TEST

/* NUL bytes at the start read as binary: a clear error. Past the sniffing
 * window the page is HTML, and the NULs never reach the output. */
START_TEST(nul_bytes)
{
    char *path = PAGE("nul-start.html", "<p>\0\0\0" PROSE "</p>");
    hostile_run r = hostile_exec(scratch, path, (const char *[]){"-", NULL});
    ck_assert_int_eq(r.status, 3);
    ck_assert_msg(strstr(r.err, "not HTML") != NULL, "stderr: %s", r.err);
    hostile_done(&r);

    char late[8192];
    size_t n = (size_t)snprintf(late, sizeof late, "%s<article><h1>Ferry timetable</h1><p>%s",
                                HEAD, PROSE);
    memset(late + n, ' ', 4000);
    n += 4000;
    memcpy(late + n, "a\0b\0\0c", 6);
    n += 6;
    n += (size_t)snprintf(late + n, sizeof late - n, "</p><p>%s</p></article>", PROSE);
    path = page_file("nul-late.html", late, n);
    r = hostile_exec(scratch, path, (const char *[]){"-f", "json", "-", NULL});
    ck_assert_int_le(r.status, 1);
    assert_utf8(&r);
    cJSON *j = cJSON_Parse(r.out);
    ck_assert_ptr_nonnull(j);
    ck_assert_ptr_null(strstr(r.out, "\\u0000"));
    cJSON_Delete(j);
    hostile_done(&r);
}
END_TEST

/* Overlong forms, surrogates, code points past U+10FFFF, 5-byte forms,
 * lone continuation bytes and cut sequences never decode to what they
 * smuggle ("/" from C0 AF) and never reach the output as invalid UTF-8. */
START_TEST(invalid_utf8)
{
    char *path = PAGE("bad.html", HEAD "<article><h1>Ferry timetable</h1><p>" PROSE
                      " A\xc0\xaf" "B A\xe0\x80\xaf" "B A\xf0\x80\x80\xaf" "B \xed\xa0\x80\xed\xbf\xbf "
                      "\xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 \x80\xbf \xe6\xbc</p><p>" PROSE
                      "</p><p><a href=\"/x\xc0\xaf..\xc0\xaf\">link</a> \xc3</p></article>");
    const char *formats[] = {"text", "html", "markdown", "json"};
    for (size_t i = 0; i < 4; i++) {
        hostile_run r = hostile_exec(scratch, path, (const char *[]){"-f", formats[i], "-", NULL});
        assert_article(&r);
        ck_assert_msg(strstr(r.out, "A/B") == NULL, "%s: an overlong '/' was decoded", formats[i]);
        ck_assert_msg(strstr(r.out, "/x/../") == NULL, "%s: overlong path decoded", formats[i]);
        hostile_done(&r);
    }
}
END_TEST

/* UTF-16 without a byte order mark: either read right, or refused with a
 * clear error; never extracted as mojibake. */
START_TEST(utf16_without_bom)
{
    static const char ascii[] = HEAD ARTICLE "</body></html>";
    char path[4200];
    for (int big_endian = 0; big_endian <= 1; big_endian++) {
        FILE *f = create("utf16.html", path, sizeof path);
        for (size_t i = 0; i < sizeof ascii - 1; i++) {
            char pair[2] = {big_endian ? 0 : ascii[i], big_endian ? ascii[i] : 0};
            fwrite(pair, 1, 2, f);
        }
        close_file(f);
        hostile_run r = hostile_exec(scratch, path, (const char *[]){"-", NULL});
        if (r.status == 0)
            assert_article(&r);
        else
            ck_assert_msg(r.status == 3 && strstr(r.err, "not HTML"),
                          "UTF-16%s: exit %d, stderr %s, out %.200s", big_endian ? "BE" : "LE",
                          r.status, r.err, r.out);
        hostile_done(&r);
    }
}
END_TEST

/* ------------------------------------------------------------ metadata */

static void check_json_ld(const char *name, const char *before, const char *block,
                          size_t repeat, const char *after)
{
    char path[4200];
    FILE *f = create(name, path, sizeof path);
    fputs("<!DOCTYPE html><html><head><title>Ferry timetable</title>"
          "<script type=\"application/ld+json\">", f);
    fputs(before, f);
    put_repeated(f, block, repeat);
    fputs(after, f);
    fputs("</script></head><body>" ARTICLE "</body></html>", f);
    close_file(f);
    hostile_run r = hostile_exec(scratch, path, (const char *[]){"-f", "json", "-", NULL});
    ck_assert_msg(r.status == 0, "%s: exit %d, %s", name, r.status, r.err);
    assert_utf8(&r);
    cJSON *j = cJSON_Parse(r.out);
    ck_assert_msg(j != NULL, "%s: output is not JSON", name);
    ck_assert_str_eq(cJSON_GetObjectItem(j, "title")->valuestring, "Ferry timetable");
    ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(j, "text")->valuestring, "ferry timetable"));
    cJSON_Delete(j);
    hostile_done(&r);
}

/* Broken, enormous and 100 000-deep JSON-LD: ignored or bounded; the page
 * still gives its article and its own title. */
START_TEST(hostile_json_ld)
{
    check_json_ld("invalid.html", "{\"@type\":\"NewsArticle\",\"headline\":", "", 0, "");
    check_json_ld("unclosed.html", "{\"@type\":\"NewsArticle\",\"headline\":\"Ferry", "", 0, "");
    check_json_ld("deep-array.html", "", "[", 100000, "");
    check_json_ld("deep-object.html", "", "{\"@graph\":", 100000, "");
    check_json_ld("deep-closed.html", "", "[", 100000, "");
    check_json_ld("many.html", "[", "{\"@type\":\"Thing\",\"name\":\"x\"},", 200000,
                  "{\"@type\":\"Thing\"}]");
    check_json_ld("huge-string.html", "{\"@type\":\"WebPage\",\"description\":\"",
                  "0123456789abcdef", 1 << 20, "\"}");
}
END_TEST

/* <base href> and <meta http-equiv=refresh>, in the head or the body, are
 * never carried into reader HTML, and no script URL gets through them. */
START_TEST(base_and_refresh_tricks)
{
    char *path = PAGE("tricks.html",
        "<!DOCTYPE html><html><head><title>Ferry timetable</title>"
        "<base href=\"javascript:alert(1)//\">"
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(2)\"></head><body>"
        "<article><h1>Ferry timetable</h1><p>" PROSE " <a href=\"next.html\">next</a>"
        " <img src=\"map.png\" alt=\"map\"></p>"
        "<base href=\"https://evil.example/\">"
        "<meta http-equiv=\"refresh\" content=\"1; URL='https://evil.example/'\">"
        "<p>" PROSE " <a href=\"  JaVa&#x09;ScRiPt:alert(3)\">x</a>"
        " <a href=\"data:text/html,<script>alert(4)</script>\">y</a></p>"
        "<form action=\"javascript:alert(5)\"><button formaction=\"javascript:alert(6)\">go"
        "</button></form></article></body></html>");
    for (int with_url = 0; with_url <= 1; with_url++) {
        const char *args_url[] = {"-f", "html", "-u", "https://ferries.example/news/", "-", NULL};
        const char *args_plain[] = {"-f", "html", "-", NULL};
        hostile_run r = hostile_exec(scratch, path, with_url ? args_url : args_plain);
        assert_article(&r);
        static const char *const never[] = {"<base", "http-equiv", "refresh", "javascript:",
                                            "JaVa", "evil.example", "data:text", "<script",
                                            "<form", "formaction"};
        for (size_t i = 0; i < sizeof never / sizeof *never; i++)
            ck_assert_msg(strstr(r.out, never[i]) == NULL, "reader HTML carries %s:\n%s",
                          never[i], r.out);
        if (with_url)
            ck_assert_msg(strstr(r.out, "href=\"https://ferries.example/news/next.html\"") &&
                              strstr(r.out, "src=\"https://ferries.example/news/map.png\""),
                          "links not resolved against --url: %s", r.out);
        hostile_done(&r);
    }
}
END_TEST

static Suite *hostile_pages_suite(void)
{
    Suite *s = suite_create("hostile-pages");
    TCase *tc = tcase_create("pages");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, million_deep_nesting);
    tcase_add_test(tc, page_of_200mb_refused);
    tcase_add_test(tc, page_of_100mb_without_limit);
    tcase_add_test(tc, hundred_thousand_comments);
    tcase_add_test(tc, unterminated_constructs);
    tcase_add_test(tc, nul_bytes);
    tcase_add_test(tc, invalid_utf8);
    tcase_add_test(tc, utf16_without_bom);
    tcase_add_test(tc, hostile_json_ld);
    tcase_add_test(tc, base_and_refresh_tricks);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(hostile_pages_suite)
