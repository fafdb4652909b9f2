/*
 * meta_byline.c — the byline written in the page, found where Readability's
 * _grabArticle walk meets it: in document order, skipping hidden subtrees
 * and those its "unlikely candidate" pass throws away; and, for a byline
 * from any source, the name in it, without the date some pages put there.
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


/* ------------------------------------------------------------------ */
/* Beyond Readability: a byline is a name. Byline markup also holds the
 * date ("By Ann Lee March 25, 2015", "by Lucas Nolan22 Dec 2016651"), and
 * sometimes nothing but a date ("Updated 3 August 2026"), a button
 * ("Follow Author") or a run of glued labels from a navigation box
 * ("Authority control databasesInternationalVIAF…"). The date is cut
 * off; what is then not a name is no byline. */

/* Month names and their abbreviations as datelines write them (English;
 * the first three letters identify each). */
static const char *const month_prefixes[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

/* Words that label a byline or a dateline rather than name anyone. */
static const char *const label_words[] = {
    "by", "posted", "published", "updated", "last", "written", "on", "at", "and", "from"};

/* First words of buttons and links that sit in byline markup. */
static const char *const action_words[] = {
    "follow", "subscribe", "share", "sign", "log", "contact", "email", "view", "more", "read"};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* Is the word s[0..n) in `words` (ASCII case-insensitive, trailing
 * punctuation ignored)? */
static bool word_in(const char *s, size_t n, const char *const *words, size_t count)
{
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    for (size_t i = 0; i < count; i++)
        if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
            return true;
    return false;
}

/* A month name: three or more letters starting like one, alone. */
static bool is_month(const char *s, size_t n)
{
    size_t letters = 0;
    while (letters < n && (is_lower(s[letters] | 0x20)))
        letters++;
    if (letters < 3 || letters + (letters < n && s[letters] == '.') != n)
        return false;
    for (size_t i = 0; i < COUNT_OF(month_prefixes); i++)
        if (strncasecmp(s, month_prefixes[i], 3) == 0)
            return true;
    return false;
}

/* Byte offset where the date in `s` begins (a number, a digit glued to a
 * word, or a month name before a number), or strlen(s). */
static size_t date_start(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = strcspn(s + i, " ");
        for (size_t k = 0; k < len; k++)
            if (is_digit(s[i + k]))
                return i + k;
        size_t next = i + len + (i + len < n);
        if (is_month(s + i, len) && next < n && is_digit(s[next]))
            return i;
        i = next;
    }
    return n;
}

/* Glued words: a lower-case run of three or more letters straight into a
 * capital ("databasesInternational"). Names have at most one such joint
 * ("VanderMeer"); McD, DeS, LaT have shorter runs. */
static size_t glued_joints(const char *s)
{
    size_t joints = 0, run = 0;
    for (; *s; s++) {
        if (is_upper(*s) && run >= 3)
            joints++;
        run = is_lower(*s) ? run + 1 : 0;
    }
    return joints;
}

char *meta_byline_name(const char *byline, bool *oom)
{
    if (!byline)
        return NULL;
    size_t n = date_start(byline);
    /* Separators and labels left dangling before the date: "Ann Lee |", "…, on". */
    for (;;) {
        while (n > 0 && strchr(" ,|:;-", byline[n - 1]))
            n--;
        if (n >= 2 && memcmp(byline + n - 2, "\xC2\xB7", 2) == 0) {   /* a middle dot */
            n -= 2;
            continue;
        }
        size_t word = n;
        while (word > 0 && byline[word - 1] != ' ')
            word--;
        if (word == n || !word_in(byline + word, n - word, label_words, COUNT_OF(label_words)) ||
            word == 0)
            break;
        n = word;
    }
    /* Some word must be left that is not a label. */
    bool named = false;
    for (size_t i = 0; i < n && !named;) {
        size_t len = strcspn(byline + i, " ");
        if (len > n - i)
            len = n - i;
        named = len > 0 && !word_in(byline + i, len, label_words, COUNT_OF(label_words));
        i += len + 1;
    }
    size_t first = strcspn(byline, " ");
    if (!named || word_in(byline, first < n ? first : n, action_words, COUNT_OF(action_words)))
        return NULL;
    char *name = meta_collapse_ws(byline, n, oom);
    if (name && glued_joints(name) >= 2) {
        free(name);
        return NULL;
    }
    return name;
}
