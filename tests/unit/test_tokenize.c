/* Unit tests for emit/tokenize.c: the same rules as search.js. */
#include "harness.h"
#include "emit/tokenize.h"
#include "util/buf.h"

static void collect(void *ctx, const char *term, size_t pos)
{
	struct buf *b = ctx;
	(void)pos;
	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, term);
}

static const char *terms(const char *s, struct buf *b)
{
	buf_reset(b);
	tokenize(s, strlen(s), collect, b);
	return buf_cstr(b);
}

TEST(words_and_case)
{
	struct buf b = BUF_INIT;
	CHECK_STR(terms("Support Groups, near YOU!", &b), "support group near you");
	CHECK_STR(terms("a b cd", &b), "cd");
	CHECK_STR(terms("ASF/ASGSF (2023)", &b), "asf asgsf 2023");
	buf_free(&b);
}

TEST(stems)
{
	struct buf b = BUF_INIT;
	CHECK_STR(terms("therapies therapy", &b), "therapy therapy");
	CHECK_STR(terms("records boxes classes churches wishes", &b), "record box class church wish");
	CHECK_STR(terms("bus basis address news", &b), "bus basis address new");
	CHECK_STR(terms("is as us", &b), "is as us");
	buf_free(&b);
}

TEST(apostrophes_and_accents)
{
	struct buf b = BUF_INIT;
	CHECK_STR(terms("don't children’s café naïve Straße", &b), "dont children cafe naive strasse");
	CHECK_STR(terms("x\xe2\x80\x94y word\xe2\x80\x94word", &b), "word word");
	buf_free(&b);
}

TEST(long_terms_skipped)
{
	struct buf b = BUF_INIT;
	CHECK_STR(terms("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ok", &b), "ok");
	buf_free(&b);
}

/* The limit counts letters after folding: ß is two. */
TEST(limit_after_folding)
{
	struct buf b = BUF_INIT;
	const char *a38 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	char s[64];

	snprintf(s, sizeof(s), "%s\xc3\x9f ok", a38);
	CHECK_STR(terms(s, &b), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaass ok");
	snprintf(s, sizeof(s), "a%s\xc3\x9f ok", a38);
	CHECK_STR(terms(s, &b), "ok");
	snprintf(s, sizeof(s), "aa%s ok", a38);
	CHECK_STR(terms(s, &b), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ok");
	buf_free(&b);
}

/* Broken and partial UTF-8: 0xc3 takes the next byte as its second,
 * whatever it is; a cut ’ separates. */
TEST(partial_utf8)
{
	struct buf b = BUF_INIT;
	CHECK_STR(terms("x\xc3" "Ab cd", &b), "xab cd");
	CHECK_STR(terms("ab\xc3\x97" "cd ef\xc3", &b), "ab cd ef");
	CHECK_STR(terms("it\xe2\x80\x99s ab\xe2\x80" "cd", &b), "its ab cd");
	buf_free(&b);
}

static void positions(void *ctx, const char *term, size_t pos)
{
	size_t *last = ctx;
	(void)term;
	*last = pos;
}

TEST(positions_count_every_word)
{
	size_t last = 0;
	tokenize("a bb cc dd", 10, positions, &last);
	CHECK(last == 3);
}

int main(void)
{
	RUN(words_and_case);
	RUN(stems);
	RUN(apostrophes_and_accents);
	RUN(long_terms_skipped);
	RUN(limit_after_folding);
	RUN(partial_utf8);
	RUN(positions_count_every_word);
	return harness_done();
}
