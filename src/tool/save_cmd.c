/*
 * save_cmd.c — the `readmode save` and `readmode list` commands: options,
 * reading the page, and turning outcomes into one stderr line and an exit
 * status (cli.h's codes plus 4 for I/O errors; see save.h). The work
 * itself is in save.c.
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

static const char save_usage[] =
    "usage: readmode save [--format md|txt|html] [--url URL] [--library DIR] [--force] FILE|-\n";
static const char list_usage[] = "usage: readmode list [--library DIR] [--json]\n";

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
            fprintf(stderr, "readmode save: unknown format %s (md, txt or html)\n", optarg);
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
        char *path = NULL;
        rc = save_article(library, article, args.url, args.format, time(NULL), &path, err,
                          sizeof err) == 0 ? 0 : CLI_EXIT_IO;
        if (rc == 0)
            printf("%s\n", path);
        else
            fprintf(stderr, "readmode save: %s\n", err);
        free(path);
    }
    rm_article_free(article);
    free(library);
    return rc;
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
    for (size_t i = 0; i < count; i++)
        printf("%s\t%s\t%s\t%s\n", entries[i].saved_at, save_format_name(entries[i].format),
               entries[i].title, entries[i].path);
}

int save_list_main(int argc, char **argv)
{
    static const struct option options[] = {
        {"library", required_argument, NULL, 'l'}, {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *library_arg = NULL;
    bool json = false;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "l:h", options, NULL)) != -1;) {
        if (c == 'l')
            library_arg = optarg;
        else if (c == 'j')
            json = true;
        else if (c == 'h')
            return fputs(list_usage, stdout) == EOF;
        else
            return fputs(list_usage, stderr), CLI_EXIT_USAGE;
    }
    if (optind != argc)
        return fputs(list_usage, stderr), CLI_EXIT_USAGE;
    char err[512];
    char *library = config_library_dir(library_arg, err, sizeof err);
    save_entry *entries = NULL;
    size_t count = 0;
    int rc = library ? save_list(library, &entries, &count, err, sizeof err) : -1;
    if (rc == 0)
        print_entries(entries, count, json);
    else
        fprintf(stderr, "readmode list: %s\n", err);
    save_entries_free(entries, count);
    free(library);
    return rc == 0 ? 0 : library ? CLI_EXIT_IO : CLI_EXIT_USAGE;
}
