/*
 * buf.h: a growable byte buffer, always NUL-terminated.  The memory is
 * owned by the buf: release it with buf_free(), or take it with
 * buf_detach() (then the caller frees with free()).
 */
#ifndef SIGNPOST_BUF_H
#define SIGNPOST_BUF_H

#include "util/common.h"

struct buf {
	char *data;   /* NULL until the first append; see buf_cstr() */
	size_t len, cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Borrowed: valid until the next change to b; never NULL. */
const char *buf_cstr(const struct buf *b);
/* Owned: the contents (never NULL); b is left empty. */
char *buf_detach(struct buf *b, size_t *len);

#endif
