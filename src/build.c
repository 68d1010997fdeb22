/*
 * build.c: the pipeline.  Each stage reads the model of the stage before
 * and never reaches back into files: load (config, sources), link (the
 * site model), render (Markdown, templates), write (the output folder,
 * swapped in only when everything succeeded).
 */
#include "build.h"
#include "check/content.h"
#include "emit/output.h"
#include "emit/sitemap.h"
#include "load/config.h"
#include "load/source.h"
#include "render/context.h"
#include "render/render.h"
#include "site/site.h"
#include "util/buf.h"
#include "util/fs.h"

struct run {
	struct arena a;
	struct diags d;
	const struct build_opts *opts;
	struct config cfg;
	struct sources srcs;
	struct glossary glossary;
	struct site site;
	struct theme *theme;
	struct outputs out;
};

/* Every renderer, then the files that list what they made. */
static void render_all(struct run *r)
{
	struct render_ctx rc = {
		.a = &r->a, .d = &r->d, .site = &r->site, .theme = r->theme, .out = &r->out,
	};
	struct buf b = BUF_INIT;

	rc.site_value = context_site(&r->a, &r->site);
	render_pages(&rc);
	render_guides(&rc);
	check_readability(&r->a, &r->site, rc.docs, &r->d);
	check_required_topics(&r->site, &r->d);
	sitemap_xml(&r->site, &r->out, &b);
	outputs_add(&rc, "sitemap.xml", &b);
	sitemap_robots(&r->site, &b);
	outputs_add(&rc, "robots.txt", &b);
	outputs_check_unique(&rc);
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
	const char *shown, *theme_static = theme_static_dir(r->theme, &shown);
	bool ok;

	if (!output_begin(&o, &r->a, out_dir, &r->d)) {
		output_end(&o);
		return false;
	}
	ok = output_copy_tree(&o, theme_static, shown, &r->d);
	ok &= output_copy_tree(&o, path_join(&r->a, r->opts->site_dir, "static"), "static", &r->d);
	/* pages win over static files of the same name */
	for (size_t i = 0; i < r->out.n && ok; i++)
		ok = output_write(&o, r->out.v[i].path, r->out.v[i].data, r->out.v[i].len, &r->d);
	if (ok && !failed(r))
		ok = output_commit(&o, &r->d);
	output_end(&o);
	if (ok && !r->opts->quiet && !failed(r))
		fprintf(stderr, "signpost: built %zu page%s, %zu files in %s\n", r->site.n_pages, r->site.n_pages == 1 ? "" : "s",
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
		glossary_load(&r.a, opts->site_dir, &r.cfg, &r.glossary, &r.d);
		site_link(&r.a, &r.cfg, opts->site_dir, &r.srcs, &r.site, &r.d);
		r.site.glossary = &r.glossary;
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
	outputs_free(&r.out);
	diags_free(&r.d);
	arena_free(&r.a);
	return status;
}
