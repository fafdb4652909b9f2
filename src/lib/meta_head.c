/*
 * meta_head.c — one pass over the document for <meta> tags, <title>,
 * rel=canonical and <base>, and the values read from them: the meta key of
 * each field (as Readability's _getArticleMetadata matches them), language,
 * text direction and canonical URL.
 */
#include "meta_internal.h"

#include "url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* <meta> keys. Readability's _getArticleMetadata matches `property` against
 *   \s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|
 *   published_time|title|site_name)\s*      (first match in the list)
 * and otherwise `name` against
 *   ^(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))[-.:]?
 *   (author|creator|pub-date|description|title|site_name)$
 * lower-cased, spaces removed, dots turned into colons; a later tag wins.
 * We also keep og:locale (lang) and og:url (canonical URL). */

static const char *const meta_key_names[K_COUNT] = {
    [K_DC_TITLE] = "dc:title", [K_DCTERM_TITLE] = "dcterm:title",
    [K_OG_TITLE] = "og:title", [K_WEIBO_ARTICLE_TITLE] = "weibo:article:title",
    [K_WEIBO_WEBPAGE_TITLE] = "weibo:webpage:title", [K_TITLE] = "title",
    [K_TWITTER_TITLE] = "twitter:title", [K_PARSELY_TITLE] = "parsely-title",
    [K_DC_CREATOR] = "dc:creator", [K_DCTERM_CREATOR] = "dcterm:creator",
    [K_AUTHOR] = "author", [K_PARSELY_AUTHOR] = "parsely-author",
    [K_ARTICLE_AUTHOR] = "article:author",
    [K_DC_DESCRIPTION] = "dc:description", [K_DCTERM_DESCRIPTION] = "dcterm:description",
    [K_OG_DESCRIPTION] = "og:description",
    [K_WEIBO_ARTICLE_DESCRIPTION] = "weibo:article:description",
    [K_WEIBO_WEBPAGE_DESCRIPTION] = "weibo:webpage:description",
    [K_DESCRIPTION] = "description", [K_TWITTER_DESCRIPTION] = "twitter:description",
    [K_OG_SITE_NAME] = "og:site_name",
    [K_ARTICLE_PUBLISHED_TIME] = "article:published_time",
    [K_PARSELY_PUB_DATE] = "parsely-pub-date",
    [K_OG_LOCALE] = "og:locale", [K_OG_URL] = "og:url",
};

/* Keys per field, strongest first, as in _getArticleMetadata. */
#define KEYS_END K_COUNT
static const meta_key title_keys[] = {
    K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_ARTICLE_TITLE,
    K_WEIBO_WEBPAGE_TITLE, K_TITLE, K_TWITTER_TITLE, K_PARSELY_TITLE, KEYS_END};
static const meta_key byline_keys[] = {
    K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR, KEYS_END};
static const meta_key excerpt_keys[] = {
    K_DC_DESCRIPTION, K_DCTERM_DESCRIPTION, K_OG_DESCRIPTION,
    K_WEIBO_ARTICLE_DESCRIPTION, K_WEIBO_WEBPAGE_DESCRIPTION, K_DESCRIPTION,
    K_TWITTER_DESCRIPTION, KEYS_END};
static const meta_key site_name_keys[] = {K_OG_SITE_NAME, KEYS_END};
static const meta_key published_keys[] = {
    K_ARTICLE_PUBLISHED_TIME, K_PARSELY_PUB_DATE, KEYS_END};

/* Property prefixes and fields Readability recognises in `property`. */
static const char *const property_prefixes[] = {"article", "dc", "dcterm", "og", "twitter"};
static const char *const property_fields[] = {
    "author", "creator", "description", "published_time", "title", "site_name"};
/* Extra properties we read for lang and url. */
static const char *const extra_properties[] = {"og:locale", "og:url"};

static meta_key key_by_name(const char *name, size_t n)
{
    for (int k = 0; k < K_COUNT; k++)
        if (strlen(meta_key_names[k]) == n && strncmp(meta_key_names[k], name, n) == 0)
            return (meta_key)k;
    return K_COUNT;
}

/* Lower-case copy of s without white space (dots to colons if asked);
 * returns its length, 0 if it does not fit. */
static size_t squeeze_key(const char *s, char *out, size_t cap, bool dots_to_colons)
{
    size_t n = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || (c >= '\t' && c <= '\r'))
            continue;
        if (n + 1 >= cap)
            return 0;
        out[n++] = (char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : (dots_to_colons && c == '.') ? ':' : c);
    }
    out[n] = '\0';
    return n;
}

/* First "prefix:field" in a property list, as the unanchored pattern finds it. */
static meta_key property_key(const char *property)
{
    char key[256];
    size_t n = squeeze_key(property, key, sizeof key, false);
    for (size_t e = 0; e < COUNT_OF(extra_properties); e++)
        if (meta_has_token(property, extra_properties[e]))  /* not og:locale:alternate */
            return key_by_name(extra_properties[e], strlen(extra_properties[e]));
    for (size_t at = 0; at < n; at++) {
        for (size_t p = 0; p < COUNT_OF(property_prefixes); p++) {
            size_t plen = strlen(property_prefixes[p]);
            if (strncmp(key + at, property_prefixes[p], plen) != 0 || key[at + plen] != ':')
                continue;
            for (size_t f = 0; f < COUNT_OF(property_fields); f++) {
                size_t flen = strlen(property_fields[f]);
                if (strncmp(key + at + plen + 1, property_fields[f], flen) == 0)
                    return key_by_name(key + at, plen + 1 + flen);
            }
        }
    }
    return K_COUNT;
}

/* Keys the `name` pattern cannot produce: article:* comes only as a property. */
static bool property_only(meta_key k)
{
    return k == K_ARTICLE_AUTHOR || k == K_ARTICLE_PUBLISHED_TIME;
}

static meta_key name_key(const char *name)
{
    char key[256];
    size_t n = squeeze_key(name, key, sizeof key, true);
    meta_key k = n ? key_by_name(key, n) : K_COUNT;
    return property_only(k) ? K_COUNT : k;
}

/* ------------------------------------------------------------------ */
/* What one pass over the document finds. */

static void scan_meta(scan *sc, int32_t id)
{
    const char *content = dom_attr(sc->dom, id, "content");
    if (!content || !*content)
        return;
    const char *http_equiv = dom_attr(sc->dom, id, "http-equiv");
    if (http_equiv && strcasecmp(http_equiv, "content-language") == 0)
        sc->content_language = content;
    const char *property = dom_attr(sc->dom, id, "property");
    meta_key k = property ? property_key(property) : K_COUNT;
    if (k == K_COUNT) {
        const char *name = dom_attr(sc->dom, id, "name");
        k = name ? name_key(name) : K_COUNT;
    }
    if (k != K_COUNT)
        sc->meta[k] = content;
}

/* The elements later rules look at, noted on the way: h1/h2, scripts,
 * dir attributes. Gumbo's node (its namespace) is read only for the tags
 * asked about: a pass that reads every node of a big tree pays a cache
 * miss a node. */
static void note_element(scan *sc, int32_t id)
{
    const rm_node *n = &sc->dom->nodes[id];
    if (n->has_attrs && dom_attr_lookup(sc->dom, id, "dir"))
        sc->oom |= !meta_ids_add(&sc->dirs, id);
    switch (n->tag) {
    case GUMBO_TAG_META: case GUMBO_TAG_TITLE: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_SCRIPT:
        break;
    default:
        return;
    }
    if (dom_namespace(sc->dom, id) != GUMBO_NAMESPACE_HTML)
        return;
    switch (n->tag) {
    case GUMBO_TAG_META:
        scan_meta(sc, id);
        break;
    case GUMBO_TAG_TITLE:
        if (sc->title_el == RM_NONE)
            sc->title_el = id;
        break;
    case GUMBO_TAG_LINK:
        if (!sc->canonical && meta_has_token(dom_attr(sc->dom, id, "rel"), "canonical"))
            sc->canonical = dom_attr(sc->dom, id, "href");
        break;
    case GUMBO_TAG_BASE:
        if (!sc->base_href)
            sc->base_href = dom_attr(sc->dom, id, "href");
        break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        sc->oom |= !meta_ids_add(&sc->headings, id);
        break;
    default:   /* script */
        if (n->has_attrs)
            sc->oom |= !meta_ids_add(&sc->scripts, id);
        break;
    }
}

void meta_scan_document(scan *sc)
{
    const rm_dom *dom = sc->dom;
    sc->title_el = RM_NONE;
    for (int32_t i = 0; i < dom->count; i++)
        if (dom->nodes[i].type == RM_NODE_ELEMENT)
            note_element(sc, i);
}

void meta_scan_free(scan *sc)
{
    free(sc->headings.ids);
    free(sc->scripts.ids);
    free(sc->dirs.ids);
}

static const char *first_meta(const scan *sc, const meta_key *keys)
{
    for (; *keys != KEYS_END; keys++)
        if (meta_has_text(sc->meta[*keys]))
            return sc->meta[*keys];
    return NULL;
}

/* Readability skips article:author when it is a profile URL. */
static const char *meta_byline(const scan *sc)
{
    const char *byline = first_meta(sc, byline_keys);
    const char *article_author = sc->meta[K_ARTICLE_AUTHOR];
    if (!byline && meta_has_text(article_author) && !meta_is_absolute_url(article_author))
        byline = article_author;
    return byline;
}

const char *meta_tag_value(const scan *sc, meta_field field)
{
    switch (field) {
    case META_TITLE:
        return first_meta(sc, title_keys);
    case META_BYLINE:
        return meta_byline(sc);
    case META_EXCERPT:
        return first_meta(sc, excerpt_keys);
    case META_SITE_NAME:
        return first_meta(sc, site_name_keys);
    case META_PUBLISHED:
        return first_meta(sc, published_keys);
    }
    return NULL;
}
/* ------------------------------------------------------------------ */
/* Language, direction, canonical URL. */

static char *attr_copy(const rm_dom *dom, int32_t id, const char *name, bool *oom)
{
    const char *v = id != RM_NONE ? dom_attr(dom, id, name) : NULL;
    return v ? meta_collapse_ws(v, strlen(v), oom) : NULL;
}

/* <html lang>, else og:locale (en_US -> en-US), else Content-Language. */
char *meta_page_lang(const scan *sc, bool *oom)
{
    char *lang = attr_copy(sc->dom, sc->dom->html, "lang", oom);
    if (lang)
        return lang;
    const char *v = meta_has_text(sc->meta[K_OG_LOCALE]) ? sc->meta[K_OG_LOCALE] : sc->content_language;
    if (!v)
        return NULL;
    size_t n = strcspn(v, ",");  /* Content-Language may list several */
    lang = meta_collapse_ws(v, n, oom);
    for (char *p = lang; p && *p; p++)
        if (*p == '_')
            *p = '-';
    return lang;
}

static const char *const directions[] = {"ltr", "rtl", "auto"};

static const char *dir_of(const rm_dom *dom, int32_t id)
{
    const char *dir = dom_attr(dom, id, "dir");
    for (size_t i = 0; dir && i < COUNT_OF(directions); i++)
        if (strcasecmp(dir, directions[i]) == 0)
            return directions[i];
    return NULL;
}

/* Readability takes dir from the nearest ancestor of the article that has
 * one. Before extraction we do not know the article, so we take the deepest
 * element with dir that still holds most of the body's text. */
char *meta_page_dir(const scan *sc, bool *oom)
{
    const rm_dom *dom = sc->dom;
    int32_t html = dom->html;
    int32_t root = dom->body != RM_NONE ? dom->body : html;
    const char *best = html != RM_NONE ? dir_of(dom, html) : NULL;
    if (root != RM_NONE) {
        /* the body's text is measured only for an element with dir
         * inside it (most pages have none, or only on <html>) */
        uint32_t total = 0;
        bool measured = false;
        int32_t end = root + (int32_t)dom->nodes[root].size;
        for (size_t k = 0; k < sc->dirs.count; k++) {
            int32_t i = sc->dirs.ids[k];
            const char *dir = i >= root && i < end ? dir_of(dom, i) : NULL;
            if (!dir)
                continue;
            if (i != root && !measured) {
                meta_facts_need_all(sc);   /* the body's and then each one's */
                total = meta_node_facts(sc, root).units;
                measured = true;
            }
            if (i == root || 2 * (uint64_t)meta_node_facts(sc, i).units > total)
                best = dir;
        }
    }
    if (!best)
        return NULL;
    char *copy = strdup(best);
    *oom |= !copy;
    return copy;
}
bool meta_is_absolute_url(const char *url)
{
    size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    return n > 0 && url[n] == ':';
}

/* rel=canonical, else og:url, else the page's own URL; relative references
 * resolve against <base href> (itself against the page URL). */
char *meta_page_canonical(const scan *sc, bool *oom)
{
    const char *ref = meta_has_text(sc->canonical) ? sc->canonical
                      : meta_has_text(sc->meta[K_OG_URL]) ? sc->meta[K_OG_URL]
                                                     : sc->page_url;
    if (!ref)
        return NULL;
    char *trimmed = meta_collapse_ws(ref, strlen(ref), oom);
    char *base = sc->base_href ? url_resolve(sc->page_url, sc->base_href) : NULL;
    *oom |= sc->base_href && !base;
    char *url = trimmed ? url_resolve(base ? base : sc->page_url, trimmed) : NULL;
    *oom |= trimmed && !url;
    free(base);
    free(trimmed);
    if (url && !meta_is_absolute_url(url)) {
        free(url);
        return NULL;
    }
    return url;
}

