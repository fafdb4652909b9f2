/*
 * test_docsvc.c — documentation and service pages on small hand-written
 * pages: what makes a page a manual (inline code in its prose, links to its
 * own source, a version picker) and a landing page (sales calls to action)
 * when they declare nothing, and that a signed
 * story naming a few functions stays a story; a Product that sells nothing
 * is no product page; an FAQ's answers that a script opens are text; a
 * code block's frame is judged as the code it holds; a heading kept out of
 * the table of contents is no table of contents; a highlighter's line
 * spans are lines; a service page keeps its grid of linked cards; a DocBook
 * manual's Prev/Next bars go and a chapter page keeps its list of sections.
 */
#include "page_checks.h"

#define PROSE                                                                           \
    "The loader reads the settings once at start-up and keeps them for the whole "     \
    "run, so a change to the file takes effect only after the next restart."

/* A paragraph of a manual: prose that names options and functions. */
#define MANUAL_PARAGRAPH(n)                                                              \
    "<p>Call <code>open_" #n "()</code> before <code>read_" #n "()</code>; the option " \
    "<code>--limit-" #n "</code> caps how much is read. " PROSE "</p>"

static const char manual_page[] =
    "<html><head><title>Reading files</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/guide\">Guide</a></nav>"
    "<main><h1>Reading files</h1>"
    MANUAL_PARAGRAPH(1) MANUAL_PARAGRAPH(2) MANUAL_PARAGRAPH(3) MANUAL_PARAGRAPH(4)
    "<h2>Limits</h2>" MANUAL_PARAGRAPH(5) "</main></body></html>";

START_TEST(inline_code_makes_a_manual)
{
    rm_article *a = extract(manual_page);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "documentation");
    assert_has(a, "open_3()");
    rm_article_free(a);
}
END_TEST

/* A dated, authored story that names two functions is still a story. */
START_TEST(signed_story_with_some_code_stays_an_article)
{
    const char *html =
        "<html><head><title>Why we rewrote the loader</title>"
        "<meta name=\"author\" content=\"Ann Lee\">"
        "<meta property=\"article:published_time\" content=\"2025-03-02\"></head><body>"
        "<article><h1>Why we rewrote the loader</h1><p>By Ann Lee, March 2, 2025</p>"
        "<p>We replaced <code>open()</code> with <code>map()</code>. " PROSE "</p>"
        "<p>" PROSE "</p><p>" PROSE "</p></article></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* Prose with no code at all, but the chrome of a documentation generator:
 * an "Edit this page" link and a version picker. */
START_TEST(source_link_and_version_picker_make_a_manual)
{
    const char *html =
        "<html><head><title>Installing</title></head><body>"
        "<div class=\"version-switcher\"><button>v2.4</button></div>"
        "<main><h1>Installing</h1><p>" PROSE "</p><p>" PROSE "</p>"
        "<p><a href=\"https://git.example.org/docs/edit/install.md\">Edit this page</a></p>"
        "</main></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "documentation");
    assert_has(a, "The loader reads the settings");
    assert_lacks(a, "Edit this page");
    rm_article_free(a);
}
END_TEST

static rm_article *extract_url(const char *html, const char *url)
{
    rm_options opt = rm_default_options;
    opt.url = url;
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), &opt, &a);
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a);
    return a;
}

/* A consultancy's service page declares a Product only to carry its review
 * stars: no Offer, no purchase button. Its sections and its address say
 * service, and the unsold Product no longer outvotes them. */
START_TEST(rated_product_without_offer_is_no_product_page)
{
    const char *html =
        "<html><head><title>Data consulting</title><script type=\"application/ld+json\">"
        "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Data consulting\","
        "\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":\"4.9\","
        "\"reviewCount\":\"31\"}}</script></head><body>"
        "<main><section><h1>Data consulting</h1><p>We plan, build and run your data platform.</p>"
        "</section><section><h2>What you gain</h2><ul><li>Clear priorities for every project</li>"
        "<li>Fewer surprises at launch</li><li>Teams that own the result</li></ul></section>"
        "<section><h2>How we work</h2><p>Workshops first.</p><p>Then a pilot.</p></section>"
        "</main></body></html>";
    rm_article *a = extract_url(html, "https://example.com/services/data-consulting");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    rm_article_free(a);
}
END_TEST

/* The same Product with an Offer is a product page. */
START_TEST(product_with_offer_stays_a_product_page)
{
    const char *html =
        "<html><head><title>Oak desk</title><script type=\"application/ld+json\">"
        "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Oak desk\","
        "\"offers\":{\"@type\":\"Offer\",\"price\":\"420\",\"priceCurrency\":\"EUR\"}}"
        "</script></head><body><main><h1>Oak desk</h1><p>" PROSE "</p></main></body></html>";
    rm_article *a = extract_url(html, "https://example.com/services/desks/oak");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "product");
    rm_article_free(a);
}
END_TEST

/* An FAQ whose script opens each answer, with no WAI-ARIA attributes: the
 * hidden block after a question is the answer, closed; a hidden block after
 * anything else stays hidden. */
START_TEST(faq_answers_hidden_after_their_question_are_kept)
{
    const char *html =
        "<html><head><title>Window cleaning</title></head><body><main>"
        "<h1>Window cleaning</h1><p>" PROSE "</p><p>" PROSE "</p>"
        "<h2>Questions</h2>"
        "<div class=\"faq\"><div class=\"q\"><span>How often should windows be cleaned?</span></div>"
        "<div class=\"a\" style=\"display:none\"><p>Twice a year suits most houses near a road.</p>"
        "</div></div>"
        "<div class=\"faq\"><div class=\"q\">Do you bring ladders?</div>"
        "<div class=\"a\" style=\"visibility:hidden\">Yes, and water-fed poles for upper floors.</div>"
        "</div>"
        "<div class=\"promo\"><div>Spring offer</div>"
        "<div style=\"display:none\">A hidden coupon code for bots.</div></div>"
        "</main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Twice a year suits most houses");
    assert_has(a, "water-fed poles");
    assert_lacks(a, "hidden coupon");
    rm_article_free(a);
}
END_TEST

/* A code block framed by a box whose utility classes hold one of
 * Readability's negative words ("scroll-mt-2" holds "scroll") is still
 * the manual's code. */
START_TEST(code_block_in_negative_classed_frame_is_kept)
{
    const char *html =
        "<html><head><title>Networking</title></head><body><main><h1>Networking</h1>"
        "<p>" PROSE "</p><p>" PROSE "</p><p>" PROSE "</p><p>" PROSE "</p>"
        "<div class=\"group mt-2 scroll-mt-2 rounded\"><button title=\"copy\"></button>"
        "<div class=\"highlight\"><pre><code>services:\n  web:\n    build: .\n"
        "    ports:\n      - \"8000:8000\"</code></pre></div></div>"
        "<p>" PROSE "</p><p>" PROSE "</p></main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "8000:8000");
    rm_article_free(a);
}
END_TEST

/* "hide-from-toc" marks a heading the table of contents leaves out: a
 * heading of the page, not a table of contents. */
START_TEST(heading_kept_out_of_the_toc_is_no_toc)
{
    const char *html =
        "<html><head><title>Get started</title></head><body><main><h1>Get started</h1>"
        "<div class=\"toc\"><ul><li><a href=\"#first\">First app</a></li>"
        "<li><a href=\"#tools\">Tools</a></li></ul></div>"
        "<section><h3 id=\"first\" class=\"hide-from-toc no-link\">Build your first app</h3>"
        "<p>" PROSE "</p></section>"
        "<section><h3 id=\"tools\" class=\"hide-from-toc no-link\">Install the tools</h3>"
        "<p>" PROSE "</p></section></main></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "Build your first app");
    assert_has(a, "Install the tools");
    assert_lacks(a, "First app\n");
    rm_article_free(a);
}
END_TEST

/* Shiki writes each code line as <span class="line"> with no newline
 * between them: each still starts a line. A highlighter that keeps its
 * newlines inside the spans gets no blank lines added. */
START_TEST(code_line_spans_are_lines)
{
    const char *html =
        "<html><head><title>Install</title></head><body><main><h1>Install</h1>"
        "<p>" PROSE "</p><p>" PROSE "</p>"
        "<pre class=\"shiki\"><code><span class=\"line\"><span>npm</span><span> create"
        " vite@latest my-project</span></span><span class=\"line\"><span>cd</span>"
        "<span> my-project</span></span></code></pre>"
        "<pre class=\"chroma\"><code><span class=\"line\"><span>services:\n</span></span>"
        "<span class=\"line\"><span>  web:\n</span></span></code></pre>"
        "<p>" PROSE "</p></main></body></html>";
    rm_options opt = rm_default_options;
    opt.formats |= RM_FORMAT_HTML | RM_FORMAT_MARKDOWN;
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), &opt, &a);
    ck_assert_msg(st == RM_OK, "status %s", rm_status_code(st));
    assert_has(a, "npm create vite@latest my-project\ncd my-project");
    assert_has(a, "services:\n  web:");
    /* the reader HTML and the Markdown break the lines too */
    ck_assert_msg(a->html && strstr(a->html, "my-project\ncd my-project"), "html:\n%s", a->html);
    ck_assert_msg(a->markdown && strstr(a->markdown, "my-project\ncd my-project"), "md:\n%s",
                  a->markdown);
    rm_article_free(a);
}
END_TEST

/* A landing page that asks three times for a conversation or a trial
 * sells a service; a signed story with the same buttons stays a story. */
#define LANDING_BODY                                                                    \
    "<main><section><h1>Payroll without spreadsheets</h1><p>" PROSE "</p>"                \
    "<a class=\"btn\" href=\"/demo\">Book a demo</a></section>"                           \
    "<section><h2>Plans</h2><p>Teams of any size.</p>"                                    \
    "<a href=\"/signup\">Start free trial</a></section>"                                  \
    "<section><h2>Ready?</h2><p>" PROSE "</p><a href=\"/signup\">Get started</a></section>" \
    "</main>"

START_TEST(sales_calls_make_a_service_page)
{
    rm_article *a = extract("<html><head><title>Payroll</title></head><body>" LANDING_BODY
                            "</body></html>");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    rm_article_free(a);
    a = extract("<html><head><title>Payroll</title><meta name=\"author\" content=\"Ann Lee\">"
                "<meta property=\"article:published_time\" content=\"2025-03-02\"></head><body>"
                LANDING_BODY "</body></html>");
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    rm_article_free(a);
}
END_TEST

/* A landing page's grid of linked cards is its services; the same grid
 * beside a signed story is a shelf of teasers. */
#define SERVICE_CARD(slug, name)                                                         \
    "<div class=\"card\"><h3><a href=\"/services/" slug "\">" name "</a></h3>"            \
    "<p>Planned, built and looked after by one team that answers the phone.</p></div>"
#define SERVICE_GRID                                                                    \
    "<div class=\"grid\">" SERVICE_CARD("roofs", "Roof repairs") SERVICE_CARD("gutters", \
    "Gutter cleaning") SERVICE_CARD("chimneys", "Chimney sweeping") SERVICE_CARD("solar", \
    "Solar panel fitting") "</div>"

START_TEST(service_page_keeps_its_card_grid)
{
    const char *html =
        "<html><head><title>Roofing</title></head><body>" LANDING_BODY
        "<section><h2>What we do</h2>" SERVICE_GRID "</section><p>" PROSE "</p>"
        "</body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "service");
    assert_has(a, "Chimney sweeping");
    rm_article_free(a);
}
END_TEST

START_TEST(story_loses_its_teaser_grid)
{
    const char *html =
        "<html><head><title>Roofs</title><meta name=\"author\" content=\"Ann Lee\">"
        "<meta property=\"article:published_time\" content=\"2025-03-02\"></head><body>"
        "<article><h1>Why roofs leak</h1><p>" PROSE "</p><p>" PROSE "</p><p>" PROSE "</p></article>"
        "<section><h2>More</h2>" SERVICE_GRID "</section></body></html>";
    rm_article *a = extract(html);
    ck_assert_str_eq(rm_page_type_name(a->page_type), "article");
    assert_lacks(a, "Chimney sweeping");
    rm_article_free(a);
}
END_TEST

/* A chunked DocBook manual's chapter page: a Prev/Up/Next table above and
 * below (whole class "navheader"/"navfooter"), and the chapter's list of
 * sections (whole class "toc" in the "chapter" box), which is the page's
 * body. The bars go, the list stays. */
#define DOCBOOK_BAR(cls)                                                                  \
    "<div class=\"" cls "\"><table><tr><td><a href=\"p.html\">Prev</a></td>"              \
    "<td><a href=\"u.html\">Up</a></td><th>Part I. Basics</th>"                           \
    "<td><a href=\"n.html\">Next</a></td></tr></table></div>"

static const char docbook_chapter_page[] =
    "<html><head><title>Chapter 3. Storage</title></head><body><div id=\"content\">"
    DOCBOOK_BAR("navheader")
    "<div class=\"chapter\"><div class=\"titlepage\"><h2 class=\"title\">Chapter 3. Storage</h2>"
    "</div><div class=\"toc\"><p><strong>Table of Contents</strong></p><dl class=\"toc\">"
    "<dt><a href=\"a.html\">3.1. Pages and tuples</a></dt>"
    "<dt><a href=\"b.html\">3.2. Free space maps</a></dt>"
    "<dt><a href=\"c.html\">3.3. Write-ahead logging</a></dt>"
    "<dt><a href=\"d.html\">3.4. Vacuuming old rows</a></dt></dl></div>"
    "<p>This chapter describes how the server lays out tables on disk and how it "
    "finds free space for new rows. " PROSE "</p></div>" DOCBOOK_BAR("navfooter")
    "</div></body></html>";

START_TEST(docbook_navigation_bars_are_dropped)
{
    rm_article *a = extract(docbook_chapter_page);
    assert_has(a, "lays out tables on disk");
    assert_lacks(a, "Prev");
    assert_lacks(a, "Part I. Basics");
    /* named as navigation, not just lost with other link-dense boxes */
    ck_assert_uint_eq(a->removed[RM_REMOVED_NAVIGATION], 2);
    rm_article_free(a);
}
END_TEST

START_TEST(docbook_chapter_toc_is_the_chapter_page)
{
    rm_article *a = extract(docbook_chapter_page);
    assert_has(a, "3.2. Free space maps");
    assert_has(a, "3.4. Vacuuming old rows");
    rm_article_free(a);
}
END_TEST

/* The same names elsewhere keep their old reading: a "toc" box of an
 * article (not a manual's chapter) is the on-page table of contents, and a
 * "navheader" box of prose is no navigation bar. */
START_TEST(toc_outside_a_docbook_division_is_still_dropped)
{
    const char *html =
        "<html><head><title>Storage</title></head><body><article><h1>Storage</h1>"
        "<div class=\"navheader\"><p>Storage engines differ in how they lay out pages.</p></div>"
        "<div class=\"toc\"><p><strong>Table of Contents</strong></p><ul>"
        "<li><a href=\"#a\">Pages and tuples</a></li><li><a href=\"#b\">Free space maps</a></li>"
        "<li><a href=\"#c\">Write-ahead logging</a></li></ul></div>"
        "<p>" PROSE "</p><p>" PROSE "</p><h2 id=\"a\">Pages and tuples</h2><p>" PROSE "</p>"
        "</article></body></html>";
    rm_article *a = extract(html);
    assert_has(a, "lay out pages");
    assert_lacks(a, "Free space maps");
    rm_article_free(a);
}
END_TEST

static Suite *docsvc_suite(void)
{
    Suite *s = suite_create("docsvc");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, inline_code_makes_a_manual);
    tcase_add_test(tc, signed_story_with_some_code_stays_an_article);
    tcase_add_test(tc, source_link_and_version_picker_make_a_manual);
    tcase_add_test(tc, rated_product_without_offer_is_no_product_page);
    tcase_add_test(tc, product_with_offer_stays_a_product_page);
    tcase_add_test(tc, faq_answers_hidden_after_their_question_are_kept);
    tcase_add_test(tc, code_block_in_negative_classed_frame_is_kept);
    tcase_add_test(tc, heading_kept_out_of_the_toc_is_no_toc);
    tcase_add_test(tc, code_line_spans_are_lines);
    tcase_add_test(tc, sales_calls_make_a_service_page);
    tcase_add_test(tc, service_page_keeps_its_card_grid);
    tcase_add_test(tc, story_loses_its_teaser_grid);
    tcase_add_test(tc, docbook_navigation_bars_are_dropped);
    tcase_add_test(tc, docbook_chapter_toc_is_the_chapter_page);
    tcase_add_test(tc, toc_outside_a_docbook_division_is_still_dropped);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(docsvc_suite)
