/*
 * save_images.c — decode, cap and identify the images of a saved article
 * (see save_images.h). Base64 is short enough to do here; the formats are
 * told apart by their signatures, as browsers sniff images (WHATWG
 * MIME Sniffing, "matching an image type pattern"), plus SVG's root tag.
 */
#include "save_images.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------- base64 */

static int base64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;   /* '-' and '_': the URL-safe alphabet */
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

unsigned char *save_base64_decode(const char *s, size_t n, size_t *len)
{
    unsigned char *out = malloc(n / 4 * 3 + 3);
    if (!out)
        return NULL;
    size_t o = 0, pad = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '=') {
            pad++;
            continue;
        }
        int v = base64_value(c);
        if (v < 0 || pad) {   /* a bad character, or data after padding */
            free(out);
            return NULL;
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
        }
    }
    if (bits >= 6 || pad > 2) {   /* a lone trailing character */
        free(out);
        return NULL;
    }
    *len = o;
    return out;
}

bool save_base64_valid(const char *s)
{
    size_t pad = 0, chars = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '=')
            pad++;
        else if (base64_value(c) < 0 || pad)
            return false;
        else
            chars++;
    }
    return pad <= 2 && chars % 4 != 1;
}

static char *base64_encode(const unsigned char *in, size_t n, const char *prefix)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t plen = strlen(prefix);
    char *out = malloc(plen + (n + 2) / 3 * 4 + 1);
    if (!out)
        return NULL;
    memcpy(out, prefix, plen);
    char *o = out + plen;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        *o++ = alphabet[v >> 18 & 63];
        *o++ = alphabet[v >> 12 & 63];
        *o++ = i + 1 < n ? alphabet[v >> 6 & 63] : '=';
        *o++ = i + 2 < n ? alphabet[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

/* ------------------------------------------------------------ sniffing */

/* Image signatures (WHATWG MIME Sniffing §6.1). */
static const struct {
    const char *magic;
    size_t len;
    size_t offset;
    const char *mime, *ext;
} signatures[] = {
    {"\x89PNG\r\n\x1a\n", 8, 0, "image/png", "png"},
    {"\xff\xd8\xff", 3, 0, "image/jpeg", "jpg"},
    {"GIF87a", 6, 0, "image/gif", "gif"},
    {"GIF89a", 6, 0, "image/gif", "gif"},
    {"WEBPVP", 6, 8, "image/webp", "webp"},
    {"ftypavif", 8, 4, "image/avif", "avif"},
};

static bool is_svg(const unsigned char *b, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 4 <= n; i++)
        if (b[i] == '<' && strncasecmp((const char *)b + i + 1, "svg", 3) == 0)
            return true;
    return false;
}

const char *save_image_sniff(const unsigned char *bytes, size_t len, const char **ext)
{
    for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++) {
        size_t end = signatures[i].offset + signatures[i].len;
        if (len >= end && memcmp(bytes + signatures[i].offset, signatures[i].magic,
                                 signatures[i].len) == 0 &&
            (signatures[i].offset != 8 || memcmp(bytes, "RIFF", 4) == 0)) {
            *ext = signatures[i].ext;
            return signatures[i].mime;
        }
    }
    if (len > 0 && (bytes[0] == '<' || bytes[0] == ' ' || bytes[0] == '\n') &&
        is_svg(bytes, len)) {
        *ext = "svg";
        return "image/svg+xml";
    }
    return NULL;
}

/* ------------------------------------------------------------- the set */

/* Take `bytes` into the set under `url` (both owned on success). Returns
 * the new image, or NULL when refused (caps, type) or out of memory. */
static save_image *add_image(save_images *set, char *url, unsigned char *bytes, size_t len)
{
    const char *ext = NULL;
    const char *mime = save_image_sniff(bytes, len, &ext);
    save_image *grown = NULL;
    if (mime && len <= SAVE_IMAGE_MAX_BYTES && set->total_bytes + len <= SAVE_IMAGES_MAX_BYTES)
        grown = realloc(set->items, (set->count + 1) * sizeof *set->items);
    if (!grown) {
        free(url);
        free(bytes);
        return NULL;
    }
    set->items = grown;
    save_image *img = &set->items[set->count++];
    *img = (save_image){.url = url, .bytes = bytes, .len = len, .mime = mime, .ext = ext};
    set->total_bytes += len;
    return img;
}

int save_images_load(save_images *set, const save_image_in *in, size_t count, char *err,
                     size_t errlen)
{
    memset(set, 0, sizeof *set);
    for (size_t i = 0; i < count; i++) {
        size_t len = 0;
        size_t n = strlen(in[i].data);
        if (n / 4 * 3 > SAVE_IMAGE_MAX_BYTES + 3)
            continue;   /* over the cap: not worth decoding */
        unsigned char *bytes = save_base64_decode(in[i].data, n, &len);
        if (!bytes) {
            snprintf(err, errlen, "field \"images[%zu].data\" is not base64", i);
            save_images_free(set);
            return -1;
        }
        char *url = strdup(in[i].url);
        if (!url) {
            free(bytes);
            snprintf(err, errlen, "out of memory");
            save_images_free(set);
            return -1;
        }
        add_image(set, url, bytes, len);
    }
    return 0;
}

void save_images_free(save_images *set)
{
    for (size_t i = 0; i < set->count; i++) {
        free(set->items[i].url);
        free(set->items[i].bytes);
        free(set->items[i].data_uri);
        free(set->items[i].local);
    }
    free(set->items);
    memset(set, 0, sizeof *set);
}

/* "data:[type][;base64],payload": the decoded payload of a base64 data:
 * URI; percent-encoded ones (rare for raster images) are not taken. */
static save_image *add_data_uri(save_images *set, const char *url)
{
    const char *comma = strchr(url, ',');
    if (!comma || comma - url < 12 || strncasecmp(comma - 7, ";base64", 7) != 0)
        return NULL;
    size_t len = 0;
    unsigned char *bytes = save_base64_decode(comma + 1, strlen(comma + 1), &len);
    char *copy = bytes ? strdup(url) : NULL;
    if (!copy) {
        free(bytes);
        return NULL;
    }
    return add_image(set, copy, bytes, len);
}

save_image *save_images_find(save_images *set, const char *url)
{
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(set->items[i].url, url) == 0)
            return &set->items[i];
    if (strncasecmp(url, "data:", 5) == 0)
        return add_data_uri(set, url);
    return NULL;
}

const char *save_image_data_uri(save_image *img)
{
    if (!img->data_uri) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "data:%s;base64,", img->mime);
        img->data_uri = base64_encode(img->bytes, img->len, prefix);
    }
    return img->data_uri;
}
