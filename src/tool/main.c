/*
 * main.c — entry point of the readmode binary: picks the front end.
 *
 * The same binary is the command-line tool, the native-messaging host a
 * browser starts, and the offline saver; each lives in its own module.
 */
#include "cli.h"
#include "native.h"
#include "save.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (native_should_serve(argc, argv))
        return native_main(argc, argv);
    if (argc > 1 && strcmp(argv[1], "save") == 0)
        return save_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "list") == 0)
        return save_list_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "show") == 0)
        return save_show_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "delete") == 0)
        return save_delete_main(argc - 1, argv + 1);
    char err[256];
    cli_options opt;
    if (cli_parse(argc, argv, &opt, err, sizeof err)) {
        fprintf(stderr, "readmode: %s\n", err);
        return CLI_EXIT_USAGE;
    }
    return cli_run(&opt);
}
