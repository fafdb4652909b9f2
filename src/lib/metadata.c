/*
 * metadata.c — title, byline, site name, date, language, direction, excerpt
 * and canonical URL of a page, read from its markup.
 *
 * The rules follow Mozilla's Readability.js (_getJSONLD, _getArticleMetadata,
 * _getArticleTitle, _checkByline) so that our output agrees with the reader
 * view users already know, and its test corpus can measure us. Sources,
 * strongest first: schema.org JSON-LD, then <meta> tags, then the document
 * (<title>, headings, byline markup, <html lang dir>, rel=canonical).
 * Where we go beyond Readability it is said at the spot: @type arrays,
 * string authors, en/em dash title separators, dates normalised to ISO 8601,
 * lang from og:locale, direction from the element holding the text.
 *
 * Everything is read from the flat index without recursion; JSON-LD goes
 * through cJSON, whose nesting limit (CJSON_NESTING_LIMIT, 1000) bounds
 * both its parser and our walks over the parsed tree.
 */
#include "metadata.h"

#include "heuristics.h"
#include "url.h"

#include <cJSON.h>
#include <unictype.h>
#include <unistr.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* Growable strings; an allocation failure is sticky and checked once. */

typedef struct {
    char *s;
    size_t len, cap;
    bool oom;
} strbuf;

static void sb_putn(strbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(strbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

/* The collected string, or NULL (empty or out of memory: see b->oom). */
static char *sb_take(strbuf *b)
{
    if (b->oom || b->len == 0) {
        free(b->s);
        return NULL;
    }
    return b->s;
}

/* ------------------------------------------------------------------ */
/* Text helpers. "White space" is JavaScript's \s, which Readability's
 * trim() and regular expressions use: Unicode White_Space plus U+FEFF. */

static bool is_space_cp(ucs4_t cp)
{
    return uc_is_property_white_space(cp) || cp == 0xFEFF;
}

/* Length in bytes of the white-space character at s, or 0. */
static int space_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    ucs4_t cp;
    int n = u8_mbtouc(&cp, (const uint8_t *)s, strnlen(s, 4));
    return n > 0 && is_space_cp(cp) ? n : 0;
}

/* Length as JavaScript counts it (UTF-16 code units), for the thresholds
 * Readability states in string lengths. */
static size_t js_length(const char *s, size_t n)
{
    size_t units = 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        ucs4_t cp;
        int k = u8_mbtouc(&cp, p, (size_t)(end - p));
        units += cp > 0xFFFF ? 2 : 1;
        p += k > 0 ? k : 1;
    }
    return units;
}

/* str.split(/\s+/).length: one more than the number of white-space runs. */
static size_t word_count(const char *s, size_t n)
{
    size_t words = 1;
    bool in_space = false;
    for (size_t i = 0; i < n;) {
        int k = space_len(s + i);
        if (k && !in_space)
            words++;
        in_space = k > 0;
        i += k ? (size_t)k : 1;
    }
    return words;
}

/* Trim [s, s+n) in place of the pointers. */
static void trim(const char **s, size_t *n)
{
    int k;
    while (*n > 0 && (k = space_len(*s)) > 0) {
        *s += k;
        *n -= (size_t)k;
    }
    while (*n > 0) {
        size_t back = 1;
        while (back < *n && back < 4 && (((unsigned char)(*s)[*n - back]) & 0xC0) == 0x80)
            back++;
        if (!space_len(*s + *n - back))
            break;
        *n -= back;
    }
}

/* Collapse white-space runs into one space and trim; NULL when empty.
 * A lone non-ASCII space (no-break, ideographic) is typography, not layout,
 * and stays, as Readability's /\s{2,}/ rule leaves it. */
static char *collapse_ws(const char *s, size_t n, bool *oom)
{
    trim(&s, &n);
    strbuf b = {0};
    for (size_t i = 0; i < n;) {
        int k = space_len(s + i);
        if (!k) {
            sb_putn(&b, s + i, 1);
            i++;
            continue;
        }
        size_t run = (size_t)k;
        while (i + run < n && space_len(s + i + run) > 0)
            run += (size_t)space_len(s + i + run);
        if (run == (size_t)k && k > 1)
            sb_putn(&b, s + i, run);
        else
            sb_putn(&b, " ", 1);
        i += run;
    }
    *oom |= b.oom;
    return sb_take(&b);
}

/* Entities Readability's _unescapeHtmlEntities decodes: meta content is often
 * escaped twice, and Gumbo has already undone the first layer. */
static const struct {
    const char *name;
    const char *text;
} escaped_entities[] = {
    {"&quot;", "\""}, {"&amp;", "&"}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"},
};

/* Decode one numeric reference at s ("&#...;"); returns bytes consumed or 0. */
static size_t decode_numeric(const char *s, strbuf *out)
{
    bool hex = s[2] == 'x' || s[2] == 'X';
    const char *digits = s + (hex ? 3 : 2);
    char *end;
    unsigned long v = strtoul(digits, &end, hex ? 16 : 10);
    if (end == digits || *end != ';' || digits[0] == '-' || digits[0] == '+' ||
        digits[0] == ' ')
        return 0;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
    uint8_t buf[6];
    int k = u8_uctomb(buf, (ucs4_t)v, (int)sizeof buf);
    if (k > 0)
        sb_putn(out, (const char *)buf, (size_t)k);
    return (size_t)(end + 1 - s);
}

static void unescape_entities(const char *s, strbuf *out)
{
    while (*s) {
        const char *amp = strchr(s, '&');
        if (!amp) {
            sb_puts(out, s);
            return;
        }
        sb_putn(out, s, (size_t)(amp - s));
        s = amp;
        size_t used = 0;
        if (s[1] == '#')
            used = decode_numeric(s, out);
        for (size_t i = 0; !used && i < sizeof escaped_entities / sizeof *escaped_entities; i++) {
            size_t len = strlen(escaped_entities[i].name);
            if (strncmp(s, escaped_entities[i].name, len) == 0) {
                sb_puts(out, escaped_entities[i].text);
                used = len;
            }
        }
        if (!used) {
            sb_putn(out, "&", 1);
            used = 1;
        }
        s += used;
    }
}

/* A metadata value as we publish it: entities decoded, white space
 * collapsed, NULL when nothing is left. */
static char *clean_value(const char *raw, bool *oom)
{
    if (!raw)
        return NULL;
    strbuf b = {0};
    unescape_entities(raw, &b);
    if (b.oom) {
        free(b.s);
        *oom = true;
        return NULL;
    }
    char *out = b.s ? collapse_ws(b.s, b.len, oom) : NULL;
    free(b.s);
    return out;
}

static bool has_text(const char *s)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    trim(&s, &n);
    return n > 0;
}

/* ------------------------------------------------------------------ */
/* Document text. */

/* Elements whose text is not page text (Readability removes them before it
 * reads any textContent). */
static bool is_textless(GumboTag tag)
{
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
           tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE;
}

/* textContent of an element: its text nodes in document order. */
static void subtree_text(const rm_dom *dom, int32_t id, strbuf *out)
{
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t i = id + 1; i < end;) {
        const rm_node *n = &dom->nodes[i];
        if (n->type == RM_NODE_ELEMENT && is_textless(n->tag)) {
            i += (int32_t)n->size;
            continue;
        }
        if (n->type == RM_NODE_TEXT)
            sb_puts(out, dom_text(dom, i));
        i++;
    }
}

/* Per-node facts computed once, so that no rule has to re-read a subtree
 * per element: on a deeply nested page that would be quadratic. Lengths are
 * in UTF-16 units like Readability's; white space is always one unit. */
typedef struct {
    uint32_t units;       /* textContent length */
    uint32_t lead, trail; /* white space at either end (lead == units: blank) */
    bool in_table_or_code;
} node_facts;

static node_facts text_facts(const char *s)
{
    node_facts f = {0};
    bool seen_text = false;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        ucs4_t cp;
        int k = u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
        uint32_t units = cp > 0xFFFF ? 2 : 1;
        f.units += units;
        if (is_space_cp(cp)) {
            f.trail += units;
            f.lead += seen_text ? 0 : units;
        } else {
            f.trail = 0;
            seen_text = true;
        }
        i += k > 0 ? (size_t)k : 1;
    }
    return f;
}

/* Text of `a` followed by text of `b`. */
static node_facts concat_facts(node_facts a, node_facts b)
{
    node_facts f = {.units = a.units + b.units};
    f.lead = a.lead == a.units ? a.units + b.lead : a.lead;
    f.trail = b.trail == b.units ? b.units + a.trail : b.trail;
    return f;
}

/* Children come after their parent in pre-order, so one backward pass sums
 * text bottom-up and one forward pass hands ancestry down. */
static node_facts *compute_facts(const rm_dom *dom)
{
    node_facts *facts = calloc((size_t)dom->count, sizeof *facts);
    if (!facts)
        return NULL;
    for (int32_t i = dom->count - 1; i >= 0; i--) {
        const rm_node *n = &dom->nodes[i];
        if (n->type == RM_NODE_TEXT) {
            facts[i] = text_facts(dom_text(dom, i));
            continue;
        }
        if (is_textless(n->tag))
            continue;
        node_facts sum = {0};
        for (int32_t c = n->first_child; c != RM_NONE; c = dom->nodes[c].next_sibling)
            sum = concat_facts(sum, facts[c]);
        facts[i] = sum;
    }
    for (int32_t i = 0; i < dom->count; i++) {
        int32_t p = dom->nodes[i].parent;
        facts[i].in_table_or_code = p != RM_NONE &&
            (facts[p].in_table_or_code || dom->nodes[p].tag == GUMBO_TAG_TABLE ||
             dom->nodes[p].tag == GUMBO_TAG_CODE);
    }
    return facts;
}

/* Length of the trimmed textContent. */
static uint32_t trimmed_units(const node_facts *f)
{
    return f->lead == f->units ? 0 : f->units - f->lead - f->trail;
}

/* Is id in the subtree of ancestor (RM_NONE: no)? */
static bool inside(const rm_dom *dom, int32_t id, int32_t ancestor)
{
    return ancestor != RM_NONE && id >= ancestor &&
           id < ancestor + (int32_t)dom->nodes[ancestor].size;
}

static bool is_html_element(const rm_dom *dom, int32_t id, GumboTag tag)
{
    const rm_node *n = &dom->nodes[id];
    return n->type == RM_NODE_ELEMENT && n->tag == tag &&
           n->g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

/* Does a space-separated attribute value hold `token` (ASCII case-insensitive)? */
static bool has_token(const char *value, const char *token)
{
    size_t tlen = strlen(token);
    while (value && *value) {
        value += strspn(value, " \t\n\f\r");
        size_t n = strcspn(value, " \t\n\f\r");
        if (n == tlen && strncasecmp(value, token, n) == 0)
            return true;
        value += n;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* <meta> keys. Readability's _getArticleMetadata matches `property` against
 *   \s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|
 *   published_time|title|site_name)\s*      (first match in the list)
 * and otherwise `name` against
 *   ^(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))[-.:]?
 *   (author|creator|pub-date|description|title|site_name)$
 * lower-cased, spaces removed, dots turned into colons; a later tag wins.
 * We also keep og:locale (lang) and og:url (canonical URL). */

typedef enum {
    K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_ARTICLE_TITLE,
    K_WEIBO_WEBPAGE_TITLE, K_TITLE, K_TWITTER_TITLE, K_PARSELY_TITLE,
    K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR, K_ARTICLE_AUTHOR,
    K_DC_DESCRIPTION, K_DCTERM_DESCRIPTION, K_OG_DESCRIPTION,
    K_WEIBO_ARTICLE_DESCRIPTION, K_WEIBO_WEBPAGE_DESCRIPTION, K_DESCRIPTION,
    K_TWITTER_DESCRIPTION,
    K_OG_SITE_NAME,
    K_ARTICLE_PUBLISHED_TIME, K_PARSELY_PUB_DATE,
    K_OG_LOCALE, K_OG_URL,
    K_COUNT
} meta_key;

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

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

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
        if (has_token(property, extra_properties[e]))  /* not og:locale:alternate */
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

typedef struct {
    const rm_dom *dom;
    const char *page_url;
    bool oom;
    const char *meta[K_COUNT];   /* content attribute, last tag wins */
    const char *content_language;
    const char *canonical;       /* first <link rel=canonical href> */
    const char *base_href;       /* first <base href> */
    int32_t title_el;            /* first <title> */
    node_facts *facts;           /* per node, see compute_facts */
    char *html_title;            /* _getArticleTitle's answer, computed once */
    bool html_title_done;
} scan;

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

static void scan_document(scan *sc)
{
    const rm_dom *dom = sc->dom;
    sc->title_el = RM_NONE;
    for (int32_t i = 0; i < dom->count; i++) {
        if (dom->nodes[i].type != RM_NODE_ELEMENT ||
            dom->nodes[i].g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
            continue;
        switch (dom->nodes[i].tag) {
        case GUMBO_TAG_META:
            scan_meta(sc, i);
            break;
        case GUMBO_TAG_TITLE:
            if (sc->title_el == RM_NONE)
                sc->title_el = i;
            break;
        case GUMBO_TAG_LINK:
            if (!sc->canonical && has_token(dom_attr(dom, i, "rel"), "canonical"))
                sc->canonical = dom_attr(dom, i, "href");
            break;
        case GUMBO_TAG_BASE:
            if (!sc->base_href)
                sc->base_href = dom_attr(dom, i, "href");
            break;
        default:
            break;
        }
    }
}

static const char *first_meta(const scan *sc, const meta_key *keys)
{
    for (; *keys != KEYS_END; keys++)
        if (has_text(sc->meta[*keys]))
            return sc->meta[*keys];
    return NULL;
}

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
            int sp = space_len(s + i);
            if (sp && !in_space)
                words++;
            in_space = sp > 0;
        }
        i += (size_t)k;
    }
    return words;
}

static char *element_text(const scan *sc, int32_t id, bool *oom)
{
    strbuf b = {0};
    subtree_text(sc->dom, id, &b);
    *oom |= b.oom;
    return sb_take(&b);
}

/* Is there an h1 or h2 whose trimmed text is exactly `title`? */
static bool heading_equals(const scan *sc, const char *title, size_t n, bool *oom)
{
    uint32_t title_units = (uint32_t)js_length(title, n);
    int32_t compared = RM_NONE;
    for (int32_t i = 0; i < sc->dom->count; i++) {
        if ((!is_html_element(sc->dom, i, GUMBO_TAG_H1) && !is_html_element(sc->dom, i, GUMBO_TAG_H2)) ||
            trimmed_units(&sc->facts[i]) != title_units)
            continue;
        /* A heading inside one of the same trimmed length has the same text. */
        if (inside(sc->dom, i, compared))
            continue;
        compared = i;
        char *text = element_text(sc, i, oom);
        const char *t = text ? text : "";
        size_t tn = strlen(t);
        trim(&t, &tn);
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
        if (!is_html_element(dom, i, GUMBO_TAG_H1))
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
    if (word_count(orig + from, n - from) < 3)
        return (size_t)((const char *)memchr(orig, ':', n) - orig) + 1;
    if (word_count(orig, (size_t)((const char *)memchr(orig, ':', n) - orig)) > 5)
        return 0;
    return from;
}

static char *title_from_document(const scan *sc, bool *oom)
{
    char *raw = sc->title_el != RM_NONE ? element_text(sc, sc->title_el, oom) : NULL;
    char *orig = raw ? collapse_ws(raw, strlen(raw), oom) : NULL;
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
        if (word_count(cur, cn) < 3) {
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
    } else if (js_length(o, on) > 150 || js_length(o, on) < 15) {
        int32_t h1 = sole_h1(sc->dom);
        if (h1 != RM_NONE && (h1_text = element_text(sc, h1, oom)) != NULL) {
            cur = h1_text;
            cn = strlen(h1_text);
        }
    }
    trim(&cur, &cn);
    size_t words = word_count(cur, cn);
    if (words <= 4 && (!hierarchical || words != words_without_separators(o, on) - 1)) {
        cur = o;
        cn = on;
    }
    char *title = collapse_ws(cur, cn, oom);
    free(h1_text);
    free(orig);
    return title;
}

/* _getArticleTitle is needed both by JSON-LD and as the last resort. */
static const char *html_title(scan *sc)
{
    if (!sc->html_title_done) {
        sc->html_title = title_from_document(sc, &sc->oom);
        sc->html_title_done = true;
    }
    return sc->html_title ? sc->html_title : "";
}

/* ------------------------------------------------------------------ */
/* _textSimilarity: share of b's words (ASCII \w+ runs, lower-cased, as the
 * JavaScript tokenizer sees them) that a also has, weighted by length. */

typedef struct {
    const char *s;
    size_t n;
} token;

static size_t tokenize(const char *s, token *out, size_t cap)
{
    size_t count = 0;
    while (*s && count < cap) {
        while (*s && !(((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            s++;
        const char *start = s;
        while (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')
            s++;
        if (s > start)
            out[count++] = (token){start, (size_t)(s - start)};
    }
    return count;
}

static bool token_in(token t, const token *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i].n == t.n && strncasecmp(set[i].s, t.s, t.n) == 0)
            return true;
    return false;
}

static double text_similarity(const char *a, const char *b)
{
    enum { MAX_TOKENS = 256 };
    token ta[MAX_TOKENS], tb[MAX_TOKENS];
    size_t na = tokenize(a, ta, MAX_TOKENS), nb = tokenize(b, tb, MAX_TOKENS);
    if (!na || !nb)
        return 0;
    size_t all = nb - 1, unique = 0, nunique = 0;
    for (size_t i = 0; i < nb; i++) {
        all += tb[i].n;
        if (!token_in(tb[i], ta, na)) {
            unique += tb[i].n;
            nunique++;
        }
    }
    if (nunique)
        unique += nunique - 1;
    return 1.0 - (double)unique / (double)all;
}

/* ------------------------------------------------------------------ */
/* JSON-LD (schema.org). */

/* Readability's jsonLdArticleTypes (see https://schema.org/Article). */
static const char *const article_types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
    "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    "APIReference",
};

/* Prefixes a type or context may carry. */
static const char *const schema_org_prefixes[] = {
    "http://schema.org/", "https://schema.org/", "schema:",
};

static const char *strip_schema_prefix(const char *s)
{
    for (size_t i = 0; i < COUNT_OF(schema_org_prefixes); i++) {
        size_t n = strlen(schema_org_prefixes[i]);
        if (strncmp(s, schema_org_prefixes[i], n) == 0)
            return s + n;
    }
    return s;
}

static bool is_article_type_name(const char *s)
{
    s = strip_schema_prefix(s);
    for (size_t i = 0; i < COUNT_OF(article_types); i++)
        if (strcmp(s, article_types[i]) == 0)
            return true;
    return false;
}

/* @type may be a string or (beyond Readability) an array of strings. */
static bool is_article(const cJSON *obj)
{
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(obj, "@type");
    if (cJSON_IsString(type))
        return is_article_type_name(type->valuestring);
    const cJSON *t;
    cJSON_ArrayForEach(t, (cJSON_IsArray(type) ? type : NULL))
        if (cJSON_IsString(t) && is_article_type_name(t->valuestring))
            return true;
    return false;
}

static bool is_schema_org_url(const char *s)
{
    const char *rest = strip_schema_prefix(s);
    return rest != s && *rest == '\0' && strncmp(s, "schema:", 7) != 0;
}

static bool is_schema_org_host(const char *s)
{
    return strcmp(s, "http://schema.org") == 0 || strcmp(s, "https://schema.org") == 0 ||
           is_schema_org_url(s);
}

/* @context "https://schema.org", {"@vocab": "https://schema.org/"}, or an
 * array holding either. */
static bool is_schema_org_context(const cJSON *ctx)
{
    if (cJSON_IsString(ctx))
        return is_schema_org_host(ctx->valuestring);
    if (cJSON_IsObject(ctx)) {
        const cJSON *vocab = cJSON_GetObjectItemCaseSensitive(ctx, "@vocab");
        return cJSON_IsString(vocab) && is_schema_org_host(vocab->valuestring);
    }
    const cJSON *c;
    cJSON_ArrayForEach(c, (cJSON_IsArray(ctx) ? ctx : NULL))
        if (!cJSON_IsArray(c) && is_schema_org_context(c))
            return true;
    return false;
}

static const cJSON *first_article_in(const cJSON *list)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, (cJSON_IsArray(list) ? list : NULL))
        if (cJSON_IsObject(item) && is_article(item))
            return item;
    return NULL;
}

/* The Article object of one parsed script, or NULL. The schema.org context
 * may sit on the object itself or on the document that holds it. */
static const cJSON *find_article(const cJSON *root)
{
    const cJSON *doc = root;
    if (cJSON_IsArray(root)) {
        doc = first_article_in(root);
        if (!doc)
            return NULL;
    }
    if (!cJSON_IsObject(doc))
        return NULL;
    bool context = is_schema_org_context(cJSON_GetObjectItemCaseSensitive(doc, "@context"));
    if (is_article(doc))
        return context ? doc : NULL;
    const cJSON *found = first_article_in(cJSON_GetObjectItemCaseSensitive(doc, "@graph"));
    if (found && (context || is_schema_org_context(cJSON_GetObjectItemCaseSensitive(found, "@context"))))
        return found;
    return NULL;
}

static const char *json_string(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* author: {"name"}, [{"name"}...] joined with ", ", and (beyond Readability)
 * plain strings, alone or in the array. */
static void json_author_names(const cJSON *author, strbuf *out)
{
    if (cJSON_IsString(author)) {
        sb_puts(out, author->valuestring);
        return;
    }
    if (cJSON_IsObject(author)) {
        const char *name = json_string(author, "name");
        if (name)
            sb_puts(out, name);
        return;
    }
    const cJSON *a;
    cJSON_ArrayForEach(a, (cJSON_IsArray(author) ? author : NULL)) {
        const char *name = cJSON_IsString(a) ? a->valuestring : json_string(a, "name");
        if (!has_text(name))
            continue;
        if (out->len)
            sb_puts(out, ", ");
        const char *t = name;
        size_t n = strlen(t);
        trim(&t, &n);
        sb_putn(out, t, n);
    }
}

typedef struct {
    char *title, *byline, *excerpt, *site_name, *published, *body;
} ld_fields;

/* name and headline usually agree; when they do not (aktualne.cz puts its
 * own name in "name"), take the one that matches the HTML title. */
static const char *ld_title(scan *sc, const cJSON *article)
{
    const char *name = json_string(article, "name");
    const char *headline = json_string(article, "headline");
    if (name && headline && strcmp(name, headline) != 0) {
        const char *title = html_title(sc);
        bool name_matches = text_similarity(name, title) > 0.75;
        bool headline_matches = text_similarity(headline, title) > 0.75;
        return headline_matches && !name_matches ? headline : name;
    }
    return name ? name : headline;
}

static void ld_extract(scan *sc, const cJSON *article, ld_fields *ld)
{
    ld->title = clean_value(ld_title(sc, article), &sc->oom);
    strbuf authors = {0};
    json_author_names(cJSON_GetObjectItemCaseSensitive(article, "author"), &authors);
    sc->oom |= authors.oom;
    char *joined = sb_take(&authors);
    ld->byline = clean_value(joined, &sc->oom);
    free(joined);
    ld->excerpt = clean_value(json_string(article, "description"), &sc->oom);
    const cJSON *publisher = cJSON_GetObjectItemCaseSensitive(article, "publisher");
    ld->site_name = clean_value(json_string(publisher, "name"), &sc->oom);
    ld->published = clean_value(json_string(article, "datePublished"), &sc->oom);
    const char *body = json_string(article, "articleBody");
    ld->body = body ? collapse_ws(body, strlen(body), &sc->oom) : NULL;
}

/* Script text without the <![CDATA[ opener some CMSes add; cJSON stops at
 * the end of the value, so the closing ]]> needs no care. */
static char *script_json(const scan *sc, int32_t id, bool *oom)
{
    char *text = element_text(sc, id, oom);
    if (!text)
        return NULL;
    const char *s = text;
    size_t n = strlen(s);
    trim(&s, &n);
    if (n >= 9 && strncmp(s, "<![CDATA[", 9) == 0) {
        s += 9;
        n -= 9;
    }
    memmove(text, s, n);
    text[n] = '\0';
    return text;
}

static bool is_ld_json_script(const rm_dom *dom, int32_t id)
{
    if (!is_html_element(dom, id, GUMBO_TAG_SCRIPT))
        return false;
    const char *type = dom_attr(dom, id, "type");
    if (!type)
        return false;
    size_t n = strlen(type);
    trim(&type, &n);
    return n == 19 && strncasecmp(type, "application/ld+json", 19) == 0;
}

/* The first script that describes an Article wins, as in Readability. */
static void collect_json_ld(scan *sc, ld_fields *ld)
{
    for (int32_t i = 0; i < sc->dom->count && !sc->oom; i++) {
        if (!is_ld_json_script(sc->dom, i))
            continue;
        char *json = script_json(sc, i, &sc->oom);
        cJSON *root = json ? cJSON_Parse(json) : NULL;
        free(json);
        const cJSON *article = root ? find_article(root) : NULL;
        if (article)
            ld_extract(sc, article, ld);
        cJSON_Delete(root);
        if (article)
            return;
    }
}

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
    uint32_t units = trimmed_units(&sc->facts[id]);
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
            char *text = element_text(sc, byline_name_element(dom, i), &sc->oom);
            char *byline = text ? collapse_ws(text, strlen(text), &sc->oom) : NULL;
            free(text);
            *node = i;
            return byline;
        }
        i += skip_unlikely && is_unlikely(sc, i, cls, idattr) ? (int32_t)n->size : 1;
    }
    return NULL;
}
static char *dom_byline(scan *sc, int32_t *node)
{
    char *byline = walk_for_byline(sc, true, node);
    return byline ? byline : walk_for_byline(sc, false, node);
}


/* ------------------------------------------------------------------ */
/* Dates. Readability passes dates through; we publish ISO 8601:
 * already-ISO values unchanged, "YYYY-MM-DD hh:mm" given its "T",
 * RFC 2822 (mail, RSS), "March 5, 2020" / "5 March 2020" and Unix times
 * converted; anything else is dropped. */

typedef struct {
    int year, month, day, hour, minute, second;
    bool has_time, has_seconds;
    char fraction[16];  /* ".123" or "" */
    char zone[8];       /* "Z", "+01:00" or "" */
} date_parts;

static const char *const month_names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

/* Named zones of RFC 2822 §4.3. */
static const struct {
    const char *name;
    const char *offset;
} zone_names[] = {
    {"UT", "Z"}, {"UTC", "Z"}, {"GMT", "Z"}, {"Z", "Z"},
    {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"},
    {"MST", "-07:00"}, {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"},
};

static int read_int(const char **s, int min_digits, int max_digits)
{
    int v = 0, n = 0;
    while (n < max_digits && **s >= '0' && **s <= '9') {
        v = v * 10 + (**s - '0');
        (*s)++;
        n++;
    }
    return n >= min_digits ? v : -1;
}

static int read_month(const char **s)
{
    for (int m = 0; m < 12; m++) {
        if (strncasecmp(*s, month_names[m], 3) != 0)
            continue;
        *s += 3;
        while ((**s | 0x20) >= 'a' && (**s | 0x20) <= 'z')
            (*s)++;
        if (**s == '.')
            (*s)++;
        return m + 1;
    }
    return -1;
}

static void skip_spaces(const char **s)
{
    while (**s == ' ' || **s == '\t')
        (*s)++;
}

/* hh:mm[:ss[.fff]] */
static bool read_time(const char **s, date_parts *d)
{
    d->hour = read_int(s, 1, 2);
    if (d->hour < 0 || **s != ':')
        return false;
    (*s)++;
    d->minute = read_int(s, 2, 2);
    if (d->minute < 0)
        return false;
    if (**s == ':') {
        (*s)++;
        d->second = read_int(s, 2, 2);
        if (d->second < 0)
            return false;
        d->has_seconds = true;
        size_t frac = (**s == '.' || **s == ',') ? 1 + strspn(*s + 1, "0123456789") : 0;
        if (frac > 1 && frac < sizeof d->fraction) {
            memcpy(d->fraction, *s, frac);
            d->fraction[0] = '.';
            d->fraction[frac] = '\0';
        }
        *s += frac;
    }
    d->has_time = true;
    return true;
}

/* Z, ±hh, ±hhmm, ±hh:mm or a zone name; "" when absent. */
static bool read_zone(const char **s, date_parts *d)
{
    skip_spaces(s);
    if (**s == '+' || **s == '-') {
        char sign = **s;
        (*s)++;
        const char *digits = *s;
        int hh = read_int(s, 2, 2), mm = 0;
        if (hh < 0)
            return false;
        if (**s == ':')
            (*s)++;
        if (**s >= '0' && **s <= '9')
            mm = read_int(s, 2, 2);
        if (mm < 0 || hh > 14 || mm > 59 || *s - digits > 5)
            return false;
        snprintf(d->zone, sizeof d->zone, "%c%02d:%02d", sign, hh, mm);
        return true;
    }
    for (size_t i = 0; i < COUNT_OF(zone_names); i++) {
        size_t n = strlen(zone_names[i].name);
        if (strncasecmp(*s, zone_names[i].name, n) == 0 &&
            !(((*s)[n] | 0x20) >= 'a' && ((*s)[n] | 0x20) <= 'z')) {
            *s += n;
            snprintf(d->zone, sizeof d->zone, "%s", zone_names[i].offset);
            return true;
        }
    }
    return true;
}

static bool read_iso(const char *s, date_parts *d)
{
    d->year = read_int(&s, 4, 4);
    if (d->year < 0 || *s++ != '-' || (d->month = read_int(&s, 2, 2)) < 0 ||
        *s++ != '-' || (d->day = read_int(&s, 2, 2)) < 0)
        return false;
    if ((*s == 'T' || *s == 't' || *s == ' ') && s[1] >= '0' && s[1] <= '9') {
        s++;
        if (!read_time(&s, d) || !read_zone(&s, d))
            return false;
    }
    skip_spaces(&s);
    return *s == '\0';
}

/* [Day,] DD Mon YYYY [hh:mm[:ss] [zone]]  and  Mon DD, YYYY [hh:mm ...] */
static bool read_written(const char *s, date_parts *d)
{
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 10 && read_month(&(const char *){s}) < 0)
        s = comma + 1;  /* weekday */
    skip_spaces(&s);
    if (*s >= '0' && *s <= '9') {
        d->day = read_int(&s, 1, 2);
        skip_spaces(&s);
        d->month = read_month(&s);
    } else {
        d->month = read_month(&s);
        skip_spaces(&s);
        d->day = read_int(&s, 1, 2);
        if (*s == ',')
            s++;
    }
    skip_spaces(&s);
    d->year = read_int(&s, 4, 4);
    if (d->day < 0 || d->month < 0 || d->year < 0)
        return false;
    skip_spaces(&s);
    if (*s >= '0' && *s <= '9' && (!read_time(&s, d) || !read_zone(&s, d)))
        return false;
    skip_spaces(&s);
    return *s == '\0';
}

/* 10-digit seconds or 13-digit milliseconds since the epoch. */
static bool read_epoch(const char *s, date_parts *d)
{
    size_t n = strspn(s, "0123456789");
    if (s[n] != '\0' || (n != 10 && n != 13))
        return false;
    time_t t = (time_t)(strtoll(s, NULL, 10) / (n == 13 ? 1000 : 1));
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return false;
    *d = (date_parts){.year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
                      .hour = tm.tm_hour, .minute = tm.tm_min, .second = tm.tm_sec,
                      .has_time = true, .has_seconds = true, .zone = "Z"};
    return true;
}

static bool date_in_range(const date_parts *d)
{
    return d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31 &&
           (!d->has_time || (d->hour <= 23 && d->minute <= 59 && d->second <= 60));
}

static char *normalize_date(const char *value, bool *oom)
{
    date_parts d = {0};
    bool iso = read_iso(value, &d);
    if (!iso) {
        d = (date_parts){0};
        if (!read_written(value, &d)) {
            d = (date_parts){0};
            if (!read_epoch(value, &d))
                return NULL;
        }
    }
    if (!date_in_range(&d))
        return NULL;
    if (iso && (!d.has_time || strchr(value, 'T')) && !strchr(value, ' ')) {
        char *copy = strdup(value);
        *oom |= !copy;
        return copy;
    }
    char out[64];
    int n = snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    if (d.has_time) {
        n += snprintf(out + n, sizeof out - (size_t)n, "T%02d:%02d", d.hour, d.minute);
        if (d.has_seconds)
            snprintf(out + n, sizeof out - (size_t)n, ":%02d%s", d.second, d.fraction);
        strncat(out, d.zone, sizeof out - strlen(out) - 1);
    }
    char *copy = strdup(out);
    *oom |= !copy;
    return copy;
}

/* ------------------------------------------------------------------ */
/* Language, direction, canonical URL. */

static char *attr_copy(const rm_dom *dom, int32_t id, const char *name, bool *oom)
{
    const char *v = id != RM_NONE ? dom_attr(dom, id, name) : NULL;
    return v ? collapse_ws(v, strlen(v), oom) : NULL;
}

/* <html lang>, else og:locale (en_US -> en-US), else Content-Language. */
static char *page_lang(const scan *sc, bool *oom)
{
    char *lang = attr_copy(sc->dom, sc->dom->html, "lang", oom);
    if (lang)
        return lang;
    const char *v = has_text(sc->meta[K_OG_LOCALE]) ? sc->meta[K_OG_LOCALE] : sc->content_language;
    if (!v)
        return NULL;
    size_t n = strcspn(v, ",");  /* Content-Language may list several */
    lang = collapse_ws(v, n, oom);
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
static char *page_dir(const scan *sc, bool *oom)
{
    const rm_dom *dom = sc->dom;
    int32_t html = dom->html;
    int32_t root = dom->body != RM_NONE ? dom->body : html;
    const char *best = html != RM_NONE ? dir_of(dom, html) : NULL;
    if (root != RM_NONE) {
        uint32_t total = sc->facts[root].units;
        int32_t end = root + (int32_t)dom->nodes[root].size;
        for (int32_t i = root; i < end; i++) {
            const char *dir = dom->nodes[i].type == RM_NODE_ELEMENT ? dir_of(dom, i) : NULL;
            if (dir && (i == root || 2 * (uint64_t)sc->facts[i].units > total))
                best = dir;
        }
    }
    if (!best)
        return NULL;
    char *copy = strdup(best);
    *oom |= !copy;
    return copy;
}
static bool is_absolute_url(const char *url)
{
    size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    return n > 0 && url[n] == ':';
}

/* rel=canonical, else og:url, else the page's own URL; relative references
 * resolve against <base href> (itself against the page URL). */
static char *page_canonical(const scan *sc, bool *oom)
{
    const char *ref = has_text(sc->canonical) ? sc->canonical
                      : has_text(sc->meta[K_OG_URL]) ? sc->meta[K_OG_URL]
                                                     : sc->page_url;
    if (!ref)
        return NULL;
    char *trimmed = collapse_ws(ref, strlen(ref), oom);
    char *base = sc->base_href ? url_resolve(sc->page_url, sc->base_href) : NULL;
    *oom |= sc->base_href && !base;
    char *url = trimmed ? url_resolve(base ? base : sc->page_url, trimmed) : NULL;
    *oom |= trimmed && !url;
    free(base);
    free(trimmed);
    if (url && !is_absolute_url(url)) {
        free(url);
        return NULL;
    }
    return url;
}

/* ------------------------------------------------------------------ */

/* Readability skips article:author when it is a profile URL. */
static const char *meta_byline(const scan *sc)
{
    const char *byline = first_meta(sc, byline_keys);
    const char *article_author = sc->meta[K_ARTICLE_AUTHOR];
    if (!byline && has_text(article_author) && !is_absolute_url(article_author))
        byline = article_author;
    return byline;
}

static char *take_first(char **ld_value, const char *meta_value, bool *oom)
{
    if (*ld_value) {
        char *v = *ld_value;
        *ld_value = NULL;
        return v;
    }
    return clean_value(meta_value, oom);
}

static void collect_byline(scan *sc, ld_fields *ld, rm_metadata *md)
{
    md->byline = take_first(&ld->byline, meta_byline(sc), &sc->oom);
    if (md->byline)
        return;
    int32_t node = RM_NONE;
    md->byline = dom_byline(sc, &node);
    if (md->byline && inside(sc->dom, node, sc->dom->body))
        md->byline_node = node;
}

static void collect_title(scan *sc, ld_fields *ld, rm_metadata *md)
{
    md->title = take_first(&ld->title, first_meta(sc, title_keys), &sc->oom);
    if (!md->title && html_title(sc)[0]) {
        md->title = sc->html_title;
        sc->html_title = NULL;
    }
}

static void collect_published(scan *sc, ld_fields *ld, rm_metadata *md)
{
    char *raw = take_first(&ld->published, first_meta(sc, published_keys), &sc->oom);
    md->published = raw ? normalize_date(raw, &sc->oom) : NULL;
    free(raw);
}

static void free_ld(ld_fields *ld)
{
    free(ld->title);
    free(ld->byline);
    free(ld->excerpt);
    free(ld->site_name);
    free(ld->published);
    free(ld->body);
}

int metadata_collect(const rm_dom *dom, const char *page_url, rm_metadata *md)
{
    memset(md, 0, sizeof *md);
    md->byline_node = RM_NONE;
    if (!dom || dom->count == 0)
        return 0;
    scan sc = {.dom = dom, .page_url = page_url, .facts = compute_facts(dom)};
    if (!sc.facts)
        return -1;
    scan_document(&sc);
    ld_fields ld = {0};
    collect_json_ld(&sc, &ld);

    collect_title(&sc, &ld, md);
    collect_byline(&sc, &ld, md);
    md->excerpt = take_first(&ld.excerpt, first_meta(&sc, excerpt_keys), &sc.oom);
    md->site_name = take_first(&ld.site_name, first_meta(&sc, site_name_keys), &sc.oom);
    collect_published(&sc, &ld, md);
    md->ld_body = ld.body;
    ld.body = NULL;
    md->lang = page_lang(&sc, &sc.oom);
    md->dir = page_dir(&sc, &sc.oom);
    md->url = page_canonical(&sc, &sc.oom);

    free_ld(&ld);
    free(sc.html_title);
    free(sc.facts);
    if (sc.oom) {
        metadata_free(md);
        return -1;
    }
    return 0;
}

void metadata_free(rm_metadata *md)
{
    free(md->title);
    free(md->byline);
    free(md->site_name);
    free(md->published);
    free(md->lang);
    free(md->dir);
    free(md->excerpt);
    free(md->url);
    free(md->ld_body);
    memset(md, 0, sizeof *md);
    md->byline_node = RM_NONE;
}
