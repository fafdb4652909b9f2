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
#include "save_images.h"
#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef enum { SAVE_MD, SAVE_TXT, SAVE_HTML, SAVE_EPUB, SAVE_FORMAT_COUNT } save_format;

/* Longest file-name stem in bytes (before " (2)" and the extension). */
#define SAVE_STEM_MAX 120

/* save_article's result when the article's URL is saved already. */
#define SAVE_EXISTS 1

/* "md" / "txt" / "html" / "epub" <-> save_format. Returns 0, or -1 when
 * unknown. */
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

typedef struct {
    save_format format;
    const char *source_url;   /* recorded when the article has no canonical URL */
    time_t saved_at;
    bool force;               /* replace the saved copy of the same URL */
    /* article->html (or text) came from another program, not from this
     * process's rm_extract: it is re-rendered through the allow-list. */
    bool untrusted;
    /* Images came with the request (even none): the file then loads
     * nothing remote, and images not among them are kept as links. */
    bool with_images;
    const save_image_in *images;
    size_t image_count;
} save_options;

typedef struct {
    char *path;               /* the new file; with SAVE_EXISTS the saved one */
    unsigned images_saved;    /* images stored inside the file or beside it */
    unsigned images_missing;  /* images kept as a link only */
} save_result;

/* Write `article` into `library` (created if missing) as opt->format. The
 * article is identified by its canonical URL, else opt->source_url: when
 * the library holds it already, returns SAVE_EXISTS with its path in
 * res->path unless opt->force, which replaces that file (in place when the
 * format is the same). On success returns 0 and the absolute path of the
 * new file in res->path. On failure returns -1 with the reason in err; no
 * file, temporary or final, is left behind. Free res with
 * save_result_free. */
int save_article(const char *library, const rm_article *article, const save_options *opt,
                 save_result *res, char *err, size_t errlen);
void save_result_free(save_result *res);

/* One saved article, as read back from its file's header. */
typedef struct {
    char *title;      /* from the header, else the file name */
    char *url;        /* NULL when not recorded */
    char *site;       /* NULL when not recorded */
    char *saved_at;   /* ISO 8601 UTC, e.g. 2026-11-26T10:49:48Z */
    char *path;       /* absolute */
    save_format format;
} save_entry;

/* Which saved articles to list: every word (case-insensitive) in the
 * title or site, and saved on or after `since` (an ISO 8601 date or time,
 * compared as UTC); NULL fields select all. */
typedef struct {
    const char *grep;
    const char *since;
} save_filter;

/* Is `since` a date save_filter takes (YYYY-MM-DD, optionally with a
 * time)? */
bool save_since_valid(const char *since);

/* The articles readmode saved in `library`, newest first, that `filter`
 * (NULL: all) selects. Files without a readmode header are not listed; a
 * missing folder is an empty library. Leftovers of saves that were killed
 * are removed first. */
int save_list(const char *library, const save_filter *filter, save_entry **entries_out,
              size_t *count_out, char *err, size_t errlen);
void save_entries_free(save_entry *entries, size_t count);

/* [{title, url, site, saved_at, path, format}, ...]; NULL when out of
 * memory. */
cJSON *save_entries_to_json(const save_entry *entries, size_t count);

/* How save_find reads its key. */
typedef enum { SAVE_KEY_GUESS, SAVE_KEY_URL, SAVE_KEY_PATH } save_key;

/* The saved article named by `key`: a URL, or a path inside `library`
 * (SAVE_KEY_GUESS: a URL when it starts with "scheme://"). Returns 0 with
 * *entry filled, 1 when there is none, -1 with err when the key is a path
 * outside the library (or on I/O errors). */
int save_find(const char *library, const char *key, save_key kind, save_entry *entry,
              char *err, size_t errlen);
void save_entry_clear(save_entry *e);

/* The saved article of `entry` back as an rm_article: metadata from its
 * header and the body as reader HTML (html, epub) or text (md, txt), with
 * images kept inside as data: URIs. -1 with err on failure. */
int save_read_article(const save_entry *entry, rm_article **out, char *err, size_t errlen);

/* Delete the saved article of `entry` with its NAME.assets folder. */
int save_delete(const char *library, const save_entry *entry, char *err, size_t errlen);

/* `readmode save|list|show|delete ...` (argv[0] is the command). Exit
 * status: 0 ok, 1 no article found (save without --force) or nothing saved
 * under that name (show, delete), 2 usage, 3 unreadable or unusable input,
 * 4 I/O error while saving, 5 already saved (save without --force). */
int save_main(int argc, char **argv);
int save_list_main(int argc, char **argv);
int save_show_main(int argc, char **argv);
int save_delete_main(int argc, char **argv);

#endif
