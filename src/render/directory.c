/*
 * render/directory.c: template contexts and pages of the directory.
 * Values shared by many pages (a service as a list item, a term as a
 * link) are built once and reused; every page is rendered through the
 * theme, so values are escaped by the templates, except the JSON-LD,
 * which is written here with escape_json (safe inside <script>).  The
 * pages are made on the render threads (render/parallel.h), which only
 * read the shared values, and listed afterwards in a fixed order.
 */
#include "render/directory.h"
#include "util/text.h"
#include "render/context.h"
#include "render/events.h"
#include "render/markdown.h"
#include "render/parallel.h"
#include "site/directory.h"
#include "util/json.h"

#include <ctype.h>
#include <malloc.h>

struct dir_render {
	struct render_ctx *rc;
	/* a: where the page being made allocates (a scratch arena for
	 * each page); keep: the build's, for what outlives a page (the
	 * caches below, search documents), or NULL in the render threads,
	 * which must not add to the caches */
	struct arena *a, *keep;
	const struct site *site;
	const struct directory_model *m;
	const struct directory *dir;
	struct value **items;                 /* per service index */
	struct value **term_links[VOCAB_COUNT]; /* per term index */
	struct value *dir_value;              /* "directory" on every page */
	struct value *facet_terms[N_FACETS];  /* per facet: its terms, as its pages show them */
	const char *az_url, *orgs_url;
};

/* ---- small texts ---- */

/* "£1,995" for "1995"; "£12.50" for "12.50". */
static const char *money_text(struct arena *a, const char *amount)
{
	struct buf b = BUF_INIT;
	size_t whole = strcspn(amount, ".");
	const char *out;

	buf_adds(&b, "£");
	for (size_t i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0)
			buf_addc(&b, ',');
		buf_addc(&b, amount[i]);
	}
	buf_adds(&b, amount + whole);
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static const char *ages_text(struct arena *a, long min, long max)
{
	if (min >= 0 && max >= 0)
		return arena_printf(a, "%ld to %ld years", min, max);
	if (min >= 0)
		return arena_printf(a, "%ld years and over", min);
	if (max >= 0)
		return arena_printf(a, "up to %ld years", max);
	return NULL;
}

static const char *status_name(enum service_status s)
{
	switch (s) {
	case STATUS_ESTABLISHED: return "established";
	case STATUS_PILOT: return "pilot";
	case STATUS_PAUSED: return "paused";
	case STATUS_CLOSED: return "closed";
	}
	return "established";
}

static const char *format_text(const char *format)
{
	if (!format)
		return NULL;
	if (!strcmp(format, "group"))
		return "In a group";
	if (!strcmp(format, "individual"))
		return "One to one";
	return "In a group or one to one";
}

/* "Fernvale, Millbrook and Caster Bay", or "National". */
static const char *where_text(struct arena *a, const struct service *s)
{
	struct buf b = BUF_INIT;
	const char *out;

	if (s->national)
		return "National";
	for (size_t i = 0; i < s->areas.n; i++) {
		if (i > 0)
			buf_adds(&b, i + 1 == s->areas.n ? " and " : ", ");
		buf_adds(&b, s->areas.v[i]->label);
	}
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* Optional values are set even when absent (as ""), so that a template
 * section on a missing key never finds a key of an outer context. */
static void set_str(struct arena *a, struct value *m, const char *key, const char *s)
{
	value_map_set_str(a, m, key, s ? s : "");
}

static void set_bool(struct arena *a, struct value *m, const char *key, bool v)
{
	value_map_set(a, m, key, value_bool(a, v));
}

static void set_date(struct arena *a, struct value *m, const char *key, const char *date)
{
	if (!date)
		return;
	value_map_set_str(a, m, key, date);
	value_map_set_str(a, m, arena_printf(a, "%s_text", key), context_date_text(a, date));
}

/* ---- terms ---- */

static struct value *term_link(struct dir_render *r, const struct vocab_term *t)
{
	struct value **slot = &r->term_links[t->vocab][t->index];
	const struct facet *f;
	struct value *m;

	if (*slot)
		return *slot;
	if (!r->keep)
		BUG("term '%s' was not cached before the render threads", t->id);
	/* cached: in the build's arena */
	m = value_map(r->keep);
	value_map_set_str(r->keep, m, "id", t->id);
	value_map_set_str(r->keep, m, "label", t->label);
	set_str(r->keep, m, "description", t->description);
	f = directory_facet(r->m, t->vocab);
	if (f)
		value_map_set_str(r->keep, m, "url", f->term_urls[t->index]);
	*slot = m;
	return m;
}

static struct value *term_links(struct dir_render *r, const struct term_list *tl)
{
	struct value *list = value_list(r->a);
	for (size_t i = 0; i < tl->n; i++)
		value_list_push(r->a, list, term_link(r, tl->v[i]));
	return list;
}

static void set_terms(struct dir_render *r, struct value *m, const char *key,
		      const struct term_list *tl)
{
	value_map_set(r->a, m, key, term_links(r, tl));
	value_map_set(r->a, m, arena_printf(r->a, "has_%s", key), value_bool(r->a, tl->n > 0));
}

/* ---- services ---- */

/* A service as a list item: what a list shows, and the term ids the
 * browser filter matches (filters: slug and terms, one per facet). */
static struct value *service_item(struct dir_render *r, const struct service *s)
{
	/* cached: in the build's arena, as is all it holds */
	struct arena *a = r->keep, *page = r->a;
	struct value *m, *filters;

	if (r->items[s->index])
		return r->items[s->index];
	if (!r->keep)
		BUG("service '%s' was not cached before the render threads", s->id);
	r->a = r->keep;
	m = value_map(a);
	filters = value_list(a);
	value_map_set_str(a, m, "id", s->id);
	value_map_set_str(a, m, "name", s->name);
	value_map_set_str(a, m, "url", r->m->service_urls[s->index]);
	value_map_set_str(a, m, "summary", s->summary);
	set_str(a, m, "organisation", s->org ? s->org->name : NULL);
	set_str(a, m, "organisation_url", s->org ? r->m->org_urls[s->org->index] : NULL);
	value_map_set_str(a, m, "where", where_text(a, s));
	set_str(a, m, "ages", ages_text(a, s->min_age, s->max_age));
	set_terms(r, m, "tiers", &s->tiers);
	set_bool(a, m, "self_referral", s->self_referral);
	set_bool(a, m, "is_pilot", s->status == STATUS_PILOT);
	set_bool(a, m, "is_paused", s->status == STATUS_PAUSED);
	for (size_t i = 0; i < N_FACETS; i++) {
		const struct facet *f = &r->m->facets[i];
		struct value *fm = value_map(a);
		value_map_set_str(a, fm, "slug", f->slug);
		value_map_set_str(a, fm, "terms", f->service_terms[s->index]);
		value_list_push(a, filters, fm);
	}
	value_map_set(a, m, "filters", filters);
	r->items[s->index] = m;
	r->a = page;
	return m;
}

static struct value *service_items(struct dir_render *r, const struct service_list *l)
{
	struct value *list = value_list(r->a);
	for (size_t i = 0; i < l->n; i++)
		value_list_push(r->a, list, service_item(r, l->v[i]));
	return list;
}

static struct value *contact_value(struct arena *a, const struct contact *c)
{
	struct value *m = value_map(a);

	value_map_set_str(a, m, "role", c->role);
	set_str(a, m, "phone", c->phone);
	set_str(a, m, "phone_uri", c->phone ? text_phone_uri(a, "tel:", c->phone) : NULL);
	set_str(a, m, "phone_text", c->phone ? text_nowrap(a, c->phone) : NULL);
	set_str(a, m, "text", c->text);
	set_str(a, m, "text_uri", c->text ? text_phone_uri(a, "sms:", c->text) : NULL);
	set_str(a, m, "text_text", c->text ? text_nowrap(a, c->text) : NULL);
	set_str(a, m, "email", c->email);
	set_str(a, m, "email_uri", c->email ? arena_printf(a, "mailto:%s", c->email) : NULL);
	set_str(a, m, "url", c->url);
	set_str(a, m, "hours", c->hours);
	return m;
}

static struct value *contacts_value(struct arena *a, const struct contact *v, size_t n)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < n; i++)
		value_list_push(a, list, contact_value(a, &v[i]));
	return list;
}

static void json_contact_point(struct json *j, const char *key, const struct contact *c,
			       const char *telephone)
{
	json_open(j, key, '{');
	json_str(j, "@type", "ContactPoint");
	json_str(j, "contactType", c->role);
	json_str(j, "telephone", telephone);
	if (c->email)
		json_str(j, "email", c->email);
	if (c->hours)
		json_str(j, "hoursAvailable", c->hours);
	json_close(j);
}

static void json_area(struct json *j, const char *name, bool national)
{
	json_open(j, NULL, '{');
	json_str(j, "@type", national ? "Country" : "AdministrativeArea");
	json_str(j, "name", name);
	json_close(j);
}

const char *directory_json_ld(struct arena *a, const struct site *site, const struct service *s)
{
	const struct directory_model *m = site->directory;
	const char *base = site->cfg->base_url;
	bool public_body = s->org && s->org->kind && s->org->kind->public_body;
	struct buf b = BUF_INIT;
	struct buf aud = BUF_INIT;
	struct json j;
	const char *out;

	json_init(&j, &b, true);
	json_open(&j, NULL, '{');
	json_str(&j, "@context", "https://schema.org");
	json_str(&j, "@type", public_body ? "GovernmentService" : "Service");
	json_str(&j, "@id", arena_printf(a, "%s%s#service", base, m->service_urls[s->index] + 1));
	json_str(&j, "name", s->name);
	json_str(&j, "description", s->summary);
	json_str(&j, "url", arena_printf(a, "%s%s", base, m->service_urls[s->index] + 1));
	json_str(&j, "identifier", m->service_uuids[s->index]);
	if (s->categories.n) {
		json_open(&j, "serviceType", '[');
		for (size_t i = 0; i < s->categories.n; i++)
			json_str(&j, NULL, s->categories.v[i]->label);
		json_close(&j);
	}
	if (s->org) {
		json_open(&j, "provider", '{');
		json_str(&j, "@type", public_body ? "GovernmentOrganization" : "Organization");
		json_str(&j, "name", s->org->name);
		json_str(&j, "url", arena_printf(a, "%s%s", base, m->org_urls[s->org->index] + 1));
		if (s->org->website)
			json_str(&j, "sameAs", s->org->website);
		json_close(&j);
	}
	json_open(&j, "areaServed", '[');
	if (s->national)
		json_area(&j, "United Kingdom", true);
	for (size_t i = 0; i < s->areas.n; i++)
		json_area(&j, s->areas.v[i]->label, false);
	json_close(&j);

	json_open(&j, "audience", '{');
	json_str(&j, "@type", "PeopleAudience");
	for (size_t i = 0; i < s->audiences.n; i++) {
		if (i)
			buf_adds(&aud, ", ");
		buf_adds(&aud, s->audiences.v[i]->label);
	}
	json_str(&j, "audienceType", buf_cstr(&aud));
	if (s->min_age >= 0)
		json_int(&j, "suggestedMinAge", s->min_age);
	if (s->max_age >= 0)
		json_int(&j, "suggestedMaxAge", s->max_age);
	json_close(&j);

	json_open(&j, "availableChannel", '[');
	for (size_t i = 0; i < s->n_contacts; i++) {
		const struct contact *c = &s->contacts[i];
		json_open(&j, NULL, '{');
		json_str(&j, "@type", "ServiceChannel");
		json_str(&j, "name", c->role);
		if (c->url)
			json_str(&j, "serviceUrl", c->url);
		else if (c->email && !c->phone && !c->text)
			json_str(&j, "serviceUrl", arena_printf(a, "mailto:%s", c->email));
		if (c->phone)
			json_contact_point(&j, "servicePhone", c, c->phone);
		if (c->text)
			json_contact_point(&j, "serviceSmsNumber", c, c->text);
		if (s->languages && s->languages->len) {
			json_open(&j, "availableLanguage", '[');
			for (size_t k = 0; k < s->languages->len; k++) {
				json_open(&j, NULL, '{');
				json_str(&j, "@type", "Language");
				json_str(&j, "name", s->languages->items[k]->str);
				json_close(&j);
			}
			json_close(&j);
		}
		json_close(&j);
	}
	for (size_t i = 0; i < s->n_venues; i++) {
		const struct venue *v = &s->venues[i];
		json_open(&j, NULL, '{');
		json_str(&j, "@type", "ServiceChannel");
		json_str(&j, "name", v->name);
		json_open(&j, "serviceLocation", '{');
		json_str(&j, "@type", "Place");
		json_str(&j, "name", v->name);
		json_open(&j, "address", '{');
		json_str(&j, "@type", "PostalAddress");
		if (v->address)
			json_str(&j, "streetAddress", v->address);
		if (v->town)
			json_str(&j, "addressLocality", v->town);
		if (v->county)
			json_str(&j, "addressRegion", v->county);
		if (v->postcode)
			json_str(&j, "postalCode", v->postcode);
		json_str(&j, "addressCountry", "GB");
		json_close(&j);
		json_close(&j);
		json_close(&j);
	}
	json_close(&j);

	if (s->n_costs) {
		json_open(&j, "offers", '[');
		for (size_t i = 0; i < s->n_costs; i++) {
			const struct cost *c = &s->costs[i];
			json_open(&j, NULL, '{');
			json_str(&j, "@type", "Offer");
			if (c->amount) {
				json_str(&j, "price", c->amount);
				json_str(&j, "priceCurrency", "GBP");
			}
			if (c->unit || c->covers)
				json_str(&j, "description",
					 arena_printf(a, "%s%s%s", c->unit ? c->unit : "",
						      c->unit && c->covers ? ": " : "",
						      c->covers ? c->covers : ""));
			json_close(&j);
		}
		json_close(&j);
	}
	json_close(&j);
	json_end(&j);
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	buf_free(&aud);
	return out;
}

static struct value *service_value(struct dir_render *r, const struct service *s)
{
	struct arena *a = r->a;
	struct value *m = value_map(a), *costs = value_list(a), *venues = value_list(a);
	struct md_doc doc;

	/* the list item's keys, then the full record */
	{
		const struct value *item = service_item(r, s);
		for (size_t i = 0; i < item->len; i++)
			value_map_set(a, m, item->pairs[i].key, item->pairs[i].val);
	}
	value_map_set_str(a, m, "permalink",
			  arena_printf(a, "%s%s", r->site->cfg->base_url,
				       r->m->service_urls[s->index] + 1));
	set_str(a, m, "description", NULL);
	if (s->description) {
		struct md_options mo = {
			.file = s->file,
			.first_line = s->description_line,
			.col_offset = s->description_indent,
			.unsafe = r->site->cfg->markdown_unsafe,
		};
		if (md_render(a, s->description, strlen(s->description), &mo, &doc, r->rc->d))
			value_map_set(a, m, "description", value_strn(a, doc.html, doc.html_len));
	}
	set_str(a, m, "organisation_kind", s->org && s->org->kind ? s->org->kind->label : NULL);
	set_terms(r, m, "audiences", &s->audiences);
	set_terms(r, m, "categories", &s->categories);
	set_terms(r, m, "funding", &s->funding);
	set_terms(r, m, "delivery", &s->delivery);
	set_terms(r, m, "areas", &s->areas);
	set_bool(a, m, "national", s->national);
	set_str(a, m, "minimum_age", s->min_age >= 0 ? arena_printf(a, "%ld", s->min_age) : NULL);
	set_str(a, m, "maximum_age", s->max_age >= 0 ? arena_printf(a, "%ld", s->max_age) : NULL);
	set_str(a, m, "eligibility", s->eligibility);
	value_map_set_str(a, m, "access",
			  s->self_referral ? "You can contact the service yourself"
					   : "You need a referral");
	set_str(a, m, "referral", s->referral);
	set_str(a, m, "response_time", s->response_time);
	for (size_t i = 0; i < s->n_costs; i++) {
		const struct cost *c = &s->costs[i];
		struct value *cm = value_map(a);
		set_str(a, cm, "amount", c->amount);
		set_str(a, cm, "amount_text", c->amount ? money_text(a, c->amount) : NULL);
		set_str(a, cm, "unit", c->unit);
		set_str(a, cm, "covers", c->covers);
		value_list_push(a, costs, cm);
	}
	value_map_set(a, m, "costs", costs);
	set_bool(a, m, "has_costs", s->n_costs > 0);
	set_str(a, m, "format", s->format);
	set_str(a, m, "format_text", format_text(s->format));
	set_str(a, m, "duration", s->duration);
	set_str(a, m, "frequency", s->frequency);
	for (size_t i = 0; i < s->n_venues; i++) {
		const struct venue *v = &s->venues[i];
		struct value *vm = value_map(a);
		set_str(a, vm, "name", v->name);
		set_str(a, vm, "address", v->address);
		set_str(a, vm, "town", v->town);
		set_str(a, vm, "county", v->county);
		set_str(a, vm, "postcode", v->postcode);
		value_list_push(a, venues, vm);
	}
	value_map_set(a, m, "venues", venues);
	set_bool(a, m, "has_venues", s->n_venues > 0);
	set_str(a, m, "hours", s->hours);
	value_map_set(a, m, "contacts", contacts_value(a, s->contacts, s->n_contacts));
	value_map_set(a, m, "languages", s->languages ? (struct value *)s->languages : value_list(a));
	set_bool(a, m, "has_languages", s->languages && s->languages->len);
	set_bool(a, m, "has_details", s->format || s->hours || s->frequency || s->duration ||
				      (s->languages && s->languages->len));
	value_map_set(a, m, "evidence", value_str(a, ""));
	if (s->evidence) {
		struct value *em = value_map(a);
		value_map_set_str(a, em, "level", s->evidence->label);
		set_str(a, em, "description", s->evidence->description);
		set_str(a, em, "source", s->evidence_source);
		set_str(a, em, "url", s->evidence_url);
		value_map_set(a, m, "evidence", em);
	}
	{
		struct value *events = events_of_service(a, r->site, s->id);
		value_map_set(a, m, "events", events);
		set_bool(a, m, "has_events", events->len > 0);
	}
	value_map_set_str(a, m, "status", status_name(s->status));
	set_bool(a, m, "is_closed", s->status == STATUS_CLOSED);
	set_date(a, m, "last_reviewed", s->last_reviewed);
	set_date(a, m, "review_by", s->review_by);
	value_map_set_str(a, m, "open_data_url",
			  arena_printf(a, "/openreferral/services/%s.json", r->m->service_uuids[s->index]));
	value_map_set_str(a, m, "json_ld", directory_json_ld(a, r->site, s));
	return m;
}

/* ---- pages ---- */

/* A generated page's context with breadcrumbs home, directory, and up
 * to two more levels (title, url pairs; NULL to stop). */
static struct value *page_ctx(struct dir_render *r, const char *title, const char *url,
			      const char *kind, const char *description,
			      const char *t1, const char *u1, const char *t2, const char *u2)
{
	struct value *ctx = context_generated(r->a, r->site, NULL, title, url, kind);
	struct value *crumbs = value_map_get(ctx, "breadcrumbs");
	const char *titles[] = { "Find support", t1, t2 };
	const char *urls[] = { r->m->url, u1, u2 };

	if (description)
		value_map_set_str(r->a, value_map_get(ctx, "page"), "description", description);
	for (size_t i = 0; i < 3 && crumbs && strcmp(url, r->m->url); i++) {
		struct value *c;
		if (!titles[i])
			break;
		c = value_map(r->a);
		value_map_set_str(r->a, c, "title", titles[i]);
		value_map_set_str(r->a, c, "url", urls[i]);
		value_list_push(r->a, crumbs, c);
	}
	if (crumbs)
		value_map_set(r->a, ctx, "has_breadcrumbs", value_bool(r->a, crumbs->len > 0));
	value_map_set(r->a, ctx, "directory", r->dir_value);
	return ctx;
}

static struct value *facet_terms(struct dir_render *r, const struct facet *f, bool only_used)
{
	const struct vocabulary *voc = &r->dir->tax.v[f->vocab];
	struct value *list = value_list(r->a);

	for (size_t i = 0; i < voc->n; i++) {
		const struct vocab_term *t = &voc->terms[i];
		struct value *m = value_map(r->a), *link = term_link(r, t);
		if (only_used && !f->lists[i].n)
			continue;
		for (size_t k = 0; k < link->len; k++)
			value_map_set(r->a, m, link->pairs[k].key, link->pairs[k].val);
		value_map_set_str(r->a, m, "count", arena_printf(r->a, "%zu", f->lists[i].n));
		set_bool(r->a, m, "has_services", f->lists[i].n > 0);
		value_map_set(r->a, m, "parent", t->parent ? term_link(r, t->parent) : value_str(r->a, ""));
		set_bool(r->a, m, "is_child", t->parent != NULL);
		set_str(r->a, m, "kind", t->kind);
		set_str(r->a, m, "ages", f->vocab == VOCAB_AGE_BANDS ?
			ages_text(r->a, t->min_age, t->max_age >= 120 ? -1 : t->max_age) : NULL);
		value_list_push(r->a, list, m);
	}
	return list;
}

/* Borrowed (shared): every term of facet f, as its pages show them. */
static const struct value *terms_of(const struct dir_render *r, const struct facet *f)
{
	return r->facet_terms[f - r->m->facets];
}

/* Categories under their 'group' headings, in first-use order; terms
 * without a group come first, under no heading.  terms: the category
 * facet's. */
static struct value *category_groups(struct dir_render *r, const struct value *terms)
{
	const struct vocabulary *voc = &r->dir->tax.v[VOCAB_CATEGORIES];
	struct value *groups = value_list(r->a);

	for (size_t i = 0; i < voc->n; i++) {
		const char *g = voc->terms[i].group;
		struct value *gm = NULL;
		for (size_t k = 0; k < groups->len && !gm; k++) {
			const char *title = value_map_str(groups->items[k], "title");
			if ((!g && !title) || (g && title && !strcmp(g, title)))
				gm = groups->items[k];
		}
		if (!gm) {
			gm = value_map(r->a);
			set_str(r->a, gm, "title", g);
			set_bool(r->a, gm, "has_title", g != NULL);
			value_map_set(r->a, gm, "terms", value_list(r->a));
			value_list_push(r->a, groups, gm);
		}
		value_list_push(r->a, value_map_get(gm, "terms"), terms->items[i]);
	}
	return groups;
}

static struct value *facet_value(struct dir_render *r, const struct facet *f)
{
	struct value *m = value_map(r->a);
	value_map_set_str(r->a, m, "slug", f->slug);
	value_map_set_str(r->a, m, "title", f->title);
	value_map_set_str(r->a, m, "url", f->url);
	set_bool(r->a, m, arena_printf(r->a, "is_%s", f->slug), true);
	return m;
}

static void build_dir_value(struct dir_render *r)
{
	struct arena *a = r->a;
	struct value *m = value_map(a), *facets = value_list(a), *filters = value_list(a);

	value_map_set_str(a, m, "url", r->m->url);
	value_map_set_str(a, m, "title", "Find support");
	value_map_set_str(a, m, "az_url", r->az_url);
	value_map_set_str(a, m, "organisations_url", r->orgs_url);
	value_map_set_str(a, m, "open_data_url", "/openreferral/index.json");
	value_map_set_str(a, m, "count", arena_printf(a, "%zu", r->m->az.n));
	for (size_t i = 0; i < N_FACETS; i++) {
		const struct facet *f = &r->m->facets[i];
		struct value *fv, *options;
		if (!r->dir->tax.v[f->vocab].n)
			continue;
		fv = facet_value(r, f);
		value_list_push(a, facets, fv);
		options = facet_terms(r, f, true);
		if (!options->len)
			continue;
		fv = facet_value(r, f);
		value_map_set(a, fv, "options", options);
		value_list_push(a, filters, fv);
	}
	value_map_set(a, m, "facets", facets);
	value_map_set(a, m, "filters", filters);
	r->dir_value = m;
}

/*
 * What many pages share, made once in the build's arena before the
 * pages are shared among threads, which then only read it: every term
 * as a link, every service as a list item, each facet's terms, and
 * "directory".
 */
static void build_shared(struct dir_render *r)
{
	r->az_url = arena_printf(r->keep, "%sa-z/", r->m->url);
	r->orgs_url = arena_printf(r->keep, "%sorganisations/", r->m->url);
	for (int v = 0; v < VOCAB_COUNT; v++)
		for (size_t i = 0; i < r->dir->tax.v[v].n; i++)
			term_link(r, &r->dir->tax.v[v].terms[i]);
	for (size_t i = 0; i < r->dir->n_services; i++)
		service_item(r, r->dir->services[i]);
	for (size_t i = 0; i < N_FACETS; i++)
		r->facet_terms[i] = facet_terms(r, &r->m->facets[i], false);
	build_dir_value(r);
}

static struct value *home_ctx(struct dir_render *r)
{
	struct value *ctx = page_ctx(r, "Find support", r->m->url, "directory",
				     "Support services for adoptive, special guardianship and birth families, and adopted adults",
				     NULL, NULL, NULL, NULL);
	const struct facet *cat = directory_facet(r->m, VOCAB_CATEGORIES);

	value_map_set(r->a, ctx, "groups", category_groups(r, terms_of(r, cat)));
	value_map_set(r->a, ctx, "services", service_items(r, &r->m->az));
	value_map_set_str(r->a, ctx, "count", arena_printf(r->a, "%zu", r->m->az.n));
	return ctx;
}

static struct value *facet_ctx(struct dir_render *r, const struct facet *f)
{
	struct value *ctx = page_ctx(r, f->title, f->url, "facet", NULL, NULL, NULL, NULL, NULL);

	value_map_set(r->a, ctx, "facet", facet_value(r, f));
	value_map_set(r->a, ctx, "terms", (struct value *)terms_of(r, f));
	value_map_set(r->a, ctx, "groups", f->vocab == VOCAB_CATEGORIES ?
			category_groups(r, terms_of(r, f)) : value_list(r->a));
	return ctx;
}

/* The page of term k of facet f: its services. */
static struct value *term_ctx(struct dir_render *r, const struct facet *f, size_t k)
{
	const struct vocab_term *t = &r->dir->tax.v[f->vocab].terms[k];
	const char *title = arena_printf(r->a, "%s: %s", f->title, t->label);
	const struct service_list *l = &f->lists[k];
	struct value *ctx = page_ctx(r, t->label, f->term_urls[k], "term",
				     t->description ? t->description : title, f->title, f->url,
				     NULL, NULL);

	value_map_set(r->a, value_map_get(ctx, "page"), "heading", value_str(r->a, title));
	value_map_set(r->a, ctx, "facet", facet_value(r, f));
	value_map_set(r->a, ctx, "term", terms_of(r, f)->items[k]);
	value_map_set(r->a, ctx, "services", service_items(r, l));
	value_map_set_str(r->a, ctx, "count", arena_printf(r->a, "%zu", l->n));
	set_bool(r->a, ctx, "has_services", l->n > 0);
	set_bool(r->a, ctx, "one_service", l->n == 1);
	return ctx;
}

static struct value *service_ctx(struct dir_render *r, const struct service *s)
{
	struct value *ctx = page_ctx(r, s->name, r->m->service_urls[s->index], "service",
				     s->summary, NULL, NULL, NULL, NULL);

	value_map_set(r->a, ctx, "service", service_value(r, s));
	return ctx;
}

static struct value *org_value(struct dir_render *r, const struct organisation *o, bool full)
{
	struct arena *a = r->a;
	struct value *m = value_map(a);
	const struct service_list *l = &r->m->by_org[o->index];

	value_map_set_str(a, m, "id", o->id);
	value_map_set_str(a, m, "name", o->name);
	value_map_set_str(a, m, "url", r->m->org_urls[o->index]);
	set_str(a, m, "kind", o->kind ? o->kind->label : NULL);
	value_map_set_str(a, m, "count", arena_printf(a, "%zu", l->n));
	if (!full)
		return m;
	set_str(a, m, "description", NULL);
	if (o->description) {
		struct md_options mo = {
			.file = o->file,
			.first_line = o->description_line,
			.col_offset = o->description_indent,
			.unsafe = r->site->cfg->markdown_unsafe,
		};
		struct md_doc doc;
		if (md_render(a, o->description, strlen(o->description), &mo, &doc, r->rc->d))
			value_map_set(a, m, "description", value_strn(a, doc.html, doc.html_len));
	}
	set_str(a, m, "website", o->website);
	value_map_set(a, m, "contacts", contacts_value(a, o->contacts, o->n_contacts));
	set_bool(a, m, "has_contacts", o->n_contacts > 0);
	{
		struct value *regs = value_list(a);
		for (size_t i = 0; i < o->n_registrations; i++) {
			const struct registration *g = &o->registrations[i];
			struct value *rm = value_map(a);
			value_map_set_str(a, rm, "label",
					  !strcmp(g->scheme, "charity") ? "Registered charity number" :
					  !strcmp(g->scheme, "company") ? "Company number" :
					  "Ofsted unique reference number");
			value_map_set_str(a, rm, "number", g->number);
			value_list_push(a, regs, rm);
		}
		value_map_set(a, m, "registrations", regs);
	}
	set_terms(r, m, "areas", &o->areas);
	set_bool(a, m, "national", o->national);
	value_map_set(a, m, "services", service_items(r, l));
	set_bool(a, m, "has_services", l->n > 0);
	value_map_set_str(a, m, "open_data_url",
			  arena_printf(a, "/openreferral/organizations/%s.json", r->m->org_uuids[o->index]));
	return m;
}

static struct value *orgs_ctx(struct dir_render *r)
{
	struct value *ctx = page_ctx(r, "Organisations", r->orgs_url, "organisations",
				     "The organisations whose services are in this directory", NULL,
				     NULL, NULL, NULL);
	struct value *list = value_list(r->a);

	for (size_t i = 0; i < r->dir->n_orgs; i++)
		value_list_push(r->a, list, org_value(r, r->dir->orgs[i], false));
	value_map_set(r->a, ctx, "organisations", list);
	return ctx;
}

static struct value *org_ctx(struct dir_render *r, const struct organisation *o)
{
	struct value *ctx = page_ctx(r, o->name, r->m->org_urls[o->index], "organisation", NULL,
				     "Organisations", r->orgs_url, NULL, NULL);

	value_map_set(r->a, ctx, "organisation", org_value(r, o, true));
	return ctx;
}

/* A-Z: services under the first letter of their name (ASCII letters;
 * anything else under "0-9"), with a link row for every letter. */
static struct value *az_ctx(struct dir_render *r)
{
	struct value *ctx = page_ctx(r, "Services A to Z", r->az_url, "a-z",
				     "Every service in the directory in alphabetical order", NULL, NULL,
				     NULL, NULL);
	struct value *letters = value_list(r->a), *links = value_list(r->a);
	struct value *groups[27] = { 0 };

	for (size_t i = 0; i < r->m->az.n; i++) {
		const struct service *s = r->m->az.v[i];
		unsigned char c = (unsigned char)s->name[0];
		int k = isalpha(c) && c < 0x80 ? toupper(c) - 'A' : 26;
		if (!groups[k]) {
			groups[k] = value_map(r->a);
			value_map_set_str(r->a, groups[k], "letter",
					  k < 26 ? arena_printf(r->a, "%c", 'A' + k) : "0-9");
			value_map_set_str(r->a, groups[k], "id",
					  k < 26 ? arena_printf(r->a, "letter-%c", 'a' + k) : "letter-other");
			value_map_set(r->a, groups[k], "services", value_list(r->a));
		}
		value_list_push(r->a, value_map_get(groups[k], "services"), service_item(r, s));
	}
	for (int k = 0; k < 27; k++) {
		struct value *lm = value_map(r->a);
		if (k == 26 && !groups[k])
			continue;
		value_map_set_str(r->a, lm, "letter", k < 26 ? arena_printf(r->a, "%c", 'A' + k) : "0-9");
		set_str(r->a, lm, "url", groups[k] ? arena_printf(r->a, "#%s", value_map_str(groups[k], "id"))
						   : NULL);
		if (groups[k])
			value_list_push(r->a, letters, groups[k]);
		value_list_push(r->a, links, lm);
	}
	value_map_set(r->a, ctx, "letters", letters);
	value_map_set(r->a, ctx, "letter_links", links);
	value_map_set_str(r->a, ctx, "count", arena_printf(r->a, "%zu", r->m->az.n));
	return ctx;
}

/* ---- the pages on threads ---- */

enum dir_page_kind { DIR_HOME, DIR_FACET, DIR_TERM, DIR_SERVICE, DIR_ORGS, DIR_ORG, DIR_AZ };

static const char *const page_templates[] = {
	[DIR_HOME] = "directory/home",
	[DIR_FACET] = "directory/facet",
	[DIR_TERM] = "directory/term",
	[DIR_SERVICE] = "directory/service",
	[DIR_ORGS] = "directory/organisations",
	[DIR_ORG] = "directory/organisation",
	[DIR_AZ] = "directory/a-z",
};

/* A page to make, and what its task leaves for the listing. */
struct dir_page {
	enum dir_page_kind kind;
	size_t i, k;                    /* the facet, service or organisation; the term */
	const char *url;
	const char *path;               /* NULL: the page failed */
	const struct html_refs *refs;
};

struct dir_pages {
	struct dir_page *v;
	size_t n, cap;
};

static void add_page(struct dir_pages *pages, enum dir_page_kind kind, size_t i, size_t k,
		     const char *url)
{
	if (pages->n == pages->cap) {
		pages->cap = pages->cap ? pages->cap * 2 : 256;
		pages->v = xrealloc(pages->v, pages->cap * sizeof(*pages->v));
	}
	pages->v[pages->n++] = (struct dir_page){ .kind = kind, .i = i, .k = k, .url = url };
}

/* Every page, in the order they are listed (so in the sitemap): home,
 * each facet and its terms, the services, the organisations, A-Z. */
static void list_pages(const struct dir_render *r, struct dir_pages *pages)
{
	add_page(pages, DIR_HOME, 0, 0, r->m->url);
	for (size_t i = 0; i < N_FACETS; i++) {
		const struct facet *f = &r->m->facets[i];
		size_t n = r->dir->tax.v[f->vocab].n;
		if (!n)
			continue;
		add_page(pages, DIR_FACET, i, 0, f->url);
		for (size_t k = 0; k < n; k++)
			add_page(pages, DIR_TERM, i, k, f->term_urls[k]);
	}
	for (size_t i = 0; i < r->dir->n_services; i++)
		add_page(pages, DIR_SERVICE, i, 0, r->m->service_urls[i]);
	add_page(pages, DIR_ORGS, 0, 0, r->orgs_url);
	for (size_t i = 0; i < r->dir->n_orgs; i++)
		add_page(pages, DIR_ORG, i, 0, r->m->org_urls[i]);
	add_page(pages, DIR_AZ, 0, 0, r->az_url);
}

/* The context of page pg, and *who: the file a missing template is
 * reported at. */
static struct value *page_context(struct dir_render *r, const struct dir_page *pg,
				  const char **who)
{
	switch (pg->kind) {
	case DIR_HOME:
		*who = "content/directory";
		return home_ctx(r);
	case DIR_FACET:
		*who = r->dir->tax.file;
		return facet_ctx(r, &r->m->facets[pg->i]);
	case DIR_TERM:
		*who = r->dir->tax.file;
		return term_ctx(r, &r->m->facets[pg->i], pg->k);
	case DIR_SERVICE:
		*who = r->dir->services[pg->i]->file;
		return service_ctx(r, r->dir->services[pg->i]);
	case DIR_ORGS:
		*who = "content/directory/organisations";
		return orgs_ctx(r);
	case DIR_ORG:
		*who = r->dir->orgs[pg->i]->file;
		return org_ctx(r, r->dir->orgs[pg->i]);
	case DIR_AZ:
		*who = "content/directory";
		return az_ctx(r);
	}
	BUG("directory page of kind %d", (int)pg->kind);
}

struct dir_job {
	const struct dir_render *shared;
	struct dir_page *pages;
};

/* A render_each task: page n, made in a scratch arena; only its path
 * (in the task's arena) and refs are kept. */
static void render_nth(struct render_ctx *trc, size_t n, void *arg)
{
	struct dir_job *job = arg;
	struct dir_page *pg = &job->pages[n];
	struct render_ctx rc = *trc;
	struct dir_render r = *job->shared;
	struct arena scratch;
	struct buf html = BUF_INIT;
	const char *who;
	struct value *ctx;

	arena_init(&scratch);
	rc.a = &scratch;
	r.rc = &rc;
	r.a = &scratch;
	/* the caches are the threads' to read, not to fill */
	r.keep = NULL;
	ctx = page_context(&r, pg, &who);
	if (render_template_to(&rc, page_templates[pg->kind], ctx, who, &html)) {
		pg->path = arena_printf(trc->a, "%sindex.html", pg->url + 1);
		pg->refs = outputs_store(rc.out, pg->path, html.data ? html.data : "", html.len,
					 rc.d);
	}
	buf_free(&html);
	arena_free(&scratch);
}

/* Each term's label, a line each, for the search index (its synonyms
 * are the manifest's: queries expand to them). */
static void add_terms(struct buf *b, const struct term_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		buf_adds(b, l->v[i]->label);
		buf_addc(b, '\n');
	}
}

/* The guide a service is found in by search: the one its audiences
 * belong to; of several, a child-style guide (so children's searches
 * find what is for them), else the first. */
static const struct guide *service_guide(const struct config *cfg, const struct service *s)
{
	const struct guide *found = NULL;

	for (size_t g = 0; g < cfg->n_guides; g++) {
		for (size_t k = 0; k < s->audiences.n; k++) {
			if (!directory_audience_of(s->audiences.v[k], cfg->guides[g].id))
				continue;
			if (!found || !strcmp(cfg->guides[g].style, "child"))
				found = &cfg->guides[g];
			break;
		}
	}
	return found;
}

static void search_service(struct dir_render *r, const struct service *s, const char *url)
{
	struct buf kw = BUF_INIT, body = BUF_INIT;

	add_terms(&kw, &s->categories);
	add_terms(&kw, &s->audiences);
	add_terms(&kw, &s->areas);
	add_terms(&kw, &s->tiers);
	add_terms(&kw, &s->funding);
	if (s->org) {
		buf_adds(&kw, s->org->name);
		buf_addc(&kw, '\n');
	}
	if (s->description)
		buf_adds(&body, s->description);
	if (s->eligibility) {
		buf_addc(&body, '\n');
		buf_adds(&body, s->eligibility);
	}
	search_add(r->rc->search, &(struct search_doc){
		.url = url,
		.title = s->name,
		.kind = SEARCH_SERVICE,
		.guide = service_guide(r->site->cfg, s),
		.summary = s->summary,
		.keywords = arena_strndup(r->keep, buf_cstr(&kw), kw.len),
		.body = arena_strndup(r->keep, buf_cstr(&body), body.len),
	});
	buf_free(&kw);
	buf_free(&body);
}

static void search_org(struct dir_render *r, const struct organisation *o, const char *url)
{
	struct buf kw = BUF_INIT;

	add_terms(&kw, &o->areas);
	if (o->kind)
		buf_adds(&kw, o->kind->label);
	search_add(r->rc->search, &(struct search_doc){
		.url = url,
		.title = o->name,
		.kind = SEARCH_ORGANISATION,
		.summary = o->kind ? o->kind->label : NULL,
		.keywords = arena_strndup(r->keep, buf_cstr(&kw), kw.len),
		.body = o->description,
	});
	buf_free(&kw);
}

/* Lists page pg's file and adds its search document (services and
 * organisations are found by search even when their page failed). */
static void list_page(struct dir_render *r, const struct dir_page *pg)
{
	const struct service *s = pg->kind == DIR_SERVICE ? r->dir->services[pg->i] : NULL;

	if (pg->path) {
		struct output_file *f = outputs_list(r->rc->out, pg->path, pg->refs);
		if (s && s->last_reviewed)
			f->lastmod = s->last_reviewed;
	}
	if (!r->rc->search)
		return;
	if (s && directory_listed(s))
		search_service(r, s, pg->url);
	else if (pg->kind == DIR_ORG)
		search_org(r, r->dir->orgs[pg->i], pg->url);
}

static void dir_render_init(struct dir_render *r, struct arena *a, const struct site *site)
{
	memset(r, 0, sizeof(*r));
	r->a = r->keep = a;
	r->site = site;
	r->m = site->directory;
	r->dir = r->m->dir;
	r->items = arena_alloc(a, (r->dir->n_services ? r->dir->n_services : 1) * sizeof(*r->items));
	for (int v = 0; v < VOCAB_COUNT; v++)
		r->term_links[v] = arena_alloc(a, (r->dir->tax.v[v].n ? r->dir->tax.v[v].n : 1) *
						      sizeof(*r->term_links[v]));
}

void render_directory(struct render_ctx *rc)
{
	struct dir_render r;
	struct dir_pages pages = { 0 };
	struct dir_job job;

	if (!rc->site->directory)
		return;
	dir_render_init(&r, rc->a, rc->site);
	r.rc = rc;
	build_shared(&r);
	list_pages(&r, &pages);
	/* loaded here, not by the threads: the theme's arena is the build's */
	for (size_t i = 0; i < ARRAY_LEN(page_templates); i++)
		theme_template(rc->theme, page_templates[i], rc->d);
	job = (struct dir_job){ .shared = &r, .pages = pages.v };
	render_each(rc, pages.n, render_nth, &job);
	/* glibc keeps what the threads freed (their largest pages) in each
	 * thread's malloc arena: without this the build's peak memory grows
	 * by a few MB */
	malloc_trim(0);
	/* in page order, whatever order the threads finished in */
	for (size_t i = 0; i < pages.n; i++)
		list_page(&r, &pages.v[i]);
	free(pages.v);
}

void directory_guide_context(struct arena *a, const struct site *site, size_t gi,
			     struct value *ctx)
{
	const struct vocabulary *aud;
	const struct facet *f;
	const char *url = NULL;
	struct dir_render r;
	struct value *list;
	size_t matches = 0;

	if (!site->directory)
		return;
	dir_render_init(&r, a, site);
	list = service_items(&r, &r.m->by_guide[gi]);
	aud = &r.dir->tax.v[VOCAB_AUDIENCES];
	f = directory_facet(r.m, VOCAB_AUDIENCES);
	for (size_t i = 0; i < aud->n; i++) {
		if (directory_audience_of(&aud->terms[i], site->cfg->guides[gi].id)) {
			url = f->term_urls[i];
			matches++;
		}
	}
	value_map_set(a, ctx, "support", list);
	value_map_set(a, ctx, "has_support", value_bool(a, list->len > 0));
	value_map_set_str(a, ctx, "support_url", matches == 1 ? url : r.m->url);
}

/* Whether service s is listed under any of the term ids in want (a
 * string or a list) in facet f: the facet's own lists decide, so a
 * region finds the services of its local authorities too. */
static bool listed_under(const struct facet *f, const struct service *s, const struct value *want)
{
	const char *terms = f->service_terms[s->index];
	size_t n = want->kind == VAL_LIST ? want->len : 1;

	for (size_t i = 0; i < n; i++) {
		const char *id = want->kind == VAL_LIST ? want->items[i]->str : want->str;
		size_t len = strlen(id);
		for (const char *p = terms; p && (p = strstr(p, id)); p += len)
			if ((p == terms || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
				return true;
	}
	return false;
}

/* Reports a query's unknown vocabulary or term; true when it is usable. */
static bool query_ok(const struct directory_model *m, const struct source *src,
		     const struct facet **facets, struct diags *d)
{
	const struct value *q = src->services;
	bool ok = true;

	for (size_t k = 0; k < q->len; k++) {
		const struct value_pair *p = &q->pairs[k];
		const struct value *v = p->val;
		const char *keys[N_FACETS + 1];
		size_t n = v->kind == VAL_LIST ? v->len : 1;

		facets[k] = NULL;
		for (int i = 0; i < N_FACETS; i++) {
			keys[i] = vocab_key(facet_vocabs[i]);
			if (!strcmp(keys[i], p->key))
				facets[k] = directory_facet(m, facet_vocabs[i]);
		}
		keys[N_FACETS] = NULL;
		if (!facets[k]) {
			const char *hint = text_suggest(p->key, keys, N_FACETS);
			diag_error(d, src->path, p->line, p->col, "no vocabulary '%s' to list services by%s%s%s",
				   p->key, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
			ok = false;
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			const struct value *t = v->kind == VAL_LIST ? v->items[i] : v;
			if (t->kind != VAL_STRING ||
			    !taxonomy_find(&m->dir->tax, facets[k]->vocab, t->str)) {
				diag_error(d, src->path, t->line, t->col, "no %s '%s' in %s",
					   vocab_noun(facets[k]->vocab),
					   t->kind == VAL_STRING ? t->str : "?", m->dir->tax.file);
				ok = false;
			}
		}
	}
	return ok;
}

void directory_query_context(struct arena *a, const struct site *site, const struct source *src,
			     struct value *ctx, struct diags *d)
{
	const struct directory_model *m = site->directory;
	const struct facet **facets;
	struct dir_render r;
	struct service_list found = { 0 };

	if (!src->services)
		return;
	if (!m) {
		const struct value_pair *p = value_map_pair(src->fm, "services");
		diag_warning(d, src->path, p->line, p->col,
			     "'services' lists directory services, but the site has no content/directory/");
		return;
	}
	facets = arena_alloc(a, (src->services->len + 1) * sizeof(*facets));
	if (!query_ok(m, src, facets, d))
		return;
	found.v = arena_alloc(a, (m->az.n ? m->az.n : 1) * sizeof(*found.v));
	for (size_t i = 0; i < m->az.n; i++) {
		bool all = true;
		for (size_t k = 0; k < src->services->len && all; k++)
			all = listed_under(facets[k], m->az.v[i], src->services->pairs[k].val);
		if (all)
			found.v[found.n++] = m->az.v[i];
	}
	dir_render_init(&r, a, site);
	value_map_set(a, ctx, "services", service_items(&r, &found));
	value_map_set(a, ctx, "has_services", value_bool(a, found.n > 0));
	value_map_set(a, ctx, "listed_services", value_bool(a, true));
}
