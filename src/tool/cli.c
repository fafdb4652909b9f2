/*
 * cli.c — `readmode [OPTIONS] [FILE...]`: clean pages from files or stdin.
 *
 * A thin front end over rm_extract: it reads input (bounded by --max-size
 * before anything is parsed), picks the output format, and maps library
 * statuses to exit codes. Three shapes of run:
 *   one input      → stdout
 *   several inputs → stdout with "==> FILE <==" headers, or one file each
 *                    in -o DIR (bulk cleaning)
 *   --jsonl        → JSON lines {"url","html"} in, one JSON reply per line
 *                    out, so it drops into xargs -P, Hadoop Streaming or
 *                    Spark pipe().
 * Errors are one line on stderr: "readmode: FILE: message".
 */
#include "cli.h"

#include "article_json.h"
#include "readmode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define DEFAULT_MAX_SIZE ((size_t)64 << 20)

static const struct { const char *name; cli_format format; const char *ext; } formats[] = {
    {"text", CLI_TEXT, "txt"},     {"txt", CLI_TEXT, "txt"},
    {"markdown", CLI_MARKDOWN, "md"}, {"md", CLI_MARKDOWN, "md"},
    {"html", CLI_HTML, "html"},    {"json", CLI_JSON, "json"},
};

void cli_print_help(void)
{
    fputs(
        "Usage: readmode [OPTIONS] [FILE...]\n"
        "       readmode save [--format md|txt|html|epub] [--url URL] [--library DIR] [--force] FILE\n"
        "       readmode list [--library DIR] [--json] [--grep WORDS] [--since DATE]\n"
        "       readmode show|delete [--library DIR] URL|PATH\n"
        "       readmode --native [--max-message BYTES] [--library DIR]\n"
        "                            (serve the browser extension over native messaging)\n"
        "\n"
        "Extract the article from web pages: title, metadata and the body as clean\n"
        "text, Markdown or sanitized HTML, without navigation, comments, ad-block nags,\n"
        "related posts, share bars, cookie banners, newsletter prompts or footers.\n"
        "With no FILE, or FILE '-', read standard input.\n"
        "\n"
        "Options:\n"
        "  -f, --format FMT   text (default: title, blank line, body), markdown, html,\n"
        "                     or json (every field, including what was removed)\n"
        "  -u, --url URL      the page's URL: base for links and images\n"
        "  -c, --charset NAME input encoding (default: detect from BOM and <meta>)\n"
        "  -w, --width N      wrap text output at N display columns\n"
        "      --probe        only decide whether the page is an article (exit 0 yes, 1 no)\n"
        "  -o, --output DIR   write one cleaned file per input into DIR\n"
        "      --jsonl        stream: read JSON lines {\"url\":...,\"html\":...} on stdin,\n"
        "                     write one JSON result per line\n"
        "      --max-size N   refuse inputs larger than N bytes (default 64 MiB; 0: no limit)\n"
        "  -h, --help         show this help\n"
        "  -V, --version      show the version\n"
        "\n"
        "Exit status: 0 article found, 1 no article found (the best text is still\n"
        "printed), 2 usage error, 3 input error (unreadable, not HTML, too large).\n",
        stdout);
}

static int usage_error(char *err, size_t len, const char *fmt, const char *arg)
{
    snprintf(err, len, fmt, arg);
    return CLI_EXIT_USAGE;
}

static int parse_unsigned(const char *s, size_t *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

/* Options that take a value, in both spellings. */
static const char *option_value(int argc, char **argv, int *i, const char *shrt, const char *lng)
{
    const char *a = argv[*i];
    size_t ll = strlen(lng);
    if (strncmp(a, lng, ll) == 0 && a[ll] == '=')
        return a + ll + 1;
    if ((shrt && strcmp(a, shrt) == 0) || strcmp(a, lng) == 0)
        return *i + 1 < argc ? argv[++*i] : "";
    return NULL;
}

static int parse_format(const char *v, cli_format *f)
{
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (strcmp(v, formats[k].name) == 0) {
            *f = formats[k].format;
            return 0;
        }
    return -1;
}

int cli_parse(int argc, char **argv, cli_options *opt, char *err, size_t err_len)
{
    memset(opt, 0, sizeof *opt);
    opt->max_size = DEFAULT_MAX_SIZE;
    opt->files = argv + argc;
    bool files_only = false;
    size_t width;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (files_only || a[0] != '-' || strcmp(a, "-") == 0) {
            /* Options may follow files: gather the files at the front of
             * argv, over arguments already read (1 + file_count <= i). */
            opt->files = argv + 1;
            argv[1 + opt->file_count++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            files_only = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            opt->help = true;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            opt->version = true;
        } else if (strcmp(a, "--probe") == 0) {
            opt->probe = true;
        } else if (strcmp(a, "--jsonl") == 0) {
            opt->jsonl = true;
        } else if ((v = option_value(argc, argv, &i, "-f", "--format"))) {
            if (parse_format(v, &opt->format))
                return usage_error(err, err_len, "unknown format '%s' (text, markdown, html, json)", v);
        } else if ((v = option_value(argc, argv, &i, "-u", "--url"))) {
            if (!*v)
                return usage_error(err, err_len, "%s needs a URL", a);
            opt->url = v;
        } else if ((v = option_value(argc, argv, &i, "-c", "--charset"))) {
            if (!*v)
                return usage_error(err, err_len, "%s needs an encoding name", a);
            opt->charset = v;
        } else if ((v = option_value(argc, argv, &i, "-w", "--width"))) {
            if (parse_unsigned(v, &width) || width > 10000)
                return usage_error(err, err_len, "--width takes a number of columns, not '%s'", v);
            opt->width = (unsigned)width;
        } else if ((v = option_value(argc, argv, &i, NULL, "--max-size"))) {
            if (parse_unsigned(v, &opt->max_size))
                return usage_error(err, err_len, "--max-size takes a number of bytes, not '%s'", v);
        } else if ((v = option_value(argc, argv, &i, "-o", "--output"))) {
            if (!*v)
                return usage_error(err, err_len, "%s needs a directory", a);
            opt->out_dir = v;
        } else {
            return usage_error(err, err_len, "unknown option '%s' (see --help)", a);
        }
    }
    if (opt->jsonl && opt->file_count > 0)
        return usage_error(err, err_len, "%s reads standard input; give no FILE", "--jsonl");
    if (opt->out_dir && opt->file_count == 0)
        return usage_error(err, err_len, "%s needs input FILEs", "-o");
    return 0;
}

/* ---- input ----------------------------------------------------------------- */

/* Read all of a stream, failing (EFBIG) past max bytes without reading on. */
static int read_stream(FILE *f, size_t max, char **out, size_t *out_len)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (len == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                return ENOMEM;
            }
            buf = grown;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (max && len > max) {
            free(buf);
            return EFBIG;
        }
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        int saved = errno ? errno : EIO;
        free(buf);
        return saved;
    }
    *out = buf;
    *out_len = len;
    return 0;
}

int cli_read_input(const char *path, size_t max, char **out, size_t *len)
{
    if (strcmp(path, "-") == 0)
        return read_stream(stdin, max, out, len);
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return EISDIR;
    if (stat(path, &sb) == 0 && max && S_ISREG(sb.st_mode) && (size_t)sb.st_size > max)
        return EFBIG;
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    int rc = read_stream(f, max, out, len);
    fclose(f);
    return rc;
}

static void report(const char *name, const char *message)
{
    fprintf(stderr, "readmode: %s: %s\n", name, message);
}

/* ---- output ---------------------------------------------------------------- */

static rm_options library_options(const cli_options *opt, const char *url)
{
    rm_options o = rm_default_options;
    o.url = url;
    o.charset = opt->charset;
    o.max_input_bytes = opt->max_size;
    o.probe_only = opt->probe;
    switch (opt->format) {
    case CLI_TEXT: o.formats = RM_FORMAT_TEXT; break;
    case CLI_MARKDOWN: o.formats = RM_FORMAT_MARKDOWN; break;
    case CLI_HTML: o.formats = RM_FORMAT_HTML; break;
    case CLI_JSON: o.formats = RM_FORMAT_ALL; break;
    }
    return o;
}

static void html_escaped(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
    }
}

static int write_text(FILE *out, const rm_article *a, unsigned width)
{
    char *body = rm_text_wrap(a->text ? a->text : "", width);
    if (!body)
        return -1;
    if (a->title && *a->title)
        fprintf(out, "%s\n\n", a->title);
    fputs(body, out);
    if (*body)
        fputc('\n', out);
    free(body);
    return 0;
}

static int write_markdown(FILE *out, const rm_article *a)
{
    if (a->title && *a->title)
        fprintf(out, "# %s\n\n", a->title);
    if (a->byline && *a->byline)
        fprintf(out, "*%s*\n\n", a->byline);
    fputs(a->markdown ? a->markdown : "", out);
    fputc('\n', out);
    return 0;
}

/* A complete, self-standing document around the sanitized body. */
static int write_html(FILE *out, const rm_article *a)
{
    fputs("<!DOCTYPE html>\n<html", out);
    if (a->lang) {
        fputs(" lang=\"", out);
        html_escaped(out, a->lang);
        fputc('"', out);
    }
    if (a->dir) {
        fputs(" dir=\"", out);
        html_escaped(out, a->dir);
        fputc('"', out);
    }
    fputs(">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    html_escaped(out, a->title);
    fputs("</title>\n</head>\n<body>\n<article>\n<h1>", out);
    html_escaped(out, a->title);
    fputs("</h1>\n", out);
    if (a->byline) {
        fputs("<p class=\"byline\">", out);
        html_escaped(out, a->byline);
        fputs("</p>\n", out);
    }
    fputs(a->html ? a->html : "", out);
    fputs("\n</article>\n</body>\n</html>\n", out);
    return 0;
}

static int write_json(FILE *out, const rm_article *a)
{
    cJSON *obj = rm_article_to_json(a);
    char *s = obj ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!s)
        return -1;
    fputs(s, out);
    fputc('\n', out);
    free(s);
    return 0;
}

static int write_article(FILE *out, const cli_options *opt, const rm_article *a)
{
    switch (opt->format) {
    case CLI_TEXT: return write_text(out, a, opt->width);
    case CLI_MARKDOWN: return write_markdown(out, a);
    case CLI_HTML: return write_html(out, a);
    case CLI_JSON: return write_json(out, a);
    }
    return -1;
}

static int exit_code_for(rm_status st)
{
    switch (st) {
    case RM_OK: return CLI_EXIT_OK;
    case RM_NO_ARTICLE: return CLI_EXIT_NO_ARTICLE;
    case RM_BAD_OPTION: return CLI_EXIT_USAGE;
    default: return CLI_EXIT_INPUT;
    }
}

static const char *extension_of(cli_format f)
{
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (formats[k].format == f)
            return formats[k].ext;
    return "txt";
}

/* DIR/<input base name without extension>.<format extension> */
static char *output_path(const char *dir, const char *input, cli_format f)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t stem = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)
        stem = (size_t)(dot - base);
    if (stem == 0 || strcmp(input, "-") == 0) {
        base = "stdin";
        stem = 5;
    }
    size_t len = strlen(dir) + 1 + stem + 1 + strlen(extension_of(f)) + 1;
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/%.*s.%s", dir, (int)stem, base, extension_of(f));
    return path;
}

/* Write into a temporary name and rename, so a failed run leaves no
 * half-written file in the output directory. */
static int write_file(const char *path, const cli_options *opt, const rm_article *a)
{
    size_t len = strlen(path) + 8;
    char *tmp = malloc(len);
    if (!tmp)
        return ENOMEM;
    snprintf(tmp, len, "%s.part", path);
    FILE *f = fopen(tmp, "wb");
    int rc = f ? 0 : errno;
    if (f) {
        if (write_article(f, opt, a) || fflush(f) || ferror(f))
            rc = errno ? errno : EIO;
        if (fclose(f) && !rc)
            rc = errno;
        if (!rc && rename(tmp, path))
            rc = errno;
        if (rc)
            remove(tmp);
    }
    free(tmp);
    return rc;
}

static int process_one(const cli_options *opt, const char *path, bool header)
{
    const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
    char *bytes;
    size_t len;
    int rc = cli_read_input(path, opt->max_size, &bytes, &len);
    if (rc) {
        report(name, rc == EFBIG ? "input exceeds --max-size" : strerror(rc));
        return CLI_EXIT_INPUT;
    }
    rm_options lib = library_options(opt, opt->url);
    rm_article *a = NULL;
    rm_status st = rm_extract(bytes, len, &lib, &a);
    free(bytes);
    if (st != RM_OK && st != RM_NO_ARTICLE) {
        report(name, rm_status_message(st));
        return exit_code_for(st);
    }
    if (opt->probe) {
        bool readerable = a && a->readerable;
        rm_article_free(a);
        return readerable ? CLI_EXIT_OK : CLI_EXIT_NO_ARTICLE;
    }
    if (st == RM_NO_ARTICLE)
        report(name, rm_status_message(st));
    int code = exit_code_for(st);
    if (opt->out_dir) {
        char *out = output_path(opt->out_dir, path, opt->format);
        int wrc = out ? write_file(out, opt, a) : ENOMEM;
        if (wrc) {
            report(out ? out : name, strerror(wrc));
            code = CLI_EXIT_INPUT;
        }
        free(out);
    } else {
        if (header)
            printf("==> %s <==\n", name);
        if (write_article(stdout, opt, a))
            code = CLI_EXIT_INPUT;
    }
    rm_article_free(a);
    return code;
}

/* ---- JSON lines ------------------------------------------------------------- */

static void jsonl_error(cJSON *reply, const char *code, const char *message)
{
    cJSON_AddBoolToObject(reply, "ok", 0);
    cJSON *err = cJSON_AddObjectToObject(reply, "error");
    if (err) {
        cJSON_AddStringToObject(err, "code", code);
        cJSON_AddStringToObject(err, "message", message);
    }
}

static void jsonl_handle(const cli_options *opt, const char *line, cJSON *reply)
{
    cJSON *req = cJSON_Parse(line);
    if (!req || !cJSON_IsObject(req)) {
        jsonl_error(reply, "bad_json", "line is not a JSON object");
        cJSON_Delete(req);
        return;
    }
    cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "id");
    cJSON *url = cJSON_GetObjectItemCaseSensitive(req, "url");
    cJSON *html = cJSON_GetObjectItemCaseSensitive(req, "html");
    if (id)
        cJSON_AddItemToObject(reply, "id", cJSON_Duplicate(id, 1));
    if (cJSON_IsString(url))
        cJSON_AddStringToObject(reply, "url", url->valuestring);
    if (!cJSON_IsString(html)) {
        jsonl_error(reply, "bad_request", "\"html\" must be a string");
        cJSON_Delete(req);
        return;
    }
    rm_options lib = library_options(opt, cJSON_IsString(url) ? url->valuestring : opt->url);
    lib.formats = RM_FORMAT_ALL;
    rm_article *a = NULL;
    rm_status st = rm_extract(html->valuestring, strlen(html->valuestring), &lib, &a);
    cJSON_Delete(req);
    if (st == RM_OK) {
        cJSON_AddBoolToObject(reply, "ok", 1);
    } else {
        jsonl_error(reply, rm_status_code(st), rm_status_message(st));
    }
    if (a) {
        cJSON *art = rm_article_to_json(a);
        if (art)
            cJSON_AddItemToObject(reply, "article", art);
        rm_article_free(a);
    }
}

static int run_jsonl(const cli_options *opt)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int worst = CLI_EXIT_OK;
    while ((n = getline(&line, &cap, stdin)) != -1) {
        if (n <= 1 && (n == 0 || line[0] == '\n'))
            continue;
        cJSON *reply = cJSON_CreateObject();
        if (!reply)
            break;
        if (opt->max_size && (size_t)n > opt->max_size + 1024)
            jsonl_error(reply, "too_large", "line exceeds --max-size");
        else
            jsonl_handle(opt, line, reply);
        if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(reply, "ok")))
            worst = CLI_EXIT_NO_ARTICLE;
        char *s = cJSON_PrintUnformatted(reply);
        cJSON_Delete(reply);
        if (s) {
            puts(s);
            free(s);
        }
        fflush(stdout);
    }
    free(line);
    return worst;
}

int cli_run(const cli_options *opt)
{
    if (opt->help) {
        cli_print_help();
        return CLI_EXIT_OK;
    }
    if (opt->version) {
        printf("readmode %s\n", RM_VERSION);
        return CLI_EXIT_OK;
    }
    if (opt->jsonl)
        return run_jsonl(opt);
    if (opt->file_count == 0) {
        char *stdin_only[] = {"-"};
        cli_options one = *opt;
        one.files = stdin_only;
        one.file_count = 1;
        return process_one(&one, "-", false);
    }
    int worst = CLI_EXIT_OK;
    for (size_t i = 0; i < opt->file_count; i++) {
        int code = process_one(opt, opt->files[i], opt->file_count > 1 && !opt->out_dir);
        if (code > worst)
            worst = code;
    }
    return worst;
}
