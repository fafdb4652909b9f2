/*
 * article_json.h — an rm_article as a cJSON object, the one shape shared by
 * `readmode -f json`, `--jsonl` and the native-messaging `extract` reply.
 */
#ifndef RM_ARTICLE_JSON_H
#define RM_ARTICLE_JSON_H

#include "readmode.h"
#include <cJSON.h>

/* Fields: title byline site_name published lang dir excerpt url text html
 * markdown (null when unknown or not rendered), word_count,
 * reading_minutes, readerable, removed {kind: count} (non-zero kinds only).
 * Returns NULL when out of memory. */
cJSON *rm_article_to_json(const rm_article *article);

#endif
