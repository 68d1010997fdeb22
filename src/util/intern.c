/*
 * intern.c: a power-of-two table with linear probing (text_hash),
 * grown at half full.
 */
#include "util/intern.h"
#include "util/text.h"

void intern_init(struct intern *t)
{
	memset(t, 0, sizeof(*t));
	arena_init(&t->a);
}

void intern_free(struct intern *t)
{
	arena_free(&t->a);
	free(t->str);
	free(t->len);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* The slot holding s[0..n), or the empty slot where it would go. */
static size_t probe(const struct intern *t, const char *s, size_t n)
{
	size_t mask = t->n_slots - 1, i = (size_t)text_hash(s, n) & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t k = t->slots[i];
		if (!k || (t->len[k - 1] == n && !memcmp(t->str[k - 1], s, n)))
			return i;
	}
}

static void grow(struct intern *t)
{
	uint32_t *old = t->slots;
	size_t n_old = t->n_slots;

	t->n_slots = n_old ? n_old * 2 : 1024;
	t->slots = xcalloc(t->n_slots, sizeof(*t->slots));
	for (size_t i = 0; i < n_old; i++)
		if (old[i])
			t->slots[probe(t, t->str[old[i] - 1], t->len[old[i] - 1])] = old[i];
	free(old);
}

uint32_t intern_add(struct intern *t, const char *s, size_t n)
{
	size_t i;

	if ((size_t)t->n * 2 >= t->n_slots)
		grow(t);
	i = probe(t, s, n);
	if (t->slots[i])
		return t->slots[i] - 1;
	if (t->n == INTERN_NONE - 1)
		BUG("more strings than an intern table numbers");
	if (t->n == t->cap_str) {
		t->cap_str = t->cap_str ? t->cap_str * 2 : 256;
		t->str = xrealloc(t->str, t->cap_str * sizeof(*t->str));
		t->len = xrealloc(t->len, t->cap_str * sizeof(*t->len));
	}
	t->str[t->n] = arena_strndup(&t->a, s, n);
	t->len[t->n] = n;
	t->slots[i] = ++t->n;
	return t->n - 1;
}

uint32_t intern_find(const struct intern *t, const char *s, size_t n)
{
	size_t i;

	if (!t->n_slots)
		return INTERN_NONE;
	i = probe(t, s, n);
	return t->slots[i] ? t->slots[i] - 1 : INTERN_NONE;
}
