/*
 * context.h: the data a template sees.  Each function builds values in
 * the build's arena from the read-only site model.
 *
 * A page is rendered with a map holding:
 *   site        title, base_url, language, params, guides (list), home_url,
 *               footer (the about section's landing page and pages),
 *               directory_url and events_url (when the site has a
 *               directory or events), search_url
 *   guide       the page's guide (id, title, description, url, style,
 *               child, quick_exit, reading_level), absent outside guides
 *   page        title, description, content (HTML), toc, has_toc, url,
 *               permalink, kind, is_<kind>, last_reviewed(_text),
 *               review_by(_text), date(_text), topics, params;
 *               pages (a section's pages: title, url, description,
 *               date, date_text) and has_pages
 *   nav         the guide's navigation tree (title, url, current,
 *               active, children: only the current branch is open),
 *               absent outside the guides
 *   breadcrumbs list of title and url, home first, the page excluded
 *   prev, next  reading order within the guide (title, url), if any
 *   help        "Get help now" contacts for this page's guide
 *   whats_on    on a guide's landing page, its next events (see
 *               render/events.h), when the site has events
 */
#ifndef SIGNPOST_CONTEXT_H
#define SIGNPOST_CONTEXT_H

#include "render/markdown.h"
#include "site/site.h"
#include "util/value.h"

/* Arena: the map shared by every page: site.* */
struct value *context_site(struct arena *a, const struct site *site);

/* What the contexts of all pages share, made once before they render
 * (render threads only read it): the site map, and for each page (by
 * its index) its link (title, url, description) and its navigation
 * item as every page off its branch sees it. */
struct context_shared {
	struct value *site;
	struct value **links;
	struct value **closed;
};

/* Arena: fills shared for the pages of site. */
void context_share(struct arena *a, const struct site *site, struct value *site_value,
		   struct context_shared *shared);

/* Arena: the full context of page p, whose body rendered to doc. */
struct value *context_page(struct arena *a, const struct site *site,
			   const struct context_shared *shared, const struct page *p,
			   const struct md_doc *doc);

/*
 * Arena: the context of a page the generator makes (a print page, a
 * words page, a directory or events page): page.title, page.url,
 * page.permalink, page.kind and page.is_<kind>; breadcrumbs to the home
 * page and the guide's landing page; guide, nav and help as for the
 * guide's own pages (g may be NULL).  "site" is added when rendered.
 */
struct value *context_generated(struct arena *a, const struct site *site,
				const struct guide *g, const char *title, const char *url,
				const char *kind);

/* Arena: the "Get help now" contacts shown on pages of guide g (NULL:
 * pages outside the guides): each contact's keys from config.yaml, plus
 * phone_uri (tel:), text_uri (sms:), and phone_text and text_text (the
 * numbers with no-break spaces, for link text). */
struct value *context_help(struct arena *a, const struct site *site, const struct guide *g);

/* Arena: "1 October 2026" for "2026-10-01"; date must be valid. */
const char *context_date_text(struct arena *a, const char *date);

#endif
