/*
 * fuzz_mustache.c: the Mustache parser and renderer.  The input is a
 * template; it is rendered against a fixed context, and every partial
 * or parent name loads the input itself, so self-inclusion, parents
 * with blocks and deep expansion are all in reach.  Rendering must
 * stop at its limits with a diagnostic, never crash or run away.
 */
#include "fuzz.h"
#include "load/yaml.h"
#include "render/mustache.h"
#include "util/limits.h"

static const char context_yaml[] =
	"title: \"<script>alert('t')</script> & more\"\n"
	"name: Chris\n"
	"empty: ''\n"
	"zero: '0'\n"
	"yes: true\n"
	"no: false\n"
	"nothing: ~\n"
	"a: {b: {c: deep, d: [1, 2]}, list: [x, y]}\n"
	"list: [one, two, three]\n"
	"items:\n"
	"  - {name: first, url: /a/, items: [p, q], yes: false}\n"
	"  - {name: second, url: /b/, items: [], nothing: here}\n"
	"  - {name: third}\n"
	"page: {title: Page, content: \"<p>x</p>\", toc: [{id: a, text: A}], params: {k: v}}\n"
	"site: {title: Site, base_url: 'https://example.org/', nav: [{title: N, url: /n/}]}\n"
	"nested: [[a, b], [c, [d, e]], []]\n";

static struct arena ctx_arena;
static const struct value *ctx;

struct self {
	const struct tmpl *t;
	unsigned loads;
};

static const struct tmpl *load_self(void *p, const char *name, struct diags *d)
{
	struct self *s = p;
	(void)name;
	(void)d;
	s->loads++;
	return s->t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct diags d = DIAGS_INIT;
	struct tmpl *t;

	if (!ctx) {
		struct diags cd = DIAGS_INIT;
		arena_init(&ctx_arena);
		ctx = yaml_parse(&ctx_arena, "context.yaml", context_yaml,
				 sizeof(context_yaml) - 1, 0, &cd);
		FUZZ_CHECK(ctx && ctx->kind == VAL_MAP);
		diags_free(&cd);
	}

	arena_init(&a);
	t = tmpl_parse(&a, "layouts/fuzz.mustache", (const char *)data, size, &d);
	if (!t) {
		FUZZ_CHECK(d.errors > 0);
	} else {
		struct self s = { t, 0 };
		struct tmpl_loader loader = { load_self, &s };
		struct buf out = BUF_INIT;
		bool ok = tmpl_render(t, ctx, &loader, &out, &d);
		FUZZ_CHECK(ok || d.errors > 0);
		FUZZ_CHECK(out.len <= LIMIT_OUTPUT_SIZE);
		/* and once more with no loader and no context */
		buf_reset(&out);
		ok = tmpl_render(t, NULL, NULL, &out, &d);
		FUZZ_CHECK(ok || d.errors > 0);
		buf_free(&out);
	}
	fuzz_drain(&d);
	arena_free(&a);
	return 0;
}
