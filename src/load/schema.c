/*
 * schema.c: unknown-key and type checks with positions.
 */
#include "load/schema.h"
#include "util/text.h"

#include <errno.h>

size_t schema_unknown_keys(const struct value *map, const char *const *known,
			   const struct value *extra, const char *what,
			   const char *file, struct diags *d)
{
	size_t n_known = 0, unknown = 0;

	if (!map || map->kind != VAL_MAP)
		return 0;
	while (known[n_known])
		n_known++;
	for (size_t i = 0; i < map->len; i++) {
		const struct value_pair *p = &map->pairs[i];
		const char *hint;
		bool found = false;

		for (size_t k = 0; k < n_known && !found; k++)
			found = !strcmp(known[k], p->key);
		if (!found && value_map_pair(extra, p->key))
			found = true;
		if (found)
			continue;
		unknown++;
		hint = text_suggest(p->key, known, n_known);
		if (hint)
			diag_error(d, file, p->line, p->col, "unknown %s '%s' (did you mean '%s'?)",
				   what, p->key, hint);
		else
			diag_error(d, file, p->line, p->col, "unknown %s '%s'", what, p->key);
	}
	return unknown;
}

static const char *kind_name(const struct value *v)
{
	switch (v->kind) {
	case VAL_NULL: return "nothing";
	case VAL_BOOL: return "true or false";
	case VAL_STRING: return "text";
	case VAL_LIST: return "a list";
	case VAL_MAP: return "a mapping";
	}
	return "?";
}

const char *schema_str(const struct value *map, const char *key,
		       const char *file, struct diags *d)
{
	const struct value *v = value_map_get(map, key);
	if (!v || v->kind == VAL_NULL)
		return NULL;
	if (v->kind != VAL_STRING) {
		diag_error(d, file, v->line, v->col, "'%s' should be text, not %s", key,
			   kind_name(v));
		return NULL;
	}
	return v->str;
}

bool schema_bool(const struct value *map, const char *key, bool dflt,
		 const char *file, struct diags *d)
{
	const struct value *v = value_map_get(map, key);
	if (!v || v->kind == VAL_NULL)
		return dflt;
	if (v->kind != VAL_BOOL) {
		diag_error(d, file, v->line, v->col, "'%s' should be true or false, not %s%s%s%s",
			   key, kind_name(v), v->kind == VAL_STRING ? " '" : "",
			   v->kind == VAL_STRING ? v->str : "", v->kind == VAL_STRING ? "'" : "");
		return dflt;
	}
	return v->boolean;
}

long schema_int(const struct value *map, const char *key, long dflt,
		const char *file, struct diags *d)
{
	const struct value *v = value_map_get(map, key);
	char *end;
	long n;

	if (!v || v->kind == VAL_NULL)
		return dflt;
	if (v->kind == VAL_STRING && !v->quoted) {
		errno = 0;
		n = strtol(v->str, &end, 10);
		if (!errno && end != v->str && !*end)
			return n;
	}
	diag_error(d, file, v->line, v->col, "'%s' should be a whole number", key);
	return dflt;
}

const char *schema_date(const struct value *map, const char *key,
			const char *file, struct diags *d)
{
	const struct value *v = value_map_get(map, key);
	if (!v || v->kind == VAL_NULL)
		return NULL;
	if (v->kind != VAL_STRING || !text_is_date(v->str)) {
		diag_error(d, file, v->line, v->col,
			   "'%s' should be a date written YYYY-MM-DD%s%s%s", key,
			   v->kind == VAL_STRING ? ", not '" : "",
			   v->kind == VAL_STRING ? v->str : "", v->kind == VAL_STRING ? "'" : "");
		return NULL;
	}
	return v->str;
}

const struct value *schema_str_list(struct arena *a, const struct value *map,
				    const char *key, const char *file, struct diags *d)
{
	struct value *v = value_map_get(map, key);
	if (!v || v->kind == VAL_NULL)
		return NULL;
	if (v->kind == VAL_STRING) {
		struct value *list = value_list(a);
		list->line = v->line;
		list->col = v->col;
		value_list_push(a, list, v);
		return list;
	}
	if (v->kind != VAL_LIST) {
		diag_error(d, file, v->line, v->col, "'%s' should be a list, not %s", key,
			   kind_name(v));
		return NULL;
	}
	for (size_t i = 0; i < v->len; i++) {
		if (v->items[i]->kind != VAL_STRING) {
			diag_error(d, file, v->items[i]->line, v->items[i]->col,
				   "each item of '%s' should be text, not %s", key,
				   kind_name(v->items[i]));
			return NULL;
		}
	}
	return v;
}
