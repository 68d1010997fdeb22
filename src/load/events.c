/*
 * events.c: reading content/events/NAME.yaml: keys, types, terms and the
 * shapes of dates, then expanding each event's occurrences into dates.
 */
#include "load/events.h"
#include "load/schema.h"
#include "load/yaml.h"
#include "util/escape.h"
#include "util/fs.h"
#include "util/text.h"

#include <stdarg.h>
#include <strings.h>

static const char *const event_keys[] = {
	"title", "summary", "description", "service", "audiences", "areas", "venue",
	"online", "booking", "cost", "accessibility", "occurrences", NULL,
};
static const char *const venue_keys[] = { "name", "address", "postcode", NULL };
static const char *const booking_keys[] = { "url", "phone", "email", "notes", NULL };
static const char *const when_keys[] = {
	"date", "month", "every", "on", "from", "until", "except", "start", "end", "note", NULL,
};
/* URL segments under /events/ that event pages may not take */
static const char *const reserved_ids[] = { "past", "audience", "area", NULL };

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};
static const char *const ordinals[] = { "first", "second", "third", "fourth", "last", NULL };

const struct event_term *event_term_find(const struct event_term *terms, size_t n,
					 const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(terms[i].id, id))
			return &terms[i];
	return NULL;
}

/* An id is a slug: lower-case letters and digits joined by single hyphens. */
static bool id_ok(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (const char *p = s; *p; p++) {
		if (*p == '-') {
			if (p[1] == '-' || !p[1])
				return false;
		} else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
			return false;
		}
	}
	return true;
}

/* ---- terms: audiences and areas ---- */

struct terms_acc {
	struct event_term *v;
	const char **parent_ids;
	size_t n, cap;
};

static void term_add(struct arena *a, struct terms_acc *l, const char *id, const char *label,
		     const char *guide, const char *parent)
{
	if (event_term_find(l->v, l->n, id))
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct event_term *v = arena_alloc(a, cap * sizeof(*v));
		const char **p = arena_alloc(a, cap * sizeof(*p));
		if (l->n) {
			memcpy(v, l->v, l->n * sizeof(*v));
			memcpy(p, l->parent_ids, l->n * sizeof(*p));
		}
		l->v = v;
		l->parent_ids = p;
		l->cap = cap;
	}
	l->v[l->n] = (struct event_term){ .id = id, .label = label ? label : id, .guide = guide };
	l->parent_ids[l->n] = parent;
	l->n++;
}

/*
 * The taxonomy's terms under one key: a list of mappings with 'id',
 * 'label', and for audiences 'guide', for areas 'parent'.  The
 * directory owns the taxonomy and reports its problems; here we take
 * what we can read.
 */
static void read_terms(struct arena *a, const struct value *v, struct terms_acc *l)
{
	if (!v || v->kind != VAL_LIST)
		return;
	for (size_t i = 0; i < v->len; i++) {
		const struct value *t = v->items[i];
		const char *id = value_map_str(t, "id");
		if (id && id_ok(id))
			term_add(a, l, id, value_map_str(t, "label"), value_map_str(t, "guide"),
				 value_map_str(t, "parent"));
	}
}

static void link_parents(struct terms_acc *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct event_term *p = l->parent_ids[i] ?
			event_term_find(l->v, l->n, l->parent_ids[i]) : NULL;
		/* a cycle would make "within" loop: keep parents that lead
		 * to the top within n steps */
		for (const struct event_term *q = p; q && p; q = q->parent)
			if (q == &l->v[i])
				p = NULL;
		l->v[i].parent = p;
	}
}

bool event_area_within(const struct event_term *area, const struct event_term *outer)
{
	for (int depth = 0; area && depth < 64; area = area->parent, depth++)
		if (area == outer || !strcmp(area->id, outer->id))
			return true;
	return false;
}

bool event_audience_of_guide(const struct event_term *audience, const struct guide *g)
{
	return audience->guide ? !strcmp(audience->guide, g->id) : !strcmp(audience->id, g->id);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The ids of the directory's services: NAME.yaml under dir, any depth. */
static void list_services(struct arena *a, const char *dir, int depth, struct events *ev,
			  size_t *cap)
{
	struct fs_entry *e;
	long n = depth > 8 ? -1 : fs_list(a, dir, &e);

	for (long i = 0; i < n; i++) {
		size_t len = strlen(e[i].name);
		if (e[i].kind == FS_DIR) {
			list_services(a, path_join(a, dir, e[i].name), depth + 1, ev, cap);
			continue;
		}
		if (e[i].kind != FS_FILE || len <= 5 || strcmp(e[i].name + len - 5, ".yaml"))
			continue;
		if (ev->n_services == *cap) {
			const char **v;
			*cap = *cap ? *cap * 2 : 64;
			v = arena_alloc(a, *cap * sizeof(*v));
			if (ev->n_services)
				memcpy(v, ev->services, ev->n_services * sizeof(*v));
			ev->services = v;
		}
		ev->services[ev->n_services++] = arena_strndup(a, e[i].name, len - 5);
	}
}

void events_init(struct arena *a, const char *site_dir, const struct config *cfg,
		 struct events *ev, struct diags *d)
{
	const char *tax_path = path_join(a, site_dir, "content/directory/taxonomy.yaml");
	const char *services = path_join(a, site_dir, "content/directory/services");
	struct terms_acc aud = { 0 }, area = { 0 };
	const struct value *tax = NULL;
	size_t cap = 0;
	int min;

	memset(ev, 0, sizeof(*ev));
	ev->now = dt_build_time(&ev->pinned, d);
	ev->today = dt_london_date(ev->now, &min);
	ev->horizon.y = ev->today.y + (ev->today.m + EVENTS_HORIZON_MONTHS - 1) / 12;
	ev->horizon.m = (ev->today.m + EVENTS_HORIZON_MONTHS - 1) % 12 + 1;
	ev->horizon.d = dt_month_days(ev->horizon.y, ev->horizon.m);

	if (fs_kind(tax_path) == FS_FILE) {
		struct diags quiet = DIAGS_INIT;
		size_t len;
		char *src = fs_read(tax_path, "content/directory/taxonomy.yaml", &len, &quiet);
		if (src)
			tax = yaml_parse(a, "content/directory/taxonomy.yaml", src, len, 0, &quiet);
		free(src);
		diags_free(&quiet);
	}
	ev->has_taxonomy = tax != NULL;
	read_terms(a, value_map_get(tax, "audiences"), &aud);
	read_terms(a, value_map_get(tax, "areas"), &area);
	/* every guide is an audience, so each has "what's on" */
	for (size_t i = 0; i < cfg->n_guides; i++) {
		bool found = false;
		for (size_t k = 0; k < aud.n && !found; k++)
			found = event_audience_of_guide(&aud.v[k], &cfg->guides[i]);
		if (!found)
			term_add(a, &aud, cfg->guides[i].id, cfg->guides[i].title, cfg->guides[i].id, NULL);
	}
	link_parents(&area);
	ev->audiences = aud.v;
	ev->n_audience_terms = aud.n;
	ev->areas = area.v;
	ev->n_area_terms = area.n;

	if (fs_kind(services) == FS_DIR) {
		ev->has_directory = true;
		list_services(a, services, 0, ev, &cap);
		if (ev->n_services > 1)
			qsort(ev->services, ev->n_services, sizeof(*ev->services), str_cmp);
	}
}

/* ---- one event ---- */

struct reader {
	const char *src;
	size_t len;
	struct arena *a;
	const struct events *ev;
	const char *file;
	struct diags *d;
	size_t errors_before;
};

/* The byte at a 1-based line and column of the file, or 0. */
static bool has_errors(const struct reader *r)
{
	return r->d->errors > r->errors_before;
}

static void err_at(struct reader *r, const struct value *v, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void err_at(struct reader *r, const struct value *v, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(r->d, r->file, v ? v->line : 1, v ? v->col : 1, "%s", msg);
}

/* A text value that must not be empty when present. */
static const char *text(struct reader *r, const struct value *map, const char *key, bool required)
{
	const char *s = schema_str(map, key, r->file, r->d);
	const struct value *v = value_map_get(map, key);
	const char *p;

	if (s) {
		for (p = s; *p == ' ' || *p == '\n' || *p == '\t'; p++)
			;
		if (*p)
			return s;
		err_at(r, v, "'%s' is empty", key);
		return NULL;
	}
	if (required && (!v || v->kind == VAL_NULL))
		err_at(r, v ? v : map, "missing '%s'", key);
	return NULL;
}

static const struct value *sub_map(struct reader *r, const struct value *map, const char *key,
				   const char *const *keys, const char *what)
{
	const struct value *v = value_map_get(map, key);
	if (!v || v->kind == VAL_NULL)
		return NULL;
	if (v->kind != VAL_MAP) {
		err_at(r, v, "'%s' should be a mapping of %s", key, what);
		return NULL;
	}
	schema_unknown_keys(v, keys, NULL, arena_printf(r->a, "%s key", key), r->file, r->d);
	return v;
}

static bool phone_ok(const char *s)
{
	int digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +()-", *p))
			return false;
	}
	return digits >= 10 && digits <= 15;
}

static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>()[]\\,;:\"", *p))
			return false;
	return at[1] != '.' && s[strlen(s) - 1] != '.';
}

static bool web_url_ok(const char *s)
{
	size_t n = strlen(s);
	return url_is_safe(s, n) && (!strncmp(s, "https://", 8) || !strncmp(s, "http://", 7)) &&
	       !strpbrk(s, " <>\"");
}

/* A list of terms: each must be known (when the list of known terms is
 * not empty, or required) and is reported at its own position. */
static const struct event_term **terms(struct reader *r, const struct value *map, const char *key,
				       const char *what, const struct event_term *known, size_t n_known,
				       bool closed, bool open_unless_close, size_t *n_out)
{
	const struct value *list = schema_str_list(r->a, map, key, r->file, r->d);
	const struct event_term **out;
	const char **names;
	size_t n = 0;

	*n_out = 0;
	if (!list)
		return NULL;
	out = arena_alloc(r->a, (list->len ? list->len : 1) * sizeof(*out));
	names = arena_alloc(r->a, (n_known ? n_known : 1) * sizeof(*names));
	for (size_t i = 0; i < n_known; i++)
		names[i] = known[i].id;
	for (size_t i = 0; i < list->len; i++) {
		const struct value *item = list->items[i];
		const struct event_term *t = event_term_find(known, n_known, item->str);
		bool dup = false;

		if (!t && (closed || n_known)) {
			const char *hint = text_suggest(item->str, names, n_known);
			/* without a taxonomy an audience may be any id, unless
			 * it looks like a misspelt guide */
			if (open_unless_close && !hint)
				goto own_term;
			if (hint)
				err_at(r, item, "unknown %s '%s' (did you mean '%s'?)", what, item->str, hint);
			else
				err_at(r, item, "unknown %s '%s'", what, item->str);
			continue;
		}
	own_term:
		if (!t) {
			struct event_term *nt;
			if (!id_ok(item->str)) {
				err_at(r, item, "%s '%s' should be an id: lower-case letters, digits and hyphens",
				       what, item->str);
				continue;
			}
			nt = arena_alloc(r->a, sizeof(*nt));
			nt->id = item->str;
			nt->label = item->str;
			t = nt;
		}
		for (size_t k = 0; k < n; k++)
			dup |= !strcmp(out[k]->id, t->id);
		if (dup) {
			err_at(r, item, "%s '%s' is listed twice", what, item->str);
			continue;
		}
		out[n++] = t;
	}
	*n_out = n;
	return out;
}

static bool date_at(struct reader *r, const struct value *map, const char *key, struct dt_date *out)
{
	const struct value *v = value_map_get(map, key);
	if (!v || v->kind == VAL_NULL)
		return false;
	if (v->kind == VAL_STRING && dt_parse_date(v->str, out))
		return true;
	err_at(r, v, "'%s' should be a date written YYYY-MM-DD%s%s%s", key,
	       v->kind == VAL_STRING ? ", not '" : "", v->kind == VAL_STRING ? v->str : "",
	       v->kind == VAL_STRING ? "'" : "");
	return false;
}

static int time_at(struct reader *r, const struct value *map, const char *key)
{
	const struct value *v = value_map_get(map, key);
	int min;
	if (!v || v->kind == VAL_NULL)
		return -1;
	if (v->kind == VAL_STRING && dt_parse_time(v->str, &min))
		return min;
	err_at(r, v, "'%s' should be a time written HH:MM on the 24-hour clock, such as \"10:00\" or \"18:30\"%s%s%s",
	       key, v->kind == VAL_STRING ? ", not '" : "", v->kind == VAL_STRING ? v->str : "",
	       v->kind == VAL_STRING ? "'" : "");
	return -2;
}

static int word_index(const char *const *words, const char *w, size_t n)
{
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !strncasecmp(words[i], w, n))
			return i;
	return -1;
}

/* "thursday" (weekly) or "third thursday" (monthly) */
static bool parse_on(struct reader *r, const struct value *v, struct event_when *w)
{
	const char *s, *sp;
	int o, wd;

	if (!v || v->kind != VAL_STRING) {
		err_at(r, v, w->freq == RULE_WEEKLY ?
		       "'on' should name a day of the week, such as 'thursday'" :
		       "'on' should name a week and a day, such as 'third thursday' or 'last friday'");
		return false;
	}
	s = v->str;
	while (*s == ' ')
		s++;
	sp = strchr(s, ' ');
	if (w->freq == RULE_WEEKLY) {
		size_t n = strlen(s);
		while (n && s[n - 1] == ' ')
			n--;
		if (n > 1 && s[n - 1] == 's' && word_index(weekdays, s, n) < 0)
			n--;   /* "thursdays" */
		wd = word_index(weekdays, s, n);
		if (wd < 0) {
			err_at(r, v, "'on' should name a day of the week, such as 'thursday', not '%s'", v->str);
			return false;
		}
		w->wday = wd;
		return true;
	}
	o = sp ? word_index(ordinals, s, (size_t)(sp - s)) : -1;
	while (sp && *sp == ' ')
		sp++;
	wd = sp ? word_index(weekdays, sp, strcspn(sp, " ")) : -1;
	if (o < 0 || wd < 0 || sp[strcspn(sp, " ")] != '\0') {
		err_at(r, v, "'on' should name a week and a day, such as 'third thursday' or 'last friday', not '%s'",
		       v->str);
		return false;
	}
	w->nth = o == 4 ? -1 : o + 1;
	w->wday = wd;
	return true;
}

static void refuse(struct reader *r, const struct value *m, const char *key, const char *with)
{
	const struct value_pair *p = value_map_pair(m, key);
	if (p)
		diag_error(r->d, r->file, p->line, p->col, "'%s' does not go with '%s'", key, with);
}

static void read_times(struct reader *r, const struct value *m, struct event_when *w)
{
	w->start = time_at(r, m, "start");
	w->end = time_at(r, m, "end");
	if (w->start == -2 || w->end == -2) {
		w->start = w->end = -1;
		return;
	}
	if ((w->start < 0) != (w->end < 0)) {
		const struct value_pair *p = value_map_pair(m, w->start < 0 ? "end" : "start");
		diag_error(r->d, r->file, p->line, p->col, "'%s' needs '%s' too (leave both out for all day)",
			   p->key, w->start < 0 ? "start" : "end");
		w->start = w->end = -1;
	} else if (w->start >= 0 && w->end <= w->start) {
		const struct value *v = value_map_get(m, "end");
		err_at(r, v, "'end' %02d:%02d is not after 'start' %02d:%02d", w->end / 60, w->end % 60,
		       w->start / 60, w->start % 60);
	}
}

static void read_when(struct reader *r, const struct value *m, struct event_when *w)
{
	bool has_date = value_map_get(m, "date"), has_month = value_map_get(m, "month"),
	     has_every = value_map_get(m, "every");
	const struct value *v;

	w->line = m->line;
	w->col = m->col;
	w->start = w->end = -1;
	schema_unknown_keys(m, when_keys, NULL, "occurrence key", r->file, r->d);
	w->note = text(r, m, "note", false);
	if (has_date + has_month + has_every != 1) {
		err_at(r, m, (has_date + has_month + has_every) > 1 ?
		       "an occurrence has one of 'date', 'month' or 'every', not more" :
		       "an occurrence needs 'date' (a day), 'month' (a day to be confirmed) or 'every' (a series)");
		return;
	}
	if (has_month) {
		w->kind = WHEN_MONTH;
		v = value_map_get(m, "month");
		if (v->kind != VAL_STRING || !dt_parse_month(v->str, &w->date))
			err_at(r, v, "'month' should be a month written YYYY-MM%s%s%s",
			       v->kind == VAL_STRING ? ", not '" : "", v->kind == VAL_STRING ? v->str : "",
			       v->kind == VAL_STRING ? "'" : "");
		for (size_t i = 0; when_keys[i]; i++)
			if (strcmp(when_keys[i], "month") && strcmp(when_keys[i], "note"))
				refuse(r, m, when_keys[i], "month");
		return;
	}
	read_times(r, m, w);
	if (has_date) {
		w->kind = WHEN_DATE;
		date_at(r, m, "date", &w->date);
		refuse(r, m, "on", "date");
		refuse(r, m, "from", "date");
		refuse(r, m, "until", "date");
		refuse(r, m, "except", "date");
		return;
	}
	w->kind = WHEN_RULE;
	v = value_map_get(m, "every");
	if (v->kind == VAL_STRING && (!strcasecmp(v->str, "week") || !strcasecmp(v->str, "month"))) {
		w->freq = !strcasecmp(v->str, "week") ? RULE_WEEKLY : RULE_MONTHLY;
	} else {
		err_at(r, v, "'every' should be 'week' or 'month'%s%s%s", v->kind == VAL_STRING ? ", not '" : "",
		       v->kind == VAL_STRING ? v->str : "", v->kind == VAL_STRING ? "'" : "");
		return;
	}
	if (value_map_get(m, "on"))
		parse_on(r, value_map_get(m, "on"), w);
	else
		err_at(r, m, w->freq == RULE_WEEKLY ?
		       "a weekly series needs 'on', the day of the week, such as 'thursday'" :
		       "a monthly series needs 'on', such as 'third thursday' or 'last friday'");
	if (!value_map_get(m, "from"))
		err_at(r, m, "a series needs 'from', the first date it could start");
	date_at(r, m, "from", &w->from);
	date_at(r, m, "until", &w->until);
	if (w->from.y && w->until.y && dt_cmp(w->until, w->from) < 0)
		err_at(r, value_map_get(m, "until"), "'until' is before 'from'");
	v = schema_str_list(r->a, m, "except", r->file, r->d);
	if (v) {
		w->except = arena_alloc(r->a, (v->len ? v->len : 1) * sizeof(*w->except));
		w->except_at = arena_alloc(r->a, (v->len ? v->len : 1) * sizeof(*w->except_at));
		for (size_t i = 0; i < v->len; i++) {
			if (!dt_parse_date(v->items[i]->str, &w->except[w->n_except])) {
				err_at(r, v->items[i], "each date in 'except' should be written YYYY-MM-DD, not '%s'",
				       v->items[i]->str);
				continue;
			}
			w->except_at[w->n_except++] = v->items[i];
		}
	}
}

/* ---- expansion ---- */

struct occ_list {
	struct occurrence *v;
	size_t n, cap;
	bool full;
};

static bool occ_add(struct reader *r, struct occ_list *l, const struct event_when *w,
		    struct dt_date date)
{
	if (l->n >= EVENTS_MAX_OCCURRENCES) {
		if (!l->full)
			diag_error(r->d, r->file, w->line, w->col,
				   "more than %d occurrences; shorten the series with 'until'",
				   EVENTS_MAX_OCCURRENCES);
		l->full = true;
		return false;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct occurrence *v = arena_alloc(r->a, cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = (struct occurrence){ .date = date, .start = w->start, .end = w->end, .when = w };
	return true;
}

static bool excepted(const struct event_when *w, struct dt_date date, bool *used)
{
	for (size_t i = 0; i < w->n_except; i++) {
		if (!dt_cmp(w->except[i], date)) {
			used[i] = true;
			return true;
		}
	}
	return false;
}

/* The dates of a series, from 'from' to 'until' (or the horizon). */
static void expand_rule(struct reader *r, struct event_when *w, struct occ_list *l)
{
	struct dt_date end = w->until.y ? w->until : r->ev->horizon;
	bool *used = arena_alloc(r->a, (w->n_except ? w->n_except : 1) * sizeof(*used));
	bool any = false;

	if (w->freq == RULE_WEEKLY) {
		long day = dt_days(w->from.y, w->from.m, w->from.d);
		long last = dt_days(end.y, end.m, end.d);
		day += (w->wday - dt_weekday(w->from.y, w->from.m, w->from.d) + 7) % 7;
		for (; day <= last; day += 7) {
			struct dt_date date = dt_from_days(day);
			if (!any)
				w->date = date;
			any = true;
			w->last = date;
			if (!excepted(w, date, used) && !occ_add(r, l, w, date))
				break;
		}
	} else {
		int y = w->from.y, m = w->from.m;
		while (y < end.y || (y == end.y && m <= end.m)) {
			int d = dt_nth_weekday(y, m, w->wday, w->nth);
			struct dt_date date = { y, m, d };
			if (d && dt_cmp(date, w->from) >= 0 && dt_cmp(date, end) <= 0) {
				if (!any)
					w->date = date;
				any = true;
				w->last = date;
				if (!excepted(w, date, used) && !occ_add(r, l, w, date))
					break;
			}
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	if (!any) {
		diag_error(r->d, r->file, w->line, w->col,
			   w->until.y ? "this series has no dates between 'from' and 'until'" :
			   "this series has no dates between 'from' and a year from now");
		return;
	}
	for (size_t i = 0; i < w->n_except; i++) {
		if (used[i])
			continue;
		diag_warning(r->d, r->file, w->except_at[i]->line, w->except_at[i]->col,
			     "'except' %04d-%02d-%02d is not a date of this series", w->except[i].y,
			     w->except[i].m, w->except[i].d);
	}
}

static long occ_key(const struct occurrence *o, int *minute)
{
	if (o->date.d == 0) {
		/* a month to be confirmed sorts after the dated days of its month */
		*minute = 1440;
		return dt_days(o->date.y, o->date.m, dt_month_days(o->date.y, o->date.m));
	}
	*minute = o->start;
	return dt_days(o->date.y, o->date.m, o->date.d);
}

static int occ_cmp(const void *pa, const void *pb)
{
	const struct occurrence *a = pa, *b = pb;
	int ma, mb;
	long ka = occ_key(a, &ma), kb = occ_key(b, &mb);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (ma != mb)
		return ma < mb ? -1 : 1;
	/* stable: the order written */
	return a->when < b->when ? -1 : a->when > b->when;
}

bool occurrence_upcoming(const struct events *ev, const struct occurrence *o)
{
	if (o->date.d == 0)
		return o->date.y > ev->today.y || (o->date.y == ev->today.y && o->date.m >= ev->today.m);
	return dt_cmp(o->date, ev->today) >= 0;
}

static void check_clock(struct reader *r, const struct occurrence *o)
{
	const struct event_when *w = o->when;
	if (o->start < 0)
		return;
	if (!dt_london_exists(o->date, o->start) || !dt_london_exists(o->date, o->end))
		diag_error(r->d, r->file, w->line, w->col,
			   "%02d:%02d to %02d:%02d on %04d-%02d-%02d falls in the hour the clocks go forward (01:00 to 02:00 does not happen that night)",
			   o->start / 60, o->start % 60, o->end / 60, o->end % 60, o->date.y, o->date.m,
			   o->date.d);
}

static void expand(struct reader *r, struct event *e)
{
	struct occ_list l = { 0 };

	for (size_t i = 0; i < e->n_when && !l.full; i++) {
		struct event_when *w = &e->when[i];
		if (w->kind == WHEN_RULE)
			expand_rule(r, w, &l);
		else
			occ_add(r, &l, w, w->date);
	}
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), occ_cmp);
	for (size_t i = 0; i < l.n; i++) {
		const struct occurrence *o = &l.v[i], *p = i ? &l.v[i - 1] : NULL;
		check_clock(r, o);
		if (p && !dt_cmp(p->date, o->date) && p->start == o->start)
			diag_warning(r->d, r->file, o->when->line, o->when->col,
				     "%04d-%02d%s%.0d is listed twice in 'occurrences'", o->date.y,
				     o->date.m, o->date.d ? "-" : "", o->date.d);
	}
	e->occ = l.v;
	e->n_occ = l.n;
	e->first_upcoming = l.n;
	for (size_t i = 0; i < l.n; i++) {
		if (occurrence_upcoming(r->ev, &l.v[i])) {
			e->first_upcoming = i;
			break;
		}
	}
}

/* ---- reading an event ---- */

static void read_event(struct reader *r, const struct value *m, struct event *e)
{
	const struct value *v;

	schema_unknown_keys(m, event_keys, NULL, "event key", r->file, r->d);
	e->title = text(r, m, "title", true);
	e->summary = text(r, m, "summary", true);
	e->description = text(r, m, "description", false);
	if (e->description)
		yaml_text_origin(r->src, r->len, value_map_get(m, "description"),
				 &e->description_line, &e->description_indent);
	e->service = text(r, m, "service", false);
	if (e->service && !id_ok(e->service)) {
		err_at(r, value_map_get(m, "service"),
		       "'service' should be the id of a directory service (its file name without .yaml), not '%s'",
		       e->service);
	} else if (e->service && r->ev->has_directory &&
		   !bsearch(&e->service, r->ev->services, r->ev->n_services,
			    sizeof(*r->ev->services), str_cmp)) {
		const char *hint = text_suggest(e->service, r->ev->services, r->ev->n_services);
		if (hint)
			err_at(r, value_map_get(m, "service"),
			       "no directory service '%s' (did you mean '%s'?)", e->service, hint);
		else
			err_at(r, value_map_get(m, "service"),
			       "no directory service '%s' in content/directory/services", e->service);
	}

	if (!value_map_get(m, "audiences"))
		err_at(r, m, "missing 'audiences': who the event is for, such as [adopters]");
	e->audiences = terms(r, m, "audiences", "audience", r->ev->audiences,
			     r->ev->n_audience_terms, true, !r->ev->has_taxonomy, &e->n_audiences);
	if (value_map_get(m, "audiences") && !e->n_audiences && !has_errors(r))
		err_at(r, value_map_get(m, "audiences"), "'audiences' is empty");
	e->areas = terms(r, m, "areas", "area", r->ev->areas, r->ev->n_area_terms, false, false,
			 &e->n_areas);

	v = sub_map(r, m, "venue", venue_keys, "name, address and postcode");
	if (v) {
		e->venue_name = text(r, v, "name", true);
		e->venue_address = text(r, v, "address", false);
		e->venue_postcode = text(r, v, "postcode", false);
	}
	v = value_map_get(m, "online");
	if (v && v->kind == VAL_BOOL) {
		e->online = v->boolean;
	} else if (v && v->kind == VAL_STRING) {
		e->online = true;
		e->online_details = text(r, m, "online", false);
	} else if (v && v->kind != VAL_NULL) {
		err_at(r, v, "'online' should be true, or text that says how to join");
	}
	if (!e->venue_name && !e->online && !value_map_get(m, "venue"))
		err_at(r, m, "say where the event is: add 'venue' (name, address, postcode) or 'online'");

	v = sub_map(r, m, "booking", booking_keys, "url, phone, email and notes");
	if (v) {
		e->book_url = text(r, v, "url", false);
		if (e->book_url && !web_url_ok(e->book_url)) {
			err_at(r, value_map_get(v, "url"), "'url' should be a web address starting https:// or http://, not '%s'",
			       e->book_url);
			e->book_url = NULL;
		}
		e->book_phone = text(r, v, "phone", false);
		if (e->book_phone && !phone_ok(e->book_phone)) {
			err_at(r, value_map_get(v, "phone"), "'phone' should be a telephone number, such as \"01632 960000\", not '%s'",
			       e->book_phone);
			e->book_phone = NULL;
		}
		e->book_email = text(r, v, "email", false);
		if (e->book_email && !email_ok(e->book_email)) {
			err_at(r, value_map_get(v, "email"), "'email' should be an email address, such as groups@example.org, not '%s'",
			       e->book_email);
			e->book_email = NULL;
		}
		e->book_notes = text(r, v, "notes", false);
	}
	e->cost = text(r, m, "cost", false);
	e->accessibility = text(r, m, "accessibility", false);

	v = value_map_get(m, "occurrences");
	if (!v || v->kind == VAL_NULL) {
		err_at(r, v ? v : m, "missing 'occurrences': when the event happens");
	} else if (v->kind != VAL_LIST || !v->len) {
		err_at(r, v, "'occurrences' should be a list, each item with 'date', 'month' or 'every'");
	} else {
		e->when = arena_alloc(r->a, v->len * sizeof(*e->when));
		for (size_t i = 0; i < v->len; i++) {
			if (v->items[i]->kind != VAL_MAP) {
				err_at(r, v->items[i], "each occurrence should be a mapping with 'date', 'month' or 'every'");
				continue;
			}
			read_when(r, v->items[i], &e->when[e->n_when++]);
		}
	}
}

struct event *event_parse(struct arena *a, const struct events *ev, const char *path,
			  const char *id, const char *src, size_t len, struct diags *d)
{
	struct reader r = { .src = src, .len = len, .a = a, .ev = ev, .file = arena_strdup(a, path), .d = d,
			    .errors_before = d->errors };
	struct event *e;
	const struct value *root;
	size_t bad;

	if (!text_valid_utf8(src, len, &bad)) {
		int line, col;
		text_position(src, bad, &line, &col);
		diag_error(d, r.file, line, col, "invalid UTF-8; save the file as UTF-8");
		return NULL;
	}
	if (!id_ok(id)) {
		diag_error(d, r.file, 0, 0,
			   "the file name gives the event's id and web address: use lower-case letters, digits and hyphens, such as stay-and-play.yaml");
		return NULL;
	}
	for (size_t i = 0; reserved_ids[i]; i++) {
		if (!strcmp(id, reserved_ids[i])) {
			diag_error(d, r.file, 0, 0, "'%s' is taken by the events pages; rename the file", id);
			return NULL;
		}
	}
	root = yaml_parse(a, r.file, src, len, 0, d);
	if (!root)
		return NULL;
	if (root->kind != VAL_MAP) {
		diag_error(d, r.file, root->line ? root->line : 1, root->col ? root->col : 1,
			   "an event file should be 'key: value' lines, starting with 'title:'");
		return NULL;
	}
	e = arena_alloc(a, sizeof(*e));
	e->id = arena_strdup(a, id);
	e->path = r.file;
	read_event(&r, root, e);
	if (has_errors(&r))
		return NULL;
	expand(&r, e);
	if (has_errors(&r))
		return NULL;
	return e;
}

static int event_cmp(const void *a, const void *b)
{
	return strcmp((*(struct event *const *)a)->id, (*(struct event *const *)b)->id);
}

void events_load(struct arena *a, const char *site_dir, const struct config *cfg,
		 struct events *ev, struct diags *d)
{
	const char *dir = path_join(a, site_dir, "content/events");
	struct fs_entry *ents;
	long n;
	size_t cap = 0;

	(void)cfg;
	ev->v = NULL;
	ev->n = 0;
	if (fs_kind(dir) == FS_MISSING)
		return;
	n = fs_list(a, dir, &ents);
	if (n < 0) {
		diag_error(d, "content/events", 0, 0, "cannot read folder");
		return;
	}
	for (long i = 0; i < n; i++) {
		const char *name = ents[i].name;
		const char *shown = arena_printf(a, "content/events/%s", name);
		size_t len = strlen(name);
		char *src;
		struct event *e;

		if (len > 3 && !strcmp(name + len - 3, ".md"))
			continue;   /* a page of the site, read with the others */
		if (ents[i].kind != FS_FILE || len <= 5 || strcmp(name + len - 5, ".yaml")) {
			diag_warning(d, shown, 0, 0, "not an event file (NAME.yaml); left out");
			continue;
		}
		src = fs_read(path_join(a, dir, name), shown, &len, d);
		if (!src)
			continue;
		e = event_parse(a, ev, shown, arena_strndup(a, name, strlen(name) - 5), src, len, d);
		free(src);
		if (!e)
			continue;
		if (ev->n == cap) {
			struct event **v;
			cap = cap ? cap * 2 : 32;
			v = arena_alloc(a, cap * sizeof(*v));
			if (ev->n)
				memcpy(v, ev->v, ev->n * sizeof(*v));
			ev->v = v;
		}
		ev->v[ev->n++] = e;
	}
	if (ev->n > 1)
		qsort(ev->v, ev->n, sizeof(*ev->v), event_cmp);
}
