/*
 * test_render.c — the text, Markdown and HTML renderers and text_wrap.
 *
 * Each test parses a small document with Gumbo, indexes it with dom_build,
 * picks the roots (the body, or elements by id) and a drop mask, and
 * compares the exact output.
 */
#include "readmode.h"
#include "render.h"
#include "testutil.h"

typedef char *(*render_fn)(const rm_render_input *);

typedef struct {
    GumboOutput *gumbo;
    rm_dom dom;
    uint8_t *drop;
} doc;

static void doc_parse(doc *d, const char *html)
{
    d->gumbo = gumbo_parse(html);
    ck_assert_ptr_nonnull(d->gumbo);
    ck_assert_int_eq(dom_build(&d->dom, d->gumbo, NULL), 0);
    d->drop = calloc((size_t)d->dom.count, 1);
    ck_assert_ptr_nonnull(d->drop);
}

static void doc_free(doc *d)
{
    free(d->drop);
    dom_free(&d->dom);
    gumbo_destroy_output(&kGumboDefaultOptions, d->gumbo);
}

/* The element with this id attribute. */
static int32_t doc_find(const doc *d, const char *id)
{
    for (int32_t i = 0; i < d->dom.count; i++) {
        const char *v = dom_attr(&d->dom, i, "id");
        if (v && strcmp(v, id) == 0)
            return i;
    }
    ck_abort_msg("no element with id %s", id);
    return RM_NONE;
}

static char *doc_render(const doc *d, render_fn fn, const int32_t *roots, size_t count,
                        const char *base)
{
    rm_render_input in = {&d->dom, d->drop, roots, count, base, NULL, NULL, NULL};
    char *out = fn(&in);
    ck_assert_ptr_nonnull(out);
    return out;
}

/* Render the body of `html` and compare with `expected`. */
static void check_body(render_fn fn, const char *base, const char *html, const char *expected)
{
    doc d;
    doc_parse(&d, html);
    char *out = doc_render(&d, fn, &d.dom.body, 1, base);
    ck_assert_msg(strcmp(out, expected) == 0, "input:\n%s\nexpected:\n%s\ngot:\n%s",
                  html, expected, out);
    free(out);
    doc_free(&d);
}

#define BASE "https://example.org/news/story.html"
#define CHECK_TEXT(html, expected) check_body(render_text, BASE, html, expected)
#define CHECK_MD(html, expected) check_body(render_markdown, BASE, html, expected)
#define CHECK_HTML(html, expected) check_body(render_html, BASE, html, expected)

static void check_wrap(const char *text, unsigned width, const char *expected)
{
    char *out = rm_text_wrap(text, width);
    ck_assert_ptr_nonnull(out);
    ck_assert_msg(strcmp(out, expected) == 0, "width %u, expected:\n%s\ngot:\n%s",
                  width, expected, out);
    free(out);
}

/* ---- text ---- */

START_TEST(text_paragraphs_and_blank_lines)
{
    CHECK_TEXT("<p>One.</p><p>Two.</p>", "One.\n\nTwo.");
    CHECK_TEXT("<div><p></p><div> </div><p>One.</p></div><section><p>Two.</p></section><p></p>",
               "One.\n\nTwo.");
    CHECK_TEXT("Loose <p>para</p> tail", "Loose\n\npara\n\ntail");
    CHECK_TEXT("", "");
}
END_TEST

START_TEST(text_whitespace_collapses)
{
    CHECK_TEXT("<p>  a \n\t  b  </p>", "a b");
    CHECK_TEXT("<p>a<span> b </span>c <em>d</em></p>", "a b c d");
    CHECK_TEXT("<p>x&nbsp;&nbsp;y</p>", "x  y");
    /* 0xC2 leads other characters too: those stay as they are, and a
     * space run before either kind is still one space */
    CHECK_TEXT("<p>a \t&copy; b&nbsp;  c&#xAB;</p>", "a \xC2\xA9 b  c\xC2\xAB");
}
END_TEST

START_TEST(text_line_breaks)
{
    CHECK_TEXT("<p>a<br>b<br> c</p>", "a\nb\nc");
    CHECK_TEXT("<p>a<br><br>b</p>", "a\n\nb");
    CHECK_TEXT("<p><br>a<br></p><p>b</p>", "a\n\nb");
}
END_TEST

START_TEST(text_nested_lists)
{
    CHECK_TEXT("<p>Intro</p><ul><li>one</li><li>two<ul><li>deep</li></ul></li>"
               "<li>three</li></ul><p>After</p>",
               "Intro\n\n- one\n- two\n  - deep\n- three\n\nAfter");
    CHECK_TEXT("<ol><li>a</li><li>b<ol start=\"7\"><li>c</li><li>d</li></ol></li></ol>",
               "1. a\n2. b\n   7. c\n   8. d");
    CHECK_TEXT("<ul><li><p>p1</p><p>p2</p></li></ul>", "- p1\n\n  p2");
}
END_TEST

START_TEST(text_blockquote)
{
    CHECK_TEXT("<p>Before</p><blockquote><p>q1</p><p>q2</p>"
               "<blockquote>inner</blockquote></blockquote><p>After</p>",
               "Before\n\n> q1\n>\n> q2\n>\n> > inner\n\nAfter");
}
END_TEST

START_TEST(text_pre_verbatim)
{
    CHECK_TEXT("<p>x</p><pre>  int a;\n\n    b  c;\n</pre><p>y</p>",
               "x\n\n  int a;\n\n    b  c;\n\ny");
    CHECK_TEXT("<blockquote><pre>a\n b</pre></blockquote>", "> a\n>  b");
}
END_TEST

START_TEST(text_tables)
{
    CHECK_TEXT("<table><tr><th>Name</th><th>Age</th></tr>"
               "<tr><td><p>Ann</p></td><td>31</td></tr>"
               "<tr><td></td><td>7</td></tr></table>",
               "Name | Age\nAnn | 31\n| 7");
}
END_TEST

START_TEST(text_headings)
{
    CHECK_TEXT("<h1>Title</h1><p>Body</p><h2>Sub <em>part</em></h2><h3></h3><p>More</p>",
               "Title\n\nBody\n\nSub part\n\nMore");
}
END_TEST

START_TEST(text_links_render_their_text)
{
    CHECK_TEXT("<p>See <a href=\"/x\">the docs</a>, or <a href=\"javascript:x()\">this</a>.</p>",
               "See the docs, or this.");
}
END_TEST

START_TEST(text_images_render_nothing)
{
    CHECK_TEXT("<p>Before<img src=\"a.png\" alt=\"alt text\"></p><figure><img src=\"b.png\">"
               "<figcaption>Caption</figcaption></figure><p><img src=\"c.png\"></p><p>After</p>",
               "Before\n\nCaption\n\nAfter");
}
END_TEST

START_TEST(text_dropped_subtrees_and_roots)
{
    doc d;
    doc_parse(&d, "<div id=a><p>keep</p><div id=x><p>drop</p></div></div>"
                  "<div id=nav>menu</div><div id=b><p>also</p></div>");
    d.drop[doc_find(&d, "x")] = 1;
    int32_t roots[] = {doc_find(&d, "a"), doc_find(&d, "b")};
    char *out = doc_render(&d, render_text, roots, 2, NULL);
    ck_assert_str_eq(out, "keep\n\nalso");
    free(out);
    d.drop[roots[0]] = 1;
    out = doc_render(&d, render_text, roots, 2, NULL);
    ck_assert_str_eq(out, "also");
    free(out);
    doc_free(&d);
}
END_TEST

START_TEST(text_hidden_and_never_rendered)
{
    CHECK_TEXT("<p>a</p><p hidden>h1</p><p aria-hidden=\"true\">h2</p>"
               "<p style=\"color:red; DISPLAY : none !important\">h3</p>"
               "<p style=\"visibility:hidden\">h4</p><p style=\"display:block\">b</p>",
               "a\n\nb");
    CHECK_TEXT("<p>a<script>x()</script><style>p{}</style><noscript>ns</noscript>"
               "<button>Click</button><select><option>o</select><textarea>t</textarea>"
               "<svg><text>s</text></svg><iframe src=\"https://youtube.com/embed/1\"></iframe>"
               "<object>obj</object><canvas>c</canvas> b</p>",
               "a b");
}
END_TEST

/* ---- Markdown ---- */

START_TEST(markdown_blocks)
{
    CHECK_MD("<h2>Sub <em>title</em></h2><p>Some <strong>bold</strong> and <i>it</i>.</p>"
             "<hr><blockquote><p>q</p><blockquote>qq</blockquote></blockquote>",
             "## Sub *title*\n\nSome **bold** and *it*.\n\n---\n\n> q\n>\n> > qq");
    CHECK_MD("<ul><li>a<ol><li>b</li><li>c</li></ol></li></ul>", "- a\n  1. b\n  2. c");
    CHECK_MD("<p>a<br>b</p>", "a\\\nb");
}
END_TEST

START_TEST(markdown_inline_markup_edges)
{
    CHECK_MD("<p>x<b> y </b>z<em></em></p>", "x **y** z");
    CHECK_MD("<p><code>a`b</code> <code>c</code> <del>gone</del></p>", "`` a`b `` `c` ~~gone~~");
    CHECK_MD("<p><b>bold <br>line</b></p>", "**bold\\\nline**");
}
END_TEST

START_TEST(markdown_code_fences)
{
    CHECK_MD("<pre><code class=\"language-c\">int a;\n\n  b();\n</code></pre>",
             "```c\nint a;\n\n  b();\n```");
    CHECK_MD("<pre>```\nx\n```</pre>", "````\n```\nx\n```\n````");
    CHECK_MD("<ul><li>x<pre>a\nb</pre></li></ul>", "- x\n\n  ```\n  a\n  b\n  ```");
}
END_TEST

START_TEST(markdown_links_and_images)
{
    CHECK_MD("<p><a href=\"/a (1).html\">doc [v2]</a> <a href=\"javascript:alert(1)\">js</a>"
             " <a href=\"#top\"></a></p>",
             "[doc \\[v2\\]](https://example.org/a%20%281%29.html) js");
    CHECK_MD("<p><img data-src=\"/big.jpg\" src=\"data:image/gif;base64,R0l\" alt=\"A *b*\"></p>",
             "![A \\*b\\*](https://example.org/big.jpg)");
    CHECK_MD("<figure><img src=\"f.png\"><figcaption>The <b>cap</b></figcaption></figure>",
             "![](https://example.org/news/f.png)\n\n_The **cap**_");
    CHECK_MD("<iframe src=\"https://player.vimeo.com/video/1\" title=\"Demo\"></iframe>",
             "[Demo](https://player.vimeo.com/video/1)");
}
END_TEST

/* Caption and credit as sibling spans are separate words in every format;
 * inline markup inside one part, or text between parts, is left as it is. */
START_TEST(caption_parts_are_separate_words)
{
    const char *fig = "<figure><img src=\"f.png\"><figcaption><span>In 1944.</span>"
                      "<span>Credit</span><small>Jo Doe</small></figcaption></figure>";
    CHECK_TEXT(fig, "In 1944. Credit Jo Doe");
    CHECK_MD(fig, "![](https://example.org/news/f.png)\n\n_In 1944. Credit Jo Doe_");
    CHECK_HTML(fig, "<figure>\n<img src=\"https://example.org/news/f.png\"><figcaption>"
                    "In 1944. Credit <small>Jo Doe</small></figcaption>\n</figure>\n");
    CHECK_TEXT("<figure><figcaption>a<span>b</span>c</figcaption></figure>", "abc");
    CHECK_TEXT("<p><span>a</span><span>b</span></p>", "ab");
}
END_TEST

START_TEST(markdown_tables)
{
    CHECK_MD("<table><thead><tr><th>A</th><th>B</th></tr></thead>"
             "<tbody><tr><td>1</td><td>x|y</td></tr></tbody></table>",
             "| A | B |\n| --- | --- |\n| 1 | x\\|y |");
    /* Spans do not fit a pipe table: an HTML table, no blank line inside. */
    CHECK_MD("<table><tr><td colspan=2>wide</td></tr><tr><td>1</td><td>2</td></tr></table>",
             "<table>\n<tbody>\n<tr>\n<td colspan=\"2\">wide</td>\n</tr>\n<tr>\n<td>1</td>\n"
             "<td>2</td>\n</tr>\n</tbody>\n</table>");
    CHECK_MD("<ul><li>x<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table></li></ul>",
             "- x\n\n  <table>\n  <tbody>\n  <tr>\n  <td rowspan=\"2\">a</td>\n  <td>b</td>\n"
             "  </tr>\n  <tr>\n  <td>c</td>\n  </tr>\n  </tbody>\n  </table>");
    CHECK_MD("<table><tr><th>Code</th><th>Link</th></tr><tr><td><pre>a\n  b</pre></td>"
             "<td><a href=\"/q?a|b\">q</a></td></tr></table>",
             "| Code | Link |\n| --- | --- |\n| a b | [q](https://example.org/q?a%7Cb) |");
}
END_TEST

static char *text_at_20(const rm_render_input *in)
{
    return render_text_wrapped(in, 20);
}

START_TEST(wrapping_leaves_code_alone)
{
    check_body(text_at_20, BASE,
               "<p>A paragraph long enough to wrap twice over.</p>"
               "<pre>for (int i = 0; i < 10; i++) { total += i; }\n  second line of the code</pre>"
               "<blockquote><pre>quoted code stays on one line too</pre></blockquote>",
               "A paragraph long\nenough to wrap twice\nover.\n\n"
               "for (int i = 0; i < 10; i++) { total += i; }\n  second line of the code\n\n"
               "> quoted code stays on one line too");
}
END_TEST

START_TEST(markdown_emphasis_round_trips)
{
    /* Delimiters CommonMark would not read as emphasis become inline HTML. */
    CHECK_MD("<p><i>a</i> <i>b</i> and <i>a</i><i>b</i></p>", "*a* *b* and <i>a</i>*b*");
    CHECK_MD("<p>foo<em>_bar_</em> baz</p>", "foo<em>\\_bar\\_</em> baz");
    CHECK_MD("<p>un<em>believ</em>able <b>bold</b>ly</p>", "un*believ*able **bold**ly");
    CHECK_MD("<p><em>\"quoted\"</em> x and <em>end.</em>next</p>",
             "*\"quoted\"* x and <em>end.</em>next");
    CHECK_MD("<p><b><i>both</i></b> and <b>x</b><em>y</em></p>", "***both*** and <b>x</b>*y*");
    CHECK_MD("<p>x<sup>2</sup> H<sub>2</sub>O <del>gone</del></p>", "x<sup>2</sup> H<sub>2</sub>O ~~gone~~");
    CHECK_MD("<p>snake_case and 2*3</p>", "snake_case and 2\\*3");
    CHECK_MD("<p>It is <i><em>what</em> happened</i>, <b>so <strong>bold</strong></b></p>",
             "It is *what happened*, **so bold**");
    /* Headings: a trailing "#" escaped; no marker inside a caption. */
    CHECK_MD("<h3>Part #</h3><figure><figcaption><h4>Credit</h4> text</figcaption></figure>",
             "### Part \\#\n\n_Credit text_");
    /* Captions: "_" where it reads as emphasis, else HTML. */
    CHECK_MD("<figure><figcaption>Photo by A.</figcaption></figure>"
             "<figure><figcaption>\u00a0Acer</figcaption></figure>",
             "_Photo by A._\n\n<em>\u00a0Acer</em>");
    /* Backticks of adjacent code spans would merge: the second is HTML. */
    CHECK_MD("<p><code>a</code><code>b*c</code></p>", "`a`<code>b\\*c</code>");
    /* Code cannot hold links or emphasis: such code is HTML. */
    CHECK_MD("<p><code><b>grep</b> -r</code></p><pre>x <a href=\"/m\">man</a>\n\ny</pre>",
             "<code>**grep** -r</code>\n\n<pre>\nx <a href=\"https://example.org/m\" "
             "rel=\"noopener noreferrer\">man</a>\n\ny</pre>");
    /* Two <br> inside emphasis: one hard break (a blank line would end it). */
    CHECK_MD("<p><i>one<br><br>two</i></p>", "*one\\\ntwo*");
}
END_TEST

START_TEST(markdown_footnotes_and_schemes)
{
    CHECK_MD("<p>Claim.<sup><a id=\"r1\" href=\"#fn1\">1</a></sup> "
             "<a href=\"tel:+44 20 7946 0000\">Call</a> <a href=\"mailto:a@b.example\">mail</a></p>"
             "<ol><li id=\"fn1\">Source. <a href=\"#r1\">back</a></li><li id=\"unused\">x</li></ol>",
             "Claim.<sup><a id=\"r1\"></a>[1](#fn1)</sup> [Call](tel:+44%2020%207946%200000) "
             "[mail](mailto:a@b.example)\n\n1. <a id=\"fn1\"></a>Source. [back](#r1)\n2. x");
    /* Reader HTML keeps the ids article links point at, and only those. */
    CHECK_HTML("<p>Claim.<sup><a id=\"r1\" href=\"#fn1\">1</a></sup></p>"
               "<ol><li id=\"fn1\">Source. <a href=\"#r1\">back</a></li><li id=\"unused\">x</li></ol>",
               "<p>Claim.<sup><a id=\"r1\" href=\"#fn1\" rel=\"noopener noreferrer\">1</a></sup></p>\n"
               "<ol>\n<li id=\"fn1\">Source. <a href=\"#r1\" rel=\"noopener noreferrer\">back</a></li>\n"
               "<li>x</li>\n</ol>\n");
    CHECK_MD("<p><a href=\"https:\\\\example.com\\x\">bs</a></p>", "[bs](https://example.com/x)");
}
END_TEST

START_TEST(markdown_markup_around_blocks)
{
    /* A link or emphasis around blocks is one inline element in the reader
     * HTML, its blocks laid out as one run of words; the Markdown writes
     * the same run once inside the link or emphasis, never once per block. */
    CHECK_MD("<a href=\"/card\"><div><span>Card text</span></div></a>"
             "<a href=\"/pic\"><div><img src=\"/p.jpg\" alt=\"P\"></div></a>"
             "<a href=\"/two\"><div><p>one</p><p>two</p></div></a>",
             "[Card text](https://example.org/card) [![P](https://example.org/p.jpg)](https://example.org/pic) "
             "[one two](https://example.org/two)");
    CHECK_HTML("<a href=\"/c\"><div><img src=\"/i.jpg\" alt=\"I\"><h3>Title</h3><ul><li>point</li></ul></div></a>",
               "<p><a href=\"https://example.org/c\" rel=\"noopener noreferrer\"> "
               "<img src=\"https://example.org/i.jpg\" alt=\"I\"> Title point</a></p>\n");
    CHECK_MD("<a href=\"/c\"><div><img src=\"/i.jpg\" alt=\"I\"><h3>Title</h3><ul><li>point</li></ul></div></a>",
             "[![I](https://example.org/i.jpg) Title point](https://example.org/c)");
    CHECK_HTML("<div><b><p>one two</p><p>three</p></b></div>", "<p><b> one two three</b></p>\n");
    CHECK_MD("<div><b><p>one two</p><p>three</p></b></div>", "**one two three**");
    CHECK_MD("<p>Before.</p><em><ul><li>a</li><li>b</li></ul></em><p>After.</p>", "Before.\n\n*a b*\n\nAfter.");
    /* Without a safe target the link is not written, and its blocks keep their layout. */
    CHECK_MD("<a href=\"javascript:x()\"><h3>Title</h3><p>Text</p></a>", "### Title\n\nText");
}
END_TEST

START_TEST(markdown_escaping)
{
    CHECK_MD("<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>&gt; nor a quote</p>",
             "\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\n\\> nor a quote");
    CHECK_MD("<p>a *star* _under_ snake_case [link] `tick` &lt;tag&gt; AT&amp;T &amp;amp; 5 > 3</p>",
             "a \\*star\\* \\_under\\_ snake_case \\[link\\] \\`tick\\` \\<tag> AT\\&T \\&amp; 5 > 3");
    CHECK_MD("<p>Wow!<a href=\"/x\">link</a></p>", "Wow\\![link](https://example.org/x)");
    CHECK_MD("<table><tr><th>op</th></tr><tr><td><code>a|b</code></td></tr></table><p><code>a|b</code></p>",
             "| op |\n| --- |\n| `a\\|b` |\n\n`a|b`");
    CHECK_MD("<p>back\\slash ~~strike~~ 2 ~ 3 #:~:text=a~b</p>",
             "back\\\\slash \\~\\~strike\\~\\~ 2 \\~ 3 #:\\~:text=a\\~b");
}
END_TEST

START_TEST(blocks_keep_their_lines)
{
    /* A card's price in a <div> after its link: the browser shows it on a
     * line of its own, so the reader HTML must not run "Boots$134" together. */
    CHECK_HTML("<ul><li><a href=\"/p\">Boots</a><div><span>$134</span><div>Save 25%</div>"
               "<span>was $180</span></div></li></ul>",
               "<ul>\n<li><a href=\"https://example.org/p\" rel=\"noopener noreferrer\">Boots</a>"
               "<p>$134</p>\n<p>Save 25%</p>\nwas $180</li>\n</ul>\n");
    CHECK_TEXT("<ul><li><a href=\"/p\">Boots</a><div><span>$134</span><div>Save 25%</div>"
               "<span>was $180</span></div></li></ul>",
               "- Boots\n\n  $134\n\n  Save 25%\n\n  was $180");
    /* A list item's first words stay bare; later blocks keep their lines. */
    CHECK_HTML("<ul><li>one <b>two</b><ul><li>deep</li></ul></li></ul>",
               "<ul>\n<li>one <b>two</b><ul>\n<li>deep</li>\n</ul>\n</li>\n</ul>\n");
    /* At the top level, the words after an unwritten block start a paragraph. */
    CHECK_HTML("<div>a<div>b</div>c</div>d", "<p>a</p>\n<p>b</p>\n<p>c</p>\n<p>d</p>\n");
    /* A code viewer's one <div> per line: lines in pre, never blank ones. */
    const char *viewer = "<pre><code><div>{</div><div>  <span>\"a\"</span>: 1</div><div>}</div></code></pre>";
    CHECK_HTML(viewer, "<pre>\n<code>{\n  &quot;a&quot;: 1\n}</code></pre>\n");
    CHECK_MD(viewer, "```\n{\n  \"a\": 1\n}\n```");
    CHECK_TEXT(viewer, "{\n  \"a\": 1\n}");
}
END_TEST

START_TEST(markdown_edges_read_back)
{
    /* Emphasis ending in a no-break space cannot close in CommonMark: HTML.
     * An empty <em> or a <br> at the edge writes no markup of its own. */
    CHECK_MD("<h2><strong>Techniques\u00a0<em><br></em></strong></h2>",
             "## <strong>Techniques\u00a0</strong>");
    CHECK_MD("<p><b>bold<br></b>next and <b><em></em>word</b></p>", "**bold**\\\nnext and **word**");
    /* "&amp;" in a URL is what the page links to: written as a reference,
     * so a Markdown reader does not decode it to "&". */
    CHECK_MD("<p><a href=\"/q?a=1&amp;amp;b=2&amp;c\">x</a></p>",
             "[x](https://example.org/q?a=1&amp;amp;b=2&c)");
    /* A number from one element and "." from the next still open a list. */
    CHECK_MD("<p><span>1</span>. Total</p><p><span>12</span><span>)</span> b</p>"
             "<p><b>1</b>. bold</p>",
             "1\\. Total\n\n12\\) b\n\n**1**. bold");
    /* A code span cannot hold a line break: code around a <br> (old
     * forums set whole posts in <tt>) is written as text with hard breaks. */
    CHECK_MD("<p><tt>one line.<br>The next</tt> and <code>x</code></p>",
             "one line.\\\nThe next and `x`");
}
END_TEST

/* What the extractor asks before it settles on a choice: would the roots
 * show any text? Hidden parts, controls and dropped nodes show none. */
START_TEST(shows_text_as_rendered)
{
    doc d;
    doc_parse(&d, "<div id=a><button>Sign up</button><span hidden>later</span>"
                  "<select><option>One</option></select></div>"
                  "<div id=b><p aria-hidden=true>icon</p><p id=c>Words</p></div>"
                  "<div id=e hidden>Streamed text</div>");
    int32_t a = doc_find(&d, "a"), b = doc_find(&d, "b"), e = doc_find(&d, "e");
    rm_render_input in = {&d.dom, d.drop, &a, 1, NULL, NULL, NULL, NULL};
    ck_assert_int_eq(render_shows_text(&in), 0);
    in.roots = &b;
    ck_assert_int_eq(render_shows_text(&in), 1);
    d.drop[doc_find(&d, "c")] = 1;   /* the only shown words removed */
    ck_assert_int_eq(render_shows_text(&in), 0);
    int32_t both[] = {a, e};   /* a chosen root shows even when hidden */
    in.roots = both;
    in.root_count = 2;
    ck_assert_int_eq(render_shows_text(&in), 1);
    doc_free(&d);
}
END_TEST

/* ---- HTML ---- */

START_TEST(html_structure)
{
    CHECK_HTML("<article><h1 class=\"t\" id=\"x\">Title</h1><section><p style=\"color:red\">"
               "One <span>two</span></p></section><div>Inline <b>only</b></div>"
               "<div><p>para</p></div></article>",
               "<h1>Title</h1>\n<p>One two</p>\n<p>Inline <b>only</b></p>\n<p>para</p>\n");
    CHECK_HTML("<ul><li>a</li><li>b<ol start=\"3\"><li>c</li></ol></li></ul>",
               "<ul>\n<li>a</li>\n<li>b<ol start=\"3\">\n<li>c</li>\n</ol>\n</li>\n</ul>\n");
    CHECK_HTML("Loose <em>text</em><p>para</p>tail", "<p>Loose <em>text</em></p>\n<p>para</p>\n<p>tail</p>\n");
    CHECK_HTML("<p></p><div> </div><p>x<br>y</p>", "<p>x<br>\ny</p>\n");
}
END_TEST

START_TEST(html_pre_and_tables)
{
    CHECK_HTML("<pre>\n\na &lt; b\n  c</pre>", "<pre>\n\na &lt; b\n  c</pre>\n");
    CHECK_HTML("<table><tr><th colspan=\"2\" class=\"c\">H</th></tr>"
               "<tr><td rowspan=\"x\">1</td><td></td></tr></table>",
               "<table>\n<tbody>\n<tr>\n<th colspan=\"2\">H</th>\n</tr>\n<tr>\n<td>1</td>\n"
               "<td></td>\n</tr>\n</tbody>\n</table>\n");
}
END_TEST

START_TEST(html_strips_scripts)
{
    CHECK_HTML("<p>a<script>evil()</script><script src=\"x.js\"></script>"
               "<noscript><script>x()</script></noscript>b</p>",
               "<p>ab</p>\n");
}
END_TEST

START_TEST(html_strips_event_handlers)
{
    CHECK_HTML("<p onclick=\"evil()\" onmouseover=\"x()\">a <b onload=\"y()\">b</b></p>"
               "<p><img src=\"i.png\" onerror=\"evil()\"></p>",
               "<p>a <b>b</b></p>\n<p><img src=\"https://example.org/news/i.png\"></p>\n");
}
END_TEST

START_TEST(html_drops_javascript_links)
{
    CHECK_HTML("<p><a href=\"javascript:evil()\">one</a> <a href=\" JaVa\nScRiPt:evil()\">two</a>"
               " <a href=\"vbscript:x\">three</a> <a href=\"data:text/html,<script>x</script>\">four</a>"
               " <img src=\"javascript:x()\"></p>",
               "<p>one two three four</p>\n");
}
END_TEST

START_TEST(html_strips_style_and_other_attributes)
{
    CHECK_HTML("<style>p{color:red}</style><p style=\"color:red\" class=\"c\" id=\"i\" "
               "data-x=\"1\" lang=\"en\"><span style=\"font-weight:bold\">a</span></p>",
               "<p>a</p>\n");
}
END_TEST

START_TEST(html_drops_iframes_and_plugins)
{
    CHECK_HTML("<p>a<iframe src=\"https://ads.example/x\"></iframe><iframe srcdoc=\"<p>x</p>\"></iframe>"
               "<object data=\"x.swf\"><p>fallback</p></object><embed src=\"x.swf\"></p>",
               "<p>a</p>\n");
}
END_TEST

START_TEST(html_keeps_video_embeds_as_links)
{
    CHECK_HTML("<iframe src=\"//www.youtube.com/embed/abc\" width=560></iframe>"
               "<iframe src=\"https://notyoutube.com/embed/abc\"></iframe>",
               "<p><a href=\"https://www.youtube.com/embed/abc\" rel=\"noopener noreferrer\">"
               "Video</a></p>\n");
    CHECK_HTML("<video controls><source src=\"/v.mp4\">Your browser cannot play this.</video>",
               "<p><a href=\"https://example.org/v.mp4\" rel=\"noopener noreferrer\">Video</a></p>\n");
}
END_TEST

/* A card's thumbnail link that wraps its video: links do not nest, so the
 * video is the link's title only (the Markdown writer does the same). */
START_TEST(html_video_inside_a_link_is_its_title)
{
    CHECK_HTML("<p><a href=\"/v.mp4\"><video><source src=\"/v.mp4\"></video></a></p>",
               "<p><a href=\"https://example.org/v.mp4\" rel=\"noopener noreferrer\">Video</a></p>\n");
    CHECK_MD("<p><a href=\"/v.mp4\"><video><source src=\"/v.mp4\"></video></a></p>",
             "[Video](https://example.org/v.mp4)");
    CHECK_MD("<p><a href=\"/p\"><img src=\"/i.png\" alt=\"A cat\"></a></p>",
             "[![A cat](https://example.org/i.png)](https://example.org/p)");
}
END_TEST

START_TEST(html_drops_forms_and_head_elements)
{
    CHECK_HTML("<form action=\"/post\"><p>Name <input name=n> <button>Go</button></p>"
               "<select><option>o</option></select><textarea>t</textarea></form>"
               "<base href=\"https://evil/\"><meta charset=utf-8>"
               "<link rel=stylesheet href=x.css><template><p>t</p></template>",
               "<p>Name</p>\n");
}
END_TEST

START_TEST(html_escapes_text_and_attributes)
{
    CHECK_HTML("<p title=\"t\">&lt;b&gt; &amp; \"q\"</p>"
               "<p><img src=\"/i.png\" alt='say \"hi\" &amp; &lt;x&gt;' width=\"10\" height=\"5px\"></p>"
               "<p><abbr title='a \"b\"' class=c>AB</abbr> <time datetime=\"2024-01-02\">Jan</time></p>",
               "<p>&lt;b&gt; &amp; &quot;q&quot;</p>\n"
               "<p><img src=\"https://example.org/i.png\" alt=\"say &quot;hi&quot; &amp; &lt;x&gt;\""
               " width=\"10\"></p>\n"
               "<p><abbr title=\"a &quot;b&quot;\">AB</abbr> <time datetime=\"2024-01-02\">Jan</time></p>\n");
}
END_TEST

/* A long text node: after its first word the renderers copy the rest in
 * one pass (white-space runs as one space, escapes, U+00A0 in plain
 * text), growing the output as they go, and white space at its end is
 * owed to what follows. */
START_TEST(long_text_nodes_collapse_and_escape)
{
    enum { UNITS = 3000 };
    static const char unit[] = "x&amp;y &lt;z&gt;\t\n \"q\"&nbsp;r  ";
    static const char html_unit[] = "x&amp;y &lt;z&gt; &quot;q&quot;\xC2\xA0r";
    static const char text_unit[] = "x&y <z> \"q\" r";
    char *page = malloc(UNITS * sizeof unit + 64), *html = malloc(UNITS * sizeof html_unit + 64),
         *text = malloc(UNITS * sizeof text_unit + 64);
    ck_assert(page && html && text);
    char *p = page + sprintf(page, "<p>  "), *h = html + sprintf(html, "<p>"), *t = text;
    for (int i = 0; i < UNITS; i++) {
        p += sprintf(p, "%s", unit);
        h += sprintf(h, "%s%s", i ? " " : "", html_unit);
        t += sprintf(t, "%s%s", i ? " " : "", text_unit);
    }
    sprintf(p, "<em>e</em></p>");
    sprintf(h, " <em>e</em></p>\n");
    sprintf(t, " e");
    CHECK_HTML(page, html);
    CHECK_TEXT(page, text);
    free(page);
    free(html);
    free(text);
}
END_TEST

/* The copy loop takes runs of plain prose a block of sixteen bytes at a
 * time: a byte it must stop at (white space, a double space, an escape,
 * U+00A0) at any offset of a block, or a single space ending one, gives
 * what the byte loop gives: white-space runs as one space, escapes in
 * HTML, U+00A0 a space in plain text. The expected output is worked out
 * here byte by byte. */
typedef struct {
    const char *source;    /* as written in the markup */
    const char *decoded;   /* as the text node holds it */
} inserted;

/* Collapse white-space runs of `s` into `out`, escaping for HTML or
 * turning U+00A0 into a space for plain text. */
static void expected_copy(const char *s, bool html, char *out)
{
    bool space = false, started = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            space = started;
            continue;
        }
        if (space)
            *out++ = ' ';
        space = false;
        started = true;
        const char *escaped = !html ? NULL : *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
                              : *p == '"' ? "&quot;" : NULL;
        if (escaped) {
            out += sprintf(out, "%s", escaped);
        } else if (!html && p[0] == 0xC2 && p[1] == 0xA0) {
            *out++ = ' ';
            p++;
        } else {
            *out++ = (char)*p;
        }
    }
    *out = '\0';
}

START_TEST(block_copy_stops_where_the_byte_loop_does)
{
    static const char prose[] = "Engineers will report in the spring after the river was surveyed.";
    static const inserted kinds[] = {
        {"  ", "  "}, {" ", " "}, {"\n", "\n"}, {"\t \t", "\t \t"}, {"&amp;", "&"}, {"&lt;", "<"},
        {"&gt;", ">"}, {"&quot;", "\""}, {"x&nbsp;y", "x\xC2\xA0y"}, {"\xC3\xA9", "\xC3\xA9"},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        for (size_t at = 1; at + 1 < sizeof prose - 1; at++) {
            char source[256], decoded[256], want[512], page[300], html[600];
            snprintf(source, sizeof source, "<p>%.*s%s%s</p>", (int)at, prose, kinds[k].source, prose + at);
            snprintf(decoded, sizeof decoded, "%.*s%s%s", (int)at, prose, kinds[k].decoded, prose + at);
            snprintf(page, sizeof page, "%s", source);
            expected_copy(decoded, false, want);
            CHECK_TEXT(page, want);
            expected_copy(decoded, true, want);
            snprintf(html, sizeof html, "<p>%s</p>\n", want);
            CHECK_HTML(page, html);
        }
    }
}
END_TEST

/* A scan made once by the caller (rm_render_input.scan) gives every
 * renderer the output it makes with its own. */
START_TEST(shared_scan_renders_the_same)
{
    doc d;
    doc_parse(&d, "<div id=r><p>One <b>two</b>&nbsp;three</p><p hidden>gone</p>"
                  "<div><img data-src=\"a.jpg\"><noscript><img src=\"a.jpg\"></noscript></div>"
                  "<ul><li>x<li>y</ul><pre>code\n  here</pre><table><tr><td>c</td></tr></table>"
                  "<p style=\"display: none\">off</p><p id=x>dropped</p></div>");
    int32_t root = doc_find(&d, "r");
    d.drop[doc_find(&d, "x")] = 1;
    rm_render_input in = {&d.dom, d.drop, &root, 1, "https://example.org/", NULL, NULL, NULL};
    render_fn fns[] = {render_text, render_html, render_markdown};
    uint8_t *scan = render_scan(&in);
    ck_assert_ptr_nonnull(scan);
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        in.scan = NULL;
        char *own = fns[i](&in);
        in.scan = scan;
        char *shared = fns[i](&in);
        ck_assert_ptr_nonnull(own);
        ck_assert_ptr_nonnull(shared);
        ck_assert_str_eq(shared, own);
        ck_assert_ptr_null(strstr(own, "gone"));
        free(own);
        free(shared);
    }
    free(scan);
    doc_free(&d);
}
END_TEST

START_TEST(html_links_resolve_against_base)
{
    CHECK_HTML("<p><a href=\"/about\" target=_blank>About</a> <a href=\"https://other.org/x\">x</a>"
               " <a href=\"mailto:a@b.c\">mail</a> <a name=\"anchor\">plain</a></p>",
               "<p><a href=\"https://example.org/about\" rel=\"noopener noreferrer\">About</a> "
               "<a href=\"https://other.org/x\" rel=\"noopener noreferrer\">x</a> "
               "<a href=\"mailto:a@b.c\" rel=\"noopener noreferrer\">mail</a> plain</p>\n");
}
END_TEST

START_TEST(html_lazy_images)
{
    CHECK_HTML("<p><img src=\"placeholder.gif\" data-src=\"real.jpg\"></p>",
               "<p><img src=\"https://example.org/news/real.jpg\"></p>\n");
    CHECK_HTML("<p><img src=\"s.jpg\" srcset=\"s.jpg 300w, /l.jpg 1200w, m.jpg 600w\"></p>",
               "<p><img src=\"https://example.org/l.jpg\"></p>\n");
    CHECK_HTML("<p><img data-srcset=\"a.jpg 1x, b.jpg 2x\" src=\"p.gif\"></p>",
               "<p><img src=\"https://example.org/news/b.jpg\"></p>\n");
    /* descriptors as strtod reads them: decimals, exponents, hex */
    CHECK_HTML("<p><img srcset=\"a.jpg 1.25x, b.jpg 1.5x, c.jpg 1.4x\"></p>",
               "<p><img src=\"https://example.org/news/b.jpg\"></p>\n");
    CHECK_HTML("<p><img srcset=\"a.jpg 9x, b.jpg 1e1x, c.jpg 0x10x\"></p>",
               "<p><img src=\"https://example.org/news/c.jpg\"></p>\n");
    CHECK_HTML("<p><img srcset=\"a.jpg 300w, b.jpg 1234567890123456789w, c.jpg 999w\"></p>",
               "<p><img src=\"https://example.org/news/b.jpg\"></p>\n");
    CHECK_HTML("<picture><source srcset=\"w.webp\"><img src=\"p.jpg\" alt=\"P\"></picture>",
               "<p><img src=\"https://example.org/news/p.jpg\" alt=\"P\"></p>\n");
}
END_TEST

START_TEST(html_noscript_image_fallback)
{
    CHECK_HTML("<p>a<noscript><img src=\"x.jpg\"> Enable JavaScript</noscript></p>",
               "<p>a<img src=\"https://example.org/news/x.jpg\"></p>\n");
    CHECK_HTML("<div><img data-src=\"y.jpg\"><noscript><img src=\"y.jpg\"></noscript></div>",
               "<p><img src=\"https://example.org/news/y.jpg\"></p>\n");
    CHECK_HTML("<p>a<noscript>Enable JavaScript</noscript></p>", "<p>a</p>\n");
    CHECK_HTML("<p><img src=\"blur.jpg?q=20\"><noscript><img src=\"full.jpg\"></noscript>"
               "<img src=\"other.jpg\"></p>",
               "<p><img src=\"https://example.org/news/full.jpg\">"
               "<img src=\"https://example.org/news/other.jpg\"></p>\n");
    CHECK_HTML("<figure><div><span><img src=\"blur.jpg\"></span><img width=\"9\">"
               "<noscript><img src=\"full.jpg\"></noscript></div><figcaption>c</figcaption></figure>",
               "<figure>\n<p><img src=\"https://example.org/news/full.jpg\"></p>\n"
               "<figcaption>c</figcaption>\n</figure>\n");
}
END_TEST

START_TEST(html_skips_pixels_and_bad_data)
{
    CHECK_HTML("<p>x<img src=\"t.gif\" width=\"1\" height=\"1\">"
               "<img src=\"data:text/html,<script>x</script>\">"
               "<img src=\"data:image/svg+xml,<svg onload=x()>\">"
               "<img src=\"data:image/png;base64,iVBO\"></p>",
               "<p>x<img src=\"data:image/png;base64,iVBO\"></p>\n");
}
END_TEST

START_TEST(html_hidden_elements)
{
    CHECK_HTML("<p>a</p><div hidden><p>h</p></div><p aria-hidden=true>h</p>"
               "<p style=\"display:none\">h</p><dialog><p>modal</p></dialog>",
               "<p>a</p>\n");
}
END_TEST

/* ---- text_wrap ---- */

START_TEST(wrap_english)
{
    check_wrap("The quick brown fox jumps over the lazy dog.\n\nShort.", 16,
               "The quick brown\nfox jumps over\nthe lazy dog.\n\nShort.");
    check_wrap("unchanged", 0, "unchanged");
}
END_TEST

START_TEST(wrap_cjk_counts_two_columns)
{
    /* 10 ideographs = 20 columns: width 8 takes four per line. */
    check_wrap("一二三四五六七八九十", 8, "一二三四\n五六七八\n九十");
}
END_TEST

START_TEST(wrap_list_and_quote_continuations)
{
    check_wrap("- alpha beta gamma delta", 12, "- alpha beta\n  gamma\n  delta");
    check_wrap("  10. one two three four", 14, "  10. one two\n      three\n      four");
    check_wrap("> > quoted words here now", 14, "> > quoted\n> > words here\n> > now");
    check_wrap("    code(a, b) + more(c)", 16, "    code(a, b) +\n    more(c)");
}
END_TEST

/* ---- robustness ---- */

START_TEST(deep_nesting_renders)
{
    enum { DEPTH = 20000 };
    size_t cap = DEPTH * 11 + 64;
    char *html = malloc(cap);
    ck_assert_ptr_nonnull(html);
    size_t n = 0;
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(html + n, cap - n, i % 2 ? "<div>" : "<blockquote>");
    n += (size_t)snprintf(html + n, cap - n, "bottom");
    html[n] = '\0';
    doc d;
    doc_parse(&d, html);
    render_fn fns[] = {render_text, render_markdown, render_html};
    for (size_t i = 0; i < 3; i++) {
        char *out = doc_render(&d, fns[i], &d.dom.body, 1, NULL);
        ck_assert_ptr_nonnull(strstr(out, "bottom"));
        free(out);
    }
    doc_free(&d);
    free(html);
}
END_TEST

static Suite *render_suite(void)
{
    Suite *s = suite_create("render");
    TCase *text = tcase_create("text");
    tcase_add_test(text, text_paragraphs_and_blank_lines);
    tcase_add_test(text, text_whitespace_collapses);
    tcase_add_test(text, text_line_breaks);
    tcase_add_test(text, text_nested_lists);
    tcase_add_test(text, text_blockquote);
    tcase_add_test(text, text_pre_verbatim);
    tcase_add_test(text, text_tables);
    tcase_add_test(text, text_headings);
    tcase_add_test(text, text_links_render_their_text);
    tcase_add_test(text, text_images_render_nothing);
    tcase_add_test(text, text_dropped_subtrees_and_roots);
    tcase_add_test(text, text_hidden_and_never_rendered);
    suite_add_tcase(s, text);

    TCase *md = tcase_create("markdown");
    tcase_add_test(md, markdown_blocks);
    tcase_add_test(md, markdown_inline_markup_edges);
    tcase_add_test(md, markdown_code_fences);
    tcase_add_test(md, markdown_links_and_images);
    tcase_add_test(md, markdown_tables);
    tcase_add_test(md, caption_parts_are_separate_words);
    tcase_add_test(md, markdown_escaping);
    tcase_add_test(md, markdown_emphasis_round_trips);
    tcase_add_test(md, wrapping_leaves_code_alone);
    tcase_add_test(md, markdown_footnotes_and_schemes);
    tcase_add_test(md, markdown_markup_around_blocks);
    tcase_add_test(md, markdown_edges_read_back);
    tcase_add_test(md, blocks_keep_their_lines);
    tcase_add_test(md, shows_text_as_rendered);
    suite_add_tcase(s, md);

    TCase *html = tcase_create("html");
    tcase_add_test(html, html_structure);
    tcase_add_test(html, html_pre_and_tables);
    tcase_add_test(html, html_strips_scripts);
    tcase_add_test(html, html_strips_event_handlers);
    tcase_add_test(html, html_drops_javascript_links);
    tcase_add_test(html, html_strips_style_and_other_attributes);
    tcase_add_test(html, html_drops_iframes_and_plugins);
    tcase_add_test(html, html_keeps_video_embeds_as_links);
    tcase_add_test(html, html_video_inside_a_link_is_its_title);
    tcase_add_test(html, html_drops_forms_and_head_elements);
    tcase_add_test(html, html_escapes_text_and_attributes);
    tcase_add_test(html, long_text_nodes_collapse_and_escape);
    tcase_add_test(html, block_copy_stops_where_the_byte_loop_does);
    tcase_add_test(html, shared_scan_renders_the_same);
    tcase_add_test(html, html_links_resolve_against_base);
    tcase_add_test(html, html_lazy_images);
    tcase_add_test(html, html_noscript_image_fallback);
    tcase_add_test(html, html_skips_pixels_and_bad_data);
    tcase_add_test(html, html_hidden_elements);
    suite_add_tcase(s, html);

    TCase *wrap = tcase_create("wrap");
    tcase_add_test(wrap, wrap_english);
    tcase_add_test(wrap, wrap_cjk_counts_two_columns);
    tcase_add_test(wrap, wrap_list_and_quote_continuations);
    suite_add_tcase(s, wrap);

    /* Gumbo itself parses deep nesting in quadratic time: seconds here. */
    TCase *robust = tcase_create("robustness");
    tcase_set_timeout(robust, 120);
    tcase_add_test(robust, deep_nesting_renders);
    suite_add_tcase(s, robust);
    return s;
}

RM_TEST_MAIN(render_suite)
