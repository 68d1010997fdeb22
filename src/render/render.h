/*
 * render.h: what every renderer shares.  A renderer reads the linked
 * site model and hands finished files to the build's outputs, which
 * write them into the staging folder (swapped in only when the whole
 * build succeeded).
 */
#ifndef SIGNPOST_RENDER_H
#define SIGNPOST_RENDER_H

#include "render/markdown.h"
#include "render/outputs.h"
#include "render/spool.h"
#include "render/theme.h"
#include "site/site.h"
#include "util/buf.h"

/* What a renderer tells the search index about a page it made. */
enum search_kind { SEARCH_PAGE, SEARCH_SERVICE, SEARCH_ORGANISATION, SEARCH_EVENT };

struct search_doc {
	const char *url;
	const char *title;
	enum search_kind kind;
	const struct guide *guide;  /* NULL: belongs to no guide */
	const char *summary;        /* shown under the title */
	const char *headings;       /* section headings, weighted above the body */
	const char *keywords;       /* categories, areas, synonyms */
	const char *body;
	const char *tables;         /* table cells, weighted as the body; or NULL */
};

struct search_docs {
	struct search_doc *v;
	size_t n, cap;
};

/* Copies doc's pointers (the strings must live as long as the build). */
void search_add(struct search_docs *docs, const struct search_doc *doc);
void search_docs_free(struct search_docs *docs);

struct render_ctx {
	struct arena *a;
	struct diags *d;
	const struct site *site;
	struct value *site_value;   /* the "site" map every template sees */
	struct theme *theme;
	struct outputs *out;
	/* filled by render_pages: the rendered body of site->pages[i],
	 * and what the pages' contexts share */
	struct md_doc *docs;
	struct context_shared *shared;
	/* the print pages' sections, made as the pages render (NULL when
	 * the theme has no "print" template): site->pages[i]'s prefix for
	 * its ids there ("sN-", N its place in its guide; NULL outside the
	 * print pages) and its section, in the spool */
	const char **print_prefix;
	struct spool *print;
	int jobs;                   /* threads for render_pages; 0 or 1: none */
	struct search_docs *search; /* renderers add what people can search for */
};

/* Takes b's contents as the file at path (arena string), written and
 * scanned at once (render/outputs.h); b is emptied.  Returns the entry,
 * for setting lastmod and in_sitemap. */
struct output_file *outputs_add(struct render_ctx *rc, const char *path, struct buf *b);

/*
 * Renders the template called name with ctx (a map, to which "site" is
 * added) into the file at path.  The result is listed in the sitemap
 * when path ends in ".html" and is not "404.html".  Returns the entry,
 * or NULL after a diagnostic (a missing template is reported at
 * 'who', the file that asked for it).
 */
struct output_file *render_template(struct render_ctx *rc, const char *name,
				    struct value *ctx, const char *path, const char *who);

/* The same into out, for render_each tasks, which store the file
 * themselves.  False after a diagnostic. */
bool render_template_to(struct render_ctx *rc, const char *name, struct value *ctx,
			const char *who, struct buf *out);

/* Renders every Markdown page of the site, 404.html, and search/ when
 * the theme has a "search" template.  With
 * rc->jobs > 1 the pages are shared among that many threads, each with
 * its own arena and diagnostics, joined afterwards in page order, so
 * the output is the same bytes as with one. */
void render_pages(struct render_ctx *rc);
/* Each guide's whole-guide print page (<guide>/print/), of the
 * sections render_pages spooled, and its "Words explained" page
 * (<guide>/words/) when the site has a glossary, for themes that have
 * the "print" and "words" templates. */
void render_guides(struct render_ctx *rc);

/* For serve's updates (outputs in update mode): site->pages[i] again,
 * after its body changed, replacing its file, its rc->docs entry and
 * its search document; and the print page of guide g. */
void render_page_again(struct render_ctx *rc, size_t i);
void render_print_again(struct render_ctx *rc, const struct guide *g);

#endif
