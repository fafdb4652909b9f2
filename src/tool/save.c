/*
 * save.c — the library folder: save an rm_article into it (one file per
 * URL), list it, find, read back and delete one saved article.
 *
 * Why files and no index: every saved file carries its own metadata (YAML
 * front matter, a text header block, or <meta name="readmode:..."> tags in
 * the page or in the EPUB's chapter), so the folder itself is the database.
 * Users may delete, rename or sync files with other tools and `list` stays
 * truthful; there is no index to go stale or to corrupt half-way through a
 * write. `list` reads each file's header whole, however long its fields.
 *
 * Safety: what is written comes from the reader-HTML allow-list: an article
 * from another program (the extension's "article") is rendered again with
 * rm_sanitize, and metadata is escaped for each format. The file name is
 * derived by us from the title (never taken from the request), contains no
 * separator, and is created relative to an open descriptor of the library
 * folder. Content is written into a hidden temporary file, fsync'd, then
 * hard-linked to its final name (or renamed over the copy it replaces), so
 * a crash never leaves a half-written article. Saves hold an exclusive
 * flock on the folder; whoever finds the folder unlocked knows that any
 * ".readmode-*" temporary in it belongs to a save that was killed, and
 * removes it.
 *
 * What each format's file looks like is in save_format.c, images in
 * save_images.c, EPUB in save_epub.c, the commands in save_cmd.c.
 */
/* realpath(3) is an X/Open call. */
#define _XOPEN_SOURCE 700
#include "save.h"
#include "save_epub.h"
#include "save_format.h"
#include "save_markdown.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistd.h>
#include <unistr.h>

/* How many " (n)" suffixes are tried before giving up on a title. */
#define SAVE_MAX_CLASH 10000
/* Files bigger than this are not read by `list` (the library never holds
 * them: inputs stop at 64 MiB, images at 25 MiB). */
#define SAVE_HEADER_MAX (128u << 20)
/* Prefix of every temporary file and folder in the library. */
#define TEMP_PREFIX ".readmode-"

/* ------------------------------------------------------------ file I/O */

static int fail(char *err, size_t errlen, const char *what, const char *path)
{
    snprintf(err, errlen, "%s %s: %s", what, path, strerror(errno));
    return -1;
}

static int out_of_memory(char *err, size_t errlen)
{
    snprintf(err, errlen, "out of memory");
    return -1;
}

int save_prepare_library(const char *dir, char *err, size_t errlen)
{
    char *path = strdup(dir);
    if (!path)
        return out_of_memory(err, errlen);
    int rc = 0;
    for (char *p = path + 1;; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) {
            rc = fail(err, errlen, "cannot create library folder", path);
            break;
        }
        if (last)
            break;
        *p = '/';
    }
    struct stat st;
    if (rc == 0 && stat(dir, &st) != 0) {
        rc = fail(err, errlen, "cannot use library folder", dir);
    } else if (rc == 0 && !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        rc = fail(err, errlen, "cannot use library folder", dir);
    }
    free(path);
    return rc;
}

static char *join_path(const char *dir, const char *name)
{
    size_t ld = strlen(dir), ln = strlen(name);
    char *p = malloc(ld + ln + 2);
    if (p) {
        memcpy(p, dir, ld);
        p[ld] = '/';
        memcpy(p + ld + 1, name, ln + 1);
    }
    return p;
}

/* Remove `name` in `dirfd`: a file, or a folder of files (NAME.assets). */
static void remove_entry(int dirfd, const char *name)
{
    if (unlinkat(dirfd, name, 0) == 0 || (errno != EISDIR && errno != EPERM))
        return;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    for (struct dirent *de; (de = readdir(d)) != NULL;)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, ".."))
            unlinkat(fd, de->d_name, 0);
    closedir(d);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

/* Remove what killed saves left behind. Only call with the folder's lock
 * held: then no save is running, so every temporary is a leftover. */
static void remove_leftovers(int dirfd)
{
    int fd = dup(dirfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    rewinddir(d);   /* the duplicate shares its offset with earlier reads */
    char **names = NULL;
    size_t count = 0;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        if (strncmp(de->d_name, TEMP_PREFIX, strlen(TEMP_PREFIX)) != 0)
            continue;
        char **grown = realloc(names, (count + 1) * sizeof *names);
        if (!grown || !(grown[count] = strdup(de->d_name))) {
            names = grown ? grown : names;
            break;
        }
        names = grown;
        count++;
    }
    closedir(d);
    for (size_t i = 0; i < count; i++) {
        remove_entry(dirfd, names[i]);
        free(names[i]);
    }
    free(names);
}

/* The library folder, open and locked (exclusive; `wait` false: only if
 * free), or -1. */
static int lock_library(const char *dir, bool wait)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
        if (errno == EINTR)
            continue;
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* Write `data` into a new hidden temporary file of `dirfd`, fsync'd. Its
 * name goes into tmp (TEMP_PREFIX + 6 characters). 0 or -1 + err. */
static int write_temp(int dirfd, const char *dir, const char *data, size_t len, char tmp[32],
                      char *err, size_t errlen)
{
    char *path = join_path(dir, TEMP_PREFIX "XXXXXX");
    if (!path)
        return out_of_memory(err, errlen);
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return fail(err, errlen, "cannot create a file in", dir);
    }
    snprintf(tmp, 32, "%s", strrchr(path, '/') + 1);
    free(path);
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            break;
        done += (size_t)w;
    }
    bool written = done == len && fsync(fd) == 0;
    if (!written)
        fail(err, errlen, "cannot write", tmp);
    if (close(fd) != 0 && written) {
        fail(err, errlen, "cannot write", tmp);
        written = false;
    }
    if (!written) {
        unlinkat(dirfd, tmp, 0);
        return -1;
    }
    return 0;
}

static bool name_taken(int dirfd, const char *name)
{
    struct stat st;
    return fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT;
}

/* A free name for the article: "stem.ext", else "stem (2).ext" and so on;
 * for Markdown "stem.assets" must be free too. */
static int choose_name(int dirfd, const char *stem, const char *ext, char *name, size_t size,
                       char *err, size_t errlen)
{
    for (int n = 1; n <= SAVE_MAX_CLASH; n++) {
        char base[SAVE_STEM_MAX + 32], assets[SAVE_STEM_MAX + 64];
        if (n == 1)
            snprintf(base, sizeof base, "%s", stem);
        else
            snprintf(base, sizeof base, "%s (%d)", stem, n);
        snprintf(name, size, "%s.%s", base, ext);
        snprintf(assets, sizeof assets, "%s.assets", base);
        if (strchr(name, '/') || name[0] == '.') {
            snprintf(err, errlen, "refusing unsafe file name %s", name);
            return -1;
        }
        if (!name_taken(dirfd, name) && (strcmp(ext, "md") != 0 || !name_taken(dirfd, assets)))
            return 0;
    }
    snprintf(err, errlen, "too many files named %s.%s", stem, ext);
    return -1;
}

/* "NAME.ext" → "NAME.assets" into out. */
static void assets_name(const char *name, char *out, size_t size)
{
    const char *dot = strrchr(name, '.');
    int base = dot ? (int)(dot - name) : (int)strlen(name);
    snprintf(out, size, "%.*s.assets", base, name);
}

static void format_time(time_t t, char out[32])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ------------------------------------------------------------- images */

/* What the renderer asks while the body is rendered again. */
typedef struct {
    save_images *set;
    save_format format;
    bool with_images;
    const char *assets;       /* Markdown: the NAME.assets folder, URL-encoded */
    unsigned next;            /* numbering of stored images */
    unsigned missing;
    bool failed;
} image_ctx;

/* `s` percent-encoded except unreserved characters (RFC 3986), so a file
 * name with spaces or brackets is a valid link in Markdown and HTML. */
static char *url_encode(const char *s)
{
    char *out = malloc(strlen(s) * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || strchr("-._~", c))
            *o++ = (char)c;
        else
            o += sprintf(o, "%%%02X", c);
    }
    *o = '\0';
    return out;
}

/* Where the stored image `img` is linked from the body. */
static const char *local_name(image_ctx *c, save_image *img)
{
    if (img->local)
        return img->local;
    char name[64];
    snprintf(name, sizeof name, "img-%u.%s", ++c->next, img->ext);
    size_t size = (c->assets ? strlen(c->assets) : 0) + sizeof EPUB_IMAGE_DIR + sizeof name;
    img->local = malloc(size);
    if (img->local)
        snprintf(img->local, size, "%s%s%s", c->format == SAVE_EPUB ? EPUB_IMAGE_DIR : c->assets,
                 c->format == SAVE_EPUB ? "" : "/", name);
    return img->local;
}

static const char *resolve_image(void *ctx, const char *url)
{
    image_ctx *c = ctx;
    save_image *img = save_images_find(c->set, url);
    if (img && c->format == SAVE_EPUB && !save_epub_core_image(img->mime))
        img = NULL;   /* a type not every e-reader shows */
    if (img && c->format == SAVE_MD && strcmp(img->mime, "image/svg+xml") == 0)
        img = NULL;   /* a file beside the article, opened alone, would run its scripts */
    if (!img) {
        bool remote_ok = !c->with_images && c->format != SAVE_EPUB;
        if (!remote_ok)
            c->missing++;
        return remote_ok ? url : NULL;
    }
    const char *src = c->format == SAVE_HTML ? save_image_data_uri(img) : local_name(c, img);
    if (!src)
        c->failed = true;
    img->used = src != NULL;
    return src;
}

/* Write the used images into the folder `name` of `dirfd`. */
static int write_assets(int dirfd, const char *name, const save_images *set, char *err,
                        size_t errlen)
{
    if (mkdirat(dirfd, name, 0700) != 0)
        return fail(err, errlen, "cannot create", name);
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, "cannot open", name);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < set->count; i++) {
        const save_image *img = &set->items[i];
        if (!img->used)
            continue;
        const char *file = strrchr(img->local, '/') + 1;
        int out = openat(fd, file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        bool ok = out >= 0 && write(out, img->bytes, img->len) == (ssize_t)img->len &&
                  fsync(out) == 0;
        if (out >= 0 && close(out) != 0)
            ok = false;
        if (!ok)
            rc = fail(err, errlen, "cannot write image into", name);
    }
    close(fd);
    return rc;
}

/* ------------------------------------------------------------- saving */

/* Everything one save works with. */
typedef struct {
    const char *library;
    int dirfd;
    const save_options *opt;
    char name[SAVE_STEM_MAX + 64];   /* the file's name in the library */
    char assets[SAVE_STEM_MAX + 64]; /* NAME.assets, Markdown with images */
    char *data;                      /* the file's bytes */
    size_t len;
    save_images images;
    rm_article *body;                /* the body rendered again, or NULL */
    unsigned missing;
} save_job;

/* The body as HTML for rm_sanitize: article->html, else the text as
 * escaped paragraphs. malloc'd. */
static char *body_source(const rm_article *a)
{
    if (a->html)
        return strdup(a->html);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    const char *text = a->text ? a->text : a->markdown ? a->markdown : "";
    save_put_text_paragraphs(f, text);
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Render the body again when the save needs it: the article came from
 * elsewhere, its images are to be stored, or it becomes a book. */
static int render_body(save_job *j, const rm_article *a, const char *url, char *err,
                       size_t errlen)
{
    const save_options *o = j->opt;
    if (!o->untrusted && !o->with_images && o->format != SAVE_EPUB)
        return 0;
    if (save_images_load(&j->images, o->images, o->image_count, err, errlen))
        return -1;
    char *encoded = NULL;
    if (o->format == SAVE_MD) {
        char base[sizeof j->assets];
        assets_name(j->name, base, sizeof base);
        if (!(encoded = url_encode(base)))
            return out_of_memory(err, errlen);
    }
    image_ctx ctx = {.set = &j->images, .format = o->format, .with_images = o->with_images,
                     .assets = encoded};
    rm_image_resolver resolver = {resolve_image, &ctx};
    rm_options ropt = rm_default_options;
    ropt.url = url;
    ropt.charset = "utf-8";
    ropt.max_input_bytes = 0;
    ropt.formats = RM_FORMAT_TEXT |
                   (o->format == SAVE_MD ? RM_FORMAT_MARKDOWN : RM_FORMAT_HTML);
    char *source = body_source(a);
    rm_status st = source ? rm_sanitize(source, strlen(source), &ropt, &resolver, &j->body)
                          : RM_NO_MEMORY;
    free(source);
    free(encoded);
    if (st != RM_OK || ctx.failed) {
        snprintf(err, errlen, "cannot render the article: %s", rm_status_message(st));
        return -1;
    }
    j->missing = ctx.missing;
    return 0;
}

static int render_file(save_job *j, const rm_article *a, const char *url, const char *stamp,
                       char *err, size_t errlen)
{
    const rm_article *b = j->body;
    if (j->opt->format == SAVE_EPUB) {
        save_epub_doc e = {a, url, stamp, b->html, &j->images};
        return save_epub_build(&e, &j->data, &j->len, err, errlen);
    }
    save_doc doc = {a, url, stamp, b ? b->html : a->html, b ? b->markdown : a->markdown,
                    b ? b->text : a->text, !j->opt->with_images};
    FILE *mem = open_memstream(&j->data, &j->len);
    if (!mem)
        return out_of_memory(err, errlen);
    save_render(mem, j->opt->format, &doc);
    bool bad = ferror(mem);
    if (fclose(mem) != 0 || bad)
        return out_of_memory(err, errlen);
    return 0;
}

static unsigned images_used(const save_images *set)
{
    unsigned n = 0;
    for (size_t i = 0; i < set->count; i++)
        n += set->items[i].used;
    return n;
}

/* Put the written temporary `tmp` (and its assets) in place under j->name:
 * a new name is linked (link() never replaces a file), a replaced one is
 * renamed over. */
static int publish(save_job *j, const char *tmp, bool replace, char *err, size_t errlen)
{
    char tmp_assets[64];
    snprintf(tmp_assets, sizeof tmp_assets, "%s.assets", tmp);
    bool assets = j->opt->format == SAVE_MD && images_used(&j->images) > 0;
    if (assets && write_assets(j->dirfd, tmp_assets, &j->images, err, errlen))
        return -1;
    char final_assets[sizeof j->assets], old_assets[80];
    assets_name(j->name, final_assets, sizeof final_assets);
    snprintf(old_assets, sizeof old_assets, "%s.old", tmp);
    /* A replaced article's old images go aside first, and away last. */
    if (replace && renameat(j->dirfd, final_assets, j->dirfd, old_assets) != 0 &&
        errno != ENOENT)
        return fail(err, errlen, "cannot replace", final_assets);
    if (assets && renameat(j->dirfd, tmp_assets, j->dirfd, final_assets) != 0)
        return fail(err, errlen, "cannot create", final_assets);
    int rc = replace ? renameat(j->dirfd, tmp, j->dirfd, j->name)
                     : linkat(j->dirfd, tmp, j->dirfd, j->name, 0);
    if (rc != 0)
        return fail(err, errlen, "cannot create", j->name);
    remove_entry(j->dirfd, old_assets);
    if (fsync(j->dirfd) != 0)
        return fail(err, errlen, "cannot sync library folder", j->library);
    return 0;
}

static int delete_locked(int dirfd, const char *library, const char *name, save_format format,
                         char *err, size_t errlen);
/* The saved entry with this URL, if any (0 found, 1 none, -1 error). */
static int find_by_url(const char *library, const char *url, save_entry *found, char *err,
                       size_t errlen);

static int save_locked(save_job *j, const rm_article *a, save_result *res, char *err,
                       size_t errlen)
{
    const save_options *o = j->opt;
    const char *url = a->url ? a->url : o->source_url;
    save_entry existing = {0};
    int found = url ? find_by_url(j->library, url, &existing, err, errlen) : 1;
    if (found < 0)
        return -1;
    if (found == 0 && !o->force) {
        res->path = existing.path;
        existing.path = NULL;
        save_entry_clear(&existing);
        return SAVE_EXISTS;
    }
    bool replace = found == 0 && existing.format == o->format;
    int rc = 0;
    if (replace) {
        snprintf(j->name, sizeof j->name, "%s", strrchr(existing.path, '/') + 1);
    } else {
        char *stem = save_file_stem(a->title);
        rc = stem ? choose_name(j->dirfd, stem, save_format_name(o->format), j->name,
                                sizeof j->name, err, errlen)
                  : out_of_memory(err, errlen);
        free(stem);
    }
    char stamp[32], tmp[32] = "";
    format_time(o->saved_at, stamp);
    if (rc == 0)
        rc = render_body(j, a, url, err, errlen);
    if (rc == 0)
        rc = render_file(j, a, url, stamp, err, errlen);
    if (rc == 0)
        rc = write_temp(j->dirfd, j->library, j->data, j->len, tmp, err, errlen);
    if (rc == 0)
        rc = publish(j, tmp, replace, err, errlen);
    if (tmp[0])
        unlinkat(j->dirfd, tmp, 0);   /* gone already when renamed */
    if (rc == 0 && found == 0 && !replace)
        delete_locked(j->dirfd, j->library, strrchr(existing.path, '/') + 1, existing.format,
                      err, errlen);   /* the copy in another format */
    save_entry_clear(&existing);
    if (rc == 0 && !(res->path = join_path(j->library, j->name)))
        rc = out_of_memory(err, errlen);
    res->images_saved = images_used(&j->images);
    res->images_missing = j->missing;
    return rc;
}

int save_article(const char *library, const rm_article *article, const save_options *opt,
                 save_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if ((unsigned)opt->format >= SAVE_FORMAT_COUNT) {
        snprintf(err, errlen, "unknown save format");
        return -1;
    }
    if (save_prepare_library(library, err, errlen) != 0)
        return -1;
    save_job j = {.library = library, .opt = opt};
    j.dirfd = lock_library(library, true);
    if (j.dirfd < 0)
        return fail(err, errlen, "cannot lock library folder", library);
    remove_leftovers(j.dirfd);
    int rc = save_locked(&j, article, res, err, errlen);
    remove_leftovers(j.dirfd);   /* this save's temporaries, whatever happened */
    close(j.dirfd);
    free(j.data);
    save_images_free(&j.images);
    rm_article_free(j.body);
    if (rc < 0)
        save_result_free(res);
    return rc;
}

void save_result_free(save_result *res)
{
    free(res->path);
    memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------- listing */

void save_entry_clear(save_entry *e)
{
    free(e->title);
    free(e->url);
    free(e->site);
    free(e->saved_at);
    free(e->path);
    memset(e, 0, sizeof *e);
}

static const char *file_extension(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : "";
}

/* A file's header: read until the format's end of header, whatever the
 * length of the fields in it. malloc'd, NUL-terminated. */
static char *read_header(int fd, save_format format, size_t *len)
{
    size_t cap = 16384, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            char *grown = cap < SAVE_HEADER_MAX ? realloc(buf, cap * 2 + 1) : NULL;
            if (!grown)
                break;
            buf = grown;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
        if (save_header_end(format, buf, n))
            break;
    }
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* Make *s valid UTF-8, each invalid byte becoming U+FFFD: a file edited
 * by hand must not make `list --json` print invalid JSON text. */
static int make_utf8(char **s)
{
    if (!*s || !u8_check((const uint8_t *)*s, strlen(*s)))
        return 0;
    size_t n = strlen(*s), o = 0;
    char *out = malloc(n * 3 + 1);
    if (!out)
        return -1;
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int step = u8_mbtouc(&c, (const uint8_t *)*s + i, n - i);
        bool bad = c == 0xfffd && !(step == 3 && memcmp(*s + i, "\xef\xbf\xbd", 3) == 0);
        if (bad) {
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, *s + i, (size_t)step);
            o += (size_t)step;
            i += (size_t)step;
        }
    }
    out[o] = '\0';
    free(*s);
    *s = out;
    return 0;
}

/* Read the header of the file `name` of `library` into *e. Returns 1 when
 * it is a readmode article, 0 when not, -1 when out of memory. */
static int read_entry(const char *library, const char *name, save_format format,
                      save_entry *e)
{
    memset(e, 0, sizeof *e);
    e->format = format;
    e->path = join_path(library, name);
    if (!e->path)
        return -1;
    int fd = open(e->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    size_t n = 0;
    char *head = NULL;
    if (format == SAVE_EPUB) {
        char err[256];
        head = save_epub_read_chapter(e->path, &n, err, sizeof err);
    } else {
        head = read_header(fd, format, &n);
    }
    close(fd);
    if (head)
        save_read_header(format, head, n, e);
    free(head);
    if (!e->saved_at)
        return 0;   /* unreadable, or not written by readmode */
    if (!e->title) {
        const char *ext = strrchr(name, '.');
        e->title = strndup(name, (size_t)(ext - name));
    }
    if (!e->title || make_utf8(&e->title) || make_utf8(&e->url) || make_utf8(&e->site) ||
        make_utf8(&e->saved_at) || make_utf8(&e->path))
        return -1;
    return 1;
}

static int newest_first(const void *pa, const void *pb)
{
    const save_entry *a = pa, *b = pb;
    int c = strcmp(b->saved_at, a->saved_at);
    return c ? c : strcmp(a->path, b->path);
}

/* Case-folded copy (NULL for NULL or out of memory). */
static char *fold(const char *s)
{
    size_t len = 0;
    uint8_t *f = s ? u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC, NULL, &len)
                   : NULL;
    uint8_t *t = f ? realloc(f, len + 1) : NULL;
    if (!t) {
        free(f);
        return NULL;
    }
    t[len] = '\0';
    return (char *)t;
}

/* Every white-space separated word of `words` in the title or site. */
static bool matches_words(const save_entry *e, const char *words)
{
    char *w = fold(words), *title = fold(e->title), *site = fold(e->site);
    bool all = w != NULL;
    for (char *save = NULL, *word = w ? strtok_r(w, " \t\n", &save) : NULL; all && word;
         word = strtok_r(NULL, " \t\n", &save))
        all = (title && strstr(title, word)) || (site && strstr(site, word));
    free(w);
    free(title);
    free(site);
    return all;
}

bool save_since_valid(const char *since)
{
    /* YYYY-MM-DD, optionally followed by THH:MM[:SS][Z] */
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    size_t n = strlen(since);
    if (n != 10 && n != 16 && n != 17 && n != 19 && n != 20)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool ok = shape[i] == 'd' ? isdigit((unsigned char)since[i]) != 0
                : i == n - 1 && since[i] == 'Z' ? n == 17 || n == 20
                : since[i] == shape[i];
        if (!ok)
            return false;
    }
    return n != 17 || since[16] == 'Z';
}

static bool selected(const save_entry *e, const save_filter *filter)
{
    if (!filter)
        return true;
    if (filter->since) {
        /* ISO 8601 in UTC compares as text; a date alone starts its day. */
        size_t n = strlen(filter->since);
        if (filter->since[n - 1] == 'Z')
            n--;
        if (strncmp(e->saved_at, filter->since, n) < 0)
            return false;
    }
    return !filter->grep || matches_words(e, filter->grep);
}

int save_list(const char *library, const save_filter *filter, save_entry **entries_out,
              size_t *count_out, char *err, size_t errlen)
{
    *entries_out = NULL;
    *count_out = 0;
    int lock = lock_library(library, false);
    if (lock >= 0) {   /* no save running: what temporaries there are, are leftovers */
        remove_leftovers(lock);
        close(lock);
    }
    DIR *d = opendir(library);
    if (!d)
        return errno == ENOENT ? 0 : fail(err, errlen, "cannot read library folder", library);
    save_entry *entries = NULL;
    size_t count = 0;
    int rc = 0;
    struct dirent *de;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        save_format format;
        if (de->d_name[0] == '.' || save_format_from_name(file_extension(de->d_name), &format))
            continue;
        save_entry e, *grown = realloc(entries, (count + 1) * sizeof *entries);
        if (!grown) {
            rc = -1;
            break;
        }
        entries = grown;
        int found = read_entry(library, de->d_name, format, &e);
        if (found > 0 && selected(&e, filter))
            entries[count++] = e;
        else
            save_entry_clear(&e);
        if (found < 0)
            rc = -1;
    }
    closedir(d);
    if (rc != 0) {
        snprintf(err, errlen, "out of memory while listing %s", library);
        save_entries_free(entries, count);
        return -1;
    }
    if (count > 0)
        qsort(entries, count, sizeof *entries, newest_first);
    *entries_out = entries;
    *count_out = count;
    return 0;
}

void save_entries_free(save_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++)
        save_entry_clear(&entries[i]);
    free(entries);
}

static bool add_string_or_null(cJSON *obj, const char *key, const char *value)
{
    return value ? cJSON_AddStringToObject(obj, key, value) != NULL
                 : cJSON_AddNullToObject(obj, key) != NULL;
}

cJSON *save_entries_to_json(const save_entry *entries, size_t count)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < count; i++) {
        const save_entry *e = &entries[i];
        cJSON *item = cJSON_CreateObject();
        if (!item || !cJSON_AddStringToObject(item, "title", e->title) ||
            !add_string_or_null(item, "url", e->url) ||
            !add_string_or_null(item, "site", e->site) ||
            !cJSON_AddStringToObject(item, "saved_at", e->saved_at) ||
            !cJSON_AddStringToObject(item, "path", e->path) ||
            !cJSON_AddStringToObject(item, "format", save_format_name(e->format))) {
            cJSON_Delete(item);
            cJSON_Delete(list);
            return NULL;
        }
        cJSON_AddItemToArray(list, item);
    }
    return list;
}

/* ------------------------------------------------- one saved article */

static int find_by_url(const char *library, const char *url, save_entry *found, char *err,
                       size_t errlen)
{
    save_entry *entries = NULL;
    size_t count = 0;
    if (save_list(library, NULL, &entries, &count, err, errlen))
        return -1;
    int rc = 1;
    for (size_t i = 0; rc == 1 && i < count; i++) {
        if (entries[i].url && strcmp(entries[i].url, url) == 0) {
            *found = entries[i];
            memset(&entries[i], 0, sizeof entries[i]);
            rc = 0;
        }
    }
    save_entries_free(entries, count);
    return rc;
}

/* Is `key` a URL rather than a path? */
static bool looks_like_url(const char *key)
{
    const char *colon = strchr(key, ':');
    return colon && colon > key && strncmp(colon, "://", 3) == 0 &&
           strspn(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") ==
               (size_t)(colon - key);
}

/* The saved file at `path`, which must be directly inside `library`. */
static int find_by_path(const char *library, const char *path, save_entry *found, char *err,
                        size_t errlen)
{
    char *real_lib = realpath(library, NULL);
    char *real = realpath(path, NULL);
    int rc = -1;
    if (!real) {
        rc = errno == ENOENT ? 1 : fail(err, errlen, "cannot resolve", path);
    } else if (!real_lib) {
        rc = errno == ENOENT ? 1 : fail(err, errlen, "cannot resolve", library);
    } else {
        const char *slash = strrchr(real, '/');
        size_t dir_len = (size_t)(slash - real);
        save_format format;
        if (dir_len != strlen(real_lib) || strncmp(real, real_lib, dir_len) != 0 ||
            slash[1] == '.')
            snprintf(err, errlen, "%s is not in the library %s", path, library);
        else if (save_format_from_name(file_extension(slash + 1), &format) != 0)
            snprintf(err, errlen, "%s is not a saved article", path);
        else
            rc = read_entry(real_lib, slash + 1, format, found) > 0 ? 0 : 1;
        if (rc == 1)
            save_entry_clear(found);
    }
    free(real);
    free(real_lib);
    return rc;
}

int save_find(const char *library, const char *key, save_key kind, save_entry *entry,
              char *err, size_t errlen)
{
    memset(entry, 0, sizeof *entry);
    bool url = kind == SAVE_KEY_URL || (kind == SAVE_KEY_GUESS && looks_like_url(key));
    return url ? find_by_url(library, key, entry, err, errlen)
               : find_by_path(library, key, entry, err, errlen);
}

/* Remove the saved file `name` of the locked folder, with its assets. */
static int delete_locked(int dirfd, const char *library, const char *name, save_format format,
                         char *err, size_t errlen)
{
    char assets[SAVE_STEM_MAX + 128];
    assets_name(name, assets, sizeof assets);
    if (unlinkat(dirfd, name, 0) != 0)
        return fail(err, errlen, "cannot delete", name);
    if (format == SAVE_MD)
        remove_entry(dirfd, assets);
    if (fsync(dirfd) != 0)
        return fail(err, errlen, "cannot sync library folder", library);
    return 0;
}

int save_delete(const char *library, const save_entry *entry, char *err, size_t errlen)
{
    int dirfd = lock_library(library, true);
    if (dirfd < 0)
        return fail(err, errlen, "cannot lock library folder", library);
    int rc = delete_locked(dirfd, library, strrchr(entry->path, '/') + 1, entry->format, err,
                           errlen);
    close(dirfd);
    return rc;
}

/* ------------------------------------------------ reading one back */

/* The whole file (malloc'd, NUL-terminated), or NULL with err. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    char *buf = NULL;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        (size_t)st.st_size <= SAVE_HEADER_MAX && (buf = malloc((size_t)st.st_size + 1))) {
        size_t n = 0;
        ssize_t r;
        while (n < (size_t)st.st_size &&
               ((r = read(fd, buf + n, (size_t)st.st_size - n)) > 0 || (r < 0 && errno == EINTR)))
            n += r > 0 ? (size_t)r : 0;
        buf[n] = '\0';
        *len = n;
    } else {
        fail(err, errlen, "cannot read", path);
    }
    if (fd >= 0)
        close(fd);
    return buf;
}

/* Images of a book, while its chapter is rendered again: each becomes a
 * data: URI. */
typedef struct {
    const char *path;
    save_images set;
} book_images;

static const char *book_image(void *ctx, const char *url)
{
    book_images *b = ctx;
    size_t len = 0;
    unsigned char *bytes = save_epub_read_image(b->path, url, &len);
    char *key = bytes ? strdup(url) : NULL;
    save_image *grown = key ? realloc(b->set.items, (b->set.count + 1) * sizeof *grown) : NULL;
    const char *ext = NULL;
    const char *mime = grown ? save_image_sniff(bytes, len, &ext) : NULL;
    if (!mime) {
        if (grown)
            b->set.items = grown;
        free(bytes);
        free(key);
        return NULL;
    }
    b->set.items = grown;
    save_image *img = &b->set.items[b->set.count++];
    *img = (save_image){.url = key, .bytes = bytes, .len = len, .mime = mime, .ext = ext};
    return save_image_data_uri(img);
}

int save_read_article(const save_entry *entry, rm_article **out, char *err, size_t errlen)
{
    *out = NULL;
    size_t len = 0;
    char *doc = entry->format == SAVE_EPUB
                    ? save_epub_read_chapter(entry->path, &len, err, errlen)
                    : read_file(entry->path, &len, err, errlen);
    if (!doc)
        return -1;
    rm_article *a = NULL;
    int rc = 0;
    if (entry->format == SAVE_HTML || entry->format == SAVE_EPUB) {
        book_images book = {entry->path, {0}};
        rm_image_resolver books = {book_image, &book};
        rm_options opt = rm_default_options;
        opt.formats = RM_FORMAT_TEXT | RM_FORMAT_HTML;
        opt.charset = "utf-8";
        opt.max_input_bytes = 0;
        const char *body = save_body_start(entry->format, doc, len);
        if (rm_sanitize(body, strlen(body), &opt,
                        entry->format == SAVE_EPUB ? &books : NULL, &a) != RM_OK)
            rc = out_of_memory(err, errlen);
        save_images_free(&book.set);
    } else {
        const char *body = save_body_start(entry->format, doc, len);
        if (entry->format == SAVE_MD)
            a = save_markdown_article(entry->path, body, len - (size_t)(body - doc));
        else if ((a = calloc(1, sizeof *a)))
            a->text = strdup(body);
        if (!a || !a->text)
            rc = out_of_memory(err, errlen);
    }
    free(doc);
    if (rc == 0 && a && (!(a->title = strdup(entry->title)) ||
                         (entry->url && !(a->url = strdup(entry->url))) ||
                         (entry->site && !(a->site_name = strdup(entry->site)))))
        rc = out_of_memory(err, errlen);
    if (rc != 0) {
        rm_article_free(a);
        return -1;
    }
    *out = a;
    return 0;
}
