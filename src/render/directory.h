/*
 * render/directory.h: the directory's pages under /directory/: the home
 * ("What do you need help with?"), one page per service and per
 * organisation, the organisations, one index per facet and one page per
 * facet term, and A-Z.  Each service page carries schema.org JSON-LD.
 *
 * Templates (site layouts/ first, then the theme): directory/home,
 * directory/service, directory/organisation, directory/organisations,
 * directory/facet, directory/term, directory/a-z.  Their variables are
 * listed in signpost-templates(7).
 */
#ifndef SIGNPOST_RENDER_DIRECTORY_H
#define SIGNPOST_RENDER_DIRECTORY_H

#include "render/render.h"
#include "site/directory.h"
#include "util/value.h"

/* Renders every directory page; nothing when the site has no directory. */
void render_directory(struct render_ctx *rc);

/* Sets "Support for you" in ctx, the context of the landing page of
 * the guide with index gi: support (the services for the guide's
 * audiences, as list items), has_support, support_url (the directory,
 * or the audience's page when one audience names the guide).  Nothing
 * when the site has no directory. */
void directory_guide_context(struct arena *a, const struct site *site, size_t gi,
			     struct value *ctx);

/* Arena: the schema.org JSON-LD of service s (for tests). */
const char *directory_json_ld(struct arena *a, const struct site *site, const struct service *s);

/*
 * Sets services and has_services (and listed_services) in ctx, the
 * context of the page from src, when its front matter asks for a list
 * of directory services ('services': a vocabulary key such as 'tiers'
 * or 'audiences' mapped to a term id or a list of them; a service must
 * match every key, and one of each key's terms).  Unknown vocabularies
 * and terms are errors at their line.
 */
void directory_query_context(struct arena *a, const struct site *site, const struct source *src,
			     struct value *ctx, struct diags *d);

#endif
