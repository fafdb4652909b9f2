/*
 * ldcheck.c — cross-check the chosen article against JSON-LD articleBody.
 *
 * Many publishers put the full article text into schema.org JSON-LD. It is
 * too unreliable to print (truncated, HTML-escaped, sometimes the paywalled
 * whole), but it is a precise witness of *where* the body is: the element
 * whose text shares the most word pairs with it. Some of the best
 * extractors use it the same way ("Witnesses" in docs/architecture.md).
 *
 * The articleBody's word bigrams (Unicode word breaks, case-folded) are
 * hashed into a set; every visible text node counts its bigrams and hits;
 * sums flow up the tree in one backward sweep; each element then has a Dice
 * score 2·hits / (its bigrams + the body's bigrams) in O(1).
 */
#include "ldcheck.h"

#include "casefold.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwbrk.h>

#define MIN_LD_BIGRAMS 60      /* about 500 characters of body */

typedef struct {
    uint32_t bigrams;
    uint32_t hits;
} overlap;

/* Call `visit(bigram hash, ctx)` for each pair of consecutive words. */
typedef void (*bigram_fn)(uint64_t hash, void *ctx);

static int for_each_bigram(const char *text, bigram_fn visit, void *ctx)
{
    size_t len = 0;
    uint8_t *f = (uint8_t *)casefold_nfc(text, strlen(text), &len);
    if (!f)
        return -1;
    char *breaks = len ? malloc(len) : NULL;
    if (len && !breaks) {
        free(f);
        return -1;
    }
    if (len)
        u8_wordbreaks(f, len, breaks);
    uint64_t prev = 0;
    size_t start = 0;
    bool word = false;
    for (size_t i = 0; i <= len;) {
        if (i == len || (breaks[i] && i > start)) {
            if (word) {
                uint64_t h = hashset_hash(f + start, i - start);
                if (prev)
                    visit(prev * 31 + h, ctx);
                prev = h;
            }
            start = i;
            word = false;
            if (i == len)
                break;
        }
        ucs4_t uc;
        int n = u8_mbtouc(&uc, f + i, len - i);
        word = word || uc_is_alnum(uc);
        i += n > 0 ? (size_t)n : 1;
    }
    free(breaks);
    free(f);
    return 0;
}

/* Adding can only fail for memory; a smaller set weakens the witness and
 * the check stays safe, so the error is dropped. */
static void add_to_set(uint64_t h, void *ctx) { (void)hashset_add(ctx, h); }

typedef struct {
    const hashset *set;
    overlap *o;
} count_ctx;

static void count_hit(uint64_t h, void *ctx)
{
    count_ctx *c = ctx;
    c->o->bigrams++;
    if (hashset_has(c->set, h))
        c->o->hits++;
}

static double dice(const overlap *o, size_t body_bigrams)
{
    return 2.0 * o->hits / ((double)o->bigrams + (double)body_bigrams);
}

int ldcheck_best_container(const rm_engine *e, const char *ld_body, const int32_t *roots,
                           size_t root_count, int32_t *better)
{
    *better = RM_NONE;
    if (!ld_body || e->dom.body == RM_NONE)
        return 0;
    hashset set = {0};
    overlap *ov = NULL;
    int rc = -1;
    if (for_each_bigram(ld_body, add_to_set, &set))
        goto out;
    rc = 0;
    if (set.count < MIN_LD_BIGRAMS)
        goto out;
    rc = -1;
    ov = calloc((size_t)e->dom.count, sizeof *ov);
    if (!ov)
        goto out;
    for (int32_t i = e->dom.count - 1; i >= 0; i--) {
        if (e->drop[i] != DROP_KEEP)
            continue;
        const char *text = dom_text(&e->dom, i);
        count_ctx ctx = {&set, &ov[i]};
        if (text && for_each_bigram(text, count_hit, &ctx))
            goto out;
        int32_t p = e->dom.nodes[i].parent;
        if (p != RM_NONE) {
            ov[p].bigrams += ov[i].bigrams;
            ov[p].hits += ov[i].hits;
        }
    }
    overlap ours = {0, 0};
    for (size_t k = 0; k < root_count; k++) {
        ours.bigrams += ov[roots[k]].bigrams;
        ours.hits += ov[roots[k]].hits;
    }
    double our_score = dice(&ours, set.count), best_score = 0.0;
    int32_t best = RM_NONE;
    int32_t end = engine_end(e, e->dom.body);
    for (int32_t i = e->dom.body; i < end; i++) {
        if (e->drop[i] != DROP_KEEP || e->dom.nodes[i].type != RM_NODE_ELEMENT)
            continue;
        double d = dice(&ov[i], set.count);
        if (d > best_score) {
            best_score = d;
            best = i;
        }
    }
    /* Switch only on clear evidence: the witness must agree well with some
     * element, and much better than with what the scorer chose. */
    if (best != RM_NONE && best_score >= LDCHECK_MIN_AGREEMENT &&
        best_score >= our_score + LDCHECK_MIN_GAIN)
        *better = best;
    rc = 0;
out:
    free(ov);
    hashset_free(&set);
    return rc;
}
