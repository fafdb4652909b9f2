/*
 * workspace.h — what an rm_workspace (readmode.h) holds, for the library's
 * own modules: memory kept from one extraction for the next.
 */
#ifndef RM_WORKSPACE_H
#define RM_WORKSPACE_H

#include "arena.h"
#include "readmode.h"

struct rm_workspace {
    arena_cache memory;   /* chunks of Gumbo's tree and of the per-node arrays (arena.c) */
};

#endif
