/*
 * cli_tempfiles.h — the temporary files of an -o DIR run, and their removal
 * when Ctrl-C (SIGINT), SIGTERM or SIGHUP ends the run.
 *
 * Each output is written into a hidden temporary file beside it and renamed
 * into place (cli_output.c). Every temporary file is registered here from
 * its creation until its rename or removal; while the guard runs, one of
 * those signals removes every registered file and then ends the process
 * with that signal's default action, so the exit status still says what
 * ended it. Finished outputs stay: each appeared whole by its rename.
 */
#ifndef RM_CLI_TEMPFILES_H
#define RM_CLI_TEMPFILES_H

/* Start the guard; call before any other thread starts (threads created
 * afterwards inherit the blocked signals, which only the guard's thread
 * takes). Returns 0 or an errno value. */
int cli_tempfiles_guard(void);

/* Stop the guard and unblock the signals (one that came in the meantime
 * then acts as usual). Call after the other threads ended. */
void cli_tempfiles_unguard(void);

/* mkstemp(template), registered. Returns the descriptor, or -1 with errno
 * set. `template` must stay valid until committed or discarded. */
int cli_tempfile_create(char *template);

/* Rename the temporary file to `path` and forget it: 0 or an errno value
 * (the file is removed on failure). */
int cli_tempfile_commit(char *template, const char *path);

/* Remove the temporary file and forget it. */
void cli_tempfile_discard(char *template);

#endif
