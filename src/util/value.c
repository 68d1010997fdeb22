/*
 * value.c: constructors and lookups for the shared data model.
 */
#include "util/value.h"

static struct value *value_new(struct arena *a, enum value_kind kind)
{
	struct value *v = arena_alloc(a, sizeof(*v));
	v->kind = kind;
	return v;
}

struct value *value_null(struct arena *a)
{
	return value_new(a, VAL_NULL);
}

struct value *value_bool(struct arena *a, bool b)
{
	struct value *v = value_new(a, VAL_BOOL);
	v->boolean = b;
	return v;
}

struct value *value_strn(struct arena *a, const char *s, size_t len)
{
	struct value *v = value_new(a, VAL_STRING);
	v->str = arena_strndup(a, s, len);
	v->len = len;
	return v;
}

struct value *value_strn_ref(struct arena *a, const char *s, size_t len)
{
	struct value *v = value_new(a, VAL_STRING);
	if (s[len] != '\0')
		BUG("value_strn_ref of a string that does not end at its length");
	v->str = s;
	v->len = len;
	return v;
}

struct value *value_str(struct arena *a, const char *s)
{
	return value_strn(a, s, strlen(s));
}

struct value *value_list(struct arena *a)
{
	return value_new(a, VAL_LIST);
}

struct value *value_map(struct arena *a)
{
	return value_new(a, VAL_MAP);
}

void value_list_push(struct arena *a, struct value *list, struct value *item)
{
	if (list->kind != VAL_LIST)
		BUG("push onto a non-list");
	if (list->len == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 4;
		struct value **items = arena_alloc(a, cap * sizeof(*items));
		if (list->len)
			memcpy(items, list->items, list->len * sizeof(*items));
		list->items = items;
		list->cap = cap;
	}
	list->items[list->len++] = item;
}

void value_map_set(struct arena *a, struct value *map, const char *key,
		   struct value *val)
{
	if (map->kind != VAL_MAP)
		BUG("set on a non-map");
	for (size_t i = 0; i < map->len; i++) {
		if (map->pairs[i].key[0] == key[0] && !strcmp(map->pairs[i].key, key)) {
			map->pairs[i].val = val;
			return;
		}
	}
	if (map->len == map->cap) {
		size_t cap = map->cap ? map->cap * 2 : 8;
		struct value_pair *pairs = arena_alloc(a, cap * sizeof(*pairs));
		if (map->len)
			memcpy(pairs, map->pairs, map->len * sizeof(*pairs));
		map->pairs = pairs;
		map->cap = cap;
	}
	map->pairs[map->len++] = (struct value_pair){
		.key = key, .val = val, .line = val ? val->line : 0,
		.col = val ? val->col : 0,
	};
}

void value_map_set_str(struct arena *a, struct value *map, const char *key,
		       const char *s)
{
	value_map_set(a, map, key, value_str(a, s));
}

const struct value_pair *value_map_pair(const struct value *map, const char *key)
{
	if (!map || map->kind != VAL_MAP)
		return NULL;
	/* the first byte tells most keys apart without a call */
	for (size_t i = 0; i < map->len; i++)
		if (map->pairs[i].key[0] == key[0] && !strcmp(map->pairs[i].key, key))
			return &map->pairs[i];
	return NULL;
}

struct value *value_map_get(const struct value *map, const char *key)
{
	const struct value_pair *p = value_map_pair(map, key);
	return p ? p->val : NULL;
}

const char *value_map_str(const struct value *map, const char *key)
{
	const struct value *v = value_map_get(map, key);
	return v && v->kind == VAL_STRING ? v->str : NULL;
}

bool value_truthy(const struct value *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case VAL_NULL: return false;
	case VAL_BOOL: return v->boolean;
	case VAL_STRING: return v->len > 0;
	case VAL_LIST: return v->len > 0;
	case VAL_MAP: return true;
	}
	return false;
}
