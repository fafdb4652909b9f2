/*
 * url.h — resolve relative references against a base URL (RFC 3986 §5).
 */
#ifndef RM_URL_H
#define RM_URL_H

/* malloc'd absolute URL for `ref` against `base` (either may be NULL: a NULL
 * base returns a copy of ref). Returns NULL when out of memory. */
char *url_resolve(const char *base, const char *ref);

/* Is this URL safe to emit in reader HTML (http, https, mailto, relative;
 * not javascript:, vbscript:, data: except images)? */
int url_is_safe(const char *url, int is_image);

#endif
