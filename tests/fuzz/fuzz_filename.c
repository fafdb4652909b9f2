/*
 * fuzz_filename.c — the saved-file name sanitiser on any bytes (titles are
 * valid UTF-8 when they come from the library or the host, but the
 * sanitiser promises to cope with anything): the stem must always be a
 * safe, portable file name.
 */
#include "fuzz.h"
#include "save.h"

#include <string.h>
#include <strings.h>
#include <unistr.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Windows device names, which no stem may be (the sanitiser suffixes them). */
static int is_device_name(const char *stem)
{
    static const char *const names[] = {"con", "prn", "aux", "nul", "com1", "com2", "com3",
                                        "com4", "com5", "com6", "com7", "com8", "com9",
                                        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
                                        "lpt7", "lpt8", "lpt9"};
    size_t n = strcspn(stem, ".");
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && strncasecmp(stem, names[i], n) == 0)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *title = malloc(size + 1);
    if (!title)
        return 0;
    memcpy(title, data, size);
    title[size] = '\0';
    char *stem = save_file_stem(size ? title : NULL);
    FUZZ_REQUIRE(stem != NULL);
    size_t n = strlen(stem);
    FUZZ_REQUIRE(n > 0 && n <= SAVE_STEM_MAX + 1);   /* + the device-name "_" */
    FUZZ_REQUIRE(u8_check((const uint8_t *)stem, n) == NULL);
    FUZZ_REQUIRE(stem[0] != '.' && stem[0] != '-' && stem[0] != ' ');
    FUZZ_REQUIRE(stem[n - 1] != '.' && stem[n - 1] != ' ');
    FUZZ_REQUIRE(strpbrk(stem, "/\\:*?\"<>|") == NULL);
    for (size_t i = 0; i < n; i++)
        FUZZ_REQUIRE((unsigned char)stem[i] >= 0x20 && stem[i] != 0x7f);
    FUZZ_REQUIRE(!is_device_name(stem));
    free(stem);
    free(title);
    return 0;
}
