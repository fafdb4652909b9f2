/*
 * meta_title.c — the title from <title>, cut as Readability's
 * _getArticleTitle cuts site names and breadcrumbs off it, with the en and
 * em dashes many sites use as separators; and, for a title from any source,
 * the site name, section or author the site appended, where the page shows
 * that it was appended.
 */
#include "meta_internal.h"

#include <unistr.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Title from <title>, as _getArticleTitle cuts it. */

/* Title separators: Readability's | - \ / > », plus the en and em dashes
 * many sites use ("Story – Site"). The hierarchical ones mark breadcrumbs. */
static const ucs4_t title_separators[] = {'|', '-', '\\', '/', '>', 0xBB, 0x2013, 0x2014};
static const ucs4_t hierarchical_separators[] = {'\\', '/', '>', 0xBB};

static bool cp_in(ucs4_t cp, const ucs4_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return true;
    return false;
}

static int next_cp(const char *s, size_t n, size_t at, ucs4_t *cp)
{
    int k = u8_mbtouc(cp, (const uint8_t *)s + at, n - at);
    return k > 0 ? k : 1;
}

/* Byte offset of the last " X " with X in `set`, or -1. */
static long last_spaced_separator(const char *s, size_t n, const ucs4_t *set, size_t nset)
{
    long last = -1;
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] != ' ')
            continue;
        ucs4_t cp;
        int k = next_cp(s, n, i + 1, &cp);
        if (cp_in(cp, set, nset) && i + 1 + (size_t)k < n && s[i + 1 + (size_t)k] == ' ')
            last = (long)i;
    }
    return last;
}

/* Offset just after the first separator character (spaced or not), or -1. */
static long after_first_separator(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        ucs4_t cp;
        int k = next_cp(s, n, i, &cp);
        i += (size_t)k;
        if (cp_in(cp, title_separators, COUNT_OF(title_separators)))
            return (long)i;
    }
    return -1;
}

/* Words in the title once separator runs are deleted ("A | B" -> "A  B"). */
static size_t words_without_separators(const char *s, size_t n)
{
    size_t words = 1;
    bool in_space = false;
    for (size_t i = 0; i < n;) {
        ucs4_t cp;
        int k = next_cp(s, n, i, &cp);
        if (!cp_in(cp, title_separators, COUNT_OF(title_separators))) {
            int sp = meta_space_len(s + i);
            if (sp && !in_space)
                words++;
            in_space = sp > 0;
        }
        i += (size_t)k;
    }
    return words;
}


/* Is there an h1 or h2 whose trimmed text is exactly `title`? */
static bool heading_equals(const scan *sc, const char *title, size_t n, bool *oom)
{
    uint32_t title_units = (uint32_t)meta_js_length(title, n);
    int32_t compared = RM_NONE;
    for (size_t k = 0; k < sc->headings.count; k++) {
        int32_t i = sc->headings.ids[k];
        node_facts facts = meta_node_facts(sc, i);
        if (meta_trimmed_units(&facts) != title_units)
            continue;
        /* A heading inside one of the same trimmed length has the same text. */
        if (meta_inside(sc->dom, i, compared))
            continue;
        compared = i;
        char *text = meta_element_text(sc, i, oom);
        const char *t = text ? text : "";
        size_t tn = strlen(t);
        meta_trim(&t, &tn);
        bool same = tn == n && memcmp(t, title, n) == 0;
        free(text);
        if (same)
            return true;
    }
    return false;
}
/* The only h1 of the page, or RM_NONE. */
static int32_t sole_h1(const scan *sc)
{
    int32_t found = RM_NONE;
    for (size_t k = 0; k < sc->headings.count; k++) {
        int32_t i = sc->headings.ids[k];
        if (sc->dom->nodes[i].tag != GUMBO_TAG_H1)
            continue;
        if (found != RM_NONE)
            return RM_NONE;
        found = i;
    }
    return found;
}

/* The "Site: Story" rule: keep what follows the colon unless that leaves
 * too little or too much stands before it. Returns [*from, n). */
static size_t cut_after_colon(const char *orig, size_t n)
{
    const char *last = orig;
    for (const char *p = orig; p < orig + n; p++)
        if (*p == ':')
            last = p;
    size_t from = (size_t)(last - orig) + 1;
    if (meta_word_count(orig + from, n - from) < 3)
        return (size_t)((const char *)memchr(orig, ':', n) - orig) + 1;
    if (meta_word_count(orig, (size_t)((const char *)memchr(orig, ':', n) - orig)) > 5)
        return 0;
    return from;
}

static char *title_from_document(const scan *sc, bool *oom)
{
    char *raw = sc->title_el != RM_NONE ? meta_element_text(sc, sc->title_el, oom) : NULL;
    char *orig = raw ? meta_collapse_ws(raw, strlen(raw), oom) : NULL;
    free(raw);
    const char *o = orig ? orig : "";
    size_t on = strlen(o);

    char *h1_text = NULL;
    const char *cur = o;
    size_t cn = on;
    bool hierarchical = false;
    long sep = last_spaced_separator(o, on, title_separators, COUNT_OF(title_separators));
    if (sep >= 0) {
        hierarchical = last_spaced_separator(o, on, hierarchical_separators,
                                             COUNT_OF(hierarchical_separators)) >= 0;
        cn = (size_t)sep;
        if (meta_word_count(cur, cn) < 3) {
            long after = after_first_separator(o, on);
            cur = o + after;
            cn = on - (size_t)after;
        }
    } else if (strstr(o, ": ")) {
        if (!heading_equals(sc, o, on, oom)) {
            size_t from = cut_after_colon(o, on);
            cur = o + from;
            cn = on - from;
        }
    } else if (meta_js_length(o, on) > 150 || meta_js_length(o, on) < 15) {
        int32_t h1 = sole_h1(sc);
        if (h1 != RM_NONE && (h1_text = meta_element_text(sc, h1, oom)) != NULL) {
            cur = h1_text;
            cn = strlen(h1_text);
        }
    }
    meta_trim(&cur, &cn);
    size_t words = meta_word_count(cur, cn);
    if (words <= 4 && (!hierarchical || words != words_without_separators(o, on) - 1)) {
        cur = o;
        cn = on;
    }
    char *title = meta_collapse_ws(cur, cn, oom);
    free(h1_text);
    free(orig);
    return title;
}

/* _getArticleTitle is needed both by JSON-LD and as the last resort. */
const char *meta_html_title(scan *sc)
{
    if (!sc->html_title_done) {
        sc->html_title = title_from_document(sc, &sc->oom);
        sc->html_title_done = true;
    }
    return sc->html_title ? sc->html_title : "";
}


/* ------------------------------------------------------------------ */
/* Beyond Readability: the site's own words cut off whatever title was
 * chosen (og:title and JSON-LD headlines carry them too). Sites append
 * their name, a section or the author to the <title> and og:title, never
 * to the heading on the page ("findLast() - JavaScript | MDN", "Whale
 * strandings | Eleanor Ainge Roy"). Two signs show that a tail is such an
 * addition, and only then is it cut: the page's h1 is the title without
 * the tail, or the tail is the site's name (og:site_name or the host). */

/* Separators between a title and what the site appends, spaced as sites
 * write them: | - – — · » :: / */
static const char *const tail_separators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " \xC2\xBB ", " :: ", " / "};

/* Length of the tail separator at s[0..n), or 0. */
static size_t separator_at(const char *s, size_t n)
{
    for (size_t k = 0; k < COUNT_OF(tail_separators); k++) {
        size_t len = strlen(tail_separators[k]);
        if (len <= n && memcmp(s, tail_separators[k], len) == 0)
            return len;
    }
    return 0;
}

/* Byte offset of the last tail separator in s[0..n) and its length, or -1. */
static long last_tail_separator(const char *s, size_t n, size_t *len)
{
    for (size_t i = n; i-- > 0;) {
        size_t k = separator_at(s + i, n - i);
        if (k && i + k < n) {
            *len = k;
            return (long)i;
        }
    }
    return -1;
}

/* Letters and digits only, ASCII lower-cased, other scripts kept: how a
 * name is compared ("The Guardian" = "theguardian" = "TheGuardian"). */
static size_t squeeze(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[k++] = (char)c;
    }
    out[k] = '\0';
    return k;
}

#define NAME_CAP 256

/* The host of `url` without "www.", as a name: "theguardian" and
 * "theguardiancom" for https://www.theguardian.com/…, its second-level
 * label (the third for two-letter country domains like co.uk). */
static void host_names(const char *url, char label[NAME_CAP], char domain[NAME_CAP])
{
    label[0] = domain[0] = '\0';
    const char *host = url ? strstr(url, "://") : NULL;
    if (!host)
        return;
    host += 3;
    size_t n = strcspn(host, ":/?#");
    if (n > 4 && strncasecmp(host, "www.", 4) == 0) {
        host += 4;
        n -= 4;
    }
    /* Dots from the right: the label is the one before the public suffix. */
    long dots[3] = {-1, -1, -1};
    for (size_t i = 0; i < n; i++)
        if (host[i] == '.') {
            dots[2] = dots[1];
            dots[1] = dots[0];
            dots[0] = (long)i;
        }
    if (dots[0] < 0)
        return;
    long end = dots[0], start = dots[1] + 1;
    bool country_pair = n - (size_t)dots[0] - 1 == 2 && dots[1] >= 0 && dots[0] - dots[1] - 1 <= 3;
    if (country_pair) {
        end = dots[1];
        start = dots[2] + 1;
    }
    squeeze(host + start, (size_t)(end - start), label, NAME_CAP);
    squeeze(host + start, n - (size_t)start, domain, NAME_CAP);
}

/* Does s[0..n) name the site: its site name, that name's first word
 * ("MDN" of "MDN Web Docs"), or its host? */
static bool names_site(const char *s, size_t n, const char *site_name, const char *url)
{
    char tail[NAME_CAP], name[NAME_CAP], label[NAME_CAP], domain[NAME_CAP];
    if (squeeze(s, n, tail, sizeof tail) == 0)
        return false;
    if (site_name && site_name[0]) {
        if (squeeze(site_name, strlen(site_name), name, sizeof name) && strcmp(tail, name) == 0)
            return true;
        size_t first = strcspn(site_name, " ");
        if (site_name[first] && squeeze(site_name, first, name, sizeof name) && strcmp(tail, name) == 0)
            return true;
    }
    host_names(url, label, domain);
    return (label[0] && strcmp(tail, label) == 0) || (domain[0] && strcmp(tail, domain) == 0);
}

/* An h1 that is the title without an appended tail: [0, its length) of
 * `title`, or 0. The tail must be shorter than the heading, and the
 * heading must not be the site's own name (a logo in an h1). */
static size_t heading_prefix(scan *sc, const char *title, size_t n, const char *site_name,
                             const char *url)
{
    for (size_t k = 0; k < sc->headings.count; k++) {
        int32_t i = sc->headings.ids[k];
        if (sc->dom->nodes[i].tag != GUMBO_TAG_H1)
            continue;
        char *raw = meta_element_text(sc, i, &sc->oom);
        char *text = raw ? meta_collapse_ws(raw, strlen(raw), &sc->oom) : NULL;
        free(raw);
        size_t hn = text ? strlen(text) : 0;
        size_t sep = hn && hn < n && memcmp(title, text, hn) == 0 ? separator_at(title + hn, n - hn) : 0;
        bool cut = sep && meta_js_length(title + hn + sep, n - hn - sep) < meta_js_length(text, hn) &&
                   !names_site(text, hn, site_name, url);
        free(text);
        if (cut)
            return hn;
    }
    return 0;
}

void meta_clean_title(scan *sc, char **title, const char *site_name, const char *url)
{
    if (!*title)
        return;
    char *t = *title;
    size_t n = strlen(t);
    size_t keep = heading_prefix(sc, t, n, site_name, url);
    if (!keep) {
        keep = n;
        size_t len;
        long at;
        /* "Story - Section | Site": only tails that name the site go. */
        while ((at = last_tail_separator(t, keep, &len)) > 0 &&
               names_site(t + at + len, keep - (size_t)at - len, site_name, url))
            keep = (size_t)at;
    }
    t[keep] = '\0';
}
