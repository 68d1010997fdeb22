/*
 * test_new.c: the pieces of `signpost new` that do not touch the disk:
 * names, titles, placeholder expansion, and the site's texts.
 */
#include "harness.h"
#include "new/new.h"
#include "new/templates.h"

TEST(names)
{
	CHECK(new_name_ok("school-transport"));
	CHECK(new_name_ok("a"));
	CHECK(new_name_ok("step2"));
	CHECK(!new_name_ok(""));
	CHECK(!new_name_ok("-a"));
	CHECK(!new_name_ok("a-"));
	CHECK(!new_name_ok("a--b"));
	CHECK(!new_name_ok("School"));
	CHECK(!new_name_ok("a b"));
	CHECK(!new_name_ok("a_b"));
	CHECK(!new_name_ok(".."));
	CHECK(!new_name_ok("a/b"));
	CHECK(!new_name_ok("caf\xc3\xa9"));
	CHECK(!new_name_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

TEST(titles)
{
	char *t = new_title_from_name("school-transport");
	CHECK_STR(t, "School transport");
	free(t);
	t = new_title_from_name("2026-open-day");
	CHECK_STR(t, "2026 open day");
	free(t);
}

TEST(expand)
{
	const char *keys[] = { "A", "LONGER" };
	const char *vals[] = { "1", "{A}" };
	char *s = new_expand("{A}-{LONGER}-{B}-{A-{}-{{A}}", keys, vals, 2);
	/* a value is not expanded again; unknown keys stay */
	CHECK_STR(s, "1-{A}-{B}-{A-{}-{1}");
	free(s);
}

TEST(site_texts)
{
	bool config = false, home = false;

	CHECK(new_site_n_files > 10);
	for (size_t i = 0; i < new_site_n_files; i++) {
		const char *p = new_site_files[i].path;
		CHECK(p[0] != '/' && !strstr(p, ".."));
		config |= !strcmp(p, "config.yaml");
		home |= !strcmp(p, "content/_index.md");
		/* parents come before children, so folders exist in order */
		if (i > 0)
			CHECK(strchr(new_site_files[i - 1].path, '/') == NULL ||
			      strchr(p, '/') != NULL);
	}
	CHECK(config);
	CHECK(home);
	CHECK(strstr(new_page_text, "title: {TITLE}") != NULL);
}

int main(void)
{
	RUN(names);
	RUN(titles);
	RUN(expand);
	RUN(site_texts);
	return harness_done();
}
