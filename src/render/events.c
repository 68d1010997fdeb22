/*
 * events.c: template contexts for events and their occurrences, the
 * events pages, and the calendars through emit/ical.
 */
#include "render/events.h"
#include "util/text.h"
#include "emit/ical.h"
#include "render/context.h"
#include "render/markdown.h"
#include "site/directory.h"

#include <strings.h>

/* How many events "what's on" shows on a guide. */
#define WHATS_ON_MAX 3

/* ---- words for people ---- */

/* "10am", "11:30am", "midday", "midnight" (the GOV.UK style) */
static const char *clock_text(struct arena *a, int min)
{
	int h = min / 60, m = min % 60;
	if (min == 0)
		return "midnight";
	if (min == 720)
		return "midday";
	if (m)
		return arena_printf(a, "%d:%02d%s", h % 12 ? h % 12 : 12, m, h < 12 ? "am" : "pm");
	return arena_printf(a, "%d%s", h % 12 ? h % 12 : 12, h < 12 ? "am" : "pm");
}

static const char *day_text(struct arena *a, struct dt_date d)
{
	return arena_printf(a, "%s %d %s %d", dt_weekday_name(dt_weekday(d.y, d.m, d.d)), d.d,
			    dt_month_name(d.m), d.y);
}

static const char *short_day_text(struct arena *a, struct dt_date d)
{
	return arena_printf(a, "%d %s %d", d.d, dt_month_name(d.m), d.y);
}

/* "2027-04-01T10:00:00+01:00": a local time with its offset */
static const char *iso_local(struct arena *a, struct dt_date d, int min)
{
	int off = dt_london_offset_local(d, min);
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:00+%02d:00", d.y, d.m, d.d, min / 60,
			    min % 60, off / 3600);
}

static struct value *occ_value(struct arena *a, const struct occurrence *o)
{
	struct value *m = value_map(a);
	struct dt_date d = o->date;
	const char *when;

	if (d.d == 0) {
		value_map_set_str(a, m, "date", arena_printf(a, "%04d-%02d", d.y, d.m));
		value_map_set_str(a, m, "datetime", arena_printf(a, "%04d-%02d", d.y, d.m));
		value_map_set_str(a, m, "date_text", arena_printf(a, "%s %d", dt_month_name(d.m), d.y));
		value_map_set(a, m, "tbc", value_bool(a, true));
		when = arena_printf(a, "%s %d (date to be confirmed)", dt_month_name(d.m), d.y);
	} else {
		value_map_set_str(a, m, "date", arena_printf(a, "%04d-%02d-%02d", d.y, d.m, d.d));
		value_map_set_str(a, m, "date_text", day_text(a, d));
		value_map_set_str(a, m, "weekday", dt_weekday_name(dt_weekday(d.y, d.m, d.d)));
		value_map_set_str(a, m, "day", arena_printf(a, "%d", d.d));
		if (o->start >= 0) {
			const char *t = arena_printf(a, "%s to %s", clock_text(a, o->start),
						     clock_text(a, o->end));
			value_map_set_str(a, m, "datetime", iso_local(a, d, o->start));
			value_map_set_str(a, m, "end_datetime", iso_local(a, d, o->end));
			value_map_set_str(a, m, "time_text", t);
			when = arena_printf(a, "%s, %s", day_text(a, d), t);
		} else {
			value_map_set_str(a, m, "datetime",
					  arena_printf(a, "%04d-%02d-%02d", d.y, d.m, d.d));
			value_map_set_str(a, m, "time_text", "all day");
			value_map_set(a, m, "all_day", value_bool(a, true));
			when = day_text(a, d);
		}
	}
	value_map_set_str(a, m, "month_text", arena_printf(a, "%s %d", dt_month_name(d.m), d.y));
	value_map_set_str(a, m, "text", when);
	if (o->when->note)
		value_map_set_str(a, m, "note", o->when->note);
	return m;
}

/* "Every third Thursday of the month, 10am to 11:30am, from 17
 * September 2026 to 15 July 2027, except 17 December 2026" */
static const char *rule_text(struct arena *a, const struct event_when *w)
{
	static const char *const nth[] = { "first", "second", "third", "fourth" };
	const char *day = dt_weekday_name(w->wday);
	char *s;

	if (w->freq == RULE_WEEKLY)
		s = arena_printf(a, "Every %s", day);
	else
		s = arena_printf(a, "Every %s %s of the month", w->nth < 0 ? "last" : nth[w->nth - 1], day);
	if (w->start >= 0)
		s = arena_printf(a, "%s, %s to %s", s, clock_text(a, w->start), clock_text(a, w->end));
	if (w->until.y)
		s = arena_printf(a, "%s, from %s to %s", s, short_day_text(a, w->date),
				 short_day_text(a, w->last));
	else
		s = arena_printf(a, "%s, from %s", s, short_day_text(a, w->date));
	for (size_t i = 0, n = 0; i < w->n_except; i++) {
		if (dt_cmp(w->except[i], w->date) < 0 || dt_cmp(w->except[i], w->last) > 0)
			continue;
		s = arena_printf(a, "%s%s%s", s, n++ ? (i + 1 == w->n_except ? " and " : ", ") :
					       ", except ", short_day_text(a, w->except[i]));
	}
	return s;
}

/* ---- events as template values ---- */

static const char *event_url(struct arena *a, const struct event *e)
{
	return arena_printf(a, "/events/%s/", e->id);
}

static struct value *term_list(struct arena *a, const struct event_term *const *t, size_t n,
			       const char *kind)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < n; i++) {
		struct value *m = value_map(a);
		value_map_set_str(a, m, "id", t[i]->id);
		value_map_set_str(a, m, "label", t[i]->label);
		value_map_set_str(a, m, "url", arena_printf(a, "/events/%s/%s/", kind, t[i]->id));
		value_map_set(a, m, "last", value_bool(a, i + 1 == n));
		value_list_push(a, list, m);
	}
	return list;
}

static void set_flag(struct arena *a, struct value *m, const char *key, bool b)
{
	value_map_set(a, m, key, value_bool(a, b));
}

/* The summary of an event for lists: what, when next (or last), where. */
static struct value *event_brief(struct arena *a, const struct events *ev, const struct event *e)
{
	struct value *m = value_map(a);
	bool upcoming = e->first_upcoming < e->n_occ;

	value_map_set_str(a, m, "id", e->id);
	value_map_set_str(a, m, "title", e->title);
	value_map_set_str(a, m, "summary", e->summary);
	value_map_set_str(a, m, "url", event_url(a, e));
	value_map_set_str(a, m, "ics_url", arena_printf(a, "/events/%s/%s.ics", e->id, e->id));
	if (upcoming)
		value_map_set(a, m, "next", occ_value(a, &e->occ[e->first_upcoming]));
	set_flag(a, m, "has_next", upcoming);
	if (e->n_occ)
		value_map_set(a, m, "last", occ_value(a, &e->occ[e->n_occ - 1]));
	if (upcoming && e->n_occ - e->first_upcoming > 1)
		value_map_set_str(a, m, "more_dates",
				  arena_printf(a, "%zu more date%s", e->n_occ - e->first_upcoming - 1,
					       e->n_occ - e->first_upcoming > 2 ? "s" : ""));
	value_map_set(a, m, "audiences", term_list(a, e->audiences, e->n_audiences, "audience"));
	value_map_set(a, m, "areas", term_list(a, e->areas, e->n_areas, "area"));
	set_flag(a, m, "has_areas", e->n_areas > 0);
	if (e->venue_name)
		value_map_set_str(a, m, "where", e->online ? arena_printf(a, "%s, or online", e->venue_name) :
					 e->venue_name);
	else
		value_map_set_str(a, m, "where", "Online");
	set_flag(a, m, "online", e->online);
	value_map_set_str(a, m, "cost", e->cost ? e->cost : "Free");
	set_flag(a, m, "free", !e->cost || !strcasecmp(e->cost, "free"));
	(void)ev;
	return m;
}

/* Everything about an event, for its own page. */
static struct value *event_full(struct render_ctx *rc, const struct events *ev,
				const struct event *e)
{
	struct arena *a = rc->a;
	struct value *m = event_brief(a, ev, e);
	struct value *up = value_list(a), *past = value_list(a), *sched = value_list(a);

	for (size_t i = 0; i < e->n_occ; i++)
		value_list_push(a, i >= e->first_upcoming ? up : past, occ_value(a, &e->occ[i]));
	/* the most recent past dates first */
	for (size_t i = 0, k = past->len; i < k / 2; i++) {
		struct value *t = past->items[i];
		past->items[i] = past->items[k - 1 - i];
		past->items[k - 1 - i] = t;
	}
	value_map_set(a, m, "upcoming", up);
	set_flag(a, m, "has_upcoming", up->len > 0);
	value_map_set(a, m, "past", past);
	set_flag(a, m, "has_past", past->len > 0);
	for (size_t i = 0; i < e->n_when; i++)
		if (e->when[i].kind == WHEN_RULE)
			value_list_push(a, sched, value_str(a, rule_text(a, &e->when[i])));
	value_map_set(a, m, "schedule", sched);
	set_flag(a, m, "is_series", sched->len > 0);

	if (e->description) {
		struct md_options mo = {
			.file = e->path,
			.first_line = e->description_line,
			.col_offset = e->description_indent,
			.unsafe = rc->site->cfg->markdown_unsafe,
		};
		struct md_doc doc;
		if (md_render(a, e->description, strlen(e->description), &mo, &doc, rc->d))
			value_map_set(a, m, "description", value_strn(a, doc.html, doc.html_len));
	}
	if (e->service) {
		struct value *s = value_map(a);
		const struct directory_model *dm = rc->site->directory;
		value_map_set_str(a, s, "id", e->service);
		for (size_t i = 0; dm && i < dm->dir->n_services; i++) {
			if (!strcmp(dm->dir->services[i]->id, e->service)) {
				value_map_set_str(a, s, "name", dm->dir->services[i]->name);
				value_map_set_str(a, s, "url", dm->service_urls[i]);
				break;
			}
		}
		value_map_set(a, m, "service", s);
	}
	if (e->venue_name) {
		struct value *v = value_map(a);
		value_map_set_str(a, v, "venue_name", e->venue_name);
		if (e->venue_address)
			value_map_set_str(a, v, "venue_address", e->venue_address);
		if (e->venue_postcode)
			value_map_set_str(a, v, "venue_postcode", e->venue_postcode);
		value_map_set(a, m, "venue", v);
	}
	if (e->online_details)
		value_map_set_str(a, m, "online_details", e->online_details);
	if (e->book_url || e->book_phone || e->book_email || e->book_notes) {
		struct value *b = value_map(a);
		if (e->book_url)
			value_map_set_str(a, b, "book_url", e->book_url);
		if (e->book_phone) {
			value_map_set_str(a, b, "book_phone", e->book_phone);
			value_map_set_str(a, b, "book_phone_url", text_phone_uri(a, "tel:", e->book_phone));
			value_map_set_str(a, b, "book_phone_text", text_nowrap(a, e->book_phone));
		}
		if (e->book_email) {
			value_map_set_str(a, b, "book_email", e->book_email);
			value_map_set_str(a, b, "book_email_url", arena_printf(a, "mailto:%s", e->book_email));
		}
		if (e->book_notes)
			value_map_set_str(a, b, "book_notes", e->book_notes);
		value_map_set(a, m, "booking", b);
	}
	if (e->accessibility)
		value_map_set_str(a, m, "accessibility", e->accessibility);
	return m;
}

/* ---- ordering ---- */

static int occ_order(const struct occurrence *a, const struct occurrence *b)
{
	struct dt_date da = a->date, db = b->date;
	int ma = a->start, mb = b->start;
	/* a month to be confirmed sorts after the dated days of its month */
	if (!da.d) {
		da.d = 32;
		ma = 1440;
	}
	if (!db.d) {
		db.d = 32;
		mb = 1440;
	}
	if (dt_cmp(da, db))
		return dt_cmp(da, db);
	return ma < mb ? -1 : ma > mb;
}

static int by_next(const void *pa, const void *pb)
{
	const struct event *a = *(const struct event *const *)pa, *b = *(const struct event *const *)pb;
	int c = occ_order(&a->occ[a->first_upcoming], &b->occ[b->first_upcoming]);
	if (c)
		return c;
	c = strcmp(a->title, b->title);
	return c ? c : strcmp(a->id, b->id);
}

static int by_last_desc(const void *pa, const void *pb)
{
	const struct event *a = *(const struct event *const *)pa, *b = *(const struct event *const *)pb;
	int c = occ_order(&b->occ[b->n_occ - 1], &a->occ[a->n_occ - 1]);
	if (c)
		return c;
	c = strcmp(a->title, b->title);
	return c ? c : strcmp(a->id, b->id);
}

static bool has_term(const struct event_term *const *t, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i]->id, id))
			return true;
	return false;
}

/* An area page lists the events in the area, inside it, or in an area
 * that contains it (a region-wide event is on each council's page). */
static bool in_area(const struct event *e, const struct event_term *area)
{
	for (size_t i = 0; i < e->n_areas; i++)
		if (event_area_within(e->areas[i], area) || event_area_within(area, e->areas[i]))
			return true;
	return false;
}

static bool for_guide(const struct event *e, const struct guide *g)
{
	for (size_t i = 0; i < e->n_audiences; i++)
		if (event_audience_of_guide(e->audiences[i], g))
			return true;
	return false;
}

enum filter { ALL, BY_AUDIENCE, BY_AREA, BY_GUIDE };

/* Arena: the upcoming (or past) events that match, in list order;
 * what is the term (BY_AUDIENCE, BY_AREA) or the guide (BY_GUIDE). */
static struct event **select_events(struct arena *a, const struct events *ev, enum filter f,
				    const void *what, bool past, size_t *n_out)
{
	struct event **v = arena_alloc(a, (ev->n ? ev->n : 1) * sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < ev->n; i++) {
		struct event *e = ev->v[i];
		if (!e->n_occ || (e->first_upcoming < e->n_occ) == past)
			continue;
		if (f == BY_AUDIENCE && !has_term(e->audiences, e->n_audiences,
						  ((const struct event_term *)what)->id))
			continue;
		if (f == BY_AREA && !in_area(e, what))
			continue;
		if (f == BY_GUIDE && !for_guide(e, what))
			continue;
		v[n++] = e;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), past ? by_last_desc : by_next);
	*n_out = n;
	return v;
}

/* ---- pages ---- */

struct ev_facet {
	const struct event_term *term;
	size_t count;       /* upcoming events */
	size_t guide;       /* index of the guide with this id, or SIZE_MAX */
};

struct ev_facets {
	struct ev_facet *v;
	size_t n;
};

/* Every term used by an event (and every guide, as an audience), in
 * the order of the taxonomy, then of first use. */
static void collect_facets(struct arena *a, const struct site *site, const struct events *ev,
			   bool audiences, struct ev_facets *out)
{
	size_t cap = (audiences ? ev->n_audience_terms : ev->n_area_terms) + 1;
	const struct event_term *known = audiences ? ev->audiences : ev->areas;
	size_t n_known = audiences ? ev->n_audience_terms : ev->n_area_terms;

	for (size_t i = 0; i < ev->n; i++)
		cap += audiences ? ev->v[i]->n_audiences : ev->v[i]->n_areas;
	out->v = arena_alloc(a, cap * sizeof(*out->v));
	out->n = 0;
	for (size_t k = 0; k < n_known + ev->n; k++) {
		const struct event *e = k >= n_known ? ev->v[k - n_known] : NULL;
		size_t nt = !e ? 1 : audiences ? e->n_audiences : e->n_areas;
		for (size_t j = 0; j < nt; j++) {
			const struct event_term *t = !e ? &known[k] : audiences ? e->audiences[j] : e->areas[j];
			bool seen = false;
			for (size_t x = 0; x < out->n && !seen; x++)
				seen = !strcmp(out->v[x].term->id, t->id);
			if (seen)
				continue;
			out->v[out->n] = (struct ev_facet){ .term = t, .guide = SIZE_MAX };
			for (size_t g = 0; audiences && g < site->cfg->n_guides; g++)
				if (event_audience_of_guide(t, &site->cfg->guides[g]))
					out->v[out->n].guide = g;
			out->n++;
		}
	}
	/* drop terms nothing uses, but keep the guides */
	size_t kept = 0;
	for (size_t x = 0; x < out->n; x++) {
		struct ev_facet *f = &out->v[x];
		bool used = false;
		for (size_t i = 0; i < ev->n; i++) {
			const struct event *e = ev->v[i];
			bool has = audiences ? has_term(e->audiences, e->n_audiences, f->term->id) :
					       has_term(e->areas, e->n_areas, f->term->id);
			bool listed = audiences ? has : in_area(e, f->term);
			used |= has;
			if (listed && e->first_upcoming < e->n_occ)
				f->count++;
		}
		if (used || f->guide != SIZE_MAX)
			out->v[kept++] = *f;
	}
	out->n = kept;
}

static struct value *facet_list(struct arena *a, const struct ev_facets *fs, const char *kind,
				const char *current)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < fs->n; i++) {
		struct value *m = value_map(a);
		value_map_set_str(a, m, "id", fs->v[i].term->id);
		value_map_set_str(a, m, "label", fs->v[i].term->label);
		value_map_set_str(a, m, "url", arena_printf(a, "/events/%s/%s/", kind, fs->v[i].term->id));
		value_map_set_str(a, m, "count", arena_printf(a, "%zu", fs->v[i].count));
		set_flag(a, m, "current", current && !strcmp(current, fs->v[i].term->id));
		value_list_push(a, list, m);
	}
	return list;
}

struct listing {
	struct render_ctx *rc;
	const struct events *ev;
	struct ev_facets audiences, areas;
	const char *host;
};

/*
 * The frame of an events page: context_generated() (the guide's style,
 * "Leave this site" and help when g is a guide), with a description and
 * breadcrumbs Home, Events.
 */
static struct value *frame(struct listing *l, const struct guide *g, const char *title,
			   const char *description, const char *url, const char *kind, bool under_events)
{
	struct arena *a = l->rc->a;
	const struct site *site = l->rc->site;
	struct value *ctx = context_generated(a, site, g, title, url, kind);
	struct value *list = value_list(a);

	if (description)
		value_map_set_str(a, value_map_get(ctx, "page"), "description", description);
	if (site->home) {
		struct value *m = value_map(a);
		value_map_set_str(a, m, "title", site->home->src->title);
		value_map_set_str(a, m, "url", site->home->url);
		value_list_push(a, list, m);
	}
	if (under_events) {
		struct value *m = value_map(a);
		value_map_set_str(a, m, "title", "Events");
		value_map_set_str(a, m, "url", "/events/");
		value_list_push(a, list, m);
	}
	value_map_set(a, ctx, "breadcrumbs", list);
	set_flag(a, ctx, "has_breadcrumbs", list->len > 0);
	return ctx;
}

/* The events grouped by the month of their next date. */
static struct value *months(struct arena *a, const struct events *ev, struct event **v, size_t n,
			    bool past)
{
	struct value *list = value_list(a), *cur = NULL;
	int cy = 0, cm = 0;

	for (size_t i = 0; i < n; i++) {
		const struct occurrence *o = past ? &v[i]->occ[v[i]->n_occ - 1] :
						    &v[i]->occ[v[i]->first_upcoming];
		if (!cur || o->date.y != cy || o->date.m != cm) {
			struct value *m = value_map(a);
			cy = o->date.y;
			cm = o->date.m;
			value_map_set_str(a, m, "title", arena_printf(a, "%s %d", dt_month_name(cm), cy));
			value_map_set_str(a, m, "id", arena_printf(a, "%04d-%02d", cy, cm));
			cur = value_list(a);
			value_map_set(a, m, "events", cur);
			value_list_push(a, list, m);
		}
		value_list_push(a, cur, event_brief(a, ev, v[i]));
	}
	return list;
}

static void calendar(struct listing *l, const char *path, const char *name,
		     struct event *const *v, size_t n)
{
	struct ical_opts o = {
		.name = name,
		.base_url = l->rc->site->cfg->base_url,
		.host = l->host,
		/* without SOURCE_DATE_EPOCH, the start of the day: two
		 * builds on one day give the same bytes */
		.dtstamp = l->ev->pinned ? l->ev->now : l->ev->now - l->ev->now % 86400,
	};
	struct buf b = BUF_INIT;

	ical_calendar(&b, &o, v, n);
	outputs_add(l->rc, path, &b);
	buf_free(&b);
}

static const struct guide *guide_at(const struct site *site, size_t g)
{
	return g == SIZE_MAX ? NULL : &site->cfg->guides[g];
}

/* A list page: the upcoming events of a filter. */
static void list_page(struct listing *l, enum filter f, const struct ev_facet *fc)
{
	struct arena *a = l->rc->a;
	const struct site *site = l->rc->site;
	const char *id = fc ? fc->term->id : NULL;
	const char *kind = f == BY_AUDIENCE ? "audience" : "area";
	const char *url = f == ALL ? "/events/" : arena_printf(a, "/events/%s/%s/", kind, id);
	const char *title = f == ALL ? "Events" : arena_printf(a, "What's on: %s", fc->term->label);
	const char *desc = f == ALL ?
			   arena_printf(a, "Groups, courses, workshops and webinars from %s.", site->cfg->title) :
			   "Groups, courses, workshops and webinars, and how to book them.";
	struct value *ctx = frame(l, f == BY_AUDIENCE ? guide_at(site, fc->guide) : NULL, title,
				  desc, url, "events", f != ALL);
	size_t n;
	struct event **v = select_events(a, l->ev, f, fc ? fc->term : NULL, false, &n);
	struct value *list = value_list(a);

	for (size_t i = 0; i < n; i++)
		value_list_push(a, list, event_brief(a, l->ev, v[i]));
	value_map_set(a, ctx, "events", list);
	value_map_set(a, ctx, "months", months(a, l->ev, v, n, false));
	set_flag(a, ctx, "has_events", n > 0);
	value_map_set(a, ctx, "audiences", facet_list(a, &l->audiences, "audience",
						      f == BY_AUDIENCE ? id : NULL));
	value_map_set(a, ctx, "areas", facet_list(a, &l->areas, "area", f == BY_AREA ? id : NULL));
	set_flag(a, ctx, "has_areas", l->areas.n > 0);
	set_flag(a, ctx, "is_filtered", f != ALL);
	if (f != ALL) {
		struct value *fm = value_map(a);
		value_map_set_str(a, fm, "kind", kind);
		value_map_set_str(a, fm, "id", id);
		value_map_set_str(a, fm, "label", fc->term->label);
		value_map_set(a, ctx, "filter", fm);
	}
	value_map_set_str(a, ctx, "all_url", "/events/");
	value_map_set_str(a, ctx, "past_url", "/events/past/");
	if (f != BY_AREA)
		value_map_set_str(a, ctx, "ics_url", f == ALL ? "/events.ics" :
				  arena_printf(a, "%sevents.ics", url));
	render_template(l->rc, "events/list", ctx, arena_printf(a, "%sindex.html", url + 1),
			"content/events");

	if (f == BY_AUDIENCE) {
		/* the audience's calendar holds its past events too */
		struct event **all = arena_alloc(a, (l->ev->n ? l->ev->n : 1) * sizeof(*all));
		size_t k = 0;
		for (size_t i = 0; i < l->ev->n; i++)
			if (has_term(l->ev->v[i]->audiences, l->ev->v[i]->n_audiences, id))
				all[k++] = l->ev->v[i];
		calendar(l, arena_printf(a, "%sevents.ics", url + 1),
			 arena_printf(a, "%s: %s", site->cfg->title, fc->term->label), all, k);
	}
}

static void past_page(struct listing *l)
{
	struct arena *a = l->rc->a;
	struct value *ctx = frame(l, NULL, "Past events", "Events that have already taken place.",
				  "/events/past/", "events", true);
	struct value *list = value_list(a);
	size_t n;
	struct event **v = select_events(a, l->ev, ALL, NULL, true, &n);

	for (size_t i = 0; i < n; i++)
		value_list_push(a, list, event_brief(a, l->ev, v[i]));
	value_map_set(a, ctx, "events", list);
	value_map_set(a, ctx, "months", months(a, l->ev, v, n, true));
	set_flag(a, ctx, "has_events", n > 0);
	value_map_set_str(a, ctx, "all_url", "/events/");
	render_template(l->rc, "events/past", ctx, "events/past/index.html", "content/events");
}

static void event_page(struct listing *l, struct event *e)
{
	struct arena *a = l->rc->a;
	const struct site *site = l->rc->site;
	const char *url = event_url(a, e);
	size_t guide = SIZE_MAX;
	struct value *ctx;

	/* the style of the first audience with a guide, or of one with
	 * "Leave this site" when any has it */
	for (size_t i = 0; i < e->n_audiences; i++) {
		for (size_t g = 0; g < site->cfg->n_guides; g++) {
			if (strcmp(site->cfg->guides[g].id, e->audiences[i]->id))
				continue;
			if (guide == SIZE_MAX)
				guide = g;
			else if (site->cfg->guides[g].quick_exit && !site->cfg->guides[guide].quick_exit)
				guide = g;
		}
	}
	ctx = frame(l, guide_at(site, guide), e->title, e->summary, url, "event", true);
	value_map_set(a, ctx, "event", event_full(l->rc, l->ev, e));
	render_template(l->rc, "events/event", ctx, arena_printf(a, "%sindex.html", url + 1), e->path);
	calendar(l, arena_printf(a, "events/%s/%s.ics", e->id, e->id),
		 arena_printf(a, "%s: %s", site->cfg->title, e->title), &e, 1);
}

/* "adoption.example.org" from "https://adoption.example.org/path/" */
static const char *url_host(struct arena *a, const char *url)
{
	const char *p = strstr(url, "://");
	size_t n;
	p = p ? p + 3 : url;
	n = strcspn(p, "/:?#");
	return n ? arena_strndup(a, p, n) : "localhost";
}

void render_events(struct render_ctx *rc, const struct events *ev)
{
	struct listing l = { .rc = rc, .ev = ev };

	if (!ev || !ev->n)
		return;
	l.host = url_host(rc->a, rc->site->cfg->base_url);
	collect_facets(rc->a, rc->site, ev, true, &l.audiences);
	collect_facets(rc->a, rc->site, ev, false, &l.areas);
	list_page(&l, ALL, NULL);
	past_page(&l);
	for (size_t i = 0; i < l.audiences.n; i++)
		list_page(&l, BY_AUDIENCE, &l.audiences.v[i]);
	for (size_t i = 0; i < l.areas.n; i++)
		list_page(&l, BY_AREA, &l.areas.v[i]);
	for (size_t i = 0; i < ev->n; i++)
		event_page(&l, ev->v[i]);
	calendar(&l, "events.ics", arena_printf(rc->a, "%s: events", rc->site->cfg->title),
		 ev->v, ev->n);
}

struct value *events_whats_on(struct arena *a, const struct site *site, size_t gi)
{
	const struct events *ev = site->events;
	const struct guide *g = &site->cfg->guides[gi];
	const char *id = g->id;
	struct value *m, *list;
	struct event **v;
	size_t n;

	if (!ev || !ev->n)
		return NULL;
	v = select_events(a, ev, BY_GUIDE, g, false, &n);
	m = value_map(a);
	list = value_list(a);
	for (size_t i = 0; i < n && i < WHATS_ON_MAX; i++)
		value_list_push(a, list, event_brief(a, ev, v[i]));
	for (size_t i = 0; i < ev->n_audience_terms; i++) {
		if (event_audience_of_guide(&ev->audiences[i], g)) {
			id = ev->audiences[i].id;
			break;
		}
	}
	value_map_set_str(a, m, "title", "What's on");
	value_map_set_str(a, m, "url", arena_printf(a, "/events/audience/%s/", id));
	value_map_set_str(a, m, "ics_url", arena_printf(a, "/events/audience/%s/events.ics", id));
	value_map_set(a, m, "events", list);
	set_flag(a, m, "has_events", n > 0);
	set_flag(a, m, "has_more", n > WHATS_ON_MAX);
	return m;
}

struct value *events_of_service(struct arena *a, const struct site *site, const char *service)
{
	const struct events *ev = site->events;
	struct value *list = value_list(a);
	struct event **v;
	size_t n;

	if (!ev || !ev->n)
		return list;
	v = select_events(a, ev, ALL, NULL, false, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i]->service && !strcmp(v[i]->service, service))
			value_list_push(a, list, event_brief(a, ev, v[i]));
	return list;
}
