/*
 * render_common.c — the parts the three renderers share (render_common.h).
 *
 * The tag table is the single place that says which elements are blocks,
 * which are never shown and which are media; the visibility scan applies it
 * once per render, bottom-up over the pre-order ids, so every later
 * decision ("does this div hold only inline content?") is a lookup. URL
 * choice for images follows what lazy-loading scripts do: the real source
 * waits in a data-* attribute or a srcset while src holds a placeholder.
 */
#include "render_common.h"

#include "heuristics.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- output buffer ---- */

int render_buf_grow(render_buf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + extra + 1) {
        if (ncap > SIZE_MAX / 2)
            goto fail;
        ncap *= 2;
    }
    char *p = realloc(b->data, ncap);
    if (!p)
        goto fail;
    b->data = p;
    b->cap = ncap;
    return 0;
fail:
    b->failed = 1;
    return -1;
}

char *render_buf_finish(render_buf *b)
{
    if (!b->failed && render_buf_reserve(b, 0) == 0) {
        char *s = b->data;
        s[b->len] = '\0';
        memset(b, 0, sizeof *b);
        return s;
    }
    render_buf_free(b);
    return NULL;
}

void render_buf_free(render_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* ---- byte classes ---- */

const uint8_t render_byte_class[256] = {
    ['\0'] = RENDER_BYTE_END,
    [' '] = RENDER_BYTE_SPACE,   ['\t'] = RENDER_BYTE_SPACE, ['\n'] = RENDER_BYTE_SPACE,
    ['\r'] = RENDER_BYTE_SPACE,  ['\f'] = RENDER_BYTE_SPACE,
    ['&'] = RENDER_BYTE_ESCAPE,  ['<'] = RENDER_BYTE_ESCAPE,  ['>'] = RENDER_BYTE_ESCAPE,
    ['"'] = RENDER_BYTE_ESCAPE,
    [0xC2] = RENDER_BYTE_NBSP_LEAD,
};

/* ---- frame stack ---- */

int render_stack_grow(render_stack *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 64;
    void *p = realloc(s->items, ncap * s->size);
    if (!p)
        return -1;
    s->items = p;
    s->cap = ncap;
    return 0;
}

void render_stack_free(render_stack *s)
{
    free(s->items);
    s->items = NULL;
    s->count = s->cap = 0;
}

/* ---- the tag table ---- */

/* Block boundaries are HTML's block-level ("flow") containers as CSS
 * displays them by default; "never" is what a reader must not show: code,
 * metadata, plugins, form controls and drawing surfaces (HTML Living
 * Standard §4.11-4.12 and the brief's list). Tags Gumbo does not know are
 * inline unless named in unknown_tags. */
const uint8_t render_tag_classes[GUMBO_TAG_LAST] = {
    [GUMBO_TAG_HTML] = RENDER_BLOCK,       [GUMBO_TAG_BODY] = RENDER_BLOCK,
    [GUMBO_TAG_ARTICLE] = RENDER_BLOCK,    [GUMBO_TAG_SECTION] = RENDER_BLOCK,
    [GUMBO_TAG_NAV] = RENDER_BLOCK,        [GUMBO_TAG_ASIDE] = RENDER_BLOCK,
    [GUMBO_TAG_H1] = RENDER_BLOCK,         [GUMBO_TAG_H2] = RENDER_BLOCK,
    [GUMBO_TAG_H3] = RENDER_BLOCK,         [GUMBO_TAG_H4] = RENDER_BLOCK,
    [GUMBO_TAG_H5] = RENDER_BLOCK,         [GUMBO_TAG_H6] = RENDER_BLOCK,
    [GUMBO_TAG_HGROUP] = RENDER_BLOCK,     [GUMBO_TAG_HEADER] = RENDER_BLOCK,
    [GUMBO_TAG_FOOTER] = RENDER_BLOCK,     [GUMBO_TAG_ADDRESS] = RENDER_BLOCK,
    [GUMBO_TAG_P] = RENDER_BLOCK,          [GUMBO_TAG_HR] = RENDER_BLOCK,
    [GUMBO_TAG_PRE] = RENDER_BLOCK,        [GUMBO_TAG_BLOCKQUOTE] = RENDER_BLOCK,
    [GUMBO_TAG_OL] = RENDER_BLOCK,         [GUMBO_TAG_UL] = RENDER_BLOCK,
    [GUMBO_TAG_LI] = RENDER_BLOCK,         [GUMBO_TAG_DL] = RENDER_BLOCK,
    [GUMBO_TAG_DT] = RENDER_BLOCK,         [GUMBO_TAG_DD] = RENDER_BLOCK,
    [GUMBO_TAG_FIGURE] = RENDER_BLOCK,     [GUMBO_TAG_FIGCAPTION] = RENDER_BLOCK,
    [GUMBO_TAG_MAIN] = RENDER_BLOCK,       [GUMBO_TAG_DIV] = RENDER_BLOCK,
    [GUMBO_TAG_TABLE] = RENDER_BLOCK,      [GUMBO_TAG_CAPTION] = RENDER_BLOCK,
    [GUMBO_TAG_TBODY] = RENDER_BLOCK,      [GUMBO_TAG_THEAD] = RENDER_BLOCK,
    [GUMBO_TAG_TFOOT] = RENDER_BLOCK,      [GUMBO_TAG_TR] = RENDER_BLOCK,
    [GUMBO_TAG_TD] = RENDER_BLOCK,         [GUMBO_TAG_TH] = RENDER_BLOCK,
    [GUMBO_TAG_FORM] = RENDER_BLOCK,       [GUMBO_TAG_FIELDSET] = RENDER_BLOCK,
    [GUMBO_TAG_LEGEND] = RENDER_BLOCK,     [GUMBO_TAG_DETAILS] = RENDER_BLOCK,
    [GUMBO_TAG_SUMMARY] = RENDER_BLOCK,    [GUMBO_TAG_MENU] = RENDER_BLOCK,
    [GUMBO_TAG_DIR] = RENDER_BLOCK,        [GUMBO_TAG_CENTER] = RENDER_BLOCK,
    [GUMBO_TAG_LISTING] = RENDER_BLOCK,    [GUMBO_TAG_XMP] = RENDER_BLOCK,
    [GUMBO_TAG_PLAINTEXT] = RENDER_BLOCK,

    [GUMBO_TAG_HEAD] = RENDER_NEVER,       [GUMBO_TAG_TITLE] = RENDER_NEVER,
    [GUMBO_TAG_BASE] = RENDER_NEVER,       [GUMBO_TAG_LINK] = RENDER_NEVER,
    [GUMBO_TAG_META] = RENDER_NEVER,       [GUMBO_TAG_STYLE] = RENDER_NEVER,
    [GUMBO_TAG_SCRIPT] = RENDER_NEVER,     [GUMBO_TAG_NOSCRIPT] = RENDER_NEVER,
    [GUMBO_TAG_TEMPLATE] = RENDER_NEVER,   [GUMBO_TAG_EMBED] = RENDER_NEVER,
    [GUMBO_TAG_OBJECT] = RENDER_NEVER,     [GUMBO_TAG_PARAM] = RENDER_NEVER,
    [GUMBO_TAG_APPLET] = RENDER_NEVER,     [GUMBO_TAG_SOURCE] = RENDER_NEVER,
    [GUMBO_TAG_TRACK] = RENDER_NEVER,      [GUMBO_TAG_CANVAS] = RENDER_NEVER,
    [GUMBO_TAG_MAP] = RENDER_NEVER,        [GUMBO_TAG_AREA] = RENDER_NEVER,
    [GUMBO_TAG_SVG] = RENDER_NEVER,        [GUMBO_TAG_INPUT] = RENDER_NEVER,
    [GUMBO_TAG_BUTTON] = RENDER_NEVER,     [GUMBO_TAG_SELECT] = RENDER_NEVER,
    [GUMBO_TAG_DATALIST] = RENDER_NEVER,   [GUMBO_TAG_OPTGROUP] = RENDER_NEVER,
    [GUMBO_TAG_OPTION] = RENDER_NEVER,     [GUMBO_TAG_TEXTAREA] = RENDER_NEVER,
    [GUMBO_TAG_KEYGEN] = RENDER_NEVER,     [GUMBO_TAG_OUTPUT] = RENDER_NEVER,
    [GUMBO_TAG_PROGRESS] = RENDER_NEVER,   [GUMBO_TAG_METER] = RENDER_NEVER,
    [GUMBO_TAG_MENUITEM] = RENDER_NEVER,   [GUMBO_TAG_FRAME] = RENDER_NEVER,
    [GUMBO_TAG_FRAMESET] = RENDER_NEVER,   [GUMBO_TAG_NOFRAMES] = RENDER_NEVER,
    [GUMBO_TAG_NOEMBED] = RENDER_NEVER,    [GUMBO_TAG_BGSOUND] = RENDER_NEVER,
    [GUMBO_TAG_ISINDEX] = RENDER_NEVER,    [GUMBO_TAG_COLGROUP] = RENDER_NEVER,
    [GUMBO_TAG_COL] = RENDER_NEVER,

    [GUMBO_TAG_IFRAME] = RENDER_MEDIA,     [GUMBO_TAG_VIDEO] = RENDER_MEDIA,
    [GUMBO_TAG_AUDIO] = RENDER_MEDIA,
};

/* Newer elements Gumbo 0.10 reports as GUMBO_TAG_UNKNOWN. */
static const struct {
    const char *name;
    render_tag_class cls;
} unknown_tags[] = {
    {"dialog", RENDER_NEVER},
    {"search", RENDER_BLOCK},
};

render_tag_class render_class_unknown(const rm_dom *dom, int32_t id)
{
    char buf[64];
    const char *name = dom_tag_name(dom, id, buf);
    for (size_t i = 0; i < sizeof unknown_tags / sizeof unknown_tags[0]; i++)
        if (strcmp(name, unknown_tags[i].name) == 0)
            return unknown_tags[i].cls;
    return RENDER_INLINE;
}

/* Caption parts: a site marks up a caption and its photo credit (or the
 * credit's label and the name) as sibling inline elements and sets them on
 * lines of their own with CSS ("…in 1944.</span><span>Credit: Jane Doe").
 * Without the CSS they would run together, so in a figcaption these
 * elements are separate words when nothing stands between them. */
static const GumboTag caption_part_tags[] = {GUMBO_TAG_SPAN, GUMBO_TAG_SMALL, GUMBO_TAG_CITE};

int render_caption_part_in_figcaption(const rm_dom *dom, int32_t id)
{
    const rm_node *n = &dom->nodes[id];
    int part = 0;
    for (size_t i = 0; i < sizeof caption_part_tags / sizeof caption_part_tags[0]; i++)
        part |= n->tag == caption_part_tags[i];
    if (!part)
        return 0;
    int32_t before = RM_NONE;
    for (int32_t c = dom->nodes[n->parent].first_child; c != RM_NONE && c != id;
         c = dom->nodes[c].next_sibling)
        before = c;
    return before != RM_NONE && dom->nodes[before].type == RM_NODE_ELEMENT;
}

int render_is_code_line(const rm_dom *dom, int32_t id)
{
    if (dom->nodes[id].tag != GUMBO_TAG_SPAN)
        return 0;
    const char *cls = dom_attr(dom, id, "class");
    for (const char *p = cls; p && *p;) {
        p += strspn(p, " \t\n");
        size_t n = strcspn(p, " \t\n");
        if (n == 4 && memcmp(p, "line", 4) == 0)
            return 1;
        p += n;
    }
    return 0;
}

/* ---- image sources ---- */

/* Where lazy-loading libraries (lazysizes, lozad, WordPress, jQuery
 * lazyload) park the real source, before the src placeholder. */
static const char *const lazy_attrs[] = {"data-src", "data-lazy-src", "data-original"};
static const char *const srcset_attrs[] = {"data-srcset", "srcset"};

/* An <img> with none of the source attributes: a slot script fills. */
static int lacks_source(const rm_dom *dom, int32_t id)
{
    if (dom->nodes[id].tag != GUMBO_TAG_IMG || dom_attr(dom, id, "src"))
        return 0;
    for (size_t i = 0; i < sizeof lazy_attrs / sizeof lazy_attrs[0]; i++)
        if (dom_attr(dom, id, lazy_attrs[i]))
            return 0;
    for (size_t i = 0; i < sizeof srcset_attrs / sizeof srcset_attrs[0]; i++)
        if (dom_attr(dom, id, srcset_attrs[i]))
            return 0;
    return 1;
}

/* ---- visibility ---- */

/* Does the declaration style[0..len) read `decl` (a lower-case
 * "property:value" without spaces), ignoring case, spaces and !important? */
static int declaration_is(const char *style, size_t len, const char *decl)
{
    size_t i = 0;
    for (; i < len && *decl; i++) {
        char c = style[i];
        if (render_is_space(c))
            continue;
        if ((c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c) != *decl++)
            return 0;
    }
    while (i < len && render_is_space(style[i]))
        i++;
    return !*decl && (i == len || style[i] == '!');
}

static int style_declares(const char *style, const char *decl)
{
    for (;;) {
        size_t len = strcspn(style, ";");
        if (declaration_is(style, len, decl))
            return 1;
        if (!style[len])
            return 0;
        style += len + 1;
    }
}

/* A closed tab or accordion panel is shown by a click: its text is the
 * page's (the extractor's hidden rule says the same). */
static int is_tab_panel(const rm_dom *dom, int32_t id)
{
    const char *role = dom_attr(dom, id, "role");
    return (role && strcasecmp(role, "tabpanel") == 0) ||
           heur_is_tab_panel(dom_attr(dom, id, "class"));
}

static int hidden_by_attribute(const rm_dom *dom, int32_t id)
{
    if (dom_attr(dom, id, "hidden"))
        return 1;
    const char *aria = dom_attr(dom, id, "aria-hidden");
    if (aria && strcasecmp(aria, "true") == 0 &&
        !heur_aria_hidden_is_shown(dom, id, dom_attr(dom, id, "tabindex")))
        return 1;
    const char *style = dom_attr(dom, id, "style");
    return style && (style_declares(style, "display:none") ||
                     style_declares(style, "visibility:hidden"));
}

/* The tab-panel test reads two attributes: only asked of hidden elements.
 * A panel that a disclosure control opens (the extractor's finding) is
 * shown too; a streamed segment (heuristics.c) is shown or not by the
 * extractor's drop mask, which knows whether the page is a shell around it. */
static int is_hidden(const rm_render_input *in, int32_t id)
{
    return hidden_by_attribute(in->dom, id) && !is_tab_panel(in->dom, id) &&
           !(in->disclosed && in->disclosed[id] == DISCLOSED_PANEL) &&
           !heur_is_streamed_segment_id(dom_attr(in->dom, id, "id"));
}

static int text_has_content(const char *s)
{
    for (; *s; s++) {
        if (render_is_space(*s))
            continue;
        if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
            s++;
            continue;
        }
        return 1;
    }
    return 0;
}

/* A root is rendered even when the page hides it: the extractor chose it
 * knowingly (text a script would reveal, such as a streamed segment, when
 * the page shows nothing else); what it hides inside stays hidden. */
static inline uint8_t own_flags(const rm_render_input *in, int32_t id, bool is_root,
                                render_tag_class cls)
{
    const rm_dom *dom = in->dom;
    if (in->drop && in->drop[id])
        return RENDER_SKIP;
    if (dom->nodes[id].type == RM_NODE_TEXT)
        return text_has_content(dom_text(dom, id)) ? RENDER_HAS_CONTENT | RENDER_HAS_TEXT : 0;
    bool label = in->disclosed && in->disclosed[id] == DISCLOSED_LABEL;
    /* hiding takes an attribute: most elements have none */
    if ((cls == RENDER_NEVER && !label) ||
        (!is_root && dom->nodes[id].has_attrs && is_hidden(in, id)))
        return RENDER_SKIP;
    if (dom->nodes[id].tag == GUMBO_TAG_IMG)
        return RENDER_HAS_CONTENT | RENDER_HAS_IMAGE;
    return cls == RENDER_MEDIA ? RENDER_HAS_CONTENT : 0;
}

/* Lazy-loading pages often show an image only through script and keep a
 * plain <img> in <noscript> for everyone else, next to a blurred
 * placeholder (Medium) or alone. As Readability does, a noscript holding an
 * image replaces a directly preceding image-only sibling (source-less
 * <img> slots in between do not count), and is shown as well when its
 * parent has no other image. Only its images are shown, never its "please
 * enable JavaScript" text. */
static void show_noscript_images(const rm_dom *dom, uint8_t *flags, int32_t noscript)
{
    int32_t end = noscript + (int32_t)dom->nodes[noscript].size;
    for (int32_t id = noscript + 1; id < end; id++)
        if (dom->nodes[id].type == RM_NODE_TEXT)
            flags[id] = RENDER_SKIP;
    flags[noscript] = RENDER_HAS_CONTENT | RENDER_HAS_IMAGE;
}

static int is_image_only(const uint8_t *flags, int32_t id)
{
    return (flags[id] & (RENDER_SKIP | RENDER_HAS_IMAGE | RENDER_HAS_TEXT)) == RENDER_HAS_IMAGE;
}

static int revive_noscript_images(const rm_dom *dom, uint8_t *flags, int32_t parent)
{
    int had_image = (flags[parent] & RENDER_HAS_IMAGE) != 0, revived = 0;
    int32_t placeholder = RM_NONE;   /* image-only sibling a noscript may replace */
    for (int32_t c = dom->nodes[parent].first_child; c != RM_NONE; c = dom->nodes[c].next_sibling) {
        if (dom->nodes[c].type != RM_NODE_ELEMENT || lacks_source(dom, c))
            continue;
        if ((flags[c] & RENDER_NOSCRIPT_IMAGE) && (placeholder != RM_NONE || !had_image)) {
            if (placeholder != RM_NONE)
                flags[placeholder] = RENDER_SKIP;
            show_noscript_images(dom, flags, c);
            revived = 1;
        }
        placeholder = is_image_only(flags, c) && !(flags[c] & RENDER_NOSCRIPT_IMAGE) ? c : RM_NONE;
    }
    return revived;
}

/* The scan's own mark, never left in its result: a child of this node is
 * a skipped noscript holding an image (RENDER_NOSCRIPT_IMAGE). */
#define CHILD_NOSCRIPT_IMAGE (1u << 7)

static uint8_t skipped_flags(const rm_dom *dom, int32_t id, uint8_t below)
{
    if (dom->nodes[id].tag == GUMBO_TAG_NOSCRIPT && (below & RENDER_HAS_IMAGE))
        return RENDER_SKIP | RENDER_NOSCRIPT_IMAGE;
    return RENDER_SKIP;
}

uint8_t *render_scan(const rm_render_input *in)
{
    const rm_dom *dom = in->dom;
    uint8_t *flags = calloc(dom->count ? (size_t)dom->count : 1, 1);
    if (!flags)
        return NULL;
    for (size_t k = 0; k < in->root_count; k++) {
        int32_t root = in->roots[k];
        if (root < 0 || root >= dom->count)
            continue;
        for (int32_t id = root + (int32_t)dom->nodes[root].size - 1; id >= root; id--) {
            render_tag_class cls = render_class(dom, id);
            uint8_t own = own_flags(in, id, id == root, cls);
            if (own & RENDER_SKIP) {
                flags[id] = in->drop && in->drop[id] ? RENDER_SKIP : skipped_flags(dom, id, flags[id]);
                if ((flags[id] & RENDER_NOSCRIPT_IMAGE) && id != root)
                    flags[dom->nodes[id].parent] |= CHILD_NOSCRIPT_IMAGE;
                continue;
            }
            /* only a parent of such a noscript has images to revive */
            bool revive = flags[id] & CHILD_NOSCRIPT_IMAGE;
            flags[id] &= (uint8_t)~CHILD_NOSCRIPT_IMAGE;
            if (revive && revive_noscript_images(dom, flags, id))
                own |= RENDER_HAS_CONTENT | RENDER_HAS_IMAGE;
            flags[id] |= own;
            if (id == root)
                continue;
            uint8_t up = flags[id] & (RENDER_HAS_BLOCK | RENDER_HAS_CONTENT | RENDER_HAS_IMAGE |
                                      RENDER_HAS_TEXT | RENDER_HAS_BREAK);
            if (cls == RENDER_BLOCK)
                up |= RENDER_HAS_BLOCK;
            if (dom->nodes[id].tag == GUMBO_TAG_BR)
                up |= RENDER_HAS_BREAK;
            flags[dom->nodes[id].parent] |= up;
        }
    }
    return flags;
}

/* What the scan would say of the roots' text, found by a walk in document
 * order that stops at the first text shown: a text node with content none
 * of whose elements, from the root down, the scan skips (the noscript
 * images it revives hold no text). A skipped element's subtree is passed
 * over whole. */
int render_shows_text(const rm_render_input *in)
{
    const rm_dom *dom = in->dom;
    for (size_t k = 0; k < in->root_count; k++) {
        int32_t root = in->roots[k];
        if (root < 0 || root >= dom->count)
            continue;
        int32_t end = root + (int32_t)dom->nodes[root].size;
        for (int32_t id = root; id < end;) {
            uint8_t own = own_flags(in, id, id == root, render_class(dom, id));
            if (own & RENDER_HAS_TEXT)
                return 1;
            id += own & RENDER_SKIP ? (int32_t)dom->nodes[id].size : 1;
        }
    }
    return 0;
}

/* ---- the walk ---- */

static int32_t visible_from(const rm_dom *dom, const uint8_t *scan, int32_t id)
{
    while (id != RM_NONE && (scan[id] & RENDER_SKIP))
        id = dom->nodes[id].next_sibling;
    return id;
}

static int walk_root(const rm_render_input *in, const uint8_t *scan, int32_t root,
                     render_enter_fn enter, render_leave_fn leave, void *ctx)
{
    const rm_dom *dom = in->dom;
    int32_t id = root;
    for (;;) {
        int rc = enter(ctx, id);
        if (rc < 0)
            return -1;
        int32_t child = rc > 0 ? visible_from(dom, scan, dom->nodes[id].first_child) : RM_NONE;
        if (child != RM_NONE) {
            id = child;
            continue;
        }
        if (rc > 0)
            leave(ctx, id);
        for (;;) {
            if (id == root)
                return 0;
            int32_t sibling = visible_from(dom, scan, dom->nodes[id].next_sibling);
            if (sibling != RM_NONE) {
                id = sibling;
                break;
            }
            id = dom->nodes[id].parent;
            leave(ctx, id);
        }
    }
}

int render_walk(const rm_render_input *in, const uint8_t *scan,
                render_enter_fn enter, render_leave_fn leave, void *ctx)
{
    for (size_t k = 0; k < in->root_count; k++) {
        int32_t root = in->roots[k];
        if (root < 0 || root >= in->dom->count || (scan[root] & RENDER_SKIP))
            continue;
        if (walk_root(in, scan, root, enter, leave, ctx))
            return -1;
    }
    return 0;
}

/* ---- URLs ---- */

/* A copy of an attribute URL as the URL standard reads it: leading and
 * trailing spaces and controls stripped, tabs and newlines removed inside
 * (so "java\nscript:" cannot slip past the scheme check). */
static char *clean_ref(const char *s, size_t len)
{
    while (len && (unsigned char)*s <= ' ') {
        s++;
        len--;
    }
    while (len && (unsigned char)s[len - 1] <= ' ')
        len--;
    char *r = malloc(len + 1);
    if (!r)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            r[n++] = s[i];
    r[n] = '\0';
    return r;
}

/* data: URLs carry their content inline: only raster images are welcome
 * (SVG can hold script), and only as images. Checked here as well as by
 * url_is_safe, because a reader view must never emit one by accident. */
static int data_url_allowed(const char *url, int is_image)
{
    if (strncasecmp(url, "data:", 5) != 0)
        return 1;
    return is_image && strncasecmp(url, "data:image/", 11) == 0 &&
           strncasecmp(url, "data:image/svg", 14) != 0;
}

/* Resolve ref[0..len) against the base; *out = NULL if empty or unsafe. */
static int resolve_safe(const rm_render_input *in, const char *ref, size_t len,
                        int is_image, char **out)
{
    *out = NULL;
    char *clean = clean_ref(ref, len);
    if (!clean)
        return -1;
    if (!is_image && clean[0] == '#' && clean[1]) {
        *out = clean;   /* a place in the article itself: kept as such */
        return 0;
    }
    if (!clean[0] || !data_url_allowed(clean, is_image)) {
        free(clean);
        return 0;
    }
    char *abs = url_resolve(in->base_url, clean);
    free(clean);
    if (!abs)
        return -1;
    if (!url_is_safe(abs, is_image)) {
        free(abs);
        return 0;
    }
    *out = abs;
    return 0;
}

int render_link_url(const rm_render_input *in, int32_t id, char **out)
{
    const char *href = dom_attr(in->dom, id, "href");
    *out = NULL;
    return href ? resolve_safe(in, href, strlen(href), 0, out) : 0;
}

/* A descriptor's number as strtod reads it, without strtod's cost (a
 * srcset may list hundreds of candidates): plain decimals of up to 15
 * digits, which a double holds exactly, so one division rounds as strtod
 * does. Returns the end of the number, or NULL for anything else (an
 * exponent, hex, a sign, too many digits): strtod reads those. */
static const char *plain_decimal(const char *s, double *value)
{
    static const double powers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    uint64_t digits = 0;
    unsigned count = 0, decimals = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++, count++)
        digits = digits * 10 + (uint64_t)(*p - '0');
    if (count == 0 || (p == s + 1 && *s == '0' && (*p == 'x' || *p == 'X')))
        return NULL;   /* not a number, or hex */
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++, count++, decimals++)
            digits = digits * 10 + (uint64_t)(*p - '0');
    if (count > 15 || *p == 'e' || *p == 'E')
        return NULL;
    *value = (double)digits / powers[decimals];
    return p;
}

/* The end of a srcset candidate's URL that starts at s: its first white
 * space, or `end` (the NUL). A srcset may list hundreds of candidates:
 * sixteen bytes are tested at once (SSE2: every x86-64 has it) for a byte
 * up to ' ', where all white space is, and only such bytes are looked at. */
static const char *srcset_url_end(const char *s, const char *end)
{
#ifdef __SSE2__
    for (; end - s >= 16; s += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
        unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v));
        for (; low; low &= low - 1)
            if (render_is_space(s[__builtin_ctz(low)]))
                return s + __builtin_ctz(low);
    }
#endif
    while (s < end && !render_is_space(*s))
        s++;
    return s;
}

/* The candidate of a srcset (`n` bytes) with the largest width (or
 * density) descriptor, following the HTML srcset parsing rules loosely. */
static const char *srcset_best(const char *s, size_t n, size_t *len)
{
    const char *best = NULL, *end = s + n;
    double best_score = -1;
    while (*s) {
        while (render_is_space(*s) || *s == ',')
            s++;
        if (!*s)
            break;
        const char *url = s;
        s = srcset_url_end(s, end);
        size_t ulen = (size_t)(s - url);
        double score = 1;
        if (url[ulen - 1] == ',') {
            while (ulen && url[ulen - 1] == ',')
                ulen--;
        } else {
            while (render_is_space(*s))
                s++;
            double v;
            const char *p = plain_decimal(s, &v);
            char *number_end;
            if (!p)
                v = strtod(s, &number_end);
            if (p && (*p == 'w' || *p == 'x'))
                score = v;
            else if (!p && number_end != s && (*number_end == 'w' || *number_end == 'x'))
                score = v;
            /* a plain decimal holds no comma or parenthesis: the search
             * for the candidate's end starts after it */
            if (p)
                s = p;
            int parens = 0;
            for (;;) {   /* to the comma that ends the candidate */
                while (*s && *s != ',' && *s != '(' && *s != ')')
                    s++;
                if (!*s || (*s == ',' && !parens))
                    break;
                parens += (*s == '(') - (*s == ')');
                s++;
            }
        }
        if (ulen && score > best_score) {
            best = url;
            best_score = score;
            *len = ulen;
        }
    }
    return best;
}

/* width="1" or height="0": a tracking pixel, not an illustration. */
static int is_tracking_pixel(const rm_dom *dom, int32_t id)
{
    static const char *const dims[] = {"width", "height"};
    for (size_t i = 0; i < 2; i++) {
        const char *v = dom_attr(dom, id, dims[i]);
        if (!v)
            continue;
        char *end;
        long n = strtol(v, &end, 10);
        if (end != v && n <= 1)
            return 1;
    }
    return 0;
}

int render_image_url(const rm_render_input *in, int32_t id, char **out)
{
    *out = NULL;
    if (is_tracking_pixel(in->dom, id))
        return 0;
    const char *ref = NULL;
    size_t len = 0;
    for (size_t i = 0; !ref && i < sizeof lazy_attrs / sizeof lazy_attrs[0]; i++) {
        const char *v = dom_attr(in->dom, id, lazy_attrs[i]);
        if (v && text_has_content(v)) {
            ref = v;
            len = strlen(v);
        }
    }
    for (size_t i = 0; !ref && i < sizeof srcset_attrs / sizeof srcset_attrs[0]; i++) {
        const char *v = dom_attr(in->dom, id, srcset_attrs[i]);
        if (v)
            ref = srcset_best(v, strlen(v), &len);
    }
    if (!ref) {
        ref = dom_attr(in->dom, id, "src");
        len = ref ? strlen(ref) : 0;
    }
    return ref ? resolve_safe(in, ref, len, 1, out) : 0;
}

const char *render_image_src(const rm_render_input *in, const char *url)
{
    return in->images ? in->images->resolve(in->images->ctx, url) : url;
}

/* src of the element, or of its first <source> child (video, audio). */
static const char *media_src(const rm_dom *dom, int32_t id)
{
    const char *src = dom_attr(dom, id, "src");
    if (src || dom->nodes[id].tag == GUMBO_TAG_IFRAME)
        return src ? src : dom_attr(dom, id, "data-src");
    for (int32_t c = dom->nodes[id].first_child; c != RM_NONE; c = dom->nodes[c].next_sibling)
        if (dom->nodes[c].tag == GUMBO_TAG_SOURCE && (src = dom_attr(dom, c, "src")))
            return src;
    return NULL;
}

int render_media_url(const rm_render_input *in, int32_t id, char **out)
{
    *out = NULL;
    const char *src = media_src(in->dom, id);
    if (!src || resolve_safe(in, src, strlen(src), 0, out))
        return src ? -1 : 0;
    if (*out && in->dom->nodes[id].tag == GUMBO_TAG_IFRAME && !heur_is_video_url(*out)) {
        free(*out);
        *out = NULL;
    }
    return 0;
}

const char *render_media_title(const rm_dom *dom, int32_t id)
{
    const char *title = dom_attr(dom, id, "title");
    if (title && text_has_content(title))
        return title;
    return dom->nodes[id].tag == GUMBO_TAG_AUDIO ? "Audio" : "Video";
}

/* ---- in-article link targets ---- */

int render_targets(const rm_render_input *in, const uint8_t *scan, hashset *targets)
{
    const rm_dom *dom = in->dom;
    for (size_t r = 0; r < in->root_count; r++) {
        int32_t end = in->roots[r] + (int32_t)dom->nodes[in->roots[r]].size;
        for (int32_t id = in->roots[r]; id < end; id++) {
            if (scan[id] & RENDER_SKIP) {
                id += (int32_t)dom->nodes[id].size - 1;
                continue;
            }
            if (dom->nodes[id].type != RM_NODE_ELEMENT || dom->nodes[id].tag != GUMBO_TAG_A)
                continue;
            const char *href = dom_attr(dom, id, "href");
            while (href && (unsigned char)*href <= ' ' && *href)
                href++;
            if (href && href[0] == '#' && href[1] &&
                hashset_add(targets, hashset_hash(href + 1, strlen(href + 1))))
                return -1;
        }
    }
    return 0;
}

const char *render_kept_id(const rm_dom *dom, const hashset *targets, int32_t id)
{
    if (!targets->count || dom->nodes[id].type != RM_NODE_ELEMENT)
        return NULL;
    const char *v = dom_attr(dom, id, "id");
    return v && *v && hashset_has(targets, hashset_hash(v, strlen(v))) ? v : NULL;
}
