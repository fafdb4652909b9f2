/*
 * test_metadata.c — the metadata rules, one small page each: title cutting,
 * JSON-LD shapes, meta precedence, byline markup, lang/dir, canonical URL,
 * date normalisation and hostile input.
 */
#include "testutil.h"

#include "dom.h"
#include "metadata.h"

#include <stddef.h>
#include <time.h>

typedef struct {
    GumboOutput *out;
    rm_dom dom;
    rm_metadata md;
} page;

static void load(page *p, const char *html, const char *url)
{
    p->out = gumbo_parse_with_options(&kGumboDefaultOptions, html, strlen(html));
    ck_assert_ptr_nonnull(p->out);
    ck_assert_int_eq(dom_build(&p->dom, p->out, NULL), 0);
    ck_assert_int_eq(metadata_collect(&p->dom, url, &p->md), 0);
}

static void unload(page *p)
{
    metadata_free(&p->md);
    dom_free(&p->dom);
    gumbo_destroy_output(&kGumboDefaultOptions, p->out);
}

/* Collect from `html` and compare one string field; want NULL: absent. */
static void expect_field(const char *html, const char *url, size_t offset, const char *want)
{
    page p;
    load(&p, html, url);
    const char *got = *(char *const *)((const char *)&p.md + offset);
    if (want)
        ck_assert_str_eq(got, want);
    else
        ck_assert_ptr_null(got);
    unload(&p);
}

#define EXPECT(html, url, field, want) \
    expect_field(html, url, offsetof(rm_metadata, field), want)

/* The title Readability's rules make of a <title> (with an optional body). */
static void check_title(const char *title, const char *body, const char *want)
{
    char html[2048];
    snprintf(html, sizeof html, "<html><head><title>%s</title></head><body>%s</body></html>",
             title, body ? body : "");
    EXPECT(html, NULL, title, want);
}

static void check_published(const char *value, const char *want)
{
    char html[1024];
    snprintf(html, sizeof html,
             "<meta property=\"article:published_time\" content=\"%s\"><p>x</p>", value);
    EXPECT(html, NULL, published, want);
}

/* ---- title ---- */

START_TEST(test_title_site_suffix_removed)
{
    check_title("The Real Article Title Here | Example Site", NULL, "The Real Article Title Here");
    check_title("The Real Article Title Here - Example Site", NULL, "The Real Article Title Here");
    check_title("A Fairly Long Story Title \xE2\x80\x93 Example Site", NULL, "A Fairly Long Story Title");
    check_title("A Fairly Long Story Title \xE2\x80\x94 Example Site", NULL, "A Fairly Long Story Title");
}
END_TEST

START_TEST(test_title_site_prefix_removed_when_suffix_leaves_too_little)
{
    check_title("Site | A Much Longer Article Title Goes Here", NULL,
                "A Much Longer Article Title Goes Here");
}
END_TEST

START_TEST(test_title_hierarchical)
{
    /* Cutting a breadcrumb would drop more than the last crumb: keep it. */
    check_title("Home > News > Big Story About Things", NULL, "Home > News > Big Story About Things");
    /* Dropping exactly the last crumb is fine. */
    check_title("Big Story About Things \xC2\xBB Site", NULL, "Big Story About Things");
    /* A short result without hierarchy falls back to the whole title. */
    check_title("Tiny Story | Site", NULL, "Tiny Story | Site");
}
END_TEST

START_TEST(test_title_colon_rule)
{
    check_title("Example Site: The Real Article Title Is Here", NULL, "The Real Article Title Is Here");
    check_title("Example Site: The Real Article Title Is Here",
                "<h1>Example Site: The Real Article Title Is Here</h1>",
                "Example Site: The Real Article Title Is Here");
    /* Too many words before the colon: the colon is part of the title. */
    check_title("One two three four five six: and the rest of it here", NULL,
                "One two three four five six: and the rest of it here");
}
END_TEST

START_TEST(test_title_h1_fallback)
{
    check_title("Short", "<h1>The Only Headline On This Page</h1>", "The Only Headline On This Page");
    check_title("Short", "<h1>First Headline On This Page</h1><h1>Second Headline Here Too</h1>", "Short");
}
END_TEST

START_TEST(test_title_whitespace_and_entities)
{
    check_title("  A   Title\n  Spread\tOver Lines For Sure ", NULL, "A Title Spread Over Lines For Sure");
    page p;
    load(&p, "<meta property=\"og:title\" content=\"Tom &amp;amp; Jerry &amp;#39;s &amp;quot;Day&amp;quot;\">", NULL);
    ck_assert_str_eq(p.md.title, "Tom & Jerry 's \"Day\"");
    unload(&p);
}
END_TEST

/* The title without what the site appended, from a <head> and a body. */
static void check_clean_title(const char *head, const char *body, const char *url, const char *want)
{
    char html[2048];
    snprintf(html, sizeof html, "<html><head>%s</head><body>%s</body></html>", head, body);
    EXPECT(html, url, title, want);
}

START_TEST(test_title_site_tail_cut_where_the_page_shows_it)
{
    /* The h1 is the title without its tail. */
    check_clean_title("<meta property=\"og:title\" content=\"Array.prototype.findLast() - JavaScript | MDN\">",
                      "<h1>Array.prototype.findLast()</h1>", NULL, "Array.prototype.findLast()");
    check_clean_title("<title>Whale strandings worry tribes | Eleanor Ainge Roy</title>",
                      "<h1>Whale strandings worry tribes</h1>", NULL, "Whale strandings worry tribes");
    /* The tail is the site name, its first word, or the host. */
    check_clean_title("<meta property=\"og:title\" content=\"Ships of the Line - Harbour News\">"
                      "<meta property=\"og:site_name\" content=\"Harbour News\">", "", NULL,
                      "Ships of the Line");
    check_clean_title("<meta property=\"og:title\" content=\"Ships of the Line \xC2\xB7 Harbour\">"
                      "<meta property=\"og:site_name\" content=\"Harbour Daily News\">", "", NULL,
                      "Ships of the Line");
    check_clean_title("<meta property=\"og:title\" content=\"Ships of the Line | The Guardian\">", "",
                      "https://www.theguardian.com/world/ships", "Ships of the Line");
    check_clean_title("<meta property=\"og:title\" content=\"Ships of the Line - bbc.co.uk\">", "",
                      "https://www.bbc.co.uk/news/ships", "Ships of the Line");
    /* Section, then site: only the site goes without an h1 to show more. */
    check_clean_title("<meta property=\"og:title\" content=\"Ships of the Line - World | Harbour\">", "",
                      "https://harbour.example/ships", "Ships of the Line - World");
}
END_TEST

START_TEST(test_title_tail_kept_without_evidence)
{
    check_clean_title("<meta property=\"og:title\" content=\"Ships of the Line - Harbour News\">", "",
                      NULL, "Ships of the Line - Harbour News");
    /* An h1 that is the site's logo, or longer tails, do not cut. */
    check_clean_title("<meta property=\"og:title\" content=\"Harbour - The ships of the line\">",
                      "<h1>Harbour</h1>", "https://harbour.example/", "Harbour - The ships of the line");
    check_clean_title("<meta property=\"og:title\" content=\"Intro - A much longer account of it\">",
                      "<h1>Intro</h1>", NULL, "Intro - A much longer account of it");
    /* The whole title as the site: nothing is left to cut to. */
    check_clean_title("<meta property=\"og:title\" content=\"Harbour\">", "",
                      "https://harbour.example/", "Harbour");
}
END_TEST

/* ---- meta precedence ---- */

START_TEST(test_meta_precedence)
{
    page p;
    load(&p,
         "<head><title>HTML Title Of The Page Here</title>"
         "<meta name=\"twitter:title\" content=\"Twitter Title\">"
         "<meta property=\"og:title\" content=\"OG Title\">"
         "<meta name=\"dc.title\" content=\"DC Title\">"
         "<meta name=\"description\" content=\"Plain description\">"
         "<meta property=\"og:description\" content=\"OG description\">"
         "<meta property=\"og:site_name\" content=\"Example\">"
         "<meta name=\"author\" content=\"First Author\">"
         "<meta name=\"author\" content=\"Last Author\">"
         "</head><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "DC Title");
    ck_assert_str_eq(p.md.excerpt, "OG description");
    ck_assert_str_eq(p.md.site_name, "Example");
    ck_assert_str_eq(p.md.byline, "Last Author");  /* a later tag wins */
    unload(&p);
}
END_TEST

START_TEST(test_meta_property_list_and_article_author)
{
    page p;
    load(&p,
         "<meta property=\"og:title twitter:title\" content=\"Shared Title\">"
         "<meta property=\"article:author\" content=\"https://example.com/ann\">"
         "<meta name=\"article:author\" content=\"Not Read From Name\">"
         "<p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Shared Title");
    ck_assert_ptr_null(p.md.byline);  /* a profile URL is no byline */
    unload(&p);

    load(&p, "<meta property=\"article:author\" content=\"Ann Writer\"><p>x</p>", NULL);
    ck_assert_str_eq(p.md.byline, "Ann Writer");
    unload(&p);
}
END_TEST

/* ---- JSON-LD ---- */

START_TEST(test_json_ld_article)
{
    page p;
    load(&p,
         "<head><title>Ignored | Site</title><meta property=\"og:title\" content=\"OG\">"
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"NewsArticle\",\"headline\":\"LD Headline\",\"author\":{\"@type\":\"Person\","
         "\"name\":\" Ann Writer \"},\"publisher\":{\"name\":\"The Daily\"},"
         "\"datePublished\":\"2020-01-02T03:04:05Z\",\"description\":\"LD summary\","
         "\"articleBody\":\"Body  text\\nhere\"}</script></head><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "LD Headline");
    ck_assert_str_eq(p.md.byline, "Ann Writer");
    ck_assert_str_eq(p.md.site_name, "The Daily");
    ck_assert_str_eq(p.md.published, "2020-01-02T03:04:05Z");
    ck_assert_str_eq(p.md.excerpt, "LD summary");
    ck_assert_str_eq(p.md.ld_body, "Body text here");
    ck_assert_int_eq(p.md.byline_node, RM_NONE);
    unload(&p);
}
END_TEST

/* Blocks that cannot name an article or product type are not parsed; a
 * type spelt with \u escapes still is, and other article types count. */
START_TEST(test_json_ld_types_behind_other_blocks)
{
    page p;
    load(&p,
         "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\",\"name\":\"Crumbs\"}"
         "</script><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"\\u0041rticle\",\"headline\":\"Escaped Type\"}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Escaped Type");
    unload(&p);
    load(&p,
         "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"Site\"}</script>"
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Thread Title\"}</script>"
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"Report\",\"headline\":\"Second\"}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Thread Title");
    unload(&p);
    load(&p,
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"APIReference\",\"headline\":\"API Page\"}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "API Page");
    unload(&p);
}
END_TEST

START_TEST(test_json_ld_graph_and_author_array)
{
    page p;
    load(&p,
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
         "{\"@type\":\"WebPage\",\"name\":\"Page\"},"
         "{\"@type\":\"BlogPosting\",\"headline\":\"Graph Post\",\"author\":["
         "{\"name\":\"Ann\"},{\"url\":\"x\"},{\"name\":\"Bob\"}]}]}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Graph Post");
    ck_assert_str_eq(p.md.byline, "Ann, Bob");
    unload(&p);
}
END_TEST

START_TEST(test_json_ld_type_array_string_author_top_array)
{
    page p;
    load(&p,
         "<script type=\"application/ld+json\">[{\"@context\":\"http://schema.org/\","
         "\"@type\":\"Organization\",\"name\":\"Org\"},{\"@context\":\"http://schema.org/\","
         "\"@type\":[\"Thing\",\"ScholarlyArticle\"],\"name\":\"Paper\",\"author\":\"Cy Author\"}]"
         "</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Paper");
    ck_assert_str_eq(p.md.byline, "Cy Author");
    unload(&p);
}
END_TEST

START_TEST(test_json_ld_context_required_and_vocab)
{
    page p;
    load(&p,
         "<meta property=\"og:title\" content=\"Meta Title\">"
         "<script type=\"application/ld+json\">{\"@context\":\"https://example.org\","
         "\"@type\":\"Article\",\"headline\":\"Foreign\"}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Meta Title");
    unload(&p);

    load(&p,
         "<script type=\"application/ld+json\"><![CDATA[{\"@context\":{\"@vocab\":\"https://schema.org/\"},"
         "\"@type\":\"Article\",\"headline\":\"Vocab\"}]]></script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Vocab");
    unload(&p);
}
END_TEST

START_TEST(test_json_ld_name_or_headline)
{
    /* aktualne.cz: "name" holds the site, "headline" the article. */
    page p;
    load(&p,
         "<title>Quick brown fox jumps over lazy dogs today</title>"
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"Article\",\"name\":\"Aktualne Site\","
         "\"headline\":\"Quick brown fox jumps over lazy dogs today\"}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Quick brown fox jumps over lazy dogs today");
    unload(&p);
}
END_TEST

START_TEST(test_json_ld_garbage)
{
    page p;
    load(&p,
         "<meta property=\"og:title\" content=\"Survivor\">"
         "<script type=\"application/ld+json\">{\"@type\": \"Article\", broken</script>"
         "<script type=\"application/ld+json\"></script>"
         "<script type=\"application/ld+json\">\"just a string\"</script>"
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"Article\",\"author\":[1,null,[]],\"publisher\":\"text\",\"name\":5}</script>"
         "<p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Survivor");
    ck_assert_ptr_null(p.md.byline);
    ck_assert_ptr_null(p.md.site_name);
    unload(&p);

    /* Nesting far past cJSON's limit must fail cleanly, not recurse away. */
    size_t depth = 5000;
    char *html = malloc(depth * 2 + 200);
    ck_assert_ptr_nonnull(html);
    char *w = html + sprintf(html, "<script type=\"application/ld+json\">");
    memset(w, '[', depth);
    memset(w + depth, ']', depth);
    strcpy(w + 2 * depth, "</script><title>Deep Enough Title For The Test</title>");
    load(&p, html, NULL);
    ck_assert_str_eq(p.md.title, "Deep Enough Title For The Test");
    unload(&p);
    free(html);
}
END_TEST

/* ---- byline in the page ---- */

static const char *node_class(const page *p, int32_t id)
{
    ck_assert_int_ne(id, RM_NONE);
    return dom_attr(&p->dom, id, "class");
}

START_TEST(test_byline_markup)
{
    page p;
    load(&p, "<body><p>Intro</p><a rel=\"author\" class=\"who\" href=\"/ann\">Ann Writer</a></body>", NULL);
    ck_assert_str_eq(p.md.byline, "Ann Writer");
    ck_assert_str_eq(node_class(&p, p.md.byline_node), "who");
    unload(&p);

    load(&p,
         "<body><p class=\"byline\"><span itemprop=\"name\">Dan Goodin</span> - "
         "<time>Apr 16, 2015</time></p></body>",
         NULL);
    ck_assert_str_eq(p.md.byline, "Dan Goodin");
    ck_assert_str_eq(node_class(&p, p.md.byline_node), "byline");
    unload(&p);

    load(&p, "<body><span itemprop=\"author\" class=\"x\">  By\n  Cy  </span></body>", NULL);
    ck_assert_str_eq(p.md.byline, "By Cy");
    unload(&p);
}
END_TEST

START_TEST(test_byline_rejected)
{
    char html[1024];
    snprintf(html, sizeof html, "<body><div class=\"author-bio\">%0120d</div></body>", 0);
    page p;
    load(&p, html, NULL);  /* 100 characters or more is a bio, not a byline */
    ck_assert_ptr_null(p.md.byline);
    unload(&p);

    load(&p,
         "<body><div class=\"byline\" style=\"display: none\">Hidden</div>"
         "<div class=\"byline\" hidden>Hidden too</div>"
         "<div class=\"byline\" aria-hidden=\"true\">Hidden three</div>"
         "<div class=\"byline\"> </div></body>",
         NULL);
    ck_assert_ptr_null(p.md.byline);
    unload(&p);
}
END_TEST

/* The byline a <meta name=author> value gives (want NULL: none). */
static void check_byline(const char *value, const char *want)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><head><meta name=\"author\" content=\"%s\"></head></html>", value);
    EXPECT(html, NULL, byline, want);
}

START_TEST(test_byline_is_a_name)
{
    check_byline("By Nathan Willis March 25, 2015", "By Nathan Willis");
    check_byline("by Lucas Nolan22 Dec 2016651", "by Lucas Nolan");
    check_byline("Ann Lee | 3 May 2025", "Ann Lee");
    check_byline("Ann Lee \xC2\xB7 Updated 3 May 2025", "Ann Lee");
    check_byline("Updated 3 August 2026", NULL);
    check_byline("April 28, 2019 at 6:01 am Updated April 29, 2019", NULL);
    check_byline("Last Updated: January 7, 2025", NULL);
    check_byline("Follow Author", NULL);
    check_byline("Authority control databasesInternationalVIAFNationalGermany", NULL);
    /* Names that look like the above in part. */
    check_byline("Jeff VanderMeer", "Jeff VanderMeer");
    check_byline("DeShawn McDonald", "DeShawn McDonald");
    check_byline("June Carter and May Smith", "June Carter and May Smith");
    check_byline("Posted by Ann Lee", "Posted by Ann Lee");
}
END_TEST

START_TEST(test_byline_not_a_name_falls_through)
{
    page p;
    load(&p, "<meta name=\"author\" content=\"Follow\"><body><a rel=\"author\">Link Lou</a></body>", NULL);
    ck_assert_str_eq(p.md.byline, "Link Lou");
    unload(&p);
    load(&p, "<body><p class=\"byline\">Updated 3 August 2026</p></body>", NULL);
    ck_assert_ptr_null(p.md.byline);
    unload(&p);
}
END_TEST

START_TEST(test_byline_unlikely_regions_come_last)
{
    page p;
    load(&p,
         "<body><div class=\"sidebar\"><span class=\"author\">Sidebar Sam</span></div>"
         "<article><span class=\"author\">Article Ann</span></article></body>",
         NULL);
    ck_assert_str_eq(p.md.byline, "Article Ann");
    unload(&p);

    load(&p, "<body><header class=\"site-header\"><a rel=\"author\">Only Olga</a></header></body>", NULL);
    ck_assert_str_eq(p.md.byline, "Only Olga");
    unload(&p);
}
END_TEST

/* Readability never takes a box below a table or code element for an
 * unlikely candidate, whatever its name: a byline in a layout table's
 * "sidebar" cell is found before one after the table. */
START_TEST(test_byline_in_a_table_is_not_unlikely)
{
    page p;
    load(&p,
         "<body><table><tr><td class=\"sidebar\"><span class=\"author\">Table Tom</span></td>"
         "</tr></table><div class=\"sidebar\"><span class=\"author\">Sidebar Sam</span></div>"
         "<article><span class=\"author\">Article Ann</span></article></body>",
         NULL);
    ck_assert_str_eq(p.md.byline, "Table Tom");
    unload(&p);
}
END_TEST

START_TEST(test_byline_meta_wins_over_markup)
{
    page p;
    load(&p, "<meta name=\"author\" content=\"Meta Mia\"><body><a rel=\"author\">Link Lou</a></body>", NULL);
    ck_assert_str_eq(p.md.byline, "Meta Mia");
    ck_assert_int_eq(p.md.byline_node, RM_NONE);
    unload(&p);
}
END_TEST

/* ---- lang, dir ---- */

START_TEST(test_lang)
{
    EXPECT("<html lang=\" de-CH \"><meta property=\"og:locale\" content=\"en_US\"><p>x</p></html>",
           NULL, lang, "de-CH");
    EXPECT("<meta property=\"og:locale\" content=\"en_GB\">"
           "<meta property=\"og:locale:alternate\" content=\"fr_FR\"><p>x</p>", NULL, lang, "en-GB");
    EXPECT("<meta http-equiv=\"Content-Language\" content=\"fr, en\"><p>x</p>", NULL, lang, "fr");
    EXPECT("<p>x</p>", NULL, lang, NULL);
}
END_TEST

START_TEST(test_dir)
{
    EXPECT("<html dir=\"RTL\"><body><p>text</p></body></html>", NULL, dir, "rtl");
    EXPECT("<body><div dir=\"ltr\">nav</div><div dir=\"rtl\"><p>The long article text lives "
           "here.</p></div></body>", NULL, dir, "rtl");
    EXPECT("<html dir=\"sideways\"><p>x</p></html>", NULL, dir, NULL);
}
END_TEST

/* ---- canonical URL ---- */

START_TEST(test_canonical)
{
    EXPECT("<link rel=\"canonical\" href=\"/story/42\"><p>x</p>", "https://example.com/a/b?c=1",
           url, "https://example.com/story/42");
    EXPECT("<base href=\"https://cdn.example.net/x/\"><link rel=\"Canonical other\" href=\"page\">",
           "https://example.com/a/b", url, "https://cdn.example.net/x/page");
    EXPECT("<meta property=\"og:url\" content=\"https://example.com/og\">", NULL,
           url, "https://example.com/og");
    EXPECT("<p>x</p>", "https://example.com/page", url, "https://example.com/page");
    /* nothing to make a relative canonical absolute with */
    EXPECT("<link rel=\"canonical\" href=\"relative/only\"><p>x</p>", NULL, url, NULL);
}
END_TEST

/* ---- dates ---- */

START_TEST(test_published_normalised)
{
    check_published("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+0100");
    check_published("2024-06-25", "2024-06-25");
    check_published("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00.000000");
    check_published("Fri, 22 Dec 2016 10:43:37 -0800", "2016-12-22T10:43:37-08:00");
    check_published("22 Dec 2016 10:43 GMT", "2016-12-22T10:43Z");
    check_published("March 5, 2020", "2020-03-05");
    check_published("5 March 2020", "2020-03-05");
    check_published("1429214521", "2015-04-16T20:02:01Z");
    check_published("yesterday", NULL);
    check_published("2020-13-45", NULL);
}
END_TEST

START_TEST(test_impossible_dates_refused)
{
    /* Leap years: every fourth year, not centuries, but every 400th. */
    check_published("2024-02-29", "2024-02-29");
    check_published("2000-02-29T12:00:00Z", "2000-02-29T12:00:00Z");
    check_published("2023-02-29", NULL);
    check_published("1900-02-29", NULL);
    check_published("2024-02-30", NULL);
    check_published("2024-02-31", NULL);
    check_published("2024-04-31", NULL);
    check_published("2024-06-31T10:00:00Z", NULL);
    check_published("31 April 2021", NULL);
    check_published("February 29, 2021", NULL);
    check_published("Sat, 29 Feb 2020 08:00:00 +0000", "2020-02-29T08:00:00+00:00");
    check_published("2024-12-31", "2024-12-31");
    check_published("2024-00-10", NULL);
    check_published("0000-01-01", NULL);
    /* Times of day and leap seconds. */
    check_published("2024-03-05T24:00:00Z", NULL);
    check_published("2024-03-05T23:60:00Z", NULL);
    check_published("2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z");
    check_published("2016-12-31T12:00:60Z", NULL);
}
END_TEST

START_TEST(test_time_zones)
{
    check_published("2024-03-05T10:00:00+05:30", "2024-03-05T10:00:00+05:30");
    check_published("2024-03-05T10:00:00+14:00", "2024-03-05T10:00:00+14:00");
    check_published("2024-03-05T10:00:00-12:00", "2024-03-05T10:00:00-12:00");
    check_published("2024-03-05T10:00:00+14:30", NULL);
    check_published("2024-03-05T10:00:00-13:00", NULL);
    check_published("2024-03-05T10:00:00+05:60", NULL);
    check_published("2024-03-05 10:00:00 +0545", "2024-03-05T10:00:00+05:45");
    check_published("Tue, 5 Mar 2024 10:00:00 EST", "2024-03-05T10:00:00-05:00");
    check_published("Tue, 5 Mar 2024 10:00:00 PDT", "2024-03-05T10:00:00-07:00");
    check_published("5 Mar 2024 10:00 UTC", "2024-03-05T10:00Z");
}
END_TEST

START_TEST(test_every_character_reference)
{
    page p;
    /* JSON-LD is script text: its references were never decoded. */
    load(&p,
         "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
         "\"@type\":\"NewsArticle\",\"headline\":\"Na&iuml;ve &mdash; caf&eacute;&hellip; "
         "&frac34; &Lt; &NotEqualTilde; &#x1F600; &#128512; &amp;amp; &copy 2024 &notit; &bogus;\","
         "\"author\":{\"name\":\"Zo&euml; O&rsquo;Brien\"}}</script><p>x</p>",
         NULL);
    ck_assert_str_eq(p.md.title, "Na\u00efve \u2014 caf\u00e9\u2026 \u00be \u226a \u2242\u0338 "
                                 "\U0001F600 \U0001F600 &amp; \u00a9 2024 \u00acit; &bogus;");
    ck_assert_str_eq(p.md.byline, "Zo\u00eb O\u2019Brien");
    unload(&p);
    /* Meta content escaped twice; markup-like text stays text. */
    load(&p, "<meta property=\"og:title\" content=\"Caf&amp;eacute; &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; "
             "&amp;#x20AC;5 &lt;i&gt;\">", NULL);
    ck_assert_str_eq(p.md.title, "Caf\u00e9 <b>bold</b> \u20ac5 <i>");
    unload(&p);
    /* Numeric references by the Standard's rules, each decoded once. */
    load(&p, "<meta property=\"og:title\" content=\"a&amp;#xFFFFFFFF;b&amp;#x0;c&amp;#38;amp;d&amp;#60;e\">",
         NULL);
    ck_assert_str_eq(p.md.title, "a\ufffdb\ufffdc&amp;d<e");
    unload(&p);
}
END_TEST

START_TEST(test_parsely_pub_date)
{
    EXPECT("<meta name=\"parsely-pub-date\" content=\"2024-04-20T04:20:00.000Z\"><p>x</p>", NULL,
           published, "2024-04-20T04:20:00.000Z");
}
END_TEST

/* ---- hostile and empty input ---- */

START_TEST(test_empty_and_headless)
{
    page p;
    load(&p, "", NULL);
    ck_assert_ptr_null(p.md.title);
    ck_assert_ptr_null(p.md.byline);
    ck_assert_ptr_null(p.md.url);
    ck_assert_int_eq(p.md.byline_node, RM_NONE);
    unload(&p);

    load(&p, "<body><p>Only a body.</p></body>", NULL);
    ck_assert_ptr_null(p.md.title);
    unload(&p);

    rm_metadata md;
    rm_dom empty = {0};
    ck_assert_int_eq(metadata_collect(&empty, NULL, &md), 0);
    ck_assert_ptr_null(md.title);
    metadata_free(&md);
}
END_TEST

/* Every element a byline candidate (all too long) with a direction, 30 000
 * deep: a rule that re-read each subtree would take seconds here (Gumbo's own parse of
 * such a page is quadratic, so the depth stays where it parses quickly). */
START_TEST(test_deep_nesting_is_linear)
{
    enum { DEPTH = 30000 };
    static const char open[] = "<div class=\"author\" dir=\"rtl\"> ";
    static const char close[] = "</div>";
    char *html = malloc(DEPTH * (sizeof open + sizeof close) + 256);
    ck_assert_ptr_nonnull(html);
    char *w = html + sprintf(html, "<title>Site: words enough for the colon rule</title><body>");
    for (int i = 0; i < DEPTH; i++, w += sizeof open - 1)
        memcpy(w, open, sizeof open - 1);
    w += sprintf(w, "%0120d", 0);
    for (int i = 0; i < DEPTH; i++, w += sizeof close - 1)
        memcpy(w, close, sizeof close - 1);
    *w = '\0';

    page p;
    p.out = gumbo_parse_with_options(&kGumboDefaultOptions, html, strlen(html));
    ck_assert_int_eq(dom_build(&p.dom, p.out, NULL), 0);
    clock_t start = clock();
    ck_assert_int_eq(metadata_collect(&p.dom, NULL, &p.md), 0);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    ck_assert_double_lt(seconds, 1.0);
    ck_assert_ptr_null(p.md.byline);
    ck_assert_str_eq(p.md.dir, "rtl");
    unload(&p);
    free(html);
}
END_TEST

static Suite *metadata_suite(void)
{
    Suite *s = suite_create("metadata");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, test_title_site_suffix_removed);
    tcase_add_test(tc, test_title_site_prefix_removed_when_suffix_leaves_too_little);
    tcase_add_test(tc, test_title_hierarchical);
    tcase_add_test(tc, test_title_colon_rule);
    tcase_add_test(tc, test_title_h1_fallback);
    tcase_add_test(tc, test_title_site_tail_cut_where_the_page_shows_it);
    tcase_add_test(tc, test_title_tail_kept_without_evidence);
    tcase_add_test(tc, test_title_whitespace_and_entities);
    tcase_add_test(tc, test_meta_precedence);
    tcase_add_test(tc, test_meta_property_list_and_article_author);
    tcase_add_test(tc, test_json_ld_article);
    tcase_add_test(tc, test_json_ld_graph_and_author_array);
    tcase_add_test(tc, test_json_ld_types_behind_other_blocks);
    tcase_add_test(tc, test_json_ld_type_array_string_author_top_array);
    tcase_add_test(tc, test_json_ld_context_required_and_vocab);
    tcase_add_test(tc, test_json_ld_name_or_headline);
    tcase_add_test(tc, test_json_ld_garbage);
    tcase_add_test(tc, test_byline_markup);
    tcase_add_test(tc, test_byline_rejected);
    tcase_add_test(tc, test_byline_is_a_name);
    tcase_add_test(tc, test_byline_not_a_name_falls_through);
    tcase_add_test(tc, test_byline_unlikely_regions_come_last);
    tcase_add_test(tc, test_byline_in_a_table_is_not_unlikely);
    tcase_add_test(tc, test_byline_meta_wins_over_markup);
    tcase_add_test(tc, test_lang);
    tcase_add_test(tc, test_dir);
    tcase_add_test(tc, test_canonical);
    tcase_add_test(tc, test_published_normalised);
    tcase_add_test(tc, test_impossible_dates_refused);
    tcase_add_test(tc, test_time_zones);
    tcase_add_test(tc, test_every_character_reference);
    tcase_add_test(tc, test_parsely_pub_date);
    tcase_add_test(tc, test_empty_and_headless);
    suite_add_tcase(s, tc);
    TCase *deep = tcase_create("deep");
    /* Wall time: Gumbo parses the 30 000 levels first, slowly under the
     * sanitizers on a loaded machine; the CPU-time bound is the test. */
    tcase_set_timeout(deep, 300);
    tcase_add_test(deep, test_deep_nesting_is_linear);
    suite_add_tcase(s, deep);
    return s;
}

RM_TEST_MAIN(metadata_suite)
