/*
 * pagetype.h — what kind of page this is, decided before the article is
 * chosen, because the kind decides how its content is gathered.
 */
#ifndef RM_PAGETYPE_H
#define RM_PAGETYPE_H

#include "engine.h"
#include "readmode.h"

typedef struct {
    rm_page_type type;
    unsigned items;        /* posts of a thread, cards of an index */
    int32_t items_box;     /* the element holding those posts or cards, or RM_NONE */
    int32_t cards_box;     /* the page's largest grid of teaser cards, whatever
                              the type, or RM_NONE */
    int32_t grids_box;     /* an index page whose cards are spread over
                              several grids (a news front's sections): the
                              box around them all, or RM_NONE */
} page_info;

/* Decide the page type from schema.org types (JSON-LD @type, microdata
 * itemtype), og:type, the path of `url` (may be NULL) and the page's
 * structure. Needs engine_prepare, and runs before clutter_classify (which
 * takes a thread's posts for comments). */
void pagetype_detect(const rm_engine *e, const char *url, page_info *out);

/* After clutter_classify: the comment-named box that is in fact the page's
 * thread (it holds the bulk of the page's text, with no article body
 * before it), or RM_NONE; *posts is set to its number of posts. The caller
 * then classifies clutter again with the page taken as a thread. */
int32_t pagetype_thread_in_comments(const rm_engine *e, unsigned *posts);

/* A thread's opening post kept apart from the box of its replies (before
 * it, outside it, anchored like the replies: "js-post-2258939" before a
 * box of "js-post-2258957" ...), or RM_NONE. Needs the drop mask of the
 * page's clutter pass. */
int32_t pagetype_opening_post(const rm_engine *e, int32_t box);

/* Are elements a and b of one kind, as repeated posts or cards are: the
 * same tag and the same first class token less its trailing number
 * ("post-30149" beside "post-30119")? */
bool pagetype_same_kind(const rm_engine *e, int32_t a, int32_t b);

/* Is `id` the text of a post as schema.org microdata marks it: the `text`
 * property of the nearest item around it, that item a post of a thread
 * (a DiscussionForumPosting, Comment, Answer ...)? */
bool pagetype_is_post_text(const rm_engine *e, int32_t id);

#endif
