/*
 * fuzz_native.c — the native-messaging host's loop on an arbitrary byte
 * stream: length headers, bodies, JSON requests of every type. The input is
 * put in a memory file and served by native_serve exactly as a browser's
 * pipe would be; replies go to /dev/null. Saves land in a scratch library
 * in /dev/shm (or TMPDIR), emptied after each input.
 */
#define _GNU_SOURCE   /* memfd_create */
#include "fuzz.h"
#include "native.h"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static char library[4096];
static int devnull = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(library, sizeof library, "%s/readmode-fuzz-XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(library) || (devnull = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0) {
        perror("fuzz_native: setup");
        exit(1);
    }
    return 0;
}

/* Remove what a save left (the library has no subfolders). */
static void empty_library(void)
{
    DIR *d = opendir(library);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int in = memfd_create("fuzz-native-input", MFD_CLOEXEC);
    FUZZ_REQUIRE(in >= 0);
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(in, data + done, size - done);
        FUZZ_REQUIRE(w > 0);
        done += (size_t)w;
    }
    FUZZ_REQUIRE(lseek(in, 0, SEEK_SET) == 0);
    /* A small frame limit keeps a declared 4 GiB length from being read
     * for real: over the limit, the host skips what is there and stops. */
    int rc = native_serve(in, devnull, 1 << 20, library);
    FUZZ_REQUIRE(rc == 0 || rc == 1);
    close(in);
    empty_library();
    return 0;
}
