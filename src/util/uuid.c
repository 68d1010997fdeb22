/*
 * uuid.c: version 5 UUIDs: SHA-1 of the namespace and the name, the
 * first 16 bytes, with the version and variant bits set.
 */
#include "util/uuid.h"
#include "util/sha1.h"

const unsigned char uuid_ns_url[16] = {
	0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
	0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
};

void uuid_v5(const unsigned char ns[16], const char *name, size_t len, unsigned char out[16])
{
	unsigned char digest[SHA1_DIGEST_SIZE];
	struct sha1 c;

	sha1_init(&c);
	sha1_update(&c, ns, 16);
	sha1_update(&c, name, len);
	sha1_final(&c, digest);
	memcpy(out, digest, 16);
	out[6] = (unsigned char)((out[6] & 0x0f) | 0x50);
	out[8] = (unsigned char)((out[8] & 0x3f) | 0x80);
}

void uuid_format(const unsigned char u[16], char out[UUID_STR_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[u[i] >> 4];
		out[o++] = hex[u[i] & 15];
	}
	out[o] = '\0';
}
