/*
 * value.h: the data model shared by YAML loading and template rendering:
 * null, booleans, scalars (kept as written, so 1.50 renders as 1.50),
 * lists and maps (keys in the order written).  Values are arena
 * allocated and immutable once built, except through the value_*_set
 * helpers used while a context is assembled.
 *
 * Every value carries the position it came from (line and column,
 * 1-based; 0 for values made by the program) so later stages can point
 * diagnostics at the line a person wrote.
 */
#ifndef SIGNPOST_VALUE_H
#define SIGNPOST_VALUE_H

#include "util/arena.h"

enum value_kind { VAL_NULL, VAL_BOOL, VAL_STRING, VAL_LIST, VAL_MAP };

struct value;

struct value_pair {
	const char *key;       /* arena */
	struct value *val;
	int line, col;         /* position of the key */
};

struct value {
	enum value_kind kind;
	int line, col;
	bool quoted;           /* VAL_STRING: written in quotes in YAML */
	bool boolean;          /* VAL_BOOL */
	const char *str;       /* VAL_STRING: arena, NUL-terminated */
	size_t len;            /* VAL_STRING: bytes; VAL_LIST, VAL_MAP: count */
	struct value **items;  /* VAL_LIST */
	struct value_pair *pairs; /* VAL_MAP */
	size_t cap;            /* capacity of items or pairs */
};

/* Arena: constructors. */
struct value *value_null(struct arena *a);
struct value *value_bool(struct arena *a, bool b);
struct value *value_str(struct arena *a, const char *s);
struct value *value_strn(struct arena *a, const char *s, size_t len);
/* Arena: a string value that points at s[0..len) (NUL-terminated)
 * instead of copying it: s must live as long as the value. */
struct value *value_strn_ref(struct arena *a, const char *s, size_t len);
struct value *value_list(struct arena *a);
struct value *value_map(struct arena *a);

/* Appends to a list. */
void value_list_push(struct arena *a, struct value *list, struct value *item);
/* Sets key in a map, replacing an existing entry.  key is kept, not
 * copied: a literal, or a string that lives as long as the map (in its
 * arena or one that outlives it). */
void value_map_set(struct arena *a, struct value *map, const char *key,
		   struct value *val);
/* Convenience: value_map_set with a string value. */
void value_map_set_str(struct arena *a, struct value *map, const char *key,
		       const char *s);

/* Borrowed: the value under key, or NULL (also when map is not a map). */
struct value *value_map_get(const struct value *map, const char *key);
const struct value_pair *value_map_pair(const struct value *map, const char *key);
/* Borrowed: the string under key, or NULL when absent or not a scalar. */
const char *value_map_str(const struct value *map, const char *key);

/* Mustache truthiness: false for null, false, an empty list and an
 * empty string. */
bool value_truthy(const struct value *v);

#endif
