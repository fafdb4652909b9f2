/*
 * fuzz_bypass.c — the text bypass (bypass.h) on arbitrary bytes: the page
 * is indexed with and without it (index_diff.h), and any difference in
 * what the passes read (a node, text, attribute or length of raw text)
 * aborts with the first one.
 */
#include "fuzz.h"

#include "../index_diff.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char why[400];
    const char *diff = bypass_difference((const char *)data, size, NULL, why, sizeof why);
    if (diff && strcmp(diff, "out of memory") != 0) {
        fprintf(stderr, "fuzz_bypass: the indexes differ: %s\n", diff);
        abort();
    }
    return 0;
}
