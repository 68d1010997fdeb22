/*
 * readability.h: Flesch-Kincaid grade and Flesch reading ease of prose.
 *
 * Input is plain text in which each paragraph or list item is one line
 * ("\n"-separated), because a paragraph always ends a sentence even
 * without a full stop.  Sentences also end at '.', '!' or '?' followed
 * by a space or the end of the line.  Words are runs of letters, digits
 * and apostrophes.  Syllables are counted by vowel groups, with the
 * usual corrections for a silent final 'e' and '-le' endings; every word
 * has at least one.
 */
#ifndef SIGNPOST_READABILITY_H
#define SIGNPOST_READABILITY_H

#include "util/common.h"

struct readability {
	size_t sentences, words, syllables;
	double grade;          /* Flesch-Kincaid grade level */
	double ease;           /* Flesch reading ease */
	size_t longest_off;    /* the longest sentence (in words): offset in the text */
	size_t longest_len;    /* its length in bytes */
	size_t longest_words;
};

/* Scores text[0..len).  With no words, every figure is zero. */
void readability_score(const char *text, size_t len, struct readability *out);

/* Syllables in one word (letters only, any case); at least 1. */
size_t readability_syllables(const char *word, size_t len);

#endif
