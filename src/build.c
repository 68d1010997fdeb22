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
#include "render/aliases.h"
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

#include <pthread.h>
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
	struct render_ctx rc;     /* the renderers', kept for serve's updates */
	const char *today;
	struct output staging;
	bool writing;             /* staging is open */
	size_t written;           /* files in the new output, once swapped in */
	const char *out_dir;
	bool swapped;             /* this run swapped a new site in */
	bool keep_model;          /* serve's session: keep what updates need */
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

/* The print pages' sections, once the print pages are made. */
static void close_print(struct render_ctx *rc)
{
	if (rc->print)
		spool_close(rc->print);
	rc->print = NULL;
}

/* Every renderer, then the files that list what they made, then the
 * checks. */
static void render_all(struct run *r)
{
	struct render_ctx *rc = &r->rc;
	struct buf b = BUF_INIT;

	*rc = (struct render_ctx){
		.a = &r->a, .d = &r->d, .site = &r->site, .theme = r->theme, .out = &r->out,
		.jobs = r->opts->jobs, .search = &r->search,
	};
	rc->site_value = context_site(&r->a, &r->site);
	render_pages(rc);
	render_guides(rc);
	if (!r->keep_model)
		close_print(rc);
	render_directory(rc);
	openreferral_emit(rc);
	render_events(rc, &r->events);
	render_news(rc);
	render_aliases(rc);
	search_emit(rc, &r->search);
	sitemap_xml(&r->site, &r->out, &b);
	outputs_add(rc, "sitemap.xml", &b);
	sitemap_robots(&r->site, &b);
	outputs_add(rc, "robots.txt", &b);
	outputs_check_unique(&r->out, &r->d);
	check_all(r, rc->docs);
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
		r->swapped = true;
	}
	output_end(&r->staging);
}

static void run_init(struct run *r, const struct build_opts *opts)
{
	memset(r, 0, sizeof(*r));
	r->opts = opts;
	r->d = (struct diags)DIAGS_INIT;
	arena_init(&r->a);
	outputs_init(&r->out, NULL);
}

/* The directory's records, loaded on a thread of their own (with an
 * arena and diagnostics of their own) while the pages load. */
struct dir_load {
	struct run *r;
	struct arena a;
	struct diags d;
};

static void *load_directory(void *arg)
{
	struct dir_load *dl = arg;

	directory_load(&dl->a, dl->r->opts->site_dir, dl->r->today, &dl->r->dir, &dl->d);
	return NULL;
}

/* The two largest loads at once: neither reads what the other makes. */
static void load_pages_and_directory(struct run *r)
{
	struct dir_load dl = { .r = r, .d = DIAGS_INIT };
	pthread_t t;
	bool threaded = r->opts->jobs > 1;

	arena_init(&dl.a);
	if (threaded && pthread_create(&t, NULL, load_directory, &dl))
		threaded = false;
	sources_load(&r->a, r->opts->site_dir, &r->cfg, r->opts->drafts, &r->srcs, &r->d);
	if (threaded)
		pthread_join(t, NULL);
	else
		load_directory(&dl);
	arena_adopt(&r->a, &dl.a);
	diags_merge(&r->d, &dl.d);
}

/* Load, link, render, check, and (when writing) swap the new site in. */
static void run_build(struct run *r)
{
	const struct build_opts *opts = r->opts;

	r->today = build_today(&r->a, &r->d);
	if (!config_load(&r->a, opts->site_dir, &r->cfg, &r->d))
		return;
	if (opts->base_url) {
		size_t n = strlen(opts->base_url);
		r->cfg.base_url = n && opts->base_url[n - 1] == '/' ? opts->base_url :
				  arena_printf(&r->a, "%s/", opts->base_url);
	}
	load_pages_and_directory(r);
	glossary_load(&r->a, opts->site_dir, &r->cfg, &r->glossary, &r->d);
	events_init(&r->a, opts->site_dir, &r->cfg, &r->events, &r->d);
	events_load(&r->a, opts->site_dir, &r->cfg, &r->events, &r->d);
	site_link(&r->a, &r->cfg, opts->site_dir, &r->srcs, &r->site, &r->d);
	r->site.directory = directory_model_link(&r->a, &r->site, &r->dir, &r->d);
	r->site.events = &r->events;
	r->site.glossary = &r->glossary;
	r->theme = theme_open(&r->a, opts->site_dir, r->cfg.theme, &r->d);
	if (r->theme) {
		const char *shown[2], *dirs[2];
		dirs[0] = theme_static_dir(r->theme, &shown[0]);
		dirs[1] = path_join(&r->a, opts->site_dir, "static");
		shown[1] = "static";
		assets_load(&r->a, dirs, shown, 2, &r->assets, &r->d);
		/* when the output cannot be opened, the checks still run */
		if (opts->write && !failed(r) && begin_output(r))
			r->out.writer = &r->staging;
		render_all(r);
		if (r->writing)
			end_output(r);
		r->out.writer = NULL;
	}
}

/* Prints the diagnostics and the summary, hands the diagnostics over
 * (opts->keep_diags) or frees them; returns the exit status. */
static int run_report(struct run *r)
{
	const struct build_opts *opts = r->opts;
	int status = failed(r) ? 1 : 0;

	/* a JUnit report is a file for CI to keep: standard output */
	diags_print(&r->d, opts->format == DIAG_JUNIT ? stdout : stderr, opts->format);
	if (r->swapped && !opts->quiet && opts->format != DIAG_JUNIT)
		fprintf(stderr, "signpost: built %zu page%s, %zu files in %s\n", r->site.n_pages,
			r->site.n_pages == 1 ? "" : "s", r->written, r->out_dir);
	if (status && opts->write && !opts->quiet && opts->format != DIAG_JUNIT)
		fprintf(stderr, "signpost: %zu error%s, %zu warning%s; the output folder was not changed\n",
			r->d.errors, r->d.errors == 1 ? "" : "s", r->d.warnings,
			r->d.warnings == 1 ? "" : "s");
	r->swapped = false;
	if (opts->keep_diags)
		*opts->keep_diags = r->d;
	else
		diags_free(&r->d);
	r->d = (struct diags)DIAGS_INIT;
	return status;
}

static void run_free(struct run *r)
{
	close_print(&r->rc);
	outputs_free(&r->out);
	search_docs_free(&r->search);
	diags_free(&r->d);
	arena_free(&r->a);
}

int build_run(const struct build_opts *opts)
{
	struct run r;
	int status;

	run_init(&r, opts);
	run_build(&r);
	status = run_report(&r);
	run_free(&r);
	return status;
}

/* ---- serve's session: a build kept for updates ---- */

struct build_session {
	struct build_opts opts;
	struct run r;
	/* the last build wrote the site without a single diagnostic, so
	 * an update need only look at what changed */
	bool clean;
};

static int session_build(struct build_session *s)
{
	run_init(&s->r, &s->opts);
	s->r.keep_model = true;
	run_build(&s->r);
	s->clean = s->r.out_dir && s->r.d.n == 0;
	return run_report(&s->r);
}

struct build_session *build_session_open(const struct build_opts *opts, int *status)
{
	struct build_session *s = xcalloc(1, sizeof(*s));

	s->opts = *opts;
	s->opts.write = true;
	*status = session_build(s);
	return s;
}

/* The page whose source file is path (relative to the site), or NULL. */
static long page_of_file(const struct run *r, const char *path)
{
	for (size_t i = 0; i < r->site.n_pages; i++)
		if (!strcmp(r->site.pages[i]->src->path, path))
			return (long)i;
	return -1;
}

/*
 * A page's body changed and nothing above it: renders that page again,
 * and what shows its body (its guide's print page, the news feed for a
 * post, the search index), checks the whole site as a build would, and
 * replaces the changed files in the live site when there is no error.
 * False, having changed nothing, when the change is not of that kind.
 */
static bool session_update(struct build_session *s, const char *changed, int *status)
{
	struct run *r = &s->r;
	long i = page_of_file(r, changed);
	const struct page *p;
	bool ok;

	if (i < 0 || !source_reload_body(&r->a, r->opts->site_dir,
					   (struct source *)r->site.pages[i]->src))
		return false;
	p = r->site.pages[i];
	outputs_begin_update(&r->out);
	render_page_again(&r->rc, (size_t)i);
	if (p->guide)
		render_print_again(&r->rc, p->guide);
	if (news_is_post(p))
		render_news(&r->rc);
	search_emit(&r->rc, &r->search);
	outputs_check_unique(&r->out, &r->d);
	check_all(r, r->rc.docs);
	ok = !failed(r);
	if (!outputs_end_update(&r->out, ok, r->out_dir, &r->d))
		ok = false;
	/* a failed update leaves the model ahead of the live site: the
	 * next change builds everything */
	s->clean = ok && r->d.n == 0;
	*status = run_report(r);
	return true;
}

int build_session_update(struct build_session *s, const char *changed, bool *partial)
{
	int status;

	*partial = changed && s->clean && session_update(s, changed, &status);
	if (*partial)
		return status;
	run_free(&s->r);
	return session_build(s);
}

void build_session_close(struct build_session *s)
{
	if (!s)
		return;
	run_free(&s->r);
	free(s);
}
