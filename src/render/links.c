/*
 * links.c: Markdown-file links to URLs.
 */
#include "render/links.h"

const char *links_resolve(struct arena *a, const char *dir, const char *rel)
{
	const char *segs[256];
	size_t n = 0;
	char *buf;
	const char *parts[2];

	if (rel[0] == '/') {
		parts[0] = "";
		rel++;
	} else {
		parts[0] = dir;
	}
	parts[1] = rel;
	for (int k = 0; k < 2; k++) {
		const char *p = parts[k];
		while (*p) {
			const char *slash = strchr(p, '/');
			size_t len = slash ? (size_t)(slash - p) : strlen(p);
			if (len == 0 || (len == 1 && p[0] == '.')) {
				/* skip */
			} else if (len == 2 && p[0] == '.' && p[1] == '.') {
				if (n == 0)
					return NULL;
				n--;
			} else {
				if (n == ARRAY_LEN(segs))
					return NULL;
				segs[n++] = arena_strndup(a, p, len);
			}
			p += len;
			if (*p == '/')
				p++;
		}
	}
	if (n == 0)
		return "";
	buf = (char *)segs[0];
	for (size_t i = 1; i < n; i++)
		buf = arena_printf(a, "%s/%s", buf, segs[i]);
	return buf;
}

const char *links_rewrite(void *ctx, const char *dest, int line, int col)
{
	struct link_ctx *c = ctx;
	const char *frag = strpbrk(dest, "?#");
	size_t path_len = frag ? (size_t)(frag - dest) : strlen(dest);
	const char *path = arena_strndup(c->a, dest, path_len);
	const char *target;
	const struct page *p;

	if (path_len < 3 || strcmp(path + path_len - 3, ".md"))
		return NULL;
	target = links_resolve(c->a, c->page->src->dir, path);
	if (!target) {
		diag_error(c->d, c->page->src->path, line, col,
			   "link to '%s' leads out of the content folder", path);
		return NULL;
	}
	p = site_page_by_rel(c->site, target);
	if (!p && sources_is_draft(c->site->sources, target)) {
		diag_error(c->d, c->page->src->path, line, col,
			   "link to '%s' points to a draft (draft: true in content/%s); publish it or remove the link",
			   path, target);
		return NULL;
	}
	if (!p) {
		diag_error(c->d, c->page->src->path, line, col,
			   "link to '%s' points to a page that does not exist (content/%s)", path,
			   target);
		return NULL;
	}
	return frag ? arena_printf(c->a, "%s%s", p->url, frag) : p->url;
}
