/*
 * save_markdown.c — a saved Markdown article back as reader HTML.
 *
 * cmark-gfm (GitHub's CommonMark, with the table and strikethrough
 * extensions readmode's Markdown uses) turns the body into HTML; raw HTML
 * in the Markdown is left out (cmark's safe default), and the result still
 * goes through rm_sanitize, the reader allow-list, like every article the
 * reader shows. Images that the save stored in NAME.assets/ are read back
 * as data: URIs, so the article opens with the network off; any other
 * relative link is not followed.
 */
#include "save_markdown.h"
#include "save_images.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The GFM extensions readmode's Markdown renderer writes. */
static const char *const extensions[] = {"table", "strikethrough"};

/* Largest image file read back (the save caps images at this size). */
#define ASSET_MAX_BYTES SAVE_IMAGE_MAX_BYTES

static char *markdown_to_html(const char *md, size_t len)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    if (!parser)
        return NULL;
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
        if (ext)
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, md, len);
    cmark_node *doc = cmark_parser_finish(parser);
    char *rendered = doc ? cmark_render_html(doc, CMARK_OPT_DEFAULT,
                                             cmark_parser_get_syntax_extensions(parser))
                         : NULL;
    char *html = rendered ? strdup(rendered) : NULL;
    if (rendered)
        cmark_get_default_mem_allocator()->free(rendered);
    if (doc)
        cmark_node_free(doc);
    cmark_parser_free(parser);
    return html;
}

/* "%20" and friends decoded; NULL when a "%" is malformed or gives NUL. */
static char *url_decode(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; out && *s; s++) {
        unsigned v;
        if (*s != '%') {
            *o++ = *s;
        } else if (sscanf(s + 1, "%2x", &v) == 1 && v != 0 && s[1] && s[2] &&
                   strchr("0123456789abcdefABCDEF", s[1]) && strchr("0123456789abcdefABCDEF", s[2])) {
            *o++ = (char)v;
            s += 2;
        } else {
            free(out);
            return NULL;
        }
    }
    if (out)
        *o = '\0';
    return out;
}

/* The images of one article, read back while it is rendered. */
typedef struct {
    const char *path;     /* the saved .md file */
    save_images set;
} assets;

/* The bytes of "NAME.assets/FILE" beside the article: only that folder,
 * one level, no "..", no links followed. */
static unsigned char *read_asset(const char *article, const char *rel, size_t *len)
{
    const char *slash = strchr(rel, '/');
    if (!slash || strchr(slash + 1, '/') || strstr(rel, "..") || rel[0] == '.' ||
        (size_t)(slash - rel) < 8 || strncmp(slash - 7, ".assets", 7) != 0)
        return NULL;
    const char *dir_end = strrchr(article, '/');
    size_t dlen = dir_end ? (size_t)(dir_end - article) : 0;
    char *full = malloc(dlen + strlen(rel) + 2);
    if (!full)
        return NULL;
    snprintf(full, dlen + strlen(rel) + 2, "%.*s/%s", (int)dlen, article, rel);
    int fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    free(full);
    struct stat st;
    unsigned char *bytes = NULL;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        st.st_size <= (off_t)ASSET_MAX_BYTES && (bytes = malloc((size_t)st.st_size + 1)) &&
        read(fd, bytes, (size_t)st.st_size) == st.st_size) {
        *len = (size_t)st.st_size;
    } else {
        free(bytes);
        bytes = NULL;
    }
    if (fd >= 0)
        close(fd);
    return bytes;
}

static const char *asset_image(void *ctx, const char *url)
{
    assets *a = ctx;
    if (strchr(url, ':'))
        return url;   /* a web image: a link kept as it is */
    char *rel = url_decode(url);
    size_t len = 0;
    unsigned char *bytes = rel ? read_asset(a->path, rel, &len) : NULL;
    free(rel);
    const char *ext;
    const char *mime = bytes ? save_image_sniff(bytes, len, &ext) : NULL;
    save_image *grown = mime ? realloc(a->set.items, (a->set.count + 1) * sizeof *grown) : NULL;
    char *key = grown ? strdup(url) : NULL;
    if (grown)
        a->set.items = grown;
    if (!key) {
        free(bytes);
        return NULL;
    }
    save_image *img = &a->set.items[a->set.count++];
    *img = (save_image){.url = key, .bytes = bytes, .len = len, .mime = mime, .ext = ext};
    return save_image_data_uri(img);
}

rm_article *save_markdown_article(const char *path, const char *body, size_t len)
{
    char *html = markdown_to_html(body, len);
    if (!html)
        return NULL;
    assets a = {path, {0}};
    rm_image_resolver resolver = {asset_image, &a};
    rm_options opt = rm_default_options;
    opt.formats = RM_FORMAT_TEXT | RM_FORMAT_HTML;
    opt.charset = "utf-8";
    opt.max_input_bytes = 0;
    rm_article *out = NULL;
    rm_status st = rm_sanitize(html, strlen(html), &opt, &resolver, &out);
    free(html);
    save_images_free(&a.set);
    if (st != RM_OK)
        return NULL;
    if (!(out->markdown = strndup(body, len))) {
        rm_article_free(out);
        return NULL;
    }
    return out;
}
