/*
 * site/directory.c: URLs and facet lists of the directory.  Services are
 * visited once in name order, so every list comes out sorted; a stamp
 * per term (the last service added) keeps each list free of repeats
 * without searching it.
 */
#include "site/directory.h"
#include "util/buf.h"
#include "util/uuid.h"

#include <strings.h>

const enum vocab facet_vocabs[N_FACETS] = {
	VOCAB_CATEGORIES, VOCAB_AUDIENCES, VOCAB_AREAS, VOCAB_TIERS, VOCAB_FUNDING,
	VOCAB_DELIVERY, VOCAB_AGE_BANDS,
};

static const struct {
	const char *slug, *title;
} facet_names[VOCAB_COUNT] = {
	[VOCAB_CATEGORIES] = { "categories", "Type of support" },
	[VOCAB_AUDIENCES] = { "audiences", "Who it is for" },
	[VOCAB_AREAS] = { "areas", "Where you live" },
	[VOCAB_TIERS] = { "tiers", "Level of support" },
	[VOCAB_FUNDING] = { "funding", "How it is paid for" },
	[VOCAB_DELIVERY] = { "delivery", "How it is delivered" },
	[VOCAB_AGE_BANDS] = { "ages", "Age of the child or young person" },
};

bool directory_audience_of(const struct vocab_term *t, const char *guide_id)
{
	return t->guide ? !strcmp(t->guide, guide_id) : !strcmp(t->id, guide_id);
}

bool directory_listed(const struct service *s)
{
	return s->status != STATUS_CLOSED;
}

const struct facet *directory_facet(const struct directory_model *m, enum vocab v)
{
	for (size_t i = 0; i < N_FACETS; i++)
		if (m->facets[i].vocab == v)
			return &m->facets[i];
	return NULL;
}

const char *directory_uuid(struct arena *a, const struct directory_model *m, const char *path)
{
	const char *name = arena_printf(a, "%s%s", m->base_url, path);
	unsigned char u[16];
	char *out = arena_alloc(a, UUID_STR_SIZE);

	uuid_v5(uuid_ns_url, name, strlen(name), u);
	uuid_format(u, out);
	return out;
}

static int name_cmp(const void *pa, const void *pb)
{
	const struct service *a = *(const struct service *const *)pa;
	const struct service *b = *(const struct service *const *)pb;
	int c = strcasecmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* Lists grow in the arena; capacity doubles, so appends are amortised O(1). */
struct growing {
	struct service_list list;
	size_t cap;
	size_t stamp;              /* 1 + index of the last service added */
};

static void add(struct arena *a, struct growing *g, const struct service *s)
{
	if (g->stamp == s->index + 1)
		return;
	g->stamp = s->index + 1;
	if (g->list.n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 8;
		const struct service **v = arena_alloc(a, cap * sizeof(*v));
		if (g->list.n)
			memcpy(v, g->list.v, g->list.n * sizeof(*v));
		g->list.v = v;
		g->cap = cap;
	}
	g->list.v[g->list.n++] = s;
}

/* The areas inside each area, so a region's page can reach its towns. */
struct area_tree {
	const struct vocab_term ***children;
	size_t *n_children;
};

static void build_tree(struct arena *a, const struct vocabulary *areas, struct area_tree *t)
{
	size_t n = areas->n ? areas->n : 1;
	size_t *cap = arena_alloc(a, n * sizeof(*cap));

	t->children = arena_alloc(a, n * sizeof(*t->children));
	t->n_children = arena_alloc(a, n * sizeof(*t->n_children));
	for (size_t i = 0; i < areas->n; i++) {
		const struct vocab_term *p = areas->terms[i].parent;
		size_t pi;
		if (!p)
			continue;
		pi = p->index;
		if (t->n_children[pi] == cap[pi]) {
			size_t nc = cap[pi] ? cap[pi] * 2 : 4;
			const struct vocab_term **v = arena_alloc(a, nc * sizeof(*v));
			if (t->n_children[pi])
				memcpy(v, t->children[pi], t->n_children[pi] * sizeof(*v));
			t->children[pi] = v;
			cap[pi] = nc;
		}
		t->children[pi][t->n_children[pi]++] = &areas->terms[i];
	}
}

static void add_below(struct arena *a, struct growing *g, const struct area_tree *t,
		      const struct vocab_term *area, const struct service *s, size_t depth)
{
	/* parents are checked for loops when loaded; depth guards anyway */
	if (depth > 64)
		return;
	for (size_t i = 0; i < t->n_children[area->index]; i++) {
		const struct vocab_term *c = t->children[area->index][i];
		add(a, &g[c->index], s);
		add_below(a, g, t, c, s, depth + 1);
	}
}

static bool ages_overlap(const struct service *s, const struct vocab_term *band)
{
	long lo = s->min_age >= 0 ? s->min_age : 0;
	long hi = s->max_age >= 0 ? s->max_age : 1000;
	if (s->min_age < 0 && s->max_age < 0)
		return false;
	return lo <= band->max_age && band->min_age <= hi;
}

/* The terms of vocabulary v that list service s. */
static void add_service(struct arena *a, const struct vocabulary *voc, enum vocab v,
			struct growing *g, const struct area_tree *tree, const struct service *s)
{
	const struct term_list *tl = NULL;

	switch (v) {
	case VOCAB_CATEGORIES: tl = &s->categories; break;
	case VOCAB_AUDIENCES: tl = &s->audiences; break;
	case VOCAB_TIERS: tl = &s->tiers; break;
	case VOCAB_FUNDING: tl = &s->funding; break;
	case VOCAB_DELIVERY: tl = &s->delivery; break;
	case VOCAB_AREAS:
		if (s->national) {
			for (size_t i = 0; i < voc->n; i++)
				add(a, &g[i], s);
			return;
		}
		for (size_t i = 0; i < s->areas.n; i++) {
			for (const struct vocab_term *p = s->areas.v[i]; p; p = p->parent)
				add(a, &g[p->index], s);
			add_below(a, g, tree, s->areas.v[i], s, 0);
		}
		return;
	case VOCAB_AGE_BANDS:
		for (size_t i = 0; i < voc->n; i++)
			if (ages_overlap(s, &voc->terms[i]))
				add(a, &g[i], s);
		return;
	default:
		return;
	}
	for (size_t i = 0; i < tl->n; i++)
		add(a, &g[tl->v[i]->index], s);
}

/* The ids of the terms whose lists end with s: called right after s was
 * added everywhere, so a term lists s exactly when its stamp is s. */
static const char *terms_of(struct arena *a, const struct vocabulary *voc,
			    const struct growing *g, const struct service *s)
{
	struct buf b = BUF_INIT;
	const char *out;

	for (size_t i = 0; i < voc->n; i++) {
		if (g[i].stamp != s->index + 1)
			continue;
		if (b.len)
			buf_addc(&b, ' ');
		buf_adds(&b, voc->terms[i].id);
	}
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static void link_facet(struct arena *a, struct directory_model *m, struct facet *f,
		       const struct service *const *sorted, size_t n)
{
	const struct directory *dir = m->dir;
	const struct vocabulary *voc = &dir->tax.v[f->vocab];
	size_t nt = voc->n ? voc->n : 1;
	struct growing *g = arena_alloc(a, nt * sizeof(*g));
	struct area_tree tree = { 0 };

	f->slug = facet_names[f->vocab].slug;
	f->title = facet_names[f->vocab].title;
	f->url = arena_printf(a, "%s%s/", m->url, f->slug);
	f->term_urls = arena_alloc(a, nt * sizeof(*f->term_urls));
	f->lists = arena_alloc(a, nt * sizeof(*f->lists));
	f->service_terms = arena_alloc(a, (dir->n_services ? dir->n_services : 1) *
					  sizeof(*f->service_terms));
	for (size_t i = 0; i < voc->n; i++)
		f->term_urls[i] = arena_printf(a, "%s%s/", f->url, voc->terms[i].id);
	if (f->vocab == VOCAB_AREAS)
		build_tree(a, voc, &tree);
	for (size_t k = 0; k < n; k++) {
		add_service(a, voc, f->vocab, g, &tree, sorted[k]);
		f->service_terms[sorted[k]->index] = terms_of(a, voc, g, sorted[k]);
	}
	for (size_t i = 0; i < voc->n; i++)
		f->lists[i] = g[i].list;
	for (size_t i = 0; i < dir->n_services; i++)
		if (!f->service_terms[i])
			f->service_terms[i] = "";
}

/* Pages may not take the directory's URLs, and audiences may only name
 * guides that exist. */
static void check_site(const struct site *site, const struct directory *dir, struct diags *d)
{
	const struct vocabulary *aud = &dir->tax.v[VOCAB_AUDIENCES];
	const struct config *cfg = site->cfg;

	for (size_t i = 0; i < site->n_pages; i++)
		if (!strncmp(site->pages[i]->url, "/directory/", 11))
			diag_error(d, site->pages[i]->src->path, 0, 0,
				   "the URL %s belongs to the directory of services; move this page",
				   site->pages[i]->url);
	for (size_t i = 0; i < aud->n; i++) {
		const struct vocab_term *t = &aud->terms[i];
		bool found = false;
		const struct value *v;
		if (!t->guide)
			continue;
		for (size_t g = 0; g < cfg->n_guides && !found; g++)
			found = !strcmp(cfg->guides[g].id, t->guide);
		v = value_map_get(t->raw, "guide");
		if (!found)
			diag_error(d, dir->tax.file, v->line, v->col,
				   "audience '%s' names guide '%s', which config.yaml does not have",
				   t->id, t->guide);
	}
}

struct directory_model *directory_model_link(struct arena *a, const struct site *site,
					     const struct directory *dir, struct diags *d)
{
	const struct config *cfg = site->cfg;
	struct directory_model *m;
	const struct service **sorted;
	size_t n = 0, n_orgs = dir->n_orgs ? dir->n_orgs : 1;
	struct growing *by_org, *by_guide;

	if (!dir->present)
		return NULL;
	check_site(site, dir, d);
	m = arena_alloc(a, sizeof(*m));
	m->dir = dir;
	m->url = "/directory/";
	m->service_urls = arena_alloc(a, (dir->n_services ? dir->n_services : 1) *
					 sizeof(*m->service_urls));
	m->org_urls = arena_alloc(a, n_orgs * sizeof(*m->org_urls));
	m->service_uuids = arena_alloc(a, (dir->n_services ? dir->n_services : 1) *
					  sizeof(*m->service_uuids));
	m->org_uuids = arena_alloc(a, n_orgs * sizeof(*m->org_uuids));
	m->base_url = cfg->base_url;
	for (size_t i = 0; i < dir->n_services; i++) {
		m->service_urls[i] = arena_printf(a, "%sservices/%s/", m->url, dir->services[i]->id);
		m->service_uuids[i] = directory_uuid(a, m, m->service_urls[i] + 1);
	}
	for (size_t i = 0; i < dir->n_orgs; i++) {
		m->org_urls[i] = arena_printf(a, "%sorganisations/%s/", m->url, dir->orgs[i]->id);
		m->org_uuids[i] = directory_uuid(a, m, m->org_urls[i] + 1);
	}

	sorted = arena_alloc(a, (dir->n_services ? dir->n_services : 1) * sizeof(*sorted));
	for (size_t i = 0; i < dir->n_services; i++)
		if (directory_listed(dir->services[i]))
			sorted[n++] = dir->services[i];
	qsort(sorted, n, sizeof(*sorted), name_cmp);
	m->az.v = sorted;
	m->az.n = n;

	for (size_t i = 0; i < N_FACETS; i++) {
		m->facets[i].vocab = facet_vocabs[i];
		link_facet(a, m, &m->facets[i], sorted, n);
	}

	/* organisations list all their services, closed ones too */
	by_org = arena_alloc(a, n_orgs * sizeof(*by_org));
	{
		const struct service **all = arena_alloc(a, (dir->n_services ? dir->n_services : 1) *
							    sizeof(*all));
		for (size_t i = 0; i < dir->n_services; i++)
			all[i] = dir->services[i];
		qsort(all, dir->n_services, sizeof(*all), name_cmp);
		for (size_t i = 0; i < dir->n_services; i++)
			if (all[i]->org)
				add(a, &by_org[all[i]->org->index], all[i]);
	}
	m->by_org = arena_alloc(a, n_orgs * sizeof(*m->by_org));
	for (size_t i = 0; i < dir->n_orgs; i++)
		m->by_org[i] = by_org[i].list;

	/* a guide's audiences: those naming it with 'guide', or sharing its id */
	by_guide = arena_alloc(a, (cfg->n_guides ? cfg->n_guides : 1) * sizeof(*by_guide));
	m->by_guide = arena_alloc(a, (cfg->n_guides ? cfg->n_guides : 1) * sizeof(*m->by_guide));
	for (size_t k = 0; k < n; k++) {
		const struct service *s = sorted[k];
		for (size_t i = 0; i < s->audiences.n; i++) {
			const struct vocab_term *aud = s->audiences.v[i];
			for (size_t g = 0; g < cfg->n_guides; g++)
				if (directory_audience_of(aud, cfg->guides[g].id))
					add(a, &by_guide[g], s);
		}
	}
	for (size_t g = 0; g < cfg->n_guides; g++)
		m->by_guide[g] = by_guide[g].list;
	return m;
}
