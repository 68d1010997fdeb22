/*
 * glossary.c: reading and checking content/glossary.yaml.
 */
#include "load/glossary.h"
#include "load/schema.h"
#include "load/yaml.h"
#include "util/fs.h"
#include "util/text.h"

#include <strings.h>

static const char *const file_keys[] = { "terms", NULL };
static const char *const term_keys[] = { "term", "match", "definition", "guides", NULL };

static void load_term(struct arena *a, const struct config *cfg, const char *file,
		      struct value *m, struct gloss_term *t, struct diags *d)
{
	const struct value *match, *guides;

	t->line = m->line;
	t->col = m->col;
	schema_unknown_keys(m, term_keys, NULL, "glossary key", file, d);
	t->term = schema_str(m, "term", file, d);
	t->definition = schema_str(m, "definition", file, d);
	if (!t->term) {
		diag_error(d, file, m->line, m->col, "glossary entry has no 'term'");
		t->term = "";
	}
	if (!t->definition)
		diag_error(d, file, m->line, m->col, "term '%s' has no 'definition'", t->term);
	t->id = text_slug(a, t->term, strlen(t->term));

	match = schema_str_list(a, m, "match", file, d);
	t->match = arena_alloc(a, ((match ? match->len : 0) + 1) * sizeof(*t->match));
	if (match && match->len) {
		for (size_t i = 0; i < match->len; i++)
			t->match[t->n_match++] = match->items[i]->str;
	} else {
		t->match[t->n_match++] = t->term;
	}

	guides = value_map_get(m, "guides");
	if (guides && guides->kind != VAL_MAP && guides->kind != VAL_NULL) {
		diag_error(d, file, guides->line, guides->col,
			   "'guides' should map guide ids to their own explanation");
		guides = NULL;
	}
	for (size_t i = 0; guides && guides->kind == VAL_MAP && i < guides->len; i++) {
		const struct value_pair *p = &guides->pairs[i];
		bool known = false;
		for (size_t g = 0; g < cfg->n_guides && !known; g++)
			known = !strcmp(cfg->guides[g].id, p->key);
		if (!known)
			diag_error(d, file, p->line, p->col, "term '%s' has words for unknown guide '%s'",
				   t->term, p->key);
		else if (p->val->kind != VAL_STRING)
			diag_error(d, file, p->val->line, p->val->col,
				   "the explanation of '%s' for '%s' should be text", t->term, p->key);
	}
	t->guides = guides && guides->kind == VAL_MAP ? guides : NULL;
}

static int term_cmp(const void *pa, const void *pb)
{
	const struct gloss_term *a = pa, *b = pb;
	int c = strcasecmp(a->term, b->term);
	return c ? c : strcmp(a->term, b->term);
}

void glossary_load(struct arena *a, const char *site_dir, const struct config *cfg,
		   struct glossary *out, struct diags *d)
{
	const char *file = "content/glossary.yaml";
	const char *path = path_join(a, site_dir, file);
	struct value *root, *list;
	size_t len;
	char *src;

	out->terms = NULL;
	out->n = 0;
	if (fs_kind(path) == FS_MISSING)
		return;
	src = fs_read(path, file, &len, d);
	if (!src)
		return;
	root = yaml_parse(a, file, src, len, 0, d);
	free(src);
	if (!root || root->kind == VAL_NULL)
		return;
	if (root->kind != VAL_MAP) {
		diag_error(d, file, root->line, root->col, "the glossary should be a mapping with 'terms'");
		return;
	}
	schema_unknown_keys(root, file_keys, NULL, "glossary key", file, d);
	list = value_map_get(root, "terms");
	if (!list || list->kind != VAL_LIST) {
		diag_error(d, file, root->line, root->col, "'terms' should be a list of terms");
		return;
	}
	out->terms = arena_alloc(a, (list->len ? list->len : 1) * sizeof(*out->terms));
	for (size_t i = 0; i < list->len; i++) {
		struct value *m = list->items[i];
		struct gloss_term *t = &out->terms[out->n];
		if (m->kind != VAL_MAP) {
			diag_error(d, file, m->line, m->col, "each term should be a mapping with 'term' and 'definition'");
			continue;
		}
		load_term(a, cfg, file, m, t, d);
		for (size_t k = 0; k < out->n; k++)
			if (!strcmp(out->terms[k].id, t->id))
				diag_error(d, file, t->line, t->col,
					   "term '%s' is already explained on line %d", t->term,
					   out->terms[k].line);
		out->n++;
	}
	if (out->n > 1)
		qsort(out->terms, out->n, sizeof(*out->terms), term_cmp);
}

const char *glossary_definition(const struct gloss_term *t, const struct guide *g)
{
	const char *own = g ? value_map_str(t->guides, g->id) : NULL;
	return own ? own : t->definition;
}
