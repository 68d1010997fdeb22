/*
 * fuzz_yaml.c: YAML loading (libyaml events into struct value), with
 * its limits on depth, aliases and size.  The value built is walked
 * (without recursion) to check it is well formed.
 */
#include "fuzz.h"
#include "load/yaml.h"
#include "util/limits.h"

/* Walks v iteratively; returns the number of values visited, counting
 * shared (aliased) values each time they are reached. */
static size_t walk(const struct value *root)
{
	const struct value **stack = xmalloc(sizeof(*stack) * 64);
	size_t n = 0, cap = 64, seen = 0;

	stack[n++] = root;
	while (n) {
		const struct value *v = stack[--n];
		seen++;
		FUZZ_CHECK(seen <= LIMIT_YAML_NODES);
		switch (v->kind) {
		case VAL_STRING:
			FUZZ_CHECK(v->str && strlen(v->str) <= v->len);
			break;
		case VAL_LIST:
		case VAL_MAP:
			if (n + v->len > cap) {
				cap = (n + v->len) * 2;
				stack = xrealloc(stack, cap * sizeof(*stack));
			}
			for (size_t i = 0; i < v->len; i++) {
				const struct value *c = v->kind == VAL_LIST ? v->items[i] :
						       v->pairs[i].val;
				if (v->kind == VAL_MAP)
					FUZZ_CHECK(v->pairs[i].key != NULL);
				FUZZ_CHECK(c != NULL);
				stack[n++] = c;
			}
			break;
		default:
			break;
		}
	}
	free(stack);
	return seen;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct diags d = DIAGS_INIT;
	struct value *v;

	arena_init(&a);
	v = yaml_parse(&a, "content/directory/services/x.yaml", (const char *)data, size, 0, &d);
	if (v)
		walk(v);
	else
		FUZZ_CHECK(d.errors > 0);
	/* front matter passes an offset: positions shift, nothing else */
	v = yaml_parse(&a, "content/x.md", (const char *)data, size, 1, &d);
	fuzz_drain(&d);
	arena_free(&a);
	return 0;
}
