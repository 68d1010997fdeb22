/*
 * intern.h: a set of strings, each given a small number the first time
 * it is added.  Equal strings get equal numbers, so a value seen on
 * thousands of pages (a navigation link, say) is kept once and compared
 * as an integer.  Not thread-safe: callers that share a table lock it.
 */
#ifndef SIGNPOST_INTERN_H
#define SIGNPOST_INTERN_H

#include "util/arena.h"

#define INTERN_NONE UINT32_MAX

struct intern {
	struct arena a;          /* the strings */
	const char **str;        /* str[k]: the string numbered k */
	size_t *len;
	uint32_t n, cap_str;
	uint32_t *slots;         /* open addressing: number + 1, 0 empty */
	size_t n_slots;
};

void intern_init(struct intern *t);
void intern_free(struct intern *t);
/* The number of s[0..n), added when it is new. */
uint32_t intern_add(struct intern *t, const char *s, size_t n);
/* The number of s[0..n), or INTERN_NONE when it was never added. */
uint32_t intern_find(const struct intern *t, const char *s, size_t n);
/* The string numbered k (valid until intern_free). */
static inline const char *intern_str(const struct intern *t, uint32_t k)
{
	return t->str[k];
}

#endif
