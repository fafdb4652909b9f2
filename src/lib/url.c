/*
 * url.c — resolve relative references and vet URLs for reader HTML.
 *
 * Links and images in an article are usually relative to the page; the
 * reader view and saved copies live elsewhere, so every URL is made
 * absolute with RFC 3986 §5.2 "reference resolution" (strict parser: a
 * reference with a scheme is never treated as relative). Before parsing,
 * a reference is cleaned the way browsers clean an href (WHATWG URL
 * Standard: leading and trailing C0 controls and spaces are trimmed, tabs
 * and newlines anywhere are removed), so " /a\n/b " resolves as "/a/b".
 * For the Standard's special schemes (http, https, ftp, ws, wss, file) the
 * parser's other departures from RFC 3986 apply too: a backslash is a
 * slash ("https:\\example.com\\x" is https://example.com/x), "http:g"
 * against an http base is relative, any number of slashes may follow the
 * scheme ("https:/example.com"), and the result is normalised as browsers
 * show it: lower-case scheme and host, no default port, "/" for an empty
 * path.
 *
 * url_is_safe is an allowlist: an attribute value a browser would run as
 * script ("javascript:", "vbscript:", "data:text/html", SVG images that can
 * carry script) must never reach reader HTML, whatever case or hidden
 * white space it is written with.
 */
#include "url.h"

#include <stdlib.h>
#include <string.h>

/* A slice of a string; `defined` distinguishes "absent" from "empty"
 * (RFC 3986 §5.2.1: "http://a?" has an empty, but defined, query). */
typedef struct {
    const char *s;
    size_t n;
    int defined;
} slice;

typedef struct {
    slice scheme, authority, path, query, fragment;
} uri;

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_scheme_char(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/* Characters the WHATWG URL parser trims from both ends, and those it
 * deletes anywhere. */
static int is_c0_or_space(unsigned char c)
{
    return c <= 0x20;
}

static int is_tab_or_newline(char c)
{
    return c == '\t' || c == '\n' || c == '\r';
}

/* Length of the scheme (before ':') at the start of s, or 0 if none. */
static size_t scheme_length(const char *s, size_t n)
{
    if (n == 0 || !is_alpha(s[0]))
        return 0;
    size_t i = 1;
    while (i < n && is_scheme_char(s[i]))
        i++;
    return i < n && s[i] == ':' ? i : 0;
}

static slice take_until(const char **p, const char *end, const char *stops)
{
    slice part = {*p, 0, 1};
    while (*p < end && !strchr(stops, **p))
        (*p)++;
    part.n = (size_t)(*p - part.s);
    return part;
}

/* Split a URI reference into its five components (RFC 3986 Appendix B). */
static uri split(const char *s, size_t n)
{
    uri u = {0};
    const char *p = s, *end = s + n;
    size_t scheme = scheme_length(s, n);
    if (scheme) {
        u.scheme = (slice){s, scheme, 1};
        p += scheme + 1;
    }
    if (end - p >= 2 && p[0] == '/' && p[1] == '/') {
        p += 2;
        u.authority = take_until(&p, end, "/?#");
    }
    u.path = take_until(&p, end, "?#");
    if (p < end && *p == '?') {
        p++;
        u.query = take_until(&p, end, "#");
    }
    if (p < end && *p == '#') {
        p++;
        u.fragment = (slice){p, (size_t)(end - p), 1};
    }
    return u;
}

/* ------------------------------------------------------------------ */
/* Paths                                                               */
/* ------------------------------------------------------------------ */

static int has_prefix(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && !memcmp(s, prefix, k);
}

static int equals(const char *s, size_t n, const char *word)
{
    return n == strlen(word) && !memcmp(s, word, n);
}

/* Drop the last segment and its preceding '/' from the output. */
static void pop_segment(char *out, size_t *len)
{
    while (*len > 0 && out[*len - 1] != '/')
        (*len)--;
    if (*len > 0)
        (*len)--;
}

/* RFC 3986 §5.2.4 remove_dot_segments, step by step. `out` has room for
 * n bytes: the result is never longer than the input. */
static size_t remove_dot_segments(const char *in, size_t n, char *out)
{
    size_t len = 0;
    while (n > 0) {
        if (has_prefix(in, n, "../") || has_prefix(in, n, "./")) {          /* A */
            size_t skip = in[0] == '.' && in[1] == '.' ? 3 : 2;
            in += skip;
            n -= skip;
        } else if (has_prefix(in, n, "/./") || equals(in, n, "/.")) {       /* B */
            in = n == 2 ? "/" : in + 2;
            n = n == 2 ? 1 : n - 2;
        } else if (has_prefix(in, n, "/../") || equals(in, n, "/..")) {     /* C */
            in = n == 3 ? "/" : in + 3;
            n = n == 3 ? 1 : n - 3;
            pop_segment(out, &len);
        } else if (equals(in, n, ".") || equals(in, n, "..")) {             /* D */
            n = 0;
        } else {                                                            /* E */
            size_t seg = in[0] == '/';
            while (seg < n && in[seg] != '/')
                seg++;
            memcpy(out + len, in, seg);
            len += seg;
            in += seg;
            n -= seg;
        }
    }
    return len;
}

/* ------------------------------------------------------------------ */
/* Resolution                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    char *buf;
    size_t len;
} builder;

static void put(builder *b, const char *s, size_t n)
{
    memcpy(b->buf + b->len, s, n);
    b->len += n;
}

/* RFC 3986 §5.3 component recomposition. */
static void recompose(builder *b, const uri *t)
{
    if (t->scheme.defined) {
        put(b, t->scheme.s, t->scheme.n);
        put(b, ":", 1);
    }
    if (t->authority.defined) {
        put(b, "//", 2);
        put(b, t->authority.s, t->authority.n);
    }
    put(b, t->path.s, t->path.n);
    if (t->query.defined) {
        put(b, "?", 1);
        put(b, t->query.s, t->query.n);
    }
    if (t->fragment.defined) {
        put(b, "#", 1);
        put(b, t->fragment.s, t->fragment.n);
    }
}

/* RFC 3986 §5.2.3 merge, written into `scratch`. */
static slice merge(const uri *base, const slice *ref_path, char *scratch)
{
    size_t n = 0;
    if (base->authority.defined && base->path.n == 0) {
        scratch[n++] = '/';
    } else {
        const char *slash = NULL;
        for (size_t i = 0; i < base->path.n; i++)
            if (base->path.s[i] == '/')
                slash = base->path.s + i;
        if (slash) {
            n = (size_t)(slash - base->path.s) + 1;
            memcpy(scratch, base->path.s, n);
        }
    }
    memcpy(scratch + n, ref_path->s, ref_path->n);
    return (slice){scratch, n + ref_path->n, 1};
}

/* RFC 3986 §5.2.2 "transform references"; `paths` has room for the
 * merged path and the dot-free path. Fills *t. */
static void transform(const uri *base, const uri *ref, char *paths, size_t half, uri *t)
{
    slice path = ref->path;
    *t = *ref;
    if (!ref->scheme.defined) {
        t->scheme = base->scheme;
        if (!ref->authority.defined) {
            t->authority = base->authority;
            if (ref->path.n == 0) {
                path = base->path;
                if (!ref->query.defined)
                    t->query = base->query;
            } else if (ref->path.s[0] != '/') {
                path = merge(base, &ref->path, paths);
            }
        }
    }
    if (path.n == 0 || path.s == base->path.s) {
        t->path = path;
        return;
    }
    t->path = (slice){paths + half, remove_dot_segments(path.s, path.n, paths + half), 1};
}

/* Copy with the WHATWG URL parser's cleaning: trim C0 controls and spaces
 * from both ends, delete tabs and newlines. */
static char *clean_copy(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && is_c0_or_space((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && is_c0_or_space((unsigned char)s[n - 1]))
        n--;
    char *out = malloc(n + 3);   /* room for the "//" read_special may add */
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_tab_or_newline(s[i]))
            out[k++] = s[i];
    out[k] = '\0';
    *len = k;
    return out;
}

/* ------------------------------------------------------------------ */
/* WHATWG special schemes                                              */
/* ------------------------------------------------------------------ */

/* The special schemes and their default ports (URL Standard §4.1). */
static const struct {
    const char *scheme;
    const char *default_port;
} special_schemes[] = {
    {"http", "80"}, {"https", "443"}, {"ftp", "21"}, {"ws", "80"}, {"wss", "443"}, {"file", ""},
};

static int equals_ci(const char *s, size_t n, const char *word);

static int special_index(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof special_schemes / sizeof special_schemes[0]; i++)
        if (equals_ci(s, n, special_schemes[i].scheme))
            return (int)i;
    return -1;
}

/* Rewrite a cleaned reference (in place; it only shrinks or keeps its
 * length, except for the "//" added after a scheme, for which the caller
 * left two bytes) as the URL Standard's parser reads it, given the base's
 * scheme. */
static void read_special(char *r, size_t *len, slice base_scheme)
{
    size_t scheme = scheme_length(r, *len);
    int special = scheme ? special_index(r, scheme)
                         : base_scheme.defined ? special_index(base_scheme.s, base_scheme.n) : -1;
    if (special < 0)
        return;
    for (size_t i = 0; i < *len && r[i] != '?' && r[i] != '#'; i++)
        if (r[i] == '\\')
            r[i] = '/';
    if (!scheme)
        return;
    for (size_t i = 0; i < scheme; i++)
        r[i] = (char)(r[i] | 0x20);
    char *rest = r + scheme + 1;
    size_t rest_len = *len - scheme - 1;
    if (base_scheme.defined && equals_ci(base_scheme.s, base_scheme.n, special_schemes[special].scheme) &&
        (rest_len == 0 || rest[0] != '/')) {
        memmove(r, rest, rest_len + 1);   /* "http:g": relative to the base */
        *len = rest_len;
        return;
    }
    if (strcmp(special_schemes[special].scheme, "file") == 0)
        return;
    size_t slashes = strspn(rest, "/");
    if (slashes == 2)
        return;
    memmove(rest + 2, rest + slashes, rest_len - slashes + 1);
    rest[0] = rest[1] = '/';
    *len = scheme + 3 + rest_len - slashes;
}

/* The result as browsers show it: lower-case scheme and host, no default
 * port, "/" for the empty path of a special URL. `out` has room for one
 * more byte. */
static void normalise_special(char *out, size_t *len)
{
    uri u = split(out, *len);
    int special = u.scheme.defined ? special_index(u.scheme.s, u.scheme.n) : -1;
    if (special < 0 || !u.authority.defined)
        return;
    char *auth = out + (u.authority.s - out);
    size_t host = 0;
    for (size_t i = 0; i < u.authority.n; i++)
        if (auth[i] == '@')
            host = i + 1;
    size_t port = u.authority.n;
    for (size_t i = host; i < u.authority.n; i++) {
        if (auth[i] == ']')
            port = u.authority.n;
        else if (auth[i] == ':')
            port = i;
        else if (i < port)
            auth[i] = (char)((auth[i] >= 'A' && auth[i] <= 'Z') ? auth[i] | 0x20 : auth[i]);
    }
    const char *dflt = special_schemes[special].default_port;
    size_t cut = 0;
    if (port < u.authority.n &&
        (port + 1 == u.authority.n || equals_ci(auth + port + 1, u.authority.n - port - 1, dflt)))
        cut = u.authority.n - port;
    if (cut) {
        char *tail = auth + port + cut;
        memmove(auth + port, tail, (size_t)(out + *len - tail) + 1);
        *len -= cut;
    }
    if (u.path.n == 0) {
        char *at = auth + u.authority.n - cut;
        memmove(at + 1, at, (size_t)(out + *len - at) + 1);
        *at = '/';
        ++*len;
    }
}

char *url_resolve(const char *base, const char *ref)
{
    if (!ref)
        return base ? strdup(base) : NULL;
    if (!base)
        return strdup(ref);
    size_t base_len = 0, ref_len = 0;
    char *b = clean_copy(base, &base_len);
    char *r = clean_copy(ref, &ref_len);
    if (b) {
        read_special(b, &base_len, (slice){0});
        uri base_parts = split(b, base_len);
        if (r)
            read_special(r, &ref_len, base_parts.scheme);
    }
    size_t half = base_len + ref_len + 2;
    char *paths = malloc(2 * half);
    /* scheme ":" "//" authority path "?" query "#" fragment, each from
     * base or ref, each no longer than the longer of the two. */
    char *result = malloc(base_len + ref_len + half + 8);
    if (!b || !r || !paths || !result) {
        free(result);
        result = NULL;
    } else {
        uri base_uri = split(b, base_len), ref_uri = split(r, ref_len), target;
        transform(&base_uri, &ref_uri, paths, half, &target);
        builder out = {result, 0};
        recompose(&out, &target);
        result[out.len] = '\0';
        normalise_special(result, &out.len);
    }
    free(b);
    free(r);
    free(paths);
    return result;
}

/* ------------------------------------------------------------------ */
/* Safety                                                              */
/* ------------------------------------------------------------------ */

/* Schemes a reader page may link to. Everything else is refused: an
 * allowlist stays safe when browsers add schemes. */
static const char *const safe_schemes[] = {"http", "https", "mailto", "ftp", "tel"};

/* Image types a data: URL may carry. SVG is excluded: it can hold script. */
static const char *const safe_data_image_prefix = "image/";
static const char *const unsafe_data_image_prefix = "image/svg";

static int equals_ci(const char *s, size_t n, const char *word)
{
    if (n != strlen(word))
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return 0;
    return 1;
}

static int has_prefix_ci(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strlen(s) >= n && equals_ci(s, n, prefix);
}

static int data_url_is_safe_image(const char *after_colon)
{
    while (*after_colon == ' ')
        after_colon++;
    return has_prefix_ci(after_colon, safe_data_image_prefix) &&
           !has_prefix_ci(after_colon, unsafe_data_image_prefix);
}

/* Control characters left inside after cleaning: browsers disagree on
 * them, so a URL carrying one is not worth the risk. */
static int has_control(const char *s)
{
    for (; *s; s++)
        if ((is_c0_or_space((unsigned char)*s) && *s != ' ') || *s == 0x7F)
            return 1;
    return 0;
}

int url_is_safe(const char *url, int is_image)
{
    if (!url)
        return 0;
    size_t n = 0;
    char *clean = clean_copy(url, &n);
    if (!clean)
        return 0;
    int safe = !has_control(clean);
    size_t scheme = safe ? scheme_length(clean, n) : 0;
    if (scheme) {
        safe = 0;
        for (size_t i = 0; i < sizeof safe_schemes / sizeof safe_schemes[0]; i++)
            safe |= equals_ci(clean, scheme, safe_schemes[i]);
        if (is_image && equals_ci(clean, scheme, "data"))
            safe = data_url_is_safe_image(clean + scheme + 1);
    }
    free(clean);
    return safe;
}
