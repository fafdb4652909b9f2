/*
 * bench_native.c — throughput and latency of the native-messaging host.
 *
 *     build/bench_native BINARY SHARED_DIR [ROUNDS]
 *
 * Starts BINARY --native once, as a browser port would, and sends an
 * extract request for every SHARED_DIR/corpus/readability/<case>/source.html,
 * one warm-up round and then ROUNDS (default 5) measured rounds, waiting
 * for each reply before the next request. Reports requests per second,
 * median / p90 / p99 / max round-trip latency, the round trip of a
 * `version` request (the protocol's own overhead), and the host's peak RSS.
 * Pages that are not valid UTF-8 are skipped (an extension always sends
 * the DOM as Unicode text).
 */
#include "nm_client.h"

#include <glob.h>
#include <time.h>
#include <unistr.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

/* The extract requests, one per usable page; returns how many. */
static size_t load_requests(const char *shared, char ***requests, size_t *input_bytes)
{
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s/corpus/readability/*/source.html", shared);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return 0;
    *requests = calloc(g.gl_pathc, sizeof **requests);
    size_t count = 0, skipped = 0;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        size_t len;
        char *html = read_file(g.gl_pathv[i], &len);
        if (!html || strlen(html) != len || u8_check((const uint8_t *)html, len)) {
            skipped++;
            free(html);
            continue;
        }
        cJSON *req = cJSON_CreateObject();
        cJSON_AddNumberToObject(req, "id", (double)count);
        cJSON_AddStringToObject(req, "type", "extract");
        cJSON_AddStringToObject(req, "html", html);
        (*requests)[count++] = cJSON_PrintUnformatted(req);
        *input_bytes += len;
        cJSON_Delete(req);
        free(html);
    }
    if (skipped)
        fprintf(stderr, "bench_native: skipped %zu pages that are not UTF-8 text\n", skipped);
    globfree(&g);
    return count;
}

/* One round over all requests; latencies appended when `lat` is set.
 * Returns the number of failed replies (ok:false other than no_article,
 * or no reply at all). */
static size_t run_round(nm_host *h, char **requests, size_t count, double *lat)
{
    size_t failed = 0;
    for (size_t i = 0; i < count; i++) {
        double t0 = now_ms();
        cJSON *reply = nm_call(h, requests[i]);
        if (lat)
            lat[i] = now_ms() - t0;
        const cJSON *error = reply ? cJSON_GetObjectItem(reply, "error") : NULL;
        const cJSON *code = error ? cJSON_GetObjectItem(error, "code") : NULL;
        if (!reply || (code && strcmp(code->valuestring, "no_article") != 0))
            failed++;
        cJSON_Delete(reply);
    }
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: bench_native BINARY SHARED_DIR [ROUNDS]\n");
        return 2;
    }
    int rounds = argc == 4 ? atoi(argv[3]) : 5;
    char **requests = NULL;
    size_t input_bytes = 0, count = load_requests(argv[2], &requests, &input_bytes);
    if (count == 0 || rounds < 1) {
        fprintf(stderr, "bench_native: no corpus pages under %s/corpus/readability\n", argv[2]);
        return 2;
    }
    nm_host h;
    char *host_argv[] = {argv[1], "--native", NULL};
    if (nm_start(&h, host_argv, NULL) != 0) {
        perror("bench_native: cannot start host");
        return 1;
    }
    size_t failed = run_round(&h, requests, count, NULL);   /* warm-up */
    size_t total = count * (size_t)rounds;
    double *lat = malloc(total * sizeof *lat);
    double t0 = now_ms();
    for (int r = 0; r < rounds; r++)
        failed += run_round(&h, requests, count, lat + (size_t)r * count);
    double elapsed = now_ms() - t0;
    /* The protocol's own cost: round trips that do no extraction. */
    enum { PINGS = 1000 };
    double ping_t0 = now_ms();
    for (int i = 0; i < PINGS; i++)
        cJSON_Delete(nm_call(&h, "{\"id\":0,\"type\":\"version\"}"));
    double ping_us = (now_ms() - ping_t0) * 1e3 / PINGS;
    long peak = nm_memory_kb(h.pid, "VmHWM:");
    int status = nm_finish(&h, NULL, NULL);
    free(nm_errors(&h));
    qsort(lat, total, sizeof *lat, by_value);
    printf("protocol: %zu pages x %d rounds = %zu extract requests over one --native process\n",
           count, rounds, total);
    printf("protocol: %.1f requests/s, %.1f MB/s of HTML\n", total / (elapsed / 1e3),
           input_bytes * (double)rounds / 1e6 / (elapsed / 1e3));
    printf("protocol: latency median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           lat[total / 2], lat[total * 90 / 100], lat[total * 99 / 100], lat[total - 1]);
    printf("protocol: version round trip %.1f us (framing and dispatch alone)\n", ping_us);
    printf("protocol: host peak RSS %.1f MiB, failed replies %zu, host exit %d\n", peak / 1024.0,
           failed, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    for (size_t i = 0; i < count; i++)
        free(requests[i]);
    free(requests);
    free(lat);
    return failed == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
