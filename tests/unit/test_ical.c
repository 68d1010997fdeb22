/*
 * test_ical.c: iCalendar output: TEXT escaping, folding at 75 octets
 * without splitting UTF-8, CRLF line ends, the parts of a VEVENT for
 * dates, months and series, and hostile text kept inside its value.
 */
#include "harness.h"
#include "emit/ical.h"

static struct arena A;
static struct diags D = DIAGS_INIT;
static struct events EV;
static struct guide GUIDES[] = {
	{ .id = "adopters", .title = "Adopters", .folder = "adopters", .style = "standard" },
};
static struct config CFG = { .title = "Test", .base_url = "https://example.org/",
			     .guides = GUIDES, .n_guides = 1 };

static const char *escaped(const char *s)
{
	static struct buf b;
	buf_reset(&b);
	ical_escape_text(&b, s, strlen(s));
	return buf_cstr(&b);
}

TEST(escaping)
{
	CHECK_STR(escaped("plain text"), "plain text");
	CHECK_STR(escaped("a,b;c\\d"), "a\\,b\\;c\\\\d");
	CHECK_STR(escaped("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
	CHECK_STR(escaped("tab\there\x01\x7f!"), "tab\there!");
	CHECK_STR(escaped("<script>]]>:\""), "<script>]]>:\"");
}

/* Checks a folded buffer: CRLF only, no line over 75 octets, no line
 * starting inside a UTF-8 sequence; returns it unfolded. */
static const char *unfold_checked(const struct buf *b)
{
	static struct buf out;
	size_t line_start = 0;
	buf_reset(&out);
	for (size_t i = 0; i < b->len; i++) {
		if (b->data[i] == '\n') {
			CHECK(i > 0 && b->data[i - 1] == '\r');
			continue;
		}
		if (b->data[i] == '\r') {
			CHECK(i + 1 < b->len && b->data[i + 1] == '\n');
			CHECK(i - line_start <= 75);
			line_start = i + 2;
			if (i + 2 < b->len) {
				unsigned char c = (unsigned char)b->data[i + 2];
				if (c == ' ') {
					CHECK(i + 3 < b->len && ((unsigned char)b->data[i + 3] & 0xc0) != 0x80);
					i += 2;   /* a fold: drop CRLF and the space */
				}
			}
			if (b->data[i] == '\r')
				buf_addc(&out, '\n');
			continue;
		}
		buf_addc(&out, b->data[i]);
	}
	return buf_cstr(&out);
}

TEST(folding_ascii)
{
	struct buf b = BUF_INIT;
	char line[200];

	memset(line, 'x', sizeof(line));
	ical_fold(&b, line, 75);
	CHECK(b.len == 77 && !memcmp(b.data + 75, "\r\n", 2));
	buf_reset(&b);
	ical_fold(&b, line, 76);
	CHECK(b.len == 81 && !memcmp(b.data + 75, "\r\n x\r\n", 6));
	buf_reset(&b);
	ical_fold(&b, line, 200);
	/* 75, then 74 after each leading space */
	CHECK(b.len == 200 + 2 * 3 + 2);
	unfold_checked(&b);
	buf_free(&b);
}

TEST(folding_keeps_utf8_sequences_whole)
{
	/* 2, 3 and 4 octet characters across every fold position */
	const char *chars[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80" };
	for (size_t k = 0; k < ARRAY_LEN(chars); k++) {
		for (size_t lead = 60; lead < 80; lead++) {
			struct buf in = BUF_INIT, b = BUF_INIT;
			for (size_t i = 0; i < lead; i++)
				buf_addc(&in, 'a');
			for (int i = 0; i < 40; i++)
				buf_adds(&in, chars[k]);
			ical_fold(&b, in.data, in.len);
			buf_addc(&in, '\n');
			CHECK_STR(unfold_checked(&b), in.data);
			buf_free(&in);
			buf_free(&b);
		}
	}
}

static struct event *parse(const char *src)
{
	arena_free(&A);
	arena_init(&A);
	diags_free(&D);
	D = (struct diags)DIAGS_INIT;
	setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
	events_init(&A, "/nonexistent", &CFG, &EV, &D);
	return event_parse(&A, &EV, "e.yaml", "hostile", src, strlen(src), &D);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

TEST(calendar_of_a_hostile_event)
{
	struct event *e = parse(
		"title: \"<script>alert(1)</script>, ]]> ; done\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\"\n"
		"summary: \"Semi; colon, comma \\\\ backslash\\nnew line\"\n"
		"audiences: [adopters]\n"
		"venue:\n  name: \"Hall; Room 1, upstairs\"\n"
		"online: true\n"
		"occurrences:\n"
		"  - date: 2027-03-25\n    start: \"18:30\"\n    end: \"20:30\"\n"
		"  - month: 2027-12\n"
		"  - every: month\n    on: third thursday\n    start: \"10:00\"\n    end: \"11:30\"\n"
		"    from: 2026-09-01\n    until: 2027-07-31\n    except: [2026-12-17, 2026-12-18]\n");
	struct ical_opts o = { .name = "Cal, one", .base_url = "https://example.org/",
			       .host = "example.org", .dtstamp = 1795000000 };
	struct buf b = BUF_INIT;
	const char *s;

	CHECK(e != NULL);
	if (!e)
		return;
	ical_calendar(&b, &o, &e, 1);
	s = unfold_checked(&b);
	/* the injected lines stay inside SUMMARY: VTIMEZONE, DAYLIGHT,
	 * STANDARD and three VEVENTs begin lines after VCALENDAR */
	CHECK(count(s, "\nBEGIN:VEVENT\n") == 3 && count(s, "\nEND:VEVENT\n") == 3);
	CHECK(count(s, "\nBEGIN:") == 6 && count(s, "\nEND:") == 7);
	CHECK(strstr(s, "SUMMARY:<script>alert(1)</script>\\, ]]> \\; done\\nEND:VEVENT\\nBEGIN:VEVENT\n"));
	CHECK(strstr(s, "DESCRIPTION:Semi\\; colon\\, comma \\\\ backslash\\nnew line\\n"));
	CHECK(strstr(s, "\nLOCATION:Hall\\; Room 1\\, upstairs (or online)\n"));
	CHECK(strstr(s, "X-WR-CALNAME:Cal\\, one\n"));
	CHECK(strstr(s, "\nTZID:Europe/London\n"));
	CHECK(strstr(s, "\nDTSTAMP:20261118T110640Z\n"));
	/* the explicit date */
	CHECK(strstr(s, "\nUID:hostile-20270325T1830@example.org\n"));
	CHECK(strstr(s, "\nDTSTART;TZID=Europe/London:20270325T183000\nDTEND;TZID=Europe/London:20270325T203000\n"));
	/* the month to be confirmed: all day, the whole month, tentative */
	CHECK(strstr(s, "\nUID:hostile-202712-tbc@example.org\n"));
	CHECK(strstr(s, "\nDTSTART;VALUE=DATE:20271201\nDTEND;VALUE=DATE:20280101\n"));
	CHECK(strstr(s, "(date to be confirmed)\n"));
	CHECK(strstr(s, "\nSTATUS:TENTATIVE\nTRANSP:TRANSPARENT\n"));
	/* the series: first date, UNTIL at the last start in UTC (BST), one EXDATE */
	CHECK(strstr(s, "\nUID:hostile-series-20260901@example.org\n"));
	CHECK(strstr(s, "\nDTSTART;TZID=Europe/London:20260917T100000\n"));
	CHECK(strstr(s, "\nRRULE:FREQ=MONTHLY;BYDAY=3TH;UNTIL=20270715T090000Z\n"));
	CHECK(count(s, "EXDATE") == 1);
	CHECK(strstr(s, "\nEXDATE;TZID=Europe/London:20261217T100000\n"));
	CHECK(strstr(s, "URL:https://example.org/events/hostile/\n"));
	CHECK(b.len > 2 && !memcmp(b.data + b.len - 15, "END:VCALENDAR\r\n", 15));
	buf_free(&b);
}

TEST(weekly_and_all_day_series)
{
	struct event *e = parse("title: W\nsummary: S\naudiences: [adopters]\nonline: true\n"
				"occurrences:\n"
				"  - every: week\n    on: saturday\n    from: 2027-01-01\n    until: 2027-01-31\n"
				"    except: [2027-01-16]\n");
	struct ical_opts o = { .name = "c", .base_url = "https://example.org/", .host = "example.org" };
	struct buf b = BUF_INIT;
	const char *s;

	CHECK(e != NULL);
	if (!e)
		return;
	ical_calendar(&b, &o, &e, 1);
	s = unfold_checked(&b);
	CHECK(strstr(s, "\nDTSTART;VALUE=DATE:20270102\nDTEND;VALUE=DATE:20270103\n"));
	CHECK(strstr(s, "\nRRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20270130\n"));
	CHECK(strstr(s, "\nEXDATE;VALUE=DATE:20270116\n"));
	CHECK(strstr(s, "\nDTSTAMP:19700101T000000Z\n"));
	buf_free(&b);
}

int main(void)
{
	RUN(escaping);
	RUN(folding_ascii);
	RUN(folding_keeps_utf8_sequences_whole);
	RUN(calendar_of_a_hostile_event);
	RUN(weekly_and_all_day_series);
	arena_free(&A);
	diags_free(&D);
	return harness_done();
}
