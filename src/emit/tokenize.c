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

/* The word being read: its folded letters, as many as fit, and its
 * length in all, so a word longer than TOKEN_MAX is known and skipped. */
struct word {
	char s[TOKEN_MAX + 8];
	size_t n, pos;
	void (*fn)(void *ctx, const char *term, size_t pos);
	void *ctx;
};

static void word_add(struct word *w, const char *add, size_t k)
{
	if (w->n + k <= TOKEN_MAX)
		memcpy(w->s + w->n, add, k);
	w->n += k;
}

/* A separator: the word so far, if any, is a term. */
static void word_end(struct word *w)
{
	if (w->n > 0 && w->n <= TOKEN_MAX) {
		size_t n = stem(w->s, w->n);
		w->s[n] = '\0';
		if (n > 1)
			w->fn(w->ctx, w->s, w->pos);
		w->pos++;
	}
	w->n = 0;
}

/* Each ASCII letter and digit, lower-cased; 0 for every other byte. */
#define LETTER(c) [c] = c, [c - 'a' + 'A'] = c
static const char ascii_fold[256] = {
	LETTER('a'), LETTER('b'), LETTER('c'), LETTER('d'), LETTER('e'), LETTER('f'),
	LETTER('g'), LETTER('h'), LETTER('i'), LETTER('j'), LETTER('k'), LETTER('l'),
	LETTER('m'), LETTER('n'), LETTER('o'), LETTER('p'), LETTER('q'), LETTER('r'),
	LETTER('s'), LETTER('t'), LETTER('u'), LETTER('v'), LETTER('w'), LETTER('x'),
	LETTER('y'), LETTER('z'),
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
};
#undef LETTER

/* The character that begins with the byte s[0] >= 0x80, of the n bytes
 * left: an apostrophe (’), a Latin-1 letter (U+00C0 to U+00FF, the byte
 * after 0xc3 taken as its second whatever it is) or a separator.
 * Returns its bytes. */
static size_t utf8_char(struct word *w, const unsigned char *s, size_t n)
{
	size_t k = 1;

	if (s[0] == 0xe2 && n > 2 && s[1] == 0x80 && s[2] == 0x99)
		return 3;
	if (s[0] == 0xc3 && n > 1) {
		const char *fold = fold_latin1(0xc0 + (s[1] & 0x3fu));
		if (fold)
			word_add(w, fold, strlen(fold));
		else
			word_end(w);
		return 2;
	}
	while (k < n && (s[k] & 0xc0) == 0x80)
		k++;
	word_end(w);
	return k;
}

void tokenize(const char *text, size_t len,
	      void (*fn)(void *ctx, const char *term, size_t pos), void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	struct word w = { .fn = fn, .ctx = ctx };
	size_t i = 0;

	while (i < len) {
		char c = ascii_fold[s[i]];
		if (c) {
			/* the common case, a run of ASCII letters and digits */
			size_t n = w.n;
			do {
				if (n < TOKEN_MAX)
					w.s[n] = c;
				n++;
			} while (++i < len && (c = ascii_fold[s[i]]));
			w.n = n;
		} else if (s[i] == '\'') {
			i++;
		} else if (s[i] < 0x80) {
			word_end(&w);
			i++;
		} else {
			i += utf8_char(&w, s + i, len - i);
		}
	}
	word_end(&w);
}
