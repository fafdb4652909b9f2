/*
 * test_save.c — offline saving: file names from hostile titles, clashes,
 * atomic writes that leave nothing behind on failure, the three formats
 * read back by `list`, and the `save` / `list` commands.
 */
#include "save.h"
#include "testutil.h"
#include "tmpdir.h"

#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistr.h>

static void assert_stem(const char *title, const char *expected)
{
    char *stem = save_file_stem(title);
    ck_assert_msg(stem && strcmp(stem, expected) == 0, "title \"%s\": got \"%s\", want \"%s\"",
                  title ? title : "(null)", stem ? stem : "(null)", expected);
    free(stem);
}

START_TEST(test_stem_traversal_and_separators)
{
    assert_stem("../../etc/passwd", "etc-passwd");
    assert_stem("..", "untitled");
    assert_stem(".", "untitled");
    assert_stem(".hidden", "hidden");
    assert_stem("a/b\\c", "a-b-c");
    assert_stem("C:\\Windows\\system32", "C--Windows-system32");
    assert_stem("-rf /", "rf -");
    assert_stem("what? <b>*bold*</b>", "what bbold-b");
    assert_stem("pipe | and \"quotes\"", "pipe - and quotes");
    assert_stem("end...  ", "end");
}
END_TEST

START_TEST(test_stem_reserved_names)
{
    assert_stem("CON", "CON_");
    assert_stem("nul.txt", "nul_.txt");
    assert_stem("com1", "com1_");
    assert_stem("LPT9.tar.gz", "LPT9_.tar.gz");
    assert_stem("Aux", "Aux_");
    assert_stem("COM\u00b2", "COM\u00b2_");
    assert_stem("CONSOLE", "CONSOLE");
    assert_stem("Console.log", "Console.log");
    assert_stem("COM10", "COM10");
}
END_TEST

START_TEST(test_stem_whitespace_and_controls)
{
    assert_stem("tab\there\nnew\x01line", "tab here new line");
    assert_stem("  many    spaces\u00a0\u2003here  ", "many spaces here");
    assert_stem("evil\u202etxt.exe", "evil txt.exe");   /* RIGHT-TO-LEFT OVERRIDE */
    assert_stem("zero\u200bwidth", "zero width");      /* format character */
    assert_stem("line\u2028break", "line break");
    assert_stem("bad \xff byte", "bad byte");
    assert_stem(NULL, "untitled");
    assert_stem("", "untitled");
    assert_stem(" \t\n", "untitled");
    assert_stem("???", "untitled");
}
END_TEST

START_TEST(test_stem_unicode_kept)
{
    assert_stem("\xe6\xbc\xa2\xe5\xad\x97\xe3\x81\xae\xe8\xa8\x98\xe4\xba\x8b",
                "\xe6\xbc\xa2\xe5\xad\x97\xe3\x81\xae\xe8\xa8\x98\xe4\xba\x8b");
    assert_stem("Caf\xc3\xa9 \xf0\x9f\x98\x80 \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
                "Caf\xc3\xa9 \xf0\x9f\x98\x80 \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
    assert_stem("e\xcc\x81t\xc3\xa9", "\xc3\xa9t\xc3\xa9");   /* NFC: e + U+0301 -> U+00E9 */
}
END_TEST

/* A title of `count` copies of `unit`, after an optional prefix. */
static char *repeated(const char *prefix, const char *unit, size_t count)
{
    size_t lp = strlen(prefix), lu = strlen(unit);
    char *s = malloc(lp + lu * count + 1);
    memcpy(s, prefix, lp);
    for (size_t i = 0; i < count; i++)
        memcpy(s + lp + i * lu, unit, lu);
    s[lp + lu * count] = '\0';
    return s;
}

static void assert_cut(const char *prefix, const char *unit, size_t expected_len)
{
    char *title = repeated(prefix, unit, 500 / strlen(unit) + 1);
    ck_assert_uint_ge(strlen(title), 500);
    char *stem = save_file_stem(title);
    ck_assert_uint_eq(strlen(stem), expected_len);
    ck_assert_uint_le(strlen(stem), SAVE_STEM_MAX);
    ck_assert_ptr_null(u8_check((const uint8_t *)stem, strlen(stem)));
    ck_assert(strncmp(title, stem, strlen(stem)) == 0);
    free(stem);
    free(title);
}

START_TEST(test_stem_length_cut_on_character)
{
    assert_cut("", "a", 120);
    assert_cut("", "\xc3\xa9", 120);                  /* 2-byte: 60 characters */
    assert_cut("a", "\xe6\xbc\xa2", 118);             /* 1 + 39 * 3 */
    assert_cut("a", "\xf0\x9f\x98\x80", 117);         /* 1 + 29 * 4 */
    /* A cut that lands after a space drops the dangling space. */
    char *title = repeated("", "abcd ", 120);
    char *stem = save_file_stem(title);
    ck_assert_uint_le(strlen(stem), SAVE_STEM_MAX);
    ck_assert(stem[strlen(stem) - 1] != ' ');
    free(stem);
    free(title);
}
END_TEST

/* ------------------------------------------------------------ saving */

static rm_article sample_article(const char *title)
{
    rm_article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)title;
    a.byline = "Ada \"Byline\" Lovelace";
    a.site_name = "Example: Site";
    a.published = "2024-05-01";
    a.url = "https://example.org/a?b=1&c=\"2\"";
    a.text = "First paragraph.\n\nSecond <paragraph> & more.";
    a.html = "<p>First paragraph.</p><p>Second &lt;paragraph&gt; &amp; more.</p>";
    a.markdown = "First paragraph.\n\nSecond <paragraph> & more.";
    return a;
}

/* Names in `dir`, sorted, as one "|"-joined string. */
static char *dir_listing(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    char *out = calloc(1, 8192);
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, "..")) {
            if (*out)
                strcat(out, "|");
            strcat(out, names[i]->d_name);
        }
        free(names[i]);
    }
    if (n >= 0)
        free(names);
    return out;
}

static char *save_ok(const char *lib, const rm_article *a, save_format f, time_t t)
{
    char err[512] = "";
    save_options o = {.format = f, .saved_at = t};
    save_result res;
    int rc = save_article(lib, a, &o, &res, err, sizeof err);
    ck_assert_msg(rc == 0, "save failed: %s", err);
    return res.path;
}

/* save_article's status for a save that should fail; err filled. */
static int save_fails(const char *lib, const rm_article *a, save_format f, char *err,
                      size_t errlen)
{
    save_options o = {.format = f};
    save_result res;
    int rc = save_article(lib, a, &o, &res, err, errlen);
    ck_assert_ptr_null(res.path);
    return rc;
}

START_TEST(test_clash_never_overwrites)
{
    char *lib = tu_mkdtemp("clash");
    char existing[4200];
    snprintf(existing, sizeof existing, "%s/Same title.md", lib);
    ck_assert_int_eq(tu_write_file(existing, "keep me\n"), 0);
    rm_article a = sample_article("Same title");
    a.url = NULL;   /* no URL: nothing tells the saves apart but their names */
    char *p2 = save_ok(lib, &a, SAVE_MD, 1000);
    char *p3 = save_ok(lib, &a, SAVE_MD, 2000);
    char *txt = save_ok(lib, &a, SAVE_TXT, 3000);
    char *listing = dir_listing(lib);
    ck_assert_str_eq(listing, "Same title (2).md|Same title (3).md|Same title.md|Same title.txt");
    char *kept = tu_read_file(existing, NULL);
    ck_assert_str_eq(kept, "keep me\n");
    char *second = tu_read_file(p2, NULL);
    ck_assert(strstr(second, "saved_at: \"1970-01-01T00:16:40Z\"") != NULL);
    free(second);
    free(kept);
    free(listing);
    free(p2);
    free(p3);
    free(txt);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_creates_library_private)
{
    char *dir = tu_mkdtemp("mk");
    char lib[4200];
    snprintf(lib, sizeof lib, "%s/a/b/readmode", dir);
    rm_article a = sample_article("Nested");
    char *path = save_ok(lib, &a, SAVE_TXT, 0);
    struct stat st;
    ck_assert_int_eq(stat(lib, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 077, 0);   /* articles are private too */
    free(path);
    tu_rmtree(dir);
}
END_TEST

START_TEST(test_failed_write_leaves_nothing)
{
    char *lib = tu_mkdtemp("full");
    /* Running as root, permissions do not stop writes; a file-size limit
     * does: write() fails with EFBIG half-way through the article. */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {4096, 4096};
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &limit), 0);
    char *big = repeated("", "A long line of article text. ", 2000);
    rm_article a = sample_article("Too big");
    a.text = a.markdown = big;
    char err[512] = "";
    ck_assert_int_eq(save_fails(lib, &a, SAVE_MD, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "File too large") != NULL, "err: %s", err);
    char *listing = dir_listing(lib);
    ck_assert_str_eq(listing, "");   /* no temporary, no partial article */
    /* A small article still fits, and only it appears. */
    rm_article small = sample_article("Small");
    char *ok = save_ok(lib, &small, SAVE_TXT, 0);
    free(listing);
    listing = dir_listing(lib);
    ck_assert_str_eq(listing, "Small.txt");
    free(ok);
    free(listing);
    free(big);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_library_under_a_file)
{
    char *dir = tu_mkdtemp("blocked");
    char file[4200], lib[4300];
    ck_assert_int_eq(tu_path_under_file(dir, lib, sizeof lib), 0);
    snprintf(file, sizeof file, "%s/plain", dir);
    rm_article a = sample_article("Nowhere");
    char err[512] = "";
    ck_assert_int_eq(save_fails(lib, &a, SAVE_HTML, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "Not a directory") != NULL, "err: %s", err);
    ck_assert_int_eq(save_fails(file, &a, SAVE_HTML, err, sizeof err), -1);
    char *listing = dir_listing(dir);
    ck_assert_str_eq(listing, "plain");   /* nothing created beside it */
    free(listing);
    tu_rmtree(dir);
}
END_TEST

/* ---------------------------------------------------- formats and list */

static const char tricky_title[] =
    "He said \"hi\": a\\b & <tag> \xe2\x80\x94 \xc3\xbcn\xc3\xaf \xf0\x9f\x98\x80 #1";

START_TEST(test_formats_round_trip)
{
    char *lib = tu_mkdtemp("round");
    rm_article a = sample_article(tricky_title);
    static const char *const urls[] = {"https://example.org/html", "https://example.org/txt",
                                       "https://example.org/md"};
    a.url = (char *)urls[2];
    char *md = save_ok(lib, &a, SAVE_MD, 1700000000);
    a.url = (char *)urls[1];
    char *txt = save_ok(lib, &a, SAVE_TXT, 1700000100);
    a.url = (char *)urls[0];
    char *html = save_ok(lib, &a, SAVE_HTML, 1700000200);
    char other[4200];
    snprintf(other, sizeof other, "%s/notes.md", lib);
    ck_assert_int_eq(tu_write_file(other, "# My own notes\n"), 0);   /* not ours: not listed */

    save_entry *e;
    size_t n;
    char err[512];
    ck_assert_int_eq(save_list(lib, NULL, &e, &n, err, sizeof err), 0);
    ck_assert_uint_eq(n, 3);
    static const char *const order[] = {"html", "txt", "md"};
    static const char *const stamps[] = {"2023-11-14T22:16:40Z", "2023-11-14T22:15:00Z",
                                         "2023-11-14T22:13:20Z"};
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(save_format_name(e[i].format), order[i]);
        ck_assert_str_eq(e[i].title, tricky_title);
        ck_assert_str_eq(e[i].url, urls[i]);
        ck_assert_str_eq(e[i].site, a.site_name);
        ck_assert_str_eq(e[i].saved_at, stamps[i]);
        ck_assert(e[i].path[0] == '/');
    }
    ck_assert_str_eq(e[1].path, txt);
    ck_assert_str_eq(e[0].path, html);
    cJSON *json = save_entries_to_json(e, n);
    ck_assert_int_eq(cJSON_GetArraySize(json), 3);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(json, 2), "format")->valuestring, "md");
    cJSON_Delete(json);
    save_entries_free(e, n);
    free(md);
    free(txt);
    free(html);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_html_is_escaped_and_self_contained)
{
    char *lib = tu_mkdtemp("html");
    rm_article a = sample_article(tricky_title);
    a.lang = "en\" onload=\"x";
    char *path = save_ok(lib, &a, SAVE_HTML, 0);
    char *page = tu_read_file(path, NULL);
    ck_assert(strncmp(page, "<!doctype html>", 15) == 0);
    ck_assert(strstr(page, "<meta charset=\"utf-8\">") != NULL);
    ck_assert(strstr(page, "Content-Security-Policy") != NULL);
    ck_assert(strstr(page, "max-width:40em") != NULL);
    ck_assert(strstr(page, "prefers-color-scheme:dark") != NULL);
    ck_assert(strstr(page, "<title>He said &quot;hi&quot;: a\\b &amp; &lt;tag&gt;") != NULL);
    ck_assert(strstr(page, "lang=\"en&quot; onload=&quot;x\"") != NULL);
    ck_assert(strstr(page, "<tag>") == NULL);
    ck_assert(strstr(page, "Ada &quot;Byline&quot; Lovelace") != NULL);
    ck_assert(strstr(page, "href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\"") != NULL);
    ck_assert(strstr(page, a.html) != NULL);
    free(page);
    free(path);
    /* A javascript: URL is never made a link. */
    a.url = "javascript:alert(1)";
    path = save_ok(lib, &a, SAVE_HTML, 0);
    page = tu_read_file(path, NULL);
    ck_assert(strstr(page, "href=\"javascript") == NULL);
    free(page);
    free(path);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_md_front_matter)
{
    char *lib = tu_mkdtemp("md");
    rm_article a = sample_article("Line one\nline two \x01 \xe2\x80\xa8 end");
    char *path = save_ok(lib, &a, SAVE_MD, 1700000000);
    char *text = tu_read_file(path, NULL);
    static const char expected_head[] =
                      "---\ntitle: \"Line one\\nline two \\u0001 \\u2028 end\"\n"
                      "byline: \"Ada \\\"Byline\\\" Lovelace\"\n"
                      "site: \"Example: Site\"\n"
                      "url: \"https://example.org/a?b=1&c=\\\"2\\\"\"\n"
                      "published: \"2024-05-01\"\n"
                      "saved_at: \"2023-11-14T22:13:20Z\"\n---\n\n# Line one line two";
    ck_assert_msg(strncmp(text, expected_head, strlen(expected_head)) == 0, "%s", text);
    ck_assert(strstr(text, "\n\nFirst paragraph.\n\nSecond <paragraph> & more.\n") != NULL);
    free(text);

    /* An independent YAML parser reads the same values back. */
    char cmd[4400];
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import sys,yaml,json; d=open(sys.argv[1]).read().split(\"---\")[1]; "
             "print(json.dumps(yaml.safe_load(d)))' '%s' 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    char out[4096] = "";
    size_t got = p ? fread(out, 1, sizeof out - 1, p) : 0;
    out[got] = '\0';
    int status = p ? pclose(p) : -1;
    if (status != 0) {
        fprintf(stderr, "test_md_front_matter: python3 with PyYAML not available, "
                        "independent YAML check SKIPPED\n");
    } else {
        cJSON *doc = cJSON_Parse(out);
        ck_assert_str_eq(cJSON_GetObjectItem(doc, "title")->valuestring, a.title);
        ck_assert_str_eq(cJSON_GetObjectItem(doc, "byline")->valuestring, a.byline);
        ck_assert_str_eq(cJSON_GetObjectItem(doc, "url")->valuestring, a.url);
        ck_assert_str_eq(cJSON_GetObjectItem(doc, "saved_at")->valuestring,
                         "2023-11-14T22:13:20Z");
        cJSON_Delete(doc);
    }
    save_entry *e;
    size_t n;
    char err[256];
    ck_assert_int_eq(save_list(lib, NULL, &e, &n, err, sizeof err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(e[0].title, a.title);
    save_entries_free(e, n);
    free(path);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_txt_layout)
{
    char *lib = tu_mkdtemp("txt");
    rm_article a = sample_article("Plain\ntitle");
    char *path = save_ok(lib, &a, SAVE_TXT, 1700000000);
    char *text = tu_read_file(path, NULL);
    ck_assert_str_eq(text, "Plain title\n"
                           "By: Ada \"Byline\" Lovelace\n"
                           "Site: Example: Site\n"
                           "Source: https://example.org/a?b=1&c=\"2\"\n"
                           "Saved: 2023-11-14T22:13:20Z\n\n"
                           "First paragraph.\n\nSecond <paragraph> & more.\n");
    free(text);
    free(path);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_list_missing_and_untitled)
{
    char *lib = tu_mkdtemp("list");
    char missing[4200];
    snprintf(missing, sizeof missing, "%s/nope", lib);
    save_entry *e;
    size_t n;
    char err[256];
    ck_assert_int_eq(save_list(missing, NULL, &e, &n, err, sizeof err), 0);
    ck_assert_uint_eq(n, 0);
    rm_article a = sample_article(NULL);
    a.url = NULL;
    char *path = save_ok(lib, &a, SAVE_MD, 5);
    ck_assert(strstr(path, "/untitled.md") != NULL);
    ck_assert_int_eq(save_list(lib, NULL, &e, &n, err, sizeof err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(e[0].title, "untitled");   /* from the file name */
    ck_assert_ptr_null(e[0].url);
    save_entries_free(e, n);
    free(path);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_hand_edited_file_lists_valid_utf8)
{
    char *lib = tu_mkdtemp("utf8");
    char file[4200];
    snprintf(file, sizeof file, "%s/edited.txt", lib);
    ck_assert_int_eq(tu_write_file(file, "Bad \xff title\nSaved: 2026-01-01T00:00:00Z\n\nbody\n"),
                     0);
    save_entry *e;
    size_t n;
    char err[256];
    ck_assert_int_eq(save_list(lib, NULL, &e, &n, err, sizeof err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(e[0].title, "Bad \xef\xbf\xbd title");
    cJSON *json = save_entries_to_json(e, n);
    char *text = cJSON_PrintUnformatted(json);
    ck_assert(u8_check((const uint8_t *)text, strlen(text)) == NULL);
    free(text);
    cJSON_Delete(json);
    save_entries_free(e, n);
    tu_rmtree(lib);
}
END_TEST

START_TEST(test_since_dates)
{
    static const char *const good[] = {"2026-01-31", "2026-01-31T10:20", "2026-01-31T10:20Z",
                                       "2026-01-31T10:20:30", "2026-01-31T10:20:30Z"};
    static const char *const bad[] = {"", "2026", "2026-1-31", "yesterday", "2026-01-31 10:20",
                                      "2026-01-31T10", "2026-01-31T10:20:30+02:00",
                                      "2026-01-31Z"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        ck_assert_msg(save_since_valid(good[i]), "%s", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(!save_since_valid(bad[i]), "%s", bad[i]);
}
END_TEST

START_TEST(test_base64_and_sniffing)
{
    size_t len = 0;
    unsigned char *b = save_base64_decode("aGVs bG8=\n", 10, &len);
    ck_assert(b && len == 5 && memcmp(b, "hello", 5) == 0);
    free(b);
    b = save_base64_decode("aGVsbA", 6, &len);   /* padding optional */
    ck_assert(b && len == 4 && memcmp(b, "hell", 4) == 0);
    free(b);
    static const char *const invalid[] = {"a", "ab=c", "a$bc", "abc==="};
    for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++) {
        ck_assert_msg(!save_base64_valid(invalid[i]), "%s", invalid[i]);
        ck_assert_ptr_null(save_base64_decode(invalid[i], strlen(invalid[i]), &len));
    }
    ck_assert(save_base64_valid("") && save_base64_valid("aGVsbG8="));
    const char *ext;
    ck_assert_str_eq(save_image_sniff((const unsigned char *)"\x89PNG\r\n\x1a\n....", 12, &ext),
                     "image/png");
    ck_assert_str_eq(ext, "png");
    ck_assert_str_eq(save_image_sniff((const unsigned char *)"\xff\xd8\xff\xe0", 4, &ext),
                     "image/jpeg");
    ck_assert_str_eq(save_image_sniff((const unsigned char *)"RIFF\0\0\0\0WEBPVP8 ", 16, &ext),
                     "image/webp");
    ck_assert_str_eq(save_image_sniff((const unsigned char *)"<?xml?><svg/>", 13, &ext),
                     "image/svg+xml");
    ck_assert_ptr_null(save_image_sniff((const unsigned char *)"<script>x</script>", 18, &ext));
    ck_assert_ptr_null(save_image_sniff((const unsigned char *)"GIF8", 4, &ext));
}
END_TEST

/* ------------------------------------------------------------ commands */

/* Run a shell command; returns its exit status and stdout. */
static int run(const char *cmd, char *out, size_t outlen)
{
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t got = fread(out, 1, outlen - 1, p);
    out[got] = '\0';
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

START_TEST(test_commands)
{
    const char *bin = tu_env("RM_BINARY", "build/readmode");
    char *dir = tu_mkdtemp("cli");
    char page[4200], cmd[8192], out[8192];
    snprintf(page, sizeof page, "%s/page.html", dir);
    ck_assert_int_eq(tu_write_file(page, "<html><head><title>CLI page</title></head><body>"
                                         "<article><h1>CLI page</h1><p>Words of an article that "
                                         "is saved from the command line, with enough text to "
                                         "count as prose for a reader.</p></article></body></html>"),
                     0);
    /* --library beats XDG_DATA_HOME; stdin works as "-". */
    snprintf(cmd, sizeof cmd,
             "XDG_DATA_HOME=%s/data XDG_CONFIG_HOME=%s/cfg %s save --force --format txt "
             "--url https://example.org/cli --library %s/lib - < %s",
             dir, dir, bin, dir, page);
    ck_assert_int_eq(run(cmd, out, sizeof out), 0);
    ck_assert_msg(strncmp(out, dir, strlen(dir)) == 0 && strstr(out, "/lib/") &&
                      strstr(out, ".txt\n"), "printed %s", out);
    snprintf(cmd, sizeof cmd, "XDG_CONFIG_HOME=%s/cfg %s list --json --library %s/lib", dir,
             bin, dir);
    ck_assert_int_eq(run(cmd, out, sizeof out), 0);
    cJSON *list = cJSON_Parse(out);
    ck_assert_int_eq(cJSON_GetArraySize(list), 1);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "url")->valuestring,
                     "https://example.org/cli");
    cJSON_Delete(list);
    /* Without --library: XDG_DATA_HOME/readmode, which is still empty. */
    snprintf(cmd, sizeof cmd, "XDG_DATA_HOME=%s/data XDG_CONFIG_HOME=%s/cfg %s list", dir, dir,
             bin);
    ck_assert_int_eq(run(cmd, out, sizeof out), 0);
    ck_assert_str_eq(out, "");

    static const struct { const char *args; int status; } failures[] = {
        {"save", 2},                          /* no FILE */
        {"save --format pdf x.html", 2},
        {"save --bogus x.html", 2},
        {"save /nonexistent/page.html", 3},
        {"list extra", 2},
    };
    for (size_t i = 0; i < sizeof failures / sizeof *failures; i++) {
        snprintf(cmd, sizeof cmd, "%s %s 2>/dev/null", bin, failures[i].args);
        ck_assert_msg(run(cmd, out, sizeof out) == failures[i].status, "%s", failures[i].args);
        ck_assert_str_eq(out, "");
    }
    /* A page without an article is not saved unless forced (1). */
    char nav[4200];
    snprintf(nav, sizeof nav, "%s/nav.html", dir);
    ck_assert_int_eq(tu_write_file(nav, "<html><body><nav><a href=/>Home</a></nav></body></html>"), 0);
    snprintf(cmd, sizeof cmd, "%s save --library %s/nav-lib %s 2>/dev/null", bin, dir, nav);
    ck_assert_int_eq(run(cmd, out, sizeof out), 1);
    ck_assert_str_eq(out, "");
    snprintf(cmd, sizeof cmd, "%s/nav-lib", dir);
    ck_assert_int_ne(access(cmd, F_OK), 0);   /* not even the folder */
    /* An unwritable library is an I/O error (4). */
    snprintf(cmd, sizeof cmd, "%s save --force --library %s/page.html/lib %s 2>/dev/null", bin,
             dir, page);
    ck_assert_int_eq(run(cmd, out, sizeof out), 4);
    tu_rmtree(dir);
}
END_TEST

static Suite *save_suite(void)
{
    Suite *s = suite_create("save");
    TCase *names = tcase_create("names");
    tcase_add_test(names, test_stem_traversal_and_separators);
    tcase_add_test(names, test_stem_reserved_names);
    tcase_add_test(names, test_stem_whitespace_and_controls);
    tcase_add_test(names, test_stem_unicode_kept);
    tcase_add_test(names, test_stem_length_cut_on_character);
    suite_add_tcase(s, names);
    TCase *files = tcase_create("files");
    tcase_add_test(files, test_clash_never_overwrites);
    tcase_add_test(files, test_creates_library_private);
    tcase_add_test(files, test_failed_write_leaves_nothing);
    tcase_add_test(files, test_library_under_a_file);
    suite_add_tcase(s, files);
    TCase *formats = tcase_create("formats");
    tcase_add_test(formats, test_formats_round_trip);
    tcase_add_test(formats, test_html_is_escaped_and_self_contained);
    tcase_add_test(formats, test_md_front_matter);
    tcase_add_test(formats, test_txt_layout);
    tcase_add_test(formats, test_list_missing_and_untitled);
    tcase_add_test(formats, test_hand_edited_file_lists_valid_utf8);
    tcase_add_test(formats, test_since_dates);
    tcase_add_test(formats, test_base64_and_sniffing);
    suite_add_tcase(s, formats);
    TCase *cli = tcase_create("commands");
    tcase_add_test(cli, test_commands);
    suite_add_tcase(s, cli);
    return s;
}

RM_TEST_MAIN(save_suite)
