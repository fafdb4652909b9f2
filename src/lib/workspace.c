/*
 * workspace.c — rm_workspace (readmode.h): memory one caller's extractions
 * reuse, one after another.
 *
 * A fresh extraction maps the memory its parse tree lives in and unmaps it
 * at the end; the system then zeroes and faults in each of those pages
 * again for the next page, which on a large page costs a tenth of the
 * extraction. A caller that makes many extractions on one thread (a bulk
 * run's worker, the native host) passes a workspace instead: the tree's
 * chunks stay mapped between calls, up to a limit, so that one huge page
 * does not leave its memory held for the rest of the run. The library
 * keeps nothing between calls of its own accord: the caller owns the
 * workspace, and each thread has its own.
 */
#include "workspace.h"

#include <stdlib.h>

rm_workspace *rm_workspace_new(size_t keep_bytes)
{
    rm_workspace *ws = calloc(1, sizeof *ws);
    if (ws)
        ws->tree.limit = keep_bytes ? keep_bytes : RM_WORKSPACE_KEEP;
    return ws;
}

void rm_workspace_free(rm_workspace *ws)
{
    if (!ws)
        return;
    arena_cache_empty(&ws->tree);
    free(ws);
}
