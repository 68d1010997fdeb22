/*
 * Regression tests for render/markdown.c: inputs that once took
 * minutes or gigabytes (cmark-gfm 0.29.0.gfm.6 and our heading pass),
 * each now bounded by a limit in util/limits.h with a diagnostic.
 */
#include "harness.h"
#include "render/markdown.h"
#include "util/buf.h"
#include "util/limits.h"

static struct arena A;
static struct diags D;

static bool render(const char *s, size_t len, struct md_doc *doc)
{
	struct md_options o = { .file = "p.md", .first_line = 5 };
	diags_free(&D);
	return md_render(&A, s, len, &o, doc, &D);
}

static bool has_error(const char *needle, int line)
{
	for (size_t i = 0; i < D.n; i++)
		if (D.v[i].level == DIAG_ERROR && strstr(D.v[i].msg, needle) &&
		    (line == 0 || D.v[i].line == line))
			return true;
	return false;
}

/* Repeats unit n times. */
static const char *rep(struct buf *b, const char *unit, size_t n)
{
	buf_reset(b);
	for (size_t i = 0; i < n; i++)
		buf_adds(b, unit);
	return buf_cstr(b);
}

/* 5000 headings with the same text took minutes (each id was looked
 * for among all the ids of the page, for each suffix tried). */
TEST(many_same_headings_get_ids_in_linear_time)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;
	const char *s = rep(&b, "# a\n", 5000);

	CHECK(render(s, b.len, &doc));
	CHECK(doc.n_toc == 5000);
	CHECK_STR(doc.toc[0].id, "a");
	CHECK_STR(doc.toc[1].id, "a-2");
	CHECK_STR(doc.toc[4999].id, "a-5000");
	buf_free(&b);
}

/* The first free suffix, also when a heading's own text took it. */
TEST(heading_suffix_skips_ids_taken_by_text)
{
	struct md_doc doc;
	const char *s = "# a\n# a-2\n# a\n# a\n";

	CHECK(render(s, strlen(s), &doc));
	CHECK(doc.n_toc == 4);
	CHECK_STR(doc.toc[1].id, "a-2");
	CHECK_STR(doc.toc[2].id, "a-3");
	CHECK_STR(doc.toc[3].id, "a-4");
}

/* A table row of 20000 cells took seconds (time quadratic in the cells
 * of a row); the same pipes outside a table are harmless. */
TEST(table_row_with_too_many_cells)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	buf_adds(&b, "a|b\n-|-\n");
	for (int i = 0; i <= LIMIT_MD_TABLE_ROW; i++)
		buf_addc(&b, '|');
	buf_addc(&b, '\n');
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("table row has more than 128 cells", 7));
	CHECK(doc.html && !*doc.html);

	buf_reset(&b);
	for (int i = 0; i <= LIMIT_MD_TABLE_ROW; i++)
		buf_addc(&b, '|');
	buf_adds(&b, "\n\na|b\n-|-\n");
	CHECK(render(b.data, b.len, &doc));
	CHECK(D.errors == 0);
	buf_free(&b);
}

/* cmark-gfm fills every row up to the header's width: 128 columns and
 * 500,000 one-letter rows asked for 15 GB. */
TEST(table_rows_filled_up_to_too_many_cells)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	for (int i = 0; i < 100; i++)
		buf_adds(&b, "|a");
	buf_adds(&b, "|\n");
	for (int i = 0; i < 100; i++)
		buf_adds(&b, "|-");
	buf_adds(&b, "|\n");
	for (int i = 0; i < 1000; i++)
		buf_adds(&b, "x\n");
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("tables on this page have more than 100000 cells", 0));
	buf_free(&b);
}

/* A 100 kB reference used 10,000 times took 17 s and 3 GB. */
TEST(reference_link_bomb)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	buf_adds(&b, "Intro.\n\n[a]: /");
	for (int i = 0; i < 100000; i++)
		buf_addc(&b, 'b');
	buf_adds(&b, "\n\n");
	for (int i = 0; i < 200; i++)
		buf_adds(&b, "[a] ");
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("link reference definitions here are long", 7));

	/* ordinary references are fine */
	CHECK(render("[a] [b] [a]\n\n[a]: /x\n[b]: /y \"t\"\n", 34, &doc));
	CHECK(D.errors == 0 && strstr(doc.html, "href=\"/y\" title=\"t\""));
	buf_free(&b);
}

/* 100,000 '> 1. ' on a line took minutes; nesting is limited. */
TEST(deep_quotes_and_lists)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	rep(&b, "> ", LIMIT_MD_NESTING);
	buf_adds(&b, "x\n");
	CHECK(render(b.data, b.len, &doc));
	CHECK(D.errors == 0);
	buf_reset(&b);
	buf_adds(&b, "ok\n");
	for (int i = 0; i <= LIMIT_MD_NESTING; i++)
		buf_adds(&b, i % 2 ? "> " : "1. ");
	buf_adds(&b, "x\n");
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("block quotes and lists nest more than 64 deep", 6));
	buf_free(&b);
}

/* A 1 MB line of "a@b." took 20 s in the e-mail autolinker. */
TEST(many_at_signs_on_one_line)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	rep(&b, "a@b.", 20000);
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("too many for the e-mail autolinker", 5));
	/* the same with line breaks, and ordinary addresses, are fine */
	rep(&b, "a@b.\n", 20000);
	CHECK(render(b.data, b.len, &doc));
	CHECK(D.errors == 0);
	CHECK(render("Write to help@example.org.\n", 27, &doc));
	CHECK(strstr(doc.html, "mailto:help@example.org") != NULL);
	buf_free(&b);
}

/* 30,000 images nested in a heading took minutes: the text of every
 * link and image is read in full, so nesting cost its square. */
TEST(nested_images)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	buf_adds(&b, "# ");
	for (int i = 0; i < 30000; i++)
		buf_adds(&b, "![");
	buf_addc(&b, 'x');
	for (int i = 0; i < 30000; i++)
		buf_adds(&b, "](u)");
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("more than 100 '[' open at once", 5));
	/* many brackets that close, and escaped ones, are fine */
	rep(&b, "[a] \\[ ", 20000);
	CHECK(render(b.data, b.len, &doc));
	CHECK(D.errors == 0);
	/* a blank line closes what a paragraph left open */
	rep(&b, "[[[[[[[[[[\n\n", 100);
	CHECK(render(b.data, b.len, &doc));
	CHECK(D.errors == 0);
	buf_free(&b);
}

TEST(body_size_limit)
{
	struct buf b = BUF_INIT;
	struct md_doc doc;

	rep(&b, "word ", LIMIT_MD_SIZE / 5 + 1);
	CHECK(!render(b.data, b.len, &doc));
	CHECK(has_error("more than the limit of", 5));
	CHECK(doc.html && doc.prose && doc.n_toc == 0);
	buf_free(&b);
}

int main(void)
{
	arena_init(&A);
	RUN(many_same_headings_get_ids_in_linear_time);
	RUN(heading_suffix_skips_ids_taken_by_text);
	RUN(table_row_with_too_many_cells);
	RUN(table_rows_filled_up_to_too_many_cells);
	RUN(reference_link_bomb);
	RUN(deep_quotes_and_lists);
	RUN(many_at_signs_on_one_line);
	RUN(nested_images);
	RUN(body_size_limit);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
