/*
 * scaling.c — time and memory of readmode against a bare Gumbo parse on
 * synthetic pages of growing size (tests/shapes.h): a plain page of
 * paragraphs, and each pathological shape, at 1, 10 and 100 MB.
 *
 * Every measurement runs in its own forked child: the child builds the
 * page, notes its resident memory, does the work (again and again until
 * half a second of CPU has gone: a 1 MB page's few milliseconds are too
 * short to time once) and reports the median CPU time of a run and how far
 * its peak RSS rose above the page itself. Work
 * that exceeds the CPU budget (RLIMIT_CPU) is reported as over budget,
 * which is what a quadratic case does; a larger page of a shape whose
 * smaller one was over budget is not tried. Sizes run smallest first, two
 * children at a time (CPU time does not depend on it), the largest size
 * one at a time (a 100 MB page may take gigabytes).
 *
 * Usage: scaling [--sizes 1,10,100] [--budget SECONDS] [--seconds S] [--jobs N] [--json]
 *                [--json-file PATH]
 *   --seconds: CPU time to repeat each measurement for (default 0.5; 0: once)
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
#define MB (1024.0 * 1024.0)
#define MIN_SECONDS 0.5   /* default CPU time of the repeated runs of one measurement */
#define MAX_RUNS 25

enum { WORK_PARSE, WORK_EXTRACT, WORK_COUNT };
static const char *const work_names[WORK_COUNT] = {"parse", "extract"};

typedef struct {
    double seconds;    /* CPU time of the work (median of the repeats) */
    double rss_mb;     /* peak RSS above the page itself */
    size_t bytes;
    int ok;            /* 0: timed out or failed */
} result;

typedef struct {
    const shape *shape;
    size_t mb;
    int work;
    double min_seconds;   /* repeat the work until it took this much CPU */
    pid_t pid;
    int fd;
    result r;
} task;

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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

static int do_work(int work, const char *html, size_t len)
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
    rm_article *a = NULL;
    rm_status st = rm_extract(html, len, &opt, &a);
    rm_article_free(a);
    return st == RM_OK || st == RM_NO_ARTICLE ? 0 : -1;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The child: build the page, run the work until it has taken the task's
 * min_seconds of CPU (at least once, at most MAX_RUNS times: a run of a few
 * milliseconds is too short to time alone), report the median. */
static void child(const task *t, int fd, double budget)
{
    /* linear work on a large page may take a while: the budget grows with
     * the page, by far less than a quadratic case needs */
    rlim_t limit = (rlim_t)(budget + BUDGET_PER_MB * (double)t->mb);
    struct rlimit cpu = {limit, limit + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    struct rlimit memory = {(rlim_t)MEMORY_CAP_GB << 30, (rlim_t)MEMORY_CAP_GB << 30};
    setrlimit(RLIMIT_AS, &memory);
    size_t len;
    char *html = shape_page(t->shape, t->mb << 20, &len);
    long base_kb = current_rss_kb();
    double seconds[MAX_RUNS], total = 0;
    int runs = 0;
    result r = {0, 0, len, 1};
    while (r.ok && runs < MAX_RUNS && (runs == 0 || total < t->min_seconds)) {
        double start = cpu_seconds();
        r.ok = do_work(t->work, html, len) == 0;
        seconds[runs] = cpu_seconds() - start;
        total += seconds[runs++];
    }
    qsort(seconds, (size_t)runs, sizeof seconds[0], by_value);
    r.seconds = seconds[runs / 2];
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    r.rss_mb = (double)(usage.ru_maxrss > base_kb ? usage.ru_maxrss - base_kb : 0) / 1024.0;
    free(html);
    _exit(write(fd, &r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
}

static int start(task *t, double budget)
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
        child(t, fds[1], budget);
    }
    close(fds[1]);
    t->fd = fds[0];
    return 0;
}

/* Was this work already over budget on a smaller page of the shape? */
static bool hopeless(const task *tasks, size_t done, const task *t)
{
    for (size_t i = 0; i < done; i++)
        if (tasks[i].shape == t->shape && tasks[i].work == t->work && tasks[i].mb < t->mb &&
            !tasks[i].r.ok)
            return true;
    return false;
}

/* Run tasks [from, to), `jobs` at a time; the ones before are done. */
static void run_all(task *tasks, size_t from, size_t n, size_t jobs, double budget)
{
    size_t next = from, running = 0;
    while (next < n || running > 0) {
        while (running < jobs && next < n) {
            if (hopeless(tasks, from, &tasks[next])) {
                tasks[next++].r.ok = 0;
                continue;
            }
            if (start(&tasks[next], budget) == 0)
                running++;
            else
                tasks[next].r.ok = 0;
            next++;
        }
        if (running == 0)
            break;
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid <= 0)
            break;
        /* Reap it through its own task, reading what it wrote. */
        for (size_t i = from; i < next; i++) {
            if (tasks[i].pid != pid)
                continue;
            result r;
            ssize_t got = read(tasks[i].fd, &r, sizeof r);
            close(tasks[i].fd);
            tasks[i].r = r;
            tasks[i].r.ok = got == (ssize_t)sizeof r && WIFEXITED(status) && WEXITSTATUS(status) == 0 && r.ok;
            tasks[i].pid = 0;
            running--;
        }
    }
}

static size_t parse_sizes(const char *list, size_t *sizes)
{
    size_t n = 0;
    for (const char *p = list; *p && n < MAX_SIZES;) {
        char *end;
        unsigned long v = strtoul(p, &end, 10);
        if (end == p || v == 0)
            return 0;
        sizes[n++] = v;
        p = *end == ',' ? end + 1 : end;
    }
    return n;
}

static const result *find(const task *tasks, size_t n, const shape *s, size_t mb, int work)
{
    for (size_t i = 0; i < n; i++)
        if (tasks[i].shape == s && tasks[i].mb == mb && tasks[i].work == work)
            return &tasks[i].r;
    return NULL;
}

static double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

static void print_table(const task *tasks, size_t n, const size_t *sizes, size_t nsizes, double budget,
                        double min_seconds)
{
    printf("%-11s %6s %9s %9s %7s %9s %9s %7s\n", "shape", "MB", "parse s", "extract s", "x parse",
           "parse MB", "extr. MB", "x mem");
    for (size_t k = 0; k < SHAPE_COUNT; k++) {
        const shape *s = &shapes[k];
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
        printf("%-11s growth per 10x input (extract):", "");
        for (size_t z = 1; z < nsizes; z++) {
            const result *a = find(tasks, n, s, sizes[z - 1], WORK_EXTRACT);
            const result *b = find(tasks, n, s, sizes[z], WORK_EXTRACT);
            if (a->ok && b->ok)
                printf("  %zu->%zu MB time %.1fx memory %.1fx", sizes[z - 1], sizes[z],
                       ratio(b->seconds, a->seconds), ratio(b->rss_mb, a->rss_mb));
        }
        printf("\n");
    }
    printf("\n");
    for (size_t k = 0; k < SHAPE_COUNT; k++)
        printf("  %-11s %s\n", shapes[k].name, shapes[k].what);
    printf("  parse: gumbo_parse + destroy of the raw page; extract: rm_extract, text + HTML;\n"
           "  seconds: CPU time, the median of runs repeated for %.1f s; MB: peak RSS above\n"
           "  the page itself; >budget: over %.0f s + %.1f s per MB of CPU (what a quadratic\n"
           "  case does), over %d GB of memory, or not tried because a smaller page of the\n"
           "  shape was.\n", min_seconds, budget,
           BUDGET_PER_MB, MEMORY_CAP_GB);
}

static cJSON *result_json(const result *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "ok", r->ok);
    if (r->ok) {
        cJSON_AddNumberToObject(o, "cpu_seconds", r->seconds);
        cJSON_AddNumberToObject(o, "peak_rss_mb", r->rss_mb);
    }
    return o;
}

static int print_json(FILE *out, const task *tasks, size_t n, const size_t *sizes, size_t nsizes, double budget)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "budget_cpu_seconds", budget);
    cJSON *list = cJSON_AddArrayToObject(root, "shapes");
    for (size_t k = 0; k < SHAPE_COUNT; k++) {
        const shape *s = &shapes[k];
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
            const result *prev = z ? find(tasks, n, s, sizes[z - 1], WORK_EXTRACT) : NULL;
            if (prev && prev->ok && e->ok) {
                cJSON_AddNumberToObject(run, "time_growth", ratio(e->seconds, prev->seconds));
                cJSON_AddNumberToObject(run, "memory_growth", ratio(e->rss_mb, prev->rss_mb));
            }
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
    size_t sizes[MAX_SIZES] = {1, 10, 100}, nsizes = 3, jobs = 2;
    double budget = 20, min_seconds = MIN_SECONDS;
    bool json = false;
    const char *json_file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            json = true;
        else if (!strcmp(argv[i], "--sizes") && i + 1 < argc)
            nsizes = parse_sizes(argv[++i], sizes);
        else if (!strcmp(argv[i], "--budget") && i + 1 < argc)
            budget = atof(argv[++i]);
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
            min_seconds = atof(argv[++i]);
        else if (!strcmp(argv[i], "--json-file") && i + 1 < argc)
            json_file = argv[++i];
        else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
            jobs = (size_t)atoi(argv[++i]);
        else
            nsizes = 0;
    }
    if (nsizes == 0 || budget < 1 || jobs < 1 || min_seconds < 0) {
        fprintf(stderr, "usage: scaling [--sizes 1,10,100] [--budget SECONDS] [--seconds S] [--jobs N] [--json] [--json-file PATH]\n");
        return 2;
    }
    size_t n = SHAPE_COUNT * nsizes * WORK_COUNT, k = 0;
    task *tasks = calloc(n, sizeof *tasks);
    if (!tasks)
        return 1;
    for (size_t z = 0; z < nsizes; z++) {
        size_t first = k;
        for (size_t s = 0; s < SHAPE_COUNT; s++)
            for (int w = 0; w < WORK_COUNT; w++)
                tasks[k++] = (task){.shape = &shapes[s], .mb = sizes[z], .work = w,
                                    .min_seconds = min_seconds};
        /* each size after the smaller ones, so that hopeless() knows */
        run_all(tasks, first, k, z + 1 < nsizes ? jobs : 1, budget);
    }
    int rc = json ? print_json(stdout, tasks, n, sizes, nsizes, budget)
                  : (print_table(tasks, n, sizes, nsizes, budget, min_seconds), 0);
    if (json_file) {
        FILE *f = fopen(json_file, "w");
        rc |= !f || print_json(f, tasks, n, sizes, nsizes, budget) != 0;
        if (f)
            rc |= fclose(f) != 0;
    }
    free(tasks);
    return rc;
}
