/*
 * fuzz_request.c — the strict request reader on arbitrary bytes, fast (no
 * extraction behind it, unlike fuzz_native). Invariants: an accepted text
 * is valid UTF-8 with no raw control byte but JSON white space; what it
 * parses to prints back to a text that is accepted again and prints the
 * same; field checking never fails to answer.
 */
#include "fuzz.h"
#include "request.h"

#include <string.h>
#include <unistr.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static const request_field inner[] = {
    {"charset", FIELD_STRING, false, NULL},
    {NULL, FIELD_ANY, false, NULL},
};
static const request_field table[] = {
    {"id", FIELD_ANY, false, NULL},         {"type", FIELD_STRING, true, NULL},
    {"html", FIELD_STRING, true, NULL},     {"force", FIELD_BOOL, false, NULL},
    {"n", FIELD_NUMBER, false, NULL},       {"list", FIELD_ARRAY, false, NULL},
    {"formats", FIELD_STRING_ARRAY, false, NULL},
    {"options", FIELD_OBJECT, false, inner}, {NULL, FIELD_ANY, false, NULL},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so reading past the end is caught. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    cJSON *value = NULL;
    char err[256];
    request_status st = request_parse(text, size, &value, err, sizeof err);
    FUZZ_REQUIRE((st == REQUEST_OK || st == REQUEST_NUL) == (value != NULL));
    if (st != REQUEST_OK)
        FUZZ_REQUIRE(err[0] != '\0');
    if (st == REQUEST_OK) {
        FUZZ_REQUIRE(u8_check(data, size) == NULL);
        for (size_t i = 0; i < size; i++)
            FUZZ_REQUIRE(data[i] >= 0x20 || data[i] == '\t' || data[i] == '\n' || data[i] == '\r');
        char *printed = cJSON_PrintUnformatted(value);
        if (printed) {
            cJSON *again = NULL;
            request_status st2 = request_parse(printed, strlen(printed), &again, err, sizeof err);
            FUZZ_REQUIRE(st2 == REQUEST_OK);
            /* Compared as printed text: cJSON_Compare looks members up by
             * name, so it calls an object with a repeated name unequal to
             * itself. */
            char *reprinted = cJSON_PrintUnformatted(again);
            FUZZ_REQUIRE(!reprinted || strcmp(printed, reprinted) == 0);
            free(reprinted);
            cJSON_Delete(again);
            free(printed);
        }
    }
    if (value) {
        int rc = request_check(value, table, err, sizeof err);
        FUZZ_REQUIRE(rc == 0 || err[0] != '\0');
    }
    cJSON_Delete(value);
    free(text);
    return 0;
}
