/*
 * tmpdir.h — scratch directories for tests that write files (the save
 * library, config files). Each test makes its own and removes it.
 */
#ifndef RM_TMPDIR_H
#define RM_TMPDIR_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A new empty directory under $TMPDIR or /tmp; malloc'd path. */
static inline char *tu_mkdtemp(const char *tag)
{
    const char *base = getenv("TMPDIR");
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/readmode-%s-XXXXXX", base && *base ? base : "/tmp", tag);
    if (!mkdtemp(path)) {
        free(path);
        return NULL;
    }
    return path;
}

/* rm -rf `path` (scratch trees are shallow, so recursion is fine). */
static inline void tu_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    DIR *d = S_ISDIR(st.st_mode) ? opendir(path) : NULL;
    for (struct dirent *de; d && (de = readdir(d)) != NULL;) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char child[4096];
        if (snprintf(child, sizeof child, "%s/%s", path, de->d_name) < (int)sizeof child)
            tu_remove_tree(child);
    }
    if (d)
        closedir(d);
    remove(path);
}

/* Remove the scratch tree, then free its path. */
static inline void tu_rmtree(char *path)
{
    if (path)
        tu_remove_tree(path);
    free(path);
}

/* Write `text` to `path`; 0 on success. */
static inline int tu_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int rc = fputs(text, f) < 0;
    return fclose(f) != 0 || rc ? -1 : 0;
}

/* Entries of a folder, hidden ones included ("." and ".." not); -1 when
 * it cannot be opened. */
static inline int tu_count_entries(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* Root can write anywhere, so an unwritable folder is made the other
 * way: create the regular file DIR/plain and put "DIR/plain/lib" in out.
 * Nothing can be created below it. 0 on success. */
static inline int tu_path_under_file(const char *dir, char *out, size_t outlen)
{
    char file[4096];
    if (snprintf(file, sizeof file, "%s/plain", dir) >= (int)sizeof file ||
        tu_write_file(file, "a regular file, not a folder") != 0)
        return -1;
    return snprintf(out, outlen, "%s/lib", file) < (int)outlen ? 0 : -1;
}

#endif
