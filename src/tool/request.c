/*
 * request.c — strict reading of JSON requests (see request.h for why).
 *
 * Parsing is cJSON's, with three checks around it: the bytes are UTF-8,
 * nothing but white space follows the value, and one linear pass over the
 * consumed text finds what cJSON lets through: raw control characters
 * (RFC 8259 forbids them inside strings, and allows only four as white
 * space between values, where cJSON skips any), \u escapes with bad hex
 * digits (which cJSON decodes as U+0000) and \u0000 itself, both of which
 * would end a string early without a word. Field checking is table-driven so each
 * request type states its fields in one place.
 */
#include "request.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

/* Longest part of a field name quoted back in a message. */
#define NAME_QUOTE_MAX 64

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* What the string scan found: positions are byte offsets, SIZE_MAX when
 * absent. */
typedef struct {
    size_t control_at;     /* a raw byte < 0x20 inside a string, or one
                              between tokens that is not JSON white space
                              (cJSON skips them all as white space) */
    bool control_in_string;
    size_t bad_escape_at;  /* a \u not followed by four hex digits */
    size_t nul_at;         /* a \u0000 escape */
    const char *nul_key;   /* the field whose value held it; NULL: a key did */
    size_t nul_key_len;
} string_scan;

/* Four hex digits at s (n bytes available)? cJSON reads a \u escape with
 * bad digits as \u0000, which would end the string there. */
static bool is_hex4(const char *s, size_t n)
{
    if (n < 4)
        return false;
    for (size_t i = 0; i < 4; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i]) || s[i] == '\0')
            return false;
    return true;
}

/* Is the string that closes at text[close] an object key? */
static bool closes_key(const char *text, size_t len, size_t close)
{
    size_t j = close + 1;
    while (j < len && is_json_space(text[j]))
        j++;
    return j < len && text[j] == ':';
}

/* Walk valid-but-for-controls JSON text. Escapes are well-formed here
 * (cJSON accepted them), so skipping the character after a backslash is
 * enough to stay in step with the strings. */
static void scan_text(const char *text, size_t len, string_scan *s)
{
    const char *key = NULL;
    size_t key_len = 0, start = 0, nul_here = SIZE_MAX;
    bool in_string = false;
    s->control_at = s->nul_at = s->bad_escape_at = SIZE_MAX;
    s->control_in_string = false;
    s->nul_key = NULL;
    s->nul_key_len = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!in_string) {
            if (c == '"') {
                in_string = true;
                start = i + 1;
                nul_here = SIZE_MAX;
            } else if (c < 0x20 && !is_json_space((char)c) && s->control_at == SIZE_MAX) {
                s->control_at = i;
                s->control_in_string = false;
            }
            continue;
        }
        if (c == '\\') {
            if (i + 1 < len && text[i + 1] == 'u') {
                if (!is_hex4(text + i + 2, len - (i + 2))) {
                    if (s->bad_escape_at == SIZE_MAX)
                        s->bad_escape_at = i;
                } else if (memcmp(text + i + 2, "0000", 4) == 0 && nul_here == SIZE_MAX) {
                    nul_here = i;
                }
            }
            i++;
        } else if (c == '"') {
            in_string = false;
            bool is_key = closes_key(text, len, i);
            if (nul_here != SIZE_MAX && s->nul_at == SIZE_MAX) {
                s->nul_at = nul_here;
                s->nul_key = is_key ? NULL : key;
                s->nul_key_len = key_len;
            }
            if (is_key) {
                key = text + start;
                key_len = i - start;
            }
        } else if (c < 0x20 && s->control_at == SIZE_MAX) {
            s->control_at = i;
            s->control_in_string = true;
        }
    }
}

request_status request_parse(const char *text, size_t len, cJSON **out, char *err,
                             size_t errlen)
{
    *out = NULL;
    const uint8_t *bad = u8_check((const uint8_t *)text, len);
    if (bad) {
        snprintf(err, errlen, "not valid UTF-8 (at byte %zu)", (size_t)(bad - (const uint8_t *)text));
        return REQUEST_BAD_UTF8;
    }
    const char *end = NULL;
    cJSON *value = cJSON_ParseWithLengthOpts(text, len, &end, false);
    size_t at = end && end >= text && end <= text + len ? (size_t)(end - text) : len;
    if (!value) {
        snprintf(err, errlen, "not valid JSON (at byte %zu)", at);
        return REQUEST_BAD_JSON;
    }
    size_t rest = at;
    while (rest < len && is_json_space(text[rest]))
        rest++;
    if (rest < len) {
        snprintf(err, errlen, "%zu byte(s) after the JSON value, from byte %zu", len - rest,
                 rest);
        cJSON_Delete(value);
        return REQUEST_BAD_JSON;
    }
    string_scan scan;
    scan_text(text, at, &scan);
    if (scan.bad_escape_at != SIZE_MAX) {
        snprintf(err, errlen, "a \\u escape without four hex digits at byte %zu",
                 scan.bad_escape_at);
        cJSON_Delete(value);
        return REQUEST_BAD_JSON;
    }
    if (scan.control_at != SIZE_MAX) {
        snprintf(err, errlen, "a raw control character (0x%02X) %s at byte %zu; JSON %s",
                 (unsigned char)text[scan.control_at],
                 scan.control_in_string ? "inside a string" : "between values", scan.control_at,
                 scan.control_in_string ? "needs it escaped"
                                        : "allows only space, tab, CR and LF there");
        cJSON_Delete(value);
        return REQUEST_BAD_JSON;
    }
    *out = value;
    if (scan.nul_at == SIZE_MAX)
        return REQUEST_OK;
    if (scan.nul_key)
        snprintf(err, errlen, "\"%.*s\" holds a NUL character (\\u0000, at byte %zu): "
                              "requests may not contain NUL",
                 (int)(scan.nul_key_len < NAME_QUOTE_MAX ? scan.nul_key_len : NAME_QUOTE_MAX),
                 scan.nul_key, scan.nul_at);
    else
        snprintf(err, errlen, "a field name holds a NUL character (\\u0000, at byte %zu): "
                              "requests may not contain NUL", scan.nul_at);
    return REQUEST_NUL;
}

/* ------------------------------------------------------------ fields */

static bool has_type(const cJSON *item, field_type type)
{
    switch (type) {
    case FIELD_ANY: return true;
    case FIELD_STRING: return cJSON_IsString(item);
    case FIELD_BOOL: return cJSON_IsBool(item);
    case FIELD_NUMBER: return cJSON_IsNumber(item);
    case FIELD_OBJECT: return cJSON_IsObject(item);
    case FIELD_ARRAY: return cJSON_IsArray(item);
    case FIELD_STRING_ARRAY:
        if (!cJSON_IsArray(item))
            return false;
        for (const cJSON *e = item->child; e; e = e->next)
            if (!cJSON_IsString(e))
                return false;
        return true;
    }
    return false;
}

static const char *type_words(field_type type)
{
    switch (type) {
    case FIELD_ANY: return "a JSON value";
    case FIELD_STRING: return "a string";
    case FIELD_BOOL: return "true or false";
    case FIELD_NUMBER: return "a number";
    case FIELD_OBJECT: return "an object";
    case FIELD_ARRAY: return "an array";
    case FIELD_STRING_ARRAY: return "an array of strings";
    }
    return "?";
}

/* How many members of `obj` are called `name`: a request that gives one
 * field twice is ambiguous (JSON.parse keeps the last, cJSON the first). */
static int count_members(const cJSON *obj, const char *name)
{
    int n = 0;
    for (const cJSON *e = obj->child; e; e = e->next)
        n += e->string && strcmp(e->string, name) == 0;
    return n;
}

static int check_fields(const cJSON *obj, const request_field *table, const char *prefix,
                        char *err, size_t errlen)
{
    for (const request_field *f = table; f->name; f++) {
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, f->name);
        if (!item) {
            if (!f->required)
                continue;
            snprintf(err, errlen, "missing field \"%s%s\"", prefix, f->name);
            return -1;
        }
        if (count_members(obj, f->name) > 1) {
            snprintf(err, errlen, "field \"%s%s\" is given more than once", prefix, f->name);
            return -1;
        }
        if (cJSON_IsNull(item) && !f->required)
            continue;
        if (!has_type(item, f->type)) {
            snprintf(err, errlen, "\"%s%s\" must be %s", prefix, f->name, type_words(f->type));
            return -1;
        }
        if (f->type == FIELD_OBJECT && f->fields) {
            char inner[128];
            snprintf(inner, sizeof inner, "%s%s.", prefix, f->name);
            if (check_fields(item, f->fields, inner, err, errlen) != 0)
                return -1;
        }
    }
    return 0;
}

int request_check(const cJSON *obj, const request_field *table, char *err, size_t errlen)
{
    if (!cJSON_IsObject(obj)) {
        snprintf(err, errlen, "the request must be a JSON object");
        return -1;
    }
    return check_fields(obj, table, "", err, errlen);
}
