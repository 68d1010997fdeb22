/*
 * tokenize.c: text to search terms (the rules are in tokenize.h).
 */
#include "emit/tokenize.h"

/* The ASCII letters for a two-byte UTF-8 Latin-1 letter (U+00C0 to
 * U+00FF), or NULL when it is not a letter we fold. */
static const char *fold_latin1(unsigned int cp)
{
	static const char *const map[64] = {
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
	};
	return cp >= 0xc0 && cp <= 0xff ? map[cp - 0xc0] : NULL;
}

static bool ends(const char *s, size_t n, const char *tail)
{
	size_t t = strlen(tail);
	return n >= t && !memcmp(s + n - t, tail, t);
}

/* Stems s in place; returns the new length. */
static size_t stem(char *s, size_t n)
{
	if (n < 4)
		return n;
	if (ends(s, n, "ies")) {
		s[n - 3] = 'y';
		return n - 2;
	}
	if (ends(s, n, "sses"))
		return n - 2;
	if (ends(s, n, "es") && (ends(s, n - 2, "s") || ends(s, n - 2, "x") || ends(s, n - 2, "z") ||
				 ends(s, n - 2, "ch") || ends(s, n - 2, "sh")))
		return n - 2;
	if (s[n - 1] == 's' && !ends(s, n, "ss") && !ends(s, n, "us") && !ends(s, n, "is"))
		return n - 1;
	return n;
}

void tokenize(const char *text, size_t len,
	      void (*fn)(void *ctx, const char *term, size_t pos), void *ctx)
{
	char term[TOKEN_MAX + 8];
	size_t n = 0, pos = 0, i = 0;
	bool too_long = false;

	for (;;) {
		unsigned char c = i < len ? (unsigned char)text[i] : 0;
		const char *add = NULL;
		char one[2] = { 0, 0 };
		size_t step = 1;
		bool sep = false;

		if (i >= len) {
			sep = true;
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			one[0] = (char)c;
			add = one;
		} else if (c >= 'A' && c <= 'Z') {
			one[0] = (char)(c - 'A' + 'a');
			add = one;
		} else if (c == '\'') {
			add = "";
		} else if (c == 0xe2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
			   (unsigned char)text[i + 2] == 0x99) {
			add = "";       /* ’ */
			step = 3;
		} else if ((c == 0xc3) && i + 1 < len) {
			add = fold_latin1(0xc0 + ((unsigned char)text[i + 1] & 0x3f));
			step = 2;
			sep = !add;
		} else if (c >= 0x80) {
			/* other UTF-8 sequences separate terms */
			step = 1;
			while (i + step < len && ((unsigned char)text[i + step] & 0xc0) == 0x80)
				step++;
			sep = true;
		} else {
			sep = true;
		}

		if (add) {
			size_t k = strlen(add);
			if (n + k > TOKEN_MAX)
				too_long = true;
			else {
				memcpy(term + n, add, k);
				n += k;
			}
		}
		if (sep) {
			if (n > 0 && !too_long) {
				n = stem(term, n);
				term[n] = '\0';
				if (n > 1)
					fn(ctx, term, pos);
				pos++;
			}
			n = 0;
			too_long = false;
		}
		if (i >= len)
			break;
		i += step;
	}
}
