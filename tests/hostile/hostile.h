/*
 * hostile.h — running the real binary on hostile input for the tests in
 * tests/hostile: fork/exec with stdin from a file and stdout to a file, and
 * the child's peak memory (wait4's ru_maxrss), so each test can state its
 * bounds. Time is bounded by the test case's timeout, set generously: only
 * a hang exceeds it; speed is measured by `make bench`, never here.
 */
#ifndef RM_HOSTILE_H
#define RM_HOSTILE_H

#include "testutil.h"
#include "tmpdir.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    int status;       /* exit status, or -1 when killed by a signal */
    long peak_kb;     /* peak resident memory of the child */
    char *out;        /* stdout (malloc'd, NUL-terminated) */
    size_t out_len;
    char *err;        /* stderr */
} hostile_run;

/* Run the binary with `args` (NULL-terminated, without argv[0]); stdin
 * from `input` (NULL: /dev/null); outputs captured through files in
 * `scratch`. */
static inline hostile_run hostile_exec(const char *scratch, const char *input,
                                       const char *const args[])
{
    char out_path[4200], err_path[4200];
    snprintf(out_path, sizeof out_path, "%s/.stdout", scratch);
    snprintf(err_path, sizeof err_path, "%s/.stderr", scratch);
    const char *argv[32];
    size_t n = 0;
    argv[n++] = tu_env("RM_BINARY", "build/readmode");
    for (size_t i = 0; args[i] && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int in = open(input ? input : "/dev/null", O_RDONLY);
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0)
            _exit(126);
        dup2(in, 0), dup2(out, 1), dup2(err, 2);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int ws = 0;
    struct rusage ru;
    while (wait4(pid, &ws, 0, &ru) < 0)
        ;
    hostile_run r = {WIFEXITED(ws) ? WEXITSTATUS(ws) : -1, ru.ru_maxrss, NULL, 0, NULL};
    r.out = tu_read_file(out_path, &r.out_len);
    r.err = tu_read_file(err_path, NULL);
    ck_assert_ptr_nonnull(r.out);
    ck_assert_ptr_nonnull(r.err);
    ck_assert_msg(WIFEXITED(ws), "readmode died from signal %d; stderr: %s",
                  WIFSIGNALED(ws) ? WTERMSIG(ws) : 0, r.err);
    return r;
}

static inline void hostile_done(hostile_run *r)
{
    free(r->out);
    free(r->err);
}

#endif
