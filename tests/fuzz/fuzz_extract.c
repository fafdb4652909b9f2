/*
 * fuzz_extract.c — rm_extract on arbitrary bytes. The first byte picks the
 * options (renderings, probe mode, a forced charset), so the fuzzer reaches
 * every output path; the rest is the page. Checks the library's promise:
 * every string of the article is NUL-terminated valid UTF-8.
 */
#include "fuzz.h"
#include "readmode.h"

#include <string.h>
#include <unistr.h>

static const char *const charsets[] = {NULL, "utf-8", "windows-1252", "shift_jis",
                                       "utf-16le", "iso-2022-jp", "gb18030", "koi8-r"};

static void require_utf8(const char *s)
{
    if (s)
        FUZZ_REQUIRE(u8_check((const uint8_t *)s, strlen(s)) == NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    rm_options opt = rm_default_options;
    opt.formats = (data[0] & 7) | RM_FORMAT_TEXT;
    opt.probe_only = (data[0] & 8) != 0;
    opt.charset = charsets[(data[0] >> 4) & 7];
    opt.url = data[0] & 0x80 ? "https://example.org/dir/page.html?q=1#top" : NULL;
    rm_article *a = NULL;
    rm_status st = rm_extract(data + 1, size - 1, &opt, &a);
    FUZZ_REQUIRE((st == RM_OK || st == RM_NO_ARTICLE) == (a != NULL));
    if (a) {
        const char *fields[] = {a->title, a->byline, a->site_name, a->published, a->lang,
                                a->dir, a->excerpt, a->url, a->text, a->html, a->markdown};
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
            require_utf8(fields[i]);
        if (a->text) {
            char *wrapped = rm_text_wrap(a->text, 1 + data[size - 1] % 100);
            FUZZ_REQUIRE(wrapped != NULL);
            free(wrapped);
        }
    }
    rm_article_free(a);
    return 0;
}
