/*
 * test_nesting.c — the nesting-depth cap applied to markup before Gumbo.
 */
#include "dom.h"
#include "nesting.h"
#include "testutil.h"

#include <dirent.h>

/* Slack between the cap and Gumbo's depth: elements the model cannot cut
 * because they hold no elements (raw text, void). */
#define SLACK 2

static char *limited;
static size_t limited_len;

static void teardown(void)
{
    free(limited);
    limited = NULL;
}

/* Run nesting_limit on a string; returns its result. */
static int limit(const char *html, unsigned max_depth)
{
    free(limited);
    limited = NULL;
    int rc = nesting_limit(html, strlen(html), max_depth, &limited, &limited_len);
    if (rc == 1)
        ck_assert_ptr_null(limited);
    if (rc == 0)
        ck_assert_uint_eq(strlen(limited), limited_len);
    return rc;
}

typedef struct {
    uint32_t max_depth;      /* html = 1, body = 2, as max_depth counts */
    size_t text_bytes;       /* all text node bytes */
} tree_facts;

static tree_facts parse_facts(const char *html, size_t len)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    rm_dom dom;
    ck_assert_int_eq(dom_build(&dom, g), 0);
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
        char *out = NULL;
        size_t out_len = 0;
        ck_assert_msg(nesting_limit(html, len, 512, &out, &out_len) == 1, "%s was changed", path);
        free(html);
        pages++;
    }
    closedir(dir);
    ck_assert_uint_gt(pages, 0);
}
END_TEST

static Suite *nesting_suite(void)
{
    Suite *s = suite_create("nesting");
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
    return s;
}

RM_TEST_MAIN(nesting_suite)
