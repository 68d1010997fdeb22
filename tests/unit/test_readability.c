/* Unit tests for check/readability.c against hand-counted text. */
#include "harness.h"
#include "check/readability.h"

#include <math.h>

static size_t syl(const char *w)
{
	return readability_syllables(w, strlen(w));
}

TEST(syllables)
{
	CHECK(syl("cat") == 1);
	CHECK(syl("the") == 1);
	CHECK(syl("make") == 1);
	CHECK(syl("you") == 1);
	CHECK(syl("likes") == 1);
	CHECK(syl("helped") == 1);
	CHECK(syl("little") == 2);
	CHECK(syl("boxes") == 2);
	CHECK(syl("wanted") == 2);
	CHECK(syl("family") == 3);
	CHECK(syl("adoption") == 3);
	CHECK(syl("therapy") == 3);
	CHECK(syl("don't") == 1);
	CHECK(syl("Independent") == 4);
}

static bool near(double a, double b)
{
	return fabs(a - b) < 0.005;
}

TEST(one_sentence)
{
	/* 6 words, 6 syllables, 1 sentence */
	const char *t = "The cat sat on the mat.";
	struct readability r;
	readability_score(t, strlen(t), &r);
	CHECK(r.sentences == 1 && r.words == 6 && r.syllables == 6);
	CHECK(near(r.grade, 0.39 * 6 + 11.8 * 1 - 15.59));
	CHECK(near(r.ease, 206.835 - 1.015 * 6 - 84.6 * 1));
}

TEST(paragraphs_end_sentences)
{
	/* line 1: two sentences (3 + 4 words); line 2: a list item without
	 * a full stop (5 words) */
	const char *t = "You are safe. We will help you!\nTalk to your social worker\n";
	struct readability r;
	readability_score(t, strlen(t), &r);
	CHECK(r.sentences == 3);
	CHECK(r.words == 12);
	/* you are safe(1+1+1) we will help you(4) talk to your so-cial work-er(1+1+1+2+2) */
	CHECK(r.syllables == 3 + 4 + 7);
	CHECK(r.longest_words == 5);
	CHECK(!strncmp(t + r.longest_off, "Talk to your social worker", r.longest_len));
}

TEST(numbers_and_abbreviations)
{
	/* "£5,000" is one word; "e.g." does not end a sentence (no space
	 * after the first dot), "3.5" neither */
	const char *t = "The fund pays £5,000 a year. It pays 3.5 times more.";
	struct readability r;
	readability_score(t, strlen(t), &r);
	CHECK(r.sentences == 2);
	CHECK(r.words == 11);
}

TEST(dashes_are_not_words)
{
	const char *t = "Some days are hard \xe2\x80\x94 that is okay.";
	struct readability r;
	readability_score(t, strlen(t), &r);
	CHECK(r.words == 7);
}

TEST(empty)
{
	struct readability r;
	readability_score("", 0, &r);
	CHECK(r.words == 0 && r.sentences == 0 && r.grade == 0);
	readability_score("...\n\n", 5, &r);
	CHECK(r.words == 0 && r.sentences == 0);
}

int main(void)
{
	RUN(syllables);
	RUN(one_sentence);
	RUN(paragraphs_end_sentences);
	RUN(numbers_and_abbreviations);
	RUN(dashes_are_not_words);
	RUN(empty);
	return harness_done();
}
