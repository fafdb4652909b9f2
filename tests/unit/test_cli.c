/*
 * test_cli.c — command-line parsing: every option in both spellings, and
 * each usage error with its message.
 */
#include "testutil.h"

#include "cli.h"

static int parse(cli_options *opt, char *err, const char *a1, const char *a2, const char *a3,
                 const char *a4)
{
    /* Static: opt->files points into argv after parsing. */
    static char *argv[6];
    argv[0] = "readmode";
    argv[1] = (char *)a1;
    argv[2] = (char *)a2;
    argv[3] = (char *)a3;
    argv[4] = (char *)a4;
    argv[5] = NULL;
    int argc = 1;
    while (argc < 5 && argv[argc])
        argc++;
    return cli_parse(argc, argv, opt, err, 256);
}

START_TEST(defaults)
{
    cli_options opt;
    char err[256];
    ck_assert_int_eq(parse(&opt, err, NULL, NULL, NULL, NULL), 0);
    ck_assert_int_eq(opt.format, CLI_TEXT);
    ck_assert_uint_eq(opt.file_count, 0);
    ck_assert_uint_eq(opt.width, 0);
    ck_assert_uint_eq(opt.max_size, (size_t)64 << 20);
    ck_assert(!opt.probe && !opt.jsonl && !opt.help);
}
END_TEST

START_TEST(formats_and_values)
{
    cli_options opt;
    char err[256];
    ck_assert_int_eq(parse(&opt, err, "-f", "json", "page.html", NULL), 0);
    ck_assert_int_eq(opt.format, CLI_JSON);
    ck_assert_uint_eq(opt.file_count, 1);
    ck_assert_str_eq(opt.files[0], "page.html");
    ck_assert_int_eq(parse(&opt, err, "--format=markdown", "--width=72", NULL, NULL), 0);
    ck_assert_int_eq(opt.format, CLI_MARKDOWN);
    ck_assert_uint_eq(opt.width, 72);
    ck_assert_int_eq(parse(&opt, err, "--url", "https://x.org/", "-c", "latin1"), 0);
    ck_assert_str_eq(opt.url, "https://x.org/");
    ck_assert_str_eq(opt.charset, "latin1");
    ck_assert_int_eq(parse(&opt, err, "-o", "out", "a.html", "b.html"), 0);
    ck_assert_str_eq(opt.out_dir, "out");
    ck_assert_uint_eq(opt.file_count, 2);
    ck_assert_int_eq(parse(&opt, err, "--max-size", "0", "--probe", "-"), 0);
    ck_assert_uint_eq(opt.max_size, 0);
    ck_assert(opt.probe);
    ck_assert_str_eq(opt.files[0], "-");
    ck_assert_int_eq(parse(&opt, err, "a.html", "-f", "json", "b.html"), 0);
    ck_assert_int_eq(opt.format, CLI_JSON);
    ck_assert_uint_eq(opt.file_count, 2);
    ck_assert_str_eq(opt.files[0], "a.html");
    ck_assert_str_eq(opt.files[1], "b.html");
    ck_assert_int_eq(parse(&opt, err, "--", "-f", NULL, NULL), 0);
    ck_assert_str_eq(opt.files[0], "-f");
}
END_TEST

START_TEST(getopt_spellings)
{
    cli_options opt;
    char err[256];
    ck_assert_int_eq(parse(&opt, err, "-fmarkdown", "-w72", NULL, NULL), 0);
    ck_assert_int_eq(opt.format, CLI_MARKDOWN);
    ck_assert_uint_eq(opt.width, 72);
    ck_assert_int_eq(parse(&opt, err, "-rqj4", "-ohtml-out", "a", NULL), 0);
    ck_assert(opt.recursive && opt.quiet);
    ck_assert_uint_eq(opt.jobs, 4);
    ck_assert_str_eq(opt.out_dir, "html-out");
    ck_assert_int_eq(parse(&opt, err, "--files-from=-", "-0", NULL, NULL), 0);
    ck_assert_str_eq(opt.files_from, "-");
    ck_assert(opt.null_separated);
    ck_assert_int_eq(parse(&opt, err, "--form=json", "--jobs", "2", NULL), 0);   /* prefix */
    ck_assert_int_eq(opt.format, CLI_JSON);
    ck_assert_uint_eq(opt.jobs, 2);
}
END_TEST

START_TEST(usage_errors)
{
    cli_options opt;
    char err[256];
    ck_assert_int_eq(parse(&opt, err, "-f", "pdf", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_ptr_nonnull(strstr(err, "unknown format 'pdf'"));
    ck_assert_int_eq(parse(&opt, err, "--width", "wide", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_ptr_nonnull(strstr(err, "--width"));
    ck_assert_int_eq(parse(&opt, err, "--width", "-3", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "--bogus", NULL, NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_ptr_nonnull(strstr(err, "unknown option '--bogus'"));
    ck_assert_int_eq(parse(&opt, err, "--url", NULL, NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "--jsonl", "a.html", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "-o", "dir", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "--max-size", "lots", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "-j", "0", NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "-0", NULL, NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "--files-from", "-", "-", NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "--probe", "a", "b", NULL), CLI_EXIT_USAGE);
    ck_assert_int_eq(parse(&opt, err, "-x", NULL, NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_str_eq(err, "unknown option '-x' (see --help)");
    ck_assert_int_eq(parse(&opt, err, "-f", NULL, NULL, NULL), CLI_EXIT_USAGE);
    ck_assert_str_eq(err, "option '-f' needs a value (see --help)");
}
END_TEST

START_TEST(help_and_version_flags)
{
    cli_options opt;
    char err[256];
    ck_assert_int_eq(parse(&opt, err, "-h", NULL, NULL, NULL), 0);
    ck_assert(opt.help);
    ck_assert_int_eq(parse(&opt, err, "--version", NULL, NULL, NULL), 0);
    ck_assert(opt.version);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, defaults);
    tcase_add_test(tc, formats_and_values);
    tcase_add_test(tc, getopt_spellings);
    tcase_add_test(tc, usage_errors);
    tcase_add_test(tc, help_and_version_flags);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(cli_suite)
