/*
 * meta_jsonld.c — schema.org JSON-LD: the first script that describes an
 * Article gives headline, author, description, publisher, datePublished
 * and articleBody. cJSON's nesting limit (CJSON_NESTING_LIMIT) bounds both
 * its parser and our walks over the parsed tree. A Product's description
 * is collected apart: product pages often show less text than they
 * publish there.
 */
#include "meta_internal.h"

#include "ldscreen.h"

#include <cJSON.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* _textSimilarity: share of b's words (ASCII \w+ runs, lower-cased, as the
 * JavaScript tokenizer sees them) that a also has, weighted by length. */

typedef struct {
    const char *s;
    size_t n;
} token;

static size_t tokenize(const char *s, token *out, size_t cap)
{
    size_t count = 0;
    while (*s && count < cap) {
        while (*s && !(((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            s++;
        const char *start = s;
        while (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')
            s++;
        if (s > start)
            out[count++] = (token){start, (size_t)(s - start)};
    }
    return count;
}

static bool token_in(token t, const token *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i].n == t.n && strncasecmp(set[i].s, t.s, t.n) == 0)
            return true;
    return false;
}

static double text_similarity(const char *a, const char *b)
{
    enum { MAX_TOKENS = 256 };
    token ta[MAX_TOKENS], tb[MAX_TOKENS];
    size_t na = tokenize(a, ta, MAX_TOKENS), nb = tokenize(b, tb, MAX_TOKENS);
    if (!na || !nb)
        return 0;
    size_t all = nb - 1, unique = 0, nunique = 0;
    for (size_t i = 0; i < nb; i++) {
        all += tb[i].n;
        if (!token_in(tb[i], ta, na)) {
            unique += tb[i].n;
            nunique++;
        }
    }
    if (nunique)
        unique += nunique - 1;
    return 1.0 - (double)unique / (double)all;
}

/* ------------------------------------------------------------------ */
/* JSON-LD (schema.org). */

/* Readability's jsonLdArticleTypes (see https://schema.org/Article). */
static const char *const article_types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
    "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    "APIReference",
};

/* Prefixes a type or context may carry. */
static const char *const schema_org_prefixes[] = {
    "http://schema.org/", "https://schema.org/", "schema:",
};

static const char *strip_schema_prefix(const char *s)
{
    for (size_t i = 0; i < COUNT_OF(schema_org_prefixes); i++) {
        size_t n = strlen(schema_org_prefixes[i]);
        if (strncmp(s, schema_org_prefixes[i], n) == 0)
            return s + n;
    }
    return s;
}

static bool is_article_type_name(const char *s)
{
    s = strip_schema_prefix(s);
    for (size_t i = 0; i < COUNT_OF(article_types); i++)
        if (strcmp(s, article_types[i]) == 0)
            return true;
    return false;
}

/* Does obj's @type name a type `is_name` accepts? @type may be a string or
 * (beyond Readability) an array of strings. */
static bool has_type(const cJSON *obj, bool (*is_name)(const char *))
{
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(obj, "@type");
    if (cJSON_IsString(type))
        return is_name(type->valuestring);
    const cJSON *t;
    cJSON_ArrayForEach(t, (cJSON_IsArray(type) ? type : NULL))
        if (cJSON_IsString(t) && is_name(t->valuestring))
            return true;
    return false;
}

static bool is_article(const cJSON *obj)
{
    return has_type(obj, is_article_type_name);
}

static bool is_schema_org_url(const char *s)
{
    const char *rest = strip_schema_prefix(s);
    return rest != s && *rest == '\0' && strncmp(s, "schema:", 7) != 0;
}

static bool is_schema_org_host(const char *s)
{
    return strcmp(s, "http://schema.org") == 0 || strcmp(s, "https://schema.org") == 0 ||
           is_schema_org_url(s);
}

/* @context "https://schema.org", {"@vocab": "https://schema.org/"}, or an
 * array holding either. */
static bool is_schema_org_context(const cJSON *ctx)
{
    if (cJSON_IsString(ctx))
        return is_schema_org_host(ctx->valuestring);
    if (cJSON_IsObject(ctx)) {
        const cJSON *vocab = cJSON_GetObjectItemCaseSensitive(ctx, "@vocab");
        return cJSON_IsString(vocab) && is_schema_org_host(vocab->valuestring);
    }
    const cJSON *c;
    cJSON_ArrayForEach(c, (cJSON_IsArray(ctx) ? ctx : NULL))
        if (!cJSON_IsArray(c) && is_schema_org_context(c))
            return true;
    return false;
}

static const cJSON *first_article_in(const cJSON *list)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, (cJSON_IsArray(list) ? list : NULL))
        if (cJSON_IsObject(item) && is_article(item))
            return item;
    return NULL;
}

/* The Article object of one parsed script, or NULL. The schema.org context
 * may sit on the object itself or on the document that holds it. */
static const cJSON *find_article(const cJSON *root)
{
    const cJSON *doc = root;
    if (cJSON_IsArray(root)) {
        doc = first_article_in(root);
        if (!doc)
            return NULL;
    }
    if (!cJSON_IsObject(doc))
        return NULL;
    bool context = is_schema_org_context(cJSON_GetObjectItemCaseSensitive(doc, "@context"));
    if (is_article(doc))
        return context ? doc : NULL;
    const cJSON *found = first_article_in(cJSON_GetObjectItemCaseSensitive(doc, "@graph"));
    if (found && (context || is_schema_org_context(cJSON_GetObjectItemCaseSensitive(found, "@context"))))
        return found;
    return NULL;
}

static const char *json_string(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* author: {"name"}, [{"name"}...] joined with ", ", and (beyond Readability)
 * plain strings, alone or in the array. */
static void json_author_names(const cJSON *author, strbuf *out)
{
    if (cJSON_IsString(author)) {
        meta_sb_puts(out, author->valuestring);
        return;
    }
    if (cJSON_IsObject(author)) {
        const char *name = json_string(author, "name");
        if (name)
            meta_sb_puts(out, name);
        return;
    }
    const cJSON *a;
    cJSON_ArrayForEach(a, (cJSON_IsArray(author) ? author : NULL)) {
        const char *name = cJSON_IsString(a) ? a->valuestring : json_string(a, "name");
        if (!meta_has_text(name))
            continue;
        if (out->len)
            meta_sb_puts(out, ", ");
        const char *t = name;
        size_t n = strlen(t);
        meta_trim(&t, &n);
        meta_sb_putn(out, t, n);
    }
}

/* name and headline usually agree; when they do not (aktualne.cz puts its
 * own name in "name"), take the one that matches the HTML title. */
static const char *ld_title(scan *sc, const cJSON *article)
{
    const char *name = json_string(article, "name");
    const char *headline = json_string(article, "headline");
    if (name && headline && strcmp(name, headline) != 0) {
        const char *title = meta_html_title(sc);
        bool name_matches = text_similarity(name, title) > 0.75;
        bool headline_matches = text_similarity(headline, title) > 0.75;
        return headline_matches && !name_matches ? headline : name;
    }
    return name ? name : headline;
}

static void ld_extract(scan *sc, const cJSON *article, ld_fields *ld)
{
    ld->title = meta_clean_value(ld_title(sc, article), &sc->oom);
    strbuf authors = {0};
    json_author_names(cJSON_GetObjectItemCaseSensitive(article, "author"), &authors);
    sc->oom |= authors.oom;
    char *joined = meta_sb_take(&authors);
    ld->byline = meta_clean_value(joined, &sc->oom);
    free(joined);
    ld->excerpt = meta_clean_value(json_string(article, "description"), &sc->oom);
    const cJSON *publisher = cJSON_GetObjectItemCaseSensitive(article, "publisher");
    ld->site_name = meta_clean_value(json_string(publisher, "name"), &sc->oom);
    ld->published = meta_clean_value(json_string(article, "datePublished"), &sc->oom);
    const char *body = json_string(article, "articleBody");
    ld->body = body ? meta_collapse_ws(body, strlen(body), &sc->oom) : NULL;
}

/* Script text without the <![CDATA[ opener some CMSes add; cJSON stops at
 * the end of the value, so the closing ]]> needs no care. */
static char *script_json(const scan *sc, int32_t id, bool *oom)
{
    char *text = meta_element_text(sc, id, oom);
    if (!text)
        return NULL;
    const char *s = text;
    size_t n = strlen(s);
    meta_trim(&s, &n);
    if (n >= 9 && strncmp(s, "<![CDATA[", 9) == 0) {
        s += 9;
        n -= 9;
    }
    memmove(text, s, n);
    text[n] = '\0';
    return text;
}

static bool is_ld_json_script(const rm_dom *dom, int32_t id)
{
    if (!meta_is_html_element(dom, id, GUMBO_TAG_SCRIPT))
        return false;
    const char *type = dom_attr(dom, id, "type");
    if (!type)
        return false;
    size_t n = strlen(type);
    meta_trim(&type, &n);
    return n == 19 && strncasecmp(type, "application/ld+json", 19) == 0;
}

/* ------------------------------------------------------------------ */
/* Product descriptions: the longest `description` of a schema.org
 * Product (or IndividualProduct, ProductGroup) anywhere in the page's
 * JSON-LD, with the HTML markup some shops put in it stripped. */

#define PRODUCT_LD_DEPTH 8   /* Products sit at most this deep in @graph / offers trees */

static bool is_product_type_name(const char *s)
{
    s = strip_schema_prefix(s);
    return strcmp(s, "Product") == 0 || strcmp(s, "IndividualProduct") == 0 ||
           strcmp(s, "ProductGroup") == 0;
}

static bool is_product(const cJSON *obj)
{
    return has_type(obj, is_product_type_name);
}

static void longest_product_description(const cJSON *item, int depth, const char **best)
{
    if (!item || depth > PRODUCT_LD_DEPTH)
        return;
    if (cJSON_IsObject(item) && is_product(item)) {
        const char *d = json_string(item, "description");
        if (d && (!*best || strlen(d) > strlen(*best)))
            *best = d;
    }
    const cJSON *child;
    cJSON_ArrayForEach(child, item)
        if (cJSON_IsObject(child) || cJSON_IsArray(child))
            longest_product_description(child, depth + 1, best);
}

/* Tags become spaces, so "<li>a</li><li>b</li>" keeps its words apart. */
static char *strip_tags(const char *s, bool *oom)
{
    char *out = malloc(strlen(s) + 1);
    if (!out) {
        *oom = true;
        return NULL;
    }
    char *w = out;
    for (; *s; s++) {
        if (*s == '<' && (s[1] == '/' || s[1] == '!' || ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z'))) {
            const char *close = strchr(s, '>');
            if (close) {
                *w++ = ' ';
                s = close;
                continue;
            }
        }
        *w++ = *s;
    }
    *w = '\0';
    return out;
}

/* Keep the longest Product description of one parsed script in *best_text
 * (plain text, malloc'd). */
static void keep_product_description(scan *sc, const cJSON *root, char **best_text)
{
    const char *best = NULL;
    longest_product_description(root, 0, &best);
    if (!best || (*best_text && strlen(best) <= strlen(*best_text)))
        return;
    /* Entities first: some shops escape their markup as &lt;p&gt;. */
    char *decoded = meta_clean_value(best, &sc->oom);
    char *plain = decoded ? strip_tags(decoded, &sc->oom) : NULL;
    char *clean = plain ? meta_clean_value(plain, &sc->oom) : NULL;
    free(decoded);
    free(plain);
    if (clean) {
        free(*best_text);
        *best_text = clean;
    }
}

/* ------------------------------------------------------------------ */

/* The screens of the types read here (ldscreen.h): "Product" (which also
 * finds its kinds, IndividualProduct and ProductGroup), and "Product" or
 * an article type while no article is found. */
typedef struct {
    ldscreen product, product_or_article;
} type_screens;

static void init_screens(type_screens *t)
{
    static const char *const product[] = {"Product"};
    ldscreen_init(&t->product);
    ldscreen_add(&t->product, product, COUNT_OF(product));
    t->product_or_article = t->product;
    ldscreen_add(&t->product_or_article, article_types, COUNT_OF(article_types));
}

/* Each script is parsed once for both readers: the first script that
 * describes an Article gives the fields, as in Readability; every script
 * may hold a Product. */
void meta_collect_json_ld(scan *sc, ld_fields *ld)
{
    bool article_found = false;
    type_screens screens;
    init_screens(&screens);
    for (size_t k = 0; k < sc->scripts.count && !sc->oom; k++) {
        int32_t i = sc->scripts.ids[k];
        if (!is_ld_json_script(sc->dom, i))
            continue;
        char *json = script_json(sc, i, &sc->oom);
        const ldscreen *screen = article_found ? &screens.product : &screens.product_or_article;
        cJSON *root = json && ldscreen_may_name(screen, json) ? cJSON_Parse(json) : NULL;
        free(json);
        const cJSON *article = root && !article_found ? find_article(root) : NULL;
        if (article) {
            ld_extract(sc, article, ld);
            article_found = true;
        }
        keep_product_description(sc, root, &ld->product_description);
        cJSON_Delete(root);
    }
}
