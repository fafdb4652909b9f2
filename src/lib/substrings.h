/*
 * substrings.h — which of a few tables of substrings occur in a text, in
 * one pass over it (an Aho-Corasick automaton: a trie of the entries whose
 * every missing edge is filled in, so each byte costs one table step).
 *
 * Readability's class and id patterns (positive, negative, unlikely and the
 * "maybe" rescue) are asked of an element's "class id" by several passes,
 * and class lists run to kilobytes on some pages: a search per table read
 * such a list once per table, each several instructions a byte. The
 * automaton reads each byte once for all its tables, and says which
 * tables have an entry in the text (not which entry, nor where).
 */
#ifndef RM_SUBSTRINGS_H
#define RM_SUBSTRINGS_H

#include <stddef.h>
#include <stdint.h>

/* Bounds of one automaton, with room to spare for heuristics.c's class
 * patterns (643 states, 32 classes): a row is SUBSTRINGS_CLASSES * 2
 * bytes, and only the rows in use are ever touched (about 50 KB). */
#define SUBSTRINGS_STATES 768   /* the root and every distinct entry prefix */
#define SUBSTRINGS_CLASSES 40   /* the distinct bytes of the entries, plus one */

typedef struct {
    uint8_t byte_class[256];    /* 0: a byte no entry holds */
    unsigned classes;           /* classes in use (the first is 0) */
    unsigned states;            /* states in use (the first is the root) */
    /* state x byte class -> state; between substrings_add and
     * substrings_finish only the trie's own edges (0: none) */
    uint16_t next[SUBSTRINGS_STATES][SUBSTRINGS_CLASSES];
    uint16_t found[SUBSTRINGS_STATES];  /* bits of the tables that have an
                                           entry ending at this state */
    int spaced_inside;          /* some entry holds a space, tab or line
                                   break other than at its ends */
} substrings;

/* Start an empty automaton (`m` may be uninitialised). */
void substrings_init(substrings *m);
/* Add the `n` entries (not empty) of one table, whose bit is `bit` (one of
 * sixteen). Returns 0, or -1 when the entries exceed SUBSTRINGS_STATES or
 * SUBSTRINGS_CLASSES (the automaton then finds nothing of that table). */
int substrings_add(substrings *m, const char *const *entries, size_t n, uint16_t bit);
/* The same for one entry, prefixed by `before` and followed by `after`
 * ("" for none): " sr-only " from "sr-only" for a whole word. */
int substrings_add_framed(substrings *m, const char *before, const char *entry, const char *after,
                          uint16_t bit);
/* Read byte `b` in texts as byte `as` (after the entries are added):
 * capitals as the lower-case letters of the entries, tabs as spaces. */
void substrings_alias(substrings *m, unsigned char b, unsigned char as);
/* Fill in the missing edges once every table is added; read-only after. */
void substrings_finish(substrings *m);

/* The bits of the tables with an entry in s[0..len). The scan stops early
 * once every bit of `enough` (not 0) is found: the caller needs no more
 * (which other bits it has found by then is not defined). A long text is
 * read in two halves at once, split at a space near its middle. */
unsigned substrings_scan(const substrings *m, const char *s, size_t len, unsigned enough);
/* The bits of s[0..len) read with a space before it and after it, so that
 * entries framed by spaces match whole words at its edges too. A long text
 * whose entries hold white space only at their ends is read as four
 * pieces at once, split at spaces (the pieces' steps do not wait on each
 * other). */
unsigned substrings_scan_words(const substrings *m, const char *s, size_t len);

#endif
