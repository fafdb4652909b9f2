/*
 * prescan.c — one linear pass over the markup before Gumbo (see prescan.h).
 *
 * Nesting. Gumbo 0.10.1 spends time quadratic in the depth of the tree
 * (100 000 nested <div>s: ~30 s), so hostile or broken pages could stall the
 * reader. Browsers cap the depth anyway (Chromium's HTMLConstructionSite
 * attaches elements past depth 512 to the element at the cap), so we
 * rewrite the markup the same way: start tags that would open an element
 * deeper than the cap, and their end tags, are cut out; the content stays
 * where it was and ends up one level up. To know the depth we run a light
 * tokenizer (HTML Standard §13.2.5: comments, doctype and bogus comments,
 * CDATA in SVG/MathML, raw-text elements, script data with its escapes,
 * quoted attribute values, void elements, self-closing syntax) and a rough
 * model of tree construction (§13.2.6): end tags pop to the matching open
 * element, and the implied end tags and implied table parents that change
 * depth most are modelled. The model may overestimate depth on odd markup
 * (it then flattens a little early) but never counts much less than Gumbo
 * builds.
 *
 * Attributes. Gumbo compares each attribute of a tag with every one before
 * it (1 000 000 attributes on one element: minutes), so a tag keeps its
 * first max_attributes; a value is cut at max_attribute_bytes, on a
 * character boundary. Attributes of end tags mean nothing and are dropped.
 * What a tag drops is read once, only for where the tag ends.
 *
 * Stripping. Most bytes of a modern page are scripts, style sheets, inline
 * SVG icons and data attributes that no extraction rule reads; Gumbo would
 * tokenize and allocate all of them. Their elements stay, empty, so the
 * tree keeps its shape. A part is left as it is whenever the pass cannot be
 * sure where it ends the way Gumbo would see it (an <svg> whose content
 * breaks out into HTML, an unclosed <template>).
 *
 * White space. Text between two tags that is only white space (the
 * indentation of the markup: a tenth of what Gumbo reads on real pages
 * once scripts are gone) keeps its first character only, outside
 * preformatted elements and SVG/MathML. Everything after Gumbo collapses
 * such runs anyway, and the first character keeps the text's kind
 * (Gumbo's rules treat space and line break alike, and a lone CR becomes
 * a line break as CR LF did). White space inside text with words in it
 * stays, as lengths of raw text (Readability's byline test) count it.
 *
 * Text bypass. With bypass_text, text between two tags that Gumbo would
 * read as exactly its bytes goes to Gumbo as a placeholder from its first
 * to its last non-space character (bypass.h says why and when): Gumbo
 * spends 60 to 100 instructions on each character of text, and a run of
 * prose is hundreds of them. Its white space stays, as Gumbo's tree
 * building looks at white space; text with references in it stays for
 * the references' rewriting (above); nothing is bypassed after a
 * <frameset>, whose modes drop text but keep white space. A quoted
 * attribute value goes the same way, whole, unless Gumbo or the index's
 * walk over Gumbo's tree reads it (values_read_in_parsing).
 *
 * Text check. With check_text the pass also finds out whether the bytes
 * are UTF-8 text as they stand (encoding.h), checking each 16 KB it has
 * read right after reading it, while it is in the cache, so that a page
 * is streamed from memory once; it stops at the first byte that is not.
 *
 * Every lookup is bounded or amortised by the pops it causes, and each
 * input byte is read a bounded number of times, so the pass stays linear.
 */
#include "prescan.h"

#include "charref.h"

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
/* Names of up to this many bytes are remembered after their first look-up
 * (a page uses a few dozen tag names hundreds of thousands of times). */
#define CACHED_NAME_BYTES 7
#define NAME_CACHE_SLOTS 64   /* the top 6 bits of a multiplicative hash */
/* A run of text goes past Gumbo only when it is longer than the shortest
 * placeholder (4 bytes), so the markup never grows; Gumbo's cost is per
 * character, so a 5- or 6-byte run ("[edit]") already saves more than its
 * entry in the table of runs and the look-up when the index copies it
 * (1 MB of wiki edit links: 626.8 M -> 592.8 M instructions a run; every
 * 75th WCXB page: 1,143.3 M -> 1,142.7 M). A value must be longer than
 * "hidden", the one value Gumbo's tree building compares (an <input>'s
 * type), so that no value it reads is ever a placeholder. */
#define BYPASS_MIN_TEXT 4
#define BYPASS_MIN_VALUE 6

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

_Static_assert(sizeof implied_ends / sizeof implied_ends[0] <= 16,
               "the rules a tag starts are a 16-bit mask (implied_ends_of)");

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

/* A remembered look-up: the lower-cased name packed with its length
 * (0: an empty slot). */
typedef struct {
    uint64_t key;
    tag_name name;
} name_slot;

typedef struct {
    char *data;
    size_t len, cap;
} buffer;

typedef struct {
    const char *html;
    size_t len;
    const prescan_limits *limits;

    open_element *stack;
    size_t depth, capacity;
    size_t kept;          /* open elements that stay: the model's depth */
    size_t foreign;       /* open <svg> and <math> */
    /* Open elements per name, so that an end tag with nothing to close
     * costs nothing instead of a walk down the whole stack. */
    uint32_t open_known[GUMBO_TAG_LAST];
    uint32_t open_unknown[UNKNOWN_BUCKETS];
    name_slot names[NAME_CACHE_SLOTS];
    uint16_t implied_end_starts;      /* tag classes an implied end rule starts */
    uint16_t implied_ends_of[16];     /* the implied end rules (bit r: rule r) a
                                         class bit starts */
    uint16_t implied_parent_starts;   /* ... an implied parent rule */

    buffer out;           /* empty until the first change */
    bool changed;
    size_t copied_until;  /* input before this is in `out` */
    prescan_span *styles;   /* <style> texts */
    size_t style_count, style_capacity;
    buffer moves;         /* streamed segment ids and their placeholders */
    size_t move_count;
    prescan_gap *gaps;    /* white space cut out of text */
    size_t gap_count, gap_capacity;
    int failed;           /* out of memory */
    encoding_check text;  /* with limits->check_text: how far the bytes are
                             known to be valid text (it stops the scan) */
    size_t check_due;     /* read up to here, check them (SIZE_MAX: never;
                             0: they are not text) */
    bool bypass;          /* runs of text may still become placeholders */
    bypass_run *runs;     /* those that did */
    size_t run_count, run_capacity;
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

/* name_of through the scan's cache of short names; `key` is the name
 * lower-cased, packed with its length in the low byte (read_tag makes it),
 * or 0 for a name too long to cache. */
__attribute__((noinline)) static tag_name remember_name(name_slot *slot, const char *name, size_t n,
                                                        uint64_t key)
{
    slot->key = key;
    slot->name = name_of(name, n);
    return slot->name;
}

/* Inline, every tag asks: a remembered name costs a load and a compare,
 * the look-ups stay apart. */
static inline tag_name cached_name_of(scan *s, const char *name, size_t n, uint64_t key)
{
    if (n == 0 || key == 0)
        return name_of(name, n);
    name_slot *slot = &s->names[(key * 0x9E3779B97F4A7C15u) >> 58];
    return slot->key == key ? slot->name : remember_name(slot, name, n, key);
}

/* Room for one more open element; false when out of memory. Apart from
 * push, which every start tag calls, so that push stays small. */
__attribute__((noinline)) static bool grow_stack(scan *s)
{
    size_t capacity = s->capacity ? s->capacity * 2 : 256;
    open_element *grown = realloc(s->stack, capacity * sizeof *grown);
    if (!grown) {
        s->failed = 1;
        return false;
    }
    s->stack = grown;
    s->capacity = capacity;
    return true;
}

/* Push an element; returns 1 when it is beyond the cap (to be cut).
 * Inlined where every start tag comes (start_tag). */
static inline __attribute__((always_inline)) int push(scan *s, tag_name name)
{
    if (s->depth == s->capacity && !grow_stack(s))
        return 0;
    int dropped = s->limits->max_depth && IMPLIED_DEPTH + s->kept + 1 > s->limits->max_depth;
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

/* Is an element of one of `tags` (known ones: the rules' lists) open? */
static int any_open(const scan *s, const GumboTag *tags)
{
    for (; *tags != GUMBO_TAG_LAST; tags++)
        if (s->open_known[*tags])
            return 1;
    return 0;
}

/* The classes any rule of `rules` starts with. */
#define STARTS_OF(rules, mask)                                                 \
    do {                                                                     \
        for (size_t r_ = 0; r_ < sizeof rules / sizeof rules[0]; r_++)        \
            mask |= rules[r_].starts;                                        \
    } while (0)

static void apply_implied_ends(scan *s, uint16_t cls)
{
    unsigned bits = cls & s->implied_end_starts;
    if (!bits)
        return;   /* most tags: no rule to try */
    uint32_t rules = s->implied_ends_of[__builtin_ctz(bits)];
    for (bits &= bits - 1; bits; bits &= bits - 1)   /* <li>: C_CLOSES_P | C_LI */
        rules |= s->implied_ends_of[__builtin_ctz(bits)];
    /* in the table's order, only the rules this tag starts */
    for (; rules; rules &= rules - 1) {
        const implied_end *rule = &implied_ends[__builtin_ctz(rules)];
        if (!any_open(s, rule->closes))
            continue;
        long at = find_closable(s, rule->closes, rule->stops, rule->window);
        if (at >= 0)
            pop_to(s, (size_t)at);
    }
}

static void apply_implied_parents(scan *s, uint16_t cls)
{
    if (!(cls & s->implied_parent_starts))
        return;
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

/* reserve when the buffer must grow: apart, so that the test inlines. */
__attribute__((noinline)) static bool grow_buffer(scan *s, buffer *b, size_t more)
{
    /* The first reservation is the size asked for (the output's is the
     * whole input's): doubling from a small start would overshoot it. */
    size_t cap = b->cap ? b->cap : b->len + more + 1 > 4096 ? b->len + more + 1 : 4096;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown) {
        s->failed = 1;
        return false;
    }
    b->data = grown;
    b->cap = cap;
    return true;
}

/* Room for `more` bytes and a NUL; false when out of memory. */
static inline bool reserve(scan *s, buffer *b, size_t more)
{
    return (b->data && b->len + more + 1 <= b->cap) || grow_buffer(s, b, more);
}

static void put(scan *s, buffer *b, const char *p, size_t n)
{
    if (n && reserve(s, b, n)) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
    }
}

static void put_str(scan *s, const char *str)
{
    put(s, &s->out, str, strlen(str));
}

/* Start replacing the input from `at`: everything before it goes out as
 * it was. The first change sizes the output for the whole input. */
static void begin_replace(scan *s, size_t at)
{
    if (!s->changed) {
        s->changed = true;
        if (!reserve(s, &s->out, s->len))
            return;
    }
    put(s, &s->out, s->html + s->copied_until, at - s->copied_until);
}

/* The replacement is written: carry on copying from `resume`. */
static void end_replace(scan *s, size_t resume)
{
    s->copied_until = resume;
}

/* Leave [start, end) out of the output. */
static void cut(scan *s, size_t start, size_t end)
{
    begin_replace(s, start);
    end_replace(s, end);
}

/* Room for one more of `count` entries of `size` bytes in *array (first
 * `first` of them); false when out of memory (the scan then fails). */
static bool room_for_one(scan *s, void **array, size_t *capacity, size_t count, size_t size,
                         size_t first)
{
    if (count < *capacity)
        return true;
    size_t grown_capacity = *capacity ? *capacity * 2 : first;
    void *grown = realloc(*array, grown_capacity * size);
    if (!grown) {
        s->failed = 1;
        return false;
    }
    *array = grown;
    *capacity = grown_capacity;
    return true;
}

/* Where a style sheet for the clutter detector lies. Its text is not
 * copied: the detector reads a sheet only until it has found enough fixed
 * classes, and a copy of a sheet that is most of a large page cost more
 * than all the rest (fresh pages of memory for every byte). */
static void put_style(scan *s, size_t from, size_t to)
{
    if (!room_for_one(s, (void **)&s->styles, &s->style_capacity, s->style_count,
                      sizeof *s->styles, 16))
        return;
    s->styles[s->style_count++] = (prescan_span){from, to - from};
}

/* A new run for bytes [from, to) of the input (bypass.h): its placeholder
 * into `out`, and its length; 0 (no run) when the placeholder would not
 * be shorter, or out of memory. */
static size_t new_run(scan *s, size_t from, size_t to, char out[BYPASS_PLACEHOLDER_MAX])
{
    if (to - from <= bypass_placeholder_len(s->run_count))
        return 0;
    if (!room_for_one(s, (void **)&s->runs, &s->run_capacity, s->run_count, sizeof *s->runs, 256))
        return 0;
    s->runs[s->run_count] = (bypass_run){(uint32_t)from, (uint32_t)(to - from)};
    return bypass_placeholder(s->run_count++, out);
}

/* Bytes [from, to) of the input go to Gumbo as a new run's placeholder,
 * when that is shorter, written straight into the output (every run of
 * text comes here: no copy through a buffer of its own). */
static void put_placeholder(scan *s, size_t from, size_t to)
{
    if (to - from <= bypass_placeholder_len(s->run_count))
        return;
    begin_replace(s, from);
    if (!reserve(s, &s->out, BYPASS_PLACEHOLDER_MAX))
        return;
    size_t n = new_run(s, from, to, s->out.data + s->out.len);
    s->out.len += n;
    end_replace(s, n ? to : from);   /* no run (out of memory): the bytes stay */
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

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static int has_prefix_ci(const scan *s, size_t at, const char *prefix)
{
    /* every tag meets this: stop at the first byte that differs (the
     * second, mostly), without measuring the prefix first */
    for (size_t i = 0; prefix[i]; i++)
        if (at + i >= s->len || lower(s->html[at + i]) != prefix[i])
            return 0;
    return 1;
}

/* Read pieces of this size are checked as text (limits->check_text)
 * while they are still in the first-level cache. */
#define CHECK_STEP ((size_t)16 << 10)

__attribute__((noinline)) static bool check_piece(scan *s, size_t at)
{
    bool valid = encoding_check_through(&s->text, s->html, at, s->len);
    size_t due = s->text.checked + CHECK_STEP;
    s->check_due = !valid ? 0 : due < s->len ? due : s->len;
    return valid;
}

/* The bytes before `at` have been read: with check_text, check them once
 * a piece has gathered (at the end of the input, at once). Returns false
 * when they are not valid text: the scan then ends (see prescan.h). */
static inline bool checked_through(scan *s, size_t at)
{
    return at < s->check_due || check_piece(s, at);
}

/* find() past its first piece. */
__attribute__((noinline)) static const char *find_far(scan *s, size_t at, char c)
{
    while (at < s->len && checked_through(s, at)) {
        size_t n = s->len - at < CHECK_STEP ? s->len - at : CHECK_STEP;
        const char *hit = memchr(s->html + at, c, n);
        if (hit)
            return hit;
        at += n;
    }
    return NULL;
}

/* memchr over the input from `at` to its end; with check_text, a piece at
 * a time, each checked as soon as it is read. NULL when not found, or
 * when the bytes are not valid text. */
static inline const char *find(scan *s, size_t at, char c)
{
    size_t n = s->len - at;
    if (n > CHECK_STEP && s->limits->check_text)
        n = CHECK_STEP;
    const char *hit = memchr(s->html + at, c, n);
    return hit || at + n == s->len ? hit : find_far(s, at + n, c);
}

/* Position just after the first `needle` at or after `at`, or the end. */
static size_t after(scan *s, size_t at, const char *needle)
{
    while (at < s->len) {
        const char *hit = find(s, at, needle[0]);
        if (!hit)
            break;
        at = (size_t)(hit - s->html);
        if (has_prefix_ci(s, at, needle))
            return at + strlen(needle);
        at++;
    }
    return s->len;
}

/* Does "</name" followed by white space, '/' or '>' start at `at` (the
 * "appropriate end tag" of a raw-text element)? */
static int is_end_tag_named(const scan *s, size_t at, const char *name, size_t n)
{
    size_t close = at + 2 + n;
    return close < s->len && s->html[at] == '<' && s->html[at + 1] == '/' &&
           !strncasecmp(s->html + at + 2, name, n) &&
           (is_space(s->html[close]) || s->html[close] == '/' || s->html[close] == '>');
}

/* Where a comment starting at `at` ("<!--") ends (§13.2.5.43-52): at
 * "-->" or "--!>", or at once for "<!-->" and "<!--->"; unclosed, at the
 * end of the input. */
static size_t comment_end(scan *s, size_t at)
{
    size_t i = at + 4;
    if (i < s->len && s->html[i] == '>')
        return i + 1;
    if (i + 1 < s->len && s->html[i] == '-' && s->html[i + 1] == '>')
        return i + 2;
    while (i < s->len) {
        const char *dash = find(s, i, '-');
        if (!dash)
            break;
        size_t j = (size_t)(dash - s->html), run = j;
        while (j < s->len && s->html[j] == '-')
            j++;
        if (j - run >= 2 && j < s->len) {
            if (s->html[j] == '>')
                return j + 1;
            if (s->html[j] == '!' && j + 1 < s->len && s->html[j + 1] == '>')
                return j + 2;
        }
        i = j;
    }
    return s->len;
}

typedef struct {
    size_t name, name_len;
    bool has_value;
    char quote;               /* '"', '\'' or 0 for an unquoted value */
    size_t value, value_len;  /* the value without its quotes */
} attribute;

/* Bytes that end an attribute name (white space, '/', '>', '=') and an
 * unquoted value (white space, '>'): a table look-up a byte, as an element
 * may carry millions of attributes before the cap drops them. */
#define SPACE_BYTES [' '] = true, ['\t'] = true, ['\n'] = true, ['\f'] = true, ['\r'] = true
static const bool ends_attribute_name[256] = {SPACE_BYTES, ['/'] = true, ['>'] = true, ['='] = true};
static const bool ends_unquoted_value[256] = {SPACE_BYTES, ['>'] = true};

/* Read the attribute at or after *i (§13.2.5.32-40); returns 0 at the end
 * of the tag (*i at its '>' or at the end of the input). "/>" seen just
 * before the '>' sets *self_closing. Inlined: every attribute of every tag
 * comes here, and the call's saving and restoring cost as much as a short
 * attribute's reading. */
static inline __attribute__((always_inline)) int next_attribute(scan *s, size_t *i, attribute *a,
                                                              int *self_closing)
{
    const char *h = s->html;
    size_t p = *i;
    for (;; p++) {
        while (p < s->len && is_space(h[p]))
            p++;
        if (p >= s->len || h[p] == '>') {
            *i = p;
            return 0;
        }
        if (h[p] != '/')
            break;
        *self_closing = p + 1 < s->len && h[p + 1] == '>';
    }
    *self_closing = 0;
    a->name = p++;   /* a leading '=' belongs to the name */
    while (p < s->len && !ends_attribute_name[(unsigned char)h[p]])
        p++;
    a->name_len = p - a->name;
    a->has_value = false;
    a->quote = 0;
    a->value = a->value_len = 0;
    size_t q = p;
    while (q < s->len && is_space(h[q]))
        q++;
    if (q < s->len && h[q] == '=') {
        for (q++; q < s->len && is_space(h[q]); q++)
            ;
        a->has_value = true;
        a->quote = q < s->len && (h[q] == '"' || h[q] == '\'') ? h[q] : 0;
        if (a->quote) {
            a->value = q + 1;
            const char *close = find(s, a->value, a->quote);
            p = close ? (size_t)(close - h) + 1 : s->len;
            a->value_len = (close ? (size_t)(close - h) : s->len) - a->value;
        } else {
            a->value = q;
            while (q < s->len && !ends_unquoted_value[(unsigned char)h[q]])
                q++;
            a->value_len = q - a->value;
            p = q;
        }
    }
    *i = p;
    return 1;
}

/* Past the attributes a tag keeps only where it ends matters: read the
 * rest from `p` as next_attribute would, recording nothing (an element
 * may carry millions of attributes). Returns the position of the '>' or
 * the end of the input; *self_closing as next_attribute sets it, *more
 * set when an attribute was passed over. */
static size_t skip_attributes(scan *s, size_t p, int *self_closing, bool *more)
{
    const char *h = s->html;
    const size_t n = s->len;
    for (;;) {
        if (!checked_through(s, p))
            return n;   /* millions of attributes: read once */
        while (p < n && is_space(h[p]))
            p++;
        if (p >= n || h[p] == '>')
            return p;
        if (h[p] == '/') {
            *self_closing = p + 1 < n && h[p + 1] == '>';
            p++;
            continue;
        }
        *self_closing = 0;
        *more = true;
        for (p++; p < n && !ends_attribute_name[(unsigned char)h[p]]; p++)
            ;
        size_t q = p;
        while (q < n && is_space(h[q]))
            q++;
        if (q >= n || h[q] != '=')
            continue;
        for (q++; q < n && is_space(h[q]); q++)
            ;
        if (q < n && (h[q] == '"' || h[q] == '\'')) {
            const char *close = find(s, q + 1, h[q]);
            p = close ? (size_t)(close - h) + 1 : n;
        } else {
            while (q < n && !ends_unquoted_value[(unsigned char)h[q]])
                q++;
            p = q;
        }
    }
}

/* Attributes the extractor reads among those that are often large: the
 * lazy-image sources the renderers resolve and the component names the
 * clutter detector reads (keep in step with render_common.c and
 * clutter.c; test_prescan checks every "data-" name in the sources). */
static const char *const read_data_attributes[] = {
    "data-src", "data-lazy-src", "data-original", "data-srcset",
    "data-component", "data-testid", "data-qa", "data-module", "data-type",
};

/* Does the name begin with the lower-case `prefix`, in any ASCII case
 * (strncasecmp, without a call: every attribute of every tag is asked)? */
static bool has_name_prefix(const char *name, size_t len, const char *prefix, size_t n)
{
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(name[i]) != prefix[i])
            return false;
    return true;
}

/* Is the name `want` (lower case), in any ASCII case? */
static bool name_is(const char *name, size_t len, const char *want)
{
    size_t n = strlen(want);
    return len == n && has_name_prefix(name, len, want, n);
}

bool prescan_attribute_read(const char *name, size_t len)
{
    if (len > 2 && has_name_prefix(name, len, "on", 2))
        return false;   /* event handlers: script */
    if (len <= 5 || !has_name_prefix(name, len, "data-", 5))
        return true;
    for (size_t i = 0; i < sizeof read_data_attributes / sizeof read_data_attributes[0]; i++)
        if (name_is(name, len, read_data_attributes[i]))
            return true;
    return false;
}

static bool attribute_kept(const scan *s, const attribute *a, unsigned kept)
{
    if (s->limits->max_attributes && kept >= s->limits->max_attributes)
        return false;
    if (!s->limits->strip)
        return true;
    /* most names start with neither "on" nor "data-": no call for them */
    char first = (char)(s->html[a->name] | 0x20);
    return (first != 'o' && first != 'd') || prescan_attribute_read(s->html + a->name, a->name_len);
}

static bool value_too_long(const scan *s, const attribute *a)
{
    return s->limits->max_attribute_bytes && a->value_len > s->limits->max_attribute_bytes;
}

static charref_place place_of(char quote)
{
    return quote == '"' ? CHARREF_DOUBLE_QUOTED : CHARREF_SINGLE_QUOTED;
}

/* Does a quoted value (not cut) hold a reference that is to be written as
 * its character (charref.c), as in text (write_references)? */
static bool value_has_reference(const scan *s, const attribute *a)
{
    if (!s->limits->strip || !a->quote || value_too_long(s, a))
        return false;
    const char *v = s->html + a->value, *end = v + a->value_len;
    /* before the value, its quote; before the reference, the value as
     * written (write_references reads what it has written instead) */
    charref_before before = {v - 1, 1, v, 0};
    for (const char *amp = v; (amp = memchr(amp, '&', (size_t)(end - amp))) != NULL; amp++) {
        char c[4];
        size_t len;
        before.pending_len = (size_t)(amp - v);
        if (charref_as_char(amp, (size_t)(end - amp), place_of(a->quote), &before, c, &len))
            return true;
    }
    return false;
}

/* Attributes whose values must reach Gumbo as written: an
 * <annotation-xml>'s encoding, which decides whether its content is HTML,
 * and ids, which the index reads off Gumbo's tree to move streamed
 * segments (dom.c). The other values Gumbo's tree building looks at need
 * not: an <input>'s type is compared with "hidden", shorter than any value
 * that goes; of a <font> in SVG or MathML only whether it has a color, face
 * or size counts; an <isindex>'s prompt becomes text, which the index puts
 * back like any other. */
static const struct {
    const char *name;
    size_t len;
} values_read_in_parsing[] = {
    {"encoding", 8},
    {"id", 2},
};

/* May a value go past Gumbo (bypass.h), as far as the tag tells? Quoted,
 * not cut, longer than a placeholder, of an attribute no parsing rule
 * reads; value_bypassed checks its bytes. */
static bool value_may_bypass(const scan *s, const attribute *a)
{
    if (!s->bypass || !a->quote || a->value_len <= BYPASS_MIN_VALUE || value_too_long(s, a))
        return false;
    const char *name = s->html + a->name;
    for (size_t i = 0; i < sizeof values_read_in_parsing / sizeof values_read_in_parsing[0]; i++)
        if (a->name_len == values_read_in_parsing[i].len &&
            has_name_prefix(name, a->name_len, values_read_in_parsing[i].name, a->name_len))
            return false;
    return true;
}

static bool value_bypassed(const scan *s, const attribute *a)
{
    return value_may_bypass(s, a) && bypass_run_allowed(s->html, a->value, a->value + a->value_len);
}

/* Write the first n bytes of a value: its placeholder when it goes past
 * Gumbo, else its references written as their characters where
 * value_has_reference would find them. */
static void put_value(scan *s, const attribute *a, size_t n)
{
    const char *v = s->html + a->value, *end = v + n;
    char placeholder[BYPASS_PLACEHOLDER_MAX];
    size_t bypassed = value_bypassed(s, a) ? new_run(s, a->value, a->value + n, placeholder) : 0;
    if (bypassed) {
        put(s, &s->out, placeholder, bypassed);
        return;
    }
    if (s->limits->strip && a->quote && !value_too_long(s, a)) {
        for (const char *amp; (amp = memchr(v, '&', (size_t)(end - v))) != NULL;) {
            char c[4];
            charref_before before = {s->out.data, s->out.len, v, (size_t)(amp - v)};
            size_t len, bytes = charref_as_char(amp, (size_t)(end - amp), place_of(a->quote), &before,
                                                c, &len);
            put(s, &s->out, v, (size_t)(amp - v) + (bytes ? 0 : 1));
            put(s, &s->out, c, bytes);
            v = amp + (bytes ? len : 1);
        }
    }
    put(s, &s->out, v, (size_t)(end - v));
}

/* What a script's "type" says its content is. JSON-LD is read by the
 * metadata and the page type, so it stays. Other JSON (application/json:
 * a framework's page state, such as Next.js's __NEXT_DATA__, six percent
 * of the WCXB pages' bytes) is read by no rule: it goes as a script's
 * content does, but it is not searched for React's moves (it holds no
 * calls). A character reference could spell "ld+json", so a value
 * holding one counts as JSON-LD. */
typedef enum { NOT_JSON, JSON_OTHER, JSON_LD } json_kind;

static json_kind json_kind_of(const scan *s, const attribute *a)
{
    if (!name_is(s->html + a->name, a->name_len, "type") || !a->has_value)
        return NOT_JSON;
    json_kind kind = NOT_JSON;
    size_t end = a->value + a->value_len;
    for (size_t i = a->value; i < end; i++) {
        char c = s->html[i];
        if (c == '&')
            return JSON_LD;
        /* a 'j' first: a call at every byte cost more than the rest of the tag */
        if ((c | 0x20) != 'j' || i + 4 > end || strncasecmp(s->html + i, "json", 4) != 0)
            continue;
        const char *ld = s->html + i - (i - a->value >= 3 ? 3 : 0);   /* "ld+", without a call */
        if (ld < s->html + i && (ld[0] | 0x20) == 'l' && (ld[1] | 0x20) == 'd' && ld[2] == '+')
            return JSON_LD;
        kind = JSON_OTHER;
    }
    return kind;
}

typedef struct {
    size_t start, end;      /* the whole tag, '<' to after '>' */
    const char *name;
    size_t name_len;
    uint64_t name_key;      /* the lower-cased name packed with its length
                               (cached_name_of), 0 when it is too long */
    size_t attributes;      /* where the attributes start */
    int is_end;
    int self_closing;
    bool rewrite;           /* attributes to drop or shorten */
    json_kind json;         /* a script's type="...json..." */
    bool references;        /* quoted values hold references to write as
                               their characters (charref.c) */
    bool bypass;            /* quoted values may go past Gumbo (bypass.h) */
} tag_token;

/* The cache key of "script" (read_tag packs names so: the bytes, then
 * the length). */
#define SCRIPT_KEY ((uint64_t)0x736372697074 << 8 | 6)   /* s c r i p t, 6 bytes */

/* Bytes that end a tag name: white space, '/' and '>'. */
static const bool ends_name[256] = {SPACE_BYTES, ['/'] = true, ['>'] = true};

/* Read a start or end tag at `at` ("<x" or "</x"): name, then attributes
 * with their quoting, up to the '>' (§13.2.5.6-40). Returns 0 if the
 * input ends inside the tag, which the tokenizer then drops. */
static inline __attribute__((always_inline)) int read_tag(scan *s, size_t at, tag_token *t)
{
    size_t i = at + 1;
    t->start = at;
    t->is_end = s->html[i] == '/';
    i += (size_t)t->is_end;
    t->name = s->html + i;
    uint64_t key = 0;
    for (unsigned char c; i < s->len && !ends_name[c = (unsigned char)s->html[i]]; i++)
        key = key << 8 | (c >= 'A' && c <= 'Z' ? c + 32u : c);
    t->name_len = (size_t)(s->html + i - t->name);
    t->name_key = t->name_len <= CACHED_NAME_BYTES ? key << 8 | t->name_len : 0;
    t->attributes = i;
    t->self_closing = 0;
    t->rewrite = t->references = t->bypass = false;
    t->json = NOT_JSON;
    if (i < s->len && s->html[i] == '>') {   /* no attributes (most tags) */
        t->end = i + 1;
        return 1;
    }
    attribute a;
    unsigned kept = 0, cap = s->limits->max_attributes;
    /* only a script's type is asked for (raw_text) */
    bool script = t->name_key == SCRIPT_KEY;
    bool ended = false;   /* the tag's end is reached */
    /* an end tag keeps no attribute, a start tag none past the cap */
    while (!ended && !t->is_end && (!cap || kept < cap)) {
        if (!next_attribute(s, &i, &a, &t->self_closing)) {
            ended = true;
            break;
        }
        /* the '>' right after the last attribute (most tags): no call to find it */
        ended = i < s->len && s->html[i] == '>';
        if (!attribute_kept(s, &a, kept)) {
            t->rewrite = true;
            continue;
        }
        kept++;
        bool cut = value_too_long(s, &a);
        t->rewrite |= cut;
        /* only a quoted value that is not cut is written otherwise: no
         * calls for the others (an id or a class, often unquoted) */
        if (a.quote && !cut) {
            t->references = t->references || value_has_reference(s, &a);
            t->bypass = t->bypass || value_may_bypass(s, &a);
        }
        json_kind json = script ? json_kind_of(s, &a) : NOT_JSON;
        t->json = json > t->json ? json : t->json;
    }
    if (!ended)
        i = skip_attributes(s, i, &t->self_closing, &t->rewrite);
    if (i >= s->len)
        return 0;
    t->end = i + 1;
    return 1;
}

/* Character references in [from, to), text or a quoted attribute value
 * (`place`), that Gumbo would decode to a character it reads the same when
 * written (charref.c) are written as that character: decoding one costs
 * Gumbo ten times what the character does. From the first such reference
 * on, the rest of the stretch is written here at once (a character is
 * never longer than its reference). */
static void write_references(scan *s, size_t from, size_t to, charref_place place)
{
    const char *h = s->html, *end = h + to, *amp = h + from;
    char c[4];
    size_t len, n = 0;
    /* what Gumbo reads before: the output, then the input not copied yet */
    charref_before before = {s->out.data, s->out.len, h + s->copied_until, 0};
    while ((amp = memchr(amp, '&', (size_t)(end - amp))) != NULL) {
        before.pending_len = (size_t)(amp - before.pending);
        if ((n = charref_as_char(amp, (size_t)(end - amp), place, &before, c, &len)) != 0)
            break;
        amp++;
    }
    if (!n)
        return;
    begin_replace(s, (size_t)(amp - h));
    if (!reserve(s, &s->out, (size_t)(end - amp)))
        return;
    char *o = s->out.data + s->out.len;
    const char *p = amp + len;
    memcpy(o, c, n);
    o += n;
    while (p < end) {
        if (*p == '&') {
            before = (charref_before){s->out.data, (size_t)(o - s->out.data), NULL, 0};
            if ((n = charref_as_char(p, (size_t)(end - p), place, &before, o, &len)) != 0) {
                o += n;
                p += len;
                continue;
            }
        }
        const char *next = memchr(p + 1, '&', (size_t)(end - p - 1));
        size_t plain = (size_t)((next ? next : end) - p);
        memcpy(o, p, plain);
        o += plain;
        p += plain;
    }
    s->out.len = (size_t)(o - s->out.data);
    end_replace(s, to);
}

/* A tag that keeps all its attributes as they are: only its quoted values
 * change, going past Gumbo or with their references written as their
 * characters. */
static void write_values(scan *s, const tag_token *t)
{
    size_t i = t->attributes;
    attribute a;
    int self_closing = 0;
    while (next_attribute(s, &i, &a, &self_closing)) {
        if (!a.quote)
            continue;
        if (t->bypass && value_bypassed(s, &a))
            put_placeholder(s, a.value, a.value + a.value_len);
        else if (t->references)
            write_references(s, a.value, a.value + a.value_len, place_of(a.quote));
    }
}

/* Write the tag with only the attributes it keeps, values shortened to
 * the cap (on a UTF-8 character boundary), their references written as
 * their characters (put_value). */
__attribute__((noinline)) static void rewrite_tag(scan *s, const tag_token *t)
{
    begin_replace(s, t->start);
    put_str(s, t->is_end ? "</" : "<");
    put(s, &s->out, t->name, t->name_len);
    size_t i = t->attributes;
    attribute a;
    int self_closing = 0;
    unsigned kept = 0;
    unsigned cap = s->limits->max_attributes;
    bool bare = false;   /* the attribute written last has no value */
    /* past the cap nothing more is kept: read_tag found the tag's end */
    while (!t->is_end && (!cap || kept < cap) && next_attribute(s, &i, &a, &self_closing)) {
        if (!attribute_kept(s, &a, kept))
            continue;
        kept++;
        /* a name starting with '=' (after a '/' in the markup) would give
         * the bare attribute before it a value after a space: a '/' keeps
         * it a name */
        put_str(s, bare && s->html[a.name] == '=' ? "/" : " ");
        put(s, &s->out, s->html + a.name, a.name_len);
        bare = !a.has_value;
        if (bare)
            continue;
        size_t n = a.value_len;
        if (value_too_long(s, &a)) {
            n = s->limits->max_attribute_bytes;
            while (n > 0 && ((unsigned char)s->html[a.value + n] & 0xC0) == 0x80)
                n--;
        }
        put_str(s, "=");
        put(s, &s->out, &a.quote, a.quote ? 1 : 0);
        put_value(s, &a, n);
        put(s, &s->out, &a.quote, a.quote ? 1 : 0);
    }
    /* " />": after an unquoted value "/>" would join the value */
    put_str(s, t->self_closing && !t->is_end ? " />" : ">");
    end_replace(s, t->end);
}

/* Most tags are left as they are: a test, and no call, for them. */
static inline void emit_tag(scan *s, const tag_token *t)
{
    if (__builtin_expect(t->rewrite, 0))
        rewrite_tag(s, t);
    else if (t->references || t->bypass)
        write_values(s, t);
}

/* Where the text of a raw-text or RCDATA element ends: at the '<' of its
 * end tag, or at the end of the input. */
static size_t raw_text_end(scan *s, size_t at, const tag_token *t)
{
    while (at < s->len) {
        size_t lt = after(s, at, "</");
        if (lt >= s->len)
            return s->len;
        if (is_end_tag_named(s, lt - 2, t->name, t->name_len))
            return lt - 2;
        at = lt;
    }
    return s->len;
}

/* Where script data ends (§13.2.5.4, 15-31): at the '<' of "</script",
 * except that after "<!--" an inner "<script" opens a double-escaped
 * section that "</script" only closes, up to the "-->". */
static size_t script_end(scan *s, size_t at)
{
    static const char name[] = "script";
    const size_t n = sizeof name - 1;
    enum { DATA, ESCAPED, DOUBLE } state = DATA;
    unsigned dashes = 0;
    size_t i = at;
    while (i < s->len) {
        if (state == DATA) {
            const char *lt = find(s, i, '<');
            if (!lt)
                return s->len;
            i = (size_t)(lt - s->html);
            if (is_end_tag_named(s, i, name, n))
                return i;
            if (has_prefix_ci(s, i, "<!--")) {
                state = ESCAPED;
                dashes = 2;
                i += 4;
            } else {
                i++;
            }
            continue;
        }
        char c = s->html[i];
        if (c == '-') {
            dashes++;
            i++;
            continue;
        }
        if (c == '>' && dashes >= 2) {
            state = DATA;
        } else if (c == '<' && state == ESCAPED) {
            if (is_end_tag_named(s, i, name, n))
                return i;
            size_t close = i + 1 + n;
            if (close < s->len && !strncasecmp(s->html + i + 1, name, n) &&
                (is_space(s->html[close]) || s->html[close] == '/' || s->html[close] == '>'))
                state = DOUBLE;
        } else if (c == '<' && is_end_tag_named(s, i, name, n)) {
            state = ESCAPED;
            i += 2 + n;
            dashes = 0;
            continue;
        }
        dashes = 0;
        i++;
    }
    return s->len;
}

/* ------------------------------------------------------------------ */
/* Stripping                                                           */
/* ------------------------------------------------------------------ */

/* The element [t->start, close_end) keeps its start tag and gets the bare
 * end tag, with nothing between. */
static size_t empty_element(scan *s, const tag_token *t, size_t close_end, const char *end_tag)
{
    emit_tag(s, t);
    begin_replace(s, t->end);
    put_str(s, end_tag);
    end_replace(s, close_end);
    return close_end;
}

/* Start tags that end SVG content and return to HTML (§13.2.6.5). */
static bool breaks_out_of_svg(GumboTag tag)
{
    static const GumboTag tags[] = {
        GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY, GUMBO_TAG_BR,
        GUMBO_TAG_CENTER, GUMBO_TAG_CODE, GUMBO_TAG_DD, GUMBO_TAG_DIV, GUMBO_TAG_DL,
        GUMBO_TAG_DT, GUMBO_TAG_EM, GUMBO_TAG_EMBED, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
        GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEAD, GUMBO_TAG_HR, GUMBO_TAG_I,
        GUMBO_TAG_IMG, GUMBO_TAG_LI, GUMBO_TAG_LISTING, GUMBO_TAG_MENU, GUMBO_TAG_META,
        GUMBO_TAG_NOBR, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_RUBY, GUMBO_TAG_S,
        GUMBO_TAG_SMALL, GUMBO_TAG_SPAN, GUMBO_TAG_STRONG, GUMBO_TAG_STRIKE, GUMBO_TAG_SUB,
        GUMBO_TAG_SUP, GUMBO_TAG_TABLE, GUMBO_TAG_TT, GUMBO_TAG_U, GUMBO_TAG_UL, GUMBO_TAG_VAR,
        GUMBO_TAG_FONT, GUMBO_TAG_FOREIGNOBJECT,
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (tags[i] == tag)
            return true;
    return false;
}

/* Skip a comment, CDATA section, doctype or bogus comment at `at`;
 * returns where it ends, or 0 when `at` starts none of them. */
static size_t skip_non_tag(scan *s, size_t at, bool cdata)
{
    const char *p = s->html + at;
    size_t left = s->len - at;
    if (left > 1 && is_alpha(p[1]))
        return 0;   /* a start tag (most '<'): none of these starts so */
    if (has_prefix_ci(s, at, "<!--"))
        return comment_end(s, at);
    if (cdata && has_prefix_ci(s, at, "<![cdata["))
        return after(s, at, "]]>");
    if (left > 1 && (p[1] == '!' || p[1] == '?' || (p[1] == '/' && (left < 3 || !is_alpha(p[2])))))
        return after(s, at, ">");
    return 0;
}

/* The next tag at or after *at, past text, comments and (with `cdata`)
 * CDATA sections; 0 when there is none or it cannot be read. */
static int next_tag(scan *s, size_t *at, bool cdata, tag_token *t)
{
    for (;;) {
        const char *lt = find(s, *at, '<');
        if (!lt)
            return 0;
        *at = (size_t)(lt - s->html);
        size_t skipped = skip_non_tag(s, *at, cdata);
        if (skipped) {
            *at = skipped;
            continue;
        }
        if (*at + 1 < s->len && (is_alpha(s->html[*at + 1]) || s->html[*at + 1] == '/'))
            return read_tag(s, *at, t) ? 1 : 0;
        (*at)++;
    }
}

/* An inline <svg> drawing: find its end tag by the elements it opens and
 * closes. Gives up (returns 0: leave it as it is) when its content breaks
 * out into HTML, holds HTML (foreignObject), closes something it did not
 * open or never ends: then the pass cannot be sure where Gumbo ends it. */
static size_t strip_svg(scan *s, const tag_token *svg)
{
    tag_name *open = NULL;
    size_t depth = 0, capacity = 0, at = svg->end, result = 0;
    tag_name svg_name = name_of(svg->name, svg->name_len);
    for (;;) {
        tag_token t;
        if (!next_tag(s, &at, true, &t))
            break;
        tag_name name = name_of(t.name, t.name_len);
        if (!t.is_end) {
            if (breaks_out_of_svg(name.tag))
                break;
            if (!t.self_closing) {
                if (depth == capacity) {
                    capacity = capacity ? capacity * 2 : 64;
                    tag_name *grown = realloc(open, capacity * sizeof *grown);
                    if (!grown) {
                        s->failed = 1;
                        break;
                    }
                    open = grown;
                }
                open[depth++] = name;
            }
            at = t.end;
            continue;
        }
        size_t i = depth;
        while (i > 0 && !same_name(open[i - 1], name))
            i--;
        if (i > 0) {
            depth = i - 1;
        } else if (same_name(name, svg_name)) {
            result = empty_element(s, svg, t.end, "</svg>");
            break;
        } else {
            break;
        }
        at = t.end;
    }
    free(open);
    return result;
}

/* Skip the text of a raw-text element whose start tag is `t`; returns
 * where its end tag starts. */
static size_t skip_raw_text(scan *s, const tag_token *t, GumboTag tag)
{
    if (tag == GUMBO_TAG_PLAINTEXT)
        return s->len;
    return tag == GUMBO_TAG_SCRIPT ? script_end(s, t->end) : raw_text_end(s, t->end, t);
}

/* A <template>: its content is inert (never rendered, not in the DOM
 * index). Find the matching end tag, counting nested templates and
 * skipping comments and raw text; unclosed, leave it (returns 0). */
static size_t strip_template(scan *s, const tag_token *template)
{
    size_t depth = 1, at = template->end;
    for (;;) {
        tag_token t;
        if (!next_tag(s, &at, false, &t))
            return 0;
        GumboTag tag = name_of(t.name, t.name_len).tag;
        at = t.end;
        if (tag == GUMBO_TAG_TEMPLATE && !t.is_end)
            depth++;
        else if (tag == GUMBO_TAG_TEMPLATE && --depth == 0)
            return empty_element(s, template, t.end, "</template>");
        else if (!t.is_end && (class_of(tag) & C_RAW_TEXT))
            at = skip_raw_text(s, &t, tag);
        if (at >= s->len)
            return 0;
    }
}

/* Browsers run scripts, so to them a <noscript> is text up to its end
 * tag; Gumbo parses its content as markup, where a raw-text element opened
 * there and not closed before the noscript ends (a tag manager's
 * self-closed "<iframe ... />", which HTML does not self-close) takes the
 * rest of the page as its text. Such an element is closed where the
 * noscript ends, as the page's author meant and a browser shows it. */
static void close_raw_text_in_noscript(scan *s, size_t from, size_t end)
{
    tag_token t;
    size_t at = from;
    while (next_tag(s, &at, false, &t) && t.start < end) {
        GumboTag tag = name_of(t.name, t.name_len).tag;
        at = t.end;
        if (t.is_end || !(class_of(tag) & C_RAW_TEXT) || tag == GUMBO_TAG_PLAINTEXT)
            continue;
        size_t text_end = skip_raw_text(s, &t, tag);
        if (text_end < end) {
            at = text_end;
            continue;
        }
        begin_replace(s, end);
        put_str(s, "</");
        put(s, &s->out, t.name, t.name_len);
        put_str(s, ">");
        end_replace(s, end);
        return;
    }
}

/* Gumbo parses a <noscript>'s content [from, end) as markup, which the pass
 * skips as text: does Gumbo too reach the end tag at `end` as a tag, and
 * no <frameset> on the way? Not when a tag, a quoted value or a comment
 * there runs past it: then what the pass takes for text after it may be
 * markup to Gumbo, and nothing more is bypassed (bypass_text). A raw-text
 * element left open is closed at `end` (close_raw_text_in_noscript); a
 * <noscript> inside is markup to Gumbo as well. */
static bool noscript_parses_alike(scan *s, size_t from, size_t end)
{
    tag_token t;
    for (size_t at = from;;) {
        if (!next_tag(s, &at, false, &t))
            return false;
        if (t.start >= end)
            return t.start == end;
        GumboTag tag = name_of(t.name, t.name_len).tag;
        /* in SVG or MathML a <title> or <style> is no raw text to Gumbo */
        if (t.end > end || (!t.is_end && (tag == GUMBO_TAG_FRAMESET || tag == GUMBO_TAG_PLAINTEXT ||
                                          (class_of(tag) & C_FOREIGN))))
            return false;
        at = t.end;
        /* raw text to Gumbo too: all but a <noscript> */
        if (!t.is_end && (class_of(tag) & C_RAW_TEXT) && tag != GUMBO_TAG_NOSCRIPT &&
            (at = skip_raw_text(s, &t, tag)) >= end)
            return true;
    }
}

/* React's streaming server renderer (React 18 and later, Next.js) sends
 * each part of the page that was not ready as <div hidden id="S:n"> at the
 * end of the body, followed by a short script whose call moves it into its
 * placeholder: $RC("B:m","S:n") and $RR("B:m","S:n",...) into the boundary
 * of <template id="B:m">, $RS("S:n","P:m") to <template id="P:m">. The
 * segment and boundary numbers need not agree, so the pairs are read from
 * those calls here, before the script text goes. Only short scripts are
 * read: the calls come one per inline script, and a bundle never holds
 * them. */
#define STREAM_SCRIPT_MAX 8192
#define STREAM_ID_MAX 32

/* A double-quoted id at p ("S:1"), no escapes; its length, or 0. */
static size_t quoted_id(const char *p, const char *end)
{
    if (p >= end || *p != '"')
        return 0;
    for (const char *q = p + 1; q < end && q - p <= STREAM_ID_MAX + 1; q++) {
        if (*q == '"')
            return q - p > 1 ? (size_t)(q - p - 1) : 0;
        if (*q == '\\' || *q == '<')
            return 0;
    }
    return 0;
}

static void put_move(scan *s, const char *segment, size_t segment_len, const char *place,
                     size_t place_len)
{
    put(s, &s->moves, segment, segment_len);
    put(s, &s->moves, "", 1);
    put(s, &s->moves, place, place_len);
    put(s, &s->moves, "", 1);
    s->move_count++;
}

/* Marko's out-of-order rendering (eBay's framework) sends each awaited part
 * of the page as <div id="afRn" style="display:none"> after the rest and
 * replaces the placeholder "afRphn" with its children by a call $afR(n)
 * (R the runtime's id, n the fragment's number), several calls to a
 * script, the first after the function's own definition, and often in
 * front of the state a long script then sets: only the first
 * STREAM_SCRIPT_MAX bytes of a script are read for them. */
/* What follows the '$' of a Marko call, before the runtime's id. */
static const char MARKO_CALL[] = "af";

static bool is_name_char(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

/* "af" + name + infix + number into buf; its length. */
static size_t fragment_id(char *buf, const char *name, size_t name_len, const char *infix,
                          const char *number, size_t number_len)
{
    size_t infix_len = strlen(infix);
    memcpy(buf, "af", 2);
    memcpy(buf + 2, name, name_len);
    memcpy(buf + 2 + name_len, infix, infix_len);
    memcpy(buf + 2 + name_len + infix_len, number, number_len);
    return 2 + name_len + infix_len + number_len;
}

/* A Marko call at p (just past its '$'): "af", the runtime's name, "(",
 * the fragment's number, ")" or ",". Returns where it ends, or p. */
static const char *read_fragment_move(scan *s, const char *p, const char *end)
{
    const char *name = p + sizeof MARKO_CALL - 1;
    if (end - name < 3 || memcmp(p, MARKO_CALL, sizeof MARKO_CALL - 1) != 0)
        return p;
    const char *q = name;
    while (q < end && is_name_char(*q) && q - name < STREAM_ID_MAX)
        q++;
    if (q >= end || *q != '(')
        return p;
    const char *number = q + 1, *n_end = number;
    while (n_end < end && *n_end >= '0' && *n_end <= '9' && n_end - number < STREAM_ID_MAX)
        n_end++;
    if (n_end == number || n_end >= end || (*n_end != ')' && *n_end != ','))
        return p;
    char segment[2 * STREAM_ID_MAX + 2], place[2 * STREAM_ID_MAX + 4];
    size_t name_len = (size_t)(q - name), number_len = (size_t)(n_end - number);
    size_t segment_len = fragment_id(segment, name, name_len, "", number, number_len);
    size_t place_len = fragment_id(place, name, name_len, "ph", number, number_len);
    put_move(s, segment, segment_len, place, place_len);
    return n_end;
}

/* A React call at p (just past its '$'): $RC, $RR or $RS and two quoted
 * ids. */
static void read_segment_move(scan *s, const char *p, const char *end)
{
    if (end - p < 4 || p[0] != 'R' || p[2] != '(')
        return;
    char call = p[1];
    if (call != 'C' && call != 'R' && call != 'S')
        return;
    const char *first = p + 3;
    size_t first_len = quoted_id(first, end);
    const char *second = first + first_len + 3;
    if (!first_len || second >= end || second[-1] != ',')
        return;
    size_t second_len = quoted_id(second, end);
    if (!second_len)
        return;
    if (call == 'S')
        put_move(s, first + 1, first_len, second + 1, second_len);
    else
        put_move(s, second + 1, second_len, first + 1, first_len);
}

/* One pass over a short script, or the start of a long one (Marko's calls
 * only: React's come alone in short scripts). */
static void read_stream_moves(scan *s, size_t from, size_t to)
{
    bool short_script = to - from <= STREAM_SCRIPT_MAX;
    const char *p = s->html + from, *end = s->html + (short_script ? to : from + STREAM_SCRIPT_MAX);
    while ((p = memchr(p, '$', (size_t)(end - p))) != NULL) {
        p++;
        if (short_script)
            read_segment_move(s, p, end);
        p = read_fragment_move(s, p, end);
    }
}

/* Raw text: script content goes unless it is JSON-LD, style sheets go to the
 * clutter detector; the others (title, textarea, noscript ...) stay.
 * JSON-LD goes past Gumbo whole when it may (bypass.h): in script data
 * Gumbo's tree building only appends each character to one text node,
 * white space included, and the metadata reads it off the index, where
 * the run comes back (a page of JSON-LD blocks cost Gumbo a character at
 * a time). */
static size_t raw_text(scan *s, const tag_token *t, GumboTag tag)
{
    emit_tag(s, t);
    size_t end = skip_raw_text(s, t, tag);
    if (tag == GUMBO_TAG_SCRIPT && t->json == JSON_LD && s->bypass &&
        bypass_run_allowed(s->html, t->end, end))
        put_placeholder(s, t->end, end);
    if (tag == GUMBO_TAG_NOSCRIPT && end < s->len)
        close_raw_text_in_noscript(s, t->end, end);
    if (tag == GUMBO_TAG_NOSCRIPT && s->bypass && !noscript_parses_alike(s, t->end, end))
        s->bypass = false;
    if (tag == GUMBO_TAG_STYLE)
        put_style(s, t->end, end);
    if (tag == GUMBO_TAG_SCRIPT && t->json == NOT_JSON)
        read_stream_moves(s, t->end, end);
    if (s->limits->strip && end > t->end &&
        ((tag == GUMBO_TAG_SCRIPT && t->json != JSON_LD) || tag == GUMBO_TAG_STYLE))
        cut(s, t->end, end);
    return end;
}

/* ------------------------------------------------------------------ */
/* Tags                                                                */
/* ------------------------------------------------------------------ */

static size_t start_tag(scan *s, const tag_token *t)
{
    tag_name name = cached_name_of(s, t->name, t->name_len, t->name_key);
    uint16_t cls = class_of(name.tag);
    if (name.tag == GUMBO_TAG_FRAMESET)
        s->bypass = false;   /* see bypass_text */
    /* A tag that takes Gumbo out of SVG or MathML back into HTML, which this
     * scan does not follow: what it takes for values and text after it may
     * be raw text to Gumbo (a <style> after the <p> of "<svg><p>"), so
     * nothing more is bypassed. The scan cannot tell such a tag from HTML
     * inside a foreignObject or a MathML token element, where Gumbo stays:
     * it stops there too (0.2 % of the corpus's bypassed runs). */
    if (s->foreign && breaks_out_of_svg(name.tag))
        s->bypass = false;
    if (cls & (C_MERGED | C_VOID)) {
        emit_tag(s, t);
        return t->end;
    }
    if (s->foreign || (cls & C_FOREIGN)) {
        size_t stripped;
        if (s->limits->strip && !s->foreign && name.tag == GUMBO_TAG_SVG && !t->self_closing &&
            (stripped = strip_svg(s, t)))
            return stripped;   /* an empty <svg> holds no elements: no depth */
        if (t->self_closing) {
            emit_tag(s, t);
            return t->end;
        }
    } else {
        if (cls & C_RAW_TEXT)   /* never cut: it cannot hold elements */
            return raw_text(s, t, name.tag);
        size_t stripped;
        if (s->limits->strip && name.tag == GUMBO_TAG_TEMPLATE && (stripped = strip_template(s, t)))
            return stripped;
        apply_implied_ends(s, cls);
        apply_implied_parents(s, cls);
    }
    if (push(s, name))
        cut(s, t->start, t->end);
    else
        emit_tag(s, t);
    return t->end;
}

static size_t end_tag(scan *s, const tag_token *t)
{
    tag_name name = cached_name_of(s, t->name, t->name_len, t->name_key);
    if ((class_of(name.tag) & C_MERGED) || *open_count(s, name) == 0) {
        emit_tag(s, t);
        return t->end;   /* Gumbo ignores it; so do we */
    }
    size_t i = s->depth;
    while (!same_name(s->stack[i - 1].name, name))
        i--;
    int dropped = s->stack[i - 1].dropped;
    pop_to(s, i - 1);
    if (dropped)
        cut(s, t->start, t->end);
    else
        emit_tag(s, t);
    return t->end;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Elements whose text is shown as it is written (§15.3.3: pre, listing,
 * and the raw-text xmp and plaintext, which never reach the text pass). */
static const GumboTag preformatted[] = {GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_LAST};

/* Text [from, to) between two pieces of markup: when it is all white
 * space (indentation), keep its first character only. */
static void collapse_space(scan *s, size_t from, size_t to)
{
    const char *h = s->html;
    for (size_t i = from; i < to; i++)
        if (!is_space(h[i]))
            return;
    if (s->foreign || any_open(s, preformatted))
        return;
    if (!room_for_one(s, (void **)&s->gaps, &s->gap_capacity, s->gap_count, sizeof *s->gaps, 256))
        return;
    cut(s, from + 1, to);
    s->gaps[s->gap_count++] = (prescan_gap){s->out.len - 1, to - from - 1};
}

/* Text [from, to) between two pieces of markup: the part from its first
 * to its last non-space character goes to Gumbo as a placeholder
 * (bypass.h) when that is shorter and Gumbo would read the bytes as they
 * are, which a '&' never is; returns whether it went. The white space
 * around stays for the tree building. From a <frameset> on nothing is
 * bypassed: in the frameset modes Gumbo drops text but keeps its white
 * space, which a placeholder would drop with it. */
static bool bypass_text(scan *s, size_t from, size_t to)
{
    const char *h = s->html;
    while (from < to && is_space(h[from]))
        from++;
    while (to > from && is_space(h[to - 1]))
        to--;
    if (to - from <= bypass_placeholder_len(s->run_count) || !bypass_run_allowed(h, from, to))
        return false;
    put_placeholder(s, from, to);
    return true;
}

/* React's marks around a streamed boundary: <!--$?--> opens one still
 * waiting (<!--$--> done, <!--$!--> failed), <!--/$--> closes it. They
 * stay, so that moving a segment in can replace the fallback between. */
static bool is_boundary_mark(const scan *s, size_t at, size_t end)
{
    size_t len = end - at;
    if (len < 8 || len > 9 || memcmp(s->html + end - 3, "-->", 3) != 0)
        return false;
    const char *c = s->html + at + 4;
    return len == 8 ? c[0] == '$'
                    : (c[0] == '$' && (c[1] == '?' || c[1] == '!')) || (c[0] == '/' && c[1] == '$');
}

/* The start or end tag at `at`; returns where it ends. */
static size_t tag(scan *s, size_t at)
{
    tag_token t;
    if (!read_tag(s, at, &t))
        return s->len;
    return t.is_end ? end_tag(s, &t) : start_tag(s, &t);
}

/* Handle the markup at `at` (a '<'); returns where to continue. */
static size_t markup(scan *s, size_t at)
{
    const char *p = s->html + at;
    size_t left = s->len - at;
    if (left > 2 && (is_alpha(p[1]) || (p[1] == '/' && is_alpha(p[2]))))
        return tag(s, at);   /* most '<' start a tag: no comment test */
    if (has_prefix_ci(s, at, "<!--")) {
        static const char empty[] = "<!---->";
        size_t end = comment_end(s, at);
        if (s->limits->strip && end - at > sizeof empty - 1 && !is_boundary_mark(s, at, end)) {
            begin_replace(s, at);
            put_str(s, empty);
            end_replace(s, end);
        }
        return end;
    }
    size_t skipped = skip_non_tag(s, at, s->foreign > 0);
    if (skipped)
        return skipped;
    if (left < 2 || !(is_alpha(p[1]) || p[1] == '/'))
        return at + 1;   /* a lone '<' is text */
    return tag(s, at);
}

int prescan(const char *html, size_t len, const prescan_limits *limits, prescan_output *out)
{
    memset(out, 0, sizeof *out);
    scan *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->html = html;
    s->len = len;
    s->limits = limits;
    s->check_due = limits->check_text ? (len < CHECK_STEP ? len : CHECK_STEP) : SIZE_MAX;
    STARTS_OF(implied_ends, s->implied_end_starts);
    for (size_t r = 0; r < sizeof implied_ends / sizeof implied_ends[0]; r++)
        for (unsigned bit = 0; bit < 16; bit++)
            if (implied_ends[r].starts & 1u << bit)
                s->implied_ends_of[bit] |= (uint16_t)(1u << r);
    STARTS_OF(implied_parents, s->implied_parent_starts);
    s->bypass = limits->bypass_text && bypass_page_allowed(html, len);
    size_t at = 0;
    while (at < len && !s->failed && checked_through(s, at)) {
        /* markup right after markup (most tags): no search */
        const char *lt = html[at] == '<' ? html + at : find(s, at, '<');
        size_t text_end = lt ? (size_t)(lt - html) : len;
        size_t text_len = text_end - at;
        if (limits->strip && text_len > 1)
            collapse_space(s, at, text_end);
        /* a run that goes past Gumbo holds no '&' (bypass_run_allowed):
         * the text is not searched for one again */
        bool bypassed = s->bypass && text_len > BYPASS_MIN_TEXT && bypass_text(s, at, text_end);
        bool references = !bypassed && text_len > 3 && memchr(html + at, '&', text_len);
        /* not in SVG/MathML, where the model of what is text is rougher */
        if (limits->strip && references && !s->foreign)
            write_references(s, at, text_end, CHARREF_TEXT);
        if (!lt)
            break;
        at = markup(s, text_end);
    }
    if (limits->check_text)
        check_piece(s, len);
    if (s->changed) {
        begin_replace(s, len);
        if (!s->failed)
            s->out.data[s->out.len] = '\0';
        /* What was cut (scripts, styles, comments) is often most of the
         * page: the output keeps no room for it while Gumbo parses. */
        char *fitted = s->failed ? NULL : realloc(s->out.data, s->out.len + 1);
        s->out.data = fitted ? fitted : s->out.data;
    }
    int result = s->failed ? -1 : 0;
    if (s->failed) {
        free(s->out.data);
        free(s->styles);
        free(s->moves.data);
        free(s->gaps);
        free(s->runs);
    } else {
        out->html = s->changed ? s->out.data : NULL;
        out->len = s->out.len;
        out->styles = s->styles;
        out->style_count = s->style_count;
        out->gaps = s->gaps;
        out->gap_count = s->gap_count;
        out->moves = s->moves.data;
        out->move_count = s->move_count;
        out->text = s->text;
        out->runs = s->runs;
        out->run_count = s->run_count;
        out->run_source = s->run_count ? html : NULL;
    }
    free(s->stack);
    free(s);
    return result;
}

void prescan_free(prescan_output *out)
{
    free(out->html);
    free(out->styles);
    free(out->gaps);
    free(out->moves);
    free(out->runs);
    memset(out, 0, sizeof *out);
}
