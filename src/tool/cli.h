/*
 * cli.h — the `readmode` command line: option parsing (pure, testable) and
 * the runs it drives (files, stdin, bulk output, JSON-lines streaming).
 */
#ifndef RM_CLI_H
#define RM_CLI_H

#include "readmode.h"
#include <stdbool.h>
#include <stddef.h>

/* Exit codes, documented in --help and README. */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_NO_ARTICLE = 1,
    CLI_EXIT_USAGE = 2,
    CLI_EXIT_INPUT = 3,
    CLI_EXIT_IO = 4,          /* `save`: the file could not be written */
};

typedef enum { CLI_TEXT, CLI_MARKDOWN, CLI_HTML, CLI_JSON } cli_format;

typedef struct {
    cli_format format;
    const char *url;
    const char *charset;
    unsigned width;           /* 0: no wrapping */
    size_t max_size;          /* bytes; 0: no limit */
    const char *out_dir;      /* -o DIR */
    bool probe;
    bool jsonl;
    bool help;
    bool version;
    char **files;             /* points into argv */
    size_t file_count;
} cli_options;

/* Parse argv. Returns 0, or CLI_EXIT_USAGE with a one-line message in err. */
int cli_parse(int argc, char **argv, cli_options *opt, char *err, size_t err_len);

/* Run the parsed command; returns the process exit code. */
int cli_run(const cli_options *opt);

void cli_print_help(void);

/* Read all of `path` ("-": stdin), refusing more than `max` bytes (0: no
 * limit) without reading on. Returns 0, or an errno value (EFBIG when too
 * large); *out is malloc'd. Shared with `readmode save`. */
int cli_read_input(const char *path, size_t max, char **out, size_t *len);

#endif
