/*
 * test_bypass.c — the text bypass (bypass.h): runs of text and attribute
 * values handed past Gumbo as placeholders and put back by the index. Each page is indexed
 * with and without it (index_diff.h) and the two must agree in every
 * node, text, attribute and length of raw text; the pages are the places
 * where Gumbo treats text specially, and the tests also check that runs
 * were, or were not, bypassed where that is the point.
 */
#include "bypass.h"
#include "index_diff.h"
#include "testutil.h"

/* The page indexed both ways must agree; returns how many runs went past
 * Gumbo. */
static size_t same_index_len(const char *html, size_t len)
{
    char why[400];
    size_t runs = 0;
    const char *diff = bypass_difference(html, len, &runs, why, sizeof why);
    ck_assert_msg(diff == NULL, "%s", diff ? diff : "");
    return runs;
}

static size_t same_index(const char *html)
{
    return same_index_len(html, strlen(html));
}

/* The text of the first text node holding `needle`, with the bypass. */
static char *bypassed_text_with(const char *html, const char *needle)
{
    indexed_page page;
    ck_assert_int_eq(index_page(html, strlen(html), true, &page), 0);
    char *found = NULL;
    for (int32_t i = 0; i < page.dom.count && !found; i++) {
        const char *t = dom_text(&page.dom, i);
        if (t && strstr(t, needle))
            found = strdup(t);
    }
    indexed_page_free(&page);
    return found;
}

START_TEST(prose_goes_past_gumbo_and_comes_back)
{
    const char *html = "<html><head><title>A title of words</title></head><body>"
                       "<h1>The heading of the page</h1>"
                       "<p>A paragraph of prose, with a <a href=\"/x\">link in it</a> and "
                       "more words after the link.</p>\n  <p>  Another one, with\n a line "
                       "break inside.  </p></body></html>";
    ck_assert_uint_ge(same_index(html), 5);
}
END_TEST

START_TEST(text_around_ignored_tags_is_one_node)
{
    /* End tags with nothing to close are dropped: the texts on both
     * sides, and their placeholders, land in one text node. */
    const char *html = "<p>first words here</span> second words here</i>third words</p>";
    ck_assert_uint_eq(same_index(html), 3);
    char *text = bypassed_text_with(html, "second");
    ck_assert_str_eq(text, "first words here second words herethird words");
    free(text);
}
END_TEST

START_TEST(foster_parented_table_text)
{
    const char *html = "<table>words in a table<tr><td>cell text here</td>more stray words"
                       "</tr> <tbody> and yet more </tbody></table><p>after the table</p>";
    ck_assert_uint_ge(same_index(html), 4);
}
END_TEST

START_TEST(leading_newline_of_pre_listing_textarea)
{
    const char *html = "<pre>\nfirst line of pre\nsecond line</pre><listing>\n\nlisting text "
                       "here</listing><pre>no newline first</pre><textarea>\ntext area text"
                       "</textarea><pre>\n</pre>";
    ck_assert_uint_ge(same_index(html), 3);
}
END_TEST

START_TEST(raw_text_elements_are_left_alone)
{
    const char *html = "<head><title>the title text</title><style>p { color: red }</style>"
                       "<script>var words = 'not text at all';</script></head><body>"
                       "<textarea>text area words</textarea><xmp>xmp <b>words</b></xmp>"
                       "<iframe>iframe words</iframe><noembed>noembed words</noembed>"
                       "<noframes>noframes words</noframes><noscript><p>noscript words</p>"
                       "</noscript><p>body text words</p><plaintext>plain text to the end";
    ck_assert_uint_ge(same_index(html), 1);
}
END_TEST

START_TEST(json_ld_goes_past_gumbo_whole)
{
    /* Each JSON-LD block is one run, white space and all; one holding a
     * '&' or a '<' stays for Gumbo, and so does every other script and a
     * JSON-LD block inside SVG (no script data there). The types are not
     * quoted, so that no value goes past Gumbo: every run is a script's. */
    const char *json = "\n  {\"@context\": \"https://schema.org\",\n   \"@type\": \"NewsArticle\"}\n";
    char html[1024];
    snprintf(html, sizeof html,
             "<head><script type=application/ld+json>%s</script>"
             "<script type=application/ld+json>{\"url\": \"/a?b=1&c=2\"}</script>"
             "<script type=application/ld+json>{\"text\": \"a <b> tag\"}</script>"
             "<script>var notJsonLd = 'script words';</script></head>"
             "<body><svg><script type=application/ld+json>{\"@type\": \"Thing\"}</script></svg>"
             "<script type=application/ld+json>{\"@type\": \"Person\", \"name\": \"Unterminated\"}",
             json);
    ck_assert_uint_eq(same_index(html), 2);
    ck_assert_uint_eq(same_index("<script type=application/ld+json>{\"@type\": \"Thing\"}"), 1);
    char *text = bypassed_text_with(html, "NewsArticle");
    ck_assert_str_eq(text, json);
    free(text);
}
END_TEST

START_TEST(comments_and_text_between)
{
    const char *html = "<p>before a comment<!-- comment with words -->after the comment"
                       "<!--$?--><template id=\"B:0\"></template>fallback words<!--/$-->"
                       "<!-- a -- b -->closing words</p>";
    ck_assert_uint_ge(same_index(html), 3);
}
END_TEST

START_TEST(cdata_in_foreign_content)
{
    /* (the HTML in foreignObject comes last: see a_tag_out_of_svg_stops_the_bypass) */
    const char *html = "<math><mi>math words here</mi><![CDATA[more cdata words]]></math>"
                       "<svg><![CDATA[cdata words in svg]]><text>svg text words</text>"
                       "<foreignObject><p>html words inside</p></foreignObject></svg>"
                       "<p><![CDATA[a bogus comment in html]]> words after it</p>";
    ck_assert_uint_ge(same_index(html), 2);
}
END_TEST

START_TEST(a_tag_out_of_svg_stops_the_bypass)
{
    /* Gumbo leaves SVG at the <p>, and the <style> after it is raw text;
     * the pre-scan, still in SVG, took its quoted value for markup (found
     * by fuzz_bypass). Runs before the <p> still go. The scan cannot tell
     * such a tag from HTML inside a foreignObject or a MathML token, so it
     * stops there too. */
    ck_assert_uint_eq(same_index("<svg><p><style><l f='</style l='>h4'>3"), 0);
    ck_assert_uint_eq(same_index("<p>words before it</p><svg><text>svg words</text><p><style>"
                                 "<l f='</style l='>words</style> words after it"),
                      2);
    ck_assert_uint_eq(same_index("<math><mi>x</mi><b><textarea><i t='</textarea x='>words"), 0);
}
END_TEST

START_TEST(frameset_stops_the_bypass)
{
    /* In the frameset modes Gumbo keeps only the white space of text. */
    ck_assert_uint_eq(same_index("<html><head></head><frameset> some words <frame> more words "
                                 "here</frameset> after words here"),
                      0);
    /* text before it goes */
    ck_assert_uint_eq(same_index("<head><title>t</title></head>words before<frameset> inside "
                                 "words</frameset>"),
                      1);
    same_index("<body><noscript><frameset></noscript> words after it <frameset> more words");
}
END_TEST

START_TEST(markup_gumbo_reads_in_noscript)
{
    /* Gumbo parses a noscript's content as markup, the pre-scan skips it as
     * text: an end tag inside a quoted value (fuzz_bypass found it), a
     * comment or a tag running past it leaves Gumbo elsewhere than the
     * pre-scan after it */
    ck_assert_uint_eq(same_index("<noscript><m c=\"</noscript>n=\"et\">words after it"), 0);
    ck_assert_uint_eq(same_index("<noscript><!-- </noscript> -->words after it</p>"), 0);
    ck_assert_uint_eq(same_index("<noscript><p title='</noscript>'>words after it</p>"), 0);
    ck_assert_uint_eq(same_index("<noscript><noscript><l n=\"</noscript>=\"nges>"), 0);
    ck_assert_uint_eq(same_index("<noscript><svg><title><p d=\"</noscript>ch2>n\">"), 0);
    /* a tag manager's noscript parses alike: the bypass goes on */
    ck_assert_uint_eq(same_index("<noscript><iframe src=\"/ns\" height=\"0\"></iframe>"
                                 "</noscript><p>words after it</p><noscript><iframe src=\"/a\" />"
                                 "</noscript><p>more words after</p>"),
                      2);
}
END_TEST

START_TEST(text_outside_body)
{
    const char *html = "words before html<html> words before head <head> words in head "
                       "</head> words after head <body>body words here</body> words after "
                       "body </html> words after html ";
    ck_assert_uint_ge(same_index(html), 5);
    same_index("  \n<!doctype html> words before everything<p>and a paragraph</p>");
}
END_TEST

START_TEST(text_in_select_and_column_group)
{
    const char *html = "<select>option words<option>first option</option><optgroup>group "
                       "words</optgroup></select><table><colgroup> col words <col></colgroup>"
                       "<caption>caption words</caption></table>";
    ck_assert_uint_ge(same_index(html), 3);
}
END_TEST

START_TEST(carriage_returns)
{
    const char *html = "<p>line one\r\nline two\rline three</p><pre>\r\nfirst line after"
                       "\r\n</pre>\r\n<p>\r  text between breaks  \r\n</p>";
    same_index(html);
}
END_TEST

START_TEST(invalid_utf8_is_left_alone)
{
    const char *html = "<p>a bad \xff byte here</p><p>overlong \xc0\xaf slash</p>"
                       "<p>a surrogate \xed\xa0\x80 here</p><p>cut short \xe2\x82</p>"
                       "<p>beyond \xf5\x80\x80\x80 the range</p><p>valid caf\xc3\xa9 words</p>";
    ck_assert_uint_eq(same_index(html), 1);
}
END_TEST

START_TEST(replaced_code_points_are_left_alone)
{
    const char *html = "<p>c0 \x01 control</p><p>vertical \x0b tab</p><p>delete \x7f here</p>"
                       "<p>c1 \xc2\x80 control</p><p>nonchar \xef\xb7\x90 here</p>"
                       "<p>nonchar \xef\xbf\xbe here</p><p>plane one \xf0\x9f\xbf\xbf nonchar</p>"
                       "<p>an emoji \xf0\x9f\x98\x80 is fine</p>";
    ck_assert_uint_eq(same_index(html), 1);
}
END_TEST

START_TEST(nul_is_left_alone)
{
    static const char html[] = "<p>a nul \0 in text</p><p>plain words here</p>";
    ck_assert_uint_eq(same_index_len(html, sizeof html - 1), 1);
}
END_TEST

START_TEST(references_are_left_to_the_prescan)
{
    ck_assert_uint_eq(same_index("<p>fish &amp; chips for all</p><p>r&eacute;sum&eacute; "
                                 "words</p><p>&notin words &#8217;s</p>"),
                      0);
}
END_TEST

START_TEST(a_reference_to_a_private_plane_stops_the_bypass)
{
    ck_assert_uint_eq(same_index("<p>plain words here</p><p>&#x10FFFD; and words</p>"), 0);
    ck_assert_uint_eq(same_index("<p>plain words here</p><title>&#1048576;</title>"), 0);
    ck_assert_uint_eq(same_index("<p>plain words here</p><p>&#x0000000F0000 words</p>"), 0);
    /* a number past every code point: Gumbo's sum may wrap around */
    ck_assert_uint_eq(same_index("<p>plain words here</p><p>&#99999999999999999 words</p>"), 0);
    ck_assert_uint_eq(same_index("<p>plain words here</p><p>&#xEFFFF; and &#65; words</p>"), 1);
}
END_TEST

START_TEST(a_page_with_private_plane_characters_is_left_alone)
{
    ck_assert_uint_eq(same_index("<p>plain words here</p><p>plane 15 \xf3\xb0\x80\x80 here</p>"), 0);
    ck_assert_uint_eq(same_index("<p>plain words here</p><a title=\"\xf4\x80\x80\x80\">x</a>"), 0);
}
END_TEST

START_TEST(comment_ends_are_never_swallowed)
{
    ck_assert_uint_eq(same_index("<p>an arrow --> in text</p><p>a bang --!> here</p>"
                                 "<p>a bracket ]]> here</p><p>> starts this one</p>"),
                      1);
    ck_assert(bypass_run_allowed("<p>a -> b is fine", 3, 17));
    ck_assert(!bypass_run_allowed("x-->y here", 1, 10));
    ck_assert(!bypass_run_allowed("-->y here", 2, 9));
    ck_assert(!bypass_run_allowed("--!>y here", 3, 10));
    ck_assert(!bypass_run_allowed("]]>y here", 2, 9));
}
END_TEST

/* The check reads plain stretches eight bytes at a time: a byte a run
 * cannot hold is found at every place in a long run, and the bytes a run
 * may hold that the fast test passes on to the careful one (tab, line
 * feed, form feed, a lone '>', characters past ASCII) do not stop it. */
START_TEST(every_byte_of_a_long_run_is_checked)
{
    static const char *const never[] = {"\x01", "\r", "\x7f", "&", "<", "\x80", "\xff",
                                        "\xef\xbf\xbe", "-->"};
    static const char *const fine[] = {"\t", "\n", "\f", ">", "\xc3\xa9", "\xe2\x80\x94"};
    char run[64];
    for (size_t at = 0; at < 24; at++) {
        for (size_t k = 0; k < sizeof never / sizeof never[0]; k++) {
            size_t n = strlen(never[k]);
            memset(run, 'a', 32);
            memcpy(run + at, never[k], n);
            ck_assert_msg(!bypass_run_allowed(run, 0, 32), "byte %zu at %zu", k, at);
        }
        for (size_t k = 0; k < sizeof fine / sizeof fine[0]; k++) {
            size_t n = strlen(fine[k]);
            memset(run, 'a', 32);
            memcpy(run + at, fine[k], n);
            ck_assert_msg(bypass_run_allowed(run, 0, 32), "byte %zu at %zu", k, at);
        }
    }
}
END_TEST

/* `count` runs "words n", each bypassed, with `between` after each. */
static char *many_runs(size_t count, const char *between)
{
    size_t cap = count * (32 + strlen(between)) + 64, len = 0;
    char *html = malloc(cap);
    ck_assert_ptr_nonnull(html);
    len += (size_t)snprintf(html, cap, "<p>");
    for (size_t i = 0; i < count; i++)
        len += (size_t)snprintf(html + len, cap - len, "words %zu%s", i, between);
    return html;
}

START_TEST(more_runs_than_one_code_point_numbers)
{
    char *html = many_runs(70000, "<b>x</b>");
    ck_assert_uint_eq(same_index(html), 70000);
    free(html);
}
END_TEST

START_TEST(a_hundred_thousand_runs_in_one_node)
{
    /* the ignored end tags leave one text node of all the runs */
    char *html = many_runs(100000, "</x>");
    ck_assert_uint_eq(same_index(html), 100000);
    char *text = bypassed_text_with(html, "words 99999");
    ck_assert_ptr_nonnull(text);
    ck_assert(strncmp(text, "words 0words 1words 2", 21) == 0);
    free(text);
    free(html);
}
END_TEST

START_TEST(placeholders_number_runs_without_ambiguity)
{
    const size_t numbers[] = {0, 1, 65533, 65534, 65535, 131067, 131068, 4000000000u};
    for (size_t k = 0; k < sizeof numbers / sizeof numbers[0]; k++) {
        char p[BYPASS_PLACEHOLDER_MAX];
        size_t len = bypass_placeholder(numbers[k], p);
        ck_assert_uint_eq(len, bypass_placeholder_len(numbers[k]));
        /* a table as long as the number: the run comes back */
        bypass_run run = {0, 3};
        bypass_run *runs = calloc(numbers[k] < 200000 ? numbers[k] + 1 : 1, sizeof *runs);
        ck_assert_ptr_nonnull(runs);
        bypass_table t = {"abc", runs, numbers[k] < 200000 ? numbers[k] + 1 : 0};
        runs[t.count ? numbers[k] : 0] = run;
        char out[16];
        size_t expanded = bypass_expanded_len(&t, p, len);
        ck_assert_uint_eq(expanded, t.count ? 3 : len);
        ck_assert_ptr_eq(bypass_expand(&t, p, len, out), out + expanded);
        if (t.count)
            ck_assert(memcmp(out, "abc", 3) == 0);
        /* a text that is the placeholder alone is known at once; one with
         * more around it is expanded */
        ck_assert_ptr_eq(bypass_whole(&t, p, len), t.count ? &runs[numbers[k]] : NULL);
        char more[BYPASS_PLACEHOLDER_MAX + 1];
        memcpy(more, p, len);
        more[len] = 'x';
        ck_assert_ptr_null(bypass_whole(&t, more, len + 1));
        ck_assert_ptr_null(bypass_whole(&t, p, len - 1));
        free(runs);
    }
}
END_TEST

START_TEST(a_streamed_shelf_is_judged_by_its_real_text)
{
    /* A segment whose text is mostly link text stays hidden where it is.
     * Its link's text is one long run (a placeholder to Gumbo), its other
     * text short runs that stay: judged by Gumbo's bytes, the links
     * would look like a small part of it. */
    const char *html = "<body><div><!--$?--><template id=\"B:0\"></template><p>loading</p>"
                       "<!--/$--></div><div hidden id=\"S:1\"><a href=\"/x\">a long linked "
                       "title of a teaser card</a><b>ab c</b><b>ab c</b><b>ab c</b>"
                       "<b>ab c</b><b>ab c</b><b>ab c</b><b>ab c</b></div>"
                       "<script>$RC(\"B:0\",\"S:1\")</script></body>";
    ck_assert_uint_eq(same_index(html), 2);
}
END_TEST

START_TEST(attribute_values_go_past_gumbo_and_come_back)
{
    const char *html = "<div class=\"a long class list\" title='a single-quoted title'>"
                       "<a href=\"https://example.org/a/b/c\" rel=\"nofollow noopener\">x</a>"
                       "<img src=\"/images/picture.png\" alt=\"an image of words\" "
                       "data-src=\"/images/lazy-picture.png\"></div>";
    ck_assert_uint_eq(same_index(html), 7);
}
END_TEST

START_TEST(values_gumbo_reads_reach_it)
{
    /* A hidden input stays in the table, any other is moved out of it;
     * an annotation-xml of an HTML encoding holds HTML; a <font> with a
     * color, face or size leaves SVG; an isindex's prompt becomes text. */
    const char *html = "<table><input type=\"hidden\" name=\"a field name\"><tr><td>cell"
                       "</td></tr><input type=\"HIDDEN\"></table><isindex prompt=\"a prompt of "
                       "words\" action=\"/search/here\"><math><annotation-xml "
                       "encoding=\"text/html\"><p>in html</p></annotation-xml></math><svg>"
                       "<font color=\"red color\" face=\"a face name\" size=\"seven7\">"
                       "x</font></svg>";
    ck_assert_uint_ge(same_index(html), 2);
}
END_TEST

START_TEST(merged_and_repeated_attributes)
{
    const char *html = "<html lang=\"en-GB-oxendict\"><body class=\"first body class\">"
                       "<p class=\"first class value\" class=\"second class value\">x</p>"
                       "<body class=\"second body class\" data-x=\"a merged value\">"
                       "<html data-y=\"another merged value\">";
    ck_assert_uint_ge(same_index(html), 5);
}
END_TEST

START_TEST(values_that_stay)
{
    /* references, unquoted values, ids (streamed segments are found by
     * them before the texts are copied), values too long for the cap */
    ck_assert_uint_eq(same_index("<a href=\"/a?b=1&amp;c=2&d=3\" title=unquoted-long-value "
                                 "id=\"S:12345\">x</a><p title=\"a\r\nbreak\">y</p>"),
                      0);
    size_t big = RM_MAX_ATTRIBUTE_BYTES + 100;
    char *html = malloc(big + 64);
    ck_assert_ptr_nonnull(html);
    int n = snprintf(html, 64, "<p title=\"");
    memset(html + n, 'w', big);
    strcpy(html + n + big, "\">x</p>");
    ck_assert_uint_eq(same_index(html), 0);
    free(html);
}
END_TEST

START_TEST(a_custom_name_read_past_an_ignored_end_tag)
{
    /* after "</>" Gumbo's markup of the next tag starts there, and a custom
     * element's name runs into its values (fuzz_bypass found it) */
    ck_assert_uint_eq(same_index("</><t B=\">>!%v>\n\">"), 1);
    ck_assert_uint_eq(same_index("</><my-card class=\"a long class list\">x</my-card>"), 1);
}
END_TEST

START_TEST(a_name_starting_with_an_equals_sign_stays_a_name)
{
    /* "on..." goes, and "=\"" after "p/" must not become p's value when the
     * tag is written again (fuzz_bypass found it) */
    ck_assert_uint_eq(same_index("<e oni p/=\">g:dio\">"), 1);
}
END_TEST

START_TEST(streamed_segments_are_found_by_their_ids)
{
    /* the index reads ids off Gumbo's tree to move a segment in */
    const char *html = "<body><div><!--$?--><template id=\"B:1000000\"></template><p>"
                       "loading</p><!--/$--></div><div hidden id=\"S:1000000\"><p>the streamed "
                       "part of the page</p></div><script>$RC(\"B:1000000\",\"S:1000000\")"
                       "</script></body>";
    ck_assert_uint_eq(same_index(html), 2);
}
END_TEST

static Suite *bypass_suite(void)
{
    Suite *s = suite_create("bypass");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, prose_goes_past_gumbo_and_comes_back);
    tcase_add_test(tc, text_around_ignored_tags_is_one_node);
    tcase_add_test(tc, foster_parented_table_text);
    tcase_add_test(tc, leading_newline_of_pre_listing_textarea);
    tcase_add_test(tc, raw_text_elements_are_left_alone);
    tcase_add_test(tc, json_ld_goes_past_gumbo_whole);
    tcase_add_test(tc, comments_and_text_between);
    tcase_add_test(tc, cdata_in_foreign_content);
    tcase_add_test(tc, frameset_stops_the_bypass);
    tcase_add_test(tc, a_tag_out_of_svg_stops_the_bypass);
    tcase_add_test(tc, markup_gumbo_reads_in_noscript);
    tcase_add_test(tc, text_outside_body);
    tcase_add_test(tc, text_in_select_and_column_group);
    tcase_add_test(tc, carriage_returns);
    tcase_add_test(tc, invalid_utf8_is_left_alone);
    tcase_add_test(tc, replaced_code_points_are_left_alone);
    tcase_add_test(tc, nul_is_left_alone);
    tcase_add_test(tc, references_are_left_to_the_prescan);
    tcase_add_test(tc, a_reference_to_a_private_plane_stops_the_bypass);
    tcase_add_test(tc, a_page_with_private_plane_characters_is_left_alone);
    tcase_add_test(tc, comment_ends_are_never_swallowed);
    tcase_add_test(tc, every_byte_of_a_long_run_is_checked);
    tcase_add_test(tc, more_runs_than_one_code_point_numbers);
    tcase_add_test(tc, a_hundred_thousand_runs_in_one_node);
    tcase_add_test(tc, placeholders_number_runs_without_ambiguity);
    tcase_add_test(tc, a_streamed_shelf_is_judged_by_its_real_text);
    tcase_add_test(tc, attribute_values_go_past_gumbo_and_come_back);
    tcase_add_test(tc, values_gumbo_reads_reach_it);
    tcase_add_test(tc, merged_and_repeated_attributes);
    tcase_add_test(tc, values_that_stay);
    tcase_add_test(tc, streamed_segments_are_found_by_their_ids);
    tcase_add_test(tc, a_name_starting_with_an_equals_sign_stays_a_name);
    tcase_add_test(tc, a_custom_name_read_past_an_ignored_end_tag);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(bypass_suite)
