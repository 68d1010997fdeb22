/* Unit tests for render/mustache.c: each feature with its whitespace
 * rules, errors at the right line and column, and the limits. */
#include "harness.h"
#include "load/yaml.h"
#include "render/mustache.h"
#include "util/limits.h"

#include <time.h>

static struct arena A;
static struct diags D;

/* Partials for the tests: a fixed table of names and sources. */
struct table {
	const char *names[40];
	const char *srcs[40];
	const struct tmpl *parsed[40];   /* each parsed once, like a real loader */
	bool tried[40];
	size_t n;
	int loads;
};

static struct table T;

static const struct tmpl *table_load(void *ctx, const char *name, struct diags *d)
{
	struct table *t = ctx;
	t->loads++;
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->names[i], name)) {
			if (!t->tried[i])
				t->parsed[i] = tmpl_parse(&A, arena_printf(&A, "%s.mustache", name),
							  t->srcs[i], strlen(t->srcs[i]), d);
			t->tried[i] = true;
			return t->parsed[i];
		}
	return NULL;
}

static const struct tmpl_loader LOADER = { table_load, &T };

static void partials(const char *name, const char *src)
{
	T.names[T.n] = name;
	T.srcs[T.n] = src;
	T.parsed[T.n] = NULL;
	T.tried[T.n] = false;
	T.n++;
}

static void reset(void)
{
	diags_free(&D);
	T.n = 0;
	T.loads = 0;
}

/* Arena: the output of tmpl against data (YAML), or NULL when parsing
 * or rendering failed. */
static const char *render(const char *tmpl, const char *yaml)
{
	struct value *data = NULL;
	const struct tmpl *t;
	struct buf out = BUF_INIT;
	const char *s = NULL;

	if (yaml) {
		data = yaml_parse(&A, "data.yaml", yaml, strlen(yaml), 0, &D);
		if (!data)
			return "(bad yaml)";
	}
	t = tmpl_parse(&A, "t.mustache", tmpl, strlen(tmpl), &D);
	if (t && tmpl_render(t, data, &LOADER, &out, &D))
		s = arena_strndup(&A, buf_cstr(&out), out.len);
	buf_free(&out);
	return s;
}

/* True when the diagnostics hold an error at line:col whose message
 * contains text. */
static bool has_error(int line, int col, const char *text)
{
	for (size_t i = 0; i < D.n; i++)
		if (D.v[i].level == DIAG_ERROR && D.v[i].line == line && D.v[i].col == col &&
		    strstr(D.v[i].msg, text))
			return true;
	for (size_t i = 0; i < D.n; i++)
		fprintf(stderr, "  have %s:%d:%d: %s\n", D.v[i].file, D.v[i].line, D.v[i].col,
			D.v[i].msg);
	return false;
}

/* ---- interpolation ---- */

TEST(interpolation_escapes_html)
{
	reset();
	CHECK_STR(render("<p>{{x}}</p>", "x: \"& \\\" < > '\""), "<p>&amp; &quot; &lt; &gt; &#39;</p>");
	CHECK_STR(render("{{{x}}}|{{&x}}|{{ & x }}", "x: \"<b>\""), "<b>|<b>|<b>");
	CHECK_STR(render("{{{ x }}}", "x: \"<i>\""), "<i>");
}

TEST(interpolation_keeps_scalars_as_written)
{
	reset();
	CHECK_STR(render("{{a}} {{b}} {{c}} {{d}}", "a: 1.50\nb: 007\nc: true\nd: False\n"),
		  "1.50 007 true false");
	CHECK_STR(render("[{{n}}][{{missing}}][{{{missing}}}]", "n: ~\n"), "[][][]");
	/* lists and maps have no text of their own */
	CHECK_STR(render("[{{l}}][{{m}}]", "l: [1, 2]\nm: {a: 1}\n"), "[][]");
	/* no data at all */
	CHECK_STR(render("[{{x}}]", NULL), "[]");
	/* output is never interpolated again */
	CHECK_STR(render("{{t}}", "t: \"{{x}}\"\nx: no\n"), "{{x}}");
}

TEST(dotted_names)
{
	reset();
	CHECK_STR(render("{{a.b.c}}", "a: {b: {c: deep}}\n"), "deep");
	/* a broken chain renders empty, even when a later part exists higher up */
	CHECK_STR(render("[{{a.b.c}}]", "a: {b: {}}\nc: wrong\n"), "[]");
	/* the first part is found up the stack, the rest only inside it */
	CHECK_STR(render("{{#a}}{{b.c}}{{/a}}", "a: {b: {}}\nb: {c: ERROR}\n"), "");
	CHECK_STR(render("{{#s}}{{t.n}}{{/s}}", "s: {x: 1}\nt: {n: found}\n"), "found");
	/* a key holding dots is never one name */
	CHECK_STR(render("[{{a.b}}]", "\"a.b\": c\n"), "[]");
	/* a leading dot looks only at the top of the stack */
	CHECK_STR(render("{{#a}}[{{.name}}]{{/a}}{{#b}}[{{.name}}]{{/b}}",
			 "a: {x: 1}\nb: {name: B}\nname: outer\n"), "[][B]");
}

TEST(implicit_iterator)
{
	reset();
	CHECK_STR(render("{{#l}}({{.}}){{/l}}", "l: [a, \"<\", 3.0]\n"), "(a)(&lt;)(3.0)");
	CHECK_STR(render("{{#l}}[{{#.}}{{.}}{{/.}}]{{/l}}", "l: [[1, 2], [x]]\n"), "[12][x]");
	CHECK_STR(render("{{.}}", "just text\n"), "just text");
}

/* ---- sections ---- */

TEST(sections_by_value)
{
	reset();
	CHECK_STR(render("{{#l}}{{n}},{{/l}}", "l: [{n: 1}, {n: 2}]\n"), "1,2,");
	CHECK_STR(render("{{#m}}{{n}}{{/m}}", "m: {n: inside}\n"), "inside");
	CHECK_STR(render("{{#s}}yes {{s}}{{/s}}", "s: word\n"), "yes word");
	/* falsey: false, null, missing, an empty list and an empty string */
	CHECK_STR(render("[{{#f}}x{{/f}}{{#n}}x{{/n}}{{#m}}x{{/m}}{{#e}}x{{/e}}{{#z}}x{{/z}}]",
			 "f: false\nn: null\ne: []\nz: \"\"\n"), "[]");
	/* "0" and "false" in quotes are strings, so truthy */
	CHECK_STR(render("{{#a}}a{{/a}}{{#b}}b{{/b}}", "a: 0\nb: \"false\"\n"), "ab");
	/* an empty map is truthy */
	CHECK_STR(render("{{#m}}m{{/m}}", "m: {}\n"), "m");
}

TEST(sections_context_stack)
{
	reset();
	CHECK_STR(render("{{#a}}{{#b}}{{x}}{{y}}{{z}}{{/b}}{{/a}}",
			 "x: 1\na: {y: 2, b: {z: 3}}\n"), "123");
	/* a key found with a null value stops the search */
	CHECK_STR(render("{{#a}}[{{x}}]{{/a}}", "x: outer\na: {x: null}\n"), "[]");
	CHECK_STR(render("{{#list}}{{name}}{{/list}}", "name: top\nlist: [1, 2]\n"), "toptop");
}

TEST(inverted_sections)
{
	reset();
	CHECK_STR(render("{{^f}}none{{/f}}|{{^e}}empty{{/e}}|{{^m}}miss{{/m}}|{{^t}}no{{/t}}",
			 "f: false\ne: []\nt: [1]\n"), "none|empty|miss|");
	CHECK_STR(render("{{^a.b}}broken{{/a.b}}", "a: {}\n"), "broken");
}

/* ---- comments and delimiters ---- */

TEST(comments)
{
	reset();
	CHECK_STR(render("a{{! gone }}b", NULL), "ab");
	CHECK_STR(render("a\n  {{!\n multi\n line\n }}\nb\n", NULL), "a\nb\n");
	CHECK_STR(render("a {{! inline }} b\n", NULL), "a  b\n");
	CHECK_STR(render(">{{! x }}<", "\"! x\": 1\nx: 2\n"), "><");
}

TEST(set_delimiters)
{
	reset();
	CHECK_STR(render("{{=<% %>=}}(<%x%>) {{x}}", "x: X\n"), "(X) {{x}}");
	CHECK_STR(render("a\n  {{=| |=}}\n|x|\n|={{ }}=|\n{{x}}\n", "x: 1\n"), "a\n1\n1\n");
	CHECK_STR(render("{{= [ ] =}}[#s][.][/s]", "s: [1, 2]\n"), "12");
	CHECK_STR(render("{{=<% %>=}}<%{x}%>", "x: \"<\"\n"), "<");
	/* a partial starts with the default delimiters */
	partials("p", "{{x}}");
	CHECK_STR(render("{{=<% %>=}}<%>p%>", "x: in\n"), "in");
}

/* ---- standalone lines ---- */

TEST(standalone_lines)
{
	reset();
	CHECK_STR(render("a\n{{#t}}\nb\n{{/t}}\nc\n", "t: true\n"), "a\nb\nc\n");
	CHECK_STR(render("a\n  {{#t}}  \nb\n\t{{/t}}\t\nc\n", "t: true\n"), "a\nb\nc\n");
	CHECK_STR(render("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc", "t: true\n"), "a\r\nb\r\nc");
	/* at the very start and end */
	CHECK_STR(render("  {{#t}}\nb\n  {{/t}}", "t: true\n"), "b\n");
	/* two tags on a line, or text beside a tag: not standalone */
	CHECK_STR(render(" {{#t}}x{{/t}}\n", "t: true\n"), " x\n");
	CHECK_STR(render("{{#t}}{{/t}}\n", "t: true\n"), "\n");
	CHECK_STR(render("x {{! c }}\n", NULL), "x \n");
	/* variables are never standalone */
	CHECK_STR(render("  {{x}}\n", "x: \"\"\n"), "  \n");
}

/* ---- partials ---- */

TEST(partials_basic)
{
	reset();
	partials("p", "<{{x}}>");
	partials("deep/q", "q");
	CHECK_STR(render("[{{>p}}][{{> p }}][{{>missing}}][{{>deep/q}}]", "x: 1\n"), "[<1>][<1>][][q]");
	CHECK_STR(render("{{#l}}{{>p}}{{/l}}", "l: [{x: a}, {x: b}]\n"), "<a><b>");
	/* recursion through data */
	reset();
	partials("node", "{{n}}({{#kids}}{{>node}}{{/kids}})");
	CHECK_STR(render("{{>node}}", "n: 1\nkids: [{n: 2, kids: [{n: 3, kids: []}]}, {n: 4, kids: []}]\n"), "1(2(3())4())");
}

TEST(partials_indentation)
{
	reset();
	partials("p", "a\n{{{v}}}\nb\n");
	/* each line of the partial is indented, not the lines of values */
	CHECK_STR(render("x\n  {{>p}}\ny\n", "v: \"1\\n2\"\n"), "x\n  a\n  1\n2\n  b\ny\n");
	/* standalone at the end, without a newline */
	CHECK_STR(render("x\n  {{>p}}", "v: v\n"), "x\n  a\n  v\n  b\n");
	/* inline: no indentation */
	CHECK_STR(render("x {{>p}}|", "v: v\n"), "x a\nv\nb\n|");
	/* nested standalone partials add up; an inline one inside gets none */
	reset();
	partials("outer", "o\n  {{>inner}}\n[{{>inner}}]\n");
	partials("inner", "i1\ni2\n");
	CHECK_STR(render(" {{>outer}}\n", NULL), " o\n   i1\n   i2\n [i1\ni2\n]\n");
	/* standalone tags inside an indented partial still vanish */
	reset();
	partials("p", "{{#t}}\nyes\n{{/t}}\n");
	CHECK_STR(render("  {{>p}}\n", "t: true\n"), "  yes\n");
	/* empty lines inside a partial are indented like the others */
	reset();
	partials("p", "a\n\nb");
	CHECK_STR(render("\t{{>p}}\n", NULL), "\ta\n\t\n\tb");
}

/* ---- inheritance ---- */

TEST(inheritance_blocks)
{
	reset();
	partials("layout", "<title>{{$title}}Default{{/title}}</title>\n<main>\n  {{$main}}\n  nothing\n  {{/main}}\n</main>\n");
	CHECK_STR(render("{{<layout}}{{$title}}Mine{{/title}}{{/layout}}", NULL),
		  "<title>Mine</title>\n<main>\n  nothing\n</main>\n");
	/* block content is reindented to where the parent expands it */
	CHECK_STR(render("{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n<p>two</p>\n{{/main}}\n{{/layout}}\n", "x: 1\n"),
		  "<title>Default</title>\n<main>\n  <p>1</p>\n  <p>two</p>\n</main>\n");
	/* text in the parent's body is ignored */
	CHECK_STR(render("{{<layout}} ignored {{x}} {{$title}}T{{/title}} {{/layout}}", "x: 1\n"),
		  "<title>T</title>\n<main>\n  nothing\n</main>\n");
	/* a missing parent renders empty */
	CHECK_STR(render("[{{<nope}}{{$a}}x{{/a}}{{/nope}}]", NULL), "[]");
	/* without a parent, a block renders its default */
	CHECK_STR(render("{{$a}}def {{x}}{{/a}}", "x: 1\n"), "def 1");
}

TEST(inheritance_indentation)
{
	reset();
	/* expanded in the middle of a line (after its indentation), at the
	 * start of one, and in a partial that is itself indented */
	partials("inline", "<ul>\n  {{$items}}{{/items}}\n</ul>\n");
	partials("own_line", "<ul>\n  {{$items}}\n  {{/items}}\n</ul>\n");
	partials("outer", "<div>\n  {{>inline}}\n</div>\n");
	/* content whose first line is inside a section */
	CHECK_STR(render("{{<inline}}{{$items}}\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\n{{/items}}{{/inline}}",
			 "l: [a, b]\n"), "<ul>\n  <li>a</li>\n  <li>b</li>\n\n</ul>\n");
	CHECK_STR(render("{{<own_line}}{{$items}}\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\n{{/items}}{{/own_line}}",
			 "l: [a, b]\n"), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
	/* content written inline */
	CHECK_STR(render("{{<inline}}{{$items}}<li>a</li>\n<li>b</li>{{/items}}{{/inline}}", NULL),
		  "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
	CHECK_STR(render("{{<own_line}}{{$items}}<li>a</li>\n<li>b</li>\n{{/items}}{{/own_line}}", NULL),
		  "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
	/* a block in a partial that is indented */
	reset();
	partials("inline", "<ul>\n  {{$items}}{{/items}}\n</ul>\n");
	partials("outer", "<div>\n  {{<inline}}{{$items}}<li>a</li>\n<li>b</li>{{/items}}{{/inline}}\n</div>\n");
	CHECK_STR(render("{{>outer}}", NULL), "<div>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n</div>\n");
	/* a block inside a block: the outer's pending start of line is kept */
	reset();
	partials("p", "  {{$a}}{{/a}}\n");
	CHECK_STR(render("{{<p}}{{$a}}\n  {{$b}}\n  x\n  {{/b}}\n{{/a}}{{/p}}", NULL), "  x\n\n");
}

TEST(inheritance_levels)
{
	reset();
	partials("base", "[{{$a}}base{{/a}}|{{$b}}base{{/b}}]");
	partials("mid", "{{<base}}{{$a}}mid{{/a}}{{$b}}mid{{/b}}{{/base}}");
	/* the outermost override wins */
	CHECK_STR(render("{{<mid}}{{$a}}top{{/a}}{{/mid}}", NULL), "[top|mid]");
	CHECK_STR(render("{{<mid}}{{/mid}}", NULL), "[mid|mid]");
	/* overrides reach into partials the parent includes */
	reset();
	partials("page", "<h1>{{>head}}</h1>");
	partials("head", "{{$title}}untitled{{/title}}");
	CHECK_STR(render("{{<page}}{{$title}}Hello{{/title}}{{/page}}", NULL), "<h1>Hello</h1>");
	/* blocks render against the context where they are expanded */
	reset();
	partials("list", "{{#items}}<li>{{$item}}{{.}}{{/item}}</li>{{/items}}");
	CHECK_STR(render("{{<list}}{{$item}}*{{name}}{{/item}}{{/list}}",
			 "items: [{name: a}, {name: b}]\n"), "<li>*a</li><li>*b</li>");
}

/* ---- errors ---- */

TEST(error_unclosed_section)
{
	reset();
	CHECK(render("<ul>\n  {{#nav}}\n  <li>\n", "nav: []\n") == NULL);
	CHECK(D.errors == 1);
	CHECK(has_error(2, 3, "unclosed section 'nav'"));
	CHECK_STR(D.v[0].file, "t.mustache");
	reset();
	CHECK(render("{{^a}}{{<p}}{{$b}}", NULL) == NULL);
	CHECK(D.errors == 3);
	CHECK(has_error(1, 1, "unclosed inverted section 'a'"));
	CHECK(has_error(1, 7, "unclosed parent 'p'"));
	CHECK(has_error(1, 13, "unclosed block 'b'"));
}

TEST(error_mismatched_close)
{
	reset();
	CHECK(render("{{#a}}\n x {{/b}}\n", NULL) == NULL);
	CHECK(D.errors == 1);
	CHECK(has_error(2, 4, "closing tag 'b' does not match the open section 'a' (line 1)"));
	/* closing an outer section leaves the inner one unclosed */
	reset();
	CHECK(render("{{#a}}{{#b}}{{/a}}", NULL) == NULL);
	CHECK(D.errors == 1 && has_error(1, 7, "unclosed section 'b'"));
	reset();
	CHECK(render("x\n{{/a}}", NULL) == NULL);
	CHECK(has_error(2, 1, "closing tag 'a' has no open section"));
}

TEST(error_unclosed_tag)
{
	reset();
	CHECK(render("ok {{x}}\n  {{y\n", NULL) == NULL);
	CHECK(D.errors == 1 && has_error(2, 3, "unclosed tag"));
	reset();
	CHECK(render("{{{x}}", NULL) == NULL);
	CHECK(has_error(1, 1, "unclosed tag"));
	reset();
	CHECK(render("{{=<% %>=}}\n<%x", NULL) == NULL);
	CHECK(has_error(2, 1, "'<%' without a closing '%>'"));
}

TEST(error_bad_set_delimiter)
{
	reset();
	CHECK(render("a\n {{=<%=}}", NULL) == NULL);
	CHECK(has_error(2, 2, "bad set-delimiter tag"));
	reset();
	CHECK(render("{{=a b c=}}{{= x=y z =}}", NULL) == NULL);
	CHECK(D.errors == 2 && has_error(1, 1, "bad set-delimiter") && has_error(1, 12, "bad set-delimiter"));
}

TEST(error_names)
{
	reset();
	CHECK(render("{{#}}{{/}}\n{{a b}}\n{{x..y}}\n{{>../secret}}\n{{</abs}}{{/abs}}\n{{>*dyn}}", NULL) == NULL);
	CHECK(has_error(1, 1, "has no name"));
	CHECK(has_error(2, 1, "must not contain spaces"));
	CHECK(has_error(3, 1, "empty part"));
	CHECK(has_error(4, 1, "'..'"));
	CHECK(has_error(5, 1, "must be relative"));
	CHECK(has_error(6, 1, "dynamic name"));
}

TEST(every_error_is_reported)
{
	reset();
	CHECK(render("{{#a}}{{/b}}\n{{=x=}}\n{{#c}}", NULL) == NULL);
	CHECK(D.errors == 3);
	CHECK(has_error(1, 7, "does not match"));
	CHECK(has_error(2, 1, "bad set-delimiter"));
	CHECK(has_error(3, 1, "unclosed section 'c'"));
}

TEST(error_in_partial_points_into_it)
{
	const char *out;
	reset();
	partials("p", "ok\n{{#x}}");
	out = render("[{{>p}}]", NULL);
	/* the partial counts as missing; the error names its file */
	CHECK_STR(out, "[]");
	CHECK(D.errors == 1 && !strcmp(D.v[0].file, "p.mustache") && has_error(2, 1, "unclosed section 'x'"));
}

/* ---- limits ---- */

TEST(nesting_limit)
{
	struct buf src = BUF_INIT;
	clock_t start = clock();

	reset();
	for (int i = 0; i < 10000; i++)
		buf_adds(&src, "{{#a}}");
	for (int i = 0; i < 10000; i++)
		buf_adds(&src, "{{/a}}");
	CHECK(tmpl_parse(&A, "deep.mustache", src.data, src.len, &D) == NULL);
	CHECK(D.errors == 1);
	CHECK(has_error(1, 1 + 6 * LIMIT_TMPL_NESTING, "nested more than"));
	CHECK((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
	buf_free(&src);

	/* exactly at the limit is fine */
	buf_reset(&src);
	for (int i = 0; i < LIMIT_TMPL_NESTING; i++)
		buf_adds(&src, "{{#a}}");
	buf_adds(&src, "x");
	for (int i = 0; i < LIMIT_TMPL_NESTING; i++)
		buf_adds(&src, "{{/a}}");
	reset();
	CHECK_STR(render(buf_cstr(&src), "a: true\n"), "x");
	buf_free(&src);
}

TEST(self_including_partial)
{
	clock_t start = clock();

	reset();
	partials("self", "x\n{{>self}}");
	CHECK(render("{{>self}}", NULL) == NULL);
	CHECK(D.errors == 1);
	CHECK(!strcmp(D.v[0].file, "self.mustache") && has_error(2, 1, "partial 'self' nested more than"));
	CHECK(T.loads <= LIMIT_PARTIAL_DEPTH + 1);
	/* a partial including itself twice stops as quickly */
	reset();
	partials("two", "{{>two}}{{>two}}");
	CHECK(render("{{>two}}", NULL) == NULL && D.errors == 1);
	/* a parent that is its own parent, and a block that holds itself */
	reset();
	partials("loop", "{{<loop}}{{/loop}}");
	CHECK(render("{{<loop}}{{/loop}}", NULL) == NULL && has_error(1, 1, "parent 'loop'"));
	reset();
	partials("p", "{{$a}}{{/a}}");
	CHECK(render("{{<p}}{{$a}}({{$a}}{{/a}}){{/a}}{{/p}}", NULL) == NULL);
	CHECK(D.errors == 1 && strstr(D.v[0].msg, "block 'a'"));
	CHECK((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
}

TEST(runaway_expansion)
{
	static char srcs[24][64];
	static char names[24][8];
	clock_t start = clock();

	/* p0 includes p1 twice, ... : 2^23 expansions that write nothing */
	reset();
	for (int i = 0; i < 24; i++) {
		snprintf(names[i], sizeof(names[i]), "p%d", i);
		if (i < 23)
			snprintf(srcs[i], sizeof(srcs[i]), "{{>p%d}}{{>p%d}}{{>p%d}}", i + 1, i + 1, i + 1);
		else
			snprintf(srcs[i], sizeof(srcs[i]), "%s", "{{! nothing }}");
		partials(names[i], srcs[i]);
	}
	CHECK(render("{{>p0}}", NULL) == NULL);
	CHECK(D.errors == 1 && strstr(D.v[0].msg, "runs away"));
	CHECK((double)(clock() - start) / CLOCKS_PER_SEC < 10.0);
}

TEST(output_limit)
{
	static char big[1 << 16];
	struct buf out = BUF_INIT;
	const struct tmpl *t;
	struct value *data = value_map(&A);
	const char *src = "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{big}}"
			  "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}";

	reset();
	memset(big, 'x', sizeof(big) - 1);
	value_map_set_str(&A, data, "big", big);
	/* 4^9 = 262144 copies of 64 KiB: far over the limit */
	t = tmpl_parse(&A, "big.mustache", src, strlen(src), &D);
	{
		struct value *l = value_list(&A);
		for (int i = 0; i < 4; i++)
			value_list_push(&A, l, value_bool(&A, true));
		value_map_set(&A, data, "l", l);
	}
	CHECK(t != NULL);
	CHECK(t && !tmpl_render(t, data, NULL, &out, &D));
	CHECK(out.len <= LIMIT_OUTPUT_SIZE);
	CHECK(D.errors == 1 && has_error(1, 55, "output larger than"));
	buf_free(&out);
}

TEST(render_appends_and_is_repeatable)
{
	struct buf out = BUF_INIT;
	const struct tmpl *t;
	struct value *data = value_map(&A);

	reset();
	value_map_set_str(&A, data, "x", "1");
	t = tmpl_parse(&A, "r.mustache", "<{{x}}>", 7, &D);
	buf_adds(&out, "pre:");
	CHECK(t && tmpl_render(t, data, NULL, &out, &D) && tmpl_render(t, data, NULL, &out, &D));
	CHECK_STR(buf_cstr(&out), "pre:<1><1>");
	CHECK_STR(tmpl_file(t), "r.mustache");
	buf_free(&out);
	/* the empty template */
	t = tmpl_parse(&A, "e.mustache", "", 0, &D);
	CHECK(t && tmpl_render(t, data, NULL, &out, &D) && out.len == 0);
	buf_free(&out);
}

int main(void)
{
	arena_init(&A);
	RUN(interpolation_escapes_html);
	RUN(interpolation_keeps_scalars_as_written);
	RUN(dotted_names);
	RUN(implicit_iterator);
	RUN(sections_by_value);
	RUN(sections_context_stack);
	RUN(inverted_sections);
	RUN(comments);
	RUN(set_delimiters);
	RUN(standalone_lines);
	RUN(partials_basic);
	RUN(partials_indentation);
	RUN(inheritance_blocks);
	RUN(inheritance_levels);
	RUN(inheritance_indentation);
	RUN(error_unclosed_section);
	RUN(error_mismatched_close);
	RUN(error_unclosed_tag);
	RUN(error_bad_set_delimiter);
	RUN(error_names);
	RUN(every_error_is_reported);
	RUN(error_in_partial_points_into_it);
	RUN(nesting_limit);
	RUN(self_including_partial);
	RUN(runaway_expansion);
	RUN(output_limit);
	RUN(render_appends_and_is_repeatable);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
