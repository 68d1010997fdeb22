/* Unit tests for util/text.c and util/escape.c. */
#include "harness.h"
#include "util/buf.h"
#include "util/escape.h"
#include "util/text.h"

TEST(slugs)
{
	struct arena a;
	arena_init(&a);
	CHECK_STR(text_slug(&a, "Support Groups", 14), "support-groups");
	CHECK_STR(text_slug(&a, "  What's next?  ", 16), "whats-next");
	CHECK_STR(text_slug(&a, "Stage 1: checks & training", 26), "stage-1-checks-training");
	CHECK_STR(text_slug(&a, "???", 3), "section");
	CHECK_STR(text_slug(&a, "Café", strlen("Café")), "café");
	arena_free(&a);
}

TEST(suggestions)
{
	static const char *const keys[] = { "title", "description", "weight", "draft" };
	CHECK_STR(text_suggest("titel", keys, 4), "title");
	CHECK_STR(text_suggest("descripton", keys, 4), "description");
	CHECK_STR(text_suggest("Weight", keys, 4), "weight");
	CHECK(text_suggest("colour", keys, 4) == NULL);
}

TEST(utf8)
{
	size_t bad = 0;
	CHECK(text_valid_utf8("plain", 5, &bad));
	CHECK(text_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, &bad));
	CHECK(!text_valid_utf8("ab\xff", 3, &bad) && bad == 2);
	CHECK(!text_valid_utf8("\xc3", 1, &bad) && bad == 0);
	CHECK(!text_valid_utf8("\xc0\xaf", 2, &bad));          /* overlong */
	CHECK(!text_valid_utf8("\xed\xa0\x80", 3, &bad));      /* surrogate */
	CHECK(!text_valid_utf8("x\xe2\x82", 3, &bad) && bad == 1);
}

TEST(positions)
{
	int line, col;
	text_position("ab\ncd\nef", 4, &line, &col);
	CHECK(line == 2 && col == 2);
	text_position("ab", 0, &line, &col);
	CHECK(line == 1 && col == 1);
}

TEST(dates)
{
	CHECK(text_is_date("2026-10-01"));
	CHECK(text_is_date("2024-02-29"));
	CHECK(!text_is_date("2023-02-29"));
	CHECK(!text_is_date("2026-13-01"));
	CHECK(!text_is_date("2026-1-01"));
	CHECK(!text_is_date("2026-10-01x"));
	CHECK(!text_is_date("01/10/2026"));
}

TEST(slug_shapes)
{
	CHECK(text_is_slug("adopters"));
	CHECK(text_is_slug("birth-families"));
	CHECK(text_is_slug("age-16-to-25"));
	CHECK(!text_is_slug(""));
	CHECK(!text_is_slug("-x"));
	CHECK(!text_is_slug("x-"));
	CHECK(!text_is_slug("a--b"));
	CHECK(!text_is_slug("Adopters"));
	CHECK(!text_is_slug("a_b"));
	CHECK(!text_is_slug("../x"));
}

TEST(phones_and_emails)
{
	CHECK(text_is_phone("01632 960100"));
	CHECK(text_is_phone("+44 1632 960100"));
	CHECK(text_is_phone("999"));
	CHECK(!text_is_phone("01632-960100x"));
	CHECK(!text_is_phone("12"));
	CHECK(!text_is_phone("0 1 6 3 2 9 6 0 1 0 0 0 0 0 0 0"));
	CHECK(text_is_email("duty@fernvale-adoption.example.org"));
	CHECK(!text_is_email("duty.example.org"));
	CHECK(!text_is_email("a@b@example.org"));
	CHECK(!text_is_email("a@example"));
	CHECK(!text_is_email("\"><script>@example.org"));
	CHECK(!text_is_email("a b@example.org"));
}

static const char *esc(void (*f)(struct buf *, const char *, size_t), const char *s,
		       struct buf *b)
{
	buf_reset(b);
	f(b, s, strlen(s));
	return buf_cstr(b);
}

TEST(escaping)
{
	struct buf b = BUF_INIT;
	CHECK_STR(esc(escape_html, "<a href=\"x\">'&'</a>", &b),
		  "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	CHECK_STR(esc(escape_xml, "]]> & 'q'\x01", &b), "]]&gt; &amp; &apos;q&apos;");
	CHECK_STR(esc(escape_json, "\"</script>\"\n\\", &b),
		  "\\\"\\u003c/script\\u003e\\\"\\n\\\\");
	CHECK_STR(esc(escape_json, "a\xe2\x80\xa8z", &b), "a\\u2028z");
	buf_free(&b);
}

TEST(url_schemes)
{
	CHECK(url_is_safe("https://example.org/", 20));
	CHECK(url_is_safe("mailto:duty@example.org", 23));
	CHECK(url_is_safe("tel:01632960100", 15));
	CHECK(url_is_safe("../adopters/", 12));
	CHECK(url_is_safe("#section", 8));
	CHECK(url_is_safe("page?x=a:b", 10));
	CHECK(!url_is_safe("javascript:alert(1)", 19));
	CHECK(!url_is_safe("JavaScript:alert(1)", 19));
	CHECK(!url_is_safe("data:text/html,x", 16));
	CHECK(!url_is_safe("vbscript:x", 10));
	CHECK(!url_is_safe("java\tscript:x", 13));
	CHECK(!url_is_safe(" javascript:x", 13));
}

int main(void)
{
	RUN(slugs);
	RUN(suggestions);
	RUN(utf8);
	RUN(positions);
	RUN(dates);
	RUN(slug_shapes);
	RUN(phones_and_emails);
	RUN(escaping);
	RUN(url_schemes);
	return harness_done();
}
