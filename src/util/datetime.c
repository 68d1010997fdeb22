/*
 * datetime.c: civil date arithmetic (after Howard Hinnant's
 * days_from_civil), the Europe/London offset, SOURCE_DATE_EPOCH.
 */
#include "util/datetime.h"

#include <errno.h>
#include <time.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dt_month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool dt_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dt_month_days(y, m);
}

long dt_days(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct dt_date dt_from_days(long z)
{
	struct dt_date r;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int dt_weekday(int y, int m, int d)
{
	/* 1970-01-01 was a Thursday (3) */
	long w = (dt_days(y, m, d) + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int dt_nth_weekday(int y, int m, int wday, int n)
{
	int last = dt_month_days(y, m);
	int first_w, d;

	if (!last || wday < 0 || wday > 6)
		return 0;
	if (n == -1) {
		int lw = dt_weekday(y, m, last);
		return last - (lw - wday + 7) % 7;
	}
	if (n < 1 || n > 5)
		return 0;
	first_w = dt_weekday(y, m, 1);
	d = 1 + (wday - first_w + 7) % 7 + 7 * (n - 1);
	return d <= last ? d : 0;
}

int dt_cmp(struct dt_date a, struct dt_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* n digits at s, as a number; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool dt_parse_month(const char *s, struct dt_date *out)
{
	int y, m;
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	if (y < 1 || m < 1 || m > 12)
		return false;
	out->y = y;
	out->m = m;
	out->d = 0;
	return true;
}

bool dt_parse_date(const char *s, struct dt_date *out)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (!dt_valid(y, m, d))
		return false;
	*out = (struct dt_date){ y, m, d };
	return true;
}

bool dt_parse_time(const char *s, int *minutes)
{
	int h, m;
	if (strlen(s) != 5 || s[2] != ':')
		return false;
	h = digits(s, 2);
	m = digits(s + 3, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	*minutes = h * 60 + m;
	return true;
}

/* Seconds since the epoch of the changes in year y: BST begins at
 * 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on the
 * last Sunday of October. */
static int64_t bst_start(int y)
{
	return (int64_t)dt_days(y, 3, dt_nth_weekday(y, 3, 6, -1)) * 86400 + 3600;
}

static int64_t bst_end(int y)
{
	return (int64_t)dt_days(y, 10, dt_nth_weekday(y, 10, 6, -1)) * 86400 + 3600;
}

static int year_of(int64_t t)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	return dt_from_days((long)days).y;
}

int dt_london_offset_at(int64_t t)
{
	int y = year_of(t);
	return t >= bst_start(y) && t < bst_end(y) ? 3600 : 0;
}

/* Local minutes since the epoch, as if local time were UTC. */
static int64_t local_minutes(struct dt_date date, int min)
{
	return (int64_t)dt_days(date.y, date.m, date.d) * 1440 + min;
}

int dt_london_offset_local(struct dt_date date, int min)
{
	/* Local clocks go 00:59 GMT -> 02:00 BST in March and 01:59 BST ->
	 * 01:00 GMT in October: 02:00 local on both days is the boundary */
	int64_t l = local_minutes(date, min);
	int64_t from = local_minutes((struct dt_date){ date.y, 3, dt_nth_weekday(date.y, 3, 6, -1) }, 120);
	int64_t to = local_minutes((struct dt_date){ date.y, 10, dt_nth_weekday(date.y, 10, 6, -1) }, 120);
	return l >= from && l < to ? 3600 : 0;
}

bool dt_london_exists(struct dt_date date, int min)
{
	int sunday = dt_nth_weekday(date.y, 3, 6, -1);
	return !(date.m == 3 && date.d == sunday && min >= 60 && min < 120);
}

int64_t dt_london_to_utc(struct dt_date date, int min)
{
	return local_minutes(date, min) * 60 - dt_london_offset_local(date, min);
}

struct dt_date dt_london_date(int64_t t, int *min)
{
	int64_t l = t + dt_london_offset_at(t);
	int64_t days = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
	if (min)
		*min = (int)((l - days * 86400) / 60);
	return dt_from_days((long)days);
}

int64_t dt_build_time(bool *pinned, struct diags *d)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	*pinned = false;
	if (env && *env) {
		errno = 0;
		v = strtoll(env, &end, 10);
		if (!errno && !*end && v >= 0 && v <= 253402300799LL && *env >= '0' && *env <= '9') {
			*pinned = true;
			return (int64_t)v;
		}
		diag_error(d, "SOURCE_DATE_EPOCH", 0, 0,
			   "'%s' should be a whole number of seconds since 1970-01-01 UTC", env);
	}
	return (int64_t)time(NULL);
}

const char *dt_weekday_name(int wday)
{
	static const char *const names[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	};
	return wday >= 0 && wday < 7 ? names[wday] : "?";
}

const char *dt_month_name(int m)
{
	static const char *const names[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	return m >= 1 && m <= 12 ? names[m - 1] : "?";
}
