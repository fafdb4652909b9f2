/*
 * ldscreen.c — can a JSON-LD text name one of a few types (see ldscreen.h)?
 *
 * The screens read every byte of every block, and a search per name read
 * a block once per name (a page of 5 000 small blocks spent as much on the
 * screens as on the rest of its metadata). Type names begin with a
 * capital, and most of a JSON-LD text is lower case, digits and
 * punctuation: eight bytes at a time are tested for a capital or a
 * backslash, and only at those bytes are the names with that first letter
 * compared.
 */
#include "ldscreen.h"

#include <string.h>

#define BYTES(b) (UINT64_C(0x0101010101010101) * (b))
#define HIGH BYTES(0x80)

void ldscreen_init(ldscreen *s)
{
    memset(s, 0, sizeof *s);
}

void ldscreen_add(ldscreen *s, const char *const *names, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(names[k]);
        if (s->count == LDSCREEN_NAMES || names[k][0] < 'A' || names[k][0] > 'Z' || len > UINT8_MAX) {
            s->passes_all = true;
            return;
        }
        s->names[s->count] = names[k];
        s->lens[s->count] = (uint8_t)len;
        s->by_first[names[k][0] - 'A'] |= UINT32_C(1) << s->count;
        s->count++;
    }
}

/* The bytes of w that are capitals or a backslash, as their high bits.
 * The sums run on the low seven bits of each byte, so none carries into
 * the next; a byte with its own high bit set (UTF-8) is neither. */
static uint64_t candidates(uint64_t w)
{
    uint64_t low = w & ~HIGH;
    uint64_t capital = (low + BYTES(0x80 - 'A')) & ~(low + BYTES(0x80 - 'Z' - 1));
    uint64_t backslash = ~((low ^ BYTES('\\')) + BYTES(0x7F));
    return (capital | backslash) & ~w & HIGH;
}

/* Which byte of the loaded word the lowest set bit of m marks. */
static size_t byte_of(uint64_t m)
{
    size_t b = (size_t)__builtin_ctzll(m) / 8;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    b = 7 - b;
#endif
    return b;
}

/* Does a name or an escape begin at p? */
static bool names_at(const ldscreen *s, const char *p)
{
    unsigned char c = (unsigned char)*p;
    if (c == '\\')
        return p[1] == 'u';
    if (c < 'A' || c > 'Z')
        return false;
    for (uint32_t m = s->by_first[c - 'A']; m; m &= m - 1) {
        unsigned k = (unsigned)__builtin_ctz(m);
        if (strncmp(p, s->names[k], s->lens[k]) == 0)
            return true;
    }
    return false;
}

bool ldscreen_may_name(const ldscreen *s, const char *json)
{
    if (s->passes_all)
        return true;
    size_t len = strlen(json), i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, json + i, 8);
        for (uint64_t m = candidates(w); m; m &= m - 1)
            if (names_at(s, json + i + byte_of(m)))
                return true;
    }
    for (; i < len; i++)
        if (names_at(s, json + i))
            return true;
    return false;
}
