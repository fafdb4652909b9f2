/*
 * meta_title.c — the title from <title>, cut as Readability's
 * _getArticleTitle cuts site names and breadcrumbs off it, with the en and
 * em dashes many sites use as separators.
 */
#include "meta_internal.h"

#include <unistr.h>

#include <stdlib.h>
#include <string.h>

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
    for (int32_t i = 0; i < sc->dom->count; i++) {
        if ((!meta_is_html_element(sc->dom, i, GUMBO_TAG_H1) && !meta_is_html_element(sc->dom, i, GUMBO_TAG_H2)) ||
            meta_trimmed_units(&sc->facts[i]) != title_units)
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
static int32_t sole_h1(const rm_dom *dom)
{
    int32_t found = RM_NONE;
    for (int32_t i = 0; i < dom->count; i++) {
        if (!meta_is_html_element(dom, i, GUMBO_TAG_H1))
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
        int32_t h1 = sole_h1(sc->dom);
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

