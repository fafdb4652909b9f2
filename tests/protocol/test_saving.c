/*
 * test_saving.c — the offline library through the real binary: hostile
 * save requests leave only allow-listed markup, images travel inside the
 * files, EPUBs pass epubcheck, one file per URL (exists / force), get and
 * delete (host) and show and delete (commands), `list` that prints no
 * control byte and lists any field length, and no leftovers of killed
 * saves.
 */
#include "allowlist.h"
#include "nm_client.h"
#include "testutil.h"
#include "tmpdir.h"

#include <dirent.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <time.h>
#include <zip.h>

/* A 1x1 PNG. */
static const char png_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5E"
    "rkJggg==";

static const char *binary(void)
{
    return tu_env("RM_BINARY", "build/readmode");
}

static void start_host(nm_host *h, const char *lib)
{
    char *argv[] = {(char *)binary(), "--native", "--library", (char *)lib, NULL};
    ck_assert_int_eq(nm_start(h, argv, NULL), 0);
}

static void finish(nm_host *h)
{
    char *rest;
    size_t rest_len;
    int ws = nm_finish(h, &rest, &rest_len);
    ck_assert_msg(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "host ended badly (%d)", ws);
    ck_assert_uint_eq(rest_len, 0);
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
    char *text = cJSON_PrintUnformatted(field(reply, "error"));
    ck_assert_msg(cJSON_IsTrue(field(reply, "ok")), "reply failed: %s", text);
    free(text);
}

static void assert_error(const cJSON *reply, const char *code)
{
    ck_assert_ptr_nonnull(reply);
    ck_assert(cJSON_IsFalse(field(reply, "ok")));
    ck_assert_str_eq(field(field(reply, "error"), "code")->valuestring, code);
}

static cJSON *call(nm_host *h, cJSON *req)
{
    ck_assert_int_eq(nm_send_json(h, req), 0);
    cJSON_Delete(req);
    cJSON *reply = nm_recv(h);
    ck_assert_ptr_nonnull(reply);
    return reply;
}

/* {"type":"save","format":F,"url":URL,"article":{title,byline,html}} */
static cJSON *save_request(const char *format, const char *url, const char *title,
                           const char *byline, const char *html)
{
    cJSON *req = cJSON_CreateObject();
    cJSON_AddNumberToObject(req, "id", 1);
    cJSON_AddStringToObject(req, "type", "save");
    cJSON_AddStringToObject(req, "format", format);
    if (url)
        cJSON_AddStringToObject(req, "url", url);
    cJSON *a = cJSON_AddObjectToObject(req, "article");
    cJSON_AddStringToObject(a, "title", title);
    if (byline)
        cJSON_AddStringToObject(a, "byline", byline);
    cJSON_AddStringToObject(a, "html", html);
    return req;
}

static void add_image(cJSON *req, const char *url, const char *data)
{
    cJSON *images = field(req, "images");
    if (!images)
        images = cJSON_AddArrayToObject(req, "images");
    cJSON *img = cJSON_CreateObject();
    cJSON_AddStringToObject(img, "url", url);
    cJSON_AddStringToObject(img, "type", "image/png");
    cJSON_AddStringToObject(img, "data", data);
    cJSON_AddItemToArray(images, img);
}

/* Run a shell command; exit status, stdout into *out (malloc'd). */
static int run(char **out, const char *fmt, ...)
{
    char cmd[16384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap + 1);
    while ((n = fread(buf + len, 1, cap - len, p)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    buf[len] = '\0';
    int status = pclose(p);
    if (out)
        *out = buf;
    else
        free(buf);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The chapter of a saved EPUB. */
static char *epub_chapter(const char *path, size_t *len)
{
    int err = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    ck_assert_msg(z != NULL, "%s is no zip", path);
    zip_stat_t st;
    ck_assert_int_eq(zip_stat(z, "EPUB/article.xhtml", 0, &st), 0);
    char *buf = malloc(st.size + 1);
    zip_file_t *f = zip_fopen(z, "EPUB/article.xhtml", 0);
    ck_assert_int_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
    buf[st.size] = '\0';
    zip_fclose(f);
    zip_discard(z);
    *len = st.size;
    return buf;
}

/* Names in `dir`, hidden ones included, "|"-separated and sorted. */
static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *listing(const char *dir)
{
    DIR *d = opendir(dir);
    char *names[256], *out = calloc(1, 65536);
    size_t n = 0;
    for (struct dirent *de; d && (de = readdir(d)) && n < 256;)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            names[n++] = strdup(de->d_name);
    if (d)
        closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strncat(out, names[i], 60000 - strlen(out));
        free(names[i]);
    }
    return out;
}

/* ------------------------------------------------- hostile requests */

static const char *const hostile_html[] = {
    "<script>alert(1)</script>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<base href=\"https://evil.example/\">",
    "<form action=\"https://evil.example/\"><input name=q><button>go</button></form>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<img src=\"x.png\" onerror=\"alert(1)\">",
    "<a href=\"javascript:alert(1)\">js</a>",
    "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">data</a>",
    "<style>*{background:url(https://evil.example/)}</style>",
    "<link rel=\"stylesheet\" href=\"https://evil.example/s.css\">",
    "<svg onload=\"alert(1)\"><circle r=\"1\"/></svg>",
    "<object data=\"https://evil.example/x\"></object><embed src=\"https://evil.example/y\">",
    "<p style=\"background:url(https://evil.example/)\" onclick=\"alert(1)\">styled</p>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template><!-- <script>alert(1)</script> -->",
    "<p>text \"><script>alert(1)</script></p>",
};

static const char *const hostile_strings[] = {
    "\"><script>alert(1)</script>",
    "</title><meta http-equiv=refresh content=0>",
    "--><base href=https://evil.example/><!--",
    "javascript:alert(1)",
    "https://evil.example/\"><form action=x>",
    "\n---\ntitle: injected\n---\n<script>x</script>",
};

/* Does `hay` contain `needle` (ASCII, any case) other than escaped with a
 * backslash, as Markdown shows a character literally? */
static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0 && (p == hay || p[-1] != '\\'))
            return true;
    return false;
}

/* The saved file passes the allow-list (html, epub) or holds no markup at
 * all outside what it escapes (md, txt). */
static void check_saved(const char *path, const char *format, const char *what)
{
    size_t len = 0;
    char *doc = strcmp(format, "epub") == 0 ? epub_chapter(path, &len) : tu_read_file(path, &len);
    ck_assert_ptr_nonnull(doc);
    char why[256] = "";
    if (strcmp(format, "html") == 0 || strcmp(format, "epub") == 0) {
        ck_assert_msg(al_check_document(doc, len, why, sizeof why) == 0, "%s (%s): %s", what,
                      format, why);
    } else if (strcmp(format, "md") == 0) {
        /* Markdown viewers render raw HTML in the body; the front matter is
         * YAML data, quoted and escaped (test_save.c reads it back). */
        const char *body = strstr(doc + 3, "\n---\n");
        ck_assert_ptr_nonnull(body);
        static const char *const tags[] = {"<script", "<meta", "<base", "<form", "<iframe",
                                           "<style", "<svg", "<img", "onerror=", "<link"};
        for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
            ck_assert_msg(!contains_ci(body, tags[i]), "%s (%s): %s in\n%s", what, format,
                          tags[i], doc);
    } else {
        /* Plain text is never interpreted: only its header must stay intact. */
        ck_assert(strstr(doc, "\nSaved: ") != NULL);
    }
    free(doc);
}

START_TEST(test_hostile_requests)
{
    static const char *const formats[] = {"html", "epub", "md", "txt"};
    char *lib = tu_mkdtemp("hostile");
    nm_host h;
    start_host(&h, lib);
    int n = 0;
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        for (size_t i = 0; i < sizeof hostile_html / sizeof *hostile_html; i++) {
            char html[1024], url[64];
            snprintf(html, sizeof html, "<p>Before</p>%s<p>After</p>", hostile_html[i]);
            snprintf(url, sizeof url, "https://example.org/%d", n++);
            cJSON *reply = call(&h, save_request(formats[f], url, "Hostile body", NULL, html));
            assert_ok(reply);
            check_saved(field(reply, "path")->valuestring, formats[f], hostile_html[i]);
            cJSON_Delete(reply);
        }
        for (size_t i = 0; i < sizeof hostile_strings / sizeof *hostile_strings; i++) {
            const char *s = hostile_strings[i];
            char url[64];
            snprintf(url, sizeof url, "https://example.org/%d", n++);
            /* in title and byline, then as the URL itself */
            cJSON *reply = call(&h, save_request(formats[f], url, s, s, "<p>Body</p>"));
            assert_ok(reply);
            check_saved(field(reply, "path")->valuestring, formats[f], s);
            cJSON_Delete(reply);
            char hostile_url[256];   /* one URL per format: each is a new article */
            snprintf(hostile_url, sizeof hostile_url, "%s%s", s, formats[f]);
            reply = call(&h, save_request(formats[f], hostile_url, "Hostile URL", NULL,
                                          "<p>Body</p>"));
            assert_ok(reply);
            check_saved(field(reply, "path")->valuestring, formats[f], s);
            cJSON_Delete(reply);
            n++;
        }
    }
    finish(&h);
    tu_rmtree(lib);
}
END_TEST

/* -------------------------------------------------------------- images */

static const char image_article[] =
    "<p>A picture:</p><figure><img src=\"https://img.example/a.png\" alt=\"First\">"
    "<figcaption>Caption</figcaption></figure>"
    "<p>And one that was not sent: <img src=\"https://img.example/gone.png\" alt=\"Gone\"></p>";

static cJSON *image_request(const char *format, const char *url)
{
    cJSON *req = save_request(format, url, "Pictures", "Ann", image_article);
    add_image(req, "https://img.example/a.png", png_base64);
    return req;
}

START_TEST(test_images_inside)
{
    char *lib = tu_mkdtemp("images");
    nm_host h;
    start_host(&h, lib);
    /* HTML: data: URIs and a CSP that allows nothing remote. */
    cJSON *reply = call(&h, image_request("html", "https://example.org/pics"));
    assert_ok(reply);
    ck_assert_int_eq(field(field(reply, "images"), "saved")->valueint, 1);
    ck_assert_int_eq(field(field(reply, "images"), "missing")->valueint, 1);
    char *page = tu_read_file(field(reply, "path")->valuestring, NULL);
    ck_assert(strstr(page, "<img src=\"data:image/png;base64,") != NULL);
    ck_assert(strstr(page, "img.example/a.png") == NULL);
    ck_assert(strstr(page, "default-src 'none'") && strstr(page, "form-action 'none'") &&
              strstr(page, "base-uri 'none'") && strstr(page, "img-src data:\""));
    ck_assert_msg(strstr(page, "<a href=\"https://img.example/gone.png\" "
                               "rel=\"noopener noreferrer\">Gone</a>") != NULL, "%s", page);
    free(page);
    cJSON_Delete(reply);

    /* Markdown: NAME.assets/ beside the file, linked relatively. */
    reply = call(&h, image_request("md", "https://example.org/pics-md"));
    assert_ok(reply);
    char *md = tu_read_file(field(reply, "path")->valuestring, NULL);
    ck_assert_msg(strstr(md, "![First](Pictures.assets/img-1.png)") != NULL, "%s", md);
    ck_assert(strstr(md, "[Gone](https://img.example/gone.png)") != NULL);
    free(md);
    char asset[4300];
    snprintf(asset, sizeof asset, "%s/Pictures.assets/img-1.png", lib);
    size_t len = 0;
    char *bytes = tu_read_file(asset, &len);
    ck_assert_msg(bytes && len == 70 && memcmp(bytes, "\x89PNG", 4) == 0, "asset %s", asset);
    free(bytes);
    cJSON_Delete(reply);
    /* Read back for the reader view: Markdown as HTML, the asset inside. */
    reply = nm_call(&h, "{\"id\":1,\"type\":\"get\",\"url\":\"https://example.org/pics-md\"}");
    assert_ok(reply);
    const char *back = field(field(reply, "article"), "html")->valuestring;
    ck_assert_msg(strstr(back, "<img src=\"data:image/png;base64,iVBORw0KGgo") != NULL, "%s", back);
    ck_assert(strstr(back, "<figcaption>") == NULL);   /* Markdown has none */
    ck_assert(strstr(field(field(reply, "article"), "markdown")->valuestring, "Pictures.assets"));
    cJSON_Delete(reply);

    /* An SVG is kept inside a page (an <img> runs no script) but never as a
     * file beside a Markdown article, where opening it alone would. */
    static const char svg_base64[] =   /* <svg xmlns=...><script>alert(1)</script></svg> */
        "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=";
    cJSON *svg = save_request("md", "https://example.org/svg", "Vector", NULL,
                              "<p><img src=\"https://img.example/v.svg\" alt=\"V\"></p>");
    add_image(svg, "https://img.example/v.svg", svg_base64);
    reply = call(&h, svg);
    assert_ok(reply);
    ck_assert_int_eq(field(field(reply, "images"), "saved")->valueint, 0);
    ck_assert_int_eq(field(field(reply, "images"), "missing")->valueint, 1);
    cJSON_Delete(reply);
    svg = save_request("html", "https://example.org/svg-page", "Vector page", NULL,
                       "<p><img src=\"https://img.example/v.svg\" alt=\"V\"></p>");
    add_image(svg, "https://img.example/v.svg", svg_base64);
    reply = call(&h, svg);
    assert_ok(reply);
    ck_assert_int_eq(field(field(reply, "images"), "saved")->valueint, 1);
    cJSON_Delete(reply);

    /* Not base64, or a wrong type: errors naming the field. */
    static const char *const bad[][2] = {
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"images\":{}}", "\"images\""},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"images\":[1]}", "images[0]"},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"images\":[{\"url\":\"u\"}]}",
         "images[0].data"},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"images\":[{\"url\":\"u\","
         "\"data\":\"!!\"}]}", "images[0].data"},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"images\":[{\"url\":5,"
         "\"data\":\"\"}]}", "images[0].url"},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"images\":[{\"url\":\"u\","
         "\"data\":\"\",\"type\":[]}]}", "images[0].type"},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"force\":\"yes\"}", "\"force\""},
        {"{\"id\":1,\"type\":\"save\",\"html\":\"<p>x</p>\",\"format\":\"pdf\"}", "\"format\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        reply = nm_call(&h, bad[i][0]);
        assert_error(reply, "bad_request");
        const char *msg = field(field(reply, "error"), "message")->valuestring;
        ck_assert_msg(strstr(msg, bad[i][1]) != NULL, "%s: %s", bad[i][0], msg);
        cJSON_Delete(reply);
    }
    /* A picture that is no image is refused and counted missing. */
    cJSON *req = save_request("html", "https://example.org/fake", "Fake", NULL, image_article);
    add_image(req, "https://img.example/a.png", "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
    reply = call(&h, req);
    assert_ok(reply);
    ck_assert_int_eq(field(field(reply, "images"), "missing")->valueint, 2);
    page = tu_read_file(field(reply, "path")->valuestring, NULL);
    ck_assert(strstr(page, "data:image") == NULL);
    free(page);
    cJSON_Delete(reply);
    finish(&h);

    /* The command line keeps remote images, and its CSP allows them. */
    char pagefile[4300];
    snprintf(pagefile, sizeof pagefile, "%s/page.html", lib);
    tu_write_file(pagefile, "<html><head><title>Remote</title></head><body><article>"
                            "<h1>Remote</h1><p>An article long enough to be one, with words "
                            "and more words, commas, and sentences to make it prose.</p>"
                            "<img src=\"https://img.example/r.png\" alt=\"R\"><p>More prose "
                            "follows here, as articles go on after their pictures.</p>"
                            "</article></body></html>");
    char *out;
    ck_assert_int_eq(run(&out, "%s save --force --format html --library %s --url "
                               "https://example.org/remote %s", binary(), lib, pagefile), 0);
    out[strcspn(out, "\n")] = '\0';
    page = tu_read_file(out, NULL);
    ck_assert(strstr(page, "<img src=\"https://img.example/r.png\"") != NULL);
    ck_assert(strstr(page, "img-src data: http: https:") != NULL);
    free(page);
    free(out);
    ck_assert_int_eq(run(&out, "%s save --help", binary()), 0);
    ck_assert(strstr(out, "Images keep their web links") != NULL);
    free(out);
    tu_rmtree(lib);
}
END_TEST

/* ---------------------------------------------------------------- EPUB */

/* How to run epubcheck here, or NULL. */
static const char *epubcheck(void)
{
    static char cmd[256];
    if (access("/usr/share/java/epubcheck.jar", R_OK) == 0 &&
        run(NULL, "java -version >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd, "java -jar /usr/share/java/epubcheck.jar");
        return cmd;
    }
    if (run(NULL, "epubcheck --version >/dev/null 2>&1") == 0)
        return "epubcheck";
    return NULL;
}

static void assert_epubcheck(const char *check, const char *path)
{
    char *out;
    int status = run(&out, "%s '%s' 2>&1", check, path);
    ck_assert_msg(status == 0 && strstr(out, "No errors or warnings detected"),
                  "epubcheck %s:\n%s", path, out);
    free(out);
}

START_TEST(test_epub_passes_epubcheck)
{
    const char *check = epubcheck();
    if (!check) {
        const char *ci = getenv("CI");
        ck_assert_msg(!ci || !*ci, "epubcheck is missing and CI is set");
        fprintf(stderr, "test_epub_passes_epubcheck: SKIPPED, epubcheck not found "
                        "(./install.sh --dev installs it)\n");
        return;
    }
    char *lib = tu_mkdtemp("epub");
    char rtl[4300], code[4300];
    snprintf(rtl, sizeof rtl, "%s/tests/pages/arabic-rtl-news/page.html",
             tu_env("RM_ROOT", "."));
    char *out;
    /* 1. right to left, from the command line */
    ck_assert_int_eq(run(&out, "%s save --format epub --library %s '%s'", binary(), lib, rtl),
                     0);
    out[strcspn(out, "\n")] = '\0';
    assert_epubcheck(check, out);
    size_t len;
    char *chapter = epub_chapter(out, &len);
    ck_assert(strstr(chapter, "dir=\"rtl\"") != NULL);
    free(chapter);
    free(out);
    /* 2. with images, through the host */
    nm_host h;
    start_host(&h, lib);
    cJSON *reply = call(&h, image_request("epub", "https://example.org/pics"));
    assert_ok(reply);
    ck_assert_int_eq(field(field(reply, "images"), "saved")->valueint, 1);
    const char *book = field(reply, "path")->valuestring;
    assert_epubcheck(check, book);
    int zerr;
    zip_t *z = zip_open(book, ZIP_RDONLY, &zerr);
    ck_assert_int_ge(zip_name_locate(z, "EPUB/images/img-1.png", 0), 0);
    zip_discard(z);
    cJSON_Delete(reply);
    /* 3. with code, and metadata an e-reader shows */
    snprintf(code, sizeof code,
             "<p>Compile with:</p><pre><code>cc -O2 -o hello hello.c &amp;&amp; ./hello "
             "&lt;in.txt</code></pre><p>Then <code>printf(\"%%d\\n\", x);</code> prints "
             "it.</p><table><tr><th colspan=\"0\">Flag</th><td>-O2</td></tr></table>"
             "<p>At <time datetime=\"last tuesday\">noon</time>.</p>");
    cJSON *req = save_request("epub", "https://example.org/code", "Code & <tags>", "Bob",
                              code);
    cJSON *art = field(req, "article");
    cJSON_AddStringToObject(art, "published", "2024-05-01T10:00:00Z");
    cJSON_AddStringToObject(art, "lang", "en");
    cJSON_AddStringToObject(art, "site_name", "Example");
    reply = call(&h, req);
    assert_ok(reply);
    assert_epubcheck(check, field(reply, "path")->valuestring);
    cJSON_Delete(reply);
    /* 4. footnotes as pages write them: repeated ids, links to nothing */
    reply = call(&h, save_request("epub", "https://example.org/notes", "Notes", NULL,
                                  "<p>Text<a href=\"#fn1\">1</a> and <a href=\"#gone\">x</a>"
                                  "</p><div id=\"d\"><a href=\"#d\">d</a></div><ol><li id=\"fn1\">"
                                  "Note <a href=\"#fn1\">back</a></li></ol><p id=\"fn1\">again</p>"
                                  "<p id=\"two words\">spaced</p>"));
    assert_ok(reply);
    assert_epubcheck(check, field(reply, "path")->valuestring);
    cJSON_Delete(reply);
    /* 5. empty and odd metadata: still a valid book */
    req = save_request("epub", "https://example.org/odd", "", "", "<p>Body</p>");
    art = field(req, "article");
    cJSON_AddStringToObject(art, "lang", "en_US--x");
    cJSON_AddStringToObject(art, "published", "last week");
    cJSON_AddStringToObject(art, "dir", "rtl");
    reply = call(&h, req);
    assert_ok(reply);
    assert_epubcheck(check, field(reply, "path")->valuestring);
    cJSON_Delete(reply);
    finish(&h);
    tu_rmtree(lib);
}
END_TEST

/* ---------------------------------------------------------- the library */

START_TEST(test_one_file_per_url)
{
    char *lib = tu_mkdtemp("once");
    nm_host h;
    start_host(&h, lib);
    cJSON *reply = call(&h, save_request("html", "https://example.org/x", "First", NULL,
                                         "<p>one</p>"));
    assert_ok(reply);
    char *path = strdup(field(reply, "path")->valuestring);
    cJSON_Delete(reply);
    reply = call(&h, save_request("html", "https://example.org/x", "Second", NULL,
                                  "<p>two</p>"));
    assert_error(reply, "exists");
    ck_assert_str_eq(field(reply, "path")->valuestring, path);
    cJSON_Delete(reply);
    char *names = listing(lib);
    ck_assert_str_eq(names, "First.html");
    free(names);
    /* force: replaced in place */
    cJSON *req = save_request("html", "https://example.org/x", "Second", NULL, "<p>two</p>");
    cJSON_AddTrueToObject(req, "force");
    reply = call(&h, req);
    assert_ok(reply);
    ck_assert_str_eq(field(reply, "path")->valuestring, path);
    cJSON_Delete(reply);
    names = listing(lib);
    ck_assert_str_eq(names, "First.html");
    free(names);
    char *page = tu_read_file(path, NULL);
    ck_assert(strstr(page, "<p>two</p>") && !strstr(page, "<p>one</p>"));
    free(page);

    /* get by URL and by path */
    reply = call(&h, cJSON_Parse("{\"id\":1,\"type\":\"get\",\"url\":\"https://example.org/x\"}"));
    assert_ok(reply);
    ck_assert_str_eq(field(field(reply, "article"), "title")->valuestring, "Second");
    ck_assert(strstr(field(field(reply, "article"), "html")->valuestring, "<p>two</p>"));
    ck_assert_str_eq(field(field(reply, "saved"), "format")->valuestring, "html");
    cJSON_Delete(reply);
    req = cJSON_Parse("{\"id\":1,\"type\":\"get\"}");
    cJSON_AddStringToObject(req, "path", path);
    reply = call(&h, req);
    assert_ok(reply);
    ck_assert_str_eq(field(field(reply, "article"), "url")->valuestring, "https://example.org/x");
    cJSON_Delete(reply);

    /* paths outside the library, relative paths, bad keys */
    static const char *const refused[][2] = {
        {"{\"id\":1,\"type\":\"get\",\"path\":\"/etc/passwd\"}", "bad_request"},
        {"{\"id\":1,\"type\":\"get\",\"path\":\"First.html\"}", "bad_request"},
        {"{\"id\":1,\"type\":\"delete\",\"path\":\"/etc/hostname\"}", "bad_request"},
        {"{\"id\":1,\"type\":\"get\"}", "bad_request"},
        {"{\"id\":1,\"type\":\"get\",\"url\":\"https://example.org/none\"}", "not_found"},
        {"{\"id\":1,\"type\":\"delete\",\"url\":5}", "bad_request"},
        {"{\"id\":1,\"type\":\"get\",\"url\":\"/etc/passwd\"}", "not_found"},   /* a URL */
        {"{\"id\":1,\"type\":\"get\",\"url\":\"u\",\"path\":\"/p\"}", "bad_request"},
        {"{\"id\":1,\"type\":\"list\",\"since\":\"yesterday\"}", "bad_request"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        reply = nm_call(&h, refused[i][0]);
        assert_error(reply, refused[i][1]);
        cJSON_Delete(reply);
    }
    char outside[4400];
    snprintf(outside, sizeof outside, "%s/../%s", lib, strrchr(lib, '/') + 1);
    req = cJSON_Parse("{\"id\":1,\"type\":\"get\"}");   /* a path through .. that is inside */
    snprintf(outside, sizeof outside, "%s/../%s/First.html", lib, strrchr(lib, '/') + 1);
    cJSON_AddStringToObject(req, "path", outside);
    reply = call(&h, req);
    assert_ok(reply);
    cJSON_Delete(reply);

    /* delete, then it is gone */
    req = cJSON_Parse("{\"id\":1,\"type\":\"delete\"}");
    cJSON_AddStringToObject(req, "path", path);
    reply = call(&h, req);
    assert_ok(reply);
    cJSON_Delete(reply);
    names = listing(lib);
    ck_assert_str_eq(names, "");
    free(names);
    reply = nm_call(&h, "{\"id\":1,\"type\":\"get\",\"url\":\"https://example.org/x\"}");
    assert_error(reply, "not_found");
    cJSON_Delete(reply);

    /* Markdown with assets: deleted with its folder; replaced in another
     * format: the old file goes. */
    reply = call(&h, image_request("md", "https://example.org/pics"));
    assert_ok(reply);
    cJSON_Delete(reply);
    req = image_request("txt", "https://example.org/pics");
    cJSON_AddTrueToObject(req, "force");
    reply = call(&h, req);
    assert_ok(reply);
    cJSON_Delete(reply);
    names = listing(lib);
    ck_assert_str_eq(names, "Pictures.txt");
    free(names);
    finish(&h);

    /* The commands: save twice, --force, show, delete. */
    char pagefile[4300];
    snprintf(pagefile, sizeof pagefile, "%s/../%s-page.html", lib, strrchr(lib, '/') + 1);
    tu_write_file(pagefile, "<html><head><title>Shown</title>"
                            "<link rel=canonical href=\"https://example.org/canon\"></head>"
                            "<body><article><h1>Shown</h1><p>An article long enough to be one, "
                            "with words and more words, commas, and sentences to make it prose."
                            "</p><p>A second paragraph of prose, so it reads as an article to "
                            "any reader mode, with more sentences. It goes on, and on, as "
                            "articles do, until a reader mode is sure of it.</p><p>A third "
                            "paragraph, because real articles rarely stop after two, and the "
                            "extractor wants a body clearly longer than the rest of the page."
                            "</p></article></body></html>");
    char *out;
    ck_assert_int_eq(run(&out, "%s save --library %s '%s'", binary(), lib, pagefile), 0);
    free(out);
    ck_assert_int_eq(run(&out, "%s save --library %s --url https://example.org/other '%s' 2>&1",
                         binary(), lib, pagefile), 5);   /* the canonical URL decides */
    ck_assert(strstr(out, "already saved as") && strstr(out, "Shown.md"));
    free(out);
    ck_assert_int_eq(run(&out, "%s save --force --library %s '%s'", binary(), lib, pagefile), 0);
    free(out);
    ck_assert_int_eq(run(&out, "%s show --library %s https://example.org/canon", binary(), lib),
                     0);
    ck_assert_msg(strncmp(out, "Shown\n\n", 7) == 0 && strstr(out, "second paragraph"), "%s",
                  out);
    free(out);
    ck_assert_int_eq(run(&out, "%s show --library %s /etc/passwd 2>&1", binary(), lib), 2);
    ck_assert(strstr(out, "not in the library") != NULL);
    free(out);
    ck_assert_int_eq(run(&out, "%s delete --library %s https://example.org/canon", binary(),
                         lib), 0);
    free(out);
    ck_assert_int_eq(run(&out, "%s show --library %s https://example.org/canon 2>/dev/null",
                         binary(), lib), 1);
    free(out);
    unlink(pagefile);
    free(path);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_markdown_read_back_safely)
{
    char *lib = tu_mkdtemp("mdback");
    ck_assert_ptr_nonnull(lib);
    char file[4300], secret[4300];
    snprintf(secret, sizeof secret, "%s-secret.png", lib);
    tu_write_file(secret, "\x89PNG\r\n\x1a\nsecret");
    mkdir(lib, 0700);
    snprintf(file, sizeof file, "%s/Edited.md", lib);
    FILE *f = fopen(file, "w");
    fprintf(f, "---\ntitle: \"Edited\"\nurl: \"https://example.org/edited\"\n"
               "saved_at: \"2026-01-01T00:00:00Z\"\n---\n\n"
               "Text with <script>alert(1)</script> and <img src=x onerror=alert(1)>.\n\n"
               "![escape](../%s-secret.png) [js](javascript:alert(1))\n\n"
               "| a | b |\n|---|---|\n| 1 | ~~2~~ |\n", strrchr(lib, '/') + 1);
    fclose(f);
    nm_host h;
    start_host(&h, lib);
    cJSON *reply = nm_call(&h, "{\"id\":1,\"type\":\"get\",\"url\":\"https://example.org/edited\"}");
    assert_ok(reply);
    const char *html = field(field(reply, "article"), "html")->valuestring;
    ck_assert_msg(!contains_ci(html, "<script") && !contains_ci(html, "onerror") &&
                  !contains_ci(html, "javascript:") && !strstr(html, "data:image"), "%s", html);
    ck_assert_msg(strstr(html, "<td>1</td>") && strstr(html, "<del>2</del>"), "no GFM table: %s", html);
    cJSON_Delete(reply);
    finish(&h);
    unlink(secret);
    tu_rmtree(lib);
}
END_TEST

/* ------------------------------------------------------------- listing */

/* Titles from the hardening tests' hostile set: terminal escapes, C1
 * controls (U+009B is CSI), bidi overrides and isolates, line breaks. */
static const char *const hostile_titles[] = {
    "ESC \x1b[31mred\x1b[0m and \x1b]0;title\x07",
    "C1 CSI \xc2\x9b" "31m and NEL \xc2\x85 end",
    "RLO \xe2\x80\xae" "fdp.exe and LRI \xe2\x81\xa6 x \xe2\x81\xa9",
    "new\nline\tfake\t2026-01-01T00:00:00Z\tmd\tentry",
    "CR\rback DEL\x7f NUL-free BEL\x07 BS\x08",
    "LS\xe2\x80\xa8PS\xe2\x80\xa9 ALM\xd8\x9c LRM\xe2\x80\x8e",
};

static void assert_no_control_bytes(const char *out, size_t expected_lines)
{
    size_t lines = 0;
    for (const unsigned char *p = (const unsigned char *)out; *p; p++) {
        ck_assert_msg(*p >= 0x20 || *p == '\t' || *p == '\n', "byte 0x%02x in list output", *p);
        ck_assert_msg(*p != 0x7f, "DEL in list output");
        ck_assert_msg(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f), "C1 control in output");
        ck_assert_msg(!(p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xa8 && p[2] <= 0xae),
                      "bidi/separator in output");
        ck_assert_msg(!(p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9),
                      "bidi isolate in output");
        lines += *p == '\n';
    }
    ck_assert_uint_eq(lines, expected_lines);
}

START_TEST(test_list_hostile_titles)
{
    char *lib = tu_mkdtemp("titles");
    nm_host h;
    start_host(&h, lib);
    static const char *const formats[] = {"md", "txt", "html", "epub"};
    size_t n = sizeof hostile_titles / sizeof *hostile_titles, saved = 0;
    for (size_t i = 0; i < n; i++) {
        char url[64];
        snprintf(url, sizeof url, "https://example.org/t%zu", i);
        cJSON *reply = call(&h, save_request(formats[i % 4], url, hostile_titles[i], NULL,
                                             "<p>Body</p>"));
        assert_ok(reply);
        cJSON_Delete(reply);
        saved++;
    }
    finish(&h);
    char *out;
    ck_assert_int_eq(run(&out, "%s list --library %s", binary(), lib), 0);
    assert_no_control_bytes(out, saved);
    ck_assert(strstr(out, "\\u{001B}[31mred") != NULL);
    ck_assert(strstr(out, "\\u{009B}31m") != NULL);
    ck_assert(strstr(out, "\\u{202E}fdp.exe") != NULL);
    free(out);
    /* --json: exact titles back, valid JSON */
    ck_assert_int_eq(run(&out, "%s list --json --library %s", binary(), lib), 0);
    cJSON *list = cJSON_Parse(out);
    ck_assert_ptr_nonnull(list);
    ck_assert_int_eq(cJSON_GetArraySize(list), (int)saved);
    size_t found = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        for (size_t i = 0; i < n; i++) {
            /* txt keeps titles on one line: compare the others exactly */
            if (strcmp(field(e, "title")->valuestring, hostile_titles[i]) == 0)
                found++;
        }
    }
    ck_assert_uint_ge(found, saved - 2);
    cJSON_Delete(list);
    free(out);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_long_fields_listed)
{
    char *lib = tu_mkdtemp("long");
    size_t n = 20000;
    char *long_text = malloc(n + 1), *long_url = malloc(n + 32);
    for (size_t i = 0; i < n; i++)
        long_text[i] = "abcdefghij "[i % 11];
    long_text[n] = '\0';
    strcpy(long_url, "https://example.org/");
    memset(long_url + 20, 'u', n - 20);
    long_url[n] = '\0';
    nm_host h;
    start_host(&h, lib);
    static const char *const formats[] = {"md", "txt", "html", "epub"};
    int saved = 0;
    for (size_t f = 0; f < 4; f++) {
        char url[64];
        snprintf(url, sizeof url, "https://example.org/long-title-%zu", f);
        cJSON *reply = call(&h, save_request(formats[f], url, long_text, NULL, "<p>Body</p>"));
        assert_ok(reply);
        cJSON_Delete(reply);
        snprintf(url, sizeof url, "https://example.org/long-byline-%zu", f);
        reply = call(&h, save_request(formats[f], url, "Long byline", long_text, "<p>B</p>"));
        assert_ok(reply);
        cJSON_Delete(reply);
        long_url[n - 1] = (char)('0' + f);
        reply = call(&h, save_request(formats[f], long_url, "Long URL", long_text, "<p>U</p>"));
        assert_ok(reply);
        cJSON_Delete(reply);
        saved += 3;
    }
    {
        cJSON *reply = nm_call(&h, "{\"id\":1,\"type\":\"list\"}");
        assert_ok(reply);
        ck_assert_int_eq(cJSON_GetArraySize(field(reply, "articles")), saved);
        int long_titles = 0, long_urls = 0;
        const cJSON *e;
        cJSON_ArrayForEach(e, field(reply, "articles")) {
            long_titles += strcmp(field(e, "title")->valuestring, long_text) == 0;
            long_urls += cJSON_IsString(field(e, "url")) &&
                         strlen(field(e, "url")->valuestring) == n;
        }
        ck_assert_int_eq(long_urls, 4);
        ck_assert_int_ge(long_titles, 3);   /* txt collapses the spaces it breaks at */
        cJSON_Delete(reply);
    }
    finish(&h);
    free(long_text);
    free(long_url);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_killed_saves_leave_nothing)
{
    char *lib = tu_mkdtemp("killed");
    /* What a save killed mid-write leaves: a temporary and its assets. */
    char p[4400];
    mkdir(lib, 0700);
    snprintf(p, sizeof p, "%s/.readmode-Ab12Cd", lib);
    tu_write_file(p, "---\ntitle: \"cut mid-wo");
    snprintf(p, sizeof p, "%s/.readmode-Ab12Cd.assets", lib);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/.readmode-Ab12Cd.assets/img-1.png", lib);
    tu_write_file(p, "\x89PNG");
    char *out;
    ck_assert_int_eq(run(&out, "%s list --library %s", binary(), lib), 0);
    ck_assert_str_eq(out, "");
    free(out);
    char *names = listing(lib);
    ck_assert_str_eq(names, "");
    free(names);

    /* Real saves killed at varying moments: after the next list, only whole
     * articles remain, each listed. */
    char pagefile[4400];
    snprintf(pagefile, sizeof pagefile, "%s-page.html", lib);
    FILE *f = fopen(pagefile, "w");
    fputs("<html><head><title>Killed</title></head><body><article><h1>Killed</h1>", f);
    for (int i = 0; i < 20000; i++)
        fputs("<p>A paragraph of the article, long enough to take a while to write.</p>", f);
    fputs("</article></body></html>", f);
    fclose(f);
    for (int i = 0; i < 12; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            char url[64];
            snprintf(url, sizeof url, "https://example.org/k%d", i);
            int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
            dup2(devnull, 2);
            execl(binary(), binary(), "save", "--format", i % 2 ? "html" : "epub", "--library",
                  lib, "--url", url, pagefile, (char *)NULL);
            _exit(127);
        }
        struct timespec nap = {0, (long)(i * 40) * 1000000L};
        nanosleep(&nap, NULL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    ck_assert_int_eq(run(&out, "%s list --json --library %s", binary(), lib), 0);
    cJSON *list = cJSON_Parse(out);
    ck_assert_ptr_nonnull(list);
    names = listing(lib);
    ck_assert_msg(strstr(names, ".readmode") == NULL, "left behind: %s", names);
    size_t files = names[0] ? 1 : 0;
    for (char *c = names; *c; c++)
        files += *c == '|';
    ck_assert_uint_eq(files, (size_t)cJSON_GetArraySize(list));   /* every file listed */
    free(names);
    cJSON_Delete(list);
    free(out);
    unlink(pagefile);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_list_filters)
{
    char *lib = tu_mkdtemp("filters");
    nm_host h;
    start_host(&h, lib);
    static const char *const titles[] = {"Rust memory safety", "Gardening in spring",
                                         "Memory of a garden"};
    for (int i = 0; i < 3; i++) {
        char url[64];
        snprintf(url, sizeof url, "https://example.org/f%d", i);
        cJSON *req = save_request("md", url, titles[i], NULL, "<p>x</p>");
        cJSON_AddStringToObject(field(req, "article"), "site_name", i == 1 ? "Green Site" : "Tech");
        cJSON *reply = call(&h, req);
        assert_ok(reply);
        cJSON_Delete(reply);
    }
    cJSON *reply = nm_call(&h, "{\"id\":1,\"type\":\"list\",\"grep\":\"MEMORY\"}");
    assert_ok(reply);
    ck_assert_int_eq(cJSON_GetArraySize(field(reply, "articles")), 2);
    cJSON_Delete(reply);
    reply = nm_call(&h, "{\"id\":1,\"type\":\"list\",\"grep\":\"garden green\"}");
    assert_ok(reply);
    ck_assert_int_eq(cJSON_GetArraySize(field(reply, "articles")), 1);   /* site matched */
    cJSON_Delete(reply);
    finish(&h);
    char *out;
    ck_assert_int_eq(run(&out, "%s list --library %s --grep 'memory rust'", binary(), lib), 0);
    ck_assert(strstr(out, "Rust memory safety") && !strstr(out, "garden"));
    free(out);
    ck_assert_int_eq(run(&out, "%s list --library %s --since 2999-01-01", binary(), lib), 0);
    ck_assert_str_eq(out, "");
    free(out);
    ck_assert_int_eq(run(&out, "%s list --json --library %s --since 2000-01-01", binary(), lib),
                     0);
    cJSON *list = cJSON_Parse(out);
    ck_assert_int_eq(cJSON_GetArraySize(list), 3);
    cJSON_Delete(list);
    free(out);
    ck_assert_int_eq(run(NULL, "%s list --library %s --since soon 2>/dev/null", binary(), lib), 2);
    tu_rmtree(lib);
}
END_TEST

static Suite *saving_suite(void)
{
    Suite *s = suite_create("saving");
    TCase *tc = tcase_create("saving");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_hostile_requests);
    tcase_add_test(tc, test_images_inside);
    tcase_add_test(tc, test_epub_passes_epubcheck);
    tcase_add_test(tc, test_one_file_per_url);
    tcase_add_test(tc, test_markdown_read_back_safely);
    tcase_add_test(tc, test_list_hostile_titles);
    tcase_add_test(tc, test_long_fields_listed);
    tcase_add_test(tc, test_killed_saves_leave_nothing);
    tcase_add_test(tc, test_list_filters);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(saving_suite)
