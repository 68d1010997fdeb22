/*
 * aliases.c: redirect pages for former addresses.
 */
#include "render/aliases.h"
#include "util/escape.h"

/* Arena: the output file for alias text, or NULL when it is not an
 * address on this site. */
static const char *alias_file(struct arena *a, const char *alias)
{
	size_t n = strlen(alias);
	const char *rel, *file;

	if (n < 2 || alias[0] != '/' || alias[1] == '/' || strpbrk(alias, "?#\\ \t\"'<>"))
		return NULL;
	rel = alias + 1;
	if (alias[n - 1] == '/')
		file = arena_printf(a, "%sindex.html", rel);
	else if (n > 5 && !strcmp(alias + n - 5, ".html"))
		file = rel;
	else
		file = arena_printf(a, "%s/index.html", rel);
	return output_path_ok(file) ? file : NULL;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The redirect page to p (at url, absolute when the site's base URL is). */
static void redirect_page(struct buf *b, const struct site *site, const struct page *p)
{
	const char *base = site->cfg->base_url;
	const char *title = p->src->title;
	bool absolute = !strncmp(base, "https://", 8) || !strncmp(base, "http://", 7);

	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	escape_html(b, site->cfg->language, strlen(site->cfg->language));
	buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>Moved: ");
	escape_html(b, title, strlen(title));
	buf_adds(b, "</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"");
	if (absolute)
		escape_html(b, base, strlen(base) - 1);
	escape_html(b, p->url, strlen(p->url));
	buf_adds(b, "\">\n<meta http-equiv=\"refresh\" content=\"0; url=");
	escape_html(b, p->url, strlen(p->url));
	buf_adds(b, "\">\n</head>\n<body>\n<main>\n<h1>This page has moved</h1>\n<p><a href=\"");
	escape_html(b, p->url, strlen(p->url));
	buf_adds(b, "\">");
	escape_html(b, title, strlen(title));
	buf_adds(b, "</a> has a new address. If you saved a link to this page, use the new one.</p>\n"
		    "</main>\n</body>\n</html>\n");
}

void render_aliases(struct render_ctx *rc)
{
	const struct site *site = rc->site;
	const char **taken = xcalloc(site->n_pages ? site->n_pages : 1, sizeof(*taken));
	const char **seen = NULL;
	size_t n_seen = 0, cap_seen = 0;

	/* the pages' own files, to refuse an alias on top of one */
	for (size_t i = 0; i < site->n_pages; i++)
		taken[i] = site->pages[i]->out_path;
	qsort(taken, site->n_pages, sizeof(*taken), str_cmp);

	for (size_t i = 0; i < site->n_pages; i++) {
		const struct page *p = site->pages[i];
		const struct value *list = p->src->aliases;

		for (size_t k = 0; list && k < list->len; k++) {
			const struct value *v = list->items[k];
			const char *file = alias_file(rc->a, v->str);
			struct buf b = BUF_INIT;
			struct output_file *f;

			if (!file) {
				diag_error(rc->d, p->src->path, v->line, v->col,
					   "alias '%s' is not an address on this site; write it from the site's root, like /old/address/",
					   v->str);
				continue;
			}
			if (bsearch(&file, taken, site->n_pages, sizeof(*taken), str_cmp)) {
				diag_error(rc->d, p->src->path, v->line, v->col,
					   "alias '%s' is the address of a page; an alias is an address no page has any more",
					   v->str);
				continue;
			}
			for (size_t j = 0; j < n_seen; j++) {
				if (!strcmp(seen[j], file)) {
					diag_error(rc->d, p->src->path, v->line, v->col,
						   "alias '%s' is given twice (here, or on another page); keep one",
						   v->str);
					file = NULL;
					break;
				}
			}
			if (!file)
				continue;
			if (n_seen == cap_seen) {
				cap_seen = cap_seen ? cap_seen * 2 : 16;
				seen = xrealloc(seen, cap_seen * sizeof(*seen));
			}
			seen[n_seen++] = file;
			redirect_page(&b, site, p);
			f = outputs_add(rc, file, &b);
			f->in_sitemap = false;
		}
	}
	free(seen);
	free(taken);
}
