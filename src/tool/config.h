/*
 * config.h — the user's configuration file and the library folder location.
 *
 * The file is $XDG_CONFIG_HOME/readmode/config (default
 * ~/.config/readmode/config): `key = value` lines, `#` starts a comment,
 * blank lines are ignored, a value may be wrapped in double quotes. Keys
 * this version does not know are kept, so newer files still load.
 *
 * Known keys:
 *     library = ~/Documents/articles     where `save` puts articles
 */
#ifndef RM_CONFIG_H
#define RM_CONFIG_H

#include <stddef.h>

typedef struct {
    char *key;
    char *value;
} config_entry;

typedef struct {
    config_entry *entries;
    size_t count;
} config;

/* Parse the file at `path` into *cfg (which need not be initialised).
 * A missing file is not an error: *cfg is then empty. Returns 0, or -1 with
 * a one-line reason ("PATH:LINE: ...") in err. */
int config_load(const char *path, config *cfg, char *err, size_t errlen);

/* Parse configuration text (the file's contents); `origin` names it in
 * error messages. Same contract as config_load. */
int config_parse(const char *text, const char *origin, config *cfg, char *err,
                 size_t errlen);

/* The value of the last line setting `key`, or NULL. */
const char *config_get(const config *cfg, const char *key);

void config_free(config *cfg);

/* Path of the configuration file (malloc'd), from the environment. NULL
 * when neither XDG_CONFIG_HOME nor HOME is usable. */
char *config_file_path(void);

/* `~` or `~/...` expanded against $HOME; any other path copied. malloc'd;
 * NULL when `~` is used and HOME is unset. */
char *config_expand_home(const char *path);

/* The library folder, absolute, malloc'd. First match wins:
 *   override (--library), the config file's `library`,
 *   $XDG_DATA_HOME/readmode, ~/.local/share/readmode.
 * A relative override is taken from the current directory. The folder is
 * not created here (see save_prepare_library). Returns NULL with a reason
 * in err. */
char *config_library_dir(const char *override, char *err, size_t errlen);

#endif
