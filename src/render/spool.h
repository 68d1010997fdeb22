/*
 * spool.h: pieces of text kept in an unnamed temporary file instead of
 * memory, each under a number, until something assembles them: the
 * sections of the print pages, made as each page renders, which would
 * otherwise be held all at once (as large as a fifth of the site).
 * Threads may put pieces of different numbers at once.
 */
#ifndef SIGNPOST_SPOOL_H
#define SIGNPOST_SPOOL_H

#include "util/arena.h"
#include "util/diag.h"

#include <stdatomic.h>
#include <stdint.h>

struct spool_piece {
	uint64_t off;
	size_t len;
	bool set;
};

struct spool {
	int fd;
	_Atomic uint64_t end;       /* where the next piece goes */
	struct spool_piece *pieces; /* by number */
	size_t n;
};

/* Opens a spool for pieces numbered [0, n).  False after a diagnostic
 * about 'who'. */
bool spool_open(struct spool *sp, size_t n, const char *who, struct diags *d);

/* Puts data[0..len) as piece i, replacing an earlier piece i.  False
 * after a diagnostic about 'who' (the file system is full, say). */
bool spool_put(struct spool *sp, size_t i, const char *data, size_t len, const char *who,
	       struct diags *d);

/* Arena: piece i, NUL-terminated, its length in *len; NULL when it was
 * never put or cannot be read (a diagnostic about 'who'). */
const char *spool_get(const struct spool *sp, size_t i, struct arena *a, size_t *len,
		      const char *who, struct diags *d);

void spool_close(struct spool *sp);

#endif
