/*
 * meta_internal.h — what the metadata readers (meta_*.c) share: the scan of
 * the document, its per-node text facts, and the string helpers. Internal to
 * the library; metadata.h is the module's interface.
 */
#ifndef RM_META_INTERNAL_H
#define RM_META_INTERNAL_H

#include "dom.h"

#include <unitypes.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

/* Growable strings; an allocation failure is sticky and checked once. */

typedef struct {
    char *s;
    size_t len, cap;
    bool oom;
} strbuf;

void meta_sb_putn(strbuf *b, const char *s, size_t n);
void meta_sb_puts(strbuf *b, const char *s);
/* The collected string, or NULL (empty or out of memory: see b->oom). */
char *meta_sb_take(strbuf *b);

/* White space is JavaScript's \s: Unicode White_Space plus U+FEFF. */
bool meta_is_space_cp(ucs4_t cp);
/* Length in bytes of the white-space character at s, or 0. */
int meta_space_len(const char *s);
/* Length in UTF-16 code units, as Readability's thresholds count. */
size_t meta_js_length(const char *s, size_t n);
/* str.split(/\s+/).length */
size_t meta_word_count(const char *s, size_t n);
void meta_trim(const char **s, size_t *n);
/* White-space runs collapsed and trimmed; NULL when empty. */
char *meta_collapse_ws(const char *s, size_t n, bool *oom);
/* A value as published: entities decoded, white space collapsed. */
char *meta_clean_value(const char *raw, bool *oom);
bool meta_has_text(const char *s);

/* The text facts of a node's subtree. Lengths are in UTF-16 units like
 * Readability's; white space is always one unit. */
typedef struct {
    uint32_t units;       /* textContent length */
    uint32_t lead, trail; /* white space at either end (lead == units: blank) */
} node_facts;

/* The rules ask the facts of a few nodes (byline candidates, headings),
 * so each is read from its subtree when asked; once the subtrees read
 * would add up to more than a quarter of the page (nested headings),
 * every node's are summed in one pass instead, so the reads stay linear.
 * A rule that reads the whole body (the page's direction) asks for every
 * node's at once (meta_facts_need_all). */
typedef struct {
    node_facts *all;   /* every node's, or NULL until needed */
    size_t budget;     /* nodes the subtree reads may still visit
                          (SIZE_MAX: no memory for `all`) */
} meta_facts;

uint32_t meta_trimmed_units(const node_facts *f);
bool meta_inside(const rm_dom *dom, int32_t id, int32_t ancestor);
bool meta_is_html_element(const rm_dom *dom, int32_t id, GumboTag tag);
bool meta_has_token(const char *value, const char *token);

typedef enum {
    K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_ARTICLE_TITLE,
    K_WEIBO_WEBPAGE_TITLE, K_TITLE, K_TWITTER_TITLE, K_PARSELY_TITLE,
    K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR, K_ARTICLE_AUTHOR,
    K_DC_DESCRIPTION, K_DCTERM_DESCRIPTION, K_OG_DESCRIPTION,
    K_WEIBO_ARTICLE_DESCRIPTION, K_WEIBO_WEBPAGE_DESCRIPTION, K_DESCRIPTION,
    K_TWITTER_DESCRIPTION,
    K_OG_SITE_NAME,
    K_ARTICLE_PUBLISHED_TIME, K_PARSELY_PUB_DATE,
    K_OG_LOCALE, K_OG_URL,
    K_COUNT
} meta_key;

/* Element ids in document order, gathered by the one pass over the
 * document so that no later rule walks every node for a few of them. */
typedef struct {
    int32_t *ids;
    size_t count, cap;
} meta_ids;

/* Append; false (and nothing added) when out of memory. */
bool meta_ids_add(meta_ids *list, int32_t id);

/* What one pass over the document finds. */
typedef struct {
    const rm_dom *dom;
    const char *page_url;
    bool oom;
    const char *meta[K_COUNT];   /* content attribute, last tag wins */
    const char *content_language;
    const char *canonical;       /* first <link rel=canonical href> */
    const char *base_href;       /* first <base href> */
    int32_t title_el;            /* first <title> */
    meta_ids headings;           /* <h1> and <h2> */
    meta_ids scripts;            /* <script> with attributes */
    meta_ids dirs;               /* elements with a dir attribute */
    meta_facts *facts;           /* text facts, read on demand (meta_node_facts) */
    char *html_title;            /* _getArticleTitle's answer, computed once */
    bool html_title_done;
} scan;

void meta_facts_init(meta_facts *m, const rm_dom *dom);
void meta_facts_free(meta_facts *m);
node_facts meta_node_facts(const scan *sc, int32_t id);
void meta_facts_need_all(const scan *sc);

/* textContent of an element, NULL when empty. */
char *meta_element_text(const scan *sc, int32_t id, bool *oom);

/* meta_head.c */
typedef enum { META_TITLE, META_BYLINE, META_EXCERPT, META_SITE_NAME, META_PUBLISHED } meta_field;
void meta_scan_document(scan *sc);
void meta_scan_free(scan *sc);
/* The strongest <meta> value for a field, or NULL. */
const char *meta_tag_value(const scan *sc, meta_field field);
char *meta_page_lang(const scan *sc, bool *oom);
char *meta_page_dir(const scan *sc, bool *oom);
char *meta_page_canonical(const scan *sc, bool *oom);
bool meta_is_absolute_url(const char *url);

/* meta_title.c: _getArticleTitle's answer, computed once ("" if none). */
const char *meta_html_title(scan *sc);
/* Cut what the site appended to *title (its name, a section, the author)
 * where the page shows it is an addition; `url` is the page's address. */
void meta_clean_title(scan *sc, char **title, const char *site_name, const char *url);

/* meta_jsonld.c */
typedef struct {
    char *title, *byline, *excerpt, *site_name, *published, *body;
    char *product_description;   /* the longest schema.org Product
                                    description, as plain text */
} ld_fields;
void meta_collect_json_ld(scan *sc, ld_fields *ld);

/* meta_byline.c: the byline text and the element holding it. */
char *meta_dom_byline(scan *sc, int32_t *node);
/* The name in a byline, with any date after it cut off; NULL when what is
 * left names no one (a date, a button, glued labels). */
char *meta_byline_name(const char *byline, bool *oom);

/* meta_date.c: ISO 8601, or NULL when the value is no date. */
char *meta_normalize_date(const char *value, bool *oom);

#endif
