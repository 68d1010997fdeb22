/*
 * fuzz_record.c: the directory's records, from memory: the first byte
 * picks a service, an organisation or a taxonomy; the rest is its YAML.
 * Records are checked against a fixed taxonomy; every problem must be
 * a diagnostic, never a crash, a leak or a hang.
 */
#include "fuzz.h"
#include "load/directory.h"

static const char taxonomy_yaml[] =
	"audiences:\n"
	"  - {id: adopters, label: Adopters, synonyms: [adoptive parents]}\n"
	"  - {id: children, label: Children and young people, guide: children}\n"
	"categories:\n"
	"  - {id: therapy, label: Therapy, group: Support}\n"
	"  - {id: support-fund, label: Support fund, synonyms: [ASF]}\n"
	"tiers:\n"
	"  - {id: universal, label: Universal}\n"
	"funding:\n"
	"  - {id: free, label: Free}\n"
	"delivery:\n"
	"  - {id: online, label: Online}\n"
	"areas:\n"
	"  - {id: vale, label: Vale region, kind: region}\n"
	"  - {id: fernvale, label: Fernvale, parent: vale}\n"
	"organisation_kinds:\n"
	"  - {id: charity, label: Charity}\n"
	"evidence_levels:\n"
	"  - {id: promising, label: Promising}\n"
	"age_bands:\n"
	"  - {id: under-5, label: Under 5, min_age: 0, max_age: 4}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena tax_arena;
	static struct taxonomy tax;
	static bool ready;
	struct arena a;
	struct diags d = DIAGS_INIT;
	const char *s = (const char *)data + 1;
	size_t n = size ? size - 1 : 0;

	if (!ready) {
		struct diags td = DIAGS_INIT;
		arena_init(&tax_arena);
		FUZZ_CHECK(taxonomy_parse(&tax_arena, "taxonomy.yaml", taxonomy_yaml,
					  sizeof(taxonomy_yaml) - 1, &tax, &td));
		FUZZ_CHECK(td.errors == 0);
		diags_free(&td);
		ready = true;
	}
	if (size == 0)
		return 0;
	arena_init(&a);
	switch (data[0] % 3) {
	case 0: {
		struct service *sv = directory_parse_service(&a, &tax, "content/directory/services/x.yaml",
							      "x", s, n, "2026-11-18", &d);
		(void)sv;
		break;
	}
	case 1: {
		struct organisation *o = directory_parse_organisation(&a, &tax,
			"content/directory/organisations/x.yaml", "x", s, n, &d);
		(void)o;
		break;
	}
	default: {
		struct taxonomy t;
		taxonomy_parse(&a, "content/directory/taxonomy.yaml", s, n, &t, &d);
		break;
	}
	}
	fuzz_drain(&d);
	arena_free(&a);
	return 0;
}
