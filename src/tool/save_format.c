/*
 * save_format.c — what a saved file looks like, per format: the file name
 * from the title, the writers of Markdown (YAML front matter), plain text
 * (a header block) and HTML (a self-contained page whose CSP loads nothing
 * it does not hold), and the readers of their headers for `list`. EPUB is
 * written in save_epub.c; its chapter's <head> is read here like a page's.
 */
#include "save_format.h"

#include <ctype.h>
#include <errno.h>
#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* ---------------------------------------------------------------- names */

/* Characters Windows forbids in file names (Microsoft, "Naming Files,
 * Paths, and Namespaces"). Separators become '-', the rest are dropped. */
static const char name_separators[] = "/\\:|";
static const char name_dropped[] = "?*\"<>";

/* Device names Windows reserves, with or without an extension (same
 * source; the superscript digits were added in Windows 11 docs). */
static const char *const windows_reserved[] = {
    "CON", "PRN", "AUX", "NUL",
    "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
    "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    "COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3",
};

/* White space, control and format characters (U+202E RIGHT-TO-LEFT
 * OVERRIDE would let a title disguise its extension) and line separators
 * all become a single space. */
static bool is_name_space(ucs4_t uc)
{
    return uc_is_property_white_space(uc) ||
           uc_is_general_category(uc, uc_general_category_or(
               uc_general_category_or(UC_CONTROL, UC_FORMAT),
               uc_general_category_or(UC_LINE_SEPARATOR, UC_PARAGRAPH_SEPARATOR)));
}

static bool is_windows_reserved(const char *stem)
{
    size_t base = strcspn(stem, ".");
    for (size_t i = 0; i < sizeof windows_reserved / sizeof *windows_reserved; i++)
        if (strlen(windows_reserved[i]) == base &&
            strncasecmp(stem, windows_reserved[i], base) == 0)
            return true;
    return false;
}

/* Remove trailing spaces and dots (Windows strips them silently). */
static void trim_name_end(char *s, size_t *len)
{
    while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '.'))
        s[--*len] = '\0';
}

/* Append the character at `src` (`n` bytes) unless the stem would grow
 * past SAVE_STEM_MAX. Returns false when full. */
static bool append_char(char *out, size_t *len, bool *space, const uint8_t *src, size_t n)
{
    size_t need = n + (*space ? 1 : 0);
    if (*len + need > SAVE_STEM_MAX)
        return false;
    if (*space)
        out[(*len)++] = ' ';
    *space = false;
    memcpy(out + *len, src, n);
    *len += n;
    out[*len] = '\0';
    return true;
}

static char *stem_from_nfc(const uint8_t *s, size_t n)
{
    char *out = malloc(SAVE_STEM_MAX + sizeof "_");
    if (!out)
        return NULL;
    size_t len = 0;
    bool space = false;
    out[0] = '\0';
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        int step = u8_mbtouc(&uc, s + i, n - i);
        const uint8_t *src = s + i;
        i += step;
        if (is_name_space(uc) || uc == 0xFFFD) {
            space = len > 0;
            continue;
        }
        if (uc < 0x80 && strchr(name_dropped, (int)uc))
            continue;
        if (uc < 0x80 && strchr(name_separators, (int)uc))
            src = (const uint8_t *)"-";
        if (len == 0 && (*src == '.' || *src == '-'))
            continue;   /* no hidden files, no names that look like options */
        if (!append_char(out, &len, &space, src, *src == '-' ? 1 : (size_t)step))
            break;
    }
    trim_name_end(out, &len);
    if (len == 0)
        strcpy(out, "untitled");
    if (is_windows_reserved(out)) {
        size_t base = strcspn(out, ".");
        memmove(out + base + 1, out + base, strlen(out + base) + 1);
        out[base] = '_';
    }
    return out;
}

char *save_file_stem(const char *title)
{
    if (!title)
        title = "";
    size_t nfc_len = 0;
    uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)title, strlen(title),
                                NULL, &nfc_len);
    if (!nfc && errno == ENOMEM)
        return NULL;
    /* u8_normalize refuses invalid UTF-8 (EILSEQ): sanitise the raw bytes,
     * where each invalid byte decodes to U+FFFD and becomes a space. */
    char *stem = nfc ? stem_from_nfc(nfc, nfc_len)
                     : stem_from_nfc((const uint8_t *)title, strlen(title));
    free(nfc);
    return stem;
}

/* -------------------------------------------------------------- formats */

int save_format_from_name(const char *name, save_format *out)
{
    for (int f = 0; f < SAVE_FORMAT_COUNT; f++)
        if (strcmp(name, save_format_name((save_format)f)) == 0) {
            *out = (save_format)f;
            return 0;
        }
    return -1;
}

const char *save_format_name(save_format format)
{
    static const char *const names[SAVE_FORMAT_COUNT] = {"md", "txt", "html", "epub"};
    return (unsigned)format < SAVE_FORMAT_COUNT ? names[format] : "md";
}


/* A YAML double-quoted scalar: quotes, backslashes and every character
 * YAML does not allow raw (C0, DEL, C1, U+2028/9, BOM) are escaped. */
static void put_yaml_string(FILE *f, const char *s)
{
    fputc('"', f);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        int step = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
        if (uc == '"' || uc == '\\')
            fprintf(f, "\\%c", (char)uc);
        else if (uc == '\n')
            fputs("\\n", f);
        else if (uc == '\t')
            fputs("\\t", f);
        else if (uc < 0x20 || (uc >= 0x7f && uc <= 0x9f) || uc == 0x2028 ||
                 uc == 0x2029 || uc == 0xFEFF)
            fprintf(f, "\\u%04X", (unsigned)uc);
        else
            fwrite(s + i, 1, (size_t)step, f);
        i += step;
    }
    fputc('"', f);
}

static void put_html_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* `s` on one line: runs of white space and control characters become one
 * space, so a title cannot break a txt header or a Markdown heading apart.
 * With `escape_punct`, ASCII punctuation gets a backslash (CommonMark), so a
 * title in a Markdown heading cannot open raw HTML, a link or emphasis. */
static void put_one_line(FILE *f, const char *s, bool escape_punct)
{
    bool space = false, any = false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= ' ' || c == 0x7f) {
            space = any;
            continue;
        }
        if (space)
            fputc(' ', f);
        space = false;
        any = true;
        if (escape_punct && c < 0x80 && ispunct(c))
            fputc('\\', f);
        fputc(c, f);
    }
}

static void render_md(FILE *f, const save_doc *d)
{
    const struct { const char *key, *value; } fields[] = {
        {"title", d->a->title},      {"byline", d->a->byline},
        {"site", d->a->site_name},   {"url", d->url},
        {"published", d->a->published}, {"saved_at", d->saved_at},
    };
    fputs("---\n", f);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (!fields[i].value)
            continue;
        fprintf(f, "%s: ", fields[i].key);
        put_yaml_string(f, fields[i].value);
        fputc('\n', f);
    }
    fputs("---\n\n", f);
    const char *body = d->markdown ? d->markdown : d->text ? d->text : "";
    if (d->a->title && strncmp(body, "# ", 2) != 0) {
        fputs("# ", f);
        put_one_line(f, d->a->title, true);
        fputs("\n\n", f);
    }
    fputs(body, f);
    if (*body && body[strlen(body) - 1] != '\n')
        fputc('\n', f);
}

/* Header lines of the txt format; `list` reads them back. */
#define TXT_BY "By: "
#define TXT_SOURCE "Source: "
#define TXT_SAVED "Saved: "
#define TXT_SITE "Site: "

static void put_txt_field(FILE *f, const char *label, const char *value)
{
    if (!value)
        return;
    fputs(label, f);
    put_one_line(f, value, false);
    fputc('\n', f);
}

static void render_txt(FILE *f, const save_doc *d)
{
    put_one_line(f, d->a->title ? d->a->title : "Untitled", false);
    fputc('\n', f);
    put_txt_field(f, TXT_BY, d->a->byline);
    put_txt_field(f, TXT_SITE, d->a->site_name);
    put_txt_field(f, TXT_SOURCE, d->url);
    put_txt_field(f, TXT_SAVED, d->saved_at);
    fputc('\n', f);
    const char *text = d->text ? d->text : "";
    fputs(text, f);
    if (*text && text[strlen(text) - 1] != '\n')
        fputc('\n', f);
}

/* Comfortable reading: a narrow serif column, images that fit, code that
 * scrolls, and a dark palette when the system asks for one. */
static const char reader_css[] =
    ":root{color-scheme:light dark}\n"
    "body{max-width:40em;margin:2em auto;padding:0 1em;"
    "font:1.15rem/1.65 Georgia,Cambria,\"Times New Roman\",serif;"
    "color:#222;background:#fdfdf8}\n"
    "img,video,svg,figure,iframe{max-width:100%;height:auto}\n"
    "figure{margin:1.5em 0}figcaption{font-size:.9em;color:#666}\n"
    "pre{overflow:auto;padding:.8em;background:rgba(127,127,127,.1)}\n"
    "pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}\n"
    "blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #bbb;color:#555}\n"
    "table{border-collapse:collapse;display:block;overflow:auto}"
    "th,td{border:1px solid #bbb;padding:.3em .6em}\n"
    "a{color:#1a57a8}\n"
    "header.readmode{margin-bottom:2em;border-bottom:1px solid #ddd}\n"
    "header.readmode h1{line-height:1.2}\n"
    "header.readmode p{margin:.3em 0;font:.9rem/1.4 system-ui,sans-serif;color:#666}\n"
    "@media (prefers-color-scheme:dark){body{color:#ddd;background:#1c1c1c}"
    "a{color:#8ab4f8}blockquote,figcaption,header.readmode p{color:#aaa}}\n";

/* Nothing runs, submits or re-bases in a saved page, and it loads nothing
 * but its own inline style and images: from the web only when the file
 * still links them there (saves from the command line), else only data:
 * URIs, so opening the file tells no server it is being read. */
static const char reader_csp[] =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; "
    "base-uri 'none'; img-src data:";
static const char reader_csp_remote[] = " http: https:";

static void put_meta(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, "<meta name=\"%s\" content=\"", name);
    put_html_escaped(f, value);
    fputs("\">\n", f);
}

static bool is_web_url(const char *url)
{
    return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0);
}

static void put_attr(FILE *f, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(f, " %s=\"", name);
    put_html_escaped(f, value);
    fputc('"', f);
}

void save_put_text_paragraphs(FILE *f, const char *text)
{
    fputs("<p>", f);
    for (const char *s = text; *s; s++) {
        if (s[0] == '\n' && s[1] == '\n') {
            fputs("</p>\n<p>", f);
            while (s[1] == '\n')
                s++;
        } else {
            char one[2] = {*s, '\0'};
            put_html_escaped(f, one);
        }
    }
    fputs("</p>\n", f);
}

static void put_html_header(FILE *f, const save_doc *d)
{
    const rm_article *a = d->a;
    fputs("<header class=\"readmode\">\n<h1>", f);
    put_html_escaped(f, a->title ? a->title : "Untitled");
    fputs("</h1>\n", f);
    if (a->byline || a->site_name || a->published) {
        const char *parts[] = {a->byline, a->site_name, a->published};
        const char *sep = "";
        fputs("<p>", f);
        for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
            if (!parts[i])
                continue;
            fputs(sep, f);
            put_html_escaped(f, parts[i]);
            sep = " \u00b7 ";
        }
        fputs("</p>\n", f);
    }
    fputs("<p>", f);
    if (is_web_url(d->url)) {
        fputs("<a href=\"", f);
        put_html_escaped(f, d->url);
        fputs("\">Original article</a> \u00b7 ", f);
    }
    fprintf(f, "Saved <time datetime=\"%s\">%s</time></p>\n</header>\n", d->saved_at,
            d->saved_at);
}

static void render_html(FILE *f, const save_doc *d)
{
    const rm_article *a = d->a;
    fputs("<!doctype html>\n<html", f);
    put_attr(f, "lang", a->lang);
    put_attr(f, "dir", a->dir);
    fputs(">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
          f);
    fprintf(f, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s%s\">\n", reader_csp,
            d->remote_images ? reader_csp_remote : "");
    fputs("<meta name=\"referrer\" content=\"no-referrer\">\n", f);
    fputs("<title>", f);
    put_html_escaped(f, a->title ? a->title : "Untitled");
    fputs("</title>\n", f);
    put_meta(f, "readmode:title", a->title);
    put_meta(f, "readmode:url", d->url);
    put_meta(f, "readmode:site", a->site_name);
    put_meta(f, "readmode:saved_at", d->saved_at);
    put_meta(f, "generator", "readmode " RM_VERSION);
    fprintf(f, "<style>\n%s</style>\n</head>\n<body>\n<article>\n", reader_css);
    put_html_header(f, d);
    if (d->html)
        fputs(d->html, f);
    else
        save_put_text_paragraphs(f, d->text ? d->text : "");
    fputs("\n</article>\n</body>\n</html>\n", f);
}

/* ---------------------------------------------------- reading headers */

/* Copy of [s, s+n) as a NUL-terminated string. */
static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int hex_value(const char *s, int digits, ucs4_t *out)
{
    ucs4_t v = 0;
    for (int i = 0; i < digits; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + (ucs4_t)d;
    }
    *out = v;
    return 0;
}

/* The value of a YAML double-quoted scalar starting after its opening
 * quote: the escapes put_yaml_string writes plus \xXX and \UXXXXXXXX. */
static char *yaml_unquote_double(const char *s, size_t n)
{
    char *out = malloc(n * 4 + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n && s[i] != '"'; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            *o++ = s[i];
            continue;
        }
        char e = s[++i];
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        ucs4_t uc;
        if (digits && i + (size_t)digits < n && hex_value(s + i + 1, digits, &uc) == 0) {
            int w = u8_uctomb((uint8_t *)o, uc, 6);
            o += w > 0 ? w : 0;
            i += (size_t)digits;
        } else {
            *o++ = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? ' ' : e;
        }
    }
    *o = '\0';
    return out;
}

/* A front-matter value: double-quoted, single-quoted or plain. */
static char *yaml_scalar(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    if (n > 0 && s[0] == '"')
        return yaml_unquote_double(s + 1, n - 1);
    if (n >= 2 && s[0] == '\'' && s[n - 1] == '\'') {
        char *out = dup_range(s + 1, n - 2), *o = out;
        for (const char *p = out; p && *p; p++) {
            *o++ = *p;
            if (p[0] == '\'' && p[1] == '\'')
                p++;
        }
        if (out)
            *o = '\0';
        return out;
    }
    return dup_range(s, n);
}

static void set_field(char **field, char *value)
{
    free(*field);
    *field = value;
}

/* Walk the "key: value" lines of a header block up to its first blank
 * line; the callback gets each key and value (not NUL-terminated). */
typedef void line_fn(save_entry *e, const char *key, size_t klen, const char *v, size_t vlen);

static void scan_header_lines(const char *s, const char *end, save_entry *e, line_fn *fn)
{
    while (s < end) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (!eol)
            eol = end;
        if (eol == s || (eol == s + 1 && *s == '\r'))
            return;   /* blank line: end of the header */
        const char *colon = memchr(s, ':', (size_t)(eol - s));
        if (colon) {
            const char *v = colon + 1;
            while (v < eol && *v == ' ')
                v++;
            fn(e, s, (size_t)(colon - s), v, (size_t)(eol - v));
        }
        s = eol + 1;
    }
}

static bool key_is(const char *key, size_t klen, const char *want)
{
    return strlen(want) == klen && strncmp(key, want, klen) == 0;
}

static void md_line(save_entry *e, const char *key, size_t klen, const char *v, size_t vlen)
{
    if (key_is(key, klen, "title"))
        set_field(&e->title, yaml_scalar(v, vlen));
    else if (key_is(key, klen, "url"))
        set_field(&e->url, yaml_scalar(v, vlen));
    else if (key_is(key, klen, "site"))
        set_field(&e->site, yaml_scalar(v, vlen));
    else if (key_is(key, klen, "saved_at"))
        set_field(&e->saved_at, yaml_scalar(v, vlen));
}

/* First occurrence of `needle` in [hay, hay+n), or NULL. */
static const char *find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    for (const char *p = hay; m <= n && p <= hay + n - m; p++) {
        p = memchr(p, needle[0], (size_t)(hay + n - m - p) + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, m) == 0)
            return p;
    }
    return NULL;
}

/* Where each format's header ends: `list` reads up to there. */
static const char *md_header_end(const char *head, size_t n)
{
    if (n < 4 || strncmp(head, "---\n", 4) != 0)
        return head;   /* not ours: nothing more to read */
    const char *end = find_bytes(head + 3, n - 3, "\n---\n", 5);
    return end ? end + 5 : NULL;
}

static void read_md_header(const char *head, size_t n, save_entry *e)
{
    const char *end = n >= 4 && strncmp(head, "---\n", 4) == 0
                          ? find_bytes(head + 3, n - 3, "\n---", 4) : NULL;
    if (end)
        scan_header_lines(head + 4, end + 1, e, md_line);
}

static void txt_line(save_entry *e, const char *key, size_t klen, const char *v, size_t vlen)
{
    size_t k = klen + 2;   /* the labels include ": " */
    if (k == strlen(TXT_SOURCE) && strncmp(key, TXT_SOURCE, klen) == 0)
        set_field(&e->url, dup_range(v, vlen));
    else if (k == strlen(TXT_SITE) && strncmp(key, TXT_SITE, klen) == 0)
        set_field(&e->site, dup_range(v, vlen));
    else if (k == strlen(TXT_SAVED) && strncmp(key, TXT_SAVED, klen) == 0)
        set_field(&e->saved_at, dup_range(v, vlen));
}

static const char *txt_header_end(const char *head, size_t n)
{
    const char *end = find_bytes(head, n, "\n\n", 2);
    return end ? end + 2 : NULL;
}

static void read_txt_header(const char *head, size_t n, save_entry *e)
{
    const char *eol = memchr(head, '\n', n);
    if (!eol)
        return;
    set_field(&e->title, dup_range(head, (size_t)(eol - head)));
    scan_header_lines(eol + 1, head + n, e, txt_line);
}

static const char *html_header_end(const char *head, size_t n)
{
    const char *end = find_bytes(head, n, "</head>", 7);
    return end ? end + 7 : NULL;
}

/* The readmode:* <meta> tags of a saved page or EPUB chapter, read with
 * Gumbo so that entities in attribute values are decoded the standard
 * way. */
static void read_html_header(const char *head, size_t n, save_entry *e)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, head, n);
    if (!g)
        return;
    GumboNode *html = g->root;
    for (unsigned i = 0; i < html->v.element.children.length; i++) {
        GumboNode *section = html->v.element.children.data[i];
        if (section->type != GUMBO_NODE_ELEMENT || section->v.element.tag != GUMBO_TAG_HEAD)
            continue;
        GumboVector *kids = &section->v.element.children;
        for (unsigned k = 0; k < kids->length; k++) {
            GumboNode *meta = kids->data[k];
            if (meta->type != GUMBO_NODE_ELEMENT || meta->v.element.tag != GUMBO_TAG_META)
                continue;
            GumboAttribute *name = gumbo_get_attribute(&meta->v.element.attributes, "name");
            GumboAttribute *content =
                gumbo_get_attribute(&meta->v.element.attributes, "content");
            if (!name || !content || strncmp(name->value, "readmode:", 9) != 0)
                continue;
            const char *key = name->value + 9;
            char **field = strcmp(key, "title") == 0 ? &e->title
                         : strcmp(key, "url") == 0 ? &e->url
                         : strcmp(key, "site") == 0 ? &e->site
                         : strcmp(key, "saved_at") == 0 ? &e->saved_at : NULL;
            if (field)
                set_field(field, strdup(content->value));
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, g);
}

/* Per format: writer (EPUB has its own module), where its header ends,
 * and the header reader. */
static const struct {
    void (*render)(FILE *f, const save_doc *d);
    const char *(*header_end)(const char *head, size_t n);
    void (*read_header)(const char *head, size_t n, save_entry *e);
} format_ops[SAVE_FORMAT_COUNT] = {
    [SAVE_MD] = {render_md, md_header_end, read_md_header},
    [SAVE_TXT] = {render_txt, txt_header_end, read_txt_header},
    [SAVE_HTML] = {render_html, html_header_end, read_html_header},
    [SAVE_EPUB] = {NULL, html_header_end, read_html_header},
};

void save_render(FILE *f, save_format format, const save_doc *d)
{
    format_ops[format].render(f, d);
}

const char *save_header_end(save_format format, const char *head, size_t n)
{
    return format_ops[format].header_end(head, n);
}

void save_read_header(save_format format, const char *head, size_t n, save_entry *e)
{
    format_ops[format].read_header(head, n, e);
}

const char *save_body_start(save_format format, const char *doc, size_t n)
{
    if (format == SAVE_HTML || format == SAVE_EPUB) {
        const char *end = strstr(doc, "</header>");   /* after the readmode header */
        return end ? end + 9 : doc;
    }
    const char *end = format_ops[format].header_end(doc, n);
    return end ? end : doc;
}
