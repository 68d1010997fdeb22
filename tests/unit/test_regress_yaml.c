/*
 * Regression tests for load/yaml.c: inputs that once hung the loader,
 * now bounded by a limit in util/limits.h with a diagnostic.
 */
#include "harness.h"
#include "load/yaml.h"
#include "util/buf.h"
#include "util/limits.h"

static struct arena A;
static struct diags D;

static struct value *parse(const char *s, size_t len)
{
	diags_free(&D);
	return yaml_parse(&A, "t.yaml", s, len, 0, &D);
}

static void keys(struct buf *b, int n)
{
	buf_reset(b);
	for (int i = 0; i < n; i++)
		buf_printf(b, "key%06d: v\n", i);
}

/* A mapping of 99,000 keys took 90 s (each key was checked against
 * every earlier one, twice). */
TEST(mapping_with_too_many_keys)
{
	struct buf b = BUF_INIT;
	struct value *v;

	keys(&b, LIMIT_YAML_KEYS);
	v = parse(b.data, b.len);
	CHECK(v && v->kind == VAL_MAP && v->len == LIMIT_YAML_KEYS);
	keys(&b, 99000);
	CHECK(parse(b.data, b.len) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == LIMIT_YAML_KEYS + 1 && D.v[0].col == 1);
	CHECK(strstr(D.v[0].msg, "more than 1000 keys in one mapping") != NULL);
	buf_free(&b);
}

/* The limit is per mapping: many small mappings are fine. */
TEST(many_small_mappings)
{
	struct buf b = BUF_INIT;
	struct value *v;

	for (int i = 0; i < 3000; i++)
		buf_printf(&b, "- {a: %d, b: x}\n", i);
	v = parse(b.data, b.len);
	CHECK(v && v->kind == VAL_LIST && v->len == 3000);
	buf_free(&b);
}

/* "\0" made a value with a NUL inside: the slug "ok\0/../x" was
 * checked as "ok", and titles put NUL bytes into the HTML. */
TEST(control_characters_from_escapes)
{
	const char *s = "a: \"ok\\0/../x\"\n";

	CHECK(parse(s, strlen(s)) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == 1 && D.v[0].col == 4);
	CHECK(strstr(D.v[0].msg, "control character U+0000") != NULL);
	s = "a: \"\\e[31mred\"\n";
	CHECK(parse(s, strlen(s)) == NULL);
	CHECK(strstr(D.v[0].msg, "U+001B") != NULL);
	s = "a: \"tab\\there\\nline \\u00e9\"\n";
	CHECK(parse(s, strlen(s)) != NULL && D.errors == 0);
}

/* 150,000 anchored values took 87 s: each new anchor was looked for
 * among all the earlier ones. */
TEST(too_many_anchors)
{
	struct buf b = BUF_INIT;
	struct value *v;

	for (int i = 0; i < 150000; i++)
		buf_printf(&b, "- &a%d x\n", i);
	CHECK(parse(b.data, b.len) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == LIMIT_YAML_ANCHORS + 1 && D.v[0].col == 3);
	CHECK(strstr(D.v[0].msg, "more than 1000 anchors in one document") != NULL);
	/* redefining one anchor many times is fine */
	buf_reset(&b);
	for (int i = 0; i < 2000; i++)
		buf_printf(&b, "- &a {n: %d}\n%s", i, i % 4 ? "" : "- *a\n");
	v = parse(b.data, b.len);
	CHECK(v && v->kind == VAL_LIST && v->len == 2500 && D.errors == 0);
	buf_free(&b);
}

/* With a byte-order mark (Windows Notepad writes one) only the first
 * key was read: libyaml counted the mark as a column, so the mapping
 * ended at the second line, and with it the document. */
TEST(byte_order_mark_keeps_every_key)
{
	const char *s = "\xef\xbb\xbfname: x\r\norganisation: y\r\nlist:\r\n  - a\r\n";
	struct value *v = parse(s, strlen(s));

	CHECK(v && v->kind == VAL_MAP && v->len == 3 && D.errors == 0);
	CHECK_STR(value_map_str(v, "organisation"), "y");
	CHECK(value_map_pair(v, "organisation") && value_map_pair(v, "organisation")->line == 2 &&
	      value_map_pair(v, "name")->col == 1);
}

/* An indented first line ended the document at the second line, and
 * the rest of the file was dropped without a word. */
TEST(nothing_after_the_document_is_dropped_silently)
{
	const char *s = " title: x\nweight: 2\ndraft: true\n";

	CHECK(parse(s, strlen(s)) == NULL);
	CHECK(D.errors == 1 && D.v[0].line == 2 && D.v[0].col == 1);
	CHECK(strstr(D.v[0].msg, "comes after the end of the YAML document") != NULL);
	s = "a: 1\n...\nb: 2\n";
	CHECK(parse(s, strlen(s)) == NULL && D.v[0].line == 3);
	/* a second document is still allowed, and not read */
	s = "a: 1\n---\nb: [\n";
	CHECK(parse(s, strlen(s)) != NULL && D.errors == 0);
}

int main(void)
{
	arena_init(&A);
	RUN(mapping_with_too_many_keys);
	RUN(many_small_mappings);
	RUN(control_characters_from_escapes);
	RUN(too_many_anchors);
	RUN(byte_order_mark_keeps_every_key);
	RUN(nothing_after_the_document_is_dropped_silently);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
