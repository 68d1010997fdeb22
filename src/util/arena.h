/*
 * arena.h: one arena per build.  Paths, slugs, metadata, template trees
 * and the site model are allocated here and released together by
 * arena_free().  Every pointer returned is "arena": valid until the
 * arena it came from is freed.
 */
#ifndef SIGNPOST_ARENA_H
#define SIGNPOST_ARENA_H

#include "util/common.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;   /* bytes handed out, for reporting */
};

void arena_init(struct arena *a);
/* Releases every block; the arena may be reused after arena_init(). */
void arena_free(struct arena *a);

/* Moves every block of src into dst, so what was allocated in src now
 * lives until dst is freed; src is left empty.  For worker threads'
 * arenas, joined into the build's. */
void arena_adopt(struct arena *dst, struct arena *src);

/* Arena: zero-filled, aligned to 8 bytes (enough for every type we
 * allocate; nothing needs more). */
void *arena_alloc(struct arena *a, size_t size);
/* Arena: a NUL-terminated copy of s[0..n). */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Arena: printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
