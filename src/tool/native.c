/*
 * native.c — the native-messaging host: frame I/O, request dispatch and
 * the chunking of large replies.
 *
 * The host must never die on bad input and must never desynchronise the
 * stream, because the browser cannot recover either: it kills the host or
 * drops the port. So every malformed frame gets an error reply and the loop
 * goes on; an oversized declared length is skipped in bounded chunks
 * without allocating it, and a body's buffer grows only with the bytes that
 * arrive; only a stream that ends inside a frame stops the host. Requests
 * are read strictly (request.c): each type's fields are checked from its
 * table before its handler runs. stdout carries nothing but frames (written with write(2), so no
 * stdio buffer can hold half a frame); diagnostics go to stderr, which the
 * browsers forward to their consoles.
 */
#include "native.h"
#include "article_json.h"
#include "config.h"
#include "readmode.h"
#include "request.h"
#include "save.h"

#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>
#include <unistring/version.h>

#ifndef RM_GUMBO_VERSION
#define RM_GUMBO_VERSION "unknown"   /* the Makefile passes pkg-config's answer */
#endif

/* Oversized frames are skipped in pieces of this size. */
#define DISCARD_CHUNK 65536
/* A request id is echoed in every reply and chunk frame, so it must leave
 * room for the data; longer ids are refused. */
#define MAX_ID_BYTES 4096

#define LOG_PREFIX "readmode-host: "

typedef struct {
    size_t max_message;
    const char *library_arg;   /* --library, or NULL for the configured one */
    int in_fd, out_fd;         /* the browser's stdin and stdout */
    rm_workspace *workspace;   /* the extractions' memory, kept from one request
                                  to the next (NULL: none could be had) */
} session;

/* Reply error codes (stable; documented in README.md, "The protocol"). */
#define E_BAD_JSON "bad_json"
#define E_BAD_REQUEST "bad_request"
#define E_TOO_LARGE "too_large"
#define E_BAD_UTF8 "bad_utf8"
#define E_NO_ARTICLE "no_article"
#define E_BAD_INPUT "bad_input"
#define E_IO "io_error"
#define E_EXISTS "exists"
#define E_NOT_FOUND "not_found"
#define E_INTERNAL "internal"

/* ------------------------------------------------------------ framing */

typedef enum { IO_OK, IO_EOF, IO_TRUNCATED, IO_ERROR, IO_NO_MEMORY } io_result;

/* Read exactly n bytes, counting them in *got. IO_EOF when the stream
 * ended before the first byte, IO_TRUNCATED when it ended after some. */
static io_result read_some(int fd, void *buf, size_t n, size_t *got)
{
    *got = 0;
    while (*got < n) {
        ssize_t r = read(fd, (char *)buf + *got, n - *got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return IO_ERROR;
        if (r == 0)
            return *got == 0 ? IO_EOF : IO_TRUNCATED;
        *got += (size_t)r;
    }
    return IO_OK;
}

static io_result read_exact(int fd, void *buf, size_t n)
{
    size_t got;
    return read_some(fd, buf, n, &got);
}

/* Skip n bytes without holding them. */
static io_result discard(int fd, uint64_t n)
{
    static char sink[DISCARD_CHUNK];
    while (n > 0) {
        size_t step = n < sizeof sink ? (size_t)n : sizeof sink;
        io_result r = read_exact(fd, sink, step);
        if (r != IO_OK)
            return r == IO_EOF ? IO_TRUNCATED : r;
        n -= step;
    }
    return IO_OK;
}

/* Read a body of `len` bytes into *out (malloc'd). The buffer grows with
 * what arrives, so a declared length of 4 GiB that is never sent costs no
 * more memory than the bytes that were. IO_NO_MEMORY when growing fails
 * (the rest of the body is then skipped, keeping the stream in step). */
#define BODY_FIRST_STEP ((size_t)1 << 20)
static io_result read_body(int fd, size_t len, char **out, size_t *got_out)
{
    size_t cap = len < BODY_FIRST_STEP ? (len ? len : 1) : BODY_FIRST_STEP, got = 0;
    char *buf = malloc(cap);
    *out = NULL;
    *got_out = 0;
    while (buf && got < len) {
        if (got == cap) {
            size_t grown_cap = cap > len / 2 ? len : cap * 2;
            char *grown = realloc(buf, grown_cap);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap = grown_cap;
        }
        size_t step = 0;
        io_result r = read_some(fd, buf + got, cap - got, &step);
        got += step;
        *got_out = got;
        if (r != IO_OK) {
            free(buf);
            return r == IO_EOF ? IO_TRUNCATED : r;
        }
    }
    if (!buf) {
        io_result r = discard(fd, len - got);
        return r == IO_OK ? IO_NO_MEMORY : r;
    }
    *out = buf;
    return IO_OK;
}

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static int write_frame(const session *s, const char *json, size_t len)
{
    uint32_t header = (uint32_t)len;
    return write_all(s->out_fd, &header, sizeof header) == 0 &&
                   write_all(s->out_fd, json, len) == 0
               ? 0
               : -1;
}

/* ------------------------------------------------------------ chunking */

/* Bytes that one character of a reply's JSON text takes once it is put
 * inside a JSON string by cJSON: quote and backslash are escaped as two
 * bytes, \b \f \n \r \t as two, other control characters as \u00XX. */
static size_t escaped_size(const uint8_t *s, size_t char_len)
{
    if (char_len > 1)
        return char_len;
    switch (*s) {
    case '"': case '\\': case '\b': case '\f': case '\n': case '\r': case '\t':
        return 2;
    default:
        return *s < 0x20 ? 6 : 1;
    }
}

/* Cut `text` into slices whose escaped size fits `budget`, only at
 * character boundaries. Returns the slice start offsets plus a final
 * offset == len (malloc'd, *count slices), or NULL when out of memory. */
static size_t *slice_text(const char *text, size_t len, size_t budget, size_t *count)
{
    size_t cap = len / (budget / 8) + 2, n = 0;
    size_t *cuts = malloc(cap * sizeof *cuts);
    if (!cuts)
        return NULL;
    cuts[n++] = 0;
    size_t used = 0;
    for (size_t i = 0; i < len;) {
        int m = u8_mblen((const uint8_t *)text + i, len - i);
        size_t char_len = m > 0 ? (size_t)m : 1;
        size_t w = escaped_size((const uint8_t *)text + i, char_len);
        if (used + w > budget) {
            cuts[n++] = i;   /* a slice holds over budget/8 bytes: cap suffices */
            used = 0;
        }
        used += w;
        i += char_len;
    }
    cuts[n] = len;
    *count = n;
    return cuts;
}

/* Add "id": a copy of the request's id, or null. */
static bool add_id(cJSON *obj, const cJSON *id)
{
    cJSON *copy = id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull();
    if (copy && cJSON_AddItemToObject(obj, "id", copy))
        return true;
    cJSON_Delete(copy);
    return false;
}

static char *print_chunk(const cJSON *id, size_t index, size_t total, const char *data,
                         size_t len)
{
    char *slice = malloc(len + 1);
    cJSON *frame = cJSON_CreateObject();
    char *text = NULL;
    if (slice && frame) {
        memcpy(slice, data, len);
        slice[len] = '\0';
        if (add_id(frame, id) && cJSON_AddNumberToObject(frame, "chunk", (double)index) &&
            cJSON_AddNumberToObject(frame, "chunks", (double)total) &&
            cJSON_AddStringToObject(frame, "data", slice))
            text = cJSON_PrintUnformatted(frame);
    }
    free(slice);
    cJSON_Delete(frame);
    return text;
}

/* Results of sending a reply. */
enum { SENT = 0, SEND_FAILED = -1 /* errno set */, BUILD_FAILED = -2 };

/* Send a reply longer than NATIVE_MAX_FRAME as frames
 * {"id":ID,"chunk":i,"chunks":n,"data":"<slice>"}; joining the slices
 * gives the reply's JSON text. The envelope's size is reserved with
 * ten-digit numbers so the slicing never has to be redone. */
static int send_chunked(const session *s, const char *text, size_t len, const cJSON *id)
{
    char *id_text = id ? cJSON_PrintUnformatted(id) : NULL;
    size_t envelope = sizeof "{\"id\":,\"chunk\":,\"chunks\":,\"data\":\"\"}" - 1 + 2 * 10 +
                      (id_text ? strlen(id_text) : 4);
    free(id_text);
    size_t count = 0;
    size_t *cuts = slice_text(text, len, NATIVE_MAX_FRAME - envelope, &count);
    int rc = cuts ? SENT : BUILD_FAILED;
    for (size_t i = 0; rc == SENT && i < count; i++) {
        char *frame = print_chunk(id, i, count, text + cuts[i], cuts[i + 1] - cuts[i]);
        size_t flen = frame ? strlen(frame) : 0;
        if (!frame || flen > NATIVE_MAX_FRAME) {
            fprintf(stderr, LOG_PREFIX "cannot build chunk %zu of %zu\n", i, count);
            rc = BUILD_FAILED;
        } else if (write_frame(s, frame, flen) != 0) {
            rc = SEND_FAILED;
        }
        free(frame);
    }
    free(cuts);
    return rc;
}

/* Last resort when a reply cannot be built or printed. */
static int send_internal_error(const session *s)
{
    static const char reply[] =
        "{\"id\":null,\"ok\":false,\"error\":{\"code\":\"internal\","
        "\"message\":\"the reply could not be built (out of memory?)\"}}";
    return write_frame(s, reply, sizeof reply - 1);
}

/* Returns 0, or -1 when stdout is gone. */
static int send_reply(const session *s, const cJSON *reply)
{
    char *text = reply ? cJSON_PrintUnformatted(reply) : NULL;
    if (!text)
        return send_internal_error(s);
    size_t len = strlen(text);
    int rc = len <= NATIVE_MAX_FRAME
                 ? write_frame(s, text, len)
                 : send_chunked(s, text, len, cJSON_GetObjectItemCaseSensitive(reply, "id"));
    free(text);
    if (rc == BUILD_FAILED)
        return send_internal_error(s);
    return rc == SENT ? 0 : -1;
}

/* ------------------------------------------------------------ requests */

/* What a handler reports: NULL code on success. */
typedef struct {
    const char *code;
    char message[512];
} outcome;

/* Record a failure; returns its code so handlers can `return refuse(...)`. */
__attribute__((format(printf, 3, 4)))
static const char *refuse(outcome *out, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    out->code = code;
    vsnprintf(out->message, sizeof out->message, fmt, ap);
    va_end(ap);
    return code;
}

/* Optional string field: absent or null → *value NULL. Returns the error
 * code when present with another type. */
static const char *string_field(const cJSON *req, const char *key, bool required,
                                const char **value, outcome *out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(req, key);
    *value = cJSON_IsString(item) ? item->valuestring : NULL;
    if (*value || (!required && (!item || cJSON_IsNull(item))))
        return NULL;
    return refuse(out, E_BAD_REQUEST,
                  required && !item ? "missing field \"%s\"" : "\"%s\" must be a string",
                  key);
}

/* Protocol error codes for the library's statuses; the messages are the
 * library's own (rm_status_message). */
static const struct {
    rm_status status;
    const char *code;
} status_errors[] = {
    {RM_NO_ARTICLE, E_NO_ARTICLE}, {RM_BAD_INPUT, E_BAD_INPUT},
    {RM_TOO_LARGE, E_TOO_LARGE},   {RM_BAD_OPTION, E_BAD_REQUEST},
    {RM_NO_MEMORY, E_INTERNAL},
};

static const char *status_error(rm_status st, outcome *out)
{
    for (size_t i = 0; i < sizeof status_errors / sizeof *status_errors; i++)
        if (status_errors[i].status == st)
            return refuse(out, status_errors[i].code, "%s", rm_status_message(st));
    return refuse(out, E_INTERNAL, "%s", rm_status_message(st));
}

/* "formats": ["text","html","markdown"]; default text + html. */
static const char *formats_field(const cJSON *req, unsigned *formats, outcome *out)
{
    static const struct { const char *name; unsigned bit; } names[] = {
        {"text", RM_FORMAT_TEXT}, {"html", RM_FORMAT_HTML}, {"markdown", RM_FORMAT_MARKDOWN},
    };
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(req, "formats");
    *formats = RM_FORMAT_TEXT | RM_FORMAT_HTML;
    if (!list || cJSON_IsNull(list))
        return NULL;
    if (!cJSON_IsArray(list))
        return refuse(out, E_BAD_REQUEST, "field \"formats\" must be an array");
    *formats = RM_FORMAT_TEXT;
    const cJSON *item;
    cJSON_ArrayForEach(item, list) {
        size_t i = 0;
        while (i < sizeof names / sizeof *names &&
               !(cJSON_IsString(item) && strcmp(item->valuestring, names[i].name) == 0))
            i++;
        if (i == sizeof names / sizeof *names)
            return refuse(out, E_BAD_REQUEST, "formats are \"text\", \"html\" and \"markdown\"");
        *formats |= names[i].bit;
    }
    return NULL;
}

/* rm_options from a request's html-related fields (url, options.charset). */
static const char *extract_options(const cJSON *req, const session *s, rm_options *opt,
                                   outcome *out)
{
    *opt = rm_default_options;
    opt->max_input_bytes = s->max_message;
    opt->workspace = s->workspace;
    /* JSON strings are UTF-8 whatever the page's <meta> once said: the
     * browser has already decoded the page. */
    opt->charset = "utf-8";
    if (string_field(req, "url", false, &opt->url, out))
        return out->code;
    const cJSON *options = cJSON_GetObjectItemCaseSensitive(req, "options");
    if (options && !cJSON_IsNull(options) && !cJSON_IsObject(options))
        return refuse(out, E_BAD_REQUEST, "field \"options\" must be an object");
    return options ? string_field(options, "charset", false, &opt->charset, out) : NULL;
}

/* Run the extractor on the request's html. On RM_OK *article is set and
 * NULL returned; on RM_NO_ARTICLE *article is set too (best effort) and
 * the no_article code is returned. */
static const char *run_extract(const cJSON *req, const session *s, unsigned formats,
                               bool probe, rm_article **article, outcome *out)
{
    const char *html;
    rm_options opt;
    *article = NULL;
    if (string_field(req, "html", true, &html, out) || extract_options(req, s, &opt, out))
        return out->code;
    opt.formats = formats;
    opt.probe_only = probe;
    rm_status st = rm_extract(html, strlen(html), &opt, article);
    return st == RM_OK ? NULL : status_error(st, out);
}

static const char *add_article(cJSON *reply, const rm_article *article, outcome *out)
{
    cJSON *json = rm_article_to_json(article);
    if (!json || !cJSON_AddItemToObject(reply, "article", json)) {
        cJSON_Delete(json);
        return refuse(out, E_INTERNAL, "out of memory");
    }
    return out->code;
}

static const char *handle_extract(const cJSON *req, cJSON *reply, const session *s,
                                  outcome *out)
{
    unsigned formats;
    rm_article *article = NULL;
    if (formats_field(req, &formats, out))
        return out->code;
    run_extract(req, s, formats, false, &article, out);
    if (article)   /* RM_OK, or the best effort that comes with no_article */
        add_article(reply, article, out);
    rm_article_free(article);
    return out->code;
}

static const char *handle_probe(const cJSON *req, cJSON *reply, const session *s,
                                outcome *out)
{
    rm_article *article = NULL;
    const char *code = run_extract(req, s, RM_FORMAT_TEXT, true, &article, out);
    if (code && strcmp(code, E_NO_ARTICLE) == 0)
        out->code = NULL;   /* "not readerable" is an answer, not an error */
    if (!out->code && !cJSON_AddBoolToObject(reply, "readerable", article && article->readerable))
        refuse(out, E_INTERNAL, "out of memory");
    rm_article_free(article);
    return out->code;
}

/* An rm_article borrowing the strings of the request's "article" object,
 * as produced by an extract reply. */
static const char *article_from_json(const cJSON *obj, rm_article *a, outcome *out)
{
    static const char *const keys[] = {"title", "byline", "site_name", "published", "lang",
                                       "dir", "excerpt", "url", "text", "html", "markdown"};
    char **fields[] = {&a->title, &a->byline, &a->site_name, &a->published, &a->lang,
                       &a->dir, &a->excerpt, &a->url, &a->text, &a->html, &a->markdown};
    memset(a, 0, sizeof *a);
    if (!cJSON_IsObject(obj))
        return refuse(out, E_BAD_REQUEST, "field \"article\" must be an object");
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const char *value;
        if (string_field(obj, keys[i], false, &value, out))
            return out->code;
        *fields[i] = (char *)value;
    }
    if (!a->text && !a->html && !a->markdown)
        return refuse(out, E_BAD_REQUEST, "article needs \"text\", \"html\" or \"markdown\"");
    return NULL;
}

/* The article a save request describes: extracted from "html" (into
 * *owned) or borrowed from "article". */
static const char *save_source(const cJSON *req, const session *s, rm_article *borrowed,
                               rm_article **owned, const rm_article **article, outcome *out)
{
    const cJSON *given = cJSON_GetObjectItemCaseSensitive(req, "article");
    *owned = NULL;
    if (given && !cJSON_IsNull(given)) {
        *article = borrowed;
        return article_from_json(given, borrowed, out);
    }
    if (!cJSON_GetObjectItemCaseSensitive(req, "html"))
        return refuse(out, E_BAD_REQUEST, "save needs \"html\" or \"article\"");
    const char *code = run_extract(req, s, RM_FORMAT_ALL, false, owned, out);
    bool force = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(req, "force"));
    if (code && strcmp(code, E_NO_ARTICLE) == 0 && force)
        out->code = NULL;
    *article = *owned;
    return out->code;
}

/* Optional boolean field: absent or null → false. */
static const char *bool_field(const cJSON *req, const char *key, bool *value, outcome *out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(req, key);
    *value = cJSON_IsTrue(item);
    if (!item || cJSON_IsNull(item) || cJSON_IsBool(item))
        return NULL;
    return refuse(out, E_BAD_REQUEST, "field \"%s\" must be a boolean", key);
}

/* Most images one save request may carry (sizes: save_images.h). */
#define MAX_SAVE_IMAGES 1000

/* "images": [{"url": "...", "type": "image/png", "data": "<base64>"}]:
 * borrowed into a malloc'd array (*list; NULL and *count 0 when absent). */
static const char *images_field(const cJSON *req, save_image_in **list, size_t *count,
                                bool *present, outcome *out)
{
    const cJSON *images = cJSON_GetObjectItemCaseSensitive(req, "images");
    *list = NULL;
    *count = 0;
    *present = images && !cJSON_IsNull(images);
    if (!*present)
        return NULL;
    if (!cJSON_IsArray(images))
        return refuse(out, E_BAD_REQUEST, "field \"images\" must be an array");
    int n = cJSON_GetArraySize(images);
    if (n > MAX_SAVE_IMAGES)
        return refuse(out, E_BAD_REQUEST, "field \"images\" holds more than %d images",
                      MAX_SAVE_IMAGES);
    *list = calloc((size_t)n + 1, sizeof **list);
    if (!*list)
        return refuse(out, E_INTERNAL, "out of memory");
    const cJSON *item;
    size_t i = 0;
    cJSON_ArrayForEach(item, images) {
        const char *type;
        if (!cJSON_IsObject(item))
            return refuse(out, E_BAD_REQUEST, "field \"images[%zu]\" must be an object", i);
        const char *fields[] = {"url", "data"};
        const char **values[] = {&(*list)[i].url, &(*list)[i].data};
        for (size_t k = 0; k < 2; k++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, fields[k]);
            if (!cJSON_IsString(v))
                return refuse(out, E_BAD_REQUEST, "field \"images[%zu].%s\" must be a string",
                              i, fields[k]);
            *values[k] = v->valuestring;
        }
        if (!save_base64_valid((*list)[i].data))
            return refuse(out, E_BAD_REQUEST, "field \"images[%zu].data\" is not base64", i);
        if (string_field(item, "type", false, &type, out))
            return refuse(out, E_BAD_REQUEST, "field \"images[%zu].type\" must be a string",
                          i);
        i++;
    }
    *count = i;
    return NULL;
}

/* The save reply's account of images: {"saved": n, "missing": m}. */
static const char *add_image_counts(cJSON *reply, const save_result *res, outcome *out)
{
    cJSON *counts = cJSON_CreateObject();
    if (!counts || !cJSON_AddNumberToObject(counts, "saved", res->images_saved) ||
        !cJSON_AddNumberToObject(counts, "missing", res->images_missing) ||
        !cJSON_AddItemToObject(reply, "images", counts)) {
        cJSON_Delete(counts);
        return refuse(out, E_INTERNAL, "out of memory");
    }
    return NULL;
}

static const char *save_fields(const cJSON *req, save_options *o, const char **format_name,
                               outcome *out)
{
    memset(o, 0, sizeof *o);
    o->saved_at = time(NULL);
    if (string_field(req, "format", false, format_name, out) ||
        string_field(req, "url", false, &o->source_url, out) ||
        bool_field(req, "force", &o->force, out))
        return out->code;
    if (*format_name && save_format_from_name(*format_name, &o->format) != 0)
        return refuse(out, E_BAD_REQUEST,
                      "field \"format\": %.100s is not \"md\", \"txt\", \"html\" or \"epub\"",
                      *format_name);
    save_image_in *images;
    if (images_field(req, &images, &o->image_count, &o->with_images, out)) {
        free(images);
        return out->code;
    }
    o->images = images;
    return NULL;
}

static const char *handle_save(const cJSON *req, cJSON *reply, const session *s, outcome *out)
{
    const char *format_name;
    save_options o;
    if (save_fields(req, &o, &format_name, out))
        return out->code;
    rm_article borrowed, *owned;
    const rm_article *article = NULL;
    if (save_source(req, s, &borrowed, &owned, &article, out)) {
        rm_article_free(owned);
        free((void *)o.images);
        return out->code;
    }
    o.untrusted = article == &borrowed;
    char *library = config_library_dir(s->library_arg, out->message, sizeof out->message);
    save_result res = {0};
    int rc = library ? save_article(library, article, &o, &res, out->message,
                                    sizeof out->message)
                     : -1;
    if (rc < 0)
        out->code = E_IO;
    else if (!cJSON_AddStringToObject(reply, "path", res.path))
        refuse(out, E_INTERNAL, "out of memory");
    else if (rc == SAVE_EXISTS)
        refuse(out, E_EXISTS, "already saved as %.400s (\"force\": true replaces it)",
               res.path);
    else
        add_image_counts(reply, &res, out);
    save_result_free(&res);
    free(library);
    free((void *)o.images);
    rm_article_free(owned);
    return out->code;
}

static const char *handle_list(const cJSON *req, cJSON *reply, const session *s,
                               outcome *out)
{
    save_filter filter = {NULL, NULL};
    if (string_field(req, "grep", false, &filter.grep, out) ||
        string_field(req, "since", false, &filter.since, out))
        return out->code;
    if (filter.since && !save_since_valid(filter.since))
        return refuse(out, E_BAD_REQUEST, "field \"since\" must be a date, YYYY-MM-DD");
    char *library = config_library_dir(s->library_arg, out->message, sizeof out->message);
    save_entry *entries = NULL;
    size_t count = 0;
    if (!library ||
        save_list(library, &filter, &entries, &count, out->message, sizeof out->message)) {
        free(library);
        out->code = E_IO;
        return out->code;
    }
    cJSON *list = save_entries_to_json(entries, count);
    if (!list || !cJSON_AddItemToObject(reply, "articles", list)) {
        cJSON_Delete(list);
        refuse(out, E_INTERNAL, "out of memory");
    }
    save_entries_free(entries, count);
    free(library);
    return out->code;
}

/* The saved article a get or delete request names by "url" or "path";
 * *library is set for the caller to free. */
static const char *find_saved(const cJSON *req, const session *s, char **library,
                              save_entry *entry, outcome *out)
{
    const char *url, *path;
    *library = NULL;
    memset(entry, 0, sizeof *entry);
    if (string_field(req, "url", false, &url, out) ||
        string_field(req, "path", false, &path, out))
        return out->code;
    if (!url == !path)
        return refuse(out, E_BAD_REQUEST, "give one of \"url\" and \"path\"");
    if (path && path[0] != '/')
        return refuse(out, E_BAD_REQUEST, "field \"path\" must be an absolute path");
    *library = config_library_dir(s->library_arg, out->message, sizeof out->message);
    if (!*library)
        return out->code = E_IO;
    int rc = save_find(*library, url ? url : path, url ? SAVE_KEY_URL : SAVE_KEY_PATH, entry,
                       out->message, sizeof out->message);
    if (rc < 0)
        out->code = url ? E_IO : E_BAD_REQUEST;
    else if (rc > 0)
        refuse(out, E_NOT_FOUND, "no saved article has this %s", url ? "URL" : "path");
    return out->code;
}

static const char *handle_get(const cJSON *req, cJSON *reply, const session *s, outcome *out)
{
    char *library;
    save_entry entry;
    rm_article *article = NULL;
    if (!find_saved(req, s, &library, &entry, out) &&
        save_read_article(&entry, &article, out->message, sizeof out->message) != 0)
        out->code = E_IO;
    if (!out->code) {
        cJSON *saved = save_entries_to_json(&entry, 1);
        cJSON *first = saved ? cJSON_DetachItemFromArray(saved, 0) : NULL;
        if (!first || !cJSON_AddItemToObject(reply, "saved", first))
            refuse(out, E_INTERNAL, "out of memory");
        else
            add_article(reply, article, out);
        cJSON_Delete(saved);
    }
    rm_article_free(article);
    save_entry_clear(&entry);
    free(library);
    return out->code;
}

static const char *handle_delete(const cJSON *req, cJSON *reply, const session *s,
                                 outcome *out)
{
    char *library;
    save_entry entry;
    if (!find_saved(req, s, &library, &entry, out)) {
        if (save_delete(library, &entry, out->message, sizeof out->message) != 0)
            out->code = E_IO;
        else if (!cJSON_AddStringToObject(reply, "deleted", entry.path))
            refuse(out, E_INTERNAL, "out of memory");
    }
    save_entry_clear(&entry);
    free(library);
    return out->code;
}

static const char *handle_version(const cJSON *req, cJSON *reply, const session *s,
                                  outcome *out)
{
    (void)req;
    (void)s;
    char unistring[16];
    /* (major << 16) + (minor << 8) + subminor, per <unistring/version.h> */
    snprintf(unistring, sizeof unistring, "%d.%d", _libunistring_version >> 16,
             (_libunistring_version >> 8) & 0xff);
    cJSON *libs = cJSON_CreateObject();
    if (!libs || !cJSON_AddStringToObject(libs, "gumbo", RM_GUMBO_VERSION) ||
        !cJSON_AddStringToObject(libs, "cjson", cJSON_Version()) ||
        !cJSON_AddStringToObject(libs, "libunistring", unistring) ||
        !cJSON_AddStringToObject(reply, "version", RM_VERSION) ||
        !cJSON_AddNumberToObject(reply, "protocol", NATIVE_PROTOCOL_VERSION) ||
        !cJSON_AddItemToObject(reply, "libraries", libs)) {
        cJSON_Delete(libs);
        return refuse(out, E_INTERNAL, "out of memory");
    }
    return NULL;
}

typedef const char *handler_fn(const cJSON *req, cJSON *reply, const session *s,
                               outcome *out);

/* The fields of each request type, checked before its handler runs (so a
 * handler sees only fields of the right type). "id" and "type" are common
 * to all; fields not named here are ignored. Documented in README.md, "The
 * protocol". */
#define COMMON_FIELDS {"id", FIELD_ANY, false, NULL}, {"type", FIELD_STRING, true, NULL}
#define END_FIELDS {NULL, FIELD_ANY, false, NULL}

static const request_field options_fields[] = {
    {"charset", FIELD_STRING, false, NULL}, END_FIELDS,
};
static const request_field extract_fields[] = {
    COMMON_FIELDS,
    {"html", FIELD_STRING, true, NULL},
    {"url", FIELD_STRING, false, NULL},
    {"formats", FIELD_STRING_ARRAY, false, NULL},
    {"options", FIELD_OBJECT, false, options_fields},
    END_FIELDS,
};
static const request_field probe_fields[] = {
    COMMON_FIELDS,
    {"html", FIELD_STRING, true, NULL},
    {"url", FIELD_STRING, false, NULL},
    {"options", FIELD_OBJECT, false, options_fields},
    END_FIELDS,
};
static const request_field article_fields[] = {
    {"title", FIELD_STRING, false, NULL},     {"byline", FIELD_STRING, false, NULL},
    {"site_name", FIELD_STRING, false, NULL}, {"published", FIELD_STRING, false, NULL},
    {"lang", FIELD_STRING, false, NULL},      {"dir", FIELD_STRING, false, NULL},
    {"excerpt", FIELD_STRING, false, NULL},   {"url", FIELD_STRING, false, NULL},
    {"text", FIELD_STRING, false, NULL},      {"html", FIELD_STRING, false, NULL},
    {"markdown", FIELD_STRING, false, NULL},  END_FIELDS,
};
static const request_field save_request_fields[] = {
    COMMON_FIELDS,
    {"html", FIELD_STRING, false, NULL},
    {"article", FIELD_OBJECT, false, article_fields},
    {"url", FIELD_STRING, false, NULL},
    {"format", FIELD_STRING, false, NULL},
    {"force", FIELD_BOOL, false, NULL},
    {"images", FIELD_ARRAY, false, NULL},
    {"options", FIELD_OBJECT, false, options_fields},
    END_FIELDS,
};
static const request_field list_fields[] = {
    COMMON_FIELDS,
    {"grep", FIELD_STRING, false, NULL},
    {"since", FIELD_STRING, false, NULL},
    END_FIELDS,
};
/* get and delete name one saved article by its page URL or its path. */
static const request_field locate_fields[] = {
    COMMON_FIELDS,
    {"url", FIELD_STRING, false, NULL},
    {"path", FIELD_STRING, false, NULL},
    END_FIELDS,
};
static const request_field no_fields[] = {COMMON_FIELDS, END_FIELDS};

static const struct {
    const char *type;
    handler_fn *handle;
    const request_field *fields;
} handlers[] = {
    {"extract", handle_extract, extract_fields}, {"probe", handle_probe, probe_fields},
    {"save", handle_save, save_request_fields},          {"list", handle_list, list_fields},
    {"get", handle_get, locate_fields},          {"delete", handle_delete, locate_fields},
    {"version", handle_version, no_fields},
};

/* The handler for the request's type, once its fields have been checked. */
static handler_fn *find_handler(const cJSON *req, outcome *out)
{
    const char *type;
    if (string_field(req, "type", true, &type, out))
        return NULL;
    for (size_t i = 0; i < sizeof handlers / sizeof *handlers; i++) {
        if (strcmp(type, handlers[i].type) != 0)
            continue;
        if (request_check(req, handlers[i].fields, out->message, sizeof out->message) != 0) {
            out->code = E_BAD_REQUEST;
            return NULL;
        }
        return handlers[i].handle;
    }
    refuse(out, E_BAD_REQUEST, "unknown request type \"%.200s\"", type);
    return NULL;
}

/* {id, ok: true} for the reply to `req` (id null when absent). */
static cJSON *reply_skeleton(const cJSON *id)
{
    cJSON *reply = cJSON_CreateObject();
    if (!reply || !add_id(reply, id) || !cJSON_AddTrueToObject(reply, "ok")) {
        cJSON_Delete(reply);
        return NULL;
    }
    return reply;
}

static void mark_failed(cJSON *reply, const outcome *out)
{
    cJSON *error = cJSON_CreateObject();
    cJSON_ReplaceItemInObjectCaseSensitive(reply, "ok", cJSON_CreateFalse());
    if (error) {
        cJSON_AddStringToObject(error, "code", out->code);
        cJSON_AddStringToObject(error, "message", out->message);
        cJSON_AddItemToObject(reply, "error", error);
    }
}

/* The id of a parsed request, if it is small enough to echo. */
static const cJSON *request_id(const cJSON *req, outcome *out)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "id");
    char *text = id ? cJSON_PrintUnformatted(id) : NULL;
    size_t len = text ? strlen(text) : 0;
    free(text);
    if (len > MAX_ID_BYTES) {
        refuse(out, E_BAD_REQUEST, "id longer than %d bytes", MAX_ID_BYTES);
        return NULL;
    }
    return id;
}

/* Answer one frame's bytes. */
static cJSON *answer(const char *frame, size_t len, const session *s)
{
    outcome out = {NULL, ""};
    cJSON *req = NULL;
    const cJSON *id = NULL;
    request_status parsed = request_parse(frame, len, &req, out.message, sizeof out.message);
    if (parsed == REQUEST_BAD_UTF8)
        out.code = E_BAD_UTF8;
    else if (parsed == REQUEST_BAD_JSON)
        out.code = E_BAD_JSON;
    else if (!cJSON_IsObject(req))
        refuse(&out, E_BAD_REQUEST, "the message must be a JSON object");
    else {
        id = request_id(req, &out);
        if (!out.code && parsed == REQUEST_NUL)
            out.code = E_BAD_REQUEST;   /* request_parse wrote the message */
    }
    cJSON *reply = reply_skeleton(id);
    handler_fn *handle = reply && !out.code ? find_handler(req, &out) : NULL;
    if (handle)
        handle(req, reply, s, &out);
    if (reply && out.code)
        mark_failed(reply, &out);
    cJSON_Delete(req);
    return reply;
}

static cJSON *too_large_reply(uint32_t len, const session *s)
{
    outcome out = {E_TOO_LARGE, ""};
    snprintf(out.message, sizeof out.message,
             "message of %u bytes is over the host's limit of %zu bytes", len, s->max_message);
    cJSON *reply = reply_skeleton(NULL);
    if (reply)
        mark_failed(reply, &out);
    return reply;
}

/* ------------------------------------------------------------ the loop */

static int report_stream_end(io_result r, const char *where)
{
    if (r == IO_EOF)
        return 0;
    fprintf(stderr, LOG_PREFIX "%s %s; stopping\n", where,
            r == IO_TRUNCATED ? "ended early" : strerror(errno));
    return 1;
}

/* Read one frame and answer it. Returns -1 to go on, else the exit
 * status. */
static int serve_one(const session *s)
{
    uint32_t len;
    io_result r = read_exact(s->in_fd, &len, sizeof len);
    if (r != IO_OK)
        return report_stream_end(r, "message length:");
    cJSON *reply = NULL;   /* send_reply reports NULL as "internal" */
    if (len > s->max_message) {
        r = discard(s->in_fd, len);
        if (r != IO_OK)
            return report_stream_end(r, "oversized message:");
        reply = too_large_reply(len, s);
    } else {
        char *frame;
        size_t got;
        r = read_body(s->in_fd, len, &frame, &got);
        if (r == IO_TRUNCATED) {
            fprintf(stderr, LOG_PREFIX "message body: the stream ended early, after %zu of "
                    "the %u bytes declared; stopping\n", got, len);
            return 1;
        }
        if (r != IO_OK && r != IO_NO_MEMORY)
            return report_stream_end(r, "message body:");
        if (frame)
            reply = answer(frame, len, s);
        free(frame);
    }
    int sent = send_reply(s, reply);
    cJSON_Delete(reply);
    if (sent == 0)
        return -1;
    if (errno == EPIPE)
        return 0;   /* the browser closed the port: a normal end */
    fprintf(stderr, LOG_PREFIX "cannot write reply: %s\n", strerror(errno));
    return 1;
}

static bool is_firefox_manifest(const char *arg)
{
    size_t n = strlen(arg);
    return arg[0] == '/' && n > 5 && strcmp(arg + n - 5, ".json") == 0;
}

bool native_should_serve(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--native") == 0)
            return true;
    if (argc < 2)
        return false;
    return strncmp(argv[1], "chrome-extension://", 19) == 0 ||
           (argc >= 3 && is_firefox_manifest(argv[1]));
}

static const char native_usage[] =
    "usage: readmode --native [--max-message BYTES] [--library DIR]\n";

/* Options of an explicit --native start; a browser's own arguments
 * (origin, manifest path, add-on id, --parent-window=N) are only logged.
 * Returns -1 to go on, else the exit status. */
static int parse_native_args(int argc, char **argv, session *s)
{
    static const struct option options[] = {
        {"native", no_argument, NULL, 'n'},
        {"max-message", required_argument, NULL, 'm'},
        {"library", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    if (argc >= 2 && strcmp(argv[1], "--native") != 0) {
        fprintf(stderr, LOG_PREFIX "started by %s\n", argv[1]);
        return -1;
    }
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", options, NULL)) != -1;) {
        char *end;
        if (c == 'm') {
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || *end || v == 0 || v > UINT32_MAX || optarg[0] == '-') {
                fprintf(stderr, "readmode: --max-message wants 1..%u bytes\n", UINT32_MAX);
                return 2;
            }
            s->max_message = (size_t)v;
        } else if (c == 'l') {
            s->library_arg = optarg;
        } else if (c != 'n') {
            fputs(native_usage, stderr);
            return 2;
        }
    }
    if (optind != argc) {
        fputs(native_usage, stderr);
        return 2;
    }
    return -1;
}

int native_serve(int in_fd, int out_fd, size_t max_message, const char *library)
{
    session s = {max_message, library, in_fd, out_fd, rm_workspace_new(0)};
    int rc;
    while ((rc = serve_one(&s)) < 0)
        ;
    rm_workspace_free(s.workspace);
    return rc;
}

int native_main(int argc, char **argv)
{
    session s = {NATIVE_DEFAULT_MAX_MESSAGE, NULL, STDIN_FILENO, STDOUT_FILENO, NULL};
    int rc = parse_native_args(argc, argv, &s);
    if (rc >= 0)
        return rc;
    signal(SIGPIPE, SIG_IGN);   /* a closed port shows up as EPIPE instead */
    signal(SIGXFSZ, SIG_IGN);   /* a file-size limit fails a save with EFBIG */
    return native_serve(s.in_fd, s.out_fd, s.max_message, s.library_arg);
}
