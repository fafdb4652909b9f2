/*
 * url.c — TEMPORARY stub so the render branch builds and its tests run
 * before the real RFC 3986 resolver lands on main. The lead drops this
 * commit at merge time.
 */
#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static size_t scheme_len(const char *s)
{
    size_t i = 0;
    if (!isalpha((unsigned char)s[0]))
        return 0;
    while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
        i++;
    return s[i] == ':' ? i : 0;
}

static char *join(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    char *r = malloc(alen + blen + 1);
    if (!r)
        return NULL;
    memcpy(r, a, alen);
    memcpy(r + alen, b, blen + 1);
    return r;
}

char *url_resolve(const char *base, const char *ref)
{
    if (!base || scheme_len(ref))
        return join("", 0, ref);
    size_t sl = scheme_len(base);
    if (ref[0] == '/' && ref[1] == '/')
        return join(base, sl + 1, ref);
    const char *host = strstr(base, "://");
    size_t auth_end = host ? (size_t)(strcspn(host + 3, "/?#") + (size_t)(host + 3 - base)) : 0;
    if (ref[0] == '/')
        return join(base, auth_end, ref);
    if (ref[0] == '#' || ref[0] == '?' || ref[0] == '\0')
        return join(base, ref[0] == '#' ? strcspn(base, "#") : strcspn(base, "?#"), ref);
    size_t path_end = strcspn(base, "?#");
    size_t dir = path_end;
    while (dir > auth_end && base[dir - 1] != '/')
        dir--;
    if (dir > auth_end)
        return join(base, dir, ref);
    char *root = join(base, auth_end, "/");
    char *r = root ? join(root, strlen(root), ref) : NULL;
    free(root);
    return r;
}

int url_is_safe(const char *url, int is_image)
{
    size_t sl = scheme_len(url);
    if (!sl)
        return 1;
    if ((sl == 4 && !strncasecmp(url, "http", 4)) || (sl == 5 && !strncasecmp(url, "https", 5)) ||
        (sl == 6 && !strncasecmp(url, "mailto", 6)))
        return 1;
    return is_image && sl == 4 && !strncasecmp(url, "data:image/", 11) &&
           strncasecmp(url, "data:image/svg", 14) != 0;
}
