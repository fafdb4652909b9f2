/*
 * cli_pool.c — the ordered worker pool (see cli_pool.h).
 *
 * Slots live in a ring of `window` entries; counters that only grow say
 * which are read (filled), handed to a worker (taken), finished (done flag)
 * and written (emitted). One mutex guards the counters and flags; the slot
 * contents belong to exactly one thread at a time (reader, then worker,
 * then the emitting thread), so they need no lock.
 */
#include "cli_pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const cli_pool_spec *spec;
    unsigned char *slots;
    bool *done;
    size_t window;
    size_t filled, taken, emitted;
    bool input_ended;
    bool stopping;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} pool;

static void *slot_at(pool *p, size_t index)
{
    return p->slots + (index % p->window) * p->spec->slot_size;
}

static void *reader_main(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stopping && p->filled - p->emitted == p->window)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->stopping)
            break;
        size_t index = p->filled;
        void *slot = slot_at(p, index);
        pthread_mutex_unlock(&p->lock);
        memset(slot, 0, p->spec->slot_size);
        int got = p->spec->next(p->spec->ctx, slot);
        pthread_mutex_lock(&p->lock);
        if (!got)
            break;
        p->done[index % p->window] = false;
        p->filled++;
        pthread_cond_broadcast(&p->changed);
    }
    p->input_ended = true;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static void *worker_main(void *arg)
{
    pool *p = arg;
    rm_workspace *workspace = rm_workspace_new(0);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stopping && p->taken == p->filled && !p->input_ended)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->stopping || p->taken == p->filled)
            break;
        size_t index = p->taken++;
        pthread_mutex_unlock(&p->lock);
        p->spec->work(p->spec->ctx, workspace, slot_at(p, index));
        pthread_mutex_lock(&p->lock);
        p->done[index % p->window] = true;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    rm_workspace_free(workspace);
    return NULL;
}

/* Emit finished slots in order until the input is exhausted or emit fails. */
static int emit_in_order(pool *p)
{
    int rc = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->emitted == p->filled && !p->input_ended)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->emitted == p->filled)
            break;
        while (!p->done[p->emitted % p->window])
            pthread_cond_wait(&p->changed, &p->lock);
        void *slot = slot_at(p, p->emitted);
        pthread_mutex_unlock(&p->lock);
        rc = p->spec->emit(p->spec->ctx, slot);
        pthread_mutex_lock(&p->lock);
        p->emitted++;
        pthread_cond_broadcast(&p->changed);
        if (rc) {
            p->stopping = true;
            break;
        }
    }
    pthread_mutex_unlock(&p->lock);
    return rc;
}

/* After a failed emit: let the workers finish what they hold, then free
 * every slot that was read but never emitted. */
static void discard_rest(pool *p)
{
    for (size_t i = p->emitted; i < p->filled; i++)
        p->spec->discard(slot_at(p, i));
}

int cli_pool_run(const cli_pool_spec *spec)
{
    unsigned workers = spec->workers ? spec->workers : 1;
    pool p = {.spec = spec, .window = (size_t)workers * 4};
    p.slots = calloc(p.window, spec->slot_size);
    p.done = calloc(p.window, sizeof *p.done);
    pthread_t *threads = calloc(workers, sizeof *threads);
    if (!p.slots || !p.done || !threads) {
        free(p.slots);
        free(p.done);
        free(threads);
        return -1;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
    pthread_t reader;
    bool reader_started = pthread_create(&reader, NULL, reader_main, &p) == 0;
    unsigned started = 0;
    while (reader_started && started < workers &&
           pthread_create(&threads[started], NULL, worker_main, &p) == 0)
        started++;
    int rc;
    if (started > 0) {
        rc = emit_in_order(&p);
    } else {
        pthread_mutex_lock(&p.lock);
        p.stopping = true;
        pthread_cond_broadcast(&p.changed);
        pthread_mutex_unlock(&p.lock);
        rc = -1;
    }
    if (reader_started)
        pthread_join(reader, NULL);
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (rc)
        discard_rest(&p);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.lock);
    free(p.slots);
    free(p.done);
    free(threads);
    return rc;
}
