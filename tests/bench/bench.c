/*
 * bench.c — throughput, latency and memory of readmode against a Gumbo
 * parse-only baseline, over the Readability test corpus.
 *
 * Every page is loaded into memory first, so disk speed does not
 * count. Each phase then runs in its own forked child for a few seconds
 * (the corpus repeated as often as needed), and the child reports its
 * results and its own peak RSS through a pipe: peaks of different phases
 * stay separate, and a crash in one phase is reported, not fatal. The
 * extract phase passes one rm_workspace (the library's default limit) to
 * all its calls, as the native host does (the parse baseline's malloc
 * reuses its heap all the same).
 *
 * A last pass runs extract_timed over the corpus once and reports where
 * the time goes, phase by phase (phases.h). Given the pages' kinds
 * (--page-types, the WCXB ground truth), one more pass times parse-only
 * and extract on every page and reports their ratio per kind of page, as
 * a corpus-wide ratio can hide a kind of page that costs far more.
 *
 * Usage: bench [--seconds S] [--json] [--json-file PATH] [--name NAME]
 *              [--page-types TRUTH_DIR] CORPUS_DIR
 *   CORPUS_DIR holds one directory per page with a source.html in it, or
 *   the pages themselves as *.html files. TRUTH_DIR holds NAME.json for
 *   page NAME.html, with the kind in _internal.page_type.primary.
 */
#include "encoding.h"
#include "phases.h"
#include "prescan.h"
#include "readmode.h"

#include <cJSON.h>
#include <dirent.h>
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_SECONDS 4.0
#define LARGEST_PAGE_RUNS 9

typedef struct {
    char *name;
    char *html;
    size_t len;
    int type;   /* index into page_types, or -1 */
} page;

/* The kinds of page the WCXB ground truth labels ("category" is its older
 * name for a collection). */
static const char *const page_types[] = {
    "article", "forum", "documentation", "service", "product", "collection", "listing",
};
#define PAGE_TYPES (sizeof page_types / sizeof page_types[0])
#define TYPE_RUNS 3   /* runs per page and work in the per-type pass; the median counts */

typedef struct {
    page *pages;
    size_t count;
    size_t bytes;
    size_t largest;   /* index of the largest page */
} corpus;

/* ------------------------------------------------------------------ */
/* Corpus                                                              */
/* ------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)size, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

static int add_page(corpus *c, const char *dir, const char *name)
{
    char path[4096];
    size_t len = 0, n = strlen(name);
    if (n > 5 && strcmp(name + n - 5, ".html") == 0)
        snprintf(path, sizeof path, "%s/%s", dir, name);
    else
        snprintf(path, sizeof path, "%s/%s/source.html", dir, name);
    char *html = read_file(path, &len);
    if (!html)
        return 0;   /* not a page directory */
    page *grown = realloc(c->pages, (c->count + 1) * sizeof *grown);
    char *copy = strdup(name);
    if (!grown || !copy) {
        free(html);
        free(copy);
        c->pages = grown ? grown : c->pages;
        return -1;
    }
    c->pages = grown;
    c->pages[c->count] = (page){copy, html, len, -1};
    if (len > c->pages[c->largest].len || c->count == 0)
        c->largest = c->count;
    c->bytes += len;
    c->count++;
    return 0;
}

static int load_corpus(corpus *c, const char *dir)
{
    memset(c, 0, sizeof *c);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.')
            rc = add_page(c, dir, e->d_name);
    closedir(d);
    return rc == 0 && c->count > 0 ? 0 : -1;
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->count; i++) {
        free(c->pages[i].name);
        free(c->pages[i].html);
    }
    free(c->pages);
}

/* ------------------------------------------------------------------ */
/* Phases                                                              */
/* ------------------------------------------------------------------ */

/* One unit of work on one page; returns 0 on success. */
typedef int (*page_fn)(const page *p);

static int parse_only(const page *p)
{
    GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, p->html, p->len);
    if (!out)
        return 1;
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return 0;
}

/* Pre-scan `len` bytes of text that needs no check, and free what it made. */
static int prescan_checked(const char *text, size_t len, const prescan_limits *limits)
{
    prescan_output out;
    int rc = prescan(text, len, limits, &out);
    prescan_free(&out);
    return rc != 0;
}

/* The input side on its own: what extract pays before Gumbo starts, the
 * way rm_extract goes (extract.c): bytes that may be UTF-8 are checked as
 * text while they are pre-scanned, in one pass; a page that turns out not
 * to be (or not in NFC) is decoded and scanned again. */
static int input_only(const page *p)
{
    prescan_limits limits = {rm_default_options.max_depth, RM_MAX_ATTRIBUTES, RM_MAX_ATTRIBUTE_BYTES,
                             true, encoding_check_applies(p->html, p->len, NULL), true};
    if (limits.check_text) {
        prescan_output out;
        if (prescan(p->html, p->len, &limits, &out) != 0)
            return 1;
        char *normal = NULL;
        size_t normal_len = 0;
        int rc = encoding_checked_text(p->html, p->len, &out.text, &normal, &normal_len);
        prescan_free(&out);
        if (rc == -2)
            return 1;
        limits.check_text = false;
        if (rc == 0) {   /* the bytes are the text, or its normalised copy */
            int failed = normal ? prescan_checked(normal, normal_len, &limits) : 0;
            free(normal);
            return failed;
        }
    }
    const char *text, *detected;
    size_t text_len = 0;
    char *owned = NULL;
    if (encoding_view_utf8(p->html, p->len, NULL, &text, &text_len, &owned, &detected) != 0)
        return 1;
    int failed = prescan_checked(text, text_len, &limits);
    free(owned);
    return failed;
}

/* The extract phase's child keeps one workspace across its calls, as the
 * native host does (set up in measure). */
static rm_workspace *extract_workspace;

/* What a reader view asks for: text and reader HTML. */
static rm_options text_and_html(void)
{
    rm_options opt = rm_default_options;
    opt.formats = RM_FORMAT_TEXT | RM_FORMAT_HTML;
    opt.workspace = extract_workspace;
    return opt;
}

static int full_extract(const page *p)
{
    rm_article *article = NULL;
    rm_options opt = text_and_html();
    rm_status st = rm_extract(p->html, p->len, &opt, &article);
    rm_article_free(article);
    return st == RM_OK || st == RM_NO_ARTICLE ? 0 : 1;
}

typedef struct {
    const char *name;
    const char *what;
    page_fn run;          /* NULL: no work, only the memory baseline */
    /* In-process work is timed in CPU time, so that other load on the
     * machine does not skew it; work in another process needs wall time. */
    clockid_t clock;
} phase;

static const phase phases[] = {
    {"load", "corpus in memory, no work (memory baseline)", NULL, CLOCK_PROCESS_CPUTIME_ID},
    {"parse", "gumbo_parse + gumbo_destroy_output", parse_only, CLOCK_PROCESS_CPUTIME_ID},
    {"input", "UTF-8 check or decoding + prescan (part of extract)", input_only,
     CLOCK_PROCESS_CPUTIME_ID},
    {"extract", "rm_extract, text + HTML (what the reader view asks for), one rm_workspace",
     full_extract,
     CLOCK_PROCESS_CPUTIME_ID},
    /*
     * PROTOCOL BENCHMARK — add it here as one more phase.
     * Its page_fn sends the page to a `readmode` native-messaging host
     * started once per child (4-byte length + JSON request on its stdin)
     * and waits for the reply, with clock CLOCK_MONOTONIC (the work
     * happens in the host); everything below then reports requests/s,
     * median and p99 latency, peak RSS of the bench side, and the cost
     * relative to the parse baseline. Start the host before the timed
     * loop (e.g. from a setup hook added to `phase`), so that only
     * requests are timed.
     */
};

#define BENCH_PHASES (sizeof phases / sizeof phases[0])

/* What a child sends back to the parent. */
typedef struct {
    double phase_seconds[PHASE_COUNT];   /* extract: one timed pass */
    double seconds;       /* timed loop, on the phase's clock */
    double wall_seconds;  /* the same loop on the wall clock */
    size_t calls;
    size_t failures;
    size_t bytes;
    double median_ms, p99_ms;
    double largest_ms;    /* median over LARGEST_PAGE_RUNS */
    long peak_rss_kb;
} phase_result;

static double now_seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Value at quantile q of a sorted array. */
static double quantile(const double *sorted, size_t n, double q)
{
    return n ? sorted[(size_t)(q * (double)(n - 1) + 0.5)] : 0.0;
}

/* Time one call of the phase on `p`, adding it to the result. */
static double timed_call(const phase *ph, const page *p, phase_result *r)
{
    double start = now_seconds(ph->clock);
    r->failures += ph->run(p) != 0;
    double ms = (now_seconds(ph->clock) - start) * 1000.0;
    r->calls++;
    r->bytes += p->len;
    return ms;
}

static double largest_page_ms(const phase *ph, const page *p)
{
    double ms[LARGEST_PAGE_RUNS];
    phase_result ignored = {0};
    for (size_t i = 0; i < LARGEST_PAGE_RUNS; i++)
        ms[i] = timed_call(ph, p, &ignored);
    qsort(ms, LARGEST_PAGE_RUNS, sizeof ms[0], compare_double);
    return quantile(ms, LARGEST_PAGE_RUNS, 0.5);
}

/* One more pass of extract over the corpus, charging each phase. */
static void phase_breakdown(const corpus *c, phase_result *r)
{
    phase_clock clock;
    memset(&clock, 0, sizeof clock);
    rm_options opt = text_and_html();
    for (size_t i = 0; i < c->count; i++) {
        rm_article *article = NULL;
        extract_timed(c->pages[i].html, c->pages[i].len, &opt, &article, &clock);
        rm_article_free(article);
    }
    memcpy(r->phase_seconds, clock.seconds, sizeof r->phase_seconds);
}

/* The work of one child: one calibration pass over the corpus, then as
 * many more passes as fill `target` seconds. Returns -1 when out of memory. */
static int measure(const phase *ph, const corpus *c, double target, phase_result *r)
{
    memset(r, 0, sizeof *r);
    if (ph->run == full_extract && !(extract_workspace = rm_workspace_new(0)))
        return -1;
    if (ph->run) {
        double start = now_seconds(ph->clock), wall_start = now_seconds(CLOCK_MONOTONIC);
        double *latencies = malloc(c->count * sizeof *latencies);
        if (!latencies)
            return -1;
        for (size_t i = 0; i < c->count; i++)
            latencies[i] = timed_call(ph, &c->pages[i], r);
        double pass = now_seconds(ph->clock) - start;
        size_t passes = pass > 0 ? (size_t)(target / pass) + 1 : 1;
        double *grown = realloc(latencies, passes * c->count * sizeof *latencies);
        if (!grown) {
            free(latencies);
            return -1;
        }
        latencies = grown;
        for (size_t k = c->count; k < passes * c->count; k++)
            latencies[k] = timed_call(ph, &c->pages[k % c->count], r);
        r->seconds = now_seconds(ph->clock) - start;
        r->wall_seconds = now_seconds(CLOCK_MONOTONIC) - wall_start;
        qsort(latencies, r->calls, sizeof *latencies, compare_double);
        r->median_ms = quantile(latencies, r->calls, 0.5);
        r->p99_ms = quantile(latencies, r->calls, 0.99);
        free(latencies);
        r->largest_ms = largest_page_ms(ph, &c->pages[c->largest]);
    }
    if (ph->run == full_extract)
        phase_breakdown(c, r);
    rm_workspace_free(extract_workspace);
    extract_workspace = NULL;
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    r->peak_rss_kb = usage.ru_maxrss;
    return 0;
}

/* Run a phase in a child; returns 0 with *r filled, or -1 (message on
 * stderr) when the child failed. */
static int run_phase(const phase *ph, const corpus *c, double target, phase_result *r)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        int ok = measure(ph, c, target, r) == 0 &&
                 write(fds[1], r, sizeof *r) == (ssize_t)sizeof *r;
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    ssize_t got = read(fds[0], r, sizeof *r);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (got == (ssize_t)sizeof *r && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    if (WIFSIGNALED(status))
        fprintf(stderr, "bench: phase %s died with signal %d\n", ph->name, WTERMSIG(status));
    else
        fprintf(stderr, "bench: phase %s failed\n", ph->name);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Reporting                                                           */
/* ------------------------------------------------------------------ */

static const double MB = 1024.0 * 1024.0;

static double pages_per_second(const phase_result *r)
{
    return r->seconds > 0 ? (double)r->calls / r->seconds : 0.0;
}

static double mb_per_second(const phase_result *r)
{
    return r->seconds > 0 ? (double)r->bytes / MB / r->seconds : 0.0;
}

/* Share of a CPU the phase got while it ran: below 100 % other load
 * competed for the machine, and wall-clock figures would be slower. */
static double cpu_share(const phase_result *r)
{
    return r->wall_seconds > 0 ? 100.0 * r->seconds / r->wall_seconds : 0.0;
}

static const char *clock_name(clockid_t clock)
{
    return clock == CLOCK_PROCESS_CPUTIME_ID ? "cpu" : "wall";
}

/* Peak RSS above the corpus in memory (the "load" phase). */
static double extra_mb(const phase_result *r, const phase_result *load)
{
    long kb = load && r->peak_rss_kb > load->peak_rss_kb ? r->peak_rss_kb - load->peak_rss_kb : 0;
    return (double)kb / 1024.0;
}

static double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

/* Time per byte relative to the parse-only baseline. */
static double cost_ratio(const phase_result *r, const phase_result *baseline)
{
    double base = mb_per_second(baseline), mine = mb_per_second(r);
    return mine > 0 ? base / mine : 0.0;
}

/* Where extract's time goes, phase by phase. */
static void print_breakdown(const phase_result *extract)
{
    double total = 0;
    for (size_t i = 0; i < PHASE_COUNT; i++)
        total += extract->phase_seconds[i];
    printf("\nextract, phase by phase (one more pass, CPU seconds):\n");
    for (size_t i = 0; i < PHASE_COUNT; i++)
        printf("  %-9s %8.3f s %5.1f %%%s\n", phase_name((rm_phase)i), extract->phase_seconds[i],
               100.0 * ratio(extract->phase_seconds[i], total),
               i == PHASE_PARSE ? "  (Gumbo on the pre-scanned markup)" : "");
    printf("  %-9s %8.3f s\n", "total", total);
}

static void print_table(const corpus *c, const char *name, const phase_result *results,
                        const int *ok, const phase_result *baseline)
{
    const phase_result *load = ok[0] ? &results[0] : NULL;
    printf("readmode bench (%s): %zu pages, %.2f MB in memory; largest page %s (%.0f KB)\n\n",
           name, c->count, (double)c->bytes / MB, c->pages[c->largest].name,
           (double)c->pages[c->largest].len / 1024.0);
    printf("%-8s %5s %9s %8s %8s %9s %9s %11s %9s %9s %6s %7s\n", "phase", "clock", "pages/s",
           "MB/s", "x parse", "median ms", "p99 ms", "largest ms", "peak MB", "+load MB", "cpu%",
           "failed");
    for (size_t i = 0; i < BENCH_PHASES; i++) {
        const phase_result *r = &results[i];
        if (!ok[i]) {
            printf("%-8s (failed, see stderr)\n", phases[i].name);
        } else if (!phases[i].run) {
            printf("%-8s %5s %9s %8s %8s %9s %9s %11s %9.1f %9s %6s %7s\n", phases[i].name, "-",
                   "-", "-", "-", "-", "-", "-", (double)r->peak_rss_kb / 1024.0, "-", "-", "-");
        } else {
            printf("%-8s %5s %9.1f %8.2f %8.2f %9.3f %9.3f %11.3f %9.1f %9.1f %6.0f %7zu\n",
                   phases[i].name, clock_name(phases[i].clock), pages_per_second(r),
                   mb_per_second(r), baseline ? cost_ratio(r, baseline) : 0.0, r->median_ms,
                   r->p99_ms, r->largest_ms, (double)r->peak_rss_kb / 1024.0, extra_mb(r, load),
                   cpu_share(r), r->failures);
        }
    }
    const phase_result *extract = NULL;
    for (size_t i = 0; i < BENCH_PHASES; i++)
        if (ok[i] && phases[i].run == full_extract)
            extract = &results[i];
    if (extract && baseline)
        printf("\nextract / parse-only: time %.2fx, peak RSS above the corpus %.2fx\n",
               cost_ratio(extract, baseline), ratio(extra_mb(extract, load), extra_mb(baseline, load)));
    if (extract)
        print_breakdown(extract);
    printf("\n");
    for (size_t i = 0; i < BENCH_PHASES; i++)
        printf("  %-8s %s\n", phases[i].name, phases[i].what);
    printf("  clock: cpu = process CPU time (robust to other load), wall = elapsed time;\n"
           "  x parse: time per byte relative to parse; peak MB: the phase's own max RSS;\n"
           "  +load MB: peak RSS above the corpus in memory (the load phase);\n"
           "  cpu%%: share of a CPU the phase got (below 100: the machine was busy);\n"
           "  failed: calls that returned an error (extract: not RM_OK/RM_NO_ARTICLE).\n");
}

/* ------------------------------------------------------------------ */
/* Per kind of page                                                    */
/* ------------------------------------------------------------------ */

static int type_index(const char *label)
{
    if (!strcmp(label, "category"))
        label = "collection";
    for (size_t i = 0; i < PAGE_TYPES; i++)
        if (!strcmp(label, page_types[i]))
            return (int)i;
    return -1;
}

/* The kind of page NAME.html from TRUTH_DIR/NAME.json; an unlabelled page
 * counts as an article, as the benchmark's own scorer does. */
static int read_page_type(const char *truth_dir, const char *name)
{
    char path[4096];
    size_t n = strlen(name), len = 0;
    if (n > 5 && !strcmp(name + n - 5, ".html"))
        n -= 5;
    snprintf(path, sizeof path, "%s/%.*s.json", truth_dir, (int)n, name);
    char *text = read_file(path, &len);
    if (!text)
        return -1;
    cJSON *truth = cJSON_ParseWithLength(text, len);
    free(text);
    const cJSON *internal = cJSON_GetObjectItemCaseSensitive(truth, "_internal");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(internal, "page_type");
    if (cJSON_IsObject(type))
        type = cJSON_GetObjectItemCaseSensitive(type, "primary");
    int k = cJSON_IsString(type) ? type_index(type->valuestring) : type_index("article");
    cJSON_Delete(truth);
    return k;
}

/* Label every page; returns how many got a kind. */
static size_t load_page_types(corpus *c, const char *truth_dir)
{
    size_t labelled = 0;
    for (size_t i = 0; i < c->count; i++) {
        c->pages[i].type = read_page_type(truth_dir, c->pages[i].name);
        labelled += c->pages[i].type >= 0;
    }
    return labelled;
}

typedef struct {
    size_t pages;
    size_t bytes;
    double parse_seconds, extract_seconds;
} type_result;

/* CPU seconds of one call, the median of TYPE_RUNS. */
static double median_call(page_fn run, const page *p)
{
    double s[TYPE_RUNS];
    for (size_t i = 0; i < TYPE_RUNS; i++) {
        double start = now_seconds(CLOCK_PROCESS_CPUTIME_ID);
        run(p);
        s[i] = now_seconds(CLOCK_PROCESS_CPUTIME_ID) - start;
    }
    qsort(s, TYPE_RUNS, sizeof s[0], compare_double);
    return s[TYPE_RUNS / 2];
}

static void measure_types(const corpus *c, type_result *by_type)
{
    memset(by_type, 0, PAGE_TYPES * sizeof *by_type);
    extract_workspace = rm_workspace_new(0);   /* NULL: extract goes without */
    for (size_t i = 0; i < c->count; i++) {
        const page *p = &c->pages[i];
        if (p->type < 0)
            continue;
        type_result *t = &by_type[p->type];
        t->pages++;
        t->bytes += p->len;
        t->parse_seconds += median_call(parse_only, p);
        t->extract_seconds += median_call(full_extract, p);
    }
    rm_workspace_free(extract_workspace);
    extract_workspace = NULL;
}

static void print_types(const type_result *by_type)
{
    printf("\nby kind of page (the ground truth's labels; CPU seconds, each page's median of %d runs):\n",
           TYPE_RUNS);
    printf("  %-14s %6s %8s %9s %10s %8s\n", "kind", "pages", "MB", "parse s", "extract s", "x parse");
    const char *worst = NULL;
    double worst_ratio = 0;
    for (size_t i = 0; i < PAGE_TYPES; i++) {
        const type_result *t = &by_type[i];
        if (!t->pages)
            continue;
        double r = ratio(t->extract_seconds, t->parse_seconds);
        printf("  %-14s %6zu %8.2f %9.3f %10.3f %8.2f\n", page_types[i], t->pages,
               (double)t->bytes / MB, t->parse_seconds, t->extract_seconds, r);
        if (r > worst_ratio) {
            worst_ratio = r;
            worst = page_types[i];
        }
    }
    if (worst)
        printf("  costliest kind: %s, %.2fx parse-only\n", worst, worst_ratio);
}

static void add_types_json(cJSON *root, const type_result *by_type)
{
    cJSON *list = cJSON_AddArrayToObject(root, "page_types");
    for (size_t i = 0; i < PAGE_TYPES; i++) {
        const type_result *t = &by_type[i];
        if (!t->pages)
            continue;
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(list, item);
        cJSON_AddStringToObject(item, "type", page_types[i]);
        cJSON_AddNumberToObject(item, "pages", (double)t->pages);
        cJSON_AddNumberToObject(item, "bytes", (double)t->bytes);
        cJSON_AddNumberToObject(item, "parse_cpu_seconds", t->parse_seconds);
        cJSON_AddNumberToObject(item, "extract_cpu_seconds", t->extract_seconds);
        cJSON_AddNumberToObject(item, "cost_vs_parse", ratio(t->extract_seconds, t->parse_seconds));
    }
}

static int print_json(FILE *out, const corpus *c, const char *name, const phase_result *results,
                      const int *ok, const phase_result *baseline, const type_result *by_type)
{
    const phase_result *load = ok[0] ? &results[0] : NULL;
    cJSON *root = cJSON_CreateObject();
    cJSON *corpus_json = cJSON_AddObjectToObject(root, "corpus");
    cJSON_AddStringToObject(corpus_json, "name", name);
    cJSON_AddNumberToObject(corpus_json, "pages", (double)c->count);
    cJSON_AddNumberToObject(corpus_json, "bytes", (double)c->bytes);
    cJSON_AddStringToObject(corpus_json, "largest_page", c->pages[c->largest].name);
    cJSON_AddNumberToObject(corpus_json, "largest_bytes", (double)c->pages[c->largest].len);
    cJSON *list = cJSON_AddArrayToObject(root, "phases");
    for (size_t i = 0; i < BENCH_PHASES; i++) {
        const phase_result *r = &results[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(list, item);
        cJSON_AddStringToObject(item, "name", phases[i].name);
        cJSON_AddBoolToObject(item, "ok", ok[i]);
        if (!ok[i])
            continue;
        cJSON_AddNumberToObject(item, "peak_rss_kb", (double)r->peak_rss_kb);
        cJSON_AddNumberToObject(item, "peak_rss_above_load_mb", extra_mb(r, load));
        if (!phases[i].run)
            continue;
        cJSON_AddStringToObject(item, "clock", clock_name(phases[i].clock));
        cJSON_AddNumberToObject(item, "seconds", r->seconds);
        cJSON_AddNumberToObject(item, "wall_seconds", r->wall_seconds);
        cJSON_AddNumberToObject(item, "calls", (double)r->calls);
        cJSON_AddNumberToObject(item, "failures", (double)r->failures);
        cJSON_AddNumberToObject(item, "pages_per_second", pages_per_second(r));
        cJSON_AddNumberToObject(item, "mb_per_second", mb_per_second(r));
        if (baseline)
            cJSON_AddNumberToObject(item, "cost_vs_parse", cost_ratio(r, baseline));
        cJSON_AddNumberToObject(item, "median_ms", r->median_ms);
        cJSON_AddNumberToObject(item, "p99_ms", r->p99_ms);
        cJSON_AddNumberToObject(item, "largest_page_ms", r->largest_ms);
        if (baseline && phases[i].run != parse_only)
            cJSON_AddNumberToObject(item, "memory_vs_parse",
                                    ratio(extra_mb(r, load), extra_mb(baseline, load)));
        if (phases[i].run != full_extract)
            continue;
        cJSON *breakdown = cJSON_AddObjectToObject(item, "phase_cpu_seconds");
        for (size_t k = 0; k < PHASE_COUNT; k++)
            cJSON_AddNumberToObject(breakdown, phase_name((rm_phase)k), r->phase_seconds[k]);
    }
    if (by_type)
        add_types_json(root, by_type);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return -1;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench [--seconds S] [--json] [--json-file PATH] [--name NAME]\n"
                    "             [--page-types TRUTH_DIR] CORPUS_DIR\n");
    return 2;
}

int main(int argc, char **argv)
{
    double target = DEFAULT_SECONDS;
    int json = 0;
    const char *dir = NULL, *name = "corpus", *json_file = NULL, *truth_dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            json = 1;
        else if (!strcmp(argv[i], "--name") && i + 1 < argc)
            name = argv[++i];
        else if (!strcmp(argv[i], "--json-file") && i + 1 < argc)
            json_file = argv[++i];
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
            target = atof(argv[++i]);
        else if (!strcmp(argv[i], "--page-types") && i + 1 < argc)
            truth_dir = argv[++i];
        else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else
            return usage();
    }
    if (!dir || !(target > 0))
        return usage();
    corpus c;
    if (load_corpus(&c, dir) != 0) {
        fprintf(stderr, "bench: no pages (DIR/*/source.html or DIR/*.html) readable under %s\n", dir);
        free_corpus(&c);
        return 1;
    }
    phase_result results[BENCH_PHASES];
    int ok[BENCH_PHASES];
    const phase_result *baseline = NULL;
    int all_ok = 1;
    for (size_t i = 0; i < BENCH_PHASES; i++) {
        ok[i] = run_phase(&phases[i], &c, target, &results[i]) == 0;
        all_ok &= ok[i];
        if (ok[i] && phases[i].run == parse_only)
            baseline = &results[i];
    }
    type_result by_type_storage[PAGE_TYPES];
    const type_result *by_type = NULL;
    if (truth_dir) {
        if (load_page_types(&c, truth_dir) == 0) {
            fprintf(stderr, "bench: no page kinds found under %s\n", truth_dir);
            all_ok = 0;
        } else {
            measure_types(&c, by_type_storage);
            by_type = by_type_storage;
        }
    }
    int printed = 1;
    if (json) {
        printed = print_json(stdout, &c, name, results, ok, baseline, by_type) == 0;
    } else {
        print_table(&c, name, results, ok, baseline);
        if (by_type)
            print_types(by_type);
    }
    if (json_file) {
        FILE *f = fopen(json_file, "w");
        printed &= f && print_json(f, &c, name, results, ok, baseline, by_type) == 0;
        if (f)
            printed &= fclose(f) == 0;
    }
    free_corpus(&c);
    return all_ok && printed ? 0 : 1;
}
