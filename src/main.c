/*
 * main.c — entry point of the readmode binary: picks the front end.
 *
 * The same binary is the command-line tool, the native-messaging host a
 * browser starts, and the offline saver; each lives in its own module.
 */
#include "cli.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    char err[256];
    cli_options opt;
    if (cli_parse(argc, argv, &opt, err, sizeof err)) {
        fprintf(stderr, "readmode: %s\n", err);
        return CLI_EXIT_USAGE;
    }
    return cli_run(&opt);
}
