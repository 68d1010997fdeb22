/*
 * json.h: writing JSON into a buffer, with commas and indentation kept
 * by the writer.  Strings go through escape_json(), so the output is
 * also safe inside an HTML <script> element.
 */
#ifndef SIGNPOST_JSON_H
#define SIGNPOST_JSON_H

#include "util/buf.h"

#define JSON_MAX_DEPTH 32

struct json {
	struct buf *b;             /* borrowed */
	int depth;
	bool first[JSON_MAX_DEPTH];  /* nothing written yet at this depth */
	char closing[JSON_MAX_DEPTH]; /* '}' or ']' for each open level */
	bool pretty;               /* newlines and two-space indents */
};

void json_init(struct json *j, struct buf *b, bool pretty);

/* Opens an object ('{') or array ('[') as the value of key (NULL inside
 * arrays and at the top); closes the innermost one. */
void json_open(struct json *j, const char *key, char bracket);
void json_close(struct json *j);

/* Members and array items; key is NULL inside arrays. */
void json_str(struct json *j, const char *key, const char *s);
/* A number given as its JSON text, such as "1995" or "12.50". */
void json_num(struct json *j, const char *key, const char *text);
void json_int(struct json *j, const char *key, long n);
void json_bool(struct json *j, const char *key, bool v);

/* Ends the document (a final newline when pretty). */
void json_end(struct json *j);

#endif
