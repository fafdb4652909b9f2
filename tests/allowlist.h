/*
 * allowlist.h — an independent check that an HTML or XHTML document holds
 * only what readmode's reader HTML may hold: the allow-listed elements
 * with their allow-listed attributes (and ids: in-article links keep their
 * targets), safe link and image URLs, and in
 * <head> only charset, named <meta>, a Content-Security-Policy, <title>,
 * <style> and the EPUB style sheet link. Written apart from the renderer's
 * table on purpose: a test that read that table could not catch it
 * allowing too much.
 */
#ifndef RM_ALLOWLIST_H
#define RM_ALLOWLIST_H

#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const al_elements[] = {
    "html", "head", "body", "article", "header", "section", "title", "meta", "style", "link",
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "figure", "figcaption", "details", "summary", "table", "caption", "thead",
    "tbody", "tfoot", "tr", "td", "th", "a", "q", "code", "kbd", "samp", "var", "em", "strong",
    "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "time", "del", "ins",
    "br", "hr", "img", NULL,
};

/* "element attribute" pairs; "* attr" for any element. */
static const char *const al_attributes[] = {
    "* id", "a href", "a rel", "img src", "img alt", "img width", "img height", "ol start",
    "td colspan", "td rowspan", "th colspan", "th rowspan", "time datetime", "abbr title",
    "html lang", "html dir", "html xmlns", "html xmlns:epub", "html xml:lang",
    "header class", "p class", "section epub:type", "meta charset", "meta name",
    "meta content", "meta http-equiv", "link rel", "link type", "link href", NULL,
};

static bool al_listed(const char *const *list, const char *a, const char *b)
{
    char want[160], any[160];
    snprintf(want, sizeof want, b ? "%s %s" : "%s", a, b ? b : "");
    snprintf(any, sizeof any, "* %s", b ? b : "");
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], want) == 0 || (b && strcmp(list[i], any) == 0))
            return true;
    return false;
}

static bool al_safe_url(const char *name, const char *v)
{
    if (strcmp(name, "href") == 0)
        return strncasecmp(v, "http://", 7) == 0 || strncasecmp(v, "https://", 8) == 0 ||
               strncasecmp(v, "mailto:", 7) == 0 || v[0] == '#' || strcmp(v, "article.xhtml") == 0 ||
               strcmp(v, "style.css") == 0;
    if (strcmp(name, "src") == 0)
        return strncasecmp(v, "data:image/", 11) == 0 || strncasecmp(v, "http://", 7) == 0 ||
               strncasecmp(v, "https://", 8) == 0 ||
               (strchr(v, ':') == NULL && strstr(v, "..") == NULL && v[0] != '/');
    return true;
}

/* 0 when `node`'s subtree passes, else -1 with the reason in why. */
static int al_check_node(const GumboNode *node, char *why, size_t whylen)
{
    if (node->type == GUMBO_NODE_COMMENT) {
        snprintf(why, whylen, "a comment");
        return -1;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return 0;
    const GumboElement *el = &node->v.element;
    char tag[64];
    if (el->tag == GUMBO_TAG_UNKNOWN) {
        GumboStringPiece s = el->original_tag;
        gumbo_tag_from_original_text(&s);
        snprintf(tag, sizeof tag, "%.*s", (int)s.length, s.data);
    } else {
        snprintf(tag, sizeof tag, "%s", gumbo_normalized_tagname(el->tag));
    }
    if (!al_listed(al_elements, tag, NULL)) {
        snprintf(why, whylen, "element <%s>", tag);
        return -1;
    }
    for (unsigned i = 0; i < el->attributes.length; i++) {
        const GumboAttribute *at = el->attributes.data[i];
        if (!al_listed(al_attributes, tag, at->name) || !al_safe_url(at->name, at->value)) {
            snprintf(why, whylen, "attribute %s=\"%.80s\" on <%s>", at->name, at->value, tag);
            return -1;
        }
        if (strcmp(at->name, "http-equiv") == 0 &&
            strcasecmp(at->value, "Content-Security-Policy") != 0) {
            snprintf(why, whylen, "<meta http-equiv=\"%.40s\">", at->value);
            return -1;
        }
        if (strcmp(tag, "link") == 0 && strcmp(at->name, "href") == 0 &&
            strcmp(at->value, "style.css") != 0) {
            snprintf(why, whylen, "<link href=\"%.80s\">", at->value);
            return -1;
        }
    }
    for (unsigned i = 0; i < el->children.length; i++)
        if (al_check_node(el->children.data[i], why, whylen))
            return -1;
    return 0;
}

/* 0 when the whole document passes, else -1 with the reason. */
static int al_check_document(const char *html, size_t len, char *why, size_t whylen)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    int rc = al_check_node(g->root, why, whylen);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return rc;
}

#endif
