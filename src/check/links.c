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
	size_t inbound;         /* links from other files */
};

/* What a link's path leads to: an index into linker.files, or one of
 * these. */
enum {
	TO_UNKNOWN = -1,        /* not resolved yet */
	TO_OUTSIDE = -2,        /* out of the site ('..' past its root) */
	TO_NOTHING = -3,        /* nothing the site publishes */
	TO_OTHER = -4,          /* a static file or an output that is not HTML */
	TO_MARKDOWN = -5,       /* a .md file left as one: reported when rendered */
};

struct linker {
	struct check_ctx *ctx;
	const struct intern *strings;  /* the outputs' link and id values */
	struct html_file *files;   /* every HTML output, sorted by path */
	size_t n;
	/* per string number: where a link from the site's root leads,
	 * the same from every file, so resolved once */
	long *target;
	struct arena *tmp;         /* for the file being checked */
	struct external_link *ext; /* with --external: links to other sites */
	size_t n_ext, cap_ext;
};

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

/* Reports the ids h uses more than once. */
static void check_ids(struct linker *l, const struct html_file *h)
{
	struct check_ctx *ctx = l->ctx;
	const struct html_refs *r = h->f->refs;

	for (size_t i = 1; i < r->n_ids; i++) {
		const char *id = intern_str(l->strings, r->ids[i]);
		if (r->ids[i] != r->ids[i - 1] || (i > 1 && r->ids[i] == r->ids[i - 2]))
			continue;
		if (h->page >= 0)
			check_report(ctx, RULE_DUPLICATE_ID, h->page, ctx->site->pages[h->page]->src->path,
				     0, 0, "id '%s' is used twice on /%s (a heading and the layout?)",
				     id, h->f->path);
		else
			check_report(ctx, RULE_DUPLICATE_ID, -1, h->f->path, 0, 0,
				     "id '%s' is used twice on this generated page", id);
	}
}

static int num_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static bool has_id(const struct linker *l, const struct html_file *h, const char *id)
{
	uint32_t k = intern_find(l->strings, id, strlen(id));
	return k != INTERN_NONE &&
	       bsearch(&k, h->f->refs->ids, h->f->refs->n_ids, sizeof(k), num_cmp) != NULL;
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
			     arena_printf(l->tmp, "%s (written by the layout)", detail));
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

/* Where path (a link's path, without its query or fragment) leads from
 * file h. */
static long resolve(struct linker *l, struct html_file *h, const char *path)
{
	struct check_ctx *ctx = l->ctx;
	const char *slash = strrchr(h->f->path, '/');
	const char *dir = slash ? arena_strndup(l->tmp, h->f->path, (size_t)(slash - h->f->path)) : "";
	const char *resolved = links_resolve(l->tmp, dir, path), *target;
	struct html_file *t;

	/* a link to a .md file that is still one was reported when the
	 * Markdown was rendered */
	if (text_ends_with(path, ".md"))
		return TO_MARKDOWN;
	if (!resolved)
		return TO_OUTSIDE;
	if (!*resolved || text_ends_with(path, "/"))
		target = *resolved ? arena_printf(l->tmp, "%s/index.html", resolved) : "index.html";
	else
		target = resolved;
	t = find_file(l, target);
	if (!t && !text_ends_with(path, "/"))
		t = find_file(l, arena_printf(l->tmp, "%s/index.html", resolved));
	if (t)
		return t - l->files;
	return find_asset(ctx, target) || outputs_has(ctx->out, target) ? TO_OTHER : TO_NOTHING;
}

/* url is dest (string number k) as a path within the site. */
static void check_internal(struct linker *l, struct html_file *h, uint32_t k, const char *dest,
			   const char *url)
{
	struct check_ctx *ctx = l->ctx;
	const char *hash = strchr(url, '#');
	size_t n = strcspn(url, "?#");
	long to;
	struct html_file *t;

	if (!n) {
		to = h - l->files;
	} else if (url[0] == '/' && l->target[k] != TO_UNKNOWN) {
		to = l->target[k];
	} else {
		to = resolve(l, h, arena_strndup(l->tmp, url, n));
		if (url[0] == '/')
			l->target[k] = to;
	}
	switch (to) {
	case TO_OUTSIDE:
		report(l, RULE_BROKEN_LINK, h, dest, "link to '%s' leads out of the site%s", "");
		return;
	case TO_NOTHING:
		report(l, RULE_BROKEN_LINK, h, dest, "link to '%s' goes to nothing the site publishes%s",
		       "");
		return;
	case TO_OTHER:
	case TO_MARKDOWN:
		return;
	}
	t = &l->files[to];
	if (t != h)
		t->inbound++;
	if (hash && hash[1] && !has_id(l, t, hash + 1))
		report(l, RULE_BROKEN_LINK, h, dest, "link to '%s': no such anchor on the page%s", "");
	/* the layout's links between guides are the site's own navigation */
	if (t != h && is_child_page(ctx, h) && t->page >= 0 && md_link_of(l, h, dest)) {
		const struct page *tp = ctx->site->pages[t->page];
		if (tp->guide && strcmp(tp->guide->style, "child"))
			report(l, RULE_CROSS_GUIDE, h, dest,
			       "a children's page links to '%s'%s, in a guide written for adults",
			       arena_printf(l->tmp, " (%s)", tp->guide->title));
	}
}

static bool is_scheme(const char *url, const char *scheme)
{
	size_t n = strlen(scheme);
	return !strncasecmp(url, scheme, n) && url[n] == ':';
}

static void check_one(struct linker *l, struct html_file *h, uint32_t k)
{
	const char *dest = intern_str(l->strings, k);
	const char *base = l->ctx->site->cfg->base_url;
	size_t nb = strlen(base);

	if (!strncmp(dest, base, nb) && nb > 1) {
		check_internal(l, h, k, dest, arena_printf(l->tmp, "/%s", dest + nb));
	} else if (is_scheme(dest, "mailto")) {
		const char *addr = arena_strndup(l->tmp, dest + 7, strcspn(dest + 7, "?"));
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
		check_internal(l, h, k, dest, dest);
	}
}

/* Every href="…" and src="…" in h. */
static void check_file(struct linker *l, struct html_file *h)
{
	struct arena tmp;

	arena_init(&tmp);
	l->tmp = &tmp;
	for (size_t i = 0; i < h->f->refs->n_links; i++)
		check_one(l, h, h->f->refs->links[i]);
	check_ids(l, h);
	l->tmp = NULL;
	arena_free(&tmp);
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
	struct linker l = { .ctx = ctx, .strings = &ctx->out->strings };
	const struct site *site = ctx->site;

	l.files = xcalloc(ctx->out->n ? ctx->out->n : 1, sizeof(*l.files));
	l.target = xmalloc((l.strings->n ? l.strings->n : 1) * sizeof(*l.target));
	for (size_t i = 0; i < l.strings->n; i++)
		l.target[i] = TO_UNKNOWN;
	for (size_t i = 0; i < ctx->out->n; i++) {
		if (ctx->out->v[i].refs) {
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
	check_orphans(&l);
	if (ctx->external)
		check_external(ctx, l.ext, l.n_ext);
	free(l.ext);
	free(l.target);
	free(l.files);
}
