/*
 * cli_inputs.h — which pages a bulk run reads and where each result goes:
 * FILE arguments, folders walked with -r, --files-from lists (newline or
 * NUL separated), and collision-free output names under -o DIR.
 */
#ifndef RM_CLI_INPUTS_H
#define RM_CLI_INPUTS_H

#include "cli.h"

typedef struct {
    char **items;             /* malloc'd strings */
    size_t count;
    size_t cap;
} cli_list;

void cli_list_free(cli_list *list);

/* Every input of the run, in order: the FILE arguments, then the names in
 * --files-from; with -r a folder gives its HTML files (.html, .htm,
 * .xhtml, .shtml), sorted by name, sub-folders included. Folders that
 * cannot be read are reported on stderr and counted in *unreadable.
 * Returns 0, or CLI_EXIT_INPUT / CLI_EXIT_USAGE with a message in err. */
int cli_inputs_collect(const cli_options *opt, cli_list *inputs, size_t *unreadable,
                       char *err, size_t err_len);

/* One output path per input under `dir`: the input's own relative path
 * (an absolute path loses its leading "/", ".." becomes "__") with the
 * extension of `format`; when two inputs would get one name, the later one
 * gets NAME-2.EXT, NAME-3.EXT, … Returns 0 or -1 when out of memory. */
int cli_output_names(const char *dir, const cli_list *inputs, cli_format format,
                     cli_list *names);

/* The file extension of a format ("txt", "md", "html", "json"). */
const char *cli_format_extension(cli_format format);

#endif
