/*
 * shapes.h — synthetic pages of a given size, one per shape that stresses
 * the parser or the extractor: plain prose for scale, and the pathological
 * shapes of hostile or broken pages (one element with very many attributes,
 * misnested formatting, deep tables, floods of forms, class names, srcset
 * candidates, style rules, JSON-LD blocks and character references).
 * `make bench` times them at 1, 10 and 100 MB; the unit tests run some of
 * them under time and memory bounds.
 */
#ifndef RM_SHAPES_H
#define RM_SHAPES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
} shape_buf;

static inline void shape_put(shape_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            fprintf(stderr, "shapes: out of memory\n");
            abort();
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void shape_puts(shape_buf *b, const char *s)
{
    shape_put(b, s, strlen(s));
}

static inline void shape_printf(shape_buf *b, const char *fmt, unsigned long n)
{
    char tmp[1024];
    int k = snprintf(tmp, sizeof tmp, fmt, n, n, n);
    shape_put(b, tmp, k < 0 ? 0 : (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

#define SHAPE_PROSE                                                                       \
    "The council met on Tuesday evening to discuss the new bridge, which residents "     \
    "have asked for since the old crossing closed, and voted to fund a study. "          \
    "Engineers will report in the spring, after the river has been surveyed again."

/* The page around every shape: a head, a title, a short article. */
static inline void shape_open(shape_buf *b)
{
    shape_puts(b, "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
                  "<title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>"
                  "<p>" SHAPE_PROSE "</p><p>" SHAPE_PROSE "</p>");
}

static inline void shape_close(shape_buf *b)
{
    shape_puts(b, "<p>" SHAPE_PROSE "</p></article></body></html>");
}

/* One shape: `body` appends units until the page holds `target` bytes. */
typedef void (*shape_unit)(shape_buf *b, unsigned long i);

static void unit_paragraph(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<p>Paragraph %lu. " SHAPE_PROSE " <a href=\"/n/%lu\">More</a>.</p>\n", i);
}

static void unit_comment(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<li class=comment id=c%lu><div class=comment-author>Reader %lu</div>"
                    "<div class=comment-body><p>" SHAPE_PROSE "</p><p>" SHAPE_PROSE "</p>"
                    "<p>" SHAPE_PROSE "</p></div>"
                    "<a class=reply href=\"#r%lu\">Reply</a></li>\n", i);
}

static void unit_div(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<div class=item>Item %lu of the list, short.</div>\n", i);
}

static void unit_text(shape_buf *b, unsigned long i)
{
    (void)i;
    shape_puts(b, SHAPE_PROSE " ");
}

static void unit_attribute(shape_buf *b, unsigned long i)
{
    shape_printf(b, " a%lu=v", i);
}

static void unit_misnested(shape_buf *b, unsigned long i)
{
    (void)i;
    shape_puts(b, "<b><p></b></p>");
}

static void unit_table(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<table>stray %lu<tr><td>cell", i);
}

static void unit_form(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<form action=/s><select name=s%lu>", i);
    for (unsigned long k = 0; k < 20; k++)
        shape_printf(b, "<option value=%lu>Option %lu", k);
    shape_puts(b, "</select><input name=q><button>Go</button></form>\n");
}

static void unit_class_list(shape_buf *b, unsigned long i)
{
    shape_puts(b, "<div class=\"");
    for (unsigned long k = 0; k < 200; k++)
        shape_printf(b, "comment-%lu share-%lu hidden-x ", i * 200 + k);
    shape_printf(b, "\">Box %lu</div>\n", i);
}

static void unit_srcset(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<p>Picture %lu.</p><img src=/i/%lu.jpg alt=x srcset=\"", i);
    for (unsigned long k = 1; k <= 400; k++)
        shape_printf(b, "/img/%lu.jpg %luw, ", k);
    shape_puts(b, "/img/last.jpg 9999w\">\n");
}

static void unit_style_rule(shape_buf *b, unsigned long i)
{
    shape_printf(b, ".overlay-%lu .x, #y%lu > a { position: fixed; top: %lupx }\n", i);
}

static void unit_json_ld(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                    "\"@type\":\"WebPage\",\"name\":\"Page %lu\",\"url\":\"https://example.org/%lu\","
                    "\"description\":\"Block %lu of many\"}</script>\n", i);
}

static void unit_references(shape_buf *b, unsigned long i)
{
    (void)i;
    shape_puts(b, "<p title=\"&amp;&lt;&gt;&quot;&#x41;&#66;&eacute;\">&amp;&lt;&gt;&quot;&#x41;&#66;"
                  "&eacute;&nbsp;&copy;&mdash;&hellip;&notanentity;&#x1F600;&#0;&amp</p>\n");
}

static void unit_skip_link(shape_buf *b, unsigned long i)
{
    shape_printf(b, "<h3 id=s%lu>Section %lu</h3><a href=\"#s%lu\">[edit]</a>\n", i);
}

typedef struct {
    const char *name;
    const char *what;
    const char *before;   /* markup that opens the repeated part */
    shape_unit unit;
    const char *after;
} shape;

static const shape shapes[] = {
    {"paragraphs", "many paragraphs (a plain page)", "", unit_paragraph, ""},
    {"comments", "comment thread, ~1 KB per item", "<ol class=comments>", unit_comment, "</ol>"},
    {"divs", "sibling divs", "<div class=list>", unit_div, "</div>"},
    {"text-node", "one text node", "<p>", unit_text, "</p>"},
    {"attributes", "one element with very many attributes", "<div", unit_attribute, ">x</div>"},
    {"misnested", "<b><p></b></p> repeated", "", unit_misnested, ""},
    {"tables", "unclosed nested tables with foster-parented text", "", unit_table, ""},
    {"forms", "forms with a 20-option select", "", unit_form, ""},
    {"classes", "elements with 200-name class lists", "", unit_class_list, ""},
    {"srcset", "images with 400-candidate srcsets", "", unit_srcset, ""},
    {"style", "one <style> of position:fixed rules", "<style>", unit_style_rule, "</style>"},
    {"json-ld", "many JSON-LD blocks", "", unit_json_ld, ""},
    {"references", "character-reference floods in text and attributes", "", unit_references, ""},
    {"skip-links", "wiki edit links pointing into the page", "", unit_skip_link, ""},
};

#define SHAPE_COUNT (sizeof shapes / sizeof shapes[0])

/* The page of shape `s` with about `target` bytes (malloc'd, NUL-terminated). */
static inline char *shape_page(const shape *s, size_t target, size_t *len)
{
    shape_buf b = {0};
    shape_open(&b);
    shape_puts(&b, s->before);
    for (unsigned long i = 0; b.len < target; i++)
        s->unit(&b, i);
    shape_puts(&b, s->after);
    shape_close(&b);
    *len = b.len;
    return b.data;
}

static inline const shape *shape_named(const char *name)
{
    for (size_t i = 0; i < SHAPE_COUNT; i++)
        if (strcmp(shapes[i].name, name) == 0)
            return &shapes[i];
    return NULL;
}

#endif
