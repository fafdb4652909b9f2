/*
 * save_images.h — the images that travel with a saved article.
 *
 * The extension fetches an article's images and sends them with the save
 * request as base64; data: URIs already in the article count too. Each is
 * decoded, capped and identified by its bytes (never by the type the
 * request claims), then offered to the renderer through an
 * rm_image_resolver: as a data: URI (HTML), a file in NAME.assets/
 * (Markdown) or an item of the book (EPUB).
 */
#ifndef RM_SAVE_IMAGES_H
#define RM_SAVE_IMAGES_H

#include <stdbool.h>
#include <stddef.h>

/* Caps on what a save request may carry, decoded (README, "Saving"). An
 * image over the first, or past the second, is counted missing. */
#define SAVE_IMAGE_MAX_BYTES (5u << 20)
#define SAVE_IMAGES_MAX_BYTES (25u << 20)

/* One image as the request gives it (borrowed strings). */
typedef struct {
    const char *url;
    const char *data;   /* base64, white space allowed */
} save_image_in;

typedef struct {
    char *url;             /* absolute URL the article names it by */
    unsigned char *bytes;
    size_t len;
    const char *mime;      /* sniffed: image/png, image/jpeg, ... */
    const char *ext;       /* png, jpg, ... */
    char *data_uri;        /* built on demand */
    char *local;           /* relative path or item href, when used */
    bool used;
} save_image;

typedef struct {
    save_image *items;
    size_t count;
    size_t total_bytes;
} save_images;

/* Decode `in` into *set. Returns 0, or -1 with err naming the image when
 * an entry is not base64 (the caller's request is malformed). Images over
 * the caps, or whose bytes are no known image type, are left out: the
 * article then keeps them as links, counted missing. */
int save_images_load(save_images *set, const save_image_in *in, size_t count, char *err,
                     size_t errlen);
void save_images_free(save_images *set);

/* The image named `url` (a data: URI is decoded and added), or NULL. */
save_image *save_images_find(save_images *set, const char *url);

/* The image as a data: URI of its sniffed type (kept in img), or NULL
 * when out of memory. */
const char *save_image_data_uri(save_image *img);

/* image/png etc. for these bytes, or NULL when no known image type; *ext
 * gets the file extension. */
const char *save_image_sniff(const unsigned char *bytes, size_t len, const char **ext);

/* Is `s` base64 as save_base64_decode takes it? */
bool save_base64_valid(const char *s);

/* Decode base64 (RFC 4648, white space ignored, padding optional). Returns
 * the malloc'd bytes, or NULL when invalid or out of memory. */
unsigned char *save_base64_decode(const char *s, size_t n, size_t *len);

#endif
