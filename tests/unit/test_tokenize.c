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
	RUN(positions_count_every_word);
	return harness_done();
}
