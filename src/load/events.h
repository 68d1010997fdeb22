/*
 * events.h: content/events/NAME.yaml, one event or series per file, read,
 * checked and expanded into dated occurrences.
 *
 * An event says when it happens in a list of occurrences, each one of:
 *   an explicit date   date: 2026-12-03, start: "10:00", end: "11:30"
 *                      (without start and end it lasts all day)
 *   a month only       month: 2027-05 (the day is to be confirmed)
 *   a simple rule      every: month, on: third thursday (or first,
 *                      second, fourth, last), or every: week,
 *                      on: thursday; from, until (optional), except
 *                      (dates left out), start and end
 * Times are local Europe/London times.  Expansion is relative to the
 * build date (SOURCE_DATE_EPOCH when set, else today): a rule without
 * 'until' is expanded up to EVENTS_HORIZON_MONTHS months ahead.
 *
 * Everything lives in the build's arena.
 */
#ifndef SIGNPOST_EVENTS_H
#define SIGNPOST_EVENTS_H

#include "load/config.h"
#include "util/datetime.h"
#include "util/value.h"

/* Most occurrences one event may expand to. */
#define EVENTS_MAX_OCCURRENCES 1000
/* How far ahead an open-ended rule is expanded, in months. */
#define EVENTS_HORIZON_MONTHS  12

enum when_kind { WHEN_DATE, WHEN_MONTH, WHEN_RULE };
enum rule_freq { RULE_WEEKLY, RULE_MONTHLY };

/* One entry of 'occurrences', as written. */
struct event_when {
	enum when_kind kind;
	int line, col;
	struct dt_date date;       /* WHEN_DATE: the day; WHEN_MONTH: d is 0;
				      WHEN_RULE: the first date of the series */
	int start, end;            /* minutes after midnight; -1: all day */
	const char *note;          /* NULL or text, e.g. "Christmas party" */
	/* WHEN_RULE */
	enum rule_freq freq;
	int wday;                  /* 0 Monday .. 6 Sunday */
	int nth;                   /* RULE_MONTHLY: 1..4, or -1 for the last */
	struct dt_date from;
	struct dt_date until;      /* y is 0 when open-ended */
	struct dt_date last;       /* the last date of the series before
				      exceptions (up to the horizon when
				      open-ended) */
	struct dt_date *except;
	const struct value **except_at;  /* where each was written */
	size_t n_except;
};

/* One dated occurrence after expansion. */
struct occurrence {
	struct dt_date date;       /* d is 0: the month only, day to be confirmed */
	int start, end;            /* minutes after midnight; -1: all day */
	const struct event_when *when;
};

/* An audience or area events may name: from the directory's taxonomy
 * when the site has one, else the guides (audiences) and any id (areas). */
struct event_term {
	const char *id;
	const char *label;
	const char *guide;         /* audiences: the guide it is for, or NULL */
	const struct event_term *parent;  /* areas: the enclosing area, or NULL */
};

struct event {
	const char *id;            /* the file name without .yaml */
	const char *path;          /* "content/events/x.yaml", as shown */
	const char *title, *summary;
	const char *description;   /* Markdown, or NULL */
	int description_line;      /* line of the file where it starts */
	int description_indent;    /* columns before its text on its lines */
	const char *service;       /* a directory service id, or NULL */
	const struct event_term **audiences, **areas;
	size_t n_audiences, n_areas;
	const char *venue_name, *venue_address, *venue_postcode;   /* NULL when absent */
	bool online;
	const char *online_details;  /* how to join, or NULL */
	const char *book_url, *book_phone, *book_email, *book_notes;  /* NULL when absent */
	const char *cost;          /* text, or NULL (then free) */
	const char *accessibility; /* NULL when absent */
	struct event_when *when;
	size_t n_when;
	struct occurrence *occ;    /* in date and time order; month-only ones
				      after the dated ones of their month */
	size_t n_occ;
	size_t first_upcoming;     /* index of the first occurrence on or after
				      the build date (n_occ when none) */
};

struct events {
	struct event **v;          /* sorted by id */
	size_t n;
	int64_t now;               /* the build time, seconds since the epoch */
	bool pinned;               /* now came from SOURCE_DATE_EPOCH */
	struct dt_date today;      /* the build date in Europe/London */
	struct dt_date horizon;    /* open-ended rules stop here */
	const struct event_term *audiences, *areas;  /* the known terms */
	size_t n_audience_terms, n_area_terms;
	const char **services;     /* the directory's service ids, sorted */
	size_t n_services;
	bool has_directory;        /* the site has content/directory/services */
	bool has_taxonomy;         /* ... and content/directory/taxonomy.yaml */
};

/*
 * Arena: sets the build time of ev (from SOURCE_DATE_EPOCH or the clock)
 * and what events may refer to: the audiences and areas of
 * site_dir/content/directory/taxonomy.yaml when it exists, else the
 * guides and any other id that is not a near miss of a guide's as
 * audiences, and any id as an area; the ids of the directory's services
 * (site_dir/content/directory/services, sub-folders included).  Call
 * before event_parse().
 */
void events_init(struct arena *a, const char *site_dir, const struct config *cfg,
		 struct events *ev, struct diags *d);

/*
 * Arena: reads every site_dir/content/events/NAME.yaml into ev (after
 * events_init()).  A missing folder means no events.  Problems become
 * diagnostics; an event with errors is left out.
 */
void events_load(struct arena *a, const char *site_dir, const struct config *cfg,
		 struct events *ev, struct diags *d);

/*
 * Arena: parses, checks and expands one event from memory (for tests
 * and fuzzing), relative to ev's build date and terms.  NULL after
 * diagnostics when the event cannot be used.
 */
struct event *event_parse(struct arena *a, const struct events *ev, const char *path,
			  const char *id, const char *src, size_t len, struct diags *d);

/* True when o is on or after the build date (a month-only occurrence:
 * in or after the build date's month). */
bool occurrence_upcoming(const struct events *ev, const struct occurrence *o);

/* Borrowed: the term of terms[0..n) with id, or NULL. */
const struct event_term *event_term_find(const struct event_term *terms, size_t n,
					 const char *id);

/* True when area is outer or lies inside it, following parents. */
bool event_area_within(const struct event_term *area, const struct event_term *outer);

/* True when the audience is guide g's: its guide, or its id, is g's id. */
bool event_audience_of_guide(const struct event_term *audience, const struct guide *g);

#endif
