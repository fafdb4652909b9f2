/*
 * test_host.c — the native-messaging host under hostile use: thousands of
 * mixed requests in one process with flat memory, four hosts saving the
 * same title into one library at the same moment, and hosts killed in the
 * middle of a save. Bounds are stated per case; time is bounded only by
 * the case timeout.
 */
#define _DEFAULT_SOURCE   /* wait4 in hostile.h */
#include "hostile.h"
#include "nm_client.h"

#include <dirent.h>
#include <stdbool.h>
#include <signal.h>
#include <time.h>

#define PROSE                                                                            \
    "The ferry timetable changes on Monday, when the winter schedule starts and the "  \
    "last crossing of the evening moves forward by forty minutes, a change the "       \
    "operator says reflects the smaller number of passengers after October."

static void start_host(nm_host *h, const char *library)
{
    /* Freed memory in ASan's quarantine would look like growth. */
    static char *env[] = {"ASAN_OPTIONS=quarantine_size_mb=0", NULL};
    char *argv[] = {(char *)tu_env("RM_BINARY", "build/readmode"), "--native", "--library",
                    (char *)(library ? library : "/nonexistent-readmode-library"), NULL};
    ck_assert_int_eq(nm_start(h, argv, env), 0);
}

static void finish(nm_host *h)
{
    char *rest;
    size_t rest_len;
    int ws = nm_finish(h, &rest, &rest_len);
    ck_assert_msg(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "host ended with status %d", ws);
    ck_assert_uint_eq(rest_len, 0);
    free(rest);
    free(nm_errors(h));
}

static const cJSON *field(const cJSON *o, const char *k)
{
    return cJSON_GetObjectItemCaseSensitive(o, k);
}

/* 10 000 requests of every kind, good and bad, in one host: the resident
 * memory after the last is within 2 MB of what it was after the first
 * 1 000 (a leak of even 200 bytes a request would show). */
START_TEST(ten_thousand_requests_flat_memory)
{
    static const char *const requests[] = {
        "{\"id\":1,\"type\":\"extract\",\"html\":\"<html><head><title>Ferry</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Ferry</h1><p>" PROSE "</p><p>" PROSE
        "</p></article><div class='comments'><p>First!</p></div></body></html>\","
        "\"url\":\"https://ferries.example/news\",\"formats\":[\"text\",\"html\",\"markdown\"]}",
        "{\"id\":2,\"type\":\"probe\",\"html\":\"<article><p>" PROSE "</p></article>\"}",
        "{\"id\":3,\"type\":\"version\"}",
        "{\"id\":4,\"type\":\"extract\",\"html\":\"<p>a\\u0000b</p>\"}",
        "{\"id\":5,\"type\":\"save\",\"force\":\"yes\",\"html\":\"<p>x</p>\"}",
        "{\"id\":6,\"type\":\"extract\",\"html\":\"<p>x</p>\"} trailing",
        "{\"id\":7,\"type\":",
        "{\"id\":8,\"type\":\"extract\",\"html\":\"\"}",
        "{\"id\":9,\"type\":\"nope\"}",
        "{\"id\":10,\"type\":\"extract\",\"html\":\"<div><div><div><b><i><p>unclosed\","
        "\"options\":{\"charset\":\"no-such-charset\"}}",
    };
    size_t kinds = sizeof requests / sizeof *requests;
    nm_host h;
    start_host(&h, NULL);
    long after_1000 = 0;
    for (int i = 1; i <= 10000; i++) {
        const char *req = requests[(size_t)i % kinds];
        cJSON *reply = nm_call(&h, req);
        ck_assert_msg(reply != NULL, "no reply to request %d", i);
        ck_assert(cJSON_IsBool(field(reply, "ok")));
        cJSON_Delete(reply);
        if (i == 1000)
            after_1000 = nm_memory_kb(h.pid, "VmRSS:");
    }
    long after_10000 = nm_memory_kb(h.pid, "VmRSS:");
    ck_assert_int_gt(after_1000, 0);
    ck_assert_msg(after_10000 <= after_1000 + 2048, "VmRSS grew from %ld kB to %ld kB",
                  after_1000, after_10000);
    fprintf(stderr, "ten_thousand_requests: VmRSS %ld kB after 1000, %ld kB after 10000\n",
            after_1000, after_10000);
    finish(&h);
}
END_TEST

/* Names in `dir` starting with `prefix` (count only). */
static size_t count_entries(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

/* Every visible file of the library is a complete saved article: it ends
 * with the body's last words and holds one writer's marker once. Returns
 * how many there are. */
static size_t check_library_complete(const char *lib, const char *last_words)
{
    DIR *d = opendir(lib);
    ck_assert_ptr_nonnull(d);
    size_t files = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char path[8400];
        snprintf(path, sizeof path, "%s/%s", lib, e->d_name);
        size_t len;
        char *text = tu_read_file(path, &len);
        ck_assert_ptr_nonnull(text);
        ck_assert_msg(strstr(text, last_words) != NULL, "%s is incomplete (%zu bytes)", path, len);
        char *marker = strstr(text, "writer-");
        ck_assert_msg(marker && !strstr(marker + 1, "writer-"), "%s mixes writers", path);
        free(text);
        files++;
    }
    closedir(d);
    return files;
}

/* Four hosts, each saving the same title 25 times, all at once: 100
 * files, none lost, none overwritten, none partial, no temporary left. */
START_TEST(four_hosts_save_one_title)
{
    enum { HOSTS = 4, SAVES = 25 };
    char *lib = tu_mkdtemp("race");
    nm_host hosts[HOSTS];
    for (int k = 0; k < HOSTS; k++)
        start_host(&hosts[k], lib);
    /* Send every request first, so the hosts really run side by side. */
    for (int i = 0; i < SAVES; i++) {
        for (int k = 0; k < HOSTS; k++) {
            char req[2048];
            snprintf(req, sizeof req,
                     "{\"id\":%d,\"type\":\"save\",\"format\":\"md\",\"article\":{\"title\":"
                     "\"Same title\",\"text\":\"writer-%d-%d. %s The end.\"}}",
                     i, k, i, PROSE);
            ck_assert_int_eq(nm_send(&hosts[k], req, (uint32_t)strlen(req)), 0);
        }
    }
    for (int k = 0; k < HOSTS; k++) {
        for (int i = 0; i < SAVES; i++) {
            cJSON *reply = nm_recv(&hosts[k]);
            ck_assert_ptr_nonnull(reply);
            ck_assert_msg(cJSON_IsTrue(field(reply, "ok")), "host %d save %d failed: %s", k, i,
                          cJSON_PrintUnformatted(reply));
            ck_assert_int_eq(field(reply, "id")->valueint, i);
            cJSON_Delete(reply);
        }
        finish(&hosts[k]);
    }
    ck_assert_uint_eq(check_library_complete(lib, "The end."), HOSTS * SAVES);
    ck_assert_uint_eq(count_entries(lib, "Same title"), HOSTS * SAVES);
    ck_assert_uint_eq(count_entries(lib, ".readmode-"), 0);
    tu_rmtree(lib);
}
END_TEST

/* A host killed (SIGKILL, no chance to clean up) while it writes a big
 * article: no partial article is ever visible, and once another host has
 * used the library no temporary file is left either. */
START_TEST(host_killed_during_save)
{
    char *lib = tu_mkdtemp("killed");
    /* About 24 MB of text, so the write takes long enough to be caught. */
    size_t units = 24u << 20 >> 8;
    size_t cap = units * 256 + 4096;
    char *req = malloc(cap);
    ck_assert_ptr_nonnull(req);
    size_t n = (size_t)snprintf(req, cap, "{\"id\":1,\"type\":\"save\",\"format\":\"txt\","
                                          "\"article\":{\"title\":\"Big\",\"text\":\"writer-1. ");
    for (size_t i = 0; i < units; i++) {
        memset(req + n, 'a' + (char)(i % 26), 255);
        req[n + 255] = ' ';
        n += 256;
    }
    n += (size_t)snprintf(req + n, cap - n, "The end.\"}}");
    size_t hits = 0;
    for (int round = 0; round < 8; round++) {
        nm_host h;
        start_host(&h, lib);
        ck_assert_int_eq(nm_send(&h, req, (uint32_t)n), 0);
        /* Kill the moment the save's temporary file appears (even rounds),
         * or a little later (odd rounds: the write is under way). */
        struct timespec start, now;
        clock_gettime(CLOCK_MONOTONIC, &start);
        bool seen = false;
        do {
            seen = count_entries(lib, ".readmode-") > 0;
            clock_gettime(CLOCK_MONOTONIC, &now);
        } while (!seen && now.tv_sec - start.tv_sec < 20);
        if (round % 2)
            nanosleep(&(struct timespec){0, 2 * 1000 * 1000}, NULL);
        hits += seen && count_entries(lib, ".readmode-") > 0;
        kill(h.pid, SIGKILL);
        nm_finish(&h, NULL, NULL);
        free(nm_errors(&h));
        check_library_complete(lib, "The end.");
    }
    fprintf(stderr, "host_killed_during_save: %zu of 8 kills hit a save in progress\n", hits);
    ck_assert_uint_ge(hits, 1);
    /* The next host to use the library clears what the killed ones left. */
    nm_host h;
    start_host(&h, lib);
    cJSON *reply = nm_call(&h, "{\"id\":2,\"type\":\"save\",\"article\":{\"title\":\"After\","
                               "\"text\":\"writer-2. The end.\"}}");
    ck_assert(cJSON_IsTrue(field(reply, "ok")));
    cJSON_Delete(reply);
    reply = nm_call(&h, "{\"id\":3,\"type\":\"list\"}");
    ck_assert(cJSON_IsTrue(field(reply, "ok")));
    cJSON_Delete(reply);
    finish(&h);
    check_library_complete(lib, "The end.");
    ck_assert_msg(count_entries(lib, ".readmode-") == 0,
                  "temporary files of killed saves are left in the library");
    free(req);
    tu_rmtree(lib);
}
END_TEST

static Suite *hostile_host_suite(void)
{
    Suite *s = suite_create("hostile-host");
    TCase *tc = tcase_create("host");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, ten_thousand_requests_flat_memory);
    tcase_add_test(tc, four_hosts_save_one_title);
    tcase_add_test(tc, host_killed_during_save);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(hostile_host_suite)
