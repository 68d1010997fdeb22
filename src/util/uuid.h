/*
 * uuid.h: name-based UUIDs, version 5 (RFC 4122 section 4.3, SHA-1),
 * so that the same name always gives the same identifier: open data
 * keeps its ids from build to build.
 */
#ifndef SIGNPOST_UUID_H
#define SIGNPOST_UUID_H

#include "util/common.h"

/* 36 characters and a NUL: "6ba7b811-9dad-11d1-80b4-00c04fd430c8". */
#define UUID_STR_SIZE 37

/* RFC 4122 appendix C: the namespace for names that are URLs. */
extern const unsigned char uuid_ns_url[16];

/* The version 5 UUID of name[0..len) in namespace ns. */
void uuid_v5(const unsigned char ns[16], const char *name, size_t len, unsigned char out[16]);

/* Writes u in the usual lower-case form into out. */
void uuid_format(const unsigned char u[16], char out[UUID_STR_SIZE]);

#endif
