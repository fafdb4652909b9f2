/*
 * test_sanitize.c — rm_sanitize: HTML that did not come from rm_extract,
 * rendered again through the reader allow-list, with images mapped to
 * local copies or kept as links when missing.
 */
#include "readmode.h"
#include "allowlist.h"
#include "testutil.h"

static const char hostile[] =
    "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">"
    "<base href=\"https://evil.example/\">"
    "<p onclick=\"steal()\" style=\"x\" class=c id=i>Hello <script>steal()</script>"
    "<b>bold</b> <a href=\"javascript:steal()\">js</a> <a href=\"/ok\" target=_blank>ok</a>"
    "</p><form action=\"https://evil.example/\"><input name=q><button>Go</button></form>"
    "<iframe src=\"https://evil.example/\"></iframe><object data=x></object>"
    "<svg><script>steal()</script></svg><math><mi>x</mi></math>"
    "<img src=\"/pic.png\" onerror=\"steal()\" alt=\"A picture\">"
    "<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/s.css>"
    "<!-- comment --><template><p>inert</p></template>"
    "<table><tr><td colspan=2 onmouseover=x>cell</td></tr></table>"
    "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=inline></p>";

static rm_article *sanitize(const char *html, const rm_image_resolver *images)
{
    rm_options opt = rm_default_options;
    opt.url = "https://example.org/post/";
    rm_article *a = NULL;
    ck_assert_int_eq(rm_sanitize(html, strlen(html), &opt, images, &a), RM_OK);
    ck_assert_ptr_nonnull(a);
    return a;
}

START_TEST(test_only_allowlisted)
{
    rm_article *a = sanitize(hostile, NULL);
    char why[256] = "";
    ck_assert_msg(al_check_document(a->html, strlen(a->html), why, sizeof why) == 0,
                  "%s in %s", why, a->html);
    ck_assert(strstr(a->html, "steal") == NULL);
    ck_assert(strstr(a->html, "evil.example") == NULL);
    ck_assert(strstr(a->html, "<b>bold</b>") != NULL);
    ck_assert(strstr(a->html, "href=\"https://example.org/ok\"") != NULL);   /* resolved */
    ck_assert(strstr(a->html, "src=\"https://example.org/pic.png\"") != NULL);
    ck_assert(strstr(a->html, "<td colspan=\"2\">cell</td>") != NULL);
    ck_assert(strstr(a->text, "Hello bold js ok") != NULL);
    ck_assert(strstr(a->markdown, "![A picture](https://example.org/pic.png)") != NULL);
    ck_assert_ptr_null(a->title);   /* no metadata from a fragment */
    ck_assert_uint_gt(a->word_count, 3);
    rm_article_free(a);
}
END_TEST

/* Maps /pic.png to a local copy; everything else is missing. */
static const char *local_copy(void *ctx, const char *url)
{
    int *calls = ctx;
    (*calls)++;
    return strcmp(url, "https://example.org/pic.png") == 0 ? "pic%20copy.png" : NULL;
}

START_TEST(test_images_resolved_or_linked)
{
    int calls = 0;
    rm_image_resolver r = {local_copy, &calls};
    rm_article *a = sanitize("<p>See <img src=\"/pic.png\" alt=\"Pic\"> and "
                             "<img src=\"gone.jpg\" alt=\"Gone &amp; lost\"> and "
                             "<a href=\"/x\"><img src=\"/linked.gif\"></a></p>", &r);
    ck_assert(strstr(a->html, "<img src=\"pic%20copy.png\" alt=\"Pic\">") != NULL);
    /* missing: alt text linked to where the image was */
    ck_assert_msg(strstr(a->html, "<a href=\"https://example.org/post/gone.jpg\" "
                                  "rel=\"noopener noreferrer\">Gone &amp; lost</a>") != NULL,
                  "%s", a->html);
    /* inside a link, no nested link: the label alone */
    ck_assert_msg(strstr(a->html, "rel=\"noopener noreferrer\">image</a>") != NULL, "%s",
                  a->html);
    ck_assert(strstr(a->markdown, "![Pic](pic%20copy.png)") != NULL);
    ck_assert(strstr(a->markdown, "[Gone & lost](https://example.org/post/gone.jpg)") != NULL);
    ck_assert_int_ge(calls, 3);
    rm_article_free(a);
}
END_TEST

START_TEST(test_empty_and_bad_input)
{
    rm_article *a = NULL;
    ck_assert_int_eq(rm_sanitize("", 0, NULL, NULL, &a), RM_OK);
    ck_assert_str_eq(a->text, "");
    rm_article_free(a);
    ck_assert_int_eq(rm_sanitize(NULL, 5, NULL, NULL, &a), RM_BAD_INPUT);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(rm_sanitize("<p>x</p>", 8, NULL, NULL, NULL), RM_BAD_OPTION);
    rm_options small = rm_default_options;
    small.max_input_bytes = 4;
    ck_assert_int_eq(rm_sanitize("<p>x</p>", 8, &small, NULL, &a), RM_TOO_LARGE);
    /* Deep nesting is flattened, not recursed into. */
    size_t depth = 100000;
    char *deep = malloc(depth * 5 + 16);
    for (size_t i = 0; i < depth; i++)
        memcpy(deep + i * 5, "<div>", 5);
    strcpy(deep + depth * 5, "deep");
    ck_assert_int_eq(rm_sanitize(deep, strlen(deep), NULL, NULL, &a), RM_OK);
    ck_assert(strstr(a->text, "deep") != NULL);
    rm_article_free(a);
    free(deep);
}
END_TEST

static Suite *sanitize_suite(void)
{
    Suite *s = suite_create("sanitize");
    TCase *tc = tcase_create("sanitize");
    tcase_add_test(tc, test_only_allowlisted);
    tcase_add_test(tc, test_images_resolved_or_linked);
    tcase_add_test(tc, test_empty_and_bad_input);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(sanitize_suite)
