/*
 * save.c — offline saving: turn an rm_article into a file in the library
 * folder, read the library back, and the `save` / `list` commands.
 *
 * Why files and no index: every saved file carries its own metadata (YAML
 * front matter, a text header block, or <meta name="readmode:..."> tags),
 * so the folder itself is the database. Users may delete, rename or sync
 * files with other tools and `list` stays truthful; there is no index to go
 * stale or to corrupt half-way through a write. `list` reads only the first
 * few kilobytes of each file.
 *
 * Safety: the file name is derived by us from the title (never taken from
 * the request), contains no separator, and is created relative to an open
 * descriptor of the library folder. Content is written into a hidden
 * temporary file, fsync'd, then hard-linked to its final name, which fails
 * with EEXIST instead of replacing an existing file, so a clash moves on to
 * "Title (2).md" and a crash never leaves a half-written article.
 *
 * The `save` and `list` commands are in save_cmd.c.
 */
#include "save.h"

#include <errno.h>
#include <fcntl.h>
#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistd.h>
#include <unistr.h>

/* How many " (n)" suffixes are tried before giving up on a title. */
#define SAVE_MAX_CLASH 10000
/* Bytes of each file read by `list`: front matter / header / <head>. */
#define SAVE_HEADER_BYTES 16384

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
    static const char *const names[SAVE_FORMAT_COUNT] = {"md", "txt", "html"};
    return (unsigned)format < SAVE_FORMAT_COUNT ? names[format] : "md";
}

/* What every renderer needs. */
typedef struct {
    const rm_article *a;
    const char *url;        /* canonical or source URL; may be NULL */
    const char *saved_at;   /* ISO 8601 UTC */
} save_doc;

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
 * space, so a title cannot break the txt header apart. */
static void put_one_line(FILE *f, const char *s)
{
    bool space = false, any = false;
    for (; *s; s++) {
        if ((unsigned char)*s <= ' ' || *s == 0x7f) {
            space = any;
            continue;
        }
        if (space)
            fputc(' ', f);
        space = false;
        any = true;
        fputc(*s, f);
    }
}

static const char *body_markdown(const rm_article *a)
{
    return a->markdown ? a->markdown : a->text ? a->text : "";
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
    const char *body = body_markdown(d->a);
    if (d->a->title && strncmp(body, "# ", 2) != 0) {
        fputs("# ", f);
        put_one_line(f, d->a->title);
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

static void put_txt_field(FILE *f, const char *label, const char *value)
{
    if (!value)
        return;
    fputs(label, f);
    put_one_line(f, value);
    fputc('\n', f);
}

static void render_txt(FILE *f, const save_doc *d)
{
    put_one_line(f, d->a->title ? d->a->title : "Untitled");
    fputc('\n', f);
    put_txt_field(f, TXT_BY, d->a->byline);
    put_txt_field(f, TXT_SOURCE, d->url);
    put_txt_field(f, TXT_SAVED, d->saved_at);
    fputc('\n', f);
    const char *text = d->a->text ? d->a->text : "";
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

/* Scripts never run in a saved page, even if the article HTML came from
 * an extension request rather than from our sanitiser. */
static const char reader_csp[] =
    "default-src 'none'; img-src * data:; media-src *; font-src * data:; "
    "style-src 'unsafe-inline'";

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

/* Plain text as paragraphs, for articles that carry no HTML rendering. */
static void put_text_paragraphs(FILE *f, const char *text)
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
    fprintf(f, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", reader_csp);
    fputs("<title>", f);
    put_html_escaped(f, a->title ? a->title : "Untitled");
    fputs("</title>\n", f);
    put_meta(f, "readmode:title", a->title);
    put_meta(f, "readmode:url", d->url);
    put_meta(f, "readmode:saved_at", d->saved_at);
    put_meta(f, "generator", "readmode " RM_VERSION);
    fprintf(f, "<style>\n%s</style>\n</head>\n<body>\n<article>\n", reader_css);
    put_html_header(f, d);
    if (a->html)
        fputs(a->html, f);
    else
        put_text_paragraphs(f, a->text ? a->text : "");
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
    else if (key_is(key, klen, "saved_at"))
        set_field(&e->saved_at, yaml_scalar(v, vlen));
}

static void read_md_header(const char *head, size_t n, save_entry *e)
{
    if (n < 4 || strncmp(head, "---\n", 4) != 0)
        return;
    const char *end = strstr(head + 4, "\n---");
    if (end)
        scan_header_lines(head + 4, end + 1, e, md_line);
}

static void txt_line(save_entry *e, const char *key, size_t klen, const char *v, size_t vlen)
{
    size_t k = klen + 2;   /* the labels include ": " */
    if (k == strlen(TXT_SOURCE) && strncmp(key, TXT_SOURCE, klen) == 0)
        set_field(&e->url, dup_range(v, vlen));
    else if (k == strlen(TXT_SAVED) && strncmp(key, TXT_SAVED, klen) == 0)
        set_field(&e->saved_at, dup_range(v, vlen));
}

static void read_txt_header(const char *head, size_t n, save_entry *e)
{
    const char *eol = memchr(head, '\n', n);
    if (!eol)
        return;
    set_field(&e->title, dup_range(head, (size_t)(eol - head)));
    scan_header_lines(eol + 1, head + n, e, txt_line);
}

/* The readmode:* <meta> tags of a saved page, read with Gumbo so that
 * entities in attribute values are decoded the standard way. */
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
                         : strcmp(key, "saved_at") == 0 ? &e->saved_at : NULL;
            if (field)
                set_field(field, strdup(content->value));
        }
    }
    gumbo_destroy_output(&kGumboDefaultOptions, g);
}

/* Per format: file extension, writer and header reader. */
static const struct {
    void (*render)(FILE *f, const save_doc *d);
    void (*read_header)(const char *head, size_t n, save_entry *e);
} format_ops[SAVE_FORMAT_COUNT] = {
    [SAVE_MD] = {render_md, read_md_header},
    [SAVE_TXT] = {render_txt, read_txt_header},
    [SAVE_HTML] = {render_html, read_html_header},
};

/* ------------------------------------------------------------ file I/O */

static int fail(char *err, size_t errlen, const char *what, const char *path)
{
    snprintf(err, errlen, "%s %s: %s", what, path, strerror(errno));
    return -1;
}

int save_prepare_library(const char *dir, char *err, size_t errlen)
{
    char *path = strdup(dir);
    if (!path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    for (char *p = path + 1;; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) {
            rc = fail(err, errlen, "cannot create library folder", path);
            break;
        }
        if (last)
            break;
        *p = '/';
    }
    struct stat st;
    if (rc == 0 && stat(dir, &st) != 0) {
        rc = fail(err, errlen, "cannot use library folder", dir);
    } else if (rc == 0 && !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        rc = fail(err, errlen, "cannot use library folder", dir);
    }
    free(path);
    return rc;
}

static char *join_path(const char *dir, const char *name)
{
    size_t ld = strlen(dir), ln = strlen(name);
    char *p = malloc(ld + ln + 2);
    if (p) {
        memcpy(p, dir, ld);
        p[ld] = '/';
        memcpy(p + ld + 1, name, ln + 1);
    }
    return p;
}

/* Write `data` into a hidden temporary file of `dir`, fsync'd. Returns
 * its path (malloc'd) or NULL + err, leaving nothing behind. */
static char *write_temp(const char *dir, const char *data, size_t len, char *err,
                        size_t errlen)
{
    char *tmp = join_path(dir, ".readmode-XXXXXX");
    if (!tmp) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        fail(err, errlen, "cannot create a file in", dir);
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        return NULL;
    }
    bool written = fwrite(data, 1, len, f) == len && fflush(f) == 0 && fsync(fd) == 0;
    if (!written)
        fail(err, errlen, "cannot write", tmp);
    if (fclose(f) != 0 && written) {
        fail(err, errlen, "cannot write", tmp);
        written = false;
    }
    if (!written) {
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

/* Give the temporary file its final name: "stem.ext", else "stem (2).ext"
 * and so on. link() refuses to replace an existing file, so two writers
 * racing for one name both succeed under different names. */
static char *link_final(int dirfd, const char *tmp, const char *stem, const char *ext,
                        char *err, size_t errlen)
{
    char name[SAVE_STEM_MAX + 64];
    for (int n = 1; n <= SAVE_MAX_CLASH; n++) {
        if (n == 1)
            snprintf(name, sizeof name, "%s.%s", stem, ext);
        else
            snprintf(name, sizeof name, "%s (%d).%s", stem, n, ext);
        if (strchr(name, '/') || name[0] == '.') {
            snprintf(err, errlen, "refusing unsafe file name %s", name);
            return NULL;
        }
        if (linkat(AT_FDCWD, tmp, dirfd, name, 0) == 0)
            return strdup(name);
        if (errno != EEXIST) {
            fail(err, errlen, "cannot create", name);
            return NULL;
        }
    }
    snprintf(err, errlen, "too many files named %s.%s", stem, ext);
    return NULL;
}

static int publish(const char *dir, const char *stem, const char *ext, const char *data,
                   size_t len, char **path_out, char *err, size_t errlen)
{
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0)
        return fail(err, errlen, "cannot open library folder", dir);
    char *tmp = write_temp(dir, data, len, err, errlen);
    char *name = tmp ? link_final(dirfd, tmp, stem, ext, err, errlen) : NULL;
    if (tmp)
        unlink(tmp);
    int rc = -1;
    if (name && fsync(dirfd) != 0) {
        fail(err, errlen, "cannot sync library folder", dir);
        unlinkat(dirfd, name, 0);
    } else if (name) {
        *path_out = join_path(dir, name);
        rc = *path_out ? 0 : -1;
    }
    free(name);
    free(tmp);
    close(dirfd);
    return rc;
}

static void format_time(time_t t, char out[32])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int save_article(const char *library, const rm_article *article, const char *source_url,
                 save_format format, time_t saved_at, char **path_out, char *err,
                 size_t errlen)
{
    *path_out = NULL;
    if ((unsigned)format >= SAVE_FORMAT_COUNT) {
        snprintf(err, errlen, "unknown save format");
        return -1;
    }
    if (save_prepare_library(library, err, errlen) != 0)
        return -1;
    char stamp[32];
    format_time(saved_at, stamp);
    save_doc doc = {article, article->url ? article->url : source_url, stamp};
    char *data = NULL, *stem = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (mem) {
        format_ops[format].render(mem, &doc);
        if (ferror(mem)) {
            fclose(mem);
            mem = NULL;
        } else if (fclose(mem) != 0) {
            mem = NULL;
        }
    }
    stem = mem ? save_file_stem(article->title) : NULL;
    int rc = -1;
    if (!stem)
        snprintf(err, errlen, "out of memory");
    else
        rc = publish(library, stem, save_format_name(format), data, len, path_out, err,
                     errlen);
    free(stem);
    free(data);
    return rc;
}

/* ------------------------------------------------------------- listing */

static void entry_clear(save_entry *e)
{
    free(e->title);
    free(e->url);
    free(e->saved_at);
    free(e->path);
}

static const char *file_extension(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : "";
}

/* Read the header of one file into *e. Returns 1 when it is a readmode
 * article, 0 when not, -1 on error. */
static int read_entry(const char *library, const char *name, save_format format,
                      save_entry *e)
{
    memset(e, 0, sizeof *e);
    e->format = format;
    e->path = join_path(library, name);
    if (!e->path)
        return -1;
    int fd = open(e->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    char *head = malloc(SAVE_HEADER_BYTES + 1);
    if (!head) {
        close(fd);
        return -1;
    }
    ssize_t n = read(fd, head, SAVE_HEADER_BYTES);
    close(fd);
    if (n >= 0) {
        head[n] = '\0';
        format_ops[format].read_header(head, (size_t)n, e);
    }
    free(head);
    if (!e->saved_at)
        return 0;   /* unreadable, or not written by readmode */
    if (!e->title) {
        const char *ext = strrchr(name, '.');
        e->title = dup_range(name, (size_t)(ext - name));
    }
    return e->title ? 1 : -1;
}

static int newest_first(const void *pa, const void *pb)
{
    const save_entry *a = pa, *b = pb;
    int c = strcmp(b->saved_at, a->saved_at);
    return c ? c : strcmp(a->path, b->path);
}

int save_list(const char *library, save_entry **entries_out, size_t *count_out, char *err,
              size_t errlen)
{
    *entries_out = NULL;
    *count_out = 0;
    DIR *d = opendir(library);
    if (!d)
        return errno == ENOENT ? 0 : fail(err, errlen, "cannot read library folder", library);
    save_entry *entries = NULL;
    size_t count = 0;
    int rc = 0;
    struct dirent *de;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        save_format format;
        if (de->d_name[0] == '.' || save_format_from_name(file_extension(de->d_name), &format))
            continue;
        save_entry e, *grown = realloc(entries, (count + 1) * sizeof *entries);
        if (!grown) {
            rc = -1;
            break;
        }
        entries = grown;
        int found = read_entry(library, de->d_name, format, &e);
        if (found > 0)
            entries[count++] = e;
        else
            entry_clear(&e);
        if (found < 0)
            rc = -1;
    }
    closedir(d);
    if (rc != 0) {
        snprintf(err, errlen, "out of memory while listing %s", library);
        save_entries_free(entries, count);
        return -1;
    }
    if (count > 0)
        qsort(entries, count, sizeof *entries, newest_first);
    *entries_out = entries;
    *count_out = count;
    return 0;
}

void save_entries_free(save_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++)
        entry_clear(&entries[i]);
    free(entries);
}

cJSON *save_entries_to_json(const save_entry *entries, size_t count)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < count; i++) {
        const save_entry *e = &entries[i];
        cJSON *item = cJSON_CreateObject();
        if (!item || !cJSON_AddStringToObject(item, "title", e->title) ||
            !(e->url ? cJSON_AddStringToObject(item, "url", e->url)
                     : cJSON_AddNullToObject(item, "url")) ||
            !cJSON_AddStringToObject(item, "saved_at", e->saved_at) ||
            !cJSON_AddStringToObject(item, "path", e->path) ||
            !cJSON_AddStringToObject(item, "format", save_format_name(e->format))) {
            cJSON_Delete(item);
            cJSON_Delete(list);
            return NULL;
        }
        cJSON_AddItemToArray(list, item);
    }
    return list;
}
