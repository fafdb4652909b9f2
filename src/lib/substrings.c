/*
 * substrings.c — the automaton of substrings.h.
 *
 * Built as Aho and Corasick describe it: a trie of the entries, then in
 * breadth-first order each state's failure state (the longest proper
 * suffix of its prefix that is a trie state), through which each missing
 * edge is taken from a shallower state already complete, and each state's
 * found bits take those of its failure state (an entry that ends a suffix
 * ends here too).
 *
 * Each step waits on the one before (the next state's row is where the
 * last step's load points), so a long text costs its bytes times that
 * latency, whatever the instructions. When no entry holds white space but
 * at its ends, a long text is read from several places at once: split at
 * spaces near its middle (substrings_scan) or its quarters
 * (substrings_scan_words), the pieces are stepped in turn, chains the
 * processor runs side by side.
 */
#include "substrings.h"

#include <string.h>

void substrings_init(substrings *m)
{
    memset(m->byte_class, 0, sizeof m->byte_class);
    m->classes = 1;
    m->states = 1;
    memset(m->next[0], 0, sizeof m->next[0]);
    m->found[0] = 0;
    m->spaced_inside = 0;
}

static int is_white(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Does the entry before + entry + after hold white space inside? */
static int spaced_inside(const char *before, const char *entry, const char *after)
{
    const char *parts[3] = {before, entry, after};
    size_t total = strlen(before) + strlen(entry) + strlen(after), at = 0;
    for (size_t k = 0; k < 3; k++)
        for (const char *p = parts[k]; *p; p++, at++)
            if (at > 0 && at + 1 < total && is_white(*p))
                return 1;
    return 0;
}

/* The class of byte c, given one when it has none; 0 when all are taken. */
static unsigned class_of(substrings *m, unsigned char c)
{
    if (m->byte_class[c] || m->classes == SUBSTRINGS_CLASSES)
        return m->byte_class[c];
    m->byte_class[c] = (uint8_t)m->classes;
    return m->classes++;
}

/* Follow (adding where missing) the trie's edges for `entry` from `state`:
 * the state reached, or -1 when out of states or classes. */
static int add_bytes(substrings *m, unsigned state, const char *entry)
{
    for (const unsigned char *p = (const unsigned char *)entry; *p; p++) {
        unsigned c = class_of(m, *p);
        if (c == 0)
            return -1;
        if (m->next[state][c] == 0) {
            if (m->states == SUBSTRINGS_STATES)
                return -1;
            unsigned fresh = m->states++;
            memset(m->next[fresh], 0, sizeof m->next[fresh]);
            m->found[fresh] = 0;
            m->next[state][c] = (uint16_t)fresh;
        }
        state = m->next[state][c];
    }
    return (int)state;
}

int substrings_add_framed(substrings *m, const char *before, const char *entry, const char *after,
                          uint16_t bit)
{
    int state = add_bytes(m, 0, before);
    state = state < 0 ? state : add_bytes(m, (unsigned)state, entry);
    state = state < 0 ? state : add_bytes(m, (unsigned)state, after);
    if (state <= 0)
        return -1;   /* out of room, or the empty entry */
    m->found[state] |= bit;
    m->spaced_inside |= spaced_inside(before, entry, after);
    return 0;
}

int substrings_add(substrings *m, const char *const *entries, size_t n, uint16_t bit)
{
    for (size_t i = 0; i < n; i++)
        if (substrings_add_framed(m, "", entries[i], "", bit))
            return -1;
    return 0;
}

void substrings_alias(substrings *m, unsigned char b, unsigned char as)
{
    m->byte_class[b] = m->byte_class[as];
}

void substrings_finish(substrings *m)
{
    uint16_t fail[SUBSTRINGS_STATES], queue[SUBSTRINGS_STATES];
    size_t head = 0, tail = 0;
    for (unsigned c = 0; c < m->classes; c++) {   /* no byte reads as a higher class */
        uint16_t t = m->next[0][c];
        if (t) {
            fail[t] = 0;
            queue[tail++] = t;
        }
    }
    while (head < tail) {
        uint16_t s = queue[head++];
        for (unsigned c = 0; c < m->classes; c++) {
            uint16_t t = m->next[s][c];
            if (!t) {   /* no trie edge: where the failure state goes */
                m->next[s][c] = m->next[fail[s]][c];
                continue;
            }
            fail[t] = m->next[fail[s]][c];
            m->found[t] |= m->found[fail[t]];
            queue[tail++] = t;
        }
    }
}

/* One step: the state after reading byte c in `state`. */
static unsigned step(const substrings *m, unsigned state, unsigned char c)
{
    return m->next[state][m->byte_class[c]];
}

/* Texts shorter than this are read in one run. */
#define SPLIT_BYTES 128

/* Where a long text may be split: a byte read as a space, at or after its
 * middle; len when there is none. */
static size_t middle_space(const substrings *m, const unsigned char *u, size_t len)
{
    uint8_t space = m->byte_class[' '];
    size_t at = len / 2;
    while (at < len && m->byte_class[u[at]] != space)
        at++;
    return at;
}

unsigned substrings_scan(const substrings *m, const char *s, size_t len, unsigned enough)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned state = 0, found = 0;
    size_t i = 0, split = len >= SPLIT_BYTES && !m->spaced_inside ? middle_space(m, u, len) : len;
    if (split < len) {
        /* As in substrings_scan_words: the first half keeps the space, the
         * second starts as after it. Where the scan stops early differs,
         * not whether `enough` is found. */
        const unsigned char *v = u + split + 1;
        size_t first = split + 1, rest = len - first, both = first < rest ? first : rest;
        unsigned other = step(m, 0, ' ');
        for (; i < both; i++) {
            state = step(m, state, u[i]);
            other = step(m, other, v[i]);
            unsigned here = m->found[state] | m->found[other];
            if (!here)
                continue;
            found |= here;
            if ((found & enough) == enough)
                return found;
        }
        for (size_t k = i; k < rest; k++) {
            other = step(m, other, v[k]);
            if (!m->found[other])
                continue;
            found |= m->found[other];
            if ((found & enough) == enough)
                return found;
        }
        len = first;
    }
    for (; i < len; i++) {
        state = step(m, state, u[i]);
        if (!m->found[state])
            continue;
        found |= m->found[state];
        if ((found & enough) == enough)
            break;
    }
    return found;
}

/* A text of SPLIT_BYTES or more is read from this many places at once
 * (fewer when it has too few spaces to cut at). */
#define WORD_CHAINS 4

/* The pieces of a long text, cut at spaces near equal shares of it: piece
 * k is u[from[k]..to[k]), the byte at to[k] a space no piece holds (the
 * last piece ends the text). Returns how many (1 when none could be cut). */
static size_t cut_pieces(const substrings *m, const unsigned char *u, size_t len,
                         size_t from[WORD_CHAINS], size_t to[WORD_CHAINS])
{
    uint8_t space = m->byte_class[' '];
    size_t pieces = 0, start = 0;
    for (size_t k = 1; k < WORD_CHAINS; k++) {
        size_t at = len / WORD_CHAINS * k;
        if (at < start)
            at = start;
        while (at < len && m->byte_class[u[at]] != space)
            at++;
        if (at >= len)
            break;
        from[pieces] = start;
        to[pieces++] = at;
        start = at + 1;
    }
    from[pieces] = start;
    to[pieces++] = len;
    return pieces;
}

/* The bits found reading u[0..len) from `state` and then a space. */
static unsigned scan_rest(const substrings *m, unsigned state, const unsigned char *u, size_t len)
{
    unsigned found = 0;
    for (size_t i = 0; i < len; i++) {
        state = step(m, state, u[i]);
        found |= m->found[state];
    }
    return found | m->found[step(m, state, ' ')];
}

unsigned substrings_scan_words(const substrings *m, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned first = step(m, 0, ' '), found = m->found[first];
    if (len < SPLIT_BYTES || m->spaced_inside)
        return found | scan_rest(m, first, u, len);
    /* No entry holds a space but at its ends, so none runs over a cut:
     * each piece is read as a text is, after a space and followed by
     * one. The pieces' runs interleave, a byte each, as long as the
     * shortest; each then finishes alone. */
    size_t from[WORD_CHAINS], to[WORD_CHAINS];
    size_t pieces = cut_pieces(m, u, len, from, to), both = len;
    for (size_t k = 0; k < pieces; k++)
        if (to[k] - from[k] < both)
            both = to[k] - from[k];
    unsigned state[WORD_CHAINS] = {first, first, first, first};
    size_t i = 0;
    if (pieces == 4) {
        const unsigned char *a = u + from[0], *b = u + from[1], *c = u + from[2], *d = u + from[3];
        unsigned sa = first, sb = first, sc = first, sd = first;
        for (; i < both; i++) {
            sa = step(m, sa, a[i]);
            sb = step(m, sb, b[i]);
            sc = step(m, sc, c[i]);
            sd = step(m, sd, d[i]);
            found |= m->found[sa] | m->found[sb] | m->found[sc] | m->found[sd];
        }
        state[0] = sa, state[1] = sb, state[2] = sc, state[3] = sd;
    } else if (pieces == 2) {
        const unsigned char *a = u + from[0], *b = u + from[1];
        unsigned sa = first, sb = first;
        for (; i < both; i++) {
            sa = step(m, sa, a[i]);
            sb = step(m, sb, b[i]);
            found |= m->found[sa] | m->found[sb];
        }
        state[0] = sa, state[1] = sb;
    }
    for (size_t k = 0; k < pieces; k++)
        found |= scan_rest(m, state[k], u + from[k] + i, to[k] - from[k] - i);
    return found;
}
