/*
 * readability.c: counting sentences, words and syllables.
 */
#include "check/readability.h"

#include <ctype.h>

static bool is_vowel(int c)
{
	c = tolower(c);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

size_t readability_syllables(const char *w, size_t len)
{
	size_t n = 0;
	bool prev = false;

	/* count only the letters; "don't" is one word of one syllable */
	char buf[64];
	size_t k = 0;
	for (size_t i = 0; i < len && k < sizeof(buf); i++)
		if (isalpha((unsigned char)w[i]))
			buf[k++] = (char)tolower((unsigned char)w[i]);
	if (k == 0)
		return 1;
	for (size_t i = 0; i < k; i++) {
		bool v = is_vowel(buf[i]);
		/* 'y' at the start of a word is a consonant: "you", "yes" */
		if (i == 0 && buf[i] == 'y')
			v = false;
		if (v && !prev)
			n++;
		prev = v;
	}
	/* a silent final 'e' ("make", "hope"), but not "-le" ("little")
	 * nor a word whose only vowel it is ("the", "me") */
	if (k > 2 && buf[k - 1] == 'e' && !is_vowel(buf[k - 2]) &&
	    !(buf[k - 2] == 'l' && !is_vowel(buf[k - 3])) && n > 1)
		n--;
	/* "-es" and "-ed" endings are usually silent: "likes", "helped" */
	else if (k > 3 && (buf[k - 1] == 's' || buf[k - 1] == 'd') && buf[k - 2] == 'e' &&
		 !is_vowel(buf[k - 3]) && !strchr("tdscgzx", buf[k - 3]) && n > 1)
		n--;
	return n ? n : 1;
}

static bool word_char(unsigned char c)
{
	return isalnum(c) || c == '\'' || c >= 0x80;
}

/* Dashes, quotes and ellipses (U+2000 to U+206F) are punctuation, except
 * the right single quote, which people type as an apostrophe. */
static size_t punct_len(const char *t, size_t i, size_t len)
{
	if (i + 2 < len && (unsigned char)t[i] == 0xe2 && (unsigned char)t[i + 1] == 0x80 &&
	    (unsigned char)t[i + 2] != 0x99)
		return 3;
	return 0;
}

void readability_score(const char *text, size_t len, struct readability *out)
{
	size_t i = 0, sent_start = 0, sent_words = 0;

	memset(out, 0, sizeof(*out));
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		bool end = false;

		if (punct_len(text, i, len)) {
			i += punct_len(text, i, len);
			continue;
		}
		if (word_char(c) && c != '\'') {
			size_t start = i;
			/* a word: letters, digits, apostrophes, and the bytes of
			 * UTF-8 letters; "£5,000" counts as one word */
			while (i < len && !punct_len(text, i, len) &&
			       (word_char((unsigned char)text[i]) ||
					   ((text[i] == ',' || text[i] == '.') && i + 1 < len &&
					    isdigit((unsigned char)text[i + 1]) && i > start &&
					    isdigit((unsigned char)text[i - 1]))))
				i++;
			out->words++;
			sent_words++;
			out->syllables += readability_syllables(text + start, i - start);
			continue;
		}
		if (c == '\n')
			end = true;
		else if ((c == '.' || c == '!' || c == '?') &&
			 (i + 1 >= len || text[i + 1] == ' ' || text[i + 1] == '\n' ||
			  text[i + 1] == '"' || text[i + 1] == ')'))
			end = true;
		i++;
		if (i >= len)
			end = true;
		if (end && sent_words > 0) {
			out->sentences++;
			if (sent_words > out->longest_words) {
				out->longest_words = sent_words;
				out->longest_off = sent_start;
				out->longest_len = i - sent_start;
			}
			sent_words = 0;
		}
		if (end) {
			while (i < len && (text[i] == ' ' || text[i] == '\n'))
				i++;
			sent_start = i;
		}
	}
	if (sent_words > 0) {
		out->sentences++;
		if (sent_words > out->longest_words) {
			out->longest_words = sent_words;
			out->longest_off = sent_start;
			out->longest_len = len - sent_start;
		}
	}
	if (out->words == 0 || out->sentences == 0)
		return;
	double wps = (double)out->words / (double)out->sentences;
	double spw = (double)out->syllables / (double)out->words;
	out->grade = 0.39 * wps + 11.8 * spw - 15.59;
	out->ease = 206.835 - 1.015 * wps - 84.6 * spw;
	/* trim the sentence's trailing blanks for display */
	while (out->longest_len > 0 && (text[out->longest_off + out->longest_len - 1] == ' ' ||
					text[out->longest_off + out->longest_len - 1] == '\n'))
		out->longest_len--;
}
