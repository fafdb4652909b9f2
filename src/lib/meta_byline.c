/*
 * meta_byline.c — the byline written in the page, found where Readability's
 * _grabArticle walk meets it: in document order, skipping hidden subtrees
 * and those its "unlikely candidate" pass throws away; and, for a byline
 * from any source, the name in it, without the date some pages put there.
 */
#include "meta_internal.h"

#include "ascii.h"
#include "heuristics.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Byline in the page, found the way Readability's _grabArticle walk meets
 * it: in document order, skipping hidden subtrees and the subtrees its
 * "unlikely candidate" pass throws away before looking inside them. */

/* The attributes the walk reads, found in one pass over the element's
 * attribute list (the first of each name, as dom_attr finds it). */
typedef struct {
    const char *style, *hidden, *aria_hidden, *aria_modal, *role, *cls, *id, *rel, *itemprop;
} walk_attrs;

/* The has_attrs bits of those names (dom.h): an element with none of
 * them (a link with only its href, most elements of a big page) has
 * none of the names, and the walk passes it by as one without
 * attributes. */
#define WALK_ATTR_BITS                                                                     \
    (DOM_ATTR_BIT("style") | DOM_ATTR_BIT("hidden") | DOM_ATTR_BIT("aria-hidden") |        \
     DOM_ATTR_BIT("aria-modal") | DOM_ATTR_BIT("role") | DOM_ATTR_BIT("class") |           \
     DOM_ATTR_BIT("id") | DOM_ATTR_BIT("rel") | DOM_ATTR_BIT("itemprop"))

static void read_attrs(const rm_dom *dom, int32_t id, walk_attrs *a)
{
    static const struct {
        const char *name;
        size_t offset;
    } wanted[] = {
        {"style", offsetof(walk_attrs, style)},
        {"hidden", offsetof(walk_attrs, hidden)},
        {"aria-hidden", offsetof(walk_attrs, aria_hidden)},
        {"aria-modal", offsetof(walk_attrs, aria_modal)},
        {"role", offsetof(walk_attrs, role)},
        {"class", offsetof(walk_attrs, cls)},
        {"id", offsetof(walk_attrs, id)},
        {"rel", offsetof(walk_attrs, rel)},
        {"itemprop", offsetof(walk_attrs, itemprop)},
    };
    memset(a, 0, sizeof *a);
    size_t count;
    const rm_attr *attrs = dom_attr_list(dom, id, &count);
    for (size_t i = 0; i < count; i++) {
        const rm_attr *attr = &attrs[i];
        /* first letters told apart before a comparison: most attributes
         * are none of these */
        char first = (char)(attr->name[0] | 0x20);
        for (size_t w = 0; w < COUNT_OF(wanted); w++) {
            const char **slot = (const char **)((char *)a + wanted[w].offset);
            if (first == wanted[w].name[0] && !*slot && strcasecmp(attr->name, wanted[w].name) == 0) {
                *slot = attr->value;
                break;
            }
        }
    }
}

/* "class id", lower-cased (ASCII, as the /i patterns match), in `buf` when
 * it fits, else malloc'd into *heap. NULL when out of memory. */
static char *lower_signature(const char *cls, const char *id, char *buf, size_t cap, char **heap)
{
    size_t cl = cls ? strlen(cls) : 0, il = id ? strlen(id) : 0;
    char *sig = buf;
    *heap = NULL;
    if (cl + il + 2 > cap && !(sig = *heap = malloc(cl + il + 2)))
        return NULL;
    ascii_lower_copy(sig, cls ? cls : "", cl);
    sig[cl] = ' ';
    ascii_lower_copy(sig + cl + 1, id ? id : "", il);
    sig[cl + 1 + il] = '\0';
    return sig;
}

/* Does a style attribute hold `decl`, spaces and case aside? */
static bool style_has(const char *style, const char *decl)
{
    for (; *style; style++) {
        const char *s = style, *d = decl;
        while (*s && *d) {
            if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
                s++;
                continue;
            }
            if ((*s | 0x20) != *d)
                break;
            s++;
            d++;
        }
        if (!*d)
            return true;
    }
    return false;
}

static bool style_hides(const char *style)
{
    return style && (style_has(style, "display:none") || style_has(style, "visibility:hidden"));
}
/* _isProbablyVisible, inverted. */
static bool is_hidden(const walk_attrs *a)
{
    if (style_hides(a->style) || a->hidden)
        return true;
    return a->aria_hidden && strcmp(a->aria_hidden, "true") == 0 &&
           !(a->cls && strstr(a->cls, "fallback-image"));
}

#define UNLIKELY_SIG_BYTES 1023   /* "class id" read by the unlikely test */

/* What the last element with a class and no id said by its signature:
 * the items of a list share their class, and one reading answers for the
 * next of them. */
typedef struct {
    const char *cls;   /* NULL: no such element read */
    bool known, byline, unlikely;
} sig_memo;

/* The memo for an element's names: kept when it has the same class and
 * no id, else started again. Returns whether the signature must still be
 * made and read. */
static bool recall_names(sig_memo *m, const walk_attrs *a)
{
    if (a->id || !m->cls || a->cls[0] != m->cls[0] || strcmp(a->cls, m->cls) != 0)
        *m = (sig_memo){a->id ? NULL : a->cls, false, false, false};
    return !m->known;
}

/* Both answers of a lower-cased "class id", in one pass of heuristics'
 * automaton: a byline marker anywhere in it (REGEXPS.byline), and
 * Readability's unlikely-candidate test on its first UNLIKELY_SIG_BYTES
 * bytes (a longer one is read again up to there for that). */
static void read_names(sig_memo *m, const char *sig)
{
    size_t len = strlen(sig);
    unsigned found = heur_sig_byline_unlikely(sig, len);
    if (len > UNLIKELY_SIG_BYTES)
        found = (found & HEUR_SIG_BYLINE) |
                (heur_sig_byline_unlikely(sig, UNLIKELY_SIG_BYTES) & HEUR_SIG_UNLIKELY);
    m->known = true;
    m->byline = found & HEUR_SIG_BYLINE;
    m->unlikely = found & HEUR_SIG_UNLIKELY;
}

/* Readability's unlikely-candidate test (the tables are heuristics.c's):
 * `named`: the element has a class or id, and `m` holds what its names
 * say; `in_table_or_code`: it lies below a table or code element, where
 * no name makes it unlikely. */
static bool is_unlikely(const scan *sc, int32_t id, const walk_attrs *a, bool named, const sig_memo *m,
                        bool in_table_or_code)
{
    GumboTag tag = sc->dom->nodes[id].tag;
    if (heur_is_unlikely_role(a->role))
        return true;
    if (!named)
        return false;   /* no class or id: no pattern to find */
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || in_table_or_code)
        return false;
    return m->unlikely;
}
static bool marks_byline(const walk_attrs *a, bool named, const sig_memo *m)
{
    if ((a->rel && strcmp(a->rel, "author") == 0) || (a->itemprop && strstr(a->itemprop, "author")))
        return true;
    return named && m->byline;
}
/* _isValidByline: some text, under 100 characters. */
static bool is_valid_byline(const scan *sc, int32_t id)
{
    node_facts facts = meta_node_facts(sc, id);
    uint32_t units = meta_trimmed_units(&facts);
    return units > 0 && units < 100;
}
static bool is_dialog(const walk_attrs *a)
{
    return a->aria_modal && a->role && strcmp(a->aria_modal, "true") == 0 && strcmp(a->role, "dialog") == 0;
}

/* The part of a byline element that names the author: a descendant with
 * itemprop="name" when there is one ("<span itemprop=name>Ann</span> -
 * <time>..."), as Readability 0.6 reads it; else the element itself. */
static int32_t byline_name_element(const rm_dom *dom, int32_t id)
{
    int32_t end = id + (int32_t)dom->nodes[id].size;
    for (int32_t i = id + 1; i < end; i++) {
        const char *itemprop = dom_attr(dom, i, "itemprop");
        if (itemprop && strstr(itemprop, "name"))
            return i;
    }
    return id;
}

/* The first attempt of _grabArticle skips unlikely subtrees; the later
 * ones (when the first finds too little text) look everywhere. Both
 * attempts in one walk: returns the first byline element outside unlikely
 * subtrees (the first attempt's) or RM_NONE, and in *later the first one
 * met inside an unlikely subtree before it, or RM_NONE (the later
 * attempts find it first). Sets sc->oom when out of memory. */
static int32_t walk_for_byline(scan *sc, int32_t *later)
{
    const rm_dom *dom = sc->dom;
    int32_t start = dom->html != RM_NONE ? dom->html : 0;
    int32_t end = start + (int32_t)dom->nodes[start].size;
    int32_t unlikely_end = start;   /* end of the unlikely subtree walked through */
    *later = RM_NONE;
    sig_memo memo = {NULL, false, false, false};
    /* the outermost table or code element met: the walk is in pre-order,
     * so the nodes below it are those up to its end */
    int32_t table = RM_NONE, table_end = start;
    for (int32_t i = start; i < end;) {
        const rm_node *n = &dom->nodes[i];
        if (i >= table_end && (n->tag == GUMBO_TAG_TABLE || n->tag == GUMBO_TAG_CODE)) {
            table = i;
            table_end = i + (int32_t)n->size;
        }
        /* An element without the attributes read_attrs reads is neither
         * hidden, a dialog, a byline nor unlikely: skip the look-ups (most
         * elements of some pages have none). */
        if (n->type != RM_NODE_ELEMENT || !(n->has_attrs & WALK_ATTR_BITS)) {
            i++;
            continue;
        }
        walk_attrs a;
        read_attrs(dom, i, &a);
        if (is_hidden(&a) || is_dialog(&a)) {
            i += (int32_t)n->size;
            continue;
        }
        /* "class id" only where there is one: other elements (links, images)
         * have no name to match */
        bool named = a.cls || a.id;
        if (named && recall_names(&memo, &a)) {
            char buf[256], *heap;
            const char *sig = lower_signature(a.cls, a.id, buf, sizeof buf, &heap);
            if (!sig) {
                sc->oom = true;
                *later = RM_NONE;
                return RM_NONE;
            }
            read_names(&memo, sig);
            free(heap);
        }
        bool skipped = i < unlikely_end;
        bool byline = marks_byline(&a, named, &memo) && is_valid_byline(sc, i);
        if (byline && !skipped)
            return i;
        if (byline && *later == RM_NONE)
            *later = i;
        if (!skipped && is_unlikely(sc, i, &a, named, &memo, table != RM_NONE && table < i && i < table_end))
            unlikely_end = i + (int32_t)n->size;
        i++;
    }
    return RM_NONE;
}

static char *byline_text(scan *sc, int32_t id)
{
    char *text = meta_element_text(sc, byline_name_element(sc->dom, id), &sc->oom);
    char *byline = text ? meta_collapse_ws(text, strlen(text), &sc->oom) : NULL;
    free(text);
    return byline;
}

char *meta_dom_byline(scan *sc, int32_t *node)
{
    int32_t later, first = walk_for_byline(sc, &later);
    if (first != RM_NONE) {
        *node = first;
        char *byline = byline_text(sc, first);
        if (byline)
            return byline;
    }
    /* The first attempt found none, or one that names nobody (an empty
     * itemprop=name): what the later attempts find. */
    int32_t second = later != RM_NONE ? later : first;
    if (second == RM_NONE)
        return NULL;
    *node = second;
    return byline_text(sc, second);
}


/* ------------------------------------------------------------------ */
/* Beyond Readability: a byline is a name. Byline markup also holds the
 * date ("By Ann Lee March 25, 2015", "by Lucas Nolan22 Dec 2016651"), and
 * sometimes nothing but a date ("Updated 3 August 2026"), a button
 * ("Follow Author") or a run of glued labels from a navigation box
 * ("Authority control databasesInternationalVIAF…"). The date is cut
 * off; what is then not a name is no byline. */

/* Month names and their abbreviations as datelines write them (English;
 * the first three letters identify each). */
static const char *const month_prefixes[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

/* Words that label a byline or a dateline rather than name anyone. */
static const char *const label_words[] = {
    "by", "posted", "published", "updated", "last", "written", "on", "at", "and", "from"};

/* First words of buttons and links that sit in byline markup. */
static const char *const action_words[] = {
    "follow", "subscribe", "share", "sign", "log", "contact", "email", "view", "more", "read"};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* Is the word s[0..n) in `words` (ASCII case-insensitive, trailing
 * punctuation ignored)? */
static bool word_in(const char *s, size_t n, const char *const *words, size_t count)
{
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    for (size_t i = 0; i < count; i++)
        if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
            return true;
    return false;
}

/* A month name: three or more letters starting like one, alone. */
static bool is_month(const char *s, size_t n)
{
    size_t letters = 0;
    while (letters < n && (is_lower(s[letters] | 0x20)))
        letters++;
    if (letters < 3 || letters + (letters < n && s[letters] == '.') != n)
        return false;
    for (size_t i = 0; i < COUNT_OF(month_prefixes); i++)
        if (strncasecmp(s, month_prefixes[i], 3) == 0)
            return true;
    return false;
}

/* Byte offset where the date in `s` begins (a number, a digit glued to a
 * word, or a month name before a number), or strlen(s). */
static size_t date_start(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = strcspn(s + i, " ");
        for (size_t k = 0; k < len; k++)
            if (is_digit(s[i + k]))
                return i + k;
        size_t next = i + len + (i + len < n);
        if (is_month(s + i, len) && next < n && is_digit(s[next]))
            return i;
        i = next;
    }
    return n;
}

/* Glued words: a lower-case run of three or more letters straight into a
 * capital ("databasesInternational"). Names have at most one such joint
 * ("VanderMeer"); McD, DeS, LaT have shorter runs. */
static size_t glued_joints(const char *s)
{
    size_t joints = 0, run = 0;
    for (; *s; s++) {
        if (is_upper(*s) && run >= 3)
            joints++;
        run = is_lower(*s) ? run + 1 : 0;
    }
    return joints;
}

char *meta_byline_name(const char *byline, bool *oom)
{
    if (!byline)
        return NULL;
    size_t n = date_start(byline);
    /* Separators and labels left dangling before the date: "Ann Lee |", "…, on". */
    for (;;) {
        while (n > 0 && strchr(" ,|:;-", byline[n - 1]))
            n--;
        if (n >= 2 && memcmp(byline + n - 2, "\xC2\xB7", 2) == 0) {   /* a middle dot */
            n -= 2;
            continue;
        }
        size_t word = n;
        while (word > 0 && byline[word - 1] != ' ')
            word--;
        if (word == n || !word_in(byline + word, n - word, label_words, COUNT_OF(label_words)) ||
            word == 0)
            break;
        n = word;
    }
    /* Some word must be left that is not a label. */
    bool named = false;
    for (size_t i = 0; i < n && !named;) {
        size_t len = strcspn(byline + i, " ");
        if (len > n - i)
            len = n - i;
        named = len > 0 && !word_in(byline + i, len, label_words, COUNT_OF(label_words));
        i += len + 1;
    }
    size_t first = strcspn(byline, " ");
    if (!named || word_in(byline, first < n ? first : n, action_words, COUNT_OF(action_words)))
        return NULL;
    char *name = meta_collapse_ws(byline, n, oom);
    if (name && glued_joints(name) >= 2) {
        free(name);
        return NULL;
    }
    return name;
}
