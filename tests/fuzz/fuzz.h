/*
 * fuzz.h — what every libFuzzer target of readmode shares: the entry point's
 * prototype (the build warns about functions without one) and an invariant
 * check that aborts, so a broken promise is reported like a crash.
 */
#ifndef RM_FUZZ_H
#define RM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_REQUIRE(cond)                                                             \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                   \
        }                                                                              \
    } while (0)

#endif
