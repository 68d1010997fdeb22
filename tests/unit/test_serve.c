/*
 * test_serve.c: the development server's pure parts: request paths,
 * content types, the tags added to pages, the error overlay, and which
 * file names the watcher ignores.
 */
#include "harness.h"
#include "serve/respond.h"
#include "serve/watch.h"

static void check_rel(const char *url, const char *want)
{
	char *got = serve_url_to_rel(url);
	if (want)
		CHECK_STR(got, want);
	else if (got) {
		fprintf(stderr, "  '%s' gave '%s', wanted refused\n", url, got);
		CHECK(got == NULL);
	}
	free(got);
}

TEST(url_to_rel)
{
	check_rel("/", "index.html");
	check_rel("/adopters/", "adopters/index.html");
	check_rel("/adopters/journey/", "adopters/journey/index.html");
	check_rel("/css/signpost.css", "css/signpost.css");
	check_rel("/adopters", "adopters");
	check_rel("/caf\xc3\xa9/", "caf\xc3\xa9/index.html");
	check_rel("", NULL);
	check_rel("adopters/", NULL);
	check_rel("/../etc/passwd", NULL);
	check_rel("/a/../../b", NULL);
	check_rel("/a/./b", NULL);
	check_rel("/a//b", NULL);
	check_rel("//etc/passwd", NULL);
	check_rel("/a\\..\\b", NULL);
	check_rel("/a\nb", NULL);
	check_rel("/..", NULL);
	check_rel("/.", NULL);
}

TEST(url_encode)
{
	struct buf b = BUF_INIT;
	serve_url_encode(&b, "/a b/\"<x>\"/caf\xc3\xa9");
	CHECK_STR(buf_cstr(&b), "/a%20b/%22%3Cx%3E%22/caf%C3%A9");
	buf_free(&b);
}

TEST(content_types)
{
	CHECK_STR(serve_content_type("index.html"), "text/html; charset=utf-8");
	CHECK_STR(serve_content_type("css/signpost.css"), "text/css; charset=utf-8");
	CHECK_STR(serve_content_type("js/search.js"), "text/javascript; charset=utf-8");
	CHECK_STR(serve_content_type("events.ics"), "text/calendar; charset=utf-8");
	CHECK_STR(serve_content_type("feed.xml"), "application/xml; charset=utf-8");
	CHECK_STR(serve_content_type("search/index.json"), "application/json");
	CHECK_STR(serve_content_type("img/LOGO.PNG"), "image/png");
	CHECK_STR(serve_content_type("icons/x.svg"), "image/svg+xml");
	CHECK_STR(serve_content_type("fonts/a.woff2"), "font/woff2");
	CHECK_STR(serve_content_type("robots.txt"), "text/plain; charset=utf-8");
	CHECK_STR(serve_content_type("a.dir/README"), "application/octet-stream");
	CHECK_STR(serve_content_type("archive."), "application/octet-stream");
	CHECK(serve_is_html("a/index.html"));
	CHECK(serve_is_html("A.HTML"));
	CHECK(!serve_is_html("html"));
	CHECK(!serve_is_html("a.htm"));
}

static char *inject(const char *html)
{
	struct buf b = BUF_INIT;
	serve_inject(&b, html, strlen(html), "[H]", "[B]");
	return buf_detach(&b, NULL);
}

TEST(inject)
{
	char *got;

	got = inject("<html><head><title>t</title></head><body><p>x</p></body></html>");
	CHECK_STR(got, "<html><head><title>t</title>[H]</head><body><p>x</p>[B]</body></html>");
	free(got);
	/* case does not matter; the last </body> counts (one may be in a
	 * code sample) */
	got = inject("<HEAD></HEAD><BODY><pre>&lt;/body&gt; </body></pre></Body>");
	CHECK_STR(got, "<HEAD>[H]</HEAD><BODY><pre>&lt;/body&gt; </body></pre>[B]</Body>");
	free(got);
	/* tags missing: the additions go at the end */
	got = inject("<p>fragment</p>");
	CHECK_STR(got, "<p>fragment</p>[H][B]");
	free(got);
	got = inject("");
	CHECK_STR(got, "[H][B]");
	free(got);
	/* a </body> before </head> is not the body's end */
	got = inject("</body></head>x");
	CHECK_STR(got, "</body>[H]</head>x[B]");
	free(got);
}

TEST(tags)
{
	struct buf b = BUF_INIT;
	serve_body_tags(&b, 42);
	CHECK_STR(buf_cstr(&b), "<script src=\"/_signpost/reload.js\" data-generation=\"42\" defer></script>\n");
	buf_reset(&b);
	serve_head_tags(&b);
	CHECK_STR(buf_cstr(&b), "<link rel=\"stylesheet\" href=\"/_signpost/serve.css\">\n");
	buf_free(&b);
	/* no inline script or style: a strict CSP must allow them */
	CHECK(strstr(serve_reload_js, "EventSource") != NULL);
	CHECK(strstr(serve_reload_js, "sessionStorage") != NULL);
}

TEST(overlay_escapes)
{
	struct diags d = DIAGS_INIT;
	struct buf b = BUF_INIT;
	const char *s;

	diag_error(&d, "content/<x>.md", 3, 7, "unknown key '%s'", "<script>alert(1)</script>");
	diag_error(&d, "content/<x>.md", 3, 7, "unknown key '%s'", "<script>alert(1)</script>");
	diag_warning(&d, "config.yaml", 0, 0, "a \"quoted\" & odd warning");
	diag_error(&d, "content/a.md", 9, 0, "whole line");
	serve_overlay(&b, &d, true);
	s = buf_cstr(&b);
	CHECK(strstr(s, "<code>content/&lt;x&gt;.md:3:7</code>") != NULL);
	CHECK(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(s, "<script>") == NULL);
	CHECK(strstr(s, "<code>config.yaml</code>") != NULL);
	CHECK(strstr(s, "a &quot;quoted&quot; &amp; odd warning") != NULL);
	CHECK(strstr(s, "<code>content/a.md:9</code>") != NULL);
	CHECK(strstr(s, "2 errors, 1 warning") == NULL);   /* counts come from the diags */
	CHECK(strstr(s, "3 errors, 1 warning") != NULL);
	CHECK(strstr(s, "last good build") != NULL);
	/* the repeat is shown once */
	CHECK(strstr(strstr(s, "alert(1)") + 1, "alert(1)") == NULL);
	buf_free(&b);
	diags_free(&d);
}

TEST(overlay_limit)
{
	struct diags d = DIAGS_INIT;
	struct buf b = BUF_INIT;
	size_t items = 0;

	for (int i = 0; i < SERVE_OVERLAY_MAX + 5; i++)
		diag_error(&d, "content/a.md", i + 1, 1, "problem %d", i);
	serve_overlay(&b, &d, false);
	for (const char *p = buf_cstr(&b); (p = strstr(p, "<li>")); p++)
		items++;
	CHECK(items == SERVE_OVERLAY_MAX);
	CHECK(strstr(buf_cstr(&b), "And 5 more") != NULL);
	CHECK(strstr(buf_cstr(&b), "no good build") != NULL);
	buf_free(&b);
	diags_free(&d);
}

TEST(error_page)
{
	struct buf b = BUF_INIT;
	serve_error_page(&b, "<section>X</section>\n", 7);
	CHECK(strncmp(buf_cstr(&b), "<!DOCTYPE html>", 15) == 0);
	CHECK(strstr(buf_cstr(&b), "<section>X</section>") != NULL);
	CHECK(strstr(buf_cstr(&b), "data-generation=\"7\"") != NULL);
	buf_free(&b);
}

TEST(ignored_names)
{
	CHECK(watch_ignored_name(".journey.md.swp"));
	CHECK(watch_ignored_name("journey.md.swp"));
	CHECK(watch_ignored_name("journey.md~"));
	CHECK(watch_ignored_name("#journey.md#"));
	CHECK(watch_ignored_name(".goutputstream-AB12"));
	CHECK(watch_ignored_name("4913"));
	CHECK(watch_ignored_name(""));
	CHECK(!watch_ignored_name("journey.md"));
	CHECK(!watch_ignored_name("config.yaml"));
	CHECK(!watch_ignored_name("_index.md"));
	CHECK(!watch_ignored_name("4914"));
}

int main(void)
{
	RUN(url_to_rel);
	RUN(url_encode);
	RUN(content_types);
	RUN(inject);
	RUN(tags);
	RUN(overlay_escapes);
	RUN(overlay_limit);
	RUN(error_page);
	RUN(ignored_names);
	return harness_done();
}
