/*
 * schema.h: checks shared by every loader of YAML maps: unknown keys
 * with a did-you-mean, and typed getters that report a value of the
 * wrong type at its own line.
 */
#ifndef SIGNPOST_SCHEMA_H
#define SIGNPOST_SCHEMA_H

#include "util/diag.h"
#include "util/value.h"

/* Reports each key of map that is not in known[] (NULL-terminated) and,
 * when extra is a map, not one of its keys either.  what names the
 * kind of key in the message ("front matter key", "config key").
 * Returns the number of unknown keys. */
size_t schema_unknown_keys(const struct value *map, const char *const *known,
			   const struct value *extra, const char *what,
			   const char *file, struct diags *d);

/* Borrowed: the string under key; NULL when absent or null.  Lists or
 * maps are reported as errors.  Booleans are refused for strings. */
const char *schema_str(const struct value *map, const char *key,
		       const char *file, struct diags *d);
/* The boolean under key, or dflt when absent; other types are errors. */
bool schema_bool(const struct value *map, const char *key, bool dflt,
		 const char *file, struct diags *d);
/* The integer under key, or dflt when absent; other values are errors. */
long schema_int(const struct value *map, const char *key, long dflt,
		const char *file, struct diags *d);
/* The date (YYYY-MM-DD) under key, or NULL; malformed dates are errors. */
const char *schema_date(const struct value *map, const char *key,
			const char *file, struct diags *d);
/* The list under key (a single string counts as a one-item list, made
 * in arena a), or NULL when absent; items must be strings. */
const struct value *schema_str_list(struct arena *a, const struct value *map,
				    const char *key, const char *file, struct diags *d);

#endif
