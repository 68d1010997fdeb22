/*
 * site/directory.h: the directory linked for publishing: the URL of
 * every service, organisation and facet term, the services each facet
 * term lists, the A-Z order, and the services for each guide's audience.
 * Built once in O(services x terms they use); renderers only read it.
 *
 * Who appears where:
 *   categories, audiences, tiers, funding, delivery: the services that
 *     list the term;
 *   areas: national services; services covering the area, an area that
 *     contains it (a region's services appear under each of its local
 *     authorities), or an area inside it;
 *   age bands: services whose minimum_age..maximum_age overlaps the
 *     band (a missing bound is open); services with no ages are not on
 *     age pages.
 * Closed services keep their own page but are listed nowhere.
 */
#ifndef SIGNPOST_SITE_DIRECTORY_H
#define SIGNPOST_SITE_DIRECTORY_H

#include "load/directory.h"
#include "site/site.h"

/* The vocabularies that have facet pages, in the order sites show them. */
enum { N_FACETS = 7 };
extern const enum vocab facet_vocabs[N_FACETS];

struct service_list {
	const struct service **v;
	size_t n;
};

struct facet {
	enum vocab vocab;
	const char *slug;           /* URL segment: "categories" */
	const char *title;          /* "Categories" */
	const char *url;            /* "/directory/categories/" */
	const char **term_urls;     /* per term index */
	struct service_list *lists; /* per term index, A-Z */
	/* per service index: the ids of the terms that list it, for
	 * filtering in the browser ("fernvale vale-and-coast") */
	const char **service_terms;
};

struct directory_model {
	const struct directory *dir;
	const char *url;            /* "/directory/" */
	const char *base_url;       /* the site's, for permalinks and ids */
	const char **service_urls;  /* per service index */
	const char **org_urls;      /* per organisation index */
	/* open data ids: version 5 UUIDs (URL namespace) of the permalinks
	 * of the service's and organisation's pages */
	const char **service_uuids, **org_uuids;
	struct facet facets[N_FACETS];
	struct service_list az;     /* listed services by name */
	struct service_list *by_org; /* per organisation index, A-Z */
	struct service_list *by_guide; /* per config guide, A-Z */
};

/* Arena: links dir for the site's guides; NULL when the site has no
 * directory.  Reports pages under /directory/ (its URLs are the
 * directory's) and audiences naming a guide that does not exist. */
struct directory_model *directory_model_link(struct arena *a, const struct site *site,
					     const struct directory *dir, struct diags *d);

/* Arena: the version 5 UUID (URL namespace) of base_url + path, path
 * being site-relative without its first '/' ("directory/services/x/"). */
const char *directory_uuid(struct arena *a, const struct directory_model *m, const char *path);

/* Borrowed: the facet of vocabulary v, or NULL when v has no pages. */
const struct facet *directory_facet(const struct directory_model *m, enum vocab v);

/* True when audience t belongs to the guide with this id: it names the
 * guide with 'guide', or has no 'guide' and the guide's id. */
bool directory_audience_of(const struct vocab_term *t, const char *guide_id);

/* True when s is listed (not closed). */
bool directory_listed(const struct service *s);

#endif
