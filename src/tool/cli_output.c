/*
 * cli_output.c — writing articles for the command line (see cli_output.h).
 *
 * Every write is checked: a writer returns -1 as soon as the stream is in
 * error, so a full disk or a closed pipe turns into a message and exit
 * status 4 instead of a silently truncated result.
 */
#include "cli_output.h"

#include "article_json.h"
#include "cli_tempfiles.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

rm_options cli_library_options(const cli_options *opt, const char *url)
{
    rm_options o = rm_default_options;
    o.url = url ? url : opt->url;
    o.charset = opt->charset;
    o.max_input_bytes = opt->max_size;
    o.probe_only = opt->probe;
    o.wrap_width = opt->format == CLI_TEXT ? opt->width : 0;
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
        default: putc(*s, out);
        }
    }
}

/* The body comes wrapped at -w from the library (which keeps code as it
 * is); the title is wrapped here. */
static int write_text(FILE *out, const rm_article *a, unsigned width)
{
    const char *body = a->text ? a->text : "";
    if (a->title && *a->title) {
        char *title = rm_text_wrap(a->title, width);
        if (!title) {
            errno = ENOMEM;
            return -1;
        }
        fprintf(out, "%s\n\n", title);
        free(title);
    }
    fputs(body, out);
    if (*body)
        putc('\n', out);
    return 0;
}

static int write_markdown(FILE *out, const rm_article *a)
{
    if (a->title && *a->title)
        fprintf(out, "# %s\n\n", a->title);
    if (a->byline && *a->byline)
        fprintf(out, "*%s*\n\n", a->byline);
    fputs(a->markdown ? a->markdown : "", out);
    putc('\n', out);
    return 0;
}

/* A complete, self-standing document around the sanitized body. */
static int write_html(FILE *out, const rm_article *a)
{
    fputs("<!DOCTYPE html>\n<html", out);
    if (a->lang) {
        fputs(" lang=\"", out);
        html_escaped(out, a->lang);
        putc('"', out);
    }
    if (a->dir) {
        fputs(" dir=\"", out);
        html_escaped(out, a->dir);
        putc('"', out);
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
    if (!s) {
        errno = ENOMEM;
        return -1;
    }
    fputs(s, out);
    putc('\n', out);
    free(s);
    return 0;
}

int cli_write_article(FILE *out, const cli_options *opt, const rm_article *a)
{
    int rc = -1;
    switch (opt->format) {
    case CLI_TEXT: rc = write_text(out, a, opt->width); break;
    case CLI_MARKDOWN: rc = write_markdown(out, a); break;
    case CLI_HTML: rc = write_html(out, a); break;
    case CLI_JSON: rc = write_json(out, a); break;
    }
    if (rc == 0 && ferror(out)) {
        if (!errno)
            errno = EIO;
        rc = -1;
    }
    return rc;
}

void cli_record_error(cJSON *record, const char *code, const char *message)
{
    cJSON_AddBoolToObject(record, "ok", 0);
    cJSON *err = cJSON_AddObjectToObject(record, "error");
    if (err) {
        cJSON_AddStringToObject(err, "code", code);
        cJSON_AddStringToObject(err, "message", message);
    }
}

void cli_record_result(cJSON *record, rm_status status, const rm_article *a)
{
    if (status == RM_OK)
        cJSON_AddBoolToObject(record, "ok", 1);
    else
        cli_record_error(record, rm_status_code(status), rm_status_message(status));
    if (a) {
        cJSON *art = rm_article_to_json(a);
        if (art)
            cJSON_AddItemToObject(record, "article", art);
    }
}

int cli_make_dirs(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return ENOMEM;
    int rc = 0;
    for (char *s = p + 1; ; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char saved = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = errno;
        *s = saved;
        if (rc || saved == '\0')
            break;
    }
    free(p);
    return rc;
}

/* Permissions of new output files: 0666 less the umask, as fopen gives
 * (mkstemp alone would give 0600). */
static mode_t output_mode = 0644;

void cli_output_prepare(void)
{
    mode_t mask = umask(0);
    umask(mask);
    output_mode = 0666 & ~mask;
}

int cli_write_file(const char *path, const cli_options *opt, const rm_article *a)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    size_t len = strlen(path) + 16;
    char *tmp = malloc(len);
    if (!tmp)
        return ENOMEM;
    snprintf(tmp, len, "%.*s%s.%s.XXXXXX", (int)dir_len, path, slash ? "/" : "", base);
    if (dir_len) {
        tmp[dir_len] = '\0';
        int rc = cli_make_dirs(tmp);
        tmp[dir_len] = '/';
        if (rc) {
            free(tmp);
            return rc;
        }
    }
    int fd = cli_tempfile_create(tmp);
    if (fd < 0) {
        int rc = errno;
        free(tmp);
        return rc;
    }
    FILE *f = fdopen(fd, "wb");
    int rc = 0;
    if (!f) {
        rc = errno;
        close(fd);
    } else {
        errno = 0;
        if (fchmod(fd, output_mode) || cli_write_article(f, opt, a) || fflush(f))
            rc = errno ? errno : EIO;
        if (fclose(f) && !rc)
            rc = errno ? errno : EIO;
    }
    if (rc)
        cli_tempfile_discard(tmp);
    else
        rc = cli_tempfile_commit(tmp, path);
    free(tmp);
    return rc;
}

int cli_exit_code_for(rm_status st)
{
    switch (st) {
    case RM_OK: return CLI_EXIT_OK;
    case RM_NO_ARTICLE: return CLI_EXIT_NO_ARTICLE;
    case RM_BAD_OPTION: return CLI_EXIT_USAGE;
    default: return CLI_EXIT_INPUT;
    }
}
