/*
 * request.h — strict reading of JSON requests, shared by the native-messaging
 * host and `readmode --jsonl`.
 *
 * cJSON is lenient where a request must not be: it stops a string at a
 * \u0000 escape (silently shortening a page), ignores whatever follows the
 * first JSON value, and takes a raw control character inside a string. A
 * request reader must also tell a sender *which* field is wrong. So parsing
 * is wrapped (request_parse) and each request type declares its fields in a
 * table that request_check applies.
 */
#ifndef RM_REQUEST_H
#define RM_REQUEST_H

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* What request_parse found. */
typedef enum {
    REQUEST_OK,
    REQUEST_BAD_UTF8,    /* the bytes are not valid UTF-8 */
    REQUEST_BAD_JSON,    /* not one JSON value, bytes after it, or a raw
                            control character inside a string */
    REQUEST_NUL,         /* valid JSON whose string holds \u0000; *out is
                            still set, so the caller can echo the id */
} request_status;

/* Parse exactly `len` bytes (no NUL terminator needed) as one JSON value,
 * followed by nothing but JSON white space. On REQUEST_OK and REQUEST_NUL
 * *out is the parsed value (cJSON_Delete it); otherwise *out is NULL.
 * Every status but REQUEST_OK puts a one-line message in err, naming the
 * byte offset or the field. */
request_status request_parse(const char *text, size_t len, cJSON **out, char *err,
                             size_t errlen);

/* The JSON type a field must have. Every optional field may also be
 * absent or null, which both mean "not given". */
typedef enum {
    FIELD_ANY,            /* any JSON value (e.g. an id) */
    FIELD_STRING,
    FIELD_BOOL,           /* true or false: never 0/1 or "true" */
    FIELD_NUMBER,
    FIELD_OBJECT,         /* checked against `fields` when that is set */
    FIELD_ARRAY,
    FIELD_STRING_ARRAY,   /* an array whose items are all strings */
} field_type;

/* One field of a request; a table ends with a NULL name. */
typedef struct request_field {
    const char *name;
    field_type type;
    bool required;
    const struct request_field *fields;   /* FIELD_OBJECT: its own fields */
} request_field;

/* Check `obj` against `table`. Fields the table does not name are ignored,
 * so senders may add their own. Returns 0, or -1 with a message that names
 * the field ("\"force\" must be true or false", "missing field \"html\"",
 * "\"options.charset\" must be a string"). */
int request_check(const cJSON *obj, const request_field *table, char *err, size_t errlen);

#endif
