/*
 * sitemap.c: the sitemaps.org protocol, escaped as XML.
 */
#include "emit/sitemap.h"
#include "util/escape.h"

static int url_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct page *const *)a)->url, (*(const struct page *const *)b)->url);
}

void sitemap_xml(const struct site *site, struct buf *out)
{
	const struct page **v = xcalloc(site->n_pages ? site->n_pages : 1, sizeof(*v));
	const char *base = site->cfg->base_url;

	for (size_t i = 0; i < site->n_pages; i++)
		v[i] = site->pages[i];
	qsort(v, site->n_pages, sizeof(*v), url_cmp);

	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (size_t i = 0; i < site->n_pages; i++) {
		buf_adds(out, "  <url><loc>");
		escape_xml(out, base, strlen(base));
		escape_xml(out, v[i]->url + 1, strlen(v[i]->url + 1));
		buf_adds(out, "</loc>");
		if (v[i]->src->last_reviewed)
			buf_printf(out, "<lastmod>%s</lastmod>", v[i]->src->last_reviewed);
		buf_adds(out, "</url>\n");
	}
	buf_adds(out, "</urlset>\n");
	free(v);
}

void sitemap_robots(const struct site *site, struct buf *out)
{
	buf_printf(out, "User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n", site->cfg->base_url);
}
