/* extract.c — TEMPORARY skeleton: body text only. Being replaced by the real engine. */
#include "readmode.h"
#include "dom.h"
#include <stdlib.h>
#include <string.h>

const rm_options rm_default_options = {
    .url = NULL, .charset = NULL, .formats = RM_FORMAT_ALL,
    .max_input_bytes = 64u << 20, .max_depth = 512, .probe_only = false,
};

rm_status rm_extract(const void *html, size_t len, const rm_options *options, rm_article **out)
{
    *out = NULL;
    if (!options) options = &rm_default_options;
    if (options->max_input_bytes && len > options->max_input_bytes) return RM_TOO_LARGE;
    if (len == 0) return RM_BAD_INPUT;
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    rm_dom dom;
    if (dom_build(&dom, g)) { gumbo_destroy_output(&kGumboDefaultOptions, g); return RM_NO_MEMORY; }
    size_t cap = 1024, n = 0; char *text = malloc(cap); text[0] = 0;
    for (int32_t i = 0; i < dom.count; i++) {
        const char *t = dom_text(&dom, i);
        if (!t) continue;
        size_t l = strlen(t);
        while (n + l + 2 > cap) { cap *= 2; text = realloc(text, cap); }
        memcpy(text + n, t, l); n += l; text[n++] = '\n'; text[n] = 0;
    }
    rm_article *a = calloc(1, sizeof *a);
    a->text = text;
    dom_free(&dom);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    *out = a;
    return RM_OK;
}

void rm_article_free(rm_article *a)
{
    if (!a) return;
    free(a->title); free(a->byline); free(a->site_name); free(a->published);
    free(a->lang); free(a->dir); free(a->excerpt); free(a->url);
    free(a->text); free(a->html); free(a->markdown); free(a);
}
const char *rm_removed_kind_name(rm_removed_kind k)
{
    static const char *const names[RM_REMOVED_KIND_COUNT] = {
        "comments", "adblock", "related", "share", "consent", "prompt", "navigation", "footer", "ads"};
    return (unsigned)k < RM_REMOVED_KIND_COUNT ? names[k] : "unknown";
}
