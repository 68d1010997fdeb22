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
#include "util/text.h"

#include <strings.h>

#define W_TITLE 10
#define W_KEYWORDS 3
#define W_HEADINGS 4
#define W_BODY 1
#define BODY_CAP 5

/* Six bytes, not eight: a large site has millions.  A score past
 * UINT16_MAX (a word thousands of times in one page's headings) stays
 * at UINT16_MAX. */
struct posting {
	uint32_t doc;
	uint16_t score;
} __attribute__((packed));

struct term {
	char *name;              /* owned */
	struct posting *p;       /* owned */
	uint32_t n, cap;
	uint32_t body_hits;      /* in the current document's body */
	struct buf enc;          /* the postings, encoded (see search.h) */
	size_t shard;            /* the shard it is written in */
};

struct index {
	struct term *slots;      /* open addressing, power of two */
	size_t cap, used;
	uint32_t doc;            /* the document being added */
	uint32_t weight;
};

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
			i = text_hash(old[k].name, strlen(old[k].name)) & (ix->cap - 1);
			while (ix->slots[i].name)
				i = (i + 1) & (ix->cap - 1);
			ix->slots[i] = old[k];
		}
		free(old);
	}
	mask = ix->cap - 1;
	i = text_hash(name, strlen(name)) & mask;
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
	t->p[t->n - 1].score = t->p[t->n - 1].score > UINT16_MAX - ix->weight ?
				       UINT16_MAX : (uint16_t)(t->p[t->n - 1].score + ix->weight);
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

/* Sorts p[0..n) by score, best first, keeping the order of equal
 * scores (document order): two stable counting passes, a byte of the
 * score each, through tmp[0..n). */
static void sort_by_score(struct posting *p, struct posting *tmp, size_t n)
{
	for (unsigned shift = 0; shift < 16; shift += 8) {
		size_t at[257] = { 0 };
		struct posting *swap;
		for (size_t i = 0; i < n; i++)
			at[1 + (((UINT16_MAX - p[i].score) >> shift) & 255)]++;
		for (size_t d = 1; d < 256; d++)
			at[d] += at[d - 1];
		for (size_t i = 0; i < n; i++)
			tmp[at[((UINT16_MAX - p[i].score) >> shift) & 255]++] = p[i];
		swap = p;
		p = tmp;
		tmp = swap;
	}
}

/* A number as base-32 digits, least significant first, each digit a
 * character of the 64 from '#' to 'c' without the backslash: the digit
 * plus 32 when more digits follow. */
static void put_num(struct buf *b, uint32_t v)
{
	char digits[8];
	size_t n = 0;

	for (;;) {
		unsigned d = (v & 31) | (v >= 32 ? 32 : 0);
		char c = (char)('#' + d);
		digits[n++] = c >= '\\' ? (char)(c + 1) : c;
		if (v < 32)
			break;
		v >>= 5;
	}
	buf_add(b, digits, n);
}

/* A term's postings as search.h says: groups of equal score, best
 * first, each its score, its size and its documents, the first as it
 * is and the others as the difference from the one before. */
static void encode_postings(struct term *t)
{
	struct posting *tmp = xcalloc(t->n ? t->n : 1, sizeof(*tmp));

	/* postings are made in document order */
	sort_by_score(t->p, tmp, t->n);
	free(tmp);
	for (uint32_t i = 0, j; i < t->n; i = j) {
		for (j = i + 1; j < t->n && t->p[j].score == t->p[i].score; j++)
			;
		put_num(&t->enc, t->p[i].score);
		put_num(&t->enc, j - i);
		for (uint32_t k = i; k < j; k++)
			put_num(&t->enc, k == i ? t->p[k].doc : t->p[k].doc - t->p[k - 1].doc);
	}
	/* only the encoded form is written */
	free(t->p);
	t->p = NULL;
	t->n = t->cap = 0;
}

/* The bytes a term takes in its shard: "name":"postings", */
static size_t term_bytes(const struct term *t)
{
	return strlen(t->name) + t->enc.len + 6;
}

/* Whether terms of these bytes make a small enough file: {…}\n without
 * the last comma. */
static bool fits(size_t bytes)
{
	return bytes + 2 <= SEARCH_SHARD_BYTES;
}

struct shard {
	char *key;               /* owned */
};

struct shards {
	struct shard *v;
	size_t n, cap;
};

static void shard_new(struct shards *sh, const char *name, size_t len)
{
	if (sh->n == sh->cap) {
		sh->cap = sh->cap ? sh->cap * 2 : 64;
		sh->v = xrealloc(sh->v, sh->cap * sizeof(*sh->v));
	}
	sh->v[sh->n++] = (struct shard){ xstrndup(name, len) };
}

static void shard_put(struct shards *sh, struct term **t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		t[i]->shard = sh->n - 1;
}

struct group {
	size_t at, n, bytes;
	bool kept;               /* in the shard of the shorter key */
};

static int group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->bytes != y->bytes)
		return x->bytes < y->bytes ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Splits the terms t[0..n), sorted, which all begin with the same len
 * characters, into shards of at most SEARCH_SHARD_BYTES where it can:
 * all of them under the key of those characters when they fit, else
 * by their next character, the groups that fit (smallest first) kept
 * with the term of exactly len characters under that key, the others
 * split again.  So every term is in the shard of the longest key that
 * begins it, and the terms that begin with a prefix are in the shards
 * whose keys begin with it or, when no key does, in the shard of the
 * longest key that begins the prefix.  Keys have one character or
 * more: the terms of each first character are planned apart. */
static void plan_shards(struct shards *sh, struct term **t, size_t n, size_t len)
{
	struct group *g;
	size_t ng = 0, bytes = 0, own = 0, kept;

	for (size_t i = 0; i < n; i++)
		bytes += term_bytes(t[i]);
	if (len && fits(bytes)) {
		shard_new(sh, t[0]->name, len);
		shard_put(sh, t, n);
		return;
	}
	if (n && strlen(t[0]->name) == len)
		own = 1;
	g = xcalloc(n, sizeof(*g));
	for (size_t i = own; i < n; i++) {
		if (i == own || t[i]->name[len] != t[i - 1]->name[len])
			g[ng++] = (struct group){ i, 0, 0, false };
		g[ng - 1].n++;
		g[ng - 1].bytes += term_bytes(t[i]);
	}
	qsort(g, ng, sizeof(*g), group_cmp);
	kept = own ? term_bytes(t[0]) : 0;
	for (size_t k = 0; k < ng; k++) {
		if (len && fits(kept + g[k].bytes)) {
			kept += g[k].bytes;
			g[k].kept = true;
		}
	}
	if (kept) {
		shard_new(sh, t[0]->name, len);
		shard_put(sh, t, own);
		for (size_t k = 0; k < ng; k++)
			if (g[k].kept)
				shard_put(sh, t + g[k].at, g[k].n);
	}
	for (size_t k = 0; k < ng; k++)
		if (!g[k].kept)
			plan_shards(sh, t + g[k].at, g[k].n, len + 1);
	free(g);
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

/* A document in the order of the index: by kind, then guide, else as
 * added, so that each tag (guide and kind) is one run of documents. */
struct doc_order {
	unsigned tag;
	size_t added;
};

static int order_cmp(const void *a, const void *b)
{
	const struct doc_order *x = a, *y = b;
	if ((x->tag & 3) != (y->tag & 3))
		return (x->tag & 3) < (y->tag & 3) ? -1 : 1;
	if (x->tag != y->tag)
		return x->tag < y->tag ? -1 : 1;
	return x->added < y->added ? -1 : x->added > y->added;
}

static void write_manifest(struct render_ctx *rc, const struct search_docs *docs,
			   const unsigned *tags, const struct shards *sh)
{
	struct buf b = BUF_INIT;
	const struct config *cfg = rc->site->cfg;
	const struct glossary *gl = rc->site->glossary;
	const struct directory_model *dm = rc->site->directory;
	bool first = true;

	buf_printf(&b, "{\"v\":2,\"docs\":%zu,\"chunk\":%d,\"tags\":[", docs->n, SEARCH_CHUNK);
	for (size_t i = 0, k = 0; i < docs->n; i++) {
		if (i && tags[i] == tags[i - 1])
			continue;
		buf_printf(&b, "%s[%zu,%u]", k++ ? "," : "", i, tags[i]);
	}
	buf_adds(&b, "],\"shards\":[");
	for (size_t i = 0; i < sh->n; i++) {
		if (i)
			buf_addc(&b, ',');
		json_str(&b, sh->v[i].key);
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

struct shard_rank {
	const char *key;
	size_t planned;
};

static int shard_cmp(const void *a, const void *b)
{
	return strcmp(((const struct shard_rank *)a)->key, ((const struct shard_rank *)b)->key);
}

/* terms: sorted by shard, then by name */
static void write_shards(struct render_ctx *rc, const struct shards *sh, struct term **terms, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t s = terms[i]->shard;
		struct buf b = BUF_INIT;
		buf_addc(&b, '{');
		for (size_t first = i; i < n && terms[i]->shard == s; i++) {
			if (i > first)
				buf_addc(&b, ',');
			json_str(&b, terms[i]->name);
			buf_adds(&b, ":\"");
			buf_add(&b, terms[i]->enc.data, terms[i]->enc.len);
			buf_addc(&b, '"');
		}
		buf_adds(&b, "}\n");
		outputs_add(rc, arena_printf(rc->a, "search/s/%s.json", sh->v[s].key), &b);
	}
}

static void write_meta(struct render_ctx *rc, const struct search_docs *docs, const size_t *order)
{
	for (size_t c = 0; c * SEARCH_CHUNK < docs->n; c++) {
		struct buf b = BUF_INIT;
		buf_addc(&b, '[');
		for (size_t i = c * SEARCH_CHUNK; i < docs->n && i < (c + 1) * SEARCH_CHUNK; i++) {
			const struct search_doc *d = &docs->v[order[i]];
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

static int by_shard_cmp(const void *a, const void *b)
{
	const struct term *x = *(struct term *const *)a, *y = *(struct term *const *)b;
	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	return strcmp(x->name, y->name);
}

void search_emit(struct render_ctx *rc, const struct search_docs *docs)
{
	struct index ix = { 0 };
	struct shards sh = { 0 };
	struct term **terms;
	struct doc_order *ord = xcalloc(docs->n + 1, sizeof(*ord));
	struct shard_rank *sr;
	struct shard *sorted;
	size_t n = 0, *order = xcalloc(docs->n + 1, sizeof(*order)), *rank;
	unsigned *tags = xcalloc(docs->n + 1, sizeof(*tags));

	/* the documents by tag; the index numbers them in that order */
	for (size_t i = 0; i < docs->n; i++)
		ord[i] = (struct doc_order){ tag_of(rc, &docs->v[i]), i };
	qsort(ord, docs->n, sizeof(*ord), order_cmp);
	for (size_t i = 0; i < docs->n; i++) {
		const struct search_doc *d = &docs->v[ord[i].added];
		order[i] = ord[i].added;
		tags[i] = ord[i].tag;
		ix.doc = (uint32_t)i;
		add_field(&ix, d->title, W_TITLE);
		add_field(&ix, d->keywords, W_KEYWORDS);
		add_field(&ix, d->headings, W_HEADINGS);
		add_field(&ix, d->body, W_BODY);
		add_field(&ix, d->tables, W_BODY);
	}
	terms = xcalloc(ix.used ? ix.used : 1, sizeof(*terms));
	for (size_t i = 0; i < ix.cap; i++)
		if (ix.slots[i].name)
			terms[n++] = &ix.slots[i];
	qsort(terms, n, sizeof(*terms), term_cmp);
	for (size_t i = 0; i < n; i++)
		encode_postings(terms[i]);

	/* the shards, planned, then numbered in the order of their keys */
	plan_shards(&sh, terms, n, 0);
	sr = xcalloc(sh.n + 1, sizeof(*sr));
	rank = xcalloc(sh.n + 1, sizeof(*rank));
	sorted = xcalloc(sh.n + 1, sizeof(*sorted));
	for (size_t i = 0; i < sh.n; i++)
		sr[i] = (struct shard_rank){ sh.v[i].key, i };
	qsort(sr, sh.n, sizeof(*sr), shard_cmp);
	for (size_t i = 0; i < sh.n; i++) {
		rank[sr[i].planned] = i;
		sorted[i] = sh.v[sr[i].planned];
	}
	free(sh.v);
	sh.v = sorted;
	for (size_t i = 0; i < n; i++)
		terms[i]->shard = rank[terms[i]->shard];
	qsort(terms, n, sizeof(*terms), by_shard_cmp);

	write_manifest(rc, docs, tags, &sh);
	write_shards(rc, &sh, terms, n);
	write_meta(rc, docs, order);
	/* serve's update of a built site: the files no longer made go */
	if (rc->out->updating) {
		outputs_retire(rc->out, "search/s/");
		outputs_retire(rc->out, "search/m/");
	}

	for (size_t i = 0; i < ix.cap; i++) {
		free(ix.slots[i].name);
		free(ix.slots[i].p);
		buf_free(&ix.slots[i].enc);
	}
	for (size_t i = 0; i < sh.n; i++)
		free(sh.v[i].key);
	free(sh.v);
	free(sr);
	free(rank);
	free(ix.slots);
	free(terms);
	free(order);
	free(tags);
	free(ord);
}
