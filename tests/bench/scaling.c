/*
 * scaling.c — time and memory of readmode against a bare Gumbo parse on
 * synthetic pages of growing size (tests/shapes.h): a plain page of
 * paragraphs, and each pathological shape, at 1, 10 and 100 MB.
 *
 * The number this reports most is growth per 10x input, a ratio of two CPU
 * times; on a shared or virtual machine one CPU time moves by a third from
 * run to run (other load evicts the caches a 10 MB tree lives in), so the
 * method aims at a ratio that the machine's other work does not move:
 *   - every measurement runs in its own forked child, which builds the page,
 *     notes its resident memory, then does the work again and again for a
 *     slice of CPU time (--seconds, at least once, at most MAX_RUNS times)
 *     and reports its fastest run: other load only ever adds time, so the
 *     minimum is the run closest to the work's own cost;
 *   - that is done in several rounds (--rounds), each round going through
 *     every shape, and for each shape every size with Gumbo then readmode,
 *     so the runs whose times are divided follow each other closely and a
 *     busy spell of the machine falls on all of them, in every round; the
 *     minimum over all rounds counts;
 *   - a page of LARGE_MB (100 MB) or more takes part in the first
 *     --large-rounds rounds only (default 3): one run of it takes seconds,
 *     so its child runs it once (--seconds is spent by the first run), and
 *     five rounds of fourteen shapes would take most of an hour. Two rounds
 *     were too few: on this virtual machine the system time of a 100 MB
 *     run's half a million page faults moves by a factor of two from one
 *     run to the next (0.75 to 2.1 s for the same faults), and twice in a
 *     row an unlucky pair of runs put one shape's ratio a quarter above its
 *     other runs; a third round is about three minutes more. A
 *     growth is computed over the rounds both of its pages ran in, and in
 *     each round over the same number of runs of both pages, their first
 *     ones (a child repeats a 1 MB page five times or more but runs a
 *     10 MB page once), so the smaller page does not get more chances of
 *     a fast run than the larger one had, nor runs whose memory the run
 *     before had already mapped (either would overstate the growth);
 *   - one child at a time by default (--jobs): two children on two cores
 *     share the last-level cache and memory bandwidth, which is most of
 *     what a large page's time depends on;
 *   - CPU time from clock_gettime(CLOCK_THREAD_CPUTIME_ID): the work runs
 *     on the child's one thread, and that clock counts its scheduled time
 *     to the nanosecond. The process clock does not once the child has set
 *     RLIMIT_CPU: the limit arms a process-wide CPU timer, and on Linux the
 *     process clock then advances in scheduler ticks (4 ms here; a 1 MB
 *     page's few milliseconds read as 0 or 4), as getrusage and clock() do;
 *   - readmode's runs share an rm_workspace, as a bulk run's worker's do,
 *     so that its tree's memory, which the per-node arrays reuse (up to
 *     the workspace's default limit), is not faulted in anew on every run,
 *     as Gumbo's runs reuse their malloc heap;
 *   - growth is per 10x of the pages' actual bytes, and Gumbo's own growth
 *     on the same pages is shown beside readmode's, so a reader sees what
 *     part of the growth is the parser's.
 * Work that exceeds the CPU budget (RLIMIT_CPU) is reported as over budget,
 * which is what a quadratic case does; a larger page of a shape whose
 * smaller one was over budget is not tried, nor is a measurement tried
 * again in a later round once over budget. Peak RSS above the page is the
 * smallest seen over the rounds.
 *
 * Usage: scaling [--sizes 1,10,100] [--budget SECONDS] [--seconds S] [--rounds N]
 *                [--large-rounds N] [--jobs N] [--shapes NAME,...] [--json]
 *                [--json-file PATH]
 *   --seconds: CPU time each child repeats its work for (default 0.3; 0: once)
 *   --rounds: rounds over all measurements (default 5, at most MAX_ROUNDS)
 *   --large-rounds: rounds that pages of 100 MB or more take part in, the
 *     first ones (default 3)
 *   --shapes: only these shapes (default all)
 */
#include "readmode.h"
#include "shapes.h"

#include <cJSON.h>
#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_SIZES 4
#define BUDGET_PER_MB 0.5   /* CPU seconds added to the budget per MB of page */
#define MEMORY_CAP_GB 12   /* per child: beyond it the run counts as failed */
#define EXCLUSIVE_MB 100   /* pages this large run alone (gigabytes of memory) */
#define MIN_SECONDS 0.3   /* default CPU time of one child's repeated runs */
#define ROUNDS 5
#define MAX_ROUNDS 20
#define LARGE_MB 100   /* pages this large run in fewer rounds (--large-rounds) */
#define LARGE_ROUNDS 3
#define MAX_RUNS 50

enum { WORK_PARSE, WORK_EXTRACT, WORK_COUNT };
static const char *const work_names[WORK_COUNT] = {"parse", "extract"};

typedef struct {
    double seconds;    /* CPU time of the fastest run */
    double slowest;    /* the slowest round's fastest run (seconds in a child) */
    double rss_mb;     /* peak RSS above the page itself */
    size_t bytes;
    int runs;          /* runs timed */
    int ok;            /* 0: timed out or failed */
    double first[MAX_RUNS];   /* first[m]: the fastest of the child's first m + 1 runs */
} result;

typedef struct {
    const shape *shape;
    size_t mb;
    int work;
    bool tried;        /* run in some round */
    bool failed;       /* over budget (or failed) in some round: not run again */
    pid_t pid;
    int fd;
    int round;         /* the round the running child belongs to */
    result r;          /* the best over the rounds */
    double in_round[MAX_ROUNDS];   /* each round's fastest run; 0: not run or failed */
    int runs_in[MAX_ROUNDS];       /* each round's number of runs */
    double first_in[MAX_ROUNDS][MAX_RUNS];   /* each round's result.first */
} task;

typedef struct {
    double budget;
    double min_seconds;
    size_t jobs;
    int large_rounds;  /* rounds that pages of LARGE_MB or more take part in */
} settings;

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long current_rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static int do_work(int work, const char *html, size_t len, rm_workspace *workspace)
{
    if (work == WORK_PARSE) {
        GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
        if (!out)
            return -1;
        gumbo_destroy_output(&kGumboDefaultOptions, out);
        return 0;
    }
    rm_options opt = rm_default_options;
    opt.formats = RM_FORMAT_TEXT | RM_FORMAT_HTML;
    opt.max_input_bytes = 0;
    opt.workspace = workspace;
    rm_article *a = NULL;
    rm_status st = rm_extract(html, len, &opt, &a);
    rm_article_free(a);
    return st == RM_OK || st == RM_NO_ARTICLE ? 0 : -1;
}

/* The child: build the page, run the work until it has taken min_seconds
 * of CPU (at least once, at most MAX_RUNS times), report the fastest run. */
static void child(const task *t, int fd, const settings *set)
{
    /* linear work on a large page may take a while: the budget grows with
     * the page, by far less than a quadratic case needs */
    rlim_t limit = (rlim_t)(set->budget + BUDGET_PER_MB * (double)t->mb);
    struct rlimit cpu = {limit, limit + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    struct rlimit memory = {(rlim_t)MEMORY_CAP_GB << 30, (rlim_t)MEMORY_CAP_GB << 30};
    setrlimit(RLIMIT_AS, &memory);
    size_t len;
    char *html = shape_page(t->shape, t->mb << 20, &len);
    long base_kb = current_rss_kb();
    /* readmode keeps its tree's memory from run to run as a bulk run's
     * worker does; Gumbo's parse reuses its malloc heap */
    rm_workspace *workspace = t->work == WORK_EXTRACT ? rm_workspace_new(0) : NULL;
    double total = 0;
    result r = {.bytes = len, .ok = 1};
    while (r.ok && r.runs < MAX_RUNS && (r.runs == 0 || total < set->min_seconds)) {
        double start = cpu_seconds();
        r.ok = do_work(t->work, html, len, workspace) == 0;
        double took = cpu_seconds() - start;
        if (r.runs == 0 || took < r.seconds)
            r.seconds = took;
        r.first[r.runs] = r.seconds;
        total += took;
        r.runs++;
    }
    r.slowest = r.seconds;
    rm_workspace_free(workspace);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    r.rss_mb = (double)(usage.ru_maxrss > base_kb ? usage.ru_maxrss - base_kb : 0) / 1024.0;
    free(html);
    _exit(write(fd, &r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
}

static int start(task *t, const settings *set)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    t->pid = fork();
    if (t->pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (t->pid == 0) {
        close(fds[0]);
        child(t, fds[1], set);
    }
    close(fds[1]);
    t->fd = fds[0];
    return 0;
}

/* Was this work over budget on a smaller page of the shape, in every round
 * it ran? */
static bool hopeless(const task *tasks, size_t n, const task *t)
{
    for (size_t i = 0; i < n; i++)
        if (tasks[i].shape == t->shape && tasks[i].work == t->work && tasks[i].mb < t->mb &&
            tasks[i].failed && !tasks[i].r.ok)
            return true;
    return false;
}

/* Fold one round's result into the task's best. */
static void merge(task *t, const result *r, bool ok)
{
    t->tried = true;
    if (!ok) {
        t->failed = true;
        return;
    }
    t->in_round[t->round] = r->seconds;
    t->runs_in[t->round] = r->runs;
    memcpy(t->first_in[t->round], r->first, sizeof r->first);
    if (!t->r.ok) {
        t->r = *r;
        return;
    }
    int runs = t->r.runs + r->runs;
    if (r->seconds < t->r.seconds)
        t->r.seconds = r->seconds;
    if (r->seconds > t->r.slowest)
        t->r.slowest = r->seconds;
    if (r->rss_mb < t->r.rss_mb)
        t->r.rss_mb = r->rss_mb;
    t->r.runs = runs;
}

/* Reap one child and fold in what it wrote; returns false when none is left. */
static bool reap(task *tasks, size_t n)
{
    int status;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid <= 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (tasks[i].pid != pid)
            continue;
        result r;
        ssize_t got = read(tasks[i].fd, &r, sizeof r);
        close(tasks[i].fd);
        tasks[i].pid = 0;
        merge(&tasks[i], &r, got == (ssize_t)sizeof r && WIFEXITED(status) && WEXITSTATUS(status) == 0 && r.ok);
    }
    return true;
}

/* Round `round` over all tasks in their order, `jobs` children at a time;
 * a page of EXCLUSIVE_MB or more runs alone, and one of LARGE_MB or more
 * only in the first large_rounds rounds. */
static void run_round(task *tasks, size_t n, const settings *set, int round)
{
    size_t running = 0;
    bool exclusive = false;
    for (size_t next = 0; next < n; next++) {
        task *t = &tasks[next];
        if (t->failed || hopeless(tasks, n, t)) {
            t->failed = true;
            continue;
        }
        if (t->mb >= LARGE_MB && round >= set->large_rounds)
            continue;
        t->round = round;
        bool alone = t->mb >= EXCLUSIVE_MB;
        while (running > 0 && (running >= set->jobs || alone || exclusive)) {
            if (!reap(tasks, n))
                running = 0;
            else
                running--;
            if (running == 0)
                exclusive = false;
        }
        if (start(t, set) != 0) {
            t->failed = true;
            continue;
        }
        running++;
        exclusive = alone;
    }
    while (running > 0 && reap(tasks, n))
        running--;
}

static size_t parse_sizes(const char *list, size_t *sizes)
{
    size_t n = 0;
    for (const char *p = list; *p && n < MAX_SIZES;) {
        char *end;
        unsigned long v = strtoul(p, &end, 10);
        if (end == p || v == 0 || (n > 0 && v <= sizes[n - 1]))
            return 0;
        sizes[n++] = v;
        p = *end == ',' ? end + 1 : end;
    }
    return n;
}

/* Which shapes a comma-separated list of names selects (all when NULL);
 * false on a name that is no shape. */
static bool select_shapes(const char *list, bool *chosen)
{
    for (size_t k = 0; k < SHAPE_COUNT; k++)
        chosen[k] = list == NULL;
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, ",");
        bool found = false;
        for (size_t k = 0; k < SHAPE_COUNT; k++)
            if (strlen(shapes[k].name) == len && memcmp(shapes[k].name, p, len) == 0)
                chosen[k] = found = true;
        if (!found)
            return false;
        p += len + (p[len] == ',');
    }
    return true;
}

static const task *find_task(const task *tasks, size_t n, const shape *s, size_t mb, int work)
{
    for (size_t i = 0; i < n; i++)
        if (tasks[i].shape == s && tasks[i].mb == mb && tasks[i].work == work)
            return &tasks[i];
    return NULL;
}

static const result *find(const task *tasks, size_t n, const shape *s, size_t mb, int work)
{
    return &find_task(tasks, n, s, mb, work)->r;
}

static double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

typedef struct {
    double time;        /* fastest against fastest */
    double low, high;   /* one size's slowest round against the other's fastest */
} growth;

/* Growth of a CPU time per 10x input between two pages of a shape, scaled
 * by their actual sizes (a page overshoots its target by up to one unit),
 * on equal terms: over the rounds both pages ran in (a large page runs in
 * fewer rounds, and the smaller page's extra rounds would give it more
 * chances of a fast run than the large one had), and in each round over as
 * many runs of each as the page with fewer runs made, the first ones. A
 * child repeats a 1 MB page for its slice of CPU time (five runs or more)
 * but runs a 10 MB page once: the fastest of the small page's runs, all
 * but the first of them with its memory already mapped by the one before,
 * against the large page's one run, which maps all of its memory afresh,
 * overstated the growth. False when no round holds both. */
static bool growth_of(const task *small, const task *large, int rounds, growth *g)
{
    double fast_s = 0, slow_s = 0, fast_l = 0, slow_l = 0;
    for (int k = 0; k < rounds && k < MAX_ROUNDS; k++) {
        if (small->in_round[k] <= 0 || large->in_round[k] <= 0)
            continue;
        int runs = small->runs_in[k] < large->runs_in[k] ? small->runs_in[k] : large->runs_in[k];
        double s = small->first_in[k][runs - 1], l = large->first_in[k][runs - 1];
        fast_s = fast_s > 0 && fast_s < s ? fast_s : s;
        fast_l = fast_l > 0 && fast_l < l ? fast_l : l;
        slow_s = slow_s > s ? slow_s : s;
        slow_l = slow_l > l ? slow_l : l;
    }
    if (fast_s <= 0 || fast_l <= 0)
        return false;
    double bytes = 10.0 * ratio((double)small->r.bytes, (double)large->r.bytes);
    g->time = ratio(fast_l, fast_s) * bytes;
    g->low = ratio(fast_l, slow_s) * bytes;
    g->high = ratio(slow_l, fast_s) * bytes;
    return true;
}

static void print_table(const task *tasks, size_t n, const bool *chosen, const size_t *sizes, size_t nsizes,
                        const settings *set, int rounds)
{
    printf("%-11s %6s %9s %9s %7s %9s %9s %7s\n", "shape", "MB", "parse s", "extract s", "x parse",
           "parse MB", "extr. MB", "x mem");
    for (size_t k = 0; k < SHAPE_COUNT; k++) {
        const shape *s = &shapes[k];
        if (!chosen[k])
            continue;
        for (size_t z = 0; z < nsizes; z++) {
            const result *p = find(tasks, n, s, sizes[z], WORK_PARSE);
            const result *e = find(tasks, n, s, sizes[z], WORK_EXTRACT);
            printf("%-11s %6zu ", z == 0 ? s->name : "", sizes[z]);
            if (p->ok)
                printf("%9.3f ", p->seconds);
            else
                printf("%9s ", ">budget");
            if (e->ok)
                printf("%9.3f ", e->seconds);
            else
                printf("%9s ", ">budget");
            if (p->ok && e->ok)
                printf("%7.2f %9.1f %9.1f %7.2f\n", ratio(e->seconds, p->seconds), p->rss_mb, e->rss_mb,
                       ratio(e->rss_mb, p->rss_mb));
            else
                printf("%7s %9s %9.1f %7s\n", "-", "-", e->ok ? e->rss_mb : 0.0, "-");
        }
        if (nsizes > 1)
            printf("%-11s growth per 10x input:", "");
        for (size_t z = 1; z < nsizes; z++) {
            const task *a = find_task(tasks, n, s, sizes[z - 1], WORK_EXTRACT);
            const task *b = find_task(tasks, n, s, sizes[z], WORK_EXTRACT);
            const task *pa = find_task(tasks, n, s, sizes[z - 1], WORK_PARSE);
            const task *pb = find_task(tasks, n, s, sizes[z], WORK_PARSE);
            printf("  %zu->%zu MB", sizes[z - 1], sizes[z]);
            growth g;
            if (a->r.ok && b->r.ok && growth_of(a, b, rounds, &g))
                printf(" time %.1fx [%.1f-%.1f]", g.time, g.low, g.high);
            else
                printf(" time -");
            if (pa->r.ok && pb->r.ok && growth_of(pa, pb, rounds, &g))
                printf(" (Gumbo %.1fx)", g.time);
            if (a->r.ok && b->r.ok)
                printf(" memory %.1fx", ratio(b->r.rss_mb, a->r.rss_mb));
        }
        if (nsizes > 1)
            printf("\n");
    }
    printf("\n");
    for (size_t k = 0; k < SHAPE_COUNT; k++)
        if (chosen[k])
            printf("  %-11s %s\n", shapes[k].name, shapes[k].what);
    int large = rounds < set->large_rounds ? rounds : set->large_rounds;
    printf("  parse: gumbo_parse + destroy of the raw page; extract: rm_extract, text + HTML,\n"
           "  with an rm_workspace (up to 4 MiB of the tree's memory, which the per-node\n"
           "  arrays reuse, kept from run to run, as a bulk run's workers keep it; Gumbo's\n"
           "  parse reuses its malloc heap);\n"
           "  seconds: CPU time of the fastest run, over %d round(s) of runs repeated for\n"
           "  %.1f s each (%zu process(es) at a time), a shape's sizes and works one after\n"
           "  another in every round; pages of %d MB or more run in the first %d round(s)\n"
           "  only (one run of them outlasts those seconds: a child runs it once); growth:\n"
           "  per 10x of the pages' bytes, over the rounds both pages ran in and in each\n"
           "  round over the first runs only, as many of each page as the one with fewer\n"
           "  runs made (a 10 MB page runs once, so the 1 MB page's first run counts, not\n"
           "  the fastest of its repeats, whose memory the runs before had mapped), readmode's\n"
           "  (in brackets the range those rounds allow: one size's slowest round against\n"
           "  the other's fastest) and in parentheses Gumbo's alone on the same pages; MB:\n"
           "  peak RSS above the page itself; >budget: over %.0f s + %.1f s per MB of CPU\n"
           "  (what a quadratic case does), over %d GB of memory, or not tried because a\n"
           "  smaller page of the shape was.\n",
           rounds, set->min_seconds, set->jobs, LARGE_MB, large, set->budget, BUDGET_PER_MB,
           MEMORY_CAP_GB);
}

static cJSON *result_json(const result *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "ok", r->ok);
    if (r->ok) {
        cJSON_AddNumberToObject(o, "cpu_seconds", r->seconds);
        cJSON_AddNumberToObject(o, "peak_rss_mb", r->rss_mb);
        cJSON_AddNumberToObject(o, "slowest_round_cpu_seconds", r->slowest);
        cJSON_AddNumberToObject(o, "runs", r->runs);
    }
    return o;
}

static int print_json(FILE *out, const task *tasks, size_t n, const bool *chosen, const size_t *sizes,
                      size_t nsizes, const settings *set, int rounds)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "budget_cpu_seconds", set->budget);
    cJSON_AddStringToObject(root, "method", "fastest run; children repeat the work for seconds_per_child "
                                            "(extract with one rm_workspace across its runs, as in a bulk run), "
                                            "over rounds interleaving sizes (large pages in the first "
                                            "large_page_rounds only); growth per 10x of bytes over the "
                                            "rounds both pages ran in, each round's first runs only, as "
                                            "many of each page as the one with fewer runs made");
    cJSON_AddNumberToObject(root, "rounds", rounds);
    cJSON_AddNumberToObject(root, "large_page_mb", LARGE_MB);
    cJSON_AddNumberToObject(root, "large_page_rounds", rounds < set->large_rounds ? rounds : set->large_rounds);
    cJSON_AddNumberToObject(root, "seconds_per_child", set->min_seconds);
    cJSON_AddNumberToObject(root, "jobs", (double)set->jobs);
    cJSON *list = cJSON_AddArrayToObject(root, "shapes");
    for (size_t k = 0; k < SHAPE_COUNT; k++) {
        const shape *s = &shapes[k];
        if (!chosen[k])
            continue;
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(list, item);
        cJSON_AddStringToObject(item, "name", s->name);
        cJSON_AddStringToObject(item, "what", s->what);
        cJSON *runs = cJSON_AddArrayToObject(item, "runs");
        for (size_t z = 0; z < nsizes; z++) {
            const result *p = find(tasks, n, s, sizes[z], WORK_PARSE);
            const result *e = find(tasks, n, s, sizes[z], WORK_EXTRACT);
            cJSON *run = cJSON_CreateObject();
            cJSON_AddItemToArray(runs, run);
            cJSON_AddNumberToObject(run, "mb", (double)sizes[z]);
            cJSON_AddNumberToObject(run, "bytes", (double)(e->bytes ? e->bytes : p->bytes));
            for (int w = 0; w < WORK_COUNT; w++)
                cJSON_AddItemToObject(run, work_names[w], result_json(w == WORK_PARSE ? p : e));
            if (p->ok && e->ok) {
                cJSON_AddNumberToObject(run, "time_vs_parse", ratio(e->seconds, p->seconds));
                cJSON_AddNumberToObject(run, "memory_vs_parse", ratio(e->rss_mb, p->rss_mb));
            }
            if (z == 0)
                continue;
            const task *prev = find_task(tasks, n, s, sizes[z - 1], WORK_EXTRACT);
            const task *prev_parse = find_task(tasks, n, s, sizes[z - 1], WORK_PARSE);
            growth g;
            if (prev->r.ok && e->ok && growth_of(prev, find_task(tasks, n, s, sizes[z], WORK_EXTRACT), rounds, &g)) {
                cJSON_AddNumberToObject(run, "time_growth", g.time);
                cJSON_AddNumberToObject(run, "time_growth_low", g.low);
                cJSON_AddNumberToObject(run, "time_growth_high", g.high);
            }
            if (prev->r.ok && e->ok)
                cJSON_AddNumberToObject(run, "memory_growth", ratio(e->rss_mb, prev->r.rss_mb));
            if (prev_parse->r.ok && p->ok &&
                growth_of(prev_parse, find_task(tasks, n, s, sizes[z], WORK_PARSE), rounds, &g))
                cJSON_AddNumberToObject(run, "parse_time_growth", g.time);
        }
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return -1;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    size_t sizes[MAX_SIZES] = {1, 10, 100}, nsizes = 3;
    settings set = {.budget = 20, .min_seconds = MIN_SECONDS, .jobs = 1, .large_rounds = LARGE_ROUNDS};
    int rounds = ROUNDS;
    bool json = false, chosen[SHAPE_COUNT];
    const char *json_file = NULL, *shape_list = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            json = true;
        else if (!strcmp(argv[i], "--sizes") && i + 1 < argc)
            nsizes = parse_sizes(argv[++i], sizes);
        else if (!strcmp(argv[i], "--budget") && i + 1 < argc)
            set.budget = atof(argv[++i]);
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
            set.min_seconds = atof(argv[++i]);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--large-rounds") && i + 1 < argc)
            set.large_rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--shapes") && i + 1 < argc)
            shape_list = argv[++i];
        else if (!strcmp(argv[i], "--json-file") && i + 1 < argc)
            json_file = argv[++i];
        else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
            set.jobs = (size_t)atoi(argv[++i]);
        else
            nsizes = 0;
    }
    if (nsizes == 0 || set.budget < 1 || set.jobs < 1 || set.min_seconds < 0 || rounds < 1 ||
        rounds > MAX_ROUNDS || set.large_rounds < 1 || !select_shapes(shape_list, chosen)) {
        fprintf(stderr, "usage: scaling [--sizes 1,10,100] [--budget SECONDS] [--seconds S] [--rounds N]\n"
                        "               [--large-rounds N] [--jobs N] [--shapes NAME,...] [--json]\n"
                        "               [--json-file PATH]   (rounds: 1 to %d)\n", MAX_ROUNDS);
        return 2;
    }
    /* Shape by shape, each shape's sizes in turn, Gumbo before readmode:
     * the runs whose times are divided run close together. */
    size_t n = 0;
    task *tasks = calloc(SHAPE_COUNT * nsizes * WORK_COUNT, sizeof *tasks);
    if (!tasks)
        return 1;
    for (size_t s = 0; s < SHAPE_COUNT; s++)
        for (size_t z = 0; chosen[s] && z < nsizes; z++)
            for (int w = 0; w < WORK_COUNT; w++)
                tasks[n++] = (task){.shape = &shapes[s], .mb = sizes[z], .work = w};
    for (int round = 0; round < rounds; round++)
        run_round(tasks, n, &set, round);
    int rc = json ? print_json(stdout, tasks, n, chosen, sizes, nsizes, &set, rounds)
                  : (print_table(tasks, n, chosen, sizes, nsizes, &set, rounds), 0);
    if (json_file) {
        FILE *f = fopen(json_file, "w");
        rc |= !f || print_json(f, tasks, n, chosen, sizes, nsizes, &set, rounds) != 0;
        if (f)
            rc |= fclose(f) != 0;
    }
    free(tasks);
    return rc;
}
