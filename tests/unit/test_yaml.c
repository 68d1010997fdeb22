/* Unit tests for load/yaml.c: scalars, positions, limits. */
#include "harness.h"
#include "load/yaml.h"

static struct arena A;
static struct diags D;

static struct value *parse(const char *s, int offset)
{
	diags_free(&D);
	return yaml_parse(&A, "t.yaml", s, strlen(s), offset, &D);
}

TEST(scalars_keep_their_spelling)
{
	struct value *v = parse("a: 1.50\nb: true\nc: 'true'\nd: ~\ne: 007\nf: False\ng: yes\n", 0);
	CHECK(v && v->kind == VAL_MAP && v->len == 7);
	CHECK_STR(value_map_str(v, "a"), "1.50");
	CHECK(value_map_get(v, "b")->kind == VAL_BOOL && value_map_get(v, "b")->boolean);
	CHECK_STR(value_map_str(v, "c"), "true");
	CHECK(value_map_get(v, "c")->quoted);
	CHECK(value_map_get(v, "d")->kind == VAL_NULL);
	CHECK_STR(value_map_str(v, "e"), "007");
	CHECK(value_map_get(v, "f")->kind == VAL_BOOL && !value_map_get(v, "f")->boolean);
	CHECK_STR(value_map_str(v, "g"), "yes");
}

TEST(positions_with_offset)
{
	struct value *v = parse("title: x\nlist:\n  - one\n  - two\n", 1);
	const struct value_pair *p = value_map_pair(v, "list");
	CHECK(p && p->line == 3 && p->col == 1);
	CHECK(p->val->items[1]->line == 5 && p->val->items[1]->col == 5);
}

TEST(duplicate_key)
{
	CHECK(parse("a: 1\nb: 2\na: 3\n", 0) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == 3 && D.v[0].col == 1);
	CHECK(strstr(D.v[0].msg, "duplicate key 'a'") != NULL);
}

TEST(syntax_error_position)
{
	CHECK(parse("a: [1, 2\nb: 3\n", 0) == NULL);
	CHECK(D.errors == 1 && D.v[0].line >= 2);
}

TEST(tabs)
{
	CHECK(parse("a:\n\tb: 1\n", 0) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == 2 && strstr(D.v[0].msg, "tab") != NULL);
}

TEST(empty_document)
{
	struct value *v = parse("", 0);
	CHECK(v && v->kind == VAL_NULL);
	v = parse("# only a comment\n", 0);
	CHECK(v && v->kind == VAL_NULL);
}

TEST(aliases_share_and_are_bounded)
{
	struct value *v = parse("a: &x [1, 2]\nb: *x\n", 0);
	CHECK(v && value_map_get(v, "b") == value_map_get(v, "a"));
	CHECK(parse("a: *nope\n", 0) == NULL);
	v = parse("a: &a [x,x,x,x,x,x,x,x,x,x]\n"
		  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
		  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
		  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
		  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
		  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n", 0);
	CHECK(v == NULL && D.errors == 1);
}

TEST(depth_limit)
{
	char deep[400];
	size_t n = 0;
	for (int i = 0; i < 150; i++)
		deep[n++] = '[';
	deep[n] = '\0';
	CHECK(parse(deep, 0) == NULL);
	CHECK(D.errors == 1 && strstr(D.v[0].msg, "nest") != NULL);
}

TEST(non_scalar_key)
{
	CHECK(parse("? [a]\n: 1\n", 0) == NULL);
	CHECK(D.errors == 1);
}

int main(void)
{
	arena_init(&A);
	RUN(scalars_keep_their_spelling);
	RUN(positions_with_offset);
	RUN(duplicate_key);
	RUN(syntax_error_position);
	RUN(tabs);
	RUN(empty_document);
	RUN(aliases_share_and_are_bounded);
	RUN(depth_limit);
	RUN(non_scalar_key);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
