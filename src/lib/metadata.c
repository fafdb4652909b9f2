/*
 * metadata.c — title, byline, site name, date, language, direction, excerpt
 * and canonical URL of a page, read from its markup.
 *
 * The rules follow Mozilla's Readability.js (_getJSONLD, _getArticleMetadata,
 * _getArticleTitle, _checkByline) so that our output agrees with the reader
 * view users already know, and its test corpus can measure us. Sources,
 * strongest first: schema.org JSON-LD, then <meta> tags, then the document
 * (<title>, headings, byline markup, <html lang dir>, rel=canonical).
 * Where we go beyond Readability it is said at the spot: @type arrays,
 * string authors, en/em dash title separators, dates normalised to ISO 8601,
 * lang from og:locale, direction from the element holding the text, the
 * site's name cut off titles and dates off bylines, non-names rejected.
 *
 * Each source has its module: meta_head.c (<meta>, lang, dir, canonical),
 * meta_title.c, meta_jsonld.c, meta_byline.c, meta_date.c, with the shared
 * text helpers in meta_text.c; this file puts their answers together.
 *
 * Everything is read from the flat index without recursion; JSON-LD goes
 * through cJSON, whose nesting limit (CJSON_NESTING_LIMIT, 1000) bounds
 * both its parser and our walks over the parsed tree.
 */
#include "metadata.h"

#include "meta_internal.h"

#include <stdlib.h>
#include <string.h>

static char *take_first(char **ld_value, const char *meta_value, bool *oom)
{
    if (*ld_value) {
        char *v = *ld_value;
        *ld_value = NULL;
        return v;
    }
    return meta_clean_value(meta_value, oom);
}

/* The name in `raw` (freed), or NULL when it names no one. */
static char *name_of(char *raw, bool *oom)
{
    char *name = meta_byline_name(raw, oom);
    free(raw);
    return name;
}

/* JSON-LD, then <meta>, then byline markup: the first that names someone. */
static void collect_byline(scan *sc, ld_fields *ld, rm_metadata *md)
{
    md->byline = name_of(ld->byline, &sc->oom);
    ld->byline = NULL;
    if (!md->byline)
        md->byline = name_of(meta_clean_value(meta_tag_value(sc, META_BYLINE), &sc->oom), &sc->oom);
    if (md->byline)
        return;
    int32_t node = RM_NONE;
    md->byline = name_of(meta_dom_byline(sc, &node), &sc->oom);
    if (md->byline && meta_inside(sc->dom, node, sc->dom->body))
        md->byline_node = node;
}

/* Needs the site name and the canonical URL: they show what the site
 * appended to the title. */
static void collect_title(scan *sc, ld_fields *ld, rm_metadata *md)
{
    md->title = take_first(&ld->title, meta_tag_value(sc, META_TITLE), &sc->oom);
    if (!md->title && meta_html_title(sc)[0]) {
        md->title = sc->html_title;
        sc->html_title = NULL;
    }
    meta_clean_title(sc, &md->title, md->site_name, md->url ? md->url : sc->page_url);
}

static void collect_published(scan *sc, ld_fields *ld, rm_metadata *md)
{
    char *raw = take_first(&ld->published, meta_tag_value(sc, META_PUBLISHED), &sc->oom);
    md->published = raw ? meta_normalize_date(raw, &sc->oom) : NULL;
    free(raw);
}

static void free_ld(ld_fields *ld)
{
    free(ld->title);
    free(ld->byline);
    free(ld->excerpt);
    free(ld->site_name);
    free(ld->published);
    free(ld->body);
    free(ld->product_description);
}

int metadata_collect(const rm_dom *dom, const char *page_url, rm_metadata *md)
{
    memset(md, 0, sizeof *md);
    md->byline_node = RM_NONE;
    if (!dom || dom->count == 0)
        return 0;
    meta_facts facts;
    meta_facts_init(&facts, dom);
    scan sc = {.dom = dom, .page_url = page_url, .facts = &facts};
    meta_scan_document(&sc);
    ld_fields ld = {0};
    meta_collect_json_ld(&sc, &ld);

    md->site_name = take_first(&ld.site_name, meta_tag_value(&sc, META_SITE_NAME), &sc.oom);
    md->url = meta_page_canonical(&sc, &sc.oom);
    collect_title(&sc, &ld, md);
    collect_byline(&sc, &ld, md);
    md->excerpt = take_first(&ld.excerpt, meta_tag_value(&sc, META_EXCERPT), &sc.oom);
    collect_published(&sc, &ld, md);
    md->ld_body = ld.body;
    ld.body = NULL;
    md->product_description = ld.product_description;
    ld.product_description = NULL;
    md->lang = meta_page_lang(&sc, &sc.oom);
    md->dir = meta_page_dir(&sc, &sc.oom);

    free_ld(&ld);
    free(sc.html_title);
    meta_facts_free(&facts);
    meta_scan_free(&sc);
    if (sc.oom) {
        metadata_free(md);
        return -1;
    }
    return 0;
}

void metadata_free(rm_metadata *md)
{
    free(md->title);
    free(md->byline);
    free(md->site_name);
    free(md->published);
    free(md->lang);
    free(md->dir);
    free(md->excerpt);
    free(md->url);
    free(md->ld_body);
    free(md->product_description);
    memset(md, 0, sizeof *md);
    md->byline_node = RM_NONE;
}
