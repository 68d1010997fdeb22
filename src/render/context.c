/*
 * context.c: building template contexts from the site model.
 */
#include "render/context.h"
#include "render/directory.h"
#include "render/events.h"
#include "site/directory.h"
#include "util/text.h"
#include "load/events.h"

static struct value *guide_value(struct arena *a, const struct site *site, size_t i)
{
	const struct guide *g = &site->cfg->guides[i];
	struct value *m = value_map(a);
	const char *url = site->guide_home[i] ? site->guide_home[i]->url :
			  arena_printf(a, "/%s/", g->folder);

	value_map_set_str(a, m, "id", g->id);
	value_map_set_str(a, m, "title", g->title);
	if (g->description)
		value_map_set_str(a, m, "description", g->description);
	value_map_set_str(a, m, "url", url);
	value_map_set_str(a, m, "print_url", arena_printf(a, "%sprint/", url));
	if (site->glossary && site->glossary->n)
		value_map_set_str(a, m, "words_url", arena_printf(a, "%swords/", url));
	value_map_set_str(a, m, "style", g->style);
	value_map_set(a, m, "child", value_bool(a, !strcmp(g->style, "child")));
	value_map_set(a, m, "quick_exit", value_bool(a, g->quick_exit));
	if (g->reading_level)
		value_map_set_str(a, m, "reading_level", arena_printf(a, "%ld", g->reading_level));
	return m;
}

static struct value *link_value(struct arena *a, const struct page *p);

/* The about section (content/about/): its landing page, then its pages,
 * for the footer.  Empty when the site has none. */
static struct value *footer_links(struct arena *a, const struct site *site)
{
	struct value *list = value_list(a);
	const struct page *about = site_page_by_rel(site, "about/_index.md");

	if (!about)
		return list;
	value_list_push(a, list, link_value(a, about));
	for (size_t i = 0; i < about->n_children; i++)
		value_list_push(a, list, link_value(a, about->children[i]));
	return list;
}

struct value *context_site(struct arena *a, const struct site *site)
{
	const struct config *cfg = site->cfg;
	struct value *m = value_map(a), *guides = value_list(a), *footer;

	value_map_set_str(a, m, "title", cfg->title);
	value_map_set_str(a, m, "base_url", cfg->base_url);
	value_map_set_str(a, m, "language", cfg->language);
	value_map_set_str(a, m, "home_url", "/");
	value_map_set(a, m, "params", cfg->params);
	for (size_t i = 0; i < cfg->n_guides; i++)
		value_list_push(a, guides, guide_value(a, site, i));
	value_map_set(a, m, "guides", guides);
	footer = footer_links(a, site);
	value_map_set(a, m, "footer", footer);
	value_map_set(a, m, "has_footer", value_bool(a, footer->len > 0));
	/* the parts a site may or may not have, for headers and home pages */
	if (site->directory)
		value_map_set_str(a, m, "directory_url", site->directory->url);
	if (site->events && site->events->n)
		value_map_set_str(a, m, "events_url", "/events/");
	value_map_set_str(a, m, "search_url", "/search/");
	return m;
}

const char *context_date_text(struct arena *a, const char *date)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	int month = (date[5] - '0') * 10 + (date[6] - '0');
	int day = (date[8] - '0') * 10 + (date[9] - '0');

	if (month < 1 || month > 12)
		BUG("date '%s' was not validated", date);
	return arena_printf(a, "%d %s %.4s", day, months[month - 1], date);
}

static bool shows_on(const struct help_contact *h, const struct guide *g)
{
	if (!h->guides)
		return true;
	for (size_t i = 0; g && i < h->guides->len; i++)
		if (!strcmp(h->guides->items[i]->str, g->id))
			return true;
	return false;
}

/* The "Get help now" contacts for pages of guide g (NULL outside). */
struct value *context_help(struct arena *a, const struct site *site, const struct guide *g)
{
	struct value *list = value_list(a);

	for (size_t i = 0; i < site->cfg->n_help; i++) {
		const struct help_contact *h = &site->cfg->help[i];
		struct value *m;
		if (!shows_on(h, g))
			continue;
		m = value_map(a);
		for (size_t k = 0; k < h->raw->len; k++)
			value_map_set(a, m, h->raw->pairs[k].key, h->raw->pairs[k].val);
		if (h->phone) {
			value_map_set_str(a, m, "phone_uri", text_phone_uri(a, "tel:", h->phone));
			value_map_set_str(a, m, "phone_text", text_nowrap(a, h->phone));
		}
		if (h->text) {
			value_map_set_str(a, m, "text_uri", text_phone_uri(a, "sms:", h->text));
			value_map_set_str(a, m, "text_text", text_nowrap(a, h->text));
		}
		value_list_push(a, list, m);
	}
	return list;
}

/* A string of the site model, which outlives every context: not copied. */
static void set_model_str(struct arena *a, struct value *m, const char *key, const char *s)
{
	value_map_set(a, m, key, value_strn_ref(a, s, strlen(s)));
}

static struct value *link_value(struct arena *a, const struct page *p)
{
	struct value *m = value_map(a);
	set_model_str(a, m, "title", p->src->title);
	set_model_str(a, m, "url", p->url);
	if (p->src->description)
		set_model_str(a, m, "description", p->src->description);
	return m;
}

static bool is_ancestor(const struct page *maybe, const struct page *p)
{
	for (const struct page *q = p; q; q = q->parent)
		if (q == maybe)
			return true;
	return false;
}

/* Page p's link: shared when it can be. */
static struct value *page_link(struct arena *a, const struct context_shared *shared,
			       const struct page *p)
{
	return shared ? shared->links[p->index] : link_value(a, p);
}

/* A navigation item: a page's link, whether it is the page being made
 * or on the way to it, its children (always set, so a partial never
 * finds an outer item's) and whether it has any. */
static struct value *nav_item(struct arena *a, const struct value *link, struct value *current,
			      struct value *active, struct value *children,
			      struct value *has_children)
{
	struct value *m = value_map(a);

	for (size_t k = 0; k < link->len; k++)
		value_map_set(a, m, link->pairs[k].key, link->pairs[k].val);
	value_map_set(a, m, "current", current);
	value_map_set(a, m, "active", active);
	value_map_set(a, m, "children", children);
	value_map_set(a, m, "has_children", has_children);
	return m;
}

/*
 * The navigation of a guide as the page current sees it: every section
 * at the top, and below that only the branch that leads to current
 * (its ancestors' pages and its own), so a page's context grows with
 * the depth of the guide, not its size.  Items off that branch are
 * the same for every page: they come from shared when it is set.
 * depth guards against a very deep folder tree; sources limit it too.
 */
static struct value *nav_list(struct arena *a, const struct context_shared *shared,
			      const struct page *parent, const struct page *current, int depth)
{
	struct value *list = value_list(a);

	for (size_t i = 0; i < parent->n_children; i++) {
		const struct page *c = parent->children[i];
		bool active = is_ancestor(c, current);
		bool open = active && c->n_children && depth < 8;

		if (!active && shared)
			value_list_push(a, list, shared->closed[c->index]);
		else
			value_list_push(a, list, nav_item(a, page_link(a, shared, c),
							  value_bool(a, c == current),
							  value_bool(a, active),
							  open ? nav_list(a, shared, c, current, depth + 1) :
								 value_list(a),
							  value_bool(a, open)));
	}
	return list;
}

void context_share(struct arena *a, const struct site *site, struct value *site_value,
		   struct context_shared *shared)
{
	size_t n = site->n_pages ? site->n_pages : 1;
	struct value *no = value_bool(a, false), *none = value_list(a);

	shared->site = site_value;
	shared->links = arena_alloc(a, n * sizeof(*shared->links));
	shared->closed = arena_alloc(a, n * sizeof(*shared->closed));
	for (size_t i = 0; i < site->n_pages; i++) {
		shared->links[i] = link_value(a, site->pages[i]);
		shared->closed[i] = nav_item(a, shared->links[i], no, no, none, no);
	}
}

static struct value *toc_value(struct arena *a, const struct md_doc *doc)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < doc->n_toc; i++) {
		struct value *m = value_map(a);
		value_map_set_str(a, m, "id", doc->toc[i].id);
		value_map_set_str(a, m, "text", doc->toc[i].text);
		value_map_set_str(a, m, "level", arena_printf(a, "%d", doc->toc[i].level));
		value_map_set(a, m, "sub", value_bool(a, doc->toc[i].level > 2));
		value_list_push(a, list, m);
	}
	return list;
}

static void set_date(struct arena *a, struct value *m, const char *key, const char *date)
{
	if (!date)
		return;
	value_map_set_str(a, m, key, date);
	value_map_set_str(a, m, arena_printf(a, "%s_text", key), context_date_text(a, date));
}

static struct value *page_value(struct arena *a, const struct site *site,
				const struct page *p, const struct md_doc *doc)
{
	const struct source *s = p->src;
	struct value *m = value_map(a);
	const char *kind = page_kind_name(p->kind);

	value_map_set_str(a, m, "title", s->title);
	if (s->description)
		value_map_set_str(a, m, "description", s->description);
	value_map_set(a, m, "content", value_strn(a, doc->html, doc->html_len));
	value_map_set(a, m, "toc", toc_value(a, doc));
	/* on-page contents only help on pages with several sections */
	value_map_set(a, m, "has_toc", value_bool(a, doc->n_toc >= 3));
	value_map_set_str(a, m, "url", p->url);
	value_map_set_str(a, m, "permalink",
			  arena_printf(a, "%s%s", site->cfg->base_url, p->url + 1));
	value_map_set_str(a, m, "source", s->path);
	value_map_set_str(a, m, "kind", kind);
	value_map_set(a, m, "draft", value_bool(a, s->draft));
	value_map_set(a, m, arena_printf(a, "is_%s", kind), value_bool(a, true));
	set_date(a, m, "last_reviewed", s->last_reviewed);
	set_date(a, m, "review_by", s->review_by);
	set_date(a, m, "date", s->date);
	if (s->topics)
		value_map_set(a, m, "topics", (struct value *)s->topics);
	value_map_set(a, m, "params", s->params);
	/* a section's pages, in navigation order (news: newest first) */
	if (p->n_children && p->kind != PAGE_GUIDE) {
		struct value *list = value_list(a);
		for (size_t i = 0; i < p->n_children; i++) {
			struct value *c = link_value(a, p->children[i]);
			set_date(a, c, "date", p->children[i]->src->date);
			value_list_push(a, list, c);
		}
		value_map_set(a, m, "pages", list);
		value_map_set(a, m, "has_pages", value_bool(a, true));
	}
	return m;
}

static struct value *breadcrumbs(struct arena *a, const struct context_shared *shared,
				 const struct page *p)
{
	struct value *list = value_list(a);
	const struct page *chain[64];
	size_t n = 0;

	for (const struct page *q = p->parent; q && n < ARRAY_LEN(chain); q = q->parent)
		chain[n++] = q;
	while (n > 0)
		value_list_push(a, list, page_link(a, shared, chain[--n]));
	return list;
}

/* What every page in a guide shares: the guide, its navigation, the
 * help panel.  current is the page being rendered (NULL for generated
 * pages, which are never in the navigation). */
static void set_frame(struct arena *a, const struct site *site,
		      const struct context_shared *shared, struct value *m,
		      const struct guide *g, const struct page *current)
{
	struct value *help = context_help(a, site, g);

	value_map_set(a, m, "help", help);
	value_map_set(a, m, "has_help", value_bool(a, help->len > 0));
	if (g) {
		size_t gi = (size_t)(g - site->cfg->guides);
		const struct page *home = site->guide_home[gi];
		value_map_set(a, m, "guide", guide_value(a, site, gi));
		if (home) {
			struct value *nav = nav_list(a, shared, home, current, 0);
			value_map_set(a, m, "nav", nav);
			value_map_set(a, m, "has_nav", value_bool(a, nav->len > 0));
		}
	}
}

struct value *context_page(struct arena *a, const struct site *site,
			   const struct context_shared *shared, const struct page *p,
			   const struct md_doc *doc)
{
	struct value *m = value_map(a);

	value_map_set(a, m, "site", shared->site);
	value_map_set(a, m, "page", page_value(a, site, p, doc));
	value_map_set(a, m, "breadcrumbs", breadcrumbs(a, shared, p));
	value_map_set(a, m, "has_breadcrumbs", value_bool(a, p->parent != NULL));
	set_frame(a, site, shared, m, p->guide, p);
	if (p->kind == PAGE_GUIDE) {
		struct value *on = events_whats_on(a, site, (size_t)(p->guide - site->cfg->guides));
		if (on)
			value_map_set(a, m, "whats_on", on);
	}
	if (p->kind == PAGE_GUIDE)
		directory_guide_context(a, site, (size_t)(p->guide - site->cfg->guides), m);
	if (p->prev)
		value_map_set(a, m, "prev", page_link(a, shared, p->prev));
	if (p->next)
		value_map_set(a, m, "next", page_link(a, shared, p->next));
	return m;
}

struct value *context_generated(struct arena *a, const struct site *site,
				const struct guide *g, const char *title, const char *url,
				const char *kind)
{
	struct value *m = value_map(a), *page = value_map(a), *crumbs = value_list(a);
	const struct page *up = NULL;

	value_map_set_str(a, page, "title", title);
	value_map_set_str(a, page, "url", url);
	value_map_set_str(a, page, "permalink", arena_printf(a, "%s%s", site->cfg->base_url, url + 1));
	value_map_set_str(a, page, "kind", kind);
	value_map_set(a, page, arena_printf(a, "is_%s", kind), value_bool(a, true));
	value_map_set(a, m, "page", page);

	if (g)
		up = site->guide_home[g - site->cfg->guides];
	if (site->home && site->home != up)
		value_list_push(a, crumbs, link_value(a, site->home));
	if (up)
		value_list_push(a, crumbs, link_value(a, up));
	value_map_set(a, m, "breadcrumbs", crumbs);
	value_map_set(a, m, "has_breadcrumbs", value_bool(a, crumbs->len > 0));
	set_frame(a, site, NULL, m, g, NULL);
	return m;
}
