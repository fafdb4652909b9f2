/*
 * fuzz_encoding.c — the encoding detector and converter on arbitrary
 * bytes. The first byte picks a forced encoding (or none: detect); the
 * output must be NUL-terminated, valid UTF-8 of the length reported.
 */
#include "encoding.h"
#include "fuzz.h"

#include <string.h>
#include <unistr.h>

static const char *const forced[] = {NULL, NULL, NULL, NULL, "utf-8", "windows-1252",
                                     "shift_jis", "euc-jp", "utf-16le", "utf-16be",
                                     "iso-2022-jp", "gb18030", "big5", "koi8-r",
                                     "x-user-defined", "no-such-charset"};

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
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;
    (void)encoding_looks_binary(bytes, len);
    char *out = NULL;
    size_t out_len = 0;
    const char *detected = NULL;
    int rc = encoding_to_utf8(bytes, len, forced[data[0] & 15], &out, &out_len, &detected);
    FUZZ_REQUIRE(rc == 0 || rc == -1 || rc == -2);
    if (rc == 0) {
        FUZZ_REQUIRE(out != NULL && detected != NULL);
        FUZZ_REQUIRE(out[out_len] == '\0');
        FUZZ_REQUIRE(u8_check((const uint8_t *)out, out_len) == NULL);
    }
    free(out);
    return 0;
}
