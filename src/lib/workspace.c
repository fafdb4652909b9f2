/*
 * workspace.c — rm_workspace (readmode.h): memory one caller's extractions
 * reuse, one after another.
 *
 * A fresh extraction maps the memory its parse tree lives in and unmaps it
 * at the end; the system then zeroes and faults in each of those pages
 * again for the next page, about 2 us a page on this VM. A caller that
 * makes many extractions on one thread (a bulk run's worker, the native
 * host) passes a workspace instead: the chunks of the tree, which later
 * hold the call's large per-node arrays (arena.c), stay mapped between
 * calls, up to a limit. The limit bounds more than what one huge page
 * leaves held: the kept chunks lie idle while the next call's index and
 * per-node passes allocate their own memory, so all of it adds to that
 * call's peak. On the Mozilla pages, keeping every tree (up to 8 MB)
 * raised peak memory from 1.31x to 1.70x a bare parse; keeping 4 MiB,
 * the default, 1.38x, and it still saves four fifths of the page faults
 * (18 900 to 3 800 a pass over the corpus). The library keeps nothing
 * between calls of its own accord: the caller owns the workspace, and
 * each thread has its own.
 */
#include "workspace.h"

#include <stdlib.h>

rm_workspace *rm_workspace_new(size_t keep_bytes)
{
    rm_workspace *ws = calloc(1, sizeof *ws);
    if (ws)
        ws->memory.limit = keep_bytes ? keep_bytes : RM_WORKSPACE_KEEP;
    return ws;
}

void rm_workspace_free(rm_workspace *ws)
{
    if (!ws)
        return;
    arena_cache_empty(&ws->memory);
    free(ws);
}
