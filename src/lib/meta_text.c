/*
 * meta_text.c — the string and text helpers every metadata reader shares:
 * growable buffers, JavaScript-style white space and lengths (Readability
 * states its thresholds in UTF-16 units), character references in meta
 * values (all of them, decoded by Gumbo),
 * and per-node text facts, read for the few nodes the rules ask about.
 */
#include "meta_internal.h"

#include "ascii.h"

#include <gumbo.h>

#include <unictype.h>
#include <unistr.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void meta_sb_putn(strbuf *b, const char *s, size_t n)
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

void meta_sb_puts(strbuf *b, const char *s)
{
    meta_sb_putn(b, s, strlen(s));
}

bool meta_ids_add(meta_ids *list, int32_t id)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        int32_t *grown = realloc(list->ids, cap * sizeof *grown);
        if (!grown)
            return false;
        list->ids = grown;
        list->cap = cap;
    }
    list->ids[list->count++] = id;
    return true;
}

/* The collected string, or NULL (empty or out of memory: see b->oom). */
char *meta_sb_take(strbuf *b)
{
    if (b->oom || b->len == 0) {
        free(b->s);
        return NULL;
    }
    return b->s;
}

/* ------------------------------------------------------------------ */
/* Text helpers. "White space" is JavaScript's \s, which Readability's
 * meta_trim() and regular expressions use: Unicode White_Space plus U+FEFF. */

bool meta_is_space_cp(ucs4_t cp)
{
    return uc_is_property_white_space(cp) || cp == 0xFEFF;
}

/* Length in bytes of the white-space character at s, or 0. */
int meta_space_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    ucs4_t cp;
    int n = u8_mbtouc(&cp, (const uint8_t *)s, strnlen(s, 4));
    return n > 0 && meta_is_space_cp(cp) ? n : 0;
}

/* Length as JavaScript counts it (UTF-16 code units), for the thresholds
 * Readability states in string lengths. */
size_t meta_js_length(const char *s, size_t n)
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
size_t meta_word_count(const char *s, size_t n)
{
    size_t words = 1;
    bool in_space = false;
    for (size_t i = 0; i < n;) {
        int k = meta_space_len(s + i);
        if (k && !in_space)
            words++;
        in_space = k > 0;
        i += k ? (size_t)k : 1;
    }
    return words;
}

/* Trim [s, s+n) in place of the pointers. */
void meta_trim(const char **s, size_t *n)
{
    int k;
    while (*n > 0 && (k = meta_space_len(*s)) > 0) {
        *s += k;
        *n -= (size_t)k;
    }
    while (*n > 0) {
        size_t back = 1;
        while (back < *n && back < 4 && (((unsigned char)(*s)[*n - back]) & 0xC0) == 0x80)
            back++;
        if (!meta_space_len(*s + *n - back))
            break;
        *n -= back;
    }
}

/* Collapse white-space runs into one space and trim; NULL when empty.
 * A lone non-ASCII space (no-break, ideographic) is typography, not layout,
 * and stays, as Readability's /\s{2,}/ rule leaves it. */
char *meta_collapse_ws(const char *s, size_t n, bool *oom)
{
    meta_trim(&s, &n);
    strbuf b = {0};
    for (size_t i = 0; i < n;) {
        int k = meta_space_len(s + i);
        if (!k) {
            meta_sb_putn(&b, s + i, 1);
            i++;
            continue;
        }
        size_t run = (size_t)k;
        while (i + run < n && meta_space_len(s + i + run) > 0)
            run += (size_t)meta_space_len(s + i + run);
        if (run == (size_t)k && k > 1)
            meta_sb_putn(&b, s + i, run);
        else
            meta_sb_putn(&b, " ", 1);
        i += run;
    }
    *oom |= b.oom;
    return meta_sb_take(&b);
}

/* Character references in a metadata value, decoded as a browser decodes
 * them in text: every named reference of the HTML Standard's table
 * ("&hellip;", "&eacute;", legacy forms without ";"), numeric ones, and
 * the replacements for invalid code points. Meta content is often escaped
 * twice (Gumbo has undone the first layer), and JSON-LD, being script
 * text, not even once. The decoding is Gumbo's own, by parsing the value as
 * the text of a body ("<" escaped first, so that nothing in it is read as
 * markup), which keeps the full table in one maintained place. */
static void append_text_of(const GumboNode *node, strbuf *out)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
        meta_sb_puts(out, node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
        return;
    const GumboVector *children = node->type == GUMBO_NODE_ELEMENT
                                      ? &node->v.element.children
                                      : &node->v.document.children;
    for (unsigned i = 0; i < children->length; i++)
        append_text_of(children->data[i], out);
}

/* Decode one numeric reference at s ("&#...;") by the HTML Standard's
 * rules (zero, surrogates and values past U+10FFFF become U+FFFD) into
 * *cp; returns the bytes it spans, or 0 when s holds none. Gumbo's own
 * numeric decoding mishandles values that overflow 32 bits. */
static size_t numeric_reference(const char *s, ucs4_t *cp)
{
    bool hex = s[2] == 'x' || s[2] == 'X';
    const char *digits = s + (hex ? 3 : 2);
    size_t n = strspn(digits, hex ? "0123456789abcdefABCDEF" : "0123456789");
    if (n == 0 || digits[n] != ';')
        return 0;
    unsigned long long v = 0;
    for (size_t i = 0; i < n && v <= 0x10FFFF; i++)
        v = v * (hex ? 16 : 10) + (unsigned)(hex && digits[i] > '9' ? (digits[i] | 0x20) - 'a' + 10
                                                                     : digits[i] - '0');
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
    *cp = (ucs4_t)v;
    return (size_t)(digits + n + 1 - s);
}

/* The value as the text of a body for Gumbo: "<" escaped so that nothing
 * is read as markup, numeric references decoded here (re-escaped when they
 * stand for "&" or "<", so that nothing is decoded twice). */
static void body_text_document(const char *s, strbuf *doc)
{
    meta_sb_puts(doc, "<!DOCTYPE html><body>");
    for (; *s; s++) {
        ucs4_t cp;
        size_t used;
        if (*s == '<') {
            meta_sb_puts(doc, "&lt;");
        } else if (*s == '&' && s[1] == '#' && (used = numeric_reference(s, &cp)) > 0) {
            uint8_t buf[6];
            int k = u8_uctomb(buf, cp, (int)sizeof buf);
            if (cp == '&' || cp == '<')
                meta_sb_puts(doc, cp == '&' ? "&amp;" : "&lt;");
            else if (k > 0)
                meta_sb_putn(doc, (const char *)buf, (size_t)k);
            s += used - 1;
        } else {
            meta_sb_putn(doc, s, 1);
        }
    }
}

static void unescape_entities(const char *s, strbuf *out)
{
    if (!strchr(s, '&')) {
        meta_sb_puts(out, s);
        return;
    }
    strbuf doc = {0};
    body_text_document(s, &doc);
    if (doc.oom) {
        out->oom = true;
        free(doc.s);
        return;
    }
    GumboOutput *parsed = gumbo_parse_with_options(&kGumboDefaultOptions, doc.s, doc.len);
    free(doc.s);
    if (!parsed) {
        out->oom = true;
        return;
    }
    const GumboNode *html = parsed->root;
    for (unsigned i = 0; i < html->v.element.children.length; i++) {
        const GumboNode *child = html->v.element.children.data[i];
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY)
            append_text_of(child, out);
    }
    gumbo_destroy_output(&kGumboDefaultOptions, parsed);
}

/* A metadata value as we publish it: entities decoded, white space
 * collapsed, NULL when nothing is left. */
char *meta_clean_value(const char *raw, bool *oom)
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
    char *out = b.s ? meta_collapse_ws(b.s, b.len, oom) : NULL;
    free(b.s);
    return out;
}

bool meta_has_text(const char *s)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    meta_trim(&s, &n);
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
            meta_sb_puts(out, dom_text(dom, i));
        i++;
    }
}

static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* ASCII text: one unit a byte; only the white space at either end is
 * looked at. */
static node_facts ascii_text_facts(const char *s, size_t n)
{
    node_facts f = {.units = (uint32_t)n};
    size_t lead = 0, end = n;
    while (lead < n && is_ascii_space((unsigned char)s[lead]))
        lead++;
    while (end > lead && is_ascii_space((unsigned char)s[end - 1]))
        end--;
    f.lead = (uint32_t)lead;
    f.trail = lead == n ? (uint32_t)n : (uint32_t)(n - end);
    return f;
}

static node_facts text_facts(const char *s)
{
    node_facts f = {0};
    bool seen_text = false;
    size_t n = strlen(s);
    if (ascii_prefix((const uint8_t *)s, n) == n)
        return ascii_text_facts(s, n);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c > ' ' && c < 0x80) {   /* a run of visible ASCII: a word */
            size_t start = i;
            do
                i++;
            while (i < n && (unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x80);
            f.units += (uint32_t)(i - start);
            f.trail = 0;
            seen_text = true;
            continue;
        }
        if (c < 0x80) {   /* most text: no decoding, no property table */
            f.units++;
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                f.trail++;
                f.lead += seen_text ? 0 : 1;
            } else {
                f.trail = 0;
                seen_text = true;
            }
            i++;
            continue;
        }
        ucs4_t cp;
        int k = u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
        uint32_t units = cp > 0xFFFF ? 2 : 1;
        f.units += units;
        if (meta_is_space_cp(cp)) {
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

/* The white space the pre-scan cut from a text node counts again, as it
 * does in the page's textContent. */
static node_facts add_cut_space(node_facts f, dom_cut cut)
{
    bool blank = f.lead == f.units;
    f.units += cut.all;
    if (blank) {
        f.lead = f.trail = f.units;
        return f;
    }
    f.lead += cut.lead;
    f.trail += cut.trail;
    return f;
}

/* Every node's facts: children come after their parent in pre-order, so
 * one backward pass sums text bottom-up (a node is complete when the pass
 * reaches it: its children, met last to first, each put their text before
 * what the parent holds) and hands itself on to its parent. NULL when out
 * of memory. */
static node_facts *all_facts(const rm_dom *dom)
{
    node_facts *facts = calloc((size_t)dom->count, sizeof *facts);
    if (!facts)
        return NULL;
    for (int32_t i = dom->count - 1; i >= 0; i--) {
        const rm_node *n = &dom->nodes[i];
        if (n->type == RM_NODE_TEXT)
            facts[i] = add_cut_space(text_facts(dom_text(dom, i)), dom_cut_space(dom, i));
        else if (is_textless(n->tag))
            facts[i] = (node_facts){0};   /* script, style: no text of the page's */
        if (n->parent != RM_NONE)
            facts[n->parent] = concat_facts(facts[i], facts[n->parent]);
    }
    return facts;
}

/* The facts of one subtree, its text nodes read in document order (the
 * concatenation is associative, with all zero as its identity). */
static node_facts subtree_facts(const rm_dom *dom, int32_t id)
{
    node_facts f = {0};
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t i = id; i < end;) {
        const rm_node *n = &dom->nodes[i];
        if (n->type == RM_NODE_TEXT)
            f = concat_facts(f, add_cut_space(text_facts(dom_text(dom, i)), dom_cut_space(dom, i)));
        else if (is_textless(n->tag)) {
            i += (int32_t)n->size;
            continue;
        }
        i++;
    }
    return f;
}

/* The subtree reads may visit a quarter of the page before every node's
 * facts are summed instead: a page that asks that much pays at most a
 * quarter more than the one pass would have cost. */
void meta_facts_init(meta_facts *m, const rm_dom *dom)
{
    *m = (meta_facts){NULL, (size_t)dom->count / 4};
}

/* Every node's facts, unless memory is short (the subtrees are read then). */
void meta_facts_need_all(const scan *sc)
{
    meta_facts *m = sc->facts;
    if (m->all || m->budget == SIZE_MAX)
        return;
    m->all = all_facts(sc->dom);
    if (!m->all)
        m->budget = SIZE_MAX;
}

void meta_facts_free(meta_facts *m)
{
    free(m->all);
    m->all = NULL;
}

node_facts meta_node_facts(const scan *sc, int32_t id)
{
    meta_facts *m = sc->facts;
    if (m->all)
        return m->all[id];
    size_t size = sc->dom->nodes[id].size;
    if (size <= m->budget) {
        m->budget -= m->budget == SIZE_MAX ? 0 : size;
        return subtree_facts(sc->dom, id);
    }
    meta_facts_need_all(sc);
    return m->all ? m->all[id] : subtree_facts(sc->dom, id);
}

/* Length of the trimmed textContent. */
uint32_t meta_trimmed_units(const node_facts *f)
{
    return f->lead == f->units ? 0 : f->units - f->lead - f->trail;
}

/* Is id in the subtree of ancestor (RM_NONE: no)? */
bool meta_inside(const rm_dom *dom, int32_t id, int32_t ancestor)
{
    return ancestor != RM_NONE && id >= ancestor &&
           id < ancestor + (int32_t)dom->nodes[ancestor].size;
}

bool meta_is_html_element(const rm_dom *dom, int32_t id, GumboTag tag)
{
    const rm_node *n = &dom->nodes[id];
    return n->type == RM_NODE_ELEMENT && n->tag == tag &&
           n->ns == GUMBO_NAMESPACE_HTML;
}

/* Does a space-separated attribute value hold `token` (ASCII case-insensitive)? */
bool meta_has_token(const char *value, const char *token)
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

char *meta_element_text(const scan *sc, int32_t id, bool *oom)
{
    strbuf b = {0};
    subtree_text(sc->dom, id, &b);
    *oom |= b.oom;
    return meta_sb_take(&b);
}
