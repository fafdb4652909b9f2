/*
 * cli_bulk.c — bulk runs: many files and the --jsonl stream (cli_bulk.h).
 *
 * Each page is one slot of the ordered pool (cli_pool.h): a worker reads
 * and cleans it and renders its result into memory (or writes its file in
 * -o DIR); this thread prints results in input order, keeps the counts,
 * and draws the progress line. A page that fails is an outcome, never the
 * end of the run; only an output that cannot be written stops it.
 */
#include "cli_bulk.h"

#include "cli_inputs.h"
#include "cli_lines.h"
#include "cli_output.h"
#include "cli_pool.h"
#include "cli_tempfiles.h"
#include "request.h"

#include <cJSON.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

typedef enum {
    PAGE_ARTICLE,
    PAGE_NO_ARTICLE,
    PAGE_REJECTED,      /* read, but not HTML, too large, not a request */
    PAGE_UNREADABLE,    /* the file could not be read */
    PAGE_WRITE_FAILED,  /* its -o DIR file could not be written */
} page_outcome;

typedef struct {
    size_t index;
    char *line;         /* --jsonl: the request */
    size_t line_len;
    bool line_too_large;  /* --jsonl: over the limit, read but not kept */
    char *out;          /* what to print on stdout */
    size_t out_len;
    char *note;         /* one line for stderr, or NULL */
    page_outcome outcome;
} page_slot;

typedef struct {
    const cli_options *opt;
    cli_list inputs;
    cli_list names;           /* -o DIR: output path per input */
    size_t next_input;
    bool input_failed;        /* --jsonl: reading stdin failed */
    int input_errno;
    size_t counts[PAGE_WRITE_FAILED + 1];
    size_t done;
    size_t total;             /* 0: unknown (--jsonl) */
    double started;
    double last_drawn;
    bool progress;            /* a progress line on a terminal */
    bool progress_shown;
} bulk_run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static char *format_note(const char *name, const char *message)
{
    size_t n = strlen(name) + strlen(message) + 16;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "readmode: %s: %s", name, message);
    return s;
}

/* Render into memory what fn writes to a stream; 0 or -1. */
static int capture_open(page_slot *slot, FILE **f)
{
    *f = open_memstream(&slot->out, &slot->out_len);
    return *f ? 0 : -1;
}

static void capture_close(page_slot *slot, FILE *f, int failed)
{
    if (fclose(f) || failed) {
        free(slot->out);
        slot->out = NULL;
        slot->out_len = 0;
    }
}

static char *print_record(cJSON *record)
{
    char *s = cJSON_PrintUnformatted(record);
    cJSON_Delete(record);
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *line = realloc(s, n + 2);
    if (!line) {
        free(s);
        return NULL;
    }
    line[n] = '\n';
    line[n + 1] = '\0';
    return line;
}

static void set_record_output(page_slot *slot, cJSON *record)
{
    slot->out = record ? print_record(record) : NULL;
    slot->out_len = slot->out ? strlen(slot->out) : 0;
}

/* ---- files --------------------------------------------------------------------- */

static int next_file(void *ctx, void *p)
{
    bulk_run *run = ctx;
    page_slot *slot = p;
    if (run->next_input == run->inputs.count)
        return 0;
    slot->index = run->next_input++;
    return 1;
}

static page_outcome outcome_of(rm_status st)
{
    return st == RM_OK ? PAGE_ARTICLE : st == RM_NO_ARTICLE ? PAGE_NO_ARTICLE : PAGE_REJECTED;
}

/* Stdout for one file: a JSON Lines record, or the page after a header. */
static void render_to_stdout(const bulk_run *run, page_slot *slot, const char *name,
                             rm_status st, const rm_article *a, const char *error_code,
                             const char *error_message)
{
    if (run->opt->format == CLI_JSON) {
        cJSON *record = cJSON_CreateObject();
        if (record) {
            cJSON_AddStringToObject(record, "file", name);
            if (error_code)
                cli_record_error(record, error_code, error_message);
            else
                cli_record_result(record, st, a);
        }
        set_record_output(slot, record);
        return;
    }
    if (!a)
        return;
    FILE *f;
    if (capture_open(slot, &f))
        return;
    fprintf(f, "==> %s <==\n", name);
    capture_close(slot, f, cli_write_article(f, run->opt, a));
}

static void work_file(void *ctx, rm_workspace *workspace, void *p)
{
    const bulk_run *run = ctx;
    page_slot *slot = p;
    const cli_options *opt = run->opt;
    const char *path = run->inputs.items[slot->index];
    const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
    char *bytes;
    size_t len;
    int rc = cli_read_input(path, opt->max_size, &bytes, &len);
    if (rc) {
        slot->outcome = rc == EFBIG ? PAGE_REJECTED : PAGE_UNREADABLE;
        slot->note = format_note(name, cli_read_error_message(rc));
        if (!opt->out_dir)
            render_to_stdout(run, slot, name, RM_BAD_INPUT, NULL,
                             rc == EFBIG ? "too_large" : "unreadable", cli_read_error_message(rc));
        return;
    }
    rm_options lib = cli_library_options(opt, NULL);
    lib.workspace = workspace;
    rm_article *a = NULL;
    rm_status st = rm_extract(bytes, len, &lib, &a);
    free(bytes);
    slot->outcome = outcome_of(st);
    if (st != RM_OK)
        slot->note = format_note(name, rm_status_message(st));
    if (opt->out_dir && a) {
        const char *out = run->names.items[slot->index];
        int wrc = cli_write_file(out, opt, a);
        if (wrc) {
            slot->outcome = PAGE_WRITE_FAILED;
            free(slot->note);
            slot->note = format_note(out, strerror(wrc));
        }
    } else if (!opt->out_dir) {
        render_to_stdout(run, slot, name, st, a, NULL, NULL);
    }
    rm_article_free(a);
}

/* ---- JSON lines ---------------------------------------------------------------- */

/* Room a --jsonl line has beyond its page, for the other fields (id, url,
 * charset, content_type) and the JSON around them. */
#define LINE_FIELDS_ALLOWANCE (64 * 1024)

static int next_line(void *ctx, void *p)
{
    bulk_run *run = ctx;
    page_slot *slot = p;
    size_t limit = run->opt->max_size ? run->opt->max_size + LINE_FIELDS_ALLOWANCE : 0;
    for (;;) {
        cli_line_status st = cli_read_line(stdin, limit, &slot->line, &slot->line_len);
        if (st == CLI_LINE_END) {
            if (ferror(stdin)) {
                run->input_failed = true;
                run->input_errno = errno;
            }
            return 0;
        }
        if (st == CLI_LINE_TOO_LARGE || !slot->line || slot->line_len > 0) {
            slot->line_too_large = st == CLI_LINE_TOO_LARGE;
            slot->index = run->next_input++;
            return 1;
        }
        free(slot->line);   /* blank lines are skipped */
        slot->line = NULL;
    }
}

/* The charset a request names: "charset", else the charset parameter of
 * "content_type" (as in an HTTP Content-Type header); malloc'd or NULL. */
static char *request_charset(const cJSON *req)
{
    const cJSON *cs = cJSON_GetObjectItemCaseSensitive(req, "charset");
    if (cJSON_IsString(cs) && *cs->valuestring)
        return strdup(cs->valuestring);
    const cJSON *ct = cJSON_GetObjectItemCaseSensitive(req, "content_type");
    if (!cJSON_IsString(ct))
        return NULL;
    for (const char *p = ct->valuestring; (p = strchr(p, ';')) != NULL;) {
        p++;
        p += strspn(p, " \t");
        if (strncasecmp(p, "charset=", 8) != 0)
            continue;
        p += 8;
        if (*p == '"')
            p++;
        size_t n = strcspn(p, "\"; \t");
        return n ? strndup(p, n) : NULL;
    }
    return NULL;
}

/* The fields of one line, read as strictly as the host reads a frame
 * (request.h); others are ignored. */
static const request_field line_fields[] = {
    {"id", FIELD_ANY, false, NULL},
    {"url", FIELD_STRING, false, NULL},
    {"html", FIELD_STRING, true, NULL},
    {"charset", FIELD_STRING, false, NULL},
    {"content_type", FIELD_STRING, false, NULL},
    {NULL, FIELD_ANY, false, NULL},
};

static void handle_request(const cli_options *opt, rm_workspace *workspace, const char *line,
                           size_t len, cJSON *record, page_outcome *outcome)
{
    *outcome = PAGE_REJECTED;
    cJSON *req;
    char why[256];
    request_status parsed = request_parse(line, len, &req, why, sizeof why);
    if (parsed == REQUEST_BAD_UTF8 || parsed == REQUEST_BAD_JSON || !cJSON_IsObject(req)) {
        cli_record_error(record, parsed == REQUEST_BAD_UTF8 ? "bad_utf8" : "bad_json",
                         parsed == REQUEST_OK || parsed == REQUEST_NUL
                             ? "line is not a JSON object"
                             : why);
        cJSON_Delete(req);
        return;
    }
    cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "id");
    cJSON *url = cJSON_GetObjectItemCaseSensitive(req, "url");
    cJSON *html = cJSON_GetObjectItemCaseSensitive(req, "html");
    if (id)
        cJSON_AddItemToObject(record, "id", cJSON_Duplicate(id, 1));
    if (cJSON_IsString(url))
        cJSON_AddStringToObject(record, "url", url->valuestring);
    if (parsed == REQUEST_NUL || request_check(req, line_fields, why, sizeof why) != 0) {
        cli_record_error(record, "bad_request", why);
        cJSON_Delete(req);
        return;
    }
    rm_options lib = cli_library_options(opt, cJSON_IsString(url) ? url->valuestring : NULL);
    lib.formats = RM_FORMAT_ALL;
    lib.workspace = workspace;
    char *charset = request_charset(req);
    if (charset)
        lib.charset = charset;
    rm_article *a = NULL;
    rm_status st = rm_extract(html->valuestring, strlen(html->valuestring), &lib, &a);
    free(charset);
    cJSON_Delete(req);
    *outcome = outcome_of(st);
    cli_record_result(record, st, a);
    rm_article_free(a);
}

static void work_line(void *ctx, rm_workspace *workspace, void *p)
{
    const bulk_run *run = ctx;
    page_slot *slot = p;
    cJSON *record = cJSON_CreateObject();
    if (record) {
        if (slot->line_too_large) {
            char why[96];
            snprintf(why, sizeof why, "line exceeds --max-size (%zu bytes)", run->opt->max_size);
            cli_record_error(record, "too_large", why);
            slot->outcome = PAGE_REJECTED;
        } else if (!slot->line) {
            cli_record_error(record, rm_status_code(RM_NO_MEMORY), "line could not be held in memory");
            slot->outcome = PAGE_REJECTED;
        } else {
            handle_request(run->opt, workspace, slot->line, slot->line_len, record, &slot->outcome);
        }
    }
    free(slot->line);
    slot->line = NULL;
    set_record_output(slot, record);
    if (!slot->out) {
        slot->outcome = PAGE_REJECTED;
        slot->note = format_note("record", "out of memory");
    }
}

/* ---- progress, notes and summary ------------------------------------------------ */

static size_t failures(const bulk_run *run)
{
    return run->counts[PAGE_REJECTED] + run->counts[PAGE_UNREADABLE] +
           run->counts[PAGE_WRITE_FAILED];
}

static void clear_progress(bulk_run *run)
{
    if (run->progress_shown) {
        fputs("\r\033[K", stderr);
        run->progress_shown = false;
    }
}

static void draw_progress(bulk_run *run, bool force)
{
    double t = now();
    if (!run->progress || (!force && t - run->last_drawn < 0.2))
        return;
    run->last_drawn = t;
    double elapsed = t - run->started;
    double rate = elapsed > 0 ? (double)run->done / elapsed : 0;
    if (run->total)
        fprintf(stderr, "\r\033[K%zu/%zu pages, %.1f pages/s, %zu failed", run->done, run->total,
                rate, failures(run));
    else
        fprintf(stderr, "\r\033[K%zu pages, %.1f pages/s, %zu failed", run->done, rate,
                failures(run));
    run->progress_shown = true;
}

static void print_summary(bulk_run *run)
{
    clear_progress(run);
    if (run->opt->quiet)
        return;
    fprintf(stderr, "readmode: %zu pages, %zu articles, %zu without article, %zu errors, %.1f s\n",
            run->done, run->counts[PAGE_ARTICLE], run->counts[PAGE_NO_ARTICLE], failures(run),
            now() - run->started);
}

static void discard_slot(void *p)
{
    page_slot *slot = p;
    free(slot->line);
    free(slot->out);
    free(slot->note);
}

/* Print one result; nonzero when stdout failed (the run stops). */
static int emit_slot(void *ctx, void *p)
{
    bulk_run *run = ctx;
    page_slot *slot = p;
    int failed = 0;
    if (slot->out && fwrite(slot->out, 1, slot->out_len, stdout) != slot->out_len)
        failed = 1;
    if (!failed && run->opt->jsonl && fflush(stdout))
        failed = 1;
    run->counts[slot->outcome]++;
    run->done++;
    if (slot->note && !run->opt->quiet && !run->opt->jsonl) {
        clear_progress(run);
        fprintf(stderr, "%s\n", slot->note);
    }
    discard_slot(slot);
    /* The first page and the last are always shown, the rest at most five
     * times a second. */
    draw_progress(run, run->done == 1 || run->done == run->total);
    return failed;
}

/* The exit status of a finished bulk run. */
static int bulk_status(const bulk_run *run, int pool_rc)
{
    if (pool_rc > 0 || run->counts[PAGE_WRITE_FAILED])
        return CLI_EXIT_IO;
    if (pool_rc < 0) {
        fprintf(stderr, "readmode: cannot start worker threads\n");
        return CLI_EXIT_IO;
    }
    if (run->counts[PAGE_UNREADABLE] || run->input_failed)
        return CLI_EXIT_INPUT;
    return CLI_EXIT_OK;
}

static int run_pool(bulk_run *run, int (*next)(void *, void *),
                    void (*work)(void *, rm_workspace *, void *))
{
    cli_output_prepare();
    /* Before the pool's threads start, so that they inherit the blocked
     * signals: only the guard takes them. */
    int grc = run->opt->out_dir ? cli_tempfiles_guard() : 0;
    if (grc) {
        fprintf(stderr, "readmode: cannot guard the output files: %s\n", strerror(grc));
        return CLI_EXIT_IO;
    }
    run->started = run->last_drawn = now();
    run->progress = !run->opt->quiet && isatty(STDERR_FILENO);
    cli_pool_spec spec = {
        .next = next, .work = work, .emit = emit_slot, .discard = discard_slot,
        .ctx = run, .slot_size = sizeof(page_slot),
        .workers = run->opt->jobs ? run->opt->jobs : default_jobs(),
    };
    int rc = cli_pool_run(&spec);
    cli_tempfiles_unguard();
    if (rc > 0)
        clear_progress(run);   /* stdout failed: cli_run reports it */
    else
        print_summary(run);
    return bulk_status(run, rc);
}

int cli_run_files(const cli_options *opt)
{
    bulk_run run = {.opt = opt};
    char err[512];
    size_t unreadable_dirs;
    int rc = cli_inputs_collect(opt, &run.inputs, &unreadable_dirs, err, sizeof err);
    if (rc) {
        fprintf(stderr, "readmode: %s\n", err);
        cli_list_free(&run.inputs);
        return rc;
    }
    if (opt->out_dir) {
        int mrc = cli_make_dirs(opt->out_dir);
        if (mrc || cli_output_names(opt->out_dir, &run.inputs, opt->format, &run.names)) {
            fprintf(stderr, "readmode: %s: %s\n", opt->out_dir, strerror(mrc ? mrc : ENOMEM));
            cli_list_free(&run.inputs);
            cli_list_free(&run.names);
            return CLI_EXIT_IO;
        }
    }
    run.total = run.inputs.count;
    rc = run_pool(&run, next_file, work_file);
    cli_list_free(&run.inputs);
    cli_list_free(&run.names);
    if (unreadable_dirs && rc < CLI_EXIT_INPUT)
        rc = CLI_EXIT_INPUT;
    return rc;
}

int cli_run_jsonl(const cli_options *opt)
{
    bulk_run run = {.opt = opt};
    int rc = run_pool(&run, next_line, work_line);
    if (run.input_failed)
        fprintf(stderr, "readmode: standard input: %s\n", strerror(run.input_errno));
    return rc;
}
