/*
 * pages.c: the Markdown pages: body through cmark-gfm and our passes,
 * then the page's layout; and 404.html.
 */
#include "render/context.h"
#include "render/links.h"
#include "render/markdown.h"
#include "render/render.h"

struct output_file *outputs_add(struct render_ctx *rc, const char *path, struct buf *b)
{
	struct outputs *o = rc->out;
	struct output_file *f;
	size_t n = strlen(path);

	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->v = xrealloc(o->v, o->cap * sizeof(*o->v));
	}
	f = &o->v[o->n++];
	memset(f, 0, sizeof(*f));
	f->path = path;
	f->data = buf_detach(b, &f->len);
	f->in_sitemap = n >= 5 && !strcmp(path + n - 5, ".html") && strcmp(path, "404.html");
	return f;
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void outputs_check_unique(struct render_ctx *rc)
{
	const struct outputs *o = rc->out;
	const char **v = xcalloc(o->n ? o->n : 1, sizeof(*v));

	for (size_t i = 0; i < o->n; i++)
		v[i] = o->v[i].path;
	qsort(v, o->n, sizeof(*v), path_cmp);
	for (size_t i = 1; i < o->n; i++)
		if (!strcmp(v[i], v[i - 1]) && (i < 2 || strcmp(v[i], v[i - 2])))
			diag_error(rc->d, "content", 0, 0,
				   "two things want to be /%s; rename a page or change its slug", v[i]);
	free(v);
}

void outputs_free(struct outputs *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->v[i].data);
	free(o->v);
	o->v = NULL;
	o->n = o->cap = 0;
}

static struct output_file *render_with(struct render_ctx *rc, const struct tmpl *t,
				       struct value *ctx, const char *path)
{
	struct output_file *f = NULL;
	struct buf html = BUF_INIT;

	value_map_set(rc->a, ctx, "site", rc->site_value);
	if (tmpl_render(t, ctx, theme_loader(rc->theme), &html, rc->d))
		f = outputs_add(rc, path, &html);
	buf_free(&html);
	return f;
}

struct output_file *render_template(struct render_ctx *rc, const char *name,
				    struct value *ctx, const char *path, const char *who)
{
	const struct tmpl *t = theme_template(rc->theme, name, rc->d);

	if (!t) {
		diag_error(rc->d, who, 0, 0, "no template '%s' (layouts/%s.mustache) in the site or its theme",
			   name, name);
		return NULL;
	}
	return render_with(rc, t, ctx, path);
}

/* Arena: the glossary as terms to explain on pages of guide g. */
static struct md_term *guide_terms(struct render_ctx *rc, const struct guide *g)
{
	const struct glossary *gl = rc->site->glossary;
	const struct page *home = rc->site->guide_home[g - rc->site->cfg->guides];
	struct md_term *terms = arena_alloc(rc->a, (gl->n ? gl->n : 1) * sizeof(*terms));

	for (size_t i = 0; i < gl->n; i++) {
		terms[i].match = gl->terms[i].match;
		terms[i].n_match = gl->terms[i].n_match;
		terms[i].url = arena_printf(rc->a, "%swords/#%s", home ? home->url : "/",
					    gl->terms[i].id);
	}
	return terms;
}

static void render_page(struct render_ctx *rc, const struct page *p, struct md_doc *doc,
			struct md_term **terms)
{
	const struct site *site = rc->site;
	struct link_ctx lc = { .a = rc->a, .site = site, .page = p, .d = rc->d };
	struct md_links links = { .rewrite = links_rewrite, .ctx = &lc };
	struct md_options mo = {
		.file = p->src->path,
		.first_line = p->src->body_line,
		.unsafe = site->cfg->markdown_unsafe,
		.links = &links,
	};
	const struct tmpl *t;

	/* explain glossary words on their first use in each guide page */
	if (p->guide && rc->site->glossary && rc->site->glossary->n) {
		size_t gi = (size_t)(p->guide - site->cfg->guides);
		if (!terms[gi])
			terms[gi] = guide_terms(rc, p->guide);
		mo.terms = terms[gi];
		mo.n_terms = rc->site->glossary->n;
	}
	struct output_file *f;

	if (!md_render(rc->a, p->src->body, p->src->body_len, &mo, doc, rc->d))
		return;
	t = theme_layout(rc->theme, p, rc->d);
	if (!t)
		return;
	f = render_with(rc, t, context_page(rc->a, site, rc->site_value, p, doc), p->out_path);
	if (f)
		f->lastmod = p->src->last_reviewed;
}

/* 404.html: the "404" template with a page titled "Page not found". */
static void render_404(struct render_ctx *rc)
{
	struct value *ctx = value_map(rc->a), *page = value_map(rc->a);

	value_map_set_str(rc->a, page, "title", "Page not found");
	value_map_set_str(rc->a, page, "kind", "404");
	value_map_set(rc->a, page, "is_404", value_bool(rc->a, true));
	value_map_set_str(rc->a, page, "url", "/404.html");
	value_map_set(rc->a, ctx, "page", page);
	render_template(rc, "404", ctx, "404.html", "themes");
}

void render_pages(struct render_ctx *rc)
{
	struct md_term **terms;

	rc->docs = arena_alloc(rc->a, (rc->site->n_pages ? rc->site->n_pages : 1) *
				      sizeof(*rc->docs));
	terms = arena_alloc(rc->a, (rc->site->cfg->n_guides + 1) * sizeof(*terms));

	for (size_t i = 0; i < rc->site->n_pages; i++)
		render_page(rc, rc->site->pages[i], &rc->docs[i], terms);
	render_404(rc);
}
