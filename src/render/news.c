/*
 * news.c: the Atom feed of the news posts.
 */
#include "render/news.h"
#include "emit/atom.h"
#include "util/datetime.h"

bool news_is_post(const struct page *p)
{
	return !strncmp(p->src->rel, "news/", 5) && !p->src->is_index;
}

static int newest_first(const void *pa, const void *pb)
{
	const struct page *a = *(const struct page *const *)pa, *b = *(const struct page *const *)pb;
	int c = strcmp(b->src->date, a->src->date);
	if (c)
		return c;
	c = strcmp(a->src->title, b->src->title);
	return c ? c : strcmp(a->src->rel, b->src->rel);
}

void render_news(struct render_ctx *rc)
{
	const struct site *site = rc->site;
	const struct page *list = site_page_by_rel(site, "news/_index.md");
	const char *base = site->cfg->base_url;
	const struct page **posts;
	struct atom_entry *entries;
	struct atom_feed f;
	struct buf b = BUF_INIT;
	size_t n = 0;

	if (!list)
		return;
	posts = arena_alloc(rc->a, (site->n_pages ? site->n_pages : 1) * sizeof(*posts));
	for (size_t i = 0; i < site->n_pages; i++) {
		const struct page *p = site->pages[i];
		if (!news_is_post(p))
			continue;
		if (!p->src->date) {
			diag_warning(rc->d, p->src->path, 1, 1,
				     "news post without a 'date'; add 'date: YYYY-MM-DD' to its front matter so it is listed in order and in the feed");
			continue;
		}
		posts[n++] = p;
	}
	if (n > 1)
		qsort(posts, n, sizeof(*posts), newest_first);
	if (n > NEWS_FEED_MAX)
		n = NEWS_FEED_MAX;

	entries = arena_alloc(rc->a, (n ? n : 1) * sizeof(*entries));
	for (size_t i = 0; i < n; i++) {
		const struct page *p = posts[i];
		const struct md_doc *doc = rc->docs ? &rc->docs[p->index] : NULL;
		entries[i] = (struct atom_entry){
			.title = p->src->title,
			.url = arena_printf(rc->a, "%s%s", base, p->url + 1),
			.published = p->src->date,
			.updated = p->src->last_reviewed,
			.summary = p->src->description,
		};
		if (doc && doc->html) {
			entries[i].content = doc->html;
			entries[i].content_len = doc->html_len;
		}
	}
	f = (struct atom_feed){
		.title = arena_printf(rc->a, "%s: %s", site->cfg->title, list->src->title),
		.subtitle = list->src->description,
		.language = site->cfg->language,
		.base_url = base,
		.self_url = arena_printf(rc->a, "%sfeed.xml", base),
		.alternate_url = arena_printf(rc->a, "%s%s", base, list->url + 1),
		.author = site->cfg->title,
		.entries = entries,
		.n = n,
	};
	if (!n) {
		bool pinned;
		struct dt_date d = dt_london_date(dt_build_time(&pinned, rc->d), NULL);
		f.updated = arena_printf(rc->a, "%04d-%02d-%02d", d.y, d.m, d.d);
	}
	atom_write(&b, &f);
	outputs_add(rc, "feed.xml", &b);
	buf_free(&b);
}
