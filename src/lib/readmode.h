/*
 * readmode.h — public API of the readmode extraction library.
 *
 * The library turns the bytes of a web page into the article it holds:
 * metadata, the body as clean text / Markdown / sanitized reader HTML, and an
 * account of the clutter it removed. It performs no I/O: bytes and options
 * in, an rm_article out. The command line, the native-messaging host and the
 * offline saver are thin front ends over these calls.
 *
 * Usage:
 *     rm_options opt = rm_default_options;
 *     opt.url = "https://example.org/post";
 *     rm_article *a = NULL;
 *     rm_status st = rm_extract(html, len, &opt, &a);
 *     if (st == RM_OK || st == RM_NO_ARTICLE) puts(a->text);
 *     rm_article_free(a);
 *
 * Every string in an rm_article is NUL-terminated, valid, NFC-normalised
 * UTF-8, or NULL when unknown.
 */
#ifndef READMODE_H
#define READMODE_H

#include <stdbool.h>
#include <stddef.h>

#define RM_VERSION "0.1.0"

/* Result of a library call. Stable numbers: front ends map them to exit
 * codes and protocol error codes. */
typedef enum {
    RM_OK = 0,
    RM_NO_ARTICLE,   /* parsed fine but nothing looks like an article; the
                        article still carries the best text found */
    RM_BAD_INPUT,    /* empty, binary (not HTML), or undecodable input */
    RM_TOO_LARGE,    /* input exceeds rm_options.max_input_bytes */
    RM_NO_MEMORY,
    RM_BAD_OPTION,   /* e.g. an unknown charset name */
} rm_status;

/* Limits on one element, applied before parsing (the HTML parser's cost
 * grows with the square of an element's attribute count). Real pages stay
 * far below them: an element keeps its first RM_MAX_ATTRIBUTES attributes,
 * and an attribute value its first RM_MAX_ATTRIBUTE_BYTES bytes. */
#define RM_MAX_ATTRIBUTES 128
#define RM_MAX_ATTRIBUTE_BYTES ((size_t)1 << 20)

/* Which renderings rm_extract produces (text is always produced: word
 * counts and the readerable test are computed from it). */
enum {
    RM_FORMAT_TEXT = 1u << 0,
    RM_FORMAT_HTML = 1u << 1,
    RM_FORMAT_MARKDOWN = 1u << 2,
    RM_FORMAT_ALL = RM_FORMAT_TEXT | RM_FORMAT_HTML | RM_FORMAT_MARKDOWN,
};

/* Kinds of clutter removed from the page, reported in rm_article.removed. */
typedef enum {
    RM_REMOVED_COMMENTS = 0,  /* comment threads and comment forms */
    RM_REMOVED_ADBLOCK,       /* "ad blocker detected" nags */
    RM_REMOVED_RELATED,       /* related / recommended / read-next blocks */
    RM_REMOVED_SHARE,         /* share bars, social buttons */
    RM_REMOVED_CONSENT,       /* cookie and consent banners */
    RM_REMOVED_PROMPT,        /* newsletter, subscribe and paywall prompts */
    RM_REMOVED_NAVIGATION,    /* menus, breadcrumbs, pagination, tag lists */
    RM_REMOVED_FOOTER,        /* page and article footers, author boxes */
    RM_REMOVED_ADS,           /* ad slots and "Advertisement" labels */
    RM_REMOVED_KIND_COUNT
} rm_removed_kind;

/* What kind of page it is (rm_article.page_type). Stable names, see
 * rm_page_type_name: the kind decides how the content is gathered. */
typedef enum {
    RM_PAGE_ARTICLE = 0,      /* a story, post or essay: one body of prose */
    RM_PAGE_FORUM,            /* a discussion or Q&A thread: its posts */
    RM_PAGE_DOCUMENTATION,    /* a manual or reference page */
    RM_PAGE_SERVICE,          /* a landing, service or about page of sections */
    RM_PAGE_PRODUCT,          /* one product: description, specifications */
    RM_PAGE_COLLECTION,       /* a category of products or items, as cards */
    RM_PAGE_LISTING,          /* an index of posts, news, events or results */
    RM_PAGE_TYPE_COUNT
} rm_page_type;

/* Memory kept from one extraction for the next, for a caller that makes
 * many of them (a bulk run, a host serving requests). Without one, every
 * call maps fresh memory for the page's parse tree (which its large
 * per-node arrays reuse once the tree is gone) and gives it back at the
 * end, and the system zeroes and faults in every page of it again on the
 * next call. With one (rm_options.workspace), that memory stays mapped
 * between calls, at most `keep_bytes` of it (0: RM_WORKSPACE_KEEP):
 * what a larger page needs beyond that is given back when its call
 * returns. What is kept adds to the next call's peak memory (it lies idle
 * while the later phases allocate theirs), so the default keeps the tree
 * of a typical page, not of the largest. A workspace serves one call at a
 * time: create one per thread, and free it when done. Returns NULL when
 * out of memory. */
#define RM_WORKSPACE_KEEP ((size_t)4 << 20)
typedef struct rm_workspace rm_workspace;
rm_workspace *rm_workspace_new(size_t keep_bytes);
void rm_workspace_free(rm_workspace *workspace);

typedef struct {
    const char *url;          /* page URL: base for relative links; NULL: none */
    const char *charset;      /* force this input encoding; NULL: detect */
    unsigned formats;         /* RM_FORMAT_* bits; default RM_FORMAT_ALL */
    size_t max_input_bytes;   /* larger input fails with RM_TOO_LARGE;
                                 default 64 MiB, 0 means no limit */
    unsigned max_depth;       /* elements nested deeper than this are
                                 flattened into their ancestor at this depth,
                                 as browsers do; default 512, 0: no limit */
    bool probe_only;          /* decide readerable only; no body rendering */
    unsigned wrap_width;      /* wrap rm_article.text at this many display
                                 columns (0: no wrapping); code and other
                                 preformatted text is never wrapped */
    rm_workspace *workspace;  /* memory kept between calls (see
                                 rm_workspace_new); NULL: none */
} rm_options;

/* Defaults for every field; copy and change what you need. */
extern const rm_options rm_default_options;

typedef struct {
    char *title;
    char *byline;
    char *site_name;
    char *published;          /* ISO 8601 when known */
    char *lang;
    char *dir;                /* "ltr", "rtl" or "auto" */
    char *excerpt;
    char *url;                /* canonical URL (absolute) */
    char *text;               /* body as plain text; blocks separated by a
                                 blank line, list items start with "- " */
    char *html;               /* body as sanitized reader HTML */
    char *markdown;           /* body as Markdown */
    size_t word_count;
    unsigned reading_minutes;
    bool readerable;
    rm_page_type page_type;
    unsigned page_items;      /* posts of a thread, cards of a collection or
                                 listing; 0 for other page types */
    unsigned removed[RM_REMOVED_KIND_COUNT];
} rm_article;

/* Extract the article from `len` bytes of HTML in any encoding.
 * On RM_OK and RM_NO_ARTICLE *out is set and must be freed with
 * rm_article_free; on any other status *out is NULL. */
rm_status rm_extract(const void *html, size_t len, const rm_options *options,
                     rm_article **out);

void rm_article_free(rm_article *article);

/* Where the images of a re-rendered article come from (rm_sanitize). */
typedef struct {
    /* Called with each image's absolute URL; returns the src to write
     * instead (a data: URI, a relative path; it must stay valid until
     * rm_sanitize returns), or NULL when the image is not available: it is
     * then written as a link to its URL, labelled with its alt text. */
    const char *(*resolve)(void *ctx, const char *url);
    void *ctx;
} rm_image_resolver;

/* Re-render an HTML fragment that did not come from rm_extract (an article
 * body sent by another program, a file being saved) through the same
 * reader-HTML allow-list and renderers: no article detection and no
 * clutter removal, only sanitising. options->url is the base for relative
 * links (options->formats, max_input_bytes, max_depth and charset apply as
 * in rm_extract; options may be NULL). `images` may be NULL: images keep
 * their URLs. On RM_OK *out holds text, html and markdown as asked plus the
 * word count; its metadata fields are NULL. Free with rm_article_free. */
rm_status rm_sanitize(const void *html, size_t len, const rm_options *options,
                      const rm_image_resolver *images, rm_article **out);

/* Short, stable, machine-readable name of a status ("no_article", ...). */
const char *rm_status_code(rm_status status);
/* One-line human-readable description of a status. */
const char *rm_status_message(rm_status status);
/* Re-wrap plain text (as in rm_article.text) at `width` display columns
 * using Unicode line breaking; list-item and quote continuation lines are
 * indented under their marker. width 0 returns a copy. Returns a malloc'd
 * string, or NULL when out of memory. */
char *rm_text_wrap(const char *text, unsigned width);

/* Stable lower-case name of a page type ("article", "forum", ...). */
const char *rm_page_type_name(rm_page_type type);

/* Stable lower-case name of a removed kind ("comments", "adblock", ...). */
const char *rm_removed_kind_name(rm_removed_kind kind);

#endif
