/* Unit tests for render/markdown.c and render/links.c. */
#include "harness.h"
#include "render/links.h"
#include "render/markdown.h"

static struct arena A;
static struct diags D;

static const char *rewrite(void *ctx, const char *dest, int line, int col)
{
	(void)ctx;
	if (!strcmp(dest, "missing.md")) {
		diag_error(&D, "p.md", line, col, "missing");
		return NULL;
	}
	if (strstr(dest, ".md"))
		return "/rewritten/";
	return NULL;
}

static struct md_doc render(const char *s, bool unsafe)
{
	struct md_links links = { rewrite, NULL };
	struct md_options o = { .file = "p.md", .first_line = 5, .unsafe = unsafe, .links = &links };
	struct md_doc doc;
	diags_free(&D);
	md_render(&A, s, strlen(s), &o, &doc, &D);
	return doc;
}

TEST(heading_ids_are_unique_and_stable)
{
	struct md_doc d = render("## Support groups\n\ntext\n\n## Support groups\n\n### *Times* & `places`\n", false);
	CHECK(strstr(d.html, "<h2 id=\"support-groups\">Support groups</h2>") != NULL);
	CHECK(strstr(d.html, "<h2 id=\"support-groups-2\">Support groups</h2>") != NULL);
	CHECK(strstr(d.html, "<h3 id=\"times-places\"><em>Times</em> &amp; <code>places</code></h3>") != NULL);
	CHECK(d.n_toc == 3);
	CHECK(d.toc[2].level == 3);
	CHECK_STR(d.toc[2].text, "Times & places");
	CHECK_STR(d.toc[1].id, "support-groups-2");
}

TEST(links_rewritten_with_positions)
{
	struct md_doc d = render("Hello.\n\nSee [groups](groups.md#times) and [x](missing.md).\n", false);
	CHECK(strstr(d.html, "href=\"/rewritten/\"") != NULL);
	CHECK(D.errors == 1 && D.v[0].line == 7 && D.v[0].col == 35);
}

TEST(external_and_anchor_links_untouched)
{
	struct md_doc d = render("[a](https://example.org/x.md) [b](#top) [c](mailto:a@example.org)\n", false);
	CHECK(strstr(d.html, "href=\"https://example.org/x.md\"") != NULL);
	CHECK(strstr(d.html, "href=\"#top\"") != NULL);
	CHECK(D.errors == 0);
}

TEST(unsafe_urls_refused_unless_unsafe)
{
	struct md_doc d = render("[x](javascript:alert(1))\n\n![i](data:text/html,x)\n", false);
	CHECK(D.errors == 2);
	CHECK(strstr(d.html, "javascript:") == NULL);
	render("[x](javascript:alert(1))\n", true);
	CHECK(D.errors == 0);
}

TEST(raw_html_omitted_with_warning)
{
	struct md_doc d = render("<script>alert(1)</script>\n\nx <b>y</b>\n", false);
	CHECK(strstr(d.html, "<script>") == NULL);
	CHECK(strstr(d.html, "<b>") == NULL);
	CHECK(D.warnings == 3 && D.v[0].line == 5);
	d = render("<b>y</b>\n", true);
	CHECK(strstr(d.html, "<b>y</b>") != NULL);
}

TEST(gfm_extensions)
{
	struct md_doc d = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.org\n", false);
	CHECK(strstr(d.html, "<table>") != NULL && strstr(d.html, "<th>a</th>") != NULL);
	CHECK(strstr(d.html, "<del>old</del>") != NULL);
	CHECK(strstr(d.html, "href=\"http://www.example.org\"") != NULL);
}

TEST(terms_linked_on_first_use_only)
{
	static const char *const lb[] = { "letterbox", "letterbox contact" };
	static const char *const iro[] = { "IRO" };
	struct md_term terms[] = { { lb, 2, "/g/words/#letterbox" }, { iro, 1, "/g/words/#iro" } };
	struct md_options o = { .file = "p.md", .first_line = 1, .terms = terms, .n_terms = 2 };
	struct md_doc d;
	const char *s = "## Letterbox\n\nAsk your IRO about Letterbox contact. Letterbox again; "
			"the IROs and [letterbox](x.md) stay as they are.\n\n`letterbox`\n";
	diags_free(&D);
	md_render(&A, s, strlen(s), &o, &d, &D);
	CHECK(strstr(d.html, "<h2 id=\"letterbox\">Letterbox</h2>") != NULL);
	CHECK(strstr(d.html, "Ask your <a href=\"/g/words/#iro\">IRO</a> about "
			     "<a href=\"/g/words/#letterbox\">Letterbox contact</a>. Letterbox again") != NULL);
	CHECK(strstr(d.html, "the IROs and") != NULL);
	CHECK(strstr(d.html, "<code>letterbox</code>") != NULL);
}

TEST(print_variant_for_combined_pages)
{
	static const char *const match[] = { "letterbox" };
	struct md_term term = { match, 1, "/g/words/#letterbox" };
	struct md_options o = { .file = "p.md", .first_line = 1, .print_prefix = "p3-",
				.terms = &term, .n_terms = 1 };
	struct md_doc d;
	const char *s = "## Times\n\n[see](#times) about letterbox\n\n## Times\n";
	diags_free(&D);
	md_render(&A, s, strlen(s), &o, &d, &D);
	/* the page itself: ids and links as written, the glossary link */
	CHECK(strstr(d.html, "<h2 id=\"times\">") != NULL);
	CHECK(strstr(d.html, "<h2 id=\"times-2\">") != NULL);
	CHECK(strstr(d.html, "href=\"#times\"") != NULL);
	CHECK(strstr(d.html, "href=\"/g/words/#letterbox\"") != NULL);
	/* the print variant: every id and '#' link prefixed, no glossary link */
	CHECK(d.print_html != NULL && strlen(d.print_html) == d.print_len);
	CHECK(strstr(d.print_html, "<h2 id=\"p3-times\">") != NULL);
	CHECK(strstr(d.print_html, "<h2 id=\"p3-times-2\">") != NULL);
	CHECK(strstr(d.print_html, "href=\"#p3-times\"") != NULL);
	CHECK(strstr(d.print_html, "words") == NULL);
	CHECK(strstr(d.print_html, "about letterbox</p>") != NULL);
}

TEST(resolve_paths)
{
	CHECK_STR(links_resolve(&A, "adopters", "groups.md"), "adopters/groups.md");
	CHECK_STR(links_resolve(&A, "adopters", "../children/_index.md"), "children/_index.md");
	CHECK_STR(links_resolve(&A, "a/b", "./../c.md"), "a/c.md");
	CHECK_STR(links_resolve(&A, "adopters", "/about/contact.md"), "about/contact.md");
	CHECK(links_resolve(&A, "adopters", "../../etc/passwd.md") == NULL);
}

int main(void)
{
	arena_init(&A);
	RUN(heading_ids_are_unique_and_stable);
	RUN(links_rewritten_with_positions);
	RUN(external_and_anchor_links_untouched);
	RUN(unsafe_urls_refused_unless_unsafe);
	RUN(raw_html_omitted_with_warning);
	RUN(gfm_extensions);
	RUN(terms_linked_on_first_use_only);
	RUN(print_variant_for_combined_pages);
	RUN(resolve_paths);
	diags_free(&D);
	arena_free(&A);
	return harness_done();
}
