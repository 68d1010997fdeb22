/*
 * test_events.c: reading event files: keys and values with positions,
 * the three kinds of occurrence, rule expansion with exceptions, and
 * what counts as upcoming relative to a pinned build date.
 */
#include "harness.h"
#include "load/events.h"
#include "util/buf.h"

#include <unistd.h>

static struct arena A;
static struct diags D = DIAGS_INIT;
static struct buf OUT;
static struct events EV;
static struct guide GUIDES[] = {
	{ .id = "adopters", .title = "Adopters", .folder = "adopters", .style = "standard" },
	{ .id = "children", .title = "Children and young people", .folder = "children", .style = "child" },
};
static struct config CFG = { .title = "Test", .base_url = "https://example.org/",
			     .guides = GUIDES, .n_guides = 2 };

/* The build date: Wednesday 18 November 2026, 11:06 UTC. */
#define BUILD_EPOCH "1795000000"

static void setup(void)
{
	arena_free(&A);
	arena_init(&A);
	diags_free(&D);
	D = (struct diags)DIAGS_INIT;
	setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH, 1);
	events_init(&A, "/nonexistent", &CFG, &EV, &D);
}

static struct event *parse(const char *src)
{
	setup();
	return event_parse(&A, &EV, "e.yaml", "e", src, strlen(src), &D);
}

static const char *diags_text(void)
{
	buf_reset(&OUT);
	for (size_t i = 0; i < D.n; i++)
		buf_printf(&OUT, "%s%d:%d: %s: %s", i ? "\n" : "", D.v[i].line, D.v[i].col,
			   D.v[i].level == DIAG_ERROR ? "error" : "warning", D.v[i].msg);
	return buf_cstr(&OUT);
}

/* "2026-12-03 10:00-11:30" for each occurrence, one per line */
static const char *dates(const struct event *e)
{
	buf_reset(&OUT);
	for (size_t i = 0; e && i < e->n_occ; i++) {
		const struct occurrence *o = &e->occ[i];
		if (o->date.d)
			buf_printf(&OUT, "%04d-%02d-%02d", o->date.y, o->date.m, o->date.d);
		else
			buf_printf(&OUT, "%04d-%02d", o->date.y, o->date.m);
		if (o->start >= 0)
			buf_printf(&OUT, " %02d:%02d-%02d:%02d", o->start / 60, o->start % 60,
				   o->end / 60, o->end % 60);
		buf_addc(&OUT, '\n');
	}
	return buf_cstr(&OUT);
}

#define HEAD "title: Group\nsummary: A group.\naudiences: [adopters]\nonline: true\n"

TEST(build_date_is_pinned)
{
	setup();
	CHECK(EV.pinned && EV.now == 1795000000);
	CHECK(EV.today.y == 2026 && EV.today.m == 11 && EV.today.d == 18);
	CHECK(EV.horizon.y == 2027 && EV.horizon.m == 11 && EV.horizon.d == 30);
}

TEST(good_event)
{
	struct event *e = parse(
		"title: Stay and play\n"
		"summary: Play and a cuppa.\n"
		"description: |\n"
		"  Come along.\n"
		"audiences: [adopters, children]\n"
		"areas: [fernvale]\n"
		"venue:\n"
		"  name: Riverside House\n"
		"  postcode: FV1 4RD\n"
		"booking:\n"
		"  url: https://booking.example.org/x\n"
		"  phone: \"01632 960120\"\n"
		"  email: groups@example.org\n"
		"cost: £5 per family\n"
		"occurrences:\n"
		"  - date: 2026-12-03\n"
		"    start: \"10:00\"\n"
		"    end: \"11:30\"\n"
		"  - date: 2026-11-02\n"
		"  - month: 2027-05\n");
	CHECK(e != NULL);
	CHECK_STR(diags_text(), "");
	if (!e)
		return;
	CHECK_STR(e->title, "Stay and play");
	CHECK(e->description_line == 4);
	CHECK(e->n_audiences == 2 && !strcmp(e->audiences[1]->id, "children"));
	CHECK_STR(e->audiences[1]->label, "Children and young people");
	CHECK(e->n_areas == 1 && !strcmp(e->areas[0]->id, "fernvale"));
	CHECK_STR(e->book_phone, "01632 960120");
	CHECK_STR(dates(e), "2026-11-02\n2026-12-03 10:00-11:30\n2027-05\n");
	/* the build date is 18 November 2026 */
	CHECK(e->first_upcoming == 1);
}

TEST(monthly_rule_with_exception)
{
	struct event *e = parse(HEAD
		"occurrences:\n"
		"  - every: month\n"
		"    on: third thursday\n"
		"    start: \"10:00\"\n"
		"    end: \"11:30\"\n"
		"    from: 2026-09-01\n"
		"    until: 2027-01-31\n"
		"    except: [2026-12-17]\n");
	CHECK_STR(diags_text(), "");
	CHECK_STR(dates(e),
		  "2026-09-17 10:00-11:30\n2026-10-15 10:00-11:30\n2026-11-19 10:00-11:30\n"
		  "2027-01-21 10:00-11:30\n");
	if (!e)
		return;
	CHECK(e->when[0].date.d == 17 && e->when[0].last.y == 2027 && e->when[0].last.d == 21);
	CHECK(e->first_upcoming == 2);
}

TEST(last_weekday_and_from_mid_month)
{
	struct event *e = parse(HEAD
		"occurrences:\n"
		"  - every: month\n"
		"    on: Last Friday\n"
		"    from: 2026-10-31\n"
		"    until: 2027-01-29\n");
	CHECK_STR(diags_text(), "");
	/* October's last Friday (the 30th) is before 'from' */
	CHECK_STR(dates(e), "2026-11-27\n2026-12-25\n2027-01-29\n");
}

TEST(weekly_rule)
{
	struct event *e = parse(HEAD
		"occurrences:\n"
		"  - every: week\n"
		"    on: wednesdays\n"
		"    start: \"10:00\"\n"
		"    end: \"12:30\"\n"
		"    from: 2027-01-11\n"
		"    until: 2027-02-10\n"
		"    except: [2027-01-27]\n");
	CHECK_STR(diags_text(), "");
	CHECK_STR(dates(e),
		  "2027-01-13 10:00-12:30\n2027-01-20 10:00-12:30\n2027-02-03 10:00-12:30\n"
		  "2027-02-10 10:00-12:30\n");
}

TEST(open_rule_stops_at_horizon)
{
	struct event *e = parse(HEAD
		"occurrences:\n"
		"  - every: month\n"
		"    on: first monday\n"
		"    from: 2027-06-01\n");
	CHECK_STR(diags_text(), "");
	CHECK_STR(dates(e), "2027-06-07\n2027-07-05\n2027-08-02\n2027-09-06\n2027-10-04\n2027-11-01\n");
}

TEST(exception_not_in_series_warns_at_it)
{
	parse(HEAD
	      "occurrences:\n"
	      "  - every: week\n"
	      "    on: monday\n"
	      "    from: 2027-01-01\n"
	      "    until: 2027-01-31\n"
	      "    except: [2027-01-04, 2027-01-05]\n");
	CHECK_STR(diags_text(), "10:26: warning: 'except' 2027-01-05 is not a date of this series");
}

TEST(unknown_keys_suggest)
{
	CHECK(parse("title: x\nsumary: y\naudiences: [adopters]\nonline: true\n"
		    "occurrences:\n  - date: 2027-01-01\n    strat: \"10:00\"\n") == NULL);
	CHECK_STR(diags_text(),
		  "2:1: error: unknown event key 'sumary' (did you mean 'summary'?)\n"
		  "1:1: error: missing 'summary'\n"
		  "7:5: error: unknown occurrence key 'strat' (did you mean 'start'?)");
}

TEST(unknown_audience_suggests)
{
	CHECK(parse("title: x\nsummary: y\naudiences: [adopters, childrn]\nonline: true\n"
		    "occurrences:\n  - date: 2027-01-01\n") == NULL);
	CHECK_STR(diags_text(), "3:23: error: unknown audience 'childrn' (did you mean 'children'?)");
}

TEST(without_a_taxonomy_other_audiences_are_ids)
{
	struct event *e = parse("title: x\nsummary: y\naudiences: [kinship-carers]\nonline: true\n"
				"occurrences:\n  - date: 2027-01-01\n");
	CHECK_STR(diags_text(), "");
	CHECK(e && e->n_audiences == 1 && !strcmp(e->audiences[0]->label, "kinship-carers"));
	CHECK(parse("title: x\nsummary: y\naudiences: [Kinship_Carers]\nonline: true\n"
		    "occurrences:\n  - date: 2027-01-01\n") == NULL);
	CHECK_STR(diags_text(),
		  "3:13: error: audience 'Kinship_Carers' should be an id: lower-case letters, digits and hyphens");
}

TEST(bad_values_at_their_positions)
{
	CHECK(parse(HEAD
		    "booking:\n"
		    "  url: javascript:alert(1)\n"
		    "  phone: call us\n"
		    "  email: nobody\n"
		    "occurrences:\n"
		    "  - date: 2027-02-30\n"
		    "  - date: 2027-03-01\n"
		    "    start: \"10:00\"\n"
		    "  - date: 2027-03-02\n"
		    "    start: \"10:00\"\n"
		    "    end: \"9:30\"\n"
		    "  - date: 2027-03-03\n"
		    "    start: \"11:00\"\n"
		    "    end: \"10:00\"\n"
		    "  - month: 2027-13\n"
		    "  - every: fortnight\n"
		    "  - every: month\n"
		    "    on: thursday\n"
		    "    from: 2027-01-01\n"
		    "  - date: 2027-01-01\n"
		    "    every: week\n") == NULL);
	CHECK_STR(diags_text(),
		  "6:8: error: 'url' should be a web address starting https:// or http://, not 'javascript:alert(1)'\n"
		  "7:10: error: 'phone' should be a telephone number, such as \"01632 960000\", not 'call us'\n"
		  "8:10: error: 'email' should be an email address, such as groups@example.org, not 'nobody'\n"
		  "10:11: error: 'date' should be a date written YYYY-MM-DD, not '2027-02-30'\n"
		  "12:5: error: 'start' needs 'end' too (leave both out for all day)\n"
		  "15:10: error: 'end' should be a time written HH:MM on the 24-hour clock, such as \"10:00\" or \"18:30\", not '9:30'\n"
		  "18:10: error: 'end' 10:00 is not after 'start' 11:00\n"
		  "19:12: error: 'month' should be a month written YYYY-MM, not '2027-13'\n"
		  "20:12: error: 'every' should be 'week' or 'month', not 'fortnight'\n"
		  "22:9: error: 'on' should name a week and a day, such as 'third thursday' or 'last friday', not 'thursday'\n"
		  "24:5: error: an occurrence has one of 'date', 'month' or 'every', not more");
}

TEST(month_takes_no_times)
{
	CHECK(parse(HEAD "occurrences:\n  - month: 2027-06\n    start: \"10:00\"\n") == NULL);
	CHECK_STR(diags_text(), "7:5: error: 'start' does not go with 'month'");
}

TEST(where_and_when_are_required)
{
	CHECK(parse("title: x\nsummary: y\naudiences: [adopters]\n") == NULL);
	CHECK_STR(diags_text(),
		  "1:1: error: say where the event is: add 'venue' (name, address, postcode) or 'online'\n"
		  "1:1: error: missing 'occurrences': when the event happens");
}

TEST(series_without_dates)
{
	CHECK(parse(HEAD "occurrences:\n  - every: month\n    on: first monday\n"
		    "    from: 2027-01-05\n    until: 2027-01-31\n") == NULL);
	CHECK_STR(diags_text(), "6:5: error: this series has no dates between 'from' and 'until'");
}

TEST(spring_gap_is_refused)
{
	CHECK(parse(HEAD "occurrences:\n  - date: 2027-03-28\n    start: \"01:15\"\n    end: \"03:00\"\n") == NULL);
	CHECK_STR(diags_text(),
		  "6:5: error: 01:15 to 03:00 on 2027-03-28 falls in the hour the clocks go forward (01:00 to 02:00 does not happen that night)");
}

TEST(too_many_occurrences)
{
	CHECK(parse(HEAD "occurrences:\n  - every: week\n    on: monday\n    from: 2000-01-01\n"
		    "    until: 2099-12-31\n") == NULL);
	CHECK_STR(diags_text(), "6:5: error: more than 1000 occurrences; shorten the series with 'until'");
}

TEST(file_names_are_ids)
{
	const char *src = HEAD "occurrences:\n  - date: 2027-01-01\n";
	setup();
	CHECK(event_parse(&A, &EV, "content/events/Bad Name.yaml", "Bad Name", src, strlen(src), &D) == NULL);
	CHECK(event_parse(&A, &EV, "content/events/past.yaml", "past", src, strlen(src), &D) == NULL);
	CHECK(D.errors == 2);
	CHECK(strstr(D.v[1].msg, "'past' is taken by the events pages") != NULL);
}

TEST(month_only_upcoming_in_its_month)
{
	struct event *e = parse(HEAD "occurrences:\n  - month: 2026-11\n  - month: 2026-10\n");
	CHECK_STR(dates(e), "2026-10\n2026-11\n");
	CHECK(e && e->first_upcoming == 1);
}

TEST(order_within_a_day_and_month)
{
	struct event *e = parse(HEAD "occurrences:\n"
				"  - month: 2027-02\n"
				"  - date: 2027-02-10\n    start: \"14:00\"\n    end: \"15:00\"\n"
				"  - date: 2027-02-10\n    start: \"09:00\"\n    end: \"10:00\"\n"
				"  - date: 2027-02-28\n");
	CHECK_STR(dates(e), "2027-02-10 09:00-10:00\n2027-02-10 14:00-15:00\n2027-02-28\n2027-02\n");
}

TEST(not_utf8)
{
	CHECK(parse("title: caf\xe9\n") == NULL);
	CHECK_STR(diags_text(), "1:11: error: invalid UTF-8; save the file as UTF-8");
}

/* A site folder with a taxonomy and two services, made in /tmp. */
static char SITE[64];

static void write_file(const char *rel, const char *text)
{
	char path[256];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", SITE, rel);
	f = fopen(path, "w");
	if (!f)
		BUG("cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

TEST(terms_and_services_from_the_directory)
{
	char cmd[128];
	struct event *e;
	const char *src;

	snprintf(SITE, sizeof(SITE), "/tmp/signpost-test-events-%d", (int)getpid());
	snprintf(cmd, sizeof(cmd), "mkdir -p %s/content/directory/services/groups", SITE);
	if (system(cmd) != 0)
		BUG("mkdir failed");
	write_file("content/directory/taxonomy.yaml",
		   "audiences:\n"
		   "  - id: adoptive-parents\n    label: Adoptive parents\n    guide: adopters\n"
		   "  - id: young-people\n    label: Young people\n    guide: children\n"
		   "  - id: professionals\n    label: Professionals\n"
		   "areas:\n"
		   "  - id: region\n    label: The region\n"
		   "  - id: town\n    label: The town\n    parent: region\n"
		   "  - id: loop\n    label: Loop\n    parent: loop\n");
	write_file("content/directory/services/duty-line.yaml", "name: x\n");
	write_file("content/directory/services/groups/teen-group.yaml", "name: x\n");

	arena_free(&A);
	arena_init(&A);
	diags_free(&D);
	D = (struct diags)DIAGS_INIT;
	events_init(&A, SITE, &CFG, &EV, &D);
	CHECK(EV.n_services == 2 && !strcmp(EV.services[1], "teen-group"));
	/* the guides map to the taxonomy's audiences; none is added */
	CHECK(EV.n_audience_terms == 3);
	CHECK(event_audience_of_guide(&EV.audiences[1], &GUIDES[1]));
	CHECK(!event_audience_of_guide(&EV.audiences[2], &GUIDES[0]));
	CHECK(EV.n_area_terms == 3 && EV.areas[1].parent == &EV.areas[0] && !EV.areas[2].parent);
	CHECK(event_area_within(&EV.areas[1], &EV.areas[0]));
	CHECK(!event_area_within(&EV.areas[0], &EV.areas[1]));

	src = "title: T\nsummary: S\nservice: teen-group\naudiences: [young-people]\n"
	      "areas: [town]\nonline: true\noccurrences:\n  - date: 2027-01-01\n";
	e = event_parse(&A, &EV, "e.yaml", "e", src, strlen(src), &D);
	CHECK(e && e->n_areas == 1 && e->areas[0]->parent && !strcmp(e->audiences[0]->label, "Young people"));
	CHECK_STR(diags_text(), "");

	src = "title: T\nsummary: S\nservice: teen-grup\naudiences: [children]\n"
	      "areas: [twon]\nonline: true\noccurrences:\n  - date: 2027-01-01\n";
	CHECK(event_parse(&A, &EV, "e.yaml", "e", src, strlen(src), &D) == NULL);
	CHECK_STR(diags_text(),
		  "3:10: error: no directory service 'teen-grup' (did you mean 'teen-group'?)\n"
		  "4:13: error: unknown audience 'children'\n"
		  "5:9: error: unknown area 'twon' (did you mean 'town'?)");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", SITE);
	if (system(cmd) != 0)
		BUG("rm failed");
}

int main(void)
{
	RUN(build_date_is_pinned);
	RUN(good_event);
	RUN(monthly_rule_with_exception);
	RUN(last_weekday_and_from_mid_month);
	RUN(weekly_rule);
	RUN(open_rule_stops_at_horizon);
	RUN(exception_not_in_series_warns_at_it);
	RUN(unknown_keys_suggest);
	RUN(unknown_audience_suggests);
	RUN(without_a_taxonomy_other_audiences_are_ids);
	RUN(bad_values_at_their_positions);
	RUN(month_takes_no_times);
	RUN(where_and_when_are_required);
	RUN(series_without_dates);
	RUN(spring_gap_is_refused);
	RUN(too_many_occurrences);
	RUN(file_names_are_ids);
	RUN(month_only_upcoming_in_its_month);
	RUN(order_within_a_day_and_month);
	RUN(not_utf8);
	RUN(terms_and_services_from_the_directory);
	arena_free(&A);
	diags_free(&D);
	buf_free(&OUT);
	return harness_done();
}
