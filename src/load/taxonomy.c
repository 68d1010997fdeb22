/*
 * taxonomy.c: reading taxonomy.yaml, and looking terms up with a
 * did-you-mean for the records that use them.
 */
#include "load/taxonomy.h"
#include "load/schema.h"
#include "load/yaml.h"
#include "util/text.h"

#include <strings.h>

static const struct {
	const char *key, *noun;
	const char *extra[3];      /* keys a term of this vocabulary may add */
} vocabs[VOCAB_COUNT] = {
	[VOCAB_AUDIENCES] = { "audiences", "audience", { "guide" } },
	[VOCAB_CATEGORIES] = { "categories", "category", { "group" } },
	[VOCAB_TIERS] = { "tiers", "tier", { NULL } },
	[VOCAB_FUNDING] = { "funding", "funding route", { NULL } },
	[VOCAB_DELIVERY] = { "delivery", "delivery mode", { NULL } },
	[VOCAB_AREAS] = { "areas", "area", { "parent", "kind" } },
	[VOCAB_ORG_KINDS] = { "organisation_kinds", "organisation kind", { "public_body" } },
	[VOCAB_EVIDENCE] = { "evidence_levels", "evidence level", { NULL } },
	[VOCAB_AGE_BANDS] = { "age_bands", "age band", { "min_age", "max_age" } },
};

const char *vocab_key(enum vocab v)
{
	return vocabs[v].key;
}

const char *vocab_noun(enum vocab v)
{
	return vocabs[v].noun;
}

static int term_cmp(const void *pa, const void *pb)
{
	const struct vocab_term *a = *(const struct vocab_term *const *)pa;
	const struct vocab_term *b = *(const struct vocab_term *const *)pb;
	return strcmp(a->id, b->id);
}

const struct vocab_term *taxonomy_find(const struct taxonomy *t, enum vocab v, const char *id)
{
	const struct vocabulary *voc = &t->v[v];
	size_t lo = 0, hi = voc->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(voc->sorted[mid]->id, id);
		if (c == 0)
			return voc->sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void read_term(struct arena *a, const char *file, enum vocab v, struct value *m,
		      struct vocab_term *term, struct diags *d)
{
	const char *known[10];
	size_t n = 0;

	known[n++] = "id";
	known[n++] = "label";
	known[n++] = "description";
	known[n++] = "synonyms";
	for (size_t i = 0; i < ARRAY_LEN(vocabs[v].extra) && vocabs[v].extra[i]; i++)
		known[n++] = vocabs[v].extra[i];
	known[n] = NULL;

	memset(term, 0, sizeof(*term));
	term->vocab = v;
	term->raw = m;
	term->line = m->line;
	term->col = m->col;
	schema_unknown_keys(m, known, NULL, arena_printf(a, "%s key", vocabs[v].noun), file, d);
	term->id = schema_str(m, "id", file, d);
	term->label = schema_str(m, "label", file, d);
	term->description = schema_str(m, "description", file, d);
	term->synonyms = schema_str_list(a, m, "synonyms", file, d);
	if (!term->id) {
		if (!value_map_get(m, "id"))
			diag_error(d, file, m->line, m->col, "%s has no 'id'", vocabs[v].noun);
		term->id = "";
	} else if (!text_is_slug(term->id)) {
		const struct value *iv = value_map_get(m, "id");
		diag_error(d, file, iv->line, iv->col,
			   "%s id '%s' should use only lower-case letters, digits and single hyphens",
			   vocabs[v].noun, term->id);
	}
	if (!term->label) {
		if (!value_map_get(m, "label"))
			diag_error(d, file, m->line, m->col, "%s '%s' has no 'label'",
				   vocabs[v].noun, term->id);
		term->label = term->id;
	}
	switch (v) {
	case VOCAB_AUDIENCES:
		term->guide = schema_str(m, "guide", file, d);
		break;
	case VOCAB_CATEGORIES:
		term->group = schema_str(m, "group", file, d);
		break;
	case VOCAB_AREAS:
		term->kind = schema_str(m, "kind", file, d);
		/* the parent is resolved once every area is known */
		schema_str(m, "parent", file, d);
		break;
	case VOCAB_ORG_KINDS:
		term->public_body = schema_bool(m, "public_body", false, file, d);
		break;
	case VOCAB_AGE_BANDS:
		term->min_age = schema_int(m, "min_age", -1, file, d);
		term->max_age = schema_int(m, "max_age", -1, file, d);
		if (term->min_age < 0 || term->max_age < 0 || term->min_age > term->max_age ||
		    term->max_age > 150)
			diag_error(d, file, m->line, m->col,
				   "age band '%s' needs 'min_age' and 'max_age', whole numbers from 0 to 150 with min_age not above max_age",
				   term->id);
		break;
	default:
		break;
	}
}

static void read_vocab(struct arena *a, const char *file, enum vocab v,
		       const struct value *list, struct taxonomy *t, struct diags *d)
{
	struct vocabulary *voc = &t->v[v];

	voc->present = true;
	if (!list || list->kind == VAL_NULL)
		return;
	if (list->kind != VAL_LIST) {
		diag_error(d, file, list->line, list->col,
			   "'%s' should be a list of terms, each with an id and a label", vocabs[v].key);
		return;
	}
	voc->terms = arena_alloc(a, (list->len ? list->len : 1) * sizeof(*voc->terms));
	for (size_t i = 0; i < list->len; i++) {
		struct value *m = list->items[i];
		struct vocab_term *term = &voc->terms[voc->n];

		if (m->kind != VAL_MAP) {
			diag_error(d, file, m->line, m->col,
				   "each item of '%s' should be a mapping with an id and a label",
				   vocabs[v].key);
			continue;
		}
		read_term(a, file, v, m, term, d);
		if (!*term->id)
			continue;
		term->index = voc->n++;
	}
	voc->sorted = arena_alloc(a, (voc->n ? voc->n : 1) * sizeof(*voc->sorted));
	for (size_t i = 0; i < voc->n; i++)
		voc->sorted[i] = &voc->terms[i];
	qsort(voc->sorted, voc->n, sizeof(*voc->sorted), term_cmp);
	for (size_t i = 1; i < voc->n; i++) {
		const struct vocab_term *x = voc->sorted[i - 1], *y = voc->sorted[i];
		if (!strcmp(x->id, y->id)) {
			const struct vocab_term *later = x->index > y->index ? x : y;
			const struct vocab_term *first = later == x ? y : x;
			diag_error(d, file, later->line, later->col,
				   "duplicate %s id '%s' (first on line %d)", vocabs[v].noun,
				   later->id, first->line);
		}
	}
}

/* Parents of areas, once all areas are known; a loop is an error. */
static void link_areas(const char *file, struct taxonomy *t, struct diags *d)
{
	struct vocabulary *voc = &t->v[VOCAB_AREAS];

	for (size_t i = 0; i < voc->n; i++) {
		struct vocab_term *term = &voc->terms[i];
		const struct value *pv = value_map_get(term->raw, "parent");
		if (!pv || pv->kind != VAL_STRING)
			continue;
		term->parent = taxonomy_resolve(t, VOCAB_AREAS, pv, file, d);
		if (term->parent == term) {
			diag_error(d, file, pv->line, pv->col, "area '%s' cannot be its own parent",
				   term->id);
			term->parent = NULL;
		}
	}
	for (size_t i = 0; i < voc->n; i++) {
		size_t steps = 0;
		for (const struct vocab_term *p = voc->terms[i].parent; p; p = p->parent) {
			if (++steps > voc->n) {
				diag_error(d, file, voc->terms[i].line, voc->terms[i].col,
					   "area '%s' is inside itself through its parents",
					   voc->terms[i].id);
				voc->terms[i].parent = NULL;
				break;
			}
		}
	}
}

bool taxonomy_parse(struct arena *a, const char *file, const char *src, size_t len,
		    struct taxonomy *t, struct diags *d)
{
	const char *known[VOCAB_COUNT + 1];
	struct value *root;

	memset(t, 0, sizeof(*t));
	t->file = arena_strdup(a, file);
	for (int v = 0; v < VOCAB_COUNT; v++) {
		known[v] = vocabs[v].key;
		t->v[v].sorted = arena_alloc(a, sizeof(*t->v[v].sorted));
	}
	known[VOCAB_COUNT] = NULL;

	root = yaml_parse(a, t->file, src, len, 0, d);
	if (!root)
		return false;
	if (root->kind == VAL_NULL)
		return true;
	if (root->kind != VAL_MAP) {
		diag_error(d, t->file, root->line, root->col,
			   "taxonomy.yaml should be a mapping of vocabularies such as 'categories:'");
		return false;
	}
	schema_unknown_keys(root, known, NULL, "taxonomy key", t->file, d);
	for (int v = 0; v < VOCAB_COUNT; v++) {
		if (value_map_pair(root, vocabs[v].key))
			read_vocab(a, t->file, (enum vocab)v, value_map_get(root, vocabs[v].key), t, d);
	}
	link_areas(t->file, t, d);
	return true;
}

/* The id of the term whose label or a synonym is word, ignoring case. */
static const char *match_name(const struct vocabulary *voc, const char *word)
{
	for (size_t i = 0; i < voc->n; i++) {
		const struct vocab_term *term = &voc->terms[i];
		if (!strcasecmp(term->label, word))
			return term->id;
		for (size_t k = 0; term->synonyms && k < term->synonyms->len; k++)
			if (!strcasecmp(term->synonyms->items[k]->str, word))
				return term->id;
	}
	return NULL;
}

const struct vocab_term *taxonomy_resolve(const struct taxonomy *t, enum vocab v,
				    const struct value *item, const char *file,
				    struct diags *d)
{
	const struct vocabulary *voc = &t->v[v];
	const struct vocab_term *found;
	const char *hint;

	if (item->kind != VAL_STRING) {
		diag_error(d, file, item->line, item->col, "%s should be an id from taxonomy.yaml",
			   vocabs[v].noun);
		return NULL;
	}
	found = taxonomy_find(t, v, item->str);
	if (found)
		return found;
	if (!voc->present) {
		diag_error(d, file, item->line, item->col,
			   "unknown %s '%s' (taxonomy.yaml has no '%s' list)", vocabs[v].noun,
			   item->str, vocabs[v].key);
		return NULL;
	}
	hint = match_name(voc, item->str);
	if (!hint) {
		const char **ids = xmalloc((voc->n ? voc->n : 1) * sizeof(*ids));
		for (size_t i = 0; i < voc->n; i++)
			ids[i] = voc->terms[i].id;
		hint = text_suggest(item->str, ids, voc->n);
		free(ids);
	}
	if (hint)
		diag_error(d, file, item->line, item->col, "unknown %s '%s' (did you mean '%s'?)",
			   vocabs[v].noun, item->str, hint);
	else
		diag_error(d, file, item->line, item->col, "unknown %s '%s'", vocabs[v].noun,
			   item->str);
	return NULL;
}
