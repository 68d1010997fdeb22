/*
 * sha1.h: SHA-1 (FIPS 180-4), for name-based UUIDs (RFC 4122 version 5)
 * and nothing that needs collision resistance.  A context lives on the
 * caller's stack; nothing is allocated.
 */
#ifndef SIGNPOST_SHA1_H
#define SIGNPOST_SHA1_H

#include "util/common.h"

#define SHA1_DIGEST_SIZE 20

struct sha1 {
	uint32_t h[5];
	uint64_t bytes;          /* message length so far */
	unsigned char block[64];
	size_t used;             /* bytes waiting in block */
};

void sha1_init(struct sha1 *c);
void sha1_update(struct sha1 *c, const void *data, size_t len);
/* Writes the digest to out; c must be initialised again before reuse. */
void sha1_final(struct sha1 *c, unsigned char out[SHA1_DIGEST_SIZE]);

/* One call: the digest of data[0..len). */
void sha1(const void *data, size_t len, unsigned char out[SHA1_DIGEST_SIZE]);

#endif
