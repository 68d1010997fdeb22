/*
 * build.c: the pipeline.  Each stage reads the model of the stage before
 * and never reaches back into files: load (config, pages, glossary,
 * directory records, events, static files), link (the site model and
 * the directory's facets), render (pages, guides, directory, open data,
 * events, news, search index, sitemap), check (links, accessibility,
 * reading level, topics, freshness).  Each file is written into a
 * staging folder as soon as it is made; the staging folder is swapped
 * in for the output folder only when everything succeeded.
 */
#include "build.h"
#include "check/check.h"
#include "emit/openreferral.h"
#include "emit/output.h"
#include "emit/search.h"
#include "emit/sitemap.h"
#include "load/assets.h"
#include "load/config.h"
#include "load/directory.h"
#include "load/events.h"
#include "load/source.h"
#include "render/context.h"
#include "render/directory.h"
#include "render/events.h"
#include "render/news.h"
#include "render/render.h"
#include "site/directory.h"
#include "site/site.h"
#include "util/buf.h"
#include "util/datetime.h"
#include "util/fs.h"

#include <time.h>

struct run {
	struct arena a;
	struct diags d;
	const struct build_opts *opts;
	struct config cfg;
	struct sources srcs;
	struct directory dir;
	struct glossary glossary;
	struct events events;
	struct site site;
	struct theme *theme;
	struct assets assets;
	struct outputs out;
	struct search_docs search;
	const char *today;
	struct output staging;
	bool writing;             /* staging is open */
	size_t written;           /* files in the new output, once swapped in */
	const char *out_dir;
};

/* Arena: the build's date, YYYY-MM-DD in UTC, from the build time
 * (SOURCE_DATE_EPOCH when it is set, so builds can be repeated). */
static const char *build_today(struct arena *a, struct diags *d)
{
	bool pinned;
	time_t t = (time_t)dt_build_time(&pinned, d);
	struct tm tm;

	gmtime_r(&t, &tm);
	return arena_printf(a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The relative paths of the static files, for the link checks. */
static const char *const *asset_paths(struct run *r)
{
	const char **v = arena_alloc(&r->a, (r->assets.n ? r->assets.n : 1) * sizeof(*v));
	for (size_t i = 0; i < r->assets.n; i++)
		v[i] = r->assets.v[i].rel;
	return v;
}

/* The content checks, on what the renderers made. */
static void check_all(struct run *r, const struct md_doc *docs)
{
	struct check_ctx cc = {
		.a = &r->a, .d = &r->d, .site = &r->site, .out = &r->out, .docs = docs,
		.today = r->today, .assets = asset_paths(r), .n_assets = r->assets.n,
		.external = r->opts->external,
	};
	check_site(&cc);
}

/* Every renderer, then the files that list what they made, then the
 * checks. */
static void render_all(struct run *r)
{
	struct render_ctx rc = {
		.a = &r->a, .d = &r->d, .site = &r->site, .theme = r->theme, .out = &r->out,
		.jobs = r->opts->jobs, .search = &r->search,
	};
	struct buf b = BUF_INIT;

	rc.site_value = context_site(&r->a, &r->site);
	render_pages(&rc);
	render_guides(&rc);
	render_directory(&rc);
	openreferral_emit(&rc);
	render_events(&rc, &r->events);
	render_news(&rc);
	search_emit(&rc, &r->search);
	sitemap_xml(&r->site, &r->out, &b);
	outputs_add(&rc, "sitemap.xml", &b);
	sitemap_robots(&r->site, &b);
	outputs_add(&rc, "robots.txt", &b);
	outputs_check_unique(&r->out, &r->d);
	check_all(r, rc.docs);
}

static bool failed(const struct run *r)
{
	return r->d.errors > 0 || (r->opts->strict && r->d.warnings > 0);
}

/* Opens the staging folder beside the output and copies the static
 * files in, before the renderers write theirs (so a page wins over a
 * static file of the same name).  False after a diagnostic. */
static bool begin_output(struct run *r)
{
	/* config's output is relative to the site, unless absolute */
	const char *out_dir = r->opts->out_dir ? r->opts->out_dir :
			      r->cfg.output[0] == '/' ? r->cfg.output :
			      path_join(&r->a, r->opts->site_dir, r->cfg.output);
	bool ok = true;

	if (!output_outside_site(&r->a, out_dir, r->opts->site_dir, &r->d))
		return false;
	r->writing = true;
	if (!output_begin(&r->staging, &r->a, out_dir, &r->d))
		return false;
	for (size_t i = 0; i < r->assets.n && ok; i++)
		ok = output_copy(&r->staging, r->assets.v[i].path, r->assets.v[i].shown,
				 r->assets.v[i].rel, &r->d);
	return ok;
}

/* Swaps the new site in when the build succeeded; else the staging
 * folder goes and the output folder is as it was. */
static void end_output(struct run *r)
{
	if (!failed(r) && !atomic_load(&r->out.write_failed) &&
	    output_commit(&r->staging, &r->d)) {
		r->written = atomic_load(&r->staging.files);
		r->out_dir = r->staging.final_dir;
	}
	output_end(&r->staging);
}

int build_run(const struct build_opts *opts)
{
	struct run r = { .opts = opts, .d = DIAGS_INIT };
	int status;

	arena_init(&r.a);
	outputs_init(&r.out, NULL);
	r.today = build_today(&r.a, &r.d);
	if (config_load(&r.a, opts->site_dir, &r.cfg, &r.d)) {
		if (opts->base_url) {
			size_t n = strlen(opts->base_url);
			r.cfg.base_url = n && opts->base_url[n - 1] == '/' ? opts->base_url :
					 arena_printf(&r.a, "%s/", opts->base_url);
		}
		sources_load(&r.a, opts->site_dir, &r.cfg, opts->drafts, &r.srcs, &r.d);
		glossary_load(&r.a, opts->site_dir, &r.cfg, &r.glossary, &r.d);
		directory_load(&r.a, opts->site_dir, r.today, &r.dir, &r.d);
		events_init(&r.a, opts->site_dir, &r.cfg, &r.events, &r.d);
		events_load(&r.a, opts->site_dir, &r.cfg, &r.events, &r.d);
		site_link(&r.a, &r.cfg, opts->site_dir, &r.srcs, &r.site, &r.d);
		r.site.directory = directory_model_link(&r.a, &r.site, &r.dir, &r.d);
		r.site.events = &r.events;
		r.site.glossary = &r.glossary;
		r.theme = theme_open(&r.a, opts->site_dir, r.cfg.theme, &r.d);
		if (r.theme) {
			const char *shown[2], *dirs[2];
			dirs[0] = theme_static_dir(r.theme, &shown[0]);
			dirs[1] = path_join(&r.a, opts->site_dir, "static");
			shown[1] = "static";
			assets_load(&r.a, dirs, shown, 2, &r.assets, &r.d);
			/* when the output cannot be opened, the checks still run */
			if (opts->write && !failed(&r) && begin_output(&r))
				r.out.writer = &r.staging;
			render_all(&r);
			if (r.writing)
				end_output(&r);
		}
	}

	/* a JUnit report is a file for CI to keep: standard output */
	diags_print(&r.d, opts->format == DIAG_JUNIT ? stdout : stderr, opts->format);
	status = failed(&r) ? 1 : 0;
	if (r.out_dir && !opts->quiet && opts->format != DIAG_JUNIT)
		fprintf(stderr, "signpost: built %zu page%s, %zu files in %s\n", r.site.n_pages,
			r.site.n_pages == 1 ? "" : "s", r.written, r.out_dir);
	if (status && opts->write && !opts->quiet && opts->format != DIAG_JUNIT)
		fprintf(stderr, "signpost: %zu error%s, %zu warning%s; the output folder was not changed\n",
			r.d.errors, r.d.errors == 1 ? "" : "s", r.d.warnings,
			r.d.warnings == 1 ? "" : "s");
	outputs_free(&r.out);
	search_docs_free(&r.search);
	if (opts->keep_diags)
		*opts->keep_diags = r.d;
	else
		diags_free(&r.d);
	arena_free(&r.a);
	return status;
}
