/*
 * wordcount.h — words and CJK characters of a text, for the word count and
 * reading time.
 */
#ifndef RM_WORDCOUNT_H
#define RM_WORDCOUNT_H

#include <stddef.h>

/* Words by Unicode word breaks (UAX #29): a segment counts when it holds a
 * letter or digit, so CJK ideographs count one each. *cjk_chars receives the
 * number of ideographs, kana and Thai letters. */
size_t words_count(const char *text, size_t *cjk_chars);

#endif
