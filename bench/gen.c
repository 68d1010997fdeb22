/*
 * bench/gen.c: the synthetic site of `make bench`.
 *
 *   gen DIR [-n PAGES] [-m SERVICES]
 *
 * writes the same content twice: DIR/signpost/ as a signpost site
 * (Markdown pages, directory records in YAML) and DIR/hugo/ as a Hugo
 * site (the same Markdown pages byte for byte; each service and
 * organisation as a page whose front matter holds the record's fields,
 * since Hugo has no directory).  The pages are spread evenly over the
 * four guides, in sections of SECTION_PAGES pages, with headings, lists,
 * links between pages, tables and an external link.  A fixed
 * pseudo-random sequence makes the output the same on every run.
 *
 * The Hugo templates and the signpost layouts live beside this file
 * (bench/hugo/, bench/layouts/) and are copied by bench/run.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SECTION_PAGES 50

static const char *const guides[4][2] = {
	{ "adopters", "Adopters and prospective adopters" },
	{ "children", "Children and young people" },
	{ "birth-families", "Birth parents and birth families" },
	{ "adopted-adults", "Adopted adults" },
};

static const char *const words[] = {
	"adoption", "support", "family", "child", "children", "parent", "parents", "social",
	"worker", "school", "help", "group", "meeting", "letter", "contact", "birth",
	"record", "records", "council", "agency", "plan", "court", "order", "assessment",
	"therapy", "fund", "training", "course", "session", "weekend", "holiday", "home",
	"feelings", "questions", "answers", "story", "life", "book", "photos", "memories",
	"time", "week", "month", "year", "day", "evening", "morning", "phone", "email",
	"advice", "information", "service", "team", "duty", "line", "talk", "listen",
	"understand", "explain", "share", "ask", "need", "want", "feel", "know", "learn",
	"find", "read", "write", "call", "visit", "meet", "plan", "choose", "decide",
	"safe", "kind", "calm", "hard", "easy", "new", "old", "young", "small", "big",
	"local", "free", "private", "careful", "gentle", "honest", "clear", "simple",
	"the", "the", "the", "a", "a", "and", "and", "and", "to", "to", "of", "of", "in",
	"with", "for", "you", "you", "your", "we", "our", "they", "it", "can", "will",
	"may", "is", "are", "be", "have", "has", "about", "after", "before", "when", "if",
	"that", "this", "what", "who", "how", "where", "some", "many", "other", "every",
	"there", "not", "often", "also", "still", "only", "more", "most", "very", "just",
	"together", "alone", "again", "always", "sometimes", "later", "soon", "first",
};

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	/* xorshift64*: small, fast and the same everywhere */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

static const char *word(void)
{
	return words[rnd(sizeof(words) / sizeof(words[0]))];
}

struct out {
	char *data;
	size_t len, cap;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(o->data + o->len, o->cap - o->len, fmt, ap);
		va_end(ap);
		if (n < 0)
			abort();
		if (o->len + (size_t)n < o->cap)
			break;
		o->cap = (o->cap + (size_t)n) * 2 + 4096;
		o->data = realloc(o->data, o->cap);
		if (!o->data)
			abort();
	}
	o->len += (size_t)n;
}

static void mkdirs(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
	}
	if (mkdir(buf, 0755) < 0 && errno != EEXIST) {
		perror(buf);
		exit(1);
	}
}

static void save(const char *path, const struct out *o)
{
	FILE *f;
	char dir[4096];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		mkdirs(dir);
	}
	f = fopen(path, "w");
	if (!f || fwrite(o->data, 1, o->len, f) != o->len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* Both sites get the same file. */
static void save2(const char *root, const char *rel, const struct out *o)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/signpost/%s", root, rel);
	save(path, o);
	snprintf(path, sizeof(path), "%s/hugo/%s", root, rel);
	save(path, o);
}

static void sentence(struct out *o, unsigned min, unsigned max)
{
	unsigned n = min + rnd(max - min + 1);
	for (unsigned i = 0; i < n; i++) {
		const char *w = word();
		if (i == 0)
			put(o, "%c%s", w[0] - 'a' + 'A', w + 1);
		else
			put(o, " %s", w);
	}
	put(o, ".");
}

static void paragraph(struct out *o)
{
	unsigned n = 3 + rnd(4);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			put(o, " ");
		sentence(o, 6, 18);
	}
	put(o, "\n\n");
}

/* Page numbering: guide g, section s, page p (p 0 is the section's _index). */
struct layout {
	unsigned per_guide, sections;
};

static void page_url(struct out *o, unsigned g, unsigned s, unsigned p)
{
	if (p == 0)
		put(o, "/%s/s%03u/", guides[g][0], s + 1);
	else
		put(o, "/%s/s%03u/p%04u/", guides[g][0], s + 1, p);
}

static unsigned section_size(const struct layout *l, unsigned s)
{
	unsigned left = l->per_guide - s * SECTION_PAGES;
	return left < SECTION_PAGES ? left : SECTION_PAGES;
}

static void link_somewhere(struct out *o, const struct layout *l, unsigned g)
{
	unsigned s = rnd(l->sections), n = section_size(l, s);
	unsigned p = 1 + rnd(n > 1 ? n - 1 : 1);
	if (n <= 1)
		p = 0;
	put(o, "[%s %s](", word(), word());
	page_url(o, g, s, p);
	put(o, ")");
}

static void body(struct out *o, const struct layout *l, unsigned g)
{
	unsigned sections = 3 + rnd(3);

	paragraph(o);
	for (unsigned i = 0; i < sections; i++) {
		put(o, "## ");
		sentence(o, 2, 5);
		o->len--;    /* no full stop in a heading */
		put(o, " %u\n\n", i + 1);
		paragraph(o);
		switch (rnd(4)) {
		case 0: {
			unsigned n = 4 + rnd(4);
			for (unsigned k = 0; k < n; k++) {
				put(o, "- ");
				sentence(o, 3, 10);
				if (k == 1) {
					put(o, " See ");
					link_somewhere(o, l, g);
					put(o, ".");
				}
				put(o, "\n");
			}
			put(o, "\n");
			break;
		}
		case 1: {
			unsigned n = 3 + rnd(3);
			for (unsigned k = 0; k < n; k++) {
				put(o, "%u. ", k + 1);
				sentence(o, 4, 12);
				put(o, "\n");
			}
			put(o, "\n");
			break;
		}
		case 2:
			put(o, "| What | When | Who to ask |\n| --- | --- | --- |\n");
			for (unsigned k = 0; k < 4; k++)
				put(o, "| %s %s | %u %s | %s %s |\n", word(), word(), 1 + rnd(28),
				    k % 2 ? "March" : "September", word(), word());
			put(o, "\n");
			break;
		default:
			put(o, "### ");
			sentence(o, 2, 4);
			o->len--;
			put(o, " %u.1\n\n", i + 1);
			paragraph(o);
			break;
		}
		if (rnd(2)) {
			put(o, "You can read more in ");
			link_somewhere(o, l, g);
			put(o, ", or on the [national adoption website %u](https://www.example.org/adoption/%u).\n\n",
			    rnd(100), rnd(100));
		}
	}
}

static void front(struct out *o, const char *title, unsigned weight)
{
	put(o, "---\ntitle: \"%s\"\ndescription: \"", title);
	sentence(o, 8, 14);
	put(o, "\"\nweight: %u\n---\n\n", weight);
}

static void pages(const char *root, unsigned n_pages)
{
	struct layout l = { .per_guide = n_pages / 4 };
	struct out o = { 0 };
	char rel[512], title[256];

	l.sections = (l.per_guide + SECTION_PAGES - 1) / SECTION_PAGES;
	for (unsigned g = 0; g < 4; g++) {
		o.len = 0;
		front(&o, guides[g][1], g + 1);
		paragraph(&o);
		snprintf(rel, sizeof(rel), "content/%s/_index.md", guides[g][0]);
		save2(root, rel, &o);
		for (unsigned s = 0; s < l.sections; s++) {
			unsigned n = section_size(&l, s);
			for (unsigned p = 0; p < n; p++) {
				o.len = 0;
				/* titles unique across the site, as people would write them */
				if (p == 0)
					snprintf(title, sizeof(title), "%s %u: %s and %s", guides[g][0], s + 1, word(), word());
				else
					snprintf(title, sizeof(title), "%s %s %s %u.%u", word(), word(), word(), s + 1, p);
				title[0] = (char)(title[0] - 'a' + 'A');
				front(&o, title, p + 1);
				body(&o, &l, g);
				if (p == 0)
					snprintf(rel, sizeof(rel), "content/%s/s%03u/_index.md", guides[g][0], s + 1);
				else
					snprintf(rel, sizeof(rel), "content/%s/s%03u/p%04u.md", guides[g][0], s + 1, p);
				save2(root, rel, &o);
			}
		}
	}
	o.len = 0;
	front(&o, "Welcome to the synthetic portal", 0);
	paragraph(&o);
	save2(root, "content/_index.md", &o);
	for (unsigned k = 0; k < 4; k++) {
		static const char *const about[4][2] = {
			{ "accessibility", "Accessibility statement" }, { "privacy", "Privacy notice" },
			{ "complaints", "Feedback and complaints" }, { "contact", "Contact us" },
		};
		o.len = 0;
		front(&o, about[k][1], k + 1);
		paragraph(&o);
		snprintf(rel, sizeof(rel), "content/about/%s.md", about[k][0]);
		save2(root, rel, &o);
	}
	o.len = 0;
	front(&o, "About us", 5);
	paragraph(&o);
	save2(root, "content/about/_index.md", &o);
	free(o.data);
}

static const char *const categories[] = {
	"advice", "assessment", "peer-support", "training", "counselling", "therapy", "education",
	"contact-support", "records", "crisis",
};
static const char *const audiences[] = { "adopters", "children", "birth-families", "adopted-adults" };
static const char *const tiers[] = { "universal", "targeted", "specialist", "crisis" };
static const char *const funding[] = { "free", "support-fund", "local-authority", "charged" };
static const char *const modes[] = { "in-person", "online", "phone" };
static const char *const areas[] = { "north", "south", "east", "west" };

#define PICK(a) a[rnd(sizeof(a) / sizeof(a[0]))]

static void taxonomy(const char *root)
{
	struct out o = { 0 };
	char path[4096];

	put(&o, "audiences:\n");
	for (size_t i = 0; i < 4; i++)
		put(&o, "  - id: %s\n    label: %s\n    guide: %s\n", audiences[i], guides[i][1], audiences[i]);
	put(&o, "categories:\n");
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		put(&o, "  - id: %s\n    label: Category %s\n    group: What you need help with\n", categories[i], categories[i]);
	put(&o, "tiers:\n");
	for (size_t i = 0; i < 4; i++)
		put(&o, "  - id: %s\n    label: Tier %s\n", tiers[i], tiers[i]);
	put(&o, "funding:\n");
	for (size_t i = 0; i < 4; i++)
		put(&o, "  - id: %s\n    label: Funding %s\n", funding[i], funding[i]);
	put(&o, "delivery:\n");
	for (size_t i = 0; i < 3; i++)
		put(&o, "  - id: %s\n    label: Mode %s\n", modes[i], modes[i]);
	put(&o, "areas:\n  - id: region\n    label: The region\n    kind: region\n");
	for (size_t i = 0; i < 4; i++)
		put(&o, "  - id: %s\n    label: %c%s council\n    kind: local-authority\n    parent: region\n",
		    areas[i], areas[i][0] - 'a' + 'A', areas[i] + 1);
	put(&o, "organisation_kinds:\n  - id: charity\n    label: Charity\n"
		"  - id: local-authority\n    label: Local authority\n    public_body: true\n");
	put(&o, "evidence_levels:\n  - id: family-feedback\n    label: Family feedback\n");
	put(&o, "age_bands:\n  - id: under-11\n    label: Under 11\n    min_age: 0\n    max_age: 10\n"
		"  - id: 11-to-25\n    label: 11 to 25\n    min_age: 11\n    max_age: 25\n");
	snprintf(path, sizeof(path), "%s/signpost/content/directory/taxonomy.yaml", root);
	save(path, &o);
	free(o.data);
}

static void records(const char *root, unsigned n_services)
{
	unsigned n_orgs = n_services / 10 ? n_services / 10 : 1;
	struct out y = { 0 }, h = { 0 }, desc = { 0 };
	char path[4096];

	for (unsigned i = 1; i <= n_orgs; i++) {
		y.len = h.len = desc.len = 0;
		paragraph(&desc);
		desc.len -= 2;
		put(&y, "name: Organisation %u\nkind: charity\ndescription: |\n  %s\n", i, desc.data);
		put(&y, "contacts:\n  - role: Office\n    phone: 01632 96%04u\n    email: office%u@example.org\n", i % 10000, i);
		put(&h, "---\ntitle: \"Organisation %u\"\ntype: organisation\nkind: charity\n", i);
		put(&h, "contacts:\n  - role: Office\n    phone: 01632 96%04u\n    email: office%u@example.org\n---\n\n%s\n", i % 10000, i, desc.data);
		snprintf(path, sizeof(path), "%s/signpost/content/directory/organisations/o%04u.yaml", root, i);
		save(path, &y);
		snprintf(path, sizeof(path), "%s/hugo/content/directory/organisations/o%04u.md", root, i);
		save(path, &h);
	}
	for (unsigned i = 1; i <= n_services; i++) {
		const char *aud = PICK(audiences), *cat = PICK(categories), *cat2 = PICK(categories);
		const char *tier = PICK(tiers), *fund = PICK(funding), *mode = PICK(modes), *area = PICK(areas);
		unsigned org = 1 + rnd(n_orgs);
		y.len = h.len = desc.len = 0;
		paragraph(&desc);
		desc.len -= 2;
		put(&y, "name: Service %u\norganisation: o%04u\nsummary: \"", i, org);
		sentence(&y, 8, 16);
		put(&y, "\"\ndescription: |\n  %s\n", desc.data);
		put(&y, "audiences: [%s]\ncategories: [%s%s%s]\ntiers: [%s]\nfunding: [%s]\n", aud, cat,
		    strcmp(cat, cat2) ? ", " : "", strcmp(cat, cat2) ? cat2 : "", tier, fund);
		put(&y, "access:\n  self_referral: true\ndelivery:\n  modes: [%s]\n  format: individual\n", mode);
		put(&y, "where:\n  areas: [%s]\nhours: Monday to Friday, 9am to 5pm\n", area);
		put(&y, "contacts:\n  - role: Team\n    phone: 01632 96%04u\n    email: team%u@example.org\n", i % 10000, i);
		put(&y, "last_reviewed: 2026-10-01\nreview_by: 2099-10-01\n");

		put(&h, "---\ntitle: \"Service %u\"\ntype: service\norganisation: o%04u\n", i, org);
		put(&h, "summary: \"%.*s\"\n", (int)(strchr(strstr(y.data, "summary: \"") + 10, '"') - (strstr(y.data, "summary: \"") + 10)),
		    strstr(y.data, "summary: \"") + 10);
		put(&h, "audiences: [%s]\ncategories: [%s%s%s]\ntiers: [%s]\nfunding: [%s]\n", aud, cat,
		    strcmp(cat, cat2) ? ", " : "", strcmp(cat, cat2) ? cat2 : "", tier, fund);
		put(&h, "self_referral: true\nmodes: [%s]\nformat: individual\nareas: [%s]\n", mode, area);
		put(&h, "hours: Monday to Friday, 9am to 5pm\n");
		put(&h, "contacts:\n  - role: Team\n    phone: 01632 96%04u\n    email: team%u@example.org\n", i % 10000, i);
		put(&h, "last_reviewed: 2026-10-01\nreview_by: 2099-10-01\n---\n\n%s\n", desc.data);
		snprintf(path, sizeof(path), "%s/signpost/content/directory/services/s%05u.yaml", root, i);
		save(path, &y);
		snprintf(path, sizeof(path), "%s/hugo/content/directory/services/s%05u.md", root, i);
		save(path, &h);
	}
	free(y.data);
	free(h.data);
	free(desc.data);
}

static void configs(const char *root)
{
	struct out o = { 0 };
	char path[4096];

	put(&o, "title: Synthetic Adoption Portal\nbase_url: https://bench.example.org/\nlanguage: en-GB\n"
		"output: public\ntheme: default\nguides:\n");
	for (unsigned g = 0; g < 4; g++)
		put(&o, "  - id: %s\n    title: %s\n    style: %s\n    quick_exit: %s\n", guides[g][0], guides[g][1],
		    g == 1 ? "child" : "standard", g == 1 || g == 2 ? "true" : "false");
	put(&o, "params:\n  quick_exit_url: https://www.bbc.co.uk/weather\n"
		"help:\n  - title: Our duty line\n    phone: \"01632 960000\"\n    hours: Monday to Friday, 9am to 5pm\n"
		"  - title: In an emergency\n    phone: \"999\"\n    description: If someone is in danger right now, call 999.\n");
	snprintf(path, sizeof(path), "%s/signpost/config.yaml", root);
	save(path, &o);

	o.len = 0;
	put(&o, "baseURL: https://bench.example.org/\ntitle: Synthetic Adoption Portal\nlanguageCode: en-GB\n"
		"disableKinds: [taxonomy, term, RSS]\nenableRobotsTXT: true\n"
		"markup:\n  goldmark:\n    renderer:\n      unsafe: false\n"
		"  tableOfContents:\n    startLevel: 2\n    endLevel: 3\n"
		"params:\n  quick_exit_url: https://www.bbc.co.uk/weather\n"
		"  help:\n    - title: Our duty line\n      phone: \"01632 960000\"\n      hours: Monday to Friday, 9am to 5pm\n"
		"    - title: In an emergency\n      phone: \"999\"\n      description: If someone is in danger right now, call 999.\n");
	snprintf(path, sizeof(path), "%s/hugo/config.yaml", root);
	save(path, &o);
	free(o.data);
}

int main(int argc, char **argv)
{
	unsigned n_pages = 10000, n_services = 2000;
	const char *root = NULL;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n_pages = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-m") && i + 1 < argc)
			n_services = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (argv[i][0] != '-' && !root)
			root = argv[i];
		else {
			fprintf(stderr, "usage: gen DIR [-n PAGES] [-m SERVICES]\n");
			return 2;
		}
	}
	if (!root || n_pages < 4 || n_pages > 1000000 || n_services > 100000) {
		fprintf(stderr, "usage: gen DIR [-n PAGES (4 to 1000000)] [-m SERVICES (0 to 100000)]\n");
		return 2;
	}
	mkdirs(root);
	configs(root);
	pages(root, n_pages);
	if (n_services) {
		taxonomy(root);
		records(root, n_services);
	}
	return 0;
}
