/*
 * test_tempfiles.c — the temporary files of -o DIR and the signals that end
 * a run: a signal removes every registered temporary file (the main
 * thread's and a worker's) and ends the process with that signal, a
 * committed file stays, an ignored signal stays ignored, and without a
 * signal commit and discard do what they say.
 */
#include "testutil.h"

#include "cli_tempfiles.h"
#include "tmpdir.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static char *scratch;

static void setup(void) { scratch = tu_mkdtemp("tempfiles"); }

static void teardown(void)
{
    tu_rmtree(scratch);
    scratch = NULL;
}

static int entries(void)
{
    int n = tu_count_entries(scratch);
    ck_assert_int_ge(n, 0);
    return n;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A temporary file in the scratch folder, registered; the child's
 * process exits on failure. */
static void make_temp(char *template, size_t size, const char *name)
{
    snprintf(template, size, "%s/.%s.XXXXXX", scratch, name);
    int fd = cli_tempfile_create(template);
    if (fd < 0 || write(fd, "partial", 7) != 7)
        _exit(90);
    close(fd);
}

static char worker_template[4096];
static int worker_ready[2];

/* A worker that holds a temporary file when the signal comes. */
static void *worker(void *unused)
{
    (void)unused;
    make_temp(worker_template, sizeof worker_template, "worker");
    if (write(worker_ready[1], "w", 1) != 1)
        _exit(91);
    for (;;)
        pause();
    return NULL;
}

/* The child: a finished file, a temporary file of its own and one of a
 * worker thread, then "ready" on `ready` and a wait for the signal. */
static void child_with_temporaries(int ready, int ignore_sigint)
{
    /* The dispositions the test means, whatever the test run inherited: a
     * shell's background job starts with SIGINT ignored and nohup ignores
     * SIGHUP, and the guard rightly leaves an ignored signal alone. */
    signal(SIGINT, ignore_sigint ? SIG_IGN : SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    if (cli_tempfiles_guard())
        _exit(92);
    char done[4096], finished[4096], own[4096];
    make_temp(done, sizeof done, "done");
    snprintf(finished, sizeof finished, "%s/done.json", scratch);
    if (cli_tempfile_commit(done, finished))
        _exit(93);
    make_temp(own, sizeof own, "own");
    pthread_t t;
    char c;
    if (pipe(worker_ready) || pthread_create(&t, NULL, worker, NULL) ||
        read(worker_ready[0], &c, 1) != 1)
        _exit(94);
    if (write(ready, "r", 1) != 1)
        _exit(95);
    for (;;)
        pause();
}

static pid_t start_child(int ignore_sigint)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        child_with_temporaries(fds[1], ignore_sigint);
    }
    close(fds[1]);
    char c;
    ck_assert_int_eq(read(fds[0], &c, 1), 1);
    close(fds[0]);
    ck_assert_int_eq(entries(), 3);   /* done.json and two temporaries */
    return pid;
}

static void assert_ended_by(pid_t pid, int sig)
{
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sig,
                  "status %#x, expected the end by signal %d", status, sig);
}

START_TEST(a_signal_removes_every_temporary_file)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < 3; i++) {
        pid_t pid = start_child(0);
        ck_assert_int_eq(kill(pid, signals[i]), 0);
        assert_ended_by(pid, signals[i]);
        /* Only the finished file is left. */
        ck_assert_int_eq(entries(), 1);
        char finished[4096];
        snprintf(finished, sizeof finished, "%s/done.json", scratch);
        ck_assert(exists(finished));
        ck_assert_int_eq(unlink(finished), 0);
    }
}
END_TEST

START_TEST(an_ignored_signal_stays_ignored)
{
    pid_t pid = start_child(1);
    ck_assert_int_eq(kill(pid, SIGINT), 0);
    nanosleep(&(struct timespec){0, 300 * 1000 * 1000}, NULL);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, WNOHANG), 0);   /* still running */
    ck_assert_int_eq(entries(), 3);
    ck_assert_int_eq(kill(pid, SIGTERM), 0);
    assert_ended_by(pid, SIGTERM);
    ck_assert_int_eq(entries(), 1);
}
END_TEST

START_TEST(commit_and_discard_without_a_signal)
{
    ck_assert_int_eq(cli_tempfiles_guard(), 0);
    char a[4096], b[4096], target[4096];
    snprintf(a, sizeof a, "%s/.a.XXXXXX", scratch);
    snprintf(b, sizeof b, "%s/.b.XXXXXX", scratch);
    snprintf(target, sizeof target, "%s/missing-folder/a.txt", scratch);
    int fa = cli_tempfile_create(a), fb = cli_tempfile_create(b);
    ck_assert_int_ge(fa, 0);
    ck_assert_int_ge(fb, 0);
    close(fa);
    close(fb);
    cli_tempfile_discard(b);
    ck_assert(!exists(b));
    /* A rename that fails removes the temporary file. */
    ck_assert_int_eq(cli_tempfile_commit(a, target), ENOENT);
    ck_assert(!exists(a));
    ck_assert_int_eq(entries(), 0);
    snprintf(a, sizeof a, "%s/.a.XXXXXX", scratch);
    snprintf(target, sizeof target, "%s/a.txt", scratch);
    fa = cli_tempfile_create(a);
    ck_assert_int_ge(fa, 0);
    close(fa);
    ck_assert_int_eq(cli_tempfile_commit(a, target), 0);
    ck_assert(exists(target) && !exists(a));
    cli_tempfiles_unguard();
    /* The signals are no longer blocked. */
    sigset_t now;
    ck_assert_int_eq(pthread_sigmask(SIG_BLOCK, NULL, &now), 0);
    ck_assert(!sigismember(&now, SIGINT) && !sigismember(&now, SIGTERM) &&
              !sigismember(&now, SIGHUP));
}
END_TEST

static Suite *tempfiles_suite(void)
{
    Suite *s = suite_create("tempfiles");
    TCase *tc = tcase_create("tempfiles");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_signal_removes_every_temporary_file);
    tcase_add_test(tc, an_ignored_signal_stays_ignored);
    tcase_add_test(tc, commit_and_discard_without_a_signal);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(tempfiles_suite)
