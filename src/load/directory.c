/*
 * directory.c: reading and checking the directory's records.  Every
 * check reports at the value a person wrote and the load goes on, so one
 * run lists every problem of every record.
 */
#include "load/directory.h"
#include "load/schema.h"
#include "load/walk.h"
#include "load/yaml.h"
#include "util/escape.h"
#include "util/fs.h"
#include "util/text.h"

#include <ctype.h>
#include <limits.h>

static const char *const service_keys[] = {
	"name", "organisation", "summary", "description", "audiences", "categories",
	"tiers", "minimum_age", "maximum_age", "eligibility", "access", "funding", "cost",
	"delivery", "where", "hours", "contacts", "languages", "evidence", "status",
	"last_reviewed", "review_by", NULL,
};
static const char *const org_keys[] = {
	"name", "kind", "description", "website", "contacts", "registration", "areas",
	"national", NULL,
};
static const char *const access_keys[] = { "self_referral", "referral", "response_time", NULL };
static const char *const cost_keys[] = { "amount", "unit", "covers", NULL };
static const char *const delivery_keys[] = { "modes", "format", "duration", "frequency", NULL };
static const char *const where_keys[] = { "national", "areas", "venues", NULL };
static const char *const venue_keys[] = { "name", "address", "town", "county", "postcode", NULL };
static const char *const contact_keys[] = { "role", "phone", "text", "email", "url", "hours", NULL };
static const char *const evidence_keys[] = { "level", "source", "url", NULL };
static const char *const registration_keys[] = { "charity", "company", "ofsted", NULL };
static const char *const statuses[] = { "established", "pilot", "paused", "closed" };
static const char *const formats[] = { "group", "individual", "both" };

/* The record being read: where messages go. */
struct rec {
	struct arena *a;
	const struct taxonomy *t;
	const char *file;
	const char *src;
	size_t len;
	struct diags *d;
};

/* ---- checks on single values ---- */

bool directory_phone_ok(const char *s)
{
	static const char *const short_numbers[] = {
		"999", "112", "111", "101", "105", "119", "08001111",
	};
	char digits[24];
	size_t n = 0;
	const char *p = s;

	if (!strncmp(p, "+44", 3)) {
		p += 3;
		while (*p == ' ')
			p++;
		if (!strncmp(p, "(0)", 3))
			p += 3;
		digits[n++] = '0';
		if (*p == '0')
			return false;
	}
	for (; *p; p++) {
		if (*p == ' ' && p > s && p[1] && p[1] != ' ')
			continue;
		if (!isdigit((unsigned char)*p) || n + 1 >= sizeof(digits))
			return false;
		digits[n++] = *p;
	}
	digits[n] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(short_numbers); i++)
		if (!strcmp(digits, short_numbers[i]))
			return true;
	/* helplines such as 116 123 */
	if (n == 6 && !strncmp(digits, "116", 3))
		return true;
	return digits[0] == '0' && digits[1] != '0' && (n == 10 || n == 11);
}

bool directory_url_ok(const char *s)
{
	const char *host, *end;

	if (!url_is_safe(s, strlen(s)))
		return false;
	if (!strncmp(s, "https://", 8))
		host = s + 8;
	else if (!strncmp(s, "http://", 7))
		host = s + 7;
	else
		return false;
	end = host + strcspn(host, ":/?#");
	if (!text_is_domain(host, (size_t)(end - host)))
		return false;
	if (*end == ':') {
		const char *q = end + 1;
		while (isdigit((unsigned char)*q))
			q++;
		if (q == end + 1 || (*q && !strchr("/?#", *q)))
			return false;
		end = q;
	}
	for (const char *p = end; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '%') {
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				return false;
			p += 2;
		} else if (!isalnum(c) && !strchr("-._~:/?#[]@!$&'()*+,;=", c)) {
			return false;
		}
	}
	return true;
}

bool directory_postcode_ok(const char *s)
{
	/* outward code A9, A9A, A99, AA9, AA9A or AA99; one optional space;
	 * inward code 9AA */
	size_t n = strlen(s), i = 0, letters = 0, digits = 0;
	const char *in;

	if (n < 5 || n > 8)
		return false;
	in = s + n - 3;
	if (!isdigit((unsigned char)in[0]) || !isalpha((unsigned char)in[1]) ||
	    !isalpha((unsigned char)in[2]))
		return false;
	n -= 3;
	if (s[n - 1] == ' ')
		n--;
	while (i < n && isalpha((unsigned char)s[i]))
		i++, letters++;
	if (letters < 1 || letters > 2)
		return false;
	while (i < n && isdigit((unsigned char)s[i]))
		i++, digits++;
	if (digits < 1 || digits > 2)
		return false;
	if (i < n && digits == 1 && isalpha((unsigned char)s[i]))
		i++;
	return i == n;
}

/* ---- reading helpers ---- */

/* Where key is written in map, or where the map is when it is absent. */
static void key_pos(const struct value *map, const char *key, int *line, int *col)
{
	const struct value_pair *p = value_map_pair(map, key);
	*line = p ? p->line : map->line;
	*col = p ? p->col : map->col;
}

/* A map under key (NULL when absent; other types are errors). */
static struct value *get_map(struct rec *r, const struct value *m, const char *key)
{
	struct value *v = value_map_get(m, key);
	if (!v || v->kind == VAL_NULL)
		return NULL;
	if (v->kind != VAL_MAP) {
		diag_error(r->d, r->file, v->line, v->col, "'%s' should be a mapping of 'key: value' lines",
			   key);
		return NULL;
	}
	return v;
}

/* Text that must be there: an error at (line, col) when it is not. */
static const char *need_str(struct rec *r, const struct value *m, const char *key,
			    const char *what, int line, int col)
{
	const char *s = schema_str(m, key, r->file, r->d);
	const struct value *v = value_map_get(m, key);

	if (s && !*s) {
		diag_error(r->d, r->file, v->line, v->col, "'%s' is empty", key);
		return NULL;
	}
	if (!s && (!v || v->kind == VAL_NULL))
		diag_error(r->d, r->file, line, col, "%s has no '%s'", what, key);
	return s;
}

static const char *check_phone(struct rec *r, const struct value *m, const char *key)
{
	const char *s = schema_str(m, key, r->file, r->d);
	const struct value *v = value_map_get(m, key);
	if (s && !directory_phone_ok(s)) {
		diag_error(r->d, r->file, v->line, v->col,
			   "phone number '%s' is not a UK number; write it with digits and spaces, such as 01632 960000",
			   s);
		return NULL;
	}
	return s;
}

static const char *check_email(struct rec *r, const struct value *m, const char *key)
{
	const char *s = schema_str(m, key, r->file, r->d);
	const struct value *v = value_map_get(m, key);
	if (s && !text_is_email(s)) {
		diag_error(r->d, r->file, v->line, v->col,
			   "email address '%s' is not valid; write it as name@example.org", s);
		return NULL;
	}
	return s;
}

static const char *check_url(struct rec *r, const struct value *m, const char *key)
{
	const char *s = schema_str(m, key, r->file, r->d);
	const struct value *v = value_map_get(m, key);
	if (s && !directory_url_ok(s)) {
		diag_error(r->d, r->file, v->line, v->col,
			   "'%s' should be a full web address starting with https:// (spaces and quotes encoded), not '%s'",
			   key, s);
		return NULL;
	}
	return s;
}

/* The terms of vocabulary voc listed under key; required lists must not
 * be missing or empty. */
static void read_terms(struct rec *r, const struct value *m, const char *key, enum vocab voc,
		       bool required, const char *what, struct term_list *out)
{
	const struct value *list = schema_str_list(r->a, m, key, r->file, r->d);
	const struct value *raw = value_map_get(m, key);
	int line, col;

	out->v = NULL;
	out->n = 0;
	if (!list || !list->len) {
		key_pos(m, key, &line, &col);
		if (required && (!raw || raw->kind == VAL_NULL))
			diag_error(r->d, r->file, line, col, "%s has no '%s'", what, key);
		else if (required && list)
			diag_error(r->d, r->file, line, col, "'%s' should list at least one %s",
				   key, vocab_noun(voc));
		return;
	}
	out->v = arena_alloc(r->a, list->len * sizeof(*out->v));
	for (size_t i = 0; i < list->len; i++) {
		const struct vocab_term *term = taxonomy_resolve(r->t, voc, list->items[i], r->file, r->d);
		bool dup = false;
		if (!term)
			continue;
		for (size_t k = 0; k < out->n && !dup; k++)
			dup = out->v[k] == term;
		if (dup) {
			diag_warning(r->d, r->file, list->items[i]->line, list->items[i]->col,
				     "%s '%s' is listed twice", vocab_noun(voc), term->id);
			continue;
		}
		out->v[out->n++] = term;
	}
}

static bool read_contact(struct rec *r, const struct value *m, struct contact *c)
{
	if (m->kind != VAL_MAP) {
		diag_error(r->d, r->file, m->line, m->col,
			   "each contact should be a mapping with a 'role' and a phone, email or url");
		return false;
	}
	schema_unknown_keys(m, contact_keys, NULL, "contact key", r->file, r->d);
	memset(c, 0, sizeof(*c));
	c->role = need_str(r, m, "role", "contact", m->line, m->col);
	c->phone = check_phone(r, m, "phone");
	c->text = check_phone(r, m, "text");
	c->email = check_email(r, m, "email");
	c->url = check_url(r, m, "url");
	c->hours = schema_str(m, "hours", r->file, r->d);
	if (!value_map_get(m, "phone") && !value_map_get(m, "text") &&
	    !value_map_get(m, "email") && !value_map_get(m, "url"))
		diag_error(r->d, r->file, m->line, m->col,
			   "contact '%s' has no 'phone', 'text', 'email' or 'url'",
			   c->role ? c->role : "");
	if (!c->role)
		c->role = "Contact";
	return true;
}

static void read_contacts(struct rec *r, const struct value *m, bool required, const char *what,
			  struct contact **out, size_t *n)
{
	const struct value *list = value_map_get(m, "contacts");
	int line, col;

	*out = NULL;
	*n = 0;
	if (!list || list->kind == VAL_NULL) {
		if (required) {
			key_pos(m, "contacts", &line, &col);
			diag_error(r->d, r->file, line, col, "%s has no 'contacts'", what);
		}
		return;
	}
	if (list->kind == VAL_MAP) {
		*out = arena_alloc(r->a, sizeof(**out));
		*n = read_contact(r, list, *out);
		return;
	}
	if (list->kind != VAL_LIST) {
		diag_error(r->d, r->file, list->line, list->col,
			   "'contacts' should be a list of contacts, each with a 'role'");
		return;
	}
	if (!list->len && required)
		diag_error(r->d, r->file, list->line, list->col, "'contacts' should list at least one contact");
	*out = arena_alloc(r->a, (list->len ? list->len : 1) * sizeof(**out));
	for (size_t i = 0; i < list->len; i++)
		if (read_contact(r, list->items[i], &(*out)[*n]))
			(*n)++;
}

/* One of the fixed words in options[], with a did-you-mean. */
static const char *read_word(struct rec *r, const struct value *m, const char *key,
			     const char *const *options, size_t n_options, const char *what)
{
	const char *s = schema_str(m, key, r->file, r->d);
	const struct value *v = value_map_get(m, key);
	const char *hint;
	struct buf list = BUF_INIT;

	if (!s)
		return NULL;
	for (size_t i = 0; i < n_options; i++)
		if (!strcmp(s, options[i]))
			return options[i];
	for (size_t i = 0; i < n_options; i++)
		buf_printf(&list, "%s%s", i == 0 ? "" : i + 1 == n_options ? " or " : ", ", options[i]);
	hint = text_suggest(s, options, n_options);
	if (hint)
		diag_error(r->d, r->file, v->line, v->col, "unknown %s '%s' (did you mean '%s'?)", what, s,
			   hint);
	else
		diag_error(r->d, r->file, v->line, v->col, "unknown %s '%s' (use %s)", what, s,
			   buf_cstr(&list));
	buf_free(&list);
	return NULL;
}

/* Arena: s without trailing blanks and newlines (block scalars end
 * with one). */
static const char *trim_end(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/* A Markdown value's first line: block scalars ('|' or '>') start on the
 * line after the indicator. */
static void read_age(struct rec *r, const struct value *m, const char *key, long *out)
{
	const struct value *v = value_map_get(m, key);
	*out = schema_int(m, key, LONG_MIN, r->file, r->d);
	if (*out == LONG_MIN) {
		*out = -1;
		return;
	}
	if (v && (*out < 0 || *out > 120)) {
		diag_error(r->d, r->file, v->line, v->col,
			   "impossible age: '%s' should be from 0 to 120, not %ld", key, *out);
		*out = -1;
	}
}

static bool read_amount(struct rec *r, const struct value *m, struct cost *c)
{
	const struct value *v = value_map_get(m, "amount");
	const char *s;
	size_t i = 0, decimals = 0;
	bool dot = false;

	if (!v || v->kind == VAL_NULL)
		return false;
	s = v->kind == VAL_STRING ? v->str : "";
	while (s[i] && (isdigit((unsigned char)s[i]) || (s[i] == '.' && !dot))) {
		if (dot)
			decimals++;
		dot |= s[i] == '.';
		i++;
	}
	/* as JSON writes numbers: no leading zeros */
	if (!i || s[i] || s[0] == '.' || (s[0] == '0' && isdigit((unsigned char)s[1])) ||
	    (dot && (decimals < 1 || decimals > 2)) || i > 12) {
		diag_error(r->d, r->file, v->line, v->col,
			   "cost 'amount' should be a number of pounds, such as 1995 or 12.50, not '%s'",
			   v->kind == VAL_STRING ? v->str : "a list or mapping");
		return false;
	}
	c->amount = s;
	c->value = strtod(s, NULL);
	return true;
}

static bool read_cost(struct rec *r, const struct value *m, struct cost *c)
{
	memset(c, 0, sizeof(*c));
	if (m->kind != VAL_MAP) {
		diag_error(r->d, r->file, m->line, m->col,
			   "each cost should be a mapping with 'amount', 'unit' and 'covers'");
		return false;
	}
	schema_unknown_keys(m, cost_keys, NULL, "cost key", r->file, r->d);
	read_amount(r, m, c);
	c->unit = schema_str(m, "unit", r->file, r->d);
	c->covers = schema_str(m, "covers", r->file, r->d);
	if (value_map_get(m, "amount") && !c->unit && !value_map_get(m, "unit")) {
		const struct value_pair *p = value_map_pair(m, "amount");
		diag_error(r->d, r->file, p->line, p->col,
			   "cost has an amount but no 'unit' (such as 'per family' or 'per session')");
	}
	if (!value_map_get(m, "amount") && !c->covers)
		diag_error(r->d, r->file, m->line, m->col, "cost has neither an 'amount' nor 'covers'");
	return true;
}

static bool read_venue(struct rec *r, const struct value *m, struct venue *v)
{
	const struct value *pv;

	memset(v, 0, sizeof(*v));
	if (m->kind != VAL_MAP) {
		diag_error(r->d, r->file, m->line, m->col,
			   "each venue should be a mapping with a name, address, town and postcode");
		return false;
	}
	schema_unknown_keys(m, venue_keys, NULL, "venue key", r->file, r->d);
	v->name = need_str(r, m, "name", "venue", m->line, m->col);
	v->address = need_str(r, m, "address", "venue", m->line, m->col);
	v->town = need_str(r, m, "town", "venue", m->line, m->col);
	v->county = schema_str(m, "county", r->file, r->d);
	v->postcode = need_str(r, m, "postcode", "venue", m->line, m->col);
	pv = value_map_get(m, "postcode");
	if (v->postcode && !directory_postcode_ok(v->postcode)) {
		diag_error(r->d, r->file, pv->line, pv->col,
			   "postcode '%s' is not a UK postcode such as FV1 2AB", v->postcode);
		v->postcode = NULL;
	} else if (v->postcode) {
		char *up = arena_strdup(r->a, v->postcode);
		for (char *p = up; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		v->postcode = up;
	}
	if (!v->name)
		v->name = v->town ? v->town : "Venue";
	return true;
}

/* A mapping or a list of mappings under key, each read by fn. */
static size_t read_many(struct rec *r, const struct value *m, const char *key, size_t size,
			void **out, bool (*fn)(struct rec *, const struct value *, void *))
{
	const struct value *v = value_map_get(m, key);
	size_t n = 0;
	char *items;

	*out = NULL;
	if (!v || v->kind == VAL_NULL)
		return 0;
	if (v->kind == VAL_MAP) {
		items = arena_alloc(r->a, size);
		n = fn(r, v, items);
		*out = items;
		return n;
	}
	if (v->kind != VAL_LIST) {
		diag_error(r->d, r->file, v->line, v->col, "'%s' should be a list of mappings", key);
		return 0;
	}
	items = arena_alloc(r->a, (v->len ? v->len : 1) * size);
	for (size_t i = 0; i < v->len; i++)
		if (fn(r, v->items[i], items + n * size))
			n++;
	*out = items;
	return n;
}

static bool cost_fn(struct rec *r, const struct value *m, void *out)
{
	return read_cost(r, m, out);
}

static bool venue_fn(struct rec *r, const struct value *m, void *out)
{
	return read_venue(r, m, out);
}

/* The file's top-level mapping, or NULL after a diagnostic. */
static struct value *parse_root(struct rec *r, const char *what)
{
	struct value *root = yaml_parse(r->a, r->file, r->src, r->len, 0, r->d);
	if (!root)
		return NULL;
	if (root->kind != VAL_MAP) {
		diag_error(r->d, r->file, 1, 1,
			   "a %s file should be a mapping of 'key: value' lines, starting with 'name:'", what);
		return NULL;
	}
	return root;
}

static void read_dates(struct rec *r, const struct value *m, const char *today,
		       const char **last_reviewed, const char **review_by, bool required)
{
	const struct value *lv = value_map_get(m, "last_reviewed");
	const struct value *rv = value_map_get(m, "review_by");

	*last_reviewed = schema_date(m, "last_reviewed", r->file, r->d);
	*review_by = schema_date(m, "review_by", r->file, r->d);
	if (required && (!lv || lv->kind == VAL_NULL))
		diag_error(r->d, r->file, 1, 1, "service has no 'last_reviewed' date");
	if (*last_reviewed && today && strcmp(*last_reviewed, today) > 0)
		diag_warning(r->d, r->file, lv->line, lv->col,
			     "last_reviewed %s is after the build date %s", *last_reviewed, today);
	/* a review_by before last_reviewed has passed too: one message */
	if (*review_by && today && strcmp(*review_by, today) < 0)
		diag_warning(r->d, r->file, rv->line, rv->col, "review_by %s has passed", *review_by);
}

/* ---- organisations ---- */

static void read_registration(struct rec *r, struct organisation *o, const struct value *m)
{
	const struct value *reg = get_map(r, m, "registration");

	if (!reg)
		return;
	schema_unknown_keys(reg, registration_keys, NULL, "registration key", r->file, r->d);
	o->registrations = arena_alloc(r->a, (reg->len ? reg->len : 1) * sizeof(*o->registrations));
	for (size_t i = 0; i < ARRAY_LEN(registration_keys) - 1; i++) {
		const char *num = schema_str(reg, registration_keys[i], r->file, r->d);
		if (!num)
			continue;
		o->registrations[o->n_registrations].scheme = registration_keys[i];
		o->registrations[o->n_registrations++].number = num;
	}
}

struct organisation *directory_parse_organisation(struct arena *a, const struct taxonomy *t,
						  const char *path, const char *id,
						  const char *src, size_t len, struct diags *d)
{
	struct rec r = { .a = a, .t = t, .file = arena_strdup(a, path), .src = src, .len = len, .d = d };
	struct organisation *o;
	struct value *m = parse_root(&r, "organisation");
	const struct value *kv;

	if (!m)
		return NULL;
	o = arena_alloc(a, sizeof(*o));
	o->id = arena_strdup(a, id);
	o->file = r.file;
	schema_unknown_keys(m, org_keys, NULL, "organisation key", r.file, d);
	o->name = need_str(&r, m, "name", "organisation", 1, 1);
	if (!o->name)
		o->name = o->id;
	kv = value_map_get(m, "kind");
	if (kv && kv->kind != VAL_NULL)
		o->kind = taxonomy_resolve(t, VOCAB_ORG_KINDS, kv, r.file, d);
	else
		diag_error(d, r.file, 1, 1, "organisation has no 'kind'");
	o->description = need_str(&r, m, "description", "organisation", 1, 1);
	if (o->description)
		o->description = trim_end(a, o->description);
	if (o->description)
		yaml_text_origin(r.src, r.len, value_map_get(m, "description"),
				 &o->description_line, &o->description_indent);
	o->website = check_url(&r, m, "website");
	read_contacts(&r, m, false, "organisation", &o->contacts, &o->n_contacts);
	read_registration(&r, o, m);
	read_terms(&r, m, "areas", VOCAB_AREAS, false, "organisation", &o->areas);
	o->national = schema_bool(m, "national", false, r.file, d);
	return o;
}

/* ---- services ---- */

static void read_access(struct rec *r, struct service *s, const struct value *root)
{
	const struct value *m = get_map(r, root, "access");
	const struct value *v;
	int line, col;

	if (!m) {
		if (!value_map_get(root, "access"))
			diag_error(r->d, r->file, 1, 1,
				   "service has no 'access' (say whether families can refer themselves with 'self_referral')");
		return;
	}
	schema_unknown_keys(m, access_keys, NULL, "access key", r->file, r->d);
	v = value_map_get(m, "self_referral");
	if (!v || v->kind == VAL_NULL) {
		key_pos(root, "access", &line, &col);
		diag_error(r->d, r->file, line, col, "'access' has no 'self_referral' (true or false)");
	}
	s->self_referral = schema_bool(m, "self_referral", false, r->file, r->d);
	s->referral = schema_str(m, "referral", r->file, r->d);
	s->response_time = schema_str(m, "response_time", r->file, r->d);
	if (!s->self_referral && !s->referral && v && v->kind == VAL_BOOL) {
		key_pos(m, "self_referral", &line, &col);
		diag_error(r->d, r->file, line, col,
			   "a service without self-referral needs 'referral': say who can refer and how");
	}
}

static void read_delivery(struct rec *r, struct service *s, const struct value *root)
{
	const struct value *m = get_map(r, root, "delivery");

	if (!m)
		return;
	schema_unknown_keys(m, delivery_keys, NULL, "delivery key", r->file, r->d);
	read_terms(r, m, "modes", VOCAB_DELIVERY, false, "delivery", &s->delivery);
	s->format = read_word(r, m, "format", formats, ARRAY_LEN(formats), "delivery format");
	s->duration = schema_str(m, "duration", r->file, r->d);
	s->frequency = schema_str(m, "frequency", r->file, r->d);
}

static void read_where(struct rec *r, struct service *s, const struct value *root)
{
	const struct value *m = get_map(r, root, "where");
	int line, col;

	if (!m) {
		if (!value_map_get(root, "where"))
			diag_error(r->d, r->file, 1, 1,
				   "service has no 'where' (list its 'areas', or say 'national: true')");
		return;
	}
	schema_unknown_keys(m, where_keys, NULL, "where key", r->file, r->d);
	s->national = schema_bool(m, "national", false, r->file, r->d);
	read_terms(r, m, "areas", VOCAB_AREAS, false, "where", &s->areas);
	s->n_venues = read_many(r, m, "venues", sizeof(struct venue), (void **)&s->venues, venue_fn);
	if (!s->national && !s->areas.n && !value_map_get(m, "areas")) {
		key_pos(root, "where", &line, &col);
		diag_error(r->d, r->file, line, col, "'where' has no 'areas' and is not 'national: true'");
	}
}

static void read_evidence(struct rec *r, struct service *s, const struct value *root)
{
	const struct value *m = get_map(r, root, "evidence");
	const struct value *lv;
	int line, col;

	if (!m)
		return;
	schema_unknown_keys(m, evidence_keys, NULL, "evidence key", r->file, r->d);
	lv = value_map_get(m, "level");
	if (lv && lv->kind != VAL_NULL)
		s->evidence = taxonomy_resolve(r->t, VOCAB_EVIDENCE, lv, r->file, r->d);
	else {
		key_pos(root, "evidence", &line, &col);
		diag_error(r->d, r->file, line, col, "'evidence' has no 'level'");
	}
	s->evidence_source = schema_str(m, "source", r->file, r->d);
	s->evidence_url = check_url(r, m, "url");
	if (!s->evidence_source && !value_map_get(m, "source")) {
		key_pos(root, "evidence", &line, &col);
		diag_error(r->d, r->file, line, col,
			   "evidence has no 'source': say where it comes from, such as an evaluation report");
	}
}

static void read_languages(struct rec *r, struct service *s, const struct value *m)
{
	s->languages = schema_str_list(r->a, m, "languages", r->file, r->d);
	for (size_t i = 0; s->languages && i < s->languages->len; i++) {
		const struct value *v = s->languages->items[i];
		if (!v->len)
			diag_error(r->d, r->file, v->line, v->col, "empty language name");
	}
}

struct service *directory_parse_service(struct arena *a, const struct taxonomy *t,
					const char *path, const char *id, const char *src,
					size_t len, const char *today, struct diags *d)
{
	struct rec r = { .a = a, .t = t, .file = arena_strdup(a, path), .src = src, .len = len, .d = d };
	struct service *s;
	struct value *m = parse_root(&r, "service");
	const struct value *v;
	const char *status;

	if (!m)
		return NULL;
	s = arena_alloc(a, sizeof(*s));
	s->id = arena_strdup(a, id);
	s->file = r.file;
	schema_unknown_keys(m, service_keys, NULL, "service key", r.file, d);

	s->name = need_str(&r, m, "name", "service", 1, 1);
	if (!s->name)
		s->name = s->id;
	s->org_id = need_str(&r, m, "organisation", "service", 1, 1);
	if (s->org_id) {
		v = value_map_get(m, "organisation");
		s->org_line = v->line;
		s->org_col = v->col;
	}
	s->summary = need_str(&r, m, "summary", "service", 1, 1);
	if (!s->summary)
		s->summary = "";
	s->description = schema_str(m, "description", r.file, d);
	if (s->description)
		s->description = trim_end(a, s->description);
	if (s->description)
		yaml_text_origin(r.src, r.len, value_map_get(m, "description"),
				 &s->description_line, &s->description_indent);

	read_terms(&r, m, "audiences", VOCAB_AUDIENCES, true, "service", &s->audiences);
	read_terms(&r, m, "categories", VOCAB_CATEGORIES, true, "service", &s->categories);
	read_terms(&r, m, "tiers", VOCAB_TIERS, true, "service", &s->tiers);
	read_terms(&r, m, "funding", VOCAB_FUNDING, true, "service", &s->funding);

	read_age(&r, m, "minimum_age", &s->min_age);
	read_age(&r, m, "maximum_age", &s->max_age);
	if (s->min_age >= 0 && s->max_age >= 0 && s->min_age > s->max_age) {
		v = value_map_get(m, "maximum_age");
		diag_error(d, r.file, v->line, v->col,
			   "impossible ages: maximum_age %ld is below minimum_age %ld", s->max_age,
			   s->min_age);
		s->min_age = s->max_age = -1;
	}

	s->eligibility = schema_str(m, "eligibility", r.file, d);
	read_access(&r, s, m);
	s->n_costs = read_many(&r, m, "cost", sizeof(struct cost), (void **)&s->costs, cost_fn);
	read_delivery(&r, s, m);
	read_where(&r, s, m);
	s->hours = schema_str(m, "hours", r.file, d);
	read_contacts(&r, m, true, "service", &s->contacts, &s->n_contacts);
	read_languages(&r, s, m);
	read_evidence(&r, s, m);

	status = read_word(&r, m, "status", statuses, ARRAY_LEN(statuses), "status");
	for (size_t i = 0; status && i < ARRAY_LEN(statuses); i++)
		if (status == statuses[i])
			s->status = (enum service_status)i;
	read_dates(&r, m, today, &s->last_reviewed, &s->review_by, true);
	return s;
}

/* ---- the folder ---- */

struct loader {
	struct arena *a;
	struct directory *dir;
	const char *today;
	struct diags *d;
	size_t cap_orgs, cap_services;
};

static bool has_suffix(const char *s, const char *tail, size_t *stem)
{
	size_t ls = strlen(s), lt = strlen(tail);
	if (ls <= lt || strcmp(s + ls - lt, tail))
		return false;
	*stem = ls - lt;
	return true;
}

static void *grow(struct arena *a, void *v, size_t n, size_t *cap, size_t size)
{
	void *nv;
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 64;
	nv = arena_alloc(a, *cap * size);
	if (n)
		memcpy(nv, v, n * size);
	return nv;
}

static void load_file(struct loader *l, const char *full, const char *shown, const char *name,
		      bool services)
{
	size_t stem, len;
	const char *id;
	char *src;

	if (!has_suffix(name, ".yaml", &stem) && !has_suffix(name, ".yml", &stem)) {
		diag_warning(l->d, shown, 0, 0, "not a .yaml file; left out of the directory");
		return;
	}
	id = arena_strndup(l->a, name, stem);
	if (!text_is_slug(id)) {
		diag_error(l->d, shown, 0, 0,
			   "file name '%s' should be an id of lower-case letters, digits and single hyphens, such as '%s.yaml'",
			   name, text_slug(l->a, id, strlen(id)));
		return;
	}
	src = fs_read(full, shown, &len, l->d);
	if (!src)
		return;
	if (services) {
		struct service *s = directory_parse_service(l->a, &l->dir->tax, shown, id, src, len,
							    l->today, l->d);
		if (s) {
			l->dir->services = grow(l->a, l->dir->services, l->dir->n_services,
						&l->cap_services, sizeof(*l->dir->services));
			l->dir->services[l->dir->n_services++] = s;
		}
	} else {
		struct organisation *o = directory_parse_organisation(l->a, &l->dir->tax, shown, id,
								      src, len, l->d);
		if (o) {
			l->dir->orgs = grow(l->a, l->dir->orgs, l->dir->n_orgs, &l->cap_orgs,
					    sizeof(*l->dir->orgs));
			l->dir->orgs[l->dir->n_orgs++] = o;
		}
	}
	free(src);
}

struct records_walk {
	struct loader *l;
	bool services;
};

static void found(void *ctx, const struct walk_entry *e)
{
	struct records_walk *rw = ctx;
	if (!e->is_dir)
		load_file(rw->l, e->path, e->shown, e->name, rw->services);
}

/* The records under dir: services or organisations. */
static void load_records(struct loader *l, const char *dir, const char *shown, bool services)
{
	struct records_walk rw = { l, services };
	walk_folder(&(struct walk){ .a = l->a, .d = l->d, .found = found, .ctx = &rw,
				    .skipped = "left out" },
		    dir, shown);
}

static int org_cmp(const void *pa, const void *pb)
{
	const struct organisation *a = *(struct organisation *const *)pa;
	const struct organisation *b = *(struct organisation *const *)pb;
	int c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->file, b->file);
}

static int service_cmp(const void *pa, const void *pb)
{
	const struct service *a = *(struct service *const *)pa;
	const struct service *b = *(struct service *const *)pb;
	int c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->file, b->file);
}

const struct organisation *directory_org(const struct directory *dir, const char *id)
{
	size_t lo = 0, hi = dir->n_orgs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(dir->orgs[mid]->id, id);
		if (c == 0)
			return dir->orgs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void directory_link_records(struct directory *dir, struct diags *d)
{
	if (dir->n_orgs > 1)
		qsort(dir->orgs, dir->n_orgs, sizeof(*dir->orgs), org_cmp);
	if (dir->n_services > 1)
		qsort(dir->services, dir->n_services, sizeof(*dir->services), service_cmp);
	for (size_t i = 1; i < dir->n_orgs; i++)
		if (!strcmp(dir->orgs[i - 1]->id, dir->orgs[i]->id))
			diag_error(d, dir->orgs[i]->file, 0, 0,
				   "duplicate organisation id '%s' (also %s)", dir->orgs[i]->id,
				   dir->orgs[i - 1]->file);
	for (size_t i = 1; i < dir->n_services; i++)
		if (!strcmp(dir->services[i - 1]->id, dir->services[i]->id))
			diag_error(d, dir->services[i]->file, 0, 0, "duplicate service id '%s' (also %s)",
				   dir->services[i]->id, dir->services[i - 1]->file);
	for (size_t i = 0; i < dir->n_orgs; i++)
		dir->orgs[i]->index = i;

	for (size_t i = 0; i < dir->n_services; i++) {
		struct service *s = dir->services[i];
		s->index = i;
		if (!s->org_id)
			continue;
		s->org = directory_org(dir, s->org_id);
		if (!s->org) {
			const char **ids = xmalloc((dir->n_orgs ? dir->n_orgs : 1) * sizeof(*ids));
			const char *hint;
			for (size_t k = 0; k < dir->n_orgs; k++)
				ids[k] = dir->orgs[k]->id;
			hint = text_suggest(s->org_id, ids, dir->n_orgs);
			if (hint)
				diag_error(d, s->file, s->org_line, s->org_col,
					   "unknown organisation '%s' (did you mean '%s'?)", s->org_id, hint);
			else
				diag_error(d, s->file, s->org_line, s->org_col,
					   "unknown organisation '%s': there is no content/directory/organisations/%s.yaml",
					   s->org_id, s->org_id);
			free(ids);
		}
	}
}

void directory_load(struct arena *a, const char *site_dir, const char *today,
		    struct directory *dir, struct diags *d)
{
	struct loader l = { .a = a, .dir = dir, .today = today, .d = d };
	const char *root = path_join(a, site_dir, "content/directory");
	const char *tax = path_join(a, root, "taxonomy.yaml");
	const char *sub;
	size_t len;
	char *src;

	memset(dir, 0, sizeof(*dir));
	taxonomy_parse(a, "content/directory/taxonomy.yaml", "", 0, &dir->tax, d);
	if (fs_kind(root) != FS_DIR)
		return;
	dir->present = true;
	if (fs_kind(tax) == FS_FILE) {
		src = fs_read(tax, "content/directory/taxonomy.yaml", &len, d);
		if (src)
			taxonomy_parse(a, "content/directory/taxonomy.yaml", src, len, &dir->tax, d);
		free(src);
	} else {
		diag_error(d, "content/directory/taxonomy.yaml", 0, 0,
			   "the directory has no taxonomy; create content/directory/taxonomy.yaml");
	}
	sub = path_join(a, root, "organisations");
	if (fs_kind(sub) == FS_DIR)
		load_records(&l, sub, "content/directory/organisations", false);
	sub = path_join(a, root, "services");
	if (fs_kind(sub) == FS_DIR)
		load_records(&l, sub, "content/directory/services", true);
	directory_link_records(dir, d);
}
