/*
 * phases.c — per-phase CPU clock of one extraction (see phases.h).
 */
#include "phases.h"

#include <time.h>

static double thread_cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void phase_start(phase_clock *clock)
{
    if (clock)
        clock->last = thread_cpu_seconds();
}

void phase_lap(phase_clock *clock, rm_phase phase)
{
    if (!clock)
        return;
    double now = thread_cpu_seconds();
    clock->seconds[phase] += now - clock->last;
    clock->last = now;
}

const char *phase_name(rm_phase phase)
{
    static const char *const names[PHASE_COUNT] = {
        [PHASE_DECODE] = "decode",   [PHASE_PRESCAN] = "prescan", [PHASE_PARSE] = "parse",
        [PHASE_INDEX] = "index",     [PHASE_METADATA] = "metadata", [PHASE_PREPARE] = "prepare",
        [PHASE_CLUTTER] = "clutter", [PHASE_SCORE] = "score",     [PHASE_CLEAN] = "clean",
        [PHASE_TEXT] = "text",       [PHASE_HTML] = "html",       [PHASE_MARKDOWN] = "markdown",
        [PHASE_FINISH] = "finish",
    };
    return (unsigned)phase < PHASE_COUNT ? names[phase] : "unknown";
}
