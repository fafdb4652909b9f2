/*
 * cli_inputs.c — the inputs and output names of a bulk run (cli_inputs.h).
 *
 * Output names keep the input's folders, because a flat folder of base
 * names makes a/index.html and b/index.html one file; a set of the names
 * handed out catches what is left (x.html and x.htm, the same input
 * twice), so no two inputs ever share an output file.
 */
#include "cli_inputs.h"

#include "hashset.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Extensions -r takes from a folder: the ones servers and browsers save
 * HTML pages under. */
static const char *const html_extensions[] = {".html", ".htm", ".xhtml", ".shtml"};

static const struct { cli_format format; const char *ext; } extensions[] = {
    {CLI_TEXT, "txt"}, {CLI_MARKDOWN, "md"}, {CLI_HTML, "html"}, {CLI_JSON, "json"},
};

const char *cli_format_extension(cli_format format)
{
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        if (extensions[i].format == format)
            return extensions[i].ext;
    return "txt";
}

void cli_list_free(cli_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}

/* Append a copy of s (n bytes); 0 or -1 when out of memory. */
static int list_add(cli_list *list, const char *s, size_t n)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 64;
        char **grown = realloc(list->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        list->items = grown;
        list->cap = cap;
    }
    char *copy = strndup(s, n);
    if (!copy)
        return -1;
    list->items[list->count++] = copy;
    return 0;
}

static int is_html_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    for (size_t i = 0; i < sizeof html_extensions / sizeof html_extensions[0]; i++)
        if (strcasecmp(dot, html_extensions[i]) == 0)
            return 1;
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return path;
}

/* Add the HTML files under `dir`, depth first in name order. Symbolic links
 * to folders are not followed (they can loop). */
static int walk(const char *dir, cli_list *inputs, size_t *unreadable)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, by_name);
    if (n < 0) {
        fprintf(stderr, "readmode: %s: %s\n", dir, strerror(errno));
        (*unreadable)++;
        return 0;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        char *path = NULL;
        if (rc == 0 && strcmp(name, ".") != 0 && strcmp(name, "..") != 0 &&
            (path = join(dir, name)) == NULL)
            rc = -1;
        struct stat sb;
        if (path && lstat(path, &sb) == 0) {
            if (S_ISDIR(sb.st_mode))
                rc = walk(path, inputs, unreadable);
            else if (is_html_name(name) && (S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode)))
                rc = list_add(inputs, path, strlen(path));
        }
        free(path);
        free(entries[i]);
    }
    free(entries);
    return rc;
}

static int add_input(const cli_options *opt, const char *name, size_t n, cli_list *inputs,
                     size_t *unreadable)
{
    struct stat sb;
    if (opt->recursive && n == strlen(name) && stat(name, &sb) == 0 && S_ISDIR(sb.st_mode))
        return walk(name, inputs, unreadable);
    return list_add(inputs, name, n);
}

/* The names of a --files-from list, one per line (or NUL-terminated with
 * -0); empty names are skipped. */
static int read_list(const cli_options *opt, cli_list *inputs, size_t *unreadable,
                     char *err, size_t err_len)
{
    int from_stdin = strcmp(opt->files_from, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(opt->files_from, "r");
    if (!f) {
        snprintf(err, err_len, "%s: %s", opt->files_from, strerror(errno));
        return CLI_EXIT_INPUT;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    int sep = opt->null_separated ? '\0' : '\n';
    while (rc == 0 && (n = getdelim(&line, &cap, sep, f)) > 0) {
        if (line[n - 1] == sep)
            n--;
        if (!opt->null_separated && n > 0 && line[n - 1] == '\r')
            n--;
        if (n > 0 && add_input(opt, line, (size_t)n, inputs, unreadable))
            rc = -1;
    }
    if (rc == 0 && ferror(f)) {
        snprintf(err, err_len, "%s: %s", opt->files_from, strerror(errno));
        rc = CLI_EXIT_INPUT;
    }
    free(line);
    if (!from_stdin)
        fclose(f);
    if (rc == -1)
        snprintf(err, err_len, "out of memory");
    return rc == -1 ? CLI_EXIT_INPUT : rc;
}

int cli_inputs_collect(const cli_options *opt, cli_list *inputs, size_t *unreadable,
                       char *err, size_t err_len)
{
    *unreadable = 0;
    for (size_t i = 0; i < opt->file_count; i++)
        if (add_input(opt, opt->files[i], strlen(opt->files[i]), inputs, unreadable)) {
            snprintf(err, err_len, "out of memory");
            return CLI_EXIT_INPUT;
        }
    if (opt->files_from)
        return read_list(opt, inputs, unreadable, err, err_len);
    return 0;
}

/* DIR/relative/path/stem: the input path made relative, with "." and
 * empty parts dropped, ".." made "__" (it must never leave DIR) and the
 * last extension removed. */
static char *output_stem(const char *dir, const char *input)
{
    if (strcmp(input, "-") == 0)
        input = "stdin";
    size_t cap = strlen(dir) + strlen(input) * 2 + 8, len = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    len = (size_t)snprintf(out, cap, "%s", dir);
    while (len > 1 && out[len - 1] == '/')
        out[--len] = '\0';
    size_t dir_len = len;
    for (const char *p = input; *p;) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, "/");
        const char *next = p + n;
        int last = next[strspn(next, "/")] == '\0';
        if (n == 1 && p[0] == '.') {
            p = next;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            len += (size_t)snprintf(out + len, cap - len, "/__");
            p = next;
            continue;
        }
        size_t keep = n;
        for (size_t k = n - 1; last && k > 0; k--)
            if (p[k] == '.') {
                keep = k;
                break;
            }
        len += (size_t)snprintf(out + len, cap - len, "/%.*s", (int)keep, p);
        p = next;
    }
    if (len == dir_len)
        snprintf(out + len, cap - len, "/page");
    return out;
}

int cli_output_names(const char *dir, const cli_list *inputs, cli_format format, cli_list *names)
{
    hashset taken = {0};
    const char *ext = cli_format_extension(format);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < inputs->count; i++) {
        char *stem = output_stem(dir, inputs->items[i]);
        size_t cap = stem ? strlen(stem) + strlen(ext) + 24 : 0;
        char *name = stem ? malloc(cap) : NULL;
        if (!name) {
            free(stem);
            rc = -1;
            break;
        }
        snprintf(name, cap, "%s.%s", stem, ext);
        for (unsigned k = 2; hashset_has(&taken, hashset_hash(name, strlen(name))); k++)
            snprintf(name, cap, "%s-%u.%s", stem, k, ext);
        free(stem);
        if (hashset_add(&taken, hashset_hash(name, strlen(name))) ||
            list_add(names, name, strlen(name)))
            rc = -1;
        free(name);
    }
    hashset_free(&taken);
    return rc;
}
