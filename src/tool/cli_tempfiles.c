/*
 * cli_tempfiles.c — temporary files removed when a signal ends an -o DIR
 * run (see cli_tempfiles.h).
 *
 * The signals are blocked in every thread and taken by one guard thread
 * with sigwait, so the clean-up runs as ordinary code, not in a signal
 * handler: it can take the registry's lock, and a worker can never be
 * caught between creating a file and registering it (both happen under
 * that lock, as do the rename and the removal that forget it). The guard
 * keeps the lock after removing the files, so none appears or is renamed
 * afterwards, then restores the signal's default action, unblocks it in
 * its own thread and raises it: the process ends as that signal would
 * have ended it (a shell shows 130 for Ctrl-C).
 *
 * A signal that was ignored when the run started (a background job of a
 * non-interactive shell ignores SIGINT) stays ignored.
 */
#include "cli_tempfiles.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Signals that end a run from outside: Ctrl-C, kill, a closed terminal. */
static const int ending_signals[] = {SIGINT, SIGTERM, SIGHUP};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char **files;      /* registered temporary paths (owned by callers) */
static size_t count, cap;

static sigset_t guarded;  /* the signals the guard takes */
static sigset_t saved_mask;
static pthread_t guard_thread;
static int guarding;

/* Room for one more registered file; call with the lock held. */
static int reserve(void)
{
    if (count < cap)
        return 0;
    size_t n = cap ? cap * 2 : 16;
    char **grown = realloc(files, n * sizeof *grown);
    if (!grown)
        return -1;
    files = grown;
    cap = n;
    return 0;
}

/* Call with the lock held. */
static void forget(const char *path)
{
    for (size_t i = 0; i < count; i++) {
        if (files[i] == path) {
            files[i] = files[--count];
            break;
        }
    }
    if (count == 0) {
        free(files);
        files = NULL;
        cap = 0;
    }
}

int cli_tempfile_create(char *template)
{
    pthread_mutex_lock(&lock);
    int fd = -1;
    if (reserve()) {
        errno = ENOMEM;
    } else if ((fd = mkstemp(template)) >= 0) {
        files[count++] = template;
    }
    int err = errno;
    pthread_mutex_unlock(&lock);
    errno = err;
    return fd;
}

int cli_tempfile_commit(char *template, const char *path)
{
    pthread_mutex_lock(&lock);
    int rc = rename(template, path) ? errno : 0;
    if (rc)
        unlink(template);
    forget(template);
    pthread_mutex_unlock(&lock);
    return rc;
}

void cli_tempfile_discard(char *template)
{
    pthread_mutex_lock(&lock);
    unlink(template);
    forget(template);
    pthread_mutex_unlock(&lock);
}

/* Wait for a guarded signal; then remove every temporary file and end the
 * process with that signal. Never returns (cancelled by unguard). */
static void *guard_main(void *unused)
{
    (void)unused;
    int sig;
    while (sigwait(&guarded, &sig) != 0)
        ;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < count; i++)
        unlink(files[i]);
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    _exit(128 + sig);   /* not reached: these signals end the process */
}

static int is_ignored(int sig)
{
    struct sigaction now;
    return sigaction(sig, NULL, &now) == 0 && !(now.sa_flags & SA_SIGINFO) &&
           now.sa_handler == SIG_IGN;
}

int cli_tempfiles_guard(void)
{
    sigemptyset(&guarded);
    size_t taken = 0;
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++)
        if (!is_ignored(ending_signals[i]) && sigaddset(&guarded, ending_signals[i]) == 0)
            taken++;
    if (taken == 0)
        return 0;
    int rc = pthread_sigmask(SIG_BLOCK, &guarded, &saved_mask);
    if (rc)
        return rc;
    rc = pthread_create(&guard_thread, NULL, guard_main, NULL);
    if (rc) {
        pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
        return rc;
    }
    guarding = 1;
    return 0;
}

void cli_tempfiles_unguard(void)
{
    if (!guarding)
        return;
    pthread_cancel(guard_thread);
    pthread_join(guard_thread, NULL);
    guarding = 0;
    pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
}
