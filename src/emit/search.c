/*
 * search.c: terms to postings to shards.
 *
 * A field's words count by weight: title 10, headings 4, keywords 3,
 * body 1, with at most BODY_CAP occurrences of one word in the body
 * counted, so long pages do not drown short precise ones.
 */
#include "emit/search.h"
#include "emit/tokenize.h"
#include "site/directory.h"
#include "util/escape.h"

#include <strings.h>

#define W_TITLE 10
#define W_KEYWORDS 3
#define W_HEADINGS 4
#define W_BODY 1
#define BODY_CAP 5

struct posting {
	uint32_t doc, score;
};

struct term {
	char *name;              /* owned */
	struct posting *p;       /* owned */
	uint32_t n, cap;
	uint32_t body_hits;      /* in the current document's body */
};

struct index {
	struct term *slots;      /* open addressing, power of two */
	size_t cap, used;
	uint32_t doc;            /* the document being added */
	uint32_t weight;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;   /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static struct term *lookup(struct index *ix, const char *name)
{
	size_t mask, i;

	if (ix->used * 2 >= ix->cap) {
		struct term *old = ix->slots;
		size_t old_cap = ix->cap;
		ix->cap = ix->cap ? ix->cap * 2 : 1024;
		ix->slots = xcalloc(ix->cap, sizeof(*ix->slots));
		for (size_t k = 0; k < old_cap; k++) {
			if (!old[k].name)
				continue;
			i = hash(old[k].name) & (ix->cap - 1);
			while (ix->slots[i].name)
				i = (i + 1) & (ix->cap - 1);
			ix->slots[i] = old[k];
		}
		free(old);
	}
	mask = ix->cap - 1;
	i = hash(name) & mask;
	while (ix->slots[i].name && strcmp(ix->slots[i].name, name))
		i = (i + 1) & mask;
	if (!ix->slots[i].name) {
		ix->slots[i].name = xstrdup(name);
		ix->used++;
	}
	return &ix->slots[i];
}

static void add_term(void *ctx, const char *name, size_t pos)
{
	struct index *ix = ctx;
	struct term *t = lookup(ix, name);
	(void)pos;

	if (!t->n || t->p[t->n - 1].doc != ix->doc) {
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 4;
			t->p = xrealloc(t->p, t->cap * sizeof(*t->p));
		}
		t->p[t->n++] = (struct posting){ ix->doc, 0 };
		t->body_hits = 0;
	}
	if (ix->weight == W_BODY && ++t->body_hits > BODY_CAP)
		return;
	t->p[t->n - 1].score += ix->weight;
}

static void add_field(struct index *ix, const char *text, uint32_t weight)
{
	if (!text)
		return;
	ix->weight = weight;
	tokenize(text, strlen(text), add_term, ix);
}

static int term_cmp(const void *a, const void *b)
{
	return strcmp((*(struct term *const *)a)->name, (*(struct term *const *)b)->name);
}

static int posting_cmp(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* The shard a term lives in: its first two characters. */
static void shard_key(const char *name, char key[3])
{
	key[0] = name[0];
	key[1] = name[1] ? name[1] : '_';
	key[2] = '\0';
}

static void json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	escape_json(b, s ? s : "", s ? strlen(s) : 0);
	buf_addc(b, '"');
}

static unsigned tag_of(const struct render_ctx *rc, const struct search_doc *d)
{
	unsigned g = d->guide ? 1 + (unsigned)(d->guide - rc->site->cfg->guides) : 0;
	return g * 4 + (unsigned)d->kind;
}

static const char *const kind_names[] = { "page", "service", "organisation", "event" };

/* A phrase as the tokenizer sees it: its terms joined by spaces. */
static void norm_term(void *ctx, const char *term, size_t pos)
{
	struct buf *b = ctx;
	(void)pos;
	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, term);
}

/* One synonym group: its distinct phrases, tokenized, as a JSON array
 * after a comma when comma is set; nothing when fewer than two are
 * distinct (to the tokenizer "adoption orders" is "adoption order", and
 * a phrase of one letter is nothing).  Returns whether it wrote. */
static bool synonym_group(struct buf *b, const char *const *phrases, size_t n, bool comma)
{
	struct buf *t = xcalloc(n, sizeof(*t));
	size_t k = 0;

	for (size_t m = 0; m < n; m++) {
		bool dup;
		tokenize(phrases[m], strlen(phrases[m]), norm_term, &t[k]);
		dup = !t[k].len;
		for (size_t j = 0; j < k && !dup; j++)
			dup = !strcmp(buf_cstr(&t[j]), buf_cstr(&t[k]));
		if (dup)
			buf_reset(&t[k]);
		else
			k++;
	}
	if (k > 1) {
		if (comma)
			buf_addc(b, ',');
		buf_addc(b, '[');
		for (size_t m = 0; m < k; m++) {
			if (m)
				buf_addc(b, ',');
			json_str(b, buf_cstr(&t[m]));
		}
		buf_addc(b, ']');
	}
	for (size_t m = 0; m < n; m++)
		buf_free(&t[m]);
	free(t);
	return k > 1;
}

static void write_manifest(struct render_ctx *rc, const struct search_docs *docs,
			   struct term **terms, size_t n)
{
	struct buf b = BUF_INIT;
	const struct config *cfg = rc->site->cfg;
	const struct glossary *gl = rc->site->glossary;
	const struct directory_model *dm = rc->site->directory;
	bool first = true;
	char prev[3] = "";

	buf_printf(&b, "{\"v\":1,\"docs\":%zu,\"chunk\":%d,\"shards\":[", docs->n, SEARCH_CHUNK);
	for (size_t i = 0; i < n; i++) {
		char key[3];
		shard_key(terms[i]->name, key);
		if (!strcmp(key, prev))
			continue;
		if (*prev)
			buf_addc(&b, ',');
		memcpy(prev, key, 3);
		json_str(&b, key);
	}
	buf_adds(&b, "],\"kinds\":[");
	for (size_t k = 0; k < ARRAY_LEN(kind_names); k++) {
		if (k)
			buf_addc(&b, ',');
		json_str(&b, kind_names[k]);
	}
	buf_adds(&b, "],\"guides\":[");
	for (size_t g = 0; g < cfg->n_guides; g++) {
		if (g)
			buf_addc(&b, ',');
		buf_adds(&b, "{\"id\":");
		json_str(&b, cfg->guides[g].id);
		buf_adds(&b, ",\"title\":");
		json_str(&b, cfg->guides[g].title);
		buf_addc(&b, '}');
	}
	buf_adds(&b, "],\"synonyms\":[");
	for (size_t g = 0; gl && g < gl->n; g++) {
		const struct gloss_term *t = &gl->terms[g];
		const char **phrases = xcalloc(t->n_match + 1, sizeof(*phrases));
		size_t np = 0;
		phrases[np++] = t->term;
		for (size_t m = 0; m < t->n_match; m++)
			if (strcasecmp(t->match[m], t->term))
				phrases[np++] = t->match[m];
		if (np > 1 && synonym_group(&b, phrases, np, !first))
			first = 0;
		free(phrases);
	}
	/* the directory's vocabularies: a term's label and its synonyms */
	for (int v = 0; dm && v < VOCAB_COUNT; v++) {
		const struct vocabulary *voc = &dm->dir->tax.v[v];
		for (size_t i = 0; i < voc->n; i++) {
			const struct vocab_term *t = &voc->terms[i];
			const char **phrases;
			size_t np = 0;
			if (!t->synonyms || !t->synonyms->len)
				continue;
			phrases = xcalloc(t->synonyms->len + 1, sizeof(*phrases));
			phrases[np++] = t->label;
			for (size_t k = 0; k < t->synonyms->len; k++)
				phrases[np++] = t->synonyms->items[k]->str;
			if (synonym_group(&b, phrases, np, !first))
				first = 0;
			free(phrases);
		}
	}
	buf_adds(&b, "]}\n");
	outputs_add(rc, "search/manifest.json", &b);
}

static void write_shards(struct render_ctx *rc, const struct search_docs *docs,
			 struct term **terms, size_t n)
{
	size_t i = 0;

	while (i < n) {
		char key[3], k2[3];
		struct buf b = BUF_INIT;
		shard_key(terms[i]->name, key);
		buf_addc(&b, '{');
		for (size_t first = 1; i < n; i++, first = 0) {
			struct term *t = terms[i];
			shard_key(t->name, k2);
			if (strcmp(key, k2))
				break;
			if (!first)
				buf_addc(&b, ',');
			json_str(&b, t->name);
			buf_addc(&b, ':');
			buf_addc(&b, '[');
			qsort(t->p, t->n, sizeof(*t->p), posting_cmp);
			for (uint32_t p = 0; p < t->n; p++)
				buf_printf(&b, "%s%u,%u,%u", p ? "," : "", t->p[p].doc, t->p[p].score,
					   tag_of(rc, &docs->v[t->p[p].doc]));
			buf_addc(&b, ']');
		}
		buf_adds(&b, "}\n");
		outputs_add(rc, arena_printf(rc->a, "search/s/%s.json", key), &b);
	}
}

static void write_meta(struct render_ctx *rc, const struct search_docs *docs)
{
	for (size_t c = 0; c * SEARCH_CHUNK < docs->n; c++) {
		struct buf b = BUF_INIT;
		buf_addc(&b, '[');
		for (size_t i = c * SEARCH_CHUNK; i < docs->n && i < (c + 1) * SEARCH_CHUNK; i++) {
			const struct search_doc *d = &docs->v[i];
			if (i > c * SEARCH_CHUNK)
				buf_addc(&b, ',');
			buf_addc(&b, '[');
			json_str(&b, d->url);
			buf_addc(&b, ',');
			json_str(&b, d->title);
			buf_printf(&b, ",%d,", (int)d->kind);
			json_str(&b, d->guide ? d->guide->id : "");
			buf_addc(&b, ',');
			json_str(&b, d->summary);
			buf_addc(&b, ']');
		}
		buf_adds(&b, "]\n");
		outputs_add(rc, arena_printf(rc->a, "search/m/%zu.json", c), &b);
	}
}

void search_emit(struct render_ctx *rc, const struct search_docs *docs)
{
	struct index ix = { 0 };
	struct term **terms;
	size_t n = 0;

	for (size_t i = 0; i < docs->n; i++) {
		const struct search_doc *d = &docs->v[i];
		ix.doc = (uint32_t)i;
		add_field(&ix, d->title, W_TITLE);
		add_field(&ix, d->keywords, W_KEYWORDS);
		add_field(&ix, d->headings, W_HEADINGS);
		add_field(&ix, d->body, W_BODY);
	}
	terms = xcalloc(ix.used ? ix.used : 1, sizeof(*terms));
	for (size_t i = 0; i < ix.cap; i++)
		if (ix.slots[i].name)
			terms[n++] = &ix.slots[i];
	qsort(terms, n, sizeof(*terms), term_cmp);

	write_manifest(rc, docs, terms, n);
	write_shards(rc, docs, terms, n);
	write_meta(rc, docs);

	for (size_t i = 0; i < ix.cap; i++) {
		free(ix.slots[i].name);
		free(ix.slots[i].p);
	}
	free(ix.slots);
	free(terms);
}
