/*
 * links.c (check): every link and image in every HTML file the build
 * made, resolved against the other files: pages, generated pages,
 * static files, and the ids they hold for #anchors.  A broken link is
 * reported at the Markdown line that wrote it when there is one, else
 * at the page's source (the layout wrote it).  Also: mailto: and tel:
 * links, external URLs, links from a child-style guide into another
 * guide, pages nothing links to.
 */
#include "check/check.h"
#include "render/links.h"
#include "util/buf.h"
#include "util/text.h"

#include <ctype.h>
#include <strings.h>

struct html_file {
	const struct output_file *f;
	long page;              /* index in site->pages, or -1 */
	const char **ids;       /* sorted, NULL until first needed */
	size_t n_ids;
	size_t inbound;         /* links from other files */
};

struct linker {
	struct check_ctx *ctx;
	struct html_file *files;   /* every HTML output, sorted by path */
	size_t n;
	struct external_link *ext; /* with --external: links to other sites */
	size_t n_ext, cap_ext;
};

static bool ends_with(const char *s, const char *tail)
{
	size_t ls = strlen(s), lt = strlen(tail);
	return ls >= lt && !strcmp(s + ls - lt, tail);
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct html_file *)a)->f->path,
		      ((const struct html_file *)b)->f->path);
}

static struct html_file *find_file(struct linker *l, const char *path)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(l->files[mid].f->path, path);
		if (!c)
			return &l->files[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool find_output(const struct outputs *o, const char *path)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->v[i].path, path))
			return true;
	return false;
}

static bool find_asset(const struct check_ctx *ctx, const char *path)
{
	size_t lo = 0, hi = ctx->n_assets;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ctx->assets[mid], path);
		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Arena: the attribute value at s (after the opening quote) up to its
 * closing quote, with the entities our escaping writes decoded. */
static const char *attr_value(struct arena *a, const char *s, const char *end)
{
	struct buf b = BUF_INIT;
	const char *out;

	while (s < end) {
		static const struct { const char *ent; char c; } ents[] = {
			{ "&amp;", '&' }, { "&quot;", '"' }, { "&#39;", '\'' }, { "&lt;", '<' },
			{ "&gt;", '>' },
		};
		size_t k;
		for (k = 0; k < ARRAY_LEN(ents); k++)
			if (!strncmp(s, ents[k].ent, strlen(ents[k].ent)))
				break;
		if (k < ARRAY_LEN(ents)) {
			buf_addc(&b, ents[k].c);
			s += strlen(ents[k].ent);
		} else {
			buf_addc(&b, *s++);
		}
	}
	out = arena_strndup(a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collects the ids of an HTML file, and reports ids used twice. */
static void load_ids(struct linker *l, struct html_file *h)
{
	struct check_ctx *ctx = l->ctx;
	const char *s = h->f->data, *end = s + h->f->len;
	size_t cap = 0;

	h->ids = NULL;
	while ((s = strstr(s, " id=\"")) && s < end) {
		const char *v = s + 5, *q = memchr(v, '"', (size_t)(end - v));
		if (!q)
			break;
		if (h->n_ids == cap) {
			cap = cap ? cap * 2 : 32;
			const char **nv = arena_alloc(ctx->a, cap * sizeof(*nv));
			if (h->n_ids)
				memcpy(nv, h->ids, h->n_ids * sizeof(*nv));
			h->ids = nv;
		}
		h->ids[h->n_ids++] = attr_value(ctx->a, v, q);
		s = q;
	}
	if (!h->ids)
		h->ids = arena_alloc(ctx->a, sizeof(*h->ids));
	qsort(h->ids, h->n_ids, sizeof(*h->ids), str_cmp);
	for (size_t i = 1; i < h->n_ids; i++) {
		if (strcmp(h->ids[i], h->ids[i - 1]) || (i > 1 && !strcmp(h->ids[i], h->ids[i - 2])))
			continue;
		if (h->page >= 0)
			check_report(ctx, RULE_DUPLICATE_ID, h->page, ctx->site->pages[h->page]->src->path,
				     0, 0, "id '%s' is used twice on /%s (a heading and the layout?)",
				     h->ids[i], h->f->path);
		else
			check_report(ctx, RULE_DUPLICATE_ID, -1, h->f->path, 0, 0,
				     "id '%s' is used twice on this generated page", h->ids[i]);
	}
}

static bool has_id(struct linker *l, struct html_file *h, const char *id)
{
	if (!h->ids)
		load_ids(l, h);
	return bsearch(&id, h->ids, h->n_ids, sizeof(*h->ids), str_cmp) != NULL;
}

/* Borrowed: the Markdown link of h's page that wrote dest, or NULL. */
static const struct md_link *md_link_of(const struct linker *l, const struct html_file *h,
					const char *dest)
{
	const struct md_doc *doc;

	if (h->page < 0)
		return NULL;
	doc = &l->ctx->docs[h->page];
	for (size_t i = 0; i < doc->n_links; i++)
		if (!strcmp(doc->links[i].dest, dest))
			return &doc->links[i];
	return NULL;
}

/* Where a problem in file h about link dest should be reported: the
 * Markdown line that wrote it, else the page's source, else the file. */
static void report(struct linker *l, enum check_rule rule, struct html_file *h,
		   const char *dest, const char *fmt, const char *detail)
{
	struct check_ctx *ctx = l->ctx;
	const struct page *p = h->page >= 0 ? ctx->site->pages[h->page] : NULL;
	const struct md_link *ml = md_link_of(l, h, dest);

	if (ml) {
		check_report(ctx, rule, h->page, p->src->path, ml->line, ml->col, fmt, dest, detail);
		return;
	}
	if (p) {
		check_report(ctx, rule, h->page, p->src->path, 0, 0, fmt, dest,
			     arena_printf(ctx->a, "%s (written by the layout)", detail));
		return;
	}
	check_report(ctx, rule, -1, h->f->path, 0, 0, fmt, dest, detail);
}

/* Remembers an external link for check_external, with the place a
 * problem with it should be reported, as report() would choose it. */
static void add_external(struct linker *l, struct html_file *h, const char *dest)
{
	struct check_ctx *ctx = l->ctx;
	const struct page *p = h->page >= 0 ? ctx->site->pages[h->page] : NULL;
	const struct md_link *ml = md_link_of(l, h, dest);

	if (l->n_ext == l->cap_ext) {
		l->cap_ext = l->cap_ext ? l->cap_ext * 2 : 64;
		l->ext = xrealloc(l->ext, l->cap_ext * sizeof(*l->ext));
	}
	l->ext[l->n_ext++] = (struct external_link){
		.url = dest,
		.file = p ? p->src->path : h->f->path,
		.line = ml ? ml->line : 0,
		.col = ml ? ml->col : 0,
		.page = h->page,
	};
}

static bool is_child_page(const struct check_ctx *ctx, const struct html_file *h)
{
	const struct page *p = h->page >= 0 ? ctx->site->pages[h->page] : NULL;
	return p && p->guide && !strcmp(p->guide->style, "child");
}

static void check_internal(struct linker *l, struct html_file *h, const char *dest,
			   const char *url)
{
	struct check_ctx *ctx = l->ctx;
	const char *hash = strchr(url, '#');
	const char *q = strpbrk(url, "?#");
	const char *path = q ? arena_strndup(ctx->a, url, (size_t)(q - url)) : url;
	const char *dir, *resolved, *target;
	struct html_file *t;

	/* a link to a .md file that is still one was reported when the
	 * Markdown was rendered */
	if (ends_with(path, ".md"))
		return;
	if (!*path) {
		t = h;
	} else {
		const char *slash = strrchr(h->f->path, '/');
		dir = slash ? arena_strndup(ctx->a, h->f->path, (size_t)(slash - h->f->path)) : "";
		resolved = links_resolve(ctx->a, dir, path);
		if (!resolved) {
			report(l, RULE_BROKEN_LINK, h, dest, "link to '%s' leads out of the site%s", "");
			return;
		}
		if (!*resolved || ends_with(path, "/"))
			target = *resolved ? arena_printf(ctx->a, "%s/index.html", resolved) : "index.html";
		else
			target = resolved;
		t = find_file(l, target);
		if (!t && !ends_with(path, "/"))
			t = find_file(l, arena_printf(ctx->a, "%s/index.html", resolved));
		if (!t) {
			if (!find_asset(ctx, target) && !find_output(ctx->out, target))
				report(l, RULE_BROKEN_LINK, h, dest,
				       "link to '%s' goes to nothing the site publishes%s", "");
			return;
		}
		if (t != h)
			t->inbound++;
	}
	if (hash && hash[1] && !has_id(l, t, hash + 1))
		report(l, RULE_BROKEN_LINK, h, dest, "link to '%s': no such anchor on the page%s", "");
	/* the layout's links between guides are the site's own navigation */
	if (t != h && is_child_page(ctx, h) && t->page >= 0 && md_link_of(l, h, dest)) {
		const struct page *tp = ctx->site->pages[t->page];
		if (tp->guide && strcmp(tp->guide->style, "child"))
			report(l, RULE_CROSS_GUIDE, h, dest,
			       "a children's page links to '%s'%s, in a guide written for adults",
			       arena_printf(ctx->a, " (%s)", tp->guide->title));
	}
}

static bool is_scheme(const char *url, const char *scheme)
{
	size_t n = strlen(scheme);
	return !strncasecmp(url, scheme, n) && url[n] == ':';
}

static void check_one(struct linker *l, struct html_file *h, const char *dest)
{
	const char *base = l->ctx->site->cfg->base_url;
	size_t nb = strlen(base);

	if (!strncmp(dest, base, nb) && nb > 1) {
		check_internal(l, h, dest, arena_printf(l->ctx->a, "/%s", dest + nb));
	} else if (is_scheme(dest, "mailto")) {
		const char *addr = arena_strndup(l->ctx->a, dest + 7, strcspn(dest + 7, "?"));
		if (!text_is_email(addr))
			report(l, RULE_CONTACT_LINK, h, dest, "'%s' is not a well-formed email link%s", "");
	} else if (is_scheme(dest, "tel") || is_scheme(dest, "sms")) {
		if (!text_is_phone(dest + 4))
			report(l, RULE_CONTACT_LINK, h, dest, "'%s' is not a well-formed phone link%s", "");
	} else if (is_scheme(dest, "http") || is_scheme(dest, "https")) {
		const char *host = strstr(dest, "://");
		size_t hl = host ? strcspn(host + 3, "/?#") : 0;
		bool ok = host && host == strchr(dest, ':') && hl > 0 && !strpbrk(dest, " <>\"\\{}|^`");
		for (size_t i = 0; ok && i < hl; i++) {
			char c = host[3 + i];
			ok = isalnum((unsigned char)c) || c == '.' || c == '-' || c == ':' ||
			     (unsigned char)c >= 0x80;
		}
		if (!ok)
			report(l, RULE_EXTERNAL_URL, h, dest, "'%s' is not a well-formed web address%s", "");
		else if (l->ctx->external)
			add_external(l, h, dest);
	} else if (!strncmp(dest, "//", 2)) {
		report(l, RULE_EXTERNAL_URL, h, dest,
		       "'%s' leaves the scheme to the browser; write https:// in full%s", "");
	} else if (!strpbrk(dest, ":") || strpbrk(dest, ":") > strpbrk(dest, "/?#")) {
		check_internal(l, h, dest, dest);
	}
}

/* Every href="…" and src="…" in h. */
static void check_file(struct linker *l, struct html_file *h)
{
	static const char *const attrs[] = { " href=\"", " src=\"" };
	const char *data = h->f->data, *end = data + h->f->len;

	for (size_t k = 0; k < ARRAY_LEN(attrs); k++) {
		const char *s = data;
		size_t n = strlen(attrs[k]);
		while ((s = strstr(s, attrs[k])) && s < end) {
			const char *v = s + n, *q = memchr(v, '"', (size_t)(end - v));
			if (!q)
				break;
			check_one(l, h, attr_value(l->ctx->a, v, q));
			s = q;
		}
	}
}

static void check_orphans(struct linker *l)
{
	struct check_ctx *ctx = l->ctx;
	for (size_t i = 0; i < l->n; i++) {
		const struct html_file *h = &l->files[i];
		const struct page *p;
		if (h->page < 0 || h->inbound)
			continue;
		p = ctx->site->pages[h->page];
		if (p->kind == PAGE_HOME)
			continue;
		check_report(ctx, RULE_ORPHAN, h->page, p->src->path, 0, 0,
			     "no page links to %s; link to it or put it in a guide's folder", p->url);
	}
}

void check_links(struct check_ctx *ctx)
{
	struct linker l = { .ctx = ctx };
	const struct site *site = ctx->site;

	l.files = xcalloc(ctx->out->n ? ctx->out->n : 1, sizeof(*l.files));
	for (size_t i = 0; i < ctx->out->n; i++) {
		if (ends_with(ctx->out->v[i].path, ".html")) {
			l.files[l.n].f = &ctx->out->v[i];
			l.files[l.n].page = -1;
			l.n++;
		}
	}
	qsort(l.files, l.n, sizeof(*l.files), file_cmp);
	for (size_t i = 0; i < site->n_pages; i++) {
		struct html_file *h = find_file(&l, site->pages[i]->out_path);
		if (h)
			h->page = (long)i;
	}
	for (size_t i = 0; i < l.n; i++)
		check_file(&l, &l.files[i]);
	for (size_t i = 0; i < l.n; i++)
		if (!l.files[i].ids)
			load_ids(&l, &l.files[i]);
	check_orphans(&l);
	if (ctx->external)
		check_external(ctx, l.ext, l.n_ext);
	free(l.ext);
	free(l.files);
}
