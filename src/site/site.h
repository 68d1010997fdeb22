/*
 * site.h: the site model.  Linking turns loaded sources into pages with
 * URLs, output paths, guides, sections and navigation order.  Nothing
 * here reads files; everything lives in the build's arena.
 */
#ifndef SIGNPOST_SITE_H
#define SIGNPOST_SITE_H

#include "load/glossary.h"
#include "load/source.h"

struct events;

enum page_kind {
	PAGE_HOME,     /* content/_index.md */
	PAGE_GUIDE,    /* a guide's landing page: content/<guide>/_index.md */
	PAGE_SECTION,  /* any other _index.md */
	PAGE_PAGE,     /* an ordinary page */
};

struct page {
	const struct source *src;
	enum page_kind kind;
	const char *url;         /* site-absolute, e.g. "/adopters/support-groups/" */
	const char *out_path;    /* relative to the output, e.g. "adopters/support-groups/index.html" */
	const struct guide *guide; /* NULL outside the guides */
	struct page *parent;     /* the landing page of the enclosing section */
	struct page **children;  /* in navigation order: weight, date (newest
				    first, when both have one), title, path */
	size_t n_children, cap_children;
	struct page *prev, *next; /* reading order within the guide */
	size_t index;            /* position in site->pages */
};

struct directory_model;

struct site {
	const struct config *cfg;
	const struct sources *sources;
	const char *site_dir;
	struct page **pages;     /* sorted by source path */
	size_t n_pages;
	struct page *home;       /* may be NULL (reported) */
	struct page **guide_home; /* per cfg->guides[i]; entries may be NULL */
	const struct directory_model *directory; /* NULL without one (site/directory.h) */
	const struct glossary *glossary;
	const struct events *events; /* NULL until loaded (load/events.h) */
};

/* Arena: builds the model from the sources. */
void site_link(struct arena *a, const struct config *cfg, const char *site_dir,
	       const struct sources *srcs, struct site *site, struct diags *d);

/* Borrowed: the page whose source is rel (relative to content/), or NULL. */
struct page *site_page_by_rel(const struct site *site, const char *rel);

/* Arena: the name of a page kind as templates see it ("home", "guide",
 * "section", "page"). */
const char *page_kind_name(enum page_kind kind);

#endif
