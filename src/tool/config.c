/*
 * config.c — read the configuration file and decide where the library
 * folder is.
 *
 * The format is deliberately tiny (`key = value` lines) because it has a
 * single setting today; a real parser for INI or TOML would be a dependency
 * for nothing. Locations follow the XDG Base Directory specification, which
 * says relative XDG_* values are invalid and must be ignored.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Largest configuration file read; anything bigger is not a config file. */
#define CONFIG_MAX_BYTES (1u << 20)

static char *str_concat3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = malloc(la + lb + lc + 1);
    if (!s)
        return NULL;
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, c, lc + 1);
    return s;
}

/* An XDG variable's value when set to an absolute path, else NULL. */
static const char *xdg_dir(const char *name)
{
    const char *v = getenv(name);
    return v && v[0] == '/' ? v : NULL;
}

static const char *home_dir(void)
{
    const char *h = getenv("HOME");
    return h && *h ? h : NULL;
}

char *config_expand_home(const char *path)
{
    if (path[0] != '~' || (path[1] != '\0' && path[1] != '/'))
        return strdup(path);
    const char *home = home_dir();
    return home ? str_concat3(home, path + 1, "") : NULL;
}

char *config_file_path(void)
{
    const char *xdg = xdg_dir("XDG_CONFIG_HOME");
    if (xdg)
        return str_concat3(xdg, "/readmode/config", "");
    const char *home = home_dir();
    return home ? str_concat3(home, "/.config/readmode/config", "") : NULL;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

static int add_entry(config *cfg, const char *key, const char *value)
{
    config_entry *grown = realloc(cfg->entries, (cfg->count + 1) * sizeof *grown);
    if (!grown)
        return -1;
    cfg->entries = grown;
    config_entry *e = &cfg->entries[cfg->count];
    e->key = strdup(key);
    e->value = strdup(value);
    if (!e->key || !e->value) {
        free(e->key);
        free(e->value);
        return -1;
    }
    cfg->count++;
    return 0;
}

/* One line, already stripped of its comment. Returns 0 or an error text. */
static const char *parse_line(config *cfg, char *line)
{
    char *t = trim(line);
    if (*t == '\0')
        return NULL;
    char *eq = strchr(t, '=');
    if (!eq)
        return "expected `key = value`";
    *eq = '\0';
    char *key = trim(t), *value = trim(eq + 1);
    if (*key == '\0')
        return "missing key before `=`";
    for (const char *k = key; *k; k++)
        if (!isalnum((unsigned char)*k) && *k != '_' && *k != '-')
            return "keys are letters, digits, `_` and `-`";
    size_t vlen = strlen(value);
    if (vlen >= 2 && value[0] == '"' && value[vlen - 1] == '"') {
        value[vlen - 1] = '\0';
        value++;
    }
    return add_entry(cfg, key, value) ? "out of memory" : NULL;
}

int config_parse(const char *text, const char *origin, config *cfg, char *err,
                 size_t errlen)
{
    cfg->entries = NULL;
    cfg->count = 0;
    char *copy = strdup(text);
    if (!copy) {
        snprintf(err, errlen, "%s: out of memory", origin);
        return -1;
    }
    unsigned lineno = 0;
    for (char *line = copy, *next; line; line = next) {
        lineno++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        const char *problem = parse_line(cfg, line);
        if (problem) {
            snprintf(err, errlen, "%s:%u: %s", origin, lineno, problem);
            free(copy);
            config_free(cfg);
            return -1;
        }
    }
    free(copy);
    return 0;
}

int config_load(const char *path, config *cfg, char *err, size_t errlen)
{
    cfg->entries = NULL;
    cfg->count = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *text = malloc(CONFIG_MAX_BYTES + 1);
    size_t len = text ? fread(text, 1, CONFIG_MAX_BYTES + 1, f) : 0;
    int read_failed = ferror(f);
    fclose(f);
    if (!text || read_failed || len > CONFIG_MAX_BYTES) {
        snprintf(err, errlen, "%s: %s", path,
                 !text ? "out of memory"
                 : read_failed ? "read error" : "larger than 1 MiB");
        free(text);
        return -1;
    }
    text[len] = '\0';
    int rc = config_parse(text, path, cfg, err, errlen);
    free(text);
    return rc;
}

const char *config_get(const config *cfg, const char *key)
{
    for (size_t i = cfg->count; i-- > 0;)
        if (strcmp(cfg->entries[i].key, key) == 0)
            return cfg->entries[i].value;
    return NULL;
}

void config_free(config *cfg)
{
    for (size_t i = 0; i < cfg->count; i++) {
        free(cfg->entries[i].key);
        free(cfg->entries[i].value);
    }
    free(cfg->entries);
    cfg->entries = NULL;
    cfg->count = 0;
}

/* `dir` made absolute against the current directory. */
static char *absolute(const char *dir)
{
    if (dir[0] == '/')
        return strdup(dir);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return NULL;
    return str_concat3(cwd, "/", dir);
}

/* The `library` setting of the config file: 1 found (*out set), 0 absent,
 * -1 error. */
static int library_from_config(char **out, char *err, size_t errlen)
{
    char *path = config_file_path();
    if (!path)
        return 0;
    config cfg;
    int rc = config_load(path, &cfg, err, errlen);
    if (rc == 0) {
        const char *lib = config_get(&cfg, "library");
        if (lib && !(lib[0] == '/' || lib[0] == '~')) {
            snprintf(err, errlen, "%s: library must be an absolute path or start with ~",
                     path);
            rc = -1;
        } else if (lib) {
            *out = config_expand_home(lib);
            rc = *out ? 1 : -1;
            if (!*out)
                snprintf(err, errlen, "%s: library uses ~ but HOME is not set", path);
        }
    }
    config_free(&cfg);
    free(path);
    return rc;
}

char *config_library_dir(const char *override, char *err, size_t errlen)
{
    if (override) {
        char *expanded = config_expand_home(override);
        char *dir = expanded ? absolute(expanded) : NULL;
        free(expanded);
        if (!dir)
            snprintf(err, errlen, "cannot resolve library folder %s", override);
        return dir;
    }
    char *dir = NULL;
    int rc = library_from_config(&dir, err, errlen);
    if (rc != 0)
        return rc > 0 ? dir : NULL;
    const char *data = xdg_dir("XDG_DATA_HOME");
    if (data)
        return str_concat3(data, "/readmode", "");
    const char *home = home_dir();
    if (home)
        return str_concat3(home, "/.local/share/readmode", "");
    snprintf(err, errlen, "no library folder: set HOME, XDG_DATA_HOME or --library");
    return NULL;
}
