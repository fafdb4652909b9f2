/*
 * test_config.c — the configuration file format and where the library
 * folder ends up: --library, then the config file, then XDG_DATA_HOME,
 * then ~/.local/share.
 */
#include "config.h"
#include "testutil.h"
#include "tmpdir.h"

#include <unistd.h>

START_TEST(test_parse)
{
    config cfg;
    char err[256];
    ck_assert_int_eq(config_parse("# readmode settings\n"
                                  "\n"
                                  "library = ~/Articles   # where saves go\n"
                                  "  theme=dark\n"
                                  "quoted = \" spaced value \"\n"
                                  "empty =\n"
                                  "library = /srv/later-wins\n",
                                  "cfg", &cfg, err, sizeof err),
                     0);
    ck_assert_str_eq(config_get(&cfg, "library"), "/srv/later-wins");
    ck_assert_str_eq(config_get(&cfg, "theme"), "dark");
    ck_assert_str_eq(config_get(&cfg, "quoted"), " spaced value ");
    ck_assert_str_eq(config_get(&cfg, "empty"), "");
    ck_assert_ptr_null(config_get(&cfg, "missing"));
    config_free(&cfg);
}
END_TEST

START_TEST(test_parse_errors)
{
    static const struct { const char *text, *message; } bad[] = {
        {"library = /x\njust words\n", "cfg:2: expected `key = value`"},
        {"= value\n", "cfg:1: missing key before `=`"},
        {"\n\nbad key = 1\n", "cfg:3: keys are letters, digits, `_` and `-`"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        config cfg;
        char err[256] = "";
        ck_assert_int_eq(config_parse(bad[i].text, "cfg", &cfg, err, sizeof err), -1);
        ck_assert_str_eq(err, bad[i].message);
        ck_assert_uint_eq(cfg.count, 0);
    }
}
END_TEST

START_TEST(test_load_missing_is_empty)
{
    config cfg;
    char err[256];
    ck_assert_int_eq(config_load("/nonexistent/readmode/config", &cfg, err, sizeof err), 0);
    ck_assert_uint_eq(cfg.count, 0);
    char *dir = tu_mkdtemp("cfgdir");
    ck_assert_int_eq(config_load(dir, &cfg, err, sizeof err), -1);   /* a directory */
    ck_assert(strstr(err, dir) != NULL);
    tu_rmtree(dir);
}
END_TEST

/* A scratch HOME with XDG variables unset. */
static char *fresh_home(void)
{
    char *home = tu_mkdtemp("home");
    setenv("HOME", home, 1);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_DATA_HOME");
    return home;
}

static void write_config(const char *config_dir, const char *text)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/readmode", config_dir);
    mkdir(config_dir, 0700);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/readmode/config", config_dir);
    ck_assert_int_eq(tu_write_file(path, text), 0);
}

static void assert_library(const char *override, const char *expected)
{
    char err[512] = "";
    char *dir = config_library_dir(override, err, sizeof err);
    ck_assert_msg(dir != NULL, "no library: %s", err);
    ck_assert_str_eq(dir, expected);
    free(dir);
}

START_TEST(test_library_precedence)
{
    char *home = fresh_home();
    char expected[4400], xdg[4200];

    snprintf(expected, sizeof expected, "%s/.local/share/readmode", home);
    assert_library(NULL, expected);

    snprintf(xdg, sizeof xdg, "%s/data", home);
    setenv("XDG_DATA_HOME", xdg, 1);
    snprintf(expected, sizeof expected, "%s/data/readmode", home);
    assert_library(NULL, expected);

    setenv("XDG_DATA_HOME", "relative/data", 1);   /* invalid per XDG: ignored */
    snprintf(expected, sizeof expected, "%s/.local/share/readmode", home);
    assert_library(NULL, expected);
    setenv("XDG_DATA_HOME", xdg, 1);

    snprintf(xdg, sizeof xdg, "%s/.config", home);   /* default config location */
    write_config(xdg, "library = ~/Articles\n");
    snprintf(expected, sizeof expected, "%s/Articles", home);
    assert_library(NULL, expected);

    snprintf(xdg, sizeof xdg, "%s/cfg", home);       /* XDG_CONFIG_HOME wins */
    setenv("XDG_CONFIG_HOME", xdg, 1);
    write_config(xdg, "library = /srv/articles\n");
    assert_library(NULL, "/srv/articles");

    assert_library("/tmp/override", "/tmp/override");   /* --library wins */
    snprintf(expected, sizeof expected, "%s/Saved", home);
    assert_library("~/Saved", expected);
    char cwd[4096];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    snprintf(expected, sizeof expected, "%s/rel", cwd);
    assert_library("rel", expected);
    tu_rmtree(home);
}
END_TEST

START_TEST(test_library_errors)
{
    char *home = fresh_home();
    char cfg[4200], err[512] = "";
    snprintf(cfg, sizeof cfg, "%s/.config", home);
    write_config(cfg, "library = articles\n");
    ck_assert_ptr_null(config_library_dir(NULL, err, sizeof err));
    ck_assert(strstr(err, "absolute path") != NULL);
    write_config(cfg, "library\n");
    ck_assert_ptr_null(config_library_dir(NULL, err, sizeof err));
    ck_assert(strstr(err, "config:1: expected") != NULL);
    unsetenv("HOME");
    ck_assert_ptr_null(config_library_dir(NULL, err, sizeof err));
    ck_assert(strstr(err, "--library") != NULL);
    tu_rmtree(home);
}
END_TEST

START_TEST(test_expand_home)
{
    setenv("HOME", "/home/reader", 1);
    char *s = config_expand_home("~");
    ck_assert_str_eq(s, "/home/reader");
    free(s);
    s = config_expand_home("~/a/b");
    ck_assert_str_eq(s, "/home/reader/a/b");
    free(s);
    s = config_expand_home("~other/a");   /* other users' homes are not expanded */
    ck_assert_str_eq(s, "~other/a");
    free(s);
}
END_TEST

static Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_parse_errors);
    tcase_add_test(tc, test_load_missing_is_empty);
    tcase_add_test(tc, test_library_precedence);
    tcase_add_test(tc, test_library_errors);
    tcase_add_test(tc, test_expand_home);
    suite_add_tcase(s, tc);
    return s;
}

RM_TEST_MAIN(config_suite)
