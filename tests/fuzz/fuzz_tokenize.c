/*
 * fuzz_tokenize.c: the search tokenizer.  Its terms name the index
 * shards (search/s/TE.json), so besides not crashing every term must be
 * 2 to TOKEN_MAX characters of [a-z0-9] and positions must count up.
 */
#include "fuzz.h"
#include "emit/tokenize.h"

struct seen {
	size_t terms, last_pos;
};

static void term(void *ctx, const char *t, size_t pos)
{
	struct seen *s = ctx;
	size_t n = strlen(t);

	FUZZ_CHECK(n >= 2 && n <= TOKEN_MAX);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9'));
	FUZZ_CHECK(s->terms == 0 || pos > s->last_pos);
	s->terms++;
	s->last_pos = pos;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen s = { 0, 0 };

	tokenize((const char *)data, size, term, &s);
	FUZZ_CHECK(s.terms <= size / 2 + 1);
	return 0;
}
