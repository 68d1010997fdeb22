/*
 * Regression tests for util/text.c and the output paths made from
 * names: Windows device names are refused as slugs, page and folder
 * names, and static files (a site must be copyable to any server).
 */
#include "harness.h"
#include "util/text.h"

TEST(windows_device_names)
{
	static const char *const yes[] = {
		"CON", "con", "Con", "prn", "aux", "nul", "NUL.txt", "com1", "COM9", "lpt1",
		"lpt9.html", "con.tar.gz", "aux .md", "com0", "lpt\xc2\xb9", "COM\xc2\xb3",
	};
	static const char *const no[] = {
		"", "cons", "icon", "null", "com", "com10", "lpt", "auxiliary", "con-tact",
		"nul-points", ".con", "comx", "lpt\xc2\xb4", "_index", "section",
	};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++)
		CHECK(text_reserved_name(yes[i]));
	for (size_t i = 0; i < ARRAY_LEN(no); i++)
		CHECK(!text_reserved_name(no[i]));
}

/* Slugs made from file names: dots are dropped, so "c.o.n" is "con". */
TEST(slugs_from_names)
{
	struct arena a;
	arena_init(&a);
	CHECK(text_reserved_name(text_slug(&a, "c.o.n", 5)));
	CHECK(text_reserved_name(text_slug(&a, "AUX", 3)));
	CHECK(!text_reserved_name(text_slug(&a, "aux files", 9)));
	arena_free(&a);
}

int main(void)
{
	RUN(windows_device_names);
	RUN(slugs_from_names);
	return harness_done();
}
