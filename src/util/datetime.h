/*
 * datetime.h: civil dates (proleptic Gregorian), weekdays, the
 * Europe/London offset from UTC, and the build time.
 *
 * Europe/London follows the EU rule, in force since 1996: British Summer
 * Time (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October; Greenwich Mean Time (UTC+0) otherwise.
 * Earlier years are computed by the same rule, which is wrong before
 * 1996 but never needed.
 *
 * Times of day are minutes after local midnight (0..1439).  Days are
 * counted from 1970-01-01 (day 0), negative before it.
 */
#ifndef SIGNPOST_DATETIME_H
#define SIGNPOST_DATETIME_H

#include "util/diag.h"

struct dt_date {
	int y, m, d;             /* d is 0 for a month without a day */
};

/* True when y-m-d exists (years 1..9999). */
bool dt_valid(int y, int m, int d);
int dt_month_days(int y, int m);
/* Days since 1970-01-01 of a valid date, and back. */
long dt_days(int y, int m, int d);
struct dt_date dt_from_days(long days);
/* 0 Monday .. 6 Sunday. */
int dt_weekday(int y, int m, int d);
/* The day of the month of the nth (1..5) weekday wday of y-m, or of the
 * last one when n is -1; 0 when the month has no such day. */
int dt_nth_weekday(int y, int m, int wday, int n);
/* Compares two dates (the day 0 of a month sorts first). */
int dt_cmp(struct dt_date a, struct dt_date b);

/* Parsers for what people write: "2026-12-03", "2026-12", "10:00".
 * Each returns false on anything else (including impossible dates and
 * times past 23:59). */
bool dt_parse_date(const char *s, struct dt_date *out);
bool dt_parse_month(const char *s, struct dt_date *out);
bool dt_parse_time(const char *s, int *minutes);

/* Seconds east of UTC in Europe/London at the instant t (seconds since
 * the epoch, UTC): 0 or 3600. */
int dt_london_offset_at(int64_t t);
/*
 * Seconds east of UTC in Europe/London for the local time min minutes
 * after midnight on date.  As RFC 5545 (3.3.5) reads local times: a time
 * in the spring gap (01:00-01:59 on the last Sunday of March) takes the
 * offset before the gap, and a time that happens twice in the autumn
 * (01:00-01:59 on the last Sunday of October) is the first of the two.
 */
int dt_london_offset_local(struct dt_date date, int min);
/* False for the local times that do not exist (the spring gap). */
bool dt_london_exists(struct dt_date date, int min);
/* The instant (seconds since the epoch, UTC) of a local London time. */
int64_t dt_london_to_utc(struct dt_date date, int min);
/* The local London date and minute of the instant t. */
struct dt_date dt_london_date(int64_t t, int *min);

/*
 * The build time: SOURCE_DATE_EPOCH when it is set (then *pinned is
 * true), else the current time.  A malformed SOURCE_DATE_EPOCH is an
 * error reported once in d, and the current time is used.
 */
int64_t dt_build_time(bool *pinned, struct diags *d);

/* Names for people: "Monday", "December". */
const char *dt_weekday_name(int wday);
const char *dt_month_name(int m);

#endif
