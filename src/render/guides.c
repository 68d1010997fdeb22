/*
 * guides.c: the pages each guide gets without anyone writing them: the
 * whole guide on one page for printing, and "Words explained".
 */
#include "load/glossary.h"
#include "render/context.h"
#include "render/parallel.h"
#include "render/render.h"

/* Arena: the guide's glossary in its own words: id, term, definition. */
static struct value *words_list(struct arena *a, const struct glossary *gl,
				const struct guide *g)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < gl->n; i++) {
		struct value *m = value_map(a);
		value_map_set_str(a, m, "id", gl->terms[i].id);
		value_map_set_str(a, m, "term", gl->terms[i].term);
		value_map_set_str(a, m, "definition", glossary_definition(&gl->terms[i], g));
		value_list_push(a, list, m);
	}
	return list;
}

static void render_words(struct render_ctx *rc, const struct guide *g, const struct page *home)
{
	const char *url = arena_printf(rc->a, "%swords/", home->url);
	struct value *ctx = context_generated(rc->a, rc->site, g, "Words explained", url, "words");

	value_map_set(rc->a, ctx, "terms", words_list(rc->a, rc->site->glossary, g));
	render_template(rc, "words", ctx, arena_printf(rc->a, "%sindex.html", url + 1),
			"content/glossary.yaml");
}

/* The print pages being made, one per guide. */
struct print_job {
	const char **paths;            /* NULL: no print page */
	const struct html_refs **refs;
};

/* Every page of the guide in reading order, each the section that
 * render_pages spooled for it (its heading ids prefixed, so they stay
 * unique on one page).  A render_each task: all but the file's path is
 * scratch. */
static void render_print(struct render_ctx *trc, size_t gi, void *arg)
{
	struct print_job *job = arg;
	const struct guide *g = &trc->site->cfg->guides[gi];
	const struct page *home = trc->site->guide_home[gi];
	struct arena scratch;
	struct render_ctx rc = *trc;
	const char *url, *title;
	struct value *ctx, *sections;
	struct buf html = BUF_INIT;
	int n = 0;

	if (!home)
		return;
	arena_init(&scratch);
	rc.a = &scratch;
	url = arena_printf(rc.a, "%sprint/", home->url);
	title = arena_printf(rc.a, "%s: the whole guide", g->title);
	ctx = context_generated(rc.a, rc.site, g, title, url, "print");
	sections = value_list(rc.a);
	for (const struct page *p = home; p; p = p->next) {
		struct value *m = value_map(rc.a);
		size_t len;
		const char *body = spool_get(rc.print, p->index, rc.a, &len, p->src->path, rc.d);

		/* a page that failed to render was reported: its section is
		 * empty, and the build fails */
		value_map_set_str(rc.a, m, "id", arena_printf(rc.a, "s%d", ++n));
		value_map_set_str(rc.a, m, "title", p->src->title);
		value_map_set_str(rc.a, m, "url", p->url);
		value_map_set(rc.a, m, "content", value_strn_ref(rc.a, body ? body : "", len));
		value_list_push(rc.a, sections, m);
	}
	value_map_set(rc.a, ctx, "sections", sections);
	if (rc.site->glossary && rc.site->glossary->n) {
		value_map_set(rc.a, ctx, "terms", words_list(rc.a, rc.site->glossary, g));
		value_map_set(rc.a, ctx, "has_terms", value_bool(rc.a, true));
	}
	if (render_template_to(&rc, "print", ctx, home->src->path, &html)) {
		job->paths[gi] = arena_printf(trc->a, "%sindex.html", url + 1);
		job->refs[gi] = outputs_store(rc.out, job->paths[gi], html.data ? html.data : "",
					      html.len, rc.d);
	}
	buf_free(&html);
	arena_free(&scratch);
}

/* A theme opts in to these pages by having their templates. */
void render_guides(struct render_ctx *rc)
{
	const struct config *cfg = rc->site->cfg;
	bool print = rc->print != NULL;
	bool words = rc->site->glossary && rc->site->glossary->n &&
		     theme_template(rc->theme, "words", rc->d) != NULL;
	struct print_job job = {
		.paths = arena_alloc(rc->a, (cfg->n_guides + 1) * sizeof(*job.paths)),
		.refs = arena_alloc(rc->a, (cfg->n_guides + 1) * sizeof(*job.refs)),
	};

	/* the print pages are the largest of all: one at a time, so that
	 * only one is held */
	for (size_t i = 0; print && i < cfg->n_guides; i++)
		render_print(rc, i, &job);
	for (size_t i = 0; i < cfg->n_guides; i++) {
		const struct page *home = rc->site->guide_home[i];
		if (!home)
			continue;
		if (job.paths[i])
			outputs_list(rc->out, job.paths[i], job.refs[i]);
		if (words)
			render_words(rc, &cfg->guides[i], home);
	}
}

void render_print_again(struct render_ctx *rc, const struct guide *g)
{
	const struct config *cfg = rc->site->cfg;
	size_t gi = (size_t)(g - cfg->guides);
	struct print_job job = {
		.paths = arena_alloc(rc->a, (cfg->n_guides + 1) * sizeof(*job.paths)),
		.refs = arena_alloc(rc->a, (cfg->n_guides + 1) * sizeof(*job.refs)),
	};

	if (!rc->print)
		return;
	render_print(rc, gi, &job);
	if (job.paths[gi])
		outputs_list(rc->out, job.paths[gi], job.refs[gi]);
}
