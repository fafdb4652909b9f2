/*
 * cli_bulk.h — the bulk runs of the command line: many files (to stdout or
 * -o DIR) and the --jsonl stream, on -j worker threads, with a progress
 * line on a terminal and a closing summary on stderr.
 */
#ifndef RM_CLI_BULK_H
#define RM_CLI_BULK_H

#include "cli.h"

/* Both return the exit status (cli.h). */
int cli_run_files(const cli_options *opt);
int cli_run_jsonl(const cli_options *opt);

/* The stderr message for cli_read_input's error value. */
const char *cli_read_error_message(int err);

#endif
