/*
 * Unit tests for util/intern.c and render/outputs.c: the string table
 * and what the link checks keep of an HTML file.
 */
#include "harness.h"
#include "render/outputs.h"

TEST(intern_gives_equal_strings_one_number)
{
	struct intern t;
	char buf[32];
	uint32_t first[3000];

	intern_init(&t);
	/* enough strings to grow the table several times */
	for (int i = 0; i < 3000; i++) {
		int n = snprintf(buf, sizeof(buf), "/guide/p%04d/", i);
		first[i] = intern_add(&t, buf, (size_t)n);
	}
	CHECK(t.n == 3000);
	for (int i = 0; i < 3000; i++) {
		int n = snprintf(buf, sizeof(buf), "/guide/p%04d/", i);
		CHECK(intern_add(&t, buf, (size_t)n) == first[i]);
		CHECK(intern_find(&t, buf, (size_t)n) == first[i]);
		CHECK(!strcmp(intern_str(&t, first[i]), buf));
	}
	CHECK(t.n == 3000);
	CHECK(intern_find(&t, "/guide/p3000/", 13) == INTERN_NONE);
	/* a prefix is a different string; so is the empty one */
	CHECK(intern_find(&t, "/guide/p0001", 12) == INTERN_NONE);
	CHECK(intern_add(&t, "", 0) == 3000);
	intern_free(&t);
}

TEST(refs_hold_links_in_order_and_ids_with_entities_decoded)
{
	struct outputs o;
	struct diags d = DIAGS_INIT;
	const char *html =
		"<a href=\"/b/\">b</a><img src=\"/i.png\" alt=\"\">"
		"<h2 id=\"x\">x</h2><p data-id=\"no\" id=\"a&amp;b\">"
		"<a href=\"/a/?q=1&amp;r=2\">a</a><span id=\"x\"></span>"
		"<a href=\"/b/\">again</a><a href=\"unclosed";
	const struct html_refs *r;
	const char *want_links[] = { "/b/", "/i.png", "/a/?q=1&r=2", "/b/" };

	outputs_init(&o, NULL);
	r = outputs_store(&o, "p/index.html", html, strlen(html), &d);
	CHECK(r != NULL);
	CHECK(r->n_links == 4);
	for (size_t i = 0; r && i < r->n_links && i < 4; i++)
		CHECK(!strcmp(intern_str(&o.strings, r->links[i]), want_links[i]));
	/* the same value twice is one number */
	CHECK(r && r->links[0] == r->links[3]);
	/* ids sorted by number, a repeated id kept twice */
	CHECK(r && r->n_ids == 3);
	CHECK(r && r->ids[0] <= r->ids[1] && r->ids[1] <= r->ids[2]);
	CHECK(intern_find(&o.strings, "a&b", 3) != INTERN_NONE);
	CHECK(intern_find(&o.strings, "no", 2) == INTERN_NONE);
	/* not HTML: nothing kept */
	CHECK(outputs_store(&o, "feed.xml", html, strlen(html), &d) == NULL);
	CHECK(d.n == 0);
	outputs_free(&o);
	diags_free(&d);
}

TEST(check_unique_reports_each_doubled_path_once)
{
	struct outputs o;
	struct diags d = DIAGS_INIT;

	outputs_init(&o, NULL);
	outputs_list(&o, "a/index.html", NULL);
	outputs_list(&o, "b.json", NULL);
	outputs_list(&o, "a/index.html", NULL);
	outputs_list(&o, "a/index.html", NULL);
	outputs_check_unique(&o, &d);
	CHECK(d.n == 1);
	CHECK(outputs_has(&o, "b.json"));
	CHECK(!outputs_has(&o, "b"));
	CHECK(o.v[0].in_sitemap && !o.v[1].in_sitemap);
	outputs_free(&o);
	diags_free(&d);
}

int main(void)
{
	RUN(intern_gives_equal_strings_one_number);
	RUN(refs_hold_links_in_order_and_ids_with_entities_decoded);
	RUN(check_unique_reports_each_doubled_path_once);
	return harness_done();
}
