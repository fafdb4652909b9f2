/*
 * pagetype.c — decide what kind of page this is, before the article is
 * chosen: a forum thread is its posts, an index page its cards, and the
 * passes after this one gather content accordingly.
 *
 * Evidence is weighed, not taken from one place (votes per type, the
 * highest wins, an article when nothing speaks up):
 *   - schema.org types the page declares, in JSON-LD (@type anywhere in
 *     the data, @graph included) and in microdata (itemtype);
 *   - og:type ("product", "product.group", "article");
 *   - the generator meta tag, when it names forum software;
 *   - path words of the page's URL, the caller's or else the canonical one
 *     ("/threads/", "/docs/", "/collections/"), one vote per word, and the
 *     first label of its host ("docs.", "forum.");
 *   - structure: repeated posts (alike siblings each with a date or author
 *     and prose of their own) that outweigh the prose around them; grids of
 *     alike teaser cards that hold most of the page's text, or several
 *     grids that together hold much of it with hardly any prose beside
 *     them (a front page's sections); a purchase button; code blocks
 *     holding much of the text; inline code in the prose, links to the
 *     page's source and version pickers (manuals).
 * Nothing names a site: these are the page's own declarations and shapes.
 */
#include "ldscreen.h"
#include "pagetype.h"
#include "heuristics.h"
#include "product.h"

#include <cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_LD_DEPTH 12
#define MIN_POST_CHARS 60      /* a post says something: a sentence or two */
#define MAX_POST_LINK_DENSITY 0.5
#define MIN_POSTS 2
#define MIN_CARDS 6            /* a grid of cards, not a related-posts row */
#define CARD_MAX_CHARS 600
#define STORY_CARD_MAX_CHARS 1200  /* a dated story's teaser: see is_card */
#define CARD_SHARE 0.5         /* cards hold at least half the page's text */
#define CODE_SHARE 0.15        /* code holds this much of the page's text */
#define MANUAL_INLINE_CODE 10  /* inline code elements of a manual: on the
                                   WCXB development pages 62 of 91 manuals
                                   have ten or more, 29 of 793 articles */
#define MANUAL_INLINE_CODE_WEIGHT 1.0f  /* outweighs the unsigned article */
#define REFERENCE_INLINE_CODE 40   /* a reference page names dozens, and
                                      outweighs an og:type "article" that
                                      documentation generators set by default */
#define REFERENCE_INLINE_CODE_WEIGHT 1.0f
#define SCAN_KINDS 6           /* distinct child kinds compared per parent */

const char *rm_page_type_name(rm_page_type type)
{
    static const char *const names[RM_PAGE_TYPE_COUNT] = {
        [RM_PAGE_ARTICLE] = "article",       [RM_PAGE_FORUM] = "forum",
        [RM_PAGE_DOCUMENTATION] = "documentation", [RM_PAGE_SERVICE] = "service",
        [RM_PAGE_PRODUCT] = "product",       [RM_PAGE_COLLECTION] = "collection",
        [RM_PAGE_LISTING] = "listing",
    };
    return (unsigned)type < RM_PAGE_TYPE_COUNT ? names[type] : "article";
}

/* schema.org types and the kind of page their presence says (schema.org's
 * own definitions: a QAPage is a question with its answers, a
 * CollectionPage a page of items). Each counts once per page, except
 * Product: one or two are the page's product, many are a catalogue. */
static const struct {
    const char *name;
    rm_page_type type;
    float weight;
} schema_votes[] = {
    {"DiscussionForumPosting", RM_PAGE_FORUM, 4.0f},
    {"QAPage", RM_PAGE_FORUM, 4.0f},
    {"SocialMediaPosting", RM_PAGE_FORUM, 2.0f},
    {"TechArticle", RM_PAGE_DOCUMENTATION, 3.0f},
    {"APIReference", RM_PAGE_DOCUMENTATION, 4.0f},
    {"Product", RM_PAGE_PRODUCT, 3.0f},
    {"IndividualProduct", RM_PAGE_PRODUCT, 3.0f},
    {"ProductGroup", RM_PAGE_PRODUCT, 2.0f},
    {"CollectionPage", RM_PAGE_COLLECTION, 3.0f},
    {"SomeProducts", RM_PAGE_COLLECTION, 3.0f},   /* "multiple similar products of the
                                                    same kind": shop platforms mark
                                                    their product grid so */
    {"OfferCatalog", RM_PAGE_COLLECTION, 2.0f},
    {"SearchResultsPage", RM_PAGE_LISTING, 4.0f},
    {"Article", RM_PAGE_ARTICLE, 1.0f},
    {"NewsArticle", RM_PAGE_ARTICLE, 2.0f},
    {"BlogPosting", RM_PAGE_ARTICLE, 2.0f},
    {"ScholarlyArticle", RM_PAGE_ARTICLE, 2.0f},
    {"Report", RM_PAGE_ARTICLE, 1.0f},
    {"Recipe", RM_PAGE_ARTICLE, 2.0f},
    {"Service", RM_PAGE_SERVICE, 2.0f},
    {"ProfessionalService", RM_PAGE_SERVICE, 2.0f},
    {"EducationalOccupationalProgram", RM_PAGE_SERVICE, 2.0f},
    {"Course", RM_PAGE_SERVICE, 1.0f},
};
#define SCHEMA_COUNT (sizeof schema_votes / sizeof schema_votes[0])
#define CATALOGUE_PRODUCTS 3
/* A Product with no Offer sells nothing on the page: service and agency
 * pages declare one to show review stars (an AggregateRating needs an item
 * to rate). Its vote shrinks to a hint; a purchase button still counts. */
#define UNSOLD_PRODUCT_DISCOUNT 1.5f
#define BUY_BOX_BUTTONS 3   /* "Add to cart", "Buy now", a sticky copy of one */

/* og:type values (the Open Graph protocol's object types). */
static const struct {
    const char *value;
    rm_page_type type;
    float weight;
} og_votes[] = {
    {"product", RM_PAGE_PRODUCT, 3.0f},
    {"og:product", RM_PAGE_PRODUCT, 3.0f},
    {"product.item", RM_PAGE_PRODUCT, 3.0f},
    {"product.group", RM_PAGE_COLLECTION, 3.0f},
    {"article", RM_PAGE_ARTICLE, 1.0f},
};

/* A word of the page's URL and the kind of page it names. */
typedef struct {
    const char *word;
    rm_page_type type;
} url_word;

/* Path segments of the page's URL that name its kind, as sites lay out
 * their URL spaces (forum software, documentation generators, shops). */
static const url_word path_votes[] = {
    {"forum", RM_PAGE_FORUM},       {"forums", RM_PAGE_FORUM},
    {"thread", RM_PAGE_FORUM},      {"threads", RM_PAGE_FORUM},
    {"topic", RM_PAGE_FORUM},       {"questions", RM_PAGE_FORUM},
    {"discussion", RM_PAGE_FORUM},  {"discussions", RM_PAGE_FORUM},
    {"showthread.php", RM_PAGE_FORUM}, {"viewtopic.php", RM_PAGE_FORUM},
    {"docs", RM_PAGE_DOCUMENTATION}, {"documentation", RM_PAGE_DOCUMENTATION},
    {"manual", RM_PAGE_DOCUMENTATION}, {"reference", RM_PAGE_DOCUMENTATION},
    {"api", RM_PAGE_DOCUMENTATION}, {"guide", RM_PAGE_DOCUMENTATION},
    {"product", RM_PAGE_PRODUCT},   {"products", RM_PAGE_PRODUCT},
    {"item", RM_PAGE_PRODUCT},      {"dp", RM_PAGE_PRODUCT},
    {"collections", RM_PAGE_COLLECTION}, {"category", RM_PAGE_COLLECTION},
    {"categories", RM_PAGE_COLLECTION}, {"shop", RM_PAGE_COLLECTION},
    {"browse", RM_PAGE_COLLECTION},   /* a shop's category tree, "/browse/shoes/mens" */
    {"services", RM_PAGE_SERVICE},  {"service", RM_PAGE_SERVICE},
    {"pricing", RM_PAGE_SERVICE},   {"solutions", RM_PAGE_SERVICE},
    {"features", RM_PAGE_SERVICE},
};
#define PATH_WEIGHT 1.0f

/* The first label of the host, when a site keeps its manual or its forum
 * on a host of its own ("docs.example.com", "forum.example.org"): the
 * name says what every page there is, as a path word does. On the WCXB
 * development pages hosts led by "docs", "doc" or "developer" serve 38
 * manuals and nothing else; "forum" and "forums" 32 threads. */
static const url_word host_votes[] = {
    {"docs", RM_PAGE_DOCUMENTATION},      {"doc", RM_PAGE_DOCUMENTATION},
    {"developer", RM_PAGE_DOCUMENTATION}, {"developers", RM_PAGE_DOCUMENTATION},
    {"forum", RM_PAGE_FORUM},             {"forums", RM_PAGE_FORUM},
};

/* Forum packages that name themselves in <meta name="generator"> (their
 * own default templates do, "Discourse 3.4.0", "vBulletin 4.2.5"): the
 * page is part of a forum, a thread unless its structure says an index.
 * The weight outvotes a signed article (a thread carries its first post's
 * date, and a script-rendered thread shows nothing else) and stays under
 * a grid of cards with its bonus (a forum's topic list). */
static const char *const forum_generators[] = {
    "discourse", "vbulletin", "phpbb", "xenforo", "invision community", "mybb",
    "nodebb", "flarum", "vanilla", "simple machines", "smf ",
};
#define FORUM_GENERATOR_WEIGHT 2.5f

/* Purchase buttons (shop platforms' wording, in the languages the phrase
 * lists cover): with a price on the page they make it a product page. */
static const char *const purchase_phrases[] = {
    "add to cart", "add to bag", "add to basket", "buy now", "add to trolley",
    "in den warenkorb", "ajouter au panier", "añadir al carrito", "aggiungi al carrello",
    "in winkelwagen",
};

/* Links of documentation generators to the page's source (case-folded,
 * found inside a short link or button), and the words that follow
 * "version" (after a '-' or '_', or none) in the class or id of their
 * version pickers ("version-switcher", "versionSelect"). */
static const char *const docs_source_phrases[] = {
    "edit this page", "edit on github", "edit on gitlab", "improve this page", "improve this doc",
    "suggest an edit", "view page source", "show source", "edit page",
};
static const char *const version_picker_words[] = {"switch", "select", "picker"};
#define DOCS_CHROME_WEIGHT 1.0f   /* 19 of 91 manuals link to their source,
                                     2 of 793 articles */

/* Sales calls to action of landing and service pages: they sell a service
 * by a conversation or a trial, where a shop has a purchase button. Three
 * or more buttons or links saying so (the hero's, the pricing's, the
 * closing banner's) make a landing page. */
static const char *const sales_phrases[] = {
    "get started", "book a demo", "book a call", "book a consultation", "request a demo",
    "request a quote", "request a consultation", "get a demo", "get a quote", "get a free quote",
    "contact sales", "talk to sales", "talk to an expert", "schedule a call", "schedule a demo",
    "schedule a consultation", "start free trial", "start your free trial", "try for free",
    "try it free", "free consultation",
};
#define SALES_CALLS 3
#define SALES_WEIGHT 1.0f   /* 45 of 165 WCXB dev service pages have three,
                              55 of 793 articles (most of them signed) */

/* ---- schema.org types ------------------------------------------------------ */

typedef struct {
    float votes[RM_PAGE_TYPE_COUNT];
    bool seen[SCHEMA_COUNT];
    unsigned products;
    unsigned offers;      /* Offer or AggregateOffer items: something sold */
    char *headline;       /* the text of the page's first visible <h1> (malloc'd), or NULL */
    char *named;          /* the declared Product name the <h1> matched (malloc'd) */
    bool named_twice;     /* ... and another, different one matched too */
    bool headline_product;   /* a declared Product is what that <h1> names */
    bool purchase;        /* a purchase button or link on the page */
    int32_t replies_box;  /* posts found by structure whose text does not
                             outweigh the prose around them, or RM_NONE */
    unsigned replies;     /* ... and how many */
    unsigned cards;       /* the cards of the page's largest grid (cards_box) */
    uint32_t cards_chars; /* ... and their text */
    bool microdata;       /* some element carries itemtype or itemprop */
    bool prices_known;    /* shows_prices was asked, and said `prices` */
    bool prices;
} evidence;

static const char *schema_name(const char *type)
{
    const char *slash = strrchr(type, '/');
    const char *colon = strrchr(type, ':');
    if (slash)
        return slash + 1;
    return colon ? colon + 1 : type;
}

/* `variant`: the type is met inside a ProductGroup, whose hasVariant
 * Products are the sizes and colours of the page's one product, not a
 * catalogue (schema.org's ProductGroup). */
static void vote_schema_type(evidence *ev, const char *type, bool variant)
{
    const char *name = schema_name(type);
    if (strcmp(name, "Offer") == 0 || strcmp(name, "AggregateOffer") == 0)
        ev->offers++;
    for (size_t k = 0; k < SCHEMA_COUNT; k++) {
        if (strcmp(name, schema_votes[k].name) != 0)
            continue;
        if (schema_votes[k].type == RM_PAGE_PRODUCT && !variant)
            ev->products++;
        if (!ev->seen[k])
            ev->votes[schema_votes[k].type] += schema_votes[k].weight;
        ev->seen[k] = true;
    }
}

/* A Product or ProductGroup: what is declared inside one (its variants,
 * the offers' itemOffered, isSimilarTo, isAccessoryOrSparePartFor) belongs
 * to that product and makes no catalogue. */
static bool is_product_type(const cJSON *type)
{
    if (!cJSON_IsString(type))
        return false;
    const char *name = schema_name(type->valuestring);
    return strcmp(name, "Product") == 0 || strcmp(name, "ProductGroup") == 0 ||
           strcmp(name, "IndividualProduct") == 0;
}

/* ---- the product the headline names ----------------------------------------- */

/* A shop's product page is headed by the product's name, the name its
 * declared Product carries; a catalogue is headed by its category, and
 * declares products that are its cards. When the page's <h1> and a
 * declared Product's name are the same words (one may add the brand or
 * the colour: "Galaxy S25 Ultra" and "Samsung Galaxy S25 Ultra"), that
 * Product is the page's own, and the others are shelves around it.
 * Words: runs of letters and digits (any non-ASCII byte counts as a
 * letter), compared without regard to ASCII case. */
#define NAME_MAX_WORDS 32
#define NAME_MIN_WORDS 2          /* "Classic" alone names a line, not a product */
#define NAME_WORD_SHARE 0.6       /* the shorter name's words / the longer's */
#define HEADLINE_PRODUCT_WEIGHT 2.0f   /* outweighs a spread grid's bonus and
                                          a signed page's */

typedef struct {
    const char *start[NAME_MAX_WORDS];
    size_t len[NAME_MAX_WORDS];
    unsigned count;
} name_words;

static bool word_byte(unsigned char c) { return isalnum(c) || c >= 0x80; }

/* Fills `w`; false when the text has more words than a name has. */
static bool split_name(const char *text, name_words *w)
{
    w->count = 0;
    for (const char *p = text; *p;) {
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (*q && word_byte((unsigned char)*q))
            q++;
        if (w->count == NAME_MAX_WORDS)
            return false;
        w->start[w->count] = p;
        w->len[w->count++] = (size_t)(q - p);
        p = q;
    }
    return true;
}

static bool has_word(const name_words *w, const char *word, size_t len)
{
    for (unsigned k = 0; k < w->count; k++)
        if (w->len[k] == len && strncasecmp(w->start[k], word, len) == 0)
            return true;
    return false;
}

/* Are `a` and `b` the same name, give or take a word or two? */
static bool same_name(const char *a, const char *b)
{
    name_words wa, wb;
    if (!split_name(a, &wa) || !split_name(b, &wb))
        return false;
    const name_words *shorter = wa.count <= wb.count ? &wa : &wb;
    const name_words *longer = shorter == &wa ? &wb : &wa;
    if (shorter->count < NAME_MIN_WORDS || shorter->count < NAME_WORD_SHARE * longer->count)
        return false;
    for (unsigned k = 0; k < shorter->count; k++)
        if (!has_word(longer, shorter->start[k], shorter->len[k]))
            return false;
    return true;
}

/* Several different products matching the headline ("Trail pack red",
 * "Trail pack blue" under "Trail pack") are a line's catalogue or its
 * variants: no one of them is the page's. */
static void match_headline(evidence *ev, const cJSON *item)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(item, "name");
    if (!ev->headline || !cJSON_IsString(name) || !same_name(ev->headline, name->valuestring))
        return;
    if (!ev->named)
        ev->named = strdup(name->valuestring);
    else if (strcmp(ev->named, name->valuestring) != 0)
        ev->named_twice = true;
}

/* Every @type in the data, at any depth (bounded). */
static void walk_json(evidence *ev, const cJSON *item, int depth, bool variant)
{
    if (!item || depth > MAX_LD_DEPTH)
        return;
    if (cJSON_IsObject(item)) {
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(item, "@type");
        if (cJSON_IsString(type))
            vote_schema_type(ev, type->valuestring, variant);
        const cJSON *t;
        cJSON_ArrayForEach(t, (cJSON_IsArray(type) ? type : NULL))
            if (cJSON_IsString(t))
                vote_schema_type(ev, t->valuestring, variant);
        if (is_product_type(type))
            match_headline(ev, item);
        variant = variant || is_product_type(type);
    }
    const cJSON *child;
    cJSON_ArrayForEach(child, item)
        if (cJSON_IsObject(child) || cJSON_IsArray(child))
            walk_json(ev, child, depth + 1, variant);
}

static bool is_ld_json(const char *type)
{
    return type && strncasecmp(type, "application/ld+json", 19) == 0;
}

/* The screen of the JSON texts that can vote (ldscreen.h): a type votes
 * only when its name is in schema_votes or is an Offer. */
static void init_voting_screen(ldscreen *screen)
{
    static const char *const offer[] = {"Offer"};
    ldscreen_init(screen);
    ldscreen_add(screen, offer, 1);
    for (size_t k = 0; k < SCHEMA_COUNT; k++)
        ldscreen_add(screen, &schema_votes[k].name, 1);
}

/* The first <h1> the page shows, or RM_NONE. Subtrees that hold no <h1>
 * (NF_HAS_H1) are stepped over whole. */
static int32_t first_headline(const rm_engine *e)
{
    int32_t body = e->dom.body, end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end;) {
        if (!(e->flags[i] & NF_HAS_H1)) {
            i = engine_kept(e, engine_end(e, i), end);
            continue;
        }
        if (e->dom.nodes[i].tag == GUMBO_TAG_H1 && e->raw[i].chars > 0)
            return i;
        i = engine_kept(e, i + 1, end);
    }
    return RM_NONE;
}

/* The headline's text nodes joined by spaces: a shop writes the brand and
 * the name in spans of their own, with no space between them
 * ("<span>Bershka</span><span>Faux leather jacket</span>"). Malloc'd. */
#define HEADLINE_MAX_BYTES 300

static char *headline_text(const rm_engine *e, int32_t h1)
{
    char *text = malloc(HEADLINE_MAX_BYTES + 1);
    if (!text)
        return NULL;
    size_t n = 0;
    int32_t end = engine_end(e, h1);
    for (int32_t i = h1; i < end && n < HEADLINE_MAX_BYTES; i++) {
        if (e->dom.nodes[i].type != RM_NODE_TEXT)
            continue;
        const char *t = dom_text(&e->dom, i);
        size_t len = t ? strlen(t) : 0;
        if (len == 0)
            continue;
        if (n > 0)
            text[n++] = ' ';
        if (len > HEADLINE_MAX_BYTES - n)
            len = HEADLINE_MAX_BYTES - n;
        memcpy(text + n, t, len);
        n += len;
    }
    text[n] = '\0';
    return text;
}

/* The schema.org types the page declares are read in walk_page, element
 * by element, between these two: the headline a declared Product's name
 * is matched with is found first. */
static void open_schema(const rm_engine *e, evidence *ev, ldscreen *voting)
{
    int32_t h1 = first_headline(e);
    char *headline = NULL;
    if (h1 != RM_NONE) {
        ev->headline_product = product_in_item(e, h1);   /* microdata: the <h1> names the item */
        headline = headline_text(e, h1);
    }
    ev->headline = headline;
    init_voting_screen(voting);
}

static void schema_of_element(const rm_engine *e, evidence *ev, const ldscreen *voting, int32_t i)
{
    const rm_node *n = &e->dom.nodes[i];
    const char *itemtype = dom_attr(&e->dom, i, "itemtype");
    if (itemtype)
        vote_schema_type(ev, itemtype, false);
    ev->microdata = ev->microdata || itemtype || dom_attr(&e->dom, i, "itemprop");
    if (n->tag != GUMBO_TAG_SCRIPT || !is_ld_json(dom_attr(&e->dom, i, "type")) ||
        n->first_child == RM_NONE)
        return;
    const char *json = dom_text(&e->dom, n->first_child);
    cJSON *root = json && ldscreen_may_name(voting, json) ? cJSON_Parse(json) : NULL;
    walk_json(ev, root, 0, false);
    cJSON_Delete(root);
}

static void close_schema(evidence *ev)
{
    ev->headline_product = ev->headline_product || (ev->named && !ev->named_twice);
    free(ev->headline);
    ev->headline = NULL;
    free(ev->named);
    ev->named = NULL;
    if (ev->products >= CATALOGUE_PRODUCTS && !ev->headline_product) {
        ev->votes[RM_PAGE_PRODUCT] = 0.0f;
        ev->votes[RM_PAGE_COLLECTION] += 3.0f;
    } else if (ev->products > 0 && ev->offers == 0) {
        ev->votes[RM_PAGE_PRODUCT] -= UNSOLD_PRODUCT_DISCOUNT;
    }
}

/* ---- meta and URL ---------------------------------------------------------- */

static const char *meta_content(const rm_engine *e, const char *property)
{
    if (e->dom.head == RM_NONE)
        return NULL;
    int32_t end = engine_end(e, e->dom.head);
    for (int32_t i = e->dom.head; i < end; i++) {
        if (e->dom.nodes[i].tag != GUMBO_TAG_META)
            continue;
        const char *p = dom_attr(&e->dom, i, "property");
        if (!p)
            p = dom_attr(&e->dom, i, "name");
        if (p && strcasecmp(p, property) == 0)
            return dom_attr(&e->dom, i, "content");
    }
    return NULL;
}

/* Sites that define their own Open Graph objects name them in a namespace
 * of their own ("shopname:product"): the type is the part after it. */
static const char *og_type_name(const char *og)
{
    const char *colon = og ? strrchr(og, ':') : NULL;
    return colon && strncasecmp(og, "og:", 3) != 0 ? colon + 1 : og;
}

static void vote_og_type(const rm_engine *e, evidence *ev)
{
    const char *og = og_type_name(meta_content(e, "og:type"));
    for (size_t k = 0; og && k < sizeof og_votes / sizeof og_votes[0]; k++)
        if (strcasecmp(og, og_votes[k].value) == 0)
            ev->votes[og_votes[k].type] += og_votes[k].weight;
}

static void vote_generator(const rm_engine *e, evidence *ev)
{
    const char *generator = meta_content(e, "generator");
    for (size_t k = 0; generator && k < sizeof forum_generators / sizeof forum_generators[0]; k++)
        if (strncasecmp(generator, forum_generators[k], strlen(forum_generators[k])) == 0) {
            ev->votes[RM_PAGE_FORUM] += FORUM_GENERATOR_WEIGHT;
            return;
        }
}

/* The `n` bytes at `text` are one of the table's words (ASCII case aside):
 * it votes for its kind of page. */
static void vote_url_word(const url_word *table, size_t count, const char *text, size_t n,
                          evidence *ev)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(table[k].word) == n && strncasecmp(text, table[k].word, n) == 0) {
            ev->votes[table[k].type] += PATH_WEIGHT;
            return;
        }
}

/* The host's first label votes, when the host has a name beyond it
 * ("docs.example.com", not a bare "docs" on an intranet). */
static void vote_host(const char *host, size_t len, evidence *ev)
{
    size_t n = strcspn(host, ".");
    if (n < len)
        vote_url_word(host_votes, sizeof host_votes / sizeof host_votes[0], host, n, ev);
}

static void vote_path(const char *url, evidence *ev)
{
    if (!url)
        return;
    const char *p = strstr(url, "://");
    if (p) {
        const char *host = p + 3;
        vote_host(host, strcspn(host, "/?#:"), ev);
    }
    p = p ? strchr(p + 3, '/') : url;
    while (p && *p) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/?#");
        vote_url_word(path_votes, sizeof path_votes / sizeof path_votes[0], p, n, ev);
        p += n;
        if (*p == '?' || *p == '#')
            break;
    }
}

/* ---- structure ------------------------------------------------------------- */

static const rm_node *node(const rm_engine *e, int32_t id) { return &e->dom.nodes[id]; }

static bool visible_element(const rm_engine *e, int32_t id)
{
    return node(e, id)->type == RM_NODE_ELEMENT && e->drop[id] == DROP_KEEP;
}

/* ---- the page's census ------------------------------------------------------ */

/* What several votes count over the page's kept nodes, taken in one walk
 * in document order: a big page's node arrays outgrow the cache, and each
 * walk of its own read them from memory anew (a wiki page of 845,000
 * nodes made ten such walks here). */
#define PROSE_PARAGRAPH_CHARS 140  /* Readability's readerable unit */

typedef struct {
    uint32_t page;          /* the body's text */
    uint32_t code;          /* text in <pre> blocks, a nested one once */
    unsigned inline_code;   /* <code> in running text (is_inline_code) */
    unsigned headings;      /* <h1> to <h6> */
    uint32_t paragraphs;    /* text in paragraphs that are not mostly links */
    uint32_t prose;         /* ... in those of PROSE_PARAGRAPH_CHARS or more */
    unsigned lists;         /* elements that may be lists of links (list_item_tag) */
} page_census;

/* Inline code: <code> in running text, not a block of it (not inside
 * <pre> or another code element). Manuals name functions, options and
 * files in their prose; stories rarely do. */
static bool is_inline_code(const rm_engine *e, int32_t id)
{
    int32_t parent = node(e, id)->parent;
    return parent != RM_NONE && !(e->flags[parent] & NF_IN_CODE) && e->raw[id].chars > 0;
}

static bool is_prose_paragraph(const rm_engine *e, int32_t id)
{
    return node(e, id)->tag == GUMBO_TAG_P && engine_link_density(&e->raw[id]) < 0.25;
}

/* The item tag of a list of links: <li> of a <ul> or <ol>, <dt> of a
 * <dl>, or a table's rows (<tr> of a <tbody>): a ranking, a schedule or a
 * table of laureates, or a link aggregator's rows of submissions, one
 * linked entry per row with a few short cells beside it. */
static GumboTag list_item_tag(GumboTag list)
{
    switch (list) {
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
        return GUMBO_TAG_LI;
    case GUMBO_TAG_DL:
        return GUMBO_TAG_DT;
    case GUMBO_TAG_TBODY:
        return GUMBO_TAG_TR;
    default:
        return GUMBO_TAG_UNKNOWN;
    }
}

/* The census is taken in walk_page, over the body's kept nodes in
 * document order; `in` holds where that walk is. */
typedef struct {
    int32_t pre_end, code_end;   /* the <pre> and <code> the walk is in */
} census_walk;

static void census_of_node(const rm_engine *e, page_census *c, census_walk *in, int32_t i)
{
    GumboTag t = node(e, i)->tag;
    if (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6) {
        c->headings++;
    } else if (is_prose_paragraph(e, i)) {
        uint32_t chars = e->raw[i].chars;
        c->paragraphs += chars;
        c->prose += chars >= PROSE_PARAGRAPH_CHARS ? chars : 0;
    } else if (t == GUMBO_TAG_PRE && i >= in->pre_end) {
        c->code += e->raw[i].chars;
        in->pre_end = engine_end(e, i);
    } else if (t == GUMBO_TAG_CODE && i >= in->code_end) {
        c->inline_code += is_inline_code(e, i);
        in->code_end = engine_end(e, i);
    } else if (list_item_tag(t) != GUMBO_TAG_UNKNOWN) {
        c->lists++;
    }
}

/* ---- prices ----------------------------------------------------------------- */

/* An index of things for sale shows their prices; an index of stories does
 * not (heur_count_prices says what a price is). Six of them (a grid's worth, as
 * MIN_CARDS) make a catalogue: on the WCXB development pages 73% of
 * collections show six or more, 18% of listings do. */
#define CATALOGUE_PRICES 6

/* The prices text node `id` holds, or one when it is the currency sign of
 * a price whose number is the next text run (engine_split_price). */
static unsigned split_or_whole_prices(const rm_engine *e, int32_t id, unsigned need)
{
    unsigned whole = heur_count_prices(dom_text(&e->dom, id), need);
    return whole > 0 ? whole : (unsigned)engine_split_price(e, id);
}

static bool shows_prices(const rm_engine *e)
{
    unsigned found = 0;
    int32_t body = e->dom.body, end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end && found < CATALOGUE_PRICES;
         i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_TEXT && e->tchars[i] > 0)
            found += split_or_whole_prices(e, i, CATALOGUE_PRICES - found);
    return found >= CATALOGUE_PRICES;
}

/* shows_prices, asked once a page: several votes ask it. */
static bool page_shows_prices(const rm_engine *e, evidence *ev)
{
    if (!ev->prices_known)
        ev->prices = shows_prices(e);
    ev->prices_known = true;
    return ev->prices;
}

/* A teaser card: short and linked, led by a linked headline or a linked
 * picture; or a shop's product tile, whose name is often a plain div in a
 * link around the whole tile and whose picture is drawn by script, and
 * which shows a price. A news section's teaser runs longer (a headline,
 * its date, a summary of a few sentences, a picture with its caption and
 * credit): up to twice as long when it has a linked heading and a date.
 * An entry of a ranked article ("Top MBA programs") under its linked
 * heading carries no date of its own. */
static bool is_card(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->raw[id];
    if (s->links == 0 || s->chars > STORY_CARD_MAX_CHARS)
        return false;
    if (s->chars > CARD_MAX_CHARS)
        return (e->flags[id] & NF_HEADLINE) && s->headings > 0 && (e->flags[id] & NF_HAS_DATE);
    return (e->flags[id] & NF_HEADLINE) || s->images > 0 || s->headings > 0 ||
           (e->flags[id] & NF_PRICE_TAG);
}

/* The length of a class token without its trailing number: blog engines
 * lead each entry's classes with its id ("post-30149", "post-30119"). */
static size_t class_stem(const char *token, size_t len)
{
    while (len > 0 && isdigit((unsigned char)token[len - 1]))
        len--;
    return len;
}

/* Tag and first class token, less its trailing number: what repeated
 * posts or cards share. */
bool pagetype_same_kind(const rm_engine *e, int32_t a, int32_t b)
{
    if (node(e, a)->tag != node(e, b)->tag)
        return false;
    const char *ca = dom_attr(&e->dom, a, "class"), *cb = dom_attr(&e->dom, b, "class");
    size_t la = ca ? class_stem(ca, strcspn(ca, " \t\n")) : 0;
    size_t lb = cb ? class_stem(cb, strcspn(cb, " \t\n")) : 0;
    return la == lb && (la == 0 || memcmp(ca, cb, la) == 0);
}

/* A post of a thread: prose of its own, signed with a date or an author
 * or carrying a "Reply" control, and not a teaser led by a linked
 * headline; or holding its own permalink, which no teaser does (a post's
 * author name may be a linked heading), unless it is a figure (a manual's
 * numbered code listing linked from its caption). */
static bool says_something(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->raw[id];
    return s->chars - (uint32_t)s->link_chars >= MIN_POST_CHARS &&
           engine_link_density(s) <= MAX_POST_LINK_DENSITY;
}

static bool is_post(const rm_engine *e, int32_t id)
{
    if (!says_something(e, id))
        return false;
    uint32_t f = e->flags[id];
    return ((f & NF_PERMALINK) && !(f & NF_IN_FIGURE)) ||
           ((f & (NF_HAS_DATE | NF_REPLY)) && !(f & NF_HEADLINE));
}


typedef struct {
    int32_t box;
    unsigned count;
    uint32_t chars;
    int32_t kind;   /* a member, for what the others share; RM_NONE when
                       microdata marks them */
} group;

/* The children of a parent that pass a test, by kind: each is added to
 * the group of the first kind it shares (up to SCAN_KINDS kinds;
 * children of later kinds are not counted). */
typedef struct {
    group kinds[SCAN_KINDS];
    size_t count;
} kind_tally;

static void tally_child(const rm_engine *e, kind_tally *t, int32_t parent, int32_t c)
{
    size_t k = 0;
    while (k < t->count && !pagetype_same_kind(e, t->kinds[k].kind, c))
        k++;
    if (k == SCAN_KINDS)
        return;
    if (k == t->count)
        t->kinds[t->count++] = (group){parent, 0, 0, c};
    t->kinds[k].count++;
    t->kinds[k].chars += e->raw[c].chars;
}

/* The first of the largest groups. */
static group tally_best(const kind_tally *t, int32_t parent)
{
    group best = {parent, 0, 0, RM_NONE};
    for (size_t k = 0; k < t->count; k++)
        if (t->kinds[k].chars > best.chars)
            best = t->kinds[k];
    return best;
}

/* The largest run of alike children of `parent` passing `test`, in one
 * walk over the children. */
static group best_group(const rm_engine *e, int32_t parent, bool (*test)(const rm_engine *, int32_t))
{
    kind_tally t;
    t.count = 0;
    for (int32_t c = node(e, parent)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (visible_element(e, c) && test(e, c))
            tally_child(e, &t, parent, c);
    return tally_best(&t, parent);
}

/* Can `parent` hold a group of `min` children? Not with fewer nodes
 * under it: most elements of a big page (a heading, a link) hold one
 * text, and best_group need not walk their children. */
static bool may_hold_group(const rm_engine *e, int32_t parent, unsigned min)
{
    return node(e, parent)->size > min;
}

/* Can the subtree of `id` hold a post, or a card? What is_post asks of
 * a post's flags, and is_card of a card's links, its subtree holds too:
 * the flags flow upwards (engine_prepare), and a kept member's links are
 * in the sums of its kept ancestors. Where they are missing, find_group
 * steps over the subtree whole (a page without a link or a date has no
 * grid of cards and no thread, however many elements it has). */
static bool may_hold_post(const rm_engine *e, int32_t id)
{
    return (e->flags[id] & (NF_PERMALINK | NF_HAS_DATE | NF_REPLY)) != 0;
}

static bool may_hold_card(const rm_engine *e, int32_t id)
{
    return e->raw[id].links > 0;
}

/* The page's largest group of posts or cards; `may_hold` tells subtrees
 * where `test` passes nowhere. A subtree of `min` nodes or fewer holds
 * no parent of `min` children: it is stepped over whole, before its
 * statistics are read (a big page's headings and links). */
static group find_group(const rm_engine *e, bool (*test)(const rm_engine *, int32_t),
                        bool (*may_hold)(const rm_engine *, int32_t), unsigned min)
{
    group best = {RM_NONE, 0, 0, RM_NONE};
    int32_t body = e->dom.body, end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (node(e, i)->type != RM_NODE_ELEMENT)
            continue;
        if (!may_hold_group(e, i, min) || !may_hold(e, i)) {
            i = engine_end(e, i) - 1;
            continue;
        }
        if (e->raw[i].chars < best.chars)
            continue;
        group g = best_group(e, i, test);
        if (g.count >= min && g.chars > best.chars)
            best = g;
    }
    return best;
}

/* Prose outside a box (of the body): the page's paragraphs that are not
 * mostly links, less those in the box. */
static uint32_t prose_outside(const rm_engine *e, const page_census *census, int32_t box)
{
    uint32_t inside = 0;
    int32_t end = engine_end(e, box);
    for (int32_t i = engine_kept(e, box, end); i < end; i = engine_kept(e, i + 1, end))
        if (is_prose_paragraph(e, i))
            inside += e->raw[i].chars;
    return census->paragraphs - inside;
}

/* The places of the page's purchase buttons or links: the first and the
 * last few, in document order. They are read before the card grid is
 * found, and say how many lie outside it, up to the BUY_SEEN that
 * matter (own_purchases). */
#define BUY_SEEN (BUY_BOX_BUTTONS + 1)

typedef struct {
    int32_t first[BUY_SEEN];
    int32_t last[BUY_SEEN];   /* a ring: the newest at (count - 1) % BUY_SEEN */
    unsigned count;
} purchase_places;

/* What the page's short controls (links, buttons and inputs of 40
 * characters or less) say, and whether a class or id names a version
 * picker: each control's text folded once. */
typedef struct {
    bool purchase;     /* a purchase button or link anywhere */
    purchase_places buys;
    bool docs_chrome;  /* a link to the page's own source, as documentation
                          generators make (Sphinx, MkDocs, Docusaurus,
                          VitePress, GitBook, Read the Docs), or a picker of
                          the documented software's version */
    unsigned sales;    /* sales calls to action, counted up to SALES_CALLS */
} control_evidence;

/* Bit of a byte pair in a 512-bit set of the pairs a text holds. */
static unsigned pair_bit(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 31u + (unsigned)b) & 511u;
}

/* A table of phrases with the length of its shortest, measured once per
 * page: a control's text shorter than that holds none of them. */
typedef struct {
    const char *const *phrases;
    size_t count, shortest;
} phrase_list;

static phrase_list list_of(const char *const *phrases, size_t count)
{
    phrase_list l = {phrases, count, SIZE_MAX};
    for (size_t k = 0; k < count; k++)
        if (strlen(phrases[k]) < l.shortest)
            l.shortest = strlen(phrases[k]);
    return l;
}

/* Every short control of the page meets some forty phrases: a phrase
 * whose first two bytes never follow each other in the text cannot be in
 * it, so the text's byte pairs are gathered once and strstr runs only for
 * the few phrases they leave (a page of 17 000 "[edit]" links spent more
 * here than in the rest of page-type detection). */
static bool says_any(const char *text, size_t text_len, const phrase_list *list)
{
    if (text_len < list->shortest)
        return false;
    const char *const *phrases = list->phrases;
    size_t count = list->count;
    uint64_t pairs[8] = {0};
    const unsigned char *p = (const unsigned char *)text;
    for (; p[0] && p[1]; p++) {
        unsigned bit = pair_bit(p[0], p[1]);
        pairs[bit >> 6] |= 1ull << (bit & 63);
    }
    size_t len = (size_t)(p - (const unsigned char *)text) + (p[0] != '\0');
    for (size_t k = 0; k < count; k++) {
        const unsigned char *phrase = (const unsigned char *)phrases[k];
        unsigned bit = phrase[0] && phrase[1] ? pair_bit(phrase[0], phrase[1]) : 0;
        if (phrase[0] && phrase[1] && !((pairs[bit >> 6] >> (bit & 63)) & 1))
            continue;
        if (strlen(phrases[k]) <= len && strstr(text, phrases[k]))
            return true;
    }
    return false;
}

/* One search for "version" per class name, the picker words only after
 * it: every element with a class is asked. */
static bool names_version_picker(const rm_engine *e, int32_t id)
{
    const char *sig = engine_sig(e, id);   /* class and id, lower-cased */
    for (const char *v = *sig ? strstr(sig, "version") : NULL; v; v = strstr(v + 1, "version")) {
        const char *after = v + 7 + (v[7] == '-' || v[7] == '_');
        for (size_t k = 0; k < sizeof version_picker_words / sizeof version_picker_words[0]; k++)
            if (strncmp(after, version_picker_words[k], strlen(version_picker_words[k])) == 0)
                return true;
    }
    return false;
}

/* A control's folded text is read up to this many bytes (40 characters of
 * up to four bytes each). Folded on the stack: every short link of a
 * page is read. */
#define CONTROL_TEXT_BYTES 160

/* The phrase tables the controls are read against, measured once a page. */
typedef struct {
    phrase_list purchase, docs_source, sales;
    size_t shortest;   /* of them all */
} control_phrases;

static control_phrases open_controls(void)
{
#define LIST_OF(phrases) list_of(phrases, sizeof phrases / sizeof phrases[0])
    control_phrases p = {LIST_OF(purchase_phrases), LIST_OF(docs_source_phrases),
                         LIST_OF(sales_phrases), 0};
#undef LIST_OF
    p.shortest = p.purchase.shortest < p.docs_source.shortest ? p.purchase.shortest
                                                              : p.docs_source.shortest;
    p.shortest = p.sales.shortest < p.shortest ? p.sales.shortest : p.shortest;
    return p;
}

static void add_purchase(purchase_places *b, int32_t id)
{
    if (b->count < BUY_SEEN)
        b->first[b->count] = id;
    b->last[b->count % BUY_SEEN] = id;
    b->count++;
}

/* Element `i` of the body, in walk_page's walk of every element in
 * document order. */
static void controls_of_element(const rm_engine *e, const control_phrases *p, control_evidence *c,
                                int32_t i)
{
    if (!c->docs_chrome && names_version_picker(e, i))
        c->docs_chrome = true;
    GumboTag t = node(e, i)->tag;
    if (t != GUMBO_TAG_BUTTON && t != GUMBO_TAG_A && t != GUMBO_TAG_INPUT)
        return;
    const char *value = t == GUMBO_TAG_INPUT ? dom_attr(&e->dom, i, "value") : NULL;
    /* a control's text shorter than every phrase says none of them
     * ("[edit]"): no fold needed to know, nor its size (which a text
     * that short is under) */
    if (!value && engine_folds_shorter_than(e, i, NULL, p->shortest))
        return;
    if (e->raw[i].chars > 40)
        return;
    size_t len;
    char buf[CONTROL_TEXT_BYTES + 1];
    char *text = value ? strdup(value) : engine_fold_into(e, i, NULL, CONTROL_TEXT_BYTES, buf, &len);
    if (!text)
        return;
    /* a folded text is lower case already; a button's value is not */
    size_t text_len = value ? 0 : len;
    for (char *q = text; value && *q; q++, text_len++)
        *q = (char)tolower((unsigned char)*q);
    if (says_any(text, text_len, &p->purchase)) {
        c->purchase = true;
        add_purchase(&c->buys, i);
    }
    c->docs_chrome = c->docs_chrome || says_any(text, text_len, &p->docs_source);
    if (c->sales < SALES_CALLS && says_any(text, text_len, &p->sales))
        c->sales++;
    if (text != buf)
        free(text);
}

/* The purchase buttons or links outside `skip`'s subtree (a card grid;
 * RM_NONE: none), counted up to BUY_SEEN. Those before it are a prefix of
 * the places in document order and those after it a suffix: the first
 * BUY_SEEN places count the one side up to BUY_SEEN, the last the other. */
static unsigned own_purchases(const rm_engine *e, const purchase_places *b, int32_t skip)
{
    unsigned seen = b->count < BUY_SEEN ? b->count : BUY_SEEN;
    if (skip == RM_NONE)
        return seen;
    int32_t skip_end = engine_end(e, skip);
    unsigned outside = 0;
    for (unsigned k = 0; k < seen; k++)
        outside += (unsigned)(b->first[k] < skip) + (unsigned)(b->last[k] >= skip_end);
    return outside < BUY_SEEN ? outside : BUY_SEEN;
}

/* schema.org microdata on the posts themselves: each post of a thread is
 * an item of one of these types, or a property of the thread that holds
 * posts. */
static const char *const post_itemtypes[] = {
    "DiscussionForumPosting", "Question", "Answer", "Comment", "SocialMediaPosting",
};
static const char *const post_itemprops[] = {"comment", "suggestedAnswer", "acceptedAnswer"};

static bool in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t k = 0; s && k < n; k++)
        if (strcmp(s, list[k]) == 0)
            return true;
    return false;
}

static bool is_marked_post(const rm_engine *e, int32_t id)
{
    const char *type = dom_attr(&e->dom, id, "itemtype");
    return (type && in_list(schema_name(type), post_itemtypes,
                            sizeof post_itemtypes / sizeof post_itemtypes[0])) ||
           in_list(dom_attr(&e->dom, id, "itemprop"), post_itemprops,
                   sizeof post_itemprops / sizeof post_itemprops[0]);
}

bool pagetype_is_post_text(const rm_engine *e, int32_t id)
{
    const char *prop = dom_attr(&e->dom, id, "itemprop");
    if (!prop || strcmp(prop, "text") != 0 || dom_attr(&e->dom, id, "itemscope"))
        return false;
    for (int32_t a = node(e, id)->parent; a != RM_NONE; a = node(e, a)->parent)
        if (node(e, a)->type == RM_NODE_ELEMENT && dom_attr(&e->dom, a, "itemscope"))
            return is_marked_post(e, a);
    return false;
}

static int32_t common_ancestor(const rm_engine *e, int32_t a, int32_t b)
{
    if (a == RM_NONE)
        return b;
    while (a != RM_NONE && !engine_contains(e, a, b))
        a = node(e, a)->parent;
    return a;
}

/* An answer item: schema.org's Answer, or a Question's suggestedAnswer or
 * acceptedAnswer property. */
static bool is_marked_answer(const rm_engine *e, int32_t id)
{
    const char *type = dom_attr(&e->dom, id, "itemtype");
    const char *prop = dom_attr(&e->dom, id, "itemprop");
    return (type && strcmp(schema_name(type), "Answer") == 0) ||
           (prop && (strcmp(prop, "suggestedAnswer") == 0 || strcmp(prop, "acceptedAnswer") == 0));
}

/* Does the item `id` hold answers? schema.org nests a QAPage's answers in
 * its Question item (the suggestedAnswer and acceptedAnswer properties),
 * so that item is the whole thread, often with the page's sidebar, and
 * the question proper is only its `text` property. */
static bool holds_answers(const rm_engine *e, int32_t id)
{
    int32_t end = engine_end(e, id);
    for (int32_t i = engine_kept(e, id + 1, end); i < end; i = engine_kept(e, i + 1, end))
        if (node(e, i)->type == RM_NODE_ELEMENT && is_marked_answer(e, i))
            return true;
    return false;
}

/* The text of the question in a Question item that holds its answers:
 * an element carrying its `text` property outside any answer. */
static bool is_question_text(const rm_engine *e, int32_t id, int32_t question)
{
    const char *prop = dom_attr(&e->dom, id, "itemprop");
    return question != RM_NONE && engine_contains(e, question, id) && prop &&
           strcmp(prop, "text") == 0;
}

/* The box around the posts that microdata marks: their common ancestor,
 * and how many posts are not inside another post. A Question holding its
 * answers is no post but their thread: its text and its answers are. */
static group marked_posts(const rm_engine *e)
{
    group g = {RM_NONE, 0, 0, RM_NONE};
    int32_t question = RM_NONE;
    int32_t body = e->dom.body, end = engine_end(e, body);
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (node(e, i)->type != RM_NODE_ELEMENT || e->raw[i].chars == 0)
            continue;
        bool text = is_question_text(e, i, question);
        if (!text && !is_marked_post(e, i))
            continue;
        if (!text && question == RM_NONE && holds_answers(e, i)) {
            question = i;
            continue;
        }
        g.box = common_ancestor(e, g.box, i);
        g.count++;
        g.chars += e->raw[i].chars;
        i = engine_end(e, i) - 1;   /* comments under an answer are part of it */
    }
    return g;
}

/* A grid of cards with no article body beside it (less prose outside it
 * than Readability's charThreshold) is an index, signed or not: section
 * fronts, topic pages and ranked lists carry a date or an author in their
 * metadata too, taken from the newest story or the page's editor. The
 * bonus outweighs SIGNED_BONUS. So does a feed of dated teasers that
 * outweighs the prose beside it several times (INDEX_PROSE_RATIO): a
 * blog's front page with a welcome text or a sidebar's "About" paragraphs
 * beside its posts. An article's own paragraphs outweigh its row of
 * related posts, and the entries of a ranked list ("10 easy projects")
 * carry no dates of their own. */
#define INDEX_MAX_PROSE 500
#define INDEX_BONUS 1.5f
#define INDEX_PROSE_RATIO 3   /* as GRIDS_PROSE_RATIO below */

static float index_bonus(const rm_engine *e, const page_census *census, group cards)
{
    uint32_t prose = prose_outside(e, census, cards.box);
    bool feed = cards.kind != RM_NONE && (e->flags[cards.kind] & NF_HAS_DATE) &&
                (uint64_t)prose * INDEX_PROSE_RATIO < cards.chars;
    return prose < INDEX_MAX_PROSE || feed ? INDEX_BONUS : 0.0f;
}

/* A front page or a shop's department lays its cards out in several
 * grids, one per section ("Top stories", "Latest", "Deals"), none of
 * which holds half the page's text alone. Counted together they do. The
 * Beside them there is no article body: under INDEX_MAX_PROSE of prose
 * paragraphs, or a lead story's paragraphs that the cards outweigh. The
 * page's own header, footer, navigation and sidebars are not looked in
 * (a mega menu draws cards too): HTML's sectioning elements for what is
 * not the page's content. */
#define GRID_MIN_CARDS 3      /* a row of cards, as a section shows them */
#define GRIDS_MIN_CARDS 12    /* two grids' worth (MIN_CARDS) */
#define GRIDS_PROSE_RATIO 3   /* or cards that outweigh the prose beside
                                 them this much: a front page whose lead
                                 story runs to a paragraph or two */
#define GRIDS_SHARE 0.25      /* of the content's text, the rest being the
                                 sections' headings, "More" links and the
                                 menus that no <nav> marks */

static bool outside_content(GumboTag t)
{
    return t == GUMBO_TAG_NAV || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER ||
           t == GUMBO_TAG_ASIDE;
}

/* A card that leads somewhere by its heading or shows a price: not a
 * post with its author's picture. One heading at most: a short section
 * with a row of teasers under its own heading is a grid, not a card.
 * Spread grids are counted by these only. */
static bool is_teaser(const rm_engine *e, int32_t id)
{
    const rm_stats *s = &e->raw[id];
    if (s->chars > CARD_MAX_CHARS || s->links == 0 || s->headings > 1)
        return false;
    return (e->flags[id] & (NF_HEADLINE | NF_PRICE_TAG)) || s->headings > 0;
}

typedef struct {
    group cards;        /* every grid's cards, around their common ancestor */
    uint32_t content;   /* the page's text outside its header, footer,
                           navigation and sidebars */
    uint32_t prose;     /* paragraphs of prose there, outside the cards */
} grid_census;

#define MAX_GRIDS 32

/* Is `id` a card of a grid counted already (a child of its box, of the
 * kind its first card is)? Then its own insides are no grid. */
static bool in_counted_grid(const rm_engine *e, int32_t id, const int32_t (*grids)[2], size_t n)
{
    int32_t parent = node(e, id)->parent;
    for (size_t k = 0; k < n; k++)
        if (grids[k][0] == parent && pagetype_same_kind(e, grids[k][1], id))
            return true;
    return false;
}

/* The first card of the group best_group found under `parent`. */
static int32_t first_card(const rm_engine *e, int32_t parent)
{
    for (int32_t c = node(e, parent)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (visible_element(e, c) && is_teaser(e, c))
            return c;
    return RM_NONE;
}

/* ---- one walk of the page ---------------------------------------------------- */

/* The page's largest group of cards (find_group with is_card and
 * may_hold_card) and its grids of teasers (a front page's sections),
 * found as walk_page meets the body's kept elements. Each steps over
 * the subtrees it has no use for (those it skips end at skip_to). */
typedef struct {
    group best;
    int32_t skip_to;
} card_walk;

/* Does the card walk read the children of `i`? */
static bool cards_ask(const rm_engine *e, card_walk *w, int32_t i)
{
    if (i < w->skip_to)
        return false;
    if (!may_hold_group(e, i, MIN_CARDS) || !may_hold_card(e, i)) {
        w->skip_to = engine_end(e, i);
        return false;
    }
    return e->raw[i].chars >= w->best.chars;
}

static void cards_take(card_walk *w, group g)
{
    if (g.count >= MIN_CARDS && g.chars > w->best.chars)
        w->best = g;
}

typedef struct {
    grid_census all;
    int32_t grids[MAX_GRIDS][2];   /* each grid counted: its box and first card */
    size_t counted;
    int32_t skip_to;
} grid_walk;

/* Does the grid walk read the children of `i`? The page's header,
 * footer, navigation and sidebars, a grid counted already and the
 * paragraphs are not looked in; a box with fewer links than a grid has
 * teasers holds no grid of its own (each kept teaser's links are in its
 * sums). */
static bool grids_ask(const rm_engine *e, grid_walk *w, int32_t i)
{
    if (i < w->skip_to)
        return false;
    GumboTag t = node(e, i)->tag;
    if (outside_content(t) || in_counted_grid(e, i, w->grids, w->counted)) {
        if (outside_content(t))
            w->all.content -= e->raw[i].chars;
        w->skip_to = engine_end(e, i);
        return false;
    }
    if (t == GUMBO_TAG_P) {
        if (engine_link_density(&e->raw[i]) < 0.25)
            w->all.prose += e->raw[i].chars;
        w->skip_to = engine_end(e, i);
        return false;
    }
    return may_hold_group(e, i, GRID_MIN_CARDS) && e->raw[i].links >= GRID_MIN_CARDS;
}

static void grids_take(const rm_engine *e, grid_walk *w, int32_t i, group g)
{
    if (g.count < GRID_MIN_CARDS)
        return;
    w->all.cards.box = common_ancestor(e, w->all.cards.box, i);
    w->all.cards.count += g.count;
    w->all.cards.chars += g.chars;
    if (w->counted < MAX_GRIDS) {
        w->grids[w->counted][0] = i;
        w->grids[w->counted++][1] = first_card(e, i);
    } else {
        w->skip_to = engine_end(e, i);   /* enough grids: no looking inside */
    }
}

/* best_group of `parent` for cards and for teasers, its children read
 * once: every teaser is a card (short, linked, led by a linked heading,
 * a heading or a price), so only cards are asked whether they are one. */
static void card_and_teaser_groups(const rm_engine *e, int32_t parent, group *cards, group *teasers)
{
    kind_tally c, t;
    c.count = t.count = 0;
    for (int32_t ch = node(e, parent)->first_child; ch != RM_NONE; ch = node(e, ch)->next_sibling) {
        if (!visible_element(e, ch) || !is_card(e, ch))
            continue;
        tally_child(e, &c, parent, ch);
        if (is_teaser(e, ch))
            tally_child(e, &t, parent, ch);
    }
    *cards = tally_best(&c, parent);
    *teasers = tally_best(&t, parent);
}

/* Element `i`, kept, of the body: the cards' and the grids' step. */
static void cards_and_grids_of_element(const rm_engine *e, card_walk *cards, grid_walk *grids,
                                       int32_t i)
{
    bool card = cards_ask(e, cards, i), grid = grids_ask(e, grids, i);
    if (card && grid) {
        group c, t;
        card_and_teaser_groups(e, i, &c, &t);
        cards_take(cards, c);
        grids_take(e, grids, i, t);
    } else if (card) {
        cards_take(cards, best_group(e, i, is_card));
    } else if (grid) {
        grids_take(e, grids, i, best_group(e, i, is_teaser));
    }
}

/* What the votes on structure read of the page, in one walk. */
typedef struct {
    page_census census;
    control_evidence controls;
    card_walk cards;
    grid_walk grids;   /* read whether or not the vote needs them: on most
                          pages it does */
} page_walk;

/* The schema.org declarations of every element, and of the body the
 * census of the kept nodes, what the controls say, the largest group of
 * cards and the grids of teasers, in one walk in document order: on a big
 * page every walk reads the index and the statistics from memory anew (a
 * page of 17,000 wiki edit links spent most of page-type detection in
 * these walks). The census, the cards and the grids skip dropped
 * subtrees, the others read every element. */
static void walk_page(const rm_engine *e, evidence *ev, page_walk *w)
{
    ldscreen voting;
    open_schema(e, ev, &voting);
    control_phrases phrases = open_controls();
    int32_t body = e->dom.body, end = engine_end(e, body);
    w->census = (page_census){.page = e->raw[body].chars};
    w->cards = (card_walk){{RM_NONE, 0, 0, RM_NONE}, body};
    w->grids.all = (grid_census){{RM_NONE, 0, 0, RM_NONE}, e->raw[body].chars, 0};
    w->grids.counted = 0;
    /* the vote reads no grids of a body without links (no teasers) */
    w->grids.skip_to = may_hold_card(e, body) ? body : end;
    census_walk in = {body, body};
    int32_t kept_from = body;   /* a dropped subtree ends here */
    for (int32_t i = 0; i < e->dom.count; i++) {
        bool in_body = i >= body && i < end;
        if (in_body && i >= kept_from && e->drop[i] != DROP_KEEP)
            kept_from = engine_end(e, i);
        bool kept = in_body && i >= kept_from;
        if (kept)
            census_of_node(e, &w->census, &in, i);
        if (node(e, i)->type != RM_NODE_ELEMENT)
            continue;
        schema_of_element(e, ev, &voting, i);
        if (in_body)
            controls_of_element(e, &phrases, &w->controls, i);
        if (kept)
            cards_and_grids_of_element(e, &w->cards, &w->grids, i);
    }
    close_schema(ev);
}

static void vote_index(const rm_engine *e, evidence *ev, page_info *out, group cards, bool spread,
                       float bonus)
{
    bool priced = page_shows_prices(e, ev);
    ev->votes[priced ? RM_PAGE_COLLECTION : RM_PAGE_LISTING] += 2.0f + bonus;
    ev->votes[priced ? RM_PAGE_LISTING : RM_PAGE_COLLECTION] += 1.0f;
    if (spread)
        out->grids_box = cards.box;
    if (out->items_box == RM_NONE) {
        out->items = cards.count;
        out->items_box = cards.box;
    }
}

/* Ids that differ only in their trailing number ("post-4712" and
 * "post-4713", "p12" and "p15"): the anchors forum packages give posts. */
static bool same_id_stem(const rm_engine *e, int32_t a, int32_t b)
{
    const char *ia = dom_attr(&e->dom, a, "id"), *ib = dom_attr(&e->dom, b, "id");
    if (!ia || !ib)
        return false;
    size_t la = strlen(ia), lb = strlen(ib);
    if (la == 0 || lb == 0 || !isdigit((unsigned char)ia[la - 1]) || !isdigit((unsigned char)ib[lb - 1]))
        return false;
    while (la > 0 && isdigit((unsigned char)ia[la - 1]))
        la--;
    while (lb > 0 && isdigit((unsigned char)ib[lb - 1]))
        lb--;
    return la > 0 && la == lb && memcmp(ia, ib, la) == 0;
}

/* A thread's first post often lacks what signs the replies (their
 * permalinks, "Reply" controls, dates in <time>): once the replies are
 * found, an alike sibling anchored like them ("post-4712" beside
 * "post-4713") that says something is a post too. */
static void add_alike_posts(const rm_engine *e, group *posts)
{
    if (posts->box == RM_NONE || posts->kind == RM_NONE)
        return;
    for (int32_t c = node(e, posts->box)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (visible_element(e, c) && pagetype_same_kind(e, posts->kind, c) &&
            same_id_stem(e, posts->kind, c) && !is_post(e, c) && says_something(e, c)) {
            posts->count++;
            posts->chars += e->raw[c].chars;
        }
}

/* The thread's posts: marked by microdata, else found by structure. */
static group thread_posts(const rm_engine *e, bool microdata)
{
    group posts = microdata ? marked_posts(e) : (group){RM_NONE, 0, 0, RM_NONE};
    if (posts.count >= MIN_POSTS)
        return posts;
    posts = find_group(e, is_post, may_hold_post, MIN_POSTS);
    add_alike_posts(e, &posts);
    return posts;
}

/* Posts holding half the page's text with no article body beside them
 * are the page, signed or not: a thread's metadata carries its first
 * post's date and author, as a story's does, and comments under a story
 * or a list hold less of the page. The bonus outweighs SIGNED_BONUS, as
 * INDEX_BONUS does. */
#define THREAD_SHARE 0.5
#define THREAD_BONUS 1.5f

static float thread_bonus(const group *posts, uint32_t around, uint32_t page)
{
    return posts->chars >= THREAD_SHARE * page && around < INDEX_MAX_PROSE ? THREAD_BONUS : 0.0f;
}

static void vote_structure(const rm_engine *e, const page_walk *walk, evidence *ev, page_info *out)
{
    const page_census *census = &walk->census;
    const control_evidence *controls = &walk->controls;
    uint32_t page = census->page;
    group posts = thread_posts(e, ev->microdata);
    uint32_t around = posts.box != RM_NONE ? prose_outside(e, census, posts.box) : 0;
    if (posts.box != RM_NONE && posts.chars >= 2 * around) {
        ev->votes[RM_PAGE_FORUM] += 2.0f + thread_bonus(&posts, around, page);
        out->items = posts.count;
        out->items_box = posts.box;
    } else if (posts.box != RM_NONE) {
        ev->replies_box = posts.box;
        ev->replies = posts.count;
    }
    group cards = walk->cards.best;
    out->cards_box = cards.box;
    ev->cards = cards.count;
    ev->cards_chars = cards.chars;
    if (cards.box != RM_NONE && cards.chars >= CARD_SHARE * page)
        vote_index(e, ev, out, cards, false, index_bonus(e, census, cards));
    else if (may_hold_card(e, e->dom.body)) {   /* a teaser has a link too */
        grid_census grids = walk->grids.all;
        bool no_body = grids.prose < INDEX_MAX_PROSE ||
                       grids.prose * GRIDS_PROSE_RATIO < grids.cards.chars;
        if (grids.cards.count >= GRIDS_MIN_CARDS && no_body &&
            grids.cards.chars >= GRIDS_SHARE * grids.content)
            vote_index(e, ev, out, grids.cards, true, INDEX_BONUS);
    }
    /* A purchase button in the card grid buys one of the cards; one or
     * two outside it are the page's own buy box ("Add to cart", "Buy
     * now"), beside a shelf of other products ("Customers also bought");
     * more are a review's or a catalogue's, one per product. A grid that
     * holds most of the page is the page: an index, whatever the buttons. */
    bool grid = cards.count >= MIN_CARDS;
    bool index = grid && cards.chars >= CARD_SHARE * page;
    unsigned own = own_purchases(e, &controls->buys, grid ? cards.box : RM_NONE);
    ev->purchase = controls->purchase;
    if (ev->products < CATALOGUE_PRODUCTS && !index && own > 0 && own <= BUY_BOX_BUTTONS)
        ev->votes[RM_PAGE_PRODUCT] += 2.0f;
    else if (controls->purchase)
        ev->votes[RM_PAGE_COLLECTION] += 2.0f;
    if (page > 0 && census->code >= CODE_SHARE * page)
        ev->votes[RM_PAGE_DOCUMENTATION] += 2.0f;
    unsigned inline_code = census->inline_code;
    if (inline_code >= MANUAL_INLINE_CODE)
        ev->votes[RM_PAGE_DOCUMENTATION] += MANUAL_INLINE_CODE_WEIGHT;
    if (inline_code >= REFERENCE_INLINE_CODE)
        ev->votes[RM_PAGE_DOCUMENTATION] += REFERENCE_INLINE_CODE_WEIGHT;
    if (controls->docs_chrome)
        ev->votes[RM_PAGE_DOCUMENTATION] += DOCS_CHROME_WEIGHT;
    if (controls->sales >= SALES_CALLS)
        ev->votes[RM_PAGE_SERVICE] += SALES_WEIGHT;
}

/* ---- a page of link lists -------------------------------------------------- */

/* An index can be plain lists of links rather than cards: an encyclopedia's
 * "List of ..." page, a category or archive page, a directory, a site map;
 * one list per letter, year or topic under its own heading, each item a
 * name that links to its page; or a description list whose terms link to
 * the entries they describe (a preprint server's listing: identifier and
 * links, then title and authors). Such lists holding most of the content
 * with hardly any prose beside them make the page a listing, however it
 * is signed, or a collection when it shows prices (as vote_bodyless).
 * Link items are Trafilatura's and jusText's short, link-dense blocks; the
 * page's header, footer, navigation and sidebars and the boxes that
 * Readability's class weights call unlikely are not looked in (menus are
 * lists of links too). On the WCXB development pages the rule finds lists
 * holding half the content in 1 of 793 articles. */
#define LINK_ITEM_MAX_CHARS 200      /* a name or a title, perhaps a note */
#define LINK_ITEM_DENSITY 0.5        /* the item is mostly its link */
#define LINK_LIST_MIN_ITEMS 5
#define LINK_LIST_ITEM_SHARE 0.8     /* of a list's items that are links */
#define LINK_LISTS_MIN_ITEMS 15      /* three lists' worth: one short list is
                                        a menu or a "See also" */
#define LINK_LISTS_SHARE 0.5         /* of the content's text */
#define LINK_LISTS_MAX_PROSE 0.1     /* prose paragraphs, of the content */
#define LINK_LISTS_WEIGHT (2.0f + INDEX_BONUS)  /* as a grid of cards with
                                        no prose beside it: outweighs a
                                        signed page's generic "Article" */

static bool is_link_item(const rm_engine *e, int32_t li)
{
    const rm_stats *s = &e->raw[li];
    return s->links > 0 && s->chars > 0 && s->chars <= LINK_ITEM_MAX_CHARS &&
           engine_link_density(s) >= LINK_ITEM_DENSITY;
}

/* The items of a list of links, or 0 when it is no such list. A table's
 * empty rows are spacers, not entries. */
static unsigned link_list_items(const rm_engine *e, int32_t list)
{
    GumboTag t = node(e, list)->tag, item = list_item_tag(t);
    if (item == GUMBO_TAG_UNKNOWN)
        return 0;
    unsigned items = 0, linked = 0;
    for (int32_t c = node(e, list)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
        if (visible_element(e, c) && node(e, c)->tag == item &&
            (item != GUMBO_TAG_TR || e->raw[c].chars > 0)) {
            items++;
            linked += is_link_item(e, c);
        }
    return items >= LINK_LIST_MIN_ITEMS && linked >= LINK_LIST_ITEM_SHARE * items ? items : 0;
}

/* A box whose class or id Readability weighs down ("sidebar", "footer"),
 * unless it holds the page's headline: a page-wide wrapper named for the
 * sticky footer it makes room for ("flex-wrap-footer") holds the content. */
static bool is_unlikely_box(const rm_engine *e, int32_t id)
{
    return !(e->flags[id] & NF_HAS_H1) && engine_class_weight(e, id) < 0;
}

static void vote_link_lists(const rm_engine *e, const page_census *census, evidence *ev)
{
    if (census->lists == 0)
        return;
    int32_t body = e->dom.body, end = engine_end(e, body);
    uint32_t content = e->raw[body].chars, in_lists = 0, prose = 0;
    unsigned items = 0;
    for (int32_t i = engine_kept(e, body, end); i < end; i = engine_kept(e, i + 1, end)) {
        if (node(e, i)->type != RM_NODE_ELEMENT)
            continue;
        GumboTag t = node(e, i)->tag;
        unsigned n;
        if (outside_content(t) || is_unlikely_box(e, i)) {
            content -= e->raw[i].chars;
            i = engine_end(e, i) - 1;
        } else if (t == GUMBO_TAG_P) {
            if (engine_link_density(&e->raw[i]) < 0.25)
                prose += e->raw[i].chars;
            i = engine_end(e, i) - 1;
        } else if ((n = link_list_items(e, i)) > 0) {
            items += n;
            in_lists += e->raw[i].chars;
            i = engine_end(e, i) - 1;
        }
    }
    if (items >= LINK_LISTS_MIN_ITEMS && in_lists >= LINK_LISTS_SHARE * content &&
        prose <= LINK_LISTS_MAX_PROSE * content)
        ev->votes[page_shows_prices(e, ev) ? RM_PAGE_COLLECTION : RM_PAGE_LISTING] += LINK_LISTS_WEIGHT;
}

/* ---- pages without an article body ----------------------------------------- */

/* A page that nobody signed and whose text is not in paragraphs of prose
 * is no story: a landing or service page (hero, features, FAQ, prices) or
 * an index of links. What tells them apart is how much of the text is
 * links, as jusText and Trafilatura judge boilerplate by link density.
 * The shares are medians of the kinds of page measured on the WCXB
 * development pages: paragraphs of prose hold about 57% of an article's
 * text and under 30% of a landing page's; links hold about 20% of a
 * landing page's text and 40% of an index's. */
#define BODYLESS_PROSE_SHARE 0.25
#define BODYLESS_MIN_HEADINGS 3    /* sections, each under its heading */
#define INDEX_LINK_DENSITY 0.35
#define BODYLESS_WEIGHT 1.0f       /* above the unsigned article's prior */

/* Neither this vote nor vote_sections applies to a signed page or one
 * without text. */
static bool unsigned_text(const rm_engine *e, const page_census *c)
{
    return !e->signed_page && c->page > 0;
}

static void vote_bodyless(const rm_engine *e, const page_census *c, evidence *ev)
{
    if (c->prose >= BODYLESS_PROSE_SHARE * c->page || c->headings < BODYLESS_MIN_HEADINGS)
        return;
    if (engine_link_density(&e->raw[e->dom.body]) < INDEX_LINK_DENSITY)
        ev->votes[RM_PAGE_SERVICE] += BODYLESS_WEIGHT;
    else
        ev->votes[page_shows_prices(e, ev) ? RM_PAGE_COLLECTION : RM_PAGE_LISTING] += BODYLESS_WEIGHT;
}

/* ---- a page of sections ---------------------------------------------------- */

/* Short of that, an unsigned page laid out as many headed sections of
 * short text is a landing or service page rather than a story: a story
 * runs in paragraphs of prose under a heading every few of them, a
 * landing page puts a heading over every feature, step and question.
 * Medians on the WCXB development pages, unsigned pages: prose holds 49%
 * of an article's text and 23% of a service page's; an article has 1.5
 * headings per 1,000 characters of text, a service page 2.5. The evidence
 * is weaker than vote_bodyless's, so it only settles pages on which
 * nothing but the article's prior speaks (an index, a shop or a manual
 * has its own votes). */
#define SECTIONS_PROSE_SHARE 0.4
#define SECTIONS_HEADINGS_PER_1000 1.5
#define SECTIONS_WEIGHT 1.0f

static bool only_prior_speaks(const evidence *ev)
{
    for (int t = 1; t < RM_PAGE_TYPE_COUNT; t++)
        if (ev->votes[t] > 0.0f)
            return false;
    return true;
}

static void vote_sections(const page_census *c, evidence *ev)
{
    if (!only_prior_speaks(ev))
        return;
    if (c->headings >= BODYLESS_MIN_HEADINGS && c->prose < SECTIONS_PROSE_SHARE * c->page &&
        c->headings * 1000.0 >= SECTIONS_HEADINGS_PER_1000 * c->page)
        ev->votes[RM_PAGE_SERVICE] += SECTIONS_WEIGHT;
}

/* ---- a thread taken for comments ------------------------------------------- */

/* A forum thread that does not declare itself often wraps its posts in a
 * box named like a comment section ("comments", "posts"), which the
 * clutter pass removes. Under an article such a box is clutter; as the
 * page's content it is the thread. Told apart by structure, as in
 * Readability's and jusText's view that content is where the prose is:
 * the box holds the bulk of the page's visible text, and what prose the
 * page has before it is no article body but at most a first post. */
#define THREAD_PAGE_SHARE 0.5   /* the box holds this much of the page's text */
#define THREAD_MAX_LEAD 500     /* prose before the box that makes an article
                                   body (Readability's charThreshold) */

/* Prose before `box` in document order: paragraphs that are not mostly
 * links and not clutter. */
static uint32_t prose_before(const rm_engine *e, int32_t box)
{
    uint32_t prose = 0;
    int32_t body = e->dom.body;
    for (int32_t i = engine_kept(e, body, box); i < box; i = engine_kept(e, i + 1, box)) {
        if (node(e, i)->tag != GUMBO_TAG_P || engine_contains(e, i, box))
            continue;
        if (engine_link_density(&e->raw[i]) < 0.25)
            prose += e->raw[i].chars;
        i = engine_end(e, i) - 1;
    }
    return prose;
}

/* Posts in a thread box: its children with a post's worth of visible text
 * (the box itself is still marked as clutter), looked for below wrappers
 * that hold a single such child. */
static unsigned count_posts(const rm_engine *e, int32_t box)
{
    for (;;) {
        unsigned count = 0;
        int32_t only = RM_NONE;
        for (int32_t c = node(e, box)->first_child; c != RM_NONE; c = node(e, c)->next_sibling)
            if (node(e, c)->type == RM_NODE_ELEMENT && e->raw[c].chars >= MIN_POST_CHARS) {
                count++;
                only = c;
            }
        if (count != 1)
            return count;
        box = only;
    }
}

int32_t pagetype_thread_in_comments(const rm_engine *e, unsigned *posts)
{
    *posts = 0;
    /* clutter_classify counted the boxes it marked: with no comment box
     * there is nothing to look for in the page's kinds */
    if (e->dom.body == RM_NONE || e->thread || e->removed[RM_REMOVED_COMMENTS] == 0)
        return RM_NONE;
    int32_t best = RM_NONE;
    for (int32_t i = e->dom.body; i < e->dom.count; i++)
        if (e->kind[i] == RM_REMOVED_COMMENTS &&
            (best == RM_NONE || e->raw[i].chars > e->raw[best].chars))
            best = i;
    if (best == RM_NONE)
        return RM_NONE;
    uint32_t box = e->raw[best].chars;
    if (box < THREAD_PAGE_SHARE * e->raw[e->dom.body].chars || box < 2 * MIN_POST_CHARS ||
        prose_before(e, best) >= THREAD_MAX_LEAD)
        return RM_NONE;
    *posts = count_posts(e, best);
    return best;
}

/* ---- the opening post outside the replies ---------------------------------- */

/* The first post of the thread's box anchored like a post ("js-post-2258957"):
 * what an opening post kept apart would share with it. */
static int32_t anchored_post_in(const rm_engine *e, int32_t box)
{
    for (int32_t c = node(e, box)->first_child; c != RM_NONE; c = node(e, c)->next_sibling) {
        if (!visible_element(e, c) || !says_something(e, c))
            continue;
        const char *id = dom_attr(&e->dom, c, "id");
        size_t len = id ? strlen(id) : 0;
        if (len > 0 && isdigit((unsigned char)id[len - 1]))
            return c;
    }
    return RM_NONE;
}

int32_t pagetype_opening_post(const rm_engine *e, int32_t box)
{
    if (box == RM_NONE || e->dom.body == RM_NONE)
        return RM_NONE;
    int32_t post = anchored_post_in(e, box);
    if (post == RM_NONE)
        return RM_NONE;
    for (int32_t i = box - 1; i > e->dom.body; i--) {
        if (engine_contains(e, i, box) || !visible_element(e, i) || !same_id_stem(e, post, i))
            continue;
        if (!says_something(e, i) || e->drop[node(e, i)->parent] != DROP_KEEP)
            return RM_NONE;
        int32_t around = common_ancestor(e, i, box);
        return around == e->dom.body ? RM_NONE : i;
    }
    return RM_NONE;
}

/* A shop's category may show a few products only: four power stations,
 * five feeders, under their heading and filters. Too few to say an index
 * by themselves (MIN_CARDS), they are its grid once the page is typed
 * one, when their text outweighs the grid of six or more found before (a
 * slider of recently viewed items, a quiz's answers). Only cards that
 * show a price count here (a product's card, not a row of three teasers
 * of a landing page), and none in a carousel: a slider's cards are a
 * shelf beside the grid (Slick's, Swiper's or one named "slider" or
 * "carousel" on the track or the boxes just around it).
 * Measured on WCXB dev: collection +0.003, one page up, none down. */
#define CAROUSEL_LEVELS 3   /* the track, its viewport, the widget */

static bool in_carousel(const rm_engine *e, int32_t id)
{
    for (int level = 0; id != RM_NONE && level < CAROUSEL_LEVELS; level++, id = node(e, id)->parent)
        if (heur_names_carousel(engine_sig(e, id)))
            return true;
    return false;
}

static bool is_shelf_card(const rm_engine *e, int32_t id)
{
    return (e->flags[id] & NF_PRICE_TAG) && is_card(e, id) && !in_carousel(e, node(e, id)->parent);
}

static void take_short_grid(const rm_engine *e, evidence *ev, page_info *out)
{
    group cards = find_group(e, is_shelf_card, may_hold_card, GRID_MIN_CARDS);
    if (cards.box == RM_NONE || cards.chars <= ev->cards_chars)
        return;
    if (out->items_box == out->cards_box || out->items_box == RM_NONE) {
        out->items_box = cards.box;
        out->items = cards.count;
    }
    out->cards_box = cards.box;
    ev->cards = cards.count;
    ev->cards_chars = cards.chars;
}

/* ---- the verdict ----------------------------------------------------------- */

/* A page is an article unless told otherwise; more so when it is signed
 * with a date or an author, as stories are and landing, product and index
 * pages are not. */
#define ARTICLE_PRIOR 0.9f
#define SIGNED_BONUS 1.1f

void pagetype_detect(const rm_engine *e, const char *url, page_info *out)
{
    memset(out, 0, sizeof *out);
    out->type = RM_PAGE_ARTICLE;
    out->items_box = RM_NONE;
    out->cards_box = RM_NONE;
    out->grids_box = RM_NONE;
    if (e->dom.body == RM_NONE)
        return;
    evidence ev = {0};
    ev.replies_box = RM_NONE;
    ev.votes[RM_PAGE_ARTICLE] = ARTICLE_PRIOR + (e->signed_page ? SIGNED_BONUS : 0.0f);
    page_walk walk = {0};
    walk_page(e, &ev, &walk);
    const page_census *census = &walk.census;
    vote_og_type(e, &ev);
    vote_generator(e, &ev);
    vote_path(url, &ev);
    vote_structure(e, &walk, &ev, out);
    vote_link_lists(e, census, &ev);
    bool bodyless = unsigned_text(e, census);
    if (bodyless)
        vote_bodyless(e, census, &ev);
    /* The product the headline names counts when the page sells it (an
     * Offer, a purchase button): a service page names the Product it
     * declares only to carry review stars. */
    if (ev.headline_product && (ev.offers > 0 || ev.purchase))
        ev.votes[RM_PAGE_PRODUCT] += HEADLINE_PRODUCT_WEIGHT;
    if (bodyless)
        vote_sections(census, &ev);
    for (int t = 1; t < RM_PAGE_TYPE_COUNT; t++)
        if (ev.votes[t] > ev.votes[out->type])
            out->type = (rm_page_type)t;
    /* The page's own product named by its headline: the page is that
     * product, not an index, and no grid of cards on it is the content
     * (the shelves of other products beside it are clutter). */
    if (out->type == RM_PAGE_PRODUCT && ev.headline_product)
        out->cards_box = RM_NONE;
    /* A thread that says so (schema, generator, path) whose opening post
     * outweighs the replies found below it: the replies are its posts
     * still, and the thread is the opening post with them. */
    if (out->type == RM_PAGE_FORUM && out->items_box == RM_NONE && ev.replies_box != RM_NONE) {
        out->items = ev.replies;
        out->items_box = ev.replies_box;
    }
    /* An index that says so by its declarations or its address, though
     * its largest grid holds less than half its text (a category's buying
     * guide beside it, tiles too long to pass as cards): its items are
     * that grid's cards still, as a reader counts them. */
    bool index = out->type == RM_PAGE_COLLECTION || out->type == RM_PAGE_LISTING;
    if (index)
        take_short_grid(e, &ev, out);
    if (index && out->items_box == RM_NONE && out->cards_box != RM_NONE) {
        out->items = ev.cards;
        out->items_box = out->cards_box;
    }
    if (out->type != RM_PAGE_FORUM && !index) {
        out->items = 0;
        out->items_box = RM_NONE;
    }
}
