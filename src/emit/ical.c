/*
 * ical.c: writing iCalendar: escaping, folding, the Europe/London
 * VTIMEZONE and one VEVENT per entry of an event's occurrences.
 */
#include "emit/ical.h"

void ical_escape_text(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\\': buf_adds(b, "\\\\"); break;
		case ';': buf_adds(b, "\\;"); break;
		case ',': buf_adds(b, "\\,"); break;
		case '\r':
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			buf_adds(b, "\\n");
			break;
		case '\n': buf_adds(b, "\\n"); break;
		default:
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				break;
			buf_addc(b, (char)c);
		}
	}
}

/* Octets in the UTF-8 sequence starting at s[0], at most left. */
static size_t seq_len(const char *s, size_t left)
{
	unsigned char c = (unsigned char)*s;
	size_t want = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, n = 1;
	while (n < want && n < left && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

void ical_fold(struct buf *b, const char *s, size_t len)
{
	size_t col = 0;
	for (size_t i = 0; i < len;) {
		size_t n = seq_len(s + i, len - i);
		if (col + n > 75) {
			buf_add(b, "\r\n ", 3);
			col = 1;
		}
		buf_add(b, s + i, n);
		col += n;
		i += n;
	}
	buf_add(b, "\r\n", 2);
}

/* A line whose value is given already in iCalendar syntax. */
static void prop(struct buf *b, const char *name, const char *value)
{
	struct buf line = BUF_INIT;
	buf_printf(&line, "%s:%s", name, value);
	ical_fold(b, line.data, line.len);
	buf_free(&line);
}

/* A line whose value is TEXT. */
static void prop_text(struct buf *b, const char *name, const char *value)
{
	struct buf line = BUF_INIT;
	buf_printf(&line, "%s:", name);
	ical_escape_text(&line, value, strlen(value));
	ical_fold(b, line.data, line.len);
	buf_free(&line);
}

static void vtimezone(struct buf *b)
{
	/* the EU rule since 1996: first onsets on the last Sundays of
	 * March 1981 and October 1996, local time before the change */
	static const char *const lines[] = {
		"BEGIN:VTIMEZONE",
		"TZID:Europe/London",
		"BEGIN:DAYLIGHT",
		"TZOFFSETFROM:+0000",
		"TZOFFSETTO:+0100",
		"TZNAME:BST",
		"DTSTART:19810329T010000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"END:DAYLIGHT",
		"BEGIN:STANDARD",
		"TZOFFSETFROM:+0100",
		"TZOFFSETTO:+0000",
		"TZNAME:GMT",
		"DTSTART:19961027T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
		"END:STANDARD",
		"END:VTIMEZONE",
	};
	for (size_t i = 0; i < ARRAY_LEN(lines); i++)
		ical_fold(b, lines[i], strlen(lines[i]));
}

static void utc_stamp(char *out, size_t size, int64_t t)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	struct dt_date d = dt_from_days((long)days);
	snprintf(out, size, "%04d%02d%02dT%02d%02d%02dZ", d.y, d.m, d.d, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));
}

static void local_stamp(char *out, size_t size, struct dt_date d, int min)
{
	snprintf(out, size, "%04d%02d%02dT%02d%02d00", d.y, d.m, d.d, min / 60, min % 60);
}

static void date_stamp(char *out, size_t size, struct dt_date d)
{
	snprintf(out, size, "%04d%02d%02d", d.y, d.m, d.d);
}

static struct dt_date next_day(struct dt_date d)
{
	return dt_from_days(dt_days(d.y, d.m, d.d) + 1);
}

/* DTSTART and DTEND of one day, timed or all day. */
static void when_times(struct buf *b, struct dt_date date, int start, int end)
{
	char s[32], line[64];
	if (start < 0) {
		date_stamp(s, sizeof(s), date);
		snprintf(line, sizeof(line), "DTSTART;VALUE=DATE:%s", s);
		ical_fold(b, line, strlen(line));
		date_stamp(s, sizeof(s), next_day(date));
		snprintf(line, sizeof(line), "DTEND;VALUE=DATE:%s", s);
		ical_fold(b, line, strlen(line));
		return;
	}
	local_stamp(s, sizeof(s), date, start);
	prop(b, "DTSTART;TZID=Europe/London", s);
	local_stamp(s, sizeof(s), date, end);
	prop(b, "DTEND;TZID=Europe/London", s);
}

static bool rule_has(const struct event_when *w, struct dt_date d)
{
	if (dt_cmp(d, w->date) < 0 || dt_cmp(d, w->last) > 0)
		return false;
	if (w->freq == RULE_WEEKLY)
		return dt_weekday(d.y, d.m, d.d) == w->wday;
	return d.d == dt_nth_weekday(d.y, d.m, w->wday, w->nth);
}

static void rule_lines(struct buf *b, const struct event_when *w)
{
	static const char *const days[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
	struct buf r = BUF_INIT;
	char s[32];

	if (w->freq == RULE_WEEKLY)
		buf_printf(&r, "FREQ=WEEKLY;BYDAY=%s", days[w->wday]);
	else
		buf_printf(&r, "FREQ=MONTHLY;BYDAY=%d%s", w->nth, days[w->wday]);
	if (w->until.y) {
		/* with a TZID start, UNTIL is UTC (RFC 5545 3.3.10): the
		 * start of the last date, so every parser stops there */
		if (w->start >= 0)
			utc_stamp(s, sizeof(s), dt_london_to_utc(w->last, w->start));
		else
			date_stamp(s, sizeof(s), w->last);
		buf_printf(&r, ";UNTIL=%s", s);
	}
	prop(b, "RRULE", buf_cstr(&r));
	buf_free(&r);
	for (size_t i = 0; i < w->n_except; i++) {
		if (!rule_has(w, w->except[i]))
			continue;
		if (w->start >= 0) {
			local_stamp(s, sizeof(s), w->except[i], w->start);
			prop(b, "EXDATE;TZID=Europe/London", s);
		} else {
			date_stamp(s, sizeof(s), w->except[i]);
			prop(b, "EXDATE;VALUE=DATE", s);
		}
	}
}

static void location(struct buf *b, const struct event *e)
{
	struct buf loc = BUF_INIT;
	if (e->venue_name) {
		buf_adds(&loc, e->venue_name);
		if (e->venue_address)
			buf_printf(&loc, ", %s", e->venue_address);
		if (e->venue_postcode)
			buf_printf(&loc, ", %s", e->venue_postcode);
		if (e->online)
			buf_adds(&loc, " (or online)");
	} else if (e->online) {
		buf_adds(&loc, "Online");
	}
	if (loc.len)
		prop_text(b, "LOCATION", loc.data);
	buf_free(&loc);
}

/* Markdown as plain text for calendars: the lines of a paragraph
 * joined, paragraphs and list items kept apart. */
static void reflow(struct buf *b, const char *md)
{
	for (const char *p = md; *p; p++) {
		if (*p != '\n') {
			buf_addc(b, *p);
			continue;
		}
		if (p[1] == '\n') {
			while (p[1] == '\n')
				p++;
			buf_adds(b, "\n\n");
		} else if (p[1] == '-' || p[1] == '*' || p[1] == '+' ||
			   (p[1] >= '0' && p[1] <= '9') || p[1] == '\0') {
			buf_addc(b, '\n');
		} else {
			buf_addc(b, ' ');
		}
	}
}

static void description(struct buf *b, const struct event *e, const struct event_when *w,
			const char *url)
{
	struct buf d = BUF_INIT;

	if (w->kind == WHEN_MONTH)
		buf_printf(&d, "Date to be confirmed: some time in %s %d.\n\n",
			   dt_month_name(w->date.m), w->date.y);
	if (w->note)
		buf_printf(&d, "%s\n\n", w->note);
	buf_adds(&d, e->summary);
	if (e->description) {
		buf_adds(&d, "\n\n");
		reflow(&d, e->description);
	}
	while (d.len && (d.data[d.len - 1] == '\n' || d.data[d.len - 1] == ' '))
		d.data[--d.len] = '\0';
	if (e->online && e->online_details)
		buf_printf(&d, "\n\nOnline: %s", e->online_details);
	buf_printf(&d, "\n\nCost: %s", e->cost ? e->cost : "Free");
	if (e->book_url || e->book_phone || e->book_email) {
		buf_adds(&d, "\n\nTo book:");
		if (e->book_url)
			buf_printf(&d, " %s", e->book_url);
		if (e->book_phone)
			buf_printf(&d, "%s phone %s", e->book_url ? "," : "", e->book_phone);
		if (e->book_email)
			buf_printf(&d, "%s email %s", e->book_url || e->book_phone ? "," : "",
				   e->book_email);
	}
	if (e->book_notes)
		buf_printf(&d, "\n\n%s", e->book_notes);
	if (e->accessibility)
		buf_printf(&d, "\n\nAccessibility: %s", e->accessibility);
	buf_printf(&d, "\n\nMore about this event: %s", url);
	prop_text(b, "DESCRIPTION", d.data);
	buf_free(&d);
}

static void vevent(struct buf *b, const struct ical_opts *o, const struct event *e,
		   const struct event_when *w)
{
	char *url;
	struct buf line = BUF_INIT;
	char s[32];

	ical_fold(b, "BEGIN:VEVENT", 12);
	switch (w->kind) {
	case WHEN_DATE:
		buf_printf(&line, "UID:%s-%04d%02d%02d", e->id, w->date.y, w->date.m, w->date.d);
		if (w->start >= 0)
			buf_printf(&line, "T%02d%02d", w->start / 60, w->start % 60);
		break;
	case WHEN_MONTH:
		buf_printf(&line, "UID:%s-%04d%02d-tbc", e->id, w->date.y, w->date.m);
		break;
	case WHEN_RULE:
		buf_printf(&line, "UID:%s-series-%04d%02d%02d", e->id, w->from.y, w->from.m, w->from.d);
		break;
	}
	buf_printf(&line, "@%s", o->host);
	ical_fold(b, line.data, line.len);
	buf_free(&line);
	utc_stamp(s, sizeof(s), o->dtstamp);
	prop(b, "DTSTAMP", s);

	if (w->kind == WHEN_MONTH) {
		struct dt_date first = { w->date.y, w->date.m, 1 };
		struct dt_date next = { w->date.m == 12 ? w->date.y + 1 : w->date.y,
					w->date.m == 12 ? 1 : w->date.m + 1, 1 };
		date_stamp(s, sizeof(s), first);
		prop(b, "DTSTART;VALUE=DATE", s);
		date_stamp(s, sizeof(s), next);
		prop(b, "DTEND;VALUE=DATE", s);
	} else {
		when_times(b, w->date, w->start, w->end);
		if (w->kind == WHEN_RULE)
			rule_lines(b, w);
	}

	line = (struct buf)BUF_INIT;
	buf_adds(&line, e->title);
	if (w->kind == WHEN_MONTH)
		buf_adds(&line, " (date to be confirmed)");
	prop_text(b, "SUMMARY", line.data);
	buf_free(&line);

	line = (struct buf)BUF_INIT;
	buf_printf(&line, "%sevents/%s/", o->base_url, e->id);
	url = buf_detach(&line, NULL);
	description(b, e, w, url);
	location(b, e);
	prop(b, "URL", url);
	if (e->n_audiences) {
		line = (struct buf)BUF_INIT;
		buf_adds(&line, "CATEGORIES:");
		for (size_t i = 0; i < e->n_audiences; i++) {
			if (i)
				buf_addc(&line, ',');
			ical_escape_text(&line, e->audiences[i]->label, strlen(e->audiences[i]->label));
		}
		ical_fold(b, line.data, line.len);
		buf_free(&line);
	}
	prop(b, "STATUS", w->kind == WHEN_MONTH ? "TENTATIVE" : "CONFIRMED");
	if (w->kind == WHEN_MONTH || w->start < 0)
		prop(b, "TRANSP", "TRANSPARENT");
	ical_fold(b, "END:VEVENT", 10);
	free(url);
}

void ical_calendar(struct buf *b, const struct ical_opts *o, struct event *const *events,
		   size_t n)
{
	ical_fold(b, "BEGIN:VCALENDAR", 15);
	prop(b, "VERSION", "2.0");
	prop(b, "PRODID", "-//signpost//events//EN");
	prop(b, "CALSCALE", "GREGORIAN");
	prop(b, "METHOD", "PUBLISH");
	prop_text(b, "X-WR-CALNAME", o->name);
	prop(b, "X-WR-TIMEZONE", "Europe/London");
	vtimezone(b);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < events[i]->n_when; k++)
			vevent(b, o, events[i], &events[i]->when[k]);
	ical_fold(b, "END:VCALENDAR", 13);
}
