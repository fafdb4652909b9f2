/*
 * article_json.c — serialise an rm_article (see article_json.h).
 *
 * Unknown strings are JSON null rather than "" so that consumers can tell
 * "absent" from "empty".
 */
#include "article_json.h"

static int add_string(cJSON *obj, const char *key, const char *value)
{
    cJSON *item = value ? cJSON_CreateString(value) : cJSON_CreateNull();
    if (!item)
        return -1;
    cJSON_AddItemToObject(obj, key, item);
    return 0;
}

static cJSON *removed_json(const rm_article *a)
{
    cJSON *removed = cJSON_CreateObject();
    if (!removed)
        return NULL;
    for (int k = 0; k < RM_REMOVED_KIND_COUNT; k++) {
        if (a->removed[k] == 0)
            continue;
        if (!cJSON_AddNumberToObject(removed, rm_removed_kind_name((rm_removed_kind)k),
                                     a->removed[k])) {
            cJSON_Delete(removed);
            return NULL;
        }
    }
    return removed;
}

cJSON *rm_article_to_json(const rm_article *a)
{
    cJSON *obj = cJSON_CreateObject();
    if (!obj)
        return NULL;
    const struct { const char *key, *value; } strings[] = {
        {"title", a->title},         {"byline", a->byline},
        {"site_name", a->site_name}, {"published", a->published},
        {"lang", a->lang},           {"dir", a->dir},
        {"excerpt", a->excerpt},     {"url", a->url},
        {"text", a->text},           {"html", a->html},
        {"markdown", a->markdown},
    };
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        if (add_string(obj, strings[i].key, strings[i].value))
            goto oom;
    if (!cJSON_AddNumberToObject(obj, "word_count", (double)a->word_count) ||
        !cJSON_AddNumberToObject(obj, "reading_minutes", a->reading_minutes) ||
        !cJSON_AddBoolToObject(obj, "readerable", a->readerable) ||
        !cJSON_AddStringToObject(obj, "page_type", rm_page_type_name(a->page_type)) ||
        !cJSON_AddNumberToObject(obj, "page_items", a->page_items))
        goto oom;
    cJSON *removed = removed_json(a);
    if (!removed)
        goto oom;
    cJSON_AddItemToObject(obj, "removed", removed);
    return obj;
oom:
    cJSON_Delete(obj);
    return NULL;
}
