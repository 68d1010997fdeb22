/*
 * Regression tests for render/mustache.c: templates that once took
 * time out of all proportion to their size.
 */
#include "harness.h"
#include "render/mustache.h"
#include "util/limits.h"

static struct arena A;
static struct diags D;

static struct tmpl *parse(const char *s, size_t len)
{
	diags_free(&D);
	return tmpl_parse(&A, "t.mustache", s, len, &D);
}

/* A 1 MB delimiter over 3 MB of near matches took 20 s: every byte was
 * compared with the whole delimiter. */
TEST(long_delimiters)
{
	size_t m = 1000000, n = 0;
	char *s = xmalloc(4 * m + 16);

	memcpy(s, "{{=", 3);
	n = 3;
	memset(s + n, 'a', m);
	n += m;
	memcpy(s + n, " b=}}", 5);
	n += 5;
	for (int k = 0; k < 3; k++) {
		memset(s + n, 'a', m - 1);
		n += m - 1;
		s[n++] = 'x';
	}
	CHECK(parse(s, n) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == 1 && D.v[0].col == 1);
	CHECK(strstr(D.v[0].msg, "a delimiter may be at most 16 bytes long") != NULL);
	free(s);

	/* 16 bytes are fine */
	CHECK(parse("{{=<<<<<<<<<<<<<<<< >>>>>>>>>>>>>>>>=}}<<<<<<<<<<<<<<<<x>>>>>>>>>>>>>>>>", 72) != NULL);
	CHECK(D.errors == 0);
}

int main(void)
{
	arena_init(&A);
	RUN(long_delimiters);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
