/*
 * engine.c — per-node facts computed once per page, and the subtree
 * statistics every later pass reads (see engine.h).
 *
 * Two linear walks: a forward one (pre-order: parents before children) that
 * inherits "inside a link / code / table" flags downwards, and a backward
 * one that sums statistics and "contains" flags upwards. Text is measured in
 * code points after collapsing white space, as Readability's _getInnerText
 * does, so thresholds taken from Readability keep their meaning.
 */
#include "engine.h"

#include "ascii.h"
#include "casefold.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <uninorm.h>
#include <unistr.h>

#define INHERITED (NF_IN_LINK | NF_HASH_LINK | NF_IN_CODE | NF_IN_TABLE | NF_IN_FIGURE | NF_DATA_TABLE | \
                   NF_IN_ARTICLE | NF_IN_HEADING | NF_IN_NOSCRIPT | NF_IN_ID_BOX)
#define CONTAINED (NF_HAS_H1 | NF_HAS_BODY | NF_REPLY | NF_HAS_DATE | NF_HAS_TEXTAREA | NF_HAS_HEADING | \
                   NF_HEADLINE | NF_HAS_NOTES | NF_HAS_CODE | NF_HAS_DATA | NF_PRICE_TAG | \
                   NF_PERMALINK)

/* Readability's commas pattern: Latin, Arabic, CJK and small-form commas. */
static const ucs4_t comma_chars[] = {
    0x002C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C, 0x3001,
};
static const ucs4_t sentence_end_chars[] = {'.', '!', '?', 0x3002, 0xFF01, 0xFF1F};
/* The first of both tables past ASCII (the Arabic comma): a character
 * below it is no comma nor sentence end. */
#define FIRST_WIDE_MARK 0x060C

/* Words of a "Reply" link in comment threads (clutter kinds: comment threads). */
static const char *const reply_words[] = {
    "reply", "antworten", "répondre", "responder", "rispondi", "responder",
    "beantwoorden", "odpowiedz", "ответить", "返信", "回复",
};

static bool in_set(ucs4_t c, const ucs4_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == c)
            return true;
    return false;
}

static bool is_space(ucs4_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0;
}

/* A run of words from p (at a letter, after a single space): sixteen
 * bytes at a time while they are ASCII letters and single spaces, the
 * last a letter, as most of prose is. Returns the last letter passed (the
 * letter loop of measure_text goes on after it), or p when no block was
 * whole. *end is the text's NUL, found on the first call (a text of one
 * word, as most labels are, never needs it). SSE2 (every x86-64 has it)
 * tests sixteen bytes at once; elsewhere the letter loop does it all. */
#define WORD_BLOCK 16
static const uint8_t *skip_word_blocks(const uint8_t *p, const uint8_t **end)
{
#ifdef __SSE2__
    if (!*end)
        *end = p + strlen((const char *)p);
    const uint8_t *from = p;
    while (*end - p >= WORD_BLOCK) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i letter = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(folded, _mm_set1_epi8('a')), folded),
                                       _mm_cmpeq_epi8(_mm_min_epu8(folded, _mm_set1_epi8('z')), folded));
        unsigned letters = (unsigned)_mm_movemask_epi8(letter);
        unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
        if ((letters | spaces) != 0xFFFFu || (spaces & (spaces << 1)) ||
            (spaces & (1u << (WORD_BLOCK - 1))))
            break;
        p += WORD_BLOCK;
    }
    return p == from ? p : p - 1;
#else
    (void)end;
    return p;
#endif
}

/* What measure_text tells apart among ASCII characters other than letters
 * (the rest: ASCII_OTHER, 0). ASCII_SIGN is the one currency sign of
 * ASCII, else read as any other character. */
enum { ASCII_OTHER, ASCII_DIGIT, ASCII_SPACE, ASCII_COMMA, ASCII_END, ASCII_SIGN };
static const uint8_t ascii_kind[0x80] = {
    ['$'] = ASCII_SIGN,
    ['0'] = ASCII_DIGIT, ['1'] = ASCII_DIGIT, ['2'] = ASCII_DIGIT, ['3'] = ASCII_DIGIT,
    ['4'] = ASCII_DIGIT, ['5'] = ASCII_DIGIT, ['6'] = ASCII_DIGIT, ['7'] = ASCII_DIGIT,
    ['8'] = ASCII_DIGIT, ['9'] = ASCII_DIGIT,
    [' '] = ASCII_SPACE, ['\t'] = ASCII_SPACE, ['\n'] = ASCII_SPACE, ['\r'] = ASCII_SPACE,
    ['\f'] = ASCII_SPACE,   /* is_space's ASCII part */
    [','] = ASCII_COMMA,
    ['.'] = ASCII_END, ['!'] = ASCII_END, ['?'] = ASCII_END,
};

/* Count code points (white space runs as one), commas and sentence ends.
 * A comma between digits is a thousands separator ("402,310"), not a
 * clause: tables of figures must not read as prose. Returns whether the
 * text may hold a currency sign (a '$' or a byte past ASCII, where every
 * other sign begins): a text without one is no price tag, and most texts
 * of a page are then not searched for one. */
static bool measure_text(const char *s, uint32_t *chars, uint16_t *commas, uint16_t *sentences)
{
    bool sign = false;
    const uint8_t *p = (const uint8_t *)s;
    const uint8_t *end = NULL;   /* the NUL, once a run of words needs it */
    uint32_t n = 0, c = 0, se = 0;
    bool prev_space = false, prev_end = false, prev_digit = false, digit_comma = false;
    while (*p) {
        if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') {
            /* a run of ASCII letters, most of prose: each counts, and
             * none is a digit, a comma or a sentence end */
            const uint8_t *start = p;
            for (;;) {
                do
                    p++;
                while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
                /* one space between two words counts one, and the word
                 * before it ends no sentence: the run goes on */
                if (p[0] != ' ' || (p[1] | 0x20) < 'a' || (p[1] | 0x20) > 'z')
                    break;
                p++;
                p = skip_word_blocks(p, &end);
            }
            if (digit_comma)
                c++;   /* "1999, the year" after all */
            digit_comma = false;
            n += (uint32_t)(p - start);
            prev_space = prev_end = prev_digit = false;
            continue;
        }
        if (*p < 0x80) {   /* most text is ASCII: no decoding, one look-up */
            unsigned kind = ascii_kind[*p++];
            if (kind == ASCII_DIGIT) {   /* a comma between digits stays a separator */
                digit_comma = prev_space = prev_end = false;
                prev_digit = true;
                n++;
                continue;
            }
            if (digit_comma)
                c++;   /* "1999, the year" after all */
            digit_comma = false;
            if (kind == ASCII_SPACE) {
                se += prev_end;
                prev_end = prev_digit = false;
                n += !prev_space;
                prev_space = true;
                continue;
            }
            prev_space = false;
            n++;
            sign |= kind == ASCII_SIGN;
            if (kind == ASCII_COMMA && prev_digit)
                digit_comma = true;
            else
                c += kind == ASCII_COMMA;
            prev_end = kind == ASCII_END;
            prev_digit = false;
            continue;
        }
        ucs4_t uc;   /* past ASCII (an invalid byte reads as U+FFFD): no digit */
        sign = true;
        int len = u8_mbtouc(&uc, p, strnlen((const char *)p, 4));
        p += len > 0 ? len : 1;
        if (digit_comma)
            c++;   /* "1999, the year" after all */
        digit_comma = false;
        if (is_space(uc)) {
            if (prev_end)
                se++;
            prev_end = prev_digit = false;
            if (!prev_space)
                n++;
            prev_space = true;
            continue;
        }
        prev_space = false;
        n++;
        prev_digit = false;
        /* Latin-1 letters and signs (U+0080 to U+060B) are neither */
        if (uc >= FIRST_WIDE_MARK && in_set(uc, comma_chars, sizeof comma_chars / sizeof comma_chars[0]))
            c++;
        prev_end = uc >= FIRST_WIDE_MARK &&
                   in_set(uc, sentence_end_chars, sizeof sentence_end_chars / sizeof sentence_end_chars[0]);
        if (prev_end && uc >= 0x3000)   /* CJK stops need no following space */
            se++, prev_end = false;
    }
    if (prev_end)
        se++;
    if (digit_comma)
        c++;
    *chars = n;
    *commas = c > UINT16_MAX ? UINT16_MAX : (uint16_t)c;
    *sentences = se > UINT16_MAX ? UINT16_MAX : (uint16_t)se;
    return sign;
}

static bool style_hides(const char *style)
{
    if (!style)
        return false;
    char squeezed[256];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof squeezed; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n')
            squeezed[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
    squeezed[n] = '\0';
    return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static bool style_fixed(const char *style)
{
    return style && (strstr(style, "position:fixed") || strstr(style, "position: fixed"));
}


#define REPLY_TEXT_BYTES 40   /* more than the longest reply word */

typedef struct {
    uint64_t bits[4];
} byte_set;

/* The first bytes of the reply words, gathered once for all the links a
 * page asks about. */
static byte_set reply_initials(void)
{
    byte_set set = {{0, 0, 0, 0}};
    for (size_t k = 0; k < sizeof reply_words / sizeof reply_words[0]; k++) {
        unsigned char c = (unsigned char)reply_words[k][0];
        set.bits[c >> 6] |= UINT64_C(1) << (c & 63);
    }
    return set;
}

/* Can the folded text of `id` be a reply word, by its first byte? The
 * fold opens with the first byte of the subtree's text that is not white
 * space, lower-cased when it is an ASCII letter. Only an ASCII byte that
 * opens no reply word says no: NFC may compose an ASCII letter with a
 * mark that follows, but only into a precomposed Latin letter (U+00C0
 * and up, lead bytes 0xC3-0xC9 and 0xE1), and no reply word opens with
 * one of those (`initials`: reply_initials). Every short link is asked
 * ("[edit]", "Share"), and most are turned away here instead of being
 * folded. */
static bool may_be_reply_word(const rm_engine *e, int32_t id, const byte_set *initials)
{
    int32_t end = engine_end(e, id);
    for (int32_t i = id; i < end; i++) {
        if (e->dom.nodes[i].type != RM_NODE_TEXT)
            continue;
        const unsigned char *t = (const unsigned char *)e->dom.nodes[i].text;
        while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\f' || *t == '\r')
            t++;
        if (!*t)
            continue;
        if (*t >= 0x80)
            return true;
        unsigned char c = (unsigned char)((unsigned)(*t - 'A') < 26u ? *t + ('a' - 'A') : *t);
        return (initials->bits[c >> 6] >> (c & 63)) & 1;
    }
    return false;   /* no text: the fold is empty */
}

static bool is_reply_control(const rm_engine *e, int32_t id, const byte_set *initials)
{
    GumboTag t = e->dom.nodes[id].tag;
    if ((t != GUMBO_TAG_A && t != GUMBO_TAG_BUTTON) || !may_be_reply_word(e, id, initials))
        return false;
    size_t len;
    char buf[REPLY_TEXT_BYTES + 1];
    char *text = engine_fold_into(e, id, NULL, REPLY_TEXT_BYTES, buf, &len);
    if (!text)
        return false;
    /* most short links are no reply word: their first byte says so */
    bool hit = false;
    for (size_t i = 0; i < sizeof reply_words / sizeof reply_words[0] && !hit; i++)
        hit = text[0] == reply_words[i][0] && strcmp(text, reply_words[i]) == 0;
    if (text != buf)
        free(text);
    return hit;
}

/* A post's permalink: a link whose fragment names a box around the link
 * itself. Forum packages anchor each post by a numbered id and link it
 * from its own date or number ("viewtopic.php?p=12#p12" inside id="p12",
 * "#post-12", "#msg12"); a "back to top" link points out of its box, not
 * to it, and a manual's section anchor ("¶" in the heading) is its
 * heading's slug, not a number, on a <section> (documentation generators
 * number the ids of repeated headings: "id1", "id2"). */
#define PERMALINK_MAX_DEPTH 12   /* a post's date sits a few boxes deep */

static bool is_post_anchor(const rm_engine *e, int32_t box, const char *id)
{
    size_t n = strlen(id);
    return n > 0 && id[n - 1] >= '0' && id[n - 1] <= '9' && !(e->flags[box] & NF_SLUG_ID) &&
           e->dom.nodes[box].tag != GUMBO_TAG_SECTION;
}

/* The permalink's text that names its post: the fragment ("p12") or the
 * post number ("4175421"); a box's id names the post when it is that
 * fragment, or ends in that number with no other digit before it. */
typedef struct {
    const char *name;
    size_t len;
    bool number;
} post_name;

static bool has_digit(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return true;
    return false;
}

static bool box_is_named(const char *box, const post_name *name)
{
    if (!name->number)
        return strcmp(box, name->name) == 0;
    size_t n = strlen(box);
    return n > name->len && memcmp(box + n - name->len, name->name, name->len) == 0 &&
           !has_digit(box, n - name->len);
}

/* Is the link inside a post anchor (a few boxes up, below <body>) that
 * `name` names? */
static bool in_named_post(const rm_engine *e, int32_t id, const post_name *name)
{
    int32_t p = e->dom.nodes[id].parent;
    for (int depth = 0; p != RM_NONE && depth < PERMALINK_MAX_DEPTH;
         depth++, p = e->dom.nodes[p].parent) {
        GumboTag t = e->dom.nodes[p].tag;
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML)
            return false;
        const char *box = dom_attr(&e->dom, p, "id");
        if (box && box_is_named(box, name))
            return is_post_anchor(e, p, box);
    }
    return false;
}

static bool is_self_permalink(const rm_engine *e, int32_t id, const char *href)
{
    const char *hash = href ? strchr(href, '#') : NULL;
    if (!hash || !hash[1])
        return false;
    post_name name = {hash + 1, strlen(hash + 1), false};
    return in_named_post(e, id, &name);
}

/* A post's permalink that names it by number rather than by fragment:
 * SMF 2.1 links each post's date to "index.php?msg=4175421" inside
 * id="msg4175421". The link's last run of digits (a post number, three
 * or more, ending the link, no leading zero) is the one number of the id
 * of a post anchor around it ("msg4175421", "post-4712"; not a reference
 * list's "b36-pan-2024-0015", whose article's DOI ends in the same digits). */
#define POST_NUMBER_MIN_DIGITS 3

static bool is_numbered_permalink(const rm_engine *e, int32_t id, const char *href)
{
    if (!href || strchr(href, '#'))
        return false;
    size_t end = strlen(href);
    while (end > 0 && href[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && href[start - 1] >= '0' && href[start - 1] <= '9')
        start--;
    size_t digits = end - start;
    if (digits < POST_NUMBER_MIN_DIGITS || href[start] == '0')
        return false;
    post_name name = {href + start, digits, true};
    return in_named_post(e, id, &name);
}

/* Readability's _markDataTables, on attributes and raw statistics. */
static bool is_data_table(const rm_engine *e, int32_t id)
{
    const char *role = dom_attr(&e->dom, id, "role");
    if (role && strcmp(role, "presentation") == 0)
        return false;
    const char *dt = dom_attr(&e->dom, id, "datatable");
    if (dt && strcmp(dt, "0") == 0)
        return false;
    if (dom_attr(&e->dom, id, "summary"))
        return true;
    const rm_node *n = &e->dom.nodes[id];
    unsigned rows = 0, cols = 0, cells_in_row = 0;
    for (uint32_t i = (uint32_t)id + 1; i < (uint32_t)id + n->size; i++) {
        GumboTag t = e->dom.nodes[i].tag;
        if (t == GUMBO_TAG_CAPTION || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT ||
            t == GUMBO_TAG_COLGROUP || t == GUMBO_TAG_COL || t == GUMBO_TAG_TH)
            return true;
        if (t == GUMBO_TAG_TABLE)
            return false;   /* nested tables mean layout */
        if (t == GUMBO_TAG_TR) {
            rows++;
            cells_in_row = 0;
        } else if (t == GUMBO_TAG_TD && ++cells_in_row > cols) {
            cols = cells_in_row;
        }
    }
    if (rows == 1 || cols == 1)
        return false;
    return rows >= 10 || cols > 4 || rows * cols > 10;
}

/* The next ASCII letter or digit of `s` from *at, lower-cased, or '\0'. */
static char next_alnum(const char *s, size_t *at)
{
    for (; s[*at]; (*at)++) {
        char c = s[*at];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            (*at)++;
            return c;
        }
    }
    return '\0';
}

/* Do the letters and digits of the heading's text spell `id`, whatever
 * separates the words ("Respond to review comments" and
 * "respond-to-review-comments")? */
static bool heading_spells(const rm_dom *dom, int32_t heading, const char *id)
{
    size_t at_id = 0;
    int32_t end = heading + (int32_t)dom->nodes[heading].size;
    for (int32_t i = heading; i < end; i++) {
        const char *t = dom->nodes[i].type == RM_NODE_TEXT ? dom_text(dom, i) : NULL;
        size_t at = 0;
        for (char c; t && (c = next_alnum(t, &at)) != '\0';)
            if (next_alnum(id, &at_id) != c)
                return false;
    }
    return at_id > 0 && next_alnum(id, &at_id) == '\0';
}

/* A heading's id is nearly always a slug of its own text, the target of
 * an in-page link ("sharing-one-cache-across-runners"), and so is the id
 * of a section that opens with its heading, as documentation generators
 * write them (Sphinx, Pandoc, AsciiDoc): such an id says nothing about
 * what the box is, so these are known by their class alone. A one-word
 * section id ("comments" over "Comments") names the box as much as it
 * spells its heading, and still counts. `id` is element i's id. */
static bool id_is_slug(const rm_dom *dom, int32_t i, const char *id)
{
    const rm_node *n = &dom->nodes[i];
    if (heur_is_heading_tag(n->tag))
        return true;
    int32_t c = n->first_child;
    while (c != RM_NONE && dom->nodes[c].type == RM_NODE_TEXT)
        c = dom->nodes[c].next_sibling;
    return c != RM_NONE && heur_is_heading_tag(dom->nodes[c].tag) && strpbrk(id, "-_") &&
           heading_spells(dom, c, id);
}

/* A price written in two text runs: a currency sign alone, the number in
 * the next run ("$<!-- -->14", as React renders an expression beside a
 * literal; the comment is not kept, so the runs are neighbours). Read
 * together they make a price tag, though neither holds one on its own. */
#define SPLIT_PRICE_BYTES 32

bool engine_split_price(const rm_engine *e, int32_t text)
{
    const rm_node *n = &e->dom.nodes[text];
    if (n->type != RM_NODE_TEXT || n->next_sibling == RM_NONE ||
        e->dom.nodes[n->next_sibling].type != RM_NODE_TEXT)
        return false;
    const char *sign = dom_text(&e->dom, text), *rest = dom_text(&e->dom, n->next_sibling);
    size_t ls = strlen(sign), lr = strlen(rest);
    if (ls == 0 || ls + lr >= SPLIT_PRICE_BYTES || !strpbrk(sign, "$\xE2\xC2") ||
        heur_count_prices(sign, 1) > 0)
        return false;
    char joined[SPLIT_PRICE_BYTES];
    memcpy(joined, sign, ls);
    memcpy(joined + ls, rest, lr + 1);
    uint32_t chars = 0;
    for (const char *p = joined; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80 && *p != ' ' && *p != '\n' && *p != '\t';
    return heur_is_price_tag(joined, chars);
}

bool engine_id_is_slug(const rm_engine *e, int32_t id)
{
    return (e->flags[id] & NF_SLUG_ID) != 0;
}

/* Append the lower-cased "class id" of element i to sig_buf (*len bytes
 * used of *cap); an id that is a slug of the heading is left out and
 * marked NF_SLUG_ID, known once for every pass. */
static int add_signature(rm_engine *e, int32_t i, const char *cls, const char *id, size_t *len,
                         size_t *cap)
{
    if (id && id_is_slug(&e->dom, i, id)) {
        e->flags[i] |= NF_SLUG_ID;
        id = NULL;
    }
    if (!cls && !id)
        return 0;
    size_t cls_len = cls ? strlen(cls) : 0, id_len = id ? strlen(id) : 0;
    size_t need = cls_len + 1 + id_len + 1;
    if (*len + need > *cap) {
        while (*len + need > *cap)
            *cap *= 2;
        char *grown = realloc(e->sig_buf, *cap);
        if (!grown)
            return -1;
        e->sig_buf = grown;
    }
    e->sig_off[i] = (uint32_t)*len;
    char *out = e->sig_buf + *len;
    ascii_lower_copy(out, cls ? cls : "", cls_len);
    out[cls_len] = ' ';
    ascii_lower_copy(out + cls_len + 1, id ? id : "", id_len);
    out[need - 1] = '\0';
    *len += need;
    return 0;
}

/* ---- overlays named by the page's own CSS ------------------------------------
 * A nag or banner is often fixed by a stylesheet rule, not an inline style
 * (hidden by the page, docs/architecture.md): one pass over the style
 * sheets (the pre-scan says where they are) collects the classes of rules
 * that say position:fixed, and Tailwind's utility class "fixed" counts too.
 * The sheets are read in the markup as written, where Gumbo would have
 * turned CR and CR LF into a line break and NUL into a character that is
 * neither a name nor punctuation: both separate like white space here. */

static bool css_class_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
}

/* Does a declaration block say position:fixed? */
static bool declares_fixed(const char *from, const char *to)
{
    static const char key[] = "position";
    for (const char *p = from; p + sizeof key - 1 < to; p++) {
        if (memcmp(p, key, sizeof key - 1) != 0)
            continue;
        const char *v = p + sizeof key - 1;
        while (v < to && (*v == ' ' || *v == ':' || *v == '\n' || *v == '\t' || *v == '\r' || *v == '\0'))
            v++;
        if (to - v >= 5 && memcmp(v, "fixed", 5) == 0)
            return true;
    }
    return false;
}

static int collect_selector_classes(rm_engine *e, const char *from, const char *to)
{
    for (const char *p = from; p < to; p++) {
        if (*p != '.')
            continue;
        const char *name = ++p;
        while (p < to && css_class_char(*p))
            p++;
        if (e->fixed_classes.count >= ENGINE_FIXED_CLASSES_MAX)
            return 0;
        if (p > name && hashset_add(&e->fixed_classes, hashset_hash(name, (size_t)(p - name))))
            return -1;
    }
    return 0;
}

/* The first '{' or '}' in [p, end), or end. */
static const char *next_brace(const char *p, const char *end)
{
    while (p < end && *p != '{' && *p != '}')
        p++;
    return p;
}

static int scan_stylesheet(rm_engine *e, const char *css, const char *css_end)
{
    const char *selector = css;
    for (const char *p = css; p < css_end; p++) {
        if (*p == '}') {
            selector = p + 1;
            continue;
        }
        if (*p != '{')
            continue;
        const char *end = next_brace(p + 1, css_end);
        if (end < css_end && *end == '{') {   /* a group such as @media: its rules follow */
            selector = p + 1;
            continue;
        }
        if (declares_fixed(p + 1, end) && collect_selector_classes(e, selector, p))
            return -1;
        if (end == css_end || e->fixed_classes.count >= ENGINE_FIXED_CLASSES_MAX)
            break;
        p = end;
        selector = end + 1;
    }
    return 0;
}

/* The panels of disclosure widgets (WAI-ARIA's disclosure and accordion
 * patterns): a button with aria-expanded names the panel it opens in
 * aria-controls, a list of ids. Such a panel is closed, not absent: an
 * FAQ's answers, the rest of a category's description. */
static int add_controlled_ids(rm_engine *e, const char *ids)
{
    size_t len;
    for (const char *p = ids; *p; p += len) {
        p += strspn(p, " \t\n");
        len = strcspn(p, " \t\n");
        if (len && hashset_add(&e->disclosed, hashset_hash(p, len)))
            return -1;
    }
    return 0;
}

/* An accordion whose script keeps its state elsewhere than in
 * aria-expanded still ties each button to its panel both ways, as
 * WAI-ARIA's accordion pattern asks: the button names the panel in
 * aria-controls and the panel names the button in aria-labelledby. A
 * button and a panel that name each other so are a disclosure too
 * (a page's FAQ or course outline; a tab list's arrows or a menu toggle
 * name their target one way only). Pairs are looked for among the first
 * ACCORDION_BUTTONS such buttons. */
#define ACCORDION_BUTTONS 64

typedef struct {
    const char *button, *panel;   /* the button's id, the panel it names */
} accordion_pair;

static int add_labelled_panels(rm_engine *e, const accordion_pair *pairs, size_t n)
{
    for (int32_t i = 0; n > 0 && i < e->dom.count; i++) {
        const char *by = e->dom.nodes[i].has_attrs ? dom_attr(&e->dom, i, "aria-labelledby") : NULL;
        const char *id = by ? dom_attr(&e->dom, i, "id") : NULL;
        for (size_t k = 0; id && k < n; k++)
            if (strcmp(id, pairs[k].panel) == 0 && strcmp(by, pairs[k].button) == 0 &&
                hashset_add(&e->disclosed, hashset_hash(id, strlen(id))))
                return -1;
    }
    return 0;
}

/* Room for one more item in a growing array of `size`-byte items that
 * holds `count` of *cap; 0, or -1 when out of memory. */
static int make_room(void **items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return 0;
    size_t grown_cap = *cap ? *cap * 2 : 256;
    void *grown = realloc(*items, grown_cap * size);
    if (!grown)
        return -1;
    *items = grown;
    *cap = grown_cap;
    return 0;
}

/* The ids that "#id" links point to are asked of list items only (a
 * footnote's <li id>): on a page with no such item, a wiki page's
 * thousands of edit and skip links need no set (each insert a random
 * write once the set outgrows the cache) and are not even hashed. Their
 * fragments wait in page order until the pass knows. */
typedef struct {
    const char **fragments;   /* into the index's store */
    size_t count, cap;
    bool wanted;              /* an <li> with an id was met */
} target_list;

static int settle_link_targets(rm_engine *e, target_list *targets)
{
    int rc = 0;
    for (size_t k = 0; targets->wanted && k < targets->count && !rc; k++) {
        const char *f = targets->fragments[k];
        rc = hashset_add(&e->link_targets, hashset_hash(f, strlen(f)));
    }
    free(targets->fragments);
    return rc;
}

/* The attributes the passes read of every element, in one pass over the
 * page and one over each attribute list (Gumbo's names are lower case,
 * each at most once): the signatures (class and id), the elements that
 * have an id, the ids that the page's own "#id" links point to
 * (footnotes and references are reached that way, which marks their list
 * items as content) and the panels of disclosure widgets. */
static int collect_attribute_facts(rm_engine *e)
{
    size_t cap = 4096, len = 1, ids_cap = 0;
    e->sig_buf = malloc(cap);
    if (!e->sig_buf)
        return -1;
    e->sig_buf[0] = '\0';
    accordion_pair pairs[ACCORDION_BUTTONS];
    size_t n = 0;
    target_list targets = {NULL, 0, 0, false};
    for (int32_t i = 0; i < e->dom.count; i++) {
        if (!e->dom.nodes[i].has_attrs)
            continue;   /* text, and elements without attributes: one test */
        size_t count;
        const rm_attr *attrs = dom_attr_list(&e->dom, i, &count);
        const char *cls = NULL, *id = NULL, *href = NULL, *controls = NULL;
        bool expands = false;
        for (size_t k = 0; k < count; k++) {
            const rm_attr *at = &attrs[k];
            switch (at->name[0]) {   /* most names are none of these */
            case 'c':
                if (strcmp(at->name, "class") == 0)
                    cls = at->value;
                break;
            case 'i':
                if (strcmp(at->name, "id") == 0)
                    id = at->value;
                break;
            case 'h':
                if (strcmp(at->name, "href") == 0)
                    href = at->value;
                break;
            case 'a':
                if (strcmp(at->name, "aria-controls") == 0)
                    controls = at->value;
                else if (strcmp(at->name, "aria-expanded") == 0)
                    expands = true;
                break;
            default:
                break;
            }
        }
        if (add_signature(e, i, cls, id, &len, &cap))
            goto oom;
        if (id) {
            if (make_room((void **)&e->id_nodes, e->id_count, &ids_cap, sizeof *e->id_nodes))
                goto oom;
            e->id_nodes[e->id_count++] = i;
            targets.wanted |= e->dom.nodes[i].tag == GUMBO_TAG_LI;
        }
        if (e->dom.nodes[i].tag == GUMBO_TAG_A && href && href[0] == '#' && href[1]) {
            if (make_room((void **)&targets.fragments, targets.count, &targets.cap,
                          sizeof *targets.fragments))
                goto oom;
            targets.fragments[targets.count++] = href + 1;
        }
        if (controls && expands && add_controlled_ids(e, controls))
            goto oom;
        if (controls && !expands && id && e->dom.nodes[i].tag == GUMBO_TAG_BUTTON &&
            n < ACCORDION_BUTTONS)
            pairs[n++] = (accordion_pair){id, controls};
    }
    if (settle_link_targets(e, &targets))
        return -1;
    return add_labelled_panels(e, pairs, n);
oom:
    free(targets.fragments);
    return -1;
}

/* The renderers' copy of NF_DISCLOSED (they outlive the flags), made
 * only on pages that have such panels. */
static int disclosed_mask(rm_engine *e, bool opened_answers)
{
    if (e->disclosed.count == 0 && !opened_answers)
        return 0;
    uint8_t *mask = calloc((size_t)e->dom.count, 1);
    if (!mask)
        return -1;
    for (int32_t i = 0; i < e->dom.count; i++)
        mask[i] = (e->flags[i] & NF_DISCLOSED)    ? DISCLOSED_PANEL
                  : (e->flags[i] & NF_DISCLOSER) ? DISCLOSED_LABEL
                                                 : 0;
    e->disclosed_mask = mask;
    return 0;
}

int engine_read_style_sheets(rm_engine *e, const char *markup, const prescan_span *sheets, size_t count)
{
    for (size_t i = 0; i < count && e->fixed_classes.count < ENGINE_FIXED_CLASSES_MAX; i++)
        if (scan_stylesheet(e, markup + sheets[i].start, markup + sheets[i].start + sheets[i].len))
            return -1;
    return 0;
}

static bool is_tailwind_fixed(const char *name, size_t n)
{
    return n == 5 && strncmp(name, "fixed", 5) == 0;
}

static bool is_fixed_class(const rm_engine *e, const char *name, size_t n)
{
    /* most pages' style sheets fix no class: no hash to take then */
    return e->fixed_classes.count && hashset_has(&e->fixed_classes, hashset_hash(name, n));
}

/* What a class list says, read in one pass over its names (every element
 * has one, some of thousands of bytes): fixed (Tailwind's "fixed" among
 * other utilities, or a class a <style> rule fixes), screen-reader only, a
 * tab panel, hidden by a utility class that no other class shows again at
 * some width, and Wikimedia's "fallback-image" (found inside a name too). */
typedef struct {
    bool fixed, screen_reader, tab_panel, hidden, fallback_image;
} class_facts;

/* The bytes of a word equal to c, each marked by its high bit. Exact: the
 * sum of a byte's low seven bits and 0x7f never carries into the next. */
static uint64_t bytes_equal(uint64_t word, unsigned char c)
{
    const uint64_t low7 = UINT64_C(0x7f7f7f7f7f7f7f7f);
    uint64_t x = word ^ (UINT64_C(0x0101010101010101) * c);
    return ~(((x & low7) + low7) | x | low7);
}

/* The end of the class name that starts at p (its separator, or `end`),
 * and in *colon whether it holds a ':' (a responsive variant such as
 * "md:block"). Eight bytes at a time, lowest address in the lowest byte
 * as everywhere here: the lists of some pages run to kilobytes. */
static const char *class_name_end(const char *p, const char *end, bool *colon)
{
    uint64_t colons = 0;
    for (; end - p >= 8; p += 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        uint64_t seps = bytes_equal(word, ' ') | bytes_equal(word, '\t') | bytes_equal(word, '\n');
        uint64_t here = bytes_equal(word, ':');
        if (seps) {
            unsigned at = (unsigned)__builtin_ctzll(seps) / 8;
            *colon = colons || (here & ((UINT64_C(1) << (at * 8)) - 1));
            return p + at;
        }
        colons |= here;
    }
    for (; p < end && *p != ' ' && *p != '\t' && *p != '\n'; p++)
        colons |= *p == ':';
    *colon = colons != 0;
    return p;
}

static class_facts read_class_names(const rm_engine *e, const char *cls)
{
    class_facts facts = {false, false, false, false, false};
    unsigned named = 0;   /* HEUR_CLASS_* of all the names */
    bool tailwind_fixed = false;
    size_t names = 0;
    static const char fallback[] = "fallback-image";
    const char *end = cls + strlen(cls);
    for (const char *p = cls; p < end;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
            p++;
        const char *start = p;
        bool colon;
        p = class_name_end(p, end, &colon);
        size_t n = (size_t)(p - start);
        if (n == 0)
            continue;
        names++;
        tailwind_fixed = tailwind_fixed || is_tailwind_fixed(start, n);
        facts.fixed = facts.fixed || is_fixed_class(e, start, n);
        named |= heur_class_name_facts(start, n, colon);
        for (size_t k = 0; !facts.fallback_image && k + sizeof fallback - 1 <= n; k++)
            facts.fallback_image = start[k] == fallback[0] &&
                                   memcmp(start + k, fallback, sizeof fallback - 1) == 0;
    }
    facts.screen_reader = named & HEUR_CLASS_SCREEN_READER;
    facts.tab_panel = named & HEUR_CLASS_TAB_PANEL;
    facts.hidden = (named & HEUR_CLASS_HIDING) && !(named & HEUR_CLASS_SHOWS);
    /* Tailwind's `fixed` places a box with other utilities beside it
     * (`fixed inset-0 z-50`); a class list that is the one word "fixed"
     * is a theme's name for a fixed-width section, as some page builders
     * wrap every section of the page so. */
    facts.fixed = facts.fixed || (tailwind_fixed && names > 1);
    return facts;
}

/* The class_facts from heur_class_list_facts' bits. */
static class_facts facts_of_list(unsigned bits)
{
    class_facts facts = {false, false, false, false, false};
    facts.screen_reader = bits & HEUR_CLASS_SCREEN_READER;
    facts.tab_panel = bits & HEUR_CLASS_TAB_PANEL;
    facts.hidden = (bits & HEUR_CLASS_HIDING) && !(bits & HEUR_CLASS_SHOWS);
    return facts;
}

/* A class list read once for what it says and for the patterns of the
 * signature (added to *sig_bits): one pass of heuristics' automaton, name
 * by name only where it cannot judge alone or the page's style sheets fix
 * classes (a hash of each name). */
static class_facts read_class_list(const rm_engine *e, const char *cls, unsigned *sig_bits)
{
    unsigned bits = heur_class_list_facts(cls, strlen(cls));
    *sig_bits |= bits & HEUR_SIG_ALL;
    if ((bits & HEUR_CLASS_CHECK) || e->fixed_classes.count)
        return read_class_names(e, cls);
    return facts_of_list(bits);
}

/* Readability's patterns in the signature of element id (HEUR_SIG_*), from
 * those of its class list (`found`) and of its id, as heur_class_weight
 * would find them in engine_sig: an id that is a slug is not in it. */
static unsigned signature_patterns(const rm_engine *e, int32_t id, unsigned found, const char *id_value)
{
    if (id_value && !(e->flags[id] & NF_SLUG_ID))
        found |= heur_sig_word_patterns(id_value, strlen(id_value));
    bool hid = (found & HEUR_SIG_HID_WORD) && heur_has_hid_word(engine_sig(e, id));
    found &= ~(unsigned)(HEUR_SIG_HID | HEUR_SIG_HID_WORD);
    return found | (hid ? HEUR_SIG_HID : 0);
}

/* Flags carried by attributes, read in one pass over them (Gumbo keeps
 * attributes in a list; looking each name up would rescan it). */
static uint32_t attribute_flags(const rm_engine *e, int32_t id, unsigned *sig_bits)
{
    size_t count;
    const rm_attr *attrs = dom_attr_list(&e->dom, id, &count);
    GumboTag tag = (GumboTag)e->dom.nodes[id].tag;
    uint32_t f = 0;
    bool aria_hidden = false, fallback_image = false, hidden = false, tab_panel = false;
    bool controls = false, expands = false, streamed = false, microdata = false;
    const char *tabindex = NULL, *id_value = NULL, *href = NULL;
    unsigned found = 0;   /* HEUR_SIG_* of the class list */
    for (size_t k = 0; k < count; k++) {
        const char *name = attrs[k].name, *v = attrs[k].value;
        /* Most attributes are none of these: their first letter says so
         * without a comparison per name. */
        switch (name[0]) {
        case 'h':
            if (strcmp(name, "hidden") == 0)
                hidden = true;
            else if (strcmp(name, "href") == 0 && tag == GUMBO_TAG_A) {
                f |= (NF_IN_LINK | (v[0] == '#' ? NF_HASH_LINK : 0));
                href = v;
            }
            break;
        case 'a':
            if (strcmp(name, "aria-hidden") == 0)
                aria_hidden = strcmp(v, "true") == 0;
            else if (strcmp(name, "aria-modal") == 0 && strcmp(v, "true") == 0)
                f |= NF_FIXED;
            else if (strcmp(name, "aria-controls") == 0 && tag == GUMBO_TAG_BUTTON)
                controls = true;
            else if (strcmp(name, "aria-expanded") == 0)
                expands = true;
            break;
        case 'c':
            if (strcmp(name, "class") != 0)
                break;
            {
                class_facts facts = read_class_list(e, v, &found);
                fallback_image = facts.fallback_image;
                tab_panel = tab_panel || facts.tab_panel;
                if (facts.fixed)
                    f |= NF_FIXED;
                if (facts.screen_reader)
                    f |= NF_HIDDEN;
                hidden = hidden || facts.hidden;
            }
            break;
        case 'r':
            if (strcmp(name, "role") == 0 && strcmp(v, "heading") == 0)
                f |= NF_ROLE_HEADING | NF_HAS_HEADING;
            else if (strcmp(name, "role") == 0 && strcmp(v, "tabpanel") == 0)
                tab_panel = true;
            else if (strcmp(name, "role") == 0 && strcmp(v, "dialog") == 0)
                f |= NF_FIXED;
            else if (strcmp(name, "role") == 0 && strcmp(v, "tooltip") == 0)
                hidden = true;   /* shown only on hover (heuristics.c) */
            else if (strcmp(name, "rel") == 0 && strstr(v, "author"))
                f |= NF_HAS_DATE;
            break;
        case 's':
            if (strcmp(name, "style") == 0) {
                hidden = hidden || style_hides(v);
                f |= style_fixed(v) ? NF_FIXED : 0;
            }
            break;
        case 't':
            if (strcmp(name, "tabindex") == 0)
                tabindex = v;
            break;
        case 'i':
            if (strcmp(name, "itemprop") == 0 && strstr(v, "articleBody")) {
                f |= NF_HAS_BODY;
            } else if (strcmp(name, "itemprop") == 0) {
                microdata = true;
            } else if (strcmp(name, "id") == 0) {
                id_value = v;
                streamed = heur_is_streamed_segment_id(v);
                /* hashed only when a set may hold it (most ids are
                 * asked of neither) */
                bool note = tag == GUMBO_TAG_LI && e->link_targets.count;
                uint64_t h = note || e->disclosed.count ? hashset_hash(v, strlen(v)) : 0;
                if (note && hashset_has(&e->link_targets, h))
                    f |= NF_NOTE | NF_HAS_NOTES;
                if (e->disclosed.count && hashset_has(&e->disclosed, h)) {
                    tab_panel = true;
                    f |= NF_DISCLOSED;
                }
            }
            break;
        default:
            break;
        }
    }
    /* Readability keeps Wikimedia's aria-hidden fallback images. The
     * page's <main> is hidden from assistive technology only while a modal
     * (a consent dialog) is open over it, as the inert background of the
     * dialog pattern: it stays the page's content. */
    if (aria_hidden && !fallback_image && tag != GUMBO_TAG_MAIN &&
        !heur_aria_hidden_is_shown(&e->dom, id, tabindex))
        hidden = true;
    /* A closed tab or accordion panel is hidden only until a click (hidden
     * by the page, docs/architecture.md): its text is the page's. */
    if (hidden && !tab_panel)
        f |= NF_HIDDEN | (streamed ? NF_STREAMED : 0);
    if (controls && expands)
        f |= NF_DISCLOSER;   /* settled in engine_prepare: only in a heading */
    /* A link to a member's profile that microdata marks (the poster's name
     * as itemprop=name or url of the post's author) signs the post as
     * rel=author does: older boards sign their posts so and no other way. */
    if (microdata && href && heur_is_profile_link(href))
        f |= NF_HAS_DATE;
    *sig_bits = signature_patterns(e, id, found, id_value);
    return f;
}

/* Flags carried by the tag itself. */
static uint32_t tag_flags(const rm_engine *e, int32_t i)
{
    const rm_node *n = &e->dom.nodes[i];
    char name[64];
    switch (n->tag) {
    case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: return NF_IN_CODE | NF_HAS_CODE;
    case GUMBO_TAG_TABLE:
        return is_data_table(e, i) ? NF_IN_TABLE | NF_DATA_TABLE | NF_HAS_DATA : NF_IN_TABLE;
    case GUMBO_TAG_FIGURE: return NF_IN_FIGURE;
    case GUMBO_TAG_H1: return NF_HAS_H1 | NF_IN_HEADING;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return NF_HAS_HEADING | NF_IN_HEADING;
    case GUMBO_TAG_ARTICLE: return NF_IN_ARTICLE;
    case GUMBO_TAG_TIME: return NF_HAS_DATE;
    case GUMBO_TAG_TEXTAREA: return NF_NEVER | NF_HAS_TEXTAREA;
    case GUMBO_TAG_NOSCRIPT: return NF_NEVER | NF_IN_NOSCRIPT;
    case GUMBO_TAG_UNKNOWN:
        /* Gumbo 0.10 predates <dialog>: modal boxes. */
        return strcmp(dom_tag_name(&e->dom, i, name), "dialog") == 0 ? NF_NEVER : 0;
    default:
        if (heur_is_never_content(n->tag) || dom_namespace(&e->dom, i) == GUMBO_NAMESPACE_SVG)
            return NF_NEVER;
        return 0;
    }
}

/* The flags of element i's tag and attributes; notes the patterns of its
 * signature in the index (rm_node.names) on the way. */
static uint32_t own_flags(rm_engine *e, int32_t i)
{
    rm_node *n = &e->dom.nodes[i];
    if (n->type != RM_NODE_ELEMENT)
        return 0;
    unsigned sig_bits = 0;
    uint32_t f = tag_flags(e, i) | attribute_flags(e, i, &sig_bits);
    n->names = (uint8_t)sig_bits;
    if (n->has_attrs & DOM_ATTR_BIT("id"))
        f |= NF_IN_ID_BOX;
    return f;
}

/* WAI-ARIA's accordion puts the button that opens a panel inside a
 * heading: its label is the heading of the section the panel holds (an
 * FAQ's question), text rather than a control. Any other disclosure
 * button ("Menu", "Show filters") stays a control. */
static void settle_discloser(rm_engine *e, int32_t i)
{
    if (!(e->flags[i] & NF_DISCLOSER))
        return;
    if (e->flags[i] & NF_IN_HEADING)
        e->flags[i] &= ~NF_NEVER;
    else
        e->flags[i] &= ~NF_DISCLOSER;
}

/* An FAQ whose script opens its answers without WAI-ARIA's attributes:
 * a hidden block (display:none, visibility:hidden, the hidden attribute)
 * right after its visible question, a short text ending in a question
 * mark. The answer is closed, not absent, like a panel that aria-controls
 * names; the question is the section's heading. Landing and service pages
 * hide their FAQ's answers so, and readers expect them in the text. */
#define QUESTION_MAX_CHARS 200

static bool is_question(const rm_engine *e, int32_t id)
{
    int32_t end = engine_end(e, id);
    uint32_t chars = 0;
    int32_t last = RM_NONE;
    for (int32_t i = id; i < end; i++) {
        if (e->flags[i] & (NF_HIDDEN | NF_NEVER)) {
            i += (int32_t)e->dom.nodes[i].size - 1;
            continue;
        }
        if (e->dom.nodes[i].type == RM_NODE_TEXT && e->tchars[i] > 0) {
            chars += e->tchars[i];
            last = i;
        }
    }
    if (last == RM_NONE || chars > QUESTION_MAX_CHARS)
        return false;
    const char *text = dom_text(&e->dom, last);
    size_t len = strlen(text);
    while (len > 0 && strchr(" \t\n\r", text[len - 1]))
        len--;
    /* "?", the full-width "？" (EF BC 9F) and the Arabic "؟" (D8 9F) */
    return (len >= 1 && text[len - 1] == '?') ||
           (len >= 3 && memcmp(text + len - 3, "\xEF\xBC\x9F", 3) == 0) ||
           (len >= 2 && memcmp(text + len - 2, "\xD8\x9F", 2) == 0);
}

/* The element sibling right before `id` (which has a parent), or RM_NONE. */
static int32_t previous_element(const rm_engine *e, int32_t id)
{
    int32_t before = RM_NONE;
    for (int32_t c = e->dom.nodes[e->dom.nodes[id].parent].first_child; c != id && c != RM_NONE;
         c = e->dom.nodes[c].next_sibling)
        if (e->dom.nodes[c].type == RM_NODE_ELEMENT)
            before = c;
    return before;
}

static bool open_unmarked_answer(rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    if (!(e->flags[id] & NF_HIDDEN) || n->parent == RM_NONE || (e->flags[id] & NF_NEVER))
        return false;
    int32_t before = previous_element(e, id);
    if (before == RM_NONE || (e->flags[before] & (NF_HIDDEN | NF_NEVER)) || !is_question(e, before))
        return false;
    e->flags[id] = (e->flags[id] & ~(uint32_t)NF_HIDDEN) | NF_DISCLOSED;
    return true;
}

static const char CLASS_SEPARATORS[] = " \t\n\r\f";

/* Whether class list `list` holds the name name[0, n). */
static bool lists_class_name(const char *list, const char *name, size_t n)
{
    for (const char *q = list + strspn(list, CLASS_SEPARATORS); *q; q += strspn(q, CLASS_SEPARATORS)) {
        size_t m = strcspn(q, CLASS_SEPARATORS);
        if (m == n && memcmp(name, q, n) == 0)
            return true;
        q += m;
    }
    return false;
}

/* Whether class lists a and b hold a name in common. */
static bool shares_class_name(const char *a, const char *b)
{
    for (const char *p = a + strspn(a, CLASS_SEPARATORS); *p; p += strspn(p, CLASS_SEPARATORS)) {
        size_t n = strcspn(p, CLASS_SEPARATORS);
        if (lists_class_name(b, p, n))
            return true;
        p += n;
    }
    return false;
}

/* The boxes a tab panel is built of: an inline element hidden beside its
 * like is a state of a line, not a panel. */
static bool is_panel_tag(GumboTag tag)
{
    return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE ||
           tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
}

/* A tab set without a tab kit's class names: its panels are sibling
 * boxes of one tag that share a class name, exactly one of them shown and
 * the others hidden (display:none, the hidden attribute) until their tab
 * is clicked. An index page shows one category of its items so and hides
 * the rest; the hidden panels are closed, not absent, as a tab-pane is.
 * Where several alike siblings show (the rows of a page builder, some
 * hidden as unused), the hidden ones are no tabs and stay hidden; so does
 * a copy hidden from assistive technology (a carousel's clone,
 * aria-hidden): only a style or the hidden attribute closes a panel. A
 * box of a few nodes (a sale price, a line of copy for narrow screens) is
 * a state of one line, not a panel of items: a panel holds some dozens of
 * nodes. A tab set has a handful of panels: a parent of more children is
 * a list, and its hidden items are not asked about. */
#define SIBLING_PANEL_MIN_NODES 40
#define TAB_SET_MAX_CHILDREN 16

static bool closed_by_attribute(const rm_engine *e, int32_t id)
{
    const char *style = dom_attr(&e->dom, id, "style");
    return (style && style_hides(style)) || dom_attr(&e->dom, id, "hidden");
}

static bool is_sibling_panel(const rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    if (!(e->flags[id] & NF_HIDDEN) || (e->flags[id] & NF_NEVER) || n->parent == RM_NONE ||
        (e->flags[n->parent] & NF_HIDDEN) || !is_panel_tag((GumboTag)n->tag) ||
        n->size < SIBLING_PANEL_MIN_NODES || !closed_by_attribute(e, id))
        return false;
    const char *cls = dom_attr(&e->dom, id, "class");
    if (!cls || !*cls)
        return false;
    unsigned children = 0, shown = 0;
    for (int32_t c = e->dom.nodes[n->parent].first_child; c != RM_NONE; c = e->dom.nodes[c].next_sibling) {
        if (e->dom.nodes[c].type != RM_NODE_ELEMENT)
            continue;
        if (++children > TAB_SET_MAX_CHILDREN)
            return false;
        if (c == id || e->dom.nodes[c].tag != n->tag || closed_by_attribute(e, c))
            continue;
        const char *other = dom_attr(&e->dom, c, "class");
        shown += other && shares_class_name(other, cls);
    }
    return shown == 1;
}

static bool open_sibling_panel(rm_engine *e, int32_t id)
{
    if (!is_sibling_panel(e, id))
        return false;
    e->flags[id] = (e->flags[id] & ~(uint32_t)NF_HIDDEN) | NF_DISCLOSED;
    return true;
}

/* Whether every name of class list `a`, less the names that hide a box
 * ("hidden", "d-none"), is in `b`, and `a` holds such a name when `hiding`. */
static bool names_within(const char *a, const char *b, bool hiding)
{
    bool hides = false;
    for (const char *p = a + strspn(a, CLASS_SEPARATORS); *p; p += strspn(p, CLASS_SEPARATORS)) {
        size_t n = strcspn(p, CLASS_SEPARATORS);
        bool found = lists_class_name(b, p, n);
        if (!found && !(heur_class_name_facts(p, n, memchr(p, ':', n) != NULL) & HEUR_CLASS_HIDING))
            return false;
        hides = hides || !found;
        p += n;
    }
    return hides || !hiding;
}

/* A list cut short for the eye: items of one kind (a product's colour
 * swatches, a long list of options) shown up to some count, the rest
 * hidden by a utility class ("hidden") that is their only difference
 * from the shown ones, behind a "+11" or "Show more". They are items of
 * the list, closed, not absent: each hidden item right after a shown one
 * of its tag whose class list (not empty) is its own less the hiding
 * name, or after another such item, is read. */
static bool open_list_overflow(rm_engine *e, int32_t id)
{
    const rm_node *n = &e->dom.nodes[id];
    if (!(e->flags[id] & NF_HIDDEN) || (e->flags[id] & NF_NEVER) || n->parent == RM_NONE ||
        (e->flags[n->parent] & NF_HIDDEN) || closed_by_attribute(e, id))
        return false;
    const char *aria = dom_attr(&e->dom, id, "aria-hidden");
    const char *cls = dom_attr(&e->dom, id, "class");
    if ((aria && strcmp(aria, "true") == 0) || !cls)
        return false;
    int32_t before = previous_element(e, id);
    if (before == RM_NONE || e->dom.nodes[before].tag != n->tag || (e->flags[before] & NF_HIDDEN))
        return false;
    const char *before_cls = dom_attr(&e->dom, before, "class");
    if (!before_cls || before_cls[strspn(before_cls, " \t\n\r\f")] == '\0')
        return false;   /* a kind of item is named by a class */
    bool opened = (e->flags[before] & NF_DISCLOSED) && strcmp(before_cls, cls) == 0;
    if (!opened && !(names_within(cls, before_cls, true) && names_within(before_cls, cls, false)))
        return false;
    e->flags[id] = (e->flags[id] & ~(uint32_t)NF_HIDDEN) | NF_DISCLOSED;
    return true;
}

/* Accordion kits (Chakra, MUI, Headless UI) hide the panel that a button
 * opens inside a collapsing wrapper of their own (a div with
 * display:none or height 0): the wrapper, holding that panel and nothing
 * else to read, is the panel's and opens with it. */
static bool only_child_panel(const rm_engine *e, int32_t wrapper, int32_t panel)
{
    for (int32_t c = e->dom.nodes[wrapper].first_child; c != RM_NONE; c = e->dom.nodes[c].next_sibling) {
        if (c == panel || (e->flags[c] & NF_NEVER))
            continue;
        if (e->dom.nodes[c].type == RM_NODE_ELEMENT || e->tchars[c] > 0)
            return false;
    }
    return true;
}

static void open_panel_wrappers(rm_engine *e)
{
    if (e->disclosed.count == 0)
        return;
    for (int32_t i = 0; i < e->dom.count; i++) {
        int32_t p = e->dom.nodes[i].parent;
        if (!(e->flags[i] & NF_DISCLOSED) || p == RM_NONE || !(e->flags[p] & NF_HIDDEN) ||
            !only_child_panel(e, p, i))
            continue;
        e->flags[p] &= ~(uint32_t)NF_HIDDEN;
        e->flags[p] |= NF_DISCLOSED;
    }
}

static void drop_static(rm_engine *e)
{
    for (int32_t i = 0; i < e->dom.count; i++)
        if (e->flags[i] & (NF_NEVER | NF_HIDDEN))
            engine_drop_subtree(e, i, DROP_STATIC);
}

/* A <noscript> block that only asks to turn scripts on ("You need to
 * enable JavaScript to run this app") is no copy of the page: on the shell
 * of a single-page app it is all the served HTML says, and reading it as
 * the page's text would report the notice as the article. Such a block
 * stays out of the page; with nothing else there, there is no article. */
static bool is_script_notice(const rm_engine *e, int32_t noscript)
{
    char buf[HEUR_SCRIPT_NOTICE_BYTES + 2];
    size_t len;
    char *text = engine_fold_into(e, noscript, NULL, HEUR_SCRIPT_NOTICE_BYTES + 1, buf, &len);
    bool notice = text && len > 0 && heur_is_script_notice(text, len);
    if (text != buf)
        free(text);
    return notice;
}

/* A page its scripts render (forum software, single-page apps) ships its
 * content for script-less readers and crawlers in <noscript>: when the
 * visible page holds less text than its <noscript> blocks, those blocks
 * are the page, as a browser without scripts shows it. */
static bool is_noscript_shell(const rm_engine *e)
{
    if (e->dom.body == RM_NONE)
        return false;
    uint64_t hidden = 0;
    for (int32_t i = 0; i < e->dom.count; i++) {
        if (e->dom.nodes[i].tag == GUMBO_TAG_NOSCRIPT && is_script_notice(e, i))
            i = engine_end(e, i) - 1;
        else if (e->dom.nodes[i].type == RM_NODE_TEXT && (e->flags[i] & NF_IN_NOSCRIPT))
            hidden += e->tchars[i];
    }
    return hidden > e->raw[e->dom.body].chars;
}

/* React's streaming server renderer sends each suspended part of the page
 * as <div hidden id="S:n"> after the rest, and a script moves it into its
 * place and shows it at once: hidden only until the page's first script
 * runs. When such segments (NF_STREAMED) hold more unlinked text than the
 * visible page, that page is the shell of one whose article is streamed
 * (Next.js) and the segments are its content; segments that are mostly
 * links are shelves of teasers streamed under a page that is there. */
#define STREAMED_MAX_LINK_DENSITY 0.5

static bool is_streamed_shell(const rm_engine *e)
{
    if (e->dom.body == RM_NONE)
        return false;
    uint64_t streamed = 0, streamed_links = 0, shown = 0, shown_links = 0;
    int32_t segment_end = -1;
    for (int32_t i = 0; i < e->dom.count; i++) {
        if ((e->flags[i] & NF_STREAMED) && i >= segment_end)
            segment_end = engine_end(e, i);
        if (e->dom.nodes[i].type != RM_NODE_TEXT)
            continue;
        bool linked = (e->flags[i] & NF_IN_LINK) != 0;
        if (i < segment_end) {
            streamed += e->tchars[i];
            streamed_links += linked ? e->tchars[i] : 0;
        } else if (e->drop[i] == DROP_KEEP) {
            shown += e->tchars[i];
            shown_links += linked ? e->tchars[i] : 0;
        }
    }
    return streamed - streamed_links > shown - shown_links &&
           (double)streamed_links < STREAMED_MAX_LINK_DENSITY * (double)streamed;
}

/* Age gates, password "lockdown" apps and anti-flicker snippets hide the
 * page's main region (display:none) until their script has decided, and
 * then show it whole: the page's <main> (or role=main, when unique) that
 * shows hardly any text while one hidden box in it holds more text than
 * the rest of the page shows is such a veil, and that box is the page's
 * content. Only that box opens; what it hides inside stays hidden. */
#define VEILED_MAIN_SHOWN_CHARS 25   /* as the never-empty fallback's floor */

/* <main> or role=main, when it is unique (the others nest in it);
 * RM_NONE otherwise. */
static int32_t find_main_region(const rm_engine *e)
{
    int32_t found = RM_NONE;
    for (int32_t i = 0; i < e->dom.count; i++) {
        const char *role = e->dom.nodes[i].type == RM_NODE_ELEMENT ? dom_attr(&e->dom, i, "role") : NULL;
        if (e->dom.nodes[i].tag != GUMBO_TAG_MAIN && !(role && strcmp(role, "main") == 0))
            continue;
        if (found != RM_NONE && !engine_contains(e, found, i))
            return RM_NONE;
        if (found == RM_NONE)
            found = i;
    }
    return found;
}

/* The text of the subtree `id`, hidden or not, less what is never content. */
static uint64_t text_under(const rm_engine *e, int32_t id)
{
    uint64_t chars = 0;
    int32_t end = engine_end(e, id);
    for (int32_t i = id; i < end; i++) {
        if (e->flags[i] & NF_NEVER) {
            i += (int32_t)e->dom.nodes[i].size - 1;
            continue;
        }
        chars += e->dom.nodes[i].type == RM_NODE_TEXT ? e->tchars[i] : 0;
    }
    return chars;
}

static bool unveil_main(rm_engine *e)
{
    int32_t main = e->main_region;
    if (main == RM_NONE || e->drop[main] != DROP_KEEP ||
        e->raw[main].chars >= VEILED_MAIN_SHOWN_CHARS)
        return false;
    int32_t end = engine_end(e, main);
    for (int32_t i = main + 1; i < end; i++) {
        if (!(e->flags[i] & NF_HIDDEN) || (e->flags[i] & NF_NEVER))
            continue;
        if (text_under(e, i) > e->raw[e->dom.body].chars) {
            e->flags[i] = (e->flags[i] & ~(uint32_t)NF_HIDDEN) | NF_DISCLOSED;
            return true;
        }
        i += (int32_t)e->dom.nodes[i].size - 1;   /* the outermost hidden box only */
    }
    return false;
}

static uint8_t own_of(const rm_engine *e, int32_t i, const char *href);

int engine_prepare(rm_engine *e)
{
    size_t n = (size_t)e->dom.count;
    e->sig_off = arena_cache_calloc(e->memory, n, sizeof *e->sig_off);
    e->flags = arena_cache_calloc(e->memory, n, sizeof *e->flags);
    e->tchars = arena_cache_calloc(e->memory, n, sizeof *e->tchars);
    e->tcommas = arena_cache_calloc(e->memory, n, sizeof *e->tcommas);
    e->tsentences = arena_cache_calloc(e->memory, n, sizeof *e->tsentences);
    e->own = arena_cache_calloc(e->memory, n, sizeof *e->own);
    /* the two statistics arrays, most of these bytes, are not zeroed:
     * engine_stats writes every entry before any is read (raw below,
     * st at the first engine_restat) */
    e->raw = arena_cache_malloc(e->memory, n, sizeof *e->raw);
    e->kind = arena_cache_calloc(e->memory, n, 1);
    e->drop = arena_cache_calloc(e->memory, n, 1);
    e->has_block = arena_cache_calloc(e->memory, n, 1);
    e->st = arena_cache_malloc(e->memory, n, sizeof *e->st);
    /* nor are the scores: score.c reads one only where scored[] says it
     * was written */
    e->score = arena_cache_malloc(e->memory, n, sizeof *e->score);
    e->scored = arena_cache_calloc(e->memory, n, 1);
    if (!e->sig_off || !e->flags || !e->tchars || !e->tcommas || !e->tsentences || !e->own ||
        !e->raw || !e->kind || !e->drop || !e->has_block || !e->st || !e->score ||
        !e->scored || collect_attribute_facts(e))
        return -1;
    memset(e->kind, RM_KIND_NONE, n);

    bool opened_answers = false;
    /* What any node of the page has: the walks that look for a noscript
     * shell, a streamed shell or the main region find nothing on a page
     * without what they look for, and most pages are such pages. */
    uint32_t page_flags = 0;
    bool may_have_main = false;
    for (int32_t i = 0; i < e->dom.count; i++) {
        const rm_node *node = &e->dom.nodes[i];
        uint32_t inherited = node->parent == RM_NONE ? 0 : (e->flags[node->parent] & INHERITED);
        e->flags[i] = (e->flags[i] & NF_SLUG_ID) | own_flags(e, i) | inherited;
        may_have_main |= node->tag == GUMBO_TAG_MAIN || (node->has_attrs & DOM_ATTR_BIT("role"));
        settle_discloser(e, i);
        opened_answers |= open_unmarked_answer(e, i);
        opened_answers |= open_sibling_panel(e, i);
        opened_answers |= open_list_overflow(e, i);
        /* A permalink is a link to a place on its own page, weighed as
         * Readability weighs "#..." links (its text inherits the flag); a
         * heading linked to such a place ("#p123", a forum post's anchor)
         * leads no teaser to another page. */
        /* a link's href, read once for the tests below and own_of */
        const char *href = node->tag == GUMBO_TAG_A ? dom_attr(&e->dom, i, "href") : NULL;
        /* a permalink's post is a box with an id around it: a link in
         * none (all links of many pages) is none, and its href is not read
         * for one */
        bool in_id_box = (e->flags[i] & NF_IN_ID_BOX) != 0;
        if (node->tag == GUMBO_TAG_A && in_id_box && is_self_permalink(e, i, href))
            e->flags[i] |= NF_PERMALINK | NF_HASH_LINK;
        else if (node->tag == GUMBO_TAG_A && in_id_box && is_numbered_permalink(e, i, href))
            e->flags[i] |= NF_PERMALINK;
        else if (node->tag == GUMBO_TAG_A &&
                 (e->flags[i] & (NF_IN_LINK | NF_IN_HEADING | NF_HASH_LINK)) == (NF_IN_LINK | NF_IN_HEADING) &&
                 !heur_is_profile_link(href))
            e->flags[i] |= NF_HEADLINE;
        if (node->type == RM_NODE_TEXT) {
            bool sign = measure_text(dom_text(&e->dom, i), &e->tchars[i], &e->tcommas[i], &e->tsentences[i]);
            if (sign && (heur_is_price_tag(dom_text(&e->dom, i), e->tchars[i]) || engine_split_price(e, i)))
                e->flags[i] |= NF_PRICE_TAG;
        }
        e->own[i] = own_of(e, i, href);
        page_flags |= e->flags[i];
    }
    open_panel_wrappers(e);
    drop_static(e);
    engine_stats(e, e->drop, e->raw);
    /* a heading's disclosure button keeps its own NF_NEVER cleared, and
     * may (however oddly) be a <noscript> */
    e->noscript_kept = page_flags & NF_DISCLOSER;
    if ((page_flags & NF_IN_NOSCRIPT) && is_noscript_shell(e)) {
        e->noscript_kept = true;
        for (int32_t i = 0; i < e->dom.count; i++)
            if (e->dom.nodes[i].tag == GUMBO_TAG_NOSCRIPT && !is_script_notice(e, i))
                e->flags[i] &= ~NF_NEVER;
        memset(e->drop, DROP_KEEP, n);
        drop_static(e);
        engine_stats(e, e->drop, e->raw);
    }
    e->main_region = may_have_main ? find_main_region(e) : RM_NONE;
    bool unveiled = unveil_main(e);
    if (unveiled) {
        memset(e->drop, DROP_KEEP, n);
        drop_static(e);
        engine_stats(e, e->drop, e->raw);
    }
    if ((page_flags & NF_STREAMED) && is_streamed_shell(e)) {
        for (int32_t i = 0; i < e->dom.count; i++)
            if (e->flags[i] & NF_STREAMED)
                e->flags[i] &= ~(uint32_t)NF_HIDDEN;
        memset(e->drop, DROP_KEEP, n);
        drop_static(e);
        engine_stats(e, e->drop, e->raw);
    }
    /* "Contains" flags flow upwards. Reply controls are short, so only
     * short links and buttons have their text read. */
    const byte_set initials = reply_initials();
    for (int32_t i = e->dom.count - 1; i > 0; i--) {
        GumboTag t = e->dom.nodes[i].tag;
        if ((t == GUMBO_TAG_A || t == GUMBO_TAG_BUTTON) && e->raw[i].chars <= 16 &&
            is_reply_control(e, i, &initials))
            e->flags[i] |= NF_REPLY;
        int32_t p = e->dom.nodes[i].parent;
        if (p != RM_NONE)
            e->flags[p] |= e->flags[i] & CONTAINED;
    }
    return disclosed_mask(e, opened_answers || unveiled);
}

size_t engine_array_bytes(const rm_engine *e)
{
    const size_t item_sizes[] = {
        sizeof *e->sig_off, sizeof *e->flags, sizeof *e->tchars,    sizeof *e->tcommas,
        sizeof *e->tsentences, sizeof *e->own, sizeof *e->raw,     sizeof *e->kind,
        sizeof *e->drop,       sizeof *e->has_block, sizeof *e->st, sizeof *e->score,
        sizeof *e->scored,
    };
    size_t total = 0;
    for (size_t k = 0; k < sizeof item_sizes / sizeof item_sizes[0]; k++)
        total += arena_cache_bytes((size_t)e->dom.count, item_sizes[k]);
    return total;
}

/* Frees a pointer and forgets it, so that engine_free may follow. */
#define RELEASE(p) (free(p), (p) = NULL)
/* The same for a per-node array of engine_prepare's. */
#define RELEASE_ARRAY(e, p) \
    (arena_cache_free((e)->memory, (p), (size_t)(e)->dom.count, sizeof *(p)), (p) = NULL)

void engine_release_passes(rm_engine *e)
{
    hashset_free(&e->fixed_classes);
    hashset_free(&e->link_targets);
    hashset_free(&e->disclosed);
    RELEASE(e->id_nodes);
    e->id_count = 0;
    RELEASE(e->sig_buf);
    RELEASE_ARRAY(e, e->sig_off);
    RELEASE_ARRAY(e, e->flags);
    RELEASE_ARRAY(e, e->tchars);
    RELEASE_ARRAY(e, e->tcommas);
    RELEASE_ARRAY(e, e->tsentences);
    RELEASE_ARRAY(e, e->own);
    RELEASE_ARRAY(e, e->raw);
    RELEASE_ARRAY(e, e->kind);
    RELEASE_ARRAY(e, e->has_block);
    RELEASE_ARRAY(e, e->st);
    RELEASE(e->st_mask);
    RELEASE_ARRAY(e, e->score);
    RELEASE_ARRAY(e, e->scored);
}

void engine_free(rm_engine *e)
{
    engine_release_passes(e);
    free(e->disclosed_mask);
    RELEASE_ARRAY(e, e->drop);
    dom_free(&e->dom);
}

void engine_drop_subtree(rm_engine *e, int32_t id, uint8_t v)
{
    e->drop_calls++;
    uint32_t end = (uint32_t)id + e->dom.nodes[id].size;
    for (uint32_t i = (uint32_t)id; i < end; i++)
        if (e->drop[i] == DROP_KEEP)
            e->drop[i] = v;
}

/* Readability measures link text trimmed; the collapsed count of a text
 * node includes one space for each white-space edge. */
static bool is_edge_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static uint32_t link_text_chars(const char *text, uint32_t chars)
{
    if (chars == 0 || !text[0])
        return chars;
    chars -= is_edge_space(text[0]);
    if (chars > 0 && text[1] && is_edge_space(text[strlen(text) - 1]))
        chars--;
    return chars;
}

static bool is_entry_field(const char *type)
{
    return !type || (strcasecmp(type, "checkbox") != 0 && strcasecmp(type, "radio") != 0);
}

/* What an element itself counts for in rm_stats (e->own). */
enum {
    OWN_NONE,
    OWN_PARAGRAPH,
    OWN_LIST_ITEM,
    OWN_IMAGE,
    OWN_INPUT,      /* an <input> for data entry */
    OWN_EMBED,
    OWN_HEADING,
    OWN_ROLE_BOX,   /* a div or span: a heading when role="heading" */
    OWN_LINK,       /* <a href> */
};

/* e->own of node i: for an element what it counts for, for a text node
 * how many characters link text loses to trimming (`href`: a link's, or NULL). */
static uint8_t own_of(const rm_engine *e, int32_t i, const char *href)
{
    const rm_node *n = &e->dom.nodes[i];
    if (n->type == RM_NODE_TEXT)   /* NF_IN_LINK is final once the node is prepared */
        return (e->flags[i] & NF_IN_LINK)
                   ? (uint8_t)(e->tchars[i] - link_text_chars(dom_text(&e->dom, i), e->tchars[i]))
                   : 0;
    if (n->type != RM_NODE_ELEMENT)
        return OWN_NONE;
    switch (n->tag) {
    case GUMBO_TAG_P: return OWN_PARAGRAPH;
    case GUMBO_TAG_LI: return OWN_LIST_ITEM;
    case GUMBO_TAG_IMG: return OWN_IMAGE;
    /* Readability counts <input>s only: a "Copy" button beside a code
     * block does not make it a form. Checkboxes and radio buttons are not
     * data entry either: they tick off recipe ingredients and task lists. */
    case GUMBO_TAG_INPUT: return is_entry_field(dom_attr(&e->dom, i, "type")) ? OWN_INPUT : OWN_NONE;
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO: return OWN_EMBED;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: return OWN_HEADING;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN: return OWN_ROLE_BOX;
    case GUMBO_TAG_A: return href ? OWN_LINK : OWN_NONE;
    default: return OWN_NONE;
    }
}

/* The statistics of text node i: its characters, commas and sentence
 * ends, and its characters again as link text inside a link. */
static rm_stats text_stats(const rm_engine *e, int32_t i)
{
    float link_chars = (e->flags[i] & NF_IN_LINK) ? (float)(e->tchars[i] - e->own[i]) *
                                                        ((e->flags[i] & NF_HASH_LINK) ? 0.3f : 1.0f)
                                                  : 0.0f;
    return (rm_stats){.chars = e->tchars[i], .link_chars = link_chars, .commas = e->tcommas[i],
                      .sentences = e->tsentences[i]};
}

/* add_stats from a text node: the other counts are zero. */
static void add_text_stats(rm_stats *to, const rm_stats *from)
{
    to->chars += from->chars;
    to->link_chars += from->link_chars;
    to->commas += from->commas;
    to->sentences += from->sentences;
}

/* Add an element's own counts to *s; returns its own <input> count, which
 * a dropped form control still hands its parent. */
static uint32_t add_own_stats(const rm_engine *e, int32_t i, rm_stats *s)
{
    switch (e->own[i]) {
    case OWN_PARAGRAPH: s->paragraphs++; break;
    case OWN_LIST_ITEM: s->list_items++; break;
    case OWN_IMAGE: s->images++; break;
    case OWN_INPUT: s->inputs++; return 1;
    case OWN_EMBED: s->embeds++; break;
    case OWN_HEADING: s->headings++; break;
    case OWN_ROLE_BOX: s->headings += (e->flags[i] & NF_ROLE_HEADING) != 0; break;
    case OWN_LINK: s->links++; break;
    default: break;
    }
    return 0;
}

static void add_stats(rm_stats *to, const rm_stats *from)
{
    to->chars += from->chars;
    to->link_chars += from->link_chars;
    to->commas += from->commas;
    to->sentences += from->sentences;
    to->paragraphs += from->paragraphs;
    to->list_items += from->list_items;
    to->images += from->images;
    to->inputs += from->inputs;
    to->embeds += from->embeds;
    to->headings += from->headings;
    to->links += from->links;
}

void engine_stats(const rm_engine *e, const uint8_t *drop, rm_stats *out)
{
    if (!drop)
        drop = e->drop;
    /* Children have larger ids than their parents, so one backward sweep
     * completes every child before its parent. Each node's sums start at
     * zero where the first addition to them comes: a leaf at itself, a
     * parent at its last child (the first of its children the sweep
     * completes), so the array needs no clearing first. */
    for (int32_t i = e->dom.count - 1; i >= 0; i--) {
        const rm_node *n = &e->dom.nodes[i];
        int32_t parent = n->parent;
        if (n->type == RM_NODE_TEXT) {
            /* a third of a page's nodes or more: its four counts written
             * at once, and only they handed to the parent */
            out[i] = text_stats(e, i);
            if (parent == RM_NONE)
                continue;
            if (n->next_sibling == RM_NONE)
                memset(&out[parent], 0, sizeof out[parent]);
            if (drop[i] == DROP_KEEP)
                add_text_stats(&out[parent], &out[i]);
            continue;
        }
        bool leaf = n->first_child == RM_NONE;
        if (leaf)
            memset(&out[i], 0, sizeof out[i]);
        uint32_t own_inputs = add_own_stats(e, i, &out[i]);
        if (parent == RM_NONE)
            continue;
        if (n->next_sibling == RM_NONE)
            memset(&out[parent], 0, sizeof out[parent]);
        /* an empty leaf that counts for nothing adds nothing (on a page of
         * empty formatting elements, most of them) */
        bool counts = !leaf || (e->own[i] != OWN_NONE &&
                                (e->own[i] != OWN_ROLE_BOX || (e->flags[i] & NF_ROLE_HEADING)));
        if (drop[i] == DROP_KEEP && counts)
            add_stats(&out[parent], &out[i]);
        else if (drop[i] == DROP_STATIC)
            out[parent].inputs += own_inputs;   /* form controls still count
                                                   for the input-ratio rule */
    }
}

void engine_restat(rm_engine *e)
{
    size_t n = (size_t)e->dom.count;
    /* Only engine_stats writes e->st whole, and only clean.c's removals
     * change it after, each through engine_drop_subtree: the same mask
     * and no drop since mean the same statistics. */
    if (e->st_mask && e->st_drop_calls == e->drop_calls && memcmp(e->st_mask, e->drop, n) == 0)
        return;
    engine_stats(e, e->drop, e->st);
    if (!e->st_mask && !(e->st_mask = malloc(n)))
        return;   /* no memory to remember it: every call sweeps */
    memcpy(e->st_mask, e->drop, n);
    e->st_drop_calls = e->drop_calls;
}

double engine_link_density(const rm_stats *s)
{
    return s->chars ? (double)s->link_chars / (double)s->chars : 0.0;
}

bool engine_is_post_form(const rm_engine *e, int32_t id)
{
    if (!e->thread || e->posts == RM_NONE || id == e->posts || !engine_contains(e, e->posts, id))
        return false;
    int32_t end = engine_end(e, id);
    for (int32_t i = id + 1; i < end; i++) {
        GumboTag t = e->dom.nodes[i].tag;
        const char *type = t == GUMBO_TAG_INPUT ? dom_attr(&e->dom, i, "type") : NULL;
        if ((t == GUMBO_TAG_INPUT && (!type || strcasecmp(type, "hidden") != 0)) ||
            t == GUMBO_TAG_SELECT || t == GUMBO_TAG_BUTTON)
            return false;
    }
    return true;
}

bool engine_folds_shorter_than(const rm_engine *e, int32_t id, const uint8_t *drop, size_t min)
{
    size_t bytes = 0;
    int32_t end = engine_end(e, id);
    for (int32_t i = id; i < end; i++) {
        if (drop && drop[i] != DROP_KEEP) {
            i = engine_end(e, i) - 1;
            continue;
        }
        if (e->dom.nodes[i].type != RM_NODE_TEXT)
            continue;
        /* as long as the room left, then ASCII eight bytes at a time */
        const uint8_t *t = (const uint8_t *)e->dom.nodes[i].text;
        size_t n = strnlen((const char *)t, min - bytes);
        if ((bytes += n) >= min || ascii_prefix(t, n) < n)
            return false;
    }
    return true;
}

char *engine_folded_text(const rm_engine *e, int32_t id, const uint8_t *drop,
                         size_t max_bytes, size_t *len)
{
    char *buf = malloc(max_bytes + 1);
    if (!buf)
        return NULL;
    char *text = engine_fold_into(e, id, drop, max_bytes, buf, len);
    if (text != buf)
        free(buf);
    return text;
}

#define HTML_SPACE_BITS ((1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\f') | (1ull << '\r'))

/* The fold of plain prose eight bytes at a time: a word of printable
 * bytes whose spaces are single (and not after a space already written)
 * folds to itself with ASCII capitals lower-cased; bytes of UTF-8 pass as
 * they are (casefold_nfc folds them after), and *high gets their bit 7, so
 * that prose with accents, dashes or quotes every few bytes stays in
 * words. Copies such words of t[0..len) into buf from n on while they fit
 * under max_bytes, updates *space, sets *rest to the first byte not copied
 * and returns the new n; the byte loop of engine_fold_into takes the next
 * bytes from there. */
static size_t fold_plain_words(const unsigned char *t, size_t len, size_t max_bytes, char *buf,
                               size_t n, bool *space, unsigned char *high_seen,
                               const unsigned char **rest)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
    size_t i = 0;
    uint64_t highs = 0;
#ifdef __SSE2__
    /* sixteen bytes at a time first, on the same terms (SSE2: every
     * x86-64 has it) */
    for (; i + 16 <= len && n + 16 <= max_bytes; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
        if (_mm_movemask_epi8(v) | _mm_movemask_epi8(control))
            break;
        unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
        if ((spaces & (spaces << 1)) || (*space && (spaces & 1)))
            break;
        __m128i capital = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8('A')), v),
                                        _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('Z')), v));
        v = _mm_or_si128(v, _mm_and_si128(capital, _mm_set1_epi8(0x20)));
        _mm_storeu_si128((__m128i *)(void *)(buf + n), v);
        n += 16;
        *space = (spaces >> 15) != 0;
    }
#endif
    for (; i + 8 <= len && n + 8 <= max_bytes; i += 8) {
        uint64_t word;
        memcpy(&word, t + i, 8);
        /* a byte below ' ' (tabs, new lines, NUL): a borrow runs only from
         * such a byte, and a byte of 0x80 or more keeps its own bit 7 */
        if ((word - ones * 0x20) & ~word & high)
            break;
        uint64_t spaced = word ^ (ones * 0x20);   /* zero where a space is */
        uint64_t spaces = ~(((spaced & ~high) + ~high) | spaced) & high;
        /* bytes are in memory order from the low end: a space right after
         * a space, or a first space after one already written, is a run */
        if ((spaces & (spaces << 8)) || (*space && t[i] == ' '))
            break;
        uint64_t low7 = word & ~high;
        uint64_t capital = (low7 + ones * (0x80 - 'A')) & ~(low7 + ones * (0x7f - 'Z')) & ~word & high;
        highs |= word;
        word |= capital >> 2;
        memcpy(buf + n, &word, 8);
        n += 8;
        *space = t[i + 7] == ' ';
    }
    *high_seen |= (highs & high) ? 0x80 : 0;
    *rest = t + i;
    return n;
}

/* The length of buf[0..n) without a last character that runs past n
 * (its lead byte announces more bytes than are left). */
static size_t whole_characters(const char *buf, size_t n)
{
    size_t lead = n;
    while (lead > 0 && n - lead < 4 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return n;
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n - (lead - 1) < need ? lead - 1 : n;
}

char *engine_fold_into(const rm_engine *e, int32_t id, const uint8_t *drop, size_t max_bytes,
                       char *buf, size_t *len)
{
    size_t n = 0;
    bool space = true;   /* drop leading white space */
    unsigned char high = 0;   /* bit 7 set: some byte is not ASCII */
    uint32_t end = (uint32_t)id + e->dom.nodes[id].size;
    for (uint32_t i = (uint32_t)id; i < end && n < max_bytes; i++) {
        if (drop && drop[i] != DROP_KEEP) {
            i += e->dom.nodes[i].size - 1;
            continue;
        }
        if (e->dom.nodes[i].type != RM_NODE_TEXT)
            continue;
        const unsigned char *t = (const unsigned char *)e->dom.nodes[i].text;
        /* Most labels are shorter than a word of eight: no length taken,
         * byte by byte to their end. Longer texts alternate the word loop
         * with at most eight bytes at a time. */
        bool short_text = !(t[0] && t[1] && t[2] && t[3] && t[4] && t[5] && t[6] && t[7]);
        const unsigned char *text_end = short_text ? NULL : t + strlen((const char *)t);
        while (n < max_bytes && *t) {
            const unsigned char *slow_end = NULL;
            if (!short_text) {
                n = fold_plain_words(t, (size_t)(text_end - t), max_bytes, buf, n, &space, &high, &t);
                slow_end = text_end - t > 8 ? t + 8 : text_end;
            }
            for (unsigned char c; n < max_bytes && (c = *t) != '\0' && t != slow_end; t++) {
                /* HTML's white space: ' ', \t, \n, \f, \r */
                if (c <= ' ' && ((HTML_SPACE_BITS >> c) & 1)) {
                    if (!space)
                        buf[n++] = ' ';
                    space = true;
                    continue;
                }
                /* ASCII letters are lower-cased on the way: that is their
                 * fold, and it changes nothing that folds the rest */
                buf[n++] = (char)((unsigned)(c - 'A') < 26u ? c + ('a' - 'A') : c);
                high |= c;
                space = false;
            }
        }
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    /* ASCII (most labels): folding is lower-casing, NFC changes nothing. */
    if (!(high & 0x80)) {
        buf[n] = '\0';
        *len = n;
        return buf;
    }
    /* A cut may split a character, and the fold needs valid UTF-8. The
     * texts are valid (Gumbo writes them), so a character cut at the end
     * is dropped without checking the rest; should the fold find a byte
     * invalid after all, the text is cut back to where it is valid. */
    char *folded = casefold_nfc(buf, whole_characters(buf, n), len);
    if (folded)
        return folded;
    while (n > 0 && u8_check((const uint8_t *)buf, n))
        n--;
    return casefold_nfc(buf, n, len);
}
