/*
 * openreferral.c: writing the directory as Open Referral UK JSON.  The
 * field names and shapes follow the UK profile's compiled schemas
 * (service.json, service_list.json, organization.json,
 * organization_list.json and the Page object of its OpenAPI document);
 * tests/directory validates every file against them.  Where the UK
 * profile leaves out a field HSDS 3.0 has (a contact's email and phones,
 * a language's name), the HSDS field is written too.
 */
#include "emit/openreferral.h"
#include "render/parallel.h"
#include "site/directory.h"
#include "util/json.h"

#include <malloc.h>

/* A vocabulary term as attributes name it, made once for all services. */
struct term_ref {
	const char *id;            /* the UUID of the term's page */
	const char *uri;           /* its permalink, or NULL */
};

struct oruk {
	struct render_ctx *rc;     /* the task's: its arena keeps the file's path */
	struct arena *a;           /* scratch, emptied after each file */
	const struct directory_model *m;
	const struct directory *dir;
	const char *base;          /* the site's base URL, or NULL when relative */
	struct term_ref *terms[VOCAB_COUNT]; /* per term index */
	const char **paths;        /* per file, in listing order, left by its task */
	size_t file;               /* the file being written */
};

/* The files in the order they are listed: these three, then one per
 * organisation, then one per service. */
enum { FILE_INDEX, FILE_SERVICES, FILE_ORGANIZATIONS, FIXED_FILES };

/* Writes the file being made; its path is kept for the listing. */
static void emit(struct oruk *o, const char *path, struct buf *b)
{
	o->paths[o->file] = arena_strdup(o->rc->a, path);
	/* JSON: no links or ids to take */
	outputs_store(o->rc->out, o->paths[o->file], b->data ? b->data : "", b->len, o->rc->d);
}

/* An absolute URL for a site path ("/directory/..."), or NULL. */
static const char *permalink(struct oruk *o, const char *path)
{
	return o->base ? arena_printf(o->a, "%s%s", o->base, path + 1) : NULL;
}

static void opt_str(struct json *j, const char *key, const char *s)
{
	if (s && *s)
		json_str(j, key, s);
}

/* The id of a part of service s: the UUID of its page + "#fragment". */
static const char *part_id(struct oruk *o, const struct service *s, const char *frag)
{
	return directory_uuid(o->a, o->m, arena_printf(o->a, "%s#%s", o->m->service_urls[s->index] + 1,
						      frag));
}

static const char *status_of(const struct service *s)
{
	switch (s->status) {
	case STATUS_PAUSED: return "temporarily closed";
	case STATUS_CLOSED: return "inactive";
	default: return "active";
	}
}

static const char *first_email(const struct contact *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].email)
			return c[i].email;
	return NULL;
}

/* The summary, then the Markdown description, as one text. */
static const char *service_description(struct oruk *o, const struct service *s)
{
	if (!s->description)
		return s->summary;
	return arena_printf(o->a, "%s\n\n%s", s->summary, s->description);
}

static const char *term_path(struct oruk *o, const struct vocab_term *t)
{
	const struct facet *f = directory_facet(o->m, t->vocab);
	if (f)
		return f->term_urls[t->index] + 1;
	return arena_printf(o->a, "directory/%s/%s/", vocab_key(t->vocab), t->id);
}

static const struct term_ref *term_ref(const struct oruk *o, const struct vocab_term *t)
{
	return &o->terms[t->vocab][t->index];
}

static void organization_core(struct oruk *o, struct json *j, const struct organisation *org)
{
	json_str(j, "id", o->m->org_uuids[org->index]);
	json_str(j, "name", org->name);
	json_str(j, "description", org->description ? org->description : org->name);
	opt_str(j, "email", first_email(org->contacts, org->n_contacts));
	opt_str(j, "website", org->website);
	opt_str(j, "uri", permalink(o, o->m->org_urls[org->index]));
}

static void organization_identifiers(struct oruk *o, struct json *j, const struct organisation *org)
{
	const char *oid = o->m->org_uuids[org->index];

	json_open(j, "organization_identifiers", '[');
	for (size_t i = 0; i < org->n_registrations; i++) {
		const struct registration *r = &org->registrations[i];
		const char *scheme = NULL, *type = "Ofsted unique reference number";
		if (!strcmp(r->scheme, "charity")) {
			scheme = "GB-CHC";
			type = "Charity number";
		} else if (!strcmp(r->scheme, "company")) {
			scheme = "GB-COH";
			type = "Company number";
		}
		json_open(j, NULL, '{');
		json_str(j, "id", directory_uuid(o->a, o->m,
						 arena_printf(o->a, "%s#%s", o->m->org_urls[org->index] + 1,
							      r->scheme)));
		json_str(j, "organization_id", oid);
		opt_str(j, "identifier_scheme", scheme);
		json_str(j, "identifier_type", type);
		json_str(j, "identifier", r->number);
		json_close(j);
	}
	json_close(j);
}

/* The one-to-one fields of a service: what a list item holds. */
static void service_core(struct oruk *o, struct json *j, const struct service *s)
{
	json_str(j, "id", o->m->service_uuids[s->index]);
	if (s->org)
		json_str(j, "organization_id", o->m->org_uuids[s->org->index]);
	json_str(j, "name", s->name);
	json_str(j, "description", service_description(o, s));
	opt_str(j, "url", permalink(o, o->m->service_urls[s->index]));
	opt_str(j, "email", first_email(s->contacts, s->n_contacts));
	json_str(j, "status", status_of(s));
	if (s->min_age >= 0)
		json_int(j, "minimum_age", s->min_age);
	if (s->max_age >= 0)
		json_int(j, "maximum_age", s->max_age);
	if (s->last_reviewed) {
		json_str(j, "assured_date", s->last_reviewed);
		json_str(j, "last_modified", arena_printf(o->a, "%sT00:00:00Z", s->last_reviewed));
	}
	if (s->status == STATUS_PILOT)
		json_str(j, "alert", "This is a pilot service, being tried out for a limited time.");
	else if (s->status == STATUS_PAUSED)
		json_str(j, "alert", "This service is paused at the moment.");
}

static void attribute(struct oruk *o, struct json *j, const struct service *s,
		      const struct vocab_term *t)
{
	const struct term_ref *ref = term_ref(o, t);

	json_open(j, NULL, '{');
	json_str(j, "id", part_id(o, s, arena_printf(o->a, "attribute-%s-%s",
								 vocab_key(t->vocab), t->id)));
	json_str(j, "link_id", o->m->service_uuids[s->index]);
	json_str(j, "link_type", "service");
	json_str(j, "taxonomy_term_id", ref->id);
	json_open(j, "taxonomy_term", '{');
	json_str(j, "id", ref->id);
	json_str(j, "name", t->label);
	json_str(j, "description", t->description ? t->description : t->label);
	if (t->parent)
		json_str(j, "parent_id", term_ref(o, t->parent)->id);
	json_str(j, "taxonomy", vocab_key(t->vocab));
	opt_str(j, "term_uri", ref->uri);
	json_str(j, "term", t->id);
	json_close(j);
	json_close(j);
}

static void attributes(struct oruk *o, struct json *j, const struct service *s)
{
	const struct term_list *lists[] = {
		&s->audiences, &s->categories, &s->tiers, &s->funding, &s->delivery, &s->areas,
	};

	json_open(j, "attributes", '[');
	for (size_t k = 0; k < ARRAY_LEN(lists); k++)
		for (size_t i = 0; i < lists[k]->n; i++)
			attribute(o, j, s, lists[k]->v[i]);
	if (s->evidence)
		attribute(o, j, s, s->evidence);
	json_close(j);
}

static void contacts(struct oruk *o, struct json *j, const struct service *s)
{
	const char *sid = o->m->service_uuids[s->index];

	json_open(j, "contacts", '[');
	for (size_t i = 0; i < s->n_contacts; i++) {
		const struct contact *c = &s->contacts[i];
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "contact-%zu", i + 1)));
		json_str(j, "service_id", sid);
		json_str(j, "name", c->role);
		json_str(j, "title", c->role);
		opt_str(j, "email", c->email);
		json_open(j, "phones", '[');
		if (c->phone) {
			json_open(j, NULL, '{');
			json_str(j, "id", part_id(o, s, arena_printf(o->a, "phone-%zu", i + 1)));
			json_str(j, "number", c->phone);
			json_str(j, "type", "voice");
			json_close(j);
		}
		if (c->text) {
			json_open(j, NULL, '{');
			json_str(j, "id", part_id(o, s, arena_printf(o->a, "text-%zu", i + 1)));
			json_str(j, "number", c->text);
			json_str(j, "type", "sms");
			json_close(j);
		}
		json_close(j);
		json_close(j);
	}
	json_close(j);
}

static void service_areas(struct oruk *o, struct json *j, const struct service *s)
{
	const char *sid = o->m->service_uuids[s->index];

	json_open(j, "service_areas", '[');
	if (s->national) {
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, "national"));
		json_str(j, "service_id", sid);
		json_str(j, "name", "National");
		json_str(j, "service_area", "National");
		json_close(j);
	}
	for (size_t i = 0; i < s->areas.n; i++) {
		const struct vocab_term *t = s->areas.v[i];
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "area-%s", t->id)));
		json_str(j, "service_id", sid);
		json_str(j, "name", t->label);
		json_str(j, "service_area", t->label);
		opt_str(j, "uri", term_ref(o, t)->uri);
		json_close(j);
	}
	json_close(j);
}

static void locations(struct oruk *o, struct json *j, const struct service *s)
{
	const char *sid = o->m->service_uuids[s->index];

	json_open(j, "service_at_locations", '[');
	for (size_t i = 0; i < s->n_venues; i++) {
		const struct venue *v = &s->venues[i];
		const char *lid = part_id(o, s, arena_printf(o->a, "location-%zu", i + 1));
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "service-at-location-%zu", i + 1)));
		json_str(j, "service_id", sid);
		json_str(j, "location_id", lid);
		json_open(j, "location", '{');
		json_str(j, "id", lid);
		json_str(j, "location_type", "physical");
		json_str(j, "name", v->name);
		json_open(j, "addresses", '[');
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "address-%zu", i + 1)));
		json_str(j, "location_id", lid);
		json_str(j, "address_1", v->address ? v->address : "");
		json_str(j, "city", v->town ? v->town : "");
		json_str(j, "state_province", v->county ? v->county : "");
		json_str(j, "postal_code", v->postcode ? v->postcode : "");
		json_str(j, "country", "GB");
		json_str(j, "address_type", "physical");
		json_close(j);
		json_close(j);
		json_close(j);
		json_close(j);
	}
	json_close(j);
}

static void schedules(struct oruk *o, struct json *j, const struct service *s)
{
	json_open(j, "schedules", '[');
	if (s->hours || s->frequency || s->duration) {
		struct buf b = BUF_INIT;
		const char *parts[] = { s->hours, s->frequency, s->duration };
		for (size_t i = 0; i < ARRAY_LEN(parts); i++)
			if (parts[i])
				buf_printf(&b, "%s%s", b.len ? ". " : "", parts[i]);
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, "schedule-1"));
		json_str(j, "service_id", o->m->service_uuids[s->index]);
		json_str(j, "description", buf_cstr(&b));
		if (s->format)
			json_str(j, "attending_type", s->format);
		json_close(j);
		buf_free(&b);
	}
	json_close(j);
}

static void costs_and_funding(struct oruk *o, struct json *j, const struct service *s)
{
	const char *sid = o->m->service_uuids[s->index];

	json_open(j, "funding", '[');
	for (size_t i = 0; i < s->funding.n; i++) {
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "funding-%s", s->funding.v[i]->id)));
		json_str(j, "service_id", sid);
		json_str(j, "source", s->funding.v[i]->label);
		json_close(j);
	}
	json_close(j);
	json_open(j, "cost_options", '[');
	for (size_t i = 0; i < s->n_costs; i++) {
		const struct cost *c = &s->costs[i];
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "cost-%zu", i + 1)));
		json_str(j, "service_id", sid);
		opt_str(j, "option", c->covers);
		if (c->amount)
			json_num(j, "amount", c->amount);
		opt_str(j, "amount_description", c->unit);
		json_close(j);
	}
	json_close(j);
}

static void languages(struct oruk *o, struct json *j, const struct service *s)
{
	json_open(j, "languages", '[');
	for (size_t i = 0; s->languages && i < s->languages->len; i++) {
		json_open(j, NULL, '{');
		json_str(j, "id", part_id(o, s, arena_printf(o->a, "language-%zu", i + 1)));
		json_str(j, "service_id", o->m->service_uuids[s->index]);
		json_str(j, "name", s->languages->items[i]->str);
		json_close(j);
	}
	json_close(j);
}

static void write_service(struct oruk *o, const struct service *s)
{
	struct buf b = BUF_INIT;
	struct json j;

	json_init(&j, &b, true);
	json_open(&j, NULL, '{');
	service_core(o, &j, s);
	if (s->org) {
		json_open(&j, "organization", '{');
		organization_core(o, &j, s->org);
		organization_identifiers(o, &j, s->org);
		json_close(&j);
	}
	schedules(o, &j, s);
	service_areas(o, &j, s);
	locations(o, &j, s);
	languages(o, &j, s);
	costs_and_funding(o, &j, s);
	contacts(o, &j, s);
	attributes(o, &j, s);
	json_close(&j);
	json_end(&j);
	emit(o, arena_printf(o->a, "openreferral/services/%s.json", o->m->service_uuids[s->index]),
	     &b);
	buf_free(&b);
}

static void page_start(struct json *j, size_t n)
{
	json_open(j, NULL, '{');
	json_int(j, "total_items", (long)n);
	json_int(j, "total_pages", 1);
	json_int(j, "page_number", 1);
	json_int(j, "size", (long)n);
	json_bool(j, "first_page", true);
	json_bool(j, "last_page", true);
	json_bool(j, "empty", n == 0);
	json_open(j, "contents", '[');
}

static void write_service_list(struct oruk *o)
{
	struct buf b = BUF_INIT;
	struct json j;

	json_init(&j, &b, true);
	page_start(&j, o->dir->n_services);
	for (size_t i = 0; i < o->dir->n_services; i++) {
		const struct service *s = o->dir->services[i];
		/* an item's texts go when it is written: the list is the
		 * largest file, made while other threads make theirs */
		struct oruk item = *o;
		struct arena scratch;

		arena_init(&scratch);
		item.a = &scratch;
		json_open(&j, NULL, '{');
		service_core(&item, &j, s);
		if (s->org) {
			json_open(&j, "organization", '{');
			organization_core(&item, &j, s->org);
			json_close(&j);
		}
		json_close(&j);
		arena_free(&scratch);
	}
	json_close(&j);
	json_close(&j);
	json_end(&j);
	emit(o, "openreferral/services.json", &b);
	buf_free(&b);
}

static void write_organisation_list(struct oruk *o)
{
	struct buf b = BUF_INIT;
	struct json j;

	json_init(&j, &b, true);
	page_start(&j, o->dir->n_orgs);
	for (size_t i = 0; i < o->dir->n_orgs; i++) {
		json_open(&j, NULL, '{');
		organization_core(o, &j, o->dir->orgs[i]);
		json_close(&j);
	}
	json_close(&j);
	json_close(&j);
	json_end(&j);
	emit(o, "openreferral/organizations.json", &b);
	buf_free(&b);
}

static void write_organisation(struct oruk *o, const struct organisation *org)
{
	const struct service_list *l = &o->m->by_org[org->index];
	struct buf b = BUF_INIT;
	struct json j;

	json_init(&j, &b, true);
	json_open(&j, NULL, '{');
	organization_core(o, &j, org);
	organization_identifiers(o, &j, org);
	json_open(&j, "services", '[');
	for (size_t k = 0; k < l->n; k++) {
		json_open(&j, NULL, '{');
		service_core(o, &j, l->v[k]);
		json_close(&j);
	}
	json_close(&j);
	json_close(&j);
	json_end(&j);
	emit(o, arena_printf(o->a, "openreferral/organizations/%s.json", o->m->org_uuids[org->index]),
	     &b);
	buf_free(&b);
}

static void write_index(struct oruk *o)
{
	struct buf b = BUF_INIT;
	struct json j;

	json_init(&j, &b, true);
	json_open(&j, NULL, '{');
	json_str(&j, "version", "3.0");
	json_str(&j, "profile", "https://github.com/OpenReferralUK/uk-profile");
	json_str(&j, "description",
		 "Open Referral UK 3.0 data: services.json and organizations.json are the lists as "
		 "page objects; services/ and organizations/ hold one full record per file, named by "
		 "its id.");
	opt_str(&j, "services", permalink(o, "/openreferral/services.json"));
	opt_str(&j, "organizations", permalink(o, "/openreferral/organizations.json"));
	json_int(&j, "total_services", (long)o->dir->n_services);
	json_int(&j, "total_organizations", (long)o->dir->n_orgs);
	json_close(&j);
	json_end(&j);
	emit(o, "openreferral/index.json", &b);
	buf_free(&b);
}

/* The ids and URIs of every term, in o->a, before the threads share
 * them. */
static void build_term_refs(struct oruk *o)
{
	for (int v = 0; v < VOCAB_COUNT; v++) {
		const struct vocabulary *voc = &o->dir->tax.v[v];
		o->terms[v] = arena_alloc(o->a, (voc->n ? voc->n : 1) * sizeof(*o->terms[v]));
		for (size_t i = 0; i < voc->n; i++) {
			const char *path = term_path(o, &voc->terms[i]);
			o->terms[v][i].id = directory_uuid(o->a, o->m, path);
			o->terms[v][i].uri = permalink(o, arena_printf(o->a, "/%s", path));
		}
	}
}

/* A render_each task: file n of the listing order, in a scratch arena. */
static void write_nth(struct render_ctx *trc, size_t n, void *arg)
{
	struct oruk o = *(const struct oruk *)arg;
	size_t n_orgs = o.dir->n_orgs;
	struct arena scratch;

	arena_init(&scratch);
	o.rc = trc;
	o.a = &scratch;
	o.file = n;
	if (n == FILE_INDEX)
		write_index(&o);
	else if (n == FILE_SERVICES)
		write_service_list(&o);
	else if (n == FILE_ORGANIZATIONS)
		write_organisation_list(&o);
	else if (n < FIXED_FILES + n_orgs)
		write_organisation(&o, o.dir->orgs[n - FIXED_FILES]);
	else
		write_service(&o, o.dir->services[n - FIXED_FILES - n_orgs]);
	arena_free(&scratch);
}

void openreferral_emit(struct render_ctx *rc)
{
	const char *base = rc->site->cfg->base_url;
	struct oruk o = {
		.rc = rc,
		.a = rc->a,
		.m = rc->site->directory,
	};
	size_t n;

	if (!o.m)
		return;
	o.dir = o.m->dir;
	if (!strncmp(base, "https://", 8) || !strncmp(base, "http://", 7))
		o.base = base;
	build_term_refs(&o);
	n = FIXED_FILES + o.dir->n_orgs + o.dir->n_services;
	o.paths = xcalloc(n, sizeof(*o.paths));
	render_each(rc, n, write_nth, &o);
	/* glibc keeps what the threads freed (the service list's buffer)
	 * in each thread's malloc arena: without this the build's peak
	 * memory grows by a few MB */
	malloc_trim(0);
	/* in file order, whatever order the threads finished in */
	for (size_t i = 0; i < n; i++)
		outputs_list(rc->out, o.paths[i], NULL);
	free(o.paths);
}
