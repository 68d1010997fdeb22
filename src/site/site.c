/*
 * site.c: from sources to the linked site model: URLs, sections,
 * guides, navigation order, reading order.
 */
#include "site/site.h"
#include "util/text.h"

const char *page_kind_name(enum page_kind kind)
{
	switch (kind) {
	case PAGE_HOME: return "home";
	case PAGE_GUIDE: return "guide";
	case PAGE_SECTION: return "section";
	case PAGE_PAGE: return "page";
	}
	return "page";
}

/* URL path of a folder under content/: each segment slugged. */
static const char *dir_url(struct arena *a, const char *dir)
{
	char *url = "/";
	const char *p = dir;

	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		url = arena_printf(a, "%s%s/", url, text_slug(a, p, n));
		p += n;
		if (*p == '/')
			p++;
	}
	return url;
}

static const char *page_url(struct arena *a, const struct source *s)
{
	const char *base = dir_url(a, s->dir);
	if (s->is_index)
		return base;
	return arena_printf(a, "%s%s/", base,
			    s->slug ? s->slug : text_slug(a, s->stem, strlen(s->stem)));
}

static void add_child(struct arena *a, struct page *parent, struct page *child)
{
	if (parent->n_children == parent->cap_children) {
		size_t cap = parent->cap_children ? parent->cap_children * 2 : 8;
		struct page **v = arena_alloc(a, cap * sizeof(*v));
		if (parent->n_children)
			memcpy(v, parent->children, parent->n_children * sizeof(*v));
		parent->children = v;
		parent->cap_children = cap;
	}
	parent->children[parent->n_children++] = child;
	child->parent = parent;
}

static int nav_cmp(const void *pa, const void *pb)
{
	const struct page *a = *(struct page *const *)pa, *b = *(struct page *const *)pb;
	int c;
	if (a->src->weight != b->src->weight)
		return a->src->weight < b->src->weight ? -1 : 1;
	/* dated posts (news): newest first */
	if (a->src->date && b->src->date && (c = strcmp(b->src->date, a->src->date)))
		return c;
	c = strcmp(a->src->title, b->src->title);
	return c ? c : strcmp(a->src->rel, b->src->rel);
}

/* The landing page of the nearest folder above dir that has one. */
static struct page *find_section(const struct site *site, struct arena *a, const char *dir)
{
	char *d = arena_strdup(a, dir);
	for (;;) {
		const char *rel = *d ? arena_printf(a, "%s/_index.md", d) : "_index.md";
		struct page *p = site_page_by_rel(site, rel);
		char *slash;
		if (p)
			return p;
		if (!*d)
			return NULL;
		slash = strrchr(d, '/');
		if (slash)
			*slash = '\0';
		else
			*d = '\0';
	}
}

static const char *top_folder(struct arena *a, const char *dir)
{
	const char *slash = strchr(dir, '/');
	return slash ? arena_strndup(a, dir, (size_t)(slash - dir)) : dir;
}

static int url_cmp(const void *pa, const void *pb)
{
	const struct page *a = *(struct page *const *)pa, *b = *(struct page *const *)pb;
	int c = strcmp(a->url, b->url);
	return c ? c : a->index < b->index ? -1 : a->index > b->index;
}

/* Two pages with one URL: each is reported against every page before
 * it in source order.  Sorted by URL, so a large site is not n². */
static void check_urls(const struct site *site, struct diags *d)
{
	struct page **v = xcalloc(site->n_pages ? site->n_pages : 1, sizeof(*v));

	memcpy(v, site->pages, site->n_pages * sizeof(*v));
	qsort(v, site->n_pages, sizeof(*v), url_cmp);
	for (size_t i = 1, first = 0; i < site->n_pages; i++) {
		if (strcmp(v[first]->url, v[i]->url))
			first = i;
		for (size_t k = first; k < i; k++)
			diag_error(d, v[i]->src->path, 1, 1, "this page and %s both have the URL %s",
				   v[k]->src->path, v[i]->url);
	}
	free(v);
}

/* Depth-first order of a guide's pages: its reading order. */
static void reading_order(struct page *p, struct page **last)
{
	if (*last) {
		(*last)->next = p;
		p->prev = *last;
	}
	*last = p;
	for (size_t i = 0; i < p->n_children; i++)
		reading_order(p->children[i], last);
}

void site_link(struct arena *a, const struct config *cfg, const char *site_dir,
	       const struct sources *srcs, struct site *site, struct diags *d)
{
	memset(site, 0, sizeof(*site));
	site->cfg = cfg;
	site->sources = srcs;
	site->site_dir = site_dir;
	site->pages = arena_alloc(a, (srcs->n ? srcs->n : 1) * sizeof(*site->pages));
	site->guide_home = arena_alloc(a, (cfg->n_guides ? cfg->n_guides : 1) *
					  sizeof(*site->guide_home));

	for (size_t i = 0; i < srcs->n; i++) {
		const struct source *s = srcs->v[i];
		struct page *p = arena_alloc(a, sizeof(*p));
		p->src = s;
		p->url = page_url(a, s);
		p->out_path = arena_printf(a, "%sindex.html", p->url + 1);
		p->guide = *s->dir ? config_guide_by_folder(cfg, top_folder(a, s->dir)) : NULL;
		if (s->is_index && !*s->dir)
			p->kind = PAGE_HOME;
		else if (s->is_index && p->guide && !strchr(s->dir, '/'))
			p->kind = PAGE_GUIDE;
		else if (s->is_index)
			p->kind = PAGE_SECTION;
		else
			p->kind = PAGE_PAGE;
		p->index = site->n_pages;
		site->pages[site->n_pages++] = p;
		if (p->kind == PAGE_HOME)
			site->home = p;
	}
	if (!site->home)
		diag_error(d, "content/_index.md", 0, 0, "missing home page; create content/_index.md");
	check_urls(site, d);

	for (size_t g = 0; g < cfg->n_guides; g++) {
		const char *rel = arena_printf(a, "%s/_index.md", cfg->guides[g].folder);
		site->guide_home[g] = site_page_by_rel(site, rel);
		if (!site->guide_home[g])
			diag_error(d, arena_printf(a, "content/%s", rel), 0, 0,
				   "guide '%s' has no landing page; create content/%s",
				   cfg->guides[g].id, rel);
	}

	/* sections: each page hangs under the nearest landing page above it */
	for (size_t i = 0; i < site->n_pages; i++) {
		struct page *p = site->pages[i];
		struct page *parent;
		if (p->kind == PAGE_HOME)
			continue;
		if (p->src->is_index) {
			const char *slash = strrchr(p->src->dir, '/');
			const char *up = slash ? arena_strndup(a, p->src->dir,
							       (size_t)(slash - p->src->dir)) : "";
			parent = find_section(site, a, up);
		} else {
			parent = find_section(site, a, p->src->dir);
		}
		if (parent)
			add_child(a, parent, p);
	}
	for (size_t i = 0; i < site->n_pages; i++) {
		struct page *p = site->pages[i];
		if (p->n_children > 1)
			qsort(p->children, p->n_children, sizeof(*p->children), nav_cmp);
	}
	for (size_t g = 0; g < cfg->n_guides; g++) {
		struct page *last = NULL;
		if (site->guide_home[g])
			reading_order(site->guide_home[g], &last);
	}
}

struct page *site_page_by_rel(const struct site *site, const char *rel)
{
	/* pages are in source order, which is sorted by rel */
	size_t lo = 0, hi = site->n_pages;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(site->pages[mid]->src->rel, rel);
		if (c == 0)
			return site->pages[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
