/*
 * guides.c: the pages each guide gets without anyone writing them: the
 * whole guide on one page for printing, and "Words explained".
 */
#include "load/glossary.h"
#include "render/context.h"
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

/* Guide gi's print page: every page of the guide in reading order,
 * each the section that render_pages spooled for it (its heading ids
 * prefixed, so they stay unique on one page).  All but the file's path
 * is scratch: the largest pages of all, one at a time. */
static void render_print(struct render_ctx *rc, size_t gi)
{
	const struct guide *g = &rc->site->cfg->guides[gi];
	const struct page *home = rc->site->guide_home[gi];
	struct arena scratch;
	struct render_ctx src = *rc;
	const char *url, *title;
	struct value *ctx, *sections;
	struct buf html = BUF_INIT;
	int n = 0;

	if (!home)
		return;
	arena_init(&scratch);
	src.a = &scratch;
	url = arena_printf(src.a, "%sprint/", home->url);
	title = arena_printf(src.a, "%s: the whole guide", g->title);
	ctx = context_generated(src.a, src.site, g, title, url, "print");
	sections = value_list(src.a);
	for (const struct page *p = home; p; p = p->next) {
		struct value *m = value_map(src.a);
		size_t len;
		const char *body = spool_get(src.print, p->index, src.a, &len, p->src->path, src.d);

		/* a page that failed to render was reported: its section is
		 * empty, and the build fails */
		value_map_set_str(src.a, m, "id", arena_printf(src.a, "s%d", ++n));
		value_map_set_str(src.a, m, "title", p->src->title);
		value_map_set_str(src.a, m, "url", p->url);
		value_map_set(src.a, m, "content", value_strn_ref(src.a, body ? body : "", len));
		value_list_push(src.a, sections, m);
	}
	value_map_set(src.a, ctx, "sections", sections);
	if (src.site->glossary && src.site->glossary->n) {
		value_map_set(src.a, ctx, "terms", words_list(src.a, src.site->glossary, g));
		value_map_set(src.a, ctx, "has_terms", value_bool(src.a, true));
	}
	if (render_template_to(&src, "print", ctx, home->src->path, &html))
		outputs_add(rc, arena_printf(rc->a, "%sindex.html", url + 1), &html);
	buf_free(&html);
	arena_free(&scratch);
}

/* A theme opts in to these pages by having their templates. */
void render_guides(struct render_ctx *rc)
{
	const struct config *cfg = rc->site->cfg;
	bool words = rc->site->glossary && rc->site->glossary->n &&
		     theme_template(rc->theme, "words", rc->d) != NULL;

	for (size_t i = 0; i < cfg->n_guides; i++) {
		const struct page *home = rc->site->guide_home[i];
		if (!home)
			continue;
		if (rc->print)
			render_print(rc, i);
		if (words)
			render_words(rc, &cfg->guides[i], home);
	}
}

void render_print_again(struct render_ctx *rc, const struct guide *g)
{
	if (rc->print)
		render_print(rc, (size_t)(g - rc->site->cfg->guides));
}
