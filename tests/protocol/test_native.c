/*
 * test_native.c — the native-messaging host, spoken to through pipes the
 * way a browser does: every request type, every malformed-frame case,
 * chunking around the 1 000 000-byte line, many requests in one process,
 * and a stdout that carries nothing but frames.
 *
 * Expected articles come from the same library linked in-process, so these
 * tests check the protocol layer, not extraction quality.
 */
#include "article_json.h"
#include "native.h"
#include "nm_client.h"
#include "readmode.h"
#include "testutil.h"
#include "tmpdir.h"

#include <stdarg.h>
#include <sys/stat.h>
#include <unistring/version.h>

static const char article_html[] =
    "<html><head><title>Offline reading</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>"
    "<article><h1>Offline reading</h1>"
    "<p>Reading later is easier when the page is clean, quiet and kept on your own disk, "
    "away from trackers, banners and the endless scroll of related stories.</p>"
    "<p>This paragraph exists so that the article has more than one block of prose, with "
    "commas, sentences, and enough words to look like an article to a reader mode.</p>"
    "<p>Another paragraph follows, because real articles rarely stop after two, and the "
    "extractor should see a body that is clearly longer than the navigation.</p>"
    "</article><footer>Copyright</footer></body></html>";

/* Start the binary with `env` and the NULL-terminated argument list. */
static void start_host(nm_host *h, char *const env[], ...)
{
    char *argv[16];
    size_t n = 0;
    argv[n++] = (char *)tu_env("RM_BINARY", "build/readmode");
    va_list ap;
    va_start(ap, env);
    for (char *a; n < 15 && (a = va_arg(ap, char *)) != NULL;)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    ck_assert_int_eq(nm_start(h, argv, env), 0);
}

/* Close stdin; the host must exit by itself, normally, with `status` (or
 * one of the two clean statuses when status < 0), and write no stray
 * bytes. */
static void finish(nm_host *h, int status)
{
    char *rest;
    size_t rest_len;
    int ws = nm_finish(h, &rest, &rest_len);
    ck_assert_msg(WIFEXITED(ws), "host died from signal %d", WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
    if (status >= 0)
        ck_assert_int_eq(WEXITSTATUS(ws), status);
    else
        ck_assert_int_le(WEXITSTATUS(ws), 1);
    ck_assert_msg(rest_len == 0, "%zu unexpected bytes on stdout", rest_len);
    free(rest);
    free(nm_errors(h));
}

static cJSON *field(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static void assert_ok(const cJSON *reply)
{
    ck_assert_ptr_nonnull(reply);
    const cJSON *error = field(reply, "error");
    ck_assert_msg(cJSON_IsTrue(field(reply, "ok")), "reply failed: %s",
                  error ? cJSON_PrintUnformatted(error) : "(no error)");
}

/* ok:false with `code`, and the id echoed (JSON text `id`). */
static void assert_error(const cJSON *reply, const char *code, const char *id)
{
    ck_assert_ptr_nonnull(reply);
    ck_assert(cJSON_IsFalse(field(reply, "ok")));
    const cJSON *error = field(reply, "error");
    ck_assert_str_eq(field(error, "code")->valuestring, code);
    ck_assert(cJSON_IsString(field(error, "message")));
    ck_assert(strlen(field(error, "message")->valuestring) > 0);
    char *echoed = cJSON_PrintUnformatted(field(reply, "id"));
    ck_assert_str_eq(echoed, id);
    free(echoed);
}

/* A request object: {"id": id, "type": type} plus the html, if any. */
static cJSON *request(int id, const char *type, const char *html)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddNumberToObject(req, "id", id);
    cJSON_AddStringToObject(req, "type", type);
    if (html)
        cJSON_AddStringToObject(req, "html", html);
    return req;
}

static cJSON *call(nm_host *h, cJSON *req)
{
    ck_assert_int_eq(nm_send_json(h, req), 0);
    cJSON_Delete(req);
    return nm_recv(h);
}

/* The article JSON the library itself gives for `html`. */
static cJSON *expected_article(const char *html, unsigned formats, rm_status *status)
{
    rm_options opt = rm_default_options;
    opt.formats = formats;
    rm_article *a = NULL;
    *status = rm_extract(html, strlen(html), &opt, &a);
    cJSON *json = a ? rm_article_to_json(a) : NULL;
    rm_article_free(a);
    return json;
}

/* ------------------------------------------------------------------ */

START_TEST(test_should_serve)
{
    char *chrome[] = {"readmode", "chrome-extension://abcdefghijklmnopabcdefghijklmnop/", NULL};
    char *chrome_win[] = {"readmode", "chrome-extension://abc/", "--parent-window=1234", NULL};
    char *firefox[] = {"readmode", "/home/u/.mozilla/native-messaging-hosts/org.readmode.host.json",
                       "readmode@example.org", NULL};
    char *forced[] = {"readmode", "--native", "--max-message", "10", NULL};
    char *forced_late[] = {"readmode", "--library", "/tmp/x", "--native", NULL};
    char *file[] = {"readmode", "page.html", NULL};
    char *json_file[] = {"readmode", "/tmp/page.json", NULL};
    char *relative_json[] = {"readmode", "page.json", "other", NULL};
    char *after_dashes[] = {"readmode", "--", "--native", NULL};
    char *none[] = {"readmode", NULL};
    ck_assert(native_should_serve(2, chrome));
    ck_assert(native_should_serve(3, chrome_win));
    ck_assert(native_should_serve(3, firefox));
    ck_assert(native_should_serve(4, forced));
    ck_assert(native_should_serve(4, forced_late));
    ck_assert(!native_should_serve(2, file));
    ck_assert(!native_should_serve(2, json_file));
    ck_assert(!native_should_serve(3, relative_json));
    ck_assert(!native_should_serve(3, after_dashes));
    ck_assert(!native_should_serve(1, none));
}
END_TEST

static void assert_version(const cJSON *reply);

/* After whatever came before, the host still answers a version request. */
static void assert_still_serving(nm_host *h)
{
    cJSON *reply = nm_call(h, "{\"id\":99,\"type\":\"version\"}");
    assert_version(reply);
    cJSON_Delete(reply);
}

static void assert_version(const cJSON *reply)
{
    assert_ok(reply);
    ck_assert_str_eq(field(reply, "version")->valuestring, RM_VERSION);
    ck_assert_int_eq(field(reply, "protocol")->valueint, 1);
    const cJSON *libs = field(reply, "libraries");
    ck_assert_str_eq(field(libs, "cjson")->valuestring, cJSON_Version());
    char unistring[16];
    snprintf(unistring, sizeof unistring, "%d.%d", _libunistring_version >> 16,
             (_libunistring_version >> 8) & 0xff);
    ck_assert_str_eq(field(libs, "libunistring")->valuestring, unistring);
    ck_assert_str_eq(field(libs, "gumbo")->valuestring, RM_GUMBO_VERSION);
    ck_assert_str_ne(RM_GUMBO_VERSION, "unknown");
}

START_TEST(test_version)
{
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    cJSON *reply = nm_call(&h, "{\"id\":1,\"type\":\"version\"}");
    assert_version(reply);
    ck_assert_int_eq(field(reply, "id")->valueint, 1);
    cJSON_Delete(reply);
    finish(&h, 0);
}
END_TEST

/* Started the way each browser family starts it: no --library, so the
 * library comes from XDG_DATA_HOME. */
static void check_browser_start(const char *arg1, const char *arg2)
{
    char *dir = tu_mkdtemp("browser");
    static char data_env[4200], config_env[4200];
    snprintf(data_env, sizeof data_env, "XDG_DATA_HOME=%s/data", dir);
    snprintf(config_env, sizeof config_env, "XDG_CONFIG_HOME=%s/config", dir);
    char *env[] = {data_env, config_env, NULL};
    nm_host h;
    start_host(&h, env, arg1, arg2, NULL);
    cJSON *reply = nm_call(&h, "{\"id\":\"v\",\"type\":\"version\"}");
    assert_version(reply);
    cJSON_Delete(reply);
    reply = nm_call(&h, "{\"id\":2,\"type\":\"save\",\"article\":{\"title\":\"From a browser\","
                        "\"text\":\"Body.\"}}");
    assert_ok(reply);
    char expected[4200];
    snprintf(expected, sizeof expected, "%s/data/readmode/From a browser.md", dir);
    ck_assert_str_eq(field(reply, "path")->valuestring, expected);
    cJSON_Delete(reply);
    finish(&h, 0);
    tu_rmtree(dir);
}

START_TEST(test_chrome_start)
{
    check_browser_start("chrome-extension://abcdefghijklmnopabcdefghijklmnop/", NULL);
}
END_TEST

START_TEST(test_firefox_start)
{
    check_browser_start("/root/.mozilla/native-messaging-hosts/org.readmode.host.json",
                        "readmode@example.org");
}
END_TEST

START_TEST(test_extract)
{
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    cJSON *req = request(0, "extract", article_html);
    cJSON_ReplaceItemInObject(req, "id", cJSON_Parse("{\"tab\":7,\"nonce\":[1,\"x\"]}"));
    cJSON_AddStringToObject(req, "url", "https://example.org/post");
    cJSON *reply = call(&h, req);
    rm_status st;
    cJSON *expected = expected_article(article_html, RM_FORMAT_TEXT | RM_FORMAT_HTML, &st);
    ck_assert_int_eq(st, RM_OK);
    assert_ok(reply);
    char *id = cJSON_PrintUnformatted(field(reply, "id"));
    ck_assert_str_eq(id, "{\"tab\":7,\"nonce\":[1,\"x\"]}");
    free(id);
    ck_assert(cJSON_IsString(field(field(reply, "article"), "text")));
    cJSON_Delete(reply);
    cJSON_Delete(expected);

    /* Only the renderings asked for; text always. */
    req = request(2, "extract", article_html);
    cJSON_AddItemToObject(req, "formats", cJSON_Parse("[\"markdown\"]"));
    reply = call(&h, req);
    expected = expected_article(article_html, RM_FORMAT_TEXT | RM_FORMAT_MARKDOWN, &st);
    assert_ok(reply);
    ck_assert(cJSON_Compare(field(reply, "article"), expected, 1));
    ck_assert(cJSON_IsNull(field(field(reply, "article"), "html")));
    cJSON_Delete(reply);
    cJSON_Delete(expected);
    finish(&h, 0);
}
END_TEST

/* A page with no article: a no_article error that still carries the
 * library's best effort; saving it needs "force". */
START_TEST(test_no_article)
{
    static const char nav_only[] =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">A</a></nav></body></html>";
    char *lib = tu_mkdtemp("noarticle");
    nm_host h;
    start_host(&h, NULL, "--native", "--library", lib, NULL);
    rm_status st;
    cJSON *expected = expected_article(nav_only, RM_FORMAT_TEXT | RM_FORMAT_HTML, &st);
    ck_assert_int_eq(st, RM_NO_ARTICLE);
    cJSON *reply = call(&h, request(3, "extract", nav_only));
    assert_error(reply, "no_article", "3");
    ck_assert(cJSON_Compare(field(reply, "article"), expected, 1));
    cJSON_Delete(reply);
    cJSON_Delete(expected);

    reply = call(&h, request(4, "save", nav_only));
    assert_error(reply, "no_article", "4");
    ck_assert_ptr_null(field(reply, "path"));
    cJSON_Delete(reply);
    cJSON *req = request(5, "save", nav_only);
    cJSON_AddTrueToObject(req, "force");
    reply = call(&h, req);
    assert_ok(reply);
    ck_assert(strstr(field(reply, "path")->valuestring, "/untitled.md") != NULL);
    cJSON_Delete(reply);
    finish(&h, 0);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_probe)
{
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    static const char *const pages[] = {article_html, "<html><body><p>hi</p></body></html>"};
    for (size_t i = 0; i < 2; i++) {
        rm_options opt = rm_default_options;
        opt.probe_only = true;
        opt.formats = RM_FORMAT_TEXT;
        rm_article *a = NULL;
        rm_extract(pages[i], strlen(pages[i]), &opt, &a);
        cJSON *reply = call(&h, request((int)i, "probe", pages[i]));
        assert_ok(reply);
        ck_assert(cJSON_IsBool(field(reply, "readerable")));
        ck_assert_int_eq(cJSON_IsTrue(field(reply, "readerable")), a && a->readerable);
        ck_assert_ptr_null(field(reply, "article"));
        rm_article_free(a);
        cJSON_Delete(reply);
    }
    finish(&h, 0);
}
END_TEST

static char *file_text(const char *path)
{
    char *text = tu_read_file(path, NULL);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    return text;
}

START_TEST(test_save_and_list)
{
    char *lib = tu_mkdtemp("lib");
    nm_host h;
    start_host(&h, NULL, "--native", "--library", lib, NULL);

    cJSON *req = request(1, "save", article_html);
    cJSON_AddStringToObject(req, "url", "https://example.org/post");
    cJSON *reply = call(&h, req);
    assert_ok(reply);
    const char *path = field(reply, "path")->valuestring;
    ck_assert_msg(strncmp(path, lib, strlen(lib)) == 0 && path[strlen(lib)] == '/',
                  "%s is outside %s", path, lib);
    ck_assert(strstr(path, ".md") != NULL);
    char *md = file_text(path);
    ck_assert(strncmp(md, "---\n", 4) == 0);
    ck_assert(strstr(md, "url: \"https://example.org/post\"\n") != NULL);
    free(md);
    cJSON_Delete(reply);

    reply = call(&h, cJSON_Parse("{\"id\":2,\"type\":\"save\",\"format\":\"txt\","
                                 "\"url\":\"https://example.org/b\",\"article\":{"
                                 "\"title\":\"AC/DC: live\",\"text\":\"Loud.\",\"html\":null}}"));
    assert_ok(reply);
    char expected_path[4200];
    snprintf(expected_path, sizeof expected_path, "%s/AC-DC- live.txt", lib);
    ck_assert_str_eq(field(reply, "path")->valuestring, expected_path);
    cJSON_Delete(reply);

    reply = call(&h, cJSON_Parse("{\"id\":3,\"type\":\"save\",\"format\":\"html\","
                                 "\"article\":{\"title\":\"AC/DC: live\",\"html\":\"<p>x</p>\"}}"));
    assert_ok(reply);
    cJSON_Delete(reply);

    reply = call(&h, cJSON_Parse("{\"id\":4,\"type\":\"list\"}"));
    assert_ok(reply);
    const cJSON *articles = field(reply, "articles");
    ck_assert_int_eq(cJSON_GetArraySize(articles), 3);
    int seen_txt = 0;
    const cJSON *a, *previous = NULL;
    cJSON_ArrayForEach(a, articles) {
        if (previous)   /* newest first */
            ck_assert(strcmp(field(previous, "saved_at")->valuestring,
                             field(a, "saved_at")->valuestring) >= 0);
        previous = a;
        if (strcmp(field(a, "format")->valuestring, "txt") == 0) {
            seen_txt = 1;
            ck_assert_str_eq(field(a, "title")->valuestring, "AC/DC: live");
            ck_assert_str_eq(field(a, "url")->valuestring, "https://example.org/b");
            ck_assert_str_eq(field(a, "path")->valuestring, expected_path);
        }
    }
    ck_assert(seen_txt);
    cJSON_Delete(reply);
    finish(&h, 0);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_save_errors)
{
    char *dir = tu_mkdtemp("badlib");
    char lib[4300];
    ck_assert_int_eq(tu_path_under_file(dir, lib, sizeof lib), 0);
    nm_host h;
    start_host(&h, NULL, "--native", "--library", lib, NULL);
    cJSON *reply = call(&h, cJSON_Parse("{\"id\":1,\"type\":\"save\",\"article\":"
                                        "{\"title\":\"t\",\"text\":\"x\"}}"));
    assert_error(reply, "io_error", "1");
    ck_assert(strstr(field(field(reply, "error"), "message")->valuestring, "Not a directory"));
    cJSON_Delete(reply);
    static const char *const bad[] = {
        "{\"id\":2,\"type\":\"save\",\"format\":\"pdf\",\"html\":\"<p>x</p>\"}",
        "{\"id\":2,\"type\":\"save\"}",
        "{\"id\":2,\"type\":\"save\",\"article\":{\"title\":\"no body\"}}",
        "{\"id\":2,\"type\":\"save\",\"article\":{\"title\":5,\"text\":\"x\"}}",
        "{\"id\":2,\"type\":\"save\",\"article\":\"text\"}",
        "{\"id\":2,\"type\":\"save\",\"html\":\"<p>x</p>\",\"format\":1}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        reply = nm_call(&h, bad[i]);
        assert_error(reply, "bad_request", "2");
        cJSON_Delete(reply);
    }
    reply = nm_call(&h, "{\"id\":5,\"type\":\"list\"}");
    assert_error(reply, "io_error", "5");
    cJSON_Delete(reply);
    finish(&h, 0);
    tu_rmtree(dir);
}
END_TEST

/* Malformed frames and requests: each gets its error, and the host keeps
 * serving afterwards. */
START_TEST(test_malformed)
{
    static const struct { const char *frame, *code, *id; } cases[] = {
        {"{\"id\":1,\"type\":", "bad_json", "null"},
        {"", "bad_json", "null"},
        {"{\"id\":1,\"type\":\"version\",\"x\":\"\xff\xfe\"}", "bad_utf8", "null"},
        {"{\"id\":1,\"type\":\"version\",\"x\":\"\xed\xa0\x80\"}", "bad_utf8", "null"},
        {"[1,2]", "bad_request", "null"},
        {"\"extract\"", "bad_request", "null"},
        {"{\"id\":1}", "bad_request", "1"},
        {"{\"id\":1,\"type\":7}", "bad_request", "1"},
        {"{\"type\":\"frobnicate\"}", "bad_request", "null"},
        {"{\"id\":\"s\",\"type\":\"extract\"}", "bad_request", "\"s\""},
        {"{\"id\":1,\"type\":\"extract\",\"html\":42}", "bad_request", "1"},
        {"{\"id\":1,\"type\":\"extract\",\"html\":\"<p>x\",\"url\":[]}", "bad_request", "1"},
        {"{\"id\":1,\"type\":\"extract\",\"html\":\"<p>x\",\"formats\":\"text\"}", "bad_request", "1"},
        {"{\"id\":1,\"type\":\"extract\",\"html\":\"<p>x\",\"formats\":[\"pdf\"]}", "bad_request", "1"},
        {"{\"id\":1,\"type\":\"extract\",\"html\":\"<p>x\",\"options\":3}", "bad_request", "1"},
        {"{\"id\":1,\"type\":\"extract\",\"html\":\"<p>x\",\"options\":{\"charset\":1}}",
         "bad_request", "1"},
        {"{\"id\":1,\"type\":\"probe\"}", "bad_request", "1"},
        {"{\"id\":1,\"type\":\"extract\",\"html\":\"\"}", "bad_input", "1"},
    };
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cJSON *reply = nm_call(&h, cases[i].frame);
        ck_assert_msg(reply != NULL, "no reply to case %zu", i);
        assert_error(reply, cases[i].code, cases[i].id);
        cJSON_Delete(reply);
    }
    /* An id too long to echo in every chunk frame is refused, not echoed. */
    char *long_id = malloc(6000);
    int head = sprintf(long_id, "{\"type\":\"version\",\"id\":\"");
    memset(long_id + head, 'i', 5000);
    strcpy(long_id + head + 5000, "\"}");
    cJSON *reply = nm_call(&h, long_id);
    assert_error(reply, "bad_request", "null");
    cJSON_Delete(reply);
    free(long_id);
    assert_still_serving(&h);
    finish(&h, 0);
}
END_TEST

/* The error message of a reply, which must fail with `code`. */
static const char *error_message(const cJSON *reply, const char *code, const char *id)
{
    assert_error(reply, code, id);
    return field(field(reply, "error"), "message")->valuestring;
}

/* A NUL inside a JSON string never shortens a page silently; bytes after
 * the JSON value, raw control characters and repeated fields are errors. */
START_TEST(test_strict_frames)
{
    static const struct {
        const char *frame;
        size_t len;
        const char *code, *id, *message_part;
    } cases[] = {
#define F(lit) lit, sizeof lit - 1
        {F("{\"id\":1,\"type\":\"extract\",\"html\":\"<p>Some words\\u0000 and the rest</p>\"}"),
         "bad_request", "1", "\"html\" holds a NUL character"},
        {F("{\"id\":1,\"type\":\"extract\",\"html\":\"<p>x</p>\",\"url\":\"https://a.example/\\u0000\"}"),
         "bad_request", "1", "\"url\" holds a NUL"},
        {F("{\"id\":1,\"type\":\"version\"}\0"), "bad_json", "null", "after the JSON value"},
        {F("{\"id\":1,\"type\":\"version\"}\0{\"id\":2}"), "bad_json", "null", "after the JSON value"},
        {F("{\"id\":1,\"type\":\"version\"}{\"id\":2,\"type\":\"version\"}"), "bad_json", "null",
         "after the JSON value"},
        {F("{\"id\":1,\"type\":\"version\"} trailing"), "bad_json", "null", "from byte 26"},
        {F("{\"id\":1,\"type\":\"extract\",\"html\":\"<p>a\0b</p>\"}"), "bad_json", "null",
         "raw control character (0x00)"},
        {F("{\"id\":1,\"type\":\"extract\",\"html\":\"<p>a\tb</p>\"}"), "bad_json", "null",
         "raw control character (0x09)"},
        {F("{\"id\":1,\0\"type\":\"version\"}"), "bad_json", "null",
         "(0x00) between values at byte 8"},
        /* found by fuzzing: cJSON reads a \u escape with bad hex digits as
         * U+0000, which cut the page short */
        {F("{\"id\":1,\"type\":\"extract\",\"html\":\"<p>kept\\uzzzz lost</p>\"}"),
         "bad_json", "null", "\\u escape without four hex digits"},
        {F("{\"id\":1,\"type\":\"extract\",\"html\":\"<p>a</p>\",\"html\":\"<p>b</p>\"}"),
         "bad_request", "1", "\"html\" is given more than once"},
#undef F
    };
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ck_assert_int_eq(nm_send(&h, cases[i].frame, (uint32_t)cases[i].len), 0);
        cJSON *reply = nm_recv(&h);
        ck_assert_msg(reply != NULL, "no reply to case %zu", i);
        const char *message = error_message(reply, cases[i].code, cases[i].id);
        ck_assert_msg(strstr(message, cases[i].message_part) != NULL, "case %zu: %s", i, message);
        cJSON_Delete(reply);
    }
    /* Trailing white space is still fine, and so is an escaped backslash
     * followed by "u0000". */
    cJSON *reply = nm_call(&h, "{\"id\":2,\"type\":\"version\"} \r\n\t");
    assert_version(reply);
    cJSON_Delete(reply);
    reply = nm_call(&h, "{\"id\":3,\"type\":\"extract\",\"html\":\"<article><p>C:\\\\u0000 is a "
                        "path</p></article>\",\"formats\":[\"text\"]}");
    ck_assert_ptr_nonnull(reply);   /* too short for an article, but the text is whole */
    ck_assert_ptr_nonnull(strstr(field(field(reply, "article"), "text")->valuestring,
                                 "C:\\u0000 is a path"));
    cJSON_Delete(reply);
    assert_still_serving(&h);
    finish(&h, 0);
}
END_TEST

/* Every field of every request type, given a value of each wrong type:
 * a bad_request whose message names the field. Unknown fields are
 * ignored. */
START_TEST(test_field_types)
{
    static const struct { const char *type, *field, *message; } fields[] = {
        {"extract", "html", "\"html\" must be a string"},
        {"extract", "url", "\"url\" must be a string"},
        {"extract", "formats", "\"formats\" must be an array of strings"},
        {"extract", "options", "\"options\" must be an object"},
        {"extract", "options.charset", "\"options.charset\" must be a string"},
        {"probe", "html", "\"html\" must be a string"},
        {"probe", "url", "\"url\" must be a string"},
        {"probe", "options", "\"options\" must be an object"},
        {"save", "html", "\"html\" must be a string"},
        {"save", "url", "\"url\" must be a string"},
        {"save", "format", "\"format\" must be a string"},
        {"save", "force", "\"force\" must be true or false"},
        {"save", "article", "\"article\" must be an object"},
        {"save", "article.title", "\"article.title\" must be a string"},
        {"save", "article.text", "\"article.text\" must be a string"},
        {"save", "article.html", "\"article.html\" must be a string"},
        {"save", "article.url", "\"article.url\" must be a string"},
        {"extract", "type", "\"type\" must be a string"},
    };
    /* JSON values of every type; the ones a field accepts are skipped. */
    static const char *const values[] = {"\"yes\"", "\"true\"", "1", "0", "true", "false",
                                         "[]", "[1]", "{}", "3.5"};
    char *lib = tu_mkdtemp("fieldtypes");
    nm_host h;
    start_host(&h, NULL, "--native", "--library", lib, NULL);
    size_t checked = 0;
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
        for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
            cJSON *value = cJSON_Parse(values[v]);
            bool right = (strstr(fields[f].message, "a string") && cJSON_IsString(value)) ||
                         (strstr(fields[f].message, "true or false") && cJSON_IsBool(value)) ||
                         (strstr(fields[f].message, "an object\"") && cJSON_IsObject(value)) ||
                         (strstr(fields[f].message, "an object") && cJSON_IsObject(value)) ||
                         (strstr(fields[f].message, "array of strings") &&
                          strcmp(values[v], "[]") == 0);
            if (right) {
                cJSON_Delete(value);
                continue;
            }
            cJSON *req = cJSON_CreateObject();
            cJSON_AddNumberToObject(req, "id", 8);
            cJSON_AddStringToObject(req, "type", fields[f].type);
            if (strcmp(fields[f].field, "html") != 0 && strcmp(fields[f].field, "type") != 0)
                cJSON_AddStringToObject(req, "html", article_html);
            const char *dot = strchr(fields[f].field, '.');
            if (dot) {
                char outer[32];
                snprintf(outer, sizeof outer, "%.*s", (int)(dot - fields[f].field), fields[f].field);
                cJSON *inner = cJSON_AddObjectToObject(req, outer);
                cJSON_AddStringToObject(inner, "text", "Body.");
                cJSON_DeleteItemFromObject(inner, dot + 1);
                cJSON_AddItemToObject(inner, dot + 1, value);
            } else {
                cJSON_DeleteItemFromObject(req, fields[f].field);
                cJSON_AddItemToObject(req, fields[f].field, value);
            }
            cJSON *reply = call(&h, req);
            ck_assert_msg(reply != NULL, "no reply for %s=%s", fields[f].field, values[v]);
            const char *code = field(field(reply, "error"), "code")
                                   ? field(field(reply, "error"), "code")->valuestring : "(ok)";
            ck_assert_msg(strcmp(code, "bad_request") == 0, "%s %s=%s: %s", fields[f].type,
                          fields[f].field, values[v], code);
            const char *message = field(field(reply, "error"), "message")->valuestring;
            ck_assert_msg(strcmp(message, fields[f].message) == 0, "%s %s=%s: %s", fields[f].type,
                          fields[f].field, values[v], message);
            cJSON_Delete(reply);
            checked++;
        }
    }
    ck_assert_uint_gt(checked, 100);
    /* Unknown fields are ignored; null is the same as absent. */
    cJSON *reply = nm_call(&h, "{\"id\":9,\"type\":\"save\",\"force\":null,\"format\":null,"
                               "\"future\":{\"x\":[1]},\"article\":{\"title\":\"Kept\",\"text\":"
                               "\"Body.\",\"extra\":7}}");
    assert_ok(reply);
    cJSON_Delete(reply);
    /* No library file came from a refused save. */
    reply = nm_call(&h, "{\"id\":10,\"type\":\"list\"}");
    assert_ok(reply);
    ck_assert_int_eq(cJSON_GetArraySize(field(reply, "articles")), 1);
    cJSON_Delete(reply);
    finish(&h, 0);
    tu_rmtree(lib);
}
END_TEST

/* A declared length of 4 GiB - 1: with the default limit it is refused
 * by size and skipped; with the limit raised to match, a stream that ends
 * after a few megabytes makes the host stop with a message, having held
 * only what arrived (the buffer grows with the bytes, it is not the
 * declared size). */
START_TEST(test_four_gib_frame)
{
    nm_host h;
    start_host(&h, NULL, "--native", "--max-message", "4294967295", NULL);
    assert_still_serving(&h);   /* running, so its address space is set up */
    /* Growth of the address space, not its size: under AddressSanitizer
     * the shadow memory alone reserves terabytes. */
    long before = nm_memory_kb(h.pid, "VmPeak:");
    uint32_t len = 0xFFFFFFFFu;
    ck_assert_int_eq(nm_write_all(h.to_host, &len, 4), 0);
    size_t sent = 8u << 20;
    char *body = malloc(sent);
    memset(body, ' ', sent);
    ck_assert_int_eq(nm_write_all(h.to_host, body, sent), 0);
    free(body);
    long peak = nm_memory_kb(h.pid, "VmPeak:");
    ck_assert_msg(before > 0 && peak - before < 1024 * 1024, "host reserved %ld kB for the frame",
                  peak - before);
    char *rest;
    size_t rest_len;
    int ws = nm_finish(&h, &rest, &rest_len);
    ck_assert(WIFEXITED(ws));
    ck_assert_int_eq(WEXITSTATUS(ws), 1);
    ck_assert_uint_eq(rest_len, 0);
    free(rest);
    char *errors = nm_errors(&h);
    ck_assert_msg(strstr(errors, "after 8388608 of the 4294967295 bytes declared") != NULL,
                  "stderr: %s", errors);
    free(errors);
}
END_TEST

START_TEST(test_too_large)
{
    nm_host h;
    start_host(&h, NULL, "--native", "--max-message", "1000", NULL);
    char *junk = malloc(5000);
    memset(junk, '{', 5000);
    ck_assert_int_eq(nm_send(&h, junk, 5000), 0);
    cJSON *reply = nm_recv(&h);
    assert_error(reply, "too_large", "null");
    cJSON_Delete(reply);

    /* Exactly at the limit is accepted. */
    char exact[1001];
    int head = snprintf(exact, sizeof exact, "{\"id\":1,\"type\":\"version\",\"pad\":\"");
    memset(exact + head, 'p', 1000 - (size_t)head - 2);
    memcpy(exact + 998, "\"}", 3);
    ck_assert_uint_eq(strlen(exact), 1000);
    reply = nm_call(&h, exact);
    assert_version(reply);
    cJSON_Delete(reply);
    /* One over is not; the stream stays in sync after both. */
    ck_assert_int_eq(nm_send(&h, junk, 1001), 0);
    reply = nm_recv(&h);
    assert_error(reply, "too_large", "null");
    cJSON_Delete(reply);
    assert_still_serving(&h);
    free(junk);
    finish(&h, 0);
}
END_TEST

/* The stream ends inside a frame: no reply, a clean exit, a note on
 * stderr. */
static void check_truncated(const void *bytes, size_t len, const char *max_message)
{
    nm_host h;
    start_host(&h, NULL, "--native", "--max-message", max_message, NULL);
    ck_assert_int_eq(nm_write_all(h.to_host, bytes, len), 0);
    finish(&h, -1);
}

START_TEST(test_truncated)
{
    uint32_t len = 100;
    char body[4 + 10];
    memcpy(body, &len, 4);
    memcpy(body + 4, "{\"id\":1,\"", 10);
    check_truncated(body, 2, "1000");          /* half a length */
    check_truncated(body, sizeof body, "1000"); /* 10 of 100 body bytes */
    len = 0xFFFFFFFFu;                          /* 4 GiB declared, never sent */
    memcpy(body, &len, 4);
    check_truncated(body, sizeof body, "1000");
    check_truncated(body, sizeof body, "4294967295");
}
END_TEST

START_TEST(test_truncated_reports)
{
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    ck_assert_int_eq(nm_write_all(h.to_host, "\x10\x00", 2), 0);
    char *rest;
    size_t rest_len;
    int ws = nm_finish(&h, &rest, &rest_len);
    ck_assert(WIFEXITED(ws));
    ck_assert_uint_eq(rest_len, 0);
    free(rest);
    char *errors = nm_errors(&h);
    ck_assert_msg(strstr(errors, "ended early") != NULL, "stderr: %s", errors);
    free(errors);
}
END_TEST

/* An html whose extract reply is `pad` bytes longer than with pad 0, made
 * of characters that JSON-escaping grows (quotes, backslashes, control
 * characters) and multi-byte ones that must not be split. */
static char *big_page(size_t units, size_t pad)
{
    static const char unit[] = "He said \"stop\" \\ then \x01 left caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80. ";
    size_t n = units * (sizeof unit - 1) + pad + 256;
    char *html = malloc(n);
    size_t len = (size_t)sprintf(html, "<html><head><title>Big</title></head><body><article><p>");
    for (size_t i = 0; i < units; i++, len += sizeof unit - 1)
        memcpy(html + len, unit, sizeof unit - 1);
    memset(html + len, 'a', pad);
    len += pad;
    strcpy(html + len, "</p></article></body></html>");
    return html;
}

static cJSON *big_request(const char *html)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddItemToObject(req, "id", cJSON_Parse("{\"req\":\"big \\\"one\\\"\"}"));
    cJSON_AddStringToObject(req, "type", "extract");
    cJSON_AddStringToObject(req, "html", html);
    cJSON_AddItemToObject(req, "formats", cJSON_Parse("[\"text\"]"));
    return req;
}

/* The reply the host should give, printed as it prints it. */
static char *expected_reply(const char *html)
{
    rm_status st;
    cJSON *article = expected_article(html, RM_FORMAT_TEXT, &st);
    ck_assert_int_eq(st, RM_OK);
    cJSON *reply = cJSON_CreateObject();
    cJSON_AddItemToObject(reply, "id", cJSON_Parse("{\"req\":\"big \\\"one\\\"\"}"));
    cJSON_AddTrueToObject(reply, "ok");
    cJSON_AddItemToObject(reply, "article", article);
    char *text = cJSON_PrintUnformatted(reply);
    cJSON_Delete(reply);
    return text;
}

/* Smallest pad at which the reply is longer than `limit`. */
static size_t pad_crossing(size_t units, size_t limit)
{
    size_t lo = 0, hi = 4096;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        char *html = big_page(units, mid);
        char *reply = expected_reply(html);
        size_t len = strlen(reply);
        free(reply);
        free(html);
        if (len > limit)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Send the page, and check the reply's framing and content. */
static void check_big_reply(nm_host *h, size_t units, size_t pad, size_t min_frames,
                            size_t max_frames)
{
    char *html = big_page(units, pad);
    char *expected = expected_reply(html);
    cJSON *req = big_request(html);
    ck_assert_int_eq(nm_send_json(h, req), 0);
    cJSON_Delete(req);
    nm_reply_info info;
    char *text = nm_recv_text(h, &info);
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(info.frames >= min_frames && info.frames <= max_frames,
                  "reply of %zu bytes came in %zu frames", strlen(expected), info.frames);
    ck_assert(info.chunks_in_order);
    ck_assert_uint_le(info.largest, NM_HOST_LIMIT);
    ck_assert_uint_le(info.largest, NM_BROWSER_LIMIT);
    ck_assert_str_eq(text, expected);
    cJSON *parsed = cJSON_Parse(text);
    ck_assert_ptr_nonnull(parsed);
    cJSON_Delete(parsed);
    free(text);
    free(expected);
    free(html);
}

START_TEST(test_reply_size_boundary)
{
    /* Find the unit count whose reply is just under 1 000 000 bytes. */
    char *probe_html = big_page(1000, 0);
    char *probe_reply = expected_reply(probe_html);
    size_t per_unit = (strlen(probe_reply) - 200) / 1000;
    free(probe_reply);
    free(probe_html);
    size_t units = (NM_HOST_LIMIT - 3000) / per_unit;
    size_t pad = pad_crossing(units, NM_HOST_LIMIT);
    ck_assert_uint_gt(pad, 0);

    char *html = big_page(units, pad - 1), *reply = expected_reply(html);
    ck_assert_uint_le(strlen(reply), NM_HOST_LIMIT);
    ck_assert_uint_ge(strlen(reply), NM_HOST_LIMIT - 8);
    free(reply);
    free(html);
    html = big_page(units, pad);
    reply = expected_reply(html);
    ck_assert_uint_gt(strlen(reply), NM_HOST_LIMIT);
    ck_assert_uint_le(strlen(reply), NM_HOST_LIMIT + 8);
    free(reply);
    free(html);

    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    check_big_reply(&h, units, pad - 1, 1, 1);   /* just under: one plain frame */
    check_big_reply(&h, units, pad, 2, 3);       /* just over: chunks */
    check_big_reply(&h, units * 4, 0, 4, 20);    /* several megabytes */
    assert_still_serving(&h);
    finish(&h, 0);
}
END_TEST

START_TEST(test_constant_memory)
{
    char *html = big_page(2000, 0);   /* about 100 KB */
    /* Under AddressSanitizer freed memory sits in a quarantine and would
     * look like growth; without ASan the variable does nothing. */
    char *env[] = {"ASAN_OPTIONS=quarantine_size_mb=0", NULL};
    nm_host h;
    start_host(&h, env, "--native", NULL);
    /* The host settles within its first twenty requests (its workspace
     * keeps the tree's memory up to its limit, the allocator its arenas):
     * about 900 kB between the 10th and the 20th, nothing after. Measured
     * from the 50th, 150 more requests would show a leak of 7 kB each. */
    long settled = 0;
    for (int i = 1; i <= 200; i++) {
        cJSON *req = request(i, "extract", html);
        cJSON *reply = call(&h, req);
        assert_ok(reply);
        ck_assert_int_eq(field(reply, "id")->valueint, i);
        cJSON_Delete(reply);
        if (i == 50)
            settled = nm_memory_kb(h.pid, "VmRSS:");
    }
    long last = nm_memory_kb(h.pid, "VmRSS:");
    ck_assert_int_gt(settled, 0);
    ck_assert_msg(last <= settled + 1024, "VmRSS grew from %ld kB to %ld kB", settled, last);
    fprintf(stderr, "test_constant_memory: VmRSS %ld kB after 50 requests, %ld kB after 200\n",
            settled, last);
    finish(&h, 0);
    free(html);
}
END_TEST

/* Every byte on stdout belongs to a frame, one frame per request. */
START_TEST(test_stdout_only_frames)
{
    static const char *const requests[] = {
        "{\"id\":1,\"type\":\"version\"}", "{oops", "{\"id\":3,\"type\":\"probe\",\"html\":\"<p>x</p>\"}",
        "{\"id\":4,\"type\":\"extract\",\"html\":\"<article><p>Some words here.</p></article>\"}",
        "{\"id\":5,\"type\":\"nope\"}",
    };
    size_t count = sizeof requests / sizeof *requests;
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    for (size_t i = 0; i < count; i++)
        ck_assert_int_eq(nm_send(&h, requests[i], (uint32_t)strlen(requests[i])), 0);
    char *out;
    size_t len, frames = 0;
    int ws = nm_finish(&h, &out, &len);
    ck_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
    for (size_t at = 0; at < len; frames++) {
        uint32_t n;
        ck_assert_uint_le(at + 4, len);
        memcpy(&n, out + at, 4);
        ck_assert_uint_le(at + 4 + n, len);
        cJSON *reply = cJSON_ParseWithLength(out + at + 4, n);
        ck_assert_msg(reply != NULL, "frame %zu is not JSON", frames);
        cJSON_Delete(reply);
        at += 4 + n;
    }
    ck_assert_uint_eq(frames, count);
    free(out);
    free(nm_errors(&h));
}
END_TEST

/* The browser closes the port while the host is answering: the host ends
 * quietly with status 0. */
START_TEST(test_closed_port)
{
    nm_host h;
    start_host(&h, NULL, "--native", NULL);
    close(h.from_host);
    static const char req[] = "{\"id\":1,\"type\":\"version\"}";
    nm_send(&h, req, sizeof req - 1);
    close(h.to_host);
    int ws;
    while (waitpid(h.pid, &ws, 0) < 0 && errno == EINTR)
        ;
    ck_assert(WIFEXITED(ws));
    ck_assert_int_eq(WEXITSTATUS(ws), 0);
    free(nm_errors(&h));
}
END_TEST

START_TEST(test_bad_options)
{
    static const char *const values[] = {"0", "-5", "12x", "99999999999"};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        nm_host h;
        start_host(&h, NULL, "--native", "--max-message", values[i], NULL);
        finish(&h, 2);
    }
    nm_host h;
    start_host(&h, NULL, "--native", "--frobnicate", NULL);
    finish(&h, 2);
}
END_TEST

static Suite *native_suite(void)
{
    Suite *s = suite_create("native");
    TCase *tc = tcase_create("protocol");
    tcase_add_test(tc, test_should_serve);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_chrome_start);
    tcase_add_test(tc, test_firefox_start);
    tcase_add_test(tc, test_extract);
    tcase_add_test(tc, test_no_article);
    tcase_add_test(tc, test_probe);
    tcase_add_test(tc, test_save_and_list);
    tcase_add_test(tc, test_save_errors);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_strict_frames);
    tcase_add_test(tc, test_field_types);
    tcase_add_test(tc, test_four_gib_frame);
    tcase_add_test(tc, test_too_large);
    tcase_add_test(tc, test_truncated);
    tcase_add_test(tc, test_truncated_reports);
    tcase_add_test(tc, test_reply_size_boundary);
    tcase_add_test(tc, test_constant_memory);
    tcase_add_test(tc, test_stdout_only_frames);
    tcase_add_test(tc, test_closed_port);
    tcase_add_test(tc, test_bad_options);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(native_suite)
