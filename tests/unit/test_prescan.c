/*
 * test_prescan.c — the pass over the markup before Gumbo: the nesting-depth
 * cap, the attribute caps, and what it strips (script, style, SVG,
 * template, comments, unread attributes) without changing what is read.
 */
#include "dom.h"
#include "prescan.h"
#include "readmode.h"
#include "testutil.h"

#include <dirent.h>
#include <regex.h>

/* Slack between the cap and Gumbo's depth: elements the model cannot cut
 * because they hold no elements (raw text, void). */
#define SLACK 2

static char *limited;
static size_t limited_len;
static prescan_output last;

static void teardown(void)
{
    free(limited);
    limited = NULL;
    prescan_free(&last);
}

/* Only the nesting cap: returns 1 when the input is left as it is, 0 when
 * it was rewritten (into `limited`). */
static int limit(const char *html, unsigned max_depth)
{
    free(limited);
    limited = NULL;
    const prescan_limits limits = {.max_depth = max_depth};
    prescan_output out;
    ck_assert_int_eq(prescan(html, strlen(html), &limits, &out), 0);
    limited = out.html;
    limited_len = out.len;
    out.html = NULL;
    prescan_free(&out);
    if (limited)
        ck_assert_uint_eq(strlen(limited), limited_len);
    return limited == NULL;
}

/* What extraction runs: every cap and stripping; returns the markup Gumbo
 * gets (the input itself when unchanged). */
static const char *prescanned(const char *html)
{
    prescan_free(&last);
    const prescan_limits limits = {512, RM_MAX_ATTRIBUTES, RM_MAX_ATTRIBUTE_BYTES, true, false, false};
    ck_assert_int_eq(prescan(html, strlen(html), &limits, &last), 0);
    return last.html ? last.html : html;
}

typedef struct {
    uint32_t max_depth;      /* html = 1, body = 2, as max_depth counts */
    size_t text_bytes;       /* all text node bytes */
} tree_facts;

static tree_facts parse_facts(const char *html, size_t len)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    rm_dom dom;
    ck_assert_int_eq(dom_build(&dom, g, NULL), 0);
    tree_facts facts = {0, 0};
    for (int32_t i = 0; i < dom.count; i++) {
        if (dom.nodes[i].type == RM_NODE_ELEMENT && dom.nodes[i].depth + 1 > facts.max_depth)
            facts.max_depth = dom.nodes[i].depth + 1;
        const char *text = dom_text(&dom, i);
        facts.text_bytes += text ? strlen(text) : 0;
    }
    dom_free(&dom);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return facts;
}

/* "<open>w " repeated, then the closes: each level holds two bytes of text. */
static char *nested(const char *open, const char *close, size_t levels)
{
    size_t o = strlen(open), c = strlen(close);
    char *html = malloc(levels * (o + c + 2) + 1), *p = html;
    ck_assert_ptr_nonnull(html);
    for (size_t i = 0; i < levels; i++) {
        memcpy(p, open, o);
        memcpy(p + o, "w ", 2);
        p += o + 2;
    }
    for (size_t i = 0; i < levels; i++, p += c)
        memcpy(p, close, c);
    *p = '\0';
    return html;
}

START_TEST(hundred_thousand_divs_are_flattened)
{
    const size_t levels = 100000;
    char *html = nested("<div>", "</div>", levels);
    ck_assert_int_eq(limit(html, 512), 0);
    tree_facts facts = parse_facts(limited, limited_len);
    ck_assert_uint_le(facts.max_depth, 512 + SLACK);
    ck_assert_uint_ge(facts.max_depth, 512 - SLACK);
    ck_assert_uint_eq(facts.text_bytes, 2 * levels);
    free(html);
}
END_TEST

START_TEST(nested_inline_tags_are_flattened)
{
    /* Unclosed <a> inside formatting elements: Gumbo's adoption agency
     * closes each <a> but reopens <b><i> inside, so the tree still grows. */
    char *html = nested("<b><i><span><a href=\"/x\">", "</a></span></i></b>", 2000);
    ck_assert_int_eq(limit(html, 100), 0);
    tree_facts facts = parse_facts(limited, limited_len);
    ck_assert_uint_le(facts.max_depth, 100 + SLACK);
    ck_assert_uint_eq(facts.text_bytes, 2 * 2000);
    free(html);
}
END_TEST

START_TEST(unclosed_paragraphs_and_items_do_not_nest)
{
    /* Gumbo closes each <p> and <li> at the next one: depth stays flat,
     * so nothing may be cut even with a tight cap. */
    char *paragraphs = nested("<p>", "", 5000);
    ck_assert_int_eq(limit(paragraphs, 4), 1);
    char *items = nested("<li><b>x</b>", "", 5000);
    ck_assert_int_eq(limit(items, 4), 1);
    char *anchors = nested("<a name=x>", "", 5000);
    ck_assert_int_eq(limit(anchors, 4), 1);
    free(anchors);
    free(paragraphs);
    free(items);
}
END_TEST

START_TEST(implied_table_parts_are_counted)
{
    /* Gumbo adds <tbody> and <tr>: html body table tbody tr td = 6. */
    ck_assert_int_eq(limit("<table><td>x</table>", 6), 1);
    ck_assert_int_eq(limit("<table><td>x</table>", 5), 0);
    ck_assert_str_eq(limited, "<table>x</table>");
}
END_TEST

START_TEST(cut_tags_and_their_end_tags)
{
    /* html, body, then one more level allowed */
    ck_assert_int_eq(limit("<div id=a><div id=b>x<span>y</span></div>z</div>", 3), 0);
    ck_assert_str_eq(limited, "<div id=a>xyz</div>");
}
END_TEST

START_TEST(markup_in_script_and_attributes_is_not_counted)
{
    static const char page[] =
        "<div title='<div><div><div>' data-x=\"a>b<div>\">"
        "<script>if (a<b) document.write(\"<div><div><div>\")</script>"
        "<style>p>a{}</style><textarea><div><div></textarea>"
        "<!-- <div><div><div> --><![CDATA[<div>]]>"
        "<p>1 < 2 <img src=x alt='>'><br/></p></div>";
    /* html body div p = 4 */
    ck_assert_int_eq(limit(page, 4), 1);
    ck_assert_int_eq(limit(page, 3), 0);
    ck_assert_ptr_nonnull(strstr(limited, "document.write(\"<div><div><div>\")"));
    ck_assert_ptr_nonnull(strstr(limited, "<textarea><div><div></textarea>"));
    ck_assert_ptr_null(strstr(limited, "<p>"));
    ck_assert_ptr_null(strstr(limited, "</p>"));
}
END_TEST

START_TEST(svg_self_closing_does_not_nest)
{
    static const char page[] = "<div><svg><path d='M0'/><g/><circle/></svg></div>";
    ck_assert_int_eq(limit(page, 5), 1);   /* html body div svg path */
    /* in HTML, <div/> is just <div>: it nests */
    ck_assert_int_eq(limit("<div/><div/><div/>x", 4), 0);
}
END_TEST

START_TEST(end_tags_pop_to_their_element)
{
    /* </div> also closes the unclosed <b>, so the next <div> is at 3 */
    static const char page[] = "<div><b>x</div><div>y</div><div>z</div>";
    ck_assert_int_eq(limit(page, 4), 1);
    ck_assert_int_eq(limit("<div><span></p></b>x</span></div>", 4), 1);
}
END_TEST

START_TEST(unterminated_constructs)
{
    ck_assert_int_eq(limit("<div><!-- never closed <div><div>", 3), 1);
    ck_assert_int_eq(limit("<div><script>never closed <div><div>", 3), 1);
    ck_assert_int_eq(limit("<div title='never closed", 3), 1);
    ck_assert_int_eq(limit("", 3), 1);
    ck_assert_int_eq(limit("<", 3), 1);
    ck_assert_int_eq(limit("</", 3), 1);
}
END_TEST

START_TEST(normal_page_untouched)
{
    static const char page[] =
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>T</title></head>"
        "<body><header><nav><ul><li><a href=/>Home</a><li><a href=/a>A</a></ul></nav></header>"
        "<main><article><h1>Title</h1><p>One<p>Two <em>three</em>"
        "<table><tr><td>c<td>d</table></article></main></body></html>";
    ck_assert_int_eq(limit(page, 512), 1);
}
END_TEST

START_TEST(corpus_pages_untouched)
{
    const char *shared = tu_env("RM_SHARED", NULL);
    char dir_path[4096];
    snprintf(dir_path, sizeof dir_path, "%s/corpus/readability", shared ? shared : "");
    DIR *dir = shared ? opendir(dir_path) : NULL;
    if (!dir) {
        fprintf(stderr, "corpus_pages_untouched: SKIPPED, %s not found\n", dir_path);
        return;
    }
    size_t pages = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        char path[8192];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s/source.html", dir_path, e->d_name);
        char *html = e->d_name[0] == '.' ? NULL : tu_read_file(path, &len);
        if (!html)
            continue;
        const prescan_limits limits = {512, RM_MAX_ATTRIBUTES, RM_MAX_ATTRIBUTE_BYTES, false, false, false};
        prescan_output out;
        ck_assert_int_eq(prescan(html, len, &limits, &out), 0);
        ck_assert_msg(out.html == NULL, "%s was changed", path);
        prescan_free(&out);
        free(html);
        pages++;
    }
    closedir(dir);
    ck_assert_uint_gt(pages, 0);
}
END_TEST


START_TEST(indentation_keeps_its_first_character)
{
    ck_assert_str_eq(prescanned("<ul>\n    <li>a</li>\n\n</ul>\r\n"),
                     "<ul>\n<li>a</li>\n</ul>\r");
    ck_assert_str_eq(prescanned("<p> </p>\t\t<p>\n</p>"), "<p> </p>\t<p>\n</p>");
    /* text with words in it keeps its white space; so do tags and raw text */
    ck_assert_str_eq(prescanned("<p>a   \n  b</p>"), "<p>a   \n  b</p>");
    ck_assert_str_eq(prescanned("<a  href='x   y'>k</a><textarea>  </textarea><title>  </title>"),
                     "<a  href='x   y'>k</a><textarea>  </textarea><title>  </title>");
}
END_TEST

START_TEST(preformatted_text_keeps_its_white_space)
{
    ck_assert_str_eq(prescanned("<pre>\n   <b>c</b>\n\n  <i>d</i></pre>\n\n<p>x"),
                     "<pre>\n   <b>c</b>\n\n  <i>d</i></pre>\n<p>x");
    ck_assert_str_eq(prescanned("<listing><b>a</b>   <b>b</b></listing>  <div>\n\n</div>"),
                     "<listing><b>a</b>   <b>b</b></listing> <div>\n</div>");
    ck_assert_str_eq(prescanned("<math><mi>a</mi>   <mi>b</mi></math>"),
                     "<math><mi>a</mi>   <mi>b</mi></math>");
}
END_TEST

START_TEST(cut_white_space_is_recorded)
{
    prescanned("<ul>\n    <li>a</li>\n\n</ul> <p>b</p>");
    ck_assert_uint_eq(last.gap_count, 2);
    ck_assert_uint_eq(last.gaps[0].at, 4);
    ck_assert_uint_eq(last.gaps[0].cut, 4);
    ck_assert_uint_eq(last.gaps[1].at, 15);
    ck_assert_uint_eq(last.gaps[1].cut, 1);
}
END_TEST

/* Readability's byline test measures raw text, indentation included: a
 * byline box whose markup is indented past 100 characters is no byline,
 * with the indentation cut or not. */
static char *byline_of(const char *indent)
{
    char page[4096];
    snprintf(page, sizeof page,
             "<html><body><article><h1>A title</h1><div class=byline><span>By</span>%s"
             "<a href=/ann>Ann Lee</a></div><p>Some text of the article, with commas, and a sentence."
             " Another sentence follows, so that the paragraph reads as prose.</p></article></body></html>",
             indent);
    rm_article *a = NULL;
    rm_status st = rm_extract(page, strlen(page), NULL, &a);
    ck_assert(st == RM_OK || st == RM_NO_ARTICLE);
    char *byline = a->byline ? strdup(a->byline) : NULL;
    rm_article_free(a);
    return byline;
}

START_TEST(raw_text_lengths_count_cut_white_space)
{
    char *short_indent = byline_of("\n      ");
    ck_assert_ptr_nonnull(short_indent);
    ck_assert_str_eq(short_indent, "By Ann Lee");
    free(short_indent);
    char deep[200];
    deep[0] = '\n';
    memset(deep + 1, '\t', 120);
    deep[121] = '\0';
    ck_assert_ptr_null(byline_of(deep));
}
END_TEST

/* What the renderers show is what they showed before the runs were cut. */
START_TEST(cut_white_space_renders_the_same)
{
    static const char page[] =
        "<html><body><article><h1>Title   here</h1>\n\n   <p>First   paragraph,\n"
        "   with  a <a href='/x'>link  text</a>  and more words to make it an article.</p>\n"
        "   <pre>keep   this\n   <b>code</b>\n\n   <i>too</i></pre>\n   <p>Second paragraph   with enough words,"
        " sentences and commas, to be read as the body. It goes on, and on, and on: a reader"
        " would call this prose, with clauses, commas, and full stops. One more sentence, then.</p>"
        "<p>A third paragraph, because an article has several, each with commas, sentences and"
        " words enough to count. The scorer reads paragraphs like this one as the content.</p>"
        "</article></body></html>";
    rm_options opt = rm_default_options;
    opt.formats = RM_FORMAT_TEXT | RM_FORMAT_HTML | RM_FORMAT_MARKDOWN;
    rm_article *a = NULL;
    ck_assert_int_eq(rm_extract(page, sizeof page - 1, &opt, &a), RM_OK);
    ck_assert_ptr_nonnull(strstr(a->text, "keep   this\n   code\n\n   too"));
    ck_assert_ptr_nonnull(strstr(a->text, "First paragraph, with a link text and more"));
    ck_assert_ptr_nonnull(strstr(a->html, "keep   this\n   <b>code</b>\n\n   <i>too</i>"));
    rm_article_free(a);
}
END_TEST

START_TEST(script_content_goes_json_stays)
{
    ck_assert_str_eq(prescanned("<p>a<script src=x.js>var a = '<p>';</script>b"),
                     "<p>a<script src=x.js></script>b");
    static const char ld[] = "<script type=\"application/ld+json\">{\"headline\": \"<b>\"}</script>";
    ck_assert_str_eq(prescanned(ld), ld);
    /* a type spelled with a reference may say ld+json: kept */
    static const char spelled[] = "<script type=\"application/ld&#x2b;json\">{}</script>";
    ck_assert_str_eq(prescanned(spelled), spelled);
    ck_assert_str_eq(prescanned("<script>never closed <p>x"), "<script>");
}
END_TEST

/* Other JSON (a framework's page state) is read by no rule: it goes. */
START_TEST(script_json_other_than_ld_goes)
{
    ck_assert_str_eq(prescanned("<script type='Application/JSON' id=__DATA__>{\"a\":1}</script><p>x"),
                     "<script type='Application/JSON' id=__DATA__></script><p>x");
    ck_assert_str_eq(prescanned("<script type=text/json>[1]</script>"), "<script type=text/json></script>");
}
END_TEST

START_TEST(script_data_escapes)
{
    /* Inside "<!--", an inner "<script>" makes the next "</script>" text. */
    ck_assert_str_eq(prescanned("<script><!-- <script> </script> still script --></script><p>after"),
                     "<script></script><p>after");
    ck_assert_str_eq(prescanned("<script><!-- x </script><p>after"), "<script></script><p>after");
    ck_assert_str_eq(prescanned("<script><!--> </script><p>after"), "<script></script><p>after");
    ck_assert_str_eq(prescanned("<script>a</scripty></SCRIPT ><p>after"), "<script></SCRIPT ><p>after");
    /* the end tag's quoted attribute holds a '>' */
    ck_assert_str_eq(prescanned("<script>x</script a='>'><p>after"), "<script></script><p>after");
}
END_TEST

START_TEST(style_sheets_are_handed_over)
{
    static const char html[] = "<style>.a{position:\\r\\nfixed}</style><p>x</p>"
                               "<style></style><style media=print>p>b{}</style>";
    ck_assert_str_eq(prescanned(html), "<style></style><p>x</p><style></style><style media=print></style>");
    /* where each sheet's text lies in the scanned markup, nothing copied */
    ck_assert_uint_eq(last.style_count, 3);
    ck_assert_uint_eq(last.styles[0].start, strlen("<style>"));
    ck_assert_uint_eq(last.styles[0].len, strlen(".a{position:\\r\\nfixed}"));
    ck_assert_uint_eq(last.styles[1].len, 0);
    ck_assert_int_eq(memcmp(html + last.styles[2].start, "p>b{}", last.styles[2].len), 0);
    ck_assert_uint_eq(last.styles[2].len, strlen("p>b{}"));
    /* as written: line breaks and NUL are the reader's to take as Gumbo would */
    const prescan_limits limits = {512, 0, 0, true, false, false};
    prescan_free(&last);
    static const char crlf[] = "<style>.a{position:\r\nfixed}\r.b{}\0x</style>";
    ck_assert_int_eq(prescan(crlf, sizeof crlf - 1, &limits, &last), 0);
    ck_assert_uint_eq(last.style_count, 1);
    ck_assert_uint_eq(last.styles[0].len, sizeof ".a{position:\r\nfixed}\r.b{}\0x" - 1);
    /* an unclosed sheet runs to the end of the input */
    ck_assert_str_eq(prescanned("<p>x</p><style>.a{}"), "<p>x</p><style>");
    ck_assert_uint_eq(last.style_count, 1);
    ck_assert_uint_eq(last.styles[0].len, strlen(".a{}"));
    /* text in <textarea> or a comment is no style sheet */
    ck_assert_str_eq(prescanned("<textarea><style>x</style></textarea>"),
                     "<textarea><style>x</style></textarea>");
    ck_assert_ptr_null(last.styles);
}
END_TEST

START_TEST(svg_drawings_are_emptied)
{
    ck_assert_str_eq(prescanned("<a href=/s><svg class=icon viewBox='0 0 9 9'><g><path d='M0 0'/>"
                                "<title>Share</title></g><svg><circle/></svg></svg>Share</a>"),
                     "<a href=/s><svg class=icon viewBox='0 0 9 9'></svg>Share</a>");
    ck_assert_str_eq(prescanned("<svg/><p>x"), "<svg/><p>x");
    /* content that breaks out into HTML, or holds HTML, is left alone */
    static const char breakout[] = "<svg><path><p>Article text</svg>";
    ck_assert_str_eq(prescanned(breakout), breakout);
    static const char foreign[] = "<svg><foreignObject><div>x</div></foreignObject></svg>";
    ck_assert_str_eq(prescanned(foreign), foreign);
    static const char outer[] = "<div><svg><path></div><p>Article text</p><svg></svg>";
    ck_assert_str_eq(prescanned(outer), outer);
    static const char unclosed[] = "<svg><path d=x>";
    ck_assert_str_eq(prescanned(unclosed), unclosed);
    /* MathML is content */
    static const char math[] = "<math><mi>x</mi></math>";
    ck_assert_str_eq(prescanned(math), math);
}
END_TEST

START_TEST(templates_are_emptied)
{
    ck_assert_str_eq(prescanned("<template id=t><template><p>a</template><script>'</template>'</script>"
                                "<!-- </template> --><p>b</template><p>c"),
                     "<template id=t></template><p>c");
    static const char unclosed[] = "<template><p>x";
    ck_assert_str_eq(prescanned(unclosed), unclosed);
}
END_TEST

START_TEST(comments_are_emptied)
{
    ck_assert_str_eq(prescanned("a<!-- <p>x</p> -->b<!-- c --!>d<!---->e<!-->f<!-- unclosed"),
                     "a<!---->b<!---->d<!---->e<!-->f<!---->");
    /* in raw text "<!--" is text */
    static const char title[] = "<title>a <!-- b --></title>";
    ck_assert_str_eq(prescanned(title), title);
}
END_TEST

/* To a browser, which runs scripts, a noscript is text up to its end tag;
 * Gumbo reads markup there, and an unclosed raw-text element in it would
 * swallow the rest of the page. It is closed where the noscript ends. */
START_TEST(raw_text_in_noscript_ends_with_it)
{
    ck_assert_str_eq(prescanned("<noscript><iframe src=x /></noscript><p>Shown"),
                     "<noscript><iframe src=x /></iframe></noscript><p>Shown");
    tree_facts f = parse_facts(last.html, last.len);
    ck_assert_uint_eq(f.text_bytes, 5);
    static const char closed[] = "<noscript><iframe src=x></iframe><p>a</noscript><p>b";
    ck_assert_str_eq(prescanned(closed), closed);
}
END_TEST

/* React's boundary marks stay for the streamed segments' moves. */
START_TEST(boundary_marks_stay)
{
    static const char marks[] = "<!--$?--><template id=\"B:0\"></template>x<!--/$--><!--$--><!--$!-->";
    ck_assert_str_eq(prescanned(marks), marks);
    ck_assert_str_eq(prescanned("<!--$x?--><!--/$ --><!--$$-->"), "<!----><!----><!---->");
}
END_TEST

/* The calls that move streamed segments into place are read before the
 * script goes: segment first, then its placeholder, whatever the call. */
START_TEST(streamed_moves_are_read_from_scripts)
{
    prescanned("<div hidden id=\"S:1\"></div><script>$RC=function(b,c){};$RC(\"B:0\",\"S:1\")"
               "</script><script>$RS(\"S:2\",\"P:3\");$RR(\"B:4\",\"S:5\",[])</script>"
               "<script>$RC(\"B:6\", 'S:7');$RC(\"B:8\")</script>");
    ck_assert_uint_eq(last.move_count, 3);
    static const char want[] = "S:1\0B:0\0S:2\0P:3\0S:5\0B:4";
    ck_assert_mem_eq(last.moves, want, sizeof want);
}
END_TEST

/* Marko's calls name the fragment by number after the runtime's id: the
 * fragment "afRn" goes where "afRphn" stands. They are read at the start
 * of a script however long (the page's state follows them), not in the
 * function's definition. */
START_TEST(fragment_moves_are_read_from_scripts)
{
    size_t pad = 10000;
    char *html = malloc(pad + 128);
    ck_assert_ptr_nonnull(html);
    strcpy(html, "<script>function $afM_7(d,a){};$afM_7(12);$afM_7(3,\"12\");x=1;");
    size_t at = strlen(html);
    memset(html + at, ' ', pad);
    strcpy(html + at + pad, "$afM_7(4)</script>");
    prescanned(html);
    ck_assert_uint_eq(last.move_count, 2);
    static const char want[] = "afM_712\0afM_7ph12\0afM_73\0afM_7ph3";
    ck_assert_mem_eq(last.moves, want, sizeof want);
    free(html);
}
END_TEST

/* A bundle is not read: the calls come in short inline scripts. */
START_TEST(long_scripts_are_not_read_for_moves)
{
    size_t pad = 10000;
    char *html = malloc(pad + 64);
    ck_assert_ptr_nonnull(html);
    strcpy(html, "<script>");
    memset(html + 8, ' ', pad);
    strcpy(html + 8 + pad, "$RC(\"B:0\",\"S:0\")</script>");
    prescanned(html);
    ck_assert_uint_eq(last.move_count, 0);
    free(html);
}
END_TEST

START_TEST(unread_attributes_go)
{
    ck_assert_str_eq(prescanned("<img data-tracking=\"{&quot;a&quot;:1}\" src=a.jpg onload='x()' "
                                "data-src=\"b.jpg\" alt=\"a > b\"/><div data-testid=Share>x</div>"),
                     "<img src=a.jpg data-src=\"b.jpg\" alt=\"a > b\" /><div data-testid=Share>x</div>");
    /* an unquoted value before "/>" keeps its end */
    ck_assert_str_eq(prescanned("<link data-rh=true rel=canonical href=https://a.example/docs />"),
                     "<link rel=canonical href=https://a.example/docs />");
    /* no space after a quoted value, and '/' between attributes */
    ck_assert_str_eq(prescanned("<p onclick=\"x\"class='c'/id=i>t</p data-x=1>"),
                     "<p class='c' id=i>t</p>");
    static const char kept[] = "<a href=\"/x\" class=a id=b hidden data-type=card>x</a>";
    ck_assert_str_eq(prescanned(kept), kept);
    /* names in any case, as the tokenizer lower-cases them */
    ck_assert_str_eq(prescanned("<img OnLoad=x() DATA-SRC=b.jpg Data-Tracking=1 src=a.jpg>"),
                     "<img DATA-SRC=b.jpg src=a.jpg>");
}
END_TEST

/* Check every "data-..." name in the C files of one directory. */
static size_t check_data_names(const char *dir_path, const regex_t *re)
{
    DIR *dir = opendir(dir_path);
    ck_assert_msg(dir != NULL, "cannot open %s", dir_path);
    size_t names = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir_path, e->d_name);
        char *src = tu_read_file(path, NULL);
        ck_assert_msg(src != NULL, "cannot read %s", path);
        regmatch_t m[2];
        for (const char *p = src; regexec(re, p, 2, m, 0) == 0; p += m[0].rm_eo, names++)
            ck_assert_msg(prescan_attribute_read(p + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so)),
                          "%s reads %.*s, which the pre-scan strips: add it to read_data_attributes",
                          path, (int)(m[1].rm_eo - m[1].rm_so), p + m[1].rm_so);
        free(src);
    }
    closedir(dir);
    return names;
}

START_TEST(data_attributes_read_by_the_sources_are_kept)
{
    /* Every "data-..." name the library looks up must survive the pass. */
    const char *root = tu_env("RM_ROOT", ".");
    regex_t re;
    ck_assert_int_eq(regcomp(&re, "\"(data-[a-zA-Z0-9_-]+)\"", REG_EXTENDED), 0);
    char lib[4096], render[4096];
    snprintf(lib, sizeof lib, "%s/src/lib", root);
    snprintf(render, sizeof render, "%s/src/lib/render", root);
    size_t names = check_data_names(lib, &re) + check_data_names(render, &re);
    regfree(&re);
    ck_assert_uint_ge(names, 5);
}
END_TEST

static size_t attributes_of_first(const char *html, GumboTag tag, size_t *value_len)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, strlen(html));
    rm_dom dom;
    ck_assert_int_eq(dom_build(&dom, g, NULL), 0);
    size_t n = 0;
    for (int32_t i = 0; i < dom.count; i++) {
        if (dom.nodes[i].tag != tag)
            continue;
        const rm_attr *attrs = dom_attr_list(&dom, i, &n);
        *value_len = n ? strlen(attrs[0].value) : 0;
        break;
    }
    dom_free(&dom);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return n;
}

START_TEST(attributes_per_element_are_capped)
{
    const size_t count = 10000;
    char *html = malloc(count * 16 + 64), *p = html;
    p += sprintf(p, "<p");
    for (size_t i = 0; i < count; i++)
        p += sprintf(p, " title%zu=v", i);
    strcpy(p, ">x</p>");
    size_t value_len;
    ck_assert_uint_eq(attributes_of_first(prescanned(html), GUMBO_TAG_P, &value_len), RM_MAX_ATTRIBUTES);
    ck_assert_ptr_nonnull(strstr(last.html, " title0=v title1=v"));
    ck_assert_ptr_null(strstr(last.html, " title128="));
    free(html);
}
END_TEST

START_TEST(attribute_values_are_capped_on_a_character)
{
    const size_t len = RM_MAX_ATTRIBUTE_BYTES + 10;
    char *html = malloc(len + 64), *p = html;
    p += sprintf(p, "<p class=\"x");   /* then "é" (2 bytes) across the cap */
    for (size_t i = 1; i < RM_MAX_ATTRIBUTE_BYTES - 1; i++)
        *p++ = 'a';
    strcpy(p, "\xc3\xa9zzzzzzzz\">x</p>");
    size_t value_len;
    ck_assert_uint_eq(attributes_of_first(prescanned(html), GUMBO_TAG_P, &value_len), 1);
    ck_assert_uint_eq(value_len, RM_MAX_ATTRIBUTE_BYTES - 1);
    free(html);
}
END_TEST

/* --- the text check alongside the scan ------------------------------ */

/* Scan with every cap and stripping, the bytes checked as text or not. */
static void scan_checked(const char *html, size_t len, bool check, prescan_output *out)
{
    prescan_limits limits = {512, RM_MAX_ATTRIBUTES, RM_MAX_ATTRIBUTE_BYTES, true, false, false};
    limits.check_text = check;
    ck_assert_int_eq(prescan(html, len, &limits, out), 0);
}

static void assert_same_scan(const prescan_output *a, const prescan_output *b, const char *what)
{
    ck_assert_msg((a->html == NULL) == (b->html == NULL), "%s: changed or not", what);
    ck_assert_msg(a->len == b->len && (!a->html || !memcmp(a->html, b->html, a->len)),
                  "%s: markup differs", what);
    ck_assert_msg(a->style_count == b->style_count && a->gap_count == b->gap_count &&
                      a->move_count == b->move_count, "%s: counts differ", what);
    for (size_t i = 0; i < a->style_count; i++)
        ck_assert(a->styles[i].start == b->styles[i].start && a->styles[i].len == b->styles[i].len);
    for (size_t i = 0; i < a->gap_count; i++)
        ck_assert(a->gaps[i].at == b->gaps[i].at && a->gaps[i].cut == b->gaps[i].cut);
}

/* Long constructs the scan reads in one go (a style sheet, a comment, a
 * script, an attribute value, an element's attributes past the cap, a
 * text), each over several check pieces, around a bad byte or not. */
static char *long_page(const char *open, const char *unit, const char *close, const char *bad,
                       size_t *len)
{
    size_t unit_len = strlen(unit), cap = strlen(open) + strlen(close) + 16 + 200000;
    char *page = malloc(cap);
    size_t n = (size_t)snprintf(page, cap, "<p>a</p>%s", open);
    for (size_t i = 0; n + unit_len < 200000; i++) {
        if (bad && i == 5000)
            n += (size_t)snprintf(page + n, cap - n, "%s", bad);
        memcpy(page + n, unit, unit_len);
        n += unit_len;
    }
    n += (size_t)snprintf(page + n, cap - n, "%s<p>b</p>", close);
    *len = n;
    return page;
}

START_TEST(text_check_follows_every_long_read)
{
    static const struct {
        const char *open, *unit, *close;
    } shapes[] = {
        {"<style>", ".a{top:0} ", "</style>"},
        {"<!--", "comment ", "-->"},
        {"<script>", "var a=1; ", "</script>"},
        {"<div title=\"", "value ", "\">x</div>"},
        {"<div", " a=v", ">x</div>"},
        {"<p>", "words in text ", "</p>"},
        {"<svg>", "<path d=x></path>", "</svg>"},
    };
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        size_t len;
        char *page = long_page(shapes[k].open, shapes[k].unit, shapes[k].close, NULL, &len);
        prescan_output plain, checked;
        scan_checked(page, len, false, &plain);
        scan_checked(page, len, true, &checked);
        assert_same_scan(&plain, &checked, shapes[k].open);
        ck_assert_msg(!checked.text.invalid && checked.text.checked == len, "%s", shapes[k].open);
        ck_assert(!checked.text.non_ascii);
        prescan_free(&plain);
        prescan_free(&checked);
        free(page);
        static const char *const bad[] = {"\xFF", "\xC3", "", "\xE2\x80\x94"};
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
            page = long_page(shapes[k].open, shapes[k].unit, shapes[k].close, bad[b], &len);
            if (!bad[b][0])
                memcpy(strstr(page + 8, shapes[k].unit) + 1000, "\0", 1);   /* a NUL */
            scan_checked(page, len, true, &checked);
            bool valid = b == 3;
            ck_assert_msg(checked.text.invalid == !valid, "%s, bad byte %zu", shapes[k].open, b);
            ck_assert(valid ? checked.text.checked == len && checked.text.non_ascii
                            : checked.text.checked < len);
            prescan_free(&checked);
            free(page);
        }
    }
}
END_TEST

/* On real pages the check changes nothing the scan gives, and finds the
 * verdict a whole-page check gives. */
START_TEST(text_check_changes_nothing_on_corpus_pages)
{
    const char *shared = tu_env("RM_SHARED", NULL);
    char dir_path[4096];
    snprintf(dir_path, sizeof dir_path, "%s/corpus/readability", shared ? shared : "");
    DIR *dir = shared ? opendir(dir_path) : NULL;
    if (!dir) {
        fprintf(stderr, "text_check_changes_nothing_on_corpus_pages: SKIPPED, %s not found\n", dir_path);
        return;
    }
    size_t pages = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        char path[8192];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s/source.html", dir_path, e->d_name);
        char *html = e->d_name[0] == '.' ? NULL : tu_read_file(path, &len);
        if (!html)
            continue;
        prescan_output plain, checked;
        scan_checked(html, len, false, &plain);
        scan_checked(html, len, true, &checked);
        encoding_check whole = {0};
        bool valid = encoding_check_through(&whole, html, len, len);
        ck_assert_msg(checked.text.invalid == !valid, "%s", path);
        if (valid)
            assert_same_scan(&plain, &checked, path);
        prescan_free(&plain);
        prescan_free(&checked);
        free(html);
        pages++;
    }
    closedir(dir);
    ck_assert_uint_gt(pages, 0);
}
END_TEST

static Suite *prescan_suite(void)
{
    Suite *s = suite_create("prescan");
    TCase *deep = tcase_create("deep");
    tcase_add_checked_fixture(deep, NULL, teardown);
    tcase_add_test(deep, hundred_thousand_divs_are_flattened);
    tcase_add_test(deep, nested_inline_tags_are_flattened);
    tcase_add_test(deep, cut_tags_and_their_end_tags);
    suite_add_tcase(s, deep);

    TCase *model = tcase_create("model");
    tcase_add_checked_fixture(model, NULL, teardown);
    tcase_add_test(model, unclosed_paragraphs_and_items_do_not_nest);
    tcase_add_test(model, implied_table_parts_are_counted);
    tcase_add_test(model, markup_in_script_and_attributes_is_not_counted);
    tcase_add_test(model, svg_self_closing_does_not_nest);
    tcase_add_test(model, end_tags_pop_to_their_element);
    tcase_add_test(model, unterminated_constructs);
    tcase_add_test(model, normal_page_untouched);
    tcase_add_test(model, corpus_pages_untouched);
    suite_add_tcase(s, model);

    TCase *strip = tcase_create("strip");
    tcase_add_checked_fixture(strip, NULL, teardown);
    tcase_add_test(strip, indentation_keeps_its_first_character);
    tcase_add_test(strip, text_check_follows_every_long_read);
    tcase_add_test(strip, text_check_changes_nothing_on_corpus_pages);
    tcase_add_test(strip, preformatted_text_keeps_its_white_space);
    tcase_add_test(strip, cut_white_space_renders_the_same);
    tcase_add_test(strip, cut_white_space_is_recorded);
    tcase_add_test(strip, raw_text_lengths_count_cut_white_space);
    tcase_add_test(strip, script_content_goes_json_stays);
    tcase_add_test(strip, script_json_other_than_ld_goes);
    tcase_add_test(strip, script_data_escapes);
    tcase_add_test(strip, style_sheets_are_handed_over);
    tcase_add_test(strip, svg_drawings_are_emptied);
    tcase_add_test(strip, templates_are_emptied);
    tcase_add_test(strip, comments_are_emptied);
    tcase_add_test(strip, raw_text_in_noscript_ends_with_it);
    tcase_add_test(strip, boundary_marks_stay);
    tcase_add_test(strip, streamed_moves_are_read_from_scripts);
    tcase_add_test(strip, fragment_moves_are_read_from_scripts);
    tcase_add_test(strip, long_scripts_are_not_read_for_moves);
    tcase_add_test(strip, unread_attributes_go);
    tcase_add_test(strip, data_attributes_read_by_the_sources_are_kept);
    tcase_add_test(strip, attributes_per_element_are_capped);
    tcase_add_test(strip, attribute_values_are_capped_on_a_character);
    suite_add_tcase(s, strip);
    return s;
}

RM_TEST_MAIN(prescan_suite)
