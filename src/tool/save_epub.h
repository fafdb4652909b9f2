/*
 * save_epub.h — an article as an EPUB 3 book (libzip), and reading one
 * back.
 *
 * The book holds one chapter (EPUB/article.xhtml) with the article's
 * reader HTML turned into XHTML, its images, a navigation document and the
 * package metadata e-readers show: title, author, date, language, source.
 * The chapter's <head> carries the same readmode:* <meta> tags as a saved
 * HTML page, which is what `list` reads.
 */
#ifndef RM_SAVE_EPUB_H
#define RM_SAVE_EPUB_H

#include "readmode.h"
#include "save_images.h"
#include <stddef.h>

/* Where the chapter's images live inside the book. */
#define EPUB_IMAGE_DIR "images/"

typedef struct {
    const rm_article *a;      /* metadata */
    const char *url;          /* canonical or source URL, or NULL */
    const char *saved_at;     /* ISO 8601 UTC */
    const char *html;         /* body: reader HTML whose images point into
                                 EPUB_IMAGE_DIR */
    const save_images *images;  /* those with `used` and `local` set go in */
} save_epub_doc;

/* The book's bytes (malloc'd) in *data. 0, or -1 with err. */
int save_epub_build(const save_epub_doc *d, char **data, size_t *len, char *err,
                    size_t errlen);

/* The chapter's XHTML (malloc'd, NUL-terminated) of the book at `path`,
 * or NULL with err. */
char *save_epub_read_chapter(const char *path, size_t *len, char *err, size_t errlen);

/* The bytes of the book's image at `href` (relative to the chapter), or
 * NULL. */
unsigned char *save_epub_read_image(const char *path, const char *href, size_t *len);

/* Is this image type one every EPUB reader must show (EPUB 3 core media
 * types)? Others are left out of books. */
int save_epub_core_image(const char *mime);

#endif
