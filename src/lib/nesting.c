/*
 * nesting.c — cap element nesting depth in one linear pass over the markup.
 *
 * Gumbo 0.10.1 spends time quadratic in the depth of the tree (100 000
 * nested <div>s: ~30 s), so hostile or broken pages could stall the reader.
 * Browsers cap the depth anyway (Chromium's HTMLConstructionSite attaches
 * elements past depth 512 to the element at the cap), so we rewrite the
 * markup the same way before Gumbo sees it: start tags that would open an
 * element deeper than the cap, and their end tags, are cut out; the content
 * stays where it was and ends up one level up.
 *
 * To know the depth we run a light tokenizer (HTML Standard §13.2.5:
 * comments, doctype and bogus comments, CDATA in SVG/MathML, raw-text
 * elements, quoted attribute values, void elements, self-closing syntax)
 * and a rough model of tree construction (§13.2.6): end tags pop to the
 * matching open element, and the implied end tags and implied table
 * parents that change depth most are modelled. The model may overestimate
 * depth on odd markup (it then flattens a little early) but never counts
 * much less than Gumbo builds. Every lookup is bounded or amortised by the
 * pops it causes, so the pass stays linear.
 */
#include "nesting.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* <html> and <body> are always there, implied or not. */
#define IMPLIED_DEPTH 2
/* How far down the stack implied end tags look for the element they
 * close; beyond that we assume it is not there (and overestimate). */
#define IMPLIED_END_WINDOW 64
#define UNKNOWN_BUCKETS 256

/* ------------------------------------------------------------------ */
/* Tag classes                                                         */
/* ------------------------------------------------------------------ */

enum {
    C_VOID = 1 << 0,       /* no content, never on the stack */
    C_RAW_TEXT = 1 << 1,   /* content is text up to the matching end tag */
    C_MERGED = 1 << 2,     /* html, head, body: merged into the existing ones */
    C_FOREIGN = 1 << 3,    /* svg, math: self-closing syntax is honoured */
    C_CLOSES_P = 1 << 4,   /* start tag closes an open <p> */
    C_LI = 1 << 5,
    C_DT_DD = 1 << 6,
    C_TR = 1 << 7,
    C_CELL = 1 << 8,
    C_TABLE_SECTION = 1 << 9,
    C_OPTION = 1 << 10,
    C_OPTGROUP = 1 << 11,
    C_HEADING = 1 << 12,
    C_NO_SELF_NESTING = 1 << 13,   /* a second one closes the first */
};

/* From the HTML Standard: void elements (§13.1.2), elements whose content
 * the tokenizer reads as text (§13.2.6.4.7 "in body": script, style,
 * textarea, title, xmp, iframe, noembed, noframes, plaintext, and noscript
 * because Gumbo parses as if scripting were on), and the start tags of the
 * "in body" insertion mode that close a <p> or a sibling first. */
static const uint16_t tag_classes[GUMBO_TAG_LAST] = {
    [GUMBO_TAG_AREA] = C_VOID, [GUMBO_TAG_BASE] = C_VOID, [GUMBO_TAG_BASEFONT] = C_VOID,
    [GUMBO_TAG_BGSOUND] = C_VOID, [GUMBO_TAG_BR] = C_VOID, [GUMBO_TAG_COL] = C_VOID,
    [GUMBO_TAG_EMBED] = C_VOID, [GUMBO_TAG_FRAME] = C_VOID, [GUMBO_TAG_IMAGE] = C_VOID,
    [GUMBO_TAG_IMG] = C_VOID, [GUMBO_TAG_INPUT] = C_VOID, [GUMBO_TAG_KEYGEN] = C_VOID,
    [GUMBO_TAG_LINK] = C_VOID, [GUMBO_TAG_META] = C_VOID, [GUMBO_TAG_PARAM] = C_VOID,
    [GUMBO_TAG_SOURCE] = C_VOID, [GUMBO_TAG_TRACK] = C_VOID, [GUMBO_TAG_WBR] = C_VOID,
    [GUMBO_TAG_ISINDEX] = C_VOID, [GUMBO_TAG_MENUITEM] = C_VOID,
    [GUMBO_TAG_HR] = C_VOID | C_CLOSES_P,
    [GUMBO_TAG_SCRIPT] = C_RAW_TEXT, [GUMBO_TAG_STYLE] = C_RAW_TEXT,
    [GUMBO_TAG_TEXTAREA] = C_RAW_TEXT, [GUMBO_TAG_TITLE] = C_RAW_TEXT,
    [GUMBO_TAG_IFRAME] = C_RAW_TEXT, [GUMBO_TAG_NOEMBED] = C_RAW_TEXT,
    [GUMBO_TAG_NOFRAMES] = C_RAW_TEXT, [GUMBO_TAG_NOSCRIPT] = C_RAW_TEXT,
    [GUMBO_TAG_XMP] = C_RAW_TEXT | C_CLOSES_P,
    [GUMBO_TAG_PLAINTEXT] = C_RAW_TEXT | C_CLOSES_P,
    [GUMBO_TAG_HTML] = C_MERGED, [GUMBO_TAG_HEAD] = C_MERGED, [GUMBO_TAG_BODY] = C_MERGED,
    [GUMBO_TAG_SVG] = C_FOREIGN, [GUMBO_TAG_MATH] = C_FOREIGN,
    [GUMBO_TAG_ADDRESS] = C_CLOSES_P, [GUMBO_TAG_ARTICLE] = C_CLOSES_P,
    [GUMBO_TAG_ASIDE] = C_CLOSES_P, [GUMBO_TAG_BLOCKQUOTE] = C_CLOSES_P,
    [GUMBO_TAG_CENTER] = C_CLOSES_P, [GUMBO_TAG_DETAILS] = C_CLOSES_P,
    [GUMBO_TAG_DIR] = C_CLOSES_P, [GUMBO_TAG_DIV] = C_CLOSES_P, [GUMBO_TAG_DL] = C_CLOSES_P,
    [GUMBO_TAG_FIELDSET] = C_CLOSES_P, [GUMBO_TAG_FIGCAPTION] = C_CLOSES_P,
    [GUMBO_TAG_FIGURE] = C_CLOSES_P, [GUMBO_TAG_FOOTER] = C_CLOSES_P,
    [GUMBO_TAG_HEADER] = C_CLOSES_P, [GUMBO_TAG_HGROUP] = C_CLOSES_P,
    [GUMBO_TAG_MAIN] = C_CLOSES_P, [GUMBO_TAG_MENU] = C_CLOSES_P, [GUMBO_TAG_NAV] = C_CLOSES_P,
    [GUMBO_TAG_OL] = C_CLOSES_P, [GUMBO_TAG_P] = C_CLOSES_P, [GUMBO_TAG_SECTION] = C_CLOSES_P,
    [GUMBO_TAG_SUMMARY] = C_CLOSES_P, [GUMBO_TAG_UL] = C_CLOSES_P, [GUMBO_TAG_PRE] = C_CLOSES_P,
    [GUMBO_TAG_LISTING] = C_CLOSES_P, [GUMBO_TAG_FORM] = C_CLOSES_P,
    [GUMBO_TAG_TABLE] = C_CLOSES_P,
    [GUMBO_TAG_H1] = C_CLOSES_P | C_HEADING, [GUMBO_TAG_H2] = C_CLOSES_P | C_HEADING,
    [GUMBO_TAG_H3] = C_CLOSES_P | C_HEADING, [GUMBO_TAG_H4] = C_CLOSES_P | C_HEADING,
    [GUMBO_TAG_H5] = C_CLOSES_P | C_HEADING, [GUMBO_TAG_H6] = C_CLOSES_P | C_HEADING,
    [GUMBO_TAG_LI] = C_CLOSES_P | C_LI,
    [GUMBO_TAG_DT] = C_CLOSES_P | C_DT_DD, [GUMBO_TAG_DD] = C_CLOSES_P | C_DT_DD,
    [GUMBO_TAG_TR] = C_TR, [GUMBO_TAG_TD] = C_CELL, [GUMBO_TAG_TH] = C_CELL,
    [GUMBO_TAG_TBODY] = C_TABLE_SECTION, [GUMBO_TAG_THEAD] = C_TABLE_SECTION,
    [GUMBO_TAG_TFOOT] = C_TABLE_SECTION,
    [GUMBO_TAG_OPTION] = C_OPTION, [GUMBO_TAG_OPTGROUP] = C_OPTGROUP,
    [GUMBO_TAG_A] = C_NO_SELF_NESTING, [GUMBO_TAG_NOBR] = C_NO_SELF_NESTING,
    [GUMBO_TAG_BUTTON] = C_NO_SELF_NESTING,
};

#define TAGS(...) {__VA_ARGS__, GUMBO_TAG_LAST}
#define SCOPE_TAGS GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE, \
    GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE

/* Implied end tags (§13.2.6.4.7 "in body" and the table modes): a start
 * tag of `starts` closes the nearest open element of `closes`, unless an
 * element of `stops` (the standard's "scope" boundary) comes first. */
typedef struct {
    uint16_t starts;
    GumboTag closes[7];
    GumboTag stops[13];
    unsigned window;
} implied_end;

static const implied_end implied_ends[] = {
    {C_CLOSES_P, TAGS(GUMBO_TAG_P), TAGS(SCOPE_TAGS, GUMBO_TAG_BUTTON), IMPLIED_END_WINDOW},
    {C_LI, TAGS(GUMBO_TAG_LI), TAGS(SCOPE_TAGS, GUMBO_TAG_OL, GUMBO_TAG_UL), IMPLIED_END_WINDOW},
    {C_DT_DD, TAGS(GUMBO_TAG_DT, GUMBO_TAG_DD), TAGS(SCOPE_TAGS, GUMBO_TAG_DL), IMPLIED_END_WINDOW},
    {C_HEADING, TAGS(GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                     GUMBO_TAG_H6), TAGS(GUMBO_TAG_HTML), 1},
    {C_TR, TAGS(GUMBO_TAG_TR), TAGS(GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
                                    GUMBO_TAG_TFOOT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML),
     IMPLIED_END_WINDOW},
    {C_CELL, TAGS(GUMBO_TAG_TD, GUMBO_TAG_TH),
     TAGS(GUMBO_TAG_TR, GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML), IMPLIED_END_WINDOW},
    {C_TABLE_SECTION, TAGS(GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT),
     TAGS(GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HTML), IMPLIED_END_WINDOW},
    {C_OPTION | C_OPTGROUP, TAGS(GUMBO_TAG_OPTION), TAGS(GUMBO_TAG_SELECT, GUMBO_TAG_DATALIST), 1},
    {C_OPTGROUP, TAGS(GUMBO_TAG_OPTGROUP), TAGS(GUMBO_TAG_SELECT, GUMBO_TAG_DATALIST), 1},
    {C_NO_SELF_NESTING, TAGS(GUMBO_TAG_BUTTON), TAGS(SCOPE_TAGS), IMPLIED_END_WINDOW},
    /* A second <a> or <nobr> runs the adoption agency, which closes the
     * first but reopens the formatting elements inside it: only when the
     * first is the current node does the depth surely not grow. */
    {C_NO_SELF_NESTING, TAGS(GUMBO_TAG_A, GUMBO_TAG_NOBR), TAGS(GUMBO_TAG_HTML), 1},
};

/* Table parts Gumbo inserts when markup leaves them out (§13.2.6.4.9-13:
 * a <tr> directly in <table> gets a <tbody>, a cell gets a <tr>). */
typedef struct {
    uint16_t starts;
    GumboTag current[4];
    GumboTag inserted[3];
} implied_parent;

static const implied_parent implied_parents[] = {
    {C_TR, TAGS(GUMBO_TAG_TABLE), TAGS(GUMBO_TAG_TBODY)},
    {C_CELL, TAGS(GUMBO_TAG_TABLE), TAGS(GUMBO_TAG_TBODY, GUMBO_TAG_TR)},
    {C_CELL, TAGS(GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT), TAGS(GUMBO_TAG_TR)},
};

static int tag_in(const GumboTag *set, GumboTag tag)
{
    for (; *set != GUMBO_TAG_LAST; set++)
        if (*set == tag)
            return 1;
    return 0;
}

static uint16_t class_of(GumboTag tag)
{
    return tag < GUMBO_TAG_LAST ? tag_classes[tag] : 0;
}

/* ------------------------------------------------------------------ */
/* Open elements                                                       */
/* ------------------------------------------------------------------ */

/* An element name: Gumbo's tag, or for unknown (custom) elements a hash
 * bucket of the lower-cased name. */
typedef struct {
    GumboTag tag;
    uint32_t bucket;
} tag_name;

typedef struct {
    tag_name name;
    uint8_t dropped;   /* its start tag was cut: cut its end tag too */
} open_element;

typedef struct {
    const char *html;
    size_t len;
    unsigned max_depth;

    open_element *stack;
    size_t depth, capacity;
    size_t kept;          /* open elements that stay: the model's depth */
    size_t foreign;       /* open <svg> and <math> */
    /* Open elements per name, so that an end tag with nothing to close
     * costs nothing instead of a walk down the whole stack. */
    uint32_t open_known[GUMBO_TAG_LAST];
    uint32_t open_unknown[UNKNOWN_BUCKETS];

    char *out;            /* NULL until the first cut */
    size_t out_len;
    size_t copied_until;  /* input before this is in `out` */
    int failed;           /* out of memory */
} scan;

static uint32_t *open_count(scan *s, tag_name name)
{
    return name.tag == GUMBO_TAG_UNKNOWN ? &s->open_unknown[name.bucket] : &s->open_known[name.tag];
}

static int same_name(tag_name a, tag_name b)
{
    return a.tag == b.tag && a.bucket == b.bucket;
}

static tag_name name_of(const char *s, size_t n)
{
    tag_name name = {gumbo_tagn_enum(s, (unsigned)n), 0};
    if (name.tag != GUMBO_TAG_UNKNOWN)
        return name;
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 16777619u;
    }
    name.bucket = h % UNKNOWN_BUCKETS;
    return name;
}

/* Push an element; returns 1 when it is beyond the cap (to be cut). */
static int push(scan *s, tag_name name)
{
    if (s->depth == s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 256;
        open_element *grown = realloc(s->stack, capacity * sizeof *grown);
        if (!grown) {
            s->failed = 1;
            return 0;
        }
        s->stack = grown;
        s->capacity = capacity;
    }
    int dropped = IMPLIED_DEPTH + s->kept + 1 > s->max_depth;
    s->stack[s->depth++] = (open_element){name, (uint8_t)dropped};
    s->kept += !dropped;
    s->foreign += (class_of(name.tag) & C_FOREIGN) != 0;
    (*open_count(s, name))++;
    return dropped;
}

/* Pop elements until `depth` remain. Cut elements are always above kept
 * ones, so `kept` stays the count of the kept prefix. */
static void pop_to(scan *s, size_t depth)
{
    while (s->depth > depth) {
        const open_element *top = &s->stack[--s->depth];
        s->kept -= !top->dropped;
        s->foreign -= (class_of(top->name.tag) & C_FOREIGN) != 0;
        (*open_count(s, top->name))--;
    }
}

/* Index of the nearest open element named in `closes`, looking at most
 * `window` elements down and not past one in `stops`; -1 if none. */
static long find_closable(const scan *s, const GumboTag *closes, const GumboTag *stops, unsigned window)
{
    for (size_t i = s->depth; i > 0 && s->depth - i < window; i--) {
        GumboTag tag = s->stack[i - 1].name.tag;
        if (tag_in(closes, tag))
            return (long)(i - 1);
        if (tag_in(stops, tag))
            return -1;
    }
    return -1;
}

static int any_open(scan *s, const GumboTag *tags)
{
    for (; *tags != GUMBO_TAG_LAST; tags++)
        if (*open_count(s, (tag_name){*tags, 0}))
            return 1;
    return 0;
}

static void apply_implied_ends(scan *s, uint16_t cls)
{
    for (size_t r = 0; r < sizeof implied_ends / sizeof implied_ends[0]; r++) {
        const implied_end *rule = &implied_ends[r];
        if (!(cls & rule->starts) || !any_open(s, rule->closes))
            continue;
        long at = find_closable(s, rule->closes, rule->stops, rule->window);
        if (at >= 0)
            pop_to(s, (size_t)at);
    }
}

static void apply_implied_parents(scan *s, uint16_t cls)
{
    GumboTag current = s->depth ? s->stack[s->depth - 1].name.tag : GUMBO_TAG_HTML;
    for (size_t r = 0; r < sizeof implied_parents / sizeof implied_parents[0]; r++) {
        const implied_parent *rule = &implied_parents[r];
        if (!(cls & rule->starts) || !tag_in(rule->current, current))
            continue;
        for (const GumboTag *t = rule->inserted; *t != GUMBO_TAG_LAST; t++)
            push(s, (tag_name){*t, 0});
        return;
    }
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static void copy_through(scan *s, size_t end)
{
    memcpy(s->out + s->out_len, s->html + s->copied_until, end - s->copied_until);
    s->out_len += end - s->copied_until;
}

/* Leave the tag at [start, end) out of the output. */
static void cut(scan *s, size_t start, size_t end)
{
    if (!s->out && !(s->out = malloc(s->len + 1))) {
        s->failed = 1;
        return;
    }
    copy_through(s, start);
    s->copied_until = end;
}

/* ------------------------------------------------------------------ */
/* Tokenizer                                                           */
/* ------------------------------------------------------------------ */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int has_prefix_ci(const scan *s, size_t at, const char *prefix)
{
    size_t n = strlen(prefix);
    if (s->len - at < n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s->html[at + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != prefix[i])
            return 0;
    }
    return 1;
}

/* Position just after the first `needle` at or after `at`, or the end. */
static size_t after(const scan *s, size_t at, const char *needle)
{
    while (at < s->len) {
        const char *hit = memchr(s->html + at, needle[0], s->len - at);
        if (!hit)
            break;
        at = (size_t)(hit - s->html);
        if (has_prefix_ci(s, at, needle))
            return at + strlen(needle);
        at++;
    }
    return s->len;
}

typedef struct {
    size_t start, end;      /* the whole tag, '<' to after '>' */
    const char *name;
    size_t name_len;
    int is_end;
    int self_closing;
} tag_token;

static size_t skip_attribute_value(const scan *s, size_t i)
{
    while (i < s->len && is_space(s->html[i]))
        i++;
    if (i < s->len && (s->html[i] == '"' || s->html[i] == '\'')) {
        const char *close = memchr(s->html + i + 1, s->html[i], s->len - i - 1);
        return close ? (size_t)(close - s->html) + 1 : s->len;
    }
    while (i < s->len && !is_space(s->html[i]) && s->html[i] != '>')
        i++;
    return i;
}

/* Read a start or end tag at `at` ("<x" or "</x"): name, then attributes
 * with their quoting, up to the '>' (§13.2.5.6-40). Returns 0 if the
 * input ends inside the tag, which the tokenizer then drops. */
static int read_tag(const scan *s, size_t at, tag_token *t)
{
    size_t i = at + 1;
    t->start = at;
    t->is_end = s->html[i] == '/';
    i += (size_t)t->is_end;
    t->name = s->html + i;
    while (i < s->len && !is_space(s->html[i]) && s->html[i] != '/' && s->html[i] != '>')
        i++;
    t->name_len = (size_t)(s->html + i - t->name);
    t->self_closing = 0;
    while (i < s->len) {
        char c = s->html[i];
        if (c == '>') {
            t->end = i + 1;
            return 1;
        }
        if (c == '/') {
            t->self_closing = i + 1 < s->len && s->html[i + 1] == '>';
            i++;
        } else if (is_space(c)) {
            i++;
        } else {
            /* attribute name (a leading '=' belongs to it), then maybe a value */
            i++;
            while (i < s->len && !is_space(s->html[i]) && !strchr("/>=", s->html[i]))
                i++;
            while (i < s->len && is_space(s->html[i]))
                i++;
            if (i < s->len && s->html[i] == '=')
                i = skip_attribute_value(s, i + 1);
        }
    }
    return 0;
}

/* Where the text content of a raw-text element ends: after its end tag
 * "</name" followed by white space, '/' or '>'. */
static size_t skip_raw_text(const scan *s, size_t at, const tag_token *t)
{
    while (at < s->len) {
        size_t lt = after(s, at, "</");
        if (lt >= s->len)
            return s->len;
        size_t close = lt + t->name_len;
        if (close < s->len && !strncasecmp(s->html + lt, t->name, t->name_len) &&
            (is_space(s->html[close]) || s->html[close] == '/' || s->html[close] == '>'))
            return after(s, close, ">");
        at = lt;
    }
    return s->len;
}

static size_t start_tag(scan *s, const tag_token *t)
{
    tag_name name = name_of(t->name, t->name_len);
    uint16_t cls = class_of(name.tag);
    if (cls & (C_MERGED | C_VOID))
        return t->end;
    if (s->foreign || (cls & C_FOREIGN)) {
        if (t->self_closing)
            return t->end;
    } else {
        if (cls & C_RAW_TEXT)   /* never cut: it cannot hold elements */
            return name.tag == GUMBO_TAG_PLAINTEXT ? s->len : skip_raw_text(s, t->end, t);
        apply_implied_ends(s, cls);
        apply_implied_parents(s, cls);
    }
    if (push(s, name))
        cut(s, t->start, t->end);
    return t->end;
}

static size_t end_tag(scan *s, const tag_token *t)
{
    tag_name name = name_of(t->name, t->name_len);
    if ((class_of(name.tag) & C_MERGED) || *open_count(s, name) == 0)
        return t->end;   /* Gumbo ignores it; so do we */
    size_t i = s->depth;
    while (!same_name(s->stack[i - 1].name, name))
        i--;
    int dropped = s->stack[i - 1].dropped;
    pop_to(s, i - 1);
    if (dropped)
        cut(s, t->start, t->end);
    return t->end;
}

/* Handle the markup at `at` (a '<'); returns where to continue. */
static size_t markup(scan *s, size_t at)
{
    const char *p = s->html + at;
    size_t left = s->len - at;
    if (has_prefix_ci(s, at, "<!--"))
        return after(s, at + 2, "-->");   /* "<!-->" is a whole comment */
    if (s->foreign && has_prefix_ci(s, at, "<![cdata["))
        return after(s, at, "]]>");
    if (left > 1 && (p[1] == '!' || p[1] == '?' || (p[1] == '/' && (left < 3 || !is_alpha(p[2])))))
        return after(s, at, ">");   /* doctype and bogus comments */
    if (left < 2 || !(is_alpha(p[1]) || p[1] == '/'))
        return at + 1;   /* a lone '<' is text */
    tag_token t;
    if (!read_tag(s, at, &t))
        return s->len;
    return t.is_end ? end_tag(s, &t) : start_tag(s, &t);
}

int nesting_limit(const char *html, size_t len, unsigned max_depth, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    scan *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->html = html;
    s->len = len;
    s->max_depth = max_depth;
    size_t at = 0;
    while (at < len && !s->failed) {
        const char *lt = memchr(html + at, '<', len - at);
        if (!lt)
            break;
        at = markup(s, (size_t)(lt - html));
    }
    int result = 1;
    if (s->failed) {
        free(s->out);
        result = -1;
    } else if (s->out) {
        copy_through(s, len);
        s->out[s->out_len] = '\0';
        *out = s->out;
        *out_len = s->out_len;
        result = 0;
    }
    free(s->stack);
    free(s);
    return result;
}
