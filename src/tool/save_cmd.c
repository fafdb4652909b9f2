/*
 * save_cmd.c — the `readmode save`, `list`, `show` and `delete` commands:
 * options, reading the page, and turning outcomes into one stderr line and
 * an exit status (cli.h's codes plus 4 for I/O errors and 5 for "already
 * saved"; see save.h). The work itself is in save.c.
 */
#include "cli.h"
#include "config.h"
#include "save.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

static const char save_usage[] =
    "usage: readmode save [--format md|txt|html|epub] [--url URL] [--library DIR] [--force]\n"
    "                     FILE|-\n"
    "Extract the article of FILE (- for stdin) and save it in the library.\n"
    "  --format F    md (default; Markdown with front matter), txt, html (one page\n"
    "                that runs no script), epub (EPUB 3 for e-readers)\n"
    "  --url URL     the page's address: base of relative links, and the key that\n"
    "                finds the article again when the page names no canonical URL\n"
    "  --library DIR the library folder (default: the configured one)\n"
    "  --force       save a page where no article was found, and replace the\n"
    "                saved copy of the same URL instead of failing\n"
    "Images keep their web links (md, txt, html): the command fetches nothing.\n"
    "An EPUB cannot link images on the web, so it shows their alt text and a\n"
    "link instead. The extension's saves hold their images inside.\n"
    "Exit status: 0 saved, 1 no article, 2 usage, 3 bad input, 4 I/O error,\n"
    "5 already saved (its path is printed on stderr).\n";
static const char list_usage[] =
    "usage: readmode list [--library DIR] [--json] [--grep WORDS] [--since DATE]\n"
    "  --grep WORDS  only articles with every word in the title or site\n"
    "  --since DATE  only articles saved on or after DATE (YYYY-MM-DD, UTC)\n";
static const char show_usage[] = "usage: readmode show [--library DIR] URL|PATH\n";
static const char delete_usage[] = "usage: readmode delete [--library DIR] URL|PATH\n";

/* Exit status when the URL is saved already. */
#define SAVE_EXIT_EXISTS 5

/* Exit status for each extraction status that stops a save. */
static const struct {
    rm_status status;
    int exit_code;
} save_failures[] = {
    {RM_NO_ARTICLE, CLI_EXIT_NO_ARTICLE}, {RM_BAD_INPUT, CLI_EXIT_INPUT},
    {RM_TOO_LARGE, CLI_EXIT_INPUT},       {RM_BAD_OPTION, CLI_EXIT_USAGE},
    {RM_NO_MEMORY, CLI_EXIT_IO},
};

typedef struct {
    save_format format;
    const char *url;
    const char *library;
    const char *input;
    bool force;
} save_args;

/* Returns -1 to continue, else the exit status. */
static int parse_save_args(int argc, char **argv, save_args *args)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"url", required_argument, NULL, 'u'},
        {"library", required_argument, NULL, 'l'}, {"force", no_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    memset(args, 0, sizeof *args);
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "f:u:l:h", options, NULL)) != -1;) {
        if (c == 'f' && save_format_from_name(optarg, &args->format) != 0) {
            fprintf(stderr, "readmode save: unknown format %s (md, txt, html or epub)\n",
                    optarg);
            return CLI_EXIT_USAGE;
        }
        if (c == 'u')
            args->url = optarg;
        else if (c == 'l')
            args->library = optarg;
        else if (c == 'F')
            args->force = true;
        else if (c == 'h')
            return fputs(save_usage, stdout) == EOF;
        else if (c == '?')
            return fputs(save_usage, stderr), CLI_EXIT_USAGE;
    }
    if (optind != argc - 1) {
        fputs(save_usage, stderr);
        return CLI_EXIT_USAGE;
    }
    args->input = argv[optind];
    return -1;
}

/* Extract the article of args->input into *out; returns -1 or an exit
 * status after reporting the failure. */
static int extract_input(const save_args *args, rm_article **out)
{
    size_t len = 0;
    char *html = NULL;
    int rc = cli_read_input(args->input, rm_default_options.max_input_bytes, &html, &len);
    if (rc) {
        fprintf(stderr, "readmode save: %s: %s\n", args->input,
                rc == EFBIG ? "input exceeds the size limit" : strerror(rc));
        return CLI_EXIT_INPUT;
    }
    rm_options opt = rm_default_options;
    opt.url = args->url;
    rm_status st = rm_extract(html, len, &opt, out);
    free(html);
    if (st == RM_OK || (st == RM_NO_ARTICLE && args->force))
        return -1;
    rm_article_free(*out);
    *out = NULL;
    fprintf(stderr, "readmode save: %s: %s%s\n", args->input, rm_status_message(st),
            st == RM_NO_ARTICLE ? " (--force saves the page anyway)" : "");
    for (size_t i = 0; i < sizeof save_failures / sizeof *save_failures; i++)
        if (save_failures[i].status == st)
            return save_failures[i].exit_code;
    return CLI_EXIT_IO;
}

int save_main(int argc, char **argv)
{
    save_args args;
    int rc = parse_save_args(argc, argv, &args);
    if (rc >= 0)
        return rc;
    char err[512];
    char *library = config_library_dir(args.library, err, sizeof err);
    if (!library) {
        fprintf(stderr, "readmode save: %s\n", err);
        return CLI_EXIT_USAGE;
    }
    signal(SIGXFSZ, SIG_IGN);   /* a file-size limit fails the save with EFBIG */
    rm_article *article = NULL;
    rc = extract_input(&args, &article);
    if (rc < 0) {
        save_options o = {.format = args.format, .source_url = args.url,
                          .saved_at = time(NULL), .force = args.force};
        save_result res;
        rc = save_article(library, article, &o, &res, err, sizeof err);
        if (rc == 0)
            printf("%s\n", res.path);
        else if (rc == SAVE_EXISTS)
            fprintf(stderr, "readmode save: already saved as %s (--force replaces it)\n",
                    res.path);
        else
            fprintf(stderr, "readmode save: %s\n", err);
        rc = rc == 0 ? 0 : rc == SAVE_EXISTS ? SAVE_EXIT_EXISTS : CLI_EXIT_IO;
        save_result_free(&res);
    }
    rm_article_free(article);
    free(library);
    return rc;
}

/* Is `c` shown escaped in `list`: C0 and C1 controls, DEL, and the
 * characters that reorder or hide text (bidi embeddings, overrides and
 * isolates, marks, line and paragraph separators), as `ls` escapes odd
 * file names. */
static bool is_hidden_char(ucs4_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e ||
           c == 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0xfeff;
}

/* `s` for a terminal: such characters as \u{XXXX}, invalid bytes as \xHH,
 * the backslash doubled so the escapes stay unambiguous. */
static void put_escaped(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int step = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
        bool invalid = c == 0xfffd && !(step == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0);
        if (invalid)
            printf("\\x%02X", (unsigned char)s[i]);
        else if (c == '\\')
            fputs("\\\\", stdout);
        else if (is_hidden_char(c))
            printf("\\u{%04X}", (unsigned)c);
        else
            fwrite(s + i, 1, (size_t)step, stdout);
        i += invalid ? 1 : (size_t)step;
    }
}

static void print_entries(const save_entry *entries, size_t count, bool json)
{
    if (json) {
        cJSON *list = save_entries_to_json(entries, count);
        char *text = list ? cJSON_PrintUnformatted(list) : NULL;
        if (text)
            printf("%s\n", text);
        free(text);
        cJSON_Delete(list);
        return;
    }
    for (size_t i = 0; i < count; i++) {
        printf("%s\t%s\t", entries[i].saved_at, save_format_name(entries[i].format));
        put_escaped(entries[i].title);
        putchar('\t');
        put_escaped(entries[i].path);
        putchar('\n');
    }
}

int save_list_main(int argc, char **argv)
{
    static const struct option options[] = {
        {"library", required_argument, NULL, 'l'}, {"json", no_argument, NULL, 'j'},
        {"grep", required_argument, NULL, 'g'},    {"since", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *library_arg = NULL;
    save_filter filter = {NULL, NULL};
    bool json = false;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "l:h", options, NULL)) != -1;) {
        if (c == 'l')
            library_arg = optarg;
        else if (c == 'j')
            json = true;
        else if (c == 'g')
            filter.grep = optarg;
        else if (c == 's')
            filter.since = optarg;
        else if (c == 'h')
            return fputs(list_usage, stdout) == EOF;
        else
            return fputs(list_usage, stderr), CLI_EXIT_USAGE;
    }
    if (optind != argc)
        return fputs(list_usage, stderr), CLI_EXIT_USAGE;
    if (filter.since && !save_since_valid(filter.since)) {
        fprintf(stderr, "readmode list: --since wants a date, YYYY-MM-DD\n");
        return CLI_EXIT_USAGE;
    }
    char err[512];
    char *library = config_library_dir(library_arg, err, sizeof err);
    save_entry *entries = NULL;
    size_t count = 0;
    int rc = library ? save_list(library, &filter, &entries, &count, err, sizeof err) : -1;
    if (rc == 0)
        print_entries(entries, count, json);
    else
        fprintf(stderr, "readmode list: %s\n", err);
    save_entries_free(entries, count);
    free(library);
    return rc == 0 ? 0 : library ? CLI_EXIT_IO : CLI_EXIT_USAGE;
}

/* `show` and `delete`: [--library DIR] URL|PATH. Returns -1 with *entry
 * and *library set, else the exit status. */
static int find_one(int argc, char **argv, const char *usage, char **library,
                    save_entry *entry)
{
    static const struct option options[] = {
        {"library", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *library_arg = NULL;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "l:h", options, NULL)) != -1;) {
        if (c == 'l')
            library_arg = optarg;
        else if (c == 'h')
            return fputs(usage, stdout) == EOF;
        else
            return fputs(usage, stderr), CLI_EXIT_USAGE;
    }
    if (optind != argc - 1)
        return fputs(usage, stderr), CLI_EXIT_USAGE;
    char err[512];
    *library = config_library_dir(library_arg, err, sizeof err);
    if (!*library) {
        fprintf(stderr, "readmode %s: %s\n", argv[0], err);
        return CLI_EXIT_USAGE;
    }
    int rc = save_find(*library, argv[optind], SAVE_KEY_GUESS, entry, err, sizeof err);
    if (rc == 0)
        return -1;
    if (rc > 0)
        fprintf(stderr, "readmode %s: nothing saved as %s\n", argv[0], argv[optind]);
    else
        fprintf(stderr, "readmode %s: %s\n", argv[0], err);
    free(*library);
    *library = NULL;
    return rc > 0 ? CLI_EXIT_NO_ARTICLE : CLI_EXIT_USAGE;
}

int save_show_main(int argc, char **argv)
{
    char *library = NULL, err[512];
    save_entry entry;
    int rc = find_one(argc, argv, show_usage, &library, &entry);
    if (rc >= 0)
        return rc;
    rm_article *a = NULL;
    rc = save_read_article(&entry, &a, err, sizeof err);
    if (rc == 0) {
        printf("%s\n\n%s", a->title ? a->title : "", a->text ? a->text : "");
        if (a->text && *a->text && a->text[strlen(a->text) - 1] != '\n')
            putchar('\n');
    } else {
        fprintf(stderr, "readmode show: %s\n", err);
    }
    rm_article_free(a);
    save_entry_clear(&entry);
    free(library);
    return rc == 0 ? 0 : CLI_EXIT_IO;
}

int save_delete_main(int argc, char **argv)
{
    char *library = NULL, err[512];
    save_entry entry;
    int rc = find_one(argc, argv, delete_usage, &library, &entry);
    if (rc >= 0)
        return rc;
    rc = save_delete(library, &entry, err, sizeof err);
    if (rc == 0)
        printf("deleted %s\n", entry.path);
    else
        fprintf(stderr, "readmode delete: %s\n", err);
    save_entry_clear(&entry);
    free(library);
    return rc == 0 ? 0 : CLI_EXIT_IO;
}
