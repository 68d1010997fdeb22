/*
 * content.h: checks of the rendered content against the guides' own
 * targets: reading level per page, required topics per guide.
 */
#ifndef SIGNPOST_CHECK_CONTENT_H
#define SIGNPOST_CHECK_CONTENT_H

#include "render/markdown.h"
#include "site/site.h"

/* Pages with fewer words than this are too short to score fairly. */
#define READABILITY_MIN_WORDS 40

/* docs[i] is the rendered body of site->pages[i]. */
void check_readability(struct arena *a, const struct site *site,
		       const struct md_doc *docs, struct diags *d);
void check_required_topics(const struct site *site, struct diags *d);

#endif
