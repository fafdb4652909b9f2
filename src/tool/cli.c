/*
 * cli.c — `readmode [OPTIONS] [FILE...]`: clean pages from files or stdin.
 *
 * A thin front end over rm_extract: it parses options the way GNU tools
 * do (getopt_long: -fmarkdown, --format=markdown, bundled flags, --),
 * reads input bounded by --max-size before anything is parsed, and maps
 * outcomes to exit statuses. A single page goes to stdout; several pages,
 * -o DIR, -r, --files-from and --jsonl are bulk runs (cli_bulk.c).
 * Errors are one line on stderr: "readmode: FILE: message".
 */
#include "cli.h"

#include "cli_bulk.h"
#include "cli_output.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_MAX_SIZE ((size_t)64 << 20)
#define MAX_JOBS 1024

static const struct { const char *name; cli_format format; } formats[] = {
    {"text", CLI_TEXT}, {"txt", CLI_TEXT},  {"markdown", CLI_MARKDOWN},
    {"md", CLI_MARKDOWN}, {"html", CLI_HTML}, {"json", CLI_JSON},
};

void cli_print_help(void)
{
    fputs(
        "Usage: readmode [OPTIONS] [FILE...]\n"
        "       readmode save [--format md|txt|html|epub] [--url URL] [--library DIR] [--force] FILE\n"
        "       readmode list [--library DIR] [--json] [--grep WORDS] [--since DATE]\n"
        "       readmode show|delete [--library DIR] URL|PATH\n"
        "       readmode --native [--max-message BYTES] [--library DIR]\n"
        "                            (serve the browser extension over native messaging)\n"
        "\n"
        "Extract the article from web pages: title, metadata and the body as clean\n"
        "text, Markdown or sanitized HTML, without navigation, comments, ad-block nags,\n"
        "related posts, share bars, cookie banners, newsletter prompts or footers.\n"
        "With no FILE, or FILE '-', read standard input.\n"
        "\n"
        "Options:\n"
        "  -f, --format=FMT      text (default: title, blank line, body), markdown, html,\n"
        "                        or json (every field, including what was removed)\n"
        "  -u, --url=URL         the page's URL: base for links and images\n"
        "  -c, --charset=NAME    input encoding (default: BOM, <meta>, else detected)\n"
        "  -w, --width=N         wrap text output at N display columns (code is not wrapped)\n"
        "      --probe           only decide whether the page is an article (exit 0 yes, 1 no)\n"
        "      --max-size=N      refuse inputs larger than N bytes (default 64 MiB; 0: no\n"
        "                        limit); --jsonl: a longer line is skipped, not held\n"
        "\n"
        "Bulk runs (several inputs, -o, -r, --files-from, --jsonl):\n"
        "  -o, --output=DIR      write one file per input into DIR (created), keeping each\n"
        "                        input's relative path: a/x.html -> DIR/a/x.txt; Ctrl-C,\n"
        "                        SIGTERM or SIGHUP leave only finished files\n"
        "  -r, --recursive       FILE may be a folder: take its .html/.htm/.xhtml/.shtml\n"
        "                        files, sub-folders included\n"
        "      --files-from=LIST read input names from LIST, one per line ('-': stdin)\n"
        "  -0, --null            names in LIST end with a NUL byte (find -print0)\n"
        "      --jsonl           stream: read JSON lines {\"url\":...,\"html\":...} on stdin,\n"
        "                        write one JSON result per line, in input order\n"
        "  -j, --jobs=N          pages cleaned in parallel (default: one per core)\n"
        "  -q, --quiet           no progress line, per-page notes or summary on stderr\n"
        "  Several inputs with -f json print JSON Lines: one {\"file\",\"ok\",\"article\"}\n"
        "  object per input; other formats print \"==> FILE <==\" before each page.\n"
        "\n"
        "  -h, --help            show this help\n"
        "  -V, --version         show the version\n"
        "\n"
        "Exit status:\n"
        "  0  success: single page: an article was found; bulk run: every input was\n"
        "     read and every result written (pages without article or not HTML are\n"
        "     reported in the output and in the summary on stderr)\n"
        "  1  single page or --probe: no article found (the best text is still printed)\n"
        "  2  usage error\n"
        "  3  an input could not be read (missing, unreadable, a folder without -r);\n"
        "     single page: also not HTML or over --max-size\n"
        "  4  the output could not be written (disk full, -o DIR not writable)\n"
        "  A run ended by a signal ends by it (130 in a shell for Ctrl-C).\n",
        stdout);
}

static int usage_error(char *err, size_t len, const char *fmt, const char *arg)
{
    snprintf(err, len, fmt, arg);
    return CLI_EXIT_USAGE;
}

static int parse_unsigned(const char *s, size_t *out)
{
    if (!s || !*s || s[0] == '-' || s[0] == '+')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = (size_t)v;
    return 0;
}

static int parse_format(const char *v, cli_format *f)
{
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (strcmp(v, formats[k].name) == 0) {
            *f = formats[k].format;
            return 0;
        }
    return -1;
}

enum { OPT_PROBE = 256, OPT_JSONL, OPT_MAX_SIZE, OPT_FILES_FROM };

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},  {"url", required_argument, NULL, 'u'},
    {"charset", required_argument, NULL, 'c'}, {"width", required_argument, NULL, 'w'},
    {"output", required_argument, NULL, 'o'},  {"recursive", no_argument, NULL, 'r'},
    {"jobs", required_argument, NULL, 'j'},    {"null", no_argument, NULL, '0'},
    {"quiet", no_argument, NULL, 'q'},         {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},       {"probe", no_argument, NULL, OPT_PROBE},
    {"jsonl", no_argument, NULL, OPT_JSONL},   {"max-size", required_argument, NULL, OPT_MAX_SIZE},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {NULL, 0, NULL, 0},
};

/* One option with its value; returns 0 or CLI_EXIT_USAGE. */
static int take_option(int c, const char *v, const char *spelled, cli_options *opt, char *err,
                       size_t err_len)
{
    size_t n;
    switch (c) {
    case 'f':
        if (parse_format(v, &opt->format))
            return usage_error(err, err_len, "unknown format '%s' (text, markdown, html, json)", v);
        return 0;
    case 'u':
        if (!*v)
            return usage_error(err, err_len, "%s needs a URL", spelled);
        opt->url = v;
        return 0;
    case 'c':
        if (!*v)
            return usage_error(err, err_len, "%s needs an encoding name", spelled);
        opt->charset = v;
        return 0;
    case 'w':
        if (parse_unsigned(v, &n) || n > 10000)
            return usage_error(err, err_len, "--width takes a number of columns, not '%s'", v);
        opt->width = (unsigned)n;
        return 0;
    case 'o':
        if (!*v)
            return usage_error(err, err_len, "%s needs a directory", spelled);
        opt->out_dir = v;
        return 0;
    case 'j':
        if (parse_unsigned(v, &n) || n == 0 || n > MAX_JOBS)
            return usage_error(err, err_len, "--jobs takes a number from 1 to 1024, not '%s'", v);
        opt->jobs = (unsigned)n;
        return 0;
    case OPT_MAX_SIZE:
        if (parse_unsigned(v, &opt->max_size))
            return usage_error(err, err_len, "--max-size takes a number of bytes, not '%s'", v);
        return 0;
    case OPT_FILES_FROM:
        if (!*v)
            return usage_error(err, err_len, "%s needs a file name ('-': stdin)", spelled);
        opt->files_from = v;
        return 0;
    case 'r': opt->recursive = true; return 0;
    case '0': opt->null_separated = true; return 0;
    case 'q': opt->quiet = true; return 0;
    case 'h': opt->help = true; return 0;
    case 'V': opt->version = true; return 0;
    case OPT_PROBE: opt->probe = true; return 0;
    case OPT_JSONL: opt->jsonl = true; return 0;
    }
    return usage_error(err, err_len, "unknown option '%s' (see --help)", spelled);
}

/* Combinations that cannot work, checked once every option is known. */
static int check_combination(const cli_options *opt, char *err, size_t err_len)
{
    bool stdin_file = false;
    for (size_t i = 0; i < opt->file_count; i++)
        stdin_file |= strcmp(opt->files[i], "-") == 0;
    if (opt->jsonl && (opt->file_count > 0 || opt->files_from))
        return usage_error(err, err_len, "%s reads standard input; give no FILE", "--jsonl");
    if (opt->out_dir && opt->file_count == 0 && !opt->files_from)
        return usage_error(err, err_len, "%s needs input FILEs", "-o");
    if (opt->null_separated && !opt->files_from)
        return usage_error(err, err_len, "%s goes with --files-from", "-0");
    if (opt->files_from && strcmp(opt->files_from, "-") == 0 && stdin_file)
        return usage_error(err, err_len, "%s: standard input cannot be both the list and a page",
                           "--files-from -");
    if (opt->probe && (opt->jsonl || opt->out_dir || opt->files_from || opt->recursive ||
                       opt->file_count > 1))
        return usage_error(err, err_len, "%s judges one page; give one FILE", "--probe");
    return 0;
}

int cli_parse(int argc, char **argv, cli_options *opt, char *err, size_t err_len)
{
    memset(opt, 0, sizeof *opt);
    opt->max_size = DEFAULT_MAX_SIZE;
    optind = 0;   /* glibc: start over, so the parser can run more than once */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:u:c:w:o:rj:0qhV", long_options, NULL)) != -1) {
        const char *spelled = argv[optind - 1];
        if (c == '?') {
            if (optopt)
                snprintf(err, err_len, "unknown option '-%c' (see --help)", optopt);
            else
                snprintf(err, err_len, "unknown option '%s' (see --help)", spelled);
            return CLI_EXIT_USAGE;
        }
        if (c == ':') {
            if (optopt && optopt < 256)
                snprintf(err, err_len, "option '-%c' needs a value (see --help)", optopt);
            else
                snprintf(err, err_len, "option '%s' needs a value (see --help)", spelled);
            return CLI_EXIT_USAGE;
        }
        int rc = take_option(c, optarg ? optarg : "", spelled, opt, err, err_len);
        if (rc)
            return rc;
    }
    opt->files = argv + optind;
    opt->file_count = (size_t)(argc - optind);
    return check_combination(opt, err, err_len);
}

/* ---- input ----------------------------------------------------------------- */

/* Read all of a stream, failing (EFBIG) past max bytes without reading on. */
static int read_stream(FILE *f, size_t max, char **out, size_t *out_len)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (len == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                return ENOMEM;
            }
            buf = grown;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (max && len > max) {
            free(buf);
            return EFBIG;
        }
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        int saved = errno ? errno : EIO;
        free(buf);
        return saved;
    }
    *out = buf;
    *out_len = len;
    return 0;
}

int cli_read_input(const char *path, size_t max, char **out, size_t *len)
{
    if (strcmp(path, "-") == 0)
        return read_stream(stdin, max, out, len);
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return EISDIR;
    if (stat(path, &sb) == 0 && max && S_ISREG(sb.st_mode) && (size_t)sb.st_size > max)
        return EFBIG;
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    int rc = read_stream(f, max, out, len);
    fclose(f);
    return rc;
}

/* ---- one page ---------------------------------------------------------------- */

static void report(const char *name, const char *message)
{
    fprintf(stderr, "readmode: %s: %s\n", name, message);
}

/* The message for an input that could not be read. */
const char *cli_read_error_message(int err)
{
    if (err == EFBIG)
        return "input exceeds --max-size";
    if (err == EISDIR)
        return "Is a directory (use -r to read the pages in it)";
    return strerror(err);
}

static int run_single(const cli_options *opt, const char *path)
{
    const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
    char *bytes;
    size_t len;
    int rc = cli_read_input(path, opt->max_size, &bytes, &len);
    if (rc) {
        report(name, cli_read_error_message(rc));
        return CLI_EXIT_INPUT;
    }
    rm_options lib = cli_library_options(opt, NULL);
    rm_article *a = NULL;
    rm_status st = rm_extract(bytes, len, &lib, &a);
    free(bytes);
    if (st != RM_OK && st != RM_NO_ARTICLE) {
        report(name, rm_status_message(st));
        return cli_exit_code_for(st);
    }
    if (opt->probe) {
        bool readerable = a && a->readerable;
        rm_article_free(a);
        return readerable ? CLI_EXIT_OK : CLI_EXIT_NO_ARTICLE;
    }
    if (st == RM_NO_ARTICLE)
        report(name, rm_status_message(st));
    int code = cli_exit_code_for(st);
    errno = 0;
    if (cli_write_article(stdout, opt, a)) {
        if (!ferror(stdout))
            report(name, strerror(errno));
        code = CLI_EXIT_IO;
    }
    rm_article_free(a);
    return code;
}

/* Flush and close stdout, so that a full disk or a failed pipe is seen
 * here and not lost at exit. */
static int finish_stdout(int code)
{
    errno = 0;
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int saved = errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        report("standard output", strerror(saved ? saved : EIO));
        return CLI_EXIT_IO;
    }
    return code;
}

static bool is_bulk(const cli_options *opt)
{
    return opt->jsonl || opt->out_dir || opt->files_from || opt->recursive ||
           opt->file_count > 1;
}

int cli_run(const cli_options *opt)
{
    int code;
    if (opt->help) {
        cli_print_help();
        code = CLI_EXIT_OK;
    } else if (opt->version) {
        printf("readmode %s\n", RM_VERSION);
        code = CLI_EXIT_OK;
    } else if (opt->jsonl) {
        code = cli_run_jsonl(opt);
    } else if (is_bulk(opt)) {
        code = cli_run_files(opt);
    } else {
        code = run_single(opt, opt->file_count ? opt->files[0] : "-");
    }
    int final = finish_stdout(code);
    return final > code ? final : code;
}
