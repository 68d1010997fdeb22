/*
 * test_datetime.c: civil dates, weekdays, the Europe/London offset
 * around the changes to and from British Summer Time in 2026 and 2027,
 * and SOURCE_DATE_EPOCH.
 */
#include "harness.h"
#include "util/datetime.h"

static struct dt_date D(int y, int m, int d)
{
	return (struct dt_date){ y, m, d };
}

/* seconds since the epoch of a UTC time */
static int64_t utc(int y, int m, int d, int h, int min, int s)
{
	return (int64_t)dt_days(y, m, d) * 86400 + h * 3600 + min * 60 + s;
}

TEST(days_round_trip)
{
	CHECK(dt_days(1970, 1, 1) == 0);
	CHECK(dt_days(2000, 3, 1) == 11017);
	CHECK(dt_days(1969, 12, 31) == -1);
	for (long z = -719000; z < 2900000; z += 997) {
		struct dt_date d = dt_from_days(z);
		CHECK(dt_valid(d.y, d.m, d.d));
		CHECK(dt_days(d.y, d.m, d.d) == z);
	}
}

TEST(weekdays)
{
	CHECK(dt_weekday(1970, 1, 1) == 3);      /* Thursday */
	CHECK(dt_weekday(2026, 11, 22) == 6);    /* Sunday */
	CHECK(dt_weekday(2027, 1, 1) == 4);      /* Friday */
	CHECK(dt_weekday(2024, 2, 29) == 3);     /* Thursday */
	CHECK_STR(dt_weekday_name(dt_weekday(2026, 12, 25)), "Friday");
}

TEST(nth_weekday)
{
	CHECK(dt_nth_weekday(2026, 9, 3, 3) == 17);    /* third Thursday */
	CHECK(dt_nth_weekday(2026, 12, 4, -1) == 25);  /* last Friday */
	CHECK(dt_nth_weekday(2027, 1, 5, 1) == 2);     /* first Saturday */
	CHECK(dt_nth_weekday(2027, 2, 0, 5) == 0);     /* no fifth Monday */
	CHECK(dt_nth_weekday(2026, 3, 6, -1) == 29);   /* last Sunday of March */
	CHECK(dt_nth_weekday(2026, 10, 6, -1) == 25);
	CHECK(dt_nth_weekday(2027, 3, 6, -1) == 28);
	CHECK(dt_nth_weekday(2027, 10, 6, -1) == 31);
}

TEST(parsing)
{
	struct dt_date d;
	int min;
	CHECK(dt_parse_date("2026-12-03", &d) && d.y == 2026 && d.m == 12 && d.d == 3);
	CHECK(dt_parse_date("2024-02-29", &d));
	CHECK(!dt_parse_date("2026-02-29", &d));
	CHECK(!dt_parse_date("2026-13-01", &d));
	CHECK(!dt_parse_date("2026-1-01", &d));
	CHECK(!dt_parse_date("2026-01-01x", &d));
	CHECK(dt_parse_month("2027-05", &d) && d.y == 2027 && d.m == 5 && d.d == 0);
	CHECK(!dt_parse_month("2027-00", &d));
	CHECK(!dt_parse_month("2027-5", &d));
	CHECK(dt_parse_time("09:05", &min) && min == 545);
	CHECK(dt_parse_time("23:59", &min) && min == 1439);
	CHECK(!dt_parse_time("24:00", &min));
	CHECK(!dt_parse_time("9:05", &min));
	CHECK(!dt_parse_time("10:60", &min));
}

/* 01:00 UTC on the last Sundays of March and October */
TEST(offset_at_instants)
{
	int years[] = { 2026, 2027 };
	int march[] = { 29, 28 }, october[] = { 25, 31 };
	for (int i = 0; i < 2; i++) {
		int y = years[i];
		CHECK(dt_london_offset_at(utc(y, 1, 15, 12, 0, 0)) == 0);
		CHECK(dt_london_offset_at(utc(y, 3, march[i], 0, 59, 59)) == 0);
		CHECK(dt_london_offset_at(utc(y, 3, march[i], 1, 0, 0)) == 3600);
		CHECK(dt_london_offset_at(utc(y, 7, 1, 12, 0, 0)) == 3600);
		CHECK(dt_london_offset_at(utc(y, 10, october[i], 0, 59, 59)) == 3600);
		CHECK(dt_london_offset_at(utc(y, 10, october[i], 1, 0, 0)) == 0);
		CHECK(dt_london_offset_at(utc(y, 12, 31, 23, 59, 59)) == 0);
	}
}

TEST(offset_of_local_times)
{
	/* 2026: the clocks go forward on 29 March, back on 25 October */
	CHECK(dt_london_offset_local(D(2026, 3, 28), 600) == 0);
	CHECK(dt_london_offset_local(D(2026, 3, 29), 59) == 0);
	CHECK(dt_london_offset_local(D(2026, 3, 29), 90) == 0);    /* 01:30 does not exist */
	CHECK(!dt_london_exists(D(2026, 3, 29), 90));
	CHECK(dt_london_exists(D(2026, 3, 29), 120));
	CHECK(dt_london_exists(D(2026, 3, 22), 90));
	CHECK(dt_london_offset_local(D(2026, 3, 29), 120) == 3600);
	CHECK(dt_london_offset_local(D(2026, 10, 25), 59) == 3600);
	CHECK(dt_london_offset_local(D(2026, 10, 25), 90) == 3600);  /* the first 01:30 */
	CHECK(dt_london_offset_local(D(2026, 10, 25), 120) == 0);
	CHECK(dt_london_offset_local(D(2026, 10, 26), 600) == 0);
	/* 2027: 28 March and 31 October */
	CHECK(dt_london_offset_local(D(2027, 3, 27), 600) == 0);
	CHECK(dt_london_offset_local(D(2027, 3, 28), 600) == 3600);
	CHECK(!dt_london_exists(D(2027, 3, 28), 60));
	CHECK(dt_london_offset_local(D(2027, 10, 30), 600) == 3600);
	CHECK(dt_london_offset_local(D(2027, 10, 31), 600) == 0);
	CHECK(dt_london_offset_local(D(2027, 10, 31), 119) == 3600);
}

TEST(local_to_utc_and_back)
{
	int min;
	struct dt_date d;
	CHECK(dt_london_to_utc(D(2027, 3, 25), 1110) == utc(2027, 3, 25, 18, 30, 0));
	CHECK(dt_london_to_utc(D(2027, 4, 1), 1110) == utc(2027, 4, 1, 17, 30, 0));
	CHECK(dt_london_to_utc(D(2026, 10, 22), 600) == utc(2026, 10, 22, 9, 0, 0));
	CHECK(dt_london_to_utc(D(2026, 10, 29), 600) == utc(2026, 10, 29, 10, 0, 0));
	CHECK(dt_london_to_utc(D(2026, 10, 25), 90) == utc(2026, 10, 25, 0, 30, 0));
	d = dt_london_date(utc(2026, 6, 30, 23, 30, 0), &min);
	CHECK(d.y == 2026 && d.m == 7 && d.d == 1 && min == 30);
	d = dt_london_date(utc(2026, 12, 31, 23, 30, 0), &min);
	CHECK(d.y == 2026 && d.m == 12 && d.d == 31 && min == 1410);
	/* every local minute that exists maps back to itself, over both years */
	for (long z = dt_days(2026, 1, 1); z <= dt_days(2027, 12, 31); z++) {
		struct dt_date day = dt_from_days(z);
		for (int m = 0; m < 1440; m += 30) {
			struct dt_date back;
			int bm;
			if (!dt_london_exists(day, m))
				continue;
			back = dt_london_date(dt_london_to_utc(day, m), &bm);
			CHECK(!dt_cmp(back, day) && bm == m);
		}
	}
}

TEST(build_time)
{
	struct diags d = DIAGS_INIT;
	bool pinned;

	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	CHECK(dt_build_time(&pinned, &d) == 1795000000 && pinned && d.n == 0);
	setenv("SOURCE_DATE_EPOCH", "17950x", 1);
	dt_build_time(&pinned, &d);
	CHECK(!pinned && d.errors == 1);
	setenv("SOURCE_DATE_EPOCH", "-5", 1);
	dt_build_time(&pinned, &d);
	CHECK(!pinned && d.errors == 2);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(dt_build_time(&pinned, &d) > 1700000000 && !pinned && d.errors == 2);
	diags_free(&d);
}

int main(void)
{
	RUN(days_round_trip);
	RUN(weekdays);
	RUN(nth_weekday);
	RUN(parsing);
	RUN(offset_at_instants);
	RUN(offset_of_local_times);
	RUN(local_to_utc_and_back);
	RUN(build_time);
	return harness_done();
}
