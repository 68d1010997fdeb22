/*
 * links.h: rewriting links between Markdown files to page URLs.
 * "[groups](support-groups.md#times)" on content/adopters/x.md becomes
 * "/adopters/support-groups/#times"; a link to a .md file that is not a
 * page of the site is an error at the link.
 */
#ifndef SIGNPOST_LINKS_H
#define SIGNPOST_LINKS_H

#include "render/markdown.h"
#include "site/site.h"

struct link_ctx {
	struct arena *a;
	const struct site *site;
	const struct page *page;
	struct diags *d;
};

/* Arena: the rewritten destination, or NULL to keep dest.  Matches
 * md_links.rewrite; ctx is a struct link_ctx. */
const char *links_rewrite(void *ctx, const char *dest, int line, int col);

/* Arena: dir/rel with "." and ".." segments resolved; NULL when the
 * result would leave the top ("../x" from ""). */
const char *links_resolve(struct arena *a, const char *dir, const char *rel);

#endif
