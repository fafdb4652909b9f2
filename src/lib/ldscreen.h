/*
 * ldscreen.h — can a JSON-LD text name one of a few schema.org types?
 *
 * A page may carry hundreds of JSON-LD blocks, most about breadcrumbs,
 * web pages and sites, and the metadata and page-type readers each parse
 * a block only when it could name a type they read. JSON spells a letter
 * only as itself or as a \u escape, so a text that holds neither a name
 * nor an escape cannot name that type, and needs no parse.
 */
#ifndef RM_LDSCREEN_H
#define RM_LDSCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LDSCREEN_NAMES 32

/* The names a screen looks for, by their first letter. */
typedef struct {
    const char *names[LDSCREEN_NAMES];
    uint8_t lens[LDSCREEN_NAMES];
    size_t count;
    uint32_t by_first[26];   /* bits of the names that begin with 'A' + k */
    bool passes_all;         /* a name could not be added: every text may
                                name a type (a parse too many, never one
                                too few) */
} ldscreen;

/* An empty screen. */
void ldscreen_init(ldscreen *s);
/* Add the `n` names, each beginning with a capital A-Z (schema.org's type
 * names do) and shorter than 256 bytes. Past LDSCREEN_NAMES names, or for
 * another name, the screen lets every text through. */
void ldscreen_add(ldscreen *s, const char *const *names, size_t n);
/* Does `json` (NUL-terminated) hold "\u" or one of the screen's names? */
bool ldscreen_may_name(const ldscreen *s, const char *json);

#endif
