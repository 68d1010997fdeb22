/*
 * common.h: what every source file of ours includes first: standard
 * headers, allocation that never fails, BUG() for broken invariants.
 */
#ifndef SIGNPOST_COMMON_H
#define SIGNPOST_COMMON_H

#define _GNU_SOURCE 1
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Out of memory aborts with a message; these never return NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Owned: caller frees with free(). */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A broken invariant of our own code: prints our file and line, aborts. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#include "util/banned.h"

#endif
