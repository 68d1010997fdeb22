/*
 * context.h: the data a template sees.  Each function builds values in
 * the build's arena from the read-only site model.
 *
 * A page is rendered with a map holding:
 *   site        title, base_url, language, params, guides (list), home_url
 *   guide       the page's guide (id, title, description, url, style,
 *               child, quick_exit, reading_level), absent outside guides
 *   page        title, description, content (HTML), toc, has_toc, url,
 *               permalink, kind, is_<kind>, last_reviewed(_text),
 *               review_by(_text), topics, params
 *   nav         the guide's navigation tree (title, url, current,
 *               active, children), or the guides on pages outside them
 *   breadcrumbs list of title and url, home first, the page excluded
 *   prev, next  reading order within the guide (title, url), if any
 */
#ifndef SIGNPOST_CONTEXT_H
#define SIGNPOST_CONTEXT_H

#include "render/markdown.h"
#include "site/site.h"
#include "util/value.h"

/* Arena: the map shared by every page: site.* */
struct value *context_site(struct arena *a, const struct site *site);

/* Arena: the full context of page p, whose body rendered to doc. */
struct value *context_page(struct arena *a, const struct site *site,
			   struct value *site_value, const struct page *p,
			   const struct md_doc *doc);

/* Arena: "1 October 2026" for "2026-10-01"; date must be valid. */
const char *context_date_text(struct arena *a, const char *date);

#endif
