/* Unit tests for site/directory.c and render/directory.c: who is listed
 * on which facet page, in what order, the guides' "Support for you",
 * and the JSON-LD of a service with hostile values. */
#include "harness.h"
#include "render/directory.h"
#include "site/directory.h"

static struct arena A;
static struct diags D;
static struct taxonomy T;

static const char taxonomy_yaml[] =
	"audiences:\n"
	"  - {id: adopters, label: Adopters}\n"
	"  - {id: kin, label: Kinship carers, guide: adopters}\n"
	"  - {id: children, label: Children}\n"
	"categories:\n"
	"  - {id: therapy, label: Therapy}\n"
	"  - {id: groups, label: Groups}\n"
	"tiers:\n"
	"  - {id: universal, label: Universal}\n"
	"funding:\n"
	"  - {id: free, label: Free}\n"
	"areas:\n"
	"  - {id: region, label: Region}\n"
	"  - {id: north, label: North Council, parent: region}\n"
	"  - {id: south, label: South Council, parent: region}\n"
	"  - {id: elsewhere, label: Elsewhere}\n"
	"organisation_kinds:\n"
	"  - {id: council, label: Council, public_body: true}\n"
	"age_bands:\n"
	"  - {id: little, label: Under 5, min_age: 0, max_age: 4}\n"
	"  - {id: teens, label: Teens, min_age: 13, max_age: 17}\n";

/* name, audiences, categories, where, extra lines */
static struct service *make(const char *id, const char *name, const char *aud,
			    const char *cat, const char *where, const char *extra)
{
	struct buf b = BUF_INIT;
	struct service *s;

	buf_printf(&b,
		   "name: %s\norganisation: council\nsummary: A summary.\naudiences: [%s]\n"
		   "categories: [%s]\ntiers: [universal]\nfunding: [free]\n"
		   "access: {self_referral: true}\nwhere: %s\n"
		   "contacts: [{role: Team, phone: 01632 960000}]\nlast_reviewed: 2026-01-01\n%s",
		   name, aud, cat, where, extra);
	s = directory_parse_service(&A, &T, arena_printf(&A, "services/%s.yaml", id), id,
				    buf_cstr(&b), b.len, "2026-06-01", &D);
	buf_free(&b);
	return s;
}

/* The ids of the services on term id's page of facet v, joined by ' '. */
static const char *listed(const struct directory_model *m, enum vocab v, const char *id)
{
	const struct facet *f = directory_facet(m, v);
	const struct vocab_term *t = taxonomy_find(&m->dir->tax, v, id);
	struct buf b = BUF_INIT;
	const char *out;

	if (!f || !t)
		return "(no such term)";
	for (size_t i = 0; i < f->lists[t->index].n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", f->lists[t->index].v[i]->id);
	out = arena_strdup(&A, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static struct directory DIR_;
static struct directory_model *M;
static struct config CFG;
static struct site SITE;
static struct guide GUIDES[2] = { { .id = "adopters" }, { .id = "children" } };

static void setup(void)
{
	const char *org = "name: The Council\nkind: council\ndescription: Runs things.\n";
	static struct organisation *orgs[1];
	static struct service *svcs[6];

	orgs[0] = directory_parse_organisation(&A, &T, "organisations/council.yaml", "council", org,
					       strlen(org), &D);
	svcs[0] = make("everywhere", "Zebra national line", "adopters", "therapy",
		       "{national: true}", "");
	svcs[1] = make("regional", "Apple regional group", "kin", "groups", "{areas: [region]}",
		       "minimum_age: 3\nmaximum_age: 14\n");
	svcs[2] = make("north-only", "Mango north", "children", "therapy, groups",
		       "{areas: [north]}", "minimum_age: 16\n");
	svcs[3] = make("closed", "Banana closed", "adopters", "therapy", "{areas: [south]}",
		       "status: closed\n");
	svcs[4] = make("far", "Cherry far away", "adopters, kin", "groups", "{areas: [elsewhere]}",
		       "maximum_age: 4\n");
	svcs[5] = make("hostile", "A </script><script>alert(1)</script> \"quoted\" & more", "children",
		       "therapy", "{areas: [south]}", "");
	DIR_.present = true;
	DIR_.tax = T;
	DIR_.orgs = orgs;
	DIR_.n_orgs = 1;
	DIR_.services = svcs;
	DIR_.n_services = 6;
	directory_link_records(&DIR_, &D);
	CFG.base_url = "https://example.org/";
	CFG.guides = GUIDES;
	CFG.n_guides = 2;
	SITE.cfg = &CFG;
	M = directory_model_link(&A, &SITE, &DIR_, &D);
	SITE.directory = M;
}

static const struct service *svc(const char *id)
{
	for (size_t i = 0; i < DIR_.n_services; i++)
		if (!strcmp(DIR_.services[i]->id, id))
			return DIR_.services[i];
	return NULL;
}

TEST(clean_records)
{
	CHECK(D.n == 0);
	if (D.n)
		fprintf(stderr, "%d:%d: %s\n", D.v[0].line, D.v[0].col, D.v[0].msg);
	CHECK(M != NULL);
}

TEST(plain_facets_list_what_records_say)
{
	CHECK_STR(listed(M, VOCAB_CATEGORIES, "therapy"), "hostile north-only everywhere");
	CHECK_STR(listed(M, VOCAB_CATEGORIES, "groups"), "regional far north-only");
	CHECK_STR(listed(M, VOCAB_AUDIENCES, "kin"), "regional far");
	CHECK_STR(listed(M, VOCAB_TIERS, "universal"), "hostile regional far north-only everywhere");
}

TEST(areas_follow_the_tree)
{
	/* national everywhere; a region's services in each of its councils;
	 * a council's services in its region too */
	CHECK_STR(listed(M, VOCAB_AREAS, "north"), "regional north-only everywhere");
	CHECK_STR(listed(M, VOCAB_AREAS, "south"), "hostile regional everywhere");
	CHECK_STR(listed(M, VOCAB_AREAS, "region"), "hostile regional north-only everywhere");
	CHECK_STR(listed(M, VOCAB_AREAS, "elsewhere"), "far everywhere");
	CHECK_STR(M->facets[2].service_terms[svc("everywhere")->index], "region north south elsewhere");
}

TEST(age_bands_overlap)
{
	CHECK_STR(listed(M, VOCAB_AGE_BANDS, "little"), "regional far");
	CHECK_STR(listed(M, VOCAB_AGE_BANDS, "teens"), "regional north-only");
}

TEST(closed_services_are_not_listed)
{
	CHECK(M->az.n == 5);
	CHECK(M->by_org[0].n == 6);
	CHECK(strstr(listed(M, VOCAB_AREAS, "south"), "closed") == NULL);
}

TEST(guides_get_their_audiences)
{
	/* "kin" names the adopters guide; "adopters" matches it by id */
	CHECK(M->by_guide[0].n == 3);
	CHECK_STR(M->by_guide[0].v[0]->id, "regional");
	CHECK(M->by_guide[1].n == 2);
}

TEST(urls_and_ids)
{
	const struct service *s = DIR_.services[0];
	CHECK_STR(s->id, "closed");
	CHECK_STR(M->service_urls[0], "/directory/services/closed/");
	CHECK_STR(directory_facet(M, VOCAB_AREAS)->term_urls[1], "/directory/areas/north/");
	CHECK(strlen(M->service_uuids[0]) == 36 && M->service_uuids[0][14] == '5');
	CHECK(strcmp(M->service_uuids[0], M->service_uuids[1]) != 0);
}

TEST(json_ld_is_safe_in_a_script)
{
	const struct service *s = svc("hostile");
	const char *j;

	j = directory_json_ld(&A, &SITE, s);
	CHECK(strstr(j, "</script>") == NULL);
	CHECK(strstr(j, "<") == NULL);
	CHECK(strstr(j, "\"name\": \"A \\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
			"\\u003c/script\\u003e \\\"quoted\\\" \\u0026 more\"") != NULL);
	CHECK(strstr(j, "\"@type\": \"GovernmentService\"") != NULL);
	CHECK(strstr(j, "\"@type\": \"GovernmentOrganization\"") != NULL);
	CHECK(strstr(j, "{\n      \"@type\": \"AdministrativeArea\",\n      \"name\": \"South Council\"\n    }") != NULL);
}

TEST(guide_context)
{
	struct value *ctx = value_map(&A);
	const struct value *list;

	directory_guide_context(&A, &SITE, 1, ctx);
	list = value_map_get(ctx, "support");
	CHECK(list && list->len == 2);
	CHECK_STR(value_map_str(list->items[1], "name"), "Mango north");
	CHECK_STR(value_map_str(ctx, "support_url"), "/directory/audiences/children/");
	ctx = value_map(&A);
	directory_guide_context(&A, &SITE, 0, ctx);
	/* two audiences belong to the adopters guide: the directory home */
	CHECK_STR(value_map_str(ctx, "support_url"), "/directory/");
}

int main(void)
{
	arena_init(&A);
	if (!taxonomy_parse(&A, "taxonomy.yaml", taxonomy_yaml, strlen(taxonomy_yaml), &T, &D) ||
	    D.n) {
		fprintf(stderr, "test taxonomy: %s\n", D.n ? D.v[0].msg : "failed");
		return 1;
	}
	setup();
	RUN(clean_records);
	RUN(plain_facets_list_what_records_say);
	RUN(areas_follow_the_tree);
	RUN(age_bands_overlap);
	RUN(closed_services_are_not_listed);
	RUN(guides_get_their_audiences);
	RUN(urls_and_ids);
	RUN(json_ld_is_safe_in_a_script);
	RUN(guide_context);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
