/*
 * arena.c: a bump allocator over a chain of malloc'd blocks.  Large
 * requests get a block of their own so small ones do not waste space.
 */
#include "util/arena.h"

#include <stdarg.h>

#define ARENA_BLOCK (64u * 1024u)
/* 8 bytes: every type we put in an arena (pointers, sizes, doubles);
 * nothing of ours is over-aligned, and 16 would waste a quarter of the
 * space that short strings and small structs take */
#define ARENA_ALIGN 8u

struct arena_block {
	struct arena_block *next;
	size_t cap, off;
	_Alignas(16) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}

void arena_adopt(struct arena *dst, struct arena *src)
{
	struct arena_block *last = src->head;

	if (!last)
		return;
	while (last->next)
		last = last->next;
	/* behind dst's current block, which keeps serving small requests */
	if (dst->head) {
		last->next = dst->head->next;
		dst->head->next = src->head;
	} else {
		dst->head = src->head;
	}
	dst->used += src->used;
	src->head = NULL;
	src->used = 0;
}

static struct arena_block *new_block(size_t cap)
{
	struct arena_block *b = xmalloc(sizeof(*b) + cap);
	b->cap = cap;
	b->off = 0;
	b->next = NULL;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct arena_block *b = a->head;
	void *p;

	if (need < size)
		BUG("arena request overflows");
	if (need > ARENA_BLOCK / 4) {
		/* a block of its own, kept behind the current one */
		struct arena_block *big = new_block(need);
		if (b) {
			big->next = b->next;
			b->next = big;
		} else {
			a->head = big;
		}
		big->off = need;
		a->used += need;
		memset(big->data, 0, need);
		return big->data;
	}
	if (!b || b->cap - b->off < need) {
		b = new_block(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->off;
	b->off += need;
	a->used += need;
	memset(p, 0, need);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		BUG("bad format '%s'", fmt);
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}
