/*
 * fuzz_source.c: a Markdown page from memory: front matter splitting
 * (fm_split), then source_parse (UTF-8 and NUL checks, the YAML of the
 * front matter, every known key's type, slug and layout checks, params).
 */
#include "fuzz.h"
#include "load/frontmatter.h"
#include "load/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *src = (const char *)data;
	struct arena a;
	struct diags d = DIAGS_INIT;
	struct config cfg;
	struct fm_split fm;
	struct source *s;

	/* the split alone: every offset stays inside the input */
	switch (fm_split(src, size, &fm)) {
	case FM_OK:
		FUZZ_CHECK(fm.yaml_off <= size && fm.yaml_len <= size - fm.yaml_off);
		FUZZ_CHECK(fm.body_off >= fm.yaml_off + fm.yaml_len);
		/* fall through */
	case FM_NONE:
	case FM_UNCLOSED:
		FUZZ_CHECK(fm.body_off <= size && fm.body_len == size - fm.body_off);
		FUZZ_CHECK(fm.yaml_line >= 1 && fm.body_line >= 1);
		break;
	}

	arena_init(&a);
	memset(&cfg, 0, sizeof(cfg));
	cfg.file = "config.yaml";
	cfg.params = value_map(&a);
	value_map_set_str(&a, cfg.params, "hero", "Welcome");
	value_map_set(&a, cfg.params, "show_map", value_bool(&a, true));

	s = source_parse(&a, &cfg, "content/adopters/page.md", "adopters/page.md", src, size, &d);
	if (s) {
		FUZZ_CHECK(s->title != NULL && s->fm && s->fm->kind == VAL_MAP);
		FUZZ_CHECK(s->body && strlen(s->body) == s->body_len);
		FUZZ_CHECK(s->params && s->params->kind == VAL_MAP);
		if (s->slug)
			FUZZ_CHECK(!strchr(s->slug, '/') && !strchr(s->slug, '\\') &&
				   strcmp(s->slug, "..") && strcmp(s->slug, "."));
	}
	/* an _index.md goes through the same code with is_index set */
	s = source_parse(&a, &cfg, "content/_index.md", "_index.md", src, size, &d);
	(void)s;
	fuzz_drain(&d);
	arena_free(&a);
	return 0;
}
