/*
 * save.h — keep cleaned articles offline in a library folder, and list them.
 *
 * Each article is one self-describing file (Markdown with YAML front
 * matter, plain text with a header block, or a standalone HTML page) named
 * after its title. Files are written atomically and never overwrite an
 * existing file. The front ends are `readmode save`, `readmode list` and the
 * native-messaging `save` / `list` requests.
 */
#ifndef RM_SAVE_H
#define RM_SAVE_H

#include "readmode.h"
#include <cJSON.h>
#include <stddef.h>
#include <time.h>

typedef enum { SAVE_MD, SAVE_TXT, SAVE_HTML, SAVE_FORMAT_COUNT } save_format;

/* Longest file-name stem in bytes (before " (2)" and the extension). */
#define SAVE_STEM_MAX 120

/* "md" / "txt" / "html" <-> save_format. Returns 0, or -1 when unknown. */
int save_format_from_name(const char *name, save_format *out);
const char *save_format_name(save_format format);

/* A safe, portable file-name stem for `title` (NULL allowed): NFC, no
 * path separators, no characters Windows forbids, no control or format
 * characters, no leading dots or dashes, white space collapsed, at most
 * SAVE_STEM_MAX bytes cut on a character boundary, Windows device names
 * suffixed with "_", "untitled" when nothing is left. malloc'd; NULL only
 * when out of memory. */
char *save_file_stem(const char *title);

/* mkdir -p `dir` with mode 0700 for what is created; 0 or -1 + err. */
int save_prepare_library(const char *dir, char *err, size_t errlen);

/* Write `article` into `library` (created if missing) as `format`, with
 * `saved_at` as the save time. `source_url` is recorded when the article
 * has no canonical URL (may be NULL). On success returns 0 and the absolute
 * path of the new file in *path_out (malloc'd). On failure returns -1 with
 * the reason in err; no file, temporary or final, is left behind. */
int save_article(const char *library, const rm_article *article,
                 const char *source_url, save_format format, time_t saved_at,
                 char **path_out, char *err, size_t errlen);

/* One saved article, as read back from its file's header. */
typedef struct {
    char *title;      /* from the header, else the file name */
    char *url;        /* NULL when not recorded */
    char *saved_at;   /* ISO 8601 UTC, e.g. 2026-11-26T10:49:48Z */
    char *path;       /* absolute */
    save_format format;
} save_entry;

/* The articles readmode saved in `library`, newest first. Files without a
 * readmode header are not listed. A missing folder is an empty library. */
int save_list(const char *library, save_entry **entries_out, size_t *count_out,
              char *err, size_t errlen);
void save_entries_free(save_entry *entries, size_t count);

/* [{title, url, saved_at, path, format}, ...]; NULL when out of memory. */
cJSON *save_entries_to_json(const save_entry *entries, size_t count);

/* `readmode save ...` and `readmode list ...` (argv[0] is "save"/"list").
 * Exit status: 0 ok, 1 no article found (save without --force),
 * 2 usage, 3 unreadable or unusable input, 4 I/O error while saving. */
int save_main(int argc, char **argv);
int save_list_main(int argc, char **argv);

#endif
