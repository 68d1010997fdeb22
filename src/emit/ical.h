/*
 * ical.h: events as iCalendar (RFC 5545).  Content lines end in CRLF
 * and are folded at 75 octets, never inside a UTF-8 sequence; TEXT
 * values escape backslash, semicolon, comma and line breaks.  Times are
 * local times with TZID=Europe/London, described by a VTIMEZONE; each
 * entry of an event's occurrences is one VEVENT with a UID made from the
 * event's id (a series is one VEVENT with an RRULE and EXDATEs; a month
 * to be confirmed an all-day entry for the whole month, TENTATIVE).
 */
#ifndef SIGNPOST_ICAL_H
#define SIGNPOST_ICAL_H

#include "load/events.h"
#include "util/buf.h"

/* Appends s[0..len) escaped as a TEXT value (RFC 5545 3.3.11); control
 * characters other than line breaks and tabs are left out. */
void ical_escape_text(struct buf *b, const char *s, size_t len);

/* Appends the unfolded content line s[0..len) folded: CRLF and a space
 * before any octet that would make a line longer than 75 octets, moved
 * back to the start of a UTF-8 sequence; then the final CRLF. */
void ical_fold(struct buf *b, const char *s, size_t len);

struct ical_opts {
	const char *name;        /* the calendar's name (X-WR-CALNAME) */
	const char *base_url;    /* absolute, ends in '/': for URL */
	const char *host;        /* the right-hand side of UIDs */
	int64_t dtstamp;         /* DTSTAMP: the build time, seconds since the epoch */
};

/* Appends a whole VCALENDAR holding events[0..n). */
void ical_calendar(struct buf *b, const struct ical_opts *o, struct event *const *events,
		   size_t n);

#endif
