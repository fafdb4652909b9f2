/*
 * phases.h — CPU time spent in each phase of one extraction, for the
 * benchmark's breakdown. rm_extract passes no clock and pays nothing; the
 * clock lives in the caller's memory (no global state), and reads the
 * calling thread's CPU time, so other load on the machine does not count.
 */
#ifndef RM_PHASES_H
#define RM_PHASES_H

#include "readmode.h"

typedef enum {
    PHASE_DECODE,     /* bytes in any encoding -> UTF-8 */
    PHASE_PRESCAN,    /* caps and stripping before Gumbo */
    PHASE_PARSE,      /* Gumbo */
    PHASE_INDEX,      /* the flat pre-order index over Gumbo's tree */
    PHASE_METADATA,
    PHASE_PREPARE,    /* per-node facts, statistics, readerable */
    PHASE_CLUTTER,    /* page clutter, title and byline */
    PHASE_SCORE,      /* candidate scoring over the attempt ladder */
    PHASE_CLEAN,      /* cleaning inside the chosen article */
    PHASE_TEXT,       /* renderers */
    PHASE_HTML,
    PHASE_MARKDOWN,
    PHASE_FINISH,     /* word count, excerpt, freeing the tree */
    PHASE_COUNT
} rm_phase;

typedef struct {
    double seconds[PHASE_COUNT];
    double last;
} phase_clock;

/* Charge the CPU time since the previous lap to `phase` (clock may be NULL). */
void phase_lap(phase_clock *clock, rm_phase phase);
/* Start timing: the next lap counts from now. */
void phase_start(phase_clock *clock);
const char *phase_name(rm_phase phase);

/* rm_extract, charging each phase's CPU time to *clock. */
rm_status extract_timed(const void *html, size_t len, const rm_options *options,
                        rm_article **out, phase_clock *clock);

#endif
