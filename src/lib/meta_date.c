/*
 * meta_date.c — publication dates as ISO 8601 from the forms pages use:
 * ISO itself, RFC 2822, written dates and Unix times.
 */
#include "meta_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* Dates. Readability passes dates through; we publish ISO 8601:
 * already-ISO values unchanged, "YYYY-MM-DD hh:mm" given its "T",
 * RFC 2822 (mail, RSS), "March 5, 2020" / "5 March 2020" and Unix times
 * converted; anything else is dropped. */

typedef struct {
    int year, month, day, hour, minute, second;
    bool has_time, has_seconds;
    char fraction[16];  /* ".123" or "" */
    char zone[8];       /* "Z", "+01:00" or "" */
} date_parts;

static const char *const month_names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

/* Named zones of RFC 2822 §4.3. */
static const struct {
    const char *name;
    const char *offset;
} zone_names[] = {
    {"UT", "Z"}, {"UTC", "Z"}, {"GMT", "Z"}, {"Z", "Z"},
    {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"},
    {"MST", "-07:00"}, {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"},
};

static int read_int(const char **s, int min_digits, int max_digits)
{
    int v = 0, n = 0;
    while (n < max_digits && **s >= '0' && **s <= '9') {
        v = v * 10 + (**s - '0');
        (*s)++;
        n++;
    }
    return n >= min_digits ? v : -1;
}

static int read_month(const char **s)
{
    for (int m = 0; m < 12; m++) {
        if (strncasecmp(*s, month_names[m], 3) != 0)
            continue;
        *s += 3;
        while ((**s | 0x20) >= 'a' && (**s | 0x20) <= 'z')
            (*s)++;
        if (**s == '.')
            (*s)++;
        return m + 1;
    }
    return -1;
}

static void skip_spaces(const char **s)
{
    while (**s == ' ' || **s == '\t')
        (*s)++;
}

/* hh:mm[:ss[.fff]] */
static bool read_time(const char **s, date_parts *d)
{
    d->hour = read_int(s, 1, 2);
    if (d->hour < 0 || **s != ':')
        return false;
    (*s)++;
    d->minute = read_int(s, 2, 2);
    if (d->minute < 0)
        return false;
    if (**s == ':') {
        (*s)++;
        d->second = read_int(s, 2, 2);
        if (d->second < 0)
            return false;
        d->has_seconds = true;
        size_t frac = (**s == '.' || **s == ',') ? 1 + strspn(*s + 1, "0123456789") : 0;
        if (frac > 1 && frac < sizeof d->fraction) {
            memcpy(d->fraction, *s, frac);
            d->fraction[0] = '.';
            d->fraction[frac] = '\0';
        }
        *s += frac;
    }
    d->has_time = true;
    return true;
}

/* Z, ±hh, ±hhmm, ±hh:mm or a zone name; "" when absent. Offsets run from
 * -12:00 to +14:00, the range of the world's time zones. */
static bool read_zone(const char **s, date_parts *d)
{
    skip_spaces(s);
    if (**s == '+' || **s == '-') {
        char sign = **s;
        (*s)++;
        const char *digits = *s;
        int hh = read_int(s, 2, 2), mm = 0;
        if (hh < 0)
            return false;
        if (**s == ':')
            (*s)++;
        if (**s >= '0' && **s <= '9')
            mm = read_int(s, 2, 2);
        if (mm < 0 || mm > 59 || hh > 14 || *s - digits > 5 ||
            hh * 60 + mm > (sign == '+' ? 14 : 12) * 60)
            return false;
        snprintf(d->zone, sizeof d->zone, "%c%02d:%02d", sign, hh, mm);
        return true;
    }
    for (size_t i = 0; i < COUNT_OF(zone_names); i++) {
        size_t n = strlen(zone_names[i].name);
        if (strncasecmp(*s, zone_names[i].name, n) == 0 &&
            !(((*s)[n] | 0x20) >= 'a' && ((*s)[n] | 0x20) <= 'z')) {
            *s += n;
            snprintf(d->zone, sizeof d->zone, "%s", zone_names[i].offset);
            return true;
        }
    }
    return true;
}

static bool read_iso(const char *s, date_parts *d)
{
    d->year = read_int(&s, 4, 4);
    if (d->year < 0 || *s++ != '-' || (d->month = read_int(&s, 2, 2)) < 0 ||
        *s++ != '-' || (d->day = read_int(&s, 2, 2)) < 0)
        return false;
    if ((*s == 'T' || *s == 't' || *s == ' ') && s[1] >= '0' && s[1] <= '9') {
        s++;
        if (!read_time(&s, d) || !read_zone(&s, d))
            return false;
    }
    skip_spaces(&s);
    return *s == '\0';
}

/* [Day,] DD Mon YYYY [hh:mm[:ss] [zone]]  and  Mon DD, YYYY [hh:mm ...] */
static bool read_written(const char *s, date_parts *d)
{
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 10 && read_month(&(const char *){s}) < 0)
        s = comma + 1;  /* weekday */
    skip_spaces(&s);
    if (*s >= '0' && *s <= '9') {
        d->day = read_int(&s, 1, 2);
        skip_spaces(&s);
        d->month = read_month(&s);
    } else {
        d->month = read_month(&s);
        skip_spaces(&s);
        d->day = read_int(&s, 1, 2);
        if (*s == ',')
            s++;
    }
    skip_spaces(&s);
    d->year = read_int(&s, 4, 4);
    if (d->day < 0 || d->month < 0 || d->year < 0)
        return false;
    skip_spaces(&s);
    if (*s >= '0' && *s <= '9' && (!read_time(&s, d) || !read_zone(&s, d)))
        return false;
    skip_spaces(&s);
    return *s == '\0';
}

/* 10-digit seconds or 13-digit milliseconds since the epoch. */
static bool read_epoch(const char *s, date_parts *d)
{
    size_t n = strspn(s, "0123456789");
    if (s[n] != '\0' || (n != 10 && n != 13))
        return false;
    time_t t = (time_t)(strtoll(s, NULL, 10) / (n == 13 ? 1000 : 1));
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return false;
    *d = (date_parts){.year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
                      .hour = tm.tm_hour, .minute = tm.tm_min, .second = tm.tm_sec,
                      .has_time = true, .has_seconds = true, .zone = "Z"};
    return true;
}

/* Gregorian leap years: every fourth, except centuries not divisible by
 * 400 (1900 was not a leap year, 2000 was). */
static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/* A date that exists: no 31 April, no 29 February outside leap years, no
 * hour 24; a leap second only as the last second of a day (23:59:60). */
static bool date_in_range(const date_parts *d)
{
    if (d->year < 1 || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > days_in_month(d->year, d->month))
        return false;
    if (!d->has_time)
        return true;
    if (d->second == 60)
        return d->hour == 23 && d->minute == 59;
    return d->hour <= 23 && d->minute <= 59 && d->second <= 59;
}

char *meta_normalize_date(const char *value, bool *oom)
{
    date_parts d = {0};
    bool iso = read_iso(value, &d);
    if (!iso) {
        d = (date_parts){0};
        if (!read_written(value, &d)) {
            d = (date_parts){0};
            if (!read_epoch(value, &d))
                return NULL;
        }
    }
    if (!date_in_range(&d))
        return NULL;
    if (iso && (!d.has_time || strchr(value, 'T')) && !strchr(value, ' ')) {
        char *copy = strdup(value);
        *oom |= !copy;
        return copy;
    }
    char out[64];
    int n = snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    if (d.has_time) {
        n += snprintf(out + n, sizeof out - (size_t)n, "T%02d:%02d", d.hour, d.minute);
        if (d.has_seconds)
            snprintf(out + n, sizeof out - (size_t)n, ":%02d%s", d.second, d.fraction);
        strncat(out, d.zone, sizeof out - strlen(out) - 1);
    }
    char *copy = strdup(out);
    *oom |= !copy;
    return copy;
}

