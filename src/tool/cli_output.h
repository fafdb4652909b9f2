/*
 * cli_output.h — how the command line writes an article: the four formats
 * onto a stream, one record of a JSON-lines run, and a file in -o DIR that
 * appears complete or not at all.
 */
#ifndef RM_CLI_OUTPUT_H
#define RM_CLI_OUTPUT_H

#include "cli.h"

#include <cJSON.h>
#include <stdio.h>

/* Library options for one page of this run; url overrides -u when set. */
rm_options cli_library_options(const cli_options *opt, const char *url);

/* Write the article in opt->format. Returns 0, or -1 when the stream
 * reported an error (errno says which) or memory ran out. */
int cli_write_article(FILE *out, const cli_options *opt, const rm_article *a);

/* The record of one page in JSON-lines output:
 *   {"file"|"id"…, "ok":true, "article":{…}}
 *   {…, "ok":false, "error":{"code","message"}, "article":{…}}  (no article)
 *   {…, "ok":false, "error":{"code","message"}}                (not a page)
 * The caller adds its own keys first; NULL when out of memory. */
void cli_record_result(cJSON *record, rm_status status, const rm_article *a);
void cli_record_error(cJSON *record, const char *code, const char *message);

/* Write the article to `path`, creating missing folders: into a hidden
 * temporary file beside it, then renamed over `path`, so no
 * reader ever sees a partial file and a full disk leaves nothing behind
 * (nor does a signal while cli_tempfiles_guard runs). Returns 0 or an
 * errno value. */
int cli_write_file(const char *path, const cli_options *opt, const rm_article *a);

/* Read the umask for the files cli_write_file creates; call it once before
 * any thread starts (umask can only be read by setting it). */
void cli_output_prepare(void);

/* mkdir -p; returns 0 or an errno value. */
int cli_make_dirs(const char *path);

/* Exit status for a library status of a single-page run. */
int cli_exit_code_for(rm_status st);

#endif
