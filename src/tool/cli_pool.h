/*
 * cli_pool.h — an ordered worker pool for the bulk runs of the command line.
 *
 * One thread reads inputs (file names, JSON lines) into a window of slots,
 * N worker threads process the slots in any order, and the calling thread
 * emits the results strictly in input order, so `-j 8` prints exactly what
 * `-j 1` prints. The window bounds memory however long the input is. Each
 * worker keeps an rm_workspace for its whole run, so that its extractions
 * reuse one another's memory.
 */
#ifndef RM_CLI_POOL_H
#define RM_CLI_POOL_H

#include "readmode.h"

#include <stddef.h>

typedef struct {
    /* Fill a zeroed slot with the next input: 1 when filled, 0 at the end. */
    int (*next)(void *ctx, void *slot);
    /* Process one slot; runs on a worker thread, must touch only the slot,
     * read-only context and the worker's own workspace (for
     * rm_options.workspace; NULL when none could be had). */
    void (*work)(void *ctx, rm_workspace *workspace, void *slot);
    /* Write one result, in input order, on the calling thread, then free
     * what the slot holds. Nonzero stops the run (the output failed). */
    int (*emit)(void *ctx, void *slot);
    /* Free what a slot holds without writing it (after emit failed). */
    void (*discard)(void *slot);
    void *ctx;
    size_t slot_size;
    unsigned workers;         /* at least 1 */
} cli_pool_spec;

/* Run until next() reports the end and every slot is emitted, or emit()
 * fails. Returns 0, the first nonzero emit() result, or -1 when threads
 * or memory could not be had. */
int cli_pool_run(const cli_pool_spec *spec);

#endif
