/*
 * cli.h — the `readmode` command line: option parsing (pure, testable) and
 * the runs it drives (one page, many pages, -o DIR, JSON-lines streaming).
 */
#ifndef RM_CLI_H
#define RM_CLI_H

#include "readmode.h"
#include <stdbool.h>
#include <stddef.h>

/* Exit statuses, documented in --help and the README. In bulk runs (several
 * inputs, -o DIR, --jsonl) a page without article, or one that is not HTML,
 * is an outcome reported in the output and the summary, not a failure. */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_NO_ARTICLE = 1,  /* single page: no article (best text printed) */
    CLI_EXIT_USAGE = 2,
    CLI_EXIT_INPUT = 3,       /* an input could not be read (single page:
                                 or is not HTML / too large) */
    CLI_EXIT_IO = 4,          /* the output could not be written */
};

typedef enum { CLI_TEXT, CLI_MARKDOWN, CLI_HTML, CLI_JSON } cli_format;

typedef struct {
    cli_format format;
    const char *url;
    const char *charset;
    unsigned width;           /* 0: no wrapping */
    size_t max_size;          /* bytes; 0: no limit */
    const char *out_dir;      /* -o DIR */
    const char *files_from;   /* --files-from FILE ("-": stdin) */
    bool null_separated;      /* -0: --files-from names end in NUL */
    bool recursive;           /* -r: directories give their HTML files */
    unsigned jobs;            /* -j N; 0: one per core */
    bool quiet;               /* no progress, summary or per-page notes */
    bool probe;
    bool jsonl;
    bool help;
    bool version;
    char **files;             /* points into argv */
    size_t file_count;
} cli_options;

/* Parse argv with getopt_long (argv may be permuted). Returns 0, or
 * CLI_EXIT_USAGE with a one-line message in err. */
int cli_parse(int argc, char **argv, cli_options *opt, char *err, size_t err_len);

/* Run the parsed command; returns the process exit code. */
int cli_run(const cli_options *opt);

void cli_print_help(void);

/* Read all of `path` ("-": stdin), refusing more than `max` bytes (0: no
 * limit) without reading on. Returns 0, or an errno value (EFBIG when too
 * large); *out is malloc'd. Shared with `readmode save`. */
int cli_read_input(const char *path, size_t max, char **out, size_t *len);

#endif
