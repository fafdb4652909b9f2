/*
 * fuzz_url.c — the URL resolver and the reader-HTML URL filter. The input
 * is "BASE\nREF"; the result must be a string, and a URL judged safe must
 * not carry a script scheme however it is spelled.
 */
#include "fuzz.h"
#include "url.h"

#include <ctype.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Does `url` start with `scheme:` once browsers' cleaning (leading C0
 * controls and spaces dropped, tabs and newlines removed, case folded)
 * is applied? */
static int has_scheme(const char *url, const char *scheme)
{
    while (*url && (unsigned char)*url <= ' ')
        url++;
    for (; *scheme; url++) {
        if (*url == '\t' || *url == '\n' || *url == '\r')
            continue;
        if (!*url || tolower((unsigned char)*url) != *scheme)
            return 0;
        scheme++;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *nl = memchr(text, '\n', size);
    const char *base = NULL, *ref = text;
    if (nl) {
        *nl = '\0';
        base = text;
        ref = nl + 1;
    }
    char *resolved = url_resolve(base, ref);
    FUZZ_REQUIRE(resolved != NULL);
    for (int image = 0; image <= 1; image++) {
        if (url_is_safe(resolved, image)) {
            FUZZ_REQUIRE(!has_scheme(resolved, "javascript:"));
            FUZZ_REQUIRE(!has_scheme(resolved, "vbscript:"));
        }
        if (url_is_safe(ref, image)) {
            FUZZ_REQUIRE(!has_scheme(ref, "javascript:"));
            FUZZ_REQUIRE(!has_scheme(ref, "vbscript:"));
        }
    }
    free(resolved);
    free(text);
    return 0;
}
