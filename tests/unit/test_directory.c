/* Unit tests for load/taxonomy.c and load/directory.c: the records of
 * the directory and every check on them, with exact messages and
 * positions; and util/sha1.c and util/uuid.c. */
#include "harness.h"
#include "load/directory.h"
#include "util/text.h"
#include "util/buf.h"
#include "util/sha1.h"
#include "util/uuid.h"

static struct arena A;
static struct diags D;
static struct taxonomy T;
static struct buf OUT;

static const char taxonomy_yaml[] =
	"audiences:\n"
	"  - id: adopters\n"
	"    label: Adopters\n"
	"    synonyms: [adoptive parents]\n"
	"  - id: birth-families\n"
	"    label: Birth parents and birth families\n"
	"categories:\n"
	"  - id: therapy\n"
	"    label: Therapy\n"
	"  - id: support-fund\n"
	"    label: Support fund\n"
	"    synonyms: [ASF, ASGSF]\n"
	"  - id: peer-support\n"
	"    label: Peer support\n"
	"tiers:\n"
	"  - id: universal\n"
	"    label: Universal\n"
	"  - id: specialist\n"
	"    label: Specialist\n"
	"funding:\n"
	"  - id: free\n"
	"    label: Free\n"
	"  - id: charged\n"
	"    label: Charged\n"
	"delivery:\n"
	"  - id: online\n"
	"    label: Online\n"
	"areas:\n"
	"  - id: vale\n"
	"    label: Vale region\n"
	"    kind: region\n"
	"  - id: fernvale\n"
	"    label: Fernvale County Council\n"
	"    parent: vale\n"
	"organisation_kinds:\n"
	"  - id: charity\n"
	"    label: Charity\n"
	"evidence_levels:\n"
	"  - id: promising\n"
	"    label: Promising\n"
	"age_bands:\n"
	"  - id: under-5\n"
	"    label: Under 5\n"
	"    min_age: 0\n"
	"    max_age: 4\n";

/* A record that passes every check; tests change one line of it. */
static const char good_service[] =
	"name: Duty line\n"                          /* 1 */
	"organisation: fernvale-raa\n"               /* 2 */
	"summary: Advice for families.\n"            /* 3 */
	"audiences: [adopters]\n"                    /* 4 */
	"categories: [therapy]\n"                    /* 5 */
	"tiers: [universal]\n"                       /* 6 */
	"funding: [free]\n"                          /* 7 */
	"access:\n"                                  /* 8 */
	"  self_referral: true\n"                    /* 9 */
	"where:\n"                                   /* 10 */
	"  areas: [fernvale]\n"                      /* 11 */
	"contacts:\n"                                /* 12 */
	"  - role: Duty team\n"                      /* 13 */
	"    phone: 01632 960100\n"                  /* 14 */
	"    email: duty@fernvale.example.org\n"     /* 15 */
	"last_reviewed: 2026-10-01\n"                /* 16 */
	"review_by: 2027-10-01\n";                   /* 17 */

static void setup(void)
{
	diags_free(&D);
	buf_reset(&OUT);
}

/* Every diagnostic as "line:col: level: message" lines. */
static const char *diags_text(void)
{
	buf_reset(&OUT);
	for (size_t i = 0; i < D.n; i++)
		buf_printf(&OUT, "%s%d:%d: %s: %s", i ? "\n" : "", D.v[i].line, D.v[i].col,
			   D.v[i].level == DIAG_ERROR ? "error" : "warning", D.v[i].msg);
	return buf_cstr(&OUT);
}

/* good_service with line n (1-based) replaced by repl (which may hold
 * several lines, or be "" to drop the line). */
static const char *with_line(int n, const char *repl)
{
	static struct buf b;
	const char *p = good_service;
	int line = 1;

	buf_reset(&b);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = (size_t)(nl - p) + 1;
		if (line == n)
			buf_adds(&b, repl);
		else
			buf_add(&b, p, len);
		p += len;
		line++;
	}
	return buf_cstr(&b);
}

static struct service *service(const char *src)
{
	setup();
	return directory_parse_service(&A, &T, "s.yaml", "duty-line", src, strlen(src),
				       "2026-11-01", &D);
}

TEST(taxonomy_loads)
{
	const struct vocab_term *t;
	CHECK(T.v[VOCAB_AUDIENCES].n == 2 && T.v[VOCAB_AREAS].n == 2);
	t = taxonomy_find(&T, VOCAB_AREAS, "fernvale");
	CHECK(t && t->parent && !strcmp(t->parent->id, "vale"));
	CHECK(taxonomy_find(&T, VOCAB_AREAS, "vale")->parent == NULL);
	t = taxonomy_find(&T, VOCAB_AGE_BANDS, "under-5");
	CHECK(t && t->min_age == 0 && t->max_age == 4);
	CHECK(taxonomy_find(&T, VOCAB_TIERS, "peer") == NULL);
}

TEST(taxonomy_errors)
{
	struct taxonomy t;
	const char *src =
		"categories:\n"
		"  - id: therapy\n"
		"    label: Therapy\n"
		"    lable: typo\n"
		"  - id: therapy\n"
		"    label: Again\n"
		"  - id: Bad_Id\n"
		"    label: Bad\n"
		"areas:\n"
		"  - id: a\n"
		"    label: A\n"
		"    parent: b\n"
		"  - id: b\n"
		"    label: B\n"
		"    parent: a\n"
		"  - id: c\n"
		"    label: C\n"
		"    parent: nowhere\n"
		"colours: []\n";
	setup();
	CHECK(taxonomy_parse(&A, "tax.yaml", src, strlen(src), &t, &D));
	CHECK_STR(diags_text(),
		  "19:1: error: unknown taxonomy key 'colours'\n"
		  "4:5: error: unknown category key 'lable' (did you mean 'label'?)\n"
		  "7:9: error: category id 'Bad_Id' should use only lower-case letters, digits and single hyphens\n"
		  "5:5: error: duplicate category id 'therapy' (first on line 2)\n"
		  "18:13: error: unknown area 'nowhere'\n"
		  "10:5: error: area 'a' is inside itself through its parents");
}

TEST(good_record_is_clean)
{
	struct service *s = service(good_service);
	CHECK(s != NULL);
	CHECK_STR(diags_text(), "");
	CHECK_STR(s->name, "Duty line");
	CHECK(s->audiences.n == 1 && !strcmp(s->audiences.v[0]->id, "adopters"));
	CHECK(s->self_referral && s->n_contacts == 1 && s->min_age == -1);
	CHECK(s->areas.n == 1 && !s->national && s->status == STATUS_ESTABLISHED);
	CHECK_STR(s->contacts[0].phone, "01632 960100");
}

TEST(unknown_keys_suggest)
{
	service(with_line(3, "sumary: Advice.\n"));
	CHECK_STR(diags_text(), "3:1: error: unknown service key 'sumary' (did you mean 'summary'?)\n"
				"1:1: error: service has no 'summary'");
	service(with_line(9, "  self_referal: true\n"));
	CHECK_STR(diags_text(),
		  "9:3: error: unknown access key 'self_referal' (did you mean 'self_referral'?)\n"
		  "8:1: error: 'access' has no 'self_referral' (true or false)");
}

TEST(unknown_terms_suggest)
{
	service(with_line(5, "categories: [therapys, ASF, knitting]\n"));
	CHECK_STR(diags_text(),
		  "5:14: error: unknown category 'therapys' (did you mean 'therapy'?)\n"
		  "5:24: error: unknown category 'ASF' (did you mean 'support-fund'?)\n"
		  "5:29: error: unknown category 'knitting'");
	service(with_line(11, "  areas: [fernvail]\n"));
	CHECK_STR(diags_text(), "11:11: error: unknown area 'fernvail' (did you mean 'fernvale'?)");
	service(with_line(4, "audiences:\n  - adoptive parents\n"));
	CHECK_STR(diags_text(), "5:5: error: unknown audience 'adoptive parents' (did you mean 'adopters'?)");
}

TEST(required_fields)
{
	service(with_line(4, ""));
	CHECK_STR(diags_text(), "1:1: error: service has no 'audiences'");
	service(with_line(6, "tiers: []\n"));
	CHECK_STR(diags_text(), "6:1: error: 'tiers' should list at least one tier");
	service(with_line(11, "  national: false\n"));
	CHECK_STR(diags_text(), "10:1: error: 'where' has no 'areas' and is not 'national: true'");
	service(with_line(13, "  - hours: 9 to 5\n"));
	CHECK_STR(diags_text(), "13:5: error: contact has no 'role'");
	service(with_line(16, ""));
	CHECK_STR(diags_text(), "1:1: error: service has no 'last_reviewed' date");
}

TEST(ages)
{
	service(with_line(3, "summary: x\nminimum_age: 18\nmaximum_age: 5\n"));
	CHECK_STR(diags_text(), "5:14: error: impossible ages: maximum_age 5 is below minimum_age 18");
	service(with_line(3, "summary: x\nminimum_age: -1\n"));
	CHECK_STR(diags_text(), "4:14: error: impossible age: 'minimum_age' should be from 0 to 120, not -1");
	service(with_line(3, "summary: x\nmaximum_age: ten\n"));
	CHECK_STR(diags_text(), "4:14: error: 'maximum_age' should be a whole number");
}

TEST(dates)
{
	service(with_line(17, "review_by: 2026-02-30\n"));
	CHECK_STR(diags_text(), "17:12: error: 'review_by' should be a date written YYYY-MM-DD, not '2026-02-30'");
	service(with_line(17, "review_by: 2026-10-15\n"));
	CHECK_STR(diags_text(), "17:12: warning: review_by 2026-10-15 has passed");
	service(with_line(17, "review_by: 2026-09-01\n"));
	CHECK_STR(diags_text(), "17:12: warning: review_by 2026-09-01 has passed");
	service(with_line(16, "last_reviewed: 2026-12-01\n"));
	CHECK_STR(diags_text(), "16:16: warning: last_reviewed 2026-12-01 is after the build date 2026-11-01");
}

TEST(contacts)
{
	service(with_line(14, "    phone: 1632 960100\n"));
	CHECK_STR(diags_text(),
		  "14:12: error: phone number '1632 960100' is not a UK number; write it with digits and spaces, such as 01632 960000");
	service(with_line(15, "    email: duty@localhost\n"));
	CHECK_STR(diags_text(), "15:12: error: email address 'duty@localhost' is not valid; write it as name@example.org");
	service(with_line(15, "    url: javascript:alert(1)\n"));
	CHECK_STR(diags_text(),
		  "15:10: error: 'url' should be a full web address starting with https:// (spaces and quotes encoded), not 'javascript:alert(1)'");
	service(with_line(14, "    hours: 9 to 5\n") );
	CHECK_STR(diags_text(), "");
	service(with_line(13, "  - role: Duty team\n    hours: 9 to 5\n"));
	CHECK_STR(diags_text(), "");
	service("name: x\norganisation: o\nsummary: s\naudiences: [adopters]\ncategories: [therapy]\n"
		"tiers: [universal]\nfunding: [free]\naccess: {self_referral: true}\n"
		"where: {national: true}\ncontacts:\n  - role: Team\nlast_reviewed: 2026-01-01\n");
	CHECK_STR(diags_text(), "11:5: error: contact 'Team' has no 'phone', 'text', 'email' or 'url'");
}

TEST(cost_and_evidence)
{
	service(with_line(7, "funding: [charged]\ncost:\n  amount: 1995\n  covers: Ten sessions\n"));
	CHECK_STR(diags_text(),
		  "9:3: error: cost has an amount but no 'unit' (such as 'per family' or 'per session')");
	service(with_line(7, "funding: [charged]\ncost:\n  amount: £1,995\n  unit: per family\n"));
	CHECK_STR(diags_text(),
		  "9:11: error: cost 'amount' should be a number of pounds, such as 1995 or 12.50, not '£1,995'");
	service(with_line(7, "funding: [charged]\ncost:\n  amount: 12.50\n  unit: per session\n"));
	CHECK_STR(diags_text(), "");
	service(with_line(7, "funding: [charged]\ncost:\n  amount: 0.50\n  unit: per session\n"));
	CHECK_STR(diags_text(), "");
	service(with_line(7, "funding: [charged]\ncost:\n  amount: 050\n  unit: per session\n"));
	CHECK_STR(diags_text(),
		  "9:11: error: cost 'amount' should be a number of pounds, such as 1995 or 12.50, not '050'");
	service(with_line(7, "funding: [free]\nevidence:\n  level: promising\n"));
	CHECK_STR(diags_text(),
		  "8:1: error: evidence has no 'source': say where it comes from, such as an evaluation report");
	service(with_line(7, "funding: [free]\nevidence:\n  level: gold\n  source: A report, 2024\n"));
	CHECK_STR(diags_text(), "9:10: error: unknown evidence level 'gold'");
}

TEST(access_and_status)
{
	service(with_line(9, "  self_referral: false\n"));
	CHECK_STR(diags_text(),
		  "9:3: error: a service without self-referral needs 'referral': say who can refer and how");
	service(with_line(9, "  self_referral: yes\n"));
	CHECK_STR(diags_text(), "9:18: error: 'self_referral' should be true or false, not text 'yes'");
	service(with_line(17, "review_by: 2027-10-01\nstatus: pilott\n"));
	CHECK_STR(diags_text(), "18:9: error: unknown status 'pilott' (did you mean 'pilot'?)");
	service(with_line(17, "review_by: 2027-10-01\nstatus: pilot\n"));
	CHECK_STR(diags_text(), "");
}

TEST(venues)
{
	service(with_line(11, "  areas: [fernvale]\n  venues:\n    - name: Hall\n      address: 1 High St\n"
			      "      town: Fernvale\n      postcode: FV1 2XX9\n"));
	CHECK_STR(diags_text(), "16:17: error: postcode 'FV1 2XX9' is not a UK postcode such as FV1 2AB");
	service(with_line(11, "  areas: [fernvale]\n  venues:\n    - name: Hall\n      address: 1 High St\n"
			      "      postcode: fv1 2ab\n"));
	CHECK_STR(diags_text(), "13:7: error: venue has no 'town'");
}

TEST(organisations)
{
	const char *src = "name: Fernvale RAA\nkind: charty\ndescription: We help.\nwebsite: www.example.org\n"
			  "registration:\n  charity: \"1234567\"\n  ofstead: SC1\n";
	struct organisation *o;
	setup();
	o = directory_parse_organisation(&A, &T, "o.yaml", "fernvale-raa", src, strlen(src), &D);
	CHECK(o != NULL);
	CHECK_STR(diags_text(),
		  "2:7: error: unknown organisation kind 'charty' (did you mean 'charity'?)\n"
		  "4:10: error: 'website' should be a full web address starting with https:// (spaces and quotes encoded), not 'www.example.org'\n"
		  "7:3: error: unknown registration key 'ofstead' (did you mean 'ofsted'?)");
	CHECK(o && o->n_registrations == 1 && !strcmp(o->registrations[0].number, "1234567"));
}

TEST(linking)
{
	struct directory dir = { .present = true };
	struct service *a, *b;
	const char *org = "name: Fernvale RAA\nkind: charity\ndescription: We help.\n";
	struct organisation *o;

	setup();
	o = directory_parse_organisation(&A, &T, "organisations/fernvale-raa.yaml", "fernvale-raa",
					 org, strlen(org), &D);
	a = directory_parse_service(&A, &T, "services/duty-line.yaml", "duty-line", good_service,
				    strlen(good_service), "2026-11-01", &D);
	b = directory_parse_service(&A, &T, "services/x/duty-line.yaml", "duty-line",
				    with_line(2, "organisation: fernvale-rra\n"), strlen(good_service),
				    "2026-11-01", &D);
	dir.tax = T;
	dir.orgs = &o;
	dir.n_orgs = 1;
	dir.services = (struct service *[]){ b, a };
	dir.n_services = 2;
	directory_link_records(&dir, &D);
	CHECK_STR(diags_text(),
		  "0:0: error: duplicate service id 'duty-line' (also services/duty-line.yaml)\n"
		  "2:15: error: unknown organisation 'fernvale-rra' (did you mean 'fernvale-raa'?)");
	CHECK(a->org == o && b->org == NULL);
	CHECK(dir.services[0] == a);
}

TEST(phones)
{
	CHECK(directory_phone_ok("01632 960000"));
	CHECK(directory_phone_ok("07700 900123"));
	CHECK(directory_phone_ok("0800 1111"));
	CHECK(directory_phone_ok("0808 800 5000"));
	CHECK(directory_phone_ok("116 123"));
	CHECK(directory_phone_ok("999"));
	CHECK(directory_phone_ok("+44 1632 960000"));
	CHECK(directory_phone_ok("+44 (0)1632 960000"));
	CHECK(!directory_phone_ok("+44 01632 960000"));
	CHECK(!directory_phone_ok("01632 9600"));
	CHECK(!directory_phone_ok("01632-960000"));
	CHECK(!directory_phone_ok("00632 960000"));
	CHECK(!directory_phone_ok(" 01632 960000"));
	CHECK(!directory_phone_ok("01632 960000 "));
	CHECK(!directory_phone_ok("call us"));
	CHECK(!directory_phone_ok(""));
}

TEST(emails_urls_postcodes)
{
	CHECK(text_is_email("duty@fernvale-adoption.example.org"));
	CHECK(text_is_email("first.last+tag@example.org"));
	CHECK(!text_is_email("duty@@example.org"));
	CHECK(!text_is_email("duty.@example.org"));
	CHECK(!text_is_email("du..ty@example.org"));
	CHECK(!text_is_email("duty@-example.org"));
	CHECK(!text_is_email("duty example@example.org"));
	CHECK(!text_is_email("<b>@example.org"));
	CHECK(directory_url_ok("https://www.example.org/"));
	CHECK(directory_url_ok("http://example.org:8080/a/b?c=d&e=f#g"));
	CHECK(directory_url_ok("https://example.org/caf%C3%A9"));
	CHECK(!directory_url_ok("https://example.org/a b"));
	CHECK(!directory_url_ok("https://example.org/\"><script>"));
	CHECK(!directory_url_ok("https://localhost/"));
	CHECK(!directory_url_ok("ftp://example.org/"));
	CHECK(!directory_url_ok("/directory/"));
	CHECK(!directory_url_ok("https://example.org:x/"));
	CHECK(!directory_url_ok("https://example.org/%zz"));
	CHECK(directory_postcode_ok("FV1 2AB"));
	CHECK(directory_postcode_ok("M1 1AE"));
	CHECK(directory_postcode_ok("EC1A 1BB"));
	CHECK(directory_postcode_ok("W1A 0AX"));
	CHECK(directory_postcode_ok("ec1a1bb"));
	CHECK(!directory_postcode_ok("FV1  2AB"));
	CHECK(!directory_postcode_ok("123 4AB"));
	CHECK(!directory_postcode_ok("FV1 AB"));
}

static const char *hex(const unsigned char *d, size_t n)
{
	static char out[64];
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return out;
}

/* The test vectors of RFC 3174 section 7.3 (and FIPS 180's examples). */
TEST(sha1_vectors)
{
	unsigned char d[SHA1_DIGEST_SIZE];
	struct sha1 c;
	char *million = xmalloc(1000000);

	sha1("abc", 3, d);
	CHECK_STR(hex(d, 20), "a9993e364706816aba3e25717850c26c9cd0d89d");
	sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, d);
	CHECK_STR(hex(d, 20), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	memset(million, 'a', 1000000);
	sha1(million, 1000000, d);
	CHECK_STR(hex(d, 20), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	free(million);
	sha1_init(&c);
	for (int i = 0; i < 10; i++)
		sha1_update(&c, "0123456701234567012345670123456701234567012345670123456701234567", 64);
	sha1_final(&c, d);
	CHECK_STR(hex(d, 20), "dea356a2cddd90c7a7ecedc5ebb563934f460452");
	sha1("", 0, d);
	CHECK_STR(hex(d, 20), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	/* updates of odd sizes across block boundaries */
	sha1_init(&c);
	sha1_update(&c, "abcdbcdecdefdefgefghfghighij", 28);
	sha1_update(&c, "hijkijkljklmklmnlmnomnopnopq", 28);
	sha1_final(&c, d);
	CHECK_STR(hex(d, 20), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

TEST(uuid_v5)
{
	/* the DNS namespace of RFC 4122 appendix C, and Python's uuid5 */
	static const unsigned char ns_dns[16] = {
		0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
	};
	unsigned char u[16];
	char s[UUID_STR_SIZE];
	const char *url = "https://adoption.example.org/directory/services/duty-line/";

	uuid_v5(ns_dns, "python.org", 10, u);
	uuid_format(u, s);
	CHECK_STR(s, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	uuid_v5(uuid_ns_url, url, strlen(url), u);
	uuid_format(u, s);
	CHECK_STR(s, "fe87b892-41f3-5b30-86eb-22df54851896");
}

int main(void)
{
	arena_init(&A);
	if (!taxonomy_parse(&A, "taxonomy.yaml", taxonomy_yaml, strlen(taxonomy_yaml), &T, &D) ||
	    D.n) {
		fprintf(stderr, "test taxonomy: %s\n", D.n ? D.v[0].msg : "failed");
		return 1;
	}
	RUN(taxonomy_loads);
	RUN(taxonomy_errors);
	RUN(good_record_is_clean);
	RUN(unknown_keys_suggest);
	RUN(unknown_terms_suggest);
	RUN(required_fields);
	RUN(ages);
	RUN(dates);
	RUN(contacts);
	RUN(cost_and_evidence);
	RUN(access_and_status);
	RUN(venues);
	RUN(organisations);
	RUN(linking);
	RUN(phones);
	RUN(emails_urls_postcodes);
	RUN(sha1_vectors);
	RUN(uuid_v5);
	diags_free(&D);
	buf_free(&OUT);
	arena_free(&A);
	return harness_done();
}
