/*
 * page_checks.h — what the rule tests on small hand-written pages share:
 * extract a page (an article or, for index and shell pages, the fallback
 * body), and check that a phrase is or is not in its plain text, printing
 * the text when it fails.
 */
#ifndef RM_PAGE_CHECKS_H
#define RM_PAGE_CHECKS_H

#include "testutil.h"

#include "readmode.h"

static inline rm_article *extract(const char *html)
{
    rm_article *a = NULL;
    rm_status st = rm_extract(html, strlen(html), NULL, &a);
    ck_assert_msg(st == RM_OK || st == RM_NO_ARTICLE, "status %s", rm_status_code(st));
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(a->text);
    return a;
}

static inline void assert_has(const rm_article *a, const char *want)
{
    ck_assert_msg(strstr(a->text, want), "missing \"%s\" in:\n%s", want, a->text);
}

static inline void assert_lacks(const rm_article *a, const char *junk)
{
    ck_assert_msg(!strstr(a->text, junk), "kept \"%s\" in:\n%s", junk, a->text);
}

/* How many times `what` occurs in `text` (a line kept once, or on each card). */
static inline unsigned occurrences(const char *text, const char *what)
{
    unsigned n = 0;
    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

#endif
