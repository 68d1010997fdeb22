/*
 * tokenize.h: the search tokenizer.  The index (C) and the client
 * (themes/default/static/js/search.js) must turn text into the same
 * terms, so the rules are few and written out here:
 *
 *   1. Lower-case ASCII; fold Latin letters with accents to their base
 *      letter (é to e, ß to ss); drop apostrophes (’ too): "don't" is
 *      "dont".
 *   2. A term is a run of letters and digits; anything else separates.
 *   3. Stem: "ies" to "y" (therapies, therapy), "sses" to "ss", "es"
 *      after s, x, z, ch or sh dropped (boxes, box), else a final "s"
 *      dropped unless the word ends in "ss", "us" or "is", in words of
 *      four letters or more.
 *   4. Terms of one character and terms longer than 40 are skipped.
 */
#ifndef SIGNPOST_TOKENIZE_H
#define SIGNPOST_TOKENIZE_H

#include "util/common.h"

#define TOKEN_MAX 40

/* Calls fn for each term of text[0..len) with the term (NUL-terminated,
 * valid only during the call) and its position (0, 1, …). */
void tokenize(const char *text, size_t len,
	      void (*fn)(void *ctx, const char *term, size_t pos), void *ctx);

#endif
