/*
 * save_epub.c — an article as an EPUB 3 book, written with libzip into
 * memory (the caller publishes the bytes like any other saved file), and
 * the chapter and images of such a book read back.
 *
 * The body arrives as reader HTML (a fragment from the allow-list
 * renderer); EPUB wants XHTML, so the fragment is parsed with Gumbo and
 * written out as XML: void elements closed, text and attribute values
 * escaped, characters XML forbids dropped, and the few attribute values
 * the EPUB content schema checks (datetime, colspan) kept only when valid.
 * Structure follows EPUB 3.3: mimetype first and stored, container.xml,
 * a package document, a navigation document, the chapter, a style sheet.
 */
#include "save_epub.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <zip.h>

/* Reading system default styles differ; these keep code and images in
 * bounds on small screens. */
static const char book_css[] =
    "body{line-height:1.5}\n"
    "img{max-width:100%;height:auto}\n"
    "pre{white-space:pre-wrap;font-size:.85em}\n"
    "code,pre{font-family:monospace}\n"
    "blockquote{margin-left:1em;padding-left:.8em;border-left:2px solid #999}\n"
    "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2em .4em}\n"
    ".readmode-meta{font-size:.9em}\n";

static const char container_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles><rootfile full-path=\"EPUB/package.opf\" "
    "media-type=\"application/oebps-package+xml\"/></rootfiles>\n</container>\n";

/* ------------------------------------------------------------ XML text */

/* Characters XML 1.0 allows (§2.2). */
static bool xml_char(ucs4_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static void put_xml(FILE *f, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int step = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
        if (c == '&')
            fputs("&amp;", f);
        else if (c == '<')
            fputs("&lt;", f);
        else if (c == '>')
            fputs("&gt;", f);
        else if (c == '"')
            fputs("&quot;", f);
        else if (xml_char(c) && c != 0xFFFD)
            fwrite(s + i, 1, (size_t)step, f);
        i += (size_t)step;
    }
}

/* ------------------------------------------------- HTML → XHTML body */

static bool is_void(GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG;
}

/* The ids of the chapter: an id may appear once, and a "#fragment" link
 * must name one that is there (epubcheck fails a book otherwise, where a
 * browser shrugs). Pages repeat ids, and the renderer keeps an id only on
 * the elements it writes, so both are checked here. */
typedef struct {
    const char **names;   /* sorted, unique */
    bool *written;
    size_t count;
} id_table;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An id XHTML accepts: not empty, no white space. */
static bool valid_id(const char *v)
{
    return *v && !strpbrk(v, " \t\n\r\f");
}

static void collect_ids(const GumboNode *node, id_table *t, size_t *cap)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboAttribute *id = gumbo_get_attribute(&node->v.element.attributes, "id");
    if (id && valid_id(id->value)) {
        if (t->count == *cap) {
            size_t grown = *cap ? *cap * 2 : 64;
            const char **names = realloc(t->names, grown * sizeof *names);
            if (!names)
                return;   /* a missing id drops links to it: still a valid book */
            t->names = names;
            *cap = grown;
        }
        t->names[t->count++] = id->value;
    }
    const GumboVector *kids = &node->v.element.children;
    for (unsigned i = 0; i < kids->length; i++)
        collect_ids(kids->data[i], t, cap);
}

static void build_ids(const GumboNode *root, id_table *t)
{
    size_t cap = 0;
    memset(t, 0, sizeof *t);
    collect_ids(root, t, &cap);
    if (!t->count)
        return;
    qsort(t->names, t->count, sizeof *t->names, compare_names);
    size_t unique = 1;
    for (size_t i = 1; i < t->count; i++)
        if (strcmp(t->names[i], t->names[unique - 1]) != 0)
            t->names[unique++] = t->names[i];
    t->count = unique;
    t->written = calloc(unique, sizeof *t->written);
    if (!t->written)
        t->count = 0;
}

static const char **find_id(const id_table *t, const char *name)
{
    return t->count ? bsearch(&name, t->names, t->count, sizeof *t->names, compare_names) : NULL;
}

/* Attribute values the EPUB schema checks; others pass as text. */
static bool keep_attribute(const GumboAttribute *at, id_table *ids)
{
    if (strcmp(at->name, "datetime") == 0)
        return false;   /* free text in pages, a strict grammar in EPUB */
    if (strcmp(at->name, "colspan") == 0)
        return atoi(at->value) > 0;
    if (strcmp(at->name, "id") == 0) {
        const char **found = valid_id(at->value) ? find_id(ids, at->value) : NULL;
        if (!found || ids->written[found - ids->names])
            return false;   /* the first element with an id keeps it */
        ids->written[found - ids->names] = true;
    }
    return true;
}

static void put_node(FILE *f, const GumboNode *node, id_table *ids);

static void put_children(FILE *f, const GumboVector *kids, id_table *ids)
{
    for (unsigned i = 0; i < kids->length; i++)
        put_node(f, kids->data[i], ids);
}

/* The renderer's output nests no deeper than the page it came from, which
 * rm_options.max_depth bounds: recursion is safe here. */
static void put_node(FILE *f, const GumboNode *node, id_table *ids)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        put_xml(f, node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement *el = &node->v.element;
    const char *name = gumbo_normalized_tagname(el->tag);
    const GumboAttribute *href = el->tag == GUMBO_TAG_A
                                     ? gumbo_get_attribute(&el->attributes, "href") : NULL;
    bool dangling = href && href->value[0] == '#' && !find_id(ids, href->value + 1);
    if (!*name || dangling) {   /* not the renderer's, or a link to nothing: the text */
        put_children(f, &el->children, ids);
        return;
    }
    fprintf(f, "<%s", name);
    bool has_alt = false;
    for (unsigned i = 0; i < el->attributes.length; i++) {
        const GumboAttribute *at = el->attributes.data[i];
        if (!keep_attribute(at, ids))
            continue;
        has_alt |= strcmp(at->name, "alt") == 0;
        fprintf(f, " %s=\"", at->name);
        put_xml(f, at->value);
        fputc('"', f);
    }
    if (el->tag == GUMBO_TAG_IMG && !has_alt)
        fputs(" alt=\"\"", f);
    if (is_void(el->tag)) {
        fputs("/>", f);
        return;
    }
    fputc('>', f);
    put_children(f, &el->children, ids);
    fprintf(f, "</%s>", name);
}

/* The fragment's <body> children as XHTML. */
static int put_body(FILE *f, const char *html)
{
    GumboOutput *g = gumbo_parse(html);
    if (!g)
        return -1;
    id_table ids;
    build_ids(g->root, &ids);
    const GumboVector *top = &g->root->v.element.children;
    for (unsigned i = 0; i < top->length; i++) {
        const GumboNode *n = top->data[i];
        if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY)
            put_children(f, &n->v.element.children, &ids);
    }
    free(ids.names);
    free(ids.written);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return 0;
}

/* ------------------------------------------------------------ documents */

/* The article's language when it is a well-formed BCP 47 tag (a 2-3
 * letter language, then subtags of 1-8 letters or digits), else "und":
 * the package must name one, and epubcheck checks its form. */
static const char *language(const rm_article *a)
{
    const char *l = a->lang;
    if (!l)
        return "und";
    size_t first = strspn(l, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (first < 2 || first > 3)
        return "und";
    for (const char *p = l + first; *p;) {
        size_t n = *p == '-' ? strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
                                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") : 0;
        if (n < 1 || n > 8)
            return "und";
        p += n + 1;
    }
    return l;
}

static bool is_rtl(const rm_article *a)
{
    return a->dir && strcmp(a->dir, "rtl") == 0;
}

static void put_meta(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, "<meta name=\"%s\" content=\"", name);
    put_xml(f, value);
    fputs("\"/>\n", f);
}

static void put_xhtml_head(FILE *f, const save_epub_doc *d, const char *title)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
          "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
          "xmlns:epub=\"http://www.idpf.org/2007/ops\"", f);
    fprintf(f, " xml:lang=\"%s\" lang=\"%s\"%s>\n<head>\n<meta charset=\"utf-8\"/>\n<title>",
            language(d->a), language(d->a), is_rtl(d->a) ? " dir=\"rtl\"" : "");
    put_xml(f, title);
    fputs("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n", f);
}

static void put_chapter(FILE *f, const save_epub_doc *d, const char *title)
{
    put_xhtml_head(f, d, title);
    put_meta(f, "readmode:title", d->a->title);
    put_meta(f, "readmode:url", d->url);
    put_meta(f, "readmode:site", d->a->site_name);
    put_meta(f, "readmode:saved_at", d->saved_at);
    fputs("</head>\n<body>\n<section epub:type=\"chapter\">\n<header>\n<h1>", f);
    put_xml(f, title);
    fputs("</h1>\n<p class=\"readmode-meta\">", f);
    const char *parts[] = {d->a->byline, d->a->site_name, d->a->published};
    const char *sep = "";
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!parts[i])
            continue;
        fputs(sep, f);
        put_xml(f, parts[i]);
        sep = " \u00b7 ";
    }
    if (d->url && (strncmp(d->url, "https://", 8) == 0 || strncmp(d->url, "http://", 7) == 0)) {
        fprintf(f, "%s<a href=\"", sep);
        put_xml(f, d->url);
        fputs("\">Original article</a>", f);
    }
    fputs("</p>\n</header>\n", f);
    put_body(f, d->html ? d->html : "");
    fputs("\n</section>\n</body>\n</html>\n", f);
}

static void put_nav(FILE *f, const save_epub_doc *d, const char *title)
{
    put_xhtml_head(f, d, title);
    fputs("</head>\n<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n"
          "<ol><li><a href=\"article.xhtml\">", f);
    put_xml(f, title);
    fputs("</a></li></ol>\n</nav>\n</body>\n</html>\n", f);
}

static void put_dc(FILE *f, const char *element, const char *value)
{
    if (!value || !*value)
        return;   /* the package schema wants no empty elements */
    fprintf(f, "<dc:%s>", element);
    put_xml(f, value);
    fprintf(f, "</dc:%s>\n", element);
}

/* The publication date as the package wants it (YYYY, YYYY-MM or
 * YYYY-MM-DD), or NULL. */
static char *w3c_date(const char *published, char out[11])
{
    if (!published)
        return NULL;
    size_t n = 0;
    while (n < 10 && published[n] && (published[n] == '-' ? n == 4 || n == 7
                                                          : published[n] >= '0' &&
                                                                published[n] <= '9'))
        n++;
    if (n != 4 && n != 7 && n != 10)
        return NULL;
    memcpy(out, published, n);
    out[n] = '\0';
    return out;
}

static void put_package(FILE *f, const save_epub_doc *d, const char *title)
{
    char date[11];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
          "unique-identifier=\"uid\">\n"
          "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
          "<dc:identifier id=\"uid\">", f);
    /* The source URL identifies the article; without one, the save time. */
    if (d->url)
        put_xml(f, d->url);
    else
        fprintf(f, "readmode:%s", d->saved_at);
    fputs("</dc:identifier>\n", f);
    put_dc(f, "title", title);
    put_dc(f, "creator", d->a->byline);
    put_dc(f, "publisher", d->a->site_name);
    put_dc(f, "date", w3c_date(d->a->published, date));
    put_dc(f, "language", language(d->a));
    put_dc(f, "source", d->url);
    put_dc(f, "description", d->a->excerpt);
    fprintf(f, "<meta property=\"dcterms:modified\">%s</meta>\n</metadata>\n<manifest>\n",
            d->saved_at);
    fputs("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
          "properties=\"nav\"/>\n"
          "<item id=\"chapter\" href=\"article.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n", f);
    for (size_t i = 0; i < d->images->count; i++) {
        const save_image *img = &d->images->items[i];
        if (img->used)
            fprintf(f, "<item id=\"img%zu\" href=\"%s\" media-type=\"%s\"/>\n", i, img->local,
                    img->mime);
    }
    fprintf(f, "</manifest>\n<spine%s>\n<itemref idref=\"chapter\"/>\n</spine>\n</package>\n",
            is_rtl(d->a) ? " page-progression-direction=\"rtl\"" : "");
}

/* ---------------------------------------------------------- the archive */

typedef void writer_fn(FILE *f, const save_epub_doc *d, const char *title);

/* Add one file rendered by `write`; the zip takes ownership of the bytes. */
static int add_rendered(zip_t *z, const char *name, writer_fn *write, const save_epub_doc *d,
                        const char *title)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (!mem)
        return -1;
    write(mem, d, title);
    bool bad = ferror(mem);
    if (fclose(mem) != 0 || bad) {
        free(data);
        return -1;
    }
    zip_source_t *src = zip_source_buffer(z, data, len, 1);
    if (!src) {
        free(data);
        return -1;
    }
    if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) {
        zip_source_free(src);
        return -1;
    }
    return 0;
}

static int add_static(zip_t *z, const char *name, const void *data, size_t len, bool store)
{
    zip_source_t *src = zip_source_buffer(z, data, len, 0);
    zip_int64_t idx = src ? zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    return store ? zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0) : 0;
}

static int add_files(zip_t *z, const save_epub_doc *d, const char *title)
{
    static const char mimetype[] = "application/epub+zip";
    if (add_static(z, "mimetype", mimetype, sizeof mimetype - 1, true) ||
        add_static(z, "META-INF/container.xml", container_xml, sizeof container_xml - 1,
                   false) ||
        add_static(z, "EPUB/style.css", book_css, sizeof book_css - 1, false) ||
        add_rendered(z, "EPUB/package.opf", put_package, d, title) ||
        add_rendered(z, "EPUB/nav.xhtml", put_nav, d, title) ||
        add_rendered(z, "EPUB/article.xhtml", put_chapter, d, title))
        return -1;
    for (size_t i = 0; i < d->images->count; i++) {
        const save_image *img = &d->images->items[i];
        char name[128];
        snprintf(name, sizeof name, "EPUB/%s", img->local ? img->local : "");
        if (img->used && add_static(z, name, img->bytes, img->len, true))
            return -1;   /* images are compressed already */
    }
    return 0;
}

/* Copy the finished archive out of its memory source. */
static int take_bytes(zip_source_t *src, char **data, size_t *len)
{
    zip_stat_t st;
    if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        zip_source_open(src) != 0)
        return -1;
    *data = malloc(st.size ? st.size : 1);
    zip_int64_t n = *data ? zip_source_read(src, *data, st.size) : -1;
    zip_source_close(src);
    if (n < 0 || (zip_uint64_t)n != st.size) {
        free(*data);
        *data = NULL;
        return -1;
    }
    *len = (size_t)n;
    return 0;
}

int save_epub_build(const save_epub_doc *d, char **data, size_t *len, char *err,
                    size_t errlen)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    const char *title = d->a->title && *d->a->title ? d->a->title : "Untitled";
    int rc = -1;
    if (!z) {
        snprintf(err, errlen, "cannot create the book: %s", zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return -1;
    }
    zip_source_keep(src);   /* the bytes are read back after zip_close */
    if (add_files(z, d, title) != 0) {
        snprintf(err, errlen, "cannot build the book: %s", zip_strerror(z));
        zip_discard(z);
    } else if (zip_close(z) != 0) {
        snprintf(err, errlen, "cannot build the book: %s", zip_strerror(z));
        zip_discard(z);
    } else if (take_bytes(src, data, len) != 0) {
        snprintf(err, errlen, "out of memory");
    } else {
        rc = 0;
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return rc;
}

/* ------------------------------------------------------------- reading */

static unsigned char *read_member(const char *path, const char *name, size_t *len,
                                  char *err, size_t errlen)
{
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        snprintf(err, errlen, "cannot open book %s", path);
        return NULL;
    }
    zip_stat_t st;
    unsigned char *buf = NULL;
    zip_file_t *f = NULL;
    /* Chapters and images stay well under the save caps; a bigger member is
     * not one of ours. */
    if (zip_stat(z, name, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size < (64u << 20) &&
        (f = zip_fopen(z, name, 0)) && (buf = malloc(st.size + 1))) {
        zip_int64_t n = zip_fread(f, buf, st.size);
        if (n < 0 || (zip_uint64_t)n != st.size) {
            free(buf);
            buf = NULL;
        } else {
            buf[n] = '\0';
            *len = (size_t)n;
        }
    }
    if (!buf)
        snprintf(err, errlen, "book %s has no readable %s", path, name);
    if (f)
        zip_fclose(f);
    zip_discard(z);
    return buf;
}

char *save_epub_read_chapter(const char *path, size_t *len, char *err, size_t errlen)
{
    return (char *)read_member(path, "EPUB/article.xhtml", len, err, errlen);
}

unsigned char *save_epub_read_image(const char *path, const char *href, size_t *len)
{
    char name[256], err[256];
    if (strncmp(href, EPUB_IMAGE_DIR, strlen(EPUB_IMAGE_DIR)) != 0 || strstr(href, "..") ||
        strlen(href) > 200)
        return NULL;
    snprintf(name, sizeof name, "EPUB/%s", href);
    return read_member(path, name, len, err, sizeof err);
}

int save_epub_core_image(const char *mime)
{
    return strcmp(mime, "image/png") == 0 || strcmp(mime, "image/jpeg") == 0 ||
           strcmp(mime, "image/gif") == 0;
}
