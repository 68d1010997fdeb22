/*
 * sitemap.c: the sitemaps.org protocol, escaped as XML.
 */
#include "emit/sitemap.h"
#include "util/escape.h"

/* The URL path of an output file: "a/b/index.html" is "a/b/". */
static size_t url_len(const char *path)
{
	size_t n = strlen(path);
	if (n >= 10 && !strcmp(path + n - 10, "index.html"))
		return n - 10;
	return n;
}

static int path_cmp(const void *pa, const void *pb)
{
	const struct output_file *a = *(const struct output_file *const *)pa;
	const struct output_file *b = *(const struct output_file *const *)pb;
	size_t la = url_len(a->path), lb = url_len(b->path);
	int c = strncmp(a->path, b->path, la < lb ? la : lb);
	if (c)
		return c;
	return la < lb ? -1 : la > lb;
}

void sitemap_xml(const struct site *site, const struct outputs *files, struct buf *b)
{
	const struct output_file **v = xcalloc(files->n ? files->n : 1, sizeof(*v));
	const char *base = site->cfg->base_url;
	size_t n = 0;

	for (size_t i = 0; i < files->n; i++)
		if (files->v[i].in_sitemap)
			v[n++] = &files->v[i];
	qsort(v, n, sizeof(*v), path_cmp);

	buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (size_t i = 0; i < n; i++) {
		buf_adds(b, "  <url><loc>");
		escape_xml(b, base, strlen(base));
		escape_xml(b, v[i]->path, url_len(v[i]->path));
		buf_adds(b, "</loc>");
		if (v[i]->lastmod)
			buf_printf(b, "<lastmod>%s</lastmod>", v[i]->lastmod);
		buf_adds(b, "</url>\n");
	}
	buf_adds(b, "</urlset>\n");
	free(v);
}

void sitemap_robots(const struct site *site, struct buf *out)
{
	buf_printf(out, "User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n", site->cfg->base_url);
}
