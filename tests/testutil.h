/*
 * testutil.h — shared helpers for readmode's Check test programs.
 *
 * Every test program is one file with its own suite; RM_TEST_MAIN supplies
 * main(). Paths come from the environment the Makefile sets: RM_BINARY (the
 * built readmode), RM_SHARED (../shared with the corpus and fixtures) and
 * RM_ROOT (the checkout).
 */
#ifndef RM_TESTUTIL_H
#define RM_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read a whole file; returns malloc'd NUL-terminated bytes or NULL. */
static inline char *tu_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[len] = '\0';
    if (len_out)
        *len_out = len;
    return buf;
}

/* Decompress a .gz file through `gzip -dc`; returns malloc'd
 * NUL-terminated bytes (their count in *len) or NULL. */
static inline char *tu_gunzip(const char *path, size_t *len)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
    FILE *f = popen(cmd, "r");
    if (!f)
        return NULL;
    size_t cap = 1 << 18, n = 0, got;
    char *buf = malloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    if (pclose(f) != 0) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Directory from an environment variable, with a fallback. */
static inline const char *tu_env(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

#define RM_TEST_MAIN(suite_fn)                                         \
    int main(void)                                                     \
    {                                                                  \
        SRunner *sr = srunner_create(suite_fn());                      \
        srunner_run_all(sr, CK_NORMAL);                                \
        int failed = srunner_ntests_failed(sr);                        \
        srunner_free(sr);                                              \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                   \
    }

#endif
