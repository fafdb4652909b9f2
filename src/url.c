/*
 * url.c — TEMPORARY stub of url_resolve so the metadata branch builds before
 * the real RFC 3986 resolver lands on main. The lead drops this commit at
 * merge; it handles only absolute, scheme-relative, root-relative and
 * path-relative references, without dot-segment removal.
 */
#include "url.h"

#include <stdlib.h>
#include <string.h>

static char *concat(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    char *out = malloc(alen + blen + 1);
    if (!out)
        return NULL;
    memcpy(out, a, alen);
    memcpy(out + alen, b, blen + 1);
    return out;
}

static int has_scheme(const char *ref)
{
    size_t n = strspn(ref, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    return n > 0 && ref[n] == ':';
}

char *url_resolve(const char *base, const char *ref)
{
    if (!base || has_scheme(ref))
        return strdup(ref);
    const char *scheme_end = strstr(base, "://");
    if (!scheme_end)
        return strdup(ref);
    if (ref[0] == '/' && ref[1] == '/')
        return concat(base, (size_t)(scheme_end + 1 - base), ref);
    const char *host_end = strchr(scheme_end + 3, '/');
    size_t origin = host_end ? (size_t)(host_end - base) : strlen(base);
    if (ref[0] == '/')
        return concat(base, origin, ref);
    const char *slash = strrchr(base + origin, '/');
    if (!slash)
        return concat(base, origin, ref[0] ? "/" : "");
    return concat(base, (size_t)(slash + 1 - base), ref);
}

int url_is_safe(const char *url, int is_image)
{
    (void)is_image;
    return strncmp(url, "javascript:", 11) != 0;
}
