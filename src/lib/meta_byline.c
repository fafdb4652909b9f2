/*
 * meta_byline.c — the byline written in the page, found where Readability's
 * _grabArticle walk meets it: in document order, skipping hidden subtrees
 * and those its "unlikely candidate" pass throws away.
 */
#include "meta_internal.h"

#include "heuristics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Byline in the page, found the way Readability's _grabArticle walk meets
 * it: in document order, skipping hidden subtrees and the subtrees its
 * "unlikely candidate" pass throws away before looking inside them. */

/* REGEXPS.byline, matched against "class id". */
static const char *const byline_markers[] = {
    "byline", "author", "dateline", "writtenby", "p-author"};
/* ASCII case-insensitive substring test, as the /i patterns match. */
static bool contains_ci(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (; *haystack; haystack++)
        if (strncasecmp(haystack, needle, n) == 0)
            return true;
    return false;
}

static bool contains_any(const char *haystack, const char *const *needles, size_t n)
{
    for (size_t i = 0; haystack && i < n; i++)
        if (contains_ci(haystack, needles[i]))
            return true;
    return false;
}

/* Does a style attribute hold `decl`, spaces and case aside? */
static bool style_has(const char *style, const char *decl)
{
    for (; *style; style++) {
        const char *s = style, *d = decl;
        while (*s && *d) {
            if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
                s++;
                continue;
            }
            if ((*s | 0x20) != *d)
                break;
            s++;
            d++;
        }
        if (!*d)
            return true;
    }
    return false;
}

static bool style_hides(const char *style)
{
    return style && (style_has(style, "display:none") || style_has(style, "visibility:hidden"));
}
/* _isProbablyVisible, inverted. */
static bool is_hidden(const rm_dom *dom, int32_t id)
{
    if (style_hides(dom_attr(dom, id, "style")) || dom_attr(dom, id, "hidden"))
        return true;
    const char *aria = dom_attr(dom, id, "aria-hidden");
    const char *cls = dom_attr(dom, id, "class");
    return aria && strcmp(aria, "true") == 0 && !(cls && strstr(cls, "fallback-image"));
}

/* Readability's unlikely-candidate test (the tables are heuristics.c's),
 * on the lower-cased "class id". */
static bool is_unlikely(const scan *sc, int32_t id, const char *cls, const char *idattr)
{
    const rm_dom *dom = sc->dom;
    GumboTag tag = dom->nodes[id].tag;
    if (heur_is_unlikely_role(dom_attr(dom, id, "role")))
        return true;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || sc->facts[id].in_table_or_code)
        return false;
    char sig[1024];
    snprintf(sig, sizeof sig, "%s %s", cls ? cls : "", idattr ? idattr : "");
    for (char *p = sig; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return heur_is_unlikely(sig);
}
static bool marks_byline(const rm_dom *dom, int32_t id, const char *cls, const char *idattr)
{
    const char *rel = dom_attr(dom, id, "rel");
    const char *itemprop = dom_attr(dom, id, "itemprop");
    return (rel && strcmp(rel, "author") == 0) || (itemprop && strstr(itemprop, "author")) ||
           contains_any(cls, byline_markers, COUNT_OF(byline_markers)) ||
           contains_any(idattr, byline_markers, COUNT_OF(byline_markers));
}
/* _isValidByline: some text, under 100 characters. Returns it collapsed. */
/* _isValidByline: some text, under 100 characters. */
static bool is_valid_byline(const scan *sc, int32_t id)
{
    uint32_t units = meta_trimmed_units(&sc->facts[id]);
    return units > 0 && units < 100;
}
static bool is_dialog(const rm_dom *dom, int32_t id)
{
    const char *modal = dom_attr(dom, id, "aria-modal");
    const char *role = dom_attr(dom, id, "role");
    return modal && role && strcmp(modal, "true") == 0 && strcmp(role, "dialog") == 0;
}

/* The part of a byline element that names the author: a descendant with
 * itemprop="name" when there is one ("<span itemprop=name>Ann</span> -
 * <time>..."), as Readability 0.6 reads it; else the element itself. */
static int32_t byline_name_element(const rm_dom *dom, int32_t id)
{
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t i = id + 1; i < end; i++) {
        const char *itemprop = dom_attr(dom, i, "itemprop");
        if (itemprop && strstr(itemprop, "name"))
            return i;
    }
    return id;
}

/* One walk of _grabArticle. skip_unlikely is its first attempt; the later
 * attempts (when the first finds too little text) look everywhere. */
static char *walk_for_byline(scan *sc, bool skip_unlikely, int32_t *node)
{
    const rm_dom *dom = sc->dom;
    int32_t start = dom->html != RM_NONE ? dom->html : 0;
    int32_t end = start + (int32_t)dom->nodes[start].size;
    for (int32_t i = start; i < end;) {
        const rm_node *n = &dom->nodes[i];
        if (n->type != RM_NODE_ELEMENT) {
            i++;
            continue;
        }
        if (is_hidden(dom, i) || is_dialog(dom, i)) {
            i += (int32_t)n->size;
            continue;
        }
        const char *cls = dom_attr(dom, i, "class");
        const char *idattr = dom_attr(dom, i, "id");
        if (marks_byline(dom, i, cls, idattr) && is_valid_byline(sc, i)) {
            char *text = meta_element_text(sc, byline_name_element(dom, i), &sc->oom);
            char *byline = text ? meta_collapse_ws(text, strlen(text), &sc->oom) : NULL;
            free(text);
            *node = i;
            return byline;
        }
        i += skip_unlikely && is_unlikely(sc, i, cls, idattr) ? (int32_t)n->size : 1;
    }
    return NULL;
}
char *meta_dom_byline(scan *sc, int32_t *node)
{
    char *byline = walk_for_byline(sc, true, node);
    return byline ? byline : walk_for_byline(sc, false, node);
}

