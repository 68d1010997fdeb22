/*
 * pages.c: the Markdown pages: body through cmark-gfm and our passes,
 * then the page's layout; and 404.html.
 */
#include "render/context.h"
#include "render/directory.h"
#include "render/links.h"
#include "render/markdown.h"
#include "render/news.h"
#include "render/parallel.h"
#include "render/render.h"
#include "site/directory.h"


struct output_file *outputs_add(struct render_ctx *rc, const char *path, struct buf *b)
{
	return outputs_put(rc->out, path, b, rc->d);
}

void search_add(struct search_docs *docs, const struct search_doc *doc)
{
	if (docs->n == docs->cap) {
		docs->cap = docs->cap ? docs->cap * 2 : 64;
		docs->v = xrealloc(docs->v, docs->cap * sizeof(*docs->v));
	}
	docs->v[docs->n++] = *doc;
}

void search_docs_free(struct search_docs *docs)
{
	free(docs->v);
	docs->v = NULL;
	docs->n = docs->cap = 0;
}

/* Arena: a page's search document: its headings one per line, its prose
 * and its tables' words as the body, its description (else its first
 * words) as the summary. */
static struct search_doc page_search_doc(struct render_ctx *rc, const struct page *p,
					 const struct md_doc *doc)
{
	struct buf h = BUF_INIT;
	const char *summary = p->src->description;
	struct search_doc sd;

	for (size_t i = 0; i < doc->n_toc; i++) {
		buf_adds(&h, doc->toc[i].text);
		buf_addc(&h, '\n');
	}
	if (!summary) {
		size_t n = doc->prose_len < 160 ? doc->prose_len : 160;
		while (n < doc->prose_len && n > 0 && doc->prose[n] != ' ')
			n--;
		summary = arena_strndup(rc->a, doc->prose ? doc->prose : "", n);
	}
	sd = (struct search_doc){
		.url = p->url,
		.title = p->src->title,
		.kind = SEARCH_PAGE,
		.guide = p->guide,
		.summary = summary,
		.headings = arena_strndup(rc->a, buf_cstr(&h), h.len),
		.body = doc->prose,
		.tables = doc->table_text,
	};
	buf_free(&h);
	return sd;
}

bool render_template_to(struct render_ctx *rc, const char *name, struct value *ctx,
			const char *who, struct buf *out)
{
	const struct tmpl *t = theme_template(rc->theme, name, rc->d);

	if (!t) {
		diag_error(rc->d, who, 0, 0, "no template '%s' (layouts/%s.mustache) in the site or its theme",
			   name, name);
		return false;
	}
	value_map_set(rc->a, ctx, "site", rc->site_value);
	return tmpl_render(t, ctx, theme_loader(rc->theme), out, rc->d);
}

struct output_file *render_template(struct render_ctx *rc, const char *name,
				    struct value *ctx, const char *path, const char *who)
{
	struct output_file *f = NULL;
	struct buf html = BUF_INIT;

	if (render_template_to(rc, name, ctx, who, &html))
		f = outputs_add(rc, path, &html);
	buf_free(&html);
	return f;
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

/* Numbers each guide's pages in reading order for their print page's
 * ids and opens the spool their sections go to. */
static void print_sections_open(struct render_ctx *rc)
{
	const struct site *site = rc->site;
	struct spool *sp = arena_alloc(rc->a, sizeof(*sp));

	if (!spool_open(sp, site->n_pages, "print pages", rc->d))
		return;
	rc->print = sp;
	rc->print_prefix = arena_alloc(rc->a, (site->n_pages ? site->n_pages : 1) *
						      sizeof(*rc->print_prefix));
	for (size_t g = 0; g < site->cfg->n_guides; g++) {
		int n = 0;
		for (const struct page *p = site->guide_home[g]; p; p = p->next)
			rc->print_prefix[p->index] = arena_printf(rc->a, "s%d-", ++n);
	}
}

/* What is kept of one page until every page is done: the page itself
 * is written as soon as it is made. */
struct page_result {
	bool done;            /* false when the page failed */
	const struct html_refs *refs;
};

/* Renders page p with rc's arena and diagnostics and stores the file
 * (it is listed later, in page order: workers must not share the
 * list). */
static void render_page(struct render_ctx *rc, const struct page *p, struct md_doc *doc,
			struct md_term *terms, struct page_result *res)
{
	const struct site *site = rc->site;
	struct link_ctx lc = { .a = rc->a, .site = site, .page = p, .d = rc->d };
	struct md_links links = { .rewrite = links_rewrite, .ctx = &lc };
	struct md_options mo = {
		.file = p->src->path,
		.first_line = p->src->body_line,
		.unsafe = site->cfg->markdown_unsafe,
		.links = &links,
		/* glossary words explained on their first use in guide pages */
		.terms = terms,
		.n_terms = terms ? site->glossary->n : 0,
		.print_prefix = rc->print ? rc->print_prefix[p->index] : NULL,
	};
	const struct tmpl *t;
	struct value *ctx;
	struct arena scratch;
	struct md_doc body;
	struct buf html = BUF_INIT;

	/* only what the checks, the search index and the feed need of the
	 * page outlives it: a large site's memory stays small */
	const char *text = p->src->body;
	size_t text_len = p->src->body_len;

	arena_init(&scratch);
	lc.a = &scratch;
	if (!text && !(text = source_body_now(&scratch, site->site_dir, p->src, &text_len))) {
		diag_error(rc->d, p->src->path, 0, 0,
			   "changed or went while the site was being built; build again");
		goto out;
	}
	if (!md_render(&scratch, text, text_len, &mo, &body, rc->d))
		goto out;
	if (body.print_html &&
	    !spool_put(rc->print, p->index, body.print_html, body.print_len, p->src->path, rc->d))
		goto out;
	md_doc_keep(rc->a, &body, news_is_post(p), doc);
	t = theme_layout(rc->theme, p, rc->d);
	if (!t)
		goto out;
	ctx = context_page(&scratch, site, rc->shared, p, &body);
	directory_query_context(&scratch, site, p->src, ctx, rc->d);
	if (tmpl_render(t, ctx, theme_loader(rc->theme), &html, rc->d)) {
		res->refs = outputs_store(rc->out, p->out_path, html.data ? html.data : "", html.len,
					  rc->d);
		res->done = true;
	}
out:
	buf_free(&html);
	arena_free(&scratch);
}

struct pages_job {
	struct md_doc *docs;          /* the build's: docs[i] is site->pages[i]'s */
	struct md_term **terms;       /* per guide */
	struct page_result *results;
};

static void render_nth(struct render_ctx *trc, size_t i, void *arg)
{
	struct pages_job *job = arg;
	const struct site *site = trc->site;
	const struct page *p = site->pages[i];

	render_page(trc, p, &job->docs[i], p->guide ? job->terms[p->guide - site->cfg->guides] : NULL,
		    &job->results[i]);
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

/* search/index.html, for themes that have a "search" template: the
 * form, and the results when JavaScript can fetch the index. */
static void render_search_page(struct render_ctx *rc)
{
	struct value *ctx;

	if (!theme_template(rc->theme, "search", rc->d))
		return;
	ctx = context_generated(rc->a, rc->site, NULL, "Search", "/search/", "search");
	/* without JavaScript, the page points to the directory's lists */
	if (rc->site->directory) {
		struct value *dir = value_map(rc->a);
		const char *url = rc->site->directory->url;
		value_map_set_str(rc->a, dir, "title", "Find support");
		value_map_set_str(rc->a, dir, "url", url);
		value_map_set_str(rc->a, dir, "az_url", arena_printf(rc->a, "%sa-z/", url));
		value_map_set(rc->a, ctx, "directory", dir);
	}
	render_template(rc, "search", ctx, "search/index.html", "themes");
}

void render_pages(struct render_ctx *rc)
{
	const struct site *site = rc->site;
	struct pages_job job = { 0 };

	rc->docs = arena_alloc(rc->a, (site->n_pages ? site->n_pages : 1) * sizeof(*rc->docs));
	job.results = xcalloc(site->n_pages ? site->n_pages : 1, sizeof(*job.results));
	job.terms = arena_alloc(rc->a, (site->cfg->n_guides + 1) * sizeof(*job.terms));
	/* terms link to the guides' words pages, which need the template */
	if (site->glossary && site->glossary->n && theme_template(rc->theme, "words", rc->d))
		for (size_t g = 0; g < site->cfg->n_guides; g++)
			job.terms[g] = guide_terms(rc, &site->cfg->guides[g]);
	job.docs = rc->docs;
	if (theme_template(rc->theme, "print", rc->d))
		print_sections_open(rc);
	rc->shared = arena_alloc(rc->a, sizeof(*rc->shared));
	context_share(rc->a, site, rc->site_value, rc->shared);
	md_init();
	render_each(rc, site->n_pages, render_nth, &job);
	/* in page order, whatever order the threads finished in */
	for (size_t i = 0; i < site->n_pages; i++) {
		struct output_file *f;
		if (!job.results[i].done)
			continue;
		f = outputs_list(rc->out, site->pages[i]->out_path, job.results[i].refs);
		f->lastmod = site->pages[i]->src->last_reviewed;
		if (rc->search) {
			struct search_doc sd = page_search_doc(rc, site->pages[i], &rc->docs[i]);
			search_add(rc->search, &sd);
		}
	}
	free(job.results);
	render_404(rc);
	render_search_page(rc);
}

void render_page_again(struct render_ctx *rc, size_t i)
{
	const struct site *site = rc->site;
	const struct page *p = site->pages[i];
	struct md_term *terms = NULL;
	struct page_result res = { 0 };
	struct output_file *f;

	if (p->guide && site->glossary && site->glossary->n &&
	    theme_template(rc->theme, "words", rc->d))
		terms = guide_terms(rc, p->guide);
	render_page(rc, p, &rc->docs[i], terms, &res);
	if (!res.done)
		return;
	f = outputs_list(rc->out, p->out_path, res.refs);
	f->lastmod = p->src->last_reviewed;
	for (size_t k = 0; rc->search && k < rc->search->n; k++) {
		if (rc->search->v[k].kind == SEARCH_PAGE && !strcmp(rc->search->v[k].url, p->url)) {
			rc->search->v[k] = page_search_doc(rc, p, &rc->docs[i]);
			break;
		}
	}
}
