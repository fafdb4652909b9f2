/*
 * save_format.h — the saved file of each format: writing one, and reading
 * back the header `list` shows (save_format.c).
 */
#ifndef RM_SAVE_FORMAT_H
#define RM_SAVE_FORMAT_H

#include "save.h"
#include <stdbool.h>
#include <stdio.h>

/* What every writer needs. */
typedef struct {
    const rm_article *a;
    const char *url;        /* canonical or source URL; may be NULL */
    const char *saved_at;   /* ISO 8601 UTC */
    const char *html;       /* body as reader HTML, or NULL */
    const char *markdown;   /* body as Markdown, or NULL */
    const char *text;       /* body as text, or NULL */
    bool remote_images;     /* the body may link images on the web */
} save_doc;

/* Write the md, txt or html file of `d` (EPUB: save_epub.c). */
void save_render(FILE *f, save_format format, const save_doc *d);

/* Where the header of a file of `format` ends in its first n bytes, or
 * NULL when more must be read. */
const char *save_header_end(save_format format, const char *head, size_t n);

/* The header's title, url, site and saved_at into *e. */
void save_read_header(save_format format, const char *head, size_t n, save_entry *e);

/* Where the article body starts in a whole saved file (or EPUB chapter). */
const char *save_body_start(save_format format, const char *doc, size_t n);

/* Plain text as HTML paragraphs (blank lines separate them), escaped. */
void save_put_text_paragraphs(FILE *f, const char *text);

#endif
