/*
 * build.c: the pipeline.  Each stage reads the model of the stage before
 * and never reaches back into files: load (config, sources), link (the
 * site model), render (Markdown, templates), write (the output folder,
 * swapped in only when everything succeeded).
 */
#include "build.h"
#include "emit/output.h"
#include "emit/sitemap.h"
#include "load/config.h"
#include "load/source.h"
#include "render/context.h"
#include "render/links.h"
#include "render/markdown.h"
#include "render/theme.h"
#include "site/site.h"
#include "util/buf.h"
#include "util/fs.h"

struct rendered {
	const char *path;     /* relative to the output */
	char *data;           /* owned */
	size_t len;
};

struct run {
	struct arena a;
	struct diags d;
	const struct build_opts *opts;
	struct config cfg;
	struct sources srcs;
	struct site site;
	struct theme *theme;
	struct rendered *out;
	size_t n_out, cap_out;
};

static void add_output(struct run *r, const char *path, struct buf *b)
{
	if (r->n_out == r->cap_out) {
		r->cap_out = r->cap_out ? r->cap_out * 2 : 64;
		r->out = xrealloc(r->out, r->cap_out * sizeof(*r->out));
	}
	r->out[r->n_out].path = path;
	r->out[r->n_out].data = buf_detach(b, &r->out[r->n_out].len);
	r->n_out++;
}

static void render_page(struct run *r, struct value *site_value, const struct page *p)
{
	struct link_ctx lc = { .a = &r->a, .site = &r->site, .page = p, .d = &r->d };
	struct md_links links = { .rewrite = links_rewrite, .ctx = &lc };
	struct md_options mo = {
		.file = p->src->path,
		.first_line = p->src->body_line,
		.unsafe = r->cfg.markdown_unsafe,
		.links = &links,
	};
	struct md_doc doc;
	const struct tmpl *t;
	struct buf html = BUF_INIT;

	if (!md_render(&r->a, p->src->body, p->src->body_len, &mo, &doc, &r->d))
		return;
	t = theme_layout(r->theme, p, &r->d);
	if (!t)
		return;
	if (tmpl_render(t, context_page(&r->a, &r->site, site_value, p, &doc),
			theme_loader(r->theme), &html, &r->d))
		add_output(r, p->out_path, &html);
	buf_free(&html);
}

/* 404.html: the "404" template with the site and a page titled
 * "Page not found". */
static void render_404(struct run *r, struct value *site_value)
{
	const struct tmpl *t = theme_template(r->theme, "404", &r->d);
	struct value *ctx, *page;
	struct buf html = BUF_INIT;

	if (!t) {
		diag_error(&r->d, "themes", 0, 0, "no 404 template (layouts/404.mustache)");
		return;
	}
	ctx = value_map(&r->a);
	page = value_map(&r->a);
	value_map_set_str(&r->a, page, "title", "Page not found");
	value_map_set_str(&r->a, page, "kind", "404");
	value_map_set(&r->a, page, "is_404", value_bool(&r->a, true));
	value_map_set_str(&r->a, page, "url", "/404.html");
	value_map_set(&r->a, ctx, "site", site_value);
	value_map_set(&r->a, ctx, "page", page);
	if (tmpl_render(t, ctx, theme_loader(r->theme), &html, &r->d))
		add_output(r, "404.html", &html);
	buf_free(&html);
}

static void render_all(struct run *r)
{
	struct value *site_value = context_site(&r->a, &r->site);
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < r->site.n_pages; i++)
		render_page(r, site_value, r->site.pages[i]);
	render_404(r, site_value);
	sitemap_xml(&r->site, &b);
	add_output(r, "sitemap.xml", &b);
	sitemap_robots(&r->site, &b);
	add_output(r, "robots.txt", &b);
}

static bool failed(const struct run *r)
{
	return r->d.errors > 0 || (r->opts->strict && r->d.warnings > 0);
}

static bool write_all(struct run *r)
{
	struct output o;
	const char *out_dir = r->opts->out_dir ? r->opts->out_dir :
			      path_join(&r->a, r->opts->site_dir, r->cfg.output);
	bool ok;

	if (!output_begin(&o, &r->a, out_dir, &r->d)) {
		output_end(&o);
		return false;
	}
	ok = output_copy_tree(&o, theme_static_dir(r->theme),
			      arena_printf(&r->a, "themes/%s/static", r->cfg.theme), &r->d);
	ok &= output_copy_tree(&o, path_join(&r->a, r->opts->site_dir, "static"), "static", &r->d);
	/* pages win over static files of the same name */
	for (size_t i = 0; i < r->n_out && ok; i++)
		ok = output_write(&o, r->out[i].path, r->out[i].data, r->out[i].len, &r->d);
	if (ok && !failed(r))
		ok = output_commit(&o, &r->d);
	output_end(&o);
	if (ok && !r->opts->quiet && !failed(r))
		fprintf(stderr, "signpost: built %zu pages, %zu files in %s\n", r->site.n_pages,
			o.files, out_dir);
	return ok;
}

int build_run(const struct build_opts *opts)
{
	struct run r = { .opts = opts, .d = DIAGS_INIT };
	int status;

	arena_init(&r.a);
	if (config_load(&r.a, opts->site_dir, &r.cfg, &r.d)) {
		if (opts->base_url) {
			size_t n = strlen(opts->base_url);
			r.cfg.base_url = n && opts->base_url[n - 1] == '/' ? opts->base_url :
					 arena_printf(&r.a, "%s/", opts->base_url);
		}
		sources_load(&r.a, opts->site_dir, &r.cfg, opts->drafts, &r.srcs, &r.d);
		site_link(&r.a, &r.cfg, opts->site_dir, &r.srcs, &r.site, &r.d);
		r.theme = theme_open(&r.a, opts->site_dir, r.cfg.theme, &r.d);
		if (r.theme)
			render_all(&r);
		if (opts->write && !failed(&r))
			write_all(&r);
	}

	diags_print(&r.d, stderr, opts->format);
	status = failed(&r) ? 1 : 0;
	if (status && opts->write && !opts->quiet)
		fprintf(stderr, "signpost: %zu error%s, %zu warning%s; the output folder was not changed\n",
			r.d.errors, r.d.errors == 1 ? "" : "s", r.d.warnings,
			r.d.warnings == 1 ? "" : "s");
	for (size_t i = 0; i < r.n_out; i++)
		free(r.out[i].data);
	free(r.out);
	diags_free(&r.d);
	arena_free(&r.a);
	return status;
}
