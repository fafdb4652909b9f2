/*
 * nm_client.h — the browser's side of native messaging, for tests and the
 * protocol benchmark: start the real binary with pipes, send frames, read
 * frames (joining chunked replies), look at the host's memory.
 */
#ifndef RM_NM_CLIENT_H
#define RM_NM_CLIENT_H

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* What browsers accept from a host, and what our host promises. */
#define NM_BROWSER_LIMIT 1048576u
#define NM_HOST_LIMIT 1000000u

typedef struct {
    pid_t pid;
    int to_host;      /* host's stdin */
    int from_host;    /* host's stdout */
    FILE *errors;     /* host's stderr, readable after nm_finish */
} nm_host;

/* Start argv[0] with `env` ("NAME=value" strings, NULL-terminated, may be
 * NULL) added to the environment. Returns 0 or -1. */
static inline int nm_start(nm_host *h, char *const argv[], char *const env[])
{
    int in[2], out[2];
    signal(SIGPIPE, SIG_IGN);   /* a dead host must fail a test, not kill it */
    h->errors = tmpfile();
    if (!h->errors || pipe(in) != 0 || pipe(out) != 0)
        return -1;
    /* Our ends must not leak into other hosts, or their EOF never comes. */
    fcntl(in[1], F_SETFD, FD_CLOEXEC);
    fcntl(out[0], F_SETFD, FD_CLOEXEC);
    h->pid = fork();
    if (h->pid < 0)
        return -1;
    if (h->pid == 0) {
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        dup2(fileno(h->errors), STDERR_FILENO);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        for (size_t i = 0; env && env[i]; i++) {
            const char *eq = strchr(env[i], '=');
            char name[256];
            if (eq && (size_t)(eq - env[i]) < sizeof name) {
                memcpy(name, env[i], (size_t)(eq - env[i]));
                name[eq - env[i]] = '\0';
                setenv(name, eq + 1, 1);
            }
        }
        execv(argv[0], argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    h->to_host = in[1];
    h->from_host = out[0];
    return 0;
}

static inline int nm_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Read exactly n bytes; returns how many arrived before EOF. */
static inline size_t nm_read_all(int fd, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got;
}

/* One frame: the length header, then the body. */
static inline int nm_send(nm_host *h, const void *body, uint32_t len)
{
    return nm_write_all(h->to_host, &len, sizeof len) || nm_write_all(h->to_host, body, len);
}

static inline int nm_send_json(nm_host *h, const cJSON *request)
{
    char *text = cJSON_PrintUnformatted(request);
    int rc = text ? nm_send(h, text, (uint32_t)strlen(text)) : -1;
    free(text);
    return rc;
}

/* One frame's body (malloc'd, NUL-terminated) or NULL at EOF. */
static inline char *nm_recv_frame(nm_host *h, uint32_t *len)
{
    if (nm_read_all(h->from_host, len, sizeof *len) != sizeof *len)
        return NULL;
    char *body = malloc((size_t)*len + 1);
    if (!body || nm_read_all(h->from_host, body, *len) != *len) {
        free(body);
        return NULL;
    }
    body[*len] = '\0';
    return body;
}

/* Statistics of the frames that carried one reply. */
typedef struct {
    size_t frames;
    uint32_t largest;
    bool chunks_in_order;   /* chunk i, chunks n consistent across frames */
} nm_reply_info;

/* One reply, joined from its chunks when it was chunked. Returns the
 * reply's JSON text (malloc'd) or NULL at EOF / on a broken chunk. */
static inline char *nm_recv_text(nm_host *h, nm_reply_info *info)
{
    uint32_t len;
    char *body = nm_recv_frame(h, &len);
    memset(info, 0, sizeof *info);
    info->chunks_in_order = true;
    if (!body)
        return NULL;
    info->frames = 1;
    info->largest = len;
    cJSON *frame = cJSON_Parse(body);
    cJSON *chunks = frame ? cJSON_GetObjectItem(frame, "chunks") : NULL;
    if (!chunks) {
        cJSON_Delete(frame);
        return body;
    }
    size_t total = (size_t)chunks->valuedouble, joined_len = 0;
    char *joined = calloc(1, 1);
    for (size_t i = 0; frame; i++) {
        cJSON *index = cJSON_GetObjectItem(frame, "chunk");
        cJSON *data = cJSON_GetObjectItem(frame, "data");
        chunks = cJSON_GetObjectItem(frame, "chunks");
        if (!cJSON_IsNumber(index) || (size_t)index->valuedouble != i || !cJSON_IsString(data) ||
            !cJSON_IsNumber(chunks) || (size_t)chunks->valuedouble != total)
            info->chunks_in_order = false;
        if (cJSON_IsString(data)) {
            size_t dlen = strlen(data->valuestring);
            joined = realloc(joined, joined_len + dlen + 1);
            memcpy(joined + joined_len, data->valuestring, dlen + 1);
            joined_len += dlen;
        }
        cJSON_Delete(frame);
        frame = NULL;
        free(body);
        body = NULL;
        if (i + 1 < total && (body = nm_recv_frame(h, &len)) != NULL) {
            info->frames++;
            if (len > info->largest)
                info->largest = len;
            frame = cJSON_Parse(body);
        }
    }
    free(body);
    if (info->frames != total)
        info->chunks_in_order = false;
    return joined;
}

/* One reply, parsed. */
static inline cJSON *nm_recv(nm_host *h)
{
    nm_reply_info info;
    char *text = nm_recv_text(h, &info);
    cJSON *reply = text ? cJSON_Parse(text) : NULL;
    free(text);
    return reply;
}

/* Send `request` (JSON text) and return the parsed reply. */
static inline cJSON *nm_call(nm_host *h, const char *request)
{
    if (nm_send(h, request, (uint32_t)strlen(request)) != 0)
        return NULL;
    return nm_recv(h);
}

/* Close the host's stdin, drain its stdout into *rest (malloc'd, may be
 * NULL) and wait. Returns the wait status. */
static inline int nm_finish(nm_host *h, char **rest, size_t *rest_len)
{
    close(h->to_host);
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ssize_t r;
    while ((r = read(h->from_host, buf + len, cap - len)) > 0 || (r < 0 && errno == EINTR)) {
        len += r > 0 ? (size_t)r : 0;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    close(h->from_host);
    int status = 0;
    while (waitpid(h->pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (rest) {
        *rest = buf;
        *rest_len = len;
    } else {
        free(buf);
    }
    return status;
}

/* The host's stderr so far (malloc'd). */
static inline char *nm_errors(nm_host *h)
{
    fflush(h->errors);
    long n = ftell(h->errors);
    char *text = calloc(1, n > 0 ? (size_t)n + 1 : 1);
    rewind(h->errors);
    if (n > 0 && text)
        text[fread(text, 1, (size_t)n, h->errors)] = '\0';
    fclose(h->errors);
    return text;
}

/* A memory figure of a process in KiB from /proc/PID/status: "VmRSS:"
 * (resident now) or "VmHWM:" (peak); -1 if unknown. */
static inline long nm_memory_kb(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0)
            kb = strtol(line + strlen(field), NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

#endif
