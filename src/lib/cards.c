/*
 * cards.c — the cards of an index page say each thing once.
 *
 * A card of a shop's or a news site's grid often carries its title, date
 * or label twice: once in the layout for wide screens and once in the one
 * for phones, or once on the picture's overlay and once under it, one of
 * the two hidden by a media query that no extractor evaluates. Read in
 * document order the card says everything twice. repeats.c drops second
 * copies of blocks of a sentence or more anywhere in the article; inside
 * one card even a short line ("Free", a title, "Promoted") repeated is a
 * copy, since a card is a handful of distinct facts about one item. Only
 * on index pages (collections and listings), whose cards are the content,
 * and only within one card: across cards, "Free" or "Sterling silver" is
 * each item's own fact.
 */
#include "engine.h"
#include "hashset.h"

#include <ctype.h>
#include <stdlib.h>

#define CARD_TEXT_BYTES 512   /* a line of a card, case-folded; longer is
                                 compared by this prefix */

/* A line says something: two letters or digits at least (not the ", "
 * and " • " between a card's parts, which repeat by nature). Bytes of
 * other scripts count as letters. */
static bool says_something(const char *text, size_t len)
{
    size_t word = 0;
    for (size_t k = 0; k < len && word < 2; k++)
        word += isalnum((unsigned char)text[k]) || (unsigned char)text[k] >= 0x80;
    return word >= 2;
}

/* Drop the text nodes of `card` whose text the card showed before.
 * Returns -1 when out of memory. */
static int drop_repeats_in_card(rm_engine *e, int32_t card)
{
    hashset seen = {0};
    int rc = 0;
    char buf[CARD_TEXT_BYTES + 1];
    int32_t end = engine_end(e, card);
    for (int32_t i = engine_kept(e, card, end); i < end && rc == 0; i = engine_kept(e, i + 1, end)) {
        if (e->dom.nodes[i].type != RM_NODE_TEXT || e->tchars[i] == 0)
            continue;
        size_t len;
        char *text = engine_fold_into(e, i, e->drop, CARD_TEXT_BYTES, buf, &len);
        if (!text) {
            rc = -1;
            break;
        }
        uint64_t h = hashset_hash(text, len);
        bool line = says_something(text, len);
        if (text != buf)
            free(text);
        if (!line)
            continue;
        if (hashset_has(&seen, h))
            e->drop[i] = DROP_CLEANED;
        else
            rc = hashset_add(&seen, h);
    }
    hashset_free(&seen);
    return rc;
}

int clean_card_repeats(rm_engine *e)
{
    int32_t grid = e->cards;
    if ((e->page_type != RM_PAGE_COLLECTION && e->page_type != RM_PAGE_LISTING) ||
        grid == RM_NONE || e->drop[grid] != DROP_KEEP)
        return 0;
    for (int32_t c = e->dom.nodes[grid].first_child; c != RM_NONE; c = e->dom.nodes[c].next_sibling)
        if (e->dom.nodes[c].type == RM_NODE_ELEMENT && e->drop[c] == DROP_KEEP &&
            drop_repeats_in_card(e, c))
            return -1;
    return 0;
}
