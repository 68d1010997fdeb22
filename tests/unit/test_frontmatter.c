/* Unit tests for load/frontmatter.c: fences, offsets, line numbers. */
#include "harness.h"
#include "load/frontmatter.h"

static enum fm_status split(const char *s, struct fm_split *f)
{
	return fm_split(s, strlen(s), f);
}

TEST(basic)
{
	const char *s = "---\ntitle: x\n---\nbody\n";
	struct fm_split f;
	CHECK(split(s, &f) == FM_OK);
	CHECK(f.yaml_line == 2);
	CHECK(f.yaml_len == strlen("title: x\n"));
	CHECK(!strncmp(s + f.yaml_off, "title: x\n", f.yaml_len));
	CHECK(f.body_line == 4);
	CHECK_STR(s + f.body_off, "body\n");
}

TEST(bom_and_crlf)
{
	const char *s = "\xef\xbb\xbf---\r\ntitle: x\r\nweight: 2\r\n---\r\n\r\nText";
	struct fm_split f;
	CHECK(split(s, &f) == FM_OK);
	CHECK(f.yaml_off == 8);
	CHECK(f.body_line == 5);
	CHECK_STR(s + f.body_off, "\r\nText");
}

TEST(dots_close_and_trailing_spaces)
{
	struct fm_split f;
	CHECK(split("---  \na: 1\n...\nz", &f) == FM_OK);
	CHECK(f.body_line == 4);
}

TEST(none)
{
	struct fm_split f;
	CHECK(split("# Heading\n", &f) == FM_NONE);
	CHECK(f.body_off == 0);
	CHECK(split("----\na\n---\n", &f) == FM_NONE);
	CHECK(split("", &f) == FM_NONE);
}

TEST(unclosed)
{
	struct fm_split f;
	CHECK(split("---\ntitle: x\n", &f) == FM_UNCLOSED);
	CHECK(f.body_len == 0);
}

TEST(only_front_matter)
{
	struct fm_split f;
	CHECK(split("---\ntitle: x\n---", &f) == FM_OK);
	CHECK(f.body_len == 0);
	CHECK(split("---\n---\n", &f) == FM_OK);
	CHECK(f.yaml_len == 0);
}

TEST(fence_inside_yaml_value_is_not_a_fence)
{
	struct fm_split f;
	CHECK(split("---\na: \"---\"\n---\nb", &f) == FM_OK);
	CHECK(f.body_line == 4);
}

int main(void)
{
	RUN(basic);
	RUN(bom_and_crlf);
	RUN(dots_close_and_trailing_spaces);
	RUN(none);
	RUN(unclosed);
	RUN(only_front_matter);
	RUN(fence_inside_yaml_value_is_not_a_fence);
	return harness_done();
}
