/*
 * metadata.h — article metadata from <head> meta tags, JSON-LD and markup.
 *
 * Sources, strongest first: schema.org JSON-LD (headline, author,
 * datePublished, publisher, articleBody), OpenGraph / twitter / article:
 * meta, Dublin Core and plain meta names, then the document itself
 * (<title> minus site-name suffixes, rel=author / byline markup,
 * <html lang dir>, rel=canonical).
 */
#ifndef RM_METADATA_H
#define RM_METADATA_H

#include "dom.h"

typedef struct {
    char *title;
    char *byline;
    char *site_name;
    char *published;     /* ISO 8601 */
    char *lang;
    char *dir;
    char *excerpt;
    char *url;           /* canonical, absolute */
    char *ld_body;       /* JSON-LD articleBody text, for cross-checks */
    char *product_description; /* JSON-LD Product description, plain text */
    int32_t byline_node; /* element holding the byline in the page, or RM_NONE */
} rm_metadata;

/* Collect metadata. page_url (may be NULL) resolves relative canonical URLs.
 * Returns 0, or -1 when out of memory (md is then freed). */
int metadata_collect(const rm_dom *dom, const char *page_url, rm_metadata *md);
void metadata_free(rm_metadata *md);

#endif
